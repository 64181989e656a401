//! What several screens draw alike: the header, the footer of keys, panels, list rows,
//! gauges, and the functions that lay out lesson text. All lesson text (pages, prompts,
//! choices, chat messages, feedback, summaries, help lines, word meanings) is laid out
//! by `hang`, `hang_labelled` or `text_lines` here, never wrapped inside a screen, so
//! that a change here (right-to-left text, say) reaches every screen. Urdu is laid out
//! here too: joined and reordered by the app (or left to the terminal, by
//! `text_direction`), right-to-left paragraphs right-aligned with their marks on the
//! right, and every label of the app's own through `text::display_label`.

use std::cell::RefCell;
use std::ops::Deref;

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::keys::Binding;
use super::theme::Theme;
use crate::i18n::Messages;
use crate::lesson::glossary;
use crate::text::{self as lesson_text, Align, Block as TextBlock, DisplayCache, Mode};

/// How text is put on screen: who reorders right-to-left text (`text_direction`), and
/// the paragraphs already laid out, so that a frame redrawn lays out each paragraph once
/// per width. Kept in the app's state from frame to frame.
#[derive(Debug, Default)]
pub struct TextLayout {
    mode: Mode,
    cache: RefCell<DisplayCache>,
}

impl TextLayout {
    pub fn new(mode: Mode) -> Self {
        TextLayout {
            mode,
            cache: RefCell::new(DisplayCache::new()),
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// `text` wrapped to `width` columns in display order, running in `direction`, else
    /// the way its own first letter does.
    fn lines(
        &self,
        text: &str,
        direction: Option<lesson_text::Direction>,
        width: usize,
    ) -> Vec<lesson_text::Line> {
        let direction = direction.or_else(|| lesson_text::direction_of(text));
        self.cache
            .borrow_mut()
            .lines_in(text, width, self.mode, direction)
            .to_vec()
    }

    /// One of the app's own words (a title, a key's name, a notice) as it must be drawn,
    /// cut to `columns`.
    pub fn label(&self, text: &str, columns: usize) -> lesson_text::Line {
        lesson_text::display_label(text, columns, self.mode)
    }

    /// `text` drawn in exactly `columns` columns: cut, and padded on the side away from
    /// where it starts (so Urdu sits at the right of its column).
    pub fn cell(&self, text: &str, columns: usize) -> String {
        let line = self.label(text, columns);
        let pad = " ".repeat(columns.saturating_sub(line.columns));
        match line.align {
            Align::Left => line.text + &pad,
            Align::Right => pad + &line.text,
        }
    }

    /// Spans drawn in one row, in display order: when the row reads right to left
    /// (`right_to_left`, in the app's mode), their order is turned round and each is put
    /// as Urdu puts it; otherwise each label is joined and ordered on its own.
    fn spans(&self, spans: Vec<Span<'static>>, right_to_left: bool) -> Vec<Span<'static>> {
        if right_to_left && self.mode == Mode::App {
            spans
                .into_iter()
                .rev()
                .map(|s| Span::styled(lesson_text::right_to_left_piece(&s.content), s.style))
                .collect()
        } else {
            spans
                .into_iter()
                .map(|s| {
                    let shown = self.label(&s.content, usize::MAX).text;
                    Span::styled(shown, s.style)
                })
                .collect()
        }
    }

    /// A line of labels: right-aligned when it reads right to left in the app's mode.
    pub fn line(&self, line: Line<'static>) -> Line<'static> {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let right_to_left =
            lesson_text::direction_of(&text) == Some(lesson_text::Direction::RightToLeft);
        self.line_reading(line, right_to_left)
    }

    /// A line of labels that reads right to left or not as said, whatever its first
    /// letter: an Urdu sentence of the app's that starts with a child's name in English
    /// letters still reads from the right.
    pub fn line_reading(&self, line: Line<'static>, right_to_left: bool) -> Line<'static> {
        let rtl = self.mode == Mode::App && right_to_left;
        let style = line.style;
        let mut shown = Line::from(self.spans(line.spans, rtl)).style(style);
        if rtl {
            shown = shown.alignment(Alignment::Right);
        }
        shown
    }
}

/// What every drawing function is given: the colours, and how text is laid out. It
/// stands for the theme (`paint.dim`), so screens take it where they took the theme.
#[derive(Clone, Copy)]
pub struct Paint<'a> {
    pub theme: &'a Theme,
    pub layout: &'a TextLayout,
    /// The app's own words read right to left (its language does, and the app lays out
    /// Urdu itself): then a sentence of the app's reads from the right even when it
    /// starts with a name, a path or a key in English letters.
    pub right_to_left: bool,
}

impl<'a> Paint<'a> {
    /// The colours and layout, for words in the language of `m`.
    pub fn new(theme: &'a Theme, layout: &'a TextLayout, m: &Messages) -> Self {
        Paint {
            theme,
            layout,
            right_to_left: layout.mode() == Mode::App && m.reads_right_to_left(),
        }
    }

    /// The direction the app's own sentences run in.
    fn direction(&self) -> lesson_text::Direction {
        match self.right_to_left {
            true => lesson_text::Direction::RightToLeft,
            false => lesson_text::Direction::LeftToRight,
        }
    }
}

impl Deref for Paint<'_> {
    type Target = Theme;

    fn deref(&self) -> &Theme {
        self.theme
    }
}

/// The app's name, and on the right who is using it.
pub fn draw_header(frame: &mut Frame, area: Rect, m: &Messages, right: &str, theme: &Paint) {
    let left = Line::from(vec![
        Span::styled(format!(" {} ", m.text("app-name")), theme.title),
        Span::styled(format!("· {}", m.text("tagline")), theme.dim),
    ]);
    // The app's name stays at the left, whatever its language: the right end is the
    // child's name.
    let left = theme.layout.line(left).alignment(Alignment::Left);
    frame.render_widget(Rows::new(&[left], 0), area);
    if !right.is_empty() {
        let right = theme.layout.label(right, area.width as usize / 2);
        let right = Line::styled(format!("{} ", right.text), theme.title);
        frame.render_widget(
            Paragraph::new(measured_as_drawn(right)).alignment(Alignment::Right),
            area,
        );
    }
}

/// The footer: the keys given, from the same bindings that handle them, on as many
/// rows as `width` needs (a binding is never split).
pub fn footer_lines(
    bindings: &[Binding],
    m: &Messages,
    width: u16,
    theme: &Paint,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for b in bindings {
        let keys = theme.layout.label(b.keys, width as usize).text;
        let what = format!(
            " {}   ",
            theme.layout.label(&m.text(b.what), width as usize).text
        );
        let needed = lesson_text::width(&keys) + lesson_text::width(what.trim_end());
        if used + needed > width as usize && spans.len() > 1 {
            lines.push(Line::from(std::mem::replace(
                &mut spans,
                vec![Span::raw(" ")],
            )));
            used = 1;
        }
        used += lesson_text::width(&keys) + lesson_text::width(&what);
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(what, theme.dim));
    }
    lines.push(Line::from(spans));
    lines.into_iter().map(measured_as_drawn).collect()
}

/// A bordered panel with a title: rounded corners in the border style, the title on the
/// top border from its second column (at its right end for a title that reads right to
/// left). Drawn here rather than as ratatui's `Block`, which also styles every cell
/// inside it, a tenth of a frame at 200x60.
#[derive(Clone)]
pub struct Panel {
    title: Line<'static>,
    border: Style,
    padding: u16,
}

/// A panel with a title of the app's own, which reads the way the app's language does.
pub fn panel(title: impl Into<Line<'static>>, theme: &Paint) -> Panel {
    Panel {
        title: theme
            .layout
            .line_reading(title.into(), theme.right_to_left)
            .style(theme.title),
        border: theme.border,
        padding: 0,
    }
}

impl Panel {
    /// Keeps `columns` clear inside the border, left and right.
    pub fn padding(mut self, columns: u16) -> Self {
        self.padding = columns;
        self
    }

    /// The area inside the border and the padding.
    pub fn inner(&self, area: Rect) -> Rect {
        Rect {
            x: area.x.saturating_add(1 + self.padding),
            y: area.y.saturating_add(1),
            width: area.width.saturating_sub(2 + 2 * self.padding),
            height: area.height.saturating_sub(2),
        }
    }
}

impl Widget for Panel {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width < 2 || area.height < 2 {
            return;
        }
        let (left, right) = (area.left(), area.right() - 1);
        let (top, bottom) = (area.top(), area.bottom() - 1);
        for x in left + 1..right {
            buf[(x, top)].set_symbol("─").set_style(self.border);
            buf[(x, bottom)].set_symbol("─").set_style(self.border);
        }
        for y in top + 1..bottom {
            buf[(left, y)].set_symbol("│").set_style(self.border);
            buf[(right, y)].set_symbol("│").set_style(self.border);
        }
        for (x, y, corner) in [
            (left, top, "╭"),
            (right, top, "╮"),
            (left, bottom, "╰"),
            (right, bottom, "╯"),
        ] {
            buf[(x, y)].set_symbol(corner).set_style(self.border);
        }
        let room = area.width - 2;
        let title = match self.title.alignment {
            // A title at the right end that is too long keeps its right end, where a
            // right-to-left title begins (as ratatui's `Block` does).
            Some(Alignment::Right) => keep_right_end(self.title, room),
            _ => self.title,
        };
        put_line(&title, left + 1, top, room, buf);
    }
}

/// The cells `text` takes as ratatui draws it: a cell or two for each grapheme it shows.
fn drawn_width(text: &str) -> usize {
    Span::raw(text)
        .styled_graphemes(Style::default())
        .map(|g| g.symbol.cell_width() as usize)
        .sum()
}

/// `line` with letters taken off its left end until it fits in `columns`.
fn keep_right_end(line: Line<'static>, columns: u16) -> Line<'static> {
    let mut over = line
        .spans
        .iter()
        .map(|s| drawn_width(&s.content))
        .sum::<usize>()
        .saturating_sub(columns as usize);
    if over == 0 {
        return line;
    }
    let mut kept = line.clone();
    kept.spans.clear();
    for span in line.spans {
        if over == 0 {
            kept.spans.push(span);
            continue;
        }
        let mut rest = String::new();
        for g in Span::raw(span.content.as_ref()).styled_graphemes(Style::default()) {
            if over > 0 {
                over = over.saturating_sub(g.symbol.cell_width() as usize);
            } else {
                rest.push_str(g.symbol);
            }
        }
        if !rest.is_empty() {
            kept.spans.push(Span::styled(rest, span.style));
        }
    }
    kept
}

/// `line` with each span given room after it that ratatui counts but never shows, as
/// much as ratatui would count the span short. ratatui measures a span with
/// `unicode-width`, which counts an unjoined lam-alef (as written for a terminal that
/// joins letters itself) as one column; but it draws lam and alef in a cell each. So a
/// title got one cell too few, its closing space was dropped and the border ran into it,
/// and the span after such a span began a cell early, over the space before it.
pub fn measured_as_drawn(mut line: Line<'static>) -> Line<'static> {
    for span in &mut line.spans {
        let short = lesson_text::width(&span.content).saturating_sub(span.width());
        if short > 0 {
            span.content = format!("{}{}", span.content, " ".repeat(short)).into();
        }
    }
    line
}

/// A row of a list, marked when it is the one chosen. `text` is as it must be drawn
/// (its Urdu already put in order, by `TextLayout::cell` or `label`).
pub fn choice_line(selected: bool, text: String, theme: &Paint) -> Line<'static> {
    if selected {
        Line::from(vec![
            Span::styled(" ▶", theme.key),
            Span::styled(text, theme.selected),
        ])
    } else {
        Line::from(vec![Span::raw("  "), Span::styled(text, theme.text)])
    }
}

/// Lines laid out `width` columns wide, ready to draw from any row: the lines, the row
/// each starts on, and whether any is wider than `width` (then they are wrapped as a
/// paragraph). The lines laid out here are already wrapped, so each takes one row and
/// only a wider one is measured: measuring every line with ratatui's wrapper, once for
/// the height and again for each clickable item, took a large part of a frame.
pub struct Laid {
    lines: Vec<Line<'static>>,
    starts: Vec<u16>,
    wider: bool,
}

impl Laid {
    pub fn new(lines: Vec<Line<'static>>, width: u16) -> Self {
        let mut starts = Vec::with_capacity(lines.len() + 1);
        let mut row: u16 = 0;
        let mut wider = false;
        for line in &lines {
            starts.push(row);
            // Measured as drawn: ratatui counts an unjoined lam-alef one cell short.
            let columns: usize = line
                .spans
                .iter()
                .map(|s| lesson_text::width(&s.content))
                .sum();
            let rows = if columns <= width as usize {
                1
            } else {
                wider = true;
                Paragraph::new(line.clone())
                    .wrap(Wrap { trim: false })
                    .line_count(width) as u16
            };
            row = row.saturating_add(rows);
        }
        starts.push(row);
        Laid {
            lines,
            starts,
            wider,
        }
    }

    /// The rows all the lines take.
    pub fn height(&self) -> u16 {
        self.starts.last().copied().unwrap_or(0)
    }

    /// The row line `line` starts on (`height()` for the end of the last).
    pub fn start(&self, line: usize) -> u16 {
        self.starts[line]
    }

    /// Draws the lines in `area` from row `scroll` on.
    pub fn draw(self, frame: &mut Frame, area: Rect, scroll: u16) {
        self.draw_into(area, frame.buffer_mut(), scroll);
    }

    fn draw_into(self, area: Rect, buf: &mut Buffer, scroll: u16) {
        if self.wider {
            Paragraph::new(self.lines)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0))
                .render(area, buf);
        } else {
            Rows::new(&self.lines, scroll as usize).render(area, buf);
        }
    }
}

