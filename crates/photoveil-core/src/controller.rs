//! Cancellation and progress of long work, shared by the command line and the GUI.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The stage a batch is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Listing the files to work on.
    Listing,
    /// Scanning photos.
    Scanning,
    /// Writing cleaned copies.
    Cleaning,
}

/// How far a batch has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Current stage.
    pub stage: Stage,
    /// Files finished.
    pub done: usize,
    /// Files in the batch.
    pub total: usize,
    /// The file being worked on.
    pub current: Option<PathBuf>,
}

/// A handle that a batch checks between files; clones share the same flag.
#[derive(Debug, Clone, Default)]
pub struct Controller {
    cancelled: Arc<AtomicBool>,
}

impl Controller {
    /// A controller that has not been cancelled.
    pub fn new() -> Controller {
        Controller::default()
    }

    /// Asks the work to stop after the current file; nothing partial is written.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
    }

    /// Whether cancellation was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }

    /// The shared flag itself (true once cancelled), for a signal handler, which may do no more
    /// than store into an atomic.
    pub fn shared_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancelled)
    }
}
