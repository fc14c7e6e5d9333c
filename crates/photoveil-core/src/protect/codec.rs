//! Encoding protected pixels, and simulating what an upload does to a photo.

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::ImageEncoder;
use image::RgbImage;

use crate::error::{Error, Result};

/// Long side, in pixels, of the simulated upload (what most social networks keep).
pub const UPLOAD_LONG_SIDE: u32 = 1080;
/// JPEG quality of the simulated upload.
pub const UPLOAD_QUALITY: u8 = 75;

/// Encodes interleaved RGB as a baseline JPEG (the `image` crate's encoder: 4:2:2 chroma) with
/// an optional ICC profile.
pub fn encode_jpeg(
    rgb: &[u8],
    width: u32,
    height: u32,
    quality: u8,
    icc: Option<&[u8]>,
) -> Result<Vec<u8>> {
    if width > 65_535 || height > 65_535 {
        return Err(Error::Encode(format!(
            "{width}x{height} pixels is too large for a JPEG"
        )));
    }
    let mut out = Vec::with_capacity(rgb.len() / 4);
    let mut encoder = JpegEncoder::new_with_quality(&mut out, quality);
    if let Some(icc) = icc {
        encoder
            .set_icc_profile(icc.to_vec())
            .map_err(|e| Error::Encode(e.to_string()))?;
    }
    encoder
        .write_image(rgb, width, height, image::ExtendedColorType::Rgb8)
        .map_err(|e| Error::Encode(e.to_string()))?;
    Ok(out)
}

/// Encodes and decodes again at `quality`: the pixels a JPEG of them shows.
pub fn jpeg_roundtrip(rgb: &[u8], width: u32, height: u32, quality: u8) -> Result<Vec<u8>> {
    let bytes = encode_jpeg(rgb, width, height, quality, None)?;
    let decoded = image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg)
        .map_err(|e| Error::Decode(e.to_string()))?;
    Ok(decoded.to_rgb8().into_raw())
}

/// What a typical upload does: the long side brought down to [`UPLOAD_LONG_SIDE`] (never up),
/// then JPEG at [`UPLOAD_QUALITY`]. Returns the new picture and its scale relative to the input.
pub fn simulate_upload(picture: &RgbImage) -> Result<(RgbImage, f32)> {
    let (w, h) = picture.dimensions();
    let long = w.max(h).max(1);
    let (resized, scale) = if long > UPLOAD_LONG_SIDE {
        let scale = UPLOAD_LONG_SIDE as f32 / long as f32;
        let nw = ((w as f32 * scale).round() as u32).max(1);
        let nh = ((h as f32 * scale).round() as u32).max(1);
        (resize_catmull_rom(picture, nw, nh), scale)
    } else {
        (picture.clone(), 1.0)
    };
    let (nw, nh) = resized.dimensions();
    let rgb = jpeg_roundtrip(resized.as_raw(), nw, nh, UPLOAD_QUALITY)?;
    let out = RgbImage::from_raw(nw, nh, rgb)
        .ok_or_else(|| Error::Decode("the simulated upload has the wrong size".into()))?;
    Ok((out, scale))
}

/// `picture` resized to `width` x `height` with a Catmull-Rom filter (scaled to the reduction,
/// so shrinking averages), with `fast_image_resize`'s SIMD kernels; `image`'s own (about 20
/// times slower on a 12-megapixel photo) should that fail.
pub fn resize_catmull_rom(picture: &RgbImage, width: u32, height: u32) -> RgbImage {
    use fast_image_resize as fir;
    let mut out = RgbImage::new(width, height);
    let options = fir::ResizeOptions::new()
        .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::CatmullRom));
    match fir::Resizer::new().resize(picture, &mut out, &options) {
        Ok(()) => out,
        Err(_) => image::imageops::resize(picture, width, height, FilterType::CatmullRom),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_shrinks_big_photos_and_keeps_small_ones() {
        let big = RgbImage::from_fn(2160, 1440, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let (up, scale) = simulate_upload(&big).expect("upload");
        assert_eq!(up.dimensions(), (1080, 720));
        assert!((scale - 0.5).abs() < 1e-6);
        let small = RgbImage::from_pixel(300, 200, image::Rgb([10, 200, 30]));
        let (up, scale) = simulate_upload(&small).expect("upload");
        assert_eq!((up.dimensions(), scale), ((300, 200), 1.0));
        assert!(encode_jpeg(&[0; 3], 70_000, 1, 90, None).is_err());
    }

    #[test]
    fn the_fast_resize_matches_image_s_own() {
        let big = RgbImage::from_fn(1600, 1200, |x, y| {
            let v = ((x as f32 / 37.0).sin() * 90.0 + (y as f32 / 23.0).cos() * 90.0 + 128.0) as u8;
            image::Rgb([v, (x / 7) as u8, (y / 5) as u8])
        });
        let fast = resize_catmull_rom(&big, 400, 300);
        let reference = image::imageops::resize(&big, 400, 300, FilterType::CatmullRom);
        let error: f64 = fast
            .as_raw()
            .iter()
            .zip(reference.as_raw())
            .map(|(a, b)| (f64::from(*a) - f64::from(*b)).abs())
            .sum::<f64>()
            / fast.as_raw().len() as f64;
        assert!(error < 1.5, "mean absolute difference {error}");
    }
}
