//! Importing the quizzes teachers already have, written in Moodle's GIFT or Aiken format,
//! as one lesson file.
//!
//! Pure: quiz text in, lesson TOML text out, together with a list of what could not be
//! converted (each with the line it is on). Multiple choice, multiple answer and
//! true/false questions convert; the other kinds of question are listed as skipped.
//!
//! The GIFT rules follow Moodle's own importer (`question/format/gift/format.php`):
//! questions are separated by blank lines, `//` starts a comment line, a backslash escapes
//! `~ = # { } :` (and `\\` is a backslash, `\n` a new line), and true/false feedback is
//! written `{T#feedback for a wrong answer#feedback for the right answer}`.

use std::fmt::{self, Write as _};
use std::path::Path;

use crate::text;

/// The quiz formats that can be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizFormat {
    Gift,
    Aiken,
}

impl fmt::Display for QuizFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            QuizFormat::Gift => "GIFT",
            QuizFormat::Aiken => "Aiken",
        })
    }
}

/// Something in the quiz file that is not in the lesson, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The 1-based line it is on in the quiz file.
    pub line: usize,
    pub reason: String,
}

/// A converted quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The lesson file's text.
    pub toml: String,
    /// How many questions the lesson has.
    pub questions: usize,
    /// What could not be converted at all.
    pub skipped: Vec<Skipped>,
    /// What was converted with a change the teacher should know of (partial credit
    /// imported as a wrong choice, ...).
    pub notes: Vec<Skipped>,
}

/// Guesses the format: Aiken if questions end with "ANSWER: X" lines, otherwise GIFT.
pub fn detect(text: &str) -> QuizFormat {
    let text = normalise_newlines(text);
    let mut answer_lines = 0;
    let mut brace_lines = 0;
    for line in text.lines().map(str::trim) {
        if aiken::answer_line(line).is_some() {
            answer_lines += 1;
        } else if !line.starts_with("//") && line.contains('{') {
            brace_lines += 1;
        }
    }
    if answer_lines > 0 && answer_lines >= brace_lines {
        QuizFormat::Aiken
    } else {
        QuizFormat::Gift
    }
}

/// `id` and `title` name the new lesson (derive them from the file name in the caller).
pub fn import(
    text: &str,
    format: QuizFormat,
    id: &str,
    title: &str,
) -> Result<Imported, ImportError> {
    if !crate::lesson::is_valid_id(id) {
        return Err(ImportError::BadId(id.to_string()));
    }
    let title = tidy(title).replace('\n', " ");
    if title.is_empty() {
        return Err(ImportError::NoTitle);
    }
    let text = normalise_newlines(text);
    let quiz = match format {
        QuizFormat::Gift => gift::parse(&text),
        QuizFormat::Aiken => aiken::parse(&text),
    };
    if quiz.question_count() == 0 {
        return Err(ImportError::NoQuestions {
            format,
            skipped: quiz.skipped,
        });
    }
    let mut quiz = quiz;
    quiz.keep_within_limits(format)?;
    let toml = write_lesson(id, &title, format, &quiz);
    // Every limit a lesson has was applied above, each named on its question; what is
    // left to check is that the writer made a lesson at all.
    let parsed = crate::lesson::parse_lesson(Path::new("imported.toml"), &toml);
    if let Some(d) = parsed.diagnostics.into_iter().find(|d| d.is_error()) {
        return Err(ImportError::NotALesson(Box::new(d)));
    }
    Ok(Imported {
        toml,
        questions: quiz.question_count(),
        skipped: quiz.skipped,
        notes: quiz.notes,
    })
}

/// Why a quiz file could not become a lesson.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(
        "the lesson id \"{0}\" may only use lowercase letters a-z, digits and hyphens, like \"online-friends\""
    )]
    BadId(String),
    #[error("the lesson needs a title")]
    NoTitle,
    #[error("no questions could be imported from this {format} file{}", why_none(.skipped))]
    NoQuestions {
        format: QuizFormat,
        skipped: Vec<Skipped>,
    },
    #[error(
        "this {format} file has {count} questions and descriptions; a lesson may have at most {most} (the one on line {line} is the first too many): split the quiz into several files"
    )]
    TooManySteps {
        format: QuizFormat,
        count: usize,
        most: usize,
        line: usize,
    },
    /// Every limit is applied question by question first, so this names what the
    /// writer itself got wrong.
    #[error("the converted lesson does not pass the checks: line {} of the lesson: {}", .0.line, .0.message)]
    NotALesson(Box<crate::diagnostic::Diagnostic>),
}

fn why_none(skipped: &[Skipped]) -> String {
    if skipped.is_empty() {
        return ": it has no questions".to_string();
    }
    skipped
        .iter()
        .map(|s| format!("\n  line {}: {}", s.line, s.reason))
        .collect()
}

/// What a quiz file holds, in the lesson's terms.
#[derive(Debug, Default)]
struct Quiz {
    items: Vec<Item>,
    topics: Vec<String>,
    skipped: Vec<Skipped>,
    notes: Vec<Skipped>,
}

