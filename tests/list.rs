//! `mehfooz list`: the lessons on offer, as a table or as JSON.

mod common;

use common::{data_dir, mehfooz, run};
use mehfooz::lesson::Catalog;
use serde_json::Value;

fn list_json(args: &[&str]) -> Vec<Value> {
    let data = data_dir();
    let out = run(mehfooz(data.path()).arg("list").arg("--json").args(args));
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let value: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("list --json is not JSON ({e}):\n{}", out.stdout));
    value.as_array().expect("list --json is an array").clone()
}

fn find<'a>(rows: &'a [Value], id: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no lesson {id} in {rows:#?}"))
}

#[test]
fn list_json_describes_every_built_in_lesson() {
    let rows = list_json(&[]);
    let built_in = Catalog::built_in();
    assert_eq!(rows.len(), built_in.lessons.len(), "{rows:#?}");
    for entry in &built_in.lessons {
        let lesson = &entry.lesson;
        let row = find(&rows, &lesson.id);
        assert_eq!(row["title"], lesson.title.as_str(), "{row}");
        assert_eq!(
            row["ages"],
            serde_json::json!([lesson.ages.min, lesson.ages.max]),
            "{row}"
        );
        assert_eq!(row["minutes"], lesson.minutes, "{row}");
        assert_eq!(row["questions"], lesson.question_count(), "{row}");
        let file = row["file"].as_str().expect("file is text");
        assert!(
            file.starts_with("lessons/") && file.ends_with(".toml"),
            "file {file:?}"
        );
        assert_eq!(row["built_in"], true, "{row}");
        assert_eq!(row["replaces_built_in"], false, "{row}");
    }
}

#[test]
fn list_json_fields_have_sensible_values() {
    for row in list_json(&[]) {
        assert!(!row["title"].as_str().unwrap().is_empty(), "{row}");
        let ages = row["ages"].as_array().unwrap();
        let (min, max) = (ages[0].as_u64().unwrap(), ages[1].as_u64().unwrap());
        assert!(min <= max, "{row}");
        assert!(row["minutes"].as_u64().unwrap() > 0, "{row}");
        assert!(row["questions"].as_u64().unwrap() > 0, "{row}");
    }
}

#[test]
fn list_marks_a_folder_lesson_that_replaces_a_built_in_one() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["list", "--lessons", "tests/good_lessons"]));
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.is_empty(), "stderr: {}", out.stderr);
    let row = |id: &str| {
        out.stdout
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no row for {id}:\n{}", out.stdout))
    };
    let replacing = row("private-info-basics");
    assert!(
        replacing.contains("tests/good_lessons/private-info-basics.toml"),
        "{replacing}"
    );
    assert!(
        replacing.ends_with("(replaces the built-in lesson)"),
        "{replacing}"
    );
    assert!(
        !out.stdout
            .lines()
            .any(|l| l.ends_with("  lessons/private-info-basics.toml")),
        "the replaced built-in lesson is still listed:\n{}",
        out.stdout
    );
    assert_eq!(
        out.stdout.matches("(replaces the built-in lesson)").count(),
        1,
        "only one lesson replaces a built-in one:\n{}",
        out.stdout
    );
    for id in ["every-step", "short-quiz", "sextortion"] {
        assert!(!row(id).contains("replaces"), "{}", row(id));
    }
    assert!(out.stdout.starts_with("ID "), "{}", out.stdout);
}

#[test]
fn list_json_marks_a_folder_lesson_that_replaces_a_built_in_one() {
    let rows = list_json(&["--lessons", "tests/good_lessons"]);
    let replacing = find(&rows, "private-info-basics");
    assert_eq!(replacing["replaces_built_in"], true, "{replacing}");
    assert_eq!(replacing["built_in"], false, "{replacing}");
    assert_eq!(
        replacing["file"], "tests/good_lessons/private-info-basics.toml",
        "{replacing}"
    );
    assert_eq!(
        rows.iter()
            .filter(|r| r["id"] == "private-info-basics")
            .count(),
        1
    );
    let every_step = find(&rows, "every-step");
    assert_eq!(every_step["replaces_built_in"], false);
    assert_eq!(every_step["built_in"], false);
    assert_eq!(every_step["questions"], 5);
    assert_eq!(every_step["ages"], serde_json::json!([8, 10]));
    assert_eq!(every_step["minutes"], 5);
}

