//! The typed content of a workshop report: per photo what it revealed, the faces found and what
//! PhotoVeil did about it, with an optional small thumbnail. The binary turns these entries into
//! words (HTML, through the translations); nothing here is a sentence.

use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;

use crate::audit::{MediaItem, MediaKind, RankedMedia, Reason, Recommendation};
use crate::clean::{CleanReport, Kept};
use crate::error::{Error, Result};
use crate::finding::{Explanation, Finding};
use crate::format::ImageFormat;
use crate::map::GeoPoint;
use crate::protect::pipeline::{FaceAction, ProtectReport};
use crate::scan::{read_image, ScanReport};

/// Longest side of a report thumbnail, in pixels.
pub const THUMBNAIL_SIDE: u32 = 320;
/// JPEG quality of report thumbnails.
pub const THUMBNAIL_QUALITY: u8 = 80;

/// A small JPEG of the photo as displayed, freshly encoded: it carries no metadata at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thumbnail {
    /// The JPEG file's bytes (a JFIF header, no EXIF, XMP, ICC or comments).
    pub jpeg: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Makes a thumbnail of the photo at `path`, upright, fitting in `max_side` x `max_side`.
pub fn thumbnail_of_file(path: &Path, max_side: u32) -> Result<Thumbnail> {
    let (format, data) = read_image(path)?;
    thumbnail_of_bytes(format, &data, max_side)
}

/// Makes a thumbnail of a photo in memory, upright, fitting in `max_side` x `max_side` (never
/// enlarged).
pub fn thumbnail_of_bytes(format: ImageFormat, data: &[u8], max_side: u32) -> Result<Thumbnail> {
    let displayed = crate::decode::decode_displayed(format, data)?;
    let picture = &displayed.picture;
    let small = if picture.width() > max_side || picture.height() > max_side {
        picture.thumbnail(max_side, max_side)
    } else {
        picture.clone()
    };
    let rgb = small.to_rgb8();
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, THUMBNAIL_QUALITY)
        .encode_image(&rgb)
        .map_err(|e| Error::Decode(e.to_string()))?;
    Ok(Thumbnail {
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
}

/// How many faces a photo shows, and how many of them a face-swap tool could use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FaceCount {
    /// Faces found.
    pub found: usize,
    /// Faces large and frontal enough for a face swap.
    pub usable: usize,
}

/// What PhotoVeil did with a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Only scanned: nothing was changed.
    Scanned,
    /// A cleaned copy without the revealed metadata was written.
    Cleaned {
        /// The copy.
        output: PathBuf,
        /// What was kept on purpose (orientation, colour profile).
        kept: Vec<Kept>,
    },
    /// A protected copy was written: all metadata removed, faces cloaked or blurred.
    Protected {
        /// The copy.
        output: PathBuf,
        /// Faces cloaked.
        cloaked: usize,
        /// Faces blurred.
        blurred: usize,
        /// Faces left as they were (not chosen, or seen from the side).
        left: usize,
        /// Cloaked faces that the independent network no longer recognised after a simulated
        /// upload.
        verified: usize,
    },
    /// The photo could not be processed (see the entry's error).
    Failed,
}

/// What an audit of an account export says about one of its photos or videos.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditAdvice {
    /// Place in the ranking (1: helps an abuser most).
    pub position: usize,
    /// What to do about it.
    pub recommendation: Recommendation,
    /// Why.
    pub reasons: Vec<Reason>,
    /// When it was taken or posted, as the export says (seconds since 1970, UTC).
    pub date: Option<i64>,
    /// The album it is in.
    pub album: Option<String>,
    /// Its caption or description.
    pub caption: Option<String>,
    /// Whether it is a video (listed, not analysed).
    pub video: bool,
    /// A location the export writes beside it (not in the photo itself).
    pub location: Option<GeoPoint>,
    /// A tagged place's name, as the export gives it.
    pub place: Option<String>,
}

