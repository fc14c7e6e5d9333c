//! Recognising image formats by their content, never by their file name.

use serde::Serialize;

/// An image container PhotoVeil understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    /// JPEG / JFIF / EXIF files.
    Jpeg,
    /// Portable Network Graphics.
    Png,
    /// WebP (RIFF container).
    Webp,
    /// TIFF, and the TIFF-based camera RAW formats (DNG, NEF, CR2, ARW, ...).
    Tiff,
    /// HEIF / HEIC, the default of most phones.
    Heif,
    /// AVIF (HEIF container with AV1 pictures).
    Avif,
    /// GIF (87a and 89a), also animated.
    Gif,
    /// Windows bitmap (BMP / DIB).
    Bmp,
    /// JPEG XL: a container of boxes, or a bare codestream.
    Jxl,
    /// JPEG 2000 in its JP2 container.
    Jp2,
}

/// The signature box that opens a JP2 (JPEG 2000) file.
pub const JP2_SIGNATURE: &[u8] = b"\0\0\0\x0CjP  \r\n\x87\n";

/// The signature box that opens a JPEG XL container.
pub const JXL_CONTAINER: &[u8] = b"\0\0\0\x0CJXL \r\n\x87\n";
/// The first bytes of a bare JPEG XL codestream (no container, so no metadata boxes).
pub const JXL_CODESTREAM: &[u8] = b"\xFF\x0A";

impl ImageFormat {
    /// Recognises the format from the first bytes of a file.
    pub fn sniff(head: &[u8]) -> Option<ImageFormat> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Some(ImageFormat::Jpeg);
        }
        if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(ImageFormat::Png);
        }
        if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
            return Some(ImageFormat::Webp);
        }
        if head.starts_with(b"II*\0")
            || head.starts_with(b"MM\0*")
            || raw_tiff_magic(head).is_some()
        {
            return Some(ImageFormat::Tiff);
        }
        if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
            return Some(ImageFormat::Gif);
        }
        if is_bmp(head) {
            return Some(ImageFormat::Bmp);
        }
        if head.starts_with(JXL_CONTAINER) || head.starts_with(JXL_CODESTREAM) {
            return Some(ImageFormat::Jxl);
        }
        if head.starts_with(JP2_SIGNATURE) {
            return Some(ImageFormat::Jp2);
        }
        if head.len() >= 12 && &head[4..8] == b"ftyp" {
            return sniff_ftyp(head);
        }
        None
    }

    /// The lower-case name used in reports and JSON.
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpeg",
            ImageFormat::Png => "png",
            ImageFormat::Webp => "webp",
            ImageFormat::Tiff => "tiff",
            ImageFormat::Heif => "heif",
            ImageFormat::Avif => "avif",
            ImageFormat::Gif => "gif",
            ImageFormat::Bmp => "bmp",
            ImageFormat::Jxl => "jxl",
            ImageFormat::Jp2 => "jp2",
        }
    }

    /// Whether face protection can write this format again (it decodes, changes and re-encodes
    /// the picture). GIF (a palette of 256 colours would undo the change, and an animation would
    /// need every frame changed), BMP, JPEG XL, JPEG 2000, HEIF and AVIF are only cleaned.
    pub fn protectable(self) -> bool {
        matches!(
            self,
            ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::Webp | ImageFormat::Tiff
        )
    }
}

/// "BM", then the file size, 4 reserved bytes and the pixel offset, then the size of one of the
/// known information headers (core 12, OS/2 16 or 64, 40, 52, 56, 108, 124 bytes): the two letters
/// alone start many text files.
fn is_bmp(head: &[u8]) -> bool {
    let Some(size) = head.get(14..18) else {
        return false;
    };
    let size = u32::from_le_bytes([size[0], size[1], size[2], size[3]]);
    head.starts_with(b"BM") && matches!(size, 12 | 16 | 40 | 52 | 56 | 64 | 108 | 124)
}

