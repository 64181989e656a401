//! Importing Moodle quizzes: GIFT and Aiken files from `tests/import_fixtures/` (the
//! examples of the Moodle documentation) become lessons that pass `mehfooz check`, with
//! the right answers and feedback on the right choices and a list, with line numbers, of
//! what could not be converted.

mod common;

use std::fs;
use std::path::Path;

use common::{crate_dir, data_dir, mehfooz, run};
use mehfooz::import::{self, Imported, QuizFormat};
use mehfooz::lesson::glossary;
use mehfooz::lesson::{Lesson, Question, QuestionKind, Step, parse_lesson};

const ID: &str = "imported-quiz";

fn fixture(name: &str) -> String {
    let path = crate_dir().join("tests/import_fixtures").join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The 1-based number of the one line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    let found: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(found.len(), 1, "{needle:?} should be on exactly one line");
    found[0]
}

/// The 1-based number of the one line of `text` that is exactly `whole`.
fn line_is(text: &str, whole: &str) -> usize {
    let found: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == whole)
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(found.len(), 1, "{whole:?} should be exactly one line");
    found[0]
}

/// Imports a fixture and reads the lesson back the way `mehfooz check` does, failing on
/// any error.
fn convert(name: &str, format: QuizFormat) -> (String, Imported, Lesson) {
    let text = fixture(name);
    let imported = import::import(&text, format, ID, "Imported quiz")
        .unwrap_or_else(|e| panic!("{name} should import: {e}"));
    let parsed = parse_lesson(Path::new("imported-quiz.toml"), &imported.toml);
    let errors: Vec<String> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert!(
        errors.is_empty(),
        "{name}: the lesson has errors:\n{}\n\n{}",
        errors.join("\n"),
        imported.toml
    );
    let lesson = parsed.lesson.expect("a lesson with no errors loads");
    assert_eq!(lesson.question_count(), imported.questions);
    (text, imported, lesson)
}

fn questions(lesson: &Lesson) -> Vec<&Question> {
    lesson
        .steps
        .iter()
        .filter_map(|s| match s {
            Step::Question(q) => Some(q),
            _ => None,
        })
        .collect()
}

fn prompts(lesson: &Lesson) -> Vec<&str> {
    questions(lesson)
        .iter()
        .map(|q| q.prompt.as_str())
        .collect()
}

/// The one question whose prompt starts with `start`.
fn question<'l>(lesson: &'l Lesson, start: &str) -> &'l Question {
    let found: Vec<&Question> = questions(lesson)
        .into_iter()
        .filter(|q| q.prompt.starts_with(start))
        .collect();
    assert_eq!(found.len(), 1, "one question starts with {start:?}");
    found[0]
}

/// Choice texts as a child reads them (a quiz's own braces are written doubled).
fn right_choices(q: &Question) -> Vec<String> {
    q.choices
        .iter()
        .filter(|c| c.correct)
        .map(|c| glossary::plain(&c.text))
        .collect()
}

fn choice_texts(q: &Question) -> Vec<String> {
    q.choices.iter().map(|c| glossary::plain(&c.text)).collect()
}

fn feedback<'q>(q: &'q Question, choice: &str) -> Option<&'q str> {
    let c = q
        .choices
        .iter()
        .find(|c| glossary::plain(&c.text) == choice)
        .unwrap_or_else(|| panic!("no choice {choice:?} in {:?}", choice_texts(q)));
    c.feedback.as_deref()
}

/// The skipped entries as (line, reason).
fn skipped(imported: &Imported) -> Vec<(usize, &str)> {
    imported
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect()
}

const FIXTURES: [(&str, QuizFormat); 6] = [
    ("question-types.gift.txt", QuizFormat::Gift),
    ("feedback-and-weights.gift.txt", QuizFormat::Gift),
    ("formats-and-escapes.gift.txt", QuizFormat::Gift),
    ("problems.gift.txt", QuizFormat::Gift),
    ("moodle-docs.aiken.txt", QuizFormat::Aiken),
    ("malformed.aiken.txt", QuizFormat::Aiken),
];

