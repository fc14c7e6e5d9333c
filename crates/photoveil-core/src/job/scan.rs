//! The scan job: what each photo gives away, and its faces when a detector is given.

use std::path::PathBuf;

use photoveil_nn::blazeface::BlazeFace;

use super::{run_job, Entry, PhotoResult, Summary};
use crate::batch::default_workers;
use crate::controller::Controller;
use crate::error::Error;
use crate::scan::{scan_file_with, ScanReport};
use crate::walk::Candidate;

/// How to scan.
#[derive(Clone, Copy)]
pub struct ScanSettings<'a> {
    /// The face detector, to also look for faces; `None` scans metadata only.
    pub detector: Option<&'a BlazeFace>,
    /// Photos to work on at once.
    pub workers: usize,
}

impl std::fmt::Debug for ScanSettings<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScanSettings")
            .field("faces", &self.detector.is_some())
            .field("workers", &self.workers)
            .finish()
    }
}

impl<'a> ScanSettings<'a> {
    /// Scanning with `detector` (or metadata only) on every core.
    pub fn new(detector: Option<&'a BlazeFace>) -> ScanSettings<'a> {
        ScanSettings {
            detector,
            workers: default_workers(),
        }
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
            let report = scan_file_with(&candidate.path, settings.detector);
            let extra = also(candidate, &report);
            (report, extra)
        },
        emit,
    )
}