/// One photo of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoEntry {
    /// The photo's path (shown by its file name).
    pub path: PathBuf,
    /// Its format, when recognised.
    pub format: Option<ImageFormat>,
    /// Width in pixels, when known.
    pub width: Option<u32>,
    /// Height in pixels, when known.
    pub height: Option<u32>,
    /// A small picture of it, when wanted and decodable.
    pub thumbnail: Option<Thumbnail>,
    /// What the photo gives (or gave) away.
    pub revealed: Vec<Finding>,
    /// Faces, when they were looked for.
    pub faces: Option<FaceCount>,
    /// What was done.
    pub outcome: Outcome,
    /// Why the photo could not be processed (the core's message).
    pub error: Option<String>,
    /// The audit's ranking and advice, for photos of an audited export.
    pub advice: Option<AuditAdvice>,
}

impl PhotoEntry {
    /// The entry for a scanned photo.
    pub fn from_scan(report: &ScanReport) -> PhotoEntry {
        PhotoEntry {
            path: report.path.clone(),
            format: report.format,
            width: report.width,
            height: report.height,
            thumbnail: None,
            revealed: report.findings.clone(),
            faces: report.faces.as_ref().map(|faces| FaceCount {
                found: faces.len(),
                usable: faces.iter().filter(|f| f.usable).count(),
            }),
            outcome: outcome_or_failed(report.error.is_none(), || Outcome::Scanned),
            error: report.error.as_ref().map(ToString::to_string),
            advice: None,
        }
    }

    /// The entry for a cleaned photo: what the original revealed is what was removed.
    pub fn from_clean(report: &CleanReport) -> PhotoEntry {
        let outcome = match (&report.output, &report.error) {
            (Some(output), None) => Outcome::Cleaned {
                output: output.clone(),
                kept: report.kept.clone(),
            },
            _ => Outcome::Failed,
        };
        PhotoEntry {
            path: report.input.clone(),
            format: report.format,
            width: None,
            height: None,
            thumbnail: None,
            revealed: report.removed.clone(),
            faces: None,
            outcome,
            error: report.error.as_ref().map(ToString::to_string),
            advice: None,
        }
    }

    /// The entry for a protected photo; `revealed` are the findings of a scan of the original
    /// (the protected copy carries none of them).
    pub fn from_protect(report: &ProtectReport, revealed: Vec<Finding>) -> PhotoEntry {
        let count = |action: FaceAction| report.faces.iter().filter(|f| f.action == action).count();
        let outcome = match (&report.output, &report.error) {
            (Some(output), None) => Outcome::Protected {
                output: output.clone(),
                cloaked: count(FaceAction::Cloaked),
                blurred: count(FaceAction::Blurred),
                left: count(FaceAction::Left) + count(FaceAction::SideView),
                verified: report
                    .faces
                    .iter()
                    .filter(|f| {
                        f.action == FaceAction::Cloaked && f.measured.passed() == Some(true)
                    })
                    .count(),
            },
            _ => Outcome::Failed,
        };
        PhotoEntry {
            path: report.input.clone(),
            format: report.format,
            width: None,
            height: None,
            thumbnail: None,
            revealed,
            faces: Some(FaceCount {
                found: report.faces.len(),
                usable: report.faces.iter().filter(|f| f.usable).count(),
            }),
            outcome,
            error: report.error.as_ref().map(ToString::to_string),
            advice: None,
        }
    }

    /// The entry for a photo or video of an audited export, at `position` (from 1) in the
    /// ranking. Its path is its name inside the export.
    pub fn from_audit(position: usize, ranked: &RankedMedia, item: &MediaItem) -> PhotoEntry {
        let video = item.kind == MediaKind::Video;
        PhotoEntry {
            path: PathBuf::from(&item.entry),
            format: item.format,
            width: item.width,
            height: item.height,
            thumbnail: None,
            revealed: item.findings.clone(),
            faces: item.faces.as_ref().map(|faces| FaceCount {
                found: faces.len(),
                usable: faces.iter().filter(|f| f.face.usable).count(),
            }),
            outcome: outcome_or_failed(item.error.is_none(), || Outcome::Scanned),
            error: item.error.as_ref().map(ToString::to_string),
            advice: Some(AuditAdvice {
                position,
                recommendation: ranked.recommendation,
                reasons: ranked.reasons.clone(),
                date: item.context.date,
                album: item.context.album.clone(),
                caption: item.context.caption.clone(),
                video,
                location: item
                    .context
                    .location
                    .and_then(|l| GeoPoint::new(l.latitude, l.longitude)),
                place: item.context.place.clone(),
            }),
        }
    }