#[test]
fn every_fixture_converts_to_a_lesson_with_no_errors() {
    for (name, format) in FIXTURES {
        let (_, imported, lesson) = convert(name, format);
        assert!(imported.questions > 0, "{name}");
        assert_eq!(lesson.id, ID);
        assert_eq!(lesson.title, "Imported quiz");
    }
}

#[test]
fn detect_recognises_each_fixtures_format() {
    for (name, format) in FIXTURES {
        assert_eq!(import::detect(&fixture(name)), format, "{name}");
    }
}

#[test]
fn the_lesson_header_and_opening_page_are_as_documented() {
    let (_, imported, lesson) = convert("question-types.gift.txt", QuizFormat::Gift);
    assert!(
        imported
            .toml
            .starts_with("#:schema ./lesson.schema.json\n# Imported from a Moodle GIFT file"),
        "{}",
        imported.toml
    );
    assert_eq!(imported.questions, 7);
    assert_eq!(lesson.summary, "Imported quiz: 7 questions.");
    assert_eq!((lesson.ages.min, lesson.ages.max), (8, 16));
    assert_eq!(lesson.minutes, 7);
    assert_eq!(lesson.pass_percent, 80);
    let Step::Page(page) = &lesson.steps[0] else {
        panic!("the first step is a page: {:?}", lesson.steps[0]);
    };
    assert_eq!(page.title, "About this quiz");
    assert!(page.text.contains("imported"), "{}", page.text);
    assert!(page.text.contains("teacher should check"), "{}", page.text);
    assert_eq!(lesson.steps.len(), 1 + imported.questions);
}

#[test]
fn a_short_quiz_still_gets_five_minutes_and_a_singular_summary() {
    let imported = import::import(
        "The sun rises in the east.{T}",
        QuizFormat::Gift,
        "sun",
        "Sun",
    )
    .unwrap();
    let lesson = parse_lesson(Path::new("sun.toml"), &imported.toml)
        .lesson
        .unwrap();
    assert_eq!(lesson.summary, "Imported quiz: 1 question.");
    assert_eq!(lesson.minutes, 5);
}

#[test]
fn gift_questions_convert_in_file_order_and_the_rest_are_listed_with_their_lines() {
    let (text, imported, lesson) = convert("question-types.gift.txt", QuizFormat::Gift);
    assert_eq!(
        prompts(&lesson),
        [
            "Who's buried in Grant's tomb?",
            "Grant is _____ in Grant's tomb.",
            "Japanese characters originally came from what country?",
            "Grant is buried in Grant's tomb.",
            "The sun rises in the east.",
            "Japanese characters originally\ncame from what country?",
            "Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment.",
        ]
    );
    let expected = [
        (
            line_of(&text, "{=no one =nobody}"),
            "short-answer questions",
        ),
        (line_of(&text, "Match the following"), "matching questions"),
        (line_of(&text, "{#1822}"), "numerical questions"),
        (line_of(&text, "How are you?"), "essay questions"),
    ];
    let got = skipped(&imported);
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for ((line, reason), (want_line, want_reason)) in got.iter().zip(expected) {
        assert_eq!(*line, want_line, "{reason}");
        assert!(
            reason.starts_with(want_reason)
                && reason.contains("only multiple choice, multiple answer and true/false"),
            "{reason}"
        );
    }
}

#[test]
fn multiple_choice_marks_the_equals_answer_right() {
    let (_, _, lesson) = convert("question-types.gift.txt", QuizFormat::Gift);
    let q = question(&lesson, "Who's buried");
    assert_eq!(q.kind, QuestionKind::Single);
    assert_eq!(choice_texts(q), ["Grant", "Jefferson", "no one"]);
    assert_eq!(right_choices(q), ["no one"]);
    // No feedback in the file, so none in the lesson (check warns about it).
    assert!(q.choices.iter().all(|c| c.feedback.is_none()));

    let q = question(&lesson, "Japanese characters originally came");
    assert_eq!(choice_texts(q), ["India", "China", "Korea", "Egypt"]);
    assert_eq!(right_choices(q), ["China"]);
}

