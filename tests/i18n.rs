//! The app's words in every language: the message files are complete, a missing message
//! falls back to English, Urdu plurals pick the right words, and a whole lesson in the
//! plain mode says nothing of the app's in English.

mod common;

use std::collections::BTreeSet;

use common::{crate_dir, data_dir, mehfooz, run};
use mehfooz::i18n::{self, Messages};
use mehfooz::t;

/// The shipped languages besides English; each must be complete.
const SHIPPED: &[&str] = &["ur", "ur-Latn"];

#[test]
fn every_built_in_language_has_every_message_english_has() {
    let mut gaps = Vec::new();
    for tag in i18n::built_in_languages() {
        let missing = i18n::missing_ids(i18n::built_in_text(tag).unwrap());
        if !missing.is_empty() {
            gaps.push(format!("{tag} lacks: {}", missing.join(", ")));
        }
    }
    assert!(gaps.is_empty(), "messages missing:\n{}", gaps.join("\n"));
    for tag in SHIPPED {
        assert!(
            i18n::built_in_languages().contains(tag),
            "{tag} is not built in"
        );
    }
}

#[test]
fn every_built_in_message_file_reads_without_a_mistake() {
    for tag in i18n::built_in_languages() {
        let (_, problems) = Messages::from_text(tag, i18n::built_in_text(tag).unwrap());
        assert!(problems.is_empty(), "{tag}: {problems:?}");
    }
}

#[test]
fn each_language_names_itself_in_its_own_words() {
    let names: Vec<(String, String)> = i18n::languages(["ur", "sd"])
        .into_iter()
        .map(|l| (l.tag, l.name))
        .collect();
    assert_eq!(names[0], ("en".to_string(), "English".to_string()));
    assert!(names.contains(&("ur".to_string(), "اردو".to_string())));
    assert!(names.contains(&("ur-Latn".to_string(), "Roman Urdu".to_string())));
    // Lessons in a language with no message file yet: offered, named by its tag.
    assert!(names.contains(&("sd".to_string(), "sd".to_string())));
    assert_eq!(names.len(), 4, "each language once: {names:?}");
}

#[test]
fn the_built_in_lessons_offer_english_urdu_and_roman_urdu() {
    let catalog = mehfooz::lesson::Catalog::load(&[], true);
    let tags: Vec<String> = i18n::available(&catalog)
        .into_iter()
        .map(|l| l.tag)
        .collect();
    assert_eq!(tags, ["en", "ur", "ur-Latn"]);
}

#[test]
fn a_message_a_language_lacks_is_said_in_english() {
    let text =
        std::fs::read_to_string(crate_dir().join("tests/i18n_fixtures/half-done.ftl")).unwrap();
    let (messages, problems) = Messages::from_text("sd", &text);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(messages.language(), "sd");
    assert_eq!(messages.text("verdict-correct"), "Shabash!");
    assert_eq!(messages.text("verdict-partly-correct"), "Partly right.");
    assert_eq!(
        t!(messages, "answer-no-such-choice", number = 7),
        "There is no choice number 7."
    );
    // A message that cannot be formatted is said in English, not half-filled.
    assert_eq!(messages.text("verdict-not-quite"), "Not quite.");
    // The test lists what is missing, as `check` would.
    let missing = i18n::missing_ids(&text);
    assert!(missing.contains(&"verdict-partly-correct".to_string()));
    assert!(!missing.contains(&"verdict-correct".to_string()));
}

#[test]
fn a_message_no_file_has_shows_its_id_and_never_nothing() {
    let messages = Messages::for_language("ur");
    assert_eq!(
        messages.text("no-such-message-anywhere"),
        "no-such-message-anywhere"
    );
}

