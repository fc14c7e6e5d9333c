//! Where PhotoVeil keeps its own files on this computer: the folders `directories` gives for
//! the platform (on Linux `~/.config/photoveil` and `~/.local/share/photoveil`; on Windows
//! `%APPDATA%\PhotoVeil\PhotoVeil\config` and `%LOCALAPPDATA%\PhotoVeil\PhotoVeil\data`, which
//! the uninstaller leaves unless asked to delete them). Every front end
//! takes these paths from here, so the command line and the app share one people book, one
//! decoy book and one settings file.

use std::path::PathBuf;

/// PhotoVeil's folders for this user, or `None` where the platform gives no home folder.
fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("org", "PhotoVeil", "PhotoVeil")
}

/// The app's settings: `settings.json` in the configuration folder.
pub fn settings_file() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("settings.json"))
}

/// The names the user gave to people of an audit: `people.json` in the local data folder.
pub fn people_book() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_local_dir().join("people.json"))
}

/// The decoy identities remembered per person: `decoys.json` in the local data folder.
pub fn decoy_book() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_local_dir().join("decoys.json"))
}

/// The faces found in photos before, by the photos' content (no pixels): `faces.json` in the
/// cache folder (on Linux `~/.cache/photoveil`), which may be deleted at any time.
pub fn face_cache() -> Option<PathBuf> {
    project_dirs().map(|d| d.cache_dir().join("faces.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_files_share_one_home_and_have_distinct_names() {
        let (Some(settings), Some(people), Some(decoys)) =
            (settings_file(), people_book(), decoy_book())
        else {
            return; // no home folder on this machine: nothing to compare
        };
        assert_eq!(people.parent(), decoys.parent());
        assert!(settings.ends_with("settings.json"));
        assert!(people.ends_with("people.json"));
        assert!(decoys.ends_with("decoys.json"));
        assert_ne!(people, decoys);
    }
}
