//! Translations of lessons and help lines: a file with a source's `id` plus `lang` and a
//! `[translation]` table, whose structure must match the English source so that scores,
//! progress and right answers mean the same in every language. Only words change.

use std::fmt;
use std::ops::Range;
use std::path::Path;

use serde::Serialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Severity, SourceMap};

/// Whether a fluent human reader has checked a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Reviewed,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Draft => "draft",
            Status::Reviewed => "reviewed",
        })
    }
}

/// What a translation says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationInfo {
    /// The BCP 47 tag of the language, like `ur` or `ur-Latn`.
    pub lang: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed_on: Option<String>,
}

impl TranslationInfo {
    /// "ur (draft)" or "ur (reviewed by Amina Khan, 2026-11-29)", as lists show it.
    pub fn describe(&self) -> String {
        match (&self.status, &self.reviewed_by) {
            (Status::Reviewed, Some(who)) => match &self.reviewed_on {
                Some(on) => format!("{} (reviewed by {who}, {on})", self.lang),
                None => format!("{} (reviewed by {who})", self.lang),
            },
            (status, _) => format!("{} ({status})", self.lang),
        }
    }
}

/// Whether `tag` is shaped like a BCP 47 language tag: a 2-3 letter language, then
/// subtags of 1-8 letters or digits (`ur`, `ur-Latn`, `sd-Arab-PK`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether a file's text is a translation (it has a top-level `lang`). A file that is not
/// valid TOML is not one: the lesson reader reports its syntax.
pub fn is_translation(text: &str) -> bool {
    // Top-level keys come before the first table header; a cheap look first spares
    // parsing every source lesson twice.
    let has_lang_line = text
        .lines()
        .map(str::trim_start)
        .take_while(|l| !l.starts_with('['))
        .any(|l| {
            l.strip_prefix("lang")
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
    has_lang_line && DeTable::parse(text).is_ok_and(|doc| doc.get_ref().contains_key("lang"))
}

/// Reads `lang` and `[translation]` from a translation's text, with every problem in them.
/// `None` (and no problems) when the text has no `lang` or is not valid TOML.
pub fn read_info(path: &Path, text: &str) -> (Option<TranslationInfo>, Vec<Diagnostic>) {
    let Ok(doc) = DeTable::parse(text) else {
        return (None, Vec::new());
    };
    let map = SourceMap::new(path, text);
    let mut problems = Vec::new();
    let top = doc.get_ref();
    let Some(lang_value) = top.get("lang") else {
        return (None, problems);
    };
    let lang = match lang_value.get_ref().as_str() {
        Some(tag) if is_language_tag(tag) => Some(tag.to_string()),
        _ => {
            problems.push(map.diagnostic(
                Severity::Error,
                lang_value.span(),
                "`lang` should be a language tag in quotes, like \"ur\" or \"ur-Latn\"",
            ));
            None
        }
    };
    let Some((key, table)) = top.get_key_value("translation") else {
        problems.push(map.diagnostic(
            Severity::Error,
            lang_value.span(),
            "a translation needs a [translation] table after the top-level fields, with status = \"draft\" (or \"reviewed\", with reviewed_by and reviewed_on)",
        ));
        return (None, problems);
    };
    let Some(table) = table.get_ref().as_table() else {
        problems.push(map.diagnostic(
            Severity::Error,
            key.span(),
            "`translation` should be a table: [translation] with status = \"draft\"",
        ));
        return (None, problems);
    };
    let text_of = |name: &str| {
        table
            .get(name)
            .and_then(|v| v.get_ref().as_str())
            .map(str::to_string)
    };
    for (k, v) in table.iter() {
        let name: &str = k.get_ref().as_ref();
        let known = ["status", "translator", "reviewed_by", "reviewed_on"];
        if !known.contains(&name) {
            problems.push(map.diagnostic(
                Severity::Error,
                k.span(),
                format!(
                    "[translation] has no field `{name}`; it takes {}",
                    known.join(", ")
                ),
            ));
        } else if name != "reviewed_on" && v.get_ref().as_str().is_none() {
            problems.push(map.diagnostic(
                Severity::Error,
                v.span(),
                format!("`{name}` should be text in quotes"),
            ));
        }
    }
    let status = match text_of("status").as_deref() {
        Some("draft") => Some(Status::Draft),
        Some("reviewed") => Some(Status::Reviewed),
        _ => {
            let span = table.get("status").map_or(key.span(), Spanned::span);
            problems.push(map.diagnostic(
                Severity::Error,
                span,
                "`status` should be \"draft\" or \"reviewed\" (reviewed only once a fluent reader has read it)",
            ));
            None
        }
    };
    let reviewed_on = table.get("reviewed_on").and_then(|v| match v.get_ref() {
        DeValue::Datetime(dt) if dt.date.is_some() && dt.time.is_none() => Some(dt.to_string()),
        _ => {
            problems.push(map.diagnostic(
                Severity::Error,
                v.span(),
                "`reviewed_on` should be a date without quotes, like 2026-11-29",
            ));
            None
        }
    });
    let reviewed_by = text_of("reviewed_by").filter(|s| !s.trim().is_empty());
    if status == Some(Status::Reviewed) {
        let span = table.get("status").map_or(key.span(), Spanned::span);
        if reviewed_by.is_none() {
            problems.push(map.diagnostic(
                Severity::Error,
                span.clone(),
                "a reviewed translation needs `reviewed_by`: the name of the fluent reader who checked it",
            ));
        }
        if !table.contains_key("reviewed_on") {
            problems.push(map.diagnostic(
                Severity::Error,
                span,
                "a reviewed translation needs `reviewed_on`: the date it was checked, like 2026-11-29",
            ));
        }
    }
    let info = match (lang, status) {
        (Some(lang), Some(status)) if problems.is_empty() => Some(TranslationInfo {
            lang,
            status,
            translator: text_of("translator"),
            reviewed_by,
            reviewed_on,
        }),
        _ => None,
    };
    (info, problems)
}

/// The language to show lessons in: `--lang`, else the class settings' `language`, else
/// the system locale (`LC_ALL`, then `LANG`, as `ur_PK.UTF-8`), else English.
pub fn choose_language(
    flag: Option<&str>,
    setting: Option<&str>,
    lc_all: Option<&str>,
    lang_var: Option<&str>,
) -> String {
    let from_locale = |locale: &str| {
        // `ur_PK.UTF-8@latin` -> `ur-PK`; `C` and `POSIX` name no language.
        let tag = locale
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .replace('_', "-");
        is_language_tag(&tag).then_some(tag)
    };
    flag.map(str::to_string)
        .or_else(|| setting.map(str::to_string))
        .or_else(|| lc_all.filter(|v| !v.is_empty()).and_then(from_locale))
        .or_else(|| lang_var.filter(|v| !v.is_empty()).and_then(from_locale))
        .unwrap_or_else(|| "en".to_string())
}

/// Fields that are the same in every language: which step is which, which answer is right,
/// who sends a message, how many are drawn. A difference in one is an error.
const STRUCTURE: &[&str] = &[
    "format_version",
    "id",
    "type",
    "kind",
    "correct",
    "pinned",
    "shuffle",
    "shuffle_choices",
    "any_correct",
    "red_flag",
    "from",
    "draw",
    "with",
    "answer",
    "ages",
    "minutes",
    "pass_percent",
    "topics",
    "sources",
    "contact",
    "source",
    "confirmed",
];

/// Text shorter than this, or made of numbers and signs only, may well read the same in
/// every language ("OK", "1799"), so leaving it as it is is no sign of a missed sentence.
const SHORTEST_TRANSLATED: usize = 13;

/// Every difference in structure between a translation and its source, each an error at
/// the translation's place with a note at the source's, and a warning for each text still
/// identical to the English.
pub fn compare(source_path: &Path, source: &str, path: &Path, text: &str) -> Vec<Diagnostic> {
    let (Ok(src), Ok(tr)) = (DeTable::parse(source), DeTable::parse(text)) else {
        // Either one's syntax is reported where it is read.
        return Vec::new();
    };
    let mut walk = Walk {
        src: SourceMap::new(source_path, source),
        tr: SourceMap::new(path, text),
        found: Vec::new(),
    };
    walk.table(
        src.get_ref(),
        src.span(),
        tr.get_ref(),
        tr.span(),
        "the file",
        true,
    );
    walk.found.sort_by_key(|d| (d.line, d.column));
    walk.found
}

struct Walk<'a> {
    src: SourceMap<'a>,
    tr: SourceMap<'a>,
    found: Vec<Diagnostic>,
}

impl Walk<'_> {
    fn differs(&mut self, at: Range<usize>, source_at: Range<usize>, message: String, note: &str) {
        let d = self.tr.diagnostic(Severity::Error, at, message);
        let place = self.src.diagnostic(Severity::Error, source_at, "");
        self.found.push(d.with_related(place, note));
    }

    /// A warning for text left in English, unless it would read the same translated,
    /// with the English's place in the source beside it.
    fn same_as_english(
        &mut self,
        text: &str,
        at: Range<usize>,
        source_at: Range<usize>,
        what: &str,
    ) {
        if worth_translating(text) {
            let message = format!("{what} still the same as the English");
            let d = self.tr.diagnostic(Severity::Warning, at, message);
            let place = self.src.diagnostic(Severity::Warning, source_at, "");
            self.found
                .push(d.with_related(place, "the English, in the source"));
        }
    }

    fn table(
        &mut self,
        src: &DeTable,
        src_span: Range<usize>,
        tr: &DeTable,
        tr_span: Range<usize>,
        what: &str,
        top: bool,
    ) {
        // A step of another type has other fields: one error says it all.
        if let (Some(a), Some(b)) = (src.get("type"), tr.get("type"))
            && render(a.get_ref()) != render(b.get_ref())
        {
            self.differs(
                b.span(),
                a.span(),
                format!(
                    "{what} is a {} in the source but a {} here: a translation keeps the source's steps in the same order",
                    plain(a.get_ref()),
                    plain(b.get_ref())
                ),
                "the source's step",
            );
            return;
        }
        for (key, value) in src.iter() {
            let name: &str = key.get_ref().as_ref();
            let Some((tr_key, tr_value)) = tr.get_key_value(name) else {
                let field = if STRUCTURE.contains(&name) {
                    format!("`{name} = {}`", render(value.get_ref()))
                } else {
                    format!("`{name}`")
                };
                self.differs(
                    tr_span.start..tr_span.start,
                    key.span(),
                    format!("{what} is missing {field}, which the source has here"),
                    "the source has it here",
                );
                continue;
            };
            if STRUCTURE.contains(&name) {
                let (a, b) = (render(value.get_ref()), render(tr_value.get_ref()));
                if a != b {
                    self.differs(
                        tr_value.span(),
                        value.span(),
                        format!(
                            "`{name}` must be as in the source ({a}), not {b}: only words change in a translation"
                        ),
                        "the source's value",
                    );
                }
                continue;
            }
            match (value.get_ref(), tr_value.get_ref()) {
                (DeValue::Array(a), DeValue::Array(b)) => {
                    let list = (name, what);
                    self.list(list, a, key.span(), b, tr_key.span(), tr_value.span())
                }
                (DeValue::Table(a), DeValue::Table(b)) => {
                    let label = format!("`{name}`");
                    self.table(a, value.span(), b, tr_value.span(), &label, false)
                }
                (DeValue::String(a), DeValue::String(b)) if same_words(a, b) => {
                    let field = format!("`{name}` of {what} is");
                    self.same_as_english(a, tr_value.span(), value.span(), &field);
                }
                (a, b) if std::mem::discriminant(a) != std::mem::discriminant(b) => {
                    self.differs(
                        tr_value.span(),
                        value.span(),
                        format!(
                            "`{name}` is {} in the source, {} here",
                            a.type_str(),
                            b.type_str()
                        ),
                        "the source's value",
                    );
                }
                _ => {}
            }
        }
        for (key, value) in tr.iter() {
            let name: &str = key.get_ref().as_ref();
            if !src.contains_key(name) && !(top && (name == "lang" || name == "translation")) {
                let field = if STRUCTURE.contains(&name) {
                    format!("`{name} = {}`", render(value.get_ref()))
                } else {
                    format!("`{name}`")
                };
                self.differs(
                    key.span(),
                    src_span.start..src_span.start,
                    format!("{what} has {field}, which the source does not have here: a translation keeps the source's fields and changes only their words"),
                    "the same place in the source",
                );
            }
        }
    }

    /// A list (`name`) of `owner` ("step 2", "the file"), item by item.
    fn list(
        &mut self,
        (name, owner): (&str, &str),
        src: &[Spanned<DeValue>],
        src_key: Range<usize>,
        tr: &[Spanned<DeValue>],
        tr_key: Range<usize>,
        tr_span: Range<usize>,
    ) {
        if src.len() != tr.len() {
            let at = if tr_span.is_empty() { tr_key } else { tr_span };
            let what = match name {
                "steps" => "steps",
                "choices" => "choices",
                "messages" => "messages",
                "questions" => "questions",
                "regions" => "regions",
                "lines" => "lines",
                _ => "items",
            };
            self.differs(
                at,
                src_key,
                format!(
                    "{owner} has {} {what} in the source but {} here: a translation keeps every one, in the same order",
                    src.len(),
                    tr.len()
                ),
                "the source's list",
            );
            return;
        }
        let item = match name {
            "steps" => "step",
            "choices" => "choice",
            "messages" => "message",
            "questions" => "question",
            "regions" => "region",
            "lines" => "line",
            _ => "item",
        };
        for (i, (a, b)) in src.iter().zip(tr).enumerate() {
            // Counted from 1, as the child sees them, within what holds them: "choice 2 of
            // step 3" (the steps of the file are just "step 3").
            let label = match owner {
                "the file" => format!("{item} {}", i + 1),
                _ => format!("{item} {} of {owner}", i + 1),
            };
            match (a.get_ref(), b.get_ref()) {
                (DeValue::Table(ta), DeValue::Table(tb)) => {
                    self.table(ta, a.span(), tb, b.span(), &label, false)
                }
                (DeValue::String(sa), DeValue::String(sb)) if same_words(sa, sb) => {
                    let what = format!("{label} is");
                    self.same_as_english(sa, b.span(), a.span(), &what);
                }
                _ => {}
            }
        }
    }
}

