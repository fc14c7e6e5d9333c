//! Turning the paths a user gave into the list of files to look at.

use std::path::{Path, PathBuf};

/// A file to scan or clean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The file.
    pub path: PathBuf,
    /// True when the user named this file; files found in folders that are not images are
    /// skipped quietly unless their name says they are photos.
    pub explicit: bool,
}

/// A path that could not be listed (missing, unreadable folder, symbolic-link loop).
#[derive(Debug, thiserror::Error)]
#[error("{}: {problem}", path.display())]
pub struct WalkError {
    /// The path concerned.
    pub path: PathBuf,
    /// Why it could not be listed.
    pub problem: WalkProblem,
}

/// Why a path could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum WalkProblem {
    /// The system refused or failed (missing, permission denied, ...).
    #[error("{0}")]
    Io(#[source] std::io::Error),
    /// Neither a regular file nor a folder (a device, a socket, ...).
    #[error("not a regular file or folder")]
    NotAFileOrFolder,
    /// A symbolic link leading back into a folder above it; it was skipped.
    #[error("symbolic link loop, skipped")]
    LinkLoop,
}

/// Lists the files under `paths`, walking folders recursively (following links, with loop
/// detection), in a stable order.
pub fn collect_images(paths: &[PathBuf]) -> Vec<Result<Candidate, WalkError>> {
    let mut out = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => out.push(Err(WalkError {
                path: path.clone(),
                problem: WalkProblem::Io(e),
            })),
            Ok(m) if m.is_file() => out.push(Ok(Candidate {
                path: path.clone(),
                explicit: true,
            })),
            Ok(m) if m.is_dir() => walk_dir(path, &mut out),
            Ok(_) => out.push(Err(WalkError {
                path: path.clone(),
                problem: WalkProblem::NotAFileOrFolder,
            })),
        }
    }
    out
}

fn walk_dir(root: &Path, out: &mut Vec<Result<Candidate, WalkError>>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => out.push(Ok(Candidate {
                path: e.into_path(),
                explicit: false,
            })),
            Ok(_) => {}
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                let problem = if e.loop_ancestor().is_some() {
                    WalkProblem::LinkLoop
                } else {
                    WalkProblem::Io(e.into())
                };
                out.push(Err(WalkError { path, problem }));
            }
        }
    }
}
