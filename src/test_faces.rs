//! Faces as the protection reports and the batch's tally them, for the tests of the words and
//! screens about them.

use std::path::PathBuf;

use photoveil_core::job::FaceToRedo;
use photoveil_core::protect::pipeline::{FaceAction, FaceReport, Strength};
use photoveil_core::protect::verify::{Measured, Verdict};

/// A face of 80 × 80 pixels that got `action` at `level`, which the checker (line 0.5, 0.9
/// before the change) saw at `upload` after the simulated upload and judged `verdict`; no
/// figures of its change. Tests set the fields they are about with `..face(...)`.
pub(crate) fn face(
    action: FaceAction,
    level: Option<Strength>,
    verdict: Option<Verdict>,
    upload: f32,
) -> FaceReport {
    FaceReport {
        bbox: [0.0, 0.0, 80.0, 80.0],
        usable: true,
        action,
        measured: Measured {
            similarity_before: Some(0.9),
            similarity_after: Some(0.4),
            similarity_after_upload: Some(upload),
            threshold: 0.5,
            verdict,
        },
        ssim: None,
        colour: None,
        level,
        checks: Vec::new(),
    }
}

/// The verdict of a face that passed the check or not.
pub(crate) fn verdict(passed: bool) -> Verdict {
    if passed {
        Verdict::NotRecognised
    } else {
        Verdict::Recognised
    }
}

/// Face `face` (counted from 0) of `photo`, left for the user at `level` with the check's
/// `verdict`; its similarity unknown.
pub(crate) fn to_redo(
    photo: impl Into<PathBuf>,
    face: usize,
    level: Option<Strength>,
    verdict: Verdict,
) -> FaceToRedo {
    FaceToRedo {
        input: photo.into(),
        face,
        level,
        verdict: Some(verdict),
        similarity: None,
    }
}
