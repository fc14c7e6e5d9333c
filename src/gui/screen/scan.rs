//! Scan: lists and scans the chosen photos on worker threads, with a progress bar and cancel.

use std::path::PathBuf;
use std::sync::Arc;

use iced::task::Handle;
use iced::widget::{button, column, container, progress_bar};
use iced::{Center, Element, Fill, Task};
use photoveil_core::face_cache::FaceCache;
use photoveil_core::job::{scan_photos, Entry, ScanSettings};
use photoveil_core::{Controller, Stage};

use crate::gui::engine::{self, SharedEngine};
use crate::gui::focus::Reachable;
use crate::gui::item::Item;
use crate::gui::picture;
use crate::gui::style::{self, t, ta, text};
use crate::gui::work;

/// What the scanning thread reports.
#[derive(Debug, Clone)]
pub enum Event {
    /// The photos to scan were listed.
    Listed {
        /// Files found.
        total: usize,
    },
    /// A path could not be listed, for this reason.
    Unlisted(PathBuf, String),
    /// The face models are ready, or why faces cannot be looked for.
    Engine(Result<SharedEngine, photoveil_core::Error>),
    /// One photo was scanned.
    Scanned(Box<Item>),
    /// The scan ended (all done or cancelled).
    Finished,
}

/// What happens on the scan screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Progress from the worker.
    Event(Event),
    /// "Cancel" (also Esc).
    Cancel,
}

/// What the app should do next.
pub enum Action {
    /// Nothing more.
    None,
    /// Keep the loaded models for later work.
    EngineLoaded(SharedEngine),
    /// The scan ended; the results are in the state.
    Finished,
}

/// The scan screen's state.
#[derive(Debug)]
pub struct Scan {
    /// Photos to scan; `None` while listing.
    pub total: Option<usize>,
    /// Photos scanned, in listing order.
    pub items: Vec<Item>,
    /// Paths that could not be listed.
    pub problems: Vec<(PathBuf, String)>,
    /// Why faces were not looked for, if they were not.
    pub faces_problem: Option<photoveil_core::Error>,
    /// Cancel was asked for.
    pub cancelled: bool,
    /// The scan has ended.
    pub finished: bool,
    controller: Controller,
    abort: Option<Handle>,
}

impl Scan {
    /// A scan of `paths`, and the task that runs it.
    pub fn start(paths: Vec<PathBuf>, engine: Option<SharedEngine>) -> (Scan, Task<Message>) {
        let controller = Controller::new();
        let worker_controller = controller.clone();
        let stream = work::stream(move |sender| worker(paths, engine, &worker_controller, &sender));
        let (task, abort) = Task::run(stream, Message::Event).abortable();
        (Scan::waiting(controller, Some(abort.abort_on_drop())), task)
    }

    /// A scan that waits for events (the worker is elsewhere; also used by tests).
    pub fn waiting(controller: Controller, abort: Option<Handle>) -> Scan {
        Scan {
            total: None,
            items: Vec::new(),
            problems: Vec::new(),
            faces_problem: None,
            cancelled: false,
            finished: false,
            controller,
            abort,
        }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Event(Event::Listed { total }) => {
                self.total = Some(total);
                Action::None
            }
            Message::Event(Event::Unlisted(path, why)) => {
                self.problems.push((path, why));
                Action::None
            }
            Message::Event(Event::Engine(Ok(engine))) => Action::EngineLoaded(engine),
            Message::Event(Event::Engine(Err(why))) => {
                self.faces_problem = Some(why);
                Action::None
            }
            Message::Event(Event::Scanned(item)) => {
                self.items.push(*item);
                Action::None
            }
            Message::Event(Event::Finished) => {
                self.finished = true;
                self.abort = None;
                Action::Finished
            }
            Message::Cancel => {
                // The worker stops after the photos in hand and then reports `Finished`.
                self.cancelled = true;
                self.controller.cancel();
                Action::None
            }
        }
    }

    /// Draws the screen.
    pub fn view(&self) -> Element<'_, Message> {
        let done = self.items.len();
        let (status, bar): (String, Element<'_, Message>) = match self.total {
            None => (t("gui-scan-listing"), progress_bar(0.0..=1.0, 0.0).into()),
            Some(total) => (
                ta(
                    "gui-scan-count",
                    &[("done", done.into()), ("total", total.into())],
                ),
                progress_bar(0.0..=total.max(1) as f32, done as f32).into(),
            ),
        };
        let current = self
            .items
            .last()
            .map(|i| style::quiet(i.name()))
            .unwrap_or_else(|| style::quiet(String::new()));
        let cancel = button(text(t(if self.cancelled {
            "gui-cancelling"
        } else {
            "gui-cancel"
        })))
        .style(button::secondary)
        .on_activate_maybe((!self.cancelled).then_some(Message::Cancel));
        let content = column![
            style::title("gui-scan-title"),
            text(status).size(style::BODY),
            container(bar).width(520).height(14),
            current,
            style::quiet(t("gui-scan-explain")),
            cancel,
        ]
        .spacing(16)
        .align_x(Center);
        container(content).center(Fill).padding(20).into()
    }
}

