//! Reading a lesson file: the walk over its fields that makes a `Lesson` and finds every
//! problem a teacher can make in one (a question with no right answer, a chat with no red
//! flag, ...). The TOML itself is read by `toml_reader`.

use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;

use super::glossary::{self, Entry};
use super::{
    Ages, Chat, Choice, Lesson, Message, Page, Pool, Question, QuestionKind, Sender, Step,
};
use crate::diagnostic::{Diagnostic, Severity};
use crate::toml_reader::{Counted, Fields, Kind, Need, Reader, read_document};

/// The lesson format version this program reads and writes (progress files have their
/// own, in `progress`).
pub const LESSON_FORMAT_VERSION: u32 = 1;
/// The most steps one lesson may have; a file with more is refused before parsing.
pub const MAX_STEPS: usize = 500;
/// The most choices one question may have.
pub const MAX_CHOICES: usize = 8;
/// The most messages one pretend chat may have.
pub const MAX_MESSAGES: usize = 50;
/// The most questions one pool may have.
pub const MAX_POOL_QUESTIONS: usize = 100;
const QUESTION_FIELDS: [&str; 4] = ["choices", "answer", "true_feedback", "false_feedback"];

#[derive(Clone, Copy)]
enum StepType {
    Page,
    Question,
    Chat,
    Pool,
}

/// What came out of one lesson file.
#[derive(Debug)]
pub struct ParsedLesson {
    /// The lesson, when the file has no errors (warnings allowed).
    pub lesson: Option<Lesson>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where the `id` is written, for problems found across files (a duplicate id).
    pub id_place: Option<Diagnostic>,
    /// Every glossary word marked in the text (the glossary word, not the form shown),
    /// with where it is written, so `check` can find the ones no glossary has.
    pub marks: Vec<(String, Diagnostic)>,
}

const LESSON: Kind = Kind {
    name: "a lesson file",
    counted: Some(Counted {
        header: "steps",
        max: MAX_STEPS,
        too_many: |count| {
            format!(
                "this lesson has {count} steps; a lesson may have at most {MAX_STEPS} (this is step {}): split it into several lessons",
                MAX_STEPS + 1
            )
        },
    }),
};

/// Reads one lesson file's text. `path` is only used in the messages.
pub fn parse_lesson(path: &Path, source: &str) -> ParsedLesson {
    let mut id_place = None;
    let mut marks = Vec::new();
    let (lesson, diagnostics) = read_document(path, source, &LESSON, |reader, table, span| {
        let lesson = reader.lesson(table, span, &mut id_place);
        marks = std::mem::take(&mut reader.marks)
            .into_iter()
            .map(|(word, span)| (word, reader.place(span)))
            .collect();
        lesson
    });
    ParsedLesson {
        lesson,
        diagnostics,
        id_place,
        marks,
    }
}

