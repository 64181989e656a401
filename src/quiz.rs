//! A quiz session: one child's attempt at one lesson, as a pure state machine. It takes
//! the lesson, a random-number generator (or the saved state, to resume) and answers, and
//! gives back what to show and how each answer scored. No terminal, no files.

use rand::Rng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use crate::lesson::{Chat, Choice, Lesson, Question, QuestionKind, Sender, Step};

/// One step of an attempt, as drawn when the attempt started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedStep {
    /// The lesson step (for a pool, the pool step).
    pub step: usize,
    /// For a pool, which of its questions was drawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<usize>,
    /// For a question, the order its choices are shown in (indices into its choices).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<usize>,
}

/// Everything needed to carry on an attempt later: the drawn plan (stored, not a seed,
/// so a resumed lesson shows the same questions in the same order whatever version of
/// rand reads it), the answers so far, and where the child is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptState {
    pub plan: Vec<PlannedStep>,
    /// For each planned step: what the child picked (choice or message indices as
    /// written in the lesson), once answered.
    pub answers: Vec<Option<Vec<usize>>>,
    pub position: usize,
}

/// What the current step shows.
#[derive(Debug, Clone, PartialEq)]
pub enum View<'l> {
    Page {
        title: &'l str,
        text: &'l str,
    },
    Question {
        question: &'l Question,
        /// The choices in the order they are shown.
        choices: Vec<&'l Choice>,
        /// Which question this is, counting from 1, and how many the attempt has.
        number: usize,
        total: usize,
    },
    Chat {
        chat: &'l Chat,
        number: usize,
        total: usize,
    },
}

impl View<'_> {
    /// Every lesson text the step may show, for the meanings of its glossary words.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            View::Page { text, .. } => vec![*text],
            View::Question { question, .. } => crate::lesson::glossary::question_texts(question),
            View::Chat { chat, .. } => crate::lesson::glossary::chat_texts(chat),
        }
    }
}

/// How an answer went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Correct,
    PartlyCorrect,
    NotQuite,
}

/// What the child learns from one answer, item by item in the order shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    /// From 0.0 to 1.0.
    pub score: f64,
    pub verdict: Verdict,
    pub items: Vec<ItemFeedback>,
    pub explanation: Option<String>,
}

/// One choice (or chat message) after answering.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemFeedback {
    pub text: String,
    pub picked: bool,
    /// A right choice, or a message that is a red flag.
    pub correct: bool,
    /// The choice's feedback, or the message's why.
    pub note: Option<String>,
}

/// Why an answer was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    NotAQuestion,
    AlreadyAnswered,
    /// A number that is not one of the choices shown (1-based, as typed).
    NoSuchChoice(usize),
    PickOne,
    PickAtLeastOne,
    /// The message cannot be marked: it was sent by the child.
    OwnMessage(usize),
}

/// Why a saved attempt cannot carry on: the lesson file changed since it was saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonChanged;

/// The result of one question, for the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult {
    pub number: usize,
    pub prompt: String,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub percent: u32,
    pub passed: bool,
    pub questions: Vec<QuestionResult>,
}

impl Summary {
    /// The questions not fully right, to look at again.
    pub fn to_review(&self) -> impl Iterator<Item = &QuestionResult> {
        self.questions.iter().filter(|q| q.score < 1.0)
    }
}

pub struct Session<'l> {
    lesson: &'l Lesson,
    state: AttemptState,
}

impl<'l> Session<'l> {
    /// A fresh attempt: pool questions drawn and choices shuffled with `rng`.
    pub fn start(lesson: &'l Lesson, rng: &mut impl Rng) -> Self {
        let mut plan = Vec::new();
        for (index, step) in lesson.steps.iter().enumerate() {
            match step {
                Step::Page(_) | Step::Chat(_) => plan.push(PlannedStep {
                    step: index,
                    question: None,
                    order: Vec::new(),
                }),
                Step::Question(q) => plan.push(PlannedStep {
                    step: index,
                    question: None,
                    order: choice_order(q, rng),
                }),
                Step::Pool(pool) => {
                    let drawn = rand::seq::index::sample(rng, pool.questions.len(), pool.draw);
                    for q in drawn {
                        plan.push(PlannedStep {
                            step: index,
                            question: Some(q),
                            order: choice_order(&pool.questions[q], rng),
                        });
                    }
                }
            }
        }
        let answers = vec![None; plan.len()];
        Session {
            lesson,
            state: AttemptState {
                plan,
                answers,
                position: 0,
            },
        }
    }

