//! Student names are whatever a child types: any script, slashes, dots, colons, Windows
//! device names, very long names. Each gets a file of its own, with a safe name, inside
//! the data folder and nowhere else; names that differ only in case or spacing are one
//! student (`progress::same_name`), typed however.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use common::{mehfooz, run};
use mehfooz::progress::{Store, Student, tidy_name};
use serde_json::Value;

/// Names as typed, and the name each must be saved under.
fn names() -> Vec<(String, String)> {
    let same = |s: &str| (s.to_string(), s.to_string());
    vec![
        same("Ayesha"),
        ("ayesha".to_string(), "Ayesha".to_string()),
        ("AYESHA".to_string(), "Ayesha".to_string()),
        same("علی رضا"),
        same("张伟"),
        same("👨‍👩‍👧 family"),
        same("Zoë"),
        same("Zoe\u{308}"),
        same(".."),
        same("."),
        same("../../../../tmp/escaped"),
        same("/etc/passwd"),
        same("..\\..\\Windows\\System32"),
        same("C:\\Users\\child"),
        same("a:b*c?d\"e<f>g|h"),
        same("CON"),
        ("con".to_string(), "CON".to_string()),
        same("NUL"),
        same("COM1"),
        same("LPT1.txt"),
        same("nul.json"),
        same("x".repeat(500).as_str()),
        same("بچہ".repeat(200).as_str()),
        same("-starts-with-a-dash"),
        ("  Bilal   Khan  ".to_string(), "Bilal Khan".to_string()),
        (
            "Zara\u{1b}]52;c;SGVsbG8=\u{7}\u{202E}".to_string(),
            "Zara".to_string(),
        ),
        ("tab\there".to_string(), "tab here".to_string()),
    ]
}

/// Windows refuses these as file names, with or without an extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file name safe on Linux, macOS and Windows: short, ASCII letters, digits and
/// hyphens, one extension, no device name.
fn assert_safe_file_name(path: &Path) {
    let name = path.file_name().unwrap().to_string_lossy();
    let (stem, extension) = name.split_once('.').expect("a name with an extension");
    assert!(
        ["json", "lock"].contains(&extension),
        "{name}: unexpected file"
    );
    assert!(
        !stem.is_empty()
            && stem
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
        "{name}"
    );
    assert!(name.len() <= 64, "{name} is {} bytes long", name.len());
    assert!(!RESERVED.contains(&stem), "{name} is a Windows device name");
}

#[test]
fn every_name_gets_a_safe_distinct_file_inside_the_data_folder_through_the_app() {
    // The data folder is inside a folder of its own, so anything written beside it shows.
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let names = names();
    for (typed, _) in &names {
        let out = run(mehfooz(&data)
            .args([
                "play",
                "short-quiz",
                "--plain",
                "--lessons",
                "tests/good_lessons",
            ])
            .arg(format!("--student={typed}"))
            .write_stdin("\n1\nq\n"));
        assert_eq!(out.code, Some(0), "{typed:?}: {}", out.stderr);
    }
    let outside: Vec<PathBuf> = fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        outside,
        vec![data.clone()],
        "files written outside the data folder"
    );
    assert!(!Path::new("/tmp/escaped.json").exists());

    let mut saved: BTreeSet<String> = BTreeSet::new();
    let mut lowercase: BTreeSet<String> = BTreeSet::new();
    for entry in fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        assert!(path.is_file(), "{path:?} is not a plain file");
        assert_safe_file_name(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // Distinct even where case does not count (Windows, macOS).
        assert!(lowercase.insert(name.to_lowercase()), "{name} twice");
        if path.extension().is_some_and(|e| e == "json") {
            let student: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
            let answers = &student["lessons"]["short-quiz"]["attempts"][0]["state"]["answers"];
            assert_eq!(answers[1], serde_json::json!([0]), "{student:#}");
            saved.insert(student["name"].as_str().unwrap().to_string());
        }
    }
    let expected: BTreeSet<String> = names.iter().map(|(_, saved)| saved.clone()).collect();
    assert_eq!(saved, expected);
}

#[test]
fn a_name_with_nothing_left_once_cleaned_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let out = run(mehfooz(&data)
        .args([
            "play",
            "short-quiz",
            "--plain",
            "--lessons",
            "tests/good_lessons",
        ])
        .arg("--student=\u{1b}[31m\u{7}\u{202E} ")
        .write_stdin("\n"));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("the student's name is empty"),
        "{}",
        out.stderr
    );
    assert!(!data.exists() || fs::read_dir(&data).unwrap().next().is_none());
}

#[test]
fn the_store_keeps_every_name_apart_and_reads_each_back() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let store = Store::open(&data).unwrap();
    let names: BTreeSet<String> = names().into_iter().map(|(_, saved)| saved).collect();
    let mut paths = BTreeSet::new();
    for name in &names {
        assert_eq!(&tidy_name(name), name);
        let path = store.path_for(name);
        assert_eq!(path.parent(), Some(data.as_path()), "{name:?}");
        assert!(
            paths.insert(path.to_string_lossy().to_lowercase()),
            "{name:?}"
        );
        store.save(&Student::new(name)).unwrap();
    }
    let (students, unreadable) = store.students();
    assert!(unreadable.is_empty(), "{unreadable:?}");
    let listed: BTreeSet<String> = students.into_iter().map(|s| s.name).collect();
    assert_eq!(listed, names);
    assert_eq!(fs::read_dir(root.path()).unwrap().count(), 1);
}

#[test]
fn a_student_file_with_escape_sequences_in_its_name_is_not_shown() {
    let root = tempfile::tempdir().unwrap();
    let store = Store::open(root.path()).unwrap();
    store.save(&Student::new("Ayesha")).unwrap();
    // A file this program would never write, put there by hand.
    let planted = root.path().join("planted-0000000000000000.json");
    fs::write(
        &planted,
        r#"{"format_version": 1, "name": "Evil\u001b]52;c;SGVsbG8=\u0007", "lessons": {}}"#,
    )
    .unwrap();
    let (students, unreadable) = store.students();
    let names: Vec<&str> = students.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["Ayesha"]);
    assert_eq!(unreadable.len(), 1);
    assert_eq!(unreadable[0].0, planted);
    assert_eq!(
        unreadable[0].1,
        mehfooz::progress::Unreadable::NameHasControlCharacters
    );
    assert!(unreadable[0].1.to_string().contains("control characters"));
    assert!(planted.exists(), "the file is left as it is");
}
