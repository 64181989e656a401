//! Windows only: closing the console window, logging off, shutting down, Ctrl-C or
//! Ctrl-Break let a save under way finish, put the console back and exit, instead of the
//! app being cut off wherever it was.

use std::io;
use std::sync::Mutex;

use windows_sys::Win32::System::Console::{
    CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
    SetConsoleCtrlHandler,
};
use windows_sys::core::BOOL;

/// What puts the console back; the terminal app sets it while it has the screen.
static RESTORE: Mutex<Option<fn()>> = Mutex::new(None);

/// Handles the console's stop events for the rest of the program.
pub fn stop_cleanly() -> io::Result<()> {
    // SAFETY: `on_stop` is a plain function that lives as long as the program.
    if unsafe { SetConsoleCtrlHandler(Some(on_stop), 1) } == 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Sets what puts the console back before the app exits on a stop event.
pub fn restore_with(restore: fn()) {
    *RESTORE.lock().unwrap_or_else(|e| e.into_inner()) = Some(restore);
}

/// Runs on a thread of its own that Windows starts; after a close event Windows ends the
/// process as soon as this returns (or after 5 seconds), so it exits itself once saved.
unsafe extern "system" fn on_stop(event: u32) -> BOOL {
    let code = match event {
        CTRL_C_EVENT | CTRL_BREAK_EVENT => 130,
        CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => 0,
        _ => return 0,
    };
    // Every answer is saved as it is given; this lets the last save finish.
    let _saves = crate::progress::hold_saves();
    if let Some(restore) = *RESTORE.lock().unwrap_or_else(|e| e.into_inner()) {
        restore();
    }
    std::process::exit(code)
}
