//! The plain line mode: a lesson line by line on standard input and output, for screen
//! readers, plain terminals, scripts and tests. Same engine and same saving as the TUI.

use std::io::{self, BufRead, Write};

use crate::i18n::Messages;
use crate::lesson::glossary::{self, Glossary, Meaning};
use crate::lesson::{Lesson, QuestionKind, Sender};
use crate::progress::{Store, StoreError, Waiting};
use crate::quiz::{Feedback, View};
use crate::run::{LessonRun, Start};
use crate::text::{self, Block};
use crate::{strings, t};

const WIDTH: usize = 78;

/// Why a plain run ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    Finished,
    /// The student typed q, or the input ran out: progress is saved.
    Stopped,
}

/// Takes `student` through `lesson`, reading answers from `input`, saving after every
/// answer and every step, saying everything in the language of `m`.
pub fn play(
    m: &Messages,
    lesson: &Lesson,
    glossary: &Glossary,
    student: &str,
    store: &Store,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<Ended, PlainError> {
    let loaded = store.load(student)?;
    if let Some(aside) = &loaded.set_aside {
        // One line, not wrapped: the paths in it are for copying.
        writeln!(out, "{}", strings::set_aside(m, aside))?;
    }
    let (mut run, start) =
        LessonRun::begin(lesson, loaded.student.record(&lesson.id), &mut rand::rng());
    write_wrapped(
        out,
        &t!(
            m,
            "plain-lesson-for",
            lesson = lesson.title.as_str(),
            name = student
        ),
        &format!("{}: ", m.text("app-name")),
    )?;
    match start {
        Start::Fresh => {}
        Start::Resumed => write_wrapped(
            out,
            &t!(
                m,
                "plain-resumed",
                step = run.session.position() + 1,
                steps = run.session.len()
            ),
            "",
        )?,
        Start::LessonChanged => write_wrapped(out, &m.text("plain-lesson-changed"), "")?,
    }
    write_wrapped(out, &m.text("plain-how-to-stop"), "")?;
    let mut saver = Saver {
        m,
        store,
        student,
        unsaved: None,
    };
    saver.save(&mut run, out)?;
    let total = run.session.len();
    loop {
        let Some(view) = run.session.current() else {
            // The last save before the score, so the score shown is the one kept.
            if saver.save(&mut run, out)? == Saved::Cleared {
                run = start_again(m, lesson, &mut saver, out)?;
                continue;
            }
            break;
        };
        let position = run.session.position();
        writeln!(out)?;
        let words = glossary.meanings(view.texts());
        match &view {
            View::Page { title, text } => {
                write_wrapped(
                    out,
                    title,
                    &lead(&t!(m, "plain-page", step = position + 1, steps = total)),
                )?;
                write_text(out, text, "")?;
                write_words(m, out, &words)?;
                write_wrapped(out, &m.text("plain-enter-or-back"), "")?;
                if !move_on(m, &mut run, input, out, &words)? {
                    return stop(m, out, &mut saver, &mut run);
                }
            }
            View::Question {
                question,
                choices,
                number,
                total: questions,
            } => {
                write_marked(
                    out,
                    &question.prompt,
                    &lead(&t!(
                        m,
                        "plain-question",
                        number = *number,
                        questions = *questions
                    )),
                )?;
                for (i, choice) in choices.iter().enumerate() {
                    let text = strings::choice_text(m, question.kind, &choice.text);
                    write_marked(out, &text, &format!("  {}. ", i + 1))?;
                }
                write_words(m, out, &words)?;
                if let Some(feedback) = run.session.feedback_at(position) {
                    let shown = Shown::Choices(question.kind);
                    if !review(m, &mut run, &feedback, shown, input, out, &words)? {
                        return stop(m, out, &mut saver, &mut run);
                    }
                    continue;
                }
                let mut ask = vec![m.text(match question.kind {
                    crate::lesson::QuestionKind::Multiple => "plain-ask-multiple",
                    _ => "plain-ask-single",
                })];
                if question.hint.is_some() {
                    ask.push(m.text("plain-ask-hint"));
                }
                ask.push(m.text("plain-ask-back"));
                write_wrapped(out, &ask.join(" "), "")?;
                let answered =
                    answer_loop(m, &mut run, input, out, Asked::Question(question), &words)?;
                if !go_on(m, answered, &mut run, lesson, &mut saver, out)? {
                    return stop(m, out, &mut saver, &mut run);
                }
            }
            View::Chat {
                chat,
                number,
                total: questions,
            } => {
                write_wrapped(
                    out,
                    &chat.title,
                    &lead(&t!(
                        m,
                        "plain-chat",
                        number = *number,
                        questions = *questions
                    )),
                )?;
                if let Some(intro) = &chat.intro {
                    write_text(out, intro, "")?;
                }
                // Only the messages the child can mark are numbered, 1..n, as in the app.
                let mut number = 0;
                for message in &chat.messages {
                    let lead = match message.from {
                        Sender::Them => {
                            number += 1;
                            format!("  {number}. {}: ", chat.with)
                        }
                        Sender::Me => format!("     {}: ", m.text("plain-you")),
                    };
                    write_marked(out, &message.text, &lead)?;
                }
                write_words(m, out, &words)?;
                let markable = crate::quiz::markable(chat);
                if let Some(feedback) = run.session.feedback_at(position) {
                    let shown = Shown::Messages(&chat.with);
                    if !review(m, &mut run, &feedback, shown, input, out, &words)? {
                        return stop(m, out, &mut saver, &mut run);
                    }
                    continue;
                }
                write_wrapped(out, &m.text("plain-ask-chat"), "")?;
                let asked = Asked::Chat(&chat.with, &markable);
                let answered = answer_loop(m, &mut run, input, out, asked, &words)?;
                if !go_on(m, answered, &mut run, lesson, &mut saver, out)? {
                    return stop(m, out, &mut saver, &mut run);
                }
            }
        }
    }
    let summary = run.session.summary();
    writeln!(out)?;
    write_wrapped(out, &lesson.title, &lead(&m.text("plain-finished")))?;
    write_wrapped(
        out,
        &strings::score_line(m, summary.percent, lesson.pass_percent, summary.passed),
        "",
    )?;
    let review: Vec<_> = summary.to_review().collect();
    if !review.is_empty() {
        writeln!(out, "{}", t!(m, "plain-look-again", count = review.len()))?;
        for q in review {
            write_wrapped(
                out,
                &glossary::plain(&q.prompt),
                &format!(
                    "  {}",
                    lead(&t!(m, "plain-question-number", number = q.number))
                ),
            )?;
        }
    }
    write_wrapped(out, &m.text("never-your-fault"), "")?;
    saver.finish(out)?;
    Ok(Ended::Finished)
}

/// Whether a save kept the attempt.
#[derive(Debug, PartialEq, Eq)]
enum Saved {
    /// Kept, or (if the save failed) held to try again with the next one.
    Kept,
    /// A teacher cleared this attempt while the child was taking it.
    Cleared,
}

/// Saves after every answer. A failed save does not end the lesson: the child is told,
/// carries on, and every later save (each holds all the answers) tries again.
struct Saver<'s> {
    m: &'s Messages,
    store: &'s Store,
    student: &'s str,
    /// Why the last save failed, while no save has worked since.
    unsaved: Option<StoreError>,
}

