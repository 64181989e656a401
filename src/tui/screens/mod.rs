//! One module per screen, each holding its state, its bindings, its key handling and
//! its drawing.

pub mod help;
pub mod lessons;
pub mod player;
pub mod students;
pub mod teacher;

use super::keys::Binding;

/// Every screen's keys, named as the README and the help screen name them.
pub const SCREENS: &[(&str, &[Binding])] = &[
    ("choosing your name", students::LIST),
    ("typing a new name", students::TYPING),
    ("the teacher PIN", students::TEACHER_PIN),
    ("\"Is this you?\"", students::IS_THIS_YOU),
    ("choosing a lesson", lessons::BINDINGS),
    ("a page", player::PAGE),
    ("a question with one answer", player::SINGLE),
    ("a question with several answers", player::MULTIPLE),
    ("a pretend chat", player::CHAT),
    ("a chat with nothing marked", player::CHAT_NONE_MARKED),
    ("after answering", player::FEEDBACK),
    ("the summary", player::SUMMARY),
    ("a step with underlined words", &[player::WORDS_KEY]),
    ("the word meanings", player::WORDS),
    ("help", help::BINDINGS),
    ("the teacher view", teacher::BINDINGS),
];
