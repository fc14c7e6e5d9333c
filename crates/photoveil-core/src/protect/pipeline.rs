//! Protecting one photo end to end: decode it upright, find the faces, cloak (or blur) each,
//! encode a clean copy, write it safely, then measure what an abuser's network would see after
//! an upload.

use std::path::{Path, PathBuf};
use std::time::Instant;

use image::RgbImage;
use serde::Serialize;

use super::attack::AttackSettings;
use super::blur::blur_face;
use super::cloak_face::{cloak_face, FaceWarp};
use super::decoy::DecoyBook;
use super::encode::encode_like;
pub use super::encode::{DEFAULT_JPEG_QUALITY, MIN_JPEG_QUALITY};
use super::networks::{Network, NetworkKind};
use super::quality::{colour_change_in, psnr, ssim_in, ColourChange};
use super::rng::SecureRng;
use super::verify::{
    measure_faces, reference_embedding, similarity_after_upload, Measured, Verdict,
};
use super::Engine;
use crate::controller::{Controller, Stage};
use crate::decode::decode_displayed;
use crate::error::{Error, Mismatch, Result};
use crate::faces::{find_faces, Face};
use crate::format::ImageFormat;
use crate::output::write_new;
use crate::scan::{read_image, scan_bytes};

/// How strongly to cloak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    /// Smallest change; weakest protection.
    Subtle,
    /// The default balance.
    Standard,
    /// Strongest protection; the change may be visible on close inspection.
    Strong,
}

impl Strength {
    /// Every level from the weakest, in order.
    pub const ALL: [Strength; 3] = [Strength::Subtle, Strength::Standard, Strength::Strong];

    /// The levels from the weakest up to `self`, in order: the steps of protect-until-verified
    /// with `self` as the ceiling.
    pub fn ladder(self) -> impl Iterator<Item = Strength> {
        Strength::ALL
            .into_iter()
            .filter(move |&level| level <= self)
    }

    /// The optimisation settings of this level.
    pub fn settings(self) -> AttackSettings {
        // The warp bound is in eye distances: up to 4 % looks natural at 100 % (the same face,
        // its features moved by a pixel or two on a 250-pixel face). At `strong` it took
        // InsightFace's w600k_mbf from 0.329 to 0.271 (6 to 10 faces of 16 below its line) for
        // less grain than a larger budget needs for the same; at `standard` it helped no more
        // than a larger budget would, and cost the face's SSIM its 0.90 (0.874 with the warp
        // undone), so the lower levels stay without it (docs/protection-figures.md).
        // The finished change is smoothed over half a chip pixel: the steps leave it as flat
        // patches with hard borders, which on smooth skin look like a patchwork (26 real
        // portraits at 300 %). Smoothed, it reads as soft shading, and it moves the judges more
        // for the same face SSIM, so each budget was raised to keep about the SSIM it had: at
        // `standard` on the bench's 16 faces, w600k_mbf 0.509 (3 below its line) at SSIM 0.895
        // with budget 10, where budget 8 unsmoothed gave 0.570 (0) at 0.904; at `strong`, budget
        // 15 gave 0.246 (11) at 0.785, budget 12 unsmoothed 0.265-0.296 (8-9) at 0.795-0.805
        // (docs/protection-figures.md).
        let (epsilon, steps, warp) = match self {
            Strength::Subtle => (6.0, 30, 0.0),
            Strength::Standard => (9.5, 40, 0.0),
            Strength::Strong => (14.0, 60, 0.04),
        };
        // Brightness only: a grey grain looks like a photo's own noise, where colour made red and
        // purple blotches on skin and lids. At `standard` it kept every held-out network where
        // half-weighted colour had it (w600k_mbf 0.588 vs 0.602, FaceNet 0.586 vs 0.589) and
        // lowered the face's 99th-percentile colour difference from 6.6 to 5.6 (worst face 8.9 to
        // 6.0; docs/protection-figures.md).
        AttackSettings {
            steps,
            epsilon,
            momentum: 0.9,
            decoy_weight: 0.2,
            chroma_weight: 0.0,
            warp,
            smoothing: 0.5,
        }
    }
}

