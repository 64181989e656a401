//! Builds the lessons in `lessons/` and the app's message files in `i18n/` into the
//! binary, so that `mehfooz` works from any folder with nothing to install beside it.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

/// What is in `dir`, sorted; nothing when it cannot be read.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
}

/// Every `.toml` file in `dir` and, one level down, in its language folders
/// (`lessons/ur/`), sorted so that sources come before their translations.
fn lesson_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for path in entries(dir) {
        if path.is_dir() {
            folders.push(path);
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    for folder in folders {
        // Cargo watches a folder's own entries only, so each language folder is named.
        println!("cargo:rerun-if-changed={}", folder.display());
        files.extend(
            entries(&folder)
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "toml")),
        );
    }
    files
}

fn main() {
    // Read at run time, not with env!(): cargo reuses a compiled build script for the same
    // package in another checkout that shares the target folder, and env!() would then
    // build that other checkout's lessons into this binary.
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest_dir).join("lessons");
    println!("cargo:rerun-if-changed={}", dir.display());
    let files = lesson_files(&dir);
    let mut code = String::from("pub static BUILT_IN: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        // `ur/online-friends-basics.toml`, with `/` on every system.
        let name = path
            .strip_prefix(&dir)
            .unwrap()
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("built_in_lessons.rs");
    fs::write(out, code).unwrap();
    message_files(&Path::new(&manifest_dir).join("i18n"));
}

/// Every `i18n/LANG/mehfooz.ftl`, found rather than listed, so that adding a folder adds a
/// language with no change to the code.
fn message_files(dir: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let folders = entries(dir).into_iter().filter(|p| p.is_dir());
    let mut code = String::from("pub static BUILT_IN: &[(&str, &str)] = &[\n");
    for folder in folders {
        println!("cargo:rerun-if-changed={}", folder.display());
        let file = folder.join("mehfooz.ftl");
        if !file.is_file() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", file.display());
        let tag = folder.file_name().unwrap().to_string_lossy().into_owned();
        code.push_str(&format!(
            "    ({tag:?}, include_str!({:?})),\n",
            file.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("built_in_messages.rs");
    fs::write(out, code).unwrap();
}
