//! Drawing a frame: the header, the screen showing (each screen draws itself), any
//! notice, help over it all when open, and the footer of keys. Nothing here changes
//! state.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Screen, Target};
use super::keys::{self, Action, Binding, Key, SCROLL_KEY, bind};
use super::screens::{help, language, lessons, player, students, teacher};
use super::theme::Theme;
use super::widgets::{
    Paint, Rows, TextLayout, draw_header, footer_lines, notice_lines, panel, said,
};
use crate::t;

/// The smallest window the app draws in; below it, it asks for a bigger one.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 15;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    draw_with_targets(frame, app, theme);
}

/// Draws a frame and says where on it each thing a click can reach was drawn: the loop
/// keeps this to turn a click into a `Msg::Click`, so `update` never sees screen rows.
pub fn draw_with_targets(frame: &mut Frame, app: &App, theme: &Theme) -> Vec<(Rect, Target)> {
    let mut targets = Vec::new();
    draw_into(frame, app, theme, &mut targets);
    targets
}

fn draw_into(frame: &mut Frame, app: &App, theme: &Theme, targets: &mut Vec<(Rect, Target)>) {
    let theme = &Paint::new(theme, &app.text, &app.messages);
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        // Laid out as the app's other sentences are (Urdu joined and in reading order),
        // each line in the middle.
        let size = t!(
            app.messages,
            "window-size",
            min_width = MIN_WIDTH,
            min_height = MIN_HEIGHT,
            width = area.width,
            height = area.height
        );
        let mut lines = said(
            &app.messages.text("window-too-small"),
            Style::default(),
            area.width,
            theme,
        );
        lines.push(Line::from(""));
        lines.extend(said(&size, Style::default(), area.width, theme));
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|line| line.alignment(Alignment::Center))
            .collect();
        let height = (lines.len() as u16).min(area.height);
        let middle = Rect {
            y: area.y + area.height.saturating_sub(height) / 2,
            height,
            ..area
        };
        frame.render_widget(Rows::new(&lines, 0), middle);
        return;
    }
    let right = match &app.screen {
        Screen::Students(_) => String::new(),
        Screen::Lessons(l) => l.student.name.clone(),
        Screen::Player(p) => p.student.name.clone(),
        Screen::Teacher(_) => app.messages.text("teacher-header"),
    };
    // The footer shows the main keys of the same bindings `update` takes keys with; a
    // narrow window wraps them onto a second row rather than losing some.
    let bar_lines = footer_lines(
        &keys::footer(&app.bindings()),
        &app.messages,
        area.width,
        theme,
    );
    // A notice takes the rows it needs, up to a third of the window, so a long one (a
    // progress file set aside, with where it was put) is read to its end.
    let notice_lines = app
        .notice
        .as_ref()
        .map(|text| notice_lines(text, area.width, theme))
        .unwrap_or_default();
    let notice_height = (notice_lines.len() as u16).min(area.height / 3);
    let [header, body, notice, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(notice_height),
        Constraint::Length(bar_lines.len() as u16),
    ])
    .areas(area);
    draw_header(frame, header, &app.messages, &right, theme);
    match &app.screen {
        Screen::Students(s) => students::draw(frame, body, app, s, theme, targets),
        Screen::Lessons(l) => lessons::draw(frame, body, app, l, theme, targets),
        Screen::Player(p) => player::draw(frame, body, &app.messages, p, theme, targets),
        Screen::Teacher(t) => teacher::draw(frame, body, &app.messages, t, theme),
    }
    if !notice_lines.is_empty() {
        frame.render_widget(Paragraph::new(notice_lines).style(theme.notice), notice);
    }
    if let Some(scroll) = app.help {
        // Help covers the screen: nothing under it can be clicked.
        targets.clear();
        help::draw(frame, body, app, scroll, theme);
    }
    if let Some(row) = app.language_picker {
        targets.clear();
        language::draw(frame, body, app, row, theme);
    }
    frame.render_widget(Rows::new(&bar_lines, 0), bar);
}

/// Puts an ASCII stand-in in every cell that holds anything else, for a terminal that
/// is not UTF-8: box corners and lines, marks and arrows become `+ - | > v x ! # . ^ <`,
/// and any other character (a letter it could not show anyway) a `?`.
pub fn ascii_only(buffer: &mut ratatui::buffer::Buffer) {
    for cell in buffer.content.iter_mut() {
        let symbol = cell.symbol();
        if symbol.is_ascii() {
            continue;
        }
        let stand_in = match symbol {
            "╭" | "╮" | "╰" | "╯" | "┌" | "┐" | "└" | "┘" => "+",
            "─" | "━" => "-",
            "│" | "┃" => "|",
            "▶" | "→" => ">",
            "←" => "<",
            "↑" => "^",
            "↓" => "v",
            "✓" => "v",
            "✗" => "x",
            "⚑" => "!",
            "•" | "·" => "*",
            "○" => "o",
            "█" => "#",
            "░" => ".",
            "…" => "~",
            _ => "?",
        };
        cell.set_symbol(stand_in);
    }
}

/// The keys of a lesson file's problems, in a preview.
pub const PROBLEMS: &[Binding] = &[
    SCROLL_KEY,
    bind(
        "q",
        "key-quit",
        &[
            (Key::Letter('q'), Action::Back),
            (
                Key::Code(ratatui::crossterm::event::KeyCode::Esc),
                Action::Back,
            ),
        ],
    ),
];

/// A lesson file's problems, in place of the lesson, while it has errors (preview).
pub fn draw_problems(
    frame: &mut Frame,
    file: &std::path::Path,
    diagnostics: &[crate::diagnostic::Diagnostic],
    watching: bool,
    scroll: u16,
    theme: &Theme,
) {
    // A preview is the teacher's: its words are the English messages.
    let m = crate::strings::english();
    // A lesson file's problems are in English, as `check` prints them.
    let layout = TextLayout::new(crate::text::Mode::App);
    let theme = &Paint::new(theme, &layout, &m);
    let area = frame.area();
    let [header, body, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, header, &m, &m.text("teacher-preview-header"), theme);
    let mut lines = vec![
        Line::styled(
            t!(
                m,
                "teacher-preview-cannot-show",
                file = crate::strings::path_in(&m, file)
            ),
            theme.wrong,
        ),
        Line::from(""),
    ];
    for d in diagnostics {
        for (i, text) in d.to_string().lines().enumerate() {
            let style = if i == 0 { theme.title } else { theme.text };
            lines.push(Line::styled(text.to_string(), style));
        }
        lines.push(Line::from(""));
    }
    if watching {
        lines.push(Line::styled(
            m.text("teacher-preview-updates-itself"),
            theme.dim,
        ));
    }
    let block = panel(format!(" {} ", m.text("teacher-preview-problems")), theme);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
    frame.render_widget(
        Paragraph::new(footer_lines(PROBLEMS, &m, area.width, theme)),
        bar,
    );
}