/// Lines drawn one to a row from line `scroll` on, each aligned in its row, onto a blank
/// area (every screen draws onto one: the buffer is new each frame, and a popup clears
/// what it covers): the same cells and styles as an unstyled `Paragraph` of the same
/// lines (tested below), a line too long for its row cut at the right edge. Plain ASCII
/// text (most lesson text and every list row's padding) is written straight into the
/// cells, and a plain space in no style is left as the blank it already is; splitting
/// text into graphemes first, as a paragraph does, was most of the work of a frame at
/// 200x60.
pub struct Rows<'a> {
    lines: &'a [Line<'a>],
    scroll: usize,
}

impl<'a> Rows<'a> {
    pub fn new(lines: &'a [Line<'a>], scroll: usize) -> Self {
        Rows { lines, scroll }
    }
}

impl Widget for Rows<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        for (y, line) in (area.top()..area.bottom()).zip(self.lines.iter().skip(self.scroll)) {
            put_line(line, area.x, y, area.width, buf);
        }
    }
}

/// A letter the terminal shows in one cell of its own: a printable ASCII letter. No
/// grapheme joins two of them, so text can be cut between any two.
fn is_plain(byte: u8) -> bool {
    (b' '..=b'~').contains(&byte)
}

/// A letter that is a grapheme of its own, one cell wide, that nothing after it joins
/// unless that is a mark: a printable ASCII letter; an Urdu letter, digit or stop,
/// unjoined or in a joined form (Presentation Forms A and B, as the app writes Urdu for
/// a terminal), but not a mark nor a sign that joins the number after it; and the
/// arrows, dots, lines and blocks of the app's gauges and borders. A test checks every
/// one of them.
fn stands_alone(letter: char) -> bool {
    matches!(letter,
        ' '..='~'
        | '\u{060C}' | '\u{061B}' | '\u{061F}'
        | '\u{0621}'..='\u{064A}'
        | '\u{0660}'..='\u{066F}'
        | '\u{0671}'..='\u{06D5}'
        | '\u{06EE}'..='\u{06FF}'
        | '\u{FB50}'..='\u{FDCF}'
        | '\u{FDF0}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFC}'
        | '·' | '•' | '…'
        | '←'..='↓'
        | '\u{2500}'..='\u{259F}'
        | '▶'
    )
}

