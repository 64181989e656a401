//! Property tests (proptest) over the parts that take input nobody controls: the lesson
//! loader (random bytes, random mutations of real lessons), a whole session in the
//! terminal app driven by random keys, and drawing every screen at every size.
//!
//! `cargo test` runs a few hundred cases of each. To run them long:
//!
//! ```sh
//! PROPTEST_CASES=200000 cargo test --release --test fuzz
//! ```
//!
//! and, once in a while, every size from 1x1 to 300x100 on every screen (a few minutes):
//!
//! ```sh
//! cargo test --release --test fuzz -- --ignored
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use mehfooz::lesson::{Catalog, Lesson, parse_lesson};
use mehfooz::progress::{Loaded, Student};
use mehfooz::quiz::Session;
use mehfooz::tui::app::{App, Effect, Msg};
use mehfooz::tui::keys::Action;
use mehfooz::tui::render_to_string;
use proptest::prelude::*;
use proptest::test_runner::Config;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

/// `PROPTEST_CASES` when set, else `default` (small enough for `cargo test`).
fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        // Inputs here are large; shrinking a failure should not take all night.
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

fn crate_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The text of every real lesson there is: shipped, test and hostile ones.
fn lesson_texts() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let mut texts = Vec::new();
        for folder in ["lessons", "tests/good_lessons", "tests/screens"] {
            for entry in std::fs::read_dir(crate_path(folder)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "toml") {
                    texts.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        for name in ["escapes-everywhere", "wide-text", "windows-crlf-bom-tabs"] {
            let path = crate_path(&format!("tests/hostile_lessons/{name}.toml"));
            texts.push(std::fs::read_to_string(path).unwrap());
        }
        texts
    })
}

/// The loader's promise: never a panic; a lesson only when there are no errors; some
/// error when there is no lesson; every problem with a place has a real line and column
/// inside the file; and every problem prints.
fn check_parsed(source: &str) -> Option<Lesson> {
    let parsed = parse_lesson(Path::new("fuzz.toml"), source);
    let errors = parsed.diagnostics.iter().filter(|d| d.is_error()).count();
    assert_eq!(
        parsed.lesson.is_some(),
        errors == 0,
        "{:?}",
        parsed.diagnostics
    );
    let lines = source.split('\n').count();
    for d in &parsed.diagnostics {
        if d.line != 0 {
            assert!(
                d.line >= 1 && d.line <= lines,
                "line {} of {lines}: {d:?}",
                d.line
            );
            assert!(d.column >= 1, "{d:?}");
        }
        assert!(!d.message.is_empty(), "{d:?}");
        let shown = d.to_string();
        assert!(shown.contains(&d.message));
    }
    assert!(
        parsed.diagnostics.len() <= 101,
        "{}",
        parsed.diagnostics.len()
    );
    parsed.lesson
}

/// Takes a lesson from start to end with random answers, going back now and then.
fn walk(lesson: &Lesson, seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut session = Session::start(lesson, &mut rng);
    for _ in 0..(session.len() * 4 + 10) {
        if session.is_finished() {
            break;
        }
        match rng.random_range(0..10) {
            0 => session.back(),
            1 => session.advance(),
            _ => {
                let picked: Vec<usize> = (0..rng.random_range(0..4))
                    .map(|_| rng.random_range(0..10))
                    .collect();
                let _ = session.answer(&picked);
                let _ = session.feedback_at(session.position());
                session.advance();
            }
        }
    }
    let summary = session.summary();
    assert!(summary.percent <= 100);
}

/// One change to a file's text.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
}

