//! Photoshop documents (PSD, and PSB, the large-document variant): a 26-byte header, the colour
//! mode data, the image resources, the layers and masks, then the flattened picture.
//!
//! Metadata lives in the image resources: IPTC (0x0404), XMP (0x0424), EXIF (0x0422, 0x0423),
//! thumbnails (0x0409, 0x040C), the caption (0x03F0), URLs (0x040B, 0x041E), named vector paths
//! (0x07D0-0x0BB6, and the clipping path's name 0x0BB7), print settings that name the printer
//! (0x043A, 0x043B), slices with their names and links (0x041A) and more. Cleaning keeps only the
//! resources a reader needs to draw and work on the document (resolution, colour profile, alpha
//! channel names, layer state, guides, pixel aspect ratio, version information that says whether
//! the flattened picture is real, ...) and copies every other section byte for byte: the colour
//! mode data, the layers (their names included: they are part of the document) and the picture.
//! No maintained crate writes PSD resources, so this walk is PhotoVeil's own, bounded by the
//! file's size. Not decoded by this build: faces are not looked for.

use std::ops::Range;

use bytes::Bytes;

use super::{CleanMethod, Cleaned, Inspection, Kept};
use crate::error::{Error, Result};
use crate::finding::{Category, Explanation, Finding, Severity};
use crate::format::ImageFormat;
use crate::meta::{clip, hidden, human_bytes, iptc, Payloads};

/// Resources kept: they say how to draw, print at size, or edit the document, and name no one.
const KEPT: &[u16] = &[
    0x03ED, // resolution
    0x03EE, // alpha channel names
    0x0400, // target layer
    0x0402, // layer group information
    0x0408, // grid and guides
    0x040D, // global lighting angle
    0x040F, // ICC profile
    0x0410, // watermark flag
    0x0411, // ICC untagged flag
    0x0414, // document ID seed (a counter for layer IDs)
    0x0415, // Unicode alpha channel names
    0x0416, // indexed colour table count
    0x0417, // transparency index
    0x0419, // global altitude
    0x041D, // alpha channel identifiers
    0x0421, // version information: whether the flattened picture is real
    0x0428, // pixel aspect ratio
    0x042D, // layer selection IDs
    0x0430, // layer group enabled IDs
    0x0435, // channel options
];

/// The embedded ICC colour profile.
const ICC_PROFILE: u16 = 0x040F;

/// The section boundaries of a document and where each resource lies.
struct Layout {
    /// The header and the colour mode section.
    head: Range<usize>,
    /// The resources section's length field.
    resources_len_at: usize,
    /// Each resource: (id, its whole block).
    resources: Vec<(u16, Range<usize>)>,
    /// Layers and masks, then the flattened picture, to the end of the file.
    rest: Range<usize>,
}

fn corrupt(detail: &str) -> Error {
    Error::corrupt(ImageFormat::Psd, detail)
}

