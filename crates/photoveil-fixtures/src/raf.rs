//! A small Fujifilm RAF built by hand, laid out as Fujifilm's are (exiftool's `FujiFilm.pm`,
//! `ProcessRAF`): the header ("FUJIFILMCCD-RAW ", format version, camera ID, model name,
//! firmware version) and its directory of big-endian offsets (0x54 the embedded JPEG, 0x5C the
//! RAF directory, 0x64 the sensor data); the embedded JPEG, whose APP1 EXIF (little-endian) holds
//! Make and Model, a date, the owner, a copyright, the EXIF directory (dates, owner, serial
//! numbers, the Fujifilm maker note: "FUJIFILM", its directory's offset, then a directory whose
//! offsets count from the note's start, with the internal serial number), a GPS directory and
//! a thumbnail (IFD1), then an XMP segment naming the owner, and a second image with EXIF of
//! its own after the first one's end; the RAF directory (Fujifilm's own big-endian records:
//! sensor size, crop, white balance); the 16-bit sensor samples.

use crate::dng::{ascii, bytes, gps_dir, preview_jpeg, rationals, shorts, write_after, Dir};
use crate::{mosaic, plain_jpeg, Bayer, DATE_TAKEN, LENS_SERIAL, OWNER, SERIAL};

/// Width and height of the sensor data of [`raf`].
pub const RAF_SENSOR: (u32, u32) = (16, 16);
/// The camera model named in [`raf`]: one RAW decoders know (an uncompressed Bayer sensor, no
/// rotation).
pub const RAF_MODEL: &str = "FinePix S5500";
/// The maker note's InternalSerialNumber (0x0010) in [`raf`].
pub const RAF_INTERNAL_SERIAL: &str = "FPX-PV-INTERNAL-0042";
/// The white balance record (0x2FF0) of [`raf`]'s RAF directory.
pub const RAF_WB: [u16; 4] = [302, 410, 302, 520];

/// The 16-bit sensor samples of [`raf`], row by row (an RGGB mosaic of the shared picture).
pub fn raf_sensor() -> Vec<u16> {
    mosaic(RAF_SENSOR, Bayer::Rggb, 40, 256)
}

/// The Fujifilm maker note: "FUJIFILM", the offset of its directory (12), then the directory,
/// its values counting from the note's start.
fn maker_note() -> Vec<u8> {
    let serial = format!("{RAF_INTERNAL_SERIAL}\0");
    let quality = b"NORMAL \0";
    let entries: [(u16, u16, u32, Vec<u8>); 4] = [
        (0x0000, 7, 4, b"0130".to_vec()),
        (0x0010, 2, serial.len() as u32, serial.into_bytes()),
        (0x1000, 2, quality.len() as u32, quality.to_vec()),
        (0x1401, 3, 1, vec![3, 0, 0, 0]),
    ];
    let mut note = b"FUJIFILM".to_vec();
    note.extend(12u32.to_le_bytes());
    let mut extra_at = 12 + 2 + 12 * entries.len() + 4;
    let mut extra = Vec::new();
    note.extend((entries.len() as u16).to_le_bytes());
    for (tag, kind, count, value) in entries {
        note.extend(tag.to_le_bytes());
        note.extend(kind.to_le_bytes());
        note.extend(count.to_le_bytes());
        if value.len() <= 4 {
            note.extend(&value);
        } else {
            note.extend((extra_at as u32).to_le_bytes());
            extra_at += value.len();
            extra.extend(value);
        }
    }
    note.extend(0u32.to_le_bytes());
    note.extend(extra);
    note
}

