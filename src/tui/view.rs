//! Drawing: each screen is a function of the app's state. Nothing here changes state.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, BorderType, Borders, Clear, Paragraph, Wrap,
};

use super::app::{
    App, LessonsScreen, Player, Screen, StudentsScreen, Target, TeacherScreen, lesson_progress,
    lessons_for,
};
use super::keys::{self, Binding};
use super::theme::Theme;
use crate::lesson::QuestionKind;
use crate::lesson::glossary::{self, Meaning};
use crate::progress::Status;
use crate::quiz::{Feedback, Verdict, View};
use crate::strings;
use crate::text::{self as lesson_text, Block as TextBlock};

/// The smallest window the app draws in; below it, it asks for a bigger one.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 15;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    draw_with_targets(frame, app, theme);
}

/// Draws a frame and says where on it each thing a click can reach was drawn: the loop
/// keeps this to turn a click into a `Msg::Click`, so `update` never sees screen rows.
pub fn draw_with_targets(frame: &mut Frame, app: &App, theme: &Theme) -> Vec<(Rect, Target)> {
    let mut targets = Vec::new();
    draw_into(frame, app, theme, &mut targets);
    targets
}

fn draw_into(frame: &mut Frame, app: &App, theme: &Theme, targets: &mut Vec<(Rect, Target)>) {
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
    let (right, bindings) = match &app.screen {
        Screen::Students(s) => (
            String::new(),
            if s.pin.is_some() {
                keys::TEACHER_PIN
            } else if s.asking.is_some() {
                keys::IS_THIS_YOU
            } else if s.typing.is_some() {
                keys::TYPING
            } else {
                keys::STUDENTS
            },
        ),
        Screen::Lessons(l) => (l.student.name.clone(), keys::LESSONS),
        Screen::Player(p) => (p.student.name.clone(), player_bindings(p)),
        Screen::Teacher(_) => ("Teacher".to_string(), keys::TEACHER),
    };
    let with_words: Vec<Binding>;
    let bindings = match &app.screen {
        _ if app.help.is_some() => keys::HELP,
        Screen::Player(p) if p.words.is_some() => keys::WORDS,
        Screen::Player(p) if !p.meanings().is_empty() => {
            // The words key sits before help, where a child looks for what to press.
            let help = bindings.iter().position(|b| b.keys == "?");
            let mut keys = bindings.to_vec();
            keys.insert(help.unwrap_or(keys.len()), keys::WORDS_KEY);
            with_words = keys;
            &with_words
        }
        _ => bindings,
    };
    // A narrow window wraps the keys onto a second row rather than losing some.
    let bar_lines = bar_lines(bindings, area.width, theme);
    let [header, body, notice, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(if app.notice.is_some() { 2 } else { 0 }),
        Constraint::Length(bar_lines.len() as u16),
    ])
    .areas(area);
    draw_header(frame, header, &right, theme);
    match &app.screen {
        Screen::Students(s) => draw_students(frame, body, app, s, theme, targets),
        Screen::Lessons(l) => draw_lessons(frame, body, app, l, theme, targets),
        Screen::Player(p) => draw_player(frame, body, p, theme, targets),
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
    if let Screen::Player(p) = &app.screen
        && let Some(scroll) = p.words
    {
        // The meanings cover the step: nothing under them can be clicked.
        targets.clear();
        draw_words(frame, body, &p.meanings(), scroll, theme);
    }
    if let Some(scroll) = app.help {
        // Help covers the screen: nothing under it can be clicked.
        targets.clear();
        draw_help(frame, body, app, scroll, theme);
    }
    frame.render_widget(Paragraph::new(bar_lines), bar);
}

