//! The audit screen's work off the UI thread: the audit itself (streamed, stoppable), keeping a
//! name, writing the report and the protected replacements.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use photoveil_core::audit::{
    audit_with, name_groups, protect_replacements, replacement_options, AuditOptions, AuditReport,
    PeopleBook, Progress,
};
use photoveil_core::Controller;

use super::{Message, Note, Problem, ReplaceSummary};
use crate::gui::engine::{self, SharedEngine};
use crate::gui::work;

/// Shortest time between two progress messages of the same step (the screen is redrawn for each).
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// The audit itself (blocking): with faces when the models load, people named as the user
/// named them before; its progress and then its end are sent. Stops within one photo once
/// `controller` is cancelled or the screen stopped listening.
pub fn run_audit(
    source: PathBuf,
    engine: Option<SharedEngine>,
    controller: &Controller,
    sender: &work::Sender<Message>,
) {
    let (engine, faces_problem) = match engine::get_or_load(engine) {
        Ok(engine) => (Some(engine), None),
        Err(why) => (None, Some(why)),
    };
    let last = std::cell::Cell::new(None::<(Progress, Instant)>);
    let progress = |p: Progress| {
        let step_ends = match p {
            Progress::ReadingExport { read, total } => read == total,
            Progress::Analysing { done, total } => done == total,
            Progress::GroupingPeople => true,
        };
        let due = last.get().is_none_or(|(before, at)| {
            std::mem::discriminant(&before) != std::mem::discriminant(&p)
                || at.elapsed() >= PROGRESS_EVERY
        });
        if (step_ends || due) && last.get().map(|(before, _)| before) != Some(p) {
            last.set(Some((p, Instant::now())));
            if sender.unbounded_send(Message::Progress(p)).is_err() {
                // The screen is gone.
                controller.cancel();
            }
        }
    };
    let result = audit_with(
        &source,
        engine.as_ref().map(|e| e.0.as_ref()),
        &AuditOptions::default(),
        controller,
        &progress,
    );
    let report = result.map_err(Problem::Audit).map(|mut report| {
        if let Some(path) = crate::paths::people_book() {
            name_groups(&mut report.groups, &PeopleBook::load(&path));
        }
        Arc::new(report)
    });
    let _ = sender.unbounded_send(Message::Finished(report, engine, faces_problem));
}

/// Keeps `name` for the person of `group` in the user's people book (blocking).
pub fn keep_name(
    group: usize,
    name: String,
    signature: &photoveil_core::audit::FaceEmbedding,
) -> Result<(usize, String), Problem> {
    let path = crate::paths::people_book().ok_or(Problem::NoDataFolder)?;
    let mut book = PeopleBook::load(&path);
    book.remember(&name, signature)
        .map_err(|error| Problem::Naming { group, error })?;
    book.save(&path)
        .map_err(|e| Problem::SaveNames(Arc::new(e)))?;
    Ok((group, name))
}

/// Writes the report of `report` to `path` (blocking).
pub fn save_report(report: &AuditReport, path: PathBuf) -> Note {
    let entries = crate::report::audit_entries(report, true);
    let options = crate::report::ReportOptions { thumbnails: true };
    match crate::report::write_html_report(&path, &entries, &options) {
        Ok(()) => Note::ReportSaved(path),
        Err(e) => Note::Failed(Problem::Report(format!("{e:#}"))),
    }
}

/// Writes protected replacements into `folder` (blocking).
pub fn replace(
    report: &AuditReport,
    engine: &SharedEngine,
    folder: PathBuf,
    controller: &Controller,
) -> Note {
    let options = replacement_options(folder.clone(), crate::paths::decoy_book());
    let (mut written, mut failed) = (0, 0);
    let done = protect_replacements(report, &engine.0, &options, controller, |r| {
        match r.result {
            Ok(protected) if protected.error.is_none() => written += 1,
            _ => failed += 1,
        }
    });
    match done {
        Ok(()) => Note::Replaced(ReplaceSummary {
            folder,
            written,
            failed,
        }),
        Err(why) => Note::Failed(Problem::Replace(why)),
    }
}
