//! Lesson translations: `check` proving a translation keeps its source's structure, the
//! built-in translations, `list` and choosing the language.
//!
//! Every file in `tests/broken_translations/` translates
//! `tests/broken_translations/source/spot-the-signs.toml` with one kind of mistake, next
//! to a `.expected` file with the exact `PATH:LINE:COL: severity: message` lines that
//! `mehfooz check tests/broken_translations/source FILE` prints for it.

mod common;

use std::fs;
use std::path::PathBuf;

use common::{data_dir, mehfooz, run};

const SOURCE_DIR: &str = "tests/broken_translations/source";
const SOURCE: &str = "tests/broken_translations/source/spot-the-signs.toml";

fn broken_translations() -> Vec<PathBuf> {
    common::toml_files_in("tests/broken_translations")
}

#[test]
fn check_reports_each_broken_translation_exactly_with_the_source_line_as_a_note() {
    let files = broken_translations();
    assert!(files.len() >= 5, "found {files:?}");
    let data = data_dir();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let relative = format!("tests/broken_translations/{name}");
        let expected = fs::read_to_string(file.with_extension("expected"))
            .unwrap_or_else(|_| panic!("{relative} has a .expected file"));
        let expected: Vec<&str> = expected.lines().filter(|l| !l.trim().is_empty()).collect();
        let out = run(mehfooz(data.path()).args(["check", SOURCE_DIR, &relative]));
        assert_eq!(out.code, Some(1), "{relative}\n{}", out.stdout);
        let got: Vec<&str> = out
            .stdout
            .lines()
            .filter(|l| {
                l.starts_with(&format!("{relative}:"))
                    && (l.contains(": error: ") || l.contains(": warning: "))
            })
            .collect();
        assert_eq!(got, expected, "{relative}\n{}", out.stdout);
        // Every structural difference names the source's line beside it.
        let structural = expected.iter().filter(|l| l.contains("source")).count();
        let notes = out
            .stdout
            .lines()
            .filter(|l| l.starts_with(&format!("{SOURCE}:")) && l.contains(": note: "))
            .count();
        if structural > 0 {
            assert!(notes >= 1, "{}", out.stdout);
        }
    }
}

#[test]
fn a_right_answer_moved_to_another_choice_is_an_error_at_both_choices() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args([
        "check",
        SOURCE_DIR,
        "tests/broken_translations/right-answer-differs.toml",
    ]));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stdout.contains(&format!(
            "{SOURCE}:20:3: note: the source has it here\n   |\n20 |   correct = true"
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn a_translation_without_its_source_lesson_is_reported() {
    let data = data_dir();
    let out =
        run(mehfooz(data.path()).args(["check", "tests/broken_translations/choice-missing.toml"]));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stdout.contains(
            "tests/broken_translations/choice-missing.toml: error: this is a translation of the lesson \"spot-the-signs\", but there is no lesson with that id"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn every_shipped_translation_checks_with_no_errors() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["check", "lessons"]));
    assert!(out.stdout.contains(": 0 errors"), "{}", out.stdout);
    let ur = run(mehfooz(data.path()).args(["check", "lessons/ur", "lessons/ur-Latn"]));
    assert_eq!(ur.code, Some(0), "{}", ur.stdout);
    // Text left as the English is allowed only in chats the sources already write in
    // Roman Urdu, which the Roman Urdu translation keeps as they are.
    for line in ur
        .stdout
        .lines()
        .filter(|l| l.contains("same as the English"))
    {
        assert!(
            line.starts_with("lessons/ur-Latn/ai-fakes-and-the-law.toml:")
                || line.starts_with("lessons/ur-Latn/seeing-something-upsetting.toml:"),
            "{line}"
        );
    }
}

/// The built-in lesson's title in `lang`, as its translation file gives it.
fn translated_title(id: &str, lang: &str) -> String {
    let catalog = mehfooz::lesson::Catalog::built_in();
    let entry = catalog.get(id).expect("a built-in lesson");
    entry.translations[lang].content.title.clone()
}

fn attempt(data: &std::path::Path, id: &str) -> serde_json::Value {
    let student = common::only_student_json(data);
    student["lessons"][id]["attempts"][0].clone()
}

#[test]
fn play_in_urdu_runs_the_whole_lesson_in_urdu_and_saves_under_the_same_lesson_id() {
    let data = data_dir();
    let urdu_title = translated_title("kind-online", "ur");
    let finished = mehfooz::i18n::Messages::for_language("ur").text("plain-finished");
    let out = run(mehfooz(data.path())
        .args([
            "play",
            "kind-online",
            "--student",
            "Ali",
            "--plain",
            "--lang",
            "ur",
        ])
        .write_stdin("1\n".repeat(80)));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains(&format!("{finished} {urdu_title}")),
        "{}",
        out.stdout
    );
    // The English lesson's words are nowhere: its title and first page.
    assert!(!out.stdout.contains("Being kind online"), "{}", out.stdout);
    let attempt = attempt(data.path(), "kind-online");
    assert!(attempt["finished"].is_number(), "{attempt:#}");
}

