//! Whole screens of the terminal app at 80x24, as a child sees them (insta snapshots of
//! ratatui's TestBackend), and the smaller sizes it must cope with.

mod common;

use std::path::PathBuf;

use mehfooz::lesson::Catalog;
use mehfooz::progress::{Loaded, Store, Student};
use mehfooz::text::{Mode, display_label};
use mehfooz::tui::app::{App, Effect, Msg};
use mehfooz::tui::keys::Action;
use mehfooz::tui::{carry_out, render_to_string};
use rand::SeedableRng;
use rand::rngs::StdRng;

fn catalog() -> Catalog {
    let mut catalog = Catalog::load(&[PathBuf::from("tests/screens")], false);
    // The help screen shows the shipped help lines.
    catalog.help = Catalog::built_in().help;
    assert!(catalog.diagnostics.is_empty(), "{:?}", catalog.diagnostics);
    catalog
}

/// Feeds messages to the app, its effects carried out by the app's own effect runner on
/// a throw-away data folder (one per test).
fn send(app: &mut App, msgs: Vec<Msg>) {
    saves(app, msgs);
}

thread_local! {
    // Each test runs on its own thread, so each gets its own folder.
    static STORE: (tempfile::TempDir, Store) = {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    };
}

/// Like `send`, and returns every save the app asked for.
fn saves(app: &mut App, msgs: Vec<Msg>) -> Vec<Effect> {
    let mut rng = StdRng::seed_from_u64(7);
    let mut saved = Vec::new();
    for msg in msgs {
        let effects = app.update(msg, &mut rng);
        saved.extend(
            effects
                .iter()
                .filter(|e| matches!(e, Effect::Save { .. }))
                .cloned(),
        );
        STORE.with(|(_, store)| carry_out(app, store, effects, &mut rng));
    }
    saved
}

/// Every answer in the saves asked for.
fn answers_in(saved: &[Effect]) -> Vec<Vec<usize>> {
    saved
        .iter()
        .flat_map(|e| match e {
            Effect::Save { attempts, .. } => attempts.clone(),
            _ => Vec::new(),
        })
        .flat_map(|a| a.state.answers.into_iter().flatten())
        .collect()
}

fn keys(actions: &[Action]) -> Vec<Msg> {
    actions.iter().map(|a| Msg::Key(*a)).collect()
}

/// Reads the page and answers the first question right, arriving at the chat.
const TO_THE_CHAT: [Action; 5] = [
    Action::Confirm,
    Action::Confirm,
    Action::Number(1),
    Action::Confirm,
    Action::Confirm,
];

fn class() -> Vec<Student> {
    vec![Student::new("Ayesha"), Student::new("Bilal")]
}

/// An app on the lesson list for Ayesha.
fn on_lessons(catalog: &Catalog) -> App<'_> {
    let mut app = App::new(catalog, class(), None);
    send(&mut app, keys(&[Action::Confirm]));
    app
}

#[test]
fn student_screen() {
    let catalog = catalog();
    let app = App::new(&catalog, class(), None);
    insta::assert_snapshot!(render_to_string(&app, 80, 24));
}

#[test]
fn typing_a_new_name() {
    let catalog = catalog();
    let mut app = App::new(&catalog, class(), None);
    send(&mut app, keys(&[Action::New]));
    send(&mut app, "Zara".chars().map(Msg::Char).collect());
    insta::assert_snapshot!(render_to_string(&app, 80, 24));
}

#[test]
fn lesson_list() {
    let catalog = catalog();
    let app = on_lessons(&catalog);
    insta::assert_snapshot!(render_to_string(&app, 80, 24));
}

#[test]
fn a_page() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Confirm]));
    insta::assert_snapshot!(render_to_string(&app, 80, 24));
}

#[test]
fn a_question_before_answering_with_its_hint() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(
        &mut app,
        keys(&[Action::Confirm, Action::Confirm, Action::Hint]),
    );
    insta::assert_snapshot!(render_to_string(&app, 80, 24));
}

#[test]
fn a_wrong_answer_with_its_feedback() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(
        &mut app,
        keys(&[
            Action::Confirm,
            Action::Confirm,
            Action::Number(0),
            Action::Confirm,
        ]),
    );
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("Not quite."));
    assert!(screen.contains("A friend who asks you to hide chats"));
    assert!(
        screen.contains("Tell a trusted adult (the right answer)"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn a_chat_with_one_message_marked() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&TO_THE_CHAT));
    send(&mut app, keys(&[Action::Down, Action::Toggle]));
    insta::assert_snapshot!(render_to_string(&app, 80, 24));
}

#[test]
fn a_chat_after_answering_explains_every_message() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&TO_THE_CHAT));
    send(&mut app, keys(&[Action::Number(1), Action::Confirm]));
    let screen = render_to_string(&app, 80, 24);
    // Numbered 1..n over the messages the child could mark; their own has no number.
    assert!(screen.contains("[⚑] 2. StarPlayer_12: gg"), "{screen}");
    assert!(!screen.contains("3."), "{screen}");
    assert!(
        screen.contains("You marked it, but this one is OK."),
        "{screen}"
    );
    // The verdict comes after the instructions, above the messages.
    let intro = screen.find("Mark every message").unwrap();
    assert!(intro < screen.find("Not quite.").unwrap(), "{screen}");
    // A wrapped why is indented under its text.
    assert!(screen.contains("│         early."), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn the_summary() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&TO_THE_CHAT));
    send(
        &mut app,
        keys(&[Action::Number(1), Action::Confirm, Action::Confirm]),
    );
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("You scored 50%"));
    insta::assert_snapshot!(screen);
}

#[test]
fn help_screen() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Help]));
    let screen = render_to_string(&app, 80, 24);
    assert!(
        screen.contains("1799"),
        "the Pakistan help lines come first"
    );
    // Wrapped bullets sit under their text; there is more below, and it says so.
    assert!(screen.contains("│     forward one."), "{screen}");
    assert!(screen.contains("↓ more"), "{screen}");
    // Sources, dates and command-line options are for teachers, not here.
    for teacher_note in [
        "Last confirmed",
        "Source:",
        "--region",
        "check before calling",
    ] {
        let all = (0..10)
            .map(|_| {
                let text = render_to_string(&app, 80, 24);
                send(&mut app, keys(&[Action::PageDown]));
                text
            })
            .collect::<String>();
        assert!(!all.contains(teacher_note), "{teacher_note}:\n{all}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn a_window_too_small_asks_to_be_made_bigger() {
    let catalog = catalog();
    let app = on_lessons(&catalog);
    let screen = render_to_string(&app, 40, 10);
    assert!(screen.contains("make the window bigger"), "{screen}");
}

#[test]
fn a_question_fits_at_60_by_20() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Confirm, Action::Confirm]));
    insta::assert_snapshot!(render_to_string(&app, 60, 20));
}

