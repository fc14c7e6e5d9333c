//! The export screen: its summary, its wording, and its worker on real photos.

use super::*;
use crate::gui::screen::face_words::face_words;
use crate::gui::settings::FaceMode;
use crate::gui::work::Job;
use crate::test_faces;
use photoveil_core::protect::pipeline::FaceSelection;
use photoveil_core::protect::verify::Verdict;
use photoveil_fixtures::{jpeg, JpegSpec};

fn plan(dir: &std::path::Path, jobs: Vec<Job>) -> Plan {
    Plan {
        jobs,
        out_dir: dir.join("out"),
        mode: FaceMode::Standard,
        jpeg_quality: 92,
    }
}

fn face(action: FaceAction, passed: Option<bool>) -> FaceReport {
    FaceReport {
        ssim: Some(0.97),
        ..test_faces::face(
            action,
            Some(Strength::Standard),
            passed.map(test_faces::verdict),
            0.42,
        )
    }
}

#[test]
fn summary_counts_what_was_measured() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = (0..4)
        .map(|i| Job {
            path: dir.path().join(format!("{i}.jpg")),
            blur_these: Vec::new(),
        })
        .collect();
    let mut export = Export::waiting(plan(dir.path(), jobs), Controller::new(), None);
    assert!(export.is_running());
    export.update(Message::Event(Event::Working(0)));
    assert_eq!(export.working, Some(0));
    let ok = |faces| Outcome {
        input: "a.jpg".into(),
        output: Some("out/a.jpg".into()),
        faces,
        error: None,
        cancelled: false,
        cleaned: false,
    };
    let mut subtle = face(FaceAction::Cloaked, Some(true));
    subtle.level = Some(Strength::Subtle);
    export.update(Message::Event(Event::Done(Box::new(ok(vec![
        subtle,
        face(FaceAction::Cloaked, Some(true)),
        face(FaceAction::Cloaked, Some(false)),
        face(FaceAction::Left, None),
    ])))));
    export.update(Message::Event(Event::Done(Box::new(ok(vec![face(
        FaceAction::Blurred,
        None,
    )])))));
    export.update(Message::Event(Event::Done(Box::new(Outcome {
        input: "b.jpg".into(),
        output: None,
        faces: vec![],
        error: Some("damaged JPEG file".into()),
        cancelled: false,
        cleaned: false,
    }))));
    assert!(
        matches!(export.update(Message::StartOver), Action::None),
        "not while running"
    );
    export.update(Message::Cancel);
    assert!(export.cancelled && export.controller.is_cancelled());
    export.update(Message::Event(Event::Finished));
    assert!(!export.is_running());
    assert_eq!(
        export.summary(),
        Summary {
            cleaned: 2,
            faces_protected: 4,
            faces_passed: 2,
            levels_needed: [1, 1, 0],
            failed: 1,
            skipped: 1,
        }
    );
    assert!(matches!(
        export.update(Message::BackToReview),
        Action::BackToReview
    ));
}

#[test]
fn face_words_never_claim_unmeasured_protection() {
    let ceiling = Some(Strength::Standard);
    let unmeasured = face_words(0, &face(FaceAction::Cloaked, None), ceiling);
    let recognised = face_words(1, &face(FaceAction::Cloaked, Some(false)), ceiling);
    let passed = face_words(2, &face(FaceAction::Cloaked, Some(true)), ceiling);
    assert!(!unmeasured.contains('✓') && !recognised.contains('✓'));
    assert!(recognised.contains("0.42") && recognised.contains("0.50"));
    assert!(passed.starts_with('✓') && passed.contains("0.42"));
    assert!(passed.contains("standard level"), "{passed}");
}

