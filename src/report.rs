//! The class report: how every student did in every lesson, class totals, and the
//! questions the class missed most with the wrong answer chosen most. Pure: students and
//! lessons in, a report out; the CLI prints it as a table or CSV and the TUI draws it.

use std::collections::BTreeMap;

use crate::lesson::Lesson;
use crate::progress::{Status, Student};
use crate::quiz::{Session, View};

/// One student's results in one lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub status: Status,
    pub best_percent: Option<u32>,
    pub attempts: usize,
    pub passed: bool,
    /// The languages the student's attempts were shown in (BCP 47 tags), English first
    /// then in order; an attempt saved before languages were kept counts as English.
    pub languages: Vec<String>,
}

/// One lesson's totals over the class.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonTotals {
    pub passed: usize,
    /// The average of the students' best scores, over those who finished.
    pub average_best: Option<u32>,
}

/// A question the class got wrong (or only partly right).
#[derive(Debug, Clone, PartialEq)]
pub struct Missed {
    pub lesson_id: String,
    pub prompt: String,
    /// Answers that were not fully right, out of all answers given.
    pub missed: usize,
    pub answered: usize,
    /// The wrong choice (or harmless chat message) picked most, and how often.
    pub top_wrong: Option<(String, usize)>,
    /// For a chat: the red flag left unmarked most, and how often.
    pub top_missed_flag: Option<(String, usize)>,
}

/// The mistake made most often on a question, as the teacher is told it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mistake<'m> {
    /// A question's wrong choice.
    Chose(&'m str),
    /// A chat's red flag that was not marked.
    MissedFlag(&'m str),
    /// A chat's harmless message that was marked.
    MarkedSafe(&'m str),
}

impl Missed {
    /// What went wrong most: for a chat, a missed red flag or a harmless message marked
    /// (a missed flag when as common, being the more serious); for a question, the wrong
    /// choice picked most.
    pub fn commonest_mistake(&self) -> Option<Mistake<'_>> {
        let wrong = self.top_wrong.as_ref();
        match &self.top_missed_flag {
            Some((flag, times)) if wrong.is_none_or(|(_, w)| w <= times) => {
                Some(Mistake::MissedFlag(flag))
            }
            Some(_) => wrong.map(|(text, _)| Mistake::MarkedSafe(text)),
            None => wrong.map(|(text, _)| Mistake::Chose(text)),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassReport {
    /// The lessons reported on, in order.
    pub lessons: Vec<(String, String)>,
    /// Each student's name and a cell per lesson, in the same order.
    pub rows: Vec<(String, Vec<Cell>)>,
    pub totals: Vec<LessonTotals>,
    /// Most missed first.
    pub missed: Vec<Missed>,
    /// Each lesson's languages and whether each translation is a draft or reviewed,
    /// like "en, ur (draft)", in the lessons' order; empty when not known.
    pub languages: Vec<String>,
}

/// Builds the report for `lessons` over `students`.
pub fn class_report(lessons: &[&Lesson], students: &[Student]) -> ClassReport {
    let rows: Vec<(String, Vec<Cell>)> = students
        .iter()
        .map(|student| {
            let cells = lessons
                .iter()
                .map(|lesson| {
                    // Only attempts on this lesson's content: another lesson that used
                    // the same id (a replaced built-in one) is not counted as this one.
                    let record = student.record_of(lesson);
                    let record = record.as_ref();
                    Cell {
                        status: record.map_or(Status::NotStarted, |r| r.status()),
                        best_percent: record.and_then(|r| r.best_percent()),
                        attempts: record.map_or(0, |r| r.finished_attempts()),
                        passed: record.is_some_and(|r| r.has_passed()),
                        languages: in_order(
                            record
                                .iter()
                                .flat_map(|r| r.attempts.iter().map(|a| a.language.as_deref())),
                        ),
                    }
                })
                .collect();
            (student.name.clone(), cells)
        })
        .collect();
    let totals = (0..lessons.len())
        .map(|i| {
            let bests: Vec<u32> = rows
                .iter()
                .filter_map(|(_, cells)| cells[i].best_percent)
                .collect();
            LessonTotals {
                passed: rows.iter().filter(|(_, cells)| cells[i].passed).count(),
                average_best: (!bests.is_empty()).then(|| {
                    (bests.iter().sum::<u32>() as f64 / bests.len() as f64).round() as u32
                }),
            }
        })
        .collect();
    ClassReport {
        lessons: lessons
            .iter()
            .map(|l| (l.id.clone(), l.title.clone()))
            .collect(),
        rows,
        totals,
        missed: missed_questions(lessons, students),
        languages: Vec::new(),
    }
}

/// Each language once, English first, then in order (`None` is English: an attempt saved
/// before languages were kept).
fn in_order<'l>(languages: impl IntoIterator<Item = Option<&'l str>>) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in languages {
        let tag = tag.unwrap_or(crate::i18n::ENGLISH);
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_string());
        }
    }
    tags.sort_by_key(|t| (t != crate::i18n::ENGLISH, t.clone()));
    tags
}