/// `text` in pieces whose ends are grapheme boundaries: runs of plain letters (`true`),
/// which go a letter to a cell, and the rest (`false`), each with the plain letter on
/// either side of it, which a mark after it or a sign before it may join.
fn pieces(text: &str) -> Vec<(&str, bool)> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        if is_plain(bytes[i]) {
            i += 1;
            continue;
        }
        // The plain letter before, unless the piece before holds it.
        let from = i.saturating_sub(1).max(plain_from);
        let mut to = i;
        loop {
            while to < bytes.len() && !is_plain(bytes[to]) {
                to += 1;
            }
            // Runs one plain letter apart are one piece: both may join that letter.
            if to + 1 < bytes.len() && !is_plain(bytes[to + 1]) {
                to += 1;
                continue;
            }
            break;
        }
        // And the plain letter after.
        let to = (to + 1).min(bytes.len());
        if from > plain_from {
            pieces.push((&text[plain_from..from], true));
        }
        pieces.push((&text[from..to], false));
        plain_from = to;
        i = to;
    }
    if plain_from < bytes.len() {
        pieces.push((&text[plain_from..], true));
    }
    pieces
}

fn put_line(line: &Line, left: u16, y: u16, width: u16, buf: &mut Buffer) {
    let mut x = match line.alignment.unwrap_or(Alignment::Left) {
        Alignment::Left => 0,
        // Where a paragraph starts an aligned line.
        aligned => {
            let used: usize = line
                .spans
                .iter()
                .flat_map(|span| pieces(&span.content))
                .map(|(piece, plain)| match plain {
                    true => piece.len(),
                    false => drawn_width(piece),
                })
                .sum();
            let used = used.min(u16::MAX as usize) as u16;
            match aligned {
                Alignment::Center => (width / 2).saturating_sub(used / 2),
                _ => width.saturating_sub(used),
            }
        }
    };
    // The row's cells, found once: indexing the buffer by position for every letter was
    // a fifth of the work.
    let Some(start) = buf
        .area
        .contains((left, y).into())
        .then(|| buf.index_of(left, y))
    else {
        return;
    };
    let room = width.min(buf.area.right().saturating_sub(left));
    let cells = &mut buf.content[start..start + room as usize];
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for (piece, plain) in pieces(&span.content) {
            if plain {
                let blank = style == Style::default();
                for letter in piece.bytes() {
                    let Some(cell) = cells.get_mut(x as usize) else {
                        return;
                    };
                    // On a blank area a plain space is already there: the padding of a
                    // list row or the gaps between words cost nothing.
                    if !(blank && letter == b' ') {
                        cell.set_char(char::from(letter)).set_style(style);
                    }
                    x += 1;
                }
                continue;
            }
            // Joined Urdu letters go a letter to a cell, as plain ones do, until one that
            // may be joined by what follows it; from there on the piece is split into
            // graphemes.
            let mut rest = piece;
            let mut letters = piece.char_indices().peekable();
            while let Some((at, letter)) = letters.next() {
                let next = letters.peek().map(|&(_, next)| next);
                if !(stands_alone(letter) && next.is_none_or(stands_alone)) {
                    rest = &piece[at..];
                    break;
                }
                rest = &piece[at + letter.len_utf8()..];
                let Some(cell) = cells.get_mut(x as usize) else {
                    return;
                };
                cell.set_char(letter).set_style(style);
                x += 1;
            }
            for grapheme in Span::styled(rest, span.style).styled_graphemes(line.style) {
                let columns = grapheme.symbol.cell_width();
                // As a paragraph does: a letter wider than the whole row is left out.
                if columns == 0 || columns > width {
                    continue;
                }
                if x + columns > width {
                    return;
                }
                let symbol = if grapheme.symbol.is_empty() {
                    " "
                } else {
                    grapheme.symbol
                };
                let Some(cell) = cells.get_mut(x as usize) else {
                    return;
                };
                cell.set_symbol(symbol).set_style(grapheme.style);
                x += columns;
            }
        }
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
pub fn typed_field(prompt: &str, typed: &str, theme: &Paint) -> Vec<Line<'static>> {
    // The cursor mark goes where the next letter will: at the left end of Urdu.
    let typed = theme.layout.label(typed, usize::MAX);
    let field = match typed.align {
        Align::Left => format!("{}_", typed.text),
        Align::Right => format!("_{}", typed.text),
    };
    vec![
        Line::from(""),
        theme.layout.line(Line::from(prompt.to_string())),
        Line::from(""),
        Line::from(vec![Span::raw("   "), Span::styled(field, theme.selected)]),
    ]
}

