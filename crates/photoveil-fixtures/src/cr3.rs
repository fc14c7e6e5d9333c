//! A small Canon CR3 built by hand, laid out as Canon's are: `ftyp` (brand `crx `), `moov` with
//! Canon's `uuid` box (`CNCV`, `CCTP`, `CTBO`, `CMT1` IFD0 with make, model, date, artist and
//! copyright; `CMT2` the EXIF directory with dates, owner, body and lens serial numbers; `CMT3`
//! the maker note with camera settings, colour data, lens model, and the owner's name, serial
//! numbers, unique IDs and time zone to be removed; `CMT4` a GPS position; `THMB` a thumbnail
//! whose own APP1 EXIF names the owner), the movie header and three tracks (a JPEG, the CRX
//! sensor data, the `CTMD` timed metadata: a timestamp, focal length and exposure, an EXIF
//! directory and maker note with serial numbers, and the colour data rawler reads, in a maker
//! note without a next-directory offset, beside a camera-info block naming the owner); a
//! top-level XMP box naming the creator, the `PRVW` preview box, and `mdat`.

use crate::dng::{ascii, bytes, longs, preview_jpeg, rationals, shorts, write_after, Dir, Field};
use crate::{DATE_TAKEN, GPS_LAT, GPS_LON, LENS_SERIAL, OWNER, SERIAL};

/// The camera model named in [`cr3`]: one rawler knows (mode "raw").
pub const CR3_MODEL: &str = "Canon EOS M50";
/// The maker note's numeric SerialNumber (0x000C) in [`cr3`].
pub const CR3_SERIAL: u32 = 2_345_678_901;
/// The maker note's InternalSerialNumber (0x0096) in [`cr3`].
pub const CR3_INTERNAL_SERIAL: &str = "PV-CR3-INT-4711";
/// The maker note's ImageUniqueID (0x0028, again in 0x4039) in [`cr3`].
pub const CR3_UNIQUE_ID: [u8; 16] = *b"PV-CR3-UNIQUE-ID";
/// The lens model kept in `CMT2` and the maker note of [`cr3`].
pub const CR3_LENS: &str = "EF-M15-45mm f/3.5-6.3 IS STM";
/// The XMP creator in [`cr3`].
pub const CR3_CREATOR: &str = "Robin Example";
/// The CRX sensor sample planted in `mdat` (any bytes: kept byte for byte).
pub const CR3_SENSOR: &[u8] = b"\xff\x01CRX sensor data of the fixture, kept byte for byte\x00\x01";
/// Width and height of the sensor in [`cr3`]'s `CMP1` box (wider than the M50's left border
/// of 276 pixels, which rawler applies).
pub const CR3_SENSOR_SIZE: (u32, u32) = (352, 80);
/// The white balance (R, G, G, B) and black levels of the timed metadata's colour data.
pub const CR3_WB: [u16; 4] = [2100, 1024, 1024, 1500];
/// The black levels of the colour data.
pub const CR3_BLACK: [u16; 4] = [2048, 2049, 2050, 2051];
/// The specular white level of the colour data.
pub const CR3_WHITE: u16 = 16_000;

const CANON_UUID: [u8; 16] = [
    0x85, 0xc0, 0xb6, 0x87, 0x82, 0x0f, 0x11, 0xe0, 0x81, 0x11, 0xf4, 0xce, 0x46, 0x2b, 0x6a, 0x48,
];
const XMP_UUID: [u8; 16] = [
    0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac,
];
const PREVIEW_UUID: [u8; 16] = [
    0xea, 0xf4, 0x2b, 0x5e, 0x1c, 0x98, 0x4b, 0x88, 0xb9, 0xfb, 0xb7, 0xdc, 0x40, 0x6e, 0x4d, 0x16,
];
/// 2021-07-04 10:20:30 in seconds since 1904.
const MOVIE_TIME: u32 = 3_708_238_830;

/// One box: size, type, body.
fn atom(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    [&((body.len() + 8) as u32).to_be_bytes()[..], kind, body].concat()
}

/// A little-endian TIFF block whose first directory holds `fields`.
fn tiff(fields: Vec<Field>) -> Vec<u8> {
    let dir = Dir {
        fields,
        pointers: Vec::new(),
        strips: Vec::new(),
    };
    write_after(b"II*\0\0\0\0\0".to_vec(), vec![dir]).0
}

