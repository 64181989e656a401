//! Taking a lesson: pages, questions, chats, the feedback after each answer, the
//! summary at the end, and the panel of word meanings. Its state, its keys, its drawing.

use std::collections::BTreeSet;

use rand::Rng;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::i18n::Messages;
use crate::lesson::QuestionKind;
use crate::lesson::glossary::{Glossary, Meaning};
use crate::progress::Student;
use crate::quiz::{AnswerError, Feedback, Verdict, View};
use crate::run::LessonRun;
use crate::strings;
use crate::t;
use crate::text as lesson_text;
use crate::tui::app::{App, Effect, Screen, Target};
use crate::tui::keys::{
    self, ANSWER_KEY, Action as A, B_BACK, BACK_KEY, Binding, HELP_KEY, HINT_KEY, K_J,
    Key::{Code, Digit, Letter},
    PAGE_KEYS, SCROLL_KEY, STOP_ESC, STOP_KEY, TAB_DOWN, also, bind,
};
use crate::tui::screens::lessons::{LessonsScreen, lessons_for};

use crate::tui::widgets::{
    Laid, Paint, bar, hang, hang_labelled, more_below, panel, said, text_lines,
};

pub struct Player<'c> {
    pub student: Student,
    pub run: LessonRun<'c>,
    /// The highlighted choice or message; nothing until the child moves or picks, so an
    /// Enter meant for a page never answers a question.
    pub cursor: Option<usize>,
    /// The child pressed Enter on a chat with nothing marked and was asked whether that
    /// is their answer; the next Enter says yes.
    pub asked_none: bool,
    /// Ticked choices (in the order shown) or marked messages.
    pub marked: BTreeSet<usize>,
    pub show_hint: bool,
    /// The meanings this lesson's marked words have.
    pub glossary: Glossary,
    /// The panel of word meanings is open, scrolled down this many lines.
    pub words: Option<u16>,
    /// Lines scrolled down in a long page or in feedback.
    pub scroll: u16,
    /// Why the last answer was not taken.
    pub problem: Option<String>,
}

/// Enter on a page or after feedback; → does the same.
const NEXT_KEY: Binding = bind("Enter", "key-next", &[(Code(KeyCode::Enter), A::Confirm)]);
const RIGHT_NEXT: Binding = also("→", "key-next", &[(Code(KeyCode::Right), A::Right)]);

pub const PAGE: &[Binding] = &[
    NEXT_KEY, BACK_KEY, SCROLL_KEY, HELP_KEY, STOP_KEY, STOP_ESC, RIGHT_NEXT, B_BACK, K_J,
    PAGE_KEYS,
];

/// Back to the step before, from a question not yet answered.
const BACK_A_STEP: Binding = also(
    "← b",
    "key-back-a-step",
    &[(Code(KeyCode::Left), A::Left), (Letter('b'), A::Left)],
);

// Numbers reach the first nine items; ↑↓ reach every one, however many there are.
pub const SINGLE: &[Binding] = &[
    bind(
        "1-9 ↑↓",
        "key-choose",
        &[
            (Digit, A::Number(0)),
            (Code(KeyCode::Up), A::Up),
            (Code(KeyCode::Down), A::Down),
        ],
    ),
    ANSWER_KEY,
    HINT_KEY,
    HELP_KEY,
    STOP_KEY,
    STOP_ESC,
    BACK_A_STEP,
    K_J,
    TAB_DOWN,
    PAGE_KEYS,
];

const MOVE_MARK: [(keys::Key, A); 3] = [
    (Code(KeyCode::Up), A::Up),
    (Code(KeyCode::Down), A::Down),
    (Code(KeyCode::Char(' ')), A::Toggle),
];

pub const MULTIPLE: &[Binding] = &[
    bind("1-9", "key-tick", &[(Digit, A::Number(0))]),
    bind("↑↓ Space", "key-move-tick", &MOVE_MARK),
    ANSWER_KEY,
    HINT_KEY,
    HELP_KEY,
    STOP_KEY,
    STOP_ESC,
    BACK_A_STEP,
    K_J,
    TAB_DOWN,
    PAGE_KEYS,
];

pub const CHAT: &[Binding] = &[
    bind("1-9", "key-mark", &[(Digit, A::Number(0))]),
    bind("↑↓ Space", "key-move-mark", &MOVE_MARK),
    ANSWER_KEY,
    HELP_KEY,
    STOP_KEY,
    STOP_ESC,
    BACK_A_STEP,
    K_J,
    TAB_DOWN,
    PAGE_KEYS,
];