/// A text gauge like `████░░░░`.
pub fn bar(ratio: f64, width: usize) -> String {
    let full = ((ratio.clamp(0.0, 1.0) * width as f64).round()) as usize;
    format!("{}{}", "█".repeat(full), "░".repeat(width - full))
}

/// The "more below" mark on the bottom border of a panel that scrolls.
pub fn more_below(frame: &mut Frame, area: Rect, m: &Messages, theme: &Paint) {
    let more = Rect {
        y: area.y + area.height.saturating_sub(1),
        x: area.x + area.width.saturating_sub(14),
        width: 12.min(area.width),
        height: 1,
    };
    let label = theme
        .layout
        .label(&format!(" {} ", m.text("more-below")), more.width as usize)
        .text;
    frame.render_widget(
        Rows::new(&[Line::from(Span::styled(label, theme.key))], 0),
        more,
    );
}

/// `text` wrapped to `width` columns after `lead`, its later lines indented under the
/// text's first. Every wrapped lesson text is drawn through here: a right-to-left
/// paragraph (in the app's mode) is right-aligned, with `lead` on its right.
pub fn hang(
    lead: Vec<Span<'static>>,
    text: &str,
    style: Style,
    width: u16,
    theme: &Paint,
) -> Vec<Line<'static>> {
    hang_labelled(lead, ("", style), (text, style), width, theme)
}

