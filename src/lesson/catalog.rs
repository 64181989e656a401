//! The lessons on offer: the built-in set plus any teacher's folders, with every problem
//! found on the way. A broken file never stops the others from loading.

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use super::Lesson;
use super::glossary::{self, Glossary};
use super::read::{ParsedLesson, parse_lesson};
use super::translation::{self, TranslationInfo};
use crate::clock::Date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::help::{self, HelpLines};
use crate::settings;
use crate::text;
use crate::toml_reader::{describe_io, read_file};

mod built_in {
    include!(concat!(env!("OUT_DIR"), "/built_in_lessons.rs"));
}

/// Where a lesson came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    /// From a teacher's folder; `replaces_built_in` when it has a built-in lesson's id.
    Folder {
        replaces_built_in: bool,
    },
}

#[derive(Debug, Clone)]
pub struct LessonEntry {
    pub lesson: Lesson,
    /// The file it was read from (`lessons/NAME.toml` for a built-in lesson).
    pub path: PathBuf,
    pub origin: Origin,
    /// The lesson in other languages, by BCP 47 tag; `lesson` is the English source.
    pub translations: BTreeMap<String, Translation>,
}

/// One lesson (or the help lines) in another language.
#[derive(Debug, Clone)]
pub struct Translation<T = Lesson> {
    pub content: T,
    pub path: PathBuf,
    pub info: TranslationInfo,
}

impl Translation<()> {
    fn with<T>(self, content: T) -> Translation<T> {
        Translation {
            content,
            path: self.path,
            info: self.info,
        }
    }
}

impl LessonEntry {
    /// The lesson in `lang` when there is a translation (a tag like `ur-PK` finds `ur`),
    /// else the English source.
    pub fn in_language(&self, lang: &str) -> &Lesson {
        find_language(&self.translations, lang).map_or(&self.lesson, |t| &t.content)
    }
}

/// The translation for `lang`, or for the language it is a variant of (`ur` for `ur-PK`).
fn find_language<'t, T>(
    translations: &'t BTreeMap<String, Translation<T>>,
    lang: &str,
) -> Option<&'t Translation<T>> {
    find_variant(translations, lang)
}

/// The value for `lang`, or for the language it is a variant of (`ur` for `ur-PK`).
fn find_variant<'t, T>(by_tag: &'t BTreeMap<String, T>, lang: &str) -> Option<&'t T> {
    let mut tag = lang;
    loop {
        if let Some((_, t)) = by_tag.iter().find(|(k, _)| k.eq_ignore_ascii_case(tag)) {
            return Some(t);
        }
        tag = &tag[..tag.rfind('-')?];
    }
}

/// What was loaded, and what could not be.
#[derive(Debug, Default)]
pub struct Catalog {
    pub lessons: Vec<LessonEntry>,
    pub help: Option<HelpLines>,
    /// The shared meanings of marked words: the built-in glossary, with a folder's own
    /// `glossary.toml` over it.
    pub glossary: Glossary,
    /// Each language's own meanings (`ur/glossary.toml`), by BCP 47 tag, for the words
    /// its translations mark; `glossary` is their fallback.
    pub language_glossaries: BTreeMap<String, Glossary>,
    /// The teachers' own message files (`ur/mehfooz.ftl`) in the folders read, for the
    /// app's words in their languages.
    pub message_files: Vec<crate::i18n::OwnFile>,
    /// The help lines in other languages, by BCP 47 tag.
    pub help_translations: BTreeMap<String, Translation<HelpLines>>,
    /// Every problem in every file read, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// Files that have errors and so were left out.
    pub broken_files: Vec<PathBuf>,
    /// The number of files read, lessons and help lines.
    pub files_read: usize,
    /// Ids of the built-in lessons, when a lesson in a teacher's folder with one of them
    /// is to be pointed out (as `check` does): it would replace the built-in lesson.
    taken_ids: Vec<String>,
    /// Every word of each glossary file read, with its place, and every word the lessons
    /// mark, each with the language it is in (`None` for English): the checks that need
    /// all files at once run on them after loading.
    glossary_words: Vec<(Option<String>, String, Diagnostic)>,
    marks: Vec<(Option<String>, String, Diagnostic)>,
    /// Each source lesson's file and text by id (and the help lines' under `help-lines`),
    /// for comparing its translations with it.
    sources: HashMap<String, (PathBuf, String, bool)>,
    /// Translations read but not yet matched with their sources.
    pending: Vec<Pending>,
}

