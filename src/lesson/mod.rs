//! Lessons: the types a lesson file becomes, reading and checking the files, and the
//! catalog of lessons the app offers (built in, plus a teacher's folders).

mod catalog;
pub mod glossary;
mod read;
pub mod schema;
pub mod translation;
mod version;

pub use catalog::{Catalog, LessonEntry, Origin, Translation, join_as_typed};
pub use read::{LESSON_FORMAT_VERSION, MAX_CHOICES, MAX_STEPS, ParsedLesson, parse_lesson};
pub(crate) use version::fnv1a;

/// Whether `id` can name a lesson: lowercase letters a-z, digits and hyphens, starting
/// with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The file a lesson with this id would be written to, when that name belongs to another
/// kind of file (the class settings, the help lines) and so cannot be a lesson's.
pub fn reserved_file(id: &str) -> Option<&'static str> {
    [
        crate::settings::FILE_NAME,
        crate::help::FILE_NAME,
        glossary::FILE_NAME,
    ]
    .into_iter()
    .find(|file| file.strip_suffix(".toml") == Some(id))
}

/// Who a lesson is for, in years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ages {
    pub min: u32,
    pub max: u32,
}

/// One lesson, as its file describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub ages: Ages,
    pub topics: Vec<String>,
    pub minutes: u32,
    pub pass_percent: u32,
    pub sources: Vec<String>,
    pub steps: Vec<Step>,
    /// Meanings this lesson adds to the shared glossary, or gives its own way.
    pub glossary: Vec<glossary::Entry>,
    /// The BCP 47 tag of a translation the catalog accepted; `None` for a source lesson,
    /// which is English.
    pub lang: Option<String>,
}

impl Lesson {
    /// How many questions one attempt asks (a pool counts as the number it draws; a chat
    /// counts as one question).
    pub fn question_count(&self) -> usize {
        self.steps
            .iter()
            .map(|step| match step {
                Step::Page(_) => 0,
                Step::Question(_) | Step::Chat(_) => 1,
                Step::Pool(pool) => pool.draw,
            })
            .sum()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Page(Page),
    Question(Question),
    Chat(Chat),
    Pool(Pool),
}

/// Something to read.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    Single,
    Multiple,
    TrueFalse,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub kind: QuestionKind,
    pub prompt: String,
    pub hint: Option<String>,
    pub explanation: Option<String>,
    /// Whether the choices are shuffled for each attempt (pinned ones stay put).
    pub shuffle: bool,
    /// For true/false questions these are "True" and "False", in that order.
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    pub feedback: Option<String>,
    pub pinned: bool,
}

/// A pretend conversation in which the child marks the warning signs.
#[derive(Debug, Clone, PartialEq)]
pub struct Chat {
    pub title: String,
    /// The name shown for the other person.
    pub with: String,
    pub intro: Option<String>,
    pub messages: Vec<Message>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender {
    Them,
    Me,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub from: Sender,
    pub text: String,
    pub red_flag: bool,
    pub why: Option<String>,
}

/// A set of questions from which each attempt draws `draw`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pool {
    pub draw: usize,
    pub questions: Vec<Question>,
}