impl Saver<'_> {
    fn save(&mut self, run: &mut LessonRun, out: &mut impl Write) -> io::Result<Saved> {
        let lesson_id = run.lesson_id();
        let attempts = run.attempts_to_save();
        // Nothing answered yet: there is no attempt to keep.
        if attempts.is_empty() {
            return Ok(Saved::Kept);
        }
        match self.store.save_attempts(self.student, lesson_id, &attempts) {
            Ok(loaded) => {
                if let Some(aside) = &loaded.set_aside {
                    writeln!(out, "{}", strings::set_aside(self.m, aside))?;
                }
                if self.unsaved.take().is_some() {
                    writeln!(out, "{}", self.m.text("plain-saved-now"))?;
                }
                if run.was_cleared(loaded.student.record(lesson_id)) {
                    return Ok(Saved::Cleared);
                }
            }
            Err(error) => {
                if self.unsaved.is_none() {
                    write_wrapped(out, &self.m.text("plain-not-saved"), "")?;
                    let why = strings::store_error(self.m, &error);
                    write_wrapped(out, &why, &lead(&self.m.text("plain-why")))?;
                }
                self.unsaved = Some(error);
            }
        }
        Ok(Saved::Kept)
    }

    /// The end of the run: an error if the answers could still not be saved.
    fn finish(&mut self, out: &mut impl Write) -> Result<(), PlainError> {
        match self.unsaved.take() {
            None => Ok(()),
            Some(error) => {
                write_wrapped(out, &self.m.text("plain-not-saved-at-end"), "")?;
                Err(PlainError::Store(error))
            }
        }
    }
}

