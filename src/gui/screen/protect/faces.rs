//! The faces of the before/after view: one face at a time close up, the original beside the
//! protected copy at 100 % and enlarged 300 %, and each face in plain words (what the check
//! after a simulated upload found, how visible the change is) with "Blur this face" where the
//! cloak was not enough.

use iced::widget::image::FilterMethod;
use iced::widget::text::LineHeight;
use iced::widget::{button, column, container, image, responsive, scrollable, space, Column};
use iced::{ContentFit, Element, Fill};

use super::preview::{CloseUp, Comparison, Pair};
use super::Message;
use crate::gui::focus::Reachable;
use crate::gui::screen::face_words::{look_words, offer_blur, verdict_words};
use crate::gui::style::{self, t, ta, text};

/// Space between the close-ups, in pixels.
const GAP: f32 = 8.0;
/// Side of a face's small picture in the list of the whole photo, in pixels.
const THUMBNAIL: f32 = 56.0;

/// "← Previous face  Face 2 of 3  Next face →" (nothing for a photo with one face).
pub fn navigation<'a>(c: &Comparison, index: usize) -> Option<Element<'a, Message>> {
    let count = c.faces.len();
    if count < 2 {
        return None;
    }
    let (back, forward) = if style::rtl() {
        ('→', '←')
    } else {
        ('←', '→')
    };
    Some(
        style::dir_row![
            button(text(format!("{back} {}", t("gui-protect-face-previous"))))
                .style(button::secondary)
                .on_activate(Message::Face((index + count - 1) % count)),
            text(ta(
                "gui-protect-face-of",
                &[("n", (index + 1).into()), ("total", count.into())]
            )),
            button(text(format!("{} {forward}", t("gui-protect-face-next"))))
                .style(button::secondary)
                .on_activate(Message::Face((index + 1) % count)),
        ]
        .spacing(10)
        .align_y(iced::Center)
        .into(),
    )
}

/// Face `index` close up: a row at 100 % and a row enlarged, the original first in reading
/// order; the largest size that fits the room, drawn pixel for pixel.
pub fn close_up<'a>(c: &'a Comparison, index: usize) -> Element<'a, Message> {
    let Some(Some(close)) = c.close_ups.get(index) else {
        return style::quiet(t("gui-protect-no-close-up")).into();
    };
    responsive(move |room| tiles(close, room)).into()
}

/// Height of one caption line, in pixels.
fn caption_height() -> f32 {
    match style::line_height() {
        LineHeight::Relative(r) => r * style::SMALL,
        LineHeight::Absolute(p) => p.0,
    }
    .ceil()
}

/// The pair made for the largest side that fits in `side` pixels (the smallest if none).
fn fitting(pairs: &[Pair], side: f32) -> Option<&Pair> {
    pairs
        .iter()
        .rev()
        .find(|p| p.side as f32 <= side)
        .or(pairs.first())
}

/// The close-ups laid out in `room`.
fn tiles<'a>(close: &'a CloseUp, room: iced::Size) -> Element<'a, Message> {
    let caption = caption_height();
    let wide = (room.width - GAP) / 2.0;
    let high = (room.height - 3.0 * caption - 4.0 * GAP) / 2.0;
    let side = wide.min(high);
    let (Some(actual), Some(enlarged)) =
        (fitting(&close.actual, side), fitting(&close.enlarged, side))
    else {
        return space().into();
    };
    let cell = actual.side.max(enlarged.side) as f32;
    let fits = cell <= side;
    let label = |key: &str| {
        container(text(t(key)).size(style::SMALL))
            .width(cell)
            .align_x(style::align_start())
    };
    let row = |key: &str, pair: &'a Pair| {
        column![
            style::quiet(t(key)),
            style::dir_row![tile(&pair.original, cell), tile(&pair.protected, cell)].spacing(GAP),
        ]
        .align_x(style::align_start())
        .spacing(GAP / 2.0)
    };
    let content = column![
        style::dir_row![
            label("gui-protect-original"),
            label("gui-protect-protected")
        ]
        .spacing(GAP),
        row("gui-protect-at-100", actual),
        row("gui-protect-at-300", enlarged),
    ]
    .align_x(style::align_start())
    .spacing(GAP);
    if fits {
        content.into()
    } else {
        // Not even the smallest size fits (a small window, large text): scroll, never overlap.
        scrollable(content).spacing(4).into()
    }
}

/// A close-up at its own size (never rescaled), centred in a `cell` wide column.
fn tile<'a>(handle: &image::Handle, cell: f32) -> Element<'a, Message> {
    container(
        image(handle.clone())
            .content_fit(ContentFit::None)
            .filter_method(FilterMethod::Nearest),
    )
    .center_x(cell)
    .into()
}

/// Face `index` in the list of the whole photo: a small picture of it (pressing it shows the
/// face close up), then its words.
pub fn listed<'a>(c: &'a Comparison, index: usize) -> Element<'a, Message> {
    let picture = c
        .close_ups
        .get(index)
        .and_then(Option::as_ref)
        .and_then(|close| close.actual.first())
        .map(|pair| {
            button(
                image(pair.protected.clone())
                    .content_fit(ContentFit::Contain)
                    .width(THUMBNAIL)
                    .height(THUMBNAIL),
            )
            .padding(0)
            .style(button::text)
            .on_activate(Message::Face(index))
        });
    style::dir_row![picture, words(c, index, true)]
        .spacing(10)
        .into()
}

/// Face `index` in words: the verdict (unless `with_verdict` is false: the face-swap squares
/// say it), how visible the change is, and the blur choice.
pub fn words<'a>(c: &Comparison, index: usize, with_verdict: bool) -> Element<'a, Message> {
    let Some(face) = c.faces.get(index) else {
        return space().into();
    };
    let mut block = Column::new()
        .push(
            with_verdict
                .then(|| text(verdict_words(index, face, c.mode.ceiling())).size(style::BODY)),
        )
        .align_x(style::align_start())
        .spacing(6);
    if let Some(look) = look_words(face) {
        block = block.push(style::quiet(look));
    }
    if c.blurred.contains(&index) {
        block = block.push(
            button(text(t("gui-protect-unblur-face")))
                .style(button::secondary)
                .on_activate(Message::UnblurFace(index)),
        );
    } else if offer_blur(face) {
        block = block.push(
            button(text(t("gui-protect-blur-face")))
                .style(style::primary_button)
                .on_activate(Message::BlurFace(index)),
        );
    }
    block.width(Fill).into()
}

/// What the check means, in one sentence (shown where a face was cloaked).
pub fn check_explained<'a>(c: &Comparison) -> Option<Element<'a, Message>> {
    c.faces
        .iter()
        .any(|f| f.action == photoveil_core::protect::pipeline::FaceAction::Cloaked)
        .then(|| style::quiet(t("gui-protect-check-explain")).into())
}
