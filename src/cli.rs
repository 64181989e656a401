//! The command line: parsing arguments (clap) and the commands a teacher runs.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::i18n::{self, Messages};
use crate::lesson::{Catalog, Lesson, Origin, translation};
use crate::progress::{self, Store};
use crate::settings::{self, BuiltIn, Settings, ThemeChoice};
use crate::text::{Mode, count};
use crate::tui::theme::Theme;
use crate::{plain, t, toml_reader, tui};

#[derive(Debug, Parser)]
#[command(
    name = "mehfooz",
    version,
    about = "Lessons on staying safe online, for children, in a terminal.",
    long_about = "Lessons on staying safe online, for children, in a terminal.\n\nRun with no command to open the app. Teachers: `mehfooz check FOLDER` checks lesson files, `mehfooz list` shows the lessons."
)]
pub struct Cli {
    /// A folder of lesson files to offer beside the built-in ones (may be given more than once).
    #[arg(long = "lessons", value_name = "DIR", global = true)]
    pub lessons: Vec<PathBuf>,
    /// Where progress is saved [default: the MEHFOOZ_DATA_DIR variable, written
    /// $MEHFOOZ_DATA_DIR on Linux and macOS, %MEHFOOZ_DATA_DIR% in a Windows command
    /// prompt; else the system's data folder].
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Which region's help lines to show (for example pk or intl).
    #[arg(long, value_name = "ID", global = true)]
    pub region: Option<String>,
    /// Class settings [default: mehfooz.toml in this folder, if there is one].
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// The language of the lessons and of the app's words, like ur or ur-Latn; with
    /// --student, remembered for that child [default: the child's last choice, else
    /// `language` in the settings, else the system's language, else English].
    #[arg(long, value_name = "TAG", global = true)]
    pub lang: Option<String>,
    /// Who joins Urdu letters and puts right-to-left lines in order: `app`, for terminals
    /// that do neither (Windows Terminal, the Windows console, xterm, tmux), or
    /// `terminal`, for one that does both (Konsole, mlterm, GNOME Terminal with bidi on)
    /// [default: `text_direction` in the settings, else app].
    #[arg(long, value_enum, value_name = "WHO", global = true)]
    pub text_direction: Option<TextDirection>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check lesson files and show every problem with its line and column.
    Check {
        /// Lesson files or folders [default: the built-in lessons].
        paths: Vec<PathBuf>,
        /// `json` prints one object per problem, for editors and scripts.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write a starter lesson with one step of each kind and a note on every field, or
    /// (with --translate ID --lang TAG) a translation of a lesson to fill in.
    New {
        /// The new lesson's id: lowercase letters, digits and hyphens.
        #[arg(required_unless_present = "translate", conflicts_with = "translate")]
        id: Option<String>,
        /// Write a translation skeleton of this lesson instead, into the language --lang.
        #[arg(long, value_name = "ID", requires = "lang")]
        translate: Option<String>,
        /// The folder to write it in.
        #[arg(long, value_name = "DIR", default_value = ".")]
        dir: PathBuf,
    },
    /// Print the lesson format as JSON Schema, for editors.
    Schema,
    /// Show one lesson file as children will see it, without saving progress.
    Preview {
        /// The lesson file.
        file: PathBuf,
        /// Reload the lesson every time the file is saved.
        #[arg(long)]
        watch: bool,
    },
    /// How the class is doing: students by lessons, totals, the most missed questions.
    Report {
        /// Print CSV for a spreadsheet instead of a table.
        #[arg(long)]
        csv: bool,
        /// Only this lesson.
        #[arg(long, value_name = "ID")]
        lesson: Option<String>,
        /// Write to this file instead of the screen (never into the data folder).
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the --output file if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Clear a student's progress (all lessons, or one), keeping a backup.
    Reset {
        /// The student's name, as they typed it.
        #[arg(long)]
        student: String,
        /// Only this lesson's progress [default: every lesson's].
        #[arg(long, value_name = "ID")]
        lesson: Option<String>,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Turn a Moodle quiz (GIFT or Aiken format) into a lesson file.
    Import {
        /// The quiz file.
        file: PathBuf,
        /// The folder to write the lesson in.
        #[arg(long, value_name = "DIR", default_value = ".")]
        dir: PathBuf,
    },
    /// Send finished attempts to the school's Learning Record Store (xAPI), without names.
    /// The only command that uses the network, and only when [lrs] is set up.
    Sync {
        /// Print the statements that would be sent (one JSON object a line); send nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// List the lessons on offer.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Set or clear the teacher PIN, asked before the teacher view, report and reset.
    Pin {
        #[command(subcommand)]
        action: PinAction,
    },
    /// Take one lesson as one student.
    Play {
        /// The lesson's id (see `mehfooz list`).
        lesson: String,
        /// The student's name or nickname.
        #[arg(long)]
        student: String,
        /// Line by line on standard input and output (for screen readers and scripts).
        /// Used anyway when the output is not a terminal.
        #[arg(long)]
        plain: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PinAction {
    /// Set a PIN (read from standard input, twice), replacing the one set before.
    Set,
    /// Remove the PIN: the teacher view, report and reset are open again.
    Clear,
}

/// `--text-direction`: the flag's words for [`text::Mode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TextDirection {
    App,
    Terminal,
}

impl From<TextDirection> for Mode {
    fn from(direction: TextDirection) -> Mode {
        match direction {
            TextDirection::App => Mode::App,
            TextDirection::Terminal => Mode::Terminal,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // Without the handler, closing the window still loses nothing (every save is atomic),
    // it only may cut the last save short; so a failure here is no reason to stop.
    #[cfg(windows)]
    let _ = crate::console::stop_cleanly();
    let the_app = cli.command.is_none();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("mehfooz: {message}");
            // Started from a desktop shortcut, the window would close with the message
            // unread: the app waits for the teacher to read it.
            if the_app && io::stdin().is_terminal() && io::stderr().is_terminal() {
                eprintln!("Press Enter to close.");
                let _ = io::stdin().read_line(&mut String::new());
            }
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    // Commands about lesson files do not need the class settings to be right, so a
    // mistake in those never stops a teacher from checking or writing lessons (check
    // reports the settings' mistakes with the lessons').
    match &cli.command {
        Some(Command::Check { paths, format }) => return Ok(check(&cli, paths, *format)),
        Some(Command::New {
            id,
            translate: None,
            dir,
        }) => return new_lesson(id.as_deref().unwrap_or_default(), dir),
        Some(Command::New {
            translate: Some(source),
            dir,
            ..
        }) => return new_translation(&cli, source, dir),
        Some(Command::Schema) => {
            print!("{}", crate::lesson::schema::lesson_schema());
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Import { file, dir }) => return import(file, dir),
        _ => {}
    }
    let setup = Setup::read(&cli)?;
    match &cli.command {
        Some(
            Command::Check { .. } | Command::New { .. } | Command::Schema | Command::Import { .. },
        ) => {
            unreachable!("handled above")
        }
        Some(Command::List { json }) => list(&setup.catalog()?, *json),
        Some(Command::Sync { dry_run }) => {
            let store = open_store(setup.data_dir.as_deref(), &crate::strings::english())?;
            crate::sync::command::run(&setup.catalog()?, &store, setup.lrs.as_ref(), *dry_run)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Play {
            lesson,
            student,
            plain,
        }) => play(&setup, lesson, student, *plain),
        Some(Command::Preview { file, watch }) => preview(&setup, file, *watch),
        Some(Command::Report {
            csv,
            lesson,
            output,
            force,
        }) => report(
            &setup,
            *csv,
            lesson.as_deref(),
            output.as_deref().map(|path| (path, *force)),
        ),
        Some(Command::Reset {
            student,
            lesson,
            yes,
        }) => reset(&setup, student, lesson.as_deref(), *yes),
        Some(Command::Pin { action }) => pin_command(&setup, action),
        None => {
            // The app picks each lesson's language itself: a child may choose another.
            let catalog = setup.catalog()?;
            let m = Messages::for_language_with(&setup.language, &catalog.message_files).0;
            let store = open_store(setup.data_dir.as_deref(), &m)?;
            for problem in i18n::own_file_problems(&catalog.message_files) {
                eprintln!("{problem}");
            }
            tui::run(setup.start(&catalog, store, None, None)).map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The command line and the class settings together: a flag wins over the settings.
struct Setup {
    lessons: Vec<PathBuf>,
    data_dir: Option<PathBuf>,
    region: Option<String>,
    /// Whether the region came from `--region` (else from the settings, if anywhere).
    region_from_flag: bool,
    built_in: BuiltIn,
    theme: Theme,
    lrs: Option<settings::LrsSettings>,
    /// The settings file read and what it says, to check against the lessons loaded.
    settings: Option<(PathBuf, Settings)>,
    /// The language lessons are shown in (`en` when English).
    language: String,
    /// Who puts right-to-left text in display order in the app.
    text_direction: Mode,
    /// The language `--lang` asked for, which a child's remembered one does not override.
    lang_flag: Option<String>,
}

/// The settings file to read: `--config`, else `mehfooz.toml` here if there is one.
fn settings_path(cli: &Cli) -> Option<PathBuf> {
    match &cli.config {
        Some(path) => Some(path.clone()),
        None => Some(PathBuf::from(settings::FILE_NAME)).filter(|p| p.is_file()),
    }
}

/// What a settings file says (none when it cannot be used) and every problem in it.
type Parsed = (Option<Settings>, Vec<crate::diagnostic::Diagnostic>);

/// The settings file read with `parse`: `settings::parse_settings` to run a class,
/// `settings::parse_settings_partly` to check it.
fn read_settings(path: &Path, parse: fn(&Path, &str) -> Parsed) -> Result<Parsed, String> {
    let text = toml_reader::read_text(path)
        .map_err(|e| format!("cannot read the settings file {}: {e}", path.display()))?;
    Ok(parse(path, &text))
}

impl Setup {
    fn read(cli: &Cli) -> Result<Setup, String> {
        let settings = match settings_path(cli) {
            None => None,
            Some(path) => {
                let (settings, diagnostics) = read_settings(&path, settings::parse_settings)?;
                for d in &diagnostics {
                    eprintln!("{d}\n");
                }
                let settings = settings.ok_or_else(|| {
                    format!(
                        "the settings file {} has mistakes (shown above)",
                        path.display()
                    )
                })?;
                Some((path, settings))
            }
        };
        let given = settings
            .as_ref()
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        let mut lessons = given.lessons;
        lessons.extend(cli.lessons.iter().cloned());
        let colour = match given.theme {
            ThemeChoice::Colour => Theme::from_env(),
            ThemeChoice::Plain => Theme::monochrome().for_locale(),
        };
        Ok(Setup {
            lessons,
            data_dir: cli.data_dir.clone().or(given.data_dir),
            region_from_flag: cli.region.is_some(),
            region: cli.region.clone().or(given.region),
            built_in: given.built_in,
            theme: colour,
            lrs: given.lrs,
            language: translation::choose_language(
                cli.lang.as_deref(),
                given.language.as_deref(),
                std::env::var("LC_ALL").ok().as_deref(),
                std::env::var("LANG").ok().as_deref(),
            ),
            text_direction: cli.text_direction.map_or(given.text_direction, Mode::from),
            lang_flag: cli.lang.clone(),
            settings,
        })
    }

    /// The lessons on offer: the built-in ones the settings allow, then the folders'.
    /// Fails, saying every reason at once, when the settings or `--region` name what is
    /// not there (a region, a built-in lesson, a lessons folder).
    fn catalog(&self) -> Result<Catalog, String> {
        let mut catalog = Catalog::load(&self.lessons, self.built_in != BuiltIn::None);
        if let Some((path, settings)) = &self.settings {
            let built_in_ids = Catalog::built_in_ids();
            let ids: Vec<&str> = built_in_ids.iter().map(String::as_str).collect();
            let mut settings = settings.clone();
            if self.region_from_flag {
                settings.region = None;
            }
            let problems = settings::cross_check(&settings, &ids, catalog.help.as_ref());
            if !problems.is_empty() {
                for d in &problems {
                    eprintln!("{d}\n");
                }
                return Err(format!(
                    "the settings file {} has mistakes (shown above)",
                    path.display()
                ));
            }
        }
        if self.region_from_flag
            && let (Some(region), Some(help)) = (&self.region, &catalog.help)
            && let Some(problem) = settings::unknown_region(region, help)
        {
            return Err(format!("--region: {problem}"));
        }
        if let BuiltIn::Only(ids) = &self.built_in {
            catalog
                .lessons
                .retain(|e| e.origin != Origin::BuiltIn || ids.contains(&e.lesson.id));
        }
        Ok(catalog)
    }

    fn start<'c>(
        &self,
        catalog: &'c Catalog,
        store: Store,
        student: Option<String>,
        lesson: Option<String>,
    ) -> tui::Start<'c> {
        let teacher_pin = crate::pin::load(store.dir()).unwrap_or_else(|e| {
            // An unreadable PIN file must not open the teacher view to anyone.
            eprintln!("mehfooz: {e}");
            Some(String::new())
        });
        tui::Start {
            catalog,
            teacher_pin,
            store,
            region: self.region.clone(),
            student,
            lesson,
            check_hint: check_hint(&self.lessons),
            theme: self.theme,
            language: self.language.clone(),
            language_fixed: self.lang_flag.is_some(),
            text_direction: self.text_direction,
        }
    }
}

/// Overrides how long a save waits for another copy of the app (in seconds), for tests.
const LOCK_WAIT_VAR: &str = "MEHFOOZ_LOCK_WAIT_SECONDS";

/// The data folder's store; a save that waits for another copy says so on stderr. Why
/// the folder cannot be used is said in `m`'s language: a child may be the one reading.
fn open_store(given: Option<&Path>, m: &Messages) -> Result<Store, String> {
    let dir = Store::default_dir(given);
    let store = Store::open(&dir).map_err(|e| {
        let why = crate::strings::store_error(m, &e);
        match e {
            progress::StoreError::Io { .. } => t!(m, "store-cannot-use-folder", why = why),
            _ => why,
        }
    })?;
    let limit = std::env::var(LOCK_WAIT_VAR)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map_or(progress::LOCK_WAIT, std::time::Duration::from_secs);
    Ok(store.with_lock_wait(limit).on_wait(|waiting| {
        plain::tell_waiting(waiting);
        progress::Wait::KeepWaiting
    }))
}

/// The command that shows the problems in the lessons loaded.
fn check_hint(folders: &[PathBuf]) -> String {
    let mut command = "mehfooz check".to_string();
    for folder in folders {
        command.push(' ');
        command.push_str(&folder.display().to_string());
    }
    command
}

fn check(cli: &Cli, paths: &[PathBuf], format: Format) -> ExitCode {
    // The class settings are checked with the lessons; with no paths, the lessons checked
    // are those the settings name (else the built-in ones), like every other command.
    let mut settings_problems = Vec::new();
    let mut settings = None;
    let mut settings_files = 0;
    if let Some(path) = settings_path(cli) {
        // Named among the paths too, it is checked (and counted) with them.
        let same = |p: &PathBuf| fs::canonicalize(p).ok() == fs::canonicalize(&path).ok();
        let named = paths.iter().any(same);
        settings_files = usize::from(!named);
        // Read as far as it goes, so that one mistake does not hide the others.
        match read_settings(&path, settings::parse_settings_partly) {
            Ok((read, diagnostics)) => {
                if !named {
                    settings_problems = diagnostics;
                }
                settings = read;
            }
            Err(reason) => {
                settings_problems.push(crate::diagnostic::Diagnostic::file_error(&path, reason))
            }
        }
    }
    let folders: Vec<PathBuf> = settings
        .as_ref()
        .map(|s| s.lessons.iter().filter(|f| f.is_dir()).cloned().collect())
        .unwrap_or_default();
    let named_folders = settings.as_ref().is_some_and(|s| !s.lessons.is_empty());
    let mut catalog = if !paths.is_empty() {
        Catalog::check(paths)
    } else if named_folders {
        Catalog::check(&folders)
    } else {
        Catalog::built_in()
    };
    if let Some(settings) = &settings {
        let built_in_ids = Catalog::built_in_ids();
        let ids: Vec<&str> = built_in_ids.iter().map(String::as_str).collect();
        let help = catalog.help.clone().or_else(|| Catalog::built_in().help);
        settings_problems.extend(settings::cross_check(settings, &ids, help.as_ref()));
    }
    catalog.files_read += settings_files;
    settings_problems.append(&mut catalog.diagnostics);
    catalog.diagnostics = settings_problems;
    let mut out = io::stdout().lock();
    match format {
        Format::Json => {
            let text = serde_json::to_string_pretty(&catalog.diagnostics)
                .expect("diagnostics always serialize");
            let _ = writeln!(out, "{text}");
        }
        Format::Text => {
            for d in &catalog.diagnostics {
                let _ = writeln!(out, "{d}\n");
            }
            let (errors, warnings) = (catalog.error_count(), catalog.warning_count());
            // Which files to open, said last, where the eye lands after many warnings.
            let mut with_errors: Vec<String> = Vec::new();
            for d in catalog.diagnostics.iter().filter(|d| d.is_error()) {
                let file = d.path.display().to_string();
                if !with_errors.contains(&file) {
                    with_errors.push(file);
                }
            }
            let in_files = match with_errors.len() {
                0 => String::new(),
                1..=5 => format!(" Errors in: {}.", with_errors.join(", ")),
                n => format!(
                    " Errors in: {} and {} more {}.",
                    with_errors[..5].join(", "),
                    n - 5,
                    if n - 5 == 1 { "file" } else { "files" }
                ),
            };
            let _ = writeln!(
                out,
                "Checked {}: {}, {}.{in_files}",
                count(catalog.files_read, "file"),
                count(errors, "error"),
                count(warnings, "warning")
            );
        }
    }
    if catalog.error_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[derive(Serialize)]
struct ListedLesson<'a> {
    id: &'a str,
    title: &'a str,
    ages: [u32; 2],
    minutes: u32,
    questions: usize,
    file: String,
    built_in: bool,
    replaces_built_in: bool,
    /// The languages it is translated into, with each one's review status.
    languages: Vec<ListedLanguage<'a>>,
}

#[derive(Serialize)]
struct ListedLanguage<'a> {
    #[serde(flatten)]
    info: &'a translation::TranslationInfo,
    file: String,
}

fn list(catalog: &Catalog, json: bool) -> Result<ExitCode, String> {
    let rows: Vec<ListedLesson> = catalog
        .lessons
        .iter()
        .map(|e| ListedLesson {
            id: &e.lesson.id,
            title: &e.lesson.title,
            ages: [e.lesson.ages.min, e.lesson.ages.max],
            minutes: e.lesson.minutes,
            questions: e.lesson.question_count(),
            file: e.path.display().to_string(),
            built_in: e.origin == Origin::BuiltIn,
            replaces_built_in: e.origin
                == (Origin::Folder {
                    replaces_built_in: true,
                }),
            languages: e
                .translations
                .values()
                .map(|t| ListedLanguage {
                    info: &t.info,
                    file: t.path.display().to_string(),
                })
                .collect(),
        })
        .collect();
    let mut out = io::stdout().lock();
    if json {
        let text = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
        let _ = writeln!(out, "{text}");
    } else {
        // A table wider than the window wraps into a jumble (a school's console is often
        // 80 columns): then each lesson gets a few short lines of its own.
        let table = lesson_table(&rows);
        let widest = table.lines().map(crate::text::width).max().unwrap_or(0);
        let text = match window_columns().is_some_and(|columns| widest > columns) {
            true => lesson_blocks(&rows),
            false => table,
        };
        let _ = write!(out, "{text}");
    }
    report_broken(catalog);
    Ok(ExitCode::SUCCESS)
}

/// The lessons as a table, a row each, in columns.
fn lesson_table(rows: &[ListedLesson]) -> String {
    use std::fmt::Write as _;
    let id_width = rows.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let title_width = rows
        .iter()
        .map(|r| crate::text::width(r.title))
        .max()
        .unwrap_or(5)
        .max(5);
    let file_width = rows.iter().map(|r| r.file.len()).max().unwrap_or(4).max(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:id_width$}  {:title_width$}  {:5}  {:>7}  {:>9}  {:file_width$}  LANGUAGES",
        "ID", "TITLE", "AGES", "MINUTES", "QUESTIONS", "FILE"
    );
    for r in rows {
        let note = if r.replaces_built_in {
            "  (replaces the built-in lesson)"
        } else {
            ""
        };
        let languages = match translations_of(r) {
            languages if languages.is_empty() => String::new(),
            languages => format!("  {languages}"),
        };
        let _ = writeln!(
            out,
            "{:id_width$}  {}  {:5}  {:>7}  {:>9}  {:file_width$}{note}{languages}",
            r.id,
            crate::text::fit(r.title, title_width),
            format!("{}-{}", r.ages[0], r.ages[1]),
            r.minutes,
            r.questions,
            r.file
        );
    }
    out
}

/// The lessons for a narrow window: each on a few short lines.
fn lesson_blocks(rows: &[ListedLesson]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for r in rows {
        let note = if r.replaces_built_in {
            " (replaces the built-in lesson)"
        } else {
            ""
        };
        let _ = writeln!(out, "{}: {}", r.id, r.title);
        let _ = writeln!(
            out,
            "    ages {}-{}, {} minutes, {} questions: {}{note}",
            r.ages[0], r.ages[1], r.minutes, r.questions, r.file
        );
        let languages = translations_of(r);
        if !languages.is_empty() {
            let _ = writeln!(out, "    also in: {languages}");
        }
    }
    out
}

/// A lesson's translations, each with its review status, in a line.
fn translations_of(row: &ListedLesson) -> String {
    let languages: Vec<String> = row.languages.iter().map(|l| l.info.describe()).collect();
    languages.join(", ")
}

/// Tells on standard error how many files were left out, and how to see why.
fn report_broken(catalog: &Catalog) {
    if let Some(note) = catalog.broken_note() {
        eprintln!("{note}; run `mehfooz check` on the folder to see why.");
    }
}

fn play(
    setup: &Setup,
    lesson_id: &str,
    student: &str,
    plain_mode: bool,
) -> Result<ExitCode, String> {
    let mut catalog = setup.catalog()?;
    report_broken(&catalog);
    // Before the child is known: in the class's language.
    let class_words = Messages::for_language_with(&setup.language, &catalog.message_files).0;
    let store = open_store(setup.data_dir.as_deref(), &class_words)?;
    let name = known_name(&store, student);
    let language = if name.is_empty() {
        setup.language.clone()
    } else {
        student_language(setup, &store, &name)?
    };
    catalog.use_language(&language);
    let (m, problems) = Messages::for_language_with(&language, &catalog.message_files);
    for problem in problems {
        eprintln!("{problem}");
    }
    // A save that waits for another copy says so in the child's language too.
    let m = std::rc::Rc::new(m);
    crate::strings::speak(std::rc::Rc::clone(&m));
    let entry = catalog.get(lesson_id).ok_or_else(|| {
        // "grooming" names no lesson, but two ids contain it: say which.
        let near: Vec<&str> = catalog
            .lessons
            .iter()
            .map(|e| e.lesson.id.as_str())
            .filter(|id| id.contains(lesson_id) || strsim::jaro_winkler(id, lesson_id) > 0.85)
            .collect();
        let mut said = t!(m, "play-no-such-lesson", id = lesson_id);
        if !near.is_empty() {
            said.push(' ');
            said.push_str(&t!(
                m,
                "play-did-you-mean",
                count = near.len(),
                ids = near.join(", ")
            ));
        }
        said
    })?;
    if name.is_empty() {
        return Err(m.text("play-empty-name"));
    }
    if plain_mode || !io::stdout().is_terminal() || tui::is_dumb_terminal() {
        let played = plain::play(
            &m,
            &entry.lesson,
            &catalog.glossary_for(&entry.lesson),
            &name,
            &store,
            &mut io::stdin().lock(),
            &mut io::stdout().lock(),
        );
        match played {
            Err(e) if !e.is_broken_pipe() => return Err(e.said_in(&m)),
            _ => return Ok(ExitCode::SUCCESS),
        }
    }
    let start = setup.start(&catalog, store, Some(name), Some(lesson_id.to_string()));
    tui::run(start).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// The language to show a child: `--lang` (remembered for them from now on), else the
/// one they chose last time, else the class's or the system's.
fn student_language(setup: &Setup, store: &Store, name: &str) -> Result<String, String> {
    match &setup.lang_flag {
        Some(tag) if translation::is_language_tag(tag) => {
            let loaded = store.set_language(name, tag).map_err(|e| {
                let m = Messages::for_language(tag);
                t!(
                    m,
                    "progress-not-saved",
                    why = crate::strings::store_error(&m, &e)
                )
            })?;
            // The lesson's own load finds the new file, so the child hears of the old
            // one here.
            if let Some(aside) = &loaded.set_aside {
                let m = Messages::for_language(tag);
                println!("{}", crate::strings::set_aside(&m, aside));
            }
            Ok(tag.clone())
        }
        Some(tag) => Ok(tag.clone()),
        None => Ok(store
            .remembered_language(name)
            .unwrap_or_else(|| setup.language.clone())),
    }
}

fn new_lesson(id: &str, dir: &Path) -> Result<ExitCode, String> {
    let good = crate::lesson::is_valid_id(id);
    if !good {
        return Err(format!(
            "\"{id}\" cannot be a lesson id: use lowercase letters a-z, digits and hyphens, like online-friends"
        ));
    }
    if let Some(file) = crate::lesson::reserved_file(id) {
        return Err(format!(
            "\"{id}\" cannot be a lesson id: {file} is the name of the {}; choose another id",
            if file == settings::FILE_NAME {
                "class settings file"
            } else {
                "help lines file"
            }
        ));
    }
    if Catalog::built_in_ids().iter().any(|b| b == id) {
        return Err(format!(
            "\"{id}\" is the id of a built-in lesson, which a lesson with this id would replace; choose another id (to change the built-in lesson, copy lessons/{id}.toml from the source instead)"
        ));
    }
    let title = id.replace('-', " ");
    let title = title[..1].to_uppercase() + &title[1..];
    let text = STARTER.replace("{ID}", id).replace("{TITLE}", &title);
    let (path, schema) = write_lesson(dir, id, &text, "choose another id or folder")?;
    println!(
        "Wrote {} (and {} for your editor).",
        path.display(),
        schema.display()
    );
    println!(
        "Next: edit it, then run `mehfooz check {}`.",
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

const STARTER: &str = include_str!("starter-lesson.toml");

/// Writes `DIR/ID.toml`, never over a file that exists (`otherwise` says what to do
/// then), and the schema beside it, which lets editors complete and check fields as the
/// teacher types. Returns both paths.
fn write_lesson(
    dir: &Path,
    id: &str,
    text: &str,
    otherwise: &str,
) -> Result<(PathBuf, PathBuf), String> {
    fs::create_dir_all(dir)
        .map_err(|e| format!("cannot make the folder {}: {e}", dir.display()))?;
    let path = crate::lesson::join_as_typed(dir, format!("{id}.toml").as_ref());
    if path.exists() {
        return Err(format!("{} already exists; {otherwise}", path.display()));
    }
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let schema = crate::lesson::join_as_typed(dir, "lesson.schema.json".as_ref());
    fs::write(&schema, crate::lesson::schema::lesson_schema())
        .map_err(|e| format!("cannot write {}: {e}", schema.display()))?;
    Ok((path, schema))
}

/// `new --translate ID --lang TAG`: the lesson's source with the English beside every text
/// field, marked a draft, written as `DIR/ID.toml` ready to translate.
fn new_translation(cli: &Cli, id: &str, dir: &Path) -> Result<ExitCode, String> {
    let lang = cli.lang.as_deref().unwrap_or_default();
    if !translation::is_language_tag(lang) {
        return Err(format!(
            "--lang \"{lang}\" is not a language tag; use one like ur, ur-Latn or sd"
        ));
    }
    if lang.eq_ignore_ascii_case("en") {
        return Err("English is the language lessons are written in; choose another --lang".into());
    }
    // The source is looked for wherever the app would load it from: built in, the
    // settings' folders, then --lessons. Settings with mistakes only lose their folders
    // here, since writing a translation does not need them.
    let mut folders = Vec::new();
    let mut unread = None;
    if let Some(path) = settings_path(cli) {
        match read_settings(&path, settings::parse_settings) {
            Ok((Some(settings), _)) => folders.extend(settings.lessons),
            Ok((None, _)) => {
                unread = Some(format!(
                    " ({} has mistakes, so its lessons folders were not read: `mehfooz check` shows them)",
                    path.display()
                ));
            }
            Err(e) => unread = Some(format!(" ({e})")),
        }
    }
    folders.extend(cli.lessons.iter().cloned());
    let catalog = Catalog::load(&folders, true);
    let (source_path, source) = catalog.source_text(id).ok_or_else(|| {
        let places: Vec<String> = std::iter::once("the built-in lessons".to_string())
            .chain(folders.iter().map(|f| f.display().to_string()))
            .collect();
        format!(
            "there is no lesson with the id \"{id}\" to translate: looked in {}{}; `mehfooz list` shows the ids",
            places.join(", "),
            unread.unwrap_or_default()
        )
    })?;
    let text = translation::skeleton(source, lang)
        .map_err(|e| format!("{} cannot be read: {e}", source_path.display()))?;
    let (path, schema) = write_lesson(
        dir,
        id,
        &text,
        "choose another folder (a teacher's folder may hold each language in a folder of its own)",
    )?;
    println!(
        "Wrote {} from {} (and {} for your editor).",
        path.display(),
        source_path.display(),
        schema.display()
    );
    println!(
        "Next: write each text in {lang} over the English (the English stays above it as a comment), then run `mehfooz check {}`.",
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn preview(setup: &Setup, file: &Path, watch: bool) -> Result<ExitCode, String> {
    if !io::stdout().is_terminal() {
        return Err("preview needs a terminal; use `mehfooz check` in scripts".into());
    }
    // The region and the settings are checked as for every other command.
    setup.catalog()?;
    tui::preview(
        file,
        watch,
        setup.theme,
        setup.region.clone(),
        setup.text_direction,
    )
    .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// `output` is the file to write and whether it may be replaced.
fn report(
    setup: &Setup,
    csv: bool,
    lesson: Option<&str>,
    output: Option<(&Path, bool)>,
) -> Result<ExitCode, String> {
    ask_pin(setup, "nothing was shown")?;
    let catalog = setup.catalog()?;
    let lessons: Vec<&Lesson> = match lesson {
        Some(id) => vec![
            &catalog
                .get(id)
                .ok_or_else(|| {
                    format!("there is no lesson with the id \"{id}\"; `mehfooz list` shows the ids")
                })?
                .lesson,
        ],
        None => catalog.lessons.iter().map(|e| &e.lesson).collect(),
    };
    let dir = Store::default_dir(setup.data_dir.as_deref());
    if !dir.is_dir() {
        return Err(format!(
            "there is no data folder at {} yet: no student has started",
            dir.display()
        ));
    }
    if let Some((path, force)) = output {
        check_report_file(path, &dir, force)?;
    }
    let store = open_store(Some(&dir), &crate::strings::english())?;
    let (students, unreadable) = store.students();
    for (path, reason) in &unreadable {
        eprintln!(
            "mehfooz: skipped {}: it cannot be read ({reason})",
            path.display()
        );
    }
    // A file set aside holds a student's earlier answers, which this report cannot count.
    for path in store.set_aside_files() {
        eprintln!(
            "mehfooz: not counted: {}: a progress file that could not be read, set aside \
             when its student came back; their answers before then are in it, not here",
            path.display()
        );
    }
    let report = crate::report::class_report(&lessons, &students);
    // In a window, the lesson columns go in blocks that fit it; a file takes any width.
    let columns = window_columns().filter(|_| output.is_none());
    let text = if csv {
        report.to_csv()
    } else {
        format!(
            "Class report: {}, {} (data folder {})\n\n{}",
            count(students.len(), "student"),
            count(lessons.len(), "lesson"),
            dir.display(),
            report.to_table_within(columns)
        )
    };
    match output {
        Some((path, _)) => {
            fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            eprintln!("Wrote the report to {}.", path.display());
        }
        None => {
            print!("{text}");
            let widest = text.lines().map(crate::text::width).max().unwrap_or(0);
            // Only a name or a lesson title longer than the window is left wider.
            if let Some(columns) = columns.filter(|&c| !csv && widest > c) {
                eprintln!(
                    "mehfooz: some lines are {widest} columns wide and the window {columns}: \
                     make the window wider, or write it for a spreadsheet with \
                     `--csv --output report.csv`"
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// How many columns the output may take: `COLUMNS` when it is set (as `ls` reads it),
/// else the width of the terminal it goes to. `None` for a pipe or a file, which take
/// lines of any length.
fn window_columns() -> Option<usize> {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
    {
        return Some(columns);
    }
    if !io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(columns, _)| columns as usize)
        .filter(|&c| c > 0)
}

/// Refuses a report file inside the data folder (it could replace a student's progress)
/// and, without `--force`, one that exists.
fn check_report_file(path: &Path, data_dir: &Path, force: bool) -> Result<(), String> {
    // The folder the file would go in, resolved through links and `..`; it exists, or
    // writing fails anyway with its own message.
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let inside = |data: &Path| {
        parent.canonicalize().is_ok_and(|p| p.starts_with(data))
            || path.canonicalize().is_ok_and(|p| p.starts_with(data))
    };
    if data_dir.canonicalize().is_ok_and(|data| inside(&data)) {
        return Err(format!(
            "will not write the report to {}: it is inside the data folder {}, where students' progress is kept. Choose a file somewhere else.",
            path.display(),
            data_dir.display()
        ));
    }
    if path.exists() && !force {
        return Err(format!(
            "{} already exists; add --force to replace it, or choose another file name",
            path.display()
        ));
    }
    Ok(())
}

/// One line typed after `prompt` (on standard error, so a report's output stays clean).
/// At a terminal each letter shows as `*`, so a PIN is not read over the teacher's
/// shoulder or left on the screen for the class.
fn read_secret(prompt: &str) -> Result<String, String> {
    eprint!("{prompt}");
    let _ = io::stderr().flush();
    if io::stdin().is_terminal() {
        use ratatui::crossterm::terminal;
        terminal::enable_raw_mode().map_err(|e| e.to_string())?;
        let typed = read_hidden();
        let _ = terminal::disable_raw_mode();
        eprintln!();
        return match typed {
            Ok(Some(typed)) => Ok(typed.trim().to_string()),
            Ok(None) => Err("stopped before the PIN was typed: nothing was changed".into()),
            Err(e) => Err(e.to_string()),
        };
    }
    let mut line = String::new();
    io::stdin()
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    Ok(line.trim().to_string())
}

/// Letters typed in raw mode up to Enter, a `*` shown for each; `None` for Esc or Ctrl-C.
fn read_hidden() -> io::Result<Option<String>> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    let mut typed = String::new();
    loop {
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        match key.code {
            KeyCode::Enter => return Ok(Some(typed)),
            KeyCode::Esc => return Ok(None),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return Ok(None);
            }
            KeyCode::Backspace if typed.pop().is_some() => eprint!("\u{8} \u{8}"),
            KeyCode::Char(c) => {
                typed.push(c);
                eprint!("*");
            }
            _ => {}
        }
        io::stderr().flush()?;
    }
}

/// When the data folder has a teacher PIN, asks for it; a wrong one stops the command.
fn ask_pin(setup: &Setup, otherwise: &str) -> Result<(), String> {
    let dir = Store::default_dir(setup.data_dir.as_deref());
    let Some(hash) = crate::pin::load(&dir)? else {
        return Ok(());
    };
    let typed = read_secret("Teacher PIN: ")?;
    if crate::pin::verify(&hash, &typed) {
        Ok(())
    } else {
        Err(format!("that is not the teacher PIN, so {otherwise}"))
    }
}

fn pin_command(setup: &Setup, action: &PinAction) -> Result<ExitCode, String> {
    let store = open_store(setup.data_dir.as_deref(), &crate::strings::english())?;
    let dir = store.dir();
    match action {
        PinAction::Set => {
            ask_pin(setup, "the PIN was not changed")?;
            let pin = read_secret("New teacher PIN: ")?;
            if let Some(problem) = crate::pin::too_short(&pin) {
                return Err(problem);
            }
            if read_secret("The same PIN again: ")? != pin {
                return Err("the two PINs differ; the PIN was not changed".into());
            }
            crate::pin::set(dir, &pin)?;
            println!(
                "The teacher PIN is set. It is asked before the teacher view, report and reset."
            );
        }
        PinAction::Clear => {
            ask_pin(setup, "the PIN was not cleared")?;
            if crate::pin::clear(dir)? {
                println!("The teacher PIN is cleared.");
            } else {
                println!("There was no teacher PIN to clear.");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The name of the student in the data folder that `typed` means (see
/// `progress::same_name`), or `typed` tidied if there is none.
fn known_name(store: &progress::Store, typed: &str) -> String {
    let tidy = progress::tidy_name(typed);
    store
        .students()
        .0
        .into_iter()
        .map(|s| s.name)
        .find(|known| progress::same_name(known, &tidy))
        .unwrap_or(tidy)
}

fn reset(
    setup: &Setup,
    student: &str,
    lesson: Option<&str>,
    yes: bool,
) -> Result<ExitCode, String> {
    let store = open_store(setup.data_dir.as_deref(), &crate::strings::english())?;
    ask_pin(setup, "nothing was changed")?;
    // A misspelt name or lesson is said so before anything is asked or touched.
    let (students, _) = store.students();
    let tidy = progress::tidy_name(student);
    let Some(found) = students
        .iter()
        .find(|s| progress::same_name(&s.name, &tidy))
    else {
        let names: Vec<&str> = students.iter().map(|s| s.name.as_str()).collect();
        let hint = match crate::diagnostic::suggest(&tidy, &names) {
            Some(close) => format!("did you mean \"{close}\"?"),
            None => "`mehfooz report` lists the class.".to_string(),
        };
        return Err(format!(
            "no student is called \"{tidy}\" in {}; {hint} Nothing was changed",
            store.dir().display()
        ));
    };
    let name = found.name.clone();
    if let Some(id) = lesson
        && !found.lessons.contains_key(id)
    {
        let taken: Vec<&str> = found.lessons.keys().map(String::as_str).collect();
        let hint = match crate::diagnostic::suggest(id, &taken) {
            Some(close) => format!("did you mean \"{close}\"?"),
            None if taken.is_empty() => "they have not started a lesson yet.".to_string(),
            None => format!("their lessons are: {}.", taken.join(", ")),
        };
        return Err(format!(
            "{name} has no progress in a lesson \"{id}\"; {hint} Nothing was changed"
        ));
    }
    let what = match lesson {
        Some(id) => format!("{name}'s progress in \"{id}\""),
        None => format!("all of {name}'s progress"),
    };
    if !yes {
        print!("This clears {what}. A backup is kept. Type yes to go on: ");
        let _ = io::stdout().flush();
        let mut answer = String::new();
        io::stdin()
            .read_line(&mut answer)
            .map_err(|e| e.to_string())?;
        if !answer.trim().eq_ignore_ascii_case("yes") {
            println!("Nothing was changed: only the whole word yes clears it.");
            return Ok(ExitCode::from(1));
        }
    }
    match store.reset(&name, lesson).map_err(|e| e.to_string())? {
        Some(backup) => println!(
            "Cleared {what}. The old file is kept as {}.",
            backup.display()
        ),
        None => println!("There was nothing to clear: no progress saved for {what}."),
    }
    Ok(ExitCode::SUCCESS)
}

fn import(file: &Path, dir: &Path) -> Result<ExitCode, String> {
    // The same limits as a lesson file, checked before reading: a quiz bigger than a
    // lesson file could hold, a device or a pipe is refused, never read to the end.
    let text =
        toml_reader::read_text(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    // "Week 3 quiz.gift.txt" becomes the id "week-3-quiz" and the title "Week 3 quiz".
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.split('.').next().unwrap_or_default().trim();
    let id: String = stem
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    // A lesson named like the settings or help-lines file would be read as one.
    let id = if id.is_empty() {
        "imported-quiz".to_string()
    } else if crate::lesson::reserved_file(&id).is_some() {
        format!("{id}-quiz")
    } else {
        id
    };
    let title = stem.replace(['-', '_'], " ");
    let title = if title.is_empty() {
        "Imported quiz".to_string()
    } else {
        title
    };
    let format = crate::import::detect(&text);
    let imported = crate::import::import(&text, format, &id, &title).map_err(|e| e.to_string())?;
    for skipped in &imported.skipped {
        eprintln!(
            "{}:{}: skipped: {}",
            file.display(),
            skipped.line,
            skipped.reason
        );
    }
    for note in &imported.notes {
        eprintln!("{}:{}: note: {}", file.display(), note.line, note.reason);
    }
    fs::create_dir_all(dir)
        .map_err(|e| format!("cannot make the folder {}: {e}", dir.display()))?;
    let path = crate::lesson::join_as_typed(dir, format!("{id}.toml").as_ref());
    if path.exists() {
        return Err(format!(
            "{} already exists; move it or choose another --dir",
            path.display()
        ));
    }
    fs::write(&path, &imported.toml)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    // The lesson's first line names this file, so editors complete and check fields.
    let schema = dir.join(crate::import::SCHEMA_FILE);
    fs::write(&schema, crate::lesson::schema::lesson_schema())
        .map_err(|e| format!("cannot write {}: {e}", schema.display()))?;
    println!(
        "Wrote {} with {} ({} skipped). Check it with `mehfooz check {}`.",
        path.display(),
        count(imported.questions, "question"),
        imported.skipped.len(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
