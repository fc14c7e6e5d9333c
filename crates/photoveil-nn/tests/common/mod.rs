//! Helpers shared by the network tests: where the models and their references are, and small
//! vector arithmetic.
#![allow(dead_code)]

use std::path::PathBuf;

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `assets/models`.
pub fn models_dir() -> PathBuf {
    repo().join("assets/models")
}

/// `assets/models/reference/NAME` parsed as JSON.
pub fn reference(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(models_dir().join("reference").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A JSON array of numbers as `f32`s.
pub fn vector(v: &serde_json::Value) -> Vec<f32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap() as f32)
        .collect()
}

/// A `side x side` RGB reference chip from `assets/models/reference/NAME`.
pub fn chip_image(name: &str, side: usize) -> image::RgbImage {
    let img = image::open(models_dir().join("reference").join(name))
        .unwrap()
        .to_rgb8();
    assert_eq!(img.dimensions(), (side as u32, side as u32));
    img
}

/// A deterministic pattern that is nobody's face (the reference scripts use the same formula).
pub fn synthetic(side: usize) -> Vec<u8> {
    let mut v = Vec::with_capacity(side * side * 3);
    for h in 0..side {
        for w in 0..side {
            for c in 0..3 {
                v.push(((h * 7 + w * 13 + c * 29 + (h * w) % 17) % 256) as u8);
            }
        }
    }
    v
}

/// Cosine similarity.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    dot / (a.iter().map(|x| x * x).sum::<f32>().sqrt()
        * b.iter().map(|x| x * x).sum::<f32>().sqrt())
}
