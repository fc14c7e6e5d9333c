//! Helpers shared by the end-to-end tests: run the real binary, read JSON Lines, decode pictures.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A public photo of `../shared/faces/`.
pub fn shared(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/faces")
        .join(name)
}

/// SHA-256 of a file's bytes.
pub fn sha(path: &Path) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, &std::fs::read(path).expect("read"))
        .as_ref()
        .to_vec()
}

/// Runs `photoveil` with `args`.
pub fn photoveil(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_photoveil"))
        .args(args)
        .output()
        .expect("the photoveil binary runs")
}

/// Runs `photoveil` with `args` as a user whose home (and data and settings folders) is
/// `home`, so that what it remembers (decoys, names) stays in the test's folder.
pub fn photoveil_at_home(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_photoveil"))
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .expect("the photoveil binary runs")
}

/// Parses JSON Lines from stdout.
pub fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

/// The path as a &str for command arguments.
pub fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// Decodes a picture file with the `image` crate (independently of PhotoVeil's own checks).
pub fn pixels(path: &Path) -> image::DynamicImage {
    image::ImageReader::open(path)
        .expect("open")
        .with_guessed_format()
        .expect("guess")
        .decode()
        .unwrap_or_else(|e| panic!("{} does not decode: {e}", path.display()))
}

/// The EXIF orientation of a file, read with kamadak-exif (None when absent).
pub fn orientation(path: &Path) -> Option<u32> {
    let file = std::fs::File::open(path).expect("open");
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::BufReader::new(file))
        .ok()?;
    exif.get_field(exif::Tag::Orientation, exif::In::PRIMARY)?
        .value
        .get_uint(0)
}

/// The categories of the findings of one JSON report.
pub fn categories(report: &Value) -> Vec<String> {
    let mut c: Vec<String> = report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| f["category"].as_str().expect("category").to_string())
        .collect();
    c.sort();
    c.dedup();
    c
}

/// True when a finding with this tag has a value containing `needle`.
pub fn has_finding(report: &Value, tag: &str, needle: &str) -> bool {
    report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .any(|f| f["tag"] == tag && f["value"].as_str().is_some_and(|v| v.contains(needle)))
}

/// Runs `photoveil --lang en ARGS` as a user whose home is `home`, sends it Ctrl-C (SIGINT)
/// after `after`, and returns what it printed and how long it took to stop after the signal.
#[cfg(unix)]
pub fn interrupted_after(
    home: &Path,
    args: &[&str],
    after: std::time::Duration,
) -> (Output, std::time::Duration) {
    use std::process::Stdio;
    let child = Command::new(env!("CARGO_BIN_EXE_photoveil"))
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .args(["--lang", "en"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the photoveil binary runs");
    std::thread::sleep(after);
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let started = std::time::Instant::now();
    let output = child.wait_with_output().expect("wait");
    (output, started.elapsed())
}