/// A little-endian TIFF block whose first directory (entries in the given order) has no
/// next-directory offset, its values right after the entries, as Canon's timed-metadata maker
/// notes are.
fn tiff_without_next(fields: Vec<Field>) -> Vec<u8> {
    let mut out = b"II*\0\x08\0\0\0".to_vec();
    out.extend((fields.len() as u16).to_le_bytes());
    let mut at = 8 + 2 + 12 * fields.len();
    let mut values: Vec<u8> = Vec::new();
    for (tag, kind, count, value) in &fields {
        out.extend(tag.to_le_bytes());
        out.extend(kind.to_le_bytes());
        out.extend(count.to_le_bytes());
        if value.len() <= 4 {
            let mut inline = [0u8; 4];
            inline[..value.len()].copy_from_slice(value);
            out.extend(inline);
        } else {
            out.extend((at as u32).to_le_bytes());
            values.extend(value);
            at += value.len();
        }
    }
    out.extend(values);
    out
}

fn cmt1() -> Vec<u8> {
    tiff(vec![
        longs(256, &[6000]),
        longs(257, &[4000]),
        ascii(271, "Canon"),
        ascii(272, CR3_MODEL),
        shorts(274, &[1]),
        ascii(306, DATE_TAKEN),
        ascii(315, OWNER),
        ascii(33432, "(c) Jane Example"),
    ])
}

fn exif_dir() -> Vec<u8> {
    tiff(vec![
        rationals(0x829A, 5, &[(1, 80)]),
        ascii(0x9003, DATE_TAKEN),
        ascii(0x9004, DATE_TAKEN),
        ascii(0x9290, "21"),
        ascii(0xA430, OWNER),
        ascii(0xA431, SERIAL),
        ascii(0xA434, CR3_LENS),
        ascii(0xA435, LENS_SERIAL),
    ])
}

/// Canon's colour data (version 9: white balance at 0x3F, black levels at 0x2CF, specular white
/// level at 0x2D4).
fn color_data() -> Vec<u16> {
    let mut v = vec![0u16; 0x2E0];
    v[0] = 9;
    v[0x3F..0x43].copy_from_slice(&CR3_WB);
    v[0x2CF..0x2D3].copy_from_slice(&CR3_BLACK);
    v[0x2D3] = 15_000;
    v[0x2D4] = CR3_WHITE;
    v
}

/// The maker note; `full` adds the colour data and lens model (`CMT3`), else it is the timed
/// metadata's short copy.
fn maker_note(full: bool) -> Vec<u8> {
    let mut settings = vec![0u16; 49];
    settings[3] = 4; // quality: RAW
    settings[22] = 4153; // lens type
    let mut fields = vec![
        shorts(0x0001, &settings),
        ascii(0x0009, OWNER),
        longs(0x000C, &[CR3_SERIAL]),
        bytes(0x0028, 1, &CR3_UNIQUE_ID),
        longs(0x0035, &[16, 60, 20, 0]),
        ascii(0x0096, CR3_INTERNAL_SERIAL),
        bytes(0x4039, 1, &CR3_UNIQUE_ID),
    ];
    if full {
        fields.push(longs(0x0010, &[0x8000_0412]));
        fields.push(ascii(0x0095, CR3_LENS));
        fields.push(shorts(0x4001, &color_data()));
    }
    tiff(fields)
}

fn gps() -> Vec<u8> {
    let dms = |v: f64| {
        let v = v.abs();
        let d = v.trunc() as i32;
        let m = ((v - f64::from(d)) * 60.0).trunc() as i32;
        let s = ((v - f64::from(d)) * 3600.0 - f64::from(m) * 60.0) * 100.0;
        [(d, 1), (m, 1), (s.round() as i32, 100)]
    };
    tiff(vec![
        bytes(0x0000, 1, &[2, 3, 0, 0]),
        ascii(0x0001, "N"),
        rationals(0x0002, 5, &dms(GPS_LAT)),
        ascii(0x0003, "W"),
        rationals(0x0004, 5, &dms(GPS_LON)),
    ])
}

/// A full box body: version 0, no flags, then `rest`.
fn full(rest: &[u8]) -> Vec<u8> {
    [&[0u8; 4][..], rest].concat()
}

fn be32(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_be_bytes()).collect()
}

fn be16(values: &[u16]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_be_bytes()).collect()
}

