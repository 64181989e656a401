//! xAPI 1.0.3 statements for one finished attempt: `attempted`, one `answered` a
//! question (a chat counts as one), `completed`, and `passed` or `failed`. Pure: the
//! lesson, the attempt and who stands for the student in, JSON out.

use serde_json::{Value, json};
use uuid::Uuid;

use crate::clock::Date;
use crate::lesson::{Lesson, Sender, Step};
use crate::progress::Attempt;
use crate::quiz::{LessonChanged, Session, View};

use super::identity::{activity_version, statement_id};

const VERB_BASE: &str = "http://adlnet.gov/expapi/verbs/";
const LESSON_TYPE: &str = "http://adlnet.gov/expapi/activities/lesson";
const INTERACTION_TYPE: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";

/// Where statements come from: the school, and the root of the activity ids.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The school's id, an IRI; the `homePage` of every student's account.
    pub school: String,
    /// Lesson activity ids start with this.
    pub activity_base: String,
}

/// One statement, with its id and a short description for messages.
#[derive(Debug, Clone)]
pub struct Statement {
    pub id: Uuid,
    /// What it says, in words, for an error about it ("answered, lesson x, question 2").
    pub about: String,
    pub json: Value,
}

/// The language a lesson's words are written in (BCP 47): a translation's tag, else the
/// source's English. The activity definitions describe the lesson in this language.
pub fn lesson_language(lesson: &Lesson) -> &str {
    lesson.lang.as_deref().unwrap_or(SOURCE_LANGUAGE)
}

/// Every source lesson is written in English.
const SOURCE_LANGUAGE: &str = "en";

/// The language the child took an attempt in: as recorded, or, for an attempt saved
/// before the language was kept, the source's English.
pub fn attempt_language(attempt: &Attempt) -> &str {
    attempt.language.as_deref().unwrap_or(SOURCE_LANGUAGE)
}

/// The activity id of a lesson at its present content version.
pub fn lesson_activity(origin: &Origin, lesson: &Lesson) -> String {
    format!(
        "{}/lessons/{}/{}",
        origin.activity_base.trim_end_matches('/'),
        lesson.id,
        activity_version(lesson)
    )
}

