//! Every action of the main screens reached with the keyboard alone: the app's own Tab handling
//! (the task `update` returns for the key, run as the runtime runs it) moves the focus, and
//! Enter or an arrow key on each focused control sends what a click would.

use super::tests::{photos, press, scan};
use super::*;
use crate::gui::focus::harness::Window;
use iced::keyboard::Modifiers;

/// Walks the screen with Tab from the first control to the last; on each, presses `key` and
/// keeps what it sent.
fn walk(app: &mut App, key: Named) -> Vec<Message> {
    let mut window = Window::new();
    let (focused, count) = window.focus(app.view());
    assert_eq!(focused, None);
    assert!(count > 0, "nothing on this screen takes the focus");
    let mut sent = Vec::new();
    for step in 0..count {
        let task = app.update(press(Key::Named(Named::Tab), Modifiers::empty()));
        assert_eq!(
            window.run_task(|| app.view(), task),
            2,
            "Tab: focus, then reveal"
        );
        assert!(
            window.focus(app.view()).0.is_some(),
            "Tab number {} focused nothing",
            step + 1
        );
        sent.extend(window.press(app.view(), Key::Named(key)));
    }
    sent
}

#[test]
fn every_start_screen_action_is_reached_with_tab_and_run_with_enter() {
    let mut app = App::new(Settings::default());
    let sent = walk(&mut app, Named::Enter);
    let names: Vec<String> = sent.iter().map(|m| format!("{m:?}")).collect();
    assert_eq!(
        names,
        [
            "Start(OpenSettings)",
            "Start(ChoosePhotos)",
            "Start(ChooseFolder)",
            "Start(ChooseExport)",
            "Start(ChooseExportFolder)",
            "Start(TrySamples)",
        ],
        "in reading order"
    );
}

#[test]
fn shift_tab_goes_backwards_from_the_last_control() {
    let mut app = App::new(Settings::default());
    let mut window = Window::new();
    let task = app.update(press(Key::Named(Named::Tab), Modifiers::SHIFT));
    window.run_task(|| app.view(), task);
    let sent = window.press(app.view(), Key::Named(Named::Enter));
    assert!(
        matches!(
            sent.as_slice(),
            [Message::Start(start::Message::TrySamples)]
        ),
        "{sent:?}"
    );
}

#[test]
fn the_review_screen_is_driven_by_keyboard_photos_filters_report_and_next() {
    let dir = photos();
    let mut app = App::new(Settings::default());
    scan(&mut app, dir.path());
    assert!(matches!(app.screen, Screen::Review(_)));
    let sent = walk(&mut app, Named::Enter);
    let has = |wanted: &dyn Fn(&Message) -> bool| sent.iter().any(wanted);
    use review::Message as R;
    assert!(has(&|m| matches!(m, Message::OpenSettings)), "{sent:?}");
    assert!(has(&|m| matches!(m, Message::Review(R::StartOver))));
    assert!(has(&|m| matches!(m, Message::Review(R::SaveReport))));
    assert!(has(&|m| matches!(m, Message::Review(R::Next))));
    assert!(has(&|m| matches!(m, Message::Review(R::OnlyRisky(true)))));
    assert!(has(&|m| matches!(
        m,
        Message::Review(R::ReportThumbnails(false))
    )));
    for photo in 0..2 {
        assert!(
            has(&|m| matches!(m, Message::Review(R::Select(i)) if *i == photo)),
            "photo {photo} not reached: {sent:?}"
        );
    }
}

#[test]
fn settings_are_changed_with_the_arrow_keys() {
    let mut app = App::new(Settings::default());
    let _ = app.update(Message::OpenSettings);
    let quality = app.settings.jpeg_quality;
    let sent = walk(&mut app, Named::ArrowRight);
    use settings_screen::Message as S;
    let has = |wanted: &dyn Fn(&Message) -> bool| sent.iter().any(wanted);
    assert!(
        has(&|m| matches!(m, Message::Settings(S::Quality(q)) if *q == quality + 1)),
        "{sent:?}"
    );
    assert!(has(&|m| matches!(m, Message::Settings(S::Language(_)))));
    assert!(has(&|m| matches!(m, Message::Settings(S::Mode(_)))));
    assert!(has(&|m| matches!(m, Message::Settings(S::Theme(_)))));
    // And Enter runs the buttons and flips the switch.
    let sent = walk(&mut app, Named::Enter);
    assert!(sent
        .iter()
        .any(|m| matches!(m, Message::Settings(S::Close))));
    assert!(sent
        .iter()
        .any(|m| matches!(m, Message::Settings(S::ChooseFolder))));
    assert!(sent
        .iter()
        .any(|m| matches!(m, Message::Settings(S::LargeText(_)))));
    assert!(sent
        .iter()
        .any(|m| matches!(m, Message::Settings(S::Classroom(true)))));
}

#[test]
fn tab_stays_inside_the_close_dialog_and_enter_answers_it() {
    let mut app = App::new(Settings::default());
    let mut window = Window::new();
    // A control behind is focused when the window is asked to close.
    let task = app.update(press(Key::Named(Named::Tab), Modifiers::empty()));
    window.run_task(|| app.view(), task);
    assert!(window.focus(app.view()).0.is_some());
    app.confirm_close = Some(window::Id::unique());
    window.run_task(|| app.view(), focus::unfocus_all::<Message>());
    assert_eq!(
        window.focus(app.view()).0,
        None,
        "the ring leaves the screen behind"
    );
    let mut answers = Vec::new();
    for _ in 0..5 {
        let task = app.update(press(Key::Named(Named::Tab), Modifiers::empty()));
        window.run_task(|| app.view(), task);
        let sent = window.press(app.view(), Key::Named(Named::Enter));
        answers.push(
            sent.iter()
                .map(|m| format!("{m:?}"))
                .collect::<Vec<_>>()
                .join(","),
        );
    }
    // After the last button the focus rests on nothing for one Tab (iced's own cycle, as on
    // every screen), then comes back to the first button: never to a control behind.
    assert_eq!(
        answers,
        [
            "ConfirmClose(false)",
            "ConfirmClose(true)",
            "",
            "ConfirmClose(false)",
            "ConfirmClose(true)",
        ],
        "Tab goes round the dialog's two buttons and never behind it"
    );
    let task = app.update(press(Key::Named(Named::Tab), Modifiers::SHIFT));
    window.run_task(|| app.view(), task);
    let back = window.press(app.view(), Key::Named(Named::Enter));
    assert!(
        matches!(back.as_slice(), [Message::ConfirmClose(false)]),
        "Shift+Tab goes back to the first button: {back:?}"
    );
}
