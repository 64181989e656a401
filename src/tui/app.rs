//! The app's state and the one place it changes: `update` takes a message and returns
//! the effects (saving, loading) for the loop to carry out. No I/O happens here.

use std::collections::BTreeSet;

use rand::Rng;

use super::keys::Action;
use crate::lesson::glossary::{Glossary, Meaning};
use crate::lesson::{Catalog, Lesson, LessonEntry, QuestionKind};
use crate::progress::{self, Attempt, Loaded, Status, Student};
use crate::quiz::{AnswerError, Feedback, View};
use crate::report::{ClassReport, class_report};
use crate::run::{LessonRun, Start};
use crate::strings;

pub struct App<'c> {
    pub catalog: &'c Catalog,
    /// Every student in the data folder, for the picker and the class's progress.
    pub class: Vec<Student>,
    pub screen: Screen<'c>,
    pub help: Option<u16>,
    /// A message shown at the bottom until the next key.
    pub notice: Option<String>,
    pub region: Option<String>,
    /// The age band the lesson list shows (`None`: all), kept while the app is open so
    /// a child who chose their ages does not choose again after every lesson.
    pub ages: Option<(u32, u32)>,
    pub quit: bool,
    /// The teacher PIN's hash, when one is set: asked before the teacher view.
    pub teacher_pin: Option<String>,
    /// A teacher's preview: leaving the lesson ends it (there is no class to go back
    /// to), and help shows where each help line comes from.
    pub preview: bool,
    /// Whether the app or the terminal joins and reorders right-to-left text.
    pub text_direction: crate::text::Mode,
}

pub enum Screen<'c> {
    Students(StudentsScreen),
    Teacher(TeacherScreen),
    Lessons(LessonsScreen),
    Player(Box<Player<'c>>),
}

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

/// How the class is doing, for the teacher: the same report as `mehfooz report`.
pub struct TeacherScreen {
    pub report: ClassReport,
    /// The first student row and the first lesson column shown.
    pub row: usize,
    pub column: usize,
}

pub struct LessonsScreen {
    pub student: Student,
    pub selected: usize,
}

pub struct Player<'c> {
    pub student: Student,
    pub run: LessonRun<'c>,
    /// The highlighted choice or message; nothing until the child moves or picks, so an
    /// Enter meant for a page never answers a question.
    pub cursor: Option<usize>,
    /// The child pressed Enter on a chat with nothing marked and was asked whether that
    /// is their answer; the next Enter says yes.
    pub asked_none: bool,
    /// Ticked choices (in the order shown) or marked messages.
    pub marked: BTreeSet<usize>,
    pub show_hint: bool,
    /// The meanings this lesson's marked words have.
    pub glossary: Glossary,
    /// The panel of word meanings is open, scrolled down this many lines.
    pub words: Option<u16>,
    /// Lines scrolled down in a long page or in feedback.
    pub scroll: u16,
    /// Why the last answer was not taken.
    pub problem: Option<String>,
}

/// What the loop should do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadStudent(String),
    Save {
        student: String,
        lesson: String,
        attempts: Vec<Attempt>,
    },
}

/// Something a click can reach, as the view drew it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Student(usize),
    /// A lesson, by its place in the list shown.
    Lesson(usize),
    /// A choice or a markable message, numbered as the child's number keys count them
    /// (from 0).
    Item(usize),
}

/// What happens to the app.
pub enum Msg {
    Key(Action),
    /// A click (or a tap) on something the view drew.
    Click(Target),
    /// The mouse wheel: lines to scroll, up when negative.
    Wheel(i8),
    /// A character typed while entering a name.
    Char(char),
    Backspace,
    /// A student's record, read from disk.
    StudentLoaded(Loaded),
    /// A student's record after a save.
    Saved(Loaded),
    /// Saving or loading failed; the message says why.
    StoreFailed(String),
}

