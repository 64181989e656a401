//! `mehfooz check`: what a teacher sees when checking lesson files.
//!
//! Every file in `tests/broken_lessons/` holds one kind of mistake (and `two-mistakes.toml`
//! two), next to a `.expected` file with the exact `PATH:LINE:COL: severity: message`
//! lines that `mehfooz check tests/broken_lessons/NAME.toml` prints for it.

mod common;

use std::fs;
use std::path::PathBuf;

use common::{crate_dir, data_dir, mehfooz, run};

/// The `PATH:LINE:COL: severity: message` lines of `check`'s output (not the caret
/// display under each, nor the summary line).
fn header_lines<'a>(stdout: &'a str, path: &str) -> Vec<&'a str> {
    let prefix = format!("{path}:");
    stdout
        .lines()
        .filter(|l| {
            l.starts_with(&prefix) && (l.contains(": error: ") || l.contains(": warning: "))
        })
        .collect()
}

fn broken_lesson_files() -> Vec<PathBuf> {
    common::toml_files_in("tests/broken_lessons")
}

#[test]
fn check_reports_every_mistake_with_line_and_column() {
    let data = data_dir();
    let files = broken_lesson_files();
    assert!(
        files.len() >= 12,
        "expected at least 12 broken lessons, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let relative = format!("tests/broken_lessons/{name}");
        let expected_path = file.with_extension("expected");
        let Ok(expected) = fs::read_to_string(&expected_path) else {
            failures.push(format!(
                "{relative}: no {} beside it",
                expected_path.display()
            ));
            continue;
        };
        let expected: Vec<&str> = expected.lines().filter(|l| !l.trim().is_empty()).collect();
        let out = run(mehfooz(data.path()).args(["check", &relative]));
        if out.code != Some(1) {
            failures.push(format!(
                "{relative}: exit code {:?}, expected 1\n{}",
                out.code, out.stdout
            ));
        }
        let got = header_lines(&out.stdout, &relative);
        if got != expected {
            failures.push(format!(
                "{relative}:\n  expected:\n    {}\n  got:\n    {}",
                expected.join("\n    "),
                got.join("\n    ")
            ));
        }
        // Each header is followed by the caret display of the line it is about.
        if !out.stdout.contains(" | ") || !out.stdout.contains('^') {
            failures.push(format!("{relative}: no caret display\n{}", out.stdout));
        }
        let errors = expected.iter().filter(|l| l.contains(": error: ")).count();
        let summary = format!(
            "Checked 1 file: {errors} error{}",
            if errors == 1 { "" } else { "s" }
        );
        if !out.stdout.contains(&summary) {
            failures.push(format!(
                "{relative}: no summary line {summary:?}\n{}",
                out.stdout
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_expected_file_has_a_broken_lesson_beside_it() {
    let dir = crate_dir().join("tests/broken_lessons");
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "expected") {
            assert!(
                path.with_extension("toml").is_file(),
                "{} has no .toml beside it",
                path.display()
            );
        }
    }
}

#[test]
fn check_on_a_folder_reports_the_mistakes_of_every_file_in_it() {
    let data = data_dir();
    let files = broken_lesson_files();
    let out = run(mehfooz(data.path()).args(["check", "tests/broken_lessons"]));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    for file in &files {
        let expected = fs::read_to_string(file.with_extension("expected")).unwrap();
        for line in expected.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                out.stdout.lines().any(|l| l == line),
                "checking the folder did not print {line:?}\n{}",
                out.stdout
            );
        }
    }
    assert!(
        out.stdout
            .contains(&format!("Checked {} files: ", files.len())),
        "{}",
        out.stdout
    );
}

#[test]
fn check_passes_the_good_lessons() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["check", "tests/good_lessons"]));
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    assert!(
        out.stdout.contains("Checked 3 files: 0 errors, 1 warning."),
        "{}",
        out.stdout
    );
    // The one warning: this lesson takes a built-in lesson's id, on purpose.
    assert!(
        out.stdout.contains("tests/good_lessons/private-info-basics.toml:2:6: warning: the id \"private-info-basics\" is a built-in lesson's"),
        "{}",
        out.stdout
    );
}

#[test]
fn check_with_no_paths_checks_the_built_in_lessons_and_finds_no_errors() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).arg("check"));
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    assert!(out.stdout.contains("0 errors"), "{}", out.stdout);
    assert!(
        !out.stdout.contains(": error: "),
        "a built-in lesson has an error:\n{}",
        out.stdout
    );
}

