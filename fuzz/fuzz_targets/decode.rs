//! The picture decoding front-end (size check, limits, orientation) for every decodable format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use photoveil_core::decode::decode_displayed;
use photoveil_core::ImageFormat;

fuzz_target!(|data: &[u8]| {
    if let Some(format) = ImageFormat::sniff(data) {
        let _ = decode_displayed(format, data);
    }
});