#[test]
fn every_size_draws_without_panicking() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Confirm, Action::Confirm]));
    for width in 1..=120 {
        for height in (1..=40).step_by(3) {
            render_to_string(&app, width, height);
        }
    }
}

/// A student who went through the screens lesson picking `choice` (shown position) on
/// the question and marking `messages` in the chat.
fn student_who_answered(
    catalog: &Catalog,
    name: &str,
    choice: usize,
    messages: &[usize],
) -> Student {
    let lesson = &catalog.get("screens").unwrap().lesson;
    let mut run = mehfooz::run::LessonRun::restart(lesson, &mut StdRng::seed_from_u64(1));
    run.session.advance();
    run.session.answer(&[choice]).unwrap();
    run.session.advance();
    run.session.answer(messages).unwrap();
    run.session.advance();
    let mut student = Student::new(name);
    for attempt in run.attempts_to_save() {
        student.merge_attempt("screens", &attempt);
    }
    student
}

#[test]
fn teacher_view_shows_the_class_and_the_most_missed_question() {
    let catalog = catalog();
    let class = vec![
        student_who_answered(&catalog, "Ayesha", 1, &[0]),
        student_who_answered(&catalog, "Bilal", 0, &[0]),
        student_who_answered(&catalog, "Zara", 0, &[2]),
    ];
    let mut app = App::new(&catalog, class, None);
    send(&mut app, keys(&[Action::Teacher]));
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("100%*"), "{screen}");
    assert!(
        screen.contains("2 of 3 missed: Bilal, 11, asks you"),
        "{screen}"
    );
    assert!(screen.contains("(most chose: Keep it"), "{screen}");
    // Each missed question is said to its end, with the room the table leaves.
    assert!(screen.contains("game!! how old r u?)"), "{screen}");
    insta::assert_snapshot!(screen);
    let small = render_to_string(&app, 60, 20);
    assert!(
        small.contains("Zara") && small.contains("↓ more"),
        "{small}"
    );
    insta::assert_snapshot!("teacher_view_60x20", small);
}

#[test]
fn the_teacher_view_legend_stays_inside_its_border() {
    let catalog = catalog();
    let class = vec![student_who_answered(&catalog, "Ayesha", 1, &[0])];
    let mut app = App::new(&catalog, class, None);
    send(&mut app, keys(&[Action::Teacher]));
    for (width, height) in [(80, 24), (60, 20)] {
        let screen = render_to_string(&app, width, height);
        // Every row inside the table's border starts with the border and a space.
        let rows: Vec<&str> = screen
            .lines()
            .skip(2)
            .take_while(|row| !row.starts_with("\"╰"))
            .collect();
        assert!(rows.len() > 4, "{screen}");
        for row in rows {
            assert!(
                row.starts_with("\"│ "),
                "{row:?} touches the border:\n{screen}"
            );
        }
        assert!(screen.contains(" started "), "{screen}");
    }
}

#[test]
fn a_chat_whose_red_flag_was_missed_is_reported_as_missed_not_as_chosen() {
    let catalog = catalog();
    // Two children marked nothing, one marked only the harmless "gg".
    let class = vec![
        student_who_answered(&catalog, "Ayesha", 1, &[]),
        student_who_answered(&catalog, "Bilal", 1, &[]),
        student_who_answered(&catalog, "Zara", 1, &[2]),
    ];
    let mut app = App::new(&catalog, class.clone(), None);
    send(&mut app, keys(&[Action::Teacher]));
    let screen = render_to_string(&app, 80, 24);
    assert!(!screen.contains("most chose"), "{screen}");
    assert!(
        screen.contains("flag most often missed: you're really"),
        "{screen}"
    );
    let lesson = &catalog.get("screens").unwrap().lesson;
    let table = mehfooz::report::class_report(&[lesson], &class).to_table();
    assert!(
        table.contains("red flag most often not marked (3x): you're really good"),
        "{table}"
    );
    assert!(
        table.contains("harmless message most often marked (1x): gg, see you next match"),
        "{table}"
    );
    assert!(!table.contains("most chosen wrong answer"), "{table}");
}

#[test]
fn a_schools_own_help_lines_replace_the_built_in_ones() {
    let mut catalog = Catalog::load(&[PathBuf::from("tests/own_help")], true);
    assert!(
        catalog.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        catalog.diagnostics
    );
    catalog.lessons.truncate(1);
    let mut app = App::new(&catalog, class(), Some("school".into()));
    send(&mut app, keys(&[Action::Help]));
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("Help lines: Our school"), "{screen}");
    assert!(screen.contains("School counsellor: Room 12"), "{screen}");
    assert!(!screen.contains("1799"), "{screen}");
}

#[test]
fn a_question_opens_with_nothing_chosen() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Confirm, Action::Confirm]));
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("( ) 1. Keep it secret"), "{screen}");
    assert!(
        !screen.contains("(•)"),
        "a choice is preselected:\n{screen}"
    );
}

#[test]
fn enter_with_nothing_chosen_says_what_to_do_and_records_nothing() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    // A child tapping Enter through the page and on into the question.
    let saved = saves(&mut app, keys(&[Action::Confirm; 6]));
    assert!(answers_in(&saved).is_empty(), "{saved:?}");
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("Choose an answer first"), "{screen}");
    assert!(screen.contains("Question 1 of 2"), "{screen}");
    assert!(!screen.contains("Not quite."), "{screen}");
}

#[test]
fn opening_a_lesson_and_reading_its_pages_records_no_attempt() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    // Open, read the page, go back to the list, open it again, stop.
    let saved = saves(
        &mut app,
        keys(&[
            Action::Confirm,
            Action::Confirm,
            Action::Back,
            Action::Confirm,
            Action::Back,
        ]),
    );
    assert!(saved.is_empty(), "an attempt was saved: {saved:?}");
    // The first answer is the first save.
    let saved = saves(
        &mut app,
        keys(&[
            Action::Confirm,
            Action::Confirm,
            Action::Number(1),
            Action::Confirm,
        ]),
    );
    assert_eq!(answers_in(&saved), vec![vec![1]]);
}

