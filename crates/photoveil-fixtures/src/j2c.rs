//! A bare JPEG 2000 codestream (`.j2c`), built by hand: the main header's segments with two
//! comments (one naming the fixture's owner), one tile-part whose header holds a comment too, and
//! stand-in coded data. It is not meant to be decoded: PhotoVeil copies it without decoding.

use crate::OWNER;

/// The text of the main header's comment.
pub fn j2c_comment() -> String {
    format!("Kakadu-v4.2.1 run by {OWNER}")
}

/// The comment inside the tile-part header, which stays (its tile-part's length counts it).
pub const J2C_TILE_COMMENT: &str = "tile-part note";

/// The stand-in coded data of the tile.
pub const J2C_DATA: &[u8] = &[0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0, 0x0F, 0x8E];

/// A marker segment: marker, length (counting itself), body.
fn segment(marker: u16, body: &[u8]) -> Vec<u8> {
    let mut out = marker.to_be_bytes().to_vec();
    out.extend(((body.len() + 2) as u16).to_be_bytes());
    out.extend(body);
    out
}

/// A comment segment: `Rcom` (1 text, 0 binary), then the bytes.
fn comment(text: bool, bytes: &[u8]) -> Vec<u8> {
    let mut body = u16::from(text).to_be_bytes().to_vec();
    body.extend(bytes);
    segment(0xFF64, &body)
}

/// An 8×8 one-component codestream; with `comments`, the main header holds a text and a binary
/// comment.
pub fn j2c(comments: bool) -> Vec<u8> {
    let mut out = vec![0xFF, 0x4F];
    let mut siz = vec![0, 0];
    for v in [8u32, 8, 0, 0, 8, 8, 0, 0] {
        siz.extend(v.to_be_bytes());
    }
    siz.extend([0, 1, 7, 1, 1]);
    out.extend(segment(0xFF51, &siz));
    out.extend(segment(0xFF52, &[0, 0, 0, 1, 0, 0, 4, 4, 0, 1]));
    if comments {
        out.extend(comment(true, j2c_comment().as_bytes()));
    }
    out.extend(segment(0xFF5C, &[0x40, 0x48]));
    if comments {
        out.extend(comment(false, &[1, 2, 3, 4]));
    }
    let tile_comment = comment(true, J2C_TILE_COMMENT.as_bytes());
    let psot = 12 + tile_comment.len() + 2 + J2C_DATA.len();
    let mut sot = 0u16.to_be_bytes().to_vec();
    sot.extend((psot as u32).to_be_bytes());
    sot.extend([0, 1]);
    out.extend(segment(0xFF90, &sot));
    out.extend(tile_comment);
    out.extend([0xFF, 0x93]);
    out.extend(J2C_DATA);
    out.extend([0xFF, 0xD9]);
    out
}