fn draw_header(frame: &mut Frame, area: Rect, right: &str, theme: &Theme) {
    let left = Line::from(vec![
        Span::styled(
            format!(" {} ", strings::english().text("app-name")),
            theme.title,
        ),
        Span::styled(
            format!("· {}", strings::english().text("tagline")),
            theme.dim,
        ),
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

/// The help bar: every key of this screen, drawn from the same table that handles them,
/// on as many rows as `width` needs (a binding is never split).
fn bar_lines(bindings: &[Binding], width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for b in bindings {
        let what = format!(" {}   ", b.what);
        let needed = lesson_text::width(b.keys) + lesson_text::width(what.trim_end());
        if used + needed > width as usize && spans.len() > 1 {
            lines.push(Line::from(std::mem::replace(
                &mut spans,
                vec![Span::raw(" ")],
            )));
            used = 1;
        }
        used += lesson_text::width(b.keys) + lesson_text::width(&what);
        spans.push(Span::styled(b.keys, theme.key));
        spans.push(Span::styled(what, theme.dim));
    }
    lines.push(Line::from(spans));
    lines
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
        Some(View::Chat { .. }) if p.asked_none => keys::CHAT_NONE_MARKED,
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

fn draw_students(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screen: &StudentsScreen,
    theme: &Theme,
    targets: &mut Vec<(Rect, Target)>,
) {
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
    if let Some(pin) = &screen.pin {
        let stars = "*".repeat(pin.chars().count());
        let lines = typed_field(" Teacher PIN, then Enter:", &stars, theme);
        frame.render_widget(Paragraph::new(lines).block(block), list);
        return;
    }
    if let Some((_, known)) = &screen.asking {
        let lines = vec![
            Line::from(""),
            Line::styled(
                format!(" {}", strings::is_this_you(&strings::english(), known)),
                theme.title,
            ),
            Line::from(""),
            Line::raw(format!(" {}", strings::english().text("is-this-you-keys"))),
        ];
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            list,
        );
        return;
    }
    if let Some(name) = &screen.typing {
        let mut lines = typed_field(
            " Type your name or nickname, then press Enter:",
            name,
            theme,
        );
        lines.extend([
            Line::from(""),
            Line::styled(
                " Only your name is saved, on this computer, with your lesson scores.",
                theme.dim,
            ),
        ]);
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
    targets.extend(rows(inner, scroll, lines.len()).map(|(row, i)| (row, Target::Student(i))));
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

/// The rows of a list scrolled by `scroll` that show in `inner`, with the index of the
/// item on each.
fn rows(inner: Rect, scroll: u16, items: usize) -> impl Iterator<Item = (Rect, usize)> {
    (scroll as usize..items)
        .take(inner.height as usize)
        .enumerate()
        .map(move |(row, i)| {
            let rect = Rect {
                y: inner.y + row as u16,
                height: 1,
                ..inner
            };
            (rect, i)
        })
}

/// The first row to show so that row `index` is visible in `height` rows.
fn scroll_to(index: usize, height: u16) -> u16 {
    (index as u16).saturating_sub(height.saturating_sub(1))
}

/// A prompt and what has been typed after it, with a cursor mark.
fn typed_field(prompt: &'static str, typed: &str, theme: &Theme) -> Vec<Line<'static>> {
    vec![
        Line::from(""),
        Line::from(prompt),
        Line::from(""),
        Line::from(vec![
            Span::raw("   "),
            Span::styled(format!("{typed}_"), theme.selected),
        ]),
    ]
}

fn draw_lessons(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screen: &LessonsScreen,
    theme: &Theme,
    targets: &mut Vec<(Rect, Target)>,
) {
    let [class, filter, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(4),
    ])
    .areas(area);
    // The child's own progress; how the class is doing is for the teacher.
    let lessons = app.catalog.lessons.len();
    let passed = app
        .catalog
        .lessons
        .iter()
        .filter(|e| {
            screen
                .student
                .record_of(&e.lesson)
                .is_some_and(|r| r.has_passed())
        })
        .count();
    let ratio = passed as f64 / lessons.max(1) as f64;
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" You: ", theme.title),
            Span::raw(strings::own_progress(&strings::english(), passed, lessons)),
            Span::raw(" "),
            Span::styled(bar(ratio, 12), theme.gauge),
        ])),
        class,
    );
    let showing = match app.ages {
        None => "all ages".to_string(),
        Some((min, max)) => strings::ages(&strings::english(), min, max),
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" Showing: ", theme.dim),
            Span::raw(showing),
            Span::styled("  (press a to change)", theme.dim),
        ])),
        filter,
    );
    let shown = lessons_for(app.catalog, app.ages);
    let block = panel(format!(" Lessons for {} ", screen.student.name), theme);
    let inner = block.inner(list);
    let title_width = inner.width.saturating_sub(37).max(10) as usize;
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
        // A passed lesson taken again stays passed, with the new try shown beside it.
        let record = screen.student.record_of(lesson);
        let retrying = record
            .as_ref()
            .is_some_and(|r| r.has_passed() && r.open_attempt().is_some());
        let status_text = if retrying {
            strings::english().text("passed-trying-again")
        } else {
            strings::status(&strings::english(), status)
        };
        let text = format!(
            " {title} {:>5} {:>3}m {} {:<15}",
            format!("{}-{}", lesson.ages.min, lesson.ages.max),
            lesson.minutes,
            bar(ratio, 6),
            status_text,
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
    targets.extend(rows(inner, scroll, shown.len()).map(|(row, i)| (row, Target::Lesson(i))));
    if (scroll as usize) + (inner.height as usize) < shown.len() {
        more_below(frame, list, theme);
    }
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

fn draw_player(
    frame: &mut Frame,
    area: Rect,
    player: &Player,
    theme: &Theme,
    targets: &mut Vec<(Rect, Target)>,
) {
    // Where each choice or message starts and ends among the lines, for clicks.
    let mut items: Vec<(usize, usize, usize)> = Vec::new();
    let session = &player.run.session;
    let lesson = session.lesson();
    let step = if session.is_finished() {
        "finished".to_string()
    } else {
        format!("step {} of {}", session.position() + 1, session.len())
    };
    let progress = session.position() as f64 / session.len().max(1) as f64;
    // The lesson's title gives way first, so the step and the progress bar always show.
    let step = format!("· {step} {} ", bar(progress, 10));
    let room = (area.width as usize).saturating_sub(lesson_text::width(&step) + 6);
    let title = Line::from(vec![
        Span::styled(
            format!(" {} ", lesson_text::fit(&lesson.title, room).trim_end()),
            theme.title,
        ),
        Span::styled(step, theme.dim),
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
        Some(View::Page { title, text }) => (page_lines(title, text, inner.width, theme), None),
        Some(View::Question {
            question,
            choices,
            number,
            total,
        }) => {
            let mut lines = vec![
                Line::styled(format!("Question {number} of {total}"), theme.dim),
                Line::from(marked_spans(&question.prompt, theme.title, theme)),
                Line::from(""),
            ];
            let feedback = player.feedback();
            let mut focus = None;
            match &feedback {
                Some(feedback) => lines.extend(feedback_lines(feedback, inner.width, theme)),
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
                        let selected = player.cursor == Some(i);
                        let mark = match (multiple, player.marked.contains(&i)) {
                            (true, true) => "[x]",
                            (true, false) => "[ ]",
                            (false, _) if selected => "(•)",
                            (false, _) => "( )",
                        };
                        if selected {
                            focus = Some(lines.len());
                        }
                        let style = if selected { theme.selected } else { theme.text };
                        let lead = vec![
                            Span::styled(if selected { " ▶" } else { "  " }, theme.key),
                            Span::styled(format!(" {mark} {}. ", i + 1), style),
                        ];
                        let start = lines.len();
                        lines.extend(hang(lead, &choice.text, style, inner.width, theme));
                        items.push((start, lines.len(), i));
                    }
                    if player.show_hint
                        && let Some(hint) = &question.hint
                    {
                        lines.push(Line::from(""));
                        lines.push(Line::from(vec![Span::styled("Hint: ", theme.key)]));
                        if let Some(line) = lines.last_mut() {
                            line.spans
                                .extend(marked_spans(hint, Style::default(), theme));
                        }
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
                lines.extend(hang(Vec::new(), intro, theme.text, inner.width, theme));
            }
            lines.push(Line::from(""));
            let feedback = player.feedback();
            if let Some(feedback) = &feedback {
                lines.push(verdict_line(feedback, theme));
                lines.push(Line::from(""));
            }
            let markable = crate::quiz::markable(chat);
            let mut focus = None;
            for (i, message) in chat.messages.iter().enumerate() {
                let Some(number) = markable.iter().position(|&m| m == i) else {
                    // The child's own messages: no number, as they cannot be marked.
                    let lead = vec![Span::raw("        "), Span::styled("You: ", theme.me)];
                    lines.extend(hang(lead, &message.text, theme.text, inner.width, theme));
                    continue;
                };
                let picked = match &feedback {
                    Some(_) => session
                        .answer_at(session.position())
                        .is_some_and(|a| a.contains(&i)),
                    None => player.marked.contains(&i),
                };
                let mark = if picked { "[⚑]" } else { "[ ]" };
                let selected = feedback.is_none() && player.cursor == Some(i);
                if selected {
                    focus = Some(lines.len());
                }
                let style = if selected { theme.selected } else { theme.text };
                let lead = vec![
                    Span::styled(if selected { "▶" } else { " " }, theme.key),
                    Span::styled(format!("{mark} {}. ", number + 1), style),
                    Span::styled(format!("{}: ", chat.with), theme.them),
                ];
                let start = lines.len();
                lines.extend(hang(lead, &message.text, style, inner.width, theme));
                if feedback.is_none() {
                    items.push((start, lines.len(), number));
                }
                if feedback.is_some() {
                    let (sign, style) = match (message.red_flag, picked) {
                        (true, true) => ("✓", theme.right),
                        (true, false) => ("⚑", theme.wrong),
                        (false, true) => ("✗", theme.partly),
                        (false, false) => ("✓", theme.right),
                    };
                    let label =
                        strings::message_result(&strings::english(), picked, message.red_flag);
                    let why = message.why.as_deref().unwrap_or_default();
                    lines.extend(hang_labelled(
                        vec![Span::raw("      "), Span::styled(format!("{sign} "), style)],
                        (&label, style),
                        (why, theme.dim),
                        inner.width,
                        theme,
                    ));
                }
            }
            if feedback.is_none() {
                lines.push(Line::from(""));
                lines.push(Line::styled(
                    "Mark every message that is a warning sign, then press Enter.",
                    theme.dim,
                ));
            }
            (lines, focus)
        }
    };
    // What to do next stays in sight below the scrolling part, however long the chat.
    let inner = match &player.problem {
        Some(problem) => {
            let text = Paragraph::new(Line::styled(problem.clone(), theme.wrong))
                .wrap(Wrap { trim: true });
            let height = (text.line_count(inner.width) as u16).min(inner.height / 2);
            let [rest, _, below] = Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(height),
            ])
            .areas(inner);
            frame.render_widget(text, below);
            rest
        }
        None => inner,
    };
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
    let row_of = |line: usize| {
        Paragraph::new(Text::from(lines[..line].to_vec()))
            .wrap(Wrap { trim: false })
            .line_count(inner.width) as u16
    };
    for (start, end, item) in items {
        let (top, bottom) = (row_of(start), row_of(end));
        let top = top.max(scroll) - scroll;
        let bottom = bottom.saturating_sub(scroll).min(inner.height);
        if top < bottom {
            let rect = Rect {
                y: inner.y + top,
                height: bottom - top,
                ..inner
            };
            targets.push((rect, Target::Item(item)));
        }
    }
    if scroll < max_scroll {
        more_below(frame, area, theme);
    }
}

