//! Reading a lesson file: TOML text in, a `Lesson` and every problem in the file out.
//!
//! The file is parsed into TOML values that keep their place in the text, then walked by
//! hand rather than through serde's derive, so that one pass reports all the mistakes
//! (unknown fields, wrong types, missing fields, a question with no right answer) instead
//! of stopping at the first.

use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{
    Ages, Chat, Choice, Lesson, Message, Page, Pool, Question, QuestionKind, Sender, Step,
};
use crate::diagnostic::{Diagnostic, Severity, SourceMap, suggest};
use crate::text;

/// The format version this program reads and writes.
pub const FORMAT_VERSION: i64 = 1;
/// Bigger lesson files are refused before parsing, to keep memory bounded.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// The most steps one lesson may have; a file with more is refused before parsing.
pub const MAX_STEPS: usize = 500;
/// The most choices one question may have.
pub const MAX_CHOICES: usize = 8;
/// The most messages one pretend chat may have.
pub const MAX_MESSAGES: usize = 50;
/// The most questions one pool may have.
pub const MAX_POOL_QUESTIONS: usize = 100;
/// The most characters on one line of a file; a longer line is refused before parsing.
pub const MAX_LINE_CHARS: usize = 20_000;
/// The most characters in one piece of text (a page, a prompt, a choice, ...).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The most fields, list items and lines one file may have; a file with more is refused
/// before parsing, so that parsing never takes much time or memory.
pub const MAX_ENTRIES: usize = 100_000;
/// The most problems listed for one file; the rest are counted in one last message.
pub const MAX_DIAGNOSTICS: usize = 100;
const QUESTION_FIELDS: [&str; 4] = ["choices", "answer", "true_feedback", "false_feedback"];

/// What came out of one lesson file.
#[derive(Debug)]
pub struct ParsedLesson {
    /// The lesson, when the file has no errors (warnings allowed).
    pub lesson: Option<Lesson>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where the `id` is written, for problems found across files (a duplicate id).
    pub id_place: Option<Diagnostic>,
}

/// Reads one lesson file's text. `path` is only used in the messages.
pub fn parse_lesson(path: &Path, source: &str) -> ParsedLesson {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if let Some(refused) = refuse_oversized(path, source, true) {
        return ParsedLesson {
            lesson: None,
            diagnostics: refused,
            id_place: None,
        };
    }
    let mut id_place = None;
    let (lesson, diagnostics) = parse_document(path, source, |reader, table, span| {
        reader.lesson(table, span, &mut id_place)
    });
    ParsedLesson {
        lesson,
        diagnostics,
        id_place,
    }
}

/// Parses a TOML document and hands its top table to `read`; returns what `read` made
/// (only when the file has no errors) and every problem, in the order of the file.
/// A file over the limits (size, line length, number of fields) is refused unparsed.
pub(crate) fn read_document<T>(
    path: &Path,
    source: &str,
    read: impl FnOnce(&mut Reader, &DeTable, Range<usize>) -> Option<T>,
) -> (Option<T>, Vec<Diagnostic>) {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if let Some(refused) = refuse_oversized(path, source, false) {
        return (None, refused);
    }
    parse_document(path, source, read)
}

