//! Classroom mode: for a teacher in front of a class (or a parent beside a child). The window
//! goes full screen, and a short sequence of cards in large, high-contrast text says in plain
//! words what abuse rings do with posted photos and what each PhotoVeil step does about it; the
//! last card opens the sample photos. The arrow keys and Space move through the cards, Escape
//! (or F11) leaves; the app routes those keys here (see `App::key`).

use iced::widget::{button, column, container, scrollable, space, themer};
use iced::{Background, Border, Center, Color, Element, Fill, Theme};

use crate::gui::focus::Reachable;
use crate::gui::style::{self, t, ta, text};

/// The cards in order: each a title and its words (message keys).
pub const CARDS: [(&str, &str); 9] = [
    ("gui-classroom-intro-title", "gui-classroom-intro-body"),
    ("gui-classroom-collect-title", "gui-classroom-collect-body"),
    ("gui-classroom-fake-title", "gui-classroom-fake-body"),
    ("gui-classroom-scan-title", "gui-classroom-scan-body"),
    ("gui-classroom-clean-title", "gui-classroom-clean-body"),
    ("gui-classroom-protect-title", "gui-classroom-protect-body"),
    ("gui-classroom-blur-title", "gui-classroom-blur-body"),
    ("gui-classroom-audit-title", "gui-classroom-audit-body"),
    ("gui-classroom-try-title", "gui-classroom-try-body"),
];

/// Size of a card's title.
pub const TITLE: f32 = 52.0;
/// Size of a card's words.
pub const BODY: f32 = 32.0;
/// Size of the controls and the line of keys.
pub const CONTROL: f32 = 24.0;

/// The window's background in classroom mode: black.
pub const BACKGROUND: Color = Color::BLACK;
/// The words: white (21:1 on black).
pub const INK: Color = Color::WHITE;
/// The titles, the card count and the main button: a strong yellow (about 15:1 on black).
pub const ACCENT: Color = Color::from_rgb(1.0, 0.835, 0.0);

/// Where the class is in the sequence of cards.
#[derive(Debug, Default)]
pub struct Classroom {
    /// The card shown (index into [`CARDS`]).
    pub card: usize,
}

/// What happens in classroom mode.
#[derive(Debug, Clone)]
pub enum Message {
    /// The next card (→, ↓, Space, Page Down; ← in a right-to-left language).
    Next,
    /// The card before (←, ↑, Page Up, Backspace; → in a right-to-left language).
    Previous,
    /// Open the sample photos (the last card's button).
    TrySamples,
    /// Leave classroom mode (also Escape and F11).
    Leave,
}

/// What the app should do next.
#[derive(Debug, PartialEq, Eq)]
pub enum Action {
    /// Nothing more: the card changed, or stayed at an end.
    None,
    /// Leave classroom mode.
    Leave,
    /// Leave classroom mode and open the sample photos.
    TrySamples,
}

