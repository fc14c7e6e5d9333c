//! The core's integration tests, one module per file.
//!
//! One test binary instead of one per file: each links the whole core and its dependencies,
//! and separate binaries filled CI's disk. Run one file's tests with
//! `cargo test -p photoveil-core --test core FILE::`.

#[path = "../support/mod.rs"]
mod support;

mod audit_exports;
mod audit_progress;
mod batch_faults;
mod cloak;
mod corrupt_files;
mod cr3;
mod dng;
mod external_viewer;
mod format_round_trips;
mod fuzz_regressions;
mod jobs;
mod limits;
mod mutation_smoke;
mod nef;
mod no_import_circle;
mod psd;
mod raf_mrw;
mod raw_families;
mod reduced_detection;
mod rw2_iiq;
mod separation;
mod side_view;
mod small_formats;
mod swap_crop;
mod tally;
mod tiff_layouts;
mod until_verified;
mod x3f;
