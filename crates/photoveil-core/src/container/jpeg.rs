//! JPEG: metadata lives in APPn and COM segments and after the end-of-image marker.
//!
//! Segment headers up to the first scan are parsed with `img-parts`; the scans themselves are
//! walked here, because metadata can also sit between progressive scans and after EOI (motion
//! photos, MPF images). Cleaning copies the entropy-coded data byte for byte.

use bytes::Bytes;
use img_parts::jpeg::{markers, Jpeg, JpegSegment};

use super::{orientation_only_exif, Cleaned, Inspection};
use super::{CleanMethod, Kept};
use crate::error::{Error, Result};
use crate::finding::{Explanation, Severity};
use crate::format::ImageFormat;
use crate::meta::{clip, hidden, human_bytes, iptc::PHOTOSHOP_SIGNATURE, Payloads};

const EXIF_SIGNATURE: &[u8] = b"Exif\0\0";
const XMP_SIGNATURE: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const XMP_EXTENSION_SIGNATURE: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";
const ICC_SIGNATURE: &[u8] = b"ICC_PROFILE\0";

/// A JPEG split into the parts PhotoVeil cares about.
struct Parsed {
    /// Segments before the first scan (the first SOS is the last one).
    header: Vec<JpegSegment>,
    /// Everything after the first SOS header up to and including EOI, as ranges into
    /// `tail` that are kept; metadata segments between scans are left out.
    scan_ranges: Vec<std::ops::Range<usize>>,
    /// Metadata segments found between scans: (marker, contents).
    inter_scan: Vec<(u8, Bytes)>,
    /// Bytes after EOI.
    trailing: Bytes,
    /// Bytes after the first SOS header.
    tail: Bytes,
}

fn parse(data: &Bytes) -> Result<Parsed> {
    let bytes = data.clone();
    let jpeg = Jpeg::from_bytes(bytes.clone())
        .map_err(|e| Error::corrupt(ImageFormat::Jpeg, format!("{e}")))?;
    let header = jpeg.segments().clone();
    let Some(sos) = header.last().filter(|s| s.marker() == markers::SOS) else {
        return Err(Error::corrupt(
            ImageFormat::Jpeg,
            "the picture data (SOS) is missing",
        ));
    };
    // The SOS segment's entropy is the whole rest of the file.
    let entropy_len = sos.len_with_entropy() - sos.len();
    let tail = bytes.slice(bytes.len().saturating_sub(entropy_len)..);
    let walk = walk_scans(&tail)?;
    Ok(Parsed {
        header,
        scan_ranges: walk.keep,
        inter_scan: walk.metadata,
        trailing: tail.slice(walk.end..),
        tail,
    })
}

struct ScanWalk {
    keep: Vec<std::ops::Range<usize>>,
    metadata: Vec<(u8, Bytes)>,
    end: usize,
}

/// Walks entropy-coded data and the segments between scans until EOI.
fn walk_scans(tail: &Bytes) -> Result<ScanWalk> {
    let truncated = || {
        Error::corrupt(
            ImageFormat::Jpeg,
            "the file is truncated: the picture data ends without an end marker",
        )
    };
    let mut keep = Vec::new();
    let mut metadata = Vec::new();
    let mut kept_from = 0;
    let mut i = 0;
    loop {
        let Some(ff) = tail.get(i..).and_then(|t| memchr::memchr(0xFF, t)) else {
            return Err(truncated());
        };
        let mut j = i + ff + 1;
        while tail.get(j) == Some(&0xFF) {
            j += 1;
        }
        let marker = *tail.get(j).ok_or_else(truncated)?;
        match marker {
            0x00 | markers::RST0..=markers::RST7 => i = j + 1,
            markers::EOI => {
                keep.push(kept_from..j + 1);
                return Ok(ScanWalk {
                    keep,
                    metadata,
                    end: j + 1,
                });
            }
            _ => {
                let len_bytes = tail.get(j + 1..j + 3).ok_or_else(truncated)?;
                let len = u16::from_be_bytes([len_bytes[0], len_bytes[1]]) as usize;
                if len < 2 {
                    return Err(Error::corrupt(
                        ImageFormat::Jpeg,
                        "a segment between scans has an invalid length",
                    ));
                }
                let end = j + 1 + len;
                if end > tail.len() {
                    return Err(truncated());
                }
                if is_metadata_marker(marker) {
                    keep.push(kept_from..i + ff);
                    metadata.push((marker, tail.slice(j + 3..end)));
                    kept_from = end;
                }
                i = end;
            }
        }
    }
}

fn is_metadata_marker(marker: u8) -> bool {
    (markers::APP0..=markers::APP15).contains(&marker) || marker == markers::COM
}

