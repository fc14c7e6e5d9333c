//! The optimisation's state for one face region, and one momentum step of it: the per-pixel
//! change within its budget (and the warp, when there is one), and the smoothing of the
//! finished change.

use rayon::prelude::*;

use super::active::ActiveBox;
use super::attack::AttackSettings;
use super::budget::luma;
use super::displace::Displacement;
use super::smooth::smooth_planes;
use super::warp::Sampler;

/// Total path length of the steps, in budgets: each step moves up to `STEP_FACTOR * epsilon / steps`.
const STEP_FACTOR: f32 = 6.0;

/// Values per task of the parallel per-pixel loops.
const CHUNK: usize = 16 * 1024;

/// The optimisation's state over the active box (the pixels with a budget). `current` is the
/// whole region, since the chips read all of it, but only its box ever changes.
pub(super) struct Descent {
    active: ActiveBox,
    /// Per-pixel budget, one plane of the box.
    budget: Vec<f32>,
    /// Original values, `[3][box]`.
    clean: Vec<f32>,
    /// What the per-pixel change is added to, `[3][box]`: the original values, moved by the
    /// warp when there is one.
    base: Vec<f32>,
    /// The optimised warp, when the settings ask for one.
    pub(super) warp: Option<Displacement>,
    /// The per-pixel change so far, on top of `base`, `[3][box]`.
    delta: Vec<f32>,
    /// Momentum average of the normalised gradients, `[3][box]`.
    velocity: Vec<f32>,
    /// This step's gradient with chroma damped, `[3][box]`.
    update: Vec<f32>,
    /// The picture the networks read, `[3][region]`.
    pub(super) current: Vec<f32>,
    /// A network's gradient spread onto the region: only the box's part is read (and cleared
    /// before each spread), so the rest is never touched again.
    spread: Vec<f32>,
    /// Largest move of one step, for a pixel whose budget is `epsilon`.
    step: f32,
}

impl Descent {
    pub(super) fn new(
        active: ActiveBox,
        clean: &[f32],
        start: &[f32],
        budget: &[f32],
        settings: &AttackSettings,
        warp: Option<Displacement>,
    ) -> Descent {
        let m = active.area();
        let clean_box = active.crop(clean, 3);
        let base = match &warp {
            Some(field) => field.warped(clean),
            None => clean_box.clone(),
        };
        // The change already made, measured from the (resumed) warp's picture.
        let delta = active
            .crop(start, 3)
            .iter()
            .zip(&clean_box)
            .zip(&base)
            .map(|((d, c), b)| d + c - b)
            .collect();
        Descent {
            active,
            budget: active.crop(budget, 1),
            base,
            clean: clean_box,
            warp,
            delta,
            velocity: vec![0f32; 3 * m],
            update: vec![0f32; 3 * m],
            current: clean
                .iter()
                .zip(start)
                .map(|(c, d)| (c + d).clamp(0.0, 255.0))
                .collect(),
            spread: vec![0f32; clean.len()],
            step: settings.epsilon * STEP_FACTOR / settings.steps.max(1) as f32,
        }
    }

