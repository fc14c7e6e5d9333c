//! GIF (87a and 89a, also animated): metadata lives in comment extensions, application
//! extensions (XMP as `XMP DataXMP`, ImageMagick's profiles, editors' private data) and bytes after
//! the trailer.
//!
//! No maintained crate rewrites a GIF's block stream without decoding and re-encoding its frames,
//! so the surgery is done here: the blocks are walked once, and the copy is the same blocks in the
//! same order, byte for byte, less the removed extensions. Kept: the header with the logical screen
//! and global colour table, every frame (graphic control extension, image descriptor, local
//! colour table, LZW data), plain-text extensions, the looping extension (`NETSCAPE2.0`,
//! `ANIMEXTS1.0`) and the ICC colour profile (`ICCRGBG1012`). Verification decodes every frame of
//! both files with the `gif` crate ([`same_frames`]).

use std::ops::Range;

use bytes::Bytes;

use super::{CleanMethod, Cleaned, Inspection, Kept};
use crate::error::{Error, Mismatch, Result};
use crate::finding::{Explanation, Severity};
use crate::format::ImageFormat;
use crate::limits::{MAX_FRAMES, MAX_FRAME_PIXELS_TOTAL, MAX_PIXELS};
use crate::meta::{clip, hidden, human_bytes, Payloads};

/// Application extensions that say how to play or colour the picture; every other one is removed.
const KEEP_APPLICATIONS: &[&[u8; 11]] = &[b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012"];

/// What one block of the stream is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// Signature, logical screen descriptor and global colour table.
    Header,
    /// Image descriptor, local colour table and LZW data: one frame.
    Image {
        /// The frame's width and height.
        size: (u16, u16),
    },
    /// Graphic control extension (delay, disposal, transparency of the next frame).
    GraphicControl,
    /// Plain-text extension: text drawn on the picture by the few viewers that do.
    PlainText,
    /// Comment extension.
    Comment,
    /// Application extension, named by its 8-byte identifier and 3-byte code.
    Application([u8; 11]),
    /// An extension of a label GIF does not define.
    OtherExtension(u8),
    /// The trailer (0x3B) that ends the stream.
    Trailer,
}

/// One block: what it is, the whole of it in the file, and its data sub-blocks' contents range
/// (from the first length byte to the terminator, excluded).
#[derive(Debug, Clone)]
struct Block {
    kind: Kind,
    range: Range<usize>,
    data: Range<usize>,
}

impl Block {
    /// Whether the cleaned copy keeps this block.
    fn kept(&self) -> bool {
        match &self.kind {
            Kind::Header
            | Kind::Image { .. }
            | Kind::GraphicControl
            | Kind::PlainText
            | Kind::Trailer => true,
            Kind::Application(id) => KEEP_APPLICATIONS.contains(&id),
            Kind::Comment | Kind::OtherExtension(_) => false,
        }
    }
}

/// A parsed GIF: its blocks and the picture's size.
struct Layout {
    blocks: Vec<Block>,
    width: u16,
    height: u16,
    /// Where the trailer ends; anything after it is trailing data.
    end: usize,
}

fn corrupt(detail: &str) -> Error {
    Error::corrupt(ImageFormat::Gif, detail.to_string())
}

fn truncated() -> Error {
    corrupt("the file is truncated before its trailer")
}