impl Classroom {
    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Next => {
                self.card = (self.card + 1).min(CARDS.len() - 1);
                Action::None
            }
            Message::Previous => {
                self.card = self.card.saturating_sub(1);
                Action::None
            }
            Message::TrySamples => Action::TrySamples,
            Message::Leave => Action::Leave,
        }
    }

    /// Whether the last card (the one with the sample photos) is shown.
    pub fn at_end(&self) -> bool {
        self.card + 1 >= CARDS.len()
    }

    /// Draws the card in the classroom's own high-contrast theme, whatever the app's theme; the
    /// text is as large as the window allows (see [`fit`]).
    pub fn view(&self) -> Element<'_, Message> {
        themer(
            Some(theme()),
            iced::widget::responsive(move |room| self.page(fit(room))),
        )
        .into()
    }

    /// The card with its text sizes multiplied by `scale`.
    fn page(&self, scale: f32) -> Element<'_, Message> {
        let (title_size, body_size, control) = (TITLE * scale, BODY * scale, CONTROL * scale);
        let (title, body) = CARDS[self.card.min(CARDS.len() - 1)];
        let count = text(ta(
            "gui-classroom-count",
            &[("n", (self.card + 1).into()), ("total", CARDS.len().into())],
        ))
        .size(control)
        .color(ACCENT);
        let top = style::dir_row![
            count,
            space::horizontal(),
            button(text(t("gui-classroom-leave")).size(control))
                .padding([10, 22])
                .style(secondary)
                .on_activate(Message::Leave),
        ]
        .align_y(Center);
        // Placed by containers, not by the texts' own alignment: aligning right-to-left text to
        // the right inside a wide text box pushes it out of the box.
        let start = |content: iced::widget::Text<'static>| {
            container(content).width(Fill).align_x(style::align_start())
        };
        let mut card = column![
            start(text(t(title)).size(title_size).color(ACCENT)),
            start(text(t(body)).size(body_size)),
        ]
        .spacing(28)
        .max_width(1200)
        .align_x(style::align_start());
        if self.at_end() {
            card = card.push(
                button(text(t("gui-start-try-samples")).size(title_size * 0.7))
                    .padding([18, 36])
                    .style(primary)
                    .on_activate(Message::TrySamples),
            );
        }
        let (back, forward) = if style::rtl() {
            ('→', '←')
        } else {
            ('←', '→')
        };
        let previous =
            button(text(format!("{back} {}", t("gui-classroom-previous"))).size(control))
                .padding([12, 26])
                .style(secondary)
                .on_activate_maybe((self.card > 0).then_some(Message::Previous));
        let next = button(text(format!("{} {forward}", t("gui-classroom-next"))).size(control))
            .padding([12, 26])
            .style(primary)
            .on_activate_maybe((!self.at_end()).then_some(Message::Next));
        let bottom = style::dir_row![
            previous,
            container(text(t("gui-classroom-keys")).size(control * 0.8)).center_x(Fill),
            next,
        ]
        .spacing(20)
        .align_y(Center);
        let content = column![
            top,
            container(scrollable(container(card).center_x(Fill)).spacing(8))
                .center_y(Fill)
                .width(Fill),
            bottom,
        ]
        .spacing(24)
        .padding([36.0 * scale, 56.0 * scale]);
        let page = container(content)
            .width(Fill)
            .height(Fill)
            .style(|_: &Theme| container::Style {
                background: Some(Background::Color(BACKGROUND)),
                text_color: Some(INK),
                ..container::Style::default()
            });
        page.into()
    }
}

/// How much of the full text size fits `room`: 1 from a 1366 × 768 window up (a projector's),
/// less in a smaller one (or with the app's large text on), never below 0.7.
pub fn fit(room: iced::Size) -> f32 {
    (room.width / 1366.0)
        .min(room.height / 768.0)
        .clamp(0.7, 1.0)
}

/// The classroom's theme: white on black with a yellow accent, so that the focus ring (the text
/// colour) and every control stand out on a projector.
pub fn theme() -> Theme {
    Theme::custom(
        "PhotoVeil classroom",
        iced::theme::Palette {
            background: BACKGROUND,
            text: INK,
            primary: ACCENT,
            success: Color::from_rgb(0.3, 0.85, 0.4),
            warning: ACCENT,
            danger: Color::from_rgb(1.0, 0.45, 0.4),
        },
    )
}

/// The main button: black words on the yellow accent, with a white edge.
fn primary(_: &Theme, status: button::Status) -> button::Style {
    let background = match status {
        button::Status::Disabled => BACKGROUND,
        button::Status::Hovered | button::Status::Pressed => INK,
        button::Status::Active => ACCENT,
    };
    button::Style {
        background: Some(Background::Color(background)),
        text_color: if status == button::Status::Disabled {
            dimmed()
        } else {
            BACKGROUND
        },
        border: edge(if status == button::Status::Disabled {
            dimmed()
        } else {
            INK
        }),
        ..button::Style::default()
    }
}

/// The other buttons: white words with a white edge on black.
fn secondary(_: &Theme, status: button::Status) -> button::Style {
    let (background, ink) = match status {
        button::Status::Disabled => (BACKGROUND, dimmed()),
        button::Status::Hovered | button::Status::Pressed => (INK, BACKGROUND),
        button::Status::Active => (BACKGROUND, INK),
    };
    button::Style {
        background: Some(Background::Color(background)),
        text_color: ink,
        border: edge(if status == button::Status::Disabled {
            dimmed()
        } else {
            INK
        }),
        ..button::Style::default()
    }
}

/// A button that cannot be pressed at this card (the first card has no "back"): grey, still
/// readable (about 7:1 on black).
fn dimmed() -> Color {
    Color::from_rgb(0.62, 0.62, 0.62)
}

/// A button's edge.
fn edge(color: Color) -> Border {
    Border {
        radius: 10.0.into(),
        width: 2.0,
        color,
    }
}

#[cfg(test)]
mod tests;