#[test]
fn a_regional_tag_uses_its_language_and_an_unknown_one_english() {
    assert_eq!(Messages::for_language("ur-PK").language(), "ur");
    assert_eq!(Messages::for_language("UR-latn").language(), "ur-Latn");
    assert_eq!(Messages::for_language("sd").language(), "en");
    assert_eq!(
        Messages::for_language("sd").text("verdict-correct"),
        "Correct!"
    );
}

#[test]
fn urdu_plurals_pick_the_verb_that_fits_the_number() {
    let ur = Messages::for_language("ur");
    let one = t!(ur, "own-progress", passed = 1, lessons = 12);
    let five = t!(ur, "own-progress", passed = 5, lessons = 12);
    assert_eq!(one, "آپ نے 12 میں سے 1 سبق پاس کیا");
    assert_eq!(five, "آپ نے 12 میں سے 5 سبق پاس کیے");
    let roman = Messages::for_language("ur-Latn");
    assert_eq!(
        t!(roman, "own-progress", passed = 1, lessons = 12),
        "Aapne 12 mein se 1 sabaq pass kiya"
    );
    assert_eq!(
        t!(roman, "own-progress", passed = 5, lessons = 12),
        "Aapne 12 mein se 5 sabaq pass kiye"
    );
    let en = Messages::english();
    assert_eq!(
        t!(en, "plain-look-again", count = 1),
        "Question to look at again:"
    );
    assert_eq!(
        t!(en, "plain-look-again", count = 3),
        "Questions to look at again:"
    );
}

#[test]
fn filled_in_values_carry_no_invisible_direction_marks() {
    let ur = Messages::for_language("ur");
    let line = t!(ur, "is-this-you", name = "Ayesha");
    assert_eq!(line, "کیا یہ آپ ہیں؟ Ayesha");
    assert!(!line.contains(['\u{2068}', '\u{2069}']));
}

/// Words of the English message file that the language's own message file and lessons
/// never use: if the app shows one, it is speaking English.
fn english_only_words(tag: &str) -> BTreeSet<String> {
    let words = |text: &str| -> BTreeSet<String> {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let english: String = i18n::built_in_text("en")
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = ").map(|(_, v)| v).or(Some(l)))
        .collect::<Vec<_>>()
        .join("\n");
    let mut allowed = words(i18n::built_in_text(tag).unwrap());
    let lesson = crate_dir().join(format!("lessons/{tag}/{LESSON}.toml"));
    let lesson: toml::Table = toml::from_str(&std::fs::read_to_string(lesson).unwrap()).unwrap();
    allowed.extend(words(&lesson_texts(&toml::Value::Table(lesson)).join("\n")));
    let mut only: BTreeSet<String> = words(&english).difference(&allowed).cloned().collect();
    // Placeholders' names are not shown.
    for name in [
        "number",
        "choices",
        "percent",
        "pass",
        "lesson",
        "lessons",
        "name",
        "step",
        "steps",
        "questions",
        "words",
        "count",
        "ids",
        "min",
        "max",
        "passed",
        "other",
        "one",
    ] {
        if !allowed.contains(name) {
            only.remove(name);
        }
    }
    only
}

const LESSON: &str = "online-friends-basics";

/// Every text a child can read in a lesson file (not its sources, ids or kinds).
fn lesson_texts(value: &toml::Value) -> Vec<String> {
    match value {
        toml::Value::String(s) => vec![s.clone()],
        toml::Value::Array(items) => items.iter().flat_map(lesson_texts).collect(),
        toml::Value::Table(table) => table
            .iter()
            .filter(|(k, _)| {
                ![
                    "sources",
                    "topics",
                    "translation",
                    "id",
                    "lang",
                    "type",
                    "kind",
                ]
                .contains(&k.as_str())
            })
            .flat_map(|(_, v)| lesson_texts(v))
            .collect(),
        _ => Vec::new(),
    }
}

fn whole_lesson_in(tag: &str) -> String {
    let data = data_dir();
    // Enter for every page; on a question, an empty line (told to type a number), words
    // and a hint asked for, a wrong number, then an answer.
    let input = "g\nh\n\n99\nx\n1\n".repeat(30);
    let out = run(mehfooz(data.path())
        .args(["play", LESSON, "--student", "Ayesha"])
        .args(["--lang", tag, "--plain"])
        .write_stdin(input));
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let english = Messages::english();
    assert!(
        !out.stdout.contains(&english.text("plain-stopped")),
        "the lesson did not finish:\n{}",
        out.stdout
    );
    out.stdout
}

fn assert_no_english_words(tag: &str) {
    let output = whole_lesson_in(tag);
    let only = english_only_words(tag);
    assert!(only.len() > 50, "too few words to look for: {only:?}");
    let shown: Vec<&String> = only
        .iter()
        .filter(|w| {
            output
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|o| o.eq_ignore_ascii_case(w))
        })
        .collect();
    assert!(shown.is_empty(), "English words {shown:?} in:\n{output}");
    // And the language's own words are there, wrapped as they may be.
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let messages = Messages::for_language(tag);
    for id in [
        "plain-finished",
        "never-your-fault",
        "plain-ask-single",
        "plain-enter-or-back",
        "plain-nothing-typed",
        "plain-numbers-only",
        "choice-true",
    ] {
        let said = messages.text(id);
        assert!(
            flat(&output).contains(&flat(&said)),
            "{id} ({said}) not in:\n{output}"
        );
    }
}

