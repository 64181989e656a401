//! The language picker: the languages the app has words or lessons in, each named in
//! its own words, over any screen; `l` opens it on the name screen and in a lesson.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::i18n::Language;
use crate::tui::app::App;
use crate::tui::keys::{Action as A, Binding, CHOOSE_KEY, K_J, Key::Code, Key::Letter, bind};

use crate::tui::widgets::{Paint, choice_line, panel};

/// Opens the picker.
pub const LANGUAGE_KEY: Binding = bind("l", "key-language", &[(Letter('l'), A::Language)]);

/// The same key in a lesson, listed in the help only: the lesson's footer is full.
pub const IN_A_LESSON: Binding = Binding {
    footer: false,
    ..LANGUAGE_KEY
};

pub const BINDINGS: &[Binding] = &[
    CHOOSE_KEY,
    bind(
        "Enter",
        "key-use-language",
        &[(Code(KeyCode::Enter), A::Confirm)],
    ),
    bind(
        "Esc q",
        "key-cancel",
        &[(Code(KeyCode::Esc), A::Back), (Letter('q'), A::Back)],
    ),
    K_J,
];

/// What a key does in the picker showing row `selected` of `count`.
pub enum Picked {
    Stay(usize),
    Close,
    Choose(usize),
}

pub fn key(selected: usize, count: usize, action: A) -> Picked {
    match action {
        A::Up => Picked::Stay(selected.saturating_sub(1)),
        A::Down => Picked::Stay((selected + 1).min(count.saturating_sub(1))),
        A::Confirm => Picked::Choose(selected),
        A::Back | A::Language => Picked::Close,
        _ => Picked::Stay(selected),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, selected: usize, theme: &Paint) {
    let languages: Vec<Language> = app.languages();
    let height = (languages.len() as u16 + 4).min(area.height);
    let width = 36.min(area.width);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, popup);
    let block = panel(format!(" {} ", app.messages.text("language-title")), theme);
    let mut lines = vec![Line::from("")];
    for (i, language) in languages.iter().enumerate() {
        let mark = if language.tag == app.language {
            "✓"
        } else {
            " "
        };
        lines.push(choice_line(
            i == selected,
            format!(
                " {mark} {} ",
                theme.layout.label(&language.name, usize::MAX).text
            ),
            theme,
        ));
    }
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    frame.render_widget(Paragraph::new(lines), inner);
}
