//! The scan's work off the UI thread: lists the photos, makes their thumbnails ahead of the
//! (slower) checks on a thread of their own, runs the core's scan job, and hands what happens to
//! the screen in batches at most [`BATCH_INTERVAL`] apart, so that the window redraws at most
//! about 20 times a second however fast the photos come.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use iced::futures::Stream;
use iced::widget::image::Handle;
use photoveil_core::face_cache::FaceCache;
use photoveil_core::job::{scan_photos, Entry, ScanSettings};
use photoveil_core::{Controller, Error};

use super::Event;
use crate::gui::engine::{self, SharedEngine};
use crate::gui::item::Item;
use crate::gui::picture;
use crate::gui::work;

/// The least time between two batches of events sent to the screen.
pub const BATCH_INTERVAL: Duration = Duration::from_millis(50);

/// Runs `job` on its own thread and streams what it sends, gathered into batches: the first
/// event after a quiet spell goes at once, the next ones wait until [`BATCH_INTERVAL`] after the
/// batch before. Once the stream is dropped, the job's sends fail (it takes that as "stop").
pub fn batched<T, F>(job: F) -> impl Stream<Item = Vec<T>>
where
    T: Send + 'static,
    F: FnOnce(mpsc::Sender<T>) + Send + 'static,
{
    work::stream(move |ui: work::Sender<Vec<T>>| {
        let (sender, receiver) = mpsc::channel();
        // If the system refuses a thread, the sender is dropped and the stream ends.
        let _ = std::thread::Builder::new()
            .name(String::from("photoveil-scan"))
            .spawn(move || job(sender));
        forward(&receiver, &ui, BATCH_INTERVAL);
    })
}

/// Forwards what `receiver` gets to `ui` in batches at least `interval` apart, until the job
/// ends or the screen stops listening.
fn forward<T>(receiver: &mpsc::Receiver<T>, ui: &work::Sender<Vec<T>>, interval: Duration) {
    let mut last: Option<Instant> = None;
    while let Ok(first) = receiver.recv() {
        let mut batch = vec![first];
        let mut ended = false;
        if let Some(last) = last {
            let deadline = last + interval;
            while let Some(left) = deadline.checked_duration_since(Instant::now()) {
                match receiver.recv_timeout(left) {
                    Ok(event) => batch.push(event),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => {
                        ended = true;
                        break;
                    }
                }
            }
        }
        batch.extend(receiver.try_iter());
        if ui.unbounded_send(batch).is_err() || ended {
            return;
        }
        last = Some(Instant::now());
    }
}

/// Thumbnails made ahead of the scan, by path, so that none is made twice (but for a rare
/// race, where both make it).
#[derive(Default)]
struct Shelf {
    slots: Mutex<HashMap<PathBuf, Slot>>,
}

enum Slot {
    /// The thumbnail thread is making it.
    Making,
    /// Made, not yet taken by the scan.
    Made(Result<Handle, Error>),
    /// The scan has its own.
    Taken,
}

