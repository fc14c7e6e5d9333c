//! The app's `update` and `iced_test` flows: scan, review, protect, export, audit, languages.

//! Flows through the whole app: the view is driven with iced_test's headless simulator
//! (tiny-skia), work is run by calling the screens' workers directly, and their events are
//! fed to `update` as the runtime would.
use super::*;
use crate::gui::work;
use iced::keyboard::Modifiers;
use iced_test::simulator;
use photoveil_core::Controller;
use photoveil_fixtures::{jpeg, JpegSpec};

/// Clicks the widget showing `label` and returns the messages it produced.
fn click(app: &App, label: &str) -> Vec<Message> {
    let mut ui = simulator(app.view());
    ui.click(label)
        .unwrap_or_else(|e| panic!("no {label:?} on screen: {e:?}"));
    ui.into_messages().collect()
}

fn shows(app: &App, label: &str) -> bool {
    simulator(app.view()).find(label).is_ok()
}

pub(super) fn press(key: Key, modifiers: Modifiers) -> Message {
    Message::Key(crate::gui::focus::harness::key_event(key, modifiers))
}

pub(super) fn photos() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gps.jpg"),
        jpeg(64, 48, JpegSpec::default()),
    )
    .unwrap();
    let plain = JpegSpec {
        orientation: None,
        motion_video: false,
        metadata: false,
    };
    std::fs::write(dir.path().join("plain.jpg"), jpeg(64, 48, plain)).unwrap();
    dir
}

/// Scans `dir` through the app as the runtime would.
pub(super) fn scan(app: &mut App, dir: &std::path::Path) {
    let _task = app.update(Message::Start(start::Message::Picked(Some(vec![
        dir.to_path_buf()
    ]))));
    assert!(matches!(app.screen, Screen::Scan(_)));
    assert!(shows(app, &t("gui-scan-stop")));
    let path = dir.to_path_buf();
    let controller = Controller::new();
    for batch in work::collect(scan::worker::batched(move |s| {
        scan::worker::worker(vec![path], None, &controller, &s)
    })) {
        let _ = app.update(Message::Scan(scan::Message::Events(batch)));
    }
}

#[test]
fn an_account_export_is_audited_from_the_start_screen() {
    let mut app = App::new(Settings::default());
    let messages = click(&app, &t("gui-start-check-export"));
    assert!(matches!(
        messages.as_slice(),
        [Message::Start(start::Message::ChooseExport)]
    ));
    let messages = click(&app, &t("gui-start-check-export-folder"));
    assert!(matches!(
        messages.as_slice(),
        [Message::Start(start::Message::ChooseExportFolder)]
    ));
    let dir = photos();
    let _task = app.update(Message::Start(start::Message::PickedExport(Some(
        dir.path().to_path_buf(),
    ))));
    assert!(matches!(app.screen, Screen::Audit(_)));
    assert!(shows(&app, &t("gui-audit-running")));
    // What the worker gives (metadata only: no models needed in this test).
    let report = photoveil_core::audit::audit(
        dir.path(),
        None,
        &photoveil_core::audit::AuditOptions::default(),
    )
    .unwrap();
    let _ = app.update(Message::Audit(audit::Message::Finished(
        Ok(std::sync::Arc::new(report)),
        None,
        None,
    )));
    assert!(shows(&app, &t("gui-audit-title")));
    assert!(shows(&app, "1. gps.jpg"));
    assert!(shows(&app, &t("audit-do-clean-metadata")));
    let messages = click(&app, &t("gui-review-save-report"));
    assert!(matches!(
        messages.as_slice(),
        [Message::Audit(audit::Message::SaveReport)]
    ));
    let messages = click(&app, &style::back_label("gui-audit-back"));
    let _ = app.update(messages.into_iter().next().unwrap());
    assert!(matches!(app.screen, Screen::Start(_)));
}

#[test]
fn start_buttons_send_their_messages() {
    let app = App::new(Settings::default());
    assert!(shows(&app, &t("gui-start-private")));
    let messages = click(&app, &t("gui-start-choose-folder"));
    assert!(matches!(
        messages.as_slice(),
        [Message::Start(start::Message::ChooseFolder)]
    ));
    let messages = click(&app, &t("gui-start-choose-photos"));
    assert!(matches!(
        messages.as_slice(),
        [Message::Start(start::Message::ChoosePhotos)]
    ));
    let messages = click(&app, &t("gui-settings"));
    assert!(matches!(
        messages.as_slice(),
        [Message::Start(start::Message::OpenSettings)]
    ));
    let messages = click(&app, &t("gui-start-try-samples"));
    assert!(matches!(
        messages.as_slice(),
        [Message::Start(start::Message::TrySamples)]
    ));
}

