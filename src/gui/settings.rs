//! The app's settings, stored as JSON in the user's configuration folder and loaded tolerantly:
//! a missing, unreadable or broken file, or a bad field, falls back to the defaults field by field.

use std::path::{Path, PathBuf};

use photoveil_core::protect::pipeline::Strength;
use serde::{Deserialize, Serialize};

/// What to do with faces. Stored by name (`until-verified`, `subtle`, ...), so settings saved
/// before a mode was added still load; an unknown name falls back to the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum FaceMode {
    /// Cloak each face at the lowest level that the check after a simulated upload passes,
    /// stepping up to the strongest level at most.
    #[default]
    UntilVerified,
    /// Leave faces as they are; only remove metadata.
    MetadataOnly,
    /// Cloak faces with the smallest change.
    Subtle,
    /// Cloak faces with the middle level.
    Standard,
    /// Cloak faces most strongly.
    Strong,
    /// Blur faces beyond recognition.
    Blur,
}

impl FaceMode {
    /// Every mode, in the order shown.
    pub const ALL: [FaceMode; 6] = [
        FaceMode::UntilVerified,
        FaceMode::Subtle,
        FaceMode::Standard,
        FaceMode::Strong,
        FaceMode::Blur,
        FaceMode::MetadataOnly,
    ];

    /// The Fluent key of the mode's name.
    pub fn key(self) -> &'static str {
        match self {
            FaceMode::UntilVerified => "gui-mode-until-verified",
            FaceMode::MetadataOnly => "gui-mode-metadata-only",
            FaceMode::Subtle => "gui-mode-subtle",
            FaceMode::Standard => "gui-mode-standard",
            FaceMode::Strong => "gui-mode-strong",
            FaceMode::Blur => "gui-mode-blur",
        }
    }

    /// Whether faces are changed at all.
    pub fn changes_faces(self) -> bool {
        self != FaceMode::MetadataOnly
    }

    /// The highest cloak level a face may get (`None` when faces are not cloaked).
    pub fn ceiling(self) -> Option<Strength> {
        match self {
            FaceMode::UntilVerified | FaceMode::Strong => Some(Strength::Strong),
            FaceMode::Standard => Some(Strength::Standard),
            FaceMode::Subtle => Some(Strength::Subtle),
            FaceMode::Blur | FaceMode::MetadataOnly => None,
        }
    }
}

/// Light, dark, or as the system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeChoice {
    /// Follow the system's colour scheme.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in the order shown.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The Fluent key of the choice's name.
    pub fn key(self) -> &'static str {
        match self {
            ThemeChoice::System => "gui-theme-system",
            ThemeChoice::Light => "gui-theme-light",
            ThemeChoice::Dark => "gui-theme-dark",
        }
    }
}

/// Lowest and highest JPEG quality offered.
pub const JPEG_QUALITY_RANGE: std::ops::RangeInclusive<u8> = 70..=100;

/// Everything the user can set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// Where copies go by default; `None` asks every time (the dialog starts in Pictures).
    pub output_folder: Option<PathBuf>,
    /// What to do with faces by default.
    pub face_mode: FaceMode,
    /// Quality of protected JPEG copies.
    pub jpeg_quality: u8,
    /// Language code, one of the folders in `i18n/`.
    pub language: String,
    /// Colour theme.
    pub theme: ThemeChoice,
    /// Larger text and controls, for projectors.
    pub large_text: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            output_folder: None,
            face_mode: FaceMode::default(),
            jpeg_quality: photoveil_core::protect::pipeline::DEFAULT_JPEG_QUALITY,
            language: String::from("en"),
            theme: ThemeChoice::default(),
            large_text: false,
        }
    }
}

impl Settings {
    /// The settings file: `settings.json` in PhotoVeil's configuration folder.
    pub fn path() -> Option<PathBuf> {
        crate::paths::settings_file()
    }

    /// Loads the user's settings; never fails.
    pub fn load() -> Settings {
        Settings::path()
            .map(|p| Settings::load_from(&p))
            .unwrap_or_default()
    }

    /// Loads settings from `path`; anything missing or wrong is replaced by its default.
    pub fn load_from(path: &Path) -> Settings {
        std::fs::read_to_string(path)
            .map(|text| Settings::from_json(&text))
            .unwrap_or_default()
    }

