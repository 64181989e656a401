//! What has been sent, per student: the ids of the statements the LRS has stored, in a
//! file beside the student's progress, saved the same crash-safe way as progress.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::progress::{Store, StoreError, write_atomically};

const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sent {
    pub format_version: u32,
    pub statements: BTreeSet<Uuid>,
}

/// The sent-state file of a student: beside their progress file, named after it, with
/// a name of its own so the list of students does not take it in and its temporary file
/// never has the name of the progress file's.
pub fn sent_path(store: &Store, name: &str) -> PathBuf {
    let progress = store.path_for(name);
    let stem = progress.file_stem().unwrap_or_default().to_string_lossy();
    progress.with_file_name(format!("{stem}-xapi-sent.state"))
}

/// What was sent for a student. A file that cannot be read is renamed aside (with the
/// reason returned) and counts as nothing sent: resending is harmless, since an LRS
/// takes a statement it already holds as the same one.
pub fn load(path: &Path) -> (Sent, Option<String>) {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (Sent::default(), None),
        Err(e) => return (Sent::default(), Some(format!("{}: {e}", path.display()))),
    };
    match serde_json::from_slice::<Sent>(&bytes) {
        Ok(sent) if sent.format_version <= FORMAT_VERSION => (sent, None),
        Ok(sent) => (
            Sent::default(),
            Some(format!(
                "{} was written by a newer Mehfooz (format {}); its statements will be sent again, which the LRS ignores",
                path.display(),
                sent.format_version
            )),
        ),
        Err(e) => {
            let aside = path.with_extension(format!("state.unreadable-{}", crate::clock::now()));
            let _ = fs::rename(path, &aside);
            (
                Sent::default(),
                Some(format!(
                    "{} could not be read ({e}); kept as {} and its statements will be sent again, which the LRS ignores",
                    path.display(),
                    aside.display()
                )),
            )
        }
    }
}

pub fn save(path: &Path, sent: &Sent) -> Result<(), StoreError> {
    let sent = Sent {
        format_version: FORMAT_VERSION,
        statements: sent.statements.clone(),
    };
    write_atomically(path, &sent)
}
