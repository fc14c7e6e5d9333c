//! Protect: what to do with the photos (metadata always removed; faces cloaked until verified,
//! at a fixed level, or blurred), a before/after view of one photo with each face's measured
//! result (see [`faces`]), and the export folder.

mod faces;
mod preview;
mod swap;

use std::collections::BTreeMap;
use std::path::PathBuf;

use iced::task::Handle;
use iced::widget::{button, column, container, image, radio, scrollable, Column};
use iced::{ContentFit, Element, Fill, Length, Task};
use photoveil_core::Controller;

use crate::gui::engine::SharedEngine;
use crate::gui::focus::{self, Reachable};
use crate::gui::item::Item;
use crate::gui::settings::FaceMode;
use crate::gui::style::{self, t, ta, text};
use crate::gui::work::{self, Job, Plan};

pub use preview::{Comparison, PreviewResult};

/// What happens on the protect screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// A face mode was chosen.
    Mode(FaceMode),
    /// Show the next photo with faces in the before/after view.
    NextSample,
    /// Make the before/after view of the current photo.
    MakePreview,
    /// The before/after view is ready, or why not.
    PreviewReady(Box<PreviewResult>),
    /// Show the protected copy (true) or the original (false).
    ShowAfter(bool),
    /// Show the faces close up (true) or the whole photo (false).
    CloseUp(bool),
    /// Show this face close up (index, largest face first).
    Face(usize),
    /// Blur this face of the photo in view (in the preview and the export), and show the
    /// preview again.
    BlurFace(usize),
    /// Cloak this face again instead of blurring it, and show the preview again.
    UnblurFace(usize),
    /// Choose the export folder.
    ChooseFolder,
    /// The folder dialog closed.
    FolderPicked(Option<PathBuf>),
    /// Export (also Ctrl+E): asks for a folder first when none is set.
    Export,
    /// Back to the review (also Esc).
    Back,
}

/// What the app should do next.
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task of this screen.
    Run(Task<Message>),
    /// Keep the loaded models.
    EngineLoaded(SharedEngine),
    /// Start the export.
    Export(Plan),
    /// Back to the review.
    Back,
}

/// The state of the before/after view.
#[derive(Debug, Default)]
pub enum Preview {
    /// Not made yet.
    #[default]
    None,
    /// Being made.
    Working,
    /// Made.
    Ready(Box<Comparison>),
    /// It failed.
    Failed(photoveil_core::Error),
}

/// The protect screen's state.
#[derive(Debug)]
pub struct Protect {
    /// What to do with faces.
    pub mode: FaceMode,
    /// Quality of JPEG copies.
    pub jpeg_quality: u8,
    /// The photo for the before/after view (index into the items).
    pub sample: Option<usize>,
    /// The before/after view.
    pub preview: Preview,
    /// Showing the protected copy rather than the original.
    pub show_after: bool,
    /// Showing the faces close up rather than the whole photo (when it has faces).
    pub close_up: bool,
    /// The face shown close up.
    pub face: usize,
    /// The faces to blur, photo by photo, as the user chose in the before/after view.
    pub blur: BTreeMap<PathBuf, Vec<usize>>,
    /// Where the copies go.
    pub out_dir: Option<PathBuf>,
    /// The folder was just chosen for an export: start it.
    export_after_pick: bool,
    engine: Option<SharedEngine>,
    controller: Controller,
    abort: Option<Handle>,
}

impl Protect {
    /// The screen for `items`, with the defaults from the settings; the before/after view is of
    /// `selected` (the photo chosen in the review) when it can be read, else of the photo with
    /// the most usable faces.
    pub fn new(
        items: &[Item],
        selected: Option<usize>,
        mode: FaceMode,
        jpeg_quality: u8,
        out_dir: Option<PathBuf>,
        engine: Option<SharedEngine>,
    ) -> Protect {
        let readable = |&i: &usize| items.get(i).is_some_and(|i| i.report.error.is_none());
        let sample = selected
            .filter(readable)
            .or_else(|| samples(items).first().copied());
        Protect {
            mode,
            jpeg_quality,
            sample,
            preview: Preview::None,
            show_after: true,
            close_up: true,
            face: 0,
            blur: BTreeMap::new(),
            out_dir,
            export_after_pick: false,
            engine,
            controller: Controller::new(),
            abort: None,
        }
    }

