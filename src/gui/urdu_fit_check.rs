//! A test that the close-up's words about a face stay inside their column in Urdu.
//!
//! cosmic-text 0.15 (iced's text layout) lets a wrapped line run past its width where a run of
//! the other direction (a number, a Latin word) begins that does not fit on the line
//! (pop-os/cosmic-text#252); iced then lays the whole paragraph out that much wider, and the
//! column cuts both sides off. The words are laid out here as iced lays them out, with the
//! bundled fonts, at the column's widths.

use fluent::{FluentArgs, FluentBundle, FluentResource};
use iced::advanced::graphics::text::cosmic_text::{
    fontdb, Attrs, Buffer, Family, FontSystem, Metrics, Shaping, Wrap,
};

use super::style::{BODY, SMALL};
use crate::fonts;
use crate::i18n_check::{messages, source};

/// Urdu's line height, as the app sets it (`style::line_height_for("ur")`).
const LINE_HEIGHT: f32 = 2.1;

/// The widths the close-up's column takes, from a narrow window to a wide one.
const WIDTHS: std::ops::RangeInclusive<u32> = 200..=480;

fn font_system() -> FontSystem {
    let mut db = fontdb::Database::new();
    for font in fonts::ALL {
        db.load_font_data(font.bytes.to_vec());
    }
    FontSystem::new_with_locale_and_db("ur".to_string(), db)
}

/// The widest line of `text` wrapped at `width` pixels, in Noto Nastaliq Urdu at `size`.
fn widest_line(system: &mut FontSystem, text: &str, size: f32, width: f32) -> f32 {
    let mut buffer = Buffer::new(system, Metrics::new(size, size * LINE_HEIGHT));
    buffer.set_wrap(system, Wrap::Word);
    buffer.set_size(system, Some(width), None);
    let attrs = Attrs::new().family(Family::Name(fonts::NOTO_NASTALIQ_URDU.family));
    buffer.set_text(system, text, &attrs, Shaping::Advanced, None);
    buffer.shape_until_scroll(system, false);
    buffer
        .layout_runs()
        .map(|run| run.line_w)
        .fold(0.0, f32::max)
}

/// The widths (at `size`) at which `text` runs past its line.
fn overflows(system: &mut FontSystem, text: &str, size: f32) -> Vec<u32> {
    WIDTHS
        .step_by(4)
        .filter(|&w| widest_line(system, text, size, w as f32) > w as f32 + 0.5)
        .collect()
}

/// Every `gui-face-` message in Urdu, formatted with figures where it has variables (as the
/// app fills them: a face number, a similarity, a percentage).
fn face_messages() -> Vec<(String, String)> {
    let resource = FluentResource::try_new(source("ur")).expect("ur parses");
    let mut bundle = FluentBundle::new(vec!["ur".parse().expect("language tag")]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("no duplicate keys");
    let mut out = Vec::new();
    for (key, vars) in messages("en") {
        if !key.starts_with("gui-face-") {
            continue;
        }
        // Each way the odds of a face not confirmed are said.
        for odds in ["most", "few"] {
            let mut args = FluentArgs::new();
            for var in &vars {
                match var.as_str() {
                    "n" => args.set(var.as_str(), 1),
                    "percent" => args.set(var.as_str(), 80),
                    "odds" => args.set(var.as_str(), odds),
                    _ => args.set(var.as_str(), "0.61"),
                }
            }
            let message = bundle.get_message(&key).expect("ur has every key");
            let pattern = message.value().expect("a value");
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{key}: {errors:?}");
            out.push((key.clone(), text.into_owned()));
            if !vars.contains("odds") {
                break;
            }
        }
    }
    out
}

#[test]
fn the_close_up_words_about_a_face_fit_their_column_in_urdu() {
    let mut system = font_system();
    let words = face_messages();
    assert!(words.len() >= 8, "{}", words.len());
    for (key, text) in &words {
        // The figure and how visible the change is are secondary text; the rest is body text
        // in the close-up and the list, and secondary text in the export's list.
        let sizes: &[f32] = match key.as_str() {
            "gui-face-similarity" | "gui-face-look" => &[SMALL],
            _ => &[BODY, SMALL],
        };
        for &size in sizes {
            let bad = overflows(&mut system, text, size);
            assert!(
                bad.is_empty(),
                "{key} at {size} px runs past widths {bad:?}: {text}"
            );
        }
    }
    // The measurement sees the fault: the verdict with its figure in the same sentence, as the
    // close-up showed them before, runs past its line.
    let find = |key: &str| {
        words
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| t.clone())
            .expect(key)
    };
    let together = format!(
        "{} {}",
        find("gui-face-not-confirmed"),
        find("gui-face-similarity")
    );
    assert!(
        !overflows(&mut system, &together, BODY).is_empty(),
        "{together}"
    );
}
