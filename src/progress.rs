//! Students and their attempts, one file per student in the data folder. Every save
//! locks the student's file, merges with what is on disk, writes a temporary file, syncs
//! it and renames it over the old one, so a crash, a pulled plug or a second copy of the
//! app never loses an answer already given. Two copies whose answers to one attempt
//! disagree each keep an attempt of their own; an attempt a teacher cleared stays cleared.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock, RwLockWriteGuard};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::clock;
use crate::lesson::Lesson;
use crate::lesson::fnv1a;
use crate::quiz::{AttemptState, Session};

/// The version of the student file this program writes. Version 2 added attempts' content
/// versions and cleared attempts: an older Mehfooz would drop both when saving, bringing
/// a reset back or mixing lessons, so it is told to update instead. Version 1 files load.
pub const FORMAT_VERSION: u32 = 2;
/// The environment variable that names the data folder.
pub const DATA_DIR_VAR: &str = "MEHFOOZ_DATA_DIR";
/// The longest name a student may have (in characters).
pub const MAX_NAME_CHARS: usize = 40;
/// How long a save waits for another copy of the app that is saving the same student
/// before it gives up with an error.
pub const LOCK_WAIT: Duration = Duration::from_secs(20);
/// Waits shorter than this are the normal turn-taking of copies saving at once; a front
/// end is told about a wait only after it.
const QUIET_WAIT: Duration = Duration::from_secs(1);
const LOCK_POLL: Duration = Duration::from_millis(50);
/// How long a save keeps trying to put its new file in place while another program has
/// the old one open (Windows only, see `rename_over`). Readers hold it for a moment.
const RENAME_WAIT: Duration = Duration::from_secs(10);
const RENAME_POLL: Duration = Duration::from_millis(10);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Student {
    pub format_version: u32,
    /// The name or nickname the child typed; nothing else about them is stored.
    pub name: String,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonRecord>,
    /// The language the child last chose (a BCP 47 tag, like `ur-Latn`); none until
    /// they choose. Optional, so files written before it load, and older copies of the
    /// app read these files (they pass over a field they do not know).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonRecord {
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    /// The ids of attempts a teacher cleared with `reset`: a copy of the app still running
    /// one of them cannot bring it back by saving it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cleared: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// Random, so that two copies of the app saving the same attempt can be merged.
    pub id: String,
    /// Seconds since 1970 (UTC).
    pub started: i64,
    pub updated: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<i64>,
    /// The score, once finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    /// The lesson's [`Lesson::content_version`] the attempt was taken on; missing in files
    /// saved before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_version: Option<String>,
    /// The language (BCP 47 tag) the lesson was shown in, the last one when the child
    /// switched part way; missing in files saved before it was kept, which were English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub state: AttemptState,
    /// Which running copy of the app is saving this attempt. Never written: it names the
    /// attempt of its own a copy gets when its answers disagree with another copy's.
    #[serde(skip)]
    pub copy: Option<String>,
}

impl Attempt {
    pub fn new(state: AttemptState) -> Self {
        let now = clock::now();
        Attempt {
            id: format!("{:016x}", rand::random::<u64>()),
            started: now,
            updated: now,
            finished: None,
            percent: None,
            passed: None,
            content_version: None,
            language: None,
            state,
            copy: None,
        }
    }

    pub fn is_finished(&self) -> bool {
        self.finished.is_some()
    }

    /// Whether this attempt was taken on `lesson` as it is now (`version` is its content
    /// version). An attempt from before versions were kept fits if its answers do.
    pub fn fits(&self, lesson: &Lesson, version: &str) -> bool {
        match &self.content_version {
            Some(mine) => mine == version,
            None => Session::resume(lesson, self.state.clone()).is_ok(),
        }
    }