impl<'c> App<'c> {
    pub fn new(catalog: &'c Catalog, class: Vec<Student>, region: Option<String>) -> Self {
        App {
            catalog,
            class,
            screen: Screen::Students(StudentsScreen {
                selected: 0,
                typing: None,
                asking: None,
                pin: None,
            }),
            help: None,
            notice: None,
            region,
            ages: None,
            quit: false,
            preview: false,
            teacher_pin: None,
            text_direction: crate::text::Mode::App,
        }
    }

    pub fn update(&mut self, msg: Msg, rng: &mut impl Rng) -> Vec<Effect> {
        match msg {
            Msg::Key(action) => {
                self.notice = None;
                if action == Action::Quit {
                    self.quit = true;
                    return Vec::new();
                }
                if let Some(scroll) = &mut self.help {
                    match action {
                        Action::Up => *scroll = scroll.saturating_sub(1),
                        Action::Down => *scroll = scroll.saturating_add(1),
                        Action::PageUp => *scroll = scroll.saturating_sub(10),
                        Action::PageDown => *scroll = scroll.saturating_add(10),
                        Action::Help | Action::Back | Action::Confirm => self.help = None,
                        _ => {}
                    }
                    return Vec::new();
                }
                if action == Action::Help && !self.is_typing() {
                    self.help = Some(0);
                    return Vec::new();
                }
                self.key(action, rng)
            }
            Msg::Click(target) => {
                self.notice = None;
                if self.help.is_some() || self.is_typing() {
                    return Vec::new();
                }
                // A click does what choosing with the keys and pressing Enter (for a
                // name or a lesson) or a number (for a choice or a message) does.
                let action = match (&mut self.screen, target) {
                    (Screen::Students(s), Target::Student(i)) if s.asking.is_none() => {
                        s.selected = i;
                        Action::Confirm
                    }
                    (Screen::Lessons(l), Target::Lesson(i)) => {
                        l.selected = i;
                        Action::Confirm
                    }
                    (Screen::Player(_), Target::Item(i)) => Action::Number(i),
                    _ => return Vec::new(),
                };
                self.key(action, rng)
            }
            Msg::Wheel(lines) => {
                let up = lines < 0;
                match (&mut self.help, &mut self.screen) {
                    (Some(scroll), _) => *scroll = step(*scroll, lines),
                    // Scrolling never chooses an answer: it moves the text only.
                    (None, Screen::Player(player)) => player.scroll = step(player.scroll, lines),
                    (None, _) => {
                        let action = if up { Action::Up } else { Action::Down };
                        return self.key(action, rng);
                    }
                }
                Vec::new()
            }
            Msg::Char(c) => {
                if let Screen::Students(StudentsScreen { pin: Some(pin), .. }) = &mut self.screen {
                    if pin.chars().count() < 64 {
                        pin.push(c);
                    }
                } else if let Screen::Students(StudentsScreen {
                    typing: Some(name), ..
                }) = &mut self.screen
                    && name.chars().count() < progress::MAX_NAME_CHARS
                {
                    // Control and direction characters never reach the screen.
                    name.push_str(&crate::text::clean(&c.to_string()));
                }
                Vec::new()
            }
            Msg::Backspace => {
                if let Screen::Students(StudentsScreen { pin: Some(pin), .. }) = &mut self.screen {
                    pin.pop();
                } else if let Screen::Students(StudentsScreen {
                    typing: Some(name), ..
                }) = &mut self.screen
                {
                    name.pop();
                }
                Vec::new()
            }
            Msg::StudentLoaded(loaded) => {
                if let Some(aside) = &loaded.set_aside {
                    self.notice = Some(aside.to_string());
                }
                self.remember(&loaded.student);
                self.screen = Screen::Lessons(LessonsScreen {
                    student: loaded.student,
                    selected: 0,
                });
                Vec::new()
            }
            Msg::Saved(loaded) => {
                if let Some(aside) = &loaded.set_aside {
                    self.notice = Some(aside.to_string());
                }
                self.remember(&loaded.student);
                match &mut self.screen {
                    Screen::Player(player) => player.student = loaded.student,
                    Screen::Lessons(list) => list.student = loaded.student,
                    Screen::Students(_) | Screen::Teacher(_) => {}
                }
                Vec::new()
            }
            Msg::StoreFailed(message) => {
                self.notice = Some(format!("Progress could not be saved: {message}"));
                Vec::new()
            }
        }
    }

