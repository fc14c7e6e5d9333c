//! Where the parts of a Canon CR3 file lie: the boxes of Canon's `uuid` box in `moov` (the
//! `CMT1`..`CMT4` TIFF blocks, the `THMB` thumbnail, the `CNCV`/`CCTP`/`CTBO` descriptions), the
//! movie, track and media headers' dates, each track's samples in `mdat` (the JPEG, the CRX
//! sensor data, the `CTMD` timed metadata), the XMP `uuid` box and the `PRVW` preview.

use std::ops::Range;

use crate::container::isobmff::{boxes, BoxRef};
use crate::error::{Error, Result};
use crate::format::ImageFormat;

/// Canon's metadata box inside `moov`.
const CANON_UUID: [u8; 16] = [
    0x85, 0xc0, 0xb6, 0x87, 0x82, 0x0f, 0x11, 0xe0, 0x81, 0x11, 0xf4, 0xce, 0x46, 0x2b, 0x6a, 0x48,
];
/// The top-level XMP box.
const XMP_UUID: [u8; 16] = [
    0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac,
];
/// The top-level preview box (`PRVW`).
const PREVIEW_UUID: [u8; 16] = [
    0xea, 0xf4, 0x2b, 0x5e, 0x1c, 0x98, 0x4b, 0x88, 0xb9, 0xfb, 0xb7, 0xdc, 0x40, 0x6e, 0x4d, 0x16,
];
/// Most samples followed in one track (a CR3 holds one per track; a burst a few hundred).
const MAX_SAMPLES: usize = 100_000;

/// One track: its samples in the file and whether it is the timed-metadata one.
pub(super) struct Track {
    /// True for the `CTMD` track.
    pub ctmd: bool,
    /// The sample tables (`stbl`, with the decoder's `CMP1`/`IAD1` descriptions): kept whole.
    pub stbl: Range<usize>,
    /// Each sample's bytes, cut at the end of the file (a trimmed file's sensor data).
    pub samples: Vec<Range<usize>>,
}

/// The parts of a CR3 file.
#[derive(Default)]
pub(super) struct Layout {
    /// `CMT1`..`CMT4` bodies (TIFF blocks), by number less one.
    pub cmt: [Option<Range<usize>>; 4],
    /// The `THMB` thumbnail's JPEG.
    pub thumbnail: Option<Range<usize>>,
    /// The `PRVW` preview's JPEG (cut at the end of its box).
    pub preview: Option<Range<usize>>,
    /// The XMP packet.
    pub xmp: Option<Range<usize>>,
    /// Creation and modification times of the movie, track and media headers.
    pub dates: Vec<Range<usize>>,
    /// Boxes that describe the picture and are kept whole (`CNCV`, `CCTP`, `CTBO`).
    pub kept: Vec<Range<usize>>,
    /// The tracks.
    pub tracks: Vec<Track>,
    /// The `mdat` body.
    pub mdat: Range<usize>,
}

pub(super) fn corrupt(detail: &str) -> Error {
    Error::corrupt(ImageFormat::CameraRaw, detail.to_string())
}

fn be(data: &[u8], at: usize, n: usize) -> Result<u64> {
    let bytes = at
        .checked_add(n)
        .and_then(|end| data.get(at..end))
        .ok_or_else(|| corrupt("a box is cut off"))?;
    Ok(bytes.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b)))
}

fn children(data: &[u8], b: &BoxRef, skip: usize) -> Result<Vec<BoxRef>> {
    let start = b
        .body
        .start
        .checked_add(skip)
        .filter(|&s| s <= b.body.end)
        .ok_or_else(|| corrupt("a box is too short"))?;
    boxes(data, start..b.body.end, ImageFormat::CameraRaw)
}

fn find<'a>(list: &'a [BoxRef], kind: &[u8; 4]) -> Option<&'a BoxRef> {
    list.iter().find(|b| &b.kind == kind)
}

fn uuid_of(data: &[u8], b: &BoxRef) -> Option<[u8; 16]> {
    data.get(b.body.start..b.body.start + 16)?.try_into().ok()
}

/// Reads the layout of a CR3 file; an error when a box is cut off or points outside the file.
pub(super) fn read(data: &[u8]) -> Result<Layout> {
    let top = boxes(data, 0..data.len(), ImageFormat::CameraRaw)?;
    let moov = find(&top, b"moov").ok_or_else(|| corrupt("the movie box (moov) is missing"))?;
    let mdat =
        find(&top, b"mdat").ok_or_else(|| corrupt("the media data box (mdat) is missing"))?;
    let mut layout = Layout {
        mdat: mdat.body.clone(),
        ..Layout::default()
    };
    for b in top.iter().filter(|b| &b.kind == b"uuid") {
        match uuid_of(data, b) {
            Some(XMP_UUID) => layout.xmp = Some(b.body.start + 16..b.body.end),
            Some(PREVIEW_UUID) => layout.preview = preview(data, b),
            _ => {}
        }
    }
    let mut canon = false;
    for b in children(data, moov, 0)? {
        match &b.kind {
            b"uuid" if uuid_of(data, &b) == Some(CANON_UUID) => {
                canon = true;
                read_canon(data, &b, &mut layout)?;
            }
            b"mvhd" => layout.dates.extend(dates(data, &b)?),
            b"trak" => layout.tracks.push(read_track(data, &b, &mut layout.dates)?),
            _ => {}
        }
    }
    if !canon || layout.cmt[0].is_none() || layout.cmt[2].is_none() {
        return Err(corrupt("Canon's metadata boxes (CMT1, CMT3) are missing"));
    }
    Ok(layout)
}

