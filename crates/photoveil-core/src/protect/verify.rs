//! Measuring protection the way an abuser would meet it: the copy goes through a simulated
//! upload (downscale to 1080 px, JPEG q75), then an identity network that was not used to make
//! the cloak compares each face with the original.

use image::RgbImage;
use serde::Serialize;

use super::codec::simulate_upload;
use super::networks::{cosine, Network, NetworkKind};
use super::pipeline::Strength;
use super::Engine;
use crate::error::Result;
use crate::faces::Face;

/// One face measured with the verifying network (cosine similarities to the original face).
/// Serialised with `passed` beside the verdict (see [`Measured::passed`]).
#[derive(Debug, Clone, Serialize)]
#[serde(into = "MeasuredRecord")]
pub struct Measured {
    /// The original photo after the same simulated upload: what the network sees without
    /// protection (close to 1 means it recognises the person).
    pub similarity_before: Option<f32>,
    /// The protected copy, as written.
    pub similarity_after: Option<f32>,
    /// The protected copy after the simulated upload: the figure that counts.
    pub similarity_after_upload: Option<f32>,
    /// The verifying network's line ([`NetworkKind::checker_line`](super::networks::NetworkKind::checker_line)).
    pub threshold: f32,
    /// The check's result in three parts (`None` when it could not be measured: a face too
    /// close to the edge to align).
    pub verdict: Option<Verdict>,
}

impl Measured {
    /// True when the face was measured below the checker's line (no longer recognised), false
    /// when it was measured at or above it (not confirmed or still recognised), `None` when it
    /// could not be measured.
    pub fn passed(&self) -> Option<bool> {
        self.verdict.map(|v| v == Verdict::NotRecognised)
    }
}

/// [`Measured`] as written in reports: its fields and `passed`.
#[derive(Serialize)]
struct MeasuredRecord {
    similarity_before: Option<f32>,
    similarity_after: Option<f32>,
    similarity_after_upload: Option<f32>,
    threshold: f32,
    passed: Option<bool>,
    verdict: Option<Verdict>,
}

impl From<Measured> for MeasuredRecord {
    fn from(m: Measured) -> MeasuredRecord {
        MeasuredRecord {
            passed: m.passed(),
            similarity_before: m.similarity_before,
            similarity_after: m.similarity_after,
            similarity_after_upload: m.similarity_after_upload,
            threshold: m.threshold,
            verdict: m.verdict,
        }
    }
}

/// What the check after a simulated upload says of a protected face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Below the checker's line: no longer recognised (no judge recognised any such face).
    NotRecognised,
    /// Between the checker's line and its recognised line: most such faces were no longer
    /// recognised by the judges, but not all, so protection is not confirmed.
    NotConfirmed,
    /// At or above the recognised line: still recognised.
    Recognised,
}

impl Verdict {
    /// What `checker` says of a face whose similarity to the original after the simulated upload
    /// is `similarity`: the one rule for every check of the program (the copy as saved, and each
    /// level of protect-until-verified).
    pub fn of_checker(checker: NetworkKind, similarity: f32) -> Verdict {
        Verdict::of(
            similarity,
            checker.checker_line(),
            checker.recognised_line(),
        )
    }

    /// The verdict for a similarity after upload, with the checker's two lines.
    pub fn of(similarity: f32, line: f32, recognised_line: f32) -> Verdict {
        if similarity < line {
            Verdict::NotRecognised
        } else if similarity < recognised_line {
            Verdict::NotConfirmed
        } else {
            Verdict::Recognised
        }
    }
}

/// How often faces the check could not confirm were in fact no longer recognised by the
/// judges, as measured for faces like this one (its level and its similarity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Odds {
    /// About 4 in 5: at `strong`, or below the checker's
    /// [`mostly_protected_below`](NetworkKind::mostly_protected_below) line at the lower levels.
    Most,
    /// About 1 in 4: from that line at the lower levels, or where the similarity is unknown.
    Few,
}

