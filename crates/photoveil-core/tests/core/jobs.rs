//! The core's jobs (scan, clean, protect) as the front ends drive them: progress that only moves
//! forward and reaches the total, cancellation from the observer that leaves the rest unstarted
//! and nothing partial, quiet skipping of non-images found in folders, and the protect job's
//! rule for photos without faces (cleaned losslessly, the same picture data).

use crate::support;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use photoveil_core::clean::CleanOptions;
use photoveil_core::job::{
    clean_photos, protect_photos, scan_photos, CleanSettings, Entry, ProtectSettings, ScanSettings,
    Summary, Treatment,
};
use photoveil_core::protect::pipeline::{FaceAction, FaceSelection, ProtectOptions, Strength};
use photoveil_core::protect::{models_dir, Engine};
use photoveil_core::verify::{PictureCheck, PixelCheck};
use photoveil_core::{Controller, Stage};
use photoveil_fixtures as fx;
use support::{leftovers, names_in};

/// `count` photos with metadata in `dir/in`, plus a text file that is not a photo.
fn photos(dir: &Path, count: usize) -> PathBuf {
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).expect("mkdir");
    for i in 0..count {
        let path = inputs.join(format!("photo-{i:02}.jpg"));
        std::fs::write(&path, fx::jpeg(32 + i as u32, 24, Default::default())).expect("write");
    }
    std::fs::write(inputs.join("readme.txt"), b"not a photo").expect("write");
    inputs
}

/// A controller that records every batch report, and cancels once `cancel_at` photos are done.
fn recording(cancel_at: Option<usize>) -> (Controller, Arc<Mutex<Vec<Stage>>>) {
    let (controller, seen, _) = recording_all(cancel_at);
    (controller, seen)
}

/// Stages seen by an observer.
type Recorded = Arc<Mutex<Vec<Stage>>>;

/// [`recording`], also recording each photo's own stages (in the third list).
fn recording_all(cancel_at: Option<usize>) -> (Controller, Recorded, Recorded) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let photo = Arc::new(Mutex::new(Vec::new()));
    let plain = Controller::new();
    let canceller = plain.clone();
    let observed = plain.observed({
        let (seen, photo) = (Arc::clone(&seen), Arc::clone(&photo));
        move |stage| {
            if !matches!(stage, Stage::Photos { .. }) {
                photo.lock().expect("lock").push(stage);
            }
            if let Stage::Photos { done, .. } = stage {
                seen.lock().expect("lock").push(stage);
                if Some(done) == cancel_at {
                    canceller.cancel();
                }
            }
        }
    });
    (observed, seen, photo)
}

