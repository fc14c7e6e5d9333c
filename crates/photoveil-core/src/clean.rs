//! Cleaning: a copy of each photo without what it gives away, verified before it is kept.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::container;
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::format::ImageFormat;
use crate::output::write_new;
use bytes::Bytes;

use crate::scan::{read_image, scan_shared};
use crate::verify::{verify_clean, PixelCheck, Verification};

pub use crate::container::{CleanMethod, Kept};

/// Options for cleaning.
#[derive(Debug, Clone)]
pub struct CleanOptions {
    /// Folder that receives the copies (created if missing).
    pub out_dir: PathBuf,
    /// How thoroughly to compare the copy's picture with the original's.
    pub pixel_check: PixelCheck,
}

/// The result of cleaning one file.
#[derive(Debug, Serialize)]
pub struct CleanReport {
    /// The original, never modified.
    pub input: PathBuf,
    /// The cleaned copy, when one was written.
    pub output: Option<PathBuf>,
    /// The format of both.
    pub format: Option<ImageFormat>,
    /// How the picture was carried over.
    pub method: Option<CleanMethod>,
    /// What was kept on purpose.
    pub kept: Vec<Kept>,
    /// What the original gave away and the copy no longer does.
    pub removed: Vec<Finding>,
    /// How the copy was verified.
    pub verification: Option<Verification>,
    /// Why no copy was written.
    pub error: Option<Error>,
}

/// A cleaned file in memory with everything known about it.
pub struct CleanedBytes {
    /// Format of input and output.
    pub format: ImageFormat,
    /// The copy's bytes.
    pub bytes: Bytes,
    /// What the copy keeps.
    pub kept: Vec<Kept>,
    /// How the picture was carried over.
    pub method: CleanMethod,
    /// What the original gave away.
    pub removed: Vec<Finding>,
    /// How the copy was verified.
    pub verification: Verification,
}

/// The findings a RAW file cleaned in place keeps on purpose ([`Kept::CameraDetails`]): the
/// camera's make and model, DNG's UniqueCameraModel (tag 0xC614), the lens model and the maker
/// note (CR2 keeps it with its serial numbers and names blanked), which converters read to
/// choose the camera's profile, decoder and lens corrections.
const CAMERA_DETAIL_TAGS: &[&str] = &[
    "EXIF:Make",
    "EXIF:Model",
    "EXIF:0xC614",
    "EXIF:LensModel",
    "EXIF:MakerNote",
];

/// Whether a fresh scan's `finding` in a copy that keeps `kept` is there on purpose (the camera
/// details an in-place RAW copy keeps for converters) rather than left behind.
pub fn kept_on_purpose(kept: &[Kept], finding: &Finding) -> bool {
    kept.contains(&Kept::CameraDetails) && CAMERA_DETAIL_TAGS.contains(&finding.tag.as_str())
}

/// Cleans and verifies bytes in memory; writes nothing.
pub fn clean_bytes(data: &[u8], check: PixelCheck) -> Result<CleanedBytes> {
    clean_shared(&Bytes::copy_from_slice(data), check)
}

/// Cleans and verifies a shared buffer; writes nothing.
pub fn clean_shared(data: &Bytes, check: PixelCheck) -> Result<CleanedBytes> {
    let (format, inspection, removed) = scan_shared(data)?;
    let cleaned = container::clean(format, data, &inspection)?;
    let bytes = Bytes::from(cleaned.bytes);
    let mut verification = verify_clean(format, data, &inspection, &bytes, check)?;
    // Kept on purpose and said so (`Kept::CameraDetails`), not left behind.
    verification
        .residual
        .retain(|f| !kept_on_purpose(&cleaned.kept, f));
    Ok(CleanedBytes {
        format,
        bytes,
        kept: cleaned.kept,
        method: cleaned.method,
        removed,
        verification,
    })
}

/// Cleans one file into `options.out_dir`, under the same name (numbered if taken). The original
/// is only read. Nothing is written when cleaning or verification fails.
pub fn clean_file(path: &Path, options: &CleanOptions) -> CleanReport {
    let mut report = CleanReport {
        input: path.to_path_buf(),
        output: None,
        format: None,
        method: None,
        kept: Vec::new(),
        removed: Vec::new(),
        verification: None,
        error: None,
    };
    let result = read_image(path).and_then(|(format, data)| {
        report.format = Some(format);
        let cleaned = clean_shared(&Bytes::from(data), options.pixel_check)?;
        let name = path.file_name().ok_or(Error::NotAnImage)?;
        let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
        let output = write_new(&options.out_dir, name, &cleaned.bytes, permissions)?;
        Ok((cleaned, output))
    });
    match result {
        Ok((cleaned, output)) => {
            report.output = Some(output);
            report.method = Some(cleaned.method);
            report.kept = cleaned.kept;
            report.removed = cleaned.removed;
            report.verification = Some(cleaned.verification);
        }
        Err(e) => report.error = Some(e),
    }
    report
}