    /// Carries on a saved attempt, if it still fits the lesson.
    pub fn resume(lesson: &'l Lesson, state: AttemptState) -> Result<Self, LessonChanged> {
        let fits = state.answers.len() == state.plan.len()
            && state.position <= state.plan.len()
            && state
                .plan
                .iter()
                .zip(&state.answers)
                .all(|(planned, answer)| {
                    let Some(size) = planned_size(lesson, planned) else {
                        return false;
                    };
                    answer
                        .as_ref()
                        .is_none_or(|picked| picked.iter().all(|&i| i < size))
                });
        if fits {
            Ok(Session { lesson, state })
        } else {
            Err(LessonChanged)
        }
    }

    pub fn lesson(&self) -> &'l Lesson {
        self.lesson
    }

    /// The state to save.
    pub fn state(&self) -> &AttemptState {
        &self.state
    }

    pub fn position(&self) -> usize {
        self.state.position
    }

    /// How many steps this attempt has.
    pub fn len(&self) -> usize {
        self.state.plan.len()
    }

    pub fn is_empty(&self) -> bool {
        self.state.plan.is_empty()
    }

    pub fn is_finished(&self) -> bool {
        self.state.position >= self.state.plan.len()
    }

    /// The step the child is on, or `None` once past the last one.
    pub fn current(&self) -> Option<View<'l>> {
        self.view(self.state.position)
    }

    /// The step at `index` of this attempt.
    pub fn view(&self, index: usize) -> Option<View<'l>> {
        let planned = self.state.plan.get(index)?;
        let total = self.question_total();
        let number = self.state.plan[..index]
            .iter()
            .filter(|p| self.is_question(p))
            .count()
            + 1;
        Some(match &self.lesson.steps[planned.step] {
            Step::Page(page) => View::Page {
                title: &page.title,
                text: &page.text,
            },
            Step::Chat(chat) => View::Chat {
                chat,
                number,
                total,
            },
            Step::Question(_) | Step::Pool(_) => {
                let question = self.question(planned).expect("planned questions exist");
                View::Question {
                    question,
                    choices: planned
                        .order
                        .iter()
                        .map(|&i| &question.choices[i])
                        .collect(),
                    number,
                    total,
                }
            }
        })
    }

    /// Whether the current step still waits for an answer before moving on.
    pub fn awaiting_answer(&self) -> bool {
        match self.state.plan.get(self.state.position) {
            Some(planned) => self.is_question(planned) && self.answer_at(self.position()).is_none(),
            None => false,
        }
    }

    /// What was picked at step `index` (lesson indices), if answered.
    pub fn answer_at(&self, index: usize) -> Option<&[usize]> {
        self.state.answers.get(index)?.as_deref()
    }

    /// Answers the current step. `picked` are positions in the order shown, from 0 (for a
    /// chat, message indices). Returns the feedback to show.
    pub fn answer(&mut self, picked: &[usize]) -> Result<Feedback, AnswerError> {
        let index = self.state.position;
        let planned = self
            .state
            .plan
            .get(index)
            .filter(|p| self.is_question(p))
            .ok_or(AnswerError::NotAQuestion)?;
        if self.state.answers[index].is_some() {
            return Err(AnswerError::AlreadyAnswered);
        }
        let mut chosen = Vec::new();
        let kind = match &self.lesson.steps[planned.step] {
            Step::Chat(chat) => {
                for &i in picked {
                    let message = chat
                        .messages
                        .get(i)
                        .ok_or(AnswerError::NoSuchChoice(i + 1))?;
                    if message.from == Sender::Me {
                        return Err(AnswerError::OwnMessage(i + 1));
                    }
                    chosen.push(i);
                }
                // Marking no message at all is an answer: "nothing here is a warning sign".
                None
            }
            _ => {
                let question = self.question(planned).expect("planned questions exist");
                for &i in picked {
                    chosen.push(
                        *planned
                            .order
                            .get(i)
                            .ok_or(AnswerError::NoSuchChoice(i + 1))?,
                    );
                }
                Some(question.kind)
            }
        };
        chosen.sort_unstable();
        chosen.dedup();
        match kind {
            Some(QuestionKind::Single | QuestionKind::TrueFalse) if chosen.len() != 1 => {
                return Err(AnswerError::PickOne);
            }
            Some(QuestionKind::Multiple) if chosen.is_empty() => {
                return Err(AnswerError::PickAtLeastOne);
            }
            _ => {}
        }
        self.state.answers[index] = Some(chosen);
        Ok(self.feedback_at(index).expect("just answered"))
    }

    /// The feedback for step `index`, once it has been answered.
    pub fn feedback_at(&self, index: usize) -> Option<Feedback> {
        let planned = self.state.plan.get(index)?;
        let picked = self.answer_at(index)?;
        // A pick-one question is right when the pick is a right choice, whichever of
        // several right ones it is (a lesson may accept any of them).
        let mut pick_one = false;
        let (items, explanation): (Vec<ItemFeedback>, _) = match &self.lesson.steps[planned.step] {
            Step::Chat(chat) => {
                let items = chat
                    .messages
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.from == Sender::Them)
                    .map(|(i, m)| ItemFeedback {
                        text: m.text.clone(),
                        picked: picked.contains(&i),
                        correct: m.red_flag,
                        note: m.why.clone(),
                    })
                    .collect();
                (items, None)
            }
            _ => {
                let question = self.question(planned)?;
                pick_one = question.kind != QuestionKind::Multiple;
                let items = planned
                    .order
                    .iter()
                    .map(|&i| {
                        let choice = &question.choices[i];
                        ItemFeedback {
                            text: choice.text.clone(),
                            picked: picked.contains(&i),
                            correct: choice.correct,
                            note: choice.feedback.clone(),
                        }
                    })
                    .collect();
                (items, question.explanation.clone())
            }
        };
        let score = if pick_one {
            f64::from(u8::from(items.iter().any(|i| i.picked && i.correct)))
        } else {
            score(&items)
        };
        let verdict = if score >= 1.0 {
            Verdict::Correct
        } else if score > 0.0 {
            Verdict::PartlyCorrect
        } else {
            Verdict::NotQuite
        };
        Some(Feedback {
            score,
            verdict,
            items,
            explanation,
        })
    }

    /// Moves to the next step. Does nothing while a question waits for its answer.
    pub fn advance(&mut self) {
        if !self.awaiting_answer() && !self.is_finished() {
            self.state.position += 1;
        }
    }

    /// Moves back one step, to read it again (answers stay as given).
    pub fn back(&mut self) {
        self.state.position = self.state.position.saturating_sub(1);
    }

    /// The score so far over every question of the attempt (unanswered ones count as 0).
    pub fn summary(&self) -> Summary {
        let mut questions = Vec::new();
        for (index, planned) in self.state.plan.iter().enumerate() {
            if !self.is_question(planned) {
                continue;
            }
            let prompt = self.summary_prompt(index).unwrap_or_default();
            questions.push(QuestionResult {
                number: questions.len() + 1,
                prompt,
                score: self.feedback_at(index).map_or(0.0, |f| f.score),
            });
        }
        let percent = if questions.is_empty() {
            100
        } else {
            let total: f64 = questions.iter().map(|q| q.score).sum();
            (total * 100.0 / questions.len() as f64).round() as u32
        };
        Summary {
            percent,
            passed: percent >= self.lesson.pass_percent,
            questions,
        }
    }

    /// What the summary calls step `index`: a question's prompt or a chat's title.
    pub fn summary_prompt(&self, index: usize) -> Option<String> {
        let planned = self.state.plan.get(index)?;
        match &self.lesson.steps[planned.step] {
            Step::Page(_) => None,
            Step::Chat(chat) => Some(chat.title.clone()),
            _ => self.question(planned).map(|q| q.prompt.clone()),
        }
    }

    fn question_total(&self) -> usize {
        self.state
            .plan
            .iter()
            .filter(|p| self.is_question(p))
            .count()
    }

    fn is_question(&self, planned: &PlannedStep) -> bool {
        !matches!(self.lesson.steps[planned.step], Step::Page(_))
    }

    fn question(&self, planned: &PlannedStep) -> Option<&'l Question> {
        match &self.lesson.steps[planned.step] {
            Step::Question(q) => Some(q),
            Step::Pool(pool) => pool.questions.get(planned.question?),
            _ => None,
        }
    }
}

