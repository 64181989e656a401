//! Attempts at generated lessons, answered the way a class might: mostly right, with
//! some questions wrong.

use std::path::Path;

use mehfooz::lesson::{Lesson, QuestionKind, parse_lesson};
use mehfooz::progress::Attempt;
use mehfooz::quiz::{Session, View};
use rand::rngs::StdRng;

/// An attempt at `lesson` answered up to step `answered` (all of it when `None`), with
/// the right answers except for every `wrong_every`-th question.
pub fn attempt(
    lesson: &Lesson,
    rng: &mut StdRng,
    answered: Option<usize>,
    wrong: usize,
) -> Attempt {
    let mut session = Session::start(lesson, rng);
    let mut question = 0;
    while !session.is_finished() && answered.is_none_or(|n| session.position() < n) {
        let picked: Vec<usize> = match session.current() {
            Some(View::Question { question: q, .. }) => {
                question += 1;
                match (q.kind, question % 4 == wrong) {
                    (_, true) => vec![0],
                    (QuestionKind::Multiple, false) => vec![1, 3],
                    _ => vec![1],
                }
            }
            Some(View::Chat { .. }) => vec![0, 3],
            _ => Vec::new(),
        };
        if !picked.is_empty() {
            session.answer(&picked).expect("a valid answer");
        }
        session.advance();
    }
    let mut attempt = Attempt::new(session.state().clone());
    if session.is_finished() {
        let summary = session.summary();
        attempt.finished = Some(attempt.updated);
        attempt.percent = Some(summary.percent);
        attempt.passed = Some(summary.passed);
    }
    attempt
}

/// The first `count` generated lessons, read as the app reads them.
pub fn generated_lessons(count: usize) -> Vec<Lesson> {
    (0..count)
        .map(|i| {
            parse_lesson(
                Path::new(&super::library::file_name(i)),
                &super::library::lesson(i),
            )
            .lesson
            .expect("the generated lesson reads")
        })
        .collect()
}
