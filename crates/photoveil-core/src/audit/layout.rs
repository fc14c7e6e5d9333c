//! Recognising what kind of export this is and what the export says about each media file: the
//! post or album it belongs to, its date, its caption, and any location written beside it.
//!
//! - Instagram "Download your information": `your_instagram_activity/content/posts_1.json` (older
//!   exports: `content/posts_1.json`), `stories.json`, `profile_photos.json`, `reels.json`,
//!   `archived_posts.json`; media under `media/posts/YYYYMM/`. The HTML variant has no JSON: media
//!   are mapped by their folders.
//! - Facebook "Download your information": `your_facebook_activity/posts/
//!   your_posts__check_ins__photos_and_videos_1.json`, `posts/album/*.json` (`name`, `photos`),
//!   older `posts/your_posts_1.json` and `photos_and_videos/album/*.json`.
//! - Google Takeout: `Takeout/Google Photos/<album>/<photo>` with a sidecar `<photo>.json` or
//!   `<photo>.supplemental-metadata.json` (names cut short in long ones) and the album's
//!   `metadata.json`.
//!
//! Facebook and Instagram write text as UTF-8 bytes escaped one by one as `\u00XX`; such strings
//! are repaired.

use std::cell::Cell;
use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::archive::{Entry, Export, SkippedEntry};
use super::error::EntryProblem;
use super::progress::Progress;
use crate::controller::Controller;

mod social;
mod takeout;

/// The kind of export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// Instagram "Download your information" (JSON or HTML).
    Instagram,
    /// Facebook "Download your information" (JSON or HTML).
    Facebook,
    /// Google Takeout of Google Photos.
    GoogleTakeout,
    /// Any other folder or ZIP of photos.
    Plain,
}

/// Where a media file was shared, as far as the export says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Placement {
    /// A post (or reel) on the profile.
    Post,
    /// A story.
    Story,
    /// A profile or cover photo.
    ProfilePhoto,
    /// A posted album.
    Album,
    /// Archived: hidden from others by its owner.
    Archived,
    /// In the owner's photo library (Google Photos), not published by the export's account.
    Library,
    /// The export does not say.
    Unknown,
}

impl Placement {
    /// Whether others can see it on the service.
    pub fn is_public(self) -> bool {
        matches!(
            self,
            Placement::Post | Placement::Story | Placement::ProfilePhoto | Placement::Album
        )
    }
}

/// Which file gave a location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocationSource {
    /// A Google Takeout sidecar's `geoData` (or `geoDataExif`).
    TakeoutSidecar,
    /// The place tagged on a Facebook or Instagram post.
    TaggedPlace,
    /// The EXIF data a service kept in its own JSON (`media_metadata`).
    ServiceMetadata,
}

/// A location written in the export beside a photo (not in the photo itself).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SidecarLocation {
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
    /// Where it was found.
    pub source: LocationSource,
}

/// What the export says about one media file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MediaContext {
    /// Where it was shared.
    pub placement: Option<Placement>,
    /// The album's name.
    pub album: Option<String>,
    /// When it was taken or posted (seconds since 1970, UTC).
    pub date: Option<i64>,
    /// The caption or description.
    pub caption: Option<String>,
    /// A tagged place's name.
    pub place: Option<String>,
    /// A location written beside the photo.
    pub location: Option<SidecarLocation>,
    /// People named beside the photo (Google Photos face groups).
    pub people: Vec<String>,
    /// The export file that said this.
    pub described_by: Option<String>,
}

/// Largest export JSON file that is parsed.
const MAX_JSON_BYTES: u64 = 64 << 20;

/// Recognises the kind of export from its file names.
pub fn detect<'a>(names: impl Iterator<Item = &'a str>) -> Layout {
    let mut layout = Layout::Plain;
    for name in names {
        let n = format!("/{name}");
        if n.contains("/Google Photos/") || n.contains("/Google Fotos/") {
            return Layout::GoogleTakeout;
        }
        if n.contains("/your_facebook_activity/")
            || n.contains("/photos_and_videos/")
            || n.contains("/posts/your_posts")
        {
            return Layout::Facebook;
        }
        if n.contains("/your_instagram_activity/")
            || n.ends_with("/content/posts_1.json")
            || n.contains("/media/posts/")
            || n.contains("/media/stories/")
        {
            layout = Layout::Instagram;
        }
    }
    layout
}

/// Whether a name says it is a video.
pub fn is_video_name(name: &str) -> bool {
    has_extension(name, &["mp4", "mov", "m4v", "3gp", "webm", "avi", "mkv"])
}

/// Whether a name says it is a photo.
pub fn is_photo_name(name: &str) -> bool {
    has_extension(
        name,
        &[
            "jpg", "jpeg", "jpe", "jfif", "png", "webp", "tif", "tiff", "heic", "heif", "avif",
            "dng", "gif",
        ],
    )
}

/// Whether a name says it is one of the export's own documents (never a photo).
pub fn is_document_name(name: &str) -> bool {
    has_extension(
        name,
        &[
            "json", "html", "htm", "txt", "css", "js", "csv", "xml", "md",
        ],
    )
}

fn has_extension(name: &str, list: &[&str]) -> bool {
    name.rsplit_once('.')
        .map(|(_, e)| list.contains(&e.to_ascii_lowercase().as_str()))
        .unwrap_or(false)
}

