//! Translations (Fluent, embedded in the binary).

use std::sync::LazyLock;

use i18n_embed::fluent::{fluent_language_loader, FluentLanguageLoader};
use i18n_embed::LanguageLoader;
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

/// The loader with the fallback language (English) loaded.
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    // The English files are compiled in; if they ever failed to load, messages fall back to keys.
    let _ = loader.load_fallback_language(&Localizations);
    loader
});

/// The text of a message chosen at run time (e.g. a finding's explanation key).
pub fn text(key: &str) -> String {
    if LOADER.has(key) {
        LOADER.get(key)
    } else {
        key.to_string()
    }
}

/// A value for a message's `{ $name }` placeholder.
pub type Arg<'a> = fluent::FluentValue<'a>;

/// The text of a message with arguments, e.g. `text_with("gui-scan-count", &[("done", 3.into())])`.
pub fn text_with(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    if !LOADER.has(key) {
        return key.to_string();
    }
    let map: std::collections::HashMap<&str, Arg<'_>> =
        args.iter().map(|(k, v)| (*k, v.clone())).collect();
    LOADER.get_args(key, map)
}

/// The languages that have a translation folder in `i18n/` (e.g. `en`, `ko`, `ur`), sorted.
pub fn languages() -> Vec<String> {
    let mut found: Vec<String> = Localizations::iter()
        .filter_map(|file| file.split('/').next().map(str::to_string))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Switches the messages to `code` (falling back to English for missing ones); returns false
/// when there is no such translation or it cannot be loaded.
pub fn set_language(code: &str) -> bool {
    let Ok(id) = code.parse::<i18n_embed::unic_langid::LanguageIdentifier>() else {
        return false;
    };
    if !languages().iter().any(|l| l == code) {
        return false;
    }
    // Placeholders are shown as they are: the GUI's text engine handles mixed directions itself.
    LOADER.set_use_isolating(false);
    LOADER.load_languages(&Localizations, &[id]).is_ok()
}
