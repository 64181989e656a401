//! The lessons built into Mehfooz (the `lessons/` folder): content rules every shipped
//! lesson must keep, and one walk through each lesson in the plain mode.

mod common;

use std::fs;
use std::path::PathBuf;

use common::{crate_dir, data_dir, mehfooz, run};
use mehfooz::diagnostic::Severity;
use mehfooz::lesson::glossary;
use mehfooz::lesson::{Catalog, Lesson, Question, QuestionKind, Sender, Step};

/// Every question of a lesson, pool questions included.
fn questions(lesson: &Lesson) -> Vec<&Question> {
    lesson
        .steps
        .iter()
        .flat_map(|step| match step {
            Step::Question(q) => vec![q],
            Step::Pool(pool) => pool.questions.iter().collect(),
            Step::Page(_) | Step::Chat(_) => vec![],
        })
        .collect()
}

#[test]
fn shipped_lessons_have_no_errors_and_no_warnings_but_help_line_dates() {
    let catalog = Catalog::built_in();
    let unexpected: Vec<String> = catalog
        .diagnostics
        .iter()
        .filter(|d| {
            // A help line confirmed long ago (or with no date yet) is a reminder to check
            // the number again, not a mistake in the file.
            let help_line_date = d.severity == Severity::Warning
                && d.path.file_name().is_some_and(|n| n == "help-lines.toml")
                && (d.message.contains("last confirmed on")
                    || d.message.contains("has no `confirmed` date"));
            // The sources' chats in these lessons are already in Roman Urdu, as the
            // children in them would type; the Roman Urdu translation keeps them word for word.
            let roman_urdu_source = d.message.contains("still the same as the English")
                && (d.path.ends_with("ur-Latn/ai-fakes-and-the-law.toml")
                    || d.path.ends_with("ur-Latn/seeing-something-upsetting.toml"));
            !help_line_date && !roman_urdu_source
        })
        .map(|d| {
            format!(
                "{}:{}:{}: {}: {}",
                d.path.display(),
                d.line,
                d.column,
                d.severity,
                d.message
            )
        })
        .collect();
    assert!(unexpected.is_empty(), "\n{}", unexpected.join("\n"));
    assert!(
        catalog.broken_files.is_empty(),
        "{:?}",
        catalog.broken_files
    );
}

#[test]
fn every_file_in_the_lessons_folder_is_built_in() {
    let catalog = Catalog::built_in();
    let toml_files = |dir: PathBuf| -> Vec<PathBuf> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect()
    };
    let on_disk = toml_files(crate_dir().join("lessons"));
    // Every lesson file plus help-lines.toml and glossary.toml.
    assert_eq!(catalog.lessons.len() + 2, on_disk.len());
    // Each language folder's files are built in too, as translations.
    let mut all = on_disk.len();
    for lang in ["ur", "ur-Latn"] {
        let files = toml_files(crate_dir().join("lessons").join(lang));
        let lessons = files
            .iter()
            .filter(|p| !p.ends_with("help-lines.toml") && !p.ends_with("glossary.toml"))
            .count();
        assert!(
            catalog.language_glossaries.contains_key(lang),
            "{lang}/glossary.toml is built in"
        );
        let translated = catalog
            .lessons
            .iter()
            .filter(|e| e.translations.contains_key(lang))
            .count();
        assert_eq!(translated, lessons, "{lang}");
        all += files.len();
    }
    assert!(catalog.help_translations.contains_key("ur"));
    assert_eq!(catalog.files_read, all);
}

#[test]
fn there_are_at_least_twenty_two_lessons() {
    let catalog = Catalog::built_in();
    assert!(
        catalog.lessons.len() >= 22,
        "only {} lessons",
        catalog.lessons.len()
    );
}

#[test]
fn each_age_band_has_at_least_seven_lessons() {
    let catalog = Catalog::built_in();
    for (min, max) in [(8, 10), (11, 13), (14, 16)] {
        let ids: Vec<&str> = catalog
            .lessons
            .iter()
            .filter(|e| e.lesson.ages.min <= min && e.lesson.ages.max >= max)
            .map(|e| e.lesson.id.as_str())
            .collect();
        assert!(
            ids.len() >= 7,
            "ages {min}-{max} have only {} lessons: {ids:?}",
            ids.len()
        );
    }
}

