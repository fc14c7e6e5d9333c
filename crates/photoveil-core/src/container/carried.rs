//! How a container's surgery carried the picture into the copy, and what it kept on purpose.

use serde::Serialize;

/// How the picture data was carried into the copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CleanMethod {
    /// The coded picture was copied byte for byte; only metadata was removed.
    Lossless,
    /// The picture was decoded and written again without loss (same pixels, new file structure).
    LosslessReencode,
    /// There was nothing to remove (a bitmap without a linked profile, a bare JPEG XL codestream,
    /// which has no place for metadata): the copy is the original, byte for byte.
    Unchanged,
}

/// What cleaning deliberately keeps, because the photo would look wrong without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "value")]
pub enum Kept {
    /// The EXIF orientation (1-8), kept alone in a minimal EXIF block so the photo is not shown
    /// sideways.
    Orientation(u16),
    /// The ICC colour profile, so colours do not look dull.
    IccProfile,
    /// Colour-space chunks (sRGB, gamma, chromaticities).
    ColourInfo,
    /// In a RAW file cleaned in place: the camera's make and model, the lens model and the
    /// maker's notes (without serial numbers and names). RAW converters choose the camera's
    /// colour profile, decoder and lens corrections by them.
    CameraDetails,
}
