//! Why the audit, or something done with its result, did not work: typed, so that the words are
//! chosen in the user's language when the screen is drawn.

use std::sync::Arc;

use photoveil_core::audit::{AuditError, NamingError, ReplaceError};

use crate::gui::style::{t, ta};
use crate::words::{describe, reasons};

/// Why the audit, or something done with its result, did not work.
#[derive(Debug, Clone)]
pub enum Problem {
    /// The export could not be audited ([`AuditError::Cancelled`]: it was stopped).
    Audit(AuditError),
    /// Protected replacements could not be made.
    Replace(ReplaceError),
    /// A name could not be given to person `group` (from 0).
    Naming {
        /// The person's group.
        group: usize,
        /// Why not.
        error: NamingError,
    },
    /// This user has no data folder to keep names in.
    NoDataFolder,
    /// The names could not be written.
    SaveNames(Arc<photoveil_core::Error>),
    /// The report could not be written (the writer's own account, with the system's words).
    Report(String),
    /// The worker thread ended without an answer.
    WorkerDied,
}

impl Problem {
    /// What went wrong, in words (a part of a sentence).
    pub fn words(&self) -> String {
        match self {
            Problem::Audit(e) => reasons::audit(e),
            Problem::Replace(e) => reasons::replace(e),
            Problem::Naming {
                error: NamingError::EmptyName,
                ..
            } => t("audit-name-empty"),
            Problem::Naming {
                group,
                error: NamingError::NoFace,
            } => describe::numbers("audit-name-no-face", &[("id", *group as i64 + 1)]),
            Problem::NoDataFolder => t("gui-audit-error-no-data-folder"),
            Problem::SaveNames(e) => reasons::error(e),
            Problem::Report(why) => why.clone(),
            Problem::WorkerDied => t("gui-audit-error-worker"),
        }
    }

    /// The whole sentence shown for a save that failed.
    pub fn sentence(&self) -> String {
        let key = match self {
            Problem::Audit(_) => "gui-audit-failed",
            Problem::Replace(_) => "gui-audit-replace-error",
            Problem::Naming { .. } | Problem::NoDataFolder | Problem::SaveNames(_) => {
                "gui-audit-name-failed"
            }
            Problem::Report(_) | Problem::WorkerDied => "gui-review-report-failed",
        };
        ta(key, &[("why", self.words().into())])
    }
}
