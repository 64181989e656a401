//! The plain line mode (`mehfooz play ID --student NAME --plain`): a child takes a lesson
//! line by line, and the progress saved in the data folder.
//!
//! Most tests use `tests/good_lessons/every-step.toml`, written with
//! `shuffle_choices = false` so the right numbers are known:
//!
//! | step | what                     | right answer        |
//! |------|--------------------------|---------------------|
//! | 1    | page "Welcome"           | Enter               |
//! | 2    | Q1 single (3 choices)    | 2                   |
//! | 3    | Q2 multiple (3 choices)  | 1 3                 |
//! | 4    | Q3 true/false            | 2 (False)           |
//! | 5    | Q4 chat (3 messages)     | 1                   |
//! | 6    | Q5 pool, draws 1 of 2    | 1 (both are True)   |
//!
//! The pass mark is 75%.

mod common;

use std::fs;

use common::{
    crate_dir, data_dir, mehfooz, only_student_json, play_good, run, started, student_files,
};
use serde_json::Value;

const LESSON: &str = "every-step";

/// Where `needle` is in `haystack`, failing the test with the whole output if absent.
fn at(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the output:\n{haystack}"))
}

fn attempts(student: &Value, lesson: &str) -> Vec<Value> {
    student["lessons"][lesson]["attempts"]
        .as_array()
        .unwrap_or_else(|| panic!("no attempts at {lesson} in {student:#}"))
        .clone()
}