impl ClassReport {
    /// The languages a student's attempts (row `row`) were in, over every lesson
    /// reported: "en, ur"; empty when they have not started one.
    pub fn student_languages(&self, row: usize) -> String {
        let cells = self.rows.get(row).map(|(_, cells)| cells.as_slice());
        let tags = cells.unwrap_or_default().iter().flat_map(|c| &c.languages);
        in_order(tags.map(|t| Some(t.as_str()))).join(", ")
    }

    /// The languages the class took lesson `column` in: "en, ur"; empty when nobody has
    /// started it.
    pub fn lesson_languages_taken(&self, column: usize) -> String {
        let tags = self
            .rows
            .iter()
            .filter_map(|(_, cells)| cells.get(column))
            .flat_map(|c| &c.languages);
        in_order(tags.map(|t| Some(t.as_str()))).join(", ")
    }
}

/// How one question went over the whole class.
#[derive(Default)]
struct Tally {
    missed: usize,
    answered: usize,
    /// How often each wrong item was picked.
    wrong: BTreeMap<String, usize>,
    /// How often each red flag of a chat was left unmarked.
    flags_missed: BTreeMap<String, usize>,
}

/// The item counted most (the first in order of a tie), and its count.
fn most(counts: BTreeMap<String, usize>) -> Option<(String, usize)> {
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
}

