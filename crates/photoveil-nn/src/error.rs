//! Errors of loading and running networks.

use std::path::PathBuf;
use std::sync::Arc;

/// Why a network could not be loaded. `Clone` (the system error is shared), so that it can
/// travel in the app's messages.
#[derive(Debug, Clone, thiserror::Error)]
pub enum NnError {
    /// The model file could not be read.
    #[error("cannot read the model file {}: {source}. Reinstall PhotoVeil to restore it.", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The system error.
        #[source]
        source: Arc<std::io::Error>,
    },
    /// The model file is not the one PhotoVeil was built with.
    #[error("the model file {} is damaged or was changed (SHA-256 {actual}, expected {expected}). Reinstall PhotoVeil to restore it.", path.display())]
    Checksum {
        /// The file.
        path: PathBuf,
        /// The SHA-256 it should have.
        expected: String,
        /// The SHA-256 it has.
        actual: String,
    },
    /// The file is not a valid weight file, or lacks a tensor the network needs.
    #[error("the model file {} is not usable: {detail}", path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// Running a network failed (an internal error of the tensor library).
    #[error("face detection failed: {detail}")]
    Inference {
        /// What went wrong.
        detail: String,
    },
}
