//! Windows only: the program is one console program (so that `photoveil scan …` prints in a
//! terminal), which Windows gives a console window of its own when it is started from the Start
//! menu or Explorer. Started without arguments (the desktop app), it starts itself again without
//! a console and ends, so no black window stays behind the app (closing it would close the app).

use std::os::windows::process::CommandExt;
use std::process::{Command, ExitCode, Stdio};

/// Set in the copy started without a console, so that it does not start another.
const DETACHED: &str = "PHOTOVEIL_DETACHED";

/// `DETACHED_PROCESS`: the new process has no console at all.
const DETACHED_PROCESS: u32 = 0x0000_0008;

/// Starts the app again without a console when this process is the app (no arguments) and still
/// has one; `Some(exit code)` when it did, and this process should end. `None` (run the app here)
/// when there are arguments, when this is already the detached copy, or when starting it failed.
pub fn relaunch_without_console() -> Option<ExitCode> {
    if std::env::args_os().len() > 1 || std::env::var_os(DETACHED).is_some() {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    Command::new(exe)
        .env(DETACHED, "1")
        .creation_flags(DETACHED_PROCESS)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()
        .map(|_| ExitCode::SUCCESS)
}
