//! The teacher's commands from the outside: new, schema, check --format json, report,
//! reset, class settings, and a lab of machines saving into one data folder at once.

mod common;

use std::fs;
use std::path::Path;

use common::{
    crate_dir, data_dir, mehfooz, play_good, run, short_quiz_csv, started, student_files,
    student_who_took,
};

/// Ayesha gets everything in short-quiz right; Bilal gets everything wrong.
fn class_with_two_students(data: &Path) {
    let right = play_good(data, "short-quiz", "Ayesha", "\n1\n\n1\n");
    assert!(right.stdout.contains("You scored 100%"), "{}", right.stdout);
    let wrong = play_good(data, "short-quiz", "Bilal", "\n2\n\n2\n");
    assert!(wrong.stdout.contains("You scored 0%"), "{}", wrong.stdout);
}

#[test]
fn new_writes_a_starter_lesson_that_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir();
    let out = run(mehfooz(data.path())
        .args(["new", "my-lesson", "--dir"])
        .arg(dir.path()));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let lesson = dir.path().join("my-lesson.toml");
    let text = fs::read_to_string(&lesson).unwrap();
    assert!(text.starts_with("#:schema ./lesson.schema.json"));
    for step in [
        "\"page\"",
        "\"question\"",
        "\"chat\"",
        "\"pool\"",
        "\"true_false\"",
    ] {
        assert!(text.contains(step), "the starter has a {step} step");
    }
    assert!(dir.path().join("lesson.schema.json").is_file());
    let check = run(mehfooz(data.path()).arg("check").arg(&lesson));
    assert_eq!(check.code, Some(0), "{}", check.stdout);
    assert!(
        check.stdout.contains("0 errors, 0 warnings"),
        "{}",
        check.stdout
    );
    // The lesson plays.
    let list = run(mehfooz(data.path())
        .args(["list", "--lessons"])
        .arg(dir.path()));
    assert!(list.stdout.contains("my-lesson"), "{}", list.stdout);
}

#[test]
fn new_refuses_a_bad_id_and_never_overwrites_a_lesson() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir();
    let bad = run(mehfooz(data.path())
        .args(["new", "My Lesson", "--dir"])
        .arg(dir.path()));
    assert_eq!(bad.code, Some(1));
    assert!(bad.stderr.contains("lowercase letters"), "{}", bad.stderr);
    run(mehfooz(data.path())
        .args(["new", "twice", "--dir"])
        .arg(dir.path()));
    fs::write(dir.path().join("twice.toml"), "my own work").unwrap();
    let again = run(mehfooz(data.path())
        .args(["new", "twice", "--dir"])
        .arg(dir.path()));
    assert_eq!(again.code, Some(1));
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("twice.toml")).unwrap(),
        "my own work"
    );
}

#[test]
fn the_committed_schema_is_what_the_schema_command_prints() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).arg("schema"));
    assert_eq!(out.code, Some(0));
    let committed = fs::read_to_string(crate_dir().join("schema/lesson.schema.json")).unwrap();
    assert_eq!(
        out.stdout, committed,
        "schema/lesson.schema.json is out of date: run `cargo run -- schema > schema/lesson.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
}

#[test]
fn every_shipped_lesson_fits_the_schema_types_and_names_the_schema() {
    for entry in fs::read_dir(crate_dir().join("lessons")).unwrap() {
        let path = entry.unwrap().path();
        // Translations live in language folders and are checked against their sources.
        // help-lines.toml and glossary.toml are files of their own kinds, not lessons.
        let name = path.file_name().unwrap();
        if path.is_dir() || name == "help-lines.toml" || name == "glossary.toml" {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("#:schema ../schema/lesson.schema.json"),
            "{} starts with the #:schema line",
            path.display()
        );
        toml::from_str::<mehfooz::lesson::schema::LessonFile>(&text)
            .unwrap_or_else(|e| panic!("{} does not fit the schema types: {e}", path.display()));
    }
}

#[test]
fn check_format_json_gives_one_object_per_problem() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args([
        "check",
        "--format",
        "json",
        "tests/broken_lessons/two-mistakes.toml",
    ]));
    assert_eq!(out.code, Some(1));
    let problems: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(problems.len(), 2, "{}", out.stdout);
    for p in &problems {
        for field in ["path", "line", "column", "severity", "message"] {
            assert!(p.get(field).is_some(), "{field} in {p}");
        }
        assert_eq!(p["severity"], "error");
    }
}