#[test]
fn switching_language_mid_lesson_carries_on_at_the_same_step_with_the_same_answers() {
    let data = data_dir();
    let play = |lang: &str, input: &str| {
        run(mehfooz(data.path())
            .args([
                "play",
                "kind-online",
                "--student",
                "Ali",
                "--plain",
                "--lang",
                lang,
            ])
            .write_stdin(input.to_string()))
    };
    let first = play("ur", "\n2\nq\n");
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let before = attempt(data.path(), "kind-online");
    assert_eq!(before["state"]["position"], 2, "{before:#}");

    let second = play("en", "q\n");
    assert!(
        second
            .stdout
            .contains("Carrying on where you stopped: step 3 of"),
        "{}",
        second.stdout
    );
    assert!(
        second.stdout.contains("Being kind online"),
        "{}",
        second.stdout
    );
    let after = attempt(data.path(), "kind-online");
    assert_eq!(after["id"], before["id"], "the same attempt goes on");
    assert_eq!(after["state"]["answers"][1], before["state"]["answers"][1]);
    assert_eq!(after["content_version"], before["content_version"]);
}

#[test]
fn the_language_in_the_class_settings_is_used_and_the_flag_beats_it() {
    let data = data_dir();
    let settings = data.path().join("mehfooz.toml");
    fs::write(&settings, "language = \"ur\"\n").unwrap();
    let urdu_title = translated_title("kind-online", "ur");
    let play = |extra: &[&str]| {
        run(mehfooz(data.path())
            .args([
                "play",
                "kind-online",
                "--student",
                "Sara",
                "--plain",
                "--config",
            ])
            .arg(&settings)
            .args(extra)
            .env("LC_ALL", "")
            .env("LANG", "C")
            .write_stdin("q\n"))
    };
    assert!(play(&[]).stdout.contains(&urdu_title));
    let english = play(&["--lang", "en"]);
    assert!(
        english.stdout.contains("Being kind online"),
        "{}",
        english.stdout
    );
}

#[test]
fn a_lesson_with_no_translation_in_the_chosen_language_is_shown_in_english() {
    let data = data_dir();
    let out = run(mehfooz(data.path())
        .args([
            "play",
            "kind-online",
            "--student",
            "Ali",
            "--plain",
            "--lang",
            "ps",
        ])
        .write_stdin("q\n"));
    assert!(out.stdout.contains("Being kind online"), "{}", out.stdout);
}

#[test]
fn list_shows_each_lessons_languages_and_that_they_are_drafts() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["list"]));
    let line = out
        .stdout
        .lines()
        .find(|l| l.starts_with("sextortion "))
        .expect("sextortion is listed");
    assert!(line.ends_with("ur (draft), ur-Latn (draft)"), "{line}");
    let json = run(mehfooz(data.path()).args(["list", "--json"]));
    let rows: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "sextortion")
        .unwrap();
    assert_eq!(row["languages"][0]["lang"], "ur");
    assert_eq!(row["languages"][0]["status"], "draft");
    assert_eq!(row["languages"][0]["file"], "lessons/ur/sextortion.toml");
}

