//! Camera RAW cleaned in place (DNG, Canon CR2, Panasonic RW2, Phase One IIQ): nothing moves,
//! so every offset in the file (sensor data, previews, colour tables, the maker note's own
//! pointers) stays valid. Private
//! entries are taken out of their directories (the kept entries close up, the count and next
//! pointer follow, the freed bytes are zeroed) and their values are zeroed; the GPS directory
//! is zeroed whole; the embedded JPEG previews lose their own metadata segments (zeroed, same
//! length).
//!
//! Kept, because a converter needs them to develop the picture: Make and Model (camera
//! profiles are chosen by them), UniqueCameraModel and every DNG colour and calibration tag,
//! the sensor data and its tags (CFA pattern, black and white levels, linearisation, crop,
//! opcodes, CR2 slices), exposure settings, lens make and model (lens corrections), and the
//! previews. Removed: GPS, serial numbers (camera, body, lens), owner and artist names,
//! copyright, text, dates, unique IDs, software, the original file's name and embedded original
//! RAW file, XMP, IPTC and Photoshop blocks. A DNG loses its maker note and DNGPrivateData (the
//! original camera's maker note, serial number included: a DNG is developed from its DNG tags
//! alone); a CR2 keeps its maker note, which Canon converters read, less the entries listed in
//! [`canon`]. An RW2 keeps its PanasonicRaw tags and its JpgFromRaw, whose own EXIF is cleaned
//! in place by these same rules ([`panasonic`]); an IIQ's own Phase One directory loses the
//! back's serial numbers and dates ([`phaseone`]).
//!
//! Which other families are refused, and why: [`family`].

pub(crate) mod block;
pub(crate) mod canon;
pub(crate) mod family;
pub(crate) mod nikon;
pub(crate) mod panasonic;
pub(crate) mod phaseone;

use std::collections::HashSet;
use std::ops::Range;

use bytes::Bytes;

use super::ifd::{self, corrupt, Entry, Ifd, Order};
use super::SUB_IFDS;
use crate::error::Result;
use crate::finding::Finding;
use crate::format::RawFamily;

/// Entries removed wherever they appear (IFD chain, sub-IFDs, EXIF directory), but the maker
/// note (see [`MAKER_NOTE`]).
const REMOVED: &[u16] = &[
    0x010D, 0x010E, 0x0131, 0x0132, 0x013B, 0x013C, // document name .. host computer
    0x02BC, // XMP
    0x8298, // Copyright
    0x83BB, 0x8649, // IPTC, Photoshop
    0x8825, // GPS directory (zeroed separately)
    0x9003, 0x9004, 0x9010, 0x9011, 0x9012, 0x9290, 0x9291, 0x9292, // dates
    0x9286, // user comment
    0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F, // Windows XP text
    0xA420, 0xA430, 0xA431, 0xA435, // unique ID, owner, body and lens serial numbers
    0xC62F, // DNG CameraSerialNumber
    0xC634, // DNGPrivateData
    0xC65D, // RawDataUniqueID
    0xC68B, 0xC68C, // OriginalRawFileName, OriginalRawFileData
    0xC71D, // OriginalRawFileDigest
    0xC7A1, // CameraLabel
];

const MAKER_NOTE: u16 = 0x927C;
const EXIF_IFD: u16 = 0x8769;
const GPS_IFD: u16 = 0x8825;
const THUMBNAIL_OFFSET: u16 = 0x0201;
const THUMBNAIL_LENGTH: u16 = 0x0202;
/// Most directories followed in one file.
const MAX_IFDS: usize = 256;

/// Every directory of the file but the GPS one, each with the entries to remove from it, and
/// the GPS directory if any.
struct Walk {
    order: Order,
    ifds: Vec<(Ifd, Removal)>,
    gps: Option<Ifd>,
    /// Where the maker note lies when it is kept and cleaned inside (CR2, RW2).
    maker_note: Option<Range<usize>>,
    /// An RW2's JpgFromRaw, cleaned inside (see [`panasonic`]).
    preview: Option<Range<usize>>,
    /// The directories after IFD0 of an embedded EXIF block (its thumbnail) or of an IIQ (a
    /// second preview), zeroed whole.
    dropped: Vec<Ifd>,
}

/// What a family's own structures add to the cleaning of its TIFF directories.
#[derive(Default)]
struct Parts {
    /// Bytes that must not change.
    protected: Vec<Range<usize>>,
    /// Values to zero.
    zeroed: Vec<Range<usize>>,
    /// Bytes written over the copy once its TIFF directories are cleaned: where, and what.
    rewrites: Vec<(usize, Vec<u8>)>,
}

