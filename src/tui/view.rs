//! Drawing: each screen is a function of the app's state. Nothing here changes state.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, BorderType, Borders, Clear, Paragraph, Wrap,
};

use super::app::{
    App, LessonsScreen, Player, Screen, StudentsScreen, TeacherScreen, lesson_progress, lessons_for,
};
use super::keys::{self, Binding};
use super::theme::Theme;
use crate::lesson::{QuestionKind, Sender};
use crate::progress::Status;
use crate::quiz::{Feedback, Verdict, View};
use crate::strings;
use crate::text::{self as lesson_text, Block as TextBlock};

/// The smallest window the app draws in; below it, it asks for a bigger one.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 15;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "Please make the window bigger.\n\nMehfooz needs at least {MIN_WIDTH} x {MIN_HEIGHT}; this one is {} x {}.",
            area.width, area.height
        );
        let height = 4.min(area.height);
        let middle = Rect {
            y: area.y + area.height.saturating_sub(height) / 2,
            height,
            ..area
        };
        frame.render_widget(
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            middle,
        );
        return;
    }
    let [header, body, notice, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(if app.notice.is_some() { 2 } else { 0 }),
        Constraint::Length(1),
    ])
    .areas(area);
    let (right, bindings) = match &app.screen {
        Screen::Students(s) => (
            String::new(),
            if s.typing.is_some() {
                keys::TYPING
            } else {
                keys::STUDENTS
            },
        ),
        Screen::Lessons(l) => (l.student.name.clone(), keys::LESSONS),
        Screen::Player(p) => (p.student.name.clone(), player_bindings(p)),
        Screen::Teacher(_) => ("Teacher".to_string(), keys::TEACHER),
    };
    draw_header(frame, header, &right, theme);
    match &app.screen {
        Screen::Students(s) => draw_students(frame, body, app, s, theme),
        Screen::Lessons(l) => draw_lessons(frame, body, app, l, theme),
        Screen::Player(p) => draw_player(frame, body, p, theme),
        Screen::Teacher(t) => draw_teacher(frame, body, t, theme),
    }
    if let Some(text) = &app.notice {
        frame.render_widget(
            Paragraph::new(text.as_str())
                .style(theme.notice)
                .wrap(Wrap { trim: true }),
            notice,
        );
    }
    if let Some(scroll) = app.help {
        draw_help(frame, body, app, scroll, theme);
        draw_bar(frame, bar, keys::HELP, theme);
    } else {
        draw_bar(frame, bar, bindings, theme);
    }
}

fn draw_header(frame: &mut Frame, area: Rect, right: &str, theme: &Theme) {
    let left = Line::from(vec![
        Span::styled(format!(" {} ", strings::APP_NAME), theme.title),
        Span::styled(format!("· {}", strings::TAGLINE), theme.dim),
    ]);
    frame.render_widget(Paragraph::new(left), area);
    if !right.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(format!("{right} "), theme.title))
                .alignment(Alignment::Right),
            area,
        );
    }
}