    pub fn is_typing(&self) -> bool {
        matches!(
            &self.screen,
            Screen::Students(StudentsScreen {
                typing: Some(_),
                ..
            }) | Screen::Students(StudentsScreen { pin: Some(_), .. })
        )
    }

    /// Keeps the class list up to date with a student just read or saved.
    fn remember(&mut self, student: &Student) {
        match self.class.iter_mut().find(|s| s.name == student.name) {
            Some(known) => *known = student.clone(),
            None => {
                self.class.push(student.clone());
                self.class.sort_by_key(|s| s.name.to_lowercase());
            }
        }
    }

    fn key(&mut self, action: Action, rng: &mut impl Rng) -> Vec<Effect> {
        let catalog = self.catalog;
        match &mut self.screen {
            Screen::Students(screen) => {
                if let Some(pin) = &screen.pin {
                    match action {
                        Action::Confirm => {
                            let right = self
                                .teacher_pin
                                .as_deref()
                                .is_some_and(|hash| crate::pin::verify(hash, pin));
                            screen.pin = None;
                            if right {
                                self.open_teacher_view();
                            } else {
                                self.notice = Some(strings::english().text("wrong-pin"));
                            }
                        }
                        Action::Back => screen.pin = None,
                        _ => {}
                    }
                    return Vec::new();
                }
                if let Some((typed, known)) = &screen.asking {
                    let load = match action {
                        Action::Yes | Action::Confirm => known.clone(),
                        Action::New => typed.clone(),
                        Action::Back => {
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
                        Action::Confirm => {
                            let name = progress::tidy_name(name);
                            if name.is_empty() {
                                self.notice = Some("Type your name or nickname first.".into());
                                return Vec::new();
                            }
                            screen.typing = None;
                            // The same name in another case or spacing is the same child;
                            // a near one may be a typing slip, so ask.
                            if let Some(known) = self
                                .class
                                .iter()
                                .find(|s| progress::same_name(&s.name, &name))
                            {
                                return vec![Effect::LoadStudent(known.name.clone())];
                            }
                            if let Some(known) =
                                self.class.iter().find(|s| close_names(&s.name, &name))
                            {
                                screen.asking = Some((name, known.name.clone()));
                                return Vec::new();
                            }
                            return vec![Effect::LoadStudent(name)];
                        }
                        Action::Back => screen.typing = None,
                        _ => {}
                    }
                    return Vec::new();
                }
                // The last row is "new student".
                let rows = self.class.len() + 1;
                match action {
                    Action::Up => screen.selected = screen.selected.saturating_sub(1),
                    Action::Down => screen.selected = (screen.selected + 1).min(rows - 1),
                    Action::New => screen.typing = Some(String::new()),
                    // Classmates' results are for the teacher: a PIN first, if one is set.
                    Action::Teacher if self.teacher_pin.is_some() => {
                        screen.pin = Some(String::new());
                    }
                    Action::Teacher => self.open_teacher_view(),
                    Action::Confirm if screen.selected >= self.class.len() => {
                        screen.typing = Some(String::new());
                    }
                    Action::Confirm => {
                        return vec![Effect::LoadStudent(
                            self.class[screen.selected].name.clone(),
                        )];
                    }
                    Action::Back => self.quit = true,
                    _ => {}
                }
                Vec::new()
            }
            Screen::Teacher(teacher) => {
                let rows = teacher.report.rows.len();
                let columns = teacher.report.lessons.len();
                match action {
                    Action::Up => teacher.row = teacher.row.saturating_sub(1),
                    Action::Down => teacher.row = (teacher.row + 1).min(rows.saturating_sub(1)),
                    Action::Left => teacher.column = teacher.column.saturating_sub(1),
                    Action::Right => {
                        teacher.column = (teacher.column + 1).min(columns.saturating_sub(1));
                    }
                    Action::Back => {
                        self.screen = Screen::Students(StudentsScreen {
                            selected: 0,
                            typing: None,
                            asking: None,
                            pin: None,
                        });
                    }
                    _ => {}
                }
                Vec::new()
            }
            Screen::Lessons(list) => {
                let shown = lessons_for(catalog, self.ages);
                match action {
                    Action::Up => list.selected = list.selected.saturating_sub(1),
                    Action::Down => {
                        list.selected = (list.selected + 1).min(shown.len().saturating_sub(1));
                    }
                    Action::AgeFilter => {
                        let bands = age_bands(catalog);
                        self.ages = match self.ages.and_then(|a| bands.iter().position(|b| *b == a))
                        {
                            None => bands.first().copied(),
                            Some(i) => bands.get(i + 1).copied(),
                        };
                        list.selected = 0;
                    }
                    Action::Confirm => {
                        if let Some(entry) = shown.get(list.selected) {
                            let student = list.student.clone();
                            return self.open_lesson(student, &entry.lesson, rng);
                        }
                    }
                    Action::Back => {
                        let selected = self
                            .class
                            .iter()
                            .position(|s| s.name == list.student.name)
                            .unwrap_or(0);
                        self.screen = Screen::Students(StudentsScreen {
                            selected,
                            typing: None,
                            asking: None,
                            pin: None,
                        });
                    }
                    _ => {}
                }
                Vec::new()
            }
            Screen::Player(player) => {
                let (effects, leave) = player.key(action, rng);
                if leave && self.preview {
                    self.quit = true;
                } else if leave {
                    let student = player.student.clone();
                    let lesson_id = player.run.lesson_id();
                    // Back on the lesson just left, in the list as the child left it.
                    let selected = lessons_for(self.catalog, self.ages)
                        .iter()
                        .position(|e| e.lesson.id == lesson_id)
                        .unwrap_or(0);
                    self.screen = Screen::Lessons(LessonsScreen { student, selected });
                }
                effects
            }
        }
    }

    fn open_teacher_view(&mut self) {
        // The lessons somebody has started; all of them before anyone has.
        let started = |l: &&Lesson| {
            self.class
                .iter()
                .any(|s| s.record_of(l).is_some_and(|r| !r.attempts.is_empty()))
        };
        let all: Vec<&Lesson> = self.catalog.lessons.iter().map(|e| &e.lesson).collect();
        let lessons: Vec<&Lesson> = if all.iter().any(started) {
            all.into_iter().filter(started).collect()
        } else {
            all
        };
        self.screen = Screen::Teacher(TeacherScreen {
            report: class_report(&lessons, &self.class),
            row: 0,
            column: 0,
        });
    }

    /// Starts or carries on a lesson for a student (also used when the app is opened on
    /// one lesson from the command line).
    pub fn open_lesson(
        &mut self,
        student: Student,
        lesson: &'c Lesson,
        rng: &mut impl Rng,
    ) -> Vec<Effect> {
        let (run, start) = LessonRun::begin(lesson, student.record(&lesson.id), rng);
        self.notice = match start {
            Start::Fresh => None,
            Start::Resumed => Some(format!(
                "Welcome back! Carrying on at step {} of {}.",
                run.session.position() + 1,
                run.session.len()
            )),
            Start::LessonChanged => {
                Some("This lesson has changed since you last opened it, so it starts again.".into())
            }
        };
        let glossary = self.catalog.glossary_for(lesson);
        let mut player = Box::new(Player::new(student, run, glossary));
        let save = player.save();
        self.screen = Screen::Player(player);
        save.into_iter().collect()
    }
}

impl<'c> Player<'c> {
    fn new(student: Student, run: LessonRun<'c>, glossary: Glossary) -> Self {
        let mut player = Player {
            glossary,
            words: None,
            student,
            run,
            cursor: None,
            asked_none: false,
            marked: BTreeSet::new(),
            show_hint: false,
            scroll: 0,
            problem: None,
        };
        player.reset_step();
        player
    }

