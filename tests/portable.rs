//! What reads the same on Windows as on Linux: file paths shown as the teacher typed them,
//! built-in lessons always as `lessons/NAME.toml`, and the help naming the data-folder
//! variable in both shells' spelling. The Windows build runs these under Wine in CI.

mod common;

use common::{data_dir, mehfooz, run};

#[test]
fn list_shows_every_built_in_lesson_as_lessons_slash_name() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).arg("list"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("lessons/online-friends-basics.toml"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains('\\'),
        "a backslash in:\n{}",
        out.stdout
    );
}

#[test]
fn check_shows_a_folder_typed_with_slashes_with_slashes_only() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["check", "tests/broken_lessons"]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    let shown = format!("{}{}", out.stdout, out.stderr);
    assert!(
        shown.contains("tests/broken_lessons/empty-title.toml:3:9: error"),
        "{shown}"
    );
    assert!(
        !shown.contains("broken_lessons\\"),
        "mixed separators in:\n{shown}"
    );
}

#[test]
fn list_shows_a_teacher_folder_typed_with_slashes_with_slashes_only() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["list", "--lessons", "tests/good_lessons/"]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("tests/good_lessons/short-quiz.toml"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains('\\'),
        "a backslash in:\n{}",
        out.stdout
    );
}

#[cfg(windows)] // backslashes are folder separators only on Windows
#[test]
fn check_shows_a_folder_typed_with_backslashes_with_backslashes() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["check", r"tests\broken_lessons"]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    let shown = format!("{}{}", out.stdout, out.stderr);
    assert!(
        shown.contains(r"tests\broken_lessons\empty-title.toml:3:9: error"),
        "{shown}"
    );
}

#[test]
fn help_names_the_data_folder_variable_for_unix_shells_and_the_windows_prompt() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).arg("--help"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("$MEHFOOZ_DATA_DIR"), "{}", out.stdout);
    assert!(out.stdout.contains("%MEHFOOZ_DATA_DIR%"), "{}", out.stdout);
}

#[test]
fn new_shows_the_lesson_it_wrote_in_the_folder_as_typed() {
    let data = data_dir();
    let work = tempfile::tempdir().unwrap();
    let out = run(mehfooz(data.path()).current_dir(work.path()).args([
        "new",
        "my-lesson",
        "--dir",
        "class/lessons",
    ]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("Wrote class/lessons/my-lesson.toml"),
        "{}",
        out.stdout
    );
    assert!(work.path().join("class/lessons/my-lesson.toml").is_file());
}
