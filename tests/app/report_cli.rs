//! `photoveil scan --report`: the workshop report is one self-contained HTML file, in the chosen
//! language, with every value from the photos escaped.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;
use photoveil_fixtures as fx;

/// Runs `photoveil` with `args` and `PHOTOVEIL_LANG` unset (so the system language is not used
/// by accident when `--lang` is given).
fn photoveil_env(args: &[&str], lang_env: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_photoveil"));
    command.args(args).env_remove("PHOTOVEIL_LANG");
    if let Some(lang) = lang_env {
        command.env("PHOTOVEIL_LANG", lang);
    }
    command.output().expect("the photoveil binary runs")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Asserts that a page fetches nothing and runs nothing.
fn assert_self_contained(html: &str) {
    for bad in [
        "http://", "https://", "src=\"//", "href=", "<script", "<link", "<iframe", "@import",
    ] {
        assert!(!html.contains(bad), "the report contains {bad:?}");
    }
    for (i, _) in html.match_indices("url(") {
        assert!(
            html[i..].starts_with("url(data:"),
            "external url(): {}",
            &html[i..(i + 40).min(html.len())]
        );
    }
    for (i, _) in html.match_indices("src=\"") {
        assert!(html[i..].starts_with("src=\"data:image/jpeg;base64,"));
    }
}

#[test]
fn report_is_self_contained_and_translated_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    let photo = write(
        dir.path(),
        "holiday.jpg",
        &fx::jpeg(640, 480, Default::default()),
    );
    for (lang, title, dir_attr) in [
        ("en", "What our photos give away", "ltr"),
        ("ko", "우리 사진이 알려 주는 것들", "ltr"),
        ("ur", "ہماری تصویریں کیا کچھ بتا دیتی ہیں", "rtl"),
    ] {
        let report = dir.path().join(format!("report-{lang}.html"));
        let out = photoveil_env(
            &[
                "--lang",
                lang,
                "scan",
                "--no-faces",
                "--report",
                s(&report),
                s(&photo),
            ],
            None,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let html = read(&report);
        assert_self_contained(&html);
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir_attr}\">")),
            "{lang}"
        );
        assert!(html.contains(title), "{lang}: title missing");
        assert!(
            html.contains("37.320000, -121.940000"),
            "{lang}: GPS missing"
        );
        assert!(html.contains(fx::SERIAL) && html.contains(fx::OWNER));
        assert!(html.contains("holiday.jpg"));
        assert!(
            html.contains("src=\"data:image/jpeg;base64,"),
            "{lang}: no thumbnail"
        );
        assert_eq!(html.matches("<article").count(), 1);
        // Only the Urdu page carries its font (few systems have Nastaliq).
        assert_eq!(html.contains("@font-face"), lang == "ur");
    }
    // The language can also come from the environment; messages are translated too.
    let out = photoveil_env(&["scan", "--no-faces", s(&photo)], Some("ko"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("개를 찾았어요"));
    let out = photoveil_env(&["scan", "--no-faces", s(&photo)], Some("ur"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("چیزیں ملیں"));
}

#[test]
fn hostile_file_names_and_metadata_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let exif = fx::phone_exif(
        10.5,
        -20.25,
        "<b onmouseover=alert(1)>Cam</b>",
        "\"><img src=x onerror=alert(2)>",
        "SN<script>alert(3)</script>",
        "Eve</td></tr></table><script>alert(4)</script>",
    );
    let jpeg = fx::jpeg_with_exif_and_comment(
        &fx::plain_jpeg(64, 48, 90),
        &exif,
        Some("</p><script src=//evil.example/x.js></script>"),
    );
    let photo = write(dir.path(), "<script>alert(5)<\\script>.jpg", &jpeg);
    let odd = write(dir.path(), "\"><img src=x onerror=alert(6)>.jpg", &jpeg);
    let report = dir.path().join("r.html");
    let out = photoveil_env(
        &[
            "--lang",
            "en",
            "scan",
            "--no-faces",
            "--report",
            s(&report),
            s(&photo),
            s(&odd),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = read(&report);
    assert_self_contained(&html);
    for raw in [
        "<b onmouseover",
        "<img src=x",
        "</td></tr></table><script",
        "<script",
    ] {
        assert!(!html.contains(raw), "unescaped {raw:?}");
    }
    assert!(html.contains("&lt;script&gt;alert(5)&lt;\\script&gt;.jpg"));
    assert!(html.contains("SN&lt;script&gt;alert(3)&lt;/script&gt;"));
    assert!(html.contains("&lt;b onmouseover=alert(1)&gt;Cam&lt;/b&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(6)&gt;.jpg"));
    assert!(html.contains("10.500000, -20.250000"));
    assert_eq!(html.matches("<article").count(), 2);
}

#[test]
fn no_thumbnails_leaves_no_picture_data() {
    let dir = tempfile::tempdir().unwrap();
    let photo = write(dir.path(), "a.jpg", &fx::jpeg(320, 240, Default::default()));
    let report = dir.path().join("r.html");
    let out = photoveil_env(
        &[
            "--lang",
            "en",
            "scan",
            "--no-faces",
            "--no-thumbnails",
            "--report",
            s(&report),
            s(&photo),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = read(&report);
    assert!(!html.contains("data:image"));
    assert!(!html.contains("<img"));
    assert!(html.contains("Picture not shown in this report."));
    assert!(html.contains("37.320000, -121.940000"));
}

#[test]
fn report_problems_are_named_and_fail_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let photo = write(dir.path(), "a.jpg", &fx::jpeg(64, 48, Default::default()));
    let report = dir.path().join("missing-folder/r.html");
    let out = photoveil_env(
        &[
            "--lang",
            "en",
            "scan",
            "--no-faces",
            "--report",
            s(&report),
            s(&photo),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("r.html") && stderr.contains("could not be saved"),
        "{stderr}"
    );
    // A language tag that is not one is wrong usage.
    let out = photoveil_env(&["--lang", "!!", "scan", "--no-faces", s(&photo)], None);
    assert_eq!(out.status.code(), Some(2));
    // --no-thumbnails only makes sense with --report.
    let out = photoveil_env(&["scan", "--no-thumbnails", s(&photo)], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn demo_photos_make_a_report_with_faces_and_a_clean_photo() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("demo.html");
    let out = photoveil_env(
        &["--lang", "en", "scan", "--demo", "--report", s(&report)],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = read(&report);
    assert_self_contained(&html);
    for name in ["astronaut.jpg", "camera.png", "coffee.jpg", "rocket.jpg"] {
        assert!(html.contains(name), "{name} missing");
    }
    assert_eq!(html.matches("<article").count(), 4);
    assert_eq!(html.matches("src=\"data:image/jpeg;base64,").count(), 4);
    assert!(html.contains("37.566500, 126.978000"), "the coffee's GPS");
    assert!(
        html.contains("1 face found. None is clear enough"),
        "the photographer"
    );
    assert!(
        html.contains("1 face found. 1 is clear enough"),
        "the astronaut's face"
    );
    assert!(
        html.contains("Nothing found: no place, device or names"),
        "the rocket"
    );
}
