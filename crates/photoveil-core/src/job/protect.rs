//! The protect job, and its rule for photos without faces: a photo in which no face is found (or
//! none is selected) is cleaned losslessly, as `clean` does (metadata removed, the coded picture
//! copied byte for byte), instead of being decoded and encoded again for nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::{run_job, Entry, PhotoResult, Summary};
use crate::clean::{clean_file, CleanOptions, CleanReport};
use crate::controller::Controller;
use crate::error::{Error, Result};
use crate::protect::pipeline::{
    prepare, protect_prepared, FaceReport, Prepared, ProtectOptions, ProtectReport,
};
use crate::protect::verify::measure_faces;
use crate::protect::Engine;
use crate::verify::PictureCheck;

/// How to protect.
#[derive(Debug, Clone)]
pub struct ProtectSettings {
    /// How every photo is protected and where the copies go.
    pub options: ProtectOptions,
    /// The faces (indexes in the order found, largest first) to blur in particular photos
    /// while the others are cloaked; photos not named here blur `options.blur_these`.
    pub blur_these: BTreeMap<PathBuf, Vec<usize>>,
}

impl ProtectSettings {
    /// The same options for every photo.
    pub fn new(options: ProtectOptions) -> ProtectSettings {
        ProtectSettings {
            options,
            blur_these: BTreeMap::new(),
        }
    }

    /// The options for the photo at `path`.
    pub fn options_for(&self, path: &Path) -> ProtectOptions {
        let mut options = self.options.clone();
        if let Some(chosen) = self.blur_these.get(path) {
            options.blur_these.clone_from(chosen);
        }
        options
    }
}

/// Which way a photo went through protection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Treatment {
    /// Faces were found and chosen: they were cloaked or blurred and the copy encoded anew.
    Protected,
    /// No face was found or chosen: the copy was cleaned losslessly, with the same picture data.
    Cleaned,
}

/// The result of protecting one photo.
#[derive(Debug, Serialize)]
pub struct ProtectedPhoto {
    /// Which way it went.
    pub treatment: Treatment,
    /// Whether faces could be looked for (false when this build cannot decode the picture, e.g.
    /// HEIF: it was then cleaned, and any face in it is left as it was).
    pub faces_looked_for: bool,
    /// The protection's report: the copy, its faces (found and left, when cleaned) and figures.
    #[serde(flatten)]
    pub report: ProtectReport,
    /// When it was cleaned: how the copy's picture was checked to be the original's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picture: Option<PictureCheck>,
    /// How the copy was cleaned, when it was cleaned (not written out: what was removed is
    /// what the photo gave away).
    #[serde(skip)]
    pub clean: Option<CleanReport>,
}

impl PhotoResult for ProtectedPhoto {
    fn error(&self) -> Option<&Error> {
        self.report.error.as_ref()
    }

    fn faces_protected(&self) -> usize {
        if self.report.error.is_some() {
            return 0;
        }
        self.report
            .faces
            .iter()
            .filter(|f| f.action.changes_pixels())
            .count()
    }
}

