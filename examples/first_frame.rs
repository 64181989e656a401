//! Start to first frame: loads the lessons in DIR as the app does, builds the app and
//! draws its first frame (the student screen, 80x24) into ratatui's `TestBackend`, then
//! exits. With `--floor`, does the least the same start could do instead: reads the same
//! files, parses each with bare `toml::from_str` into a `toml::Table` on one thread, and
//! draws one frame of an app with no lessons.
//!
//! ```text
//! cargo build --release --example first_frame --example gen_library
//! target/release/examples/gen_library /tmp/lessons-1000 1000
//! hyperfine -N 'target/release/examples/first_frame /tmp/lessons-1000' \
//!              'target/release/examples/first_frame --floor /tmp/lessons-1000'
//! ```
//!
//! The built-in lessons are left out in both, so both read exactly the same bytes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mehfooz::lesson::Catalog;
use mehfooz::tui::app::App;
use mehfooz::tui::render_to_string;

fn first_frame(dir: &Path) -> (usize, String) {
    let catalog = Catalog::load(&[dir.to_path_buf()], false);
    let app = App::new(&catalog, Vec::new(), None);
    (catalog.lessons.len(), render_to_string(&app, 80, 24))
}

fn floor(dir: &Path) -> (usize, String) {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .expect("the folder can be read")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut parsed = 0;
    for path in &paths {
        let text = fs::read_to_string(path).expect("the file can be read");
        let table: toml::Table = toml::from_str(&text).expect("the file is TOML");
        parsed += usize::from(!table.is_empty());
    }
    let catalog = Catalog::default();
    let app = App::new(&catalog, Vec::new(), None);
    (parsed, render_to_string(&app, 80, 24))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (is_floor, dir) = match args.as_slice() {
        [flag, dir] if flag == "--floor" => (true, dir),
        [dir] => (false, dir),
        _ => {
            eprintln!("usage: first_frame [--floor] DIR");
            return ExitCode::FAILURE;
        }
    };
    let dir = Path::new(dir);
    let (lessons, frame) = if is_floor {
        floor(dir)
    } else {
        first_frame(dir)
    };
    println!("{lessons} lessons, a frame of {} bytes", frame.len());
    ExitCode::SUCCESS
}