/// A translation waiting for its source: what it is, where, and whether it is built in.
#[derive(Debug)]
struct Pending {
    content: PendingContent,
    path: PathBuf,
    info: TranslationInfo,
    text: String,
    built_in: bool,
}

#[derive(Debug)]
enum PendingContent {
    Lesson(Lesson),
    Help(HelpLines),
}

/// The key the help lines' source text is kept under (no lesson id has a dot).
const HELP_SOURCE: &str = "help-lines.toml";

/// A file to read: built in, on disk (read by whichever thread parses it), or already
/// known to be unreadable.
struct SourceFile {
    path: PathBuf,
    content: Content,
}

enum Content {
    BuiltIn(&'static str),
    OnDisk,
    Unreadable(String),
}

impl SourceFile {
    fn on_disk(path: &Path) -> SourceFile {
        SourceFile {
            path: path.to_path_buf(),
            content: Content::OnDisk,
        }
    }

    fn unreadable(path: PathBuf, reason: impl Into<String>) -> SourceFile {
        SourceFile {
            path,
            content: Content::Unreadable(reason.into()),
        }
    }
}

/// What one file turned out to be.
enum Parsed {
    Unreadable(Box<Diagnostic>),
    Help(Option<HelpLines>, Vec<Diagnostic>),
    /// Class settings, met in a folder or named to `check`: checked, never a lesson.
    Settings(Vec<Diagnostic>),
    Glossary(Option<glossary::GlossaryFile>, Vec<Diagnostic>),
    Lesson(Box<ParsedLesson>),
}

/// One file parsed, with its text, and what it says of itself as a translation (when it
/// has a `lang`).
struct ParsedFile {
    parsed: Parsed,
    text: String,
    translation: Option<(Option<TranslationInfo>, Vec<Diagnostic>)>,
}

/// Reads and parses one file. Pure but for reading the file, so files can be parsed on
/// several threads at once.
fn parse_one(file: &SourceFile, today: Date) -> ParsedFile {
    let text = match &file.content {
        Content::BuiltIn(text) => text.to_string(),
        Content::Unreadable(reason) => {
            let d = Diagnostic::file_error(&file.path, reason.clone());
            return ParsedFile {
                parsed: Parsed::Unreadable(Box::new(d)),
                text: String::new(),
                translation: None,
            };
        }
        Content::OnDisk => match read_file(&file.path) {
            Ok(text) => text,
            Err(d) => {
                return ParsedFile {
                    parsed: Parsed::Unreadable(Box::new(d)),
                    text: String::new(),
                    translation: None,
                };
            }
        },
    };
    let parsed = parse_text(file, &text, today);
    // Only a file that read without errors is looked at again as a translation, so a
    // file refused for its size is never parsed a second time.
    let read_well = match &parsed {
        Parsed::Lesson(p) => p.lesson.is_some(),
        Parsed::Help(help, _) => help.is_some(),
        // A glossary's `lang` says whose meanings it holds; it translates no source.
        Parsed::Unreadable(_) | Parsed::Settings(_) | Parsed::Glossary(..) => false,
    };
    let translation = (read_well && translation::is_translation(&text))
        .then(|| translation::read_info(&file.path, &text));
    ParsedFile {
        parsed,
        // Kept to compare translations with; a file that did not read is not compared.
        text: if read_well { text } else { String::new() },
        translation,
    }
}

fn parse_text(file: &SourceFile, text: &str, today: Date) -> Parsed {
    if file.path.file_name().is_some_and(|n| n == help::FILE_NAME) {
        let (help, diagnostics) = help::parse_help_lines(&file.path, text, today);
        Parsed::Help(help, diagnostics)
    } else if file
        .path
        .file_name()
        .is_some_and(|n| n == settings::FILE_NAME)
    {
        Parsed::Settings(settings::parse_settings(&file.path, text).1)
    } else if file
        .path
        .file_name()
        .is_some_and(|n| n == glossary::FILE_NAME)
    {
        let (file, diagnostics) = glossary::parse_glossary(&file.path, text);
        Parsed::Glossary(file, diagnostics)
    } else {
        Parsed::Lesson(Box::new(parse_lesson(&file.path, text)))
    }
}

/// Parses every file, spread over the machine's cores, in the files' order.
fn parse_all(files: &[SourceFile], today: Date) -> Vec<ParsedFile> {
    // Below a few files a thread costs more than it saves.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len() / 4)
        .max(1);
    if threads == 1 {
        return files.iter().map(|f| parse_one(f, today)).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|f| parse_one(f, today)).collect::<Vec<_>>())
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("reading a lesson file does not panic"))
            .collect()
    })
}

