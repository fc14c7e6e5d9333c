//! `photoveil clean` end to end: every format comes out without its metadata, with the same
//! pixels and orientation, next to untouched originals.

use crate::common;

use std::path::Path;

use common::*;
use photoveil_fixtures as fx;

/// Cleans `name` (written from `bytes`) and checks the promises every format keeps.
/// Returns the report and the temporary folder holding input and output.
fn clean_and_check(
    name: &str,
    bytes: &[u8],
    expect_orientation: Option<u32>,
) -> (serde_json::Value, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), name, bytes);
    let out_dir = dir.path().join("clean");
    let out = photoveil(&["clean", "--json", "--out", s(&out_dir), s(&input)]);
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json_lines(&out).remove(0);
    let output = out_dir.join(name);
    assert_eq!(
        report["output"].as_str(),
        Some(s(&output)),
        "same file name, in the chosen folder"
    );
    assert_eq!(
        std::fs::read(&input).unwrap(),
        bytes,
        "the original is untouched"
    );
    assert!(!report["removed"].as_array().unwrap().is_empty());
    // A fresh scan of the copy finds nothing in any category.
    let rescan = json_lines(&photoveil(&["scan", "--json", s(&output)])).remove(0);
    assert_eq!(
        rescan["findings"].as_array().unwrap().len(),
        0,
        "{rescan:#}"
    );
    // Pixels and orientation, checked independently of PhotoVeil.
    if !name.ends_with(".heic") && !name.ends_with(".avif") {
        let (a, b) = (pixels(&input), pixels(&output));
        assert_eq!(a.color(), b.color());
        assert_eq!(a.as_bytes(), b.as_bytes(), "decoded pixels are identical");
        assert_eq!(orientation(&output), expect_orientation);
    }
    assert_no_leftovers(&out_dir);
    (report, dir)
}

fn assert_no_leftovers(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.ends_with(".part") && !name.starts_with(".photoveil"),
            "left behind: {name}"
        );
    }
}

