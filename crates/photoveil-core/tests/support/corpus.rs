//! A corpus of damaged files made from good ones: truncations at (and next to) every
//! segment/chunk/box/IFD boundary, wrong lengths (including huge ones), bit flips, foreign magic
//! numbers, and empty or header-only files.

/// One damaged file.
pub struct Case {
    /// What was done, for failure messages: `photo.png truncated at 41`.
    pub name: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// A length field: where it is, how wide, and its byte order.
#[derive(Clone, Copy)]
struct LengthField {
    at: usize,
    width: usize,
    big_endian: bool,
}

/// Structure of one file: the offsets where its pieces start and its length fields.
#[derive(Default)]
struct Structure {
    boundaries: Vec<usize>,
    lengths: Vec<LengthField>,
}

fn be(data: &[u8], at: usize, width: usize) -> Option<u64> {
    let bytes = data.get(at..at + width)?;
    Some(bytes.iter().fold(0u64, |v, b| (v << 8) | u64::from(*b)))
}

fn le(data: &[u8], at: usize, width: usize) -> Option<u64> {
    let bytes = data.get(at..at + width)?;
    Some(
        bytes
            .iter()
            .rev()
            .fold(0u64, |v, b| (v << 8) | u64::from(*b)),
    )
}

fn jpeg(data: &[u8]) -> Structure {
    let mut s = Structure::default();
    for at in 0..data.len().saturating_sub(1) {
        let marker = data[at + 1];
        if data[at] != 0xFF || marker == 0x00 || marker == 0xFF {
            continue;
        }
        s.boundaries.push(at);
        let standalone = marker == 0x01 || (0xD0..=0xD9).contains(&marker);
        if !standalone {
            s.lengths.push(LengthField {
                at: at + 2,
                width: 2,
                big_endian: true,
            });
        }
    }
    s
}

fn png(data: &[u8]) -> Structure {
    let mut s = Structure::default();
    let mut at = 8;
    while let Some(len) = be(data, at, 4) {
        s.boundaries.extend([at, at + 8]);
        s.lengths.push(LengthField {
            at,
            width: 4,
            big_endian: true,
        });
        at += 12 + len as usize;
    }
    s.boundaries.push(at);
    s
}

fn webp(data: &[u8]) -> Structure {
    let mut s = Structure::default();
    s.lengths.push(LengthField {
        at: 4,
        width: 4,
        big_endian: false,
    });
    let mut at = 12;
    while let Some(len) = le(data, at + 4, 4) {
        s.boundaries.extend([at, at + 8]);
        s.lengths.push(LengthField {
            at: at + 4,
            width: 4,
            big_endian: false,
        });
        at += 8 + len as usize + (len as usize & 1);
    }
    s.boundaries.push(at);
    s
}

fn tiff(data: &[u8]) -> Structure {
    let mut s = Structure::default();
    let big = data.starts_with(b"MM");
    let read = |at, width| {
        if big {
            be(data, at, width)
        } else {
            le(data, at, width)
        }
    };
    s.boundaries.push(8);
    let mut ifd = read(4, 4).unwrap_or(0) as usize;
    s.lengths.push(LengthField {
        at: 4,
        width: 4,
        big_endian: big,
    });
    let mut seen = 0;
    while ifd != 0 && seen < 4 {
        seen += 1;
        let Some(count) = read(ifd, 2) else { break };
        s.boundaries.push(ifd);
        s.lengths.push(LengthField {
            at: ifd,
            width: 2,
            big_endian: big,
        });
        for entry in 0..count as usize {
            let at = ifd + 2 + entry * 12;
            s.boundaries.push(at);
            // The value count and the value/offset of each entry.
            for field in [at + 4, at + 8] {
                s.lengths.push(LengthField {
                    at: field,
                    width: 4,
                    big_endian: big,
                });
            }
            if let Some(offset) = read(at + 8, 4) {
                if (offset as usize) < data.len() {
                    s.boundaries.push(offset as usize);
                }
            }
        }
        let next = ifd + 2 + count as usize * 12;
        s.boundaries.push(next);
        ifd = read(next, 4).unwrap_or(0) as usize;
    }
    s
}

/// Boxes from `at` to `end`, descending into the containers HEIF keeps its items in.
fn isobmff_boxes(data: &[u8], mut at: usize, end: usize, s: &mut Structure) {
    while at + 8 <= end {
        let Some(size) = be(data, at, 4) else { return };
        s.boundaries.extend([at, at + 8]);
        s.lengths.push(LengthField {
            at,
            width: 4,
            big_endian: true,
        });
        let size = match size {
            0 => end - at,
            n => n as usize,
        };
        if size < 8 || at + size > end {
            return;
        }
        let kind = &data[at + 4..at + 8];
        let children = match kind {
            b"meta" | b"iref" => Some(at + 12),
            b"iprp" | b"ipco" | b"dinf" => Some(at + 8),
            b"iinf" => Some(at + 14),
            _ => None,
        };
        if let Some(first) = children {
            isobmff_boxes(data, first, at + size, s);
        }
        at += size;
    }
    s.boundaries.push(at);
}

/// A GIF's blocks and sub-blocks: every sub-block length byte, and the sizes of the screen and
/// of each frame.
fn gif(data: &[u8]) -> Structure {
    let mut s = Structure::default();
    let size = |at| LengthField {
        at,
        width: 2,
        big_endian: false,
    };
    s.lengths.extend([size(6), size(8)]);
    let table = |packed: u8| {
        if packed & 0x80 == 0 {
            0
        } else {
            3 << ((packed & 7) + 1)
        }
    };
    let mut at = 13 + data.get(10).map_or(0, |&p| table(p));
    while let Some(&introducer) = data.get(at) {
        s.boundaries.push(at);
        at = match introducer {
            0x2C => {
                s.lengths.extend([size(at + 5), size(at + 7)]);
                at + 10 + data.get(at + 9).map_or(0, |&p| table(p)) + 1
            }
            0x21 => at + 2,
            _ => break,
        };
        while let Some(&len) = data.get(at) {
            s.boundaries.push(at);
            s.lengths.push(LengthField {
                at,
                width: 1,
                big_endian: false,
            });
            at += 1 + len as usize;
            if len == 0 {
                break;
            }
        }
    }
    s.boundaries.push(at);
    s
}

/// A bitmap's headers: the file size, pixel offset, header size, width, height and (version 5)
/// the profile's offset and size.
fn bmp(data: &[u8]) -> Structure {
    let mut s = Structure::default();
    let field = |at| LengthField {
        at,
        width: 4,
        big_endian: false,
    };
    s.lengths
        .extend([2, 10, 14, 18, 22, 14 + 112, 14 + 116].map(field));
    let header = le(data, 14, 4).unwrap_or(0) as usize;
    let pixels = le(data, 10, 4).unwrap_or(0) as usize;
    let profile = 14 + le(data, 14 + 112, 4).unwrap_or(0) as usize;
    s.boundaries.extend([14, 14 + header, pixels, profile]);
    s
}

/// A Photoshop document's sections and each image resource's size field (all big-endian).
fn psd(data: &[u8]) -> Structure {
    let mut s = Structure::default();
    let field = |at| LengthField {
        at,
        width: 4,
        big_endian: true,
    };
    s.lengths.extend([14, 18].map(field)); // height, width
    let mut at = 26;
    s.boundaries.push(at);
    s.lengths.push(field(at));
    at += 4 + be(data, at, 4).unwrap_or(0) as usize;
    s.boundaries.push(at);
    s.lengths.push(field(at));
    let end = at + 4 + be(data, at, 4).unwrap_or(0) as usize;
    let mut r = at + 4;
    while r + 12 <= end.min(data.len()) {
        s.boundaries.push(r);
        let name = (1 + data[r + 6] as usize + 1) & !1;
        s.lengths.push(field(r + 6 + name));
        let size = be(data, r + 6 + name, 4).unwrap_or(0) as usize;
        r += 6 + name + 4 + size + (size & 1);
    }
    s.boundaries.push(end);
    s.lengths.push(field(end));
    s.boundaries
        .push(end + 4 + be(data, end, 4).unwrap_or(0) as usize);
    s
}

fn structure(name: &str, data: &[u8]) -> Structure {
    match name.rsplit('.').next() {
        Some("jpg") => jpeg(data),
        Some("gif") => gif(data),
        Some("bmp") => bmp(data),
        Some("png") => png(data),
        Some("webp") => webp(data),
        Some("tiff") => tiff(data),
        Some("psd") => psd(data),
        _ => {
            let mut s = Structure::default();
            isobmff_boxes(data, 0, data.len(), &mut s);
            s
        }
    }
}

fn write_length(bytes: &mut [u8], field: LengthField, value: u64) {
    for i in 0..field.width {
        let shift = 8 * if field.big_endian {
            field.width - 1 - i
        } else {
            i
        };
        if let Some(b) = bytes.get_mut(field.at + i) {
            *b = (value >> shift) as u8;
        }
    }
}

/// A small deterministic random sequence (xorshift), so that the corpus is the same every run.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Foreign headers written over the start of a file.
const MAGICS: &[(&str, &[u8])] = &[
    ("jpeg", &[0xFF, 0xD8, 0xFF, 0xE1]),
    ("png", b"\x89PNG\r\n\x1a\n"),
    ("tiff-le", b"II*\0"),
    ("tiff-be", b"MM\0*"),
    ("webp", b"RIFF\0\0\0\0WEBP"),
    ("heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"),
    ("nef", b"MM\0*\0\0\0\x08"),
    ("gif", b"GIF89a"),
    ("bmp", b"BM\0\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0"),
    ("jxl", b"\0\0\0\x0CJXL \r\n\x87\n"),
    ("jp2", b"\0\0\0\x0CjP  \r\n\x87\n"),
    ("psd", b"8BPS\0\x01\0\0\0\0\0\0\0\x03"),
    ("garbage", b"\0\x01\x02\x03"),
];

/// Every damaged variant of one good file.
pub fn damaged(name: &str, good: &[u8]) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut add = |what: String, bytes: Vec<u8>| {
        cases.push(Case {
            name: format!("{name} {what}"),
            bytes,
        })
    };
    let s = structure(name, good);
    let mut cuts: Vec<usize> = s
        .boundaries
        .iter()
        .flat_map(|&b| [b.saturating_sub(1), b, b + 1])
        .chain([0, 1, 2, 4, 8, 12, 16])
        .filter(|&b| b < good.len())
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    for cut in cuts {
        add(format!("truncated at {cut}"), good[..cut].to_vec());
    }
    for field in &s.lengths {
        let Some(original) = (if field.big_endian { be } else { le })(good, field.at, field.width)
        else {
            continue;
        };
        let max = if field.width == 1 {
            0xFF
        } else if field.width == 2 {
            0xFFFF
        } else {
            0xFFFF_FFFF
        };
        for value in [0, 1, original.saturating_sub(1), original + 1, max, max / 2] {
            if value == original {
                continue;
            }
            let mut bytes = good.to_vec();
            write_length(&mut bytes, *field, value);
            add(format!("length at {} set to {value}", field.at), bytes);
        }
    }
    let mut random = Xorshift(0x9E37_79B9_7F4A_7C15 ^ good.len() as u64);
    for _ in 0..48 {
        let at = (random.next() % good.len() as u64) as usize;
        let bit = random.next() % 8;
        let mut bytes = good.to_vec();
        bytes[at] ^= 1 << bit;
        add(format!("bit {bit} of byte {at} flipped"), bytes);
    }
    for at in 0..good.len().min(32) {
        let mut bytes = good.to_vec();
        bytes[at] ^= 0xFF;
        add(format!("byte {at} inverted"), bytes);
    }
    for (magic_name, magic) in MAGICS {
        let mut bytes = good.to_vec();
        let n = magic.len().min(bytes.len());
        bytes[..n].copy_from_slice(&magic[..n]);
        add(format!("with a {magic_name} header"), bytes);
        add(format!("{magic_name} header alone"), magic.to_vec());
    }
    add("empty".to_string(), Vec::new());
    let mut doubled = good.to_vec();
    doubled.extend_from_slice(good);
    add("twice in a row".to_string(), doubled);
    cases
}
