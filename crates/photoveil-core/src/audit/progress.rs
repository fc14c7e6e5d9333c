//! How far an audit has come, as [`super::audit_with`] tells its observer, and the check for
//! cancellation it makes between steps.

use super::error::AuditError;
use crate::controller::Controller;

/// The step an audit is at. Counts only grow within a step, and a step that ends reports its
/// last count equal to its total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Reading the export's own documents (the JSON files that say where and when each photo
    /// was shared): `read` of `total` bytes.
    ReadingExport {
        /// Bytes read so far.
        read: u64,
        /// Bytes of the documents in all.
        total: u64,
    },
    /// Analysing the media files (metadata, faces): `done` of `total` are done.
    Analysing {
        /// Media files done.
        done: usize,
        /// Media files in all.
        total: usize,
    },
    /// Grouping the faces found by person.
    GroupingPeople,
}

impl Progress {
    /// How much of this step is done, from 0 to 1 (grouping has no count: 0).
    pub fn fraction(self) -> f32 {
        match self {
            Progress::ReadingExport { read, total } => ratio(read as f64, total as f64),
            Progress::Analysing { done, total } => ratio(done as f64, total as f64),
            Progress::GroupingPeople => 0.0,
        }
    }
}

fn ratio(done: f64, total: f64) -> f32 {
    if total <= 0.0 {
        1.0
    } else {
        (done / total).clamp(0.0, 1.0) as f32
    }
}

/// `Err(AuditError::Cancelled)` once `controller` is cancelled.
pub(super) fn go_on(controller: &Controller) -> Result<(), AuditError> {
    if controller.is_cancelled() {
        Err(AuditError::Cancelled)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_run_from_zero_to_one() {
        let reading = |read| Progress::ReadingExport { read, total: 200 };
        assert_eq!(reading(0).fraction(), 0.0);
        assert_eq!(reading(100).fraction(), 0.5);
        assert_eq!(reading(200).fraction(), 1.0);
        let empty = Progress::Analysing { done: 0, total: 0 };
        assert_eq!(empty.fraction(), 1.0);
        assert_eq!(Progress::GroupingPeople.fraction(), 0.0);
        let controller = Controller::new();
        assert!(go_on(&controller).is_ok());
        controller.cancel();
        assert!(matches!(go_on(&controller), Err(AuditError::Cancelled)));
    }
}
