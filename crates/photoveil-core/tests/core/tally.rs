//! The batch tally counts exactly what the clean job handed out: copies written, metadata removed
//! by kind, and each failure with its file.

use std::collections::BTreeMap;

use photoveil_core::clean::CleanOptions;
use photoveil_core::finding::Category;
use photoveil_core::job::{clean_photos, CleanSettings, Entry, FailureReason, Tally};
use photoveil_core::Controller;
use photoveil_fixtures as fx;

#[test]
fn tally_counts_match_the_clean_batch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(&inputs).expect("mkdir");
    let plain = inputs.join("a-plain.jpg");
    let gps = inputs.join("b-gps.jpg");
    let broken = inputs.join("c-broken.jpg");
    std::fs::write(&plain, fx::plain_jpeg(32, 24, 90)).expect("write");
    std::fs::write(&gps, fx::jpeg(32, 24, Default::default())).expect("write");
    std::fs::write(&broken, b"\xFF\xD8\xFF\xE1 this is not a whole JPEG").expect("write");
    let missing = dir.path().join("missing.jpg");
    let out_dir = dir.path().join("out");
    let settings = CleanSettings::new(CleanOptions {
        out_dir: out_dir.clone(),
        pixel_check: Default::default(),
    });
    let mut tally = Tally::new(&out_dir);
    let mut by_kind: BTreeMap<Category, usize> = BTreeMap::new();
    let mut outputs = 0;
    let summary = clean_photos(
        &[inputs.clone(), missing.clone()],
        &settings,
        &Controller::new(),
        |entry| {
            if let Entry::Photo { result, .. } = &entry {
                outputs += usize::from(result.output.is_some());
                for f in &result.removed {
                    *by_kind.entry(f.category).or_default() += 1;
                }
            }
            tally.add_clean_entry(&entry);
        },
    );
    assert_eq!(summary.total, 3);
    assert_eq!(tally.written, summary.done);
    assert_eq!(tally.written, 2);
    assert_eq!(tally.written, outputs);
    assert_eq!(tally.failures.len(), summary.failed);
    assert_eq!(tally.failures.len(), 2, "{:?}", tally.failures);
    assert_eq!(tally.failures[0].input, broken);
    assert!(matches!(tally.failures[0].reason, FailureReason::Photo(_)));
    assert_eq!(tally.failures[1].input, missing);
    assert!(matches!(
        tally.failures[1].reason,
        FailureReason::Unlisted(_)
    ));
    assert_eq!(tally.removed, by_kind);
    assert!(tally.removed.get(&Category::Location).copied().unwrap_or(0) >= 1);
    assert_eq!(tally.out_dir, out_dir);
    assert_eq!(tally.faces_protected(), 0);
}
