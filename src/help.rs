//! Help and reporting lines by region, read from `help-lines.toml`: what the help screen
//! shows a child, each line with the date its number was last confirmed.

use std::path::Path;

use toml::de::DeTable;

use crate::clock::Date;
use crate::diagnostic::Diagnostic;
use crate::toml_reader::{Fields, Kind, Need, Reader, read_document};

const HELP_LINES: Kind = Kind {
    name: "a help-lines file",
    counted: None,
};

/// The file name the help lines are read from, in a lessons folder.
pub const FILE_NAME: &str = "help-lines.toml";
/// A line confirmed longer ago than this gets a warning from `check`.
pub const STALE_AFTER_MONTHS: i32 = 12;

#[derive(Debug, Clone, PartialEq)]
pub struct HelpLines {
    /// What to do, for every child, before any number.
    pub advice: String,
    pub regions: Vec<Region>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub lines: Vec<HelpLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HelpLine {
    pub name: String,
    pub contact: String,
    pub purpose: String,
    pub source: String,
    /// When the source confirmed the contact; `None` when the source gives no date.
    pub confirmed: Option<Date>,
}

impl HelpLines {
    /// The region with this id, or the first one.
    pub fn region(&self, id: Option<&str>) -> Option<&Region> {
        id.and_then(|id| self.regions.iter().find(|r| r.id == id))
            .or(self.regions.first())
    }
}

/// Reads a help-lines file; `today` decides which confirmations are too old.
pub fn parse_help_lines(
    path: &Path,
    source: &str,
    today: Date,
) -> (Option<HelpLines>, Vec<Diagnostic>) {
    read_document(path, source, &HELP_LINES, |reader, table, span| {
        read(reader, table, span, today)
    })
}

fn read(
    reader: &mut Reader,
    table: &DeTable,
    span: std::ops::Range<usize>,
    today: Date,
) -> Option<HelpLines> {
    let mut f = Fields::new(table, span, "the help-lines file");
    f.integer(reader, "format_version", Need::Required);
    // A translation's own fields, read by `lesson::translation`.
    f.skip("lang");
    f.skip("translation");
    let advice = f.string(reader, "advice", Need::Required);
    let mut regions = Vec::new();
    for (table, span) in f.tables(reader, "regions", Need::Required)? {
        let mut r = Fields::new(table, span, "this region");
        let id = r.string(reader, "id", Need::Required);
        let name = r.string(reader, "name", Need::Required);
        let mut lines = Vec::new();
        for (table, span) in r
            .tables(reader, "lines", Need::Required)
            .unwrap_or_default()
        {
            let mut l = Fields::new(table, span, "this help line");
            let name = l.string(reader, "name", Need::Required);
            let contact = l.string(reader, "contact", Need::Required);
            let purpose = l.string(reader, "purpose", Need::Required);
            let source = l.string(reader, "source", Need::Required);
            let confirmed = l.date(reader, "confirmed", Need::Optional);
            l.finish(reader);
            if confirmed.is_none() && l.has_no("confirmed") {
                reader.warning(
                    l.span(),
                    "this line has no `confirmed` date: check the contact, then add the date, like confirmed = 2026-01-31",
                );
            }
            if let Some((date, span)) = &confirmed {
                let age = date.months_until(today);
                if age >= STALE_AFTER_MONTHS {
                    reader.warning(
                        span.clone(),
                        format!(
                            "this line was last confirmed on {date}, {age} months ago: check the number is still right, then update `confirmed`"
                        ),
                    );
                }
            }
            if let (Some(name), Some(contact), Some(purpose), Some(source)) =
                (name, contact, purpose, source)
            {
                lines.push(HelpLine {
                    name: name.0,
                    contact: contact.0,
                    purpose: purpose.0,
                    source: source.0,
                    confirmed: confirmed.map(|c| c.0),
                });
            }
        }
        r.finish(reader);
        if let (Some(id), Some(name)) = (id, name) {
            regions.push(Region {
                id: id.0,
                name: name.0,
                lines,
            });
        }
    }
    f.finish(reader);
    Some(HelpLines {
        advice: advice?.0,
        regions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
format_version = 1
advice = "Tell a trusted adult."
[[regions]]
id = "pk"
name = "Pakistan"
  [[regions.lines]]
  name = "NCCIA"
  contact = "1799"
  purpose = "Report online crimes."
  source = "Arab News Pakistan, 4 Jun 2025"
  confirmed = 2025-06-04
"#;

    #[test]
    fn a_line_confirmed_over_a_year_ago_gets_a_warning() {
        let today = Date {
            year: 2026,
            month: 11,
            day: 28,
        };
        let (help, diagnostics) = parse_help_lines(Path::new("help-lines.toml"), FILE, today);
        let help = help.expect("the file is valid");
        assert_eq!(help.regions[0].lines[0].contact, "1799");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].line, 12);
        assert!(
            diagnostics[0]
                .message
                .contains("last confirmed on 2025-06-04")
        );
    }

    #[test]
    fn a_recent_line_gets_no_warning() {
        let today = Date {
            year: 2025,
            month: 12,
            day: 1,
        };
        let (_, diagnostics) = parse_help_lines(Path::new("help-lines.toml"), FILE, today);
        assert!(diagnostics.is_empty());
    }
}
