//! A bare JPEG 2000 codestream (`.j2c`, `.j2k`: `FF 4F FF 51`, no JP2 boxes around it). It has no
//! place for metadata except comment segments (`COM`, `FF 64`), where encoders write their name
//! and people may write anything. Those of the main header (from `SOC` to the first tile-part's
//! `SOT`, `FF 90`) are reported and removed: no length field covers the main header, so whole
//! segments can go. Comments inside tile-part headers are counted by the tile-part's length
//! (`Psot`) and stay. Everything else is copied byte for byte, and verification compares it.

use std::ops::Range;

use bytes::Bytes;

use super::super::{CleanMethod, Cleaned, Inspection};
use crate::error::{Error, Result};
use crate::finding::{Explanation, Severity};
use crate::format::ImageFormat;
use crate::meta::{clip, hidden, human_bytes, Payloads};

/// Start of tile-part: the main header ends here.
const SOT: u16 = 0xFF90;
/// Image and tile size.
const SIZ: u16 = 0xFF51;
/// Comment.
const COM: u16 = 0xFF64;

/// The main header's comment segments and the picture's size.
struct MainHeader {
    comments: Vec<Range<usize>>,
    size: Option<(u32, u32)>,
}

fn corrupt(detail: &str) -> Error {
    Error::corrupt(ImageFormat::Jp2, detail.to_string())
}

fn be16(data: &[u8], at: usize) -> Option<u16> {
    data.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
}

fn be32(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// Walks the marker segments from `SOC` to the first `SOT`.
fn main_header(data: &[u8]) -> Result<MainHeader> {
    let mut at = 2;
    let mut comments = Vec::new();
    let mut size = None;
    loop {
        let marker =
            be16(data, at).ok_or_else(|| corrupt("the codestream ends inside its main header"))?;
        if marker == SOT {
            return Ok(MainHeader { comments, size });
        }
        if marker < 0xFF00 {
            return Err(corrupt(
                "the main header holds something that is not a marker",
            ));
        }
        let len = be16(data, at + 2)
            .ok_or_else(|| corrupt("the codestream ends inside its main header"))?
            as usize;
        let end = at + 2 + len;
        if len < 2 || end > data.len() {
            return Err(corrupt(
                "a main-header segment runs past the end of the file",
            ));
        }
        match marker {
            COM => comments.push(at..end),
            SIZ => {
                let dim = |a: usize, b: usize| Some(be32(data, a)?.checked_sub(be32(data, b)?));
                size = dim(at + 6, at + 14)
                    .zip(dim(at + 10, at + 18))
                    .and_then(|(w, h)| w.zip(h));
            }
            _ => {}
        }
        at = end;
    }
}

/// The text of a comment segment (`Rcom` 1 is Latin text, 0 binary).
fn comment_text(segment: &[u8]) -> String {
    let body = segment.get(6..).unwrap_or_default();
    match be16(segment, 4) {
        Some(1) => {
            let text = clip(&String::from_utf8_lossy(body), 200);
            if text.is_empty() {
                "(empty)".to_string()
            } else {
                text
            }
        }
        _ => format!("binary comment, {}", human_bytes(body.len())),
    }
}

/// The file less the main header's comment segments.
fn without_comments(data: &Bytes, comments: &[Range<usize>]) -> Vec<Bytes> {
    let mut pieces = Vec::new();
    let mut from = 0;
    for c in comments {
        pieces.push(data.slice(from..c.start));
        from = c.end;
    }
    pieces.push(data.slice(from..));
    pieces
}

/// Finds the comments of a bare codestream.
pub(super) fn inspect(data: &Bytes) -> Result<Inspection> {
    let header = main_header(data)?;
    let mut payloads = Payloads::default();
    for c in &header.comments {
        payloads.container_findings.push(hidden(
            "J2C:Comment",
            comment_text(&data[c.clone()]),
            Severity::Medium,
            Explanation::Comment,
        ));
    }
    Ok(Inspection {
        width: header.size.map(|s| s.0),
        height: header.size.map(|s| s.1),
        payloads,
        picture: Some(without_comments(data, &header.comments)),
        ..Inspection::default()
    })
}

/// Writes the codestream without its main header's comments; the rest byte for byte.
pub(super) fn clean(data: &Bytes) -> Result<Cleaned> {
    let header = main_header(data)?;
    if header.comments.is_empty() {
        return Ok(Cleaned {
            bytes: data.to_vec(),
            kept: Vec::new(),
            method: CleanMethod::Unchanged,
        });
    }
    Ok(Cleaned {
        bytes: without_comments(data, &header.comments).concat(),
        kept: Vec::new(),
        method: CleanMethod::Lossless,
    })
}