/// Like `hang`, with a label in its own style before the text. The text, not the label,
/// decides the paragraph's direction (an English label before Urdu still reads as Urdu).
pub fn hang_labelled(
    lead: Vec<Span<'static>>,
    (label, label_style): (&str, Style),
    (text, style): (&str, Style),
    width: u16,
    theme: &Paint,
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
            .map(|(shown, _)| theme.layout.label(&shown, usize::MAX).text)
            .collect();
        starred = glossary::plain(text);
        (starred.as_str(), words)
    };
    let lines = wrap_hanging(
        lead,
        (label, label_style),
        (text, style),
        lesson_text::direction_of(text),
        width,
        theme.layout,
    );
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
            let alignment = line.alignment;
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
            let mut line = Line::from(spans);
            line.alignment = alignment;
            line
        })
        .collect()
}

/// `decides` is the part (the label or the text) whose first letter decides which way
/// the paragraph reads.
fn wrap_hanging(
    lead: Vec<Span<'static>>,
    (label, label_style): (&str, Style),
    (text, style): (&str, Style),
    direction: Option<lesson_text::Direction>,
    width: u16,
    layout: &TextLayout,
) -> Vec<Line<'static>> {
    let lead_width: usize = lead.iter().map(Span::width).sum();
    let room = (width as usize).saturating_sub(lead_width).max(12);
    let joined = match (label.is_empty(), text.is_empty()) {
        (true, _) => text.to_string(),
        (false, true) => label.to_string(),
        (false, false) => format!("{label} {text}"),
    };
    // The label as it shows at the start of the first line: at its left end when the
    // paragraph reads left to right, at its right end (joined, reordered) when not.
    let shown_label = layout.label(label, usize::MAX).text;
    let blank = || Span::raw(" ".repeat(lead_width));
    let mut lines = Vec::new();
    let laid = layout.lines(&joined, direction, room);
    for (i, line) in laid.into_iter().enumerate() {
        let right_to_left = line.align == Align::Right;
        let mut body = Vec::new();
        let split = if i > 0 || label.is_empty() {
            None
        } else if right_to_left {
            line.text
                .strip_suffix(shown_label.as_str())
                .map(|rest| (rest.to_string(), true))
        } else {
            line.text
                .strip_prefix(label)
                .map(|rest| (rest.to_string(), false))
        };
        match split {
            Some((rest, true)) => {
                body.push(Span::styled(rest, style));
                body.push(Span::styled(shown_label.clone(), label_style));
            }
            Some((rest, false)) => {
                body.push(Span::styled(label.to_string(), label_style));
                body.push(Span::styled(rest, style));
            }
            None => body.push(Span::styled(line.text.clone(), style)),
        }
        let mut spans = Vec::new();
        if right_to_left {
            // Right-aligned in the room beside the lead, the lead (mirrored) on the right.
            spans.push(Span::raw(" ".repeat(line.indent(room))));
            spans.extend(body);
            if i == 0 {
                spans.extend(layout.spans(lead.clone(), true));
            } else {
                spans.push(blank());
            }
        } else {
            if i == 0 {
                spans.extend(layout.spans(lead.clone(), false));
            } else {
                spans.push(blank());
            }
            spans.extend(body);
        }
        lines.push(Line::from(spans));
    }
    if lines.is_empty() {
        lines.push(Line::from(lead));
    }
    lines
}

/// A notice of the app's own (a file that could not be read, a save that failed),
/// wrapped to `width` like lesson text and, in Urdu, right-aligned.
pub fn notice_lines(text: &str, width: u16, theme: &Paint) -> Vec<Line<'static>> {
    said(text, theme.notice, width, theme)
}

/// A sentence of the app's own (an instruction, the summary's words), wrapped to `width`
/// like lesson text: in Urdu, wrapped in reading order and then each line put in display
/// order and right-aligned, so a long one never shows its end first. It reads the way
/// the app's language does, whatever its first word.
pub fn said(text: &str, style: Style, width: u16, theme: &Paint) -> Vec<Line<'static>> {
    wrap_hanging(
        Vec::new(),
        ("", style),
        (text, style),
        Some(theme.direction()),
        width,
        theme.layout,
    )
}

/// A row of the app's own: a label in its own style, then its text, wrapped like
/// lesson text. Unlike `hang_labelled`, the app's language decides which way the row
/// reads, while the text may open with a key's name ("Enter").
pub fn labelled_row(
    (label, label_style): (&str, Style),
    (text, style): (&str, Style),
    width: u16,
    theme: &Paint,
) -> Vec<Line<'static>> {
    wrap_hanging(
        Vec::new(),
        (label, label_style),
        (text, style),
        Some(theme.direction()),
        width,
        theme.layout,
    )
}