/// Scans `paths` with the core's scan job (with faces when the models load), sending events
/// until done or cancelled. Runs on a worker thread.
pub fn worker(
    paths: Vec<PathBuf>,
    engine: Option<SharedEngine>,
    controller: &Controller,
    sender: &work::Sender<Event>,
) {
    let send = |event: Event| {
        if sender.unbounded_send(event).is_err() {
            // Nobody listens any more: stop.
            controller.cancel();
        }
    };
    let engine = engine::get_or_load(engine);
    send(Event::Engine(engine.clone()));
    let engine = engine.ok();
    // Photos scanned before keep their faces (by content, no pictures kept); only the next
    // scan is slower if the cache cannot be written, so that is not an error for the user.
    let cache = crate::paths::face_cache().map(|path| FaceCache::open(&path));
    let settings = ScanSettings::new(engine.as_ref().map(|e| e.0.detector()))
        .with_cache(cache.as_ref().filter(|_| engine.is_some()));
    let observed = controller.observed({
        let listed = sender.clone();
        move |stage| {
            if let Stage::Photos { done: 0, total, .. } = stage {
                // A closed channel is seen by the next `send`, which cancels.
                let _ = listed.unbounded_send(Event::Listed { total });
            }
        }
    });
    scan_photos(
        &paths,
        &settings,
        &observed,
        |candidate, report| match &report.error {
            Some(e) => Err(e.clone()),
            None => picture::thumbnail(&candidate.path),
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
    if let Some(cache) = &cache {
        // Not kept: the next scan looks for these faces again, nothing else is lost.
        let _ = cache.save();
    }
    send(Event::Finished);
}

#[cfg(test)]
mod tests {
    use super::*;
    use photoveil_fixtures::{jpeg, JpegSpec};

    fn fixtures(dir: &std::path::Path) {
        std::fs::write(dir.join("a.jpg"), jpeg(64, 48, JpegSpec::default())).unwrap();
        std::fs::write(dir.join("b.jpg"), b"not a photo at all").unwrap();
        std::fs::write(
            dir.join("c.jpg"),
            jpeg(
                40,
                30,
                JpegSpec {
                    orientation: None,
                    motion_video: false,
                    metadata: false,
                },
            ),
        )
        .unwrap();
    }

    #[test]
    fn worker_lists_scans_and_finishes_in_order() {
        let dir = tempfile::tempdir().unwrap();
        fixtures(dir.path());
        let controller = Controller::new();
        let events = work::collect(work::stream(move |sender| {
            worker(
                vec![dir.path().to_path_buf(), dir.path().join("missing")],
                None,
                &controller,
                &sender,
            )
        }));
        let mut scan = Scan::waiting(Controller::new(), None);
        let mut finished = false;
        for event in events {
            if let Action::Finished = scan.update(Message::Event(event)) {
                finished = true;
            }
        }
        assert!(finished && scan.finished);
        assert_eq!(scan.total, Some(3));
        assert_eq!(scan.problems.len(), 1, "the missing path is reported");
        let names: Vec<String> = scan.items.iter().map(Item::name).collect();
        assert_eq!(names, ["a.jpg", "b.jpg", "c.jpg"]);
        assert!(scan.items[0].is_risky(), "GPS and serials");
        assert!(scan.items[0].thumbnail.is_ok());
        assert!(scan.items[1].report.error.is_some());
        assert!(scan.items[1].is_risky(), "unreadable files are shown");
        assert!(!scan.items[2].is_risky(), "nothing in it");
    }

    #[test]
    fn cancel_stops_the_worker_between_files() {
        let dir = tempfile::tempdir().unwrap();
        fixtures(dir.path());
        let mut scan = Scan::waiting(Controller::new(), None);
        scan.update(Message::Cancel);
        assert!(scan.cancelled);
        let controller = scan.controller.clone();
        assert!(controller.is_cancelled());
        let path = dir.path().to_path_buf();
        let events = work::collect(work::stream(move |sender| {
            worker(vec![path], None, &controller, &sender)
        }));
        for event in events {
            scan.update(Message::Event(event));
        }
        assert!(scan.finished);
        assert_eq!(scan.total, Some(3));
        assert!(scan.items.is_empty(), "cancelled before the first file");
    }
}
