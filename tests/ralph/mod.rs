//! A real Learning Record Store for tests and the sync benchmark: Ralph (`ralph runserver
//! -b fs`) on a free 127.0.0.1 port, in a temporary folder, stopped when dropped.
//!
//! The `ralph` program is the one `MEHFOOZ_RALPH` names; without it, the first test that
//! needs it installs it from PyPI into a virtual environment in the target folder, so
//! `cargo test` alone works on a fresh machine with Python 3. `MEHFOOZ_SKIP_LRS_TESTS=1`
//! skips those tests on purpose (each prints SKIPPED).

#![allow(dead_code)]

use std::fs::File;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

pub const RALPH_VAR: &str = "MEHFOOZ_RALPH";
pub const SKIP_VAR: &str = "MEHFOOZ_SKIP_LRS_TESTS";
pub const USERNAME: &str = "mehfooz-school";
pub const PASSWORD: &str = "lab-password-1";

pub struct Ralph {
    program: PathBuf,
    /// RALPH_APP_DIR: credentials, and the statements file of the fs backend.
    pub dir: TempDir,
    pub port: u16,
    server: Option<Child>,
}

impl Ralph {
    /// Makes credentials and starts the server; `None` only when skipping was asked for.
    pub fn start() -> Option<Ralph> {
        let program = program()?;
        let dir = tempfile::tempdir().expect("a folder for Ralph");
        let status = Command::new(&program)
            .args(["auth", "-u", USERNAME, "-p", PASSWORD, "-s", "all"])
            .args(["-M", "mailto:lab@school.example.org", "-w"])
            .envs(env(dir.path()))
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("ralph auth runs");
        assert!(status.success(), "ralph auth failed: {status}");
        let mut ralph = Ralph {
            program,
            dir,
            port: free_port(),
            server: None,
        };
        ralph.run_server();
        Some(ralph)
    }

    /// The LRS's xAPI root, as the settings name it.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// Starts the server (again) on the same port and folder, and waits until it answers.
    pub fn run_server(&mut self) {
        assert!(self.server.is_none(), "the server is already running");
        let log = File::create(self.dir.path().join("server.log")).expect("a log file");
        let hooks = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ralph");
        let child = Command::new(&self.program)
            .args(["runserver", "-b", "fs", "-h", "127.0.0.1", "-p"])
            .arg(self.port.to_string())
            .envs(env(self.dir.path()))
            .env("PYTHONPATH", hooks)
            .current_dir(self.dir.path())
            .stdout(log.try_clone().expect("the log again"))
            .stderr(log)
            // Its own process group, so stopping it stops the reloader's children too.
            .process_group(0)
            .spawn()
            .expect("ralph runserver starts");
        self.server = Some(child);
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if self.get_status() == Some(200) {
                return;
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        let log = std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default();
        self.stop();
        panic!("Ralph did not answer within 120 s; its log:\n{log}");
    }

    /// Stops the server and every process it started.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.server.take() {
            let group = format!("-{}", child.id());
            let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            let _ = child.wait();
        }
    }

    fn get_status(&self) -> Option<u16> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(5)))
            .build()
            .into();
        agent
            .get(format!("{}statements/?limit=1", self.endpoint()))
            .header("Authorization", basic())
            .header("X-Experience-API-Version", "1.0.3")
            .call()
            .ok()
            .map(|r| r.status().as_u16())
    }

    /// Every statement the LRS holds, as GET /xAPI/statements/ lists them.
    pub fn statements(&self) -> Vec<Value> {
        let mut response = ureq::get(format!("{}statements/?limit=1000000", self.endpoint()))
            .header("Authorization", basic())
            .header("X-Experience-API-Version", "1.0.3")
            .call()
            .expect("the LRS lists its statements");
        let text = response.body_mut().read_to_string().expect("a body");
        let body: Value = serde_json::from_str(&text).expect("JSON");
        body["statements"].as_array().cloned().unwrap_or_default()
    }

    /// How many statements the fs backend has written so far (its file, one a line).
    pub fn stored_lines(&self) -> usize {
        std::fs::read_to_string(self.dir.path().join("fs_lrs.jsonl"))
            .map(|t| t.lines().count())
            .unwrap_or(0)
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The Ralph the tests run: the one `MEHFOOZ_RALPH` names, else one installed here the
/// first time (the version is pinned: `sitecustomize.py` beside this file adjusts its
/// file-system backend). `None` only when skipping was asked for.
fn program() -> Option<PathBuf> {
    if let Some(program) = std::env::var_os(RALPH_VAR).filter(|p| !p.is_empty()) {
        let program = PathBuf::from(program);
        assert!(
            program.is_file(),
            "{RALPH_VAR} names {}, which is not a file",
            program.display()
        );
        return Some(program);
    }
    if std::env::var(SKIP_VAR).is_ok_and(|v| v == "1") {
        eprintln!("SKIPPED: this test needs Ralph, and {SKIP_VAR}=1 asks to skip it");
        return None;
    }
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ralph-venv");
    let ralph = venv.join("bin").join("ralph");
    // One test installs while the others wait: they all run at once.
    let lock = File::create(venv.with_extension("lock")).expect("a lock file in the target folder");
    lock.lock().expect("the install lock");
    if !ralph.is_file() {
        let _ = std::fs::remove_dir_all(&venv);
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status();
        assert!(
            made.is_ok_and(|s| s.success()),
            "the sync tests need Ralph, a Learning Record Store, and could not make a Python virtual environment for it: install Python 3 with venv (on Debian: apt-get install python3 python3-venv), or set {RALPH_VAR} to a ralph program, or {SKIP_VAR}=1 to skip them"
        );
        // A download can fail once on a busy network: try again before giving up.
        let mut why = String::new();
        let installed = (0..3).any(|_| {
            let out = Command::new(venv.join("bin").join("pip"))
                .args(["install", "--quiet", "--retries", "10", "--timeout", "60"])
                .args([RALPH_PACKAGE, "requests"])
                .output();
            match out {
                Ok(out) if out.status.success() => true,
                Ok(out) => {
                    why = String::from_utf8_lossy(&out.stderr).to_string();
                    false
                }
                Err(e) => {
                    why = e.to_string();
                    false
                }
            }
        });
        assert!(
            installed,
            "could not install {RALPH_PACKAGE} from PyPI for the sync tests (is PyPI reachable?); set {RALPH_VAR} to a ralph program, or {SKIP_VAR}=1 to skip them. pip said:\n{why}"
        );
    }
    Some(ralph)
}

/// The Ralph the tests were written against.
const RALPH_PACKAGE: &str = "ralph-malph[cli,lrs]==5.1.0";

fn env(dir: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("RALPH_APP_DIR", dir.display().to_string()),
        ("RALPH_RUNSERVER_BACKEND", "fs".into()),
        ("RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT", "1000000".into()),
    ]
}

fn basic() -> String {
    // "mehfooz-school:lab-password-1"
    "Basic bWVoZm9vei1zY2hvb2w6bGFiLXBhc3N3b3JkLTE=".to_string()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}
