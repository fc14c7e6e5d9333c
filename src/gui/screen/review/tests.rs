//! The review screen's tests: the filter and selection, GPS in words, the saved report, a
//! bench of a full redraw and a snapshot of the detail panel with its map.

use super::*;
use iced::Theme;
use std::sync::Arc;

/// A scanned photo's item for tests: the scan of `name` without its error, with a GPS finding
/// added when `risky`, and no thumbnail.
pub(crate) fn item(name: &str, risky: bool) -> Item {
    let mut report = photoveil_core::scan_file(std::path::Path::new(name));
    report.error = None;
    if risky {
        report.findings.push(Finding::new(
            photoveil_core::Category::Location,
            "EXIF:GPSPosition",
            "37.320000, -121.940000",
            photoveil_core::Severity::High,
            Explanation::GpsPosition,
        ));
    }
    Item {
        report: Arc::new(report),
        thumbnail: Err(photoveil_core::Error::Empty),
    }
}

#[test]
fn filter_hides_clear_photos_and_their_selection() {
    let items = vec![
        item("a.jpg", true),
        item("b.jpg", false),
        item("c.jpg", true),
    ];
    let mut review = Review::default();
    assert_eq!(review.visible(&items), [0, 1, 2]);
    assert!(matches!(
        review.update(Message::Select(1), &items),
        Action::Run(_)
    ));
    assert_eq!(review.selected, Some(1));
    review.update(Message::OnlyRisky(true), &items);
    assert_eq!(review.visible(&items), [0, 2]);
    assert_eq!(review.selected, None, "the selected photo is hidden");
    review.update(Message::Select(2), &items);
    review.update(Message::PreviewReady(0, Err(Error::Empty)), &items);
    assert!(
        review.preview.is_none(),
        "a late preview for another photo is dropped"
    );
    review.update(Message::PreviewReady(2, Err(Error::NotAnImage)), &items);
    assert!(review.preview.is_some());
    review.update(Message::CloseDetail, &items);
    assert_eq!(review.selected, None);
    assert!(matches!(
        review.update(Message::Select(9), &items),
        Action::None
    ));
    assert!(
        matches!(
            review.update(Message::Next, &items),
            Action::Protect(Some(2))
        ),
        "the photo opened last, even once closed"
    );
    review.update(Message::Select(0), &items);
    assert!(matches!(
        review.update(Message::Next, &items),
        Action::Protect(Some(0))
    ));
    assert!(matches!(
        Review::default().update(Message::Next, &items),
        Action::Protect(None)
    ));
}

#[test]
fn gps_in_plain_words() {
    assert_eq!(
        gps_words("37.320000, -121.940000").as_deref(),
        Some("37.32 N, 121.94 W")
    );
    assert_eq!(
        gps_words("-33.9, 18.4").as_deref(),
        Some("33.90 S, 18.40 E")
    );
    assert_eq!(gps_words("nowhere"), None);
}

#[test]
fn save_report_writes_the_scanned_photos_with_or_without_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("with_gps.jpg");
    std::fs::write(
        &photo,
        photoveil_fixtures::jpeg(320, 240, Default::default()),
    )
    .unwrap();
    let report = photoveil_core::scan_file(&photo);
    let items = vec![Item {
        report: Arc::new(report),
        thumbnail: Err(photoveil_core::Error::Empty),
    }];
    let mut review = Review::default();
    // Choosing a file starts the work and disables the button until it is done.
    let target = dir.path().join("report.html");
    assert!(matches!(
        review.update(Message::ReportTarget(Some(target.clone())), &items),
        Action::Run(_)
    ));
    assert!(review.saving_report);
    assert!(matches!(
        review.update(Message::ReportTarget(None), &items),
        Action::None
    ));
    // What the work does: the page names the photo, its GPS and a thumbnail.
    let entries = vec![PhotoEntry::from_scan(&items[0].report)];
    let saved = save_report(target.clone(), entries.clone(), true);
    assert!(matches!(saved.as_ref(), Ok(p) if *p == target), "{saved:?}");
    let page = std::fs::read_to_string(&target).unwrap();
    assert!(page.contains("with_gps.jpg"));
    assert!(page.contains("37.320000, -121.940000"));
    assert!(page.contains("<svg"), "the map of where it was taken");
    assert!(page.contains("data:image/jpeg;base64,"));
    let bare = dir.path().join("bare.html");
    save_report(bare.clone(), entries.clone(), false).unwrap();
    assert!(!std::fs::read_to_string(&bare)
        .unwrap()
        .contains("data:image/jpeg"));
    // A folder that does not exist: a message, no panic.
    let failed = save_report(dir.path().join("no/such/dir/r.html"), entries, true);
    assert!(failed.is_err());
    review.update(Message::ReportSaved(saved), &items);
    assert!(!review.saving_report);
    assert!(
        matches!(&review.report, Some(Ok(p)) if *p == target),
        "{:?}",
        review.report
    );
    review.update(Message::ReportThumbnails(false), &items);
    assert!(review.report_without_pictures);
}
/// Prints how long the software renderer takes to draw the review screen with 2000 photos
/// (a full redraw, as each step of a scroll needs): a bench, not a timed test.
///   cargo test --bin photoveil bench_review_frame -- --ignored --nocapture
#[test]
#[ignore = "a benchmark: prints figures"]
fn bench_review_frame() {
    use crate::gui::focus::harness::Window;
    let (width, height) = picture::THUMBNAIL_BOX;
    let mut noise = ::image::RgbaImage::new(width * 8 / 9, height);
    for (i, p) in noise.pixels_mut().enumerate() {
        *p = ::image::Rgba([(i * 7) as u8, (i * 13) as u8, (i / 200) as u8, 255]);
    }
    let handle = picture::handle(noise);
    let items: Vec<Item> = (0..2000)
        .map(|k| Item {
            thumbnail: Ok(handle.clone()),
            ..item(&format!("photo-{k}.jpg"), true)
        })
        .collect();
    let review = Review::default();
    for (label, shown) in [("no photos", &items[..0]), ("2000 photos", &items[..])] {
        let mut frames =
            Window::new().draw_millis(review.view(shown, &[], None), &Theme::Light, 21);
        frames.remove(0); // the first frame also converts the thumbnails
        frames.sort_by(f64::total_cmp);
        eprintln!(
            "review screen, {label}: a full software redraw takes median {:.1} ms (min {:.1}, max {:.1}; {} frames)",
            frames[frames.len() / 2],
            frames[0],
            frames[frames.len() - 1],
            frames.len()
        );
    }
}

