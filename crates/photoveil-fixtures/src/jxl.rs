//! JPEG XL fixtures: a tiny codestream made by `cjxl` (see `data/README.md`), bare or in a
//! container with planted metadata boxes.

use std::io::Write;

use crate::{camera_exif, xmp_packet, OWNER};

/// A lossless 8×8 JPEG XL codestream (bare, 58 bytes).
pub const JXL_CODESTREAM: &[u8] = include_bytes!("../data/tiny.jxl");

/// The text planted in the fixture's JUMBF box.
pub fn jxl_jumbf_text() -> String {
    format!("c2pa manifest: signed by {OWNER}")
}

/// A box: 32-bit size, type, body.
pub fn jxl_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut out = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    out.extend(kind);
    out.extend(body);
    out
}

/// A `brob` box: `kind`'s body compressed with Brotli.
pub fn jxl_brob(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut compressed = kind.to_vec();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 5, 22);
        writer
            .write_all(body)
            .expect("compressing into memory works");
    }
    jxl_box(b"brob", &compressed)
}

/// The signature and `ftyp` boxes every container starts with.
fn jxl_head() -> Vec<u8> {
    let mut out = jxl_box(b"JXL ", b"\r\n\x87\n");
    out.extend(jxl_box(b"ftyp", b"jxl \0\0\0\0jxl "));
    out
}

/// The codestream split over two `jxlp` boxes (the second marked last).
pub fn jxl_parts() -> Vec<u8> {
    let (a, b) = JXL_CODESTREAM.split_at(30);
    let mut first = 0u32.to_be_bytes().to_vec();
    first.extend(a);
    let mut last = 0x8000_0001u32.to_be_bytes().to_vec();
    last.extend(b);
    let mut out = jxl_box(b"jxlp", &first);
    out.extend(jxl_box(b"jxlp", &last));
    out
}

/// A container with `boxes` between `ftyp` and the codestream parts.
pub fn jxl_with(boxes: &[Vec<u8>]) -> Vec<u8> {
    let mut out = jxl_head();
    for b in boxes {
        out.extend(b);
    }
    out.extend(jxl_parts());
    out
}

/// The container without metadata: what cleaning [`jxl`] must give.
pub fn plain_jxl() -> Vec<u8> {
    jxl_with(&[])
}

/// A JPEG XL container with an `Exif` box (camera EXIF: GPS, serials, orientation 6), an
/// `xml ` box (the fixture XMP), a `jumb` box naming the owner, a `brob` box holding compressed
/// XMP, and a `jbrd` box, around the codestream split over two `jxlp` boxes.
pub fn jxl() -> Vec<u8> {
    let mut exif = 0u32.to_be_bytes().to_vec();
    exif.extend(camera_exif(Some(6), false));
    let mut jumbf = jxl_box(b"jumd", b"c2pa\0");
    jumbf.extend(jxl_box(b"json", jxl_jumbf_text().as_bytes()));
    jxl_with(&[
        jxl_box(b"Exif", &exif),
        jxl_box(b"xml ", xmp_packet().as_bytes()),
        jxl_box(b"jumb", &jumbf),
        jxl_brob(b"xml ", xmp_packet().as_bytes()),
        jxl_box(b"jbrd", b"pretend JPEG reconstruction data"),
    ])
}

/// A container whose `brob` box unpacks to `megabytes` of XMP-like text from a few kilobytes.
pub fn jxl_brotli_bomb(megabytes: usize) -> Vec<u8> {
    jxl_with(&[jxl_brob(b"xml ", &vec![b' '; megabytes << 20])])
}
