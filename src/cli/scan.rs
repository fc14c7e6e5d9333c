//! `photoveil scan`.

use std::path::PathBuf;

use photoveil_core::scan_file;

use super::{describe, items, skip_quietly, Item};

/// Scans every photo under `paths`; returns false when any failed.
pub fn run(paths: &[PathBuf], json: bool) -> bool {
    let mut ok = true;
    for item in items(paths) {
        let candidate = match item {
            Item::File(c) => c,
            Item::Unlisted(e) => {
                ok = false;
                if json {
                    println!(
                        "{}",
                        serde_json::json!({ "path": e.path, "error": e.reason })
                    );
                } else {
                    eprintln!("{}: error: {}", e.path.display(), e.reason);
                }
                continue;
            }
        };
        let report = scan_file(&candidate.path);
        if skip_quietly(&candidate, report.error.as_ref()) {
            continue;
        }
        ok &= report.error.is_none();
        if json {
            match serde_json::to_string(&report) {
                Ok(line) => println!("{line}"),
                Err(e) => eprintln!("{}: error: {e}", report.path.display()),
            }
            continue;
        }
        if let Some(e) = &report.error {
            eprintln!("{}: error: {e}", report.path.display());
            continue;
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
    ok
}