/// The demo photo taken in Seoul, with an XMP city added: a photo with GPS and a place name.
fn photo_from_seoul(dir: &std::path::Path) -> PathBuf {
    let demo = photoveil_core::demo::demo_dir().join("coffee.jpg");
    let original = std::fs::read(demo).unwrap();
    let xmp = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\
        <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
        <rdf:Description rdf:about=\"\" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" \
        photoshop:City=\"Seoul\"/></rdf:RDF></x:xmpmeta>";
    let mut jpeg = original[..2].to_vec();
    jpeg.extend([0xFF, 0xE1]);
    jpeg.extend(((xmp.len() + 2) as u16).to_be_bytes());
    jpeg.extend(xmp.as_bytes());
    jpeg.extend(&original[2..]);
    let path = dir.join("coffee-seoul.jpg");
    std::fs::write(&path, jpeg).unwrap();
    path
}

#[test]
fn the_detail_panel_shows_a_map_for_a_photo_with_gps() {
    use crate::gui::focus::harness::Window;
    let dir = tempfile::tempdir().unwrap();
    let report = photoveil_core::scan_file(&photo_from_seoul(dir.path()));
    assert_eq!(
        photoveil_core::map::place_names(&report.findings),
        ["Seoul"]
    );
    let items = vec![Item {
        report: Arc::new(report),
        thumbnail: Err(photoveil_core::Error::Empty),
    }];
    let review = Review {
        selected: Some(0),
        ..Review::default()
    };
    let place = crate::i18n::text_with("map-place-named", &[("place", "Seoul".into())]);
    let mut ui = iced_test::simulator(review.view(&items, &[], None));
    assert!(ui.find(crate::i18n::text("map-title").as_str()).is_ok());
    assert!(ui.find(place.as_str()).is_ok());
    // A photo without GPS has no map.
    let plain = vec![item("plain.jpg", false)];
    let mut ui = iced_test::simulator(review.view(&plain, &[], None));
    assert!(ui.find(crate::i18n::text("map-title").as_str()).is_err());
    // How long the software renderer takes to draw the map (printed with --nocapture; the
    // target is at most 30 ms).
    for (label, element) in [
        (
            "the map alone",
            map_view::map_panel(&items[0].report.findings).unwrap(),
        ),
        (
            "the review screen with the map",
            review.view(&items, &[], None),
        ),
    ] {
        let mut frames = Window::new().draw_millis(element, &Theme::Light, 7);
        frames.sort_by(f64::total_cmp);
        eprintln!("{label}: software redraw median {:.1} ms", frames[3]);
    }
}

