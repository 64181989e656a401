//! The terminal app (ratatui): a loop that draws, waits for one key, turns it into a
//! message, updates the state and carries out the effects (loading and saving).

pub mod app;
pub mod keys;
pub mod screens;
pub mod theme;
pub mod view;
pub mod waiting;
pub mod widgets;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::{DefaultTerminal, Terminal};

use crate::lesson::Catalog;
use crate::progress::Store;
use crate::t;
use app::{App, Effect, Msg};
use theme::Theme;

/// What the app opens with.
pub struct Start<'c> {
    pub catalog: &'c Catalog,
    /// The teacher PIN's hash, when one is set.
    pub teacher_pin: Option<String>,
    pub store: Store,
    pub region: Option<String>,
    /// Go straight to this student (and lesson), as `mehfooz play` does.
    pub student: Option<String>,
    pub lesson: Option<String>,
    /// The command that shows problems in the lesson files.
    pub check_hint: String,
    pub theme: Theme,
    /// The class's language, before a child chooses theirs.
    pub language: String,
    /// Whether `--lang` chose it, so that it outranks a child's remembered language.
    pub language_fixed: bool,
    /// Whether the app or the terminal joins and reorders right-to-left text.
    pub text_direction: crate::text::Mode,
}

/// Restores the terminal when dropped: on quit, on an early `?` and while unwinding
/// from a panic, so a child's terminal is never left in raw mode.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui::restore();
        let _ = execute!(io::stdout(), Show);
    }
}

/// Whether `TERM` says the terminal cannot move the cursor or draw screens (Emacs'
/// shell, some editors' terminals, a serial line): then only plain mode works.
pub fn is_dumb_terminal() -> bool {
    std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

/// Said instead of opening the app on a terminal that cannot show it.
pub const DUMB_TERMINAL: &str = "this terminal (TERM=dumb) cannot show the app. A lesson can be taken line by line: `mehfooz play ID --student NAME --plain` (`mehfooz list` shows the ids).";

pub fn run(mut start: Start) -> io::Result<()> {
    if is_dumb_terminal() {
        return Err(io::Error::other(DUMB_TERMINAL));
    }
    start.store = start.store.on_wait(waiting::lock_waiter);
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // ratatui's hook (inside `previous`) leaves raw mode and the alternate screen;
        // the cursor is shown before the message is printed.
        let _ = execute!(io::stdout(), DisableMouseCapture, Show);
        previous(info);
    }));
    let _guard = TerminalGuard;
    restore_on_signals()?;
    // Children used to tablets click; the keyboard stays complete without it.
    execute!(io::stdout(), EnableMouseCapture)?;
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
            // A save under way finishes first, so the last answer is on disk.
            let _saves = crate::progress::hold_saves();
            let _ = execute!(io::stdout(), DisableMouseCapture);
            ratatui::restore();
            let _ = execute!(io::stdout(), Show);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Closing the console window is handled for the whole program (see `console`); here
/// it learns to put the terminal back first.
#[cfg(windows)]
fn restore_on_signals() -> io::Result<()> {
    crate::console::restore_with(|| {
        ratatui::restore();
        let _ = execute!(io::stdout(), Show);
    });
    Ok(())
}

fn event_loop(terminal: &mut DefaultTerminal, start: Start) -> io::Result<()> {
    let mut rng = rand::rng();
    let (class, unreadable) = start.store.students();
    let mut app = App::new(start.catalog, class, start.region.clone());
    app.teacher_pin = start.teacher_pin.clone();
    app.set_language(&start.language);
    app.language_fixed = start.language_fixed;
    app.text = widgets::TextLayout::new(start.text_direction);
    if !unreadable.is_empty() {
        app.notice = Some(t!(
            app.messages,
            "progress-files-unreadable",
            count = unreadable.len(),
            folder = crate::strings::path_in(&app.messages, start.store.dir())
        ));
    } else if !start.catalog.broken_files.is_empty() {
        let n = start.catalog.broken_files.len();
        app.notice = Some(t!(
            app.messages,
            "lesson-files-broken",
            count = n,
            command = start.check_hint.as_str()
        ));
    }
    if let Some(name) = &start.student {
        open_for(
            &mut app,
            &start.store,
            name,
            start.lesson.as_deref(),
            &mut rng,
        );
    }
    run_app(terminal, &mut app, &start.store, &start.theme, None).map(|_| ())
}

