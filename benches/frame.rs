//! One frame of the terminal app at 80x24 and 200x60, on: the lesson list with 1,000
//! lessons, a page with 2 KB of wrapped text, a question, a pretend chat, and a page
//! with 2 KB of Urdu (joined, reordered and right-aligned by the app, from the layouts
//! the app keeps between frames).
//!
//! `cargo bench --bench frame`
//!
//! Two ways of drawing are measured:
//! - `draw`: what the app does for each frame, `Terminal::draw` with the app's view into
//!   a terminal kept from frame to frame (here ratatui's `TestBackend`);
//! - `render_to_string`: the snapshot tests' helper, which also makes a new terminal and
//!   turns its buffer into a string each time.
//!
//! Target: one frame under 0.5 ms at 200x60.

#[path = "common/library.rs"]
mod library;
#[path = "common/urdu.rs"]
mod urdu;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use mehfooz::lesson::Catalog;
use mehfooz::progress::{Loaded, Student};
use mehfooz::tui::app::{App, Effect, Msg};
use mehfooz::tui::keys::Action;
use mehfooz::tui::theme::Theme;
use mehfooz::tui::{render_to_string, view};
use rand::SeedableRng;
use rand::rngs::StdRng;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// Feeds messages to the app, answering its effects as the real loop would (without
/// disk), as `tests/screens.rs` does.
fn send(app: &mut App, actions: &[Action]) {
    let mut rng = StdRng::seed_from_u64(7);
    for action in actions {
        for effect in app.update(Msg::Key(*action), &mut rng) {
            let reply = match effect {
                Effect::LoadStudent(name) => Msg::StudentLoaded(Loaded {
                    student: Student::new(&name),
                    set_aside: None,
                }),
                Effect::Save { .. } | Effect::RememberLanguage { .. } => continue,
            };
            app.update(reply, &mut rng);
        }
    }
}

fn frames(c: &mut Criterion) {
    let root = tempfile::Builder::new()
        .prefix("mehfooz-frame-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary folder");
    // 999 generated lessons plus the lesson with the 2 KB page: 1,000 in the list. The
    // frame lesson's folder is loaded first, so it is first in the list.
    let frame_dir = root.path().join("frame");
    let library_dir = root.path().join("library");
    library::write_frame_lesson(&frame_dir);
    library::write_library(&library_dir, 999);
    let catalog = Catalog::load(&[frame_dir, library_dir], false);
    assert_eq!(catalog.lessons.len(), 1_000);
    assert_eq!(catalog.error_count(), 0);
    assert_eq!(catalog.lessons[0].lesson.id, library::FRAME_LESSON);

    let class = vec![Student::new("Ayesha"), Student::new("Bilal")];
    // The student screen; Enter picks Ayesha and shows the lessons.
    let mut list = App::new(&catalog, class.clone(), None);
    send(&mut list, &[Action::Confirm]);
    // Enter opens the first lesson, on its 2 KB page.
    let mut page = App::new(&catalog, class.clone(), None);
    send(&mut page, &[Action::Confirm, Action::Confirm]);
    // Enter goes on from the page to the first question.
    let mut question = App::new(&catalog, class.clone(), None);
    send(
        &mut question,
        &[Action::Confirm, Action::Confirm, Action::Confirm],
    );
    // Answering it (choice 2) and going on leads to the chat.
    let mut chat = App::new(&catalog, class, None);
    send(
        &mut chat,
        &[
            Action::Confirm,
            Action::Confirm,
            Action::Confirm,
            Action::Number(1),
            Action::Confirm,
            Action::Confirm,
        ],
    );
    // A lesson whose first page is the 2 KB of Urdu the text benchmark lays out.
    let urdu_dir = root.path().join("urdu");
    write_urdu_lesson(&urdu_dir);
    let urdu_catalog = Catalog::load(&[urdu_dir], false);
    assert_eq!(urdu_catalog.error_count(), 0);
    let mut urdu_page = App::new(&urdu_catalog, vec![Student::new("Ayesha")], None);
    send(&mut urdu_page, &[Action::Confirm, Action::Confirm]);
    let screens = [
        ("lesson_list_1000", &list, "Lessons for Ayesha"),
        ("page_2kb", &page, "What to do, part 0"),
        ("question", &question, "Question 1 of 11"),
        ("chat", &chat, "a pretend chat"),
        // "Online friends" as the app draws it: joined, and its first word on the right.
        ("page_urdu_2kb", &urdu_page, "ﺖﺳﻭﺩ ﻦﺋﻻ ﻥﺁ"),
    ];
    for (name, app, expect) in &screens {
        let screen = render_to_string(app, 200, 60);
        assert!(screen.contains(expect), "{name}:\n{screen}");
    }
    let page_screen = render_to_string(&page, 80, 24);
    assert!(page_screen.contains("↓ more"), "the 2 KB page does not fit");

    let theme = Theme::colour();
    let mut group = c.benchmark_group("frame");
    group.sample_size(50);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for (name, app, _) in &screens {
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

/// A lesson in Urdu whose first page is the 2 KB of `urdu::page`, then one question.
fn write_urdu_lesson(dir: &std::path::Path) {
    let text = format!(
        r#"format_version = 1
id = "urdu-frame"
title = "آن لائن دوست"
summary = "آن لائن دوست ہمیشہ وہ نہیں ہوتے جو وہ کہتے ہیں۔"
ages = {{ min = 8, max = 10 }}
minutes = 10

[[steps]]
type = "page"
title = "آن لائن دوست"
text = """
{}
"""

[[steps]]
type = "question"
kind = "true_false"
prompt = "ہر آن لائن دوست وہی ہوتا ہے جو وہ کہتا ہے۔"
answer = false
true_feedback = "ایسا نہیں ہے۔ کوئی بھی جھوٹ بول سکتا ہے۔"
false_feedback = "ٹھیک۔ کوئی بھی جھوٹ بول سکتا ہے۔"
"#,
        urdu::page().join("\n\n")
    );
    std::fs::create_dir_all(dir).expect("the folder can be made");
    std::fs::write(dir.join("urdu-frame.toml"), text).expect("the lesson can be written");
}

criterion_group!(benches, frames);
criterion_main!(benches);
