//! A small Phase One IIQ built by hand (little-endian), laid out as Phase One's are: the TIFF
//! header followed at offset 8 by Phase One's own directory (an `IIII` block of 16-byte entries
//! whose offsets count from the block: the back's serial number, dates, a sequence ID, the
//! uncompressed sensor data, white balance, sizes, black level, firmware and lens model, and the
//! sensor calibration: a block of 12-byte entries with a defect list and the serial again; the
//! serial a third time after the System name's NUL); then
//! IFD0 (make and model of a back RAW decoders know, a 1x1 preview, an artist and a date), the
//! EXIF directory (dates, owner, serial number, unique ID, a MakerNote pointing at Phase One's
//! directory), a GPS directory and IFD1, a second 1x1 preview.

use crate::dng::{ascii, rationals, shorts, write_after, Dir};
use crate::dng::{bytes, gps_dir, longs};
use crate::{mosaic, Bayer, DATE_TAKEN, OWNER, SERIAL};

/// Width and height of the sensor data of [`iiq`].
pub const IIQ_SENSOR: (u32, u32) = (24, 16);
/// The back's model named in [`iiq`]: one RAW decoders know.
pub const IIQ_MODEL: &str = "Credo 40";
/// The back's serial number (Phase One's 0x0102 and the calibration's 0x0407).
pub const IIQ_SERIAL: &str = "PV-LEAF-55501";
/// Phase One's SequenceID (0x0262).
pub const IIQ_SEQUENCE: &str = "PV-SEQUENCE-ID-0042";
/// Phase One's DateTimeOriginal (0x0112), a Unix time.
pub const IIQ_TIME: u32 = 1_716_000_000;
/// The pixel of the second preview (IFD1) of [`iiq`], dropped by cleaning.
pub const IIQ_SECOND_PREVIEW: [u8; 3] = [0xA7, 0x3C, 0x5E];
/// The lens model kept in Phase One's directory.
pub const IIQ_LENS: &str = "Mamiya LS 80mm f/2.8 D";

/// The 14-bit sensor samples of [`iiq`], row by row (an RGGB mosaic of the shared picture).
pub fn iiq_sensor() -> Vec<u16> {
    mosaic(IIQ_SENSOR, Bayer::Rggb, 40, 512)
}

/// A Phase One block: `magic`, then the values, then the directory of `(tag, format, value)`
/// entries (`format` `None` for the calibration's 12-byte entries); values of more than four
/// bytes lie before the directory, offsets counting from the block's start.
fn block(magic: &[u8; 8], entries: Vec<(u32, Option<u32>, Vec<u8>)>) -> Vec<u8> {
    let mut out = magic.to_vec();
    out.extend([0; 4]);
    let mut rows = Vec::new();
    for (tag, format, value) in entries {
        let mut row = tag.to_le_bytes().to_vec();
        if let Some(f) = format {
            row.extend(f.to_le_bytes());
        }
        row.extend((value.len() as u32).to_le_bytes());
        if value.len() <= 4 {
            let mut inline = [0u8; 4];
            inline[..value.len()].copy_from_slice(&value);
            row.extend(inline);
        } else {
            row.extend((out.len() as u32).to_le_bytes());
            out.extend(&value);
            while !out.len().is_multiple_of(4) {
                out.push(0);
            }
        }
        rows.push(row);
    }
    let dir_at = out.len() as u32;
    out[8..12].copy_from_slice(&dir_at.to_le_bytes());
    out.extend((rows.len() as u32).to_le_bytes());
    out.extend([0; 4]);
    for row in rows {
        out.extend(row);
    }
    out
}

fn text(s: &str) -> Vec<u8> {
    let mut v = s.as_bytes().to_vec();
    v.push(0);
    v
}

/// The System name in a fixed 32-byte field whose bytes after the NUL hold the serial number,
/// as real backs write it.
fn system_name() -> Vec<u8> {
    let mut v = text("Digital Camera Back");
    v.extend(b"pCal");
    v.extend(IIQ_SERIAL.as_bytes());
    v.resize(v.len().max(32), 0);
    v
}

fn word(v: u32) -> Vec<u8> {
    v.to_le_bytes().to_vec()
}

