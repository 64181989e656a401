//! Text from files anyone can write, made safe to show (no control characters or
//! direction overrides reach the terminal, whatever a lesson file contains), measured,
//! wrapped, and for Urdu joined and put in display order.

mod bidi;
mod display;
mod shape;

pub use bidi::{Direction, direction_of, visual_lines};
pub use display::{
    Align, DisplayCache, Line, Mode, display_label, display_lines, display_lines_in,
    right_to_left_piece,
};
pub use shape::join_letters;

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Keeps newlines, turns tabs into spaces, and drops carriage returns, whole terminal
/// escape sequences (colours, cursor moves, OSC 52 clipboard writes, OSC 8 links), every
/// other control character and the Unicode direction overrides that could disguise text.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push_str("    "),
            '\u{1b}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | '_' | '^' | 'X') => {
                    chars.next();
                    skip_string_sequence(&mut chars);
                }
                // ESC and one more character (ESC 7, ESC c, ...) is a whole sequence.
                Some(&next) if (' '..='~').contains(&next) => {
                    chars.next();
                }
                _ => {}
            },
            // The one-character forms of CSI and OSC, DCS, SOS, PM, APC.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
                skip_string_sequence(&mut chars)
            }
            c if is_hidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters never shown: control characters (C0, DEL, C1), the direction embeddings,
/// overrides and isolates, the deprecated format characters and the invisible tag
/// characters.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}')
}

/// Skips the rest of a control sequence (`ESC [` already read): parameter and
/// intermediate bytes, then one final byte. Anything else ends it early and is kept.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{30}'..='\u{3f}' | '\u{20}'..='\u{2f}' => {
                chars.next();
            }
            '\u{40}'..='\u{7e}' => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}

/// Skips the rest of an OSC, DCS, SOS, PM or APC string: up to and including BEL or the
/// string terminator (`ESC \` or U+009C). Any other control character (a newline) ends it
/// too, and is kept, so an unterminated sequence cannot swallow the rest of the text.
fn skip_string_sequence(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{07}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            c if c.is_control() => return,
            _ => {
                chars.next();
            }
        }
    }
}

/// "1 file", "2 files": a count and its noun, for the counts a teacher reads.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// "a", "a or b", "a, b or c".
pub fn or_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Text made safe to print where every character must keep its place (the source line
/// under a diagnostic, a file name): each control character other than a tab, and each
/// direction override, becomes U+FFFD, so columns still line up.
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c != '\t' && is_hidden(c) {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// The value of a digit as children type it: ASCII, Arabic-Indic (٠-٩) or Urdu and
/// Persian (۰-۹), which some keyboards in Pakistan send.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// `text` with every digit written as an ASCII one, so "۱ ۳" reads as "1 3".
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| digit_value(c).map_or(c, |d| char::from(b'0' + d as u8)))
        .collect()
}

/// How many terminal columns `text` takes (wide CJK and emoji take two, combining marks
/// and zero-width characters none), as a grid of cells draws it: each character with its
/// marks in a cell of its own. `unicode-width` alone counts a lam followed by an alef as
/// one column, the width of the letter a shaping terminal joins them into, but the screen
/// (ratatui's buffer, and a terminal that does not join letters) gives each its own cell.
/// Text the app has joined holds the one-letter ligature instead, which is one column
/// either way; so only unjoined text (for a terminal that joins letters itself, or the
/// plain mode) is measured differently, and now as it is drawn.
pub fn width(text: &str) -> usize {
    // Only a lam can start such a ligature: all other text is measured as it was, at
    // no cost, on every frame.
    if !text.contains(LAM) {
        return UnicodeWidthStr::width(text);
    }
    cluster_spans(text).map(UnicodeWidthStr::width).sum()
}

/// ل, the letter that a following alef joins into one glyph with.
const LAM: char = '\u{0644}';

/// Splits lesson text into blocks: paragraphs (lines joined) and bullet points, so each
/// front end can wrap them to its own width.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(std::mem::take(paragraph)));
        }
    };
    let mut after_blank = false;
    for raw in text.lines() {
        let line = raw.trim();
        let continues_bullet = raw.starts_with(char::is_whitespace) && !after_blank;
        after_blank = line.is_empty();
        if line.is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Bullet(item.trim().to_string()));
        } else if let (Some(Block::Bullet(item)), true) =
            (blocks.last_mut(), paragraph.is_empty() && continues_bullet)
        {
            // An indented line under a bullet continues that bullet.
            item.push(' ');
            item.push_str(line);
        } else {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(line);
        }
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

