//! Progress that survives anything: a copy of the app killed (SIGKILL, or TerminateProcess
//! on Windows) at random moments while it saves, several copies answering for one student
//! at once, and the sync of the file and its folder around the rename.
//!
//! The saving copies are this test binary run again with `MEHFOOZ_TEST_SAVER` set: the
//! test `saver` then saves in a loop instead of returning at once.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{crate_dir, data_dir, hang_limit, mehfooz, run, short_quiz_csv, started};
use mehfooz::lesson::{Catalog, Step};
use mehfooz::progress::{Attempt, Store, Student};
use mehfooz::quiz::{AttemptState, PlannedStep};
use rand::RngExt;

/// Names the data folder and what to do: `crash` or `race:PROCESS:COUNT`.
const SAVER_VAR: &str = "MEHFOOZ_TEST_SAVER";
const DIR_VAR: &str = "MEHFOOZ_TEST_SAVER_DIR";

/// How many steps the crash test's attempt has: enough to make the file about 100 KB,
/// so that a kill often lands while it is being written.
const STEPS: usize = 1200;
const LESSON: &str = "lesson";

fn attempt(id: &str, steps: usize) -> Attempt {
    let mut attempt = Attempt::new(AttemptState {
        plan: (0..steps)
            .map(|step| PlannedStep {
                step,
                question: None,
                order: vec![0, 1, 2],
            })
            .collect(),
        answers: vec![None; steps],
        position: 0,
    });
    attempt.id = id.to_string();
    attempt
}

/// How many answers, all at the start, an attempt holds; fails if they are not a prefix
/// (an answer lost or half written).
fn answered(attempt: &Attempt) -> usize {
    let k = attempt
        .state
        .answers
        .iter()
        .take_while(|a| a.is_some())
        .count();
    assert!(
        attempt.state.answers[k..].iter().all(Option::is_none),
        "answers are not a prefix"
    );
    for (i, a) in attempt.state.answers[..k].iter().enumerate() {
        assert_eq!(a.as_deref(), Some(&[i % 3][..]), "answer {i}");
    }
    k
}

/// The saving loop run in a child process (see the file's comment); does nothing in a
/// normal test run.
#[test]
fn saver() {
    let (Ok(mode), Some(dir)) = (std::env::var(SAVER_VAR), std::env::var_os(DIR_VAR)) else {
        return;
    };
    let store = Store::open(Path::new(&dir)).unwrap();
    if mode == "crash" {
        // One more answer a save, on top of what is on disk when it starts, until killed.
        // Read once: the save itself then fills most of each round, so a kill often
        // lands in the middle of one.
        let student = store.load("Ayesha").unwrap().student;
        let mut attempt = student.lessons[LESSON].attempts[0].clone();
        loop {
            let k = answered(&attempt);
            if k == STEPS {
                return;
            }
            attempt.state.answers[k] = Some(vec![k % 3]);
            attempt.state.position = k;
            let started = Instant::now();
            store
                .save_attempts("Ayesha", LESSON, std::slice::from_ref(&attempt))
                .unwrap();
            println!("saved {} in {} us", k + 1, started.elapsed().as_micros());
        }
    }
    let mut parts = mode.split(':').skip(1).map(|n| n.parse::<usize>().unwrap());
    let (process, count) = (parts.next().unwrap(), parts.next().unwrap());
    // Attempts of its own, and its share of the answers to one attempt they all save.
    for i in 0..count {
        let own = attempt(&format!("p{process}-{i}"), 1);
        let mut shared = attempt("shared", count * PROCESSES);
        shared.started = 0;
        shared.updated = 0;
        shared.state.answers[i * PROCESSES + process] = Some(vec![process]);
        store
            .save_attempts("Bilal", LESSON, &[own, shared])
            .unwrap();
    }
}

/// How long a save took, in microseconds, from a crash saver's "saved N in T us" line.
fn save_time(line: &str) -> Option<u64> {
    let us = line.split(" in ").nth(1)?.trim_end().strip_suffix(" us")?;
    us.parse().ok()
}

