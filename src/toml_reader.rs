//! Reading any TOML file a teacher writes (lessons, help lines, class settings): the text
//! in, every problem in it out, each with its place, and typed fields read one by one.
//!
//! The file is parsed into TOML values that keep their place in the text, then walked by
//! hand rather than through serde's derive, so that one pass reports all the mistakes
//! (unknown fields, wrong types, missing fields) instead of stopping at the first.

use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Severity, SourceMap, suggest};
use crate::text;

/// Bigger files are refused before reading them whole, to keep memory bounded.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// The most characters on one line of a file; a longer line is refused before parsing.
pub const MAX_LINE_CHARS: usize = 20_000;
/// The most characters in one piece of text (a page, a prompt, a choice, ...).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The most fields, list items and lines one file may have; a file with more is refused
/// before parsing, so that parsing never takes much time or memory.
pub const MAX_ENTRIES: usize = 100_000;
/// The most problems listed for one file; the rest are counted in one last message.
pub const MAX_DIAGNOSTICS: usize = 100;

/// Reads one file, never more than `MAX_FILE_BYTES` of it, whatever its size claims to be.
pub fn read_text(path: &Path) -> Result<String, String> {
    read_file(path).map_err(|d| d.message)
}

/// As `read_text`, with the problem as a diagnostic: text that is not UTF-8 is placed at
/// the line and column of its first bad byte.
pub fn read_file(path: &Path) -> Result<String, Diagnostic> {
    let refused = |reason: String| Diagnostic::file_error(path, reason);
    let bytes = match fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(refused(if fs::symlink_metadata(path).is_ok() {
                "this is a link to a file that does not exist".into()
            } else {
                "there is no such file".into()
            }));
        }
        Err(e) => {
            return Err(refused(format!(
                "the file cannot be read: {}",
                describe_io(&e)
            )));
        }
        Ok(m) if !m.is_file() => {
            return Err(refused(
                "this is not a file (it is a folder, a device or a pipe)".into(),
            ));
        }
        Ok(m) if m.len() > MAX_FILE_BYTES as u64 => return Err(refused(too_big(m.len()))),
        Ok(_) => read_at_most(path).map_err(refused)?,
    };
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let before = std::str::from_utf8(&e.as_bytes()[..good]).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.matches('\n').count() + 1;
        let column = before[line_start..].chars().count() + 1;
        Diagnostic {
            line,
            column,
            message: format!(
                "the file is not UTF-8 text (a bad byte at line {line}, column {column}); save it as UTF-8 in your editor"
            ),
            source_line: format!("{}\u{FFFD}", &before[line_start..]),
            width: 1,
            ..refused(String::new())
        }
    })
}

/// The file's bytes, refusing it if it turns out longer than `MAX_FILE_BYTES` (a file
/// that grows while being read, or one whose size the system does not know).
fn read_at_most(path: &Path) -> Result<Vec<u8>, String> {
    let file = fs::File::open(path)
        .map_err(|e| format!("the file cannot be read: {}", describe_io(&e)))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("the file cannot be read: {}", describe_io(&e)))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_big(bytes: u64) -> String {
    format!(
        "the file is {} KB; a lesson file may be at most {} KB",
        bytes / 1024,
        MAX_FILE_BYTES / 1024
    )
}

/// A system error in words a teacher can act on.
pub fn describe_io(e: &std::io::Error) -> String {
    let text = e.to_string();
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        format!("you do not have permission to read it ({text})")
    } else if text.contains("symbolic links") {
        format!("it is a link that leads back to itself ({text})")
    } else {
        text
    }
}

/// What kind of file is read: its name in messages, and an array of tables whose length
/// is limited before parsing (a lesson's `[[steps]]`).
pub struct Kind {
    /// How a message names the file, like "a lesson file".
    pub name: &'static str,
    pub counted: Option<Counted>,
}

/// An array of tables counted by the quick scan, so that a file with far too many is
/// refused before parsing.
pub struct Counted {
    /// The header's name, like `steps` for `[[steps]]`.
    pub header: &'static str,
    pub max: usize,
    /// The message for the header past `max`, given how many there are.
    pub too_many: fn(usize) -> String,
}

