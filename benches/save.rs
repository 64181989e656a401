//! Saving progress after an answer, as the app does, for a student who already has 1,000
//! attempts on file: `Store::save_attempts` locks the student's file, reads and merges
//! it, writes a temporary file, fsyncs it, renames it over the old one and fsyncs the
//! folder.
//!
//! `cargo bench --bench save`
//!
//! Target: under 5 ms.

#[path = "common/attempts.rs"]
mod attempts;
#[path = "common/library.rs"]
mod library;

use std::fs::File;
use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use mehfooz::lesson::Lesson;
use mehfooz::progress::{Store, Student};
use rand::SeedableRng;
use rand::rngs::StdRng;

const LESSONS: usize = 100;
const ATTEMPTS_EACH: usize = 10;

fn save(c: &mut Criterion) {
    let lessons: Vec<Lesson> = attempts::generated_lessons(LESSONS);
    let mut rng = StdRng::seed_from_u64(1);
    // 999 finished attempts over 100 lessons, and one open: the one being saved.
    let mut student = Student::new("Ayesha");
    for (l, lesson) in lessons.iter().enumerate() {
        for a in 0..ATTEMPTS_EACH {
            let open = l == LESSONS - 1 && a == ATTEMPTS_EACH - 1;
            let answered = open.then_some(6);
            let attempt = attempts::attempt(lesson, &mut rng, answered, a % 5);
            student.merge_attempt(&lesson.id, &attempt);
        }
    }
    let count: usize = student.lessons.values().map(|r| r.attempts.len()).sum();
    assert_eq!(count, 1_000);
    let last = &lessons[LESSONS - 1];
    let current = student.lessons[&last.id]
        .open_attempt()
        .expect("the last attempt is open")
        .clone();

    // On the crate's disk (target/tmp), so that fsync reaches a real device.
    let dir = tempfile::Builder::new()
        .prefix("mehfooz-save-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary folder");
    let store = Store::open(dir.path()).expect("the data folder opens");
    store.save(&student).expect("the student saves");
    let size = std::fs::metadata(store.path_for("Ayesha"))
        .expect("the file is there")
        .len();
    eprintln!("save: a student file with {count} attempts, {size} bytes");

    let mut group = c.benchmark_group("save");
    group.sample_size(50);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("save_attempts_1000", |b| {
        b.iter(|| {
            let saved = store
                .save_attempts("Ayesha", &last.id, std::slice::from_ref(&current))
                .expect("the attempt saves");
            assert_eq!(saved.student.lessons.len(), LESSONS);
        });
    });
    // Where the time goes: the same steps one by one, on the same file.
    let path = store.path_for("Ayesha");
    let bytes = std::fs::read(&path).expect("the file reads");
    group.bench_function("part_read_and_parse_json", |b| {
        b.iter(|| {
            let bytes = std::fs::read(&path).expect("the file reads");
            let student: Student = serde_json::from_slice(&bytes).expect("the file parses");
            black_box(student)
        });
    });
    group.bench_function("part_serialize_json_pretty", |b| {
        b.iter(|| serde_json::to_vec_pretty(black_box(&student)).expect("serializes"));
    });
    let scratch = dir.path().join("scratch.json");
    group.bench_function("part_write_fsync_rename_fsync_dir", |b| {
        b.iter(|| {
            let tmp = dir.path().join("scratch.tmp");
            let mut file = File::create(&tmp).expect("creates");
            file.write_all(&bytes).expect("writes");
            file.sync_all().expect("syncs");
            drop(file);
            std::fs::rename(&tmp, &scratch).expect("renames");
            File::open(dir.path())
                .and_then(|d| d.sync_all())
                .expect("syncs the folder");
        });
    });
    group.finish();
    let reread = store
        .load("Ayesha")
        .expect("the student reads back")
        .student;
    assert_eq!(
        reread, student,
        "saving the same attempt again changes nothing"
    );
}

criterion_group!(benches, save);
criterion_main!(benches);
