//! `photoveil scan`.

use std::path::PathBuf;

use photoveil_core::scan::scan_file_with;
use photoveil_core::ScanReport;

use photoveil_core::batch::default_workers;

use super::describe;

/// Scans every photo under `paths`; returns false when any failed.
pub fn run(paths: &[PathBuf], json: bool, faces: bool) -> bool {
    let engine = if faces {
        match super::load_engine() {
            Some(engine) => Some(engine),
            None => return false,
        }
    } else {
        None
    };
    let detector = engine.as_ref().map(|e| e.detector());
    super::run_batch(
        paths,
        default_workers(),
        json,
        "path",
        |c| scan_file_with(&c.path, detector),
        |r| r.error.as_ref(),
        |report| {
            print_report(report, json);
            report.error.is_none()
        },
    )
}

fn print_report(report: &ScanReport, json: bool) {
    if json {
        super::print_json_line(report, &report.path);
        return;
    }
    if let Some(e) = &report.error {
        eprintln!("{}: error: {e}", report.path.display());
        return;
    }
    let size = match (report.width, report.height) {
        (Some(w), Some(h)) => format!(", {w}x{h}"),
        _ => String::new(),
    };
    let format = report
        .format
        .map(|f| f.name().to_uppercase())
        .unwrap_or_default();
    if let Some(faces) = &report.faces {
        let usable = faces.iter().filter(|f| f.usable).count();
        println!(
            "{}: {} face(s), {usable} clear enough for a face swap",
            report.path.display(),
            faces.len()
        );
        for f in faces {
            println!(
                "  face at {:.0},{:.0} ({:.0}x{:.0} px), {}",
                f.bbox[0],
                f.bbox[1],
                f.bbox[2],
                f.bbox[3],
                if f.usable {
                    "usable by face-swap tools"
                } else {
                    "too small or turned away to swap well"
                }
            );
        }
    }
    if report.findings.is_empty() {
        println!("{} ({format}{size}): nothing found", report.path.display());
    } else {
        println!(
            "{} ({format}{size}): {} finding(s)",
            report.path.display(),
            report.findings.len()
        );
        for f in &report.findings {
            println!("{}", describe::finding(f));
        }
    }
}