/// What follows an answer loop: an answer is saved and the lesson moves on (or begins
/// again, when a teacher cleared it meanwhile); `b` goes back a step. False when the
/// child stopped.
fn go_on<'l>(
    m: &Messages,
    answered: Answered,
    run: &mut LessonRun<'l>,
    lesson: &'l Lesson,
    saver: &mut Saver,
    out: &mut impl Write,
) -> Result<bool, PlainError> {
    match answered {
        Answered::Yes => {
            if saver.save(run, out)? == Saved::Cleared {
                *run = start_again(m, lesson, saver, out)?;
            } else {
                run.session.advance();
            }
        }
        Answered::Back => run.session.back(),
        Answered::Stopped => return Ok(false),
    }
    Ok(true)
}

/// A teacher cleared the lesson while the child was taking it: begin again, as the
/// teacher wanted, and say why.
fn start_again<'l>(
    m: &Messages,
    lesson: &'l Lesson,
    saver: &mut Saver,
    out: &mut impl Write,
) -> Result<LessonRun<'l>, PlainError> {
    writeln!(out)?;
    write_wrapped(out, &m.text("plain-teacher-cleared"), "")?;
    let mut run = LessonRun::restart(lesson, &mut rand::rng());
    saver.save(&mut run, out)?;
    Ok(run)
}

/// Tells whoever is at the terminal, once, that a save is waiting for another copy of
/// the app, in the language `strings::speak` chose; Ctrl-C stops the wait as it stops
/// anything else in plain mode.
pub fn tell_waiting(waiting: &Waiting) {
    if waiting.first {
        eprintln!("{}", strings::waiting(&strings::spoken(), waiting));
    }
}

/// Shows again how an answered step went, then moves on or back.
fn review(
    m: &Messages,
    run: &mut LessonRun,
    feedback: &Feedback,
    shown: Shown,
    input: &mut impl BufRead,
    out: &mut impl Write,
    words: &[Meaning],
) -> Result<bool, PlainError> {
    writeln!(out, "{}", m.text("plain-already-answered"))?;
    write_feedback(m, out, feedback, shown)?;
    write_wrapped(out, &m.text("plain-enter-or-back"), "")?;
    move_on(m, run, input, out, words)
}

/// Enter moves to the next step, `b` back one; false when the child stops.
fn move_on(
    m: &Messages,
    run: &mut LessonRun,
    input: &mut impl BufRead,
    out: &mut impl Write,
    words: &[Meaning],
) -> Result<bool, PlainError> {
    loop {
        match read_line(input, out)? {
            None => return Ok(false),
            Some(line) if line.eq_ignore_ascii_case("q") => return Ok(false),
            Some(line) if line.eq_ignore_ascii_case("g") => write_meanings(m, out, words)?,
            Some(line) if line.eq_ignore_ascii_case("b") => {
                run.session.back();
                return Ok(true);
            }
            Some(_) => {
                run.session.advance();
                return Ok(true);
            }
        }
    }
}

/// "Words: evidence*, permission* (type g for what they mean)", after a step that marks
/// any, so a child knows the `*` words can be explained.
fn write_words(m: &Messages, out: &mut impl Write, words: &[Meaning]) -> io::Result<()> {
    if words.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = words.iter().map(|w| format!("{}*", w.shown)).collect();
    write_wrapped(
        out,
        &t!(m, "plain-words-list", words = list.join(", ")),
        &lead(&m.text("plain-words")),
    )
}

/// What each word of the step means; asked for with `g`, it answers nothing.
fn write_meanings(m: &Messages, out: &mut impl Write, words: &[Meaning]) -> io::Result<()> {
    if words.is_empty() {
        return write_wrapped(out, &m.text("no-glossary-words"), "");
    }
    let no_meaning = m.text("no-meaning-yet");
    for w in words {
        let meaning = w.meaning.as_deref().unwrap_or(&no_meaning);
        write_wrapped(out, meaning, &format!("  {}: ", w.shown))?;
    }
    Ok(())
}