#[test]
fn a_chat_with_nothing_marked_asks_once_before_it_counts() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&TO_THE_CHAT));
    let saved = saves(&mut app, keys(&[Action::Confirm]));
    let screen = render_to_string(&app, 80, 24);
    assert!(
        screen.contains("You marked no messages: is that your answer?"),
        "{screen}"
    );
    assert!(saved.is_empty(), "{saved:?}");
    assert!(!screen.contains("Red flag you missed"), "{screen}");
    // Enter again does not answer for the child; y says yes, and now it counts.
    let saved = saves(&mut app, keys(&[Action::Confirm]));
    assert!(saved.is_empty(), "{saved:?}");
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("y yes, none"), "{screen}");
    let saved = saves(&mut app, keys(&[Action::Yes]));
    assert_eq!(answers_in(&saved).last(), Some(&vec![]));
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("Red flag you missed"), "{screen}");
}

#[test]
fn marking_after_being_asked_about_nothing_marked_asks_again() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&TO_THE_CHAT));
    // Asked, then the child marks one and unmarks it: the next Enter asks again.
    send(
        &mut app,
        keys(&[Action::Confirm, Action::Number(0), Action::Number(0)]),
    );
    let saved = saves(&mut app, keys(&[Action::Yes]));
    assert!(
        saved.is_empty(),
        "a y not after the question answered: {saved:?}"
    );
    let saved = saves(&mut app, keys(&[Action::Confirm]));
    assert!(saved.is_empty(), "{saved:?}");
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("You marked no messages"), "{screen}");
}

#[test]
fn urdu_and_arabic_digits_pick_choices_like_1_to_9() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Confirm, Action::Confirm]));
    let bindings = app.bindings();
    let key = |c| {
        mehfooz::tui::keys::action(
            &bindings,
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        )
    };
    assert_eq!(key('۲'), Some(Action::Number(1)));
    assert_eq!(key('٢'), Some(Action::Number(1)));
    assert_eq!(key('۹'), Some(Action::Number(8)));
    assert_eq!(key('۰'), None);
}

#[test]
fn leaving_a_preview_ends_it_instead_of_showing_a_preview_student() {
    let catalog = catalog();
    let mut app = App::new(&catalog, Vec::new(), None);
    app.preview = true;
    send(
        &mut app,
        vec![Msg::StudentLoaded(Loaded {
            student: Student::new("Preview"),
            set_aside: None,
        })],
    );
    send(&mut app, keys(&[Action::Confirm, Action::Back]));
    assert!(app.quit, "{}", render_to_string(&app, 80, 24));
}

#[test]
fn a_right_answer_the_child_missed_is_shown_as_missed_not_as_picked() {
    let mut catalog = Catalog::load(&[PathBuf::from("tests/good_lessons")], false);
    catalog.lessons.retain(|e| e.lesson.id == "every-step");
    let mut app = on_lessons(&catalog);
    // The page, Q1 right, then only "Your password" of the two private things.
    send(
        &mut app,
        keys(&[
            Action::Confirm,
            Action::Confirm,
            Action::Number(1),
            Action::Confirm,
            Action::Confirm,
            Action::Number(0),
            Action::Confirm,
        ]),
    );
    let screen = render_to_string(&app, 80, 24);
    assert!(
        screen.contains("✓ 1. Your password (your answer, right)"),
        "{screen}"
    );
    assert!(
        screen.contains("○ 3. Your phone number (a right answer you missed)"),
        "{screen}"
    );
}

#[test]
fn the_lesson_list_shows_the_childs_own_progress_not_the_class() {
    let catalog = catalog();
    let class = vec![
        student_who_answered(&catalog, "Ayesha", 1, &[0]),
        student_who_answered(&catalog, "Bilal", 1, &[0]),
    ];
    let mut app = App::new(&catalog, class.clone(), None);
    send(
        &mut app,
        vec![Msg::StudentLoaded(Loaded {
            student: class[0].clone(),
            set_aside: None,
        })],
    );
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("You: 1 of 1 passed"), "{screen}");
    assert!(!screen.contains("Class"), "{screen}");
}

#[test]
fn the_lesson_list_keeps_the_age_filter_and_returns_to_the_lesson_just_left() {
    let catalog = Catalog::built_in();
    let mut app = on_lessons(&catalog);
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("↓ more"), "15 lessons, 14 rows:\n{screen}");
    // Ages 11-13, the third lesson, open it and go back.
    send(
        &mut app,
        keys(&[
            Action::AgeFilter,
            Action::AgeFilter,
            Action::Down,
            Action::Down,
        ]),
    );
    let before = render_to_string(&app, 80, 24);
    let chosen = before
        .lines()
        .find(|l| l.contains('▶'))
        .unwrap()
        .to_string();
    send(&mut app, keys(&[Action::Confirm, Action::Back]));
    let after = render_to_string(&app, 80, 24);
    assert!(after.contains("Showing: ages 11-13"), "{after}");
    assert!(after.contains(&chosen), "{chosen}\n{after}");
}

#[test]
fn a_passed_lesson_taken_again_still_shows_passed_with_the_new_try() {
    let catalog = catalog();
    let mut student = student_who_answered(&catalog, "Ayesha", 1, &[0]);
    let lesson = &catalog.get("screens").unwrap().lesson;
    let mut run = mehfooz::run::LessonRun::restart(lesson, &mut StdRng::seed_from_u64(2));
    run.session.advance();
    run.session.answer(&[0]).unwrap();
    for attempt in run.attempts_to_save() {
        student.merge_attempt("screens", &attempt);
    }
    let mut app = App::new(&catalog, vec![student.clone()], None);
    send(
        &mut app,
        vec![Msg::StudentLoaded(Loaded {
            student,
            set_aside: None,
        })],
    );
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("passed, new try"), "{screen}");
    assert!(screen.contains("Best score: 100%"), "{screen}");
}

/// The app after typing `name` as a new student, with the effects it asked for.
fn typed_name<'c>(catalog: &'c Catalog, name: &str) -> (App<'c>, Vec<Effect>) {
    let mut app = App::new(catalog, vec![Student::new("Hira")], None);
    let mut rng = StdRng::seed_from_u64(7);
    app.update(Msg::Key(Action::New), &mut rng);
    for c in name.chars() {
        app.update(Msg::Char(c), &mut rng);
    }
    let effects = app.update(Msg::Key(Action::Confirm), &mut rng);
    (app, effects)
}

#[test]
fn a_name_typed_in_another_case_or_spacing_is_the_same_student() {
    let catalog = catalog();
    let (_, effects) = typed_name(&catalog, "  hira ");
    assert_eq!(effects, vec![Effect::LoadStudent("Hira".into())]);
}

