//! A generated lesson library for the benchmarks and the first-frame harness: realistic
//! lessons of about 9 KB each (two pages of plain text, 10 questions with 4 choices and
//! feedback each, and a pretend chat), written as TOML files into a folder.
//!
//! Shared by `benches/*.rs` and `examples/*.rs` through `#[path]`, so every measurement
//! reads the same bytes.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// Sentences for the pages, picked in a different order for each lesson.
const SENTENCES: [&str; 16] = [
    "Some people online pretend to be someone else, and it is hard to tell from a screen.",
    "A photo or a video is not proof of who someone is, because anyone can copy a photo.",
    "If a chat makes you feel worried, scared or uncomfortable, you can stop and tell someone.",
    "Your full name, your address, your school and your phone number are private information.",
    "A real friend will not ask you to keep secrets from your family or the adults you trust.",
    "Strong passwords are long, hard to guess, and never shared, not even with your best friend.",
    "Before you post a picture, think about who could see it and where it could end up later.",
    "You can block and report anyone who is unkind, and it is never your fault when they are.",
    "Game chats and video apps are fun, but the same rules apply there as everywhere online.",
    "Someone who gives you lots of praise very fast may want something from you in return.",
    "If someone asks you to move to a private app, that is a warning sign worth noticing.",
    "Gifts, game credits or money from someone you only know online can come with strings attached.",
    "Privacy settings decide who can see what you share, so check them with a trusted adult.",
    "Meeting someone you only know online is never safe without a trusted adult who knows.",
    "Save the messages before you block, so that a trusted adult can see what happened.",
    "Mean messages can hurt, and standing up for a friend who is being bullied helps a lot.",
];

const BULLETS: [&str; 8] = [
    "Stop: do not reply to a message that worries you.",
    "Block the person, so they cannot message you again.",
    "Save the messages, with a screenshot if you can.",
    "Tell a trusted adult: a parent, a teacher or another grown-up you trust.",
    "Never share your password, your address or your school.",
    "Ask before you download an app or join a new group.",
    "Remember that a photo can be copied and shared in seconds.",
    "It is never too late to tell someone, even if you already replied.",
];

const PROMPTS: [&str; 10] = [
    "Ali gets a friend request from someone he does not know. What should he do?",
    "A player says she is 11 and asks for your phone number. What do you do?",
    "Which of these is private information you should keep to yourself?",
    "Someone you met in a game offers you free credits if you send a photo. What is true?",
    "Sana sees a mean comment about her friend in a group chat. What can she do?",
    "An online friend asks you to keep your chats a secret. What does that mean?",
    "Which password is the strongest one to use for your game account?",
    "A video app asks to see your location. What is the safest choice?",
    "Someone online wants to meet you at the park tomorrow. What should you do?",
    "You sent a message you now regret, and someone is threatening you. What now?",
];

/// Right answers, with their feedback.
const GOOD: [(&str, &str); 4] = [
    (
        "Tell a trusted adult",
        "Yes. A trusted adult can help you decide what to do.",
    ),
    (
        "Block and report them",
        "Blocking and reporting keeps them away from you and others.",
    ),
    (
        "Check with a grown-up first",
        "Good idea. A grown-up can check if it is safe.",
    ),
    (
        "Save the messages and tell",
        "Yes. Saved messages help an adult see what happened.",
    ),
];

/// Wrong answers, with feedback that says why.
const BAD: [(&str, &str); 5] = [
    (
        "Keep it to myself",
        "Keeping worries secret lets the problem grow. Tell someone.",
    ),
    (
        "Reply and ask who they are",
        "Replying gives them more to work with. Stop and tell.",
    ),
    (
        "Send what they ask for",
        "Never send private things. It is not safe, and it is not your fault.",
    ),
    (
        "Share it with the group",
        "Sharing it spreads the harm further. Save it and tell an adult.",
    ),
    (
        "Ignore it and carry on",
        "It may not stop on its own. Telling someone is safer.",
    ),
];

const AGE_BANDS: [(u32, u32); 5] = [(5, 7), (8, 10), (11, 13), (14, 16), (16, 18)];

/// The file name of lesson `i`, so that the files sort in the order they are made.
pub fn file_name(i: usize) -> String {
    format!("lesson-{i:05}.toml")
}

/// The TOML text of lesson `i`: a page, a question, a chat, four questions, a second
/// page and five more questions. Its pages are short enough for its age band (no
/// warnings).
pub fn lesson(i: usize) -> String {
    lesson_with_page(i, &format!("lesson-{i:05}"), 0)
}

/// Lesson `i` with its own `id`, and a first page at least `page_bytes` long.
fn lesson_with_page(i: usize, id: &str, page_bytes: usize) -> String {
    let (min, max) = AGE_BANDS[i % AGE_BANDS.len()];
    let mut s = String::with_capacity(10 * 1024);
    let _ = write!(
        s,
        r#"format_version = 1
id = "{id}"
title = "Staying safe online, part {i}"
summary = "What to do when something online worries you: stop, block, save and tell a trusted adult."
ages = {{ min = {min}, max = {max} }}
topics = ["online friends", "privacy", "warning signs"]
minutes = {minutes}
pass_percent = 80
shuffle_choices = false
sources = ["Childnet SMART rules", "NCMEC NetSmartz", "NSPCC"]
"#,
        minutes = 10 + i % 6,
    );
    page(&mut s, i, page_bytes);
    question(&mut s, i, 0);
    chat(&mut s, i);
    for q in 1..5 {
        question(&mut s, i, q);
    }
    page(&mut s, i + 7, 0);
    for q in 5..10 {
        question(&mut s, i, q);
    }
    s
}

