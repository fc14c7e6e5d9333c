//! Settings: default output folder, face mode, JPEG quality, language, theme, large text.

use std::path::PathBuf;

use iced::widget::{button, column, container, radio, row, slider, toggler};
use iced::{Element, Fill, Task};

use crate::gui::focus::{self, Reachable};
use crate::gui::settings::{FaceMode, Settings as Values, ThemeChoice, JPEG_QUALITY_RANGE};
use crate::gui::style::{self, t, ta, text};

/// A language offered in the selector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The folder name in `i18n/`, e.g. `en`.
    pub code: String,
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Each language is named in itself, so that anyone can find their own.
        f.write_str(endonym(&self.code))
    }
}

/// The name of a language in that language (`ko` is "한국어" whatever the language in use),
/// or its code when PhotoVeil does not know it.
pub fn endonym(code: &str) -> &str {
    match code {
        "en" => "English",
        "ko" => "한국어",
        "ur" => "اردو",
        other => other,
    }
}

/// What happens on the settings screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Choose the default output folder.
    ChooseFolder,
    /// The folder dialog closed.
    FolderPicked(Option<PathBuf>),
    /// Ask for the folder every time.
    ClearFolder,
    /// Default face mode.
    Mode(FaceMode),
    /// JPEG quality.
    Quality(u8),
    /// Language.
    Language(Language),
    /// Theme.
    Theme(ThemeChoice),
    /// Large text for projectors.
    LargeText(bool),
    /// Classroom mode (also F11): turning it on opens it.
    Classroom(bool),
    /// Back to where the user was (also Esc).
    Close,
}

/// What the app should do next.
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task of this screen.
    Run(Task<Message>),
    /// The settings changed: apply and save them.
    Changed(Values),
    /// Leave the settings.
    Close,
    /// Open classroom mode.
    OpenClassroom,
}

/// The settings screen's state: the values being edited.
#[derive(Debug)]
pub struct Settings {
    /// The values.
    pub values: Values,
    /// Why the last save failed, if it did.
    pub save_error: Option<String>,
}

impl Settings {
    /// The screen for the current values.
    pub fn new(values: Values) -> Settings {
        Settings {
            values,
            save_error: None,
        }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        let v = &mut self.values;
        match message {
            Message::ChooseFolder => {
                return Action::Run(crate::gui::dialogs::folder(
                    "gui-dialog-export-folder",
                    Message::FolderPicked,
                ))
            }
            Message::FolderPicked(None) => return Action::None,
            Message::FolderPicked(Some(dir)) => v.output_folder = Some(dir),
            Message::ClearFolder => v.output_folder = None,
            Message::Mode(mode) => v.face_mode = mode,
            Message::Quality(q) => {
                v.jpeg_quality = q.clamp(*JPEG_QUALITY_RANGE.start(), *JPEG_QUALITY_RANGE.end())
            }
            Message::Language(language) => v.language = language.code,
            Message::Theme(theme) => v.theme = theme,
            Message::LargeText(on) => v.large_text = on,
            Message::Close => return Action::Close,
            Message::Classroom(true) => return Action::OpenClassroom,
            Message::Classroom(false) => return Action::None,
        }
        Action::Changed(self.values.clone())
    }

