//! One frame of the terminal app at 80x24 and 200x60, on: the lesson list with 1,000
//! lessons, a page with 2 KB of wrapped text, a question, a pretend chat, and a page
//! with 2 KB of Urdu (joined, reordered and right-aligned by the app, from the layouts
//! the app keeps between frames). The screens are built in `common/frames.rs`.
//!
//! `cargo bench --bench frame`
//!
//! Two ways of drawing are measured:
//! - `draw`: what the app does for each frame, `Terminal::draw` with the app's view into
//!   a terminal kept from frame to frame (here ratatui's `TestBackend`);
//! - `render_to_string`: the snapshot tests' helper, which also makes a new terminal and
//!   turns its buffer into a string each time.
//!
//! Target: one frame under 0.5 ms at 200x60. The instructions each frame takes, which a
//! busy machine does not change, are counted by `benches/frame_instructions.sh`.

#[path = "common/frames.rs"]
mod frames;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use mehfooz::tui::theme::Theme;
use mehfooz::tui::{render_to_string, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn frames(c: &mut Criterion) {
    let root = tempfile::Builder::new()
        .prefix("mehfooz-frame-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary folder");
    let screens = frames::screens(root.path());
    let page = &screens[1].app;
    let page_screen = render_to_string(page, 80, 24);
    assert!(page_screen.contains("↓ more"), "the 2 KB page does not fit");

    let theme = Theme::colour();
    let mut group = c.benchmark_group("frame");
    group.sample_size(50);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for frames::Screen { name, app, .. } in &screens {
        for (width, height) in SIZES {
            let size = format!("{width}x{height}");
            let mut terminal =
                Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
            group.bench_function(BenchmarkId::new(format!("draw/{name}"), &size), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| view::draw(frame, black_box(app), &theme))
                        .expect("drawing into a test backend cannot fail");
                });
            });
            group.bench_function(
                BenchmarkId::new(format!("render_to_string/{name}"), &size),
                |b| b.iter(|| render_to_string(black_box(app), width, height)),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
