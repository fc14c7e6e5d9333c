//! Pictures for the screen, made on worker threads: thumbnails for the grid, larger previews
//! with the found faces outlined, and faces close up (100 % and enlarged pixel for pixel).

use std::path::Path;

use iced::widget::image::Handle;
use image::{imageops, DynamicImage, Rgba, RgbaImage};
use photoveil_core::decode::{decode_displayed, decode_displayed_at_least};
use photoveil_core::faces::Face;
use photoveil_core::scan::read_image;
use photoveil_core::Error;

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
pub fn load_scaled(path: &Path, size: u32) -> Result<(RgbaImage, f32), Error> {
    load_within(path, size, size)
}

/// The photo as displayed (upright), scaled down to fit in `max_width` × `max_height`, and the
/// scale from the photo to it. A JPEG is decoded straight from its DCT at the smallest scale
/// that still fills the box (an eighth of a phone photo for a thumbnail).
pub fn load_within(
    path: &Path,
    max_width: u32,
    max_height: u32,
) -> Result<(RgbaImage, f32), Error> {
    let (format, data) = read_image(path)?;
    let fit = |w: u32, h: u32| {
        (max_width as f32 / w.max(1) as f32).min(max_height as f32 / h.max(1) as f32)
    };
    let reduced = decode_displayed_at_least(format, &data, fit)?;
    let (picture, _) = fit_within(&reduced.picture, max_width, max_height);
    Ok((picture, fit(reduced.full.0, reduced.full.1).min(1.0)))
}

/// The photo as displayed (upright), at full size.
pub fn load_displayed(path: &Path) -> Result<DynamicImage, Error> {
    let (format, data) = read_image(path)?;
    Ok(decode_displayed(format, &data)?.picture)
}

/// `picture` scaled down to fit in `max_width` × `max_height`, and the scale used.
pub fn fit_within(picture: &DynamicImage, max_width: u32, max_height: u32) -> (RgbaImage, f32) {
    let (w, h) = (picture.width().max(1), picture.height().max(1));
    let scale = (max_width as f32 / w as f32).min(max_height as f32 / h as f32);
    if scale >= 1.0 {
        return (picture.to_rgba8(), 1.0);
    }
    let (tw, th) = (
        ((w as f32 * scale).round() as u32).clamp(1, max_width.max(1)),
        ((h as f32 * scale).round() as u32).clamp(1, max_height.max(1)),
    );
    // `thumbnail` is a fast box filter, good enough for the screen.
    (imageops::thumbnail(picture, tw, th), scale)
}

/// An image handle for iced.
pub fn handle(picture: RgbaImage) -> Handle {
    let (w, h) = picture.dimensions();
    Handle::from_rgba(w, h, picture.into_raw())
}

/// A grid thumbnail of the photo.
pub fn thumbnail(path: &Path) -> Result<Handle, Error> {
    let (width, height) = THUMBNAIL_BOX;
    load_within(path, width, height).map(|(p, _)| handle(p))
}