    /// Whether `other` is this attempt saved by a copy that agrees with it: the same plan,
    /// and no step that both answered differently.
    fn agrees_with(&self, other: &Attempt) -> bool {
        self.state.plan == other.state.plan
            && self
                .state
                .answers
                .iter()
                .zip(&other.state.answers)
                .all(|(a, b)| a.is_none() || b.is_none() || a == b)
    }

    /// Takes in what `other` (an agreeing copy of this attempt) adds.
    fn take_in(&mut self, other: &Attempt) {
        for (mine, theirs) in self.state.answers.iter_mut().zip(&other.state.answers) {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
        self.state.position = self.state.position.max(other.state.position);
        self.updated = self.updated.max(other.updated);
        if self.content_version.is_none() {
            self.content_version.clone_from(&other.content_version);
        }
        if self.finished.is_none() {
            self.finished = other.finished;
            self.percent = other.percent;
            self.passed = other.passed;
        }
    }

    /// The id this attempt is kept under when the copy saving it disagrees with another.
    fn fork_id(&self) -> Option<String> {
        self.copy.as_ref().map(|copy| format!("{}-{copy}", self.id))
    }
}

/// Where a student stands with one lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Passed,
    NotYetPassed,
}

impl LessonRecord {
    /// In progress while an attempt is open; otherwise passed if any attempt passed.
    pub fn status(&self) -> Status {
        if self.open_attempt().is_some() {
            Status::InProgress
        } else if self.attempts.iter().any(|a| a.passed == Some(true)) {
            Status::Passed
        } else if self.attempts.is_empty() {
            Status::NotStarted
        } else {
            Status::NotYetPassed
        }
    }

    pub fn has_passed(&self) -> bool {
        self.attempts.iter().any(|a| a.passed == Some(true))
    }

    pub fn best_percent(&self) -> Option<u32> {
        self.attempts.iter().filter_map(|a| a.percent).max()
    }

    /// The attempt to carry on, if the student left one unfinished.
    pub fn open_attempt(&self) -> Option<&Attempt> {
        self.attempts.iter().rev().find(|a| !a.is_finished())
    }

    pub fn finished_attempts(&self) -> usize {
        self.attempts.iter().filter(|a| a.is_finished()).count()
    }

    /// Whether a teacher cleared `attempt` (under its own id or the one it was given when
    /// its copy disagreed with another).
    pub fn was_cleared(&self, attempt: &Attempt) -> bool {
        let fork = attempt.fork_id();
        self.cleared
            .iter()
            .any(|id| *id == attempt.id || Some(id) == fork.as_ref())
    }
}

impl Student {
    pub fn new(name: &str) -> Self {
        Student {
            format_version: FORMAT_VERSION,
            name: name.to_string(),
            lessons: BTreeMap::new(),
            language: None,
        }
    }

    pub fn record(&self, lesson_id: &str) -> Option<&LessonRecord> {
        self.lessons.get(lesson_id)
    }

    pub fn status(&self, lesson_id: &str) -> Status {
        self.record(lesson_id)
            .map_or(Status::NotStarted, LessonRecord::status)
    }

    /// The student's record of `lesson` as it is now: only the attempts taken on this
    /// content, so a different lesson that reuses the id shows none of the other's.
    pub fn record_of(&self, lesson: &Lesson) -> Option<LessonRecord> {
        let record = self.record(&lesson.id)?;
        let version = lesson.content_version();
        Some(LessonRecord {
            attempts: record
                .attempts
                .iter()
                .filter(|a| a.fits(lesson, &version))
                .cloned()
                .collect(),
            cleared: record.cleared.clone(),
        })
    }

