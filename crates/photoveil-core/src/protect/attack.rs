//! The cloak's optimisation for one face: momentum gradient steps on the face region's pixels,
//! in the photo's own grid, through each surrogate network's alignment warp, under random
//! upload-like transformations, within a perceptual budget.

use rayon::prelude::*;

use super::active::ActiveBox;
use super::budget::{luma, texture_budget};
pub use super::displace::Controls;
use super::displace::Displacement;
use super::eot::Eot;
use super::networks::{Network, Objective};
use super::rng::SecureRng;
use super::warp::{footprint, Point, Rect, Sampler, Similarity};
use crate::controller::{Controller, Stage};
use crate::error::{Error, Result};

/// Total path length of the steps, in budgets: each step moves up to `STEP_FACTOR * epsilon / steps`.
const STEP_FACTOR: f32 = 6.0;

/// Gradients are smoothed over about one chip pixel before they are spread back onto the photo
/// (translation invariance, fewer speckles); in chip space this costs the same for a 100-pixel
/// face and a 1000-pixel one.
const CHIP_SIGMA: f32 = 0.8;

/// Values per task of the parallel per-pixel loops.
const CHUNK: usize = 16 * 1024;

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
    /// Chroma gradients are scaled by this (people see colour changes sooner); 0 changes
    /// brightness alone.
    pub chroma_weight: f32,
    /// Largest displacement of a pixel by the optimised warp, in eye distances (0: no warp).
    pub warp: f32,
    /// The finished change is smoothed over this many chip pixels of the coarsest network
    /// (Gaussian sigma; 0: not smoothed), so it has no hard borders.
    pub smoothing: f32,
}

/// Where a face is in the photo: its box and the four points every alignment uses.
#[derive(Debug, Clone, Copy)]
pub struct FacePlace {
    /// `[x, y, width, height]` in pixels.
    pub bbox: [f32; 4],
    /// Right eye, left eye, nose tip, mouth centre, in pixels.
    pub points: [Point; 4],
}

impl FacePlace {
    /// The place of a detected face.
    pub fn of(face: &crate::faces::Face) -> FacePlace {
        let lm = face.landmarks;
        FacePlace {
            bbox: face.bbox,
            points: [lm[0], lm[1], lm[2], lm[3]],
        }
    }

