//! The glossary: plain meanings for the hard words a lesson marks in its text as
//! `{evidence}` or `{screenshots|screenshot}`, so a child reading English as a second
//! language can look a word up at the moment they meet it.
//!
//! Meanings come from a shared `glossary.toml` beside the lessons, and a lesson may add or
//! override entries with its own `[[glossary]]`. A `Glossary` knows nothing of languages:
//! a translation reads its own `glossary.toml` with `parse_glossary` and hands that in.

use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;

use crate::diagnostic::Diagnostic;
use crate::toml_reader::{Fields, Kind, Need, Reader, read_document};

/// The name of the shared glossary file in a lessons folder.
pub const FILE_NAME: &str = "glossary.toml";
/// The glossary format version this program reads.
pub const GLOSSARY_FORMAT_VERSION: i64 = 1;
/// The most words one glossary file may hold.
pub const MAX_WORDS: usize = 1000;

const GLOSSARY: Kind = Kind {
    name: "a glossary file",
    counted: None,
};

/// One word and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub word: String,
    pub meaning: String,
    /// Other forms that find this entry ("evidences" for "evidence").
    pub also: Vec<String>,
}

impl Entry {
    fn answers_to(&self, word: &str) -> bool {
        same_word(&self.word, word) || self.also.iter().any(|a| same_word(a, word))
    }
}

fn same_word(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The words a lesson may look up; later entries win over earlier ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glossary {
    entries: Vec<Entry>,
}

impl Glossary {
    pub fn new(entries: Vec<Entry>) -> Glossary {
        Glossary { entries }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry a marked word points at, whatever its case.
    pub fn lookup(&self, word: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|e| e.answers_to(word))
    }

    /// This glossary with `more` added on top (a teacher's file over the built-in one, a
    /// lesson's own entries over the shared ones).
    pub fn with(&self, more: &[Entry]) -> Glossary {
        let mut entries = self.entries.clone();
        entries.extend(more.iter().cloned());
        Glossary { entries }
    }

    /// The words marked in these texts, first-seen order, each once, with its entry when
    /// there is one: what the meaning panel and plain mode's `g` show.
    pub fn meanings<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> Vec<Meaning> {
        let mut out: Vec<Meaning> = Vec::new();
        for text in texts {
            for (shown, entry) in marked_words(text) {
                if out.iter().any(|m| same_word(&m.entry, &entry)) {
                    continue;
                }
                let meaning = self.lookup(&entry).map(|e| e.meaning.clone());
                out.push(Meaning {
                    shown,
                    entry,
                    meaning,
                });
            }
        }
        out
    }
}

/// A marked word as the child saw it, and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Meaning {
    /// The form in the text ("screenshots").
    pub shown: String,
    /// The glossary word it points at ("screenshot").
    pub entry: String,
    /// `None` when no glossary has the word (`check` warns about it).
    pub meaning: Option<String>,
}

/// A stretch of lesson text: plain words, or a word that has a meaning to look up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Word { shown: String, entry: String },
}

/// A mistake in the marks of one text: where (a byte range in the text) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkError {
    pub at: Range<usize>,
    pub message: String,
}

/// Splits text into plain stretches and marked words. `{{` is a literal `{` and `}}` a
/// literal `}`, as in Rust's and Python's format strings.
pub fn pieces(text: &str) -> Result<Vec<Piece>, MarkError> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(open) = rest.find('{') {
        plain.push_str(&rest[..open].replace("}}", "}"));
        let after = &rest[open + 1..];
        if let Some(stripped) = after.strip_prefix('{') {
            plain.push('{');
            offset += open + 2;
            rest = stripped;
            continue;
        }
        let start = offset + open;
        // A mark ends at `}` and never spans a line or holds another `{`.
        let end = after.find(['}', '{', '\n']);
        let Some(close) = end.filter(|&i| after.as_bytes()[i] == b'}') else {
            let upto = end.unwrap_or(after.len()).min(30);
            let upto = (0..=upto)
                .rev()
                .find(|&i| after.is_char_boundary(i))
                .unwrap_or(0);
            return Err(MarkError {
                at: start..start + 1 + upto,
                message: "this `{` is never closed: mark a glossary word as {word} or {word as written|glossary word}, and write {{ for a brace itself".into(),
            });
        };
        let inside = &after[..close];
        let (shown, entry) = inside.split_once('|').unwrap_or((inside, inside));
        if shown.trim().is_empty() || entry.trim().is_empty() {
            return Err(MarkError {
                at: start..start + close + 2,
                message: "this glossary mark is empty: write the word inside, like {evidence}, or {{ for a brace itself".into(),
            });
        }
        if !plain.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut plain)));
        }
        out.push(Piece::Word {
            shown: shown.to_string(),
            entry: entry.trim().to_string(),
        });
        offset += open + close + 2;
        rest = &after[close + 1..];
    }
    plain.push_str(&rest.replace("}}", "}"));
    if !plain.is_empty() {
        out.push(Piece::Text(plain));
    }
    Ok(out)
}

