//! Classroom mode through the app: F11 and the setting open it, the arrow keys and Space move
//! through the cards (mirrored in a right-to-left language), Escape leaves, and the last card opens the samples.

use super::tests::press;
use super::*;
use crate::gui::screen::classroom::CARDS;
use iced::keyboard::Modifiers;

fn key(app: &mut App, named: Named) {
    let _ = app.update(press(Key::Named(named), Modifiers::empty()));
}

fn card(app: &App) -> Option<usize> {
    app.classroom.as_ref().map(|c| c.card)
}

#[test]
fn f11_opens_it_the_keys_move_through_the_cards_and_escape_leaves() {
    let mut app = App::new(Settings::default());
    key(&mut app, Named::F11);
    assert_eq!(card(&app), Some(0));
    assert_eq!(app.screen_name(), "classroom");
    assert!(app.title().starts_with(&t("gui-classroom-title")));
    key(&mut app, Named::ArrowRight);
    assert_eq!(card(&app), Some(1));
    key(&mut app, Named::Space);
    assert_eq!(card(&app), Some(2));
    key(&mut app, Named::ArrowDown);
    assert_eq!(card(&app), Some(3));
    key(&mut app, Named::ArrowLeft);
    assert_eq!(card(&app), Some(2));
    key(&mut app, Named::ArrowUp);
    key(&mut app, Named::PageUp);
    key(&mut app, Named::ArrowLeft);
    assert_eq!(card(&app), Some(0), "no card before the first");
    for _ in 0..CARDS.len() + 2 {
        key(&mut app, Named::Space);
    }
    assert_eq!(card(&app), Some(CARDS.len() - 1), "no card after the last");
    // Other shortcuts do nothing under the cards.
    let _ = app.update(press(Key::Character(",".into()), Modifiers::CTRL));
    assert!(app.settings_screen.is_none());
    key(&mut app, Named::Escape);
    assert_eq!(card(&app), None);
    assert!(matches!(app.screen, Screen::Start(_)), "back where it was");
    // F11 opens it again, and leaves it too.
    key(&mut app, Named::F11);
    assert_eq!(card(&app), Some(0));
    key(&mut app, Named::F11);
    assert_eq!(card(&app), None);
}

#[test]
fn in_a_right_to_left_language_the_arrows_point_the_way_reading_goes() {
    use classroom::Message::{Next, Previous};
    let step = |named: Named, rtl: bool| App::classroom_key(&Key::Named(named), rtl);
    assert!(matches!(step(Named::ArrowRight, false), Some(Next)));
    assert!(matches!(step(Named::ArrowLeft, false), Some(Previous)));
    assert!(matches!(step(Named::ArrowLeft, true), Some(Next)));
    assert!(matches!(step(Named::ArrowRight, true), Some(Previous)));
    // Space and the vertical keys do not depend on the direction.
    for rtl in [false, true] {
        assert!(matches!(step(Named::Space, rtl), Some(Next)));
        assert!(matches!(step(Named::ArrowDown, rtl), Some(Next)));
        assert!(matches!(step(Named::ArrowUp, rtl), Some(Previous)));
        assert!(matches!(
            step(Named::Escape, rtl),
            Some(classroom::Message::Leave)
        ));
        assert!(step(Named::Enter, rtl).is_none());
    }
}

#[test]
fn the_setting_opens_it_over_everything_and_the_last_card_opens_the_samples() {
    let mut app = App::new(Settings::default());
    let _ = app.update(Message::OpenSettings);
    // The toggle sends this (it is reached and flipped with the keyboard in keyboard_tests).
    let _ = app.update(Message::Settings(settings_screen::Message::Classroom(true)));
    assert!(app.settings_screen.is_none(), "the settings make way");
    assert_eq!(card(&app), Some(0));
    let mut ui = iced_test::simulator(app.view());
    assert!(ui.find(t("gui-classroom-intro-title").as_str()).is_ok());
    drop(ui);
    for _ in 1..CARDS.len() {
        key(&mut app, Named::ArrowRight);
    }
    let _ = app.update(Message::Classroom(classroom::Message::TrySamples));
    assert_eq!(card(&app), None);
    assert!(
        matches!(app.screen, Screen::Scan(_)),
        "the sample photos are being scanned"
    );
}

/// From the last card to the samples: the class keeps seeing them full screen with large text
/// (the user's own setting untouched); Esc, or F11, then leaves full screen without stopping
/// the scan.
#[test]
fn the_samples_stay_full_screen_with_large_text_until_escape_or_f11() {
    for leave in [Named::Escape, Named::F11] {
        let mut app = App::new(Settings::default());
        assert_eq!(app.scale_factor(), 1.0);
        key(&mut app, Named::F11);
        for _ in 1..CARDS.len() {
            key(&mut app, Named::ArrowRight);
        }
        let _ = app.update(Message::Classroom(classroom::Message::TrySamples));
        assert_eq!(card(&app), None);
        assert!(matches!(app.screen, Screen::Scan(_)), "{leave:?}");
        assert!(app.presenting, "still full screen");
        assert!(app.scale_factor() > 1.0, "large text while presenting");
        assert!(!app.settings.large_text, "the setting is not changed");
        key(&mut app, leave);
        assert!(!app.presenting, "{leave:?} leaves full screen");
        assert_eq!(app.scale_factor(), 1.0);
        assert_eq!(card(&app), None, "{leave:?} does not open the cards again");
        assert!(
            matches!(app.screen, Screen::Scan(_)),
            "{leave:?} leaves full screen only: the scan goes on"
        );
        // The next F11 opens classroom mode again, as before.
        key(&mut app, Named::F11);
        assert_eq!(card(&app), Some(0));
    }
}

#[test]
fn while_presenting_a_button_says_how_to_leave_full_screen_and_does() {
    let mut app = App::new(Settings::default());
    let label = t("gui-presenting-leave");
    key(&mut app, Named::F11);
    let _ = app.update(Message::Classroom(classroom::Message::TrySamples));
    assert!(app.presenting);
    let messages: Vec<Message> = {
        let mut ui = iced_test::simulator(app.view());
        ui.click(label.as_str()).expect("the button is shown");
        ui.into_messages().collect()
    };
    for message in messages {
        let _ = app.update(message);
    }
    assert!(!app.presenting);
    assert!(iced_test::simulator(app.view())
        .find(label.as_str())
        .is_err());
}
