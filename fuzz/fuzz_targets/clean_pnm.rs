//! Cleaning and verifying bytes that sniff as Pnm: scan, rewrite, re-scan, compare.
#![no_main]

use libfuzzer_sys::fuzz_target;
use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::PixelCheck;
use photoveil_core::ImageFormat;

fuzz_target!(|data: &[u8]| {
    if ImageFormat::sniff(data) != Some(ImageFormat::Pnm) {
        return;
    }
    let _ = clean_bytes(data, PixelCheck::Fast);
});
