//! The lesson list: the child's own progress, the age filter, every lesson with its
//! status, and the chosen one's summary underneath.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use rand::Rng;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::i18n::Messages;
use crate::lesson::{Catalog, Lesson, LessonEntry};
use crate::progress::{Status, Student};
use crate::strings;
use crate::t;
use crate::tui::app::{App, Effect, Screen, Target};
use crate::tui::keys::{
    Action as A, BACK_ESC, BACK_Q, Binding, CHOOSE_KEY, HELP_KEY, K_J, Key::Code, Key::Letter,
    TAB_DOWN, bind,
};
use crate::tui::screens::students::StudentsScreen;

use crate::tui::widgets::{
    Paint, Rows, bar, choice_line, hang, more_below, panel, rows, said, scroll_to,
};

pub struct LessonsScreen {
    pub student: Student,
    pub selected: usize,
    /// The rows as last drawn.
    drawn: RefCell<DrawnRows>,
}

impl LessonsScreen {
    pub fn new(student: Student, selected: usize) -> Self {
        LessonsScreen {
            student,
            selected,
            drawn: RefCell::default(),
        }
    }
}

pub const BINDINGS: &[Binding] = &[
    CHOOSE_KEY,
    bind("Enter", "key-start", &[(Code(KeyCode::Enter), A::Confirm)]),
    bind("a", "key-ages", &[(Letter('a'), A::AgeFilter)]),
    HELP_KEY,
    BACK_Q,
    BACK_ESC,
    K_J,
    TAB_DOWN,
];

