//! Where an installed PhotoVeil keeps the data files it ships (face models, demo photos),
//! relative to the program itself.
//!
//! - Linux and other Unix systems: `<prefix>/share/photoveil/<what>` next to
//!   `<prefix>/bin/photoveil` (the `.deb`, Flatpak and macOS bundle layouts).
//! - Windows: `<install folder>\<what>` beside `photoveil.exe`, as the installer
//!   (`packaging/windows/photoveil.nsi`) lays it out.

use std::path::{Path, PathBuf};

/// The folder of the installed data `what` ("models", "demo") for a program at `exe`, or `None`
/// when `exe` has no parent folder.
pub(crate) fn data_dir_for(exe: &Path, what: &str) -> Option<PathBuf> {
    let bin = exe.parent()?;
    if cfg!(windows) {
        Some(bin.join(what))
    } else {
        Some(bin.join("../share/photoveil").join(what))
    }
}

/// [`data_dir_for`] the running program, when that folder exists.
pub(crate) fn data_dir(what: &str) -> Option<PathBuf> {
    std::env::current_exe()
        .ok()
        .and_then(|exe| data_dir_for(&exe, what))
        .filter(|d| d.is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_lies_beside_the_exe_on_windows_and_under_share_elsewhere() {
        let exe = Path::new("/opt/pv/bin/photoveil");
        let dir = data_dir_for(exe, "models").expect("a parent folder");
        if cfg!(windows) {
            assert_eq!(dir, Path::new("/opt/pv/bin/models"));
        } else {
            assert_eq!(dir, Path::new("/opt/pv/bin/../share/photoveil/models"));
        }
        assert_eq!(data_dir_for(Path::new(""), "models"), None);
    }
}
