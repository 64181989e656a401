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
    // `echoke` ends the line of stty's local modes, so `icanon` and `echo` have arrived.
    terminal.wait_for_output("echoke");
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
    // `echoke` ends the line of stty's local modes, so `icanon` and `echo` have arrived.
    terminal.wait_for_output("echoke");
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

/// A child tapping Enter through a whole lesson, in the real app: no choice is made for
/// them, and nothing is recorded, so no false answer reaches the teacher's report.
#[test]
fn pressing_only_enter_through_a_lesson_records_no_answer() {
    let data = tempfile::tempdir().unwrap();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    // From the name screen into the sextortion lesson (a chat comes first), then a lesson
    // that asks a one-answer question first.
    let script = format!(
        "'{app}' --data-dir '{dir}'; '{app}' play screens --student Hira --lessons tests/screens --data-dir '{dir}'; code=$?; echo; echo EXITED $code; sleep 1",
        dir = data.path().display()
    );
    let mut terminal = Terminal::start(&script);
    terminal.wait_for("Who is learning today?");
    terminal.keys("\r"); // "I am new"
    terminal.wait_for("Type your name");
    terminal.keys("Hira\r");
    terminal.wait_for("Lessons for Hira");
    // Down the list to the sextortion lesson, wherever it is among the lessons.
    for _ in 0..60 {
        if terminal.screen().contains("▶ Sextortion") {
            break;
        }
        terminal.keys("\x1b[B");
        std::thread::sleep(Duration::from_millis(50));
    }
    terminal.wait_for("▶ Sextortion");
    let enters = |terminal: &mut Terminal| {
        for _ in 0..30 {
            terminal.keys("\r");
            std::thread::sleep(Duration::from_millis(30));
        }
    };
    enters(&mut terminal);
    terminal.wait_for("You marked no messages: is that your answer?");
    assert!(!terminal.screen().contains("Red flag you missed"));
    terminal.keys("q");
    terminal.wait_for("Lessons for Hira");
    terminal.keys("\x03");
    terminal.wait_for("Not everyone is who they say");
    enters(&mut terminal);
    terminal.wait_for("Choose an answer first");
    let screen = terminal.screen();
    assert!(
        !screen.contains("(•)") && !screen.contains("Not quite.") && !screen.contains("Correct!"),
        "Enter alone chose or answered:\n{screen}"
    );
    terminal.keys("\x03");
    terminal.wait_for_output("EXITED 0");
    let _ = terminal.child.wait();
    let recorded: Vec<String> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .filter(|text| text.contains("\"attempts\""))
        .collect();
    assert!(recorded.is_empty(), "progress was recorded: {recorded:?}");
}

#[test]
fn a_dumb_terminal_gets_plain_mode_or_a_clear_message() {
    let data = tempfile::tempdir().unwrap();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let script = format!(
        "TERM=dumb '{app}' --data-dir '{dir}'; code=$?; echo; echo EXITED $code; TERM=dumb '{app}' play screens --student Hira --lessons tests/screens --data-dir '{dir}'; code=$?; echo; echo PLAIN $code; sleep 1",
        dir = data.path().display()
    );
    let mut terminal = Terminal::start(&script);
    // The message stays until Enter, as in a window started from a shortcut.
    terminal.wait_for_output("Press Enter to close.");
    terminal.keys("\r");
    terminal.wait_for_output("EXITED 1");
    let output = String::from_utf8_lossy(&terminal.raw.lock().unwrap()).to_string();
    assert!(output.contains("TERM=dumb"), "{output}");
    assert!(output.contains("--plain"), "{output}");
    assert!(
        !output.contains("\x1b[?1049h"),
        "the alternate screen was used"
    );
    // `play` goes line by line instead.
    terminal.wait_for_output("Type q and Enter at any time to stop");
    terminal.keys("q\r");
    terminal.wait_for_output("PLAIN 0");
    let output = String::from_utf8_lossy(&terminal.raw.lock().unwrap()).to_string();
    assert!(
        !output.contains("\x1b[?1049h"),
        "the alternate screen was used"
    );
    let _ = terminal.child.wait();
}