fn parse_document<T>(
    path: &Path,
    source: &str,
    read: impl FnOnce(&mut Reader, &DeTable, Range<usize>) -> Option<T>,
) -> (Option<T>, Vec<Diagnostic>) {
    let map = SourceMap::new(path, source);
    let mut reader = Reader {
        map: &map,
        diagnostics: Vec::new(),
        offsets: Vec::new(),
        dropped: (0, 0),
    };
    let (document, errors) = DeTable::parse_recoverable(source);
    for error in &errors {
        let span = error.span().unwrap_or(0..0);
        let message = error.message().trim().replace('\n', " ");
        let control = source
            .get(span.start..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
        let message = if message.contains("recursion depth") {
            "lists or tables are nested too deeply here".to_string()
        } else if let Some(c) = control {
            format!(
                "a control character (U+{:04X}) is written straight into the file here; delete it",
                u32::from(c)
            )
        } else {
            message
        };
        reader.error(span, format!("this is not valid TOML: {message}"));
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
                "and {} more problem{} not shown ({errors} error{}, {warnings} warning{}): fix the ones above and check again",
                errors + warnings,
                plural(errors + warnings),
                plural(errors),
                plural(warnings),
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What a quick scan of a file finds before it is parsed.
#[derive(Default)]
struct Shape {
    /// The first line longer than `MAX_LINE_CHARS`: its number (from 1), its first
    /// characters and its length in characters.
    long_line: Option<(usize, String, usize)>,
    /// `[[steps]]` headers, and where the first one over `MAX_STEPS` is (line, column).
    steps: usize,
    step_over: Option<(usize, usize, String)>,
    /// Fields, list items, tables and lines: roughly how many values parsing would make.
    entries: usize,
}

/// Scans the text once, byte by byte, skipping strings and comments: no allocation beyond
/// the few things it reports, so a huge or strange file costs a few milliseconds.
fn scan(source: &str) -> Shape {
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
                        i += 2;
                    }
                    b'"' => state = State::Basic,
                    b'\'' if starts(b"\'\'\'") => {
                        state = State::MultiLiteral;
                        i += 2;
                    }
                    b'\'' => state = State::Literal,
                    b'=' | b',' | b'{' => shape.entries += 1,
                    b'[' if blank_so_far && starts(b"[[") => {
                        let rest = &source[i + 2..];
                        let name = rest[..rest.find(['\n', ']']).unwrap_or(rest.len())].trim();
                        if name == "steps" {
                            shape.steps += 1;
                            if shape.steps == MAX_STEPS + 1 {
                                let column = source[line_start..i].chars().count() + 1;
                                let text: String = source[line_start..].chars().take(200).collect();
                                let text = text.lines().next().unwrap_or("").to_string();
                                shape.step_over = Some((line, column, text));
                            }
                        }
                    }
                    _ => {}
                }
                if !b.is_ascii_whitespace() {
                    blank_so_far = false;
                }
            }
            State::Comment => {}
            // An escape: skip the escaped character (but never a line end).
            State::Basic | State::MultiBasic
                if b == b'\\' && bytes.get(i + 1).is_some_and(|&n| n != b'\n') =>
            {
                i += 1;
                if bytes[i] & 0xC0 != 0x80 {
                    line_chars += 1;
                }
            }
            State::Basic if b == b'"' => state = State::Normal,
            State::Literal if b == b'\'' => state = State::Normal,
            State::MultiBasic if starts(b"\"\"\"") => {
                // Up to two more quotes belong to the text: `""""` ends with one quote.
                let quotes = bytes[i..]
                    .iter()
                    .take(5)
                    .take_while(|&&c| c == b'"')
                    .count();
                state = State::Normal;
                i += quotes - 1;
                line_chars += quotes - 1;
            }
            State::MultiLiteral if starts(b"\'\'\'") => {
                let quotes = bytes[i..]
                    .iter()
                    .take(5)
                    .take_while(|&&c| c == b'\'')
                    .count();
                state = State::Normal;
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
    shape
}

/// The reasons a file is too big to parse: too many bytes, a line too long, too many
/// steps (for a lesson) or too many fields. `None` when it is within every limit.
fn refuse_oversized(path: &Path, source: &str, lesson: bool) -> Option<Vec<Diagnostic>> {
    let placed = |line: usize, column: usize, text: String, message: String| Diagnostic {
        path: path.to_path_buf(),
        line,
        column,
        severity: Severity::Error,
        message,
        source_line: text,
        width: 1,
    };
    if source.len() > MAX_FILE_BYTES {
        let message = format!(
            "the file is {} KB; a lesson file may be at most {} KB",
            source.len() / 1024,
            MAX_FILE_BYTES / 1024
        );
        return Some(vec![Diagnostic::file_error(path, message)]);
    }
    let shape = scan(source);
    let mut refused = Vec::new();
    if let Some((line, text, chars)) = shape.long_line {
        refused.push(placed(
            line,
            1,
            text,
            format!(
                "this line is {chars} characters long; a line may be at most {MAX_LINE_CHARS} (break long text over several lines inside \"\"\" quotes)"
            ),
        ));
    }
    if lesson && let Some((line, column, text)) = shape.step_over {
        refused.push(placed(
            line,
            column,
            text,
            format!(
                "this lesson has {} steps; a lesson may have at most {MAX_STEPS} (this is step {}): split it into several lessons",
                shape.steps,
                MAX_STEPS + 1
            ),
        ));
    }
    if refused.is_empty() && shape.entries > MAX_ENTRIES {
        refused.push(Diagnostic::file_error(
            path,
            format!(
                "the file has more than {MAX_ENTRIES} fields, list items and lines; a lesson file may have at most {MAX_ENTRIES} (is it really a lesson?)"
            ),
        ));
    }
    (!refused.is_empty()).then_some(refused)
}

pub(crate) struct Reader<'m> {
    pub(crate) map: &'m SourceMap<'m>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Where each kept diagnostic starts in the text, to keep the first ones in the file.
    offsets: Vec<usize>,
    /// Errors and warnings past `MAX_DIAGNOSTICS`, counted but not kept.
    dropped: (usize, usize),
}

