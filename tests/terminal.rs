//! The app in a real pseudo-terminal: it draws, takes keys, saves the answer, and leaves
//! the terminal as it found it (no raw mode, alternate screen left, cursor shown).

// Unix only: Wine's console does not draw the app, so there is no screen to read back.
#![cfg(unix)]

mod common;

use std::time::Duration;

use common::pty::Terminal;

#[test]
fn answering_then_quitting_saves_and_restores_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let script = format!(
        "'{app}' play screens --student Ayesha --lessons tests/screens --data-dir '{}'; code=$?; echo; echo EXITED $code; stty -a; sleep 1",
        data.path().display()
    );
    let mut terminal = Terminal::start(&script);
    terminal.wait_for("Not everyone is who they say");
    assert!(terminal.parser.lock().unwrap().screen().alternate_screen());
    terminal.keys("\r");
    terminal.wait_for("Bilal, 11, asks you");
    terminal.keys("2\r");
    terminal.wait_for("Correct!");
    terminal.wait_for("Yes. A trusted adult can help.");
    terminal.keys("q");
    terminal.wait_for("Lessons for Ayesha");
    terminal.keys("\x03"); // Ctrl-C quits from anywhere
    terminal.wait_for_output("EXITED 0");
    terminal.wait_for_output("speed");
    {
        let parser = terminal.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "the alternate screen was left");
        assert!(!screen.hide_cursor(), "the cursor is shown again");
    }
    let output = String::from_utf8_lossy(&terminal.raw.lock().unwrap()).to_string();
    let stty = &output[output.rfind("EXITED 0").unwrap()..];
    assert!(
        stty.contains(" icanon") && stty.contains(" echo"),
        "raw mode is still on:\n{stty}"
    );
    let _ = terminal.child.wait();

    // The answer given is on disk.
    let file = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("a progress file was written");
    let student: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let answers = &student["lessons"]["screens"]["attempts"][0]["state"]["answers"];
    assert_eq!(answers[1], serde_json::json!([1]), "{student:#}");
}

/// Starts the app on a lesson, answers the first question, and returns the terminal.
fn answered_one(data: &std::path::Path, after: &str) -> Terminal {
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let script = format!(
        "'{app}' play screens --student Ayesha --lessons tests/screens --data-dir '{}' & echo PID $!; wait $!; code=$?; echo; echo EXITED $code; {after}; stty -a; sleep 1",
        data.display()
    );
    let mut terminal = Terminal::start(&script);
    terminal.wait_for("Not everyone is who they say");
    terminal.keys("\r");
    terminal.wait_for("Bilal, 11, asks you");
    terminal.keys("2\r");
    terminal.wait_for("Correct!");
    terminal
}

fn assert_restored_after(terminal: &mut Terminal, exit: &str) {
    terminal.wait_for_output(exit);
    terminal.wait_for_output("speed");
    {
        let parser = terminal.parser.lock().unwrap();
        assert!(
            !parser.screen().alternate_screen(),
            "the alternate screen was left"
        );
        assert!(!parser.screen().hide_cursor(), "the cursor is shown again");
    }
    let output = String::from_utf8_lossy(&terminal.raw.lock().unwrap()).to_string();
    let stty = &output[output.rfind(exit).unwrap()..];
    assert!(
        stty.contains(" icanon") && stty.contains(" echo"),
        "raw mode is still on:\n{stty}"
    );
    let _ = terminal.child.wait();
}

fn pid_of(terminal: &Terminal) -> String {
    let output = String::from_utf8_lossy(&terminal.raw.lock().unwrap()).to_string();
    let line = output
        .lines()
        .find(|l| l.starts_with("PID "))
        .expect("the script prints the pid");
    line[4..].trim().to_string()
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_keep_the_answer() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let data = tempfile::tempdir().unwrap();
        let mut terminal = answered_one(data.path(), "true");
        let pid = pid_of(&terminal);
        let status = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid])
            .status()
            .unwrap();
        assert!(status.success());
        assert_restored_after(&mut terminal, &format!("EXITED {code}"));
        let saved = std::fs::read_dir(data.path())
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
            .any(|text| text.contains("\"answers\""));
        assert!(saved, "the answer was saved before SIG{signal}");
    }
}

#[test]
fn a_panic_restores_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let script = format!(
        "MEHFOOZ_TEST_PANIC=1 '{app}' --data-dir '{}'; code=$?; echo; echo EXITED $code; stty -a; sleep 1",
        data.path().display()
    );
    let mut terminal = Terminal::start(&script);
    terminal.wait_for("Who is learning today?");
    terminal.keys("\r");
    assert_restored_after(&mut terminal, "EXITED 101");
    let output = String::from_utf8_lossy(&terminal.raw.lock().unwrap()).to_string();
    assert!(
        output.contains("MEHFOOZ_TEST_PANIC"),
        "the panic message is shown"
    );
}

#[test]
fn preview_watch_shows_problems_then_the_lesson_once_the_file_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.toml");
    let good = std::fs::read_to_string("tests/screens/lesson.toml").unwrap();
    std::fs::write(
        &file,
        good.replace("title = \"Online friends\"", "tittle = \"Online friends\""),
    )
    .unwrap();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let script = format!(
        "'{app}' preview --watch '{}'; code=$?; echo; echo EXITED $code; stty -a; sleep 1",
        file.display()
    );
    let mut terminal = Terminal::start(&script);
    terminal.wait_for("cannot be shown yet");
    terminal.wait_for("unknown field `tittle`");
    // The teacher fixes the file and saves it; the preview follows.
    std::thread::sleep(Duration::from_millis(50));
    std::fs::write(&file, &good).unwrap();
    terminal.wait_for("Not everyone is who they say");
    terminal.wait_for("Reloaded from the start");
    // A change to the words only keeps the teacher's place.
    terminal.keys("\r");
    terminal.wait_for("Bilal, 11, asks you");
    std::thread::sleep(Duration::from_millis(50));
    std::fs::write(&file, good.replace("Bilal, 11,", "Hamza, 12,")).unwrap();
    terminal.wait_for("Reloaded: carrying on at step 2");
    terminal.wait_for("Hamza, 12, asks you");
    terminal.keys("\x03");
    assert_restored_after(&mut terminal, "EXITED 0");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers,
        vec![std::ffi::OsString::from("draft.toml")],
        "a preview saves nothing"
    );
}
