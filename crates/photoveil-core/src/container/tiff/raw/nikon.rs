//! Nikon NEF: what its maker note gives away, what a converter needs, and which files cannot be
//! cleaned. The maker note (type 3, exiftool's `Nikon.pm`) is `Nikon\0`, a version, then a TIFF
//! header of its own at byte 10: its offsets count from that header.
//!
//! Since the D50 (2005), Nikon enciphers the colour balance (0x0097, versions 02xx and later),
//! the lens data (0x0098, 0201 and later) and the shot information (0x0091, 02xx and 08xx) with
//! a key made from the camera's serial number (0x001D) and its shutter count (0x00A7):
//! converters read both to decipher the white balance, so blanking them would spoil the
//! picture. Such files stay refused ([`crate::error::RawRefusal::SerialDecryptsColour`]). Older
//! files (D1, D100, D2H, D70...) store those blocks in the clear, and are cleaned in place.
//!
//! Removed from the maker note (the entries taken out of the directory, their values zeroed):
//! 0x001D and 0x00A0 SerialNumber, 0x00A7 ShutterCount (with the serial, it tells one camera
//! from another), 0x0024 WorldTime (time zone and daylight saving), 0x0039 LocationInfo (place
//! names), 0x00B6 PowerUpTime (a date), 0x00B8 FileInfo (memory card, folder and file numbers),
//! 0x00C3 BarometerInfo (air pressure, hence altitude), 0x0E01 NikonCaptureData and 0x0E13
//! NikonCaptureEditVersions (the settings of Nikon's editing program, which carry IPTC captions,
//! place names and names; no converter develops the picture from them, Nikon Capture NX loses
//! the edits made in it).
//!
//! Kept, because converters need them: the colour balance, lens data, NEF compression and
//! linearisation table (0x0093, 0x0096), white balance levels (0x000C), the sensor's size and
//! crop, ISO and exposure settings, the preview directory, and every other entry (none names the
//! owner or the camera).

use std::ops::Range;

use bytes::Bytes;

use super::{block, Parts};
use crate::error::{Error, RawRefusal, Result};
use crate::format::RawFamily;

/// Maker-note entries removed from a NEF.
pub(crate) const MAKER_NOTE_REMOVED: &[u16] = &[
    0x001D, // SerialNumber
    0x0024, // WorldTime
    0x0039, // LocationInfo
    0x00A0, // SerialNumber (older cameras)
    0x00A7, // ShutterCount
    0x00B6, // PowerUpTime
    0x00B8, // FileInfo
    0x00C3, // BarometerInfo
    0x0E01, // NikonCaptureData
    0x0E13, // NikonCaptureEditVersions
];

/// Versions (the first four bytes) of the blocks Nikon stores in the clear; any other version
/// of these blocks is enciphered with the serial number.
const PLAIN: &[(u16, &[&[u8; 4]])] = &[
    (0x0097, &[b"0100", b"0102", b"0103"]),
    (0x0098, &[b"0100", b"0101"]),
];
/// The shot information is enciphered from version 02xx on (and 08xx, the Z cameras).
const SHOT_INFO: u16 = 0x0091;

/// Where the maker note's own TIFF block lies inside the maker note's value (type 3, `Nikon\0`
/// then a version, the TIFF header at byte 10), or `None` for other layouts.
pub(crate) fn maker_note_block(note: &[u8]) -> Option<Range<usize>> {
    let tiff = note.get(10..14)?;
    (note.starts_with(b"Nikon\0") && (tiff == b"II*\0" || tiff == b"MM\0*"))
        .then_some(10..note.len())
}

/// Whether one of the maker note's blocks is enciphered with the serial number and shutter
/// count (so neither can be blanked without spoiling the picture).
pub(crate) fn serial_keyed(block: &[u8]) -> Result<bool> {
    let entries = block::root_entries(block)?;
    let version = |tag: u16| {
        entries
            .iter()
            .find(|(t, _)| *t == tag)
            .and_then(|(_, v)| block.get(v.start..v.start.checked_add(4)?))
    };
    let keyed_block = PLAIN.iter().any(|(tag, plain)| {
        version(*tag).is_some_and(|v| !plain.iter().any(|p| p.as_slice() == v))
    });
    let keyed_shot =
        version(SHOT_INFO).is_some_and(|v| v.starts_with(b"02") || v.starts_with(b"08"));
    Ok(keyed_block || keyed_shot)
}

/// The refusal of a NEF whose maker note cannot be cleaned without spoiling the picture.
fn refused() -> Error {
    Error::RawNotCleaned {
        family: RawFamily::Nef,
        why: RawRefusal::SerialDecryptsColour,
    }
}

/// Where the maker note's own TIFF block lies in the file, if the NEF can be cleaned: a type-3
/// maker note none of whose blocks is keyed by the serial number.
fn cleanable_block(data: &[u8], maker_note: Option<Range<usize>>) -> Result<Range<usize>> {
    let note = maker_note.ok_or_else(refused)?;
    let inner = data
        .get(note.clone())
        .and_then(maker_note_block)
        .ok_or_else(refused)?;
    let block = note.start + inner.start..note.start + inner.end;
    if serial_keyed(&data[block.clone()])? {
        return Err(refused());
    }
    Ok(block)
}

/// What the maker note adds to the cleaning of a NEF: its own block written again without the
/// removed entries (see [`MAKER_NOTE_REMOVED`]), or the refusal.
pub(super) fn parts(data: &[u8], maker_note: Option<Range<usize>>) -> Result<Parts> {
    let block = cleanable_block(data, maker_note)?;
    let cleaned = block::clean_root(&data[block.clone()], MAKER_NOTE_REMOVED)?;
    Ok(Parts {
        rewrites: vec![(block.start, cleaned)],
        ..Parts::default()
    })
}

/// What verification compares in a NEF's maker note: its header and every kept entry.
pub(super) fn pieces(data: &Bytes, maker_note: Option<Range<usize>>) -> Result<Vec<Bytes>> {
    let block = cleanable_block(data, maker_note)?;
    let mut out = vec![data.slice(block.start - 10..block.start)];
    out.extend(block::root_pieces(&data.slice(block), MAKER_NOTE_REMOVED)?);
    Ok(out)
}
