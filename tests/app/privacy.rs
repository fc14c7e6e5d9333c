//! Privacy guarantees of the `photoveil` binary:
//! - no networking crate is in its dependency tree (read from `cargo tree`);
//! - `scan`, `clean` and `protect` make no network system call at all (run under `strace -f -e
//!   trace=network`, installed by tools/test.sh);
//! - no temporary file with photo data is left behind, on success or on error;
//! - stderr never carries a GPS position or a name; `clean` and `protect` do not print them.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;
use photoveil_fixtures as fx;

/// Crates whose job is networking: HTTP clients and servers, TLS, sockets, async network
/// runtimes' network parts, DNS resolvers, telemetry exporters. GUI crates are not on this list
/// (a window system connection is not a network connection).
const NETWORKING_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "hyper-tls",
    "hyper-rustls",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "attohttpc",
    "surf",
    "http-client",
    "minreq",
    "h2",
    "h3",
    "quinn",
    "quinn-proto",
    "rustls",
    "native-tls",
    "openssl",
    "openssl-sys",
    "tokio-rustls",
    "tokio-native-tls",
    "socket2",
    "async-std",
    "async-net",
    "tungstenite",
    "tokio-tungstenite",
    "websocket",
    "trust-dns-resolver",
    "trust-dns-proto",
    "hickory-resolver",
    "hickory-proto",
    "libp2p",
    "zmq",
    "nng",
    "tiny_http",
    "actix-web",
    "axum",
    "warp",
    "rocket",
    "tonic",
    "sentry",
    "opentelemetry-otlp",
    "ssh2",
    "lettre",
    "suppaftp",
    "mdns",
    "libmdns",
    "zeroconf",
];

/// Crates that are only networking with one of these features.
const NETWORKING_FEATURES: &[(&str, &[&str])] = &[("tokio", &["net", "full"]), ("mio", &["net"])];

/// The networking crates among `cargo tree --prefix none -f "{p} {f}"` lines.
fn networking(tree: &str) -> Vec<String> {
    let mut found: Vec<String> = tree
        .lines()
        .filter_map(|line| {
            // "name vVERSION [(path)] [feature,feature]" (and "(*)" for repeats).
            let mut parts = line.split_whitespace();
            let name = parts.next()?;
            let features: Vec<&str> = parts
                .skip(1)
                .filter(|p| !p.starts_with('('))
                .flat_map(|f| f.split(','))
                .collect();
            let by_name = NETWORKING_CRATES.contains(&name);
            let by_feature = NETWORKING_FEATURES
                .iter()
                .any(|(c, f)| *c == name && features.iter().any(|x| f.contains(x)));
            (by_name || by_feature).then(|| line.to_string())
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

#[test]
fn the_networking_check_recognises_networking_crates() {
    let tree = "image v0.25.10 default,png\nreqwest v0.12.0 default\ntokio v1.40.0 rt,net\n\
                tokio v1.40.0 rt,sync\nmio v1.0.0 os-poll\nring v0.17.14 alloc";
    assert_eq!(
        networking(tree),
        ["reqwest v0.12.0 default", "tokio v1.40.0 rt,net"]
    );
}

#[test]
fn no_networking_crate_is_in_the_binary() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let run = Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "tree",
            "--locked",
            "--package",
            "photoveil",
            "--edges",
            "normal",
            "--prefix",
            "none",
            "--format",
            "{p} {f}",
        ])
        .output()
        .expect("cargo tree runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let tree = String::from_utf8_lossy(&run.stdout);
    assert!(
        tree.lines().any(|l| l.starts_with("photoveil-core ")),
        "the tree lists the workspace crates: {tree}"
    );
    assert_eq!(networking(&tree), Vec::<String>::new());
}

/// A 256x256 JPEG of the public-domain astronaut portrait (one face) with the fixture metadata:
/// GPS, owner, people's names, serial numbers.
fn photo_with_face_and_metadata(dir: &Path) -> PathBuf {
    let portrait = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/faces/astronaut.png");
    let picture = image::open(&portrait)
        .expect("../shared/faces/astronaut.png")
        .resize(256, 256, image::imageops::FilterType::Triangle)
        .to_rgb8();
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90)
        .encode_image(&picture)
        .expect("encode");
    let spec = fx::JpegSpec {
        motion_video: false,
        ..Default::default()
    };
    write(dir, "astronaut.jpg", &fx::with_metadata(&plain, spec))
}

/// The private values in the fixture metadata that must not leak into messages.
const PRIVATE: &[&str] = &[
    fx::GPS_TEXT,
    "37.32",
    "121.94",
    fx::OWNER,
    fx::BYLINE,
    fx::REGION_NAME,
    fx::CITY,
    fx::SERIAL,
    fx::LENS_SERIAL,
];

fn assert_no_private_values(what: &str, text: &[u8]) {
    let text = String::from_utf8_lossy(text);
    for value in PRIVATE {
        assert!(!text.contains(value), "{what} shows {value:?}:\n{text}");
    }
}

