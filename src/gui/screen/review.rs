//! Review: a grid of the scanned photos with risk badges; one photo large with its faces
//! outlined, the square a face-swap tool cuts out of each usable face, and its findings in plain
//! words.

use iced::widget::{button, checkbox, column, container, grid, image, scrollable, Column};
use iced::{ContentFit, Element, Fill, Length, Task};
use photoveil_core::{Error, Explanation, Finding};

use std::path::PathBuf;

use photoveil_core::report::PhotoEntry;

use crate::gui::focus::{self, Reachable};
use crate::gui::item::Item;
use crate::gui::map_view;
use crate::gui::picture;
use crate::gui::style::{self, t, ta, text};
use crate::gui::work;
use crate::words::reasons;

/// What happens on the review screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// "Show only photos that give something away".
    OnlyRisky(bool),
    /// A photo in the grid was clicked.
    Select(usize),
    /// The large view of a photo is ready (or why it is not).
    PreviewReady(usize, Result<image::Handle, Error>),
    /// The aligned squares of a photo's usable faces are ready (or why they are not).
    CropsReady(usize, Result<Vec<image::Handle>, Error>),
    /// Close the large view (also Esc).
    CloseDetail,
    /// Go on to the protection options (also Ctrl+E).
    Next,
    /// Choose other photos.
    StartOver,
    /// "Include the pictures" in the report.
    ReportThumbnails(bool),
    /// "Save report…": ask where.
    SaveReport,
    /// Where to save the report (`None`: the dialog was cancelled).
    ReportTarget(Option<PathBuf>),
    /// The report was written (to this file) or why not.
    ReportSaved(Result<PathBuf, Error>),
}

/// What the app should do next.
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task of this screen.
    Run(Task<Message>),
    /// Go to the protection options, showing this photo (the one opened last) before and after.
    Protect(Option<usize>),
    /// Back to the start.
    StartOver,
}

/// The review screen's state (the photos themselves belong to the app).
#[derive(Debug, Default)]
pub struct Review {
    /// Show only photos that give something away.
    pub only_risky: bool,
    /// The photo shown large.
    pub selected: Option<usize>,
    /// The photo opened last (still known once its large view is closed).
    pub last_opened: Option<usize>,
    /// Its large view, once made.
    pub preview: Option<Result<image::Handle, Error>>,
    /// What a face-swap tool takes from it: the aligned square of each usable face, once made
    /// (empty while they are made and when it has none).
    pub crops: Vec<image::Handle>,
    /// Leave the pictures out of the workshop report.
    pub report_without_pictures: bool,
    /// A report is being written.
    pub saving_report: bool,
    /// The last report written, or why it could not be.
    pub report: Option<Result<PathBuf, Error>>,
}

/// The name the save dialog proposes for a report.
const REPORT_FILE_NAME: &str = "photoveil-report.html";

/// Writes the workshop report of `entries` to `path` (thumbnails made from the photos when
/// wanted); the file, or why it could not be written.
fn save_report(
    path: PathBuf,
    entries: Vec<PhotoEntry>,
    thumbnails: bool,
) -> Result<PathBuf, Error> {
    let entries: Vec<PhotoEntry> = if thumbnails {
        entries
            .into_iter()
            .map(PhotoEntry::with_thumbnail_from_file)
            .collect()
    } else {
        entries
    };
    let options = crate::report::ReportOptions { thumbnails };
    crate::report::write_html_report(&path, &entries, &options).map(|()| path)
}

