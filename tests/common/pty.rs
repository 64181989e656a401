//! The app in a real pseudo-terminal (portable-pty), its screen read back with vt100:
//! for the tests of what only a real terminal shows.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

pub struct Terminal {
    pub parser: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Terminal {
    /// Runs `script` with `sh -c` in an 80x24 pseudo-terminal.
    pub fn start(script: &str) -> Terminal {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal opens");
        let mut command = CommandBuilder::new("sh");
        command.args(["-c", script]);
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(command).expect("the app starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            24.try_into().unwrap(),
            80.try_into().unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let _master = pty.master;
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Terminal {
            parser,
            raw,
            writer,
            child,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen has not changed for a moment, so a frame is drawn whole.
    pub fn settle(&self) {
        let start = Instant::now();
        let mut last = self.screen();
        let mut still_since = Instant::now();
        while still_since.elapsed() < Duration::from_millis(200)
            && start.elapsed() < Duration::from_secs(5)
        {
            std::thread::sleep(Duration::from_millis(20));
            let now = self.screen();
            if now != last {
                last = now;
                still_since = Instant::now();
            }
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.screen().contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {text:?}; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_for_output(&self, text: &str) {
        let start = Instant::now();
        while !String::from_utf8_lossy(&self.raw.lock().unwrap()).contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {text:?} in the output:\n{}",
                String::from_utf8_lossy(&self.raw.lock().unwrap())
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}
