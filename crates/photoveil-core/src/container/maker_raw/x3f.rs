//! Sigma X3F (Foveon), versions 2 and 3, cleaned in place: nothing moves, so the directory at
//! the end of the file and every section's offset stay valid.
//!
//! The file is a header (`FOVb`, the version, a 16-byte ImageUniqueID whose first 8 bytes are
//! the camera's serial number in ASCII, the picture's size, rotation and white balance), then
//! sections listed by a directory (`SECd`, found through the file's last 4 bytes): `PROP`
//! (properties: UTF-16 name and value pairs), `IMAG`/`IMA2` (the sensor data and previews, one of
//! which may be a full-size JPEG with EXIF) and `CAMF` (calibration).
//!
//! Removed: the header's ImageUniqueID (zeroed); the properties CAMSERIAL (serial number),
//! CAMNAME (the name the owner gave the camera), TIME (when the photo was taken), IMAGERBOARDID,
//! IMAGEBOARDID and SENSORID (serial numbers of the camera's boards), their values zeroed (each
//! becomes an empty string, the property list keeps its layout); in the JPEG preview, the EXIF
//! cleaned in place as a TIFF-based RAW file's (dates, serials, names and GPS gone, its thumbnail
//! dropped: [`super::thumbnail`]) and every other metadata segment zeroed ([`super::preview`]).
//!
//! Kept, because converters need them: the header's size, rotation and white balance, every other
//! property (make, model, exposure, lens, firmware), the preview's Make and Model (rawler finds
//! the camera through them), the sensor data and the calibration section.
//!
//! Version 4 and later (Quattro) files have another header and are refused.

use std::ops::Range;

use bytes::Bytes;

use super::super::tiff::raw;
use super::super::{CleanMethod, Cleaned, Inspection, Kept};
use super::{preview, thumbnail};
use crate::error::{Error, Result};
use crate::finding::{Category, Explanation, Finding, Severity};
use crate::format::RawFamily;
use crate::meta::{clip, Payloads};

/// Where the header's ImageUniqueID lies.
const UNIQUE_ID: Range<usize> = 8..24;
/// Most sections read from one directory.
const MAX_SECTIONS: usize = 1024;
/// A property section's header: `SECp`, version, count, format, reserved, length in characters.
const PROP_HEADER: usize = 24;
/// An image section's header: `SECi`, version, type, format, columns, rows, row size.
const IMAGE_HEADER: usize = 28;
/// Image type and format of a JPEG preview.
const JPEG_PREVIEW: (u32, u32) = (2, 0x12);

/// Properties removed, with what a finding says they are.
const PRIVATE_PROPERTIES: &[(&str, Category, Explanation)] = &[
    ("CAMSERIAL", Category::Device, Explanation::SerialNumber),
    ("CAMNAME", Category::Person, Explanation::OwnerName),
    ("TIME", Category::Time, Explanation::DateTaken),
    ("IMAGERBOARDID", Category::Device, Explanation::SerialNumber),
    ("IMAGEBOARDID", Category::Device, Explanation::SerialNumber),
    ("SENSORID", Category::Device, Explanation::SerialNumber),
];

fn corrupt(detail: &str) -> Error {
    Error::corrupt(crate::format::ImageFormat::CameraRaw, detail)
}

fn u32_at(data: &[u8], at: usize) -> Result<u32> {
    data.get(at..at.saturating_add(4))
        .and_then(|b| b.try_into().ok())
        .map(u32::from_le_bytes)
        .ok_or_else(|| corrupt("X3F: cut short"))
}

/// One section of the directory.
struct Section {
    kind: [u8; 4],
    range: Range<usize>,
}

/// What cleaning changes in the file, found once for both inspection and cleaning.
struct Layout {
    /// The header's unique ID (versions 2 and 3).
    unique_id: Range<usize>,
    /// Private properties: name, value text and where the value's characters lie.
    properties: Vec<(String, String, Range<usize>)>,
    /// The JPEG previews, as ranges of the file.
    jpegs: Vec<Range<usize>>,
    /// Every section, for the pieces that must not change.
    sections: Vec<Section>,
}