#[test]
fn a_whole_lesson_in_urdu_shows_no_english_words_of_the_app() {
    assert_no_english_words("ur");
}

#[test]
fn a_whole_lesson_in_roman_urdu_shows_no_english_words_of_the_app() {
    assert_no_english_words("ur-Latn");
}

fn play_friends(data: &std::path::Path, lang: Option<&str>) -> String {
    let mut cmd = mehfooz(data);
    cmd.args(["play", LESSON, "--student", "Ayesha", "--plain"]);
    if let Some(lang) = lang {
        cmd.args(["--lang", lang]);
    }
    let out = run(cmd.env("LANG", "C").env_remove("LC_ALL").write_stdin("q\n"));
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    out.stdout
}

#[test]
fn the_language_a_child_chose_is_used_next_time_without_lang() {
    let data = data_dir();
    let roman = Messages::for_language("ur-Latn").text("plain-how-to-stop");
    let first = play_friends(data.path(), Some("ur-Latn"));
    assert!(first.contains("Online dost"), "{first}");
    let again = play_friends(data.path(), None);
    assert!(again.contains("Online dost"), "{again}");
    let flat = again.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&roman), "{again}");
    // --lang changes it, for this time and the next.
    play_friends(data.path(), Some("en"));
    let english = play_friends(data.path(), None);
    assert!(english.contains("Type q and Enter"), "{english}");
}

#[test]
fn the_remembered_language_is_the_childs_own_not_the_classs() {
    let data = data_dir();
    play_friends(data.path(), Some("ur"));
    let mut cmd = mehfooz(data.path());
    cmd.args(["play", LESSON, "--student", "Bilal", "--plain"]);
    let out = run(cmd.env("LANG", "C").env_remove("LC_ALL").write_stdin("q\n"));
    assert!(out.stdout.contains("Type q and Enter"), "{}", out.stdout);
}

#[test]
fn a_teachers_message_file_beside_their_lessons_is_used_for_its_language() {
    let data = data_dir();
    let out = run(mehfooz(data.path())
        .args([
            "play",
            LESSON,
            "--student",
            "Ayesha",
            "--plain",
            "--lang",
            "sd",
        ])
        .args(["--lessons", "tests/i18n_fixtures/teacher"])
        .write_stdin("q\n"));
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("روڪڻ لاءِ q لکو ۽ Enter دٻايو."),
        "{}",
        out.stdout
    );
    // What it lacks is said in English.
    assert!(
        out.stdout.contains("Stopped. Your progress is saved"),
        "{}",
        out.stdout
    );
}

