//! One module per screen, each holding its state, its bindings, its key handling and
//! its drawing.

pub mod help;
pub mod language;
pub mod lessons;
pub mod player;
pub mod students;
pub mod teacher;

use super::keys::Binding;

/// Every screen's keys, with the id of the message that names the screen as the README
/// and the help screen name it.
pub const SCREENS: &[(&str, &[Binding])] = &[
    ("keys-choosing-name", students::LIST),
    ("keys-typing-name", students::TYPING),
    ("keys-teacher-pin", students::TEACHER_PIN),
    ("keys-is-this-you", students::IS_THIS_YOU),
    ("keys-choosing-lesson", lessons::BINDINGS),
    ("keys-page", player::PAGE),
    ("keys-single", player::SINGLE),
    ("keys-multiple", player::MULTIPLE),
    ("keys-chat", player::CHAT),
    ("keys-chat-none-marked", player::CHAT_NONE_MARKED),
    ("keys-feedback", player::FEEDBACK),
    ("keys-summary", player::SUMMARY),
    ("keys-underlined-words", &[player::WORDS_KEY]),
    ("keys-word-meanings", player::WORDS),
    ("keys-help", help::BINDINGS),
    ("keys-any-step", &[language::IN_A_LESSON]),
    ("keys-language", language::BINDINGS),
    ("keys-teacher-view", teacher::BINDINGS),
];
