//! `photoveil audit` end to end: a generated Google Takeout ZIP with a photo carrying GPS, a
//! sidecar with GPS beside a photo without any, and an entry with a traversal name.

mod common;

use std::io::Write;

use common::*;
use photoveil_fixtures as fx;

fn takeout_zip(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("takeout-001.zip");
    let file = std::fs::File::create(&path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    let mut add = |name: &str, bytes: &[u8]| {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    };
    add(
        "Takeout/Google Photos/Photos from 2020/with_gps.jpg",
        &fx::jpeg(320, 240, Default::default()),
    );
    let plain = {
        let mut out = std::io::Cursor::new(Vec::new());
        image::DynamicImage::new_rgb8(64, 48)
            .write_to(&mut out, image::ImageFormat::Jpeg)
            .unwrap();
        out.into_inner()
    };
    add("Takeout/Google Photos/Photos from 2020/plain.jpg", &plain);
    add(
        "Takeout/Google Photos/Photos from 2020/plain.jpg.supplemental-metadata.json",
        br#"{"title": "plain.jpg", "description": "Pickup at Lincoln Elementary School",
            "photoTakenTime": {"timestamp": "1600000000"},
            "geoData": {"latitude": 40.7128, "longitude": -74.006, "altitude": 0.0}}"#,
    );
    add("../escape.jpg", &plain);
    zip.finish().unwrap();
    path
}

#[test]
fn audit_json_lists_media_ranking_and_skipped_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = takeout_zip(dir.path());
    let out = photoveil(&["audit", "--json", "--no-faces", s(&path)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    let of = |t: &str| lines.iter().filter(|l| l["type"] == t).collect::<Vec<_>>();
    let export = of("export");
    assert_eq!(export.len(), 1);
    assert_eq!(export[0]["layout"], "google-takeout");
    assert_eq!(export[0]["photos"], 2);
    let media = of("media");
    let plain = media
        .iter()
        .find(|m| m["entry"].as_str().unwrap().ends_with("plain.jpg"))
        .unwrap();
    assert_eq!(plain["context"]["location"]["source"], "takeout-sidecar");
    assert_eq!(plain["context"]["date"], 1_600_000_000);
    let ranks = of("rank");
    assert_eq!(ranks.len(), 2);
    assert_eq!(ranks[0]["position"], 1);
    assert!(ranks[0]["score"].as_f64().unwrap() >= ranks[1]["score"].as_f64().unwrap());
    let kinds = |r: &serde_json::Value| -> Vec<String> {
        r["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["kind"].as_str().unwrap().to_string())
            .collect()
    };
    let plain_rank = ranks
        .iter()
        .find(|r| r["entry"].as_str().unwrap().ends_with("plain.jpg"))
        .unwrap();
    assert!(kinds(plain_rank).contains(&"gps-beside-photo".to_string()));
    assert!(kinds(plain_rank).contains(&"school-in-caption".to_string()));
    assert_eq!(plain_rank["recommendation"], "clean-metadata");
    let gps_rank = ranks
        .iter()
        .find(|r| r["entry"].as_str().unwrap().ends_with("with_gps.jpg"))
        .unwrap();
    assert!(kinds(gps_rank).contains(&"gps-in-photo".to_string()));
    let skipped = of("skipped");
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0]["entry"], "../escape.jpg");
    assert_eq!(skipped[0]["problem"]["kind"], "unsafe-name");

    // The text listing names the photos and what to do.
    let out = photoveil(&["audit", "--no-faces", s(&path)]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("plain.jpg"), "{text}");
    assert!(text.contains("Google Takeout"), "{text}");
    assert!(text.contains("../escape.jpg"), "{text}");
}

#[test]
fn audit_of_a_truncated_zip_names_it_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = takeout_zip(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    let cut = write(dir.path(), "cut.zip", &bytes[..bytes.len() / 3]);
    let out = photoveil(&["audit", "--json", "--no-faces", s(&cut)]);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["type"], "error");
    assert!(lines[0]["error"].as_str().unwrap().contains("cut.zip"));
}
