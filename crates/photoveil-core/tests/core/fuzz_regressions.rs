//! Every input that ever crashed or hung a fuzz target (`fuzz/`), kept in `fuzz-regressions/`
//! (named after the target and what went wrong), goes through everything the fuzzers run: the
//! metadata scan, cleaning with both pixel checks, and decoding. Each must end within the
//! watchdog's limit with a clear error or a copy that scans again in the same format.

use crate::support;

use std::path::Path;

use photoveil_core::clean::clean_bytes;
use photoveil_core::decode::decode_displayed;
use photoveil_core::verify::PixelCheck;
use photoveil_core::{scan_bytes, ImageFormat};
use support::within_time_limit;

/// What happened to one input, as text for the failure message.
fn run_everything(bytes: Vec<u8>) -> Vec<String> {
    let mut outcomes = Vec::new();
    let describe = |what: &str, r: Result<String, photoveil_core::Error>| match r {
        Ok(ok) => format!("{what}: {ok}"),
        Err(e) => {
            assert!(
                !e.to_string().is_empty(),
                "{what}: an error without a message"
            );
            format!("{what}: error: {e}")
        }
    };
    outcomes.push(describe(
        "scan",
        scan_bytes(&bytes).map(|(f, _, findings)| format!("{f:?}, {} findings", findings.len())),
    ));
    for check in [PixelCheck::Fast, PixelCheck::Decode] {
        let cleaned = clean_bytes(&bytes, check).map(|c| {
            let rescan = scan_bytes(&c.bytes);
            assert!(
                matches!(&rescan, Ok((f, _, _)) if *f == c.format),
                "the copy does not scan as {:?}: {rescan:?}",
                c.format
            );
            format!("cleaned, {} bytes", c.bytes.len())
        });
        outcomes.push(describe(&format!("clean {check:?}"), cleaned));
    }
    if let Some(format) = ImageFormat::sniff(&bytes) {
        let decoded = decode_displayed(format, &bytes)
            .map(|d| format!("{}x{}", d.picture.width(), d.picture.height()));
        outcomes.push(describe("decode", decoded));
    }
    outcomes
}

#[test]
fn inputs_that_crashed_a_fuzzer_now_give_clear_results() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz-regressions exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    inputs.sort();
    for input in &inputs {
        let name = input.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        let bytes = std::fs::read(input).expect("read");
        let outcomes = within_time_limit(&name, move || run_everything(bytes));
        eprintln!("{name}: {}", outcomes.join("; "));
    }
}
