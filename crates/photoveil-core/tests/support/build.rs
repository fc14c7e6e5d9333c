//! Hand-built file structures for the limit tests: PNG chunks, JPEG segments, TIFF directories.

use photoveil_fixtures as fx;

/// A PNG chunk with its CRC.
pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    chunk.extend_from_slice(kind);
    chunk.extend_from_slice(data);
    let mut crc = flate2::Crc::new();
    crc.update(&chunk[4..]);
    chunk.extend_from_slice(&crc.sum().to_be_bytes());
    chunk
}

/// A small valid PNG with `extra` chunks inserted after IHDR.
pub fn png_with(extra: &[Vec<u8>]) -> Vec<u8> {
    let plain = fx::png(8, 8, None);
    let split = 8 + 25;
    let mut out = plain[..split].to_vec();
    for chunk in extra {
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&plain[split..]);
    out
}

/// A PNG signature, an IHDR claiming `width` x `height` RGB pixels, one tiny IDAT and IEND.
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(png_chunk(b"IHDR", &ihdr));
    png.extend(png_chunk(b"IDAT", &zlib(&[0u8; 4096])));
    png.extend(png_chunk(b"IEND", &[]));
    png
}

/// Zlib-compressed bytes.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).expect("compress in memory");
    encoder.finish().expect("compress in memory")
}

/// A small JPEG with an APP1 EXIF segment holding `tiff` (a TIFF-structured EXIF block).
pub fn jpeg_with_exif(tiff: &[u8]) -> Vec<u8> {
    let plain = fx::plain_jpeg(8, 8, 80);
    let mut body = b"Exif\0\0".to_vec();
    body.extend_from_slice(tiff);
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&plain[2..]);
    out
}

/// One 12-byte little-endian IFD entry.
pub fn entry(tag: u16, kind: u16, count: u32, value: u32) -> Vec<u8> {
    let mut e = tag.to_le_bytes().to_vec();
    e.extend_from_slice(&kind.to_le_bytes());
    e.extend_from_slice(&count.to_le_bytes());
    e.extend_from_slice(&value.to_le_bytes());
    e
}

/// A little-endian TIFF whose directories are given as (entries, next-IFD offset), laid out
/// one after the other from offset 8.
pub fn tiff(ifds: &[(Vec<Vec<u8>>, u32)]) -> Vec<u8> {
    let mut out = b"II*\0\x08\0\0\0".to_vec();
    for (entries, next) in ifds {
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        for e in entries {
            out.extend_from_slice(e);
        }
        out.extend_from_slice(&next.to_le_bytes());
    }
    out
}

/// Size in bytes of a directory with `entries` entries.
pub fn ifd_len(entries: usize) -> u32 {
    (2 + 12 * entries + 4) as u32
}

fn iso_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    b.extend_from_slice(kind);
    b.extend_from_slice(body);
    b
}

/// A minimal HEIF: `ftyp`, a `meta` box with `count` items of type `kind` (ids 1..=count), each
/// located by `iloc` at `extent(i)` = (offset into the `mdat` payload, length), and an `mdat` box
/// holding `payload`.
pub fn heif_with_items(
    count: u16,
    kind: &[u8; 4],
    extent: impl Fn(u16) -> (u32, u32),
    payload: &[u8],
) -> Vec<u8> {
    let ftyp = iso_box(b"ftyp", b"heic\0\0\0\0mif1heic");
    let mut iinf = vec![0, 0, 0, 0];
    iinf.extend_from_slice(&count.to_be_bytes());
    for id in 1..=count {
        let mut infe = vec![2, 0, 0, 0];
        infe.extend_from_slice(&id.to_be_bytes());
        infe.extend_from_slice(&[0, 0]);
        infe.extend_from_slice(kind);
        infe.push(0);
        iinf.extend(iso_box(b"infe", &infe));
    }
    let iinf = iso_box(b"iinf", &iinf);
    // iloc version 1: 4-byte offsets and lengths, no base offset, no extent index.
    let iloc_len = 8 + 4 + 2 + 2 + 16 * usize::from(count);
    let meta_len = 8 + 4 + iinf.len() + iloc_len;
    let mdat_start = (ftyp.len() + meta_len + 8) as u32;
    let mut iloc = vec![1, 0, 0, 0, 0x44, 0x00];
    iloc.extend_from_slice(&count.to_be_bytes());
    for id in 1..=count {
        let (offset, length) = extent(id);
        iloc.extend_from_slice(&id.to_be_bytes());
        iloc.extend_from_slice(&[0, 0, 0, 0, 0, 1]);
        iloc.extend_from_slice(&(mdat_start + offset).to_be_bytes());
        iloc.extend_from_slice(&length.to_be_bytes());
    }
    let iloc = iso_box(b"iloc", &iloc);
    let mut meta = vec![0, 0, 0, 0];
    meta.extend(iinf);
    meta.extend(iloc);
    let meta = iso_box(b"meta", &meta);
    assert_eq!(meta.len(), meta_len);
    let mut out = ftyp;
    out.extend(meta);
    out.extend(iso_box(b"mdat", payload));
    out
}