/// A lessons folder whose `ur/mehfooz.ftl` rewords the name screen's question.
fn folder_with_own_urdu_question() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("ur")).unwrap();
    std::fs::write(
        folder.path().join("ur").join("mehfooz.ftl"),
        format!("name-who = {OWN_QUESTION}\n"),
    )
    .unwrap();
    folder
}

/// "Who is reading with us today?": the teacher's wording, not the built-in one.
const OWN_QUESTION: &str = "آج ہمارے ساتھ کون پڑھ رہا ہے؟";

#[test]
fn the_app_screen_uses_a_teachers_own_message_file_for_the_language_chosen() {
    use mehfooz::lesson::Catalog;
    use mehfooz::text::{Mode, display_label};
    use mehfooz::tui::{app::App, render_to_string};

    let folder = folder_with_own_urdu_question();
    let catalog = Catalog::load(&[folder.path().to_path_buf()], true);
    let mut app = App::new(&catalog, Vec::new(), None);
    let own = display_label(OWN_QUESTION, 80, Mode::App).text;
    let built_in = display_label(
        &Messages::for_language("ur").text("name-who"),
        80,
        Mode::App,
    );
    // In English the teacher's Urdu file is not used.
    assert!(!render_to_string(&app, 80, 24).contains(&own));
    // Chosen in the app (as the language picker and a remembered language do).
    app.set_language("ur");
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains(&own), "{screen}");
    assert!(!screen.contains(&built_in.text), "{screen}");
    // What the teacher's file leaves out is the built-in Urdu.
    let welcome = Messages::for_language("ur").text("name-welcome");
    let welcome = display_label(&welcome, 80, Mode::App).text;
    assert!(screen.contains(&welcome), "{screen}");
}

#[test]
fn plain_mode_and_the_app_read_a_teachers_message_file_alike() {
    let folder = folder_with_own_urdu_question();
    let own = i18n::read_own_files(&[folder.path().to_path_buf()]);
    let (messages, problems) = Messages::for_language_with("ur-PK", &own);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(messages.text("name-who"), OWN_QUESTION);
    // A mistake in the file is told with its path, and the rest is still used.
    std::fs::write(
        folder.path().join("ur").join("mehfooz.ftl"),
        format!("name-who = {OWN_QUESTION}\nbroken line\n"),
    )
    .unwrap();
    let own = i18n::read_own_files(&[folder.path().to_path_buf()]);
    let problems = i18n::own_file_problems(&own);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("mehfooz.ftl: line 2"), "{problems:?}");
    let (messages, _) = Messages::for_language_with("ur", &own);
    assert_eq!(messages.text("name-who"), OWN_QUESTION);
}

#[test]
fn a_damaged_progress_file_is_explained_to_the_child_in_urdu_in_plain_mode() {
    let data = data_dir();
    play_friends(data.path(), Some("ur"));
    let files = common::student_files(data.path());
    std::fs::write(&files[0], b"{\"format_version\": 1, \"name\": ").unwrap();
    let out = play_friends(data.path(), Some("ur"));
    // "could not be read", "damaged or cut short": the Urdu words, and the English not.
    assert!(out.contains("پڑھی نہیں جا سکی"), "{out}");
    assert!(out.contains("یہ خراب ہے یا ادھوری ہے"), "{out}");
    assert!(!out.contains("could not be read"), "{out}");
    assert!(!out.contains("damaged"), "{out}");
    // The file names stay as they are, for the teacher to find.
    assert!(out.contains(&files[0].display().to_string()), "{out}");
}

