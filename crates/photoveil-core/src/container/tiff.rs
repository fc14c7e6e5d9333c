//! TIFF (and TIFF-based camera RAW): metadata lives in the image's own IFD0 tags (Make, Model,
//! Software, dates, serials, embedded IPTC/XMP/Photoshop blocks) and in EXIF/GPS sub-IFDs.
//!
//! Cleaning decodes the first picture and writes it again losslessly (Deflate) with only the
//! tags needed to show it: dimensions, samples, Orientation and the ICC profile.

use std::io::Cursor;

use ::exif::{In, Tag, Value};
use image::DynamicImage;
use tiff::encoder::{colortype, Compression, DeflateLevel, TiffEncoder};
use tiff::tags::Tag as TiffTag;

use super::{CleanMethod, Kept};
use super::{Cleaned, Inspection};
use crate::error::{Error, Result};
use crate::finding::{Explanation, Severity};
use crate::format::ImageFormat;
use crate::meta::{hidden, Payloads};

const DNG_VERSION: u16 = 0xC612;
const SUB_IFDS: u16 = 0x014A;
const ICC_PROFILE: u16 = 0x8773;

/// Finds the metadata of a TIFF or TIFF-based RAW file.
pub fn inspect(data: &[u8]) -> Result<Inspection> {
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
    let is_raw = has(DNG_VERSION) || has(SUB_IFDS) || data.get(8..10) == Some(b"CR");
    let mut payloads = Payloads {
        exif: vec![data.to_vec()],
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
    Ok(Inspection {
        width: dim(Tag::ImageWidth),
        height: dim(Tag::ImageLength),
        payloads,
        is_raw,
        picture: None,
    })
}

/// Writes the first picture again, losslessly, with only Orientation and the ICC profile kept.
pub fn clean(data: &[u8], inspection: &Inspection, orientation: Option<u16>) -> Result<Cleaned> {
    if inspection.is_raw {
        return Err(Error::Unsupported {
            format: ImageFormat::Tiff,
            what: crate::error::Operation::CleaningRaw,
        });
    }
    let picture = crate::decode::decode(ImageFormat::Tiff, data)?;
    let icc = ::exif::Reader::new()
        .read_raw(data.to_vec())
        .ok()
        .and_then(|e| {
            e.fields()
                .find(|f| f.ifd_num == In::PRIMARY && f.tag.number() == ICC_PROFILE)
                .and_then(|f| match &f.value {
                    Value::Undefined(b, _) | Value::Byte(b) => Some(b.clone()),
                    _ => None,
                })
        });
    let mut kept = Vec::new();
    let bytes =
        encode(&picture, orientation, icc.as_deref()).map_err(|e| Error::Decode(e.to_string()))?;
    if let Some(o) = orientation {
        kept.push(Kept::Orientation(o));
    }
    if icc.is_some() {
        kept.push(Kept::IccProfile);
    }
    Ok(Cleaned {
        bytes,
        kept,
        method: CleanMethod::LosslessReencode,
    })
}

fn encode(
    picture: &DynamicImage,
    orientation: Option<u16>,
    icc: Option<&[u8]>,
) -> tiff::TiffResult<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    let mut encoder =
        TiffEncoder::new(&mut out)?.with_compression(Compression::Deflate(DeflateLevel::Balanced));
    let (w, h) = (picture.width(), picture.height());
    macro_rules! write {
        ($color:ty, $data:expr) => {{
            let mut image = encoder.new_image::<$color>(w, h)?;
            if let Some(o) = orientation {
                image.encoder().write_tag(TiffTag::Orientation, o)?;
            }
            if let Some(icc) = icc {
                image
                    .encoder()
                    .write_tag(TiffTag::Unknown(ICC_PROFILE), icc)?;
            }
            image.write_data($data)?;
        }};
    }
    match picture {
        DynamicImage::ImageLuma8(i) => write!(colortype::Gray8, i.as_raw()),
        DynamicImage::ImageLuma16(i) => write!(colortype::Gray16, i.as_raw()),
        DynamicImage::ImageRgb8(i) => write!(colortype::RGB8, i.as_raw()),
        DynamicImage::ImageRgba8(i) => write!(colortype::RGBA8, i.as_raw()),
        DynamicImage::ImageRgb16(i) => write!(colortype::RGB16, i.as_raw()),
        DynamicImage::ImageRgba16(i) => write!(colortype::RGBA16, i.as_raw()),
        DynamicImage::ImageRgb32F(i) => write!(colortype::RGB32Float, i.as_raw()),
        DynamicImage::ImageRgba32F(i) => write!(colortype::RGBA32Float, i.as_raw()),
        other => {
            let rgba = other.to_rgba16();
            write!(colortype::RGBA16, rgba.as_raw())
        }
    }
    Ok(out.into_inner())
}