    /// The plan of an export of `items` into `out_dir`.
    pub fn plan(&self, items: &[Item], out_dir: PathBuf) -> Plan {
        Plan {
            jobs: items
                .iter()
                .filter(|i| i.report.error.is_none())
                .map(|i| {
                    // Whether it has faces is the core's to find out when it is exported.
                    Job {
                        path: i.report.path.clone(),
                        blur_these: self.blur.get(&i.report.path).cloned().unwrap_or_default(),
                    }
                })
                .collect(),
            out_dir,
            mode: self.mode,
            jpeg_quality: self.jpeg_quality,
        }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, items: &[Item]) -> Action {
        match message {
            Message::Mode(mode) => {
                self.mode = mode;
                self.stop_preview();
                self.preview = Preview::None;
                Action::None
            }
            Message::NextSample => {
                let list = samples(items);
                self.sample = match self.sample.and_then(|s| list.iter().position(|&i| i == s)) {
                    Some(p) => list.get((p + 1) % list.len()).copied(),
                    None => list.first().copied(),
                };
                self.face = 0;
                self.close_up = true;
                self.stop_preview();
                self.preview = Preview::None;
                Action::None
            }
            Message::MakePreview => {
                let Some(job) = self.sample_job(items) else {
                    return Action::None;
                };
                self.stop_preview();
                self.controller = Controller::new();
                self.preview = Preview::Working;
                let (mode, quality, engine) = (self.mode, self.jpeg_quality, self.engine.clone());
                let controller = self.controller.clone();
                let (task, handle) = Task::perform(
                    work::blocking(move || {
                        preview::compare(job, mode, quality, engine, &controller)
                    }),
                    |r| {
                        Message::PreviewReady(Box::new(
                            r.unwrap_or(Err(photoveil_core::Error::Cancelled)),
                        ))
                    },
                )
                .abortable();
                self.abort = Some(handle.abort_on_drop());
                Action::Run(task)
            }
            Message::PreviewReady(result) => {
                self.abort = None;
                match *result {
                    Ok((comparison, engine)) => {
                        if self.face >= comparison.faces.len() {
                            self.face = 0;
                        }
                        self.preview = Preview::Ready(Box::new(comparison));
                        self.show_after = true;
                        if self.engine.is_none() {
                            self.engine = Some(engine.clone());
                            return Action::EngineLoaded(engine);
                        }
                    }
                    Err(why) => self.preview = Preview::Failed(why),
                }
                Action::None
            }
            Message::ShowAfter(after) => {
                self.show_after = after;
                Action::None
            }
            Message::CloseUp(on) => {
                self.close_up = on;
                Action::None
            }
            Message::Face(face) => {
                self.face = face;
                self.close_up = true;
                Action::None
            }
            Message::BlurFace(face) | Message::UnblurFace(face) => {
                let Some(path) = self
                    .sample
                    .and_then(|i| items.get(i))
                    .map(|i| &i.report.path)
                else {
                    return Action::None;
                };
                let chosen = self.blur.entry(path.clone()).or_default();
                chosen.retain(|&f| f != face);
                if matches!(message, Message::BlurFace(_)) {
                    chosen.push(face);
                    chosen.sort_unstable();
                }
                if chosen.is_empty() {
                    self.blur.remove(path);
                }
                self.face = face;
                self.update(Message::MakePreview, items)
            }
            Message::ChooseFolder => Action::Run(pick_folder()),
            Message::FolderPicked(Some(dir)) => {
                self.out_dir = Some(dir.clone());
                if std::mem::take(&mut self.export_after_pick) {
                    self.stop_preview();
                    return Action::Export(self.plan(items, dir));
                }
                Action::None
            }
            Message::FolderPicked(None) => {
                self.export_after_pick = false;
                Action::None
            }
            Message::Export => match self.out_dir.clone() {
                Some(dir) => {
                    self.stop_preview();
                    Action::Export(self.plan(items, dir))
                }
                None => {
                    self.export_after_pick = true;
                    Action::Run(pick_folder())
                }
            },
            Message::Back => {
                self.stop_preview();
                Action::Back
            }
        }
    }