impl Odds {
    /// The odds for a "not confirmed" face of `checker` left at `level` with `similarity` after
    /// the simulated upload.
    pub fn of_not_confirmed(
        checker: NetworkKind,
        level: Option<Strength>,
        similarity: Option<f32>,
    ) -> Odds {
        match (level, similarity) {
            (Some(Strength::Strong), _) => Odds::Most,
            (_, Some(s)) if s < checker.mostly_protected_below() => Odds::Most,
            _ => Odds::Few,
        }
    }
}

/// Measures every face of `original` (as displayed) against the same place in `changed`.
pub fn measure_faces(
    engine: &Engine,
    original: &RgbImage,
    changed: &RgbImage,
    faces: &[Face],
) -> Result<Vec<Measured>> {
    measure_faces_with(engine.verifier(), original, changed, faces)
}

/// [`measure_faces`] with any network (experiments measure the attacked networks too).
pub fn measure_faces_with(
    verifier: &Network,
    original: &RgbImage,
    changed: &RgbImage,
    faces: &[Face],
) -> Result<Vec<Measured>> {
    let (up_original, scale) = simulate_upload(original)?;
    // A copy of another size (resized by the user) is measured at its own scale.
    let changed_scale = changed.width() as f32 / original.width().max(1) as f32;
    let (up_changed, up_scale) = simulate_upload(changed)?;
    let threshold = verifier.kind().checker_line();
    Ok(faces
        .iter()
        .map(|face| {
            let reference = reference_embedding(verifier, original, face);
            let sim = |picture: &RgbImage, s: f32| {
                reference
                    .as_deref()
                    .and_then(|r| similarity_at(verifier, r, picture, face, s))
            };
            let after_upload = sim(&up_changed, changed_scale * up_scale);
            Measured {
                similarity_before: sim(&up_original, scale),
                similarity_after: sim(changed, changed_scale),
                similarity_after_upload: after_upload,
                threshold,
                verdict: after_upload.map(|s| Verdict::of_checker(verifier.kind(), s)),
            }
        })
        .collect())
}

/// The network's embedding of `face` in the picture it was found in (`None` when the face is too
/// close to the edge to align).
pub fn reference_embedding(network: &Network, picture: &RgbImage, face: &Face) -> Option<Vec<f32>> {
    face.alignment(&network.kind().template())
        .map(|t| network.embed_face(picture, &t))
}

/// The network's similarity of `reference` to `face` in `changed` (the same size as the picture
/// the face was found in) after a simulated upload: one face's check, without measuring anything
/// else.
pub fn similarity_after_upload(
    network: &Network,
    reference: &[f32],
    changed: &RgbImage,
    face: &Face,
) -> Result<Option<f32>> {
    let (uploaded, scale) = simulate_upload(changed)?;
    Ok(similarity_at(network, reference, &uploaded, face, scale))
}

/// Cosine similarity of `reference` to `face` in `picture`, whose pixels are `scale` times those
/// the face's landmarks were found in.
fn similarity_at(
    network: &Network,
    reference: &[f32],
    picture: &RgbImage,
    face: &Face,
    scale: f32,
) -> Option<f32> {
    face.scaled(scale, scale)
        .alignment(&network.kind().template())
        .map(|t| cosine(reference, &network.embed_face(picture, &t)))
}

/// A protected copy measured against its original.
#[derive(Debug, Serialize)]
pub struct VerifyReport {
    /// The original.
    pub original: std::path::PathBuf,
    /// The protected copy.
    pub protected: std::path::PathBuf,
    /// PSNR of the copy against the original, in dB.
    pub psnr: Option<f64>,
    /// The network that measured.
    pub verifier: super::networks::NetworkKind,
    /// Each face of the original, largest first.
    pub faces: Vec<VerifiedFace>,
    /// Why the pair could not be measured.
    pub error: Option<crate::error::Error>,
}

