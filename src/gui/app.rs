//! The app: routes messages to the current screen, turns screen actions into screen changes and
//! tasks, and handles what belongs to the whole window (keyboard shortcuts, dropped files, the
//! close button, settings).

use std::path::PathBuf;

use iced::keyboard::{self, key::Named, Key};
use iced::widget::{button, center, column, container, opaque, stack};
use iced::{window, Element, Event, Subscription, Task, Theme};

use super::engine::SharedEngine;
use super::focus::{self, Reachable};
use super::item::Item;
use super::screen::audit::{self, Audit};
use super::screen::classroom::{self, Classroom};
use super::screen::export::{self, Export};
use super::screen::protect::{self, Protect};
use super::screen::review::{self, Review};
use super::screen::scan::{self, Scan};
use super::screen::settings as settings_screen;
use super::screen::start::{self, Start};
use super::settings::{Settings, ThemeChoice};
use super::style::{self, t, ta, text};

/// The screen being shown.
#[derive(Debug)]
pub enum Screen {
    /// Choose photos.
    Start(Start),
    /// Scanning them.
    Scan(Scan),
    /// The grid and findings.
    Review(Review),
    /// The protection options.
    Protect(Protect),
    /// Writing the copies.
    Export(Export),
    /// What an account export shows.
    Audit(Audit),
}

/// Everything that can happen in the app.
#[derive(Debug, Clone)]
pub enum Message {
    /// On the start screen.
    Start(start::Message),
    /// On the scan screen.
    Scan(scan::Message),
    /// On the review screen.
    Review(review::Message),
    /// On the protect screen.
    Protect(protect::Message),
    /// On the export screen.
    Export(export::Message),
    /// On the audit screen.
    Audit(audit::Message),
    /// On the settings screen.
    Settings(settings_screen::Message),
    /// In classroom mode.
    Classroom(classroom::Message),
    /// Open classroom mode (Settings, or F11).
    OpenClassroom,
    /// Leave the full screen the samples were opened in from classroom mode (also Esc, F11).
    StopPresenting,
    /// Open the settings.
    OpenSettings,
    /// A key no widget used.
    Key(keyboard::Event),
    /// Files dragged or dropped, or the close button.
    Window(window::Id, window::Event),
    /// The answer to "Stop the export and close?".
    ConfirmClose(bool),
}

/// The app's state.
#[derive(Debug)]
pub struct App {
    /// The current screen.
    pub screen: Screen,
    /// The settings screen, shown over the current screen while open.
    pub settings_screen: Option<settings_screen::Settings>,
    /// Classroom mode, shown full screen over everything while open.
    pub classroom: Option<Classroom>,
    /// Classroom mode's last card opened the sample photos: the window stays full screen, with
    /// large text, until Esc or F11.
    pub presenting: bool,
    /// The scanned photos.
    pub items: Vec<Item>,
    /// Paths that could not be listed in the last scan.
    pub problems: Vec<(PathBuf, String)>,
    /// Why faces were not looked for in the last scan.
    pub faces_problem: Option<photoveil_core::Error>,
    /// The user's settings.
    pub settings: Settings,
    /// The face models, once loaded.
    pub engine: Option<SharedEngine>,
    /// The window whose close button was pressed during an export.
    pub confirm_close: Option<window::Id>,
}

impl App {
    /// The app on its start screen.
    pub fn new(settings: Settings) -> App {
        crate::i18n::set_language(&settings.language);
        App {
            screen: Screen::Start(Start::default()),
            settings_screen: None,
            classroom: None,
            presenting: false,
            items: Vec::new(),
            problems: Vec::new(),
            faces_problem: None,
            settings,
            engine: None,
            confirm_close: None,
        }
    }

    /// The window title.
    pub fn title(&self) -> String {
        if self.classroom.is_some() {
            return format!("{} — {}", t("gui-classroom-title"), t("gui-app-name"));
        }
        let step = match &self.screen {
            Screen::Start(_) => return t("gui-app-name"),
            Screen::Scan(_) => t("gui-scan-title"),
            Screen::Review(_) => t("gui-review-title"),
            Screen::Protect(_) => t("gui-protect-title"),
            Screen::Export(_) => t("gui-export-title"),
            Screen::Audit(_) => t("gui-audit-title"),
        };
        format!("{step} — {}", t("gui-app-name"))
    }

    /// Light, dark, or `None` to follow the system.
    pub fn theme(&self) -> Option<Theme> {
        match self.settings.theme {
            ThemeChoice::System => None,
            ThemeChoice::Light => Some(Theme::Light),
            ThemeChoice::Dark => Some(Theme::Dark),
        }
    }

