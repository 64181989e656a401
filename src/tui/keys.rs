//! The key bindings: one table that decides what a key does on each screen and also
//! draws the help bar and the help screen, so the two can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for; which ones a screen offers is up to the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Confirm,
    Toggle,
    Number(usize),
    Hint,
    Help,
    /// The meanings of the glossary words on this step.
    Glossary,
    Back,
    New,
    AgeFilter,
    Retry,
    Teacher,
    /// "Yes, that is my answer" (a chat with nothing marked).
    Yes,
    Quit,
}

/// One line of the help bar: the keys as shown, and what they do.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static str,
    pub what: &'static str,
}

const fn bind(keys: &'static str, what: &'static str) -> Binding {
    Binding { keys, what }
}

/// Turns a key press into an action. Text entry screens read characters themselves.
pub fn action(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') | KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => Action::Down,
        KeyCode::Left | KeyCode::Char('b') => Action::Left,
        KeyCode::Right => Action::Right,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Enter => Action::Confirm,
        KeyCode::Char(' ') => Action::Toggle,
        KeyCode::Char(c) if crate::text::digit_value(c).is_some_and(|d| d > 0) => {
            Action::Number(crate::text::digit_value(c).unwrap_or(1) as usize - 1)
        }
        KeyCode::Char('h') | KeyCode::Char('H') => Action::Hint,
        KeyCode::Char('?') | KeyCode::F(1) => Action::Help,
        KeyCode::Char('q') | KeyCode::Char('Q') | KeyCode::Esc => Action::Back,
        KeyCode::Char('n') | KeyCode::Char('N') => Action::New,
        KeyCode::Char('t') | KeyCode::Char('T') => Action::Teacher,
        KeyCode::Char('a') | KeyCode::Char('A') => Action::AgeFilter,
        KeyCode::Char('r') | KeyCode::Char('R') => Action::Retry,
        KeyCode::Char('y') | KeyCode::Char('Y') => Action::Yes,
        KeyCode::Char('g') | KeyCode::Char('G') => Action::Glossary,
        _ => return None,
    })
}

// Keys that several screens share.
const HELP_KEY: Binding = bind("?", "help");
const STOP_KEY: Binding = bind("q", "stop");
const HINT_KEY: Binding = bind("h", "hint");
const ANSWER_KEY: Binding = bind("Enter", "answer");
const CHOOSE_KEY: Binding = bind("↑↓", "choose");

pub const STUDENTS: &[Binding] = &[
    CHOOSE_KEY,
    bind("Enter", "that's me"),
    bind("n", "new name"),
    bind("t", "teacher"),
    HELP_KEY,
    bind("q", "quit"),
];

pub const IS_THIS_YOU: &[Binding] = &[
    bind("y", "yes, that's me"),
    bind("n", "no, I'm new"),
    bind("Esc", "change the name"),
];

pub const TEACHER_PIN: &[Binding] = &[bind("Enter", "open"), bind("Esc", "cancel")];

pub const TYPING: &[Binding] = &[bind("Enter", "done"), bind("Esc", "cancel")];

pub const LESSONS: &[Binding] = &[
    CHOOSE_KEY,
    bind("Enter", "start"),
    bind("a", "ages"),
    HELP_KEY,
    bind("q", "back"),
];

pub const PAGE: &[Binding] = &[
    bind("Enter", "next"),
    bind("←", "back"),
    bind("↑↓", "scroll"),
    HELP_KEY,
    STOP_KEY,
];

// Numbers reach the first nine items; ↑↓ reach every one, however many there are.
pub const SINGLE: &[Binding] = &[
    bind("1-9 ↑↓", "choose"),
    ANSWER_KEY,
    HINT_KEY,
    HELP_KEY,
    STOP_KEY,
];

pub const MULTIPLE: &[Binding] = &[
    bind("1-9", "tick"),
    bind("↑↓ Space", "move, tick"),
    ANSWER_KEY,
    HINT_KEY,
    HELP_KEY,
    STOP_KEY,
];

pub const CHAT: &[Binding] = &[
    bind("1-9", "mark"),
    bind("↑↓ Space", "move, mark"),
    ANSWER_KEY,
    HELP_KEY,
    STOP_KEY,
];

/// A chat answered with nothing marked, asked "is that your answer?".
pub const CHAT_NONE_MARKED: &[Binding] = &[
    bind("y", "yes, none"),
    bind("1-9", "mark"),
    bind("↑↓ Space", "move, mark"),
    HELP_KEY,
    STOP_KEY,
];

pub const FEEDBACK: &[Binding] = &[
    bind("Enter", "next"),
    bind("↑↓", "scroll"),
    bind("←", "back"),
    HELP_KEY,
    STOP_KEY,
];

pub const SUMMARY: &[Binding] = &[
    bind("Enter", "lessons"),
    bind("r", "try again"),
    bind("←", "back"),
    HELP_KEY,
];

/// Shown on a step with underlined (or starred) glossary words, before the help key.
pub const WORDS_KEY: Binding = bind("g", "word meanings");

/// The panel of word meanings.
pub const WORDS: &[Binding] = &[bind("↑↓", "scroll"), bind("g q Esc", "close")];

pub const HELP: &[Binding] = &[bind("↑↓", "scroll"), bind("? q Esc", "close")];

pub const PROBLEMS: &[Binding] = &[bind("↑↓", "scroll"), bind("q", "quit")];

pub const TEACHER: &[Binding] = &[
    bind("↑↓", "students"),
    bind("←→", "lessons"),
    HELP_KEY,
    bind("q", "back"),
];

/// Every screen's keys, named as the README and the help screen name them.
pub const SCREENS: &[(&str, &[Binding])] = &[
    ("choosing your name", STUDENTS),
    ("typing a new name", TYPING),
    ("the teacher PIN", TEACHER_PIN),
    ("\"Is this you?\"", IS_THIS_YOU),
    ("choosing a lesson", LESSONS),
    ("a page", PAGE),
    ("a question with one answer", SINGLE),
    ("a question with several answers", MULTIPLE),
    ("a pretend chat", CHAT),
    ("a chat with nothing marked", CHAT_NONE_MARKED),
    ("after answering", FEEDBACK),
    ("the summary", SUMMARY),
    ("a step with underlined words", &[WORDS_KEY]),
    ("the word meanings", WORDS),
    ("help", HELP),
    ("the teacher view", TEACHER),
];

/// The README's key table, made from the bindings the screens use, so the two agree.
pub fn readme_table() -> String {
    let mut table = String::from("| where | keys |\n|---|---|\n");
    table.push_str("| everywhere | `Ctrl-C` or `Ctrl-Q` quit at once |\n");
    for (screen, bindings) in SCREENS {
        let keys: Vec<String> = bindings
            .iter()
            .map(|b| format!("`{}` {}", b.keys, b.what))
            .collect();
        table.push_str(&format!("| {screen} | {} |\n", keys.join(" · ")));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_key_table_is_the_one_the_bindings_make() {
        let readme = include_str!("../../README.md");
        let table = readme_table();
        assert!(
            readme.contains(&table),
            "README.md's key table differs from the bindings; it should read:\n{table}"
        );
    }
}