impl Catalog {
    /// "2 lesson files could not be loaded", when some could not; every front end starts
    /// its notice with this.
    pub fn broken_note(&self) -> Option<String> {
        let n = self.broken_files.len();
        (n > 0).then(|| {
            format!(
                "{} could not be loaded",
                crate::text::count(n, "lesson file")
            )
        })
    }

    /// The built-in lessons, then each folder's, a folder's lesson replacing a built-in
    /// one with the same id.
    pub fn load(folders: &[PathBuf], with_built_in: bool) -> Catalog {
        let mut catalog = Catalog::default();
        if with_built_in {
            catalog.add_files(built_in_files(), true);
        }
        for folder in folders {
            catalog.add_files(read_folder(folder), false);
        }
        catalog.message_files = crate::i18n::read_own_files(folders);
        catalog.match_translations(false);
        catalog.check_marks();
        // Youngest first; within an age band, in file-name order.
        catalog
            .lessons
            .sort_by_key(|e| (e.lesson.ages.min, e.lesson.ages.max));
        catalog
    }

    /// Reads exactly these files and folders, as `check` does.
    pub fn check(paths: &[PathBuf]) -> Catalog {
        let mut catalog = Catalog::default();
        let mut files = Vec::new();
        for path in paths {
            if path.is_dir() {
                files.extend(read_folder(path));
            } else {
                files.push(SourceFile::on_disk(path));
            }
        }
        // A file named twice (itself and inside a folder also named) is read once.
        let mut seen = std::collections::HashSet::new();
        files.retain(|f| seen.insert(fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone())));
        catalog.taken_ids = built_in_ids();
        // A teacher's lesson may mark the built-in glossaries' words.
        let built_in = Catalog::built_in();
        catalog.glossary = built_in.glossary;
        catalog.language_glossaries = built_in.language_glossaries;
        catalog.add_files(files, false);
        catalog.match_translations(true);
        catalog.check_marks();
        catalog
    }

    /// The ids of the lessons built into the program.
    pub fn built_in_ids() -> Vec<String> {
        built_in_ids()
    }

    pub fn built_in() -> Catalog {
        Catalog::load(&[], true)
    }

    /// Shows every lesson, and the help lines, in `lang` where there is a translation
    /// (English where there is none). Ids, and so progress, stay the same.
    pub fn use_language(&mut self, lang: &str) {
        for entry in &mut self.lessons {
            if let Some(t) = find_language(&entry.translations, lang) {
                entry.lesson = t.content.clone();
            }
        }
        if let Some(t) = find_language(&self.help_translations, lang) {
            self.help = Some(t.content.clone());
        }
    }

    /// The file and text of the English source of the lesson with this id.
    pub fn source_text(&self, id: &str) -> Option<(&Path, &str)> {
        self.sources
            .get(id)
            .map(|(path, text, _)| (path.as_path(), text.as_str()))
    }

    pub fn get(&self, id: &str) -> Option<&LessonEntry> {
        self.lessons.iter().find(|e| e.lesson.id == id)
    }

    /// The meanings a lesson's marked words have: its own entries over its language's
    /// glossary, over the English one (so a word a translation's glossary lacks still
    /// has a meaning, if only in English).
    pub fn glossary_for(&self, lesson: &Lesson) -> Glossary {
        self.glossary_in(lesson.lang.as_deref())
            .with(&lesson.glossary)
    }

    /// The shared meanings for text in `lang` (`None` for English).
    fn glossary_in(&self, lang: Option<&str>) -> Glossary {
        match lang.and_then(|l| find_variant(&self.language_glossaries, l)) {
            Some(own) => self.glossary.with(own.entries()),
            None => self.glossary.clone(),
        }
    }

    /// A marked word no glossary has, and a glossary word no lesson marks, are warnings
    /// at the word (only words of glossary files read here count as unused).
    fn check_marks(&mut self) {
        let marks = std::mem::take(&mut self.marks);
        let words = std::mem::take(&mut self.glossary_words);
        let mut found = Vec::new();
        let mut glossaries: BTreeMap<Option<String>, Glossary> = BTreeMap::new();
        for lang in marks.iter().map(|m| &m.0).chain(words.iter().map(|w| &w.0)) {
            if !glossaries.contains_key(lang) {
                glossaries.insert(lang.clone(), self.glossary_in(lang.as_deref()));
            }
        }
        // Marks a lesson's own entries explain were already left out when it was read.
        for (lang, word, place) in &marks {
            if glossaries[lang].lookup(word).is_none() {
                let mut d = place.clone();
                d.severity = Severity::Warning;
                let file = match lang {
                    Some(lang) => format!("{lang}/{}", glossary::FILE_NAME),
                    None => glossary::FILE_NAME.to_string(),
                };
                d.message = format!(
                    "\"{word}\" is marked as a glossary word but no glossary says what it means: add it to {file} or to this lesson's [[glossary]]"
                );
                found.push(shown_inert(d));
            }
        }
        // A glossary checked on its own has no lessons to be used in.
        let words = if self.lessons.is_empty() && marks.is_empty() {
            Vec::new()
        } else {
            words
        };
        for (lang, word, place) in words {
            let entry = glossaries[&lang].lookup(&word);
            // A language's word is used by that language's marks; an English word also by
            // a translation's mark that falls back to it.
            let used = marks.iter().any(|(marked_lang, marked, _)| {
                (lang.is_none() || *marked_lang == lang)
                    && glossaries[marked_lang].lookup(marked) == entry
            });
            if !used {
                let mut d = place;
                d.severity = Severity::Warning;
                d.message = format!(
                    "no lesson marks \"{word}\": mark it as {{{word}}} where a child first meets it, or remove it from the glossary"
                );
                found.push(shown_inert(d));
            }
        }
        self.diagnostics.extend(found);
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    fn add_files(&mut self, files: Vec<SourceFile>, built_in: bool) {
        let parsed = parse_all(&files, Date::today());
        // Ids seen in this set of files, so that two of them with one id are caught.
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        // Where each lesson already on offer is, so a folder's lesson can replace it.
        let mut index: HashMap<String, usize> = self
            .lessons
            .iter()
            .enumerate()
            .map(|(i, e)| (e.lesson.id.clone(), i))
            .collect();
        for (file, parsed_file) in files.into_iter().zip(parsed) {
            self.files_read += 1;
            let ParsedFile {
                parsed,
                text,
                translation,
            } = parsed_file;
            if let Some((info, problems)) = translation {
                self.hold_translation(file.path, parsed, text, info, problems, built_in);
                continue;
            }
            let ParsedLesson {
                lesson,
                diagnostics,
                id_place,
                marks,
            } = match parsed {
                Parsed::Unreadable(d) => {
                    self.diagnostics.push(shown_inert(*d));
                    self.broken_files.push(file.path);
                    continue;
                }
                Parsed::Help(help, diagnostics) => {
                    self.note(&file.path, diagnostics);
                    if help.is_some() {
                        self.help = help;
                        self.sources
                            .insert(HELP_SOURCE.into(), (file.path, text, built_in));
                    }
                    continue;
                }
                Parsed::Settings(diagnostics) => {
                    self.diagnostics
                        .extend(diagnostics.into_iter().map(shown_inert));
                    continue;
                }
                Parsed::Glossary(read, diagnostics) => {
                    self.note(&file.path, diagnostics);
                    if let Some(read) = read {
                        let lang = read.lang;
                        let shared = match &lang {
                            Some(lang) => self.language_glossaries.entry(lang.clone()).or_default(),
                            None => &mut self.glossary,
                        };
                        *shared = shared.with(read.glossary.entries());
                        self.glossary_words.extend(
                            read.places
                                .into_iter()
                                .map(|(word, place)| (lang.clone(), word, place)),
                        );
                    }
                    continue;
                }
                Parsed::Lesson(parsed) => *parsed,
            };
            self.note(&file.path, diagnostics);
            // Marks of a lesson with errors are checked too, so all its problems show at once.
            self.marks
                .extend(marks.into_iter().map(|(word, place)| (None, word, place)));
            let Some(lesson) = lesson else { continue };
            if self.taken_ids.contains(&lesson.id) {
                let mut d = id_place
                    .clone()
                    .unwrap_or_else(|| Diagnostic::file_error(&file.path, ""));
                d.severity = Severity::Warning;
                d.message = format!(
                    "the id \"{}\" is a built-in lesson's: this lesson will replace the built-in one in the app; give it another id unless that is what you want",
                    lesson.id
                );
                self.diagnostics.push(shown_inert(d));
            }
            if let Some(first) = seen.get(&lesson.id) {
                let mut d = id_place.unwrap_or_else(|| Diagnostic::file_error(&file.path, ""));
                d.severity = Severity::Error;
                d.message = format!(
                    "the id \"{}\" is already used by {}; each lesson needs its own id",
                    lesson.id,
                    first.display()
                );
                self.diagnostics.push(d);
                self.broken_files.push(file.path);
                continue;
            }
            seen.insert(lesson.id.clone(), file.path.clone());
            self.sources
                .insert(lesson.id.clone(), (file.path.clone(), text, built_in));
            let replaced = index.get(&lesson.id).copied();
            let origin = if built_in {
                Origin::BuiltIn
            } else {
                Origin::Folder {
                    replaces_built_in: replaced
                        .is_some_and(|i| self.lessons[i].origin == Origin::BuiltIn),
                }
            };
            let entry = LessonEntry {
                lesson,
                path: file.path,
                origin,
                translations: BTreeMap::new(),
            };
            match replaced {
                Some(i) => self.lessons[i] = entry,
                None => {
                    index.insert(entry.lesson.id.clone(), self.lessons.len());
                    self.lessons.push(entry);
                }
            }
        }
    }

    /// Keeps a translation that has no errors of its own until every source is read.
    fn hold_translation(
        &mut self,
        path: PathBuf,
        parsed: Parsed,
        text: String,
        info: Option<TranslationInfo>,
        problems: Vec<Diagnostic>,
        built_in: bool,
    ) {
        let (content, diagnostics) = match parsed {
            Parsed::Unreadable(d) => (None, vec![*d]),
            Parsed::Help(help, d) => (help.map(PendingContent::Help), d),
            Parsed::Lesson(p) => {
                let lang = info.as_ref().map(|i| i.lang.clone());
                self.marks.extend(
                    p.marks
                        .into_iter()
                        .map(|(word, place)| (lang.clone(), word, place)),
                );
                (p.lesson.map(PendingContent::Lesson), p.diagnostics)
            }
            Parsed::Settings(d) | Parsed::Glossary(_, d) => (None, d),
        };
        let mut diagnostics: Vec<Diagnostic> = diagnostics.into_iter().chain(problems).collect();
        diagnostics.sort_by_key(|d| (d.line, d.column));
        let broken = diagnostics.iter().any(Diagnostic::is_error);
        self.note(&path, diagnostics);
        if broken {
            return;
        }
        if let (Some(content), Some(info)) = (content, info) {
            self.pending.push(Pending {
                content,
                path,
                info,
                text,
                built_in,
            });
        }
    }

    /// Puts each translation read beside its source, once its structure is shown to be
    /// the source's. `built_in_sources`: a source not among the files read may be a
    /// built-in lesson (as when `check` is given only a folder of translations).
    fn match_translations(&mut self, built_in_sources: bool) {
        let built_in = if built_in_sources && !self.pending.is_empty() {
            Catalog::built_in()
        } else {
            Catalog::default()
        };
        let mut from_folders = std::collections::HashSet::new();
        for pending in std::mem::take(&mut self.pending) {
            let key = match &pending.content {
                PendingContent::Lesson(lesson) => lesson.id.clone(),
                PendingContent::Help(_) => HELP_SOURCE.to_string(),
            };
            let Some((source_path, source, source_built_in)) = self
                .sources
                .get(&key)
                .or_else(|| built_in.sources.get(&key))
                .cloned()
            else {
                let what = match &pending.content {
                    PendingContent::Lesson(_) => format!(
                        "this is a translation of the lesson \"{key}\", but there is no lesson with that id: put the English lesson in a folder that is read too, or correct the `id`"
                    ),
                    PendingContent::Help(_) => "this is a translation of the help lines, but no English help lines were read".to_string(),
                };
                self.diagnostics
                    .push(shown_inert(Diagnostic::file_error(&pending.path, what)));
                self.broken_files.push(pending.path);
                continue;
            };
            // A built-in translation does not fit a teacher's lesson that replaced its
            // source: that lesson is shown in English instead.
            if pending.built_in && !source_built_in {
                continue;
            }
            let found = translation::compare(&source_path, &source, &pending.path, &pending.text);
            let broken = found.iter().any(Diagnostic::is_error);
            self.note(&pending.path, found);
            if broken {
                continue;
            }
            let lang = pending.info.lang.clone();
            let translated = Translation {
                content: (),
                path: pending.path.clone(),
                info: pending.info,
            };
            match pending.content {
                PendingContent::Help(help) => {
                    self.help_translations
                        .insert(lang.clone(), translated.with(help));
                }
                PendingContent::Lesson(mut lesson) => {
                    lesson.lang = Some(lang.clone());
                    if let Some(entry) = self.lessons.iter_mut().find(|e| e.lesson.id == key) {
                        entry
                            .translations
                            .insert(lang.clone(), translated.with(lesson));
                    }
                }
            }
            let taken = !pending.built_in && !from_folders.insert((key.clone(), lang.clone()));
            if taken {
                // Two files in the folders read translate one lesson into one language:
                // the later one is used, and the teacher hears of it.
                let mut d = Diagnostic::file_error(
                    &pending.path,
                    format!("another file also translates \"{key}\" into {lang}; this one is used"),
                );
                d.severity = Severity::Warning;
                self.diagnostics.push(shown_inert(d));
            }
        }
    }

    fn note(&mut self, path: &Path, diagnostics: Vec<Diagnostic>) {
        if diagnostics.iter().any(Diagnostic::is_error) {
            self.broken_files.push(path.to_path_buf());
        }
        self.diagnostics
            .extend(diagnostics.into_iter().map(shown_inert));
    }
}