/// TIFF variants of camera makers that change the magic number (Panasonic RW2, Olympus ORF).
/// Returns the standard header to read them as TIFF.
pub fn raw_tiff_magic(head: &[u8]) -> Option<&'static [u8; 4]> {
    match head.get(..4)? {
        b"IIU\0" | b"IIRO" | b"IIRS" => Some(b"II*\0"),
        b"MMOR" => Some(b"MM\0*"),
        _ => None,
    }
}

/// Reads the major and compatible brands of an ISO-BMFF `ftyp` box.
fn sniff_ftyp(head: &[u8]) -> Option<ImageFormat> {
    let size = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
    // Not `clamp`: it panics when the file is shorter than 16 bytes (16 > head.len()).
    let end = size.max(16).min(head.len());
    let major = head.get(8..12)?;
    let compatible = head.get(16..end).unwrap_or_default();
    let brands = std::iter::once(major).chain(compatible.chunks_exact(4));
    let mut found = None;
    for brand in brands {
        match brand {
            b"avif" | b"avis" => return Some(ImageFormat::Avif),
            b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1" => {
                found = Some(ImageFormat::Heif)
            }
            _ => {}
        }
    }
    found
}

/// File-name extensions that promise an image; used only to tell a user that a file
/// named like a photo is not one (folders are otherwise walked by content).
pub fn has_image_extension(path: &std::path::Path) -> bool {
    const EXTENSIONS: &[&str] = &[
        "jpg", "jpeg", "jpe", "jfif", "png", "webp", "tif", "tiff", "dng", "heic", "heif", "hif",
        "avif", "nef", "cr2", "arw", "orf", "rw2", "pef", "srw", "gif", "bmp", "dib", "jxl", "jp2",
    ];
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(
            ImageFormat::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(ImageFormat::Jpeg)
        );
        assert_eq!(
            ImageFormat::sniff(b"\x89PNG\r\n\x1a\n...."),
            Some(ImageFormat::Png)
        );
        assert_eq!(
            ImageFormat::sniff(b"RIFF\0\0\0\0WEBPVP8 "),
            Some(ImageFormat::Webp)
        );
        assert_eq!(
            ImageFormat::sniff(b"II*\0\x08\0\0\0"),
            Some(ImageFormat::Tiff)
        );
        assert_eq!(
            ImageFormat::sniff(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"),
            Some(ImageFormat::Heif)
        );
        // Shorter than the brand list: the major brand alone decides, no panic.
        assert_eq!(
            ImageFormat::sniff(b"\0\0\0\x18ftypheic"),
            Some(ImageFormat::Heif)
        );
        assert_eq!(
            ImageFormat::sniff(b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf"),
            Some(ImageFormat::Avif)
        );
        assert_eq!(
            ImageFormat::sniff(b"\0\0\0\x18ftypisom\0\0\0\0isommp41"),
            None
        );
        assert_eq!(ImageFormat::sniff(b"GIF89a\x01\0"), Some(ImageFormat::Gif));
        assert_eq!(
            ImageFormat::sniff(b"BM\x46\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0"),
            Some(ImageFormat::Bmp)
        );
        // "BM" alone, or followed by an unknown header size, is text, not a bitmap.
        assert_eq!(ImageFormat::sniff(b"BMW owners club, 2024"), None);
        assert_eq!(ImageFormat::sniff(b"\xFF\x0A\xFA"), Some(ImageFormat::Jxl));
        assert_eq!(
            ImageFormat::sniff(b"\0\0\0\x0CJXL \r\n\x87\n\0\0\0\x14ftypjxl "),
            Some(ImageFormat::Jxl)
        );
        assert_eq!(
            ImageFormat::sniff(b"\0\0\0\x0CjP  \r\n\x87\n\0\0\0\x14ftypjp2 "),
            Some(ImageFormat::Jp2)
        );
        assert_eq!(ImageFormat::sniff(b"hello world"), None);
        assert_eq!(ImageFormat::sniff(b""), None);
    }
}