/// The messages of a chat the child can mark (the other person's), as indices into its
/// messages. The child numbers them 1..n in this order, everywhere they are shown: the
/// child's own messages get no number, so no number refers to something unmarkable.
pub fn markable(chat: &Chat) -> Vec<usize> {
    chat.messages
        .iter()
        .enumerate()
        .filter(|(_, m)| m.from == Sender::Them)
        .map(|(i, _)| i)
        .collect()
}

/// Partial credit: each right item picked counts for, each wrong one picked against,
/// never below zero. A single answer is simply right (1) or wrong (0).
fn score(items: &[ItemFeedback]) -> f64 {
    let correct = items.iter().filter(|i| i.correct).count();
    if correct == 0 {
        return 0.0;
    }
    let hits = items.iter().filter(|i| i.correct && i.picked).count() as f64;
    let misses = items.iter().filter(|i| !i.correct && i.picked).count() as f64;
    ((hits - misses) / correct as f64).max(0.0)
}

/// The shown order of a question's choices: shuffled unless the question says not to,
/// with pinned choices kept where the author put them.
fn choice_order(question: &Question, rng: &mut impl Rng) -> Vec<usize> {
    let mut order: Vec<usize> = (0..question.choices.len()).collect();
    if question.shuffle {
        let mut free: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| !question.choices[i].pinned)
            .collect();
        free.shuffle(rng);
        let mut free = free.into_iter();
        for slot in order.iter_mut() {
            if !question.choices[*slot].pinned {
                *slot = free.next().expect("as many free slots as free choices");
            }
        }
    }
    order
}