    /// Reads settings from JSON text, field by field.
    pub fn from_json(text: &str) -> Settings {
        let defaults = Settings::default();
        let Ok(serde_json::Value::Object(fields)) = serde_json::from_str(text) else {
            return defaults;
        };
        fn field<T: serde::de::DeserializeOwned>(
            fields: &serde_json::Map<String, serde_json::Value>,
            name: &str,
            default: T,
        ) -> T {
            fields
                .get(name)
                .and_then(|v| serde_json::from_value(v.clone()).ok())
                .unwrap_or(default)
        }
        let languages = crate::i18n::languages();
        let language: String = field(&fields, "language", defaults.language.clone());
        Settings {
            output_folder: field(&fields, "output_folder", None::<PathBuf>)
                .filter(|p| p.is_absolute()),
            face_mode: field(&fields, "face_mode", defaults.face_mode),
            jpeg_quality: Some(field(&fields, "jpeg_quality", defaults.jpeg_quality))
                .filter(|q| JPEG_QUALITY_RANGE.contains(q))
                .unwrap_or(defaults.jpeg_quality),
            language: if languages.contains(&language) {
                language
            } else {
                defaults.language
            },
            theme: field(&fields, "theme", defaults.theme),
            large_text: field(&fields, "large_text", defaults.large_text),
        }
    }

    /// Saves the settings to the user's settings file.
    pub fn save(&self) -> std::io::Result<()> {
        match Settings::path() {
            Some(path) => self.save_to(&path),
            None => Err(std::io::Error::other("no home folder")),
        }
    }

    /// Writes the settings to `path` (through a temporary file, then renamed).
    pub fn save_to(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        let temp = path.with_extension("json.tmp");
        std::fs::write(&temp, text)?;
        std::fs::rename(&temp, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_and_load_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/settings.json");
        let settings = Settings {
            output_folder: Some(dir.path().join("out")),
            face_mode: FaceMode::Blur,
            jpeg_quality: 75,
            language: "en".into(),
            theme: ThemeChoice::Dark,
            large_text: true,
        };
        settings.save_to(&path).unwrap();
        assert_eq!(Settings::load_from(&path), settings);
    }

    #[test]
    fn broken_file_gives_defaults() {
        assert_eq!(Settings::from_json("{ not json"), Settings::default());
        assert_eq!(Settings::from_json("[1, 2]"), Settings::default());
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Settings::load_from(&dir.path().join("missing.json")),
            Settings::default()
        );
    }

    #[test]
    fn bad_fields_fall_back_one_by_one() {
        let s = Settings::from_json(
            r#"{"face_mode": "strong", "jpeg_quality": 7, "theme": "purple",
                "language": "xx", "large_text": true, "unknown": 1,
                "output_folder": "relative/path"}"#,
        );
        assert_eq!(s.face_mode, FaceMode::Strong);
        assert_eq!(s.jpeg_quality, 92, "out of range");
        assert_eq!(s.theme, ThemeChoice::System, "unknown theme");
        assert_eq!(s.language, "en", "no such translation");
        assert!(s.large_text);
        assert_eq!(s.output_folder, None, "relative folders are not trusted");
    }

    #[test]
    fn protect_until_verified_is_the_default_and_first_and_old_choices_still_load() {
        assert_eq!(Settings::default().face_mode, FaceMode::UntilVerified);
        assert_eq!(FaceMode::ALL[0], FaceMode::UntilVerified);
        assert_eq!(FaceMode::UntilVerified.ceiling(), Some(Strength::Strong));
        // Settings saved before the mode existed keep their choice.
        for (name, mode) in [
            ("subtle", FaceMode::Subtle),
            ("standard", FaceMode::Standard),
            ("strong", FaceMode::Strong),
            ("blur", FaceMode::Blur),
            ("metadata-only", FaceMode::MetadataOnly),
        ] {
            let s = Settings::from_json(&format!(r#"{{"face_mode": "{name}"}}"#));
            assert_eq!(s.face_mode, mode, "{name}");
        }
        let s = Settings::from_json(r#"{"face_mode": "until-verified"}"#);
        assert_eq!(s.face_mode, FaceMode::UntilVerified);
        let s = Settings::from_json(r#"{"face_mode": "from-the-future"}"#);
        assert_eq!(s.face_mode, FaceMode::UntilVerified, "unknown: the default");
        let text = serde_json::to_string(&Settings::default()).unwrap();
        assert!(text.contains(r#""face_mode":"until-verified""#), "{text}");
    }
}
