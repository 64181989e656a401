//! The child's path through the app in Urdu (`ur`, joined and put in display order by
//! the app) and Roman Urdu (`ur-Latn`), at 80x24 and 60x20: the name screen, the lesson
//! list, a page, a question, its feedback, a chat, the summary and the help lines; and
//! the same page as it is written for a terminal that lays out Urdu itself.
//!
//! Each snapshot is named `LANG__SCREEN__WIDTHxHEIGHT` (in `tests/snapshots/`,
//! `urdu_screens__...`). The app's own words are still English until its messages are
//! translated; these snapshots are regenerated then.

use mehfooz::lesson::Catalog;
use mehfooz::progress::{Loaded, Student};
use mehfooz::quiz::View;
use mehfooz::text::Mode;
use mehfooz::tui::app::{App, Effect, Msg, Screen};
use mehfooz::tui::keys::Action;
use mehfooz::tui::render_to_string;
use mehfooz::tui::widgets::TextLayout;
use rand::SeedableRng;
use rand::rngs::StdRng;

const LANGUAGES: [&str; 2] = ["ur", "ur-Latn"];
const SIZES: [(u16, u16); 2] = [(80, 24), (60, 20)];
/// A lesson with a page, true-or-false questions and a chat, in both languages.
const LESSON: &str = "kind-online";

fn catalog(lang: &str) -> Catalog {
    let mut catalog = Catalog::built_in();
    catalog.use_language(lang);
    catalog
}

/// Feeds keys to the app, answering its effects as the real loop would (without disk).
fn send(app: &mut App, actions: &[Action]) {
    let mut rng = StdRng::seed_from_u64(7);
    for action in actions {
        for effect in app.update(Msg::Key(*action), &mut rng) {
            if let Effect::LoadStudent(name) = effect {
                let loaded = Msg::StudentLoaded(Loaded {
                    student: Student::new(&name),
                    set_aside: None,
                });
                app.update(loaded, &mut rng);
            }
        }
    }
}

fn class() -> Vec<Student> {
    vec![Student::new("Ayesha"), Student::new("علی")]
}

/// Snapshots of `app` at both sizes, named by language and screen.
fn snap(app: &App, lang: &str, screen: &str) {
    for (width, height) in SIZES {
        insta::assert_snapshot!(
            format!("{lang}__{screen}__{width}x{height}"),
            render_to_string(app, width, height)
        );
    }
}

fn on_lessons<'c>(catalog: &'c Catalog, lang: &str) -> App<'c> {
    let mut app = App::new(catalog, class(), None);
    app.set_language(lang);
    send(&mut app, &[Action::Confirm]);
    app
}

/// The app on the lesson's first step.
fn in_lesson<'c>(catalog: &'c Catalog, lang: &str) -> App<'c> {
    let mut app = on_lessons(catalog, lang);
    let index = catalog
        .lessons
        .iter()
        .position(|e| e.lesson.id == LESSON)
        .expect("the lesson is built in");
    send(&mut app, &vec![Action::Down; index]);
    send(&mut app, &[Action::Confirm]);
    app
}

/// What the player shows now: 'p'age, 'q'uestion, 'c'hat, or 'f'inished.
fn step_kind(app: &App) -> char {
    let Screen::Player(player) = &app.screen else {
        panic!("not in a lesson")
    };
    match player.run.session.current() {
        Some(View::Page { .. }) => 'p',
        Some(View::Question { .. }) => 'q',
        Some(View::Chat { .. }) => 'c',
        None => 'f',
    }
}

/// Goes on until the step is of `kind`: pages read, questions answered with their first
/// choice, chats with their first message marked.
fn go_to(app: &mut App, kind: char) {
    for _ in 0..40 {
        let now = step_kind(app);
        if now == kind {
            return;
        }
        match now {
            'p' => send(app, &[Action::Confirm]),
            'q' | 'c' => send(app, &[Action::Number(0), Action::Confirm, Action::Confirm]),
            _ => panic!("the lesson ended before a step of kind {kind}"),
        }
    }
    panic!("no step of kind {kind}");
}

