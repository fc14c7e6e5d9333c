//! Image containers: where each format keeps its metadata, and how to remove it without touching
//! the picture.

mod bmp;
mod carried;
pub(crate) mod gif;
pub(crate) mod isobmff;
mod jp2;
mod jpeg;
mod jxl;
pub(crate) mod maker_raw;
mod png;
mod pnm;
mod psd;
pub(crate) mod tiff;
mod webp;

use bytes::Bytes;

use crate::error::Result;
use crate::format::ImageFormat;
use crate::meta::Payloads;

pub use carried::{CleanMethod, Kept};

/// What a container holds, before any metadata is interpreted.
#[derive(Debug, Default)]
pub struct Inspection {
    /// Picture width in pixels, when the container states it.
    pub width: Option<u32>,
    /// Picture height in pixels, when the container states it.
    pub height: Option<u32>,
    /// Metadata payloads and container-level findings.
    pub payloads: Payloads,
    /// True for camera RAW files, which PhotoVeil scans but does not rewrite.
    pub is_raw: bool,
    /// For formats cleaned without re-encoding: the bytes a decoder reads to draw the picture, in
    /// order (pieces share the file's buffer). Two files whose pieces concatenate to the same
    /// bytes show the same pixels.
    pub picture: Option<Vec<bytes::Bytes>>,
}

/// True when two lists of pieces concatenate to the same bytes.
pub fn same_pieces(a: &[bytes::Bytes], b: &[bytes::Bytes]) -> bool {
    let total = |p: &[bytes::Bytes]| p.iter().map(|x| x.len()).sum::<usize>();
    if total(a) != total(b) {
        return false;
    }
    let (mut ia, mut ib) = (
        a.iter().flat_map(|p| p.chunks(1 << 16)),
        b.iter().flat_map(|p| p.chunks(1 << 16)),
    );
    let (mut ca, mut cb): (&[u8], &[u8]) = (&[], &[]);
    loop {
        if ca.is_empty() {
            ca = ia.next().unwrap_or_default();
        }
        if cb.is_empty() {
            cb = ib.next().unwrap_or_default();
        }
        if ca.is_empty() || cb.is_empty() {
            return ca.is_empty() && cb.is_empty();
        }
        let n = ca.len().min(cb.len());
        if ca[..n] != cb[..n] {
            return false;
        }
        ca = &ca[n..];
        cb = &cb[n..];
    }
}

/// A cleaned file, still in memory.
#[derive(Debug)]
pub struct Cleaned {
    /// The bytes of the cleaned file.
    pub bytes: Vec<u8>,
    /// What was deliberately kept.
    pub kept: Vec<Kept>,
    /// How the picture data was carried over.
    pub method: CleanMethod,
}

/// Locates the metadata of a file of a known format.
pub fn inspect(format: ImageFormat, data: &Bytes) -> Result<Inspection> {
    match format {
        ImageFormat::Jpeg => jpeg::inspect(data),
        ImageFormat::Png => png::inspect(data),
        ImageFormat::Webp => webp::inspect(data),
        ImageFormat::Tiff => tiff::inspect(data),
        ImageFormat::Heif | ImageFormat::Avif => isobmff::inspect(format, data),
        ImageFormat::Gif => gif::inspect(data),
        ImageFormat::Bmp => bmp::inspect(data),
        ImageFormat::Jxl => jxl::inspect(data),
        ImageFormat::Jp2 => jp2::inspect(data),
        ImageFormat::Psd => psd::inspect(data),
        ImageFormat::Pnm => pnm::inspect(data),
        ImageFormat::CameraRaw => maker_raw::inspect(data),
    }
}

/// Writes a copy without the metadata, keeping orientation and colour information.
pub fn clean(format: ImageFormat, data: &Bytes, inspection: &Inspection) -> Result<Cleaned> {
    let orientation = inspection.payloads.orientation().filter(|&o| o != 1);
    match format {
        ImageFormat::Jpeg => jpeg::clean(data, orientation),
        ImageFormat::Png => png::clean(data, orientation),
        ImageFormat::Webp => webp::clean(data, orientation),
        ImageFormat::Tiff => tiff::clean(data, inspection),
        ImageFormat::Heif | ImageFormat::Avif => isobmff::clean(format, data),
        ImageFormat::Gif => gif::clean(data),
        ImageFormat::Bmp => bmp::clean(data),
        ImageFormat::Jxl => jxl::clean(data),
        ImageFormat::Jp2 => jp2::clean(data),
        ImageFormat::Psd => psd::clean(data),
        ImageFormat::Pnm => pnm::clean(data),
        ImageFormat::CameraRaw => maker_raw::clean(data, inspection),
    }
}

/// A TIFF-structured EXIF block holding only the Orientation tag, for formats that keep the
/// picture's rotation in EXIF.
pub fn orientation_only_exif(orientation: u16) -> Vec<u8> {
    use ::exif::{experimental::Writer, Field, In, Tag, Value};
    let field = Field {
        tag: Tag::Orientation,
        ifd_num: In::PRIMARY,
        value: Value::Short(vec![orientation]),
    };
    let mut writer = Writer::new();
    writer.push_field(&field);
    let mut out = std::io::Cursor::new(Vec::new());
    // Writing one SHORT into memory cannot fail; fall back to no EXIF if it ever did.
    match writer.write(&mut out, false) {
        Ok(()) => out.into_inner(),
        Err(_) => Vec::new(),
    }
}