/// Bits of TOML and of hostile text that make interesting changes.
fn snippet() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("[[steps]]\n".to_string()),
        Just("[[steps.choices]]\n".to_string()),
        Just("[[steps.messages]]\n".to_string()),
        Just("[[steps.questions]]\n".to_string()),
        Just("\"".to_string()),
        Just("\"\"\"".to_string()),
        Just("'''".to_string()),
        Just(" = ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("{".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("correct = true\n".to_string()),
        Just("draw = 99\n".to_string()),
        Just("type = \"pool\"\n".to_string()),
        Just("kind = \"multiple\"\n".to_string()),
        Just("\\u001b]52;c;SGk=\\u0007".to_string()),
        Just("\u{1b}[2J\u{7}".to_string()),
        Just("\u{202E}".to_string()),
        Just("\u{feff}".to_string()),
        Just("网上的朋友 آن لائن 👨\u{200D}👩\u{200D}👧 e\u{301}".to_string()),
        "[a-z_]{1,12}",
        "[0-9]{1,20}",
        any::<String>(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..200usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), snippet()).prop_map(|(at, text)| Mutation::Insert { at, text }),
        (any::<usize>(), 1..400usize).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// The nearest character boundary at or before `at % (len + 1)`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest character boundary at or before `at`, within the text.
fn end_of(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, mutation: &Mutation) {
    match mutation {
        Mutation::Delete { at, len } => {
            let start = boundary(text, *at);
            let end = end_of(text, start + len);
            text.replace_range(start..end, "");
        }
        Mutation::Insert { at, text: new } => {
            let at = boundary(text, *at);
            text.insert_str(at, new);
        }
        Mutation::Duplicate { at, len } => {
            let start = boundary(text, *at);
            let end = end_of(text, start + len);
            let copy = text[start..end].to_string();
            text.insert_str(end, &copy);
        }
        Mutation::Truncate { at } => {
            let at = boundary(text, *at);
            text.truncate(at);
        }
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn the_loader_never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let text = String::from_utf8_lossy(&bytes);
        check_parsed(&text);
    }

    #[test]
    fn the_loader_never_panics_on_random_text(text in any::<String>()) {
        check_parsed(&text);
        let today = mehfooz::clock::Date { year: 2026, month: 1, day: 1 };
        let _ = mehfooz::help::parse_help_lines(Path::new("help-lines.toml"), &text, today);
    }

    #[test]
    fn the_loader_never_panics_on_a_real_lesson_changed_at_random(
        which in any::<prop::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..5),
        seed in any::<u64>(),
    ) {
        let texts = lesson_texts();
        let mut text = texts[which.index(texts.len())].clone();
        for m in &mutations {
            apply(&mut text, m);
        }
        if let Some(lesson) = check_parsed(&text) {
            walk(&lesson, seed);
        }
    }
}

/// The lessons the app fuzz and the size sweep use: every kind of step, hostile text,
/// wide text, and the shipped help lines for the help screen.
fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut catalog = Catalog::load(
            &[
                crate_path("tests/good_lessons"),
                crate_path("tests/screens"),
            ],
            false,
        );
        let hostile = Catalog::check(&[
            crate_path("tests/hostile_lessons/escapes-everywhere.toml"),
            crate_path("tests/hostile_lessons/wide-text.toml"),
        ]);
        catalog.lessons.extend(hostile.lessons);
        catalog.help = Catalog::built_in().help;
        assert!(catalog.lessons.len() >= 6);
        catalog
    })
}

fn class() -> Vec<Student> {
    vec![
        Student::new("Ayesha"),
        Student::new("علی"),
        Student::new(&"Long name ".repeat(4)),
        Student::new("小明"),
    ]
}

/// Answers the app's effects as the real loop does, with the store kept in memory.
struct FakeStore {
    students: HashMap<String, Student>,
    fail: bool,
}

impl FakeStore {
    fn carry_out(&mut self, app: &mut App, effects: Vec<Effect>, rng: &mut StdRng) {
        for effect in effects {
            let reply = if self.fail {
                Msg::StoreFailed(mehfooz::progress::StoreError::Io {
                    path: "progress.json".into(),
                    error: std::io::ErrorKind::StorageFull.into(),
                })
            } else {
                match effect {
                    Effect::LoadStudent(name) => {
                        let student = self
                            .students
                            .entry(name.clone())
                            .or_insert_with(|| Student::new(&name))
                            .clone();
                        Msg::StudentLoaded(Loaded {
                            student,
                            set_aside: None,
                        })
                    }
                    Effect::Save {
                        student,
                        lesson,
                        attempts,
                    } => {
                        let record = self
                            .students
                            .entry(student.clone())
                            .or_insert_with(|| Student::new(&student));
                        for attempt in &attempts {
                            record.merge_attempt(&lesson, attempt);
                        }
                        Msg::Saved(Loaded {
                            student: record.clone(),
                            set_aside: None,
                        })
                    }
                    Effect::RememberLanguage { student, language } => {
                        let record = self
                            .students
                            .entry(student.clone())
                            .or_insert_with(|| Student::new(&student));
                        record.language = Some(language);
                        Msg::Saved(Loaded {
                            student: record.clone(),
                            set_aside: None,
                        })
                    }
                }
            };
            // Only a language chosen before the name leads on, to remembering it.
            let more = app.update(reply, rng);
            assert!(
                more.iter()
                    .all(|e| matches!(e, Effect::RememberLanguage { .. })),
                "store replies cause no more effects but remembering a language"
            );
            self.carry_out(app, more, rng);
        }
    }
}