fn u16_at(data: &[u8], at: usize) -> Result<u16> {
    data.get(at..at + 2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .ok_or_else(truncated)
}

/// Bytes of a colour table announced by a packed field (flag 0x80, size in the low 3 bits).
fn colour_table_len(packed: u8) -> usize {
    if packed & 0x80 == 0 {
        0
    } else {
        3 << ((packed & 0x07) + 1)
    }
}

/// Skips data sub-blocks starting at `at`; returns where the terminator ends.
fn sub_blocks_end(data: &[u8], mut at: usize) -> Result<usize> {
    loop {
        let len = *data.get(at).ok_or_else(truncated)? as usize;
        at += 1;
        if len == 0 {
            return Ok(at);
        }
        at += len;
        if at > data.len() {
            return Err(truncated());
        }
    }
}

/// Walks the block stream. Refuses streams cut short, unknown block introducers, and more frames
/// or decoded frame pixels than PhotoVeil reads, before anything is decoded.
fn layout(data: &[u8]) -> Result<Layout> {
    let packed = *data.get(10).ok_or_else(truncated)?;
    let width = u16_at(data, 6)?;
    let height = u16_at(data, 8)?;
    let header_end = 13 + colour_table_len(packed);
    if header_end > data.len() {
        return Err(truncated());
    }
    let mut blocks = vec![Block {
        kind: Kind::Header,
        range: 0..header_end,
        data: header_end..header_end,
    }];
    let (mut frames, mut frame_pixels) = (0u64, 0u64);
    let mut at = header_end;
    loop {
        let start = at;
        let introducer = *data.get(at).ok_or_else(truncated)?;
        let (kind, data_start) = match introducer {
            0x3B => {
                blocks.push(Block {
                    kind: Kind::Trailer,
                    range: at..at + 1,
                    data: at + 1..at + 1,
                });
                return Ok(Layout {
                    blocks,
                    width,
                    height,
                    end: at + 1,
                });
            }
            0x2C => {
                let size = (u16_at(data, at + 5)?, u16_at(data, at + 7)?);
                let packed = *data.get(at + 9).ok_or_else(truncated)?;
                let pixels = u64::from(size.0) * u64::from(size.1);
                if pixels > MAX_PIXELS {
                    return Err(Error::TooManyPixels {
                        width: size.0.into(),
                        height: size.1.into(),
                    });
                }
                frames += 1;
                frame_pixels += pixels;
                if frames > MAX_FRAMES || frame_pixels > MAX_FRAME_PIXELS_TOTAL {
                    return Err(Error::AnimationTooLarge {
                        frames,
                        pixels: frame_pixels,
                    });
                }
                // Descriptor (10), local colour table, LZW minimum code size (1).
                (Kind::Image { size }, at + 10 + colour_table_len(packed) + 1)
            }
            0x21 => {
                let label = *data.get(at + 1).ok_or_else(truncated)?;
                let kind = match label {
                    0xF9 => Kind::GraphicControl,
                    0x01 => Kind::PlainText,
                    0xFE => Kind::Comment,
                    0xFF => {
                        let id = data
                            .get(at + 3..at + 14)
                            .filter(|_| data.get(at + 2) == Some(&11))
                            .and_then(|id| <[u8; 11]>::try_from(id).ok())
                            .unwrap_or([0; 11]);
                        Kind::Application(id)
                    }
                    other => Kind::OtherExtension(other),
                };
                (kind, at + 2)
            }
            _ => return Err(corrupt("a block starts with an unknown byte")),
        };
        if data_start > data.len() {
            return Err(truncated());
        }
        at = sub_blocks_end(data, data_start)?;
        blocks.push(Block {
            kind,
            range: start..at,
            data: data_start..at - 1,
        });
    }
}

/// The contents of data sub-blocks (their length bytes left out).
fn sub_block_contents(data: &[u8], range: Range<usize>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at = range.start;
    while at < range.end {
        let len = data[at] as usize;
        let end = (at + 1 + len).min(range.end);
        out.extend_from_slice(&data[at + 1..end]);
        at = end;
    }
    out
}

/// Finds the metadata of a GIF.
pub fn inspect(data: &Bytes) -> Result<Inspection> {
    let layout = layout(data)?;
    let mut payloads = Payloads::default();
    for block in &layout.blocks {
        read_block(data, block, &mut payloads);
    }
    if data.len() > layout.end {
        payloads.container_findings.push(hidden(
            "GIF:TrailingData",
            format!(
                "{} after the end of the picture",
                human_bytes(data.len() - layout.end)
            ),
            Severity::Medium,
            Explanation::TrailingData,
        ));
    }
    Ok(Inspection {
        width: Some(layout.width.into()),
        height: Some(layout.height.into()),
        payloads,
        is_raw: false,
        picture: Some(picture_pieces(data, &layout)),
    })
}

/// Reads one removed block's metadata into `payloads`.
fn read_block(data: &[u8], block: &Block, payloads: &mut Payloads) {
    let size = block.range.len();
    match &block.kind {
        Kind::Comment => {
            let text = clip(
                &String::from_utf8_lossy(&sub_block_contents(data, block.data.clone())),
                200,
            );
            let text = if text.is_empty() {
                "(empty)".to_string()
            } else {
                text
            };
            payloads.container_findings.push(hidden(
                "GIF:Comment",
                text,
                Severity::Medium,
                Explanation::Comment,
            ));
        }
        Kind::Application(id) if !block.kept() => read_application(data, block, id, payloads),
        Kind::OtherExtension(label) => payloads.container_findings.push(hidden(
            format!("GIF:Extension{label:02X}"),
            format!("unknown extension, {}", human_bytes(size)),
            Severity::Low,
            Explanation::OtherMetadata,
        )),
        _ => {}
    }
}

/// Reads one removed application extension: XMP, ImageMagick's Photoshop profile, or private
/// data named by its identifier.
fn read_application(data: &[u8], block: &Block, id: &[u8; 11], payloads: &mut Payloads) {
    // After the length byte (11) and the identifier: the application's own sub-blocks.
    let body = block.data.start + 12..block.data.end;
    match id.as_slice() {
        b"XMP DataXMP" => {
            // The packet is stored raw (its bytes double as sub-block lengths), followed by a
            // 258-byte "magic trailer" that starts with 0x01.
            let raw = &data[body];
            let packet = raw.split(|&b| b == 0x01).next().unwrap_or(raw);
            payloads.xmp.push(packet.to_vec());
        }
        b"MGK8BIM0000" => payloads.photoshop.push(sub_block_contents(data, body)),
        _ => payloads.container_findings.push(hidden(
            format!("GIF:Application:{}", String::from_utf8_lossy(id).trim_end()),
            format!(
                "private application data, {}",
                human_bytes(block.range.len())
            ),
            Severity::Low,
            Explanation::OtherMetadata,
        )),
    }
}

/// Writes the GIF without comments, private application extensions and trailing data; every other
/// block is copied byte for byte, in order.
pub fn clean(data: &Bytes) -> Result<Cleaned> {
    let layout = layout(data)?;
    let mut bytes = Vec::with_capacity(data.len());
    let mut kept = Vec::new();
    for block in layout.blocks.iter().filter(|b| b.kept()) {
        if block.kind == Kind::Application(*b"ICCRGBG1012") && !kept.contains(&Kept::IccProfile) {
            kept.push(Kept::IccProfile);
        }
        bytes.extend_from_slice(&data[block.range.clone()]);
    }
    Ok(Cleaned {
        bytes,
        kept,
        method: CleanMethod::Lossless,
    })
}

/// The kept blocks, which a decoder reads to draw every frame. Two files with the same pieces
/// show the same frames.
fn picture_pieces(data: &Bytes, layout: &Layout) -> Vec<Bytes> {
    layout
        .blocks
        .iter()
        .filter(|b| b.kept())
        .map(|b| data.slice(b.range.clone()))
        .collect()
}

/// Decodes every frame of both files with the `gif` crate and compares them: the same number of
/// frames, and for each its place, timing, disposal and pixels. The sizes were bounded by
/// [`layout`] (frames, pixels over all frames) before anything is decoded.
pub fn same_frames(original: &[u8], cleaned: &[u8]) -> Result<()> {
    let source = layout(original)?;
    if u64::from(source.width) * u64::from(source.height) > MAX_PIXELS {
        return Err(Error::TooManyPixels {
            width: source.width.into(),
            height: source.height.into(),
        });
    }
    let mut a = decoder(original).map_err(|e| decode_error(&e))?;
    let mut b = decoder(cleaned)
        .map_err(|e| Error::Verification(Mismatch::DoesNotDecode(Box::new(decode_error(&e)))))?;
    loop {
        let fa = a.read_next_frame().map_err(|e| decode_error(&e))?;
        let fb = b.read_next_frame().map_err(|e| {
            Error::Verification(Mismatch::DoesNotDecode(Box::new(decode_error(&e))))
        })?;
        match (fa, fb) {
            (None, None) => return Ok(()),
            (Some(fa), Some(fb)) if same_frame(fa, fb) => {}
            _ => return Err(Error::Verification(Mismatch::PixelsDiffer)),
        }
    }
}

fn same_frame(a: &::gif::Frame<'_>, b: &::gif::Frame<'_>) -> bool {
    (a.left, a.top, a.width, a.height) == (b.left, b.top, b.width, b.height)
        && (a.delay, a.dispose, a.transparent) == (b.delay, b.dispose, b.transparent)
        && a.buffer == b.buffer
}

fn decoder(data: &[u8]) -> std::result::Result<::gif::Decoder<&[u8]>, ::gif::DecodingError> {
    let mut options = ::gif::DecodeOptions::new();
    options.set_color_output(::gif::ColorOutput::RGBA);
    options.set_memory_limit(::gif::MemoryLimit::Bytes(
        std::num::NonZeroU64::new(4 * MAX_PIXELS).unwrap_or(std::num::NonZeroU64::MIN),
    ));
    options.allow_unknown_blocks(true);
    options.read_info(data)
}

fn decode_error(e: &::gif::DecodingError) -> Error {
    Error::Decode(e.to_string())
}
