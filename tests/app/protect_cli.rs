//! End-to-end tests of `photoveil protect`, `verify` and the face part of `scan`, on the real
//! networks and the public photos in `../shared/faces/`.

use crate::common;

use std::path::PathBuf;

use common::{json_lines, photoveil, s, sha, shared, write};

#[test]
fn protect_writes_clean_measured_copies_and_never_touches_originals() {
    let dir = tempfile::tempdir().expect("dir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    // A real photo with real GPS metadata, a photo with no face, and a text file posing as one.
    std::fs::copy(shared("gps_group1.jpg"), input.join("gps_group1.jpg")).expect("copy");
    let sky = image::RgbImage::from_fn(320, 200, |x, y| {
        image::Rgb([(x / 2) as u8, (y / 2) as u8, 200])
    });
    sky.save(input.join("sky.png")).expect("save");
    write(&input, "notes.jpg", b"this is not a photo");
    let hashes: Vec<Vec<u8>> = ["gps_group1.jpg", "sky.png", "notes.jpg"]
        .iter()
        .map(|n| sha(&input.join(n)))
        .collect();

    let out = dir.path().join("out");
    let run = photoveil(&[
        "protect",
        "--json",
        "--no-remember",
        "--strength",
        "subtle",
        "--out",
        s(&out),
        s(&input),
    ]);
    assert_eq!(
        run.status.code(),
        Some(1),
        "one bad file makes the exit status 1"
    );
    let mut lines = json_lines(&run);
    let summary = lines.pop().expect("a last line");
    assert_eq!(summary["summary"]["failed"], 1, "{summary}");
    assert_eq!(lines.len(), 3, "{lines:?}");
    let by_name = |n: &str| {
        lines
            .iter()
            .find(|l| l["input"].as_str().is_some_and(|p| p.ends_with(n)))
            .expect(n)
    };

    let bad = by_name("notes.jpg");
    assert!(bad["error"]
        .as_str()
        .expect("error")
        .contains("not a supported image"));
    assert!(bad["output"].is_null());

    let group = by_name("gps_group1.jpg");
    assert!(group["error"].is_null(), "{group}");
    assert_eq!(group["verifier"], "mobileface");
    assert_eq!(
        group["attacked"],
        serde_json::json!(["dlib-resnet29", "mobilefacenet", "sface"])
    );
    let faces = group["faces"].as_array().expect("faces");
    assert!(faces.len() >= 3, "{faces:?}");
    for f in faces {
        assert_eq!(f["action"], "cloaked");
        // Protected until verified by default, here with `subtle` as the ceiling: one level tried.
        assert_eq!(f["level"], "subtle");
        let checks = f["checks"].as_array().expect("checks");
        assert_eq!(checks.len(), 1, "{f}");
        assert_eq!(checks[0]["level"], "subtle");
        let colour = &f["colour"];
        assert!(colour["p99"].as_f64().expect("p99") >= colour["mean"].as_f64().expect("mean"));
        let before = f["similarity_before"].as_f64().expect("before");
        let after = f["similarity_after_upload"].as_f64().expect("after");
        assert!(
            before > 0.9,
            "the verifier knows the unprotected face: {before}"
        );
        assert!(
            after < before,
            "the cloak moved the independent network: {after} vs {before}"
        );
        assert_eq!(
            f["passed"].as_bool(),
            Some(after < f["threshold"].as_f64().expect("threshold"))
        );
    }
    assert!(group["psnr"].as_f64().expect("psnr") > 35.0);
    let output = PathBuf::from(group["output"].as_str().expect("output"));
    assert_eq!(output.parent(), Some(out.as_path()));
    assert!(
        std::fs::metadata(&output).expect("out").len() as f64
            <= 1.3
                * std::fs::metadata(input.join("gps_group1.jpg"))
                    .expect("in")
                    .len() as f64
    );
    // The copy gives nothing away: a fresh scan finds no metadata at all.
    let scan = json_lines(&photoveil(&["scan", "--json", "--no-faces", s(&output)]));
    assert_eq!(scan[0]["findings"], serde_json::json!([]), "{}", scan[0]);

    let sky_line = by_name("sky.png");
    assert!(sky_line["error"].is_null());
    assert_eq!(sky_line["faces"], serde_json::json!([]));
    assert_eq!(
        sky_line["psnr"],
        serde_json::Value::Null,
        "identical pixels: infinite PSNR is not JSON"
    );
    let copy = image::open(out.join("sky.png")).expect("decode").to_rgb8();
    assert_eq!(copy, sky, "a photo without faces keeps every pixel");

    for (name, hash) in ["gps_group1.jpg", "sky.png", "notes.jpg"]
        .iter()
        .zip(hashes)
    {
        assert_eq!(sha(&input.join(name)), hash, "{name} was modified");
    }
    let leftovers = std::fs::read_dir(&out)
        .expect("list")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".part"))
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn blurred_faces_are_not_recognised_and_verify_measures_a_pair() {
    let dir = tempfile::tempdir().expect("dir");
    let run = photoveil(&[
        "protect",
        "--json",
        "--no-remember",
        "--blur-faces",
        "--out",
        s(dir.path()),
        s(&shared("astronaut.png")),
    ]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let line = &json_lines(&run)[0];
    let face = &line["faces"][0];
    assert_eq!(face["action"], "blurred");
    assert_eq!(face["passed"], true, "{face}");
    assert_eq!(face["verdict"], "not-recognised", "{face}");
    let output = line["output"].as_str().expect("output");

    let verify = photoveil(&["verify", "--json", s(&shared("astronaut.png")), output]);
    assert_eq!(verify.status.code(), Some(0));
    let v = &json_lines(&verify)[0];
    assert_eq!(v["faces"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["faces"][0]["passed"], true);
    // The original against itself: recognised, and said so.
    let same = &json_lines(&photoveil(&[
        "verify",
        "--json",
        s(&shared("astronaut.png")),
        s(&shared("astronaut.png")),
    ]))[0];
    assert!(same["faces"][0]["similarity_after"].as_f64().expect("sim") > 0.999);
    assert_eq!(same["faces"][0]["passed"], false);
    assert_eq!(same["faces"][0]["verdict"], "recognised");
    let missing = photoveil(&[
        "verify",
        s(&shared("astronaut.png")),
        "/nonexistent/photo.jpg",
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/photo.jpg"));
}

#[test]
fn scan_reports_faces_with_landmarks_and_usability() {
    let run = photoveil(&[
        "scan",
        "--json",
        s(&shared("group_t1.jpg")),
        s(&shared("astronaut.png")),
    ]);
    assert_eq!(run.status.code(), Some(0));
    let lines = json_lines(&run);
    assert_eq!(lines[0]["faces"].as_array().map(Vec::len), Some(6));
    let astronaut = &lines[1]["faces"][0];
    assert_eq!(astronaut["landmarks"].as_array().map(Vec::len), Some(6));
    assert_eq!(astronaut["usable"], true);
    assert!(astronaut["score"].as_f64().expect("score") > 0.75);
    // --faces none leaves faces alone but still cleans.
    let dir = tempfile::tempdir().expect("dir");
    let none = json_lines(&photoveil(&[
        "protect",
        "--json",
        "--no-remember",
        "--faces",
        "none",
        "--out",
        s(dir.path()),
        s(&shared("astronaut.png")),
    ]));
    assert_eq!(none[0]["faces"][0]["action"], "left");
    assert_eq!(none[0]["faces"][0]["passed"], false);
}

#[test]
fn an_exif_rotated_photo_is_protected_as_displayed() {
    use img_parts::jpeg::Jpeg;
    use img_parts::ImageEXIF;
    let dir = tempfile::tempdir().expect("dir");
    // Store the astronaut lying on her side with orientation 6 ("rotate 90° clockwise to
    // display"), as phones do.
    let upright = image::open(shared("astronaut.png"))
        .expect("decode")
        .to_rgb8();
    let stored = image::imageops::rotate270(&upright);
    let mut jpeg_bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg_bytes, 95)
        .encode_image(&stored)
        .expect("encode");
    let mut jpeg = Jpeg::from_bytes(jpeg_bytes.into()).expect("parse");
    jpeg.set_exif(Some(
        photoveil_core::container::orientation_only_exif(6).into(),
    ));
    let mut bytes = Vec::new();
    jpeg.encoder().write_to(&mut bytes).expect("write");
    let input = write(dir.path(), "sideways.jpg", &bytes);

    let out = dir.path().join("out");
    let run = photoveil(&[
        "protect",
        "--json",
        "--no-remember",
        "--fixed",
        "--out",
        s(&out),
        s(&input),
    ]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let line = &json_lines(&run)[0];
    let faces = line["faces"].as_array().expect("faces");
    assert_eq!(
        faces.len(),
        1,
        "the face is found in the photo as displayed: {line}"
    );
    // --fixed cloaks at exactly the level asked for (standard by default), with no checks.
    assert_eq!(faces[0]["level"], "standard");
    assert_eq!(faces[0]["checks"], serde_json::json!([]));
    // The box is where the face is in the upright picture (the astronaut's face is at about
    // x 173-278, y 74-179 in astronaut.png).
    let x = faces[0]["box"][0].as_f64().expect("x");
    let y = faces[0]["box"][1].as_f64().expect("y");
    assert!(
        (x - 173.0).abs() < 25.0 && (y - 74.0).abs() < 25.0,
        "{}",
        faces[0]
    );
    assert_eq!(faces[0]["action"], "cloaked");
    // The copy is written upright, without any orientation tag to lose.
    let copy = image::open(out.join("sideways.jpg"))
        .expect("decode")
        .to_rgb8();
    assert_eq!(copy.dimensions(), upright.dimensions());
    let scan = json_lines(&photoveil(&[
        "scan",
        "--json",
        "--no-faces",
        s(&out.join("sideways.jpg")),
    ]));
    assert_eq!(scan[0]["findings"], serde_json::json!([]));
}

#[test]
fn a_decompression_bomb_is_refused_clearly() {
    // A 30000x20000 PNG header in front of a tiny IDAT: PhotoVeil must refuse it without
    // allocating the picture.
    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(data);
        out.extend_from_slice(&crc32(&crc_input).to_be_bytes());
        out
    }
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let mut ihdr = 30_000u32.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&20_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", &[]));
    let dir = tempfile::tempdir().expect("dir");
    let bomb = write(dir.path(), "bomb.png", &png);
    let run = photoveil(&[
        "protect",
        "--no-remember",
        "--out",
        s(&dir.path().join("out")),
        s(&bomb),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("bomb.png") && stderr.contains("30000 × 20000"),
        "{stderr}"
    );
    // Scanning still reports its metadata, without faces.
    let scan = json_lines(&photoveil(&["scan", "--json", s(&bomb)]));
    assert!(
        scan[0]["error"].is_null() && scan[0].get("faces").is_none(),
        "{}",
        scan[0]
    );
}

#[test]
fn the_colour_profile_of_a_png_is_kept() {
    use image::{ImageDecoder, ImageEncoder};
    let dir = tempfile::tempdir().expect("dir");
    let sky = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 3, y as u8 * 4, 180]));
    let profile = b"not a real ICC profile, but bytes a PNG carries in iCCP".to_vec();
    let mut png = Vec::new();
    let mut encoder = image::codecs::png::PngEncoder::new(&mut png);
    encoder
        .set_icc_profile(profile.clone())
        .expect("PNG carries profiles");
    encoder
        .write_image(sky.as_raw(), 64, 48, image::ExtendedColorType::Rgb8)
        .expect("encode");
    let input = write(dir.path(), "sky.png", &png);
    let out = dir.path().join("out");
    let run = photoveil(&["protect", "--no-remember", "--out", s(&out), s(&input)]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(out.join("sky.png")).expect("copy");
    let mut decoder =
        image::codecs::png::PngDecoder::new(std::io::Cursor::new(bytes)).expect("png");
    assert_eq!(decoder.icc_profile().expect("read"), Some(profile));
}

#[test]
fn a_jpeg_without_faces_is_cleaned_losslessly_as_the_app_does() {
    let dir = tempfile::tempdir().expect("dir");
    // A JPEG with GPS and a camera serial, and no face in it.
    let input = write(
        dir.path(),
        "beach.jpg",
        &photoveil_fixtures::jpeg(160, 120, Default::default()),
    );
    let out = dir.path().join("out");
    let run = photoveil(&[
        "protect",
        "--json",
        "--no-remember",
        "--out",
        s(&out),
        s(&input),
    ]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let line = &json_lines(&run)[0];
    assert_eq!(line["treatment"], "cleaned", "{line}");
    assert_eq!(line["faces"], serde_json::json!([]));
    assert_eq!(line["picture"], "identical-coded-data", "{line}");
    let copy = PathBuf::from(line["output"].as_str().expect("output"));
    let pixels = |p: &std::path::Path| image::open(p).expect("decode").to_rgb8();
    assert_eq!(
        pixels(&copy),
        pixels(&input),
        "every pixel as in the original"
    );
    let scan = json_lines(&photoveil(&["scan", "--json", "--no-faces", s(&copy)]));
    assert_eq!(scan[0]["findings"], serde_json::json!([]), "{}", scan[0]);

    // The text output says which way the photo went.
    let text = photoveil(&[
        "--lang",
        "en",
        "protect",
        "--no-remember",
        "--out",
        s(&out),
        s(&input),
    ]);
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("cleaned without re-encoding"),
        "{}",
        String::from_utf8_lossy(&text.stdout)
    );
}
