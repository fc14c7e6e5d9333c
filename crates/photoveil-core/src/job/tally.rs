//! The tally of a finished batch, built from the very results the job hands its caller, so its
//! counts are the batch's: copies written and where, what was removed (by kind), each face's
//! protection result, and every failure with its file and reason. Typed data; the front ends put
//! it into words.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Entry, PhotoResult, ProtectedPhoto, Treatment};
use crate::clean::CleanReport;
use crate::error::Error;
use crate::finding::Category;
use crate::protect::pipeline::{FaceAction, Strength};
use crate::protect::verify::Verdict;
use crate::walk::{WalkError, WalkProblem};

/// What a batch did, counted from the results it handed out.
#[derive(Debug, Default)]
pub struct Tally {
    /// The folder the copies went to.
    pub out_dir: PathBuf,
    /// Copies written.
    pub written: usize,
    /// Metadata items removed from the copies, by kind (from the cleaning reports: a photo whose
    /// faces were protected is encoded anew and carries no metadata at all).
    pub removed: BTreeMap<Category, usize>,
    /// Faces changed and no longer recognised after a simulated upload.
    pub faces_verified: usize,
    /// Faces changed but not confirmed, still recognised or not measurable: each may need
    /// another step.
    pub faces_not_verified: Vec<FaceToRedo>,
    /// Faces blurred.
    pub faces_blurred: usize,
    /// Faces found and left as they were.
    pub faces_left: usize,
    /// Faces chosen but left as they were because they are seen from the side (the cloak is not
    /// made for them): each is to be blurred if the person must not be recognised.
    pub faces_side_view: Vec<FaceToRedo>,
    /// Photos that could not be done and paths that could not be listed, in listing order.
    pub failures: Vec<Failure>,
}

/// A cloaked face the independent check did not clear.
#[derive(Debug, Clone, PartialEq)]
pub struct FaceToRedo {
    /// The original photo.
    pub input: PathBuf,
    /// The face's index in the photo (largest first, from 0).
    pub face: usize,
    /// The level it got.
    pub level: Option<Strength>,
    /// What the check said of it (`None`: it could not be measured).
    pub verdict: Option<Verdict>,
    /// The checker's similarity after the simulated upload, when measured.
    pub similarity: Option<f32>,
}

/// One thing the batch could not do.
#[derive(Debug)]
pub struct Failure {
    /// The file or path concerned.
    pub input: PathBuf,
    /// Why.
    pub reason: FailureReason,
}

/// Why a photo or path failed.
#[derive(Debug)]
pub enum FailureReason {
    /// The photo's own error.
    Photo(Error),
    /// A copy was written but metadata remained in it (this many items).
    Residual(usize),
    /// The path could not be listed.
    Unlisted(WalkProblem),
}

impl Tally {
    /// An empty tally for copies going to `out_dir`.
    pub fn new(out_dir: &Path) -> Tally {
        Tally {
            out_dir: out_dir.to_path_buf(),
            ..Tally::default()
        }
    }

    /// Counts one entry of the clean job.
    pub fn add_clean_entry(&mut self, entry: &Entry<'_, CleanReport>) {
        match entry {
            Entry::Photo { result, .. } => self.add_clean(result),
            Entry::Unlisted(e) => self.add_unlisted(e),
        }
    }

    /// Counts one entry of the protect job.
    pub fn add_protect_entry(&mut self, entry: &Entry<'_, ProtectedPhoto>) {
        match entry {
            Entry::Photo { result, .. } => self.add_protected(result),
            Entry::Unlisted(e) => self.add_unlisted(e),
        }
    }

    /// Counts one cleaned photo.
    pub fn add_clean(&mut self, report: &CleanReport) {
        if let Some(e) = &report.error {
            self.fail(&report.input, FailureReason::Photo(e.clone()));
            return;
        }
        if !report.succeeded() {
            let left = report.verification.as_ref().map_or(0, |v| v.residual.len());
            self.fail(&report.input, FailureReason::Residual(left));
            return;
        }
        if report.output.is_some() {
            self.written += 1;
        }
        for finding in &report.removed {
            *self.removed.entry(finding.category).or_default() += 1;
        }
    }

    /// Counts one photo of the protect job (cleaned or protected).
    pub fn add_protected(&mut self, photo: &ProtectedPhoto) {
        let report = &photo.report;
        if let Some(e) = &report.error {
            self.fail(&report.input, FailureReason::Photo(e.clone()));
            return;
        }
        if photo.treatment == Treatment::Cleaned {
            if let Some(clean) = &photo.clean {
                for finding in &clean.removed {
                    *self.removed.entry(finding.category).or_default() += 1;
                }
            }
        }
        if report.output.is_some() {
            self.written += 1;
        }
        for (index, face) in report.faces.iter().enumerate() {
            match face.action {
                FaceAction::Left => self.faces_left += 1,
                FaceAction::SideView => self.faces_side_view.push(FaceToRedo {
                    input: report.input.clone(),
                    face: index,
                    level: None,
                    verdict: face.measured.verdict,
                    similarity: face.measured.similarity_after_upload,
                }),
                FaceAction::Blurred => self.faces_blurred += 1,
                FaceAction::Cloaked if face.measured.passed() == Some(true) => {
                    self.faces_verified += 1
                }
                FaceAction::Cloaked => self.faces_not_verified.push(FaceToRedo {
                    input: report.input.clone(),
                    face: index,
                    level: face.level,
                    verdict: face.measured.verdict,
                    similarity: face.measured.similarity_after_upload,
                }),
            }
        }
    }

    /// Counts a path that could not be listed.
    pub fn add_unlisted(&mut self, e: &WalkError) {
        let problem = match &e.problem {
            WalkProblem::Io(io) => WalkProblem::Io(std::io::Error::new(io.kind(), io.to_string())),
            WalkProblem::NotAFileOrFolder => WalkProblem::NotAFileOrFolder,
            WalkProblem::LinkLoop => WalkProblem::LinkLoop,
        };
        self.fail(&e.path, FailureReason::Unlisted(problem));
    }

    /// Faces cloaked or blurred.
    pub fn faces_protected(&self) -> usize {
        self.faces_verified + self.faces_not_verified.len() + self.faces_blurred
    }

    /// Metadata items removed in all.
    pub fn removed_total(&self) -> usize {
        self.removed.values().sum()
    }

    fn fail(&mut self, input: &Path, reason: FailureReason) {
        self.failures.push(Failure {
            input: input.to_path_buf(),
            reason,
        });
    }
}
