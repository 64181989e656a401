//! Helpers shared by the integration tests: running the `mehfooz` binary from the crate
//! folder with a data folder of its own, so no test ever touches the real one.

#![allow(dead_code)]

#[cfg(unix)] // Wine's console cannot be driven and read back like a pseudo-terminal
pub mod pty;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

/// The crate folder: `tests/...` and `lessons/...` paths are relative to it.
pub fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty data folder for one test; inside `MEHFOOZ_TEST_DATA_PARENT` when that
/// is set, so that a run can keep every data folder on a lab's shared drive instead.
pub fn data_dir() -> TempDir {
    match std::env::var_os("MEHFOOZ_TEST_DATA_PARENT") {
        Some(parent) => tempfile::tempdir_in(parent),
        None => tempfile::tempdir(),
    }
    .expect("a temporary data folder")
}

/// `mehfooz` run from the crate folder, saving into `data` (given both as `--data-dir`
/// and as `MEHFOOZ_DATA_DIR`, so the real data folder is never used).
pub fn mehfooz(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mehfooz").expect("the mehfooz binary is built");
    cmd.current_dir(crate_dir())
        .env("MEHFOOZ_DATA_DIR", data)
        // The tables' layout depends on it; a test that wants a width sets it.
        .env_remove("COLUMNS")
        .arg("--data-dir")
        .arg(data)
        .timeout(hang_limit(30));
    cmd
}

/// A time limit that catches a hang, not one that measures speed. On Windows the tests
/// run under Wine, where starting a program alone can take half a minute on a busy
/// machine, so there it is six times as long.
pub const fn hang_limit(secs: u64) -> Duration {
    Duration::from_secs(if cfg!(windows) { secs * 6 } else { secs })
}

/// The output of a finished command, as text.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut Command) -> Run {
    let output = started(|| cmd.output());
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `mehfooz play LESSON --student NAME --plain --lessons tests/good_lessons` with `input`
/// typed in.
pub fn play_good(data: &Path, lesson: &str, student: &str, input: &str) -> Run {
    run(mehfooz(data)
        .args(["play", lesson, "--student", student, "--plain"])
        .args(["--lessons", "tests/good_lessons"])
        .write_stdin(input))
}

/// The student files (`*.json`) in the data folder.
pub fn student_files(data: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data)
        .expect("the data folder exists")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The one student file in the data folder, parsed.
pub fn only_student_json(data: &Path) -> serde_json::Value {
    let files = student_files(data);
    assert_eq!(
        files.len(),
        1,
        "one student file in {}: {files:?}",
        data.display()
    );
    let text = std::fs::read_to_string(&files[0]).expect("the student file reads");
    serde_json::from_str(&text).expect("the student file is JSON")
}

/// `mehfooz report --csv --lesson short-quiz --lessons tests/good_lessons`.
pub fn short_quiz_csv(data: &Path) -> Run {
    run(mehfooz(data).args([
        "report",
        "--csv",
        "--lesson",
        "short-quiz",
        "--lessons",
        "tests/good_lessons",
    ]))
}

/// A lesson file's text of about `bytes` bytes made of tiny pages.
pub fn tiny_steps(bytes: usize) -> (String, usize) {
    let mut text = String::from(
        "format_version = 1\nid = \"huge\"\ntitle = \"T\"\nsummary = \"S\"\nages = { min = 8, max = 10 }\nminutes = 5\n",
    );
    let step = "[[steps]]\ntype=\"page\"\ntitle=\"a\"\ntext=\"b\"\n";
    let count = (bytes - text.len()) / step.len();
    text.push_str(&step.repeat(count));
    (text, count)
}

/// The `.toml` files of a folder of the crate (fixtures), in name order.
pub fn toml_files_in(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(crate_dir().join(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// A student who answered the first question of the built-in lesson `id` once in each
/// of `languages` (one attempt each, as a child who switched between visits would).
pub fn student_who_took(name: &str, id: &str, languages: &[&str]) -> mehfooz::progress::Student {
    use rand::SeedableRng;
    let catalog = mehfooz::lesson::Catalog::built_in();
    let entry = catalog.get(id).expect("a built-in lesson");
    let mut student = mehfooz::progress::Student::new(name);
    for lang in languages {
        let lesson = entry.in_language(lang);
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let mut run = mehfooz::run::LessonRun::restart(lesson, &mut rng);
        while !run.session.awaiting_answer() {
            run.session.advance();
        }
        run.session.answer(&[0]).unwrap();
        for attempt in run.attempts_to_save() {
            student.merge_attempt(id, &attempt);
        }
    }
    student
}

/// What `start` gives, tried again (three times at most) when Wine failed to start the
/// program at all: its CreateProcess now and then says "Internal error" (1359) on a busy
/// machine, before the program has run a line. Any other failure, and anything the
/// program itself does, counts the first time.
pub fn started<T>(mut start: impl FnMut() -> std::io::Result<T>) -> T {
    const WINE_COULD_NOT_START: i32 = 1359;
    let mut tries = 1;
    loop {
        match start() {
            Ok(done) => return done,
            Err(e)
                if cfg!(windows) && e.raw_os_error() == Some(WINE_COULD_NOT_START) && tries < 3 =>
            {
                tries += 1;
                std::thread::sleep(Duration::from_secs(1));
            }
            Err(e) => panic!("mehfooz runs: {e:?}"),
        }
    }
}
