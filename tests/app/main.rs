//! The program's tests: the CLI, the desktop app under Xvfb, privacy, faults.
//!
//! One test binary instead of one per file: each links the whole core and its dependencies,
//! and separate binaries filled CI's disk. Run one file's tests with
//! `cargo test --test app FILE::`.

#[path = "../common/mod.rs"]
mod common;

mod audit_cli;
mod clean_cli;
mod closed_output_cli;
mod gui_xvfb;
mod interrupt_cli;
mod output_faults;
mod privacy;
mod protect_cli;
mod raw_clean_cli;
mod report_cli;
mod scan_cache_cli;
mod scan_cli;
mod summary_cli;
