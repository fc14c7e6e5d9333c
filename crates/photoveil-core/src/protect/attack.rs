//! The cloak's optimisation for one face: momentum gradient steps on the face region's pixels,
//! in the photo's own grid, through each surrogate network's alignment warp, under random
//! upload-like transformations, within a perceptual budget.

use rayon::prelude::*;

use super::active::ActiveBox;
use super::budget::texture_budget;
use super::descent::Descent;
pub use super::displace::Controls;
use super::displace::Displacement;
use super::eot::Eot;
use super::networks::{Network, Objective};
use super::rng::SecureRng;
use super::smooth::smooth_planes;
use super::warp::{footprint, Point, Rect, Sampler, Similarity};
use crate::controller::{Controller, Stage};
use crate::error::{Error, Result};

/// Gradients are smoothed over about one chip pixel before they are spread back onto the photo
/// (translation invariance, fewer speckles); in chip space this costs the same for a 100-pixel
/// face and a 1000-pixel one.
const CHIP_SIGMA: f32 = 0.8;

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
