//! Scan: checks the chosen photos on worker threads and shows them as they come: each photo's
//! thumbnail as soon as it is read, then what it gives away once checked, in a grid built only
//! where it is in view; with the counts, a progress bar and Stop. Stopping keeps the photos
//! checked so far and goes on to the review at once.

use std::collections::VecDeque;
use std::path::PathBuf;

use iced::task::Handle;
use iced::widget::{button, column, container, image, progress_bar};
use iced::{Element, Fill, Task};
use photoveil_core::Controller;

use crate::gui::engine::SharedEngine;
use crate::gui::focus::Reachable;
use crate::gui::item::Item;
use crate::gui::screen::review::tile;
use crate::gui::style::{self, t, ta, text};
use crate::words::reasons;

pub mod grid;
pub mod worker;

/// What the scanning threads report.
#[derive(Debug, Clone)]
pub enum Event {
    /// The files to check, in the order they are checked.
    Listed(Vec<PathBuf>),
    /// A path could not be listed, for this reason.
    Unlisted(PathBuf, String),
    /// The face models are ready, or why faces cannot be looked for.
    Engine(Result<SharedEngine, photoveil_core::Error>),
    /// The thumbnail of the listed file at this index, made before it is checked.
    Thumbnail(usize, image::Handle),
    /// One photo was checked.
    Scanned(Box<Item>),
    /// The scan ended (all done or cancelled).
    Finished,
}

/// What happens on the scan screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// What the workers reported since the last batch, in order.
    Events(Vec<Event>),
    /// "Stop" (also Esc).
    Cancel,
    /// The grid was scrolled to this offset.
    Scrolled(f32),
}

/// What the app should do next.
pub enum Action {
    /// Nothing more.
    None,
    /// The scan ended or was stopped; the results are in the state.
    Finished,
}

/// A photo read (its thumbnail made) but not yet checked.
#[derive(Debug)]
pub struct Waiting {
    /// Its index in the listing.
    pub index: usize,
    /// Its file name.
    pub name: String,
    /// Its thumbnail.
    pub thumbnail: image::Handle,
}