/// How asking for an answer ended.
enum Answered {
    Yes,
    /// The child typed b, to read the step before again.
    Back,
    Stopped,
}

/// What an answer is asked for.
#[derive(Clone, Copy)]
enum Asked<'a> {
    Question(&'a crate::lesson::Question),
    /// A chat: the other person's name, and the messages the typed numbers count.
    Chat(&'a str, &'a [usize]),
}

/// What the items of an answer's feedback are.
#[derive(Clone, Copy)]
enum Shown<'a> {
    Choices(QuestionKind),
    /// A chat's messages, from the person named.
    Messages(&'a str),
}

/// Reads answers until one is taken or the child stops or goes back.
fn answer_loop(
    m: &Messages,
    run: &mut LessonRun,
    input: &mut impl BufRead,
    out: &mut impl Write,
    asked: Asked,
    words: &[Meaning],
) -> Result<Answered, PlainError> {
    let (hint, shown) = match asked {
        Asked::Question(q) => (q.hint.as_deref(), Shown::Choices(q.kind)),
        Asked::Chat(with, _) => (None, Shown::Messages(with)),
    };
    loop {
        let Some(line) = read_line(input, out)? else {
            return Ok(Answered::Stopped);
        };
        if line.eq_ignore_ascii_case("q") {
            return Ok(Answered::Stopped);
        }
        if line.eq_ignore_ascii_case("b") {
            return Ok(Answered::Back);
        }
        if line.eq_ignore_ascii_case("g") {
            write_meanings(m, out, words)?;
            continue;
        }
        if line.eq_ignore_ascii_case("h") {
            match hint {
                Some(hint) => write_marked(out, hint, &lead(&m.text("plain-hint")))?,
                None => writeln!(out, "{}", m.text("plain-no-hint"))?,
            }
            continue;
        }
        if line.is_empty() {
            // An Enter meant for the page before is not an answer.
            write_wrapped(out, &m.text("plain-nothing-typed"), "")?;
            continue;
        }
        let Some(mut picked) = parse_numbers(&line) else {
            writeln!(out, "{}", m.text("plain-numbers-only"))?;
            continue;
        };
        if let Asked::Chat(_, markable) = asked {
            // The numbers count the markable messages; the answer names the messages.
            match picked
                .iter()
                .map(|&n| markable.get(n).copied().ok_or(n))
                .collect()
            {
                Ok(messages) => picked = messages,
                Err(n) => {
                    writeln!(out, "{}", strings::no_such_message(m, n + 1))?;
                    continue;
                }
            }
        }
        match run.session.answer(&picked) {
            Ok(feedback) => {
                write_feedback(m, out, &feedback, shown)?;
                return Ok(Answered::Yes);
            }
            Err(e) => write_wrapped(out, &strings::answer_error(m, &e), "")?,
        }
    }
}

/// "1 3" or "1,3" becomes [0, 2]; "0" alone means none. Urdu and Arabic digits count
/// as their numbers, since that is what some children's keyboards type.
fn parse_numbers(line: &str) -> Option<Vec<usize>> {
    let line = text::ascii_digits(line);
    let numbers: Option<Vec<usize>> = line
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<usize>().ok())
        .collect();
    let numbers = numbers?;
    if numbers == [0] {
        return Some(Vec::new());
    }
    if numbers.is_empty() || numbers.contains(&0) {
        return None;
    }
    Some(numbers.into_iter().map(|n| n - 1).collect())
}

