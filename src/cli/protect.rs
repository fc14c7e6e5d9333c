//! `photoveil protect`.

use super::out::out;
use std::path::PathBuf;

use photoveil_core::protect::pipeline::{
    FaceAction, FaceReport, FaceSelection, ProtectOptions, ProtectReport, Strength,
};

use photoveil_core::job::{protect_photos, ProtectSettings, ProtectedPhoto, Tally, Treatment};
use photoveil_core::protect::verify::Verdict;

use super::load_engine;
use crate::i18n::{text, text_with, FluentValue};
use crate::words::levels::{level_key, not_confirmed_odds};

/// `--strength`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StrengthArg {
    /// Smallest change, weakest protection.
    Subtle,
    /// The default balance.
    Standard,
    /// Strongest protection; may be visible up close.
    Strong,
}

/// `--faces`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FacesArg {
    /// Every face.
    All,
    /// Only the largest face.
    Largest,
    /// No face: only remove metadata.
    None,
}

/// What the command line asked for.
pub struct Settings {
    pub out: PathBuf,
    pub strength: Option<StrengthArg>,
    pub fixed: bool,
    pub faces: FacesArg,
    pub blur_faces: bool,
    pub jpeg_quality: u8,
    pub remember: bool,
}

/// Protects every photo under `paths`; returns false when any failed.
pub fn run(paths: &[PathBuf], settings: Settings, json: bool) -> bool {
    // Ctrl-C is caught from here on, also while the models load.
    let controller = super::interrupted();
    let Some(engine) = load_engine() else {
        return false;
    };
    let decoy_book = settings.remember.then(crate::paths::decoy_book).flatten();
    let options = ProtectOptions {
        until_verified: !settings.fixed,
        out_dir: settings.out,
        strength: match settings.strength {
            Some(StrengthArg::Subtle) => Strength::Subtle,
            Some(StrengthArg::Standard) => Strength::Standard,
            Some(StrengthArg::Strong) => Strength::Strong,
            None if settings.fixed => Strength::Standard,
            None => Strength::Strong,
        },
        faces: match settings.faces {
            FacesArg::All => FaceSelection::All,
            FacesArg::Largest => FaceSelection::Largest,
            FacesArg::None => FaceSelection::None,
        },
        blur: settings.blur_faces,
        blur_these: Vec::new(),
        jpeg_quality: settings.jpeg_quality,
        decoy_book,
    };
    // Photos without a face to change are cleaned losslessly (the core's rule, as in the app).
    let mut tally = Tally::new(&options.out_dir);
    let mut present = super::presenting(json, "input", |photo: ProtectedPhoto| {
        if json {
            super::print_json_line(&photo, &photo.report.input);
        } else {
            print_photo(&photo);
        }
    });
    let summary = protect_photos(
        &engine,
        paths,
        &ProtectSettings::new(options),
        &controller,
        |entry| {
            tally.add_protect_entry(&entry);
            present(entry);
        },
    );
    super::summary::print(&tally, json);
    summary.succeeded()
}

/// The text lines of one photo of the job: as [`print_human`], and which way it went when no
/// face was changed.
fn print_photo(photo: &ProtectedPhoto) {
    print_human(&photo.report);
    if photo.treatment != Treatment::Cleaned || photo.report.output.is_none() {
        return;
    }
    let input = photo.report.input.display();
    if photo.faces_looked_for {
        out!("  {}", text("cli-protect-cleaned"));
    } else {
        eprintln!(
            "{input}: warning: {}",
            text("cli-protect-faces-not-looked-for")
        );
    }
}

/// The text lines of one protected photo: where the copy went, then each face as measured.
pub(super) fn print_human(report: &ProtectReport) {
    let input = report.input.display();
    let Some(output) = &report.output else {
        if let Some(e) = &report.error {
            super::say_error(&report.input, e);
        }
        return;
    };
    let psnr = report
        .psnr
        .map_or(String::from("-"), |p| format!("{p:.1} dB"));
    let summary = [
        ("count", report.faces.len().into()),
        ("psnr", psnr.into()),
        ("seconds", format!("{:.1}", report.seconds).into()),
    ];
    out!(
        "{input} -> {}: {}",
        output.display(),
        text_with("cli-protect-summary", &summary)
    );
    for face in &report.faces {
        for line in face_lines(report, face) {
            out!("{line}");
        }
    }
}

