//! Kyocera RAW (Contax N Digital), cleaned in place (the same length, nothing moved). The file is
//! a fixed 156-byte header, then the sensor data (exiftool's `KyoceraRaw.pm`). The header's
//! strings are written backwards: firmware version (0x01), model (0x0c), make (0x19,
//! `ARECOYK`), the date and time the photo was taken (0x21, 20 bytes); then numbers: ISO,
//! exposure time, white balance, aperture, focal length, and the lens's name (0x7c).
//!
//! Only the date is personal: it is reported and zeroed. Kept, because a converter needs them or
//! they tell nothing about a person: make and model (the camera's decoder and colour), the
//! firmware version, exposure, ISO, white balance, aperture, focal length and lens name. Every
//! byte other than the date, the sensor data included, is the picture verification compares.

use bytes::Bytes;

use super::super::{CleanMethod, Cleaned, Inspection, Kept};
use crate::error::{Error, Result};
use crate::finding::{Category, Explanation, Finding, Severity};
use crate::format::ImageFormat;
use crate::meta::Payloads;

/// Length of the header before the sensor data.
const HEADER: usize = 156;
/// Where the date and time the photo was taken lie (written backwards).
const DATE: std::ops::Range<usize> = 0x21..0x35;

/// The date the photo was taken, read forwards, if the header holds one.
fn date(data: &[u8]) -> Result<Option<String>> {
    if data.len() < HEADER || data.get(0x19..0x20) != Some(b"ARECOYK") {
        return Err(Error::corrupt(
            ImageFormat::CameraRaw,
            "the Kyocera RAW header is shorter than 156 bytes",
        ));
    }
    let mut text: Vec<u8> = data[DATE].to_vec();
    text.reverse();
    let text = String::from_utf8_lossy(&text);
    let text = text.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    Ok((!text.is_empty()).then(|| text.to_string()))
}

/// Finds the date in a Kyocera RAW file.
pub(super) fn inspect(data: &Bytes) -> Result<Inspection> {
    let mut payloads = Payloads::default();
    if let Some(date) = date(data)? {
        payloads.container_findings.push(Finding::new(
            Category::Time,
            "Kyocera:DateTimeOriginal",
            date,
            Severity::Medium,
            Explanation::DateTaken,
        ));
    }
    Ok(Inspection {
        payloads,
        is_raw: true,
        picture: Some(vec![data.slice(..DATE.start), data.slice(DATE.end..)]),
        ..Inspection::default()
    })
}

/// Writes a copy of a Kyocera RAW file with its date zeroed.
pub(super) fn clean(data: &Bytes, _inspection: &Inspection) -> Result<Cleaned> {
    date(data)?;
    let mut out = data.to_vec();
    out[DATE].fill(0);
    Ok(Cleaned {
        bytes: out,
        kept: vec![Kept::CameraDetails],
        method: CleanMethod::Lossless,
    })
}