impl Review {
    /// The photos shown, as indices into `items`.
    pub fn visible(&self, items: &[Item]) -> Vec<usize> {
        (0..items.len())
            .filter(|&i| !self.only_risky || items[i].is_risky())
            .collect()
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, items: &[Item]) -> Action {
        match message {
            Message::OnlyRisky(on) => {
                self.only_risky = on;
                if let Some(i) = self.selected {
                    if on && !items[i].is_risky() {
                        self.selected = None;
                        self.preview = None;
                        self.crops.clear();
                    }
                }
                Action::None
            }
            Message::Select(i) => {
                let Some(item) = items.get(i) else {
                    return Action::None;
                };
                self.selected = Some(i);
                self.last_opened = Some(i);
                self.preview = None;
                self.crops.clear();
                let path = item.report.path.clone();
                let faces = item.report.faces.clone().unwrap_or_default();
                let preview = {
                    let (path, faces) = (path.clone(), faces.clone());
                    Task::perform(
                        work::blocking(move || picture::preview_with_faces(&path, &faces)),
                        move |r| Message::PreviewReady(i, r.unwrap_or(Err(Error::Cancelled))),
                    )
                };
                if item.usable_faces() == 0 {
                    return Action::Run(preview);
                }
                let crops = Task::perform(
                    work::blocking(move || swap_crop::crops(&path, &faces)),
                    move |r| Message::CropsReady(i, r.unwrap_or(Err(Error::Cancelled))),
                );
                Action::Run(Task::batch([preview, crops]))
            }
            Message::PreviewReady(i, preview) => {
                // A late answer for a photo no longer selected is dropped.
                if self.selected == Some(i) {
                    self.preview = Some(preview);
                }
                Action::None
            }
            Message::CropsReady(i, crops) => {
                // The large view already says why a photo cannot be shown.
                if self.selected == Some(i) {
                    self.crops = crops.unwrap_or_default();
                }
                Action::None
            }
            Message::CloseDetail => {
                self.selected = None;
                self.preview = None;
                self.crops.clear();
                Action::None
            }
            Message::Next => Action::Protect(self.selected.or(self.last_opened)),
            Message::StartOver => Action::StartOver,
            Message::ReportThumbnails(on) => {
                self.report_without_pictures = !on;
                Action::None
            }
            Message::SaveReport => Action::Run(crate::gui::dialogs::save_html(
                REPORT_FILE_NAME,
                Message::ReportTarget,
            )),
            Message::ReportTarget(None) => Action::None,
            Message::ReportTarget(Some(path)) => {
                self.saving_report = true;
                let entries: Vec<PhotoEntry> = items
                    .iter()
                    .map(|i| PhotoEntry::from_scan(&i.report))
                    .collect();
                let thumbnails = !self.report_without_pictures;
                Action::Run(Task::perform(
                    work::blocking(move || save_report(path, entries, thumbnails)),
                    |r| Message::ReportSaved(r.unwrap_or(Err(Error::Cancelled))),
                ))
            }
            Message::ReportSaved(result) => {
                self.saving_report = false;
                self.report = Some(result);
                Action::None
            }
        }
    }