/// The help bar: every key of this screen, drawn from the same table that handles them.
fn draw_bar(frame: &mut Frame, area: Rect, bindings: &[Binding], theme: &Theme) {
    let mut spans = vec![Span::raw(" ")];
    for b in bindings {
        spans.push(Span::styled(b.keys, theme.key));
        spans.push(Span::styled(format!(" {}   ", b.what), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn player_bindings(p: &Player) -> &'static [Binding] {
    let session = &p.run.session;
    if session.is_finished() {
        return keys::SUMMARY;
    }
    if !session.awaiting_answer() {
        return match session.current() {
            Some(View::Page { .. }) => keys::PAGE,
            _ => keys::FEEDBACK,
        };
    }
    match session.current() {
        Some(View::Chat { .. }) => keys::CHAT,
        Some(View::Question { question, .. }) if question.kind == QuestionKind::Multiple => {
            keys::MULTIPLE
        }
        _ => keys::SINGLE,
    }
}

fn panel<'a>(title: impl Into<Line<'a>>, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(title.into().style(theme.title))
}

fn draw_students(frame: &mut Frame, area: Rect, app: &App, screen: &StudentsScreen, theme: &Theme) {
    let [intro, list] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let lessons = app.catalog.lessons.len();
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(""),
            Line::styled(" Assalam-o-alaikum! Welcome to Mehfooz.", theme.title),
            Line::styled(" Short lessons about staying safe online.", theme.text),
        ]),
        intro,
    );
    let block = panel(" Who is learning today? ", theme);
    if let Some(name) = &screen.typing {
        let lines = vec![
            Line::from(""),
            Line::from(" Type your name or nickname, then press Enter:"),
            Line::from(""),
            Line::from(vec![
                Span::raw("   "),
                Span::styled(format!("{name}_"), theme.selected),
            ]),
            Line::from(""),
            Line::styled(
                " Only your name is saved, on this computer, with your lesson scores.",
                theme.dim,
            ),
        ];
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            list,
        );
        return;
    }
    let mut lines = Vec::new();
    for (i, student) in app.class.iter().enumerate() {
        let passed = student.lessons.values().filter(|r| r.has_passed()).count();
        let text = format!(" {}  ({passed} of {lessons} lessons passed) ", student.name);
        lines.push(choice_line(i == screen.selected, text, theme));
    }
    lines.push(choice_line(
        screen.selected >= app.class.len(),
        " + I am new: type my name ".to_string(),
        theme,
    ));
    let inner = block.inner(list);
    let scroll = scroll_to(screen.selected, inner.height);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), list);
}

fn choice_line(selected: bool, text: String, theme: &Theme) -> Line<'static> {
    if selected {
        Line::from(vec![
            Span::styled(" ▶", theme.key),
            Span::styled(text, theme.selected),
        ])
    } else {
        Line::from(vec![Span::raw("  "), Span::styled(text, theme.text)])
    }
}

/// The first row to show so that row `index` is visible in `height` rows.
fn scroll_to(index: usize, height: u16) -> u16 {
    (index as u16).saturating_sub(height.saturating_sub(1))
}

