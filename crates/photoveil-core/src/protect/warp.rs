//! The alignment warp from a photo to a network's face chip, as an explicit sparse linear map.
//!
//! A chip pixel is the average of `k x k` bilinear samples spread over its footprint in the photo
//! (supersampling), so a large face is area-averaged rather than point-sampled. Because the map is
//! linear, the gradient of a loss with respect to the photo's pixels is the transpose applied to
//! the gradient with respect to the chip ([`Sampler::scatter`]): the optimisation happens in the
//! photo's own pixel grid, at full resolution.

use rayon::prelude::*;

pub use crate::geometry::{Point, Similarity};

/// A rectangle of the photo, in whole pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    /// Left column.
    pub x: u32,
    /// Top row.
    pub y: u32,
    /// Width.
    pub w: u32,
    /// Height.
    pub h: u32,
}

impl Rect {
    /// The whole pixels covering `[left, top, right, bottom]`, clipped to a `width x height`
    /// photo (at least one pixel).
    pub fn covering(bounds: [f32; 4], width: u32, height: u32) -> Rect {
        let clip = |v: f32, max: u32| (v.max(0.0) as u32).min(max.saturating_sub(1));
        let (left, top) = (clip(bounds[0], width), clip(bounds[1], height));
        let (right, bottom) = (
            clip(bounds[2], width).max(left),
            clip(bounds[3], height).max(top),
        );
        Rect {
            x: left,
            y: top,
            w: right - left + 1,
            h: bottom - top + 1,
        }
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        let right = (self.x + self.w).max(other.x + other.w);
        let bottom = (self.y + self.h).max(other.y + other.h);
        Rect {
            x,
            y,
            w: right - x,
            h: bottom - y,
        }
    }

    /// Number of pixels.
    pub fn area(&self) -> usize {
        self.w as usize * self.h as usize
    }
}

