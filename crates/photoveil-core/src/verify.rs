//! Proof that a cleaned copy shows the same picture as the original and no longer carries the
//! data that was found.

use image::GenericImageView;
use serde::Serialize;

use crate::container::{gif, isobmff, same_pieces, Inspection};
use crate::error::{Error, Mismatch, Result};
use crate::finding::Finding;
use crate::format::ImageFormat;
use crate::scan::scan_shared;

/// How the picture of a cleaned copy was shown to be unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PictureCheck {
    /// Every byte a decoder reads to draw the picture is identical (fast, exact).
    IdenticalCodedData,
    /// Both files were decoded and every pixel compared equal.
    IdenticalPixels,
}

/// What verification established.
#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    /// How the picture was checked.
    pub picture: PictureCheck,
    /// Orientation of the original, which the copy keeps.
    pub orientation: Option<u16>,
    /// Findings a fresh scan of the copy still reports (should be empty).
    pub residual: Vec<Finding>,
}

/// How thoroughly to compare pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PixelCheck {
    /// Compare coded data where the format allows (lossless rewrites), decode otherwise.
    #[default]
    Fast,
    /// Always decode both and compare pixels (where this build can decode the format).
    Decode,
}

/// Checks a cleaned copy against its original. Fails when the picture or its orientation differ.
/// `inspection` is the original's, as scanned before cleaning.
pub fn verify_clean(
    format: ImageFormat,
    original: &[u8],
    inspection: &Inspection,
    cleaned: &bytes::Bytes,
    check: PixelCheck,
) -> Result<Verification> {
    let orientation = inspection.payloads.orientation().unwrap_or(1);
    let (out_format, out_inspection, findings) = scan_shared(cleaned)
        .map_err(|e| Error::Verification(Mismatch::DoesNotReadBack(Box::new(e))))?;
    if out_format != format {
        return Err(Error::Verification(Mismatch::DifferentFormat));
    }
    // HEIF and AVIF rotate with their own transform properties, JPEG XL in its codestream, JP2
    // and PSD never by EXIF (Photoshop stores the pixels upright); EXIF orientation is only
    // informational there.
    let exif_rotates = !matches!(
        format,
        ImageFormat::Heif
            | ImageFormat::Avif
            | ImageFormat::Jxl
            | ImageFormat::Jp2
            | ImageFormat::Psd
            | ImageFormat::CameraRaw
    );
    if exif_rotates && out_inspection.payloads.orientation().unwrap_or(1) != orientation {
        return Err(Error::Verification(Mismatch::LostOrientation));
    }
    let decodable = !matches!(
        format,
        ImageFormat::Heif
            | ImageFormat::Avif
            | ImageFormat::Jxl
            | ImageFormat::Jp2
            | ImageFormat::Psd
            | ImageFormat::CameraRaw
    );
    let picture = if format == ImageFormat::Gif {
        // Every frame, not only the first that `decode` gives: the blocks must be the same, and
        // so must each decoded frame.
        let same = matches!(
            (&inspection.picture, &out_inspection.picture),
            (Some(a), Some(b)) if same_pieces(a, b)
        );
        if !same {
            return Err(Error::Verification(Mismatch::PictureDataChanged));
        }
        gif::same_frames(original, cleaned)?;
        PictureCheck::IdenticalPixels
    } else if format == ImageFormat::Tiff {
        tiff_picture(format, original, inspection, &out_inspection, cleaned)?
    } else if let Some(a) = (check == PixelCheck::Decode && decodable)
        .then(|| original_pixels(format, original))
        .transpose()?
        .flatten()
    {
        same_pixels_as(format, &a, cleaned)?;
        PictureCheck::IdenticalPixels
    } else {
        let same = match (&inspection.picture, &out_inspection.picture) {
            (Some(a), Some(b)) => same_pieces(a, b),
            _ if !decodable => isobmff::same_picture_data(format, original, cleaned)?,
            _ => false,
        };
        if !same {
            return Err(Error::Verification(Mismatch::PictureDataChanged));
        }
        PictureCheck::IdenticalCodedData
    };
    Ok(Verification {
        picture,
        orientation: (exif_rotates && orientation != 1).then_some(orientation),
        residual: findings,
    })
}

/// A TIFF copy must carry the same picture tags and coded strips or tiles; where this build
/// decodes the picture (not palette colour, for one), every pixel is compared as well.
fn tiff_picture(
    format: ImageFormat,
    original: &[u8],
    inspection: &Inspection,
    out_inspection: &Inspection,
    cleaned: &[u8],
) -> Result<PictureCheck> {
    let same = matches!(
        (&inspection.picture, &out_inspection.picture),
        (Some(a), Some(b)) if same_pieces(a, b)
    );
    if !same {
        return Err(Error::Verification(Mismatch::PictureDataChanged));
    }
    let Ok(a) = crate::decode::decode(format, original) else {
        return Ok(PictureCheck::IdenticalCodedData);
    };
    same_pixels_as(format, &a, cleaned)?;
    Ok(PictureCheck::IdenticalPixels)
}

/// The original decoded for the pixel check; `None` for a Netpbm file the decoder refuses (a
/// plain one with comments among its samples): its pieces are the samples themselves, read by
/// PhotoVeil, and are compared instead. Any other original that does not decode fails the check.
fn original_pixels(format: ImageFormat, original: &[u8]) -> Result<Option<image::DynamicImage>> {
    match crate::decode::decode(format, original) {
        Ok(a) => Ok(Some(a)),
        Err(_) if format == ImageFormat::Pnm => Ok(None),
        Err(e) => Err(e),
    }
}

/// Decodes the copy and compares every pixel with the original's, already decoded.
fn same_pixels_as(format: ImageFormat, a: &image::DynamicImage, cleaned: &[u8]) -> Result<()> {
    let b = crate::decode::decode(format, cleaned)
        .map_err(|e| Error::Verification(Mismatch::DoesNotDecode(Box::new(e))))?;
    let same = a.dimensions() == b.dimensions()
        && if a.color() == b.color() {
            a.as_bytes() == b.as_bytes()
        } else {
            a.to_rgba16() == b.to_rgba16()
        };
    if same {
        Ok(())
    } else {
        Err(Error::Verification(Mismatch::PixelsDiffer))
    }
}
