//! EXIF (TIFF-structured) metadata: GPS, device, owner, dates, thumbnails, maker notes.

use ::exif::{Context, Exif, Field, In, Reader, Tag, Value};

use super::{clip, hidden, human_bytes, iptc, xmp};
use crate::finding::{Category, Explanation, Finding, Severity};

/// Parses a TIFF-structured EXIF payload. Returns `None` when it is not readable.
pub fn parse(tiff: &[u8]) -> Option<Exif> {
    Reader::new().read_raw(tiff.to_vec()).ok()
}

/// The Orientation (1-8) recorded in the primary image's IFD, if any.
pub fn orientation(tiff: &[u8]) -> Option<u16> {
    let exif = parse(tiff)?;
    let value = exif
        .get_field(Tag::Orientation, In::PRIMARY)?
        .value
        .get_uint(0)?;
    u16::try_from(value).ok().filter(|v| (1..=8).contains(v))
}

/// Every finding in an EXIF payload. An unreadable payload is itself reported, since it is
/// still data the cleaner removes.
pub fn findings(tiff: &[u8]) -> Vec<Finding> {
    let Some(exif) = parse(tiff) else {
        return vec![hidden(
            "EXIF",
            format!("unreadable EXIF block, {}", human_bytes(tiff.len())),
            Severity::Medium,
            Explanation::OtherMetadata,
        )];
    };
    let mut out = Vec::new();
    if let Some(position) = gps_position(&exif) {
        out.push(Finding::new(
            Category::Location,
            "EXIF:GPSPosition",
            position,
            Severity::High,
            Explanation::GpsPosition,
        ));
    }
    for field in exif.fields() {
        if field.ifd_num == In::THUMBNAIL {
            continue;
        }
        if let Some(finding) = field_finding(&exif, field) {
            out.push(finding);
        } else {
            out.extend(embedded_block(field));
        }
    }
    out.extend(thumbnail(&exif));
    out
}

/// Latitude and longitude as signed decimal degrees, `"37.320000, -121.940000"`.
fn gps_position(exif: &Exif) -> Option<String> {
    let lat = degrees(exif, Tag::GPSLatitude, Tag::GPSLatitudeRef, b'S')?;
    let lon = degrees(exif, Tag::GPSLongitude, Tag::GPSLongitudeRef, b'W')?;
    Some(format!("{lat:.6}, {lon:.6}"))
}

fn degrees(exif: &Exif, tag: Tag, reference: Tag, negative: u8) -> Option<f64> {
    let field = exif.get_field(tag, In::PRIMARY)?;
    let Value::Rational(parts) = &field.value else {
        return None;
    };
    let scale = [1.0, 60.0, 3600.0];
    let mut value = 0.0;
    for (part, scale) in parts.iter().zip(scale) {
        if part.denom == 0 {
            return None;
        }
        value += part.to_f64() / scale;
    }
    let is_negative = exif
        .get_field(reference, In::PRIMARY)
        .and_then(|f| match &f.value {
            Value::Ascii(v) => v.first().and_then(|s| s.first().copied()),
            _ => None,
        })
        .is_some_and(|c| c.eq_ignore_ascii_case(&negative));
    let value = if is_negative { -value } else { value };
    value.is_finite().then_some(value)
}