/// One tile of the grid.
pub enum Tile<'a> {
    /// A photo checked.
    Checked(&'a Item),
    /// A photo read, being checked.
    Waiting(&'a Waiting),
}

/// The scan screen's state.
#[derive(Debug)]
pub struct Scan {
    /// Photos to check; `None` while listing.
    pub total: Option<usize>,
    /// Photos checked, in listing order.
    pub items: Vec<Item>,
    /// Of them, those that give something away.
    pub risky: usize,
    /// Paths that could not be listed.
    pub problems: Vec<(PathBuf, String)>,
    /// Why faces were not looked for, if they were not.
    pub faces_problem: Option<photoveil_core::Error>,
    /// The face models loaded by this scan, for the app to keep.
    pub engine: Option<SharedEngine>,
    /// Stop was asked for.
    pub cancelled: bool,
    /// The scan has ended (or was stopped): later events are ignored.
    pub finished: bool,
    /// The files listed.
    listed: Vec<PathBuf>,
    /// Where in `listed` the next photo checked is looked for.
    cursor: usize,
    /// Photos read and not yet checked, in listing order.
    waiting: VecDeque<Waiting>,
    /// How far the grid is scrolled.
    offset: f32,
    controller: Controller,
    abort: Option<Handle>,
}

impl Scan {
    /// A scan of `paths`, and the task that runs it.
    pub fn start(paths: Vec<PathBuf>, engine: Option<SharedEngine>) -> (Scan, Task<Message>) {
        let controller = Controller::new();
        let worker_controller = controller.clone();
        let stream = worker::batched(move |sender| {
            worker::worker(paths, engine, &worker_controller, &sender)
        });
        let (task, abort) = Task::run(stream, Message::Events).abortable();
        (Scan::waiting(controller, Some(abort.abort_on_drop())), task)
    }

    /// A scan that waits for events (the worker is elsewhere; also used by tests).
    pub fn waiting(controller: Controller, abort: Option<Handle>) -> Scan {
        Scan {
            total: None,
            items: Vec::new(),
            risky: 0,
            problems: Vec::new(),
            faces_problem: None,
            engine: None,
            cancelled: false,
            finished: false,
            listed: Vec::new(),
            cursor: 0,
            waiting: VecDeque::new(),
            offset: 0.0,
            controller,
            abort,
        }
    }

    /// The tiles of the grid, in listing order: the photos checked, then those read and waiting.
    #[cfg(test)]
    pub fn tiles(&self) -> impl Iterator<Item = Tile<'_>> {
        self.items
            .iter()
            .map(Tile::Checked)
            .chain(self.waiting.iter().map(Tile::Waiting))
    }

    /// The `i`-th tile.
    fn tile(&self, i: usize) -> Option<Tile<'_>> {
        match self.items.get(i) {
            Some(item) => Some(Tile::Checked(item)),
            None => self.waiting.get(i - self.items.len()).map(Tile::Waiting),
        }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Events(events) => {
                if self.finished {
                    // Stopped: what comes after is not shown (nor kept).
                    return Action::None;
                }
                for event in events {
                    self.event(event);
                }
                if self.finished {
                    self.abort = None;
                    Action::Finished
                } else {
                    Action::None
                }
            }
            Message::Cancel => {
                if self.finished {
                    return Action::None;
                }
                // The worker stops after the photos in hand; they are not waited for.
                self.cancelled = true;
                self.finished = true;
                self.controller.cancel();
                self.waiting.clear();
                self.abort = None;
                Action::Finished
            }
            Message::Scrolled(offset) => {
                self.offset = offset;
                Action::None
            }
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Listed(listed) => {
                self.total = Some(listed.len());
                self.listed = listed;
            }
            Event::Unlisted(path, why) => self.problems.push((path, why)),
            Event::Engine(Ok(engine)) => self.engine = Some(engine),
            Event::Engine(Err(why)) => self.faces_problem = Some(why),
            Event::Thumbnail(index, thumbnail) => {
                let Some(path) = self.listed.get(index) else {
                    return;
                };
                if index < self.cursor {
                    return; // already checked
                }
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string());
                let at = self.waiting.partition_point(|w| w.index < index);
                if self.waiting.get(at).is_some_and(|w| w.index == index) {
                    return;
                }
                self.waiting.insert(
                    at,
                    Waiting {
                        index,
                        name,
                        thumbnail,
                    },
                );
            }
            Event::Scanned(item) => {
                let path = &item.report.path;
                if let Some(found) = self.listed[self.cursor.min(self.listed.len())..]
                    .iter()
                    .position(|p| p == path)
                {
                    let index = self.cursor + found;
                    self.cursor = index + 1;
                    while self.waiting.front().is_some_and(|w| w.index <= index) {
                        self.waiting.pop_front();
                    }
                }
                if item.is_risky() {
                    self.risky += 1;
                }
                self.items.push(*item);
            }
            Event::Finished => self.finished = true,
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
        let stop = button(text(t("gui-scan-stop")))
            .padding([8, 22])
            .style(button::secondary)
            .on_activate_maybe((!self.finished).then_some(Message::Cancel));
        let header = style::dir_row![
            column![
                style::title("gui-scan-title"),
                text(status).size(style::BODY),
                style::quiet(ta("gui-scan-found", &[("risky", self.risky.into())])),
            ]
            .align_x(style::align_start())
            .spacing(4)
            .width(Fill),
            stop,
        ]
        .spacing(12)
        .align_y(iced::Center);
        let mut content = column![
            header,
            container(bar).width(Fill).height(10),
            style::quiet(t("gui-scan-explain")),
        ]
        .align_x(style::align_start())
        .spacing(12)
        .padding(20);
        if let Some(why) = &self.faces_problem {
            content = content.push(style::problem(ta(
                "gui-review-no-faces",
                &[("why", reasons::error(why).into())],
            )));
        }
        // Room for every photo listed from the start: the grid's height then stays the same
        // while they come (a growing grid would report a scroll, and redraw, after each batch).
        let count = (self.items.len() + self.waiting.len()).max(self.total.unwrap_or(0));
        let photos = grid::view(
            count,
            self.offset,
            move |i| match self.tile(i) {
                Some(Tile::Checked(item)) => tile::boxed(tile::content(item)).height(Fill).into(),
                Some(Tile::Waiting(w)) => tile::boxed(tile::waiting(&w.thumbnail, w.name.clone()))
                    .height(Fill)
                    .into(),
                None => iced::widget::space().into(),
            },
            Message::Scrolled,
        );
        content.push(photos).into()
    }
}

#[cfg(test)]
mod tests;
