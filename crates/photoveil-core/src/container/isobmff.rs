//! HEIF/HEIC and AVIF (ISO base media file format): metadata lives in `Exif` and XMP (`mime`)
//! items of the `meta` box, and phones append motion-photo videos as extra top-level boxes
//! (Samsung's `mpvd`).
//!
//! No maintained Rust crate rewrites HEIF metadata, so cleaning is done here, losslessly and
//! without moving any byte of the coded pictures: metadata items are overwritten in place with an
//! empty EXIF/XMP of the same size, and extra top-level boxes are cut (when nothing after them is
//! referenced) or turned into zero-filled `free` boxes.

use std::ops::Range;

use super::{CleanMethod, Kept};
use super::{Cleaned, Inspection};
use crate::error::{Error, Result};
use crate::finding::{Explanation, Severity};
use crate::format::ImageFormat;
use crate::meta::{hidden, human_bytes, Payloads};

/// Top-level boxes that belong to the picture.
const PICTURE_BOXES: &[&[u8; 4]] = &[b"ftyp", b"meta", b"mdat", b"moov", b"free", b"skip"];

/// One box: its type and byte ranges.
#[derive(Debug, Clone)]
pub(super) struct BoxRef {
    /// The four-letter type.
    pub(super) kind: [u8; 4],
    /// Whole box, header included.
    pub(super) range: Range<usize>,
    /// Payload, after the header.
    pub(super) body: Range<usize>,
}

/// A box file keeping only the top-level boxes whose type is in `kinds`, each copied byte for
/// byte, in order (what JPEG XL's and JPEG 2000's cleaning writes).
pub(super) fn keep_only(data: &[u8], top: &[BoxRef], kinds: &[&[u8; 4]]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(data.len());
    for b in top.iter().filter(|b| kinds.contains(&&b.kind)) {
        bytes.extend_from_slice(&data[b.range.clone()]);
    }
    bytes
}

/// The type and body of each top-level box whose type is in `kinds`, in order: two files with
/// the same pieces hold the same picture.
pub(super) fn pieces(data: &bytes::Bytes, top: &[BoxRef], kinds: &[&[u8; 4]]) -> Vec<bytes::Bytes> {
    top.iter()
        .filter(|b| kinds.contains(&&b.kind))
        .flat_map(|b| {
            [
                bytes::Bytes::copy_from_slice(&b.kind),
                data.slice(b.body.clone()),
            ]
        })
        .collect()
}

/// An item of the `meta` box.
#[derive(Debug, Default, Clone)]
struct Item {
    id: u32,
    kind: [u8; 4],
    content_type: String,
    /// Absolute file ranges of the item's data.
    extents: Vec<Range<usize>>,
}

impl Item {
    fn is_exif(&self) -> bool {
        &self.kind == b"Exif"
    }
    fn is_xmp(&self) -> bool {
        &self.kind == b"mime"
            && (self.content_type.contains("rdf+xml") || self.content_type.contains("xmp"))
    }
    fn is_metadata(&self) -> bool {
        self.is_exif() || self.is_xmp()
    }
}

/// A parsed file: its top-level boxes and its items.
struct Layout {
    top: Vec<BoxRef>,
    items: Vec<Item>,
    size: Option<(u32, u32)>,
    has_icc: bool,
}

fn corrupt(format: ImageFormat, detail: &str) -> Error {
    Error::corrupt(format, detail.to_string())
}

/// Reads the boxes inside `range` (also used for the JPEG XL and JPEG 2000 containers, which
/// are made of the same boxes).
pub(super) fn boxes(data: &[u8], range: Range<usize>, format: ImageFormat) -> Result<Vec<BoxRef>> {
    let mut out = Vec::new();
    let mut at = range.start;
    while at < range.end {
        let head = data
            .get(at..at + 8)
            .ok_or_else(|| corrupt(format, "a box header is cut off"))?;
        let size32 = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as u64;
        let kind = [head[4], head[5], head[6], head[7]];
        let (size, header) = match size32 {
            0 => ((range.end - at) as u64, 8),
            1 => {
                let large = data
                    .get(at + 8..at + 16)
                    .ok_or_else(|| corrupt(format, "a box header is cut off"))?;
                (u64::from_be_bytes(large.try_into().unwrap_or([0; 8])), 16)
            }
            s => (s, 8),
        };
        let end = usize::try_from(size)
            .ok()
            .and_then(|s| at.checked_add(s))
            .filter(|&e| e <= range.end && e >= at + header)
            .ok_or_else(|| corrupt(format, "a box is longer than the file (truncated?)"))?;
        out.push(BoxRef {
            kind,
            range: at..end,
            body: at + header..end,
        });
        at = end;
    }
    Ok(out)
}

