//! The app's own words in each language: Fluent message files (`i18n/LANG/mehfooz.ftl`)
//! built into the binary, looked up by id, with English behind every other language.
//!
//! ```
//! use mehfooz::{i18n::Messages, t};
//! let messages = Messages::for_language("ur");
//! let line = t!(messages, "own-progress", passed = 1, lessons = 5);
//! assert!(!line.is_empty());
//! ```

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

mod built_in {
    include!(concat!(env!("OUT_DIR"), "/built_in_messages.rs"));
}

/// The language every message file is written from, and the one said when another lacks
/// a message.
pub const ENGLISH: &str = "en";

/// A value put into a message: a number (which also picks plural forms) or a text.
pub type Arg<'a> = FluentValue<'a>;

/// One message file, read: its language's tag and its messages.
struct File {
    tag: String,
    bundle: FluentBundle<FluentResource>,
}

impl File {
    /// Reads a file's text; the messages that read are kept, each mistake described.
    fn read(tag: &str, text: &str) -> (File, Vec<String>) {
        let locale: LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![locale]);
        // Fluent wraps every filled-in value in bidi isolation marks (U+2068, U+2069).
        // Terminals show those as boxes or nothing, and the display engine (src/text/)
        // orders each line itself, so they would only get in the way.
        bundle.set_use_isolating(false);
        let mut problems = Vec::new();
        let resource =
            FluentResource::try_new(text.to_string()).unwrap_or_else(|(kept, errors)| {
                problems.extend(errors.iter().map(|e| describe_parse_error(text, e)));
                kept
            });
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.iter().map(|e| e.to_string()));
        }
        (
            File {
                tag: tag.to_string(),
                bundle,
            },
            problems,
        )
    }

    /// The message, formatted; `None` when this file lacks it or it did not format.
    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        (errors.is_empty() && !text.trim().is_empty()).then(|| text.into_owned())
    }
}

fn describe_parse_error(text: &str, error: &fluent_syntax::parser::ParserError) -> String {
    let line = text[..error.pos.start.min(text.len())]
        .matches('\n')
        .count()
        + 1;
    format!("line {line}: {}", error.kind)
}

/// The app's words in one language, with English behind it.
pub struct Messages {
    /// The chosen language first, then English (unless English was chosen).
    files: Vec<File>,
}

impl Messages {
    /// The messages of the built-in file that fits `tag` best (`ur-PK` is told in `ur`),
    /// English for a language with no file.
    pub fn for_language(tag: &str) -> Messages {
        let mut files = Vec::new();
        if let Some((found, text)) = built_in_file(tag)
            && !found.eq_ignore_ascii_case(ENGLISH)
        {
            files.push(File::read(found, text).0);
        }
        files.push(english());
        Messages { files }
    }

    /// Like `for_language`, with a teacher's own message file for that language in front
    /// when one of the lessons folders the class reads held `TAG/mehfooz.ftl` (`own`, as
    /// [`read_own_files`] found them): it may add a language the program lacks, or reword
    /// some messages. Also every mistake in such a file, with its path (the messages that
    /// read are used). Pure, so that the TUI can call it whenever a child changes language;
    /// plain mode and `play` call it too, so all three read a teacher's file alike.
    pub fn for_language_with(tag: &str, own: &[OwnFile]) -> (Messages, Vec<String>) {
        let mut messages = Messages::for_language(tag);
        let mut problems = Vec::new();
        let mut folders: Vec<&std::path::Path> = Vec::new();
        for file in own {
            if !folders.contains(&file.folder.as_path()) {
                folders.push(&file.folder);
            }
        }
        // A later folder's file goes in front of an earlier one's, as its lessons do.
        for folder in folders {
            let in_folder: Vec<&OwnFile> = own.iter().filter(|f| f.folder == folder).collect();
            let Some(file) = best_fit(tag, &in_folder) else {
                continue;
            };
            let (read, mistakes) = file.read();
            problems.extend(mistakes);
            if let Some(read) = read {
                messages.files.insert(0, read);
            }
        }
        (messages, problems)
    }