/// The statements for a finished attempt; `None` for an attempt still open (it is sent
/// once finished, so every statement about it is final when sent). Fails when the lesson
/// changed so much that the saved answers no longer fit it.
pub fn attempt_statements(
    origin: &Origin,
    pseudonym: &str,
    lesson: &Lesson,
    attempt: &Attempt,
) -> Result<Option<Vec<Statement>>, LessonChanged> {
    let Some(finished) = attempt.finished else {
        return Ok(None);
    };
    let session = Session::resume(lesson, attempt.state.clone())?;
    let lesson_id = lesson_activity(origin, lesson);
    let actor = json!({
        "objectType": "Agent",
        "account": { "homePage": origin.school, "name": pseudonym },
    });
    let context = json!({
        "platform": format!("Mehfooz {}", env!("CARGO_PKG_VERSION")),
        "language": attempt_language(attempt),
        "extensions": {
            format!("{}/extensions/school", origin.activity_base.trim_end_matches('/')): origin.school,
        },
    });
    let lesson_object = json!({
        "objectType": "Activity",
        "id": lesson_id,
        "definition": {
            "type": LESSON_TYPE,
            "name": { lesson_language(lesson): lesson.title },
        },
    });
    let make = |verb: &str, part: &str, about: String, mut body: Value, time: i64| {
        let id = statement_id(&format!(
            "{}\n{pseudonym}\n{}\n{}\n{verb}\n{part}",
            origin.school, lesson.id, attempt.id
        ));
        body["id"] = json!(id.to_string());
        body["actor"] = actor.clone();
        body["verb"] = json!({
            "id": format!("{VERB_BASE}{verb}"),
            "display": { "en-US": verb },
        });
        body["timestamp"] = json!(timestamp(time));
        Statement {
            id,
            about: format!("{verb}, lesson {}{about}", lesson.id),
            json: body,
        }
    };

    let mut statements = vec![make(
        "attempted",
        "",
        String::new(),
        json!({ "object": lesson_object, "context": context }),
        attempt.started,
    )];
    let mut number = 0;
    for index in 0..session.len() {
        let (choices, name) = match session.view(index) {
            Some(View::Question { question, .. }) => (
                question
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let text = crate::lesson::glossary::plain(&c.text);
                        (format!("choice-{}", i + 1), text, c.correct)
                    })
                    .collect::<Vec<_>>(),
                crate::lesson::glossary::plain(&question.prompt),
            ),
            Some(View::Chat { chat, .. }) => (
                chat.messages
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.from == Sender::Them)
                    .map(|(i, m)| (format!("message-{}", i + 1), m.text.clone(), m.red_flag))
                    .collect(),
                chat.title.clone(),
            ),
            _ => continue,
        };
        number += 1;
        let planned = &attempt.state.plan[index];
        let picked = session.answer_at(index).unwrap_or_default();
        let prefix = if matches!(lesson.steps[planned.step], Step::Chat(_)) {
            "message"
        } else {
            "choice"
        };
        let response = picked
            .iter()
            .map(|i| format!("{prefix}-{}", i + 1))
            .collect::<Vec<_>>()
            .join("[,]");
        let right = choices
            .iter()
            .filter(|(_, _, right)| *right)
            .map(|(id, _, _)| id.clone())
            .collect::<Vec<_>>()
            .join("[,]");
        let score = session.feedback_at(index).map_or(0.0, |f| f.score);
        let part = match planned.question {
            Some(q) => format!("steps/{}/questions/{}", planned.step + 1, q + 1),
            None => format!("steps/{}", planned.step + 1),
        };
        let language = lesson_language(lesson);
        let object = json!({
            "objectType": "Activity",
            "id": format!("{lesson_id}/{part}"),
            "definition": {
                "type": INTERACTION_TYPE,
                "name": { language: name },
                "interactionType": "choice",
                "correctResponsesPattern": [right],
                "choices": choices
                    .iter()
                    .map(|(id, text, _)| json!({ "id": id, "description": { language: text } }))
                    .collect::<Vec<_>>(),
            },
        });
        let mut question_context = context.clone();
        question_context["contextActivities"] =
            json!({ "parent": [{ "id": lesson_id, "objectType": "Activity" }] });
        statements.push(make(
            "answered",
            &part,
            format!(", question {number}"),
            json!({
                "object": object,
                "result": {
                    "response": response,
                    "success": score >= 1.0,
                    "score": { "scaled": round(score) },
                },
                "context": question_context,
            }),
            finished,
        ));
    }

    let percent = attempt.percent.unwrap_or(0);
    let passed = attempt.passed.unwrap_or(false);
    let duration = format!("PT{}S", (finished - attempt.started).max(0));
    let result = json!({
        "score": { "scaled": round(f64::from(percent) / 100.0) },
        "success": passed,
        "completion": true,
        "duration": duration,
    });
    for verb in ["completed", if passed { "passed" } else { "failed" }] {
        statements.push(make(
            verb,
            "",
            String::new(),
            json!({ "object": lesson_object, "result": result, "context": context }),
            finished,
        ));
    }
    Ok(Some(statements))
}

/// Four decimals are plenty for a score, and keep the JSON the same on every machine.
fn round(score: f64) -> f64 {
    (score.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0
}

/// Seconds since 1970 as an ISO 8601 UTC time, as xAPI wants.
fn timestamp(seconds: i64) -> String {
    let day = Date::from_unix(seconds);
    let rest = seconds.rem_euclid(86_400);
    format!(
        "{day}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::lesson::Catalog;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    /// The context languages of the statements for a finished attempt at a built-in
    /// lesson, taken in `language` (`None`: saved before the language was kept).
    fn sent_languages(language: Option<&str>) -> Vec<String> {
        let catalog = Catalog::built_in();
        let lesson = &catalog
            .get("kind-online")
            .expect("a built-in lesson")
            .lesson;
        let session = Session::start(lesson, &mut StdRng::seed_from_u64(7));
        let mut attempt = Attempt::new(session.state().clone());
        attempt.finished = Some(attempt.started + 60);
        attempt.language = language.map(str::to_string);
        let origin = Origin {
            school: "https://example.org/school".into(),
            activity_base: "https://example.org".into(),
        };
        attempt_statements(&origin, "pseudonym", lesson, &attempt)
            .expect("the answers fit")
            .expect("a finished attempt is sent")
            .iter()
            .map(|s| s.json["context"]["language"].as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn statements_name_the_language_the_attempt_was_taken_in() {
        let languages = sent_languages(Some("ur-Latn"));
        assert!(languages.len() >= 3, "{languages:?}");
        assert!(languages.iter().all(|l| l == "ur-Latn"), "{languages:?}");
    }

    #[test]
    fn an_attempt_saved_without_a_language_is_sent_as_english() {
        let languages = sent_languages(None);
        assert!(languages.iter().all(|l| l == "en"), "{languages:?}");
    }

    #[test]
    fn timestamps_are_utc_iso_8601() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp(1_764_326_096), "2025-11-28T10:34:56Z");
    }
}
