//! Pictures decoded only as finely as needed: a JPEG straight from its DCT coefficients at 1/2,
//! 1/4 or 1/8 of its size (the reduced inverse DCT of `jpeg-decoder`), for the face detector
//! and thumbnails, which never need every pixel of a 12-megapixel photo. Other formats, and
//! JPEGs that decoder does not handle (CMYK, 12-bit), are decoded whole and scaled.

use std::io::Cursor;

use image::{imageops, DynamicImage, GrayImage, RgbImage};

use super::decode_displayed;
use crate::error::{Error, Result};
use crate::format::ImageFormat;
use crate::limits::{MAX_DECODE_ALLOC, MAX_PIXELS};

/// A picture as displayed (EXIF orientation applied), possibly smaller than the photo.
pub struct Reduced {
    /// The pixels, upright (with their alpha channel where the format has one).
    pub picture: DynamicImage,
    /// Width and height of the whole photo as displayed.
    pub full: (u32, u32),
}

impl Reduced {
    /// How much smaller the picture is than the photo, across and down (1 when whole).
    pub fn scale(&self) -> (f32, f32) {
        (
            self.picture.width() as f32 / self.full.0.max(1) as f32,
            self.picture.height() as f32 / self.full.1.max(1) as f32,
        )
    }
}

/// The photo as displayed, decoded at the smallest of JPEG's DCT scales (1/8, 1/4, 1/2) that
/// is at least `min_scale(width, height)` of the displayed photo, when that is less than whole;
/// else whole, as [`decode_displayed`] does (same limits).
pub fn decode_displayed_at_least(
    format: ImageFormat,
    data: &[u8],
    min_scale: impl Fn(u32, u32) -> f32,
) -> Result<Reduced> {
    if format == ImageFormat::Jpeg {
        if let Some(reduced) = reduced_jpeg(data, &min_scale)? {
            return Ok(reduced);
        }
    }
    let picture = decode_displayed(format, data)?.picture;
    let full = (picture.width(), picture.height());
    Ok(Reduced { picture, full })
}

/// The DCT scale in eighths (8 = whole, 4 = half, 2 = quarter, 1 = eighth), the smallest not
/// below `scale`.
fn eighths(scale: f32) -> u32 {
    [1, 2, 4]
        .into_iter()
        .find(|&k| k as f32 / 8.0 >= scale * 0.999)
        .unwrap_or(8)
}

/// A JPEG decoded at a reduced scale; `None` when the whole picture is needed or the reduced
/// decoder cannot give it (the caller then decodes it whole, as everywhere else).
fn reduced_jpeg(data: &[u8], min_scale: &dyn Fn(u32, u32) -> f32) -> Result<Option<Reduced>> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(data));
    if decoder.read_info().is_err() {
        return Ok(None);
    }
    let Some(info) = decoder.info() else {
        return Ok(None);
    };
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Error::TooManyPixels {
            width: width.into(),
            height: height.into(),
        });
    }
    let orientation = decoder
        .exif_data()
        .and_then(crate::meta::exif::orientation)
        .unwrap_or(1);
    // Orientations 5-8 turn the picture a quarter.
    let turned = (5..=8).contains(&orientation);
    let full = if turned {
        (height, width)
    } else {
        (width, height)
    };
    let k = eighths(min_scale(full.0, full.1));
    if k == 8 {
        return Ok(None);
    }
    let (sw, sh) = ((width * k).div_ceil(8), (height * k).div_ceil(8));
    let (Ok(rw), Ok(rh)) = (u16::try_from(sw), u16::try_from(sh)) else {
        return Ok(None);
    };
    decoder.set_max_decoding_buffer_size(usize::try_from(MAX_DECODE_ALLOC).unwrap_or(usize::MAX));
    if decoder.scale(rw, rh).is_err() {
        return Ok(None);
    }
    let pixels = match decoder.decode() {
        Ok(pixels) => pixels,
        // A damaged file fails the same way whole; let that decoder say why.
        Err(_) => return Ok(None),
    };
    let Some(info) = decoder.info() else {
        return Ok(None);
    };
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let picture = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => RgbImage::from_raw(w, h, pixels),
        jpeg_decoder::PixelFormat::L8 => {
            GrayImage::from_raw(w, h, pixels).map(|g| DynamicImage::ImageLuma8(g).to_rgb8())
        }
        _ => None,
    };
    let Some(picture) = picture else {
        return Ok(None);
    };
    let picture = DynamicImage::ImageRgb8(upright(picture, orientation));
    Ok(Some(Reduced { picture, full }))
}

