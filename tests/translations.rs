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

use common::{crate_dir, data_dir, mehfooz, run};

const SOURCE_DIR: &str = "tests/broken_translations/source";
const SOURCE: &str = "tests/broken_translations/source/spot-the-signs.toml";

fn broken_translations() -> Vec<PathBuf> {
    let dir = crate_dir().join("tests/broken_translations");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/broken_translations exists")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
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
    // Text left as the English is allowed only in chats the source already writes in
    // Roman Urdu, which the Roman Urdu translation keeps as they are.
    for line in ur
        .stdout
        .lines()
        .filter(|l| l.contains("same as the English"))
    {
        assert!(
            line.starts_with("lessons/ur-Latn/ai-fakes-and-the-law.toml:"),
            "{line}"
        );
    }
}
