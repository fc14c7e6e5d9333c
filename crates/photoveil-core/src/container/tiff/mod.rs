//! TIFF (and TIFF-based camera RAW): metadata lives in the image's own IFD0 tags (Make, Model,
//! Software, dates, serials, embedded IPTC/XMP/Photoshop blocks) and in EXIF/GPS sub-IFDs.
//!
//! Cleaning writes a new file with the first picture's coded strips or tiles copied byte for
//! byte and only the tags needed to draw them (see [`rewrite`]): any layout, colour model and
//! compression, nothing decoded. DNG and Canon CR2 are cleaned in place instead (see [`raw`]);
//! other camera RAW files are refused, each family with its reason ([`raw::family`]).

pub(crate) mod ifd;
pub(crate) mod raw;
mod rewrite;

use ::exif::{In, Tag};
use bytes::Bytes;

use rewrite::Picture;

use super::{CleanMethod, Kept};
use super::{Cleaned, Inspection};
use crate::error::{Error, Result};
use crate::finding::{Category, Explanation, Finding, Severity};
use crate::format::ImageFormat;
use crate::meta::{clip, hidden, Payloads};

/// The SubIFDs tag: the directories of further pictures (a RAW file's sensor data among them).
const SUB_IFDS: u16 = 0x014A;
const ICC_PROFILE: u16 = 0x8773;
const MODEL_TIEPOINT: u16 = 33922;
const MODEL_TRANSFORMATION: u16 = 34264;
const GEO_KEYS: u16 = 34735;
const GDAL_METADATA: u16 = 42112;

/// Finds the metadata of a TIFF or TIFF-based RAW file.
pub fn inspect(data: &Bytes) -> Result<Inspection> {
    let mut tiff = data.to_vec();
    let maker_variant = crate::format::raw_tiff_magic(data);
    if let Some(standard) = maker_variant {
        tiff[..4].copy_from_slice(standard);
    }
    let exif = ::exif::Reader::new()
        .read_raw(tiff.clone())
        .map_err(|e| Error::corrupt(ImageFormat::Tiff, e.to_string()))?;
    let dim = |tag| {
        exif.get_field(tag, In::PRIMARY)
            .and_then(|f| f.value.get_uint(0))
    };
    let has = |number: u16| {
        exif.fields()
            .any(|f| f.ifd_num == In::PRIMARY && f.tag.number() == number)
    };
    let family = raw::family::family(data);
    let is_raw = family.is_some() || has(SUB_IFDS);
    let mut payloads = Payloads {
        // (with the standard magic number where a maker wrote its own: RW2, ORF)
        exif: vec![tiff],
        ..Payloads::default()
    };
    let extra_pages = exif
        .fields()
        .any(|f| f.ifd_num == In::THUMBNAIL && f.tag == Tag::ImageWidth);
    if extra_pages {
        payloads.container_findings.push(hidden(
            "TIFF:MorePages",
            "further pictures (pages or previews) in the file",
            Severity::Medium,
            Explanation::ExtraImages,
        ));
    }
    payloads.container_findings.extend(geo_findings(data));
    payloads.exif.extend(raw::embedded_exif(data, family));
    payloads
        .container_findings
        .extend(raw::findings(data, family));
    // The pieces that draw the picture, for verification; a file whose layout cannot be read
    // is still scanned (and refused when cleaned).
    let picture = if let Some(f) = family.filter(|&f| raw::family::cleaned(f)) {
        raw::pieces(data, f).ok()
    } else if is_raw {
        None
    } else {
        Picture::read(data).ok().map(|p| p.pieces(data))
    };
    Ok(Inspection {
        width: dim(Tag::ImageWidth),
        height: dim(Tag::ImageLength),
        payloads,
        is_raw,
        picture,
    })
}

/// Writes a copy with the first picture's coded strips or tiles byte for byte and only the tags
/// that draw it (Orientation and the ICC profile among them).
pub fn clean(data: &[u8], inspection: &Inspection) -> Result<Cleaned> {
    let mut kept = Vec::new();
    if let Some(o) = inspection.payloads.orientation().filter(|&o| o != 1) {
        kept.push(Kept::Orientation(o));
    }
    match raw::family::family(data) {
        Some(f) if raw::family::cleaned(f) => {
            kept.push(Kept::CameraDetails);
            return Ok(Cleaned {
                bytes: raw::clean(data, f)?,
                kept,
                method: CleanMethod::Lossless,
            });
        }
        Some(family) => {
            return Err(Error::RawNotCleaned {
                family,
                why: raw::family::refusal(family),
            })
        }
        None if inspection.is_raw => {
            return Err(Error::RawNotCleaned {
                family: crate::format::RawFamily::Other,
                why: raw::family::refusal(crate::format::RawFamily::Other),
            })
        }
        None => {}
    }
    let picture = Picture::read(data)?;
    if picture.has(ICC_PROFILE) {
        kept.push(Kept::IccProfile);
    }
    Ok(Cleaned {
        bytes: picture.write(data),
        kept,
        method: CleanMethod::Lossless,
    })
}

/// GeoTIFF and GDAL tags that place the picture on the map or describe it.
fn geo_findings(data: &[u8]) -> Vec<Finding> {
    let Ok((order, first)) = ifd::header(data) else {
        return Vec::new();
    };
    let Ok(dir) = ifd::read(data, order, first) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let placed = [MODEL_TIEPOINT, MODEL_TRANSFORMATION, GEO_KEYS]
        .iter()
        .any(|&t| dir.get(t).is_some());
    if placed {
        let at = tiepoint(data, order, &dir)
            .map(|(x, y)| format!("map coordinates {x:.6}, {y:.6}"))
            .unwrap_or_else(|| "placed on a map".into());
        out.push(Finding::new(
            Category::Location,
            "GeoTIFF:Georeferencing",
            at,
            Severity::High,
            Explanation::GpsPosition,
        ));
    }
    if let Some(range) = dir.get(GDAL_METADATA).and_then(|e| e.value.clone()) {
        out.push(hidden(
            "TIFF:GDALMetadata",
            clip(&String::from_utf8_lossy(&data[range]), 200),
            Severity::Low,
            Explanation::OtherMetadata,
        ));
    }
    out
}

/// The map position of the first tie point (its X and Y, the 4th and 5th doubles).
fn tiepoint(data: &[u8], order: ifd::Order, dir: &ifd::Ifd) -> Option<(f64, f64)> {
    let entry = dir.get(MODEL_TIEPOINT).filter(|e| e.kind == 12)?;
    let bytes = data.get(entry.value.clone()?)?;
    let double = |i: usize| {
        let b: [u8; 8] = bytes.get(i * 8..i * 8 + 8)?.try_into().ok()?;
        let v = if order.little {
            f64::from_le_bytes(b)
        } else {
            f64::from_be_bytes(b)
        };
        v.is_finite().then_some(v)
    };
    Some((double(3)?, double(4)?))
}
