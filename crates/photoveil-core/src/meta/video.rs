//! What a video's own metadata gives away (MP4 / QuickTime / 3GP, read with `nom-exif`): where
//! it was filmed, the phone, the date and the author. Videos are listed by audits, not cleaned.

use nom_exif::{EntryValue, MediaParser, MediaSource, TrackInfoTag};

use crate::finding::{Category, Explanation, Finding, Severity};

/// The findings of a video's metadata; an error when it cannot be read as a video.
pub fn findings(data: bytes::Bytes) -> Result<Vec<Finding>, String> {
    let source = MediaSource::from_memory(data).map_err(|e| e.to_string())?;
    let info = MediaParser::new()
        .parse_track(source)
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let position = info
        .gps_info()
        .and_then(|g| Some((g.latitude_decimal()?, g.longitude_decimal()?)));
    if let Some((lat, lon)) = position {
        out.push(Finding::new(
            Category::Location,
            "QuickTime:GPSCoordinates",
            format!("{lat:.6}, {lon:.6}"),
            Severity::High,
            Explanation::GpsPosition,
        ));
    }
    let text = |tag: TrackInfoTag| {
        info.get(tag)
            .map(EntryValue::to_string)
            .filter(|v| !v.trim().is_empty())
    };
    for (tag, name, category, severity, explanation) in [
        (
            TrackInfoTag::Make,
            "QuickTime:Make",
            Category::Device,
            Severity::Medium,
            Explanation::DeviceModel,
        ),
        (
            TrackInfoTag::Model,
            "QuickTime:Model",
            Category::Device,
            Severity::Medium,
            Explanation::DeviceModel,
        ),
        (
            TrackInfoTag::Software,
            "QuickTime:Software",
            Category::Device,
            Severity::Low,
            Explanation::Software,
        ),
        (
            TrackInfoTag::Author,
            "QuickTime:Author",
            Category::Person,
            Severity::High,
            Explanation::OwnerName,
        ),
        (
            TrackInfoTag::CreateDate,
            "QuickTime:CreateDate",
            Category::Time,
            Severity::Low,
            Explanation::DateTaken,
        ),
    ] {
        if let Some(value) = text(tag) {
            out.push(Finding::new(category, name, value, severity, explanation));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_video_tells_where_and_when_it_was_filmed() {
        // 2024-05-01 00:00:00 UTC, in the shared photos' Cupertino.
        let video = photoveil_fixtures::mp4_with_location("+37.3196-121.9465/", 1_714_521_600);
        let found = findings(bytes::Bytes::from(video)).unwrap();
        let gps = found
            .iter()
            .find(|f| f.explanation == Explanation::GpsPosition)
            .expect("the location");
        assert_eq!(gps.category, Category::Location);
        assert_eq!(gps.value, "37.319600, -121.946500");
        let date = found
            .iter()
            .find(|f| f.explanation == Explanation::DateTaken)
            .expect("the date");
        assert!(date.value.contains("2024-05-01"), "{}", date.value);
    }

    #[test]
    fn what_is_not_a_video_is_an_error_not_a_panic() {
        assert!(findings(bytes::Bytes::from_static(b"not a video at all")).is_err());
        assert!(findings(bytes::Bytes::new()).is_err());
        let mut cut = photoveil_fixtures::mp4_with_location("+37.3196-121.9465/", 1_714_521_600);
        cut.truncate(cut.len() - 40);
        let _ = findings(bytes::Bytes::from(cut));
    }
}