#[test]
fn a_whole_lesson_gives_feedback_a_score_and_saves_a_finished_attempt() {
    let data = data_dir();
    // Q1 right, Q2 right, Q3 wrong (True), chat right, pool right: 4 of 5 = 80%.
    let out = play_good(data.path(), LESSON, "Ayesha", "\n2\n1 3\n1\n1\n1\n");
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let s = &out.stdout;

    assert!(
        s.starts_with("Mehfooz: Every kind of step, for Ayesha"),
        "{s}"
    );
    assert!(
        !s.contains("Carrying on"),
        "a first run is not a resumed one:\n{s}"
    );
    at(s, "Page, step 1 of 6: Welcome");
    // The page text, with its bullets.
    at(s, "This lesson has one step of every kind.");
    at(s, "  - a page");

    // Q1: right, with every choice's feedback and the explanation.
    let q1 = at(
        s,
        "Question 1 of 5: A stranger online asks for your home address.",
    );
    let q1_verdict = at(s, "> Correct!");
    assert!(q1 < q1_verdict);
    at(s, "Your address tells a stranger where you live.");
    at(s, "Yes. Keep your address private.");
    at(s, "The street is enough to find you.");
    at(s, "Your address tells people where to find you.");

    // Q2: both right choices picked.
    at(s, "Question 2 of 5: Which of these are private?");
    at(s, "Yes. Never share your password.");
    at(s, "Yes. Your phone number is private.");

    // Q3: the wrong answer, with why.
    let q3 = at(s, "Question 3 of 5: A profile photo proves who someone is.");
    let not_quite = at(s, "> Not quite.");
    assert!(q3 < not_quite, "{s}");
    at(s, "True (your answer, not right)");
    at(
        s,
        "Photos can be copied from anywhere, so they prove nothing.",
    );
    // True/false has one right answer: "the", not "a".
    at(s, "False (the right answer)");

    // The chat: the messages with who sent them, then the why of every message from them.
    at(s, "Chat, question 4 of 5: A new friend in your game");
    at(
        s,
        "  1. StarPlayer_12: you're really good at this game!! how old r u?",
    );
    // Only the messages the child can mark are numbered; their own are not.
    at(s, "\n     You: I'm 10");
    at(s, "  2. StarPlayer_12: gg, see you next match\n");
    at(s, "Lots of praise and a personal question very early.");
    at(s, "A normal thing to say after a game.");
    // The feedback keeps the question's numbers and the sender, and a message rightly
    // left alone says so.
    at(
        s,
        "  2. StarPlayer_12: gg, see you next match (OK, you left it.)",
    );

    // The pool question.
    at(s, "Question 5 of 5: ");

    // The summary.
    let finished = at(s, "Lesson finished: Every kind of step");
    let score = at(s, "You scored 80%. You passed! (The pass mark is 75%.)");
    assert!(finished < score);
    at(s, "to look at again:");
    at(s, "  Question 3: A profile photo proves who someone is.");
    assert!(!s.contains("  Question 1: "), "Q1 was right:\n{s}");
    at(s, "it is never your fault");

    // The student's file.
    let student = only_student_json(data.path());
    assert_eq!(student["name"], "Ayesha");
    assert_eq!(student["format_version"], mehfooz::progress::FORMAT_VERSION);
    let attempts = attempts(&student, LESSON);
    assert_eq!(attempts.len(), 1, "{student:#}");
    let attempt = &attempts[0];
    assert!(attempt["finished"].is_i64(), "not finished: {attempt:#}");
    assert_eq!(attempt["percent"], 80, "{attempt:#}");
    assert_eq!(attempt["passed"], true, "{attempt:#}");
    assert_eq!(attempt["state"]["position"], 6, "{attempt:#}");
    let answers = attempt["state"]["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 6, "{attempt:#}");
    assert_eq!(answers[0], Value::Null, "a page has no answer");
    assert_eq!(answers[1], serde_json::json!([1]));
    assert_eq!(answers[2], serde_json::json!([0, 2]));
    assert_eq!(answers[3], serde_json::json!([0]));
    assert_eq!(answers[4], serde_json::json!([0]));
}

#[test]
fn a_lesson_below_the_pass_mark_is_not_passed_and_partly_right_answers_count_half() {
    let data = data_dir();
    // Q1 wrong (0), Q2 one of two (0.5), Q3 right (1), chat nothing marked (0),
    // pool False (0): 1.5 of 5 = 30%.
    let out = play_good(data.path(), LESSON, "Bilal", "\n1\n1\n2\n0\n2\n");
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let s = &out.stdout;
    at(s, "> Partly right.");
    at(s, "Your phone number (a right answer you missed)");
    at(
        s,
        "You scored 30%. Not yet passed: the pass mark is 75%. You can try again.",
    );
    let attempt = &attempts(&only_student_json(data.path()), LESSON)[0];
    assert!(attempt["finished"].is_i64(), "{attempt:#}");
    assert_eq!(attempt["percent"], 30, "{attempt:#}");
    assert_eq!(attempt["passed"], false, "{attempt:#}");
}

#[test]
fn playing_a_finished_lesson_again_starts_a_new_attempt() {
    let data = data_dir();
    play_good(data.path(), LESSON, "Ayesha", "\n2\n1 3\n2\n1\n1\n");
    let out = play_good(data.path(), LESSON, "Ayesha", "\n2\nq\n");
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(!out.stdout.contains("Carrying on"), "{}", out.stdout);
    at(&out.stdout, "Page, step 1 of 6: Welcome");
    let attempts = attempts(&only_student_json(data.path()), LESSON);
    assert_eq!(attempts.len(), 2, "{attempts:#?}");
    assert_eq!(attempts[0]["percent"], 100);
    assert!(attempts[1].get("finished").is_none_or(Value::is_null));
}

#[test]
fn stopping_with_q_saves_and_the_next_run_carries_on_at_the_next_step() {
    let data = data_dir();
    let out = play_good(data.path(), LESSON, "Ayesha", "\n2\nq\n");
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    at(
        &out.stdout,
        "Stopped. Your progress is saved; run the same command to carry on.",
    );
    assert!(!out.stdout.contains("Lesson finished"), "{}", out.stdout);
    let attempt = &attempts(&only_student_json(data.path()), LESSON)[0];
    assert!(
        attempt.get("finished").is_none_or(Value::is_null),
        "{attempt:#}"
    );
    assert_eq!(attempt["state"]["position"], 2, "{attempt:#}");
    assert_eq!(attempt["state"]["answers"][1], serde_json::json!([1]));

    let out = play_good(data.path(), LESSON, "Ayesha", "1 3\n1\n1\n1\n");
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let s = &out.stdout;
    let carrying_on = at(s, "Carrying on where you stopped: step 3 of 6.");
    let first_step = at(s, "Question 2 of 5: Which of these are private?");
    assert!(carrying_on < first_step);
    assert!(
        !s.contains("Page, step 1"),
        "the lesson started again:\n{s}"
    );
    assert!(
        !s.contains("Question 1 of 5"),
        "the lesson started again:\n{s}"
    );
    // The answer given before stopping still counts: 4 of 5.
    at(s, "You scored 80%. You passed!");
    let attempts = attempts(&only_student_json(data.path()), LESSON);
    assert_eq!(attempts.len(), 1, "the same attempt went on: {attempts:#?}");
    assert_eq!(attempts[0]["percent"], 80);
    assert_eq!(attempts[0]["passed"], true);
}

#[test]
fn running_out_of_input_saves_and_the_next_run_carries_on_at_the_next_step() {
    let data = data_dir();
    let out = play_good(data.path(), LESSON, "Ayesha", "\n2\n1 3\n");
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    at(&out.stdout, "Stopped. Your progress is saved");
    assert!(!out.stdout.contains("Lesson finished"), "{}", out.stdout);

    let out = play_good(data.path(), LESSON, "Ayesha", "2\n1\n1\n");
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let s = &out.stdout;
    let carrying_on = at(s, "Carrying on where you stopped: step 4 of 6.");
    let first_step = at(s, "Question 3 of 5: A profile photo proves who someone is.");
    assert!(carrying_on < first_step);
    assert!(!s.contains("Question 2 of 5"), "{s}");
    at(s, "You scored 100%. You passed!");
    let attempt = &attempts(&only_student_json(data.path()), LESSON)[0];
    assert_eq!(attempt["percent"], 100, "{attempt:#}");
}

#[test]
fn a_name_typed_with_extra_spaces_is_the_same_student() {
    let data = data_dir();
    play_good(data.path(), LESSON, "Ayesha", "\n2\nq\n");
    let out = play_good(data.path(), LESSON, "  Ayesha  ", "q\n");
    at(&out.stdout, "Carrying on where you stopped: step 3 of 6.");
    assert_eq!(student_files(data.path()).len(), 1);
}

#[test]
fn an_invalid_answer_gets_a_clear_message_and_the_question_is_asked_again() {
    let data = data_dir();
    let out = play_good(
        data.path(),
        LESSON,
        "Ayesha",
        "\nh\n9\nabc\n1 2\n\n2\nh\nq\n",
    );
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let s = &out.stdout;
    // Each reply is followed by the prompt again, until an answer is taken.
    let hint = at(s, "> Hint: Would you tell a stranger on the street?");
    let nine = at(s, "> There is no choice number 9.");
    let abc = at(s, "> Type numbers only, like 2 or 1 3.");
    let two = at(s, "> Pick one answer.");
    let empty = at(
        &s[two..],
        "> Nothing was chosen. Type the number of your answer, then press Enter.",
    ) + two;
    let taken = at(s, "> Correct!");
    let next = at(s, "Question 2 of 5");
    assert!(
        hint < nine && nine < abc && abc < two && two < empty && empty < taken && taken < next,
        "{s}"
    );
    // The answer taken is the one typed after the mistakes.
    at(
        s,
        "Do not tell them, and tell a trusted adult (your answer, right)",
    );
    // Q2 has no hint.
    at(s, "> There is no hint for this one.");
    assert_eq!(s.matches("Question 1 of 5").count(), 1, "{s}");
    let attempt = &attempts(&only_student_json(data.path()), LESSON)[0];
    assert_eq!(attempt["state"]["answers"][1], serde_json::json!([1]));
}

#[test]
fn chat_numbers_count_only_the_other_persons_messages_and_a_missing_one_is_refused() {
    let data = data_dir();
    // The chat shows 2 numbered messages (the child's own between them has none).
    let out = play_good(data.path(), LESSON, "Ayesha", "\n2\n1 3\n2\n3\n1 3\n2\nq\n");
    let s = &out.stdout;
    let chat = at(s, "Chat, question 4 of 5");
    let missing = at(s, "> There is no message number 3.");
    let again = at(&s[missing + 1..], "> There is no message number 3.") + missing;
    let taken = at(&s[chat..], "> Not quite.") + chat;
    assert!(chat < missing && missing < again && again < taken, "{s}");
    // "2" is the second message from them: the third in the chat.
    let attempt = &attempts(&only_student_json(data.path()), LESSON)[0];
    assert_eq!(attempt["state"]["answers"][4], serde_json::json!([2]));
}

#[test]
fn an_unknown_lesson_id_exits_with_a_message_naming_mehfooz_list() {
    let data = data_dir();
    let out = play_good(data.path(), "no-such-lesson", "Ayesha", "");
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .contains("there is no lesson with the id \"no-such-lesson\""),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("`mehfooz list`"), "{}", out.stderr);
    assert!(student_files(data.path()).is_empty());
}

#[test]
fn an_empty_student_name_is_refused() {
    let data = data_dir();
    let out = play_good(data.path(), LESSON, "   ", "");
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("name is empty"), "{}", out.stderr);
    assert!(student_files(data.path()).is_empty());
}

