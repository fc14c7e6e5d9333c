//! One job per command: [`scan_photos`], [`clean_photos`] and [`protect_photos`]. Each lists the
//! files under the paths it is given, works on them in order on the worker threads, tells the
//! controller how far it has come ([`Stage::Photos`]), stops starting photos once cancelled, and
//! hands each result (or listing problem) to the caller in the order of the listing. The command
//! line and the app only drive these jobs and present what they hand over.

mod clean;
mod protect;
mod scan;
mod tally;

use std::path::PathBuf;
use std::sync::Mutex;

pub use clean::{clean_photos, CleanSettings};
pub use protect::{protect_photo, protect_photos, ProtectSettings, ProtectedPhoto, Treatment};
pub use scan::{scan_photos, ScanSettings};
pub use tally::{FaceToRedo, Failure, FailureReason, Tally};

use crate::batch::run_ordered;
use crate::controller::{Controller, Stage};
use crate::error::Error;
use crate::walk::{collect_images, Candidate, WalkError};

/// What a job hands its caller, in the order of the listing.
#[derive(Debug)]
pub enum Entry<'a, R> {
    /// The result of one file. Files found inside folders that are not images (unless their
    /// name says they are photos) and photos stopped by cancellation are not handed over; the
    /// [`Summary`] counts them.
    Photo {
        /// The file, as listed.
        candidate: &'a Candidate,
        /// What the job made of it.
        result: R,
    },
    /// A path that could not be listed (missing, unreadable folder, link loop).
    Unlisted(&'a WalkError),
}

/// What a finished job did, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files listed.
    pub total: usize,
    /// Photos that succeeded.
    pub done: usize,
    /// Photos that failed, and paths that could not be listed.
    pub failed: usize,
    /// Files inside folders that are not images, skipped quietly.
    pub skipped: usize,
    /// Photos stopped mid-way or never started because the job was cancelled.
    pub cancelled: usize,
    /// Faces cloaked or blurred (protection only).
    pub faces_protected: usize,
}

impl Summary {
    /// Whether nothing failed (a cancelled photo is not a failure).
    pub fn succeeded(&self) -> bool {
        self.failed == 0
    }
}

/// A photo's result as a job counts it.
pub trait PhotoResult {
    /// Why the photo failed, if it did.
    fn error(&self) -> Option<&Error>;

    /// Whether the photo counts as done (by default: when it has no error).
    fn succeeded(&self) -> bool {
        self.error().is_none()
    }

    /// Faces cloaked or blurred in it.
    fn faces_protected(&self) -> usize {
        0
    }
}

/// Files found inside folders whose content is not an image are skipped quietly, unless their
/// name says they are photos.
pub fn skip_quietly(candidate: &Candidate, error: Option<&Error>) -> bool {
    matches!(error, Some(Error::NotAnImage))
        && !candidate.explicit
        && !crate::format::has_image_extension(&candidate.path)
}

/// How far a job has come, kept under a lock so that reports are in order.
#[derive(Default)]
struct Progress {
    done: usize,
    faces_protected: usize,
}

/// Lists the files under `paths`, runs `work` on each with `workers` threads, reports progress,
/// and hands results to `emit` in listing order; the common part of every job.
fn run_job<R, W, E>(
    paths: &[PathBuf],
    workers: usize,
    controller: &Controller,
    work: W,
    mut emit: E,
) -> Summary
where
    R: PhotoResult + Send,
    W: Fn(&Candidate) -> R + Sync,
    E: FnMut(Entry<'_, R>),
{
    let listed = collect_images(paths);
    let total = listed.iter().filter(|entry| entry.is_ok()).count();
    let mut summary = Summary {
        total,
        ..Summary::default()
    };
    controller.report(Stage::Photos {
        done: 0,
        total,
        faces_protected: 0,
    });
    let progress = Mutex::new(Progress::default());
    let finished = |result: &R| {
        // Reported on the worker's thread before it takes the next photo, so that an observer
        // that cancels after a photo stops the next one from starting.
        let mut p = progress
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        p.done += 1;
        p.faces_protected += result.faces_protected();
        controller.report(Stage::Photos {
            done: p.done,
            total,
            faces_protected: p.faces_protected,
        });
    };
    let mut handed = 0;
    run_ordered(
        &listed,
        workers,
        controller,
        |entry| {
            let candidate = entry.as_ref().ok()?;
            let result = work(candidate);
            finished(&result);
            Some(result)
        },
        |index, result| match (&listed[index], result) {
            (Err(e), _) => {
                summary.failed += 1;
                emit(Entry::Unlisted(e));
            }
            (Ok(candidate), Some(result)) => {
                handed += 1;
                if matches!(result.error(), Some(Error::Cancelled)) {
                    summary.cancelled += 1;
                } else if skip_quietly(candidate, result.error()) {
                    summary.skipped += 1;
                } else {
                    if result.succeeded() {
                        summary.done += 1;
                    } else {
                        summary.failed += 1;
                    }
                    summary.faces_protected += result.faces_protected();
                    emit(Entry::Photo { candidate, result });
                }
            }
            (Ok(_), None) => {}
        },
    );
    summary.cancelled += total.saturating_sub(handed);
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unnamed_non_images_found_in_folders_are_skipped_quietly() {
        let found = |name: &str, explicit| Candidate {
            path: PathBuf::from(name),
            explicit,
        };
        let not_image = Some(&Error::NotAnImage);
        assert!(skip_quietly(&found("notes.txt", false), not_image));
        assert!(!skip_quietly(&found("notes.txt", true), not_image));
        assert!(!skip_quietly(&found("fake.jpg", false), not_image));
        assert!(!skip_quietly(&found("notes.txt", false), None));
    }
}