fn read_canon(data: &[u8], b: &BoxRef, layout: &mut Layout) -> Result<()> {
    for c in children(data, b, 16)? {
        match &c.kind {
            b"CMT1" => layout.cmt[0] = Some(c.body.clone()),
            b"CMT2" => layout.cmt[1] = Some(c.body.clone()),
            b"CMT3" => layout.cmt[2] = Some(c.body.clone()),
            b"CMT4" => layout.cmt[3] = Some(c.body.clone()),
            // 16 bytes of size and format before the JPEG.
            b"THMB" if c.body.len() > 16 => layout.thumbnail = Some(c.body.start + 16..c.body.end),
            b"CNCV" | b"CCTP" | b"CTBO" => layout.kept.push(c.range.clone()),
            _ => {}
        }
    }
    Ok(())
}

/// The preview's JPEG: the `PRVW` box after 8 bytes of the `uuid` box's own, whose JPEG starts
/// 24 bytes into it; cut at the end of the `uuid` box (trimmed files keep only its start).
fn preview(data: &[u8], b: &BoxRef) -> Option<Range<usize>> {
    let prvw = b.body.start + 16 + 8;
    if data.get(prvw + 4..prvw + 8)? != b"PRVW" {
        return None;
    }
    let start = prvw + 24;
    (start < b.body.end).then_some(start..b.body.end)
}

/// Creation and modification times of a movie, track or media header (full boxes: version 0
/// stores them as 32-bit numbers, version 1 as 64-bit ones).
fn dates(data: &[u8], b: &BoxRef) -> Result<Vec<Range<usize>>> {
    let at = b.body.start;
    let width = match be(data, at, 1)? {
        0 => 4,
        1 => 8,
        _ => return Err(corrupt("a header box has an unknown version")),
    };
    if b.body.len() < 4 + 2 * width {
        return Err(corrupt("a header box is too short"));
    }
    Ok(vec![
        at + 4..at + 4 + width,
        at + 4 + width..at + 4 + 2 * width,
    ])
}

fn read_track(data: &[u8], trak: &BoxRef, dated: &mut Vec<Range<usize>>) -> Result<Track> {
    let kids = children(data, trak, 0)?;
    if let Some(tkhd) = find(&kids, b"tkhd") {
        dated.extend(dates(data, tkhd)?);
    }
    let mdia = find(&kids, b"mdia").ok_or_else(|| corrupt("a track has no media box"))?;
    let media = children(data, mdia, 0)?;
    if let Some(mdhd) = find(&media, b"mdhd") {
        dated.extend(dates(data, mdhd)?);
    }
    let minf = find(&media, b"minf").ok_or_else(|| corrupt("a track has no media info"))?;
    let info = children(data, minf, 0)?;
    let stbl = find(&info, b"stbl").ok_or_else(|| corrupt("a track has no sample table"))?;
    let table = children(data, stbl, 0)?;
    let stsd = find(&table, b"stsd").ok_or_else(|| corrupt("a track has no sample description"))?;
    // Full box (4 bytes) and entry count (4 bytes), then the descriptions.
    let ctmd = children(data, stsd, 8)?.iter().any(|d| &d.kind == b"CTMD");
    Ok(Track {
        ctmd,
        stbl: stbl.range.clone(),
        samples: samples(data, &table)?,
    })
}

/// Each sample's bytes, from the sizes (`stsz`), chunks (`stsc`) and chunk offsets (`co64` or
/// `stco`); cut at the end of the file.
fn samples(data: &[u8], table: &[BoxRef]) -> Result<Vec<Range<usize>>> {
    let missing = || corrupt("a track's sample tables are missing");
    let stsz = find(table, b"stsz").ok_or_else(missing)?;
    let stsc = find(table, b"stsc").ok_or_else(missing)?;
    let (offsets, width) = match (find(table, b"co64"), find(table, b"stco")) {
        (Some(b), _) => (b, 8),
        (None, Some(b)) => (b, 4),
        (None, None) => return Err(missing()),
    };
    let at = stsz.body.start;
    let fixed = be(data, at + 4, 4)?;
    let count = (be(data, at + 8, 4)? as usize).min(MAX_SAMPLES);
    let size = |i: usize| -> Result<u64> {
        if fixed != 0 {
            Ok(fixed)
        } else {
            be(data, at + 12 + 4 * i, 4)
        }
    };
    let runs = be(data, stsc.body.start + 4, 4)? as usize;
    let mut rules = Vec::new();
    for i in 0..runs.min(stsc.body.len() / 12) {
        let e = stsc.body.start + 8 + 12 * i;
        rules.push((be(data, e, 4)?, be(data, e + 4, 4)?));
    }
    let chunks = be(data, offsets.body.start + 4, 4)? as usize;
    let mut out = Vec::new();
    for c in 0..chunks.min(offsets.body.len() / width) {
        let per_chunk = rules
            .iter()
            .rev()
            .find(|(first, _)| *first <= c as u64 + 1)
            .map_or(0, |r| r.1);
        let mut pos = be(data, offsets.body.start + 8 + width * c, width)?;
        for _ in 0..per_chunk {
            if out.len() >= count {
                return Ok(out);
            }
            let len = size(out.len())?;
            let start = usize::try_from(pos).unwrap_or(usize::MAX).min(data.len());
            let end = usize::try_from(pos.saturating_add(len))
                .unwrap_or(usize::MAX)
                .min(data.len());
            out.push(start..end);
            pos = pos.saturating_add(len);
        }
    }
    Ok(out)
}
