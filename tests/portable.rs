//! What reads the same on Windows as on Linux: file paths shown as the teacher typed them,
//! built-in lessons always as `lessons/NAME.toml`, and the help naming the data-folder
//! variable in both shells' spelling. The Windows build runs these under Wine in CI.

mod common;

use common::{data_dir, mehfooz, run};

/// `mehfooz list ARGS`, which must succeed, show `path` and no backslash at all.
fn list_shows_with_slashes_only(args: &[&str], path: &str) {
    let data = data_dir();
    let out = run(mehfooz(data.path()).arg("list").args(args));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains(path), "no {path} in:\n{}", out.stdout);
    assert!(
        !out.stdout.contains('\\'),
        "a backslash in:\n{}",
        out.stdout
    );
}

#[test]
fn list_shows_every_built_in_lesson_as_lessons_slash_name() {
    list_shows_with_slashes_only(&[], "lessons/online-friends-basics.toml");
}

#[test]
fn list_shows_a_teacher_folder_typed_with_slashes_with_slashes_only() {
    list_shows_with_slashes_only(
        &["--lessons", "tests/good_lessons/"],
        "tests/good_lessons/short-quiz.toml",
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

/// Closing the console window cannot be done from a test; the same handler takes
/// Ctrl-Break, which a test in a real console can send to a process group of its own.
/// Windows' own handler would end the app with STATUS_CONTROL_C_EXIT; ours lets the last
/// save finish and exits with 130, as a Unix shell reports Ctrl-C. Under Wine the test
/// has no console, so GenerateConsoleCtrlEvent fails: run it on Windows with --ignored.
#[cfg(windows)] // console control events exist only on Windows
#[test]
#[ignore = "needs a real Windows console; under Wine Ctrl-Break cannot be sent"]
fn ctrl_break_in_the_middle_of_a_lesson_exits_cleanly_with_the_answer_saved() {
    use std::io::Write;
    use std::os::windows::process::CommandExt;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    use windows_sys::Win32::System::Console::{CTRL_BREAK_EVENT, GenerateConsoleCtrlEvent};
    const CREATE_NEW_PROCESS_GROUP: u32 = 0x0000_0200;

    let data = data_dir();
    let mut child = common::started(|| {
        Command::new(env!("CARGO_BIN_EXE_mehfooz"))
            .current_dir(common::crate_dir())
            .args(["play", "short-quiz", "--student", "Ayesha", "--plain"])
            .args(["--lessons", "tests/good_lessons", "--data-dir"])
            .arg(data.path())
            .creation_flags(CREATE_NEW_PROCESS_GROUP)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
    });
    // The first page, then the first question answered.
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"\n1\n").unwrap();
    let answered = || {
        !common::student_files(data.path()).is_empty() && {
            let student = common::only_student_json(data.path());
            student["lessons"]["short-quiz"]["attempts"][0]["state"]["answers"][1].is_array()
        }
    };
    let started = Instant::now();
    while !answered() {
        assert!(
            started.elapsed() < common::hang_limit(30),
            "no answer was saved"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // SAFETY: a plain call with a process group id we made.
    let sent = unsafe { GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, child.id()) };
    assert_ne!(sent, 0, "Ctrl-Break could not be sent");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < common::hang_limit(30), "still running");
        std::thread::sleep(Duration::from_millis(50));
    };
    drop(stdin);
    assert_eq!(
        status.code(),
        Some(130),
        "not stopped by the app's own handler"
    );
    assert!(answered(), "the answer was lost");
}
