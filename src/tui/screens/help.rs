//! The `?` help: where to get help now (the help lines), then every key of every
//! screen, from the same bindings the screens take keys with.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::strings;
use crate::tui::app::App;
use crate::tui::keys::{
    self, Action as A, Binding, K_J, Key::Code, Key::Letter, PAGE_KEYS, SCROLL_KEY, also, bind,
};
use crate::tui::screens::SCREENS;

use crate::tui::widgets::{Paint, hang, hang_labelled, more_below, panel, text_lines};

pub const BINDINGS: &[Binding] = &[
    SCROLL_KEY,
    bind(
        "? q Esc",
        "close",
        &[
            (Code(KeyCode::Char('?')), A::Help),
            (Letter('q'), A::Back),
            (Code(KeyCode::Esc), A::Back),
        ],
    ),
    also("Enter", "close", &[(Code(KeyCode::Enter), A::Confirm)]),
    K_J,
    PAGE_KEYS,
];

/// A key while help is open: it scrolls, or closes help (`None`).
pub fn key(scroll: u16, action: A) -> Option<u16> {
    Some(match action {
        A::Up => scroll.saturating_sub(1),
        A::Down => scroll.saturating_add(1),
        A::PageUp => scroll.saturating_sub(10),
        A::PageDown => scroll.saturating_add(10),
        A::Help | A::Back | A::Confirm => return None,
        _ => scroll,
    })
}

/// The README's key table, made from the bindings the screens take keys with, so the
/// two agree.
pub fn readme_table() -> String {
    let mut table = String::from("| where | keys |\n|---|---|\n");
    for (screen, bindings) in SCREENS.iter().chain(&[("everywhere", keys::EVERYWHERE)]) {
        let keys: Vec<String> = bindings
            .iter()
            .map(|b| format!("`{}` {}", b.keys, b.what))
            .collect();
        table.push_str(&format!("| {screen} | {} |\n", keys.join(" · ")));
    }
    table
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Paint) {
    let popup = area;
    frame.render_widget(Clear, popup);
    let block = panel(" Help ", theme).padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(popup);
    let mut lines = vec![Line::styled("Get help now", theme.title)];
    match &app.catalog.help {
        Some(help) => {
            lines.extend(text_lines(&help.advice, inner.width, theme));
            if let Some(region) = help.region(app.region.as_deref()) {
                lines.push(Line::from(""));
                lines.push(theme.layout.line(Line::styled(
                    format!("Help lines: {}", region.name),
                    theme.title,
                )));
                for line in &region.lines {
                    lines.extend(hang_labelled(
                        Vec::new(),
                        (&format!("{}:", line.name), theme.key),
                        (&line.contact, theme.title),
                        inner.width,
                        theme,
                    ));
                    lines.extend(hang(
                        vec![Span::raw("   ")],
                        &line.purpose,
                        Style::default(),
                        inner.width,
                        theme,
                    ));
                    // Where a line comes from is for the teacher checking it, not for a
                    // frightened child looking for someone to call.
                    if app.preview {
                        let confirmed = match line.confirmed {
                            Some(date) => {
                                format!("   Last confirmed {date} ({}).", line.source)
                            }
                            None => format!(
                                "   Source: {}. Date not known: check before calling.",
                                line.source
                            ),
                        };
                        lines.push(Line::styled(confirmed, theme.dim));
                    }
                }
            }
        }
        None => lines.push(Line::raw(strings::english().text("never-your-fault"))),
    }
    lines.push(Line::from(""));
    lines.push(Line::styled("Keys", theme.title));
    for (screen, bindings) in SCREENS.iter().chain(&[("everywhere", keys::EVERYWHERE)]) {
        let keys: Vec<String> = bindings
            .iter()
            .map(|b| format!("{} {}", b.keys, b.what))
            .collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{screen}: "), theme.key),
            Span::raw(keys.join(", ")),
        ]));
    }
    lines.push(Line::raw("Your answers are saved as you go."));
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let height = paragraph.line_count(inner.width) as u16;
    let max_scroll = height.saturating_sub(inner.height);
    let scroll = scroll.min(max_scroll);
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), popup);
    if scroll < max_scroll {
        more_below(frame, popup, theme);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_key_table_is_the_one_the_bindings_make() {
        let readme = include_str!("../../../README.md");
        let table = readme_table();
        assert!(
            readme.contains(&table),
            "README.md's key table differs from the bindings; it should read:\n{table}"
        );
    }
}
