//! The screens the frame benchmark draws, built once for `benches/frame.rs` and for
//! `examples/frame_instructions.rs`, so both draw exactly the same frames: the lesson
//! list with 1,000 lessons, a page with 2 KB of wrapped text, a question, a pretend chat
//! and a page with 2 KB of Urdu.

#![allow(dead_code)]

#[path = "library.rs"]
pub mod library;
#[path = "urdu.rs"]
pub mod urdu;

use std::path::Path;

use mehfooz::lesson::Catalog;
use mehfooz::progress::{Loaded, Student};
use mehfooz::tui::app::{App, Effect, Msg};
use mehfooz::tui::keys::Action;
use mehfooz::tui::render_to_string;
use rand::SeedableRng;
use rand::rngs::StdRng;

/// A screen to draw: its name, the app showing it, and words it must show.
pub struct Screen {
    pub name: &'static str,
    pub app: App<'static>,
    pub shows: &'static str,
}

/// Feeds key presses to the app, answering its effects as the real loop would (without
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

/// Writes the lessons under `root` and opens each screen, checking that each shows what
/// it should at 200x60. The catalogs live as long as the process, as in the app.
pub fn screens(root: &Path) -> Vec<Screen> {
    // 999 generated lessons plus the lesson with the 2 KB page: 1,000 in the list. The
    // frame lesson's folder is loaded first, so it is first in the list.
    let frame_dir = root.join("frame");
    let library_dir = root.join("library");
    library::write_frame_lesson(&frame_dir);
    library::write_library(&library_dir, 999);
    let catalog: &'static Catalog =
        Box::leak(Box::new(Catalog::load(&[frame_dir, library_dir], false)));
    assert_eq!(catalog.lessons.len(), 1_000);
    assert_eq!(catalog.error_count(), 0);
    assert_eq!(catalog.lessons[0].lesson.id, library::FRAME_LESSON);
    // A lesson whose first page is the 2 KB of Urdu the text benchmark lays out.
    let urdu_dir = root.join("urdu");
    write_urdu_lesson(&urdu_dir);
    let urdu_catalog: &'static Catalog = Box::leak(Box::new(Catalog::load(&[urdu_dir], false)));
    assert_eq!(urdu_catalog.error_count(), 0);

    let class = vec![Student::new("Ayesha"), Student::new("Bilal")];
    let open = |catalog: &'static Catalog, actions: &[Action]| {
        let mut app = App::new(catalog, class.clone(), None);
        send(&mut app, actions);
        app
    };
    use Action::{Confirm, Number};
    let screens = vec![
        // The student screen; Enter picks Ayesha and shows the lessons.
        Screen {
            name: "lesson_list_1000",
            app: open(catalog, &[Confirm]),
            shows: "Lessons for Ayesha",
        },
        // Enter opens the first lesson, on its 2 KB page.
        Screen {
            name: "page_2kb",
            app: open(catalog, &[Confirm, Confirm]),
            shows: "What to do, part 0",
        },
        // Enter goes on from the page to the first question.
        Screen {
            name: "question",
            app: open(catalog, &[Confirm, Confirm, Confirm]),
            shows: "Question 1 of 11",
        },
        // Answering it (choice 2) and going on leads to the chat.
        Screen {
            name: "chat",
            app: open(
                catalog,
                &[Confirm, Confirm, Confirm, Number(1), Confirm, Confirm],
            ),
            shows: "a pretend chat",
        },
        // "Online friends" as the app draws it: joined, and its first word on the right.
        Screen {
            name: "page_urdu_2kb",
            app: open(urdu_catalog, &[Confirm, Confirm]),
            shows: "ﺖﺳﻭﺩ ﻦﺋﻻ ﻥﺁ",
        },
    ];
    for screen in &screens {
        let drawn = render_to_string(&screen.app, 200, 60);
        assert!(drawn.contains(screen.shows), "{}:\n{drawn}", screen.name);
    }
    screens
}

/// A lesson in Urdu whose first page is the 2 KB of `urdu::page`, then one question.
fn write_urdu_lesson(dir: &Path) {
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