#[test]
fn true_false_answers_are_read_in_all_four_spellings() {
    let (_, _, lesson) = convert("question-types.gift.txt", QuizFormat::Gift);
    let answer = |start: &str| {
        let q = question(&lesson, start);
        assert_eq!(q.kind, QuestionKind::TrueFalse);
        right_choices(q)
    };
    assert_eq!(answer("Grant is buried"), ["False"]);
    assert_eq!(answer("The sun rises"), ["True"]);
    assert_eq!(answer("Moodle is an acronym"), ["True"]);
    let (_, _, lesson) = convert("feedback-and-weights.gift.txt", QuizFormat::Gift);
    let q = question(&lesson, "42 is the Absolute");
    assert_eq!(right_choices(q), ["False"]);
}

#[test]
fn categories_become_topics() {
    let (_, _, lesson) = convert("question-types.gift.txt", QuizFormat::Gift);
    assert_eq!(lesson.topics, ["Grant's tomb"]);
    // Moodle writes a slash inside a category name as `//`.
    let (_, _, lesson) = convert("feedback-and-weights.gift.txt", QuizFormat::Gift);
    assert_eq!(lesson.topics, ["Feedback/Weights"]);
}

#[test]
fn answer_feedback_lands_on_its_own_choice() {
    let (_, _, lesson) = convert("feedback-and-weights.gift.txt", QuizFormat::Gift);
    let q = question(&lesson, "What's the answer to this");
    assert_eq!(right_choices(q), ["right answer"]);
    assert_eq!(
        feedback(q, "wrong answer"),
        Some("feedback comment on the wrong answer")
    );
    assert_eq!(
        feedback(q, "another wrong answer"),
        Some("feedback comment on this wrong answer")
    );
    assert_eq!(feedback(q, "right answer"), Some("Very good!"));

    let q = questions(&lesson)
        .into_iter()
        .find(|q| q.prompt.starts_with("What's between") && q.kind == QuestionKind::Single)
        .expect("the Q2 question");
    assert_eq!(right_choices(q), ["yellow"]);
    assert_eq!(feedback(q, "yellow"), Some("right; good!"));
    assert_eq!(feedback(q, "red"), Some("wrong, it's yellow"));
    assert_eq!(feedback(q, "blue"), Some("wrong, it's yellow"));
}

#[test]
fn true_false_feedback_maps_wrong_then_right_onto_true_and_false() {
    let (_, _, lesson) = convert("feedback-and-weights.gift.txt", QuizFormat::Gift);
    // {FALSE#wrong#right}: the first is shown to a child who says True (the wrong
    // answer), the second to a child who says False.
    let q = question(&lesson, "42 is the Absolute");
    assert_eq!(feedback(q, "True"), Some("42 is the Ultimate Answer."));
    assert_eq!(feedback(q, "False"), Some("You gave the right answer."));
    assert_eq!(
        q.explanation.as_deref(),
        Some("This is, of course, a Hitchiker's Guide to the Galaxy reference.")
    );
    // {FALSE#feedback}: only the feedback for the wrong answer, True.
    let q = question(&lesson, "Grant is buried in Grant's tomb.");
    assert_eq!(right_choices(q), ["False"]);
    assert_eq!(
        feedback(q, "True"),
        Some("No one is buried in Grant's tomb.")
    );
    assert_eq!(feedback(q, "False"), None);
}