/// Puts an ASCII stand-in in every cell that holds anything else, for a terminal that
/// is not UTF-8: box corners and lines, marks and arrows become `+ - | > v x ! # . ^ <`,
/// and any other character (a letter it could not show anyway) a `?`.
pub fn ascii_only(buffer: &mut ratatui::buffer::Buffer) {
    for cell in buffer.content.iter_mut() {
        let symbol = cell.symbol();
        if symbol.is_ascii() {
            continue;
        }
        let stand_in = match symbol {
            "╭" | "╮" | "╰" | "╯" | "┌" | "┐" | "└" | "┘" => "+",
            "─" | "━" => "-",
            "│" | "┃" => "|",
            "▶" | "→" => ">",
            "←" => "<",
            "↑" => "^",
            "↓" => "v",
            "✓" => "v",
            "✗" => "x",
            "⚑" => "!",
            "•" | "·" => "*",
            "○" => "o",
            "█" => "#",
            "░" => ".",
            "…" => "~",
            _ => "?",
        };
        cell.set_symbol(stand_in);
    }
}

/// The "more below" mark on the bottom border of a panel that scrolls.
fn more_below(frame: &mut Frame, area: Rect, theme: &Theme) {
    let more = Rect {
        y: area.y + area.height.saturating_sub(1),
        x: area.x + area.width.saturating_sub(14),
        width: 12.min(area.width),
        height: 1,
    };
    frame.render_widget(Paragraph::new(Span::styled(" ↓ more ", theme.key)), more);
}

