//! Display order for mixed right-to-left and left-to-right text: the Unicode
//! Bidirectional Algorithm (UAX #9, by the unicode-bidi crate), line by line after
//! wrapping, for terminals that draw every line left to right as stored.

use std::ops::Range;

use unicode_bidi::{Level, ParagraphBidiInfo};

use super::clusters;

/// Which way a paragraph runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

/// The direction of a paragraph's first strong character (a letter of a script that has
/// a direction; digits and punctuation have none), as UAX #9 rules P2 and P3 decide it.
/// `None` when there is no such character: then the caller chooses.
pub fn direction_of(text: &str) -> Option<Direction> {
    match unicode_bidi::get_base_direction(text) {
        unicode_bidi::Direction::Ltr => Some(Direction::LeftToRight),
        unicode_bidi::Direction::Rtl => Some(Direction::RightToLeft),
        unicode_bidi::Direction::Mixed => None,
    }
}

/// The lines of one wrapped paragraph (in logical order, as typed) rearranged into the
/// order a terminal must draw them, left to right. The algorithm runs over the whole
/// paragraph, so a word's direction is decided by its neighbours even across a line
/// break, and then each line is reordered on its own (UAX #9 rules L1 and L2), so a
/// reader still reads the lines top to bottom.
pub fn visual_lines<S: AsRef<str>>(lines: &[S], direction: Direction) -> Vec<String> {
    let mut paragraph = String::new();
    let mut ranges: Vec<Range<usize>> = Vec::with_capacity(lines.len());
    for line in lines {
        if !paragraph.is_empty() {
            paragraph.push(' ');
        }
        let start = paragraph.len();
        push_isolating_numbers(&mut paragraph, line.as_ref());
        ranges.push(start..paragraph.len());
    }
    let level = match direction {
        Direction::LeftToRight => Level::ltr(),
        Direction::RightToLeft => Level::rtl(),
    };
    let info = ParagraphBidiInfo::new(&paragraph, Some(level));
    ranges
        .into_iter()
        .map(|range| {
            if range.is_empty() {
                return String::new();
            }
            let (levels, runs) = info.visual_runs(range);
            let mut out = String::with_capacity(paragraph.len());
            for run in runs {
                let text = &paragraph[run.clone()];
                if levels[run.start].is_rtl() {
                    // Reversed a character at a time, keeping each character's marks
                    // after it, and brackets turned to face the other way (rule L4).
                    for cluster in clusters(text).into_iter().rev() {
                        let mut chars = cluster.chars();
                        if let Some(first) = chars.next() {
                            out.push(mirrored(first));
                            out.push_str(chars.as_str());
                        }
                    }
                } else {
                    out.push_str(text);
                }
            }
            out.retain(|c| !is_isolate_control(c));
            out
        })
        .collect()
}

const LEFT_TO_RIGHT_ISOLATE: char = '\u{2066}';
const POP_DIRECTIONAL_ISOLATE: char = '\u{2069}';

fn is_isolate_control(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}')
}

/// Appends `line`, with each number made of several groups (a phone number written
/// 0800-39393, 0800 1111 or +92 300 1234567, a date 29-11-2026) isolated as one
/// left-to-right piece. Without that, in Urdu the algorithm reads the groups as separate
/// numbers and draws them right to left: 39393-0800, 1111 0800. This is the higher-level
/// protocol UAX #9 leaves to the app (rule HL3, by isolates); the isolates are removed
/// again after reordering.
fn push_isolating_numbers(out: &mut String, line: &str) {
    let mut done = 0;
    while let Some(start) = number_start(line, done) {
        out.push_str(&line[done..start]);
        let rest = &line[start..];
        let number = &rest[..number_len(rest)];
        if number.contains(['-', ' ', '+']) {
            out.push(LEFT_TO_RIGHT_ISOLATE);
            out.push_str(number);
            out.push(POP_DIRECTIONAL_ISOLATE);
        } else {
            out.push_str(number);
        }
        done = start + number.len();
    }
    out.push_str(&line[done..]);
}

