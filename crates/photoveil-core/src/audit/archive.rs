//! Reading an export in place: a ZIP archive (entries decompressed one at a time, straight into
//! memory, within limits against zip bombs) or a folder. Nothing is ever extracted to disk.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use serde::Serialize;

use super::error::{AuditError, EntryProblem};

/// Bounds on what an export may make PhotoVeil read.
#[derive(Debug, Clone, Copy)]
pub struct ArchiveLimits {
    /// Most entries an archive may list (its central directory is held in memory).
    pub max_entries: usize,
    /// Largest single entry, uncompressed, that is read.
    pub max_entry_bytes: u64,
    /// Most uncompressed bytes read from one export in total.
    pub max_total_bytes: u64,
    /// Largest uncompressed/compressed ratio accepted for entries over
    /// [`ArchiveLimits::RATIO_FLOOR`] bytes (photos hardly compress; JSON about 10:1).
    pub max_ratio: u64,
}

impl ArchiveLimits {
    /// Entries smaller than this are never refused for their ratio.
    pub const RATIO_FLOOR: u64 = 1 << 20;
}

impl Default for ArchiveLimits {
    fn default() -> Self {
        ArchiveLimits {
            max_entries: 400_000,
            max_entry_bytes: 512 << 20,
            max_total_bytes: 64 << 30,
            max_ratio: 200,
        }
    }
}

/// One file of the export.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Where the file's bytes are: the entry index in a ZIP, or the file path under a folder.
    #[serde(skip)]
    locator: Locator,
    /// Its path inside the export, with `/` separators.
    pub name: String,
    /// Its uncompressed size as the archive or file system declares it.
    pub size: u64,
}

#[derive(Debug, Clone)]
enum Locator {
    Zip(usize),
    File(PathBuf),
}

/// An entry that is listed but will not be read, and why.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedEntry {
    /// The entry's name as stored (lossy UTF-8).
    pub name: String,
    /// Why it is not read.
    pub problem: EntryProblem,
}

enum Backing {
    Zip(Mutex<zip::ZipArchive<BufReader<File>>>),
    Folder,
}

/// An opened export.
pub struct Export {
    path: PathBuf,
    backing: Backing,
    limits: ArchiveLimits,
    read_so_far: AtomicU64,
}

/// What listing an export gives: its files and the entries that will not be read.
pub struct Listing {
    /// Files that can be read, in the archive's (or the file system's sorted) order.
    pub entries: Vec<Entry>,
    /// Entries refused by name, kind or size.
    pub skipped: Vec<SkippedEntry>,
}

impl Export {
    /// Opens a ZIP file or a folder and lists its files.
    pub fn open(path: &Path, limits: ArchiveLimits) -> Result<(Export, Listing), AuditError> {
        let meta = std::fs::metadata(path).map_err(|e| AuditError::Open {
            path: path.to_path_buf(),
            source: std::sync::Arc::new(e),
        })?;
        if meta.is_dir() {
            let listing = list_folder(path, &limits)?;
            let export = Export {
                path: path.to_path_buf(),
                backing: Backing::Folder,
                limits,
                read_so_far: AtomicU64::new(0),
            };
            return Ok((export, listing));
        }
        let file = File::open(path).map_err(|e| AuditError::Open {
            path: path.to_path_buf(),
            source: std::sync::Arc::new(e),
        })?;
        let mut archive =
            zip::ZipArchive::new(BufReader::new(file)).map_err(|e| AuditError::NotAZip {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })?;
        if archive.len() > limits.max_entries {
            return Err(AuditError::TooManyEntries {
                path: path.to_path_buf(),
                entries: archive.len(),
                limit: limits.max_entries,
            });
        }
        let listing = list_zip(&mut archive, &limits);
        let export = Export {
            path: path.to_path_buf(),
            backing: Backing::Zip(Mutex::new(archive)),
            limits,
            read_so_far: AtomicU64::new(0),
        };
        Ok((export, listing))
    }

    /// The ZIP file or folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads one entry into memory, refusing it when it is larger than `max_bytes` (or the
    /// entry limit), or when the export's total would pass its limit. The size is checked
    /// against the bytes actually decompressed, not only the declared size.
    pub fn read(&self, entry: &Entry, max_bytes: u64) -> Result<Vec<u8>, EntryProblem> {
        let limit = max_bytes.min(self.limits.max_entry_bytes);
        if entry.size > limit {
            return Err(EntryProblem::TooLarge {
                bytes: entry.size,
                limit,
            });
        }
        let total = self.read_so_far.fetch_add(entry.size, Ordering::SeqCst) + entry.size;
        if total > self.limits.max_total_bytes {
            return Err(EntryProblem::ExportTooLarge {
                limit: self.limits.max_total_bytes,
            });
        }
        let mut data = Vec::with_capacity(entry.size.min(limit) as usize);
        match (&self.backing, &entry.locator) {
            (Backing::Zip(archive), Locator::Zip(index)) => {
                let mut archive = archive.lock().map_err(|_| EntryProblem::Unreadable {
                    reason: "an earlier read failed".into(),
                })?;
                let file = archive
                    .by_index(*index)
                    .map_err(|e| EntryProblem::Unreadable {
                        reason: e.to_string(),
                    })?;
                file.take(limit + 1).read_to_end(&mut data).map_err(|e| {
                    EntryProblem::Unreadable {
                        reason: e.to_string(),
                    }
                })?;
            }
            (Backing::Folder, Locator::File(path)) => {
                let file = File::open(path).map_err(|e| EntryProblem::Unreadable {
                    reason: e.to_string(),
                })?;
                file.take(limit + 1).read_to_end(&mut data).map_err(|e| {
                    EntryProblem::Unreadable {
                        reason: e.to_string(),
                    }
                })?;
            }
            _ => {
                return Err(EntryProblem::Unreadable {
                    reason: "entry of another export".into(),
                })
            }
        }
        if data.len() as u64 > limit {
            return Err(EntryProblem::TooLarge {
                bytes: data.len() as u64,
                limit,
            });
        }
        Ok(data)
    }
}

