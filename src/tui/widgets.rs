//! What several screens draw alike: the header, the footer of keys, panels, list rows,
//! gauges, and the functions that lay out lesson text. All lesson text (pages, prompts,
//! choices, chat messages, feedback, summaries, help lines, word meanings) is laid out
//! by `hang`, `hang_labelled` or `text_lines` here, never wrapped inside a screen, so
//! that a change here (right-to-left text, say) reaches every screen.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::keys::Binding;
use super::theme::Theme;
use crate::lesson::glossary;
use crate::strings;
use crate::text::{self as lesson_text, Block as TextBlock};

/// The app's name, and on the right who is using it.
pub fn draw_header(frame: &mut Frame, area: Rect, right: &str, theme: &Theme) {
    let left = Line::from(vec![
        Span::styled(
            format!(" {} ", strings::english().text("app-name")),
            theme.title,
        ),
        Span::styled(
            format!("· {}", strings::english().text("tagline")),
            theme.dim,
        ),
    ]);
    frame.render_widget(Paragraph::new(left), area);
    if !right.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(format!("{right} "), theme.title))
                .alignment(Alignment::Right),
            area,
        );
    }
}

/// The footer: the keys given, from the same bindings that handle them, on as many
/// rows as `width` needs (a binding is never split).
pub fn footer_lines(bindings: &[Binding], width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for b in bindings {
        let what = format!(" {}   ", b.what);
        let needed = lesson_text::width(b.keys) + lesson_text::width(what.trim_end());
        if used + needed > width as usize && spans.len() > 1 {
            lines.push(Line::from(std::mem::replace(
                &mut spans,
                vec![Span::raw(" ")],
            )));
            used = 1;
        }
        used += lesson_text::width(b.keys) + lesson_text::width(&what);
        spans.push(Span::styled(b.keys, theme.key));
        spans.push(Span::styled(what, theme.dim));
    }
    lines.push(Line::from(spans));
    lines
}

/// A bordered panel with a title.
pub fn panel<'a>(title: impl Into<Line<'a>>, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(title.into().style(theme.title))
}

/// A row of a list, marked when it is the one chosen.
pub fn choice_line(selected: bool, text: String, theme: &Theme) -> Line<'static> {
    if selected {
        Line::from(vec![
            Span::styled(" ▶", theme.key),
            Span::styled(text, theme.selected),
        ])
    } else {
        Line::from(vec![Span::raw("  "), Span::styled(text, theme.text)])
    }
}

/// The rows of a list scrolled by `scroll` that show in `inner`, with the index of the
/// item on each.
pub fn rows(inner: Rect, scroll: u16, items: usize) -> impl Iterator<Item = (Rect, usize)> {
    (scroll as usize..items)
        .take(inner.height as usize)
        .enumerate()
        .map(move |(row, i)| {
            let rect = Rect {
                y: inner.y + row as u16,
                height: 1,
                ..inner
            };
            (rect, i)
        })
}

/// The first row to show so that row `index` is visible in `height` rows.
pub fn scroll_to(index: usize, height: u16) -> u16 {
    (index as u16).saturating_sub(height.saturating_sub(1))
}

