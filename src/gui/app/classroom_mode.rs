//! Classroom mode in the app: opening it over everything in full screen, routing its keys and
//! messages, and leaving it (windowed again), or leaving it for the sample photos, which are
//! then shown still full screen and with large text (presenting) until Esc or F11.

use iced::keyboard::{key::Named, Key};
use iced::{window, Task};

use super::{App, Message, Screen};
use crate::gui::focus;
use crate::gui::screen::classroom::{self, Classroom};
use crate::gui::screen::start::{self, Start};

impl App {
    /// Opens classroom mode on its first card, over everything (the settings close), and puts
    /// the window in full screen.
    pub(super) fn open_classroom(&mut self) -> Task<Message> {
        self.settings_screen = None;
        self.presenting = false;
        self.classroom = Some(Classroom::default());
        Task::batch([window_mode(window::Mode::Fullscreen), focus::unfocus_all()])
    }

    pub(super) fn classroom_message(&mut self, message: classroom::Message) -> Task<Message> {
        let Some(classroom) = &mut self.classroom else {
            return Task::none();
        };
        match classroom.update(message) {
            classroom::Action::None => Task::none(),
            classroom::Action::Leave => {
                self.classroom = None;
                Task::batch([window_mode(window::Mode::Windowed), focus::unfocus_all()])
            }
            classroom::Action::TrySamples => {
                self.classroom = None;
                // An export being written is never dropped for the samples.
                if self.exporting() {
                    return Task::batch([
                        window_mode(window::Mode::Windowed),
                        focus::unfocus_all(),
                    ]);
                }
                // The class goes on watching: the window stays full screen, the text large.
                self.presenting = true;
                self.screen = Screen::Start(Start::default());
                Task::batch([self.start(start::Message::TrySamples), focus::unfocus_all()])
            }
        }
    }

    /// Ends showing the samples to the class (Esc or F11): the window is windowed again and the
    /// text back to the user's setting.
    pub(super) fn stop_presenting(&mut self) -> Task<Message> {
        self.presenting = false;
        window_mode(window::Mode::Windowed)
    }

    /// Classroom mode's keys: the arrows, Space and the page keys move through the cards (the
    /// arrows pointing the way reading goes), Escape and F11 leave; `None` for any other key.
    pub(super) fn classroom_key(key: &Key, right_to_left: bool) -> Option<classroom::Message> {
        use classroom::Message::{Leave, Next, Previous};
        let (left, right) = if right_to_left {
            (Next, Previous)
        } else {
            (Previous, Next)
        };
        match key {
            Key::Named(Named::ArrowRight) => Some(right),
            Key::Named(Named::ArrowLeft) => Some(left),
            Key::Named(Named::ArrowDown | Named::Space | Named::PageDown) => Some(Next),
            Key::Named(Named::ArrowUp | Named::PageUp | Named::Backspace) => Some(Previous),
            Key::Named(Named::Escape | Named::F11) => Some(Leave),
            _ => None,
        }
    }
}

/// Puts the window in `mode` (full screen for classroom mode, windowed after it).
fn window_mode(mode: window::Mode) -> Task<Message> {
    window::latest().and_then(move |id| window::set_mode(id, mode))
}
