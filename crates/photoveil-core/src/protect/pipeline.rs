//! Protecting one photo end to end: decode it upright, find the faces, cloak (or blur) each,
//! encode a clean copy, write it safely, then measure what an abuser's network would see after
//! an upload.

use std::path::{Path, PathBuf};
use std::time::Instant;

use image::{DynamicImage, RgbImage};
use serde::Serialize;

use super::attack::{cloak_region, face_region, AttackSettings, Target};
use super::blur::blur_face;
use super::codec::encode_jpeg;
use super::decoy::DecoyBook;
use super::networks::{Network, NetworkKind, Objective};
use super::planes::{read_region, write_region};
use super::quality::{psnr, ssim_in};
use super::rng::SecureRng;
use super::verify::{measure_faces, Measured};
use super::warp::Rect;
use super::Engine;
use crate::controller::{Controller, Stage};
use crate::decode::decode_displayed;
use crate::error::{Error, Result};
use crate::faces::{find_faces, Face};
use crate::format::ImageFormat;
use crate::output::write_new;
use crate::scan::{read_image, scan_bytes};

/// How strongly to cloak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
    /// The optimisation settings of this level.
    pub fn settings(self) -> AttackSettings {
        let (epsilon, steps) = match self {
            Strength::Subtle => (5.0, 30),
            Strength::Standard => (8.0, 40),
            Strength::Strong => (12.0, 60),
        };
        AttackSettings {
            steps,
            epsilon,
            momentum: 0.9,
            decoy_weight: 0.2,
            chroma_weight: 0.5,
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
    /// Cloak strength.
    pub strength: Strength,
    /// Which faces.
    pub faces: FaceSelection,
    /// Blur the faces instead of cloaking them.
    pub blur: bool,
    /// Quality of JPEG outputs (lowered, not below [`MIN_JPEG_QUALITY`], when the copy would be
    /// over 1.3 times the original's size).
    pub jpeg_quality: u8,
    /// Where the decoy identities are remembered; `None` keeps them for this run only.
    pub decoy_book: Option<PathBuf>,
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
    /// Structural similarity of the face region, protected copy against original (1 = same).
    pub ssim: Option<f64>,
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
/// (experiments: the benchmark's budget sweeps).
pub fn protect_file_with(
    engine: &Engine,
    path: &Path,
    options: &ProtectOptions,
    settings: &AttackSettings,
    controller: &Controller,
) -> ProtectReport {
    let start = Instant::now();
    let mut report = ProtectReport {
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
    };
    if let Err(e) = protect_into(engine, path, options, settings, controller, &mut report) {
        report.error = Some(e);
    }
    report.seconds = start.elapsed().as_secs_f64();
    report
}

fn protect_into(
    engine: &Engine,
    path: &Path,
    options: &ProtectOptions,
    settings: &AttackSettings,
    controller: &Controller,
    report: &mut ProtectReport,
) -> Result<()> {
    controller.report(Stage::Reading);
    let (format, data) = read_image(path)?;
    report.format = Some(format);
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
    let mut protected = original.clone();
    let mut book = match &options.decoy_book {
        Some(p) => DecoyBook::load_or_new(p)?,
        None => DecoyBook::new()?,
    };
    let mut rng = SecureRng::new();
    let to_change = chosen.iter().filter(|&&on| on).count();
    let changing = faces
        .iter()
        .zip(&chosen)
        .filter(|(_, &on)| on)
        .map(|(f, _)| f);
    for (index, face) in changing.enumerate() {
        if controller.is_cancelled() {
            return Err(Error::Cancelled);
        }
        if options.blur {
            controller.report(Stage::Blurring {
                face: index,
                faces: to_change,
            });
            blur_face(&mut protected, face.bbox);
        } else {
            cloak_face(
                engine,
                &original,
                &mut protected,
                face,
                settings,
                &mut book,
                &mut rng,
                &numbered(controller, index, to_change),
            )?;
        }
    }
    if let (Some(p), false) = (&options.decoy_book, options.blur) {
        book.save(p)?;
    }
    controller.report(Stage::Encoding);
    let (bytes, quality) = encode_like(
        format,
        &protected,
        alpha.as_ref(),
        displayed.icc.as_deref(),
        options.jpeg_quality,
        data.len(),
    )?;
    report.jpeg_quality = quality;
    controller.report(Stage::Verifying);
    // What was written is what is measured: decode our own bytes.
    let written = decode_displayed(format, &bytes)?.picture.to_rgb8();
    let (_, _, residual) = scan_bytes(&bytes)?;
    if !residual.is_empty() {
        return Err(Error::Verification(format!(
            "the protected copy still carries {} metadata item(s)",
            residual.len()
        )));
    }
    report.psnr = psnr(&original, &written);
    let measured = measure_faces(engine, &original, &written, &faces)?;
    report.faces = faces
        .iter()
        .zip(measured)
        .zip(&chosen)
        .map(|((face, measured), &on)| FaceReport {
            bbox: face.bbox,
            usable: face.usable,
            action: match (on, options.blur) {
                (false, _) => FaceAction::Left,
                (true, true) => FaceAction::Blurred,
                (true, false) => FaceAction::Cloaked,
            },
            measured,
            ssim: ssim_in(&original, &written, face.bbox),
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
/// Cloaks one face of `protected` (whose untouched pixels are `original`).
#[allow(clippy::too_many_arguments)]
fn cloak_face(
    engine: &Engine,
    original: &RgbImage,
    protected: &mut RgbImage,
    face: &Face,
    settings: &AttackSettings,
    book: &mut DecoyBook,
    rng: &mut SecureRng,
    controller: &Controller,
) -> Result<()> {
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
        return Ok(());
    }
    let region = face_region(&targets, face.bbox, whole.w, whole.h);
    let clean = read_region(original, region);
    let current = read_region(protected, region);
    let start: Vec<f32> = current.iter().zip(&clean).map(|(c, o)| c - o).collect();
    let change = cloak_region(
        &clean, start, region, face.bbox, &targets, settings, rng, controller,
    )?;
    let values: Vec<f32> = clean
        .iter()
        .zip(&change.delta)
        .map(|(c, d)| c + d)
        .collect();
    write_region(protected, change.region, &values);
    Ok(())
}

/// Lowest JPEG quality used to keep a copy within 1.3 times its original's size. The cloak is
/// optimised against JPEG down to quality 60, so it survives this encode.
pub const MIN_JPEG_QUALITY: u8 = 70;
/// JPEG quality of protected copies unless the user chooses another.
pub const DEFAULT_JPEG_QUALITY: u8 = 92;

/// Encodes the protected picture in the original's format, with its colour profile and nothing
/// else. JPEG quality steps down (not below [`MIN_JPEG_QUALITY`]) while the copy is over 1.3 times
/// the original.
fn encode_like(
    format: ImageFormat,
    picture: &RgbImage,
    alpha: Option<&image::GrayAlphaImage>,
    icc: Option<&[u8]>,
    quality: u8,
    original_len: usize,
) -> Result<(Vec<u8>, Option<u8>)> {
    let (w, h) = picture.dimensions();
    match format {
        ImageFormat::Jpeg => {
            let limit = original_len as f64 * 1.3;
            let mut q = quality.clamp(1, 100);
            // Step down on a sample of the rows first: each try costs an eighth of a full
            // encode (a 12-megapixel encode takes over half a second).
            if let Some((sample, factor)) = size_sample(picture) {
                let (sw, sh) = sample.dimensions();
                while q > MIN_JPEG_QUALITY {
                    let estimate = encode_jpeg(sample.as_raw(), sw, sh, q, None)?.len() as f64;
                    if estimate * factor <= limit {
                        break;
                    }
                    q = q.saturating_sub(4).max(MIN_JPEG_QUALITY);
                }
            }
            loop {
                let bytes = encode_jpeg(picture.as_raw(), w, h, q, icc)?;
                if bytes.len() as f64 <= limit || q <= MIN_JPEG_QUALITY {
                    return Ok((bytes, Some(q)));
                }
                q = q.saturating_sub(4).max(MIN_JPEG_QUALITY);
            }
        }
        ImageFormat::Png | ImageFormat::Webp | ImageFormat::Tiff => {
            let image = match alpha {
                Some(a) => DynamicImage::ImageRgba8(image::RgbaImage::from_fn(w, h, |x, y| {
                    let p = picture.get_pixel(x, y).0;
                    image::Rgba([p[0], p[1], p[2], a.get_pixel(x, y).0[1]])
                })),
                None => DynamicImage::ImageRgb8(picture.clone()),
            };
            let mut out = std::io::Cursor::new(Vec::new());
            match format {
                ImageFormat::Png => {
                    write_with_profile(image::codecs::png::PngEncoder::new(&mut out), &image, icc)?
                }
                ImageFormat::Webp => write_with_profile(
                    image::codecs::webp::WebPEncoder::new_lossless(&mut out),
                    &image,
                    icc,
                )?,
                _ => write_with_profile(
                    image::codecs::tiff::TiffEncoder::new(&mut out),
                    &image,
                    icc,
                )?,
            }
            Ok((out.into_inner(), None))
        }
        ImageFormat::Heif | ImageFormat::Avif => Err(Error::Unsupported {
            format,
            what: crate::error::Operation::ProtectingFaces,
        }),
    }
}

/// Rows of each band of the size sample (a whole number of JPEG block rows in every
/// subsampling).
const SAMPLE_BAND: u32 = 16;
/// One band in this many goes into the size sample.
const SAMPLE_EVERY: u32 = 8;

/// Evenly spread bands of `picture`'s rows, one in [`SAMPLE_EVERY`], as one picture, and how
/// many times more rows the whole picture has; `None` for pictures too small to be worth it.
fn size_sample(picture: &RgbImage) -> Option<(RgbImage, f64)> {
    let (w, h) = picture.dimensions();
    let bands = h / (SAMPLE_BAND * SAMPLE_EVERY);
    if bands < 4 {
        return None;
    }
    let row = w as usize * 3;
    let mut data = Vec::with_capacity(row * (bands * SAMPLE_BAND) as usize);
    for band in 0..bands {
        let start = (band * SAMPLE_BAND * SAMPLE_EVERY) as usize * row;
        data.extend_from_slice(
            picture
                .as_raw()
                .get(start..start + SAMPLE_BAND as usize * row)?,
        );
    }
    let sample = RgbImage::from_raw(w, bands * SAMPLE_BAND, data)?;
    Some((sample, f64::from(h) / f64::from(bands * SAMPLE_BAND)))
}

/// Writes `image` through `encoder`, with the colour profile when there is one (an encoder that
/// cannot carry one writes the picture without it).
fn write_with_profile(
    mut encoder: impl image::ImageEncoder,
    image: &DynamicImage,
    icc: Option<&[u8]>,
) -> Result<()> {
    if let Some(icc) = icc {
        // Unsupported only means this encoder has no place for a profile.
        let _ = encoder.set_icc_profile(icc.to_vec());
    }
    encoder
        .write_image(
            image.as_bytes(),
            image.width(),
            image.height(),
            image.color().into(),
        )
        .map_err(|e| Error::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A textured picture whose JPEG size depends clearly on the quality.
    fn textured(w: u32, h: u32) -> RgbImage {
        let mut state = 0x9e37_79b9_u32;
        RgbImage::from_fn(w, h, |x, y| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let base =
                ((x as f32 / 29.0).sin() * 60.0 + (y as f32 / 41.0).cos() * 60.0 + 128.0) as u8;
            let grain = (state % 24) as u8;
            image::Rgb([base.saturating_add(grain), base / 2 + grain, 255 - base])
        })
    }

    #[test]
    fn the_sampled_quality_search_keeps_within_the_size_limit_and_near_the_best_quality() {
        let picture = textured(1600, 1280);
        let (w, h) = picture.dimensions();
        let size = |q: u8| encode_jpeg(picture.as_raw(), w, h, q, None).unwrap().len();
        // An original just small enough that 80 is the best quality of the ladder that fits.
        let original_len = (size(80) as f64 / 1.3).ceil() as usize + 1;
        assert!(size(84) as f64 > original_len as f64 * 1.3);
        let (bytes, q) =
            encode_like(ImageFormat::Jpeg, &picture, None, None, 92, original_len).unwrap();
        assert!(bytes.len() as f64 <= original_len as f64 * 1.3);
        assert!(matches!(q, Some(80) | Some(76)), "{q:?}");
        // A generous limit keeps the requested quality; an impossible one stops at the floor.
        let (_, q) = encode_like(ImageFormat::Jpeg, &picture, None, None, 92, 1 << 30).unwrap();
        assert_eq!(q, Some(92));
        let (_, q) = encode_like(ImageFormat::Jpeg, &picture, None, None, 92, 10).unwrap();
        assert_eq!(q, Some(MIN_JPEG_QUALITY));
        // Small pictures are not sampled.
        assert!(size_sample(&textured(64, 64)).is_none());
        let (sample, factor) = size_sample(&picture).unwrap();
        assert_eq!(sample.dimensions(), (1600, 160));
        assert!((factor - 8.0).abs() < 1e-9);
    }
}
