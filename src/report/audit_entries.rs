//! The report's entries for an audit: every media file in ranked order, each with what to do
//! about it, shared by `photoveil audit --report` and the app's audit screen.

use std::collections::HashMap;

use photoveil_core::audit::{AuditOptions, AuditReport, Export};
use photoveil_core::limits::MAX_FILE_BYTES;
use photoveil_core::report::{thumbnail_of_bytes, PhotoEntry, THUMBNAIL_SIDE};

/// The report's entries: every media file in ranked order, with a thumbnail read again from
/// the export when wanted (the audit itself keeps no picture data).
pub fn audit_entries(report: &AuditReport, thumbnails: bool) -> Vec<PhotoEntry> {
    let mut entries: Vec<PhotoEntry> = report
        .ranking
        .iter()
        .enumerate()
        .filter_map(|(position, ranked)| {
            let item = report.media.get(ranked.media)?;
            Some(PhotoEntry::from_audit(position + 1, ranked, item))
        })
        .collect();
    if !thumbnails {
        return entries;
    }
    let Ok((export, listing)) = Export::open(&report.source, AuditOptions::default().limits) else {
        return entries;
    };
    let by_name: HashMap<&str, _> = listing
        .entries
        .iter()
        .map(|e| (e.name.as_str(), e))
        .collect();
    for entry in &mut entries {
        let (Some(format), Some(found)) = (
            entry.format,
            entry.path.to_str().and_then(|name| by_name.get(name)),
        ) else {
            continue;
        };
        entry.thumbnail = export
            .read(found, MAX_FILE_BYTES)
            .ok()
            .and_then(|data| thumbnail_of_bytes(format, &data, THUMBNAIL_SIDE).ok());
    }
    entries
}
