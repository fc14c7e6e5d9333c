//! Canon's timed metadata (`CTMD`, one sample per picture in `mdat`): a run of records, each
//! `size` (32 bits), `type` (16 bits), 6 bytes of flags and a payload (little-endian, as
//! exiftool's `ProcessCTMD` and rawler read them). Type 1 is the date and time the picture was
//! taken; types 7 to 12 hold blocks of `size` (32 bits), `tag` (32 bits) and a TIFF whose first
//! directory is an EXIF directory (tag 0x8769) or Canon's maker note (tag 0x927C).

use std::ops::Range;

use super::layout::corrupt;
use crate::error::Result;

/// The timestamp record.
pub(super) const TIMESTAMP: u16 = 1;
/// A block holding an EXIF directory.
pub(super) const EXIF_BLOCK: u32 = 0x8769;
/// A block holding Canon's maker note.
pub(super) const MAKER_NOTE_BLOCK: u32 = 0x927C;

/// One record of a `CTMD` sample.
pub(super) struct Record {
    /// Its type.
    pub kind: u16,
    /// Its payload, in the file.
    pub payload: Range<usize>,
    /// Its TIFF blocks (types 7 to 12): the tag and the TIFF's bytes, in the file.
    pub blocks: Vec<(u32, Range<usize>)>,
}

fn le32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        data.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// The records of the sample at `sample`. A record that runs past the sample, or bytes after
/// the last record that are not padding, make the sample unreadable: an error, so that nothing
/// private is left in a part not read.
pub(super) fn records(data: &[u8], sample: Range<usize>) -> Result<Vec<Record>> {
    let mut out = Vec::new();
    let mut at = sample.start;
    while at < sample.end {
        let rest = &data[at..sample.end];
        if rest.len() < 12 {
            if rest.iter().all(|&b| b == 0) {
                break;
            }
            return Err(corrupt("the timed metadata ends in the middle of a record"));
        }
        let size = le32(data, at).unwrap_or(0) as usize;
        let kind = u16::from_le_bytes([data[at + 4], data[at + 5]]);
        if size == 0 && rest.iter().all(|&b| b == 0) {
            break;
        }
        let end = at
            .checked_add(size)
            .filter(|&e| size >= 12 && e <= sample.end)
            .ok_or_else(|| corrupt("a timed-metadata record runs past its sample"))?;
        let payload = at + 12..end;
        let blocks = if (7..=12).contains(&kind) {
            blocks(data, payload.clone())
        } else {
            Vec::new()
        };
        out.push(Record {
            kind,
            payload,
            blocks,
        });
        at = end;
    }
    Ok(out)
}

/// The TIFF blocks of a record's payload, until one that is not an EXIF or maker-note block.
fn blocks(data: &[u8], payload: Range<usize>) -> Vec<(u32, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = payload.start;
    while at + 8 < payload.end {
        // exiftool reads the tag as 32 bits, rawler as 16 (and 16 it ignores): the low half.
        let (Some(len), Some(tag)) = (le32(data, at), le32(data, at + 4).map(|t| t & 0xFFFF))
        else {
            break;
        };
        let len = len as usize;
        let Some(end) = at
            .checked_add(len)
            .filter(|&e| len >= 8 && e <= payload.end)
        else {
            break;
        };
        if tag != EXIF_BLOCK && tag != MAKER_NOTE_BLOCK {
            break;
        }
        out.push((tag, at + 8..end));
        at = end;
    }
    out
}
