//! WebP: metadata lives in the `EXIF` and `XMP ` chunks, flagged in the VP8X header.

use bytes::Bytes;
use img_parts::riff::RiffContent;
use img_parts::webp::{WebP, CHUNK_EXIF, CHUNK_VP8X, CHUNK_XMP};
use img_parts::ImageEXIF;

use super::{orientation_only_exif, Cleaned, Inspection};
use super::{CleanMethod, Kept};
use crate::error::{Error, Result};
use crate::finding::{Explanation, Severity};
use crate::format::ImageFormat;
use crate::meta::{hidden, human_bytes, Payloads};

/// Chunks that make up the picture and its colour; the rest is metadata.
const PICTURE_CHUNKS: &[&[u8; 4]] = &[
    b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP",
];

const VP8X_XMP_FLAG: u8 = 0b0000_0100;

fn parse(data: &Bytes) -> Result<WebP> {
    WebP::from_bytes(data.clone()).map_err(|e| Error::corrupt(ImageFormat::Webp, format!("{e}")))
}

/// Finds the metadata of a WebP.
pub fn inspect(data: &Bytes) -> Result<Inspection> {
    let webp = parse(data)?;
    let (width, height) = webp
        .dimensions()
        .map_or((None, None), |(w, h)| (Some(w), Some(h)));
    let mut payloads = Payloads::default();
    for chunk in webp.chunks() {
        let id = chunk.id();
        let Some(data) = chunk.content().data() else {
            continue;
        };
        match id {
            CHUNK_EXIF => payloads
                .exif
                .push(data.strip_prefix(b"Exif\0\0").unwrap_or(data).to_vec()),
            CHUNK_XMP => payloads.xmp.push(data.to_vec()),
            id if PICTURE_CHUNKS.contains(&&id) => {}
            id => payloads.container_findings.push(hidden(
                format!("WebP:{}", String::from_utf8_lossy(&id)),
                format!("private chunk, {}", human_bytes(data.len())),
                Severity::Low,
                Explanation::OtherMetadata,
            )),
        }
    }
    let used = 8 + webp.len() as usize;
    if data.len() > used {
        payloads.container_findings.push(hidden(
            "WebP:TrailingData",
            format!(
                "{} after the end of the picture",
                human_bytes(data.len() - used)
            ),
            Severity::Medium,
            Explanation::TrailingData,
        ));
    }
    Ok(Inspection {
        width,
        height,
        payloads,
        is_raw: false,
        picture: Some(picture_pieces(&webp)),
    })
}

/// Writes the WebP without EXIF/XMP/private chunks and with matching VP8X flags.
pub fn clean(data: &Bytes, orientation: Option<u16>) -> Result<Cleaned> {
    let mut webp = parse(data)?;
    let mut kept = Vec::new();
    webp.chunks_mut()
        .retain(|c| PICTURE_CHUNKS.contains(&&c.id()));
    if webp.chunks().iter().any(|c| c.id() == *b"ICCP") {
        kept.push(Kept::IccProfile);
    }
    // set_exif re-derives the ICC and EXIF flags of VP8X (and creates VP8X when needed).
    match orientation {
        Some(o) => {
            webp.set_exif(Some(Bytes::from(orientation_only_exif(o))));
            kept.push(Kept::Orientation(o));
        }
        None => webp.set_exif(None),
    }
    for chunk in webp
        .chunks_mut()
        .iter_mut()
        .filter(|c| c.id() == CHUNK_VP8X)
    {
        if let RiffContent::Data(data) = chunk.content_mut() {
            if let Some(&flags) = data.first() {
                let mut fixed = data.to_vec();
                fixed[0] = flags & !VP8X_XMP_FLAG;
                *data = Bytes::from(fixed);
            }
        }
    }
    Ok(Cleaned {
        bytes: webp.encoder().bytes().to_vec(),
        kept,
        method: CleanMethod::Lossless,
    })
}

/// The chunks a decoder reads to show the picture. VP8X is left out: it only repeats what the
/// bitstreams say (size, alpha, animation) plus metadata flags, and is dropped when no longer
/// needed. Two files with the same pieces show the same pixels.
fn picture_pieces(webp: &WebP) -> Vec<Bytes> {
    let mut pieces = Vec::new();
    for chunk in webp
        .chunks()
        .iter()
        .filter(|c| PICTURE_CHUNKS.contains(&&c.id()) && c.id() != CHUNK_VP8X)
    {
        if let Some(body) = chunk.content().data() {
            pieces.push(Bytes::copy_from_slice(&chunk.id()));
            pieces.push(body.clone());
        }
    }
    pieces
}
