//! Text laid out for a screen of a given width, in the one call every screen makes:
//! wrapped, and for Urdu joined and put in display order by the app or left to a
//! terminal that does its own. Pure: strings and alignment in, no terminal types.

use std::borrow::Cow;
use std::collections::HashMap;

use super::bidi::{Direction, direction_of, visual_lines};
use super::{cut, join_letters, width, wrap};

/// Who turns right-to-left text into what the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// The app joins letters and reorders each line; right-to-left paragraphs are
    /// right-aligned. For the many terminals that do neither (Windows Terminal, conhost,
    /// xterm, tmux).
    #[default]
    App,
    /// Logical order, letters unjoined, every line left-aligned: for terminals that
    /// reorder and join themselves (doing it twice would reverse the text back), and for
    /// the plain mode, where screen readers need the text as typed.
    Terminal,
}

/// Where a line sits within the width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// One line ready to draw from the left, as it must appear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    /// Terminal columns `text` takes, measured after joining (a lam-alef is one).
    pub columns: usize,
    pub align: Align,
    /// The direction of the paragraph the line belongs to.
    pub direction: Direction,
}

impl Line {
    /// Spaces to put before the text to place it in `width` columns.
    pub fn indent(&self, width: usize) -> usize {
        match self.align {
            Align::Left => 0,
            Align::Right => width.saturating_sub(self.columns),
        }
    }
}

/// `text` wrapped to `width` columns, each line of it a paragraph whose direction is
/// taken from its first letter (English when it has none).
pub fn display_lines(text: &str, width: usize, mode: Mode) -> Vec<Line> {
    display_lines_in(text, width, mode, None)
}

/// As [`display_lines`], with every paragraph's direction given: for text with no letter
/// to decide it, or a screen that knows its language.
pub fn display_lines_in(
    text: &str,
    width: usize,
    mode: Mode,
    direction: Option<Direction>,
) -> Vec<Line> {
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let direction = direction
            .or_else(|| direction_of(paragraph))
            .unwrap_or(Direction::LeftToRight);
        out.extend(paragraph_lines(paragraph, width, mode, direction));
    }
    out
}

fn paragraph_lines(paragraph: &str, width: usize, mode: Mode, direction: Direction) -> Vec<Line> {
    let line = |text: String, align| Line {
        columns: self::width(&text),
        text,
        align,
        direction,
    };
    match mode {
        Mode::Terminal => wrap(paragraph, width)
            .into_iter()
            .map(|text| line(text, Align::Left))
            .collect(),
        Mode::App => {
            // Joining first, because a joined word can be narrower (lam-alef) and it is
            // the joined width that must fit. Joining never crosses a space, so wrapping
            // at spaces afterwards cannot change a letter's form.
            let joined = join_letters(paragraph);
            let wrapped = wrap(&joined, width);
            let align = match direction {
                Direction::LeftToRight => Align::Left,
                Direction::RightToLeft => Align::Right,
            };
            visual_lines(&wrapped, direction)
                .into_iter()
                .map(|text| line(text, align))
                .collect()
        }
    }
}

/// A short piece of the app's own text (a title, a footer label, a button, a notice) on
/// one line of at most `columns` columns, cut with an ellipsis at its logical end when
/// longer (for Urdu that is its left end). In [`Mode::App`] letters are joined and the
/// line is in display order, right-aligned when it reads right to left; in
/// [`Mode::Terminal`] it is as typed, left-aligned.
pub fn display_label(text: &str, columns: usize, mode: Mode) -> Line {
    let direction = direction_of(text).unwrap_or(Direction::LeftToRight);
    // A label is one line: a newline in a translated message must not start another.
    let flat: Cow<str> = if text.contains('\n') {
        Cow::Owned(text.replace('\n', " "))
    } else {
        Cow::Borrowed(text)
    };
    let cut = cut(&flat, columns);
    let (shown, align) = match mode {
        Mode::Terminal => (cut.into_owned(), Align::Left),
        // Most labels are English: nothing to join or reorder.
        Mode::App if !cut.chars().any(is_right_to_left) => (cut.into_owned(), Align::Left),
        Mode::App => {
            let joined = join_letters(&cut);
            let shown = visual_lines(&[joined], direction).remove(0);
            let align = match direction {
                Direction::LeftToRight => Align::Left,
                Direction::RightToLeft => Align::Right,
            };
            (shown, align)
        }
    };
    Line {
        columns: width(&shown),
        text: shown,
        align,
        direction,
    }
}

