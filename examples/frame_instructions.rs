//! Draws one screen of the frame benchmark FRAMES times at 200x60, after two frames to
//! settle, for counting the instructions a frame takes under callgrind (a count that a
//! busy machine does not change, unlike a time). `benches/frame_instructions.sh` runs it
//! with 0 and with 1,000 frames and divides the difference.
//!
//! ```text
//! cargo build --release --example frame_instructions
//! target/release/examples/frame_instructions SCREEN FRAMES
//! ```
//!
//! SCREEN is one of the benchmark's: lesson_list_1000, page_2kb, question, chat,
//! page_urdu_2kb.

#[path = "../benches/common/frames.rs"]
mod frames;

use std::process::ExitCode;

use mehfooz::tui::theme::Theme;
use mehfooz::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (name, count) = match args.as_slice() {
        [name, count] => match count.parse::<usize>() {
            Ok(count) => (name, count),
            Err(_) => {
                eprintln!("FRAMES must be a number, not {count:?}");
                return ExitCode::FAILURE;
            }
        },
        _ => {
            eprintln!("usage: frame_instructions SCREEN FRAMES");
            return ExitCode::FAILURE;
        }
    };
    let root = tempfile::Builder::new()
        .prefix("mehfooz-frame-")
        .tempdir()
        .expect("a temporary folder");
    let screens = frames::screens(root.path());
    let Some(screen) = screens.iter().find(|s| s.name == name) else {
        let names: Vec<&str> = screens.iter().map(|s| s.name).collect();
        eprintln!("no screen {name:?}; the screens are {}", names.join(", "));
        return ExitCode::FAILURE;
    };
    let theme = Theme::colour();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
    for _ in 0..2 + count {
        terminal
            .draw(|frame| view::draw(frame, std::hint::black_box(&screen.app), &theme))
            .expect("drawing into a test backend cannot fail");
    }
    ExitCode::SUCCESS
}
