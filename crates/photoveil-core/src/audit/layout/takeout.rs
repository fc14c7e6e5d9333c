//! Google Takeout exports: `Takeout/Google Photos/<album>/<photo>` with a sidecar JSON per
//! photo and the album's `metadata.json`.

use std::collections::HashMap;

use serde_json::Value;

use super::super::archive::Entry;
use super::{
    coordinates, file_name, is_photo_name, is_video_name, number, read_json, text, Documents,
    LocationSource, Mapping, MediaContext, Placement, SidecarLocation,
};

pub(super) fn map_takeout(documents: &Documents<'_>, entries: &[Entry], mapping: &mut Mapping) {
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
            if let Some(title) = read_json(documents, meta, &mut mapping.problems)
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
            let Some(value) = read_json(documents, sidecar, &mut mapping.problems) else {
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
