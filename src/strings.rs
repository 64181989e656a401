//! Words a child reads that more than one front end shows, chosen from the message files
//! (`i18n/`) by what happened, so that wording stays the same everywhere and in every
//! language.

use std::rc::Rc;

use crate::i18n::Messages;
use crate::lesson::QuestionKind;
use crate::progress::{IoProblem, SetAside, Status, StoreError, Unreadable, Waiting};
use crate::quiz::{AnswerError, Verdict};
use crate::t;

/// The English messages, for the words only a teacher reads (the report, a preview's
/// problems), which stay English. Read once per thread, not once per use or per frame: a
/// `Messages` is not shared between threads.
pub fn english() -> Rc<Messages> {
    thread_local! {
        static ENGLISH: Rc<Messages> = Rc::new(Messages::english());
    }
    ENGLISH.with(Rc::clone)
}

thread_local! {
    /// The language a save's words are said in while it runs: a store waiter is a plain
    /// function with no messages of its own (see `speak`).
    static SPOKEN: std::cell::RefCell<Rc<Messages>> = std::cell::RefCell::new(english());
}

/// The language that what a save says while it runs (waiting for another copy) is
/// said in, from now on, on this thread.
pub fn speak(messages: Rc<Messages>) {
    SPOKEN.with(|m| *m.borrow_mut() = messages);
}

/// The messages `speak` last chose on this thread (English before).
pub fn spoken() -> Rc<Messages> {
    SPOKEN.with(|m| Rc::clone(&m.borrow()))
}

/// A file's or folder's name as put into a sentence. In a language read right to left it
/// is isolated as one left-to-right piece (UAX #9's isolates, which the app's own
/// reordering then drops): without that, an Urdu sentence drew the leading `/` of
/// `/home/lab/mehfooz` at its far end, apart from the rest.
pub fn path_in(m: &Messages, path: &std::path::Path) -> String {
    let shown = path.display().to_string();
    match m.reads_right_to_left() {
        true => format!("\u{2066}{shown}\u{2069}"),
        false => shown,
    }
}

/// Why the progress store could not load or save, in the reader's words.
pub fn store_error(m: &Messages, error: &StoreError) -> String {
    match error {
        StoreError::Io { path, error } => t!(
            m,
            "store-error-file",
            file = path_in(m, path),
            problem = io_problem(m, IoProblem::from(error))
        ),
        StoreError::NewerFormat { path, version } => t!(
            m,
            "store-error-newer",
            file = path_in(m, path),
            version = *version
        ),
        StoreError::CannotWrite { dir, error } => t!(
            m,
            "store-error-cannot-write",
            folder = path_in(m, dir),
            problem = io_problem(m, IoProblem::from(error))
        ),
        StoreError::Busy { student, waited } => t!(
            m,
            "store-error-busy",
            name = student.as_str(),
            seconds = waited.as_secs()
        ),
        StoreError::StoppedWaiting { student } => {
            t!(m, "store-error-stopped-waiting", name = student.as_str())
        }
    }
}

/// A child's file that could not be read and was put aside, and why.
pub fn set_aside(m: &Messages, aside: &SetAside) -> String {
    t!(
        m,
        "store-set-aside",
        file = path_in(m, &aside.original),
        why = unreadable(m, &aside.reason),
        kept = path_in(m, &aside.moved_to)
    )
}

/// Why a child's file could not be read.
pub fn unreadable(m: &Messages, reason: &Unreadable) -> String {
    match reason {
        Unreadable::CannotRead(problem) => t!(
            m,
            "store-why-cannot-read",
            problem = io_problem(m, *problem)
        ),
        Unreadable::Damaged { line, column } => {
            t!(m, "store-why-damaged", line = *line, column = *column)
        }
        Unreadable::Newer { version } => t!(m, "store-why-newer", version = *version),
        Unreadable::NameHasControlCharacters => m.text("store-why-name-control"),
    }
}

/// Said once while a save waits for another copy of the app.
pub fn waiting(m: &Messages, waiting: &Waiting) -> String {
    t!(
        m,
        "store-waiting",
        name = waiting.student,
        seconds = waiting.limit.as_secs()
    )
}

/// What the system said, in words for the commonest problems, else its error number
/// (the system's own sentence is English on most computers, and says no more).
fn io_problem(m: &Messages, problem: IoProblem) -> String {
    use std::io::ErrorKind;
    let id = match problem.kind {
        ErrorKind::PermissionDenied => "store-problem-not-allowed",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "store-problem-disk-full",
        ErrorKind::NotFound => "store-problem-not-found",
        ErrorKind::ReadOnlyFilesystem => "store-problem-read-only",
        kind => {
            let code = problem.code.map_or(format!("{kind:?}"), |c| c.to_string());
            return t!(m, "store-problem-other", code = code);
        }
    };
    m.text(id)
}