#[test]
fn urdu_screens_name_screen() {
    for lang in LANGUAGES {
        let catalog = catalog(lang);
        let mut app = App::new(&catalog, class(), None);
        app.set_language(lang);
        snap(&app, lang, "name_screen");
    }
}

#[test]
fn urdu_screens_lesson_list() {
    for lang in LANGUAGES {
        let catalog = catalog(lang);
        snap(&on_lessons(&catalog, lang), lang, "lesson_list");
    }
}

#[test]
fn urdu_screens_page() {
    for lang in LANGUAGES {
        let catalog = catalog(lang);
        let app = in_lesson(&catalog, lang);
        assert_eq!(step_kind(&app), 'p');
        snap(&app, lang, "page");
    }
}

#[test]
fn urdu_screens_question_and_its_feedback() {
    for lang in LANGUAGES {
        let catalog = catalog(lang);
        let mut app = in_lesson(&catalog, lang);
        go_to(&mut app, 'q');
        snap(&app, lang, "question");
        send(&mut app, &[Action::Number(1), Action::Confirm]);
        snap(&app, lang, "feedback");
    }
}

#[test]
fn urdu_screens_chat_and_its_feedback() {
    for lang in LANGUAGES {
        let catalog = catalog(lang);
        let mut app = in_lesson(&catalog, lang);
        go_to(&mut app, 'c');
        snap(&app, lang, "chat");
        send(&mut app, &[Action::Number(0), Action::Confirm]);
        snap(&app, lang, "chat_feedback");
    }
}

#[test]
fn urdu_screens_summary() {
    for lang in LANGUAGES {
        let catalog = catalog(lang);
        let mut app = in_lesson(&catalog, lang);
        go_to(&mut app, 'f');
        snap(&app, lang, "summary");
    }
}

#[test]
fn urdu_screens_help_lines() {
    for lang in LANGUAGES {
        let catalog = catalog(lang);
        let mut app = on_lessons(&catalog, lang);
        send(&mut app, &[Action::Help]);
        snap(&app, lang, "help_lines");
    }
}

#[test]
fn urdu_screens_page_for_a_terminal_that_lays_out_urdu_itself() {
    let catalog = catalog("ur");
    let mut app = in_lesson(&catalog, "ur");
    app.text = TextLayout::new(Mode::Terminal);
    let screen = render_to_string(&app, 80, 24);
    // Logical order, letters as typed: the title of the page exactly as in the file.
    let Screen::Player(player) = &app.screen else {
        unreachable!()
    };
    let Some(View::Page { title, .. }) = player.run.session.current() else {
        unreachable!()
    };
    assert!(screen.contains(title), "{screen}");
    insta::assert_snapshot!("ur__page_text_direction_terminal__80x24", screen);
}

#[test]
fn urdu_enter_with_nothing_chosen_says_what_to_do_joined_and_right_aligned() {
    let catalog = catalog("ur");
    let mut app = in_lesson(&catalog, "ur");
    go_to(&mut app, 'q');
    send(&mut app, &[Action::Confirm]);
    let Screen::Player(player) = &app.screen else {
        unreachable!()
    };
    let said = player
        .problem
        .clone()
        .expect("Enter alone is refused with a message");
    let screen = render_to_string(&app, 80, 24);
    // The message's first words, as a terminal must draw them: joined, read from the right.
    let opening: String = said.split(' ').take(2).collect::<Vec<_>>().join(" ");
    let shown = mehfooz::text::display_label(&opening, usize::MAX, Mode::App).text;
    assert!(!screen.contains(&opening), "drawn as typed:\n{screen}");
    let row = screen
        .lines()
        .find(|l| l.contains(&shown))
        .unwrap_or_else(|| panic!("{shown} is not drawn:\n{screen}"));
    assert!(
        row.trim_end_matches('"').ends_with(&format!("{shown} │")),
        "{row}"
    );
}

