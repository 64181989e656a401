//! A lesson's content version: a stable hash of what an answer to it means, kept with
//! every attempt so that progress follows the lesson's content, not only its id.

use super::{Lesson, Question, QuestionKind, Sender, Step};

impl Lesson {
    /// A stable hash (16 hex digits) of the lesson's structure and right answers: the
    /// steps and their kinds, each question's kind, how many choices it has, which are
    /// right and which are pinned, each chat's senders and warning signs, what a pool
    /// draws, and the pass mark. Two files with the same version score the same answers
    /// the same way, so an attempt on one is an attempt on the other.
    ///
    /// Words are left out on purpose: fixing a typo, rewording feedback or translating the
    /// lesson (a translation must keep the same structure) keeps the class's progress.
    /// The price is that a different lesson with the same id and exactly the same shape
    /// and answers counts as the same; any change to a question or a right answer does not.
    ///
    /// The same version for the same content on every platform and in every release:
    /// learning records use it as the activity's version.
    pub fn content_version(&self) -> String {
        let mut text = format!("pass {}\n", self.pass_percent);
        for step in &self.steps {
            match step {
                Step::Page(_) => text.push_str("page\n"),
                Step::Question(question) => describe_question(&mut text, question),
                Step::Chat(chat) => {
                    text.push_str("chat");
                    for message in &chat.messages {
                        let who = match message.from {
                            Sender::Them => 't',
                            Sender::Me => 'm',
                        };
                        text.push(' ');
                        text.push(who);
                        text.push(if message.red_flag { '!' } else { '.' });
                    }
                    text.push('\n');
                }
                Step::Pool(pool) => {
                    text.push_str(&format!("pool draws {}\n", pool.draw));
                    for question in &pool.questions {
                        text.push_str("  ");
                        describe_question(&mut text, question);
                    }
                }
            }
        }
        format!("{:016x}", fnv1a(text.as_bytes()))
    }
}

fn describe_question(text: &mut String, question: &Question) {
    let kind = match question.kind {
        QuestionKind::Single => "single",
        QuestionKind::Multiple => "multiple",
        QuestionKind::TrueFalse => "true_false",
    };
    text.push_str("question ");
    text.push_str(kind);
    for choice in &question.choices {
        text.push(' ');
        text.push(if choice.correct { '+' } else { '-' });
        if choice.pinned {
            text.push('^');
        }
    }
    text.push('\n');
}

/// 64-bit FNV-1a: stable across versions and platforms, unlike std's hasher.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use crate::lesson::Catalog;

    fn built_in(id: &str) -> crate::lesson::Lesson {
        Catalog::built_in().get(id).unwrap().lesson.clone()
    }

    #[test]
    fn rewording_keeps_the_version_and_changing_a_right_answer_does_not() {
        let catalog = Catalog::built_in();
        let original = catalog.lessons[0].lesson.clone();
        let version = original.content_version();
        assert_eq!(version.len(), 16);
        let mut reworded = original.clone();
        reworded.title.push_str(" (new words)");
        for step in &mut reworded.steps {
            if let crate::lesson::Step::Question(q) = step {
                q.prompt.push_str(" Think again.");
                q.choices[0].text.push('!');
            }
        }
        assert_eq!(reworded.content_version(), version);
        let mut changed = original.clone();
        let question = changed
            .steps
            .iter_mut()
            .find_map(|s| match s {
                crate::lesson::Step::Question(q) => Some(q),
                _ => None,
            })
            .expect("a built-in lesson has a question");
        for choice in &mut question.choices {
            choice.correct = !choice.correct;
        }
        assert_ne!(changed.content_version(), version);
        let mut pass = original;
        pass.pass_percent = pass.pass_percent.saturating_sub(1);
        assert_ne!(pass.content_version(), version);
    }

    #[test]
    fn different_built_in_lessons_have_different_versions() {
        let catalog = Catalog::built_in();
        let versions: std::collections::BTreeSet<String> = catalog
            .lessons
            .iter()
            .map(|e| e.lesson.content_version())
            .collect();
        assert_eq!(versions.len(), catalog.lessons.len());
        let first = &catalog.lessons[0].lesson.id;
        assert_eq!(
            built_in(first).content_version(),
            built_in(first).content_version()
        );
    }
}
