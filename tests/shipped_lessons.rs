//! The lessons built into Mehfooz (the `lessons/` folder): content rules every shipped
//! lesson must keep, and one walk through each lesson in the plain mode.

mod common;

use std::fs;

use common::{crate_dir, data_dir, mehfooz, run};
use mehfooz::diagnostic::Severity;
use mehfooz::lesson::{Catalog, Lesson, Question, QuestionKind, Sender, Step};

/// Every question of a lesson, pool questions included.
fn questions(lesson: &Lesson) -> Vec<&Question> {
    lesson
        .steps
        .iter()
        .flat_map(|step| match step {
            Step::Question(q) => vec![q],
            Step::Pool(pool) => pool.questions.iter().collect(),
            Step::Page(_) | Step::Chat(_) => vec![],
        })
        .collect()
}

#[test]
fn shipped_lessons_have_no_errors_and_no_warnings_but_help_line_dates() {
    let catalog = Catalog::built_in();
    let unexpected: Vec<String> = catalog
        .diagnostics
        .iter()
        .filter(|d| {
            // A help line confirmed long ago (or with no date yet) is a reminder to check
            // the number again, not a mistake in the file.
            let help_line_date = d.severity == Severity::Warning
                && d.path.file_name().is_some_and(|n| n == "help-lines.toml")
                && (d.message.contains("last confirmed on")
                    || d.message.contains("has no `confirmed` date"));
            !help_line_date
        })
        .map(|d| {
            format!(
                "{}:{}:{}: {}: {}",
                d.path.display(),
                d.line,
                d.column,
                d.severity,
                d.message
            )
        })
        .collect();
    assert!(unexpected.is_empty(), "\n{}", unexpected.join("\n"));
    assert!(
        catalog.broken_files.is_empty(),
        "{:?}",
        catalog.broken_files
    );
}