/// Parses a TOML document and hands its top table to `read`; returns what `read` made
/// (only when the file has no errors) and every problem, in the order of the file.
/// A file over the limits (size, line length, number of fields) is refused unparsed.
pub fn read_document<T>(
    path: &Path,
    source: &str,
    kind: &Kind,
    read: impl FnOnce(&mut Reader, &DeTable, Range<usize>) -> Option<T>,
) -> (Option<T>, Vec<Diagnostic>) {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let shape = scan(source, kind.counted.as_ref());
    if let Some(refused) = refuse_oversized(path, source, kind, &shape) {
        return (None, refused);
    }
    parse_document(path, source, &shape, read)
}

fn parse_document<T>(
    path: &Path,
    source: &str,
    shape: &Shape,
    read: impl FnOnce(&mut Reader, &DeTable, Range<usize>) -> Option<T>,
) -> (Option<T>, Vec<Diagnostic>) {
    let map = SourceMap::new(path, source);
    let mut reader = Reader {
        map: &map,
        diagnostics: Vec::new(),
        offsets: Vec::new(),
        dropped: (0, 0),
        marks: Vec::new(),
    };
    let (document, errors) = DeTable::parse_recoverable(source);
    // After the first syntax error the parser guesses, and its guesses are wrong: one
    // missing bracket would give hundreds of errors. Only the first is real, and any
    // control character, which is a mistake of its own wherever it is.
    let mut errors_by_place: Vec<(Range<usize>, &str)> = errors
        .iter()
        .map(|e| (e.span().unwrap_or(0..0), e.message()))
        .collect();
    errors_by_place.sort_by_key(|(span, _)| span.start);
    for (n, (span, message)) in errors_by_place.into_iter().enumerate() {
        if let Some(c) = control_at(source, span.start) {
            reader.error(
                span,
                format!(
                    "this is not valid TOML: a control character (U+{:04X}) is written straight into the file here; delete it",
                    u32::from(c)
                ),
            );
        } else if n == 0 {
            let (span, message) = explain_syntax_error(source, shape, span, message);
            reader.error(span, message);
        }
    }
    for (span, what) in &shape.newer_syntax {
        reader.warning(span.clone(), *what);
    }
    let valid = errors.is_empty();
    drop(errors);
    let made = if valid {
        read(&mut reader, document.get_ref(), document.span())
    } else {
        None
    };
    let mut diagnostics = reader.diagnostics;
    diagnostics.sort_by_key(|d| (d.line, d.column));
    let (errors, warnings) = reader.dropped;
    if errors + warnings > 0 {
        let mut more = Diagnostic::file_error(
            path,
            format!(
                "and {} not shown ({}, {}): fix the ones above and check again",
                text::count(errors + warnings, "more problem"),
                text::count(errors, "error"),
                text::count(warnings, "warning"),
            ),
        );
        if errors == 0 {
            more.severity = Severity::Warning;
        }
        diagnostics.push(more);
    }
    let made = made.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    (made, diagnostics)
}

