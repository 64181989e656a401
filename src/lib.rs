//! Mehfooz: lessons on staying safe online, for children, in a terminal.
//!
//! The engine (lessons, quiz sessions, progress) knows nothing of the terminal; the
//! terminal app, the plain line mode and the teacher commands are thin views over it.

pub mod cli;
pub mod clock;
#[cfg(windows)]
pub mod console;
pub mod diagnostic;
pub mod help;
pub mod i18n;
pub mod import;
pub mod lesson;
pub mod pin;
pub mod plain;
pub mod progress;
pub mod quiz;
pub mod report;
pub mod run;
pub mod settings;
pub mod strings;
pub mod sync;
pub mod text;
pub mod toml_reader;
pub mod tui;