#[test]
fn a_name_close_to_one_in_the_class_asks_is_this_you() {
    let catalog = catalog();
    let (mut app, effects) = typed_name(&catalog, "Hiraa");
    assert!(effects.is_empty());
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("Is this you? Hira"), "{screen}");
    assert!(screen.contains("y yes, that's me"), "{screen}");
    let mut rng = StdRng::seed_from_u64(7);
    // Enter again (the key that ended the name) opens nobody's record.
    assert!(app.update(Msg::Key(Action::Confirm), &mut rng).is_empty());
    assert!(render_to_string(&app, 80, 24).contains("Is this you? Hira"));
    let yes = app.update(Msg::Key(Action::Yes), &mut rng);
    assert_eq!(yes, vec![Effect::LoadStudent("Hira".into())]);
    let (mut app, _) = typed_name(&catalog, "Hiraa");
    let no = app.update(Msg::Key(Action::New), &mut rng);
    assert_eq!(no, vec![Effect::LoadStudent("Hiraa".into())]);
    // A name not like any other is simply taken.
    let (_, effects) = typed_name(&catalog, "Zainab");
    assert_eq!(effects, vec![Effect::LoadStudent("Zainab".into())]);
}

#[test]
fn every_screen_at_60_by_20_shows_all_its_keys() {
    let catalog = catalog();
    // The footer holds the main keys of the very bindings the screen takes keys with.
    let check = |app: &App| {
        let screen = render_to_string(app, 60, 20);
        let footer: Vec<_> = app.bindings().into_iter().filter(|b| b.footer).collect();
        assert!(footer.len() >= 2, "{screen}");
        for b in footer {
            let shown = format!("{} {}", b.keys, app.messages.text(b.what));
            assert!(screen.contains(&shown), "{shown} is missing:\n{screen}");
        }
    };
    let app = App::new(&catalog, class(), None);
    check(&app);
    let mut app = on_lessons(&catalog);
    check(&app);
    send(&mut app, keys(&[Action::Confirm]));
    check(&app);
    send(&mut app, keys(&[Action::Confirm]));
    check(&app);
    send(&mut app, keys(&[Action::Number(1), Action::Confirm]));
    check(&app);
    send(&mut app, keys(&[Action::Confirm]));
    check(&app);
    send(&mut app, keys(&[Action::Confirm]));
    check(&app);
    send(&mut app, keys(&[Action::Yes, Action::Confirm]));
    check(&app);
    send(&mut app, keys(&[Action::Help]));
    check(&app);
    let mut app = App::new(&catalog, class(), None);
    send(&mut app, keys(&[Action::Teacher]));
    check(&app);
}

#[test]
fn every_key_that_works_anywhere_is_listed_in_the_help() {
    use mehfooz::tui::keys::EVERYWHERE;
    use mehfooz::tui::screens::SCREENS;
    let catalog = catalog();
    let mut app = App::new(&catalog, class(), None);
    send(&mut app, keys(&[Action::Help]));
    // Tall enough that the whole help shows at once.
    let help: String = render_to_string(&app, 200, 200)
        .lines()
        .map(|row| {
            let row = row.strip_prefix('"').and_then(|r| r.strip_suffix('"'));
            row.unwrap_or_default()
                .trim_matches(|c| c == ' ' || c == '│')
        })
        .collect::<Vec<_>>()
        .join(" ");
    let m = &app.messages;
    for (screen, bindings) in SCREENS.iter().chain(&[("keys-everywhere", EVERYWHERE)]) {
        let listed: Vec<String> = bindings
            .iter()
            .map(|b| format!("{} {}", b.keys, m.text(b.what)))
            .collect();
        let line = format!("{}: {}", m.text(screen), listed.join(", "));
        assert!(help.contains(&line), "{line} is not in the help:\n{help}");
    }
    for hidden in [
        "k j same as ↑ ↓",
        "Tab same as ↓",
        "← b back a step",
        "Ctrl-C Ctrl-Q",
    ] {
        assert!(help.contains(hidden), "{hidden}");
    }
}

#[test]
fn a_key_the_screen_does_not_list_does_nothing() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Confirm]));
    let page = render_to_string(&app, 80, 24);
    // A page lists no number, hint, ages, retry or "yes": none of them changes it.
    for action in [
        Action::Number(0),
        Action::Hint,
        Action::AgeFilter,
        Action::Retry,
        Action::Yes,
        Action::Toggle,
        Action::Teacher,
    ] {
        assert!(!mehfooz::tui::keys::offers(&app.bindings(), action));
        send(&mut app, keys(&[action]));
        assert_eq!(render_to_string(&app, 80, 24), page, "{action:?}");
    }
    // The lesson list takes `a` but a question does not.
    send(
        &mut app,
        keys(&[Action::Confirm, Action::AgeFilter, Action::Number(0)]),
    );
    let question = render_to_string(&app, 80, 24);
    assert!(question.contains("(•) 1."), "{question}");
}

#[test]
fn a_long_lesson_title_gives_way_to_the_step_and_progress_bar_at_60_columns() {
    let catalog = Catalog::built_in();
    let mut app = on_lessons(&catalog);
    // "Grooming: how it works and the warning signs", wherever it is in the list.
    let row = mehfooz::tui::app::lessons_for(&catalog, None)
        .iter()
        .position(|e| e.lesson.title.starts_with("Grooming: how"))
        .expect("the grooming lesson is built in");
    send(&mut app, keys(&vec![Action::Down; row]));
    send(&mut app, keys(&[Action::Confirm]));
    let screen = render_to_string(&app, 60, 20);
    let title_row = screen.lines().nth(1).unwrap();
    assert!(title_row.contains("Grooming: how"), "{screen}");
    assert!(title_row.contains("step 1 of"), "{screen}");
    assert!(title_row.contains("░░░░░░░░░░"), "{screen}");
}

#[test]
fn the_lesson_list_chat_and_feedback_at_60_by_20() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    insta::assert_snapshot!("lesson_list_60x20", render_to_string(&app, 60, 20));
    send(
        &mut app,
        keys(&[
            Action::Confirm,
            Action::Confirm,
            Action::Number(0),
            Action::Confirm,
        ]),
    );
    insta::assert_snapshot!("feedback_60x20", render_to_string(&app, 60, 20));
    send(&mut app, keys(&[Action::Confirm, Action::Number(0)]));
    insta::assert_snapshot!("chat_60x20", render_to_string(&app, 60, 20));
}

