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
    Back,
    New,
    AgeFilter,
    Retry,
    Quit,
}

/// One line of the help bar: the keys as shown, and what they do.
pub struct Binding {
    pub keys: &'static str,
    pub what: &'static str,
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
        KeyCode::Char(c @ '1'..='9') => Action::Number(c as usize - '1' as usize),
        KeyCode::Char('h') | KeyCode::Char('H') => Action::Hint,
        KeyCode::Char('?') | KeyCode::F(1) => Action::Help,
        KeyCode::Char('q') | KeyCode::Char('Q') | KeyCode::Esc => Action::Back,
        KeyCode::Char('n') | KeyCode::Char('N') => Action::New,
        KeyCode::Char('a') | KeyCode::Char('A') => Action::AgeFilter,
        KeyCode::Char('r') | KeyCode::Char('R') => Action::Retry,
        _ => return None,
    })
}

pub const STUDENTS: &[Binding] = &[
    Binding {
        keys: "↑↓",
        what: "choose",
    },
    Binding {
        keys: "Enter",
        what: "that's me",
    },
    Binding {
        keys: "n",
        what: "new name",
    },
    Binding {
        keys: "?",
        what: "help",
    },
    Binding {
        keys: "q",
        what: "quit",
    },
];

pub const TYPING: &[Binding] = &[
    Binding {
        keys: "Enter",
        what: "done",
    },
    Binding {
        keys: "Esc",
        what: "cancel",
    },
];

pub const LESSONS: &[Binding] = &[
    Binding {
        keys: "↑↓",
        what: "choose",
    },
    Binding {
        keys: "Enter",
        what: "start",
    },
    Binding {
        keys: "a",
        what: "ages",
    },
    Binding {
        keys: "?",
        what: "help",
    },
    Binding {
        keys: "q",
        what: "back",
    },
];

pub const PAGE: &[Binding] = &[
    Binding {
        keys: "Enter",
        what: "next",
    },
    Binding {
        keys: "←",
        what: "back",
    },
    Binding {
        keys: "↑↓",
        what: "scroll",
    },
    Binding {
        keys: "?",
        what: "help",
    },
    Binding {
        keys: "q",
        what: "stop",
    },
];

pub const SINGLE: &[Binding] = &[
    Binding {
        keys: "↑↓ 1-9",
        what: "choose",
    },
    Binding {
        keys: "Enter",
        what: "answer",
    },
    Binding {
        keys: "h",
        what: "hint",
    },
    Binding {
        keys: "?",
        what: "help",
    },
    Binding {
        keys: "q",
        what: "stop",
    },
];

pub const MULTIPLE: &[Binding] = &[
    Binding {
        keys: "↑↓",
        what: "move",
    },
    Binding {
        keys: "Space 1-9",
        what: "tick",
    },
    Binding {
        keys: "Enter",
        what: "answer",
    },
    Binding {
        keys: "h",
        what: "hint",
    },
    Binding {
        keys: "?",
        what: "help",
    },
    Binding {
        keys: "q",
        what: "stop",
    },
];

pub const CHAT: &[Binding] = &[
    Binding {
        keys: "↑↓",
        what: "move",
    },
    Binding {
        keys: "Space 1-9",
        what: "mark",
    },
    Binding {
        keys: "Enter",
        what: "answer",
    },
    Binding {
        keys: "?",
        what: "help",
    },
    Binding {
        keys: "q",
        what: "stop",
    },
];

pub const FEEDBACK: &[Binding] = &[
    Binding {
        keys: "Enter",
        what: "next",
    },
    Binding {
        keys: "↑↓",
        what: "scroll",
    },
    Binding {
        keys: "←",
        what: "back",
    },
    Binding {
        keys: "?",
        what: "help",
    },
    Binding {
        keys: "q",
        what: "stop",
    },
];

pub const SUMMARY: &[Binding] = &[
    Binding {
        keys: "Enter",
        what: "lessons",
    },
    Binding {
        keys: "r",
        what: "try again",
    },
    Binding {
        keys: "?",
        what: "help",
    },
];

pub const HELP: &[Binding] = &[
    Binding {
        keys: "↑↓",
        what: "scroll",
    },
    Binding {
        keys: "? q Esc",
        what: "close",
    },
];
