//! BMP fixtures: plain bitmaps from the `image` crate's encoder, and hand-written version 5
//! bitmaps with an embedded or a linked colour profile.

use image::ImageEncoder;

use crate::{picture, FAKE_ICC, OWNER};

/// The linked-profile path planted in [`bmp_linked_profile`]: a Windows path naming its owner.
pub fn bmp_linked_path() -> String {
    format!("C:\\Users\\{OWNER}\\AppData\\Color\\studio-monitor.icm")
}

/// A plain 24-bit bitmap of `picture(width, height)`, made by the `image` crate.
pub fn bmp(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::bmp::BmpEncoder::new(&mut out)
        .write_image(
            picture(width, height).as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .expect("encoding into memory works");
    out
}

/// A 24-bit bitmap with a version 5 header whose colour profile (`profile`, after the pixels) is
/// embedded (`b"MBED"`) or linked (`b"LINK"`, a NUL-terminated path).
fn bmp_v5(width: u32, height: u32, kind: &[u8; 4], profile: &[u8]) -> Vec<u8> {
    let row = (width as usize * 3).div_ceil(4) * 4;
    let pixels_at = 14 + 124;
    let profile_at = pixels_at + row * height as usize;
    let total = profile_at + profile.len();
    let mut out = b"BM".to_vec();
    out.extend((total as u32).to_le_bytes());
    out.extend([0; 4]);
    out.extend((pixels_at as u32).to_le_bytes());
    let mut info = vec![0u8; 124];
    info[0..4].copy_from_slice(&124u32.to_le_bytes());
    info[4..8].copy_from_slice(&width.to_le_bytes());
    info[8..12].copy_from_slice(&height.to_le_bytes());
    info[12..14].copy_from_slice(&1u16.to_le_bytes());
    info[14..16].copy_from_slice(&24u16.to_le_bytes());
    info[20..24].copy_from_slice(&((row * height as usize) as u32).to_le_bytes());
    // bV5CSType: the four letters, stored as a little-endian number.
    let mut code = *kind;
    code.reverse();
    info[56..60].copy_from_slice(&code);
    info[108..112].copy_from_slice(&4u32.to_le_bytes()); // LCS_GM_IMAGES
    info[112..116].copy_from_slice(&((profile_at - 14) as u32).to_le_bytes());
    info[116..120].copy_from_slice(&(profile.len() as u32).to_le_bytes());
    out.extend(info);
    let source = picture(width, height);
    for y in (0..height).rev() {
        let mut line = Vec::with_capacity(row);
        for x in 0..width {
            let [r, g, b] = source.get_pixel(x, y).0;
            line.extend([b, g, r]);
        }
        line.resize(row, 0);
        out.extend(line);
    }
    out.extend(profile);
    out
}

/// A version 5 bitmap with an embedded colour profile ([`FAKE_ICC`]): nothing to remove.
pub fn bmp_embedded_profile(width: u32, height: u32) -> Vec<u8> {
    bmp_v5(width, height, b"MBED", FAKE_ICC)
}

/// A version 5 bitmap with a linked colour profile whose path names its owner
/// ([`bmp_linked_path`]).
pub fn bmp_linked_profile(width: u32, height: u32) -> Vec<u8> {
    let mut path = bmp_linked_path().into_bytes();
    path.push(0);
    bmp_v5(width, height, b"LINK", &path)
}

/// A bitmap bomb: a run-length-encoded header declaring `side`×`side` pixels, with a few bytes of
/// data.
pub fn bmp_bomb(side: u32) -> Vec<u8> {
    let mut out = b"BM".to_vec();
    out.extend(66u32.to_le_bytes());
    out.extend([0; 4]);
    out.extend(62u32.to_le_bytes());
    let mut info = vec![0u8; 40];
    info[0..4].copy_from_slice(&40u32.to_le_bytes());
    info[4..8].copy_from_slice(&side.to_le_bytes());
    info[8..12].copy_from_slice(&side.to_le_bytes());
    info[12..14].copy_from_slice(&1u16.to_le_bytes());
    info[14..16].copy_from_slice(&8u16.to_le_bytes());
    info[16..20].copy_from_slice(&1u32.to_le_bytes()); // BI_RLE8
    info[32..36].copy_from_slice(&2u32.to_le_bytes()); // two palette entries
    out.extend(info);
    out.extend([0, 0, 0, 0, 255, 255, 255, 0]);
    // End of bitmap.
    out.extend([0, 1, 0, 0]);
    out
}
