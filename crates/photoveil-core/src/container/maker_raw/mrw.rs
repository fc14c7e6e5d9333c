//! Minolta MRW, cleaned in place (the same length, nothing moved). The file is a `\0MRM` block
//! whose length says where the sensor data starts, holding further blocks, each a 4-byte name
//! and a big-endian length (exiftool's `MinoltaRaw.pm`): `\0PRD` (picture dimensions, bit depth,
//! storage mode, Bayer pattern), `\0WBG` (white balance), `\0RIF` (picture settings), `\0TTW`
//! (a TIFF with Make, Model, dates, the EXIF directory and the Minolta maker note) and `\0PAD`.
//!
//! Only the TTW block is personal. It is cleaned as a camera RAW's TIFF is
//! ([`crate::container::tiff::raw`]): dates, GPS, owner, serials, text, and the maker note
//! (dates and times, file numbers, a preview) are taken out and zeroed; Make and Model are kept,
//! because converters choose the camera by them (rawler reads the TTW's first directory for
//! them and nothing else; the sizes, bit depth and white balance it needs are in PRD and WBG).
//! PRD, WBG, RIF and the sensor data are not touched.

use std::ops::Range;

use bytes::Bytes;

use super::super::{CleanMethod, Cleaned, Inspection, Kept};
use crate::container::tiff::raw;
use crate::error::{Error, Result};
use crate::format::{ImageFormat, RawFamily};
use crate::meta::Payloads;

/// Where the parts of an MRW that cleaning reads or changes lie.
struct Layout {
    /// The TTW block's TIFF.
    ttw: Option<Range<usize>>,
    /// The PRD block's picture width and height.
    size: Option<(u32, u32)>,
}

fn corrupt(detail: &str) -> Error {
    Error::corrupt(ImageFormat::CameraRaw, detail)
}

fn be32(data: &[u8], at: usize) -> Option<usize> {
    let b = data.get(at..at + 4)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

fn read(data: &[u8]) -> Result<Layout> {
    let cut = || corrupt("the MRW header runs past the end of the file");
    if !data.starts_with(b"\0MRM") {
        return Err(cut());
    }
    let end = be32(data, 4)
        .and_then(|len| len.checked_add(8))
        .filter(|&end| end <= data.len())
        .ok_or_else(cut)?;
    let mut layout = Layout {
        ttw: None,
        size: None,
    };
    let mut at = 8;
    while at + 8 <= end {
        let name = &data[at..at + 4];
        let body = be32(data, at + 4)
            .and_then(|len| (at + 8).checked_add(len))
            .filter(|&e| e <= end)
            .map(|e| at + 8..e)
            .ok_or_else(|| corrupt("an MRW block runs past the end of its header"))?;
        match name {
            b"\0TTW" if layout.ttw.is_none() => layout.ttw = Some(body.clone()),
            b"\0PRD" if body.len() >= 16 => {
                let b = &data[body.clone()];
                let h = u16::from_be_bytes([b[12], b[13]]);
                let w = u16::from_be_bytes([b[14], b[15]]);
                layout.size = Some((u32::from(w), u32::from(h)));
            }
            _ => {}
        }
        at = body.end;
    }
    Ok(layout)
}

/// Finds the metadata of a Minolta MRW file.
pub(super) fn inspect(data: &Bytes) -> Result<Inspection> {
    let layout = read(data)?;
    let mut payloads = Payloads::default();
    if let Some(t) = &layout.ttw {
        payloads.exif.push(data[t.clone()].to_vec());
    }
    Ok(Inspection {
        width: layout.size.map(|s| s.0),
        height: layout.size.map(|s| s.1),
        payloads,
        is_raw: true,
        picture: pieces(data, &layout).ok(),
    })
}

/// What must not change: every byte outside the TTW block (the other blocks and the sensor
/// data), and the TTW's kept entries.
fn pieces(data: &Bytes, layout: &Layout) -> Result<Vec<Bytes>> {
    let Some(t) = &layout.ttw else {
        return Ok(vec![data.clone()]);
    };
    let mut out = vec![data.slice(..t.start)];
    out.extend(raw::pieces(&data.slice(t.clone()), RawFamily::Mrw)?);
    out.push(data.slice(t.end..));
    Ok(out)
}

/// Writes a cleaned copy of a Minolta MRW file, in place.
pub(super) fn clean(data: &Bytes, inspection: &Inspection) -> Result<Cleaned> {
    let layout = read(data)?;
    let mut out = data.to_vec();
    if let Some(t) = &layout.ttw {
        let ttw = raw::clean(&data[t.clone()], RawFamily::Mrw)?;
        out[t.clone()].copy_from_slice(&ttw);
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
