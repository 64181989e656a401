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

/// Five paragraphs a child might read on one page, repeated to about 2 KB.
const PARAGRAPHS: [&str; 5] = [
    "آن لائن ہر کوئی وہ نہیں ہوتا جو وہ کہتا ہے۔ کچھ لوگ بچے بن کر بچوں سے دوستی کرتے ہیں \
     اور پھر ان سے وہ باتیں منواتے ہیں جو انہیں نہیں کرنی چاہئیں۔",
    "اگر کوئی آن لائن دوست WhatsApp یا Instagram پر آپ سے تصویریں مانگے، راز رکھنے کو کہے \
     یا اکیلے ملنے کی بات کرے تو یہ خطرے کی نشانی ہے۔",
    "اپنا پورا نام، گھر کا پتہ، اسکول کا نام اور فون نمبر کسی اجنبی کو نہ بتائیں، چاہے وہ \
     کتنا ہی اچھا کیوں نہ لگے۔",
    "کسی بڑے پر بھروسہ کریں: امی، ابو، استاد یا کوئی اور بڑا جو آپ کی بات سنے۔ یہ آپ کی \
     غلطی نہیں ہے، اور مدد مانگنا ہمت کی بات ہے۔",
    "آن لائن جرم کی شکایت کے لیے 1799 پر فون کریں۔ ڈیجیٹل رائٹس فاؤنڈیشن کی ہیلپ لائن \
     0800-39393 مفت ہے۔",
];

fn page() -> Vec<String> {
    let mut page: Vec<String> = Vec::new();
    while page.iter().map(String::len).sum::<usize>() < 2048 {
        page.extend(PARAGRAPHS.iter().map(|p| p.to_string()));
    }
    page
}

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
