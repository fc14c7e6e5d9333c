//! The summary at the end of a `clean` or `protect` batch in text mode: copies written and where,
//! what was removed by kind, the faces, each failure, with the batch's own numbers (and in the
//! user's language).

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use photoveil_fixtures as fx;

/// A faceless photo without metadata, a photo with GPS and camera metadata, and a broken file.
fn batch(dir: &Path) -> PathBuf {
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    write(&inputs, "a-plain.jpg", &fx::plain_jpeg(64, 48, 90));
    write(&inputs, "b-gps.jpg", &fx::jpeg(64, 48, Default::default()));
    write(
        &inputs,
        "c-broken.jpg",
        b"\xFF\xD8\xFF\xE1 not a whole JPEG",
    );
    inputs
}

/// The English summary line of what the JSON reports say was removed.
fn removed_line(reports: &[serde_json::Value], removed_key: &str) -> String {
    let mut counts: BTreeMap<usize, (&str, usize)> = BTreeMap::new();
    let order = [
        ("location", "Location"),
        ("device", "Device"),
        ("person", "Person"),
        ("time", "Time"),
        ("hidden", "Hidden content"),
    ];
    for report in reports {
        for f in report[removed_key].as_array().into_iter().flatten() {
            let category = f["category"].as_str().unwrap();
            let rank = order.iter().position(|(c, _)| *c == category).unwrap();
            counts.entry(rank).or_insert((order[rank].1, 0)).1 += 1;
        }
    }
    let list: Vec<String> = counts
        .values()
        .map(|(name, n)| format!("{name} ({n})"))
        .collect();
    format!("Removed: {}", list.join(", "))
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn clean_ends_with_a_summary_of_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch(dir.path());
    let json_out = dir.path().join("json");
    let json = photoveil(&["clean", "--json", "--out", s(&json_out), s(&inputs)]);
    assert_eq!(json.status.code(), Some(1), "the broken file fails");
    let mut lines = json_lines(&json);
    let last = lines.pop().expect("a summary line");
    let reports: Vec<_> = lines
        .into_iter()
        .filter(|r| r["output"].is_string())
        .collect();
    assert_eq!(reports.len(), 2);
    // With --json the summary is the last line, with the batch's numbers.
    let summary = &last["summary"];
    assert_eq!(summary["written"], 2, "{last}");
    assert_eq!(summary["failed"], 1, "{last}");
    assert_eq!(summary["out_dir"].as_str(), Some(s(&json_out)));
    let mut by_kind = serde_json::Map::new();
    for f in reports
        .iter()
        .flat_map(|r| r["removed"].as_array().unwrap())
    {
        let kind = f["category"].as_str().unwrap().to_string();
        let n = by_kind.get(&kind).and_then(|v| v.as_u64()).unwrap_or(0);
        by_kind.insert(kind, (n + 1).into());
    }
    assert_eq!(summary["removed"], serde_json::Value::Object(by_kind));

    let out = dir.path().join("out");
    let text = photoveil(&["--lang", "en", "clean", "--out", s(&out), s(&inputs)]);
    assert_eq!(text.status.code(), Some(1));
    let said = stdout(&text);
    let summary = said.split("Summary:\n").nth(1).expect("a summary");
    let lines: Vec<&str> = summary.lines().map(str::trim).collect();
    assert_eq!(lines[0], format!("2 copies written to {}", out.display()));
    assert_eq!(lines[1], removed_line(&reports, "removed"));
    assert!(lines[1].contains("Location ("), "{said}");
    assert!(lines[2].starts_with("Not done: c-broken.jpg: "), "{said}");
    assert_eq!(lines.len(), 3, "{said}");

    let korean = photoveil(&["--lang", "ko", "clean", "--out", s(&out), s(&inputs)]);
    let said = stdout(&korean);
    assert!(said.contains("요약:"), "{said}");
    assert!(
        said.contains(&format!("사본 2개를 {}에 저장했습니다.", out.display())),
        "{said}"
    );
    assert!(said.contains("제거한 정보: "), "{said}");
    assert!(said.contains("하지 못함: c-broken.jpg: "), "{said}");
}

#[test]
fn protect_ends_with_a_summary_of_faces_and_failures() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch(dir.path());
    std::fs::copy(shared("astronaut.png"), inputs.join("d-astronaut.png")).unwrap();
    let out = dir.path().join("out");
    let run = photoveil(&[
        "--lang",
        "en",
        "protect",
        "--no-remember",
        "--blur-faces",
        "--out",
        s(&out),
        s(&inputs),
    ]);
    assert_eq!(run.status.code(), Some(1), "the broken file fails");
    let said = stdout(&run);
    let summary = said.split("Summary:\n").nth(1).expect("a summary");
    let lines: Vec<&str> = summary.lines().map(str::trim).collect();
    assert_eq!(lines[0], format!("3 copies written to {}", out.display()));
    assert!(lines[1].starts_with("Removed: Location ("), "{said}");
    assert!(lines.contains(&"1 face blurred."), "{said}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Not done: c-broken.jpg: ")),
        "{said}"
    );
}