#[test]
fn every_lesson_has_at_least_six_questions() {
    for entry in &Catalog::built_in().lessons {
        let count = entry.lesson.question_count();
        assert!(
            count >= 6,
            "{} asks only {count} questions",
            entry.lesson.id
        );
    }
}

#[test]
fn every_choice_of_every_question_has_feedback() {
    let mut missing = Vec::new();
    for entry in &Catalog::built_in().lessons {
        for question in questions(&entry.lesson) {
            for choice in &question.choices {
                if choice
                    .feedback
                    .as_deref()
                    .is_none_or(|f| f.trim().is_empty())
                {
                    missing.push(format!(
                        "{}: {:?} / {:?}",
                        entry.lesson.id, question.prompt, choice.text
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "choices without feedback:\n{}",
        missing.join("\n")
    );
}

#[test]
fn true_false_questions_have_feedback_for_true_and_for_false() {
    let mut true_false = 0;
    for entry in &Catalog::built_in().lessons {
        for question in questions(&entry.lesson) {
            if question.kind != QuestionKind::TrueFalse {
                continue;
            }
            true_false += 1;
            let texts: Vec<&str> = question.choices.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(texts, ["True", "False"], "{}", question.prompt);
            for choice in &question.choices {
                assert!(
                    choice.feedback.is_some(),
                    "{}: {:?} has no {} feedback",
                    entry.lesson.id,
                    question.prompt,
                    choice.text
                );
            }
        }
    }
    assert!(true_false > 0, "no true/false question was found");
}

#[test]
fn every_chat_has_a_red_flag_and_a_harmless_message_from_them() {
    let mut chats = 0;
    for entry in &Catalog::built_in().lessons {
        for step in &entry.lesson.steps {
            let Step::Chat(chat) = step else { continue };
            chats += 1;
            let from_them = || chat.messages.iter().filter(|m| m.from == Sender::Them);
            assert!(
                from_them().any(|m| m.red_flag),
                "{}: chat {:?} has no red flag",
                entry.lesson.id,
                chat.title
            );
            assert!(
                from_them().any(|m| !m.red_flag),
                "{}: chat {:?} has no harmless message from them",
                entry.lesson.id,
                chat.title
            );
            for m in from_them() {
                assert!(
                    m.why.is_some(),
                    "{}: {:?} has no why",
                    entry.lesson.id,
                    m.text
                );
            }
        }
    }
    assert!(chats > 0, "no chat was found");
}

#[test]
fn no_lesson_for_children_under_fourteen_mentions_sextortion_or_nudes() {
    let mut found = Vec::new();
    for entry in &Catalog::built_in().lessons {
        let lesson = &entry.lesson;
        if lesson.ages.min >= 14 {
            continue;
        }
        // Every text of the lesson (titles, pages, prompts, choices, feedback, chats...).
        let text = format!("{lesson:?}").to_lowercase();
        for word in ["sextortion", "nude", "naked"] {
            if text.contains(word) {
                found.push(format!(
                    "{} (ages {}-{}): {word}",
                    lesson.id, lesson.ages.min, lesson.ages.max
                ));
            }
        }
    }
    assert!(found.is_empty(), "\n{}", found.join("\n"));
}

#[test]
fn help_lines_start_with_pakistan_and_never_give_a_wrong_number() {
    let catalog = Catalog::built_in();
    let help = catalog.help.as_ref().expect("the help lines load");
    let first = help.regions.first().expect("at least one region");
    assert_eq!(first.id, "pk");
    assert_eq!(first.name, "Pakistan");
    assert!(!first.lines.is_empty(), "no help lines for Pakistan");
    assert!(!help.advice.trim().is_empty());

    let mut texts = vec![format!("{help:?}")];
    texts.extend(catalog.lessons.iter().map(|e| format!("{:?}", e.lesson)));
    // Every file under lessons/, translations in their language folders too.
    let mut folders = vec![crate_dir().join("lessons")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                texts.push(fs::read_to_string(path).unwrap());
            }
        }
    }
    for text in &texts {
        for wrong in ["1991", "9911"] {
            assert!(!text.contains(wrong), "{wrong:?} appears in:\n{text}");
        }
    }
}

#[test]
fn every_shipped_lesson_can_be_taken_from_start_to_finish_in_plain_mode() {
    let data = data_dir();
    let catalog = Catalog::built_in();
    let mut failures = Vec::new();
    for entry in &catalog.lessons {
        let lesson = &entry.lesson;
        // Enter on a page; 1 for every question, chat and drawn pool question.
        let mut input = String::new();
        for step in &lesson.steps {
            match step {
                Step::Page(_) => input.push('\n'),
                Step::Question(_) | Step::Chat(_) => input.push_str("1\n"),
                Step::Pool(pool) => input.push_str(&"1\n".repeat(pool.draw)),
            }
        }
        let out = run(mehfooz(data.path())
            .args(["play", &lesson.id, "--student", "Walker", "--plain"])
            .write_stdin(input));
        let finished = format!("Lesson finished: {}", lesson.title);
        let count = format!("question 1 of {}:", lesson.question_count());
        if out.code != Some(0)
            || !out.stdout.contains(&finished)
            || !out.stdout.contains("You scored ")
            || !out.stdout.to_lowercase().contains(&count)
            || !out.stderr.is_empty()
        {
            failures.push(format!(
                "{} (exit {:?}):\n{}\nstderr: {}",
                lesson.id, out.code, out.stdout, out.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
    // Every lesson left a finished attempt.
    let student = common::only_student_json(data.path());
    for entry in &catalog.lessons {
        let attempts = student["lessons"][entry.lesson.id.as_str()]["attempts"]
            .as_array()
            .unwrap_or_else(|| panic!("no attempts at {}", entry.lesson.id));
        assert_eq!(attempts.len(), 1);
        assert!(attempts[0]["finished"].is_i64(), "{}", entry.lesson.id);
    }
}

/// The twelve topics the course has taught from the start, each with the `topics` tags
/// that count as teaching it. New lessons must not push one of them out.
const COURSE_TOPICS: [(&str, &[&str]); 12] = [
    ("private information", &["private information"]),
    ("online friends", &["online friends"]),
    ("grooming warning signs", &["grooming"]),
    ("secrets and gifts", &["secrets", "gifts"]),
    ("trusted adults and getting help", &["trusted adults"]),
    (
        "saying no, blocking, reporting, evidence",
        &["blocking", "reporting"],
    ),
    ("photos, video and the camera", &["photos", "camera"]),
    ("sextortion", &["sextortion"]),
    ("games and chat", &["games"]),
    (
        "privacy settings and location sharing",
        &["privacy settings", "settings", "location sharing"],
    ),
    ("passwords and accounts", &["passwords"]),
    ("cyberbullying and being an upstander", &["cyberbullying"]),
];

#[test]
fn every_topic_of_the_course_is_still_taught() {
    let catalog = Catalog::built_in();
    let missing: Vec<&str> = COURSE_TOPICS
        .iter()
        .filter(|(_, tags)| {
            !catalog
                .lessons
                .iter()
                .any(|e| e.lesson.topics.iter().any(|t| tags.contains(&t.as_str())))
        })
        .map(|(topic, _)| *topic)
        .collect();
    assert!(missing.is_empty(), "no lesson teaches: {missing:?}");
}

#[test]
fn grooming_is_taught_with_at_least_two_chats_to_spot_the_red_flags_in() {
    let chats: usize = Catalog::built_in()
        .lessons
        .iter()
        .filter(|e| e.lesson.topics.iter().any(|t| t == "grooming"))
        .flat_map(|e| &e.lesson.steps)
        .filter(|s| matches!(s, Step::Chat(_)))
        .count();
    assert!(chats >= 2, "only {chats} chats in the grooming lessons");
}

#[test]
fn sextortion_is_taught_only_from_fourteen() {
    for entry in &Catalog::built_in().lessons {
        if entry.lesson.topics.iter().any(|t| t == "sextortion") {
            assert!(
                entry.lesson.ages.min >= 14,
                "{} teaches sextortion from age {}",
                entry.lesson.id,
                entry.lesson.ages.min
            );
        }
    }
}

/// Lessons with no pretend chat, and why a chat would not fit them.
const NO_CHAT: [(&str, &str); 1] = [(
    "trusted-adults",
    "it is about whom to tell and what to say, so there is no one else's chat to read",
)];

#[test]
fn every_lesson_has_a_chat_or_says_why_not() {
    let catalog = Catalog::built_in();
    let mut wrong = Vec::new();
    for entry in &catalog.lessons {
        let has_chat = entry
            .lesson
            .steps
            .iter()
            .any(|s| matches!(s, Step::Chat(_)));
        let excused = NO_CHAT.iter().any(|(id, _)| *id == entry.lesson.id);
        match (has_chat, excused) {
            (false, false) => wrong.push(format!("{} has no chat", entry.lesson.id)),
            (true, true) => wrong.push(format!(
                "{} has a chat now: take it off the list of lessons without one",
                entry.lesson.id
            )),
            _ => {}
        }
    }
    for (id, _) in NO_CHAT {
        if !catalog.lessons.iter().any(|e| e.lesson.id == id) {
            wrong.push(format!("{id} is excused from a chat but is not a lesson"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// The lesson ids in the first column of the table under the README's "## Lessons".
fn readme_lesson_table_ids() -> Vec<String> {
    let readme = fs::read_to_string(crate_dir().join("README.md")).unwrap();
    let section = readme
        .split("\n## Lessons\n")
        .nth(1)
        .expect("README.md has a \"## Lessons\" section");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once('`'))
        .map(|(id, _)| id.to_string())
        .collect()
}

#[test]
fn the_readme_lesson_table_lists_every_built_in_lesson_and_no_other() {
    let table = readme_lesson_table_ids();
    let catalog = Catalog::built_in();
    let ids: Vec<&str> = catalog
        .lessons
        .iter()
        .map(|e| e.lesson.id.as_str())
        .collect();
    let missing: Vec<&&str> = ids
        .iter()
        .filter(|id| !table.iter().any(|t| t == *id))
        .collect();
    let stale: Vec<&String> = table
        .iter()
        .filter(|t| !ids.contains(&t.as_str()))
        .collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "not in the README table: {missing:?}; in the table but not a lesson: {stale:?}"
    );
}

// Rules from the child-protection review of the shipped lessons (content-facts.md): each test
// below guards one statement a child could act on, over every text a child can read.

/// One piece of text a child can read, with where it is, for assertion messages.
struct Passage {
    file: String,
    place: String,
    text: String,
}

/// Every text of a lesson a child reads as advice: pages, prompts, hints, chat notes, feedback,
/// and the answers marked right. A wrong answer may rightly suggest a harmful act, so its text
/// is left out; its feedback is kept.
fn passages(entry: &mehfooz::lesson::LessonEntry) -> Vec<Passage> {
    let file = entry.path.display().to_string();
    let mut out = Vec::new();
    let mut add = |place: String, text: &str| {
        out.push(Passage {
            file: file.clone(),
            place,
            text: text.to_string(),
        })
    };
    let lesson = &entry.lesson;
    add("summary".into(), &lesson.summary);
    let question = |n: usize, q: &Question, add: &mut dyn FnMut(String, &str)| {
        let place = format!("step {n}, question {:?}", q.prompt);
        // A true/false prompt whose answer is "False" is a claim the lesson corrects, like a
        // wrong answer: its feedback is what the child is told.
        let claim_is_false = q.kind == QuestionKind::TrueFalse && !q.choices[0].correct;
        if !claim_is_false {
            add(place.clone(), &q.prompt);
        }
        for text in q.hint.iter().chain(q.explanation.iter()) {
            add(place.clone(), text);
        }
        for choice in &q.choices {
            if choice.correct {
                add(format!("{place}, choice {:?}", choice.text), &choice.text);
            }
            if let Some(feedback) = &choice.feedback {
                add(format!("{place}, feedback on {:?}", choice.text), feedback);
            }
        }
    };
    for (i, step) in lesson.steps.iter().enumerate() {
        let n = i + 1;
        match step {
            Step::Page(page) => add(format!("step {n}, page {:?}", page.title), &page.text),
            Step::Question(q) => question(n, q, &mut add),
            Step::Pool(pool) => {
                for q in &pool.questions {
                    question(n, q, &mut add);
                }
            }
            Step::Chat(chat) => {
                let place = format!("step {n}, chat {:?}", chat.title);
                for text in chat.intro.iter() {
                    add(place.clone(), text);
                }
                for m in &chat.messages {
                    for why in m.why.iter() {
                        add(place.clone(), why);
                    }
                }
            }
        }
    }
    out
}

/// The help screen's advice and every line's words, as passages of help-lines.toml.
fn help_passages(catalog: &Catalog) -> Vec<Passage> {
    let help = catalog.help.as_ref().expect("the help lines load");
    let file = "lessons/help-lines.toml".to_string();
    let mut out = vec![Passage {
        file: file.clone(),
        place: "advice".into(),
        text: help.advice.clone(),
    }];
    for region in &help.regions {
        for line in &region.lines {
            out.push(Passage {
                file: file.clone(),
                place: format!("{} line {:?}", region.id, line.name),
                text: format!("{}. {}. {}", line.name, line.contact, line.purpose),
            });
        }
    }
    out
}

/// The sentences of a text, lower-cased, split where a child would pause.
fn sentences(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(['.', '!', '?', '\n', ';'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The words of a sentence; apostrophes stay inside words ("don't").
fn words(sentence: &str) -> Vec<&str> {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .collect()
}

const IMAGE_WORDS: [&str; 10] = [
    "image", "images", "photo", "photos", "picture", "pictures", "pic", "pics", "video", "videos",
];

fn names_an_image(sentence: &str) -> bool {
    words(sentence).iter().any(|w| IMAGE_WORDS.contains(w))
}

/// Whether a sentence forbids what it names. "You do not have to screenshot it" permits, so
/// such phrases are taken out before looking for a "never" or a "don't".
fn forbids(sentence: &str) -> bool {
    let mut s = sentence.replace('’', "'");
    for permissive in [
        "do not have to",
        "don't have to",
        "do not need to",
        "don't need to",
        "do not want",
        "don't want",
    ] {
        s = s.replace(permissive, "");
    }
    let w = words(&s);
    w.contains(&"never")
        || w.contains(&"don't")
        || s.contains("do not ")
        || s.contains("not even")
        || s.contains("against the law")
        || w.contains(&"illegal")
        || w.contains(&"crime")
}

#[test]
fn no_lesson_tells_a_child_to_screenshot_save_or_forward_an_image() {
    const KEEPING: [&str; 12] = [
        "screenshot",
        "screenshots",
        "save",
        "saved",
        "saving",
        "keep",
        "kept",
        "forward",
        "forwarded",
        "forwarding",
        "download",
        "downloaded",
    ];
    let catalog = Catalog::built_in();
    let mut all: Vec<Passage> = catalog.lessons.iter().flat_map(passages).collect();
    all.extend(help_passages(&catalog));
    let mut found = Vec::new();
    for p in &all {
        for sentence in sentences(&p.text) {
            let w = words(&sentence);
            // "Keep their photos private" is about privacy, not about holding on to an image.
            let about_privacy = w.contains(&"private") || w.contains(&"safe");
            let keeps = w
                .iter()
                .any(|x| KEEPING.contains(x) && !(x.starts_with("keep") && about_privacy));
            if keeps && names_an_image(&sentence) && !forbids(&sentence) {
                found.push(format!("{} ({}): {sentence:?}", p.file, p.place));
            }
        }
    }
    assert!(
        found.is_empty(),
        "these tell a child to keep or pass on an image; say instead to screenshot the words \
         and the username, never the image:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_lesson_that_asks_for_screenshots_says_never_the_image() {
    let catalog = Catalog::built_in();
    let mut files: Vec<(String, Vec<Passage>)> = catalog
        .lessons
        .iter()
        .map(|e| (e.path.display().to_string(), passages(e)))
        .collect();
    files.push(("lessons/help-lines.toml".into(), help_passages(&catalog)));
    let mut missing = Vec::new();
    for (file, all) in &files {
        let text: Vec<String> = all.iter().flat_map(|p| sentences(&p.text)).collect();
        let asks = text.iter().any(|s| s.contains("screenshot"));
        let never_image = text
            .iter()
            .any(|s| words(s).contains(&"never") && names_an_image(s));
        if asks && !never_image {
            missing.push(file.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "these ask for screenshots but never say \"never screenshot, save or forward the \
         image\":\n{}",
        missing.join("\n")
    );
}

#[test]
fn lessons_for_ages_eight_to_ten_leave_collecting_evidence_to_a_grown_up() {
    let mut found = Vec::new();
    for entry in &Catalog::built_in().lessons {
        if entry.lesson.ages.max > 10 {
            continue;
        }
        for p in passages(entry) {
            let text = p.text.to_lowercase();
            for task in ["screenshot", "write down the username"] {
                if text.contains(task) {
                    found.push(format!("{} ({}): {task:?}", p.file, p.place));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "ages 8-10 are told only \"don't delete it; show a grown-up you trust\":\n{}",
        found.join("\n")
    );
}

#[test]
fn help_lines_carry_no_placeholder_confirmation_dates() {
    let catalog = Catalog::built_in();
    let help = catalog.help.as_ref().expect("the help lines load");
    let mut found = Vec::new();
    for region in &help.regions {
        for line in &region.lines {
            if let Some(date) = line.confirmed
                && date.month == 1
                && date.day == 1
            {
                found.push(format!(
                    "lessons/help-lines.toml: {:?} is confirmed on {}-01-01, a placeholder \
                     nobody checked: use the dated evidence in content-facts.md, or no date",
                    line.name, date.year
                ));
            }
        }
    }
    assert!(found.is_empty(), "\n{}", found.join("\n"));
}

#[test]
fn no_lesson_presents_1121_as_the_line_for_every_child() {
    let catalog = Catalog::built_in();
    let mut found = Vec::new();
    for entry in &catalog.lessons {
        let all = passages(entry);
        let mut names_1121 = false;
        let mut names_1099 = false;
        for p in &all {
            names_1099 |= p.text.contains("1099");
            for sentence in sentences(&p.text) {
                if sentence.contains("1121") {
                    names_1121 = true;
                    if !sentence.contains("punjab") {
                        found.push(format!(
                            "{} ({}): 1121 without \"Punjab\": {sentence:?}",
                            p.file, p.place
                        ));
                    }
                }
            }
        }
        if names_1121 && !names_1099 {
            found.push(format!(
                "{}: names 1121 (Punjab only) but not 1099, the national child line",
                entry.path.display()
            ));
        }
    }
    let help = catalog.help.as_ref().expect("the help lines load");
    for line in help.regions.iter().flat_map(|r| &r.lines) {
        let words = format!("{} {}", line.name, line.purpose).to_lowercase();
        if line.contact.contains("1121")
            && !(words.contains("punjab only") && words.contains("not a line for online harm"))
        {
            found.push(format!(
                "lessons/help-lines.toml: the 1121 line must say it is Punjab only and not a \
                 line for online harm: {:?}",
                line.purpose
            ));
        }
        if line.contact.contains("1099") && !words.contains("national child helpline") {
            found.push(format!(
                "lessons/help-lines.toml: the 1099 line must say it is the national child \
                 helpline: {:?}",
                line.purpose
            ));
        }
    }
    assert!(found.is_empty(), "\n{}", found.join("\n"));
}

#[test]
fn no_lesson_keeps_passwords_only_from_people_met_online() {
    let mut found = Vec::new();
    for entry in &Catalog::built_in().lessons {
        for p in passages(entry) {
            for sentence in sentences(&p.text) {
                let only_online = ["only know online", "only know from", "only met online"]
                    .iter()
                    .any(|s| sentence.contains(s));
                if sentence.contains("password") && only_online {
                    found.push(format!("{} ({}): {sentence:?}", p.file, p.place));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "a password is secret from everyone except parents or guardians, friends too; these \
         say only from people met online:\n{}",
        found.join("\n")
    );
}

#[test]
fn wrong_answers_are_answered_gently_never_with_a_bare_no() {
    let mut found = Vec::new();
    for entry in &Catalog::built_in().lessons {
        for question in questions(&entry.lesson) {
            for choice in question.choices.iter().filter(|c| !c.correct) {
                let feedback = choice.feedback.as_deref().unwrap_or_default();
                if feedback.starts_with("No.") || feedback.starts_with("No,") {
                    found.push(format!(
                        "{}: {:?} / {:?}: {feedback:?}",
                        entry.path.display(),
                        question.prompt,
                        choice.text
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "start with \"Not quite.\" instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_sextortion_lesson_says_threats_may_be_bluffs_or_fakes_and_boys_are_targeted() {
    let catalog = Catalog::built_in();
    let entry = catalog
        .lessons
        .iter()
        .find(|e| e.lesson.id == "sextortion")
        .expect("the sextortion lesson is built in");
    let text = passages(entry)
        .iter()
        .map(|p| p.text.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    for (needed, why) in [
        ("only say they have", "they may only say they have an image"),
        ("fake", "they may have made a fake from an ordinary photo"),
        ("same steps", "the same steps apply"),
        ("boys", "boys are often targeted"),
        ("organised groups", "organised groups, for money"),
        (
            "own phone or computer",
            "Take It Down needs the image on the child's device",
        ),
        (
            "whatsapp",
            "Take It Down does not work on encrypted apps such as WhatsApp",
        ),
        (
            "cybertipline",
            "the CyberTipline, when the child has no copy",
        ),
    ] {
        assert!(
            text.contains(needed),
            "{}: never says that {why} (no {needed:?})",
            entry.path.display()
        );
    }
}

#[test]
fn help_lines_state_what_take_it_down_cannot_do_and_where_else_to_go() {
    let catalog = Catalog::built_in();
    let help = catalog.help.as_ref().expect("the help lines load");
    let line = |name: &str| {
        help.regions
            .iter()
            .flat_map(|r| &r.lines)
            .find(|l| l.name.starts_with(name))
            .unwrap_or_else(|| panic!("lessons/help-lines.toml: no line named {name:?}"))
    };
    let take_it_down = line("Take It Down").purpose.to_lowercase();
    for (needed, why) in [
        (
            "your own phone or computer",
            "the image must be on the child's own device",
        ),
        (
            "platforms that take part",
            "it works only on participating platforms",
        ),
        (
            "whatsapp",
            "it does not work on encrypted apps such as WhatsApp",
        ),
        ("cybertipline", "without a copy, use the CyberTipline"),
    ] {
        assert!(
            take_it_down.contains(needed),
            "lessons/help-lines.toml: Take It Down never says {why}: {take_it_down:?}"
        );
    }
    let childline = line("Childline UK").purpose.to_lowercase();
    assert!(
        childline.contains("under-19s"),
        "lessons/help-lines.toml: Childline UK serves under-19s: {childline:?}"
    );
    let report_remove = line("Report Remove");
    assert!(
        format!("{} {}", report_remove.contact, report_remove.purpose)
            .to_lowercase()
            .contains("childline"),
        "lessons/help-lines.toml: Report Remove is reached through Childline: {:?}",
        report_remove.contact
    );
}

#[test]
fn international_phone_lines_say_they_are_free_only_inside_their_country() {
    let catalog = Catalog::built_in();
    let help = catalog.help.as_ref().expect("the help lines load");
    let mut found = Vec::new();
    for region in help.regions.iter().filter(|r| r.id != "pk") {
        for line in &region.lines {
            let digits = line.contact.chars().filter(char::is_ascii_digit).count();
            if digits >= 4
                && !line.purpose.to_lowercase().contains("free only inside")
                && !line
                    .purpose
                    .to_lowercase()
                    .contains("free to call only inside")
            {
                found.push(format!(
                    "{:?} ({}): {:?}",
                    line.name, line.contact, line.purpose
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "lessons/help-lines.toml: a child in Pakistan may pay to call these, so each must say \
         it is free only inside its own country:\n{}",
        found.join("\n")
    );
}

/// Every text a child reads in a lesson, marks and all.
fn child_texts(lesson: &Lesson) -> Vec<&str> {
    let mut texts = Vec::new();
    for step in &lesson.steps {
        match step {
            Step::Page(page) => texts.push(page.text.as_str()),
            Step::Chat(chat) => texts.extend(glossary::chat_texts(chat)),
            Step::Question(_) | Step::Pool(_) => {}
        }
    }
    for q in questions(lesson) {
        texts.extend(glossary::question_texts(q));
    }
    texts
}

#[test]
fn every_word_a_shipped_lesson_marks_has_a_meaning() {
    let catalog = Catalog::built_in();
    let mut missing = Vec::new();
    let mut marked = 0;
    for entry in &catalog.lessons {
        let words = catalog.glossary_for(&entry.lesson);
        for text in child_texts(&entry.lesson) {
            for (shown, word) in glossary::marked_words(text) {
                marked += 1;
                if words.lookup(&word).is_none() {
                    missing.push(format!("{}: {shown} ({word})", entry.lesson.id));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "marked with no meaning:\n{}",
        missing.join("\n")
    );
    assert!(
        marked >= 100,
        "only {marked} words are marked in the shipped lessons"
    );
}

#[test]
fn every_word_a_shipped_translation_marks_has_a_meaning_in_its_language() {
    let catalog = Catalog::built_in();
    for lang in ["ur", "ur-Latn"] {
        let own = &catalog.language_glossaries[lang];
        let mut missing = Vec::new();
        let mut marked = 0;
        for entry in &catalog.lessons {
            let lesson = &entry.translations[lang].content;
            for text in child_texts(lesson) {
                for (shown, word) in glossary::marked_words(text) {
                    marked += 1;
                    if own.lookup(&word).is_none() {
                        missing.push(format!("{}: {shown} ({word})", lesson.id));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "{lang}: marked with no meaning in {lang}/glossary.toml:\n{}",
            missing.join("\n")
        );
        assert!(
            marked >= 150,
            "only {marked} words are marked in the {lang} lessons"
        );
    }
}

#[test]
fn the_glossary_explains_the_words_second_language_readers_find_hard() {
    let catalog = Catalog::built_in();
    for word in [
        "evidence",
        "permission",
        "uncomfortable",
        "exploit",
        "upstander",
        "two-step verification",
        "grooming",
        "blackmail",
        "confidential",
        "screenshot",
        "username",
        "OTP",
        "recovery email",
        "trusted adult",
        "red flag",
    ] {
        let entry = catalog.glossary.lookup(word);
        assert!(entry.is_some(), "the glossary has no {word:?}");
        let meaning = &entry.unwrap().meaning;
        // One or two short sentences a child can read.
        assert!(
            meaning.split_whitespace().count() <= 30,
            "the meaning of {word:?} is long: {meaning}"
        );
    }
    assert!(catalog.glossary.entries().len() >= 25);
}

#[test]
fn each_shipped_lesson_marks_a_word_once_not_at_every_use() {
    let catalog = Catalog::built_in();
    for entry in &catalog.lessons {
        let mut seen = std::collections::HashSet::new();
        for text in child_texts(&entry.lesson) {
            for (_, word) in glossary::marked_words(text) {
                let entry_word = catalog
                    .glossary_for(&entry.lesson)
                    .lookup(&word)
                    .map(|e| e.word.clone())
                    .unwrap_or(word);
                assert!(
                    seen.insert(entry_word.clone()),
                    "{} marks {entry_word:?} more than once",
                    entry.lesson.id
                );
            }
        }
    }
}