fn saver_process(dir: &Path, mode: &str) -> Child {
    started(|| {
        Command::new(std::env::current_exe().unwrap())
            .args(["saver", "--exact", "--nocapture", "--test-threads", "1"])
            .env(SAVER_VAR, mode)
            .env(DIR_VAR, dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
    })
}

fn leftovers(dir: &Path, part: &str) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(part))
        .collect()
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_state() {
    let data = data_dir();
    let store = Store::open(data.path()).unwrap();
    store
        .save_attempts("Ayesha", LESSON, &[attempt("crash", STEPS)])
        .unwrap();
    let path = store.path_for("Ayesha");
    let mut rng = rand::rng();
    let mut last = 0;
    let mut killed_while_writing = 0;
    // A process takes far longer to start under Wine, so Windows runs fewer rounds.
    let kills = if cfg!(windows) { 80 } else { 200 };
    // Where few kills land mid-write (under Wine about one in ten), rounds go on, up to
    // three times as many, until one has: the check below stays, but a machine's chance
    // of missing every write no longer fails the run.
    let most = 3 * kills;
    let mut round = 0;
    let started = Instant::now();
    while round < kills || (killed_while_writing == 0 && round < most) {
        let mut child = saver_process(data.path(), "crash");
        let mut out = BufReader::new(child.stdout.take().unwrap());
        // Wait for its first save, so that the kill lands in the saving loop and not in
        // a start-up that may take longer than the whole delay. The next save starts at
        // once; the kill lands anywhere in it, as long as that save took, but more often
        // near its end, where the new file is written. Where saving is slow (a debug
        // build under Wine: up to half a second, mostly reading and preparing the file)
        // a fixed delay would land only in its first part, and an even spread seldom in
        // the write.
        let mut seen = Vec::new();
        let mut line = String::new();
        let mut save_took = 0;
        while out.read_line(&mut line).unwrap_or(0) > 0 {
            seen.push(std::mem::take(&mut line));
            if let Some(us) = save_time(seen.last().unwrap()) {
                save_took = us;
                break;
            }
        }
        let delay = save_took as f64 * rng.random::<f64>().sqrt();
        std::thread::sleep(Duration::from_micros(delay as u64));
        child.kill().unwrap(); // SIGKILL on Unix, TerminateProcess on Windows
        child.wait().unwrap();
        if !leftovers(data.path(), ".tmp-").is_empty() {
            killed_while_writing += 1;
        }
        let reported = seen
            .into_iter()
            .chain(out.lines().map_while(Result::ok))
            .filter_map(|l| {
                // The first may follow the test runner's own "test saver ... ".
                let n = l.split("saved ").nth(1)?.split(" in ").next()?;
                Some(n.trim().parse::<usize>().unwrap())
            })
            .max()
            .unwrap_or(last);
        let text = fs::read(&path).unwrap();
        let student: Student = serde_json::from_slice(&text)
            .unwrap_or_else(|e| panic!("round {round}: the file does not parse: {e}"));
        let k = answered(&student.lessons[LESSON].attempts[0]);
        // Every save reported is there, and at most the one being written when killed.
        assert!(
            k == reported || k == reported + 1,
            "round {round}: {k} answers on disk; {reported} were saved before the kill"
        );
        assert!(
            k >= last,
            "round {round}: answers went back from {last} to {k}"
        );
        last = k;
        assert!(
            leftovers(data.path(), "unreadable").is_empty(),
            "round {round}: a file was set aside"
        );
        round += 1;
    }
    eprintln!(
        "{round} kills in {:?}: {last} answers saved; {killed_while_writing} kills left a temporary file",
        started.elapsed()
    );
    assert!(last > 0, "no answer was saved in {round} runs");
    assert!(killed_while_writing > 0, "no kill landed during a write");
    // Temporary files left by a kill are cleared by the next save.
    let mut child = saver_process(data.path(), "crash");
    std::thread::sleep(Duration::from_millis(100));
    child.kill().unwrap();
    child.wait().unwrap();
    store
        .save_attempts("Ayesha", LESSON, &[attempt("after", 1)])
        .unwrap();
    assert_eq!(leftovers(data.path(), ".tmp-"), Vec::<PathBuf>::new());
}

const PROCESSES: usize = 4;