fn layout(data: &[u8]) -> Result<Layout> {
    let version = u32_at(data, 4)?;
    if !(0x0002_0000..0x0004_0000).contains(&version) {
        return Err(super::not_read(RawFamily::X3f));
    }
    let dir = u32_at(data, data.len().saturating_sub(4))? as usize;
    if data.get(dir..dir + 4) != Some(b"SECd") {
        return Err(corrupt("X3F: the section directory is missing"));
    }
    let count = u32_at(data, dir + 8)? as usize;
    if count > MAX_SECTIONS {
        return Err(corrupt("X3F: too many sections"));
    }
    let mut sections = Vec::with_capacity(count);
    for i in 0..count {
        let at = dir + 12 + 12 * i;
        let offset = u32_at(data, at)? as usize;
        let len = u32_at(data, at + 4)? as usize;
        let end = offset
            .checked_add(len)
            .filter(|&e| e <= data.len())
            .ok_or_else(|| corrupt("X3F: a section lies outside the file"))?;
        let kind: [u8; 4] = data
            .get(at + 8..at + 12)
            .and_then(|k| k.try_into().ok())
            .ok_or_else(|| corrupt("X3F: cut short"))?;
        sections.push(Section {
            kind,
            range: offset..end,
        });
    }
    let mut properties = Vec::new();
    let mut jpegs = Vec::new();
    for s in &sections {
        let body = &data[s.range.clone()];
        match &s.kind {
            b"PROP" => properties.extend(
                private_properties(body)?
                    .into_iter()
                    .map(|(n, v, r)| (n, v, s.range.start + r.start..s.range.start + r.end)),
            ),
            b"IMAG" | b"IMA2" if body.len() > IMAGE_HEADER && body.starts_with(b"SECi") => {
                let kind = (u32_at(body, 8)?, u32_at(body, 12)?);
                if kind == JPEG_PREVIEW && body[IMAGE_HEADER..].starts_with(&[0xFF, 0xD8]) {
                    jpegs.push(s.range.start + IMAGE_HEADER..s.range.end);
                }
            }
            _ => {}
        }
    }
    Ok(Layout {
        unique_id: UNIQUE_ID,
        properties,
        jpegs,
        sections,
    })
}

/// The private properties of a `SECp` section: name, value, and where the value's characters
/// lie in the section (without the terminating zero).
fn private_properties(body: &[u8]) -> Result<Vec<(String, String, Range<usize>)>> {
    if !body.starts_with(b"SECp") || body.len() < PROP_HEADER {
        return Err(corrupt("X3F: a property section is damaged"));
    }
    let count = u32_at(body, 8)? as usize;
    if u32_at(body, 12)? != 0 {
        // Only UTF-16 properties exist; another format cannot be checked for private values.
        return Err(corrupt("X3F: properties in an unknown character format"));
    }
    let chars_at = count
        .checked_mul(8)
        .and_then(|n| n.checked_add(PROP_HEADER))
        .filter(|&n| n <= body.len())
        .ok_or_else(|| corrupt("X3F: the property list is cut short"))?;
    let chars = &body[chars_at..];
    let string_at = |pos: usize| -> Result<(String, Range<usize>)> {
        let start = pos
            .checked_mul(2)
            .filter(|&s| s <= chars.len())
            .ok_or_else(|| corrupt("X3F: a property points outside its section"))?;
        let units: Vec<u16> = chars[start..]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .take_while(|&u| u != 0)
            .collect();
        let end = start + 2 * units.len();
        let text = String::from_utf16_lossy(&units);
        Ok((text, chars_at + start..chars_at + end))
    };
    let mut out = Vec::new();
    for i in 0..count {
        let name_pos = u32_at(body, PROP_HEADER + 8 * i)? as usize;
        let value_pos = u32_at(body, PROP_HEADER + 8 * i + 4)? as usize;
        let (name, _) = string_at(name_pos)?;
        if PRIVATE_PROPERTIES.iter().any(|(p, _, _)| *p == name) {
            let (value, range) = string_at(value_pos)?;
            out.push((name, value, range));
        }
    }
    Ok(out)
}