/// What one EXIF field reveals, if anything.
fn field_finding(exif: &Exif, field: &Field) -> Option<Finding> {
    use Category::*;
    use Explanation as E;
    use Severity::*;
    let tag = field.tag;
    let (category, severity, explanation) = match (tag.context(), tag.number()) {
        (Context::Gps, 0x0000..=0x0004) => return None, // version and lat/lon, reported together
        (Context::Gps, _) if tag.to_string().ends_with("Ref") => return None, // units of another tag
        (Context::Gps, 0x0007 | 0x001D) => (Location, Medium, E::GpsTime),
        (Context::Gps, _) => (Location, Medium, E::GpsDetail),
        (Context::Tiff, 0x010F | 0x0110 | 0x013C | 0xC614) => (Device, Medium, E::DeviceModel),
        (Context::Tiff, 0x0131) => (Device, Low, E::Software),
        (Context::Tiff, 0x013B | 0x9C9D) => (Person, High, E::OwnerName),
        (Context::Tiff, 0x8298) => (Person, Medium, E::Copyright),
        (Context::Tiff, 0x010E | 0x9C9B | 0x9C9C | 0x9C9E | 0x9C9F) => (Person, Medium, E::Caption),
        (Context::Tiff, 0x0132) => (Time, Medium, E::DateModified),
        (Context::Tiff, 0xC62F) => (Device, High, E::SerialNumber),
        (Context::Exif, 0x9003) => (Time, Medium, E::DateTaken),
        (Context::Exif, 0x9004) => (Time, Medium, E::DateModified),
        (Context::Exif, 0x9010..=0x9012) => (Time, Medium, E::TimeZone),
        (Context::Exif, 0xA430) => (Person, High, E::OwnerName),
        (Context::Exif, 0xA431 | 0xA435) => (Device, High, E::SerialNumber),
        (Context::Exif, 0xA433 | 0xA434) => (Device, Low, E::DeviceModel),
        (Context::Exif, 0xA420) => (Device, Medium, E::UniqueId),
        (Context::Exif, 0x927C) => (Hidden, Medium, E::MakerNote),
        (Context::Exif, 0x9286) => (Hidden, Medium, E::Comment),
        _ => return None,
    };
    let value = match (tag.context(), tag.number()) {
        (Context::Exif, 0x927C) => human_bytes(undefined_len(&field.value)),
        (Context::Exif, 0x9286) => user_comment(&field.value)?,
        (Context::Tiff, 0x9C9B..=0x9C9F) => ucs2(&field.value)?,
        _ => text(exif, field)?,
    };
    let name = match tag.description() {
        Some(_) => format!("EXIF:{tag}"),
        None => format!("EXIF:0x{:04X}", tag.number()),
    };
    Some(Finding::new(category, name, value, severity, explanation))
}

/// IPTC, Photoshop and XMP blocks that TIFF files keep as IFD0 tags.
fn embedded_block(field: &Field) -> Vec<Finding> {
    if field.tag.context() != Context::Tiff {
        return Vec::new();
    }
    let bytes: Vec<u8> = match &field.value {
        Value::Undefined(b, _) | Value::Byte(b) => b.clone(),
        Value::Long(words) => words.iter().flat_map(|w| w.to_be_bytes()).collect(),
        _ => return Vec::new(),
    };
    match field.tag.number() {
        0x83BB => iptc::iim_findings(&bytes),
        0x8649 => iptc::findings(&bytes),
        0x02BC => xmp::findings(&bytes),
        _ => Vec::new(),
    }
}

/// The embedded preview of IFD1, with its size when it decodes.
fn thumbnail(exif: &Exif) -> Option<Finding> {
    let offset = exif
        .get_field(Tag::JPEGInterchangeFormat, In::THUMBNAIL)?
        .value
        .get_uint(0)? as usize;
    let len = exif
        .get_field(Tag::JPEGInterchangeFormatLength, In::THUMBNAIL)?
        .value
        .get_uint(0)? as usize;
    let data = exif.buf().get(offset..offset.checked_add(len)?)?;
    let dims = image::ImageReader::new(std::io::Cursor::new(data))
        .with_guessed_format()
        .ok()
        .and_then(|r| r.into_dimensions().ok());
    let value = match dims {
        Some((w, h)) => format!("{w}x{h} JPEG preview, {}", human_bytes(len)),
        None => format!("JPEG preview, {}", human_bytes(len)),
    };
    Some(hidden(
        "EXIF:ThumbnailImage",
        value,
        Severity::High,
        Explanation::Thumbnail,
    ))
}

fn text(exif: &Exif, field: &Field) -> Option<String> {
    let value = match &field.value {
        Value::Ascii(parts) => parts
            .iter()
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .collect::<Vec<_>>()
            .join(" "),
        _ => field.display_value().with_unit(exif).to_string(),
    };
    let value = clip(&value, 200);
    (!value.is_empty()).then_some(value)
}

fn undefined_len(value: &Value) -> usize {
    match value {
        Value::Undefined(b, _) | Value::Byte(b) => b.len(),
        _ => 0,
    }
}

/// Windows "XP" tags hold UCS-2 little-endian text in BYTE arrays.
fn ucs2(value: &Value) -> Option<String> {
    let bytes = match value {
        Value::Byte(b) | Value::Undefined(b, _) => b,
        _ => return None,
    };
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let text = clip(&String::from_utf16_lossy(&units), 200);
    (!text.is_empty()).then_some(text)
}

/// UserComment: an 8-byte character-code header, then text.
fn user_comment(value: &Value) -> Option<String> {
    let Value::Undefined(bytes, _) = value else {
        return None;
    };
    let (code, body) = bytes.split_at(bytes.len().min(8));
    let text = if code.starts_with(b"UNICODE") {
        let units: Vec<u16> = body
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(body).into_owned()
    };
    let text = clip(&text, 200);
    (!text.is_empty()).then_some(text)
}
