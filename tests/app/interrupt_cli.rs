//! Ctrl-C in the middle of a batch: `photoveil protect` stops cleanly, says so, exits with 130,
//! leaves no partial or temporary file in the output folder, and the originals are untouched.

use crate::common;

use std::path::PathBuf;
use std::time::Duration;

use common::{s, sha, shared};

#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_batch_without_leaving_partial_copies() {
    let dir = tempfile::tempdir().expect("dir");
    let inputs = dir.path().join("in");
    let out = dir.path().join("out");
    std::fs::create_dir(&inputs).expect("mkdir");
    let astronaut = shared("astronaut.png");
    // Each photo takes seconds (a face to cloak): the signal lands while the batch is running.
    let photos: Vec<PathBuf> = (0..4)
        .map(|i| {
            let p = inputs.join(format!("photo{i}.png"));
            std::fs::copy(&astronaut, &p).expect("copy");
            p
        })
        .collect();
    let before: Vec<Vec<u8>> = photos.iter().map(|p| sha(p)).collect();
    let home = tempfile::tempdir().expect("home");
    let (output, stopped_after) = common::interrupted_after(
        home.path(),
        &["protect", "--no-remember", "--out", s(&out), s(&inputs)],
        Duration::from_secs(3),
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "stderr: {stderr}");
    assert!(stderr.contains("stopped (Ctrl-C)"), "stderr: {stderr}");
    // It stops at the next step of the cloak, not after the whole batch.
    assert!(
        stopped_after < Duration::from_secs(20),
        "took {stopped_after:?} to stop"
    );
    let written: Vec<String> = std::fs::read_dir(&out)
        .map(|entries| {
            entries
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        written.len() < photos.len(),
        "every photo was written: {written:?}"
    );
    for name in &written {
        assert!(
            name.starts_with("photo") && name.ends_with(".png"),
            "a partial or temporary file is left: {name}"
        );
        let copy = image::open(out.join(name)).expect("a written copy is complete");
        assert_eq!(copy.width(), 512);
    }
    for (p, digest) in photos.iter().zip(&before) {
        assert_eq!(&sha(p), digest, "{} changed", p.display());
    }
}