#[test]
fn report_shows_students_by_lessons_totals_and_the_most_missed_question() {
    let data = data_dir();
    class_with_two_students(data.path());
    let out = run(mehfooz(data.path()).args(["report", "--lessons", "tests/good_lessons"]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let table = &out.stdout;
    assert!(table.contains("Class report: 2 students"), "{table}");
    let ayesha = table
        .lines()
        .find(|l| l.starts_with("Ayesha"))
        .expect("a row for Ayesha");
    assert!(ayesha.contains("100%*"), "{ayesha}");
    let bilal = table
        .lines()
        .find(|l| l.starts_with("Bilal"))
        .expect("a row for Bilal");
    assert!(bilal.contains("0%"), "{bilal}");
    assert!(
        table.contains("1 of 2 answers missed  short-quiz: Passwords should be kept private."),
        "{table}"
    );
    assert!(
        table.contains("most chosen wrong answer (1x): Nobody"),
        "{table}"
    );
}

#[test]
fn report_csv_opens_in_a_spreadsheet_and_can_go_to_a_file() {
    let data = data_dir();
    class_with_two_students(data.path());
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("report.csv");
    let out = run(mehfooz(data.path())
        .args([
            "report",
            "--csv",
            "--lesson",
            "short-quiz",
            "--lessons",
            "tests/good_lessons",
            "--output",
        ])
        .arg(&file));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let csv = fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "student,lesson_id,lesson,status,best_percent,attempts,passed,languages"
    );
    assert_eq!(
        lines[1],
        "Ayesha,short-quiz,A short quiz,passed,100,1,yes,en"
    );
    assert_eq!(
        lines[2],
        "Bilal,short-quiz,A short quiz,not yet passed,0,1,no,en"
    );
    assert_eq!(lines.len(), 3);
}

#[test]
fn report_skips_a_corrupt_student_file_and_says_so() {
    let data = data_dir();
    class_with_two_students(data.path());
    fs::write(data.path().join("zara-0000000000000000.json"), "{ broken").unwrap();
    let out = run(mehfooz(data.path()).args(["report", "--lessons", "tests/good_lessons"]));
    assert_eq!(out.code, Some(0));
    assert!(
        out.stderr.contains("zara-0000000000000000.json"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.contains("Class report: 2 students"),
        "{}",
        out.stdout
    );
    assert_eq!(
        fs::read_to_string(data.path().join("zara-0000000000000000.json")).unwrap(),
        "{ broken",
        "the report never changes a student's file"
    );
}

#[test]
fn report_on_a_lesson_that_does_not_exist_says_so() {
    let data = data_dir();
    class_with_two_students(data.path());
    let out = run(mehfooz(data.path()).args(["report", "--lesson", "no-such-lesson"]));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("no lesson with the id \"no-such-lesson\""),
        "{}",
        out.stderr
    );
}

#[test]
fn reset_asks_first_and_keeps_a_backup() {
    let data = data_dir();
    class_with_two_students(data.path());
    let before = student_files(data.path());
    let no = run(mehfooz(data.path())
        .args(["reset", "--student", "Bilal"])
        .write_stdin("y\n"));
    assert_eq!(no.code, Some(1));
    assert!(
        no.stdout
            .contains("Nothing was changed: only the whole word yes clears it."),
        "{}",
        no.stdout
    );
    assert_eq!(student_files(data.path()), before);
    let yes = run(mehfooz(data.path())
        .args(["reset", "--student", "Bilal", "--lesson", "short-quiz"])
        .write_stdin("yes\n"));
    assert_eq!(yes.code, Some(0), "{}", yes.stderr);
    assert!(
        yes.stdout.contains("The old file is kept as"),
        "{}",
        yes.stdout
    );
    let backup = fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(".backup-"))
        .expect("a backup file");
    assert!(fs::read_to_string(backup).unwrap().contains("short-quiz"));
    let report = short_quiz_csv(data.path());
    assert!(
        report
            .stdout
            .contains("Bilal,short-quiz,A short quiz,not started,,0,no"),
        "{}",
        report.stdout
    );
    assert!(
        report
            .stdout
            .contains("Ayesha,short-quiz,A short quiz,passed"),
        "{}",
        report.stdout
    );
}