    /// One momentum step along a network's chip gradient, read through `sampler`.
    /// `clean` is the region's original values, which the warp resamples.
    pub(super) fn step(
        &mut self,
        (sampler, chip_gradient): (&Sampler, &[f32]),
        clean: &[f32],
        settings: &AttackSettings,
    ) {
        let size =
            chip_gradient.iter().map(|g| g.abs()).sum::<f32>() / chip_gradient.len().max(1) as f32;
        if size <= 0.0 {
            return;
        }
        self.active.clear(&mut self.spread);
        sampler.scatter(chip_gradient, 1.0 / size, &mut self.spread);
        if let Some(field) = &mut self.warp {
            field.step(&self.spread, clean, settings.momentum);
            self.base = field.warped(clean);
        }
        let mean_abs = take_damped(
            &self.active,
            &self.spread,
            &mut self.update,
            settings.chroma_weight,
        ) / self.update.len().max(1) as f32;
        if mean_abs <= 0.0 {
            return;
        }
        // Eight running sums per chunk, so the compiler can vectorise the sum of squares.
        let momentum = settings.momentum;
        let squares: f32 = self
            .velocity
            .par_chunks_mut(CHUNK)
            .zip(self.update.par_chunks(CHUNK))
            .map(|(vs, gs)| {
                let mut lanes = [0f32; 8];
                for (vs, gs) in vs.chunks_mut(8).zip(gs.chunks(8)) {
                    for ((v, g), lane) in vs.iter_mut().zip(gs).zip(&mut lanes) {
                        *v = momentum * *v + g / mean_abs;
                        *lane += *v * *v;
                    }
                }
                lanes.iter().sum::<f32>()
            })
            .sum();
        let rms = (squares / self.velocity.len().max(1) as f32)
            .sqrt()
            .max(1e-12);
        // Row by row of each plane: the change moves, stays within its budget and the photo's
        // value range, and the picture the networks read next follows it.
        let per_budget = self.step / settings.epsilon.max(1e-6);
        let (m, w) = (self.active.area(), self.active.rect.w as usize);
        let n = self.active.region_plane();
        for p in 0..3 {
            let rows = self
                .active
                .par_rows_mut(&mut self.current[p * n..(p + 1) * n])
                .zip(self.base[p * m..(p + 1) * m].par_chunks(w))
                .zip(self.delta[p * m..(p + 1) * m].par_chunks_mut(w))
                .zip(self.velocity[p * m..(p + 1) * m].par_chunks(w))
                .zip(self.budget.par_chunks(w));
            rows.for_each(|((((current, clean), delta), velocity), budget)| {
                let row = current
                    .iter_mut()
                    .zip(clean)
                    .zip(delta)
                    .zip(velocity)
                    .zip(budget);
                for ((((value, &c), d), &v), &limit) in row {
                    let moved = *d - per_budget * limit * (v / rms).clamp(-2.0, 2.0);
                    *value = settled(c, moved, limit);
                    *d = *value - c;
                }
            });
        }
    }

    /// Smooths the per-pixel change over `sigma` photo pixels (Gaussian), then holds it within
    /// each pixel's budget and the value range again. The steps leave most pixels at the edge of
    /// their budget, so the change is flat patches with hard borders between them; on smooth
    /// skin those borders are what a person sees. Smoothed, the same change reads as soft
    /// shading.
    pub(super) fn smooth_change(&mut self, sigma: f32) {
        let (m, w) = (self.active.area(), self.active.rect.w as usize);
        smooth_planes(&mut self.delta, w, m / w.max(1), sigma);
        let mut boxed = vec![0f32; 3 * m];
        for (p, plane) in boxed.chunks_exact_mut(m.max(1)).enumerate() {
            for (i, value) in plane.iter_mut().enumerate() {
                let (j, limit) = (p * m + i, self.budget[i]);
                *value = settled(self.base[j], self.delta[j], limit);
                self.delta[j] = *value - self.base[j];
            }
        }
        self.active.paste(&boxed, &mut self.current);
    }

    /// The change the warp alone makes, over the whole region (empty without a warp).
    pub(super) fn warp_part(&self) -> Vec<f32> {
        if self.warp.is_none() {
            return Vec::new();
        }
        let boxed: Vec<f32> = self
            .base
            .iter()
            .zip(&self.clean)
            .map(|(b, c)| b - c)
            .collect();
        let mut region = vec![0f32; 3 * self.active.region_plane()];
        self.active.paste(&boxed, &mut region);
        region
    }

    /// The region's whole change: `start` with the box's part replaced by the result (the
    /// warp's part included).
    pub(super) fn into_delta(self, mut start: Vec<f32>) -> Vec<f32> {
        let change: Vec<f32> = self
            .active
            .crop(&self.current, 3)
            .iter()
            .zip(&self.clean)
            .map(|(now, clean)| now - clean)
            .collect();
        self.active.paste(&change, &mut start);
        start
    }
}

/// A pixel's value: `base` moved by `change` held within `limit`, and within the value range.
#[inline]
fn settled(base: f32, change: f32, limit: f32) -> f32 {
    (base + change.clamp(-limit, limit)).clamp(0.0, 255.0)
}