/// One face of a verified pair.
#[derive(Debug, Serialize)]
pub struct VerifiedFace {
    /// `[x, y, w, h]` in the original as displayed.
    #[serde(rename = "box")]
    pub bbox: [f32; 4],
    /// Whether a face-swap tool could use the original face.
    pub usable: bool,
    /// The measurements.
    #[serde(flatten)]
    pub measured: Measured,
    /// Structural similarity of the face region (when both have the same size).
    pub ssim: Option<f64>,
    /// How far the face's colours moved (CIEDE2000; when both have the same size).
    pub colour: Option<super::quality::ColourChange>,
}

/// Measures a protected copy against its original with the engine's verifying network.
pub fn verify_files(
    engine: &Engine,
    original: &std::path::Path,
    protected: &std::path::Path,
) -> VerifyReport {
    let mut report = VerifyReport {
        original: original.to_path_buf(),
        protected: protected.to_path_buf(),
        psnr: None,
        verifier: engine.verifier().kind(),
        faces: Vec::new(),
        error: None,
    };
    let load = |path: &std::path::Path| -> Result<RgbImage> {
        let (format, data) = crate::scan::read_image(path)?;
        Ok(crate::decode::decode_displayed(format, &data)?
            .picture
            .to_rgb8())
    };
    let result = (|| -> Result<()> {
        let (a, b) = (load(original)?, load(protected)?);
        let faces = crate::faces::find_faces(engine.detector(), &a)?;
        report.psnr = super::quality::psnr(&a, &b);
        let measured = measure_faces(engine, &a, &b, &faces)?;
        report.faces = faces
            .iter()
            .zip(measured)
            .map(|(f, measured)| VerifiedFace {
                bbox: f.bbox,
                usable: f.usable,
                measured,
                ssim: super::quality::ssim_in(&a, &b, f.bbox),
                colour: super::quality::colour_change_in(&a, &b, f.bbox),
            })
            .collect();
        Ok(())
    })();
    if let Err(e) = result {
        report.error = Some(e);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verdict_has_three_parts_between_the_two_lines() {
        assert_eq!(Verdict::of(0.59, 0.6, 0.8), Verdict::NotRecognised);
        assert_eq!(Verdict::of(0.6, 0.6, 0.8), Verdict::NotConfirmed);
        assert_eq!(Verdict::of(0.79, 0.6, 0.8), Verdict::NotConfirmed);
        assert_eq!(Verdict::of(0.8, 0.6, 0.8), Verdict::Recognised);
        // With one line (the networks other than the shipped checker) it is a two-way check.
        assert_eq!(Verdict::of(0.49, 0.5, 0.5), Verdict::NotRecognised);
        assert_eq!(Verdict::of(0.5, 0.5, 0.5), Verdict::Recognised);
    }

    #[test]
    fn not_confirmed_faces_have_the_better_odds_at_strong_or_below_the_middle_line() {
        let checker = NetworkKind::Mobileface;
        let middle = checker.mostly_protected_below();
        assert!(checker.checker_line() < middle && middle < checker.recognised_line());
        let odds = |level, s| Odds::of_not_confirmed(checker, level, s);
        assert_eq!(odds(Some(Strength::Strong), Some(0.78)), Odds::Most);
        assert_eq!(
            odds(Some(Strength::Standard), Some(middle - 0.01)),
            Odds::Most
        );
        assert_eq!(odds(Some(Strength::Standard), Some(middle)), Odds::Few);
        assert_eq!(odds(Some(Strength::Subtle), None), Odds::Few);
    }

    #[test]
    fn the_shipped_checker_has_a_band_between_its_lines_and_the_others_none() {
        let checker = NetworkKind::Mobileface;
        assert!(checker.checker_line() < checker.recognised_line());
        for kind in NetworkKind::ALL {
            if kind != checker {
                assert_eq!(
                    kind.recognised_line(),
                    kind.checker_line(),
                    "{}",
                    kind.name()
                );
            }
        }
    }
}
