//! The built-in demo photos: public-domain and CC0 pictures with made-up metadata, so a teacher
//! can show the whole flow without anyone's real photos.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where the demo photos are: `$PHOTOVEIL_DEMO`, else the installed copy (`../share/photoveil/demo`
/// beside the executable; `demo` beside `photoveil.exe` on Windows), else the source tree's
/// `assets/demo`.
pub fn demo_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PHOTOVEIL_DEMO") {
        return PathBuf::from(dir);
    }
    if let Some(installed) = crate::installed::data_dir("demo") {
        return installed;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo")
}

/// The demo photos in [`demo_dir`], sorted by name (only files whose name says they are photos).
pub fn demo_photos() -> Result<Vec<PathBuf>> {
    demo_photos_in(&demo_dir())
}

/// The photos in a demo folder, sorted by name.
pub fn demo_photos_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let dir = std::fs::canonicalize(dir)
        .map(crate::installed::without_verbatim_prefix)
        .map_err(Error::read)?;
    let mut photos: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(Error::read)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && crate::format::has_image_extension(path))
        .collect();
    photos.sort();
    Ok(photos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_demo_photos_are_listed_and_scan_cleanly() {
        let photos = demo_photos().unwrap();
        assert!(photos.len() >= 3, "{photos:?}");
        assert!(photos.iter().all(|p| p.extension().is_some()));
        let mut with_findings = 0;
        for photo in &photos {
            let report = crate::scan_file(photo);
            assert!(
                report.error.is_none(),
                "{}: {:?}",
                photo.display(),
                report.error
            );
            with_findings += usize::from(!report.findings.is_empty());
        }
        // Most demo photos carry made-up metadata; one is clean on purpose.
        assert!(with_findings >= 2);
        assert!(with_findings < photos.len());
    }

    #[test]
    fn a_missing_demo_folder_is_an_error() {
        assert!(demo_photos_in(Path::new("/nonexistent/photoveil-demo")).is_err());
    }
}