#[test]
fn sample_photos_open_a_scan_from_the_start_screen() {
    let mut app = App::new(Settings::default());
    let _task = app.update(Message::Start(start::Message::TrySamples));
    assert!(matches!(app.screen, Screen::Scan(_)));
    assert!(shows(&app, &t("gui-scan-stop")));
}

#[test]
fn scan_review_protect_export_flow() {
    let dir = photos();
    let out = tempfile::tempdir().unwrap();
    let settings = Settings {
        output_folder: Some(out.path().to_path_buf()),
        ..Settings::default()
    };
    let mut app = App::new(settings);
    scan(&mut app, dir.path());
    assert!(matches!(app.screen, Screen::Review(_)));
    assert_eq!(app.items.len(), 2);
    assert!(shows(&app, "gps.jpg") && shows(&app, "plain.jpg"));

    // Filter: only the photo with GPS stays. (A checkbox's label is not a text widget that
    // the simulator can select, so its message is sent directly.)
    let _ = app.update(Message::Review(review::Message::OnlyRisky(true)));
    assert!(shows(&app, "gps.jpg"));
    assert!(!shows(&app, "plain.jpg"));

    // Select it: the findings are shown in plain words.
    for m in click(&app, "gps.jpg") {
        let _ = app.update(m);
    }
    assert!(shows(
        &app,
        &format!("• {}", crate::i18n::text("finding-gps-position"))
    ));
    let _ = app.update(press(Key::Named(Named::Escape), Modifiers::empty()));
    let Screen::Review(review) = &app.screen else {
        panic!("still reviewing")
    };
    assert_eq!(review.selected, None, "Esc closes the large view");

    // Ctrl+E goes on to the options; metadata removal is always on.
    let _ = app.update(press(Key::Character("e".into()), Modifiers::CTRL));
    assert!(matches!(app.screen, Screen::Protect(_)));
    assert!(shows(&app, &format!("☑ {}", t("gui-protect-metadata"))));
    let _ = app.update(Message::Protect(protect::Message::Mode(
        crate::gui::settings::FaceMode::MetadataOnly,
    )));

    // Export to the folder from the settings, then run the export worker.
    let _ = app.update(press(Key::Character("e".into()), Modifiers::CTRL));
    let Screen::Export(export) = &app.screen else {
        panic!("exporting")
    };
    let plan = export.plan.clone();
    assert_eq!(plan.out_dir, out.path());
    assert!(app.exporting());

    // Closing asks first while copies are written.
    let window = window::Id::unique();
    let _ = app.update(Message::Window(window, window::Event::CloseRequested));
    assert_eq!(app.confirm_close, Some(window));
    assert!(shows(&app, &t("gui-close-stop")));
    let _ = app.update(press(Key::Named(Named::Escape), Modifiers::empty()));
    assert_eq!(app.confirm_close, None);

    let controller = Controller::new();
    for event in work::collect(work::stream(move |s| {
        export::worker(plan, None, &controller, &s)
    })) {
        let _ = app.update(Message::Export(export::Message::Event(event)));
    }
    assert!(!app.exporting());
    assert!(shows(&app, &t("gui-export-open-folder")));
    let Screen::Export(export) = &app.screen else {
        panic!("summary")
    };
    assert_eq!(export.summary().cleaned, 2);
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 2);
}

