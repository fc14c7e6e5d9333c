//! The face-swap squares after protection: the protected square drawn is the core's crop of the
//! copy after the simulated upload, pixel for pixel; the preview makes them for a real photo;
//! the close-up shows them with the measured verdict in one line.

use std::path::PathBuf;

use super::*;
use crate::gui::picture;
use crate::gui::screen::face_words::{similarity_words, verdict_words};
use crate::gui::screen::protect::tests::comparison;
use photoveil_core::protect::codec::simulate_upload;
use photoveil_core::protect::pipeline::FaceAction;
use photoveil_core::protect::{models_dir, Engine};

fn astronaut() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/demo/astronaut.jpg")
}

/// The pixels of an RGBA handle, as RGB.
fn rgb(handle: &Handle) -> RgbImage {
    let Handle::Rgba {
        width,
        height,
        pixels,
        ..
    } = handle
    else {
        panic!("an RGBA handle");
    };
    let raw: Vec<u8> = pixels.chunks(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    RgbImage::from_raw(*width, *height, raw).expect("whole pixels")
}

/// The astronaut's faces as the detector finds them, and measured reports with the same boxes.
fn faces(photo: &RgbImage) -> (Vec<Face>, Vec<FaceReport>) {
    let engine = Engine::load_networks(&models_dir(), Engine::DEFAULT_VERIFIER, &[]).unwrap();
    let found = photoveil_core::faces::find_faces(engine.detector(), photo).unwrap();
    assert!(!found.is_empty());
    let mut reports = Vec::new();
    for f in &found {
        let mut report = comparison().faces[0].clone();
        report.bbox = f.bbox;
        reports.push(report);
    }
    (found, reports)
}

#[test]
fn the_protected_square_is_the_core_s_crop_of_the_uploaded_copy_pixel_for_pixel() {
    let original = picture::load_displayed(&astronaut()).unwrap().to_rgb8();
    // A "protected" copy that differs from the original where the face is.
    let mut protected = original.clone();
    for (x, y, p) in protected.enumerate_pixels_mut() {
        if (x + y) % 3 == 0 {
            p.0 = [p.0[0].saturating_add(40), p.0[1], p.0[2] / 2];
        }
    }
    let (found, reports) = faces(&original);
    let made = squares(&original, &protected, &reports, &found).unwrap();
    assert_eq!(made.len(), reports.len());
    let first = made[0].as_ref().expect("the largest face is aligned");
    // The uploaded copy, made here without the GUI's help.
    let (uploaded, scale) = simulate_upload(&protected).unwrap();
    let mut at_upload = found[0];
    for p in &mut at_upload.landmarks {
        *p = [p[0] * scale, p[1] * scale];
    }
    let expected = swap_crop(&uploaded, &at_upload).unwrap();
    assert_eq!(expected.dimensions(), (112, 112));
    assert!(
        rgb(&first.uploaded) == expected,
        "the square shown is the uploaded copy's"
    );
    assert!(
        rgb(&first.original) == swap_crop(&original, &found[0]).unwrap(),
        "the original's square beside it"
    );
    assert!(rgb(&first.uploaded) != rgb(&first.original));
    // A report with a box the detector did not find gets no squares.
    let mut stray = reports.clone();
    stray[0].bbox = [1.0, 1.0, 5.0, 5.0];
    assert!(squares(&original, &protected, &stray, &found).unwrap()[0].is_none());
}

#[test]
fn the_close_up_shows_the_squares_with_the_verdict_and_its_figure_below() {
    let original = picture::load_displayed(&astronaut()).unwrap().to_rgb8();
    let (found, reports) = faces(&original);
    let mut c = comparison();
    c.faces = reports;
    c.squares = squares(&original, &original, &c.faces, &found).unwrap();
    let ceiling = c.mode.ceiling();
    let verdict = verdict_words(0, &c.faces[0], ceiling);
    let figure = similarity_words(&c.faces[0]).expect("a measured cloaked face");
    {
        let mut ui = iced_test::simulator(view(&c, 0).expect("squares for face 1"));
        assert!(ui.find(verdict.as_str()).is_ok(), "{verdict}");
        // On a line of its own: a number inside a wrapped right-to-left sentence makes
        // cosmic-text overflow the line (pop-os/cosmic-text#252), and Urdu lines were cut off.
        assert!(ui.find(figure.as_str()).is_ok(), "{figure}");
        assert!(ui.find(t("gui-protect-uploaded").as_str()).is_ok());
        assert!(ui.find(t("gui-protect-original").as_str()).is_ok());
    }
    // Blurred faces have their squares and verdict too; a face without squares has none.
    c.faces[0].action = FaceAction::Blurred;
    assert!(view(&c, 0).is_some());
    c.squares[0] = None;
    assert!(view(&c, 0).is_none());
}

/// The before/after view of the astronaut, blurred (fast: no optimisation), carries her squares.
#[test]
fn the_preview_makes_the_squares_of_the_copy_it_wrote() {
    let job = crate::gui::work::Job {
        path: astronaut(),
        blur_these: Vec::new(),
    };
    let controller = photoveil_core::Controller::new();
    let (c, _) = crate::gui::screen::protect::preview::compare(
        job,
        crate::gui::settings::FaceMode::Blur,
        90,
        None,
        &controller,
    )
    .unwrap();
    assert!(!c.faces.is_empty());
    assert_eq!(c.squares.len(), c.faces.len());
    let first = c.squares[0].as_ref().expect("the largest face's squares");
    assert_eq!(rgb(&first.uploaded).dimensions(), (112, 112));
    assert!(rgb(&first.uploaded) != rgb(&first.original), "blurred");
}

/// Protects the demo astronaut until verified and renders the protect screen's close-up (her
/// before/after, the face-swap squares of the original and of the copy after the simulated
/// upload, and the verdict) in English, Korean and Urdu at the window's size into
/// `$PHOTOVEIL_SNAPSHOT_DIR/protect-swap-{en,ko,ur}-tiny-skia.png`, and the same pictures with the
/// words for a face the check could not confirm into `protect-swap-not-confirmed-LANG-…`:
/// `PHOTOVEIL_SNAPSHOT_DIR=/tmp cargo test --bin photoveil protect_swap_snapshot -- --ignored`.
#[test]
#[ignore = "writes pictures for a person to look at"]
fn protect_swap_snapshot() {
    use crate::gui::screen::protect::{Preview, Protect};
    use crate::gui::settings::FaceMode;
    let Some(out) = std::env::var_os("PHOTOVEIL_SNAPSHOT_DIR") else {
        return;
    };
    let engine = crate::gui::engine::load().unwrap();
    let report = photoveil_core::scan::scan_file_with(&astronaut(), Some(engine.0.detector()));
    let items = vec![crate::gui::item::Item {
        thumbnail: picture::thumbnail(&astronaut()),
        report: std::sync::Arc::new(report),
    }];
    let job = crate::gui::work::Job {
        path: astronaut(),
        blur_these: Vec::new(),
    };
    let controller = photoveil_core::Controller::new();
    let (c, _) = crate::gui::screen::protect::preview::compare(
        job,
        FaceMode::UntilVerified,
        92,
        Some(engine),
        &controller,
    )
    .unwrap();
    let mut p = Protect::new(&items, Some(0), FaceMode::UntilVerified, 92, None, None);
    // The words for a face the check could not confirm, on the same pictures: the measured
    // figure is replaced by one inside the checker's middle band, at the ceiling.
    let mut unsure = c.clone();
    p.preview = Preview::Ready(Box::new(c));
    crate::gui::snapshot::in_each_language(&out, "protect-swap", (1180.0, 780.0), || {
        p.view(&items)
    });
    if let Some(face) = unsure.faces.first_mut() {
        face.measured.similarity_after_upload = Some(0.70);
        face.measured.verdict = Some(photoveil_core::protect::verify::Verdict::NotConfirmed);
        face.level = Some(photoveil_core::protect::pipeline::Strength::Strong);
    }
    p.preview = Preview::Ready(Box::new(unsure));
    crate::gui::snapshot::in_each_language(
        &out,
        "protect-swap-not-confirmed",
        (1180.0, 780.0),
        || p.view(&items),
    );
}
