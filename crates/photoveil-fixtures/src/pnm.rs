//! Netpbm fixtures (PBM, PGM, PPM, PAM): small pictures whose headers and plain samples carry
//! comments naming the fixture's owner.

use crate::OWNER;

/// The comment planted in every Netpbm fixture's header.
pub fn pnm_comment() -> String {
    format!("made by {OWNER}")
}

/// Width and height of the Netpbm fixtures.
pub const PNM_SIZE: (u32, u32) = (5, 3);

/// A sample value for pixel `i`, channel `c`, below `maxval`.
fn sample(i: u32, c: u32, maxval: u32) -> u32 {
    (i * 37 + c * 101 + 11) % (maxval + 1)
}

/// A Netpbm picture of kind `kind` (1 to 7) with comments in its header; `maxval` is ignored
/// for bitmaps.
pub fn pnm(kind: u8, maxval: u32) -> Vec<u8> {
    let (w, h) = PNM_SIZE;
    let comment = pnm_comment();
    let pixels = w * h;
    match kind {
        1..=3 => {
            let depth = if kind == 3 { 3 } else { 1 };
            let max = if kind == 1 { 1 } else { maxval };
            let mut out = format!("P{kind}\n# {comment}\n{w} # width\n{h}\n");
            if kind != 1 {
                out.push_str(&format!("{max}\n"));
            }
            for i in 0..pixels {
                for c in 0..depth {
                    out.push_str(&format!("{} ", sample(i, c, max)));
                }
            }
            out.into_bytes()
        }
        4 => {
            let mut out = format!("P4\n# {comment}\n{w} {h}\n").into_bytes();
            for y in 0..h {
                out.push(0b1010_1000 ^ (y as u8));
            }
            out
        }
        5 | 6 => {
            let depth = if kind == 6 { 3 } else { 1 };
            let mut out = format!("P{kind}\n{w} {h}\n# {comment}\n{maxval}\n").into_bytes();
            out.extend(binary_raster(pixels, depth, maxval));
            out
        }
        _ => {
            let mut out = format!(
                "P7\n# {comment}\nWIDTH {w}\nHEIGHT {h}\nDEPTH 4\nMAXVAL {maxval}\n\
                 TUPLTYPE RGB_ALPHA\n# second comment\nENDHDR\n"
            )
            .into_bytes();
            out.extend(binary_raster(pixels, 4, maxval));
            out
        }
    }
}

/// The binary raster of the fixtures: one or two bytes a sample, big-endian.
fn binary_raster(pixels: u32, depth: u32, maxval: u32) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..pixels {
        for c in 0..depth {
            let s = sample(i, c, maxval);
            if maxval < 256 {
                out.push(s as u8);
            } else {
                out.extend((s as u16).to_be_bytes());
            }
        }
    }
    out
}
