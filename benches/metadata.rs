//! Scan and clean throughput on 200 camera-sized JPEGs (12 MP, with camera metadata, thumbnail and
//! motion-photo video), side by side with `exiftool -all=` and `mat2` on the same files when they
//! are installed, and beside copying the files without reading them (the floor for any tool that
//! writes a full copy). Run with `cargo bench --bench metadata`; prints files/s and MB/s.
//!
//! Set PHOTOVEIL_BENCH_FILES to use another number of files.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use photoveil_core::batch::{default_workers, run_ordered};
use photoveil_core::verify::PixelCheck;
use photoveil_core::{clean_file, scan_file, CleanOptions, Controller};
use photoveil_fixtures as fx;

const WIDTH: u32 = 4000;
const HEIGHT: u32 = 3000;

struct Corpus {
    files: Vec<PathBuf>,
    bytes: u64,
}

fn corpus(dir: &Path, count: usize) -> Corpus {
    let bases: Vec<Vec<u8>> = (0..4)
        .map(|i| fx::plain_jpeg(WIDTH - i * 8, HEIGHT - i * 8, 88 + i as u8))
        .collect();
    let mut files = Vec::new();
    let mut bytes = 0;
    for i in 0..count {
        let data = fx::with_metadata(&bases[i % bases.len()], fx::JpegSpec::default());
        let path = dir.join(format!("IMG_{i:04}.jpg"));
        std::fs::write(&path, &data).expect("write corpus");
        bytes += data.len() as u64;
        files.push(path);
    }
    Corpus { files, bytes }
}

fn report(label: &str, corpus: &Corpus, seconds: f64) -> f64 {
    let files_per_s = corpus.files.len() as f64 / seconds;
    println!(
        "{label:<44} {:>8.2} s {:>9.1} files/s {:>8.1} MB/s",
        seconds,
        files_per_s,
        corpus.bytes as f64 / 1e6 / seconds
    );
    files_per_s
}

fn timed(mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64()
}

fn installed(tool: &str) -> bool {
    Command::new(tool).arg("-ver").output().is_ok()
        || Command::new(tool).arg("--version").output().is_ok()
}