#[test]
fn percentages_make_a_multiple_answer_question_with_the_positive_ones_right() {
    let (_, _, lesson) = convert("feedback-and-weights.gift.txt", QuizFormat::Gift);
    let q = question(&lesson, "What two people");
    assert_eq!(q.kind, QuestionKind::Multiple);
    assert_eq!(right_choices(q), ["Grant", "Grant's wife"]);

    let q = questions(&lesson)
        .into_iter()
        .find(|q| q.prompt.starts_with("What's between") && q.kind == QuestionKind::Multiple)
        .expect("the colours question");
    assert_eq!(choice_texts(q), ["yellow", "red", "off-beige", "blue"]);
    assert_eq!(right_choices(q), ["yellow", "off-beige"]);
    // Format markers on answers and feedback are dropped.
    assert_eq!(feedback(q, "red"), Some("wrong"));
    assert_eq!(feedback(q, "blue"), Some("wrong"));
}

#[test]
fn two_equals_answers_make_a_pick_one_question_with_either_answer_right() {
    let (_, _, lesson) = convert("feedback-and-weights.gift.txt", QuizFormat::Gift);
    let q = question(&lesson, "Which of these are prime");
    // As Moodle shows it: pick one, and either `=` answer is right.
    assert_eq!(q.kind, QuestionKind::Single);
    assert_eq!(right_choices(q), ["2", "3"]);
    assert_eq!(
        q.explanation.as_deref(),
        Some("2 and 3 have no divisors but 1 and themselves.")
    );
}

#[test]
fn partial_credit_in_a_pick_one_question_is_reported_on_its_answers_line() {
    let (text, imported, lesson) = convert("feedback-and-weights.gift.txt", QuizFormat::Gift);
    let q = question(&lesson, "Difficult question.");
    assert_eq!(q.kind, QuestionKind::Single);
    assert_eq!(right_choices(q), ["full credit answer"]);
    // The partial credit is a note on a question that was imported, not a skip.
    let notes: Vec<(usize, &str)> = imported
        .notes
        .iter()
        .map(|n| (n.line, n.reason.as_str()))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].0, line_of(&text, "~%50%half credit answer"));
    assert!(
        notes[0].1.contains("partial credit") && notes[0].1.contains("half credit answer"),
        "{}",
        notes[0].1
    );
    let got = skipped(&imported);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, line_of(&text, "::Jesus' hometown"));
    assert!(
        got[0].1.starts_with("short-answer questions"),
        "{}",
        got[0].1
    );
}

#[test]
fn escaped_characters_are_kept_as_text() {
    let (_, _, lesson) = convert("formats-and-escapes.gift.txt", QuizFormat::Gift);
    let q = question(&lesson, "Which answer equals 5?");
    assert_eq!(choice_texts(q), ["= 2 + 2", "= 2 + 3", "= 2 + 4"]);
    assert_eq!(right_choices(q), ["= 2 + 3"]);

    let q = question(&lesson, "Which of the following is NOT");
    assert_eq!(choice_texts(q), ["~", "=", "#", "{", "}", "\\"]);
    assert_eq!(right_choices(q), ["\\"]);
    assert_eq!(feedback(q, "#"), Some("# is a control character."));
    let right = feedback(q, "\\").unwrap();
    assert!(
        right.starts_with("Correct! \\ (backslash) is not a control character. BUT,\nit is used"),
        "{right}"
    );
}

#[test]
fn format_markers_are_dropped_and_html_becomes_plain_text() {
    let (_, imported, lesson) = convert("formats-and-escapes.gift.txt", QuizFormat::Gift);
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
    let q = question(&lesson, "Listen to this greeting");
    assert_eq!(
        q.prompt,
        "Listen to this greeting:\n\nWhat language is being spoken?"
    );
    assert_eq!(right_choices(q), ["French"]);
    assert_eq!(feedback(q, "German"), Some("Sorry, listen again."));

    let q = question(&lesson, "Moodle is an acronym");
    assert_eq!(
        q.prompt,
        "Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment."
    );

    let q = question(&lesson, "Who's buried in");
    assert_eq!(q.prompt, "Who's buried in Grant's tomb?");
    assert_eq!(feedback(q, "no one"), Some("excellent answer!"));

    let q = question(&lesson, "Line one");
    assert_eq!(q.prompt, "Line one\nline two: is 1 < 2?");
}