    /// English alone.
    pub fn english() -> Messages {
        Messages::for_language(ENGLISH)
    }

    /// Messages from a message file's text, in the language `tag`, with the built-in
    /// English behind them; also every mistake in the text (the messages that read are
    /// used all the same).
    pub fn from_text(tag: &str, text: &str) -> (Messages, Vec<String>) {
        let (file, problems) = File::read(tag, text);
        let messages = Messages {
            files: vec![file, english()],
        };
        (messages, problems)
    }

    /// The tag of the language these messages are in (`en` when no file fitted).
    pub fn language(&self) -> &str {
        &self.files[0].tag
    }

    /// Whether this language reads right to left, as the first letter of its own words
    /// (the app's name) says: a teacher's own language needs no table of scripts.
    pub fn reads_right_to_left(&self) -> bool {
        crate::text::direction_of(&self.text("app-name"))
            == Some(crate::text::Direction::RightToLeft)
    }

    /// The message `id`, in this language if it has it, else in English. Never empty and
    /// never a panic: a message no file has is shown as its id, which a test forbids in
    /// the shipped files.
    pub fn text(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with values put in, like `[("number", 3.into())]`; the `t!`
    /// macro reads better at a call site.
    pub fn with(&self, id: &str, values: &[(&str, Arg)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in values {
            args.set(*name, value.clone());
        }
        self.format(id, Some(&args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        self.files
            .iter()
            .find_map(|file| file.format(id, args))
            .unwrap_or_else(|| id.to_string())
    }

    /// Whether this language's own file has the message (English behind it not counted).
    pub fn has_own(&self, id: &str) -> bool {
        self.files[0].bundle.has_message(id)
    }
}

/// The message `id` from `messages`, with named values put in:
/// `t!(messages, "answer-no-such-choice", number = 5)`.
#[macro_export]
macro_rules! t {
    ($messages:expr, $id:expr) => {
        $messages.text($id)
    };
    ($messages:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $messages.with(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

fn english() -> File {
    let (_, text) = built_in_file(ENGLISH).expect("the English message file is built in");
    File::read(ENGLISH, text).0
}

/// A teacher's own message file, `FOLDER/TAG/mehfooz.ftl`, as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnFile {
    /// The lessons folder it is in.
    pub folder: std::path::PathBuf,
    /// Its language, as the folder spells it.
    pub tag: String,
    pub path: std::path::PathBuf,
    /// Its text, or why it could not be read.
    pub text: Result<String, String>,
}

impl OwnFile {
    /// The messages in it that read, and every mistake, each with the file's path.
    fn read(&self) -> (Option<File>, Vec<String>) {
        match &self.text {
            Ok(text) => {
                let (read, mistakes) = File::read(&self.tag, text);
                let path = self.path.display();
                let mistakes = mistakes.into_iter().map(|m| format!("{path}: {m}"));
                (Some(read), mistakes.collect())
            }
            Err(e) => (
                None,
                vec![format!("cannot read {}: {e}", self.path.display())],
            ),
        }
    }
}

/// Every mistake in the teachers' own message files, whichever language is chosen: told
/// once when the app starts.
pub fn own_file_problems(own: &[OwnFile]) -> Vec<String> {
    own.iter().flat_map(|file| file.read().1).collect()
}

/// Every teacher's own message file in `folders` (`FOLDER/TAG/mehfooz.ftl`), read once,
/// so that choosing a language later needs no disk.
pub fn read_own_files(folders: &[std::path::PathBuf]) -> Vec<OwnFile> {
    let mut files = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        let mut found: Vec<(String, std::path::PathBuf)> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().join(FILE_NAME).is_file())
            .map(|e| {
                let tag = e.file_name().to_string_lossy().into_owned();
                (tag, e.path().join(FILE_NAME))
            })
            .collect();
        found.sort();
        for (tag, path) in found {
            let text = std::fs::read_to_string(&path).map_err(|e| e.to_string());
            files.push(OwnFile {
                folder: folder.clone(),
                tag,
                path,
                text,
            });
        }
    }
    files
}

/// The file among one folder's for `tag` or a shorter form of it (`ur-Latn-PK`, then
/// `ur-Latn`, then `ur`).
fn best_fit<'f>(tag: &str, files: &[&'f OwnFile]) -> Option<&'f OwnFile> {
    let mut tag = tag;
    loop {
        if let Some(found) = files.iter().find(|f| f.tag.eq_ignore_ascii_case(tag)) {
            return Some(found);
        }
        tag = &tag[..tag.rfind('-')?];
    }
}

/// The name of a language's message file, in its folder.
pub const FILE_NAME: &str = "mehfooz.ftl";

/// The built-in file for `tag`, or for the tag with its last part dropped, and so on
/// (`ur-Latn-PK`, then `ur-Latn`, then `ur`).
fn built_in_file(tag: &str) -> Option<(&'static str, &'static str)> {
    let mut tag = tag;
    loop {
        if let Some((found, text)) = built_in::BUILT_IN
            .iter()
            .find(|(t, _)| t.eq_ignore_ascii_case(tag))
        {
            return Some((found, text));
        }
        tag = &tag[..tag.rfind('-')?];
    }
}

/// The tags of the built-in message files, English first.
pub fn built_in_languages() -> Vec<&'static str> {
    let mut tags: Vec<&str> = built_in::BUILT_IN.iter().map(|(t, _)| *t).collect();
    tags.sort_by_key(|t| (*t != ENGLISH, *t));
    tags
}