/// What is removed from one directory.
#[derive(Clone, Copy)]
enum Removal {
    /// [`REMOVED`], and the maker note too when `maker_note` (a DNG's).
    Common { maker_note: bool },
    /// The listed entries of a maker note cleaned inside.
    Listed(&'static [u16]),
}

impl Removal {
    fn removes(self, tag: u16) -> bool {
        match self {
            Removal::Common { maker_note } => {
                REMOVED.contains(&tag) || (maker_note && tag == MAKER_NOTE)
            }
            Removal::Listed(tags) => tags.contains(&tag),
        }
    }
}

/// What is removed from the IFD chain, sub-IFDs and EXIF directory of a family, and from its
/// maker note when that is kept and cleaned inside.
fn rules(family: RawFamily) -> (Removal, Option<Removal>) {
    match family {
        RawFamily::Cr2 => (
            Removal::Common { maker_note: false },
            Some(Removal::Listed(canon::MAKER_NOTE_REMOVED)),
        ),
        RawFamily::Rw2 => (
            Removal::Common { maker_note: false },
            Some(Removal::Listed(panasonic::MAKER_NOTE_REMOVED)),
        ),
        // The EXIF maker note of an IIQ points at Phase One's own directory, cleaned inside by
        // `phaseone`.
        RawFamily::Iiq => (Removal::Common { maker_note: false }, None),
        // A NEF's maker note is a TIFF block of its own, cleaned inside by `nikon`.
        RawFamily::Nef => (Removal::Common { maker_note: false }, None),
        // Fujifilm RAF (the embedded JPEG's EXIF): the maker note is kept whole here (rawler
        // refuses a RAF without it) and cleaned inside by `maker_raw::raf`.
        RawFamily::Raf => (Removal::Common { maker_note: false }, None),
        _ => (Removal::Common { maker_note: true }, None),
    }
}

/// The directories of a RAW file (`outer`), or of an EXIF block embedded in one (not `outer`:
/// its IFD0 is cut from the rest of its chain, the thumbnail's directory, which is dropped; so
/// is an IIQ's IFD1, a second preview that no converter reads).
fn walk(data: &[u8], family: RawFamily, outer: bool) -> Result<Walk> {
    let (removed, maker_removed) = rules(family);
    let (order, first) = ifd::header(data)?;
    let mut seen = HashSet::new();
    let mut queue = vec![first];
    let mut ifds = Vec::new();
    let mut gps = None;
    let mut maker_note = None;
    let mut preview = None;
    let mut dropped = Vec::new();
    while let Some(offset) = queue.pop() {
        if offset == 0 || !seen.insert(offset) {
            continue;
        }
        if seen.len() > MAX_IFDS {
            return Err(corrupt("too many directories"));
        }
        let mut dir = ifd::read(data, order, offset)?;
        if offset == first && (!outer || family == RawFamily::Iiq) {
            dropped.extend(ifd::read(data, order, dir.next).ok());
            dir.next = 0;
        } else if offset == first && family == RawFamily::Rw2 {
            preview = panasonic::preview(data, &dir);
        }
        queue.push(dir.next);
        for e in &dir.entries {
            match e.tag {
                SUB_IFDS | EXIF_IFD => {
                    for v in e.numbers(data, order)? {
                        queue.push(v as u32);
                    }
                }
                GPS_IFD if gps.is_none() => {
                    let at = e.number(data, order)? as u32;
                    gps = Some(ifd::read(data, order, at)?);
                }
                // (An IIQ's maker note is Phase One's own directory, cleaned by `phaseone`.)
                MAKER_NOTE
                    if (maker_removed.is_some()
                        || matches!(family, RawFamily::Iiq | RawFamily::Nef))
                        && maker_note.is_none() =>
                {
                    maker_note = e.value.clone();
                }
                _ => {}
            }
        }
        ifds.push((dir, removed));
    }
    if let (Some(note), Some(maker_removed)) = (&maker_note, maker_removed) {
        // The maker note is a directory of its own whose offsets count from the file's start
        // (Canon; Panasonic's after a 12-byte header); one that cannot be read is refused
        // rather than left with the serial number.
        let start = note.start + panasonic::maker_note_header(&data[note.clone()]);
        let dir = ifd::read(data, order, start as u32)
            .ok()
            .filter(|d| d.span().end <= note.end)
            .ok_or_else(|| corrupt("the maker note cannot be read"))?;
        ifds.push((dir, maker_removed));
    }
    Ok(Walk {
        order,
        ifds,
        gps,
        maker_note,
        preview,
        dropped,
    })
}

/// Strips or tiles of a directory, as ranges inside the file.
fn chunks(dir: &Ifd, data: &[u8], order: Order) -> Vec<Range<usize>> {
    let pairs = [(273, 279), (324, 325), (THUMBNAIL_OFFSET, THUMBNAIL_LENGTH)];
    let mut out = Vec::new();
    for (o, c) in pairs {
        let (Some(o), Some(c)) = (dir.get(o), dir.get(c)) else {
            continue;
        };
        let (Ok(o), Ok(c)) = (o.numbers(data, order), c.numbers(data, order)) else {
            continue;
        };
        for (&o, &c) in o.iter().zip(&c) {
            let (o, c) = (o as usize, c as usize);
            if c > 0 && o.checked_add(c).is_some_and(|end| end <= data.len()) {
                out.push(o..o + c);
            }
        }
    }
    out
}

/// Whether an entry's value is one that cleaning may change: a removed entry's, or the kept
/// maker note's or RW2 preview's (cleaned inside; their kept parts are compared one by one).
fn changes(e: &Entry, removed: Removal, w: &Walk) -> bool {
    removed.removes(e.tag)
        || (e.tag == MAKER_NOTE && w.maker_note.is_some())
        || (e.value.is_some() && e.value == w.preview)
}

/// What verification compares for a RAW file cleaned in place: every kept entry of every
/// directory (but the GPS one) with its value, and every strip and tile (sensor data and
/// previews) with the metadata segments of a JPEG preview blanked, in file order of the walk.
pub(crate) fn pieces(data: &Bytes, family: RawFamily) -> Result<Vec<Bytes>> {
    pieces_in(data, family, true)
}

/// Appends what verification compares of one kept entry: its tag, type, count and value.
fn append_entry(out: &mut Vec<u8>, e: &Entry, data: &[u8]) {
    out.extend(e.tag.to_le_bytes());
    out.extend(e.kind.to_le_bytes());
    out.extend(e.count.to_le_bytes());
    if let Some(v) = e.value.clone() {
        out.extend((v.len() as u64).to_le_bytes());
        out.extend(&data[v]);
    }
}

/// [`pieces`] of a RAW file (`outer`) or of an EXIF block embedded in one.
fn pieces_in(data: &Bytes, family: RawFamily, outer: bool) -> Result<Vec<Bytes>> {
    let w = walk(data, family, outer)?;
    let mut tags = Vec::new();
    let mut out = Vec::new();
    for (dir, removed) in &w.ifds {
        for e in dir.entries.iter().filter(|e| !changes(e, *removed, &w)) {
            append_entry(&mut tags, e, data);
        }
        for c in chunks(dir, data, w.order) {
            let segments = jpeg_metadata_segments(&data[c.clone()]);
            if segments.is_empty() {
                out.push(data.slice(c));
            } else {
                let mut copy = data[c].to_vec();
                for s in segments {
                    copy[s].fill(0);
                }
                out.push(Bytes::from(copy));
            }
        }
    }
    out.insert(0, Bytes::from(tags));
    match family {
        RawFamily::Rw2 if outer => out.extend(panasonic::pieces(data, &w)?),
        RawFamily::Iiq if outer => out.extend(phaseone::pieces(data)?),
        RawFamily::Nef if outer => out.extend(nikon::pieces(data, w.maker_note.clone())?),
        _ => {}
    }
    Ok(out)
}

/// The cleaned copy of a DNG or CR2, the same length as the original.
pub(crate) fn clean(data: &[u8], family: RawFamily) -> Result<Vec<u8>> {
    clean_in(data, family, true)
}

/// [`clean`] of a RAW file (`outer`) or of an EXIF block embedded in one.
fn clean_in(data: &[u8], family: RawFamily, outer: bool) -> Result<Vec<u8>> {
    let w = walk(data, family, outer)?;
    let o = w.order;
    let mut out = data.to_vec();
    let parts = match family {
        RawFamily::Rw2 if outer => panasonic::parts(data, &w)?,
        RawFamily::Iiq if outer => phaseone::parts(data, w.maker_note.clone())?,
        RawFamily::Nef if outer => nikon::parts(data, w.maker_note.clone())?,
        _ => Parts::default(),
    };
    // Bytes that must not change: every kept value and every strip or tile.
    let mut protected: Vec<Range<usize>> = parts.protected;
    let mut zeroed: Vec<Range<usize>> = parts.zeroed;
    for (dir, removed) in &w.ifds {
        protected.extend(chunks(dir, data, o));
        for e in &dir.entries {
            let Some(v) = e.value.clone().filter(|v| v.len() > 4) else {
                continue;
            };
            if removed.removes(e.tag) {
                zeroed.push(v);
            } else if !changes(e, *removed, &w) {
                protected.push(v);
            }
        }
    }
    let protected = merged(protected);
    // A dropped directory's values and strips are zeroed where no kept value shares them.
    for dir in &w.dropped {
        let values = dir.entries.iter().filter_map(|e| e.value.clone());
        let ranges = values.chain(chunks(dir, data, o)).chain([dir.span()]);
        zeroed.extend(ranges.filter(|r| !overlaps_any(&protected, r)));
    }
    if let Some(gps) = &w.gps {
        zeroed.push(gps.span());
        zeroed.extend(gps.entries.iter().filter_map(|e| e.value.clone()));
    }
    if zeroed
        .iter()
        .any(|z| !z.is_empty() && overlaps_any(&protected, z))
    {
        return Err(corrupt(
            "private data overlaps the picture data; it cannot be removed safely",
        ));
    }
    for z in &zeroed {
        out[z.clone()].fill(0);
    }
    for (dir, removed) in &w.ifds {
        close_up(&mut out, data, o, dir, *removed);
        for c in chunks(dir, data, o) {
            for s in jpeg_metadata_segments(&data[c.clone()]) {
                out[c.start + s.start..c.start + s.end].fill(0);
            }
        }
    }
    for (at, bytes) in parts.rewrites {
        if let Some(target) = out.get_mut(at..at + bytes.len()) {
            target.copy_from_slice(&bytes);
        }
    }
    Ok(out)
}

/// EXIF blocks a RAW file carries inside its own structures (an RW2's JpgFromRaw), for the scan.
pub(crate) fn embedded_exif(data: &[u8], family: Option<RawFamily>) -> Vec<Vec<u8>> {
    match family {
        Some(RawFamily::Rw2) => panasonic::embedded_exif(data).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// What a RAW file's own structures (outside its TIFF directories) give away, for the scan.
pub(crate) fn findings(data: &[u8], family: Option<RawFamily>) -> Vec<Finding> {
    match family {
        Some(RawFamily::Iiq) => phaseone::findings(data),
        _ => Vec::new(),
    }
}

/// Whether `range` overlaps one of `sorted` (sorted by start, merged, no empty ranges).
fn overlaps_any(sorted: &[Range<usize>], range: &Range<usize>) -> bool {
    // The first protected range that ends after `range` starts.
    let i = sorted.partition_point(|p| p.end <= range.start);
    sorted.get(i).is_some_and(|p| p.start < range.end)
}

/// Sorts ranges by start and merges those that touch or overlap.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| !r.is_empty());
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Rewrites one directory in place without its removed entries.
fn close_up(out: &mut [u8], data: &[u8], o: Order, dir: &Ifd, removed: Removal) {
    let kept: Vec<usize> = (0..dir.entries.len())
        .filter(|&i| !removed.removes(dir.entries[i].tag))
        .collect();
    let span = dir.span();
    let next_kept = o.u32(data, span.end - 4).ok() == Some(dir.next);
    if kept.len() == dir.entries.len() && next_kept {
        return;
    }
    let mut block = Vec::with_capacity(span.len());
    block.extend(o.put_u16(kept.len() as u16));
    for i in kept {
        let e = dir.at + 2 + 12 * i;
        block.extend(&data[e..e + 12]);
    }
    block.extend(o.put_u32(dir.next));
    block.resize(span.len(), 0);
    out[span].copy_from_slice(&block);
}

/// Where the payloads of a JPEG's metadata segments lie (APP1 EXIF/XMP, APP13 IPTC, other APPn
/// but the colour ones APP2 ICC and APP14 Adobe, and comments), up to the first scan; nothing
/// for data that is not a JPEG.
fn jpeg_metadata_segments(jpeg: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !jpeg.starts_with(&[0xFF, 0xD8]) {
        return out;
    }
    let mut at = 2;
    while at + 4 <= jpeg.len() && jpeg[at] == 0xFF {
        let marker = jpeg[at + 1];
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        let len = u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]) as usize;
        let end = at + 2 + len;
        if len < 2 || end > jpeg.len() {
            break;
        }
        if matches!(marker, 0xE1 | 0xE3..=0xED | 0xEF | 0xFE) && end > at + 4 {
            out.push(at + 4..end);
        }
        at = end;
    }
    out
}