/// Every answered question of every attempt, replayed through the quiz engine so that
/// scoring here is exactly the scoring the child saw.
fn missed_questions(lessons: &[&Lesson], students: &[Student]) -> Vec<Missed> {
    // Keyed by lesson and question prompt, so a pool question counts as one question
    // whichever attempt drew it.
    let mut by_question: BTreeMap<(String, String), Tally> = BTreeMap::new();
    for lesson in lessons {
        for student in students {
            let Some(record) = student.record_of(lesson) else {
                continue;
            };
            for attempt in &record.attempts {
                let Ok(session) = Session::resume(lesson, attempt.state.clone()) else {
                    continue;
                };
                for index in 0..session.len() {
                    let Some(feedback) = session.feedback_at(index) else {
                        continue;
                    };
                    let prompt = session.summary_prompt(index).unwrap_or_default();
                    let entry = by_question.entry((lesson.id.clone(), prompt)).or_default();
                    entry.answered += 1;
                    if feedback.score < 1.0 {
                        entry.missed += 1;
                    }
                    for item in feedback.items.iter().filter(|i| i.picked && !i.correct) {
                        *entry.wrong.entry(item.text.clone()).or_default() += 1;
                    }
                    // A chat's usual mistake is a red flag not marked: count those too.
                    if matches!(session.view(index), Some(View::Chat { .. })) {
                        for item in feedback.items.iter().filter(|i| !i.picked && i.correct) {
                            *entry.flags_missed.entry(item.text.clone()).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
    let mut missed: Vec<Missed> = by_question
        .into_iter()
        .filter(|(_, tally)| tally.missed > 0)
        .map(|((lesson_id, prompt), tally)| Missed {
            lesson_id,
            prompt: crate::lesson::glossary::plain(&prompt),
            missed: tally.missed,
            answered: tally.answered,
            top_wrong: most(tally.wrong),
            top_missed_flag: most(tally.flags_missed),
        })
        .collect();
    missed.sort_by(|a, b| {
        let share = |m: &Missed| m.missed as f64 / m.answered as f64;
        b.missed
            .cmp(&a.missed)
            .then(share(b).total_cmp(&share(a)))
            .then(a.lesson_id.cmp(&b.lesson_id))
    });
    missed
}

/// A lesson's languages as the teacher sees them: English, then each translation with
/// its review status ("en, ur (draft), ur-Latn (reviewed by Amina Khan)").
pub fn languages_of(entry: &crate::lesson::LessonEntry) -> String {
    std::iter::once(crate::i18n::ENGLISH.to_string())
        .chain(entry.translations.values().map(|t| t.info.describe()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ClassReport {
    /// The report as CSV, one row per student and lesson, for a spreadsheet.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let _ = writer.write_record([
            "student",
            "lesson_id",
            "lesson",
            "status",
            "best_percent",
            "attempts",
            "passed",
            "languages",
        ]);
        let english = crate::strings::english();
        for (name, cells) in &self.rows {
            for ((id, title), cell) in self.lessons.iter().zip(cells) {
                let best = cell.best_percent.map(|p| p.to_string()).unwrap_or_default();
                let attempts = cell.attempts.to_string();
                let (name, id, title) = (
                    spreadsheet_safe(name),
                    spreadsheet_safe(id),
                    spreadsheet_safe(title),
                );
                let _ = writer.write_record([
                    name.as_str(),
                    &id,
                    &title,
                    &crate::strings::status(&english, cell.status),
                    &best,
                    &attempts,
                    if cell.passed { "yes" } else { "no" },
                    &cell.languages.join(", "),
                ]);
            }
        }
        let bytes = writer.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// The report as a text table: students by lessons, totals, most-missed questions.
    pub fn to_table(&self) -> String {
        self.to_table_within(None)
    }

    /// The report as a text table no wider than `columns` where it can be: the lesson
    /// columns go in blocks of as many as fit beside the names (L1-L10, then L11-L20...),
    /// and the most-missed questions wrap under their first word. `None`: one block.
    pub fn to_table_within(&self, columns: Option<usize>) -> String {
        const CELL: usize = 7;
        let mut out = String::new();
        let names: Vec<String> = self
            .rows
            .iter()
            .map(|(name, _)| crate::text::fit(name, NAME_COLUMNS).trim_end().to_string())
            .collect();
        let name_width = names
            .iter()
            .map(|n| crate::text::width(n))
            .max()
            .unwrap_or(7)
            .max(7);
        // Padded by terminal columns, not characters, so wide letters keep rows aligned.
        let pad = |text: &str| {
            let gap = name_width.saturating_sub(crate::text::width(text));
            format!("{text}{}", " ".repeat(gap))
        };
        out.push_str("Lessons:\n");
        for (i, (id, title)) in self.lessons.iter().enumerate() {
            let lead = format!("  L{:<3} ", i + 1);
            let mut lesson = format!("{id} ({title})");
            let taken = self.lesson_languages_taken(i);
            if !taken.is_empty() {
                lesson.push_str(&format!(", taken in {taken}"));
            }
            hanging(&mut out, &lead, lead.len() + 2, &lesson, columns);
        }
        let per_block = match columns {
            Some(columns) => (columns.saturating_sub(name_width) / CELL).max(1),
            None => self.lessons.len().max(1),
        };
        let lessons: Vec<usize> = (0..self.lessons.len()).collect();
        let blocks: Vec<&[usize]> = lessons.chunks(per_block).collect();
        for (b, block) in blocks.iter().enumerate() {
            // The languages column is last, after the last block's lessons, so that the
            // lesson columns line up whatever its width.
            let last = b + 1 == blocks.len();
            out.push_str(&format!("\n{:name_width$}", "STUDENT"));
            for i in block.iter() {
                out.push_str(&format!(" {:>6}", format!("L{}", i + 1)));
            }
            out.push_str(if last { "  LANGUAGES\n" } else { "\n" });
            for (row, ((_, cells), name)) in self.rows.iter().zip(&names).enumerate() {
                out.push_str(&pad(name));
                for &i in block.iter() {
                    out.push_str(&format!(" {:>6}", cell_text(&cells[i])));
                }
                if last {
                    let languages = self.student_languages(row);
                    if languages.is_empty() {
                        out.push_str("  -");
                    } else {
                        out.push_str(&format!("  {languages}"));
                    }
                }
                out.push('\n');
            }
            out.push_str(&format!("{:name_width$}", "PASSED"));
            for &i in block.iter() {
                let t = &self.totals[i];
                out.push_str(&format!(
                    " {:>6}",
                    format!("{}/{}", t.passed, self.rows.len())
                ));
            }
            out.push('\n');
            out.push_str(&format!("{:name_width$}", "AVERAGE"));
            for &i in block.iter() {
                let avg = self.totals[i]
                    .average_best
                    .map_or("-".to_string(), |a| format!("{a}%"));
                out.push_str(&format!(" {avg:>6}"));
            }
            out.push('\n');
        }
        out.push('\n');
        hanging(
            &mut out,
            "",
            0,
            "Key: 85%* best score, passed · 40% best score, not yet passed · ... in progress · - not started",
            columns,
        );
        hanging(
            &mut out,
            "",
            0,
            "LANGUAGES: the languages each student's lessons were shown in",
            columns,
        );
        if self.missed.is_empty() {
            out.push_str("\nNo question has been missed yet.\n");
        } else {
            out.push_str("\nQuestions the class missed most:\n");
            for m in self.missed.iter().take(10) {
                let question = format!(
                    "{} of {} answers missed  {}: {}",
                    m.missed, m.answered, m.lesson_id, m.prompt
                );
                hanging(&mut out, "  ", 4, &question, columns);
                if let Some((text, count)) = &m.top_missed_flag {
                    let flag = format!("red flag most often not marked ({count}x): {text}");
                    hanging(&mut out, "      ", 8, &flag, columns);
                }
                if let Some((text, count)) = &m.top_wrong {
                    let what = match m.top_missed_flag {
                        Some(_) => "harmless message most often marked",
                        None => "most chosen wrong answer",
                    };
                    let wrong = format!("{what} ({count}x): {text}");
                    hanging(&mut out, "      ", 8, &wrong, columns);
                }
            }
        }
        out
    }
}

/// `text` after `lead`, wrapped within `columns` (when given) with its further lines
/// `hang` columns in, so each item stands out from the one before.
fn hanging(out: &mut String, lead: &str, hang: usize, text: &str, columns: Option<usize>) {
    let Some(columns) = columns else {
        out.push_str(&format!("{lead}{text}\n"));
        return;
    };
    let room = columns.saturating_sub(lead.len().max(hang) + 1).max(20);
    for (i, line) in crate::text::wrap(text, room).iter().enumerate() {
        match i {
            0 => out.push_str(lead),
            _ => out.push_str(&" ".repeat(hang)),
        }
        out.push_str(line);
        out.push('\n');
    }
}

/// The widest a name is shown in the table, in terminal columns; the CSV keeps it whole.
const NAME_COLUMNS: usize = 40;

/// A cell a spreadsheet would take as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
/// return first) gets a `'` in front, as OWASP advises against CSV injection, so a name
/// like `=HYPERLINK(...)` shows as text and never runs.
fn spreadsheet_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// A table cell: best score with a star when passed, "..." in progress, "-" not started.
pub fn cell_text(cell: &Cell) -> String {
    match (cell.best_percent, cell.status) {
        (Some(best), _) if cell.passed => format!("{best}%*"),
        (Some(best), _) => format!("{best}%"),
        (None, Status::InProgress) => "...".into(),
        _ => "-".into(),
    }
}