/// Which faces to work on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FaceSelection {
    /// Every face found.
    All,
    /// Only the largest face.
    Largest,
    /// No face (metadata is still removed).
    None,
}

/// Options of `protect`.
#[derive(Debug, Clone)]
pub struct ProtectOptions {
    /// Folder for the protected copies (created if missing).
    pub out_dir: PathBuf,
    /// Cloak strength; with `until_verified`, the highest level a face may get.
    pub strength: Strength,
    /// Protect until verified: cloak each face at the weakest level, check it after a
    /// simulated upload with the held-out network, and step up (up to `strength`) until that
    /// network no longer recognises the face.
    pub until_verified: bool,
    /// Which faces.
    pub faces: FaceSelection,
    /// Blur the faces instead of cloaking them.
    pub blur: bool,
    /// Faces (indexes in the order found, largest first) to blur even when the others are
    /// cloaked: those the user chose to blur after a cloak could not be verified.
    pub blur_these: Vec<usize>,
    /// Quality of JPEG outputs (lowered, not below [`MIN_JPEG_QUALITY`], when the copy would be
    /// over 1.3 times the original's size).
    pub jpeg_quality: u8,
    /// Where the decoy identities are remembered; `None` keeps them for this run only.
    pub decoy_book: Option<PathBuf>,
}

impl ProtectOptions {
    /// Whether face number `index` (in the order found) is to be blurred rather than cloaked.
    pub fn blurs(&self, index: usize) -> bool {
        self.blur || self.blur_these.contains(&index)
    }
}

/// What was done to a face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FaceAction {
    /// Cloaked against recognition.
    Cloaked,
    /// Blurred beyond recognition.
    Blurred,
    /// Left as it was (not selected).
    Left,
    /// Left as it was although it was selected, because it is seen from the side
    /// ([`crate::faces::Face::side_view`]). Every network the cloak is made with aligns a face
    /// on a frontal template, so for a profile the change lands beside what the networks of an
    /// abuser read: on the shared photos' profile face `strong` left InsightFace's w600k_mbf at
    /// 0.84-0.90 and FaceNet at 0.68-0.81 in 10 runs out of 10, while the grain and the warp broke
    /// the outline of the nose and lips against the background, visibly at 100 % already at
    /// `standard` (docs/protection-figures.md). Blurring it is still done when asked.
    SideView,
}

impl FaceAction {
    /// What protection does to `face`: `chosen` by the face selection, `blur` when blurring was
    /// asked for it.
    pub fn planned(face: &Face, chosen: bool, blur: bool) -> FaceAction {
        match (chosen, blur) {
            (false, _) => FaceAction::Left,
            (true, true) => FaceAction::Blurred,
            (true, false) if face.side_view() => FaceAction::SideView,
            (true, false) => FaceAction::Cloaked,
        }
    }

    /// Whether the face's pixels change.
    pub fn changes_pixels(self) -> bool {
        matches!(self, FaceAction::Cloaked | FaceAction::Blurred)
    }
}

/// One face of a protected photo, measured.
#[derive(Debug, Clone, Serialize)]
pub struct FaceReport {
    /// `[x, y, w, h]` in the photo as displayed.
    #[serde(rename = "box")]
    pub bbox: [f32; 4],
    /// Whether a face-swap tool could use the original face.
    pub usable: bool,
    /// What was done.
    pub action: FaceAction,
    /// The measurements with the verifying network.
    #[serde(flatten)]
    pub measured: Measured,
    /// Structural similarity of the face region (1 = same), protected copy against the
    /// original with the face moved by the same warp: the grain the change leaves. The warp
    /// itself moves features by at most the level's bound (4 % of the eye distance), which
    /// looks natural but which SSIM would count as heavily as a blotch.
    pub ssim: Option<f64>,
    /// How far the face's colours moved (CIEDE2000), measured the same way.
    pub colour: Option<ColourChange>,
    /// The cloak level this face got (the level it needed, with protect-until-verified).
    pub level: Option<Strength>,
    /// Protect-until-verified's checks of this face, one per level tried, weakest first.
    pub checks: Vec<LevelCheck>,
}

