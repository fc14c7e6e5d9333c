//! PhotoVeil: with no arguments the desktop app, with a subcommand the same core headless.

mod cli;
#[cfg(windows)]
mod detach;
mod fonts;
mod gui;
mod i18n;
#[cfg(test)]
mod i18n_check;
#[cfg(test)]
mod layering_check;
mod paths;
mod report;
#[cfg(test)]
mod test_faces;
mod words;

use std::process::ExitCode;

fn main() -> ExitCode {
    #[cfg(windows)]
    if let Some(code) = detach::relaunch_without_console() {
        return code;
    }
    cli::run()
}