/// Where `target` was drawn on a 80x24 frame of `app`.
fn drawn_at(app: &App, target: mehfooz::tui::app::Target) -> ratatui::layout::Rect {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let mut targets = Vec::new();
    terminal
        .draw(|frame| {
            targets = mehfooz::tui::view::draw_with_targets(
                frame,
                app,
                &mehfooz::tui::theme::Theme::monochrome(),
            )
        })
        .unwrap();
    targets
        .into_iter()
        .find(|(_, t)| *t == target)
        .map(|(area, _)| area)
        .unwrap_or_else(|| panic!("{target:?} is not drawn"))
}

#[test]
fn clicks_choose_answers_mark_messages_and_open_lessons_and_the_wheel_only_scrolls() {
    use mehfooz::tui::app::Target;
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    // The lesson is drawn where a click opens it.
    let row = drawn_at(&app, Target::Lesson(0)).y;
    let screen = render_to_string(&app, 80, 24);
    assert!(
        screen
            .lines()
            .nth(row as usize)
            .unwrap()
            .contains("Online friends")
    );
    send(&mut app, vec![Msg::Click(Target::Lesson(0))]);
    assert!(render_to_string(&app, 80, 24).contains("step 1 of 3"));
    send(&mut app, keys(&[Action::Confirm]));
    // The wheel scrolls a question without choosing anything.
    send(&mut app, vec![Msg::Wheel(3), Msg::Wheel(-3)]);
    assert!(!render_to_string(&app, 80, 24).contains("(•)"));
    // A click on the second choice, where it is drawn, chooses it.
    let row = drawn_at(&app, Target::Item(1)).y;
    let screen = render_to_string(&app, 80, 24);
    assert!(
        screen
            .lines()
            .nth(row as usize)
            .unwrap()
            .contains("Tell a trusted adult")
    );
    send(&mut app, vec![Msg::Click(Target::Item(1))]);
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("(•) 2. Tell a trusted adult"), "{screen}");
    send(&mut app, keys(&[Action::Confirm, Action::Confirm]));
    // In the chat a click marks the message clicked, and again unmarks it.
    let row = drawn_at(&app, Target::Item(1)).y;
    let screen = render_to_string(&app, 80, 24);
    assert!(
        screen
            .lines()
            .nth(row as usize)
            .unwrap()
            .contains("gg, see you"),
        "{screen}"
    );
    send(&mut app, vec![Msg::Click(Target::Item(1))]);
    assert!(render_to_string(&app, 80, 24).contains("[⚑] 2. StarPlayer_12: gg"));
    send(&mut app, vec![Msg::Click(Target::Item(1))]);
    assert!(render_to_string(&app, 80, 24).contains("[ ] 2. StarPlayer_12: gg"));
}

#[test]
fn a_click_on_a_name_opens_that_students_lessons() {
    use mehfooz::tui::app::Target;
    let catalog = catalog();
    let mut app = App::new(&catalog, class(), None);
    let row = drawn_at(&app, Target::Student(1)).y;
    let screen = render_to_string(&app, 80, 24);
    assert!(
        screen.lines().nth(row as usize).unwrap().contains("Bilal"),
        "{screen}"
    );
    send(&mut app, vec![Msg::Click(Target::Student(1))]);
    assert!(render_to_string(&app, 80, 24).contains("Lessons for Bilal"));
}

#[test]
fn the_teacher_view_asks_for_the_pin_when_one_is_set() {
    let catalog = catalog();
    let mut app = App::new(&catalog, class(), None);
    app.teacher_pin = Some(mehfooz::pin::hash("2468").unwrap());
    let typed = |app: &mut App, pin: &str| {
        send(app, keys(&[Action::Teacher]));
        let screen = render_to_string(app, 80, 24);
        assert!(screen.contains("Teacher PIN"), "{screen}");
        send(app, pin.chars().map(Msg::Char).collect());
        let screen = render_to_string(app, 80, 24);
        assert!(!screen.contains(pin), "the PIN is shown:\n{screen}");
        send(app, keys(&[Action::Confirm]));
        render_to_string(app, 80, 24)
    };
    let screen = typed(&mut app, "1357");
    assert!(screen.contains("That is not the teacher PIN."), "{screen}");
    assert!(screen.contains("Who is learning today?"), "{screen}");
    let screen = typed(&mut app, "2468");
    assert!(screen.contains("Teacher"), "{screen}");
    assert!(!screen.contains("Who is learning today?"), "{screen}");
}

#[test]
fn a_terminal_that_is_not_utf_8_gets_ascii_borders_and_marks() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&TO_THE_CHAT));
    send(&mut app, keys(&[Action::Number(0), Action::Confirm]));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| {
            mehfooz::tui::view::draw(frame, &app, &mehfooz::tui::theme::Theme::monochrome());
            mehfooz::tui::view::ascii_only(frame.buffer_mut());
        })
        .unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.is_ascii(), "{screen}");
    assert!(screen.contains("+ Online friends"), "{screen}");
    assert!(
        screen.contains("| Question 2 of 2: a pretend chat"),
        "{screen}"
    );
    assert!(screen.contains("[!] 1. StarPlayer_12"), "{screen}");
    assert!(
        screen.contains("v Red flag, and you spotted it."),
        "{screen}"
    );
}

/// A catalog of one lesson whose page and question mark glossary words.
fn glossary_catalog(folder: &std::path::Path) -> Catalog {
    std::fs::write(
        folder.join("words.toml"),
        r#"format_version = 1
id = "words"
title = "Hard words"
summary = "A lesson with marked words."
ages = { min = 8, max = 10 }
minutes = 5

[[steps]]
type = "page"
title = "Keep the proof"
text = "If a chat feels wrong, do not delete it: it is {evidence}. Ask {permission} before you share a photo of a friend."

[[steps]]
type = "question"
kind = "true_false"
prompt = "Messages you keep can be {evidence}."
answer = true
false_feedback = "They show what happened."

[[glossary]]
word = "evidence"
meaning = "Things that show what happened, like messages and the name of the account."

[[glossary]]
word = "permission"
meaning = "When someone says yes, you may do something."
"#,
    )
    .unwrap();
    let catalog = Catalog::load(&[folder.to_path_buf()], false);
    assert!(catalog.diagnostics.is_empty(), "{:?}", catalog.diagnostics);
    catalog
}