#[test]
fn several_processes_saving_for_one_student_at_once_lose_no_answer() {
    let data = data_dir();
    let count = 25;
    let children: Vec<Child> = (0..PROCESSES)
        .map(|p| saver_process(data.path(), &format!("race:{p}:{count}")))
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let store = Store::open(data.path()).unwrap();
    let student = store.load("Bilal").unwrap().student;
    let attempts = &student.lessons[LESSON].attempts;
    let ids: BTreeSet<&str> = attempts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(attempts.len(), PROCESSES * count + 1, "{ids:?}");
    for p in 0..PROCESSES {
        for i in 0..count {
            assert!(
                ids.contains(format!("p{p}-{i}").as_str()),
                "p{p}-{i} was lost"
            );
        }
    }
    let shared = attempts.iter().find(|a| a.id == "shared").unwrap();
    for (slot, answer) in shared.state.answers.iter().enumerate() {
        assert_eq!(
            answer.as_deref(),
            Some(&[slot % PROCESSES][..]),
            "the answer in slot {slot} was lost"
        );
    }
    assert!(leftovers(data.path(), ".tmp-").is_empty());
}

#[test]
fn several_copies_of_the_app_playing_for_one_student_at_once_keep_every_answer() {
    let data = data_dir();
    // Two lessons, each taken to the end by four copies of the app, all at once.
    let lessons = [
        ("short-quiz", "\n1\n\n1\n"),
        ("every-step", "\n2\n1 3\n2\n1\n1\n"),
    ];
    let mut children = Vec::new();
    for _ in 0..4 {
        for (lesson, input) in lessons {
            let mut child = started(|| {
                Command::new(env!("CARGO_BIN_EXE_mehfooz"))
                    .current_dir(crate_dir())
                    .args(["play", lesson, "--student", "Sana", "--plain"])
                    .args(["--lessons", "tests/good_lessons", "--data-dir"])
                    .arg(data.path())
                    .stdin(Stdio::piped())
                    .stdout(Stdio::null())
                    .spawn()
            });
            let mut stdin = child.stdin.take().unwrap();
            std::thread::spawn(move || {
                use std::io::Write;
                let _ = stdin.write_all(input.as_bytes());
            });
            children.push(child);
        }
    }
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let catalog = Catalog::load(&[crate_dir().join("tests/good_lessons")], false);
    let store = Store::open(data.path()).unwrap();
    let student = store.load("Sana").unwrap().student;
    for (id, _) in lessons {
        let lesson = &catalog.get(id).unwrap().lesson;
        let attempts = &student.lessons[id].attempts;
        assert!(!attempts.is_empty(), "{id}: no attempt saved");
        // A copy that started after another had saved carries on that attempt; either
        // way every attempt on disk is finished, with every question answered.
        for a in attempts {
            assert!(a.is_finished(), "{id}: an attempt was left open: {a:#?}");
            for (planned, answer) in a.state.plan.iter().zip(&a.state.answers) {
                let is_page = matches!(lesson.steps[planned.step], Step::Page(_));
                assert_eq!(
                    answer.is_some(),
                    !is_page,
                    "{id}: step {}: {a:#?}",
                    planned.step
                );
            }
        }
    }
    assert!(leftovers(data.path(), ".tmp-").is_empty());
}

#[test]
fn a_save_while_another_program_has_the_file_open_still_saves() {
    let data = data_dir();
    let store = Store::open(data.path()).unwrap();
    store
        .save_attempts("Ayesha", LESSON, &[attempt("first", 1)])
        .unwrap();
    // Another program reads the file for a moment, without the lock: another copy of the
    // app looking up the child's language, a teacher's report, a virus scanner. On
    // Windows (a network share, Wine) the new file cannot replace it until it is closed.
    let reader = fs::File::open(store.path_for("Ayesha")).unwrap();
    let closer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        drop(reader);
    });
    store
        .save_attempts("Ayesha", LESSON, &[attempt("second", 1)])
        .unwrap();
    closer.join().unwrap();
    let student = store.load("Ayesha").unwrap().student;
    let ids: BTreeSet<&str> = student.lessons[LESSON]
        .attempts
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, BTreeSet::from(["first", "second"]));
    assert!(leftovers(data.path(), ".tmp-").is_empty());
}

