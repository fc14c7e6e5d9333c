//! A small DNG built by hand (little-endian): IFD0 holds an RGB thumbnail and the DNG colour
//! tags, one sub-IFD the 16-bit Bayer sensor data, another a JPEG preview whose own APP1 EXIF
//! names the owner; the EXIF directory has a serial number, owner, date and maker note, the GPS
//! directory a position, IFD0 an artist, a camera serial number and DNGPrivateData.

use crate::{
    phone_exif, picture, plain_jpeg, DATE_TAKEN, GPS_LAT, GPS_LON, LENS_SERIAL, MAKE, MODEL, OWNER,
    SERIAL,
};

/// The maker-note bytes planted in [`dng`] (they name the serial number too).
pub const DNG_MAKER_NOTE: &str = "MakerNote of ExampleCam, serial PV-SN-000042";

/// Width and height of the sensor data of [`dng`].
pub const DNG_SENSOR: (u32, u32) = (8, 6);

const MAKER_NOTE: u16 = 0x927C;

/// (tag, type, count, value bytes); a pointer to another directory is added by index.
pub(crate) type Field = (u16, u16, u32, Vec<u8>);

pub(crate) struct Dir {
    pub fields: Vec<Field>,
    /// (tag, indices of the directories it points to); a MakerNote (0x927C) pointer becomes an
    /// UNDEFINED value the size of the directory it points to.
    pub pointers: Vec<(u16, Vec<usize>)>,
    /// Strips: offsets tag 273 and counts 279 are added.
    pub strips: Vec<Vec<u8>>,
}

pub(crate) fn ascii(tag: u16, text: &str) -> Field {
    let mut v = text.as_bytes().to_vec();
    v.push(0);
    (tag, 2, v.len() as u32, v)
}

pub(crate) fn shorts(tag: u16, values: &[u16]) -> Field {
    let v: Vec<u8> = values.iter().flat_map(|x| x.to_le_bytes()).collect();
    (tag, 3, values.len() as u32, v)
}

pub(crate) fn longs(tag: u16, values: &[u32]) -> Field {
    let v: Vec<u8> = values.iter().flat_map(|x| x.to_le_bytes()).collect();
    (tag, 4, values.len() as u32, v)
}

pub(crate) fn rationals(tag: u16, kind: u16, values: &[(i32, i32)]) -> Field {
    let v: Vec<u8> = values
        .iter()
        .flat_map(|(n, d)| [n.to_le_bytes(), d.to_le_bytes()].concat())
        .collect();
    (tag, kind, values.len() as u32, v)
}

pub(crate) fn bytes(tag: u16, kind: u16, value: &[u8]) -> Field {
    (tag, kind, value.len() as u32, value.to_vec())
}

/// The GPS directory the RAW fixtures plant: GPSVersionID 2.`minor`.0.0 and a northern latitude
/// (`GPS_LAT`° 19′ 12″), with `west` also the longitude 121° 56′ 24″ W.
pub(crate) fn gps_dir(minor: u8, west: bool) -> Dir {
    let mut fields = vec![
        bytes(0, 1, &[2, minor, 0, 0]),
        ascii(1, "N"),
        rationals(2, 5, &[(GPS_LAT as i32, 1), (19, 1), (1200, 100)]),
    ];
    if west {
        fields.push(ascii(3, "W"));
        fields.push(rationals(4, 5, &[(121, 1), (56, 1), (2400, 100)]));
    }
    Dir {
        fields,
        pointers: vec![],
        strips: vec![],
    }
}

fn pad(v: &mut Vec<u8>) {
    if v.len() % 2 == 1 {
        v.push(0);
    }
}

/// Lays out the directories (the first is IFD0) after their strips.
fn write(dirs: Vec<Dir>) -> Vec<u8> {
    write_after(b"II*\0\0\0\0\0".to_vec(), dirs).0
}