fn kept(report: &serde_json::Value) -> Vec<String> {
    report["kept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn jpeg_is_cleaned_losslessly_keeping_orientation_and_colour_profile() {
    let input = fx::jpeg(320, 240, Default::default());
    let (report, _dir) = clean_and_check("photo.jpg", &input, Some(6));
    assert_eq!(report["method"], "lossless");
    assert_eq!(report["verification"]["picture"], "identical-coded-data");
    assert_eq!(kept(&report), ["orientation", "icc-profile"]);
    let dir = Path::new(report["output"].as_str().unwrap());
    let cleaned = std::fs::read(dir).unwrap();
    // The ICC profile is carried over byte for byte; the appended video is gone.
    assert!(cleaned
        .windows(fx::FAKE_ICC.len())
        .any(|w| w == fx::FAKE_ICC));
    assert!(!cleaned.windows(4).any(|w| w == b"ftyp"));
    assert!(cleaned.ends_with(&[0xFF, 0xD9]));
    assert!(cleaned.len() < input.len());
}

#[test]
fn jpeg_without_rotation_gets_no_exif_at_all() {
    let spec = fx::JpegSpec {
        orientation: None,
        motion_video: false,
        metadata: true,
    };
    let (report, _dir) = clean_and_check("flat.jpg", &fx::jpeg(64, 64, spec), None);
    assert_eq!(kept(&report), ["icc-profile"]);
}

#[test]
fn png_is_cleaned_losslessly() {
    let (report, _dir) = clean_and_check("a.png", &fx::png(96, 64, Some(6)), Some(6));
    assert_eq!(report["method"], "lossless");
    assert_eq!(kept(&report), ["colour-info", "orientation"]);
}

#[test]
fn webp_is_cleaned_losslessly_with_flags_fixed() {
    let (report, _dir) = clean_and_check("a.webp", &fx::webp(96, 64, None), None);
    let cleaned = std::fs::read(report["output"].as_str().unwrap()).unwrap();
    assert!(!cleaned.windows(4).any(|w| w == b"EXIF" || w == b"XMP "));
    if cleaned.get(12..16) == Some(b"VP8X") {
        assert_eq!(cleaned[20] & 0b0000_1100, 0, "EXIF and XMP flags cleared");
    }
}

#[test]
fn tiff_is_rewritten_losslessly_without_ifd0_identity_tags() {
    let (report, _dir) = clean_and_check("scan.tiff", &fx::tiff(96, 64, Some(3)), Some(3));
    assert_eq!(report["method"], "lossless");
    assert_eq!(report["verification"]["picture"], "identical-pixels");
}

/// HEIC and AVIF fixtures come from libheif's `heif-enc` (installed by .ci/run); a Samsung-style
/// motion-photo video box (`mpvd`) is appended to the HEIC.
#[test]
fn heic_motion_photo_and_avif_are_cleaned_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let jpeg = write(
        dir.path(),
        "src.jpg",
        &fx::jpeg(128, 96, Default::default()),
    );
    for ext in ["heic", "avif"] {
        let encoded = dir.path().join(format!("x.{ext}"));
        let status = std::process::Command::new("heif-enc")
            .args(["-q", "80", "-o", s(&encoded), s(&jpeg)])
            .output()
            .expect("heif-enc is installed (libheif-examples)");
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        let mut bytes = std::fs::read(&encoded).unwrap();
        if ext == "heic" {
            let video = fx::fake_mp4();
            bytes.extend(((video.len() + 8) as u32).to_be_bytes());
            bytes.extend(b"mpvd");
            bytes.extend(&video);
        }
        let scan = json_lines(&photoveil(&[
            "scan",
            "--json",
            s(&write(dir.path(), &format!("in.{ext}"), &bytes)),
        ]))
        .remove(0);
        assert!(
            has_finding(&scan, "EXIF:GPSPosition", fx::GPS_TEXT),
            "{scan:#}"
        );
        assert!(has_finding(&scan, "XMP:mwg-rs:Name", fx::REGION_NAME));
        if ext == "heic" {
            assert!(has_finding(&scan, "HEIF:mpvd", "video"));
        }
        let (report, _kept_dir) = clean_and_check(&format!("phone.{ext}"), &bytes, None);
        let output = Path::new(report["output"].as_str().unwrap()).to_path_buf();
        // The coded picture decodes to the same pixels (libheif's own decoder).
        let decode = |from: &Path, to: &str| {
            let target = dir.path().join(to);
            let ok = std::process::Command::new("heif-convert")
                .args([s(from), s(&target)])
                .output()
                .unwrap();
            assert!(
                ok.status.success(),
                "{}",
                String::from_utf8_lossy(&ok.stderr)
            );
            std::fs::read(target).unwrap()
        };
        let original = write(dir.path(), &format!("orig.{ext}"), &bytes);
        assert_eq!(
            decode(&original, &format!("a-{ext}.y4m")),
            decode(&output, &format!("b-{ext}.y4m"))
        );
        let size = std::fs::read(&output).unwrap().len();
        if ext == "heic" {
            assert!(size < bytes.len(), "the video box is cut off");
        } else {
            assert_eq!(size, bytes.len(), "metadata is blanked in place");
        }
    }
}

#[test]
fn name_collisions_get_numbered_and_nothing_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "p.jpg", &fx::jpeg(32, 32, Default::default()));
    for _ in 0..2 {
        assert!(photoveil(&["clean", "--out", s(dir.path()), s(&input)])
            .status
            .success());
    }
    assert!(dir.path().join("p-1.jpg").exists() && dir.path().join("p-2.jpg").exists());
    assert_eq!(
        std::fs::read(&input).unwrap(),
        fx::jpeg(32, 32, Default::default())
    );
}