#[cfg(unix)] // traces system calls with strace, a Linux tool
#[test]
fn a_save_syncs_the_file_before_the_rename_and_the_folder_after_it() {
    if Command::new("strace").arg("-V").output().is_err() {
        eprintln!("strace is not installed: the system calls of a save are not checked");
        return;
    }
    let data = data_dir();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let input = data.path().join("input.txt");
    fs::write(&input, "\n1\n").unwrap();
    let answers = Stdio::from(fs::File::open(&input).unwrap());
    let output = Command::new("strace")
        .args([
            "-f",
            "-e",
            "trace=openat,fsync,fdatasync,rename,renameat,renameat2",
        ])
        .arg(app)
        .args(["play", "short-quiz", "--student", "Ayesha", "--plain"])
        .args(["--lessons", "tests/good_lessons", "--data-dir"])
        .arg(data.path())
        .current_dir(crate_dir())
        // Progress is saved once something is answered: read the page, answer one.
        .stdin(answers)
        .output()
        .unwrap();
    let trace = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        eprintln!(
            "strace cannot trace here (no ptrace?): the system calls are not checked\n{trace}"
        );
        return;
    }
    let dir = data.path().display().to_string();
    let calls: Vec<&str> = trace
        .lines()
        .filter(|l| !l.contains("ENOENT"))
        .filter(|l| {
            l.contains("fsync(")
                || l.contains("rename")
                || (l.contains("openat(")
                    && (l.contains(".tmp-") || l.contains(&format!("\"{dir}\", O_RDONLY"))))
        })
        .collect();
    let fd = |line: &str| line.rsplit("= ").next().unwrap().trim().to_string();
    let mut saves = 0;
    let mut i = 0;
    while i < calls.len() {
        if calls[i].contains(".tmp-") && calls[i].contains("openat(") {
            let tmp_fd = fd(calls[i]);
            let rest = &calls[i + 1..];
            let sync = rest
                .iter()
                .position(|l| l.contains(&format!("fsync({tmp_fd})")))
                .unwrap_or_else(|| {
                    panic!("the temporary file is not synced:\n{}", calls.join("\n"))
                });
            let rename = rest
                .iter()
                .position(|l| l.contains("rename") && l.contains(".tmp-"))
                .expect("the temporary file is renamed");
            assert!(
                sync < rename,
                "synced after the rename:\n{}",
                calls.join("\n")
            );
            let open_dir = rest[rename..]
                .iter()
                .position(|l| l.contains(&format!("\"{dir}\", O_RDONLY")))
                .map(|p| p + rename)
                .unwrap_or_else(|| {
                    panic!(
                        "the folder is not opened after the rename:\n{}",
                        calls.join("\n")
                    )
                });
            let dir_fd = fd(rest[open_dir]);
            assert!(
                rest[open_dir..]
                    .iter()
                    .any(|l| l.contains(&format!("fsync({dir_fd})"))),
                "the folder is not synced after the rename:\n{}",
                calls.join("\n")
            );
            saves += 1;
            i += rename + 1;
        }
        i += 1;
    }
    assert!(saves >= 1, "no save seen:\n{trace}");
}

#[test]
fn a_file_from_a_newer_version_is_never_rewritten_by_a_save() {
    let data = data_dir();
    let store = Store::open(data.path()).unwrap();
    let path = store.path_for("Hamza");
    let newer = br#"{"format_version": 7, "name": "Hamza", "lessons": {"x": {"attempts": []}}}"#;
    fs::write(&path, newer).unwrap();
    let error = store
        .save_attempts("Hamza", LESSON, &[attempt("a", 1)])
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("was saved by a newer version of Mehfooz (format 7); update Mehfooz to use it. The file was not changed."),
        "{error}"
    );
    assert_eq!(fs::read(&path).unwrap(), newer);
    // Through the app: the child is told, and the file stays as it was.
    let out = run(mehfooz(data.path())
        .args(["play", "short-quiz", "--student", "Hamza", "--plain"])
        .args(["--lessons", "tests/good_lessons"])
        .write_stdin("\n1\n"));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("newer version of Mehfooz (format 7)"),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read(&path).unwrap(), newer);
    assert!(leftovers(data.path(), ".tmp-").is_empty());
}