fn draw_lessons(frame: &mut Frame, area: Rect, app: &App, screen: &LessonsScreen, theme: &Theme) {
    let [class, filter, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(4),
    ])
    .areas(area);
    // The class's overall progress: lessons passed out of all students x lessons.
    let lessons = app.catalog.lessons.len();
    let students = app.class.len().max(1);
    let passed: usize = app
        .class
        .iter()
        .map(|s| {
            app.catalog
                .lessons
                .iter()
                .filter(|e| s.record_of(&e.lesson).is_some_and(|r| r.has_passed()))
                .count()
        })
        .sum();
    let total = students * lessons;
    let ratio = if total == 0 {
        0.0
    } else {
        passed as f64 / total as f64
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" Class: ", theme.title),
            Span::raw(format!(
                "{} student{}, {passed} of {total} lessons passed ",
                app.class.len(),
                if app.class.len() == 1 { "" } else { "s" }
            )),
            Span::styled(bar(ratio, 12), theme.gauge),
        ])),
        class,
    );
    let showing = match screen.ages {
        None => "all ages".to_string(),
        Some((min, max)) => strings::ages(min, max),
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" Showing: ", theme.dim),
            Span::raw(showing),
            Span::styled("  (press a to change)", theme.dim),
        ])),
        filter,
    );
    let shown = lessons_for(app.catalog, screen.ages);
    let block = panel(format!(" Lessons for {} ", screen.student.name), theme);
    let inner = block.inner(list);
    let title_width = inner.width.saturating_sub(36).max(10) as usize;
    // Only the rows in view are laid out: a library may hold a thousand lessons.
    let scroll = scroll_to(screen.selected, inner.height);
    let mut lines = Vec::new();
    for (i, entry) in shown
        .iter()
        .enumerate()
        .skip(scroll as usize)
        .take(inner.height as usize)
    {
        let lesson = &entry.lesson;
        let (status, ratio) = lesson_progress(&screen.student, lesson);
        let title = lesson_text::fit(&lesson.title, title_width);
        let text = format!(
            " {title} {:>5} {:>3}m {} {:<14}",
            format!("{}-{}", lesson.ages.min, lesson.ages.max),
            lesson.minutes,
            bar(ratio, 6),
            strings::status(status),
        );
        let mut line = choice_line(i == screen.selected, text, theme);
        if i != screen.selected && status == Status::Passed {
            line = line.style(theme.right);
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(Line::from(
            " No lessons for this age. Press a to see others.",
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), list);
    if let Some(entry) = shown.get(screen.selected) {
        let lesson = &entry.lesson;
        let best = screen
            .student
            .record_of(lesson)
            .and_then(|r| r.best_percent())
            .map(|p| format!("   Best score: {p}%"))
            .unwrap_or_default();
        let text = vec![
            Line::styled(format!(" {}", lesson.summary), theme.text),
            Line::styled(
                format!(
                    " {} questions, about {} minutes, pass mark {}%.{best}",
                    lesson.question_count(),
                    lesson.minutes,
                    lesson.pass_percent
                ),
                theme.dim,
            ),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), detail);
    }
    if !app.catalog.broken_files.is_empty() {
        let n = app.catalog.broken_files.len();
        let warn = format!(
            " {n} lesson file{} could not be loaded: a teacher can run `mehfooz check`. ",
            if n == 1 { "" } else { "s" },
        );
        let row = Rect {
            y: detail.y + detail.height.saturating_sub(1),
            height: 1,
            ..detail
        };
        frame.render_widget(Paragraph::new(warn).style(theme.notice), row);
    }
}

/// A text gauge like `████░░░░`.
fn bar(ratio: f64, width: usize) -> String {
    let full = ((ratio.clamp(0.0, 1.0) * width as f64).round()) as usize;
    format!("{}{}", "█".repeat(full), "░".repeat(width - full))
}

