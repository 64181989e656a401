//! The Learning Record Store client: POSTs batches of statements over HTTP(S) with basic
//! authentication, and turns every way that can fail into a sentence a teacher can act on.

use std::fmt;
use std::time::Duration;

use serde_json::Value;

use super::statement::Statement;

/// The xAPI version every request says it speaks.
pub const XAPI_VERSION: &str = "1.0.3";

/// Talks to one LRS.
pub struct Client {
    agent: ureq::Agent,
    statements_url: String,
    authorization: String,
}

/// Why a batch was not stored. Nothing is recorded as sent after any of these.
#[derive(Debug, Clone, PartialEq)]
pub enum LrsError {
    /// 401 or 403: the user name or password is wrong, or may not write statements.
    Refused { status: u16 },
    /// Nothing answered at the address, or the connection broke.
    Unreachable { reason: String },
    /// The secure connection could not be made.
    Tls { reason: String },
    /// The LRS refused one statement of the batch, and said why.
    BadStatement {
        status: u16,
        about: String,
        id: String,
        reason: String,
    },
    /// Any other answer that is not a success.
    Status { status: u16, body: String },
}

impl fmt::Display for LrsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LrsError::Refused { status } => write!(
                f,
                "the LRS refused the user name or password (HTTP {status}); check the credentials the school was given for it"
            ),
            LrsError::Unreachable { reason } => write!(
                f,
                "cannot reach the LRS ({reason}); check the endpoint in the settings and the network, then run sync again"
            ),
            LrsError::Tls { reason } => write!(
                f,
                "cannot make a secure connection to the LRS ({reason}); check the endpoint's address and the computer's date and time"
            ),
            LrsError::BadStatement {
                status,
                about,
                id,
                reason,
            } => write!(
                f,
                "the LRS refused the statement {id} ({about}) with HTTP {status}: {reason}"
            ),
            LrsError::Status { status, body } => {
                write!(f, "the LRS answered HTTP {status}")?;
                if !body.is_empty() {
                    write!(f, ": {body}")?;
                }
                Ok(())
            }
        }
    }
}

impl Client {
    /// `endpoint` is the LRS's xAPI root, like `https://lrs.example.org/xAPI/`.
    pub fn new(endpoint: &str, username: &str, password: &str) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .new_agent();
        Client {
            agent,
            statements_url: format!("{}/statements", endpoint.trim_end_matches('/')),
            authorization: format!(
                "Basic {}",
                base64(format!("{username}:{password}").as_bytes())
            ),
        }
    }

    /// Stores a batch. An LRS takes a statement it already holds, unchanged, as a
    /// success, so resending a batch after a cut connection is harmless.
    pub fn post(&self, batch: &[&Statement]) -> Result<(), LrsError> {
        let body: Vec<&Value> = batch.iter().map(|s| &s.json).collect();
        let bytes = serde_json::to_vec(&body).expect("statements always serialize");
        let response = self
            .agent
            .post(&self.statements_url)
            .header("Content-Type", "application/json")
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Authorization", &self.authorization)
            .send(&bytes[..]);
        let mut response = response.map_err(connection_error)?;
        let status = response.status().as_u16();
        if (200..300).contains(&status) {
            return Ok(());
        }
        let text = response
            .body_mut()
            .with_config()
            .limit(1 << 20)
            .read_to_string()
            .unwrap_or_default();
        Err(refusal(status, &text, batch))
    }
}

fn connection_error(error: ureq::Error) -> LrsError {
    match error {
        ureq::Error::Tls(reason) => LrsError::Tls {
            reason: reason.to_string(),
        },
        ureq::Error::Rustls(e) => LrsError::Tls {
            reason: e.to_string(),
        },
        ureq::Error::Pem(e) => LrsError::Tls {
            reason: e.to_string(),
        },
        ureq::Error::Io(e) => LrsError::Unreachable {
            reason: match e.kind() {
                std::io::ErrorKind::ConnectionRefused => "connection refused".to_string(),
                std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::UnexpectedEof => {
                    "the connection was cut".to_string()
                }
                _ => e.to_string(),
            },
        },
        ureq::Error::HostNotFound => LrsError::Unreachable {
            reason: "the server's name was not found".into(),
        },
        ureq::Error::Timeout(_) => LrsError::Unreachable {
            reason: "it did not answer in time".into(),
        },
        other => LrsError::Unreachable {
            reason: other.to_string(),
        },
    }
}

/// Makes sense of a refusal: which statement, when the LRS says (a validation error with
/// the statement's place in the batch, or a message with its id), and why.
fn refusal(status: u16, text: &str, batch: &[&Statement]) -> LrsError {
    if status == 401 || status == 403 {
        return LrsError::Refused { status };
    }
    let detail = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v.get("detail").cloned());
    // A validation error lists each problem with its place: ["body", INDEX, field...].
    if let Some(Value::Array(problems)) = &detail {
        for problem in problems {
            let Some(place) = problem.get("loc").and_then(Value::as_array) else {
                continue;
            };
            let Some(index) = place.get(1).and_then(Value::as_u64) else {
                continue;
            };
            let Some(statement) = batch.get(index as usize) else {
                continue;
            };
            let field: Vec<String> = place[2..]
                .iter()
                .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_string))
                .collect();
            let message = problem.get("msg").and_then(Value::as_str).unwrap_or("");
            return LrsError::BadStatement {
                status,
                about: statement.about.clone(),
                id: statement.id.to_string(),
                reason: format!("{}: {message}", field.join(".")),
            };
        }
    }
    let said = match &detail {
        Some(Value::String(s)) => s.clone(),
        _ => text.trim().chars().take(300).collect(),
    };
    if let Some(statement) = batch.iter().find(|s| said.contains(&s.id.to_string())) {
        return LrsError::BadStatement {
            status,
            about: statement.about.clone(),
            id: statement.id.to_string(),
            reason: said,
        };
    }
    LrsError::Status { status, body: said }
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn statement(about: &str) -> Statement {
        Statement {
            id: uuid::Uuid::from_u128(7),
            about: about.into(),
            json: json!({}),
        }
    }

    #[test]
    fn basic_authentication_is_base64() {
        assert_eq!(base64(b"school:secret1"), "c2Nob29sOnNlY3JldDE=");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
    }

    #[test]
    fn a_validation_error_names_the_statement_and_the_field() {
        let first = statement("attempted, lesson x");
        let second = statement("answered, lesson x, question 1");
        let body = r#"{"detail":[{"loc":["body",1,"result","score","scaled"],"msg":"Input should be less than or equal to 1"}]}"#;
        let error = refusal(400, body, &[&first, &second]);
        assert_eq!(
            error.to_string(),
            "the LRS refused the statement 00000000-0000-0000-0000-000000000007 (answered, lesson x, question 1) with HTTP 400: result.score.scaled: Input should be less than or equal to 1"
        );
    }

    #[test]
    fn a_wrong_password_is_told_as_such() {
        let error = refusal(
            401,
            r#"{"detail":"Invalid authentication credentials"}"#,
            &[],
        );
        assert!(
            error
                .to_string()
                .contains("refused the user name or password")
        );
    }
}