#[test]
fn questions_a_lesson_cannot_hold_are_listed_with_their_lines() {
    let (text, imported, lesson) = convert("problems.gift.txt", QuizFormat::Gift);
    assert_eq!(imported.questions, 1);
    assert_eq!(prompts(&lesson), ["Who's buried in Grant's tomb?"]);
    let got = skipped(&imported);
    let expected = [
        (
            line_of(&text, "{~Grant ~Jefferson ~no one}"),
            "no right answer",
        ),
        (line_of(&text, "{~no one}"), "has 1 answer;"),
        (line_of(&text, "{=no one ~}"), "has no text"),
        (line_of(&text, "=7 ~8 ~9"), "has 9 answers;"),
        (
            line_is(
                &text,
                "Who's buried in Grant's tomb?{~Grant ~Jefferson =no one",
            ),
            "no } closes them",
        ),
    ];
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for ((line, reason), (want_line, want_reason)) in got.iter().zip(expected) {
        assert_eq!(*line, want_line, "{reason}");
        assert!(
            reason.contains(want_reason),
            "{reason:?} should say {want_reason:?}"
        );
    }
}

#[test]
fn aiken_questions_convert_with_the_answer_letter_right() {
    let (_, imported, lesson) = convert("moodle-docs.aiken.txt", QuizFormat::Aiken);
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
    let q = question(&lesson, "What is the correct answer");
    assert_eq!(q.kind, QuestionKind::Single);
    assert_eq!(
        choice_texts(q),
        [
            "Is it this one?",
            "Maybe this answer?",
            "Possibly this one?",
            "Must be this one!"
        ]
    );
    assert_eq!(right_choices(q), ["Must be this one!"]);
    let q = question(&lesson, "Which LMS");
    assert_eq!(q.choices.len(), 6);
    assert_eq!(right_choices(q), ["Moodle"]);
}

#[test]
fn malformed_aiken_questions_are_listed_and_the_good_ones_kept() {
    let (text, imported, lesson) = convert("malformed.aiken.txt", QuizFormat::Aiken);
    assert_eq!(
        prompts(&lesson),
        [
            "What color is the apple the witch leaves for Sleeping Beauty?",
            "Which LMS has the most quiz import formats?"
        ]
    );
    assert_eq!(right_choices(question(&lesson, "What color")), ["red"]);
    let got = skipped(&imported);
    let expected = [
        (line_of(&text, "strong password"), "no ANSWER line"),
        (line_of(&text, "Who should you tell"), "no answer E"),
        (line_of(&text, "home address"), "has 1 answer;"),
    ];
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for ((line, reason), (want_line, want_reason)) in got.iter().zip(expected) {
        assert_eq!(*line, want_line, "{reason}");
        assert!(
            reason.contains(want_reason),
            "{reason:?} should say {want_reason:?}"
        );
    }
}

#[test]
fn a_file_with_nothing_to_import_is_an_error_that_lists_why() {
    let text = "// nothing but a numerical question\nWhen was Ulysses S. Grant born?{#1822:1}\n";
    let err = import::import(text, QuizFormat::Gift, ID, "Quiz")
        .unwrap_err()
        .to_string();
    assert!(err.contains("no questions could be imported"), "{err}");
    assert!(err.contains("line 2: numerical questions"), "{err}");
    let err = import::import("", QuizFormat::Aiken, ID, "Quiz")
        .unwrap_err()
        .to_string();
    assert!(err.contains("no questions"), "{err}");
}

