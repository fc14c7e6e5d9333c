//! PhotoVeil's GUI-free core.
//!
//! It finds what a photo gives away ([`scan`]), writes cleaned copies ([`clean`]) and proves that a
//! cleaned copy shows the same picture and no longer carries the data ([`verify`]). It finds faces
//! ([`faces`]) and protects them ([`protect`]), measuring the result with a network the cloak was
//! not optimised against. Everything here returns typed data; wording for people lives in the
//! binary's translations.

#![deny(missing_docs)]

pub mod audit;
pub mod batch;
pub mod calendar;
pub mod clean;
pub mod container;
pub mod controller;
pub mod decode;
pub mod demo;
pub mod error;
pub mod face_cache;
pub mod faces;
pub mod finding;
pub mod format;
pub mod geometry;
mod installed;
pub mod job;
pub mod limits;
pub mod map;
pub mod meta;
pub mod output;
pub mod protect;
pub mod report;
pub mod scan;
pub mod verify;
pub mod walk;

pub use clean::{clean_file, CleanMethod, CleanOptions, CleanReport, Kept};
pub use controller::{Controller, Stage};
pub use error::{Error, Mismatch, Operation, RawRefusal, Result};
pub use finding::{Category, Explanation, Finding, Severity};
pub use format::{ImageFormat, RawFamily};
pub use scan::{scan_bytes, scan_file, ScanReport};
pub use walk::{collect_images, Candidate, WalkError, WalkProblem};