fn be32(data: &[u8], at: usize) -> Result<usize> {
    let b = data
        .get(at..at + 4)
        .ok_or_else(|| corrupt("a section runs past the end"))?;
    Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

fn layout(data: &[u8]) -> Result<Layout> {
    if data.len() < 26 || !data.starts_with(b"8BPS") {
        return Err(corrupt("the header is cut short"));
    }
    let version = u16::from_be_bytes([data[4], data[5]]);
    if version != 1 && version != 2 {
        return Err(corrupt("unknown version (not PSD or PSB)"));
    }
    let colour_len = be32(data, 26)?;
    let resources_len_at = 30usize
        .checked_add(colour_len)
        .filter(|&at| at <= data.len())
        .ok_or_else(|| corrupt("the colour mode data runs past the end"))?;
    let resources_len = be32(data, resources_len_at)?;
    let start = resources_len_at + 4;
    let end = start
        .checked_add(resources_len)
        .filter(|&end| end <= data.len())
        .ok_or_else(|| corrupt("the image resources run past the end"))?;
    let mut resources = Vec::new();
    let mut at = start;
    while at < end {
        let block = &data[at..end];
        let signed = matches!(
            block.get(..4),
            Some(b"8BIM" | b"MeSa" | b"AgHg" | b"PHUT" | b"DCSR")
        );
        if block.len() < 12 || !signed {
            return Err(corrupt("an image resource has no signature"));
        }
        let id = u16::from_be_bytes([block[4], block[5]]);
        let name_total = (1 + block[6] as usize + 1) & !1;
        let size_at = 6 + name_total;
        let size = be32(block, size_at)?;
        if size > block.len() - size_at - 4 {
            return Err(corrupt("an image resource runs past its section"));
        }
        // The data is padded to an even size; the last block's padding may be missing.
        let total = (size_at + 4 + size + (size & 1)).min(block.len());
        resources.push((id, at..at + total));
        at += total;
    }
    Ok(Layout {
        head: 0..resources_len_at,
        resources_len_at,
        resources,
        rest: end..data.len(),
    })
}

/// The data of a resource block (after its signature, id, name and size).
fn body(block: &[u8]) -> &[u8] {
    let name_total = (1 + block[6] as usize + 1) & !1;
    let start = 6 + name_total + 4;
    let size = be32(block, 6 + name_total).unwrap_or(0);
    block.get(start..start + size).unwrap_or_default()
}

/// The Pascal-string name of a resource block (a path's name, for one).
fn name(block: &[u8]) -> String {
    let len = block[6] as usize;
    String::from_utf8_lossy(block.get(7..7 + len).unwrap_or_default()).into_owned()
}

/// Finds the metadata of a Photoshop document.
pub fn inspect(data: &Bytes) -> Result<Inspection> {
    let layout = layout(data)?;
    let mut payloads = Payloads::default();
    let mut other = 0usize;
    for (id, range) in layout.resources.iter().filter(|(id, _)| !KEPT.contains(id)) {
        let block = &data[range.clone()];
        let content = body(block);
        let found = &mut payloads.container_findings;
        match id {
            0x0404 => found.extend(iptc::iim_findings(content)),
            0x0424 => payloads.xmp.push(content.to_vec()),
            0x0422 | 0x0423 => payloads.exif.push(content.to_vec()),
            0x0409 | 0x040C => found.push(hidden(
                "Photoshop:Thumbnail",
                format!("preview image, {}", human_bytes(content.len())),
                Severity::High,
                Explanation::Thumbnail,
            )),
            0x03F0 => found.push(Finding::new(
                Category::Person,
                "Photoshop:Caption",
                clip(
                    &String::from_utf8_lossy(content.get(1..).unwrap_or_default()),
                    200,
                ),
                Severity::Medium,
                Explanation::Caption,
            )),
            0x040B | 0x041E => found.push(hidden(
                "Photoshop:URL",
                clip(&String::from_utf8_lossy(content), 200),
                Severity::Medium,
                Explanation::OtherMetadata,
            )),
            0x07D0..=0x0BB6 => found.push(hidden(
                "Photoshop:Path",
                format!("vector path \"{}\"", clip(&name(block), 100)),
                Severity::Low,
                Explanation::EditHistory,
            )),
            0x043A | 0x043B => found.push(hidden(
                "Photoshop:PrintInfo",
                format!("print settings, {}", human_bytes(content.len())),
                Severity::Low,
                Explanation::OtherMetadata,
            )),
            _ => other += 1,
        }
    }
    if other > 0 {
        payloads.container_findings.push(hidden(
            "Photoshop:Resources",
            format!("{other} other Photoshop data block(s)"),
            Severity::Low,
            Explanation::EditHistory,
        ));
    }
    let size = |at: usize| {
        data.get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    Ok(Inspection {
        width: size(18),
        height: size(14),
        payloads,
        is_raw: false,
        picture: Some(pieces(data, &layout)),
    })
}

/// What draws the document: the header and colour mode data, each kept resource, then the layers
/// and the flattened picture. Equal pieces mean the same document, less the metadata.
fn pieces(data: &Bytes, layout: &Layout) -> Vec<Bytes> {
    let mut out = vec![data.slice(layout.head.clone())];
    out.extend(
        layout
            .resources
            .iter()
            .filter(|(id, _)| KEPT.contains(id))
            .map(|(_, r)| data.slice(r.clone())),
    );
    out.push(data.slice(layout.rest.clone()));
    out
}

/// Writes the document again without the resources that are not kept.
pub fn clean(data: &Bytes) -> Result<Cleaned> {
    let layout = layout(data)?;
    let kept: Vec<&[u8]> = layout
        .resources
        .iter()
        .filter(|(id, _)| KEPT.contains(id))
        .map(|(_, r)| &data[r.clone()])
        .collect();
    let resources_len: usize = kept.iter().map(|b| b.len()).sum();
    let mut bytes = Vec::with_capacity(data.len());
    bytes.extend(&data[layout.head.clone()]);
    debug_assert_eq!(bytes.len(), layout.resources_len_at);
    bytes.extend((resources_len as u32).to_be_bytes());
    for block in kept {
        bytes.extend(block);
    }
    bytes.extend(&data[layout.rest.clone()]);
    let profile = layout.resources.iter().any(|(id, _)| *id == ICC_PROFILE);
    Ok(Cleaned {
        bytes,
        kept: if profile {
            vec![Kept::IccProfile]
        } else {
            Vec::new()
        },
        method: CleanMethod::Lossless,
    })
}
