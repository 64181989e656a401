//! Class settings, from `mehfooz.toml`: which lessons, where progress goes, which help
//! lines, which theme. Read and checked like a lesson file, with the same diagnostics.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity, suggest};
use crate::help::HelpLines;
use crate::text::Mode;
use crate::toml_reader::{Fields, Kind, Need, Reader, read_document};

const SETTINGS: Kind = Kind {
    name: "a settings file",
    counted: None,
};

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

/// Where each setting is written, to point at it when it turns out wrong: a region or a
/// lesson id that does not exist is only known once the lessons are loaded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Places {
    pub region: Option<Diagnostic>,
    /// One per id in `built_in = [...]`.
    pub built_in: Vec<Diagnostic>,
    /// One per folder in `lessons`.
    pub lessons: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    /// Folders of lesson files, already made relative to the settings file's folder.
    pub lessons: Vec<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub region: Option<String>,
    pub built_in: BuiltIn,
    pub theme: ThemeChoice,
    /// The language lessons are shown in, as a BCP 47 tag (`ur`, `ur-Latn`).
    pub language: Option<String>,
    /// Who joins and reorders right-to-left text (`text_direction`): the app, or a
    /// terminal that does its own.
    pub text_direction: Mode,
    pub places: Places,
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

/// Reads a settings file; paths in it are taken relative to the file's folder. No
/// settings when any of it is wrong: a class is never run on settings half understood.
pub fn parse_settings(path: &Path, source: &str) -> (Option<Settings>, Vec<Diagnostic>) {
    let (settings, diagnostics) = parse_settings_partly(path, source);
    let settings = settings.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    (settings, diagnostics)
}

/// Like `parse_settings`, but with the fields it could read even when others are wrong
/// (a wrong one as if it were not there), so that `check` can look further and show
/// every mistake at once: a region or a folder that does not exist too, not only an
/// unknown field. None when the file is not TOML at all.
pub fn parse_settings_partly(path: &Path, source: &str) -> (Option<Settings>, Vec<Diagnostic>) {
    let mut partly = None;
    let (_, diagnostics) = read_document(path, source, &SETTINGS, |reader, table, span| {
        partly = read_settings(path, reader, table, span);
        partly.clone()
    });
    (partly, diagnostics)
}

fn read_settings(
    path: &Path,
    reader: &mut Reader,
    table: &toml::de::DeTable,
    span: std::ops::Range<usize>,
) -> Option<Settings> {
    let base = path.parent().unwrap_or(Path::new("")).to_path_buf();
    let mut f = Fields::new(table, span, "the settings");
    let mut places = Places::default();
    let lessons = if f.has("lessons") && f.value_is_text("lessons") {
        f.string(reader, "lessons", Need::Optional)
            .map(|(s, span)| vec![(s, span)])
            .unwrap_or_default()
    } else {
        f.placed_string_list(reader, "lessons")
    };
    let lessons = lessons
        .into_iter()
        .map(|(s, span)| {
            places.lessons.push(reader.place(span));
            base.join(s)
        })
        .collect();
    let data_dir = f
        .string(reader, "data_dir", Need::Optional)
        .map(|(s, _)| base.join(s));
    let region = f.string(reader, "region", Need::Optional).map(|(s, span)| {
        places.region = Some(reader.place(span));
        s
    });
    const BUILT_IN: &[(&str, bool)] = &[("all", true), ("none", false)];
    let built_in = if f.has("built_in") && f.value_is_text("built_in") {
        let all = f.one_of_or(
            reader,
            "built_in",
            Need::Optional,
            BUILT_IN,
            Some("a list of lesson ids"),
        );
        match all {
            Some((false, _)) => BuiltIn::None,
            _ => BuiltIn::All,
        }
    } else if f.has("built_in") {
        let ids = f.placed_string_list(reader, "built_in");
        places.built_in = ids
            .iter()
            .map(|(_, span)| reader.place(span.clone()))
            .collect();
        BuiltIn::Only(ids.into_iter().map(|(id, _)| id).collect())
    } else {
        f.skip("built_in");
        BuiltIn::All
    };
    const THEMES: &[(&str, ThemeChoice)] = &[
        ("colour", ThemeChoice::Colour),
        ("color", ThemeChoice::Colour),
        ("plain", ThemeChoice::Plain),
    ];
    let theme = f
        .one_of(reader, "theme", Need::Optional, THEMES)
        .map_or(ThemeChoice::Colour, |(t, _)| t);
    let language = f
        .string(reader, "language", Need::Optional)
        .and_then(|(tag, span)| {
            if crate::lesson::translation::is_language_tag(&tag) {
                Some(tag)
            } else {
                reader.error(
                    span,
                    "`language` should be a language tag, like \"ur\", \"ur-Latn\" or \"en\"",
                );
                None
            }
        });
    const DIRECTIONS: &[(&str, Mode)] = &[("app", Mode::App), ("terminal", Mode::Terminal)];
    let text_direction = f
        .one_of(reader, "text_direction", Need::Optional, DIRECTIONS)
        .map_or(Mode::App, |(mode, _)| mode);
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
        language,
        text_direction,
        lrs,
        places,
    })
}