/// `picture` turned and mirrored as EXIF orientation `orientation` says.
fn upright(picture: RgbImage, orientation: u16) -> RgbImage {
    match orientation {
        2 => imageops::flip_horizontal(&picture),
        3 => imageops::rotate180(&picture),
        4 => imageops::flip_vertical(&picture),
        5 => imageops::flip_horizontal(&imageops::rotate90(&picture)),
        6 => imageops::rotate90(&picture),
        7 => imageops::flip_horizontal(&imageops::rotate270(&picture)),
        8 => imageops::rotate270(&picture),
        _ => picture,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use photoveil_fixtures as fx;

    #[test]
    fn the_smallest_dct_scale_that_covers_the_request_is_chosen() {
        assert_eq!(eighths(0.2), 2);
        assert_eq!(eighths(0.25), 2);
        assert_eq!(eighths(0.26), 4);
        assert_eq!(eighths(0.5), 4);
        assert_eq!(eighths(0.6), 8);
        assert_eq!(eighths(2.0), 8);
        assert_eq!(eighths(0.05), 1);
    }

    #[test]
    fn a_reduced_jpeg_is_upright_and_looks_like_the_whole_one_scaled() {
        for orientation in [1u16, 6, 3, 8] {
            let data = fx::jpeg(
                1600,
                1200,
                fx::JpegSpec {
                    orientation: Some(orientation),
                    motion_video: false,
                    metadata: true,
                },
            );
            let whole = decode_displayed(ImageFormat::Jpeg, &data)
                .unwrap()
                .picture
                .to_rgb8();
            let reduced =
                decode_displayed_at_least(ImageFormat::Jpeg, &data, |w, h| 300.0 / w.max(h) as f32)
                    .unwrap();
            assert_eq!(
                reduced.full,
                whole.dimensions(),
                "orientation {orientation}"
            );
            let reduced_rgb = reduced.picture.to_rgb8();
            let (w, h) = reduced_rgb.dimensions();
            assert_eq!(
                (w * 4, h * 4),
                whole.dimensions(),
                "orientation {orientation}"
            );
            // The same picture: the whole one box-scaled to the reduced size differs little.
            let shrunk = imageops::thumbnail(&whole, w, h);
            let diff: f64 = shrunk
                .as_raw()
                .iter()
                .zip(reduced_rgb.as_raw())
                .map(|(a, b)| f64::from(a.abs_diff(*b)))
                .sum::<f64>()
                / shrunk.as_raw().len() as f64;
            assert!(
                diff < 12.0,
                "orientation {orientation}: mean difference {diff}"
            );
        }
    }

    #[test]
    fn other_formats_and_large_requests_decode_whole() {
        let data = fx::jpeg(320, 240, fx::JpegSpec::default());
        let r = decode_displayed_at_least(ImageFormat::Jpeg, &data, |_, _| 1.0).unwrap();
        assert_eq!((r.picture.width(), r.picture.height()), r.full);
        assert_eq!(r.full, (240, 320), "orientation 6 turns it");
        assert!(
            decode_displayed_at_least(ImageFormat::Jpeg, b"\xff\xd8\xff garbage", |_, _| 0.1)
                .is_err()
        );
    }
}