fn draw_player(frame: &mut Frame, area: Rect, player: &Player, theme: &Theme) {
    let session = &player.run.session;
    let lesson = session.lesson();
    let step = if session.is_finished() {
        "finished".to_string()
    } else {
        format!("step {} of {}", session.position() + 1, session.len())
    };
    let progress = session.position() as f64 / session.len().max(1) as f64;
    let title = Line::from(vec![
        Span::styled(format!(" {} ", lesson.title), theme.title),
        Span::styled(format!("· {step} {} ", bar(progress, 10)), theme.dim),
    ]);
    let block = panel(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let (lines, focus) = match session.current() {
        None => (summary_lines(player, theme), None),
        Some(View::Page { title, text }) => (page_lines(title, text, theme), None),
        Some(View::Question {
            question,
            choices,
            number,
            total,
        }) => {
            let mut lines = vec![
                Line::styled(format!("Question {number} of {total}"), theme.dim),
                Line::styled(question.prompt.clone(), theme.title),
                Line::from(""),
            ];
            let feedback = player.feedback();
            let mut focus = None;
            match &feedback {
                Some(feedback) => lines.extend(feedback_lines(feedback, theme)),
                None => {
                    let multiple = question.kind == QuestionKind::Multiple;
                    match question.kind {
                        QuestionKind::Multiple => {
                            lines.push(Line::styled("Tick every right answer.", theme.dim));
                        }
                        QuestionKind::TrueFalse => {
                            lines.push(Line::styled("True or false?", theme.dim));
                        }
                        QuestionKind::Single => {}
                    }
                    for (i, choice) in choices.iter().enumerate() {
                        let mark = match (multiple, player.marked.contains(&i)) {
                            (true, true) => "[x]",
                            (true, false) => "[ ]",
                            (false, _) if i == player.cursor => "(•)",
                            (false, _) => "( )",
                        };
                        if i == player.cursor {
                            focus = Some(lines.len());
                        }
                        lines.push(choice_line(
                            i == player.cursor,
                            format!(" {mark} {}. {} ", i + 1, choice.text),
                            theme,
                        ));
                    }
                    if player.show_hint
                        && let Some(hint) = &question.hint
                    {
                        lines.push(Line::from(""));
                        lines.push(Line::from(vec![
                            Span::styled("Hint: ", theme.key),
                            Span::raw(hint.clone()),
                        ]));
                    }
                }
            }
            (lines, focus)
        }
        Some(View::Chat {
            chat,
            number,
            total,
        }) => {
            let mut lines = vec![
                Line::styled(
                    format!("Question {number} of {total}: a pretend chat"),
                    theme.dim,
                ),
                Line::styled(chat.title.clone(), theme.title),
            ];
            if let Some(intro) = &chat.intro {
                lines.push(Line::raw(intro.clone()));
            }
            lines.push(Line::from(""));
            let feedback = player.feedback();
            let mut focus = None;
            for (i, message) in chat.messages.iter().enumerate() {
                match message.from {
                    Sender::Me => {
                        lines.push(Line::from(vec![
                            Span::raw(if feedback.is_some() {
                                "      "
                            } else {
                                "          "
                            }),
                            Span::styled("You: ", theme.me),
                            Span::raw(message.text.clone()),
                        ]));
                    }
                    Sender::Them => {
                        let picked = match &feedback {
                            Some(_) => session
                                .answer_at(session.position())
                                .is_some_and(|a| a.contains(&i)),
                            None => player.marked.contains(&i),
                        };
                        let mark = if picked { "[⚑]" } else { "[ ]" };
                        let selected = feedback.is_none() && i == player.cursor;
                        if selected {
                            focus = Some(lines.len());
                        }
                        let style = if selected { theme.selected } else { theme.text };
                        lines.push(Line::from(vec![
                            Span::styled(if selected { "▶" } else { " " }, theme.key),
                            Span::styled(format!("{mark} {}. ", i + 1), style),
                            Span::styled(format!("{}: ", chat.with), theme.them),
                            Span::styled(message.text.clone(), style),
                        ]));
                        if feedback.is_some() {
                            let (label, style) = match (message.red_flag, picked) {
                                (true, true) => ("✓ Red flag, and you spotted it. ", theme.right),
                                (true, false) => ("⚑ Red flag you missed. ", theme.wrong),
                                (false, true) => ("✗ This one is OK. ", theme.partly),
                                (false, false) => ("✓ This one is OK. ", theme.right),
                            };
                            lines.push(Line::from(vec![
                                Span::raw("      "),
                                Span::styled(label, style),
                                Span::styled(message.why.clone().unwrap_or_default(), theme.dim),
                            ]));
                        }
                    }
                }
            }
            if let Some(feedback) = &feedback {
                lines.insert(2, verdict_line(feedback, theme));
            } else {
                lines.push(Line::from(""));
                lines.push(Line::styled(
                    "Mark every message that is a warning sign, then press Enter.",
                    theme.dim,
                ));
            }
            (lines, focus)
        }
    };
    let mut lines = lines;
    if let Some(problem) = &player.problem {
        lines.push(Line::from(""));
        lines.push(Line::styled(problem.clone(), theme.wrong));
    }
    let paragraph = Paragraph::new(Text::from(lines.clone())).wrap(Wrap { trim: false });
    let height = paragraph.line_count(inner.width) as u16;
    let max_scroll = height.saturating_sub(inner.height);
    let scroll = match focus {
        // Keep the highlighted choice in view.
        Some(row) => {
            let above = Paragraph::new(Text::from(lines[..=row].to_vec()))
                .wrap(Wrap { trim: false })
                .line_count(inner.width) as u16;
            above.saturating_sub(inner.height).min(max_scroll)
        }
        None => player.scroll.min(max_scroll),
    };
    frame.render_widget(paragraph.scroll((scroll, 0)), inner);
    if scroll < max_scroll {
        let more = Rect {
            y: area.y + area.height - 1,
            x: area.x + area.width.saturating_sub(14),
            width: 12.min(area.width),
            height: 1,
        };
        frame.render_widget(Paragraph::new(Span::styled(" ↓ more ", theme.key)), more);
    }
}

fn page_lines(title: &str, text: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(title.to_string(), theme.title), Line::from("")];
    lines.extend(text_lines(text, theme));
    lines
}

