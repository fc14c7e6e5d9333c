//! Facebook and Instagram "Download your information" exports: media mapped by their own paths
//! (month folders, posts, stories, albums) and refined by the JSON files that describe them.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::super::archive::Entry;
use super::{
    coordinates, is_photo_name, is_video_name, number, read_json, text, Documents, Layout,
    LocationSource, Mapping, MediaContext, Placement, SidecarLocation,
};

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
        .then(|| crate::calendar::days_from_civil(year, month, 1) * 86_400)
}

pub(super) fn map_social(
    documents: &Documents<'_>,
    entries: &[Entry],
    layout: Layout,
    mapping: &mut Mapping,
) {
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
        let Some(value) = read_json(documents, entry, &mut problems) else {
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

/// The first coordinates anywhere inside `value`.
fn find_coordinates(value: &Value) -> Option<(f64, f64)> {
    coordinates(value).or_else(|| match value {
        Value::Array(items) => items.iter().find_map(find_coordinates),
        Value::Object(map) => map.values().find_map(find_coordinates),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_folders_give_dates_and_placements() {
        let c = context_from_path("media/posts/202301/x.jpg", Layout::Instagram);
        assert_eq!(c.placement, Some(Placement::Post));
        assert_eq!(c.date, Some(1_672_531_200));
        let c = context_from_path("media/stories/202302/y.mp4", Layout::Instagram);
        assert_eq!(c.placement, Some(Placement::Story));
    }
}