pub fn verdict(m: &Messages, verdict: Verdict) -> String {
    m.text(match verdict {
        Verdict::Correct => "verdict-correct",
        Verdict::PartlyCorrect => "verdict-partly-correct",
        Verdict::NotQuite => "verdict-not-quite",
    })
}

pub fn status(m: &Messages, status: Status) -> String {
    m.text(match status {
        Status::NotStarted => "status-not-started",
        Status::InProgress => "status-in-progress",
        Status::Passed => "status-passed",
        Status::NotYetPassed => "status-not-yet-passed",
    })
}

/// How a choice went, after answering: shown beside it. `one_right` says the question
/// had a single right answer, which is then simply "the right answer". `None` for a
/// choice neither picked nor right, which the TUI leaves bare.
pub fn choice_result(m: &Messages, picked: bool, correct: bool, one_right: bool) -> Option<String> {
    let id = match (picked, correct) {
        (true, true) => "choice-picked-right",
        (true, false) => "choice-picked-wrong",
        (false, true) if one_right => "choice-the-right-answer",
        (false, true) => "choice-right-missed",
        (false, false) => return None,
    };
    Some(m.text(id))
}

/// How a chat message went, after answering; the same words in every front end.
pub fn message_result(m: &Messages, marked: bool, red_flag: bool) -> String {
    m.text(match (marked, red_flag) {
        (true, true) => "message-spotted",
        (false, true) => "message-missed",
        (true, false) => "message-marked-ok",
        (false, false) => "message-left-ok",
    })
}

pub fn answer_error(m: &Messages, error: &AnswerError) -> String {
    match error {
        AnswerError::NotAQuestion => m.text("answer-not-a-question"),
        AnswerError::AlreadyAnswered => m.text("answer-already-answered"),
        AnswerError::NoSuchChoice(n) => t!(m, "answer-no-such-choice", number = *n),
        AnswerError::PickOne => m.text("answer-pick-one"),
        AnswerError::PickAtLeastOne => m.text("answer-pick-at-least-one"),
        AnswerError::OwnMessage(n) => t!(m, "answer-own-message", number = *n),
    }
}

/// Said when Enter is pressed on a question before anything is chosen. Nothing is
/// recorded.
pub fn nothing_chosen(m: &Messages, multiple: bool, choices: usize) -> String {
    let id = if multiple {
        "nothing-ticked"
    } else {
        "nothing-chosen"
    };
    t!(m, id, choices = choices)
}

pub fn no_such_message(m: &Messages, n: usize) -> String {
    t!(m, "answer-no-such-message", number = n)
}

/// The child's own progress over the lessons on offer.
pub fn own_progress(m: &Messages, passed: usize, lessons: usize) -> String {
    t!(m, "own-progress", passed = passed, lessons = lessons)
}

/// Asked when a typed name is close to one already in the class.
pub fn is_this_you(m: &Messages, known: &str) -> String {
    t!(m, "is-this-you", name = known)
}

pub fn score_line(m: &Messages, percent: u32, pass_percent: u32, passed: bool) -> String {
    let id = if passed {
        "score-passed"
    } else {
        "score-not-yet-passed"
    };
    t!(m, id, percent = percent, pass = pass_percent)
}

pub fn ages(m: &Messages, min: u32, max: u32) -> String {
    t!(m, "ages", min = min, max = max)
}

/// A choice's words as shown: the lesson reader names a true/false question's two
/// choices "True" and "False" in English, so those are said in the child's language.
pub fn choice_text(m: &Messages, kind: QuestionKind, text: &str) -> String {
    match (kind, text) {
        (QuestionKind::TrueFalse, "True") => m.text("choice-true"),
        (QuestionKind::TrueFalse, "False") => m.text("choice-false"),
        _ => text.to_string(),
    }
}

/// `note` without an opening that repeats `verdict` ("Not quite." under "Not quite."):
/// the verdict and the ✗ already say it, and the words twice read as a scolding.
pub fn without_opening<'n>(note: &'n str, verdict: &str) -> &'n str {
    let words = verdict.trim_end_matches(['.', '!']);
    match note.get(..words.len()) {
        Some(opening) if opening.eq_ignore_ascii_case(words) => {
            let rest = note[words.len()..]
                .trim_start_matches(['.', '!', ','])
                .trim_start();
            if rest.is_empty() { note } else { rest }
        }
        _ => note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_opening_with_the_verdict_is_said_without_it() {
        let verdict = "Not quite.";
        assert_eq!(
            without_opening("Not quite. Block, and tell a trusted adult.", verdict),
            "Block, and tell a trusted adult."
        );
        assert_eq!(
            without_opening("Photos can be copied.", verdict),
            "Photos can be copied."
        );
        // A note that is the verdict alone is kept: there would be nothing left.
        assert_eq!(without_opening("Not quite.", verdict), "Not quite.");
    }
}
