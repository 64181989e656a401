//! `mehfooz sync` from the outside: a class plays lessons in plain mode, then sync sends
//! their attempts to a real Learning Record Store (Ralph, started by the tests) and the
//! LRS is asked what it holds.

// Ralph, the LRS these tests start, runs on Unix; the sync client itself is portable.
#![cfg(unix)]

mod common;
mod ralph;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{mehfooz, play_good, run, started};
use ralph::{PASSWORD, Ralph, USERNAME};
use serde_json::Value;
use tempfile::TempDir;

const SCHOOL: &str = "https://campaign.example.org/schools/lahore-0042";
const SECRET: &str = "the-lab-secret-of-this-school";
const ALL_RIGHT: &str = "1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n";
const ALL_WRONG: &str = "2\n2\n2\n2\n2\n2\n2\n2\n2\n2\n";
const HALF_RIGHT: &str = "\n1\n\n\n2\n\n\n";

/// A class folder: data, settings with `[lrs]`, and a credentials file beside them.
struct Class {
    folder: TempDir,
}

impl Class {
    fn new(endpoint: &str, batch_size: usize) -> Class {
        let folder = tempfile::tempdir().unwrap();
        let class = Class { folder };
        class.configure(endpoint, batch_size, PASSWORD);
        class
    }

    fn configure(&self, endpoint: &str, batch_size: usize, password: &str) {
        fs::write(
            self.folder.path().join("mehfooz.toml"),
            format!(
                "[lrs]\nendpoint = \"{endpoint}\"\nschool = \"{SCHOOL}\"\ncredentials = \"lrs-credentials.toml\"\nbatch_size = {batch_size}\n"
            ),
        )
        .unwrap();
        fs::write(
            self.folder.path().join("lrs-credentials.toml"),
            format!(
                "username = \"{USERNAME}\"\npassword = \"{password}\"\nsecret = \"{SECRET}\"\n"
            ),
        )
        .unwrap();
    }

    fn data(&self) -> PathBuf {
        self.folder.path().join("data")
    }

    fn play(&self, student: &str, input: &str) {
        fs::create_dir_all(self.data()).unwrap();
        let out = play_good(&self.data(), "short-quiz", student, input);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
    }

    fn sync_command(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = mehfooz(&self.data());
        cmd.arg("--config")
            .arg(self.folder.path().join("mehfooz.toml"))
            .args(["--lessons", "tests/good_lessons", "sync"])
            .args(args)
            .env_remove("MEHFOOZ_LRS_PASSWORD")
            .env_remove("MEHFOOZ_LRS_USERNAME")
            .env_remove("MEHFOOZ_LRS_SECRET")
            .timeout(Duration::from_secs(300));
        cmd
    }

    fn sync(&self, args: &[&str]) -> common::Run {
        run(&mut self.sync_command(args))
    }

    /// The statements a dry run prints: what the LRS should end up holding.
    fn dry_run(&self) -> Vec<Value> {
        let out = self.sync(&["--dry-run"]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        out.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("one statement a line"))
            .collect()
    }

    /// Every file in the data folder and its bytes.
    fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        fs::read_dir(self.data())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_none_or(|e| e != "lock"))
            .map(|p| (p.clone(), fs::read(&p).unwrap()))
            .collect()
    }
}

fn ids(statements: &[Value]) -> Vec<String> {
    let mut ids: Vec<String> = statements
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

fn verbs(statements: &[Value]) -> BTreeMap<String, usize> {
    let mut verbs = BTreeMap::new();
    for s in statements {
        let verb = s["verb"]["id"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap();
        *verbs.entry(verb.to_string()).or_default() += 1;
    }
    verbs
}

/// A port on 127.0.0.1 with nothing listening.
fn dead_endpoint() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}/xAPI/")
}