/// The first syntax error in words a teacher can act on, at the place the mistake was
/// made (which is often before where the parser noticed it).
fn explain_syntax_error(
    source: &str,
    shape: &Shape,
    span: Range<usize>,
    message: &str,
) -> (Range<usize>, String) {
    let message = message.trim().replace('\n', " ");
    if message.contains("recursion depth") {
        return (
            span,
            "this is not valid TOML: lists or tables are nested too deeply here".into(),
        );
    }
    // A text closed by the quotes meant to open the next one is the earlier mistake.
    if let Some(start) = shape.closed_by_opener.or(shape.open_text) {
        return (
            start..start + 3,
            "this text starts with \"\"\" but is never closed, so what follows is read as text: close it with \"\"\" where the text ends".into(),
        );
    }
    let line_start = source[..span.start.min(source.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = source[line_start..]
        .find('\n')
        .map_or(source.len(), |i| line_start + i);
    let line = &source[line_start..line_end];
    if let Some(value) = line.find('=').map(|i| &line[i + 1..])
        && let Some(quote) = value
            .trim_start()
            .chars()
            .next()
            .filter(|c| "“”‘’".contains(*c))
    {
        let at = line_start + line.len() - value.trim_start().len();
        return (
            at..at + quote.len_utf8(),
            format!(
                "text starts with a curly quote ({quote}); TOML needs straight quotes (\"): word processors change them, so type the quotes again in a plain text editor"
            ),
        );
    }
    if let Some(at) = quote_ending_text_early(line, span.start.saturating_sub(line_start)) {
        let at = line_start + at;
        return (
            at..at + 1,
            "this \" inside the text ends it too early: write \\\" for each quote mark inside the text (or use curly quotes “ ” there)".into(),
        );
    }
    if message.contains("duplicate key")
        && let Some((at, name)) = single_bracket_list(source)
    {
        return (
            at..at + name.len() + 2,
            format!(
                "`[{name}]` should be `[[{name}]]`: each item of a list (each step, each choice) starts with two brackets on each side"
            ),
        );
    }
    let header = line.trim_start().starts_with('[')
        && line.matches('[').count() != line.matches(']').count();
    if header {
        return (
            span,
            "this header is not closed: write it with two brackets on each side, like [[steps]]"
                .into(),
        );
    }
    if line[..span.start.saturating_sub(line_start).min(line.len())]
        .trim()
        .is_empty()
        && let Some((at, bracket)) = unclosed_on_line_before(source, line_start)
    {
        let close = if bracket == '[' { ']' } else { '}' };
        return (
            at..at,
            format!("this `{bracket}` is not closed: add `{close}` at the end of the line"),
        );
    }
    (span, format!("this is not valid TOML: {message}"))
}

/// Where, in a line like `summary = "Be "kind" online"`, the quote mark is that ended the
/// text before the error at column `error` (a byte offset in `line`): a straight quote
/// after the opening one, with more text and another quote after the error.
fn quote_ending_text_early(line: &str, error: usize) -> Option<usize> {
    let value_at = line.find('=')? + 1;
    let opening = value_at + line[value_at..].find(|c: char| !c.is_whitespace())?;
    if !line[opening..].starts_with('"') || line[opening..].starts_with("\"\"\"") {
        return None;
    }
    let before = line.get(..error)?.trim_end();
    let closing = before.len().checked_sub(1)?;
    (closing > opening && before.ends_with('"') && line[error..].contains('"')).then_some(closing)
}

/// The control character (other than tab and line ends) at `at`, if there is one.
fn control_at(source: &str, at: usize) -> Option<char> {
    source
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// The first header written `[name]` where the file also has `[[name]]`, or twice: where
/// it is and its name.
fn single_bracket_list(source: &str) -> Option<(usize, &str)> {
    let mut offset = 0;
    let mut seen: Vec<&str> = Vec::new();
    let mut first: Vec<(usize, &str)> = Vec::new();
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(inner) = trimmed.strip_prefix('[').and_then(|t| t.strip_suffix(']'))
            && !inner.starts_with('[')
        {
            let name = inner.trim();
            let at = offset + line.find('[').unwrap_or(0);
            if seen.contains(&name) {
                return first.into_iter().find(|(_, n)| *n == name);
            }
            seen.push(name);
            first.push((at, name));
        }
        offset += line.len();
    }
    first
        .into_iter()
        .find(|(_, name)| source.contains(&format!("[[{name}]]")))
}

/// The last `[` or `{` left open on the nearest non-blank line before `line_start`, and
/// the end of that line (strings and comments skipped).
fn unclosed_on_line_before(source: &str, line_start: usize) -> Option<(usize, char)> {
    let before = &source[..line_start];
    let end = before.trim_end().len();
    let start = before[..end].rfind('\n').map_or(0, |i| i + 1);
    let line = &before[start..end];
    let mut open = Vec::new();
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => break,
            (None, '[' | '{') => open.push(c),
            (None, ']' | '}') => {
                open.pop();
            }
            _ => {}
        }
    }
    let header =
        line.trim_start().starts_with('[') && open.len() <= 2 && line.trim_end().ends_with(']');
    (!header).then_some(())?;
    open.last().map(|&c| (end, c))
}

