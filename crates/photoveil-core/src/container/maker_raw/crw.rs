//! Canon CRW, cleaned in place (the same length, nothing moved). The file is a CIFF heap
//! (exiftool's `CanonRaw.pm`, rawler's `formats/ciff`): a header (`II` or `MM`, its length,
//! `HEAPCCDR`), then the root heap up to the end of the file. A heap's last 4 bytes give where its
//! table of records starts; the table is a count, then 10-byte records (tag, size, offset from
//! the heap's start), or records whose 8-byte value sits in the table itself (tag bit 0x4000).
//! Records of types 0x2800 and 0x3000 are heaps themselves.
//!
//! Zeroed where they are, so every record and table keeps its place: the owner's name (0x0810),
//! the camera's serial number (0x180b), the time it was taken and its time zone (0x180e), the
//! file number (0x1817), the original and thumbnail file names (0x0816, 0x0817), and the user
//! comment or file description (0x0805). A trailer of Canon's Digital Photo Professional
//! (`CANON OPTIONAL DATA`: edit recipes and an XMP packet) after the heap is reported and left out
//! of the copy; the heap ends with its own table offset, so nothing in it moves. Kept, because converters read them or they tell nothing
//! about a person: make and model (0x080a), the firmware version, the sensor information
//! (0x1031), the colour and white-balance tables (0x0032, 0x102c, 0x10a9), the decoder table
//! (0x1835), the camera settings and every other record, the previews and the sensor data.
//! Verification compares every byte but the zeroed values.

use std::ops::Range;

use bytes::Bytes;

use super::super::{CleanMethod, Cleaned, Inspection, Kept};
use crate::error::{Error, Result};
use crate::finding::{Category, Explanation, Finding, Severity};
use crate::format::ImageFormat;
use crate::meta::{clip, human_bytes, Payloads};

/// Deepest nesting of heaps read (rawler reads ten).
const MAX_DEPTH: u32 = 10;
/// Most records read from one file, over all its heaps.
const MAX_RECORDS: usize = 100_000;

/// Records whose values are zeroed: tag (without the location bits), what it is.
const PRIVATE: &[(u16, Private)] = &[
    (0x0805, Private::Comment),
    (0x0810, Private::Owner),
    (0x0816, Private::FileName),
    (0x0817, Private::FileName),
    (0x180b, Private::Serial),
    (0x180e, Private::Time),
    (0x1817, Private::FileNumber),
];

/// What a private record reveals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Private {
    Comment,
    Description,
    Owner,
    FileName,
    Serial,
    Time,
    FileNumber,
}

/// A private record's value in the file.
struct Value {
    what: Private,
    range: Range<usize>,
}

/// Reads numbers in the file's byte order.
#[derive(Clone, Copy)]
struct Order {
    little: bool,
}