#[test]
fn sync_sends_every_finished_attempt_once_with_scores_and_no_names() {
    let Some(lrs) = Ralph::start() else { return };
    let class = Class::new(&lrs.endpoint(), 4);
    class.play("Ayesha Khan", ALL_RIGHT);
    class.play("Bilal", HALF_RIGHT);
    class.play("Zara", ALL_WRONG);
    // An attempt left open is not sent until it is finished.
    class.play("Hamza", "\n");

    let out = class.sync(&[]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("Sent 15 statements for 3 students"),
        "{}",
        out.stdout
    );

    let held = lrs.statements();
    assert_eq!(held.len(), 15);
    let expected: BTreeMap<String, usize> = [
        ("attempted", 3),
        ("answered", 6),
        ("completed", 3),
        ("passed", 1),
        ("failed", 2),
    ]
    .into_iter()
    .map(|(v, n)| (v.to_string(), n))
    .collect();
    assert_eq!(verbs(&held), expected);

    let mut lesson_scores: Vec<f64> = held
        .iter()
        .filter(|s| s["verb"]["id"].as_str().unwrap().ends_with("/completed"))
        .map(|s| s["result"]["score"]["scaled"].as_f64().unwrap())
        .collect();
    lesson_scores.sort_by(f64::total_cmp);
    assert_eq!(lesson_scores, vec![0.0, 0.5, 1.0]);

    let answered: Vec<&Value> = held
        .iter()
        .filter(|s| s["verb"]["id"].as_str().unwrap().ends_with("/answered"))
        .collect();
    for s in &answered {
        assert_eq!(s["object"]["definition"]["interactionType"], "choice");
        let response = s["result"]["response"].as_str().unwrap();
        assert!(response.starts_with("choice-"), "{response}");
        assert_eq!(
            s["result"]["success"].as_bool().unwrap(),
            s["result"]["score"]["scaled"].as_f64().unwrap() == 1.0
        );
    }
    let actors: BTreeSet<String> = held
        .iter()
        .map(|s| {
            assert_eq!(s["actor"]["account"]["homePage"], SCHOOL);
            assert_eq!(s["context"]["language"], "en");
            s["actor"]["account"]["name"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(actors.len(), 3, "one pseudonym a student");
    let everything = serde_json::to_string(&held).unwrap().to_lowercase();
    for name in ["ayesha", "khan", "bilal", "zara", "hamza"] {
        assert!(!everything.contains(name), "{name} left the machine");
    }

    let again = class.sync(&[]);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert!(
        again.stdout.contains("Nothing new to send"),
        "{}",
        again.stdout
    );
    assert_eq!(lrs.statements().len(), 15);
}

#[test]
fn a_server_stopped_mid_sync_leaves_no_gap_and_no_duplicate_after_the_next_sync() {
    let Some(mut lrs) = Ralph::start() else {
        return;
    };
    let class = Class::new(&lrs.endpoint(), 1);
    for n in 0..30 {
        class.play(
            &format!("Student {n}"),
            if n % 2 == 0 { ALL_RIGHT } else { ALL_WRONG },
        );
    }
    let expected = ids(&class.dry_run());
    assert_eq!(expected.len(), 150);

    // One statement a POST, so the server can be stopped while sync is half way.
    let child = started(|| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mehfooz"))
            .current_dir(common::crate_dir())
            .arg("--data-dir")
            .arg(class.data())
            .arg("--config")
            .arg(class.folder.path().join("mehfooz.toml"))
            .args(["--lessons", "tests/good_lessons", "sync"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    while lrs.stored_lines() < 20 {
        assert!(Instant::now() < deadline, "sync did not start sending");
        std::thread::sleep(Duration::from_millis(20));
    }
    lrs.stop();
    let cut = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&cut.stderr);
    assert_eq!(cut.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot reach the LRS"), "{stderr}");
    assert!(
        stderr.contains("the rest will be sent by the next sync"),
        "{stderr}"
    );
    let stored_before = lrs.stored_lines();
    assert!(
        stored_before < 150,
        "the server was stopped too late to test anything"
    );

    lrs.run_server();
    let out = class.sync(&[]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let held = lrs.statements();
    assert_eq!(ids(&held), expected, "every statement exactly once");
    assert!(class.dry_run().is_empty(), "nothing is left to send");
}

#[test]
fn a_wrong_password_is_refused_clearly_and_nothing_is_recorded() {
    let Some(lrs) = Ralph::start() else { return };
    let class = Class::new(&lrs.endpoint(), 100);
    class.play("Ayesha", ALL_RIGHT);
    class.configure(&lrs.endpoint(), 100, "not-the-password");
    let before = class.snapshot();

    let out = class.sync(&[]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("the LRS refused the user name or password (HTTP 401)"),
        "{}",
        out.stderr
    );
    assert_eq!(
        class.snapshot(),
        before,
        "nothing changed in the data folder"
    );
    assert!(lrs.statements().is_empty());

    class.configure(&lrs.endpoint(), 100, PASSWORD);
    assert_eq!(class.sync(&[]).code, Some(0));
    assert_eq!(lrs.statements().len(), 5);
}

#[test]
fn the_lrs_refusing_a_statement_names_it_and_says_why() {
    let Some(lrs) = Ralph::start() else { return };
    let good = mehfooz::sync::Statement {
        id: uuid::Uuid::from_u128(1),
        about: "attempted, lesson short-quiz".into(),
        json: serde_json::json!({
            "id": uuid::Uuid::from_u128(1).to_string(),
            "actor": { "objectType": "Agent", "account": { "homePage": SCHOOL, "name": "x" } },
            "verb": { "id": "http://adlnet.gov/expapi/verbs/attempted" },
            "object": { "objectType": "Activity", "id": "https://mehfooz.org/xapi/lessons/short-quiz/1" },
            "timestamp": "2026-11-28T10:00:00Z",
        }),
    };
    let mut bad = good.clone();
    bad.id = uuid::Uuid::from_u128(2);
    bad.about = "completed, lesson short-quiz".into();
    bad.json["id"] = bad.id.to_string().into();
    bad.json.as_object_mut().unwrap().remove("verb");

    let client = mehfooz::sync::Client::new(&lrs.endpoint(), USERNAME, PASSWORD);
    let error = client.post(&[&good, &bad]).unwrap_err().to_string();
    assert!(
        error.starts_with(&format!(
            "the LRS refused the statement {} (completed, lesson short-quiz)",
            bad.id
        )),
        "{error}"
    );
    assert!(
        error.ends_with("with HTTP 422: verb: Field required"),
        "{error}"
    );
    assert!(
        lrs.statements().is_empty(),
        "a batch is stored whole or not at all"
    );
}

#[test]
fn a_dead_port_gives_a_clear_message_and_records_nothing() {
    let class = Class::new(&dead_endpoint(), 100);
    class.play("Ayesha", ALL_RIGHT);
    let before = class.snapshot();
    let out = class.sync(&[]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("cannot reach the LRS (connection refused); check the endpoint"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("0 of 5 statements were sent"),
        "{}",
        out.stderr
    );
    assert_eq!(class.snapshot(), before);
}

#[test]
fn dry_run_prints_what_would_be_sent_and_sends_nothing() {
    let class = Class::new(&dead_endpoint(), 100);
    class.play("Ayesha", ALL_RIGHT);
    let before = class.snapshot();
    let out = class.sync(&["--dry-run"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 5);
    assert!(out.stderr.contains("Would send 5 statements for 1 student"));
    assert!(out.stderr.contains("Nothing was sent."));
    assert!(!out.stdout.to_lowercase().contains("ayesha"));
    assert_eq!(class.snapshot(), before);
}

#[test]
fn sync_without_lrs_settings_says_how_to_set_it_up() {
    let data = common::data_dir();
    let empty = tempfile::tempdir().unwrap();
    let settings = empty.path().join("mehfooz.toml");
    fs::write(&settings, "").unwrap();
    let out = run(mehfooz(data.path())
        .arg("--config")
        .arg(&settings)
        .arg("sync"));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("sync is not set up: add an [lrs] section"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_password_in_the_settings_file_is_refused_with_its_place() {
    let folder = tempfile::tempdir().unwrap();
    let settings = folder.path().join("mehfooz.toml");
    fs::write(
        &settings,
        format!("[lrs]\nendpoint = \"http://127.0.0.1:9/xAPI/\"\nschool = \"{SCHOOL}\"\npassword = \"x\"\n"),
    )
    .unwrap();
    let data = common::data_dir();
    let out = run(mehfooz(data.path())
        .arg("--config")
        .arg(&settings)
        .arg("sync"));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains(
            ":4:1: error: `password` does not belong in the settings, which children can read"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_missing_secret_is_named_with_where_to_put_it() {
    let class = Class::new(&dead_endpoint(), 100);
    fs::write(
        class.folder.path().join("lrs-credentials.toml"),
        "username = \"u\"\npassword = \"p\"\n",
    )
    .unwrap();
    let out = class.sync(&[]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("no LRS secret") && out.stderr.contains("MEHFOOZ_LRS_SECRET"),
        "{}",
        out.stderr
    );
}

#[test]
fn statements_say_the_language_the_lesson_was_taken_in() {
    let class = Class::new(&dead_endpoint(), 100);
    fs::create_dir_all(class.data()).unwrap();
    let out = run(mehfooz(&class.data())
        .args([
            "play",
            "kind-online",
            "--student",
            "Sana",
            "--plain",
            "--lang",
            "ur",
        ])
        .write_stdin("1\n".repeat(80)));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    class.play("Ayesha", ALL_RIGHT);
    let statements = class.dry_run();
    let languages: BTreeMap<String, BTreeSet<String>> =
        statements.iter().fold(BTreeMap::new(), |mut by_lesson, s| {
            let lesson = s["object"]["id"].as_str().unwrap();
            let lesson = if lesson.contains("kind-online") {
                "kind-online"
            } else {
                "short-quiz"
            };
            by_lesson
                .entry(lesson.to_string())
                .or_default()
                .insert(s["context"]["language"].as_str().unwrap().to_string());
            by_lesson
        });
    assert_eq!(languages["kind-online"], BTreeSet::from(["ur".to_string()]));
    assert_eq!(languages["short-quiz"], BTreeSet::from(["en".to_string()]));
}
