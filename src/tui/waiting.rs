//! What the terminal app shows while a save waits for another copy of Mehfooz, and how
//! the child stops that wait: a store waiter (see `Store::on_wait`).

use std::io::{self, Write};
use std::time::Duration;

use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal::{self, Clear, ClearType};
use ratatui::crossterm::{execute, style::Print};

use crate::progress::{Wait, Waiting};

/// While a save waits: says so on the terminal's last line (once), and stops the wait
/// when Ctrl-C or Esc is pressed. The app is in raw mode, so Ctrl-C arrives as a key,
/// not a signal, and the app's loop is not reading keys while the save runs. The next
/// frame drawn covers the line again.
pub fn lock_waiter(waiting: &Waiting) -> Wait {
    if waiting.first {
        let row = terminal::size().map_or(0, |(_, rows)| rows.saturating_sub(1));
        let line = format!("{waiting} Ctrl-C or Esc stops waiting.");
        let mut out = io::stdout();
        let _ = execute!(
            out,
            MoveTo(0, row),
            Clear(ClearType::CurrentLine),
            Print(line)
        );
        let _ = out.flush();
    }
    while event::poll(Duration::ZERO).unwrap_or(false) {
        let Ok(Event::Key(key)) = event::read() else {
            continue;
        };
        let ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        if key.kind != KeyEventKind::Release && (ctrl_c || key.code == KeyCode::Esc) {
            return Wait::Stop;
        }
    }
    Wait::KeepWaiting
}
