//! Urdu script from the outside: who puts right-to-left text in order (`text_direction`
//! in the settings, `--text-direction`), and what the plain mode writes whatever it says.

mod common;

use std::fs;

use common::{data_dir, mehfooz, run};

/// Whether `text` holds an Arabic presentation form: a letter joined by the app, which
/// the plain mode must never write (screen readers need the letters as typed).
fn has_joined_letters(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

fn urdu_title(id: &str) -> String {
    let catalog = mehfooz::lesson::Catalog::built_in();
    catalog.get(id).expect("a built-in lesson").translations["ur"]
        .content
        .title
        .clone()
}

#[test]
fn plain_mode_writes_urdu_as_typed_even_when_the_app_is_told_to_reorder() {
    let data = data_dir();
    fs::write(
        data.path().join("mehfooz.toml"),
        "text_direction = \"app\"\n",
    )
    .unwrap();
    let title = urdu_title("kind-online");
    for extra in [
        &["--text-direction", "app"][..],
        &["--config", "mehfooz.toml"][..],
    ] {
        let out = run(mehfooz(data.path())
            .current_dir(data.path())
            .args(["play", "kind-online", "--student", "Ali", "--plain"])
            .args(["--lang", "ur"])
            .args(extra)
            .write_stdin("1\n".repeat(80)));
        assert_eq!(out.code, Some(0), "{extra:?}: {}", out.stderr);
        // The title exactly as the lesson file has it: logical order, base letters.
        assert!(out.stdout.contains(&title), "{extra:?}: {}", out.stdout);
        assert!(
            !has_joined_letters(&out.stdout),
            "{extra:?}: {}",
            out.stdout
        );
    }
}

#[test]
fn a_wrong_text_direction_flag_names_the_two_choices() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["list", "--text-direction", "rtl"]));
    assert_eq!(out.code, Some(2), "{}", out.stdout);
    assert!(
        out.stderr
            .contains("invalid value 'rtl' for '--text-direction <WHO>'")
            && out.stderr.contains("[possible values: app, terminal]"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_wrong_text_direction_in_the_settings_is_shown_at_its_line_and_nothing_starts() {
    let data = data_dir();
    fs::write(
        data.path().join("mehfooz.toml"),
        "region = \"pk\"\ntext_direction = \"rtl\"\n",
    )
    .unwrap();
    let expected =
        "mehfooz.toml:2:18: error: `text_direction` is \"app\" or \"terminal\", not \"rtl\"";
    let check = run(mehfooz(data.path())
        .current_dir(data.path())
        .args(["check", "mehfooz.toml"]));
    assert_eq!(check.code, Some(1), "{}", check.stdout);
    assert!(check.stdout.contains(expected), "{}", check.stdout);
    let list = run(mehfooz(data.path()).current_dir(data.path()).arg("list"));
    assert_eq!(list.code, Some(1), "{}", list.stdout);
    assert!(list.stderr.contains(expected), "{}", list.stderr);
}