/// The text as a child reads it, marks gone (a text with a broken mark, which `check`
/// refuses, is given back as it is).
pub fn plain(text: &str) -> String {
    match pieces(text) {
        Ok(pieces) => pieces
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t,
                Piece::Word { shown, .. } => shown,
            })
            .collect(),
        Err(_) => text.to_string(),
    }
}

/// Marked text as plain mode and a screen without underline show it: each marked word
/// followed by `*`, the sign that `g` can explain it.
pub fn starred(text: &str) -> String {
    match pieces(text) {
        Ok(pieces) => pieces
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t,
                Piece::Word { shown, .. } => format!("{shown}*"),
            })
            .collect(),
        Err(_) => text.to_string(),
    }
}

/// Text with no marks, written so it reads back as itself: braces doubled.
pub fn escape(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// Every text of a question a child may read: prompt, choices, hint, feedback.
pub fn question_texts(q: &super::Question) -> Vec<&str> {
    let mut texts = vec![q.prompt.as_str()];
    for c in &q.choices {
        texts.push(&c.text);
    }
    texts.extend(q.hint.as_deref());
    texts.extend(q.choices.iter().filter_map(|c| c.feedback.as_deref()));
    texts.extend(q.explanation.as_deref());
    texts
}

/// Every text of a pretend chat a child may read: intro, messages, and why each is or
/// is not a warning sign.
pub fn chat_texts(chat: &super::Chat) -> Vec<&str> {
    let mut texts: Vec<&str> = chat.intro.as_deref().into_iter().collect();
    texts.extend(chat.messages.iter().map(|m| m.text.as_str()));
    texts.extend(chat.messages.iter().filter_map(|m| m.why.as_deref()));
    texts
}

/// The marked words of a text, as (form shown, glossary word).
pub fn marked_words(text: &str) -> Vec<(String, String)> {
    pieces(text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| match p {
            Piece::Word { shown, entry } => Some((shown, entry)),
            Piece::Text(_) => None,
        })
        .collect()
}

/// Where each word of a glossary file is written, for `check`'s warnings.
#[derive(Debug, Clone)]
pub struct GlossaryFile {
    /// The language its meanings are written in (`lang = "ur"`); `None` for English.
    pub lang: Option<String>,
    pub glossary: Glossary,
    pub places: Vec<(String, Diagnostic)>,
}

/// Reads a glossary file (the shared one, or a translation's).
pub fn parse_glossary(path: &Path, source: &str) -> (Option<GlossaryFile>, Vec<Diagnostic>) {
    read_document(path, source, &GLOSSARY, read)
}

fn read(reader: &mut Reader, table: &DeTable, span: Range<usize>) -> Option<GlossaryFile> {
    let mut f = Fields::new(table, span, "the glossary file");
    if let Some((version, span)) = f.integer(reader, "format_version", Need::Required)
        && version != GLOSSARY_FORMAT_VERSION
    {
        reader.error(
            span,
            format!(
                "this glossary is written for format version {version}; this program reads version {GLOSSARY_FORMAT_VERSION}"
            ),
        );
    }
    let lang = f.string(reader, "lang", Need::Optional).and_then(|(lang, span)| {
        if super::translation::is_language_tag(&lang) {
            Some(lang)
        } else {
            reader.error(
                span,
                "`lang` names the language of the meanings as a BCP 47 tag, like \"ur\" or \"ur-Latn\"",
            );
            None
        }
    });
    let tables = f
        .tables(reader, "words", Need::Required)
        .unwrap_or_default();
    if tables.len() > MAX_WORDS {
        reader.error(
            f.value_span("words"),
            format!(
                "this glossary has {} words; it may have at most {MAX_WORDS}",
                tables.len()
            ),
        );
        return None;
    }
    let mut entries = Vec::new();
    let mut places = Vec::new();
    for (table, span) in tables {
        let mut w = Fields::new(table, span, "this word");
        if let Some((entry, word_span)) = read_entry(reader, &mut w, true) {
            places.push((entry.word.clone(), reader.place(word_span)));
            entries.push(entry);
        }
        w.finish(reader);
    }
    f.finish(reader);
    Some(GlossaryFile {
        lang,
        glossary: Glossary::new(entries),
        places,
    })
}

/// One `word`/`meaning` table, from the glossary file (`also` allowed) or a lesson.
/// Gives the entry and where its word is written; a word given twice is a warning.
pub(crate) fn read_entry(
    reader: &mut Reader,
    f: &mut Fields,
    allow_also: bool,
) -> Option<(Entry, Range<usize>)> {
    let word = f.string(reader, "word", Need::Required);
    let meaning = f.string(reader, "meaning", Need::Required);
    let also = if allow_also {
        f.string_list(reader, "also")
    } else {
        Vec::new()
    };
    if let Some((word, span)) = &word
        && (word.contains(['{', '}', '|']) || word.lines().count() > 1)
    {
        reader.error(
            span.clone(),
            "a glossary word is written plainly, without braces or `|`, on one line",
        );
        return None;
    }
    let (word, span) = word?;
    Some((
        Entry {
            word,
            meaning: meaning?.0,
            also,
        },
        span,
    ))
}

/// Where in a TOML value (`raw`, the value as written, quotes and all) the text at
/// `at` of its read form is, as a byte range of `raw`; `None` when escapes or trimming
/// make it impossible to tell, so the whole value is pointed at instead.
pub(crate) fn place_in_value(raw: &str, text: &str, at: &Range<usize>) -> Option<Range<usize>> {
    let needle = text.get(at.clone())?;
    let before = text.get(..at.start)?;
    // The n-th time the same marked text appears in the value is the one meant.
    let nth = before.matches(needle).count();
    let found = raw.match_indices(needle).nth(nth)?.0;
    Some(found..found + needle.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(shown: &str, entry: &str) -> Piece {
        Piece::Word {
            shown: shown.into(),
            entry: entry.into(),
        }
    }

    #[test]
    fn marks_become_words_and_double_braces_stay_braces() {
        let got = pieces("Keep {evidence} and {screenshots|screenshot}; {{not a mark}}").unwrap();
        assert_eq!(
            got,
            vec![
                Piece::Text("Keep ".into()),
                word("evidence", "evidence"),
                Piece::Text(" and ".into()),
                word("screenshots", "screenshot"),
                Piece::Text("; {not a mark}".into()),
            ]
        );
        assert_eq!(
            plain("Keep {evidence} and {screenshots|screenshot}."),
            "Keep evidence and screenshots."
        );
    }

    #[test]
    fn an_unclosed_brace_is_an_error_at_the_brace() {
        let err = pieces("Save the {evidence and tell").unwrap_err();
        assert_eq!(err.at.start, 9);
        assert!(err.message.contains("never closed"), "{}", err.message);
        assert!(pieces("a {} b").unwrap_err().message.contains("empty"));
        assert!(pieces("a {line\nbreak} b").is_err());
    }

    #[test]
    fn lookup_finds_other_forms_and_later_entries_win() {
        let shared = Glossary::new(vec![Entry {
            word: "Evidence".into(),
            meaning: "Proof.".into(),
            also: vec!["evidences".into()],
        }]);
        assert_eq!(shared.lookup("EVIDENCES").unwrap().meaning, "Proof.");
        let own = shared.with(&[Entry {
            word: "evidence".into(),
            meaning: "Things that show what happened.".into(),
            also: Vec::new(),
        }]);
        assert_eq!(
            own.lookup("evidence").unwrap().meaning,
            "Things that show what happened."
        );
        let m = own.meanings(["{evidence} and {Evidence}", "{consent}"]);
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].meaning, None);
    }

    #[test]
    fn a_place_in_a_value_skips_the_quote() {
        let raw = "\"a {x} and {x}\"";
        let text = "a {x} and {x}";
        assert_eq!(place_in_value(raw, text, &(10..13)), Some(11..14));
    }
}