#[test]
fn quotes_backslashes_and_new_lines_survive_the_toml() {
    let text = "::T::He said \"stop\" \\\\ then\\nleft. {=\"Yes\" \\\\ ok#It's \"fine\" ~No}";
    let imported = import::import(text, QuizFormat::Gift, "quotes", "\"Quoted\" title").unwrap();
    let lesson = parse_lesson(Path::new("quotes.toml"), &imported.toml)
        .lesson
        .expect("loads");
    assert_eq!(lesson.title, "\"Quoted\" title");
    let q = question(&lesson, "He said");
    assert_eq!(q.prompt, "He said \"stop\" \\ then\nleft.");
    assert_eq!(right_choices(q), ["\"Yes\" \\ ok"]);
    assert_eq!(feedback(q, "\"Yes\" \\ ok"), Some("It's \"fine\""));
}

#[test]
fn the_written_lesson_passes_mehfooz_check() {
    let data = data_dir();
    let folder = tempfile::tempdir().expect("a temporary folder");
    for (name, format) in FIXTURES {
        let id = name.split('.').next().unwrap();
        let imported = import::import(&fixture(name), format, id, id).unwrap();
        fs::write(folder.path().join(format!("{id}.toml")), imported.toml).unwrap();
    }
    let out = run(mehfooz(data.path()).arg("check").arg(folder.path()));
    assert_eq!(out.code, Some(0), "{}\n{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("0 errors"), "{}", out.stdout);
}

#[cfg(unix)] // /dev/zero is a Unix device; Windows has no such file to point at
#[test]
fn import_refuses_a_device_or_a_pipe_without_reading_it() {
    let data = common::data_dir();
    let out = common::run(
        common::mehfooz(data.path())
            .args(["import", "/dev/zero", "--dir"])
            .arg(data.path()),
    );
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr.trim(),
        "mehfooz: cannot read /dev/zero: this is not a file (it is a folder, a device or a pipe)"
    );
}

#[test]
fn import_refuses_a_quiz_bigger_than_a_lesson_file_may_be() {
    let data = common::data_dir();
    let quiz = data.path().join("huge.gift");
    let question = "Who can help? {=A parent ~Nobody}\n\n";
    std::fs::write(&quiz, question.repeat(5 * 1024 * 1024 / question.len())).unwrap();
    let out = common::run(
        common::mehfooz(data.path())
            .arg("import")
            .arg(&quiz)
            .arg("--dir")
            .arg(data.path()),
    );
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("the file is 5119 KB; a lesson file may be at most 4096 KB"),
        "{}",
        out.stderr
    );
}

