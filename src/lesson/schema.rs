//! The lesson file format as plain serde types, for the JSON Schema that editors use to
//! complete and check fields as a teacher types (`mehfooz schema`), and for writing
//! lessons (`mehfooz import`). The reader in `read`
//! walks files by hand to report every mistake at once; a test reads every shipped lesson
//! through these types too, so the two cannot drift apart.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One Mehfooz lesson.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Mehfooz lesson")]
pub struct LessonFile {
    /// The version of this format the file is written in. This program reads version 1.
    #[schemars(range(min = 1, max = 1))]
    pub format_version: u32,
    /// A short name for the lesson: lowercase letters a-z, digits and hyphens, unique.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"))]
    pub id: String,
    /// In a translation only: the language it is written in, as a BCP 47 tag like "ur"
    /// or "ur-Latn". The file with the same id and no `lang` is the English source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))]
    pub lang: Option<String>,
    /// The title children see in the lesson list.
    #[schemars(length(min = 1))]
    pub title: String,
    /// One sentence about the lesson, shown under the list.
    #[schemars(length(min = 1))]
    pub summary: String,
    /// Who the lesson is for, in years.
    pub ages: AgesFile,
    /// What the lesson is about, like "grooming" or "passwords".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("default" = []))]
    pub topics: Vec<String>,
    /// About how many minutes the lesson takes.
    #[schemars(range(min = 1, max = 180))]
    pub minutes: u32,
    /// The score needed to pass, in percent (default 80).
    #[schemars(range(min = 0, max = 100))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pass_percent: Option<u32>,
    /// Shuffle the choices of every question (default true; pinned choices stay put).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shuffle_choices: Option<bool>,
    /// Where the facts in this lesson come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("default" = []))]
    pub sources: Vec<String>,
    /// In a translation only: whether a fluent reader has checked it, and who.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<TranslationFile>,
    /// The steps, in order: pages, questions, chats and pools.
    #[schemars(length(min = 1))]
    pub steps: Vec<StepFile>,
    /// Meanings for words this lesson marks as {word}, added to the shared glossary.toml
    /// (an entry here wins over the shared one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("default" = []))]
    pub glossary: Vec<GlossaryEntryFile>,
}

/// A word a lesson marks as {word}, and what it means.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntryFile {
    /// The word as marked, like "evidence" (marked {evidence}, or {proof|evidence}).
    #[schemars(length(min = 1))]
    pub word: String,
    /// What it means, in one or two short sentences an 8-year-old can read.
    #[schemars(length(min = 1))]
    pub meaning: String,
}

/// What a translation says about itself.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationFile {
    /// "draft" until a fluent human reader has read it, then "reviewed".
    pub status: TranslationStatus,
    /// Who translated it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translator: Option<String>,
    /// The fluent reader who checked it (needed when reviewed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<String>,
    /// When it was checked, a date like 2026-11-29 (needed when reviewed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub reviewed_on: Option<toml::value::Datetime>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TranslationStatus {
    Draft,
    Reviewed,
}

/// Who a lesson is for.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgesFile {
    /// The youngest age, from 5.
    #[schemars(range(min = 5, max = 18))]
    pub min: u32,
    /// The oldest age, up to 18.
    #[schemars(range(min = 5, max = 18))]
    pub max: u32,
}

/// One step of a lesson.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StepFile {
    /// Something to read.
    Page(PageFile),
    /// A question with choices, or a true/false question.
    Question(QuestionFile),
    /// A pretend chat in which the child marks the warning signs.
    Chat(ChatFile),
    /// A set of questions from which each attempt draws some.
    Pool(PoolFile),
}

/// Something to read.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageFile {
    #[schemars(length(min = 1))]
    pub title: String,
    /// Paragraphs separated by a blank line; lines starting with "- " are bullets.
    #[schemars(length(min = 1))]
    pub text: String,
}

/// How a question is answered.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KindFile {
    /// Exactly one right choice.
    Single,
    /// One or more right choices, scored with partial credit.
    Multiple,
    /// True or false: write `answer`, not `choices`.
    TrueFalse,
}

/// A question.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    pub kind: KindFile,
    #[schemars(length(min = 1))]
    pub prompt: String,
    /// Shown when the child asks for a hint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Shown after the child answers, whatever they answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Shuffle this question's choices (overrides `shuffle_choices`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shuffle: Option<bool>,
    /// For a single question with several right choices: picking any one of them is right.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub any_correct: Option<bool>,
    /// The choices of a single or multiple question (2 to 8).
    #[schemars(length(min = 2, max = 8))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<ChoiceFile>>,
    /// The right answer of a true_false question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<bool>,
    /// For a true_false question: feedback for a child who picks True.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub true_feedback: Option<String>,
    /// For a true_false question: feedback for a child who picks False.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub false_feedback: Option<String>,
}

/// One choice of a question.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceFile {
    #[schemars(length(min = 1))]
    pub text: String,
    /// Whether this choice is right (default false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[schemars(extend("default" = false))]
    pub correct: bool,
    /// Why this choice is right or not, in a sentence or two.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
    /// Keep this choice where it is when the choices are shuffled (like "All of the above").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[schemars(extend("default" = false))]
    pub pinned: bool,
}

/// A pretend chat.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChatFile {
    #[schemars(length(min = 1))]
    pub title: String,
    /// The name shown for the other person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
    /// Shown above the chat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    #[schemars(length(min = 1))]
    pub messages: Vec<MessageFile>,
}

/// Who sent a chat message.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SenderFile {
    /// The other person.
    Them,
    /// The child.
    Me,
}

/// One chat message.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageFile {
    pub from: SenderFile,
    #[schemars(length(min = 1))]
    pub text: String,
    /// Whether this message is a warning sign (only for messages from "them").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[schemars(extend("default" = false))]
    pub red_flag: bool,
    /// Why it is, or is not, a warning sign; needed for every message from "them".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// A set of questions from which each attempt draws `draw`.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PoolFile {
    /// How many questions each attempt gets.
    #[schemars(range(min = 1))]
    pub draw: u32,
    #[schemars(length(min = 1))]
    pub questions: Vec<QuestionFile>,
}

/// The JSON Schema (draft-07, which editors' TOML tooling understands) of a lesson file.
pub fn lesson_schema() -> String {
    let schema = schemars::generate::SchemaSettings::draft07()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<LessonFile>();
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    text.push('\n');
    text
}
