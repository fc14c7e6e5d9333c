//! From raw outputs to detections: boxes and keypoints relative to the anchors, sigmoid scores,
//! and MediaPipe's weighted non-maximum suppression.

use super::anchors::Anchor;
use super::NUM_REGRESSORS;

/// Number of keypoints per face.
pub const NUM_KEYPOINTS: usize = 6;
/// Keypoint indices, from the person's point of view (their right eye is on the image's left in a
/// frontal photo).
pub const RIGHT_EYE: usize = 0;
/// Left eye.
pub const LEFT_EYE: usize = 1;
/// Tip of the nose.
pub const NOSE_TIP: usize = 2;
/// Centre of the mouth.
pub const MOUTH_CENTRE: usize = 3;
/// Right ear (tragion).
pub const RIGHT_EAR: usize = 4;
/// Left ear (tragion).
pub const LEFT_EAR: usize = 5;

/// MediaPipe clips score logits to this range before the sigmoid.
const SCORE_CLIP: f32 = 100.0;

/// A detected face in the coordinates of the network's input (pixels of the 256x256 image) or,
/// after mapping, of a photo.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// `[x_min, y_min, x_max, y_max]`.
    pub bbox: [f32; 4],
    /// Probability of a face, in `[0, 1]`.
    pub score: f32,
    /// The 6 keypoints as `[x, y]`, in the order of the `*_EYE`, `NOSE_TIP`... constants.
    pub keypoints: [[f32; 2]; NUM_KEYPOINTS],
}

impl Detection {
    /// Area of the box.
    pub fn area(&self) -> f32 {
        (self.bbox[2] - self.bbox[0]).max(0.0) * (self.bbox[3] - self.bbox[1]).max(0.0)
    }

    /// Area of the intersection of two boxes.
    pub fn intersection(&self, other: &Detection) -> f32 {
        let w = self.bbox[2].min(other.bbox[2]) - self.bbox[0].max(other.bbox[0]);
        let h = self.bbox[3].min(other.bbox[3]) - self.bbox[1].max(other.bbox[1]);
        w.max(0.0) * h.max(0.0)
    }

    /// Intersection over union of two boxes (0 when both are empty).
    pub fn iou(&self, other: &Detection) -> f32 {
        let inter = self.intersection(other);
        let union = self.area() + other.area() - inter;
        if union > 0.0 {
            inter / union
        } else {
            0.0
        }
    }
}

/// The logistic function, on a logit clipped as MediaPipe does.
pub fn sigmoid(logit: f32) -> f32 {
    1.0 / (1.0 + (-logit.clamp(-SCORE_CLIP, SCORE_CLIP)).exp())
}

/// Decodes one image's outputs (`scores`: one logit per anchor; `regressors`: 16 per anchor)
/// into the detections scoring at least `min_score`. Regressors are pixel offsets from the anchor
/// centre (x, y, then width, height, then keypoints), in the order MediaPipe calls reversed.
pub fn decode(
    scores: &[f32],
    regressors: &[f32],
    anchors: &[Anchor],
    min_score: f32,
) -> Vec<Detection> {
    let mut out = Vec::new();
    for ((logit, r), anchor) in scores
        .iter()
        .zip(regressors.chunks_exact(NUM_REGRESSORS))
        .zip(anchors)
    {
        let score = sigmoid(*logit);
        if score < min_score || !score.is_finite() {
            continue;
        }
        let (cx, cy) = (anchor.x + r[0], anchor.y + r[1]);
        let (half_w, half_h) = (r[2] / 2.0, r[3] / 2.0);
        let mut keypoints = [[0.0; 2]; NUM_KEYPOINTS];
        for (k, point) in keypoints.iter_mut().enumerate() {
            *point = [anchor.x + r[4 + 2 * k], anchor.y + r[5 + 2 * k]];
        }
        let bbox = [cx - half_w, cy - half_h, cx + half_w, cy + half_h];
        if bbox.iter().all(|v| v.is_finite()) && half_w > 0.0 && half_h > 0.0 {
            out.push(Detection {
                bbox,
                score,
                keypoints,
            });
        }
    }
    out
}

/// MediaPipe's weighted non-maximum suppression: the best remaining detection takes every
/// remaining one that overlaps it by more than `min_iou` (intersection over union), and becomes
/// their score-weighted average (box and keypoints), keeping its own score. Returns the
/// detections by decreasing score.
pub fn weighted_nms(mut detections: Vec<Detection>, min_iou: f32) -> Vec<Detection> {
    detections.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut out = Vec::new();
    while let Some(best) = detections.first().copied() {
        let (group, rest): (Vec<Detection>, Vec<Detection>) = detections
            .into_iter()
            .partition(|d| best.iou(d) > min_iou || *d == best);
        detections = rest;
        let total: f32 = group.iter().map(|d| d.score).sum();
        if total.is_nan() || total <= 0.0 {
            out.push(best);
            continue;
        }
        let mut merged = Detection {
            bbox: [0.0; 4],
            score: best.score,
            keypoints: [[0.0; 2]; NUM_KEYPOINTS],
        };
        for d in &group {
            let w = d.score / total;
            for (m, v) in merged.bbox.iter_mut().zip(d.bbox) {
                *m += w * v;
            }
            for (m, v) in merged.keypoints.iter_mut().zip(d.keypoints) {
                m[0] += w * v[0];
                m[1] += w * v[1];
            }
        }
        out.push(merged);
    }
    out
}
