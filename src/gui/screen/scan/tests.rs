//! The scan screen's tests: the worker's events, tiles in input order as they come, counts,
//! Stop, the grid built only where it is in view; a bench of `view` and `update` with 5,000
//! photos; snapshots of the screen mid-scan.

use super::*;
use crate::gui::work;
use iced_test::simulator;
use photoveil_fixtures::{jpeg, JpegSpec};
use std::sync::Arc;

fn fixtures(dir: &std::path::Path) {
    std::fs::write(dir.join("a.jpg"), jpeg(64, 48, JpegSpec::default())).unwrap();
    std::fs::write(dir.join("b.jpg"), b"not a photo at all").unwrap();
    let plain = JpegSpec {
        orientation: None,
        motion_video: false,
        metadata: false,
    };
    std::fs::write(dir.join("c.jpg"), jpeg(40, 30, plain)).unwrap();
}

fn run(scan: &mut Scan, batches: Vec<Vec<Event>>) -> bool {
    let mut finished = false;
    for batch in batches {
        if let Action::Finished = scan.update(Message::Events(batch)) {
            finished = true;
        }
    }
    finished
}

#[test]
fn worker_lists_makes_thumbnails_scans_and_finishes_in_order() {
    let dir = tempfile::tempdir().unwrap();
    fixtures(dir.path());
    let controller = Controller::new();
    let path = dir.path().to_path_buf();
    let batches = work::collect(worker::batched(move |sender| {
        worker::worker(
            vec![path.clone(), path.join("missing")],
            None,
            &controller,
            &sender,
        )
    }));
    let events: Vec<&Event> = batches.iter().flatten().collect();
    assert!(matches!(events.first(), Some(Event::Listed(l)) if l.len() == 3));
    assert!(matches!(events.last(), Some(Event::Finished)));
    // Thumbnails made ahead are of photos that can be shown, in listing order.
    let ahead: Vec<usize> = events
        .iter()
        .filter_map(|e| match e {
            Event::Thumbnail(i, _) => Some(*i),
            _ => None,
        })
        .collect();
    assert!(ahead.iter().all(|&i| i != 1), "b.jpg is not a photo");
    assert!(ahead.windows(2).all(|w| w[0] < w[1]), "{ahead:?}");
    let mut scan = Scan::waiting(Controller::new(), None);
    assert!(run(&mut scan, batches));
    assert!(scan.finished);
    assert_eq!(scan.total, Some(3));
    assert_eq!(scan.problems.len(), 1, "the missing path is reported");
    let names: Vec<String> = scan.items.iter().map(Item::name).collect();
    assert_eq!(names, ["a.jpg", "b.jpg", "c.jpg"]);
    assert!(scan.items[0].is_risky(), "GPS and serials");
    assert!(scan.items[0].thumbnail.is_ok());
    assert!(scan.items[2].thumbnail.is_ok());
    assert!(scan.items[1].report.error.is_some());
    assert!(!scan.items[2].is_risky(), "nothing in it");
    assert_eq!(scan.risky, 2, "a.jpg, and b.jpg that cannot be read");
    assert_eq!(scan.tiles().count(), 3, "nothing left waiting");
}

#[test]
fn batches_are_at_least_the_interval_apart() {
    let started = std::time::Instant::now();
    let batches = work::collect(worker::batched(|sender| {
        for i in 0..400 {
            let _ = sender.send(i);
            std::thread::sleep(std::time::Duration::from_micros(500));
        }
    }));
    let elapsed = started.elapsed();
    let all: Vec<i32> = batches.iter().flatten().copied().collect();
    assert_eq!(all, (0..400).collect::<Vec<_>>(), "all, in order");
    let most = (elapsed.as_secs_f64() / worker::BATCH_INTERVAL.as_secs_f64()).ceil() as usize + 1;
    assert!(
        batches.len() <= most,
        "{} batches in {elapsed:?}",
        batches.len()
    );
    assert!(batches.len() >= 2, "sent while the work goes on");
}

fn listed(n: usize) -> Vec<PathBuf> {
    (0..n)
        .map(|i| PathBuf::from(format!("/photos/p{i}.jpg")))
        .collect()
}

/// The review tests' item for `path`, with a thumbnail.
fn item(path: &std::path::Path, risky: bool) -> Item {
    Item {
        thumbnail: Ok(thumb()),
        ..crate::gui::screen::review::tests::item(&path.to_string_lossy(), risky)
    }
}

fn thumb() -> image::Handle {
    crate::gui::picture::handle(::image::RgbaImage::from_pixel(
        60,
        40,
        ::image::Rgba([90, 120, 160, 255]),
    ))
}

fn names(scan: &Scan) -> Vec<String> {
    scan.tiles()
        .map(|t| match t {
            Tile::Checked(item) => item.name(),
            Tile::Waiting(w) => format!("{}…", w.name),
        })
        .collect()
}