/// An Urdu lesson row is read from the right: the lesson's title comes first, at the
/// right end by the border, and its status last, on the left; the list's title keeps
/// an English name where an Urdu sentence puts it (first, so at the right).
#[test]
fn urdu_lesson_rows_and_the_list_title_read_from_the_right() {
    let catalog = catalog("ur");
    let app = on_lessons(&catalog, "ur");
    let shown = |text: &str| mehfooz::text::display_label(text, usize::MAX, Mode::App).text;
    let first = catalog.lessons[0].in_language("ur");
    let title = shown(&first.title);
    let status = shown(&app.messages.text("status-not-started"));
    for (width, height) in SIZES {
        let screen = render_to_string(&app, width, height);
        let row = screen
            .lines()
            .find(|line| line.contains('▶'))
            .unwrap_or_else(|| panic!("no chosen row:\n{screen}"));
        let row = row.trim_matches('"').trim_end_matches('│').trim_end();
        assert!(
            row.ends_with(&title),
            "the title is not at the right:\n{row}"
        );
        let (status_at, title_at) = (row.find(&status), row.find(&title));
        assert!(
            status_at < title_at && status_at.is_some(),
            "the status is not left of the title:\n{row}"
        );
        let top = screen
            .lines()
            .find(|line| line.contains('╭'))
            .expect("a panel");
        let list_title = shown("کے سبق");
        assert!(
            top.contains(&format!("{list_title} Ayesha ╮")),
            "the name is not where the Urdu title starts:\n{top}"
        );
    }
}

/// The list keeps its rows from frame to frame; choosing another language (or ages, or
/// a narrower window) lays them out again, so no row stays in the language left.
#[test]
fn the_lesson_list_redraws_its_rows_after_a_language_or_age_change() {
    let catalog = Catalog::built_in();
    let mut app = on_lessons(&catalog, "en");
    let english = &catalog.lessons[0].lesson.title;
    let urdu = mehfooz::text::display_label(
        &catalog.lessons[0].in_language("ur").title,
        usize::MAX,
        Mode::App,
    )
    .text;
    assert!(render_to_string(&app, 80, 24).contains(english.as_str()));
    app.set_language("ur");
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains(&urdu), "{screen}");
    assert!(!screen.contains(english.as_str()), "{screen}");
    // The first age band leaves out the lessons for older children.
    send(&mut app, &[Action::AgeFilter]);
    let screen = render_to_string(&app, 60, 20);
    assert!(screen.contains(&urdu), "{screen}");
    let older = mehfooz::text::display_label(
        &catalog
            .lessons
            .last()
            .expect("lessons")
            .in_language("ur")
            .title,
        usize::MAX,
        Mode::App,
    )
    .text;
    assert!(!screen.contains(&older), "{screen}");
}

/// A notice of the app's reads the way Urdu does even when it starts with a folder's
/// name, and the name stays whole: it was drawn left to right, its leading `/` apart.
#[test]
fn an_urdu_notice_that_starts_with_a_folder_reads_from_the_right_with_the_folder_whole() {
    let catalog = catalog("ur");
    let mut app = App::new(&catalog, class(), None);
    app.set_language("ur");
    let folder = std::path::Path::new("/home/lab/mehfooz");
    app.notice = Some(mehfooz::t!(
        app.messages,
        "progress-files-unreadable",
        count = 1,
        folder = mehfooz::strings::path_in(&app.messages, folder)
    ));
    for (width, height) in SIZES {
        let screen = render_to_string(&app, width, height);
        let row = screen
            .lines()
            .find(|line| line.contains("mehfooz"))
            .unwrap_or_else(|| panic!("no folder:\n{screen}"));
        let row = row.trim_matches('"').trim_end();
        assert!(
            row.ends_with("/home/lab/mehfooz"),
            "the sentence does not start with the folder, on the right:\n{screen}"
        );
    }
}

