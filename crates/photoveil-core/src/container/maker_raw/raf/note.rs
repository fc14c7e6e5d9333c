//! The Fujifilm maker note inside a RAF's EXIF: "FUJIFILM", a 4-byte little-endian offset to its
//! directory, then a directory whose value offsets count from the note's start (always
//! little-endian, whatever the EXIF's byte order). Documented tag by tag in exiftool's
//! `FujiFilm.pm`.
//!
//! Removed (taken out of the directory, the kept entries closed up, the values zeroed):
//! - 0x0010 InternalSerialNumber (the camera's serial number and the date it was made);
//! - 0x4282 FaceRecInfo (the names, categories and birthdays of the people the camera was taught
//!   to recognise);
//! - 0x8002 OrderNumber (a print order's number, on files from Fujifilm's lab scanners).
//!
//! Kept: every other entry (picture settings, film simulation, dynamic range, lens focal range,
//! face positions without names). rawler refuses a RAF whose EXIF has no maker note ("File has
//! not makernotes"), and LibRaw reads its settings; none of the kept entries names the owner or
//! the camera's serial number.

use std::ops::Range;

use crate::container::tiff::ifd::{self, Ifd, Order};
use crate::container::tiff::raw;
use crate::error::{Error, Result};
use crate::finding::{Category, Explanation, Finding, Severity};
use crate::format::ImageFormat;
use crate::meta::clip;

/// Maker-note entries removed from a RAF.
const REMOVED: &[u16] = &[0x0010, 0x4282, 0x8002];
const MAKER_NOTE: u16 = 0x927C;
const EXIF_IFD: u16 = 0x8769;
/// The maker note's byte order: always Intel.
const LITTLE: Order = Order { little: true };

fn corrupt(detail: &str) -> Error {
    Error::corrupt(ImageFormat::CameraRaw, detail)
}

/// Where the maker note lies in an EXIF TIFF block (the EXIF directory's MakerNote value), if
/// it has one.
pub(super) fn locate(tiff: &[u8]) -> Result<Option<Range<usize>>> {
    let (order, first) = ifd::header(tiff)?;
    let ifd0 = ifd::read(tiff, order, first)?;
    let Some(exif) = ifd0.get(EXIF_IFD) else {
        return Ok(None);
    };
    let dir = ifd::read(tiff, order, exif.number(tiff, order)? as u32)?;
    Ok(dir.get(MAKER_NOTE).and_then(|e| e.value.clone()))
}

/// The note's directory, read within the note.
fn directory(note: &[u8]) -> Result<Ifd> {
    if !note.starts_with(b"FUJIFILM") {
        return Err(corrupt("the maker note is not Fujifilm's"));
    }
    let at = LITTLE.u32(note, 8)?;
    ifd::read(note, LITTLE, at).map_err(|_| corrupt("the Fujifilm maker note cannot be read"))
}

/// The private entries of the maker note, for the scan (nothing when there is no readable note).
pub(super) fn findings(tiff: &[u8]) -> Vec<Finding> {
    let Some(range) = locate(tiff).ok().flatten() else {
        return Vec::new();
    };
    let note = &tiff[range];
    let Ok(dir) = directory(note) else {
        return Vec::new();
    };
    let text = |tag: u16| {
        dir.get(tag)
            .and_then(|e| e.value.clone())
            .map(|v| clip(&String::from_utf8_lossy(&note[v]), 80))
    };
    let mut out = Vec::new();
    if let Some(serial) = text(0x0010) {
        out.push(Finding::new(
            Category::Device,
            "FujiFilm:InternalSerialNumber",
            serial,
            Severity::High,
            Explanation::SerialNumber,
        ));
    }
    if dir.get(0x4282).is_some() {
        out.push(Finding::new(
            Category::Person,
            "FujiFilm:FaceRecInfo",
            "names and birthdays of recognised faces",
            Severity::High,
            Explanation::NamedPersonRegion,
        ));
    }
    if let Some(order) = text(0x8002) {
        out.push(Finding::new(
            Category::Hidden,
            "FujiFilm:OrderNumber",
            order,
            Severity::Medium,
            Explanation::UniqueId,
        ));
    }
    out
}

/// Cleans the maker note of an EXIF TIFF block in place: the private entries leave its
/// directory and their values are zeroed. A note that cannot be read is refused rather than
/// left with the serial number.
pub(super) fn clean(tiff: &mut [u8]) -> Result<()> {
    let Some(range) = locate(tiff)? else {
        return Ok(());
    };
    let original = tiff[range.clone()].to_vec();
    let dir = directory(&original)?;
    let cleaned = raw::block::clean_directory(&original, LITTLE, &dir, REMOVED)?;
    tiff[range].copy_from_slice(&cleaned);
    Ok(())
}
