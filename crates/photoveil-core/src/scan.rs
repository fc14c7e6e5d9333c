//! Scanning: what one photo gives away.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bytes::Bytes;
use serde::Serialize;

use crate::container::{self, Inspection};
use crate::error::{Error, Result};
use crate::face_cache::FaceCache;
use crate::finding::Finding;
use crate::format::ImageFormat;
use crate::limits::MAX_FILE_BYTES;

/// The result of scanning one file.
#[derive(Debug, Serialize)]
pub struct ScanReport {
    /// The file.
    pub path: PathBuf,
    /// Its format, when recognised.
    pub format: Option<ImageFormat>,
    /// Picture width in pixels, when known.
    pub width: Option<u32>,
    /// Picture height in pixels, when known.
    pub height: Option<u32>,
    /// Everything found, most revealing categories first as found.
    pub findings: Vec<Finding>,
    /// Faces found in the picture as displayed, when they were looked for and the picture could
    /// be decoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub faces: Option<Vec<crate::faces::Face>>,
    /// Why the file could not be scanned.
    pub error: Option<Error>,
}

impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads a file that should be an image: its format is recognised from the first bytes before
/// the rest is read, and files over the size limit are refused.
pub fn read_image(path: &Path) -> Result<(ImageFormat, Vec<u8>)> {
    let mut file = std::fs::File::open(path).map_err(Error::read)?;
    let len = file.metadata().map_err(Error::read)?.len();
    if len == 0 {
        return Err(Error::Empty);
    }
    if len > MAX_FILE_BYTES {
        return Err(Error::FileTooLarge {
            bytes: len,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut head = [0u8; 64];
    let mut got = 0;
    while got < head.len() {
        match file.read(&mut head[got..]).map_err(Error::read)? {
            0 => break,
            n => got += n,
        }
    }
    let format = ImageFormat::sniff(&head[..got]).ok_or_else(|| not_an_image(&head[..got]))?;
    let mut data = Vec::with_capacity(len as usize);
    data.extend_from_slice(&head[..got]);
    file.take(MAX_FILE_BYTES)
        .read_to_end(&mut data)
        .map_err(Error::read)?;
    Ok((format, data))
}

/// Why a file that is not a supported image is refused: a camera RAW file in a container of
/// the maker's own (CR3, RAF) is named as such.
fn not_an_image(head: &[u8]) -> Error {
    match crate::format::unread_raw(head) {
        Some(family) => Error::RawNotCleaned {
            family,
            why: crate::error::RawRefusal::ContainerNotRead,
        },
        None => Error::NotAnImage,
    }
}

/// Scans bytes already in memory.
pub fn scan_bytes(data: &[u8]) -> Result<(ImageFormat, Inspection, Vec<Finding>)> {
    scan_shared(&Bytes::copy_from_slice(data))
}

/// Scans a shared buffer; the inspection's pieces point into it without copying.
pub fn scan_shared(data: &Bytes) -> Result<(ImageFormat, Inspection, Vec<Finding>)> {
    if data.is_empty() {
        return Err(Error::Empty);
    }
    let format = ImageFormat::sniff(data).ok_or_else(|| not_an_image(data))?;
    let inspection = container::inspect(format, data)?;
    let findings = inspection.payloads.findings();
    Ok((format, inspection, findings))
}

/// Scans one file. Errors are part of the report, never a panic.
pub fn scan_file(path: &Path) -> ScanReport {
    scan_file_with(path, None)
}

/// Scans one file and, with a detector, also looks for faces in the picture as displayed. A
/// picture this build cannot decode (HEIF, AVIF, damaged data) is still scanned for metadata;
/// its `faces` stay `None`.
pub fn scan_file_with(
    path: &Path,
    detector: Option<&photoveil_nn::blazeface::BlazeFace>,
) -> ScanReport {
    scan_file_timed(path, detector, None).0
}

/// Where one file's scan spent its time (for the scan bench).
#[derive(Debug, Clone, Copy, Default)]
pub struct ScanTimes {
    /// Reading the file and scanning its metadata.
    pub metadata: Duration,
    /// Decoding the picture for the face detector.
    pub decode: Duration,
    /// Running the face detector.
    pub detect: Duration,
    /// Whether the faces came from the face cache (no decoding, no detection).
    pub cached: bool,
}

/// [`scan_file_with`], taking the faces of a photo seen before from `cache` (and remembering
/// new ones there), and saying where the time went.
pub fn scan_file_timed(
    path: &Path,
    detector: Option<&photoveil_nn::blazeface::BlazeFace>,
    cache: Option<&FaceCache>,
) -> (ScanReport, ScanTimes) {
    let mut times = ScanTimes::default();
    let mut report = ScanReport {
        path: path.to_path_buf(),
        format: None,
        width: None,
        height: None,
        findings: Vec::new(),
        faces: None,
        error: None,
    };
    let started = Instant::now();
    let result = read_image(path).and_then(|(format, data)| {
        report.format = Some(format);
        let data = Bytes::from(data);
        let scanned = scan_shared(&data)?;
        times.metadata = started.elapsed();
        if let Some(detector) = detector {
            // The metadata scan stands even when the picture cannot be decoded (damaged data,
            // HEIF): then faces are not reported rather than the whole scan failing.
            let key = cache.map(|_| FaceCache::content_key(&data));
            if let (Some(cache), Some(key)) = (cache, &key) {
                report.faces = cache.get(key);
                times.cached = report.faces.is_some();
            }
            if !times.cached {
                let started = Instant::now();
                let decoded = crate::faces::decode_for_faces(format, &data).ok();
                times.decode = started.elapsed();
                let started = Instant::now();
                report.faces =
                    decoded.and_then(|d| crate::faces::find_faces_in_reduced(detector, &d).ok());
                times.detect = started.elapsed();
                if let (Some(cache), Some(key), Some(faces)) = (cache, key, &report.faces) {
                    cache.put(key, faces);
                }
            }
        }
        Ok(scanned)
    });
    if times.metadata.is_zero() {
        times.metadata = started.elapsed();
    }
    match result {
        Ok((_, inspection, findings)) => {
            report.width = inspection.width;
            report.height = inspection.height;
            report.findings = findings;
        }
        Err(e) => report.error = Some(e),
    }
    (report, times)
}