/// A chat answered with nothing marked, asked "is that your answer?".
pub const CHAT_NONE_MARKED: &[Binding] = &[
    bind("y", "key-yes-none", &[(Letter('y'), A::Yes)]),
    bind("1-9", "key-mark", &[(Digit, A::Number(0))]),
    bind("↑↓ Space", "key-move-mark", &MOVE_MARK),
    HELP_KEY,
    STOP_KEY,
    STOP_ESC,
    BACK_A_STEP,
    K_J,
    TAB_DOWN,
    PAGE_KEYS,
];

pub const FEEDBACK: &[Binding] = &[
    NEXT_KEY, SCROLL_KEY, BACK_KEY, HELP_KEY, STOP_KEY, STOP_ESC, RIGHT_NEXT, B_BACK, K_J,
    PAGE_KEYS,
];

pub const SUMMARY: &[Binding] = &[
    bind(
        "Enter",
        "key-lessons",
        &[(Code(KeyCode::Enter), A::Confirm)],
    ),
    bind("r", "key-try-again", &[(Letter('r'), A::Retry)]),
    SCROLL_KEY,
    BACK_KEY,
    HELP_KEY,
    also(
        "q Esc",
        "key-lessons",
        &[(Letter('q'), A::Back), (Code(KeyCode::Esc), A::Back)],
    ),
    B_BACK,
    K_J,
    PAGE_KEYS,
];

/// Shown on a step with underlined (or starred) glossary words, before the help key.
pub const WORDS_KEY: Binding = bind("g", "key-word-meanings", &[(Letter('g'), A::Glossary)]);

/// The panel of word meanings.
pub const WORDS: &[Binding] = &[
    SCROLL_KEY,
    bind(
        "g q Esc",
        "key-close",
        &[
            (Letter('g'), A::Glossary),
            (Letter('q'), A::Back),
            (Code(KeyCode::Esc), A::Back),
        ],
    ),
    also("Enter", "key-close", &[(Code(KeyCode::Enter), A::Confirm)]),
    K_J,
    PAGE_KEYS,
];

/// The keys the player takes in its present state.
pub fn bindings(p: &Player) -> Vec<Binding> {
    if p.words.is_some() {
        return WORDS.to_vec();
    }
    let session = &p.run.session;
    let mut bindings = if session.is_finished() {
        SUMMARY.to_vec()
    } else if !session.awaiting_answer() {
        match session.current() {
            Some(View::Page { .. }) => PAGE.to_vec(),
            _ => FEEDBACK.to_vec(),
        }
    } else {
        match session.current() {
            Some(View::Chat { .. }) if p.asked_none => CHAT_NONE_MARKED.to_vec(),
            Some(View::Chat { .. }) => CHAT.to_vec(),
            Some(View::Question { question, .. }) if question.kind == QuestionKind::Multiple => {
                MULTIPLE.to_vec()
            }
            _ => SINGLE.to_vec(),
        }
    };
    // The hint key only where there is a hint: offered and then refused, it confuses.
    let has_hint = matches!(session.current(), Some(View::Question { question, .. }) if question.hint.is_some());
    if !has_hint {
        bindings.retain(|b| b.keys != HINT_KEY.keys);
    }
    // A child may change language at any step; the key is listed in the help only, as
    // the footer is full.
    if !p.run.session.is_finished() {
        bindings.push(crate::tui::screens::language::IN_A_LESSON);
    }
    if !p.meanings().is_empty() {
        // The words key sits before help, where a child looks for what to press.
        let help = bindings.iter().position(|b| b.keys == HELP_KEY.keys);
        bindings.insert(help.unwrap_or(bindings.len()), WORDS_KEY);
    }
    bindings
}

/// A key for the lesson being taken; leaving it goes back to the list (or ends a
/// preview).
pub fn key(app: &mut App, action: A, rng: &mut impl Rng) -> Vec<Effect> {
    let Screen::Player(player) = &mut app.screen else {
        return Vec::new();
    };
    let (effects, leave) = player.key(&app.messages, action, rng);
    if leave && app.preview {
        app.quit = true;
    } else if leave {
        let student = player.student.clone();
        let lesson_id = player.run.lesson_id();
        // Back on the lesson just left, in the list as the child left it.
        let selected = lessons_for(app.catalog, app.ages)
            .iter()
            .position(|e| e.lesson.id == lesson_id)
            .unwrap_or(0);
        app.screen = Screen::Lessons(LessonsScreen::new(student, selected));
    }
    effects
}