/// Lays out the directories after `header` (little-endian; bytes 4..8 get IFD0's offset), and
/// says where each directory starts.
pub(crate) fn write_after(mut out: Vec<u8>, mut dirs: Vec<Dir>) -> (Vec<u8>, Vec<usize>) {
    for d in &mut dirs {
        let mut offsets = Vec::new();
        for s in &d.strips {
            offsets.push(out.len() as u32);
            out.extend(s);
            pad(&mut out);
        }
        if !d.strips.is_empty() {
            let counts: Vec<u32> = d.strips.iter().map(|s| s.len() as u32).collect();
            d.fields.push(longs(273, &offsets));
            d.fields.push(longs(279, &counts));
        }
        for (tag, targets) in &d.pointers {
            let kind = if *tag == MAKER_NOTE { 7 } else { 4 };
            d.fields
                .push((*tag, kind, targets.len() as u32, vec![0; 4 * targets.len()]));
        }
        d.fields.sort_by_key(|f| f.0);
    }
    let size = |d: &Dir| {
        let extra: usize = d
            .fields
            .iter()
            .map(|f| {
                if f.3.len() > 4 {
                    (f.3.len() + 1) & !1
                } else {
                    0
                }
            })
            .sum();
        2 + 12 * d.fields.len() + 4 + extra
    };
    let sizes: Vec<usize> = dirs.iter().map(size).collect();
    for d in &mut dirs {
        for (tag, targets) in d.pointers.clone() {
            if let (MAKER_NOTE, Some(f)) = (tag, d.fields.iter_mut().find(|f| f.0 == tag)) {
                f.2 = sizes[targets[0]] as u32;
            }
        }
    }
    let mut at = Vec::new();
    let mut next = out.len();
    for d in &dirs {
        at.push(next);
        next += size(d);
    }
    for (i, d) in dirs.iter_mut().enumerate() {
        for (tag, targets) in d.pointers.clone() {
            let v: Vec<u8> = targets
                .iter()
                .flat_map(|&t| (at[t] as u32).to_le_bytes())
                .collect();
            if let Some(f) = d.fields.iter_mut().find(|f| f.0 == tag) {
                f.3 = v;
            }
        }
        let start = at[i];
        let mut extra_at = start + 2 + 12 * d.fields.len() + 4;
        let mut extra = Vec::new();
        out.extend((d.fields.len() as u16).to_le_bytes());
        for (tag, kind, count, value) in &d.fields {
            out.extend(tag.to_le_bytes());
            out.extend(kind.to_le_bytes());
            out.extend(count.to_le_bytes());
            if value.len() <= 4 {
                let mut inline = [0u8; 4];
                inline[..value.len()].copy_from_slice(value);
                out.extend(inline);
            } else {
                out.extend((extra_at as u32).to_le_bytes());
                extra.extend(value);
                pad(&mut extra);
                extra_at = start + 2 + 12 * d.fields.len() + 4 + extra.len();
            }
        }
        out.extend(0u32.to_le_bytes());
        out.extend(extra);
    }
    out[4..8].copy_from_slice(&(at[0] as u32).to_le_bytes());
    (out, at)
}

