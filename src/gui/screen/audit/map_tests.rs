//! The audit screen's map: a generated Facebook export whose posts tag places in South Korea
//! and Kenya, a photo with its own GPS (in the United States) and a post without any location.
//! Selecting an entry opens its detail with the map, the point inside that country's outline;
//! an entry without a location shows none.

use super::*;
use crate::gui::map_view;
use photoveil_core::audit::{audit, AuditOptions, Layout};
use photoveil_core::map::{self, ViewSize, WorldMap};

const POSTS: &str = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json";
const MEDIA: &str = "your_facebook_activity/posts/media/Mobileuploads_1";

/// A Facebook export folder: `seoul.jpg` tagged at Namsan Park, `nairobi.jpg` at Uhuru Park,
/// `home.jpg` with no place, `gps.jpg` carrying its own GPS (San Jose), none tagged.
fn export() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("facebook-export");
    std::fs::create_dir_all(root.join(MEDIA)).unwrap();
    let post = |photo: &str, text: &str, place: Option<(&str, f64, f64)>| {
        let attachments = match place {
            Some((name, lat, lon)) => format!(
                r#", {{"place": {{"name": "{name}", "coordinate": {{"latitude": {lat}, "longitude": {lon}}}, "address": ""}}}}"#
            ),
            None => String::new(),
        };
        format!(
            r#"{{"timestamp": 1690000000,
  "attachments": [{{"data": [{{"media": {{"uri": "{MEDIA}/{photo}", "creation_timestamp": 1690000001, "title": "Mobile uploads"}}}}{attachments}]}}],
  "data": [{{"post": "{text}"}}], "title": "Sam Lee updated his status."}}"#
        )
    };
    let posts = [
        post(
            "seoul.jpg",
            "Picnic on the hill",
            Some(("Namsan Park", 37.5512, 126.9882)),
        ),
        post(
            "nairobi.jpg",
            "Sports day",
            Some(("Uhuru Park", -1.2895, 36.8173)),
        ),
        post("home.jpg", "Our new kitchen", None),
        post("gps.jpg", "Coffee", None),
    ]
    .join(",");
    std::fs::write(root.join(POSTS), format!("[{posts}]")).unwrap();
    let plain = photoveil_fixtures::plain_jpeg(96, 64, 90);
    for photo in ["seoul.jpg", "nairobi.jpg", "home.jpg"] {
        std::fs::write(root.join(MEDIA).join(photo), &plain).unwrap();
    }
    std::fs::write(
        root.join(MEDIA).join("gps.jpg"),
        photoveil_fixtures::jpeg(96, 64, Default::default()),
    )
    .unwrap();
    (dir, root)
}

/// The audit screen with the export's audit (no models: metadata and the export's words only).
fn finished(root: &std::path::Path) -> Audit {
    let report = audit(root, None, &AuditOptions::default()).unwrap();
    assert_eq!(report.layout, Layout::Facebook);
    assert_eq!(report.media.len(), 4);
    let (mut screen, _task) = Audit::start(root.to_path_buf(), None);
    screen.update(Message::Finished(Ok(Arc::new(report)), None, None));
    screen
}

/// The media index of the photo named `name`.
fn media(screen: &Audit, name: &str) -> usize {
    let Some(Ok(report)) = &screen.report else {
        panic!("no report")
    };
    report
        .media
        .iter()
        .position(|m| m.entry.ends_with(name))
        .unwrap()
}

/// The selected entry's map lands in `country`: the projected point is inside that country's
/// projected outline, the highlighted one, and no other.
fn assert_map_in(screen: &Audit, country: &str) {
    let at = screen.selected_map().expect("a map");
    let world = WorldMap::bundled().unwrap();
    let size = ViewSize {
        width: 480.0,
        height: map_view::MAP_HEIGHT,
    };
    let drawing = map::draw(world, at.point, size);
    assert_eq!(drawing.country_name.as_deref(), Some(country));
    let containing: Vec<_> = drawing
        .outlines
        .iter()
        .filter(|o| o.contains(drawing.point))
        .collect();
    assert_eq!(containing.len(), 1, "{country}");
    assert!(containing[0].highlighted, "{country}");
    assert_eq!(world.countries[containing[0].country].name, country);
}