/// A run of the binary in a sandbox of its own: a fresh temporary folder (TMPDIR) and home.
struct Sandbox {
    root: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let root = tempfile::tempdir().expect("dir");
        for d in ["tmp", "home", "in", "out"] {
            std::fs::create_dir(root.path().join(d)).expect("mkdir");
        }
        Sandbox { root }
    }

    fn dir(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    /// Runs photoveil with `args` under `strace`, when `traced`; returns its output and the
    /// network system calls strace saw (None when strace cannot trace here).
    fn run(&self, args: &[&str], traced: bool) -> (Output, Option<Vec<String>>) {
        let log = self.dir("strace.log");
        let mut command = if traced {
            let mut c = Command::new("strace");
            c.args([
                "-f",
                "-qq",
                "-e",
                "trace=network",
                "-e",
                "signal=none",
                "-o",
            ])
            .arg(&log)
            .arg(env!("CARGO_BIN_EXE_photoveil"));
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_photoveil"))
        };
        let output = command
            .args(args)
            .env("TMPDIR", self.dir("tmp"))
            .env("HOME", self.dir("home"))
            .env("XDG_DATA_HOME", self.dir("home").join("data"))
            .env_remove("XDG_CACHE_HOME")
            .output()
            .expect("strace is installed (tools/test.sh installs it)");
        let calls = traced.then(|| {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            text.lines().map(str::to_string).collect::<Vec<_>>()
        });
        let stderr = String::from_utf8_lossy(&output.stderr);
        if traced && stderr.contains("ptrace") && stderr.contains("Operation not permitted") {
            eprintln!("strace may not trace here: the system-call check was not run");
            return (output, None);
        }
        (output, calls)
    }

    /// Files in the temporary folder and unfinished outputs in the output folder.
    fn assert_nothing_left_behind(&self, what: &str) {
        let tmp = names(&self.dir("tmp"));
        assert!(tmp.is_empty(), "{what} left temporary files: {tmp:?}");
        let partial: Vec<String> = names(&self.dir("out"))
            .into_iter()
            .filter(|n| n.ends_with(".part") || n.starts_with('.'))
            .collect();
        assert!(
            partial.is_empty(),
            "{what} left unfinished outputs: {partial:?}"
        );
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn scan_clean_and_protect_make_no_network_calls_and_leave_nothing_behind() {
    let sandbox = Sandbox::new();
    let photo = photo_with_face_and_metadata(&sandbox.dir("in"));
    let out = sandbox.dir("out");
    let runs: [(&str, Vec<&str>); 3] = [
        ("scan", vec!["scan", "--json", s(&photo)]),
        ("clean", vec!["clean", "--out", s(&out), s(&photo)]),
        (
            "protect",
            vec![
                "protect",
                "--blur-faces",
                "--no-remember",
                "--out",
                s(&out),
                s(&photo),
            ],
        ),
    ];
    for (what, args) in runs {
        let (output, calls) = sandbox.run(&args, true);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{what}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        if let Some(calls) = calls {
            assert_eq!(calls, Vec::<String>::new(), "{what} made network calls");
        }
        sandbox.assert_nothing_left_behind(what);
        assert_no_private_values(&format!("{what}'s stderr"), &output.stderr);
        if what == "scan" {
            // Asked for: the scan shows what the photo gives away, and found the face.
            let report = &json_lines(&output)[0];
            assert!(has_finding(report, "EXIF:GPSPosition", fx::GPS_TEXT));
            assert_eq!(
                report["faces"].as_array().map(Vec::len),
                Some(1),
                "{report}"
            );
        } else {
            assert_no_private_values(&format!("{what}'s output"), &output.stdout);
        }
    }
    assert_eq!(names(&out), ["astronaut-1.jpg", "astronaut.jpg"]);
}

#[test]
fn failures_leave_nothing_behind_and_their_messages_keep_private_values_out() {
    let sandbox = Sandbox::new();
    let photo = photo_with_face_and_metadata(&sandbox.dir("in"));
    let bytes = std::fs::read(&photo).expect("read");
    // The metadata is intact but the picture is cut short.
    let damaged = write(
        &sandbox.dir("in"),
        "damaged.jpg",
        &bytes[..bytes.len() * 3 / 4],
    );
    let out = sandbox.dir("out");
    let blocked = write(&sandbox.dir("in"), "not-a-folder", b"a file");
    let runs: [(&str, Vec<&str>); 4] = [
        (
            "clean damaged",
            vec!["clean", "--out", s(&out), s(&damaged)],
        ),
        (
            "protect damaged",
            vec!["protect", "--no-remember", "--out", s(&out), s(&damaged)],
        ),
        (
            "clean blocked",
            vec!["clean", "--out", s(&blocked), s(&photo)],
        ),
        (
            "protect blocked",
            vec![
                "protect",
                "--blur-faces",
                "--no-remember",
                "--out",
                s(&blocked),
                s(&photo),
            ],
        ),
    ];
    for (what, args) in runs {
        let (output, _) = sandbox.run(&args, false);
        assert_eq!(output.status.code(), Some(1), "{what} fails");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let named = if what.ends_with("damaged") {
            "damaged.jpg"
        } else {
            "astronaut.jpg"
        };
        assert!(
            stderr.contains(named),
            "{what}: the message names the file: {stderr}"
        );
        assert_no_private_values(&format!("{what}'s stderr"), &output.stderr);
        assert_no_private_values(&format!("{what}'s output"), &output.stdout);
        sandbox.assert_nothing_left_behind(what);
    }
    assert_eq!(names(&out), Vec::<String>::new());
}
