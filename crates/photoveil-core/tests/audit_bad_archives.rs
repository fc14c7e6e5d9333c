//! `audit` on hostile or broken exports: zip bombs, path traversal names, non-UTF-8 names,
//! truncated and damaged archives, and 100,000 tiny entries. Metadata only (no networks): what
//! is tested here is the archive handling.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use photoveil_core::audit::{audit, ArchiveLimits, AuditError, AuditOptions, EntryProblem};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

fn photo() -> Vec<u8> {
    let path = shared_faces().join("gps_group1.jpg");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The shared public photos: `$PHOTOVEIL_SHARED/faces` when set, else `../shared/faces` beside
/// the repository (as in CI).
fn shared_faces() -> PathBuf {
    std::env::var_os("PHOTOVEIL_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/faces"),
        |dir| PathBuf::from(dir).join("faces"),
    )
}

fn deflated() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated)
}

fn stored() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Stored)
}

/// Writes a ZIP of `(name, bytes, options)` into `dir/file`.
fn zip_file(dir: &Path, file: &str, entries: &[(&str, &[u8], SimpleFileOptions)]) -> PathBuf {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes, options) in entries {
        writer.start_file(*name, *options).expect("start entry");
        writer.write_all(bytes).expect("write entry");
    }
    let bytes = writer.finish().expect("finish zip").into_inner();
    let path = dir.join(file);
    std::fs::write(&path, bytes).expect("write zip");
    path
}

fn options() -> AuditOptions {
    AuditOptions {
        workers: 2,
        ..AuditOptions::default()
    }
}

#[test]
fn zip_bomb_entries_are_skipped_by_ratio_and_size() {
    let dir = tempfile::tempdir().expect("dir");
    let zeros = vec![0u8; 48 << 20];
    let photo = photo();
    let path = zip_file(
        dir.path(),
        "bomb.zip",
        &[
            ("bomb.jpg", &zeros, deflated()),
            ("ok.jpg", &photo, deflated()),
        ],
    );
    let report = audit(&path, None, &options()).expect("audit runs");
    let bomb = report
        .skipped
        .iter()
        .find(|s| s.name == "bomb.jpg")
        .expect("the bomb is reported");
    assert!(
        matches!(bomb.problem, EntryProblem::SuspiciousRatio { ratio, .. } if ratio > 200),
        "{:?}",
        bomb.problem
    );
    assert_eq!(report.media.len(), 1);
    assert!(report.media[0].analysed);

    // A tight total limit stops reading once reached, naming the entry.
    let limits = ArchiveLimits {
        max_total_bytes: 1000,
        ..ArchiveLimits::default()
    };
    let report = audit(
        &path,
        None,
        &AuditOptions {
            limits,
            ..options()
        },
    )
    .expect("audit runs");
    assert!(matches!(
        report.media[0].error,
        Some(EntryProblem::ExportTooLarge { limit: 1000 })
    ));
    // A per-entry limit refuses large entries before reading them.
    let limits = ArchiveLimits {
        max_entry_bytes: 1000,
        ..ArchiveLimits::default()
    };
    let report = audit(
        &path,
        None,
        &AuditOptions {
            limits,
            ..options()
        },
    )
    .expect("audit runs");
    assert!(report.media.is_empty());
    assert!(report
        .skipped
        .iter()
        .any(|s| s.name == "ok.jpg" && matches!(s.problem, EntryProblem::TooLarge { .. })));
}

#[test]
fn traversal_absolute_and_non_utf8_names_are_not_followed() {
    let dir = tempfile::tempdir().expect("dir");
    let inner = dir.path().join("inner");
    std::fs::create_dir(&inner).expect("dir");
    let photo = photo();
    let path = zip_file(
        &inner,
        "evil.zip",
        &[
            ("../evil.jpg", &photo, stored()),
            ("a/../../evil2.jpg", &photo, stored()),
            ("Xetc/evil3.jpg", &photo, stored()),
            ("caf?.jpg", &photo, stored()),
        ],
    );
    // The writer will not store an absolute name or a non-UTF-8 one: patch both headers of
    // each, making "/etc/evil3.jpg" and a Latin-1 "café.jpg".
    let mut bytes = std::fs::read(&path).expect("read");
    for (from, at, to) in [
        (&b"Xetc/evil3.jpg"[..], 0, b'/'),
        (&b"caf?.jpg"[..], 3, 0xE9),
    ] {
        let mut replaced = 0;
        for i in 0..bytes.len().saturating_sub(from.len()) {
            if &bytes[i..i + from.len()] == from {
                bytes[i + at] = to;
                replaced += 1;
            }
        }
        assert_eq!(replaced, 2, "local and central header");
    }
    std::fs::write(&path, &bytes).expect("write");

    let report = audit(&path, None, &options()).expect("audit runs");
    let unsafe_names: Vec<&str> = report
        .skipped
        .iter()
        .filter(|s| s.problem == EntryProblem::UnsafeName)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(unsafe_names.len(), 3, "{:?}", report.skipped);
    assert_eq!(report.media.len(), 1, "the non-UTF-8 name is read");
    assert!(report.media[0].entry.starts_with("caf"));
    assert!(report.media[0].analysed);
    // Nothing was written anywhere.
    assert!(!dir.path().join("evil.jpg").exists());
    assert!(!inner.join("evil.jpg").exists());
    let files: Vec<_> = std::fs::read_dir(&inner).expect("list").collect();
    assert_eq!(files.len(), 1);
}

