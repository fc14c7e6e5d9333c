//! A small Nikon NEF built by hand (little-endian), laid out as a D70's: IFD0 with a JPEG preview
//! (whose own APP1 EXIF names the owner), make, model, a date and an artist, with a SubIFD
//! holding the uncompressed 12-bit sensor data; the EXIF directory with dates, serial numbers
//! and the Nikon maker note (type 3: `Nikon\0`, a version, then a TIFF of its own whose offsets
//! count from its header), which holds the colour balance (version 0103, stored in the clear),
//! lens data (0101), the serial numbers, shutter count, world time, power-up time and Nikon Capture's edit settings; a GPS
//! directory.
//!
//! [`nef_keyed`] is the same file with the colour balance in a later version (0205), which
//! Nikon enciphers with the serial number and shutter count.

use crate::dng::{ascii, bytes, gps_dir, longs, preview_jpeg, rationals, shorts, write_after, Dir};
use crate::{DATE_TAKEN, LENS_SERIAL, OWNER, SERIAL};

/// Width and height of the sensor data of [`nef`] (larger than the D70's crop borders).
pub const NEF_SENSOR: (u32, u32) = (64, 32);
/// The camera model named in [`nef`]: one RAW decoders know.
pub const NEF_MODEL: &str = "NIKON D70";
/// The maker note's SerialNumber (0x001D) in [`nef`].
pub const NEF_SERIAL: &str = "7654321";
/// The maker note's older SerialNumber (0x00A0) in [`nef`].
pub const NEF_OLD_SERIAL: &str = "NO= 3003b9a5";
/// The maker note's ShutterCount (0x00A7) in [`nef`].
pub const NEF_SHUTTER_COUNT: u32 = 0x00AB_CDEF;
/// The maker note's PowerUpTime (0x00B6) in [`nef`]: a date, year first.
pub const NEF_POWER_UP: [u8; 8] = [0x07, 0xE8, 5, 17, 13, 2, 1, 0];

/// Nikon Capture's edit settings (0x0E01) in [`nef`], which can carry captions and places.
pub const NEF_CAPTURE_DATA: &[u8] = b"\x02\x00IPTC caption: a walk in Kingston";

/// The 12-bit packed sensor bytes of [`nef`]: a recognisable pattern.
pub fn nef_sensor() -> Vec<u8> {
    let (w, h) = NEF_SENSOR;
    (0..w * h * 3 / 2).map(|i| (i * 29 % 251) as u8).collect()
}

/// The Nikon maker note of [`nef`], with a colour balance of `balance_version`.
fn maker_note(balance_version: &[u8; 4]) -> Vec<u8> {
    // Colour balance 0103 (D70): white balance at 16-bit words 10..14, big-endian.
    let mut balance = balance_version.to_vec();
    balance.resize(140, 0);
    for (i, v) in [478u16, 265, 493, 265].iter().enumerate() {
        balance[20 + 2 * i..22 + 2 * i].copy_from_slice(&v.to_be_bytes());
    }
    let mut lens = b"0101".to_vec();
    lens.extend([0x14, 0x2C, 0x07, 0x00, 0xF1, 0x5F, 0x2D, 0x7F]);
    lens.resize(31, 0x10);
    let note = Dir {
        fields: vec![
            bytes(0x0001, 7, b"0210"),
            shorts(0x0002, &[0, 200]),
            ascii(0x0004, "RAW"),
            ascii(0x001D, NEF_SERIAL),
            bytes(0x0024, 7, &[0x02, 0x1C, 0, 1]),
            bytes(0x0093, 3, &[1, 0]),
            bytes(0x0097, 7, &balance),
            bytes(0x0098, 7, &lens),
            ascii(0x00A0, NEF_OLD_SERIAL),
            longs(0x00A7, &[NEF_SHUTTER_COUNT]),
            bytes(0x00B6, 7, &NEF_POWER_UP),
            bytes(0x0E01, 7, NEF_CAPTURE_DATA),
        ],
        pointers: vec![],
        strips: vec![],
    };
    let (tiff, _) = write_after(b"II*\0\0\0\0\0".to_vec(), vec![note]);
    [&b"Nikon\0\x02\x10\0\0"[..], &tiff[..]].concat()
}

fn build(balance_version: &[u8; 4]) -> Vec<u8> {
    let (w, h) = NEF_SENSOR;
    let ifd0 = Dir {
        fields: vec![
            longs(0x00FE, &[1]),
            longs(256, &[16]),
            longs(257, &[12]),
            shorts(258, &[8, 8, 8]),
            shorts(259, &[6]),
            ascii(271, "NIKON CORPORATION"),
            ascii(272, NEF_MODEL),
            rationals(282, 5, &[(300, 1)]),
            rationals(283, 5, &[(300, 1)]),
            shorts(296, &[2]),
            ascii(306, DATE_TAKEN),
            ascii(315, OWNER),
        ],
        pointers: vec![(0x014A, vec![1]), (0x8769, vec![2]), (0x8825, vec![3])],
        strips: vec![preview_jpeg()],
    };
    let raw = Dir {
        fields: vec![
            longs(0x00FE, &[0]),
            longs(256, &[w]),
            longs(257, &[h]),
            shorts(258, &[12]),
            shorts(259, &[1]),
            shorts(262, &[32803]),
            shorts(277, &[1]),
            longs(278, &[h]),
            shorts(0x828D, &[2, 2]),
            bytes(0x828E, 1, &[2, 1, 1, 0]),
        ],
        pointers: vec![],
        strips: vec![nef_sensor()],
    };
    let exif = Dir {
        fields: vec![
            rationals(0x829A, 5, &[(1, 250)]),
            ascii(0x9003, DATE_TAKEN),
            ascii(0x9004, DATE_TAKEN),
            bytes(0x927C, 7, &maker_note(balance_version)),
            ascii(0xA430, OWNER),
            ascii(0xA431, SERIAL),
            ascii(0xA435, LENS_SERIAL),
        ],
        pointers: vec![],
        strips: vec![],
    };
    let gps = gps_dir(2, true);
    write_after(b"II*\0\0\0\0\0".to_vec(), vec![ifd0, raw, exif, gps]).0
}

/// The NEF described in the module documentation (colour balance stored in the clear).
pub fn nef() -> Vec<u8> {
    build(b"0103")
}

/// The same NEF with a colour balance Nikon enciphers with the serial number (version 0205).
pub fn nef_keyed() -> Vec<u8> {
    build(b"0205")
}
