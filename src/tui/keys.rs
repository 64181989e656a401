//! Keys as data: each screen lists its bindings (the keys, what they do, the action
//! they send), and the same list decides which keys that screen takes, draws its
//! footer and fills the `?` help, so what works and what is shown cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for; which ones a screen offers is up to its bindings.
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
    /// Opens the language picker.
    Language,
    Quit,
}

/// A key as a binding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// This key, without Ctrl or Alt (Shift is allowed: `?` needs it on most layouts).
    Code(KeyCode),
    /// A letter in either case.
    Letter(char),
    /// Ctrl and this letter.
    Ctrl(char),
    /// 1 to 9 in any script a child's keyboard may type them in; sends `Number(d - 1)`.
    Digit,
}

impl Key {
    fn matches(self, key: KeyEvent) -> bool {
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match (self, key.code) {
            (Key::Code(code), pressed) => plain && code == pressed,
            (Key::Letter(letter), KeyCode::Char(c)) => plain && c.eq_ignore_ascii_case(&letter),
            (Key::Ctrl(letter), KeyCode::Char(c)) => {
                key.modifiers.contains(KeyModifiers::CONTROL) && c.eq_ignore_ascii_case(&letter)
            }
            (Key::Digit, KeyCode::Char(c)) => plain && digit(c).is_some(),
            _ => false,
        }
    }
}

fn digit(c: char) -> Option<usize> {
    crate::text::digit_value(c)
        .filter(|d| *d > 0)
        .map(|d| d as usize)
}

/// One entry of a screen's keys: how they are shown, what they do, and the action each
/// key sends.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static str,
    /// The id of the message that says what the keys do (`i18n/LANG/mehfooz.ftl`).
    pub what: &'static str,
    pub map: &'static [(Key, Action)],
    /// In the footer; the others (other spellings of a footer key, rarer keys) are shown
    /// only in the `?` help.
    pub footer: bool,
}

impl Binding {
    /// The action `key` sends through this binding, if it is one of its keys.
    pub fn action(&self, key: KeyEvent) -> Option<Action> {
        let &(found, action) = self.map.iter().find(|(k, _)| k.matches(key))?;
        Some(match (found, key.code) {
            (Key::Digit, KeyCode::Char(c)) => Action::Number(digit(c).unwrap_or(1) - 1),
            _ => action,
        })
    }

    /// Whether this binding sends `action` (any number, for a digit binding).
    pub fn offers(&self, action: Action) -> bool {
        self.map.iter().any(|&(key, sends)| match (key, action) {
            (Key::Digit, Action::Number(_)) => true,
            _ => sends == action,
        })
    }
}

/// A binding shown in the footer.
pub const fn bind(
    keys: &'static str,
    what: &'static str,
    map: &'static [(Key, Action)],
) -> Binding {
    Binding {
        keys,
        what,
        map,
        footer: true,
    }
}

/// A binding shown only in the `?` help.
pub const fn also(
    keys: &'static str,
    what: &'static str,
    map: &'static [(Key, Action)],
) -> Binding {
    Binding {
        keys,
        what,
        map,
        footer: false,
    }
}

/// The action `key` sends on a screen with these bindings; `None` for any key they do
/// not name, which the screen then ignores.
pub fn action(bindings: &[Binding], key: KeyEvent) -> Option<Action> {
    bindings.iter().find_map(|b| b.action(key))
}

/// Whether a screen with these bindings takes `action`.
pub fn offers(bindings: &[Binding], action: Action) -> bool {
    bindings.iter().any(|b| b.offers(action))
}

// The keys several screens share.
use Action as A;
use Key::{Code, Letter};
use KeyCode as C;

pub const HELP_KEY: Binding = bind("?", "key-help", &[(Code(C::Char('?')), A::Help)]);
pub const STOP_KEY: Binding = bind("q", "key-stop", &[(Letter('q'), A::Back)]);
/// Esc does what q does; listed in the help, not the footer, which has no room for it.
pub const STOP_ESC: Binding = also("Esc", "key-stop", &[(Code(C::Esc), A::Back)]);
/// Leaves a screen for the one before it.
pub const BACK_Q: Binding = bind("q", "key-back", &[(Letter('q'), A::Back)]);
pub const BACK_ESC: Binding = also("Esc", "key-back", &[(Code(C::Esc), A::Back)]);
pub const HINT_KEY: Binding = bind("h", "key-hint", &[(Letter('h'), A::Hint)]);
pub const ANSWER_KEY: Binding = bind("Enter", "key-answer", &[(Code(C::Enter), A::Confirm)]);
pub const CHOOSE_KEY: Binding = bind(
    "↑↓",
    "key-choose",
    &[(Code(C::Up), A::Up), (Code(C::Down), A::Down)],
);
pub const SCROLL_KEY: Binding = bind(
    "↑↓",
    "key-scroll",
    &[(Code(C::Up), A::Up), (Code(C::Down), A::Down)],
);
pub const BACK_KEY: Binding = bind("←", "key-back", &[(Code(C::Left), A::Left)]);
/// `k` and `j` move as in many programs a teacher may know.
pub const K_J: Binding = also(
    "k j",
    "key-same-as-up-down",
    &[(Letter('k'), A::Up), (Letter('j'), A::Down)],
);
/// Tab steps down a list, as in a form.
pub const TAB_DOWN: Binding = also("Tab", "key-same-as-down", &[(Code(C::Tab), A::Down)]);
pub const PAGE_KEYS: Binding = also(
    "PgUp PgDn",
    "key-scroll-page",
    &[
        (Code(C::PageUp), A::PageUp),
        (Code(C::PageDown), A::PageDown),
    ],
);
pub const B_BACK: Binding = also("b", "key-back", &[(Letter('b'), A::Left)]);

/// Works on every screen, typing included.
pub const EVERYWHERE: &[Binding] = &[also(
    "Ctrl-C Ctrl-Q",
    "key-quit-now",
    &[(Key::Ctrl('c'), A::Quit), (Key::Ctrl('q'), A::Quit)],
)];

/// The keys a binding list shows in the footer.
pub fn footer(bindings: &[Binding]) -> Vec<Binding> {
    bindings.iter().filter(|b| b.footer).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn a_key_works_only_on_a_screen_whose_bindings_name_it() {
        let screen = [HELP_KEY, STOP_KEY];
        let q = press(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(action(&screen, q), Some(Action::Back));
        assert_eq!(
            action(&screen, press(KeyCode::Enter, KeyModifiers::NONE)),
            None
        );
        let ctrl_q = press(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(action(&screen, ctrl_q), None, "Ctrl-Q is not q");
        assert_eq!(action(EVERYWHERE, ctrl_q), Some(Action::Quit));
    }

    #[test]
    fn a_digit_in_any_script_sends_its_number() {
        let digits = [also(
            "1-9",
            "key-choose",
            &[(Key::Digit, Action::Number(0))],
        )];
        let three = press(KeyCode::Char('3'), KeyModifiers::NONE);
        assert_eq!(action(&digits, three), Some(Action::Number(2)));
        let urdu_three = press(KeyCode::Char('۳'), KeyModifiers::NONE);
        assert_eq!(action(&digits, urdu_three), Some(Action::Number(2)));
        let zero = press(KeyCode::Char('0'), KeyModifiers::NONE);
        assert_eq!(action(&digits, zero), None);
        assert!(offers(&digits, Action::Number(11)));
    }
}
