//! Faces seen from the side: the cloak is not made for them (every identity network aligns a
//! face on a frontal template), so protection leaves them as they are, says so, and still
//! blurs them when asked. `gps_group2.jpg` has one face in profile beside two frontal ones.

use std::path::{Path, PathBuf};

use photoveil_core::controller::Controller;
use photoveil_core::faces::{find_faces, Face, SIDE_VIEW_TURN};
use photoveil_core::job::{protect_photo, Tally, Treatment};
use photoveil_core::protect::pipeline::{
    protect_file, FaceAction, FaceSelection, ProtectOptions, Strength,
};
use photoveil_core::protect::{models_dir, Engine};

fn shared(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/faces")
        .join(name)
}

fn options(out: &Path, faces: FaceSelection, blur: bool) -> ProtectOptions {
    ProtectOptions {
        until_verified: false,
        out_dir: out.to_path_buf(),
        strength: Strength::Subtle,
        faces,
        blur,
        blur_these: Vec::new(),
        jpeg_quality: 92,
        decoy_book: None,
    }
}

/// A frontal face with its nose moved `offset` eye distances along the eye line.
fn face_with_nose_at(offset: f32) -> Face {
    let (r, l) = ([100.0, 100.0], [140.0, 100.0]);
    Face {
        bbox: [80.0, 70.0, 80.0, 90.0],
        score: 0.9,
        landmarks: [
            r,
            l,
            [120.0 + offset * 40.0, 120.0],
            [120.0, 140.0],
            [80.0, 110.0],
            [160.0, 110.0],
        ],
        usable: true,
    }
}

#[test]
fn a_face_counts_as_seen_from_the_side_once_its_nose_is_far_past_the_eyes() {
    assert!(!face_with_nose_at(0.0).side_view());
    assert!(!face_with_nose_at(0.8).side_view(), "three quarters");
    assert!(!face_with_nose_at(-SIDE_VIEW_TURN + 0.01).side_view());
    assert!(face_with_nose_at(SIDE_VIEW_TURN + 0.01).side_view());
    assert!(face_with_nose_at(-9.5).side_view(), "profile, either way");
}

#[test]
fn the_profile_face_is_left_as_it_was_and_the_frontal_ones_are_cloaked() {
    let engine = Engine::load(&models_dir(), Engine::DEFAULT_VERIFIER).expect("models load");
    let photo = shared("gps_group2.jpg");
    let original = image::open(&photo).expect("decode").to_rgb8();
    let found = find_faces(engine.detector(), &original).expect("detect");
    let sides: Vec<bool> = found.iter().map(Face::side_view).collect();
    assert_eq!(sides.iter().filter(|&&s| s).count(), 1, "{found:?}");

    let out = tempfile::tempdir().expect("dir");
    let mut chosen = options(out.path(), FaceSelection::All, false);
    chosen.strength = Strength::Standard;
    let report = protect_file(&engine, &photo, &chosen, &Controller::new());
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(report.faces.len(), found.len());
    let mut side_ssim = None;
    let mut cloaked_ssims = Vec::new();
    for (face, &side) in report.faces.iter().zip(&sides) {
        let ssim = face.ssim.expect("SSIM measured");
        if side {
            assert_eq!(face.action, FaceAction::SideView);
            assert_eq!(face.level, None);
            assert!(face.checks.is_empty());
            side_ssim = Some(ssim);
        } else {
            assert_eq!(face.action, FaceAction::Cloaked);
            assert_eq!(face.level, Some(Strength::Standard));
            cloaked_ssims.push(ssim);
        }
    }
    // The profile changed only by the copy's own JPEG encoding (face SSIM 0.97-0.98 on these
    // photos), far less than a face cloaked at `standard` (0.84-0.92).
    let side_ssim = side_ssim.expect("the profile's report");
    assert!(side_ssim > 0.96, "{side_ssim}");
    for cloaked in &cloaked_ssims {
        assert!(*cloaked < side_ssim - 0.03, "{side_ssim} vs {cloaked}");
    }
    let cloaked_changes = cloaked_ssims;
    // The summary asks for it to be blurred, and counts it neither as protected nor as left.
    let mut tally = Tally::new(out.path());
    tally.add_protected(&photoveil_core::job::ProtectedPhoto {
        treatment: Treatment::Protected,
        faces_looked_for: true,
        report,
        picture: None,
        clean: None,
    });
    assert_eq!(tally.faces_side_view.len(), 1);
    assert_eq!(tally.faces_left, 0);
    assert_eq!(tally.faces_protected(), cloaked_changes.len());
}

#[test]
fn a_profile_face_is_blurred_when_blurring_is_asked() {
    let engine = Engine::load(&models_dir(), Engine::DEFAULT_VERIFIER).expect("models load");
    let out = tempfile::tempdir().expect("dir");
    let report = protect_file(
        &engine,
        &shared("gps_group2.jpg"),
        &options(out.path(), FaceSelection::All, true),
        &Controller::new(),
    );
    assert!(report.error.is_none(), "{:?}", report.error);
    assert!(report.faces.len() >= 3);
    assert!(
        report.faces.iter().all(|f| f.action == FaceAction::Blurred),
        "{:?}",
        report.faces.iter().map(|f| f.action).collect::<Vec<_>>()
    );
}

#[test]
fn a_photo_whose_only_chosen_face_is_a_profile_is_cleaned_losslessly() {
    let engine = Engine::load(&models_dir(), Engine::DEFAULT_VERIFIER).expect("models load");
    let out = tempfile::tempdir().expect("dir");
    let photo = shared("gps_group2.jpg");
    // The profile is the largest face of this photo.
    let result = protect_photo(
        &engine,
        &photo,
        &options(out.path(), FaceSelection::Largest, false),
        &Controller::new(),
    );
    assert!(result.report.error.is_none(), "{:?}", result.report.error);
    assert_eq!(result.treatment, Treatment::Cleaned);
    let actions: Vec<FaceAction> = result.report.faces.iter().map(|f| f.action).collect();
    assert_eq!(actions.first(), Some(&FaceAction::SideView), "{actions:?}");
    assert!(
        actions[1..].iter().all(|&a| a == FaceAction::Left),
        "{actions:?}"
    );
    let copy = result.report.output.clone().expect("a copy");
    let pixels = |p: &Path| image::open(p).expect("decode").to_rgb8().into_raw();
    assert!(pixels(&copy) == pixels(&photo), "every pixel the same");
}