/// One level of protect-until-verified, as the held-out network saw the face after a simulated
/// upload of the picture at that point (before the copy's own encoding).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LevelCheck {
    /// The level tried.
    pub level: Strength,
    /// The held-out network's similarity to the original face.
    pub similarity_after_upload: Option<f32>,
    /// Whether it no longer recognised the face (then no higher level was tried).
    pub passed: bool,
}

/// The result of protecting one file.
#[derive(Debug, Serialize)]
pub struct ProtectReport {
    /// The original (never modified).
    pub input: PathBuf,
    /// The protected copy, when one was written.
    pub output: Option<PathBuf>,
    /// Format of both.
    pub format: Option<ImageFormat>,
    /// Seconds taken for the whole photo.
    pub seconds: f64,
    /// PSNR of the whole copy against the original, in dB (the cloak plus our own encoding).
    pub psnr: Option<f64>,
    /// JPEG quality of the copy, for JPEG outputs.
    pub jpeg_quality: Option<u8>,
    /// The networks the cloak was optimised against.
    pub attacked: Vec<NetworkKind>,
    /// The independent network that measured the result (never one of `attacked`).
    pub verifier: NetworkKind,
    /// Every face found, largest first.
    pub faces: Vec<FaceReport>,
    /// Why no copy was written.
    pub error: Option<Error>,
}

impl ProtectReport {
    /// The report of `path` with nothing done yet, naming the engine's networks.
    pub fn new(engine: &Engine, path: &Path) -> ProtectReport {
        ProtectReport {
            input: path.to_path_buf(),
            output: None,
            format: None,
            seconds: 0.0,
            psnr: None,
            jpeg_quality: None,
            attacked: engine.attacked().map(Network::kind).collect(),
            verifier: engine.verifier().kind(),
            faces: Vec::new(),
            error: None,
        }
    }
}

/// Protects one file into `options.out_dir`.
pub fn protect_file(
    engine: &Engine,
    path: &Path,
    options: &ProtectOptions,
    controller: &Controller,
) -> ProtectReport {
    protect_file_with(
        engine,
        path,
        options,
        &options.strength.settings(),
        controller,
    )
}

/// [`protect_file`] with these optimisation settings instead of those of `options.strength`
/// (experiments: the benchmark's budget sweeps). With `options.until_verified` they are the
/// ceiling's settings; the levels below it keep their own.
pub fn protect_file_with(
    engine: &Engine,
    path: &Path,
    options: &ProtectOptions,
    settings: &AttackSettings,
    controller: &Controller,
) -> ProtectReport {
    let start = Instant::now();
    let mut report = ProtectReport::new(engine, path);
    match prepare(engine, path, options, controller) {
        Ok(prepared) => {
            report.format = Some(prepared.format);
            if let Err(e) = protect_into(
                engine,
                path,
                &prepared,
                options,
                settings,
                controller,
                &mut report,
            ) {
                report.error = Some(e);
            }
        }
        Err(e) => report.error = Some(e),
    }
    report.seconds = start.elapsed().as_secs_f64();
    report
}

/// A photo read, decoded upright and searched for faces: where protection starts, and what the
/// protect job looks at to decide whether there is anything to change.
pub struct Prepared {
    /// The format of the file.
    pub format: ImageFormat,
    /// The file's bytes.
    data: Vec<u8>,
    /// The embedded colour profile, kept in the copy.
    icc: Option<Vec<u8>>,
    /// The transparency, kept in the copy.
    alpha: Option<image::GrayAlphaImage>,
    /// The picture as displayed (upright).
    pub original: RgbImage,
    /// Every face found, largest first.
    pub faces: Vec<Face>,
    /// Which of `faces` the face selection chose (`ProtectOptions::faces`);
    /// [`planned`](Self::planned) says what is done to each.
    pub chosen: Vec<bool>,
}

impl Prepared {
    /// What protection with `options` does to each face, in the order of `faces`.
    pub fn planned(&self, options: &ProtectOptions) -> Vec<FaceAction> {
        self.faces
            .iter()
            .zip(&self.chosen)
            .enumerate()
            .map(|(i, (face, &on))| FaceAction::planned(face, on, options.blurs(i)))
            .collect()
    }