#[test]
fn a_bad_file_fails_alone_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let spec = fx::JpegSpec {
        motion_video: false,
        ..Default::default()
    };
    let good = fx::jpeg(32, 32, spec);
    write(dir.path(), "a.jpg", &good);
    write(dir.path(), "b.jpg", &good[..good.len() - 40]);
    write(dir.path(), "c.png", &fx::png(16, 16, None));
    let out_dir = tempfile::tempdir().unwrap();
    let out = photoveil(&["clean", "--out", s(out_dir.path()), s(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("b.jpg: error: the jpeg file is damaged: the file is truncated"),
        "{stderr}"
    );
    assert!(out_dir.path().join("a.jpg").exists() && out_dir.path().join("c.png").exists());
    assert!(!out_dir.path().join("b.jpg").exists(), "no partial output");
    assert_no_leftovers(out_dir.path());
}

#[test]
fn an_output_folder_that_cannot_be_made_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.jpg", &fx::jpeg(16, 16, Default::default()));
    let blocker = write(dir.path(), "not-a-folder", b"file");
    let out = photoveil(&[
        "clean",
        "--json",
        "--out",
        &format!("{}/sub", s(&blocker)),
        s(&input),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let error = json_lines(&out)[0]["error"].as_str().unwrap().to_string();
    assert!(
        error.starts_with("cannot write") && error.contains("not-a-folder"),
        "{error}"
    );
}

#[test]
fn public_photo_with_real_gps_comes_out_clean_with_identical_pixels() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/faces/gps_group2.jpg");
    let bytes = std::fs::read(&shared).unwrap();
    let (report, _dir) = clean_and_check("gps_group2.jpg", &bytes, orientation(&shared));
    assert!(report["removed"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["tag"] == "EXIF:GPSPosition"));
}

/// Inserts `segment` (marker + length + contents) right before the end-of-image marker, where
/// progressive encoders and some editors leave segments between or after scans.
fn insert_before_eoi(jpeg: &[u8], segment: &[u8]) -> Vec<u8> {
    let eoi = jpeg.windows(2).rposition(|w| w == [0xFF, 0xD9]).unwrap();
    [&jpeg[..eoi], segment, &jpeg[eoi..]].concat()
}

#[test]
fn segments_after_the_scans_and_mpf_pictures_are_found_and_removed() {
    let spec = fx::JpegSpec {
        motion_video: false,
        metadata: false,
        orientation: None,
    };
    let base = fx::jpeg(64, 48, spec);
    let comment = b"written after the scan";
    let mut com = vec![0xFF, 0xFE];
    com.extend(((comment.len() + 2) as u16).to_be_bytes());
    com.extend(comment);
    let mut photo = insert_before_eoi(&base, &com);
    // An MPF index that announces a second picture, and that picture after EOI.
    let mut mpf_tiff = b"MM\0*\0\0\0\x08\0\x02".to_vec();
    mpf_tiff.extend(b"\xB0\x00\0\x07\0\0\0\x040100");
    mpf_tiff.extend(b"\xB0\x01\0\x04\0\0\0\x01\0\0\0\x02\0\0\0\0");
    let mut app2 = b"MPF\0".to_vec();
    app2.extend(&mpf_tiff);
    let mut segment = vec![0xFF, 0xE2];
    segment.extend(((app2.len() + 2) as u16).to_be_bytes());
    segment.extend(&app2);
    photo.splice(2..2, segment);
    photo.extend(fx::plain_jpeg(32, 24, 80));

    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "mpf.jpg", &photo);
    let scan = json_lines(&photoveil(&["scan", "--json", s(&path)])).remove(0);
    assert!(
        has_finding(&scan, "JPEG:Comment", "written after the scan"),
        "{scan:#}"
    );
    assert!(has_finding(&scan, "JPEG:MPF", "1 more picture"));
    assert!(has_finding(&scan, "JPEG:AppendedImages", "1 JPEG picture"));
    let (report, _dir) = clean_and_check("mpf.jpg", &photo, None);
    let cleaned = std::fs::read(report["output"].as_str().unwrap()).unwrap();
    assert_eq!(
        cleaned.len(),
        base.len(),
        "exactly the original picture remains"
    );
}