#[test]
fn class_settings_choose_lessons_region_and_data_folder() {
    let class = tempfile::tempdir().unwrap();
    let lessons = class.path().join("our-lessons");
    fs::create_dir(&lessons).unwrap();
    fs::copy(
        crate_dir().join("tests/good_lessons/short-quiz.toml"),
        lessons.join("short-quiz.toml"),
    )
    .unwrap();
    // Settings beside the lessons are not read as a lesson.
    fs::write(lessons.join("mehfooz.toml"), "theme = \"plain\"\n").unwrap();
    fs::write(
        class.path().join("mehfooz.toml"),
        "lessons = \"our-lessons\"\ndata_dir = \"progress\"\nregion = \"intl\"\nbuilt_in = [\"trusted-adults\"]\n",
    )
    .unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("mehfooz").unwrap();
    let out = run(cmd.current_dir(class.path()).arg("list"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let ids: Vec<&str> = out
        .stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids, vec!["trusted-adults", "short-quiz"], "{}", out.stdout);
    let mut cmd = assert_cmd::Command::cargo_bin("mehfooz").unwrap();
    let played = run(cmd
        .current_dir(class.path())
        .args(["play", "short-quiz", "--student", "Sana", "--plain"])
        .write_stdin("\n1\n\n1\n"));
    assert!(
        played.stdout.contains("You scored 100%"),
        "{}",
        played.stdout
    );
    assert_eq!(student_files(&class.path().join("progress")).len(), 1);
}

#[test]
fn a_mistake_in_the_class_settings_is_shown_with_its_line() {
    let class = tempfile::tempdir().unwrap();
    let config = class.path().join("class.toml");
    fs::write(&config, "lessons = \"x\"\nthem = \"plain\"\n").unwrap();
    let data = data_dir();
    let out = run(mehfooz(data.path())
        .arg("--config")
        .arg(&config)
        .arg("list"));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains(
            "class.toml:2:1: error: unknown field `them` in the settings; did you mean `theme`?"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_lab_saving_into_one_data_folder_at_once_loses_nothing() {
    let data = data_dir();
    let children: Vec<_> = (0..8)
        .map(|i| {
            let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mehfooz"));
            cmd.current_dir(crate_dir())
                .args(["--data-dir"])
                .arg(data.path())
                .args([
                    "play",
                    "short-quiz",
                    "--student",
                    &format!("Student {i}"),
                    "--plain",
                ])
                .args(["--lessons", "tests/good_lessons"])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null());
            let mut child = started(|| cmd.spawn());
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"\n1\n\n1\n")
                .unwrap();
            child
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let out = short_quiz_csv(data.path());
    let passed = out
        .stdout
        .lines()
        .filter(|l| l.ends_with(",passed,100,1,yes,en"))
        .count();
    assert_eq!(passed, 8, "{}", out.stdout);
}

#[test]
fn import_turns_a_moodle_quiz_into_a_lesson_that_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir();
    let out = run(mehfooz(data.path())
        .args([
            "import",
            "tests/import_fixtures/question-types.gift.txt",
            "--dir",
        ])
        .arg(dir.path()));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout
            .contains("question-types.toml with 7 questions (4 skipped)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains(
            "question-types.gift.txt:22: skipped: short-answer questions are not supported"
        ),
        "{}",
        out.stderr
    );
    let lesson = dir.path().join("question-types.toml");
    let check = run(mehfooz(data.path()).arg("check").arg(&lesson));
    assert_eq!(check.code, Some(0), "{}", check.stdout);
    let again = run(mehfooz(data.path())
        .args([
            "import",
            "tests/import_fixtures/question-types.gift.txt",
            "--dir",
        ])
        .arg(dir.path()));
    assert_eq!(again.code, Some(1), "an import never overwrites a lesson");
}

#[test]
fn import_of_a_missing_file_says_which() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["import", "no-such-quiz.gift"]));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("cannot read no-such-quiz.gift"),
        "{}",
        out.stderr
    );
}

#[test]
fn report_before_anyone_has_started_says_so() {
    let data = data_dir();
    let empty = data.path().join("not-made-yet");
    let mut cmd = assert_cmd::Command::cargo_bin("mehfooz").unwrap();
    let out = run(cmd.arg("report").arg("--data-dir").arg(&empty));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("no student has started"),
        "{}",
        out.stderr
    );
}

