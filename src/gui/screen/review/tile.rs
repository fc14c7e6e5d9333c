//! One photo's tile in a grid: its thumbnail, its name, what it gives away (badges) in a rounded
//! box. Shared by the review's grid and the scan screen's grid of the photos checked so far.

use iced::widget::{button, column, container, image, Column, Container};
use iced::{Background, Border, Color, ContentFit, Element, Fill, Theme};

use crate::gui::item::Item;
use crate::gui::picture;
use crate::gui::style::{self, t, text};
use crate::words::reasons;

/// The space between a tile's box and its content.
pub const PADDING: u16 = 8;

/// The tile's content for a scanned photo: thumbnail, name, why it could not be read or that
/// nothing was found, and its badges.
pub fn content<'a, M: 'a>(item: &'a Item) -> Column<'a, M> {
    let mut content = column![
        picture(item.thumbnail.as_ref().ok()),
        text(item.name()).size(style::SMALL)
    ]
    .align_x(style::align_start())
    .spacing(6);
    if let Some(e) = &item.report.error {
        content = content.push(style::quiet(reasons::error(e)));
    } else if !item.is_risky() {
        content = content.push(style::quiet(format!("✓ {}", t("gui-review-clear"))));
    }
    let badges = style::row_dir(item.badges().into_iter().map(style::badge).collect()).spacing(4);
    content.push(badges.wrap().vertical_spacing(4))
}

/// The tile's content for a photo read but not yet checked: its thumbnail, its name and
/// "Checking…".
pub fn waiting<'a, M: 'a>(thumbnail: &'a image::Handle, name: String) -> Column<'a, M> {
    column![
        picture(Some(thumbnail)),
        text(name).size(style::SMALL),
        style::quiet(t("gui-scan-checking")),
    ]
    .align_x(style::align_start())
    .spacing(6)
}

/// The thumbnail, or a cross where there is none. Thumbnails are made to fit this area, so they
/// are drawn at their own size (never rescaled while the grid scrolls); `ScaleDown` only shrinks
/// one that does not fit.
fn picture<'a, M: 'a>(thumbnail: Option<&'a image::Handle>) -> Element<'a, M> {
    let height = picture::THUMBNAIL_BOX.1 as f32;
    match thumbnail {
        Some(handle) => image(handle.clone())
            .content_fit(ContentFit::ScaleDown)
            .width(Fill)
            .height(height)
            .into(),
        None => container(text("✕").size(36))
            .center_x(Fill)
            .center_y(height)
            .into(),
    }
}

/// The box's background, text colour and border (thicker and coloured when selected).
fn look(theme: &Theme, selected: bool) -> (Background, Color, Border) {
    let p = theme.extended_palette();
    let background = if selected {
        p.primary.weak.color
    } else {
        p.background.weak.color
    };
    let border = Border {
        radius: 10.0.into(),
        width: if selected { 3.0 } else { 1.0 },
        color: if selected {
            p.primary.strong.color
        } else {
            p.background.strong.color
        },
    };
    (background.into(), p.background.base.text, border)
}

/// The style of a tile that is a button (the review's grid).
pub fn button_style(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme: &Theme, status| {
        let (background, text_color, border) = look(theme, selected);
        button::Style {
            background: Some(background),
            text_color,
            border,
            ..button::secondary(theme, status)
        }
    }
}

/// A tile that is only shown (the scan screen's grid, while photos are checked).
pub fn boxed<'a, M: 'a>(content: Column<'a, M>) -> Container<'a, M> {
    container(content)
        .padding(PADDING)
        .width(Fill)
        .style(|theme: &Theme| {
            let (background, text_color, border) = look(theme, false);
            container::Style {
                background: Some(background),
                text_color: Some(text_color),
                border,
                ..container::Style::default()
            }
        })
}
