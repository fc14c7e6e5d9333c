//! Protect-until-verified on real photos with the real networks: each face starts at the weakest
//! level and steps up only while the held-out network still recognises it after a simulated
//! upload; faces the user chose to blur are blurred while the others are cloaked.

use std::path::{Path, PathBuf};

use photoveil_core::controller::Controller;
use photoveil_core::protect::pipeline::{
    protect_file, FaceAction, FaceSelection, ProtectOptions, Strength,
};
use photoveil_core::protect::{models_dir, Engine};

fn shared(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/faces")
        .join(name)
}

fn options(out: &Path, ceiling: Strength, blur_these: Vec<usize>) -> ProtectOptions {
    ProtectOptions {
        until_verified: true,
        out_dir: out.to_path_buf(),
        strength: ceiling,
        faces: FaceSelection::All,
        blur: false,
        blur_these,
        jpeg_quality: 92,
        decoy_book: None,
    }
}

#[test]
fn the_ladder_runs_from_the_weakest_level_to_the_ceiling() {
    assert_eq!(
        Strength::Strong.ladder().collect::<Vec<_>>(),
        Strength::ALL.to_vec()
    );
    assert_eq!(
        Strength::Standard.ladder().collect::<Vec<_>>(),
        vec![Strength::Subtle, Strength::Standard]
    );
    assert_eq!(
        Strength::Subtle.ladder().collect::<Vec<_>>(),
        vec![Strength::Subtle]
    );
}

#[test]
fn each_face_steps_up_only_while_the_checker_still_recognises_it() {
    let engine = Engine::load(&models_dir(), Engine::DEFAULT_VERIFIER).expect("models load");
    let out = tempfile::tempdir().expect("dir");
    let report = protect_file(
        &engine,
        &shared("astronaut.png"),
        &options(out.path(), Strength::Strong, Vec::new()),
        &Controller::new(),
    );
    assert!(report.error.is_none(), "{:?}", report.error);
    let face = &report.faces[0];
    assert_eq!(face.action, FaceAction::Cloaked);
    let checks = &face.checks;
    assert!(!checks.is_empty() && checks.len() <= 3, "{checks:?}");
    // Tried in order from the weakest, one level at a time.
    for (check, level) in checks.iter().zip(Strength::ALL) {
        assert_eq!(check.level, level);
    }
    // Every level but the last failed its check; the last passed, or was the ceiling.
    let (last, earlier) = checks.split_last().expect("one check at least");
    assert!(earlier.iter().all(|c| !c.passed), "{checks:?}");
    assert!(last.passed || last.level == Strength::Strong, "{checks:?}");
    assert_eq!(face.level, Some(last.level));
    // The checker's line decides each pass.
    for c in checks {
        let s = c.similarity_after_upload.expect("measured");
        assert_eq!(c.passed, s < face.measured.threshold, "{c:?}");
    }
    // Stepping up moves the checker further from the person.
    for pair in checks.windows(2) {
        let (a, b) = (
            pair[0].similarity_after_upload.expect("a"),
            pair[1].similarity_after_upload.expect("b"),
        );
        assert!(b < a + 0.02, "{checks:?}");
    }
}

#[test]
fn a_face_chosen_for_blur_is_blurred_and_the_others_cloaked_at_most_at_the_ceiling() {
    let engine = Engine::load(&models_dir(), Engine::DEFAULT_VERIFIER).expect("models load");
    let out = tempfile::tempdir().expect("dir");
    let report = protect_file(
        &engine,
        &shared("gps_group1.jpg"),
        &options(out.path(), Strength::Subtle, vec![1]),
        &Controller::new(),
    );
    assert!(report.error.is_none(), "{:?}", report.error);
    assert!(report.faces.len() >= 3, "{}", report.faces.len());
    for (i, face) in report.faces.iter().enumerate() {
        if i == 1 {
            assert_eq!(face.action, FaceAction::Blurred);
            assert_eq!(face.level, None);
            assert!(face.checks.is_empty());
        } else {
            assert_eq!(face.action, FaceAction::Cloaked, "face {i}");
            assert_eq!(face.level, Some(Strength::Subtle), "face {i}");
            assert_eq!(face.checks.len(), 1, "face {i}: {:?}", face.checks);
        }
        let colour = face.colour.expect("colour measured");
        assert!(colour.p99 >= colour.mean && colour.mean > 0.0, "{colour:?}");
    }
    // The blurred face changed far more than a cloaked one.
    let blurred = report.faces[1].colour.expect("colour").mean;
    let cloaked = report.faces[0].colour.expect("colour").mean;
    assert!(blurred > cloaked, "blur {blurred} vs cloak {cloaked}");
}