    /// Puts `attempt` in, merging with a copy of the same attempt already here: an answer
    /// already given is never replaced or lost. A copy whose answers disagree with the
    /// attempt here gets an attempt of its own, so each child's score matches what is
    /// kept; an attempt a teacher cleared is not brought back.
    pub fn merge_attempt(&mut self, lesson_id: &str, attempt: &Attempt) {
        let record = self.lessons.entry(lesson_id.to_string()).or_default();
        if record.was_cleared(attempt) {
            return;
        }
        let fork_id = attempt.fork_id();
        if let Some(fork) = record
            .attempts
            .iter_mut()
            .find(|a| Some(&a.id) == fork_id.as_ref())
        {
            fork.take_in(attempt);
            return;
        }
        match record.attempts.iter_mut().find(|a| a.id == attempt.id) {
            None => record.attempts.push(attempt.clone()),
            Some(existing) if existing.agrees_with(attempt) => existing.take_in(attempt),
            Some(_) => {
                let mut own = attempt.clone();
                own.id = fork_id.unwrap_or_else(|| format!("{:016x}", rand::random::<u64>()));
                record.attempts.push(own);
            }
        }
    }

    fn merge(&mut self, other: &Student) {
        // A choice of language is the newest word on it: the record being saved holds it.
        if other.language.is_some() {
            self.language.clone_from(&other.language);
        }
        for (lesson_id, record) in &other.lessons {
            for attempt in &record.attempts {
                self.merge_attempt(lesson_id, attempt);
            }
        }
    }
}

/// Cleans up a typed name: trims it and folds runs of spaces into one.
pub fn tidy_name(name: &str) -> String {
    let cleaned = crate::text::clean(name);
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether two typed names are the same student: equal once tidied, whatever their case,
/// so "hira" and "Hira " share one record. The one rule for the app and the commands.
pub fn same_name(a: &str, b: &str) -> bool {
    tidy_name(a).to_lowercase() == tidy_name(b).to_lowercase()
}

/// What went wrong with the data folder or a student's file.
#[derive(Debug)]
pub enum StoreError {
    Io {
        path: PathBuf,
        error: io::Error,
    },
    /// The file was written by a newer Mehfooz; it is left as it is.
    NewerFormat {
        path: PathBuf,
        version: u64,
    },
    /// The data folder cannot be written to (read-only, or no permission).
    CannotWrite {
        dir: PathBuf,
        error: io::Error,
    },
    /// Another copy of the app held the student's file for longer than the store waits.
    Busy {
        student: String,
        waited: Duration,
    },
    /// The front end stopped the wait for another copy (the child pressed Ctrl-C).
    StoppedWaiting {
        student: String,
    },
}

/// In English, for the teacher's commands; a child's screen says it in their language
/// through [`crate::strings::store_error`], from the same message.
impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::strings::store_error(
            &crate::strings::english(),
            self,
        ))
    }
}

impl std::error::Error for StoreError {}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |error| {
        if matches!(
            error.kind(),
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
        ) {
            // Said about the folder, not the lock or temporary file that met it: the
            // folder is what a teacher can fix.
            let dir = path.parent().unwrap_or(path).to_path_buf();
            return StoreError::CannotWrite { dir, error };
        }
        StoreError::Io {
            path: path.to_path_buf(),
            error,
        }
    }
}

/// A save waiting for another copy of the app, as told to a front end.
#[derive(Debug, Clone, Copy)]
pub struct Waiting<'a> {
    pub student: &'a str,
    /// How long it has waited so far.
    pub waited: Duration,
    /// When it gives up.
    pub limit: Duration,
    /// True the first time this wait is told, so that a front end says so once.
    pub first: bool,
}

impl std::fmt::Display for Waiting<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::strings::waiting(&crate::strings::english(), self))
    }
}

/// What a front end wants done about a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    KeepWaiting,
    /// Stop now: the save fails with [`StoreError::StoppedWaiting`].
    Stop,
}

/// Called again and again (every few hundredths of a second) while a save waits for
/// another copy, after the first second.
pub type Waiter = Arc<dyn Fn(&Waiting) -> Wait + Send + Sync>;

/// Why a student's file could not be used. Data, not words: each front end says it in
/// the reader's language (`strings::unreadable`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The system would not give its bytes.
    CannotRead(IoProblem),
    /// Not a progress file that can be read: damaged, cut short, or something else;
    /// where the reading stopped.
    Damaged { line: usize, column: usize },
    /// Written by a newer Mehfooz, in this format.
    Newer { version: u64 },
    /// The name in it has control characters, which this program never saves.
    NameHasControlCharacters,
}