/// Why a header segment is kept: it is needed to show the picture as it was.
fn essential(segment: &JpegSegment) -> Option<Option<Kept>> {
    let c = segment.contents();
    match segment.marker() {
        markers::APP0 if c.starts_with(b"JFIF\0") => Some(None),
        markers::APP2 if c.starts_with(ICC_SIGNATURE) => Some(Some(Kept::IccProfile)),
        // The Adobe segment says how colours are transformed (YCCK/CMYK); dropping it changes pixels.
        markers::APP14 if c.starts_with(b"Adobe") => Some(None),
        m if is_metadata_marker(m) => None,
        _ => Some(None),
    }
}

/// Finds the metadata of a JPEG.
pub fn inspect(data: &Bytes) -> Result<Inspection> {
    let parsed = parse(data)?;
    let mut payloads = Payloads::default();
    let mut extended_xmp: Vec<(Bytes, u32, Bytes)> = Vec::new();
    let (mut width, mut height) = (None, None);
    let segments = parsed
        .header
        .iter()
        .map(|s| (s.marker(), s.contents().clone()))
        .chain(parsed.inter_scan.iter().cloned());
    for (marker, c) in segments {
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) && c.len() >= 5 {
            height = Some(u32::from(u16::from_be_bytes([c[1], c[2]])));
            width = Some(u32::from(u16::from_be_bytes([c[3], c[4]])));
        }
        if !is_metadata_marker(marker) {
            continue;
        }
        let findings = &mut payloads.container_findings;
        match marker {
            markers::APP1 if c.starts_with(EXIF_SIGNATURE) => {
                payloads.exif.push(c[EXIF_SIGNATURE.len()..].to_vec())
            }
            markers::APP1 if c.starts_with(XMP_SIGNATURE) => {
                payloads.xmp.push(c[XMP_SIGNATURE.len()..].to_vec())
            }
            markers::APP1 if c.starts_with(XMP_EXTENSION_SIGNATURE) => {
                let body = c.slice(XMP_EXTENSION_SIGNATURE.len()..);
                if body.len() >= 40 {
                    let offset = u32::from_be_bytes([body[36], body[37], body[38], body[39]]);
                    extended_xmp.push((body.slice(..32), offset, body.slice(40..)));
                }
            }
            markers::APP13 if c.starts_with(PHOTOSHOP_SIGNATURE) => {
                payloads.photoshop.push(c.to_vec())
            }
            markers::APP2 if c.starts_with(b"MPF\0") => findings.push(mpf_finding(&c[4..])),
            markers::APP2 if c.starts_with(ICC_SIGNATURE) => {}
            markers::APP0 if c.starts_with(b"JFIF\0") => {}
            markers::APP0 if c.starts_with(b"JFXX\0") => findings.push(hidden(
                "JFIF:ThumbnailImage",
                format!("JFIF extension preview, {}", human_bytes(c.len())),
                Severity::High,
                Explanation::Thumbnail,
            )),
            markers::APP14 if c.starts_with(b"Adobe") => {}
            markers::COM => {
                let text = clip(&String::from_utf8_lossy(&c), 200);
                if !text.is_empty() {
                    findings.push(hidden(
                        "JPEG:Comment",
                        text,
                        Severity::Medium,
                        Explanation::Comment,
                    ));
                }
            }
            m => findings.push(hidden(
                format!("JPEG:APP{}", m - markers::APP0),
                format!("{} ({})", segment_label(&c), human_bytes(c.len())),
                Severity::Low,
                Explanation::OtherMetadata,
            )),
        }
    }
    payloads.xmp.extend(join_extended_xmp(extended_xmp));
    payloads
        .container_findings
        .extend(trailing_findings(&parsed.trailing));
    Ok(Inspection {
        width,
        height,
        payloads,
        is_raw: false,
        picture: Some(picture_pieces(&parsed)),
    })
}

/// A short printable label for an unknown APPn segment (its signature).
fn segment_label(contents: &[u8]) -> String {
    let sig: String = contents
        .iter()
        .take(24)
        .take_while(|b| b.is_ascii_graphic() || **b == b' ')
        .map(|&b| b as char)
        .collect();
    if sig.is_empty() {
        "private data".to_string()
    } else {
        sig
    }
}

/// Extended XMP chunks, grouped by GUID and put together in offset order.
fn join_extended_xmp(mut chunks: Vec<(Bytes, u32, Bytes)>) -> Vec<Vec<u8>> {
    chunks.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut out: Vec<(Bytes, Vec<u8>)> = Vec::new();
    for (guid, _, data) in chunks {
        match out.last_mut() {
            Some((g, buf)) if *g == guid => buf.extend_from_slice(&data),
            _ => out.push((guid, data.to_vec())),
        }
    }
    out.into_iter().map(|(_, b)| b).collect()
}

