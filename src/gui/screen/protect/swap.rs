//! What a face-swap tool takes after protection: beside a face's before/after, the square a
//! face-swap tool cuts out of the original and the same square of the protected copy after the
//! simulated upload the check measures (`protect::uploaded::swap_crops_after_upload`), drawn
//! pixel for pixel, with the verdict measured on that face and, on a line of its own, its figure.

use ::image::RgbImage;
use iced::widget::image::{FilterMethod, Handle};
use iced::widget::{column, container, image, Column};
use iced::{ContentFit, Element, Fill, Length};
use photoveil_core::faces::Face;
use photoveil_core::protect::networks::swap_crop;
use photoveil_core::protect::pipeline::FaceReport;
use photoveil_core::protect::uploaded::swap_crops_after_upload;
use photoveil_core::Error;

use super::preview::Comparison;
use super::Message;
use crate::gui::screen::face_words::{similarity_words, verdict_words};
use crate::gui::screen::review::swap_crop::enlarged;
use crate::gui::style::{self, t, text};

/// Side of a square drawn pixel for pixel, in logical pixels (the networks' chip).
const SIDE: f32 = 112.0;

/// One face's two squares, each pixel as the tool takes it (the networks' 112-px chip).
#[derive(Debug, Clone)]
pub struct Squares {
    /// From the original.
    pub original: Handle,
    /// From the protected copy after the simulated upload.
    pub uploaded: Handle,
}

/// The squares of each measured face of `reports`, in their order: `found` are the faces the
/// detector finds in `original` (with their landmarks; the report keeps only the box), matched
/// to a report by their box; `None` for a face that cannot be matched or aligned.
pub fn squares(
    original: &RgbImage,
    protected: &RgbImage,
    reports: &[FaceReport],
    found: &[Face],
) -> Result<Vec<Option<Squares>>, Error> {
    let matched: Vec<Option<Face>> = reports
        .iter()
        .map(|r| found.iter().find(|f| same_box(f.bbox, r.bbox)).copied())
        .collect();
    let faces: Vec<Face> = matched.iter().flatten().copied().collect();
    if faces.is_empty() || original.dimensions() != protected.dimensions() {
        return Ok(vec![None; reports.len()]);
    }
    let mut uploaded = swap_crops_after_upload(protected, &faces)?.into_iter();
    Ok(matched
        .into_iter()
        .map(|face| {
            let face = face?;
            let after = uploaded.next().flatten()?;
            let before = swap_crop(original, &face)?;
            Some(Squares {
                original: enlarged(before, 1),
                uploaded: enlarged(after, 1),
            })
        })
        .collect())
}

/// Whether two boxes are the same face's (the detector run twice on the same picture).
fn same_box(a: [f32; 4], b: [f32; 4]) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.5)
}

/// Face `index`'s squares under a heading, the original first in reading order, with the
/// measured verdict and its figure; `None` when there are none.
pub fn view<'a>(c: &'a Comparison, index: usize) -> Option<Element<'a, Message>> {
    let squares = c.squares.get(index)?.as_ref()?;
    let face = c.faces.get(index)?;
    // Pixel for pixel (112 px) where the column has room; scaled down, never up, where not.
    let square = |handle: &Handle, key: &str| {
        container(
            column![
                container(
                    image(handle.clone())
                        .content_fit(ContentFit::ScaleDown)
                        .filter_method(FilterMethod::Nearest)
                        .width(Fill),
                )
                .padding(2)
                .style(container::bordered_box),
                // Centred by a container: centring right-to-left text in its own box shifts
                // it out of the box.
                container(text(t(key)).size(style::SMALL)).center_x(Fill),
            ]
            .spacing(4)
            .align_x(iced::Center),
        )
        .max_width(SIDE + 4.0)
        .width(Length::FillPortion(1))
    };
    let block = Column::new()
        .push(text(t("gui-protect-swap-title")).size(18))
        .push(
            style::dir_row![
                square(&squares.original, "gui-protect-original"),
                square(&squares.uploaded, "gui-protect-uploaded"),
            ]
            .spacing(8),
        )
        .push(text(verdict_words(index, face, c.mode.ceiling())).size(style::BODY))
        .push(similarity_words(face).map(style::quiet))
        .push(style::quiet(t("gui-protect-swap-explain")))
        .align_x(style::align_start())
        .spacing(8);
    Some(block.into())
}

#[cfg(test)]
mod tests;
