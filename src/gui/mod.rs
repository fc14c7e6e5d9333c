//! The desktop app (iced): `photoveil` with no arguments.
//!
//! [`app`] routes between the screens in [`screen`]; each screen keeps its own state, messages,
//! `update` and `view`. Long work (scanning, exporting, previews, thumbnails) runs in the core on
//! worker threads ([`work`]) and streams progress back as messages.

mod app;
mod dialogs;
mod engine;
mod focus;
mod icon;
mod item;
mod map_view;
mod open;
mod picture;
mod screen;
mod settings;
#[cfg(test)]
mod snapshot;
mod style;
mod timing;
#[cfg(test)]
mod urdu_fit_check;
mod work;

use std::process::ExitCode;

pub use app::App;

/// The reverse-DNS application id (Wayland app id, X11 WM class, desktop file name).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub const APP_ID: &str = "org.photoveil.PhotoVeil";

/// Whether a graphical session is available to open a window on.
pub fn display_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    set("DISPLAY") || set("WAYLAND_DISPLAY")
}

/// Opens the window and runs the app until it is closed; `paths` (photos or folders) are
/// scanned at once when given.
pub fn run(paths: Vec<std::path::PathBuf>) -> ExitCode {
    let settings = settings::Settings::load();
    crate::i18n::set_language(&settings.language);
    // The bundled Korean and Urdu fonts are registered before the first frame; widgets that do
    // not take a font use the start-up language's font.
    let default_font = style::font_for(&settings.language);
    let window = iced::window::Settings {
        size: iced::Size::new(1180.0, 780.0),
        min_size: Some(iced::Size::new(720.0, 520.0)),
        icon: icon::window_icon(),
        exit_on_close_request: false,
        #[cfg(target_os = "linux")]
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: APP_ID.to_string(),
            ..Default::default()
        },
        ..Default::default()
    };
    let boot = move || {
        let mut app = App::new(settings.clone());
        let task = if paths.is_empty() {
            iced::Task::none()
        } else {
            app.scan(paths.clone())
        };
        (app, task)
    };
    let mut application = iced::application(boot, timed_update, timed_view);
    for font in crate::fonts::ALL {
        application = application.font(font.bytes);
    }
    let result = application
        .default_font(default_font)
        .title(App::title)
        .subscription(App::subscription)
        .theme(App::theme)
        .scale_factor(App::scale_factor)
        .window(window)
        .run();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("photoveil: the window could not be opened: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `App::update`, timed for the GUI benchmark when asked for (see [`timing`]).
fn timed_update(app: &mut App, message: app::Message) -> iced::Task<app::Message> {
    let _timed = timing::span("update");
    app.update(message)
}

/// `App::view`, timed for the GUI benchmark when asked for (see [`timing`]); the line's kind is
/// the screen's name.
fn timed_view(app: &App) -> iced::Element<'_, app::Message> {
    let _timed = timing::span(app.screen_name());
    app.view()
}
