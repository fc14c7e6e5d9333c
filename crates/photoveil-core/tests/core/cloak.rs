//! The cloak against the real networks on a real face (the public-domain astronaut portrait):
//! it must move the attacked network's view of the face past its same-person threshold, survive
//! a simulated upload, stay inside the visual budget, and leave the held-out network unused.

use std::path::Path;

use photoveil_core::controller::Controller;
use photoveil_core::faces::find_faces;
use photoveil_core::protect::networks::NetworkKind;
use photoveil_core::protect::pipeline::{
    protect_file, FaceAction, FaceSelection, ProtectOptions, Strength,
};
use photoveil_core::protect::quality::{psnr, ssim_in};
use photoveil_core::protect::verify::measure_faces_with;
use photoveil_core::protect::{models_dir, Engine};

fn astronaut() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/faces/astronaut.png")
}

#[test]
fn standard_cloak_hides_the_face_from_the_attacked_network_after_upload() {
    let engine = Engine::load(&models_dir(), Engine::DEFAULT_VERIFIER).expect("models load");
    assert!(
        engine
            .attacked()
            .all(|n| n.kind() != NetworkKind::Mobileface),
        "the verifier is never attacked"
    );
    let out = tempfile::tempdir().expect("dir");
    let options = ProtectOptions {
        until_verified: false,
        out_dir: out.path().to_path_buf(),
        strength: Strength::Standard,
        faces: FaceSelection::All,
        blur: false,
        blur_these: Vec::new(),
        jpeg_quality: 92,
        decoy_book: None,
    };
    let before = std::fs::read(astronaut()).expect("photo");
    let report = protect_file(&engine, &astronaut(), &options, &Controller::new());
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(
        std::fs::read(astronaut()).expect("photo"),
        before,
        "the original is untouched"
    );
    assert_eq!(report.faces.len(), 1);
    assert_eq!(report.faces[0].action, FaceAction::Cloaked);
    let output = report.output.expect("written");
    let original = image::open(astronaut()).expect("decode").to_rgb8();
    let protected = image::open(&output).expect("decode").to_rgb8();
    assert_eq!(original.dimensions(), protected.dimensions());
    let whole = psnr(&original, &protected).expect("same size");
    assert!(whole > 38.0, "whole-image PSNR {whole:.1} dB");
    // Measured 0.91 (the target is 0.97: not reached yet, see the issue).
    assert!(
        report.faces[0].ssim.expect("ssim") > 0.85,
        "face SSIM {:?}",
        report.faces[0].ssim
    );

    let faces = find_faces(engine.detector(), &original).expect("detect");
    let dlib = engine
        .networks()
        .iter()
        .find(|n| n.kind() == NetworkKind::DlibResnet29)
        .expect("dlib");
    let m = &measure_faces_with(dlib, &original, &protected, &faces).expect("measure")[0];
    let (before, after) = (
        m.similarity_before.expect("before"),
        m.similarity_after_upload.expect("after"),
    );
    assert!(
        before > 0.97,
        "unprotected, the network still knows the face after upload: {before}"
    );
    assert!(
        after < NetworkKind::DlibResnet29.same_person_cosine(),
        "attacked network after upload: {after}"
    );
    // The independent verifier was measured and is reported honestly, whatever it says.
    let v = &report.faces[0].measured;
    assert!(v.similarity_after_upload.is_some() && v.passed().is_some());
}

/// `strong` adds a small warp to the grain: the face's features move (the copy's SSIM against
/// the original as it was drops well below the reported figure), while the reported SSIM, taken
/// against the original moved by the same warp, measures the grain alone; `standard` has no warp,
/// so its reported figure is the plain one.
#[test]
fn strong_warps_the_face_and_its_figures_judge_the_grain_left() {
    let engine = Engine::load(&models_dir(), Engine::DEFAULT_VERIFIER).expect("models load");
    let original = image::open(astronaut()).expect("decode").to_rgb8();
    for strength in [Strength::Standard, Strength::Strong] {
        let out = tempfile::tempdir().expect("dir");
        let options = ProtectOptions {
            until_verified: false,
            out_dir: out.path().to_path_buf(),
            strength,
            faces: FaceSelection::All,
            blur: false,
            blur_these: Vec::new(),
            jpeg_quality: 92,
            decoy_book: None,
        };
        let report = protect_file(&engine, &astronaut(), &options, &Controller::new());
        assert!(report.error.is_none(), "{:?}", report.error);
        let face = &report.faces[0];
        let protected = image::open(report.output.as_ref().expect("written"))
            .expect("decode")
            .to_rgb8();
        let plain = ssim_in(&original, &protected, face.bbox).expect("plain SSIM");
        let reported = face.ssim.expect("reported SSIM");
        match strength {
            Strength::Strong => {
                // Measured 0.70 as is and 0.80 with the warp undone on this face.
                assert!(plain < reported - 0.03, "{plain} vs {reported}");
                assert!(reported > 0.7, "{reported}");
            }
            _ => assert!((plain - reported).abs() < 1e-9, "{plain} vs {reported}"),
        }
    }
}

/// Two hundred faces in one picture (a mosaic of the astronaut's face): found, no panic, bounded
/// time.
#[test]
fn two_hundred_faces_are_all_found() {
    let engine = Engine::load(&models_dir(), Engine::DEFAULT_VERIFIER).expect("models load");
    let portrait = image::open(astronaut()).expect("decode").to_rgb8();
    let face = image::imageops::crop_imm(&portrait, 150, 50, 150, 150).to_image();
    let mut mosaic = image::RgbImage::from_pixel(20 * 150, 10 * 150, image::Rgb([128, 128, 128]));
    for row in 0..10 {
        for col in 0..20 {
            image::imageops::replace(&mut mosaic, &face, col * 150, row * 150);
        }
    }
    let faces = find_faces(engine.detector(), &mosaic).expect("detect");
    assert!(
        faces.len() >= 190 && faces.len() <= 200,
        "{} faces",
        faces.len()
    );
}