impl Reader<'_> {
    pub(crate) fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(Severity::Error, span, message.into());
    }

    pub(crate) fn warning(&mut self, span: Range<usize>, message: impl Into<String>) {
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

    fn lesson(
        &mut self,
        table: &DeTable,
        span: Range<usize>,
        id_place: &mut Option<Diagnostic>,
    ) -> Option<Lesson> {
        let mut f = Fields::new(table, span, "the lesson");
        let version = f.integer(self, "format_version", Need::Required);
        if let Some((version, span)) = version
            && version != FORMAT_VERSION
        {
            self.error(
                span,
                format!(
                    "this lesson is written for format version {version}; this program reads version {FORMAT_VERSION}"
                ),
            );
        }
        let id = f.string(self, "id", Need::Required);
        if let Some((id, span)) = &id {
            *id_place = Some(self.map.diagnostic(Severity::Error, span.clone(), ""));
            let good = super::is_valid_id(id);
            if !good {
                self.error(
                    span.clone(),
                    "an id may only use lowercase letters a-z, digits and hyphens, like \"online-friends\"",
                );
            }
        }
        let title = f.string(self, "title", Need::Required);
        let summary = f.string(self, "summary", Need::Required);
        let ages = self.ages(&mut f);
        let topics = f.string_list(self, "topics");
        let minutes = f.integer(self, "minutes", Need::Required);
        if let Some((m, span)) = &minutes
            && !(1..=180).contains(m)
        {
            self.error(span.clone(), "`minutes` should be between 1 and 180");
        }
        let pass = f.integer(self, "pass_percent", Need::Optional);
        if let Some((p, span)) = &pass
            && !(0..=100).contains(p)
        {
            self.error(span.clone(), "`pass_percent` should be between 0 and 100");
        }
        let shuffle = f.boolean(self, "shuffle_choices").unwrap_or(true);
        let sources = f.string_list(self, "sources");
        let steps = match f.tables(self, "steps", Need::Required) {
            Some(steps) if steps.is_empty() => {
                let span = f.value_span("steps");
                self.error(span, "a lesson needs at least one step");
                Vec::new()
            }
            Some(steps) if steps.len() > MAX_STEPS => {
                let span = f.value_span("steps");
                self.error(
                    span,
                    format!(
                        "this lesson has {} steps; a lesson may have at most {MAX_STEPS}: split it into several lessons",
                        steps.len()
                    ),
                );
                Vec::new()
            }
            Some(steps) => steps
                .into_iter()
                .filter_map(|(t, span)| self.step(t, span, shuffle, ages))
                .collect(),
            None => Vec::new(),
        };
        f.finish(self);
        let lesson = Lesson {
            id: id?.0,
            title: title?.0,
            summary: summary?.0,
            ages: ages?,
            topics,
            minutes: minutes?.0 as u32,
            pass_percent: pass.map_or(80, |p| p.0 as u32),
            sources,
            steps,
        };
        if lesson.question_count() == 0 && !lesson.steps.is_empty() {
            self.warning(
                f.value_span("steps"),
                "this lesson has no questions, so it cannot be scored",
            );
        }
        Some(lesson)
    }

    fn ages(&mut self, f: &mut Fields) -> Option<Ages> {
        let (table, span) = f.table(self, "ages", Need::Required)?;
        let mut ages = Fields::new(table, span.clone(), "`ages`");
        let min = ages.integer(self, "min", Need::Required);
        let max = ages.integer(self, "max", Need::Required);
        ages.finish(self);
        let ((min, min_span), (max, _)) = (min?, max?);
        if !(5..=18).contains(&min) || !(5..=18).contains(&max) {
            self.error(span, "ages should be between 5 and 18");
            return None;
        }
        if min > max {
            self.error(
                min_span,
                format!("`min` ({min}) is more than `max` ({max})"),
            );
            return None;
        }
        Some(Ages {
            min: min as u32,
            max: max as u32,
        })
    }

    fn step(
        &mut self,
        table: &DeTable,
        span: Range<usize>,
        shuffle: bool,
        ages: Option<Ages>,
    ) -> Option<Step> {
        let mut f = Fields::new(table, span.clone(), "this step");
        let (kind, kind_span) = f.string(self, "type", Need::Required)?;
        let step = match kind.as_str() {
            "page" => {
                let title = f.string(self, "title", Need::Required);
                let text = f.string(self, "text", Need::Required);
                if let (Some((text, span)), Some(ages)) = (&text, ages) {
                    self.page_length(text, span.clone(), ages);
                }
                Some(Step::Page(Page {
                    title: title?.0,
                    text: text?.0,
                }))
            }
            "question" => self.question(&mut f, shuffle).map(Step::Question),
            "chat" => self.chat(&mut f).map(Step::Chat),
            "pool" => self.pool(&mut f, shuffle).map(Step::Pool),
            other => {
                const TYPES: &[&str] = &["page", "question", "chat", "pool"];
                let hint = suggest(other, TYPES)
                    .map(|s| format!("; did you mean \"{s}\"?"))
                    .unwrap_or_default();
                self.error(
                    kind_span,
                    format!(
                        "unknown step type \"{other}\"{hint} (a step is a page, question, chat or pool)"
                    ),
                );
                return None;
            }
        };
        f.finish(self);
        step
    }

    fn question(&mut self, f: &mut Fields, shuffle: bool) -> Option<Question> {
        let kind = f.string(self, "kind", Need::Required);
        let prompt = f.string(self, "prompt", Need::Required);
        let hint = f.string(self, "hint", Need::Optional).map(|s| s.0);
        let explanation = f.string(self, "explanation", Need::Optional).map(|s| s.0);
        let shuffle = f.boolean(self, "shuffle").unwrap_or(shuffle);
        let (kind, kind_span) = kind?;
        let kind = match kind.as_str() {
            "single" => QuestionKind::Single,
            "multiple" => QuestionKind::Multiple,
            "true_false" => QuestionKind::TrueFalse,
            other => {
                // The other fields cannot be checked without a kind; do not call them unknown.
                for key in QUESTION_FIELDS {
                    f.skip(key);
                }
                const KINDS: &[&str] = &["single", "multiple", "true_false"];
                let hint = suggest(other, KINDS)
                    .map(|s| format!("; did you mean \"{s}\"?"))
                    .unwrap_or_default();
                self.error(
                    kind_span,
                    format!(
                        "unknown question kind \"{other}\"{hint} (a question is single, multiple or true_false)"
                    ),
                );
                return None;
            }
        };
        let choices = if kind == QuestionKind::TrueFalse {
            self.true_false_choices(f)?
        } else {
            self.choices(f, kind)?
        };
        Some(Question {
            kind,
            prompt: prompt?.0,
            hint,
            explanation,
            shuffle: shuffle && kind != QuestionKind::TrueFalse,
            choices,
        })
    }

    fn true_false_choices(&mut self, f: &mut Fields) -> Option<Vec<Choice>> {
        if f.has("choices") {
            self.error(
                f.key_span("choices"),
                "a true_false question takes `answer = true` or `answer = false`, not `choices`",
            );
            f.skip("choices");
        }
        let answer = f.boolean_required(self, "answer");
        let true_feedback = f.string(self, "true_feedback", Need::Optional);
        let false_feedback = f.string(self, "false_feedback", Need::Optional);
        let answer = answer?;
        let wrong_side = if answer {
            "false_feedback"
        } else {
            "true_feedback"
        };
        if f.has_no(wrong_side) {
            self.warning(
                f.span(),
                format!("this question has no `{wrong_side}`: say in a sentence or two why that answer is not right"),
            );
        }
        Some(vec![
            Choice {
                text: "True".into(),
                correct: answer,
                feedback: true_feedback.map(|s| s.0),
                pinned: true,
            },
            Choice {
                text: "False".into(),
                correct: !answer,
                feedback: false_feedback.map(|s| s.0),
                pinned: true,
            },
        ])
    }

    fn choices(&mut self, f: &mut Fields, kind: QuestionKind) -> Option<Vec<Choice>> {
        for key in ["answer", "true_feedback", "false_feedback"] {
            if f.has(key) {
                self.error(
                    f.key_span(key),
                    format!(
                        "`{key}` is only for true_false questions; this one is a choice question"
                    ),
                );
                f.skip(key);
            }
        }
        let tables = f.tables(self, "choices", Need::Required)?;
        let list_span = f.value_span("choices");
        if tables.len() > MAX_CHOICES {
            self.error(
                list_span,
                format!(
                    "a question needs 2 to {MAX_CHOICES} choices; this one has {}",
                    tables.len()
                ),
            );
            return None;
        }
        let mut choices = Vec::new();
        for (table, span) in tables {
            let mut c = Fields::new(table, span, "this choice");
            let text = c.string(self, "text", Need::Required);
            let correct = c.boolean(self, "correct").unwrap_or(false);
            let feedback = c.string(self, "feedback", Need::Optional).map(|s| s.0);
            let pinned = c.boolean(self, "pinned").unwrap_or(false);
            c.finish(self);
            if !correct && feedback.is_none() {
                self.warning(
                    c.span(),
                    "this wrong choice has no `feedback`: say in a sentence or two why it is not right",
                );
            }
            if let Some((text, text_span)) = text {
                if choices.iter().any(|c: &Choice| c.text == text) {
                    self.warning(text_span, "two choices of this question have the same text");
                }
                choices.push(Choice {
                    text,
                    correct,
                    feedback,
                    pinned,
                });
            }
        }
        let count = choices.len();
        if !(2..=MAX_CHOICES).contains(&count) {
            self.error(
                list_span.clone(),
                format!("a question needs 2 to {MAX_CHOICES} choices; this one has {count}"),
            );
            return None;
        }
        let correct = choices.iter().filter(|c| c.correct).count();
        if kind == QuestionKind::Single && correct == 1 && right_answer_stands_out(&choices) {
            self.warning(
                list_span.clone(),
                "the right choice is much longer than the others, so it gives itself away: make the choices about the same length",
            );
        }
        match kind {
            QuestionKind::Single if correct != 1 => {
                let message = if correct == 0 {
                    "this question has no correct choice: mark one with `correct = true`"
                        .to_string()
                } else {
                    format!(
                        "a single-answer question needs exactly one correct choice; this one has {correct} (use kind = \"multiple\" for more)"
                    )
                };
                self.error(list_span, message);
                None
            }
            QuestionKind::Multiple if correct == 0 => {
                self.error(
                    list_span,
                    "this question has no correct choice: mark at least one with `correct = true`",
                );
                None
            }
            _ => Some(choices),
        }
    }

    fn chat(&mut self, f: &mut Fields) -> Option<Chat> {
        let title = f.string(self, "title", Need::Required);
        let with = f.string(self, "with", Need::Optional);
        let intro = f.string(self, "intro", Need::Optional);
        let tables = f.tables(self, "messages", Need::Required)?;
        let list_span = f.value_span("messages");
        if tables.len() > MAX_MESSAGES {
            self.error(
                list_span,
                format!(
                    "this chat has {} messages; a chat may have at most {MAX_MESSAGES}",
                    tables.len()
                ),
            );
            return None;
        }
        let mut messages = Vec::new();
        for (table, span) in tables {
            let mut m = Fields::new(table, span.clone(), "this message");
            let from = m.string(self, "from", Need::Required);
            let text = m.string(self, "text", Need::Required);
            let red_flag = m.boolean(self, "red_flag");
            let why = m.string(self, "why", Need::Optional).map(|s| s.0);
            m.finish(self);
            let from = match from {
                Some((from, _)) if from == "them" => Sender::Them,
                Some((from, _)) if from == "me" => Sender::Me,
                Some((other, span)) => {
                    self.error(
                        span,
                        format!("`from` is \"them\" or \"me\", not \"{other}\""),
                    );
                    continue;
                }
                None => continue,
            };
            let red_flag = red_flag.unwrap_or(false);
            if from == Sender::Me && red_flag {
                self.error(
                    m.key_span("red_flag"),
                    "only messages from \"them\" can be red flags",
                );
            }
            if from == Sender::Them && why.is_none() {
                self.error(
                    span,
                    "this message needs a `why`: it is shown after the child answers, for every message",
                );
            }
            if let Some((text, _)) = text {
                messages.push(Message {
                    from,
                    text,
                    red_flag,
                    why,
                });
            }
        }
        if !messages.iter().any(|m| m.red_flag) {
            self.error(
                list_span,
                "a chat needs at least one message with `red_flag = true`",
            );
            return None;
        }
        Some(Chat {
            title: title?.0,
            with: with.map_or_else(|| "Them".to_string(), |s| s.0),
            intro: intro.map(|s| s.0),
            messages,
        })
    }

    fn pool(&mut self, f: &mut Fields, shuffle: bool) -> Option<Pool> {
        let draw = f.integer(self, "draw", Need::Required);
        let tables = f.tables(self, "questions", Need::Required)?;
        let list_span = f.value_span("questions");
        let count = tables.len();
        if count > MAX_POOL_QUESTIONS {
            self.error(
                list_span,
                format!(
                    "this pool has {count} questions; a pool may have at most {MAX_POOL_QUESTIONS}"
                ),
            );
            return None;
        }
        let questions: Vec<Question> = tables
            .into_iter()
            .filter_map(|(table, span)| {
                let mut q = Fields::new(table, span, "this question");
                let question = self.question(&mut q, shuffle);
                q.finish(self);
                question
            })
            .collect();
        let (draw, draw_span) = draw?;
        if count == 0 {
            self.error(list_span, "a pool needs questions to draw from");
            return None;
        }
        if draw < 1 {
            self.error(draw_span, "`draw` should be at least 1");
            return None;
        }
        if draw as usize > count {
            self.error(
                draw_span,
                format!("the pool draws {draw} questions but has only {count}"),
            );
            return None;
        }
        (questions.len() == count).then_some(Pool {
            draw: draw as usize,
            questions,
        })
    }
}