#[test]
fn until_verified_climbs_to_strong_and_each_photo_blurs_its_own_chosen_faces() {
    let dir = tempfile::tempdir().unwrap();
    let job = |name: &str, blur_these: Vec<usize>| Job {
        path: dir.path().join(name),
        blur_these,
    };
    let mut p = plan(
        dir.path(),
        vec![job("a.jpg", vec![1]), job("b.jpg", vec![])],
    );
    p.mode = FaceMode::UntilVerified;
    let options = p.protect_options();
    assert!(options.until_verified);
    assert_eq!(options.strength, Strength::Strong, "the ceiling");
    assert!(!options.blur);
    assert_eq!(p.options_for(&p.jobs[0]).blur_these, [1]);
    assert!(p.options_for(&p.jobs[1]).blur_these.is_empty());
    for (mode, strength, blur) in [
        (FaceMode::Subtle, Strength::Subtle, false),
        (FaceMode::Standard, Strength::Standard, false),
        (FaceMode::Strong, Strength::Strong, false),
    ] {
        p.mode = mode;
        let options = p.protect_options();
        assert!(!options.until_verified, "{mode:?}");
        assert_eq!(
            (options.strength, options.blur),
            (strength, blur),
            "{mode:?}"
        );
    }
    p.mode = FaceMode::Blur;
    assert!(p.protect_options().blur);
    p.mode = FaceMode::MetadataOnly;
    assert_eq!(p.protect_options().faces, FaceSelection::None);
}

#[test]
fn worker_cleans_photos_without_faces_and_reports_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.jpg");
    std::fs::write(&good, jpeg(64, 48, JpegSpec::default())).unwrap();
    let bad = dir.path().join("bad.jpg");
    std::fs::write(&bad, b"nope").unwrap();
    let p = plan(
        dir.path(),
        vec![
            Job {
                path: good.clone(),
                blur_these: Vec::new(),
            },
            Job {
                path: bad,
                blur_these: Vec::new(),
            },
        ],
    );
    let mut export = Export::waiting(p.clone(), Controller::new(), None);
    let controller = Controller::new();
    for event in work::collect(work::stream(move |s| worker(p, None, &controller, &s))) {
        export.update(Message::Event(event));
    }
    assert!(export.finished);
    let s = export.summary();
    assert_eq!((s.cleaned, s.failed, s.faces_protected), (1, 1, 0));
    let written = export.outcomes[0].output.clone().unwrap();
    assert!(written.starts_with(dir.path().join("out")));
    assert!(export.outcomes[0].cleaned, "no face: cleaned losslessly");
    let pixels = |p: &std::path::Path| image::open(p).unwrap().to_rgb8();
    assert_eq!(pixels(&written), pixels(&good), "the same picture");
    let rescanned = photoveil_core::scan_file(&written);
    assert!(rescanned.findings.is_empty(), "the copy gives nothing away");
    assert!(export.outcomes[1].error.is_some());
    // The summary's tally counts exactly what the batch handed out.
    let tally = export.tally.clone().expect("the worker sends its tally");
    assert_eq!(tally.written, s.cleaned);
    assert_eq!(tally.failures.len(), s.failed);
    assert_eq!(tally.failures[0].input, export.outcomes[1].input);
    let removed = photoveil_core::clean_file(
        &good,
        &photoveil_core::CleanOptions {
            out_dir: dir.path().join("again"),
            pixel_check: Default::default(),
        },
    )
    .removed;
    assert_eq!(tally.removed_total(), removed.len());
    assert!(tally
        .removed
        .contains_key(&photoveil_core::Category::Location));
    let lines = crate::words::summary::lines(&tally);
    assert_eq!(lines.len(), 3, "written, removed, one failure: {lines:?}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("out")).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no partial files");
}

