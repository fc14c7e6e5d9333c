//! Names the user gives to people found in audits ("me", "my daughter"), kept in a file on this
//! computer only: each name with the person's average face embeddings, so that later audits
//! recognise the same person and can show every photo of them.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::cluster::{evidence, FaceEmbedding};
use super::PersonGroup;
use crate::error::{Error, Result};
use crate::protect::networks::unit;

/// Length of dlib ResNet-29 embeddings.
const DLIB_LEN: usize = 128;
/// Length of MobileFace embeddings.
const MOBILEFACE_LEN: usize = 256;
/// Longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Why a name could not be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NamingError {
    /// The name is empty (or only spaces).
    #[error("a name cannot be empty")]
    EmptyName,
    /// The group has no face embeddings to recognise the person by later.
    #[error("this person has no face that can be recognised again")]
    NoFace,
}

/// One named person.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct NamedPerson {
    name: String,
    dlib: Vec<f32>,
    mobileface: Vec<f32>,
}

/// The names the user has given, with whom they belong to.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PeopleBook {
    #[serde(default)]
    people: Vec<NamedPerson>,
}

impl PeopleBook {
    /// Reads the book at `path`. A missing or damaged file gives an empty book, and entries
    /// with embeddings of the wrong size are left out.
    pub fn load(path: &Path) -> PeopleBook {
        let mut book = std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice::<PeopleBook>(&b).ok())
            .unwrap_or_default();
        book.people.retain(|p| {
            p.dlib.len() == DLIB_LEN
                && p.mobileface.len() == MOBILEFACE_LEN
                && !p.name.trim().is_empty()
        });
        book
    }

    /// Writes the book to `path` atomically, readable by the user only where the system allows.
    pub fn save(&self, path: &Path) -> Result<()> {
        let text = serde_json::to_vec_pretty(self).map_err(|e| Error::Encode(e.to_string()))?;
        crate::output::write_private(path, &text)
    }

    /// Gives `name` (trimmed, at most [`MAX_NAME_CHARS`] characters) to the person whose faces
    /// average to `signature`. A name given before is moved to this person.
    pub fn remember(
        &mut self,
        name: &str,
        signature: &FaceEmbedding,
    ) -> std::result::Result<(), NamingError> {
        let name: String = name.trim().chars().take(MAX_NAME_CHARS).collect();
        if name.is_empty() {
            return Err(NamingError::EmptyName);
        }
        if signature.dlib.len() != DLIB_LEN || signature.mobileface.len() != MOBILEFACE_LEN {
            return Err(NamingError::NoFace);
        }
        self.people.retain(|p| p.name != name);
        self.people.push(NamedPerson {
            name,
            dlib: signature.dlib.clone(),
            mobileface: signature.mobileface.clone(),
        });
        Ok(())
    }

    /// The name of the person `signature` belongs to: the named person both networks together
    /// take for the same one with the most evidence, if any.
    pub fn recognise(&self, signature: &FaceEmbedding) -> Option<&str> {
        self.people
            .iter()
            .map(|p| {
                let known = FaceEmbedding {
                    dlib: p.dlib.clone(),
                    mobileface: p.mobileface.clone(),
                };
                (evidence(&known, signature), p.name.as_str())
            })
            .filter(|(e, _)| *e > 0.0)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, name)| name)
    }

    /// How many people are named.
    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// Whether no one is named.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }
}

/// The unit-length average of faces' embeddings, network by network (`None` without faces).
pub fn signature_of<'a>(
    faces: impl IntoIterator<Item = &'a FaceEmbedding>,
) -> Option<FaceEmbedding> {
    let mut dlib = vec![0.0f32; DLIB_LEN];
    let mut mobileface = vec![0.0f32; MOBILEFACE_LEN];
    let mut count = 0;
    for face in faces {
        if face.dlib.len() != DLIB_LEN || face.mobileface.len() != MOBILEFACE_LEN {
            continue;
        }
        for (sum, v) in dlib.iter_mut().zip(&face.dlib) {
            *sum += v;
        }
        for (sum, v) in mobileface.iter_mut().zip(&face.mobileface) {
            *sum += v;
        }
        count += 1;
    }
    (count > 0).then(|| FaceEmbedding {
        dlib: unit(dlib),
        mobileface: unit(mobileface),
    })
}

/// Names every group that the book recognises.
pub fn name_groups(groups: &mut [PersonGroup], book: &PeopleBook) {
    for group in groups {
        group.name = group
            .signature
            .as_ref()
            .and_then(|s| book.recognise(s))
            .map(str::to_string);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(seed: u32) -> FaceEmbedding {
        let mut state = seed.wrapping_mul(2_654_435_761).max(1);
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state % 2001) as f32 / 1000.0 - 1.0
        };
        FaceEmbedding {
            dlib: unit((0..DLIB_LEN).map(|_| next()).collect()),
            mobileface: unit((0..MOBILEFACE_LEN).map(|_| next()).collect()),
        }
    }

    #[test]
    fn a_named_person_is_recognised_and_others_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("people.json");
        let me = face(1);
        let mut book = PeopleBook::load(&path);
        assert!(book.is_empty());
        book.remember("  me  ", &me).unwrap();
        book.remember("my daughter", &face(2)).unwrap();
        book.save(&path).unwrap();
        let book = PeopleBook::load(&path);
        assert_eq!(book.len(), 2);
        assert_eq!(book.recognise(&me), Some("me"));
        assert_eq!(book.recognise(&face(2)), Some("my daughter"));
        assert_eq!(book.recognise(&face(3)), None);
        // A signature averaged from the same faces is the same person.
        let again = signature_of([&me, &me]).unwrap();
        assert_eq!(book.recognise(&again), Some("me"));
    }

    #[test]
    fn renaming_moves_a_name_and_bad_files_or_entries_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("people.json");
        let mut book = PeopleBook::default();
        book.remember("me", &face(1)).unwrap();
        book.remember("me", &face(4)).unwrap();
        assert_eq!(book.len(), 1);
        assert_eq!(book.recognise(&face(4)), Some("me"));
        assert_eq!(book.remember("   ", &face(5)), Err(NamingError::EmptyName));
        std::fs::write(&path, b"{not json").unwrap();
        assert!(PeopleBook::load(&path).is_empty());
        std::fs::write(
            &path,
            br#"{"people": [{"name": "x", "dlib": [1.0], "mobileface": [1.0]}], "extra": 1}"#,
        )
        .unwrap();
        assert!(PeopleBook::load(&path).is_empty());
        assert!(signature_of([]).is_none());
    }
}
