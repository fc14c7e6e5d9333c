//! `photoveil protect`.

use super::out::out;
use std::path::PathBuf;

use photoveil_core::protect::pipeline::{
    FaceAction, FaceSelection, ProtectOptions, ProtectReport, Strength,
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
        out!("  {}", text_with("cli-protect-face", &args));
        if let (Some(ssim), Some(colour)) = (face.ssim, face.colour) {
            let change = [
                ("ssim", format!("{ssim:.3}").into()),
                ("mean", format!("{:.1}", colour.mean).into()),
                ("p99", format!("{:.1}", colour.p99).into()),
            ];
            out!("    {}", text_with("cli-protect-face-change", &change));
        }
        if face.action == FaceAction::Cloaked && m.passed() == Some(false) {
            out!("    {}", text("cli-protect-try-blur"));
        }
        if face.action == FaceAction::SideView {
            out!("    {}", text("cli-protect-side-view-why"));
        }
    }
}