    /// The glossary words marked on the current step, with their meanings.
    pub fn meanings(&self) -> Vec<Meaning> {
        match self.run.session.current() {
            Some(view) => self.glossary.meanings(view.texts()),
            None => Vec::new(),
        }
    }

    /// The feedback for the current step, once it is answered.
    pub fn feedback(&self) -> Option<Feedback> {
        self.run.session.feedback_at(self.run.session.position())
    }

    fn reset_step(&mut self) {
        self.marked.clear();
        self.show_hint = false;
        self.scroll = 0;
        self.problem = None;
        self.cursor = None;
        self.asked_none = false;
    }

    /// Saving the attempt as it stands, unless there is nothing to save yet.
    fn save(&mut self) -> Option<Effect> {
        let attempts = self.run.attempts_to_save();
        (!attempts.is_empty()).then(|| Effect::Save {
            student: self.student.name.clone(),
            lesson: self.run.lesson_id().to_string(),
            attempts,
        })
    }

    /// Handles a key; the flag says whether to leave for the lesson list.
    fn key(&mut self, action: Action, rng: &mut impl Rng) -> (Vec<Effect>, bool) {
        // The word meanings cover the step: keys scroll or close them, nothing else.
        if let Some(scroll) = &mut self.words {
            match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::PageUp => *scroll = scroll.saturating_sub(10),
                Action::PageDown => *scroll = scroll.saturating_add(10),
                Action::Glossary | Action::Back | Action::Confirm => self.words = None,
                _ => {}
            }
            return (Vec::new(), false);
        }
        if action == Action::Glossary {
            if self.meanings().is_empty() {
                self.problem = Some(strings::english().text("no-glossary-words"));
            } else {
                self.words = Some(0);
            }
            return (Vec::new(), false);
        }
        let session = &self.run.session;
        if session.is_finished() {
            return match action {
                Action::Confirm | Action::Back => (Vec::new(), true),
                Action::Retry => {
                    let lesson = self.run.session.lesson();
                    self.run = LessonRun::restart(lesson, rng);
                    self.moved()
                }
                Action::Left => {
                    self.run.session.back();
                    self.reset_step();
                    (Vec::new(), false)
                }
                _ => (Vec::new(), false),
            };
        }
        if action == Action::Back {
            // Everything answered is saved already; save the place too.
            return (self.save().into_iter().collect(), true);
        }
        let answered = !session.awaiting_answer();
        match action {
            Action::Left => {
                self.run.session.back();
                return self.moved();
            }
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            _ => {}
        }
        if answered {
            match action {
                Action::Confirm | Action::Right => {
                    self.run.session.advance();
                    return self.moved();
                }
                Action::Up => self.scroll = self.scroll.saturating_sub(1),
                Action::Down => self.scroll = self.scroll.saturating_add(1),
                _ => {}
            }
            return (Vec::new(), false);
        }
        let Some(view) = self.run.session.current() else {
            return (Vec::new(), false);
        };
        let (count, multiple, selectable): (usize, bool, Vec<usize>) = match &view {
            View::Question {
                question, choices, ..
            } => (
                choices.len(),
                question.kind == QuestionKind::Multiple,
                (0..choices.len()).collect(),
            ),
            View::Chat { chat, .. } => {
                let markable = crate::quiz::markable(chat);
                (markable.len(), true, markable)
            }
            // A page never waits for an answer: it was handled above.
            View::Page { .. } => return (Vec::new(), false),
        };
        let hint = match &view {
            View::Question { question, .. } => question.hint.is_some(),
            _ => false,
        };
        let is_chat = matches!(view, View::Chat { .. });
        self.problem = None;
        if !matches!(action, Action::Confirm | Action::Yes) {
            self.asked_none = false;
        }
        match action {
            Action::Up => {
                let prev = match self.cursor {
                    Some(cursor) => selectable.iter().rev().find(|&&i| i < cursor),
                    None => selectable.last(),
                };
                if let Some(&prev) = prev {
                    self.cursor = Some(prev);
                }
            }
            Action::Down => {
                let next = match self.cursor {
                    Some(cursor) => selectable.iter().find(|&&i| i > cursor),
                    None => selectable.first(),
                };
                if let Some(&next) = next {
                    self.cursor = Some(next);
                }
            }
            // Numbers count the items that can be picked, from 1.
            Action::Number(n) if n < count => {
                let item = selectable[n];
                self.cursor = Some(item);
                if multiple {
                    toggle(&mut self.marked, item);
                }
            }
            Action::Number(n) => {
                self.problem = Some(if is_chat {
                    strings::no_such_message(&strings::english(), n + 1)
                } else {
                    strings::answer_error(&strings::english(), &AnswerError::NoSuchChoice(n + 1))
                });
            }
            Action::Toggle if multiple => match self.cursor {
                Some(cursor) => toggle(&mut self.marked, cursor),
                None => self.problem = Some(strings::english().text("move-first")),
            },
            Action::Hint => {
                if hint {
                    self.show_hint = true;
                } else {
                    self.problem = Some("There is no hint for this one.".into());
                }
            }
            Action::Confirm => {
                let picked: Vec<usize> = if multiple {
                    self.marked.iter().copied().collect()
                } else {
                    self.cursor.into_iter().collect()
                };
                if picked.is_empty() {
                    // Enter alone never answers: a chat asks whether "none" is meant,
                    // and only a `y` says yes.
                    self.problem = Some(if is_chat {
                        self.asked_none = true;
                        strings::english().text("chat-nothing-marked")
                    } else {
                        strings::nothing_chosen(&strings::english(), multiple, count)
                    });
                    return (Vec::new(), false);
                }
                return self.answer(&picked);
            }
            Action::Yes if self.asked_none && self.marked.is_empty() => {
                return self.answer(&[]);
            }
            _ => {}
        }
        (Vec::new(), false)
    }

