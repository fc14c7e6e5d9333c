//! PhotoVeil: with no arguments the desktop app (when built), with a subcommand the same core
//! headless.

mod cli;
mod i18n;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
