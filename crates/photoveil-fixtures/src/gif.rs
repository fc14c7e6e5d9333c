//! GIF fixtures: an animation made by the `image` crate's encoder with hand-written metadata
//! extensions spliced into its block stream, and hand-written tiny animations for limits.

use image::codecs::gif::{GifEncoder, Repeat};
use image::{Delay, Frame, RgbaImage};

use crate::{picture, xmp_packet, COMMENT};

/// Identifier (8 bytes) and code (3 bytes) of the fixture's private application extension.
pub const GIF_PRIVATE_APP: &[u8; 11] = b"PVFIXTUR1.0";
/// Text of the fixture's private application extension.
pub const GIF_PRIVATE_TEXT: &[u8] = b"editor session: user jane, host jane-laptop";
/// Bytes appended after the GIF trailer.
pub const GIF_TRAILING: &[u8] = b"hidden bytes after the end";

/// Data sub-blocks holding `data` (at most 255 bytes each), with the terminator.
fn sub_blocks(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in data.chunks(255) {
        out.push(chunk.len() as u8);
        out.extend(chunk);
    }
    out.push(0);
    out
}

/// A comment extension.
pub fn gif_comment(text: &str) -> Vec<u8> {
    let mut out = vec![0x21, 0xFE];
    out.extend(sub_blocks(text.as_bytes()));
    out
}

/// An application extension named `id` holding `data` in sub-blocks.
pub fn gif_application(id: &[u8; 11], data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x21, 0xFF, 11];
    out.extend(id);
    out.extend(sub_blocks(data));
    out
}

/// An XMP application extension as Adobe writes it: the packet raw (its bytes double as
/// sub-block lengths) and the 258-byte "magic trailer" that brings any reader back to the
/// terminator.
pub fn gif_xmp(packet: &str) -> Vec<u8> {
    let mut out = vec![0x21, 0xFF, 11];
    out.extend(b"XMP DataXMP");
    out.extend(packet.as_bytes());
    out.push(0x01);
    out.extend((0..=255u8).rev());
    out.push(0);
    out
}

/// Length of the header, logical screen descriptor and global colour table.
fn header_len(gif: &[u8]) -> usize {
    let packed = gif[10];
    13 + if packed & 0x80 == 0 {
        0
    } else {
        3 << ((packed & 7) + 1)
    }
}

/// A looping animation of `frames` frames of `picture(width, height)` (each a little shifted in
/// colour), with a comment, an XMP packet (the fixture's city, creator, named face region), a
/// private application extension, a second comment before the trailer and bytes after it. The
/// looping extension (`NETSCAPE2.0`) is kept by cleaning; the rest is what it removes.
pub fn gif(width: u32, height: u32, frames: usize) -> Vec<u8> {
    let plain = plain_gif(width, height, frames);
    let split = header_len(&plain);
    let mut out = plain[..split].to_vec();
    out.extend(gif_comment(COMMENT));
    out.extend(gif_xmp(&xmp_packet()));
    out.extend(gif_application(GIF_PRIVATE_APP, GIF_PRIVATE_TEXT));
    // The encoder's blocks (looping extension, frames), then one more comment and the trailer.
    out.extend(&plain[split..plain.len() - 1]);
    out.extend(gif_comment("second comment"));
    out.push(0x3B);
    out.extend(GIF_TRAILING);
    out
}

/// A looping animation without metadata, made by the `image` crate's GIF encoder.
pub fn plain_gif(width: u32, height: u32, frames: usize) -> Vec<u8> {
    let base = picture(width, height);
    let mut out = Vec::new();
    {
        let mut encoder = GifEncoder::new_with_speed(&mut out, 30);
        encoder
            .set_repeat(Repeat::Infinite)
            .expect("setting the repeat works");
        for i in 0..frames {
            let rgba = RgbaImage::from_fn(width, height, |x, y| {
                let p = base.get_pixel(x, y).0;
                image::Rgba([p[0].wrapping_add(40 * i as u8), p[1], p[2], 255])
            });
            let frame = Frame::from_parts(rgba, 0, 0, Delay::from_numer_denom_ms(100, 1));
            encoder
                .encode_frame(frame)
                .expect("encoding into memory works");
        }
    }
    out
}

/// A hand-written animation of `frames` one-pixel frames on a `width`×`height` screen (no
/// metadata): many frames in few bytes, for the limits on animations.
pub fn tiny_animation(width: u16, height: u16, frames: usize) -> Vec<u8> {
    let mut out = b"GIF89a".to_vec();
    out.extend(width.to_le_bytes());
    out.extend(height.to_le_bytes());
    // Global colour table of 2 entries: black and white.
    out.extend([0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF]);
    out.extend(gif_application(b"NETSCAPE2.0", &[1, 0, 0]));
    for i in 0..frames {
        // Graphic control: 10 ms, no transparency.
        out.extend([0x21, 0xF9, 4, 0, 1, 0, 0, 0]);
        let x = (i % usize::from(width.max(1))) as u16;
        out.push(0x2C);
        out.extend(x.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(1u16.to_le_bytes());
        out.extend(1u16.to_le_bytes());
        out.push(0);
        // LZW, minimum code size 2: clear, colour 0, end.
        out.extend([2, 2, 0x44, 0x01, 0]);
    }
    out.push(0x3B);
    out
}

/// A decompression bomb: a screen and one frame of `side`×`side` pixels whose LZW data is a
/// handful of bytes.
pub fn gif_bomb(side: u16) -> Vec<u8> {
    let mut out = b"GIF89a".to_vec();
    out.extend(side.to_le_bytes());
    out.extend(side.to_le_bytes());
    out.extend([0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF]);
    out.push(0x2C);
    out.extend([0, 0, 0, 0]);
    out.extend(side.to_le_bytes());
    out.extend(side.to_le_bytes());
    out.push(0);
    out.extend([2, 2, 0x44, 0x01, 0]);
    out.push(0x3B);
    out
}
