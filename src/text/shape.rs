//! Joining Arabic-script letters (Urdu included) into the contextual forms a terminal
//! can draw one cell at a time: Arabic Presentation Forms A and B, and lam-alef as one
//! ligature.
//!
//! Most terminals draw each code point on its own, so an Urdu word typed in its base
//! letters shows as a row of unjoined, isolated letters. Replacing each letter with its
//! initial, medial, final or isolated presentation form lets any terminal font that has
//! those glyphs show the word joined. The ar-reshaper crate does the work; the tests
//! below check it, letter by letter, against the Unicode standard's presentation forms.

use std::borrow::Cow;

use ar_reshaper::ArabicReshaper;
use ar_reshaper::config::{Language, LigaturesFlags, ReshaperConfig};

/// Lam-alef (and the word Allah) become ligatures; no other ligature, so each remaining
/// letter keeps a cell of its own. Marks (zer, zabar, the small hamza) are kept rather
/// than deleted, so text never loses a character a teacher wrote.
static RESHAPER: ArabicReshaper = ArabicReshaper::new({
    let mut config = ReshaperConfig::new(Language::Arabic, LigaturesFlags::default());
    config.delete_harakat = false;
    // `new` turns ligatures off when only the default ones are asked for.
    config.support_ligatures = true;
    config
});

/// `text` with its Arabic-script letters replaced by their joined presentation forms;
/// borrowed unchanged when it has none (English, Roman Urdu, numbers).
pub fn join_letters(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_arabic_letter) {
        return Cow::Borrowed(text);
    }
    // The whole text in one call: each call to the reshaper has a fixed cost (it walks
    // its letter and ligature tables), which word by word made a page twice as slow.
    let mut joined = String::with_capacity(text.len() + 8);
    reshape(text, &mut joined);
    Cow::Owned(joined)
}

fn reshape(text: &str, out: &mut String) {
    // The reshaper attaches each mark to the letter before it and cannot handle a mark
    // with no letter before it, so marks at the very start are kept as they are.
    let body = text.trim_start_matches(is_arabic_mark);
    out.push_str(&text[..text.len() - body.len()]);
    if body.contains(HEH_GOAL_WITH_HAMZA) {
        // ۂ has no presentation forms and the reshaper leaves it unjoined; its
        // canonical decomposition (ہ and a hamza above) joins like ہ.
        out.push_str(&RESHAPER.reshape(body.replace(HEH_GOAL_WITH_HAMZA, "\u{06C1}\u{0654}")));
    } else {
        out.push_str(&RESHAPER.reshape(body));
    }
}

const HEH_GOAL_WITH_HAMZA: char = '\u{06C2}';

/// Letters of the Arabic block that take contextual forms (Urdu's own letters included).
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FF}')
}