#[test]
fn protecting_streams_each_stage_and_the_bar_only_moves_forward() {
    let dir = tempfile::tempdir().unwrap();
    let photo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/astronaut.jpg");
    let mut p = plan(
        dir.path(),
        vec![Job {
            path: photo,
            blur_these: Vec::new(),
        }],
    );
    p.mode = FaceMode::Subtle;
    let mut export = Export::waiting(p.clone(), Controller::new(), None);
    let controller = Controller::new();
    let mut stages = Vec::new();
    let mut bar = Vec::new();
    for event in work::collect(work::stream(move |s| worker(p, None, &controller, &s))) {
        if let Event::Stage(stage) = &event {
            stages.push(*stage);
        }
        export.update(Message::Event(event));
        bar.push(export.progress());
        if let Some(stage) = export.stage {
            assert!(!stage_words(stage).is_empty());
        }
    }
    assert!(export.finished, "{:?}", export.outcomes);
    assert_eq!(export.summary().faces_protected, 1, "{:?}", export.outcomes);
    assert!(
        bar.windows(2).all(|w| w[0] <= w[1]),
        "the bar went back: {bar:?}"
    );
    assert_eq!(bar.last(), Some(&1.0));
    assert_eq!(stages.first(), Some(&Stage::Reading));
    assert!(stages.contains(&Stage::FindingFaces));
    let steps: Vec<usize> = stages
        .iter()
        .filter_map(|s| match s {
            Stage::Cloaking {
                face: 0,
                faces: 1,
                step,
                ..
            } => Some(*step),
            _ => None,
        })
        .collect();
    assert!(steps.len() > 5, "{stages:?}");
    assert!(steps.windows(2).all(|w| w[0] + 1 == w[1]), "{steps:?}");
    let at = |wanted: Stage| stages.iter().position(|s| *s == wanted).unwrap();
    assert!(at(Stage::Encoding) < at(Stage::Verifying));
    assert!(
        stages
            .iter()
            .position(|s| matches!(s, Stage::Cloaking { .. }))
            .unwrap()
            < at(Stage::Encoding)
    );
}

#[test]
fn stop_mid_export_keeps_whole_copies_only_and_says_what_was_done() {
    let dir = tempfile::tempdir().unwrap();
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/astronaut.jpg");
    let jobs: Vec<Job> = (0..4)
        .map(|i| {
            let path = dir.path().join(format!("face{i}.jpg"));
            std::fs::copy(&demo, &path).unwrap();
            Job {
                path,
                blur_these: Vec::new(),
            }
        })
        .collect();
    let mut p = plan(dir.path(), jobs);
    p.mode = FaceMode::Subtle;
    let out = p.out_dir.clone();
    let mut export = Export::waiting(p.clone(), Controller::new(), None);
    let controller = export.controller.clone();
    // Stop, as the button does, once the first copy is in the folder.
    let watcher = std::thread::spawn({
        let out = out.clone();
        move || {
            let first_copy = || {
                std::fs::read_dir(&out).is_ok_and(|entries| {
                    entries.flatten().any(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        name.ends_with(".jpg") && !name.starts_with('.')
                    })
                })
            };
            while !first_copy() {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
    });
    let events = work::collect(work::stream({
        let controller = controller.clone();
        move |s| {
            let stopper = std::thread::spawn({
                let controller = controller.clone();
                move || {
                    let _ = watcher.join();
                    controller.cancel();
                }
            });
            worker(p, None, &controller, &s);
            let _ = stopper.join();
        }
    }));
    export.update(Message::Cancel);
    for event in events {
        export.update(Message::Event(event));
    }
    assert!(export.finished);
    let written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        written
            .iter()
            .all(|n| n.ends_with(".jpg") && !n.starts_with('.')),
        "a partial or temporary file was left: {written:?}"
    );
    assert!(
        !written.is_empty() && written.len() < 4,
        "stopped after the first copy: {written:?}"
    );
    let summary = export.summary();
    assert_eq!(
        summary.faces_protected,
        written.len(),
        "each whole copy is counted, nothing else"
    );
    assert_eq!(summary.failed, 0, "a stopped photo is not a failure");
    for name in &written {
        common_decodes(&out.join(name));
    }
}

/// The file decodes completely.
fn common_decodes(path: &std::path::Path) {
    image::open(path).unwrap_or_else(|e| panic!("{} does not decode: {e}", path.display()));
}