/// The embedded JPEG's EXIF (a little-endian TIFF), with `orientation`.
fn exif(orientation: u16) -> Vec<u8> {
    let ifd0 = Dir {
        fields: vec![
            ascii(271, "FUJIFILM"),
            ascii(272, RAF_MODEL),
            shorts(274, &[orientation]),
            ascii(306, DATE_TAKEN),
            ascii(315, OWNER),
            ascii(0x8298, &format!("(c) {OWNER}")),
        ],
        pointers: vec![(0x8769, vec![1]), (0x8825, vec![2])],
        strips: vec![],
    };
    let exif = Dir {
        fields: vec![
            rationals(0x829A, 5, &[(1, 250)]),
            shorts(0x8827, &[200]),
            ascii(0x9003, DATE_TAKEN),
            ascii(0x9004, DATE_TAKEN),
            ascii(0xA430, OWNER),
            ascii(0xA431, SERIAL),
            ascii(0xA435, LENS_SERIAL),
            bytes(0x927C, 7, &maker_note()),
        ],
        pointers: vec![],
        strips: vec![],
    };
    let gps = gps_dir(3, true);
    let thumb = plain_jpeg(8, 6, 70);
    let ifd1 = Dir {
        fields: vec![
            shorts(259, &[6]),
            (0x0201, 4, 1, vec![0; 4]),
            (0x0202, 4, 1, (thumb.len() as u32).to_le_bytes().to_vec()),
        ],
        pointers: vec![],
        strips: vec![],
    };
    let (mut out, at) = write_after(b"II*\0\0\0\0\0".to_vec(), vec![ifd0, exif, gps, ifd1]);
    // IFD0 is chained to IFD1, whose thumbnail follows the directories.
    let count = u16::from_le_bytes([out[at[0]], out[at[0] + 1]]) as usize;
    let next = at[0] + 2 + 12 * count;
    out[next..next + 4].copy_from_slice(&(at[3] as u32).to_le_bytes());
    let thumb_at = (out.len() as u32).to_le_bytes();
    let n = u16::from_le_bytes([out[at[3]], out[at[3] + 1]]) as usize;
    for i in 0..n {
        let e = at[3] + 2 + 12 * i;
        if out[e..e + 2] == [0x01, 0x02] {
            out[e + 8..e + 12].copy_from_slice(&thumb_at);
        }
    }
    out.extend(thumb);
    out
}

/// The embedded JPEG: EXIF, an XMP packet naming the owner, a small picture, then a second
/// image whose own EXIF names another camera, the owner and a serial number.
fn preview(orientation: u16) -> Vec<u8> {
    let plain = plain_jpeg(16, 12, 80);
    let segment = |body: Vec<u8>| {
        let mut s = vec![0xFF, 0xE1];
        s.extend(((body.len() + 2) as u16).to_be_bytes());
        s.extend(body);
        s
    };
    let exif = segment([&b"Exif\0\0"[..], &exif(orientation)].concat());
    let xmp = segment(
        format!(
            "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF \
             xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator><rdf:Seq><rdf:li>{OWNER}\
             </rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
        )
        .into_bytes(),
    );
    // A second, Multi-Picture-style image after the first one's end, with EXIF of its own.
    let second = preview_jpeg();
    [&plain[..2], &exif[..], &xmp[..], &plain[2..], &second[..]].concat()
}

/// The RAF directory: a big-endian count, then records (tag, length, value): sensor size
/// (height, width), crop top-left and size, white balance.
fn raf_directory() -> Vec<u8> {
    let (w, h) = RAF_SENSOR;
    let records: [(u16, Vec<u16>); 4] = [
        (0x0100, vec![h as u16, w as u16]),
        (0x0110, vec![2, 2]),
        (0x0111, vec![h as u16 - 4, w as u16 - 4]),
        (0x2FF0, RAF_WB.to_vec()),
    ];
    let mut out = (records.len() as u32).to_be_bytes().to_vec();
    for (tag, values) in records {
        out.extend(tag.to_be_bytes());
        out.extend(((values.len() * 2) as u16).to_be_bytes());
        out.extend(values.iter().flat_map(|v| v.to_be_bytes()));
    }
    out
}

/// The RAF described in the module documentation, with Orientation `orientation` in its EXIF.
pub fn raf(orientation: u16) -> Vec<u8> {
    let mut out = b"FUJIFILMCCD-RAW 0201FF129502".to_vec();
    let mut model = RAF_MODEL.as_bytes().to_vec();
    model.resize(32, 0);
    out.extend(model);
    out.extend(b"0100");
    out.resize(0x94, 0);
    let jpeg = preview(orientation);
    let jpeg_at = out.len();
    out.extend(&jpeg);
    out.resize(out.len().next_multiple_of(4), 0);
    let dir = raf_directory();
    let dir_at = out.len();
    out.extend(&dir);
    out.resize(out.len().next_multiple_of(4), 0);
    let sensor: Vec<u8> = raf_sensor().iter().flat_map(|s| s.to_le_bytes()).collect();
    let sensor_at = out.len();
    out.extend(&sensor);
    for (at, (start, len)) in [
        (0x54, (jpeg_at, jpeg.len())),
        (0x5C, (dir_at, dir.len())),
        (0x64, (sensor_at, sensor.len())),
    ] {
        out[at..at + 4].copy_from_slice(&(start as u32).to_be_bytes());
        out[at + 4..at + 8].copy_from_slice(&(len as u32).to_be_bytes());
    }
    out
}
