//! Every colour the app uses, in one place. With `NO_COLOR` set, the same screens are
//! drawn with bold and reverse video only.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub selected: Style,
    pub right: Style,
    pub wrong: Style,
    pub partly: Style,
    pub flag: Style,
    pub key: Style,
    pub notice: Style,
    pub gauge: Style,
    pub them: Style,
    pub me: Style,
}

impl Theme {
    /// Colours, unless the `NO_COLOR` environment variable is set (and not empty).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::monochrome(),
            _ => Theme::colour(),
        }
    }

    pub fn colour() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            text: Style::new(),
            dim: Style::new().fg(Color::Gray),
            title: Style::new().fg(Color::Cyan).add_modifier(bold),
            border: Style::new().fg(Color::Cyan),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(bold),
            right: Style::new().fg(Color::Green).add_modifier(bold),
            wrong: Style::new().fg(Color::LightRed).add_modifier(bold),
            partly: Style::new().fg(Color::Yellow).add_modifier(bold),
            flag: Style::new().fg(Color::LightRed).add_modifier(bold),
            key: Style::new().fg(Color::Yellow).add_modifier(bold),
            notice: Style::new().fg(Color::Black).bg(Color::LightYellow),
            gauge: Style::new().fg(Color::Green),
            them: Style::new().fg(Color::LightMagenta).add_modifier(bold),
            me: Style::new().fg(Color::LightBlue).add_modifier(bold),
        }
    }

    pub fn monochrome() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new(),
            dim: Style::new(),
            title: bold,
            border: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            right: bold,
            wrong: bold,
            partly: bold,
            flag: bold,
            key: bold,
            notice: Style::new().add_modifier(Modifier::REVERSED),
            gauge: Style::new(),
            them: bold,
            me: bold,
        }
    }
}