impl Quiz {
    fn skip(&mut self, line: usize, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            line,
            reason: reason.into(),
        });
    }

    fn note(&mut self, line: usize, reason: impl Into<String>) {
        self.notes.push(Skipped {
            line,
            reason: reason.into(),
        });
    }

    fn question_count(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i, Item::Question(_)))
            .count()
    }

    /// Leaves out, each with the limit it breaks, what a lesson cannot hold: text too
    /// long for a lesson, too many choices; fails when there are too many steps.
    fn keep_within_limits(&mut self, format: QuizFormat) -> Result<(), ImportError> {
        use crate::toml_reader::MAX_TEXT_CHARS;
        let mut kept = Vec::new();
        for item in std::mem::take(&mut self.items) {
            let (line, texts): (usize, Vec<&str>) = match &item {
                Item::Page { line, text, .. } => (*line, vec![text.as_str()]),
                Item::Question(q) => (q.line, q.texts()),
            };
            match texts.iter().map(|t| t.chars().count()).max() {
                Some(longest) if longest > MAX_TEXT_CHARS => self.skip(
                    line,
                    format!(
                        "a text of this question is {longest} characters long; a lesson's texts may be at most {MAX_TEXT_CHARS} characters"
                    ),
                ),
                _ => kept.push(item),
            }
        }
        self.items = kept;
        // One step is the page about the import.
        let most = crate::lesson::MAX_STEPS - 1;
        if self.items.len() > most {
            let line = match &self.items[most] {
                Item::Page { line, .. } => *line,
                Item::Question(q) => q.line,
            };
            return Err(ImportError::TooManySteps {
                format,
                count: self.items.len(),
                most,
                line,
            });
        }
        Ok(())
    }
}

