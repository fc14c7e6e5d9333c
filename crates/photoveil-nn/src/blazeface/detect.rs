//! Faces of a whole photo: the network on the letterboxed photo and on the photo scaled up for
//! small faces (whole, or in overlapping tiles when very large), the detections mapped back to
//! the photo and merged.

use fast_image_resize as fir;
use image::imageops::{self, FilterType};
use image::RgbImage;

use super::anchors::anchors_for;
use super::decode::{decode, weighted_nms, Detection, NUM_KEYPOINTS};
use super::tiles::{plan, Pass, MAX_TILE};
use super::{normalise_sized, BlazeFace, Outputs, INPUT_SIZE, NUM_REGRESSORS};
use crate::error::NnError;

/// How [`detect_faces`] searches a photo.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DetectParams {
    /// Smallest score (probability) of a face that is kept.
    pub min_score: f32,
    /// Intersection over union above which detections of one face are merged.
    pub nms_iou: f32,
    /// Side, in photo pixels, of the smallest faces the tiles must find; 0 (with
    /// `min_face_ratio` 0) runs the whole-photo pass only (faces down to about 8% of the photo's
    /// longer side).
    pub min_face: f32,
    /// The same as a fraction of the photo's longer side; the larger of the two applies. It
    /// bounds the work on big photos (the scaled photo's area grows as the square of
    /// `long side / smallest face`).
    pub min_face_ratio: f32,
    /// Side, in input pixels, that faces of `min_face` get in the tiles.
    pub face_in_input: f32,
    /// Overlap of neighbouring tiles, in input pixels: the largest face a tile pass must see whole.
    pub overlap: u32,
    /// Longest side of one input of a fine pass (see [`super::tiles::plan`]); a scaled photo
    /// that fits goes through the network whole. 256 cuts every pass into 256x256 tiles.
    pub max_tile: u32,
    /// Inputs [`detect_faces_reference`] runs through the burn network together, counted in
    /// 256x256 inputs (a larger input counts for as many as it covers); [`detect_faces`] runs
    /// one input at a time.
    pub batch: usize,
}

impl Default for DetectParams {
    fn default() -> Self {
        DetectParams {
            min_score: 0.75,
            nms_iou: 0.3,
            min_face: 40.0,
            min_face_ratio: 0.025,
            face_in_input: 20.0,
            overlap: 64,
            max_tile: MAX_TILE,
            batch: 8,
        }
    }
}

impl DetectParams {
    /// The scale of the finest pass [`detect_faces`] makes of a `width` x `height` photo (1 or
    /// more: the photo is used at full size or enlarged). A copy of the photo scaled by at least
    /// this much, searched with [`DetectParams::for_scaled`], finds the same faces.
    pub fn finest_scale(&self, width: u32, height: u32) -> f32 {
        let whole = INPUT_SIZE as f32 / width.max(height).max(1) as f32;
        let min_face = self
            .min_face
            .max(self.min_face_ratio * width.max(height) as f32);
        if !(min_face > 0.0 && self.face_in_input > 0.0) {
            return whole.min(1.0);
        }
        (self.face_in_input / min_face).min(2.0).max(whole)
    }

    /// These parameters for a copy of the photo scaled by `scale` (0 < scale <= 1): the
    /// smallest face, in pixels, shrinks with it, so the copy's passes match the photo's.
    pub fn for_scaled(&self, scale: f32) -> DetectParams {
        DetectParams {
            min_face: self.min_face * scale,
            ..*self
        }
    }
}

/// A face found in a photo, in the photo's pixel coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Face {
    /// `[x, y, width, height]` of the box, clipped to the photo.
    pub bbox: [f32; 4],
    /// Probability of a face, in `[0, 1]`.
    pub score: f32,
    /// Right eye, left eye, nose tip, mouth centre, right ear, left ear (see
    /// [`super::decode::RIGHT_EYE`]...), as `[x, y]`; may lie outside the photo.
    pub keypoints: [[f32; 2]; NUM_KEYPOINTS],
}

/// Pixels a box may come to an inner tile edge before the face counts as cut by it.
const CUT_MARGIN: f32 = 4.0;

