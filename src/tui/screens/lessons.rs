//! The lesson list: the child's own progress, the age filter, every lesson with its
//! status, and the chosen one's summary underneath.

use std::collections::BTreeSet;

use rand::Rng;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::lesson::{Catalog, Lesson, LessonEntry};
use crate::progress::{Status, Student};
use crate::strings;
use crate::t;
use crate::tui::app::{App, Effect, Screen, Target};
use crate::tui::keys::{
    Action as A, BACK_Q, Binding, CHOOSE_KEY, HELP_KEY, K_J, Key::Code, Key::Letter, TAB_DOWN, bind,
};
use crate::tui::screens::students::StudentsScreen;

use crate::tui::widgets::{
    Paint, Rows, bar, choice_line, hang, more_below, panel, rows, scroll_to,
};

pub struct LessonsScreen {
    pub student: Student,
    pub selected: usize,
}

pub const BINDINGS: &[Binding] = &[
    CHOOSE_KEY,
    bind("Enter", "key-start", &[(Code(KeyCode::Enter), A::Confirm)]),
    bind("a", "key-ages", &[(Letter('a'), A::AgeFilter)]),
    HELP_KEY,
    BACK_Q,
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
    let [class, filter, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(4),
    ])
    .areas(area);
    let m = &app.messages;
    // The child's own progress; how the class is doing is for the teacher.
    let lessons = app.catalog.lessons.len();
    let passed = app
        .catalog
        .lessons
        .iter()
        .filter(|e| {
            screen
                .student
                .record_of(&e.lesson)
                .is_some_and(|r| r.has_passed())
        })
        .count();
    let ratio = passed as f64 / lessons.max(1) as f64;
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                format!(
                    " {} ",
                    theme
                        .layout
                        .label(
                            &t!(m, "lessons-you", passed = passed, lessons = lessons),
                            usize::MAX
                        )
                        .text
                ),
                theme.title,
            ),
            Span::styled(bar(ratio, 12), theme.gauge),
        ])),
        class,
    );
    let showing = match app.ages {
        None => m.text("lessons-all-ages"),
        Some((min, max)) => strings::ages(m, min, max),
    };
    frame.render_widget(
        Paragraph::new(theme.layout.line(Line::from(vec![Span::styled(
            format!(" {}", t!(m, "lessons-showing", ages = showing)),
            theme.dim,
        )]))),
        filter,
    );
    let shown = lessons_for(app.catalog, app.ages);
    let block = panel(
        format!(
            " {} ",
            t!(m, "lessons-for", name = screen.student.name.as_str())
        ),
        theme,
    );
    let inner = block.inner(list);
    // Only the rows in view are laid out: a library may hold a thousand lessons.
    let scroll = scroll_to(screen.selected, inner.height);
    let in_view: Vec<(usize, &Lesson)> = shown
        .iter()
        .enumerate()
        .skip(scroll as usize)
        .take(inner.height as usize)
        .map(|(i, entry)| (i, entry.in_language(&app.language)))
        .collect();
    // "10m" takes four columns; a language that says it longer takes room from the titles.
    let minutes: Vec<_> = in_view
        .iter()
        .map(|(_, lesson)| {
            theme
                .layout
                .label(&t!(m, "minutes-short", minutes = lesson.minutes), 8)
        })
        .collect();
    let minutes_width = minutes.iter().map(|l| l.columns).max().unwrap_or(0).max(4);
    let title_width = (inner.width as usize)
        .saturating_sub(33 + minutes_width)
        .max(10);
    let mut lines = Vec::new();
    for ((i, lesson), minutes) in in_view.into_iter().zip(minutes) {
        let (status, ratio) = lesson_progress(&screen.student, lesson);
        let title = theme.layout.cell(&lesson.title, title_width);
        // A passed lesson taken again stays passed, with the new try shown beside it.
        let record = screen.student.record_of(lesson);
        let retrying = record
            .as_ref()
            .is_some_and(|r| r.has_passed() && r.open_attempt().is_some());
        let status_text = if retrying {
            m.text("passed-trying-again")
        } else {
            strings::status(m, status)
        };
        let text = format!(
            " {title} {:>5} {}{} {} {:<15}",
            format!("{}-{}", lesson.ages.min, lesson.ages.max),
            " ".repeat(minutes_width.saturating_sub(minutes.columns)),
            minutes.text,
            bar(ratio, 6),
            theme.layout.cell(&status_text, 15),
        );
        let mut line = choice_line(i == screen.selected, text, theme);
        if i != screen.selected && status == Status::Passed {
            line = line.style(theme.right);
        }
        lines.push(line);
    }
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
    if let Some(entry) = shown.get(screen.selected) {
        let lesson = entry.in_language(&app.language);
        let best = screen
            .student
            .record_of(lesson)
            .and_then(|r| r.best_percent())
            .map(|p| format!("   {}", t!(m, "lessons-best-score", percent = p)))
            .unwrap_or_default();
        // Both hang under their first word, so a long summary never runs to column 0.
        let lead = || vec![Span::raw(" ")];
        let mut text = hang(lead(), &lesson.summary, theme.text, detail.width, theme);
        let facts = t!(
            m,
            "lessons-facts",
            questions = lesson.question_count(),
            minutes = lesson.minutes,
            pass = lesson.pass_percent
        ) + &best;
        text.extend(hang(lead(), &facts, theme.dim, detail.width, theme));
        frame.render_widget(Paragraph::new(text), detail);
    }
    if !app.catalog.broken_files.is_empty() {
        let n = app.catalog.broken_files.len();
        let warn = format!(" {} ", t!(m, "lessons-broken-files", count = n));
        let row = Rect {
            y: detail.y + detail.height.saturating_sub(1),
            height: 1,
            ..detail
        };
        frame.render_widget(Paragraph::new(warn).style(theme.notice), row);
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