    /// Draws the screen.
    pub fn view<'a>(
        &'a self,
        items: &'a [Item],
        problems: &'a [(std::path::PathBuf, String)],
        faces_problem: Option<&'a Error>,
    ) -> Element<'a, Message> {
        let risky = items.iter().filter(|i| i.is_risky()).count();
        let header = style::dir_row![
            column![
                style::title("gui-review-title"),
                text(ta(
                    "gui-review-summary",
                    &[("total", items.len().into()), ("risky", risky.into())]
                ))
                .size(style::BODY),
            ]
            .align_x(style::align_start())
            .spacing(4)
            .width(Fill),
            button(text(t("gui-review-start-over")))
                .style(button::secondary)
                .on_activate(Message::StartOver),
            button(text(t("gui-review-save-report")))
                .style(button::secondary)
                .on_activate_maybe(
                    (!items.is_empty() && !self.saving_report).then_some(Message::SaveReport)
                ),
            button(text(t("gui-review-next")).size(18))
                .padding([10, 22])
                .style(style::primary_button)
                .on_activate_maybe((!items.is_empty()).then_some(Message::Next)),
        ]
        .spacing(12)
        .align_y(iced::Center);

        let mut notes = column![].align_x(style::align_start()).spacing(6);
        if let Some(why) = faces_problem {
            notes = notes.push(style::problem(ta(
                "gui-review-no-faces",
                &[("why", reasons::error(why).into())],
            )));
        }
        for (path, why) in problems {
            notes = notes.push(style::problem(format!(
                "{}: {why}",
                crate::i18n::left_to_right(&path.display().to_string())
            )));
        }
        if items.is_empty() {
            notes = notes.push(text(t("gui-review-empty")).size(style::BODY));
        }

        match &self.report {
            Some(Ok(path)) => {
                notes = notes.push(
                    text(ta(
                        "gui-review-report-saved",
                        &[("file", path.display().to_string().into())],
                    ))
                    .size(style::BODY),
                );
            }
            Some(Err(why)) => {
                notes = notes.push(style::problem(ta(
                    "gui-review-report-failed",
                    &[("why", reasons::error(why).into())],
                )));
            }
            None => {}
        }

        let filter = style::dir_row![
            focus::focusable(
                checkbox(self.only_risky)
                    .label(t("gui-review-only-risky"))
                    .font(style::font())
                    .on_toggle(Message::OnlyRisky),
                Some(Message::OnlyRisky(!self.only_risky))
            ),
            focus::focusable(
                checkbox(!self.report_without_pictures)
                    .label(t("gui-review-report-pictures"))
                    .font(style::font())
                    .on_toggle(Message::ReportThumbnails),
                Some(Message::ReportThumbnails(self.report_without_pictures))
            ),
        ]
        .spacing(24);

        let cards = self
            .visible(items)
            .into_iter()
            .map(|i| self.card(i, &items[i]));
        let photos = scrollable(grid(cards).fluid(230).spacing(12).height(Length::Shrink))
            .spacing(8)
            .height(Fill);
        let left = column![filter, photos]
            .align_x(style::align_start())
            .spacing(10)
            .width(Fill);

        let body: Element<'a, Message> = match self.selected.and_then(|i| items.get(i)) {
            Some(item) => style::dir_row![left, self.detail(item)].spacing(16).into(),
            None => left.into(),
        };
        column![style::steps(1), header, notes, body]
            .align_x(style::align_start())
            .spacing(14)
            .padding(20)
            .into()
    }

    fn card<'a>(&self, index: usize, item: &'a Item) -> Element<'a, Message> {
        button(tile::content(item))
            .padding(tile::PADDING)
            .width(Fill)
            .style(tile::button_style(self.selected == Some(index)))
            .on_activate(Message::Select(index))
            .into()
    }

    fn detail<'a>(&self, item: &'a Item) -> Element<'a, Message> {
        let picture: Element<'a, Message> = match &self.preview {
            None => container(text(t("gui-loading")))
                .center_x(Fill)
                .center_y(300)
                .into(),
            Some(Ok(handle)) => image(handle.clone())
                .content_fit(ContentFit::Contain)
                .width(Fill)
                .height(360)
                .into(),
            Some(Err(why)) => style::problem(ta(
                "gui-review-cannot-show",
                &[("why", reasons::error(why).into())],
            )),
        };
        let mut lines = Column::new().align_x(style::align_start()).spacing(10);
        if let Some(e) = &item.report.error {
            lines = lines.push(style::problem(reasons::error(e)));
        }
        match &item.report.faces {
            Some(faces) if !faces.is_empty() => {
                lines = lines.push(text(ta(
                    "gui-review-faces",
                    &[
                        ("faces", faces.len().into()),
                        ("usable", item.usable_faces().into()),
                    ],
                )));
            }
            Some(_) => lines = lines.push(text(t("gui-review-no-faces-found"))),
            None => {}
        }
        if let Some(crops) = swap_crop::panel(&self.crops) {
            lines = lines.push(crops);
        }
        if let Some(map) = map_view::map_panel(&item.report.findings) {
            lines = lines.push(map);
        }
        if item.report.error.is_none() && item.report.findings.is_empty() {
            lines = lines.push(text(format!("✓ {}", t("gui-review-nothing-found"))));
        }
        for f in &item.report.findings {
            lines = lines.push(finding(f));
        }
        let panel = column![
            style::dir_row![
                text(item.name()).size(20).width(Fill),
                button(text(t("gui-close")))
                    .style(button::text)
                    .on_activate(Message::CloseDetail),
            ],
            picture,
            style::quiet(t("gui-review-box-legend")),
            scrollable(lines).spacing(8).height(Fill),
        ]
        .align_x(style::align_start())
        .spacing(10);
        style::card(panel)
            .width(Length::FillPortion(1))
            .height(Fill)
            .into()
    }
}

/// One finding in plain words: what it means, then what the file says.
fn finding<'a>(f: &Finding) -> Element<'a, Message> {
    let value = if f.explanation == Explanation::GpsPosition {
        gps_words(&f.value).unwrap_or_else(|| f.value.clone())
    } else {
        f.value.clone()
    };
    let shown: String = value.chars().take(160).collect();
    column![
        text(format!("• {}", crate::i18n::text(&f.explanation.key()))).size(style::BODY),
        style::quiet(ta("gui-review-value", &[("value", shown.into())])),
    ]
    .align_x(style::align_start())
    .spacing(2)
    .into()
}

/// "37.32 N, 121.94 W" from the scan's signed decimal degrees "37.320000, -121.940000".
pub fn gps_words(value: &str) -> Option<String> {
    let (lat, lon) = value.split_once(',')?;
    let lat: f64 = lat.trim().parse().ok()?;
    let lon: f64 = lon.trim().parse().ok()?;
    let ns = if lat >= 0.0 { "N" } else { "S" };
    let ew = if lon >= 0.0 { "E" } else { "W" };
    Some(format!("{:.2} {ns}, {:.2} {ew}", lat.abs(), lon.abs()))
}

pub(crate) mod swap_crop;
pub(crate) mod tile;

#[cfg(test)]
pub(crate) mod tests;
