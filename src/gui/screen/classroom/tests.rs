//! Classroom mode's cards: moving through them stops at both ends, every card reads in each
//! language, the colours are high contrast, and snapshots for a person to look at.

use super::*;

#[test]
fn the_cards_move_forward_and_back_and_stop_at_both_ends() {
    let mut classroom = Classroom::default();
    assert_eq!(classroom.update(Message::Previous), Action::None);
    assert_eq!(classroom.card, 0, "no card before the first");
    for expected in 1..CARDS.len() {
        assert_eq!(classroom.update(Message::Next), Action::None);
        assert_eq!(classroom.card, expected);
    }
    assert!(classroom.at_end());
    classroom.update(Message::Next);
    assert_eq!(classroom.card, CARDS.len() - 1, "no card after the last");
    classroom.update(Message::Previous);
    assert_eq!(classroom.card, CARDS.len() - 2);
    assert_eq!(classroom.update(Message::Leave), Action::Leave);
    assert_eq!(classroom.update(Message::TrySamples), Action::TrySamples);
}

#[test]
fn every_card_shows_its_words_and_only_the_last_offers_the_samples() {
    // In the language in use (English in tests: the language is the whole program's, so other
    // languages are only switched to in the ignored snapshot tests).
    {
        let lang = crate::i18n::language_tag();
        for (card, &(title, body)) in CARDS.iter().enumerate() {
            let classroom = Classroom { card };
            let mut ui = iced_test::simulator(classroom.view());
            for key in [title, body, "gui-classroom-leave"] {
                assert!(
                    ui.find(t(key).as_str()).is_ok(),
                    "{lang}: card {card}: {key}"
                );
            }
            let samples = t("gui-start-try-samples");
            assert_eq!(ui.find(samples.as_str()).is_ok(), card + 1 == CARDS.len());
        }
    }
}

#[test]
fn the_last_card_s_button_opens_the_samples() {
    let classroom = Classroom {
        card: CARDS.len() - 1,
    };
    let mut ui = iced_test::simulator(classroom.view());
    ui.click(t("gui-start-try-samples").as_str())
        .expect("the button is there");
    let sent: Vec<Message> = ui.into_messages().collect();
    assert!(matches!(sent.as_slice(), [Message::TrySamples]), "{sent:?}");
}

#[test]
fn the_colours_reach_wcag_aaa() {
    let theme = theme();
    let mut pairs = vec![
        ("words", INK, BACKGROUND),
        ("titles", ACCENT, BACKGROUND),
        (
            "focus ring",
            crate::gui::focus::ring_colour(&theme),
            BACKGROUND,
        ),
    ];
    for (what, style) in [
        (
            "main button",
            primary as fn(&Theme, button::Status) -> button::Style,
        ),
        ("other button", secondary),
    ] {
        for status in [
            button::Status::Active,
            button::Status::Hovered,
            button::Status::Pressed,
            button::Status::Disabled,
        ] {
            let s = style(&theme, status);
            let Some(Background::Color(bg)) = s.background else {
                panic!("{what}: a plain background");
            };
            pairs.push((what, s.text_color, bg));
        }
    }
    for (what, fg, bg) in pairs {
        let r = crate::gui::style::contrast::ratio(fg, bg);
        assert!(r >= 7.0, "{what}: {r:.2}:1");
    }
}

/// Renders the first card, the one about protection (the longest) and the last one (with the
/// sample photos) in English, Korean and Urdu at a projector's 1366 × 768 into
/// `$PHOTOVEIL_SNAPSHOT_DIR/classroom-{intro,protect,try}-{en,ko,ur}-tiny-skia.png`:
/// `PHOTOVEIL_SNAPSHOT_DIR=/tmp cargo test --bin photoveil classroom_snapshot -- --ignored`;
/// and the card about fake pictures with large text on (`classroom-large-LANG`).
#[test]
#[ignore = "writes pictures for a person to look at"]
fn classroom_snapshot() {
    let Some(out) = std::env::var_os("PHOTOVEIL_SNAPSHOT_DIR") else {
        return;
    };
    for (name, card) in [("intro", 0), ("protect", 5), ("try", CARDS.len() - 1)] {
        let classroom = Classroom { card };
        crate::gui::snapshot::in_each_language(
            &out,
            &format!("classroom-{name}"),
            (1366.0, 768.0),
            || classroom.view(),
        );
    }
    // The same projector with the app's large text on (scale 1.35): less room, never clipped.
    let classroom = Classroom { card: 2 };
    crate::gui::snapshot::in_each_language(&out, "classroom-large", (1012.0, 569.0), || {
        classroom.view()
    });
}

#[test]
fn the_text_shrinks_in_a_small_window_but_not_below_a_floor() {
    assert_eq!(fit(iced::Size::new(1920.0, 1080.0)), 1.0);
    assert_eq!(fit(iced::Size::new(1366.0, 768.0)), 1.0);
    let large_text = fit(iced::Size::new(1366.0 / 1.35, 768.0 / 1.35));
    assert!((large_text - 1.0 / 1.35).abs() < 1e-3, "{large_text}");
    assert_eq!(fit(iced::Size::new(400.0, 300.0)), 0.7);
}
