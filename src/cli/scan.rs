//! `photoveil scan`.

use std::path::PathBuf;

use photoveil_core::{scan_file, ScanReport};

use super::{describe, for_each_file, skip_quietly};

/// Scans every photo under `paths`; returns false when any failed.
pub fn run(paths: &[PathBuf], json: bool) -> bool {
    let mut ok = true;
    for_each_file(
        paths,
        |c| scan_file(&c.path),
        |result| {
            let (candidate, report) = match result {
                Ok(pair) => pair,
                Err(e) => {
                    ok = false;
                    if json {
                        println!(
                            "{}",
                            serde_json::json!({ "path": e.path, "error": e.reason })
                        );
                    } else {
                        eprintln!("{}: error: {}", e.path.display(), e.reason);
                    }
                    return;
                }
            };
            if skip_quietly(candidate, report.error.as_ref()) {
                return;
            }
            ok &= report.error.is_none();
            print_report(&report, json);
        },
    );
    ok
}

fn print_report(report: &ScanReport, json: bool) {
    if json {
        match serde_json::to_string(report) {
            Ok(line) => println!("{line}"),
            Err(e) => eprintln!("{}: error: {e}", report.path.display()),
        }
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