/// One thing a quiz file holds, in order.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Question(Question),
    /// A description (text with no answers): a page to read.
    Page {
        line: usize,
        title: String,
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
struct Question {
    /// Moodle's name for the question (`::name::`), kept as a note in the lesson.
    name: Option<String>,
    /// Where it starts in the quiz file.
    line: usize,
    prompt: String,
    explanation: Option<String>,
    body: Body,
}

impl Question {
    /// Every text a child may read in it.
    fn texts(&self) -> Vec<&str> {
        let mut texts = vec![self.prompt.as_str()];
        texts.extend(self.explanation.as_deref());
        match &self.body {
            Body::Choices { choices, .. } => {
                for c in choices {
                    texts.push(&c.text);
                    texts.extend(c.feedback.as_deref());
                }
            }
            Body::TrueFalse {
                true_feedback,
                false_feedback,
                ..
            } => {
                texts.extend(true_feedback.as_deref());
                texts.extend(false_feedback.as_deref());
            }
        }
        texts
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Body {
    /// `multiple`: every right choice must be picked; otherwise one is picked, and any
    /// right one is right (Moodle's `{=a =b ~c}`).
    Choices {
        multiple: bool,
        choices: Vec<Choice>,
    },
    TrueFalse {
        answer: bool,
        true_feedback: Option<String>,
        false_feedback: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
struct Choice {
    text: String,
    correct: bool,
    feedback: Option<String>,
}

const MIN_CHOICES: usize = 2;
use crate::lesson::MAX_CHOICES;
const SUPPORTED: &str = "only multiple choice, multiple answer and true/false";

fn choice_count_problem(count: usize) -> Option<String> {
    (!(MIN_CHOICES..=MAX_CHOICES).contains(&count)).then(|| {
        format!(
            "this question has {count} answer{}; a lesson question needs {MIN_CHOICES} to {MAX_CHOICES}",
            if count == 1 { "" } else { "s" }
        )
    })
}

/// `\r\n` and lone `\r` line ends become `\n`; a leading byte order mark goes.
fn normalise_newlines(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Text as the lesson will show it: no control characters, no trailing spaces, at most
/// one blank line in a row, nothing blank at either end.
fn tidy(s: &str) -> String {
    let cleaned = text::clean(s);
    let mut out = String::new();
    let mut blank_run = 0;
    for line in cleaned.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out.trim().to_string()
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// The text format a piece of GIFT text is written in (`[html]` and so on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextFormat {
    Moodle,
    Html,
    Plain,
    Markdown,
}

/// Strips a leading format marker and turns the text into plain text for the lesson.
/// Returns the text and its format (the default when there is no marker).
fn plain_text(s: &str, default: TextFormat) -> (String, TextFormat) {
    let s = s.trim();
    let mut format = default;
    let mut body = s;
    if let Some(rest) = s.strip_prefix('[')
        && let Some(end) = rest.find(']')
    {
        let marked = match &rest[..end] {
            "moodle" => Some(TextFormat::Moodle),
            "html" => Some(TextFormat::Html),
            "plain" => Some(TextFormat::Plain),
            "markdown" => Some(TextFormat::Markdown),
            _ => None,
        };
        if let Some(marked) = marked {
            format = marked;
            body = &rest[end + 1..];
        }
    }
    let converted = match format {
        TextFormat::Html => html_to_text(&body.replace('\n', " ")),
        TextFormat::Moodle => html_to_text(body),
        TextFormat::Markdown => body.replace("**", ""),
        TextFormat::Plain => body.to_string(),
    };
    (tidy(&converted), format)
}

/// Drops simple HTML tags (line breaks, paragraphs and list items become new lines) and
/// decodes character entities. A `<` that does not start a tag is kept.
fn html_to_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some((tag, after)) = html_tag(rest)
        {
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase();
            match name.as_str() {
                "br" => out.push('\n'),
                "li" if !closing => out.push_str("\n- "),
                "p" | "div" | "ul" | "ol" | "li" | "tr" | "pre" | "blockquote" | "h1" | "h2"
                | "h3" | "h4" | "h5" | "h6" => out.push('\n'),
                _ => {}
            }
            rest = after;
        } else if c == '&'
            && let Some((decoded, after)) = html_entity(rest)
        {
            out.push(decoded);
            rest = after;
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    // Spaces run together in HTML.
    out.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `<name ...>` or `</name>` or `<!-- ... >` at the start of `s`: the inside and the rest.
fn html_tag(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('<')?;
    let first = inner.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    let end = inner.find('>')?;
    let tag = &inner[..end];
    if tag.contains('<') {
        return None;
    }
    Some((tag, &inner[end + 1..]))
}

/// `&name;` or `&#number;` at the start of `s`: the character and the rest.
fn html_entity(s: &str) -> Option<(char, &str)> {
    // The longest entity names are about thirty letters.
    let end = s.char_indices().take(40).find(|(_, c)| *c == ';')?.0;
    let entity = &s[..=end];
    let decoded = html_escape::decode_html_entities(entity);
    let mut chars = decoded.chars();
    let c = chars.next()?;
    if decoded == entity || chars.next().is_some() {
        return None;
    }
    // A no-break space is a space to a child reading in a terminal.
    let c = if c == '\u{a0}' { ' ' } else { c };
    Some((c, &s[end + 1..]))
}

/// GIFT, read the way Moodle reads it.
mod gift {
    use super::{
        Body, Choice, Item, Question, Quiz, SUPPORTED, TextFormat, choice_count_problem, non_empty,
        plain_text,
    };

    /// One character of a question, after escapes: `lit` when it was escaped (or is a
    /// `\n` new line), so it never has a special meaning.
    #[derive(Debug, Clone, Copy)]
    struct U {
        c: char,
        lit: bool,
        line: usize,
    }

    pub(super) fn parse(text: &str) -> Quiz {
        let mut quiz = Quiz::default();
        let mut block: Vec<(usize, &str)> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                read_block(&mut quiz, &block);
                block.clear();
            } else if !line.starts_with("//") {
                block.push((index + 1, line));
            }
        }
        read_block(&mut quiz, &block);
        quiz
    }

    /// One question (or category), its comment lines already gone.
    fn read_block(quiz: &mut Quiz, lines: &[(usize, &str)]) {
        let mut lines = lines;
        if let Some((_, first)) = lines.first()
            && let Some(path) = first.strip_prefix("$CATEGORY:")
        {
            if let Some(topic) = category_topic(path)
                && !quiz.topics.contains(&topic)
            {
                quiz.topics.push(topic);
            }
            lines = &lines[1..];
        }
        let Some(&(start, _)) = lines.first() else {
            return;
        };
        let units = units(lines);
        match question(&units, quiz) {
            Ok(item) => quiz.items.push(item),
            Err(reason) => quiz.skip(start, reason),
        }
    }

    /// A category path like `$course$/top/Online safety/Passwords` gives the topic
    /// "Passwords". (Moodle writes a `/` inside a name as `//`.)
    fn category_topic(path: &str) -> Option<String> {
        let path = path.trim().replace("//", "\u{0}");
        path.split('/')
            .map(|s| s.replace('\u{0}', "/").trim().to_string())
            .rfind(|s| !s.is_empty() && s != "top" && !(s.starts_with('$') && s.ends_with('$')))
    }

    /// The lines of one question as characters, escapes resolved.
    fn units(lines: &[(usize, &str)]) -> Vec<U> {
        let mut out = Vec::new();
        for (i, &(line, text)) in lines.iter().enumerate() {
            if i > 0 {
                out.push(U {
                    c: '\n',
                    lit: false,
                    line,
                });
            }
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                let escaped = match (c, chars.peek()) {
                    ('\\', Some(&next)) if "~=#{}:\\".contains(next) => Some(next),
                    ('\\', Some('n')) => Some('\n'),
                    _ => None,
                };
                match escaped {
                    Some(e) => {
                        chars.next();
                        out.push(U {
                            c: e,
                            lit: true,
                            line,
                        });
                    }
                    None => out.push(U {
                        c,
                        lit: false,
                        line,
                    }),
                }
            }
        }
        out
    }

    fn string(units: &[U]) -> String {
        units.iter().map(|u| u.c).collect()
    }

    fn trim(units: &[U]) -> &[U] {
        let start = units
            .iter()
            .position(|u| !u.c.is_whitespace())
            .unwrap_or(units.len());
        let end = units
            .iter()
            .rposition(|u| !u.c.is_whitespace())
            .map_or(start, |i| i + 1);
        &units[start..end.max(start)]
    }

    /// Whether `pattern` starts at `at`, every character of it unescaped.
    fn matches_at(units: &[U], at: usize, pattern: &str) -> bool {
        let mut i = at;
        for p in pattern.chars() {
            match units.get(i) {
                Some(u) if !u.lit && u.c == p => i += 1,
                _ => return false,
            }
        }
        true
    }

    fn find(units: &[U], from: usize, pattern: &str) -> Option<usize> {
        (from..units.len()).find(|&i| matches_at(units, i, pattern))
    }

    fn rfind(units: &[U], pattern: &str) -> Option<usize> {
        (0..units.len())
            .rev()
            .find(|&i| matches_at(units, i, pattern))
    }

    fn has(units: &[U], pattern: &str) -> bool {
        find(units, 0, pattern).is_some()
    }

    fn unsupported(kind: &str) -> String {
        format!("{kind} are not supported; {SUPPORTED} questions can be imported")
    }

    /// One question's text (title, question, answers in braces), or a description.
    fn question(units: &[U], quiz: &mut Quiz) -> Result<Item, String> {
        let mut units = trim(units);
        let line = units.first().map_or(0, |u| u.line);
        // `::Title::` is Moodle's name for the question, kept as a note in the lesson.
        let mut name = None;
        if matches_at(units, 0, "::") {
            // Without a closing `::` there is no title, only the opening one to drop.
            let end = find(units, 2, "::");
            if let Some(end) = end {
                name = non_empty(plain_text(&string(&units[2..end]), TextFormat::Moodle).0);
            }
            units = trim(&units[end.map_or(2, |end| end + 2)..]);
        }
        let open = find(units, 0, "{");
        let close = find(units, open.unwrap_or(0), "}");
        let (open, close) = match (open, close) {
            (Some(open), Some(close)) => (open, close),
            (None, None) => {
                // A description: Moodle shows it as text to read, and so does the lesson.
                let text = plain_text(&string(units), TextFormat::Moodle).0;
                let Some(text) = non_empty(text) else {
                    return Err("this description has no text".to_string());
                };
                return Ok(Item::Page {
                    line,
                    title: name.unwrap_or_else(|| "Read this".to_string()),
                    text,
                });
            }
            (Some(_), None) => {
                return Err("the answers start with { but no } closes them".to_string());
            }
            _ => return Err("there is a } with no { before it".to_string()),
        };
        let before = &units[..open];
        let after = trim(&units[close + 1..]);
        let mut answers = trim(&units[open + 1..close]);
        let mut general = None;
        if let Some(at) = rfind(answers, "####") {
            general = Some(&answers[at + 4..]);
            answers = trim(&answers[..at]);
        }

        let kind = if answers.is_empty() {
            Kind::Essay
        } else if matches_at(answers, 0, "#") {
            Kind::Numerical
        } else if has(answers, "~") {
            Kind::Choice
        } else if has(answers, "=") && has(answers, "->") {
            Kind::Matching
        } else if true_false_word(answers).is_some() {
            Kind::TrueFalse
        } else {
            Kind::ShortAnswer
        };
        match kind {
            Kind::Essay => return Err(unsupported("essay questions")),
            Kind::Numerical => return Err(unsupported("numerical questions")),
            Kind::Matching => return Err(unsupported("matching questions")),
            Kind::ShortAnswer => return Err(unsupported("short-answer questions")),
            Kind::Choice | Kind::TrueFalse => {}
        }
        // A missing-word question (text after the answers): Moodle shows a blank where
        // the answers are, and so does the prompt.
        let mut asked = string(before);
        if !after.is_empty() {
            if !matches!(kind, Kind::Choice) {
                return Err(unsupported(
                    "missing-word questions other than multiple choice",
                ));
            }
            asked = format!("{} _____ {}", asked.trim_end(), string(after));
        }
        let (prompt, format) = plain_text(&asked, TextFormat::Moodle);
        if prompt.is_empty() {
            return Err("the question has no text before its answers".to_string());
        }
        let explanation = general.and_then(|g| non_empty(plain_text(&string(g), format).0));
        let body = match kind {
            Kind::TrueFalse => true_false(answers, format),
            _ => choices(answers, format, quiz)?,
        };
        Ok(Item::Question(Question {
            name,
            line,
            prompt,
            explanation,
            body,
        }))
    }

    enum Kind {
        Choice,
        TrueFalse,
        Essay,
        Numerical,
        Matching,
        ShortAnswer,
    }

    /// `T`, `TRUE`, `F` or `FALSE` before any `#` feedback.
    fn true_false_word(answers: &[U]) -> Option<bool> {
        let word = match find(answers, 0, "#") {
            Some(at) => &answers[..at],
            None => answers,
        };
        match string(trim(word)).to_ascii_uppercase().as_str() {
            "T" | "TRUE" => Some(true),
            "F" | "FALSE" => Some(false),
            _ => None,
        }
    }

    /// `{T#feedback for a wrong answer#feedback for the right answer}`: the first feedback
    /// is for the child who picks the wrong side, the second for the one who picks the
    /// right side.
    fn true_false(answers: &[U], format: TextFormat) -> Body {
        let answer = true_false_word(answers).unwrap_or(true);
        let mut wrong = None;
        let mut right = None;
        if let Some(first) = find(answers, 0, "#") {
            let second = find(answers, first + 1, "#");
            let wrong_end = second.unwrap_or(answers.len());
            wrong = non_empty(plain_text(&string(&answers[first + 1..wrong_end]), format).0);
            if let Some(second) = second {
                right = non_empty(plain_text(&string(&answers[second + 1..]), format).0);
            }
        }
        let (true_feedback, false_feedback) = if answer {
            (right, wrong)
        } else {
            (wrong, right)
        };
        Body::TrueFalse {
            answer,
            true_feedback,
            false_feedback,
        }
    }

    /// One answer of a multiple choice question: its marker (`=` or `~`, or none for text
    /// before the first marker), its weight in percent, text and feedback.
    struct Answer {
        line: usize,
        marker: Option<char>,
        weight: Option<f64>,
        text: String,
        feedback: Option<String>,
    }

    fn choices(answers: &[U], format: TextFormat, quiz: &mut Quiz) -> Result<Body, String> {
        let mut parts: Vec<(Option<char>, usize, &[U])> = Vec::new();
        let mut start = 0;
        let mut marker = None;
        for (i, u) in answers.iter().enumerate() {
            if !u.lit && (u.c == '~' || u.c == '=') {
                parts.push((marker, start, &answers[start..i]));
                marker = Some(u.c);
                start = i + 1;
            }
        }
        parts.push((marker, start, &answers[start..]));
        // Text before the first marker is an answer only if there is any.
        if parts[0].2.iter().all(|u| u.c.is_whitespace()) {
            parts.remove(0);
        }
        let mut list = Vec::new();
        for (marker, start, part) in parts {
            let line = answers
                .get(start.saturating_sub(1))
                .map_or(0, |u: &U| u.line);
            list.push(answer(marker, line, part, format));
        }
        if let Some(problem) = choice_count_problem(list.len()) {
            return Err(problem);
        }
        if let Some(i) = list.iter().position(|a| a.text.is_empty()) {
            return Err(format!(
                "answer {} (line {}) has no text",
                i + 1,
                list[i].line
            ));
        }
        // Moodle shows a question with an `=` answer as "pick one" (partial credit allowed
        // on the others), and one without as "pick every right answer".
        let pick_one = list.iter().any(|a| a.marker == Some('='));
        let mut notes = Vec::new();
        let mut out = Vec::new();
        for a in list {
            let weight = a
                .weight
                .unwrap_or(if a.marker == Some('=') { 100.0 } else { 0.0 });
            let correct = if pick_one {
                if weight > 0.0 && weight < 100.0 {
                    notes.push((
                        a.line,
                        format!(
                            "partial credit is not supported: the answer \"{}\" ({weight}%) was imported as a wrong choice",
                            a.text
                        ),
                    ));
                }
                weight >= 100.0
            } else {
                weight > 0.0
            };
            out.push(Choice {
                text: a.text,
                correct,
                feedback: a.feedback,
            });
        }
        let right = out.iter().filter(|c| c.correct).count();
        if right == 0 {
            return Err(
                "this question has no right answer (mark one with = or a positive %weight%)"
                    .to_string(),
            );
        }
        for (line, note) in notes {
            quiz.note(line, note);
        }
        Ok(Body::Choices {
            multiple: !pick_one,
            choices: out,
        })
    }

    fn answer(marker: Option<char>, line: usize, part: &[U], format: TextFormat) -> Answer {
        let mut part = trim(part);
        let mut weight = None;
        if matches_at(part, 0, "%")
            && let Some(end) = find(part, 1, "%")
            && let Ok(w) = string(&part[1..end]).trim().parse::<f64>()
        {
            weight = Some(w);
            part = &part[end + 1..];
        }
        let (text, feedback) = match find(part, 0, "#") {
            Some(at) => (&part[..at], Some(&part[at + 1..])),
            None => (part, None),
        };
        Answer {
            line,
            marker,
            weight,
            text: plain_text(&string(text), format).0,
            feedback: feedback.and_then(|f| non_empty(plain_text(&string(f), format).0)),
        }
    }

    #[cfg(test)]
    pub(super) fn parse_one(text: &str) -> Result<Question, String> {
        let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
        match question(&units(&lines), &mut Quiz::default())? {
            Item::Question(q) => Ok(q),
            Item::Page { .. } => Err("a description".to_string()),
        }
    }
}

/// Aiken: a question line, options `A.` or `A)`, then `ANSWER: X`.
mod aiken {
    use super::{Body, Choice, Item, Question, Quiz, choice_count_problem, tidy};

    /// `ANSWER: B` (or `answer: b`) gives what follows the colon.
    pub(super) fn answer_line(line: &str) -> Option<&str> {
        let rest = answer_rest(line)?.trim();
        rest.starts_with(|c: char| c.is_ascii_alphabetic())
            .then_some(rest)
    }

    fn answer_rest(line: &str) -> Option<&str> {
        let head = line.get(..7)?;
        head.eq_ignore_ascii_case("ANSWER:").then(|| &line[7..])
    }

    /// `A. text` or `A) text` (Moodle also reads `a.`) gives the letter, in capitals, and
    /// the text.
    fn option_line(line: &str) -> Option<(char, &str)> {
        let mut chars = line.chars();
        let letter = chars.next().filter(char::is_ascii_alphabetic)?;
        let mark = chars.next().filter(|c| *c == '.' || *c == ')')?;
        let rest = &line[letter.len_utf8() + mark.len_utf8()..];
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return None;
        }
        Some((letter.to_ascii_uppercase(), rest.trim()))
    }

    #[derive(Default)]
    struct Pending<'a> {
        line: usize,
        text: Vec<&'a str>,
        options: Vec<(char, &'a str)>,
    }

    pub(super) fn parse(text: &str) -> Quiz {
        let mut quiz = Quiz::default();
        let mut pending: Option<Pending> = None;
        for (index, raw) in text.lines().enumerate() {
            let number = index + 1;
            let line = raw.trim();
            if line.is_empty() {
                continue;
            }
            if let Some(answer) = answer_rest(line) {
                match pending.take() {
                    Some(p) => finish(&mut quiz, p, answer.trim()),
                    None => quiz.skip(number, "an ANSWER line with no question before it"),
                }
            } else if let Some(option) = option_line(line) {
                match pending.as_mut() {
                    Some(p) => p.options.push(option),
                    None => quiz.skip(number, "an answer with no question before it"),
                }
            } else {
                match pending.as_mut() {
                    // A question's text may go on for more than one line.
                    Some(p) if p.options.is_empty() => p.text.push(line),
                    _ => {
                        if let Some(p) = pending.take() {
                            quiz.skip(p.line, "this question has no ANSWER line after its answers");
                        }
                        pending = Some(Pending {
                            line: number,
                            text: vec![line],
                            options: Vec::new(),
                        });
                    }
                }
            }
        }
        if let Some(p) = pending {
            quiz.skip(p.line, "this question has no ANSWER line after its answers");
        }
        quiz
    }

    fn finish(quiz: &mut Quiz, p: Pending, answer: &str) {
        match question(&p, answer) {
            Ok(q) => quiz.items.push(Item::Question(q)),
            Err(reason) => quiz.skip(p.line, reason),
        }
    }

    fn question(p: &Pending, answer: &str) -> Result<Question, String> {
        let letters: Vec<char> = answer.chars().filter(char::is_ascii_alphabetic).collect();
        let right = match letters.as_slice() {
            [] => return Err("the ANSWER line gives no letter".to_string()),
            [one] => one.to_ascii_uppercase(),
            _ => {
                return Err(format!(
                    "the ANSWER line gives more than one letter (\"{answer}\"); an Aiken question has one right answer"
                ));
            }
        };
        if let Some(problem) = choice_count_problem(p.options.len()) {
            return Err(problem);
        }
        for (i, (letter, _)) in p.options.iter().enumerate() {
            if p.options[..i].iter().any(|(l, _)| l == letter) {
                return Err(format!("two answers are labelled {letter}"));
            }
        }
        if !p.options.iter().any(|(letter, _)| *letter == right) {
            return Err(format!(
                "the answer is {right}, but the question has no answer {right}"
            ));
        }
        let mut choices = Vec::new();
        for (letter, text) in &p.options {
            let text = tidy(text);
            if text.is_empty() {
                return Err(format!("answer {letter} has no text"));
            }
            choices.push(Choice {
                text,
                correct: *letter == right,
                feedback: None,
            });
        }
        let prompt = tidy(&p.text.join("\n"));
        if prompt.is_empty() {
            return Err("the question has no text".to_string());
        }
        Ok(Question {
            name: None,
            line: p.line,
            prompt,
            explanation: None,
            body: Body::Choices {
                multiple: false,
                choices,
            },
        })
    }
}

/// The schema file `import` writes beside the lesson, which the lesson's first line names.
pub const SCHEMA_FILE: &str = "lesson.schema.json";

/// The lesson file: the lesson's types written through serde, with the notes a teacher
/// needs as comments (where it came from, each question's Moodle name and line).
fn write_lesson(id: &str, title: &str, format: QuizFormat, quiz: &Quiz) -> String {
    use crate::lesson::schema::{AgesFile, LessonFile, PageFile, StepFile};
    let count = quiz.question_count();
    let about = format!(
        "This quiz was imported from a Moodle {format} file.\n\nA teacher should check every question, answer and piece of feedback before children use it."
    );
    let mut steps = vec![StepFile::Page(PageFile {
        title: "About this quiz".to_string(),
        text: about,
    })];
    // The comment above each step, in step order.
    let mut notes: Vec<Option<String>> = vec![None];
    for item in &quiz.items {
        match item {
            Item::Page { line, title, text } => {
                steps.push(StepFile::Page(PageFile {
                    title: title.clone(),
                    text: text.clone(),
                }));
                notes.push(Some(format!(
                    "A description, from line {line} of the quiz file."
                )));
            }
            Item::Question(q) => {
                steps.push(StepFile::Question(question_file(q)));
                let from = format!("line {} of the quiz file", q.line);
                notes.push(Some(match &q.name {
                    Some(name) => format!(
                        "Moodle question \"{}\", from {from}.",
                        name.replace('\n', " ")
                    ),
                    None => format!("From {from}."),
                }));
            }
        }
    }
    let lesson = LessonFile {
        format_version: crate::lesson::LESSON_FORMAT_VERSION,
        id: id.to_string(),
        lang: None,
        translation: None,
        title: title.to_string(),
        summary: format!("Imported quiz: {}.", crate::text::count(count, "question")),
        ages: AgesFile { min: 8, max: 16 },
        topics: quiz.topics.clone(),
        minutes: count.clamp(5, 180) as u32,
        pass_percent: Some(80),
        shuffle_choices: None,
        sources: Vec::new(),
        steps,
        glossary: Vec::new(),
    };
    let body = toml::to_string(&lesson).expect("a lesson always serializes");
    let mut out = format!(
        "#:schema ./{SCHEMA_FILE}\n# Imported from a Moodle {format} file by `mehfooz import`. Check every question, answer\n# and piece of feedback, then run `mehfooz check` on this file.\n"
    );
    let mut notes = notes.into_iter();
    for line in body.lines() {
        if line.trim() == "[[steps]]" {
            if !out.ends_with("\n\n") {
                out.push('\n');
            }
            if let Some(Some(note)) = notes.next() {
                let _ = writeln!(out, "# {}", crate::text::visible(&note));
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn question_file(q: &Question) -> crate::lesson::schema::QuestionFile {
    use crate::lesson::glossary::escape;
    use crate::lesson::schema::{ChoiceFile, KindFile, QuestionFile};
    // A quiz's braces are its own text, never glossary marks.
    let text = |s: &Option<String>| s.as_deref().map(escape);
    let mut file = QuestionFile {
        kind: KindFile::Single,
        prompt: escape(&q.prompt),
        hint: None,
        explanation: text(&q.explanation),
        shuffle: None,
        any_correct: None,
        choices: None,
        answer: None,
        true_feedback: None,
        false_feedback: None,
    };
    match &q.body {
        Body::TrueFalse {
            answer,
            true_feedback,
            false_feedback,
        } => {
            file.kind = KindFile::TrueFalse;
            file.answer = Some(*answer);
            file.true_feedback = text(true_feedback);
            file.false_feedback = text(false_feedback);
        }
        Body::Choices { multiple, choices } => {
            let right = choices.iter().filter(|c| c.correct).count();
            if *multiple {
                file.kind = KindFile::Multiple;
            } else if right > 1 {
                file.any_correct = Some(true);
            }
            file.choices = Some(
                choices
                    .iter()
                    .map(|c| ChoiceFile {
                        text: escape(&c.text),
                        correct: c.correct,
                        feedback: text(&c.feedback),
                        pinned: false,
                    })
                    .collect(),
            );
        }
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices_of(q: &Question) -> (bool, Vec<(String, bool, Option<String>)>) {
        match &q.body {
            Body::Choices { multiple, choices } => (
                *multiple,
                choices
                    .iter()
                    .map(|c| (c.text.clone(), c.correct, c.feedback.clone()))
                    .collect(),
            ),
            Body::TrueFalse { .. } => panic!("not a choice question: {q:?}"),
        }
    }

    fn owned(text: &str, correct: bool, feedback: Option<&str>) -> (String, bool, Option<String>) {
        (text.to_string(), correct, feedback.map(str::to_string))
    }

    #[test]
    fn escaped_control_characters_are_plain_text() {
        let q = gift::parse_one(
            r"Which is \{not\} special\: 1 \= 1? {~ \~ tilde # a \# hash ~ \= equals =\\ backslash}",
        )
        .unwrap();
        assert_eq!(q.prompt, "Which is {not} special: 1 = 1?");
        let (multiple, choices) = choices_of(&q);
        assert!(!multiple);
        assert_eq!(
            choices,
            vec![
                owned("~ tilde", false, Some("a # hash")),
                owned("= equals", false, None),
                owned("\\ backslash", true, None),
            ]
        );
    }

    #[test]
    fn named_html_entities_become_their_characters() {
        assert_eq!(
            html_to_text(
                "It&rsquo;s &ldquo;safe&rdquo; &mdash; &eacute;t&eacute; &amp; &#x1F600; &bogus;"
            ),
            "It\u{2019}s \u{201c}safe\u{201d} \u{2014} \u{e9}t\u{e9} & \u{1F600} &bogus;"
        );
    }

    #[test]
    fn backslash_n_is_a_new_line_and_other_backslashes_stay() {
        let q = gift::parse_one(r"First line\nsecond C:\temp {T}").unwrap();
        assert_eq!(q.prompt, "First line\nsecond C:\\temp");
    }

    #[test]
    fn percentages_mark_the_right_answers_of_a_multiple_answer_question() {
        let q = gift::parse_one(
            "What two people are entombed in Grant's tomb? {\n~%-100%No one\n~%50%Grant\n~%50%Grant's wife\n~%-100%Grant's father }",
        )
        .unwrap();
        let (multiple, choices) = choices_of(&q);
        assert!(multiple);
        let right: Vec<&str> = choices
            .iter()
            .filter(|c| c.1)
            .map(|c| c.0.as_str())
            .collect();
        assert_eq!(right, ["Grant", "Grant's wife"]);
    }

    #[test]
    fn decimal_and_zero_percentages_are_read() {
        let q =
            gift::parse_one("Pick them {~%33.33333%a ~%33.33333%b ~%33.33334%c ~%0%d}").unwrap();
        let (multiple, choices) = choices_of(&q);
        assert!(multiple);
        let correct: Vec<bool> = choices.iter().map(|c| c.1).collect();
        assert_eq!(correct, [true, true, true, false]);
    }

    #[test]
    fn one_hundred_percent_without_an_equals_sign_is_a_multiple_answer_question() {
        let q = gift::parse_one("Only one {~%100%a ~b ~c}").unwrap();
        let (multiple, choices) = choices_of(&q);
        assert!(multiple, "Moodle shows it with check boxes");
        assert_eq!(choices.iter().filter(|c| c.1).count(), 1);
    }

    #[test]
    fn partial_credit_in_a_pick_one_question_becomes_a_wrong_choice_and_is_reported() {
        let text = "Difficult question.{~wrong answer ~%50%half credit answer =full credit answer}";
        let quiz = gift::parse(text);
        let [Item::Question(q)] = quiz.items.as_slice() else {
            panic!("one question: {:?}", quiz.items);
        };
        let (multiple, choices) = choices_of(q);
        assert!(!multiple);
        let correct: Vec<bool> = choices.iter().map(|c| c.1).collect();
        assert_eq!(correct, [false, false, true]);
        assert!(quiz.skipped.is_empty(), "{:?}", quiz.skipped);
        assert_eq!(quiz.notes.len(), 1);
        assert_eq!(quiz.notes[0].line, 1);
        assert!(
            quiz.notes[0].reason.contains("half credit answer"),
            "{:?}",
            quiz.notes
        );
    }

    #[test]
    fn a_percentage_sign_that_is_not_a_weight_stays_in_the_text() {
        let q = gift::parse_one("Which? {=%about% right ~wrong}").unwrap();
        let (_, choices) = choices_of(&q);
        assert_eq!(choices[0].0, "%about% right");
    }

    #[test]
    fn true_false_feedback_goes_to_the_side_it_is_shown_for() {
        // GIFT: the first feedback is for a wrong answer, the second for the right one.
        let q = gift::parse_one("Grant is buried here.{T#No, he is.#Yes, he is.}").unwrap();
        assert_eq!(
            q.body,
            Body::TrueFalse {
                answer: true,
                true_feedback: Some("Yes, he is.".into()),
                false_feedback: Some("No, he is.".into()),
            }
        );
        let q = gift::parse_one("Grant is buried in Grant's tomb.{FALSE#Wrong.#Right.}").unwrap();
        assert_eq!(
            q.body,
            Body::TrueFalse {
                answer: false,
                true_feedback: Some("Wrong.".into()),
                false_feedback: Some("Right.".into()),
            }
        );
    }

    #[test]
    fn html_tags_are_stripped_and_entities_decoded() {
        let (text, format) = plain_text(
            "[html]Is <b>1 &lt; 2</b>?<br/>Think&nbsp;again &amp; <i>answer</i>.",
            TextFormat::Moodle,
        );
        assert_eq!(format, TextFormat::Html);
        assert_eq!(text, "Is 1 < 2?\nThink again & answer.");
    }

    #[test]
    fn a_less_than_sign_that_is_not_a_tag_is_kept() {
        assert_eq!(
            plain_text("1 < 2 and 3 > 2", TextFormat::Moodle).0,
            "1 < 2 and 3 > 2"
        );
        assert_eq!(
            plain_text("[plain]<b>bold</b>", TextFormat::Moodle).0,
            "<b>bold</b>"
        );
    }

    #[test]
    fn written_text_reads_back_as_the_same_text() {
        let tricky = "He said \"hi\"\\ then\nleft\t'here' \u{7f}\u{1} ''' \"\"\" ✓";
        let quiz = Quiz {
            items: vec![Item::Page {
                line: 1,
                title: "T".into(),
                text: tricky.into(),
            }],
            ..Quiz::default()
        };
        let doc = write_lesson("t", "T", QuizFormat::Gift, &quiz);
        let table: toml::Table = doc.parse().expect("valid TOML");
        let steps = table["steps"].as_array().unwrap();
        assert_eq!(steps[1]["text"].as_str(), Some(tricky));
    }

    #[test]
    fn detect_tells_aiken_from_gift() {
        let aiken = "What is 2 + 2?\nA. 3\nB. 4\nANSWER: B\n";
        let gift = "// quiz\nWhat is 2 + 2?{~3 =4}\n";
        assert_eq!(detect(aiken), QuizFormat::Aiken);
        assert_eq!(detect(gift), QuizFormat::Gift);
        assert_eq!(detect(""), QuizFormat::Gift);
    }

    #[test]
    fn aiken_answers_with_the_same_letter_are_refused() {
        let quiz = aiken::parse("Which?\nA. one\nA. two\nB. three\nANSWER: A\n");
        assert!(quiz.items.is_empty());
        assert_eq!(quiz.skipped.len(), 1);
        assert_eq!(quiz.skipped[0].line, 1);
        assert!(
            quiz.skipped[0].reason.contains("labelled A"),
            "{:?}",
            quiz.skipped
        );
    }

    #[test]
    fn a_title_without_its_closing_colons_is_dropped_from_the_prompt() {
        let q = gift::parse_one("::Which is right? {=this ~that}").unwrap();
        assert_eq!(q.prompt, "Which is right?");
    }

    #[test]
    fn a_bad_id_is_refused() {
        let err = import("Q?{T}", QuizFormat::Gift, "Bad Id", "Quiz")
            .unwrap_err()
            .to_string();
        assert!(err.contains("lowercase"), "{err}");
    }
}