impl Shelf {
    fn slots(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Slot>> {
        self.slots.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// For the thumbnail thread: whether to make this photo's thumbnail (the scan has not).
    fn begin(&self, path: &Path) -> bool {
        let mut slots = self.slots();
        if slots.contains_key(path) {
            return false;
        }
        slots.insert(path.to_path_buf(), Slot::Making);
        true
    }

    /// For the thumbnail thread: the thumbnail it made.
    fn put(&self, path: &Path, thumbnail: Result<Handle, Error>) {
        if let Some(slot @ Slot::Making) = self.slots().get_mut(path) {
            *slot = Slot::Made(thumbnail);
        }
    }

    /// For the scan: the thumbnail made ahead, or `None` (the scan then makes its own).
    fn take(&self, path: &Path) -> Option<Result<Handle, Error>> {
        match self.slots().insert(path.to_path_buf(), Slot::Taken) {
            Some(Slot::Made(thumbnail)) => Some(thumbnail),
            _ => None,
        }
    }
}

/// Lists `paths`, makes thumbnails ahead and scans them with the core's scan job (with faces
/// when the models load), sending events until done or cancelled. Runs on a worker thread.
pub fn worker(
    paths: Vec<PathBuf>,
    engine: Option<SharedEngine>,
    controller: &Controller,
    sender: &mpsc::Sender<Event>,
) {
    let send = |event: Event| {
        if sender.send(event).is_err() {
            // Nobody listens any more: stop.
            controller.cancel();
        }
    };
    // Listed here too (the job lists again, in the same order): the thumbnails can be made
    // while the face models load. Listing problems come from the job.
    let listed: Vec<PathBuf> = photoveil_core::collect_images(&paths)
        .into_iter()
        .filter_map(Result::ok)
        .map(|candidate| candidate.path)
        .collect();
    send(Event::Listed(listed.clone()));
    let shelf = Arc::new(Shelf::default());
    let done = Arc::new(AtomicBool::new(false));
    let ahead = {
        let (shelf, done, controller, sender) = (
            Arc::clone(&shelf),
            Arc::clone(&done),
            controller.clone(),
            sender.clone(),
        );
        std::thread::Builder::new()
            .name(String::from("photoveil-thumbnails"))
            .spawn(move || thumbnails(&listed, &shelf, &done, &controller, &sender))
            .ok()
    };
    let engine = engine::get_or_load(engine);
    send(Event::Engine(engine.clone()));
    let engine = engine.ok();
    // Photos scanned before keep their faces (by content, no pictures kept); only the next
    // scan is slower if the cache cannot be written, so that is not an error for the user.
    let cache = crate::paths::face_cache().map(|path| FaceCache::open(&path));
    let settings = ScanSettings::new(engine.as_ref().map(|e| e.0.detector()))
        .with_cache(cache.as_ref().filter(|_| engine.is_some()));
    scan_photos(
        &paths,
        &settings,
        controller,
        |candidate, report| {
            let made = shelf.take(&candidate.path);
            match &report.error {
                Some(e) => Err(e.clone()),
                None => made.unwrap_or_else(|| picture::thumbnail(&candidate.path)),
            }
        },
        |entry| match entry {
            Entry::Unlisted(e) => send(Event::Unlisted(
                e.path.clone(),
                crate::words::reasons::walk(&e.problem),
            )),
            Entry::Photo {
                result: (report, thumbnail),
                ..
            } => send(Event::Scanned(Box::new(Item {
                report: Arc::new(report),
                thumbnail,
            }))),
        },
    );
    // The thumbnails still to make are of photos already checked: stop making them, and send
    // nothing after `Finished`.
    done.store(true, Ordering::Relaxed);
    if let Some(ahead) = ahead {
        let _ = ahead.join();
    }
    if let Some(cache) = &cache {
        // Not kept: the next scan looks for these faces again, nothing else is lost.
        let _ = cache.save();
    }
    send(Event::Finished);
}

/// Makes the thumbnails of `listed` in order, those the scan has not reached, and sends each one
/// made (a photo that cannot be shown waits for its result); stops when the scan is done or
/// cancelled.
fn thumbnails(
    listed: &[PathBuf],
    shelf: &Shelf,
    done: &AtomicBool,
    controller: &Controller,
    sender: &mpsc::Sender<Event>,
) {
    for (index, path) in listed.iter().enumerate() {
        if done.load(Ordering::Relaxed) || controller.is_cancelled() {
            return;
        }
        if !shelf.begin(path) {
            continue;
        }
        let thumbnail = picture::thumbnail(path);
        shelf.put(path, thumbnail.clone());
        if let Ok(handle) = thumbnail {
            if sender.send(Event::Thumbnail(index, handle)).is_err() {
                return;
            }
        }
    }
}
