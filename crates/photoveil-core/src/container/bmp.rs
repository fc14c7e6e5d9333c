//! BMP (Windows bitmap): no metadata blocks. The one thing a bitmap can carry besides its pixels
//! is a colour profile in a version 5 header: embedded (kept, like every other format's) or
//! *linked*, a file path such as `C:\Users\<name>\...\profile.icm` that can name its owner. The
//! path is blanked in place (same size, so no offset moves) and the colour space set to sRGB;
//! every other byte is copied. A bitmap with no linked profile is copied as it is, and the clean
//! report says so ([`CleanMethod::Unchanged`]).

use std::ops::Range;

use bytes::Bytes;

use super::{CleanMethod, Cleaned, Inspection, Kept};
use crate::error::{Error, Result};
use crate::finding::{Explanation, Severity};
use crate::format::ImageFormat;
use crate::limits::MAX_PIXELS;
use crate::meta::{clip, hidden, Payloads};

/// Size of the file header before the information header.
const FILE_HEADER: usize = 14;
/// Size of the version 5 information header, the one that can carry a profile.
const V5_HEADER: u32 = 124;
/// `bV5CSType` values (big-endian four-character codes stored little-endian).
const PROFILE_LINKED: u32 = 0x4C49_4E4B; // 'LINK'
const PROFILE_EMBEDDED: u32 = 0x4D42_4544; // 'MBED'
const LCS_SRGB: u32 = 0x7352_4742; // 'sRGB'

/// What the headers say.
struct Layout {
    width: u32,
    height: u32,
    /// For version 5 headers: the colour space type, and where the header says a profile is.
    profile: Option<(u32, Option<Range<usize>>)>,
}

fn corrupt(detail: &str) -> Error {
    Error::corrupt(ImageFormat::Bmp, detail.to_string())
}

fn u32_at(data: &[u8], at: usize) -> Result<u32> {
    data.get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or_else(|| corrupt("the file is truncated inside its header"))
}

/// Reads the headers. A picture over [`MAX_PIXELS`] is refused here, before anything is decoded:
/// a compressed bitmap of a few bytes can declare billions of pixels.
fn layout(data: &[u8]) -> Result<Layout> {
    let header = u32_at(data, FILE_HEADER)?;
    let (width, height) = if header == 12 {
        let b = data
            .get(FILE_HEADER + 4..FILE_HEADER + 8)
            .ok_or_else(|| corrupt("the file is truncated inside its header"))?;
        (
            u32::from(u16::from_le_bytes([b[0], b[1]])),
            u32::from(u16::from_le_bytes([b[2], b[3]])),
        )
    } else {
        let w = u32_at(data, FILE_HEADER + 4)? as i32;
        let h = u32_at(data, FILE_HEADER + 8)? as i32;
        (w.unsigned_abs(), h.unsigned_abs())
    };
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Error::TooManyPixels {
            width: width.into(),
            height: height.into(),
        });
    }
    let offset = u32_at(data, 10)? as usize;
    if offset > data.len() {
        return Err(corrupt(
            "the pixels start after the end of the file (truncated?)",
        ));
    }
    let profile = if header >= V5_HEADER {
        let kind = u32_at(data, FILE_HEADER + 56)?;
        // The profile's offset counts from the start of the information header.
        let start = u32_at(data, FILE_HEADER + 112)? as usize + FILE_HEADER;
        let size = u32_at(data, FILE_HEADER + 116)? as usize;
        let range = start..start.saturating_add(size);
        let used = matches!(kind, PROFILE_LINKED | PROFILE_EMBEDDED);
        if used && range.end > data.len() {
            return Err(corrupt(
                "the colour profile ends after the end of the file (truncated?)",
            ));
        }
        if used && size > 0 && range.start < FILE_HEADER + header as usize {
            return Err(corrupt("the colour profile overlaps the header"));
        }
        // The place of a profile no longer used (a blanked linked path) still counts.
        let valid = size > 0 && range.end <= data.len() && range.start >= FILE_HEADER + 60;
        Some((kind, valid.then_some(range)))
    } else {
        None
    };
    Ok(Layout {
        width,
        height,
        profile,
    })
}

/// The linked profile's path, when there is one.
fn linked(layout: &Layout) -> Option<Range<usize>> {
    match &layout.profile {
        Some((PROFILE_LINKED, range)) => range.clone(),
        _ => None,
    }
}

/// Says what a bitmap carries: usually nothing.
pub fn inspect(data: &Bytes) -> Result<Inspection> {
    let layout = layout(data)?;
    let mut payloads = Payloads::default();
    if let Some(range) = linked(&layout) {
        // A Windows path in the system's code page, ended by a NUL.
        let path = String::from_utf8_lossy(&data[range.clone()]);
        let path = clip(path.split('\0').next().unwrap_or_default(), 200);
        payloads.container_findings.push(hidden(
            "BMP:LinkedProfile",
            if path.is_empty() {
                "(empty)".to_string()
            } else {
                path
            },
            Severity::Medium,
            Explanation::OtherMetadata,
        ));
    }
    Ok(Inspection {
        width: Some(layout.width),
        height: Some(layout.height),
        payloads,
        is_raw: false,
        picture: Some(picture_pieces(data, &layout)),
    })
}

/// The bytes that draw the picture: everything but the colour space type and a linked profile's
/// path, which cleaning changes (an embedded profile is part of it).
fn picture_pieces(data: &Bytes, layout: &Layout) -> Vec<Bytes> {
    let Some((kind, range)) = &layout.profile else {
        return vec![data.clone()];
    };
    let mut pieces = vec![data.slice(..FILE_HEADER + 56)];
    match range {
        Some(range) => {
            pieces.push(data.slice(FILE_HEADER + 60..range.start));
            if *kind == PROFILE_EMBEDDED {
                pieces.push(data.slice(range.clone()));
            }
            pieces.push(data.slice(range.end..));
        }
        None => pieces.push(data.slice(FILE_HEADER + 60..)),
    }
    pieces
}

/// Copies the bitmap, with a linked profile's path blanked and the colour space set to sRGB.
pub fn clean(data: &Bytes) -> Result<Cleaned> {
    let layout = layout(data)?;
    let mut bytes = data.to_vec();
    let mut kept = Vec::new();
    let method = match &layout.profile {
        Some((PROFILE_LINKED, Some(range))) => {
            bytes[range.clone()].fill(0);
            bytes[FILE_HEADER + 56..FILE_HEADER + 60].copy_from_slice(&LCS_SRGB.to_le_bytes());
            CleanMethod::Lossless
        }
        Some((PROFILE_EMBEDDED, Some(_))) => {
            kept.push(Kept::IccProfile);
            CleanMethod::Unchanged
        }
        _ => CleanMethod::Unchanged,
    };
    Ok(Cleaned {
        bytes,
        kept,
        method,
    })
}