#[test]
fn a_corrupt_student_file_is_set_aside_with_its_bytes_kept_and_the_child_is_told() {
    let data = data_dir();
    play_good(data.path(), LESSON, "Ayesha", "\n2\nq\n");
    let files = student_files(data.path());
    assert_eq!(files.len(), 1);
    let original = files[0].clone();
    let garbage: &[u8] = b"{\"format_version\": 1, \"name\": \"Ayesha\", \x00\xff not json";
    fs::write(&original, garbage).unwrap();

    let out = play_good(data.path(), LESSON, "Ayesha", "\n2\nq\n");
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let s = &out.stdout;
    at(
        s,
        &format!(
            "The progress file {} could not be read (",
            original.display()
        ),
    );
    at(s, "a new one was started.");
    assert!(!s.contains("Carrying on"), "{s}");

    // The unreadable file was renamed beside the original, bytes unchanged.
    let name = original.file_name().unwrap().to_string_lossy().into_owned();
    let aside: Vec<_> = fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{name}.unreadable-"))
        })
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(fs::read(&aside[0]).unwrap(), garbage);
    at(s, &format!("It was kept as {}", aside[0].display()));

    // A new, readable file took its place.
    let student = only_student_json(data.path());
    assert_eq!(student["name"], "Ayesha");
    assert_eq!(attempts(&student, LESSON).len(), 1);
}