fn main() {
    let count = std::env::var("PHOTOVEIL_BENCH_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let work = tempfile::tempdir().expect("temp dir");
    let input = work.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    let corpus = corpus(&input, count);
    println!(
        "corpus: {} JPEGs of {}x{} px, {:.1} MB in all ({:.2} MB each)",
        count,
        WIDTH,
        HEIGHT,
        corpus.bytes as f64 / 1e6,
        corpus.bytes as f64 / 1e6 / count as f64
    );

    // The floor for any tool that writes a full copy of each photo: copying the bytes alone, and
    // copying them durably (each copy synced to disk before the next, as clean does before its
    // rename).
    let copy_dir = work.path().join("copy");
    std::fs::create_dir_all(&copy_dir).expect("mkdir");
    let copy_only = report(
        "copy only (std::fs::copy, no parsing)",
        &corpus,
        timed(|| {
            for f in &corpus.files {
                std::fs::copy(f, copy_dir.join(f.file_name().expect("name"))).expect("copy");
            }
        }),
    );
    let synced_dir = work.path().join("copy-synced");
    std::fs::create_dir_all(&synced_dir).expect("mkdir");
    let copy_synced = report(
        "copy + fsync of each copy",
        &corpus,
        timed(|| {
            for f in &corpus.files {
                let target = synced_dir.join(f.file_name().expect("name"));
                std::fs::copy(f, &target).expect("copy");
                std::fs::File::open(&target)
                    .and_then(|file| file.sync_all())
                    .expect("sync");
            }
        }),
    );
    let scan = report(
        "photoveil scan (in process)",
        &corpus,
        timed(|| {
            for f in &corpus.files {
                assert!(scan_file(f).error.is_none());
            }
        }),
    );
    let mut clean_fast = 0.0;
    for (label, check, dir) in [
        (
            "photoveil clean (coded data verified)",
            PixelCheck::Fast,
            "fast",
        ),
        (
            "photoveil clean --verify-pixels (decoded)",
            PixelCheck::Decode,
            "pixels",
        ),
    ] {
        let options = CleanOptions {
            out_dir: work.path().join(dir),
            pixel_check: check,
        };
        let rate = report(
            label,
            &corpus,
            timed(|| {
                for f in &corpus.files {
                    assert!(clean_file(f, &options).error.is_none());
                }
            }),
        );
        if check == PixelCheck::Fast {
            clean_fast = rate;
        }
    }
    let parallel = CleanOptions {
        out_dir: work.path().join("parallel"),
        pixel_check: PixelCheck::Fast,
    };
    let workers = default_workers();
    let clean_parallel = report(
        &format!("photoveil clean ({workers} workers, in process)"),
        &corpus,
        timed(|| {
            run_ordered(
                &corpus.files,
                workers,
                &Controller::new(),
                |f| clean_file(f, &parallel),
                |_, r| assert!(r.error.is_none()),
            );
        }),
    );
    let clean_fast = clean_fast.max(clean_parallel);
    println!(
        "  photoveil clean / plain copy: {:.2}x; / durable copy: {:.2}x",
        clean_fast / copy_only,
        clean_fast / copy_synced
    );
    let cli_out = work.path().join("cli");
    let cli = report(
        "photoveil clean, whole CLI run (one process)",
        &corpus,
        timed(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_photoveil"))
                .args(["clean", "--out"])
                .arg(&cli_out)
                .arg(&input)
                .output()
                .expect("run photoveil");
            assert!(status.status.success());
        }),
    );

    if installed("exiftool") {
        let out = work.path().join("exiftool");
        std::fs::create_dir_all(&out).expect("mkdir");
        let rate = report(
            "exiftool -all= (one process, all files)",
            &corpus,
            timed(|| {
                let status = Command::new("exiftool")
                    .args(["-q", "-all=", "-o"])
                    .arg(format!("{}/", out.display()))
                    .arg(&input)
                    .output()
                    .expect("run exiftool");
                assert!(
                    status.status.success(),
                    "{}",
                    String::from_utf8_lossy(&status.stderr)
                );
            }),
        );
        println!(
            "  ratio photoveil/exiftool: clean {:.1}x (CLI {:.1}x), scan {:.1}x; \
             a plain copy is {:.1}x exiftool",
            clean_fast / rate,
            cli / rate,
            scan / rate,
            copy_only / rate
        );
        // Scripts and GUI wrappers usually start exiftool once per photo.
        let sample = Corpus {
            files: corpus.files.iter().take(20).cloned().collect(),
            bytes: corpus.bytes / count as u64 * 20.min(count) as u64,
        };
        let single = work.path().join("exiftool-single");
        std::fs::create_dir_all(&single).expect("mkdir");
        let per_file = report(
            "exiftool -all=, one process per photo (20)",
            &sample,
            timed(|| {
                for f in &sample.files {
                    let status = Command::new("exiftool")
                        .args(["-q", "-all=", "-o"])
                        .arg(single.join(f.file_name().expect("name")))
                        .arg(f)
                        .output()
                        .expect("run exiftool");
                    assert!(status.status.success());
                }
            }),
        );
        println!(
            "  ratio photoveil/exiftool per photo: clean {:.1}x (CLI {:.1}x)",
            clean_fast / per_file,
            cli / per_file
        );
    } else {
        println!("exiftool not installed: no comparison");
    }
    if installed("mat2") {
        let copy = work.path().join("mat2");
        std::fs::create_dir_all(&copy).expect("mkdir");
        for f in &corpus.files {
            std::fs::copy(f, copy.join(f.file_name().expect("name"))).expect("copy");
        }
        let rate = report(
            "mat2 (one process, all files)",
            &corpus,
            timed(|| {
                let status = Command::new("mat2").arg(&copy).output().expect("run mat2");
                assert!(
                    status.status.success(),
                    "{}",
                    String::from_utf8_lossy(&status.stderr)
                );
            }),
        );
        println!(
            "  ratio photoveil/mat2: clean {:.1}x (CLI {:.1}x)",
            clean_fast / rate,
            cli / rate
        );
    } else {
        println!("mat2 not installed: no comparison");
    }
}