#[test]
fn the_before_after_view_opens_on_the_photo_opened_in_the_review() {
    let dir = photos();
    let mut app = App::new(Settings::default());
    scan(&mut app, dir.path());
    // The second photo: the view used to open on the first one, whatever was opened.
    let name = app.items[1].name();
    for m in click(&app, &name) {
        let _ = app.update(m);
    }
    let _ = app.update(press(Key::Character("e".into()), Modifiers::CTRL));
    let Screen::Protect(protect) = &app.screen else {
        panic!("on the protect screen")
    };
    assert_eq!(protect.sample, Some(1));
    assert_eq!(protect.mode, crate::gui::settings::FaceMode::UntilVerified);
    let before_after = ta("gui-protect-preview-of", &[("name", name.clone().into())]);
    assert!(shows(&app, &before_after), "{before_after}");
    // Back, the large view closed with Esc: still the photo opened last.
    let _ = app.update(press(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(matches!(app.screen, Screen::Review(_)));
    for m in click(&app, &name) {
        let _ = app.update(m);
    }
    let _ = app.update(press(Key::Named(Named::Escape), Modifiers::empty()));
    let _ = app.update(press(Key::Character("e".into()), Modifiers::CTRL));
    assert!(shows(&app, &before_after));
}

#[test]
fn esc_cancels_a_scan_and_nothing_left_returns_to_start() {
    let dir = photos();
    let mut app = App::new(Settings::default());
    let _task = app.update(Message::Start(start::Message::Picked(Some(vec![dir
        .path()
        .to_path_buf()]))));
    // Stopping does not wait for the photos in hand; with none checked, back to the start.
    let _ = app.update(press(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(matches!(app.screen, Screen::Start(_)));
    let _ = app.update(Message::Scan(scan::Message::Events(vec![
        scan::Event::Finished,
    ])));
    assert!(matches!(app.screen, Screen::Start(_)));
}

#[test]
fn settings_open_over_the_screen_and_close_with_esc() {
    let mut app = App::new(Settings::default());
    let _ = app.update(Message::OpenSettings);
    assert!(shows(&app, &t("gui-settings-language")));
    assert!(shows(&app, &t("gui-settings-stored")));
    let _ = app.update(press(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(app.settings_screen.is_none());
    assert_eq!(app.scale_factor(), 1.0);
    app.settings.large_text = true;
    assert!(app.scale_factor() > 1.2);
    assert!(app.theme().is_none(), "follows the system by default");
}

/// The language is global to the process, so switching it runs in a child process of this
/// test binary (the ignored test below) and cannot disturb the tests running beside it.
#[test]
fn korean_and_urdu_views_build_in_their_fonts_and_urdu_is_mirrored() {
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args([
            "--exact",
            "gui::app::tests::views_in_korean_and_urdu",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && report.contains("1 passed"),
        "{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[ignore = "run in its own process by the test above"]
fn views_in_korean_and_urdu() {
    let hangul = |s: &str| s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
    let arabic = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let dir = photos();
    for (lang, script) in [("ko", &hangul as &dyn Fn(&str) -> bool), ("ur", &arabic)] {
        let settings = Settings {
            language: lang.to_string(),
            ..Settings::default()
        };
        let mut app = App::new(settings);
        assert_eq!(crate::i18n::language_tag(), lang);
        assert!(script(&t("gui-start-private")), "{lang}");
        assert!(shows(&app, &t("gui-start-private")), "{lang}");
        assert!(shows(&app, &t("gui-start-choose-photos")), "{lang}");
        let family = if lang == "ko" {
            crate::fonts::NOTO_SANS_KR.family
        } else {
            crate::fonts::NOTO_NASTALIQ_URDU.family
        };
        assert_eq!(style::font(), iced::Font::with_name(family));
        let right_to_left = lang == "ur";
        assert_eq!(style::rtl(), right_to_left);
        let expected = if right_to_left {
            iced::alignment::Horizontal::Right
        } else {
            iced::alignment::Horizontal::Left
        };
        assert_eq!(style::align_start(), expected);
        let back = style::back_label("gui-back");
        assert!(
            back.starts_with(if right_to_left { '→' } else { '←' }),
            "{back}"
        );
        assert_eq!(
            style::in_reading_order(vec![1, 2, 3], style::rtl()),
            if right_to_left {
                vec![3, 2, 1]
            } else {
                vec![1, 2, 3]
            }
        );

        // The review screen, with a photo opened, builds in the language.
        scan(&mut app, dir.path());
        assert!(matches!(app.screen, Screen::Review(_)));
        assert!(shows(&app, &t("gui-review-title")), "{lang}");
        for m in click(&app, "gps.jpg") {
            let _ = app.update(m);
        }
        assert!(
            shows(&app, &format!("• {}", t("finding-gps-position"))),
            "{lang}"
        );
        // The before/after view of a photo with a face protected and one still recognised:
        // its words and its "Blur this face" in the language.
        let _ = app.update(press(Key::Character("e".into()), Modifiers::CTRL));
        let Screen::Protect(protect) = &mut app.screen else {
            panic!("on the protect screen")
        };
        protect.preview = protect::Preview::Ready(Box::new(protect::tests::comparison()));
        assert!(shows(&app, &t("gui-protect-check-explain")), "{lang}");
        assert!(shows(&app, &t("gui-protect-at-300")), "{lang}");
        let _ = app.update(Message::Protect(protect::Message::CloseUp(false)));
        assert!(shows(&app, &t("gui-protect-blur-face")), "{lang}");
        assert!(script(&t("gui-protect-blur-face")), "{lang}");
        let _ = app.update(Message::OpenSettings);
        assert!(shows(&app, &t("gui-settings-language")), "{lang}");
        assert!(shows(&app, &t("gui-settings-stored")), "{lang}");
    }
}