#[test]
fn a_page_shows_glossary_words_without_braces_and_offers_g() {
    let folder = tempfile::tempdir().unwrap();
    let catalog = glossary_catalog(folder.path());
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Confirm]));
    let screen = render_to_string(&app, 80, 24);
    assert!(!screen.contains('{'), "{screen}");
    assert!(screen.contains("evidence*"), "{screen}");
    assert!(screen.contains("g word meanings"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn g_opens_the_meanings_of_the_words_on_the_step_and_esc_closes_them() {
    let folder = tempfile::tempdir().unwrap();
    let catalog = glossary_catalog(folder.path());
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Confirm, Action::Glossary]));
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("What the words mean"), "{screen}");
    assert!(
        screen.contains("Things that show what happened"),
        "{screen}"
    );
    assert!(screen.contains("When someone says yes"), "{screen}");
    insta::assert_snapshot!(screen);
    insta::assert_snapshot!("glossary_panel_60x20", render_to_string(&app, 60, 20));
    // Enter while the meanings are open closes them and does not turn the page.
    send(&mut app, keys(&[Action::Confirm]));
    let page = render_to_string(&app, 80, 24);
    assert!(page.contains("Keep the proof"), "{page}");
    assert!(!page.contains("What the words mean"), "{page}");
    send(&mut app, keys(&[Action::Glossary, Action::Back]));
    assert!(render_to_string(&app, 80, 24).contains("Keep the proof"));
}

#[test]
fn a_question_with_a_glossary_word_fits_at_60_by_20() {
    let folder = tempfile::tempdir().unwrap();
    let catalog = glossary_catalog(folder.path());
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Confirm, Action::Confirm]));
    insta::assert_snapshot!(render_to_string(&app, 60, 20));
}

#[test]
fn a_lesson_the_teacher_cleared_mid_lesson_says_so_and_starts_again() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    // The page, then the first question answered: the attempt is on disk.
    send(
        &mut app,
        keys(&[
            Action::Confirm,
            Action::Confirm,
            Action::Number(1),
            Action::Confirm,
        ]),
    );
    assert!(render_to_string(&app, 80, 24).contains("step 2 of 3"));
    // The teacher runs `reset` for this lesson while the child is on it.
    STORE.with(|(_, store)| store.reset("Ayesha", Some("screens")).unwrap());
    // Going on to the chat saves the place, and the save finds the attempt cleared.
    send(&mut app, keys(&[Action::Confirm]));
    let screen = render_to_string(&app, 80, 24);
    assert!(
        screen.contains("Your teacher has cleared your progress in this lesson"),
        "{screen}"
    );
    assert!(screen.contains("step 1 of 3"), "{screen}");
    assert!(screen.contains("Not everyone is who they say"), "{screen}");
    // Nothing of the cleared attempt comes back, and the new one is kept as usual.
    let saved = saves(
        &mut app,
        keys(&[Action::Confirm, Action::Number(1), Action::Confirm]),
    );
    assert_eq!(answers_in(&saved), vec![vec![1]]);
    let on_disk = STORE.with(|(_, store)| store.load("Ayesha").unwrap().student);
    let record = on_disk.record("screens").unwrap();
    assert_eq!(record.attempts.len(), 1, "{record:?}");
}

#[test]
fn wrong_answer_feedback_does_not_repeat_the_verdict() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("online.toml"),
        r#"format_version = 1
id = "online"
title = "Who is online"
summary = "People online may not be who they say."
ages = { min = 8, max = 10 }
minutes = 5
shuffle_choices = false

[[steps]]
type = "question"
kind = "single"
prompt = "Someone you met in a game says they are 11. Are they?"
  [[steps.choices]]
  text = "Yes, they said so"
  feedback = "Not quite. You only know this person online. People online may not be who they say they are."
  [[steps.choices]]
  text = "Maybe not: I only know them online"
  correct = true
  feedback = "Yes. You cannot see who is typing."
"#,
    )
    .unwrap();
    let catalog = Catalog::load(&[folder.path().to_path_buf()], false);
    assert!(catalog.diagnostics.is_empty(), "{:?}", catalog.diagnostics);
    let mut app = on_lessons(&catalog);
    send(
        &mut app,
        keys(&[Action::Confirm, Action::Number(0), Action::Confirm]),
    );
    let screen = render_to_string(&app, 80, 24);
    assert_eq!(screen.matches("Not quite").count(), 1, "{screen}");
    assert!(screen.contains("│ Not quite."), "{screen}");
    assert!(screen.contains("✗ 1. Yes, they said so"), "{screen}");
    assert!(
        screen.contains("     You only know this person online."),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
    insta::assert_snapshot!(
        "wrong_answer_feedback_60x20",
        render_to_string(&app, 60, 20)
    );
}

#[test]
fn a_long_lesson_summary_hangs_under_its_text() {
    let catalog = Catalog::built_in();
    let mut app = on_lessons(&catalog);
    // The lesson with the longest summary, wherever it is in the list.
    let row = mehfooz::tui::app::lessons_for(&catalog, None)
        .iter()
        .enumerate()
        .max_by_key(|(_, e)| e.lesson.summary.len())
        .map(|(i, _)| i)
        .unwrap();
    send(&mut app, keys(&vec![Action::Down; row]));
    let screen = render_to_string(&app, 60, 20);
    // The rows under the list's border: the summary and the lesson's facts.
    let detail: Vec<&str> = screen
        .lines()
        .skip_while(|r| !r.starts_with("\"╰"))
        .skip(1)
        .take(4)
        .collect();
    assert!(detail[1].trim_matches('"').trim() != "", "{screen}");
    for row in detail {
        assert!(
            row.starts_with("\" ") || row.trim_matches('"').trim().is_empty(),
            "{row:?} starts at column 0:\n{screen}"
        );
    }
    insta::assert_snapshot!("long_summary_60x20", screen);
}

/// Opens the language picker and chooses the language `tag`, by the keys.
fn choose_language(app: &mut App, tag: &str) {
    send(app, keys(&[Action::Language]));
    let row = app.languages().iter().position(|l| l.tag == tag).unwrap();
    // From the top of the list, down to the row.
    send(app, keys(&[Action::Up; 5]));
    send(app, keys(&vec![Action::Down; row]));
    send(app, keys(&[Action::Confirm]));
}

