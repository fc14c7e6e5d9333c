//! Helpers shared by the core's robustness tests: fixtures of every format, a watchdog, file
//! checksums and folder listings.
#![allow(dead_code)]

pub mod build;
pub mod corpus;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use photoveil_fixtures as fx;

/// How long one file may take before the test calls it a hang.
pub const HANG: Duration = Duration::from_secs(10);

/// One small fixture of every format, with metadata: (file name, bytes).
pub fn fixtures() -> Vec<(String, Vec<u8>)> {
    let no_video = fx::JpegSpec {
        motion_video: false,
        ..Default::default()
    };
    let mut out = vec![
        (
            "motion.jpg".to_string(),
            fx::jpeg(24, 16, Default::default()),
        ),
        ("still.jpg".to_string(), fx::jpeg(16, 16, no_video)),
        ("photo.png".to_string(), fx::png(16, 12, Some(6))),
        ("photo.webp".to_string(), fx::webp(16, 12, Some(8))),
        ("photo.tiff".to_string(), fx::tiff(16, 12, Some(3))),
        ("palette.tiff".to_string(), fx::tiff_palette_geotiff(9, 7)),
        ("cmyk.tiff".to_string(), fx::tiff_cmyk(6, 5)),
        ("rgb16.tiff".to_string(), fx::tiff_rgb16(5, 5)),
        ("tiled.tiff".to_string(), fx::tiff_tiled(20, 18)),
        ("camera.tiff".to_string(), fx::dng(6)),
        ("canon.cr2".to_string(), fx::cr2(6, vec![0x55; 64])),
        ("animated.gif".to_string(), fx::gif(16, 12, 2)),
        ("profile.bmp".to_string(), fx::bmp_embedded_profile(7, 5)),
        ("linked.bmp".to_string(), fx::bmp_linked_profile(7, 5)),
        ("boxes.jxl".to_string(), fx::jxl()),
        ("bare.jxl".to_string(), fx::JXL_CODESTREAM.to_vec()),
        ("photo.jp2".to_string(), fx::jp2()),
        ("layers.psd".to_string(), fx::psd(6, 4)),
    ];
    out.extend(heif_fixtures());
    out
}

/// A HEIC and an AVIF with the fixture metadata, made by libheif's `heif-enc` (installed by
/// tools/test.sh as libheif-examples).
pub fn heif_fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("source.jpg");
    let no_video = fx::JpegSpec {
        motion_video: false,
        ..Default::default()
    };
    std::fs::write(&source, fx::jpeg(32, 32, no_video)).expect("write");
    let mut out = Vec::new();
    for (name, extra) in [("phone.heic", None), ("phone.avif", Some("-A"))] {
        let target = dir.path().join(name);
        let mut command = std::process::Command::new("heif-enc");
        command.args(["-q", "50", "-o"]).arg(&target).arg(&source);
        if let Some(flag) = extra {
            command.arg(flag);
        }
        let run = command
            .output()
            .expect("heif-enc is installed (libheif-examples)");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        out.push((name.to_string(), std::fs::read(&target).expect("read")));
    }
    out
}

/// Runs `work` on another thread and fails the test, naming `what`, when it takes longer than
/// [`HANG`] or panics.
pub fn within_time_limit<T: Send + 'static>(
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (send, receive) = mpsc::channel();
    let worker = std::thread::Builder::new()
        .name(what.to_string())
        .spawn(move || {
            let _ = send.send(work());
        })
        .expect("spawn a worker");
    match receive.recv_timeout(HANG) {
        Ok(value) => {
            let _ = worker.join();
            value
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: no answer within {HANG:?} (hang)"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

/// SHA-256 of a file's bytes.
pub fn sha256(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).expect("read for checksum");
    ring::digest::digest(&ring::digest::SHA256, &bytes)
        .as_ref()
        .to_vec()
}

/// The names in a folder, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// Files in `dir` that look like unfinished outputs (PhotoVeil's `.part` temporary files).
pub fn leftovers(dir: &Path) -> Vec<PathBuf> {
    names_in(dir)
        .into_iter()
        .filter(|n| n.ends_with(".part") || n.starts_with(".photoveil-"))
        .map(|n| dir.join(n))
        .collect()
}
