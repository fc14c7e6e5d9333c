//! Writing outputs safely: a temporary file in the destination folder, renamed into place only
//! when complete, never over an existing file.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Most numbered names tried for one output before giving up.
const MAX_SUFFIX: u32 = 9_999;

/// Writes `bytes` as `dir/file_name`, or `dir/stem-N.ext` if that name is taken. The file appears
/// complete or not at all; an existing file is never replaced. `permissions` (usually the
/// original's) replace the private mode of the temporary file.
pub fn write_new(
    dir: &Path,
    file_name: &OsStr,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> Result<PathBuf> {
    write_new_with(dir, file_name, permissions, |file| file.write_all(bytes))
}

/// [`write_new`] with the content written by `fill` into the temporary file. When `fill` fails
/// (a full disk, an I/O error), the temporary file is removed and nothing else is written.
fn write_new_with(
    dir: &Path,
    file_name: &OsStr,
    permissions: Option<std::fs::Permissions>,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<PathBuf> {
    let write_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::write(path, source)
    };
    std::fs::create_dir_all(dir).map_err(write_err(dir))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".photoveil-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(write_err(dir))?;
    let filled = fill(temp.as_file_mut());
    filled.map_err(write_err(temp.path()))?;
    if let Some(permissions) = permissions {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(write_err(temp.path()))?;
    }
    temp.as_file().sync_all().map_err(write_err(temp.path()))?;
    let name = Path::new(file_name);
    let stem = name
        .file_stem()
        .unwrap_or(file_name)
        .to_string_lossy()
        .into_owned();
    let ext = name
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    for n in 0..=MAX_SUFFIX {
        let target = if n == 0 {
            dir.join(file_name)
        } else {
            dir.join(format!("{stem}-{n}{ext}"))
        };
        match temp.persist_noclobber(&target) {
            Ok(_) => return Ok(target),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => temp = e.file,
            Err(e) => return Err(Error::write(target, e.error)),
        }
    }
    Err(Error::write(
        dir.join(file_name),
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "too many files with this name",
        ),
    ))
}

/// Writes `bytes` as the file `path` (a report or other file the user named), replacing it if it
/// exists: the bytes go to a temporary file in the same folder, are flushed, then renamed over
/// `path`, so the file is complete or unchanged. The folder must exist. On Unix the file is
/// readable by everyone (mode 644), like a file saved by any program.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> Result<()> {
    let write_err = |p: &Path| {
        let path = p.to_path_buf();
        move |source| Error::write(path, source)
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".photoveil-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(write_err(path))?;
    temp.write_all(bytes).map_err(write_err(path))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(write_err(path))?;
    }
    temp.as_file().sync_all().map_err(write_err(path))?;
    temp.persist(path)
        .map_err(|e| Error::write(path, e.error))?;
    Ok(())
}

/// Writes a small private file (settings-like data such as decoy keys or people's names)
/// atomically: a temporary file beside `path`, created readable by the user only where the
/// system allows, then renamed over it. Creates the folder when missing.
///
/// On Unix the temporary file is created with mode 600 and keeps it through the rename. Windows
/// has no mode bits: the file takes the access list of its folder, and the folders PhotoVeil keeps
/// such files in (`%APPDATA%` and `%LOCALAPPDATA%` under the user's profile, see the binary's
/// `paths`) are open to that user, SYSTEM and administrators only, which is the equivalent of
/// 600 there; so nothing more is set.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let write_err = |source| Error::write(path, source);
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(write_err)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(write_err)?;
    temp.write_all(bytes).map_err(write_err)?;
    temp.persist(path).map_err(|e| write_err(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_overwrites_and_numbers_collisions() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.jpg"), b"original").expect("write");
        let first = write_new(dir.path(), OsStr::new("a.jpg"), b"one", None).expect("first");
        let second = write_new(dir.path(), OsStr::new("a.jpg"), b"two", None).expect("second");
        assert_eq!(first, dir.path().join("a-1.jpg"));
        assert_eq!(second, dir.path().join("a-2.jpg"));
        assert_eq!(
            std::fs::read(dir.path().join("a.jpg")).expect("read"),
            b"original"
        );
        let leftovers = std::fs::read_dir(dir.path())
            .expect("list")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".part"))
            })
            .count();
        assert_eq!(leftovers, 0);
    }

    #[test]
    fn write_replacing_replaces_whole_files_and_reports_missing_folders() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.html");
        std::fs::write(&path, b"old and longer").expect("write");
        write_replacing(&path, b"new").expect("replace");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        let missing = dir.path().join("no/such/folder/report.html");
        assert!(matches!(
            write_replacing(&missing, b"x"),
            Err(Error::Write { .. })
        ));
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn a_full_disk_midway_leaves_nothing_and_names_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let no_space = || std::io::Error::from_raw_os_error(28); // ENOSPC
        let result = write_new_with(dir.path(), OsStr::new("a.jpg"), None, |file| {
            file.write_all(&[0xFF; 4096])?;
            Err(no_space())
        });
        let Err(Error::Write { path, source }) = result else {
            panic!("expected a write error, got {result:?}");
        };
        assert_eq!(source.raw_os_error(), Some(28));
        assert_eq!(path.parent(), Some(dir.path()));
        assert!(
            std::fs::read_dir(dir.path())
                .expect("list")
                .next()
                .is_none(),
            "neither a temporary nor a partial file is left"
        );
        // /dev/full fails every write with ENOSPC: the same through a real device.
        let result = write_new_with(dir.path(), OsStr::new("b.jpg"), None, |_| {
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")?
                .write_all(b"picture")
        });
        assert!(
            matches!(&result, Err(Error::Write { source, .. }) if source.raw_os_error() == Some(28)),
            "{result:?}"
        );
        assert!(std::fs::read_dir(dir.path())
            .expect("list")
            .next()
            .is_none());
    }
}
