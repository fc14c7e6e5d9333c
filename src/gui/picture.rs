//! Pictures for the screen, made on worker threads: thumbnails for the grid, and larger
//! previews with the found faces outlined.

use crate::cli::reasons;
use std::path::Path;

use iced::widget::image::Handle;
use image::{imageops, Rgba, RgbaImage};
use photoveil_core::decode::decode_displayed;
use photoveil_core::faces::Face;
use photoveil_core::scan::read_image;

/// The box a grid thumbnail fits in, in pixels: the grid's narrowest card is wider and its
/// picture area as high, so at scale 1 a thumbnail is drawn pixel for pixel, never rescaled
/// while scrolling (rescaling every frame is the software renderer's costliest work).
pub const THUMBNAIL_BOX: (u32, u32) = (210, 140);
/// Long side of the large view and the before/after view, in pixels.
pub const PREVIEW_SIZE: u32 = 1400;

/// Colour of the outline of a face that a face-swap tool could use.
const USABLE_FACE: Rgba<u8> = Rgba([255, 170, 0, 255]);
/// Colour of the outline of other faces.
const OTHER_FACE: Rgba<u8> = Rgba([90, 170, 255, 255]);

/// The photo as displayed (upright), scaled so that its long side is at most `size`.
pub fn load_scaled(path: &Path, size: u32) -> Result<(RgbaImage, f32), String> {
    load_within(path, size, size)
}

/// The photo as displayed (upright), scaled down to fit in `max_width` × `max_height`.
pub fn load_within(
    path: &Path,
    max_width: u32,
    max_height: u32,
) -> Result<(RgbaImage, f32), String> {
    let (format, data) = read_image(path).map_err(|e| reasons::error(&e))?;
    let displayed = decode_displayed(format, &data).map_err(|e| reasons::error(&e))?;
    let picture = displayed.picture;
    let (w, h) = (picture.width().max(1), picture.height().max(1));
    let scale = (max_width as f32 / w as f32).min(max_height as f32 / h as f32);
    if scale >= 1.0 {
        return Ok((picture.to_rgba8(), 1.0));
    }
    let (tw, th) = (
        ((w as f32 * scale).round() as u32).clamp(1, max_width.max(1)),
        ((h as f32 * scale).round() as u32).clamp(1, max_height.max(1)),
    );
    // `thumbnail` is a fast box filter, good enough for the screen.
    Ok((imageops::thumbnail(&picture, tw, th), scale))
}

/// An image handle for iced.
pub fn handle(picture: RgbaImage) -> Handle {
    let (w, h) = picture.dimensions();
    Handle::from_rgba(w, h, picture.into_raw())
}

/// A grid thumbnail of the photo.
pub fn thumbnail(path: &Path) -> Result<Handle, String> {
    let (width, height) = THUMBNAIL_BOX;
    load_within(path, width, height).map(|(p, _)| handle(p))
}

/// A large view of the photo with each face outlined (thick for faces usable by face-swap tools).
pub fn preview_with_faces(path: &Path, faces: &[Face]) -> Result<Handle, String> {
    let (mut picture, scale) = load_scaled(path, PREVIEW_SIZE)?;
    let thickness = (picture.width().max(picture.height()) / 300).max(2);
    for face in faces {
        let [x, y, w, h] = face.bbox.map(|v| v * scale);
        let (colour, thick) = if face.usable {
            (USABLE_FACE, thickness * 2)
        } else {
            (OTHER_FACE, thickness)
        };
        outline(&mut picture, x, y, w, h, thick, colour);
    }
    Ok(handle(picture))
}

/// The region around a face at full resolution (100 %), at most 900 pixels on a side.
pub fn face_crop(path: &Path, bbox: [f32; 4]) -> Result<RgbaImage, String> {
    let (format, data) = read_image(path).map_err(|e| reasons::error(&e))?;
    let picture = decode_displayed(format, &data)
        .map_err(|e| reasons::error(&e))?
        .picture;
    let [x, y, w, h] = bbox;
    let margin = 0.3 * w.max(h);
    let side = (w.max(h) + 2.0 * margin).min(900.0);
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    let left = (cx - side / 2.0).max(0.0) as u32;
    let top = (cy - side / 2.0).max(0.0) as u32;
    let width = (side as u32).min(picture.width().saturating_sub(left));
    let height = (side as u32).min(picture.height().saturating_sub(top));
    if width == 0 || height == 0 {
        return Err(String::from("the face is outside the picture"));
    }
    Ok(picture.crop_imm(left, top, width, height).to_rgba8())
}

/// Draws a rectangle's outline, clipped to the picture.
fn outline(picture: &mut RgbaImage, x: f32, y: f32, w: f32, h: f32, thick: u32, c: Rgba<u8>) {
    let (pw, ph) = (picture.width() as i64, picture.height() as i64);
    let (x0, y0) = (x.round() as i64, y.round() as i64);
    let (x1, y1) = ((x + w).round() as i64, (y + h).round() as i64);
    let t = thick as i64;
    let mut fill = |ax: i64, ay: i64, bx: i64, by: i64| {
        for py in ay.max(0)..by.min(ph) {
            for px in ax.max(0)..bx.min(pw) {
                picture.put_pixel(px as u32, py as u32, c);
            }
        }
    };
    fill(x0 - t, y0 - t, x1 + t, y0);
    fill(x0 - t, y1, x1 + t, y1 + t);
    fill(x0 - t, y0, x0, y1);
    fill(x1, y0, x1 + t, y1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_stays_inside_the_picture() {
        let mut p = RgbaImage::new(20, 20);
        outline(&mut p, -5.0, 15.0, 30.0, 10.0, 2, USABLE_FACE);
        assert_eq!(*p.get_pixel(0, 13), USABLE_FACE);
        assert_eq!(*p.get_pixel(10, 10), Rgba([0, 0, 0, 0]));
    }

    #[test]
    fn scaled_to_the_long_side() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wide.png");
        image::RgbImage::new(800, 200).save(&path).unwrap();
        let (p, scale) = load_scaled(&path, 200).unwrap();
        assert_eq!(p.dimensions(), (200, 50));
        assert!((scale - 0.25).abs() < 1e-6);
        assert!(thumbnail(&dir.path().join("missing.jpg")).is_err());
    }

    #[test]
    fn thumbnails_fit_the_grid_box_on_both_sides() {
        let dir = tempfile::tempdir().unwrap();
        let (bw, bh) = THUMBNAIL_BOX;
        for (w, h, expected) in [
            (4000, 3000, (187, 140)),
            (3000, 4000, (105, 140)),
            (4000, 1000, (bw, 53)),
            (100, 80, (100, 80)),
        ] {
            let path = dir.path().join(format!("{w}x{h}.png"));
            image::RgbImage::new(w, h).save(&path).unwrap();
            let (p, _) = load_within(&path, bw, bh).unwrap();
            assert_eq!(p.dimensions(), expected, "{w}x{h}");
        }
    }
}
