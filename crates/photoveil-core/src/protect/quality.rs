//! How visible a change is: PSNR over a picture, SSIM over a face.

use image::{GrayImage, RgbImage};
use image_compare::Algorithm;

/// Peak signal-to-noise ratio of `changed` against `original` in dB (`f64::INFINITY` when
/// identical, `None` when the sizes differ).
pub fn psnr(original: &RgbImage, changed: &RgbImage) -> Option<f64> {
    if original.dimensions() != changed.dimensions() {
        return None;
    }
    let (sum, n) = original
        .as_raw()
        .iter()
        .zip(changed.as_raw())
        .fold((0f64, 0usize), |(s, n), (a, b)| {
            (s + (f64::from(*a) - f64::from(*b)).powi(2), n + 1)
        });
    let mse = sum / n.max(1) as f64;
    Some(if mse == 0.0 {
        f64::INFINITY
    } else {
        10.0 * (255.0 * 255.0 / mse).log10()
    })
}

/// Structural similarity (SSIM, 8x8 windows, on luma) of the `[x, y, w, h]` box of two pictures
/// of the same size.
pub fn ssim_in(original: &RgbImage, changed: &RgbImage, bbox: [f32; 4]) -> Option<f64> {
    let (w, h) = original.dimensions();
    if changed.dimensions() != (w, h) {
        return None;
    }
    let x0 = (bbox[0].max(0.0) as u32).min(w.saturating_sub(1));
    let y0 = (bbox[1].max(0.0) as u32).min(h.saturating_sub(1));
    let bw = (bbox[2].max(8.0) as u32).min(w - x0);
    let bh = (bbox[3].max(8.0) as u32).min(h - y0);
    let gray = |pic: &RgbImage| {
        GrayImage::from_fn(bw, bh, |x, y| {
            let p = pic.get_pixel(x0 + x, y0 + y).0;
            let l = super::budget::luma(f32::from(p[0]), f32::from(p[1]), f32::from(p[2]));
            image::Luma([l.round().clamp(0.0, 255.0) as u8])
        })
    };
    image_compare::gray_similarity_structure(
        &Algorithm::MSSIMSimple,
        &gray(original),
        &gray(changed),
    )
    .ok()
    .map(|s| s.score)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_is_perfect_and_noise_costs() {
        let a = RgbImage::from_fn(64, 64, |x, y| {
            image::Rgb([(x * 4) as u8, (y * 4) as u8, 100])
        });
        assert_eq!(psnr(&a, &a), Some(f64::INFINITY));
        let b = RgbImage::from_fn(64, 64, |x, y| {
            let p = a.get_pixel(x, y).0;
            let d = if (x + y) % 2 == 0 { 4 } else { 0 };
            image::Rgb([p[0].saturating_add(d), p[1], p[2]])
        });
        let p = psnr(&a, &b).expect("same size");
        // MSE = 16/2/3 per value: 10*log10(65025/2.667) = 43.9 dB.
        assert!((p - 43.87).abs() < 0.05, "{p}");
        let s = ssim_in(&a, &b, [0.0, 0.0, 64.0, 64.0]).expect("ssim");
        assert!(s < 1.0 && s > 0.5, "{s}");
        assert!((ssim_in(&a, &a, [10.0, 10.0, 30.0, 30.0]).expect("ssim") - 1.0).abs() < 1e-9);
        assert_eq!(psnr(&a, &RgbImage::new(3, 3)), None);
    }
}