#[test]
fn the_language_picker_lists_each_language_in_its_own_words() {
    let catalog = catalog();
    let mut app = App::new(&catalog, class(), None);
    send(&mut app, keys(&[Action::Language]));
    let screen = render_to_string(&app, 80, 24);
    for name in ["English", "اردو", "Roman Urdu"] {
        // As the screen shows it: Urdu joined and in display order.
        let shown = display_label(name, usize::MAX, Mode::App).text;
        assert!(screen.contains(&shown), "{name} is missing:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn the_language_picker_at_60_by_20() {
    let catalog = catalog();
    let mut app = App::new(&catalog, class(), None);
    send(&mut app, keys(&[Action::Language, Action::Down]));
    insta::assert_snapshot!(render_to_string(&app, 60, 20));
}

#[test]
fn choosing_urdu_on_the_first_screen_speaks_urdu_there_and_after() {
    let catalog = catalog();
    let mut app = App::new(&catalog, class(), None);
    choose_language(&mut app, "ur");
    assert_eq!(app.language, "ur");
    assert_eq!(app.language_picker, None, "the picker closes on a choice");
    let screen = render_to_string(&app, 80, 24);
    assert!(!screen.contains("Who is learning today?"), "{screen}");
    let who = display_label(&app.messages.text("name-who"), usize::MAX, Mode::App).text;
    assert!(screen.contains(&who), "{screen}");
    send(&mut app, keys(&[Action::Confirm]));
    let screen = render_to_string(&app, 80, 24);
    assert!(!screen.contains("Lessons for"), "{screen}");
}

#[test]
fn escape_closes_the_language_picker_without_changing_the_language() {
    let catalog = catalog();
    let mut app = App::new(&catalog, class(), None);
    send(
        &mut app,
        keys(&[Action::Language, Action::Down, Action::Back]),
    );
    assert_eq!(app.language_picker, None);
    assert_eq!(app.language, "en");
}

#[test]
fn a_language_chosen_on_the_first_screen_is_in_the_students_file_after_an_answer() {
    let catalog = catalog();
    let mut app = App::new(&catalog, vec![Student::new("Ayesha")], None);
    choose_language(&mut app, "ur-Latn");
    // Ayesha, her first lesson, its page, then an answer.
    send(
        &mut app,
        keys(&[Action::Confirm, Action::Confirm, Action::Confirm]),
    );
    let saved = saves(&mut app, keys(&[Action::Number(1), Action::Confirm]));
    assert!(!saved.is_empty(), "the answer was saved");
    let remembered = STORE.with(|(_, store)| store.remembered_language("Ayesha"));
    assert_eq!(remembered.as_deref(), Some("ur-Latn"));
    assert_eq!(app.language, "ur-Latn");
}

#[test]
fn switching_language_mid_lesson_keeps_the_step_and_the_answers() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Confirm, Action::Confirm]));
    send(&mut app, keys(&[Action::Number(1), Action::Confirm]));
    let (step, answers) = match &app.screen {
        mehfooz::tui::app::Screen::Player(p) => (
            p.run.session.position(),
            p.run.session.state().answers.clone(),
        ),
        _ => panic!("not in the lesson"),
    };
    choose_language(&mut app, "ur");
    match &app.screen {
        mehfooz::tui::app::Screen::Player(p) => {
            assert_eq!(p.run.session.position(), step);
            assert_eq!(p.run.session.state().answers, answers);
        }
        _ => panic!("the lesson was left"),
    }
    assert_eq!(app.language, "ur");
    let remembered = STORE.with(|(_, store)| store.remembered_language("Ayesha"));
    assert_eq!(remembered.as_deref(), Some("ur"));
}