/// A copy of `mehfooz play --plain` being typed into line by line, its output read as it
/// comes.
struct Player {
    child: Child,
    stdin: Option<std::process::ChildStdin>,
    lines: std::sync::mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl Player {
    fn start(data: &Path, lesson: &str, student: &str, envs: &[(&str, &str)]) -> Player {
        let mut command = Command::new(env!("CARGO_BIN_EXE_mehfooz"));
        // Ctrl-C does to the app what it does at a terminal, even when this test run was
        // started in the background, where the shell sets it to be ignored and every
        // program started below inherits that.
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // SAFETY: `signal` is async-signal-safe, so it may run between fork and exec.
            unsafe {
                command.pre_exec(|| {
                    libc::signal(libc::SIGINT, libc::SIG_DFL);
                    Ok(())
                });
            }
        }
        command
            .current_dir(crate_dir())
            .args(["play", lesson, "--student", student, "--plain"])
            .args(["--lessons", "tests/good_lessons", "--data-dir"])
            .arg(data)
            .envs(envs.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = started(|| command.spawn());
        let (send, lines) = std::sync::mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let send = send.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    let _ = send.send(line);
                }
            });
        }
        Player {
            stdin: child.stdin.take(),
            child,
            lines,
            seen: Vec::new(),
        }
    }

    fn type_in(&mut self, text: &str) {
        use std::io::Write;
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(text.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Waits until a line of output contains `text`; panics after `limit`.
    fn wait_for(&mut self, text: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        while !self.seen.iter().any(|l| l.contains(text)) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => self.seen.push(line),
                Err(_) => panic!("no \"{text}\" within {limit:?}:\n{}", self.seen.join("\n")),
            }
        }
    }

    /// Closes its input and waits for it to end (killing it after `limit`): whether it
    /// succeeded, and all it printed.
    fn finish(mut self, limit: Duration) -> (Option<bool>, String) {
        self.stdin = None;
        let deadline = Instant::now() + limit;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break Some(status.success());
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        std::thread::sleep(Duration::from_millis(50));
        self.seen.extend(self.lines.try_iter());
        (status, self.seen.join("\n"))
    }
}

fn told_score(output: &str) -> u32 {
    let at = output.find("You scored ").expect("a score") + "You scored ".len();
    output[at..].split('%').next().unwrap().parse().unwrap()
}

#[test]
fn eight_copies_answering_one_attempt_differently_each_keep_their_answers_and_score() {
    let data = data_dir();
    // Sana answers the first question and stops (an attempt exists once she has answered
    // something): every copy below carries on this attempt.
    let mut first = Player::start(data.path(), "every-step", "Sana", &[]);
    first.type_in("\n2\n");
    assert_eq!(first.finish(hang_limit(20)).0, Some(true));
    let mut players: Vec<(Player, String)> = Vec::new();
    for true_false in [1, 2] {
        for chat in [1, 2] {
            for pool in [1, 2] {
                let input = format!("1 3\n{true_false}\n{chat}\n{pool}\n");
                let mut player = Player::start(data.path(), "every-step", "Sana", &[]);
                player.wait_for("Carrying on where you stopped", hang_limit(20));
                players.push((player, input));
            }
        }
    }
    // All eight have read the same open attempt before any answers.
    for (player, input) in &mut players {
        player.type_in(input);
    }
    let mut told = Vec::new();
    for (player, _) in players {
        let (status, output) = player.finish(hang_limit(60));
        assert_eq!(status, Some(true), "{output}");
        told.push(told_score(&output));
    }
    let store = Store::open(data.path()).unwrap();
    let student = store.load("Sana").unwrap().student;
    let attempts = &student.lessons["every-step"].attempts;
    assert!(
        attempts.iter().all(Attempt::is_finished),
        "an attempt was left open: {attempts:#?}"
    );
    let answers: BTreeSet<String> = attempts
        .iter()
        .map(|a| format!("{:?}", a.state.answers))
        .collect();
    assert_eq!(
        answers.len(),
        8,
        "every copy's answers are kept: {attempts:#?}"
    );
    let mut recorded: Vec<u32> = attempts.iter().map(|a| a.percent.unwrap()).collect();
    recorded.sort();
    told.sort();
    assert_eq!(recorded, told, "what each child was told is what is kept");
}