/// A click in a real terminal (an SGR mouse report, as xterm sends it) chooses the
/// choice under it; the mouse is handed back when the app ends.
#[test]
fn a_click_in_a_real_terminal_chooses_the_answer_under_it() {
    let data = tempfile::tempdir().unwrap();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let script = format!(
        "'{app}' play screens --student Ayesha --lessons tests/screens --data-dir '{}'; code=$?; echo; echo EXITED $code; sleep 1",
        data.path().display()
    );
    let mut terminal = Terminal::start(&script);
    terminal.wait_for("Not everyone is who they say");
    terminal.keys("\r");
    terminal.wait_for("Bilal, 11, asks you");
    let row = terminal
        .screen()
        .lines()
        .position(|l| l.contains("2. Tell a trusted adult"))
        .expect("the choice is drawn");
    // Press and release the left button on it (rows and columns count from 1).
    terminal.keys(&format!("\x1b[<0;20;{}M\x1b[<0;20;{}m", row + 1, row + 1));
    terminal.wait_for("(•) 2. Tell a trusted adult");
    terminal.keys("\r");
    terminal.wait_for("Correct!");
    terminal.keys("\x03");
    terminal.wait_for_output("EXITED 0");
    let output = String::from_utf8_lossy(&terminal.raw.lock().unwrap()).to_string();
    let on = output.find("\x1b[?1000h").expect("the mouse was asked for");
    assert!(
        output[on..].contains("\x1b[?1000l"),
        "the mouse was not handed back"
    );
    let _ = terminal.child.wait();
}

#[test]
fn a_locale_that_is_not_utf_8_gets_ascii_borders() {
    let data = tempfile::tempdir().unwrap();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let script = format!(
        "LC_ALL=C '{app}' play screens --student Ayesha --lessons tests/screens --data-dir '{}'; code=$?; echo; echo EXITED $code; sleep 1",
        data.path().display()
    );
    let mut terminal = Terminal::start(&script);
    terminal.wait_for("| Not everyone is who they say");
    terminal.wait_for("+ Online friends");
    terminal.keys("\x03");
    terminal.wait_for_output("EXITED 0");
    let output = String::from_utf8_lossy(&terminal.raw.lock().unwrap()).to_string();
    assert!(
        !output.contains('╭') && !output.contains('│'),
        "box drawing was sent"
    );
    let _ = terminal.child.wait();
}

#[test]
fn a_pin_typed_at_a_terminal_shows_as_stars_and_still_works() {
    let data = tempfile::tempdir().unwrap();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let dir = data.path().display();
    let script = format!(
        "'{app}' --data-dir '{dir}' pin set; echo EXITED $?; \
         '{app}' --data-dir '{dir}' pin clear; echo EXITED $?; sleep 1"
    );
    let mut terminal = Terminal::start(&script);
    terminal.wait_for("New teacher PIN:");
    terminal.keys("43210\x7f\r"); // a slip taken back with Backspace
    terminal.wait_for("The same PIN again:");
    terminal.keys("4321\r");
    terminal.wait_for("The teacher PIN is set.");
    terminal.wait_for("Teacher PIN:");
    // Esc stops without clearing anything.
    terminal.keys("\x1b");
    terminal.wait_for("EXITED 1");
    let screen = terminal.screen();
    assert!(
        !screen.contains("4321"),
        "the PIN is on the screen:\n{screen}"
    );
    assert!(
        ["New teacher PIN: ****", "The same PIN again: ****"]
            .iter()
            .all(|shown| screen.lines().any(|line| line.trim_end() == *shown)),
        "{screen}"
    );
    assert!(screen.contains("nothing was changed"), "{screen}");
    assert!(data.path().join("teacher-pin.txt").exists());
    let _ = terminal.child.wait();
    // The PIN typed with stars is the one kept.
    let cleared = std::process::Command::new(app)
        .arg("--data-dir")
        .arg(data.path())
        .args(["pin", "clear"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(b"4321\n")?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(cleared.status.success());
    assert!(!data.path().join("teacher-pin.txt").exists());
}

#[test]
fn a_mistake_in_the_class_settings_stays_on_screen_until_enter() {
    let folder = tempfile::tempdir().unwrap();
    let settings = folder.path().join("mehfooz.toml");
    std::fs::write(&settings, "theme = \"purple\"\n").unwrap();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let script = format!(
        "'{app}' --config '{}' --data-dir '{}'; echo EXITED $?; sleep 1",
        settings.display(),
        folder.path().join("data").display()
    );
    let mut terminal = Terminal::start(&script);
    terminal.wait_for("Press Enter to close.");
    let screen = terminal.screen();
    assert!(screen.contains("mehfooz.toml:1:"), "{screen}");
    assert!(screen.contains("purple"), "{screen}");
    // A double-clicked window would have closed here; this one waits.
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !terminal.screen().contains("EXITED"),
        "{}",
        terminal.screen()
    );
    terminal.keys("\r");
    terminal.wait_for("EXITED 1");
    let _ = terminal.child.wait();
}
