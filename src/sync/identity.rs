//! Names that stand in for people and things in learning records: the keyed hash that
//! stands for a student, the statement ids that make a resend harmless, and the version
//! of a lesson's content.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

use crate::lesson::Lesson;

/// The namespace of every statement id Mehfooz makes (a fixed random UUID): ids made
/// from the same description are the same on every machine and every run.
const STATEMENT_NAMESPACE: Uuid = Uuid::from_u128(0x6d65_6866_6f6f_4a7a_9b1e_5c2f_0e7d_3a41);

/// The account name that stands for a student: HMAC-SHA256 of the student's file
/// identity, keyed with the school's secret. Without the secret nobody can tell which
/// child it is, or even test a guess at a name.
pub fn pseudonym(secret: &[u8], file_identity: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(file_identity.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// A statement id (UUID version 5) from what the statement describes, so sending the
/// same thing twice sends the same id, which an LRS takes as the same statement.
pub fn statement_id(description: &str) -> Uuid {
    Uuid::new_v5(&STATEMENT_NAMESPACE, description.as_bytes())
}

/// The version of a lesson's content, part of its activity id, so a changed lesson is a
/// new activity: the same version progress keeps with every attempt
/// ([`Lesson::content_version`]), which changes with what an answer means (steps, right
/// choices, red flags) and not with a reworded sentence or a translation.
pub fn activity_version(lesson: &Lesson) -> String {
    lesson.content_version()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pseudonym_depends_on_the_secret_and_never_shows_the_name() {
        let a = pseudonym(b"school secret", "ayesha-0123");
        assert_eq!(a, pseudonym(b"school secret", "ayesha-0123"));
        assert_ne!(a, pseudonym(b"another secret", "ayesha-0123"));
        assert_ne!(a, pseudonym(b"school secret", "bilal-4567"));
        assert_eq!(a.len(), 64);
        assert!(!a.contains("ayesha"));
    }

    #[test]
    fn the_same_description_always_gives_the_same_statement_id() {
        let id = statement_id("school/student/lesson/attempt/answered/2");
        assert_eq!(id, statement_id("school/student/lesson/attempt/answered/2"));
        assert_eq!(id.get_version_num(), 5);
        assert_ne!(id, statement_id("school/student/lesson/attempt/answered/3"));
    }
}