impl Export {
    /// The first bytes of an entry (at most `n`), to recognise its format by content.
    pub fn read_head(&self, entry: &Entry, n: usize) -> Result<Vec<u8>, EntryProblem> {
        let unreadable = |e: &dyn std::fmt::Display| EntryProblem::Unreadable {
            reason: e.to_string(),
        };
        let mut head = Vec::with_capacity(n);
        match (&self.backing, &entry.locator) {
            (Backing::Zip(archive), Locator::Zip(index)) => {
                let mut archive = archive
                    .lock()
                    .map_err(|_| unreadable(&"an earlier read failed"))?;
                let file = archive.by_index(*index).map_err(|e| unreadable(&e))?;
                file.take(n as u64)
                    .read_to_end(&mut head)
                    .map_err(|e| unreadable(&e))?;
            }
            (Backing::Folder, Locator::File(path)) => {
                let file = File::open(path).map_err(|e| unreadable(&e))?;
                file.take(n as u64)
                    .read_to_end(&mut head)
                    .map_err(|e| unreadable(&e))?;
            }
            _ => return Err(unreadable(&"entry of another export")),
        }
        Ok(head)
    }
}

fn list_zip(archive: &mut zip::ZipArchive<BufReader<File>>, limits: &ArchiveLimits) -> Listing {
    let mut listing = Listing {
        entries: Vec::new(),
        skipped: Vec::new(),
    };
    for index in 0..archive.len() {
        let name = archive
            .name_for_index(index)
            .map_or_else(|| format!("#{index}"), str::to_string);
        let file = match archive.by_index_raw(index) {
            Ok(file) => file,
            Err(e) => {
                listing.skipped.push(SkippedEntry {
                    name,
                    problem: EntryProblem::Unreadable {
                        reason: e.to_string(),
                    },
                });
                continue;
            }
        };
        if file.is_dir() {
            continue;
        }
        let raw_name = String::from_utf8_lossy(file.name_raw()).into_owned();
        let skip = |problem| SkippedEntry {
            name: raw_name.clone(),
            problem,
        };
        let raw = file.name_raw();
        let absolute = raw.first().is_some_and(|b| *b == b'/' || *b == b'\\')
            || (raw.len() > 1 && raw[0].is_ascii_alphabetic() && raw[1] == b':');
        let enclosed = file.enclosed_name().filter(|_| !absolute);
        let Some(name) = enclosed.and_then(|p| safe_name(&p)) else {
            listing.skipped.push(skip(EntryProblem::UnsafeName));
            continue;
        };
        if file.is_symlink() {
            listing.skipped.push(skip(EntryProblem::Link));
            continue;
        }
        if file.encrypted() {
            listing.skipped.push(skip(EntryProblem::Encrypted));
            continue;
        }
        let (size, packed) = (file.size(), file.compressed_size().max(1));
        if size > ArchiveLimits::RATIO_FLOOR && size / packed > limits.max_ratio {
            listing.skipped.push(skip(EntryProblem::SuspiciousRatio {
                ratio: size / packed,
                limit: limits.max_ratio,
            }));
            continue;
        }
        if size > limits.max_entry_bytes {
            listing.skipped.push(skip(EntryProblem::TooLarge {
                bytes: size,
                limit: limits.max_entry_bytes,
            }));
            continue;
        }
        listing.entries.push(Entry {
            locator: Locator::Zip(index),
            name,
            size,
        });
    }
    listing
}

fn list_folder(root: &Path, limits: &ArchiveLimits) -> Result<Listing, AuditError> {
    let mut listing = Listing {
        entries: Vec::new(),
        skipped: Vec::new(),
    };
    // Links are not followed: an export folder has none, and a link could lead anywhere.
    for item in walkdir::WalkDir::new(root).sort_by_file_name() {
        let item = match item {
            Ok(item) => item,
            Err(e) => {
                let name = e
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .map_or_else(String::new, |p| p.to_string_lossy().into_owned());
                listing.skipped.push(SkippedEntry {
                    name,
                    problem: EntryProblem::Unreadable {
                        reason: e.to_string(),
                    },
                });
                continue;
            }
        };
        let relative = item.path().strip_prefix(root).unwrap_or(item.path());
        let Some(name) = safe_name(relative) else {
            continue;
        };
        if item.file_type().is_symlink() {
            listing.skipped.push(SkippedEntry {
                name,
                problem: EntryProblem::Link,
            });
            continue;
        }
        if !item.file_type().is_file() {
            continue;
        }
        if listing.entries.len() >= limits.max_entries {
            return Err(AuditError::TooManyEntries {
                path: root.to_path_buf(),
                entries: listing.entries.len() + 1,
                limit: limits.max_entries,
            });
        }
        let size = item.metadata().map_or(0, |m| m.len());
        listing.entries.push(Entry {
            locator: Locator::File(item.into_path()),
            name,
            size,
        });
    }
    Ok(listing)
}

/// A relative path made only of normal components, joined with `/` (lossy for non-UTF-8
/// names); `None` for anything else (absolute, `..`, empty).
fn safe_name(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}
