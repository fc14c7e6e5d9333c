//! A full or read-only output folder: clear messages, no partial files, the batch goes on.
//! These tests mount small tmpfs file systems and so need root (CI runs as root); elsewhere they
//! say so and pass without checking.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::*;
use photoveil_fixtures as fx;

/// Mounts a tmpfs of `size` at `dir` with `options`; false when this user may not mount.
fn mount(dir: &Path, size: &str, options: &str) -> bool {
    let ok = Command::new("mount")
        .args([
            "-t",
            "tmpfs",
            "-o",
            &format!("size={size},{options}"),
            "tmpfs",
            s(dir),
        ])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("cannot mount a tmpfs here (not root?): fault test not run");
    }
    ok
}

struct Mounted<'a>(&'a Path);

impl Drop for Mounted<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0).status();
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_full_disk_leaves_no_partial_files_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let photo = fx::jpeg(
        400,
        300,
        fx::JpegSpec {
            motion_video: false,
            ..Default::default()
        },
    );
    assert!(photo.len() > 40_000);
    for i in 0..6 {
        write(&inputs, &format!("p{i}.jpg"), &photo);
    }
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    if !mount(&out, &format!("{}", photo.len() * 5 / 2), "mode=755") {
        return;
    }
    let _guard = Mounted(&out);
    let run = photoveil(&["clean", "--json", "--out", s(&out), s(&inputs)]);
    assert_eq!(run.status.code(), Some(1));
    let mut reports = json_lines(&run);
    let summary = reports.pop().expect("a last line");
    assert!(summary["summary"].is_object(), "{summary}");
    assert_eq!(reports.len(), 6, "every photo is reported");
    let failed: Vec<_> = reports.iter().filter(|r| !r["error"].is_null()).collect();
    assert!(
        !failed.is_empty() && failed.len() < 6,
        "some fit, some do not"
    );
    for r in &failed {
        let e = r["error"].as_str().unwrap();
        assert!(e.contains("No space left on device"), "{e}");
    }
    // Only complete, verified copies are there: each decodes to the original's pixels.
    let written = files_in(&out);
    assert_eq!(written.len(), 6 - failed.len(), "{written:?}");
    for name in &written {
        assert!(name.ends_with(".jpg"), "left behind: {name}");
        assert_eq!(
            pixels(&out.join(name)).as_bytes(),
            pixels(&inputs.join(name)).as_bytes()
        );
    }
    for i in 0..6 {
        assert_eq!(
            std::fs::read(inputs.join(format!("p{i}.jpg"))).unwrap(),
            photo
        );
    }
}

#[test]
fn a_read_only_output_folder_is_reported_per_photo() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.jpg", &fx::jpeg(32, 32, Default::default()));
    let out = dir.path().join("ro");
    std::fs::create_dir(&out).unwrap();
    if !mount(&out, "1m", "ro") {
        return;
    }
    let _guard = Mounted(&out);
    let run = photoveil(&["clean", "--out", s(&out), s(&input)]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("a.jpg: error: cannot write") && stderr.contains("the disk is read-only"),
        "{stderr}"
    );
    assert!(files_in(&out).is_empty());
}