/// One piece of lesson text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    Bullet(String),
}

/// Wraps `text` into lines at most `width` terminal columns wide, breaking at spaces (a
/// word wider than the line is split, never inside a character and its combining marks),
/// but not at the single space inside a number (0800 1111), so a phone number is never
/// read half on one line and half on the next.
/// Wide characters (CJK, most emoji) count as two columns, zero-width ones as none.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in words(text) {
        let word_width = self::width(word);
        if word_width > width {
            let mut pieces = split_word(word, width);
            let last = pieces.pop().unwrap_or_default();
            if len > 0 {
                lines.push(std::mem::take(&mut line));
            }
            lines.extend(pieces);
            len = self::width(&last);
            line = last;
            continue;
        }
        if len > 0 && len + 1 + word_width > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += word_width;
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The words of `text`, split at whitespace, except that a word ending in a digit and the
/// next one starting with a digit, one space apart, stay one word: the groups of a
/// number, as the bidi step keeps them together too.
fn words(text: &str) -> Vec<&str> {
    let mut words: Vec<&str> = Vec::new();
    let mut last_end = 0;
    for word in text.split_whitespace() {
        // `split_whitespace` gives slices of `text`, so the offset is where it starts.
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        let end = start + word.len();
        let joins = words.last().is_some_and(|previous| {
            previous.ends_with(bidi::is_digit)
                && word.starts_with(bidi::is_digit)
                && &text[last_end..start] == " "
        });
        if joins && let Some(previous) = words.last_mut() {
            let previous_start = previous.as_ptr() as usize - text.as_ptr() as usize;
            *previous = &text[previous_start..end];
        } else {
            words.push(word);
        }
        last_end = end;
    }
    words
}

/// Cuts one long word into pieces at most `width` columns wide. A character that is wider
/// than the whole line (a CJK character on a one-column line) gets a piece of its own.
fn split_word(word: &str, width: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut piece_width = 0;
    for cluster in clusters(word) {
        let w = self::width(cluster);
        if piece_width > 0 && piece_width + w > width {
            pieces.push(std::mem::take(&mut piece));
            piece_width = 0;
        }
        piece.push_str(cluster);
        piece_width += w;
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// Splits text into characters with whatever must stay attached to them: combining marks,
/// variation selectors and other zero-width characters, and the character after a
/// zero-width joiner (so an emoji sequence is never cut in half).
fn clusters(text: &str) -> Vec<&str> {
    cluster_spans(text).collect()
}

/// The clusters of [`clusters`], one by one, without gathering them.
fn cluster_spans(text: &str) -> impl Iterator<Item = &str> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.next()?;
        let mut joined = first == '\u{200D}';
        while let Some(&(i, c)) = chars.peek() {
            if !(joined || UnicodeWidthChar::width(c).unwrap_or(0) == 0) {
                return Some(&text[start..i]);
            }
            joined = c == '\u{200D}';
            chars.next();
        }
        Some(&text[start..])
    })
}

