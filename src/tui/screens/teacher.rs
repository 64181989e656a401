//! The teacher view: every student by every lesson started, and the questions the
//! class missed most. Behind the teacher PIN when one is set.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Wrap};

use crate::i18n::Messages;
use crate::report::{ClassReport, Mistake};
use crate::t;
use crate::text as lesson_text;
use crate::tui::app::{App, Effect, Screen};
use crate::tui::keys::{Action as A, BACK_ESC, BACK_Q, Binding, HELP_KEY, K_J, Key::Code, bind};
use crate::tui::screens::students::StudentsScreen;

use crate::tui::widgets::{Paint, hang, hang_labelled, more_below, panel};

/// How the class is doing, for the teacher: the same report as `mehfooz report`.
pub struct TeacherScreen {
    pub report: ClassReport,
    /// The first student row and the first lesson column shown.
    pub row: usize,
    pub column: usize,
}

pub const BINDINGS: &[Binding] = &[
    bind(
        "↑↓",
        "teacher-key-students",
        &[(Code(KeyCode::Up), A::Up), (Code(KeyCode::Down), A::Down)],
    ),
    bind(
        "←→",
        "key-lessons",
        &[
            (Code(KeyCode::Left), A::Left),
            (Code(KeyCode::Right), A::Right),
        ],
    ),
    HELP_KEY,
    BACK_Q,
    BACK_ESC,
    K_J,
];

pub fn key(app: &mut App, action: A) -> Vec<Effect> {
    let Screen::Teacher(teacher) = &mut app.screen else {
        return Vec::new();
    };
    let rows = teacher.report.rows.len();
    let columns = teacher.report.lessons.len();
    match action {
        A::Up => teacher.row = teacher.row.saturating_sub(1),
        A::Down => teacher.row = (teacher.row + 1).min(rows.saturating_sub(1)),
        A::Left => teacher.column = teacher.column.saturating_sub(1),
        A::Right => teacher.column = (teacher.column + 1).min(columns.saturating_sub(1)),
        A::Back => app.screen = Screen::Students(StudentsScreen::new(0)),
        _ => {}
    }
    Vec::new()
}

/// The columns the bar chart of the most missed questions takes, left of their legend.
const BARS_WIDTH: u16 = 26;

