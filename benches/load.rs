//! Loading and checking a library of 10 to 10,000 generated lessons (about 9 KB each)
//! with `Catalog::load`, beside the floor it is judged against: bare
//! `toml::from_str::<toml::Table>` over the same bytes, already in memory, on one thread.
//!
//! `cargo bench --bench load`
//!
//! Target: the ratio `catalog_load / floor_toml_from_str` is at most 1.0 (the app may use
//! every core; the floor uses one).
//!
//! Also `refuse_many_steps`: `parse_lesson` refusing a 4 MB file of 100,000 tiny steps.
//! Target: under 2 s on a loaded 2-core machine, under Wine too (it was 3.25 s there once;
//! the test `loader_memory` checks what it holds, this says how long it takes).

#[path = "common/library.rs"]
mod library;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use mehfooz::lesson::Catalog;

const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];

fn load(c: &mut Criterion) {
    for i in 0..50 {
        library::assert_lesson_is_clean(i);
    }
    // On the crate's disk (target/tmp), not a RAM disk; files come from the page cache
    // after the first read either way.
    let root = tempfile::Builder::new()
        .prefix("mehfooz-load-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary folder");
    let mut group = c.benchmark_group("load");
    for n in SIZES {
        let dir = root.path().join(format!("lessons-{n}"));
        let bytes = library::write_library(&dir, n);
        let folders = vec![dir.clone()];
        let catalog = Catalog::load(&folders, false);
        assert_eq!(catalog.lessons.len(), n, "every generated lesson loads");
        assert!(
            catalog.diagnostics.is_empty(),
            "{:?}",
            &catalog.diagnostics[..1]
        );
        drop(catalog);
        let texts = library::read_library(&dir);
        assert_eq!(texts.iter().map(|t| t.len() as u64).sum::<u64>(), bytes);
        eprintln!(
            "load/{n}: {n} lessons, {bytes} bytes ({:.1} MB)",
            bytes as f64 / 1e6
        );

        group.throughput(Throughput::Bytes(bytes));
        if n >= 1_000 {
            group.sampling_mode(SamplingMode::Flat);
            group.sample_size(10);
            group.warm_up_time(Duration::from_secs(2));
            group.measurement_time(Duration::from_secs(if n >= 10_000 { 30 } else { 8 }));
        } else {
            group.sampling_mode(SamplingMode::Auto);
            group.sample_size(30);
            group.warm_up_time(Duration::from_secs(1));
            group.measurement_time(Duration::from_secs(4));
        }
        group.bench_with_input(BenchmarkId::new("catalog_load", n), &folders, |b, f| {
            b.iter(|| Catalog::load(black_box(f), false));
        });
        group.bench_with_input(
            BenchmarkId::new("floor_toml_from_str", n),
            &texts,
            |b, texts| {
                b.iter(|| {
                    for text in texts {
                        let table: toml::Table =
                            toml::from_str(black_box(text)).expect("the lesson is TOML");
                        black_box(table);
                    }
                });
            },
        );
        // Context, not the floor: the same parse with the files read from the page cache
        // first, as `Catalog::load` has to.
        group.bench_with_input(
            BenchmarkId::new("read_and_toml_from_str", n),
            &dir,
            |b, dir: &PathBuf| {
                b.iter(|| {
                    for text in library::read_library(dir) {
                        let table: toml::Table = toml::from_str(&text).expect("the lesson is TOML");
                        black_box(table);
                    }
                });
            },
        );
    }
    group.finish();
}

/// A 4 MB lesson of tiny pages, far over the step limit, refused by counting its headers.
fn refuse_many_steps(c: &mut Criterion) {
    let mut text = String::from(
        "format_version = 1\nid = \"huge\"\ntitle = \"T\"\nsummary = \"S\"\nages = { min = 8, max = 10 }\nminutes = 5\n",
    );
    let step = "[[steps]]\ntype=\"page\"\ntitle=\"a\"\ntext=\"b\"\n";
    text.push_str(&step.repeat((4 * 1024 * 1024 - 100 - text.len()) / step.len()));
    let path = std::path::Path::new("huge.toml");
    let parsed = mehfooz::lesson::parse_lesson(path, &text);
    assert!(parsed.lesson.is_none(), "the file is refused");
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("refuse_many_steps", |b| {
        b.iter(|| mehfooz::lesson::parse_lesson(path, black_box(&text)));
    });
    group.finish();
}

criterion_group!(benches, load, refuse_many_steps);
criterion_main!(benches);