#[test]
fn a_lesson_changed_since_the_student_stopped_starts_again_and_keeps_the_old_answers() {
    let data = data_dir();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("every-step.toml");
    fs::copy(
        crate_dir().join("tests/good_lessons/every-step.toml"),
        &path,
    )
    .unwrap();
    let play = |input: &str| {
        run(mehfooz(data.path())
            .args([
                "play",
                LESSON,
                "--student",
                "Ayesha",
                "--plain",
                "--lessons",
            ])
            .arg(folder.path())
            .write_stdin(input.to_string()))
    };
    play("\n2\nq\n");
    // The teacher drops a choice from the second question.
    let text = fs::read_to_string(&path).unwrap();
    let changed = text.replace(
        "  [[steps.choices]]\n  text = \"Your favourite colour\"\n  feedback = \"That is fine to share.\"\n",
        "",
    );
    assert_ne!(text, changed);
    fs::write(&path, changed).unwrap();

    let out = play("\n2\nq\n");
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let s = &out.stdout;
    at(
        s,
        "This lesson has changed since you last opened it, so it starts again from the",
    );
    at(s, "Page, step 1 of 6: Welcome");
    let attempts = attempts(&only_student_json(data.path()), LESSON);
    assert_eq!(attempts.len(), 2, "{attempts:#?}");
    assert_eq!(attempts[0]["state"]["answers"][1], serde_json::json!([1]));
    assert!(attempts[1].get("finished").is_none_or(Value::is_null));
    // The old attempt is closed, so it is not offered again.
    let out = play("q\n");
    assert!(
        out.stdout
            .contains("Carrying on where you stopped: step 3 of 6."),
        "{}",
        out.stdout
    );
}