#[test]
fn list_names_the_reviewer_of_a_reviewed_translation_found_in_a_language_folder() {
    let data = data_dir();
    let dir = tempfile::tempdir().unwrap();
    fs::copy(SOURCE, dir.path().join("spot-the-signs.toml")).unwrap();
    let good = fs::read_to_string("tests/broken_translations/reviewed-without-reviewer.toml")
        .unwrap()
        .replace(
            "status = \"reviewed\"",
            "status = \"reviewed\"\nreviewed_by = \"Amina Khan\"\nreviewed_on = 2026-11-29",
        );
    // A folder named by a language tag holds translations.
    fs::create_dir(dir.path().join("ur-Latn")).unwrap();
    fs::write(dir.path().join("ur-Latn/spot-the-signs.toml"), good).unwrap();
    let out = run(mehfooz(data.path())
        .arg("list")
        .arg("--lessons")
        .arg(dir.path()));
    let line = out
        .stdout
        .lines()
        .find(|l| l.starts_with("spot-the-signs "))
        .unwrap_or_else(|| panic!("{}{}", out.stdout, out.stderr));
    assert!(
        line.ends_with("ur-Latn (reviewed by Amina Khan, 2026-11-29)"),
        "{line}"
    );
}

#[test]
fn new_translate_writes_a_draft_skeleton_with_the_english_beside_every_text_that_checks() {
    let data = data_dir();
    let dir = tempfile::tempdir().unwrap();
    let out = run(mehfooz(data.path())
        .args([
            "new",
            "--translate",
            "trusted-adults",
            "--lang",
            "sd",
            "--dir",
        ])
        .arg(dir.path()));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let text = fs::read_to_string(dir.path().join("trusted-adults.toml")).unwrap();
    assert!(
        text.contains("id = \"trusted-adults\"\nlang = \"sd\"\n"),
        "{text}"
    );
    assert!(text.contains("[translation]\nstatus = \"draft\""), "{text}");
    assert!(
        text.contains("# English: Trusted adults\ntitle = \"Trusted adults\""),
        "{text}"
    );
    assert!(dir.path().join("lesson.schema.json").is_file());
    let check = run(mehfooz(data.path()).arg("check").arg(dir.path()));
    assert_eq!(check.code, Some(0), "{}", check.stdout);
    // Its only warnings are the texts still to translate.
    for line in check.stdout.lines().filter(|l| l.contains(": warning: ")) {
        assert!(line.contains("still the same as the English"), "{line}");
    }
    assert!(check.stdout.contains("0 errors"), "{}", check.stdout);
}

#[test]
fn new_translate_of_an_unknown_lesson_says_so() {
    let data = data_dir();
    let dir = tempfile::tempdir().unwrap();
    let out = run(mehfooz(data.path())
        .args([
            "new",
            "--translate",
            "no-such-lesson",
            "--lang",
            "ur",
            "--dir",
        ])
        .arg(dir.path()));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("there is no lesson with the id \"no-such-lesson\" to translate"),
        "{}",
        out.stderr
    );
}

/// A class folder whose `mehfooz.toml` names its lessons folder, `my-lessons`, which
/// holds the fixture source when `with_source`.
fn class_with_settings(with_source: bool) -> tempfile::TempDir {
    let class = tempfile::tempdir().unwrap();
    fs::create_dir(class.path().join("my-lessons")).unwrap();
    if with_source {
        fs::copy(SOURCE, class.path().join("my-lessons/spot-the-signs.toml")).unwrap();
    }
    fs::write(
        class.path().join("mehfooz.toml"),
        "lessons = \"my-lessons\"\n",
    )
    .unwrap();
    class
}

