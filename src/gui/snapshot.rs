//! Test support: renders a view with the software renderer in each language, into pictures
//! for a person to look at (the ignored `*_snapshot` tests).

use std::ffi::OsStr;
use std::path::PathBuf;

/// Renders `view` at `size` in English, Korean and Urdu into `out/<name>-<lang>-tiny-skia.png`
/// (the bundled fonts loaded), then sets the language back to English.
pub fn in_each_language<'a, M: 'a>(
    out: &OsStr,
    name: &str,
    size: (f32, f32),
    view: impl Fn() -> iced::Element<'a, M>,
) {
    for lang in ["en", "ko", "ur"] {
        assert!(crate::i18n::set_language(lang));
        let settings = iced::Settings {
            fonts: crate::fonts::ALL
                .iter()
                .map(|f| std::borrow::Cow::Borrowed(f.bytes))
                .collect(),
            ..iced::Settings::default()
        };
        let mut ui = iced_test::Simulator::with_size(settings, size, view());
        let snapshot = ui.snapshot(&iced::Theme::Light).expect("rendered");
        let path = PathBuf::from(out).join(format!("{name}-{lang}.png"));
        let _ = std::fs::remove_file(path.with_file_name(format!("{name}-{lang}-tiny-skia.png")));
        snapshot.matches_image(&path).expect("written");
    }
    crate::i18n::set_language("en");
}
