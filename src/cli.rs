//! The command line: parsing arguments (clap) and the commands a teacher runs.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::lesson::{Catalog, Lesson, Origin};
use crate::progress::{self, Store};
use crate::settings::{self, BuiltIn, Settings, ThemeChoice};
use crate::tui::theme::Theme;
use crate::{plain, tui};

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
    /// Write a starter lesson with one step of each kind and a note on every field.
    New {
        /// The new lesson's id: lowercase letters, digits and hyphens.
        id: String,
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
        /// Write to this file instead of the screen.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Clear a student's progress (all lessons, or one), keeping a backup.
    Reset {
        #[arg(long)]
        student: String,
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
    /// List the lessons on offer.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
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
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("mehfooz: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    // Commands about lesson files alone do not need the class settings, so a mistake in
    // those never stops a teacher from checking or writing lessons.
    match &cli.command {
        Some(Command::Check { paths, format }) => return Ok(check(paths, *format)),
        Some(Command::New { id, dir }) => return new_lesson(id, dir),
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
        Some(Command::List { json }) => list(&setup.catalog(), *json),
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
        }) => report(&setup, *csv, lesson.as_deref(), output.as_deref()),
        Some(Command::Reset {
            student,
            lesson,
            yes,
        }) => reset(&setup, student, lesson.as_deref(), *yes),
        None => {
            let catalog = setup.catalog();
            let store = open_store(setup.data_dir.as_deref())?;
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
    built_in: BuiltIn,
    theme: Theme,
}

impl Setup {
    fn read(cli: &Cli) -> Result<Setup, String> {
        let path = match &cli.config {
            Some(path) => Some(path.clone()),
            None => Some(PathBuf::from(settings::FILE_NAME)).filter(|p| p.is_file()),
        };
        let settings = match path {
            None => Settings::default(),
            Some(path) => {
                let text = fs::read_to_string(&path).map_err(|e| {
                    format!("cannot read the settings file {}: {e}", path.display())
                })?;
                let (settings, diagnostics) = settings::parse_settings(&path, &text);
                for d in &diagnostics {
                    eprintln!("{d}\n");
                }
                settings.ok_or_else(|| {
                    format!(
                        "the settings file {} has mistakes (shown above)",
                        path.display()
                    )
                })?
            }
        };
        let mut lessons = settings.lessons;
        lessons.extend(cli.lessons.iter().cloned());
        let colour = match settings.theme {
            ThemeChoice::Colour => Theme::from_env(),
            ThemeChoice::Plain => Theme::monochrome(),
        };
        Ok(Setup {
            lessons,
            data_dir: cli.data_dir.clone().or(settings.data_dir),
            region: cli.region.clone().or(settings.region),
            built_in: settings.built_in,
            theme: colour,
        })
    }

    /// The lessons on offer: the built-in ones the settings allow, then the folders'.
    fn catalog(&self) -> Catalog {
        let mut catalog = Catalog::load(&self.lessons, self.built_in != BuiltIn::None);
        if let BuiltIn::Only(ids) = &self.built_in {
            for id in ids {
                if !catalog.lessons.iter().any(|e| &e.lesson.id == id) {
                    eprintln!(
                        "mehfooz: the settings name a built-in lesson \"{id}\" that does not exist"
                    );
                }
            }
            catalog
                .lessons
                .retain(|e| e.origin != Origin::BuiltIn || ids.contains(&e.lesson.id));
        }
        catalog
    }

    fn start<'c>(
        &self,
        catalog: &'c Catalog,
        store: Store,
        student: Option<String>,
        lesson: Option<String>,
    ) -> tui::Start<'c> {
        tui::Start {
            catalog,
            store,
            region: self.region.clone(),
            student,
            lesson,
            check_hint: check_hint(&self.lessons),
            theme: self.theme,
        }
    }
}

fn open_store(given: Option<&Path>) -> Result<Store, String> {
    let dir = Store::default_dir(given);
    Store::open(&dir).map_err(|e| format!("cannot use the data folder: {e}"))
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

fn check(paths: &[PathBuf], format: Format) -> ExitCode {
    let catalog = if paths.is_empty() {
        Catalog::built_in()
    } else {
        Catalog::check(paths)
    };
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
            let _ = writeln!(
                out,
                "Checked {}: {}, {}.",
                plural(catalog.files_read, "file"),
                plural(errors, "error"),
                plural(warnings, "warning")
            );
        }
    }
    if catalog.error_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
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
        })
        .collect();
    let mut out = io::stdout().lock();
    if json {
        let text = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
        let _ = writeln!(out, "{text}");
    } else {
        let id_width = rows.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
        let title_width = rows
            .iter()
            .map(|r| crate::text::width(r.title))
            .max()
            .unwrap_or(5)
            .max(5);
        let _ = writeln!(
            out,
            "{:id_width$}  {:title_width$}  {:5}  {:>7}  {:>9}  FILE",
            "ID", "TITLE", "AGES", "MINUTES", "QUESTIONS"
        );
        for r in &rows {
            let note = if r.replaces_built_in {
                "  (replaces the built-in lesson)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{:id_width$}  {}  {:5}  {:>7}  {:>9}  {}{note}",
                r.id,
                crate::text::fit(r.title, title_width),
                format!("{}-{}", r.ages[0], r.ages[1]),
                r.minutes,
                r.questions,
                r.file
            );
        }
    }
    report_broken(catalog);
    Ok(ExitCode::SUCCESS)
}

