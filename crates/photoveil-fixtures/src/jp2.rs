//! JPEG 2000 fixtures: a tiny JP2 made by OpenJPEG (see `data/README.md`) with planted metadata
//! boxes.

use crate::{camera_exif, jxl_box, xmp_packet, OWNER};

/// A lossless 8×8 JP2 file as `opj_compress` wrote it (no metadata box; its codestream holds the
/// encoder's comment).
pub const JP2_PLAIN: &[u8] = include_bytes!("../data/tiny.jp2");

/// The text planted in the fixture's private `uuid` box.
pub fn jp2_private_text() -> String {
    format!("scanner profile of {OWNER}")
}

/// The JP2 with, before its codestream box: an `xml ` box and an XMP `uuid` box (the fixture
/// XMP), an EXIF `uuid` box (camera EXIF), a private `uuid` box and a `jp2i` rights box.
pub fn jp2() -> Vec<u8> {
    let jp2c = JP2_PLAIN
        .windows(4)
        .position(|w| w == b"jp2c")
        .expect("the fixture has a codestream box")
        - 4;
    let uuid = |id: &[u8; 16], body: &[u8]| {
        let mut b = id.to_vec();
        b.extend(body);
        jxl_box(b"uuid", &b)
    };
    let xmp_uuid = [
        0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF,
        0xAC,
    ];
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(camera_exif(Some(6), false));
    let mut out = JP2_PLAIN[..jp2c].to_vec();
    out.extend(jxl_box(b"xml ", xmp_packet().as_bytes()));
    out.extend(uuid(&xmp_uuid, xmp_packet().as_bytes()));
    out.extend(uuid(b"JpgTiffExif->JP2", &exif));
    out.extend(uuid(b"PVFIXTURE-UUID-1", jp2_private_text().as_bytes()));
    out.extend(jxl_box(b"jp2i", b"(c) Jane Example, all rights reserved"));
    out.extend(&JP2_PLAIN[jp2c..]);
    out
}
