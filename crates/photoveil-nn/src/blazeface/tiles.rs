//! The passes over a photo: the whole photo letterboxed into one input, then, for small faces,
//! the photo scaled up so that they reach the size the network finds, cut into overlapping
//! 256x256 tiles.

use super::INPUT_SIZE;

/// One scale of the photo and where its inputs are cut.
#[derive(Debug, Clone, PartialEq)]
pub struct Pass {
    /// Width and height of the scaled photo.
    pub size: (u32, u32),
    /// Top-left corners of the 256x256 tiles in the scaled photo (a tile may stick out of a
    /// scaled photo smaller than 256; the rest is black). For the whole-photo pass, the single
    /// tile's corner is negative: the scaled photo is centred in the input.
    pub tiles: Vec<(i64, i64)>,
    /// Whether detections touching a tile edge inside the photo must be dropped (the face may be
    /// cut there; an overlapping tile sees it whole).
    pub drop_cut: bool,
}

/// The passes for a `width` x `height` photo: the whole photo, then tiles at scales where faces
/// of `min_face` photo pixels measure `face_in_input` input pixels, and coarser ones (each
/// `overlap / face_in_input` times coarser) until the whole-photo pass takes over. A tile pass at
/// scale `s` sees faces from `face_in_input / s` to `overlap / s` photo pixels whole.
pub fn plan(width: u32, height: u32, min_face: f32, face_in_input: f32, overlap: u32) -> Vec<Pass> {
    if width == 0 || height == 0 {
        return Vec::new();
    }
    let side = INPUT_SIZE as f32;
    let long = width.max(height) as f32;
    let whole_scale = side / long;
    let scaled = |s: f32| {
        (
            ((width as f32 * s).round() as u32).max(1),
            ((height as f32 * s).round() as u32).max(1),
        )
    };
    let (w, h) = scaled(whole_scale);
    let mut passes = vec![Pass {
        size: (w, h),
        tiles: vec![(
            -(i64::from(INPUT_SIZE as u32 - w) / 2),
            -(i64::from(INPUT_SIZE as u32 - h) / 2),
        )],
        drop_cut: false,
    }];
    let overlap = overlap.clamp(1, INPUT_SIZE as u32 / 2);
    let step = (overlap as f32 / face_in_input.max(1.0)).max(1.25);
    if min_face.is_nan() || min_face <= 0.0 || face_in_input.is_nan() || face_in_input <= 0.0 {
        return passes;
    }
    // Finest first; no upscaling beyond 2x.
    let mut scale = (face_in_input / min_face).min(2.0);
    let mut fine = Vec::new();
    while scale > whole_scale * 1.01 {
        let size = scaled(scale);
        fine.push(Pass {
            size,
            tiles: grid(size.0, overlap)
                .into_iter()
                .flat_map(|x| grid(size.1, overlap).into_iter().map(move |y| (x, y)))
                .collect(),
            drop_cut: true,
        });
        scale /= step;
    }
    fine.reverse();
    passes.extend(fine);
    passes
}

/// Tile starts along an axis of `length` pixels, evenly spread with at least `overlap` shared.
fn grid(length: u32, overlap: u32) -> Vec<i64> {
    let side = INPUT_SIZE as u32;
    if length <= side {
        return vec![0];
    }
    let count = (length - overlap).div_ceil(side - overlap).max(2);
    let span = f64::from(length - side);
    (0..count)
        .map(|i| (span * f64::from(i) / f64::from(count - 1)).round() as i64)
        .collect()
}
