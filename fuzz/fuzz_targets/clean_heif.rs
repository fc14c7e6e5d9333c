//! Cleaning and verifying bytes that sniff as HEIF or AVIF: box walk, item tables, in-place blanking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::PixelCheck;
use photoveil_core::ImageFormat;

fuzz_target!(|data: &[u8]| {
    if !matches!(
        ImageFormat::sniff(data),
        Some(ImageFormat::Heif | ImageFormat::Avif)
    ) {
        return;
    }
    let _ = clean_bytes(data, PixelCheck::Fast);
});
