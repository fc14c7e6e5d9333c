//! A small, bounded reader of TIFF directories (IFDs): where each entry's value lies in the file.
//! Shared by the lossless rewrite of plain TIFFs and the in-place cleaning of camera RAW files.

use std::ops::Range;

use crate::error::{Error, Result};
use crate::format::ImageFormat;

/// Most entries read from one directory; real files have a few dozen.
const MAX_ENTRIES: usize = 4096;

/// One directory entry and where its value lies.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The tag number.
    pub tag: u16,
    /// The TIFF field type (1 BYTE, 2 ASCII, 3 SHORT, 4 LONG, ...).
    pub kind: u16,
    /// How many values of that type.
    pub count: u32,
    /// Where the value bytes lie in the file (inside the entry when they fit in 4 bytes); `None`
    /// for a type this reader does not know.
    pub value: Option<Range<usize>>,
}

/// One directory: where it lies, its entries in file order and the next directory's offset.
#[derive(Debug, Clone)]
pub(crate) struct Ifd {
    /// Where the directory starts (its entry count).
    pub at: usize,
    /// Offset of the next directory in the chain, 0 when this is the last.
    pub next: u32,
    /// The entries, in file order.
    pub entries: Vec<Entry>,
}

/// A TIFF file's byte order, read from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Order {
    /// True for `II` (Intel, little-endian).
    pub little: bool,
}

impl Order {
    /// Reads a 16-bit number at `at`.
    pub fn u16(self, data: &[u8], at: usize) -> Result<u16> {
        let b = data
            .get(at..at + 2)
            .ok_or_else(|| corrupt("a directory runs past the end"))?;
        Ok(if self.little {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        })
    }

    /// Reads a 32-bit number at `at`.
    pub fn u32(self, data: &[u8], at: usize) -> Result<u32> {
        let b = data
            .get(at..at + 4)
            .ok_or_else(|| corrupt("a directory runs past the end"))?;
        let b = [b[0], b[1], b[2], b[3]];
        Ok(if self.little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }

    /// The bytes of a 16-bit number in this order.
    pub fn put_u16(self, v: u16) -> [u8; 2] {
        if self.little {
            v.to_le_bytes()
        } else {
            v.to_be_bytes()
        }
    }

    /// The bytes of a 32-bit number in this order.
    pub fn put_u32(self, v: u32) -> [u8; 4] {
        if self.little {
            v.to_le_bytes()
        } else {
            v.to_be_bytes()
        }
    }
}

/// A damaged-TIFF error with this detail.
pub(crate) fn corrupt(detail: &str) -> Error {
    Error::corrupt(ImageFormat::Tiff, detail)
}

/// Reads the header: byte order and the offset of the first directory. The makers' variants of
/// the magic number (Panasonic, Olympus) are accepted.
pub(crate) fn header(data: &[u8]) -> Result<(Order, u32)> {
    let little = match data.get(..2) {
        Some(b"II") => true,
        Some(b"MM") => false,
        _ => return Err(corrupt("no TIFF byte order mark")),
    };
    let order = Order { little };
    Ok((order, order.u32(data, 4)?))
}

/// Bytes of one value of a TIFF field type, for the types of TIFF 6 (and IFD, 13).
pub(crate) fn type_size(kind: u16) -> Option<usize> {
    match kind {
        1 | 2 | 6 | 7 => Some(1),
        3 | 8 => Some(2),
        4 | 9 | 11 | 13 => Some(4),
        5 | 10 | 12 => Some(8),
        _ => None,
    }
}

/// Reads the directory at `offset`. Every value range it returns lies inside `data`.
pub(crate) fn read(data: &[u8], order: Order, offset: u32) -> Result<Ifd> {
    let at = offset as usize;
    if at < 8 {
        return Err(corrupt("a directory points into the header"));
    }
    let n = order.u16(data, at)? as usize;
    if n > MAX_ENTRIES {
        return Err(corrupt("a directory has too many entries"));
    }
    let mut entries = Vec::with_capacity(n);
    for i in 0..n {
        let e = at + 2 + 12 * i;
        let tag = order.u16(data, e)?;
        let kind = order.u16(data, e + 2)?;
        let count = order.u32(data, e + 4)?;
        let value = match type_size(kind) {
            None => None,
            Some(size) => {
                let len = (count as usize)
                    .checked_mul(size)
                    .filter(|&l| l <= data.len())
                    .ok_or_else(|| corrupt("a value is larger than the file"))?;
                let start = if len <= 4 {
                    e + 8
                } else {
                    order.u32(data, e + 8)? as usize
                };
                let end = start
                    .checked_add(len)
                    .filter(|&end| end <= data.len())
                    .ok_or_else(|| corrupt("a value lies past the end of the file"))?;
                Some(start..end)
            }
        };
        entries.push(Entry {
            tag,
            kind,
            count,
            value,
        });
    }
    let next = order.u32(data, at + 2 + 12 * n)?;
    Ok(Ifd { at, next, entries })
}

impl Ifd {
    /// The directory's own bytes: count, entries and next offset.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.at..self.at + 2 + 12 * self.entries.len() + 4
    }

    /// The entry with this tag, if any.
    pub fn get(&self, tag: u16) -> Option<&Entry> {
        self.entries.iter().find(|e| e.tag == tag)
    }
}

impl Entry {
    /// The values of a BYTE, SHORT, LONG or IFD entry as numbers.
    pub fn numbers(&self, data: &[u8], order: Order) -> Result<Vec<u64>> {
        let range = self
            .value
            .clone()
            .ok_or_else(|| corrupt("a number tag has an unknown type"))?;
        let bytes = &data[range];
        Ok(match self.kind {
            1 | 7 => bytes.iter().map(|&b| u64::from(b)).collect(),
            3 => bytes
                .chunks_exact(2)
                .map(|c| u64::from(order.u16(c, 0).unwrap_or(0)))
                .collect(),
            4 | 13 => bytes
                .chunks_exact(4)
                .map(|c| u64::from(order.u32(c, 0).unwrap_or(0)))
                .collect(),
            _ => return Err(corrupt("a number tag has a non-integer type")),
        })
    }

    /// The first value of a number entry.
    pub fn number(&self, data: &[u8], order: Order) -> Result<u64> {
        self.numbers(data, order)?
            .first()
            .copied()
            .ok_or_else(|| corrupt("a number tag has no value"))
    }
}
