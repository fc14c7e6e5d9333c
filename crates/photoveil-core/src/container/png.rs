//! PNG: metadata lives in text chunks (tEXt, zTXt, iTXt, which also carry XMP and ImageMagick's
//! raw EXIF/IPTC profiles), eXIf, tIME, private ancillary chunks and bytes after IEND.

use std::io::Read;

use bytes::Bytes;
use img_parts::png::{Png, PngChunk};

use super::{orientation_only_exif, Cleaned, Inspection};
use super::{CleanMethod, Kept};
use crate::error::{Error, Result};
use crate::finding::{Category, Explanation, Finding, Severity};
use crate::format::ImageFormat;
use crate::meta::{clip, hidden, human_bytes, Payloads};

/// Ancillary chunks that describe how to show the picture; everything else ancillary is dropped.
const KEEP_ANCILLARY: &[&[u8; 4]] = &[
    b"tRNS", b"iCCP", b"sRGB", b"gAMA", b"cHRM", b"pHYs", b"sBIT", b"bKGD", b"hIST", b"sPLT",
    b"cICP", b"mDCv", b"cLLi", b"acTL", b"fcTL", b"fdAT",
];

/// Largest decompressed text chunk that is read.
const MAX_TEXT: u64 = 8 << 20;

/// Most decompressed text read from all the chunks of one file together: without it a file of a
/// few megabytes of compressed chunks would be held in memory as gigabytes of text.
const MAX_TEXT_PER_FILE: u64 = 32 << 20;

fn parse(data: &Bytes) -> Result<Png> {
    Png::from_bytes(data.clone()).map_err(|e| Error::corrupt(ImageFormat::Png, format!("{e}")))
}

/// Bytes the chunks occupy, signature included; anything beyond is trailing data.
fn used_len(png: &Png) -> usize {
    8 + png.chunks().iter().map(|c| c.len()).sum::<usize>()
}

/// Finds the metadata of a PNG.
pub fn inspect(data: &Bytes) -> Result<Inspection> {
    let png = parse(data)?;
    if png.chunks().last().map(|c| c.kind()) != Some(*b"IEND") {
        return Err(Error::corrupt(
            ImageFormat::Png,
            "the file is truncated: the end chunk (IEND) is missing",
        ));
    }
    let (width, height) = png
        .dimensions()
        .map_or((None, None), |(w, h)| (Some(w), Some(h)));
    let mut payloads = Payloads::default();
    let mut text_budget = MAX_TEXT_PER_FILE;
    for chunk in png.chunks() {
        read_chunk(chunk, &mut payloads, &mut text_budget);
    }
    let trailing = data.len().saturating_sub(used_len(&png));
    if trailing > 0 {
        payloads.container_findings.push(hidden(
            "PNG:TrailingData",
            format!("{} after the end of the picture", human_bytes(trailing)),
            Severity::Medium,
            Explanation::TrailingData,
        ));
    }
    Ok(Inspection {
        width,
        height,
        payloads,
        is_raw: false,
        picture: Some(picture_pieces(&png)),
    })
}

/// Reads one chunk's metadata; `text_budget` is what is left of [`MAX_TEXT_PER_FILE`].
fn read_chunk(chunk: &PngChunk, payloads: &mut Payloads, text_budget: &mut u64) {
    let kind = chunk.kind();
    let c = chunk.contents();
    let name = String::from_utf8_lossy(&kind).into_owned();
    match &kind {
        b"eXIf" => payloads.exif.push(c.to_vec()),
        b"tIME" if c.len() >= 7 => payloads.container_findings.push(Finding::new(
            Category::Time,
            "PNG:tIME",
            format!(
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                u16::from_be_bytes([c[0], c[1]]),
                c[2],
                c[3],
                c[4],
                c[5],
                c[6]
            ),
            Severity::Medium,
            Explanation::DateModified,
        )),
        b"tEXt" | b"zTXt" | b"iTXt" => {
            if let Some((keyword, text)) = text_chunk(&kind, c, text_budget) {
                read_text(&name, &keyword, &text, payloads);
            } else {
                payloads.container_findings.push(hidden(
                    format!("PNG:{name}"),
                    format!("unreadable text chunk, {}", human_bytes(c.len())),
                    Severity::Medium,
                    Explanation::TextChunk,
                ));
            }
        }
        k if k[0].is_ascii_lowercase() && !KEEP_ANCILLARY.contains(&k) => {
            payloads.container_findings.push(hidden(
                format!("PNG:{name}"),
                format!("private chunk, {}", human_bytes(c.len())),
                Severity::Low,
                Explanation::OtherMetadata,
            ))
        }
        _ => {}
    }
}

