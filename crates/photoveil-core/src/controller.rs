//! Cancellation and progress of long work, shared by the command line and the GUI.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// What the protection of one photo is doing now, as [`Controller::report`] tells an observer.
/// Faces are counted from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and decoding the photo.
    Reading,
    /// Looking for faces.
    FindingFaces,
    /// Cloaking face `face` of `faces`: optimisation step `step` of `steps` is done.
    Cloaking {
        /// The face being cloaked.
        face: usize,
        /// Faces to change in this photo.
        faces: usize,
        /// Steps done.
        step: usize,
        /// Steps in all.
        steps: usize,
    },
    /// Blurring face `face` of `faces`.
    Blurring {
        /// The face being blurred.
        face: usize,
        /// Faces to change in this photo.
        faces: usize,
    },
    /// Encoding the copy.
    Encoding,
    /// Measuring the copy (metadata left, quality, each face after a simulated upload).
    Verifying,
    /// A batch ([`crate::job`]): `done` of the `total` files listed are finished (whatever
    /// their outcome), and `faces_protected` faces were cloaked or blurred so far.
    Photos {
        /// Files finished.
        done: usize,
        /// Files listed.
        total: usize,
        /// Faces cloaked or blurred in the finished photos.
        faces_protected: usize,
    },
}

impl Stage {
    /// About how much of the photo's work is done at this stage, from 0 to 1: the cloaking
    /// steps take most of the time, so they take most of the range. For [`Stage::Photos`], the
    /// share of the batch's files that are finished.
    pub fn fraction(self) -> f32 {
        const FACES_START: f32 = 0.1;
        const FACES_END: f32 = 0.85;
        let faces_part = |face: usize, faces: usize, within: f32| {
            let faces = faces.max(1) as f32;
            FACES_START
                + (FACES_END - FACES_START) * ((face as f32 + within.clamp(0.0, 1.0)) / faces)
        };
        match self {
            Stage::Reading => 0.0,
            Stage::FindingFaces => 0.03,
            Stage::Cloaking {
                face,
                faces,
                step,
                steps,
            } => faces_part(face, faces, step as f32 / steps.max(1) as f32),
            Stage::Blurring { face, faces } => faces_part(face, faces, 0.0),
            Stage::Encoding => FACES_END,
            Stage::Verifying => 0.9,
            Stage::Photos { done, total, .. } if total > 0 => {
                (done as f32 / total as f32).clamp(0.0, 1.0)
            }
            Stage::Photos { .. } => 1.0,
        }
    }
}

/// Receives the stages of the work.
type Observer = Arc<dyn Fn(Stage) + Send + Sync>;

/// A handle that long work checks for cancellation between steps and tells its stages to;
/// clones share the same flag.
#[derive(Clone, Default)]
pub struct Controller {
    cancelled: Arc<AtomicBool>,
    observer: Option<Observer>,
}

impl fmt::Debug for Controller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Controller")
            .field("cancelled", &self.is_cancelled())
            .field("observed", &self.observer.is_some())
            .finish()
    }
}

impl Controller {
    /// A controller that has not been cancelled and that nobody observes.
    pub fn new() -> Controller {
        Controller::default()
    }

    /// A controller sharing this one's cancellation flag that tells `observer` each stage the
    /// work reaches (the GUI's progress line; called on the worker's thread).
    pub fn observed(&self, observer: impl Fn(Stage) + Send + Sync + 'static) -> Controller {
        Controller {
            cancelled: Arc::clone(&self.cancelled),
            observer: Some(Arc::new(observer)),
        }
    }

    /// Tells the observer, if any, that the work reached `stage`.
    pub fn report(&self, stage: Stage) {
        if let Some(observer) = &self.observer {
            observer(stage);
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn an_observed_clone_shares_cancellation_and_reports_stages() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let plain = Controller::new();
        plain.report(Stage::Reading); // nobody listens: nothing happens
        let observed = plain.observed({
            let seen = Arc::clone(&seen);
            move |stage| seen.lock().unwrap().push(stage)
        });
        observed.report(Stage::FindingFaces);
        observed.report(Stage::Encoding);
        assert_eq!(
            *seen.lock().unwrap(),
            [Stage::FindingFaces, Stage::Encoding]
        );
        plain.cancel();
        assert!(observed.is_cancelled());
        assert!(format!("{observed:?}").contains("observed: true"));
    }

    #[test]
    fn the_fraction_grows_through_a_photo_with_two_faces() {
        let mut stages = vec![Stage::Reading, Stage::FindingFaces];
        for face in 0..2 {
            for step in 0..=4 {
                stages.push(Stage::Cloaking {
                    face,
                    faces: 2,
                    step,
                    steps: 4,
                });
            }
        }
        stages.extend([Stage::Encoding, Stage::Verifying]);
        let fractions: Vec<f32> = stages.iter().map(|s| s.fraction()).collect();
        assert!(fractions.windows(2).all(|w| w[0] <= w[1]), "{fractions:?}");
        assert_eq!(fractions[0], 0.0);
        assert!(*fractions.last().unwrap() < 1.0);
        let halfway = Stage::Cloaking {
            face: 1,
            faces: 2,
            step: 0,
            steps: 4,
        };
        assert!((halfway.fraction() - 0.475).abs() < 1e-6);
    }
}