/// A large view of the photo with each face outlined (thick for faces usable by face-swap tools).
pub fn preview_with_faces(path: &Path, faces: &[Face]) -> Result<Handle, Error> {
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

/// `[x, y, w, h]`: the region of a `width` × `height` picture that shows face `bbox` close up
/// at `zoom` times in at most `side` × `side` pixels (1: the face with a margin; more: the
/// middle of the face, around the eyes and nose). The region is a square moved inside the
/// picture (cut to it only when the picture is smaller); `None` when the picture is empty.
pub fn close_up_region(
    width: u32,
    height: u32,
    bbox: [f32; 4],
    zoom: u32,
    side: u32,
) -> Option<[u32; 4]> {
    let [x, y, w, h] = bbox;
    let zoom = zoom.max(1);
    let face = w.max(h).max(1.0);
    let limit = (side / zoom).max(1) as f32;
    let (side, centre_y) = if zoom == 1 {
        ((face * 1.6).max(48.0).min(limit), y + h / 2.0)
    } else {
        ((face * 1.2).max(16.0).min(limit), y + h * 0.36)
    };
    let side = side.round() as u32;
    let (rw, rh) = (side.min(width), side.min(height));
    if rw == 0 || rh == 0 {
        return None;
    }
    let place = |centre: f32, span: u32, room: u32| -> u32 {
        let start = (centre - span as f32 / 2.0).round().max(0.0) as u32;
        start.min(room - span)
    };
    Some([
        place(x + w / 2.0, rw, width),
        place(centre_y, rh, height),
        rw,
        rh,
    ])
}

/// Face `bbox` of `picture` close up at `zoom` times in at most `side` × `side` pixels
/// ([`close_up_region`]), each pixel enlarged to a `zoom` × `zoom` block (nearest neighbour:
/// the pixels are seen as they are).
pub fn close_up(picture: &RgbaImage, bbox: [f32; 4], zoom: u32, side: u32) -> Option<RgbaImage> {
    let [x, y, w, h] = close_up_region(picture.width(), picture.height(), bbox, zoom, side)?;
    let region = imageops::crop_imm(picture, x, y, w, h).to_image();
    if zoom <= 1 {
        return Some(region);
    }
    Some(imageops::resize(
        &region,
        w * zoom,
        h * zoom,
        imageops::FilterType::Nearest,
    ))
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
    fn close_ups_stay_inside_the_picture_and_enlarge_each_pixel_as_a_block() {
        // A face in the middle: a square with a margin at 100 %, the middle of it at 300 %.
        let region = close_up_region(1000, 800, [400.0, 300.0, 100.0, 120.0], 1, 400).unwrap();
        assert_eq!(region, [354, 264, 192, 192]);
        let region = close_up_region(1000, 800, [400.0, 300.0, 60.0, 60.0], 3, 400).unwrap();
        assert_eq!(region, [394, 286, 72, 72]);
        // A large face: its middle, at most `side` pixels once enlarged.
        let [_, _, w, h] =
            close_up_region(4000, 3000, [1000.0, 800.0, 900.0, 900.0], 3, 176).unwrap();
        assert_eq!((w, h), (58, 58));
        let [x, y, w, h] =
            close_up_region(1000, 800, [400.0, 300.0, 100.0, 120.0], 1, 128).unwrap();
        assert_eq!([x, y, w, h], [386, 296, 128, 128], "centred on the face");
        // At the border: moved inside, still square; in a tiny picture: cut to it.
        let [x, y, w, h] = close_up_region(300, 200, [-10.0, 150.0, 80.0, 80.0], 1, 400).unwrap();
        assert_eq!((x, w, h), (0, 128, 128));
        assert_eq!(y + h, 200);
        assert_eq!(
            close_up_region(20, 10, [0.0, 0.0, 20.0, 10.0], 1, 400),
            Some([0, 0, 20, 10])
        );
        assert_eq!(close_up_region(0, 10, [0.0, 0.0, 5.0, 5.0], 1, 400), None);

        let mut picture = RgbaImage::new(60, 60);
        for (x, y, p) in picture.enumerate_pixels_mut() {
            *p = Rgba([(x * 4) as u8, (y * 4) as u8, ((x + y) % 2 * 255) as u8, 255]);
        }
        let bbox = [20.0, 20.0, 20.0, 20.0];
        let [rx, ry, rw, rh] = close_up_region(60, 60, bbox, 3, 400).unwrap();
        let big = close_up(&picture, bbox, 3, 400).unwrap();
        assert_eq!(big.dimensions(), (rw * 3, rh * 3));
        for (x, y, p) in big.enumerate_pixels() {
            assert_eq!(*p, *picture.get_pixel(rx + x / 3, ry + y / 3), "({x}, {y})");
        }
        let same = close_up(&picture, bbox, 1, 400).unwrap();
        let [rx, ry, ..] = close_up_region(60, 60, bbox, 1, 400).unwrap();
        assert_eq!(same.get_pixel(0, 0), picture.get_pixel(rx, ry));
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