fn page_lines(title: &str, text: &str, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(title.to_string(), theme.title), Line::from("")];
    lines.extend(text_lines(text, width, theme));
    lines
}

/// `text` wrapped to `width` columns after `lead`, its later lines indented under the
/// text's first. Every wrapped lesson text in the player is drawn through here, so a
/// right-to-left reordering per line has one place to go.
fn hang(
    lead: Vec<Span<'static>>,
    text: &str,
    style: Style,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    hang_labelled(lead, ("", style), (text, style), width, theme)
}

/// Like `hang`, with a label in its own style before the text.
fn hang_labelled(
    lead: Vec<Span<'static>>,
    (label, label_style): (&str, Style),
    (text, style): (&str, Style),
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    // Glossary words lose their braces: starred where underline may not show, else
    // underlined after wrapping (so the marks never change where lines break).
    let starred;
    let (text, words) = if theme.ascii || !theme.has_colour() {
        starred = glossary::starred(text);
        (starred.as_str(), Vec::new())
    } else {
        let words: Vec<String> = glossary::marked_words(text)
            .into_iter()
            .map(|(shown, _)| shown)
            .collect();
        starred = glossary::plain(text);
        (starred.as_str(), words)
    };
    let lines = wrap_hanging(lead, (label, label_style), (text, style), width);
    if words.is_empty() {
        lines
    } else {
        underline(lines, &words, style)
    }
}

