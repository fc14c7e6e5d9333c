//! Translations (Fluent, embedded in the binary).

use std::collections::HashMap;
use std::sync::LazyLock;

use i18n_embed::fluent::{fluent_language_loader, FluentLanguageLoader};
use i18n_embed::unic_langid::LanguageIdentifier;
use i18n_embed::{DesktopLanguageRequester, LanguageLoader};
use rust_embed::RustEmbed;

pub use fluent::FluentValue;

#[derive(RustEmbed)]
#[folder = "i18n/"]
pub(crate) struct Localizations;

/// The languages PhotoVeil is translated into (folder names under `i18n/`); English is the
/// reference and the fallback.
pub const LANGUAGES: [&str; 3] = ["en", "ko", "ur"];

/// The environment variable that chooses the language when `--lang` is not given.
pub const LANGUAGE_VARIABLE: &str = "PHOTOVEIL_LANG";

/// The loader with the fallback language (English) loaded.
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    // The English files are compiled in; if they ever failed to load, messages fall back to keys.
    let _ = loader.load_fallback_language(&Localizations);
    // Values are placed by the callers (HTML `<bdi>`, terminal lines): no invisible isolation
    // marks inside the text.
    loader.set_use_isolating(false);
    loader
});

/// Chooses the language: `requested` (the `--lang` option), else `$PHOTOVEIL_LANG`, else the
/// system's languages; English for anything not translated. Returns an error for a requested
/// language that is not a valid language tag.
pub fn select_language(requested: Option<&str>) -> anyhow::Result<()> {
    let from_env = std::env::var(LANGUAGE_VARIABLE)
        .ok()
        .filter(|v| !v.trim().is_empty());
    let languages: Vec<LanguageIdentifier> = match requested.map(str::to_string).or(from_env) {
        Some(tag) => vec![tag.trim().parse().map_err(|_| {
            anyhow::anyhow!("not a language: {tag:?} (use {})", LANGUAGES.join(", "))
        })?],
        None => DesktopLanguageRequester::requested_languages(),
    };
    i18n_embed::select(&*LOADER, &Localizations, &languages)?;
    // Bundles loaded by `select` start with isolation marks on again.
    LOADER.set_use_isolating(false);
    Ok(())
}

/// The language in use, as a tag for HTML's `lang` attribute (`en`, `ko`, `ur`).
pub fn language_tag() -> String {
    LOADER.current_language().language.as_str().to_string()
}

/// Whether the language in use is written right to left.
pub fn is_right_to_left() -> bool {
    matches!(language_tag().as_str(), "ur" | "ar" | "fa" | "he")
}

/// The text of a message chosen at run time (e.g. a finding's explanation key).
pub fn text(key: &str) -> String {
    if LOADER.has(key) {
        in_reading_direction(LOADER.get(key), is_right_to_left())
    } else {
        key.to_string()
    }
}

/// The text of a message with arguments (numbers, or words already translated).
pub fn text_with(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    if !LOADER.has(key) {
        return key.to_string();
    }
    let args: HashMap<&str, FluentValue<'_>> = args.iter().map(|(k, v)| (*k, v.clone())).collect();
    in_reading_direction(LOADER.get_args_concrete(key, args), is_right_to_left())
}

/// The right-to-left mark, an invisible letter written right to left.
const RIGHT_TO_LEFT_MARK: char = '\u{200F}';

/// `message` starting with the right-to-left mark in a right-to-left language. A paragraph takes
/// its direction from its first letter (Unicode's bidirectional algorithm, which iced's text
/// layout and browsers follow), so a sentence that starts with a file's or a format's
/// name in Latin letters ("party.jpg، چہرہ 2: …") would otherwise be laid out left to right, the
/// name at the left and the Urdu words after it in the wrong order.
pub fn in_reading_direction(message: String, right_to_left: bool) -> String {
    if right_to_left && !message.starts_with(RIGHT_TO_LEFT_MARK) {
        format!("{RIGHT_TO_LEFT_MARK}{message}")
    } else {
        message
    }
}

/// A path or a name kept left to right inside a right-to-left sentence (isolated, so that a
/// path's leading slash stays in front, and a sentence that starts with it still reads right to
/// left); unchanged in a left-to-right language.
pub fn left_to_right(value: &str) -> String {
    isolated_left_to_right(value, is_right_to_left())
}

/// `value` between the left-to-right isolate and its end in a right-to-left language.
pub fn isolated_left_to_right(value: &str, right_to_left: bool) -> String {
    if right_to_left {
        format!("\u{2066}{value}\u{2069}")
    } else {
        value.to_string()
    }
}

/// A value for a message's `{ $name }` placeholder.
pub type Arg<'a> = FluentValue<'a>;

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
    let loaded = LOADER.load_languages(&Localizations, &[id]).is_ok();
    // Placeholders are shown as they are: the GUI's text engine handles mixed directions itself
    // (bundles loaded afresh start with isolation marks on again).
    LOADER.set_use_isolating(false);
    loaded
}
