//! The command line: parsing arguments (clap) and the commands a teacher runs.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::lesson::{Catalog, Origin};
use crate::progress::{self, Store};
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
    /// Where progress is saved [default: $MEHFOOZ_DATA_DIR, else the system's data folder].
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Which region's help lines to show (for example pk or intl).
    #[arg(long, value_name = "ID", global = true)]
    pub region: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check lesson files and show every problem with its line and column.
    Check {
        /// Lesson files or folders [default: the built-in lessons].
        paths: Vec<PathBuf>,
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

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("mehfooz: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match &cli.command {
        Some(Command::Check { paths }) => Ok(check(paths)),
        Some(Command::List { json }) => list(&Catalog::load(&cli.lessons, true), *json),
        Some(Command::Play {
            lesson,
            student,
            plain,
        }) => play(&cli, lesson, student, *plain),
        None => {
            let catalog = Catalog::load(&cli.lessons, true);
            let store = open_store(cli.data_dir.as_deref())?;
            tui::run(tui::Start {
                catalog: &catalog,
                store,
                region: cli.region.clone(),
                student: None,
                lesson: None,
                check_hint: check_hint(&cli.lessons),
            })
            .map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
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

fn check(paths: &[PathBuf]) -> ExitCode {
    let catalog = if paths.is_empty() {
        Catalog::built_in()
    } else {
        Catalog::check(paths)
    };
    let mut out = io::stdout().lock();
    for d in &catalog.diagnostics {
        let _ = writeln!(out, "{d}\n");
    }
    let (errors, warnings) = (catalog.error_count(), catalog.warning_count());
    let files = catalog.files_read;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "Checked {}: {}, {}.",
        plural(files, "file"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    if errors > 0 {
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
            .map(|r| r.title.chars().count())
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
                "{:id_width$}  {:title_width$}  {:5}  {:>7}  {:>9}  {}{note}",
                r.id,
                r.title,
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

fn play(cli: &Cli, lesson_id: &str, student: &str, plain_mode: bool) -> Result<ExitCode, String> {
    let catalog = Catalog::load(&cli.lessons, true);
    report_broken(&catalog);
    let entry = catalog.get(lesson_id).ok_or_else(|| {
        format!("there is no lesson with the id \"{lesson_id}\"; `mehfooz list` shows the ids")
    })?;
    let name = progress::tidy_name(student);
    if name.is_empty() {
        return Err("the student's name is empty".into());
    }
    let store = open_store(cli.data_dir.as_deref())?;
    if plain_mode || !io::stdout().is_terminal() {
        let ended = plain::play(
            &entry.lesson,
            &name,
            &store,
            &mut io::stdin().lock(),
            &mut io::stdout().lock(),
        )
        .map_err(|e| e.to_string())?;
        let _ = ended;
        return Ok(ExitCode::SUCCESS);
    }
    tui::run(tui::Start {
        catalog: &catalog,
        store,
        region: cli.region.clone(),
        student: Some(name),
        lesson: Some(lesson_id.to_string()),
        check_hint: check_hint(&cli.lessons),
    })
    .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}
