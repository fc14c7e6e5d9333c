//! `photoveil scan`.

use super::out::out;
use std::path::{Path, PathBuf};

use photoveil_core::face_cache::FaceCache;
use photoveil_core::job::{scan_photos, ScanSettings};
use photoveil_core::report::{thumbnail_of_file, PhotoEntry, Thumbnail, THUMBNAIL_SIDE};
use photoveil_core::ScanReport;

use crate::i18n::{text, text_with, FluentValue};
use crate::report::{write_html_report, ReportOptions};
use crate::words::describe;

/// Where and how to write a workshop report of the scan.
pub struct ReportRequest {
    /// The HTML file to write.
    pub path: PathBuf,
    /// Whether to show a small picture of each photo.
    pub thumbnails: bool,
}

/// Scans every photo under `paths` (taking the faces of photos seen before from the face cache
/// when `cached`); returns false when any failed (or the report could not be written).
pub fn run(
    paths: &[PathBuf],
    json: bool,
    faces: bool,
    cached: bool,
    report: Option<ReportRequest>,
) -> bool {
    let engine = if faces {
        match super::load_engine() {
            Some(engine) => Some(engine),
            None => return false,
        }
    } else {
        None
    };
    let cache = (faces && cached)
        .then(crate::paths::face_cache)
        .flatten()
        .map(|path| FaceCache::open(&path));
    let settings =
        ScanSettings::new(engine.as_ref().map(|e| e.detector())).with_cache(cache.as_ref());
    let thumbnails = report.as_ref().is_some_and(|r| r.thumbnails);
    let mut entries = Vec::new();
    let summary = scan_photos(
        paths,
        &settings,
        &super::interrupted(),
        |candidate, scanned| {
            (thumbnails && scanned.error.is_none())
                .then(|| thumbnail_of_file(&candidate.path, THUMBNAIL_SIDE).ok())
                .flatten()
        },
        super::presenting(
            json,
            "path",
            |(scanned, thumbnail): (ScanReport, Option<Thumbnail>)| {
                print_report(&scanned, json);
                if report.is_some() {
                    let mut entry = PhotoEntry::from_scan(&scanned);
                    entry.thumbnail = thumbnail;
                    entries.push(entry);
                }
            },
        ),
    );
    if let Some(Err(e)) = cache.as_ref().map(FaceCache::save) {
        // Only the next scan is slower: say so, and go on.
        eprintln!(
            "{}: {}",
            text("cli-face-cache-not-saved"),
            crate::words::reasons::error(&e)
        );
    }
    let ok = summary.succeeded();
    match report {
        // A stopped batch (Ctrl-C, a closed output) writes no report of half the photos.
        Some(_) if super::stopped() => ok,
        Some(request) => write_report(&request, &entries) && ok,
        None => ok,
    }
}

/// Writes the report and says where (on standard error, so JSON output stays clean).
pub fn write_report(request: &ReportRequest, entries: &[PhotoEntry]) -> bool {
    let options = ReportOptions {
        thumbnails: request.thumbnails,
    };
    match write_html_report(&request.path, entries, &options) {
        Ok(()) => {
            eprintln!("{} {}", text("cli-report-written"), request.path.display());
            true
        }
        Err(e) => {
            eprintln!(
                "{}: {} {e:#}",
                request.path.display(),
                text("cli-report-failed")
            );
            false
        }
    }
}

fn count(n: usize) -> FluentValue<'static> {
    FluentValue::from(n)
}

fn print_report(report: &ScanReport, json: bool) {
    if json {
        super::print_json_line(report, &report.path);
        return;
    }
    if let Some(e) = &report.error {
        super::say_error(&report.path, e);
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
        out!(
            "{}: {}",
            report.path.display(),
            text_with(
                "cli-scan-faces",
                &[("count", count(faces.len())), ("usable", count(usable))]
            )
        );
        for f in faces {
            out!(
                "  {} {:.0},{:.0} ({:.0}x{:.0} px), {}",
                text("cli-face-at"),
                f.bbox[0],
                f.bbox[1],
                f.bbox[2],
                f.bbox[3],
                if f.usable {
                    text("cli-face-usable")
                } else {
                    text("cli-face-not-usable")
                }
            );
        }
    }
    if report.findings.is_empty() {
        out!(
            "{} ({format}{size}): {}",
            report.path.display(),
            text("cli-scan-nothing-found")
        );
    } else {
        out!(
            "{} ({format}{size}): {}",
            report.path.display(),
            text_with(
                "cli-scan-findings",
                &[("count", count(report.findings.len()))]
            )
        );
        for f in &report.findings {
            out!("{}", describe::finding(f));
        }
    }
}

/// Prints the demo photos' paths (before scanning them), so a teacher sees where they are.
pub fn announce_demo(photos: &[PathBuf], json: bool) {
    if json {
        return;
    }
    eprintln!("{}", text("cli-demo-photos"));
    for photo in photos {
        eprintln!("  {}", Path::new(photo).display());
    }
}
