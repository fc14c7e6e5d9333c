//! Start: choose photos or a folder (dialogs or drag and drop).

use std::path::PathBuf;

use iced::widget::{button, column, container};
use iced::{Center, Element, Fill, Task, Theme};

use crate::gui::focus::Reachable;
use crate::gui::style::{self, t, text};
use crate::gui::work;

/// The start screen's state.
#[derive(Debug, Default)]
pub struct Start {
    /// Files are being dragged over the window.
    pub hovering: bool,
    /// Paths dropped so far, waiting for the last one of the same drop.
    pub dropped: Vec<PathBuf>,
    /// Why the sample photos could not be opened, when "Try with sample photos" failed.
    pub samples_problem: Option<photoveil_core::Error>,
}

/// What happens on the start screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// "Choose photos" (also Ctrl+O).
    ChoosePhotos,
    /// "Choose folder" (also Ctrl+Shift+O).
    ChooseFolder,
    /// The dialog closed; `None` when nothing was chosen.
    Picked(Option<Vec<PathBuf>>),
    /// Files are dragged over the window.
    Hovered,
    /// The drag left the window.
    HoverLeft,
    /// One path of a drop arrived.
    Dropped(PathBuf),
    /// No more paths of this drop are coming.
    DropSettled,
    /// "Check an account export…".
    ChooseExport,
    /// "…or an unpacked export folder".
    ChooseExportFolder,
    /// The export dialog closed; `None` when nothing was chosen.
    PickedExport(Option<PathBuf>),
    /// Open the settings.
    OpenSettings,
    /// "Try with sample photos": scan the built-in demo set (public-domain pictures with
    /// made-up metadata), for a first look or a workshop without one's own photos.
    TrySamples,
}

/// What the app should do next.
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task of this screen.
    Run(Task<Message>),
    /// Scan these paths.
    Scan(Vec<PathBuf>),
    /// Audit this account export.
    Audit(PathBuf),
    /// Show the settings.
    OpenSettings,
}