impl Order {
    fn u16(self, data: &[u8], at: usize) -> Option<u16> {
        let b: [u8; 2] = data.get(at..at.checked_add(2)?)?.try_into().ok()?;
        Some(if self.little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    }

    fn u32(self, data: &[u8], at: usize) -> Option<u32> {
        let b: [u8; 4] = data.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(if self.little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }
}

fn corrupt(detail: &str) -> Error {
    Error::corrupt(ImageFormat::CameraRaw, format!("CRW: {detail}"))
}

/// What a CRW holds: its byte order, the private records' values in file order, and where a
/// Canon recipe trailer starts (the end of the file when there is none).
struct Layout {
    order: Order,
    values: Vec<Value>,
    trailer: usize,
}

/// The recipe trailer's fixed header and footer, and the tag of its XMP block.
const VRD_MAGIC: &[u8; 20] = b"CANON OPTIONAL DATA\0";
const VRD_HEADER: usize = 0x1c;
const VRD_FOOTER: usize = 0x40;
const VRD_XMP: u32 = 0xffff_00f6;

/// Where a Canon recipe trailer (header, blocks, footer; sizes big-endian) starts, if the file
/// ends with one.
fn vrd_start(data: &[u8]) -> Option<usize> {
    let footer = data.len().checked_sub(VRD_FOOTER)?;
    if !data[footer..].starts_with(VRD_MAGIC) {
        return None;
    }
    let size = Order { little: false }.u32(data, footer + 0x14)? as usize;
    let start = footer.checked_sub(size)?.checked_sub(VRD_HEADER)?;
    data[start..].starts_with(VRD_MAGIC).then_some(start)
}

/// The XMP packets in a recipe trailer's blocks.
fn vrd_xmp(data: &[u8], start: usize) -> Vec<Vec<u8>> {
    let be = Order { little: false };
    let end = data.len() - VRD_FOOTER;
    let mut at = start + VRD_HEADER;
    let mut out = Vec::new();
    while let (Some(kind), Some(len)) = (be.u32(data, at), be.u32(data, at + 4)) {
        let body = at + 8;
        let Some(next) = body.checked_add(len as usize).filter(|&n| n <= end) else {
            break;
        };
        if kind == VRD_XMP {
            out.push(data[body..next].to_vec());
        }
        at = next;
    }
    out
}

/// Walks every heap and returns the private records' values, in file order.
fn read(data: &[u8]) -> Result<Layout> {
    let order = match data.get(..2) {
        Some(b"II") => Order { little: true },
        Some(b"MM") => Order { little: false },
        _ => return Err(corrupt("the byte order is missing")),
    };
    let start = order
        .u32(data, 2)
        .map(|h| h as usize)
        .filter(|&h| h >= 14 && h <= data.len())
        .ok_or_else(|| corrupt("the header runs past the end of the file"))?;
    let trailer = vrd_start(data).filter(|&t| t > start).unwrap_or(data.len());
    let mut values = Vec::new();
    let mut budget = MAX_RECORDS;
    let root = Heap {
        block: start..trailer,
        parent: 0,
        depth: 0,
    };
    heap(data, order, root, &mut budget, &mut values)?;
    values.sort_by_key(|v| v.range.start);
    Ok(Layout {
        order,
        values,
        trailer,
    })
}

/// A heap: its bytes in the file, the tag of the record holding it, how deep it is.
struct Heap {
    block: Range<usize>,
    parent: u16,
    depth: u32,
}

/// Reads one heap (`block`, its bytes in the file) and the heaps it holds.
fn heap(
    data: &[u8],
    order: Order,
    here: Heap,
    budget: &mut usize,
    found: &mut Vec<Value>,
) -> Result<()> {
    let block = here.block;
    if here.depth > MAX_DEPTH {
        return Err(corrupt("the heaps are nested too deep"));
    }
    let bad_table = || corrupt("a heap's table of records lies outside the heap");
    let table = block.end.checked_sub(4).ok_or_else(bad_table)?;
    let table_at = order
        .u32(data, table)
        .and_then(|o| block.start.checked_add(o as usize))
        .filter(|&t| t >= block.start && t < table)
        .ok_or_else(bad_table)?;
    let count = usize::from(order.u16(data, table_at).ok_or_else(bad_table)?);
    if table_at + 2 + count * 10 > table {
        return Err(bad_table());
    }
    *budget = budget
        .checked_sub(count)
        .ok_or_else(|| corrupt("the file holds too many records"))?;
    for i in 0..count {
        let entry = table_at + 2 + i * 10;
        let tag = order.u16(data, entry).ok_or_else(bad_table)?;
        let id = tag & 0x3fff;
        let kind = tag & 0x3800;
        let value = match tag & 0xc000 {
            0x0000 => {
                let size = order.u32(data, entry + 2).ok_or_else(bad_table)? as usize;
                let offset = order.u32(data, entry + 6).ok_or_else(bad_table)? as usize;
                block
                    .start
                    .checked_add(offset)
                    .and_then(|s| Some(s..s.checked_add(size)?))
                    .filter(|r| r.end <= block.end)
                    .ok_or_else(|| corrupt("a record runs past the end of its heap"))?
            }
            0x4000 => entry + 2..entry + 10,
            _ => return Err(corrupt("a record has an unknown location")),
        };
        if tag & 0x4000 == 0 && (kind == 0x2800 || kind == 0x3000) {
            let inner = Heap {
                block: value,
                parent: id,
                depth: here.depth + 1,
            };
            heap(data, order, inner, budget, found)?;
        } else if let Some((_, what)) = PRIVATE.iter().find(|(t, _)| *t == id) {
            // In the image description heap (0x2804), 0x0805 is the file's description.
            let what = match (*what, here.parent) {
                (Private::Comment, 0x2804) => Private::Description,
                (what, _) => what,
            };
            found.push(Value { what, range: value });
        }
    }
    Ok(())
}

/// A finding for a private value, or none when it is empty (zeroed).
fn finding(data: &[u8], order: Order, value: &Value) -> Option<Finding> {
    let bytes = &data[value.range.clone()];
    if bytes.iter().all(|&b| b == 0) {
        return None;
    }
    let text = || clip(&String::from_utf8_lossy(bytes), 200);
    let number = || {
        order
            .u32(bytes, 0)
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    let (category, tag, shown, severity, explanation) = match value.what {
        Private::Owner => (
            Category::Person,
            "CRW:OwnerName",
            text(),
            Severity::High,
            Explanation::OwnerName,
        ),
        Private::Comment => (
            Category::Hidden,
            "CRW:UserComment",
            text(),
            Severity::Medium,
            Explanation::Comment,
        ),
        Private::Description => (
            Category::Person,
            "CRW:FileDescription",
            text(),
            Severity::Low,
            Explanation::Caption,
        ),
        Private::FileName => (
            Category::Hidden,
            "CRW:FileName",
            text(),
            Severity::Low,
            Explanation::UniqueId,
        ),
        Private::Serial => (
            Category::Device,
            "CRW:SerialNumber",
            number(),
            Severity::High,
            Explanation::SerialNumber,
        ),
        Private::FileNumber => (
            Category::Hidden,
            "CRW:FileNumber",
            number(),
            Severity::Low,
            Explanation::UniqueId,
        ),
        Private::Time => (
            Category::Time,
            "CRW:DateTimeOriginal",
            order.u32(bytes, 0).map(date_time).unwrap_or_default(),
            Severity::Medium,
            Explanation::DateTaken,
        ),
    };
    (!shown.is_empty()).then(|| Finding::new(category, tag, shown, severity, explanation))
}

/// Seconds since 1970 as `YYYY:MM:DD HH:MM:SS` (the camera's local time, as Canon stores it).
fn date_time(seconds: u32) -> String {
    let days = i64::from(seconds / 86_400);
    let rest = seconds % 86_400;
    let (year, month, day) = crate::calendar::civil_from_days(days);
    format!(
        "{year:04}:{month:02}:{day:02} {:02}:{:02}:{:02}",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Finds the private records of a Canon CRW file.
pub(super) fn inspect(data: &Bytes) -> Result<Inspection> {
    let layout = read(data)?;
    let mut payloads = Payloads::default();
    payloads.container_findings.extend(
        layout
            .values
            .iter()
            .filter_map(|v| finding(data, layout.order, v)),
    );
    if layout.trailer < data.len() {
        payloads.container_findings.push(Finding::new(
            Category::Hidden,
            "CRW:CanonVRD",
            format!(
                "edit recipe of Canon's software, {}",
                human_bytes(data.len() - layout.trailer)
            ),
            Severity::Low,
            Explanation::EditHistory,
        ));
        payloads.xmp.extend(vrd_xmp(data, layout.trailer));
    }
    // Every byte of the heap but the zeroed values.
    let mut picture = Vec::new();
    let mut from = 0;
    for v in &layout.values {
        if v.range.start >= from {
            picture.push(data.slice(from..v.range.start));
            from = v.range.end;
        }
    }
    picture.push(data.slice(from.min(layout.trailer)..layout.trailer));
    Ok(Inspection {
        payloads,
        is_raw: true,
        picture: Some(picture),
        ..Inspection::default()
    })
}

/// Writes a copy of a Canon CRW file with its private records zeroed in place.
pub(super) fn clean(data: &Bytes, _inspection: &Inspection) -> Result<Cleaned> {
    let layout = read(data)?;
    let mut out = data[..layout.trailer].to_vec();
    for v in &layout.values {
        out[v.range.clone()].fill(0);
    }
    Ok(Cleaned {
        bytes: out,
        kept: vec![Kept::CameraDetails],
        method: CleanMethod::Lossless,
    })
}

#[cfg(test)]
mod tests {
    use super::date_time;

    #[test]
    fn dates_from_seconds() {
        assert_eq!(date_time(0), "1970:01:01 00:00:00");
        assert_eq!(date_time(951_782_400), "2000:02:29 00:00:00");
        assert_eq!(date_time(1_121_537_670), "2005:07:16 18:14:30");
    }
}
