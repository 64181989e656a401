//! Writes a generated lesson library for the benchmarks and the first-frame harness.
//!
//! `cargo run --release --example gen_library -- DIR COUNT`

#[path = "../benches/common/library.rs"]
mod library;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, count] = args.as_slice() else {
        eprintln!("usage: gen_library DIR COUNT");
        return ExitCode::FAILURE;
    };
    let Ok(count) = count.parse::<usize>() else {
        eprintln!("COUNT must be a number");
        return ExitCode::FAILURE;
    };
    for i in 0..count.min(20) {
        library::assert_lesson_is_clean(i);
    }
    let dir = PathBuf::from(dir);
    let bytes = library::write_library(&dir, count);
    println!(
        "{count} lessons, {bytes} bytes ({:.0} bytes a lesson) in {}",
        bytes as f64 / count.max(1) as f64,
        dir.display()
    );
    ExitCode::SUCCESS
}