/// The faces of `rgb`, by decreasing score.
pub fn detect_faces(
    detector: &BlazeFace,
    rgb: &RgbImage,
    params: &DetectParams,
) -> Result<Vec<Face>, NnError> {
    detect_with(detector, rgb, params, Engine::Fast)
}

/// [`detect_faces`] with the burn network ([`BlazeFace::forward`], `params.batch` inputs at a
/// time) instead of [`BlazeFace::infer`]: the reference the fast path is checked against.
pub fn detect_faces_reference(
    detector: &BlazeFace,
    rgb: &RgbImage,
    params: &DetectParams,
) -> Result<Vec<Face>, NnError> {
    detect_with(detector, rgb, params, Engine::Reference)
}

/// Which forward pass runs the network.
#[derive(Clone, Copy, PartialEq)]
enum Engine {
    Fast,
    Reference,
}

fn detect_with(
    detector: &BlazeFace,
    rgb: &RgbImage,
    params: &DetectParams,
    engine: Engine,
) -> Result<Vec<Face>, NnError> {
    let (width, height) = rgb.dimensions();
    let mut found = Vec::new();
    let min_face = params
        .min_face
        .max(params.min_face_ratio * width.max(height) as f32);
    let passes = plan(
        width,
        height,
        min_face,
        params.face_in_input,
        params.overlap,
        params.max_tile,
    );
    // Scale from the finest pass down, each from the previous one (cheaper than from the photo).
    let mut source: Option<RgbImage> = None;
    for pass in passes.iter().rev() {
        let scaled = scale(source.as_ref().unwrap_or(rgb), pass.size);
        let sx = width as f32 / pass.size.0 as f32;
        let sy = height as f32 / pass.size.1 as f32;
        let (tw, th) = (pass.tile.0 as usize, pass.tile.1 as usize);
        let anchors = anchors_for(tw, th);
        let per_batch = match engine {
            Engine::Fast => 1,
            Engine::Reference => {
                (params.batch.max(1) * INPUT_SIZE * INPUT_SIZE / (tw * th).max(1)).max(1)
            }
        };
        for chunk in pass.tiles.chunks(per_batch) {
            let outputs = run_tiles(detector, &scaled, chunk, pass.tile, anchors.len(), engine)?;
            for (out, &(x0, y0)) in outputs.iter().zip(chunk) {
                let tile = decode(&out.scores, &out.regressors, &anchors, params.min_score);
                for d in weighted_nms(tile, params.nms_iou) {
                    if pass.drop_cut && is_cut(&d, (x0, y0), pass) {
                        continue;
                    }
                    found.push(to_photo(d, (x0, y0), (sx, sy)));
                }
            }
        }
        source = Some(scaled);
    }
    Ok(weighted_nms(found, params.nms_iou)
        .into_iter()
        .map(|d| face(d, width as f32, height as f32))
        .collect())
}

/// The network's outputs for the inputs of `size` cut from `scaled` at `corners`, each of
/// `count` anchors.
fn run_tiles(
    detector: &BlazeFace,
    scaled: &RgbImage,
    corners: &[(i64, i64)],
    size: (u32, u32),
    count: usize,
    engine: Engine,
) -> Result<Vec<Outputs>, NnError> {
    let (tw, th) = (size.0 as usize, size.1 as usize);
    let short = || NnError::Inference {
        detail: "the network's outputs are too short".to_string(),
    };
    if engine == Engine::Fast {
        return corners
            .iter()
            .map(|&at| {
                let out = if at == (0, 0) && scaled.dimensions() == size {
                    detector.infer(scaled.as_raw(), tw, th)?
                } else {
                    detector.infer(cut(scaled, at, size).as_raw(), tw, th)?
                };
                if out.scores.len() != count {
                    return Err(short());
                }
                Ok(out)
            })
            .collect();
    }
    let inputs: Vec<RgbImage> = corners.iter().map(|&at| cut(scaled, at, size)).collect();
    let raw: Vec<&[u8]> = inputs.iter().map(|i| i.as_raw().as_slice()).collect();
    let out = detector.forward(normalise_sized(&raw, tw, th, detector.device()));
    let scores = values(out.scores.into_data())?;
    let regressors = values(out.regressors.into_data())?;
    let per = count * NUM_REGRESSORS;
    (0..corners.len())
        .map(|i| {
            match (
                scores.get(i * count..(i + 1) * count),
                regressors.get(i * per..(i + 1) * per),
            ) {
                (Some(s), Some(r)) => Ok(Outputs {
                    scores: s.to_vec(),
                    regressors: r.to_vec(),
                }),
                _ => Err(short()),
            }
        })
        .collect()
}

