//! A reader that goes away (`photoveil scan --json DIR | head -1`): every command stops its
//! batch as for Ctrl-C and ends quietly, without a panic or a backtrace, leaving no partial or
//! temporary file and no half report.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{s, shared};
use photoveil_fixtures::{jpeg, JpegSpec};

/// Runs `photoveil` with its standard output closed before it writes anything (the reader is
/// gone, so its first line meets a broken pipe), as a user whose home is `home`.
fn with_output_closed(home: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_photoveil"))
        .arg("--lang")
        .arg("en")
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the photoveil binary runs");
    drop(child.stdout.take()); // the reader goes away
    child.wait_with_output().expect("wait")
}

/// The process ended on its own terms: no panic, no backtrace, no message about the pipe.
fn assert_quiet_end(output: &Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(output.status.code(), Some(101), "panicked: {stderr}");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "status {:?}: {stderr}",
        output.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

/// `count` JPEGs with metadata (no faces) in `dir/in`.
fn photos(dir: &Path, count: usize) -> PathBuf {
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).expect("mkdir");
    let bytes = jpeg(640, 480, JpegSpec::default());
    for i in 0..count {
        std::fs::write(inputs.join(format!("photo{i:02}.jpg")), &bytes).expect("write");
    }
    inputs
}

/// Every file written into `out`: none temporary, each a whole picture.
fn written_copies(out: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let files: Vec<PathBuf> = entries.map(|e| e.expect("entry").path()).collect();
    for file in &files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        assert!(
            !name.starts_with('.') && !name.contains("tmp"),
            "temporary file left: {name}"
        );
        common::pixels(file); // decodes completely
    }
    files
}

#[test]
fn scan_stops_quietly_and_writes_no_half_report() {
    let dir = tempfile::tempdir().expect("dir");
    let inputs = photos(dir.path(), 30);
    let report = dir.path().join("report.html");
    let output = with_output_closed(
        dir.path(),
        &[
            "scan",
            "--json",
            "--no-faces",
            "--report",
            s(&report),
            s(&inputs),
        ],
    );
    assert_quiet_end(&output);
    assert!(!report.exists(), "a report of a stopped scan was written");
}

#[test]
fn clean_stops_within_a_few_photos_and_leaves_only_whole_copies() {
    let dir = tempfile::tempdir().expect("dir");
    let inputs = photos(dir.path(), 40);
    let out = dir.path().join("out");
    let output = with_output_closed(
        dir.path(),
        &["clean", "--json", "--out", s(&out), s(&inputs)],
    );
    assert_quiet_end(&output);
    let copies = written_copies(&out);
    assert!(
        copies.len() < 40,
        "the batch went on after its output closed: {} copies",
        copies.len()
    );
}

#[test]
fn protect_stops_and_leaves_only_whole_copies() {
    let dir = tempfile::tempdir().expect("dir");
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).expect("mkdir");
    for i in 0..4 {
        std::fs::copy(shared("astronaut.png"), inputs.join(format!("face{i}.png"))).expect("copy");
    }
    let out = dir.path().join("out");
    let output = with_output_closed(
        dir.path(),
        &[
            "protect",
            "--fixed",
            "--strength",
            "subtle",
            "--json",
            "--out",
            s(&out),
            s(&inputs),
        ],
    );
    assert_quiet_end(&output);
    let copies = written_copies(&out);
    assert!(
        copies.len() < 4,
        "{} copies: the batch did not stop",
        copies.len()
    );
}

#[test]
fn verify_and_audit_end_quietly() {
    let dir = tempfile::tempdir().expect("dir");
    let astronaut = shared("astronaut.png");
    let output = with_output_closed(
        dir.path(),
        &["verify", "--json", s(&astronaut), s(&astronaut)],
    );
    assert_quiet_end(&output);

    let inputs = photos(dir.path(), 5);
    let report = dir.path().join("audit.html");
    let output = with_output_closed(
        dir.path(),
        &[
            "audit",
            "--json",
            "--no-faces",
            "--report",
            s(&report),
            s(&inputs),
        ],
    );
    assert_quiet_end(&output);
    assert!(!report.exists(), "a report of a stopped audit was written");
}