/// What the export says about its media files, by entry name; problems met reading its JSON.
pub struct Mapping {
    /// Context per entry name.
    pub by_entry: HashMap<String, MediaContext>,
    /// JSON files that could not be read or parsed.
    pub problems: Vec<SkippedEntry>,
}

/// The export's own documents as they are read: reading stops once the audit is cancelled, and
/// each document read is told as [`Progress::ReadingExport`].
pub(super) struct Documents<'a> {
    export: &'a Export,
    controller: &'a Controller,
    progress: &'a dyn Fn(Progress),
    read: Cell<u64>,
    total: u64,
}

/// Reads the export's own JSON files and maps each media entry to its context, telling
/// `progress` the bytes read of the JSON files' total. Stops reading once `controller` is
/// cancelled (the mapping is then incomplete and the caller drops it).
pub fn map_media(
    export: &Export,
    entries: &[Entry],
    layout: Layout,
    controller: &Controller,
    progress: &dyn Fn(Progress),
) -> Mapping {
    let mut mapping = Mapping {
        by_entry: HashMap::new(),
        problems: Vec::new(),
    };
    let total = entries
        .iter()
        .filter(|e| has_extension(&e.name, &["json"]))
        .map(|e| e.size)
        .sum();
    let documents = Documents {
        export,
        controller,
        progress,
        read: Cell::new(0),
        total,
    };
    progress(Progress::ReadingExport { read: 0, total });
    match layout {
        Layout::Instagram | Layout::Facebook => {
            social::map_social(&documents, entries, layout, &mut mapping)
        }
        Layout::GoogleTakeout => takeout::map_takeout(&documents, entries, &mut mapping),
        Layout::Plain => {}
    }
    if !controller.is_cancelled() {
        // Documents that were not needed count as read.
        progress(Progress::ReadingExport { read: total, total });
    }
    mapping
}

/// An entry parsed as JSON; `None`, with the problem recorded, where it cannot be read or
/// parsed, and `None` without a problem once the audit is cancelled.
fn read_json(
    documents: &Documents<'_>,
    entry: &Entry,
    problems: &mut Vec<SkippedEntry>,
) -> Option<Value> {
    if documents.controller.is_cancelled() {
        return None;
    }
    let parsed = documents
        .export
        .read(entry, MAX_JSON_BYTES)
        .and_then(|bytes| {
            serde_json::from_slice::<Value>(&bytes).map_err(|e| EntryProblem::BadJson {
                reason: e.to_string(),
            })
        });
    let read = (documents.read.get() + entry.size).min(documents.total);
    documents.read.set(read);
    (documents.progress)(Progress::ReadingExport {
        read,
        total: documents.total,
    });
    match parsed {
        Ok(value) => Some(value),
        Err(problem) => {
            problems.push(SkippedEntry {
                name: entry.name.clone(),
                problem,
            });
            None
        }
    }
}

/// `{"latitude": .., "longitude": ..}` (numbers or numeric strings), not both zero.
fn coordinates(value: &Value) -> Option<(f64, f64)> {
    let map = value.as_object()?;
    let lat = number(map, "latitude")?;
    let lon = number(map, "longitude")?;
    let valid = lat.abs() <= 90.0 && lon.abs() <= 180.0 && (lat != 0.0 || lon != 0.0);
    valid.then_some((lat, lon))
}

/// A number field, also when the export writes it as a string.
fn number(map: &Map<String, Value>, key: &str) -> Option<f64> {
    match map.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A non-empty string field, with Facebook's escaping repaired.
fn text(map: &Map<String, Value>, key: &str) -> Option<String> {
    map.get(key)
        .and_then(Value::as_str)
        .map(|s| repair_mojibake(s.trim()))
        .filter(|s| !s.is_empty())
}

/// Facebook and Instagram exports write each byte of UTF-8 text as its own `\u00XX` escape, so
/// "café" reads "cafÃ©". When every character is below U+0100 and the bytes they stand for are
/// valid UTF-8, those bytes are the real text.
pub fn repair_mojibake(s: &str) -> String {
    if s.is_ascii() || s.chars().any(|c| u32::from(c) > 0xFF) {
        return s.to_string();
    }
    let bytes: Vec<u8> = s.chars().map(|c| u32::from(c) as u8).collect();
    String::from_utf8(bytes).unwrap_or_else(|_| s.to_string())
}

/// The last part of an entry's path.
fn file_name(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_facebook_escaped_utf8_and_leaves_real_text_alone() {
        assert_eq!(repair_mojibake("caf\u{c3}\u{a9}"), "café");
        assert_eq!(
            repair_mojibake("\u{ed}\u{95}\u{99}\u{ea}\u{b5}\u{90}"),
            "학교"
        );
        assert_eq!(repair_mojibake("café"), "café");
        assert_eq!(repair_mojibake("학교"), "학교");
        assert_eq!(repair_mojibake("plain"), "plain");
    }

    #[test]
    fn detects_layouts_by_their_files() {
        let ig = ["x/your_instagram_activity/content/posts_1.json"];
        assert_eq!(detect(ig.into_iter()), Layout::Instagram);
        let fb = ["your_facebook_activity/posts/album/0.json"];
        assert_eq!(detect(fb.into_iter()), Layout::Facebook);
        let takeout = ["Takeout/Google Photos/Trip/IMG_1.jpg"];
        assert_eq!(detect(takeout.into_iter()), Layout::GoogleTakeout);
        assert_eq!(detect(["a/b.jpg"].into_iter()), Layout::Plain);
    }
}
