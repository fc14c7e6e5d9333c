//! Protect: what to do with the photos (metadata always removed; faces cloaked at a strength or
//! blurred), a before/after view of one photo with its measured quality and face results, and the
//! export folder.

use std::path::PathBuf;

use iced::task::Handle;
use iced::widget::{button, column, container, image, radio, scrollable, Column};
use iced::{ContentFit, Element, Fill, Length, Task};
use photoveil_core::protect::pipeline::{protect_file, FaceReport};
use photoveil_core::Controller;

use crate::cli::reasons;
use crate::gui::engine::{self, SharedEngine};
use crate::gui::focus::{self, Reachable};
use crate::gui::item::Item;
use crate::gui::picture;
use crate::gui::screen::export::{face_words, protect_options, Job, Plan};
use crate::gui::settings::FaceMode;
use crate::gui::style::{self, t, ta, text};
use crate::gui::work;

/// One photo before and after protection, as measured.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The mode it was made with.
    pub mode: FaceMode,
    /// The original, scaled to fit.
    pub before: image::Handle,
    /// The protected copy, scaled the same way.
    pub after: image::Handle,
    /// The largest face at 100 %, before and after.
    pub zoom: Option<(image::Handle, image::Handle)>,
    /// Peak signal-to-noise ratio of the copy against the original, in dB.
    pub psnr: Option<f64>,
    /// Each face, as measured.
    pub faces: Vec<FaceReport>,
}

/// A finished before/after view with the models it loaded, or why it failed.
pub type PreviewResult = Result<(Comparison, SharedEngine), String>;

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
    /// Show the face at 100 % instead of the whole photo.
    Zoom(bool),
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
    Failed(String),
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
    /// Showing the face at 100 %.
    pub zoom: bool,
    /// Where the copies go.
    pub out_dir: Option<PathBuf>,
    /// The folder was just chosen for an export: start it.
    export_after_pick: bool,
    engine: Option<SharedEngine>,
    controller: Controller,
    abort: Option<Handle>,
}