#[test]
fn going_back_from_a_page_to_an_answered_question_does_not_get_stuck() {
    let data = data_dir();
    // short-quiz: page, true/false question, page "Halfway", single question.
    // Enter, answer 1, then `b` on "Halfway", then Enter to go on again, Enter on
    // "Halfway", and answer the last question.
    let out = play_good(data.path(), "short-quiz", "Ayesha", "\n1\nb\n\n\n1\n");
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(
        !out.stdout.contains("You have answered this one already."),
        "{}",
        out.stdout
    );
    at(&out.stdout, "Lesson finished: A short quiz");
    at(&out.stdout, "You scored 100%. You passed!");
}

#[test]
fn a_student_file_from_a_newer_mehfooz_is_left_alone_and_the_app_says_why() {
    let data = data_dir();
    play_good(data.path(), LESSON, "Ayesha", "\n2\nq\n");
    let file = student_files(data.path()).remove(0);
    let newer = br#"{"format_version": 99, "name": "Ayesha", "lessons": {}}"#;
    fs::write(&file, newer).unwrap();

    let out = play_good(data.path(), LESSON, "Ayesha", "q\n");
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .contains("was saved by a newer version of Mehfooz (format 99)"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("The file was not changed."),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read(&file).unwrap(), newer);
    assert_eq!(
        fs::read_dir(data.path()).unwrap().count(),
        2,
        "only the file and its lock"
    );
}

#[test]
fn a_data_folder_that_cannot_be_made_is_reported() {
    let dir = data_dir();
    let not_a_folder = dir.path().join("a-file");
    fs::write(&not_a_folder, "").unwrap();
    let out = run(assert_cmd::Command::cargo_bin("mehfooz")
        .unwrap()
        .current_dir(crate_dir())
        .env("MEHFOOZ_DATA_DIR", &not_a_folder)
        .arg("--data-dir")
        .arg(&not_a_folder)
        .args(["play", LESSON, "--student", "Ayesha", "--plain"])
        .args(["--lessons", "tests/good_lessons"])
        .write_stdin(""));
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .starts_with("mehfooz: cannot use the data folder"),
        "{}",
        out.stderr
    );
}

#[test]
fn pressing_only_enter_answers_nothing_and_records_no_attempt() {
    let data = data_dir();
    let out = play_good(data.path(), LESSON, "Ayesha", &"\n".repeat(12));
    let s = &out.stdout;
    at(s, "Question 1 of 5");
    at(
        s,
        "Nothing was chosen. Type the number of your answer, then press Enter.",
    );
    assert!(!s.contains("Correct!") && !s.contains("Not quite."), "{s}");
    let files = student_files(data.path());
    assert!(
        files.is_empty(),
        "a progress file holds an attempt the child never answered: {files:?}"
    );
}

#[test]
fn urdu_and_arabic_digits_answer_like_ascii_ones() {
    let data = data_dir();
    // ۲ is Urdu 2, ١ ٣ are Arabic-Indic 1 and 3: Q1 and Q2 right.
    let out = play_good(data.path(), LESSON, "Ayesha", "\n۲\n١ ٣\nq\n");
    let s = &out.stdout;
    assert_eq!(s.matches("Correct!").count(), 2, "{s}");
    let student = only_student_json(data.path());
    let answers = &attempts(&student, LESSON)[0]["state"]["answers"];
    assert_eq!(answers[1], serde_json::json!([1]), "{student:#}");
    assert_eq!(answers[2], serde_json::json!([0, 2]), "{student:#}");
}

#[test]
fn play_and_reset_find_a_student_whatever_the_case_of_the_name() {
    let data = data_dir();
    play_good(data.path(), LESSON, "Hira", "\n2\nq\n");
    let out = play_good(data.path(), LESSON, "HIRA ", "q\n");
    at(&out.stdout, "Carrying on where you stopped");
    assert_eq!(student_files(data.path()).len(), 1);
    let out = run(mehfooz(data.path()).args(["reset", "--student", "hira", "--yes"]));
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    at(&out.stdout, "Cleared all of Hira's progress.");
}

#[test]
fn an_unknown_lesson_id_suggests_the_ids_that_contain_it() {
    let data = data_dir();
    let out = run(mehfooz(data.path()).args(["play", "grooming", "--student", "Hira", "--plain"]));
    assert!(
        out.stderr
            .contains("Did you mean one of: grooming-warning-signs, grooming-for-teens?"),
        "{}",
        out.stderr
    );
}