#[test]
fn a_reset_while_the_student_is_mid_lesson_holds_against_their_next_answer() {
    let data = data_dir();
    let mut player = Player::start(data.path(), "short-quiz", "Sana", &[]);
    player.type_in("\n1\n");
    // The page after the first question shows once that answer is saved.
    player.wait_for("Halfway", hang_limit(20));
    let reset = run(mehfooz(data.path()).args([
        "reset",
        "--student",
        "Sana",
        "--lesson",
        "short-quiz",
        "--yes",
    ]));
    assert_eq!(reset.code, Some(0), "{}", reset.stderr);
    player.type_in("\n1\n");
    let (status, output) = player.finish(hang_limit(20));
    assert_eq!(status, Some(true), "{output}");
    assert!(
        output.contains("Your teacher has cleared your progress in this lesson"),
        "{output}"
    );
    assert!(!output.contains("You scored"), "{output}");
    let store = Store::open(data.path()).unwrap();
    let student = store.load("Sana").unwrap().student;
    let record = &student.lessons["short-quiz"];
    assert!(
        record
            .attempts
            .iter()
            .all(|a| !a.is_finished() && a.state.answers.iter().all(Option::is_none)),
        "the answers from before the reset came back: {record:#?}"
    );
    let report = short_quiz_csv(data.path());
    assert!(
        report
            .stdout
            .contains("Sana,short-quiz,A short quiz,not started,,0,no"),
        "{}",
        report.stdout
    );
}

/// Locks Ayesha's file as another copy of the app saving would.
fn hold_lock(data: &Path) -> fs::File {
    let store = Store::open(data).unwrap();
    let file = fs::File::create(store.path_for("Ayesha").with_extension("lock")).unwrap();
    file.lock().unwrap();
    file
}

#[test]
fn a_save_waits_for_another_copy_with_a_message_and_gives_up_with_a_clear_error() {
    let data = data_dir();
    let lock = hold_lock(data.path());
    let player = Player::start(
        data.path(),
        "short-quiz",
        "Ayesha",
        &[("MEHFOOZ_LOCK_WAIT_SECONDS", "2")],
    );
    let (status, output) = player.finish(hang_limit(15));
    assert_eq!(status, Some(false), "it hung or succeeded: {output}");
    assert!(
        output.contains("Waiting for another copy of Mehfooz that is saving Ayesha..."),
        "{output}"
    );
    assert!(
        output.contains("another copy of Mehfooz has been saving Ayesha's progress for 2 seconds"),
        "{output}"
    );
    // Waiting ends as soon as the other copy is done.
    let mut player = Player::start(data.path(), "short-quiz", "Ayesha", &[]);
    player.wait_for("Waiting for another copy", hang_limit(10));
    drop(lock);
    player.type_in("\n1\n\n1\n");
    let (status, output) = player.finish(hang_limit(20));
    assert_eq!(status, Some(true), "{output}");
    assert!(output.contains("You scored 100%"), "{output}");
}

