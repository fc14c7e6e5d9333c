//! Shared look: text helpers, badges, cards, headings.

use iced::widget::{column, container, row, text, Container, Text};
use iced::{border, Background, Border, Element, Theme};

use super::item::Badge;

/// A translated text.
pub fn t(key: &str) -> String {
    crate::i18n::text(key)
}

/// A translated text with arguments.
pub fn ta(key: &str, args: &[(&str, crate::i18n::Arg<'_>)]) -> String {
    crate::i18n::text_with(key, args)
}

/// Size of screen titles.
pub const TITLE: f32 = 28.0;
/// Size of body text.
pub const BODY: f32 = 16.0;
/// Size of small print.
pub const SMALL: f32 = 13.0;

/// A screen title.
pub fn title<'a>(key: &str) -> Text<'a> {
    text(t(key)).size(TITLE)
}

/// Secondary text, in a quieter colour.
pub fn quiet<'a>(s: String) -> Text<'a> {
    text(s).size(SMALL).style(|theme: &Theme| text::Style {
        color: Some(
            theme
                .extended_palette()
                .background
                .strong
                .text
                .scale_alpha(0.75),
        ),
    })
}

/// A badge: symbol and word in a rounded box; the word always says what it is.
pub fn badge<'a, M: 'a>(badge: Badge) -> Element<'a, M> {
    let warn = badge != Badge::Time;
    container(
        row![
            text(badge.symbol()).size(SMALL),
            text(t(badge.key())).size(SMALL)
        ]
        .spacing(4),
    )
    .padding([2, 8])
    .style(move |theme: &Theme| {
        let p = theme.extended_palette();
        let pair = if warn {
            p.warning.weak
        } else {
            p.background.strong
        };
        container::Style {
            background: Some(Background::Color(pair.color)),
            text_color: Some(pair.text),
            border: border::rounded(10),
            ..container::Style::default()
        }
    })
    .into()
}

/// A card around a block of the screen.
pub fn card<'a, M: 'a>(content: impl Into<Element<'a, M>>) -> Container<'a, M> {
    container(content).padding(16).style(|theme: &Theme| {
        let p = theme.extended_palette();
        container::Style {
            background: Some(Background::Color(p.background.weak.color)),
            border: Border {
                radius: 12.0.into(),
                width: 1.0,
                color: p.background.strong.color,
            },
            ..container::Style::default()
        }
    })
}

/// A message box for a problem, with a warning sign before the words.
pub fn problem<'a, M: 'a>(message: String) -> Element<'a, M> {
    container(row![text("⚠").size(BODY), text(message).size(BODY)].spacing(8))
        .padding(12)
        .style(|theme: &Theme| {
            let p = theme.extended_palette();
            container::Style {
                background: Some(Background::Color(p.danger.weak.color)),
                text_color: Some(p.danger.weak.text),
                border: border::rounded(8),
                ..container::Style::default()
            }
        })
        .into()
}

/// The line of steps at the top of the window; the current one is marked with a word and a dot.
pub fn steps<'a, M: 'a>(current: usize) -> Element<'a, M> {
    let keys = [
        "gui-step-choose",
        "gui-step-review",
        "gui-step-protect",
        "gui-step-export",
    ];
    let mut line = row![].spacing(18);
    for (i, key) in keys.iter().enumerate() {
        let label = format!(
            "{} {}. {}",
            if i == current { "●" } else { "○" },
            i + 1,
            t(key)
        );
        let here = i == current;
        line = line.push(text(label).size(BODY).style(move |theme: &Theme| {
            let p = theme.extended_palette();
            text::Style {
                color: Some(if here {
                    p.primary.strong.color
                } else {
                    p.background.strong.text.scale_alpha(0.6)
                }),
            }
        }));
    }
    column![line].into()
}