/// The lines about one face of `report`, indented: where it is, what was done and what the
/// verifying network measured, then how much the face changed and what to do where it is left
/// recognisable.
fn face_lines(report: &ProtectReport, face: &FaceReport) -> Vec<String> {
    let what = match (face.action, face.level) {
        (FaceAction::Cloaked, Some(level)) => text_with(
            "cli-protect-cloaked-at",
            &[("level", text(level_key(level)).into())],
        ),
        (FaceAction::Cloaked, None) => text("cli-protect-cloaked"),
        (FaceAction::Blurred, _) => text("cli-protect-blurred"),
        (FaceAction::Left, _) => text("cli-protect-left"),
        (FaceAction::SideView, _) => text("cli-protect-side-view"),
    };
    let m = &face.measured;
    let verdict = match m.verdict {
        Some(Verdict::NotRecognised) => text("cli-protect-not-recognised"),
        Some(Verdict::NotConfirmed) => text_with(
            "cli-protect-not-confirmed",
            &[(
                "odds",
                not_confirmed_odds(face.level, m.similarity_after_upload).into(),
            )],
        ),
        Some(Verdict::Recognised) => text("cli-protect-still-recognised"),
        None => text("cli-verify-not-measured"),
    };
    let sim = |v: Option<f32>| -> FluentValue<'_> {
        v.map_or(String::from("-"), |v| format!("{v:.2}")).into()
    };
    let args = [
        ("x", format!("{:.0}", face.bbox[0]).into()),
        ("y", format!("{:.0}", face.bbox[1]).into()),
        ("width", format!("{:.0}", face.bbox[2]).into()),
        ("height", format!("{:.0}", face.bbox[3]).into()),
        ("action", what.into()),
        ("network", report.verifier.name().to_string().into()),
        ("before", sim(m.similarity_before)),
        ("upload", sim(m.similarity_after_upload)),
        ("threshold", format!("{:.2}", m.threshold).into()),
        ("verdict", verdict.into()),
    ];
    let mut lines = vec![format!("  {}", text_with("cli-protect-face", &args))];
    if let (Some(ssim), Some(colour)) = (face.ssim, face.colour) {
        let change = [
            ("ssim", format!("{ssim:.3}").into()),
            ("mean", format!("{:.1}", colour.mean).into()),
            ("p99", format!("{:.1}", colour.p99).into()),
        ];
        lines.push(format!(
            "    {}",
            text_with("cli-protect-face-change", &change)
        ));
    }
    if face.action == FaceAction::Cloaked && m.passed() == Some(false) {
        lines.push(format!("    {}", text("cli-protect-try-blur")));
    }
    if face.action == FaceAction::SideView {
        lines.push(format!("    {}", text("cli-protect-side-view-why")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use photoveil_core::protect::networks::NetworkKind;
    use photoveil_core::protect::quality::ColourChange;

    fn report() -> ProtectReport {
        ProtectReport {
            input: PathBuf::from("in/me.jpg"),
            output: Some(PathBuf::from("out/me.jpg")),
            format: None,
            seconds: 1.0,
            psnr: Some(40.0),
            jpeg_quality: Some(92),
            attacked: vec![NetworkKind::Mobilefacenet],
            verifier: NetworkKind::Mobileface,
            faces: Vec::new(),
            error: None,
        }
    }

    fn cloaked(level: Strength, upload: f32, verdict: Verdict) -> FaceReport {
        let mut face = FaceReport {
            bbox: [10.0, 20.0, 100.0, 100.0],
            ssim: Some(0.81),
            colour: Some(ColourChange {
                mean: 2.1,
                p99: 8.2,
            }),
            ..crate::test_faces::face(FaceAction::Cloaked, Some(level), Some(verdict), upload)
        };
        face.measured.similarity_before = Some(1.0);
        face.measured.threshold = 0.6;
        face
    }

    #[test]
    fn a_face_not_confirmed_gets_the_odds_of_its_level_and_similarity_and_the_advice_to_blur() {
        let cases = [
            (Strength::Strong, 0.75, "most faces like this"),
            (Strength::Standard, 0.65, "most faces like this"),
            (Strength::Standard, 0.75, "only about 1 in 4"),
        ];
        for (level, upload, odds) in cases {
            let face = cloaked(level, upload, Verdict::NotConfirmed);
            let lines = face_lines(&report(), &face);
            assert_eq!(lines.len(), 3, "{lines:?}");
            assert!(lines[0].contains("not confirmed after upload"), "{lines:?}");
            assert!(lines[0].contains(odds), "{level:?} {upload}: {lines:?}");
            assert!(
                lines[0].contains(&format!("{upload:.2} after upload")),
                "{lines:?}"
            );
            assert!(lines[1].contains("structure kept 0.810"), "{lines:?}");
            assert!(lines[2].contains("--blur-faces"), "{lines:?}");
        }
    }

    #[test]
    fn a_verified_face_is_said_to_be_no_longer_recognised_without_advice() {
        let face = cloaked(Strength::Strong, 0.45, Verdict::NotRecognised);
        let lines = face_lines(&report(), &face);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].contains("cloaked at level strong"), "{lines:?}");
        assert!(
            lines[0].contains("mobileface similarity 1.00 before, 0.45 after upload"),
            "{lines:?}"
        );
        assert!(
            lines[0].ends_with("not recognised after upload"),
            "{lines:?}"
        );
        assert!(!lines[0].contains("not confirmed"), "{lines:?}");
    }

    #[test]
    fn a_face_still_recognised_says_so_in_capitals() {
        let face = cloaked(Strength::Strong, 0.88, Verdict::Recognised);
        let lines = face_lines(&report(), &face);
        assert!(lines[0].contains("STILL RECOGNISED"), "{lines:?}");
        assert!(
            lines.iter().any(|l| l.contains("--blur-faces")),
            "{lines:?}"
        );
    }
}