/// Pages longer than this many words, for a lesson whose youngest reader is under the
/// age given, are hard to read on one screen.
const PAGE_WORDS: [(u32, usize); 3] = [(11, 120), (14, 180), (u32::MAX, 250)];

impl Reader<'_> {
    fn page_length(&mut self, text: &str, span: Range<usize>, ages: Ages) {
        let words = text.split_whitespace().count();
        let limit = PAGE_WORDS
            .iter()
            .find(|(under, _)| ages.min < *under)
            .map_or(250, |(_, words)| *words);
        if words > limit {
            self.warning(
                span,
                format!(
                    "this page has {words} words; for children of {} and up, keep a page under {limit} words (split it into two pages)",
                    ages.min
                ),
            );
        }
    }
}

/// The right choice is over one and a half times as long as every wrong one, while the
/// wrong ones are about the same length as each other.
fn right_answer_stands_out(choices: &[Choice]) -> bool {
    let len = |c: &Choice| c.text.chars().count();
    let Some(right) = choices.iter().find(|c| c.correct).map(len) else {
        return false;
    };
    let wrong: Vec<usize> = choices
        .iter()
        .filter(|c| !c.correct && !c.pinned)
        .map(len)
        .collect();
    let (Some(&shortest), Some(&longest)) = (wrong.iter().min(), wrong.iter().max()) else {
        return false;
    };
    wrong.len() >= 2 && right * 2 > longest * 3 && longest * 2 <= shortest * 3
}