#[test]
fn check_reports_two_lessons_in_one_folder_with_the_same_id() {
    let data = data_dir();
    let folder = tempfile::tempdir().unwrap();
    let lesson = crate_dir().join("tests/good_lessons/short-quiz.toml");
    fs::copy(&lesson, folder.path().join("a.toml")).unwrap();
    fs::copy(&lesson, folder.path().join("b.toml")).unwrap();
    let out = run(mehfooz(data.path()).arg("check").arg(folder.path()));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    let a = folder.path().join("a.toml");
    let b = folder.path().join("b.toml");
    let expected = format!(
        "{}:2:6: error: the id \"short-quiz\" is already used by {}; each lesson needs its own id",
        b.display(),
        a.display()
    );
    assert!(
        out.stdout.lines().any(|l| l == expected),
        "expected {expected:?} in\n{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Checked 2 files: 1 error, 0 warnings."),
        "{}",
        out.stdout
    );
}

#[test]
fn check_on_a_missing_path_says_there_is_no_such_file() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["check", "tests/no-such-lesson.toml"]));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert!(
        out.stdout
            .lines()
            .any(|l| l == "tests/no-such-lesson.toml: error: there is no such file"),
        "{}",
        out.stdout
    );
}

#[test]
fn check_with_an_unknown_option_is_a_usage_error() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["check", "--nope"]));
    assert_eq!(out.code, Some(2), "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("--nope"), "{}", out.stderr);
    assert!(out.stderr.contains("Usage:"), "{}", out.stderr);
}

/// A folder with one good lesson and one broken one.
fn mixed_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let root = crate_dir();
    fs::copy(
        root.join("tests/good_lessons/short-quiz.toml"),
        folder.path().join("short-quiz.toml"),
    )
    .unwrap();
    fs::copy(
        root.join("tests/broken_lessons/wrong-type.toml"),
        folder.path().join("wrong-type.toml"),
    )
    .unwrap();
    folder
}

#[test]
fn list_still_offers_the_good_lessons_of_a_folder_with_a_broken_one() {
    let data = data_dir();
    let folder = mixed_folder();
    let out = run(mehfooz(data.path())
        .arg("list")
        .arg("--lessons")
        .arg(folder.path()));
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.lines().any(|l| l.starts_with("short-quiz ")),
        "the good lesson is not listed:\n{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("wrong-type"),
        "the broken lesson is listed:\n{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("1 lesson file could not be loaded"),
        "stderr: {}",
        out.stderr
    );
    assert!(
        out.stderr.contains("mehfooz check"),
        "stderr: {}",
        out.stderr
    );
}

#[test]
fn check_on_a_folder_with_a_broken_lesson_reports_only_the_broken_one() {
    let data = data_dir();
    let folder = mixed_folder();
    let out = run(mehfooz(data.path()).arg("check").arg(folder.path()));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    let headers: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .collect();
    assert_eq!(headers.len(), 1, "{}", out.stdout);
    assert!(
        headers[0].contains("wrong-type.toml:6:11: error: "),
        "{}",
        headers[0]
    );
    assert!(
        out.stdout.contains("Checked 2 files: 1 error, 0 warnings."),
        "{}",
        out.stdout
    );
}

/// Writes `text` as `NAME.toml` in a new temporary folder.
fn lesson_file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(format!("{name}.toml"));
    fs::write(&path, text).unwrap();
    (folder, path)
}

const ONE_QUESTION: &str = r#"
[[steps]]
type = "question"
kind = "true_false"
prompt = "Passwords are private."
answer = true
"#;

#[test]
fn check_says_an_empty_pool_needs_questions() {
    let data = data_dir();
    let (_folder, path) = lesson_file(
        "empty-pool",
        "format_version = 1\nid = \"empty-pool\"\ntitle = \"T\"\nsummary = \"S\"\n\
         ages = { min = 8, max = 10 }\nminutes = 5\n\n[[steps]]\ntype = \"pool\"\ndraw = 1\nquestions = []\n",
    );
    let out = run(mehfooz(data.path()).arg("check").arg(&path));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert!(
        out.stdout.contains("a pool needs questions"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("draws 1 questions"), "{}", out.stdout);
}

#[test]
fn check_rejects_ages_outside_the_documented_five_to_eighteen() {
    let data = data_dir();
    let (_folder, path) = lesson_file(
        "grown-ups",
        &format!(
            "format_version = 1\nid = \"grown-ups\"\ntitle = \"T\"\nsummary = \"S\"\n\
             ages = {{ min = 20, max = 30 }}\nminutes = 5\n{ONE_QUESTION}"
        ),
    );
    let out = run(mehfooz(data.path()).arg("check").arg(&path));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert!(
        out.stdout.contains(":5:"),
        "the mistake is on line 5:\n{}",
        out.stdout
    );
}

#[test]
fn check_reads_a_file_named_twice_only_once() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args([
        "check",
        "tests/good_lessons",
        "tests/good_lessons/short-quiz.toml",
    ]));
    assert!(!out.stdout.contains("already used by"), "{}", out.stdout);
    assert_eq!(out.code, Some(0), "{}", out.stdout);
}