/// The teacher view's words are English (the teacher's tools are), so in an Urdu app it
/// still reads left to right: its title at the left, as in English.
#[test]
fn the_teacher_view_in_an_urdu_app_reads_left_to_right_like_its_words() {
    let catalog = catalog("ur");
    let mut app = App::new(&catalog, class(), None);
    app.set_language("ur");
    send(&mut app, &[Action::Teacher]);
    let screen = render_to_string(&app, 80, 24);
    let top = screen.lines().find(|l| l.contains('╭')).expect("a panel");
    assert!(
        top.trim_matches('"')
            .starts_with("╭ How the class is doing"),
        "{screen}"
    );
}

/// The lesson list's warning of lesson files that could not be loaded is laid out like
/// every other Urdu line: joined, and read from the right.
#[test]
fn the_broken_lesson_files_warning_is_joined_and_reads_from_the_right_in_urdu() {
    let mut catalog = Catalog::load(&["tests/broken_lessons".into()], true);
    catalog.use_language("ur");
    assert!(!catalog.broken_files.is_empty());
    let app = on_lessons(&catalog, "ur");
    let warning = mehfooz::t!(
        app.messages,
        "lessons-broken-files",
        count = catalog.broken_files.len()
    );
    let shown = mehfooz::text::display_label(&warning, usize::MAX, Mode::App).text;
    let screen = render_to_string(&app, 100, 30);
    assert!(screen.contains(&shown), "{shown}\n{screen}");
}

/// In a window too small for the app, the Urdu request to make it bigger is joined and
/// in reading order like every other line, and the sizes read as sizes.
#[test]
fn the_window_too_small_message_is_laid_out_in_urdu() {
    let catalog = catalog("ur");
    let mut app = App::new(&catalog, class(), None);
    app.set_language("ur");
    let screen = render_to_string(&app, 40, 12);
    let please = mehfooz::text::display_label(
        &app.messages.text("window-too-small"),
        usize::MAX,
        Mode::App,
    )
    .text;
    assert!(screen.contains(&please), "{please}\n{screen}");
    assert!(screen.contains("40 x 12"), "{screen}");
}

/// At 60 columns the warning of lesson files that could not be loaded wraps onto a
/// second row instead of being cut before the command it names.
#[test]
fn the_broken_lesson_files_warning_is_shown_whole_at_60_by_20() {
    for tag in ["en", "ur-Latn"] {
        let mut catalog = Catalog::load(&["tests/broken_lessons".into()], true);
        catalog.use_language(tag);
        let app = on_lessons(&catalog, tag);
        let warning = mehfooz::t!(
            app.messages,
            "lessons-broken-files",
            count = catalog.broken_files.len()
        );
        let screen = render_to_string(&app, 60, 20);
        let words: Vec<&str> = warning.split(' ').collect();
        let end = words[words.len() - 2..].join(" ");
        assert!(screen.contains(&end), "{tag}: {end:?} is cut:\n{screen}");
    }
}

/// At 60 columns a long title is cut in its row: chosen, it is said whole under the list,
/// above its summary and the lesson's facts.
#[test]
fn a_title_cut_in_its_row_is_shown_whole_when_its_lesson_is_chosen() {
    let catalog = catalog("ur-Latn");
    let mut app = on_lessons(&catalog, "ur-Latn");
    let shown = mehfooz::tui::screens::lessons::lessons_for(&catalog, None);
    let (index, lesson) = shown
        .iter()
        .map(|e| e.in_language("ur-Latn"))
        .enumerate()
        .find(|(_, l)| l.title.chars().count() > 30)
        .expect("a lesson with a long title");
    send(&mut app, &vec![Action::Down; index]);
    let screen = render_to_string(&app, 60, 20);
    assert!(screen.contains(&lesson.title), "{}\n{screen}", lesson.title);
    let facts = mehfooz::t!(
        app.messages,
        "lessons-facts",
        questions = lesson.question_count(),
        minutes = lesson.minutes,
        pass = lesson.pass_percent
    );
    assert!(screen.contains(&facts), "{facts}\n{screen}");
}
