//! Phase One IIQ (and Leaf backs writing IIQ): a TIFF (IFD0 with a small preview, the EXIF
//! directory, IFD1) whose header is followed, at offset 8, by Phase One's own directory: an
//! `IIII` block (documented in exiftool's `PhaseOne.pm`, read by rawler's `decoders/iiq.rs` and
//! LibRaw's `parse_phase_one`) of 16-byte entries (tag, format, size, value or offset; offsets
//! count from the block's start), one of which (0x0110) points at the sensor calibration, a
//! block of the same kind with 12-byte entries whose offsets count from its own start.
//!
//! The TIFF directories are cleaned by the common rules, and IFD1 (a second, smaller preview
//! that the scan reports as a further picture; rawler and LibRaw develop from Phase One's
//! directory) is dropped: unlinked from IFD0 and zeroed with its strips. Removed from Phase One's directory
//! (the entries taken out, the kept entries closing up, their values zeroed):
//! - 0x0102 SerialNumber (the camera back's; LibRaw derives the back's family from its first
//!   letters for its metadata only, and reads the model from 0x0301);
//! - 0x0112 DateTimeOriginal and 0x0212 its twin (Unix times);
//! - 0x0262 SequenceID.
//!
//! Removed from the sensor calibration: 0x0407 SerialNumber. Zeroed in every kept text value:
//! the bytes after its terminating NUL (Phase One's fixed-size text fields carry left-overs
//! there: the serial number follows the System name in real files). The EXIF directory's
//! MakerNote points at Phase One's directory and is kept (cleaned inside as above); one that
//! points elsewhere is zeroed.
//!
//! Kept, because rawler and LibRaw need them to develop the picture: orientation (0x0100), the
//! colour matrices (0x0106, 0x0226), white balance (0x0107), sensor size, margins and image size
//! (0x0108-0x010D), the RAW format (0x010E), the sensor data (0x010F), the sensor calibration
//! (0x0110: defects, flat fields, linearisation curves), sensor temperatures (0x0210, 0x0211),
//! strip offsets (0x021C), black levels and split columns and rows (0x021D-0x0225), firmware and
//! model (0x0203, 0x0204, 0x0301), camera and lens model (0x0410, 0x0412), and every other entry
//! (exposure settings; none names the owner or the back).
//!
//! The old encrypted formats RAW 1 and RAW 2 (0x010E = 1 or 2) take their key from the bytes of
//! 0x0112 DateTimeOriginal: such a file is refused rather than left with its date or made
//! undecodable.

use std::ops::Range;

use bytes::Bytes;

use super::Parts;
use crate::container::tiff::ifd::corrupt;
use crate::error::{Error, RawRefusal, Result};
use crate::finding::{Category, Explanation, Finding, Severity};
use crate::format::RawFamily;

/// Where Phase One's directory starts in the file.
const BASE: usize = 8;
/// Entries removed from the main directory.
const MAIN_REMOVED: &[u32] = &[
    0x0102, // SerialNumber
    0x0112, // DateTimeOriginal
    0x0212, // UnknownDate
    0x0262, // SequenceID
];
/// Entries removed from the sensor calibration.
const CALIBRATION_REMOVED: &[u32] = &[0x0407]; // SerialNumber
const SERIAL: u32 = 0x0102;
const CALIBRATION_SERIAL: u32 = 0x0407;
const FORMAT: u32 = 0x010E;
const CALIBRATION: u32 = 0x0110;
/// Most entries read from one directory.
const MAX_ENTRIES: usize = 8192;

/// One entry: its tag, where its bytes lie, where its value lies, and whether it is text.
struct Entry {
    tag: u32,
    at: Range<usize>,
    value: Range<usize>,
    text: bool,
}

impl Entry {
    /// What of the value is kept: all of it, but for text up to its first NUL (the bytes
    /// after it are left-overs of the camera's memory, the serial number among them).
    fn kept(&self, data: &[u8]) -> Range<usize> {
        let v = &data[self.value.clone()];
        match v.iter().position(|&b| b == 0) {
            Some(nul) if self.text => self.value.start..self.value.start + nul + 1,
            _ => self.value.clone(),
        }
    }
}

/// One directory: where its entry count lies, its entries, and which of them are removed.
struct Dir {
    at: usize,
    entries: Vec<Entry>,
    removed: &'static [u32],
}

impl Dir {
    /// The directory's own bytes: count, an unused word, the entries.
    fn span(&self) -> Range<usize> {
        let end = self.entries.last().map_or(self.at + 8, |e| e.at.end);
        self.at..end
    }
}