#[test]
fn tiles_show_each_photo_in_input_order_as_it_comes() {
    let paths = listed(6);
    let mut scan = Scan::waiting(Controller::new(), None);
    scan.update(Message::Events(vec![Event::Listed(paths.clone())]));
    assert_eq!(scan.total, Some(6));
    // Thumbnails first (p3 cannot be shown, so it waits for its result).
    scan.update(Message::Events(vec![
        Event::Thumbnail(0, thumb()),
        Event::Thumbnail(2, thumb()),
        Event::Thumbnail(1, thumb()),
        Event::Thumbnail(4, thumb()),
    ]));
    assert_eq!(names(&scan), ["p0.jpg…", "p1.jpg…", "p2.jpg…", "p4.jpg…"]);
    scan.update(Message::Events(vec![
        Event::Scanned(Box::new(item(&paths[0], true))),
        Event::Scanned(Box::new(item(&paths[1], false))),
    ]));
    assert_eq!(names(&scan), ["p0.jpg", "p1.jpg", "p2.jpg…", "p4.jpg…"]);
    scan.update(Message::Events(vec![
        Event::Scanned(Box::new(item(&paths[2], false))),
        Event::Scanned(Box::new(item(&paths[3], true))),
        // A thumbnail of a photo already checked is not shown again.
        Event::Thumbnail(3, thumb()),
    ]));
    assert_eq!(
        names(&scan),
        ["p0.jpg", "p1.jpg", "p2.jpg", "p3.jpg", "p4.jpg…"]
    );
    // The counts on screen match.
    assert_eq!((scan.items.len(), scan.risky), (4, 2));
    let count = ta("gui-scan-count", &[("done", 4.into()), ("total", 6.into())]);
    let found = ta("gui-scan-found", &[("risky", 2.into())]);
    let mut ui = simulator(scan.view());
    for shown in [count.as_str(), found.as_str(), "p0.jpg", "p3.jpg", "p4.jpg"] {
        assert!(ui.find(shown).is_ok(), "{shown} on screen");
    }
    assert!(ui.find(t("gui-scan-checking").as_str()).is_ok());
}

#[test]
fn stop_keeps_what_was_checked_and_ignores_what_comes_after() {
    let paths = listed(4);
    let mut scan = Scan::waiting(Controller::new(), None);
    let controller = scan.controller.clone();
    scan.update(Message::Events(vec![
        Event::Listed(paths.clone()),
        Event::Thumbnail(0, thumb()),
        Event::Thumbnail(1, thumb()),
        Event::Thumbnail(2, thumb()),
        Event::Scanned(Box::new(item(&paths[0], true))),
    ]));
    assert!(matches!(scan.update(Message::Cancel), Action::Finished));
    assert!(scan.cancelled && scan.finished && controller.is_cancelled());
    assert!(matches!(
        scan.update(Message::Events(vec![
            Event::Scanned(Box::new(item(&paths[1], true))),
            Event::Finished,
        ])),
        Action::None
    ));
    assert!(matches!(scan.update(Message::Cancel), Action::None));
    assert_eq!(
        names(&scan),
        ["p0.jpg"],
        "the photos read but not checked go"
    );
    assert_eq!(scan.risky, 1);
}

#[test]
fn stop_lands_on_the_review_with_the_photos_checked() {
    use crate::gui::app::{App, Screen};
    let paths = listed(3);
    let mut app = App::new(crate::gui::settings::Settings::default());
    let mut scan = Scan::waiting(Controller::new(), None);
    scan.update(Message::Events(vec![
        Event::Listed(paths.clone()),
        Event::Scanned(Box::new(item(&paths[0], true))),
        Event::Scanned(Box::new(item(&paths[1], false))),
    ]));
    app.screen = Screen::Scan(scan);
    let _ = app.update(crate::gui::app::Message::Scan(Message::Cancel));
    assert!(matches!(app.screen, Screen::Review(_)));
    let kept: Vec<String> = app.items.iter().map(Item::name).collect();
    assert_eq!(kept, ["p0.jpg", "p1.jpg"]);
}

#[test]
fn the_rows_in_view_are_those_scrolled_to() {
    assert_eq!(grid::columns(230.0 + 18.0), 1);
    assert_eq!(grid::columns(1100.0), 5, "as iced's fluid grid counts");
    let pitch = grid::TILE_HEIGHT + grid::SPACING;
    assert_eq!(grid::rows_in_view(5000, 4, 0.0, 600.0), 0..3);
    assert_eq!(grid::rows_in_view(5000, 4, 100.0 * pitch, 600.0), 99..103);
    assert_eq!(
        grid::rows_in_view(5000, 4, 1e9, 600.0),
        1247..1250,
        "the end"
    );
    assert_eq!(grid::rows_in_view(10, 4, 0.0, 2000.0), 0..3);
    assert_eq!(grid::rows_in_view(0, 4, 0.0, 600.0), 0..0);
}

/// A scan of `n` photos, all checked.
fn checked(n: usize) -> Scan {
    let paths = listed(n);
    let mut scan = Scan::waiting(Controller::new(), None);
    let mut events = vec![Event::Listed(paths.clone())];
    events.extend(
        paths
            .iter()
            .enumerate()
            .map(|(i, p)| Event::Scanned(Box::new(item(p, i % 3 == 0)))),
    );
    scan.update(Message::Events(events));
    scan
}

#[test]
fn only_the_photos_in_view_are_built() {
    let mut scan = checked(5000);
    assert_eq!(scan.tiles().count(), 5000);
    {
        let mut ui = simulator(scan.view());
        assert!(ui.find("p0.jpg").is_ok());
        assert!(ui.find("p4999.jpg").is_err(), "far below: not built");
    }
    scan.update(Message::Scrolled(1e9));
    let mut ui = simulator(scan.view());
    assert!(ui.find("p4999.jpg").is_ok(), "scrolled to the end");
    assert!(ui.find("p0.jpg").is_err());
}

mod bench;
mod snapshot;
