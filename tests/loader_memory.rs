//! What the lesson loader holds in memory when it refuses a file with far too many steps:
//! it must count the step headers and stop, not build all of them first. Its own test
//! binary, because the counting allocator below sees every allocation of the process.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::tiny_steps;

/// The system allocator, keeping the bytes live now and the most live since `reset_peak`.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes straight to `System`; the counters only add and compare.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the most bytes it had allocated at once.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let result = f();
    (result, PEAK.load(Ordering::Relaxed) - before)
}

#[test]
fn a_4_mb_file_of_100_000_steps_is_refused_by_counting_without_building_the_steps() {
    let (text, count) = tiny_steps(4 * 1024 * 1024 - 100);
    assert!(count > 100_000, "{count}");
    let (parsed, peak) = peak_of(|| mehfooz::lesson::parse_lesson(Path::new("huge.toml"), &text));
    assert!(parsed.lesson.is_none());
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    let d = &parsed.diagnostics[0];
    assert_eq!(
        d.message,
        format!(
            "this lesson has {count} steps; a lesson may have at most 500 (this is step 501): split it into several lessons"
        )
    );
    // Step 501's header: six lines of the lesson, then four lines a step.
    assert_eq!((d.line, d.column), (7 + 500 * 4, 1));
    // Parsed, each tiny step is a table of three strings with their places: well over a
    // hundred bytes, so 100,000 of them would pass 10 MB. Refused by counting, the loader
    // needs at most a small part of the file's own 4 MB.
    assert!(peak < 1024 * 1024, "the loader held {peak} bytes at once");
    // The counter does see parsing: 500 steps, which are allowed and so parsed, take more
    // than this refusal of 100,000.
    let (allowed, _) = tiny_steps(500 * 40 + 120);
    let (parsed, parsed_peak) =
        peak_of(|| mehfooz::lesson::parse_lesson(Path::new("allowed.toml"), &allowed));
    assert!(parsed.lesson.is_some(), "{:?}", parsed.diagnostics);
    eprintln!("peak while refusing: {peak} bytes; parsing 500 steps: {parsed_peak}");
    assert!(parsed_peak > peak, "{parsed_peak} bytes for 500 steps");
}
