//! Shows a folder in the system's file manager.

use std::path::Path;
use std::process::Command;

/// Opens `folder` in the file manager; false when no file manager could be started.
pub fn folder(folder: &Path) -> bool {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    Command::new(program).arg(folder).spawn().is_ok()
}