/// What a quick scan of a file finds before it is parsed.
#[derive(Default)]
struct Shape {
    /// The first line longer than `MAX_LINE_CHARS`: its number (from 1), its first
    /// characters and its length in characters.
    long_line: Option<(usize, String, usize)>,
    /// How many of the counted headers (like `[[steps]]`) there are, and where the first
    /// one over the limit is (line, column, the line's text).
    counted: usize,
    counted_over: Option<(usize, usize, String)>,
    /// Fields, list items, tables and lines: roughly how many values parsing would make.
    entries: usize,
    /// Where a `"""` (or `'''`) text starts that is still open at the end of the file.
    open_text: Option<usize>,
    /// The first multi-line text whose closing quotes stand after `key =`: they were
    /// meant to open the next text, so the one before was never closed. Where it opens.
    closed_by_opener: Option<usize>,
    /// TOML 1.1 writing that TOML 1.0 tools (most editors) reject: where, and what.
    newer_syntax: Vec<(Range<usize>, &'static str)>,
}

/// The most TOML 1.1 warnings kept for one file.
const MAX_NEWER_SYNTAX: usize = 20;

const MULTI_LINE_INLINE_TABLE: &str = "a table in { } over several lines needs TOML 1.1, which most editors do not read yet: put it on one line, or write it as a [table]";
const TRAILING_COMMA: &str = "a comma before the closing } needs TOML 1.1, which most editors do not read yet: remove the comma";
const NEW_ESCAPE: &str = "the escapes \\e and \\x need TOML 1.1, which most editors do not read yet: write \\u001B or \\u00XX instead";

/// Scans the text once, byte by byte, skipping strings and comments: no allocation beyond
/// the few things it reports, so a huge or strange file costs a few milliseconds.
fn scan(source: &str, counted: Option<&Counted>) -> Shape {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Normal,
        Comment,
        Basic,
        Literal,
        MultiBasic,
        MultiLiteral,
    }
    let bytes = source.as_bytes();
    let mut shape = Shape::default();
    let mut state = State::Normal;
    let mut line = 1;
    let mut line_start = 0;
    let mut line_chars = 0;
    let mut blank_so_far = true;
    // Open `[` and `{` of values (not headers), and the last byte of TOML seen, to find
    // TOML 1.1 inline tables.
    let mut open: Vec<(u8, bool)> = Vec::new();
    let mut last = b' ';
    let newer = |shape: &mut Shape, span: Range<usize>, what: &'static str| {
        if shape.newer_syntax.len() < MAX_NEWER_SYNTAX {
            shape.newer_syntax.push((span, what));
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b & 0xC0 != 0x80 {
            line_chars += 1;
        }
        if b == b'\n' {
            if line_chars > MAX_LINE_CHARS + 1 && shape.long_line.is_none() {
                let start: String = source[line_start..].chars().take(200).collect();
                shape.long_line = Some((line, start, line_chars - 1));
            }
            line += 1;
            line_start = i + 1;
            line_chars = 0;
            blank_so_far = true;
            if matches!(state, State::Comment | State::Basic | State::Literal) {
                state = State::Normal;
            }
            if state == State::Normal
                && let Some((b'{', warned)) = open.last_mut()
                && !*warned
            {
                *warned = true;
                newer(&mut shape, i..i, MULTI_LINE_INLINE_TABLE);
            }
            i += 1;
            continue;
        }
        let starts = |text: &[u8]| bytes[i..].starts_with(text);
        match state {
            State::Normal => {
                if blank_so_far && !b.is_ascii_whitespace() && b != b'#' {
                    shape.entries += 1;
                }
                match b {
                    b'#' => state = State::Comment,
                    b'"' if starts(b"\"\"\"") => {
                        state = State::MultiBasic;
                        shape.open_text = Some(i);
                        i += 2;
                    }
                    b'"' => state = State::Basic,
                    b'\'' if starts(b"\'\'\'") => {
                        state = State::MultiLiteral;
                        shape.open_text = Some(i);
                        i += 2;
                    }
                    b'\'' => state = State::Literal,
                    b'=' | b',' => shape.entries += 1,
                    b'{' => {
                        shape.entries += 1;
                        open.push((b'{', false));
                    }
                    b'}' => {
                        if last == b',' {
                            newer(&mut shape, i..i + 1, TRAILING_COMMA);
                        }
                        open.pop();
                    }
                    b'[' if !(blank_so_far && open.is_empty()) => open.push((b'[', false)),
                    b']' if !open.is_empty() => {
                        open.pop();
                    }
                    b'[' if blank_so_far && starts(b"[[") => {
                        let rest = &source[i + 2..];
                        let name = rest[..rest.find(['\n', ']']).unwrap_or(rest.len())].trim();
                        if let Some(counted) = counted.filter(|c| c.header == name) {
                            shape.counted += 1;
                            if shape.counted == counted.max + 1 {
                                let column = source[line_start..i].chars().count() + 1;
                                let text: String = source[line_start..].chars().take(200).collect();
                                let text = text.lines().next().unwrap_or("").to_string();
                                shape.counted_over = Some((line, column, text));
                            }
                        }
                    }
                    _ => {}
                }
                if !b.is_ascii_whitespace() {
                    blank_so_far = false;
                    if state == State::Normal {
                        last = b;
                    }
                }
            }
            State::Comment => {}
            // An escape: skip the escaped character (but never a line end).
            State::Basic | State::MultiBasic
                if b == b'\\' && bytes.get(i + 1).is_some_and(|&n| n != b'\n') =>
            {
                if matches!(bytes[i + 1], b'e' | b'x') {
                    newer(&mut shape, i..i + 2, NEW_ESCAPE);
                }
                i += 1;
                if bytes[i] & 0xC0 != 0x80 {
                    line_chars += 1;
                }
            }
            State::Basic if b == b'"' => {
                state = State::Normal;
                last = b;
            }
            State::Literal if b == b'\'' => {
                state = State::Normal;
                last = b;
            }
            State::MultiBasic | State::MultiLiteral
                if starts(if state == State::MultiBasic {
                    b"\"\"\""
                } else {
                    b"\'\'\'"
                }) =>
            {
                // Up to two more quotes belong to the text: `""""` ends with one quote.
                let quotes = bytes[i..].iter().take(5).take_while(|&&c| c == b).count();
                state = State::Normal;
                last = b;
                let before = source[line_start..i].trim_end();
                if shape.closed_by_opener.is_none()
                    && before.ends_with('=')
                    && before[..before.len() - 1]
                        .trim()
                        .bytes()
                        .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
                {
                    shape.closed_by_opener = shape.open_text;
                }
                shape.open_text = None;
                i += quotes - 1;
                line_chars += quotes - 1;
            }
            _ => {}
        }
        i += 1;
    }
    if line_chars > MAX_LINE_CHARS && shape.long_line.is_none() {
        let start: String = source[line_start..].chars().take(200).collect();
        shape.long_line = Some((line, start, line_chars));
    }
    if !matches!(state, State::MultiBasic | State::MultiLiteral) {
        shape.open_text = None;
    }
    shape
}

