//! A small Panasonic RW2 built by hand (little-endian, `IIU` magic), laid out as Panasonic's
//! are: IFD0 with the PanasonicRaw tags (sensor size and borders, CFA pattern, levels, white
//! balance), Make, Model, an artist and a copyright, the sensor data as its strip (12-bit
//! samples left-aligned in 16-bit words, which rawler reads when there is no RawDataOffset), and
//! `JpgFromRaw` (0x002E): a JPEG whose APP1 EXIF holds the full EXIF (software, date, artist,
//! a Panasonic maker note with the internal serial number, a baby's name and age, a GPS
//! directory, and an IFD1 thumbnail with metadata of its own); the file's own EXIF directory
//! (dates, owner, serial number) and GPS directory.

use crate::dng::{ascii, bytes, gps_dir, longs, preview_jpeg, rationals, shorts, write_after, Dir};
use crate::{mosaic, plain_jpeg, Bayer, DATE_TAKEN, OWNER, SERIAL};

/// Width and height of the sensor data of [`rw2`] (4:3, as the DMC-LX3 writes them).
pub const RW2_SENSOR: (u32, u32) = (96, 72);
/// The camera model named in [`rw2`]: one RAW decoders know.
pub const RW2_MODEL: &str = "DMC-LX3";
/// The maker note's InternalSerialNumber (0x0025) in [`rw2`].
pub const RW2_INTERNAL_SERIAL: &str = "PV-PANA-INT-9876";
/// The maker note's BabyName (0x0066) in [`rw2`].
pub const RW2_BABY_NAME: &str = "Robin Example";
/// The maker note's LensType (0x0051), kept.
pub const RW2_LENS: &str = "LEICA DC VARIO-SUMMICRON";

/// The 12-bit sensor samples of [`rw2`], row by row (a BGGR mosaic of the shared picture).
pub fn rw2_sensor() -> Vec<u16> {
    mosaic(RW2_SENSOR, Bayer::Bggr, 12, 64)
}

/// A directory laid out as if it started at `at` (its values follow it).
fn dir_at(at: usize, dir: Dir) -> Vec<u8> {
    let (out, _) = write_after(vec![0; at], vec![dir]);
    out[at..].to_vec()
}

/// Panasonic's maker note as it lies at `at` in its EXIF block (offsets count from the block).
fn maker_note(at: usize) -> Vec<u8> {
    let mut serial = RW2_INTERNAL_SERIAL.as_bytes().to_vec();
    serial.resize(16, 0);
    let dir = Dir {
        fields: vec![
            shorts(0x0001, &[2]),
            bytes(0x0002, 7, &[0, 1, 0, 0]),
            shorts(0x0003, &[1]),
            bytes(0x0025, 7, &serial),
            ascii(0x0033, "0002:03:04 00:00:00"),
            ascii(0x0051, RW2_LENS),
            bytes(0x0066, 7, RW2_BABY_NAME.as_bytes()),
            shorts(0x8004, &[2283]),
            shorts(0x8005, &[1054]),
            shorts(0x8006, &[1752]),
        ],
        pointers: vec![],
        strips: vec![],
    };
    [&b"Panasonic\0\0\0"[..], &dir_at(at + 12, dir)].concat()
}

