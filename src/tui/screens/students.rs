//! Choosing who is learning: the class list, typing a new name, "Is this you?" for a
//! name close to one in the class, and the teacher PIN before the teacher view.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::progress;
use crate::strings;
use crate::t;
use crate::tui::app::{App, Effect, Screen, Target};
use crate::tui::keys::{
    Action as A, Binding, CHOOSE_KEY, HELP_KEY, K_J, Key::Code, Key::Letter, TAB_DOWN, also, bind,
};
use crate::tui::screens::language::LANGUAGE_KEY;
use crate::tui::widgets::{Laid, Paint, choice_line, panel, rows, said, scroll_to, typed_field};

pub struct StudentsScreen {
    pub selected: usize,
    /// The new name being typed, if the child chose "new".
    pub typing: Option<String>,
    /// A typed name close to one in the class, asking "Is this you?": what was typed,
    /// and the name it is close to.
    pub asking: Option<(String, String)>,
    /// The teacher PIN being typed, before the teacher view opens.
    pub pin: Option<String>,
}

impl StudentsScreen {
    /// The list, with `selected` chosen.
    pub fn new(selected: usize) -> Self {
        StudentsScreen {
            selected,
            typing: None,
            asking: None,
            pin: None,
        }
    }

    pub fn is_typing(&self) -> bool {
        self.typing.is_some() || self.pin.is_some()
    }
}

pub const LIST: &[Binding] = &[
    CHOOSE_KEY,
    bind(
        "Enter",
        "key-thats-me",
        &[(Code(KeyCode::Enter), A::Confirm)],
    ),
    bind("n", "key-new-name", &[(Letter('n'), A::New)]),
    bind("t", "key-teacher", &[(Letter('t'), A::Teacher)]),
    LANGUAGE_KEY,
    HELP_KEY,
    bind("q", "key-quit", &[(Letter('q'), A::Back)]),
    also("Esc", "key-quit", &[(Code(KeyCode::Esc), A::Back)]),
    K_J,
    TAB_DOWN,
];

pub const TYPING: &[Binding] = &[
    bind("Enter", "key-done", &[(Code(KeyCode::Enter), A::Confirm)]),
    bind("Esc", "key-cancel", &[(Code(KeyCode::Esc), A::Back)]),
];

pub const TEACHER_PIN: &[Binding] = &[
    bind("Enter", "key-open", &[(Code(KeyCode::Enter), A::Confirm)]),
    bind("Esc", "key-cancel", &[(Code(KeyCode::Esc), A::Back)]),
];

/// Only y or n answers: Enter is the key the child just pressed to finish the name, and
/// a second press must not put their answers in another child's record.
pub const IS_THIS_YOU: &[Binding] = &[
    bind("y", "key-yes-thats-me", &[(Letter('y'), A::Yes)]),
    bind("n", "key-no-new", &[(Letter('n'), A::New)]),
    bind("Esc", "key-change-name", &[(Code(KeyCode::Esc), A::Back)]),
];

/// The keys this screen takes in its present state.
pub fn bindings(screen: &StudentsScreen) -> &'static [Binding] {
    if screen.pin.is_some() {
        TEACHER_PIN
    } else if screen.asking.is_some() {
        IS_THIS_YOU
    } else if screen.typing.is_some() {
        TYPING
    } else {
        LIST
    }
}

pub fn key(app: &mut App, action: A) -> Vec<Effect> {
    let Screen::Students(screen) = &mut app.screen else {
        return Vec::new();
    };
    if let Some(pin) = &screen.pin {
        match action {
            A::Confirm => {
                let right = app
                    .teacher_pin
                    .as_deref()
                    .is_some_and(|hash| crate::pin::verify(hash, pin));
                screen.pin = None;
                if right {
                    app.open_teacher_view();
                } else {
                    app.notice = Some(app.messages.text("wrong-pin"));
                }
            }
            A::Back => screen.pin = None,
            _ => {}
        }
        return Vec::new();
    }
    if let Some((typed, known)) = &screen.asking {
        let load = match action {
            A::Yes => known.clone(),
            A::New => typed.clone(),
            A::Back => {
                screen.typing = Some(typed.clone());
                screen.asking = None;
                return Vec::new();
            }
            _ => return Vec::new(),
        };
        screen.asking = None;
        return vec![Effect::LoadStudent(load)];
    }
    if let Some(name) = &screen.typing {
        match action {
            A::Confirm => {
                let name = progress::tidy_name(name);
                if name.is_empty() {
                    app.notice = Some(app.messages.text("name-type-first"));
                    return Vec::new();
                }
                screen.typing = None;
                // The same name in another case or spacing is the same child; a near
                // one may be a typing slip, so ask.
                if let Some(known) = app
                    .class
                    .iter()
                    .find(|s| progress::same_name(&s.name, &name))
                {
                    return vec![Effect::LoadStudent(known.name.clone())];
                }
                if let Some(known) = app.class.iter().find(|s| close_names(&s.name, &name)) {
                    screen.asking = Some((name, known.name.clone()));
                    return Vec::new();
                }
                return vec![Effect::LoadStudent(name)];
            }
            A::Back => screen.typing = None,
            _ => {}
        }
        return Vec::new();
    }
    // The last row is "new student".
    let rows = app.class.len() + 1;
    match action {
        A::Up => screen.selected = screen.selected.saturating_sub(1),
        A::Down => screen.selected = (screen.selected + 1).min(rows - 1),
        A::New => screen.typing = Some(String::new()),
        // Classmates' results are for the teacher: a PIN first, if one is set.
        A::Teacher if app.teacher_pin.is_some() => screen.pin = Some(String::new()),
        A::Teacher => app.open_teacher_view(),
        A::Confirm if screen.selected >= app.class.len() => {
            screen.typing = Some(String::new());
        }
        A::Confirm => {
            return vec![Effect::LoadStudent(app.class[screen.selected].name.clone())];
        }
        A::Back => app.quit = true,
        _ => {}
    }
    Vec::new()
}

