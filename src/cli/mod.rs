//! The command line: `scan`, `clean`, `protect`, `verify`, `audit` and `app`, each printing
//! human-readable lines or JSON Lines. It only drives the core's work and presents the results;
//! the words come from [`crate::words`], the data folders from [`crate::paths`].

mod audit;
mod clean;
mod out;
mod people;
mod protect;
mod scan;
mod summary;
mod verify;

use std::path::PathBuf;

use out::out;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use photoveil_core::job::Entry;

/// Make your photos safe to post.
#[derive(Debug, Parser)]
#[command(name = "photoveil", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Language of messages and reports: en, ko or ur (default: $PHOTOVEIL_LANG, else the
    /// system's language).
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show what each photo gives away (location, device, people, dates, hidden content).
    Scan {
        /// Print one JSON object per photo (JSON Lines) instead of text.
        #[arg(long)]
        json: bool,
        /// Do not look for faces (metadata only; faster).
        #[arg(long)]
        no_faces: bool,
        /// Look for the faces of every photo again instead of taking those of photos scanned
        /// before from the cache (which keeps no pictures, only where the faces are).
        #[arg(long)]
        no_cache: bool,
        /// Also write a workshop report: a self-contained HTML page to open or print.
        #[arg(long, value_name = "FILE.html")]
        report: Option<PathBuf>,
        /// Leave the small pictures of the photos out of the report.
        #[arg(long, requires = "report")]
        no_thumbnails: bool,
        /// Scan the built-in demo photos (public-domain pictures with made-up data).
        #[arg(long)]
        demo: bool,
        /// Photos or folders (folders are searched recursively).
        #[arg(required_unless_present = "demo")]
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
    /// Write protected copies: metadata removed and faces cloaked against face-recognition and
    /// face-swap networks (or blurred), each measured by an independent network after a
    /// simulated upload.
    Protect {
        /// Folder for the protected copies (created if missing).
        #[arg(long, short)]
        out: PathBuf,
        /// How strongly to cloak faces: the highest level a face may get, or with --fixed the
        /// level every face gets [default: strong, with --fixed standard].
        #[arg(long, value_enum)]
        strength: Option<protect::StrengthArg>,
        /// Cloak every face at exactly --strength. Without it each face starts at the lowest
        /// level and steps up until an independent network no longer recognises it after a
        /// simulated upload, or --strength is reached.
        #[arg(long)]
        fixed: bool,
        /// Which faces to protect.
        #[arg(long, value_enum, default_value_t = protect::FacesArg::All)]
        faces: protect::FacesArg,
        /// Blur the faces beyond recognition instead of cloaking them.
        #[arg(long)]
        blur_faces: bool,
        /// Quality of JPEG copies (lowered down to 70 if a copy would grow over 1.3x).
        #[arg(long, default_value_t = photoveil_core::protect::pipeline::DEFAULT_JPEG_QUALITY, value_parser = clap::value_parser!(u8).range(50..=100))]
        jpeg_quality: u8,
        /// Do not remember people's decoy identities between runs.
        #[arg(long)]
        no_remember: bool,
        /// Print one JSON object per photo (JSON Lines) instead of text.
        #[arg(long)]
        json: bool,
        /// Photos or folders (folders are searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Measure how well a protected copy hides each face of the original from an independent
    /// network, before and after a simulated upload.
    Verify {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// The original photo.
        original: PathBuf,
        /// The protected copy.
        protected: PathBuf,
    },
    /// Open the desktop app (the same as no arguments), checking these photos or folders at once.
    App {
        /// Photos or folders to check when the window opens.
        paths: Vec<PathBuf>,
    },
    /// Audit an account export (Instagram, Facebook, Google Takeout) or any folder or ZIP of
    /// photos: what each photo gives away, who appears in how many, and what to delete or
    /// replace first. ZIP files are read in place.
    Audit {
        /// Print JSON Lines (one object per line, each with a "type") instead of text.
        #[arg(long)]
        json: bool,
        /// Do not look for faces (metadata and the export's own information only; faster).
        #[arg(long)]
        no_faces: bool,
        /// Also write a report: a self-contained HTML page of the photos in ranked order, each
        /// with what to do about it.
        #[arg(long, value_name = "FILE.html")]
        report: Option<PathBuf>,
        /// Leave the small pictures of the photos out of the report.
        #[arg(long, requires = "report")]
        no_thumbnails: bool,
        /// Write protected replacements (faces cloaked, metadata removed) of every photo the
        /// audit advises deleting or replacing into this folder, to post instead.
        #[arg(long, value_name = "DIR", conflicts_with = "no_faces")]
        protect_out: Option<PathBuf>,
        /// Name a person of this audit, by the number it shows (e.g. `--name 1=me`). Names are
        /// kept on this computer only, and later audits recognise the person. Repeatable.
        #[arg(long, value_name = "N=NAME", value_parser = people::parse_name, conflicts_with = "no_faces")]
        name: Vec<(usize, String)>,
        /// Show only the photos of the person given this name.
        #[arg(long, value_name = "NAME", conflicts_with = "no_faces")]
        person: Option<String>,
        /// The export: a ZIP file or a folder.
        path: PathBuf,
    },
}

/// Parses the arguments and runs the command. Exit status: 0 when every photo succeeded, 1 when
/// any failed, 2 for wrong usage.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    if let Err(e) = crate::i18n::select_language(cli.lang.as_deref()) {
        eprintln!("photoveil: {e:#}");
        return ExitCode::from(2);
    }
    let ok = match cli.command {
        None => {
            if crate::gui::display_available() {
                return crate::gui::run(Vec::new());
            }
            eprintln!(
                "photoveil: no display to open the desktop app on (neither DISPLAY nor \
                 WAYLAND_DISPLAY is set); use a subcommand instead:\n"
            );
            let _ = Cli::command().print_help();
            return ExitCode::from(2);
        }
        Some(Command::Scan {
            json,
            no_faces,
            no_cache,
            report,
            no_thumbnails,
            demo,
            mut paths,
        }) => {
            if demo {
                match photoveil_core::demo::demo_photos() {
                    Ok(photos) => {
                        scan::announce_demo(&photos, json);
                        paths.extend(photos);
                    }
                    Err(e) => {
                        say_error(&photoveil_core::demo::demo_dir(), &e);
                        return ExitCode::from(1);
                    }
                }
            }
            let report = report.map(|path| scan::ReportRequest {
                path,
                thumbnails: !no_thumbnails,
            });
            scan::run(&paths, json, !no_faces, !no_cache, report)
        }
        Some(Command::Clean {
            out,
            json,
            verify_pixels,
            paths,
        }) => clean::run(&paths, out, json, verify_pixels),
        Some(Command::Protect {
            out,
            strength,
            fixed,
            faces,
            blur_faces,
            jpeg_quality,
            no_remember,
            json,
            paths,
        }) => protect::run(
            &paths,
            protect::Settings {
                out,
                strength,
                fixed,
                faces,
                blur_faces,
                jpeg_quality,
                remember: !no_remember,
            },
            json,
        ),
        Some(Command::Verify {
            json,
            original,
            protected,
        }) => verify::run(&original, &protected, json),
        Some(Command::App { paths }) => {
            if crate::gui::display_available() {
                return crate::gui::run(paths);
            }
            eprintln!(
                "photoveil: no display to open the desktop app on (neither DISPLAY nor \
                 WAYLAND_DISPLAY is set)"
            );
            return ExitCode::from(2);
        }
        Some(Command::Audit {
            json,
            no_faces,
            report,
            no_thumbnails,
            protect_out,
            name,
            person,
            path,
        }) => {
            let request = audit::Request {
                names: name,
                person,
                json,
                faces: !no_faces,
                report: report.map(|path| scan::ReportRequest {
                    path,
                    thumbnails: !no_thumbnails,
                }),
                protect_out,
            };
            audit::run(&path, request)
        }
    };
    if out::closed() {
        // The reader of standard output went away (`| head`): the batch stopped as for Ctrl-C,
        // and, as other command-line tools do, the program ends quietly.
        return if ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    if INTERRUPT
        .get()
        .is_some_and(photoveil_core::Controller::is_cancelled)
    {
        // The photo in progress was stopped before its copy was written; the others were not
        // started. What was written is complete.
        eprintln!("photoveil: {}", crate::i18n::text("cli-interrupted"));
        return ExitCode::from(130);
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The batch controller, once a batch command has asked for it (see [`interrupted`]).
static INTERRUPT: std::sync::OnceLock<photoveil_core::Controller> = std::sync::OnceLock::new();

/// The controller that Ctrl-C (SIGINT) and SIGTERM cancel (on Windows: Ctrl-C, Ctrl-Break and
/// closing the console window), shared by every batch of this process: no new photo is started,
/// the one in progress stops at its next check and leaves nothing behind. A second signal ends
/// the process at once.
pub(crate) fn interrupted() -> photoveil_core::Controller {
    INTERRUPT
        .get_or_init(|| {
            let controller = photoveil_core::Controller::new();
            #[cfg(unix)]
            {
                use signal_hook::consts::{SIGINT, SIGTERM};
                // The handlers only set the controller's flag (no thread, no pipe or socket).
                let flag = controller.shared_flag();
                for signal in [SIGINT, SIGTERM] {
                    // Registered first, so it sees the flag as the previous signal left it.
                    let _ =
                        signal_hook::flag::register_conditional_shutdown(signal, 130, flag.clone());
                    let _ = signal_hook::flag::register(signal, flag.clone());
                }
            }
            #[cfg(windows)]
            {
                // Ctrl-C, Ctrl-Break and closing the console window reach the console's control
                // handler, which runs on its own thread: the first stops the batch, a second ends
                // the process at once, as on Unix.
                let flag = controller.shared_flag();
                let _ = ctrlc::set_handler(move || {
                    if flag.swap(true, std::sync::atomic::Ordering::SeqCst) {
                        std::process::exit(130);
                    }
                });
            }
            controller
        })
        .clone()
}

/// Whether the batch was asked to stop (Ctrl-C, SIGTERM or a closed standard output).
pub(crate) fn stopped() -> bool {
    interrupted().is_cancelled()
}

/// What to do with each entry a core job hands over: listing problems are printed here (with
/// the path under `key`), photos go to `show`.
pub(crate) fn presenting<R>(
    json: bool,
    key: &'static str,
    mut show: impl FnMut(R),
) -> impl FnMut(Entry<'_, R>) {
    move |entry| match entry {
        Entry::Unlisted(e) => print_listing_error(e, json, key),
        Entry::Photo { result, .. } => show(result),
    }
}

/// Loads the face models, or says clearly why not.
pub(crate) fn load_engine() -> Option<photoveil_core::protect::Engine> {
    let dir = photoveil_core::protect::models_dir();
    match photoveil_core::protect::Engine::load(
        &dir,
        photoveil_core::protect::Engine::DEFAULT_VERIFIER,
    ) {
        Ok(engine) => Some(engine),
        Err(e) => {
            say_error(&dir, &e);
            None
        }
    }
}

/// Prints a listing problem (missing path, unreadable folder, link loop): one JSON line with the
/// path under `key`, or one line on standard error.
pub(crate) fn print_listing_error(e: &photoveil_core::WalkError, json: bool, key: &str) {
    if json {
        let mut line = serde_json::Map::new();
        line.insert(key.to_string(), serde_json::json!(e.path));
        line.insert(
            "error".to_string(),
            serde_json::json!(e.problem.to_string()),
        );
        out!("{}", serde_json::Value::Object(line));
    } else {
        say_problem(&e.path, crate::words::reasons::walk(&e.problem));
    }
}

/// Says on standard error, in the user's language, why the photo at `path` failed (the JSON
/// `error` field keeps the core's English wording, for programs).
pub(crate) fn say_error(path: &std::path::Path, e: &photoveil_core::Error) {
    say_problem(path, crate::words::reasons::error(e));
}

/// One line on standard error: the file, then what went wrong, in words.
fn say_problem(path: &std::path::Path, why: String) {
    eprintln!(
        "{}",
        crate::i18n::text_with(
            "cli-photo-error",
            &[
                ("file", path.display().to_string().into()),
                ("why", why.into()),
            ],
        )
    );
}

/// Prints a report as one JSON line.
pub(crate) fn print_json_line(report: &impl serde::Serialize, path: &std::path::Path) {
    match serde_json::to_string(report) {
        Ok(line) => out!("{line}"),
        Err(e) => eprintln!("{}: error: {e}", path.display()),
    }
}