/// Canon's `uuid` box of `moov`.
fn canon_box() -> Vec<u8> {
    let ccdt = |kind: u64, track: u32| {
        atom(
            b"CCDT",
            &[&kind.to_be_bytes()[..], &be32(&[0, track])].concat(),
        )
    };
    let cctp = [full(&be32(&[1, 3])), ccdt(2, 1), ccdt(0, 2), ccdt(3, 3)].concat();
    let thumbnail = [&be32(&[0, 0, 0, 0])[..], &preview_jpeg()].concat();
    let body = [
        &CANON_UUID[..],
        &atom(b"CNCV", b"CanonCR3_001/00.09.00/00.00.00"),
        &atom(b"CCTP", &cctp),
        &atom(b"CTBO", &be32(&[0])),
        &atom(b"CMT1", &cmt1()),
        &atom(b"CMT2", &exif_dir()),
        &atom(b"CMT3", &maker_note(true)),
        &atom(b"CMT4", &gps()),
        &atom(b"THMB", &thumbnail),
    ]
    .concat();
    atom(b"uuid", &body)
}

/// A sample description of kind `CRAW` (82 bytes of image description, then `children`).
fn craw(children: &[u8]) -> Vec<u8> {
    let (w, h) = CR3_SENSOR_SIZE;
    let mut d = vec![0u8; 6];
    d.extend(be16(&[1]));
    d.extend([0u8; 16]);
    d.extend(be16(&[w as u16, h as u16, 72, 0, 72, 0]));
    d.extend(be32(&[0]));
    d.extend(be16(&[1]));
    d.extend([0u8; 32]);
    d.extend(be16(&[24, 0xFFFF, 0, 0]));
    d.extend(children);
    atom(b"CRAW", &d)
}

/// The sensor track's `CMP1` (CRX coding) and `CDI1`/`IAD1` (crop and active area) boxes.
fn crx_description() -> Vec<u8> {
    let (w, h) = CR3_SENSOR_SIZE;
    let cmp1 = [
        &be16(&[0, 0x30, 0x100, 0])[..],
        &be32(&[w, h, w, h]),
        &[14, 0x41, 0x03, 0x00],
        &be32(&[0, 0]),
    ]
    .concat();
    let iad1 = full(&be16(&[
        w as u16, h as u16, 1, 2, 0, 0, // size, type "big"
        280, 52, 339, 75, // crop
        1, 1, 276, 79, // left optical black
        1, 1, 352, 48, // top optical black
        276, 48, 349, 79, // active area
    ]));
    [
        atom(b"CMP1", &cmp1),
        atom(b"CDI1", &full(&atom(b"IAD1", &iad1))),
    ]
    .concat()
}

/// The timed-metadata sample description: the records it lists.
fn ctmd_description() -> Vec<u8> {
    let mut d = vec![0u8; 6];
    d.extend(be16(&[1]));
    let types = [1u16, 4, 5, 7, 8];
    d.extend(be32(&[types.len() as u32]));
    for t in types {
        d.extend([0, 0]);
        d.extend(t.to_be_bytes());
        d.extend(be32(&[0]));
    }
    atom(b"CTMD", &d)
}

/// One track whose only sample (described by `description`) lies at `offset`, `len` bytes long.
fn track(id: u32, handler: &[u8; 4], description: Vec<u8>, offset: u64, len: u32) -> Vec<u8> {
    let tkhd = full(&[&be32(&[MOVIE_TIME, MOVIE_TIME, id, 0, 1])[..], &[0u8; 60]].concat());
    let mdhd = full(
        &[
            &be32(&[MOVIE_TIME, MOVIE_TIME, 1, 1])[..],
            &be16(&[0x15C7, 0]),
        ]
        .concat(),
    );
    let hdlr = full(&[&be32(&[0])[..], handler, &[0u8; 13]].concat());
    let dref = full(&[&be32(&[1])[..], &atom(b"url ", &[0, 0, 0, 1])].concat());
    let stbl = [
        atom(b"stsd", &[full(&be32(&[1])), description].concat()),
        atom(b"stts", &full(&be32(&[1, 1, 1]))),
        atom(b"stsc", &full(&be32(&[1, 1, 1, 1]))),
        atom(b"stsz", &full(&be32(&[len, 1]))),
        atom(
            b"co64",
            &full(&[&be32(&[1])[..], &offset.to_be_bytes()].concat()),
        ),
    ]
    .concat();
    let minf = [
        atom(b"vmhd", &full(&[0u8; 8])),
        atom(b"dinf", &atom(b"dref", &dref)),
        atom(b"stbl", &stbl),
    ]
    .concat();
    let mdia = [
        atom(b"mdhd", &mdhd),
        atom(b"hdlr", &hdlr),
        atom(b"minf", &minf),
    ]
    .concat();
    atom(
        b"trak",
        &[atom(b"tkhd", &tkhd), atom(b"mdia", &mdia)].concat(),
    )
}

