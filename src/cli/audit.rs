//! `photoveil audit`: what an account export (or a folder or ZIP of photos) gives away, who is
//! in it, and what to do first.

use super::out::out;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use photoveil_core::audit::{
    audit_with, protect_replacements, replacement_options, AuditError, AuditOptions, AuditReport,
    Layout, MediaItem, MediaKind, Progress, RankedMedia,
};
use photoveil_core::protect::Engine;
use serde_json::{json, Value};

use super::scan::{write_report, ReportRequest};
use crate::i18n::text;
use crate::report::audit_entries as report_entries;
use crate::words::describe;

/// What the command line asked of an audit.
pub struct Request {
    /// JSON Lines instead of text.
    pub json: bool,
    /// Look for faces (and group people).
    pub faces: bool,
    /// Also write an HTML report.
    pub report: Option<ReportRequest>,
    /// Also write protected replacements into this folder.
    pub protect_out: Option<PathBuf>,
    /// Names to give to people, by their number (from 1).
    pub names: Vec<(usize, String)>,
    /// Show only the photos of the person of this name.
    pub person: Option<String>,
}

/// Audits one export (and writes the report and replacements when asked); returns false when
/// it could not be read, any photo failed or a report or replacement could not be written.
/// Ctrl-C stops the audit within the photo in hand: nothing is printed or written of it, and
/// the end of the run says it was stopped.
pub fn run(path: &Path, request: Request) -> bool {
    let json = request.json;
    // Listening for Ctrl-C from here on, also while the models load.
    let controller = super::interrupted();
    let engine = if request.faces {
        match super::load_engine() {
            Some(engine) => Some(engine),
            None => return false,
        }
    } else {
        None
    };
    let progress = ProgressLine::new();
    let audited = audit_with(
        path,
        engine.as_ref(),
        &AuditOptions::default(),
        &controller,
        &|p| progress.show(p),
    );
    progress.clear();
    let mut report = match audited {
        Ok(report) => report,
        // Stopped (Ctrl-C or a closed output): the end of the run says so.
        Err(AuditError::Cancelled) => return true,
        Err(e) => {
            if json {
                out!(
                    "{}",
                    json!({"type": "error", "source": path, "error": e.to_string()})
                );
            } else {
                eprintln!("photoveil: {}", crate::words::reasons::audit(&e));
            }
            return false;
        }
    };
    let named = engine.is_none() || super::people::name_people(&mut report, &request.names, json);
    if let Some(person) = &request.person {
        if !super::people::only_person(&mut report, person, json) {
            return false;
        }
    }
    if json {
        print_json(&report);
    } else {
        print_text(&report);
    }
    let ok = report
        .media
        .iter()
        .all(|m| m.error.is_none() && (m.analysed || m.kind == MediaKind::Video));
    if super::stopped() {
        // Ctrl-C or a closed output: no report or replacement of a half-told audit.
        return ok && named;
    }
    let reported = match &request.report {
        Some(report_request) => {
            let entries = report_entries(&report, report_request.thumbnails);
            write_report(report_request, &entries)
        }
        None => true,
    };
    let replaced = match (&request.protect_out, &engine) {
        (Some(out), Some(engine)) => write_replacements(&report, engine, out, json),
        _ => true,
    };
    ok && named && reported && replaced
}

/// The audit's progress on one line of standard error, rewritten in place; only when standard
/// error is a terminal (never in a log or a pipe).
struct ProgressLine {
    on: bool,
    last: std::cell::RefCell<String>,
}

impl ProgressLine {
    fn new() -> ProgressLine {
        ProgressLine {
            on: std::io::stderr().is_terminal(),
            last: std::cell::RefCell::new(String::new()),
        }
    }

    fn show(&self, progress: Progress) {
        if !self.on {
            return;
        }
        let line = describe::audit_progress(progress);
        let mut last = self.last.borrow_mut();
        if *last != line {
            let _ = write!(std::io::stderr(), "\r{line}\x1b[K");
            *last = line;
        }
    }

