//! Laying out a page of Urdu (about 2 KB, with English app names and phone numbers in it)
//! at 200 columns: joined, wrapped and reordered from scratch (cold), and from the cache a
//! screen keeps between frames (cached), for each paragraph as a page screen asks for it.
//!
//! `cargo bench --bench text`
//!
//! Target: the cached layout a small part of one frame's 0.5 ms at 200x60.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mehfooz::text::{DisplayCache, Mode, display_lines};

#[path = "common/urdu.rs"]
mod urdu;
use urdu::page;

fn layout(c: &mut Criterion) {
    let page = page();
    let mut group = c.benchmark_group("urdu_page_200");
    for (name, mode) in [("app", Mode::App), ("terminal", Mode::Terminal)] {
        group.bench_function(format!("{name}/cold"), |b| {
            b.iter(|| {
                for paragraph in &page {
                    black_box(display_lines(black_box(paragraph), 200, mode));
                }
            })
        });
        let mut cache = DisplayCache::new();
        group.bench_function(format!("{name}/cached"), |b| {
            b.iter(|| {
                for paragraph in &page {
                    black_box(cache.lines(black_box(paragraph), 200, mode));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, layout);
criterion_main!(benches);