/// The batch reports only move forward and end at `total` with `faces` faces protected.
fn assert_progress_reaches(seen: &[Stage], total: usize, faces: usize) {
    let done: Vec<usize> = seen
        .iter()
        .map(|s| match s {
            Stage::Photos { done, total: t, .. } => {
                assert_eq!(*t, total);
                *done
            }
            other => panic!("not a batch report: {other:?}"),
        })
        .collect();
    assert_eq!(done.first(), Some(&0), "{done:?}");
    assert!(done.windows(2).all(|w| w[0] < w[1]), "{done:?}");
    assert_eq!(done.last(), Some(&total), "{done:?}");
    let fractions: Vec<f32> = seen.iter().map(|s| s.fraction()).collect();
    assert!(fractions.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(fractions.last(), Some(&1.0));
    assert!(matches!(
        seen.last(),
        Some(Stage::Photos { faces_protected, .. }) if *faces_protected == faces
    ));
}

#[test]
fn scan_progress_reaches_the_total_and_results_come_in_order() {
    let dir = tempfile::tempdir().expect("dir");
    let inputs = photos(dir.path(), 6);
    let (controller, seen) = recording(None);
    let mut handed = Vec::new();
    let mut unlisted = Vec::new();
    let summary = scan_photos(
        &[inputs, dir.path().join("missing")],
        &ScanSettings::new(None),
        &controller,
        |candidate, _| candidate.path.clone(),
        |entry| match entry {
            Entry::Photo { result, .. } => {
                assert_eq!(result.0.path, result.1);
                handed.push(result.0.path);
            }
            Entry::Unlisted(e) => unlisted.push(e.path.clone()),
        },
    );
    assert_progress_reaches(&seen.lock().expect("lock"), 7, 0);
    let names: Vec<String> = handed
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    let expected: Vec<String> = (0..6).map(|i| format!("photo-{i:02}.jpg")).collect();
    assert_eq!(
        names, expected,
        "in listing order, readme.txt skipped quietly"
    );
    assert_eq!(unlisted, [dir.path().join("missing")]);
    assert_eq!(
        summary,
        Summary {
            total: 7,
            done: 6,
            failed: 1,
            skipped: 1,
            cancelled: 0,
            faces_protected: 0,
        }
    );
    assert!(!summary.succeeded(), "the missing path is a failure");
}

#[test]
fn a_non_image_named_by_the_user_or_as_a_photo_is_reported() {
    let dir = tempfile::tempdir().expect("dir");
    let inputs = photos(dir.path(), 1);
    std::fs::write(inputs.join("fake.jpg"), b"not a photo").expect("write");
    let mut failed = Vec::new();
    let summary = clean_photos(
        &[inputs.clone(), inputs.join("readme.txt")],
        &CleanSettings::new(CleanOptions {
            out_dir: dir.path().join("out"),
            pixel_check: PixelCheck::Fast,
        }),
        &Controller::new(),
        |entry| {
            if let Entry::Photo { result, .. } = entry {
                if result.error.is_some() {
                    failed.push(result.input);
                }
            }
        },
    );
    assert_eq!(failed, [inputs.join("fake.jpg"), inputs.join("readme.txt")]);
    assert_eq!((summary.done, summary.failed, summary.skipped), (1, 2, 1));
}

#[test]
fn clean_progress_reaches_the_total_with_every_copy_written() {
    let dir = tempfile::tempdir().expect("dir");
    let inputs = photos(dir.path(), 5);
    let out = dir.path().join("out");
    let (controller, seen) = recording(None);
    let mut written = 0;
    let summary = clean_photos(
        &[inputs],
        &CleanSettings::new(CleanOptions {
            out_dir: out.clone(),
            pixel_check: PixelCheck::Fast,
        }),
        &controller,
        |entry| {
            if let Entry::Photo { result, .. } = entry {
                assert!(result.error.is_none(), "{:?}", result.error);
                written += 1;
            }
        },
    );
    assert_progress_reaches(&seen.lock().expect("lock"), 6, 0);
    assert_eq!(written, 5);
    assert_eq!((summary.done, summary.skipped, summary.failed), (5, 1, 0));
    assert_eq!(names_in(&out).len(), 5);
}

#[test]
fn cancelling_from_the_observer_after_two_photos_leaves_the_rest_unstarted() {
    let dir = tempfile::tempdir().expect("dir");
    let inputs = photos(dir.path(), 6);
    let out = dir.path().join("out");
    let (controller, seen) = recording(Some(2));
    let mut handed = 0;
    let settings = CleanSettings {
        workers: 1,
        ..CleanSettings::new(CleanOptions {
            out_dir: out.clone(),
            pixel_check: PixelCheck::Fast,
        })
    };
    let summary = clean_photos(&[inputs], &settings, &controller, |_| handed += 1);
    assert_eq!(handed, 2);
    assert_eq!(
        (summary.done, summary.cancelled, summary.failed),
        (2, 5, 0),
        "{summary:?}"
    );
    assert!(summary.succeeded(), "stopping is not a failure");
    assert_eq!(names_in(&out), ["photo-00.jpg", "photo-01.jpg"]);
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
    let last = seen.lock().expect("lock").last().copied();
    assert!(
        matches!(
            last,
            Some(Stage::Photos {
                done: 2,
                total: 7,
                ..
            })
        ),
        "{last:?}"
    );
}

fn engine() -> Engine {
    Engine::load(&models_dir(), Engine::DEFAULT_VERIFIER).expect("the face models load")
}

fn options(out: &Path, faces: FaceSelection) -> ProtectOptions {
    ProtectOptions {
        until_verified: false,
        out_dir: out.to_path_buf(),
        strength: Strength::Subtle,
        faces,
        blur: false,
        blur_these: Vec::new(),
        jpeg_quality: 92,
        decoy_book: None,
    }
}

fn demo(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../assets/demo")
        .join(name)
}

/// The picture of a file, decoded as stored.
fn pixels(path: &Path) -> image::RgbaImage {
    let data = std::fs::read(path).expect("read");
    let format = photoveil_core::ImageFormat::sniff(&data).expect("an image");
    photoveil_core::decode::decode(format, &data)
        .expect("decode")
        .to_rgba8()
}

#[test]
fn the_protect_job_cleans_a_faceless_photo_losslessly_and_protects_a_face() {
    let engine = engine();
    let dir = tempfile::tempdir().expect("dir");
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).expect("mkdir");
    let faceless = inputs.join("a-faceless.jpg");
    std::fs::write(&faceless, fx::jpeg(96, 64, Default::default())).expect("write");
    std::fs::copy(demo("astronaut.jpg"), inputs.join("b-astronaut.jpg")).expect("copy");
    let out = dir.path().join("out");
    let (controller, seen, stages) = recording_all(None);
    let mut results = Vec::new();
    let summary = protect_photos(
        &engine,
        &[inputs],
        &ProtectSettings::new(options(&out, FaceSelection::All)),
        &controller,
        |entry| {
            if let Entry::Photo { result, .. } = entry {
                results.push(result);
            }
        },
    );
    assert_progress_reaches(&seen.lock().expect("lock"), 2, 1);
    // Each photo's own stages: read and look for faces once, then (the face) only forward.
    let stages = stages.lock().expect("lock").clone();
    let reading: Vec<usize> = (0..stages.len())
        .filter(|&i| stages[i] == Stage::Reading)
        .collect();
    assert_eq!(reading.len(), 2, "{stages:?}");
    let second = &stages[reading[1]..];
    assert_eq!(second[..2], [Stage::Reading, Stage::FindingFaces]);
    let fractions: Vec<f32> = second.iter().map(|s| s.fraction()).collect();
    assert!(fractions.windows(2).all(|w| w[0] <= w[1]), "{second:?}");
    assert_eq!(
        (summary.done, summary.faces_protected),
        (2, 1),
        "{summary:?}"
    );

    let cleaned = &results[0];
    assert_eq!(cleaned.treatment, Treatment::Cleaned);
    assert!(cleaned.faces_looked_for);
    assert!(cleaned.report.faces.is_empty());
    let copy = cleaned.report.output.clone().expect("a copy");
    let check = cleaned.clean.as_ref().and_then(|c| c.verification.as_ref());
    assert_eq!(
        check.map(|v| v.picture),
        Some(PictureCheck::IdenticalCodedData),
        "the coded picture is copied byte for byte"
    );
    assert_eq!(pixels(&copy), pixels(&faceless), "every pixel the same");
    let rescanned = photoveil_core::scan_file(&copy);
    assert!(rescanned.findings.is_empty(), "{:?}", rescanned.findings);

    let protected = &results[1];
    assert_eq!(protected.treatment, Treatment::Protected);
    assert_eq!(protected.report.faces.len(), 1);
    assert_eq!(protected.report.faces[0].action, FaceAction::Cloaked);
    assert!(protected.clean.is_none());
}