    fn clear(&self) {
        if self.on && !self.last.borrow().is_empty() {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }
}

/// Writes a protected copy of every photo the audit advises deleting or replacing (or
/// cleaning) into `out` (see [`protect_replacements`]), saying what became of each.
fn write_replacements(report: &AuditReport, engine: &Engine, out: &Path, json: bool) -> bool {
    let controller = super::interrupted();
    let options = replacement_options(out.to_path_buf(), crate::paths::decoy_book());
    let mut ok = true;
    // JSON keeps the core's English wording, for programs; text is in the user's language.
    let failed = |english: String, words: String| {
        if json {
            out!(
                "{}",
                json!({"type": "error", "source": report.source, "error": english})
            );
        } else {
            eprintln!("photoveil: {words}");
        }
    };
    let done = protect_replacements(report, engine, &options, &controller, |replacement| {
        let protected = match replacement.result {
            Ok(protected) => protected,
            Err(problem) => {
                ok = false;
                let place = format!("{}: {}", report.source.display(), replacement.entry);
                failed(
                    format!("{place}: {problem}"),
                    format!("{place}: {}", crate::words::reasons::replace(&problem)),
                );
                return;
            }
        };
        ok &= protected.error.is_none();
        if json {
            let mut value = serde_json::to_value(&protected);
            if let Ok(Value::Object(map)) = &mut value {
                map.insert("type".into(), json!("replacement"));
                map.insert("position".into(), json!(replacement.position));
                map.insert(
                    "error".into(),
                    json!(protected.error.as_ref().map(|e| e.to_string())),
                );
            }
            match value {
                Ok(value) => out!("{value}"),
                Err(e) => eprintln!("photoveil: {e}"),
            }
        } else {
            super::protect::print_human(&protected);
        }
    });
    if let Err(problem) = done {
        failed(
            problem.to_string(),
            crate::words::reasons::replace(&problem),
        );
        return false;
    }
    ok
}

/// Prints one JSON object per line, each with a `type`.
fn print_json(report: &AuditReport) {
    let photos = report
        .media
        .iter()
        .filter(|m| m.kind == MediaKind::Photo)
        .count();
    out!(
        "{}",
        json!({
            "type": "export",
            "source": report.source,
            "layout": report.layout,
            "photos": photos,
            "videos": report.media.len() - photos,
            "groups": report.groups.len(),
            "skipped": report.skipped.len(),
        })
    );
    let line = |kind: &str, value: serde_json::Result<Value>| match value {
        Ok(Value::Object(mut map)) => {
            map.insert("type".into(), json!(kind));
            out!("{}", Value::Object(map));
        }
        Ok(other) => out!("{other}"),
        Err(e) => eprintln!("photoveil: {e}"),
    };
    let shown: std::collections::HashSet<usize> = report.ranking.iter().map(|r| r.media).collect();
    for (index, item) in report.media.iter().enumerate() {
        if !shown.contains(&index) {
            continue;
        }
        let mut value = serde_json::to_value(item);
        if let Ok(Value::Object(map)) = &mut value {
            map.insert("index".into(), json!(index));
            map.insert(
                "error".into(),
                json!(item.error.as_ref().map(|e| e.to_string())),
            );
        }
        line("media", value);
    }
    for group in &report.groups {
        line("group", serde_json::to_value(group));
    }
    for (position, ranked) in report.ranking.iter().enumerate() {
        let mut value = serde_json::to_value(ranked);
        if let Ok(Value::Object(map)) = &mut value {
            map.insert("position".into(), json!(position + 1));
        }
        line("rank", value);
    }
    for skipped in &report.skipped {
        out!(
            "{}",
            json!({"type": "skipped", "entry": skipped.name, "problem": skipped.problem,
                   "error": skipped.problem.to_string()})
        );
    }
}

fn print_text(report: &AuditReport) {
    let layout = match report.layout {
        Layout::Instagram => "audit-layout-instagram",
        Layout::Facebook => "audit-layout-facebook",
        Layout::GoogleTakeout => "audit-layout-google-takeout",
        Layout::Plain => "audit-layout-plain",
    };
    let photos = report
        .media
        .iter()
        .filter(|m| m.kind == MediaKind::Photo)
        .count() as i64;
    out!("{}: {}", report.source.display(), text(layout));
    out!(
        "  {}",
        describe::numbers(
            "audit-counts",
            &[
                ("photos", photos),
                ("videos", report.media.len() as i64 - photos)
            ]
        )
    );
    if !report.groups.is_empty() {
        out!("\n{}", text("audit-people-heading"));
        for group in &report.groups {
            out!("  {}", describe::group(group));
            if let Some(name) = &group.name {
                out!(
                    "    {}",
                    describe::words("audit-group-name", &[("name", name)])
                );
            }
        }
    }
    out!("\n{}", text("audit-ranking-heading"));
    for (position, ranked) in report.ranking.iter().enumerate() {
        let Some(item) = report.media.get(ranked.media) else {
            continue;
        };
        print_ranked(position + 1, ranked, item);
    }
    if !report.skipped.is_empty() {
        out!("\n{}", text("audit-skipped-heading"));
        for s in &report.skipped {
            out!("  {}: {}: {}", report.source.display(), s.name, s.problem);
        }
    }
}

fn print_ranked(position: usize, ranked: &RankedMedia, item: &MediaItem) {
    let mut about = Vec::new();
    if let Some(date) = item.context.date {
        about.push(describe::civil_date(date));
    }
    if let Some(album) = &item.context.album {
        about.push(album.clone());
    }
    if let Some(caption) = &item.context.caption {
        let short: String = caption.chars().take(60).collect();
        about.push(format!("\u{201c}{short}\u{201d}"));
    }
    let about = if about.is_empty() {
        String::new()
    } else {
        format!(" ({})", about.join(", "))
    };
    out!("  {position:>3}. {}{about}", item.entry);
    out!("       {}", describe::recommendation(ranked.recommendation));
    for reason in &ranked.reasons {
        out!("       - {}", describe::reason(reason));
    }
    if item.kind == MediaKind::Video {
        out!("       - {}", text("audit-video-not-analysed"));
    }
    if let Some(e) = &item.error {
        out!("       - {e}");
    }
}