/// Lesson text as lines: paragraphs with a blank line after, bullets with a dot.
fn text_lines(text: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for block in lesson_text::blocks(text) {
        match block {
            TextBlock::Paragraph(p) => {
                // A paragraph straight after a list gets the same space as any other.
                if lines.last().is_some_and(|l: &Line| l.width() > 0) {
                    lines.push(Line::from(""));
                }
                lines.push(Line::raw(p));
                lines.push(Line::from(""));
            }
            TextBlock::Bullet(b) => lines.push(Line::from(vec![
                Span::styled("  • ", theme.key),
                Span::raw(b),
            ])),
        }
    }
    lines
}

fn verdict_line(feedback: &Feedback, theme: &Theme) -> Line<'static> {
    let style = match feedback.verdict {
        Verdict::Correct => theme.right,
        Verdict::PartlyCorrect => theme.partly,
        Verdict::NotQuite => theme.wrong,
    };
    let mut text = strings::verdict(feedback.verdict).to_string();
    if feedback.verdict == Verdict::PartlyCorrect {
        text.push_str(&format!(
            " ({}% of this one)",
            (feedback.score * 100.0).round()
        ));
    }
    Line::styled(text, style)
}

fn feedback_lines(feedback: &Feedback, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![verdict_line(feedback, theme), Line::from("")];
    for (i, item) in feedback.items.iter().enumerate() {
        let (mark, style, label) = match (item.picked, item.correct) {
            (true, true) => ("✓", theme.right, "your answer, right"),
            (true, false) => ("✗", theme.wrong, "your answer, not right"),
            (false, true) => ("✓", theme.right, "a right answer"),
            (false, false) => (" ", theme.dim, ""),
        };
        let mut spans = vec![
            Span::styled(format!("{mark} {}. ", i + 1), style),
            Span::styled(
                item.text.clone(),
                if item.picked || item.correct {
                    style
                } else {
                    theme.text
                },
            ),
        ];
        if !label.is_empty() {
            spans.push(Span::styled(format!("  ({label})"), theme.dim));
        }
        lines.push(Line::from(spans));
        if let Some(note) = &item.note
            && (item.picked || item.correct)
        {
            lines.push(Line::from(vec![
                Span::raw("     "),
                Span::styled(note.clone(), theme.text),
            ]));
        }
    }
    if let Some(explanation) = &feedback.explanation {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            explanation.clone(),
            theme.text.add_modifier(Modifier::ITALIC),
        ));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled("Press Enter to go on.", theme.dim));
    lines
}

fn summary_lines(player: &Player, theme: &Theme) -> Vec<Line<'static>> {
    let session = &player.run.session;
    let lesson = session.lesson();
    let summary = session.summary();
    let mut lines = vec![
        Line::styled("Lesson finished!", theme.title),
        Line::from(""),
        Line::styled(
            strings::score_line(summary.percent, lesson.pass_percent, summary.passed),
            if summary.passed {
                theme.right
            } else {
                theme.partly
            },
        ),
        Line::styled(
            format!(
                "Score: {} {}%",
                bar(summary.percent as f64 / 100.0, 20),
                summary.percent
            ),
            theme.gauge,
        ),
        Line::from(""),
    ];
    let review: Vec<_> = summary.to_review().collect();
    if review.is_empty() {
        lines.push(Line::raw("You got every question right. Well done!"));
    } else {
        lines.push(Line::styled("Questions to look at again:", theme.title));
        for q in review {
            lines.push(Line::raw(format!("  {}. {}", q.number, q.prompt)));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(strings::NEVER_YOUR_FAULT, theme.dim));
    lines.push(Line::styled(
        "Press Enter for the lessons, or r to try again.",
        theme.dim,
    ));
    lines
}