/// Opens the app on a student, and on a lesson too if one is named.
fn open_for(
    app: &mut App,
    store: &Store,
    name: &str,
    lesson: Option<&str>,
    rng: &mut impl rand::Rng,
) {
    carry_out(app, store, vec![Effect::LoadStudent(name.to_string())], rng);
    if let Some(entry) = lesson.and_then(|id| app.catalog.get(id))
        && let app::Screen::Lessons(list) = &app.screen
    {
        let student = list.student.clone();
        let effects = app.open_lesson(student, entry.in_language(&app.language), rng);
        carry_out(app, store, effects, rng);
    }
}

/// Why `run_app` returned.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Quit,
    /// The watched file changed on disk.
    Changed,
}

/// How often a watched lesson file is looked at.
const WATCH_EVERY: Duration = Duration::from_millis(300);

/// The loop: draw, wait for a key (or, when watching, for the file to change), update.
fn run_app(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &Store,
    theme: &Theme,
    watch: Option<&Watch>,
) -> io::Result<Outcome> {
    let mut rng = rand::rng();
    // Lets the real-terminal tests prove a panic leaves the terminal usable.
    let panic_on_key = std::env::var_os("MEHFOOZ_TEST_PANIC").is_some();
    let mut targets = Vec::new();
    while !app.quit {
        if waiting::line_was_written() {
            terminal.clear()?;
        }
        terminal.draw(|frame| {
            targets = view::draw_with_targets(frame, app, theme);
            if theme.ascii {
                view::ascii_only(frame.buffer_mut());
            }
        })?;
        // Blocks until something happens: no work while the child reads.
        if let Some(watch) = watch {
            while !event::poll(WATCH_EVERY)? {
                if watch.changed() {
                    return Ok(Outcome::Changed);
                }
            }
        }
        let msg = message(event::read()?, app.is_typing(), &app.bindings(), &targets);
        if let Some(msg) = msg {
            if panic_on_key {
                panic!("MEHFOOZ_TEST_PANIC is set: stopping on the first key, on purpose");
            }
            let effects = app.update(msg, &mut rng);
            carry_out(app, store, effects, &mut rng);
        }
    }
    Ok(Outcome::Quit)
}

/// What a terminal event means to the app. Only key presses count (Windows terminals
/// also send releases and repeats); a click counts on what the last frame drew there
/// (`targets`); a resize needs no message, just a redraw.
fn message(
    event: Event,
    typing: bool,
    bindings: &[keys::Binding],
    targets: &[(ratatui::layout::Rect, app::Target)],
) -> Option<Msg> {
    let key = match event {
        Event::Key(key) if key.is_press() => key,
        Event::Mouse(mouse) => {
            return match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    let at = ratatui::layout::Position::new(mouse.column, mouse.row);
                    targets
                        .iter()
                        .find(|(area, _)| area.contains(at))
                        .map(|(_, target)| Msg::Click(*target))
                }
                MouseEventKind::ScrollUp => Some(Msg::Wheel(-3)),
                MouseEventKind::ScrollDown => Some(Msg::Wheel(3)),
                _ => None,
            };
        }
        _ => return None,
    };
    if typing {
        match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(event::KeyModifiers::CONTROL) => {
                return Some(Msg::Char(c));
            }
            KeyCode::Backspace => return Some(Msg::Backspace),
            _ => {}
        }
    }
    keys::action(bindings, key).map(Msg::Key)
}

/// A lesson file being watched for saves.
struct Watch {
    path: PathBuf,
    seen: Option<SystemTime>,
}

impl Watch {
    fn new(path: &Path) -> Watch {
        Watch {
            path: path.to_path_buf(),
            seen: modified(path),
        }
    }

