//! Faces in a photo as displayed: where they are, and whether a face-swap tool could use them.

use std::borrow::Cow;

use image::{DynamicImage, RgbImage};
use photoveil_nn::blazeface::{detect_faces, BlazeFace, DetectParams};
use serde::{Deserialize, Serialize};

use crate::decode::{decode_displayed_at_least, Reduced};
use crate::error::Result;
use crate::format::ImageFormat;
use crate::geometry::{Point, Similarity};

/// Shortest box side, in pixels, from which face-swap tools get a usable source face (their
/// detectors work on 640-px inputs and their swappers on 128-px chips; smaller faces give blurry,
/// unconvincing swaps).
pub const USABLE_MIN_SIDE: f32 = 64.0;
/// Largest sideways offset of the nose from the middle of the eyes, in eye distances, for a face
/// to count as frontal enough to swap.
pub const USABLE_MAX_TURN: f32 = 0.35;

/// Sideways offset of the nose from the middle of the eyes, in eye distances, beyond which a
/// face is seen from the side: the far eye is hidden or nearly so, and no frontal alignment
/// fits it. The cloak is not made for such a face (see `protect::pipeline::FaceAction::SideView`).
/// On the shared photos the one face seen in profile measures 9.5, and faces turned three
/// quarters, which the cloak still moves, 0.38-0.81.
pub const SIDE_VIEW_TURN: f32 = 1.5;

/// A face found in a photo.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Face {
    /// `[x, y, width, height]` in pixels of the photo as displayed.
    #[serde(rename = "box")]
    pub bbox: [f32; 4],
    /// The detector's confidence, 0-1.
    pub score: f32,
    /// Right eye, left eye, nose tip, mouth centre, right ear, left ear (the person's right and
    /// left), `[x, y]` in pixels.
    pub landmarks: [[f32; 2]; 6],
    /// Whether a face-swap tool could take this face: large enough ([`USABLE_MIN_SIDE`]) and
    /// frontal enough ([`USABLE_MAX_TURN`]).
    pub usable: bool,
}

impl Face {
    /// Shorter side of the box.
    pub fn size(&self) -> f32 {
        self.bbox[2].min(self.bbox[3])
    }

    /// How far the face is turned sideways: the nose's offset from the middle of the eyes, in
    /// eye distances (0 for a frontal face).
    pub fn turn(&self) -> f32 {
        let [r, l, nose] = [self.landmarks[0], self.landmarks[1], self.landmarks[2]];
        let (ex, ey) = (l[0] - r[0], l[1] - r[1]);
        let eye_distance = ex.hypot(ey).max(1e-3);
        let mid = [(r[0] + l[0]) / 2.0, (r[1] + l[1]) / 2.0];
        // Component of (nose - mid) along the eye line.
        ((nose[0] - mid[0]) * ex + (nose[1] - mid[1]) * ey).abs() / (eye_distance * eye_distance)
    }

    /// Whether the face is seen from the side ([`SIDE_VIEW_TURN`]).
    pub fn side_view(&self) -> bool {
        self.turn() > SIDE_VIEW_TURN
    }

    /// This face in a copy of its photo scaled by `sx` across and `sy` down.
    pub fn scaled(&self, sx: f32, sy: f32) -> Face {
        let [x, y, w, h] = self.bbox;
        Face {
            bbox: [x * sx, y * sy, w * sx, h * sy],
            landmarks: self.landmarks.map(|[px, py]| [px * sx, py * sy]),
            ..*self
        }
    }

    /// The transform from a network's chip (given the chip positions of the image-left eye,
    /// image-right eye, nose tip and mouth centre of an upright frontal face) to this face.
    /// Both ways of pairing the eyes are tried and the better fit is kept, so faces upside down
    /// or mirrored by the detector still align.
    pub fn alignment(&self, template: &[Point; 4]) -> Option<Similarity> {
        let lm = self.landmarks;
        let options = [[lm[0], lm[1], lm[2], lm[3]], [lm[1], lm[0], lm[2], lm[3]]];
        options
            .iter()
            .filter_map(|points| {
                let t = Similarity::fit(template, points)?;
                let residual: f32 = template
                    .iter()
                    .zip(points)
                    .map(|(a, b)| {
                        let p = t.apply(*a);
                        (p[0] - b[0]).powi(2) + (p[1] - b[1]).powi(2)
                    })
                    .sum();
                Some((residual, t))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, t)| t)
    }
}