/// A piece of a right-to-left line that is drawn apart from its text (a list mark, a
/// number, a name before a message), joined and in the order a terminal must draw it
/// there: "2. " becomes " .2", as the bidi algorithm puts it at the right end of Urdu.
pub fn right_to_left_piece(text: &str) -> String {
    visual_lines(&[join_letters(text)], Direction::RightToLeft).remove(0)
}

/// Letters and marks of the scripts written right to left (Hebrew, Arabic, Urdu and
/// their presentation forms).
fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Laid-out text kept per (text, width, mode, direction given), so a screen redrawn every frame lays out
/// each paragraph once, and again only when the terminal is resized.
#[derive(Debug, Default)]
pub struct DisplayCache {
    layouts: HashMap<LayoutKey, HashMap<String, Vec<Line>>>,
    entries: usize,
}

/// What a layout depends on besides the text: the width, who lays it out, and the
/// direction given for it (if any).
type LayoutKey = (usize, Mode, Option<Direction>);

/// Beyond this many layouts the cache starts again: enough for every paragraph of the
/// longest lesson at a few widths, small enough that resizing for a minute cannot grow it
/// without end.
const CACHE_LIMIT: usize = 4096;

impl DisplayCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// The lines of [`display_lines`] for `text`, laid out on the first call only.
    pub fn lines(&mut self, text: &str, width: usize, mode: Mode) -> &[Line] {
        self.lines_in(text, width, mode, None)
    }

    /// The lines of [`display_lines_in`] for `text`, laid out on the first call only.
    pub fn lines_in(
        &mut self,
        text: &str,
        width: usize,
        mode: Mode,
        direction: Option<Direction>,
    ) -> &[Line] {
        let key = (width, mode, direction);
        let cached = self
            .layouts
            .get(&key)
            .is_some_and(|texts| texts.contains_key(text));
        if !cached {
            if self.entries >= CACHE_LIMIT {
                self.layouts.clear();
                self.entries = 0;
            }
            let lines = display_lines_in(text, width, mode, direction);
            self.layouts
                .entry(key)
                .or_default()
                .insert(text.to_string(), lines);
            self.entries += 1;
        }
        &self.layouts[&key][text]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URDU: &str = "اگر کوئی آن لائن دوست WhatsApp پر تصویر مانگے یا راز رکھنے کو کہے تو \
        جلدی کسی بڑے کو بتائیں اور 1799 پر فون کریں";

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn urdu_lines_are_right_aligned_and_english_left() {
        let lines = display_lines("بچوں کو بتائیں\nTell an adult", 40, Mode::App);
        assert_eq!(lines[0].align, Align::Right);
        assert_eq!(lines[0].direction, Direction::RightToLeft);
        assert_eq!(lines[0].indent(40), 40 - lines[0].columns);
        assert_eq!(lines[1].align, Align::Left);
        assert_eq!(lines[1].text, "Tell an adult");
        assert_eq!(lines[1].indent(40), 0);
    }

    #[test]
    fn wrapped_urdu_never_splits_a_word_and_keeps_the_reading_order_down_the_lines() {
        let lines = display_lines(URDU, 24, Mode::Terminal);
        assert!(lines.len() > 2, "{lines:?}");
        // Logical order: joined back, the lines are the paragraph, every word whole.
        let words: Vec<&str> = URDU.split_whitespace().collect();
        let rejoined: Vec<&str> = lines.iter().flat_map(|l| l.text.split(' ')).collect();
        assert_eq!(rejoined, words);
        // In app order each line holds the words of its logical line, joined, and the
        // first of them is drawn rightmost: the reader goes on from the right end of the
        // line below.
        let logical = wrap(&join_letters(URDU), 24);
        let shown = display_lines(URDU, 24, Mode::App);
        assert_eq!(shown.len(), logical.len());
        for (logical, drawn) in logical.iter().zip(&shown) {
            let first_word = logical.split(' ').next().unwrap();
            let last_drawn = drawn.text.rsplit(' ').next().unwrap();
            let expected: String = match direction_of(first_word) {
                Some(Direction::RightToLeft) => first_word.chars().rev().collect(),
                _ => first_word.to_string(),
            };
            assert_eq!(last_drawn, expected, "{logical:?} drawn as {drawn:?}");
        }
    }

    #[test]
    fn every_line_fits_the_width_measured_after_joining() {
        for width in [10, 24, 37, 80] {
            for line in display_lines(URDU, width, Mode::App) {
                assert!(line.columns <= width, "{width}: {line:?}");
                assert_eq!(line.columns, super::super::width(&line.text));
            }
        }
        // Lam-alef is one cell once joined: "سلام سلام" fits in 7 columns (3 + 1 + 3).
        // (unicode-width already counts the unjoined pair as one cell, as terminals that
        // join letters draw it, so the plain mode wraps it the same way.)
        let lines = display_lines("سلام سلام", 7, Mode::App);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(lines[0].columns, 7);
    }

    #[test]
    fn terminal_mode_gives_the_text_as_typed() {
        let lines = display_lines("بچوں کو 1799 پر فون کریں", 80, Mode::Terminal);
        assert_eq!(texts(&lines), vec!["بچوں کو 1799 پر فون کریں"]);
        assert_eq!(lines[0].align, Align::Left);
        assert_eq!(lines[0].direction, Direction::RightToLeft);
    }

    #[test]
    fn app_mode_draws_urdu_joined_and_reversed_with_numbers_and_english_intact() {
        let lines = display_lines("کسی بڑے کو WhatsApp پر 1799 بتائیں", 80, Mode::App);
        let text = &lines[0].text;
        assert!(text.contains("WhatsApp"), "{text}");
        assert!(text.contains("1799"), "{text}");
        // No base Urdu letter is left: each one became its joined form.
        assert!(
            !text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{text}"
        );
        // بتائیں, the last word, is drawn first.
        let last_word: String = join_letters("بتائیں").chars().rev().collect();
        assert!(text.starts_with(&last_word), "{text}");
    }

    #[test]
    fn a_direction_given_overrides_the_first_letter() {
        // A line of only digits and punctuation, in an Urdu screen.
        let lines = display_lines_in("1799 - 1099", 20, Mode::App, Some(Direction::RightToLeft));
        assert_eq!(lines[0].align, Align::Right);
        // Two numbers in a right-to-left paragraph: the first is drawn on the right.
        assert_eq!(lines[0].text, "1099 - 1799");
    }

    #[test]
    fn a_spaced_phone_number_in_an_urdu_paragraph_stays_whole_and_in_order_at_every_width() {
        // "Help for under-19s in the UK: 0800 1111. Free only inside the UK."
        let text = "برطانیہ میں 19 سال سے کم عمر والوں کے لیے مدد: 0800 1111۔ فون صرف برطانیہ کے اندر سے مفت ہے۔";
        for width in 9..60 {
            let lines = display_lines(text, width, Mode::App);
            assert!(
                lines.iter().any(|l| l.text.contains("0800 1111")),
                "{width}: {lines:?}"
            );
            assert!(
                lines.iter().all(|l| l.columns <= width),
                "{width}: {lines:?}"
            );
        }
    }

    #[test]
    fn an_urdu_label_is_joined_reversed_and_right_aligned_in_the_app() {
        // "Help lines"
        let label = display_label("ہیلپ لائنز", 40, Mode::App);
        let expected: String = join_letters("ہیلپ لائنز").chars().rev().collect();
        assert_eq!(label.text, expected);
        assert_eq!(label.direction, Direction::RightToLeft);
        assert_eq!(label.align, Align::Right);
        // Nine columns: lam and alef are one ligature.
        assert_eq!(label.columns, 9);
        assert_eq!(label.indent(14), 5);
        // A key name inside it keeps its order: "Press Enter".
        let label = display_label("Enter دبائیں", 40, Mode::App);
        assert_eq!(label.direction, Direction::LeftToRight);
        assert!(label.text.starts_with("Enter "), "{}", label.text);
        let label = display_label("آگے: Enter", 40, Mode::App);
        assert!(label.text.starts_with("Enter"), "{}", label.text);
    }

    #[test]
    fn a_label_is_as_typed_for_a_terminal_that_does_its_own_and_english_is_untouched() {
        let label = display_label("ہیلپ لائنز", 40, Mode::Terminal);
        assert_eq!(label.text, "ہیلپ لائنز");
        assert_eq!(label.align, Align::Left);
        assert_eq!(label.direction, Direction::RightToLeft);
        let label = display_label("Help lines", 40, Mode::App);
        assert_eq!(label.text, "Help lines");
        assert_eq!((label.columns, label.align), (10, Align::Left));
    }

    #[test]
    fn a_long_urdu_label_is_cut_at_its_reading_end_which_is_drawn_on_the_left() {
        // "Online friends are not always who they say"
        let text = "آن لائن دوست ہمیشہ وہ نہیں ہوتے جو وہ کہتے ہیں";
        let label = display_label(text, 12, Mode::App);
        // Up to 12: each lam-alef takes one column fewer once joined.
        assert!((10..=12).contains(&label.columns), "{label:?}");
        assert!(label.text.starts_with('…'), "{}", label.text);
        // The first word, read first, is drawn at the right end.
        let first: String = join_letters("آن").chars().rev().collect();
        assert!(label.text.ends_with(&first), "{}", label.text);
        let label = display_label(text, 12, Mode::Terminal);
        assert!(
            label.columns <= 12 && label.text.ends_with('…'),
            "{label:?}"
        );
        // One line, even when a message has a newline in it.
        assert_eq!(
            display_label("Help\nlines", 20, Mode::App).text,
            "Help lines"
        );
    }

    #[test]
    fn a_mark_or_number_beside_urdu_is_drawn_as_urdu_puts_it() {
        assert_eq!(right_to_left_piece("2. "), " .2");
        assert_eq!(right_to_left_piece("  • "), " •  ");
        // A bracketed mark still opens and closes; a number of two digits keeps its order.
        assert_eq!(right_to_left_piece("(•) 12. "), " .12 (•)");
        // A name is joined and reversed.
        let name: String = join_letters("علی").chars().rev().collect();
        assert_eq!(right_to_left_piece("علی: "), format!(" :{name}"));
    }

    #[test]
    fn the_cache_keeps_a_layout_per_direction_given() {
        let mut cache = DisplayCache::new();
        let given = cache
            .lines_in("1799 - 1099", 20, Mode::App, Some(Direction::RightToLeft))
            .to_vec();
        assert_eq!(given[0].text, "1099 - 1799");
        assert_eq!(
            cache.lines("1799 - 1099", 20, Mode::App)[0].text,
            "1799 - 1099"
        );
    }

    #[test]
    fn blank_lines_stay_as_empty_lines() {
        let lines = display_lines("سلام\n\nHello", 20, Mode::App);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].text, "");
        assert_eq!(lines[1].columns, 0);
    }

    #[test]
    fn the_cache_gives_the_same_lines_and_lays_out_again_for_a_new_width() {
        let mut cache = DisplayCache::new();
        let first = cache.lines(URDU, 30, Mode::App).to_vec();
        assert_eq!(first, display_lines(URDU, 30, Mode::App));
        assert_eq!(cache.lines(URDU, 30, Mode::App), first.as_slice());
        let narrower = cache.lines(URDU, 20, Mode::App).to_vec();
        assert_eq!(narrower, display_lines(URDU, 20, Mode::App));
        assert!(narrower.len() > first.len());
        let terminal = cache.lines(URDU, 30, Mode::Terminal).to_vec();
        assert_eq!(terminal, display_lines(URDU, 30, Mode::Terminal));
    }
}