/// A problem as it may be printed: the file's own text (the line under the message, a
/// field name quoted in it) can hold escape sequences, which become U+FFFD.
fn shown_inert(mut d: Diagnostic) -> Diagnostic {
    d.message = text::visible(&d.message);
    d.source_line = text::visible(&d.source_line);
    d
}

fn built_in_ids() -> Vec<String> {
    let mut ids: Vec<String> = Catalog::built_in()
        .lessons
        .into_iter()
        .map(|e| e.lesson.id)
        .collect();
    ids.sort();
    ids
}

fn built_in_files() -> Vec<SourceFile> {
    built_in::BUILT_IN
        .iter()
        .map(|(name, text)| SourceFile {
            // The same on every system, so lists and messages read alike everywhere.
            path: PathBuf::from(format!("lessons/{name}")),
            content: Content::BuiltIn(text),
        })
        .collect()
}

/// `folder` joined with `name` using the separator the person typed in `folder`, so that
/// on Windows `--lessons class/lessons` shows `class/lessons/x.toml`, not the mixed
/// `class/lessons\x.toml`. Both separators open the same file on Windows; elsewhere there
/// is only `/`, and this is a plain join.
pub fn join_as_typed(folder: &Path, name: &OsStr) -> PathBuf {
    let typed = folder.to_string_lossy();
    if !cfg!(windows) || typed.contains('\\') || !typed.contains('/') {
        return folder.join(name);
    }
    let mut joined = folder.as_os_str().to_owned();
    if !typed.ends_with('/') {
        joined.push("/");
    }
    joined.push(name);
    PathBuf::from(joined)
}

