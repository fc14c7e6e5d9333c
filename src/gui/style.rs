//! Shared look: text helpers, badges, cards, headings.

use iced::alignment::Horizontal;
use iced::widget::text::{IntoFragment, LineHeight};
use iced::widget::{column, container, row, Container, Row, Text};
use iced::{border, Background, Border, Element, Font, Theme};

use iced::widget::text as text_style;

use super::item::Badge;

/// A translated text.
pub fn t(key: &str) -> String {
    crate::i18n::text(key)
}

/// A translated text with arguments.
pub fn ta(key: &str, args: &[(&str, crate::i18n::Arg<'_>)]) -> String {
    crate::i18n::text_with(key, args)
}

/// Whether the language in use is written right to left (Urdu): rows are mirrored and text
/// starts at the right.
pub fn rtl() -> bool {
    crate::i18n::is_right_to_left()
}

/// The font for the language in use: the bundled Noto fonts for Korean (Hangul) and Urdu
/// (Nastaliq, the usual Urdu style); the system's sans-serif otherwise.
pub fn font() -> Font {
    font_for(&crate::i18n::language_tag())
}

/// The font for a language code (`en`, `ko`, `ur`).
pub fn font_for(language: &str) -> Font {
    match language {
        "ko" => Font::with_name(crate::fonts::NOTO_SANS_KR.family),
        "ur" => Font::with_name(crate::fonts::NOTO_NASTALIQ_URDU.family),
        _ => Font::DEFAULT,
    }
}

/// Line height for the language in use: Nastaliq's letters climb and descend far more than
/// Latin or Hangul, so Urdu lines need much more room to not be clipped or overlap.
pub fn line_height() -> LineHeight {
    if crate::i18n::language_tag() == "ur" {
        LineHeight::Relative(2.1)
    } else {
        LineHeight::Relative(1.3)
    }
}

/// A text in the language's font and line height (use this instead of `iced::widget::text`).
/// Latin-only text (file names, values read from a file) keeps the system font in Urdu: Noto
/// Nastaliq Urdu has no Latin letters of its own.
pub fn text<'a>(content: impl IntoFragment<'a>) -> Text<'a> {
    let content = content.into_fragment();
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
    let font = if rtl() && !content.chars().any(arabic) {
        Font::DEFAULT
    } else {
        font()
    };
    iced::widget::text(content)
        .font(font)
        .line_height(line_height())
}

/// Where lines and blocks start: left, or right for right-to-left languages.
pub fn align_start() -> Horizontal {
    if rtl() {
        Horizontal::Right
    } else {
        Horizontal::Left
    }
}

/// A row in reading order: the children as given for left-to-right languages, reversed for
/// right-to-left ones (so the first child is at the right in Urdu).
pub fn row_dir<'a, M: 'a>(children: Vec<Element<'a, M>>) -> Row<'a, M> {
    row(in_reading_order(children, rtl()))
}

/// `dir_row![a, b, c]`: like `iced::widget::row!`, in reading order (see [`row_dir`]).
macro_rules! dir_row {
    ($($child:expr),* $(,)?) => {
        $crate::gui::style::row_dir(vec![$(iced::Element::from($child)),*])
    };
}
pub(crate) use dir_row;

/// `items` in the order they are laid out from left to right.
pub fn in_reading_order<T>(mut items: Vec<T>, right_to_left: bool) -> Vec<T> {
    if right_to_left {
        items.reverse();
    }
    items
}

/// The label of a "back" button: the arrow points the way reading goes back (left in
/// left-to-right languages, right in Urdu); it comes first in reading order either way.
pub fn back_label(key: &str) -> String {
    let arrow = if rtl() { '→' } else { '←' };
    format!("{arrow} {}", t(key))
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
    text(s)
        .size(SMALL)
        .style(|theme: &Theme| text_style::Style {
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
        row_dir(vec![
            text(badge.symbol()).size(SMALL).into(),
            text(t(badge.key())).size(SMALL).into(),
        ])
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
    container(
        row_dir(vec![
            text("⚠").size(BODY).into(),
            text(message).size(BODY).into(),
        ])
        .spacing(8),
    )
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
    let mut labels: Vec<Element<'a, M>> = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        let label = format!(
            "{} {}. {}",
            if i == current { "●" } else { "○" },
            i + 1,
            t(key)
        );
        let here = i == current;
        labels.push(
            text(label)
                .size(BODY)
                .style(move |theme: &Theme| {
                    let p = theme.extended_palette();
                    text_style::Style {
                        color: Some(if here {
                            p.primary.strong.color
                        } else {
                            p.background.strong.text.scale_alpha(0.6)
                        }),
                    }
                })
                .into(),
        );
    }
    let line = row_dir(labels).spacing(18);
    column![line]
        .width(iced::Fill)
        .align_x(align_start())
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_reversed_only_for_right_to_left() {
        assert_eq!(
            in_reading_order(vec!["a", "b", "c"], false),
            ["a", "b", "c"]
        );
        assert_eq!(in_reading_order(vec!["a", "b", "c"], true), ["c", "b", "a"]);
        assert!(in_reading_order(Vec::<u8>::new(), true).is_empty());
    }

    #[test]
    fn korean_and_urdu_get_the_bundled_fonts() {
        assert_eq!(font_for("en"), Font::DEFAULT);
        assert_eq!(font_for("ko"), Font::with_name("Noto Sans CJK KR"));
        assert_eq!(font_for("ur"), Font::with_name("Noto Nastaliq Urdu"));
    }
}