fn parse_lrs(
    reader: &mut Reader,
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

/// What the settings name that is not there: a region the help lines do not have, a
/// built-in lesson that does not exist, a lessons folder that is missing. Each problem is
/// at its place in the settings file, so a teacher sees them all at once with `check`.
pub fn cross_check(
    settings: &Settings,
    built_in_ids: &[&str],
    help: Option<&HelpLines>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut at = |place: Option<&Diagnostic>, message: String| {
        let mut d = place.cloned().unwrap_or_default();
        d.message = message;
        d.severity = Severity::Error;
        problems.push(d);
    };
    if let (Some(region), Some(help)) = (&settings.region, help)
        && let Some(problem) = unknown_region(region, help)
    {
        at(settings.places.region.as_ref(), problem);
    }
    if let BuiltIn::Only(ids) = &settings.built_in {
        for (i, id) in ids.iter().enumerate() {
            if !built_in_ids.contains(&id.as_str()) {
                let hint = suggest(id, built_in_ids)
                    .map(|s| format!("; did you mean \"{s}\"?"))
                    .unwrap_or_default();
                at(
                    settings.places.built_in.get(i),
                    format!(
                        "there is no built-in lesson \"{id}\"{hint} (`mehfooz list` shows the ids)"
                    ),
                );
            }
        }
    }
    for (i, folder) in settings.lessons.iter().enumerate() {
        if !folder.is_dir() {
            at(
                settings.places.lessons.get(i),
                format!(
                    "there is no lessons folder {}: make it, or fix the path (it is taken from the settings file's folder)",
                    folder.display()
                ),
            );
        }
    }
    problems
}

/// Why `region` cannot be shown, when the help lines have no region with that id.
pub fn unknown_region(region: &str, help: &HelpLines) -> Option<String> {
    if help.regions.iter().any(|r| r.id == region) {
        return None;
    }
    let ids: Vec<&str> = help.regions.iter().map(|r| r.id.as_str()).collect();
    let known: Vec<String> = help
        .regions
        .iter()
        .map(|r| format!("\"{}\" ({})", r.id, r.name))
        .collect();
    let hint = suggest(region, &ids)
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default();
    Some(format!(
        "there is no region \"{region}\"{hint}; the regions with help lines are {}",
        crate::text::or_list(&known)
    ))
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
        assert_eq!(
            settings.text_direction,
            Mode::App,
            "the app does it unless told"
        );
    }

    #[test]
    fn text_direction_hands_urdu_to_the_terminal_or_keeps_it_in_the_app() {
        for (value, mode) in [("terminal", Mode::Terminal), ("app", Mode::App)] {
            let text = format!("text_direction = \"{value}\"\n");
            let (settings, diagnostics) = parse_settings(Path::new("mehfooz.toml"), &text);
            assert!(diagnostics.is_empty(), "{diagnostics:?}");
            assert_eq!(settings.unwrap().text_direction, mode);
        }
    }

    /// The problems in settings `text` that has some, each as "line:column: message".
    fn problems(text: &str) -> Vec<String> {
        let (settings, diagnostics) = parse_settings(Path::new("mehfooz.toml"), text);
        assert!(settings.is_none(), "settings with mistakes are not used");
        diagnostics
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn a_wrong_text_direction_is_reported_at_its_place_with_the_choices() {
        assert_eq!(
            problems("region = \"pk\"\ntext_direction = \"termnal\"\n"),
            vec![
                "2:18: `text_direction` is \"app\" or \"terminal\", not \"termnal\"; did you mean \"terminal\"?"
            ]
        );
    }

    #[test]
    fn a_mistake_in_the_settings_is_reported_with_its_place() {
        assert_eq!(
            problems("regoin = \"pk\"\ntheme = \"pink\"\n"),
            vec![
                "1:1: unknown field `regoin` in the settings; did you mean `region`?",
                "2:9: `theme` is \"colour\", \"color\" or \"plain\", not \"pink\"",
            ]
        );
    }
}
