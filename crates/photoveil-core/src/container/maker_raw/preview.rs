//! The metadata segments of a RAW file's embedded JPEG preview (RAF, X3F), and of any further JPEG inside it
//! (a Multi-Picture Format file carries a second, larger preview after the first image's end,
//! with EXIF of its own).

use std::ops::Range;

use crate::error::{Error, Result};
use crate::format::ImageFormat;

/// Where a JPEG's segments lie, up to its first scan.
struct Header {
    /// Each segment's marker and payload (after the length), relative to the JPEG's start.
    segments: Vec<(u8, Range<usize>)>,
    /// Where the header ends (the first scan or the end of the image).
    end: usize,
}

fn header(j: &[u8]) -> Result<Header> {
    let mut segments = Vec::new();
    let mut at = 2;
    while at + 4 <= j.len() && j[at] == 0xFF {
        let marker = j[at + 1];
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        if marker == 0xFF || marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            at += if marker == 0xFF { 1 } else { 2 };
            continue;
        }
        let len = u16::from_be_bytes([j[at + 2], j[at + 3]]) as usize;
        let end = at + 2 + len;
        if len < 2 || end > j.len() {
            return Err(Error::corrupt(
                ImageFormat::CameraRaw,
                "a segment of the embedded JPEG runs past its end",
            ));
        }
        segments.push((marker, at + 4..end));
        at = end;
    }
    Ok(Header { segments, end: at })
}

/// Whether a JPEG segment is metadata rather than part of the picture: APP1 (EXIF, XMP), APP2
/// but the ICC profile, APP3 to APP13, APP15 and comments (APP0 JFIF and APP14 Adobe describe
/// the picture's coding).
fn is_metadata(marker: u8, body: &[u8]) -> bool {
    match marker {
        0xE2 => !body.starts_with(b"ICC_PROFILE\0"),
        0xE1 | 0xE3..=0xED | 0xEF | 0xFE => true,
        _ => false,
    }
}

/// Where an embedded JPEG's metadata lies, relative to the JPEG's start.
pub(super) struct Metadata {
    /// The first image's EXIF TIFF block (after "Exif\0\0"), kept and cleaned in place.
    pub tiff: Option<Range<usize>>,
    /// The payloads of every other metadata segment of the first image and of any further
    /// image (their EXIF included), to be zeroed.
    pub zeroed: Vec<Range<usize>>,
}

/// The metadata of an embedded JPEG `j`.
pub(super) fn metadata(j: &[u8]) -> Result<Metadata> {
    if !j.starts_with(&[0xFF, 0xD8]) {
        return Err(Error::corrupt(
            ImageFormat::CameraRaw,
            "the embedded preview is not a JPEG",
        ));
    }
    let first = header(j)?;
    let mut tiff = None;
    let mut zeroed = Vec::new();
    for (marker, payload) in first.segments {
        let body = &j[payload.clone()];
        if marker == 0xE1 && body.starts_with(b"Exif\0\0") && tiff.is_none() {
            tiff = Some(payload.start + 6..payload.end);
        } else if is_metadata(marker, body) {
            zeroed.push(payload);
        }
    }
    // Further images: a JPEG's entropy-coded data never holds FF D8, so each FF D8 FF after
    // the first image's header starts one. One that cannot be read is left as it is.
    let mut at = first.end;
    while let Some(found) = find(&j[at..], &[0xFF, 0xD8, 0xFF]) {
        let start = at + found;
        let Ok(next) = header(&j[start..]) else {
            break;
        };
        for (marker, payload) in next.segments {
            if is_metadata(marker, &j[start + payload.start..start + payload.end]) {
                zeroed.push(start + payload.start..start + payload.end);
            }
        }
        at = start + next.end.max(3);
    }
    Ok(Metadata { tiff, zeroed })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