/// One line of lesson text left for the paragraph to wrap, its glossary words marked
/// as `hang_labelled` marks them.
fn marked_spans(text: &str, style: Style, theme: &Theme) -> Vec<Span<'static>> {
    if theme.ascii || !theme.has_colour() {
        return vec![Span::styled(glossary::starred(text), style)];
    }
    match glossary::pieces(text) {
        Ok(pieces) => pieces
            .into_iter()
            .map(|p| match p {
                glossary::Piece::Text(t) => Span::styled(t, style),
                glossary::Piece::Word { shown, .. } => {
                    Span::styled(shown, style.add_modifier(Modifier::UNDERLINED))
                }
            })
            .collect(),
        Err(_) => vec![Span::styled(text.to_string(), style)],
    }
}

/// Underlines each of `words` in turn where it next appears in spans of the text's
/// `style`; a word that does not fit on one line is left as it is.
fn underline(lines: Vec<Line<'static>>, words: &[String], style: Style) -> Vec<Line<'static>> {
    let marked = style.add_modifier(Modifier::UNDERLINED);
    let mut next = 0;
    lines
        .into_iter()
        .map(|line| {
            let mut spans = Vec::new();
            for span in line.spans {
                if span.style != style {
                    spans.push(span);
                    continue;
                }
                let mut rest: &str = &span.content;
                loop {
                    // The earliest of the words still to come, so one that broke across
                    // lines does not hold up the rest.
                    let found = words[next.min(words.len())..]
                        .iter()
                        .enumerate()
                        .filter_map(|(i, w)| rest.find(w.as_str()).map(|at| (at, i, w.len())))
                        .min();
                    let Some((at, i, len)) = found else { break };
                    if at > 0 {
                        spans.push(Span::styled(rest[..at].to_string(), style));
                    }
                    spans.push(Span::styled(rest[at..at + len].to_string(), marked));
                    rest = &rest[at + len..];
                    next += i + 1;
                }
                if !rest.is_empty() {
                    spans.push(Span::styled(rest.to_string(), style));
                }
            }
            Line::from(spans)
        })
        .collect()
}

fn wrap_hanging(
    lead: Vec<Span<'static>>,
    (label, label_style): (&str, Style),
    (text, style): (&str, Style),
    width: u16,
) -> Vec<Line<'static>> {
    let lead_width: usize = lead.iter().map(Span::width).sum();
    let room = (width as usize).saturating_sub(lead_width).max(12);
    let joined = match (label.is_empty(), text.is_empty()) {
        (true, _) => text.to_string(),
        (false, true) => label.to_string(),
        (false, false) => format!("{label} {text}"),
    };
    let mut lines = Vec::new();
    for (i, chunk) in lesson_text::wrap(&joined, room).into_iter().enumerate() {
        let mut spans = if i == 0 {
            lead.clone()
        } else {
            vec![Span::raw(" ".repeat(lead_width))]
        };
        match chunk.strip_prefix(label) {
            Some(rest) if i == 0 && !label.is_empty() => {
                spans.push(Span::styled(label.to_string(), label_style));
                spans.push(Span::styled(rest.to_string(), style));
            }
            _ => spans.push(Span::styled(chunk, style)),
        }
        lines.push(Line::from(spans));
    }
    if lines.is_empty() {
        lines.push(Line::from(lead));
    }
    lines
}

