//! The command line: `scan` and `clean`, human-readable or JSON Lines.

mod clean;
mod describe;
mod scan;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
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

/// One file to work on, or a path that could not be listed.
pub(crate) enum Item {
    File(Candidate),
    Unlisted(photoveil_core::WalkError),
}

/// The files under `paths`, in order.
pub(crate) fn items(paths: &[PathBuf]) -> Vec<Item> {
    collect_images(paths)
        .into_iter()
        .map(|r| match r {
            Ok(c) => Item::File(c),
            Err(e) => Item::Unlisted(e),
        })
        .collect()
}

/// Files found inside folders whose content is not an image are skipped quietly, unless their
/// name says they are photos.
pub(crate) fn skip_quietly(candidate: &Candidate, error: Option<&Error>) -> bool {
    matches!(error, Some(Error::NotAnImage))
        && !candidate.explicit
        && !photoveil_core::format::has_image_extension(&candidate.path)
}
