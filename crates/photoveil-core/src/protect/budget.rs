//! The perceptual budget: how far each pixel of a face region may move.
//!
//! People notice changes on smooth skin and in colour far sooner than in texture (hair, brows,
//! eyelashes, fabric). The budget scales a base step by the local contrast of the luma around each
//! pixel, and fades out towards the edge of the region (an ellipse around the face), so the cloak
//! has no visible border.

use super::warp::Rect;

/// Luma of an RGB triple (BT.601).
pub fn luma(r: f32, g: f32, b: f32) -> f32 {
    0.299 * r + 0.587 * g + 0.114 * b
}

/// Smallest budget multiplier, on flat skin. Halving it from 0.2 raised the median face SSIM of
/// the benchmark's 18 faces at `standard` from 0.885 to 0.905 and left every network's
/// similarity after upload where it was (within 0.01): the networks take little from the
/// smoothest skin.
const FLOOR: f32 = 0.1;
/// Largest budget multiplier, in strong texture.
const CEILING: f32 = 1.6;
/// Local standard deviation of luma (0-255) that earns a multiplier of 1.
const REFERENCE_STD: f32 = 14.0;

/// Per-pixel budget multipliers for a planar region, in `[FLOOR, CEILING]`, times a fade that is
/// 1 inside the ellipse inscribed in `face` (region coordinates) and falls to 0 at 1.35 times its
/// radii.
/// Contrast is measured over a `(2*radius+1)` square: about one chip pixel of the networks, so
/// that a large face is judged at the scale its features have.
pub fn texture_budget(planes: &[f32], region: Rect, face: [f32; 4], radius: usize) -> Vec<f32> {
    let (w, h) = (region.w as usize, region.h as usize);
    let n = w * h;
    let y: Vec<f64> = (0..n)
        .map(|i| f64::from(luma(planes[i], planes[n + i], planes[2 * n + i])))
        .collect();
    let (mean, mean_sq) = (
        box_mean(&y, w, h, radius),
        box_mean(&y.iter().map(|v| v * v).collect::<Vec<_>>(), w, h, radius),
    );
    let mut out = Vec::with_capacity(n);
    for row in 0..h {
        for col in 0..w {
            let i = row * w + col;
            let std = (mean_sq[i] - mean[i] * mean[i]).max(0.0).sqrt() as f32;
            let texture = (std / REFERENCE_STD).clamp(FLOOR, CEILING);
            out.push(texture * ellipse_fade(face, col as f32 + 0.5, row as f32 + 0.5));
        }
    }
    out
}

/// The cloak's fade at point `(x, y)`: 1 inside the ellipse inscribed in `face` (`[x, y, w, h]`,
/// same coordinates), falling smoothly to 0 at 1.35 times its radii.
pub fn ellipse_fade(face: [f32; 4], x: f32, y: f32) -> f32 {
    let [fx, fy, fw, fh] = face;
    let (cx, cy) = (fx + fw / 2.0, fy + fh / 2.0);
    let (rx, ry) = ((fw / 2.0).max(1.0), (fh / 2.0).max(1.0));
    let (dx, dy) = ((x - cx) / rx, (y - cy) / ry);
    let r = (dx * dx + dy * dy).sqrt();
    let fade = ((1.35 - r) / 0.35).clamp(0.0, 1.0);
    fade * fade * (3.0 - 2.0 * fade)
}

/// Mean over a `(2*radius+1)^2` window (clipped at the borders), via a summed-area table.
fn box_mean(values: &[f64], w: usize, h: usize, radius: usize) -> Vec<f64> {
    let mut sat = vec![0f64; (w + 1) * (h + 1)];
    for row in 0..h {
        let mut acc = 0.0;
        for col in 0..w {
            acc += values[row * w + col];
            sat[(row + 1) * (w + 1) + col + 1] = sat[row * (w + 1) + col + 1] + acc;
        }
    }
    let mut out = Vec::with_capacity(w * h);
    for row in 0..h {
        let (r0, r1) = (row.saturating_sub(radius), (row + radius + 1).min(h));
        for col in 0..w {
            let (c0, c1) = (col.saturating_sub(radius), (col + radius + 1).min(w));
            let sum = sat[r1 * (w + 1) + c1] - sat[r0 * (w + 1) + c1] - sat[r1 * (w + 1) + c0]
                + sat[r0 * (w + 1) + c0];
            out.push(sum / ((r1 - r0) * (c1 - c0)) as f64);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texture_earns_more_budget_than_smooth_skin_and_the_edge_fades() {
        let region = Rect {
            x: 0,
            y: 0,
            w: 64,
            h: 64,
        };
        let n = 64 * 64;
        let mut planes = vec![150f32; 3 * n];
        // Left half: strong texture (a checkerboard); right half: flat.
        for row in 0..64 {
            for col in 0..32 {
                let v = if (row + col) % 2 == 0 { 110.0 } else { 190.0 };
                for c in 0..3 {
                    planes[c * n + row * 64 + col] = v;
                }
            }
        }
        let budget = texture_budget(&planes, region, [0.0, 0.0, 64.0, 64.0], 3);
        let at = |col: usize, row: usize| budget[row * 64 + col];
        assert!(at(24, 32) > 1.5, "texture {}", at(24, 32));
        assert!((at(44, 32) - FLOOR).abs() < 1e-3, "flat {}", at(44, 32));
        assert_eq!(at(0, 0), 0.0, "corner outside the ellipse fades to nothing");
        assert!(budget.iter().all(|b| (0.0..=CEILING).contains(b)));
    }
}
