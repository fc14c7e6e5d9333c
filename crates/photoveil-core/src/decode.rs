//! Decoding pictures to pixels, within PhotoVeil's limits.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat as Codec, ImageReader};

use crate::error::{Error, Result};
use crate::format::ImageFormat;
use crate::limits::{decode_limits, MAX_PIXELS};

mod scaled;
pub use scaled::{decode_displayed_at_least, Reduced};

/// Decodes a picture of a known format (HEIF, AVIF, JPEG XL and JPEG 2000 are not decoded by this build; of
/// an animated GIF, the first frame).
pub fn decode(format: ImageFormat, data: &[u8]) -> Result<DynamicImage> {
    checked_reader(format, data)?
        .decode()
        .map_err(|e| decode_error(format, e))
}

/// A picture as people see it: EXIF orientation applied, with its colour profile.
pub struct Displayed {
    /// The pixels, upright.
    pub picture: DynamicImage,
    /// The embedded ICC colour profile, if any.
    pub icc: Option<Vec<u8>>,
}

/// Decodes a picture and turns it upright according to its EXIF orientation (the same limits as
/// [`decode`]).
pub fn decode_displayed(format: ImageFormat, data: &[u8]) -> Result<Displayed> {
    let mut decoder = checked_reader(format, data)?
        .into_decoder()
        .map_err(|e| decode_error(format, e))?;
    let icc = decoder.icc_profile().ok().flatten();
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| decode_error(format, e))?;
    picture.apply_orientation(orientation);
    Ok(Displayed { picture, icc })
}

/// A reader with PhotoVeil's limits for a picture whose size has been checked against
/// [`MAX_PIXELS`].
fn checked_reader(format: ImageFormat, data: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>> {
    let codec = match format {
        ImageFormat::Jpeg => Codec::Jpeg,
        ImageFormat::Png => Codec::Png,
        ImageFormat::Webp => Codec::WebP,
        ImageFormat::Tiff => Codec::Tiff,
        ImageFormat::Gif => Codec::Gif,
        ImageFormat::Bmp => Codec::Bmp,
        ImageFormat::Pnm => Codec::Pnm,
        // JPEG XL, JPEG 2000: a decoder (jxl-oxide, OpenJPEG) would be added for faces alone;
        // the files are cleaned without decoding.
        ImageFormat::Heif
        | ImageFormat::Avif
        | ImageFormat::Jxl
        | ImageFormat::Jp2
        | ImageFormat::Psd
        | ImageFormat::CameraRaw => {
            return Err(Error::Unsupported {
                format,
                what: crate::error::Operation::Decoding,
            })
        }
    };
    let reader = || {
        let mut r = ImageReader::with_format(Cursor::new(data), codec);
        r.limits(decode_limits());
        r
    };
    let (width, height) = reader()
        .into_dimensions()
        .map_err(|e| decode_error(format, e))?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Error::TooManyPixels {
            width: width.into(),
            height: height.into(),
        });
    }
    Ok(reader())
}

fn decode_error(format: ImageFormat, e: image::ImageError) -> Error {
    match e {
        image::ImageError::Limits(_) => {
            Error::Decode("the picture is too large to decode safely".into())
        }
        image::ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            Error::corrupt(format, "the file is truncated")
        }
        other => Error::Decode(other.to_string()),
    }
}