/// The reasons a file is too big to parse: too many bytes, a line too long, too many
/// counted tables (a lesson's steps) or too many fields. `None` when it is within every limit.
fn refuse_oversized(
    path: &Path,
    source: &str,
    kind: &Kind,
    shape: &Shape,
) -> Option<Vec<Diagnostic>> {
    let placed = |line: usize, column: usize, text: String, message: String| Diagnostic {
        path: path.to_path_buf(),
        line,
        column,
        severity: Severity::Error,
        message,
        source_line: text,
        width: 1,
        related: None,
    };
    if source.len() > MAX_FILE_BYTES {
        let message = format!(
            "the file is {} KB; {} may be at most {} KB",
            source.len() / 1024,
            kind.name,
            MAX_FILE_BYTES / 1024
        );
        return Some(vec![Diagnostic::file_error(path, message)]);
    }
    let mut refused = Vec::new();
    if let Some((line, text, chars)) = shape.long_line.clone() {
        refused.push(placed(
            line,
            1,
            text,
            format!(
                "this line is {chars} characters long; a line may be at most {MAX_LINE_CHARS} (break long text over several lines inside \"\"\" quotes)"
            ),
        ));
    }
    if let (Some(counted), Some((line, column, text))) = (&kind.counted, shape.counted_over.clone())
    {
        refused.push(placed(
            line,
            column,
            text,
            (counted.too_many)(shape.counted),
        ));
    }
    if refused.is_empty() && shape.entries > MAX_ENTRIES {
        refused.push(Diagnostic::file_error(
            path,
            format!(
                "the file has more than {MAX_ENTRIES} fields, list items and lines; {} may have at most {MAX_ENTRIES} (is it the right file?)",
                kind.name
            ),
        ));
    }
    (!refused.is_empty()).then_some(refused)
}