#[test]
fn reset_of_a_misspelt_student_or_lesson_says_so_and_changes_nothing() {
    let data = data_dir();
    class_with_two_students(data.path());
    let contents = |dir: &Path| -> Vec<String> {
        student_files(dir)
            .iter()
            .map(|f| fs::read_to_string(f).unwrap())
            .collect()
    };
    let before = contents(data.path());
    let everything = |dir: &Path| {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let files_before = everything(data.path());
    let out = run(mehfooz(data.path()).args(["reset", "--student", "Ayeesha", "--yes"]));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert!(
        out.stderr.contains("no student is called \"Ayeesha\"")
            && out.stderr.contains("did you mean \"Ayesha\"?"),
        "{}",
        out.stderr
    );
    let out = run(mehfooz(data.path()).args(["reset", "--student", "Nobody", "--yes"]));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert!(out.stderr.contains("mehfooz report"), "{}", out.stderr);
    let out = run(mehfooz(data.path()).args([
        "reset",
        "--student",
        "bilal",
        "--lesson",
        "short-quizz",
        "--yes",
    ]));
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert!(
        out.stderr
            .contains("Bilal has no progress in a lesson \"short-quizz\"")
            && out.stderr.contains("did you mean \"short-quiz\"?"),
        "{}",
        out.stderr
    );
    // Not a file touched, nor a lock left behind.
    assert_eq!(contents(data.path()), before);
    assert_eq!(everything(data.path()), files_before);
}

#[test]
fn broken_class_settings_never_stop_a_teacher_checking_lessons() {
    let class = tempfile::tempdir().unwrap();
    fs::write(class.path().join("mehfooz.toml"), "them = \"plain\"\n").unwrap();
    let lesson = crate_dir().join("tests/good_lessons/short-quiz.toml");
    let mut cmd = assert_cmd::Command::cargo_bin("mehfooz").unwrap();
    let out = run(cmd.current_dir(class.path()).arg("check").arg(&lesson));
    // The lesson is checked, and the settings' mistake is reported with it.
    assert!(
        out.stdout
            .contains("mehfooz.toml:1:1: error: unknown field `them`")
            && out.stdout.contains("Checked 2 files: 1 error, 0 warnings."),
        "{}{}",
        out.stdout,
        out.stderr
    );
    let mut cmd = assert_cmd::Command::cargo_bin("mehfooz").unwrap();
    let list = run(cmd.current_dir(class.path()).arg("list"));
    assert_eq!(
        list.code,
        Some(1),
        "the app itself does not start on broken settings"
    );
    assert!(
        list.stderr
            .contains("mehfooz.toml:1:1: error: unknown field `them`"),
        "{}",
        list.stderr
    );
}

#[test]
fn reset_help_explains_each_option() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["reset", "--help"]));
    assert_eq!(out.code, Some(0));
    for (option, words) in [
        ("--student <STUDENT>", "The student's name"),
        ("--lesson <ID>", "Only this lesson's progress"),
        ("--yes", "Do not ask for confirmation"),
    ] {
        let line = out
            .stdout
            .lines()
            .find(|l| l.trim_start().starts_with(option))
            .unwrap_or_else(|| panic!("no {option} in\n{}", out.stdout));
        assert!(line.contains(words), "{option}: {line}");
    }
}

#[test]
fn report_output_never_goes_into_the_data_folder_nor_replaces_a_file_without_force() {
    let data = data_dir();
    class_with_two_students(data.path());
    let progress = student_files(data.path());
    let ayesha = progress
        .iter()
        .find(|p| p.to_string_lossy().contains("ayesha"))
        .unwrap()
        .clone();
    let before = fs::read(&ayesha).unwrap();
    let report_to = |file: &Path, force: bool| {
        let mut cmd = mehfooz(data.path());
        cmd.args([
            "report",
            "--csv",
            "--lessons",
            "tests/good_lessons",
            "--output",
        ])
        .arg(file);
        if force {
            cmd.arg("--force");
        }
        run(&mut cmd)
    };
    // Over a student's progress, even with --force, and anywhere else in the data folder.
    for target in [ayesha.clone(), data.path().join("class.csv")] {
        let out = report_to(&target, true);
        assert_eq!(out.code, Some(1), "{}", out.stderr);
        assert!(
            out.stderr.contains("inside the data folder"),
            "{}",
            out.stderr
        );
    }
    assert_eq!(fs::read(&ayesha).unwrap(), before);
    assert!(!data.path().join("class.csv").exists());
    // A file elsewhere that exists is kept unless --force.
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("report.csv");
    fs::write(&file, "the teacher's own notes").unwrap();
    let out = report_to(&file, false);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("already exists; add --force to replace it"),
        "{}",
        out.stderr
    );
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "the teacher's own notes"
    );
    let out = report_to(&file, true);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(fs::read_to_string(&file).unwrap().starts_with("student,"));
}