    /// Everything larger for projectors.
    pub fn scale_factor(&self) -> f32 {
        if self.settings.large_text || self.presenting {
            1.35
        } else {
            1.0
        }
    }

    /// Keyboard shortcuts, dropped files and the close button.
    pub fn subscription(&self) -> Subscription<Message> {
        let window_events = iced::event::listen_with(|event, _status, id| match event {
            Event::Window(
                e @ (window::Event::FileHovered(_)
                | window::Event::FileDropped(_)
                | window::Event::FilesHoveredLeft
                | window::Event::CloseRequested),
            ) => Some(Message::Window(id, e)),
            _ => None,
        });
        Subscription::batch([keyboard::listen().map(Message::Key), window_events])
    }

    /// The current screen's name, for the GUI benchmark's timings.
    pub fn screen_name(&self) -> &'static str {
        if self.classroom.is_some() {
            return "classroom";
        }
        if self.settings_screen.is_some() {
            return "settings";
        }
        match &self.screen {
            Screen::Start(_) => "start",
            Screen::Scan(_) => "scan",
            Screen::Review(_) => "review",
            Screen::Protect(_) => "protect",
            Screen::Export(_) => "export",
            Screen::Audit(_) => "audit",
        }
    }

    /// Whether copies are being written (closing asks first).
    pub fn exporting(&self) -> bool {
        matches!(&self.screen, Screen::Export(e) if e.is_running())
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Start(m) => self.start(m),
            Message::Scan(m) => {
                let Screen::Scan(scan) = &mut self.screen else {
                    return Task::none();
                };
                let action = scan.update(m);
                if let Some(engine) = scan.engine.take() {
                    self.engine = Some(engine);
                }
                match action {
                    scan::Action::None => Task::none(),
                    scan::Action::Finished => {
                        self.items = std::mem::take(&mut scan.items);
                        self.problems = std::mem::take(&mut scan.problems);
                        self.faces_problem = scan.faces_problem.take();
                        self.screen = if scan.cancelled && self.items.is_empty() {
                            Screen::Start(Start::default())
                        } else {
                            Screen::Review(Review::default())
                        };
                        Task::none()
                    }
                }
            }
            Message::Review(m) => {
                let Screen::Review(review) = &mut self.screen else {
                    return Task::none();
                };
                match review.update(m, &self.items) {
                    review::Action::None => Task::none(),
                    review::Action::Run(task) => task.map(Message::Review),
                    review::Action::Protect(selected) => {
                        self.screen = Screen::Protect(Protect::new(
                            &self.items,
                            selected,
                            self.settings.face_mode,
                            self.settings.jpeg_quality,
                            self.settings.output_folder.clone(),
                            self.engine.clone(),
                        ));
                        Task::none()
                    }
                    review::Action::StartOver => {
                        self.screen = Screen::Start(Start::default());
                        Task::none()
                    }
                }
            }
            Message::Protect(m) => {
                let Screen::Protect(protect) = &mut self.screen else {
                    return Task::none();
                };
                match protect.update(m, &self.items) {
                    protect::Action::None => Task::none(),
                    protect::Action::Run(task) => task.map(Message::Protect),
                    protect::Action::EngineLoaded(engine) => {
                        self.engine = Some(engine);
                        Task::none()
                    }
                    protect::Action::Export(plan) => {
                        let (export, task) = Export::start(plan, self.engine.clone());
                        self.screen = Screen::Export(export);
                        task.map(Message::Export)
                    }
                    protect::Action::Back => {
                        self.screen = Screen::Review(Review::default());
                        Task::none()
                    }
                }
            }
            Message::Export(m) => {
                let Screen::Export(export) = &mut self.screen else {
                    return Task::none();
                };
                match export.update(m) {
                    export::Action::None => Task::none(),
                    export::Action::EngineLoaded(engine) => {
                        self.engine = Some(engine);
                        Task::none()
                    }
                    export::Action::BackToReview => {
                        self.screen = Screen::Review(Review::default());
                        Task::none()
                    }
                    export::Action::StartOver => {
                        self.screen = Screen::Start(Start::default());
                        Task::none()
                    }
                }
            }
            Message::Audit(m) => {
                let Screen::Audit(audit) = &mut self.screen else {
                    return Task::none();
                };
                match audit.update(m) {
                    audit::Action::None => Task::none(),
                    audit::Action::Run(task) => task.map(Message::Audit),
                    audit::Action::EngineLoaded(engine) => {
                        self.engine = Some(engine);
                        Task::none()
                    }
                    audit::Action::StartOver => {
                        self.screen = Screen::Start(Start::default());
                        Task::none()
                    }
                }
            }
            Message::Settings(m) => self.settings_message(m),
            Message::Classroom(m) => self.classroom_message(m),
            Message::OpenClassroom => self.open_classroom(),
            Message::StopPresenting => self.stop_presenting(),
            Message::OpenSettings => {
                self.settings_screen = Some(settings_screen::Settings::new(self.settings.clone()));
                Task::none()
            }
            Message::Key(event) => self.key(event),
            Message::Window(id, event) => self.window_event(id, event),
            Message::ConfirmClose(true) => {
                if let Screen::Export(export) = &mut self.screen {
                    export.abort();
                }
                iced::exit()
            }
            Message::ConfirmClose(false) => {
                self.confirm_close = None;
                Task::none()
            }
        }
    }

    fn start(&mut self, message: start::Message) -> Task<Message> {
        let Screen::Start(start) = &mut self.screen else {
            return Task::none();
        };
        match start.update(message) {
            start::Action::None => Task::none(),
            start::Action::Run(task) => task.map(Message::Start),
            start::Action::Scan(paths) => self.scan(paths),
            start::Action::Audit(export) => self.audit(export),
            start::Action::OpenSettings => self.update(Message::OpenSettings),
        }
    }

    /// Starts auditing the account export at `export`.
    pub fn audit(&mut self, export: PathBuf) -> Task<Message> {
        let (audit, task) = Audit::start(export, self.engine.clone());
        self.screen = Screen::Audit(audit);
        task.map(Message::Audit)
    }

    /// Starts scanning `paths`.
    pub fn scan(&mut self, paths: Vec<PathBuf>) -> Task<Message> {
        let (scan, task) = Scan::start(paths, self.engine.clone());
        self.screen = Screen::Scan(scan);
        task.map(Message::Scan)
    }

    fn settings_message(&mut self, message: settings_screen::Message) -> Task<Message> {
        let Some(screen) = &mut self.settings_screen else {
            return Task::none();
        };
        match screen.update(message) {
            settings_screen::Action::None => Task::none(),
            settings_screen::Action::Run(task) => task.map(Message::Settings),
            settings_screen::Action::Changed(values) => {
                if values.language != self.settings.language {
                    crate::i18n::set_language(&values.language);
                }
                screen.save_error = values.save().err().map(|e| e.to_string());
                self.settings = values;
                Task::none()
            }
            settings_screen::Action::Close => {
                self.settings_screen = None;
                Task::none()
            }
            settings_screen::Action::OpenClassroom => self.open_classroom(),
        }
    }

    fn key(&mut self, event: keyboard::Event) -> Task<Message> {
        let keyboard::Event::KeyPressed { key, modifiers, .. } = event else {
            return Task::none();
        };
        let letter = match key.as_ref() {
            Key::Character(c) => Some(c.to_lowercase()),
            _ => None,
        };
        if key == Key::Named(Named::Tab) && !modifiers.command() && !modifiers.alt() {
            if self.confirm_close.is_some() {
                return focus::move_focus_within(close_dialog_id(), modifiers.shift());
            }
            return focus::move_focus(modifiers.shift());
        }
        if self.confirm_close.is_some() {
            return match key {
                Key::Named(Named::Escape) => self.update(Message::ConfirmClose(false)),
                _ => Task::none(),
            };
        }
        if self.classroom.is_some() {
            return match App::classroom_key(&key, style::rtl()) {
                Some(m) if !modifiers.command() && !modifiers.alt() => {
                    self.update(Message::Classroom(m))
                }
                _ => Task::none(),
            };
        }
        if key == Key::Named(Named::F11) {
            if self.presenting {
                return self.stop_presenting();
            }
            return self.update(Message::OpenClassroom);
        }
        if self.settings_screen.is_some() {
            return match key {
                Key::Named(Named::Escape) => {
                    self.update(Message::Settings(settings_screen::Message::Close))
                }
                _ => Task::none(),
            };
        }
        if self.presenting && key == Key::Named(Named::Escape) {
            return self.stop_presenting();
        }
        let command = modifiers.command();
        match (letter.as_deref(), &key) {
            (Some("o"), _) if command => {
                if matches!(self.screen, Screen::Review(_)) {
                    self.screen = Screen::Start(Start::default());
                }
                let message = if modifiers.shift() {
                    start::Message::ChooseFolder
                } else {
                    start::Message::ChoosePhotos
                };
                self.update(Message::Start(message))
            }
            (Some("e"), _) if command => match &self.screen {
                Screen::Review(_) => self.update(Message::Review(review::Message::Next)),
                Screen::Protect(_) => self.update(Message::Protect(protect::Message::Export)),
                _ => Task::none(),
            },
            (Some(","), _) if command => self.update(Message::OpenSettings),
            (_, Key::Named(Named::Escape)) => match &self.screen {
                Screen::Scan(_) => self.update(Message::Scan(scan::Message::Cancel)),
                Screen::Export(e) if e.is_running() => {
                    self.update(Message::Export(export::Message::Cancel))
                }
                Screen::Review(r) if r.selected.is_some() => {
                    self.update(Message::Review(review::Message::CloseDetail))
                }
                Screen::Audit(a) if a.selected.is_some() => {
                    self.update(Message::Audit(audit::Message::Select(None)))
                }
                Screen::Protect(_) => self.update(Message::Protect(protect::Message::Back)),
                _ => Task::none(),
            },
            _ => Task::none(),
        }
    }

    fn window_event(&mut self, id: window::Id, event: window::Event) -> Task<Message> {
        match event {
            window::Event::CloseRequested => {
                if self.exporting() {
                    // The question is asked in the ordinary window, not over a card.
                    self.classroom = None;
                    self.confirm_close = Some(id);
                    // The ring leaves the controls behind the dialog; Tab then stays inside it.
                    focus::unfocus_all()
                } else {
                    iced::exit()
                }
            }
            window::Event::FileHovered(_) => self.update(Message::Start(start::Message::Hovered)),
            window::Event::FilesHoveredLeft => {
                self.update(Message::Start(start::Message::HoverLeft))
            }
            window::Event::FileDropped(path) => {
                // Dropping photos on the review starts again with them.
                if matches!(self.screen, Screen::Review(_)) {
                    self.screen = Screen::Start(Start::default());
                }
                self.update(Message::Start(start::Message::Dropped(path)))
            }
            _ => Task::none(),
        }
    }

    /// Draws the window.
    pub fn view(&self) -> Element<'_, Message> {
        if let Some(classroom) = &self.classroom {
            return classroom.view().map(Message::Classroom);
        }
        let base: Element<'_, Message> = if let Some(settings) = &self.settings_screen {
            settings.view().map(Message::Settings)
        } else {
            let screen = match &self.screen {
                Screen::Start(s) => s.view().map(Message::Start),
                Screen::Scan(s) => s.view().map(Message::Scan),
                Screen::Review(s) => s
                    .view(&self.items, &self.problems, self.faces_problem.as_ref())
                    .map(Message::Review),
                Screen::Protect(s) => s.view(&self.items).map(Message::Protect),
                Screen::Export(s) => s.view().map(Message::Export),
                Screen::Audit(s) => s.view().map(Message::Audit),
            };
            if matches!(self.screen, Screen::Start(_)) {
                screen
            } else {
                let mut bar: Vec<Element<'_, Message>> = vec![text(t("gui-app-name"))
                    .size(style::SMALL)
                    .width(iced::Fill)
                    .into()];
                if self.presenting {
                    bar.push(
                        button(text(t("gui-presenting-leave")).size(style::SMALL))
                            .style(button::secondary)
                            .on_activate(Message::StopPresenting)
                            .into(),
                    );
                }
                bar.push(
                    button(text(t("gui-settings")).size(style::SMALL))
                        .style(button::text)
                        .on_activate(Message::OpenSettings)
                        .into(),
                );
                column![
                    style::row_dir(bar)
                        .spacing(12)
                        .align_y(iced::Center)
                        .padding([4, 20]),
                    screen
                ]
                .into()
            }
        };
        if self.confirm_close.is_none() {
            return base;
        }
        let done = match &self.screen {
            Screen::Export(e) => e.outcomes.len(),
            _ => 0,
        };
        let dialog = style::card(
            column![
                text(t("gui-close-title")).size(22),
                text(ta("gui-close-body", &[("done", done.into())])),
                style::dir_row![
                    button(text(t("gui-close-keep")))
                        .style(style::primary_button)
                        .on_activate(Message::ConfirmClose(false)),
                    button(text(t("gui-close-stop")))
                        .style(style::danger_button)
                        .on_activate(Message::ConfirmClose(true)),
                ]
                .spacing(12),
            ]
            .spacing(14)
            .max_width(460),
        );
        let veil =
            container(center(container(dialog).id(close_dialog_id()))).style(|theme: &Theme| {
                container::Style {
                    background: Some(
                        theme
                            .extended_palette()
                            .background
                            .base
                            .color
                            .scale_alpha(0.8)
                            .into(),
                    ),
                    ..container::Style::default()
                }
            });
        stack![base, opaque(veil)].into()
    }
}

/// The container around the "stop the export?" dialog, inside which Tab moves the focus.
fn close_dialog_id() -> iced::widget::Id {
    iced::widget::Id::new("close-dialog")
}

mod classroom_mode;
#[cfg(test)]
mod classroom_tests;
#[cfg(test)]
mod keyboard_tests;
#[cfg(test)]
mod tests;
