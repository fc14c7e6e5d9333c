//! Protected replacements of an audited export's photos: a copy of every photo the audit does
//! not call harmless, faces cloaked and metadata removed, to post instead of the original.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{
    AuditError, AuditOptions, AuditReport, EntryProblem, Export, MediaKind, Recommendation,
};
use crate::controller::Controller;
use crate::limits::MAX_FILE_BYTES;
use crate::protect::pipeline::{
    protect_file, FaceSelection, ProtectOptions, ProtectReport, Strength, DEFAULT_JPEG_QUALITY,
};
use crate::protect::Engine;

/// Why replacements, or one of them, could not be made. `Display` gives the English wording of
/// the command line; the app translates the variants.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ReplaceError {
    /// The export could not be opened again.
    #[error("{0}")]
    Export(#[from] AuditError),
    /// A private temporary folder could not be made or written to.
    #[error("{}: {source}", folder.display())]
    Scratch {
        /// The folder.
        folder: PathBuf,
        /// The system's error.
        #[source]
        source: Arc<std::io::Error>,
    },
    /// The photo is no longer in the export (it changed since the audit).
    #[error("the entry is no longer in the export")]
    Missing,
    /// The photo could not be read from the export.
    #[error("{0}")]
    Entry(#[from] EntryProblem),
}

/// One replacement, or why it could not be made.
#[derive(Debug)]
pub struct Replacement {
    /// Place of the photo in the audit's ranking (from 1).
    pub position: usize,
    /// The photo's name inside the export.
    pub entry: String,
    /// What protecting it gave (its `input` is the entry's name), or why the photo could not
    /// be read from the export.
    pub result: Result<ProtectReport, ReplaceError>,
}

/// Whether the audit advises replacing (or deleting, or cleaning) this ranked photo.
pub fn needs_replacement(report: &AuditReport, ranked: &super::RankedMedia) -> bool {
    ranked.recommendation != Recommendation::NothingToDo
        && report
            .media
            .get(ranked.media)
            .is_some_and(|m| m.kind == MediaKind::Photo && m.error.is_none())
}

/// How replacements are protected, the same for the command line and the app: every face
/// cloaked at `standard` (fixed, so a batch of replacements takes a predictable time), metadata
/// removed, copies into `out_dir`, decoys remembered in `decoy_book` when given.
pub fn replacement_options(out_dir: PathBuf, decoy_book: Option<PathBuf>) -> ProtectOptions {
    ProtectOptions {
        until_verified: false,
        out_dir,
        strength: Strength::Standard,
        faces: FaceSelection::All,
        blur: false,
        blur_these: Vec::new(),
        jpeg_quality: DEFAULT_JPEG_QUALITY,
        decoy_book,
    }
}

/// Protects every photo that [`needs_replacement`], most harmful first, into
/// `options.out_dir` under the photo's own file name (numbered when taken), calling `each` after
/// each one. Each photo is read from the export into a private temporary folder that is removed
/// afterwards; the export is never changed. Stops before the next photo when `controller` is
/// cancelled (the photo in hand stops at its next check, leaving nothing). Fails only when the
/// export or a temporary folder cannot be opened.
pub fn protect_replacements(
    report: &AuditReport,
    engine: &Engine,
    options: &ProtectOptions,
    controller: &Controller,
    mut each: impl FnMut(Replacement),
) -> Result<(), ReplaceError> {
    let (export, listing) = Export::open(&report.source, AuditOptions::default().limits)?;
    let scratch = tempfile::tempdir().map_err(|e| ReplaceError::Scratch {
        folder: std::env::temp_dir(),
        source: Arc::new(e),
    })?;
    for (index, ranked) in report.ranking.iter().enumerate() {
        if controller.is_cancelled() {
            break;
        }
        if !needs_replacement(report, ranked) {
            continue;
        }
        let Some(item) = report.media.get(ranked.media) else {
            continue;
        };
        let name = Path::new(&item.entry)
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_else(|| format!("photo-{}", index + 1).into());
        let staged = scratch.path().join(index.to_string());
        let read = listing
            .entries
            .iter()
            .find(|e| e.name == item.entry)
            .ok_or(ReplaceError::Missing)
            .and_then(|entry| Ok(export.read(entry, MAX_FILE_BYTES)?))
            .and_then(|data| {
                std::fs::create_dir_all(&staged)
                    .and_then(|()| std::fs::write(staged.join(&name), data))
                    .map_err(|e| ReplaceError::Scratch {
                        folder: staged.clone(),
                        source: Arc::new(e),
                    })
            });
        let result = read.map(|()| {
            let mut protected = protect_file(engine, &staged.join(&name), options, controller);
            protected.input = PathBuf::from(&item.entry);
            protected
        });
        let _ = std::fs::remove_dir_all(&staged);
        each(Replacement {
            position: index + 1,
            entry: item.entry.clone(),
            result,
        });
    }
    Ok(())
}