#[test]
fn a_mistyped_region_flag_is_an_error_that_lists_the_known_regions() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["--region", "uk", "list"]));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert_eq!(
        out.stderr.trim(),
        "mehfooz: --region: there is no region \"uk\" (did you mean \"pk\"?); the regions with help lines are \"pk\" (Pakistan) or \"intl\" (International)"
    );
}

#[test]
fn a_mistyped_region_stops_play_before_any_lesson_is_shown() {
    let data = data_dir();
    let out = run(mehfooz(data.path())
        .args([
            "--region",
            "int",
            "play",
            "trusted-adults",
            "--student",
            "Ali",
        ])
        .write_stdin(""));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(
        out.stderr
            .contains("there is no region \"int\" (did you mean \"intl\"?)"),
        "{}",
        out.stderr
    );
}

/// In a window narrower than the table (a school's console is often 80 columns) each
/// lesson gets short lines of its own instead of a table that wraps into a jumble.
#[test]
fn list_in_an_80_column_window_gives_each_lesson_short_lines() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).env("COLUMNS", "80").arg("list"));
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    for line in out.stdout.lines() {
        assert!(
            line.chars().count() <= 80,
            "too wide for the window: {line}"
        );
    }
    let catalog = Catalog::built_in();
    for entry in &catalog.lessons {
        let first = format!("{}: {}", entry.lesson.id, entry.lesson.title);
        assert!(
            out.stdout.lines().any(|l| l == first),
            "no {first:?}:\n{}",
            out.stdout
        );
    }
    assert!(
        out.stdout.contains("also in: ur (draft), ur-Latn (draft)"),
        "{}",
        out.stdout
    );
    // A window wide enough keeps the table.
    let wide = run(mehfooz(data.path()).env("COLUMNS", "400").arg("list"));
    assert!(wide.stdout.starts_with("ID "), "{}", wide.stdout);
}

/// The class report is a table of every lesson: in a window narrower than that, its
/// lesson columns go in blocks that fit (L1-L10, then L11-L20...); a file or a wide
/// window gets one block. What still cannot fit is said on stderr, with what to do.
#[test]
fn a_report_in_a_narrow_window_puts_its_lessons_in_blocks_that_fit() {
    let data = data_dir();
    let played = run(mehfooz(data.path())
        .args(["play", "kind-online", "--student", "Ayesha", "--plain"])
        .write_stdin("\n1\n"));
    assert_eq!(played.code, Some(0), "{}", played.stderr);
    let narrow = run(mehfooz(data.path()).env("COLUMNS", "80").arg("report"));
    assert_eq!(narrow.code, Some(0), "{}", narrow.stderr);
    let too_wide: Vec<&str> = narrow
        .stdout
        .lines()
        .filter(|l| mehfooz::text::width(l) > 80)
        .collect();
    assert!(too_wide.is_empty(), "{too_wide:#?}\n{}", narrow.stdout);
    assert!(
        narrow.stdout.matches("STUDENT").count() >= 2,
        "{}",
        narrow.stdout
    );
    assert!(narrow.stdout.contains("L22"), "{}", narrow.stdout);
    assert_eq!(
        narrow.stdout.matches("\nAyesha").count(),
        narrow.stdout.matches("STUDENT").count()
    );
    assert!(!narrow.stderr.contains("window"), "{}", narrow.stderr);
    let wide = run(mehfooz(data.path()).env("COLUMNS", "400").arg("report"));
    assert_eq!(wide.stdout.matches("STUDENT").count(), 1, "{}", wide.stdout);
    assert!(!wide.stderr.contains("window"), "{}", wide.stderr);
    // A name longer than the window cannot fit: said, with what to do.
    let long = "Ayesha Siddiqa from the morning class";
    let played = run(mehfooz(data.path())
        .args(["play", "kind-online", "--student", long, "--plain"])
        .write_stdin("\n1\n"));
    assert_eq!(played.code, Some(0), "{}", played.stderr);
    let tiny = run(mehfooz(data.path()).env("COLUMNS", "30").arg("report"));
    assert!(
        tiny.stderr.contains("make the window wider"),
        "{}",
        tiny.stderr
    );
    assert!(
        tiny.stderr.contains("--csv --output report.csv"),
        "{}",
        tiny.stderr
    );
    let csv = run(mehfooz(data.path())
        .env("COLUMNS", "80")
        .args(["report", "--csv"]));
    assert!(!csv.stderr.contains("window"), "{}", csv.stderr);
}
