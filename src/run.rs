//! One lesson being taken by one student: the quiz session plus the attempt record that
//! is saved after every answer. Both front ends drive lessons through this.

use rand::{Rng, RngExt};

use crate::clock;
use crate::lesson::Lesson;
use crate::progress::{Attempt, LessonRecord};
use crate::quiz::Session;

/// How the run began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Fresh,
    /// Carried on from where the student stopped.
    Resumed,
    /// The student had stopped part way, but the lesson file has changed since, so a new
    /// attempt began (the old answers stay in the record).
    LessonChanged,
}

pub struct LessonRun<'l> {
    pub session: Session<'l>,
    attempt: Attempt,
    /// An unfinished attempt that no longer fits the lesson, closed so that it is not
    /// offered again; saved with the first save of this run.
    closed: Option<Attempt>,
}

impl<'l> LessonRun<'l> {
    /// Carries on the student's open attempt at `lesson` if there is one, else starts anew.
    pub fn begin(
        lesson: &'l Lesson,
        record: Option<&LessonRecord>,
        rng: &mut impl Rng,
    ) -> (LessonRun<'l>, Start) {
        let Some(open) = record.and_then(LessonRecord::open_attempt) else {
            return (LessonRun::restart(lesson, rng), Start::Fresh);
        };
        let version = lesson.content_version();
        if open.fits(lesson, &version)
            && let Ok(session) = Session::resume(lesson, open.state.clone())
        {
            let mut attempt = open.clone();
            attempt.content_version = Some(version);
            attempt.language = Some(language_of(lesson));
            attempt.copy = Some(copy_id(rng));
            let run = LessonRun {
                session,
                attempt,
                closed: None,
            };
            return (run, Start::Resumed);
        }
        let mut run = LessonRun::restart(lesson, rng);
        let mut old = open.clone();
        old.finished = Some(clock::now());
        run.closed = Some(old);
        (run, Start::LessonChanged)
    }

    /// A new attempt, whatever the record holds.
    pub fn restart(lesson: &'l Lesson, rng: &mut impl Rng) -> LessonRun<'l> {
        let session = Session::start(lesson, rng);
        let mut attempt = Attempt::new(session.state().clone());
        attempt.content_version = Some(lesson.content_version());
        attempt.language = Some(language_of(lesson));
        attempt.copy = Some(copy_id(rng));
        LessonRun {
            session,
            attempt,
            closed: None,
        }
    }

    /// The attempts to save now: the current one as it stands (answers, position and,
    /// once past the last step, the score), after any old one this run closed. The
    /// current one is left out until the child has answered something: opening a lesson
    /// or turning its pages is not an attempt, and must not show in any report. Empty
    /// when there is nothing to save.
    pub fn attempts_to_save(&mut self) -> Vec<Attempt> {
        self.attempt.state = self.session.state().clone();
        self.attempt.updated = clock::now();
        if self.session.is_finished() && self.attempt.finished.is_none() {
            let summary = self.session.summary();
            self.attempt.finished = Some(self.attempt.updated);
            self.attempt.percent = Some(summary.percent);
            self.attempt.passed = Some(summary.passed);
        }
        let mut attempts: Vec<Attempt> = self.closed.iter().cloned().collect();
        if self.has_answers() {
            attempts.push(self.attempt.clone());
        }
        attempts
    }

    /// Whether the child has answered anything in this attempt.
    pub fn has_answers(&self) -> bool {
        self.session.state().answers.iter().any(Option::is_some)
    }

    pub fn lesson_id(&self) -> &'l str {
        &self.session.lesson().id
    }

    /// Whether a teacher has cleared this run's attempt (with `reset`) since it began, as
    /// `record`, just saved, shows. Nothing more of it will be kept.
    pub fn was_cleared(&self, record: Option<&LessonRecord>) -> bool {
        record.is_some_and(|r| r.was_cleared(&self.attempt))
    }
}

/// The language a lesson is shown in: a translation's tag, else the source's English.
fn language_of(lesson: &Lesson) -> String {
    lesson.lang.clone().unwrap_or_else(|| "en".to_string())
}

/// Names this copy of the app among others saving the same attempt.
fn copy_id(rng: &mut impl Rng) -> String {
    format!("{:08x}", rng.random::<u32>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::Catalog;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn an_attempt_records_the_language_its_lesson_is_shown_in() {
        let catalog = Catalog::built_in();
        let entry = catalog.get("stop-block-tell").expect("a built-in lesson");
        let mut rng = StdRng::seed_from_u64(3);
        let english = LessonRun::restart(&entry.lesson, &mut rng);
        assert_eq!(english.attempt.language.as_deref(), Some("en"));
        let urdu = LessonRun::restart(entry.in_language("ur"), &mut rng);
        assert_eq!(urdu.attempt.language.as_deref(), Some("ur"));
    }

    #[test]
    fn carrying_on_in_another_language_records_that_language() {
        let catalog = Catalog::built_in();
        let entry = catalog.get("stop-block-tell").expect("a built-in lesson");
        let mut rng = StdRng::seed_from_u64(4);
        let mut record = LessonRecord::default();
        let started = LessonRun::restart(&entry.lesson, &mut rng);
        record.attempts.push(started.attempt.clone());
        let (resumed, how) =
            LessonRun::begin(entry.in_language("ur-Latn"), Some(&record), &mut rng);
        assert_eq!(how, Start::Resumed);
        assert_eq!(resumed.attempt.language.as_deref(), Some("ur-Latn"));
    }
}
