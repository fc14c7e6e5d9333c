//! Ranking an export's media by how much each helps someone who wants to find, follow or
//! impersonate the people in it, with what to do about each and the reasons as typed data.

use serde::Serialize;

use super::layout::LocationSource;
use super::{MediaItem, PersonGroup};
use crate::finding::{Explanation, Severity};

/// What to do about a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recommendation {
    /// Delete the post: it shows a usable face together with where to find the person.
    DeletePost,
    /// Replace it with a protected copy (faces cloaked, metadata removed).
    ReplaceWithProtectedCopy,
    /// Replace it with a copy without metadata (or remove the location the service keeps).
    CleanMetadata,
    /// Nothing found that helps an abuser.
    NothingToDo,
}

/// Why a photo ranks where it does.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reason {
    /// Faces large and frontal enough for a face-swap tool.
    SwappableFaces {
        /// How many.
        count: usize,
        /// The largest one's shorter box side, in pixels.
        largest_side: u32,
    },
    /// A person who appears in several photos of the export (more material for a face swap
    /// or a recognition model).
    RecurringPerson {
        /// The person group.
        group: usize,
        /// In how many photos the person appears.
        photos: usize,
    },
    /// GPS coordinates in the photo's own metadata.
    GpsInPhoto,
    /// GPS coordinates written beside the photo by the service (Takeout sidecar, tagged place,
    /// kept EXIF), even when the photo's own metadata was stripped.
    GpsBesidePhoto {
        /// Which file says it.
        source: LocationSource,
    },
    /// A tagged place's name.
    TaggedPlace {
        /// The name.
        name: String,
    },
    /// The caption names a school or another place children are found.
    SchoolInCaption {
        /// The word that matched.
        word: String,
    },
    /// The caption names a street, home or other place.
    PlaceInCaption {
        /// The word that matched.
        word: String,
    },
    /// People are named beside the photo.
    NamedPeople {
        /// How many names.
        count: usize,
    },
    /// Other revealing metadata in the photo (serial numbers, names, hidden previews, ...).
    RevealingMetadata {
        /// How many findings of high severity.
        count: usize,
    },
    /// Others can see it on the service.
    Public,
}

/// One photo's place in the ranking.
#[derive(Debug, Clone, Serialize)]
pub struct RankedMedia {
    /// Index into the report's media list.
    pub media: usize,
    /// The entry's name.
    pub entry: String,
    /// How much it helps an abuser (higher is worse; 0 is nothing).
    pub score: f32,
    /// What to do.
    pub recommendation: Recommendation,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// Words in a caption that name a school or where children are (lower case; English, Korean,
/// Urdu and a few neighbours).
const SCHOOL_WORDS: &[&str] = &[
    "school",
    "kindergarten",
    "preschool",
    "nursery",
    "daycare",
    "academy",
    "college",
    "university",
    "campus",
    "class of",
    "schule",
    "école",
    "escuela",
    "학교",
    "유치원",
    "어린이집",
    "اسکول",
    "سکول",
    "مدرسہ",
    "کالج",
];

/// Words in a caption that name a street, a home or another findable place.
const PLACE_WORDS: &[&str] = &[
    " street",
    " st.",
    " road",
    " avenue",
    " lane",
    " park",
    "playground",
    "our house",
    "our home",
    "my house",
    "address",
    "neighbourhood",
    "neighborhood",
    "stadium",
    "church",
    "mosque",
    "gym",
    "동",
    "로 ",
    "길 ",
];

/// Ranks every media item, most helpful to an abuser first.
pub fn rank(media: &[MediaItem], groups: &[PersonGroup]) -> Vec<RankedMedia> {
    let mut ranked: Vec<RankedMedia> = media
        .iter()
        .enumerate()
        .map(|(index, item)| assess(index, item, groups))
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.media.cmp(&b.media)));
    ranked
}

fn assess(index: usize, item: &MediaItem, groups: &[PersonGroup]) -> RankedMedia {
    let mut reasons = Vec::new();
    let mut score = 0.0f32;
    let faces = item.faces.as_deref().unwrap_or_default();
    let swappable: Vec<_> = faces.iter().filter(|f| f.face.usable).collect();
    if let Some(largest) = swappable.iter().map(|f| f.face.size()).reduce(f32::max) {
        score += 3.0 * swappable.len().min(3) as f32 + 2.0 * (largest / 256.0).min(1.0);
        reasons.push(Reason::SwappableFaces {
            count: swappable.len(),
            largest_side: largest.round() as u32,
        });
    }
    let mut recurring: Vec<(usize, usize)> = faces
        .iter()
        .filter_map(|f| f.group)
        .filter_map(|g| groups.get(g).map(|group| (g, group.photos)))
        .filter(|(_, photos)| *photos > 1)
        .collect();
    recurring.sort_unstable();
    recurring.dedup();
    if let Some(most) = recurring.iter().map(|(_, p)| *p).max() {
        score += 1.5 * (most as f32).ln();
    }
    reasons.extend(
        recurring
            .iter()
            .map(|&(group, photos)| Reason::RecurringPerson { group, photos }),
    );
    let gps_in_photo = item
        .findings
        .iter()
        .any(|f| f.explanation == Explanation::GpsPosition);
    let mut located = gps_in_photo;
    if gps_in_photo {
        score += 4.0;
        reasons.push(Reason::GpsInPhoto);
    }
    if let Some(location) = &item.context.location {
        score += if gps_in_photo { 1.0 } else { 4.0 };
        located = true;
        reasons.push(Reason::GpsBesidePhoto {
            source: location.source,
        });
    }
    if let Some(name) = &item.context.place {
        score += 2.0;
        located = true;
        reasons.push(Reason::TaggedPlace { name: name.clone() });
    }
    let caption = item
        .context
        .caption
        .as_deref()
        .map(|c| format!(" {}", c.to_lowercase()))
        .unwrap_or_default();
    if let Some(word) = SCHOOL_WORDS.iter().find(|w| caption.contains(**w)) {
        score += 3.0;
        located = true;
        reasons.push(Reason::SchoolInCaption {
            word: word.trim().to_string(),
        });
    } else if let Some(word) = PLACE_WORDS.iter().find(|w| caption.contains(**w)) {
        score += 2.0;
        located = true;
        reasons.push(Reason::PlaceInCaption {
            word: word.trim().to_string(),
        });
    }
    if !item.context.people.is_empty() {
        score += 1.0;
        reasons.push(Reason::NamedPeople {
            count: item.context.people.len(),
        });
    }
    let revealing = item
        .findings
        .iter()
        .filter(|f| f.severity == Severity::High && f.explanation != Explanation::GpsPosition)
        .count();
    if revealing > 0 {
        score += (0.5 * revealing as f32).min(2.0);
        reasons.push(Reason::RevealingMetadata { count: revealing });
    }
    let public = item.context.placement.is_some_and(|p| p.is_public());
    if public && score > 0.0 {
        score += 1.0;
        reasons.push(Reason::Public);
    }
    let recommendation = if !swappable.is_empty() && located && public {
        Recommendation::DeletePost
    } else if !swappable.is_empty() {
        Recommendation::ReplaceWithProtectedCopy
    } else if located || !item.findings.is_empty() || !item.context.people.is_empty() {
        Recommendation::CleanMetadata
    } else {
        Recommendation::NothingToDo
    };
    RankedMedia {
        media: index,
        entry: item.entry.clone(),
        score,
        recommendation,
        reasons,
    }
}
