//! The before/after view's material, made on a worker thread: one photo protected into a
//! temporary folder as the export would protect it, both versions scaled for the screen, and
//! each face close up at 100 % and 300 %, the original beside the protected copy.

use iced::widget::image;
use photoveil_core::job::protect_photo;
use photoveil_core::protect::pipeline::FaceReport;
use photoveil_core::{Controller, Error};

use crate::gui::engine::{self, SharedEngine};
use crate::gui::picture;
use crate::gui::settings::FaceMode;
use crate::gui::work::{Job, Plan};

/// How many times the enlarged close-up enlarges each pixel (300 %).
pub const ENLARGED: u32 = 3;

/// The sizes close-ups are made in, in pixels on a side: the view shows the largest that fits
/// (drawn pixel for pixel, never rescaled).
pub const TILE_SIDES: [u32; 5] = [96, 128, 176, 256, 352];

/// The same part of the original and of the protected copy, at most `side` pixels square.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The most pixels on a side this pair was made for.
    pub side: u32,
    /// From the original.
    pub original: image::Handle,
    /// From the protected copy.
    pub protected: image::Handle,
}

/// One face close up, in the sizes of [`TILE_SIDES`] (fewer when the face is small: the
/// largest then shows all there is), smallest first.
#[derive(Debug, Clone)]
pub struct CloseUp {
    /// The face with a margin, pixel for pixel (100 %).
    pub actual: Vec<Pair>,
    /// The middle of the face with each pixel enlarged [`ENLARGED`] times (nearest neighbour).
    pub enlarged: Vec<Pair>,
}

/// Face `bbox` close up at `zoom` times in each size of [`TILE_SIDES`], from the original and
/// the protected copy.
pub fn close_up_pairs(
    original: &::image::RgbaImage,
    protected: &::image::RgbaImage,
    bbox: [f32; 4],
    zoom: u32,
) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for side in TILE_SIDES {
        let (Some(a), Some(b)) = (
            picture::close_up(original, bbox, zoom, side),
            picture::close_up(protected, bbox, zoom, side),
        ) else {
            break;
        };
        // Smaller than asked: a larger size would show the same.
        let whole = a.width().max(a.height()) + zoom < side;
        pairs.push(Pair {
            side,
            original: picture::handle(a),
            protected: picture::handle(b),
        });
        if whole {
            break;
        }
    }
    pairs
}

/// One photo before and after protection, as measured.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The mode it was made with.
    pub mode: FaceMode,
    /// The faces the user chose to blur (indexes, largest face first) when it was made.
    pub blurred: Vec<usize>,
    /// The original, scaled to fit.
    pub before: image::Handle,
    /// The protected copy, scaled the same way.
    pub after: image::Handle,
    /// Each face close up, in the order of `faces` (`None` where it could not be cut out).
    pub close_ups: Vec<Option<CloseUp>>,
    /// Each face, as measured.
    pub faces: Vec<FaceReport>,
    /// Each face's face-swap squares, original and protected after the simulated upload, in
    /// the order of `faces` (`None` where they could not be made).
    pub squares: Vec<Option<super::swap::Squares>>,
}

/// A finished before/after view with the models it loaded, or why it failed.
pub type PreviewResult = Result<(Comparison, SharedEngine), Error>;

/// Protects `job`'s photo into a temporary folder as the export would (nothing is remembered),
/// and loads both versions (worker thread).
pub fn compare(
    job: Job,
    mode: FaceMode,
    jpeg_quality: u8,
    engine: Option<SharedEngine>,
    controller: &Controller,
) -> PreviewResult {
    let engine = engine::get_or_load(engine)?;
    let temp = tempfile::tempdir().map_err(|e| Error::write(std::env::temp_dir(), e))?;
    let plan = Plan {
        jobs: vec![job.clone()],
        out_dir: temp.path().to_path_buf(),
        mode,
        jpeg_quality,
    };
    let mut options = plan.options_for(&job);
    // A preview never teaches the decoy book anything.
    options.decoy_book = None;
    // As the export does it: a photo without a face to change is cleaned losslessly.
    let report = protect_photo(&engine.0, &job.path, &options, controller).report;
    if let Some(e) = report.error {
        return Err(e);
    }
    // A copy is written unless the photo failed (above) or was stopped.
    let output = report.output.ok_or(Error::Cancelled)?;
    let original = picture::load_displayed(&job.path)?;
    let protected = picture::load_displayed(&output)?;
    let (before, _) = picture::fit_within(&original, picture::PREVIEW_SIZE, picture::PREVIEW_SIZE);
    let (after, _) = picture::fit_within(&protected, picture::PREVIEW_SIZE, picture::PREVIEW_SIZE);
    let (original_rgb, protected_rgb) = (original.to_rgb8(), protected.to_rgb8());
    // The report keeps each face's box; the squares need its landmarks: the detector finds the
    // same faces again in the same picture (the pipeline's own search, `pipeline::prepare`).
    let found = photoveil_core::faces::find_faces(engine.0.detector(), &original_rgb)?;
    let squares = super::swap::squares(&original_rgb, &protected_rgb, &report.faces, &found)?;
    let (original, protected) = (original.to_rgba8(), protected.to_rgba8());
    let close_ups = report
        .faces
        .iter()
        .map(|face| {
            let actual = close_up_pairs(&original, &protected, face.bbox, 1);
            let enlarged = close_up_pairs(&original, &protected, face.bbox, ENLARGED);
            (!actual.is_empty() && !enlarged.is_empty()).then_some(CloseUp { actual, enlarged })
        })
        .collect();
    Ok((
        Comparison {
            mode,
            blurred: job.blur_these,
            before: picture::handle(before),
            after: picture::handle(after),
            close_ups,
            faces: report.faces,
            squares,
        },
        engine,
    ))
}
