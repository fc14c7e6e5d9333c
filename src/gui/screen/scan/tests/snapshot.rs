//! Renders the scan screen mid-scan (the demo photos: four checked with the face detector, three
//! read and waiting, three still to read) in English, Korean and Urdu into
//! `$PHOTOVEIL_SNAPSHOT_DIR/scan-progress-{en,ko,ur}.png`, for a person to look at:
//!   PHOTOVEIL_SNAPSHOT_DIR=/tmp cargo test --bin photoveil scan_progress_snapshot -- --ignored

use super::*;
use photoveil_core::protect::{models_dir, Engine};

#[test]
#[ignore = "writes pictures for a person to look at"]
fn scan_progress_snapshot() {
    let Some(out) = std::env::var_os("PHOTOVEIL_SNAPSHOT_DIR") else {
        return;
    };
    let demo = photoveil_core::demo::demo_dir();
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "astronaut.jpg",
        "coffee.jpg",
        "rocket.jpg",
        "camera.png",
        "coffee.jpg",
        "astronaut.jpg",
        "rocket.jpg",
        "camera.png",
        "coffee.jpg",
        "rocket.jpg",
    ];
    let paths: Vec<PathBuf> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let path = dir.path().join(format!("{:02}-{name}", i + 1));
            std::fs::copy(demo.join(name), &path).unwrap();
            path
        })
        .collect();
    let engine = Engine::load_networks(&models_dir(), Engine::DEFAULT_VERIFIER, &[]).unwrap();
    let mut events = vec![Event::Listed(paths.clone())];
    events.extend(
        paths[..7]
            .iter()
            .enumerate()
            .map(|(i, p)| Event::Thumbnail(i, crate::gui::picture::thumbnail(p).unwrap())),
    );
    events.extend(paths[..4].iter().map(|p| {
        let report = photoveil_core::scan::scan_file_with(p, Some(engine.detector()));
        Event::Scanned(Box::new(Item {
            thumbnail: crate::gui::picture::thumbnail(p),
            report: Arc::new(report),
        }))
    }));
    let mut scan = Scan::waiting(Controller::new(), None);
    scan.update(Message::Events(events));
    assert_eq!(scan.tiles().count(), 7);
    crate::gui::snapshot::in_each_language(&out, "scan-progress", (1100.0, 760.0), || scan.view());
}
