//! Shared look: text helpers, badges, cards, headings.

use iced::alignment::Horizontal;
use iced::widget::text::{IntoFragment, LineHeight};
use iced::widget::{button, column, container, row, Container, Row, Text};
use iced::{border, Background, Border, Color, Element, Font, Theme};

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
    line_height_for(&crate::i18n::language_tag())
}

/// Line height for text in a language code (`en`, `ko`, `ur`), e.g. a language's own name.
pub fn line_height_for(language: &str) -> LineHeight {
    if language == "ur" {
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
            color: Some(quiet_color(theme)),
        })
}

/// The colour of secondary text: the body text softened, but still at WCAG AA contrast on the
/// window and on cards (see the contrast test).
pub fn quiet_color(theme: &Theme) -> Color {
    theme
        .extended_palette()
        .background
        .strong
        .text
        .scale_alpha(QUIET_ALPHA)
}

/// Opacity of secondary text and of the steps not yet reached.
const QUIET_ALPHA: f32 = 0.75;

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
    .style(move |theme: &Theme| badge_style(theme, warn))
    .into()
}

/// The box of a badge: a warning colour for risks, a neutral one otherwise.
pub fn badge_style(theme: &Theme, warn: bool) -> container::Style {
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
    .style(problem_style)
    .into()
}

/// A text field whose keyboard focus is as plain as the other controls' ring: a 3 px border
/// in the text colour while it has the focus.
pub fn text_field(
    theme: &Theme,
    status: iced::widget::text_input::Status,
) -> iced::widget::text_input::Style {
    let mut style = iced::widget::text_input::default(theme, status);
    if let iced::widget::text_input::Status::Focused { .. } = status {
        style.border.width = super::focus::RING_WIDTH;
        style.border.color = super::focus::ring_colour(theme);
    }
    style
}