#[test]
fn toml_1_1_writing_gets_a_warning_that_names_each_place() {
    let data = data_dir();
    let (_folder, path) = lesson_file(
        "newer-toml",
        &format!(
            "format_version = 1\nid = \"newer-toml\"\ntitle = \"T\\e\"\nsummary = \"S\"\n\
             ages = {{\n  min = 8, max = 10,\n}}\nminutes = 5\n{ONE_QUESTION}true_feedback = \"Yes.\"\nfalse_feedback = \"They are.\"\n"
        ),
    );
    let out = run(mehfooz(data.path()).arg("check").arg(&path));
    let shown = path.display().to_string();
    let warnings = header_lines(&out.stdout, &shown);
    assert_eq!(
        warnings,
        vec![
            format!(
                "{shown}:3:11: warning: the escapes \\e and \\x need TOML 1.1, which most editors do not read yet: write \\u001B or \\u00XX instead"
            ),
            format!(
                "{shown}:5:9: warning: a table in {{ }} over several lines needs TOML 1.1, which most editors do not read yet: put it on one line, or write it as a [table]"
            ),
            format!(
                "{shown}:7:1: warning: a comma before the closing }} needs TOML 1.1, which most editors do not read yet: remove the comma"
            ),
        ],
        "{}",
        out.stdout
    );
    assert_eq!(out.code, Some(0), "warnings alone pass: {}", out.stdout);
}