#[test]
fn a_selected_post_with_a_location_shows_its_map_and_one_without_shows_none() {
    let (_dir, root) = export();
    let mut screen = finished(&root);
    assert_eq!(screen.selected, None);
    assert_eq!(screen.selected_map(), None, "nothing selected");

    screen.update(Message::Select(Some(media(&screen, "seoul.jpg"))));
    assert_map_in(&screen, "South Korea");
    let at = screen.selected_map().unwrap();
    assert_eq!(at.place.as_deref(), Some("Namsan Park"));
    assert!(at.from_export);
    let heading = crate::i18n::text("report-map-beside-heading");
    {
        let mut ui = iced_test::simulator(screen.view());
        assert!(ui.find(heading.as_str()).is_ok(), "the map's heading");
    }

    screen.update(Message::Select(Some(media(&screen, "nairobi.jpg"))));
    assert_map_in(&screen, "Kenya");
    assert_eq!(
        screen.selected_map().unwrap().place.as_deref(),
        Some("Uhuru Park")
    );

    // The photo's own GPS comes first, under the review's heading.
    screen.update(Message::Select(Some(media(&screen, "gps.jpg"))));
    assert_map_in(&screen, "United States of America");
    assert!(!screen.selected_map().unwrap().from_export);

    // A post without any location: its detail opens, with no map.
    let home = media(&screen, "home.jpg");
    screen.update(Message::Select(Some(home)));
    assert_eq!(screen.selected, Some(home));
    assert_eq!(screen.selected_map(), None);
    {
        let mut ui = iced_test::simulator(screen.view());
        assert!(ui.find(heading.as_str()).is_err(), "no map");
        assert!(ui.find(crate::i18n::text("map-title").as_str()).is_err());
        assert!(ui.find(crate::i18n::text("gui-close").as_str()).is_ok());
    }

    // Close, and an index that is not in the report, leave no detail open.
    screen.update(Message::Select(None));
    assert_eq!(screen.selected, None);
    screen.update(Message::Select(Some(99)));
    assert_eq!(screen.selected, None);
    let mut ui = iced_test::simulator(screen.view());
    assert!(ui.find(crate::i18n::text("gui-close").as_str()).is_err());
}

/// Renders the finished audit with the post tagged in Seoul opened (its advice and the map of
/// the place the export tags) in English, Korean and Urdu into
/// `$PHOTOVEIL_SNAPSHOT_DIR/audit-map-{en,ko,ur}-tiny-skia.png`, for a person to look at:
/// `PHOTOVEIL_SNAPSHOT_DIR=/tmp cargo test --bin photoveil audit_map_snapshot -- --ignored`.
#[test]
#[ignore = "writes pictures for a person to look at"]
fn audit_map_snapshot() {
    let Some(out) = std::env::var_os("PHOTOVEIL_SNAPSHOT_DIR") else {
        return;
    };
    let (_dir, root) = export();
    let mut screen = finished(&root);
    screen.update(Message::Select(Some(media(&screen, "seoul.jpg"))));
    crate::gui::snapshot::in_each_language(&out, "audit-map", (1100.0, 800.0), || screen.view());
}

#[test]
fn escape_closes_the_detail_in_the_app() {
    use crate::gui::app::{App, Screen};
    use iced::keyboard::{key::Named, Key, Modifiers};
    let (_dir, root) = export();
    let mut screen = finished(&root);
    screen.update(Message::Select(Some(media(&screen, "nairobi.jpg"))));
    let mut app = App::new(crate::gui::settings::Settings::default());
    app.screen = Screen::Audit(screen);
    let escape =
        crate::gui::focus::harness::key_event(Key::Named(Named::Escape), Modifiers::empty());
    let _ = app.update(crate::gui::app::Message::Key(escape));
    let Screen::Audit(screen) = &app.screen else {
        panic!("still the audit")
    };
    assert_eq!(screen.selected, None);
}
