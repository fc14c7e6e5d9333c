//! Panasonic RW2 (and Leica RWL): a TIFF with the `IIU` magic whose IFD0 holds Panasonic's own
//! RAW tags (documented in exiftool's `PanasonicRaw.pm`) next to Make, Model, Orientation and the
//! EXIF and GPS pointers, and `JpgFromRaw` (0x002E): an embedded JPEG whose own APP1 EXIF
//! carries the full EXIF (dates, owner, GPS, and Panasonic's maker note with the camera's
//! internal serial number).
//!
//! Kept, because converters need them to develop the picture: every PanasonicRaw tag of IFD0
//! (sensor size and borders, CFA pattern, bits per sample, compression and RAW format, black
//! levels, white balance, linearity limits, crop, distortion info, RawDataOffset 0x0118, the
//! CameraIFD 0x0120 with the lens type that rawler reads) and the sensor data from RawDataOffset
//! to the end of the file, byte for byte. The JpgFromRaw keeps its picture (rawler and LibRaw
//! read it only as the preview) and its EXIF, cleaned in place by the same rules as the file's
//! own directories (offsets count from the EXIF block's start): GPS zeroed whole, dates, owner,
//! serial numbers and software removed, the thumbnail's directory (IFD1) dropped, exposure
//! settings, make, model and the maker note kept. Neither rawler nor LibRaw reads that EXIF to
//! develop the picture; it is kept for the shooting details that catalogues show.
//!
//! The maker note (in the JpgFromRaw's EXIF, or in the file's own EXIF directory where a model
//! writes it there) is kept and cleaned inside, not removed: rawler takes the focal length for
//! its lens lookup from the EXIF directory that holds a maker note, and LibRaw reads lens details
//! from it. Removed from it (the entries taken out of its directory, their values zeroed), per
//! exiftool's `Panasonic.pm`:
//! - 0x0021 DataDump (an undocumented binary block), 0x0025 InternalSerialNumber, 0x0052
//!   LensSerialNumber, 0x0054 AccessorySerialNumber;
//! - 0x0033 and 0x8010 BabyAge, 0x0036 TravelDay, 0x00AF TimeStamp, 0x2003 TimeInfo (dates);
//! - 0x0061 FaceRecInfo and 0x0063 RecognizedFaceFlags (names and ages of recognised faces),
//!   0x0065 Title, 0x0066 BabyName, 0x0067 Location, 0x0069 Country, 0x006B State, 0x006D City,
//!   0x006F Landmark, 0x0080 City2 (text the owner typed), 0x0086 ManometerPressure (altitude
//!   or depth).
//!
//! Everything else of the maker note (quality, white balance and its levels, focus, lens type,
//! image stabilisation, scene and colour modes) names no one and is kept.

use std::ops::Range;

use bytes::Bytes;

use super::{clean_in, jpeg_metadata_segments, pieces_in, Parts, Walk};
use crate::container::tiff::ifd::{corrupt, Ifd};
use crate::error::Result;
use crate::format::RawFamily;

/// Maker-note entries removed from a Panasonic maker note.
pub(super) const MAKER_NOTE_REMOVED: &[u16] = &[
    0x0021, // DataDump (undocumented binary)
    0x0025, // InternalSerialNumber
    0x0033, // BabyAge
    0x0036, // TravelDay
    0x0052, // LensSerialNumber
    0x0054, // AccessorySerialNumber
    0x0061, // FaceRecInfo (names of recognised faces)
    0x0063, // RecognizedFaceFlags
    0x0065, // Title
    0x0066, // BabyName
    0x0067, // Location
    0x0069, // Country
    0x006B, // State
    0x006D, // City
    0x006F, // Landmark
    0x0080, // City2
    0x0086, // ManometerPressure
    0x00AF, // TimeStamp
    0x2003, // TimeInfo
    0x8010, // BabyAge
];

/// What a Panasonic maker note starts with, before its directory.
const HEADER: &[u8] = b"Panasonic\0\0\0";
/// The IFD0 tag of the embedded JPEG with the full EXIF.
const JPG_FROM_RAW: u16 = 0x002E;
/// The IFD0 tag of the sensor data's offset (the data runs to the end of the file).
const RAW_DATA_OFFSET: u16 = 0x0118;
const EXIF_SIGNATURE: &[u8] = b"Exif\0\0";