/// What the system said when a file or folder could not be used, as data: the kind of
/// problem and the system's error number, never the system's English sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IoProblem {
    pub kind: io::ErrorKind,
    pub code: Option<i32>,
}

impl From<&io::Error> for IoProblem {
    fn from(error: &io::Error) -> Self {
        IoProblem {
            kind: error.kind(),
            code: error.raw_os_error(),
        }
    }
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::strings::unreadable(
            &crate::strings::english(),
            self,
        ))
    }
}

/// A student file that could not be read and was renamed aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub original: PathBuf,
    pub moved_to: PathBuf,
    pub reason: Unreadable,
}

impl std::fmt::Display for SetAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::strings::set_aside(&crate::strings::english(), self))
    }
}

/// A student loaded from disk, with any file that had to be set aside on the way.
#[derive(Debug)]
pub struct Loaded {
    pub student: Student,
    pub set_aside: Option<SetAside>,
}

/// The folder of student files.
#[derive(Clone)]
pub struct Store {
    dir: PathBuf,
    lock_wait: Duration,
    waiter: Option<Waiter>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .field("lock_wait", &self.lock_wait)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// The data folder: the one given, else `MEHFOOZ_DATA_DIR`, else the system's.
    pub fn default_dir(given: Option<&Path>) -> PathBuf {
        if let Some(dir) = given {
            return dir.to_path_buf();
        }
        if let Some(dir) = std::env::var_os(DATA_DIR_VAR).filter(|d| !d.is_empty()) {
            return PathBuf::from(dir);
        }
        directories::ProjectDirs::from("org", "Mehfooz", "mehfooz")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from("mehfooz-data"))
    }

    /// Opens (and creates if need be) the data folder.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        fs::create_dir_all(dir).map_err(|error| match io_error(dir)(error) {
            StoreError::CannotWrite { error, .. } => StoreError::CannotWrite {
                dir: dir.to_path_buf(),
                error,
            },
            other => other,
        })?;
        Ok(Store {
            dir: dir.to_path_buf(),
            lock_wait: LOCK_WAIT,
            waiter: None,
        })
    }

    /// How long a save waits for another copy before giving up (normally [`LOCK_WAIT`]).
    pub fn with_lock_wait(mut self, limit: Duration) -> Store {
        self.lock_wait = limit;
        self
    }

    /// Tells `waiter` about every wait for another copy, and lets it stop the wait.
    pub fn on_wait(mut self, waiter: impl Fn(&Waiting) -> Wait + Send + Sync + 'static) -> Store {
        self.waiter = Some(Arc::new(waiter));
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file a student's progress lives in: a readable part of the name and a hash of
    /// the whole name, so any name gives a safe file name inside the folder, and names
    /// that differ only in case get files of their own.
    pub fn path_for(&self, name: &str) -> PathBuf {
        let slug: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .take(32)
            .collect();
        let slug = slug.trim_matches('-');
        let slug = if slug.is_empty() { "student" } else { slug };
        self.dir
            .join(format!("{slug}-{:016x}.json", fnv1a(name.as_bytes())))
    }

    /// Every student with a readable file, by name, and the files that could not be read.
    pub fn students(&self) -> (Vec<Student>, Vec<(PathBuf, Unreadable)>) {
        let mut students = Vec::new();
        let mut unreadable = Vec::new();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return (students, unreadable);
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            match read_student(&path) {
                // A name this program would never have saved (with control characters in
                // it) is not shown to the class; the file is left alone.
                Ok(Some(student)) if crate::text::clean(&student.name) != student.name => {
                    unreadable.push((path, Unreadable::NameHasControlCharacters));
                }
                Ok(Some(student)) => students.push(student),
                Ok(None) => {}
                Err(reason) => unreadable.push((path, reason)),
            }
        }
        students.sort_by_key(|s| s.name.to_lowercase());
        (students, unreadable)
    }

    /// The progress files set aside because they could not be read, oldest name first.
    /// They still hold whatever a student had answered before.
    pub fn set_aside_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.contains(".json.unreadable-"))
            })
            .collect();
        paths.sort();
        paths
    }

    /// A student's progress; a new empty record if there is none yet. A file that cannot
    /// be read is renamed aside (and the caller told), never overwritten.
    pub fn load(&self, name: &str) -> Result<Loaded, StoreError> {
        let path = self.path_for(name);
        let _lock = self.lock(&path, name)?;
        self.load_locked(name, &path)
    }

    /// Saves attempts at one lesson for a student, merged with what another copy of the
    /// app may have saved meanwhile. Returns the student as now on disk.
    pub fn save_attempts(
        &self,
        name: &str,
        lesson_id: &str,
        attempts: &[Attempt],
    ) -> Result<Loaded, StoreError> {
        let path = self.path_for(name);
        let _lock = self.lock(&path, name)?;
        let mut loaded = self.load_locked(name, &path)?;
        for attempt in attempts {
            loaded.student.merge_attempt(lesson_id, attempt);
        }
        write_atomically(&path, &loaded.student)?;
        Ok(loaded)
    }

    /// The language a student last chose, if any. Only looks: a file that cannot be read
    /// is left for `load` to set aside and tell the child about.
    pub fn remembered_language(&self, name: &str) -> Option<String> {
        read_student(&self.path_for(name)).ok().flatten()?.language
    }

    /// Remembers the language a student chose (a BCP 47 tag), keeping all else on disk
    /// as it is. Returns the student as now on disk.
    pub fn set_language(&self, name: &str, language: &str) -> Result<Loaded, StoreError> {
        let path = self.path_for(name);
        let _lock = self.lock(&path, name)?;
        let mut loaded = self.load_locked(name, &path)?;
        if loaded.student.language.as_deref() != Some(language) {
            loaded.student.language = Some(language.to_string());
            write_atomically(&path, &loaded.student)?;
        }
        Ok(loaded)
    }

    /// Saves a whole student record, merged with what is on disk.
    pub fn save(&self, student: &Student) -> Result<Loaded, StoreError> {
        let path = self.path_for(&student.name);
        let _lock = self.lock(&path, &student.name)?;
        let mut loaded = self.load_locked(&student.name, &path)?;
        loaded.student.merge(student);
        write_atomically(&path, &loaded.student)?;
        Ok(loaded)
    }

    /// Clears a student's progress (one lesson, or all), after copying their file to a
    /// backup beside it. Returns the backup's path, or `None` if there was nothing to
    /// clear.
    pub fn reset(
        &self,
        name: &str,
        lesson_id: Option<&str>,
    ) -> Result<Option<PathBuf>, StoreError> {
        let path = self.path_for(name);
        let _lock = self.lock(&path, name)?;
        let Loaded { mut student, .. } = self.load_locked(name, &path)?;
        // The attempts' ids are kept as cleared, so that a copy of the app still in the
        // middle of one cannot save it back.
        let mut had = false;
        for (id, record) in &mut student.lessons {
            if lesson_id.is_some_and(|wanted| wanted != id) || record.attempts.is_empty() {
                continue;
            }
            had = true;
            let ids = record.attempts.drain(..).map(|a| a.id);
            record.cleared.extend(ids);
        }
        if !had {
            return Ok(None);
        }
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let backup = path.with_file_name(format!("{name}.backup-{}", clock::now()));
        fs::copy(&path, &backup).map_err(io_error(&backup))?;
        write_atomically(&path, &student)?;
        Ok(Some(backup))
    }

    fn load_locked(&self, name: &str, path: &Path) -> Result<Loaded, StoreError> {
        match read_student(path) {
            // Read in an older format, written back in this one: the record may come to
            // hold what only this format can say.
            Ok(Some(student)) => Ok(Loaded {
                student: Student {
                    format_version: FORMAT_VERSION,
                    ..student
                },
                set_aside: None,
            }),
            Ok(None) => Ok(Loaded {
                student: Student::new(name),
                set_aside: None,
            }),
            Err(Unreadable::Newer { version }) => Err(StoreError::NewerFormat {
                path: path.to_path_buf(),
                version,
            }),
            Err(reason) => {
                let moved_to = aside_path(path);
                fs::rename(path, &moved_to).map_err(io_error(path))?;
                Ok(Loaded {
                    student: Student::new(name),
                    set_aside: Some(SetAside {
                        original: path.to_path_buf(),
                        moved_to,
                        reason,
                    }),
                })
            }
        }
    }

    /// Holds the student's lock file locked until dropped. While another copy of the app
    /// holds it, waits (telling the front end, which may stop the wait) up to the limit.
    fn lock(&self, path: &Path, student: &str) -> Result<File, StoreError> {
        let lock_path = path.with_extension("lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io_error(&lock_path))?;
        let started = Instant::now();
        let mut first = true;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(fs::TryLockError::WouldBlock) => {}
                Err(fs::TryLockError::Error(error)) => return Err(io_error(&lock_path)(error)),
            }
            let waited = started.elapsed();
            if waited >= self.lock_wait {
                return Err(StoreError::Busy {
                    student: student.to_string(),
                    waited,
                });
            }
            if waited >= QUIET_WAIT
                && let Some(waiter) = &self.waiter
            {
                let waiting = Waiting {
                    student,
                    waited,
                    limit: self.lock_wait,
                    first,
                };
                first = false;
                if waiter(&waiting) == Wait::Stop {
                    return Err(StoreError::StoppedWaiting {
                        student: student.to_string(),
                    });
                }
            }
            std::thread::sleep(LOCK_POLL);
        }
    }
}