/// `new --translate spot-the-signs --lang ur` with the class's settings, into `dir`.
fn translate_with_settings(class: &tempfile::TempDir, dir: &std::path::Path) -> common::Run {
    let data = data_dir();
    run(mehfooz(data.path())
        .arg("--config")
        .arg(class.path().join("mehfooz.toml"))
        .args([
            "new",
            "--translate",
            "spot-the-signs",
            "--lang",
            "ur",
            "--dir",
        ])
        .arg(dir))
}

#[test]
fn new_translate_finds_a_lesson_in_a_folder_the_settings_name() {
    let class = class_with_settings(true);
    let out_dir = class.path().join("ur");
    fs::create_dir(&out_dir).unwrap();
    let out = translate_with_settings(&class, &out_dir);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let text = fs::read_to_string(out_dir.join("spot-the-signs.toml")).unwrap();
    assert!(
        text.contains("id = \"spot-the-signs\"\nlang = \"ur\"\n"),
        "{text}"
    );
}

#[test]
fn new_translate_of_a_missing_lesson_names_every_folder_it_looked_in() {
    let class = class_with_settings(false);
    let out = translate_with_settings(&class, class.path());
    assert_eq!(out.code, Some(1));
    let folder = class.path().join("my-lessons");
    assert!(
        out.stderr.contains(&format!(
            "looked in the built-in lessons, {}",
            folder.display()
        )),
        "{}",
        out.stderr
    );
}

/// A class folder with the fixture source and its Roman Urdu translation, whose page
/// marks `{ban kar|bhes badalna}` (a word no built-in glossary has), and a Roman Urdu
/// glossary with these words.
fn class_with_glossary(words: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(SOURCE, dir.path().join("spot-the-signs.toml")).unwrap();
    let translation =
        fs::read_to_string("tests/broken_translations/reviewed-without-reviewer.toml")
            .unwrap()
            .replace("status = \"reviewed\"", "status = \"draft\"")
            .replace(
                "Kuch log online koi aur ban kar baat karte hain.",
                "Kuch log online koi aur {ban kar|bhes badalna} baat karte hain.",
            );
    fs::create_dir(dir.path().join("ur-Latn")).unwrap();
    fs::write(dir.path().join("ur-Latn/spot-the-signs.toml"), translation).unwrap();
    let mut glossary = String::from("format_version = 1\nlang = \"ur-Latn\"\n");
    for (word, meaning) in words {
        glossary.push_str(&format!(
            "\n[[words]]\nword = \"{word}\"\nmeaning = \"{meaning}\"\n"
        ));
    }
    fs::write(dir.path().join("ur-Latn/glossary.toml"), glossary).unwrap();
    dir
}

#[test]
fn a_translations_marked_word_is_explained_by_its_languages_glossary_without_warnings() {
    let data = data_dir();
    let class = class_with_glossary(&[("bhes badalna", "Koi aur hone ka natak karna.")]);
    let out = run(mehfooz(data.path()).arg("check").arg(class.path()));
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    assert!(!out.stdout.contains("glossary"), "{}", out.stdout);
}