/// Tells on standard error how many files were left out, and how to see why.
fn report_broken(catalog: &Catalog) {
    let broken = catalog.broken_files.len();
    if broken > 0 {
        eprintln!(
            "{broken} lesson file{} could not be loaded; run `mehfooz check` on the folder to see why.",
            if broken == 1 { "" } else { "s" }
        );
    }
}

fn play(
    setup: &Setup,
    lesson_id: &str,
    student: &str,
    plain_mode: bool,
) -> Result<ExitCode, String> {
    let catalog = setup.catalog();
    report_broken(&catalog);
    let entry = catalog.get(lesson_id).ok_or_else(|| {
        format!("there is no lesson with the id \"{lesson_id}\"; `mehfooz list` shows the ids")
    })?;
    let name = progress::tidy_name(student);
    if name.is_empty() {
        return Err("the student's name is empty".into());
    }
    let store = open_store(setup.data_dir.as_deref())?;
    if plain_mode || !io::stdout().is_terminal() {
        plain::play(
            &entry.lesson,
            &name,
            &store,
            &mut io::stdin().lock(),
            &mut io::stdout().lock(),
        )
        .map_err(|e| e.to_string())?;
        return Ok(ExitCode::SUCCESS);
    }
    let start = setup.start(&catalog, store, Some(name), Some(lesson_id.to_string()));
    tui::run(start).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn new_lesson(id: &str, dir: &Path) -> Result<ExitCode, String> {
    let good = crate::lesson::is_valid_id(id);
    if !good {
        return Err(format!(
            "\"{id}\" cannot be a lesson id: use lowercase letters a-z, digits and hyphens, like online-friends"
        ));
    }
    fs::create_dir_all(dir)
        .map_err(|e| format!("cannot make the folder {}: {e}", dir.display()))?;
    let path = crate::lesson::join_as_typed(dir, format!("{id}.toml").as_ref());
    if path.exists() {
        return Err(format!(
            "{} already exists; choose another id or folder",
            path.display()
        ));
    }
    let title = id.replace('-', " ");
    let title = title[..1].to_uppercase() + &title[1..];
    let text = STARTER.replace("{ID}", id).replace("{TITLE}", &title);
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    // The schema beside the lesson lets editors complete and check fields as you type.
    let schema = crate::lesson::join_as_typed(dir, "lesson.schema.json".as_ref());
    fs::write(&schema, crate::lesson::schema::lesson_schema())
        .map_err(|e| format!("cannot write {}: {e}", schema.display()))?;
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

fn preview(setup: &Setup, file: &Path, watch: bool) -> Result<ExitCode, String> {
    if !io::stdout().is_terminal() {
        return Err("preview needs a terminal; use `mehfooz check` in scripts".into());
    }
    tui::preview(file, watch, setup.theme, setup.region.clone()).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn report(
    setup: &Setup,
    csv: bool,
    lesson: Option<&str>,
    output: Option<&Path>,
) -> Result<ExitCode, String> {
    let catalog = setup.catalog();
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
    let store = open_store(Some(&dir))?;
    let (students, unreadable) = store.students();
    for (path, reason) in &unreadable {
        eprintln!(
            "mehfooz: skipped {}: it cannot be read ({reason})",
            path.display()
        );
    }
    let report = crate::report::class_report(&lessons, &students);
    let text = if csv {
        report.to_csv()
    } else {
        format!(
            "Class report: {}, {} (data folder {})\n\n{}",
            plural(students.len(), "student"),
            plural(lessons.len(), "lesson"),
            dir.display(),
            report.to_table()
        )
    };
    match output {
        Some(path) => {
            fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            eprintln!("Wrote the report to {}.", path.display());
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn reset(
    setup: &Setup,
    student: &str,
    lesson: Option<&str>,
    yes: bool,
) -> Result<ExitCode, String> {
    let name = progress::tidy_name(student);
    let store = open_store(setup.data_dir.as_deref())?;
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
            println!("Nothing was changed.");
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
    let text =
        fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    // "Week 3 quiz.gift.txt" becomes the id "week-3-quiz" and the title "Week 3 quiz".
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.split('.').next().unwrap_or_default().trim();
    let id: String = stem
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let id = if id.is_empty() {
        "imported-quiz".to_string()
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
    let imported = crate::import::import(&text, format, &id, &title)?;
    for skipped in &imported.skipped {
        eprintln!(
            "{}:{}: skipped: {}",
            file.display(),
            skipped.line,
            skipped.reason
        );
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
    println!(
        "Wrote {} with {} ({} skipped). Check it with `mehfooz check {}`.",
        path.display(),
        plural(imported.questions, "question"),
        imported.skipped.len(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
