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