/// Fields whose words a translator changes.
const TEXT: &[&str] = &[
    "title",
    "summary",
    "text",
    "prompt",
    "hint",
    "explanation",
    "feedback",
    "true_feedback",
    "false_feedback",
    "intro",
    "why",
];

/// A translation skeleton of a lesson's source text for `lang`: the source, line for line,
/// with `lang` after the `id`, a `[translation]` table marked draft before the first table,
/// and the English of every text field as a comment above it, so the translator can write
/// over the text and still see what it said.
pub fn skeleton(source: &str, lang: &str) -> Result<String, String> {
    let doc = DeTable::parse(source).map_err(|e| e.to_string())?;
    let top = doc.get_ref();
    let id_at = top
        .get_key_value("id")
        .map(|(k, _)| k.span().start)
        .ok_or("the source has no `id`")?;
    let mut english = Vec::new();
    collect_text(top, &mut english);
    english.sort_by_key(|(at, _)| *at);
    let mut english = english.into_iter().peekable();
    let mut out = String::new();
    let mut offset = 0;
    let mut table_written = false;
    for line in source.split_inclusive('\n') {
        let (start, end) = (offset, offset + line.len());
        offset = end;
        if line.starts_with("#:schema") {
            out.push_str("#:schema ./lesson.schema.json\n");
            continue;
        }
        let trimmed = line.trim_start();
        if !table_written && trimmed.starts_with('[') {
            out.push_str(&format!(
                "# Translated from the English lesson with this id; only the words change.\n[translation]\nstatus = \"draft\"  # \"reviewed\" only once a fluent reader has read it, with reviewed_by = \"Name\" and reviewed_on = {}\n# translator = \"Your name\"\n\n",
                crate::clock::Date::today()
            ));
            table_written = true;
        }
        let indent = &line[..line.len() - trimmed.len()];
        while let Some((_, text)) = english.next_if(|(at, _)| (start..end).contains(at)) {
            let mut lines = text.lines();
            match (lines.next(), text.contains('\n')) {
                (Some(first), false) => out.push_str(&format!("{indent}# English: {first}\n")),
                _ => {
                    out.push_str(&format!("{indent}# English:\n"));
                    for l in text.lines() {
                        out.push_str(format!("{indent}#   {l}").trim_end());
                        out.push('\n');
                    }
                }
            }
        }
        out.push_str(line);
        if (start..end).contains(&id_at) {
            if !line.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&format!("lang = \"{lang}\"\n"));
        }
    }
    Ok(out)
}

