//! The lossless rewrite of a plain TIFF: a new file with the first picture's coded strips or
//! tiles copied byte for byte and only the tags a reader needs to draw them. Works for every
//! layout and compression (palette, CMYK, 16-bit, floating point, tiled, planar, LZW, JPEG, ...)
//! because nothing is decoded.

use std::collections::HashMap;
use std::ops::Range;

use bytes::Bytes;

use super::ifd::{self, corrupt, Entry, Ifd, Order};
use crate::error::{Error, Result};

/// Tags kept because they say how to draw the picture (in ascending order, as a directory must
/// list them). Identity, dates, text, GeoTIFF georeferencing, embedded XMP/IPTC/Photoshop/EXIF
/// blocks and everything unknown are left behind.
const PICTURE_TAGS: &[u16] = &[
    256,    // ImageWidth
    257,    // ImageLength
    258,    // BitsPerSample
    259,    // Compression
    262,    // PhotometricInterpretation
    263,    // Threshholding
    266,    // FillOrder
    273,    // StripOffsets (rewritten)
    274,    // Orientation
    277,    // SamplesPerPixel
    278,    // RowsPerStrip
    279,    // StripByteCounts
    280,    // MinSampleValue
    281,    // MaxSampleValue
    282,    // XResolution
    283,    // YResolution
    284,    // PlanarConfiguration
    290,    // GrayResponseUnit
    291,    // GrayResponseCurve
    292,    // T4Options
    293,    // T6Options
    296,    // ResolutionUnit
    301,    // TransferFunction
    317,    // Predictor
    318,    // WhitePoint
    319,    // PrimaryChromaticities
    320,    // ColorMap
    321,    // HalftoneHints
    322,    // TileWidth
    323,    // TileLength
    324,    // TileOffsets (rewritten)
    325,    // TileByteCounts
    332,    // InkSet
    334,    // NumberOfInks
    336,    // DotRange
    338,    // ExtraSamples
    339,    // SampleFormat
    340,    // SMinSampleValue
    341,    // SMaxSampleValue
    342,    // TransferRange
    347,    // JPEGTables
    529,    // YCbCrCoefficients
    530,    // YCbCrSubSampling
    531,    // YCbCrPositioning
    532,    // ReferenceBlackWhite
    0x8773, // InterColorProfile (ICC)
    42113,  // GDAL_NODATA: which value is transparent
];

/// Old-style JPEG (compression 6) points into the file from tags of its own.
const OLD_JPEG: u64 = 6;

/// The first picture of a TIFF: the tags that draw it and where its coded chunks lie.
pub(crate) struct Picture {
    order: Order,
    /// Kept entries, in ascending tag order.
    tags: Vec<Entry>,
    /// The tag whose values are rewritten: 273 (strips) or 324 (tiles).
    offsets_tag: u16,
    /// Each strip or tile, in order (empty for a sparse chunk with offset 0).
    chunks: Vec<Range<usize>>,
}

impl Picture {
    /// Reads the first directory of a plain TIFF and checks that its chunks lie in the file.
    pub fn read(data: &[u8]) -> Result<Picture> {
        let (order, first) = ifd::header(data)?;
        let dir = ifd::read(data, order, first)?;
        Self::from_ifd(data, order, &dir)
    }

    fn from_ifd(data: &[u8], order: Order, dir: &Ifd) -> Result<Picture> {
        if let Some(c) = dir.get(259) {
            if c.number(data, order)? == OLD_JPEG {
                return Err(Error::Decode(
                    "old-style JPEG compression (6) in a TIFF is not supported".into(),
                ));
            }
        }
        let (offsets_tag, counts_tag) = if dir.get(324).is_some() {
            (324, 325)
        } else {
            (273, 279)
        };
        let offsets = dir
            .get(offsets_tag)
            .ok_or_else(|| corrupt("the picture has no strip or tile offsets"))?
            .numbers(data, order)?;
        let counts = dir
            .get(counts_tag)
            .ok_or_else(|| corrupt("the picture has no strip or tile byte counts"))?
            .numbers(data, order)?;
        if offsets.len() != counts.len() || offsets.is_empty() {
            return Err(corrupt("strip or tile offsets and byte counts disagree"));
        }
        let mut total = 0u64;
        let mut chunks = Vec::with_capacity(offsets.len());
        for (&offset, &count) in offsets.iter().zip(&counts) {
            if count == 0 {
                chunks.push(0..0);
                continue;
            }
            let end = offset
                .checked_add(count)
                .filter(|&end| end <= data.len() as u64)
                .ok_or_else(|| corrupt("a strip or tile lies past the end of the file"))?;
            total += count;
            chunks.push(offset as usize..end as usize);
        }
        // Chunks may share bytes (a blank tile used many times); more than the file four
        // times over is a bomb for the copy and its comparison.
        if total > 4 * data.len() as u64 {
            return Err(corrupt("strips or tiles overlap too much"));
        }
        let mut tags: Vec<Entry> = dir
            .entries
            .iter()
            .filter(|e| PICTURE_TAGS.contains(&e.tag) && e.value.is_some())
            .cloned()
            .collect();
        tags.sort_by_key(|e| e.tag);
        tags.dedup_by_key(|e| e.tag);
        Ok(Picture {
            order,
            tags,
            offsets_tag,
            chunks,
        })
    }