/// A big-endian reader over a box payload.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Self {
        Reader { data, at: 0 }
    }
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.data.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn uint(&mut self, n: usize) -> Option<u64> {
        Some(
            self.bytes(n)?
                .iter()
                .fold(0u64, |acc, &b| acc << 8 | u64::from(b)),
        )
    }
    fn u8(&mut self) -> Option<u8> {
        self.uint(1).map(|v| v as u8)
    }
    fn u16(&mut self) -> Option<u16> {
        self.uint(2).map(|v| v as u16)
    }
    fn u32(&mut self) -> Option<u32> {
        self.uint(4).map(|v| v as u32)
    }
    fn cstring(&mut self) -> Option<String> {
        let rest = self.data.get(self.at..)?;
        let len = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        let s = String::from_utf8_lossy(&rest[..len]).into_owned();
        self.at += (len + 1).min(rest.len());
        Some(s)
    }
}

fn layout(format: ImageFormat, data: &[u8]) -> Result<Layout> {
    let top = boxes(data, 0..data.len(), format)?;
    let meta = top
        .iter()
        .find(|b| &b.kind == b"meta")
        .ok_or_else(|| corrupt(format, "the metadata box (meta) is missing"))?;
    // meta is a full box: 4 bytes of version and flags before its children.
    let children = boxes(data, meta.body.start + 4..meta.body.end, format)?;
    let body = |kind: &[u8; 4]| {
        children
            .iter()
            .find(|b| &b.kind == kind)
            .map(|b| &data[b.body.clone()])
    };
    let idat_start = children
        .iter()
        .find(|b| &b.kind == b"idat")
        .map(|b| b.body.start);
    let mut items = body(b"iinf")
        .map(|b| read_iinf(data, b, format))
        .transpose()?
        .unwrap_or_default();
    if let Some(iloc) = body(b"iloc") {
        read_iloc(iloc, idat_start, &mut items)
            .ok_or_else(|| corrupt(format, "the item location box (iloc) is damaged"))?;
    }
    for item in &items {
        if item
            .extents
            .iter()
            .any(|r| r.end > data.len() || r.start > r.end)
        {
            return Err(corrupt(
                format,
                "an item points outside the file (truncated?)",
            ));
        }
    }
    // Items of a real file do not overlap; many items pointing at the same bytes would make
    // reading, blanking and comparing them take time and memory far beyond the file's size.
    let referenced: u64 = items
        .iter()
        .flat_map(|i| &i.extents)
        .map(|r| r.len() as u64)
        .sum();
    if referenced > 2 * data.len() as u64 {
        return Err(corrupt(
            format,
            "its items point at the same data many times over",
        ));
    }
    let primary = body(b"pitm").and_then(|b| {
        let mut r = Reader::new(b);
        let version = r.u8()?;
        r.bytes(3)?;
        if version == 0 {
            r.u16().map(u32::from)
        } else {
            r.u32()
        }
    });
    let (size, has_icc) = match children.iter().find(|b| &b.kind == b"iprp") {
        Some(iprp) => read_iprp(data, iprp.body.clone(), primary, format)?,
        None => (None, false),
    };
    Ok(Layout {
        top,
        items,
        size,
        has_icc,
    })
}

fn read_iinf(data: &[u8], body: &[u8], format: ImageFormat) -> Result<Vec<Item>> {
    let mut r = Reader::new(body);
    let version = r
        .u8()
        .ok_or_else(|| corrupt(format, "item info is cut off"))?;
    r.bytes(3);
    let header = if version == 0 { 4 + 2 } else { 4 + 4 };
    let base = body.as_ptr() as usize - data.as_ptr() as usize;
    let mut items = Vec::new();
    for infe in boxes(data, base + header..base + body.len(), format)? {
        if &infe.kind != b"infe" {
            continue;
        }
        let mut r = Reader::new(&data[infe.body.clone()]);
        let parsed = (|| {
            let version = r.u8()?;
            r.bytes(3)?;
            if version < 2 {
                return None; // versions 0 and 1 carry no item type
            }
            let id = if version == 2 {
                u32::from(r.u16()?)
            } else {
                r.u32()?
            };
            r.u16()?; // protection index
            let kind: [u8; 4] = r.bytes(4)?.try_into().ok()?;
            let _name = r.cstring();
            let content_type = if &kind == b"mime" {
                r.cstring().unwrap_or_default()
            } else {
                String::new()
            };
            Some(Item {
                id,
                kind,
                content_type,
                extents: Vec::new(),
            })
        })();
        items.extend(parsed);
    }
    Ok(items)
}

