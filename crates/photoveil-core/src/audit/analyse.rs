//! Analysing one media file of an export: its metadata, and for photos the faces with the
//! embeddings that group them by person. Checks for cancellation between its steps, so that a
//! stopped audit ends within one photo.

use bytes::Bytes;

use super::archive::{Entry, Export};
use super::cluster::FaceEmbedding;
use super::error::EntryProblem;
use super::layout::MediaContext;
use super::{AuditedFace, MediaItem, MediaKind, MAX_VIDEO_SCAN_BYTES, MIN_GROUPED_SIDE};
use crate::controller::Controller;
use crate::faces::{find_faces, Face};
use crate::limits::MAX_FILE_BYTES;
use crate::protect::networks::NetworkKind;
use crate::protect::Engine;

/// Reads and scans one media file. Once `controller` is cancelled it returns what it has at its
/// next check (the audit then drops every result).
pub(super) fn analyse(
    export: &Export,
    entry: &Entry,
    kind: MediaKind,
    context: MediaContext,
    engine: Option<&Engine>,
    controller: &Controller,
) -> (MediaItem, Vec<Option<FaceEmbedding>>) {
    let mut item = MediaItem {
        entry: entry.name.clone(),
        kind,
        context,
        format: None,
        width: None,
        height: None,
        findings: Vec::new(),
        faces: None,
        analysed: false,
        error: None,
    };
    if kind == MediaKind::Video {
        // Its metadata is read (where it was filmed, the phone, the date) when the video is
        // small enough to hold in memory; its pictures are not analysed.
        if let Ok(data) = export.read(entry, MAX_VIDEO_SCAN_BYTES) {
            item.findings = crate::meta::video::findings(Bytes::from(data)).unwrap_or_default();
        }
        return (item, Vec::new());
    }
    let data = match export.read(entry, MAX_FILE_BYTES) {
        Ok(data) => Bytes::from(data),
        Err(problem) => {
            item.error = Some(problem);
            return (item, Vec::new());
        }
    };
    match crate::scan::scan_shared(&data) {
        Ok((format, inspection, findings)) => {
            item.format = Some(format);
            item.width = inspection.width;
            item.height = inspection.height;
            item.findings = findings;
            item.analysed = true;
        }
        Err(e) => {
            item.error = Some(EntryProblem::Scan {
                reason: e.to_string(),
            });
            return (item, Vec::new());
        }
    }
    let mut embeddings = Vec::new();
    let Some((engine, format)) = engine.zip(item.format) else {
        return (item, embeddings);
    };
    if controller.is_cancelled() {
        return (item, embeddings);
    }
    // The metadata scan stands even when the picture cannot be decoded (HEIF, damage).
    let Ok(displayed) = crate::decode::decode_displayed(format, &data) else {
        return (item, embeddings);
    };
    drop(data);
    let picture = displayed.picture.to_rgb8();
    if controller.is_cancelled() {
        return (item, embeddings);
    }
    if let Ok(faces) = find_faces(engine.detector(), &picture) {
        for face in &faces {
            if controller.is_cancelled() {
                return (item, Vec::new());
            }
            embeddings.push(embed_for_grouping(engine, &picture, face));
        }
        item.faces = Some(
            faces
                .into_iter()
                .map(|face| AuditedFace { face, group: None })
                .collect(),
        );
    }
    (item, embeddings)
}

/// Both networks' embeddings of a face, for grouping; `None` for faces smaller than
/// [`MIN_GROUPED_SIDE`] or that cannot be aligned.
pub fn embed_for_grouping(
    engine: &Engine,
    picture: &image::RgbImage,
    face: &Face,
) -> Option<FaceEmbedding> {
    if face.size() < MIN_GROUPED_SIDE {
        return None;
    }
    let mut dlib = None;
    let mut mobileface = None;
    // Grouping was tuned on these two networks' thresholds; the others are not needed here.
    for network in engine.networks().iter().filter(|n| {
        matches!(
            n.kind(),
            NetworkKind::DlibResnet29 | NetworkKind::Mobileface
        )
    }) {
        let transform = face.alignment(&network.kind().template())?;
        let e = network.embed_face(picture, &transform);
        match network.kind() {
            NetworkKind::DlibResnet29 => dlib = Some(e),
            _ => mobileface = Some(e),
        }
    }
    Some(FaceEmbedding {
        dlib: dlib?,
        mobileface: mobileface?,
    })
}
