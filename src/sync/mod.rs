//! `mehfooz sync`: every finished attempt not yet sent goes to a Learning Record Store as
//! xAPI statements, under a keyed hash instead of the child's name, exactly once.

pub mod command;
pub mod identity;
pub mod lrs;
pub mod sent;
pub mod statement;

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::lesson::Lesson;
use crate::progress::{Store, Student};

pub use lrs::{Client, LrsError};
pub use statement::{Origin, Statement};

/// Statements in one POST when the settings do not say.
pub const DEFAULT_BATCH: usize = 500;

/// The statements not yet sent for one student.
#[derive(Debug)]
pub struct StudentWork {
    /// The student's sent-state file.
    pub sent_path: PathBuf,
    pub sent: sent::Sent,
    pub pseudonym: String,
    pub statements: Vec<Statement>,
}

/// Everything a sync would send, and what it had to leave out.
#[derive(Debug, Default)]
pub struct Plan {
    pub students: Vec<StudentWork>,
    /// Sentences about attempts that cannot be sent (and stay unsent), and files set aside.
    pub warnings: Vec<String>,
}

impl Plan {
    pub fn statement_count(&self) -> usize {
        self.students.iter().map(|s| s.statements.len()).sum()
    }
}

/// The stand-in for a student in statements: their file identity (the progress file's
/// name, which the name alone decides), hashed with the school's secret.
pub fn student_pseudonym(store: &Store, secret: &[u8], name: &str) -> String {
    let path = store.path_for(name);
    let identity = path.file_stem().unwrap_or_default().to_string_lossy();
    identity::pseudonym(secret, &identity)
}

/// Works out what is not yet sent, for the given students and the lessons on offer.
pub fn plan(
    store: &Store,
    students: &[Student],
    lessons: &[&Lesson],
    origin: &Origin,
    secret: &[u8],
) -> Plan {
    let mut plan = Plan::default();
    for student in students {
        let sent_path = sent::sent_path(store, &student.name);
        let (sent, problem) = sent::load(&sent_path);
        plan.warnings.extend(problem);
        let pseudonym = student_pseudonym(store, secret, &student.name);
        let mut statements = Vec::new();
        for (lesson_id, record) in &student.lessons {
            let Some(lesson) = lessons.iter().find(|l| &l.id == lesson_id) else {
                if record.finished_attempts() > 0 {
                    plan.warnings.push(format!(
                        "{} attempt(s) at the lesson \"{lesson_id}\" were not sent: that lesson is not on offer here",
                        record.finished_attempts()
                    ));
                }
                continue;
            };
            let version = lesson.content_version();
            for attempt in &record.attempts {
                // An attempt on another version of the lesson (one that reused the id, or
                // changed its answers since) would be reported as this one: keep it back.
                if !attempt.fits(lesson, &version) {
                    if attempt.finished.is_some() {
                        plan.warnings.push(format!(
                            "an attempt at \"{lesson_id}\" was not sent: it was taken on another version of that lesson"
                        ));
                    }
                    continue;
                }
                match statement::attempt_statements(origin, &pseudonym, lesson, attempt) {
                    Ok(Some(made)) => statements
                        .extend(made.into_iter().filter(|s| !sent.statements.contains(&s.id))),
                    Ok(None) => {}
                    Err(_) => plan.warnings.push(format!(
                        "an attempt at \"{lesson_id}\" was not sent: the lesson changed so much since that its answers no longer fit it"
                    )),
                }
            }
        }
        if !statements.is_empty() {
            plan.students.push(StudentWork {
                sent_path,
                sent,
                pseudonym,
                statements,
            });
        }
    }
    plan
}

/// Why a sync stopped.
#[derive(Debug)]
pub enum SyncError {
    Lrs(LrsError),
    /// The LRS stored a batch but recording that failed; the next sync resends it,
    /// which the LRS takes as the same statements.
    Record(String),
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SyncError::Lrs(e) => e.fmt(f),
            SyncError::Record(e) => write!(f, "cannot record what was sent: {e}"),
        }
    }
}

/// Sends the plan in batches; after each stored batch, records its statements as sent
/// for every student in it, so a failure later loses nothing and repeats nothing.
/// `progress` hears (sent so far, total) after each batch. Returns how many were sent.
pub fn send(
    plan: &mut Plan,
    client: &Client,
    batch_size: usize,
    mut progress: impl FnMut(usize, usize),
) -> Result<usize, (usize, SyncError)> {
    let total = plan.statement_count();
    let queue: Vec<(usize, usize)> = plan
        .students
        .iter()
        .enumerate()
        .flat_map(|(s, work)| (0..work.statements.len()).map(move |i| (s, i)))
        .collect();
    let mut done = 0;
    for batch in queue.chunks(batch_size.max(1)) {
        let statements: Vec<&Statement> = batch
            .iter()
            .map(|&(s, i)| &plan.students[s].statements[i])
            .collect();
        client
            .post(&statements)
            .map_err(|e| (done, SyncError::Lrs(e)))?;
        let touched: BTreeSet<usize> = batch.iter().map(|&(s, _)| s).collect();
        for &(s, i) in batch {
            let id = plan.students[s].statements[i].id;
            plan.students[s].sent.statements.insert(id);
        }
        for s in touched {
            let work = &plan.students[s];
            sent::save(&work.sent_path, &work.sent)
                .map_err(|e| (done, SyncError::Record(e.to_string())))?;
        }
        done += batch.len();
        progress(done, total);
    }
    Ok(done)
}
