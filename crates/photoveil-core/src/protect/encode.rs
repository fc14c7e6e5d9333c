//! Encoding a protected picture in its original's format: the colour profile kept, nothing else,
//! and a JPEG kept within 1.3 times its original's size.

use image::{DynamicImage, RgbImage};

use super::codec::encode_jpeg;
use crate::error::{Error, Result};
use crate::format::ImageFormat;

/// Lowest JPEG quality used to keep a copy within 1.3 times its original's size. The cloak is
/// optimised against JPEG down to quality 60, so it survives this encode.
pub const MIN_JPEG_QUALITY: u8 = 70;
/// JPEG quality of protected copies unless the user chooses another.
pub const DEFAULT_JPEG_QUALITY: u8 = 92;

/// Encodes the protected picture in the original's format, with its colour profile and nothing
/// else. JPEG quality steps down (not below [`MIN_JPEG_QUALITY`]) while the copy is over 1.3 times
/// the original.
pub(super) fn encode_like(
    format: ImageFormat,
    picture: &RgbImage,
    alpha: Option<&image::GrayAlphaImage>,
    icc: Option<&[u8]>,
    quality: u8,
    original_len: usize,
) -> Result<(Vec<u8>, Option<u8>)> {
    let (w, h) = picture.dimensions();
    match format {
        ImageFormat::Jpeg => {
            let limit = original_len as f64 * 1.3;
            let mut q = quality.clamp(1, 100);
            // Step down on a sample of the rows first: each try costs an eighth of a full
            // encode (a 12-megapixel encode takes over half a second).
            if let Some((sample, factor)) = size_sample(picture) {
                let (sw, sh) = sample.dimensions();
                while q > MIN_JPEG_QUALITY {
                    let estimate = encode_jpeg(sample.as_raw(), sw, sh, q, None)?.len() as f64;
                    if estimate * factor <= limit {
                        break;
                    }
                    q = q.saturating_sub(4).max(MIN_JPEG_QUALITY);
                }
            }
            loop {
                let bytes = encode_jpeg(picture.as_raw(), w, h, q, icc)?;
                if bytes.len() as f64 <= limit || q <= MIN_JPEG_QUALITY {
                    return Ok((bytes, Some(q)));
                }
                q = q.saturating_sub(4).max(MIN_JPEG_QUALITY);
            }
        }
        ImageFormat::Png | ImageFormat::Webp | ImageFormat::Tiff => {
            let image = match alpha {
                Some(a) => DynamicImage::ImageRgba8(image::RgbaImage::from_fn(w, h, |x, y| {
                    let p = picture.get_pixel(x, y).0;
                    image::Rgba([p[0], p[1], p[2], a.get_pixel(x, y).0[1]])
                })),
                None => DynamicImage::ImageRgb8(picture.clone()),
            };
            let mut out = std::io::Cursor::new(Vec::new());
            match format {
                ImageFormat::Png => {
                    write_with_profile(image::codecs::png::PngEncoder::new(&mut out), &image, icc)?
                }
                ImageFormat::Webp => write_with_profile(
                    image::codecs::webp::WebPEncoder::new_lossless(&mut out),
                    &image,
                    icc,
                )?,
                _ => write_with_profile(
                    image::codecs::tiff::TiffEncoder::new(&mut out),
                    &image,
                    icc,
                )?,
            }
            Ok((out.into_inner(), None))
        }
        // HEIF, AVIF and the formats that are only cleaned (see `ImageFormat::protectable`).
        _ => Err(Error::Unsupported {
            format,
            what: crate::error::Operation::ProtectingFaces,
        }),
    }
}

/// Rows of each band of the size sample (a whole number of JPEG block rows in every
/// subsampling).
const SAMPLE_BAND: u32 = 16;
/// One band in this many goes into the size sample.
const SAMPLE_EVERY: u32 = 8;

/// Evenly spread bands of `picture`'s rows, one in [`SAMPLE_EVERY`], as one picture, and how
/// many times more rows the whole picture has; `None` for pictures too small to be worth it.
fn size_sample(picture: &RgbImage) -> Option<(RgbImage, f64)> {
    let (w, h) = picture.dimensions();
    let bands = h / (SAMPLE_BAND * SAMPLE_EVERY);
    if bands < 4 {
        return None;
    }
    let row = w as usize * 3;
    let mut data = Vec::with_capacity(row * (bands * SAMPLE_BAND) as usize);
    for band in 0..bands {
        let start = (band * SAMPLE_BAND * SAMPLE_EVERY) as usize * row;
        data.extend_from_slice(
            picture
                .as_raw()
                .get(start..start + SAMPLE_BAND as usize * row)?,
        );
    }
    let sample = RgbImage::from_raw(w, bands * SAMPLE_BAND, data)?;
    Some((sample, f64::from(h) / f64::from(bands * SAMPLE_BAND)))
}

/// Writes `image` through `encoder`, with the colour profile when there is one (an encoder that
/// cannot carry one writes the picture without it).
fn write_with_profile(
    mut encoder: impl image::ImageEncoder,
    image: &DynamicImage,
    icc: Option<&[u8]>,
) -> Result<()> {
    if let Some(icc) = icc {
        // Unsupported only means this encoder has no place for a profile.
        let _ = encoder.set_icc_profile(icc.to_vec());
    }
    encoder
        .write_image(
            image.as_bytes(),
            image.width(),
            image.height(),
            image.color().into(),
        )
        .map_err(|e| Error::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A textured picture whose JPEG size depends clearly on the quality.
    fn textured(w: u32, h: u32) -> RgbImage {
        let mut state = 0x9e37_79b9_u32;
        RgbImage::from_fn(w, h, |x, y| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let base =
                ((x as f32 / 29.0).sin() * 60.0 + (y as f32 / 41.0).cos() * 60.0 + 128.0) as u8;
            let grain = (state % 24) as u8;
            image::Rgb([base.saturating_add(grain), base / 2 + grain, 255 - base])
        })
    }

    #[test]
    fn the_sampled_quality_search_keeps_within_the_size_limit_and_near_the_best_quality() {
        let picture = textured(1600, 1280);
        let (w, h) = picture.dimensions();
        let size = |q: u8| encode_jpeg(picture.as_raw(), w, h, q, None).unwrap().len();
        // An original just small enough that 80 is the best quality of the ladder that fits.
        let original_len = (size(80) as f64 / 1.3).ceil() as usize + 1;
        assert!(size(84) as f64 > original_len as f64 * 1.3);
        let (bytes, q) =
            encode_like(ImageFormat::Jpeg, &picture, None, None, 92, original_len).unwrap();
        assert!(bytes.len() as f64 <= original_len as f64 * 1.3);
        assert!(matches!(q, Some(80) | Some(76)), "{q:?}");
        // A generous limit keeps the requested quality; an impossible one stops at the floor.
        let (_, q) = encode_like(ImageFormat::Jpeg, &picture, None, None, 92, 1 << 30).unwrap();
        assert_eq!(q, Some(92));
        let (_, q) = encode_like(ImageFormat::Jpeg, &picture, None, None, 92, 10).unwrap();
        assert_eq!(q, Some(MIN_JPEG_QUALITY));
        // Small pictures are not sampled.
        assert!(size_sample(&textured(64, 64)).is_none());
        let (sample, factor) = size_sample(&picture).unwrap();
        assert_eq!(sample.dimensions(), (1600, 160));
        assert!((factor - 8.0).abs() < 1e-9);
    }
}