/// Finds the faces of a picture (as displayed), largest first.
pub fn find_faces(detector: &BlazeFace, picture: &RgbImage) -> Result<Vec<Face>> {
    find_faces_scaled(detector, picture, DetectParams::default(), (1.0, 1.0))
}

/// Decodes an encoded photo as displayed only as finely as the face detector's finest pass
/// needs (a 12-megapixel JPEG at a quarter of its size, straight from the DCT): what
/// [`find_faces_in_reduced`] takes.
pub fn decode_for_faces(format: ImageFormat, data: &[u8]) -> Result<Reduced> {
    let params = DetectParams::default();
    decode_displayed_at_least(format, data, |w, h| params.finest_scale(w, h))
}

/// The faces of a photo decoded by [`decode_for_faces`], largest first, in the whole photo's
/// pixels: the faces [`find_faces`] finds on the whole picture, up to the detector's own
/// precision.
pub fn find_faces_in_reduced(detector: &BlazeFace, reduced: &Reduced) -> Result<Vec<Face>> {
    let scale = reduced.scale();
    let params = DetectParams::default().for_scaled(scale.0.max(scale.1).min(1.0));
    let rgb = match &reduced.picture {
        DynamicImage::ImageRgb8(rgb) => Cow::Borrowed(rgb),
        other => Cow::Owned(other.to_rgb8()),
    };
    find_faces_scaled(detector, &rgb, params, scale)
}

/// The faces of `picture`, a copy of the photo scaled by `scale` (across, down), in the photo's
/// pixels, largest first.
fn find_faces_scaled(
    detector: &BlazeFace,
    picture: &RgbImage,
    params: DetectParams,
    scale: (f32, f32),
) -> Result<Vec<Face>> {
    let found = detect_faces(detector, picture, &params)?;
    let (sx, sy) = (scale.0.max(1e-6), scale.1.max(1e-6));
    let mut faces: Vec<Face> = found
        .into_iter()
        .map(|f| {
            let mut face = Face {
                bbox: f.bbox,
                score: f.score,
                landmarks: f.keypoints,
                usable: false,
            }
            .scaled(1.0 / sx, 1.0 / sy);
            face.usable = face.size() >= USABLE_MIN_SIDE && face.turn() <= USABLE_MAX_TURN;
            face
        })
        .collect();
    faces.sort_by(|a, b| b.size().total_cmp(&a.size()));
    Ok(faces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(nose_x: f32) -> Face {
        Face {
            bbox: [100.0, 100.0, 100.0, 120.0],
            score: 0.9,
            landmarks: [
                [130.0, 140.0],
                [170.0, 140.0],
                [nose_x, 165.0],
                [150.0, 185.0],
                [105.0, 150.0],
                [195.0, 150.0],
            ],
            usable: false,
        }
    }

    #[test]
    fn turn_and_alignment_follow_the_landmarks() {
        assert!(face(150.0).turn() < 0.01);
        assert!((face(166.0).turn() - 0.4).abs() < 1e-4);
        let template = [[38.0, 52.0], [74.0, 52.0], [56.0, 72.0], [56.0, 92.0]];
        let t = face(150.0).alignment(&template).expect("aligns");
        let eye = t.apply(template[0]);
        assert!(
            (eye[0] - 130.0).abs() < 3.0 && (eye[1] - 140.0).abs() < 3.0,
            "{eye:?}"
        );
        // Eyes given the other way round still align without mirroring.
        let mut swapped = face(150.0);
        swapped.landmarks.swap(0, 1);
        let t2 = swapped.alignment(&template).expect("aligns");
        assert!((t2.a - t.a).abs() < 1e-3 && (t2.b - t.b).abs() < 1e-3);
    }
}