/// A page: two short paragraphs and three bullets (about 100 words), then more sentences
/// until its text is at least `bytes` long.
fn page(s: &mut String, i: usize, bytes: usize) {
    let _ = write!(
        s,
        "\n[[steps]]\ntype = \"page\"\ntitle = \"What to do, part {i}\"\ntext = \"\"\"\n"
    );
    let start = s.len();
    let mut k = i;
    for _ in 0..2 {
        for _ in 0..2 {
            s.push_str(SENTENCES[k % SENTENCES.len()]);
            s.push(' ');
            k += 3;
        }
        s.pop();
        s.push_str("\n\n");
    }
    for b in 0..3 {
        let _ = writeln!(s, "- {}", BULLETS[(i + b) % BULLETS.len()]);
    }
    if s.len() - start < bytes {
        s.push('\n');
        while s.len() - start < bytes {
            s.push_str(SENTENCES[k % SENTENCES.len()]);
            s.push(' ');
            k += 5;
        }
        s.pop();
        s.push('\n');
    }
    s.push_str("\"\"\"\n");
}

/// Question `q` of lesson `i`: 4 choices, each with feedback. Every third question takes
/// several answers; the others take one, and the right one is the second choice.
fn question(s: &mut String, i: usize, q: usize) {
    let multiple = q % 3 == 2;
    let kind = if multiple { "multiple" } else { "single" };
    let prompt = PROMPTS[(i + q) % PROMPTS.len()];
    let _ = write!(
        s,
        "\n[[steps]]\ntype = \"question\"\nkind = \"{kind}\"\nprompt = \"{prompt}\"\n"
    );
    if q.is_multiple_of(4) {
        s.push_str("hint = \"Would a trusted adult want to know about this?\"\n");
    }
    if q % 4 == 1 {
        s.push_str("explanation = \"Stop, block, save and tell works for most worries.\"\n");
    }
    for c in 0..4 {
        let correct = c == 1 || (multiple && c == 3);
        let (text, feedback) = if correct {
            GOOD[(i + q + c) % GOOD.len()]
        } else {
            BAD[(i + q * 3 + c) % BAD.len()]
        };
        s.push_str("  [[steps.choices]]\n");
        let _ = writeln!(s, "  text = \"{text}\"");
        if correct {
            s.push_str("  correct = true\n");
        }
        let _ = writeln!(s, "  feedback = \"{feedback}\"");
    }
}

/// A pretend chat of six messages, two of them red flags.
fn chat(s: &mut String, i: usize) {
    let _ = write!(
        s,
        r#"
[[steps]]
type = "chat"
title = "A new friend in your game"
with = "StarPlayer_{n}"
intro = "Read the chat. Mark every message that is a warning sign."
  [[steps.messages]]
  from = "them"
  text = "you're really good at this game!! how old r u?"
  red_flag = true
  why = "Lots of praise and a personal question very early."
  [[steps.messages]]
  from = "me"
  text = "I'm 10"
  [[steps.messages]]
  from = "them"
  text = "gg, see you next match"
  why = "A normal thing to say after a game."
  [[steps.messages]]
  from = "them"
  text = "lets talk on another app, don't tell ur parents ok"
  red_flag = true
  why = "Moving to a private app and keeping secrets are warning signs."
  [[steps.messages]]
  from = "me"
  text = "why?"
  [[steps.messages]]
  from = "them"
  text = "nice move in the last round"
  why = "Friendly, and asks for nothing."
"#,
        n = i % 100
    );
}

/// Writes `count` lessons into `dir` (made if need be) and returns their total size in
/// bytes.
pub fn write_library(dir: &Path, count: usize) -> u64 {
    fs::create_dir_all(dir).expect("the library folder can be made");
    let mut bytes = 0;
    for i in 0..count {
        let text = lesson(i);
        bytes += text.len() as u64;
        fs::write(dir.join(file_name(i)), text).expect("a lesson file can be written");
    }
    bytes
}

/// The text of every `.toml` file in `dir`, sorted by name, read once.
pub fn read_library(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .expect("the library folder can be read")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| fs::read_to_string(p).expect("a lesson file can be read"))
        .collect()
}

/// Panics unless lesson `i` reads with no errors and no warnings, with 10 questions and
/// a chat (11 questions in all, as the app counts them).
pub fn assert_lesson_is_clean(i: usize) {
    let text = lesson(i);
    let parsed = mehfooz::lesson::parse_lesson(Path::new(&file_name(i)), &text);
    assert!(
        parsed.diagnostics.is_empty(),
        "generated lesson {i} has problems: {:#?}",
        parsed.diagnostics
    );
    let lesson = parsed.lesson.expect("a clean lesson is read");
    assert_eq!(lesson.question_count(), 11, "10 questions and a chat");
}

/// The id of the lesson for the frame benchmarks.
pub const FRAME_LESSON: &str = "frame-lesson";

/// Writes the lesson for the frame benchmarks alone in `dir`: like lesson 0 (the
/// youngest age band, so first in the list when its folder is loaded first), but its
/// first page has 2 KB of text. It has no errors; the long page gets one warning, as
/// `check` would say.
pub fn write_frame_lesson(dir: &Path) {
    let text = lesson_with_page(0, FRAME_LESSON, 2048);
    let parsed = mehfooz::lesson::parse_lesson(Path::new("frame.toml"), &text);
    assert!(
        !parsed.diagnostics.iter().any(|d| d.is_error()),
        "the frame lesson has errors: {:#?}",
        parsed.diagnostics
    );
    assert!(parsed.lesson.is_some());
    fs::create_dir_all(dir).expect("the folder can be made");
    fs::write(dir.join("frame.toml"), text).expect("the frame lesson can be written");
}
