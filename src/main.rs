//! PhotoVeil: with no arguments the desktop app, with a subcommand the same core headless.

mod cli;
mod fonts;
mod gui;
mod i18n;
#[cfg(test)]
mod i18n_check;
#[cfg(test)]
mod layering_check;
mod paths;
mod report;
mod words;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
