//! Cleaning and verifying bytes that sniff as a Canon CR3 (ISO boxes, brand `crx `): scan, clean
//! in place or refuse, re-scan, compare.
#![no_main]

use libfuzzer_sys::fuzz_target;
use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::PixelCheck;
use photoveil_core::ImageFormat;

fuzz_target!(|data: &[u8]| {
    if ImageFormat::sniff(data) != Some(ImageFormat::CameraRaw)
        || data.get(4..12) != Some(b"ftypcrx ".as_slice())
    {
        return;
    }
    let _ = clean_bytes(data, PixelCheck::Fast);
});