/// The MPF index: how many further pictures the file holds.
fn mpf_finding(tiff: &[u8]) -> crate::finding::Finding {
    let count = ::exif::Reader::new()
        .read_raw(tiff.to_vec())
        .ok()
        .and_then(|e| {
            e.fields()
                .find(|f| f.tag.number() == 0xB001)
                .and_then(|f| f.value.get_uint(0))
        });
    let value = match count {
        Some(n) if n > 1 => format!(
            "{} more picture(s) in the file (previews, depth or gain maps)",
            n - 1
        ),
        _ => "multi-picture index (MPF)".to_string(),
    };
    hidden("JPEG:MPF", value, Severity::High, Explanation::ExtraImages)
}

/// What the bytes after the end of the picture are.
fn trailing_findings(trailing: &[u8]) -> Vec<crate::finding::Finding> {
    if trailing.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let size = human_bytes(trailing.len());
    let video = find(trailing, b"ftyp").is_some_and(|p| p >= 4)
        || find(trailing, b"MotionPhoto_Data").is_some();
    if trailing.starts_with(&[0xFF, 0xD8, 0xFF]) {
        let pictures = count(trailing, &[0xFF, 0xD8, 0xFF, 0xE0])
            .max(count(trailing, &[0xFF, 0xD8, 0xFF, 0xE1]))
            .max(1);
        out.push(hidden(
            "JPEG:AppendedImages",
            format!("{pictures} JPEG picture(s) appended"),
            Severity::High,
            Explanation::ExtraImages,
        ));
    }
    if video {
        out.push(hidden(
            "JPEG:MotionPhotoVideo",
            format!("video appended to the photo, {size}"),
            Severity::High,
            Explanation::MotionPhoto,
        ));
    } else if out.is_empty() {
        let severity = if trailing.iter().all(|&b| b == 0 || b == 0xFF) {
            Severity::Low
        } else {
            Severity::Medium
        };
        out.push(hidden(
            "JPEG:TrailingData",
            format!("{size} after the end of the picture"),
            severity,
            Explanation::TrailingData,
        ));
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// Writes the JPEG without metadata: essential header segments, an Orientation-only EXIF when the
/// picture is rotated, and the scans byte for byte.
pub fn clean(data: &Bytes, orientation: Option<u16>) -> Result<Cleaned> {
    let parsed = parse(data)?;
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(&[0xFF, markers::SOI]);
    let mut kept = Vec::new();
    let mut wrote_orientation = false;
    let last = parsed.header.len().saturating_sub(1);
    for (index, segment) in parsed.header.iter().enumerate() {
        let Some(why) = essential(segment) else {
            continue;
        };
        let is_jfif = segment.marker() == markers::APP0;
        if !wrote_orientation && !is_jfif {
            if let Some(o) = orientation {
                let mut contents = EXIF_SIGNATURE.to_vec();
                contents.extend(orientation_only_exif(o));
                write_segment(&mut out, markers::APP1, &contents)?;
                kept.push(Kept::Orientation(o));
            }
            wrote_orientation = true;
        }
        write_segment(&mut out, segment.marker(), segment.contents())?;
        if index == last {
            for range in &parsed.scan_ranges {
                out.extend_from_slice(&parsed.tail[range.clone()]);
            }
        }
        kept.extend(why.filter(|k| !kept.contains(k)));
    }
    Ok(Cleaned {
        bytes: out,
        kept,
        method: CleanMethod::Lossless,
    })
}

fn write_segment(out: &mut Vec<u8>, marker: u8, contents: &[u8]) -> Result<()> {
    let len = u16::try_from(contents.len() + 2)
        .map_err(|_| Error::corrupt(ImageFormat::Jpeg, "a segment is too long"))?;
    out.extend_from_slice(&[0xFF, marker]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(contents);
    Ok(())
}

/// The bytes a decoder reads to show the picture: every kept header segment and the scans.
/// Two files with the same pieces (concatenated) show the same pixels.
fn picture_pieces(parsed: &Parsed) -> Vec<Bytes> {
    let mut pieces = Vec::new();
    for segment in parsed.header.iter().filter(|s| essential(s).is_some()) {
        let mut head = vec![0xFF, segment.marker()];
        head.extend_from_slice(&((segment.contents().len() + 2) as u16).to_be_bytes());
        pieces.push(Bytes::from(head));
        pieces.push(segment.contents().clone());
    }
    for range in &parsed.scan_ranges {
        pieces.push(parsed.tail.slice(range.clone()));
    }
    pieces
}