/// Interprets one text chunk: XMP, ImageMagick raw profiles, or a keyword/text pair.
fn read_text(chunk: &str, keyword: &str, text: &str, payloads: &mut Payloads) {
    let lower = keyword.to_ascii_lowercase();
    if keyword == "XML:com.adobe.xmp" {
        payloads.xmp.push(text.as_bytes().to_vec());
        return;
    }
    if let Some(profile) = lower.strip_prefix("raw profile type ") {
        if let Some(bytes) = raw_profile(text) {
            match profile {
                "exif" | "app1" => {
                    let tiff = bytes.strip_prefix(b"Exif\0\0").unwrap_or(&bytes).to_vec();
                    payloads.exif.push(tiff)
                }
                "iptc" | "8bim" => payloads.photoshop.push(bytes),
                "xmp" => payloads.xmp.push(bytes),
                _ => {}
            }
            return;
        }
    }
    use Explanation as E;
    let (category, severity, explanation) = match lower.as_str() {
        "author" => (Category::Person, Severity::High, E::OwnerName),
        "copyright" => (Category::Person, Severity::Medium, E::Copyright),
        "title" | "description" | "comment" => (Category::Person, Severity::Medium, E::Caption),
        "creation time" | "date:create" | "date:modify" | "date:timestamp" => {
            (Category::Time, Severity::Medium, E::DateModified)
        }
        "software" => (Category::Device, Severity::Low, E::Software),
        "source" => (Category::Device, Severity::Medium, E::DeviceModel),
        _ => (Category::Hidden, Severity::Medium, E::TextChunk),
    };
    let value = clip(text, 200);
    let value = if value.is_empty() {
        "(empty)".to_string()
    } else {
        value
    };
    payloads.container_findings.push(Finding::new(
        category,
        format!("PNG:{chunk}:{keyword}"),
        value,
        severity,
        explanation,
    ));
}

/// Decodes a text chunk into (keyword, text); `None` when it is damaged or its decompressed text
/// does not fit in what is left of `budget`.
fn text_chunk(kind: &[u8; 4], c: &[u8], budget: &mut u64) -> Option<(String, String)> {
    let nul = c.iter().position(|&b| b == 0)?;
    let keyword = latin1(&c[..nul]);
    let rest = &c[nul + 1..];
    let text = match kind {
        b"tEXt" => latin1(rest),
        b"zTXt" => latin1(&inflate(rest.get(1..)?, budget)?),
        _ => {
            let (&compressed, rest) = rest.split_first()?;
            let rest = rest.get(1..)?; // compression method
            let lang_end = rest.iter().position(|&b| b == 0)?;
            let rest = &rest[lang_end + 1..];
            let translated_end = rest.iter().position(|&b| b == 0)?;
            let body = &rest[translated_end + 1..];
            if compressed == 1 {
                String::from_utf8_lossy(&inflate(body, budget)?).into_owned()
            } else {
                String::from_utf8_lossy(body).into_owned()
            }
        }
    };
    Some((keyword, text))
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// Inflates a compressed text, at most [`MAX_TEXT`] bytes and no more than `budget`, which it
/// lowers by what it read.
fn inflate(data: &[u8], budget: &mut u64) -> Option<Vec<u8>> {
    if *budget == 0 {
        return None;
    }
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(data)
        .take(MAX_TEXT.min(*budget))
        .read_to_end(&mut out)
        .ok()?;
    *budget = budget.saturating_sub(out.len() as u64);
    Some(out)
}

/// ImageMagick's "Raw profile type X": `\nX\n   <length>\n<hex digits over lines>`.
fn raw_profile(text: &str) -> Option<Vec<u8>> {
    let mut lines = text.trim_start().lines();
    let _name = lines.next()?;
    let _len = lines.next()?;
    let hex: Vec<u8> = lines
        .flat_map(|l| l.bytes())
        .filter(u8::is_ascii_hexdigit)
        .collect();
    hex.chunks_exact(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok())
        .collect()
}

/// Writes the PNG without metadata chunks; pixels and colour chunks are copied unchanged.
pub fn clean(data: &Bytes, orientation: Option<u16>) -> Result<Cleaned> {
    let mut png = parse(data)?;
    let mut kept = Vec::new();
    png.chunks_mut().retain(|chunk| {
        let kind = chunk.kind();
        let keep = kind[0].is_ascii_uppercase() || KEEP_ANCILLARY.contains(&&kind);
        if keep {
            match &kind {
                b"iCCP" => kept.push(Kept::IccProfile),
                b"sRGB" | b"gAMA" | b"cHRM" | b"cICP" if !kept.contains(&Kept::ColourInfo) => {
                    kept.push(Kept::ColourInfo)
                }
                _ => {}
            }
        }
        keep
    });
    if let Some(o) = orientation {
        let at = png
            .chunks()
            .iter()
            .position(|c| &c.kind() == b"IDAT")
            .unwrap_or(1);
        png.chunks_mut().insert(
            at,
            PngChunk::new(*b"eXIf", Bytes::from(orientation_only_exif(o))),
        );
        kept.push(Kept::Orientation(o));
    }
    Ok(Cleaned {
        bytes: png.encoder().bytes().to_vec(),
        kept,
        method: CleanMethod::Lossless,
    })
}

/// The chunks a decoder reads to show the picture, in order. Two files with the same pieces show
/// the same pixels.
fn picture_pieces(png: &Png) -> Vec<Bytes> {
    let mut pieces = Vec::new();
    for chunk in png.chunks() {
        let kind = chunk.kind();
        if kind[0].is_ascii_uppercase() || KEEP_ANCILLARY.contains(&&kind) {
            pieces.push(Bytes::copy_from_slice(&kind));
            pieces.push(chunk.contents().clone());
        }
    }
    pieces
}
