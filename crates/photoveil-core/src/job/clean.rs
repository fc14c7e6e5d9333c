//! The clean job: a copy of each photo without its metadata, verified before it is kept.

use std::path::PathBuf;

use super::{run_job, Entry, PhotoResult, Summary};
use crate::batch::default_workers;
use crate::clean::{clean_file, CleanOptions, CleanReport};
use crate::controller::Controller;
use crate::error::Error;

/// How to clean.
#[derive(Debug, Clone)]
pub struct CleanSettings {
    /// Where the copies go and how they are checked.
    pub options: CleanOptions,
    /// Photos to work on at once.
    pub workers: usize,
}

impl CleanSettings {
    /// Cleaning with `options` on every core.
    pub fn new(options: CleanOptions) -> CleanSettings {
        CleanSettings {
            options,
            workers: default_workers(),
        }
    }
}

impl PhotoResult for CleanReport {
    fn error(&self) -> Option<&Error> {
        self.error.as_ref()
    }

    /// A copy that still carries metadata after cleaning is not a success.
    fn succeeded(&self) -> bool {
        let residual = self
            .verification
            .as_ref()
            .is_some_and(|v| !v.residual.is_empty());
        self.error.is_none() && !residual
    }
}

/// Cleans every file under `paths` into `settings.options.out_dir`, handing each report to
/// `emit` in listing order. A photo is written whole or not at all; once `controller` is
/// cancelled no new photo is started.
pub fn clean_photos(
    paths: &[PathBuf],
    settings: &CleanSettings,
    controller: &Controller,
    emit: impl FnMut(Entry<'_, CleanReport>),
) -> Summary {
    run_job(
        paths,
        settings.workers,
        controller,
        |candidate| clean_file(&candidate.path, &settings.options),
        emit,
    )
}
