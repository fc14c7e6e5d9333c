//! The passes over a photo: the whole photo letterboxed into one 256x256 input, then, for small
//! faces, the photo scaled up so that they reach the size the network finds. The network is
//! fully convolutional, so a scaled photo goes in whole (padded to a multiple of 32) when it
//! fits in the largest input allowed ([`MAX_TILE`] by default); a larger one is cut into
//! overlapping tiles of at most that side.

use super::{INPUT_MULTIPLE, INPUT_SIZE};

/// Default longest side of one input of a fine pass. Bounds memory on huge scaled photos; the
/// scaled photos of the default parameters (at most 800 px) fit in one.
pub const MAX_TILE: u32 = 1024;

/// One scale of the photo and where its inputs are cut.
#[derive(Debug, Clone, PartialEq)]
pub struct Pass {
    /// Width and height of the scaled photo.
    pub size: (u32, u32),
    /// Width and height of every input of the pass (multiples of 32).
    pub tile: (u32, u32),
    /// Top-left corners of the inputs in the scaled photo (an input may stick out of the scaled
    /// photo; the rest is black). For the whole-photo pass, the single input's corner is
    /// negative: the scaled photo is centred in it.
    pub tiles: Vec<(i64, i64)>,
    /// Whether detections touching an input edge inside the photo must be dropped (the face may
    /// be cut there; an overlapping input sees it whole).
    pub drop_cut: bool,
}

/// The passes for a `width` x `height` photo: the whole photo, then scales where faces of
/// `min_face` photo pixels measure `face_in_input` input pixels, and coarser ones (each
/// `overlap / face_in_input` times coarser) until the whole-photo pass takes over. A pass at
/// scale `s` sees faces from `face_in_input / s` to at least `overlap / s` photo pixels whole.
/// Inputs of fine passes have sides of at most `max_tile` (rounded down to a multiple of 32,
/// at least 256).
pub fn plan(
    width: u32,
    height: u32,
    min_face: f32,
    face_in_input: f32,
    overlap: u32,
    max_tile: u32,
) -> Vec<Pass> {
    if width == 0 || height == 0 {
        return Vec::new();
    }
    let side = INPUT_SIZE as u32;
    let long = width.max(height) as f32;
    let whole_scale = side as f32 / long;
    let scaled = |s: f32| {
        (
            ((width as f32 * s).round() as u32).max(1),
            ((height as f32 * s).round() as u32).max(1),
        )
    };
    let (w, h) = scaled(whole_scale);
    let mut passes = vec![Pass {
        size: (w, h),
        tile: (side, side),
        tiles: vec![(-(i64::from(side - w) / 2), -(i64::from(side - h) / 2))],
        drop_cut: false,
    }];
    let overlap = overlap.clamp(1, side / 2);
    let step = (overlap as f32 / face_in_input.max(1.0)).max(1.25);
    if min_face.is_nan() || min_face <= 0.0 || face_in_input.is_nan() || face_in_input <= 0.0 {
        return passes;
    }
    // Finest first; no upscaling beyond 2x.
    let mut scale = (face_in_input / min_face).min(2.0);
    let mut fine = Vec::new();
    while scale > whole_scale * 1.01 {
        let size = scaled(scale);
        let tile = (tile_side(size.0, max_tile), tile_side(size.1, max_tile));
        fine.push(Pass {
            size,
            tile,
            tiles: grid(size.0, tile.0, overlap)
                .into_iter()
                .flat_map(|x| {
                    grid(size.1, tile.1, overlap)
                        .into_iter()
                        .map(move |y| (x, y))
                })
                .collect(),
            drop_cut: true,
        });
        scale /= step;
    }
    fine.reverse();
    passes.extend(fine);
    passes
}

/// Side of the inputs along an axis of `length` pixels: the whole length rounded up to a
/// multiple of 32, at most `max_tile` (itself rounded down to a multiple of 32, at least 256).
fn tile_side(length: u32, max_tile: u32) -> u32 {
    let multiple = INPUT_MULTIPLE as u32;
    let max_tile = (max_tile / multiple * multiple).max(INPUT_SIZE as u32);
    length
        .div_ceil(multiple)
        .saturating_mul(multiple)
        .clamp(multiple, max_tile)
}

/// Input starts along an axis of `length` pixels for inputs of `side`, evenly spread with at
/// least `overlap` shared.
fn grid(length: u32, side: u32, overlap: u32) -> Vec<i64> {
    if length <= side {
        return vec![0];
    }
    let count = (length - overlap).div_ceil(side - overlap).max(2);
    let span = f64::from(length - side);
    (0..count)
        .map(|i| (span * f64::from(i) / f64::from(count - 1)).round() as i64)
        .collect()
}
