//! Cloaking one face of a photo: the targets (each attacked network's alignment and
//! objective), the region they read, the optimisation, and the warp it ends with.

use image::RgbImage;

use super::attack::{cloak_region, face_region, AttackSettings, Controls, FacePlace, Target};
use super::decoy::DecoyBook;
use super::networks::Objective;
use super::planes::{read_region, write_region};
use super::rng::SecureRng;
use super::warp::Rect;
use super::Engine;
use crate::controller::Controller;
use crate::error::Result;
use crate::faces::Face;

/// A face's warp after a level: its control points (the next level goes on from them) and the
/// change it alone makes to the region.
pub(super) struct FaceWarp {
    /// The control points.
    pub(super) controls: Controls,
    region: Rect,
    part: Vec<f32>,
}

impl FaceWarp {
    /// Moves the face in `picture` (the original, or the original with other faces already
    /// moved) by this warp alone.
    pub(super) fn reshape(&self, picture: &mut RgbImage) {
        let values: Vec<f32> = read_region(picture, self.region)
            .iter()
            .zip(&self.part)
            .map(|(v, d)| v + d)
            .collect();
        write_region(picture, self.region, &values);
    }
}

/// Cloaks one face of `protected` (whose untouched pixels are `original`), going on from the
/// warp a lower strength made of it, if any; returns the warp it ends with.
#[allow(clippy::too_many_arguments)]
pub(super) fn cloak_face(
    engine: &Engine,
    original: &RgbImage,
    protected: &mut RgbImage,
    (face, warp): (&Face, Option<&Controls>),
    settings: &AttackSettings,
    book: &mut DecoyBook,
    rng: &mut SecureRng,
    controller: &Controller,
) -> Result<Option<FaceWarp>> {
    let (width, height) = original.dimensions();
    let whole = Rect {
        x: 0,
        y: 0,
        w: width,
        h: height,
    };
    let mut targets = Vec::new();
    let mut person = None;
    for network in engine.attacked() {
        let Some(transform) = face.alignment(&network.kind().template()) else {
            continue;
        };
        let source = network.embed_face(original, &transform);
        // People are told apart by the first attacked network's embedding.
        let id = *person.get_or_insert_with(|| book.person_for(&source));
        let decoy = book.decoy(id, network.kind(), &source);
        targets.push(Target {
            network,
            objective: Objective {
                source,
                decoy,
                decoy_weight: settings.decoy_weight,
            },
            transform,
        });
    }
    if targets.is_empty() {
        return Ok(None);
    }
    let region = face_region(&targets, face.bbox, whole.w, whole.h);
    let clean = read_region(original, region);
    let current = read_region(protected, region);
    let start: Vec<f32> = current.iter().zip(&clean).map(|(c, o)| c - o).collect();
    let change = cloak_region(
        &clean,
        (start, warp),
        region,
        &FacePlace::of(face),
        &targets,
        settings,
        rng,
        controller,
    )?;
    let values: Vec<f32> = clean
        .iter()
        .zip(&change.delta)
        .map(|(c, d)| c + d)
        .collect();
    write_region(protected, change.region, &values);
    Ok(change.warp.map(|controls| FaceWarp {
        controls,
        region: change.region,
        part: change.warp_part,
    }))
}