#[test]
fn check_warns_of_a_translations_word_no_glossary_explains_naming_its_languages_glossary() {
    let data = data_dir();
    let class = class_with_glossary(&[("saboot", "Woh cheezein jo dikhati hain ke kya hua.")]);
    let out = run(mehfooz(data.path()).arg("check").arg(class.path()));
    assert!(
        out.stdout.contains(
            "warning: \"bhes badalna\" is marked as a glossary word but no glossary says what it means: add it to ur-Latn/glossary.toml"
        ),
        "{}",
        out.stdout
    );
    // The language's word that no translation marks is pointed out at its line.
    let glossary = class.path().join("ur-Latn").join("glossary.toml");
    assert!(
        out.stdout.contains(&format!(
            "{}:5:8: warning: no lesson marks \"saboot\"",
            glossary.display()
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn a_languages_glossary_explains_only_that_languages_lessons() {
    let catalog = mehfooz::lesson::Catalog::built_in();
    let entry = catalog.get("stop-block-tell").unwrap();
    let urdu = catalog.glossary_for(entry.in_language("ur"));
    let english = catalog.glossary_for(&entry.lesson);
    let bharosa = urdu.lookup("بھروسے والا بڑا").expect("an Urdu word");
    assert!(bharosa.meaning.contains("امی ابو"), "{}", bharosa.meaning);
    assert!(english.lookup("بھروسے والا بڑا").is_none());
    // A word the translation's glossary lacks falls back to the English meaning.
    assert_eq!(
        urdu.lookup("trusted adult").map(|e| &e.meaning),
        english.lookup("trusted adult").map(|e| &e.meaning)
    );
}

/// What `g` prints on the first page of a built-in lesson played in `lang`.
fn first_page_meanings(id: &str, lang: &str) -> String {
    let data = data_dir();
    let out = run(mehfooz(data.path())
        .args(["play", id, "--student", "Ali", "--plain", "--lang", lang])
        .write_stdin(format!("g\n{}", "1\n".repeat(80))));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    out.stdout
}

#[test]
fn g_in_an_urdu_lesson_shows_the_meaning_in_urdu() {
    let s = first_page_meanings("stop-block-tell", "ur");
    assert!(
        s.contains("  عجیب اور بُرا: اندر سے بُرا، پریشان یا عجیب سا احساس، جیسے کچھ ٹھیک نہیں ہے۔"),
        "{s}"
    );
    assert!(s.contains("عجیب اور بُرا*"), "{s}");
    assert!(!s.contains("A bad, worried or odd feeling"), "{s}");
}

#[test]
fn g_in_a_roman_urdu_lesson_shows_the_meaning_in_roman_urdu() {
    let s = first_page_meanings("stop-block-tell", "ur-Latn");
    assert!(
        s.contains("  ajeeb aur bura: Andar se bura, pareshan ya ajeeb sa ehsaas"),
        "{s}"
    );
}

#[test]
fn a_translation_still_all_in_english_is_warned_at_each_text_beside_the_english() {
    let data = data_dir();
    let folder = tempfile::tempdir().unwrap();
    let source = fs::read_to_string(SOURCE).unwrap();
    fs::copy(SOURCE, folder.path().join("spot-the-signs.toml")).unwrap();
    fs::create_dir(folder.path().join("ur")).unwrap();
    // The English file, with only what makes it a translation added.
    let copy = source.replacen(
        "id = \"spot-the-signs\"\n",
        "id = \"spot-the-signs\"\nlang = \"ur\"\n",
        1,
    );
    let at = copy.find("\n[[steps]]").unwrap();
    let copy = format!(
        "{}\n[translation]\nstatus = \"draft\"\n{}",
        &copy[..at],
        &copy[at..]
    );
    let translation = folder.path().join("ur").join("spot-the-signs.toml");
    fs::write(&translation, &copy).unwrap();
    let out = run(mehfooz(data.path()).arg("check").arg(folder.path()));
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let warnings: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains(": warning: "))
        .collect();
    assert!(warnings.len() >= 5, "{}", out.stdout);
    for i in warnings {
        // PATH:LINE:COL, what, and where: "`prompt` of step 2".
        let warning = lines[i];
        assert!(
            warning.starts_with(&format!("{}:", translation.display())),
            "{warning}"
        );
        assert!(warning.contains(" of "), "{warning}");
        assert!(
            warning.ends_with("is still the same as the English"),
            "{warning}"
        );
        // The English's own line in the source follows, after the caret lines.
        let note = lines[i + 1..]
            .iter()
            .take_while(|l| !l.contains(": warning: "))
            .find(|l| l.contains(": note: "))
            .unwrap_or_else(|| panic!("no note after {warning}"));
        let source_file = folder.path().join("spot-the-signs.toml");
        assert!(
            note.starts_with(&format!("{}:", source_file.display()))
                && note.ends_with(": note: the English, in the source"),
            "{note}"
        );
    }
}