impl Start {
    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::ChoosePhotos => Action::Run(Task::perform(
                async {
                    rfd::AsyncFileDialog::new()
                        .set_title(t("gui-dialog-photos"))
                        .add_filter(
                            t("gui-dialog-filter-photos"),
                            &[
                                "jpg", "jpeg", "png", "webp", "tif", "tiff", "heic", "heif",
                                "avif", "dng", "gif", "bmp", "jxl", "jp2", "JPG", "JPEG", "PNG",
                                "HEIC", "GIF", "BMP",
                            ],
                        )
                        .pick_files()
                        .await
                        .map(|files| files.iter().map(|f| f.path().to_path_buf()).collect())
                },
                Message::Picked,
            )),
            Message::ChooseFolder => Action::Run(Task::perform(
                async {
                    rfd::AsyncFileDialog::new()
                        .set_title(t("gui-dialog-folder"))
                        .pick_folder()
                        .await
                        .map(|f| vec![f.path().to_path_buf()])
                },
                Message::Picked,
            )),
            Message::Picked(Some(paths)) if !paths.is_empty() => Action::Scan(paths),
            Message::Picked(_) => Action::None,
            Message::Hovered => {
                self.hovering = true;
                Action::None
            }
            Message::HoverLeft => {
                self.hovering = false;
                Action::None
            }
            Message::Dropped(path) => {
                self.hovering = false;
                self.dropped.push(path);
                // A drop of several files arrives as one event per file: wait a moment for the rest.
                if self.dropped.len() == 1 {
                    Action::Run(Task::perform(
                        work::blocking(|| {
                            std::thread::sleep(std::time::Duration::from_millis(150))
                        }),
                        |_| Message::DropSettled,
                    ))
                } else {
                    Action::None
                }
            }
            Message::DropSettled => {
                let paths = std::mem::take(&mut self.dropped);
                if paths.is_empty() {
                    Action::None
                } else {
                    Action::Scan(paths)
                }
            }
            Message::ChooseExport => Action::Run(Task::perform(
                async {
                    rfd::AsyncFileDialog::new()
                        .set_title(t("gui-dialog-export"))
                        .add_filter(t("gui-dialog-filter-export"), &["zip", "ZIP"])
                        .pick_file()
                        .await
                        .map(|f| f.path().to_path_buf())
                },
                Message::PickedExport,
            )),
            Message::ChooseExportFolder => Action::Run(crate::gui::dialogs::folder(
                "gui-dialog-export-folder-audit",
                Message::PickedExport,
            )),
            Message::PickedExport(Some(export)) => Action::Audit(export),
            Message::PickedExport(None) => Action::None,
            Message::OpenSettings => Action::OpenSettings,
            Message::TrySamples => self.samples(photoveil_core::demo::demo_photos()),
        }
    }

    /// Scans the sample photos `found`, or keeps why they could not be listed for the screen.
    fn samples(&mut self, found: Result<Vec<PathBuf>, photoveil_core::Error>) -> Action {
        match found {
            Ok(photos) if !photos.is_empty() => {
                self.samples_problem = None;
                Action::Scan(photos)
            }
            Ok(_) => {
                self.samples_problem = Some(photoveil_core::Error::NotAnImage);
                Action::None
            }
            Err(e) => {
                self.samples_problem = Some(e);
                Action::None
            }
        }
    }

    /// Draws the screen.
    pub fn view(&self) -> Element<'_, Message> {
        let big = |label: String| {
            // Centred by a container: centring right-to-left text inside a wide text box
            // shifts it out of the button.
            button(container(text(label).size(20)).center_x(Fill))
                .padding([16, 28])
                .width(260)
        };
        let hovering = self.hovering;
        let drop_zone = container(
            column![
                text("⬇").size(32),
                text(t("gui-start-drop")).size(style::BODY),
            ]
            .spacing(6)
            .align_x(Center),
        )
        .padding(28)
        .width(560)
        .center_x(560)
        .style(move |theme: &Theme| {
            let p = theme.extended_palette();
            container::Style {
                background: Some(
                    if hovering {
                        p.primary.weak.color
                    } else {
                        p.background.weak.color
                    }
                    .into(),
                ),
                border: iced::Border {
                    radius: 14.0.into(),
                    width: 2.0,
                    color: if hovering {
                        p.primary.strong.color
                    } else {
                        p.background.strong.color
                    },
                },
                ..container::Style::default()
            }
        });
        let content = column![
            text(t("gui-app-name")).size(40),
            text(t("gui-start-what")).size(18).align_x(Center),
            style::quiet(t("gui-start-private")).size(style::BODY),
            style::dir_row![
                big(t("gui-start-choose-photos"))
                    .style(style::primary_button)
                    .on_activate(Message::ChoosePhotos),
                big(t("gui-start-choose-folder"))
                    .style(button::secondary)
                    .on_activate(Message::ChooseFolder),
            ]
            .spacing(20),
            drop_zone,
            style::dir_row![
                button(text(t("gui-start-check-export")).size(style::BODY))
                    .style(button::secondary)
                    .on_activate(Message::ChooseExport),
                button(text(t("gui-start-check-export-folder")).size(style::BODY))
                    .style(button::text)
                    .on_activate(Message::ChooseExportFolder),
            ]
            .spacing(8),
            button(text(t("gui-start-try-samples")).size(style::BODY))
                .style(button::secondary)
                .on_activate(Message::TrySamples),
            style::quiet(t("gui-start-shortcuts")),
        ]
        .spacing(22)
        .align_x(Center)
        .max_width(760);
        let top = style::dir_row![
            iced::widget::space::horizontal(),
            button(text(t("gui-settings")))
                .style(button::text)
                .on_activate(Message::OpenSettings)
        ];
        let content = match &self.samples_problem {
            Some(e) => content.push(style::problem(crate::gui::style::ta(
                "gui-start-samples-failed",
                &[("why", crate::words::reasons::error(e).into())],
            ))),
            None => content,
        };
        column![top, container(content).center(Fill)]
            .padding(20)
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_are_gathered_into_one_scan() {
        let mut start = Start::default();
        start.update(Message::Hovered);
        assert!(start.hovering);
        assert!(matches!(
            start.update(Message::Dropped("a.jpg".into())),
            Action::Run(_)
        ));
        assert!(!start.hovering);
        assert!(matches!(
            start.update(Message::Dropped("b.jpg".into())),
            Action::None
        ));
        match start.update(Message::DropSettled) {
            Action::Scan(paths) => assert_eq!(paths, vec![PathBuf::from("a.jpg"), "b.jpg".into()]),
            _ => panic!("a scan should start"),
        }
        assert!(matches!(start.update(Message::DropSettled), Action::None));
    }

    #[test]
    fn sample_photos_are_scanned_and_a_missing_set_is_said() {
        let mut start = Start::default();
        match start.update(Message::TrySamples) {
            Action::Scan(paths) => {
                assert!(paths.len() >= 2, "{paths:?}");
                for path in &paths {
                    assert!(photoveil_core::scan_file(path).error.is_none(), "{path:?}");
                }
            }
            _ => panic!("the sample photos should be scanned"),
        }
        assert!(start.samples_problem.is_none());
        let missing = photoveil_core::demo::demo_photos_in(std::path::Path::new("/no/such/demo"));
        assert!(matches!(start.samples(missing), Action::None));
        assert!(matches!(
            start.samples_problem,
            Some(photoveil_core::Error::Read(_))
        ));
        let _ = start.view();
        assert!(matches!(start.samples(Ok(Vec::new())), Action::None));
    }

    /// Renders the start screen with the software renderer into
    /// `$PHOTOVEIL_SNAPSHOT_DIR/start-tiny-skia.png`, for a person to look at.
    #[test]
    #[ignore = "writes a picture for a person to look at"]
    fn start_snapshot() {
        let Some(dir) = std::env::var_os("PHOTOVEIL_SNAPSHOT_DIR") else {
            return;
        };
        let start = Start::default();
        let mut ui = iced_test::simulator(start.view());
        let snapshot = ui.snapshot(&iced::Theme::Light).expect("rendered");
        let path = PathBuf::from(dir).join("start.png");
        let _ = std::fs::remove_file(PathBuf::from(&path).with_file_name("start-tiny-skia.png"));
        snapshot.matches_image(&path).expect("written");
    }

    #[test]
    fn cancelled_dialog_does_nothing() {
        let mut start = Start::default();
        assert!(matches!(start.update(Message::Picked(None)), Action::None));
        assert!(matches!(
            start.update(Message::Picked(Some(vec![]))),
            Action::None
        ));
        assert!(matches!(
            start.update(Message::Picked(Some(vec!["x".into()]))),
            Action::Scan(_)
        ));
    }
}
