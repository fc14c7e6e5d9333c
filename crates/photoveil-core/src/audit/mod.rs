//! Auditing what is already online: a social-media export (Instagram, Facebook, Google Takeout)
//! or any folder or ZIP of photos, read in place. Each media file is mapped to its post or album,
//! date, caption and any location the export keeps beside it; every photo is scanned (metadata
//! and faces); faces are grouped by person; and the media are ranked by how much they help an
//! abuser, each with what to do.

mod analyse;
mod archive;
mod cluster;
mod error;
mod layout;
mod people;
mod progress;
mod rank;
mod replace;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use analyse::embed_for_grouping;
pub use archive::{ArchiveLimits, Entry, Export, SkippedEntry};
pub use cluster::{group_faces, pairwise_quality, FaceEmbedding};
pub use error::{AuditError, EntryProblem};
pub use layout::{Layout, LocationSource, MediaContext, Placement, SidecarLocation};
pub use people::{name_groups, NamingError, PeopleBook};
pub use progress::Progress;
pub use rank::{RankedMedia, Reason, Recommendation};
pub use replace::{
    needs_replacement, protect_replacements, replacement_options, ReplaceError, Replacement,
};

use crate::batch::run_ordered;
use crate::controller::Controller;
use crate::faces::Face;
use crate::finding::Finding;
use crate::format::ImageFormat;
use crate::protect::Engine;
use progress::go_on;

/// Faces smaller than this (shorter box side, pixels) are found but not grouped: their
/// embeddings say too little about who it is.
pub const MIN_GROUPED_SIDE: f32 = 36.0;

/// Largest video whose metadata an audit reads (the whole file is held in memory, since
/// phones often write the metadata at its end); larger ones are only listed.
pub const MAX_VIDEO_SCAN_BYTES: u64 = 256 << 20;

/// How an audit runs.
#[derive(Debug, Clone, Copy)]
pub struct AuditOptions {
    /// Bounds on what the export may make PhotoVeil read.
    pub limits: ArchiveLimits,
    /// Photos worked on at once.
    pub workers: usize,
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions {
            limits: ArchiveLimits::default(),
            workers: crate::batch::default_workers(),
        }
    }
}

/// Whether a media file is a photo or a video.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MediaKind {
    /// A photo: its metadata and faces are scanned.
    Photo,
    /// A video: listed with its context, not analysed.
    Video,
}

/// A face in an audited photo.
#[derive(Debug, Clone, Serialize)]
pub struct AuditedFace {
    /// Where it is and whether a face-swap tool could use it.
    #[serde(flatten)]
    pub face: Face,
    /// The person group, when the face was large enough to group.
    pub group: Option<usize>,
}

/// One media file of the export.
#[derive(Debug, Clone, Serialize)]
pub struct MediaItem {
    /// Its path inside the export.
    pub entry: String,
    /// Photo or video.
    pub kind: MediaKind,
    /// What the export says about it.
    pub context: MediaContext,
    /// The photo's format, when recognised.
    pub format: Option<ImageFormat>,
    /// Width in pixels, when known.
    pub width: Option<u32>,
    /// Height in pixels, when known.
    pub height: Option<u32>,
    /// What its metadata gives away.
    pub findings: Vec<Finding>,
    /// The faces found; `None` when faces were not looked for or the picture could not be
    /// decoded, and for videos.
    pub faces: Option<Vec<AuditedFace>>,
    /// Whether its content was analysed (false for videos and for photos that failed).
    pub analysed: bool,
    /// Why it could not be analysed.
    pub error: Option<EntryProblem>,
}

/// A person: faces that the identity networks take for one person.
#[derive(Debug, Clone, Serialize)]
pub struct PersonGroup {
    /// The group's number.
    pub id: usize,
    /// How many faces.
    pub faces: usize,
    /// In how many photos the person appears.
    pub photos: usize,
    /// How many of those photos others can see (posts, stories, profile photos, albums).
    pub public_posts: usize,
    /// In how many photos the face is clear enough for a face swap.
    pub swappable: usize,
    /// The photos (indices into the report's media list).
    pub media: Vec<usize>,
    /// The name the user gave this person on this computer, when recognised.
    pub name: Option<String>,
    /// The person's average embeddings, to recognise them again (never written out).
    #[serde(skip)]
    pub signature: Option<FaceEmbedding>,
}

/// The result of auditing an export.
#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    /// The ZIP file or folder.
    pub source: PathBuf,
    /// What kind of export it is.
    pub layout: Layout,
    /// Every media file, in the export's order.
    pub media: Vec<MediaItem>,
    /// People found in several faces or one, largest group first.
    pub groups: Vec<PersonGroup>,
    /// The media, most helpful to an abuser first.
    pub ranking: Vec<RankedMedia>,
    /// Entries not read (unsafe names, zip bombs, damaged data, unparsable JSON).
    pub skipped: Vec<SkippedEntry>,
}

/// Audits the export at `path` where nobody stops or watches it (tests, tools); see
/// [`audit_with`].
pub fn audit(
    path: &Path,
    engine: Option<&Engine>,
    options: &AuditOptions,
) -> Result<AuditReport, AuditError> {
    audit_with(path, engine, options, &Controller::new(), &|_| {})
}

