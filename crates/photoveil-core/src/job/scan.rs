//! The scan job: what each photo gives away, and its faces when a detector is given.

use std::path::PathBuf;

use photoveil_nn::blazeface::BlazeFace;

use super::{run_job, Entry, PhotoResult, Summary};
use crate::batch::default_workers;
use crate::controller::Controller;
use crate::error::Error;
use crate::face_cache::FaceCache;
use crate::scan::{scan_file_timed, ScanReport};
use crate::walk::Candidate;

/// How to scan.
#[derive(Clone, Copy)]
pub struct ScanSettings<'a> {
    /// The face detector, to also look for faces; `None` scans metadata only.
    pub detector: Option<&'a BlazeFace>,
    /// Faces of photos seen before, by content; `None` finds every photo's faces again.
    pub cache: Option<&'a FaceCache>,
    /// Photos to work on at once.
    pub workers: usize,
}

impl std::fmt::Debug for ScanSettings<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScanSettings")
            .field("faces", &self.detector.is_some())
            .field("cache", &self.cache.map(|c| c.len()))
            .field("workers", &self.workers)
            .finish()
    }
}

impl<'a> ScanSettings<'a> {
    /// Scanning with `detector` (or metadata only) on every core, without a face cache.
    pub fn new(detector: Option<&'a BlazeFace>) -> ScanSettings<'a> {
        ScanSettings {
            detector,
            cache: None,
            workers: default_workers(),
        }
    }

    /// The same, taking the faces of photos seen before from `cache` and remembering new ones
    /// there (save it after the job).
    pub fn with_cache(self, cache: Option<&'a FaceCache>) -> ScanSettings<'a> {
        ScanSettings { cache, ..self }
    }
}

impl PhotoResult for ScanReport {
    fn error(&self) -> Option<&Error> {
        self.error.as_ref()
    }
}

impl<X> PhotoResult for (ScanReport, X) {
    fn error(&self) -> Option<&Error> {
        self.0.error.as_ref()
    }
}

/// Scans every file under `paths`. With each report, `also` makes what the front end needs of
/// the photo on the same worker thread (a thumbnail, or `()`); `emit` gets both in listing order.
pub fn scan_photos<X, A, E>(
    paths: &[PathBuf],
    settings: &ScanSettings<'_>,
    controller: &Controller,
    also: A,
    emit: E,
) -> Summary
where
    X: Send,
    A: Fn(&Candidate, &ScanReport) -> X + Sync,
    E: FnMut(Entry<'_, (ScanReport, X)>),
{
    run_job(
        paths,
        settings.workers,
        controller,
        |candidate| {
            let (report, _) = scan_file_timed(&candidate.path, settings.detector, settings.cache);
            let extra = also(candidate, &report);
            (report, extra)
        },
        emit,
    )
}
