//! `photoveil clean` on camera RAW files cleaned in place (DNG, CR2): the copy is written, the
//! batch counts it as done (exit status 0), and the make and model it keeps on purpose are said
//! to be kept, not reported as left behind.

use crate::common;

use common::*;
use photoveil_fixtures as fx;

#[test]
fn a_raw_file_cleaned_in_place_is_a_success_that_says_what_it_keeps() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    write(&inputs, "camera.dng", &fx::dng(1));
    // The sensor data is copied byte for byte and never decoded here: any bytes stand for it.
    let sensor: Vec<u8> = (0..2048u32).map(|i| (i * 7 % 251) as u8).collect();
    write(&inputs, "canon.cr2", &fx::cr2(1, sensor));
    let out = dir.path().join("out");
    let run = photoveil(&["--lang", "en", "clean", "--out", s(&out), s(&inputs)]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stdout}\n{stderr}");
    assert!(out.join("camera.dng").is_file() && out.join("canon.cr2").is_file());
    assert_eq!(
        stdout
            .matches("the camera's make and model, the lens model")
            .count(),
        2,
        "{stdout}"
    );
    assert!(stdout.contains("2 copies written"), "{stdout}");
    assert!(!stdout.contains("Not done"), "{stdout}");
    assert!(!stderr.contains("could not remove"), "{stderr}");

    let json = photoveil(&[
        "--lang",
        "en",
        "clean",
        "--json",
        "--out",
        s(&out),
        s(&inputs),
    ]);
    assert!(json.status.success());
    for report in json_lines(&json)
        .iter()
        .filter(|r| r.get("summary").is_none())
    {
        assert_eq!(
            report["verification"]["residual"],
            serde_json::json!([]),
            "{report}"
        );
        assert!(
            report["kept"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"] == "camera-details"),
            "{report}"
        );
    }
}