#[test]
fn no_face_chosen_is_cleaned_losslessly_with_the_faces_reported_as_left() {
    let engine = engine();
    let dir = tempfile::tempdir().expect("dir");
    let photo = demo("astronaut.jpg");
    let mut results = Vec::new();
    let summary = protect_photos(
        &engine,
        std::slice::from_ref(&photo),
        &ProtectSettings::new(options(dir.path(), FaceSelection::None)),
        &Controller::new(),
        |entry| {
            if let Entry::Photo { result, .. } = entry {
                results.push(result);
            }
        },
    );
    assert_eq!((summary.done, summary.faces_protected), (1, 0));
    let result = &results[0];
    assert_eq!(result.treatment, Treatment::Cleaned);
    assert_eq!(result.report.faces.len(), 1);
    assert_eq!(result.report.faces[0].action, FaceAction::Left);
    assert_eq!(result.report.faces[0].measured.passed(), Some(false));
    let copy = result.report.output.clone().expect("a copy");
    assert_eq!(pixels(&copy), pixels(&photo));
}

#[test]
fn a_photo_cancelled_mid_way_is_counted_as_cancelled_and_leaves_nothing() {
    let engine = engine();
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("out");
    let plain = Controller::new();
    let canceller = plain.clone();
    // Stopped at the first step of the cloak.
    let controller = plain.observed(move |stage| {
        if matches!(stage, Stage::Cloaking { .. }) {
            canceller.cancel();
        }
    });
    let photo = demo("astronaut.jpg");
    let mut handed = 0;
    let summary = protect_photos(
        &engine,
        &[photo.clone(), photo],
        &ProtectSettings::new(options(&out, FaceSelection::All)),
        &controller,
        |_| handed += 1,
    );
    assert_eq!(
        handed, 0,
        "a cancelled photo is not handed over as a failure"
    );
    assert_eq!(
        (summary.done, summary.failed, summary.cancelled),
        (0, 0, 2),
        "{summary:?}"
    );
    assert!(names_in(&out).is_empty() && leftovers(&out).is_empty());
}
