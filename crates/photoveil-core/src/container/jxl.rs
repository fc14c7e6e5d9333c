//! JPEG XL. A bare codestream (`FF 0A`) has no place for metadata: it is copied as it is and the
//! report says so ([`CleanMethod::Unchanged`]). The container (ISO/IEC 18181-2) is a sequence of
//! boxes: the picture is in `jxlc` (or split over `jxlp` boxes), with `JXL `, `ftyp`, `jxll` and
//! `jxli` describing it; metadata is in `Exif`, `xml ` (XMP) and `jumb` (JUMBF, e.g. content
//! credentials) boxes, or in `brob` boxes that hold any of these compressed with Brotli.
//!
//! Cleaning keeps the picture's boxes byte for byte, in order, and removes every other box:
//! `Exif`, `xml `, `jumb`; every `brob`, whatever it wraps (only metadata may be compressed, never
//! the picture's boxes); `jbrd`, the data that rebuilds the original JPEG of a recompressed one,
//! because it can hold that JPEG's comments and application segments (the picture is the same
//! without it, the original JPEG can no longer be rebuilt); and unknown boxes. Verification
//! compares the codestream boxes, so the coded picture is shown to be identical.

use std::io::Read;

use bytes::Bytes;

use super::isobmff::{boxes, keep_only, pieces, BoxRef};
use super::{CleanMethod, Cleaned, Inspection};
use crate::error::{Error, Result};
use crate::finding::{Explanation, Severity};
use crate::format::{ImageFormat, JXL_CODESTREAM};
use crate::limits::MAX_XMP_BYTES;
use crate::meta::{hidden, human_bytes, Payloads};

/// Boxes that make up or describe the picture; every other box is removed.
const PICTURE_BOXES: &[&[u8; 4]] = &[b"JXL ", b"ftyp", b"jxll", b"jxli", b"jxlc", b"jxlp"];

/// Most bytes read from all the Brotli-compressed boxes of one file together: without it a file
/// of a few megabytes would be held in memory as gigabytes of text.
const MAX_BROTLI_PER_FILE: u64 = 32 << 20;

/// Whether the file is a bare codestream, without a container.
fn is_bare(data: &[u8]) -> bool {
    data.starts_with(JXL_CODESTREAM)
}

fn container(data: &[u8]) -> Result<Vec<BoxRef>> {
    let top = boxes(data, 0..data.len(), ImageFormat::Jxl)?;
    if !top.iter().any(|b| &b.kind == b"jxlc" || &b.kind == b"jxlp") {
        return Err(Error::corrupt(
            ImageFormat::Jxl,
            "the container holds no codestream (jxlc or jxlp box)",
        ));
    }
    Ok(top)
}

/// Finds the metadata of a JPEG XL file.
pub fn inspect(data: &Bytes) -> Result<Inspection> {
    if is_bare(data) {
        return Ok(Inspection {
            picture: Some(vec![data.clone()]),
            ..Inspection::default()
        });
    }
    let top = container(data)?;
    let mut payloads = Payloads::default();
    let mut budget = MAX_BROTLI_PER_FILE;
    for b in top.iter().filter(|b| !PICTURE_BOXES.contains(&&b.kind)) {
        let body = &data[b.body.clone()];
        if &b.kind == b"brob" {
            read_compressed(body, &mut budget, &mut payloads);
        } else {
            read_box(&b.kind, body, &mut payloads);
        }
    }
    Ok(Inspection {
        picture: Some(pieces(data, &top, PICTURE_BOXES)),
        payloads,
        ..Inspection::default()
    })
}

/// Reads one metadata box (`kind`, its `body`) into `payloads`.
fn read_box(kind: &[u8; 4], body: &[u8], payloads: &mut Payloads) {
    let name = String::from_utf8_lossy(kind).trim_end().to_string();
    let size = human_bytes(body.len());
    match kind {
        // A 4-byte offset to the TIFF header, then the EXIF.
        b"Exif" => {
            let offset = body
                .get(..4)
                .map_or(0, |o| u32::from_be_bytes([o[0], o[1], o[2], o[3]]) as usize);
            let tiff = body
                .get(4usize.saturating_add(offset)..)
                .unwrap_or_default();
            payloads.exif.push(tiff.to_vec());
            if tiff.is_empty() {
                payloads.container_findings.push(hidden(
                    "JXL:Exif",
                    format!("unreadable EXIF, {size}"),
                    Severity::Medium,
                    Explanation::OtherMetadata,
                ));
            }
        }
        b"xml " => payloads.xmp.push(body.to_vec()),
        b"jumb" => payloads.container_findings.push(hidden(
            "JXL:jumb",
            format!("JUMBF metadata (such as content credentials), {size}"),
            Severity::Medium,
            Explanation::OtherMetadata,
        )),
        b"jbrd" => payloads.container_findings.push(hidden(
            "JXL:jbrd",
            format!("data to rebuild the original JPEG, which can hold its comments, {size}"),
            Severity::Low,
            Explanation::OtherMetadata,
        )),
        b"free" | b"skip" if body.iter().all(|&b| b == 0) => {}
        _ => payloads.container_findings.push(hidden(
            format!("JXL:{name}"),
            format!("private box, {size}"),
            Severity::Low,
            Explanation::OtherMetadata,
        )),
    }
}

/// Reads a `brob` box: the type of the box it holds, then that box's body compressed with
/// Brotli. It is decompressed within what is left of `budget`; one that cannot be read within it is
/// reported as such (and removed like every other).
fn read_compressed(body: &[u8], budget: &mut u64, payloads: &mut Payloads) {
    let Some((kind, compressed)) = body
        .split_first_chunk::<4>()
        .map(|(kind, rest)| (*kind, rest))
    else {
        payloads.container_findings.push(hidden(
            "JXL:brob",
            "damaged compressed box",
            Severity::Low,
            Explanation::OtherMetadata,
        ));
        return;
    };
    let limit = (MAX_XMP_BYTES as u64).min(*budget);
    let mut out = Vec::new();
    let read = brotli::Decompressor::new(compressed, 4096)
        .take(limit + 1)
        .read_to_end(&mut out);
    *budget = budget.saturating_sub(out.len() as u64);
    if read.is_err() || out.len() as u64 > limit {
        payloads.container_findings.push(hidden(
            format!("JXL:brob:{}", String::from_utf8_lossy(&kind).trim_end()),
            format!(
                "compressed metadata that cannot be read here, {}",
                human_bytes(body.len())
            ),
            Severity::Medium,
            Explanation::OtherMetadata,
        ));
        return;
    }
    read_box(&kind, &out, payloads);
}

/// Writes the file without its metadata boxes; the picture's boxes are copied byte for byte.
pub fn clean(data: &Bytes) -> Result<Cleaned> {
    if is_bare(data) {
        return Ok(Cleaned {
            bytes: data.to_vec(),
            kept: Vec::new(),
            method: CleanMethod::Unchanged,
        });
    }
    let top = container(data)?;
    Ok(Cleaned {
        bytes: keep_only(data, &top, PICTURE_BOXES),
        kept: Vec::new(),
        method: CleanMethod::Lossless,
    })
}
