//! Class settings, from `mehfooz.toml`: which lessons, where progress goes, which help
//! lines, which theme. Read and checked like a lesson file, with the same diagnostics.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::lesson::read::{Fields, Need, read_document};

/// The file looked for in the current folder when `--config` is not given.
pub const FILE_NAME: &str = "mehfooz.toml";

/// Which built-in lessons a class sees.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum BuiltIn {
    #[default]
    All,
    None,
    Only(Vec<String>),
}

/// How the app is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    #[default]
    Colour,
    /// No colours: bold and reverse video only (also what `NO_COLOR` asks for).
    Plain,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    /// Folders of lesson files, already made relative to the settings file's folder.
    pub lessons: Vec<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub region: Option<String>,
    pub built_in: BuiltIn,
    pub theme: ThemeChoice,
    /// Where `mehfooz sync` sends learning records; `None` when the school has not set it up.
    pub lrs: Option<LrsSettings>,
}

/// `[lrs]`: the Learning Record Store `mehfooz sync` sends to. The password and the
/// secret are never here (children can read this file): they come from the credentials
/// file or the environment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LrsSettings {
    /// The LRS's xAPI root, like `https://lrs.example.org/xAPI/`.
    pub endpoint: String,
    /// The school's id, an IRI: the home page of every student's account.
    pub school: String,
    /// The credentials file, relative to the settings file's folder.
    pub credentials: Option<PathBuf>,
    /// The start of every activity id.
    pub activity_base: Option<String>,
    /// Statements in one POST.
    pub batch_size: Option<usize>,
}

/// Reads a settings file; paths in it are taken relative to the file's folder.
pub fn parse_settings(path: &Path, source: &str) -> (Option<Settings>, Vec<Diagnostic>) {
    let base = path.parent().unwrap_or(Path::new("")).to_path_buf();
    read_document(path, source, |reader, table, span| {
        let mut f = Fields::new(table, span, "the settings");
        let lessons = if f.has("lessons") && f.value_is_text("lessons") {
            f.string(reader, "lessons", Need::Optional)
                .map(|(s, _)| vec![base.join(s)])
                .unwrap_or_default()
        } else {
            f.string_list(reader, "lessons")
                .into_iter()
                .map(|s| base.join(s))
                .collect()
        };
        let data_dir = f
            .string(reader, "data_dir", Need::Optional)
            .map(|(s, _)| base.join(s));
        let region = f.string(reader, "region", Need::Optional).map(|(s, _)| s);
        let built_in = if f.has("built_in") && f.value_is_text("built_in") {
            match f.string(reader, "built_in", Need::Optional) {
                Some((s, _)) if s == "all" => BuiltIn::All,
                Some((s, _)) if s == "none" => BuiltIn::None,
                Some((other, span)) => {
                    reader.error(
                        span,
                        format!("`built_in` is \"all\", \"none\" or a list of lesson ids, not \"{other}\""),
                    );
                    BuiltIn::All
                }
                None => BuiltIn::All,
            }
        } else if f.has("built_in") {
            BuiltIn::Only(f.string_list(reader, "built_in"))
        } else {
            f.skip("built_in");
            BuiltIn::All
        };
        let theme = match f.string(reader, "theme", Need::Optional) {
            None => ThemeChoice::Colour,
            Some((s, _)) if s == "colour" || s == "color" => ThemeChoice::Colour,
            Some((s, _)) if s == "plain" => ThemeChoice::Plain,
            Some((other, span)) => {
                reader.error(
                    span,
                    format!("`theme` is \"colour\" or \"plain\", not \"{other}\""),
                );
                ThemeChoice::Colour
            }
        };
        let lrs = f
            .table(reader, "lrs", Need::Optional)
            .and_then(|(table, span)| parse_lrs(reader, table, span, &base));
        f.finish(reader);
        Some(Settings {
            lessons,
            data_dir,
            region,
            built_in,
            theme,
            lrs,
        })
    })
}

fn parse_lrs(
    reader: &mut crate::lesson::read::Reader,
    table: &toml::de::DeTable,
    span: std::ops::Range<usize>,
    base: &Path,
) -> Option<LrsSettings> {
    let mut f = Fields::new(table, span, "[lrs]");
    for secret in ["username", "password", "secret"] {
        if f.has(secret) {
            reader.error(
                f.key_span(secret),
                format!("`{secret}` does not belong in the settings, which children can read: put it in the file named by `credentials`, or in the environment"),
            );
            f.skip(secret);
        }
    }
    let endpoint = f.string(reader, "endpoint", Need::Required).map(|(s, _)| s);
    let school = f.string(reader, "school", Need::Required).map(|(s, _)| s);
    let credentials = f
        .string(reader, "credentials", Need::Optional)
        .map(|(s, _)| base.join(s));
    let activity_base = f
        .string(reader, "activity_base", Need::Optional)
        .map(|(s, _)| s);
    let batch_size = match f.integer(reader, "batch_size", Need::Optional) {
        Some((n, _)) if (1..=10_000).contains(&n) => Some(n as usize),
        Some((n, span)) => {
            reader.error(span, format!("`batch_size` is from 1 to 10000, not {n}"));
            None
        }
        None => None,
    };
    f.finish(reader);
    Some(LrsSettings {
        endpoint: endpoint?,
        school: school?,
        credentials,
        activity_base,
        batch_size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_paths_are_relative_to_the_settings_file() {
        let text = "lessons = \"my-lessons\"\ndata_dir = \"data\"\nregion = \"pk\"\nbuilt_in = [\"trusted-adults\"]\ntheme = \"plain\"\n";
        let (settings, diagnostics) = parse_settings(Path::new("class/mehfooz.toml"), text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let settings = settings.unwrap();
        assert_eq!(settings.lessons, vec![PathBuf::from("class/my-lessons")]);
        assert_eq!(settings.data_dir, Some(PathBuf::from("class/data")));
        assert_eq!(
            settings.built_in,
            BuiltIn::Only(vec!["trusted-adults".into()])
        );
        assert_eq!(settings.theme, ThemeChoice::Plain);
    }

    #[test]
    fn a_mistake_in_the_settings_is_reported_with_its_place() {
        let (settings, diagnostics) = parse_settings(
            Path::new("mehfooz.toml"),
            "regoin = \"pk\"\ntheme = \"pink\"\n",
        );
        assert!(settings.is_none());
        let lines: Vec<String> = diagnostics
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect();
        assert_eq!(
            lines,
            vec![
                "1:1: unknown field `regoin` in the settings; did you mean `region`?",
                "2:9: `theme` is \"colour\" or \"plain\", not \"pink\"",
            ]
        );
    }
}