fn read_iloc(body: &[u8], idat_start: Option<usize>, items: &mut [Item]) -> Option<()> {
    let mut r = Reader::new(body);
    let version = r.u8()?;
    r.bytes(3)?;
    let sizes = r.u16()?;
    let (offset_size, length_size) = ((sizes >> 12) as usize, ((sizes >> 8) & 0xF) as usize);
    let base_size = ((sizes >> 4) & 0xF) as usize;
    let index_size = if version >= 1 {
        (sizes & 0xF) as usize
    } else {
        0
    };
    let count = if version < 2 {
        u32::from(r.u16()?)
    } else {
        r.u32()?
    };
    // Items by id (the first of equal ids), so that a file with many items and locations is
    // read in linear time.
    let by_id: std::collections::HashMap<u32, usize> = items
        .iter()
        .enumerate()
        .rev()
        .map(|(i, item)| (item.id, i))
        .collect();
    for _ in 0..count {
        let id = if version < 2 {
            u32::from(r.u16()?)
        } else {
            r.u32()?
        };
        let method = if version >= 1 { r.u16()? & 0xF } else { 0 };
        r.u16()?; // data reference index
        let base = r.uint(base_size)?;
        let extent_count = r.u16()?;
        let mut extents = Vec::new();
        for _ in 0..extent_count {
            r.uint(index_size)?;
            let offset = r.uint(offset_size)?;
            let length = r.uint(length_size)?;
            let origin = match method {
                0 => 0,
                1 => idat_start? as u64,
                _ => return None,
            };
            let start = usize::try_from(origin.checked_add(base)?.checked_add(offset)?).ok()?;
            extents.push(start..start.checked_add(usize::try_from(length).ok()?)?);
        }
        if let Some(item) = by_id.get(&id).and_then(|&i| items.get_mut(i)) {
            item.extents = extents;
        }
    }
    Some(())
}

/// The primary picture's size (`ispe`) and whether a colour profile (`colr`) is present.
fn read_iprp(
    data: &[u8],
    body: Range<usize>,
    primary: Option<u32>,
    format: ImageFormat,
) -> Result<(Option<(u32, u32)>, bool)> {
    let children = boxes(data, body, format)?;
    let Some(ipco) = children.iter().find(|b| &b.kind == b"ipco") else {
        return Ok((None, false));
    };
    let properties = boxes(data, ipco.body.clone(), format)?;
    let has_icc = properties.iter().any(|p| {
        &p.kind == b"colr"
            && matches!(
                data.get(p.body.start..p.body.start + 4),
                Some(b"prof" | b"rICC")
            )
    });
    let ispe = |index: usize| {
        let p = properties.get(index)?;
        if &p.kind != b"ispe" {
            return None;
        }
        let mut r = Reader::new(&data[p.body.clone()]);
        r.u32()?;
        Some((r.u32()?, r.u32()?))
    };
    let associated = children
        .iter()
        .find(|b| &b.kind == b"ipma")
        .and_then(|ipma| {
            let mut r = Reader::new(&data[ipma.body.clone()]);
            let version = r.u8()?;
            let flags = r.uint(3)?;
            for _ in 0..r.u32()? {
                let id = if version < 1 {
                    u32::from(r.u16()?)
                } else {
                    r.u32()?
                };
                let mut found = None;
                for _ in 0..r.u8()? {
                    let index = if flags & 1 == 1 {
                        usize::from(r.u16()? & 0x7FFF)
                    } else {
                        usize::from(r.u8()? & 0x7F)
                    };
                    if Some(id) == primary && found.is_none() && index > 0 {
                        found = ispe(index - 1);
                    }
                }
                if found.is_some() {
                    return found;
                }
            }
            None
        });
    let size = associated.or_else(|| (0..properties.len()).find_map(ispe));
    Ok((size, has_icc))
}