fn draw_help(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let popup = area;
    frame.render_widget(Clear, popup);
    let block = panel(" Help ", theme).padding(ratatui::widgets::Padding::horizontal(1));
    let mut lines = vec![Line::styled("Get help now", theme.title)];
    match &app.catalog.help {
        Some(help) => {
            lines.extend(text_lines(&help.advice, theme));
            if let Some(region) = help.region(app.region.as_deref()) {
                lines.push(Line::from(""));
                lines.push(Line::styled(
                    format!("Help lines: {}", region.name),
                    theme.title,
                ));
                for line in &region.lines {
                    lines.push(Line::from(vec![
                        Span::styled(format!("{}: ", line.name), theme.key),
                        Span::styled(line.contact.clone(), theme.title),
                    ]));
                    lines.push(Line::raw(format!("   {}", line.purpose)));
                    let confirmed = match line.confirmed {
                        Some(date) => format!("   Last confirmed {date} ({}).", line.source),
                        None => format!(
                            "   Source: {}. Date not known: check before calling.",
                            line.source
                        ),
                    };
                    lines.push(Line::styled(confirmed, theme.dim));
                }
                let others: Vec<&str> = help
                    .regions
                    .iter()
                    .filter(|r| r.id != region.id)
                    .map(|r| r.id.as_str())
                    .collect();
                if !others.is_empty() {
                    lines.push(Line::styled(
                        format!(
                            "Other regions: start with --region {}",
                            others.join(" or --region ")
                        ),
                        theme.dim,
                    ));
                }
            }
        }
        None => lines.push(Line::raw(strings::NEVER_YOUR_FAULT)),
    }
    lines.push(Line::from(""));
    lines.push(Line::styled("Keys", theme.title));
    for (screen, bindings) in [
        ("Choosing your name", keys::STUDENTS),
        ("Choosing a lesson", keys::LESSONS),
        ("Reading a page", keys::PAGE),
        ("One answer", keys::SINGLE),
        ("Several answers", keys::MULTIPLE),
        ("A pretend chat", keys::CHAT),
    ] {
        let keys: Vec<String> = bindings
            .iter()
            .map(|b| format!("{} {}", b.keys, b.what))
            .collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{screen}: "), theme.key),
            Span::raw(keys.join(", ")),
        ]));
    }
    lines.push(Line::raw(
        "Ctrl-C quits at once. Your answers are saved as you go.",
    ));
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let inner = block.inner(popup);
    let height = paragraph.line_count(inner.width) as u16;
    let scroll = scroll.min(height.saturating_sub(inner.height));
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), popup);
}

/// A lesson file's problems, in place of the lesson, while it has errors (preview).
pub fn draw_problems(
    frame: &mut Frame,
    file: &std::path::Path,
    diagnostics: &[crate::diagnostic::Diagnostic],
    watching: bool,
    scroll: u16,
    theme: &Theme,
) {
    let area = frame.area();
    let [header, body, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, header, "Preview", theme);
    let mut lines = vec![
        Line::styled(
            format!(
                "{} cannot be shown yet: fix these problems.",
                file.display()
            ),
            theme.wrong,
        ),
        Line::from(""),
    ];
    for d in diagnostics {
        for (i, text) in d.to_string().lines().enumerate() {
            let style = if i == 0 { theme.title } else { theme.text };
            lines.push(Line::styled(text.to_string(), style));
        }
        lines.push(Line::from(""));
    }
    if watching {
        lines.push(Line::styled(
            "Save the file and this screen updates by itself.",
            theme.dim,
        ));
    }
    let block = panel(" Problems ", theme);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        body,
    );
    draw_bar(frame, bar, keys::PROBLEMS, theme);
}