#[cfg(unix)] // sends SIGINT with `kill`; Wine cannot deliver a console Ctrl-C to another process
#[test]
fn ctrl_c_stops_a_copy_waiting_for_another() {
    let data = data_dir();
    let _lock = hold_lock(data.path());
    let mut player = Player::start(data.path(), "short-quiz", "Ayesha", &[]);
    player.wait_for("Waiting for another copy", Duration::from_secs(10));
    let interrupted = Command::new("kill")
        .args(["-INT", &player.child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let started = Instant::now();
    let (status, output) = player.finish(Duration::from_secs(5));
    assert_eq!(status, Some(false), "{output}");
    assert!(started.elapsed() < Duration::from_secs(3), "{output}");
}

/// Something done to the data folder while the child types.
type Action = Box<dyn FnOnce()>;

/// Reads `lines` as typed, doing each line's action (if any) just before it is read.
struct Script {
    lines: std::collections::VecDeque<(&'static str, Option<Action>)>,
    current: Vec<u8>,
    at: usize,
}

impl std::io::Read for Script {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use std::io::BufRead;
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Script {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.at >= self.current.len()
            && let Some((line, action)) = self.lines.pop_front()
        {
            if let Some(action) = action {
                action();
            }
            self.current = line.as_bytes().to_vec();
            self.at = 0;
        }
        Ok(&self.current[self.at..])
    }

    fn consume(&mut self, n: usize) {
        self.at += n;
    }
}

/// Makes every save of `name` fail (its lock file cannot be opened) until `heal`.
fn break_saving(store: &Store, name: &str) -> (Action, Action) {
    let lock = store.path_for(name).with_extension("lock");
    let heal_lock = lock.clone();
    let breaks = move || {
        let _ = fs::remove_file(&lock);
        fs::create_dir(&lock).unwrap();
    };
    let heals = move || fs::remove_dir(&heal_lock).unwrap();
    (Box::new(breaks), Box::new(heals))
}

/// Ayesha takes short-quiz in plain mode in this process, typing `lines`: how the run
/// ended, and what she was shown.
fn play_short_quiz(
    store: &Store,
    lines: Vec<(&'static str, Option<Action>)>,
) -> (
    Result<mehfooz::plain::Ended, mehfooz::plain::PlainError>,
    String,
) {
    let catalog = Catalog::load(&[crate_dir().join("tests/good_lessons")], false);
    let lesson = &catalog.get("short-quiz").unwrap().lesson;
    let mut input = Script {
        lines: lines.into(),
        current: Vec::new(),
        at: 0,
    };
    let mut out = Vec::new();
    let ended = mehfooz::plain::play(
        &mehfooz::i18n::Messages::english(),
        lesson,
        &catalog.glossary_for(lesson),
        "Ayesha",
        store,
        &mut input,
        &mut out,
    );
    (ended, String::from_utf8(out).unwrap())
}

#[test]
fn plain_mode_carries_on_after_a_failed_save_and_saves_every_answer_later() {
    let data = data_dir();
    let store = Store::open(data.path()).unwrap();
    let (breaks, heals) = break_saving(&store, "Ayesha");
    let lines = vec![
        ("\n", None),
        ("1\n", Some(breaks)),
        ("\n", None),
        ("2\n", Some(heals)),
    ];
    let (ended, out) = play_short_quiz(&store, lines);
    assert!(ended.is_ok(), "{out}");
    assert!(
        out.contains("Your progress could not be saved just now. Carry on"),
        "{out}"
    );
    assert!(out.contains("Question 2 of 2"), "{out}");
    assert!(out.contains("Your progress is saved now."), "{out}");
    assert!(out.contains("You scored 50%"), "{out}");
    let student = store.load("Ayesha").unwrap().student;
    let attempt = &student.lessons["short-quiz"].attempts[0];
    assert_eq!(attempt.percent, Some(50));
    assert_eq!(
        attempt.state.answers.iter().flatten().count(),
        2,
        "both answers are kept: {attempt:#?}"
    );
}

#[test]
fn plain_mode_says_so_when_the_answers_could_not_be_saved_by_the_end() {
    let data = data_dir();
    let store = Store::open(data.path()).unwrap();
    let (breaks, _heals) = break_saving(&store, "Ayesha");
    let lines = vec![
        ("\n", None),
        ("1\n", Some(breaks)),
        ("\n", None),
        ("1\n", None),
    ];
    let (ended, out) = play_short_quiz(&store, lines);
    assert!(ended.is_err(), "{out}");
    assert!(out.contains("Question 2 of 2"), "{out}");
    assert!(
        out.contains("Your answers in this run could not be saved. Tell your teacher."),
        "{out}"
    );
}

#[cfg(unix)] // sets Unix permission bits and runs as `nobody`, neither of which Windows has
#[test]
fn a_read_only_data_folder_says_what_is_wrong_and_what_to_do() {
    use std::os::unix::fs::PermissionsExt;
    let outer = data_dir();
    fs::set_permissions(outer.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let data = outer.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o555)).unwrap();
    let app = env!("CARGO_BIN_EXE_mehfooz");
    // Permissions do not stop root: run the app as nobody then.
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let mut cmd = if is_root {
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("running as root without setpriv: a read-only folder cannot be made");
            return;
        }
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", app]);
        cmd
    } else {
        Command::new(app)
    };
    let output = cmd
        .current_dir(crate_dir())
        .args(["play", "short-quiz", "--student", "Ayesha", "--plain"])
        .args(["--lessons", "tests/good_lessons", "--data-dir"])
        .arg(&data)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "progress cannot be saved in the data folder {}: it is read-only",
            data.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("--data-dir"), "{stderr}");
    assert!(!stderr.contains(".lock"), "{stderr}");
}