/// The photo region a chip reads, with a margin of `margin` pixels, clipped to the photo.
pub fn footprint(
    transform: &Similarity,
    chip: usize,
    margin: f32,
    width: u32,
    height: u32,
) -> Rect {
    let s = chip as f32;
    let corners = [[0.0, 0.0], [s, 0.0], [0.0, s], [s, s]].map(|p| transform.apply(p));
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for [x, y] in corners {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    Rect::covering(
        [x0 - margin, y0 - margin, x1 + margin, y1 + margin],
        width,
        height,
    )
}

/// A precomputed warp from a region of the photo to a square chip.
#[derive(Debug, Clone)]
pub struct Sampler {
    size: usize,
    region: Rect,
    starts: Vec<u32>,
    taps: Vec<(u32, f32)>,
}

impl Sampler {
    /// Builds the map for a `size x size` chip whose pixel `(u, v)` shows the photo at
    /// `transform(u, v)`, reading only `region` (samples outside it are clamped to its border).
    pub fn new(transform: &Similarity, size: usize, region: Rect) -> Sampler {
        let k = transform.scale().ceil().clamp(1.0, 6.0) as usize;
        let weight = 1.0 / (k * k) as f32;
        let (rw, rh) = (region.w as i64, region.h as i64);
        let mut starts = Vec::with_capacity(size * size + 1);
        let mut taps = Vec::with_capacity(size * size * k * k * 2);
        // One chip pixel's bilinear taps before they are merged, and the window they fall in.
        let mut own: Vec<(i64, i64, f32)> = Vec::with_capacity(k * k * 4);
        let mut window: Vec<f32> = Vec::new();
        for v in 0..size {
            for u in 0..size {
                starts.push(taps.len() as u32);
                own.clear();
                for j in 0..k {
                    for i in 0..k {
                        let cu = u as f32 + (i as f32 + 0.5) / k as f32;
                        let cv = v as f32 + (j as f32 + 0.5) / k as f32;
                        let [x, y] = transform.apply([cu, cv]);
                        // Pixel centres sit at +0.5; make coordinates relative to the region.
                        let fx = x - 0.5 - region.x as f32;
                        let fy = y - 0.5 - region.y as f32;
                        let (x0, y0) = (fx.floor(), fy.floor());
                        let (ax, ay) = (fx - x0, fy - y0);
                        for (dx, dy, w) in [
                            (0, 0, (1.0 - ax) * (1.0 - ay)),
                            (1, 0, ax * (1.0 - ay)),
                            (0, 1, (1.0 - ax) * ay),
                            (1, 1, ax * ay),
                        ] {
                            if w <= 0.0 {
                                continue;
                            }
                            let px = (x0 as i64 + dx).clamp(0, rw - 1);
                            let py = (y0 as i64 + dy).clamp(0, rh - 1);
                            own.push((px, py, w * weight));
                        }
                    }
                }
                merge_into(&own, rw, &mut window, &mut taps);
            }
        }
        starts.push(taps.len() as u32);
        Sampler {
            size,
            region,
            starts,
            taps,
        }
    }

    /// The chip's side.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The region of the photo it reads.
    pub fn region(&self) -> Rect {
        self.region
    }

    /// Samples a planar 3-channel region (`[3][h*w]`, values as stored) into a planar chip
    /// (`[3][size*size]`).
    pub fn sample(&self, region_planes: &[f32]) -> Vec<f32> {
        let plane = self.region.area();
        let chip_plane = self.size * self.size;
        let mut out = vec![0f32; 3 * chip_plane];
        out.par_chunks_mut(chip_plane)
            .zip(region_planes.par_chunks(plane))
            .for_each(|(dst, src)| {
                for (p, value) in dst.iter_mut().enumerate() {
                    let (a, b) = (self.starts[p] as usize, self.starts[p + 1] as usize);
                    *value = self.taps[a..b]
                        .iter()
                        .map(|&(i, w)| src[i as usize] * w)
                        .sum();
                }
            });
        out
    }

    /// Adds the transpose of the map applied to a planar chip gradient into a planar region
    /// gradient, scaled by `factor` (the three planes in parallel).
    pub fn scatter(&self, chip_gradient: &[f32], factor: f32, region_gradient: &mut [f32]) {
        let plane = self.region.area();
        let chip_plane = self.size * self.size;
        region_gradient
            .par_chunks_mut(plane)
            .zip(chip_gradient.par_chunks(chip_plane))
            .for_each(|(dst, src)| {
                for (p, &g) in src.iter().enumerate() {
                    let (a, b) = (self.starts[p] as usize, self.starts[p + 1] as usize);
                    for &(i, w) in &self.taps[a..b] {
                        dst[i as usize] += g * w * factor;
                    }
                }
            });
    }
}

/// Appends `own` taps (`(x, y, weight)` in the region) to `taps` with the taps that read the same
/// pixel merged into one, in reading order. Neighbouring sub-samples of a large face share most
/// of their bilinear neighbours (a chip pixel's 144 taps at the largest sub-sampling fall on
/// about 64 pixels), so sampling and scattering then touch each pixel once. The weights are
/// gathered in a dense window over the taps' bounding box (`window` is its reused storage).
fn merge_into(own: &[(i64, i64, f32)], rw: i64, window: &mut Vec<f32>, taps: &mut Vec<(u32, f32)>) {
    let Some(&(x, y, _)) = own.first() else {
        return;
    };
    let (mut left, mut right, mut top, mut bottom) = (x, x, y, y);
    for &(x, y, _) in own {
        left = left.min(x);
        right = right.max(x);
        top = top.min(y);
        bottom = bottom.max(y);
    }
    let width = (right - left + 1) as usize;
    window.clear();
    window.resize(width * (bottom - top + 1) as usize, 0.0);
    for &(x, y, w) in own {
        window[(y - top) as usize * width + (x - left) as usize] += w;
    }
    for (i, &w) in window.iter().enumerate() {
        if w > 0.0 {
            let (x, y) = (left + (i % width) as i64, top + (i / width) as i64);
            taps.push(((y * rw + x) as u32, w));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_recovers_a_known_similarity() {
        let truth = Similarity {
            a: 2.0 * 0.3f32.cos(),
            b: 2.0 * 0.3f32.sin(),
            tx: 40.0,
            ty: -7.0,
        };
        let from = [[10.0, 20.0], [50.0, 22.0], [30.0, 60.0], [31.0, 80.0]];
        let to: Vec<Point> = from.iter().map(|&p| truth.apply(p)).collect();
        let fit = Similarity::fit(&from, &to).expect("fit");
        for (got, want) in [
            (fit.a, truth.a),
            (fit.b, truth.b),
            (fit.tx, truth.tx),
            (fit.ty, truth.ty),
        ] {
            assert!((got - want).abs() < 1e-3, "{fit:?} vs {truth:?}");
        }
        assert!(Similarity::fit(&[[1.0, 1.0], [1.0, 1.0]], &to[..2]).is_none());
    }

    #[test]
    fn merged_taps_read_each_pixel_once_and_equal_the_sub_sample_average() {
        // A chip at scale 9 (6x6 sub-samples), rotated, reading a textured region.
        let region = Rect {
            x: 0,
            y: 0,
            w: 200,
            h: 200,
        };
        let t = Similarity {
            a: 9.0 * 0.2f32.cos(),
            b: 9.0 * 0.2f32.sin(),
            tx: 40.0,
            ty: 20.0,
        };
        let size = 12;
        let sampler = Sampler::new(&t, size, region);
        for p in 0..size * size {
            let own = &sampler.taps[sampler.starts[p] as usize..sampler.starts[p + 1] as usize];
            let mut seen: Vec<u32> = own.iter().map(|t| t.0).collect();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), own.len(), "pixel {p} reads a pixel twice");
            assert!(own.len() < 6 * 6 * 4, "{} taps were not merged", own.len());
        }
        let plane = |x: f32, y: f32| (x * 0.37).sin() * 50.0 + (y * 0.11).cos() * 70.0 + 120.0;
        let n = region.area();
        let values: Vec<f32> = (0..3 * n)
            .map(|i| plane((i % n % 200) as f32, (i % n / 200) as f32))
            .collect();
        let chip = sampler.sample(&values);
        // The same chip pixel by the definition: the mean of 36 bilinear sub-samples.
        let (u, v) = (5usize, 7usize);
        let mut sum = 0.0;
        for j in 0..6 {
            for i in 0..6 {
                let [x, y] = t.apply([
                    u as f32 + (i as f32 + 0.5) / 6.0,
                    v as f32 + (j as f32 + 0.5) / 6.0,
                ]);
                let (fx, fy) = (x - 0.5, y - 0.5);
                let (x0, y0) = (fx.floor(), fy.floor());
                let (ax, ay) = (fx - x0, fy - y0);
                sum += plane(x0, y0) * (1.0 - ax) * (1.0 - ay)
                    + plane(x0 + 1.0, y0) * ax * (1.0 - ay)
                    + plane(x0, y0 + 1.0) * (1.0 - ax) * ay
                    + plane(x0 + 1.0, y0 + 1.0) * ax * ay;
            }
        }
        let want = sum / 36.0;
        let got = chip[v * size + u];
        assert!((got - want).abs() < 1e-3, "{got} vs {want}");
    }

    #[test]
    fn scatter_is_the_transpose_of_sample() {
        let region = Rect {
            x: 3,
            y: 5,
            w: 40,
            h: 37,
        };
        let t = Similarity {
            a: 1.7,
            b: 0.4,
            tx: 10.0,
            ty: 9.0,
        };
        let sampler = Sampler::new(&t, 16, region);
        let n = region.area() * 3;
        let x: Vec<f32> = (0..n).map(|i| ((i * 7919) % 255) as f32).collect();
        let g: Vec<f32> = (0..3 * 256)
            .map(|i| ((i * 104_729) % 17) as f32 - 8.0)
            .collect();
        // <A x, g> == <x, A^T g>
        let ax = sampler.sample(&x);
        let lhs: f64 = ax.iter().zip(&g).map(|(a, b)| f64::from(a * b)).sum();
        let mut atg = vec![0f32; n];
        sampler.scatter(&g, 1.0, &mut atg);
        let rhs: f64 = x.iter().zip(&atg).map(|(a, b)| f64::from(a * b)).sum();
        assert!(
            (lhs - rhs).abs() < 1e-6 * lhs.abs().max(1.0),
            "{lhs} vs {rhs}"
        );
    }

    #[test]
    fn a_flat_region_samples_flat_and_weights_sum_to_one() {
        let region = Rect {
            x: 0,
            y: 0,
            w: 30,
            h: 30,
        };
        let t = Similarity {
            a: 1.5,
            b: 0.0,
            tx: 2.0,
            ty: 2.0,
        };
        let sampler = Sampler::new(&t, 12, region);
        let chip = sampler.sample(&vec![100.0; 3 * 900]);
        assert!(chip.iter().all(|v| (v - 100.0).abs() < 1e-3));
        let fp = footprint(&t, 12, 2.0, 1000, 1000);
        assert_eq!((fp.x, fp.y), (0, 0));
        assert!(fp.w >= 20 && fp.w <= 23, "{fp:?}");
    }
}