/// Audits the export at `path`. With an engine, faces are found and grouped; without, only
/// metadata and the export's own information are used. `progress` is told each step on the
/// caller's thread (see [`Progress`]). Once `controller` is cancelled the audit stops within
/// the photo in hand and returns [`AuditError::Cancelled`], keeping nothing of its work.
pub fn audit_with(
    path: &Path,
    engine: Option<&Engine>,
    options: &AuditOptions,
    controller: &Controller,
    progress: &dyn Fn(Progress),
) -> Result<AuditReport, AuditError> {
    go_on(controller)?;
    let (export, listing) = Export::open(path, options.limits)?;
    let mut skipped = listing.skipped;
    let layout = layout::detect(listing.entries.iter().map(|e| e.name.as_str()));
    let mapping = layout::map_media(&export, &listing.entries, layout, controller, progress);
    go_on(controller)?;
    skipped.extend(mapping.problems);
    let mut candidates: Vec<(&Entry, MediaKind)> = Vec::new();
    for entry in &listing.entries {
        if layout::is_video_name(&entry.name) {
            candidates.push((entry, MediaKind::Video));
        } else if layout::is_photo_name(&entry.name) {
            candidates.push((entry, MediaKind::Photo));
        } else if !layout::is_document_name(&entry.name) && entry.size > 0 {
            go_on(controller)?;
            // Photos are recognised by content; only the first bytes are read to tell.
            match export.read_head(entry, 64) {
                Ok(head) if ImageFormat::sniff(&head).is_some() => {
                    candidates.push((entry, MediaKind::Photo))
                }
                Ok(_) => {}
                Err(problem) => skipped.push(SkippedEntry {
                    name: entry.name.clone(),
                    problem,
                }),
            }
        }
    }
    let total = candidates.len();
    progress(Progress::Analysing { done: 0, total });
    let mut analysed: Vec<(MediaItem, Vec<Option<FaceEmbedding>>)> = Vec::with_capacity(total);
    run_ordered(
        &candidates,
        options.workers,
        controller,
        |(entry, kind)| {
            let context = mapping
                .by_entry
                .get(&entry.name)
                .cloned()
                .unwrap_or_default();
            analyse::analyse(&export, entry, *kind, context, engine, controller)
        },
        |_, result| {
            analysed.push(result);
            progress(Progress::Analysing {
                done: analysed.len(),
                total,
            });
        },
    );
    // A photo stopped half-way is not a result: nothing of a stopped audit is kept.
    go_on(controller)?;
    let (mut media, embeddings): (Vec<MediaItem>, Vec<Vec<Option<FaceEmbedding>>>) =
        analysed.into_iter().unzip();
    if engine.is_some() {
        progress(Progress::GroupingPeople);
    }
    let groups = group_people(&mut media, &embeddings);
    go_on(controller)?;
    let ranking = rank::rank(&media, &groups);
    Ok(AuditReport {
        source: path.to_path_buf(),
        layout,
        media,
        groups,
        ranking,
        skipped,
    })
}

/// Groups the faces of all photos by person, writes each face's group into `media`, and
/// summarises the groups, largest first (group numbers follow that order).
fn group_people(
    media: &mut [MediaItem],
    embeddings: &[Vec<Option<FaceEmbedding>>],
) -> Vec<PersonGroup> {
    let mut owners = Vec::new();
    let mut vectors = Vec::new();
    for (m, faces) in embeddings.iter().enumerate() {
        for (f, e) in faces.iter().enumerate() {
            if let Some(e) = e {
                owners.push((m, f));
                vectors.push(e.clone());
            }
        }
    }
    let labels = cluster::group_faces(&vectors);
    let count = labels.iter().max().map_or(0, |m| m + 1);
    let mut groups: Vec<PersonGroup> = (0..count)
        .map(|id| PersonGroup {
            id,
            faces: 0,
            photos: 0,
            public_posts: 0,
            swappable: 0,
            media: Vec::new(),
            name: None,
            signature: None,
        })
        .collect();
    let mut usable_in: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (&(m, f), &label) in owners.iter().zip(&labels) {
        let group = &mut groups[label];
        group.faces += 1;
        if !group.media.contains(&m) {
            group.media.push(m);
        }
        let usable = media[m]
            .faces
            .as_ref()
            .and_then(|faces| faces.get(f))
            .is_some_and(|face| face.face.usable);
        if usable && !usable_in[label].contains(&m) {
            usable_in[label].push(m);
        }
    }
    let mut members: Vec<Vec<&FaceEmbedding>> = vec![Vec::new(); count];
    for (&label, vector) in labels.iter().zip(&vectors) {
        members[label].push(vector);
    }
    for (group, faces) in groups.iter_mut().zip(members) {
        group.signature = people::signature_of(faces);
    }
    for (group, usable) in groups.iter_mut().zip(&usable_in) {
        group.photos = group.media.len();
        group.swappable = usable.len();
        group.public_posts = group
            .media
            .iter()
            .filter(|&&m| media[m].context.placement.is_some_and(|p| p.is_public()))
            .count();
    }
    // Largest first; renumber so that group 0 is the most photographed person.
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by(|&a, &b| {
        groups[b]
            .photos
            .cmp(&groups[a].photos)
            .then(groups[b].faces.cmp(&groups[a].faces))
            .then(a.cmp(&b))
    });
    let mut new_id = vec![0; count];
    for (rank, &old) in order.iter().enumerate() {
        new_id[old] = rank;
    }
    for (&(m, f), &label) in owners.iter().zip(&labels) {
        if let Some(face) = media[m].faces.as_mut().and_then(|faces| faces.get_mut(f)) {
            face.group = Some(new_id[label]);
        }
    }
    let mut sorted: Vec<PersonGroup> = order.iter().map(|&old| groups[old].clone()).collect();
    for (id, group) in sorted.iter_mut().enumerate() {
        group.id = id;
    }
    sorted
}