/// The text of a built-in message file, for checking it.
pub fn built_in_text(tag: &str) -> Option<&'static str> {
    built_in::BUILT_IN
        .iter()
        .find(|(t, _)| t.eq_ignore_ascii_case(tag))
        .map(|(_, text)| *text)
}

/// The ids of the messages in a message file's text, in file order.
pub fn message_ids(text: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(r) | Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The English message ids that the file `text` lacks, in the English file's order,
/// apart from the teacher-only ones.
pub fn missing_ids(text: &str) -> Vec<String> {
    let own = message_ids(text);
    message_ids(built_in_text(ENGLISH).unwrap_or_default())
        .into_iter()
        .filter(|id| !own.contains(id) && !is_teacher_only(id))
        .collect()
}

/// Whether a message is only ever shown to a teacher (its id starts with `teacher-`):
/// the teacher's screens stay English for now, so another language need not have it.
pub fn is_teacher_only(id: &str) -> bool {
    id.starts_with("teacher-")
}

/// A language a child can choose, named in its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub tag: String,
    /// The `language-name` of its message file ("اردو"); the tag when it has no file.
    pub name: String,
}

/// Every language the app can speak or has lessons in: the built-in message files' and
/// `lesson_languages` (from the lessons' translations), English first, each once.
pub fn languages<'a>(lesson_languages: impl IntoIterator<Item = &'a str>) -> Vec<Language> {
    let mut tags: Vec<String> = built_in_languages()
        .into_iter()
        .map(str::to_string)
        .collect();
    for tag in lesson_languages {
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_string());
        }
    }
    tags[1..].sort();
    tags.into_iter()
        .map(|tag| {
            let name = match built_in_text(&tag) {
                Some(_) => {
                    let messages = Messages::for_language(&tag);
                    messages.text("language-name")
                }
                None => tag.clone(),
            };
            Language { tag, name }
        })
        .collect()
}

/// The languages a child can choose among for these lessons: the app's own (built-in
/// message files) and every language a lesson or the help lines are translated into.
pub fn available(catalog: &crate::lesson::Catalog) -> Vec<Language> {
    let lesson_languages = catalog
        .lessons
        .iter()
        .flat_map(|entry| entry.translations.keys())
        .chain(catalog.help_translations.keys())
        .map(String::as_str);
    languages(lesson_languages)
}