#[test]
fn output_piped_into_a_reader_that_stops_ends_quietly() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    let data = data_dir();
    let mut child = started(|| {
        Command::new(env!("CARGO_BIN_EXE_mehfooz"))
            .current_dir(crate_dir())
            .args(["play", LESSON, "--student", "Ayesha", "--plain"])
            .args(["--lessons", "tests/good_lessons", "--data-dir"])
            .arg(data.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
    });
    // Like `| head -1`: read one line, then stop reading.
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("Mehfooz:"), "{first}");
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(b"\n2\n1 3\n");
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn a_teacher_pin_guards_report_and_reset_and_is_kept_only_as_a_hash() {
    let data = data_dir();
    play_good(data.path(), LESSON, "Hira", "\n2\nq\n");
    let out = run(mehfooz(data.path())
        .args(["pin", "set"])
        .write_stdin("2468\n2468\n"));
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let kept = fs::read_to_string(data.path().join("teacher-pin.txt")).unwrap();
    assert!(
        kept.starts_with("$argon2") && !kept.contains("2468"),
        "{kept}"
    );

    let out = run(mehfooz(data.path()).arg("report").write_stdin("1111\n"));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("not the teacher PIN, so nothing was shown"),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.contains("Hira"), "{}", out.stdout);
    let out = run(mehfooz(data.path()).arg("report").write_stdin("2468\n"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("Hira"), "{}", out.stdout);

    let out = run(mehfooz(data.path())
        .args(["reset", "--student", "Hira", "--yes"])
        .write_stdin("1111\n"));
    assert!(out.stderr.contains("nothing was changed"), "{}", out.stderr);
    assert!(
        !only_student_json(data.path())["lessons"]
            .as_object()
            .unwrap()
            .is_empty()
    );

    let out = run(mehfooz(data.path())
        .args(["pin", "clear"])
        .write_stdin("2468\n"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let out = run(mehfooz(data.path()).arg("report").write_stdin(""));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
}

/// A lesson that marks glossary words, with its own meanings for them.
const GLOSSARY_LESSON: &str = r#"format_version = 1
id = "words"
title = "Hard words"
summary = "A lesson with marked words."
ages = { min = 8, max = 10 }
minutes = 5
shuffle_choices = false

[[steps]]
type = "page"
title = "Keep it"
text = "Keep the {proof} and ask {permission}. A {{brace}} stays."

[[steps]]
type = "question"
kind = "true_false"
prompt = "You need {allowing|permission} to share a friend's photo."
answer = true
false_feedback = "Ask first: it is their photo."

[[glossary]]
word = "proof"
meaning = "Things that show what happened."

[[glossary]]
word = "permission"
meaning = "When someone says yes, you may do it."
"#;

#[test]
fn marked_words_show_starred_and_g_prints_their_meanings_without_answering() {
    let data = data_dir();
    let lessons = tempfile::tempdir().unwrap();
    fs::write(lessons.path().join("words.toml"), GLOSSARY_LESSON).unwrap();
    let out = run(mehfooz(data.path())
        .args(["play", "words", "--student", "Ali", "--plain", "--lessons"])
        .arg(lessons.path())
        .write_stdin("g\n\ng\nG\n1\n"));
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let s = &out.stdout;
    at(s, "Keep the proof* and ask permission*. A {brace} stays.");
    assert!(!s.contains("{proof"), "no braces are shown:\n{s}");
    let words = at(s, "Words: proof*, permission* (type g for what they mean)");
    let meaning = at(s, "  proof: Things that show what happened.");
    assert!(meaning > words, "{s}");
    at(s, "  permission: When someone says yes, you may do it.");
    // On the question, the form in the text is what the child is shown.
    at(s, "You need allowing* to share a friend's photo.");
    at(s, "Words: allowing* (type g for what they mean)");
    at(s, "  allowing: When someone says yes, you may do it.");
    // g twice on the question, then the answer: one attempt, answered right.
    let student = only_student_json(data.path());
    let attempts = attempts(&student, "words");
    assert_eq!(attempts.len(), 1, "{student:#}");
    assert_eq!(
        attempts[0]["state"]["answers"][1],
        serde_json::json!([0]),
        "{student:#}"
    );
}