/// The IIQ described in the module documentation.
pub fn iiq() -> Vec<u8> {
    let (w, h) = IIQ_SENSOR;
    let sensor: Vec<u8> = iiq_sensor().iter().flat_map(|s| s.to_le_bytes()).collect();
    let wb: Vec<u8> = [1.3f32, 1.0, 1.4]
        .iter()
        .flat_map(|f| f.to_le_bytes())
        .collect();
    // One defect (a single bad pixel, which decoders leave alone): column, row, type, reserved.
    let defects: Vec<u8> = [3u16, 2, 129, 0]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    let calibration = block(
        b"IIII\x01\0\0\0",
        vec![(0x0400, None, defects), (0x0407, None, text(IIQ_SERIAL))],
    );
    let phase_one = block(
        b"IIIICwaR",
        vec![
            (0x0100, Some(4), word(0)),
            (0x0102, Some(1), text(IIQ_SERIAL)),
            (0x0105, Some(4), word(100)),
            (0x0107, Some(4), wb),
            (0x0108, Some(4), word(w)),
            (0x0109, Some(4), word(h)),
            (0x010A, Some(4), word(0)),
            (0x010B, Some(4), word(0)),
            (0x010C, Some(4), word(w)),
            (0x010D, Some(4), word(h)),
            (0x010E, Some(4), word(0)),
            (0x010F, Some(4), sensor),
            (0x0110, Some(1), calibration),
            (0x0112, Some(4), word(IIQ_TIME)),
            (0x0212, Some(4), word(IIQ_TIME + 1)),
            (0x021D, Some(4), word(0)),
            (0x0262, Some(1), text(IIQ_SEQUENCE)),
            (0x0204, Some(1), system_name()),
            (0x0301, Some(1), text("Credo 40, Factory Firmware: 1.01.4")),
            (0x0412, Some(1), text(IIQ_LENS)),
        ],
    );
    let ifd0 = Dir {
        fields: vec![
            longs(254, &[0]),
            longs(256, &[1]),
            longs(257, &[1]),
            shorts(258, &[8, 8, 8]),
            shorts(259, &[1]),
            shorts(262, &[2]),
            ascii(271, "Leaf"),
            ascii(272, IIQ_MODEL),
            shorts(277, &[3]),
            longs(278, &[1]),
            ascii(306, DATE_TAKEN),
            ascii(315, OWNER),
        ],
        pointers: vec![(0x8769, vec![1]), (0x8825, vec![2])],
        strips: vec![vec![200, 100, 50]],
    };
    let exif = Dir {
        fields: vec![
            rationals(0x829A, 5, &[(1, 1250)]),
            ascii(0x9003, DATE_TAKEN),
            ascii(0xA420, "00004C20007000000400E05800000508"),
            ascii(0xA430, OWNER),
            ascii(0xA431, SERIAL),
            // Points at Phase One's directory once laid out (a placeholder of its length).
            bytes(0x927C, 7, &vec![0; phase_one.len()]),
        ],
        pointers: vec![],
        strips: vec![],
    };
    let gps = gps_dir(3, false);
    let ifd1 = Dir {
        fields: vec![
            longs(254, &[1]),
            longs(256, &[1]),
            longs(257, &[1]),
            shorts(258, &[8, 8, 8]),
            shorts(259, &[1]),
            shorts(262, &[2]),
            shorts(277, &[3]),
            longs(278, &[1]),
        ],
        pointers: vec![],
        strips: vec![IIQ_SECOND_PREVIEW.to_vec()],
    };
    let header = [&b"II*\0\0\0\0\0"[..], &phase_one].concat();
    let (mut out, at) = write_after(header, vec![ifd0, exif, gps, ifd1]);
    // IFD0 is chained to IFD1, the second preview.
    let count = u16::from_le_bytes([out[at[0]], out[at[0] + 1]]) as usize;
    let next = at[0] + 2 + 12 * count;
    out[next..next + 4].copy_from_slice(&(at[3] as u32).to_le_bytes());
    // The EXIF MakerNote entry points at Phase One's directory, at offset 8.
    let count = u16::from_le_bytes([out[at[1]], out[at[1] + 1]]) as usize;
    for i in 0..count {
        let e = at[1] + 2 + 12 * i;
        if out[e..e + 2] == [0x7C, 0x92] {
            out[e + 8..e + 12].copy_from_slice(&8u32.to_le_bytes());
        }
    }
    out
}