    /// Whether protection with `options` changes any face.
    pub fn any_to_change(&self, options: &ProtectOptions) -> bool {
        self.planned(options)
            .into_iter()
            .any(FaceAction::changes_pixels)
    }
}

/// Reads `path`, refuses a damaged file, decodes the picture upright and finds its faces.
pub fn prepare(
    engine: &Engine,
    path: &Path,
    options: &ProtectOptions,
    controller: &Controller,
) -> Result<Prepared> {
    controller.report(Stage::Reading);
    let (format, data) = read_image(path)?;
    // A damaged file (e.g. one cut short) is refused, as `clean` refuses it: decoders would
    // quietly fill the missing part of the picture with grey.
    scan_bytes(&data)?;
    let displayed = decode_displayed(format, &data)?;
    let alpha = displayed
        .picture
        .color()
        .has_alpha()
        .then(|| displayed.picture.to_luma_alpha8());
    let original = displayed.picture.to_rgb8();
    controller.report(Stage::FindingFaces);
    let faces = find_faces(engine.detector(), &original)?;
    let chosen: Vec<bool> = faces
        .iter()
        .enumerate()
        .map(|(i, _)| match options.faces {
            FaceSelection::All => true,
            FaceSelection::Largest => i == 0,
            FaceSelection::None => false,
        })
        .collect();
    if controller.is_cancelled() {
        return Err(Error::Cancelled);
    }
    Ok(Prepared {
        format,
        data,
        icc: displayed.icc,
        alpha,
        original,
        faces,
        chosen,
    })
}

/// [`protect_file_with`] from a photo already [`prepare`]d (its faces found once).
pub fn protect_prepared(
    engine: &Engine,
    path: &Path,
    prepared: &Prepared,
    options: &ProtectOptions,
    controller: &Controller,
) -> ProtectReport {
    let start = Instant::now();
    let mut report = ProtectReport::new(engine, path);
    report.format = Some(prepared.format);
    let settings = options.strength.settings();
    if let Err(e) = protect_into(
        engine,
        path,
        prepared,
        options,
        &settings,
        controller,
        &mut report,
    ) {
        report.error = Some(e);
    }
    report.seconds = start.elapsed().as_secs_f64();
    report
}