/// `Ok(None)` when there is no file; `Err` with the reason when it cannot be used.
fn read_student(path: &Path) -> Result<Option<Student>, Unreadable> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Unreadable::CannotRead(IoProblem::from(&e))),
    };
    let student: Student = serde_json::from_slice(&bytes).map_err(|e| {
        // A file newer than this program may not fit today's fields: said as newer.
        match newer_version_in(&bytes) {
            Some(version) => Unreadable::Newer { version },
            None => Unreadable::Damaged {
                line: e.line(),
                column: e.column(),
            },
        }
    })?;
    if student.format_version > FORMAT_VERSION {
        return Err(Unreadable::Newer {
            version: u64::from(student.format_version),
        });
    }
    Ok(Some(student))
}

/// The format version a file claims, when it is newer than ours.
fn newer_version_in(bytes: &[u8]) -> Option<u64> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let version = value.get("format_version")?.as_u64()?;
    (version > u64::from(FORMAT_VERSION)).then_some(version)
}

fn aside_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut candidate = path.with_file_name(format!("{name}.unreadable-{}", clock::now()));
    let mut n = 1;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{name}.unreadable-{}-{n}", clock::now()));
        n += 1;
    }
    candidate
}

/// Saves under way in this process. A save holds it for reading; `hold_saves` takes it
/// for writing, so it waits for those and lets no new one begin.
static SAVES: RwLock<()> = RwLock::new(());