/// Where the next number in `line` from byte `from` starts: its first digit, or the +
/// before it when the + begins a word (+92), not when it follows a number or a letter
/// (5+3 is a sum).
fn number_start(line: &str, from: usize) -> Option<usize> {
    let digit = from + line[from..].find(is_digit)?;
    match line[..digit].strip_suffix('+') {
        Some(head) if head.len() >= from && !head.ends_with(char::is_alphanumeric) => {
            Some(digit - 1)
        }
        _ => Some(digit),
    }
}

/// Bytes at the start of `text` (which starts with a digit, or + and a digit) that form
/// one number: digit groups joined by single hyphens or single spaces, or by " x " in a
/// size (the window's 50 x 15, which Urdu otherwise drew as "x 15 50").
fn number_len(text: &str) -> usize {
    let mut end = 0;
    let mut at = usize::from(text.starts_with('+'));
    while let Some(c) = text[at..].chars().next() {
        if is_digit(c) {
            at += c.len_utf8();
            end = at;
            continue;
        }
        let joins = [" x ", " × ", "-", " "]
            .into_iter()
            .find(|j| text[at..].starts_with(j) && text[at + j.len()..].starts_with(is_digit));
        match joins {
            Some(joiner) => at += joiner.len(),
            None => break,
        }
    }
    end
}

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// The mirror image of a paired character, for right-to-left runs: an opening bracket
/// drawn in a right-to-left run must face the other way to still open. These are the
/// pairs lesson text uses; the rest of Unicode's Bidi_Mirroring_Glyph list is maths.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An Urdu word as a left-to-right terminal must draw it: its letters reversed.
    fn drawn(word: &str) -> String {
        word.chars().rev().collect()
    }

    /// A whole right-to-left line of Urdu words, drawn: the last word leftmost.
    fn drawn_words(words: &[&str]) -> String {
        words
            .iter()
            .rev()
            .map(|w| drawn(w))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn one_line(text: &str) -> String {
        let direction = direction_of(text).unwrap_or(Direction::LeftToRight);
        visual_lines(&[text], direction).remove(0)
    }

    #[test]
    fn urdu_paragraphs_run_right_to_left_and_english_ones_left_to_right() {
        assert_eq!(
            direction_of("بچوں کو WhatsApp پر"),
            Some(Direction::RightToLeft)
        );
        assert_eq!(
            direction_of("1799 پر فون کریں"),
            Some(Direction::RightToLeft),
            "digits have no direction; the first letter decides"
        );
        assert_eq!(
            direction_of("Call 1799 یا 1099"),
            Some(Direction::LeftToRight)
        );
        assert_eq!(direction_of("- 1799 ..."), None);
    }

    #[test]
    fn a_number_in_urdu_keeps_its_digit_order() {
        // "To report an online crime, call 1799."
        let line = "آن لائن جرم کی شکایت کے لیے 1799 پر فون کریں";
        let words: Vec<&str> = line.split(' ').collect();
        let expected = drawn_words(&words).replace(&drawn("1799"), "1799");
        assert_eq!(one_line(line), expected);
        assert!(one_line(line).contains("1799"));
    }

    #[test]
    fn urdu_digits_and_a_dashed_phone_number_keep_their_order() {
        // "The Digital Rights Foundation helpline 0800-39393 is free."
        let line = "ڈیجیٹل رائٹس فاؤنڈیشن کی ہیلپ لائن 0800-39393 مفت ہے";
        assert!(one_line(line).contains("0800-39393"), "{}", one_line(line));
        // The same number in Urdu's own digits (Extended Arabic-Indic).
        let line = "ہیلپ لائن ۰۸۰۰-۳۹۳۹۳ مفت ہے";
        let shown = one_line(line);
        assert!(shown.contains("۰۸۰۰-۳۹۳۹۳"), "{shown}");
        assert!(shown.starts_with(&drawn("ہے")), "{shown}");
    }

    #[test]
    fn an_english_word_in_urdu_reads_left_to_right_in_its_place() {
        // "If someone asks for a photo on WhatsApp, tell an adult."
        let line = "اگر کوئی WhatsApp پر تصویر مانگے تو بڑوں کو بتائیں";
        let expected = format!(
            "{} WhatsApp {}",
            drawn_words(&["پر", "تصویر", "مانگے", "تو", "بڑوں", "کو", "بتائیں"]),
            drawn_words(&["اگر", "کوئی"])
        );
        assert_eq!(one_line(line), expected);
        // Two English words together stay in English order: "Video Call".
        let shown = one_line("وہ Video Call کرنا چاہتا ہے");
        assert!(shown.contains("Video Call"), "{shown}");
    }

    #[test]
    fn punctuation_at_the_end_of_urdu_is_drawn_at_its_left_end() {
        // A full stop or exclamation mark ends the sentence: leftmost when drawn.
        assert_eq!(
            one_line("ہمیشہ بتائیں!"),
            format!("!{}", drawn_words(&["ہمیشہ", "بتائیں"]))
        );
        // The Urdu full stop and question mark, too.
        assert!(one_line("کیا یہ محفوظ ہے؟").starts_with('؟'));
        assert!(one_line("راز مت رکھیں۔").starts_with('۔'));
    }

    #[test]
    fn a_bullet_before_urdu_is_drawn_at_its_right_end() {
        let shown = one_line("• اپنا پاس ورڈ کسی کو نہ بتائیں");
        assert!(shown.ends_with('•'), "{shown}");
        assert!(shown.starts_with(&drawn("بتائیں")), "{shown}");
    }

    #[test]
    fn brackets_in_urdu_still_open_and_close() {
        // "(free)" inside Urdu: drawn reversed, so the brackets must swap to still face
        // the word they hold.
        let shown = one_line("ہیلپ لائن (مفت) ہے");
        assert_eq!(
            shown,
            format!(
                "{} ({}) {}",
                drawn("ہے"),
                drawn("مفت"),
                drawn_words(&["ہیلپ", "لائن"])
            )
        );
    }

    #[test]
    fn english_text_is_left_exactly_as_it_is() {
        let line = "Call 1799 (free) if a stranger asks for photos.";
        assert_eq!(one_line(line), line);
    }

    #[test]
    fn each_wrapped_line_is_reordered_on_its_own_and_lines_stay_in_reading_order() {
        let lines = ["اگر کوئی", "WhatsApp پر", "تصویر مانگے"];
        let shown = visual_lines(&lines, Direction::RightToLeft);
        assert_eq!(
            shown,
            vec![
                drawn_words(&["اگر", "کوئی"]),
                format!("{} WhatsApp", drawn("پر")),
                drawn_words(&["تصویر", "مانگے"]),
            ]
        );
    }

    #[test]
    fn a_hyphen_after_a_number_that_ends_it_is_not_part_of_it() {
        // "1799 -" then a word: the hyphen is not followed by a digit.
        let mut out = String::new();
        push_isolating_numbers(&mut out, "1799- ہیلپ 29-11-2026");
        assert_eq!(out, "1799- ہیلپ \u{2066}29-11-2026\u{2069}");
        let shown = one_line("آج کی تاریخ 29-11-2026 ہے");
        assert!(shown.contains("29-11-2026"), "{shown}");
        assert!(!shown.contains('\u{2066}') && !shown.contains('\u{2069}'));
    }

    #[test]
    fn a_size_like_50_x_15_stays_one_piece_in_urdu() {
        // "This window is 40 x 12."
        let shown = one_line("یہ ونڈو 40 x 12 ہے۔");
        assert!(shown.contains("40 x 12"), "{shown}");
        let shown = one_line("کم از کم 50 × 15 کی جگہ");
        assert!(shown.contains("50 × 15"), "{shown}");
        // An x that is a word of its own is left alone.
        let mut out = String::new();
        push_isolating_numbers(&mut out, "ایپ 3 x آ");
        assert_eq!(out, "ایپ 3 x آ");
    }

    #[test]
    fn a_phone_number_written_with_spaces_reads_in_order_in_urdu() {
        // "Childline UK 0800 1111 is free."
        let shown = one_line("چائلڈ لائن 0800 1111 مفت ہے");
        assert_eq!(
            shown,
            format!(
                "{} 0800 1111 {}",
                drawn_words(&["مفت", "ہے"]),
                drawn_words(&["چائلڈ", "لائن"])
            )
        );
        // Three groups, a mobile number, and a country code with its +.
        for number in [
            "1800 55 1800",
            "0300 1234567",
            "+92 300 1234567",
            "+92-51-1234567",
        ] {
            let shown = one_line(&format!("اس نمبر {number} پر فون کریں"));
            assert!(shown.contains(number), "{number}: {shown}");
            assert!(!shown.contains(is_isolate_control), "{shown:?}");
        }
        // In Urdu's own digits.
        let shown = one_line("ہیلپ لائن ۰۸۰۰ ۱۱۱۱ مفت ہے");
        assert!(shown.contains("۰۸۰۰ ۱۱۱۱"), "{shown}");
    }

    #[test]
    fn numbers_apart_from_each_other_stay_apart_in_urdu() {
        // Two numbers with words or a comma between them are two numbers: in Urdu the
        // first is on the right.
        let shown = one_line("1799 یا 1099");
        assert_eq!(shown, format!("1099 {} 1799", drawn("یا")));
        let shown = one_line("نمبر 1799، 1099");
        assert!(shown.starts_with("1099"), "{shown}");
        // Two spaces, or a hyphen with spaces round it, do not join numbers either.
        let mut out = String::new();
        push_isolating_numbers(&mut out, "1799  1099 - 1121");
        assert_eq!(out, "1799  1099 - 1121");
        // A sum keeps its plus; only a + that begins a word belongs to the number after it.
        let mut out = String::new();
        push_isolating_numbers(&mut out, "5+3 +92 300");
        assert_eq!(out, "5+3 \u{2066}+92 300\u{2069}");
    }

    #[test]
    fn every_shipped_help_line_number_reads_in_order_inside_urdu() {
        let mut contacts = Vec::new();
        for file in [
            include_str!("../../lessons/help-lines.toml"),
            include_str!("../../lessons/ur/help-lines.toml"),
        ] {
            let help: toml::Table = toml::from_str(file).expect("the help lines parse");
            for region in help["regions"].as_array().unwrap() {
                for line in region["lines"].as_array().unwrap() {
                    let contact = line["contact"].as_str().unwrap().to_string();
                    // "report.cybertip.org, 1-800-843-5678": each contact on its own.
                    contacts.extend(contact.split(", ").map(str::to_string));
                }
            }
        }
        assert!(contacts.iter().any(|c| c == "0800 1111"), "{contacts:?}");
        assert!(contacts.iter().any(|c| c == "1800 55 1800"), "{contacts:?}");
        for contact in &contacts {
            // "For help, call {contact}."
            let line = format!("مدد کے لیے {contact} پر فون کریں۔");
            let shown = one_line(&line);
            assert!(shown.contains(contact.as_str()), "{contact}: {shown}");
            assert!(shown.starts_with('۔'), "{shown}");
        }
    }

    #[test]
    fn marks_stay_after_the_letter_they_sit_on() {
        // بِ (beh with zer) reversed is still beh then zer, not zer then beh.
        let shown = one_line("بِل");
        assert_eq!(shown, "لبِ");
    }
}
