//! `photoveil verify`.

use super::out::out;
use std::path::Path;

use photoveil_core::protect::verify::{verify_files, Verdict};

use super::load_engine;
use crate::i18n::{text, text_with, FluentValue};

/// Measures a protected copy against its original; returns false when it could not be measured.
pub fn run(original: &Path, protected: &Path, json: bool) -> bool {
    let Some(engine) = load_engine() else {
        return false;
    };
    let report = verify_files(&engine, original, protected);
    if json {
        super::print_json_line(&report, protected);
    } else if let Some(e) = &report.error {
        super::say_error(protected, e);
    } else {
        let psnr = report
            .psnr
            .map_or(String::from("-"), |p| format!("{p:.1} dB"));
        let summary = [
            ("protected", protected.display().to_string().into()),
            ("original", original.display().to_string().into()),
            ("psnr", psnr.into()),
            ("count", report.faces.len().into()),
        ];
        out!("{}", text_with("cli-verify-summary", &summary));
        for f in &report.faces {
            let m = &f.measured;
            let sim = |v: Option<f32>| -> FluentValue<'_> {
                v.map_or(String::from("-"), |v| format!("{v:.2}")).into()
            };
            let verdict = match m.verdict {
                Some(Verdict::NotRecognised) => text("cli-verify-not-recognised"),
                Some(Verdict::NotConfirmed) => text("cli-verify-not-confirmed"),
                Some(Verdict::Recognised) => text("cli-verify-recognised"),
                None => text("cli-verify-not-measured"),
            };
            let args = [
                ("x", format!("{:.0}", f.bbox[0]).into()),
                ("y", format!("{:.0}", f.bbox[1]).into()),
                ("network", report.verifier.name().to_string().into()),
                ("now", sim(m.similarity_after)),
                ("upload", sim(m.similarity_after_upload)),
                ("before", sim(m.similarity_before)),
                ("threshold", format!("{:.2}", m.threshold).into()),
                ("verdict", verdict.into()),
            ];
            out!("  {}", text_with("cli-verify-face", &args));
        }
    }
    report.error.is_none()
}