pub struct Reader<'m> {
    pub map: &'m SourceMap<'m>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each kept diagnostic starts in the text, to keep the first ones in the file.
    offsets: Vec<usize>,
    /// Errors and warnings past `MAX_DIAGNOSTICS`, counted but not kept.
    dropped: (usize, usize),
    /// Glossary words marked in the text read so far, each with where it is written, for
    /// the checks that need every file (a word no glossary has).
    pub marks: Vec<(String, Range<usize>)>,
}

impl Reader<'_> {
    /// A place in the file, to point at when a problem is found later (a lesson id that
    /// turns out to be taken, a region that does not exist).
    pub fn place(&self, span: Range<usize>) -> Diagnostic {
        self.map.diagnostic(Severity::Error, span, "")
    }

    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(Severity::Error, span, message.into());
    }

    pub fn warning(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(Severity::Warning, span, message.into());
    }

    /// Keeps at most `MAX_DIAGNOSTICS` problems, the ones first in the file, and counts
    /// the rest, so a file with a million mistakes costs no more memory than one with a
    /// hundred.
    fn push(&mut self, severity: Severity, span: Range<usize>, message: String) {
        let count = |dropped: &mut (usize, usize), severity| match severity {
            Severity::Error => dropped.0 += 1,
            Severity::Warning => dropped.1 += 1,
        };
        if self.diagnostics.len() >= MAX_DIAGNOSTICS {
            let (last, &offset) = self
                .offsets
                .iter()
                .enumerate()
                .max_by_key(|(_, o)| **o)
                .expect("the list is full");
            if span.start >= offset {
                count(&mut self.dropped, severity);
                return;
            }
            let old = self.diagnostics.swap_remove(last);
            self.offsets.swap_remove(last);
            count(&mut self.dropped, old.severity);
        }
        self.offsets.push(span.start);
        let d = self.map.diagnostic(severity, span, message);
        self.diagnostics.push(d);
    }
}

/// Whether a missing field is a mistake.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}

/// The fields of one TOML table, read one by one; whatever is left unread at `finish`
/// is an unknown field.
pub struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    span: Range<usize>,
    what: &'static str,
    known: Vec<&'static str>,
}

type Value<'t, 'i> = &'t Spanned<DeValue<'i>>;

