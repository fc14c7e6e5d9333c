//! Canon CR3 (ISO base media boxes, brand `crx `), cleaned in place: the same length, nothing
//! moves, so every offset (`co64` chunk offsets, `CTBO`, the TIFF blocks' own) stays valid.
//!
//! Canon's `uuid` box in `moov` holds four TIFF blocks, each cleaned where it lies (offsets in
//! a block count from its start): `CMT1` (IFD0: Make, Model, dates, Artist, Copyright) and
//! `CMT2` (the EXIF directory: dates, owner, body and lens serial numbers) lose their private
//! entries as a CR2's IFD0 and EXIF directory do (`tiff::raw`); `CMT3` is Canon's maker note,
//! cleaned like a CR2's (`tiff::raw::block`) with [`MAKER_NOTE_REMOVED`]; `CMT4`, the GPS
//! directory, is emptied but for a GPSVersionID (its TIFF header kept: rawler refuses a file
//! without a valid block). The timed metadata (`CTMD` track, a sample in `mdat`) repeats the
//! EXIF directory and the maker note in its records 7 to 12: those blocks are cleaned the same
//! way, and record 1, the date and time the picture was taken, is zeroed. The movie, track and
//! media headers' creation and modification times are zeroed; the XMP box is replaced by an empty packet (same
//! length, spaces); the `THMB` thumbnail, the `PRVW` preview and JPEG samples in `mdat` lose
//! their own metadata segments (zeroed, same length).
//!
//! Kept, because a converter needs them (rawler's `decoders/cr3.rs` reads them): the boxes'
//! structure and sample tables (`CMP1`, `CDI1`/`IAD1`: the CRX coding, sensor size and crop),
//! `CNCV`, `CCTP`, `CTBO`, Make and Model (`CMT1`: which camera, hence its colour matrix), the
//! exposure and lens entries of `CMT2` (LensModel: lens corrections), every maker-note entry
//! not listed below (CameraSettings 0x0001 says raw or craw, FileInfo 0x0093 and CameraSettings
//! give the lens id, ColorData 0x4001 the white balance and black and white levels, SensorInfo
//! 0x00E0 the borders), the timed metadata's focal length, exposure and ColorData, and the
//! sensor data byte for byte. A trimmed file whose sensor samples run past its end is read as
//! far as it goes; a timed-metadata sample cut off is refused (it could not be cleaned whole).

mod ctmd;
mod findings;
mod layout;

use std::ops::Range;

use bytes::Bytes;

use super::super::tiff::ifd;
use super::super::tiff::raw::{self as tiff_raw, block};
use super::super::{CleanMethod, Cleaned, Inspection, Kept};
use crate::error::Result;
use crate::format::RawFamily;
use crate::meta::Payloads;
use layout::{corrupt, Layout};

/// Maker-note entries removed from a CR3 (`CMT3` and the timed metadata's maker notes): a
/// CR2's (owner name 0x0009, serial number 0x000C, camera info 0x000D with the owner's name or
/// the lens serial number on some models, ImageUniqueID 0x0028, TimeInfo 0x0035, internal
/// serial number 0x0096) and two entries exiftool does not name that hold the picture's unique
/// ID again: 0x0033 (16 bytes, the last ten those of ImageUniqueID) and 0x4039 (ImageUniqueID's
/// 16 bytes). No converter develops the picture from any of them.
pub(crate) const MAKER_NOTE_REMOVED: &[u16] = &[
    0x0009, 0x000C, 0x000D, 0x0028, 0x0033, 0x0035, 0x0096, 0x4039,
];

/// The blank XMP packet left in the XMP box (padded with spaces).
const BLANK_XMP: &[u8] = b"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>";