    /// The photo of the before/after view as the export would do it.
    fn sample_job(&self, items: &[Item]) -> Option<Job> {
        let item = items.get(self.sample?)?;
        let path = item.report.path.clone();
        Some(Job {
            blur_these: self.blur.get(&path).cloned().unwrap_or_default(),
            path,
        })
    }

    fn stop_preview(&mut self) {
        self.controller.cancel();
        if let Some(handle) = self.abort.take() {
            handle.abort();
        }
    }

    /// Draws the screen.
    pub fn view<'a>(&'a self, items: &'a [Item]) -> Element<'a, Message> {
        let with_faces = items.iter().filter(|i| i.faces() > 0).count();
        let mut options = Column::new().align_x(style::align_start()).spacing(10);
        options = options.push(text(format!("☑ {}", t("gui-protect-metadata"))).size(18));
        options = options.push(style::quiet(t("gui-protect-metadata-explain")));
        options = options.push(text(t("gui-protect-faces")).size(18));
        for mode in FaceMode::ALL {
            options = options.push(
                focus::focusable(
                    radio(t(mode.key()), mode, Some(self.mode), Message::Mode).font(style::font()),
                    Some(Message::Mode(mode)),
                )
                .on_step(move |step| Message::Mode(focus::cycle(&FaceMode::ALL, mode, step))),
            );
            options = options.push(style::quiet(t(&format!("{}-explain", mode.key()))));
        }
        options = options.push(style::quiet(ta(
            "gui-protect-photos",
            &[("total", items.len().into()), ("faces", with_faces.into())],
        )));
        let folder = self
            .out_dir
            .as_ref()
            .map(|d| d.display().to_string())
            .unwrap_or_else(|| t("gui-protect-no-folder"));
        options = options.push(text(t("gui-protect-folder")).size(18));
        options = options.push(
            style::dir_row![
                text(folder).width(Fill),
                button(text(t("gui-protect-choose-folder")))
                    .style(button::secondary)
                    .on_activate(Message::ChooseFolder)
            ]
            .spacing(8)
            .align_y(iced::Center),
        );
        options = options.push(style::quiet(t("gui-protect-never-originals")));

        let left = style::card(scrollable(options).spacing(8))
            .width(Length::FillPortion(2))
            .height(Fill);
        let right = style::card(self.preview_view(items))
            .width(Length::FillPortion(3))
            .height(Fill);

        let header = style::dir_row![
            column![
                style::title("gui-protect-title"),
                style::quiet(t("gui-honest"))
            ]
            .align_x(style::align_start())
            .spacing(4)
            .width(Fill),
            button(text(style::back_label("gui-back")))
                .style(button::secondary)
                .on_activate(Message::Back),
            button(text(ta("gui-protect-export", &[("count", items.len().into())])).size(18))
                .padding([10, 22])
                .style(style::primary_button)
                .on_activate(Message::Export),
        ]
        .spacing(12)
        .align_y(iced::Center);
        column![
            style::steps(2),
            header,
            style::dir_row![left, right].spacing(16)
        ]
        .align_x(style::align_start())
        .spacing(14)
        .padding(20)
        .into()
    }

