//! How visible a change is: PSNR over a picture, SSIM and colour difference over a face.

use image::{GrayImage, RgbImage};
use image_compare::Algorithm;
use palette::color_difference::Ciede2000;
use palette::{IntoColor, Lab, Srgb};
use serde::Serialize;

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

/// How far a face's colours moved, in CIEDE2000 units (about 1 is the smallest difference a person
/// can see side by side; 2-3 is noticeable at a glance on skin).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ColourChange {
    /// Mean over the face's pixels.
    pub mean: f64,
    /// 99th percentile: the strongest spots, where a blotch would show.
    pub p99: f64,
}

/// The CIEDE2000 colour difference of `changed` from `original` over the `[x, y, w, h]` box,
/// pixel by pixel (`None` when the sizes differ or the box is empty).
pub fn colour_change_in(
    original: &RgbImage,
    changed: &RgbImage,
    bbox: [f32; 4],
) -> Option<ColourChange> {
    let (w, h) = original.dimensions();
    if changed.dimensions() != (w, h) {
        return None;
    }
    let x0 = (bbox[0].max(0.0) as u32).min(w);
    let y0 = (bbox[1].max(0.0) as u32).min(h);
    let x1 = ((bbox[0] + bbox[2]).max(0.0).ceil() as u32).min(w);
    let y1 = ((bbox[1] + bbox[3]).max(0.0).ceil() as u32).min(h);
    let lab = |p: &image::Rgb<u8>| -> Lab {
        Srgb::new(p.0[0], p.0[1], p.0[2])
            .into_format::<f32>()
            .into_color()
    };
    let mut differences: Vec<f32> = (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .map(|(x, y)| {
            let (a, b) = (original.get_pixel(x, y), changed.get_pixel(x, y));
            if a == b {
                0.0
            } else {
                lab(a).difference(lab(b))
            }
        })
        .collect();
    if differences.is_empty() {
        return None;
    }
    let mean = differences.iter().map(|&d| f64::from(d)).sum::<f64>() / differences.len() as f64;
    let at = ((differences.len() - 1) as f64 * 0.99).round() as usize;
    let (_, p99, _) = differences.select_nth_unstable_by(at, f32::total_cmp);
    Some(ColourChange {
        mean,
        p99: f64::from(*p99),
    })
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

    #[test]
    fn colour_change_sees_a_red_blotch_far_more_than_the_same_grey_step() {
        let skin = RgbImage::from_pixel(40, 40, image::Rgb([200, 160, 140]));
        assert_eq!(
            colour_change_in(&skin, &skin, [0.0, 0.0, 40.0, 40.0]),
            Some(ColourChange {
                mean: 0.0,
                p99: 0.0
            })
        );
        // The same change of luma (about 4 levels), once as grey and once as red.
        let mut grey = skin.clone();
        let mut red = skin.clone();
        for y in 10..20 {
            for x in 10..20 {
                grey.put_pixel(x, y, image::Rgb([204, 164, 144]));
                red.put_pixel(x, y, image::Rgb([218, 158, 138]));
            }
        }
        let g = colour_change_in(&skin, &grey, [0.0, 0.0, 40.0, 40.0]).expect("grey");
        let r = colour_change_in(&skin, &red, [0.0, 0.0, 40.0, 40.0]).expect("red");
        // A sixteenth of the box changed: the mean is a sixteenth of the step, the 99th
        // percentile the step itself.
        assert!((g.mean * 16.0 - g.p99).abs() < 0.05 * g.p99, "{g:?}");
        assert!(g.p99 > 1.0 && g.p99 < 3.0, "{g:?}");
        assert!(r.p99 > 2.0 * g.p99, "red {r:?} vs grey {g:?}");
        assert_eq!(
            colour_change_in(&skin, &RgbImage::new(3, 3), [0.0; 4]),
            None
        );
    }
}