    /// Distance between the eyes, in pixels.
    pub fn eye_distance(&self) -> f32 {
        let [r, l, ..] = self.points;
        (l[0] - r[0]).hypot(l[1] - r[1])
    }
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
    /// The warp's control points, when the settings asked for a warp (the next strength of
    /// protect-until-verified goes on from them).
    pub warp: Option<Controls>,
    /// The part of `delta` the warp alone makes (planar, `[3][h*w]`; empty without a warp):
    /// the original moved by the warp is `original + warp_part`, and what the change leaves
    /// on it, once the warp is undone, is `delta - warp_part`.
    pub warp_part: Vec<f32>,
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
/// `start`, made with the warp `start_warp` if any) so that every target's network stops
/// recognising the face.
#[allow(clippy::too_many_arguments)]
pub fn cloak_region(
    clean: &[f32],
    (start, start_warp): (Vec<f32>, Option<&Controls>),
    region: Rect,
    face: &FacePlace,
    targets: &[Target<'_>],
    settings: &AttackSettings,
    rng: &mut SecureRng,
    controller: &Controller,
) -> Result<RegionChange> {
    let face_box = face.bbox;
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
    let Some(active) = ActiveBox::of(&budget[..n], region.w as usize) else {
        return Ok(RegionChange {
            region,
            delta: start,
            warp: start_warp.cloned(),
            warp_part: Vec::new(),
        });
    };
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
    // Each network's passes draw from their own generator, so they can run on their own thread.
    let mut rngs: Vec<SecureRng> = targets.iter().map(|_| SecureRng::new()).collect();
    let warp = (settings.warp > 0.0).then(|| {
        let points: Vec<Point> = face
            .points
            .iter()
            .map(|p| [p[0] - region.x as f32, p[1] - region.y as f32])
            .collect();
        // A chip pixel covers `scale` photo pixels; reading the warp's gradient every half
        // chip pixel loses nothing the spline could follow.
        let stride = (scale / 2.0).floor().max(1.0) as usize;
        let mut field = Displacement::new(
            &active,
            region,
            (local_box, &points),
            settings.warp * face.eye_distance(),
            (settings.steps, stride),
        );
        if let Some(controls) = start_warp {
            field.resume(controls);
        }
        field
    });
    let mut state = Descent::new(active, clean, &start, &budget, settings, warp);
    let mut step_index = 0;
    while step_index < settings.steps {
        if controller.is_cancelled() {
            return Err(Error::Cancelled);
        }
        // Every network's gradient of the same picture, in parallel (one pass does not keep two
        // cores busy), then applied one after the other as steps taken in turn: each step after
        // the first of a round sees a gradient one step old, which the momentum averages anyway.
        let picks: Vec<usize> = samplers
            .iter()
            .map(|s| (rng.next_u32() as usize) % s.len().max(1))
            .collect();
        let chip_gradients =
            gradients_in_parallel(targets, &samplers, &picks, &eots, &mut rngs, &state.current);
        for ((samplers, &pick), chip_gradient) in samplers.iter().zip(&picks).zip(chip_gradients) {
            if step_index >= settings.steps {
                break;
            }
            // One face as far as this function knows; the pipeline numbers the faces.
            controller.report(Stage::Cloaking {
                face: 0,
                faces: 1,
                step: step_index,
                steps: settings.steps,
            });
            step_index += 1;
            if let Some(sampler) = samplers.get(pick) {
                state.step((sampler, &chip_gradient), clean, settings);
            }
        }
    }
    if settings.smoothing > 0.0 {
        state.smooth_change(settings.smoothing * scale);
    }
    let warp = state.warp.as_ref().map(Displacement::controls);
    let warp_part = state.warp_part();
    Ok(RegionChange {
        region,
        delta: state.into_delta(start),
        warp,
        warp_part,
    })
}

/// The optimisation's state over the active box (the pixels with a budget). `current` is the
/// whole region, since the chips read all of it, but only its box ever changes.
struct Descent {
    active: ActiveBox,
    /// Per-pixel budget, one plane of the box.
    budget: Vec<f32>,
    /// Original values, `[3][box]`.
    clean: Vec<f32>,
    /// What the per-pixel change is added to, `[3][box]`: the original values, moved by the
    /// warp when there is one.
    base: Vec<f32>,
    /// The optimised warp, when the settings ask for one.
    warp: Option<Displacement>,
    /// The per-pixel change so far, on top of `base`, `[3][box]`.
    delta: Vec<f32>,
    /// Momentum average of the normalised gradients, `[3][box]`.
    velocity: Vec<f32>,
    /// This step's gradient with chroma damped, `[3][box]`.
    update: Vec<f32>,
    /// The picture the networks read, `[3][region]`.
    current: Vec<f32>,
    /// A network's gradient spread onto the region: only the box's part is read (and cleared
    /// before each spread), so the rest is never touched again.
    spread: Vec<f32>,
    /// Largest move of one step, for a pixel whose budget is `epsilon`.
    step: f32,
}

impl Descent {
    fn new(
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
    fn step(
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
                    *value = (c + moved.clamp(-limit, limit)).clamp(0.0, 255.0);
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
    fn smooth_change(&mut self, sigma: f32) {
        let (m, w) = (self.active.area(), self.active.rect.w as usize);
        smooth_planes(&mut self.delta, w, m / w.max(1), sigma);
        let mut boxed = vec![0f32; 3 * m];
        for (p, plane) in boxed.chunks_exact_mut(m.max(1)).enumerate() {
            for (i, value) in plane.iter_mut().enumerate() {
                let (j, limit) = (p * m + i, self.budget[i]);
                *value = (self.base[j] + self.delta[j].clamp(-limit, limit)).clamp(0.0, 255.0);
                self.delta[j] = *value - self.base[j];
            }
        }
        self.active.paste(&boxed, &mut self.current);
    }

    /// The change the warp alone makes, over the whole region (empty without a warp).
    fn warp_part(&self) -> Vec<f32> {
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
    fn into_delta(self, mut start: Vec<f32>) -> Vec<f32> {
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

/// Each target's loss gradient with respect to its chip of `current` (sampled with its sampler
/// `picks[i]`, smoothed), the targets in parallel.
fn gradients_in_parallel(
    targets: &[Target<'_>],
    samplers: &[Vec<Sampler>],
    picks: &[usize],
    eots: &[Eot],
    rngs: &mut [SecureRng],
    current: &[f32],
) -> Vec<Vec<f32>> {
    let jobs: Vec<_> = targets
        .iter()
        .zip(samplers)
        .zip(picks)
        .zip(eots)
        .zip(rngs.iter_mut())
        .map(|((((target, samplers), &pick), eot), rng)| (target, samplers.get(pick), eot, rng))
        .collect();
    jobs.into_par_iter()
        .map(|(target, sampler, eot, rng)| {
            let Some(sampler) = sampler else {
                return Vec::new();
            };
            let chip = sampler.sample(current);
            let mut chip_gradient =
                target
                    .network
                    .loss_gradient(&chip, &target.objective, eot, rng);
            let side = sampler.size();
            smooth_planes(&mut chip_gradient, side, side, CHIP_SIGMA);
            chip_gradient
        })
        .collect()
}

/// The exact sampler plus randomly jittered ones (small rotation, zoom and shift of the
/// alignment), so the cloak does not depend on one exact crop.
fn jittered_samplers(target: &Target<'_>, region: Rect, rng: &mut SecureRng) -> Vec<Sampler> {
    let size = target.network.kind().chip_size();
    let centre: Point = [size as f32 / 2.0, size as f32 / 2.0];
    let shift = size as f32 * 0.03;
    let mut transforms = vec![target.transform];
    for _ in 0..5 {
        transforms.push(target.transform.jittered(
            centre,
            rng.uniform(-0.07, 0.07),
            rng.uniform(0.94, 1.06),
            [rng.uniform(-shift, shift), rng.uniform(-shift, shift)],
        ));
    }
    // A large face's samplers take tens of milliseconds each to build.
    transforms
        .par_iter()
        .map(|t| Sampler::new(t, size, region))
        .collect()
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
