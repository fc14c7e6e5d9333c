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

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::archive::{Entry, Export, SkippedEntry};
use super::error::EntryProblem;

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

/// Reads the export's own JSON files and maps each media entry to its context.
pub fn map_media(export: &Export, entries: &[Entry], layout: Layout) -> Mapping {
    let mut mapping = Mapping {
        by_entry: HashMap::new(),
        problems: Vec::new(),
    };
    match layout {
        Layout::Instagram | Layout::Facebook => map_social(export, entries, layout, &mut mapping),
        Layout::GoogleTakeout => map_takeout(export, entries, &mut mapping),
        Layout::Plain => {}
    }
    mapping
}

fn read_json(export: &Export, entry: &Entry, problems: &mut Vec<SkippedEntry>) -> Option<Value> {
    let parsed = export.read(entry, MAX_JSON_BYTES).and_then(|bytes| {
        serde_json::from_slice::<Value>(&bytes).map_err(|e| EntryProblem::BadJson {
            reason: e.to_string(),
        })
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

// ---------------------------------------------------------------- Facebook and Instagram

/// Whether a JSON file of a Facebook or Instagram export describes posted media.
fn is_media_json(name: &str) -> bool {
    let n = format!("/{name}");
    n.ends_with(".json")
        && (n.contains("/content/")
            || n.contains("/posts/")
            || n.contains("/photos_and_videos/")
            || n.contains("/profile_information/"))
}

/// The placement a media JSON file's name implies.
fn placement_of_json(name: &str) -> Placement {
    let file = name.rsplit('/').next().unwrap_or(name);
    if file.contains("archived") {
        Placement::Archived
    } else if file.contains("stor") {
        Placement::Story
    } else if file.contains("profile") {
        Placement::ProfilePhoto
    } else if name.contains("/album/") {
        Placement::Album
    } else {
        Placement::Post
    }
}

/// The placement (and, for `YYYYMM` folders, the month) a media file's own path implies: the
/// only information an HTML export gives in machine-readable form.
fn context_from_path(name: &str, layout: Layout) -> MediaContext {
    let parts: Vec<&str> = name.split('/').collect();
    let mut context = MediaContext::default();
    for (i, part) in parts.iter().enumerate() {
        let placement = match *part {
            "posts" | "reels" => Some(Placement::Post),
            "stories" => Some(Placement::Story),
            "profile" | "profile_pictures" => Some(Placement::ProfilePhoto),
            "archived_posts" => Some(Placement::Archived),
            "album" | "albums" => Some(Placement::Album),
            _ => None,
        };
        if let Some(p) = placement {
            context.placement = Some(p);
            if let Some(next) = parts.get(i + 1).filter(|_| i + 2 < parts.len()) {
                if let Some(date) = month_folder(next) {
                    context.date = Some(date);
                } else if layout == Layout::Facebook && *part == "posts" && *next == "media" {
                    // your_facebook_activity/posts/media/<Album_name>/photo.jpg
                    context.album = parts
                        .get(i + 2)
                        .filter(|_| i + 3 < parts.len())
                        .map(|a| a.replace('_', " "));
                }
            }
        }
    }
    context
}

/// `YYYYMM` folder name to the first second of that month.
fn month_folder(name: &str) -> Option<i64> {
    if name.len() != 6 || !name.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i64 = name[..4].parse().ok()?;
    let month: i64 = name[4..].parse().ok()?;
    ((1970..=2200).contains(&year) && (1..=12).contains(&month))
        .then(|| days_from_civil(year, month, 1) * 86_400)
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn map_social(export: &Export, entries: &[Entry], layout: Layout, mapping: &mut Mapping) {
    // Every media file gets what its path says; the JSON files refine it.
    for entry in entries {
        if is_photo_name(&entry.name) || is_video_name(&entry.name) {
            mapping
                .by_entry
                .insert(entry.name.clone(), context_from_path(&entry.name, layout));
        }
    }
    // Media URIs are relative to the export's root, which may sit in a folder of the ZIP: an
    // entry is matched by the URI being a whole-component suffix of its name.
    let mut by_suffix: HashMap<&str, Vec<&str>> = HashMap::new();
    for name in mapping.by_entry.keys() {
        let mut rest = name.as_str();
        loop {
            by_suffix.entry(rest).or_default().push(name.as_str());
            match rest.split_once('/') {
                Some((_, tail)) => rest = tail,
                None => break,
            }
        }
    }
    let mut found: Vec<(String, MediaContext)> = Vec::new();
    let mut problems = Vec::new();
    for entry in entries.iter().filter(|e| is_media_json(&e.name)) {
        let Some(value) = read_json(export, entry, &mut problems) else {
            continue;
        };
        let base = MediaContext {
            placement: Some(placement_of_json(&entry.name)),
            described_by: Some(entry.name.clone()),
            ..MediaContext::default()
        };
        let mut uris = Vec::new();
        walk_social(&value, &base, &mut uris);
        for (uri, context) in uris {
            let uri = uri.trim_start_matches("./").trim_start_matches('/');
            if let Some(names) = by_suffix.get(uri) {
                for name in names {
                    found.push((name.to_string(), context.clone()));
                }
            }
        }
    }
    mapping.problems.extend(problems);
    for (name, context) in found {
        if let Some(slot) = mapping.by_entry.get_mut(&name) {
            let album = context.album.clone().or_else(|| slot.album.take());
            *slot = MediaContext { album, ..context };
        }
    }
}

/// Walks a Facebook or Instagram JSON document, collecting every media `uri` with the context
/// inherited from the objects around it (post text, dates, places, album names).
fn walk_social(value: &Value, inherited: &MediaContext, out: &mut Vec<(String, MediaContext)>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| walk_social(v, inherited, out)),
        Value::Object(map) => {
            let mut context = inherited.clone();
            if let Some(t) = number(map, "creation_timestamp").or_else(|| number(map, "timestamp"))
            {
                context.date = Some(t as i64);
            }
            // An album file: `{"name": ..., "photos": [...]}`.
            if map.contains_key("photos") {
                if let Some(name) = text(map, "name") {
                    context.album = Some(name);
                }
            }
            // Facebook post text: `"data": [{"post": "..."}]`.
            let post_text = map.get("data").and_then(Value::as_array).and_then(|items| {
                items
                    .iter()
                    .filter_map(Value::as_object)
                    .find_map(|o| text(o, "post"))
            });
            // Post text wins, then a description; a title ("caption" on Instagram, an album
            // name or "X shared a photo" on Facebook) only when nothing else says more.
            if let Some(post) = post_text {
                context.caption = Some(post);
            } else if let Some(description) = text(map, "description") {
                context.caption = Some(description);
            } else if context.caption.is_none() {
                context.caption = text(map, "title");
            }
            // A Facebook post tags its place in an attachment beside the media's.
            let place = map.get("place").and_then(Value::as_object).or_else(|| {
                map.get("attachments")
                    .and_then(find_place)
                    .filter(|_| !map.contains_key("uri"))
            });
            if let Some(place) = place {
                context.place = text(place, "name");
                if let Some((lat, lon)) = place.get("coordinate").and_then(coordinates) {
                    context.location = Some(SidecarLocation {
                        latitude: lat,
                        longitude: lon,
                        source: LocationSource::TaggedPlace,
                    });
                }
            }
            if let Some(uri) = map.get("uri").and_then(Value::as_str) {
                let mut media = context.clone();
                if let Some((lat, lon)) = map.get("media_metadata").and_then(find_coordinates) {
                    media.location = Some(SidecarLocation {
                        latitude: lat,
                        longitude: lon,
                        source: LocationSource::ServiceMetadata,
                    });
                }
                out.push((uri.to_string(), media));
            }
            for (key, child) in map {
                if key != "media_metadata" && (child.is_object() || child.is_array()) {
                    walk_social(child, &context, out);
                }
            }
        }
        _ => {}
    }
}

/// The first `"place": {...}` object anywhere inside `value`.
fn find_place(value: &Value) -> Option<&Map<String, Value>> {
    match value {
        Value::Array(items) => items.iter().find_map(find_place),
        Value::Object(map) => map
            .get("place")
            .and_then(Value::as_object)
            .or_else(|| map.values().find_map(find_place)),
        _ => None,
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

/// The first coordinates anywhere inside `value`.
fn find_coordinates(value: &Value) -> Option<(f64, f64)> {
    coordinates(value).or_else(|| match value {
        Value::Array(items) => items.iter().find_map(find_coordinates),
        Value::Object(map) => map.values().find_map(find_coordinates),
        _ => None,
    })
}

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

// ---------------------------------------------------------------- Google Takeout

fn map_takeout(export: &Export, entries: &[Entry], mapping: &mut Mapping) {
    let mut folders: HashMap<&str, Vec<&Entry>> = HashMap::new();
    for entry in entries {
        let folder = entry.name.rsplit_once('/').map_or("", |(f, _)| f);
        folders.entry(folder).or_default().push(entry);
    }
    for (folder, items) in folders {
        let folder_name = folder.rsplit('/').next().unwrap_or(folder);
        let media: Vec<&Entry> = items
            .iter()
            .copied()
            .filter(|e| is_photo_name(&e.name) || is_video_name(&e.name))
            .collect();
        if media.is_empty() {
            continue;
        }
        // Folders named "Photos from 2021" hold the library by year; others are albums.
        let is_year_folder = folder_name.starts_with("Photos from ");
        let mut album = (!is_year_folder && !folder_name.is_empty() && folder.contains('/'))
            .then(|| folder_name.to_string());
        if let Some(meta) = items.iter().find(|e| file_name(&e.name) == "metadata.json") {
            if let Some(title) = read_json(export, meta, &mut mapping.problems)
                .as_ref()
                .and_then(|v| v.get("albumData").unwrap_or(v).as_object().cloned())
                .and_then(|m| text(&m, "title"))
            {
                album = Some(title);
            }
        }
        let base = MediaContext {
            placement: Some(if album.is_some() {
                Placement::Album
            } else {
                Placement::Library
            }),
            album: album.clone(),
            ..MediaContext::default()
        };
        for m in &media {
            mapping.by_entry.insert(m.name.clone(), base.clone());
        }
        let sidecars = items
            .iter()
            .filter(|e| e.name.ends_with(".json") && file_name(&e.name) != "metadata.json");
        for sidecar in sidecars {
            let Some(value) = read_json(export, sidecar, &mut mapping.problems) else {
                continue;
            };
            let Some(map) = value.as_object() else {
                continue;
            };
            let stem = file_name(&sidecar.name);
            let stem = stem.strip_suffix(".json").unwrap_or(stem);
            let title = text(map, "title");
            let target = media.iter().find(|m| {
                let name = file_name(&m.name);
                title.as_deref() == Some(name)
                    || stem == name
                    || stem
                        .strip_prefix(name)
                        .is_some_and(|rest| rest.starts_with('.'))
            });
            let Some(target) = target else {
                continue;
            };
            let mut context = base.clone();
            context.described_by = Some(sidecar.name.clone());
            context.caption = text(map, "description");
            context.date = map
                .get("photoTakenTime")
                .and_then(Value::as_object)
                .and_then(|t| number(t, "timestamp"))
                .or_else(|| {
                    map.get("creationTime")
                        .and_then(Value::as_object)
                        .and_then(|t| number(t, "timestamp"))
                })
                .map(|t| t as i64);
            context.location = map
                .get("geoData")
                .and_then(coordinates)
                .or_else(|| map.get("geoDataExif").and_then(coordinates))
                .map(|(latitude, longitude)| SidecarLocation {
                    latitude,
                    longitude,
                    source: LocationSource::TakeoutSidecar,
                });
            context.people = map
                .get("people")
                .and_then(Value::as_array)
                .map(|people| {
                    people
                        .iter()
                        .filter_map(Value::as_object)
                        .filter_map(|p| text(p, "name"))
                        .collect()
                })
                .unwrap_or_default();
            mapping.by_entry.insert(target.name.clone(), context);
        }
    }
}

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

    #[test]
    fn month_folders_give_dates_and_placements() {
        let c = context_from_path("media/posts/202301/x.jpg", Layout::Instagram);
        assert_eq!(c.placement, Some(Placement::Post));
        assert_eq!(c.date, Some(1_672_531_200));
        let c = context_from_path("media/stories/202302/y.mp4", Layout::Instagram);
        assert_eq!(c.placement, Some(Placement::Story));
    }
}