#[test]
fn truncated_and_damaged_archives_give_clear_messages() {
    let dir = tempfile::tempdir().expect("dir");
    let photo = photo();
    let path = zip_file(
        dir.path(),
        "export.zip",
        &[
            ("posts/a.jpg", &photo, deflated()),
            ("posts/b.jpg", &photo, deflated()),
        ],
    );
    let bytes = std::fs::read(&path).expect("read");

    let truncated = dir.path().join("truncated.zip");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
    let err = audit(&truncated, None, &options()).expect_err("a half download is refused");
    assert!(matches!(err, AuditError::NotAZip { .. }));
    let message = err.to_string();
    assert!(message.contains("truncated.zip"), "{message}");

    std::fs::write(dir.path().join("empty.zip"), b"").expect("write");
    let err = audit(&dir.path().join("empty.zip"), None, &options()).expect_err("empty");
    assert!(err.to_string().contains("empty.zip"));

    // The first entry's compressed data damaged; the central directory intact.
    let mut damaged = bytes.clone();
    for b in &mut damaged[200..4000] {
        *b ^= 0x5A;
    }
    let damaged_path = dir.path().join("damaged.zip");
    std::fs::write(&damaged_path, &damaged).expect("write");
    let report = audit(&damaged_path, None, &options()).expect("the rest is audited");
    assert_eq!(report.media.len(), 2);
    let first = &report.media[0];
    assert_eq!(first.entry, "posts/a.jpg");
    assert!(!first.analysed);
    assert!(first.error.is_some(), "{first:?}");
    assert!(report.media[1].analysed, "the next entry is still read");

    let missing = audit(&dir.path().join("missing.zip"), None, &options()).expect_err("missing");
    assert!(missing.to_string().contains("missing.zip"));
}

/// Peak resident memory of this process, in bytes (Linux).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn a_hundred_thousand_tiny_entries_are_listed_with_bounded_memory() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("huge.zip");
    {
        let file = std::fs::File::create(&path).expect("create");
        let mut writer = zip::ZipWriter::new(std::io::BufWriter::new(file));
        for i in 0..100_000 {
            writer
                .start_file(format!("messages/inbox/n{i:06}.txt"), stored())
                .expect("entry");
            writer.write_all(b"hi").expect("write");
        }
        writer
            .start_file("media/posts/202401/photo.jpg", stored())
            .expect("entry");
        writer.write_all(&photo()).expect("write");
        writer.finish().expect("finish");
    }
    let started = std::time::Instant::now();
    let report = audit(&path, None, &options()).expect("audit runs");
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(report.media.len(), 1);
    assert!(report.media[0].analysed);
    let peak = peak_rss().unwrap_or(0);
    println!(
        "100,001 entries audited in {seconds:.2} s; peak memory of this test process {} MiB",
        peak >> 20
    );
    // The 48 MiB bomb test may run in the same process; the listing itself holds some tens of
    // MiB. A limit far below "whole archive in memory times a few" but with room for both.
    assert!(peak < 600 << 20, "peak memory {} MiB", peak >> 20);

    // More entries than the limit: refused up front, naming the archive.
    let limits = ArchiveLimits {
        max_entries: 50_000,
        ..ArchiveLimits::default()
    };
    let err = audit(
        &path,
        None,
        &AuditOptions {
            limits,
            ..options()
        },
    )
    .expect_err("too many entries");
    assert!(matches!(
        err,
        AuditError::TooManyEntries {
            entries: 100_001,
            ..
        }
    ));
    assert!(err.to_string().contains("huge.zip"));
}