/// The combining marks the reshaper moves along with the letter they sit on.
fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width;

    /// Every letter of the Urdu alphabet with its presentation forms, in the order
    /// isolated, final, initial, medial, as Unicode's UnicodeData.txt lists them
    /// (`<isolated>`, `<final>`, `<initial>`, `<medial>` decompositions of U+FB50..U+FEFC).
    /// A letter that joins only to the letter before it (ا د ڈ ذ ر ڑ ز ژ و ے ...) has no
    /// initial or medial form: there Unicode's joining rules show it isolated and final.
    /// Noon ghunna (ں) has only isolated and final forms in Presentation Forms B, and
    /// Urdu writes it only at the end of a word, so it is treated the same way. ۂ has no
    /// presentation forms at all: see `heh_with_hamza_joins_like_heh`.
    const URDU_LETTERS: &[(char, [u32; 4])] = &[
        ('ا', [0xFE8D, 0xFE8E, 0xFE8D, 0xFE8E]),
        ('آ', [0xFE81, 0xFE82, 0xFE81, 0xFE82]),
        ('ب', [0xFE8F, 0xFE90, 0xFE91, 0xFE92]),
        ('پ', [0xFB56, 0xFB57, 0xFB58, 0xFB59]),
        ('ت', [0xFE95, 0xFE96, 0xFE97, 0xFE98]),
        ('ٹ', [0xFB66, 0xFB67, 0xFB68, 0xFB69]),
        ('ث', [0xFE99, 0xFE9A, 0xFE9B, 0xFE9C]),
        ('ج', [0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0]),
        ('چ', [0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D]),
        ('ح', [0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4]),
        ('خ', [0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8]),
        ('د', [0xFEA9, 0xFEAA, 0xFEA9, 0xFEAA]),
        ('ڈ', [0xFB88, 0xFB89, 0xFB88, 0xFB89]),
        ('ذ', [0xFEAB, 0xFEAC, 0xFEAB, 0xFEAC]),
        ('ر', [0xFEAD, 0xFEAE, 0xFEAD, 0xFEAE]),
        ('ڑ', [0xFB8C, 0xFB8D, 0xFB8C, 0xFB8D]),
        ('ز', [0xFEAF, 0xFEB0, 0xFEAF, 0xFEB0]),
        ('ژ', [0xFB8A, 0xFB8B, 0xFB8A, 0xFB8B]),
        ('س', [0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4]),
        ('ش', [0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8]),
        ('ص', [0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC]),
        ('ض', [0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0]),
        ('ط', [0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4]),
        ('ظ', [0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8]),
        ('ع', [0xFEC9, 0xFECA, 0xFECB, 0xFECC]),
        ('غ', [0xFECD, 0xFECE, 0xFECF, 0xFED0]),
        ('ف', [0xFED1, 0xFED2, 0xFED3, 0xFED4]),
        ('ق', [0xFED5, 0xFED6, 0xFED7, 0xFED8]),
        ('ک', [0xFB8E, 0xFB8F, 0xFB90, 0xFB91]),
        ('گ', [0xFB92, 0xFB93, 0xFB94, 0xFB95]),
        ('ل', [0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0]),
        ('م', [0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4]),
        ('ن', [0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8]),
        ('ں', [0xFB9E, 0xFB9F, 0xFB9E, 0xFB9F]),
        ('و', [0xFEED, 0xFEEE, 0xFEED, 0xFEEE]),
        ('ؤ', [0xFE85, 0xFE86, 0xFE85, 0xFE86]),
        ('ہ', [0xFBA6, 0xFBA7, 0xFBA8, 0xFBA9]),
        ('ھ', [0xFBAA, 0xFBAB, 0xFBAC, 0xFBAD]),
        ('ی', [0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF]),
        ('ئ', [0xFE89, 0xFE8A, 0xFE8B, 0xFE8C]),
        ('ے', [0xFBAE, 0xFBAF, 0xFBAE, 0xFBAF]),
        ('ۓ', [0xFBB0, 0xFBB1, 0xFBB0, 0xFBB1]),
    ];

    /// The letters after which a word breaks: they never join to the letter after them.
    const NON_JOINING: &str = "اآدڈذرڑزژںوؤےۓ";

    fn code_points(text: &str) -> Vec<u32> {
        text.chars().map(u32::from).collect()
    }

    fn hex(points: &[u32]) -> String {
        points.iter().map(|p| format!("U+{p:04X} ")).collect()
    }

    #[test]
    fn every_urdu_letter_takes_its_unicode_form_in_each_position() {
        // ب joins on both sides, so it pulls the letter under test into each position.
        let beh = 'ب';
        let beh_isolated = 0xFE8F;
        let beh_initial = 0xFE91;
        let beh_medial = 0xFE92;
        let beh_final = 0xFE90;
        let mut wrong = Vec::new();
        for &(letter, [isolated, final_, initial, medial]) in URDU_LETTERS {
            let joins_after = !NON_JOINING.contains(letter);
            // What ب becomes after the letter: joined to it, or on its own.
            let after = if joins_after { beh_medial } else { beh_initial };
            let cases = [
                ("isolated", letter.to_string(), vec![isolated]),
                ("final", format!("{beh}{letter}"), vec![beh_initial, final_]),
                (
                    "initial",
                    format!("{letter}{beh}"),
                    vec![initial, if joins_after { beh_final } else { beh_isolated }],
                ),
                (
                    "medial",
                    format!("{beh}{letter}{beh}{beh}"),
                    vec![beh_initial, medial, after, beh_final],
                ),
            ];
            for (position, word, expected) in cases {
                let got = code_points(&join_letters(&word));
                if got != expected {
                    wrong.push(format!(
                        "{letter} {position}: expected {} got {}",
                        hex(&expected),
                        hex(&got)
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn heh_with_hamza_joins_like_heh() {
        // U+06C2 is canonically U+06C1 U+0654: drawn as ہ in its joined form with the
        // hamza mark on it. In بۂ ب is initial and ہ final.
        assert_eq!(
            code_points(&join_letters("بۂ")),
            vec![0xFE91, 0xFBA7, 0x0654]
        );
        assert_eq!(code_points(&join_letters("ۂ")), vec![0xFBA6, 0x0654]);
    }

    #[test]
    fn non_joining_letters_break_the_join_to_the_next_letter() {
        // In "ادڈذرڑزژوے" followed by ب, ب always starts afresh in its isolated form.
        for letter in "ادڈذرڑزژوے".chars() {
            let word = format!("ب{letter}ب");
            let got = code_points(&join_letters(&word));
            assert_eq!(
                got[2], 0xFE8F,
                "ب after {letter} should stand alone: {got:X?}"
            );
        }
        // A real word: in بڑا (big) ب joins ڑ, ڑ cannot join ا, so ا stands alone.
        assert_eq!(
            code_points(&join_letters("بڑا")),
            vec![0xFE91, 0xFB8D, 0xFE8D]
        );
    }

    #[test]
    fn lam_alef_becomes_one_ligature_one_cell_wide() {
        // سلام (hello): seen, lam-alef as one glyph, meem.
        let joined = join_letters("سلام");
        assert_eq!(code_points(&joined), vec![0xFEB3, 0xFEFC, 0xFEE1]);
        assert_eq!(width(&joined), 3, "four letters, three cells");
        // لا alone is the isolated ligature; with madda above (لآ) its own ligature.
        assert_eq!(code_points(&join_letters("لا")), vec![0xFEFB]);
        assert_eq!(code_points(&join_letters("لآ")), vec![0xFEF5]);
    }

    #[test]
    fn real_urdu_words_join_fully() {
        let words: [(&str, &[u32]); 4] = [
            // بچوں (children): ب initial, چ medial, و final (it cannot join on), ں alone.
            ("بچوں", &[0xFE91, 0xFB7D, 0xFEEE, 0xFB9E]),
            // گھر (home): گ initial, ھ medial, ر final.
            ("گھر", &[0xFB94, 0xFBAD, 0xFEAE]),
            // ٹیچر (teacher).
            ("ٹیچر", &[0xFB68, 0xFBFF, 0xFB7D, 0xFEAE]),
            // کیے (did): ے final after ی.
            ("کیے", &[0xFB90, 0xFBFF, 0xFBAF]),
        ];
        for (word, expected) in words {
            assert_eq!(code_points(&join_letters(word)), expected, "{word}");
        }
    }

    #[test]
    fn text_without_arabic_letters_is_returned_untouched() {
        assert!(matches!(
            join_letters("WhatsApp 1799, Roman Urdu: bachon"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn marks_are_kept_even_at_the_very_start() {
        // A stray zabar before any letter, then a word with a zer on its first letter.
        let joined = join_letters("\u{064E}بِلا");
        let points = code_points(&joined);
        assert_eq!(points[0], 0x064E);
        assert!(points.contains(&0x0650), "the zer is kept: {points:X?}");
        assert!(
            points.contains(&0xFEFC),
            "lam-alef still joins: {points:X?}"
        );
    }

    #[test]
    fn a_sentence_joins_word_by_word_as_each_word_does_alone() {
        let sentence = "آن لائن جرم کی شکایت کے لیے  1799 پر فون کریں\n";
        let word_by_word: String = sentence
            .split_inclusive(char::is_whitespace)
            .map(|w| match w.trim_end() {
                "" => w.to_string(),
                word => format!("{}{}", join_letters(word), &w[word.len()..]),
            })
            .collect();
        assert_eq!(join_letters(sentence), word_by_word);
        // A mark right after a space is kept too.
        assert!(join_letters("ب \u{064E}ب").contains('\u{064E}'));
    }

    #[test]
    fn a_zero_width_non_joiner_stops_the_join() {
        // Urdu writers use ZWNJ to keep two letters apart inside a word.
        let got = code_points(&join_letters("ب\u{200C}ب"));
        assert_eq!(got, vec![0xFE8F, 0x200C, 0xFE8F]);
    }
}