/// Where each text field's key is, with its English, in a table and all within it.
fn collect_text(table: &DeTable, found: &mut Vec<(usize, String)>) {
    for (key, value) in table.iter() {
        let name: &str = key.get_ref().as_ref();
        match value.get_ref() {
            DeValue::String(text) if TEXT.contains(&name) => {
                found.push((key.span().start, text.to_string()))
            }
            DeValue::Table(t) => collect_text(t, found),
            DeValue::Array(items) => {
                for item in items.iter() {
                    if let DeValue::Table(t) = item.get_ref() {
                        collect_text(t, found);
                    }
                }
            }
            _ => {}
        }
    }
}

fn worth_translating(text: &str) -> bool {
    text.trim().chars().count() >= SHORTEST_TRANSLATED && text.chars().any(char::is_alphabetic)
}

/// Whether two texts read the same to a child: glossary marks are where a translation
/// may differ from its source and still be untranslated.
fn same_words(a: &str, b: &str) -> bool {
    a == b || super::glossary::plain(a) == super::glossary::plain(b)
}

/// A text value without its quotes, for a sentence ("a page").
fn plain(value: &DeValue) -> String {
    value.as_str().map_or_else(|| render(value), str::to_string)
}

/// A value as a teacher would write it, to compare and to show.
fn render(value: &DeValue) -> String {
    match value {
        DeValue::String(s) => format!("{:?}", s.as_ref()),
        DeValue::Integer(n) => i64::from_str_radix(&n.as_str().replace('_', ""), n.radix())
            .map_or_else(|_| n.as_str().to_string(), |n| n.to_string()),
        DeValue::Float(x) => x.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|v| render(v.get_ref()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        DeValue::Table(t) => {
            let mut fields: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{} = {}", k.get_ref(), render(v.get_ref())))
                .collect();
            fields.sort();
            format!("{{ {} }}", fields.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "format_version = 1\nid = \"x\"\ntitle = \"Hello there, friend\"\n\n[[steps]]\ntype = \"question\"\nkind = \"single\"\nprompt = \"Which one is right?\"\n  [[steps.choices]]\n  text = \"Tell a trusted adult\"\n  correct = true\n  [[steps.choices]]\n  text = \"Keep it secret\"\n";

    fn translated(from: &str, to: &str) -> String {
        SOURCE
            .replacen("id = \"x\"\n", "id = \"x\"\nlang = \"ur\"\n", 1)
            .replacen(
                "\n[[steps]]",
                "[translation]\nstatus = \"draft\"\n\n[[steps]]",
                1,
            )
            .replace("Hello there, friend", "سلام دوست")
            .replace("Which one is right?", "کون سا ٹھیک ہے؟")
            .replace(from, to)
    }

    fn messages(text: &str) -> Vec<String> {
        compare(Path::new("x.toml"), SOURCE, Path::new("ur/x.toml"), text)
            .into_iter()
            .map(|d| format!("{}:{}: {}", d.line, d.severity, d.message))
            .collect()
    }

    #[test]
    fn a_moved_right_answer_is_an_error_naming_the_source_line() {
        let text = translated("  correct = true\n", "").replace(
            "text = \"Keep it secret\"\n",
            "text = \"Keep it secret\"\n  correct = true\n",
        );
        let found: Vec<Diagnostic> =
            compare(Path::new("x.toml"), SOURCE, Path::new("ur/x.toml"), &text)
                .into_iter()
                .filter(Diagnostic::is_error)
                .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .any(|d| d.message.contains("missing `correct = true`")),
            "{found:?}"
        );
        let related = found[0].related.as_ref().expect("names the source's place");
        assert_eq!(related.path, Path::new("x.toml"));
        assert_eq!(related.line, 11);
        // Each says which choice of which step, as the child counts them.
        let said: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert!(
            said[0].starts_with("choice 1 of step 1 is missing `correct = true`"),
            "{said:?}"
        );
        assert!(
            said[1].starts_with("choice 2 of step 1 has `correct = true`, which the source"),
            "{said:?}"
        );
    }

    #[test]
    fn text_left_in_english_is_shown_beside_the_english_in_the_source() {
        let found = compare(
            Path::new("x.toml"),
            SOURCE,
            Path::new("ur/x.toml"),
            &translated("", ""),
        );
        let warning = &found[0];
        assert_eq!(
            (warning.path.as_path(), warning.line),
            (Path::new("ur/x.toml"), 13)
        );
        let english = warning
            .related
            .as_ref()
            .expect("the source's line beside it");
        assert_eq!(
            (english.path.as_path(), english.line),
            (Path::new("x.toml"), 10)
        );
        assert_eq!(english.source_line, "  text = \"Tell a trusted adult\"");
        assert_eq!(english.message, "the English, in the source");
    }

    #[test]
    fn identical_long_text_warns_and_short_text_does_not() {
        let found = messages(&translated("", ""));
        assert_eq!(
            found,
            vec![
                "13:warning: `text` of choice 1 of step 1 is still the same as the English"
                    .to_string(),
                "16:warning: `text` of choice 2 of step 1 is still the same as the English"
                    .to_string()
            ]
        );
        let short = translated("Keep it secret", "OK");
        assert_eq!(messages(&short).len(), 1);
    }

    #[test]
    fn marks_are_no_difference_and_do_not_hide_untranslated_text() {
        let marked = translated(
            "text = \"Tell a trusted adult\"",
            "text = \"Tell a {trusted adult}\"",
        )
        .replace("Keep it secret", "راز {رکھیں|راز}");
        assert_eq!(
            messages(&marked),
            vec![
                "13:warning: `text` of choice 1 of step 1 is still the same as the English"
                    .to_string()
            ]
        );
    }

    #[test]
    fn reviewed_needs_a_reviewer_and_a_date() {
        let text = translated("status = \"draft\"", "status = \"reviewed\"");
        let (info, problems) = read_info(Path::new("ur/x.toml"), &text);
        assert!(info.is_none());
        assert_eq!(problems.len(), 2, "{problems:?}");
        let good = translated(
            "status = \"draft\"",
            "status = \"reviewed\"\nreviewed_by = \"Amina Khan\"\nreviewed_on = 2026-11-29",
        );
        let (info, problems) = read_info(Path::new("ur/x.toml"), &good);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            info.unwrap().describe(),
            "ur (reviewed by Amina Khan, 2026-11-29)"
        );
    }

    #[test]
    fn the_flag_beats_the_settings_which_beat_the_locale_which_beats_english() {
        let pick = |f, s, a, l| choose_language(f, s, a, l);
        assert_eq!(
            pick(Some("ur"), Some("ur-Latn"), Some("en_GB.UTF-8"), None),
            "ur"
        );
        assert_eq!(
            pick(None, Some("ur-Latn"), Some("ur_PK.UTF-8"), None),
            "ur-Latn"
        );
        assert_eq!(
            pick(None, None, Some("ur_PK.UTF-8"), Some("en_US")),
            "ur-PK"
        );
        assert_eq!(pick(None, None, Some(""), Some("ur_PK.UTF-8")), "ur-PK");
        assert_eq!(pick(None, None, None, Some("C")), "en");
        assert_eq!(pick(None, None, None, None), "en");
    }

    #[test]
    fn language_tags_are_checked_for_shape() {
        assert!(is_language_tag("ur"));
        assert!(is_language_tag("ur-Latn"));
        assert!(!is_language_tag("urdu language"));
        assert!(!is_language_tag("u"));
    }
}