/// A class folder with `mehfooz.toml` holding `settings`, and `files` (name, text) in it.
fn class_folder(settings: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    fs::write(folder.path().join("mehfooz.toml"), settings).unwrap();
    for (name, text) in files {
        let path = folder.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    folder
}

#[test]
fn check_with_no_arguments_checks_the_lessons_folder_the_settings_name() {
    let data = data_dir();
    let broken =
        fs::read_to_string(crate_dir().join("tests/broken_lessons/empty-title.toml")).unwrap();
    let class = class_folder(
        "lessons = \"my-lessons\"\n",
        &[("my-lessons/empty-title.toml", &broken)],
    );
    let out = run(mehfooz(data.path()).arg("check").current_dir(class.path()));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    // A folder named with no separator is joined with the system's own (`\` on Windows).
    let file = PathBuf::from("my-lessons").join("empty-title.toml");
    let file = file.display();
    assert_eq!(
        header_lines(&out.stdout, &file.to_string()),
        vec![format!("{file}:3:9: error: `title` is empty")],
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Checked 2 files: 1 error, 0 warnings."),
        "{}",
        out.stdout
    );
}

#[test]
fn check_reports_every_settings_problem_at_once_each_at_its_line() {
    let data = data_dir();
    let class = class_folder(
        "them = \"plain\"\nregion = \"int\"\nbuilt_in = [\"trusted-adult\"]\nlessons = \"my-lessons\"\n",
        &[],
    );
    let out = run(mehfooz(data.path()).arg("check").current_dir(class.path()));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    // A field the settings do not have hides none of the other mistakes.
    assert_eq!(
        header_lines(&out.stdout, "mehfooz.toml"),
        vec![
            "mehfooz.toml:1:1: error: unknown field `them` in the settings; did you mean `theme`?",
            "mehfooz.toml:2:10: error: there is no region \"int\" (did you mean \"intl\"?); the regions with help lines are \"pk\" (Pakistan) or \"intl\" (International)",
            "mehfooz.toml:3:13: error: there is no built-in lesson \"trusted-adult\"; did you mean \"trusted-adults\"? (`mehfooz list` shows the ids)",
            "mehfooz.toml:4:11: error: there is no lessons folder my-lessons: make it, or fix the path (it is taken from the settings file's folder)",
        ],
        "{}",
        out.stdout
    );
    // The last line says which file to open.
    assert!(
        out.stdout
            .trim_end()
            .ends_with("4 errors, 0 warnings. Errors in: mehfooz.toml."),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("could not be loaded"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_app_refuses_a_mistyped_region_in_the_settings_and_says_where() {
    let data = data_dir();
    let class = class_folder("region = \"int\"\n", &[]);
    let out = run(mehfooz(data.path()).arg("list").current_dir(class.path()));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert!(
        out.stderr.contains(
            "mehfooz.toml:1:10: error: there is no region \"int\" (did you mean \"intl\"?)"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn check_reads_a_settings_file_as_settings_not_as_a_lesson() {
    let data = data_dir();
    let class = class_folder("theme = \"pink\"\n", &[]);
    let out = run(mehfooz(data.path())
        .args(["check", "mehfooz.toml"])
        .current_dir(class.path()));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert_eq!(
        header_lines(&out.stdout, "mehfooz.toml"),
        vec![
            "mehfooz.toml:1:9: error: `theme` is \"colour\", \"color\" or \"plain\", not \"pink\""
        ],
        "{}",
        out.stdout
    );
}

#[test]
fn new_refuses_the_names_of_the_settings_and_help_lines_files() {
    let data = data_dir();
    let folder = tempfile::tempdir().unwrap();
    for (id, kind) in [("mehfooz", "class settings"), ("help-lines", "help lines")] {
        let out = run(mehfooz(data.path())
            .args(["new", id, "--dir"])
            .arg(folder.path()));
        assert_eq!(out.code, Some(1), "{}", out.stdout);
        assert!(
            out.stderr.contains(&format!(
                "\"{id}\" cannot be a lesson id: {id}.toml is the name of the {kind} file"
            )),
            "{}",
            out.stderr
        );
    }
    assert_eq!(fs::read_dir(folder.path()).unwrap().count(), 0);
}

#[test]
fn new_says_the_id_is_taken_by_a_built_in_lesson() {
    let data = data_dir();
    let folder = tempfile::tempdir().unwrap();
    let out = run(mehfooz(data.path())
        .args(["new", "trusted-adults", "--dir"])
        .arg(folder.path()));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert!(
        out.stderr
            .contains("\"trusted-adults\" is the id of a built-in lesson"),
        "{}",
        out.stderr
    );
    assert!(!folder.path().join("trusted-adults.toml").exists());
}

#[test]
fn check_warns_that_a_lesson_with_a_built_in_id_replaces_it() {
    let data = data_dir();
    let text = format!(
        "format_version = 1\nid = \"trusted-adults\"\ntitle = \"T\"\nsummary = \"S\"\n\
         ages = {{ min = 8, max = 10 }}\nminutes = 5\n{ONE_QUESTION}false_feedback = \"They are.\"\n"
    );
    let (_folder, path) = lesson_file("mine", &text);
    let out = run(mehfooz(data.path()).arg("check").arg(&path));
    let shown = path.display().to_string();
    assert_eq!(
        header_lines(&out.stdout, &shown),
        vec![format!(
            "{shown}:2:6: warning: the id \"trusted-adults\" is a built-in lesson's: this lesson will replace the built-in one in the app; give it another id unless that is what you want"
        )],
        "{}",
        out.stdout
    );
}

#[test]
fn json_gives_null_for_no_line_and_a_line_and_column_for_bad_utf8() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args([
        "check",
        "--format",
        "json",
        "tests/hostile_lessons/invalid-utf8.toml",
        "tests/no-such-lesson.toml",
    ]));
    let problems: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let find = |path: &str| {
        problems
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["path"] == path)
            .unwrap_or_else(|| panic!("no {path} in {problems:#}"))
            .clone()
    };
    let utf8 = find("tests/hostile_lessons/invalid-utf8.toml");
    assert_eq!(
        (utf8["line"].clone(), utf8["column"].clone()),
        (8.into(), 6.into())
    );
    let missing = find("tests/no-such-lesson.toml");
    assert!(
        missing["line"].is_null() && missing["column"].is_null(),
        "{missing}"
    );
}

#[test]
fn check_warns_at_a_shared_glossary_word_no_lesson_marks() {
    let data = data_dir();
    let folder = tempfile::tempdir().unwrap();
    fs::write(
        folder.path().join("glossary.toml"),
        "format_version = 1\n\n[[words]]\nword = \"consent\"\nmeaning = \"Saying yes freely.\"\n\n[[words]]\nword = \"kindness\"\nmeaning = \"Being nice.\"\n",
    )
    .unwrap();
    fs::write(
        folder.path().join("one.toml"),
        "format_version = 1\nid = \"one\"\ntitle = \"One\"\nsummary = \"S\"\nages = { min = 8, max = 10 }\nminutes = 5\n\n[[steps]]\ntype = \"question\"\nkind = \"true_false\"\nprompt = \"{Consent} can be taken back.\"\nanswer = true\nfalse_feedback = \"You can always change your mind.\"\n",
    )
    .unwrap();
    let out = run(mehfooz(data.path()).arg("check").arg(folder.path()));
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    let glossary = folder.path().join("glossary.toml");
    let expected = format!(
        "{}:8:8: warning: no lesson marks \"kindness\": mark it as {{kindness}} where a child first meets it, or remove it from the glossary",
        glossary.display()
    );
    assert!(out.stdout.lines().any(|l| l == expected), "{}", out.stdout);
    assert!(!out.stdout.contains("\"consent\""), "{}", out.stdout);
    assert!(out.stdout.contains("0 errors, 1 warning"), "{}", out.stdout);
}