/// One timed-metadata record.
fn record(kind: u16, flags: [u8; 6], payload: &[u8]) -> Vec<u8> {
    let size = (payload.len() + 12) as u32;
    [
        &size.to_le_bytes()[..],
        &kind.to_le_bytes(),
        &flags,
        payload,
    ]
    .concat()
}

/// One TIFF block of a timed-metadata record.
fn ctmd_block(tag: u32, tiff: &[u8]) -> Vec<u8> {
    let size = (tiff.len() + 8) as u32;
    [&size.to_le_bytes()[..], &tag.to_le_bytes(), tiff].concat()
}

/// The timed-metadata sample: timestamp, focal length, exposure, EXIF and maker notes.
fn ctmd_sample() -> Vec<u8> {
    let mut time = vec![0u8, 0];
    time.extend(2021u16.to_le_bytes());
    time.extend([7, 4, 10, 20, 30, 21, 0, 0]);
    let camera_info = format!("camera info of {OWNER}, lens {LENS_SERIAL}");
    let colour = tiff_without_next(vec![
        shorts(0x4001, &color_data()),
        bytes(0x000D, 7, camera_info.as_bytes()),
    ]);
    [
        record(1, [0, 0, 0, 1, 0, 0], &time),
        record(4, [0, 0, 0, 1, 0xFF, 0xFF], &[15, 0, 1, 0, 0, 0, 0, 0]),
        record(
            5,
            [0, 0, 0, 1, 0xFF, 0xFF],
            &[35, 0, 10, 0, 1, 0, 80, 0, 0, 1, 0, 0],
        ),
        record(
            7,
            [1, 1, 0, 1, 0xFF, 0xFF],
            &[
                ctmd_block(0x8769, &exif_dir()),
                ctmd_block(0x927C, &maker_note(false)),
            ]
            .concat(),
        ),
        record(8, [1, 1, 0, 1, 0xFF, 0xFF], &ctmd_block(0x927C, &colour)),
    ]
    .concat()
}

fn moov(offsets: [u64; 3], lens: [u32; 3]) -> Vec<u8> {
    let mvhd = full(&[&be32(&[MOVIE_TIME, MOVIE_TIME, 1, 1])[..], &[0u8; 80]].concat());
    let jpeg = craw(&atom(b"JPEG", &[0u8; 4]));
    let body = [
        canon_box(),
        atom(b"mvhd", &mvhd),
        track(1, b"vide", jpeg, offsets[0], lens[0]),
        track(2, b"vide", craw(&crx_description()), offsets[1], lens[1]),
        track(3, b"meta", ctmd_description(), offsets[2], lens[2]),
    ]
    .concat();
    atom(b"moov", &body)
}

/// The CR3 described in the module documentation.
pub fn cr3() -> Vec<u8> {
    let ftyp = atom(b"ftyp", b"crx \0\0\0\x01crx isom");
    let xmp = format!(
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
         <rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator><rdf:Seq><rdf:li>{CR3_CREATOR}</rdf:li>\
         </rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
    );
    let xmp = atom(b"uuid", &[&XMP_UUID[..], xmp.as_bytes()].concat());
    let jpeg = preview_jpeg();
    let prvw_body = [
        &be32(&[0])[..],
        &be16(&[1, 160, 120, 1]),
        &be32(&[jpeg.len() as u32]),
        &jpeg,
    ]
    .concat();
    let preview = atom(
        b"uuid",
        &[
            &PREVIEW_UUID[..],
            &be32(&[0, 1]),
            &atom(b"PRVW", &prvw_body),
        ]
        .concat(),
    );
    let samples = [jpeg.clone(), CR3_SENSOR.to_vec(), ctmd_sample()];
    let lens = samples.each_ref().map(|s| s.len() as u32);
    let head = ftyp.len() + moov([0; 3], lens).len() + xmp.len() + preview.len() + 8;
    let mut offsets = [0u64; 3];
    let mut at = head as u64;
    for (o, s) in offsets.iter_mut().zip(&samples) {
        *o = at;
        at += s.len() as u64;
    }
    let mdat = atom(b"mdat", &samples.concat());
    [ftyp, moov(offsets, lens), xmp, preview, mdat].concat()
}
