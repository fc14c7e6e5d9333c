//! Consistent decoy identities.
//!
//! Every photo of one person must push towards the same far-away identity: if each photo went its
//! own random way, a face-swap tool that averages the embeddings of several photos (FaceFusion
//! does) would cancel the cloaks out. Faces are grouped by identity, and each person gets decoy
//! directions derived from a secret key (from the system's secure generator, via `ring`) and the
//! person's number. The key and the people seen so far are kept in a small local file, so that
//! later batches agree with earlier ones. Nothing in it leaves the computer.

use std::path::Path;

use ring::hmac;
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};

use super::networks::{cosine, unit, NetworkKind};
use crate::error::{Error, Result};

/// Cosine of grouping embeddings above which two faces are one person.
const SAME_PERSON: f32 = 0.82;
/// Most people remembered (oldest forgotten first).
const MAX_PEOPLE: usize = 10_000;

/// A person seen before.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Person {
    id: u32,
    /// Running mean of the person's unit grouping embeddings.
    centroid: Vec<f32>,
    photos: u32,
}

/// The decoy key and the people it has been used for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DecoyBook {
    key: String,
    next_id: u32,
    people: Vec<Person>,
}

impl DecoyBook {
    /// A new book with a fresh random key.
    pub fn new() -> Result<DecoyBook> {
        let mut key = [0u8; 32];
        SystemRandom::new()
            .fill(&mut key)
            .map_err(|_| Error::Encode("the system's secure random generator failed".into()))?;
        Ok(DecoyBook {
            key: key.iter().map(|b| format!("{b:02x}")).collect(),
            next_id: 0,
            people: Vec::new(),
        })
    }

    /// Reads the book at `path`; a missing, unreadable or damaged file gives a new book (the
    /// only cost is that earlier photos and new ones use different decoys).
    pub fn load_or_new(path: &Path) -> Result<DecoyBook> {
        match std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice::<DecoyBook>(&b).ok())
        {
            Some(book) if book.key.len() == 64 => Ok(book),
            _ => DecoyBook::new(),
        }
    }

    /// Writes the book to `path` atomically (temporary file, then rename), readable only by the
    /// user where the system allows.
    pub fn save(&self, path: &Path) -> Result<()> {
        let text = serde_json::to_vec(self).map_err(|e| Error::Encode(e.to_string()))?;
        crate::output::write_private(path, &text)
    }

    /// The number of the person whose unit grouping embedding this is, remembering a new person
    /// when nobody matches.
    pub fn person_for(&mut self, embedding: &[f32]) -> u32 {
        let best = self
            .people
            .iter_mut()
            .map(|p| (cosine(&p.centroid, embedding), p))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((similarity, person)) = best {
            if similarity >= SAME_PERSON && person.centroid.len() == embedding.len() {
                let n = person.photos as f32;
                let merged: Vec<f32> = person
                    .centroid
                    .iter()
                    .zip(embedding)
                    .map(|(c, e)| (c * n + e) / (n + 1.0))
                    .collect();
                person.centroid = unit(merged);
                person.photos = person.photos.saturating_add(1);
                return person.id;
            }
        }
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        if self.people.len() >= MAX_PEOPLE {
            self.people.remove(0);
        }
        self.people.push(Person {
            id,
            centroid: embedding.to_vec(),
            photos: 1,
        });
        id
    }

    /// The decoy direction for `person` in `network`'s embedding space: a pseudo-random unit
    /// vector fixed by the key and the person, made orthogonal to this photo's `source`
    /// embedding.
    pub fn decoy(&self, person: u32, network: NetworkKind, source: &[f32]) -> Vec<f32> {
        let key = hmac::Key::new(hmac::HMAC_SHA256, self.key.as_bytes());
        let mut values = Vec::with_capacity(source.len() + 8);
        let mut block = 0u32;
        while values.len() < source.len() {
            let tag = hmac::sign(
                &key,
                format!("decoy/{person}/{}/{block}", network.name()).as_bytes(),
            );
            for pair in tag.as_ref().chunks_exact(8) {
                // Box-Muller from two 32-bit uniforms.
                let u1 = (f64::from(u32::from_le_bytes([pair[0], pair[1], pair[2], pair[3]]))
                    + 1.0)
                    / 4_294_967_297.0;
                let u2 = f64::from(u32::from_le_bytes([pair[4], pair[5], pair[6], pair[7]]))
                    / 4_294_967_296.0;
                values.push(((-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()) as f32);
            }
            block += 1;
        }
        values.truncate(source.len());
        let along = cosine(&values, source);
        unit(
            values
                .iter()
                .zip(source)
                .map(|(v, s)| v - along * s)
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_person_keeps_one_decoy_across_photos_and_saves() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("decoys.json");
        let mut book = DecoyBook::load_or_new(&path).expect("book");
        let alice = unit((0..128).map(|i| (i as f32 * 0.37).sin()).collect());
        let alice2 = unit(
            alice
                .iter()
                .enumerate()
                .map(|(i, v)| v + 0.02 * (i as f32).cos())
                .collect(),
        );
        let bob = unit((0..128).map(|i| (i as f32 * 1.91).cos()).collect());
        let a = book.person_for(&alice);
        assert_eq!(book.person_for(&alice2), a);
        let b = book.person_for(&bob);
        assert_ne!(a, b);
        let d1 = book.decoy(a, NetworkKind::DlibResnet29, &alice);
        let d2 = book.decoy(a, NetworkKind::DlibResnet29, &alice2);
        assert!(cosine(&d1, &d2) > 0.99, "same person, same decoy");
        assert!(cosine(&d1, &alice).abs() < 1e-4, "orthogonal to the face");
        assert!(cosine(&d1, &book.decoy(b, NetworkKind::DlibResnet29, &alice)).abs() < 0.4);
        book.save(&path).expect("save");
        let mut again = DecoyBook::load_or_new(&path).expect("load");
        assert_eq!(again.person_for(&alice), a);
        assert!(cosine(&again.decoy(a, NetworkKind::DlibResnet29, &alice), &d1) > 0.999);
        std::fs::write(&path, b"{not json").expect("write");
        let fresh = DecoyBook::load_or_new(&path).expect("a damaged book is replaced");
        assert!(fresh.people.is_empty());
    }
}