impl<'t, 'i> Fields<'t, 'i> {
    pub fn new(table: &'t DeTable<'i>, span: Range<usize>, what: &'static str) -> Self {
        Fields {
            table,
            span,
            what,
            known: Vec::new(),
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    pub fn value_is_text(&self, key: &str) -> bool {
        self.table
            .get(key)
            .is_some_and(|v| v.get_ref().as_str().is_some())
    }

    pub fn has_no(&self, key: &str) -> bool {
        !self.has(key)
    }

    /// Where the table starts, for problems about the table as a whole.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Marks a field as dealt with, so `finish` does not call it unknown.
    pub fn skip(&mut self, key: &'static str) {
        self.known.push(key);
    }

    pub fn key_span(&self, key: &str) -> Range<usize> {
        self.table
            .get_key_value(key)
            .map_or(self.span.clone(), |(k, _)| k.span())
    }

    pub fn value_span(&self, key: &str) -> Range<usize> {
        self.table
            .get_key_value(key)
            .map_or(self.span.clone(), |(k, v)| {
                // An array of tables spans its headers; point at the first one.
                if v.span().is_empty() {
                    k.span()
                } else {
                    v.span()
                }
            })
    }

    fn get(&mut self, reader: &mut Reader, key: &'static str, need: Need) -> Option<Value<'t, 'i>> {
        self.known.push(key);
        let value = self.table.get(key);
        if value.is_none() && need == Need::Required {
            reader.error(
                self.span.start..self.span.start,
                format!("{} is missing `{key}`", self.what),
            );
        }
        value
    }

    fn wrong_type(reader: &mut Reader, key: &str, value: Value, wanted: &str) {
        reader.error(
            value.span(),
            format!(
                "`{key}` should be {wanted}, not {}",
                describe(value.get_ref())
            ),
        );
    }

    pub fn string(
        &mut self,
        reader: &mut Reader,
        key: &'static str,
        need: Need,
    ) -> Option<(String, Range<usize>)> {
        let value = self.get(reader, key, need)?;
        let Some(s) = value.get_ref().as_str() else {
            Self::wrong_type(reader, key, value, "text in quotes");
            return None;
        };
        let cleaned = text::clean(s);
        if cleaned.trim().is_empty() {
            reader.error(value.span(), format!("`{key}` is empty"));
            return None;
        }
        let chars = cleaned.chars().count();
        if chars > MAX_TEXT_CHARS {
            reader.error(
                value.span(),
                format!(
                    "`{key}` is {chars} characters long; text may be at most {MAX_TEXT_CHARS} characters (split it up)"
                ),
            );
            return None;
        }
        Some((cleaned.trim().to_string(), value.span()))
    }

    pub fn string_list(&mut self, reader: &mut Reader, key: &'static str) -> Vec<String> {
        self.placed_string_list(reader, key)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }

    /// A list of text, each item with its place, to point at one item later.
    pub fn placed_string_list(
        &mut self,
        reader: &mut Reader,
        key: &'static str,
    ) -> Vec<(String, Range<usize>)> {
        let Some(value) = self.get(reader, key, Need::Optional) else {
            return Vec::new();
        };
        let Some(items) = value.get_ref().as_array() else {
            Self::wrong_type(reader, key, value, "a list of text, like [\"a\", \"b\"]");
            return Vec::new();
        };
        let mut list = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(s) => list.push((text::clean(s).trim().to_string(), item.span())),
                None => Self::wrong_type(reader, key, item, "a list of text"),
            }
        }
        list
    }

    pub fn integer(
        &mut self,
        reader: &mut Reader,
        key: &'static str,
        need: Need,
    ) -> Option<(i64, Range<usize>)> {
        let value = self.get(reader, key, need)?;
        let number = value.get_ref().as_integer().and_then(|n| {
            let digits = n.as_str().replace('_', "");
            i64::from_str_radix(&digits, n.radix()).ok()
        });
        if number.is_none() {
            Self::wrong_type(reader, key, value, "a whole number");
        }
        number.map(|n| (n, value.span()))
    }

    pub fn boolean(&mut self, reader: &mut Reader, key: &'static str) -> Option<bool> {
        let value = self.get(reader, key, Need::Optional)?;
        let b = value.get_ref().as_bool();
        if b.is_none() {
            Self::wrong_type(reader, key, value, "true or false (without quotes)");
        }
        b
    }

    pub fn boolean_required(&mut self, reader: &mut Reader, key: &'static str) -> Option<bool> {
        self.get(reader, key, Need::Required)?;
        self.boolean(reader, key)
    }