#[derive(Debug, Clone)]
enum Input {
    Key(Action),
    Char(char),
    Backspace,
    /// The store starts or stops failing.
    StoreFails(bool),
}

fn action() -> impl Strategy<Value = Action> {
    use Action::*;
    prop_oneof![
        4 => Just(Confirm),
        2 => Just(Up),
        2 => Just(Down),
        1 => Just(Left),
        1 => Just(Right),
        1 => Just(PageUp),
        1 => Just(PageDown),
        2 => Just(Toggle),
        3 => (0..12usize).prop_map(Number),
        1 => Just(Hint),
        1 => Just(Help),
        1 => Just(Back),
        1 => Just(New),
        1 => Just(AgeFilter),
        1 => Just(Retry),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        12 => action().prop_map(Input::Key),
        2 => any::<char>().prop_map(Input::Char),
        1 => Just(Input::Backspace),
        1 => prop::bool::weighted(0.3).prop_map(Input::StoreFails),
    ]
}

/// A screen drawn: it must not panic, and nothing it holds may be a control character.
fn draw(app: &App, width: u16, height: u16) {
    let screen = render_to_string(app, width, height);
    assert!(
        !screen.chars().any(|c| c.is_control() && c != '\n'),
        "{screen}"
    );
    assert_eq!(screen.lines().count(), height as usize);
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn a_whole_session_driven_by_random_keys_never_panics_and_always_draws(
        inputs in proptest::collection::vec((input(), prop::option::weighted(0.15, (1..=160u16, 1..=50u16))), 1..200),
        seed in any::<u64>(),
        start_in in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut app = App::new(catalog(), class(), None);
        let mut store = FakeStore { students: HashMap::new(), fail: false };
        // Half the time, start inside a lesson, as `mehfooz play` does.
        if let Some(which) = start_in {
            let effects = app.update(Msg::Key(Action::Confirm), &mut rng);
            store.carry_out(&mut app, effects, &mut rng);
            let lessons = &catalog().lessons;
            let lesson = &lessons[which.index(lessons.len())].lesson;
            let effects = app.open_lesson(Student::new("Ayesha"), lesson, &mut rng);
            store.carry_out(&mut app, effects, &mut rng);
        }
        for (input, size) in inputs {
            let msg = match input {
                Input::Key(action) => Msg::Key(action),
                Input::Char(c) => Msg::Char(c),
                Input::Backspace => Msg::Backspace,
                Input::StoreFails(fail) => {
                    store.fail = fail;
                    continue;
                }
            };
            let effects = app.update(msg, &mut rng);
            store.carry_out(&mut app, effects, &mut rng);
            if let Some((width, height)) = size {
                draw(&app, width, height);
            }
            if app.quit {
                break;
            }
        }
        draw(&app, 80, 24);
    }
}

