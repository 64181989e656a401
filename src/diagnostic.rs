//! Problems found in a file a teacher wrote: where they are and what is wrong, shown the
//! same way by every front end (`PATH:LINE:COL: error: MESSAGE`, the line, a caret).

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How bad a problem is: errors stop a lesson from loading, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem in one file, with the line it is on (1-based line and column; 0 for a
/// problem about the whole file, shown as `null` in JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Diagnostic {
    pub path: PathBuf,
    #[serde(serialize_with = "zero_is_null")]
    pub line: usize,
    #[serde(serialize_with = "zero_is_null")]
    pub column: usize,
    pub severity: Severity,
    pub message: String,
    /// The text of the line the problem is on, for the caret display.
    #[serde(skip)]
    pub source_line: String,
    /// How many terminal columns the caret underlines (at least one).
    #[serde(skip)]
    pub width: usize,
    /// A second place the problem concerns (the line of the source a translation
    /// differs from, the first of two lessons with one id), shown as a note after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<Box<Diagnostic>>,
}

fn zero_is_null<S: serde::Serializer>(n: &usize, s: S) -> Result<S::Ok, S::Error> {
    if *n == 0 {
        s.serialize_none()
    } else {
        s.serialize_some(n)
    }
}

impl Diagnostic {
    /// A problem about a whole file, not a place in it (unreadable, too big, ...).
    pub fn file_error(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            severity: Severity::Error,
            message: message.into(),
            source_line: String::new(),
            width: 0,
            related: None,
        }
    }

    /// The same problem, with a second place it concerns; `note` says what is there.
    pub fn with_related(mut self, mut place: Diagnostic, note: impl Into<String>) -> Self {
        place.message = note.into();
        place.related = None;
        self.related = Some(Box::new(place));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.show(f, &self.severity.to_string())?;
        if let Some(related) = &self.related {
            writeln!(f)?;
            related.show(f, "note")?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// `PATH:LINE:COL: LABEL: MESSAGE`, the line, and a caret under the place. The caret
    /// is placed by terminal columns, so it stays under its word after wide characters.
    fn show(&self, f: &mut fmt::Formatter<'_>, label: &str) -> fmt::Result {
        let path = self.path.display();
        if self.line == 0 {
            return write!(f, "{path}: {label}: {}", self.message);
        }
        writeln!(
            f,
            "{path}:{}:{}: {label}: {}",
            self.line, self.column, self.message
        )?;
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        let shown: String = self.source_line.chars().take(200).collect();
        writeln!(f, "{pad} |")?;
        writeln!(f, "{number} | {shown}")?;
        let lead: String = self
            .source_line
            .chars()
            .take(self.column.saturating_sub(1))
            .map(|c| match c {
                '\t' => "\t".to_string(),
                c => " ".repeat(UnicodeWidthChar::width(c).unwrap_or(0)),
            })
            .collect();
        write!(f, "{pad} | {lead}{}", "^".repeat(self.width.clamp(1, 80)))
    }
}

/// Turns byte offsets in one file's text into diagnostics with line and column.
pub struct SourceMap<'a> {
    path: &'a Path,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    pub fn new(path: &'a Path, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceMap {
            path,
            text,
            line_starts,
        }
    }

    /// The file's text in `span`, as written (quotes and escapes included).
    pub fn slice(&self, span: Range<usize>) -> &'a str {
        self.text.get(span).unwrap_or("")
    }

    pub fn diagnostic(
        &self,
        severity: Severity,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let start = span.start.min(self.text.len());
        let line_index = self.line_starts.partition_point(|&s| s <= start) - 1;
        let line_start = self.line_starts[line_index];
        let line_end = self.text[line_start..]
            .find('\n')
            .map_or(self.text.len(), |i| line_start + i);
        let source_line = self.text[line_start..line_end].trim_end_matches('\r');
        let before = self.text.get(line_start..start).unwrap_or("");
        let end = span.end.clamp(start, line_end);
        let width = self.text.get(start..end).map_or(1, UnicodeWidthStr::width);
        Diagnostic {
            path: self.path.to_path_buf(),
            line: line_index + 1,
            column: before.chars().count() + 1,
            severity,
            message: message.into(),
            source_line: source_line.to_string(),
            width: width.max(1),
            related: None,
        }
    }
}

/// The closest of `known` to a misspelled `word`, if one is close enough to suggest.
pub fn suggest<'k>(word: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(word, k), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(1) + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_points_at_its_line_and_column() {
        let text = "a = 1\nbad = 2\n";
        let map = SourceMap::new(Path::new("x.toml"), text);
        let d = map.diagnostic(Severity::Error, 6..9, "unknown field `bad`");
        assert_eq!((d.line, d.column, d.width), (2, 1, 3));
        assert_eq!(
            d.to_string(),
            "x.toml:2:1: error: unknown field `bad`\n  |\n2 | bad = 2\n  | ^^^"
        );
    }

    #[test]
    fn the_caret_stays_under_its_word_after_wide_characters() {
        let text = "title = \"你好\" bad\n";
        let map = SourceMap::new(Path::new("x.toml"), text);
        let start = text.find("bad").unwrap();
        let d = map.diagnostic(Severity::Error, start..start + 3, "here");
        let shown = d.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        let word = crate::text::width(&lines[2][..lines[2].find("bad").unwrap()]);
        let caret = lines[3].find('^').unwrap();
        assert_eq!(word, caret, "{shown}");
    }

    #[test]
    fn a_related_place_is_shown_as_a_note_after_the_problem() {
        let map = SourceMap::new(Path::new("ur.toml"), "a = 1\n");
        let source = SourceMap::new(Path::new("en.toml"), "x = 1\na = 2\n");
        let d = map
            .diagnostic(Severity::Error, 0..1, "differs")
            .with_related(source.diagnostic(Severity::Error, 6..7, ""), "the source");
        assert_eq!(
            d.to_string(),
            "ur.toml:1:1: error: differs\n  |\n1 | a = 1\n  | ^\nen.toml:2:1: note: the source\n  |\n2 | a = 2\n  | ^"
        );
    }

    #[test]
    fn a_problem_about_the_whole_file_has_no_line_in_json() {
        let d = Diagnostic::file_error(Path::new("x.toml"), "too big");
        let json = serde_json::to_value(&d).unwrap();
        assert!(json["line"].is_null() && json["column"].is_null(), "{json}");
    }

    #[test]
    fn misspelled_names_get_a_suggestion() {
        assert_eq!(suggest("tittle", &["title", "text"]), Some("title"));
        assert_eq!(suggest("corect", &["correct", "feedback"]), Some("correct"));
        assert_eq!(suggest("zzzzzz", &["title", "text"]), None);
    }
}
