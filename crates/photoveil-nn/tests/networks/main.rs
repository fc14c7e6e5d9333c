//! The networks' tests: each against its reference embeddings or detections.
//!
//! One test binary instead of one per file: each links the whole core and its dependencies,
//! and separate binaries filled CI's disk. Run one file's tests with
//! `cargo test -p photoveil-nn --test networks FILE::`.

#[path = "../common/mod.rs"]
mod common;

mod blazeface;
mod blazeface_fast;
mod dlib_resnet;
mod face_detection;
mod facenet;
mod mobileface;
mod mobilefacenet;
mod sface;
