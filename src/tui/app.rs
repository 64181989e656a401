//! The app's state and the one place it changes: `update` takes a message, hands keys
//! to the screen showing, and returns the effects (saving, loading) for the effect
//! runner to carry out. No I/O happens here.

use std::rc::Rc;

use rand::Rng;

use super::keys::{self, Action, Binding};
use super::screens::{help, language, lessons, player, students, teacher};
use super::widgets::TextLayout;
use crate::i18n::Messages;
use crate::lesson::{Catalog, Lesson};
use crate::progress::{Attempt, Loaded, StoreError, Student};
use crate::report::{class_report, languages_of};
use crate::run::{LessonRun, Start};
use crate::{strings, t};

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
    /// The app's words, in the language the child reads.
    pub messages: Rc<Messages>,
    /// The tag of that language; lessons are shown in it where translated.
    pub language: String,
    /// The language picker is open on this row.
    pub language_picker: Option<usize>,
    /// A language chosen on the name screen, to remember for the child who then says
    /// who they are.
    pub chosen_language: Option<String>,
    /// `--lang` chose the language: a child's remembered one does not override it.
    pub language_fixed: bool,
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
    /// Remember the language a student chose.
    RememberLanguage {
        student: String,
        language: String,
    },
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
    /// Saving or loading failed, and why; said in the child's language.
    StoreFailed(StoreError),
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
            messages: Rc::new(Messages::english()),
            language: crate::i18n::ENGLISH.to_string(),
            language_picker: None,
            chosen_language: None,
            language_fixed: false,
            text: TextLayout::default(),
        }
    }

    /// Speaks `tag` from now on: the app's words and the lessons opened.
    pub fn set_language(&mut self, tag: &str) {
        // A teacher's own message file is read with the lessons, so no disk here; its
        // mistakes were told when the app started.
        let (messages, _) = Messages::for_language_with(tag, &self.catalog.message_files);
        self.messages = Rc::new(messages);
        self.language = tag.to_string();
    }

    /// The languages a child can choose, each named in its own words.
    pub fn languages(&self) -> Vec<crate::i18n::Language> {
        crate::i18n::available(self.catalog)
    }

    /// The keys the app takes now: those of help when it is open, else of the screen
    /// showing, and the ones that work everywhere. Nothing else is handled.
    pub fn bindings(&self) -> Vec<Binding> {
        let mut bindings = match (&self.help, &self.screen) {
            _ if self.language_picker.is_some() => language::BINDINGS.to_vec(),
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
                if let Some(row) = self.language_picker {
                    return self.pick_language(row, action, rng);
                }
                if action == Action::Language {
                    let row = self.languages().iter().position(|l| l.tag == self.language);
                    self.language_picker = Some(row.unwrap_or(0));
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
                if self.help.is_some() || self.language_picker.is_some() || self.is_typing() {
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
                    self.notice = Some(strings::set_aside(&self.messages, aside));
                }
                // A language chosen before the name is this child's from now on; else
                // the one they chose before, if the class default may give way to it.
                let mut effects = Vec::new();
                if let Some(tag) = self.chosen_language.take() {
                    effects.push(Effect::RememberLanguage {
                        student: loaded.student.name.clone(),
                        language: tag,
                    });
                } else if !self.language_fixed
                    && let Some(tag) = loaded.student.language.clone()
                {
                    self.set_language(&tag);
                }
                self.remember(&loaded.student);
                self.screen = Screen::Lessons(LessonsScreen::new(loaded.student, 0));
                effects
            }
            Msg::Saved(loaded) => {
                if let Some(aside) = &loaded.set_aside {
                    self.notice = Some(strings::set_aside(&self.messages, aside));
                }
                self.remember(&loaded.student);
                match &mut self.screen {
                    Screen::Player(player) => {
                        if let Some(said) = player.saved(loaded.student, rng) {
                            self.notice = Some(self.messages.text(said));
                        }
                    }
                    Screen::Lessons(list) => list.student = loaded.student,
                    Screen::Students(_) | Screen::Teacher(_) => {}
                }
                Vec::new()
            }
            Msg::StoreFailed(error) => {
                let why = strings::store_error(&self.messages, &error);
                self.notice = Some(t!(self.messages, "progress-not-saved", why = why));
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

    /// A key in the language picker open on `row`.
    fn pick_language(&mut self, row: usize, action: Action, rng: &mut impl Rng) -> Vec<Effect> {
        let languages = self.languages();
        let tag = match language::key(row, languages.len(), action) {
            language::Picked::Stay(row) => {
                self.language_picker = Some(row);
                return Vec::new();
            }
            language::Picked::Close => {
                self.language_picker = None;
                return Vec::new();
            }
            language::Picked::Choose(row) => languages[row].tag.clone(),
        };
        self.language_picker = None;
        self.set_language(&tag);
        let student = match &self.screen {
            Screen::Students(_) => {
                self.chosen_language = Some(tag);
                return Vec::new();
            }
            Screen::Teacher(_) => return Vec::new(),
            Screen::Lessons(list) => list.student.name.clone(),
            Screen::Player(player) => player.student.name.clone(),
        };
        let mut effects = vec![Effect::RememberLanguage {
            student,
            language: tag.clone(),
        }];
        if matches!(self.screen, Screen::Player(_)) {
            effects.extend(self.carry_on_in(&tag, rng));
        }
        effects
    }

    /// Carries on the lesson showing in the language `tag`, at the same step with the
    /// same answers: progress belongs to the lesson id, not to its language.
    fn carry_on_in(&mut self, tag: &str, rng: &mut impl Rng) -> Vec<Effect> {
        let Screen::Player(player) = &mut self.screen else {
            return Vec::new();
        };
        let id = player.run.lesson_id().to_string();
        let Some(entry) = self.catalog.get(&id) else {
            return Vec::new();
        };
        let attempt = player.run.current_attempt();
        let student = player.student.clone();
        let (position, cursor, show_hint, scroll) = (
            player.run.session.position(),
            player.cursor,
            player.show_hint,
            player.scroll,
        );
        let marked = std::mem::take(&mut player.marked);
        let mut record = student.record(&id).cloned().unwrap_or_default();
        record.attempts.retain(|a| a.id != attempt.id);
        record.attempts.push(attempt);
        let lesson = entry.in_language(tag);
        let (run, _) = LessonRun::begin(lesson, Some(&record), rng);
        let glossary = self.catalog.glossary_for(lesson);
        let mut player = Box::new(Player::new(student, run, glossary));
        // What the child has marked or chosen on this step but not yet sent stays: a
        // translation has the same choices and messages in the same order.
        if player.run.session.position() == position {
            player.cursor = cursor;
            player.marked = marked;
            player.show_hint = show_hint;
            player.scroll = scroll;
        }
        let save = player.save();
        self.screen = Screen::Player(player);
        save.into_iter().collect()
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
        let mut report = class_report(&lessons, &self.class);
        report.languages = lessons
            .iter()
            .map(|l| {
                self.catalog
                    .get(&l.id)
                    .map(languages_of)
                    .unwrap_or_default()
            })
            .collect();
        self.screen = Screen::Teacher(TeacherScreen {
            report,
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
            Start::Resumed => Some(t!(
                self.messages,
                "welcome-back",
                step = run.session.position() + 1,
                steps = run.session.len()
            )),
            Start::LessonChanged => Some(self.messages.text("lesson-changed")),
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