pub fn key(app: &mut App, action: A, rng: &mut impl Rng) -> Vec<Effect> {
    let catalog = app.catalog;
    let Screen::Lessons(list) = &mut app.screen else {
        return Vec::new();
    };
    let shown = lessons_for(catalog, app.ages);
    match action {
        A::Up => list.selected = list.selected.saturating_sub(1),
        A::Down => list.selected = (list.selected + 1).min(shown.len().saturating_sub(1)),
        A::AgeFilter => {
            let bands = age_bands(catalog);
            app.ages = match app.ages.and_then(|a| bands.iter().position(|b| *b == a)) {
                None => bands.first().copied(),
                Some(i) => bands.get(i + 1).copied(),
            };
            list.selected = 0;
        }
        A::Confirm => {
            if let Some(entry) = shown.get(list.selected) {
                let student = list.student.clone();
                return app.open_lesson(student, entry.in_language(&app.language), rng);
            }
        }
        A::Back => {
            let selected = app
                .class
                .iter()
                .position(|s| s.name == list.student.name)
                .unwrap_or(0);
            app.screen = Screen::Students(StudentsScreen::new(selected));
        }
        _ => {}
    }
    Vec::new()
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screen: &LessonsScreen,
    theme: &Paint,
    targets: &mut Vec<(Rect, Target)>,
) {
    let m = &app.messages;
    // Lesson files that could not be loaded: said whole, on as many rows as it takes,
    // under the chosen lesson's details.
    let broken = match app.catalog.broken_files.len() {
        0 => Vec::new(),
        n => said(
            &t!(m, "lessons-broken-files", count = n),
            theme.notice,
            area.width.saturating_sub(2),
            theme,
        ),
    };
    // An Urdu row reads from the right: its title at the right end, its gauge filling
    // from the right.
    let right_to_left = theme.right_to_left;
    let shown = lessons_for(app.catalog, app.ages);
    let mut drawn = screen.drawn.borrow_mut();
    // The list takes the whole width.
    let key = DrawnKey {
        language: app.language.clone(),
        ages: app.ages,
        width: area.width,
    };
    if drawn.key.as_ref() != Some(&key) {
        *drawn = DrawnRows {
            minutes_width: minutes_width(m, theme, &shown, app),
            passed: drawn.passed,
            key: Some(key),
            rows: HashMap::new(),
        };
    }
    let minutes_width = drawn.minutes_width;
    // A title its row had to cut is said whole above the chosen lesson's summary.
    let chosen = shown
        .get(screen.selected)
        .map(|e| e.in_language(&app.language));
    let title_cut = chosen.is_some_and(|lesson| {
        crate::text::width(&lesson.title)
            > title_columns(area.width.saturating_sub(2), minutes_width)
    });
    let [class, filter, list, detail, warning] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(4 + u16::from(title_cut)),
        Constraint::Length(broken.len() as u16),
    ])
    .areas(area);
    // The child's own progress; how the class is doing is for the teacher.
    let lessons = app.catalog.lessons.len();
    let passed = *drawn.passed.get_or_insert_with(|| {
        app.catalog
            .lessons
            .iter()
            .filter(|e| {
                screen
                    .student
                    .record_of(&e.lesson)
                    .is_some_and(|r| r.has_passed())
            })
            .count()
    });
    let ratio = passed as f64 / lessons.max(1) as f64;
    let you = theme
        .layout
        .label(
            &t!(m, "lessons-you", passed = passed, lessons = lessons),
            usize::MAX,
        )
        .text;
    let you = Span::styled(format!(" {you} "), theme.title);
    let you_gauge = Span::styled(gauge(ratio, 12, right_to_left), theme.gauge);
    let header = match right_to_left {
        true => Line::from(vec![you_gauge, you]).alignment(Alignment::Right),
        false => Line::from(vec![you, you_gauge]),
    };
    let showing = match app.ages {
        None => m.text("lessons-all-ages"),
        Some((min, max)) => strings::ages(m, min, max),
    };
    let filter_line = theme.layout.line(Line::from(vec![Span::styled(
        format!(" {}", t!(m, "lessons-showing", ages = showing)),
        theme.dim,
    )]));
    frame.render_widget(Rows::new(&[header], 0), class);
    frame.render_widget(Rows::new(&[filter_line], 0), filter);
    // The name in the title must not turn an Urdu title round: a panel's title reads
    // the way the app's language does.
    let block = panel(
        format!(
            " {} ",
            t!(m, "lessons-for", name = screen.student.name.as_str())
        ),
        theme,
    );
    let inner = block.inner(list);
    // Only the rows in view are laid out, and each once: a library may hold a thousand
    // lessons, and the rows stay as they are while the child moves up and down.
    let scroll = scroll_to(screen.selected, inner.height);
    let mut lines = Vec::new();
    for (i, entry) in shown
        .iter()
        .enumerate()
        .skip(scroll as usize)
        .take(inner.height as usize)
    {
        let row = drawn.rows.entry(i).or_insert_with(|| {
            let lesson = entry.in_language(&app.language);
            lesson_row(
                lesson,
                &screen.student,
                minutes_width,
                inner.width,
                right_to_left,
                m,
                theme,
            )
        });
        let mut line = choice_line(i == screen.selected, row.text.clone(), theme);
        if i != screen.selected && row.passed {
            line = line.style(theme.right);
        }
        lines.push(line);
    }
    drop(drawn);
    if lines.is_empty() {
        lines.push(
            theme
                .layout
                .line(Line::from(format!(" {}", m.text("lessons-none-for-age")))),
        );
    }
    frame.render_widget(block, list);
    frame.render_widget(Rows::new(&lines, 0), inner);
    targets.extend(rows(inner, scroll, shown.len()).map(|(row, i)| (row, Target::Lesson(i))));
    if (scroll as usize) + (inner.height as usize) < shown.len() {
        more_below(frame, list, m, theme);
    }
    if let Some(lesson) = chosen {
        let best = screen
            .student
            .record_of(lesson)
            .and_then(|r| r.best_percent())
            .map(|p| format!("   {}", t!(m, "lessons-best-score", percent = p)))
            .unwrap_or_default();
        // Both hang under their first word, so a long summary never runs to column 0.
        let lead = || vec![Span::raw(" ")];
        let mut text = Vec::new();
        if title_cut {
            text = hang(lead(), &lesson.title, theme.title, detail.width, theme);
        }
        text.extend(hang(
            lead(),
            &lesson.summary,
            theme.text,
            detail.width,
            theme,
        ));
        let facts = t!(
            m,
            "lessons-facts",
            questions = lesson.question_count(),
            minutes = lesson.minutes,
            pass = lesson.pass_percent
        ) + &best;
        text.extend(hang(lead(), &facts, theme.dim, detail.width, theme));
        frame.render_widget(Rows::new(&text, 0), detail);
    }
    let warning = Rect {
        x: warning.x + 1,
        width: warning.width.saturating_sub(2),
        ..warning
    };
    frame.render_widget(Rows::new(&broken, 0), warning);
}

/// The rows of the lesson list as drawn, kept from frame to frame with what they were
/// laid out for; another language, age filter or width lays them out again.
#[derive(Default)]
pub struct DrawnRows {
    key: Option<DrawnKey>,
    /// The columns the longest "10m" takes, in the lessons shown.
    minutes_width: usize,
    /// How many lessons the child has passed.
    passed: Option<usize>,
    /// Each lesson's row so far, by its place in the list shown.
    rows: HashMap<usize, DrawnRow>,
}

