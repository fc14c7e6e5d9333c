//! A small Canon CR2 built by hand (little-endian), laid out as Canon's are: the "CR" header
//! pointing at the RAW directory, IFD0 with a JPEG preview (whose own APP1 EXIF names the
//! owner), an artist, a copyright and a date, chained to the RAW directory (CR2 slices, lossless
//! JPEG sensor data); the EXIF directory with dates, owner, serial numbers and a Canon maker
//! note (a directory with file-relative offsets: camera settings, model ID, sensor info, and the
//! owner's name, serial numbers, camera info and unique ID to be removed; colour data with white
//! balance and levels); a GPS directory.

use crate::dng::{ascii, bytes, gps_dir, longs, preview_jpeg, rationals, shorts, write_after, Dir};
use crate::{mosaic, Bayer, DATE_TAKEN, LENS_SERIAL, OWNER, SERIAL};

/// Width and height of the sensor data of [`cr2`] (larger than the active-area borders that
/// RAW decoders apply to the 5D Mark II).
pub const CR2_SENSOR: (u32, u32) = (176, 64);
/// The camera model named in [`cr2`]: one RAW decoders know.
pub const CR2_MODEL: &str = "Canon EOS 5D Mark II";
/// The maker note's numeric SerialNumber (0x000C) in [`cr2`].
pub const CR2_SERIAL: u32 = 1_234_567_890;
/// The maker note's InternalSerialNumber (0x0096) in [`cr2`].
pub const CR2_INTERNAL_SERIAL: &str = "PV-INT-31337";
/// The maker note's ImageUniqueID (0x0028) in [`cr2`].
pub const CR2_UNIQUE_ID: [u8; 16] = *b"PV-UNIQUE-ID-16B";
/// The lens model kept in the maker note of [`cr2`] (lens corrections need it).
pub const CR2_LENS: &str = "EF50mm f/1.4 USM";

/// The 14-bit sensor samples of [`cr2`], row by row (an RGGB mosaic of the shared picture).
pub fn cr2_sensor() -> Vec<u16> {
    mosaic(CR2_SENSOR, Bayer::Rggb, 32, 1024)
}

/// The CR2 described in the module documentation, with `sensor` as the RAW directory's only
/// strip (the lossless JPEG stream of [`cr2_sensor`] where a decoder must read it; any bytes
/// otherwise).
pub fn cr2(orientation: u16, sensor: Vec<u8>) -> Vec<u8> {
    let (w, h) = CR2_SENSOR;
    let ifd0 = Dir {
        fields: vec![
            longs(256, &[16]),
            longs(257, &[12]),
            shorts(258, &[8, 8, 8]),
            shorts(259, &[6]),
            ascii(271, "Canon"),
            ascii(272, CR2_MODEL),
            shorts(274, &[orientation]),
            rationals(282, 5, &[(72, 1)]),
            rationals(283, 5, &[(72, 1)]),
            shorts(296, &[2]),
            ascii(306, DATE_TAKEN),
            ascii(315, OWNER),
            ascii(0x8298, &format!("(c) {OWNER}")),
        ],
        pointers: vec![(0x8769, vec![2]), (0x8825, vec![3])],
        strips: vec![preview_jpeg()],
    };
    let raw = Dir {
        fields: vec![
            shorts(259, &[6]),
            longs(0xC5D8, &[1]),
            longs(0xC5E0, &[1]),
            shorts(0xC640, &[0, w as u16, w as u16]),
        ],
        pointers: vec![],
        strips: vec![sensor],
    };
    let exif = Dir {
        fields: vec![
            rationals(0x829A, 5, &[(1, 250)]),
            shorts(0x8827, &[400]),
            ascii(0x9003, DATE_TAKEN),
            ascii(0x9004, DATE_TAKEN),
            bytes(
                0x9286,
                7,
                format!("\0\0\0\0\0\0\0\0note by {OWNER}").as_bytes(),
            ),
            ascii(0xA430, OWNER),
            ascii(0xA431, SERIAL),
            ascii(0xA434, CR2_LENS),
            ascii(0xA435, LENS_SERIAL),
        ],
        pointers: vec![(0x927C, vec![4])],
        strips: vec![],
    };
    let gps = gps_dir(3, true);
    let mut settings = vec![0u16; 47];
    settings[0] = 94;
    let mut owner = OWNER.as_bytes().to_vec();
    owner.resize(32, 0);
    let mut camera_info = vec![0x11u8; 64];
    camera_info[8..8 + OWNER.len()].copy_from_slice(OWNER.as_bytes());
    // ColorData version 6 (50D, 5D Mark II): white balance at 0x3F, black levels at 0x2CB,
    // normal and specular white levels at 0x2CF and 0x2D0.
    let mut color = vec![0u16; 1250];
    color[0] = 6;
    color[0x3F..0x43].copy_from_slice(&[2000, 1024, 1024, 1500]);
    color[0x2CB..0x2CF].copy_from_slice(&[1024; 4]);
    color[0x2CF] = 15000;
    color[0x2D0] = 15600;
    let maker = Dir {
        fields: vec![
            shorts(0x0001, &settings),
            shorts(0x0002, &[0, 50, 0, 0]),
            ascii(0x0006, CR2_MODEL),
            ascii(0x0007, "Firmware Version 2.1.2"),
            bytes(0x0009, 2, &owner),
            longs(0x000C, &[CR2_SERIAL]),
            bytes(0x000D, 7, &camera_info),
            longs(0x0010, &[0x8000_0218]),
            bytes(0x0028, 7, &CR2_UNIQUE_ID),
            longs(0x0035, &[16, 540, 20, 0]),
            ascii(0x0095, CR2_LENS),
            ascii(0x0096, CR2_INTERNAL_SERIAL),
            shorts(
                0x00E0,
                &[
                    34,
                    w as u16,
                    h as u16,
                    1,
                    1,
                    158,
                    51,
                    w as u16 - 1,
                    h as u16 - 1,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                ],
            ),
            shorts(0x4001, &color),
        ],
        pointers: vec![],
        strips: vec![],
    };
    let header = b"II*\0\0\0\0\0CR\x02\0\0\0\0\0".to_vec();
    let (mut out, at) = write_after(header, vec![ifd0, raw, exif, gps, maker]);
    // IFD0 is chained to the RAW directory, which the header names too.
    let raw_at = (at[1] as u32).to_le_bytes();
    out[12..16].copy_from_slice(&raw_at);
    let count = u16::from_le_bytes([out[at[0]], out[at[0] + 1]]) as usize;
    let next = at[0] + 2 + 12 * count;
    out[next..next + 4].copy_from_slice(&raw_at);
    out
}