/// Finds the metadata of a HEIF or AVIF file.
pub fn inspect(format: ImageFormat, data: &[u8]) -> Result<Inspection> {
    let layout = layout(format, data)?;
    let mut payloads = Payloads::default();
    for item in layout.items.iter().filter(|i| i.is_metadata()) {
        let bytes: Vec<u8> = item
            .extents
            .iter()
            .flat_map(|r| data[r.clone()].iter().copied())
            .collect();
        if item.is_exif() {
            // An EXIF item starts with the offset of the TIFF header after these 4 bytes.
            let skip = bytes
                .get(..4)
                .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize);
            if let Some(tiff) = bytes.get(4 + skip..) {
                let tiff = tiff.strip_prefix(b"Exif\0\0").unwrap_or(tiff);
                if tiff.iter().any(|&b| b != 0) && !is_blank_exif(tiff) {
                    payloads.exif.push(tiff.to_vec());
                }
            }
        } else if bytes.iter().any(|&b| !b.is_ascii_whitespace() && b != 0) && !is_blank_xmp(&bytes)
        {
            payloads.xmp.push(bytes);
        }
    }
    for b in layout
        .top
        .iter()
        .filter(|b| !PICTURE_BOXES.contains(&&b.kind))
    {
        let name = String::from_utf8_lossy(&b.kind).into_owned();
        let size = human_bytes(b.range.len());
        payloads.container_findings.push(if &b.kind == b"mpvd" {
            hidden(
                "HEIF:mpvd",
                format!("video appended to the photo, {size}"),
                Severity::High,
                Explanation::MotionPhoto,
            )
        } else {
            hidden(
                format!("HEIF:{name}"),
                format!("extra data box, {size}"),
                Severity::Medium,
                Explanation::TrailingData,
            )
        });
    }
    let (width, height) = layout
        .size
        .map_or((None, None), |(w, h)| (Some(w), Some(h)));
    Ok(Inspection {
        width,
        height,
        payloads,
        is_raw: false,
        picture: None,
    })
}

/// The EXIF that cleaning leaves in place of the original: big-endian TIFF header, no entries.
const BLANK_EXIF: &[u8] = b"\0\0\0\0MM\0*\0\0\0\x08\0\0\0\0\0\0";
/// The XMP that cleaning leaves in place of the original.
const BLANK_XMP: &[u8] = b"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>";

fn is_blank_exif(tiff: &[u8]) -> bool {
    tiff.starts_with(&BLANK_EXIF[4..]) && tiff[BLANK_EXIF.len() - 4..].iter().all(|&b| b == 0)
}

fn is_blank_xmp(bytes: &[u8]) -> bool {
    bytes.starts_with(BLANK_XMP) && bytes[BLANK_XMP.len()..].iter().all(|&b| b == b' ')
}

/// Writes the file with metadata items blanked in place and extra boxes removed.
pub fn clean(format: ImageFormat, data: &[u8]) -> Result<Cleaned> {
    let layout = layout(format, data)?;
    let mut out = data.to_vec();
    for item in layout.items.iter().filter(|i| i.is_metadata()) {
        let total: usize = item.extents.iter().map(|r| r.len()).sum();
        let (fill, pad) = if item.is_exif() {
            (BLANK_EXIF, 0u8)
        } else {
            (BLANK_XMP, b' ')
        };
        if total < fill.len() {
            return Err(corrupt(format, "a metadata item is too small to be valid"));
        }
        let mut replacement = fill.iter().copied().chain(std::iter::repeat(pad));
        for range in &item.extents {
            for byte in &mut out[range.clone()] {
                *byte = replacement.next().unwrap_or(pad);
            }
        }
    }
    // Data referenced by items must not move: boxes after it may be cut, boxes before it are
    // turned into free space.
    let referenced_end = layout
        .items
        .iter()
        .flat_map(|i| i.extents.iter().map(|r| r.end))
        .max()
        .unwrap_or(0);
    let mut cut_from = None;
    for b in layout.top.iter().rev() {
        let extra = !PICTURE_BOXES.contains(&&b.kind);
        if extra
            && b.range.start >= referenced_end
            && cut_from.map_or(b.range.end == data.len(), |c| c == b.range.end)
        {
            cut_from = Some(b.range.start);
        } else if extra {
            out[b.range.start + 4..b.range.start + 8].copy_from_slice(b"free");
            out[b.body.clone()].fill(0);
        }
    }
    if let Some(cut) = cut_from {
        out.truncate(cut);
    }
    let kept = if layout.has_icc {
        vec![Kept::IccProfile]
    } else {
        Vec::new()
    };
    Ok(Cleaned {
        bytes: out,
        kept,
        method: CleanMethod::Lossless,
    })
}

/// True when both files hold the same coded pictures: every non-metadata item's bytes are equal.
pub fn same_picture_data(format: ImageFormat, original: &[u8], cleaned: &[u8]) -> Result<bool> {
    let a = layout(format, original)?;
    let b = layout(format, cleaned)?;
    let pictures = |l: &Layout| -> Vec<(u32, Vec<Range<usize>>)> {
        l.items
            .iter()
            .filter(|i| !i.is_metadata())
            .map(|i| (i.id, i.extents.clone()))
            .collect()
    };
    let (pa, pb) = (pictures(&a), pictures(&b));
    if pa.len() != pb.len() {
        return Ok(false);
    }
    Ok(pa.iter().zip(&pb).all(|((ia, ra), (ib, rb))| {
        ia == ib
            && ra.len() == rb.len()
            && ra
                .iter()
                .zip(rb)
                .all(|(x, y)| original.get(x.clone()) == cleaned.get(y.clone()))
    }))
}