#[derive(PartialEq)]
struct DrawnKey {
    language: String,
    ages: Option<(u32, u32)>,
    width: u16,
}

struct DrawnRow {
    text: String,
    passed: bool,
}

/// The widest "10m" among the lessons shown: a language that says it longer takes room
/// from the titles.
fn minutes_width(m: &Messages, theme: &Paint, shown: &[&LessonEntry], app: &App) -> usize {
    let minutes: BTreeSet<u32> = shown
        .iter()
        .map(|e| e.in_language(&app.language).minutes)
        .collect();
    minutes
        .into_iter()
        .map(|n| {
            theme
                .layout
                .label(&t!(m, "minutes-short", minutes = n), 8)
                .columns
        })
        .max()
        .unwrap_or(0)
        .max(4)
}

/// One lesson's row: its title, ages, minutes, a gauge and its status, in columns that
/// line up from row to row, from the right in a language read right to left.
fn lesson_row(
    lesson: &Lesson,
    student: &Student,
    minutes_width: usize,
    width: u16,
    right_to_left: bool,
    m: &Messages,
    theme: &Paint,
) -> DrawnRow {
    let (status, ratio) = lesson_progress(student, lesson);
    let title = theme
        .layout
        .cell(&lesson.title, title_columns(width, minutes_width));
    let ages = format!("{:>5}", format!("{}-{}", lesson.ages.min, lesson.ages.max));
    let minutes = theme
        .layout
        .label(&t!(m, "minutes-short", minutes = lesson.minutes), 8);
    let minutes = " ".repeat(minutes_width.saturating_sub(minutes.columns)) + &minutes.text;
    // A passed lesson taken again stays passed, with the new try shown beside it.
    let retrying = student
        .record_of(lesson)
        .is_some_and(|r| r.has_passed() && r.open_attempt().is_some());
    let status_text = match retrying {
        true => m.text("passed-trying-again"),
        false => strings::status(m, status),
    };
    let status_text = theme.layout.cell(&status_text, 15);
    let gauge = gauge(ratio, 6, right_to_left);
    let text = match right_to_left {
        true => format!("{status_text} {gauge} {minutes} {ages} {title} "),
        false => format!(" {title} {ages} {minutes} {gauge} {status_text}"),
    };
    DrawnRow {
        text,
        passed: status == Status::Passed,
    }
}

/// The columns a lesson's title has in its row of a list `width` wide; a longer title is
/// cut there, and shown whole under the list when its lesson is chosen.
fn title_columns(width: u16, minutes_width: usize) -> usize {
    (width as usize).saturating_sub(33 + minutes_width).max(10)
}

/// A gauge that fills from where the language starts reading.
fn gauge(ratio: f64, width: usize, right_to_left: bool) -> String {
    let gauge = bar(ratio, width);
    match right_to_left {
        true => gauge.chars().rev().collect(),
        false => gauge,
    }
}

/// How far a student is through the lessons on offer, for the gauges.
pub fn lesson_progress(student: &Student, lesson: &Lesson) -> (Status, f64) {
    let record = student.record_of(lesson);
    let status = record.as_ref().map_or(Status::NotStarted, |r| r.status());
    let ratio = match status {
        Status::Passed => 1.0,
        Status::NotStarted => 0.0,
        _ => record
            .as_ref()
            .and_then(|r| r.open_attempt())
            .map_or(0.0, |a| {
                let len = a.state.plan.len().max(1);
                a.state.position as f64 / len as f64
            }),
    };
    (status, ratio)
}

/// The lessons shown in the list for an age band (`None`: all of them).
pub fn lessons_for(catalog: &Catalog, ages: Option<(u32, u32)>) -> Vec<&LessonEntry> {
    catalog
        .lessons
        .iter()
        .filter(|e| {
            ages.is_none_or(|(min, max)| e.lesson.ages.min <= max && e.lesson.ages.max >= min)
        })
        .collect()
}

/// The age bands the lessons are written for, youngest first.
pub fn age_bands(catalog: &Catalog) -> Vec<(u32, u32)> {
    let bands: BTreeSet<(u32, u32)> = catalog
        .lessons
        .iter()
        .map(|e| (e.lesson.ages.min, e.lesson.ages.max))
        .collect();
    bands.into_iter().collect()
}
