//! The terminal app (ratatui): a loop that draws, waits for one key, turns it into a
//! message, updates the state and carries out the effects (loading and saving).

pub mod app;
pub mod keys;
pub mod theme;
pub mod view;

use std::io::{self, Write};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::crossterm::execute;
use ratatui::{DefaultTerminal, Terminal};

use crate::lesson::Catalog;
use crate::progress::Store;
use app::{App, Effect, Msg};
use theme::Theme;

/// What the app opens with.
pub struct Start<'c> {
    pub catalog: &'c Catalog,
    pub store: Store,
    pub region: Option<String>,
    /// Go straight to this student (and lesson), as `mehfooz play` does.
    pub student: Option<String>,
    pub lesson: Option<String>,
    /// The command that shows problems in the lesson files.
    pub check_hint: String,
}

/// Restores the terminal when dropped: on quit, on an early `?` and while unwinding
/// from a panic, so a child's terminal is never left in raw mode.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
        let _ = execute!(io::stdout(), Show);
    }
}

pub fn run(start: Start) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // ratatui's hook (inside `previous`) leaves raw mode and the alternate screen;
        // the cursor is shown before the message is printed.
        let _ = execute!(io::stdout(), Show);
        previous(info);
    }));
    let _guard = TerminalGuard;
    restore_on_signals()?;
    let result = event_loop(&mut terminal, start);
    drop(_guard);
    let _ = io::stdout().flush();
    result
}

/// When the app is told to stop (kill, logout, the window closed), put the terminal back
/// and exit. Every answer is already on disk, so nothing is lost.
#[cfg(unix)]
fn restore_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            ratatui::restore();
            let _ = execute!(io::stdout(), Show);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

#[cfg(not(unix))]
fn restore_on_signals() -> io::Result<()> {
    Ok(())
}

fn event_loop(terminal: &mut DefaultTerminal, start: Start) -> io::Result<()> {
    let theme = Theme::from_env();
    let mut rng = rand::rng();
    let (class, unreadable) = start.store.students();
    let mut app = App::new(start.catalog, class, start.region.clone());
    if !unreadable.is_empty() {
        app.notice = Some(format!(
            "{} progress file{} in {} could not be read; they are left as they are.",
            unreadable.len(),
            if unreadable.len() == 1 { "" } else { "s" },
            start.store.dir().display()
        ));
    } else if !start.catalog.broken_files.is_empty() {
        let n = start.catalog.broken_files.len();
        app.notice = Some(format!(
            "{n} lesson file{} could not be loaded. Run `{}` to see why.",
            if n == 1 { "" } else { "s" },
            start.check_hint
        ));
    }
    if let Some(name) = &start.student {
        carry_out(
            &mut app,
            &start.store,
            vec![Effect::LoadStudent(name.clone())],
            &mut rng,
        );
        if let Some(entry) = start.lesson.as_deref().and_then(|id| start.catalog.get(id))
            && let app::Screen::Lessons(list) = &app.screen
        {
            let student = list.student.clone();
            let effects = app.open_lesson(student, &entry.lesson, &mut rng);
            carry_out(&mut app, &start.store, effects, &mut rng);
        }
    }
    while !app.quit {
        terminal.draw(|frame| view::draw(frame, &app, &theme))?;
        // Blocks until something happens: no work while the child reads.
        let msg = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                if app.is_typing() {
                    match key.code {
                        KeyCode::Char(c)
                            if !key.modifiers.contains(event::KeyModifiers::CONTROL) =>
                        {
                            Some(Msg::Char(c))
                        }
                        KeyCode::Backspace => Some(Msg::Backspace),
                        _ => keys::action(key).map(Msg::Key),
                    }
                } else {
                    keys::action(key).map(Msg::Key)
                }
            }
            // A resize simply redraws.
            _ => None,
        };
        if let Some(msg) = msg {
            // Lets the real-terminal tests prove a panic leaves the terminal usable.
            if std::env::var_os("MEHFOOZ_TEST_PANIC").is_some() {
                panic!("MEHFOOZ_TEST_PANIC is set: stopping on the first key, on purpose");
            }
            let effects = app.update(msg, &mut rng);
            carry_out(&mut app, &start.store, effects, &mut rng);
        }
    }
    Ok(())
}

/// Does what `update` asked for and tells the app how it went.
fn carry_out(app: &mut App, store: &Store, effects: Vec<Effect>, rng: &mut impl rand::Rng) {
    for effect in effects {
        let msg = match effect {
            Effect::LoadStudent(name) => match store.load(&name) {
                Ok(loaded) => Msg::StudentLoaded(loaded),
                Err(e) => Msg::StoreFailed(e.to_string()),
            },
            Effect::Save {
                student,
                lesson,
                attempts,
            } => match store.save_attempts(&student, &lesson, &attempts) {
                Ok(loaded) => Msg::Saved(loaded),
                Err(e) => Msg::StoreFailed(e.to_string()),
            },
        };
        let more = app.update(msg, rng);
        debug_assert!(more.is_empty(), "store results cause no further effects");
    }
}

/// Draws one frame of `app` into a test backend; used by the snapshot tests.
pub fn render_to_string(app: &App, width: u16, height: u16) -> String {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = Terminal::new(backend).expect("a test backend always opens");
    terminal
        .draw(|frame| view::draw(frame, app, &Theme::monochrome()))
        .expect("drawing into a test backend cannot fail");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