/// A character typed into the name or the PIN.
pub fn typed(screen: &mut StudentsScreen, c: char) {
    if let Some(pin) = &mut screen.pin {
        if pin.chars().count() < 64 {
            pin.push(c);
        }
    } else if let Some(name) = &mut screen.typing
        && name.chars().count() < progress::MAX_NAME_CHARS
    {
        // Control and direction characters never reach the screen.
        name.push_str(&crate::text::clean(&c.to_string()));
    }
}

/// Backspace in the name or the PIN.
pub fn rub_out(screen: &mut StudentsScreen) {
    if let Some(pin) = &mut screen.pin {
        pin.pop();
    } else if let Some(name) = &mut screen.typing {
        name.pop();
    }
}

/// Names a child may have mistyped for each other: one letter apart, or alike enough.
fn close_names(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    strsim::levenshtein(&a, &b) <= 1 || strsim::normalized_levenshtein(&a, &b) >= 0.75
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screen: &StudentsScreen,
    theme: &Paint,
    targets: &mut Vec<(Rect, Target)>,
) {
    let [intro, list] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let lessons = app.catalog.lessons.len();
    let m = &app.messages;
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(""),
            theme.layout.line(Line::styled(
                format!(" {}", m.text("name-welcome")),
                theme.title,
            )),
            theme.layout.line(Line::styled(
                format!(" {}", m.text("name-about")),
                theme.text,
            )),
        ]),
        intro,
    );
    let block = panel(format!(" {} ", m.text("name-who")), theme);
    // The prompts keep a column clear of the border, and wrap in reading order.
    let padded = block.clone().padding(1);
    let width = padded.inner(list).width;
    let prompt = |lines: Vec<Line<'static>>, frame: &mut Frame| {
        frame.render_widget(padded.clone(), list);
        Laid::new(lines, width).draw(frame, padded.inner(list), 0);
    };
    if let Some(pin) = &screen.pin {
        let stars = "*".repeat(pin.chars().count());
        prompt(typed_field(&m.text("pin-prompt"), &stars, theme), frame);
        return;
    }
    if let Some((_, known)) = &screen.asking {
        let mut lines = vec![Line::from("")];
        lines.extend(said(
            &strings::is_this_you(m, known),
            theme.title,
            width,
            theme,
        ));
        lines.push(Line::from(""));
        lines.extend(said(
            &m.text("is-this-you-keys"),
            Style::default(),
            width,
            theme,
        ));
        prompt(lines, frame);
        return;
    }
    if let Some(name) = &screen.typing {
        let mut lines = typed_field(&m.text("name-type"), name, theme);
        lines.push(Line::from(""));
        lines.extend(said(&m.text("name-what-is-saved"), theme.dim, width, theme));
        prompt(lines, frame);
        return;
    }
    let mut lines = Vec::new();
    for (i, student) in app.class.iter().enumerate() {
        let passed = student.lessons.values().filter(|r| r.has_passed()).count();
        let progress = t!(
            m,
            "name-student-progress",
            passed = passed,
            lessons = lessons
        );
        // The name and the progress are laid out each on its own, and the row reads the
        // way the app's language does: an Urdu name in an English list (or the other
        // way round) must not turn the whole row round.
        let name = theme.layout.label(&student.name, usize::MAX).text;
        let progress = theme
            .layout
            .label(&format!("({progress})"), usize::MAX)
            .text;
        let text = if theme.right_to_left {
            format!(" {progress}  {name} ")
        } else {
            format!(" {name}  {progress} ")
        };
        lines.push(choice_line(i == screen.selected, text, theme));
    }
    lines.push(choice_line(
        screen.selected >= app.class.len(),
        format!(
            " + {} ",
            theme
                .layout
                .label(&m.text("name-i-am-new"), usize::MAX)
                .text
        ),
        theme,
    ));
    let inner = block.inner(list);
    let scroll = scroll_to(screen.selected, inner.height);
    targets.extend(rows(inner, scroll, lines.len()).map(|(row, i)| (row, Target::Student(i))));
    frame.render_widget(block, list);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