/// The box of a problem message.
pub fn problem_style(theme: &Theme) -> container::Style {
    let p = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(p.danger.weak.color)),
        text_color: Some(p.danger.weak.text),
        border: border::rounded(8),
        ..container::Style::default()
    }
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
                .style(move |theme: &Theme| text_style::Style {
                    color: Some(step_color(theme, here)),
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

/// `a` moved towards `b` by `t` (0: `a`, 1: `b`).
fn mix(a: Color, b: Color, t: f32) -> Color {
    Color::from_rgba(
        a.r + (b.r - a.r) * t,
        a.g + (b.g - a.g) * t,
        a.b + (b.b - a.b) * t,
        a.a + (b.a - a.a) * t,
    )
}

/// The main action's button: the theme's primary button, darkened enough that its white
/// label reaches WCAG AA (iced's own primary blue gives 4.4:1, and 3.6:1 when hovered).
pub fn primary_button(theme: &Theme, status: button::Status) -> button::Style {
    accessible(
        button::primary(theme, status),
        theme.extended_palette().primary.base.color,
        status,
    )
}

/// A destructive action's button: the theme's danger button, darkened as [`primary_button`].
pub fn danger_button(theme: &Theme, status: button::Status) -> button::Style {
    accessible(
        button::danger(theme, status),
        theme.extended_palette().danger.base.color,
        status,
    )
}

/// `style` with its background `base` darkened (more when hovered or pressed, so the change
/// stays visible), keeping the label.
fn accessible(mut style: button::Style, base: Color, status: button::Status) -> button::Style {
    let amount = match status {
        button::Status::Active | button::Status::Disabled => 0.18,
        button::Status::Hovered => 0.3,
        button::Status::Pressed => 0.38,
    };
    if status != button::Status::Disabled {
        style.background = Some(Background::Color(mix(base, Color::BLACK, amount)));
    }
    style
}

/// The colour of a step's label: the current step stands out (the theme's accent, moved
/// towards the text colour until it is readable), the others are quieter.
pub fn step_color(theme: &Theme, current: bool) -> Color {
    let p = theme.extended_palette();
    if current {
        mix(p.primary.strong.color, p.background.base.text, 0.45)
    } else {
        p.background.strong.text.scale_alpha(QUIET_ALPHA)
    }
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

/// WCAG 2.x contrast of the app's text against what it is drawn on, in the light and the dark
/// theme: every pair must reach AA for normal-size text (4.5:1).
#[cfg(test)]
pub(crate) mod contrast {
    use iced::widget::{button, container};
    use iced::{Background, Color, Theme};

    /// WCAG relative luminance of an opaque colour.
    fn luminance(c: Color) -> f32 {
        let channel = |v: f32| {
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }

    /// `fg` (possibly translucent) painted over the opaque `bg`.
    fn over(fg: Color, bg: Color) -> Color {
        let a = fg.a;
        Color::from_rgb(
            fg.r * a + bg.r * (1.0 - a),
            fg.g * a + bg.g * (1.0 - a),
            fg.b * a + bg.b * (1.0 - a),
        )
    }

    /// Contrast of `fg` (possibly translucent) painted over the opaque `bg`, 1 to 21.
    pub(crate) fn ratio(fg: Color, bg: Color) -> f32 {
        let (a, b) = (luminance(over(fg, bg)), luminance(bg));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    fn colour(background: Option<Background>, fallback: Color) -> Color {
        match background {
            Some(Background::Color(c)) => over(c, fallback),
            _ => fallback,
        }
    }

    /// Every (what, text, background) pair the screens draw.
    fn pairs(theme: &Theme) -> Vec<(String, Color, Color)> {
        let p = theme.extended_palette();
        let window = p.background.base.color;
        let card = p.background.weak.color;
        let mut pairs = vec![
            ("body text".to_string(), p.background.base.text, window),
            ("body text on a card".into(), p.background.base.text, card),
            ("quiet text".into(), super::quiet_color(theme), window),
            (
                "quiet text on a card".into(),
                super::quiet_color(theme),
                card,
            ),
            (
                "current step".into(),
                super::step_color(theme, true),
                window,
            ),
            (
                "other steps".into(),
                super::step_color(theme, false),
                window,
            ),
            (
                "selected photo card".into(),
                p.background.base.text,
                p.primary.weak.color,
            ),
        ];
        for (what, style) in [
            ("risk badge", super::badge_style(theme, true)),
            ("neutral badge", super::badge_style(theme, false)),
            ("problem", super::problem_style(theme)),
        ] {
            let container::Style {
                background,
                text_color,
                ..
            } = style;
            let bg = colour(background, card);
            pairs.push((
                what.into(),
                text_color.unwrap_or(p.background.base.text),
                bg,
            ));
        }
        type ButtonStyle = fn(&Theme, button::Status) -> button::Style;
        let buttons: [(&str, ButtonStyle); 4] = [
            ("primary button", super::primary_button),
            ("secondary button", button::secondary),
            ("danger button", super::danger_button),
            ("text button", button::text),
        ];
        for (what, style) in buttons {
            for status in [
                button::Status::Active,
                button::Status::Hovered,
                button::Status::Pressed,
            ] {
                let s = style(theme, status);
                let bg = colour(s.background, window);
                pairs.push((format!("{what} ({status:?})"), s.text_color, bg));
            }
        }
        pairs
    }

    #[test]
    fn text_and_badges_meet_wcag_aa_in_light_and_dark_themes() {
        let mut failures = Vec::new();
        for theme in [Theme::Light, Theme::Dark] {
            for (what, fg, bg) in pairs(&theme) {
                let r = ratio(fg, bg);
                eprintln!("{theme:?} {what}: {r:.2}:1");
                if r < 4.5 {
                    failures.push(format!("{theme:?} {what}: {r:.2}:1"));
                }
            }
        }
        assert!(failures.is_empty(), "below WCAG AA 4.5:1: {failures:#?}");
    }

    #[test]
    fn the_focus_ring_stands_out_from_the_window_cards_and_buttons() {
        // WCAG 1.4.11 (non-text contrast) asks 3:1 of a focus indicator; the ring is drawn
        // outside the control, on the window or a card, and a text field's border is drawn on
        // the field.
        for theme in [Theme::Light, Theme::Dark] {
            let p = theme.extended_palette();
            let ring = crate::gui::focus::ring_colour(&theme);
            let field = super::text_field(
                &theme,
                iced::widget::text_input::Status::Focused { is_hovered: false },
            );
            assert_eq!(field.border.color, ring);
            assert_eq!(field.border.width, crate::gui::focus::RING_WIDTH);
            let field_bg = colour(Some(field.background), p.background.base.color);
            for (on, bg) in [
                ("window", p.background.base.color),
                ("card", p.background.weak.color),
                ("text field", field_bg),
            ] {
                let r = ratio(ring, bg);
                assert!(r >= 3.0, "{theme:?}: ring on the {on}: {r:.2}:1");
            }
        }
    }

    #[test]
    fn the_contrast_formula_gives_the_known_extremes() {
        assert!((ratio(Color::BLACK, Color::WHITE) - 21.0).abs() < 0.01);
        assert!((ratio(Color::WHITE, Color::WHITE) - 1.0).abs() < 1e-6);
        // #777 on white is the classic borderline grey, 4.48:1.
        let grey = Color::from_rgb8(0x77, 0x77, 0x77);
        assert!((ratio(grey, Color::WHITE) - 4.48).abs() < 0.01);
    }
}