    /// Draws the screen.
    pub fn view(&self) -> Element<'_, Message> {
        let v = &self.values;
        let heading = |key: &str| text(t(key)).size(18);
        let folder = v
            .output_folder
            .as_ref()
            .map(|d| d.display().to_string())
            .unwrap_or_else(|| t("gui-settings-folder-ask"));
        let mut modes = column![].align_x(style::align_start()).spacing(6);
        for mode in FaceMode::ALL {
            modes = modes.push(
                focus::focusable(
                    radio(t(mode.key()), mode, Some(v.face_mode), Message::Mode)
                        .font(style::font()),
                    Some(Message::Mode(mode)),
                )
                .on_step(move |step| Message::Mode(focus::cycle(&FaceMode::ALL, mode, step))),
            );
        }
        let mut themes = row![].spacing(16);
        for theme in ThemeChoice::ALL {
            themes = themes.push(
                focus::focusable(
                    radio(t(theme.key()), theme, Some(v.theme), Message::Theme).font(style::font()),
                    Some(Message::Theme(theme)),
                )
                .on_step(move |step| Message::Theme(focus::cycle(&ThemeChoice::ALL, theme, step))),
            );
        }
        let languages: Vec<Language> = crate::i18n::languages()
            .into_iter()
            .map(|code| Language { code })
            .collect();
        let current = Language {
            code: v.language.clone(),
        };
        let chosen = languages.iter().position(|l| *l == current);
        let mut language_choices: Vec<Element<'_, Message>> = Vec::new();
        for (at, language) in languages.iter().enumerate() {
            let (all, this) = (languages.clone(), language.clone());
            // Each name in a font that has its script (the Urdu font has no Latin letters, the
            // Latin one no Hangul), whatever the language in use.
            let choice = radio(endonym(&language.code), at, chosen, {
                let this = this.clone();
                move |_| Message::Language(this)
            })
            .font(style::font_for(&language.code))
            .text_line_height(style::line_height_for(&language.code))
            .text_shaping(iced::widget::text::Shaping::Advanced);
            language_choices.push(
                focus::focusable(choice, Some(Message::Language(this.clone())))
                    .on_step(move |step| Message::Language(focus::cycle(&all, this.clone(), step)))
                    .into(),
            );
        }
        let quality = v.jpeg_quality;
        let mut content = column![
            style::dir_row![
                // Placed by a container: a right-to-left title aligned by its own wide text box
                // stays at the left.
                container(style::title("gui-settings"))
                    .width(Fill)
                    .align_x(style::align_start()),
                button(text(t("gui-done")))
                    .style(style::primary_button)
                    .on_activate(Message::Close)
            ],
            heading("gui-settings-folder"),
            style::dir_row![
                text(folder).width(Fill),
                button(text(t("gui-protect-choose-folder")))
                    .style(button::secondary)
                    .on_activate(Message::ChooseFolder),
                button(text(t("gui-settings-folder-clear")))
                    .style(button::text)
                    .on_activate_maybe(v.output_folder.is_some().then_some(Message::ClearFolder)),
            ]
            .spacing(8)
            .align_y(iced::Center),
            heading("gui-settings-mode"),
            modes,
            heading("gui-settings-quality"),
            style::dir_row![
                focus::focusable(
                    slider(JPEG_QUALITY_RANGE, v.jpeg_quality, Message::Quality).width(300),
                    None
                )
                .on_step(move |step| Message::Quality(match step {
                    focus::Step::Back => quality.saturating_sub(1),
                    focus::Step::Forward => quality.saturating_add(1),
                })),
                text(ta(
                    "gui-settings-quality-value",
                    &[("quality", v.jpeg_quality.into())]
                )),
            ]
            .spacing(12),
            heading("gui-settings-language"),
            style::row_dir(language_choices)
                .spacing(20)
                .align_y(iced::Center),
            heading("gui-settings-theme"),
            themes,
            focus::focusable(
                toggler(v.large_text)
                    .label(t("gui-settings-large-text"))
                    .font(style::font())
                    .on_toggle(Message::LargeText),
                Some(Message::LargeText(!v.large_text))
            ),
            heading("gui-settings-classroom"),
            focus::focusable(
                toggler(false)
                    .label(t("gui-settings-classroom-toggle"))
                    .font(style::font())
                    .on_toggle(Message::Classroom),
                Some(Message::Classroom(true))
            ),
            style::quiet(t("gui-settings-classroom-explain")),
            style::quiet(t("gui-settings-stored")),
        ]
        .align_x(style::align_start())
        .spacing(14)
        .max_width(760);
        if let Some(e) = &self.save_error {
            content = content.push(style::problem(ta(
                "gui-settings-save-failed",
                &[("why", e.as_str().into())],
            )));
        }
        container(iced::widget::scrollable(content.padding(20)))
            .center_x(Fill)
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_is_reported_and_quality_is_clamped() {
        let mut s = Settings::new(Values::default());
        match s.update(Message::Quality(20)) {
            Action::Changed(v) => assert_eq!(v.jpeg_quality, *JPEG_QUALITY_RANGE.start()),
            _ => panic!("a change"),
        }
        assert!(matches!(s.update(Message::LargeText(true)), Action::Changed(v) if v.large_text));
        assert!(matches!(
            s.update(Message::Theme(ThemeChoice::Dark)),
            Action::Changed(v) if v.theme == ThemeChoice::Dark
        ));
        assert!(matches!(
            s.update(Message::FolderPicked(None)),
            Action::None
        ));
        assert!(matches!(
            s.update(Message::FolderPicked(Some("/x".into()))),
            Action::Changed(v) if v.output_folder.is_some()
        ));
        assert!(
            matches!(s.update(Message::ClearFolder), Action::Changed(v) if v.output_folder.is_none())
        );
        assert!(matches!(s.update(Message::Close), Action::Close));
    }

    /// Renders the settings, with the classroom mode switch at the end, in English, Korean and
    /// Urdu into `$PHOTOVEIL_SNAPSHOT_DIR/settings-classroom-{en,ko,ur}-tiny-skia.png`:
    /// `PHOTOVEIL_SNAPSHOT_DIR=/tmp cargo test --bin photoveil settings_classroom_snapshot -- --ignored`.
    #[test]
    #[ignore = "writes pictures for a person to look at"]
    fn settings_classroom_snapshot() {
        let Some(out) = std::env::var_os("PHOTOVEIL_SNAPSHOT_DIR") else {
            return;
        };
        let screen = Settings::new(Values::default());
        crate::gui::snapshot::in_each_language(&out, "settings-classroom", (900.0, 1150.0), || {
            screen.view()
        });
    }

    #[test]
    fn languages_are_named_in_themselves() {
        assert_eq!(Language { code: "en".into() }.to_string(), "English");
        assert_eq!(Language { code: "zz".into() }.to_string(), "zz");
    }
}
