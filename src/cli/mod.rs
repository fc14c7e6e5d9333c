//! The command line: `scan` and `clean`, human-readable or JSON Lines.

mod clean;
mod describe;
mod scan;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use photoveil_core::batch::{default_workers, run_ordered};
use photoveil_core::{collect_images, Candidate, Error};

/// Make your photos safe to post.
#[derive(Debug, Parser)]
#[command(name = "photoveil", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show what each photo gives away (location, device, people, dates, hidden content).
    Scan {
        /// Print one JSON object per photo (JSON Lines) instead of text.
        #[arg(long)]
        json: bool,
        /// Photos or folders (folders are searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Write cleaned copies without metadata into a folder; originals are never changed.
    Clean {
        /// Folder for the cleaned copies (created if missing).
        #[arg(long, short)]
        out: PathBuf,
        /// Print one JSON object per photo (JSON Lines) instead of text.
        #[arg(long)]
        json: bool,
        /// Decode original and copy and compare every pixel, instead of comparing the coded
        /// picture data byte for byte (slower, same guarantee).
        #[arg(long)]
        verify_pixels: bool,
        /// Photos or folders (folders are searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// Parses the arguments and runs the command. Exit status: 0 when every photo succeeded, 1 when
/// any failed, 2 for wrong usage.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let ok = match cli.command {
        None => {
            // The desktop app is not part of this build yet: show how to use the command line.
            let _ = Cli::command().print_help();
            return ExitCode::SUCCESS;
        }
        Some(Command::Scan { json, paths }) => scan::run(&paths, json),
        Some(Command::Clean {
            out,
            json,
            verify_pixels,
            paths,
        }) => clean::run(&paths, out, json, verify_pixels),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Runs `work` on every file under `paths` on all cores, and hands results (or listing errors)
/// to `emit` in the order of the listing.
pub(crate) fn for_each_file<R: Send>(
    paths: &[PathBuf],
    work: impl Fn(&Candidate) -> R + Sync,
    mut emit: impl FnMut(Result<(&Candidate, R), &photoveil_core::WalkError>),
) {
    let listed = collect_images(paths);
    let controller = photoveil_core::Controller::new();
    run_ordered(
        &listed,
        default_workers(),
        &controller,
        |entry| entry.as_ref().ok().map(&work),
        |index, result| match (&listed[index], result) {
            (Ok(candidate), Some(r)) => emit(Ok((candidate, r))),
            (Err(e), _) => emit(Err(e)),
            (Ok(_), None) => {}
        },
    );
}

/// Files found inside folders whose content is not an image are skipped quietly, unless their
/// name says they are photos.
pub(crate) fn skip_quietly(candidate: &Candidate, error: Option<&Error>) -> bool {
    matches!(error, Some(Error::NotAnImage))
        && !candidate.explicit
        && !photoveil_core::format::has_image_extension(&candidate.path)
}
