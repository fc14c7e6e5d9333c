//! Faults during a batch, through the core's batch loop and `clean_file`: a photo deleted while
//! the batch runs, and cancellation between photos. No partial output, no data loss, and the
//! failed photo's report says what went wrong.

use crate::support;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use photoveil_core::batch::run_ordered;
use photoveil_core::clean::{clean_file, CleanOptions, CleanReport};
use photoveil_core::error::Error;
use photoveil_core::scan::scan_file;
use photoveil_core::verify::PixelCheck;
use photoveil_core::Controller;
use photoveil_fixtures as fx;
use support::{leftovers, names_in, sha256};

/// `count` photos with metadata in `dir/in`, with their checksums.
fn photos(dir: &std::path::Path, count: usize) -> Vec<(PathBuf, Vec<u8>)> {
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).expect("mkdir");
    (0..count)
        .map(|i| {
            let path = inputs.join(format!("photo-{i:02}.jpg"));
            std::fs::write(&path, fx::jpeg(32 + i as u32, 24, Default::default())).expect("write");
            let sum = sha256(&path);
            (path, sum)
        })
        .collect()
}

/// Every file in `out` is a complete, clean copy and no temporary file is left.
fn assert_only_complete_copies(out: &std::path::Path, reports: &[CleanReport]) {
    assert!(leftovers(out).is_empty(), "{:?}", leftovers(out));
    let mut written: Vec<String> = reports
        .iter()
        .filter_map(|r| r.output.as_ref())
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(names_in(out), written);
    for name in &written {
        let rescan = scan_file(&out.join(name));
        assert!(
            rescan.error.is_none() && rescan.findings.is_empty(),
            "{name}"
        );
    }
}

#[test]
fn a_photo_deleted_during_the_batch_fails_alone_and_the_rest_is_cleaned() {
    let dir = tempfile::tempdir().expect("dir");
    let inputs = photos(dir.path(), 6);
    let out = dir.path().join("out");
    let options = CleanOptions {
        out_dir: out.clone(),
        pixel_check: PixelCheck::Fast,
    };
    let vanishing = inputs[3].0.clone();
    let mut reports = Vec::new();
    run_ordered(
        &inputs,
        1,
        &Controller::new(),
        |(path, _)| {
            if *path == inputs[1].0 {
                std::fs::remove_file(&vanishing).expect("delete a later photo");
            }
            clean_file(path, &options)
        },
        |_, report| reports.push(report),
    );
    assert_eq!(reports.len(), 6, "every photo is reported");
    for (i, report) in reports.iter().enumerate() {
        if i == 3 {
            assert_eq!(report.input, vanishing, "the report names the file");
            assert!(
                matches!(&report.error, Some(Error::Read(e)) if e.kind() == std::io::ErrorKind::NotFound),
                "{:?}",
                report.error
            );
            assert!(report.output.is_none());
        } else {
            assert!(report.error.is_none(), "{i}: {:?}", report.error);
            assert_eq!(sha256(&inputs[i].0), inputs[i].1, "original {i} unchanged");
        }
    }
    assert_only_complete_copies(&out, &reports);
}

#[test]
fn cancelling_between_photos_stops_with_only_complete_copies() {
    let dir = tempfile::tempdir().expect("dir");
    let inputs = photos(dir.path(), 40);
    let out = dir.path().join("out");
    let options = CleanOptions {
        out_dir: out.clone(),
        pixel_check: PixelCheck::Fast,
    };
    let controller = Controller::new();
    let finished = AtomicUsize::new(0);
    let mut reports = Vec::new();
    let emitted = run_ordered(
        &inputs,
        2,
        &controller,
        |(path, _)| {
            let report = clean_file(path, &options);
            if finished.fetch_add(1, Ordering::SeqCst) + 1 == 5 {
                controller.cancel();
            }
            report
        },
        |_, report| reports.push(report),
    );
    assert_eq!(emitted, reports.len());
    assert!(
        (5..=6).contains(&emitted),
        "stopped after the photos in progress: {emitted}"
    );
    assert!(reports.iter().all(|r| r.error.is_none()));
    assert_only_complete_copies(&out, &reports);
    for (path, sum) in &inputs {
        assert_eq!(&sha256(path), sum, "{} unchanged", path.display());
    }
}