/// How many items a planned step's answer may index into, if the plan fits the lesson.
fn planned_size(lesson: &Lesson, planned: &PlannedStep) -> Option<usize> {
    let is_permutation = |n: usize| {
        let mut sorted = planned.order.clone();
        sorted.sort_unstable();
        sorted == (0..n).collect::<Vec<_>>()
    };
    match lesson.steps.get(planned.step)? {
        Step::Page(_) => (planned.question.is_none() && planned.order.is_empty()).then_some(0),
        Step::Chat(chat) => {
            (planned.question.is_none() && planned.order.is_empty()).then_some(chat.messages.len())
        }
        Step::Question(q) => (planned.question.is_none() && is_permutation(q.choices.len()))
            .then_some(q.choices.len()),
        Step::Pool(pool) => {
            let q = pool.questions.get(planned.question?)?;
            is_permutation(q.choices.len()).then_some(q.choices.len())
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;
    use crate::lesson::parse_lesson;

    const LESSON: &str = r#"
format_version = 1
id = "test"
title = "Test"
summary = "A test lesson."
ages = { min = 8, max = 10 }
minutes = 5
pass_percent = 75

[[steps]]
type = "page"
title = "Read me"
text = "Hello."

[[steps]]
type = "question"
kind = "single"
prompt = "Pick B"
  [[steps.choices]]
  text = "A"
  feedback = "Not A."
  [[steps.choices]]
  text = "B"
  correct = true
  feedback = "Yes, B."
  [[steps.choices]]
  text = "All of the above"
  pinned = true
  feedback = "No."

[[steps]]
type = "question"
kind = "multiple"
prompt = "Pick A and C"
shuffle = false
  [[steps.choices]]
  text = "A"
  correct = true
  [[steps.choices]]
  text = "B"
  [[steps.choices]]
  text = "C"
  correct = true
  [[steps.choices]]
  text = "D"

[[steps]]
type = "chat"
title = "A chat"
  [[steps.messages]]
  from = "them"
  text = "hi"
  why = "Fine."
  [[steps.messages]]
  from = "me"
  text = "hello"
  [[steps.messages]]
  from = "them"
  text = "keep this secret"
  red_flag = true
  why = "Secrets."

[[steps]]
type = "pool"
draw = 2
  [[steps.questions]]
  kind = "true_false"
  prompt = "One"
  answer = true
  [[steps.questions]]
  kind = "true_false"
  prompt = "Two"
  answer = true
  [[steps.questions]]
  kind = "true_false"
  prompt = "Three"
  answer = true
"#;

    fn lesson() -> Lesson {
        let parsed = parse_lesson(Path::new("test.toml"), LESSON);
        assert!(parsed.lesson.is_some(), "{:?}", parsed.diagnostics);
        parsed.lesson.unwrap()
    }

    fn rng(seed: u64) -> StdRng {
        StdRng::seed_from_u64(seed)
    }

    /// Where the choice with this text is shown.
    fn shown(session: &Session, text: &str) -> usize {
        match session.current() {
            Some(View::Question { choices, .. }) => {
                choices.iter().position(|c| c.text == text).unwrap()
            }
            other => panic!("not a question: {other:?}"),
        }
    }

    #[test]
    fn a_pool_draws_its_number_of_questions_and_counts_them() {
        let lesson = lesson();
        let session = Session::start(&lesson, &mut rng(1));
        // page, single, multiple, chat, two drawn from the pool
        assert_eq!(session.len(), 6);
        assert_eq!(lesson.question_count(), 5);
        let drawn: Vec<_> = session.state().plan[4..]
            .iter()
            .map(|p| p.question)
            .collect();
        assert_ne!(drawn[0], drawn[1]);
    }

    #[test]
    fn different_attempts_draw_different_pool_questions() {
        let lesson = lesson();
        let draws: std::collections::HashSet<Vec<Option<usize>>> = (0..40)
            .map(|seed| {
                let s = Session::start(&lesson, &mut rng(seed));
                s.state().plan[4..].iter().map(|p| p.question).collect()
            })
            .collect();
        assert!(draws.len() > 3, "only {} different draws", draws.len());
    }

    #[test]
    fn shuffling_keeps_pinned_choices_in_place() {
        let lesson = lesson();
        let mut orders = std::collections::HashSet::new();
        for seed in 0..30 {
            let s = Session::start(&lesson, &mut rng(seed));
            let order = s.state().plan[1].order.clone();
            assert_eq!(order[2], 2, "\"All of the above\" moved");
            orders.insert(order);
        }
        assert_eq!(orders.len(), 2, "the two free choices were never swapped");
        // shuffle = false keeps the author's order
        let s = Session::start(&lesson, &mut rng(3));
        assert_eq!(s.state().plan[2].order, vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_question_must_be_answered_before_moving_on() {
        let lesson = lesson();
        let mut s = Session::start(&lesson, &mut rng(1));
        s.advance();
        assert_eq!(s.position(), 1);
        s.advance();
        assert_eq!(s.position(), 1, "moved past an unanswered question");
    }

    #[test]
    fn wrong_answer_shows_its_feedback_and_the_right_one() {
        let lesson = lesson();
        let mut s = Session::start(&lesson, &mut rng(1));
        s.advance();
        let feedback = s.answer(&[shown(&s, "A")]).unwrap();
        assert_eq!(feedback.verdict, Verdict::NotQuite);
        let picked = feedback.items.iter().find(|i| i.picked).unwrap();
        assert_eq!(picked.note.as_deref(), Some("Not A."));
        let right = feedback.items.iter().find(|i| i.correct).unwrap();
        assert_eq!(
            (right.text.as_str(), right.note.as_deref()),
            ("B", Some("Yes, B."))
        );
        assert_eq!(s.answer(&[0]), Err(AnswerError::AlreadyAnswered));
    }

    #[test]
    fn single_answer_questions_take_exactly_one_choice() {
        let lesson = lesson();
        let mut s = Session::start(&lesson, &mut rng(1));
        s.advance();
        assert_eq!(s.answer(&[0, 1]), Err(AnswerError::PickOne));
        assert_eq!(s.answer(&[7]), Err(AnswerError::NoSuchChoice(8)));
        assert!(s.awaiting_answer());
    }

    #[test]
    fn multiple_answers_score_partial_credit() {
        let lesson = lesson();
        let score = |picked: &[usize]| {
            let mut s = Session::start(&lesson, &mut rng(1));
            s.advance();
            s.answer(&[shown(&s, "B")]).unwrap();
            s.advance();
            s.answer(picked).unwrap().score
        };
        assert_eq!(score(&[0, 2]), 1.0);
        assert_eq!(score(&[0]), 0.5);
        assert_eq!(score(&[0, 1]), 0.0, "one right and one wrong cancel out");
        assert_eq!(score(&[0, 1, 2, 3]), 0.0);
        assert_eq!(score(&[1]), 0.0, "never below zero");
    }

    #[test]
    fn a_chat_scores_the_red_flags_marked_and_explains_every_message() {
        let lesson = lesson();
        let mut s = Session::start(&lesson, &mut rng(1));
        for _ in 0..3 {
            if s.awaiting_answer() {
                let n = match s.current() {
                    Some(View::Question { choices, .. }) => {
                        choices.iter().position(|c| c.correct).unwrap()
                    }
                    _ => unreachable!(),
                };
                s.answer(&[n]).unwrap();
            }
            s.advance();
        }
        assert!(matches!(s.current(), Some(View::Chat { .. })));
        assert_eq!(s.answer(&[1]), Err(AnswerError::OwnMessage(2)));
        let feedback = s.answer(&[2]).unwrap();
        assert_eq!(feedback.verdict, Verdict::Correct);
        let whys: Vec<_> = feedback.items.iter().map(|i| i.note.as_deref()).collect();
        assert_eq!(whys, vec![Some("Fine."), Some("Secrets.")]);
    }

    #[test]
    fn the_summary_scores_the_whole_attempt_against_the_pass_mark() {
        let lesson = lesson();
        let mut s = Session::start(&lesson, &mut rng(5));
        while let Some(view) = s.current() {
            match view {
                View::Question {
                    choices, question, ..
                } => {
                    // Right everywhere except the multiple-answer question (half right).
                    let picked: Vec<usize> = if question.kind == QuestionKind::Multiple {
                        vec![0]
                    } else {
                        vec![choices.iter().position(|c| c.correct).unwrap()]
                    };
                    s.answer(&picked).unwrap();
                }
                View::Chat { .. } => {
                    s.answer(&[2]).unwrap();
                }
                View::Page { .. } => {}
            }
            s.advance();
        }
        let summary = s.summary();
        assert_eq!(summary.percent, 90); // 4.5 of 5
        assert!(summary.passed);
        let review: Vec<_> = summary.to_review().map(|q| q.prompt.as_str()).collect();
        assert_eq!(review, vec!["Pick A and C"]);
    }

    #[test]
    fn a_resumed_attempt_shows_the_same_questions_in_the_same_order() {
        let lesson = lesson();
        let mut s = Session::start(&lesson, &mut rng(9));
        s.advance();
        s.answer(&[0]).unwrap();
        let saved = serde_json::to_string(s.state()).unwrap();
        let state: AttemptState = serde_json::from_str(&saved).unwrap();
        let resumed = Session::resume(&lesson, state).unwrap();
        assert_eq!(resumed.position(), 1);
        assert_eq!(resumed.state(), s.state());
        assert_eq!(resumed.current(), s.current());
        assert!(resumed.feedback_at(1).is_some(), "the answer given is kept");
    }

    #[test]
    fn a_saved_attempt_that_no_longer_fits_the_lesson_is_refused() {
        let lesson = lesson();
        let s = Session::start(&lesson, &mut rng(9));
        let mut state = s.state().clone();
        state.plan[1].order = vec![0, 1, 2, 3, 4];
        assert_eq!(Session::resume(&lesson, state).err(), Some(LessonChanged));
    }
}
