//! A small Minolta MRW built by hand, laid out as Minolta's are (exiftool's `MinoltaRaw.pm`): a
//! `\0MRM` block whose length says where the sensor data starts, holding `\0PRD` (firmware ID,
//! sensor and picture sizes, bit depths, storage mode, Bayer pattern), `\0TTW` (a big-endian TIFF:
//! Make, Model, a date, the owner, a caption, the EXIF directory with dates, owner, serial
//! numbers and a Minolta maker note holding the date and time, and a GPS directory), `\0WBG`
//! (white balance) and `\0RIF` (picture settings); then the 12-bit sensor samples, unpacked
//! (16 bits each, big-endian).

use crate::dng::{ascii, bytes, gps_dir, rationals, shorts, write_after, Dir};
use crate::{mosaic, Bayer, DATE_TAKEN, OWNER, SERIAL};

/// Width and height of the sensor data of [`mrw`].
pub const MRW_SENSOR: (u32, u32) = (16, 12);
/// The camera named in [`mrw`]: one RAW decoders know (a Bayer sensor, no borders).
pub const MRW_MAKE: &str = "Konica Minolta Camera, Inc.";
/// The camera model named in [`mrw`].
pub const MRW_MODEL: &str = "DiMAGE A2";
/// The white balance levels (R, G, G, B) of [`mrw`]'s WBG block.
pub const MRW_WB: [u16; 4] = [438, 256, 256, 509];
/// What the Minolta maker note of [`mrw`] holds: its version, then the date it records.
pub const MRW_MAKER_NOTE: &[u8] = b"MLT0-MinoltaDate-2024:05:17";

/// The 12-bit sensor samples of [`mrw`], row by row (an RGGB mosaic of the shared picture).
pub fn mrw_sensor() -> Vec<u16> {
    mosaic(MRW_SENSOR, Bayer::Rggb, 12, 64)
}

/// Rewrites a little-endian TIFF (IFD0, its EXIF and GPS directories) in big-endian order.
fn to_big_endian(le: &[u8]) -> Vec<u8> {
    let u16_at = |at: usize| u16::from_le_bytes([le[at], le[at + 1]]);
    let u32_at = |at: usize| u32::from_le_bytes([le[at], le[at + 1], le[at + 2], le[at + 3]]);
    let mut out = le.to_vec();
    out[..4].copy_from_slice(b"MM\0*");
    out[4..8].copy_from_slice(&u32_at(4).to_be_bytes());
    let mut queue = vec![u32_at(4) as usize];
    while let Some(at) = queue.pop() {
        let n = u16_at(at) as usize;
        out[at..at + 2].copy_from_slice(&(n as u16).to_be_bytes());
        for i in 0..n {
            let e = at + 2 + 12 * i;
            let (tag, kind, count) = (u16_at(e), u16_at(e + 2), u32_at(e + 4));
            out[e..e + 2].copy_from_slice(&tag.to_be_bytes());
            out[e + 2..e + 4].copy_from_slice(&kind.to_be_bytes());
            out[e + 4..e + 8].copy_from_slice(&count.to_be_bytes());
            let size = match kind {
                3 => 2,
                4 | 5 | 10 => 4,
                _ => 1,
            };
            let len = size * count as usize;
            let value = if len <= 4 {
                e + 8
            } else {
                u32_at(e + 8) as usize
            };
            if len > 4 {
                out[e + 8..e + 12].copy_from_slice(&(value as u32).to_be_bytes());
            }
            if matches!(tag, 0x8769 | 0x8825) {
                queue.push(u32_at(value) as usize);
            }
            if size > 1 {
                for c in (value..value + len).step_by(size) {
                    out[c..c + size].reverse();
                }
            }
        }
        let next = at + 2 + 12 * n;
        out[next..next + 4].copy_from_slice(&u32_at(next).to_be_bytes());
    }
    out
}

/// The TTW block's TIFF, with `orientation`.
fn ttw(orientation: u16) -> Vec<u8> {
    let (w, h) = MRW_SENSOR;
    let ifd0 = Dir {
        fields: vec![
            (256, 4, 1, w.to_le_bytes().to_vec()),
            (257, 4, 1, h.to_le_bytes().to_vec()),
            ascii(270, &format!("Holiday with {OWNER}")),
            ascii(271, MRW_MAKE),
            ascii(272, MRW_MODEL),
            shorts(274, &[orientation]),
            ascii(306, DATE_TAKEN),
            ascii(315, OWNER),
        ],
        pointers: vec![(0x8769, vec![1]), (0x8825, vec![2])],
        strips: vec![],
    };
    let exif = Dir {
        fields: vec![
            rationals(0x829A, 5, &[(1, 5)]),
            ascii(0x9003, DATE_TAKEN),
            ascii(0xA430, OWNER),
            ascii(0xA431, SERIAL),
            bytes(0x927C, 7, MRW_MAKER_NOTE),
        ],
        pointers: vec![],
        strips: vec![],
    };
    let gps = gps_dir(2, true);
    to_big_endian(&write_after(b"II*\0\0\0\0\0".to_vec(), vec![ifd0, exif, gps]).0)
}

/// One MRW block: its name, its big-endian length, its body.
fn block(name: &[u8; 4], body: &[u8]) -> Vec<u8> {
    [&name[..], &(body.len() as u32).to_be_bytes(), body].concat()
}

/// The MRW described in the module documentation, with Orientation `orientation` in its TTW.
pub fn mrw(orientation: u16) -> Vec<u8> {
    let (w, h) = MRW_SENSOR;
    let mut prd = b"21810002".to_vec();
    for v in [h, w, h, w] {
        prd.extend((v as u16).to_be_bytes());
    }
    // Raw depth 16 (unpacked), bit depth 12, storage 0x59, reserved, Bayer pattern RGGB (1).
    prd.extend([16, 12, 0x59, 0, 0, 0, 0, 1]);
    let mut wbg = vec![2, 2, 2, 2];
    wbg.extend(MRW_WB.iter().flat_map(|v| v.to_be_bytes()));
    let rif = [0u8, 0, 0, 0, 0, 0, 43, 0];
    let inner = [
        block(b"\0PRD", &prd),
        block(b"\0TTW", &ttw(orientation)),
        block(b"\0WBG", &wbg),
        block(b"\0RIF", &rif),
    ]
    .concat();
    let mut out = block(b"\0MRM", &inner);
    out.extend(mrw_sensor().iter().flat_map(|s| s.to_be_bytes()));
    out
}
