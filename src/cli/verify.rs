//! `photoveil verify`.

use std::path::Path;

use photoveil_core::protect::verify::verify_files;

use super::load_engine;

/// Measures a protected copy against its original; returns false when it could not be measured.
pub fn run(original: &Path, protected: &Path, json: bool) -> bool {
    let Some(engine) = load_engine() else {
        return false;
    };
    let report = verify_files(&engine, original, protected);
    if json {
        super::print_json_line(&report, protected);
    } else if let Some(e) = &report.error {
        eprintln!("{}: error: {e}", protected.display());
    } else {
        let psnr = report
            .psnr
            .map_or(String::from("-"), |p| format!("{p:.1} dB"));
        println!(
            "{} against {}: PSNR {psnr}, {} face(s)",
            protected.display(),
            original.display(),
            report.faces.len()
        );
        for f in &report.faces {
            let m = &f.measured;
            let sim = |v: Option<f32>| v.map_or(String::from("-"), |v| format!("{v:.2}"));
            println!(
                "  face at {:.0},{:.0}: {} similarity {} as is, {} after upload (unprotected: {}; same person above {:.2}): {}",
                f.bbox[0],
                f.bbox[1],
                report.verifier.name(),
                sim(m.similarity_after),
                sim(m.similarity_after_upload),
                sim(m.similarity_before),
                m.threshold,
                match m.passed {
                    Some(true) => "not recognised",
                    Some(false) => "recognised",
                    None => "not measured",
                }
            );
        }
    }
    report.error.is_none()
}