/// Finds the metadata of a Canon CR3 file.
pub(super) fn inspect(data: &Bytes) -> Result<Inspection> {
    let layout = layout::read(data)?;
    let mut payloads = Payloads::default();
    let [cmt1, cmt2, cmt3, cmt4] = &layout.cmt;
    if let Some(r) = cmt1 {
        payloads.exif.push(data[r.clone()].to_vec());
    }
    if let Some(r) = cmt2 {
        payloads
            .exif
            .push(findings::as_sub_directory(&data[r.clone()], 0x8769));
    }
    if let Some(r) = cmt4 {
        payloads
            .exif
            .push(findings::as_sub_directory(&data[r.clone()], 0x8825));
    }
    let found = &mut payloads.container_findings;
    if let Some(r) = cmt3 {
        findings::maker_note(&data[r.clone()], MAKER_NOTE_REMOVED, found);
    }
    found.extend(findings::header_date(data, &layout.dates));
    for record in timed_records(data, &layout)? {
        if record.kind == ctmd::TIMESTAMP {
            found.extend(findings::timestamp(&data[record.payload.clone()]));
        }
        for (tag, r) in &record.blocks {
            if *tag == ctmd::EXIF_BLOCK {
                payloads
                    .exif
                    .push(findings::as_sub_directory(&data[r.clone()], 0x8769));
            } else {
                findings::maker_note(&data[r.clone()], MAKER_NOTE_REMOVED, found);
            }
        }
    }
    if let Some(r) = &layout.xmp {
        let xmp = &data[r.clone()];
        let blank = xmp.starts_with(BLANK_XMP)
            && xmp[BLANK_XMP.len()..].iter().all(|&b| b == b' ' || b == 0);
        if !blank && xmp.iter().any(|&b| !b.is_ascii_whitespace() && b != 0) {
            payloads.xmp.push(xmp.to_vec());
        }
    }
    let (width, height) = cmt1
        .as_ref()
        .map_or((None, None), |r| size(&data[r.clone()]));
    Ok(Inspection {
        width,
        height,
        payloads,
        is_raw: true,
        picture: picture(data, &layout).ok(),
    })
}

/// The picture's size from `CMT1` (IFD0's ImageWidth and ImageLength).
fn size(tiff: &[u8]) -> (Option<u32>, Option<u32>) {
    let Ok((order, first)) = ifd::header(tiff) else {
        return (None, None);
    };
    let Ok(dir) = ifd::read(tiff, order, first) else {
        return (None, None);
    };
    let number = |tag| {
        dir.get(tag)
            .and_then(|e| e.number(tiff, order).ok())
            .and_then(|n| u32::try_from(n).ok())
    };
    (number(256), number(257))
}

/// The records of every timed-metadata sample.
fn timed_records(data: &[u8], layout: &Layout) -> Result<Vec<ctmd::Record>> {
    let mut out = Vec::new();
    for track in layout.tracks.iter().filter(|t| t.ctmd) {
        for sample in &track.samples {
            if sample.end > layout.mdat.end || sample.start < layout.mdat.start {
                return Err(corrupt(
                    "the timed metadata lies outside the media data (cut off?)",
                ));
            }
            out.extend(ctmd::records(data, sample.clone())?);
        }
    }
    Ok(out)
}

/// JPEG samples in `mdat` (a track's sample that starts as a JPEG does).
fn jpeg_samples(data: &[u8], layout: &Layout) -> Vec<Range<usize>> {
    layout
        .tracks
        .iter()
        .filter(|t| !t.ctmd)
        .flat_map(|t| t.samples.iter().cloned())
        .filter(|s| {
            data.get(s.clone())
                .is_some_and(|b| b.starts_with(&[0xFF, 0xD8]))
        })
        .collect()
}

/// What verification compares: the boxes that describe the picture, the kept entries of every
/// TIFF block, the timed metadata's other records, and `mdat` but the timed metadata, with the
/// JPEGs' metadata segments blanked.
fn picture(data: &Bytes, layout: &Layout) -> Result<Vec<Bytes>> {
    let mut out: Vec<Bytes> = layout.kept.iter().map(|r| data.slice(r.clone())).collect();
    out.extend(layout.tracks.iter().map(|t| data.slice(t.stbl.clone())));
    let [cmt1, cmt2, cmt3, _] = &layout.cmt;
    for r in [cmt1, cmt2].into_iter().flatten() {
        out.extend(tiff_raw::pieces(&padded(&data[r.clone()]), RawFamily::Cr3)?);
    }
    if let Some(r) = cmt3 {
        out.extend(block::root_pieces(
            &padded(&data[r.clone()]),
            MAKER_NOTE_REMOVED,
        )?);
    }
    let records = timed_records(data, layout)?;
    for record in &records {
        if record.kind != ctmd::TIMESTAMP && record.blocks.is_empty() {
            out.push(data.slice(record.payload.clone()));
        }
        for (tag, r) in &record.blocks {
            let tiff = padded(&data[r.clone()]);
            out.extend(if *tag == ctmd::EXIF_BLOCK {
                tiff_raw::pieces(&tiff, RawFamily::Cr3)?
            } else {
                block::root_pieces(&tiff, MAKER_NOTE_REMOVED)?
            });
        }
    }
    let jpegs = jpeg_samples(data, layout);
    let mut holes: Vec<Range<usize>> = layout
        .tracks
        .iter()
        .filter(|t| t.ctmd)
        .flat_map(|t| t.samples.iter().cloned())
        .chain(jpegs.iter().cloned())
        .collect();
    holes.sort_by_key(|r| r.start);
    let mut at = layout.mdat.start;
    for h in holes {
        if h.start > at {
            out.push(data.slice(at..h.start.min(layout.mdat.end)));
        }
        at = at.max(h.end);
    }
    if at < layout.mdat.end {
        out.push(data.slice(at..layout.mdat.end));
    }
    for r in jpegs
        .into_iter()
        .chain(layout.thumbnail.clone())
        .chain(layout.preview.clone())
    {
        let mut copy = data[r.clone()].to_vec();
        for s in block::jpeg_metadata(&data[r]) {
            copy[s].fill(0);
        }
        out.push(Bytes::from(copy));
    }
    Ok(out)
}

