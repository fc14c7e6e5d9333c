//! Faces found in photos before, remembered by each photo's content (its SHA-256), so that a
//! folder scanned again is near-instant: the metadata is read again (that is fast, and the rules
//! may have changed), the face detector runs only on photos it has not seen.
//!
//! The file holds the content hashes and the faces' boxes and landmarks: no pixels and no face
//! images. It is thrown away whole when anything that decides the faces changes (the detector's
//! weights, its parameters, the rules for a usable face, PhotoVeil's version), and it keeps the
//! [`MAX_ENTRIES`] most recently used photos.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;

use photoveil_nn::blazeface::DetectParams;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::faces::{Face, USABLE_MAX_TURN, USABLE_MIN_SIDE};

/// Most photos remembered; the least recently used are forgotten first (about 300 bytes each).
pub const MAX_ENTRIES: usize = 50_000;

/// A photo's faces, as remembered.
#[derive(Clone, Serialize, Deserialize)]
struct Entry {
    /// SHA-256 of the file's bytes, lower-case hex.
    sha256: String,
    faces: Vec<Face>,
    /// When it was last used (a counter, larger is later).
    used: u64,
}

/// The file as written.
#[derive(Serialize, Deserialize)]
struct Stored {
    /// What decided the faces (see [`FaceCache::key`]).
    key: String,
    entries: Vec<Entry>,
}

/// Faces by photo content, shared by the workers of a scan. Open it with [`FaceCache::open`],
/// hand it to the scan, [`FaceCache::save`] it after.
pub struct FaceCache {
    path: PathBuf,
    entries: Mutex<HashMap<String, Entry>>,
    clock: AtomicU64,
    changed: AtomicBool,
}

impl std::fmt::Debug for FaceCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FaceCache")
            .field("path", &self.path)
            .field("entries", &self.len())
            .finish()
    }
}

impl FaceCache {
    /// What the remembered faces depend on: a cache written under another key is not used.
    pub fn key() -> String {
        format!(
            "photoveil {} faces-v3 blazeface {} {:?} usable {} {}",
            env!("CARGO_PKG_VERSION"),
            photoveil_nn::models::BLAZEFACE_BACK.sha256,
            DetectParams::default(),
            USABLE_MIN_SIDE,
            USABLE_MAX_TURN,
        )
    }

    /// The cache kept in `path`. A missing, unreadable or damaged file, or one written for
    /// another detector or version, gives an empty cache (it is only a cache: the faces are
    /// found again).
    pub fn open(path: &Path) -> FaceCache {
        let stored = std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .filter(|s| s.key == FaceCache::key());
        let entries: HashMap<String, Entry> = stored
            .map(|s| {
                s.entries
                    .into_iter()
                    .map(|e| (e.sha256.clone(), e))
                    .collect()
            })
            .unwrap_or_default();
        let clock = entries.values().map(|e| e.used).max().unwrap_or(0) + 1;
        FaceCache {
            path: path.to_path_buf(),
            entries: Mutex::new(entries),
            clock: AtomicU64::new(clock),
            changed: AtomicBool::new(false),
        }
    }

    /// The SHA-256 of a file's bytes, the key of its faces.
    pub fn content_key(data: &[u8]) -> String {
        ring::digest::digest(&ring::digest::SHA256, data)
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The faces remembered for the file whose [`FaceCache::content_key`] is `key`.
    pub fn get(&self, key: &str) -> Option<Vec<Face>> {
        let now = self.clock.fetch_add(1, Ordering::Relaxed);
        let mut entries = self.entries.lock().ok()?;
        let entry = entries.get_mut(key)?;
        entry.used = now;
        self.changed.store(true, Ordering::Relaxed);
        Some(entry.faces.clone())
    }

    /// Remembers the faces of the file whose content key is `key`.
    pub fn put(&self, key: String, faces: &[Face]) {
        let used = self.clock.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut entries) = self.entries.lock() {
            entries.insert(
                key.clone(),
                Entry {
                    sha256: key,
                    faces: faces.to_vec(),
                    used,
                },
            );
            self.changed.store(true, Ordering::Relaxed);
        }
    }

    /// Photos remembered.
    pub fn len(&self) -> usize {
        self.entries.lock().map_or(0, |e| e.len())
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the cache back (atomically, readable by the user only), keeping the
    /// [`MAX_ENTRIES`] most recently used photos; does nothing when nothing changed.
    pub fn save(&self) -> Result<()> {
        if !self.changed.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut entries: Vec<Entry> = match self.entries.lock() {
            Ok(entries) => entries.values().cloned().collect(),
            Err(_) => return Ok(()),
        };
        entries.sort_by_key(|e| std::cmp::Reverse(e.used));
        entries.truncate(MAX_ENTRIES);
        let stored = Stored {
            key: FaceCache::key(),
            entries,
        };
        let bytes = serde_json::to_vec(&stored).map_err(|e| {
            crate::error::Error::write(&self.path, std::io::Error::other(e.to_string()))
        })?;
        crate::output::write_private(&self.path, &bytes)?;
        self.changed.store(false, Ordering::Relaxed);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(x: f32) -> Face {
        Face {
            bbox: [x, 10.0, 80.0, 90.0],
            score: 0.9,
            landmarks: [[x + 20.0, 40.0]; 6],
            usable: true,
        }
    }

    #[test]
    fn faces_come_back_after_saving_and_a_damaged_or_foreign_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache").join("faces.json");
        let cache = FaceCache::open(&path);
        assert!(cache.is_empty());
        let key = FaceCache::content_key(b"photo one");
        assert_eq!(key.len(), 64);
        assert_ne!(key, FaceCache::content_key(b"photo two"));
        cache.put(key.clone(), &[face(1.0), face(200.0)]);
        cache.save().unwrap();

        let again = FaceCache::open(&path);
        assert_eq!(again.get(&key), Some(vec![face(1.0), face(200.0)]));
        assert_eq!(again.get(&FaceCache::content_key(b"photo two")), None);

        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace(&FaceCache::key(), "an older detector")).unwrap();
        assert!(FaceCache::open(&path).is_empty());
        std::fs::write(&path, b"{ damaged").unwrap();
        assert!(FaceCache::open(&path).is_empty());
    }

    #[test]
    fn the_least_recently_used_photos_are_forgotten_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("faces.json");
        let cache = FaceCache::open(&path);
        for i in 0..MAX_ENTRIES + 2 {
            cache.put(format!("{i:064}"), &[]);
        }
        // The first photo is used again, so the second and third are the oldest.
        assert!(cache.get(&format!("{:064}", 0)).is_some());
        cache.save().unwrap();
        let again = FaceCache::open(&path);
        assert_eq!(again.len(), MAX_ENTRIES);
        assert!(again.get(&format!("{:064}", 0)).is_some());
        assert!(again.get(&format!("{:064}", 1)).is_none());
        assert!(again.get(&format!("{:064}", 2)).is_none());
        assert!(again.get(&format!("{:064}", 3)).is_some());
    }
}
