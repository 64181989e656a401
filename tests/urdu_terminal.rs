//! Urdu in a real pseudo-terminal, read back cell by cell: the app joins the letters and
//! puts each line in display order, right-aligned in its box, and Urdu's own digits
//! answer like 1-9; with `--text-direction terminal` the cells hold the text as typed.

// Unix only: Wine's console does not draw the app, so there is no screen to read back.
#![cfg(unix)]

mod common;

use common::pty::Terminal;
use mehfooz::lesson::Catalog;
use mehfooz::text::{Mode, display_label, display_lines, join_letters};

const LESSON: &str = "kind-online";

/// The title of the lesson's first page in Urdu, as typed.
fn first_page_title() -> String {
    let mut catalog = Catalog::built_in();
    catalog.use_language("ur");
    let entry = catalog.get(LESSON).expect("a built-in lesson");
    match &entry.lesson.steps[0] {
        mehfooz::lesson::Step::Page(page) => page.title.clone(),
        _ => panic!("the lesson starts with a page"),
    }
}

fn start(data: &std::path::Path, extra: &str) -> Terminal {
    let app = env!("CARGO_BIN_EXE_mehfooz");
    let script = format!(
        "'{app}' play {LESSON} --student Ali --lang ur {extra} --data-dir '{}'; echo; echo EXITED $?; sleep 1",
        data.display()
    );
    Terminal::start(&script)
}

#[test]
fn urdu_is_joined_in_display_order_and_right_aligned_in_the_cells() {
    let data = tempfile::tempdir().unwrap();
    let title = first_page_title();
    // The page's box is 80 columns less its borders and a column of space each side.
    let shown = display_lines(&title, 76, Mode::App);
    assert_eq!(shown.len(), 1, "{shown:?}");
    let shown = &shown[0].text;
    // Joined: no letter is left in its unjoined base form, and the title's first letter
    // (its joined form) is the rightmost: Urdu is read from the right.
    assert!(
        !shown
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{shown}"
    );
    let first: String = join_letters(&title).chars().take(1).collect();
    assert!(shown.ends_with(&first), "{shown}");

    let mut terminal = start(data.path(), "");
    terminal.wait_for(shown);
    let screen = terminal.screen();
    let row = screen
        .lines()
        .find(|l| l.contains(shown.as_str()))
        .expect("the title is drawn");
    // Right-aligned: the title ends one column before the right border.
    assert!(row.ends_with(&format!("{shown} │")), "{row:?}\n{screen}");
    assert!(
        !screen.contains(&title),
        "the typed order is not drawn:\n{screen}"
    );

    // Urdu's own digit two answers the true-or-false question as 2 does.
    let urdu = mehfooz::i18n::Messages::for_language("ur");
    let said = |id: &str| display_label(&urdu.text(id), usize::MAX, Mode::App).text;
    terminal.keys("\r");
    terminal.wait_for(&said("player-true-or-false"));
    terminal.keys("۲\r");
    // 2 (false) is the right answer: the verdict says so.
    terminal.wait_for(&said("verdict-correct"));
    terminal.keys("\x03");
    terminal.wait_for_output("EXITED 0");
    let _ = terminal.child.wait();
}

#[test]
fn a_terminal_that_lays_out_urdu_itself_gets_the_text_as_typed() {
    let data = tempfile::tempdir().unwrap();
    let title = first_page_title();
    let mut terminal = start(data.path(), "--text-direction terminal");
    terminal.wait_for(&title);
    let screen = terminal.screen();
    let row = screen.lines().find(|l| l.contains(&title)).unwrap();
    assert!(row.starts_with(&format!("│ {title}")), "{row:?}\n{screen}");
    terminal.keys("\x03");
    terminal.wait_for_output("EXITED 0");
    let _ = terminal.child.wait();
}