impl Protect {
    /// The screen for `items`, with the defaults from the settings.
    pub fn new(
        items: &[Item],
        mode: FaceMode,
        jpeg_quality: u8,
        out_dir: Option<PathBuf>,
        engine: Option<SharedEngine>,
    ) -> Protect {
        let sample = samples(items).first().copied();
        Protect {
            mode,
            jpeg_quality,
            sample,
            preview: Preview::None,
            show_after: true,
            zoom: false,
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
                .map(|i| Job {
                    path: i.report.path.clone(),
                    has_faces: i.faces() > 0,
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
                self.stop_preview();
                self.preview = Preview::None;
                Action::None
            }
            Message::MakePreview => {
                let Some(index) = self.sample else {
                    return Action::None;
                };
                self.stop_preview();
                self.controller = Controller::new();
                self.preview = Preview::Working;
                let path = items[index].report.path.clone();
                let (mode, quality, engine) = (self.mode, self.jpeg_quality, self.engine.clone());
                let controller = self.controller.clone();
                let (task, handle) = Task::perform(
                    work::blocking(move || compare(&path, mode, quality, engine, &controller)),
                    |r| {
                        Message::PreviewReady(Box::new(
                            r.unwrap_or_else(|| Err(String::from("stopped"))),
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
            Message::Zoom(zoom) => {
                self.zoom = zoom;
                Action::None
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

        let left = style::card(scrollable(options))
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
            Preview::Failed(why) => column![style::problem(why.clone()), make]
                .align_x(style::align_start())
                .spacing(12)
                .into(),
            Preview::Ready(c) => self.comparison_view(c),
        };
        column![head, body]
            .align_x(style::align_start())
            .spacing(12)
            .into()
    }

    fn comparison_view<'a>(&'a self, c: &'a Comparison) -> Element<'a, Message> {
        let (picture, fit) = match (&c.zoom, self.zoom) {
            (Some((before, after)), true) => (
                if self.show_after { after } else { before },
                ContentFit::None,
            ),
            _ => (
                if self.show_after { &c.after } else { &c.before },
                ContentFit::Contain,
            ),
        };
        let toggle = |label: String, on: bool, message: Message| {
            button(text(label))
                .style(if on {
                    style::primary_button
                } else {
                    button::secondary
                })
                .on_activate(message)
        };
        let mut controls = style::dir_row![
            toggle(
                t("gui-protect-before"),
                !self.show_after,
                Message::ShowAfter(false)
            ),
            toggle(
                t("gui-protect-after"),
                self.show_after,
                Message::ShowAfter(true)
            ),
        ]
        .spacing(6);
        if c.zoom.is_some() {
            controls = controls.push(toggle(
                t("gui-protect-zoom"),
                self.zoom,
                Message::Zoom(!self.zoom),
            ));
        }
        let psnr = match c.psnr {
            Some(p) => ta("gui-protect-psnr", &[("db", format!("{p:.1}").into())]),
            None => t("gui-protect-psnr-identical"),
        };
        let mut facts = column![text(psnr), style::quiet(t("gui-protect-psnr-explain"))]
            .align_x(style::align_start())
            .spacing(4);
        for (i, face) in c.faces.iter().enumerate() {
            facts = facts.push(text(face_words(i, face)).size(style::SMALL));
        }
        if c.mode != self.mode {
            facts = facts.push(style::quiet(t("gui-protect-preview-stale")));
        }
        column![
            controls,
            container(
                image(picture.clone())
                    .content_fit(fit)
                    .width(Fill)
                    .height(Fill)
            )
            .height(Length::FillPortion(3)),
            scrollable(facts).height(Length::FillPortion(1)),
        ]
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

/// Protects one photo into a temporary folder and loads both versions (worker thread).
fn compare(
    path: &std::path::Path,
    mode: FaceMode,
    jpeg_quality: u8,
    engine: Option<SharedEngine>,
    controller: &Controller,
) -> Result<(Comparison, SharedEngine), String> {
    let engine = engine::get_or_load(engine)?;
    let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut options = protect_options(&Plan {
        jobs: Vec::new(),
        out_dir: temp.path().to_path_buf(),
        mode,
        jpeg_quality,
    });
    // A preview never teaches the decoy book anything.
    options.decoy_book = None;
    let report = protect_file(&engine.0, path, &options, controller);
    if let Some(e) = report.error {
        return Err(reasons::error(&e));
    }
    let output = report
        .output
        .ok_or_else(|| String::from("no copy written"))?;
    let (before, _) = picture::load_scaled(path, picture::PREVIEW_SIZE)?;
    let (after, _) = picture::load_scaled(&output, picture::PREVIEW_SIZE)?;
    let zoom = report
        .faces
        .iter()
        .max_by(|a, b| (a.bbox[2] * a.bbox[3]).total_cmp(&(b.bbox[2] * b.bbox[3])))
        .and_then(|face| {
            let b = picture::face_crop(path, face.bbox).ok()?;
            let a = picture::face_crop(&output, face.bbox).ok()?;
            Some((picture::handle(b), picture::handle(a)))
        });
    Ok((
        Comparison {
            mode,
            before: picture::handle(before),
            after: picture::handle(after),
            zoom,
            psnr: report.psnr,
            faces: report.faces,
        },
        engine,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn items() -> Vec<Item> {
        ["a.jpg", "b.jpg"]
            .iter()
            .map(|n| {
                let mut report = photoveil_core::scan_file(std::path::Path::new(n));
                report.error = None;
                Item {
                    report: Arc::new(report),
                    thumbnail: Err(String::new()),
                }
            })
            .collect()
    }

    #[test]
    fn export_asks_for_a_folder_first_then_starts() {
        let items = items();
        let mut p = Protect::new(&items, FaceMode::Blur, 85, None, None);
        assert!(matches!(p.update(Message::Export, &items), Action::Run(_)));
        match p.update(Message::FolderPicked(Some("/tmp/out".into())), &items) {
            Action::Export(plan) => {
                assert_eq!(plan.out_dir, PathBuf::from("/tmp/out"));
                assert_eq!(plan.mode, FaceMode::Blur);
                assert_eq!(plan.jpeg_quality, 85);
                assert_eq!(plan.jobs.len(), 2);
            }
            _ => panic!("the export should start once a folder is chosen"),
        }
        // With the folder known, Export starts at once; a cancelled dialog does nothing.
        assert!(matches!(
            p.update(Message::Export, &items),
            Action::Export(_)
        ));
        p.update(Message::ChooseFolder, &items);
        assert!(matches!(
            p.update(Message::FolderPicked(None), &items),
            Action::None
        ));
        assert_eq!(p.out_dir, Some(PathBuf::from("/tmp/out")));
    }

    #[test]
    fn mode_change_drops_the_preview_and_samples_cycle() {
        let items = items();
        let mut p = Protect::new(&items, FaceMode::Standard, 92, None, None);
        assert_eq!(p.sample, Some(0));
        p.preview = Preview::Failed("x".into());
        p.update(Message::Mode(FaceMode::Strong), &items);
        assert!(matches!(p.preview, Preview::None));
        assert_eq!(p.mode, FaceMode::Strong);
        p.update(Message::NextSample, &items);
        assert_eq!(p.sample, Some(1));
        p.update(Message::NextSample, &items);
        assert_eq!(p.sample, Some(0));
        assert!(matches!(p.update(Message::Back, &items), Action::Back));
    }
}