/// Every `.toml` file directly in `folder`, sorted by name, then those in its language
/// folders (a folder named by a language tag, like `ur/` or `ur-Latn/`, holds
/// translations); an unreadable folder becomes one unreadable entry, so the caller reports
/// it like any other file. A `.toml` name that is not a folder but not a readable file
/// either (a broken link, a link loop) is kept, so that it is reported rather than
/// skipped without a word.
fn read_folder(folder: &Path) -> Vec<SourceFile> {
    let mut files = read_files(folder);
    let mut languages: Vec<PathBuf> = fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| {
                    e.file_name()
                        .to_str()
                        .is_some_and(translation::is_language_tag)
                        && e.path().is_dir()
                })
                .map(|e| join_as_typed(folder, &e.file_name()))
                .collect()
        })
        .unwrap_or_default();
    languages.sort();
    for language in languages {
        files.extend(read_files(&language));
    }
    files
}

/// The `.toml` files directly in `folder` (see `read_folder`).
fn read_files(folder: &Path) -> Vec<SourceFile> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            let reason = if e.kind() == std::io::ErrorKind::NotFound {
                "there is no folder here".to_string()
            } else {
                format!("the folder cannot be read: {}", describe_io(&e))
            };
            return vec![SourceFile::unreadable(folder.to_path_buf(), reason)];
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| join_as_typed(folder, &e.file_name()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && !p.is_dir())
        // Class settings may sit beside the lessons; they are not a lesson.
        .filter(|p| {
            p.file_name()
                .is_none_or(|n| n != crate::settings::FILE_NAME)
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            if text::visible(&name) != name {
                // A file name that could send escape sequences to the terminal is shown
                // inert and never read.
                return SourceFile::unreadable(
                    PathBuf::from(text::visible(&p.to_string_lossy())),
                    "the file name has control characters in it; rename the file",
                );
            }
            SourceFile::on_disk(p)
        })
        .collect()
}