impl<'c> Player<'c> {
    pub fn new(student: Student, run: LessonRun<'c>, glossary: Glossary) -> Self {
        let mut player = Player {
            glossary,
            words: None,
            student,
            run,
            cursor: None,
            asked_none: false,
            marked: BTreeSet::new(),
            show_hint: false,
            scroll: 0,
            problem: None,
        };
        player.reset_step();
        player
    }

    /// The student's record after a save. A teacher who cleared this lesson (with
    /// `reset`) while the child was taking it wants it begun again: it starts again from
    /// the first step, and the id of the message to tell the child is returned.
    pub fn saved(&mut self, student: Student, rng: &mut impl Rng) -> Option<&'static str> {
        let cleared = self.run.was_cleared(student.record(self.run.lesson_id()));
        self.student = student;
        if !cleared {
            return None;
        }
        self.run = LessonRun::restart(self.run.session.lesson(), rng);
        self.words = None;
        self.reset_step();
        Some("lesson-cleared-by-teacher")
    }

    /// The glossary words marked on the current step, with their meanings.
    pub fn meanings(&self) -> Vec<Meaning> {
        match self.run.session.current() {
            Some(view) => self.glossary.meanings(view.texts()),
            None => Vec::new(),
        }
    }

    /// The feedback for the current step, once it is answered.
    pub fn feedback(&self) -> Option<Feedback> {
        self.run.session.feedback_at(self.run.session.position())
    }

    fn reset_step(&mut self) {
        self.marked.clear();
        self.show_hint = false;
        self.scroll = 0;
        self.problem = None;
        self.cursor = None;
        self.asked_none = false;
    }

    /// Saving the attempt as it stands, unless there is nothing to save yet.
    pub fn save(&mut self) -> Option<Effect> {
        let attempts = self.run.attempts_to_save();
        (!attempts.is_empty()).then(|| Effect::Save {
            student: self.student.name.clone(),
            lesson: self.run.lesson_id().to_string(),
            attempts,
        })
    }

    /// Handles a key; the flag says whether to leave for the lesson list.
    fn key(&mut self, m: &Messages, action: A, rng: &mut impl Rng) -> (Vec<Effect>, bool) {
        // The word meanings cover the step: keys scroll or close them, nothing else.
        if let Some(scroll) = &mut self.words {
            match action {
                A::Up | A::Down | A::PageUp | A::PageDown => *scroll = scrolled(*scroll, action),
                A::Glossary | A::Back | A::Confirm => self.words = None,
                _ => {}
            }
            return (Vec::new(), false);
        }
        if action == A::Glossary {
            if self.meanings().is_empty() {
                self.problem = Some(m.text("no-glossary-words"));
            } else {
                self.words = Some(0);
            }
            return (Vec::new(), false);
        }
        let session = &self.run.session;
        if session.is_finished() {
            return match action {
                A::Confirm | A::Back => (Vec::new(), true),
                A::Retry => {
                    let lesson = self.run.session.lesson();
                    self.run = LessonRun::restart(lesson, rng);
                    self.moved()
                }
                A::Left => {
                    self.run.session.back();
                    self.reset_step();
                    (Vec::new(), false)
                }
                // The summary ends with "it is never your fault" and what to do next:
                // in a small window the child scrolls down to it.
                A::Up | A::Down | A::PageUp | A::PageDown => {
                    self.scroll = scrolled(self.scroll, action);
                    (Vec::new(), false)
                }
                _ => (Vec::new(), false),
            };
        }
        if action == A::Back {
            // Everything answered is saved already; save the place too.
            return (self.save().into_iter().collect(), true);
        }
        let answered = !session.awaiting_answer();
        match action {
            A::Left => {
                self.run.session.back();
                return self.moved();
            }
            A::PageUp | A::PageDown => self.scroll = scrolled(self.scroll, action),
            _ => {}
        }
        if answered {
            match action {
                A::Confirm | A::Right => {
                    self.run.session.advance();
                    return self.moved();
                }
                A::Up | A::Down => self.scroll = scrolled(self.scroll, action),
                _ => {}
            }
            return (Vec::new(), false);
        }
        let Some(view) = self.run.session.current() else {
            return (Vec::new(), false);
        };
        let (count, multiple, selectable): (usize, bool, Vec<usize>) = match &view {
            View::Question {
                question, choices, ..
            } => (
                choices.len(),
                question.kind == QuestionKind::Multiple,
                (0..choices.len()).collect(),
            ),
            View::Chat { chat, .. } => {
                let markable = crate::quiz::markable(chat);
                (markable.len(), true, markable)
            }
            // A page never waits for an answer: it was handled above.
            View::Page { .. } => return (Vec::new(), false),
        };
        let hint = match &view {
            View::Question { question, .. } => question.hint.is_some(),
            _ => false,
        };
        let is_chat = matches!(view, View::Chat { .. });
        self.problem = None;
        if !matches!(action, A::Confirm | A::Yes) {
            self.asked_none = false;
        }
        match action {
            A::Up => {
                let prev = match self.cursor {
                    Some(cursor) => selectable.iter().rev().find(|&&i| i < cursor),
                    None => selectable.last(),
                };
                if let Some(&prev) = prev {
                    self.cursor = Some(prev);
                }
            }
            A::Down => {
                let next = match self.cursor {
                    Some(cursor) => selectable.iter().find(|&&i| i > cursor),
                    None => selectable.first(),
                };
                if let Some(&next) = next {
                    self.cursor = Some(next);
                }
            }
            // Numbers count the items that can be picked, from 1.
            A::Number(n) if n < count => {
                let item = selectable[n];
                self.cursor = Some(item);
                if multiple {
                    toggle(&mut self.marked, item);
                }
            }
            A::Number(n) => {
                self.problem = Some(if is_chat {
                    strings::no_such_message(m, n + 1)
                } else {
                    strings::answer_error(m, &AnswerError::NoSuchChoice(n + 1))
                });
            }
            A::Toggle if multiple => match self.cursor {
                Some(cursor) => toggle(&mut self.marked, cursor),
                None => self.problem = Some(m.text("move-first")),
            },
            A::Hint => {
                if hint {
                    self.show_hint = true;
                } else {
                    self.problem = Some(m.text("no-hint"));
                }
            }
            A::Confirm => {
                let picked: Vec<usize> = if multiple {
                    self.marked.iter().copied().collect()
                } else {
                    self.cursor.into_iter().collect()
                };
                if picked.is_empty() {
                    // Enter alone never answers: a chat asks whether "none" is meant,
                    // and only a `y` says yes.
                    self.problem = Some(if is_chat {
                        self.asked_none = true;
                        m.text("chat-nothing-marked")
                    } else {
                        strings::nothing_chosen(m, multiple, count)
                    });
                    return (Vec::new(), false);
                }
                return self.answer(m, &picked);
            }
            A::Yes if self.asked_none && self.marked.is_empty() => {
                return self.answer(m, &[]);
            }
            _ => {}
        }
        (Vec::new(), false)
    }

    /// Answers the current step with `picked`; saves if it was taken.
    fn answer(&mut self, m: &Messages, picked: &[usize]) -> (Vec<Effect>, bool) {
        match self.run.session.answer(picked) {
            Ok(_) => {
                self.scroll = 0;
                (self.save().into_iter().collect(), false)
            }
            Err(e) => {
                self.problem = Some(strings::answer_error(m, &e));
                (Vec::new(), false)
            }
        }
    }

    /// After moving to another step: a fresh cursor, and the place saved.
    fn moved(&mut self) -> (Vec<Effect>, bool) {
        self.reset_step();
        (self.save().into_iter().collect(), false)
    }
}