#[test]
fn why_progress_could_not_be_saved_is_said_in_the_childs_language_in_the_app() {
    use mehfooz::lesson::Catalog;
    use mehfooz::progress::StoreError;
    use mehfooz::tui::app::{App, Msg};
    use rand::SeedableRng;

    let catalog = Catalog::built_in();
    let full = || StoreError::Io {
        path: "data/ayesha.json".into(),
        error: std::io::ErrorKind::StorageFull.into(),
    };
    let read_only = || StoreError::CannotWrite {
        dir: "data".into(),
        error: std::io::ErrorKind::ReadOnlyFilesystem.into(),
    };
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    for (tag, disk_full, read_only_words) in [
        ("ur", "ڈسک بھر گئی ہے", "یہ صرف پڑھنے کے لیے ہے"),
        (
            "ur-Latn",
            "disk bhar gayi hai",
            "yeh sirf parhne ke liye hai",
        ),
        ("en", "the disk is full", "it is read-only"),
    ] {
        let mut app = App::new(&catalog, Vec::new(), None);
        app.set_language(tag);
        app.update(Msg::StoreFailed(full()), &mut rng);
        let notice = app.notice.clone().unwrap_or_default();
        assert!(notice.contains(disk_full), "{tag}: {notice}");
        assert!(notice.contains("data/ayesha.json"), "{tag}: {notice}");
        app.update(Msg::StoreFailed(read_only()), &mut rng);
        let notice = app.notice.clone().unwrap_or_default();
        assert!(notice.contains(read_only_words), "{tag}: {notice}");
        if tag != "en" {
            assert!(!notice.contains("read-only"), "{tag}: {notice}");
            assert!(!notice.contains("could not"), "{tag}: {notice}");
        }
    }
}

#[test]
fn every_reason_the_progress_store_gives_is_said_in_each_shipped_language() {
    use mehfooz::progress::{IoProblem, StoreError, Unreadable};
    use mehfooz::strings;
    use std::time::Duration;

    let io = || std::io::Error::from_raw_os_error(5);
    let errors = [
        StoreError::Io {
            path: "a.json".into(),
            error: io(),
        },
        StoreError::NewerFormat {
            path: "a.json".into(),
            version: 9,
        },
        StoreError::CannotWrite {
            dir: "data".into(),
            error: std::io::ErrorKind::PermissionDenied.into(),
        },
        StoreError::Busy {
            student: "Ayesha".into(),
            waited: Duration::from_secs(2),
        },
        StoreError::StoppedWaiting {
            student: "Ayesha".into(),
        },
    ];
    let reasons = [
        Unreadable::CannotRead(IoProblem::from(&io())),
        Unreadable::Damaged { line: 3, column: 7 },
        Unreadable::Newer { version: 9 },
        Unreadable::NameHasControlCharacters,
    ];
    let english = Messages::english();
    for tag in SHIPPED {
        let m = Messages::for_language(tag);
        let said: Vec<(String, String)> = errors
            .iter()
            .map(|e| {
                (
                    strings::store_error(&english, e),
                    strings::store_error(&m, e),
                )
            })
            .chain(
                reasons
                    .iter()
                    .map(|r| (strings::unreadable(&english, r), strings::unreadable(&m, r))),
            )
            .collect();
        for (en, own) in &said {
            assert_ne!(en, own, "{tag} says it in English");
            // The values are all there: the file, the number, the name.
            for value in ["a.json", "9", "data", "Ayesha", "3", "7", "5"] {
                if en.contains(value) {
                    assert!(own.contains(value), "{tag} lost {value:?}: {own}");
                }
            }
        }
    }
}

#[test]
fn a_data_folder_that_cannot_be_used_is_said_in_the_class_language() {
    let dir = data_dir();
    let not_a_folder = dir.path().join("a-file");
    std::fs::write(&not_a_folder, "").unwrap();
    let out = run(mehfooz(&not_a_folder)
        .args([
            "play",
            LESSON,
            "--student",
            "Ayesha",
            "--plain",
            "--lang",
            "ur-Latn",
        ])
        .write_stdin(""));
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .starts_with("mehfooz: Data folder istemal nahi ho sakta: File "),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("cannot"), "{}", out.stderr);
}
