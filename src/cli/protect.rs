//! `photoveil protect`.

use std::path::PathBuf;

use photoveil_core::protect::pipeline::{
    protect_file, FaceAction, FaceSelection, ProtectOptions, ProtectReport, Strength,
};
use photoveil_core::Controller;

use super::load_engine;

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
    pub strength: StrengthArg,
    pub faces: FacesArg,
    pub blur_faces: bool,
    pub jpeg_quality: u8,
    pub remember: bool,
}

/// Protects every photo under `paths`; returns false when any failed.
pub fn run(paths: &[PathBuf], settings: Settings, json: bool) -> bool {
    let Some(engine) = load_engine() else {
        return false;
    };
    let decoy_book = settings.remember.then(decoy_book_path).flatten();
    let options = ProtectOptions {
        out_dir: settings.out,
        strength: match settings.strength {
            StrengthArg::Subtle => Strength::Subtle,
            StrengthArg::Standard => Strength::Standard,
            StrengthArg::Strong => Strength::Strong,
        },
        faces: match settings.faces {
            FacesArg::All => FaceSelection::All,
            FacesArg::Largest => FaceSelection::Largest,
            FacesArg::None => FaceSelection::None,
        },
        blur: settings.blur_faces,
        jpeg_quality: settings.jpeg_quality,
        decoy_book,
    };
    let controller = Controller::new();
    // One photo at a time: the networks use every core for one face.
    super::run_batch(
        paths,
        1,
        json,
        "input",
        |c| protect_file(&engine, &c.path, &options, &controller),
        |r| r.error.as_ref(),
        |report| {
            if json {
                super::print_json_line(report, &report.input);
            } else {
                print_human(report);
            }
            report.error.is_none()
        },
    )
}

/// The file that remembers decoy identities: in the user's local data folder.
fn decoy_book_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "PhotoVeil", "PhotoVeil")
        .map(|d| d.data_local_dir().join("decoys.json"))
}

fn print_human(report: &ProtectReport) {
    let input = report.input.display();
    let Some(output) = &report.output else {
        if let Some(e) = &report.error {
            eprintln!("{input}: error: {e}");
        }
        return;
    };
    let psnr = report
        .psnr
        .map_or(String::from("-"), |p| format!("{p:.1} dB"));
    println!(
        "{input} -> {}: metadata removed, {} face(s), PSNR {psnr}, {:.1} s",
        output.display(),
        report.faces.len(),
        report.seconds
    );
    for face in &report.faces {
        let what = match face.action {
            FaceAction::Cloaked => "cloaked",
            FaceAction::Blurred => "blurred",
            FaceAction::Left => "left as it was",
        };
        let m = &face.measured;
        let verdict = match m.passed {
            Some(true) => "not recognised after upload",
            Some(false) => "STILL RECOGNISED after upload",
            None => "not measured",
        };
        let sim = |v: Option<f32>| v.map_or(String::from("-"), |v| format!("{v:.2}"));
        println!(
            "  face at {:.0},{:.0} ({:.0}x{:.0} px) {what}: {} similarity {} before, {} after upload (same person above {:.2}): {verdict}",
            face.bbox[0],
            face.bbox[1],
            face.bbox[2],
            face.bbox[3],
            report.verifier.name(),
            sim(m.similarity_before),
            sim(m.similarity_after_upload),
            m.threshold,
        );
    }
}