/// Finds the metadata of a Sigma X3F file.
pub(super) fn inspect(data: &Bytes) -> Result<Inspection> {
    let l = layout(data)?;
    let mut payloads = Payloads::default();
    if data[l.unique_id.clone()].iter().any(|&b| b != 0) {
        let serial = String::from_utf8_lossy(&data[8..16]).into_owned();
        payloads.container_findings.push(Finding::new(
            Category::Device,
            "X3F:ImageUniqueID",
            clip(&serial, 40),
            Severity::High,
            Explanation::SerialNumber,
        ));
    }
    for (name, value, _) in l.properties.iter().filter(|(_, v, _)| !v.trim().is_empty()) {
        if let Some((_, category, explanation)) =
            PRIVATE_PROPERTIES.iter().find(|(p, _, _)| p == name)
        {
            payloads.container_findings.push(Finding::new(
                *category,
                format!("X3F:{name}"),
                clip(value, 80),
                Severity::High,
                *explanation,
            ));
        }
    }
    for j in &l.jpegs {
        if let Some(e) = preview::metadata(&data[j.clone()])?.tiff {
            payloads
                .exif
                .push(data[j.start + e.start..j.start + e.end].to_vec());
        }
    }
    let picture = pieces(data, &l).ok();
    Ok(Inspection {
        width: u32_at(data, 28).ok(),
        height: u32_at(data, 32).ok(),
        payloads,
        is_raw: true,
        picture,
    })
}

/// The pieces that must not change: every section but the properties and the JPEG previews,
/// and each preview's EXIF entries that cleaning keeps.
fn pieces(data: &Bytes, l: &Layout) -> Result<Vec<Bytes>> {
    let mut out = Vec::new();
    for s in &l.sections {
        let is_jpeg = l.jpegs.iter().any(|j| j.end == s.range.end);
        if &s.kind == b"PROP" {
            continue;
        }
        if is_jpeg {
            let j = s.range.start + IMAGE_HEADER..s.range.end;
            if let Some(e) = preview::metadata(&data[j.clone()])?.tiff {
                let mut block = data[j.start + e.start..j.start + e.end].to_vec();
                thumbnail::drop(&mut block)?;
                out.extend(raw::pieces(&Bytes::from(block), RawFamily::X3f)?);
            }
            continue;
        }
        out.push(data.slice(s.range.clone()));
    }
    Ok(out)
}

/// Writes the cleaned copy of a Sigma X3F file, the same length as the original.
pub(super) fn clean(data: &Bytes, _inspection: &Inspection) -> Result<Cleaned> {
    let l = layout(data)?;
    let mut out = data.to_vec();
    out[l.unique_id.clone()].fill(0);
    for (_, _, range) in &l.properties {
        out[range.clone()].fill(0);
    }
    for j in &l.jpegs {
        let found = preview::metadata(&data[j.clone()])?;
        if let Some(e) = found.tiff {
            let mut cleaned =
                raw::clean(&data[j.start + e.start..j.start + e.end], RawFamily::X3f)?;
            thumbnail::drop(&mut cleaned)?;
            out[j.start + e.start..j.start + e.end].copy_from_slice(&cleaned);
        }
        for r in found.zeroed {
            out[j.start + r.start..j.start + r.end].fill(0);
        }
    }
    Ok(Cleaned {
        bytes: out,
        kept: vec![Kept::CameraDetails],
        method: CleanMethod::Lossless,
    })
}