/// Every screen the app has, reached by keys from the start, with hostile and wide text.
fn every_screen() -> Vec<(&'static str, App<'static>)> {
    use Action::*;
    let catalog = catalog();
    let index = |id: &str| {
        catalog
            .lessons
            .iter()
            .position(|e| e.lesson.id == id)
            .unwrap_or_else(|| panic!("{id} is loaded"))
    };
    let open = |id: &str| -> Vec<Action> {
        let mut keys = vec![Confirm];
        keys.extend(std::iter::repeat_n(Down, index(id)));
        keys.push(Confirm);
        keys
    };
    let escapes = open("escapes-everywhere");
    let wide = open("wide-text");
    let with = |base: &[Action], more: &[Action]| [base, more].concat();
    let scripts: Vec<(&'static str, Vec<Action>)> = vec![
        ("students", vec![]),
        ("typing a name", vec![New]),
        ("lessons", vec![Confirm]),
        ("help", vec![Confirm, Help]),
        ("page", escapes.clone()),
        ("question with hint", with(&escapes, &[Confirm, Hint])),
        ("feedback", with(&escapes, &[Confirm, Number(0), Confirm])),
        (
            "true or false",
            with(&escapes, &[Confirm, Number(1), Confirm, Confirm]),
        ),
        (
            "chat",
            with(
                &escapes,
                &[
                    Confirm,
                    Number(1),
                    Confirm,
                    Confirm,
                    Number(1),
                    Confirm,
                    Confirm,
                    Toggle,
                ],
            ),
        ),
        (
            "chat explained",
            with(
                &escapes,
                &[
                    Confirm,
                    Number(1),
                    Confirm,
                    Confirm,
                    Number(1),
                    Confirm,
                    Confirm,
                    Number(0),
                    Confirm,
                ],
            ),
        ),
        (
            "several answers",
            with(
                &escapes,
                &[
                    Confirm,
                    Number(1),
                    Confirm,
                    Confirm,
                    Number(1),
                    Confirm,
                    Confirm,
                    Number(0),
                    Confirm,
                    Confirm,
                    Number(0),
                ],
            ),
        ),
        (
            "summary",
            with(
                &escapes,
                &[
                    Confirm,
                    Number(1),
                    Confirm,
                    Confirm,
                    Number(1),
                    Confirm,
                    Confirm,
                    Number(0),
                    Confirm,
                    Confirm,
                    Number(0),
                    Confirm,
                    Confirm,
                ],
            ),
        ),
        ("wide page", wide.clone()),
        ("wide question", with(&wide, &[Confirm, Hint])),
        ("wide feedback", with(&wide, &[Confirm, Number(0), Confirm])),
        (
            "wide chat",
            with(&wide, &[Confirm, Number(0), Confirm, Confirm]),
        ),
    ];
    scripts
        .into_iter()
        .map(|(name, keys)| {
            let mut rng = StdRng::seed_from_u64(3);
            let mut app = App::new(catalog, class(), None);
            let mut store = FakeStore {
                students: HashMap::new(),
                fail: false,
            };
            for key in keys {
                let effects = app.update(Msg::Key(key), &mut rng);
                store.carry_out(&mut app, effects, &mut rng);
            }
            (name, app)
        })
        .collect()
}

#[test]
fn every_screen_is_reached_by_its_keys() {
    let screens = every_screen();
    let find = |name: &str| &screens.iter().find(|(n, _)| *n == name).unwrap().1;
    let shows = |name: &str, text: &str| {
        // A wide character's second cell is drawn as a space: compare without spaces.
        let screen = render_to_string(find(name), 100, 60).replace(' ', "");
        assert!(
            screen.contains(&text.replace(' ', "")),
            "{name} does not show {text:?}:\n{screen}"
        );
    };
    shows("page", "PageTitleAXB");
    shows("question with hint", "HintAXB");
    shows("feedback", "FeedbackOneAXB");
    shows("true or false", "TrueFalseAXB");
    shows("chat", "MessageOneAXB");
    shows("chat explained", "WhyOneAXB");
    shows("several answers", "PoolPromptAXB");
    shows("summary", "You scored");
    shows("help", "Keys");
    shows("wide page", "网上的朋友");
    shows("wide chat", "聊天");
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn every_screen_draws_at_any_size_from_1x1_to_300x100(
        which in any::<prop::sample::Index>(),
        width in 1..=300u16,
        height in 1..=100u16,
    ) {
        // The screens are built once per thread (an app is not shared between threads).
        thread_local! {
            static LOCAL: Vec<(&'static str, App<'static>)> = every_screen();
        }
        LOCAL.with(|screens| {
            let (_, app) = &screens[which.index(screens.len())];
            draw(app, width, height);
        });
    }
}

#[test]
fn every_screen_draws_at_the_edges() {
    for (_, app) in every_screen() {
        for (w, h) in [
            (1, 1),
            (1, 100),
            (300, 1),
            (300, 100),
            (49, 14),
            (50, 15),
            (50, 14),
            (49, 15),
            (51, 16),
            (80, 24),
        ] {
            draw(&app, w, h);
        }
    }
}

/// Every size from 1x1 to 300x100 on every screen: about 480,000 frames, a few minutes
/// in release. Run with `cargo test --release --test fuzz -- --ignored`.
#[test]
#[ignore = "slow: run with --release -- --ignored"]
fn every_screen_draws_at_every_size_from_1x1_to_300x100() {
    for (name, app) in every_screen() {
        for width in 1..=300 {
            for height in 1..=100 {
                let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    draw(&app, width, height)
                }));
                assert!(drawn.is_ok(), "{name} at {width}x{height}");
            }
        }
    }
}