/// Whether a missing field is a mistake.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    Required,
    Optional,
}

/// The fields of one TOML table, read one by one; whatever is left unread at `finish`
/// is an unknown field.
pub(crate) struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    span: Range<usize>,
    what: &'static str,
    known: Vec<&'static str>,
}

type Value<'t, 'i> = &'t Spanned<DeValue<'i>>;

impl<'t, 'i> Fields<'t, 'i> {
    pub(crate) fn new(table: &'t DeTable<'i>, span: Range<usize>, what: &'static str) -> Self {
        Fields {
            table,
            span,
            what,
            known: Vec::new(),
        }
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    pub(crate) fn value_is_text(&self, key: &str) -> bool {
        self.table
            .get(key)
            .is_some_and(|v| v.get_ref().as_str().is_some())
    }

    pub(crate) fn has_no(&self, key: &str) -> bool {
        !self.has(key)
    }

    /// Where the table starts, for problems about the table as a whole.
    pub(crate) fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Marks a field as dealt with, so `finish` does not call it unknown.
    pub(crate) fn skip(&mut self, key: &'static str) {
        self.known.push(key);
    }

    pub(crate) fn key_span(&self, key: &str) -> Range<usize> {
        self.table
            .get_key_value(key)
            .map_or(self.span.clone(), |(k, _)| k.span())
    }

    pub(crate) fn value_span(&self, key: &str) -> Range<usize> {
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

    pub(crate) fn string(
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

    pub(crate) fn string_list(&mut self, reader: &mut Reader, key: &'static str) -> Vec<String> {
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
                Some(s) => list.push(text::clean(s).trim().to_string()),
                None => Self::wrong_type(reader, key, item, "a list of text"),
            }
        }
        list
    }

    pub(crate) fn integer(
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

    pub(crate) fn boolean(&mut self, reader: &mut Reader, key: &'static str) -> Option<bool> {
        let value = self.get(reader, key, Need::Optional)?;
        let b = value.get_ref().as_bool();
        if b.is_none() {
            Self::wrong_type(reader, key, value, "true or false (without quotes)");
        }
        b
    }

    pub(crate) fn boolean_required(
        &mut self,
        reader: &mut Reader,
        key: &'static str,
    ) -> Option<bool> {
        self.get(reader, key, Need::Required)?;
        self.boolean(reader, key)
    }

    pub(crate) fn table(
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
    pub(crate) fn date(
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
    pub(crate) fn tables(
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

    /// Reports every field nobody asked for, with the closest known name.
    pub(crate) fn finish(&self, reader: &mut Reader) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(steps: &str) -> Vec<String> {
        let text = format!(
            "format_version = 1\nid = \"w\"\ntitle = \"W\"\nsummary = \"S\"\nages = {{ min = 8, max = 10 }}\nminutes = 5\n{steps}"
        );
        let parsed = parse_lesson(Path::new("w.toml"), &text);
        assert!(parsed.lesson.is_some(), "{:?}", parsed.diagnostics);
        parsed.diagnostics.into_iter().map(|d| d.message).collect()
    }

    const QUESTION: &str = "[[steps]]\ntype = \"question\"\nkind = \"single\"\nprompt = \"?\"\n";

    fn choice(text: &str, correct: bool) -> String {
        format!("[[steps.choices]]\ntext = \"{text}\"\ncorrect = {correct}\nfeedback = \"Why.\"\n")
    }

    #[test]
    fn a_right_answer_much_longer_than_the_rest_gets_a_warning() {
        let steps = format!(
            "{QUESTION}{}{}{}",
            choice("Keep it", false),
            choice("Say yes", false),
            choice("Tell a trusted adult and block them", true)
        );
        let w = warnings(&steps);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("gives itself away"));
        let even = format!(
            "{QUESTION}{}{}{}",
            choice("Keep it secret", false),
            choice("Say yes to him", false),
            choice("Tell an adult", true)
        );
        assert!(warnings(&even).is_empty());
    }

    #[test]
    fn a_long_page_for_young_children_gets_a_warning() {
        let long = "word ".repeat(130);
        let steps = format!(
            "[[steps]]\ntype = \"page\"\ntitle = \"P\"\ntext = \"{long}\"\n{QUESTION}{}{}",
            choice("a", false),
            choice("b", true)
        );
        let w = warnings(&steps);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("130 words"));
    }

    #[test]
    fn a_lesson_with_no_questions_gets_a_warning() {
        let w = warnings("[[steps]]\ntype = \"page\"\ntitle = \"P\"\ntext = \"Hello.\"\n");
        assert_eq!(
            w,
            vec!["this lesson has no questions, so it cannot be scored"]
        );
    }

    #[test]
    fn a_wrong_choice_without_feedback_gets_a_warning() {
        let steps = format!(
            "{QUESTION}[[steps.choices]]\ntext = \"a\"\n{}",
            choice("b", true)
        );
        let w = warnings(&steps);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("no `feedback`"));
    }
}