/// How an answer went, item by item, numbered as the question or chat showed them; a
/// chat's messages keep their sender.
fn write_feedback(
    m: &Messages,
    out: &mut impl Write,
    feedback: &Feedback,
    shown: Shown,
) -> io::Result<()> {
    writeln!(out, "{}", strings::verdict(m, feedback.verdict))?;
    let one_right = feedback.items.iter().filter(|i| i.correct).count() == 1;
    for (i, item) in feedback.items.iter().enumerate() {
        let (lead, text, result) = match shown {
            Shown::Messages(with) => (
                format!("  {}. {with}: ", i + 1),
                item.text.clone(),
                strings::message_result(m, item.picked, item.correct),
            ),
            Shown::Choices(kind) => (
                format!("  {}. ", i + 1),
                strings::choice_text(m, kind, &item.text),
                strings::choice_result(m, item.picked, item.correct, one_right)
                    .unwrap_or_else(|| m.text("choice-not-picked")),
            ),
        };
        write_marked(out, &format!("{text} ({result})"), &lead)?;
        if let Some(note) = &item.note {
            let verdict = strings::verdict(m, feedback.verdict);
            write_marked(out, strings::without_opening(note, &verdict), "     ")?;
        }
    }
    if let Some(explanation) = &feedback.explanation {
        write_marked(out, explanation, "")?;
    }
    Ok(())
}

/// Lesson text, its glossary words starred.
fn write_marked(out: &mut impl Write, text: &str, first: &str) -> io::Result<()> {
    write_wrapped(out, &glossary::starred(text), first)
}

fn write_text(out: &mut impl Write, text: &str, indent: &str) -> io::Result<()> {
    let text = glossary::starred(text);
    for block in text::blocks(&text) {
        match block {
            Block::Paragraph(p) => write_wrapped(out, &p, indent)?,
            Block::Bullet(b) => write_wrapped(out, &b, &format!("{indent}  - "))?,
        }
    }
    Ok(())
}

/// Writes `text` wrapped to the line width (in terminal columns: a CJK character takes
/// two), `first` before the first line and the following lines indented to match. A
/// label too wide for that (a very long name in a chat) is wrapped with the text instead.
fn write_wrapped(out: &mut impl Write, text: &str, first: &str) -> io::Result<()> {
    let lead_width = text::width(first);
    if lead_width > WIDTH / 2 {
        let pad = first.len() - first.trim_start().len();
        let joined = format!("{}{text}", first.trim_start());
        let margin = " ".repeat(pad);
        for (i, line) in text::wrap(&joined, WIDTH - pad - 4).iter().enumerate() {
            let hang = if i == 0 { "" } else { "    " };
            writeln!(out, "{margin}{hang}{line}")?;
        }
        return Ok(());
    }
    let indent = " ".repeat(lead_width);
    let width = WIDTH - lead_width;
    for (i, line) in text::wrap(text, width).iter().enumerate() {
        let lead = if i == 0 { first } else { &indent };
        writeln!(out, "{lead}{line}")?;
    }
    Ok(())
}

fn read_line(input: &mut impl BufRead, out: &mut impl Write) -> io::Result<Option<String>> {
    write!(out, "> ")?;
    out.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        writeln!(out)?;
        return Ok(None);
    }
    Ok(Some(line.trim().to_string()))
}

fn stop(
    m: &Messages,
    out: &mut impl Write,
    saver: &mut Saver,
    run: &mut LessonRun,
) -> Result<Ended, PlainError> {
    if saver.save(run, out)? == Saved::Cleared {
        write_wrapped(out, &m.text("plain-stopped-cleared"), "")?;
        return Ok(Ended::Stopped);
    }
    saver.finish(out)?;
    write_wrapped(out, &m.text("plain-stopped"), "")?;
    Ok(Ended::Stopped)
}

/// A message that labels a line ("Question 2 of 5:") as the line's start.
fn lead(label: &str) -> String {
    format!("{label} ")
}

#[derive(Debug)]
pub enum PlainError {
    Io(io::Error),
    Store(StoreError),
}

impl PlainError {
    /// What went wrong, in the child's language when it is about their progress.
    pub fn said_in(&self, m: &Messages) -> String {
        match self {
            PlainError::Io(e) => e.to_string(),
            PlainError::Store(e) => strings::store_error(m, e),
        }
    }

    /// Whoever read the output stopped reading (`| head`): not the child's problem, and
    /// every answer given is saved already.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, PlainError::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl From<io::Error> for PlainError {
    fn from(e: io::Error) -> Self {
        PlainError::Io(e)
    }
}

impl From<StoreError> for PlainError {
    fn from(e: StoreError) -> Self {
        PlainError::Store(e)
    }
}

impl std::fmt::Display for PlainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlainError::Io(e) => write!(f, "{e}"),
            PlainError::Store(e) => write!(f, "{e}"),
        }
    }
}
