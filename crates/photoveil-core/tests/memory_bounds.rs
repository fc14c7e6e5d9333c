//! Hostile files that would make a naive reader allocate gigabytes: a PNG claiming
//! 100000x100000 pixels in a few KB, and a PNG of compressed text chunks that each inflate to
//! megabytes. The peak memory of this test process (VmHWM, read from /proc; this file holds a
//! single test so nothing else runs in the process) must stay within a small bound.

mod support;

use photoveil_core::clean::clean_bytes;
use photoveil_core::decode::decode_displayed;
use photoveil_core::scan_bytes;
use photoveil_core::verify::PixelCheck;
use photoveil_core::ImageFormat;
use support::build::{png_chunk, png_claiming, png_with, zlib};

/// The process's peak resident memory in KiB.
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc is mounted");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status")
}

/// Compressed iTXt XMP chunks: each a few KB that inflate to 8 MiB of spaces.
fn text_bomb(chunks: usize) -> Vec<u8> {
    let mut body = b"XML:com.adobe.xmp\0\x01\0\0\0".to_vec();
    body.extend(zlib(&vec![b' '; 8 << 20]));
    let chunk = png_chunk(b"iTXt", &body);
    png_with(&vec![chunk; chunks])
}

#[test]
fn decompression_bombs_fail_fast_with_bounded_memory() {
    let before = peak_kib();
    let started = std::time::Instant::now();
    let pixels = png_claiming(100_000, 100_000);
    assert!(decode_displayed(ImageFormat::Png, &pixels).is_err());
    assert!(clean_bytes(&pixels, PixelCheck::Decode).is_err());
    assert!(scan_bytes(&pixels).is_ok());
    let text = text_bomb(128);
    assert!(text.len() < 2 << 20, "{} bytes", text.len());
    let scanned = scan_bytes(&text).expect("the picture itself is fine");
    assert!(!scanned.2.is_empty(), "the text chunks are reported");
    let cleaned = clean_bytes(&text, PixelCheck::Fast).expect("the chunks are removed");
    assert!(cleaned.verification.residual.is_empty());
    let grown_mib = peak_kib().saturating_sub(before) / 1024;
    eprintln!(
        "bombs handled in {:.2?}, peak memory grew by {grown_mib} MiB",
        started.elapsed()
    );
    // 128 chunks x 8 MiB would be a gigabyte held at once.
    assert!(grown_mib < 256, "peak memory grew by {grown_mib} MiB");
}