fn u32_at(data: &[u8], at: usize) -> Result<u32> {
    let b = data
        .get(at..at.saturating_add(4))
        .ok_or_else(|| corrupt("Phase One's directory runs past the end"))?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Reads the directory of the block at `base` whose header is `magic` and whose entries are
/// `size` bytes long (16 with a format word, 12 without).
fn read_dir(data: &[u8], base: usize, size: usize, removed: &'static [u32]) -> Result<Dir> {
    let at = base
        .checked_add(u32_at(data, base + 8)? as usize)
        .ok_or_else(|| corrupt("Phase One's directory lies past the end"))?;
    let n = u32_at(data, at)? as usize;
    if n > MAX_ENTRIES {
        return Err(corrupt("Phase One's directory has too many entries"));
    }
    let mut entries = Vec::with_capacity(n);
    for i in 0..n {
        let e = at + 8 + size * i;
        let tag = u32_at(data, e)?;
        let text = size == 16 && u32_at(data, e + 4)? == 1 && tag != CALIBRATION;
        let len = u32_at(data, e + size - 8)? as usize;
        let value = if len <= 4 {
            e + size - 4..e + size - 4 + len
        } else {
            let start = base
                .checked_add(u32_at(data, e + size - 4)? as usize)
                .ok_or_else(|| corrupt("a Phase One value lies past the end"))?;
            start..start.saturating_add(len)
        };
        if value.end > data.len() || e + size > data.len() {
            return Err(corrupt("a Phase One value lies past the end"));
        }
        entries.push(Entry {
            tag,
            at: e..e + size,
            value,
            text,
        });
    }
    Ok(Dir {
        at,
        entries,
        removed,
    })
}

/// Phase One's main directory and, when there is one, the sensor calibration's.
fn read(data: &[u8]) -> Result<Vec<Dir>> {
    let header = data
        .get(BASE..BASE + 8)
        .ok_or_else(|| corrupt("no Phase One header"))?;
    if &header[..4] != b"IIII" || &header[5..8] != b"waR" {
        return Err(corrupt("no Phase One header"));
    }
    let main = read_dir(data, BASE, 16, MAIN_REMOVED)?;
    let mut dirs = Vec::new();
    if let Some(e) = main.entries.iter().find(|e| e.tag == CALIBRATION) {
        let at = e.value.start;
        if data.get(at..at + 8) != Some(b"IIII\x01\0\0\0") {
            return Err(corrupt("Phase One's sensor calibration cannot be read"));
        }
        dirs.push(read_dir(data, at, 12, CALIBRATION_REMOVED)?);
    }
    dirs.insert(0, main);
    Ok(dirs)
}

/// Whether an entry is kept and its value compared byte for byte (the calibration block is
/// compared entry by entry instead).
fn compared(e: &Entry, dir: &Dir) -> bool {
    !dir.removed.contains(&e.tag) && (dir.removed != MAIN_REMOVED || e.tag != CALIBRATION)
}

/// What cleaning an IIQ adds to its TIFF directories': Phase One's directories without their
/// removed entries, whose values are zeroed, every kept value untouched (text up to its end);
/// an EXIF maker note elsewhere than Phase One's directory is zeroed.
pub(super) fn parts(data: &[u8], maker_note: Option<Range<usize>>) -> Result<Parts> {
    let dirs = read(data)?;
    let encrypted = dirs[0]
        .entries
        .iter()
        .find(|e| e.tag == FORMAT)
        .and_then(|e| data.get(e.value.clone()))
        .is_some_and(|v| v.first().is_some_and(|&f| f == 1 || f == 2));
    if encrypted {
        return Err(Error::RawNotCleaned {
            family: RawFamily::Iiq,
            why: RawRefusal::MakerNoteNotHandled,
        });
    }
    let mut parts = Parts::default();
    parts.zeroed.extend(maker_note.filter(|r| r.start != BASE));
    for dir in &dirs {
        parts.protected.push(dir.at..dir.at + 8);
        for e in &dir.entries {
            let outside = e.value.start < e.at.start || e.value.start >= e.at.end;
            if dir.removed.contains(&e.tag) {
                if outside {
                    parts.zeroed.push(e.value.clone());
                }
            } else if outside && compared(e, dir) {
                let kept = e.kept(data);
                parts.zeroed.push(kept.end..e.value.end);
                parts.protected.push(kept);
            }
        }
        let kept: Vec<&Entry> = dir
            .entries
            .iter()
            .filter(|e| !dir.removed.contains(&e.tag))
            .collect();
        if kept.len() < dir.entries.len() {
            let span = dir.span();
            let mut block = Vec::with_capacity(span.len());
            block.extend((kept.len() as u32).to_le_bytes());
            block.extend(&data[dir.at + 4..dir.at + 8]);
            for e in kept {
                block.extend(&data[e.at.clone()]);
            }
            block.resize(span.len(), 0);
            parts.rewrites.push((span.start, block));
        }
    }
    Ok(parts)
}

/// What verification compares of Phase One's directories: every kept entry and its value.
pub(super) fn pieces(data: &Bytes) -> Result<Vec<Bytes>> {
    let dirs = read(data)?;
    let mut tags = Vec::new();
    let mut out = Vec::new();
    for dir in &dirs {
        for e in dir.entries.iter().filter(|e| compared(e, dir)) {
            tags.extend(&data[e.at.start..e.at.start + 4]);
            tags.extend((e.value.len() as u64).to_le_bytes());
            out.push(data.slice(e.kept(data)));
        }
    }
    out.insert(0, Bytes::from(tags));
    Ok(out)
}

/// The camera back's serial numbers in Phase One's directories, for the scan.
pub(super) fn findings(data: &[u8]) -> Vec<Finding> {
    let Ok(dirs) = read(data) else {
        return Vec::new();
    };
    dirs.iter()
        .flat_map(|d| &d.entries)
        .filter(|e| e.tag == SERIAL || e.tag == CALIBRATION_SERIAL)
        .filter_map(|e| {
            let text = String::from_utf8_lossy(&data[e.value.clone()]);
            let text = text.trim_end_matches('\0').trim();
            (!text.is_empty()).then(|| {
                Finding::new(
                    Category::Device,
                    "PhaseOne:SerialNumber",
                    text.to_string(),
                    Severity::High,
                    Explanation::SerialNumber,
                )
            })
        })
        .collect()
}