/// The class report: students by lessons, then a bar chart of the most missed questions.
pub fn draw(frame: &mut Frame, area: Rect, m: &Messages, screen: &TeacherScreen, theme: &Paint) {
    // The teacher's words may still be English (the teacher's tools are) in an app read
    // right to left: then this view reads left to right, as they do.
    let theme = &Paint {
        right_to_left: theme.right_to_left
            && crate::text::direction_of(&m.text("teacher-student"))
                == Some(crate::text::Direction::RightToLeft),
        ..*theme
    };
    let report = &screen.report;
    // The most missed questions, each said whole beside its bar: the chart grows to
    // hold them into the room the class table leaves (a third of the screen at least,
    // half at most), and says "more" when even that is too little.
    let top: Vec<_> = report.missed.iter().take(5).collect();
    let legend_width = area.width.saturating_sub(2 + BARS_WIDTH);
    let mut legend = Vec::new();
    for (i, q) in top.iter().enumerate() {
        // Said so that it is true of the question: a chat's usual mistake is a red flag
        // left unmarked, not a message chosen.
        let mistake = match q.commonest_mistake() {
            Some(Mistake::Chose(text)) => t!(m, "teacher-most-chose", text = text),
            Some(Mistake::MissedFlag(text)) => t!(m, "teacher-flag-missed", text = text),
            Some(Mistake::MarkedSafe(text)) => t!(m, "teacher-harmless-marked", text = text),
            None => String::new(),
        };
        legend.extend(hang_labelled(
            Vec::new(),
            (
                &t!(
                    m,
                    "teacher-missed-count",
                    number = i + 1,
                    missed = q.missed,
                    answered = q.answered
                ),
                theme.key,
            ),
            (&format!("{}{mistake}", q.prompt), Style::default()),
            legend_width,
            theme,
        ));
    }
    let chart_height = if report.missed.is_empty() {
        3
    } else {
        // Borders, the heading, every student, the totals, lesson names and legend.
        let table = 2 + 1 + report.rows.len() as u16 + 4;
        let room = area
            .height
            .saturating_sub(table)
            .max(area.height / 3)
            .clamp(5, (area.height / 2).max(5));
        (legend.len() as u16 + 2).clamp(5, room)
    };
    let [table_area, chart_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(chart_height)]).areas(area);
    let block = panel(
        format!(" {} ", t!(m, "teacher-class", students = report.rows.len())),
        theme,
    );
    let inner = block.inner(table_area);
    frame.render_widget(block, table_area);
    let name_width = report
        .rows
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(7)
        .clamp(7, 20);
    const COLUMN: usize = 7;
    // Each student's languages, last, as wide as the widest (at most "en, ur, ur-Latn"
    // and a little more: a longer list is cut, the report has it whole).
    let languages_heading = m.text("teacher-languages");
    let languages: Vec<String> = (0..report.rows.len())
        .map(|row| report.student_languages(row))
        .collect();
    let languages_width = languages
        .iter()
        .chain([&languages_heading])
        .map(|l| lesson_text::width(l))
        .max()
        .unwrap_or(0)
        .min(18);
    let room = (inner.width as usize).saturating_sub(name_width + 2 + 2 + languages_width);
    let room = (room / COLUMN).max(1);
    let columns: Vec<usize> = (screen.column..report.lessons.len()).take(room).collect();
    let mut header = format!(" {:name_width$}", m.text("teacher-student"));
    for &c in &columns {
        header.push_str(&format!("{:>COLUMN$}", format!("L{}", c + 1)));
    }
    header.push_str(&format!("  {languages_heading}"));
    let mut passed = format!(" {:name_width$}", m.text("teacher-passed"));
    for &c in &columns {
        let t = &report.totals[c];
        passed.push_str(&format!(
            "{:>COLUMN$}",
            format!("{}/{}", t.passed, report.rows.len())
        ));
    }
    let names: Vec<String> = columns
        .iter()
        .map(|&c| match report.languages.get(c) {
            Some(languages) if !languages.is_empty() => t!(
                m,
                "teacher-lesson-languages",
                number = c + 1,
                title = report.lessons[c].1.as_str(),
                languages = languages.as_str()
            ),
            _ => format!("L{} {}", c + 1, report.lessons[c].1),
        })
        .collect();
    // The lesson names and the legend wrap under their own first word, inside the
    // border, and the student rows get what room is left.
    let lead = || vec![Span::raw(" ")];
    let mut below = vec![Line::styled(passed, theme.title)];
    below.extend(hang(
        lead(),
        &names.join(" · "),
        theme.dim,
        inner.width,
        theme,
    ));
    below.extend(hang(
        lead(),
        &m.text("teacher-legend"),
        theme.dim,
        inner.width,
        theme,
    ));
    let mut lines = vec![Line::styled(header, theme.title)];
    let body_rows = (inner.height as usize).saturating_sub(1 + below.len());
    let shown = report.rows.iter().zip(&languages);
    for ((name, cells), languages) in shown.skip(screen.row).take(body_rows) {
        let mut line = format!(" {}", lesson_text::fit(name, name_width));
        for &c in &columns {
            line.push_str(&format!("{:>COLUMN$}", crate::report::cell_text(&cells[c])));
        }
        let languages = if languages.is_empty() { "-" } else { languages };
        line.push_str("  ");
        line.push_str(&lesson_text::cut(languages, languages_width));
        lines.push(Line::raw(line));
    }
    lines.extend(below);
    frame.render_widget(Paragraph::new(lines), inner);

    let block = panel(format!(" {} ", m.text("teacher-missed-most")), theme);
    let inner = block.inner(chart_area);
    frame.render_widget(block, chart_area);
    if report.missed.is_empty() {
        frame.render_widget(
            Paragraph::new(format!(" {}", m.text("teacher-none-missed"))),
            inner,
        );
        return;
    }
    let [bars_area, legend_area] =
        Layout::horizontal([Constraint::Length(BARS_WIDTH), Constraint::Fill(1)]).areas(inner);
    let bars: Vec<Bar> = top
        .iter()
        .enumerate()
        .map(|(i, m)| {
            Bar::default()
                .value(m.missed as u64)
                .label(Line::from(format!("{}", i + 1)))
                .style(theme.wrong)
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(3)
            .bar_gap(2)
            .value_style(theme.selected),
        bars_area,
    );
    let hidden = legend.len() > legend_area.height as usize;
    frame.render_widget(
        Paragraph::new(legend).wrap(Wrap { trim: false }),
        legend_area,
    );
    if hidden {
        more_below(frame, chart_area, m, theme);
    }
}
