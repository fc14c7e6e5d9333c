//! `photoveil scan` remembers the faces of photos it has scanned, by content, in the user's cache
//! folder: a second scan takes them from there (shown by altering the remembered box), a copy
//! of the photo under another name is recognised by its content, `--no-cache` finds the faces
//! again, and the cache holds no pixels.

use crate::common;

use common::{json_lines, photoveil_at_home, s, sha, shared};
use serde_json::Value;

fn faces(out: &std::process::Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(out);
    lines[0]["faces"].as_array().expect("faces").clone()
}

#[test]
fn a_second_scan_takes_the_faces_from_the_cache_and_no_cache_finds_them_again() {
    let home = tempfile::tempdir().unwrap();
    let photos = tempfile::tempdir().unwrap();
    let photo = photos.path().join("team.jpg");
    std::fs::copy(shared("group_t1.jpg"), &photo).unwrap();

    let first = faces(&photoveil_at_home(
        home.path(),
        &["scan", "--json", s(&photo)],
    ));
    assert!(first.len() >= 5, "{first:?}");

    let cache = home.path().join(".cache/photoveil/faces.json");
    let text = std::fs::read_to_string(&cache).expect("the scan wrote the face cache");
    let key: String = sha(&photo).iter().map(|b| format!("{b:02x}")).collect();
    assert!(text.contains(&key), "the photo's SHA-256 is the key");
    assert!(
        text.len() < 4_000,
        "boxes and landmarks only: {} bytes",
        text.len()
    );

    // Move the remembered faces: a scan that reads the cache reports the moved boxes.
    let mut stored: Value = serde_json::from_str(&text).unwrap();
    for face in stored["entries"][0]["faces"].as_array_mut().unwrap() {
        face["box"][0] = Value::from(1.0);
    }
    std::fs::write(&cache, serde_json::to_vec(&stored).unwrap()).unwrap();

    let renamed = photos.path().join("copy of team.jpg");
    std::fs::copy(&photo, &renamed).unwrap();
    let cached = faces(&photoveil_at_home(
        home.path(),
        &["scan", "--json", s(&renamed)],
    ));
    assert_eq!(cached.len(), first.len());
    assert!(cached.iter().all(|f| f["box"][0] == 1.0), "{cached:?}");

    let again = faces(&photoveil_at_home(
        home.path(),
        &["scan", "--json", "--no-cache", s(&renamed)],
    ));
    assert_eq!(
        again, first,
        "found again, the same faces as the first time"
    );
}
