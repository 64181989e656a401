//! The class report over 1,000 students x 20 lessons, each student with a finished
//! attempt at every lesson: `class_report` replays every saved answer through the quiz
//! engine to find the questions the class missed most.
//!
//! `cargo bench --bench report`
//!
//! Target: under 1 s.

#[path = "common/attempts.rs"]
mod attempts;
#[path = "common/library.rs"]
mod library;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use mehfooz::lesson::Lesson;
use mehfooz::progress::Student;
use mehfooz::report::class_report;
use rand::SeedableRng;
use rand::rngs::StdRng;

const STUDENTS: usize = 1_000;
const LESSONS: usize = 20;

fn report(c: &mut Criterion) {
    let lessons: Vec<Lesson> = attempts::generated_lessons(LESSONS);
    let mut rng = StdRng::seed_from_u64(2);
    let students: Vec<Student> = (0..STUDENTS)
        .map(|s| {
            let mut student = Student::new(&format!("Student {s}"));
            for lesson in &lessons {
                let attempt = attempts::attempt(lesson, &mut rng, None, s % 4);
                student.merge_attempt(&lesson.id, &attempt);
            }
            student
        })
        .collect();
    let lesson_refs: Vec<&Lesson> = lessons.iter().collect();
    let report = class_report(&lesson_refs, &students);
    assert_eq!(report.rows.len(), STUDENTS);
    assert!(!report.missed.is_empty(), "the class missed some questions");

    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("class_report_1000_students_20_lessons", |b| {
        b.iter(|| black_box(class_report(black_box(&lesson_refs), black_box(&students))))
    });
    group.bench_function("class_report_and_table_1000x20", |b| {
        b.iter(|| black_box(class_report(&lesson_refs, &students).to_table()))
    });
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
