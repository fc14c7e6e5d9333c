//! Which camera RAW family a TIFF-structured file is, from its header and IFD0 (never from its
//! name), and why the families that are not cleaned are refused.

use super::canon;
use crate::container::tiff::{ifd, SUB_IFDS};
use crate::error::RawRefusal;
use crate::format::RawFamily;

const DNG_VERSION: u16 = 0xC612;
const COMPRESSION: u16 = 259;
const MAKE: u16 = 271;
/// Compression numbers only camera RAW files use (Sony, Panasonic, Samsung, Nikon, Kodak,
/// Pentax): a TIFF carrying one is not rewritten as a plain picture.
const RAW_COMPRESSIONS: &[u64] = &[32767, 32769, 32770, 34713, 65000, 65535];

/// The RAW family of a TIFF-structured file, or `None` for an ordinary TIFF.
pub(crate) fn family(data: &[u8]) -> Option<RawFamily> {
    match data.get(..4)? {
        b"IIU\0" => return Some(RawFamily::Rw2),
        b"IIRO" | b"IIRS" | b"MMOR" => return Some(RawFamily::Orf),
        _ => {}
    }
    if canon::is_cr2(data) {
        return Some(RawFamily::Cr2);
    }
    if data.get(8..12) == Some(b"IIII") {
        return Some(RawFamily::Iiq);
    }
    let (order, first) = ifd::header(data).ok()?;
    let dir = ifd::read(data, order, first).ok()?;
    if dir.get(DNG_VERSION).is_some() {
        return Some(RawFamily::Dng);
    }
    let raw_compression = dir
        .get(COMPRESSION)
        .and_then(|e| e.number(data, order).ok())
        .is_some_and(|c| RAW_COMPRESSIONS.contains(&c));
    if dir.get(SUB_IFDS).is_none() && !raw_compression {
        return None;
    }
    let make = dir
        .get(MAKE)
        .and_then(|e| e.value.clone())
        .map(|v| String::from_utf8_lossy(&data[v]).to_ascii_uppercase())
        .unwrap_or_default();
    Some(if make.starts_with("NIKON") {
        RawFamily::Nef
    } else if make.starts_with("SONY") {
        RawFamily::Arw
    } else if make.starts_with("PENTAX") || make.starts_with("RICOH") {
        RawFamily::Pef
    } else {
        RawFamily::Other
    })
}

/// Why a family that is not cleaned is refused.
pub(crate) fn refusal(family: RawFamily) -> RawRefusal {
    match family {
        RawFamily::Nef => RawRefusal::SerialDecryptsColour,
        RawFamily::Arw => RawRefusal::SerialEnciphered,
        RawFamily::Cr3 | RawFamily::Raf | RawFamily::Crw | RawFamily::Mrw | RawFamily::X3f => {
            RawRefusal::ContainerNotRead
        }
        _ => RawRefusal::MakerNoteNotHandled,
    }
}

/// Whether PhotoVeil cleans this family in place.
pub(crate) fn cleaned(family: RawFamily) -> bool {
    matches!(
        family,
        RawFamily::Dng | RawFamily::Cr2 | RawFamily::Rw2 | RawFamily::Iiq | RawFamily::Nef
    )
}