/// Lesson text as lines: paragraphs with a blank line after, bullets with a dot.
pub fn text_lines(text: &str, width: u16, theme: &Paint) -> Vec<Line<'static>> {
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

    fn paint<'a>(theme: &'a Theme, layout: &'a TextLayout) -> Paint<'a> {
        Paint {
            theme,
            layout,
            right_to_left: false,
        }
    }

    /// As the app paints in the language `text` is in.
    fn paint_for<'a>(theme: &'a Theme, layout: &'a TextLayout, text: &str) -> Paint<'a> {
        let right_to_left = layout.mode() == Mode::App
            && lesson_text::direction_of(text) == Some(lesson_text::Direction::RightToLeft);
        Paint {
            right_to_left,
            ..paint(theme, layout)
        }
    }

    /// Pieces of text of every kind a row may hold: plain ASCII, Urdu with and without
    /// its marks, joined letters, box and mark characters, wide letters, a combining
    /// accent, a tab and nothing at all.
    const PIECES: [&str; 17] = [
        "Tell a trusted adult",
        "  ",
        "ہمیشہ کسی بڑے کو بتائیں",
        "بَچّے",
        "ﺖﺳﻭﺩ ﻦﺋﻻ",
        "▶ (•) ✓ ⚑ █░",
        "1799",
        "表示",
        "e\u{301}",
        "a\tb",
        "x\u{600}1 ░a\u{301}b",
        "",
        "WhatsApp پر",
        "ﺖﺳ\u{64e}ﻭﺩ",
        "ﻻ\u{200d}ﺏ ﺏ\u{200c}",
        "۔ﺖﺳ، ﮨﮯ؟",
        "\u{FEFF}ﺏ\u{FDFD}",
    ];

    fn span_from((piece, colour, bold): (usize, u8, bool)) -> Span<'static> {
        let mut style = Style::default();
        if colour > 0 {
            style = style.fg(ratatui::style::Color::Indexed(colour));
        }
        if bold {
            style = style.add_modifier(Modifier::BOLD);
        }
        Span::styled(PIECES[piece], style)
    }

    proptest::proptest! {
        #[test]
        fn rows_draw_the_same_cells_and_styles_as_a_paragraph(
            lines in proptest::collection::vec(
                (
                    proptest::collection::vec((0..PIECES.len(), 0u8..3, proptest::bool::ANY), 0..5),
                    0..3usize,
                    0u8..3,
                ),
                0..8,
            ),
            width in 1u16..40,
            scroll in 0usize..3,
        ) {
            let lines: Vec<Line<'static>> = lines
                .into_iter()
                .map(|(spans, align, colour)| {
                    let line = Line::from(spans.into_iter().map(span_from).collect::<Vec<_>>());
                    let line = if colour > 0 {
                        line.style(Style::default().bg(ratatui::style::Color::Indexed(colour)))
                    } else {
                        line
                    };
                    match align {
                        0 => line,
                        1 => line.alignment(Alignment::Center),
                        _ => line.alignment(Alignment::Right),
                    }
                })
                // A line cut at the edge is only promised for left-aligned lines.
                .filter(|l| l.alignment.is_none() || l.width() <= width as usize)
                .collect();
            let area = Rect::new(2, 1, width, 6);
            let mut by_paragraph = Buffer::empty(Rect::new(0, 0, width + 4, 8));
            let mut by_rows = by_paragraph.clone();
            Paragraph::new(lines.clone())
                .scroll((scroll as u16, 0))
                .render(area, &mut by_paragraph);
            Rows::new(&lines, scroll).render(area, &mut by_rows);
            proptest::prop_assert_eq!(by_rows, by_paragraph);
        }
    }

    #[test]
    fn text_is_cut_into_pieces_only_where_no_grapheme_joins() {
        assert_eq!(pieces("Tell an adult"), vec![("Tell an adult", true)]);
        assert_eq!(
            pieces("Ali ░░ ok"),
            vec![("Ali", true), (" ░░ ", false), ("ok", true)]
        );
        // A mark joins the letter before it, and a sign (U+0600) the one after it.
        assert_eq!(
            pieces("cafe\u{301} and \u{600}1"),
            vec![
                ("caf", true),
                ("e\u{301} ", false),
                ("and", true),
                (" \u{600}1", false)
            ]
        );
        // Other letters one plain letter apart are one piece.
        assert_eq!(pieces("░a░b"), vec![("░a░b", false)]);
        assert_eq!(pieces("بَچّے"), vec![("بَچّے", false)]);
        for text in PIECES {
            let joined: String = pieces(text).into_iter().map(|(p, _)| p).collect();
            assert_eq!(joined, text);
        }
    }

    /// What `put_line` takes for granted of a letter that stands alone, checked for every
    /// one: ratatui measures it as one cell, and it is a grapheme of its own beside any
    /// other such letter.
    #[test]
    fn every_letter_that_stands_alone_is_one_cell_and_its_own_grapheme() {
        let graphemes = |text: &str| Span::raw(text).styled_graphemes(Style::default()).count();
        let alone: Vec<char> = (0..=0xFFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| stands_alone(c))
            .collect();
        assert!(alone.contains(&'ﺏ') && alone.contains(&'۔') && alone.contains(&'░'));
        for mark in [
            '\u{FEFF}', '\u{64e}', '\u{670}', '\u{600}', '\u{6DD}', '\u{200D}',
        ] {
            assert!(!alone.contains(&mark), "{:04X}", mark as u32);
        }
        for &letter in &alone {
            assert_eq!(letter.to_string().cell_width(), 1, "{:04X}", letter as u32);
            for other in ['a', ' ', 'ﺏ', 'ﻻ', '~', letter] {
                for pair in [format!("{letter}{other}"), format!("{other}{letter}")] {
                    assert_eq!(graphemes(&pair), 2, "{:04X}", letter as u32);
                }
            }
        }
    }

    #[test]
    fn a_panel_draws_the_same_border_and_title_as_a_rounded_block() {
        use ratatui::widgets::{Block, BorderType};
        let theme = Theme::colour();
        for mode in [Mode::App, Mode::Terminal] {
            let layout = TextLayout::new(mode);
            for title in [
                "",
                " Help ",
                " مدد ",
                " آن لائن دوست · قدم 2 ",
                " A rather long title ",
            ] {
                let paint = paint_for(&theme, &layout, title);
                for (width, height) in [(2, 2), (9, 3), (24, 5), (60, 20)] {
                    let area = Rect::new(1, 1, width, height);
                    let mut by_block = Buffer::empty(Rect::new(0, 0, width + 2, height + 2));
                    let mut by_panel = by_block.clone();
                    // As the panel was drawn before: a `Block`, its title measured as drawn.
                    let shown =
                        measured_as_drawn(paint.layout.line(Line::from(title)).style(theme.title));
                    Block::bordered()
                        .border_type(BorderType::Rounded)
                        .border_style(theme.border)
                        .title(shown)
                        .render(area, &mut by_block);
                    let panel = panel(title, &paint);
                    let inner = panel.inner(area);
                    panel.render(area, &mut by_panel);
                    let symbols = |b: &Buffer| -> Vec<String> {
                        b.content.iter().map(|c| c.symbol().to_string()).collect()
                    };
                    assert_eq!(
                        symbols(&by_panel),
                        symbols(&by_block),
                        "{title:?} at {width}x{height}"
                    );
                    let block_inner = Block::bordered().inner(area);
                    assert_eq!(inner, block_inner);
                }
            }
        }
    }

    #[test]
    fn laid_out_lines_count_their_rows_and_wrap_only_a_line_too_wide() {
        let lines = vec![
            Line::from("one"),
            Line::from("a line much too wide for six columns"),
            Line::from(""),
        ];
        let laid = Laid::new(lines, 6);
        assert_eq!((laid.start(0), laid.start(1), laid.start(2)), (0, 1, 9));
        assert_eq!(laid.height(), 10);
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(6, 4))
            .expect("a test terminal");
        terminal
            .draw(|frame| laid.draw(frame, frame.area(), 1))
            .expect("drawing cannot fail");
        let screen = terminal.backend().to_string();
        assert!(screen.contains("a line"), "{screen}");
        assert!(screen.contains("much"), "{screen}");
    }

    /// An Urdu word as a left-to-right terminal must draw it: joined, letters reversed.
    fn drawn(word: &str) -> String {
        lesson_text::join_letters(word).chars().rev().collect()
    }

    #[test]
    fn glossary_words_are_underlined_in_colour_and_starred_without_it() {
        let layout = TextLayout::default();
        let (colour, mono) = (Theme::colour(), Theme::monochrome());
        let text = "Keep the {evidence} and tell a {trusted adult}.";
        let lines = hang(
            Vec::new(),
            text,
            Style::default(),
            80,
            &paint(&colour, &layout),
        );
        let underlined: Vec<&str> = lines[0]
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::UNDERLINED))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(underlined, ["evidence", "trusted adult"]);
        assert_eq!(
            lines[0].to_string(),
            "Keep the evidence and tell a trusted adult."
        );
        let lines = hang(
            Vec::new(),
            text,
            Style::default(),
            80,
            &paint(&mono, &layout),
        );
        assert_eq!(
            lines[0].to_string(),
            "Keep the evidence* and tell a trusted adult*."
        );
    }

    #[test]
    fn an_urdu_choice_is_right_aligned_with_its_number_on_the_right() {
        let layout = TextLayout::new(Mode::App);
        let theme = Theme::monochrome();
        // "Tell an elder" as choice 2, in a box 30 wide.
        let lead = vec![Span::raw("  "), Span::raw("( ) 2. ")];
        let lines = hang(
            lead,
            "بڑوں کو بتائیں",
            Style::default(),
            30,
            &paint(&theme, &layout),
        );
        assert_eq!(lines.len(), 1);
        let shown = lines[0].to_string();
        let words = format!("{} {} {}", drawn("بتائیں"), drawn("کو"), drawn("بڑوں"));
        assert_eq!(
            shown,
            format!("{}{words} .2 ( )  ", " ".repeat(30 - 9 - 14))
        );
        assert_eq!(lines[0].width(), 30);
    }

    #[test]
    fn a_long_urdu_paragraph_hangs_under_its_first_line_from_the_right() {
        let layout = TextLayout::new(Mode::App);
        let theme = Theme::monochrome();
        // "Don't delete the chat. Show it to an adult you trust."
        let text = "چیٹ ڈیلیٹ نہ کریں۔ اسے کسی ایسے بڑے کو دکھائیں جس پر آپ کو بھروسا ہو۔";
        let lead = vec![Span::raw("  • ")];
        let lines = hang(lead, text, Style::default(), 30, &paint(&theme, &layout));
        assert!(lines.len() > 1, "{lines:?}");
        let first = lines[0].to_string();
        assert!(first.ends_with(" •  "), "{first:?}");
        for line in &lines[1..] {
            let line = line.to_string();
            // Under the text of the first line: the lead's four columns left blank.
            assert!(
                line.ends_with("    ") && !line.trim_end().is_empty(),
                "{line:?}"
            );
            assert_eq!(lesson_text::width(&line), 30, "{line:?}");
        }
        // The first words are read first, at the right end of the first line.
        assert!(
            first.trim_end_matches([' ', '•']).ends_with(&drawn("چیٹ")),
            "{first:?}"
        );
    }

    #[test]
    fn an_english_label_before_urdu_text_sits_at_its_right_end_in_its_own_style() {
        let layout = TextLayout::new(Mode::App);
        let theme = Theme::monochrome();
        let key = Style::default().add_modifier(Modifier::BOLD);
        // A help line: its name, then the number.
        let lines = hang_labelled(
            Vec::new(),
            ("چائلڈ لائن:", key),
            ("0800 1111", Style::default()),
            40,
            &paint(&theme, &layout),
        );
        let spans: Vec<(&str, bool)> = lines[0]
            .spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == key))
            .filter(|(text, _)| !text.trim().is_empty())
            .collect();
        let name = format!(":{} {}", drawn("لائن"), drawn("چائلڈ"));
        assert_eq!(spans, [("0800 1111 ", false), (name.as_str(), true)]);
    }

    #[test]
    fn for_a_terminal_that_lays_out_urdu_itself_the_text_is_as_typed_and_left_aligned() {
        let layout = TextLayout::new(Mode::Terminal);
        let theme = Theme::monochrome();
        let lead = vec![Span::raw("  • ")];
        let lines = hang(
            lead,
            "بڑوں کو بتائیں",
            Style::default(),
            30,
            &paint(&theme, &layout),
        );
        assert_eq!(lines[0].to_string(), "  • بڑوں کو بتائیں");
    }

    #[test]
    fn a_marked_word_after_lam_alef_keeps_its_space_for_a_terminal_that_joins_letters() {
        // "Online {friend}": the glossary word is a span of its own, after a lam-alef.
        let layout = TextLayout::new(Mode::Terminal);
        let theme = Theme::colour();
        let lines = hang(
            Vec::new(),
            "آن لائن {دوست}",
            Style::default(),
            30,
            &paint(&theme, &layout),
        );
        let area = Rect::new(0, 0, 30, 1);
        let mut buffer = Buffer::empty(area);
        Laid::new(lines, 30).draw_into(area, &mut buffer, 0);
        let row: String = (0..30).map(|x| buffer[(x, 0)].symbol()).collect();
        assert!(row.starts_with("آن لائن دوست"), "{row:?}");
    }

    /// The top row of a panel titled `title`, drawn `width` columns wide.
    fn panel_top(title: &str, mode: Mode, width: u16) -> String {
        let layout = TextLayout::new(mode);
        let theme = Theme::monochrome();
        let area = Rect::new(0, 0, width, 3);
        let mut buffer = ratatui::buffer::Buffer::empty(area);
        ratatui::widgets::Widget::render(
            panel(title.to_string(), &paint_for(&theme, &layout, title)),
            area,
            &mut buffer,
        );
        (0..width).map(|x| buffer[(x, 0)].symbol()).collect()
    }

    #[test]
    fn a_panel_title_with_lam_alef_keeps_its_closing_space_for_a_terminal_that_joins_letters() {
        // "Online friends": a lam-alef in the middle word.
        let top = panel_top(" آن لائن دوست ", Mode::Terminal, 30);
        assert!(top.starts_with("╭ آن لائن دوست ─"), "{top}");
        // Two of them ("Help lines, Online"): the space is still there.
        let top = panel_top(" ہیلپ لائنز، آن لائن ", Mode::Terminal, 40);
        assert!(top.starts_with("╭ ہیلپ لائنز، آن لائن ─"), "{top}");
        // Joined by the app, nothing was ever lost, and nothing is added.
        let top = panel_top(" آن لائن دوست ", Mode::App, 30);
        assert!(top.ends_with(" ╮"), "{top}");
        assert_eq!(panel_top(" Help ", Mode::Terminal, 12), "╭ Help ────╮");
    }

    #[test]
    fn a_span_with_lam_alef_does_not_lose_the_space_before_the_next_one() {
        // "Lines" then "next": two spans, the first ending in a lam-alef word.
        let line = Line::from(vec![Span::raw("لائنیں "), Span::raw("آگے")]);
        let area = Rect::new(0, 0, 20, 1);
        let mut buffer = ratatui::buffer::Buffer::empty(area);
        ratatui::widgets::Widget::render(measured_as_drawn(line), area, &mut buffer);
        let row: String = (0..20).map(|x| buffer[(x, 0)].symbol()).collect();
        assert!(row.starts_with("لائنیں آگے"), "{row:?}");
    }

    #[test]
    fn a_panel_title_in_urdu_is_joined_and_put_on_the_right() {
        let layout = TextLayout::new(Mode::App);
        let line = layout.line(Line::from(" آن لائن دوست "));
        assert_eq!(line.alignment, Some(Alignment::Right));
        assert_eq!(
            line.to_string(),
            format!(" {} {} {} ", drawn("دوست"), drawn("لائن"), drawn("آن"))
        );
        // English stays where it was.
        let english = layout.line(Line::from(" Help "));
        assert_eq!(
            (english.alignment, english.to_string()),
            (None, " Help ".into())
        );
    }
}