    fn changed(&self) -> bool {
        modified(&self.path) != self.seen
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Runs one lesson file as children will see it, saving progress only to a temporary
/// folder that is removed afterwards. With `watch`, reloads whenever the file is saved,
/// and shows the file's problems in place of the lesson while it has errors.
pub fn preview(
    file: &Path,
    watch: bool,
    theme: Theme,
    region: Option<String>,
    text_direction: crate::text::Mode,
) -> io::Result<()> {
    if is_dumb_terminal() {
        return Err(io::Error::other(DUMB_TERMINAL));
    }
    let scratch = std::env::temp_dir().join(format!("mehfooz-preview-{}", std::process::id()));
    let store = Store::open(&scratch).map_err(io::Error::other)?;
    let mut terminal = ratatui::try_init()?;
    let _guard = TerminalGuard;
    restore_on_signals()?;
    execute!(io::stdout(), EnableMouseCapture)?;
    let mut rng = rand::rng();
    let mut reloaded = false;
    // Where the teacher was, kept in memory across reloads: progress is only saved once
    // something is answered, and a teacher reading pages must not lose their place.
    let mut place: Option<crate::quiz::AttemptState> = None;
    let result = loop {
        let watching = watch.then(|| Watch::new(file));
        let mut catalog = Catalog::check(&[file.to_path_buf()]);
        catalog.help = Catalog::built_in().help;
        let outcome = match catalog.lessons.first().map(|e| e.lesson.id.clone()) {
            Some(id) => {
                let mut app = App::new(&catalog, Vec::new(), region.clone());
                // Leaving the lesson leaves the preview: there is no class to go back to.
                app.preview = true;
                app.text = widgets::TextLayout::new(text_direction);
                carry_out(
                    &mut app,
                    &store,
                    vec![Effect::LoadStudent("Preview".into())],
                    &mut rng,
                );
                if let app::Screen::Lessons(list) = &app.screen {
                    let mut student = list.student.clone();
                    if let Some(state) = place.take() {
                        student.merge_attempt(&id, &crate::progress::Attempt::new(state));
                    }
                    let lesson = &catalog.lessons[0].lesson;
                    let effects = app.open_lesson(student, lesson, &mut rng);
                    carry_out(&mut app, &store, effects, &mut rng);
                }
                // The place carries across a reload, unless the edit changed the lesson's
                // steps.
                let step = match &app.screen {
                    app::Screen::Player(player) => player.run.session.position(),
                    _ => 0,
                };
                // A preview is the teacher's: English, as the App starts.
                app.notice = Some(match (reloaded, step) {
                    (false, _) => app.messages.text("teacher-preview-nothing-saved"),
                    (true, 0) => app.messages.text("teacher-preview-reloaded-start"),
                    (true, step) => {
                        t!(app.messages, "teacher-preview-reloaded-at", step = step + 1)
                    }
                });
                let outcome = run_app(&mut terminal, &mut app, &store, &theme, watching.as_ref());
                if let app::Screen::Player(player) = &app.screen {
                    place = Some(player.run.session.state().clone());
                }
                outcome
            }
            None => show_problems(&mut terminal, file, &catalog, &theme, watching.as_ref()),
        };
        match outcome {
            Ok(Outcome::Changed) => reloaded = true,
            Ok(Outcome::Quit) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// The problems in a lesson file that has errors, until it is fixed (when watching) or
/// the teacher quits.
fn show_problems(
    terminal: &mut DefaultTerminal,
    file: &Path,
    catalog: &Catalog,
    theme: &Theme,
    watch: Option<&Watch>,
) -> io::Result<Outcome> {
    let mut scroll = 0u16;
    loop {
        terminal.draw(|frame| {
            view::draw_problems(
                frame,
                file,
                &catalog.diagnostics,
                watch.is_some(),
                scroll,
                theme,
            );
            if theme.ascii {
                view::ascii_only(frame.buffer_mut());
            }
        })?;
        if let Some(watch) = watch {
            while !event::poll(WATCH_EVERY)? {
                if watch.changed() {
                    return Ok(Outcome::Changed);
                }
            }
        }
        if let Event::Key(key) = event::read()?
            && key.is_press()
        {
            let bindings = [view::PROBLEMS, keys::EVERYWHERE].concat();
            match keys::action(&bindings, key) {
                Some(keys::Action::Back | keys::Action::Quit) => return Ok(Outcome::Quit),
                Some(keys::Action::Up) => scroll = scroll.saturating_sub(1),
                Some(keys::Action::Down) => scroll = scroll.saturating_add(1),
                _ => {}
            }
        }
    }
}

/// The one effect runner: does what `update` asked for (loading and saving) and tells
/// the app how it went. The app and the tests both use it.
pub fn carry_out(app: &mut App, store: &Store, effects: Vec<Effect>, rng: &mut impl rand::Rng) {
    let mut effects = std::collections::VecDeque::from(effects);
    while let Some(effect) = effects.pop_front() {
        crate::strings::speak(app.messages.clone());
        let msg = match effect {
            Effect::LoadStudent(name) => match store.load(&name) {
                Ok(loaded) => Msg::StudentLoaded(loaded),
                Err(e) => Msg::StoreFailed(e),
            },
            Effect::Save {
                student,
                lesson,
                attempts,
            } => match store.save_attempts(&student, &lesson, &attempts) {
                Ok(loaded) => Msg::Saved(loaded),
                Err(e) => Msg::StoreFailed(e),
            },
            Effect::RememberLanguage { student, language } => {
                match store.set_language(&student, &language) {
                    Ok(loaded) => Msg::Saved(loaded),
                    Err(e) => Msg::StoreFailed(e),
                }
            }
        };
        // A student loaded may have a language to remember, chosen before their name.
        effects.extend(app.update(msg, rng));
    }
}

/// Draws one frame of `app` into a test backend, as the snapshot tests see it: the
/// backend's own text, one line per row.
pub fn render_to_string(app: &App, width: u16, height: u16) -> String {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = Terminal::new(backend).expect("a test backend always opens");
    terminal
        .draw(|frame| view::draw(frame, app, &Theme::monochrome()))
        .expect("drawing into a test backend cannot fail");
    terminal.backend().to_string()
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

    use super::*;
    use screens::students::LIST;

    fn key(code: KeyCode, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn a_key_release_never_counts_as_a_press() {
        let press = message(key(KeyCode::Enter, KeyEventKind::Press), false, LIST, &[]);
        assert!(matches!(press, Some(Msg::Key(keys::Action::Confirm))));
        assert!(message(key(KeyCode::Enter, KeyEventKind::Release), false, LIST, &[]).is_none());
        assert!(
            message(
                key(KeyCode::Char('a'), KeyEventKind::Release),
                true,
                LIST,
                &[]
            )
            .is_none()
        );
    }

    #[test]
    fn letters_are_typed_into_a_name_not_taken_as_commands() {
        let typed = message(
            key(KeyCode::Char('q'), KeyEventKind::Press),
            true,
            LIST,
            &[],
        );
        assert!(matches!(typed, Some(Msg::Char('q'))));
        let command = message(
            key(KeyCode::Char('q'), KeyEventKind::Press),
            false,
            LIST,
            &[],
        );
        assert!(matches!(command, Some(Msg::Key(keys::Action::Back))));
        assert!(message(Event::Resize(80, 24), false, LIST, &[]).is_none());
    }
}

#[cfg(test)]
mod mouse_tests {
    use ratatui::crossterm::event::{KeyModifiers, MouseEvent};
    use ratatui::layout::Rect;

    use super::*;
    use app::Target;

    fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    }

    #[test]
    fn a_click_counts_on_what_was_drawn_there_and_the_wheel_scrolls() {
        let targets = [(Rect::new(2, 5, 40, 2), Target::Item(1))];
        let down = MouseEventKind::Down(MouseButton::Left);
        assert!(matches!(
            message(mouse(down, 10, 6), false, &[], &targets),
            Some(Msg::Click(Target::Item(1)))
        ));
        assert!(message(mouse(down, 10, 7), false, &[], &targets).is_none());
        assert!(message(mouse(MouseEventKind::Moved, 10, 6), false, &[], &targets).is_none());
        assert!(matches!(
            message(
                mouse(MouseEventKind::ScrollDown, 0, 0),
                false,
                &[],
                &targets
            ),
            Some(Msg::Wheel(3))
        ));
    }
}
