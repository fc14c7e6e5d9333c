//! The cloak's optimisation for one face: momentum gradient steps on the face region's pixels,
//! in the photo's own grid, through each surrogate network's alignment warp, under random
//! upload-like transformations, within a perceptual budget.

use super::budget::{luma, texture_budget};
use super::eot::Eot;
use super::networks::{Network, Objective};
use super::rng::SecureRng;
use super::warp::{footprint, Point, Rect, Sampler, Similarity};
use crate::controller::{Controller, Stage};
use crate::error::{Error, Result};

/// Total path length of the steps, in budgets: each step moves up to `STEP_FACTOR * epsilon / steps`.
const STEP_FACTOR: f32 = 6.0;

/// How hard to push, and within what budget.
#[derive(Debug, Clone, Copy)]
pub struct AttackSettings {
    /// Optimisation steps.
    pub steps: usize,
    /// Largest change of a pixel value (0-255) where the budget multiplier is 1.
    pub epsilon: f32,
    /// Momentum of the gradient average.
    pub momentum: f32,
    /// Weight of the pull towards the decoy identity.
    pub decoy_weight: f32,
    /// Chroma gradients are scaled by this (people see colour changes sooner).
    pub chroma_weight: f32,
}

/// One network's view of one face.
pub struct Target<'a> {
    /// The network.
    pub network: &'a Network,
    /// What to push the face away from and towards.
    pub objective: Objective,
    /// Chip-to-photo transform of the face.
    pub transform: Similarity,
}

/// The change to one face region.
#[derive(Debug, Clone)]
pub struct RegionChange {
    /// Where in the photo.
    pub region: Rect,
    /// Planar change `[3][h*w]`, added to the original values.
    pub delta: Vec<f32>,
}