/// Waits for any save under way to finish and keeps new ones from starting until the
/// guard is dropped. The app takes it before exiting because it was told to stop (the
/// console window closed, a signal), so the last answer given is always on disk.
pub fn hold_saves() -> RwLockWriteGuard<'static, ()> {
    SAVES.write().unwrap_or_else(PoisonError::into_inner)
}

/// Writes to a temporary file beside `path`, syncs it, renames it over `path` and syncs
/// the folder: after a crash the file holds the old state or the new, never half. Also
/// keeps other per-student files (what `sync` has sent) as safe as progress.
pub(crate) fn write_atomically(path: &Path, value: &impl Serialize) -> Result<(), StoreError> {
    let _saving = SAVES.read().unwrap_or_else(PoisonError::into_inner);
    // Compact, not pretty: a student with a thousand attempts saves in a third of the
    // time, and teachers read progress through `mehfooz report`, not the file.
    let bytes = serde_json::to_vec(value).expect("a student always serializes");
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    remove_stale_temporaries(path);
    let result = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        drop(file);
        rename_over(&tmp, path)?;
        sync_dir(path.parent().unwrap_or(Path::new(".")))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io_error(path))
}

/// Renames `tmp` over `path`. On Windows that is refused while any other program has
/// `path` open: another copy of the app reading it without the lock (a language, a
/// teacher's report), a virus scanner. Windows 10 on a local disk renames anyway, but a
/// network share (a lab's shared folder) or Wine does not, so the save would fail. Such
/// a reader holds the file only for a moment: try again for a while.
fn rename_over(tmp: &Path, path: &Path) -> io::Result<()> {
    let started = Instant::now();
    loop {
        match fs::rename(tmp, path) {
            Err(e)
                if cfg!(windows)
                    && e.kind() == io::ErrorKind::PermissionDenied
                    && started.elapsed() < RENAME_WAIT =>
            {
                std::thread::sleep(RENAME_POLL);
            }
            other => return other,
        }
    }
}