#[test]
fn the_teacher_view_shows_each_lessons_languages_and_whether_each_is_reviewed() {
    let catalog = Catalog::built_in();
    let mut app = App::new(&catalog, class(), None);
    send(&mut app, keys(&[Action::Teacher]));
    let screen = render_to_string(&app, 80, 24);
    assert!(screen.contains("[en, ur (draft), ur-Latn"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn the_teacher_view_with_languages_at_60_by_20() {
    let catalog = Catalog::built_in();
    let mut app = App::new(&catalog, class(), None);
    send(&mut app, keys(&[Action::Teacher]));
    let screen = render_to_string(&app, 60, 20);
    assert!(screen.contains("ur (draft)"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn the_teacher_view_says_which_languages_each_student_took_lessons_in_at_60_by_20() {
    let catalog = Catalog::built_in();
    let class = vec![
        common::student_who_took("Ayesha", "kind-online", &["en", "ur"]),
        common::student_who_took("Bilal", "kind-online", &["ur-Latn"]),
        Student::new("Zara"),
    ];
    let mut app = App::new(&catalog, class, None);
    send(&mut app, keys(&[Action::Teacher]));
    let screen = render_to_string(&app, 60, 20);
    let row = |name: &str| {
        screen
            .lines()
            .find(|l| l.starts_with(&format!("\"│ {name}")))
            .unwrap_or_else(|| panic!("a row for {name}:\n{screen}"))
            .to_string()
    };
    assert!(row("STUDENT").contains("LANGUAGES"), "{screen}");
    assert!(row("Ayesha").contains("  en, ur "), "{screen}");
    assert!(row("Bilal").contains("  ur-Latn "), "{screen}");
    assert!(
        row("Zara")
            .trim_end_matches(['│', '"', ' '])
            .ends_with("  -"),
        "{screen}"
    );
}

/// The English texts of the app's own child-facing words that `tag` says otherwise,
/// for finding any left untranslated on a screen. Words with values put in, and the
/// shortest (key names), are left out: they are checked where they are shown whole.
fn english_left_in(screen: &str, tag: &str) -> Vec<String> {
    use mehfooz::i18n::{self, Messages};
    let english = Messages::english();
    let other = Messages::for_language(tag);
    let source = i18n::built_in_text("en").unwrap();
    i18n::message_ids(source)
        .into_iter()
        .filter(|id| !i18n::is_teacher_only(id) && id != "app-name")
        .map(|id| (english.text(&id), other.text(&id)))
        .filter(|(en, said)| en != said && en.len() >= 5 && !en.contains('{'))
        .filter(|(en, _)| screen.contains(en.as_str()))
        .map(|(en, _)| en)
        .collect()
}

#[test]
fn in_urdu_and_roman_urdu_the_childs_screens_keep_no_english_words_of_the_app() {
    let catalog = Catalog::built_in();
    // The check finds the English of an English screen.
    let english = App::new(&catalog, vec![Student::new("Ayesha")], None);
    assert!(!english_left_in(&render_to_string(&english, 80, 24), "ur").is_empty());
    for tag in ["ur", "ur-Latn"] {
        let mut app = App::new(&catalog, vec![Student::new("Ayesha")], None);
        app.set_language(tag);
        let mut screens = vec![render_to_string(&app, 80, 24)];
        send(&mut app, keys(&[Action::New]));
        screens.push(render_to_string(&app, 80, 24));
        send(&mut app, keys(&[Action::Back, Action::Confirm]));
        screens.push(render_to_string(&app, 80, 24));
        send(&mut app, keys(&[Action::Confirm]));
        screens.push(render_to_string(&app, 60, 20));
        // Through the whole first lesson: pages, questions, a chat, their feedback and
        // the summary, answering with the first choice or message each time.
        for _ in 0..80 {
            screens.push(render_to_string(&app, 80, 24));
            let finished = matches!(&app.screen,
                mehfooz::tui::app::Screen::Player(p) if p.run.session.is_finished());
            if finished {
                break;
            }
            send(&mut app, keys(&[Action::Number(0), Action::Confirm]));
        }
        assert!(
            screens.iter().any(|s| s.contains(
                &display_label(
                    &app.messages.text("summary-finished"),
                    usize::MAX,
                    Mode::App
                )
                .text
            )),
            "{tag}: the summary was reached"
        );
        send(&mut app, keys(&[Action::Help]));
        screens.push(render_to_string(&app, 80, 24));
        for screen in &screens {
            let left = english_left_in(screen, tag);
            assert!(left.is_empty(), "{tag}: English left: {left:?}\n{screen}");
        }
    }
}

#[test]
fn a_long_notice_is_shown_to_its_end_not_cut_after_two_rows() {
    let catalog = catalog();
    for (language, end) in [
        ("en", "a new one was started."),
        ("ur-Latn", "nayi file shuru kar di gayi hai."),
    ] {
        let mut app = App::new(&catalog, vec![Student::new("Ayesha")], None);
        app.set_language(language);
        let folder = "C:/Users/Lab PC 07/Documents/Mehfooz class data/Class 5 Blue";
        send(
            &mut app,
            vec![Msg::StudentLoaded(Loaded {
                student: Student::new("Ayesha"),
                set_aside: Some(mehfooz::progress::SetAside {
                    original: PathBuf::from(format!("{folder}/Ayesha.toml")),
                    moved_to: PathBuf::from(format!("{folder}/Ayesha.unreadable-1.toml")),
                    reason: mehfooz::progress::Unreadable::Damaged { line: 1, column: 3 },
                }),
            })],
        );
        for (width, height) in [(80, 24), (60, 20)] {
            let screen = render_to_string(&app, width, height);
            // The notice's rows, joined, end with what was done about it.
            let unquoted = screen.replace('"', " ");
            let words: Vec<&str> = unquoted.split_whitespace().collect();
            let tail: Vec<&str> = end.split_whitespace().collect();
            assert!(
                words.windows(tail.len()).any(|w| w == tail.as_slice()),
                "{language} at {width}x{height}: the notice does not end with {end:?}:\n{screen}"
            );
        }
    }
}

#[test]
fn switching_language_keeps_a_choice_made_but_not_yet_sent() {
    let catalog = catalog();
    let mut app = on_lessons(&catalog);
    send(&mut app, keys(&[Action::Confirm, Action::Confirm]));
    // Choice 2 picked, not yet answered with Enter.
    send(&mut app, keys(&[Action::Number(1)]));
    assert!(render_to_string(&app, 80, 24).contains("(•)"));
    choose_language(&mut app, "ur");
    let screen = render_to_string(&app, 80, 24);
    assert!(
        screen.contains("(•)"),
        "the choice made before switching is gone:\n{screen}"
    );
    // Enter now answers with it, in the new language.
    send(&mut app, keys(&[Action::Confirm]));
    match &app.screen {
        mehfooz::tui::app::Screen::Player(p) => {
            assert!(!p.run.session.awaiting_answer(), "the answer was not taken")
        }
        _ => panic!("the lesson was left"),
    }
}

#[test]
fn a_name_in_the_other_script_does_not_turn_its_row_round() {
    let catalog = Catalog::built_in();
    let lessons = catalog.lessons.len();
    // An Urdu name in an English list: the progress reads as English does.
    let class = vec![Student::new("علی"), Student::new("Zain")];
    let app = App::new(&catalog, class.clone(), None);
    let screen = render_to_string(&app, 80, 24);
    let ali = display_label("علی", usize::MAX, Mode::App).text;
    assert!(
        screen.contains(&format!("{ali}  (0 of {lessons} lessons passed)")),
        "{screen}"
    );
    // A Latin name in an Urdu list: the name at the right end, the progress before it.
    let mut app = App::new(&catalog, class, None);
    app.set_language("ur");
    let screen = render_to_string(&app, 80, 24);
    let row = screen
        .lines()
        .find(|l| l.contains("Zain"))
        .expect("Zain's row");
    assert!(
        row.trim_end_matches(['"', ' ', '│']).ends_with("Zain"),
        "{screen}"
    );
}

#[test]
fn at_60_by_20_the_summary_says_it_is_never_your_fault_at_once_and_scrolls_to_its_end() {
    let catalog = Catalog::built_in();
    let mut app = App::new(&catalog, vec![Student::new("Ayesha")], None);
    app.set_language("ur-Latn");
    // The first lesson, every question answered with its first choice: many to look at
    // again, more than a 60x20 window holds.
    send(&mut app, keys(&[Action::Confirm, Action::Confirm]));
    for _ in 0..80 {
        if matches!(&app.screen,
            mehfooz::tui::app::Screen::Player(p) if p.run.session.is_finished())
        {
            break;
        }
        send(&mut app, keys(&[Action::Number(0), Action::Confirm]));
    }
    let first_words = |id: &str| -> String {
        let text = app.messages.text(id);
        text.split(' ').take(4).collect::<Vec<_>>().join(" ")
    };
    let (fault, keys_line, title) = (
        first_words("never-your-fault"),
        first_words("summary-keys"),
        first_words("summary-finished"),
    );
    let screen = render_to_string(&app, 60, 20);
    assert!(
        screen.contains(&fault),
        "{fault:?} in sight at once:\n{screen}"
    );
    assert!(
        !screen.contains(&keys_line),
        "the summary is longer than the window:\n{screen}"
    );
    send(&mut app, keys(&[Action::PageDown, Action::PageDown]));
    let screen = render_to_string(&app, 60, 20);
    assert!(
        screen.contains(&keys_line),
        "{keys_line:?} after PgDn twice:\n{screen}"
    );
    send(
        &mut app,
        keys(&[Action::PageUp, Action::Down, Action::Down]),
    );
    let screen = render_to_string(&app, 60, 20);
    assert!(!screen.contains(&title), "↓ scrolls too:\n{screen}");
}