/// `text` made exactly `columns` terminal columns wide: cut with an ellipsis when too
/// long, padded with spaces when short (wide characters count as two columns).
pub fn fit(text: &str, columns: usize) -> String {
    let mut out = cut(text, columns).into_owned();
    let used = width(&out);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

/// `text` as it is when it fits in `columns` terminal columns, else its beginning and an
/// ellipsis, `columns` wide at most.
pub fn cut(text: &str, columns: usize) -> Cow<'_, str> {
    if width(text) <= columns {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > columns {
            break;
        }
        out.push(c);
        used += w;
    }
    if columns > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_direction_overrides_are_removed() {
        assert_eq!(clean("a\x1b[31mb\x07\r\n\u{202E}c\td"), "ab\nc    d");
    }

    #[test]
    fn whole_escape_sequences_are_removed() {
        // OSC 52 (a clipboard write) ended by BEL, then by ESC \\.
        assert_eq!(clean("A\x1b]52;c;SGVsbG8=\x07B"), "AB");
        assert_eq!(clean("A\x1b]52;c;SGVsbG8=\x1b\\B"), "AB");
        // OSC 8 link: the link text stays, the link does not.
        assert_eq!(
            clean("\x1b]8;;https://example.com\x1b\\click\x1b]8;;\x1b\\ here"),
            "click here"
        );
        // The one-byte C1 forms.
        assert_eq!(clean("A\u{9b}2JB\u{9d}0;title\u{9c}C"), "ABC");
        // ESC and one character; ESC at the very end.
        assert_eq!(clean("A\x1bcB\x1b7C\x1b"), "ABC");
        // An unterminated OSC stops at the end of its line.
        assert_eq!(clean("A\x1b]0;oops\nnext line"), "A\nnext line");
        // Isolates, tag characters.
        assert_eq!(clean("a\u{2066}b\u{2069}c\u{E0041}"), "abc");
    }

    #[test]
    fn visible_keeps_every_column() {
        assert_eq!(visible("a\x1b[1m\tb\u{202E}"), "a\u{FFFD}[1m\tb\u{FFFD}");
    }

    #[test]
    fn wrapping_counts_columns_not_characters() {
        // Each CJK character takes two columns: ten of them fill a 20-column line.
        let cjk = "你好世界你好世界你好世界你好世界你好世界";
        let lines = wrap(cjk, 20);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        // Combining marks and zero-width characters take no room and stay attached.
        let accents = "e\u{301}".repeat(30);
        let lines = wrap(&accents, 10);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines.iter().all(|l| l.starts_with('e')), "{lines:?}");
        // An emoji sequence joined by zero-width joiners is never cut.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        for line in wrap(&family.repeat(5), 3) {
            assert!(line.starts_with('\u{1F468}'), "{line:?}");
        }
        // A wide character on a one-column line still gets a line of its own.
        assert_eq!(wrap("你好", 1), vec!["你", "好"]);
        // Urdu words wrap at spaces.
        let urdu = "آن لائن دوست ہمیشہ وہ نہیں ہوتے جو وہ کہتے ہیں";
        for line in wrap(urdu, 12) {
            assert!(width(&line) <= 12, "{line:?}");
        }
    }

    #[test]
    fn a_phone_number_with_spaces_is_never_split_across_two_lines() {
        let lines = wrap("Childline UK: call 0800 1111, free in the UK.", 22);
        assert_eq!(
            lines,
            vec!["Childline UK: call", "0800 1111, free in the", "UK."]
        );
        let lines = wrap("Kids Helpline 1800 55 1800", 15);
        assert_eq!(lines, vec!["Kids Helpline", "1800 55 1800"]);
        // Numbers with a word between them, or two spaces, are still two words.
        assert_eq!(wrap("1799 or 1099", 4), vec!["1799", "or", "1099"]);
        assert_eq!(wrap("1799  1099", 4), vec!["1799", "1099"]);
    }

    #[test]
    fn text_splits_into_paragraphs_and_bullets() {
        let text = "First line\nsame paragraph.\n\n- one\n  still one\n- two\nAfter.\n\n- three\n\n  Later.";
        assert_eq!(
            blocks(text),
            vec![
                Block::Paragraph("First line same paragraph.".into()),
                Block::Bullet("one still one".into()),
                Block::Bullet("two".into()),
                Block::Paragraph("After.".into()),
                Block::Bullet("three".into()),
                Block::Paragraph("Later.".into()),
            ]
        );
    }

    #[test]
    fn an_unjoined_lam_alef_is_measured_in_the_two_cells_it_is_drawn_in() {
        // "Online", as written for a terminal that joins letters itself: lam and alef
        // are two characters, each in a cell of its own on screen.
        assert_eq!(width("آن لائن"), 7);
        assert_eq!(width("لا"), 2);
        // Joined by the app, they are one ligature letter in one cell.
        assert_eq!(width(&join_letters("لا")), 1);
        // A mark on the lam stays in its cell.
        assert_eq!(width("لَا"), 2);
        assert_eq!(width("Help lines"), 10);
        // Wrapping for such a terminal keeps every line inside the width.
        for line in wrap("لا لا لا لا لا", 5) {
            assert!(width(&line) <= 5, "{line:?}");
        }
    }

    #[test]
    fn fit_cuts_and_pads_by_terminal_columns() {
        assert_eq!(fit("Online friends", 8), "Online …");
        assert_eq!(fit("ab", 4), "ab  ");
        // Each of these characters takes two columns.
        assert_eq!(fit("安全上网课程", 7), "安全上…");
        assert_eq!(width(&fit("安全上网课程", 7)), 7);
    }
}