impl Reader<'_> {
    fn lesson(
        &mut self,
        table: &DeTable,
        span: Range<usize>,
        id_place: &mut Option<Diagnostic>,
    ) -> Option<Lesson> {
        let mut f = Fields::new(table, span, "the lesson");
        let version = f.integer(self, "format_version", Need::Required);
        if let Some((version, span)) = version
            && version != i64::from(LESSON_FORMAT_VERSION)
        {
            self.error(
                span,
                format!(
                    "this lesson is written for format version {version}; this program reads version {LESSON_FORMAT_VERSION}"
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
        // A translation's own fields, read by `translation`.
        f.skip("lang");
        f.skip("translation");
        let title = f.string(self, "title", Need::Required);
        let summary = f.string(self, "summary", Need::Required);
        let ages = self.ages(&mut f);
        let topics = f.string_list(self, "topics");
        let minutes = f.integer_in(self, "minutes", Need::Required, 1..=180);
        let pass = f.integer_in(self, "pass_percent", Need::Optional, 0..=100);
        let shuffle = f.boolean(self, "shuffle_choices").unwrap_or(true);
        // A page's length is judged on the English: other languages take more or fewer
        // words for the same sentences (Urdu writes "can do" as three words).
        let page_ages = ages.filter(|_| !f.has("lang"));
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
                .filter_map(|(t, span)| self.step(t, span, shuffle, page_ages))
                .collect(),
            None => Vec::new(),
        };
        let own_glossary = self.own_glossary(&mut f);
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
            glossary: own_glossary,
            lang: None,
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
        const TYPES: &[(&str, StepType)] = &[
            ("page", StepType::Page),
            ("question", StepType::Question),
            ("chat", StepType::Chat),
            ("pool", StepType::Pool),
        ];
        let Some((kind, _)) = f.one_of(self, "type", Need::Required, TYPES) else {
            // The other fields cannot be checked without a type; do not call them unknown.
            return None;
        };
        let step = match kind {
            StepType::Page => {
                let title = f.string(self, "title", Need::Required);
                let text = self.text(&mut f, "text", Need::Required);
                if let (Some((text, span)), Some(ages)) = (&text, ages) {
                    self.page_length(text, span.clone(), ages);
                }
                Some(Step::Page(Page {
                    title: title?.0,
                    text: text?.0,
                }))
            }
            StepType::Question => self.question(&mut f, shuffle).map(Step::Question),
            StepType::Chat => self.chat(&mut f).map(Step::Chat),
            StepType::Pool => self.pool(&mut f, shuffle).map(Step::Pool),
        };
        f.finish(self);
        step
    }

    fn question(&mut self, f: &mut Fields, shuffle: bool) -> Option<Question> {
        const KINDS: &[(&str, QuestionKind)] = &[
            ("single", QuestionKind::Single),
            ("multiple", QuestionKind::Multiple),
            ("true_false", QuestionKind::TrueFalse),
        ];
        let kind = f.one_of(self, "kind", Need::Required, KINDS);
        let prompt = self.text(f, "prompt", Need::Required);
        let hint = self.text(f, "hint", Need::Optional).map(|s| s.0);
        let explanation = self.text(f, "explanation", Need::Optional).map(|s| s.0);
        let shuffle = f.boolean(self, "shuffle").unwrap_or(shuffle);
        let any_correct = f.boolean(self, "any_correct").unwrap_or(false);
        let Some((kind, _)) = kind else {
            // The other fields cannot be checked without a kind; do not call them unknown.
            for key in QUESTION_FIELDS {
                f.skip(key);
            }
            return None;
        };
        let choices = if kind == QuestionKind::TrueFalse {
            self.true_false_choices(f)?
        } else {
            self.choices(f, kind, any_correct)?
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
        let true_feedback = self.text(f, "true_feedback", Need::Optional);
        let false_feedback = self.text(f, "false_feedback", Need::Optional);
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

    fn choices(
        &mut self,
        f: &mut Fields,
        kind: QuestionKind,
        any_correct: bool,
    ) -> Option<Vec<Choice>> {
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
            let text = self.text(&mut c, "text", Need::Required);
            let correct = c.boolean(self, "correct").unwrap_or(false);
            let feedback = self.text(&mut c, "feedback", Need::Optional).map(|s| s.0);
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
            QuestionKind::Single if correct > 1 && any_correct => Some(choices),
            QuestionKind::Single if correct != 1 => {
                let message = if correct == 0 {
                    "this question has no correct choice: mark one with `correct = true`"
                        .to_string()
                } else {
                    format!(
                        "a single-answer question needs exactly one correct choice; this one has {correct} (use kind = \"multiple\" when all of them must be picked, or any_correct = true when picking any one of them is right)"
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
        let intro = self.text(f, "intro", Need::Optional);
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
            const SENDERS: &[(&str, Sender)] = &[("them", Sender::Them), ("me", Sender::Me)];
            let from = m.one_of(self, "from", Need::Required, SENDERS);
            let text = self.text(&mut m, "text", Need::Required);
            let red_flag = m.boolean(self, "red_flag");
            let why = self.text(&mut m, "why", Need::Optional).map(|s| s.0);
            m.finish(self);
            let Some((from, _)) = from else {
                continue;
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

impl Reader<'_> {
    /// A text a child reads, which may mark glossary words: a broken mark is an error at
    /// the mark, and every marked word is noted for the checks across files.
    fn text(
        &mut self,
        f: &mut Fields,
        key: &'static str,
        need: Need,
    ) -> Option<(String, Range<usize>)> {
        let (text, span) = f.string(self, key, need)?;
        let raw = self.map.slice(span.clone());
        let at = |inner: &Range<usize>| {
            glossary::place_in_value(raw, &text, inner)
                .map_or(span.clone(), |r| span.start + r.start..span.start + r.end)
        };
        match glossary::pieces(&text) {
            Err(e) => {
                let place = at(&e.at);
                self.error(place, e.message);
                None
            }
            Ok(pieces) => {
                let mut from = 0;
                for piece in pieces {
                    if let glossary::Piece::Word { shown, entry } = piece {
                        // Find this mark in the text to point at it: `{shown` starts it.
                        let needle = format!("{{{shown}");
                        let found = text[from..].find(&needle).map(|i| from + i);
                        let place = found.map_or(span.clone(), |i| at(&(i..i + needle.len() + 1)));
                        if let Some(i) = found {
                            from = i + needle.len();
                        }
                        self.marks.push((entry, place));
                    }
                }
                Some((text, span))
            }
        }
    }

    /// The lesson's own `[[glossary]]` entries; one the lesson never marks is a warning.
    fn own_glossary(&mut self, f: &mut Fields) -> Vec<Entry> {
        let Some(tables) = f.tables(self, "glossary", Need::Optional) else {
            return Vec::new();
        };
        let mut entries = Vec::new();
        for (table, span) in tables {
            let mut g = Fields::new(table, span, "this glossary entry");
            if let Some((entry, word_span)) = glossary::read_entry(self, &mut g, false) {
                let marked = self
                    .marks
                    .iter()
                    .any(|(word, _)| word.to_lowercase() == entry.word.to_lowercase());
                if !marked {
                    self.warning(
                        word_span,
                        format!(
                            "the lesson never marks \"{}\": mark it where a child first meets it, as {{{}}}, or remove this entry",
                            entry.word, entry.word
                        ),
                    );
                }
                entries.push(entry);
            }
            g.finish(self);
        }
        // The words this lesson explains itself need no shared entry.
        let own = glossary::Glossary::new(entries.clone());
        self.marks.retain(|(word, _)| own.lookup(word).is_none());
        entries
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
    let len = |c: &Choice| glossary::plain(&c.text).chars().count();
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
