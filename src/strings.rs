//! Words a child or a teacher reads that more than one front end shows, in one place, so
//! that wording stays the same everywhere and a translation has one file to start from.

use crate::progress::Status;
use crate::quiz::{AnswerError, Verdict};

pub const APP_NAME: &str = "Mehfooz";
pub const TAGLINE: &str = "Learn to stay safe online";
pub const NEVER_YOUR_FAULT: &str =
    "If something online worries you, it is never your fault. Tell a trusted adult.";

pub fn verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Correct => "Correct!",
        Verdict::PartlyCorrect => "Partly right.",
        Verdict::NotQuite => "Not quite.",
    }
}

pub fn status(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not started",
        Status::InProgress => "in progress",
        Status::Passed => "passed",
        Status::NotYetPassed => "not yet passed",
    }
}

/// How a choice went, after answering: shown beside it. `one_right` says the question
/// had a single right answer, which is then simply "the right answer".
pub fn choice_result(picked: bool, correct: bool, one_right: bool) -> &'static str {
    match (picked, correct) {
        (true, true) => "your answer, right",
        (true, false) => "your answer, not right",
        (false, true) if one_right => "the right answer",
        (false, true) => "a right answer you missed",
        (false, false) => "",
    }
}

/// How a chat message went, after answering; the same words in every front end.
pub fn message_result(marked: bool, red_flag: bool) -> &'static str {
    match (marked, red_flag) {
        (true, true) => "Red flag, and you spotted it.",
        (false, true) => "Red flag you missed.",
        (true, false) => "You marked it, but this one is OK.",
        (false, false) => "OK, you left it.",
    }
}

pub fn answer_error(error: &AnswerError) -> String {
    match error {
        AnswerError::NotAQuestion => "There is nothing to answer here.".into(),
        AnswerError::AlreadyAnswered => "You have answered this one already.".into(),
        AnswerError::NoSuchChoice(n) => format!("There is no choice number {n}."),
        AnswerError::PickOne => "Pick one answer.".into(),
        AnswerError::PickAtLeastOne => "Pick at least one answer.".into(),
        AnswerError::OwnMessage(n) => {
            format!("Message {n} is one you sent. Mark the other person's messages.")
        }
    }
}

/// Said when Space is pressed before any choice or message is highlighted.
pub const MOVE_FIRST: &str = "Use ↑↓ to move to one first, or press its number.";

/// Said when a chat is answered with no message marked, once, before it counts.
pub const CHAT_NOTHING_MARKED: &str = "You marked no messages: is that your answer? Press y for yes, or mark the warning signs first.";

/// Said when Enter is pressed on a question before anything is chosen. Nothing is
/// recorded.
pub fn nothing_chosen(multiple: bool, choices: usize) -> String {
    if multiple {
        format!(
            "Nothing is ticked yet. Press the numbers 1-{choices} to tick every right answer, then Enter."
        )
    } else {
        format!(
            "Choose an answer first: press a number from 1 to {choices}, or use ↑↓, then Enter."
        )
    }
}

/// Said in plain mode when a question gets an empty line.
pub const PLAIN_NOTHING_TYPED: &str =
    "Nothing was chosen. Type the number of your answer, then press Enter.";

pub fn no_such_message(n: usize) -> String {
    format!("There is no message number {n}.")
}

/// A lesson passed before and being taken again.
pub const PASSED_TRYING_AGAIN: &str = "passed, new try";

/// The child's own progress over the lessons on offer.
pub fn own_progress(passed: usize, lessons: usize) -> String {
    format!("{passed} of {lessons} passed")
}

/// Asked when a typed name is close to one already in the class.
pub fn is_this_you(known: &str) -> String {
    format!("Is this you? {known}")
}

pub const IS_THIS_YOU_KEYS: &str =
    "Press y if it is you, n if you are someone new, or Esc to change what you typed.";

/// Said when the teacher PIN typed is not the one set.
pub const WRONG_PIN: &str = "That is not the teacher PIN.";

pub fn score_line(percent: u32, pass_percent: u32, passed: bool) -> String {
    if passed {
        format!("You scored {percent}%. You passed! (The pass mark is {pass_percent}%.)")
    } else {
        format!(
            "You scored {percent}%. Not yet passed: the pass mark is {pass_percent}%. You can try again."
        )
    }
}

pub fn ages(min: u32, max: u32) -> String {
    format!("ages {min}-{max}")
}

/// Asked for meanings on a step that marks no glossary words.
pub const NO_GLOSSARY_WORDS: &str = "This step has no words with a meaning to look up.";
/// A marked word no glossary explains (`check` warns about it).
pub const NO_MEANING_YET: &str = "No meaning has been written for this word yet. Ask your teacher.";