/// Renders the summary after an export with the software renderer, in English, Korean and Urdu,
/// into `$PHOTOVEIL_SNAPSHOT_DIR/summary-LANG-tiny-skia.png`, for a person to look at:
/// `PHOTOVEIL_SNAPSHOT_DIR=/tmp cargo test --bin photoveil summary_snapshot -- --ignored`.
#[test]
#[ignore = "writes a picture for a person to look at"]
fn summary_snapshot() {
    use photoveil_core::job::{Failure, FailureReason, Tally};
    use photoveil_core::Category;
    let Some(out) = std::env::var_os("PHOTOVEIL_SNAPSHOT_DIR") else {
        return;
    };
    let home = std::path::Path::new("/home/me/Pictures");
    // The photos' own lines are below the card; the tally is what this picture is about.
    let mut export = Export::waiting(plan(home, Vec::new()), Controller::new(), None);
    let mut tally = Tally::new(&home.join("safe copies"));
    tally.written = 3;
    tally.removed = [
        (Category::Location, 4),
        (Category::Device, 9),
        (Category::Person, 2),
        (Category::Time, 6),
        (Category::Hidden, 3),
    ]
    .into_iter()
    .collect();
    tally.faces_verified = 3;
    tally.faces_blurred = 1;
    let strong = Some(Strength::Strong);
    let party = home.join("party.jpg");
    tally.faces_not_verified.extend([
        test_faces::to_redo(&party, 1, strong, Verdict::Recognised),
        test_faces::to_redo(&party, 2, strong, Verdict::NotConfirmed),
    ]);
    tally.faces_side_view.push(test_faces::to_redo(
        home.join("beach.jpg"),
        0,
        None,
        Verdict::Recognised,
    ));
    tally.failures.push(Failure {
        input: home.join("notes.jpg"),
        reason: FailureReason::Photo(photoveil_core::Error::NotAnImage),
    });
    export.plan.out_dir = tally.out_dir.clone();
    export.update(Message::Event(Event::Tally(std::sync::Arc::new(tally))));
    export.update(Message::Event(Event::Finished));
    crate::gui::snapshot::in_each_language(&out, "summary", (1000.0, 720.0), || export.view());
}

#[test]
fn the_summary_card_lists_three_faces_and_three_failures_and_counts_the_rest() {
    use crate::words::summary::{lines, Kind};
    use photoveil_core::job::{FaceToRedo, Failure, FailureReason, Tally};
    let mut tally = Tally::new(std::path::Path::new("safe"));
    tally.written = 5;
    for i in 0..5 {
        tally.faces_not_verified.push(FaceToRedo {
            similarity: Some(0.72),
            ..test_faces::to_redo(
                format!("{i}.jpg"),
                0,
                Some(Strength::Strong),
                Verdict::NotConfirmed,
            )
        });
    }
    for i in 0..4 {
        tally.failures.push(Failure {
            input: std::path::PathBuf::from(format!("bad{i}.jpg")),
            reason: FailureReason::Photo(photoveil_core::Error::NotAnImage),
        });
    }
    let all = lines(&tally);
    let card = summary::capped(all.clone(), 3);
    let of = |lines: &[crate::words::summary::Line], kind| {
        lines
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(of(&all, Kind::ToDo).len(), 5);
    assert_eq!(of(&all, Kind::Failed).len(), 4);
    let faces = of(&card, Kind::ToDo);
    assert_eq!(faces.len(), 4, "{faces:?}");
    assert!(faces[2].contains("2.jpg"), "{faces:?}");
    assert_eq!(faces[3], "… and 2 more in the list below.");
    let failures = of(&card, Kind::Failed);
    assert_eq!(failures.len(), 4, "{failures:?}");
    assert!(failures[2].contains("bad2.jpg"), "{failures:?}");
    assert_eq!(failures[3], "… and 1 more in the list below.");
    // Every line that is done is kept, in order, and nothing is counted twice.
    assert_eq!(of(&card, Kind::Done), of(&all, Kind::Done));
    assert_eq!(summary::capped(all.clone(), 10), all);
}
