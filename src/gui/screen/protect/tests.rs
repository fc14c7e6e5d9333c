//! The protect screen: the export plan, the photo the before/after view opens on, the faces'
//! words and the "Blur this face" choice carried into the export.

use super::preview::{close_up_pairs, CloseUp, Pair};
use super::*;
use crate::gui::picture;
use crate::test_faces;
use iced_test::simulator;
use photoveil_core::protect::pipeline::{FaceAction, FaceReport, Strength};
use photoveil_core::protect::quality::ColourChange;
use std::sync::Arc;

fn items() -> Vec<Item> {
    ["a.jpg", "b.jpg", "c.jpg"]
        .iter()
        .map(|n| {
            let mut report = photoveil_core::scan_file(std::path::Path::new(n));
            report.error = None;
            Item {
                report: Arc::new(report),
                thumbnail: Err(photoveil_core::Error::Empty),
            }
        })
        .collect()
}

/// A measured face: cloaked at `level`, passed or not, with these figures.
fn face(level: Strength, passed: bool, ssim: f64, p99: f64) -> FaceReport {
    FaceReport {
        bbox: [10.0, 10.0, 40.0, 40.0],
        ssim: Some(ssim),
        colour: Some(ColourChange {
            mean: p99 / 3.0,
            p99,
        }),
        ..test_faces::face(
            FaceAction::Cloaked,
            Some(level),
            Some(test_faces::verdict(passed)),
            if passed { 0.3 } else { 0.7 },
        )
    }
}

/// A finished before/after view with two faces: the first protected at the subtle level, the
/// second still recognised at the strong one.
pub(crate) fn comparison() -> Comparison {
    let photo = ::image::RgbaImage::from_fn(120, 90, |x, y| {
        ::image::Rgba([(x * 2) as u8, (y * 2) as u8, 128, 255])
    });
    let bbox = [10.0, 10.0, 40.0, 40.0];
    let close = CloseUp {
        actual: close_up_pairs(&photo, &photo, bbox, 1),
        enlarged: close_up_pairs(&photo, &photo, bbox, 3),
    };
    Comparison {
        mode: FaceMode::UntilVerified,
        blurred: Vec::new(),
        before: picture::handle(photo.clone()),
        after: picture::handle(photo),
        close_ups: vec![Some(close.clone()), Some(close)],
        faces: vec![
            face(Strength::Subtle, true, 0.962, 1.4),
            face(Strength::Strong, false, 0.91, 3.1),
        ],
        squares: Vec::new(),
    }
}

#[test]
fn export_asks_for_a_folder_first_then_starts() {
    let items = items();
    let mut p = Protect::new(&items, None, FaceMode::Blur, 85, None, None);
    assert!(matches!(p.update(Message::Export, &items), Action::Run(_)));
    match p.update(Message::FolderPicked(Some("/tmp/out".into())), &items) {
        Action::Export(plan) => {
            assert_eq!(plan.out_dir, PathBuf::from("/tmp/out"));
            assert_eq!(plan.mode, FaceMode::Blur);
            assert_eq!(plan.jpeg_quality, 85);
            assert_eq!(plan.jobs.len(), 3);
        }
        _ => panic!("the export should start once a folder is chosen"),
    }
    // With the folder known, Export starts at once; a cancelled dialog does nothing.
    assert!(matches!(
        p.update(Message::Export, &items),
        Action::Export(_)
    ));
    p.update(Message::ChooseFolder, &items);
    assert!(matches!(
        p.update(Message::FolderPicked(None), &items),
        Action::None
    ));
    assert_eq!(p.out_dir, Some(PathBuf::from("/tmp/out")));
}

#[test]
fn mode_change_drops_the_preview_and_samples_cycle() {
    let items = items();
    let mut p = Protect::new(&items, None, FaceMode::Standard, 92, None, None);
    assert_eq!(p.sample, Some(0));
    p.preview = Preview::Failed(photoveil_core::Error::Empty);
    p.update(Message::Mode(FaceMode::Strong), &items);
    assert!(matches!(p.preview, Preview::None));
    assert_eq!(p.mode, FaceMode::Strong);
    p.update(Message::NextSample, &items);
    assert_eq!(p.sample, Some(1));
    p.update(Message::NextSample, &items);
    p.update(Message::NextSample, &items);
    assert_eq!(p.sample, Some(0));
    assert!(matches!(p.update(Message::Back, &items), Action::Back));
}

#[test]
fn the_before_after_view_opens_on_the_photo_selected_in_the_review() {
    let mut items = items();
    let p = Protect::new(&items, Some(2), FaceMode::UntilVerified, 92, None, None);
    assert_eq!(p.sample, Some(2));
    assert!(simulator(p.view(&items))
        .find(ta("gui-protect-preview-of", &[("name", "c.jpg".into())]).as_str())
        .is_ok());
    // From there "Another photo" goes on through the others.
    let mut p = p;
    p.update(Message::NextSample, &items);
    assert_eq!(p.sample, Some(0));
    // A photo that could not be read, or none selected: the photo with the most faces.
    let mut broken = photoveil_core::scan_file(std::path::Path::new("c.jpg"));
    broken.error = Some(photoveil_core::Error::NotAnImage);
    items[2].report = Arc::new(broken);
    let p = Protect::new(&items, Some(2), FaceMode::UntilVerified, 92, None, None);
    assert_eq!(p.sample, Some(0));
    let p = Protect::new(&items, Some(9), FaceMode::UntilVerified, 92, None, None);
    assert_eq!(p.sample, Some(0));
}