/// Where a maker note's directory starts inside it: after Panasonic's header, or at once.
pub(super) fn maker_note_header(note: &[u8]) -> usize {
    if note.starts_with(HEADER) {
        HEADER.len()
    } else {
        0
    }
}

/// The JpgFromRaw of an RW2's IFD0, when it holds a JPEG.
pub(super) fn preview(data: &[u8], ifd0: &Ifd) -> Option<Range<usize>> {
    let v = ifd0.get(JPG_FROM_RAW)?.value.clone()?;
    data[v.clone()].starts_with(&[0xFF, 0xD8]).then_some(v)
}

/// The TIFF block of the APP1 EXIF of `jpeg` (a range inside `data`), as a range of `data`.
fn preview_exif(data: &[u8], jpeg: &Range<usize>) -> Option<Range<usize>> {
    jpeg_metadata_segments(&data[jpeg.clone()])
        .into_iter()
        .map(|s| jpeg.start + s.start..jpeg.start + s.end)
        .find(|s| data[s.clone()].starts_with(EXIF_SIGNATURE))
        .map(|s| s.start + EXIF_SIGNATURE.len()..s.end)
}

/// The sensor data: from RawDataOffset to the end of the file.
fn raw_data(data: &[u8], w: &Walk) -> Option<Range<usize>> {
    let (ifd0, _) = w.ifds.first()?;
    let at = ifd0.get(RAW_DATA_OFFSET)?.number(data, w.order).ok()? as usize;
    (at < data.len()).then_some(at..data.len())
}

/// The EXIF block of an RW2's JpgFromRaw, for the scan.
pub(super) fn embedded_exif(data: &[u8]) -> Option<Vec<u8>> {
    let w = super::walk(data, RawFamily::Rw2, true).ok()?;
    let exif = preview_exif(data, w.preview.as_ref()?)?;
    Some(data[exif].to_vec())
}

/// What cleaning an RW2 adds to its directories': the sensor data and the JpgFromRaw must not
/// change but where the JpgFromRaw's metadata is cleaned (its EXIF block in place, its other
/// metadata segments zeroed).
pub(super) fn parts(data: &[u8], w: &Walk) -> Result<Parts> {
    let mut parts = Parts::default();
    parts.protected.extend(raw_data(data, w));
    let Some(jpeg) = w.preview.clone() else {
        return Ok(parts);
    };
    parts.protected.push(jpeg.clone());
    let exif = preview_exif(data, &jpeg);
    for s in jpeg_metadata_segments(&data[jpeg.clone()]) {
        let s = jpeg.start + s.start..jpeg.start + s.end;
        let holds_exif = exif.as_ref().is_some_and(|e| s.contains(&e.start));
        if !holds_exif {
            parts.rewrites.push((s.start, vec![0; s.len()]));
        }
    }
    if let Some(exif) = exif {
        let cleaned = clean_in(&data[exif.clone()], RawFamily::Rw2, false)
            .map_err(|_| corrupt("the preview's EXIF cannot be read"))?;
        parts.rewrites.push((exif.start, cleaned));
    }
    Ok(parts)
}

/// What verification compares of an RW2 beyond its directories: the sensor data, the
/// JpgFromRaw with its metadata segments blanked, and the kept parts of its EXIF.
pub(super) fn pieces(data: &Bytes, w: &Walk) -> Result<Vec<Bytes>> {
    let mut out: Vec<Bytes> = raw_data(data, w)
        .map(|r| data.slice(r))
        .into_iter()
        .collect();
    let Some(jpeg) = w.preview.clone() else {
        return Ok(out);
    };
    let mut blanked = data[jpeg.clone()].to_vec();
    for s in jpeg_metadata_segments(&blanked) {
        blanked[s].fill(0);
    }
    out.push(Bytes::from(blanked));
    if let Some(exif) = preview_exif(data, &jpeg) {
        out.extend(pieces_in(&data.slice(exif), RawFamily::Rw2, false)?);
    }
    Ok(out)
}