/// Lesson text as lines: paragraphs with a blank line after, bullets with a dot.
fn text_lines(text: &str, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for block in lesson_text::blocks(text) {
        match block {
            TextBlock::Paragraph(p) => {
                // A paragraph straight after a list gets the same space as any other.
                if lines.last().is_some_and(|l: &Line| l.width() > 0) {
                    lines.push(Line::from(""));
                }
                lines.extend(hang(Vec::new(), &p, theme.text, width, theme));
                lines.push(Line::from(""));
            }
            TextBlock::Bullet(b) => lines.extend(hang(
                vec![Span::styled("  • ", theme.key)],
                &b,
                theme.text,
                width,
                theme,
            )),
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
    let mut text = strings::verdict(&strings::english(), feedback.verdict);
    if feedback.verdict == Verdict::PartlyCorrect {
        text.push_str(&format!(
            " ({}% of this one)",
            (feedback.score * 100.0).round()
        ));
    }
    Line::styled(text, style)
}

fn feedback_lines(feedback: &Feedback, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![verdict_line(feedback, theme), Line::from("")];
    let one_right = feedback.items.iter().filter(|i| i.correct).count() == 1;
    for (i, item) in feedback.items.iter().enumerate() {
        // A right answer the child missed is not shown like one they picked.
        let (mark, style) = match (item.picked, item.correct) {
            (true, true) => ("✓", theme.right),
            (true, false) => ("✗", theme.wrong),
            (false, true) if one_right => ("→", theme.right),
            (false, true) => ("○", theme.partly),
            (false, false) => (" ", theme.text),
        };
        let label =
            strings::choice_result(&strings::english(), item.picked, item.correct, one_right);
        let text = match label {
            None => item.text.clone(),
            Some(label) => format!("{}  ({label})", item.text),
        };
        let lead = vec![Span::styled(format!("{mark} {}. ", i + 1), style)];
        lines.extend(hang(lead, &text, style, width, theme));
        if let Some(note) = &item.note
            && (item.picked || item.correct)
        {
            lines.extend(hang(
                vec![Span::raw("     ")],
                note,
                theme.text,
                width,
                theme,
            ));
        }
    }
    if let Some(explanation) = &feedback.explanation {
        lines.push(Line::from(""));
        lines.extend(hang(
            Vec::new(),
            explanation,
            theme.text.add_modifier(Modifier::ITALIC),
            width,
            theme,
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
            strings::score_line(
                &strings::english(),
                summary.percent,
                lesson.pass_percent,
                summary.passed,
            ),
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
            lines.push(Line::raw(format!(
                "  {}. {}",
                q.number,
                glossary::plain(&q.prompt)
            )));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        strings::english().text("never-your-fault"),
        theme.dim,
    ));
    lines.push(Line::styled(
        "Press Enter for the lessons, or r to try again.",
        theme.dim,
    ));
    lines
}

/// The panel of word meanings: each word as the step shows it, then what it means.
fn draw_words(frame: &mut Frame, area: Rect, words: &[Meaning], scroll: u16, theme: &Theme) {
    frame.render_widget(Clear, area);
    let block =
        panel(" What the words mean ", theme).padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    let mut lines = Vec::new();
    for word in words {
        let no_meaning = strings::english().text("no-meaning-yet");
        let meaning = word.meaning.as_deref().unwrap_or(&no_meaning);
        lines.push(Line::styled(word.shown.clone(), theme.title));
        lines.extend(hang(
            vec![Span::raw("  ")],
            meaning,
            theme.text,
            inner.width,
            theme,
        ));
        lines.push(Line::from(""));
    }
    lines.push(Line::styled("Press g, q or Esc to go back.", theme.dim));
    let paragraph = Paragraph::new(lines);
    let height = paragraph.line_count(inner.width) as u16;
    let scroll = scroll.min(height.saturating_sub(inner.height));
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), area);
}

fn draw_help(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let popup = area;
    frame.render_widget(Clear, popup);
    let block = panel(" Help ", theme).padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(popup);
    let mut lines = vec![Line::styled("Get help now", theme.title)];
    match &app.catalog.help {
        Some(help) => {
            lines.extend(text_lines(&help.advice, inner.width, theme));
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
                    lines.extend(hang(
                        vec![Span::raw("   ")],
                        &line.purpose,
                        Style::default(),
                        inner.width,
                        theme,
                    ));
                    // Where a line comes from is for the teacher checking it, not for a
                    // frightened child looking for someone to call.
                    if app.preview {
                        let confirmed = match line.confirmed {
                            Some(date) => {
                                format!("   Last confirmed {date} ({}).", line.source)
                            }
                            None => format!(
                                "   Source: {}. Date not known: check before calling.",
                                line.source
                            ),
                        };
                        lines.push(Line::styled(confirmed, theme.dim));
                    }
                }
            }
        }
        None => lines.push(Line::raw(strings::english().text("never-your-fault"))),
    }
    lines.push(Line::from(""));
    lines.push(Line::styled("Keys", theme.title));
    for (screen, bindings) in keys::SCREENS {
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
    let height = paragraph.line_count(inner.width) as u16;
    let max_scroll = height.saturating_sub(inner.height);
    let scroll = scroll.min(max_scroll);
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), popup);
    if scroll < max_scroll {
        more_below(frame, popup, theme);
    }
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
    frame.render_widget(
        Paragraph::new(bar_lines(keys::PROBLEMS, area.width, theme)),
        bar,
    );
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
                Span::raw(format!("{}{wrong}", glossary::plain(&m.prompt))),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(legend).wrap(Wrap { trim: false }),
        legend_area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_words_are_underlined_in_colour_and_starred_without_it() {
        let text = "Keep the {evidence} and tell a {trusted adult}.";
        let colour = hang(Vec::new(), text, Style::default(), 80, &Theme::colour());
        let underlined: Vec<&str> = colour[0]
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::UNDERLINED))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(underlined, ["evidence", "trusted adult"]);
        assert_eq!(
            colour[0].to_string(),
            "Keep the evidence and tell a trusted adult."
        );
        let mono = hang(Vec::new(), text, Style::default(), 80, &Theme::monochrome());
        assert_eq!(
            mono[0].to_string(),
            "Keep the evidence* and tell a trusted adult*."
        );
    }
}