#[test]
fn importing_a_quiz_named_like_the_settings_file_writes_a_lesson_under_another_name() {
    let data = common::data_dir();
    let folder = tempfile::tempdir().unwrap();
    let quiz = folder.path().join("mehfooz.gift");
    std::fs::write(
        &quiz,
        "Who can help? {=A parent #Yes. ~Nobody #Someone can.}\n\nIs it safe? {TRUE}\n",
    )
    .unwrap();
    let out = common::run(
        common::mehfooz(data.path())
            .arg("import")
            .arg(&quiz)
            .arg("--dir")
            .arg(folder.path()),
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(!folder.path().join("mehfooz.toml").exists());
    let text = std::fs::read_to_string(folder.path().join("mehfooz-quiz.toml")).unwrap();
    assert!(text.contains("id = \"mehfooz-quiz\""), "{text}");
}

#[test]
fn either_equals_answer_of_a_pick_one_question_scores_full_marks() {
    use mehfooz::quiz::{Session, View};
    let imported = import::import(
        "Who can you tell? {=A parent #Yes. =A teacher #Yes. ~Nobody #Someone can.}",
        QuizFormat::Gift,
        "tell",
        "Tell",
    )
    .unwrap();
    let lesson = parse_lesson(Path::new("tell.toml"), &imported.toml)
        .lesson
        .unwrap_or_else(|| panic!("{}", imported.toml));
    for right in ["A parent", "A teacher"] {
        let mut session = Session::start(&lesson, &mut rand::rng());
        session.advance(); // past the page about the import
        let Some(View::Question { choices, .. }) = session.current() else {
            panic!("a question comes second");
        };
        let at = choices.iter().position(|c| c.text == right).unwrap();
        let feedback = session.answer(&[at]).unwrap();
        assert_eq!(feedback.score, 1.0, "{right}");
    }
}

#[test]
fn descriptions_become_pages_and_question_names_are_kept_as_notes() {
    let (text, imported, lesson) = convert("problems.gift.txt", QuizFormat::Gift);
    let page = lesson
        .steps
        .iter()
        .find_map(|s| match s {
            Step::Page(p) if p.text.starts_with("The next questions") => Some(p),
            _ => None,
        })
        .expect("the description is a page");
    assert_eq!(page.text, "The next questions are about Grant's tomb.");
    let line = line_of(&text, "The next questions");
    assert!(
        imported.toml.contains(&format!(
            "# A description, from line {line} of the quiz file.\n[[steps]]"
        )),
        "{}",
        imported.toml
    );
    let named = import::import(
        "::Secrets::Who can you tell? {=A parent ~Nobody #Someone can.}",
        QuizFormat::Gift,
        "tell",
        "Tell",
    )
    .unwrap();
    assert!(
        named
            .toml
            .contains("# Moodle question \"Secrets\", from line 1 of the quiz file.\n[[steps]]"),
        "{}",
        named.toml
    );
}

#[test]
fn aiken_with_lower_case_letters_keeps_each_question_apart() {
    let quiz = "Who can you tell?\na. A parent\nb. Nobody\nanswer: a\n\nIs a password private?\na) Yes\nb) No\nANSWER: a\n";
    let imported = import::import(quiz, QuizFormat::Aiken, "aiken", "Aiken").unwrap();
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
    let lesson = parse_lesson(Path::new("aiken.toml"), &imported.toml)
        .lesson
        .unwrap();
    assert_eq!(
        prompts(&lesson),
        ["Who can you tell?", "Is a password private?"]
    );
    assert_eq!(right_choices(questions(&lesson)[0]), ["A parent"]);
}

#[test]
fn a_question_over_a_lesson_limit_is_skipped_naming_the_limit_and_its_line() {
    let long = "word ".repeat(4_100);
    let quiz = format!("Who can help? {{=A parent ~Nobody}}\n\n{long}? {{=Yes ~No}}\n");
    let imported = import::import(&quiz, QuizFormat::Gift, "big", "Big").unwrap();
    assert_eq!(imported.questions, 1);
    assert_eq!(
        skipped(&imported),
        [(
            3,
            "a text of this question is 20501 characters long; a lesson's texts may be at most 20000 characters"
        )]
    );
    let many = "Who can help? {=A parent ~Nobody}\n\n".repeat(600);
    let err = import::import(&many, QuizFormat::Gift, "many", "Many")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "this GIFT file has 600 questions and descriptions; a lesson may have at most 499 (the one on line 999 is the first too many): split the quiz into several files"
    );
}

#[test]
fn import_writes_the_schema_its_lesson_names_beside_it() {
    let data = data_dir();
    let folder = tempfile::tempdir().unwrap();
    let quiz = folder.path().join("week-1.gift");
    fs::write(&quiz, "Is it safe? {TRUE}\n").unwrap();
    let out = run(mehfooz(data.path())
        .arg("import")
        .arg(&quiz)
        .arg("--dir")
        .arg(folder.path()));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let lesson = fs::read_to_string(folder.path().join("week-1.toml")).unwrap();
    let first = lesson.lines().next().unwrap();
    let named = first
        .strip_prefix("#:schema ")
        .expect("a schema line first");
    assert!(
        folder.path().join(named).is_file(),
        "{named} is not beside the lesson"
    );
}
