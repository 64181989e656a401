//! The app's state and the one place it changes: `update` takes a message, hands keys
//! to the screen showing, and returns the effects (saving, loading) for the effect
//! runner to carry out. No I/O happens here.

use rand::Rng;

use super::keys::{self, Action, Binding};
use super::screens::{help, lessons, player, students, teacher};
use super::widgets::TextLayout;
use crate::lesson::{Catalog, Lesson};
use crate::progress::{Attempt, Loaded, Student};
use crate::report::class_report;
use crate::run::{LessonRun, Start};

pub use super::screens::lessons::{LessonsScreen, age_bands, lesson_progress, lessons_for};
pub use super::screens::player::Player;
pub use super::screens::students::StudentsScreen;
pub use super::screens::teacher::TeacherScreen;

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
    /// Who joins and reorders right-to-left text, and the paragraphs laid out so far.
    pub text: TextLayout,
}

pub enum Screen<'c> {
    Students(StudentsScreen),
    Teacher(TeacherScreen),
    Lessons(LessonsScreen),
    Player(Box<Player<'c>>),
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
            screen: Screen::Students(StudentsScreen::new(0)),
            help: None,
            notice: None,
            region,
            ages: None,
            quit: false,
            preview: false,
            teacher_pin: None,
            text: TextLayout::default(),
        }
    }

    /// The keys the app takes now: those of help when it is open, else of the screen
    /// showing, and the ones that work everywhere. Nothing else is handled.
    pub fn bindings(&self) -> Vec<Binding> {
        let mut bindings = match (&self.help, &self.screen) {
            (Some(_), _) => help::BINDINGS.to_vec(),
            (None, Screen::Students(s)) => students::bindings(s).to_vec(),
            (None, Screen::Lessons(_)) => lessons::BINDINGS.to_vec(),
            (None, Screen::Player(p)) => player::bindings(p),
            (None, Screen::Teacher(_)) => teacher::BINDINGS.to_vec(),
        };
        bindings.extend_from_slice(keys::EVERYWHERE);
        bindings
    }

    pub fn update(&mut self, msg: Msg, rng: &mut impl Rng) -> Vec<Effect> {
        match msg {
            Msg::Key(action) => {
                self.notice = None;
                if !keys::offers(&self.bindings(), action) {
                    return Vec::new();
                }
                if action == Action::Quit {
                    self.quit = true;
                    return Vec::new();
                }
                if let Some(scroll) = self.help {
                    self.help = help::key(scroll, action);
                    return Vec::new();
                }
                if action == Action::Help {
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
                if let Screen::Students(screen) = &mut self.screen {
                    students::typed(screen, c);
                }
                Vec::new()
            }
            Msg::Backspace => {
                if let Screen::Students(screen) = &mut self.screen {
                    students::rub_out(screen);
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
                    Screen::Player(player) => {
                        if let Some(said) = player.saved(loaded.student, rng) {
                            self.notice = Some(said.into());
                        }
                    }
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
        matches!(&self.screen, Screen::Students(s) if s.is_typing())
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

    /// Hands a key to the screen showing.
    fn key(&mut self, action: Action, rng: &mut impl Rng) -> Vec<Effect> {
        match &self.screen {
            Screen::Students(_) => students::key(self, action),
            Screen::Teacher(_) => teacher::key(self, action),
            Screen::Lessons(_) => lessons::key(self, action, rng),
            Screen::Player(_) => player::key(self, action, rng),
        }
    }

    pub(crate) fn open_teacher_view(&mut self) {
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

/// A scroll position moved by `lines` (up when negative).
fn step(scroll: u16, lines: i8) -> u16 {
    scroll.saturating_add_signed(lines.into())
}