    /// Whether a kept tag is present (e.g. the ICC profile).
    pub fn has(&self, tag: u16) -> bool {
        self.tags.iter().any(|e| e.tag == tag)
    }

    /// The pieces two files must share to show the same picture: every kept tag but the offsets
    /// (number, type, count and value bytes), then every chunk in order. The copy keeps the byte
    /// order, so equal pieces mean the same tags and the same coded data.
    pub fn pieces(&self, data: &Bytes) -> Vec<Bytes> {
        let mut tags = Vec::new();
        for e in self.tags.iter().filter(|e| e.tag != self.offsets_tag) {
            let value = e.value.clone().unwrap_or(0..0);
            tags.extend(e.tag.to_le_bytes());
            tags.extend(e.kind.to_le_bytes());
            tags.extend(e.count.to_le_bytes());
            tags.extend((value.len() as u64).to_le_bytes());
            tags.extend(&data[value]);
        }
        tags.push(u8::from(self.order.little));
        let mut pieces = vec![Bytes::from(tags)];
        pieces.extend(self.chunks.iter().map(|c| data.slice(c.clone())));
        pieces
    }

    /// Writes the new file: header, the chunks (each distinct one once), the directory, then the
    /// values that do not fit in their entries.
    pub fn write(&self, data: &[u8]) -> Vec<u8> {
        let o = self.order;
        let mut out = Vec::with_capacity(data.len() / 2 + 1024);
        out.extend(if o.little { b"II" } else { b"MM" });
        out.extend(o.put_u16(42));
        out.extend([0; 4]); // directory offset, filled in below
        let mut placed: HashMap<(usize, usize), u32> = HashMap::new();
        let mut offsets = Vec::with_capacity(self.chunks.len());
        for chunk in &self.chunks {
            if chunk.is_empty() {
                offsets.push(0u32);
                continue;
            }
            if let Some(&at) = placed.get(&(chunk.start, chunk.end)) {
                offsets.push(at);
                continue;
            }
            let at = out.len() as u32;
            out.extend(&data[chunk.clone()]);
            pad(&mut out);
            placed.insert((chunk.start, chunk.end), at);
            offsets.push(at);
        }
        let dir_at = out.len();
        out[4..8].copy_from_slice(&o.put_u32(dir_at as u32));
        let n = self.tags.len();
        let mut extra_at = dir_at + 2 + 12 * n + 4;
        let mut extra = Vec::new();
        out.extend(o.put_u16(n as u16));
        for e in &self.tags {
            let (kind, count, value): (u16, u32, Vec<u8>) = if e.tag == self.offsets_tag {
                let bytes = offsets.iter().flat_map(|&v| o.put_u32(v)).collect();
                (4, offsets.len() as u32, bytes)
            } else {
                let range = e.value.clone().unwrap_or(0..0);
                (e.kind, e.count, data[range].to_vec())
            };
            out.extend(o.put_u16(e.tag));
            out.extend(o.put_u16(kind));
            out.extend(o.put_u32(count));
            if value.len() <= 4 {
                let mut inline = [0u8; 4];
                inline[..value.len()].copy_from_slice(&value);
                out.extend(inline);
            } else {
                out.extend(o.put_u32(extra_at as u32));
                extra.extend(&value);
                pad(&mut extra);
                extra_at = dir_at + 2 + 12 * n + 4 + extra.len();
            }
        }
        out.extend([0; 4]); // no next directory: only the first picture is kept
        out.extend(extra);
        out
    }
}

/// Pads to an even length: TIFF values and chunks start on word boundaries.
fn pad(out: &mut Vec<u8>) {
    if out.len() % 2 == 1 {
        out.push(0);
    }
}