/// Removes temporary files left beside `path` by a copy of the app that was killed while
/// saving. Called with the student's lock held, so no live copy is writing one.
fn remove_stale_temporaries(path: &Path) {
    let (Some(dir), Some(stem)) = (path.parent(), path.file_stem()) else {
        return;
    };
    let prefix = format!("{}.tmp-", stem.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes the rename durable. Some network file systems cannot sync a folder at all
/// (`EINVAL`, `ENOTSUP`); there the rename has happened and is as safe as that file
/// system makes it, so that is not reported as a failed save.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir)?.sync_all() {
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
            ) =>
        {
            Ok(())
        }
        other => other,
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Windows has no way to sync a folder; the rename itself is durable there.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::PlannedStep;

    fn attempt(answers: Vec<Option<Vec<usize>>>) -> Attempt {
        let plan = answers
            .iter()
            .enumerate()
            .map(|(step, _)| PlannedStep {
                step,
                question: None,
                order: vec![0, 1],
            })
            .collect();
        Attempt::new(AttemptState {
            plan,
            answers,
            position: 0,
        })
    }

    #[test]
    fn a_saved_attempt_reads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let a = attempt(vec![Some(vec![1]), None]);
        store
            .save_attempts("Ayesha", "lesson", std::slice::from_ref(&a))
            .unwrap();
        let loaded = store.load("Ayesha").unwrap();
        assert_eq!(loaded.student.lessons["lesson"].attempts, vec![a]);
        assert!(loaded.set_aside.is_none());
    }

    #[test]
    fn a_save_begun_while_the_app_is_stopping_waits_until_the_stop_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let path = store.path_for("Ayesha");
        let held = hold_saves();
        let saver = std::thread::spawn(move || {
            store
                .save_attempts("Ayesha", "lesson", &[attempt(vec![Some(vec![1])])])
                .unwrap();
        });
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert!(!path.exists(), "a save was written while saves were held");
        drop(held);
        saver.join().unwrap();
        assert!(path.exists(), "the save was lost instead of waiting");
    }

    #[test]
    fn two_copies_saving_one_attempt_keep_every_answer() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let first = attempt(vec![Some(vec![1]), None]);
        let mut second = first.clone();
        second.state.answers = vec![None, Some(vec![0])];
        store.save_attempts("Bilal", "lesson", &[first]).unwrap();
        store.save_attempts("Bilal", "lesson", &[second]).unwrap();
        let student = store.load("Bilal").unwrap().student;
        let answers = &student.lessons["lesson"].attempts[0].state.answers;
        assert_eq!(answers, &vec![Some(vec![1]), Some(vec![0])]);
    }

    #[test]
    fn an_unreadable_file_is_set_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let path = store.path_for("Zara");
        fs::write(&path, b"{ not json").unwrap();
        let loaded = store.load("Zara").unwrap();
        let aside = loaded.set_aside.expect("the broken file is set aside");
        assert_eq!(fs::read(&aside.moved_to).unwrap(), b"{ not json");
        assert!(aside.to_string().contains("could not be read"));
        assert!(loaded.student.lessons.is_empty());
        // The store says why as data, where the reading stopped; a view says it in words.
        assert_eq!(aside.reason, Unreadable::Damaged { line: 1, column: 3 });
        assert!(
            aside
                .to_string()
                .contains("damaged or cut short, at line 1, column 3"),
            "{aside}"
        );
    }

    #[test]
    fn a_file_from_a_newer_version_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let path = store.path_for("Hamza");
        let newer = br#"{"format_version": 9, "name": "Hamza", "lessons": {}}"#;
        fs::write(&path, newer).unwrap();
        let error = store.load("Hamza").unwrap_err();
        assert!(error.to_string().contains("newer version of Mehfooz"));
        assert_eq!(fs::read(&path).unwrap(), newer);
    }

    #[test]
    fn any_name_gets_a_distinct_file_inside_the_data_folder() {
        let store = Store {
            dir: PathBuf::from("data"),
            lock_wait: LOCK_WAIT,
            waiter: None,
        };
        let names = ["Ali", "ali", "../../etc/passwd", "CON", "علی", "a/b\\c:d"];
        let paths: Vec<PathBuf> = names.iter().map(|n| store.path_for(n)).collect();
        for path in &paths {
            assert_eq!(path.parent(), Some(Path::new("data")), "{path:?}");
        }
        let unique: std::collections::HashSet<_> = paths.iter().collect();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn status_follows_the_attempts() {
        let mut record = LessonRecord::default();
        assert_eq!(record.status(), Status::NotStarted);
        let mut a = attempt(vec![None]);
        record.attempts.push(a.clone());
        assert_eq!(record.status(), Status::InProgress);
        a.finished = Some(1);
        a.percent = Some(50);
        a.passed = Some(false);
        record.attempts[0] = a.clone();
        assert_eq!(record.status(), Status::NotYetPassed);
        a.id = "second".into();
        a.percent = Some(90);
        a.passed = Some(true);
        record.attempts.push(a);
        assert_eq!(record.status(), Status::Passed);
        assert_eq!(record.best_percent(), Some(90));
    }

    #[test]
    fn a_chosen_language_is_remembered_and_keeps_the_answers() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let a = attempt(vec![Some(vec![1]), None]);
        store
            .save_attempts("Ayesha", "lesson", std::slice::from_ref(&a))
            .unwrap();
        store.set_language("Ayesha", "ur-Latn").unwrap();
        let loaded = store.load("Ayesha").unwrap();
        assert_eq!(loaded.student.language.as_deref(), Some("ur-Latn"));
        assert_eq!(loaded.student.lessons["lesson"].attempts, vec![a.clone()]);
        // Answers saved later leave the choice as it is.
        store.save_attempts("Ayesha", "lesson", &[a]).unwrap();
        let loaded = store.load("Ayesha").unwrap();
        assert_eq!(loaded.student.language.as_deref(), Some("ur-Latn"));
    }

    #[test]
    fn a_file_written_before_languages_were_remembered_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let old = br#"{"format_version": 2, "name": "Hamza", "lessons": {}}"#;
        fs::write(store.path_for("Hamza"), old).unwrap();
        let loaded = store.load("Hamza").unwrap();
        assert!(loaded.set_aside.is_none());
        assert_eq!(loaded.student.name, "Hamza");
        assert_eq!(loaded.student.language, None);
    }
}
