//! Problems found in a file a teacher wrote: where they are and what is wrong, shown the
//! same way by every front end (`PATH:LINE:COL: error: MESSAGE`, the line, a caret).

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How bad a problem is: errors stop a lesson from loading, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
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

/// One problem in one file, with the line it is on (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
    /// The text of the line the problem is on, for the caret display.
    #[serde(skip)]
    pub source_line: String,
    /// How many characters the caret underlines (at least one).
    #[serde(skip)]
    pub width: usize,
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
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        if self.line == 0 {
            return write!(f, "{path}: {}: {}", self.severity, self.message);
        }
        writeln!(
            f,
            "{path}:{}:{}: {}: {}",
            self.line, self.column, self.severity, self.message
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
            .map(|c| if c == '\t' { '\t' } else { ' ' })
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
        let width = self.text.get(start..end).map_or(1, |s| s.chars().count());
        Diagnostic {
            path: self.path.to_path_buf(),
            line: line_index + 1,
            column: before.chars().count() + 1,
            severity,
            message: message.into(),
            source_line: source_line.to_string(),
            width: width.max(1),
        }
    }
}

/// The closest of `known` to a misspelled `word`, if one is close enough to suggest.
pub fn suggest<'k>(word: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(1) + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
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
    fn misspelled_names_get_a_suggestion() {
        assert_eq!(suggest("tittle", &["title", "text"]), Some("title"));
        assert_eq!(suggest("corect", &["correct", "feedback"]), Some("correct"));
        assert_eq!(suggest("zzzzzz", &["title", "text"]), None);
    }
}
