//! Work off the UI thread: a job runs on its own thread and its results come back to iced as a
//! stream (progress) or a future (one result). Also the [`Plan`] of an export, which the protect
//! screen makes and the export screen carries out.

use std::collections::BTreeMap;
use std::path::PathBuf;

use iced::futures::channel::{mpsc, oneshot};
use iced::futures::Stream;
use photoveil_core::job::ProtectSettings;
use photoveil_core::protect::pipeline::{FaceSelection, ProtectOptions, Strength};

use crate::gui::settings::FaceMode;

/// One photo to export.
#[derive(Debug, Clone)]
pub struct Job {
    /// The original.
    pub path: PathBuf,
    /// Faces (indexes in the order found, largest first) to blur while the others are cloaked:
    /// those the user chose to blur in the before/after view.
    pub blur_these: Vec<usize>,
}

/// What to export, where and how. Whether a photo has faces to protect is the core's to find
/// out: a photo in which none is found is cleaned losslessly.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The photos.
    pub jobs: Vec<Job>,
    /// The folder for the copies.
    pub out_dir: PathBuf,
    /// What to do with faces.
    pub mode: FaceMode,
    /// Quality of protected JPEG copies.
    pub jpeg_quality: u8,
}

impl Plan {
    /// The photos' paths, in order.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.jobs.iter().map(|j| j.path.clone()).collect()
    }

    /// The core's options for the plan's face mode (for every photo; see [`Plan::options_for`]).
    pub fn protect_options(&self) -> ProtectOptions {
        ProtectOptions {
            until_verified: self.mode == FaceMode::UntilVerified,
            out_dir: self.out_dir.clone(),
            // Blurring and leaving faces need no level; the field is then unused.
            strength: self.mode.ceiling().unwrap_or(Strength::Standard),
            faces: if self.mode.changes_faces() {
                FaceSelection::All
            } else {
                FaceSelection::None
            },
            blur: self.mode == FaceMode::Blur,
            blur_these: Vec::new(),
            jpeg_quality: self.jpeg_quality,
            decoy_book: crate::paths::decoy_book(),
        }
    }

    /// The core's options for one photo: the plan's, with the faces the user chose to blur in
    /// that photo.
    pub fn options_for(&self, job: &Job) -> ProtectOptions {
        ProtectOptions {
            blur_these: job.blur_these.clone(),
            ..self.protect_options()
        }
    }

    /// The core protect job's settings: the plan's options, and each photo's chosen faces.
    pub fn settings(&self) -> ProtectSettings {
        let blur_these: BTreeMap<PathBuf, Vec<usize>> = self
            .jobs
            .iter()
            .filter(|j| !j.blur_these.is_empty())
            .map(|j| (j.path.clone(), j.blur_these.clone()))
            .collect();
        ProtectSettings {
            options: self.protect_options(),
            blur_these,
        }
    }
}

/// Where a streaming job sends its events; sending fails once the UI stopped listening (the
/// task was aborted), which the job takes as a request to stop.
pub type Sender<T> = mpsc::UnboundedSender<T>;

/// Runs `job` on a new thread, started when the stream is first polled, and streams what it
/// sends. The stream ends when the job returns.
pub fn stream<T, F>(job: F) -> impl Stream<Item = T>
where
    T: Send + 'static,
    F: FnOnce(Sender<T>) + Send + 'static,
{
    use iced::futures::StreamExt;
    let (sender, receiver) = mpsc::unbounded();
    let start = iced::futures::stream::once(async move {
        spawn(move || job(sender));
        None
    })
    .filter_map(std::future::ready);
    start.chain(receiver)
}

/// Runs `job` on a new thread once the future is first polled; the future gives its result, or
/// `None` if the thread died.
pub async fn blocking<T, F>(job: F) -> Option<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (sender, receiver) = oneshot::channel();
    spawn(move || {
        let _ = sender.send(job());
    });
    receiver.await.ok()
}

/// Collects a stream's items (tests).
#[cfg(test)]
pub fn collect<T>(stream: impl Stream<Item = T>) -> Vec<T> {
    use iced::futures::StreamExt;
    iced::futures::executor::block_on(stream.collect())
}

fn spawn(job: impl FnOnce() + Send + 'static) {
    // If the system refuses a thread the job's channel is dropped and the UI sees the work end.
    let _ = std::thread::Builder::new()
        .name(String::from("photoveil-work"))
        .spawn(job);
}