#[test]
fn report_csv_neutralises_cells_a_spreadsheet_would_run_as_formulas() {
    let data = data_dir();
    let names = [
        "=HYPERLINK(\"http://example.com\",\"click\")",
        "+1+2",
        "-2+3",
        "@SUM(A1)",
    ];
    for name in names {
        let out = run(mehfooz(data.path())
            .args([
                "play",
                "short-quiz",
                "--plain",
                "--lessons",
                "tests/good_lessons",
            ])
            .arg(format!("--student={name}"))
            .write_stdin("\n1\n\n1\n"));
        assert_eq!(out.code, Some(0), "{name}: {}", out.stderr);
    }
    let out = short_quiz_csv(data.path());
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let students: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(students.len(), names.len(), "{}", out.stdout);
    for name in names {
        assert!(
            students.contains(&format!("'{name}")),
            "{name} is not neutralised: {students:?}"
        );
    }
}

#[test]
fn a_very_long_name_is_cut_in_the_table_and_whole_in_the_csv() {
    let data = data_dir();
    let long = "Ayesha".repeat(834); // 5,004 characters
    let out = play_good(data.path(), "short-quiz", &long, "\n1\n\n1\n");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    play_good(data.path(), "short-quiz", "Bilal", "\n2\n\n2\n");
    let table = run(mehfooz(data.path()).args([
        "report",
        "--lesson",
        "short-quiz",
        "--lessons",
        "tests/good_lessons",
    ]));
    let row = table
        .stdout
        .lines()
        .find(|l| l.starts_with("AyeshaAyesha"))
        .expect("a row for the long name");
    assert!(row.contains('…') && row.contains("100%*"), "{row}");
    let bilal = table
        .stdout
        .lines()
        .find(|l| l.starts_with("Bilal"))
        .unwrap();
    assert!(
        row.chars().count() <= 60 && bilal.chars().count() <= 60,
        "rows are {} and {} characters wide",
        row.chars().count(),
        bilal.chars().count()
    );
    let csv =
        run(mehfooz(data.path()).args(["report", "--csv", "--lessons", "tests/good_lessons"]));
    assert!(
        csv.stdout
            .lines()
            .any(|l| l.starts_with(&format!("{long},short-quiz,"))),
        "the CSV does not keep the whole name"
    );
}