fn values(data: burn_tensor::TensorData) -> Result<Vec<f32>, NnError> {
    data.try_to_vec::<f32>().map_err(|e| NnError::Inference {
        detail: format!("{e:?}"),
    })
}

/// `image` scaled to `size`: area averaging (a box filter) when shrinking, bilinear when
/// enlarging, with `fast_image_resize`'s SIMD kernels; `image`'s own (slower) scaling should
/// that fail.
fn scale(image: &RgbImage, size: (u32, u32)) -> RgbImage {
    if image.dimensions() == size {
        return image.clone();
    }
    let shrinking = size.0 <= image.width() && size.1 <= image.height();
    let filter = if shrinking {
        fir::FilterType::Box
    } else {
        fir::FilterType::Bilinear
    };
    let mut scaled = RgbImage::new(size.0, size.1);
    let options = fir::ResizeOptions::new().resize_alg(fir::ResizeAlg::Convolution(filter));
    match fir::Resizer::new().resize(image, &mut scaled, &options) {
        Ok(()) => scaled,
        Err(_) if shrinking => imageops::thumbnail(image, size.0, size.1),
        Err(_) => imageops::resize(image, size.0, size.1, FilterType::Triangle),
    }
}

/// The `size` input whose top-left corner is at `at` in `image`, black outside it.
fn cut(image: &RgbImage, at: (i64, i64), size: (u32, u32)) -> RgbImage {
    let mut tile = RgbImage::new(size.0, size.1);
    let (x0, y0) = (at.0.max(0) as u32, at.1.max(0) as u32);
    let w = size.0.min(image.width().saturating_sub(x0));
    let h = size.1.min(image.height().saturating_sub(y0));
    let part = imageops::crop_imm(image, x0, y0, w, h);
    imageops::replace(
        &mut tile,
        &*part,
        (x0 as i64 - at.0).max(0),
        (y0 as i64 - at.1).max(0),
    );
    tile
}

/// Whether `d` (tile coordinates) reaches an edge of its tile that lies inside the scaled photo.
fn is_cut(d: &Detection, at: (i64, i64), pass: &Pass) -> bool {
    let (tw, th) = (i64::from(pass.tile.0), i64::from(pass.tile.1));
    let (w, h) = (i64::from(pass.size.0), i64::from(pass.size.1));
    let inner_left = at.0 > 0;
    let inner_top = at.1 > 0;
    let inner_right = at.0 + tw < w;
    let inner_bottom = at.1 + th < h;
    (inner_left && d.bbox[0] < CUT_MARGIN)
        || (inner_top && d.bbox[1] < CUT_MARGIN)
        || (inner_right && d.bbox[2] > tw as f32 - CUT_MARGIN)
        || (inner_bottom && d.bbox[3] > th as f32 - CUT_MARGIN)
}

/// `d` from tile coordinates to photo coordinates.
fn to_photo(d: Detection, at: (i64, i64), (sx, sy): (f32, f32)) -> Detection {
    let x = |v: f32| (v + at.0 as f32) * sx;
    let y = |v: f32| (v + at.1 as f32) * sy;
    Detection {
        bbox: [x(d.bbox[0]), y(d.bbox[1]), x(d.bbox[2]), y(d.bbox[3])],
        score: d.score,
        keypoints: d.keypoints.map(|[px, py]| [x(px), y(py)]),
    }
}

fn face(d: Detection, width: f32, height: f32) -> Face {
    let x0 = d.bbox[0].clamp(0.0, width);
    let y0 = d.bbox[1].clamp(0.0, height);
    let x1 = d.bbox[2].clamp(0.0, width);
    let y1 = d.bbox[3].clamp(0.0, height);
    Face {
        bbox: [x0, y0, x1 - x0, y1 - y0],
        score: d.score,
        keypoints: d.keypoints,
    }
}
