//! `photoveil scan` end to end on generated fixtures of every format and on public photos.

use crate::common;

use common::*;
use photoveil_fixtures as fx;

#[test]
fn jpeg_reports_every_category_with_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "photo.jpg",
        &fx::jpeg(320, 240, Default::default()),
    );
    let out = photoveil(&["scan", "--json", s(&path)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reports = json_lines(&out);
    assert_eq!(reports.len(), 1);
    let r = &reports[0];
    assert_eq!(r["format"], "jpeg");
    assert_eq!(r["width"], 320);
    assert_eq!(r["height"], 240);
    assert!(r["error"].is_null());
    assert_eq!(
        categories(r),
        ["device", "hidden", "location", "person", "time"]
    );
    assert!(has_finding(r, "EXIF:GPSPosition", fx::GPS_TEXT));
    assert!(has_finding(r, "EXIF:BodySerialNumber", fx::SERIAL));
    assert!(has_finding(r, "EXIF:LensSerialNumber", fx::LENS_SERIAL));
    assert!(has_finding(r, "EXIF:CameraOwnerName", fx::OWNER));
    assert!(has_finding(r, "EXIF:DateTimeOriginal", "2024:05:17"));
    assert!(has_finding(r, "EXIF:OffsetTimeOriginal", "+09:00"));
    assert!(has_finding(r, "EXIF:ThumbnailImage", "160x120"));
    assert!(has_finding(r, "EXIF:MakerNote", "bytes"));
    assert!(has_finding(r, "XMP:photoshop:City", fx::CITY));
    assert!(has_finding(r, "XMP:mwg-rs:Name", fx::REGION_NAME));
    assert!(has_finding(r, "XMP:xmpMM:DocumentID", "fixture-1"));
    assert!(has_finding(r, "IPTC:By-line", fx::BYLINE));
    assert!(has_finding(r, "IPTC:City", fx::CITY));
    assert!(has_finding(r, "JPEG:Comment", fx::COMMENT));
    assert!(has_finding(r, "JPEG:MotionPhotoVideo", "video"));
    for f in r["findings"].as_array().unwrap() {
        assert!(["low", "medium", "high"].contains(&f["severity"].as_str().unwrap()));
        assert!(f["explanation"].as_str().is_some_and(|e| !e.is_empty()));
    }
}

#[test]
fn png_webp_and_tiff_report_their_metadata() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.png", &fx::png(64, 48, Some(6)));
    write(dir.path(), "b.webp", &fx::webp(64, 48, Some(8)));
    write(dir.path(), "c.tiff", &fx::tiff(64, 48, Some(3)));
    let out = photoveil(&["scan", "--json", s(dir.path())]);
    assert!(out.status.success());
    let reports = json_lines(&out);
    assert_eq!(reports.len(), 3);
    let (png, webp, tiff) = (&reports[0], &reports[1], &reports[2]);
    assert_eq!(png["format"], "png");
    assert!(has_finding(png, "PNG:tEXt:Author", fx::PNG_AUTHOR));
    assert!(has_finding(png, "PNG:tIME", "2024-05-17"));
    assert!(has_finding(png, "PNG:prVt", "private chunk"));
    assert!(has_finding(png, "EXIF:GPSPosition", fx::GPS_TEXT));
    assert!(has_finding(png, "XMP:dc:creator", fx::OWNER));
    assert_eq!(webp["format"], "webp");
    assert!(has_finding(webp, "EXIF:GPSPosition", fx::GPS_TEXT));
    assert!(has_finding(webp, "XMP:photoshop:City", fx::CITY));
    assert_eq!(tiff["format"], "tiff");
    assert!(has_finding(tiff, "EXIF:Make", fx::MAKE));
    assert!(has_finding(tiff, "EXIF:0xC62F", fx::SERIAL));
    assert!(has_finding(tiff, "XMP:mwg-rs:Name", fx::REGION_NAME));
}

#[test]
fn formats_are_recognised_by_content_not_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "really-a-png.jpg", &fx::png(16, 16, None));
    let reports = json_lines(&photoveil(&["scan", "--json", s(&path)]));
    assert_eq!(reports[0]["format"], "png");
}

#[test]
fn public_photos_with_real_gps_are_found() {
    let shared =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/faces/gps_group1.jpg");
    let reports = json_lines(&photoveil(&["scan", "--json", s(&shared)]));
    assert!(
        has_finding(&reports[0], "EXIF:GPSPosition", "37.319637, -121.946502"),
        "{:#}",
        reports[0]
    );
    assert!(has_finding(&reports[0], "EXIF:Model", "ILCE-7M2"));
}

#[test]
fn bad_files_get_one_clear_error_each_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = fx::jpeg(64, 48, Default::default());
    write(dir.path(), "1-good.jpg", &good);
    write(dir.path(), "2-truncated.jpg", &good[..good.len() / 3]);
    write(dir.path(), "3-text.jpg", b"this is not a photo");
    write(dir.path(), "4-empty.jpg", b"");
    write(
        dir.path(),
        "5-notes.txt",
        b"not an image, and not named like one: skipped quietly",
    );
    write(dir.path(), "6-good.png", &fx::png(8, 8, None));
    std::os::unix::fs::symlink(dir.path(), dir.path().join("7-loop")).unwrap();
    let out = photoveil(&["scan", "--json", s(dir.path())]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "any failure makes the exit status non-zero"
    );
    let reports = json_lines(&out);
    let by_name = |n: &str| {
        reports
            .iter()
            .find(|r| r["path"].as_str().is_some_and(|p| p.ends_with(n)))
    };
    assert!(by_name("1-good.jpg").unwrap()["error"].is_null());
    assert!(by_name("6-good.png").unwrap()["error"].is_null());
    let truncated = by_name("2-truncated.jpg").unwrap()["error"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(truncated.contains("truncated"), "{truncated}");
    let text = by_name("3-text.jpg").unwrap()["error"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains("not a supported image"), "{text}");
    assert!(by_name("4-empty.jpg").unwrap()["error"]
        .as_str()
        .unwrap()
        .contains("empty"));
    assert!(by_name("5-notes.txt").is_none());
    assert!(by_name("7-loop").unwrap()["error"]
        .as_str()
        .unwrap()
        .contains("loop"));

    let human = photoveil(&["scan", s(dir.path())]);
    let stderr = String::from_utf8_lossy(&human.stderr);
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("2-truncated.jpg: error: the jpeg file is damaged")),
        "{stderr}"
    );
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("3-text.jpg: error: not a photo PhotoVeil can open")),
        "{stderr}"
    );
    // The same problems reach a Korean user in Korean (the JSON stays English, for programs).
    let korean = photoveil(&["--lang", "ko", "scan", s(dir.path())]);
    let stderr = String::from_utf8_lossy(&korean.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains("2-truncated.jpg"))
        .unwrap_or_else(|| panic!("no line for the truncated photo: {stderr}"));
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    assert!(line.contains("오류") && line.chars().any(hangul), "{line}");
    assert!(
        !line.contains("error") && !line.contains("damaged"),
        "{line}"
    );
}

#[test]
fn missing_path_is_reported() {
    let out = photoveil(&["scan", "--json", "/nonexistent/photo.jpg"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(json_lines(&out)[0]["error"]
        .as_str()
        .unwrap()
        .contains("No such file"));
}

#[test]
fn no_arguments_without_a_display_prints_usage() {
    // With a display, no arguments open the desktop app (tests/app/gui_xvfb.rs); without one the
    // usage is printed and the exit status says it did not run.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_photoveil"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("scan") && text.contains("clean"), "{text}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no display"), "{err}");
}