/// Copies the box's part of a region's RGB gradient into `update`, keeping its luma part and
/// scaling its chroma part by `weight`; returns the sum of the absolute values written.
fn take_damped(active: &ActiveBox, gradient: &[f32], update: &mut [f32], weight: f32) -> f32 {
    let (plane, m, w) = (active.region_plane(), active.area(), active.rect.w as usize);
    let (red, rest) = update.split_at_mut(m);
    let (green, blue) = rest.split_at_mut(m);
    let source = active
        .par_rows(&gradient[..plane])
        .zip(active.par_rows(&gradient[plane..2 * plane]))
        .zip(active.par_rows(&gradient[2 * plane..3 * plane]));
    red.par_chunks_mut(w)
        .zip(green.par_chunks_mut(w))
        .zip(blue.par_chunks_mut(w))
        .zip(source)
        .map(|(((r_out, g_out), b_out), ((r_in, g_in), b_in))| {
            let mut total = [0f32; 8];
            let out = r_out.iter_mut().zip(g_out.iter_mut()).zip(b_out.iter_mut());
            let values = r_in.iter().zip(g_in).zip(b_in);
            for (i, (((r_out, g_out), b_out), ((&r, &g), &b))) in out.zip(values).enumerate() {
                let y = luma(r, g, b);
                *r_out = y + weight * (r - y);
                *g_out = y + weight * (g - y);
                *b_out = y + weight * (b - y);
                total[i % 8] += r_out.abs() + g_out.abs() + b_out.abs();
            }
            total.iter().sum::<f32>()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_taken_gradient_keeps_luma_damps_chroma_and_stays_inside_the_box() {
        // A 4x3 region whose box is its middle 2x1.
        let (w, h) = (4usize, 3usize);
        let mut budget = vec![0f32; w * h];
        budget[w + 1] = 1.0;
        budget[w + 2] = 1.0;
        let active = ActiveBox::of(&budget, w).expect("box");
        let n = w * h;
        let mut spread = vec![100f32; 3 * n];
        // Pixel (1,1): grey; pixel (2,1): pure red.
        for p in 0..3 {
            spread[p * n + w + 1] = 2.0;
            spread[p * n + w + 2] = 0.0;
        }
        spread[w + 2] = 3.0;
        let mut update = vec![0f32; 6];
        let total = take_damped(&active, &spread, &mut update, 0.5);
        // Grey stays grey.
        assert_eq!([update[0], update[2], update[4]], [2.0, 2.0, 2.0]);
        // Red keeps its luma and half its chroma.
        let y = luma(3.0, 0.0, 0.0);
        let (r, g, b) = (update[1], update[3], update[5]);
        assert!((luma(r, g, b) - y).abs() < 1e-5);
        assert!((r - (y + 0.5 * (3.0 - y))).abs() < 1e-5 && (g - 0.5 * y).abs() < 1e-5);
        let want: f32 = update.iter().map(|v| v.abs()).sum();
        assert!((total - want).abs() < 1e-5, "{total} vs {want}");
    }

    #[test]
    fn the_smoothed_change_has_soft_borders_and_stays_within_its_budget() {
        // A 40x20 region of mid-grey whose change is two flat patches, +4 and -4, meeting in a
        // hard vertical border, as the steps leave it at the edge of a budget of 4.
        let (w, h) = (40usize, 20usize);
        let n = w * h;
        let budget = vec![4f32; n];
        let active = ActiveBox::of(&budget, w).expect("box");
        let clean = vec![128f32; 3 * n];
        let start: Vec<f32> = (0..3 * n)
            .map(|i| if i % w < w / 2 { 4.0 } else { -4.0 })
            .collect();
        let settings = AttackSettings {
            steps: 1,
            epsilon: 4.0,
            momentum: 0.9,
            decoy_weight: 0.0,
            chroma_weight: 0.0,
            warp: 0.0,
            smoothing: 1.0,
        };
        let mut state = Descent::new(active, &clean, &start, &budget, &settings, None);
        let border_step = |delta: &[f32]| {
            (0..w - 1)
                .map(|col| (delta[5 * w + col + 1] - delta[5 * w + col]).abs())
                .fold(0f32, f32::max)
        };
        assert_eq!(border_step(&state.delta), 8.0);
        state.smooth_change(2.0);
        // The border is now a ramp: no step between neighbours of more than a quarter of it.
        assert!(
            border_step(&state.delta) < 2.0,
            "{}",
            border_step(&state.delta)
        );
        // Far from the border the patches keep their value, and nothing leaves the budget.
        assert!((state.delta[5 * w + 2] - 4.0).abs() < 1e-3);
        assert!((state.delta[5 * w + w - 3] + 4.0).abs() < 1e-3);
        assert!(state.delta.iter().all(|d| d.abs() <= 4.0 + 1e-4));
        // What the networks read, and what the region's change is, follow.
        let change = state.into_delta(vec![0f32; 3 * n]);
        assert!((change[5 * w + 2] - 4.0).abs() < 1e-3);
        assert!(change[5 * w + w / 2 - 1] < 4.0 && change[5 * w + w / 2] > -4.0);
    }
}
