//! Cleaning and verifying bytes that sniff as camera RAW in a maker's own container (CR3, RAF,
//! CRW, MRW, X3F): scan, clean in place or refuse, re-scan, compare.
#![no_main]

use libfuzzer_sys::fuzz_target;
use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::PixelCheck;
use photoveil_core::ImageFormat;

fuzz_target!(|data: &[u8]| {
    if ImageFormat::sniff(data) != Some(ImageFormat::CameraRaw) {
        return;
    }
    let _ = clean_bytes(data, PixelCheck::Fast);
});
