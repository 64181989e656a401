//! Every colour the app uses, in one place. With `NO_COLOR` set, or on a terminal that
//! has no colours, the same screens are drawn with bold and reverse video only.

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
    pub key: Style,
    pub notice: Style,
    pub gauge: Style,
    pub them: Style,
    pub me: Style,
    /// Draw with ASCII only (borders, marks, arrows), for a terminal whose locale is not
    /// UTF-8, where the box-drawing characters would come out as mojibake.
    pub ascii: bool,
}

impl Theme {
    /// Colours, unless the `NO_COLOR` environment variable is set (and not empty) or
    /// `TERM` names a terminal without colours.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let term = std::env::var("TERM").ok();
        Theme::choose(no_color, term.as_deref()).for_locale()
    }

    /// This theme, drawn in ASCII when the locale says the terminal is not UTF-8.
    pub fn for_locale(self) -> Theme {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()));
        Theme {
            ascii: !utf8_locale(locale.as_deref()),
            ..self
        }
    }

    /// The decision behind `from_env`. No `TERM` at all is how Windows consoles run, and
    /// they have colours.
    pub fn choose(no_color: bool, term: Option<&str>) -> Theme {
        let colourless = matches!(
            term,
            Some("dumb" | "vt52" | "vt100" | "vt102" | "vt220" | "ansi-mono" | "xterm-mono")
        );
        if no_color || colourless {
            Theme::monochrome()
        } else {
            Theme::colour()
        }
    }

    /// Whether the theme uses any colour (for tests and the curious).
    pub fn has_colour(&self) -> bool {
        [
            self.dim,
            self.title,
            self.border,
            self.selected,
            self.notice,
            self.gauge,
        ]
        .iter()
        .any(|s| s.fg.is_some() || s.bg.is_some())
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
            key: Style::new().fg(Color::Yellow).add_modifier(bold),
            notice: Style::new().fg(Color::Black).bg(Color::LightYellow),
            gauge: Style::new().fg(Color::Green),
            them: Style::new().fg(Color::LightMagenta).add_modifier(bold),
            me: Style::new().fg(Color::LightBlue).add_modifier(bold),
            ascii: false,
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
            key: bold,
            notice: Style::new().add_modifier(Modifier::REVERSED),
            gauge: Style::new(),
            them: bold,
            me: bold,
            ascii: false,
        }
    }
}

/// Whether a locale (the first of LC_ALL, LC_CTYPE, LANG that is set) means UTF-8. None
/// set counts as UTF-8: that is how Windows consoles and most systems today run, and a
/// wrong guess there costs more than ASCII borders do.
pub fn utf8_locale(locale: Option<&str>) -> bool {
    if cfg!(windows) {
        return true;
    }
    locale.is_none_or(|l| {
        let l = l.to_ascii_lowercase();
        l.contains("utf-8") || l.contains("utf8")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_without_colour_or_no_color_gets_no_colour() {
        assert!(!Theme::choose(false, Some("vt100")).has_colour());
        assert!(!Theme::choose(false, Some("dumb")).has_colour());
        assert!(!Theme::choose(true, Some("xterm-256color")).has_colour());
        assert!(Theme::choose(false, Some("xterm-256color")).has_colour());
        assert!(Theme::choose(false, None).has_colour(), "Windows consoles");
    }

    #[test]
    fn only_a_locale_that_is_not_utf_8_draws_in_ascii() {
        assert!(utf8_locale(Some("en_US.UTF-8")));
        assert!(utf8_locale(Some("ur_PK.utf8")));
        assert!(utf8_locale(None));
        if !cfg!(windows) {
            assert!(!utf8_locale(Some("C")));
            assert!(!utf8_locale(Some("POSIX")));
            assert!(!utf8_locale(Some("en_US.ISO-8859-1")));
        }
    }
}
