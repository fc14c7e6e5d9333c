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

/// `path` without the verbatim prefix that `canonicalize` puts in front of Windows paths
/// (`\\?\C:\…` becomes `C:\…`, `\\?\UNC\server\share\…` becomes `\\server\share\…`), which means
/// nothing to people; any other path as it is. (The standard library adds the prefix again by
/// itself where a path is too long to go without it.)
pub(crate) fn without_verbatim_prefix(path: PathBuf) -> PathBuf {
    let Some(text) = path.to_str() else {
        return path;
    };
    if let Some(share) = text.strip_prefix(r"\\?\UNC\") {
        return PathBuf::from(format!(r"\\{share}"));
    }
    match text.strip_prefix(r"\\?\") {
        Some(drive) if drive.as_bytes().get(1) == Some(&b':') => PathBuf::from(drive),
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_verbatim_paths_read_as_people_write_them() {
        let plain = |s: &str| without_verbatim_prefix(PathBuf::from(s));
        assert_eq!(plain(r"\\?\C:\demo\a.jpg"), Path::new(r"C:\demo\a.jpg"));
        assert_eq!(
            plain(r"\\?\UNC\school\photos\a.jpg"),
            Path::new(r"\\school\photos\a.jpg")
        );
        assert_eq!(plain(r"\\?\Volume{x}\a"), Path::new(r"\\?\Volume{x}\a"));
        assert_eq!(plain("/home/me/a.jpg"), Path::new("/home/me/a.jpg"));
    }

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
