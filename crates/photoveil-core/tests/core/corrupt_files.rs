//! Thousands of damaged files, made from a good fixture of every format (see `support::corpus`),
//! go through the real `scan_file` and `clean_file`: each gives a clear error or a valid, fully
//! written copy; nothing panics or takes more than 10 s; no temporary or partial file is left in
//! the output folder; every original is byte-identical afterwards (SHA-256 before and after).

use crate::support;

use std::path::Path;

use photoveil_core::clean::{clean_file, CleanOptions};
use photoveil_core::scan::scan_file;
use photoveil_core::verify::PixelCheck;
use support::corpus::damaged;
use support::{fixtures, leftovers, names_in, sha256, within_time_limit};

#[test]
fn damaged_files_give_clear_errors_or_valid_copies_and_originals_stay_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let inputs = dir.path().join("in");
    let out = dir.path().join("out");
    std::fs::create_dir(&inputs).expect("mkdir");
    let mut total = 0usize;
    let mut cleaned = 0usize;
    let mut expected_outputs = Vec::new();
    for (fixture, good) in fixtures() {
        let extension = fixture.rsplit('.').next().unwrap_or("bin").to_string();
        for case in damaged(&fixture, &good) {
            total += 1;
            let input = inputs.join(format!("case-{total}.{extension}"));
            std::fs::write(&input, &case.bytes).expect("write case");
            let before = sha256(&input);
            let (scan, clean) = {
                let input = input.clone();
                let options = CleanOptions {
                    out_dir: out.clone(),
                    pixel_check: PixelCheck::Fast,
                };
                within_time_limit(&case.name, move || {
                    (scan_file(&input), clean_file(&input, &options))
                })
            };
            if case.bytes.is_empty() {
                assert!(
                    scan.error.is_some(),
                    "{}: an empty file is an error",
                    case.name
                );
            }
            // Every error has a message (the JSON `error` field and the CLI line).
            for error in scan.error.iter().chain(clean.error.iter()) {
                assert!(!error.to_string().is_empty(), "{}", case.name);
            }
            match (&clean.output, &clean.error) {
                (Some(output), None) => {
                    cleaned += 1;
                    expected_outputs.push(output.clone());
                    let residual = clean.verification.as_ref().map_or(0, |v| v.residual.len());
                    assert_valid_copy(&case.name, output, (clean.format, &clean.kept), residual);
                }
                (None, Some(_)) => {}
                other => panic!("{}: output and error {other:?}", case.name),
            }
            assert_eq!(
                sha256(&input),
                before,
                "{}: the original changed",
                case.name
            );
            assert!(
                leftovers(&out).is_empty(),
                "{}: left behind {:?}",
                case.name,
                leftovers(&out)
            );
        }
    }
    // Only the complete copies are in the output folder, nothing else.
    let mut expected: Vec<String> = expected_outputs
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    expected.sort();
    assert_eq!(names_in(&out), expected);
    eprintln!("{total} damaged files, {cleaned} still cleaned into valid copies");
    assert!(total > 1_000, "the corpus is as large as intended");
}

/// A copy that was written must read back as the same format, with nothing left to find but
/// what its report says could not be removed, besides what it says it keeps on purpose.
fn assert_valid_copy(
    case: &str,
    output: &Path,
    (format, kept): (Option<photoveil_core::ImageFormat>, &[photoveil_core::Kept]),
    residual: usize,
) {
    let rescan = scan_file(output);
    assert!(
        rescan.error.is_none(),
        "{case}: the copy does not scan: {:?}",
        rescan.error
    );
    assert_eq!(rescan.format, format, "{case}: the copy changed format");
    let left: Vec<_> = rescan
        .findings
        .iter()
        .filter(|f| !photoveil_core::clean::kept_on_purpose(kept, f))
        .collect();
    assert_eq!(left.len(), residual, "{case}: the copy gives away {left:?}");
}
