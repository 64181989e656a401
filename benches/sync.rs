//! `mehfooz sync` at campaign scale: 1,000 students x 20 lessons, each student with a
//! finished attempt at every lesson, built into xAPI statements and sent to a real LRS
//! (Ralph, file-system backend, on 127.0.0.1) in batches; reports statements a second.
//!
//! `MEHFOOZ_RALPH=/path/to/ralph cargo bench --bench sync`
//!
//! One run, not many samples: a second run would find everything already sent.

#[path = "common/attempts.rs"]
mod attempts;
#[path = "common/library.rs"]
mod library;
// Ralph, the LRS it sends to, runs on Unix (its helper stops it by process group); on
// Windows the bench measures building the statements only.
#[cfg(unix)]
#[path = "../tests/ralph/mod.rs"]
mod ralph;

use std::time::Instant;

use mehfooz::lesson::Lesson;
use mehfooz::progress::{Store, Student};
#[cfg(unix)]
use mehfooz::sync::{Client, Plan, send};
use mehfooz::sync::{Origin, plan};
use rand::SeedableRng;
use rand::rngs::StdRng;

const STUDENTS: usize = 1_000;
const LESSONS: usize = 20;
#[cfg(unix)]
const BATCH: usize = 1_000;
const SECRET: &[u8] = b"benchmark-school-secret";

fn main() {
    // `cargo bench` passes `--bench`; any other argument is a filter that does not
    // name this benchmark.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && !"sync".contains(a.as_str()))
    {
        return;
    }
    let lessons: Vec<Lesson> = attempts::generated_lessons(LESSONS);
    let data = tempfile::tempdir().expect("a data folder");
    let store = Store::open(data.path()).expect("the store");
    let mut rng = StdRng::seed_from_u64(3);
    for s in 0..STUDENTS {
        let mut student = Student::new(&format!("Student {s}"));
        for lesson in &lessons {
            let attempt = attempts::attempt(lesson, &mut rng, None, s % 4);
            student.merge_attempt(&lesson.id, &attempt);
        }
        store.save(&student).expect("saved");
    }
    let origin = Origin {
        school: "https://campaign.example.org/schools/bench".into(),
        activity_base: "https://mehfooz.org/xapi".into(),
    };
    let lesson_refs: Vec<&Lesson> = lessons.iter().collect();

    let started = Instant::now();
    let (students, unreadable) = store.students();
    assert!(unreadable.is_empty());
    let work = plan(&store, &students, &lesson_refs, &origin, SECRET);
    let planned = started.elapsed();
    let total = work.statement_count();
    println!(
        "built {total} statements for {} students in {:.2} s: {:.0} statements/s (reading the student files included)",
        students.len(),
        planned.as_secs_f64(),
        total as f64 / planned.as_secs_f64()
    );

    #[cfg(unix)]
    send_to_ralph(work, &store, &lesson_refs, &origin);
}

/// Sends every planned statement to a real LRS, then checks a second sync finds nothing.
#[cfg(unix)]
fn send_to_ralph(mut work: Plan, store: &Store, lesson_refs: &[&Lesson], origin: &Origin) {
    let total = work.statement_count();
    let Some(lrs) = ralph::Ralph::start() else {
        return;
    };
    let client = Client::new(&lrs.endpoint(), ralph::USERNAME, ralph::PASSWORD);
    let started = Instant::now();
    let mut last = Instant::now();
    let sent = send(&mut work, &client, BATCH, |done, total| {
        if last.elapsed().as_secs() >= 10 || done == total {
            let seconds = started.elapsed().as_secs_f64();
            eprintln!(
                "  {done} of {total} sent, {seconds:.0} s, {:.0} statements/s so far",
                done as f64 / seconds
            );
            last = Instant::now();
        }
    })
    .unwrap_or_else(|(_, e)| panic!("sync failed: {e}"));
    let sending = started.elapsed();
    assert_eq!(sent, total);
    println!(
        "sent {sent} statements in batches of {BATCH} in {:.1} s: {:.0} statements/s",
        sending.as_secs_f64(),
        sent as f64 / sending.as_secs_f64()
    );

    let started = Instant::now();
    let again = plan(store, &store.students().0, lesson_refs, origin, SECRET);
    assert_eq!(
        again.statement_count(),
        0,
        "a second sync finds nothing new"
    );
    println!(
        "second sync, nothing new: {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let held = lrs.stored_lines();
    assert_eq!(held, total, "the LRS holds each statement once");
    println!("the LRS holds {held} statements");
}
