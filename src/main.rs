//! PhotoVeil: with no arguments the desktop app, with a subcommand the same core headless.

mod cli;
mod gui;
mod i18n;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