    fn preview_view<'a>(&'a self, items: &'a [Item]) -> Element<'a, Message> {
        let Some(index) = self.sample else {
            return text(t("gui-protect-no-sample")).into();
        };
        let name = items[index].name();
        let make = button(text(t("gui-protect-make-preview")))
            .style(style::primary_button)
            .on_activate(Message::MakePreview);
        let head = style::dir_row![
            text(ta("gui-protect-preview-of", &[("name", name.into())])).width(Fill),
            button(text(t("gui-protect-next-sample")))
                .style(button::text)
                .on_activate(Message::NextSample),
        ]
        .align_y(iced::Center);
        let body: Element<'a, Message> = match &self.preview {
            Preview::None => column![style::quiet(t("gui-protect-preview-explain")), make]
                .align_x(style::align_start())
                .spacing(12)
                .into(),
            Preview::Working => text(t("gui-protect-preview-working")).into(),
            Preview::Failed(why) => {
                column![style::problem(crate::words::reasons::error(why)), make]
                    .align_x(style::align_start())
                    .spacing(12)
                    .into()
            }
            Preview::Ready(c) => self.comparison_view(c),
        };
        column![head, body]
            .align_x(style::align_start())
            .spacing(12)
            .into()
    }

    fn comparison_view<'a>(&'a self, c: &'a Comparison) -> Element<'a, Message> {
        let close_up = self.close_up && !c.faces.is_empty();
        let toggle = |label: String, on: bool, message: Message| {
            button(text(label))
                .style(if on {
                    style::primary_button
                } else {
                    button::secondary
                })
                .on_activate(message)
        };
        let mut controls: Vec<Element<'a, Message>> = Vec::new();
        if !c.faces.is_empty() {
            controls
                .push(toggle(t("gui-protect-close-up"), close_up, Message::CloseUp(true)).into());
            controls
                .push(toggle(t("gui-protect-whole"), !close_up, Message::CloseUp(false)).into());
        }
        if !close_up {
            controls.push(
                toggle(
                    t("gui-protect-before"),
                    !self.show_after,
                    Message::ShowAfter(false),
                )
                .into(),
            );
            controls.push(
                toggle(
                    t("gui-protect-after"),
                    self.show_after,
                    Message::ShowAfter(true),
                )
                .into(),
            );
        }
        // In reading order (mirrored in Urdu), as every row of the app.
        let controls = style::row_dir(controls).spacing(6);
        let mut facts = Column::new().align_x(style::align_start()).spacing(12);
        if close_up {
            // With the face-swap squares, the verdict is the line under them.
            let squares = swap::view(c, self.face);
            let with_verdict = squares.is_none();
            facts = facts.push(squares);
            facts = facts.push(faces::words(c, self.face, with_verdict));
        } else if c.faces.is_empty() {
            facts = facts.push(text(t("gui-protect-no-faces")));
        } else {
            for i in 0..c.faces.len() {
                facts = facts.push(faces::listed(c, i));
            }
        }
        facts = facts.push(faces::check_explained(c));
        if c.mode != self.mode {
            facts = facts.push(style::quiet(t("gui-protect-preview-stale")));
        }
        let facts = scrollable(facts).spacing(6);
        let body: Element<'a, Message> = if close_up {
            let shown = column![]
                .push(faces::navigation(c, self.face))
                .push(faces::close_up(c, self.face))
                .align_x(style::align_start())
                .spacing(10);
            style::dir_row![
                container(shown).width(Length::FillPortion(3)).height(Fill),
                container(facts).width(Length::FillPortion(2)).height(Fill),
            ]
            .spacing(14)
            .into()
        } else {
            let picture = if self.show_after { &c.after } else { &c.before };
            column![
                container(
                    image(picture.clone())
                        .content_fit(ContentFit::Contain)
                        .width(Fill)
                        .height(Fill)
                )
                .height(Length::FillPortion(3)),
                container(facts).height(Length::FillPortion(2)),
            ]
            .spacing(10)
            .into()
        };
        column![controls, body]
            .align_x(style::align_start())
            .spacing(10)
            .into()
    }
}

/// Photos worth previewing: those with faces first, then the rest.
fn samples(items: &[Item]) -> Vec<usize> {
    let mut list: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].report.error.is_none())
        .collect();
    list.sort_by_key(|&i| std::cmp::Reverse((items[i].usable_faces(), items[i].faces())));
    list
}

fn pick_folder() -> Task<Message> {
    crate::gui::dialogs::folder("gui-dialog-export-folder", Message::FolderPicked)
}

#[cfg(test)]
pub(crate) mod tests;