#[test]
fn every_file_in_the_lessons_folder_is_built_in() {
    let catalog = Catalog::built_in();
    let on_disk: Vec<_> = fs::read_dir(crate_dir().join("lessons"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    // Every lesson file plus help-lines.toml.
    assert_eq!(catalog.files_read, on_disk.len());
    assert_eq!(catalog.lessons.len() + 1, on_disk.len());
}

#[test]
fn there_are_at_least_twenty_two_lessons() {
    let catalog = Catalog::built_in();
    assert!(
        catalog.lessons.len() >= 22,
        "only {} lessons",
        catalog.lessons.len()
    );
}

#[test]
fn each_age_band_has_at_least_seven_lessons() {
    let catalog = Catalog::built_in();
    for (min, max) in [(8, 10), (11, 13), (14, 16)] {
        let ids: Vec<&str> = catalog
            .lessons
            .iter()
            .filter(|e| e.lesson.ages.min <= min && e.lesson.ages.max >= max)
            .map(|e| e.lesson.id.as_str())
            .collect();
        assert!(
            ids.len() >= 7,
            "ages {min}-{max} have only {} lessons: {ids:?}",
            ids.len()
        );
    }
}

#[test]
fn every_lesson_has_at_least_six_questions() {
    for entry in &Catalog::built_in().lessons {
        let count = entry.lesson.question_count();
        assert!(
            count >= 6,
            "{} asks only {count} questions",
            entry.lesson.id
        );
    }
}

#[test]
fn every_choice_of_every_question_has_feedback() {
    let mut missing = Vec::new();
    for entry in &Catalog::built_in().lessons {
        for question in questions(&entry.lesson) {
            for choice in &question.choices {
                if choice
                    .feedback
                    .as_deref()
                    .is_none_or(|f| f.trim().is_empty())
                {
                    missing.push(format!(
                        "{}: {:?} / {:?}",
                        entry.lesson.id, question.prompt, choice.text
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "choices without feedback:\n{}",
        missing.join("\n")
    );
}

#[test]
fn true_false_questions_have_feedback_for_true_and_for_false() {
    let mut true_false = 0;
    for entry in &Catalog::built_in().lessons {
        for question in questions(&entry.lesson) {
            if question.kind != QuestionKind::TrueFalse {
                continue;
            }
            true_false += 1;
            let texts: Vec<&str> = question.choices.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(texts, ["True", "False"], "{}", question.prompt);
            for choice in &question.choices {
                assert!(
                    choice.feedback.is_some(),
                    "{}: {:?} has no {} feedback",
                    entry.lesson.id,
                    question.prompt,
                    choice.text
                );
            }
        }
    }
    assert!(true_false > 0, "no true/false question was found");
}

#[test]
fn every_chat_has_a_red_flag_and_a_harmless_message_from_them() {
    let mut chats = 0;
    for entry in &Catalog::built_in().lessons {
        for step in &entry.lesson.steps {
            let Step::Chat(chat) = step else { continue };
            chats += 1;
            let from_them = || chat.messages.iter().filter(|m| m.from == Sender::Them);
            assert!(
                from_them().any(|m| m.red_flag),
                "{}: chat {:?} has no red flag",
                entry.lesson.id,
                chat.title
            );
            assert!(
                from_them().any(|m| !m.red_flag),
                "{}: chat {:?} has no harmless message from them",
                entry.lesson.id,
                chat.title
            );
            for m in from_them() {
                assert!(
                    m.why.is_some(),
                    "{}: {:?} has no why",
                    entry.lesson.id,
                    m.text
                );
            }
        }
    }
    assert!(chats > 0, "no chat was found");
}

#[test]
fn no_lesson_for_children_under_fourteen_mentions_sextortion_or_nudes() {
    let mut found = Vec::new();
    for entry in &Catalog::built_in().lessons {
        let lesson = &entry.lesson;
        if lesson.ages.min >= 14 {
            continue;
        }
        // Every text of the lesson (titles, pages, prompts, choices, feedback, chats...).
        let text = format!("{lesson:?}").to_lowercase();
        for word in ["sextortion", "nude", "naked"] {
            if text.contains(word) {
                found.push(format!(
                    "{} (ages {}-{}): {word}",
                    lesson.id, lesson.ages.min, lesson.ages.max
                ));
            }
        }
    }
    assert!(found.is_empty(), "\n{}", found.join("\n"));
}

#[test]
fn help_lines_start_with_pakistan_and_never_give_a_wrong_number() {
    let catalog = Catalog::built_in();
    let help = catalog.help.as_ref().expect("the help lines load");
    let first = help.regions.first().expect("at least one region");
    assert_eq!(first.id, "pk");
    assert_eq!(first.name, "Pakistan");
    assert!(!first.lines.is_empty(), "no help lines for Pakistan");
    assert!(!help.advice.trim().is_empty());

    let mut texts = vec![format!("{help:?}")];
    texts.extend(catalog.lessons.iter().map(|e| format!("{:?}", e.lesson)));
    for entry in fs::read_dir(crate_dir().join("lessons")).unwrap() {
        texts.push(fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    for text in &texts {
        for wrong in ["1991", "9911"] {
            assert!(!text.contains(wrong), "{wrong:?} appears in:\n{text}");
        }
    }
}

#[test]
fn every_shipped_lesson_can_be_taken_from_start_to_finish_in_plain_mode() {
    let data = data_dir();
    let catalog = Catalog::built_in();
    let mut failures = Vec::new();
    for entry in &catalog.lessons {
        let lesson = &entry.lesson;
        // Enter on a page; 1 for every question, chat and drawn pool question.
        let mut input = String::new();
        for step in &lesson.steps {
            match step {
                Step::Page(_) => input.push('\n'),
                Step::Question(_) | Step::Chat(_) => input.push_str("1\n"),
                Step::Pool(pool) => input.push_str(&"1\n".repeat(pool.draw)),
            }
        }
        let out = run(mehfooz(data.path())
            .args(["play", &lesson.id, "--student", "Walker", "--plain"])
            .write_stdin(input));
        let finished = format!("Lesson finished: {}", lesson.title);
        let count = format!("question 1 of {}:", lesson.question_count());
        if out.code != Some(0)
            || !out.stdout.contains(&finished)
            || !out.stdout.contains("You scored ")
            || !out.stdout.to_lowercase().contains(&count)
            || !out.stderr.is_empty()
        {
            failures.push(format!(
                "{} (exit {:?}):\n{}\nstderr: {}",
                lesson.id, out.code, out.stdout, out.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
    // Every lesson left a finished attempt.
    let student = common::only_student_json(data.path());
    for entry in &catalog.lessons {
        let attempts = student["lessons"][entry.lesson.id.as_str()]["attempts"]
            .as_array()
            .unwrap_or_else(|| panic!("no attempts at {}", entry.lesson.id));
        assert_eq!(attempts.len(), 1);
        assert!(attempts[0]["finished"].is_i64(), "{}", entry.lesson.id);
    }
}

/// The twelve topics the course has taught from the start, each with the `topics` tags
/// that count as teaching it. New lessons must not push one of them out.
const COURSE_TOPICS: [(&str, &[&str]); 12] = [
    ("private information", &["private information"]),
    ("online friends", &["online friends"]),
    ("grooming warning signs", &["grooming"]),
    ("secrets and gifts", &["secrets", "gifts"]),
    ("trusted adults and getting help", &["trusted adults"]),
    (
        "saying no, blocking, reporting, evidence",
        &["blocking", "reporting"],
    ),
    ("photos, video and the camera", &["photos", "camera"]),
    ("sextortion", &["sextortion"]),
    ("games and chat", &["games"]),
    (
        "privacy settings and location sharing",
        &["privacy settings", "settings", "location sharing"],
    ),
    ("passwords and accounts", &["passwords"]),
    ("cyberbullying and being an upstander", &["cyberbullying"]),
];

#[test]
fn every_topic_of_the_course_is_still_taught() {
    let catalog = Catalog::built_in();
    let missing: Vec<&str> = COURSE_TOPICS
        .iter()
        .filter(|(_, tags)| {
            !catalog
                .lessons
                .iter()
                .any(|e| e.lesson.topics.iter().any(|t| tags.contains(&t.as_str())))
        })
        .map(|(topic, _)| *topic)
        .collect();
    assert!(missing.is_empty(), "no lesson teaches: {missing:?}");
}

#[test]
fn grooming_is_taught_with_at_least_two_chats_to_spot_the_red_flags_in() {
    let chats: usize = Catalog::built_in()
        .lessons
        .iter()
        .filter(|e| e.lesson.topics.iter().any(|t| t == "grooming"))
        .flat_map(|e| &e.lesson.steps)
        .filter(|s| matches!(s, Step::Chat(_)))
        .count();
    assert!(chats >= 2, "only {chats} chats in the grooming lessons");
}

#[test]
fn sextortion_is_taught_only_from_fourteen() {
    for entry in &Catalog::built_in().lessons {
        if entry.lesson.topics.iter().any(|t| t == "sextortion") {
            assert!(
                entry.lesson.ages.min >= 14,
                "{} teaches sextortion from age {}",
                entry.lesson.id,
                entry.lesson.ages.min
            );
        }
    }
}

/// Lessons with no pretend chat, and why a chat would not fit them.
const NO_CHAT: [(&str, &str); 1] = [(
    "trusted-adults",
    "it is about whom to tell and what to say, so there is no one else's chat to read",
)];

#[test]
fn every_lesson_has_a_chat_or_says_why_not() {
    let catalog = Catalog::built_in();
    let mut wrong = Vec::new();
    for entry in &catalog.lessons {
        let has_chat = entry
            .lesson
            .steps
            .iter()
            .any(|s| matches!(s, Step::Chat(_)));
        let excused = NO_CHAT.iter().any(|(id, _)| *id == entry.lesson.id);
        match (has_chat, excused) {
            (false, false) => wrong.push(format!("{} has no chat", entry.lesson.id)),
            (true, true) => wrong.push(format!(
                "{} has a chat now: take it off the list of lessons without one",
                entry.lesson.id
            )),
            _ => {}
        }
    }
    for (id, _) in NO_CHAT {
        if !catalog.lessons.iter().any(|e| e.lesson.id == id) {
            wrong.push(format!("{id} is excused from a chat but is not a lesson"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// The lesson ids in the first column of the table under the README's "## Lessons".
fn readme_lesson_table_ids() -> Vec<String> {
    let readme = fs::read_to_string(crate_dir().join("README.md")).unwrap();
    let section = readme
        .split("\n## Lessons\n")
        .nth(1)
        .expect("README.md has a \"## Lessons\" section");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once('`'))
        .map(|(id, _)| id.to_string())
        .collect()
}

#[test]
fn the_readme_lesson_table_lists_every_built_in_lesson_and_no_other() {
    let table = readme_lesson_table_ids();
    let catalog = Catalog::built_in();
    let ids: Vec<&str> = catalog
        .lessons
        .iter()
        .map(|e| e.lesson.id.as_str())
        .collect();
    let missing: Vec<&&str> = ids
        .iter()
        .filter(|id| !table.iter().any(|t| t == *id))
        .collect();
    let stale: Vec<&String> = table
        .iter()
        .filter(|t| !ids.contains(&t.as_str()))
        .collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "not in the README table: {missing:?}; in the table but not a lesson: {stale:?}"
    );
}
