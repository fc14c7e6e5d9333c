//! `photoveil audit` end to end: a generated Google Takeout ZIP with a photo carrying GPS, a
//! sidecar with GPS beside a photo without any, and an entry with a traversal name.

use crate::common;

use std::io::Write;

use common::*;
use photoveil_fixtures as fx;

/// Writes a ZIP of `entries` (name, bytes) at `path`.
fn zip_of(path: &std::path::Path, entries: &[(&str, Vec<u8>)]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// A picture without any metadata, encoded as `format`.
fn bare(width: u32, height: u32, format: image::ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::new_rgb8(width, height)
        .write_to(&mut out, format)
        .unwrap();
    out.into_inner()
}

fn takeout_zip(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("takeout-001.zip");
    let plain = bare(64, 48, image::ImageFormat::Jpeg);
    zip_of(
        &path,
        &[
            (
                "Takeout/Google Photos/Photos from 2020/with_gps.jpg",
                fx::jpeg(320, 240, Default::default()),
            ),
            (
                "Takeout/Google Photos/Photos from 2020/plain.jpg",
                plain.clone(),
            ),
            (
                "Takeout/Google Photos/Photos from 2020/plain.jpg.supplemental-metadata.json",
                br#"{"title": "plain.jpg", "description": "Pickup at Lincoln Elementary School",
            "photoTakenTime": {"timestamp": "1600000000"},
            "geoData": {"latitude": 40.7128, "longitude": -74.006, "altitude": 0.0}}"#
                    .to_vec(),
            ),
            ("../escape.jpg", plain),
        ],
    );
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

#[test]
fn audit_report_shows_the_photos_in_ranked_order_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = takeout_zip(dir.path());
    let ranks: Vec<String> = json_lines(&photoveil(&["audit", "--json", "--no-faces", s(&path)]))
        .iter()
        .filter(|l| l["type"] == "rank")
        .map(|l| {
            l["entry"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ranks.len(), 2);
    let html = dir.path().join("audit.html");
    let out = photoveil(&["audit", "--no-faces", "--report", s(&html), s(&path)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    // Both photos, in the ranking's order, each with its place and what to do.
    let at = |name: &str| {
        page.find(&format!(">{name}</bdi>"))
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert!(at(&ranks[0]) < at(&ranks[1]), "{ranks:?}");
    assert!(page.contains("Rank 1") && page.contains("Rank 2"));
    assert_eq!(page.matches("<h3>What to do</h3>").count(), 2);
    assert!(page.contains("Replace it with a copy without metadata"));
    // The export's own date and caption, and the reasons in words.
    assert!(page.contains("2020-09-13"));
    assert!(page.contains("Pickup at Lincoln Elementary School"));
    assert!(page.contains("The caption names a school"));
    assert!(page.contains("The photo records where it was taken (GPS)."));
    // Thumbnails read back from the ZIP; the refused entry is not shown as a photo.
    assert_eq!(page.matches("src=\"data:image/jpeg;base64,").count(), 2);
    assert!(!page.contains("escape.jpg</bdi>"));
    assert!(!page.contains("<script"));

    let bare = dir.path().join("bare.html");
    let out = photoveil(&[
        "audit",
        "--no-faces",
        "--report",
        s(&bare),
        "--no-thumbnails",
        s(&path),
    ]);
    assert!(out.status.success());
    let page = std::fs::read_to_string(&bare).unwrap();
    assert!(!page.contains("data:image/jpeg"));
    assert_eq!(page.matches("<h3>What to do</h3>").count(), 2);
}

#[test]
fn audit_writes_protected_replacements_of_the_photos_to_replace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photos.zip");
    zip_of(
        &path,
        &[
            (
                "camera/astronaut.png",
                std::fs::read(shared("astronaut.png")).unwrap(),
            ),
            (
                "camera/with_gps.jpg",
                fx::jpeg(320, 240, Default::default()),
            ),
            // Nothing in it helps an abuser: no replacement.
            ("camera/sky.png", bare(96, 64, image::ImageFormat::Png)),
        ],
    );
    let before = sha(&path);
    let out = dir.path().join("replacements");
    let home = dir.path().join("home");
    let run = photoveil_at_home(
        &home,
        &["audit", "--json", "--protect-out", s(&out), s(&path)],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let lines = json_lines(&run);
    let replaced: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["type"] == "replacement")
        .collect();
    let entries: Vec<&str> = replaced
        .iter()
        .map(|r| r["input"].as_str().unwrap())
        .collect();
    assert_eq!(replaced.len(), 2, "{entries:?}");
    assert!(entries.contains(&"camera/astronaut.png") && entries.contains(&"camera/with_gps.jpg"));
    assert!(replaced[0]["position"].as_u64() < replaced[1]["position"].as_u64());
    let face_photo = replaced
        .iter()
        .find(|r| r["input"] == "camera/astronaut.png")
        .unwrap();
    assert_eq!(face_photo["faces"][0]["action"], "cloaked");
    assert!(face_photo["faces"][0]["similarity_after_upload"].is_number());
    // The copies carry nothing the originals gave away, under the photos' own names.
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["astronaut.png", "with_gps.jpg"]);
    let scan = photoveil(&["scan", "--json", "--no-faces", s(&out)]);
    for report in json_lines(&scan) {
        assert_eq!(report["findings"].as_array().unwrap().len(), 0, "{report}");
    }
    // The export is unchanged.
    assert_eq!(sha(&path), before);
}

#[test]
fn a_named_person_is_recognised_in_a_later_audit_and_their_photos_shown() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let astronaut = image::open(shared("astronaut.png")).unwrap();
    let first = dir.path().join("first");
    std::fs::create_dir_all(&first).unwrap();
    astronaut.save(first.join("me_1.png")).unwrap();
    astronaut
        .crop_imm(60, 0, 400, 400)
        .save(first.join("me_2.png"))
        .unwrap();
    std::fs::copy(shared("group_t1.jpg"), first.join("friends.jpg")).unwrap();
    // The astronaut is in two photos: person 1, the largest group.
    let run = photoveil_at_home(&home, &["audit", "--json", "--name", "1=me", s(&first)]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let lines = json_lines(&run);
    let named: Vec<_> = lines.iter().filter(|l| l["type"] == "named").collect();
    assert_eq!(named.len(), 1);
    assert_eq!(named[0]["name"], "me");
    let me = lines
        .iter()
        .find(|l| l["type"] == "group" && l["name"] == "me")
        .expect("the named group");
    assert_eq!(me["photos"], 2);
    // The names are kept in the user's data folder, with no photo names in them.
    let book = std::fs::read_to_string(home.join("data/photoveil/people.json")).unwrap();
    assert!(book.contains("\"me\"") && !book.contains("me_1") && !book.contains("friends"));

    // A later audit of other photos recognises her without being told.
    let later = dir.path().join("later");
    std::fs::create_dir_all(&later).unwrap();
    astronaut
        .resize(768, 768, image::imageops::FilterType::Triangle)
        .save(later.join("new.png"))
        .unwrap();
    std::fs::copy(shared("group_t1.jpg"), later.join("party.jpg")).unwrap();
    let lines = json_lines(&photoveil_at_home(&home, &["audit", "--json", s(&later)]));
    let named: Vec<_> = lines
        .iter()
        .filter(|l| l["type"] == "group" && l["name"] == "me")
        .collect();
    assert_eq!(named.len(), 1, "{lines:?}");
    assert_eq!(named[0]["photos"], 1);
    assert!(lines.iter().filter(|l| l["type"] == "group").count() > 1);

    // --person shows only her photos.
    let only = photoveil_at_home(&home, &["audit", "--json", "--person", "me", s(&later)]);
    assert!(only.status.success());
    let lines = json_lines(&only);
    let ranked: Vec<&str> = lines
        .iter()
        .filter(|l| l["type"] == "rank")
        .map(|l| l["entry"].as_str().unwrap())
        .collect();
    assert_eq!(ranked, ["new.png"]);
    assert!(lines
        .iter()
        .filter(|l| l["type"] == "media")
        .all(|l| l["entry"] == "new.png"));
    // An unknown name is said plainly and fails.
    let nobody = photoveil_at_home(&home, &["audit", "--person", "nobody", s(&later)]);
    assert!(!nobody.status.success());
    assert!(String::from_utf8_lossy(&nobody.stderr).contains("No one named \"nobody\""));
}

#[test]
fn a_video_s_own_location_is_found_and_ranked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("videos.zip");
    zip_of(
        &path,
        &[
            (
                "DCIM/VID_20240501.mp4",
                fx::mp4_with_location("+37.3196-121.9465/", 1_714_521_600),
            ),
            ("DCIM/clip.mp4", fx::fake_mp4()),
        ],
    );
    let out = photoveil(&["audit", "--json", "--no-faces", s(&path)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    let media = |name: &str| {
        lines
            .iter()
            .find(|l| l["type"] == "media" && l["entry"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name}: {lines:?}"))
            .clone()
    };
    let video = media("VID_20240501.mp4");
    assert_eq!(video["kind"], "video");
    assert!(has_finding(
        &video,
        "QuickTime:GPSCoordinates",
        "37.319600, -121.946500"
    ));
    // A video without metadata is listed with nothing found, not as a failure.
    let clip = media("clip.mp4");
    assert_eq!(clip["kind"], "video");
    assert_eq!(clip["findings"].as_array().unwrap().len(), 0);
    let first = lines.iter().find(|l| l["type"] == "rank").unwrap();
    assert!(first["entry"]
        .as_str()
        .unwrap()
        .ends_with("VID_20240501.mp4"));
    assert!(first["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["kind"] == "gps-in-photo"));
}

/// Ctrl-C in the middle of an audit: it stops within the photo in hand, says it was stopped,
/// exits with 130, and writes neither the report nor any replacement; the export is untouched.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_an_audit_without_writing_its_report_or_replacements() {
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let export = dir.path().join("export");
    let report = dir.path().join("audit.html");
    let replacements = dir.path().join("replacements");
    std::fs::create_dir_all(&export).unwrap();
    // Each photo holds a group of faces to find and embed: the whole audit takes far longer
    // than the time before the signal.
    let group = shared("group_t1.jpg");
    let photos: Vec<std::path::PathBuf> = (0..40)
        .map(|i| {
            let p = export.join(format!("photo{i:02}.jpg"));
            std::fs::copy(&group, &p).unwrap();
            p
        })
        .collect();
    let before: Vec<Vec<u8>> = photos.iter().map(|p| sha(p)).collect();
    let (output, stopped_after) = common::interrupted_after(
        &home,
        &[
            "audit",
            "--report",
            s(&report),
            "--protect-out",
            s(&replacements),
            s(&export),
        ],
        Duration::from_secs(3),
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(130), "stderr: {stderr}");
    assert!(stderr.contains("stopped (Ctrl-C)"), "stderr: {stderr}");
    assert!(
        stopped_after < Duration::from_secs(15),
        "took {stopped_after:?} to stop"
    );
    // Nothing of the half-done audit: no ranking printed, no report, no replacement.
    assert!(!stdout.contains("1. "), "stdout: {stdout}");
    assert!(!report.exists(), "a report of a stopped audit was written");
    let written: Vec<_> = std::fs::read_dir(&replacements)
        .map(|entries| entries.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(written.is_empty(), "replacements were written: {written:?}");
    for (p, digest) in photos.iter().zip(&before) {
        assert_eq!(&sha(p), digest, "{} changed", p.display());
    }
}
