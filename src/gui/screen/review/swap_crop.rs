//! What a face-swap tool takes from the opened photo: beside each usable face's sentence, the
//! square the core aligns for its identity networks (`protect::networks::swap_crop`, the
//! ArcFace five-point template that swap tools use), enlarged pixel for pixel.

use std::path::Path;

use ::image::{imageops, DynamicImage};
use iced::widget::image::{FilterMethod, Handle};
use iced::widget::{container, image, Column};
use iced::{ContentFit, Element, Fill};
use photoveil_core::faces::Face;
use photoveil_core::protect::networks::swap_crop;
use photoveil_core::Error;

use crate::gui::picture;
use crate::gui::style::{self, t, text};

/// How many times larger than the network's chip a square is drawn (112 px shown as 224).
pub const ZOOM: u32 = 2;

/// The aligned square of each usable face of the photo at `path` (its faces as scanned), each
/// pixel enlarged to a [`ZOOM`] × [`ZOOM`] block; faces that cannot be aligned are left out.
pub fn crops(path: &Path, faces: &[Face]) -> Result<Vec<Handle>, Error> {
    let usable: Vec<&Face> = faces.iter().filter(|f| f.usable).collect();
    if usable.is_empty() {
        return Ok(Vec::new());
    }
    let photo = picture::load_displayed(path)?.to_rgb8();
    Ok(usable
        .into_iter()
        .filter_map(|face| swap_crop(&photo, face))
        .map(|crop| enlarged(crop, ZOOM))
        .collect())
}

/// A square as shown: each pixel of `crop` enlarged to a `zoom` × `zoom` block.
pub fn enlarged(crop: ::image::RgbImage, zoom: u32) -> Handle {
    let rgba = DynamicImage::ImageRgb8(crop).to_rgba8();
    let (w, h) = rgba.dimensions();
    let shown = imageops::resize(&rgba, w * zoom, h * zoom, imageops::FilterType::Nearest);
    picture::handle(shown)
}

/// Each square beside the sentence that says what it is; `None` when there is none.
pub fn panel<'a, M: 'a>(crops: &[Handle]) -> Option<Element<'a, M>> {
    if crops.is_empty() {
        return None;
    }
    let mut list = Column::new().align_x(style::align_start()).spacing(10);
    for handle in crops {
        let square = container(
            image(handle.clone())
                .content_fit(ContentFit::None)
                .filter_method(FilterMethod::Nearest),
        )
        .padding(2)
        .style(container::bordered_box);
        list = list.push(
            style::dir_row![square, text(t("gui-review-swap-crop")).width(Fill)]
                .spacing(12)
                .align_y(iced::Alignment::Center),
        );
    }
    Some(list.into())
}
