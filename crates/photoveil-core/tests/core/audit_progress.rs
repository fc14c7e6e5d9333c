//! An audit tells its progress (bytes of the export's documents, then media done of total) and
//! stops when its controller is cancelled: between photos, inside the reading of the export,
//! and inside a photo with faces; a stopped audit returns `AuditError::Cancelled` and nothing
//! else.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use photoveil_core::audit::{audit_with, AuditError, AuditOptions, Progress};
use photoveil_core::protect::{models_dir, Engine};
use photoveil_core::Controller;
use photoveil_fixtures as fx;

const PHOTOS: usize = 24;

/// A Google Takeout ZIP of `PHOTOS` photos, each with a sidecar JSON.
fn takeout(dir: &Path) -> PathBuf {
    let path = dir.join("takeout.zip");
    let file = std::fs::File::create(&path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    let photo = fx::jpeg(96, 64, Default::default());
    for i in 0..PHOTOS {
        let name = format!("Takeout/Google Photos/Trip/IMG_{i}.jpg");
        zip.start_file(name.as_str(), options).expect("start");
        zip.write_all(&photo).expect("write");
        zip.start_file(format!("{name}.json"), options)
            .expect("start");
        let sidecar = format!(
            r#"{{"title": "IMG_{i}.jpg", "description": "day {i}",
                "photoTakenTime": {{"timestamp": "{}"}}}}"#,
            1_600_000_000 + i
        );
        zip.write_all(sidecar.as_bytes()).expect("write");
    }
    zip.finish().expect("finish");
    path
}

fn one_worker() -> AuditOptions {
    AuditOptions {
        workers: 1,
        ..AuditOptions::default()
    }
}

#[test]
fn a_full_audit_reports_counts_that_grow_to_the_total() {
    let dir = tempfile::tempdir().expect("dir");
    let path = takeout(dir.path());
    let seen = Mutex::new(Vec::new());
    let report = audit_with(
        &path,
        None,
        &AuditOptions::default(),
        &Controller::new(),
        &|p| seen.lock().expect("lock").push(p),
    )
    .expect("audit");
    assert_eq!(report.media.len(), PHOTOS);
    let seen = seen.into_inner().expect("lock");
    let reading: Vec<(u64, u64)> = seen
        .iter()
        .filter_map(|p| match *p {
            Progress::ReadingExport { read, total } => Some((read, total)),
            _ => None,
        })
        .collect();
    let analysing: Vec<(usize, usize)> = seen
        .iter()
        .filter_map(|p| match *p {
            Progress::Analysing { done, total } => Some((done, total)),
            _ => None,
        })
        .collect();
    // Documents first, then media; without models, no grouping step.
    let first_media = seen
        .iter()
        .position(|p| matches!(p, Progress::Analysing { .. }))
        .expect("media progress");
    assert!(seen[..first_media]
        .iter()
        .all(|p| matches!(p, Progress::ReadingExport { .. })));
    assert!(!seen.contains(&Progress::GroupingPeople));
    assert!(
        reading.len() > PHOTOS,
        "one report per sidecar: {reading:?}"
    );
    assert!(reading
        .windows(2)
        .all(|w| w[0].0 <= w[1].0 && w[0].1 == w[1].1));
    let (read, total) = *reading.last().expect("reading");
    assert!(total > 0 && read == total, "{read} of {total}");
    assert_eq!(analysing.first(), Some(&(0, PHOTOS)));
    assert_eq!(analysing.last(), Some(&(PHOTOS, PHOTOS)));
    assert_eq!(analysing.len(), PHOTOS + 1);
    assert!(analysing.windows(2).all(|w| w[1].0 == w[0].0 + 1));
    assert!(seen
        .iter()
        .all(|p| p.fraction() >= 0.0 && p.fraction() <= 1.0));
}

#[test]
fn cancelling_between_photos_returns_cancelled() {
    let dir = tempfile::tempdir().expect("dir");
    let path = takeout(dir.path());
    let controller = Controller::new();
    let reports = Mutex::new(0usize);
    let result = audit_with(&path, None, &one_worker(), &controller, &|p| {
        if let Progress::Analysing { done, .. } = p {
            *reports.lock().expect("lock") += 1;
            if done == 5 {
                controller.cancel();
            }
        }
    });
    // Even when the worker had already gone through every small photo, nothing is kept.
    assert!(matches!(result, Err(AuditError::Cancelled)), "{result:?}");
    let reports = reports.into_inner().expect("lock");
    assert!(reports >= 6, "{reports} reports");
}

#[test]
fn cancelling_while_the_export_is_read_returns_cancelled() {
    let dir = tempfile::tempdir().expect("dir");
    let path = takeout(dir.path());
    let controller = Controller::new();
    let analysed = Mutex::new(false);
    let result = audit_with(&path, None, &one_worker(), &controller, &|p| match p {
        Progress::ReadingExport { read, .. } if read > 0 => controller.cancel(),
        Progress::Analysing { .. } => *analysed.lock().expect("lock") = true,
        _ => {}
    });
    assert!(matches!(result, Err(AuditError::Cancelled)), "{result:?}");
    assert!(
        !analysed.into_inner().expect("lock"),
        "no photo was started"
    );
    // Cancelled before it starts: not even opened.
    let missing = dir.path().join("missing.zip");
    let result = audit_with(&missing, None, &one_worker(), &controller, &|_| {});
    assert!(matches!(result, Err(AuditError::Cancelled)), "{result:?}");
}

/// The shared public photos: `$PHOTOVEIL_SHARED/faces` when set, else `../shared/faces`.
fn shared(name: &str) -> PathBuf {
    std::env::var_os("PHOTOVEIL_SHARED")
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/faces"),
            |dir| PathBuf::from(dir).join("faces"),
        )
        .join(name)
}

#[test]
fn cancelling_stops_inside_photos_with_faces_and_grouping_is_reported() {
    let engine = Engine::load(&models_dir(), Engine::DEFAULT_VERIFIER).expect("the models load");
    let dir = tempfile::tempdir().expect("dir");
    let folder = dir.path().join("export");
    std::fs::create_dir(&folder).expect("mkdir");
    for i in 0..4 {
        std::fs::copy(shared("astronaut.png"), folder.join(format!("p{i}.png"))).expect("copy");
    }
    // A whole run groups the faces.
    let seen = Mutex::new(Vec::new());
    let report = audit_with(
        &folder,
        Some(&engine),
        &one_worker(),
        &Controller::new(),
        &|p| seen.lock().expect("lock").push(p),
    )
    .expect("audit");
    assert_eq!(report.groups.len(), 1, "one person in four photos");
    let seen = seen.into_inner().expect("lock");
    assert_eq!(seen.last(), Some(&Progress::GroupingPeople));
    // Stopped after the first photo: the second, already started, ends at its next check.
    let controller = Controller::new();
    let done = Mutex::new(Vec::new());
    let result = audit_with(&folder, Some(&engine), &one_worker(), &controller, &|p| {
        if let Progress::Analysing { done: n, .. } = p {
            done.lock().expect("lock").push(n);
            if n == 1 {
                controller.cancel();
            }
        }
    });
    assert!(matches!(result, Err(AuditError::Cancelled)), "{result:?}");
    let done = done.into_inner().expect("lock");
    assert!(done.len() <= 3 && !done.contains(&4), "{done:?}");
}
