//! JPEG 2000 in its JP2 container (ISO/IEC 15444-1 annex I): a sequence of boxes. The picture is
//! the codestream box `jp2c`, described by the header box `jp2h` (size, colour, resolution);
//! metadata is in `xml ` boxes, `uuid` boxes (XMP under Adobe's UUID, EXIF under the
//! `JpgTiffExif->JP2` one, GeoJP2 and vendors' data under others), `uinf` (UUID lists and URLs)
//! and `jp2i` (intellectual-property rights).
//!
//! Cleaning keeps `jP  `, `ftyp`, `jp2h` and `jp2c` byte for byte, in order, and removes every
//! other box. Verification compares those boxes, so the coded picture is shown to be identical.
//! A comment marker inside the codestream (encoders write their name there) is part of the coded
//! picture and is left alone. Not decoded by this build: faces are not looked for. A bare
//! codestream, without boxes, is read by [`codestream`].

mod codestream;

use bytes::Bytes;

use super::isobmff::{boxes, keep_only, pieces, BoxRef};
use super::{CleanMethod, Cleaned, Inspection};
use crate::error::{Error, Result};
use crate::finding::{Explanation, Severity};
use crate::format::{ImageFormat, J2C_CODESTREAM};
use crate::meta::{hidden, human_bytes, Payloads};

/// Boxes that make up or describe the picture; every other box is removed.
const PICTURE_BOXES: &[&[u8; 4]] = &[b"jP  ", b"ftyp", b"jp2h", b"jp2c"];

/// Adobe's UUID for XMP in JP2 files.
const XMP_UUID: [u8; 16] = [
    0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF, 0xAC,
];
/// The UUID under which EXIF is stored: "JpgTiffExif->JP2".
const EXIF_UUID: &[u8; 16] = b"JpgTiffExif->JP2";

fn container(data: &[u8]) -> Result<Vec<BoxRef>> {
    let top = boxes(data, 0..data.len(), ImageFormat::Jp2)?;
    if !top.iter().any(|b| &b.kind == b"jp2c") {
        return Err(Error::corrupt(
            ImageFormat::Jp2,
            "the file holds no codestream (jp2c box)",
        ));
    }
    Ok(top)
}

/// Finds the metadata of a JP2 file.
pub fn inspect(data: &Bytes) -> Result<Inspection> {
    if data.starts_with(J2C_CODESTREAM) {
        return codestream::inspect(data);
    }
    let top = container(data)?;
    let mut payloads = Payloads::default();
    for b in top.iter().filter(|b| !PICTURE_BOXES.contains(&&b.kind)) {
        read_box(&b.kind, &data[b.body.clone()], &mut payloads);
    }
    let size = top
        .iter()
        .find(|b| &b.kind == b"jp2h")
        .and_then(|h| header_size(&data[h.body.clone()]));
    Ok(Inspection {
        width: size.map(|s| s.0),
        height: size.map(|s| s.1),
        picture: Some(pieces(data, &top, PICTURE_BOXES)),
        payloads,
        ..Inspection::default()
    })
}

/// Width and height from the image header box (`ihdr`: height, then width) that opens `jp2h`.
fn header_size(jp2h: &[u8]) -> Option<(u32, u32)> {
    let ihdr = jp2h.get(..16).filter(|h| &h[4..8] == b"ihdr")?;
    let be = |at: usize| u32::from_be_bytes([ihdr[at], ihdr[at + 1], ihdr[at + 2], ihdr[at + 3]]);
    Some((be(12), be(8)))
}

/// Reads one metadata box (`kind`, its `body`) into `payloads`.
fn read_box(kind: &[u8; 4], body: &[u8], payloads: &mut Payloads) {
    let size = human_bytes(body.len());
    match (kind, body.split_first_chunk::<16>()) {
        (b"xml ", _) => payloads.xmp.push(body.to_vec()),
        (b"uuid", Some((uuid, rest))) if *uuid == XMP_UUID => payloads.xmp.push(rest.to_vec()),
        (b"uuid", Some((uuid, rest))) if uuid == EXIF_UUID => payloads
            .exif
            .push(rest.strip_prefix(b"Exif\0\0").unwrap_or(rest).to_vec()),
        (b"uuid", Some((uuid, _))) => payloads.container_findings.push(hidden(
            format!(
                "JP2:uuid:{}",
                uuid.iter().map(|b| format!("{b:02X}")).collect::<String>()
            ),
            format!("private data, {size}"),
            Severity::Low,
            Explanation::OtherMetadata,
        )),
        (b"free" | b"skip", _) if body.iter().all(|&b| b == 0) => {}
        _ => payloads.container_findings.push(hidden(
            format!("JP2:{}", String::from_utf8_lossy(kind).trim_end()),
            format!("metadata box, {size}"),
            Severity::Low,
            Explanation::OtherMetadata,
        )),
    }
}

/// Writes the file without its metadata boxes; the picture's boxes are copied byte for byte.
pub fn clean(data: &Bytes) -> Result<Cleaned> {
    if data.starts_with(J2C_CODESTREAM) {
        return codestream::clean(data);
    }
    let top = container(data)?;
    Ok(Cleaned {
        bytes: keep_only(data, &top, PICTURE_BOXES),
        kept: Vec::new(),
        method: CleanMethod::Lossless,
    })
}