/// The EXIF block of the JpgFromRaw, with its maker note written for `note_at`.
fn preview_exif_at(note_at: usize, thumb: &[u8]) -> Vec<u8> {
    let ifd0 = Dir {
        fields: vec![
            ascii(271, "Panasonic"),
            ascii(272, RW2_MODEL),
            shorts(274, &[1]),
            ascii(305, "Ver.1.0"),
            ascii(306, DATE_TAKEN),
            ascii(315, OWNER),
        ],
        pointers: vec![(0x8769, vec![1]), (0x8825, vec![2])],
        strips: vec![],
    };
    let exif = Dir {
        fields: vec![
            rationals(0x829A, 5, &[(1, 250)]),
            shorts(0x8827, &[80]),
            ascii(0x9003, DATE_TAKEN),
            ascii(0xA431, SERIAL),
            bytes(0x927C, 7, &maker_note(note_at)),
        ],
        pointers: vec![],
        strips: vec![],
    };
    let gps = gps_dir(3, false);
    let ifd1 = Dir {
        fields: vec![
            shorts(259, &[6]),
            longs(0x0201, &[8]),
            longs(0x0202, &[thumb.len() as u32]),
        ],
        pointers: vec![],
        strips: vec![],
    };
    let header = [&b"II*\0\0\0\0\0"[..], thumb].concat();
    let (mut out, at) = write_after(header, vec![ifd0, exif, gps, ifd1]);
    // IFD0 is chained to the thumbnail's IFD1.
    let count = u16::from_le_bytes([out[at[0]], out[at[0] + 1]]) as usize;
    let next = at[0] + 2 + 12 * count;
    out[next..next + 4].copy_from_slice(&(at[3] as u32).to_le_bytes());
    out
}

/// The JpgFromRaw: a JPEG whose APP1 EXIF holds the full EXIF.
fn jpg_from_raw() -> Vec<u8> {
    let thumb = preview_jpeg();
    // The maker note's offsets depend on where it lands: lay the block out once to find it.
    let first = preview_exif_at(0, &thumb);
    let note_at = first
        .windows(12)
        .position(|w| w == b"Panasonic\0\0\0")
        .unwrap_or(0);
    let exif = preview_exif_at(note_at, &thumb);
    let plain = plain_jpeg(32, 24, 85);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend(((exif.len() + 8) as u16).to_be_bytes());
    segment.extend(b"Exif\0\0");
    segment.extend(exif);
    [&plain[..2], &segment[..], &plain[2..]].concat()
}

/// The RW2 described in the module documentation, with Orientation `orientation`.
pub fn rw2(orientation: u16) -> Vec<u8> {
    let (w, h) = RW2_SENSOR;
    let sensor: Vec<u8> = rw2_sensor()
        .iter()
        .flat_map(|s| (s << 4).to_le_bytes())
        .collect();
    let ifd0 = Dir {
        fields: vec![
            bytes(0x0001, 7, b"0300"),
            shorts(0x0002, &[w as u16]),
            shorts(0x0003, &[h as u16]),
            shorts(0x0004, &[0]),
            shorts(0x0005, &[0]),
            shorts(0x0006, &[h as u16]),
            shorts(0x0007, &[w as u16]),
            shorts(0x0008, &[1]),
            shorts(0x0009, &[4]),
            shorts(0x000A, &[12]),
            shorts(0x000B, &[34316]),
            shorts(0x000E, &[4095]),
            shorts(0x000F, &[4095]),
            shorts(0x0010, &[4095]),
            shorts(0x0017, &[80]),
            shorts(0x001C, &[0]),
            shorts(0x001D, &[0]),
            shorts(0x001E, &[0]),
            shorts(0x0024, &[570]),
            shorts(0x0025, &[263]),
            shorts(0x0026, &[438]),
            shorts(0x002D, &[4]),
            bytes(0x002E, 7, &jpg_from_raw()),
            ascii(271, "Panasonic"),
            ascii(272, RW2_MODEL),
            shorts(274, &[orientation]),
            longs(278, &[h]),
            ascii(315, OWNER),
            ascii(0x8298, &format!("(c) {OWNER}")),
        ],
        pointers: vec![(0x8769, vec![1]), (0x8825, vec![2])],
        strips: vec![sensor],
    };
    let exif = Dir {
        fields: vec![
            rationals(0x829A, 5, &[(1, 250)]),
            rationals(0x829D, 5, &[(40, 10)]),
            ascii(0x9003, DATE_TAKEN),
            ascii(0x9004, DATE_TAKEN),
            ascii(0xA430, OWNER),
        ],
        pointers: vec![],
        strips: vec![],
    };
    let gps = gps_dir(3, true);
    let (out, _) = write_after(b"IIU\0\0\0\0\0".to_vec(), vec![ifd0, exif, gps]);
    out
}
