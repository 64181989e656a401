//! Hostile and awkward lesson files: what a teacher and a child see, and that the good
//! lessons beside them still load.
//!
//! Every `tests/hostile_lessons/NAME.toml` has a `NAME.expected` beside it, one
//! expectation a line (`#` starts a comment):
//!
//! - `check: LINE`: a `PATH[:LINE:COL]: severity: message` line that
//!   `mehfooz check tests/hostile_lessons/NAME.toml` prints; the list is exact and in order.
//! - `folder: LINE`: a line printed only when the whole folder is checked (a problem
//!   across files, like two files with one id), after the file's own lines.
//! - `loads: ID`: the lesson is offered (`mehfooz list`) when the folder is loaded beside
//!   `tests/good_lessons`; a file without `loads:` must not be offered.
//! - `title: TEXT`: the title it is offered with (escape sequences gone, tabs as spaces).
//!
//! Files too big to keep in the repository (50 MB, 100,000 steps, a 1 MB line) and things
//! a repository cannot hold (unreadable files, link loops) are made at test time.

mod common;

use std::fs;
use std::path::PathBuf;
#[cfg(unix)] // only the Unix-only tests set limits of their own
use std::time::Duration;
use std::time::Instant;

use common::{crate_dir, data_dir, mehfooz, run, started};
use mehfooz::lesson::Catalog;
use mehfooz::progress::{Loaded, Student};
use mehfooz::tui::app::{App, Effect, Msg};
use mehfooz::tui::keys::Action;
use mehfooz::tui::render_to_string;
use rand::SeedableRng;
use rand::rngs::StdRng;
use serde_json::Value;

const FOLDER: &str = "tests/hostile_lessons";

/// One hostile file and what must be seen of it.
struct Case {
    file: String,
    check: Vec<String>,
    folder: Vec<String>,
    loads: Option<String>,
    title: Option<String>,
}

fn cases() -> Vec<Case> {
    let mut files: Vec<PathBuf> = fs::read_dir(crate_dir().join(FOLDER))
        .expect("tests/hostile_lessons exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let expected = path.with_extension("expected");
            let text = fs::read_to_string(&expected)
                .unwrap_or_else(|_| panic!("{} has no .expected beside it", path.display()));
            let mut case = Case {
                file: format!("{FOLDER}/{}", path.file_name().unwrap().to_string_lossy()),
                check: Vec::new(),
                folder: Vec::new(),
                loads: None,
                title: None,
            };
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                if line.starts_with('#') {
                    continue;
                }
                let (key, value) = line
                    .split_once(": ")
                    .unwrap_or_else(|| panic!("{}: bad line {line:?}", expected.display()));
                let value = value.to_string();
                match key {
                    "check" => case.check.push(value),
                    "folder" => case.folder.push(value),
                    "loads" => case.loads = Some(value),
                    "title" => case.title = Some(value),
                    _ => panic!("{}: unknown key in {line:?}", expected.display()),
                }
            }
            case
        })
        .collect()
}

/// The `PATH[:LINE:COL]: severity: message` lines of `check`'s output.
fn header_lines(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|l| l.starts_with(FOLDER) && (l.contains(": error: ") || l.contains(": warning: ")))
        .map(str::to_string)
        .collect()
}

/// Fails if `text` holds anything a terminal would act on: a control character (other
/// than a newline) or a direction override. (`check` may quote a file's own text, so
/// printable remains of a sequence, with U+FFFD for its control characters, are fine.)
fn assert_no_control_characters(text: &str, what: &str) {
    for (i, c) in text.char_indices() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if bad {
            let from = text[..i].char_indices().rev().nth(60).map_or(0, |(j, _)| j);
            panic!("{what}: {c:?} at byte {i}, after {:?}", &text[from..i]);
        }
    }
}

/// As `assert_no_control_characters`, and no remains of the escape sequences either:
/// what a child sees of a lesson.
fn assert_inert(text: &str, what: &str) {
    assert_no_control_characters(text, what);
    for leftover in ["52;c;", "SGVsbG8", "evil.example"] {
        assert!(
            !text.contains(leftover),
            "{what}: the remains of an escape sequence ({leftover:?}) are shown"
        );
    }
}

