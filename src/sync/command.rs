//! The `sync` command itself: reads the credentials, works out what is unsent, and sends
//! it with a progress bar, or prints it with `--dry-run`.

use std::fs::{self, OpenOptions};
use std::io::{self, IsTerminal, Write};
use std::path::Path;

use serde::Deserialize;

use crate::lesson::{Catalog, Lesson};
use crate::progress::Store;
use crate::settings::LrsSettings;

use super::{Client, DEFAULT_BATCH, Origin, plan, send};

/// Environment variables that give (or override) the credentials file's fields.
pub const USERNAME_VAR: &str = "MEHFOOZ_LRS_USERNAME";
pub const PASSWORD_VAR: &str = "MEHFOOZ_LRS_PASSWORD";
pub const SECRET_VAR: &str = "MEHFOOZ_LRS_SECRET";

/// Where no `activity_base` is set, activity ids start here. It names the activities;
/// it is not a page anyone needs to open.
pub const DEFAULT_ACTIVITY_BASE: &str = "https://mehfooz.org/xapi";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Credentials {
    username: Option<String>,
    password: Option<String>,
    secret: Option<String>,
}

fn credentials(settings: &LrsSettings) -> Result<Credentials, String> {
    let mut found = match &settings.credentials {
        None => Credentials::default(),
        Some(path) => {
            let text = fs::read_to_string(path).map_err(|e| {
                format!(
                    "cannot read the LRS credentials file {}: {e}",
                    path.display()
                )
            })?;
            if readable_by_others(path) {
                eprintln!(
                    "mehfooz: warning: every user of this computer can read {}; make it readable by the teacher alone (chmod 600)",
                    path.display()
                );
            }
            toml::from_str(&text).map_err(|e| {
                format!(
                    "the LRS credentials file {} has a mistake: {}",
                    path.display(),
                    e.message()
                )
            })?
        }
    };
    let from_env = |var: &str| std::env::var(var).ok().filter(|v| !v.is_empty());
    found.username = from_env(USERNAME_VAR).or(found.username);
    found.password = from_env(PASSWORD_VAR).or(found.password);
    found.secret = from_env(SECRET_VAR).or(found.secret);
    Ok(found)
}

fn missing(what: &str, var: &str) -> String {
    format!(
        "no LRS {what}: put `{what} = \"...\"` in the credentials file named by `credentials` under [lrs], or set {var}"
    )
}

/// Runs `mehfooz sync`. Returns the number of statements sent (or printed).
pub fn run(
    catalog: &Catalog,
    store: &Store,
    settings: Option<&LrsSettings>,
    dry_run: bool,
) -> Result<usize, String> {
    let settings = settings.ok_or(
        "sync is not set up: add an [lrs] section with `endpoint` and `school` to the class settings (see the README, \"Sending learning records\")",
    )?;
    let credentials = credentials(settings)?;
    let secret = credentials
        .secret
        .as_deref()
        .ok_or_else(|| missing("secret", SECRET_VAR))?;
    if secret.len() < 16 {
        return Err(format!(
            "the LRS secret is too short to keep names safe: use at least 16 characters ({SECRET_VAR} or the credentials file)"
        ));
    }
    // One sync at a time per data folder: two would send the same batch twice and race
    // on what they record as sent.
    let lock_path = store.dir().join("xapi-sync.lock");
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| format!("cannot use {}: {e}", lock_path.display()))?;
    if lock.try_lock().is_err() {
        return Err("another sync is running on this data folder; wait for it to finish".into());
    }

    let origin = Origin {
        school: settings.school.clone(),
        activity_base: settings
            .activity_base
            .clone()
            .unwrap_or_else(|| DEFAULT_ACTIVITY_BASE.to_string()),
    };
    let lessons: Vec<&Lesson> = catalog.lessons.iter().map(|e| &e.lesson).collect();
    let (students, unreadable) = store.students();
    for (path, reason) in &unreadable {
        eprintln!(
            "mehfooz: skipped {}: it cannot be read ({reason})",
            path.display()
        );
    }
    let mut plan = plan(store, &students, &lessons, &origin, secret.as_bytes());
    for warning in &plan.warnings {
        eprintln!("mehfooz: {warning}");
    }
    let total = plan.statement_count();
    if dry_run {
        let mut out = io::stdout().lock();
        for work in &plan.students {
            for statement in &work.statements {
                let _ = writeln!(out, "{}", statement.json);
            }
        }
        eprintln!(
            "Would send {total} statement{} for {} student{} to {}. Nothing was sent.",
            if total == 1 { "" } else { "s" },
            plan.students.len(),
            if plan.students.len() == 1 { "" } else { "s" },
            settings.endpoint
        );
        return Ok(total);
    }
    if total == 0 {
        println!("Nothing new to send: every finished attempt is already in the LRS.");
        return Ok(0);
    }
    let username = credentials
        .username
        .as_deref()
        .ok_or_else(|| missing("username", USERNAME_VAR))?;
    let password = credentials
        .password
        .as_deref()
        .ok_or_else(|| missing("password", PASSWORD_VAR))?;
    let client = Client::new(&settings.endpoint, username, password);
    let batch = settings.batch_size.unwrap_or(DEFAULT_BATCH);
    let bar = io::stderr().is_terminal();
    let result = send(&mut plan, &client, batch, |done, total| {
        if bar {
            eprint!("\r{}", progress_bar(done, total, 30));
        }
    });
    if bar {
        eprintln!();
    }
    match result {
        Ok(sent) => {
            println!(
                "Sent {sent} statement{} for {} student{} to {}.",
                if sent == 1 { "" } else { "s" },
                plan.students.len(),
                if plan.students.len() == 1 { "" } else { "s" },
                settings.endpoint
            );
            Ok(sent)
        }
        Err((done, error)) => Err(format!(
            "{error}\n{done} of {total} statements were sent and recorded; the rest will be sent by the next sync"
        )),
    }
}

/// `[#######.......]  700 of 1000 statements`
fn progress_bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(width);
    format!(
        "[{}{}] {done} of {total} statements",
        "#".repeat(filled),
        ".".repeat(width - filled)
    )
}

/// Whether `path` holds a credentials file a child could read, for a warning.
fn readable_by_others(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o004 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_bar_fills_as_statements_go() {
        assert_eq!(progress_bar(0, 10, 10), "[..........] 0 of 10 statements");
        assert_eq!(progress_bar(5, 10, 10), "[#####.....] 5 of 10 statements");
        assert_eq!(progress_bar(10, 10, 10), "[##########] 10 of 10 statements");
    }
}