    /// Adds a thumbnail made from the photo's file (none when it cannot be decoded).
    pub fn with_thumbnail_from_file(mut self) -> PhotoEntry {
        self.thumbnail = thumbnail_of_file(&self.path, THUMBNAIL_SIDE).ok();
        self
    }

    /// The GPS positions the photo revealed, as signed decimal degrees (latitude, longitude).
    pub fn gps_positions(&self) -> Vec<(f64, f64)> {
        self.revealed
            .iter()
            .filter(|f| f.explanation == Explanation::GpsPosition)
            .filter_map(|f| GeoPoint::parse(&f.value))
            .map(|p| (p.lat, p.lon))
            .collect()
    }
}

fn outcome_or_failed(ok: bool, outcome: impl FnOnce() -> Outcome) -> Outcome {
    if ok {
        outcome()
    } else {
        Outcome::Failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Category, Severity};

    #[test]
    fn thumbnails_are_small_upright_and_carry_no_metadata() {
        let spec = photoveil_fixtures::JpegSpec {
            orientation: None,
            ..Default::default()
        };
        let jpeg = photoveil_fixtures::jpeg(800, 600, spec);
        let (_, _, before) = crate::scan_bytes(&jpeg).unwrap();
        assert!(!before.is_empty());
        let thumb = thumbnail_of_bytes(ImageFormat::Jpeg, &jpeg, THUMBNAIL_SIDE).unwrap();
        assert_eq!((thumb.width, thumb.height), (320, 240));
        // A photo recorded sideways (orientation 6) gets an upright thumbnail.
        let rotated = photoveil_fixtures::jpeg(800, 600, Default::default());
        let upright = thumbnail_of_bytes(ImageFormat::Jpeg, &rotated, THUMBNAIL_SIDE).unwrap();
        assert_eq!((upright.width, upright.height), (240, 320));
        let (format, inspection, findings) = crate::scan_bytes(&thumb.jpeg).unwrap();
        assert_eq!(format, ImageFormat::Jpeg);
        assert_eq!(
            (inspection.width, inspection.height),
            (Some(320), Some(240))
        );
        assert!(findings.is_empty(), "{findings:?}");
        // Small pictures are not enlarged.
        let small = photoveil_fixtures::plain_jpeg(100, 50, 90);
        let thumb = thumbnail_of_bytes(ImageFormat::Jpeg, &small, THUMBNAIL_SIDE).unwrap();
        assert_eq!((thumb.width, thumb.height), (100, 50));
    }

    #[test]
    fn gps_positions_are_read_from_findings() {
        let entry = PhotoEntry {
            path: PathBuf::from("a.jpg"),
            format: None,
            width: None,
            height: None,
            thumbnail: None,
            revealed: vec![
                Finding::new(
                    Category::Location,
                    "EXIF:GPSPosition",
                    "37.320000, -121.940000",
                    Severity::High,
                    Explanation::GpsPosition,
                ),
                Finding::new(
                    Category::Location,
                    "XMP:exif:GPSLatitude",
                    "not a position",
                    Severity::High,
                    Explanation::GpsPosition,
                ),
            ],
            faces: None,
            outcome: Outcome::Scanned,
            error: None,
            advice: None,
        };
        assert_eq!(entry.gps_positions(), vec![(37.32, -121.94)]);
    }

    #[test]
    fn a_cleaned_photo_lists_what_was_removed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("a.jpg");
        std::fs::write(
            &original,
            photoveil_fixtures::jpeg(64, 48, Default::default()),
        )
        .unwrap();
        let options = crate::CleanOptions {
            out_dir: dir.path().join("out"),
            pixel_check: crate::verify::PixelCheck::Fast,
        };
        let entry = PhotoEntry::from_clean(&crate::clean_file(&original, &options));
        assert!(entry.error.is_none(), "{:?}", entry.error);
        assert_eq!(entry.gps_positions(), vec![(37.32, -121.94)]);
        match &entry.outcome {
            Outcome::Cleaned { output, kept } => {
                assert!(output.is_file());
                assert!(kept.contains(&Kept::Orientation(6)), "{kept:?}");
            }
            other => panic!("{other:?}"),
        }
        let missing =
            PhotoEntry::from_clean(&crate::clean_file(&dir.path().join("no.jpg"), &options));
        assert_eq!(missing.outcome, Outcome::Failed);
        assert!(missing.error.is_some());
    }
}