#[test]
fn every_hostile_file_gets_a_clear_message_and_nothing_raw_reaches_the_terminal() {
    let data = data_dir();
    let cases = cases();
    assert!(cases.len() >= 15, "only {} hostile files", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let started = Instant::now();
        let out = run(mehfooz(data.path()).args(["check", &case.file]));
        let took = started.elapsed();
        let errors = case.check.iter().any(|l| l.contains(": error: "));
        let code = if errors { 1 } else { 0 };
        if out.code != Some(code) {
            failures.push(format!(
                "{}: exit code {:?}, expected {code}\n{}{}",
                case.file, out.code, out.stdout, out.stderr
            ));
        }
        let got = header_lines(&out.stdout);
        if got != case.check {
            failures.push(format!(
                "{}:\n  expected:\n    {}\n  got:\n    {}",
                case.file,
                case.check.join("\n    "),
                got.join("\n    ")
            ));
        }
        assert_no_control_characters(&out.stdout, &case.file);
        // Catches a hang, not slowness: the largest file takes a debug build about 10 s
        // on a 2-core machine at load 12.
        assert!(
            took < common::hang_limit(30),
            "{}: check took {took:?}",
            case.file
        );
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn the_hostile_folder_loads_beside_good_lessons_and_only_the_good_ones_are_offered() {
    let data = data_dir();
    let cases = cases();
    // The whole folder at once: each file's lines, then the problems across files.
    let out = run(mehfooz(data.path()).args(["check", FOLDER]));
    assert_eq!(out.code, Some(1));
    let expected: Vec<String> = cases
        .iter()
        .flat_map(|c| c.check.iter().chain(&c.folder).cloned())
        .collect();
    assert_eq!(header_lines(&out.stdout), expected, "{}", out.stdout);
    assert_no_control_characters(&out.stdout, "check on the folder");

    // Beside the good lessons: the good ones and the hostile ones that load are offered.
    let out = run(mehfooz(data.path()).args([
        "list",
        "--json",
        "--lessons",
        FOLDER,
        "--lessons",
        "tests/good_lessons",
    ]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let rows: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    let offered = |id: &str| rows.iter().find(|r| r["id"] == id);
    for id in ["every-step", "short-quiz", "private-info-basics"] {
        assert!(offered(id).is_some(), "the good lesson {id} is missing");
    }
    let mut broken = 0;
    for case in &cases {
        match &case.loads {
            Some(id) => {
                let row = offered(id).unwrap_or_else(|| panic!("{} is not offered", case.file));
                assert_eq!(row["file"], case.file.as_str(), "{id}");
                if let Some(title) = &case.title {
                    assert_eq!(row["title"], title.as_str(), "{id}");
                }
            }
            None => {
                broken += 1;
                assert!(
                    rows.iter().all(|r| r["file"] != case.file.as_str()),
                    "{} is offered",
                    case.file
                );
            }
        }
    }
    assert!(
        out.stderr
            .contains(&format!("{broken} lesson files could not be loaded")),
        "{}",
        out.stderr
    );
    assert_inert(&out.stdout, "list");

    // And a good lesson can be taken from start to end.
    let out = run(mehfooz(data.path())
        .args(["play", "short-quiz", "--student", "Ayesha", "--plain"])
        .args(["--lessons", FOLDER, "--lessons", "tests/good_lessons"])
        .write_stdin("\n1\n\n1\n"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("You scored 100%"), "{}", out.stdout);
}

/// Every text field of `escapes-everywhere.toml`, each written as `WORD` + `A` + escape
/// sequences + `B`, so it must show as `WORDAXB`.
const FIELDS: &[&str] = &[
    "Title",
    "PageTitle",
    "PageText",
    "Bullet",
    "Prompt",
    "Hint",
    "Explanation",
    "ChoiceOne",
    "FeedbackOne",
    "ChoiceTwo",
    "FeedbackTwo",
    "TrueFalse",
    "TrueFeedback",
    "FalseFeedback",
    "ChatTitle",
    "With",
    "Intro",
    "MessageOne",
    "WhyOne",
    "MessageMe",
    "MessageTwo",
    "WhyTwo",
    "PoolPrompt",
    "PoolHint",
    "PoolChoiceOne",
    "PoolFeedbackOne",
    "PoolChoiceTwo",
    "PoolFeedbackTwo",
];

#[test]
fn plain_mode_writes_every_field_with_its_escape_sequences_removed() {
    let data = data_dir();
    // Page; hint then a wrong answer; True (wrong); mark message 1; hint then choice 2.
    let input = "\nh\n1\n1\n1\nh\n2\n";
    let output = started(|| {
        mehfooz(data.path())
            .args(["play", "escapes-everywhere", "--plain", "--lessons", FOLDER])
            .args(["--student", "Zara\u{1b}]52;c;SGVsbG8=\u{7}\u{202E}"])
            .write_stdin(input)
            .output()
    });
    assert!(output.status.success(), "{output:?}");
    // The bytes exactly as written, before any lossy decoding.
    let text = std::str::from_utf8(&output.stdout).expect("plain mode writes UTF-8");
    assert_inert(text, "plain mode");
    assert!(!output.stdout.contains(&0x1b) && !output.stdout.contains(&0x07));
    for field in FIELDS {
        let shown = format!("{field}AXB");
        assert!(text.contains(&shown), "{shown} is not shown:\n{text}");
    }
    assert!(text.contains("for Zara\n"), "{text}");
    assert!(text.contains("Lesson finished: TitleAXB"), "{text}");
}

/// Feeds messages to the app, answering its effects as the real loop would (no disk).
fn send(app: &mut App, msgs: Vec<Msg>) {
    let mut rng = StdRng::seed_from_u64(1);
    for msg in msgs {
        for effect in app.update(msg, &mut rng) {
            if let Effect::LoadStudent(name) = effect {
                let loaded = Loaded {
                    student: Student::new(&name),
                    set_aside: None,
                };
                app.update(Msg::StudentLoaded(loaded), &mut rng);
            }
        }
    }
}

fn keys(actions: &[Action]) -> Vec<Msg> {
    actions.iter().map(|a| Msg::Key(*a)).collect()
}

#[test]
fn the_tui_draws_every_field_with_its_escape_sequences_removed() {
    let catalog = Catalog::check(&[crate_dir().join(FOLDER).join("escapes-everywhere.toml")]);
    assert_eq!(catalog.lessons.len(), 1, "{:?}", catalog.diagnostics);
    let mut app = App::new(&catalog, vec![Student::new("Zara")], None);
    let mut screens = Vec::new();
    let mut shot = |app: &App| {
        for (w, h) in [(100, 60), (80, 24), (50, 15)] {
            let screen = render_to_string(app, w, h);
            assert_inert(&screen, "a TUI screen");
            screens.push(screen);
        }
    };
    use Action::*;
    let script: &[&[Action]] = &[
        &[],                   // students
        &[Confirm],            // the lesson list, with the summary
        &[Confirm],            // the page
        &[Confirm, Hint],      // question 1 with its hint
        &[Number(0), Confirm], // a wrong answer's feedback
        &[Confirm],            // true or false
        &[Number(0), Confirm], // its feedback
        &[Confirm],            // the chat
        &[Down, Toggle],       // one message marked
        &[Confirm],            // every message explained
        &[Confirm, Hint],      // the pool question with its hint
        &[Number(1), Confirm], // its feedback
        &[Confirm],            // the summary
        &[Help],               // help
    ];
    for actions in script {
        send(&mut app, keys(actions));
        shot(&app);
    }
    let all = screens.join("\n");
    for field in FIELDS.iter().chain(&["Summary"]) {
        let shown = format!("{field}AXB");
        assert!(all.contains(&shown), "{shown} is never drawn");
    }
}

/// Every row framed by the panel's side borders ends on the last column: no wide
/// character pushed the right border out of place.
#[cfg(unix)] // reads the screen of a pseudo-terminal, which the tests drive only on Unix
fn assert_borders_line_up(terminal: &common::pty::Terminal) {
    let parser = terminal.parser.lock().unwrap();
    let screen = parser.screen();
    let cell = |row, col| {
        screen
            .cell(row, col)
            .map(|c| c.contents().to_string())
            .unwrap_or_default()
    };
    let mut framed = 0;
    for row in 1..23 {
        if cell(row, 0) == "│" {
            framed += 1;
            assert_eq!(
                cell(row, 79),
                "│",
                "row {row} does not end with the border:\n{}",
                screen.contents()
            );
        }
    }
    assert!(framed > 5, "no panel drawn:\n{}", screen.contents());
}

#[cfg(unix)] // needs a real pseudo-terminal; Wine's console cannot be read back
#[test]
fn the_real_terminal_gets_no_escape_sequence_from_a_lesson_and_wide_text_lines_up() {
    use common::pty::Terminal;
    let data = data_dir();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let script = format!(
        "'{app}' play escapes-everywhere --student \"$(printf 'Zara\\033]52;c;SGVsbG8=\\007')\" --lessons {FOLDER} --data-dir '{}'; echo; echo EXITED $?",
        data.path().display()
    );
    let mut t = Terminal::start(&script);
    t.wait_for("PageTitleAXB");
    t.wait_for("PageTextAXB");
    for (keys, wait) in [
        ("\r", "PromptAXB"),
        ("h", "HintAXB"),
        ("1\r", "FeedbackOneAXB"),
        ("\r", "TrueFalseAXB"),
        ("1\r", "TrueFeedbackAXB"),
        ("\r", "MessageOneAXB"),
        ("1\r", "WhyOneAXB"),
        ("\r", "PoolPromptAXB"),
        ("h", "PoolHintAXB"),
        ("2\r", "PoolFeedbackTwoAXB"),
        ("\r", "TitleAXB"),
        ("\r", "SummaryAXB"),
    ] {
        t.keys(keys);
        t.wait_for(wait);
    }
    t.keys("\x03");
    let start = Instant::now();
    while !String::from_utf8_lossy(&t.raw.lock().unwrap()).contains("EXITED 0") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the app did not quit"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = t.child.wait();
    let raw = t.raw.lock().unwrap().clone();
    let find = |needle: &[u8]| raw.windows(needle.len()).position(|w| w == needle);
    for (needle, what) in [
        (&b"\x1b]"[..], "an OSC sequence (ESC ])"),
        (b"\x1bP", "a DCS sequence"),
        (b"\x1b_", "an APC sequence"),
        (b"\x07", "a bell"),
        ("\u{9b}".as_bytes(), "a C1 CSI"),
        ("\u{9d}".as_bytes(), "a C1 OSC"),
        ("\u{202E}".as_bytes(), "a right-to-left override"),
        ("\u{2066}".as_bytes(), "a direction isolate"),
        (b"SGVsbG8", "the clipboard payload"),
        (b"evil.example", "the link target"),
    ] {
        if let Some(at) = find(needle) {
            let from = at.saturating_sub(80);
            panic!(
                "the terminal was sent {what} at byte {at}: {:?}",
                String::from_utf8_lossy(&raw[from..(at + 20).min(raw.len())])
            );
        }
    }

    // Wide, right-to-left, emoji and combining text keeps the panel's borders in place.
    let data = data_dir();
    let script = format!(
        "'{app}' play wide-text --student Ali --lessons {FOLDER} --data-dir '{}'",
        data.path().display()
    );
    let mut t = Terminal::start(&script);
    t.wait_for("网上的朋友");
    t.settle();
    assert_borders_line_up(&t);
    t.keys("\r");
    t.wait_for("Question 1 of 2");
    t.settle();
    assert_borders_line_up(&t);
    t.keys("1\r");
    t.wait_for("Not quite");
    t.settle();
    assert_borders_line_up(&t);
    t.keys("\x03");
    let _ = t.child.wait();
}

#[test]
fn plain_mode_wraps_wide_and_right_to_left_text_by_columns() {
    let data = data_dir();
    let out = run(mehfooz(data.path())
        .args(["play", "wide-text", "--student", "علی", "--plain"])
        .args(["--lessons", FOLDER])
        .write_stdin("\n1\n1\n"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let widest = out
        .stdout
        .lines()
        .map(mehfooz::text::width)
        .max()
        .unwrap_or(0);
    for line in out.stdout.lines() {
        assert!(
            mehfooz::text::width(line) <= 78,
            "{} columns: {line}",
            mehfooz::text::width(line)
        );
    }
    // The Chinese paragraph fills its lines: it is wrapped by columns, not characters
    // (by characters a line of it would take 156 columns).
    assert!(widest >= 70, "the widest line is only {widest} columns");
    let cjk_lines = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("网上的朋友不一定") || l.starts_with("上的朋友"))
        .count();
    assert!(cjk_lines >= 2, "{}", out.stdout);
    // A joined emoji (man, woman, girl) is never cut.
    assert!(!out.stdout.contains("\u{200D}\n"), "{}", out.stdout);
    assert!(out.stdout.contains("for علی"), "{}", out.stdout);
}

/// Runs `mehfooz` with its address space capped at 256 MB, so that a file that made it
/// use much more memory fails the test instead of the machine.
#[cfg(unix)] // caps memory with `ulimit -v` in sh, which Windows has no match for
fn mehfooz_capped(data: &std::path::Path, args: &str) -> common::Run {
    let app = env!("CARGO_BIN_EXE_mehfooz");
    run(assert_cmd::Command::new("sh")
        .current_dir(crate_dir())
        .arg("-c")
        .arg(format!(
            "ulimit -v 262144 && exec '{app}' --data-dir '{}' {args}",
            data.display()
        ))
        .timeout(Duration::from_secs(60)))
}

#[cfg(unix)] // runs under a memory cap that only Unix can set (see `mehfooz_capped`)
#[test]
fn huge_files_long_lines_and_many_steps_get_a_limit_message_in_bounded_memory() {
    let data = data_dir();
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    // 50 MB (sparse: no disk is used).
    fs::File::create(path("fifty-mb.toml"))
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    // 4 MB of 100,000 tiny steps.
    let (text, count) = common::tiny_steps(4 * 1024 * 1024 - 100);
    fs::write(path("many-steps.toml"), &text).unwrap();
    // A line of 1 MB.
    let long = format!(
        "format_version = 1\nid = \"long\"\ntitle = \"{}\"\n",
        "a".repeat(1024 * 1024)
    );
    fs::write(path("long-line.toml"), long).unwrap();
    // 600 steps written inline, one a line: counted after parsing.
    let inline = format!(
        "format_version = 1\nid = \"inline\"\ntitle = \"T\"\nsummary = \"S\"\nages = {{ min = 8, max = 10 }}\nminutes = 5\nsteps = [\n{}]\n",
        "  { type = \"page\", title = \"a\", text = \"b\" },\n".repeat(600)
    );
    fs::write(path("inline-steps.toml"), inline).unwrap();
    // Two million lines of nonsense.
    fs::write(path("nonsense.toml"), "a\n".repeat(2_000_000)).unwrap();
    // And a good lesson beside them.
    fs::copy(
        crate_dir().join("tests/good_lessons/short-quiz.toml"),
        path("short-quiz.toml"),
    )
    .unwrap();

    let folder = dir.path().display().to_string();
    let started = Instant::now();
    let out = mehfooz_capped(data.path(), &format!("check '{folder}'"));
    let took = started.elapsed();
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    let expected = [
        format!(
            "{folder}/fifty-mb.toml: error: the file is 51200 KB; a lesson file may be at most 4096 KB"
        ),
        format!(
            "{folder}/inline-steps.toml:7:9: error: this lesson has 600 steps; a lesson may have at most 500: split it into several lessons"
        ),
        format!(
            "{folder}/long-line.toml:3:1: error: this line is 1048586 characters long; a line may be at most 20000 (break long text over several lines inside \"\"\" quotes)"
        ),
        format!(
            "{folder}/many-steps.toml:2007:1: error: this lesson has {count} steps; a lesson may have at most 500 (this is step 501): split it into several lessons"
        ),
        format!(
            "{folder}/nonsense.toml: error: the file has more than 100000 fields, list items and lines; a lesson file may have at most 100000 (is it the right file?)"
        ),
    ];
    let got: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with(&folder))
        .collect();
    assert_eq!(got, expected, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Checked 6 files: 5 errors, 0 warnings."),
        "{}",
        out.stdout
    );
    // The 1 MB line is not printed whole under its message.
    assert!(
        out.stdout.len() < 10_000,
        "{} bytes of output",
        out.stdout.len()
    );
    assert!(took < common::hang_limit(15), "check took {took:?}");

    // The good lesson still loads and can be taken, in the same bounded memory.
    let out = mehfooz_capped(data.path(), &format!("list --json --lessons '{folder}'"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("\"short-quiz\""), "{}", out.stdout);
    assert!(
        out.stderr.contains("5 lesson files could not be loaded"),
        "{}",
        out.stderr
    );
}

#[cfg(unix)] // uses Unix permission bits and symlinks, which Windows lacks for normal users
#[test]
fn unreadable_files_link_loops_and_missing_folders_are_reported_and_the_rest_loads() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let data = data_dir();
    let dir = tempfile::tempdir().unwrap();
    let lessons = dir.path().join("lessons");
    fs::create_dir(&lessons).unwrap();
    fs::copy(
        crate_dir().join("tests/good_lessons/short-quiz.toml"),
        lessons.join("short-quiz.toml"),
    )
    .unwrap();
    // A file nobody may read.
    let locked = lessons.join("locked.toml");
    fs::copy(
        crate_dir().join("tests/good_lessons/every-step.toml"),
        &locked,
    )
    .unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root (and anyone with CAP_DAC_OVERRIDE) reads it anyway; find out by trying.
    let privileged = fs::read(&locked).is_ok();
    // A link to itself, a link to nothing, a folder that is a link to itself.
    symlink("loop.toml", lessons.join("loop.toml")).unwrap();
    symlink("gone.toml", lessons.join("dangling.toml")).unwrap();
    symlink("loop-dir", lessons.join("loop-dir")).unwrap();
    let folder_loop = dir.path().join("folder-loop");
    symlink(&folder_loop, &folder_loop).unwrap();
    let missing = dir.path().join("no-such-folder");

    let shown = |p: &std::path::Path| p.display().to_string();
    let out = run(mehfooz(data.path()).args([
        "list",
        "--json",
        "--lessons",
        &shown(&lessons),
        "--lessons",
        &shown(&folder_loop),
        "--lessons",
        &shown(&missing),
    ]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let rows: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    let short_quiz = rows
        .iter()
        .find(|r| r["id"] == "short-quiz")
        .expect("short-quiz loads");
    assert_eq!(short_quiz["file"], shown(&lessons.join("short-quiz.toml")));
    let broken = if privileged { 4 } else { 5 };
    assert!(
        out.stderr
            .contains(&format!("{broken} lesson files could not be loaded")),
        "{}",
        out.stderr
    );

    let out = run(mehfooz(data.path()).args([
        "check",
        &shown(&lessons),
        &shown(&folder_loop),
        &shown(&missing),
    ]));
    let s = &out.stdout;
    let says = |path: &std::path::Path, message: &str| {
        let line = format!("{}: error: {message}", path.display());
        assert!(s.contains(&line), "expected {line:?} in:\n{s}");
    };
    says(
        &lessons.join("dangling.toml"),
        "this is a link to a file that does not exist",
    );
    says(
        &lessons.join("loop.toml"),
        "the file cannot be read: it is a link that leads back to itself (",
    );
    says(
        &folder_loop,
        "the file cannot be read: it is a link that leads back to itself (",
    );
    says(&missing, "there is no such file");
    if privileged {
        eprintln!("running with the power to read any file: the unreadable-file check is skipped");
    } else {
        says(
            &locked,
            "the file cannot be read: you do not have permission to read it (",
        );
    }
    // A folder that is a link to itself, given with --lessons, is a folder that cannot be read.
    let out = run(mehfooz(data.path())
        .args([
            "play",
            "short-quiz",
            "--student",
            "Ayesha",
            "--plain",
            "--lessons",
            &shown(&folder_loop),
            "--lessons",
            &shown(&lessons),
        ])
        .write_stdin("q\n"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("A short quiz"), "{}", out.stdout);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o600)).unwrap();
}

#[test]
fn a_folder_that_does_not_exist_or_loops_is_named_in_a_clear_message() {
    let data = data_dir();
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder");
    let catalog = Catalog::load(std::slice::from_ref(&missing), false);
    assert_eq!(catalog.broken_files, vec![missing]);
    assert_eq!(catalog.diagnostics[0].message, "there is no folder here");
    #[cfg(unix)] // symlinks need admin rights on Windows
    {
        let folder_loop = dir.path().join("loop");
        std::os::unix::fs::symlink(&folder_loop, &folder_loop).unwrap();
        let catalog = Catalog::load(
            &[folder_loop.clone(), crate_dir().join("tests/good_lessons")],
            false,
        );
        assert_eq!(catalog.broken_files, vec![folder_loop]);
        assert!(
            catalog.diagnostics[0]
                .message
                .starts_with("the folder cannot be read: it is a link that leads back to itself"),
            "{:?}",
            catalog.diagnostics
        );
        assert_eq!(catalog.lessons.len(), 3);
    }
    drop(data);
}