/// Writes a cleaned copy of a Canon CR3 file, in place (the same length).
pub(super) fn clean(data: &Bytes, _inspection: &Inspection) -> Result<Cleaned> {
    let layout = layout::read(data)?;
    let mut out = data.to_vec();
    let [cmt1, cmt2, cmt3, cmt4] = &layout.cmt;
    for r in [cmt1, cmt2].into_iter().flatten() {
        let cleaned = tiff_raw::clean(&padded(&data[r.clone()]), RawFamily::Cr3)?;
        put(&mut out, r, &cleaned)?;
    }
    if let Some(r) = cmt3 {
        let cleaned = block::clean_root(&padded(&data[r.clone()]), MAKER_NOTE_REMOVED)?;
        put(&mut out, r, &cleaned)?;
    }
    if let Some(r) = cmt4 {
        empty_gps(&mut out[r.clone()]);
    }
    for record in timed_records(data, &layout)? {
        if record.kind == ctmd::TIMESTAMP {
            out[record.payload.clone()].fill(0);
        }
        for (tag, r) in &record.blocks {
            let tiff = padded(&data[r.clone()]);
            let cleaned = if *tag == ctmd::EXIF_BLOCK {
                tiff_raw::clean(&tiff, RawFamily::Cr3)?
            } else {
                block::clean_root(&tiff, MAKER_NOTE_REMOVED)?
            };
            put(&mut out, r, &cleaned)?;
        }
    }
    for r in &layout.dates {
        out[r.clone()].fill(0);
    }
    if let Some(r) = &layout.xmp {
        let xmp = &mut out[r.clone()];
        xmp.fill(if xmp.len() >= BLANK_XMP.len() {
            b' '
        } else {
            0
        });
        if let Some(start) = xmp.get_mut(..BLANK_XMP.len()) {
            start.copy_from_slice(BLANK_XMP);
        }
    }
    for r in jpeg_samples(data, &layout)
        .into_iter()
        .chain(layout.thumbnail.clone())
        .chain(layout.preview.clone())
    {
        for s in block::jpeg_metadata(&data[r.clone()]) {
            out[r.start + s.start..r.start + s.end].fill(0);
        }
    }
    Ok(Cleaned {
        bytes: out,
        kept: vec![Kept::CameraDetails],
        method: CleanMethod::Lossless,
    })
}

/// A TIFF block followed by 4 zero bytes: Canon leaves out the last directory's next-directory
/// offset in some blocks of the timed metadata, which the TIFF reader wants.
fn padded(tiff: &[u8]) -> Bytes {
    Bytes::from([tiff, &[0; 4]].concat())
}

/// Puts a cleaned, padded block back where it lies, without its padding.
fn put(out: &mut [u8], at: &Range<usize>, cleaned: &[u8]) -> Result<()> {
    let cleaned = cleaned
        .get(..at.len())
        .ok_or_else(|| corrupt("a cleaned block changed length"))?;
    out[at.clone()].copy_from_slice(cleaned);
    Ok(())
}

/// Empties the GPS block in place: its header kept, pointing at a first directory at offset 8
/// that holds GPSVersionID 2.3.0.0 alone (rawler refuses a CR3 whose `CMT4` directory has no
/// entry), everything else zeroed; the whole block zeroed when it is not a TIFF.
fn empty_gps(tiff: &mut [u8]) {
    let order = ifd::header(tiff).ok().map(|(o, _)| o);
    match order {
        Some(order) if tiff.len() >= 26 => {
            tiff[4..].fill(0);
            tiff[4..8].copy_from_slice(&order.put_u32(8));
            tiff[8..10].copy_from_slice(&order.put_u16(1));
            tiff[12..14].copy_from_slice(&order.put_u16(1)); // BYTE
            tiff[14..18].copy_from_slice(&order.put_u32(4));
            tiff[18..22].copy_from_slice(&[2, 3, 0, 0]);
        }
        _ => tiff.fill(0),
    }
}
