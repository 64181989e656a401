//! What the terminal app shows while a save waits for another copy of Mehfooz, and how
//! the child stops that wait: a store waiter (see `Store::on_wait`).

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal::{self, Clear, ClearType};
use ratatui::crossterm::{execute, style::Print};

use crate::progress::{Wait, Waiting};
use crate::t;

/// Set when the waiting line was written behind ratatui's back.
static LINE_WRITTEN: AtomicBool = AtomicBool::new(false);

/// While a save waits: says so on the terminal's last line (once), and stops the wait
/// when Ctrl-C or Esc is pressed. The app is in raw mode, so Ctrl-C arrives as a key,
/// not a signal, and the app's loop is not reading keys while the save runs.
pub fn lock_waiter(waiting: &Waiting) -> Wait {
    if waiting.first {
        let (columns, rows) = terminal::size().unwrap_or((80, 24));
        // In the app's language: it tells `strings::speak` before each save.
        let line = t!(
            crate::strings::spoken(),
            "waiting-for-save",
            name = waiting.student,
            seconds = waiting.limit.as_secs()
        );
        // One row, never wrapped: a wrapped line at the bottom would scroll the screen.
        let line = crate::text::fit(&line, usize::from(columns).saturating_sub(1));
        let mut out = io::stdout();
        let row = rows.saturating_sub(1);
        let _ = execute!(
            out,
            MoveTo(0, row),
            Clear(ClearType::CurrentLine),
            Print(line)
        );
        let _ = out.flush();
        LINE_WRITTEN.store(true, Ordering::Relaxed);
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

/// Whether the waiting line was written since last asked: the loop then clears the
/// terminal before its next frame, since ratatui redraws only the cells it changed.
pub fn line_was_written() -> bool {
    LINE_WRITTEN.swap(false, Ordering::Relaxed)
}