fn protect_into(
    engine: &Engine,
    path: &Path,
    prepared: &Prepared,
    options: &ProtectOptions,
    settings: &AttackSettings,
    controller: &Controller,
    report: &mut ProtectReport,
) -> Result<()> {
    let Prepared {
        format,
        data,
        icc,
        alpha,
        original,
        faces,
        chosen: _,
    } = prepared;
    let format = *format;
    let mut protected = original.clone();
    // The original with each face moved by its warp (where there is one): the face's figures
    // compare the copy with it, so they measure the grain the change leaves, not the shift of a
    // feature by a pixel or two, which SSIM punishes as hard as a blotch and nobody sees.
    let mut reshaped: Option<RgbImage> = None;
    let mut book = match &options.decoy_book {
        Some(p) => DecoyBook::load_or_new(p)?,
        None => DecoyBook::new()?,
    };
    let mut rng = SecureRng::new();
    let ladder: Vec<(Strength, AttackSettings)> = if options.until_verified {
        options
            .strength
            .ladder()
            .map(|level| {
                let own = if level == options.strength {
                    *settings
                } else {
                    level.settings()
                };
                (level, own)
            })
            .collect()
    } else {
        vec![(options.strength, *settings)]
    };
    let mut levels: Vec<Option<Strength>> = vec![None; faces.len()];
    let mut checks: Vec<Vec<LevelCheck>> = vec![Vec::new(); faces.len()];
    let planned = prepared.planned(options);
    let to_change = planned.iter().filter(|a| a.changes_pixels()).count();
    let changing = faces
        .iter()
        .zip(levels.iter_mut().zip(checks.iter_mut()))
        .zip(&planned)
        .filter(|(_, action)| action.changes_pixels());
    for (index, ((face, (level, tried)), &action)) in changing.enumerate() {
        if controller.is_cancelled() {
            return Err(Error::Cancelled);
        }
        if action == FaceAction::Blurred {
            controller.report(Stage::Blurring {
                face: index,
                faces: to_change,
            });
            blur_face(&mut protected, face.bbox, &mut rng);
        } else {
            // What the checker knows of the person, for every level's check.
            let reference = options
                .until_verified
                .then(|| reference_embedding(engine.verifier(), original, face))
                .flatten();
            // The warp each level ends with; the next one goes on from it.
            let mut warp = None;
            for (rung, (strength, settings)) in ladder.iter().enumerate() {
                // A level above the first starts from the change the one below made, with half
                // its steps: protected until verified at `strong`, that ended where full steps
                // did (w600k_mbf 0.379 vs 0.385, FaceNet 0.378 vs 0.363, face SSIM 0.812 both)
                // in 1.5-1.7 times the time of `strong` alone instead of 2.4.
                let settings = if rung == 0 {
                    *settings
                } else {
                    AttackSettings {
                        steps: settings.steps.div_ceil(2),
                        ..*settings
                    }
                };
                warp = cloak_face(
                    engine,
                    original,
                    &mut protected,
                    (face, warp.as_ref().map(|w: &FaceWarp| &w.controls)),
                    &settings,
                    &mut book,
                    &mut rng,
                    &numbered(controller, index, to_change),
                )?;
                *level = Some(*strength);
                if options.until_verified {
                    let similarity = match &reference {
                        Some(r) => similarity_after_upload(engine.verifier(), r, &protected, face)?,
                        None => None,
                    };
                    let check = LevelCheck {
                        level: *strength,
                        similarity_after_upload: similarity,
                        // A face the checker cannot measure, or does not confirm, does not pass.
                        passed: similarity
                            .map(|s| Verdict::of_checker(engine.verifier().kind(), s))
                            == Some(Verdict::NotRecognised),
                    };
                    tried.push(check);
                    if check.passed {
                        break;
                    }
                }
            }
            if let Some(w) = warp {
                w.reshape(reshaped.get_or_insert_with(|| original.clone()));
            }
        }
    }
    if let (Some(p), true) = (&options.decoy_book, planned.contains(&FaceAction::Cloaked)) {
        book.save(p)?;
    }
    controller.report(Stage::Encoding);
    let (bytes, quality) = encode_like(
        format,
        &protected,
        alpha.as_ref(),
        icc.as_deref(),
        options.jpeg_quality,
        data.len(),
    )?;
    report.jpeg_quality = quality;
    controller.report(Stage::Verifying);
    // What was written is what is measured: decode our own bytes.
    let written = decode_displayed(format, &bytes)?.picture.to_rgb8();
    let (_, _, residual) = scan_bytes(&bytes)?;
    if !residual.is_empty() {
        return Err(Error::Verification(Mismatch::MetadataLeft {
            items: residual.len(),
        }));
    }
    report.psnr = psnr(original, &written);
    let measured = measure_faces(engine, original, &written, faces)?;
    report.faces = faces
        .iter()
        .zip(measured)
        .zip(planned)
        .zip(levels.into_iter().zip(checks))
        .map(|(((face, measured), action), (level, checks))| FaceReport {
            bbox: face.bbox,
            usable: face.usable,
            action,
            measured,
            ssim: ssim_in(reshaped.as_ref().unwrap_or(original), &written, face.bbox),
            colour: colour_change_in(reshaped.as_ref().unwrap_or(original), &written, face.bbox),
            level,
            checks,
        })
        .collect();
    if controller.is_cancelled() {
        return Err(Error::Cancelled);
    }
    let name = path.file_name().ok_or(Error::NotAnImage)?;
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    report.output = Some(write_new(&options.out_dir, name, &bytes, permissions)?);
    Ok(())
}

/// A controller for cloaking face `face` of `faces`: the attack reports its steps as if there
/// were one face, and this one tells the outer observer which face they belong to.
fn numbered(controller: &Controller, face: usize, faces: usize) -> Controller {
    let outer = controller.clone();
    controller.observed(move |stage| {
        outer.report(match stage {
            Stage::Cloaking { step, steps, .. } => Stage::Cloaking {
                face,
                faces,
                step,
                steps,
            },
            other => other,
        })
    })
}