/// The region that every target's chip (with jitter room) and the face box read.
pub fn face_region(targets: &[Target<'_>], face_box: [f32; 4], width: u32, height: u32) -> Rect {
    let [x, y, w, h] = face_box;
    let margin = w.max(h) * 0.1;
    let mut region = Rect::covering(
        [x - margin, y - margin, x + w + margin, y + h + margin],
        width,
        height,
    );
    for t in targets {
        let margin = t.transform.scale() * 8.0 + 2.0;
        region = region.union(&footprint(
            &t.transform,
            t.network.kind().chip_size(),
            margin,
            width,
            height,
        ));
    }
    region
}

/// Optimises the change of `region` (planar original values `clean`, already-applied change
/// `start`) so that every target's network stops recognising the face.
#[allow(clippy::too_many_arguments)]
pub fn cloak_region(
    clean: &[f32],
    start: Vec<f32>,
    region: Rect,
    face_box: [f32; 4],
    targets: &[Target<'_>],
    settings: &AttackSettings,
    rng: &mut SecureRng,
    controller: &Controller,
) -> Result<RegionChange> {
    let n = region.area();
    let local_box = [
        face_box[0] - region.x as f32,
        face_box[1] - region.y as f32,
        face_box[2],
        face_box[3],
    ];
    // Texture is judged over about 1.5 chip pixels of the coarsest network.
    let scale = targets
        .iter()
        .map(|t| t.transform.scale())
        .fold(1f32, f32::max);
    let texture_radius = (scale * 1.5).round().clamp(3.0, 16.0) as usize;
    let budget: Vec<f32> = texture_budget(clean, region, local_box, texture_radius)
        .iter()
        .map(|b| b * settings.epsilon)
        .collect();
    let samplers: Vec<Vec<Sampler>> = targets
        .iter()
        .map(|t| jittered_samplers(t, region, rng))
        .collect();
    let eots: Vec<Eot> = targets
        .iter()
        .map(|t| {
            Eot::new(
                t.network.kind().chip_size(),
                Default::default(),
                &photoveil_nn::device::cpu_with_gradients(),
            )
        })
        .collect();
    // Gradients are smoothed over about one chip pixel before they are spread back onto the
    // photo (translation invariance, fewer speckles); in chip space this costs the same for a
    // 100-pixel face and a 1000-pixel one.
    const CHIP_SIGMA: f32 = 0.8;
    let mut delta = start;
    let mut velocity = vec![0f32; 3 * n];
    // Buffers of the whole region, reused by every step (a large face's region is tens of
    // megabytes: allocating them anew each step cost page faults as well as time).
    let mut current = vec![0f32; 3 * n];
    let mut gradient = vec![0f32; 3 * n];
    let step = settings.epsilon * STEP_FACTOR / settings.steps.max(1) as f32;
    for step_index in 0..settings.steps {
        if controller.is_cancelled() {
            return Err(Error::Cancelled);
        }
        // One face as far as this function knows; the pipeline numbers the faces.
        controller.report(Stage::Cloaking {
            face: 0,
            faces: 1,
            step: step_index,
            steps: settings.steps,
        });
        for ((value, c), d) in current.iter_mut().zip(clean).zip(&delta) {
            *value = (c + d).clamp(0.0, 255.0);
        }
        gradient.fill(0.0);
        // One network per step, in turn: each step costs one network's forward and backward
        // pass, and the momentum carries every network's direction from step to step.
        let turn = step_index % targets.len().max(1);
        if let Some(((target, samplers), eot)) = targets.iter().zip(&samplers).zip(&eots).nth(turn)
        {
            let pick = (rng.next_u32() as usize) % samplers.len();
            let sampler = &samplers[pick];
            let chip = sampler.sample(&current);
            let mut chip_gradient =
                target
                    .network
                    .loss_gradient(&chip, &target.objective, eot, rng);
            let side = sampler.size();
            smooth_planes(&mut chip_gradient, side, side, CHIP_SIGMA);
            let size = chip_gradient.iter().map(|g| g.abs()).sum::<f32>()
                / chip_gradient.len().max(1) as f32;
            if size > 0.0 {
                sampler.scatter(&chip_gradient, 1.0 / size, &mut gradient);
            }
        }
        damp_chroma(&mut gradient, n, settings.chroma_weight);
        let mean_abs = sum_of(&gradient, f32::abs) / gradient.len().max(1) as f32;
        if mean_abs <= 0.0 {
            break;
        }
        for (v, g) in velocity.iter_mut().zip(&gradient) {
            *v = settings.momentum * *v + g / mean_abs;
        }
        let rms = (sum_of(&velocity, |v| v * v) / velocity.len() as f32)
            .sqrt()
            .max(1e-12);
        // Plane by plane, so the budget (one per pixel) lines up without an index division.
        let planes = delta
            .chunks_exact_mut(n)
            .zip(clean.chunks_exact(n))
            .zip(velocity.chunks_exact(n));
        for ((delta, clean), velocity) in planes {
            for (((d, &c), &v), &limit) in delta.iter_mut().zip(clean).zip(velocity).zip(&budget) {
                let moved =
                    *d - step * limit / settings.epsilon.max(1e-6) * (v / rms).clamp(-2.0, 2.0);
                let bounded = moved.clamp(-limit, limit);
                *d = (c + bounded).clamp(0.0, 255.0) - c;
            }
        }
    }
    Ok(RegionChange { region, delta })
}

/// The sum of `f` over `values`, in eight running sums so the compiler can vectorise it (a
/// single running sum of floats has to be added one value at a time).
fn sum_of(values: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let mut lanes = [0f32; 8];
    let mut chunks = values.chunks_exact(8);
    for chunk in &mut chunks {
        for (lane, &v) in lanes.iter_mut().zip(chunk) {
            *lane += f(v);
        }
    }
    let rest: f32 = chunks.remainder().iter().map(|&v| f(v)).sum();
    lanes.iter().sum::<f32>() + rest
}

/// The exact sampler plus randomly jittered ones (small rotation, zoom and shift of the
/// alignment), so the cloak does not depend on one exact crop.
fn jittered_samplers(target: &Target<'_>, region: Rect, rng: &mut SecureRng) -> Vec<Sampler> {
    let size = target.network.kind().chip_size();
    let centre: Point = [size as f32 / 2.0, size as f32 / 2.0];
    let shift = size as f32 * 0.03;
    let mut out = vec![Sampler::new(&target.transform, size, region)];
    for _ in 0..5 {
        let t = target.transform.jittered(
            centre,
            rng.uniform(-0.07, 0.07),
            rng.uniform(0.94, 1.06),
            [rng.uniform(-shift, shift), rng.uniform(-shift, shift)],
        );
        out.push(Sampler::new(&t, size, region));
    }
    out
}

/// Separable Gaussian smoothing of each plane.
fn smooth_planes(planes: &mut [f32], w: usize, h: usize, sigma: f32) {
    let radius = (sigma * 2.5).ceil() as i64;
    let taps: Vec<f32> = (-radius..=radius)
        .map(|i| (-((i * i) as f32) / (2.0 * sigma * sigma)).exp())
        .collect();
    let total: f32 = taps.iter().sum();
    let taps: Vec<f32> = taps.iter().map(|t| t / total).collect();
    let n = w * h;
    let mut tmp = vec![0f32; n];
    for plane in planes.chunks_exact_mut(n) {
        // Along rows (neighbours 1 apart), then along columns (neighbours `w` apart).
        smooth_pass(plane, &mut tmp, &taps, (w, h), (1, w));
        smooth_pass(&tmp, plane, &taps, (w, h), (w, 1));
    }
}

/// One 1-D convolution pass over a `w x h` plane: `along` is the stride between neighbours in
/// the smoothed direction, `across` the stride of the other; borders are clamped.
fn smooth_pass(
    src: &[f32],
    dst: &mut [f32],
    taps: &[f32],
    (w, h): (usize, usize),
    (along, across): (usize, usize),
) {
    let (len, lines) = if along == 1 { (w, h) } else { (h, w) };
    let radius = (taps.len() / 2) as i64;
    for line in 0..lines {
        for i in 0..len {
            let mut acc = 0.0;
            for (k, t) in taps.iter().enumerate() {
                let j = (i as i64 + k as i64 - radius).clamp(0, len as i64 - 1) as usize;
                acc += src[line * across + j * along] * t;
            }
            dst[line * across + i * along] = acc;
        }
    }
}

/// Keeps the luma part of an RGB gradient and scales its chroma part by `weight`.
fn damp_chroma(planes: &mut [f32], n: usize, weight: f32) {
    for i in 0..n {
        let (r, g, b) = (planes[i], planes[n + i], planes[2 * n + i]);
        let y = luma(r, g, b);
        planes[i] = y + weight * (r - y);
        planes[n + i] = y + weight * (g - y);
        planes[2 * n + i] = y + weight * (b - y);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sum_of_matches_a_plain_sum() {
        for len in [0usize, 1, 7, 8, 9, 1000, 1003] {
            let values: Vec<f32> = (0..len).map(|i| (i as f32 * 0.37).sin() * 3.0).collect();
            let plain: f64 = values.iter().map(|&v| f64::from(v.abs())).sum();
            let fast = f64::from(sum_of(&values, f32::abs));
            assert!(
                (plain - fast).abs() <= 1e-4 * plain.max(1.0),
                "{len}: {plain} vs {fast}"
            );
        }
    }
}
