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

/// The largest absolute difference between two vectors.
pub fn max_abs_diff(a: &[f32], b: &[f32]) -> f32 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0f32, f32::max)
}

/// `ours` matches `reference` (named `what` in messages): same length, no component further off
/// than `max_abs`, cosine above 0.99999.
pub fn assert_matches(name: &str, what: &str, ours: &[f32], reference: &[f32], max_abs: f32) {
    assert_eq!(ours.len(), reference.len(), "{name}: lengths differ");
    let worst = max_abs_diff(ours, reference);
    let cos = cosine(ours, reference);
    assert!(worst < max_abs, "{name}: max |Rust - {what}| = {worst}");
    assert!(cos > 0.99999, "{name}: cosine to {what} {cos}");
}

/// The rows of a batch's output `batched` (rows of `singles[0].len()` values) equal the outputs
/// of the chips run one at a time, within `max_abs`.
pub fn assert_batch_rows(batched: &[f32], singles: &[Vec<f32>], max_abs: f32) {
    let len = singles.first().map_or(0, Vec::len);
    assert_eq!(batched.len(), len * singles.len());
    for (row, alone) in batched.chunks(len).zip(singles) {
        let worst = max_abs_diff(row, alone);
        assert!(worst < max_abs, "batched and single differ by {worst}");
    }
}

/// Checks autodiff input gradients (planar `[3][side * side]`) against the reference's float64
/// finite differences at the pixels `checks` names: within `tolerance` (relative, plus `floor`)
/// everywhere, and within 0.1% at all but one pixel (a finite difference that straddles a ReLU,
/// PReLU or max-pool kink may miss the tighter bound).
pub fn check_gradients(
    grad: &[f32],
    checks: &[serde_json::Value],
    side: usize,
    tolerance: f64,
    floor: f64,
) {
    assert!(grad.iter().all(|g| g.is_finite()));
    assert!(checks.len() >= 6, "{} gradient checks", checks.len());
    let plane = side * side;
    let mut off = 0;
    for check in checks {
        let at = |k: &str| check[k].as_u64().unwrap() as usize;
        let expected = check["gradient"].as_f64().unwrap();
        let got = f64::from(grad[at("channel") * plane + at("row") * side + at("column")]);
        let error = (got - expected).abs();
        assert!(
            error <= tolerance * expected.abs() + floor,
            "{check}: autodiff {got}, finite differences {expected}"
        );
        if error > 1e-3 * expected.abs() + floor {
            off += 1;
        }
    }
    assert!(off <= 1, "{off} gradients differ by more than 0.1%");
}

/// A copy of `model` with one byte changed is refused with the "Reinstall PhotoVeil" error that
/// names the expected SHA-256, and a missing file is a read error that names it.
pub fn assert_integrity_checked<T>(
    model: photoveil_nn::models::ModelFile,
    load: impl Fn(&std::path::Path) -> Result<T, photoveil_nn::NnError>,
) {
    use photoveil_nn::NnError;
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(models_dir().join(model.file)).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let copy = dir.path().join(model.file);
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::write(copy, bytes).unwrap();
    match load(dir.path()) {
        Err(e @ NnError::Checksum { .. }) => {
            let text = e.to_string();
            assert!(text.contains("Reinstall PhotoVeil"), "{text}");
            assert!(text.contains(model.sha256), "{text}");
        }
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("a changed model was accepted"),
    }
    match load(std::path::Path::new("/nonexistent")) {
        Err(e @ NnError::Read { .. }) => assert!(e.to_string().contains(model.file), "{e}"),
        Err(e) => panic!("a missing model must be a read error, not {e}"),
        Ok(_) => panic!("a missing model was loaded"),
    }
}