/// Protects every file under `paths` into `settings.options.out_dir`, one photo at a time (the
/// networks use every core for one face), handing each result to `emit` in listing order. A
/// photo is written whole or not at all; once `controller` is cancelled the photo in hand stops
/// at its next check and no new photo is started.
pub fn protect_photos(
    engine: &Engine,
    paths: &[PathBuf],
    settings: &ProtectSettings,
    controller: &Controller,
    emit: impl FnMut(Entry<'_, ProtectedPhoto>),
) -> Summary {
    run_job(
        paths,
        1,
        controller,
        |candidate| {
            protect_photo(
                engine,
                &candidate.path,
                &settings.options_for(&candidate.path),
                controller,
            )
        },
        emit,
    )
}

/// Protects one photo: when faces are found and chosen, through the protection pipeline;
/// otherwise it is cleaned losslessly.
pub fn protect_photo(
    engine: &Engine,
    path: &Path,
    options: &ProtectOptions,
    controller: &Controller,
) -> ProtectedPhoto {
    let start = Instant::now();
    match look(engine, path, options, controller) {
        Ok(Look::Chosen(prepared)) => {
            let mut report = protect_prepared(engine, path, &prepared, options, controller);
            report.seconds = start.elapsed().as_secs_f64();
            ProtectedPhoto {
                treatment: Treatment::Protected,
                faces_looked_for: true,
                report,
                picture: None,
                clean: None,
            }
        }
        Ok(Look::NoneChosen { faces, looked_for }) => {
            let mut report = ProtectReport::new(engine, path);
            let mut clean = clean_file(
                path,
                &CleanOptions {
                    out_dir: options.out_dir.clone(),
                    pixel_check: Default::default(),
                },
            );
            report.format = clean.format;
            report.output.clone_from(&clean.output);
            report.faces = faces;
            report.error = clean.error.take();
            report.seconds = start.elapsed().as_secs_f64();
            ProtectedPhoto {
                treatment: Treatment::Cleaned,
                faces_looked_for: looked_for,
                picture: clean.verification.as_ref().map(|v| v.picture),
                // A failed clean says why in the report; the clean's own figures are then empty.
                clean: report.error.is_none().then_some(clean),
                report,
            }
        }
        Err(e) => {
            let mut report = ProtectReport::new(engine, path);
            report.error = Some(e);
            report.seconds = start.elapsed().as_secs_f64();
            ProtectedPhoto {
                treatment: Treatment::Protected,
                faces_looked_for: false,
                report,
                picture: None,
                clean: None,
            }
        }
    }
}

/// What looking at a photo found.
enum Look {
    /// Faces to change: the pipeline protects the photo, read and searched once.
    Chosen(Box<Prepared>),
    /// Nothing to change: the photo is cleaned, with these faces reported as left (or as seen
    /// from the side, where they were chosen).
    NoneChosen {
        /// The faces found, none of them changed, measured on the unchanged picture.
        faces: Vec<FaceReport>,
        /// Whether faces could be looked for at all.
        looked_for: bool,
    },
}

/// Reads the photo, finds its faces and says whether any is chosen. Refuses what protection
/// refuses (unreadable or damaged files) with the same errors.
fn look(
    engine: &Engine,
    path: &Path,
    options: &ProtectOptions,
    controller: &Controller,
) -> Result<Look> {
    let prepared = match prepare(engine, path, options, controller) {
        Ok(prepared) => prepared,
        // A format this build cannot decode (HEIF, AVIF) can still be cleaned.
        Err(Error::Unsupported { .. }) => {
            return Ok(Look::NoneChosen {
                faces: Vec::new(),
                looked_for: false,
            })
        }
        Err(e) => return Err(e),
    };
    if prepared.any_to_change(options) {
        // Refused before any work on the faces: protection could not write this format again.
        if !prepared.format.protectable() {
            return Err(Error::Unsupported {
                format: prepared.format,
                what: crate::error::Operation::ProtectingFaces,
            });
        }
        return Ok(Look::Chosen(Box::new(prepared)));
    }
    let planned = prepared.planned(options);
    let Prepared {
        original: picture,
        faces,
        ..
    } = prepared;
    // The copy's picture is the original's, so the faces are measured on the original.
    let measured = if faces.is_empty() {
        Vec::new()
    } else {
        measure_faces(engine, &picture, &picture, &faces)?
    };
    let faces = faces
        .iter()
        .zip(measured)
        .zip(planned)
        .map(|((face, measured), action)| FaceReport {
            bbox: face.bbox,
            usable: face.usable,
            // Left, or seen from the side (left although chosen).
            action,
            measured,
            ssim: None,
            colour: None,
            level: None,
            checks: Vec::new(),
        })
        .collect();
    Ok(Look::NoneChosen {
        faces,
        looked_for: true,
    })
}
