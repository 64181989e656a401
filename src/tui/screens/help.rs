//! The `?` help: where to get help now (the help lines), then every key of every
//! screen, from the same bindings the screens take keys with.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::t;
use crate::tui::app::App;
use crate::tui::keys::{
    self, Action as A, Binding, K_J, Key::Code, Key::Letter, PAGE_KEYS, SCROLL_KEY, also, bind,
};
use crate::tui::screens::SCREENS;

use crate::tui::widgets::{
    Laid, Paint, hang, hang_labelled, labelled_row, more_below, panel, said, text_lines,
};

pub const BINDINGS: &[Binding] = &[
    SCROLL_KEY,
    bind(
        "? q Esc",
        "key-close",
        &[
            (Code(KeyCode::Char('?')), A::Help),
            (Letter('q'), A::Back),
            (Code(KeyCode::Esc), A::Back),
        ],
    ),
    also("Enter", "key-close", &[(Code(KeyCode::Enter), A::Confirm)]),
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
    // The README is English.
    let m = crate::i18n::Messages::english();
    let mut table = String::from("| where | keys |\n|---|---|\n");
    for (screen, bindings) in all_screens() {
        let keys: Vec<String> = bindings
            .iter()
            .map(|b| format!("`{}` {}", b.keys, m.text(b.what)))
            .collect();
        table.push_str(&format!("| {} | {} |\n", m.text(screen), keys.join(" · ")));
    }
    table
}

/// Every screen's keys, then the ones that work everywhere.
fn all_screens() -> impl Iterator<Item = &'static (&'static str, &'static [Binding])> {
    SCREENS
        .iter()
        .chain(std::iter::once(&("keys-everywhere", keys::EVERYWHERE)))
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Paint) {
    let popup = area;
    frame.render_widget(Clear, popup);
    let m = &app.messages;
    let block = panel(format!(" {} ", m.text("help-title")), theme).padding(1);
    let inner = block.inner(popup);
    let mut lines = said(
        &m.text("help-get-help-now"),
        theme.title,
        inner.width,
        theme,
    );
    // The help lines in the child's language where translated.
    let translated = app
        .catalog
        .help_translations
        .iter()
        .find(|(tag, _)| tag.eq_ignore_ascii_case(&app.language))
        .map(|(_, t)| &t.content);
    match translated.or(app.catalog.help.as_ref()) {
        Some(help) => {
            lines.extend(text_lines(&help.advice, inner.width, theme));
            if let Some(region) = help.region(app.region.as_deref()) {
                lines.push(Line::from(""));
                lines.extend(said(
                    &t!(m, "help-lines-for", region = region.name.as_str()),
                    theme.title,
                    inner.width,
                    theme,
                ));
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
                                let confirmed = t!(
                                    m,
                                    "teacher-help-line-confirmed",
                                    date = date.to_string(),
                                    source = line.source.as_str()
                                );
                                format!("   {confirmed}")
                            }
                            None => format!(
                                "   {}",
                                t!(
                                    m,
                                    "teacher-help-line-unconfirmed",
                                    source = line.source.as_str()
                                )
                            ),
                        };
                        lines.push(Line::styled(confirmed, theme.dim));
                    }
                }
            }
        }
        None => lines.extend(said(
            &m.text("never-your-fault"),
            Style::default(),
            inner.width,
            theme,
        )),
    }
    lines.push(Line::from(""));
    lines.extend(said(&m.text("help-keys"), theme.title, inner.width, theme));
    for (screen, bindings) in all_screens() {
        let keys: Vec<String> = bindings
            .iter()
            .map(|b| format!("{} {}", b.keys, m.text(b.what)))
            .collect();
        lines.extend(labelled_row(
            (&format!("{}:", m.text(screen)), theme.key),
            (&keys.join(&m.text("list-separator")), Style::default()),
            inner.width,
            theme,
        ));
    }
    lines.extend(said(
        &m.text("help-saved-as-you-go"),
        Style::default(),
        inner.width,
        theme,
    ));
    let laid = Laid::new(lines, inner.width);
    let max_scroll = laid.height().saturating_sub(inner.height);
    let scroll = scroll.min(max_scroll);
    frame.render_widget(block, popup);
    laid.draw(frame, inner, scroll);
    if scroll < max_scroll {
        more_below(frame, popup, m, theme);
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