#[test]
fn an_attempt_on_another_lesson_with_the_same_id_is_not_shown_or_reported_as_this_one() {
    let data = data_dir();
    class_with_two_students(data.path());
    // Another lesson that reuses the id, with the right answers the other way round.
    let other = tempfile::tempdir().unwrap();
    let original =
        fs::read_to_string(crate_dir().join("tests/good_lessons/short-quiz.toml")).unwrap();
    let swapped = original
        .replace("answer = true", "answer = false")
        .replace("correct = true\n", "")
        .replace(
            "text = \"Nobody\"\n",
            "text = \"Nobody\"\n  correct = true\n",
        );
    assert_ne!(swapped, original);
    fs::write(other.path().join("short-quiz.toml"), &swapped).unwrap();
    let report = |lessons: &Path| {
        run(mehfooz(data.path())
            .args(["report", "--csv"])
            .args(["--lesson", "short-quiz", "--lessons"])
            .arg(lessons))
    };
    let out = report(other.path());
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Ayesha,short-quiz,A short quiz,not started,,0,no"),
        "{}",
        out.stdout
    );
    // Nor do its answers count among the questions the class missed.
    let table = run(mehfooz(data.path())
        .args(["report", "--lessons"])
        .arg(other.path()));
    assert!(
        table.stdout.contains("No question has been missed yet."),
        "{}",
        table.stdout
    );
    // Playing the other lesson starts afresh; the first lesson's results stay its own.
    let play = run(mehfooz(data.path())
        .args([
            "play",
            "short-quiz",
            "--student",
            "Ayesha",
            "--plain",
            "--lessons",
        ])
        .arg(other.path())
        .write_stdin("\n2\n"));
    assert_eq!(play.code, Some(0), "{}", play.stderr);
    assert!(!play.stdout.contains("Carrying on"), "{}", play.stdout);
    let out = report(&crate_dir().join("tests/good_lessons"));
    assert!(
        out.stdout
            .contains("Ayesha,short-quiz,A short quiz,passed,100,1,yes"),
        "{}",
        out.stdout
    );
    let out = report(other.path());
    assert!(
        out.stdout
            .contains("Ayesha,short-quiz,A short quiz,in progress,,0,no"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_progress_file_from_before_content_versions_still_loads_and_counts() {
    let data = data_dir();
    class_with_two_students(data.path());
    // The same progress as an older Mehfooz wrote it: format 1, no content versions.
    for path in student_files(data.path()) {
        let mut student: serde_json::Value =
            serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        student["format_version"] = 1.into();
        for attempt in student["lessons"]["short-quiz"]["attempts"]
            .as_array_mut()
            .unwrap()
        {
            attempt.as_object_mut().unwrap().remove("content_version");
        }
        fs::write(&path, serde_json::to_vec(&student).unwrap()).unwrap();
    }
    let out = short_quiz_csv(data.path());
    assert!(
        out.stdout
            .contains("Ayesha,short-quiz,A short quiz,passed,100,1,yes"),
        "{}",
        out.stdout
    );
    // Saving again writes the current format.
    play_good(data.path(), "short-quiz", "Ayesha", "\n1\n\n1\n");
    let ayesha = student_files(data.path())
        .into_iter()
        .find(|p| p.to_string_lossy().contains("ayesha"))
        .unwrap();
    let student: serde_json::Value = serde_json::from_slice(&fs::read(ayesha).unwrap()).unwrap();
    assert_eq!(student["format_version"], mehfooz::progress::FORMAT_VERSION);
}

#[test]
fn a_lessons_content_version_stays_the_same_from_release_to_release() {
    // Learning records and saved progress rely on this value: it must never change for
    // the same lesson. If this fails, the hash changed, and every attempt saved so far
    // would stop counting.
    let catalog = mehfooz::lesson::Catalog::load(&[crate_dir().join("tests/good_lessons")], false);
    let lesson = &catalog.get("short-quiz").unwrap().lesson;
    assert_eq!(lesson.content_version(), "7d965c2a967d3c4a");
}

#[test]
fn report_says_which_languages_each_student_and_each_lesson_were_taken_in() {
    let data = data_dir();
    let store = mehfooz::progress::Store::open(data.path()).unwrap();
    store
        .save(&student_who_took("Ayesha", "kind-online", &["en", "ur"]))
        .unwrap();
    store
        .save(&student_who_took("Bilal", "kind-online", &["ur-Latn"]))
        .unwrap();
    store
        .save(&mehfooz::progress::Student::new("Zara"))
        .unwrap();
    let out = run(mehfooz(data.path()).args(["report", "--lesson", "kind-online"]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let table = &out.stdout;
    let row = |name: &str| {
        table
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("a row for {name}:\n{table}"))
            .to_string()
    };
    assert!(table.contains("STUDENT     L1  LANGUAGES\n"), "{table}");
    assert!(row("Ayesha").ends_with("  en, ur"), "{table}");
    assert!(row("Bilal").ends_with("  ur-Latn"), "{table}");
    // Not started: no language.
    assert!(row("Zara").ends_with("  -"), "{table}");
    // The lesson's own line says which languages the class took it in.
    assert!(table.contains(", taken in en, ur, ur-Latn\n"), "{table}");

    let out = run(mehfooz(data.path()).args(["report", "--csv", "--lesson", "kind-online"]));
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines[0].ends_with(",passed,languages"), "{}", out.stdout);
    let ayesha = lines.iter().find(|l| l.starts_with("Ayesha")).unwrap();
    assert!(ayesha.ends_with(",\"en, ur\""), "{ayesha}");
}

#[test]
fn report_says_a_progress_file_set_aside_holds_answers_it_does_not_count() {
    let data = data_dir();
    let store = mehfooz::progress::Store::open(data.path()).unwrap();
    store
        .save(&student_who_took("Zain", "kind-online", &["ur-Latn"]))
        .unwrap();
    let file = student_files(data.path()).pop().expect("Zain's file");
    std::fs::write(&file, "{ damaged").unwrap();
    // Zain comes back: the damaged file is set aside and a new one begun.
    let loaded = store.load("Zain").unwrap();
    let aside = loaded.set_aside.expect("the damaged file was set aside");
    let out = run(mehfooz(data.path()).args(["report"]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let said = out
        .stderr
        .lines()
        .find(|l| l.contains("not counted"))
        .unwrap_or_else(|| panic!("nothing said about the set-aside file:\n{}", out.stderr));
    assert!(
        said.contains(&aside.moved_to.display().to_string()),
        "{said}"
    );
}