/// Renders the review screen with a photo taken in Seoul opened (picture, findings and the map
/// with the city the metadata names) in English, Korean and Urdu into
/// `$PHOTOVEIL_SNAPSHOT_DIR/map-{en,ko,ur}-tiny-skia.png`, for a person to look at:
/// `PHOTOVEIL_SNAPSHOT_DIR=/tmp cargo test --bin photoveil map_snapshot -- --ignored`.
#[test]
#[ignore = "writes pictures for a person to look at"]
fn map_snapshot() {
    let Some(out) = std::env::var_os("PHOTOVEIL_SNAPSHOT_DIR") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let photo = photo_from_seoul(dir.path());
    let items = vec![Item {
        report: Arc::new(photoveil_core::scan_file(&photo)),
        thumbnail: picture::thumbnail(&photo),
    }];
    let review = Review {
        selected: Some(0),
        last_opened: Some(0),
        preview: Some(picture::preview_with_faces(&photo, &[])),
        ..Review::default()
    };
    crate::gui::snapshot::in_each_language(&out, "map", (1100.0, 1000.0), || {
        review.view(&items, &[], None)
    });
}

/// The demo astronaut scanned with the face detector: a photo with one usable face.
fn astronaut_item() -> Item {
    let photo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/astronaut.jpg");
    use photoveil_core::protect::{models_dir, Engine};
    // The detector and the one network the engine always loads.
    let engine = Engine::load_networks(&models_dir(), Engine::DEFAULT_VERIFIER, &[]).unwrap();
    let report = photoveil_core::scan::scan_file_with(&photo, Some(engine.detector()));
    Item {
        thumbnail: picture::thumbnail(&photo),
        report: Arc::new(report),
    }
}

#[test]
fn the_detail_panel_shows_what_a_face_swap_tool_takes() {
    let items = vec![astronaut_item(), item("plain.jpg", false)];
    assert_eq!(items[0].usable_faces(), 1);
    let report = &items[0].report;
    let faces = report.faces.clone().unwrap();
    let crops = swap_crop::crops(&report.path, &faces).unwrap();
    assert_eq!(crops.len(), 1);
    // The square drawn is the core's alignment for the identity networks, each pixel a 2x2 block.
    let photo = picture::load_displayed(&report.path).unwrap().to_rgb8();
    let face = faces.iter().find(|f| f.usable).unwrap();
    let chip = photoveil_core::protect::networks::swap_crop(&photo, face).unwrap();
    let image::Handle::Rgba {
        width,
        height,
        pixels,
        ..
    } = &crops[0]
    else {
        panic!("an RGBA handle");
    };
    assert_eq!((*width, *height), (chip.width() * 2, chip.height() * 2));
    for (x, y, p) in chip.enumerate_pixels() {
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            let i = (((y * 2 + dy) * width + x * 2 + dx) * 4) as usize;
            assert_eq!(&pixels[i..i + 3], &p.0[..], "pixel {x},{y}");
        }
    }
    // Opening the photo asks for the preview and the squares; they are shown with the sentence.
    let mut review = Review::default();
    assert!(matches!(
        review.update(Message::Select(0), &items),
        Action::Run(_)
    ));
    review.update(Message::CropsReady(1, Ok(crops.clone())), &items);
    assert!(review.crops.is_empty(), "a late answer for another photo");
    review.update(Message::CropsReady(0, Ok(crops)), &items);
    assert_eq!(review.crops.len(), 1);
    let sentence = crate::i18n::text("gui-review-swap-crop");
    {
        let mut ui = iced_test::simulator(review.view(&items, &[], None));
        assert!(ui.find(sentence.as_str()).is_ok());
    }
    // Closed, or another photo without a usable face: no square.
    review.update(Message::Select(1), &items);
    assert!(review.crops.is_empty());
    let mut ui = iced_test::simulator(review.view(&items, &[], None));
    assert!(ui.find(sentence.as_str()).is_err());
}

/// Renders the review screen with the demo astronaut opened (the photo with her face framed and
/// the square a face-swap tool cuts out of it) in English, Korean and Urdu into
/// `$PHOTOVEIL_SNAPSHOT_DIR/swap-crop-{en,ko,ur}-tiny-skia.png`, for a person to look at:
/// `PHOTOVEIL_SNAPSHOT_DIR=/tmp cargo test --bin photoveil swap_crop_snapshot -- --ignored`.
#[test]
#[ignore = "writes pictures for a person to look at"]
fn swap_crop_snapshot() {
    let Some(out) = std::env::var_os("PHOTOVEIL_SNAPSHOT_DIR") else {
        return;
    };
    let items = vec![astronaut_item()];
    let report = &items[0].report;
    let faces = report.faces.clone().unwrap();
    let review = Review {
        selected: Some(0),
        last_opened: Some(0),
        preview: Some(picture::preview_with_faces(&report.path, &faces)),
        crops: swap_crop::crops(&report.path, &faces).unwrap(),
        ..Review::default()
    };
    crate::gui::snapshot::in_each_language(&out, "swap-crop", (1100.0, 1000.0), || {
        review.view(&items, &[], None)
    });
}