/// The class report: students by lessons, then a bar chart of the most missed questions.
fn draw_teacher(frame: &mut Frame, area: Rect, screen: &TeacherScreen, theme: &Theme) {
    let report = &screen.report;
    let chart_height = if report.missed.is_empty() {
        3
    } else {
        (area.height / 3).clamp(5, 9)
    };
    let [table_area, chart_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(chart_height)]).areas(area);
    let block = panel(
        format!(" How the class is doing: {} students ", report.rows.len()),
        theme,
    );
    let inner = block.inner(table_area);
    frame.render_widget(block, table_area);
    let name_width = report
        .rows
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(7)
        .clamp(7, 20);
    const COLUMN: usize = 7;
    let room = ((inner.width as usize).saturating_sub(name_width + 2) / COLUMN).max(1);
    let columns: Vec<usize> = (screen.column..report.lessons.len()).take(room).collect();
    let mut header = format!(" {:name_width$}", "STUDENT");
    for &c in &columns {
        header.push_str(&format!("{:>COLUMN$}", format!("L{}", c + 1)));
    }
    let mut lines = vec![Line::styled(header, theme.title)];
    let body_rows = (inner.height as usize).saturating_sub(5);
    for (name, cells) in report.rows.iter().skip(screen.row).take(body_rows) {
        let mut line = format!(" {}", lesson_text::fit(name, name_width));
        for &c in &columns {
            line.push_str(&format!("{:>COLUMN$}", crate::report::cell_text(&cells[c])));
        }
        lines.push(Line::raw(line));
    }
    let mut passed = format!(" {:name_width$}", "PASSED");
    for &c in &columns {
        let t = &report.totals[c];
        passed.push_str(&format!(
            "{:>COLUMN$}",
            format!("{}/{}", t.passed, report.rows.len())
        ));
    }
    lines.push(Line::styled(passed, theme.title));
    let names: Vec<String> = columns
        .iter()
        .map(|&c| format!("L{} {}", c + 1, report.lessons[c].1))
        .collect();
    lines.push(Line::styled(format!(" {}", names.join(" · ")), theme.dim));
    lines.push(Line::styled(
        " 85%* best score, passed · 40% not yet passed · ... in progress · - not started",
        theme.dim,
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);

    let block = panel(" Questions the class missed most ", theme);
    let inner = block.inner(chart_area);
    frame.render_widget(block, chart_area);
    if report.missed.is_empty() {
        frame.render_widget(Paragraph::new(" No question has been missed yet."), inner);
        return;
    }
    let [bars_area, legend_area] =
        Layout::horizontal([Constraint::Length(26), Constraint::Fill(1)]).areas(inner);
    let top: Vec<_> = report.missed.iter().take(5).collect();
    let bars: Vec<Bar> = top
        .iter()
        .enumerate()
        .map(|(i, m)| {
            Bar::default()
                .value(m.missed as u64)
                .label(Line::from(format!("{}", i + 1)))
                .style(theme.wrong)
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(3)
            .bar_gap(2)
            .value_style(theme.selected),
        bars_area,
    );
    let legend: Vec<Line> = top
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let wrong = m
                .top_wrong
                .as_ref()
                .map(|(text, _)| format!(" (most chose: {text})"))
                .unwrap_or_default();
            Line::from(vec![
                Span::styled(
                    format!("{}. {} of {} missed: ", i + 1, m.missed, m.answered),
                    theme.key,
                ),
                Span::raw(format!("{}{wrong}", m.prompt)),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(legend).wrap(Wrap { trim: false }),
        legend_area,
    );
}