fn toggle(set: &mut BTreeSet<usize>, item: usize) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    m: &Messages,
    player: &Player,
    theme: &Paint,
    targets: &mut Vec<(Rect, Target)>,
) {
    // Where each choice or message starts and ends among the lines, for clicks.
    let mut items: Vec<(usize, usize, usize)> = Vec::new();
    let session = &player.run.session;
    let lesson = session.lesson();
    let step = if session.is_finished() {
        m.text("player-finished")
    } else {
        t!(
            m,
            "player-step",
            step = session.position() + 1,
            steps = session.len()
        )
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
        None => (summary_lines(m, player, inner.width, theme), None),
        Some(View::Page { title, text }) => (page_lines(title, text, inner.width, theme), None),
        Some(View::Question {
            question,
            choices,
            number,
            total,
        }) => {
            let mut lines = vec![theme.layout.line(Line::styled(
                t!(m, "player-question", number = number, questions = total),
                theme.dim,
            ))];
            lines.extend(hang(
                Vec::new(),
                &question.prompt,
                theme.title,
                inner.width,
                theme,
            ));
            lines.push(Line::from(""));
            let feedback = player.feedback();
            let mut focus = None;
            match &feedback {
                Some(feedback) => lines.extend(feedback_lines(
                    m,
                    question.kind,
                    feedback,
                    inner.width,
                    theme,
                )),
                None => {
                    let multiple = question.kind == QuestionKind::Multiple;
                    match question.kind {
                        QuestionKind::Multiple => {
                            lines.extend(said(
                                &m.text("player-tick-every"),
                                theme.dim,
                                inner.width,
                                theme,
                            ));
                        }
                        QuestionKind::TrueFalse => {
                            lines.extend(said(
                                &m.text("player-true-or-false"),
                                theme.dim,
                                inner.width,
                                theme,
                            ));
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
                        let text = strings::choice_text(m, question.kind, &choice.text);
                        lines.extend(hang(lead, &text, style, inner.width, theme));
                        items.push((start, lines.len(), i));
                    }
                    if player.show_hint
                        && let Some(hint) = &question.hint
                    {
                        lines.push(Line::from(""));
                        lines.extend(hang(
                            vec![Span::styled(
                                format!("{} ", m.text("player-hint")),
                                theme.key,
                            )],
                            hint,
                            Style::default(),
                            inner.width,
                            theme,
                        ));
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
            let mut lines = vec![theme.layout.line(Line::styled(
                t!(m, "player-chat", number = number, questions = total),
                theme.dim,
            ))];
            lines.extend(hang(
                Vec::new(),
                &chat.title,
                theme.title,
                inner.width,
                theme,
            ));
            if let Some(intro) = &chat.intro {
                lines.extend(hang(Vec::new(), intro, theme.text, inner.width, theme));
            }
            lines.push(Line::from(""));
            let feedback = player.feedback();
            if let Some(feedback) = &feedback {
                lines.push(verdict_line(m, feedback, theme));
                lines.push(Line::from(""));
            }
            let markable = crate::quiz::markable(chat);
            let mut focus = None;
            for (i, message) in chat.messages.iter().enumerate() {
                let Some(number) = markable.iter().position(|&m| m == i) else {
                    // The child's own messages: no number, as they cannot be marked.
                    let lead = vec![
                        Span::raw("        "),
                        Span::styled(format!("{} ", m.text("player-you")), theme.me),
                    ];
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
                    let label = strings::message_result(m, picked, message.red_flag);
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
                lines.extend(said(
                    &m.text("player-mark-warning-signs"),
                    theme.dim,
                    inner.width,
                    theme,
                ));
            }
            (lines, focus)
        }
    };
    // What to do next stays in sight below the scrolling part, however long the chat.
    let inner = match &player.problem {
        Some(problem) => {
            // Laid out like lesson text, so a message in Urdu is joined and right-aligned.
            let lines = hang(Vec::new(), problem, theme.wrong, inner.width, theme);
            let height = (lines.len() as u16).min(inner.height / 2);
            let text = Paragraph::new(lines);
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
    let laid = Laid::new(lines, inner.width);
    let max_scroll = laid.height().saturating_sub(inner.height);
    let scroll = match focus {
        // Keep the highlighted choice in view.
        Some(row) => laid
            .start(row + 1)
            .saturating_sub(inner.height)
            .min(max_scroll),
        None => player.scroll.min(max_scroll),
    };
    for (start, end, item) in items {
        let (top, bottom) = (laid.start(start), laid.start(end));
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
    laid.draw(frame, inner, scroll);
    if scroll < max_scroll {
        more_below(frame, area, m, theme);
    }
    if let Some(scroll) = player.words {
        // The meanings cover the step: nothing under them can be clicked.
        targets.clear();
        draw_words(frame, area, m, &player.meanings(), scroll, theme);
    }
}

fn page_lines(title: &str, text: &str, width: u16, theme: &Paint) -> Vec<Line<'static>> {
    let mut lines = hang(Vec::new(), title, theme.title, width, theme);
    lines.push(Line::from(""));
    lines.extend(text_lines(text, width, theme));
    lines
}

fn verdict_line(m: &Messages, feedback: &Feedback, theme: &Paint) -> Line<'static> {
    let style = match feedback.verdict {
        Verdict::Correct => theme.right,
        Verdict::PartlyCorrect => theme.partly,
        Verdict::NotQuite => theme.wrong,
    };
    let text = if feedback.verdict == Verdict::PartlyCorrect {
        t!(
            m,
            "verdict-partly-with-score",
            percent = (feedback.score * 100.0).round()
        )
    } else {
        strings::verdict(m, feedback.verdict)
    };
    theme.layout.line(Line::styled(text, style))
}

fn feedback_lines(
    m: &Messages,
    kind: QuestionKind,
    feedback: &Feedback,
    width: u16,
    theme: &Paint,
) -> Vec<Line<'static>> {
    let mut lines = vec![verdict_line(m, feedback, theme), Line::from("")];
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
        let label = strings::choice_result(m, item.picked, item.correct, one_right);
        let shown = strings::choice_text(m, kind, &item.text);
        let text = match label {
            None => shown,
            Some(label) => format!("{shown}  ({label})"),
        };
        let lead = vec![Span::styled(format!("{mark} {}. ", i + 1), style)];
        lines.extend(hang(lead, &text, style, width, theme));
        if let Some(note) = &item.note
            && (item.picked || item.correct)
        {
            lines.extend(hang(
                vec![Span::raw("     ")],
                strings::without_opening(note, &strings::verdict(m, feedback.verdict)),
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
    lines.extend(said(
        &m.text("player-enter-to-go-on"),
        theme.dim,
        width,
        theme,
    ));
    lines
}

/// A scroll position moved by an arrow (one line) or a page key (ten lines).
fn scrolled(scroll: u16, action: A) -> u16 {
    match action {
        A::Up => scroll.saturating_sub(1),
        A::Down => scroll.saturating_add(1),
        A::PageUp => scroll.saturating_sub(10),
        A::PageDown => scroll.saturating_add(10),
        _ => scroll,
    }
}

fn summary_lines(m: &Messages, player: &Player, width: u16, theme: &Paint) -> Vec<Line<'static>> {
    let session = &player.run.session;
    let lesson = session.lesson();
    let summary = session.summary();
    let mut lines = vec![
        theme
            .layout
            .line(Line::styled(m.text("summary-finished"), theme.title)),
        Line::from(""),
        theme.layout.line(Line::styled(
            strings::score_line(m, summary.percent, lesson.pass_percent, summary.passed),
            if summary.passed {
                theme.right
            } else {
                theme.partly
            },
        )),
        theme.layout.line(Line::styled(
            t!(
                m,
                "summary-score",
                bar = bar(summary.percent as f64 / 100.0, 20),
                percent = summary.percent
            ),
            theme.gauge,
        )),
        Line::from(""),
    ];
    // Before the questions to look at again, however many there are, so that every
    // child reads it without scrolling.
    lines.extend(said(&m.text("never-your-fault"), theme.dim, width, theme));
    lines.push(Line::from(""));
    let review: Vec<_> = summary.to_review().collect();
    if review.is_empty() {
        lines.extend(said(
            &m.text("summary-all-right"),
            Style::default(),
            width,
            theme,
        ));
    } else {
        lines.extend(said(
            &t!(m, "summary-look-again", count = review.len()),
            theme.title,
            width,
            theme,
        ));
        for q in review {
            lines.extend(hang(
                vec![Span::raw(format!("  {}. ", q.number))],
                &q.prompt,
                Style::default(),
                width,
                theme,
            ));
        }
    }
    lines.push(Line::from(""));
    lines.extend(said(&m.text("summary-keys"), theme.dim, width, theme));
    lines
}

/// The panel of word meanings: each word as the step shows it, then what it means.
fn draw_words(
    frame: &mut Frame,
    area: Rect,
    m: &Messages,
    words: &[Meaning],
    scroll: u16,
    theme: &Paint,
) {
    frame.render_widget(Clear, area);
    let block = panel(format!(" {} ", m.text("words-title")), theme).padding(1);
    let inner = block.inner(area);
    let mut lines = Vec::new();
    for word in words {
        let no_meaning = m.text("no-meaning-yet");
        let meaning = word.meaning.as_deref().unwrap_or(&no_meaning);
        lines.extend(hang(
            Vec::new(),
            &word.shown,
            theme.title,
            inner.width,
            theme,
        ));
        lines.extend(hang(
            vec![Span::raw("  ")],
            meaning,
            theme.text,
            inner.width,
            theme,
        ));
        lines.push(Line::from(""));
    }
    lines.extend(said(
        &m.text("words-go-back"),
        theme.dim,
        inner.width,
        theme,
    ));
    let laid = Laid::new(lines, inner.width);
    let scroll = scroll.min(laid.height().saturating_sub(inner.height));
    frame.render_widget(block, area);
    laid.draw(frame, inner, scroll);
}