    pub fn table(
        &mut self,
        reader: &mut Reader,
        key: &'static str,
        need: Need,
    ) -> Option<(&'t DeTable<'i>, Range<usize>)> {
        let value = self.get(reader, key, need)?;
        match value.get_ref().as_table() {
            Some(t) => Some((t, value.span())),
            None => {
                Self::wrong_type(reader, key, value, "a table, like { min = 8, max = 10 }");
                None
            }
        }
    }

    /// A TOML date like `2025-06-04` (no time).
    pub fn date(
        &mut self,
        reader: &mut Reader,
        key: &'static str,
        need: Need,
    ) -> Option<(crate::clock::Date, Range<usize>)> {
        let value = self.get(reader, key, need)?;
        let date = match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() => dt.date,
            _ => None,
        };
        if date.is_none() {
            Self::wrong_type(
                reader,
                key,
                value,
                "a date like 2025-06-04 (without quotes)",
            );
        }
        date.map(|d| {
            let date = crate::clock::Date {
                year: i32::from(d.year),
                month: u32::from(d.month),
                day: u32::from(d.day),
            };
            (date, value.span())
        })
    }

    /// An array of tables, like `[[steps]]`.
    pub fn tables(
        &mut self,
        reader: &mut Reader,
        key: &'static str,
        need: Need,
    ) -> Option<Vec<(&'t DeTable<'i>, Range<usize>)>> {
        let value = self.get(reader, key, need)?;
        let Some(items) = value.get_ref().as_array() else {
            Self::wrong_type(
                reader,
                key,
                value,
                &format!("a list of tables written [[...{key}]]"),
            );
            return None;
        };
        let mut tables = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_table() {
                Some(t) => tables.push((t, item.span())),
                None => Self::wrong_type(reader, key, item, "a list of tables"),
            }
        }
        Some(tables)
    }

    /// A text field that must be one of a few words, each standing for a value; another
    /// word is reported with the closest one and the whole list.
    pub fn one_of<T: Copy>(
        &mut self,
        reader: &mut Reader,
        key: &'static str,
        need: Need,
        options: &[(&'static str, T)],
    ) -> Option<(T, Range<usize>)> {
        self.one_of_or(reader, key, need, options, None)
    }

    /// Like `one_of`, for a field that may also be something else (`also` says what, for
    /// the message), like a list of ids.
    pub fn one_of_or<T: Copy>(
        &mut self,
        reader: &mut Reader,
        key: &'static str,
        need: Need,
        options: &[(&'static str, T)],
        also: Option<&str>,
    ) -> Option<(T, Range<usize>)> {
        let (word, span) = self.string(reader, key, need)?;
        if let Some((_, value)) = options.iter().find(|(w, _)| *w == word) {
            return Some((*value, span));
        }
        let words: Vec<&str> = options.iter().map(|(w, _)| *w).collect();
        let mut quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
        quoted.extend(also.map(str::to_string));
        let hint = suggest(&word, &words)
            .map(|s| format!("; did you mean \"{s}\"?"))
            .unwrap_or_default();
        reader.error(
            span,
            format!(
                "`{key}` is {}, not \"{word}\"{hint}",
                text::or_list(&quoted)
            ),
        );
        None
    }

    /// A whole number that must lie in `range`.
    pub fn integer_in(
        &mut self,
        reader: &mut Reader,
        key: &'static str,
        need: Need,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<(i64, Range<usize>)> {
        let (n, span) = self.integer(reader, key, need)?;
        if range.contains(&n) {
            return Some((n, span));
        }
        reader.error(
            span,
            format!(
                "`{key}` should be between {} and {}",
                range.start(),
                range.end()
            ),
        );
        None
    }

    /// Reports every field nobody asked for, with the closest known name.
    pub fn finish(&self, reader: &mut Reader) {
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if self.known.contains(&name) {
                continue;
            }
            let hint = suggest(name, &self.known)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            reader.error(
                key.span(),
                format!("unknown field `{name}` in {}{hint}", self.what),
            );
        }
    }
}

fn describe(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}