/// A prompt and what has been typed after it, with a cursor mark.
pub fn typed_field(prompt: &'static str, typed: &str, theme: &Theme) -> Vec<Line<'static>> {
    vec![
        Line::from(""),
        Line::from(prompt),
        Line::from(""),
        Line::from(vec![
            Span::raw("   "),
            Span::styled(format!("{typed}_"), theme.selected),
        ]),
    ]
}

/// A text gauge like `████░░░░`.
pub fn bar(ratio: f64, width: usize) -> String {
    let full = ((ratio.clamp(0.0, 1.0) * width as f64).round()) as usize;
    format!("{}{}", "█".repeat(full), "░".repeat(width - full))
}

/// The "more below" mark on the bottom border of a panel that scrolls.
pub fn more_below(frame: &mut Frame, area: Rect, theme: &Theme) {
    let more = Rect {
        y: area.y + area.height.saturating_sub(1),
        x: area.x + area.width.saturating_sub(14),
        width: 12.min(area.width),
        height: 1,
    };
    frame.render_widget(Paragraph::new(Span::styled(" ↓ more ", theme.key)), more);
}

/// `text` wrapped to `width` columns after `lead`, its later lines indented under the
/// text's first. Every wrapped lesson text in the player is drawn through here, so a
/// right-to-left reordering per line has one place to go.
pub fn hang(
    lead: Vec<Span<'static>>,
    text: &str,
    style: Style,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    hang_labelled(lead, ("", style), (text, style), width, theme)
}

/// Like `hang`, with a label in its own style before the text.
pub fn hang_labelled(
    lead: Vec<Span<'static>>,
    (label, label_style): (&str, Style),
    (text, style): (&str, Style),
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    // Glossary words lose their braces: starred where underline may not show, else
    // underlined after wrapping (so the marks never change where lines break).
    let starred;
    let (text, words) = if theme.ascii || !theme.has_colour() {
        starred = glossary::starred(text);
        (starred.as_str(), Vec::new())
    } else {
        let words: Vec<String> = glossary::marked_words(text)
            .into_iter()
            .map(|(shown, _)| shown)
            .collect();
        starred = glossary::plain(text);
        (starred.as_str(), words)
    };
    let lines = wrap_hanging(lead, (label, label_style), (text, style), width);
    if words.is_empty() {
        lines
    } else {
        underline(lines, &words, style)
    }
}

/// Underlines each of `words` in turn where it next appears in spans of the text's
/// `style`; a word that does not fit on one line is left as it is.
fn underline(lines: Vec<Line<'static>>, words: &[String], style: Style) -> Vec<Line<'static>> {
    let marked = style.add_modifier(Modifier::UNDERLINED);
    let mut next = 0;
    lines
        .into_iter()
        .map(|line| {
            let mut spans = Vec::new();
            for span in line.spans {
                if span.style != style {
                    spans.push(span);
                    continue;
                }
                let mut rest: &str = &span.content;
                loop {
                    // The earliest of the words still to come, so one that broke across
                    // lines does not hold up the rest.
                    let found = words[next.min(words.len())..]
                        .iter()
                        .enumerate()
                        .filter_map(|(i, w)| rest.find(w.as_str()).map(|at| (at, i, w.len())))
                        .min();
                    let Some((at, i, len)) = found else { break };
                    if at > 0 {
                        spans.push(Span::styled(rest[..at].to_string(), style));
                    }
                    spans.push(Span::styled(rest[at..at + len].to_string(), marked));
                    rest = &rest[at + len..];
                    next += i + 1;
                }
                if !rest.is_empty() {
                    spans.push(Span::styled(rest.to_string(), style));
                }
            }
            Line::from(spans)
        })
        .collect()
}

fn wrap_hanging(
    lead: Vec<Span<'static>>,
    (label, label_style): (&str, Style),
    (text, style): (&str, Style),
    width: u16,
) -> Vec<Line<'static>> {
    let lead_width: usize = lead.iter().map(Span::width).sum();
    let room = (width as usize).saturating_sub(lead_width).max(12);
    let joined = match (label.is_empty(), text.is_empty()) {
        (true, _) => text.to_string(),
        (false, true) => label.to_string(),
        (false, false) => format!("{label} {text}"),
    };
    let mut lines = Vec::new();
    for (i, chunk) in lesson_text::wrap(&joined, room).into_iter().enumerate() {
        let mut spans = if i == 0 {
            lead.clone()
        } else {
            vec![Span::raw(" ".repeat(lead_width))]
        };
        match chunk.strip_prefix(label) {
            Some(rest) if i == 0 && !label.is_empty() => {
                spans.push(Span::styled(label.to_string(), label_style));
                spans.push(Span::styled(rest.to_string(), style));
            }
            _ => spans.push(Span::styled(chunk, style)),
        }
        lines.push(Line::from(spans));
    }
    if lines.is_empty() {
        lines.push(Line::from(lead));
    }
    lines
}

/// Lesson text as lines: paragraphs with a blank line after, bullets with a dot.
pub fn text_lines(text: &str, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for block in lesson_text::blocks(text) {
        match block {
            TextBlock::Paragraph(p) => {
                // A paragraph straight after a list gets the same space as any other.
                if lines.last().is_some_and(|l: &Line| l.width() > 0) {
                    lines.push(Line::from(""));
                }
                lines.extend(hang(Vec::new(), &p, theme.text, width, theme));
                lines.push(Line::from(""));
            }
            TextBlock::Bullet(b) => lines.extend(hang(
                vec![Span::styled("  • ", theme.key)],
                &b,
                theme.text,
                width,
                theme,
            )),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_words_are_underlined_in_colour_and_starred_without_it() {
        let text = "Keep the {evidence} and tell a {trusted adult}.";
        let colour = hang(Vec::new(), text, Style::default(), 80, &Theme::colour());
        let underlined: Vec<&str> = colour[0]
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::UNDERLINED))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(underlined, ["evidence", "trusted adult"]);
        assert_eq!(
            colour[0].to_string(),
            "Keep the evidence and tell a trusted adult."
        );
        let mono = hang(Vec::new(), text, Style::default(), 80, &Theme::monochrome());
        assert_eq!(
            mono[0].to_string(),
            "Keep the evidence* and tell a trusted adult*."
        );
    }
}