#[test]
fn blur_this_face_remakes_the_preview_and_the_export_blurs_that_face_of_that_photo() {
    let items = items();
    let mut p = Protect::new(&items, Some(1), FaceMode::UntilVerified, 92, None, None);
    p.preview = Preview::Ready(Box::new(comparison()));
    let shown = simulator(p.view(&items)).find(t("gui-protect-blur-face").as_str());
    assert!(shown.is_err(), "face 1 passed: nothing to blur");
    let mut ui = simulator(p.view(&items));
    ui.click(format!("{} →", t("gui-protect-face-next")).as_str())
        .map(|_| ())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(
        matches!(messages.as_slice(), [Message::Face(1)]),
        "{messages:?}"
    );
    p.update(Message::Face(1), &items);
    let mut ui = simulator(p.view(&items));
    ui.click(t("gui-protect-blur-face").as_str())
        .map(|_| ())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(
        matches!(messages.as_slice(), [Message::BlurFace(1)]),
        "{messages:?}"
    );

    // Choosing it makes the preview again, with that face blurred.
    assert!(matches!(
        p.update(Message::BlurFace(1), &items),
        Action::Run(_)
    ));
    assert!(matches!(p.preview, Preview::Working));
    assert_eq!(p.face, 1, "the same face stays in view");
    assert_eq!(p.sample_job(&items).unwrap().blur_these, [1]);
    let plan = p.plan(&items, PathBuf::from("/tmp/out"));
    assert!(plan.jobs[0].blur_these.is_empty() && plan.jobs[2].blur_these.is_empty());
    assert_eq!(plan.jobs[1].blur_these, [1]);
    let options = plan.options_for(&plan.jobs[1]);
    assert_eq!(options.blur_these, [1]);
    assert!(options.until_verified && !options.blur);
    assert!(plan.options_for(&plan.jobs[0]).blur_these.is_empty());
    let settings = plan.settings();
    assert_eq!(settings.options_for(&plan.jobs[1].path).blur_these, [1]);
    assert!(settings
        .options_for(&plan.jobs[0].path)
        .blur_these
        .is_empty());

    // Another photo keeps its own choice; undoing it clears the choice.
    p.update(Message::NextSample, &items);
    assert_eq!(p.face, 0);
    assert!(p.sample_job(&items).unwrap().blur_these.is_empty());
    p.update(Message::NextSample, &items);
    p.update(Message::NextSample, &items);
    assert_eq!(p.sample, Some(1));
    p.update(Message::UnblurFace(1), &items);
    assert!(p.blur.is_empty());
}

#[test]
fn the_faces_are_told_by_their_own_figures_not_the_whole_photo() {
    let items = items();
    let mut p = Protect::new(&items, Some(0), FaceMode::UntilVerified, 92, None, None);
    let mut c = comparison();
    c.blurred = vec![1];
    c.faces[1].action = FaceAction::Blurred;
    p.preview = Preview::Ready(Box::new(c));
    // Close up (the default): the first face, its level and its figures, and what the check is.
    let shows = |p: &Protect, s: &str| simulator(p.view(&items)).find(s).is_ok();
    let ceiling = Some(Strength::Strong);
    let Preview::Ready(c) = &p.preview else {
        unreachable!()
    };
    let verdict = crate::gui::screen::face_words::verdict_words(0, &c.faces[0], ceiling);
    let look = crate::gui::screen::face_words::look_words(&c.faces[0]).unwrap();
    assert!(shows(&p, &verdict), "{verdict}");
    assert!(shows(&p, &look), "{look}");
    assert!(shows(&p, &t("gui-protect-check-explain")));
    assert!(shows(&p, &t("gui-protect-at-300")));
    assert!(shows(
        &p,
        &ta(
            "gui-protect-face-of",
            &[("n", 1.into()), ("total", 2.into())]
        )
    ));
    assert!(!shows(&p, &t("gui-protect-blur-face")), "face 1 passed");
    // The whole photo lists every face; the blurred one can be cloaked again.
    p.update(Message::CloseUp(false), &items);
    assert!(shows(&p, &verdict));
    assert!(shows(&p, &t("gui-protect-unblur-face")));
    assert!(shows(&p, &t("gui-protect-after")));
    // A face's small picture in the list shows it close up.
    p.update(Message::Face(1), &items);
    assert!(p.close_up && p.face == 1);
}

#[test]
fn close_ups_are_made_in_each_size_until_the_whole_region_fits() {
    let photo = ::image::RgbaImage::new(600, 600);
    let big = [200.0, 200.0, 200.0, 200.0];
    let sides = |pairs: Vec<Pair>| pairs.iter().map(|p| p.side).collect::<Vec<_>>();
    // A large face: every size at 100 % up to the face with its margin (320 pixels), every
    // size enlarged (only its middle fits).
    assert_eq!(
        sides(close_up_pairs(&photo, &photo, big, 1)),
        [96, 128, 176, 256, 352]
    );
    assert_eq!(
        sides(close_up_pairs(&photo, &photo, big, 3)),
        [96, 128, 176, 256, 352]
    );
    // A small face: one size shows it all at 100 %; enlarged, 144 pixels show it all.
    let small = [10.0, 10.0, 40.0, 40.0];
    assert_eq!(sides(close_up_pairs(&photo, &photo, small, 1)), [96]);
    assert_eq!(
        sides(close_up_pairs(&photo, &photo, small, 3)),
        [96, 128, 176]
    );
}