    /// Answers the current step with `picked`; saves if it was taken.
    fn answer(&mut self, picked: &[usize]) -> (Vec<Effect>, bool) {
        match self.run.session.answer(picked) {
            Ok(_) => {
                self.scroll = 0;
                (self.save().into_iter().collect(), false)
            }
            Err(e) => {
                self.problem = Some(strings::answer_error(&strings::english(), &e));
                (Vec::new(), false)
            }
        }
    }

    /// After moving to another step: a fresh cursor, and the place saved.
    fn moved(&mut self) -> (Vec<Effect>, bool) {
        self.reset_step();
        (self.save().into_iter().collect(), false)
    }
}

/// Names a child may have mistyped for each other: one letter apart, or alike enough.
fn close_names(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    strsim::levenshtein(&a, &b) <= 1 || strsim::normalized_levenshtein(&a, &b) >= 0.75
}

/// A scroll position moved by `lines` (up when negative).
fn step(scroll: u16, lines: i8) -> u16 {
    scroll.saturating_add_signed(lines.into())
}

fn toggle(set: &mut BTreeSet<usize>, item: usize) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

/// How far a student is through the lessons on offer, for the gauges.
pub fn lesson_progress(student: &Student, lesson: &Lesson) -> (Status, f64) {
    let record = student.record_of(lesson);
    let status = record.as_ref().map_or(Status::NotStarted, |r| r.status());
    let ratio = match status {
        Status::Passed => 1.0,
        Status::NotStarted => 0.0,
        _ => record
            .as_ref()
            .and_then(|r| r.open_attempt())
            .map_or(0.0, |a| {
                let len = a.state.plan.len().max(1);
                a.state.position as f64 / len as f64
            }),
    };
    (status, ratio)
}

/// The lessons shown in the list for an age band (`None`: all of them).
pub fn lessons_for(catalog: &Catalog, ages: Option<(u32, u32)>) -> Vec<&LessonEntry> {
    catalog
        .lessons
        .iter()
        .filter(|e| {
            ages.is_none_or(|(min, max)| e.lesson.ages.min <= max && e.lesson.ages.max >= min)
        })
        .collect()
}

/// The age bands the lessons are written for, youngest first.
pub fn age_bands(catalog: &Catalog) -> Vec<(u32, u32)> {
    let bands: BTreeSet<(u32, u32)> = catalog
        .lessons
        .iter()
        .map(|e| (e.lesson.ages.min, e.lesson.ages.max))
        .collect();
    bands.into_iter().collect()
}
