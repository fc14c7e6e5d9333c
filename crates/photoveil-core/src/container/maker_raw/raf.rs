//! Fujifilm RAF, cleaned in place (the same length, nothing moved). The file is a header
//! ("FUJIFILMCCD-RAW ", format version, camera ID, model name, firmware version) and a directory
//! of big-endian offsets and lengths (exiftool's `FujiFilm.pm`, `ProcessRAF`): at 0x48 an M-RAW
//! header, at 0x54 an embedded JPEG preview, at 0x5C and 0x78 the RAF directories (Fujifilm's
//! own tagged records: sensor sizes, crop, CFA layout, white balance), at 0x64 and 0x80 the
//! sensor data (a TIFF-like FujiIFD on newer models).
//!
//! The only personal data lies in the embedded JPEG: its APP1 EXIF (a TIFF with Make, Model,
//! dates, GPS, the Fujifilm maker note) and any other metadata segment. The EXIF block is
//! cleaned in place as a camera RAW's TIFF is ([`crate::container::tiff::raw`]: dates, GPS,
//! owner, serials and text out, Make and Model kept, because rawler and LibRaw choose the camera
//! by them), the maker note is kept and cleaned inside ([`note`]); the preview's other metadata
//! segments (XMP, comments, other APPn but the ICC profile and Adobe's) are zeroed, and so is
//! the EXIF's own thumbnail ([`thumbnail`]). The header, the RAF directories (none of their
//! records is personal) and the sensor data are not touched.

mod note;

use std::ops::Range;

use bytes::Bytes;

use super::super::{CleanMethod, Cleaned, Inspection, Kept};
use super::{preview, thumbnail};
use crate::container::tiff::raw;
use crate::error::{Error, Result};
use crate::finding::{Explanation, Severity};
use crate::format::{ImageFormat, RawFamily};
use crate::meta::{hidden, Payloads};

/// The header's length up to the sensor data's pointer (0x64) and length.
const HEADER: usize = 0x6C;
/// Where the embedded JPEG's offset and length lie.
const JPEG_POINTER: usize = 0x54;
/// Where the pointers to the RAF directory (0x5C) and the sensor data (0x64) lie.
const BLOCK_POINTERS: [usize; 2] = [0x5C, 0x64];
const XMP_SIGNATURE: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";

/// Where the parts of a RAF that cleaning reads or changes lie.
struct Layout {
    /// The embedded JPEG (empty when the file has none).
    jpeg: Range<usize>,
    /// The JPEG's EXIF TIFF block (after "Exif\0\0").
    tiff: Option<Range<usize>>,
    /// The payloads of the JPEG's other metadata segments.
    segments: Vec<Range<usize>>,
}

fn corrupt(detail: &str) -> Error {
    Error::corrupt(ImageFormat::CameraRaw, detail)
}

fn be32(data: &[u8], at: usize) -> Result<usize> {
    data.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or_else(|| corrupt("the RAF header is cut short"))
}

/// A block of the directory: its offset and length, which must lie inside the file.
fn block(data: &[u8], pointer: usize) -> Result<Range<usize>> {
    let (start, len) = (be32(data, pointer)?, be32(data, pointer + 4)?);
    start
        .checked_add(len)
        .filter(|&end| end <= data.len())
        .map(|end| start..end)
        .ok_or_else(|| corrupt("a part of the RAF lies past the end of the file"))
}

fn read(data: &[u8]) -> Result<Layout> {
    if data.len() < HEADER || !data.starts_with(b"FUJIFILMCCD-RAW") {
        return Err(corrupt("the RAF header is cut short"));
    }
    for p in BLOCK_POINTERS {
        block(data, p)?;
    }
    let jpeg = block(data, JPEG_POINTER)?;
    let mut layout = Layout {
        jpeg: jpeg.clone(),
        tiff: None,
        segments: Vec::new(),
    };
    if jpeg.is_empty() {
        return Ok(layout);
    }
    let found = preview::metadata(&data[jpeg.clone()])?;
    let shift = |r: Range<usize>| jpeg.start + r.start..jpeg.start + r.end;
    layout.tiff = found.tiff.map(shift);
    layout.segments = found.zeroed.into_iter().map(shift).collect();
    Ok(layout)
}

/// Finds the metadata of a Fujifilm RAF file.
pub(super) fn inspect(data: &Bytes) -> Result<Inspection> {
    let layout = read(data)?;
    let mut payloads = Payloads::default();
    if let Some(t) = &layout.tiff {
        payloads.exif.push(data[t.clone()].to_vec());
        payloads
            .container_findings
            .extend(note::findings(&data[t.clone()]));
    }
    for s in &layout.segments {
        let body = &data[s.clone()];
        if let Some(tiff) = body.strip_prefix(b"Exif\0\0") {
            payloads.exif.push(tiff.to_vec());
        } else if body.starts_with(XMP_SIGNATURE) {
            payloads.xmp.push(body[XMP_SIGNATURE.len()..].to_vec());
        } else if body.iter().any(|&b| b != 0) {
            payloads.container_findings.push(hidden(
                "RAF:PreviewMetadata",
                "a metadata segment in the embedded preview",
                Severity::Low,
                Explanation::OtherMetadata,
            ));
        }
    }
    Ok(Inspection {
        width: None,
        height: None,
        payloads,
        is_raw: true,
        picture: pieces(data, &layout).ok(),
    })
}

/// What must not change: everything outside the embedded JPEG (header, RAF directories, sensor
/// data), the JPEG with its metadata blanked, and the kept entries of its EXIF (read after the
/// maker note's private entries and the thumbnail are taken out, so that the original and its
/// cleaned copy compare equal exactly when nothing else changed).
fn pieces(data: &Bytes, layout: &Layout) -> Result<Vec<Bytes>> {
    let jpeg = &layout.jpeg;
    let mut preview = data[jpeg.clone()].to_vec();
    let mut out = vec![data.slice(..jpeg.start)];
    for s in layout.segments.iter().chain(&layout.tiff) {
        preview[s.start - jpeg.start..s.end - jpeg.start].fill(0);
    }
    out.push(Bytes::from(preview));
    if let Some(t) = &layout.tiff {
        let mut tiff = data[t.clone()].to_vec();
        private_parts(&mut tiff)?;
        out.extend(raw::pieces(&Bytes::from(tiff), RawFamily::Raf)?);
    }
    out.push(data.slice(jpeg.end..));
    Ok(out)
}

/// Takes out of an EXIF TIFF block what [`raw::clean`] leaves for the family to handle: the maker
/// note's private entries and the thumbnail directory.
fn private_parts(tiff: &mut [u8]) -> Result<()> {
    note::clean(tiff)?;
    thumbnail::drop(tiff)
}

/// Writes a cleaned copy of a Fujifilm RAF file, in place.
pub(super) fn clean(data: &Bytes, inspection: &Inspection) -> Result<Cleaned> {
    let layout = read(data)?;
    let mut out = data.to_vec();
    if let Some(t) = &layout.tiff {
        let mut tiff = raw::clean(&data[t.clone()], RawFamily::Raf)?;
        private_parts(&mut tiff)?;
        out[t.clone()].copy_from_slice(&tiff);
    }
    for s in &layout.segments {
        out[s.clone()].fill(0);
    }
    let mut kept = Vec::new();
    if let Some(o) = inspection.payloads.orientation().filter(|&o| o != 1) {
        kept.push(Kept::Orientation(o));
    }
    kept.push(Kept::CameraDetails);
    Ok(Cleaned {
        bytes: out,
        kept,
        method: CleanMethod::Lossless,
    })
}
