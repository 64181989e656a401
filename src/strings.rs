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
