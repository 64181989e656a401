//! The teacher PIN: when one is set, the teacher view, `report` and `reset` ask for it,
//! so a child at the class computer cannot read classmates' results or clear them.
//! Only a salted Argon2 hash is kept, in a file in the data folder.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// The file in the data folder that holds the PIN's hash.
pub const FILE_NAME: &str = "teacher-pin.txt";

/// The shortest PIN taken.
pub const MIN_CHARS: usize = 4;

fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// The PIN's hash, if one is set in the data folder `dir`.
pub fn load(dir: &Path) -> Result<Option<String>, String> {
    match fs::read_to_string(path(dir)) {
        Ok(text) => Ok(Some(text.trim().to_string())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {}: {e}", path(dir).display())),
    }
}

/// A salted hash of `pin`, in the PHC string format.
pub fn hash(pin: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| format!("the PIN could not be hashed: {e}"))
}

/// Whether `pin` is the one `hash` was made from. A damaged hash matches nothing.
pub fn verify(hash: &str, pin: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Why a new PIN is not taken, if it is not.
pub fn too_short(pin: &str) -> Option<String> {
    (pin.chars().count() < MIN_CHARS)
        .then(|| format!("a PIN needs at least {MIN_CHARS} characters"))
}

/// Sets the PIN for the data folder `dir`, replacing any other.
pub fn set(dir: &Path, pin: &str) -> Result<(), String> {
    if let Some(problem) = too_short(pin) {
        return Err(problem);
    }
    let hashed = hash(pin)?;
    fs::write(path(dir), format!("{hashed}\n"))
        .map_err(|e| format!("cannot write {}: {e}", path(dir).display()))
}

/// Removes the PIN; true if there was one.
pub fn clear(dir: &Path) -> Result<bool, String> {
    match fs::remove_file(path(dir)) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(format!("cannot remove {}: {e}", path(dir).display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_kept_only_as_a_salted_hash_that_verifies_it() {
        let dir = tempfile::tempdir().unwrap();
        set(dir.path(), "4829").unwrap();
        let kept = load(dir.path()).unwrap().unwrap();
        assert!(!kept.contains("4829"), "{kept}");
        assert!(kept.starts_with("$argon2"), "{kept}");
        assert!(verify(&kept, "4829"));
        assert!(!verify(&kept, "4828"));
        assert_ne!(hash("4829").unwrap(), hash("4829").unwrap(), "salted");
        assert!(!verify("not a hash", "4829"));
    }

    #[test]
    fn a_short_pin_is_refused_and_clearing_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        assert!(set(dir.path(), "12").unwrap_err().contains("at least 4"));
        assert_eq!(load(dir.path()).unwrap(), None);
        set(dir.path(), "1234").unwrap();
        assert!(clear(dir.path()).unwrap());
        assert!(!clear(dir.path()).unwrap());
        assert_eq!(load(dir.path()).unwrap(), None);
    }
}
