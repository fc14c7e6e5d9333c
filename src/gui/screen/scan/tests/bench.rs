//! Bench of the scan screen with 5,000 photos: how long its `view` takes (alone, and with the
//! layout and a software frame the window then needs), beside the review's grid of the same
//! photos, and how many messages a second its `update` handles. Prints figures; times nothing
//! as a test:
//!   cargo test --release --bin photoveil bench_scan_screen -- --ignored --nocapture

use super::*;
use crate::gui::focus::harness::Window;
use crate::gui::screen::review::Review;
use iced::Theme;
use std::time::Instant;

const PHOTOS: usize = 5000;

fn median(mut millis: Vec<f64>) -> f64 {
    millis.sort_by(f64::total_cmp);
    millis[millis.len() / 2]
}

/// A thumbnail of the grid's size, not one colour (so drawing it costs what a photo's does).
fn noise() -> image::Handle {
    let (width, height) = crate::gui::picture::THUMBNAIL_BOX;
    let mut noise = ::image::RgbaImage::new(width * 8 / 9, height);
    for (i, p) in noise.pixels_mut().enumerate() {
        *p = ::image::Rgba([(i * 7) as u8, (i * 13) as u8, (i / 200) as u8, 255]);
    }
    crate::gui::picture::handle(noise)
}

/// Medians in milliseconds of `view` alone; of building the window's interface from it (its
/// layout, the widget state kept between frames as in the app); and of drawing a software frame.
fn frame_millis<'a, M: 'a>(view: impl Fn() -> Element<'a, M>, runs: usize) -> [f64; 3] {
    let alone = (0..runs)
        .map(|_| {
            let started = Instant::now();
            drop(view());
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let mut window = Window::new();
    let _ = window.draw_millis(view(), &Theme::Light, 1); // converts the thumbnails once
    let (mut layout, mut draw) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let element = view();
        let started = Instant::now();
        let frames = window.draw_millis(element, &Theme::Light, 1);
        let whole = started.elapsed().as_secs_f64() * 1000.0;
        layout.push(whole - frames[0]);
        draw.push(frames[0]);
    }
    [median(alone), median(layout), median(draw)]
}

fn report(label: &str, [view, layout, draw]: [f64; 3]) {
    eprintln!(
        "{label}: view {view:.3} ms, layout {layout:.1} ms (window thread: {:.1} ms); software frame {draw:.1} ms",
        view + layout
    );
}

#[test]
#[ignore = "a benchmark: prints figures"]
fn bench_scan_screen() {
    let paths = listed(PHOTOS);
    let handle = noise();
    let items: Vec<Item> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| Item {
            thumbnail: Ok(handle.clone()),
            ..item(p, i % 3 == 0)
        })
        .collect();

    // `update`: every photo's thumbnail, then its result, one event a message (the worst
    // case) and as the worker's batches bring them (100 a message: 2,000 photos a second).
    for per_message in [1, 100] {
        let mut scan = Scan::waiting(Controller::new(), None);
        scan.update(Message::Events(vec![Event::Listed(paths.clone())]));
        let thumbnails = (0..PHOTOS).map(|i| Event::Thumbnail(i, handle.clone()));
        let results = items.iter().map(|i| Event::Scanned(Box::new(i.clone())));
        let events: Vec<Event> = thumbnails.chain(results).collect();
        let batches: Vec<Vec<Event>> = events.chunks(per_message).map(<[Event]>::to_vec).collect();
        let messages = batches.len();
        let started = Instant::now();
        for batch in batches {
            scan.update(Message::Events(batch));
        }
        let seconds = started.elapsed().as_secs_f64();
        assert_eq!(scan.items.len(), PHOTOS);
        eprintln!(
            "scan update, {per_message} event(s) a message: {messages} messages in {:.1} ms, {:.0} messages/s ({:.0} events/s)",
            seconds * 1000.0,
            messages as f64 / seconds,
            (2 * PHOTOS) as f64 / seconds
        );
    }

    // `view`: mid-scan (half checked, the rest read) at the top and scrolled to the middle.
    let mut scan = Scan::waiting(Controller::new(), None);
    let mut events = vec![Event::Listed(paths.clone())];
    events.extend((0..PHOTOS).map(|i| Event::Thumbnail(i, handle.clone())));
    events.extend(
        items[..PHOTOS / 2]
            .iter()
            .map(|i| Event::Scanned(Box::new(i.clone()))),
    );
    scan.update(Message::Events(events));
    report(
        &format!("scan screen, {PHOTOS} photos (half checked), top"),
        frame_millis(|| scan.view(), 21),
    );
    scan.update(Message::Scrolled(
        600.0 * (grid::TILE_HEIGHT + grid::SPACING),
    ));
    report(
        &format!("scan screen, {PHOTOS} photos (half checked), middle"),
        frame_millis(|| scan.view(), 21),
    );
    // For comparison: the review's grid, which builds every tile.
    let review = Review::default();
    report(
        &format!("review screen (every tile built), {PHOTOS} photos"),
        frame_millis(|| review.view(&items, &[], None), 5),
    );
}