/// The sensor data of [`dng`]: 16-bit samples of an RGGB mosaic, little-endian.
pub fn dng_sensor() -> Vec<u8> {
    let (w, h) = DNG_SENSOR;
    let rgb = picture(w, h);
    (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .flat_map(|(x, y)| {
            let p = rgb.get_pixel(x, y).0;
            let c = match (x % 2, y % 2) {
                (0, 0) => p[0],
                (1, 1) => p[2],
                _ => p[1],
            };
            (u16::from(c) * 16 + 64).to_le_bytes()
        })
        .collect()
}

/// A JPEG preview with an APP1 EXIF segment of its own (make, serial, owner, GPS).
pub(crate) fn preview_jpeg() -> Vec<u8> {
    let plain = plain_jpeg(16, 12, 80);
    let exif = phone_exif(GPS_LAT, GPS_LON, MAKE, MODEL, SERIAL, OWNER);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend(((exif.len() + 8) as u16).to_be_bytes());
    segment.extend(b"Exif\0\0");
    segment.extend(exif);
    [&plain[..2], &segment[..], &plain[2..]].concat()
}

/// The DNG described in the module documentation, with Orientation `orientation`.
pub fn dng(orientation: u16) -> Vec<u8> {
    let (w, h) = DNG_SENSOR;
    let thumb = picture(4, 3);
    let ifd0 = Dir {
        fields: vec![
            longs(254, &[1]),
            longs(256, &[4]),
            longs(257, &[3]),
            shorts(258, &[8, 8, 8]),
            shorts(259, &[1]),
            shorts(262, &[2]),
            ascii(271, MAKE),
            ascii(272, MODEL),
            shorts(274, &[orientation]),
            shorts(277, &[3]),
            longs(278, &[3]),
            ascii(305, "Raw Converter 3.1"),
            ascii(306, DATE_TAKEN),
            ascii(315, OWNER),
            bytes(700, 1, b"<x:xmpmeta xmlns:x='adobe:ns:meta/'/>"),
            bytes(0xC612, 1, &[1, 4, 0, 0]),
            ascii(0xC614, "ExampleCam EC-100"),
            rationals(
                0xC621,
                10,
                &[
                    (1, 1),
                    (0, 1),
                    (0, 1),
                    (0, 1),
                    (1, 1),
                    (0, 1),
                    (0, 1),
                    (0, 1),
                    (1, 1),
                ],
            ),
            rationals(0xC628, 5, &[(1, 2), (1, 1), (2, 3)]),
            ascii(0xC62F, SERIAL),
            bytes(0xC634, 1, format!("Adobe\0MakN{DNG_MAKER_NOTE}").as_bytes()),
            shorts(0xC65A, &[21]),
        ],
        pointers: vec![(0x014A, vec![1, 2]), (0x8769, vec![3]), (0x8825, vec![4])],
        strips: vec![thumb.as_raw().clone()],
    };
    let raw = Dir {
        fields: vec![
            longs(254, &[0]),
            longs(256, &[w]),
            longs(257, &[h]),
            shorts(258, &[16]),
            shorts(259, &[1]),
            shorts(262, &[32803]),
            shorts(277, &[1]),
            longs(278, &[h]),
            shorts(0x828D, &[2, 2]),
            bytes(0x828E, 1, &[0, 1, 1, 2]),
            shorts(0xC61A, &[64]),
            shorts(0xC61D, &[4095 + 64]),
        ],
        pointers: vec![],
        strips: vec![dng_sensor()],
    };
    let preview = Dir {
        fields: vec![
            longs(254, &[1]),
            longs(256, &[16]),
            longs(257, &[12]),
            shorts(258, &[8, 8, 8]),
            shorts(259, &[7]),
            shorts(262, &[6]),
            shorts(277, &[3]),
            longs(278, &[12]),
        ],
        pointers: vec![],
        strips: vec![preview_jpeg()],
    };
    let exif = Dir {
        fields: vec![
            rationals(0x829A, 5, &[(1, 250)]),
            ascii(0x9003, DATE_TAKEN),
            bytes(0x927C, 7, DNG_MAKER_NOTE.as_bytes()),
            ascii(0xA430, OWNER),
            ascii(0xA431, SERIAL),
            ascii(0xA434, "EX 35mm F2"),
            ascii(0xA435, LENS_SERIAL),
        ],
        pointers: vec![],
        strips: vec![],
    };
    let gps = Dir {
        fields: vec![
            bytes(0, 1, &[2, 3, 0, 0]),
            ascii(1, "N"),
            rationals(2, 5, &[(37, 1), (19, 1), (1200, 100)]),
            ascii(3, "W"),
            rationals(4, 5, &[(121, 1), (56, 1), (2400, 100)]),
        ],
        pointers: vec![],
        strips: vec![],
    };
    write(vec![ifd0, raw, preview, exif, gps])
}
