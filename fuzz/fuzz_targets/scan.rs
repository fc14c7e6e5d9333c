//! Metadata scan of any bytes: format sniffing, container walk, EXIF/XMP/IPTC parsing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = photoveil_core::scan_bytes(data);
});
