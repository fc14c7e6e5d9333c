//! Tests that Urdu text is laid out as a reader expects it: right to left, and inside its column.
//!
//! A paragraph takes its direction from its first letter, so an Urdu sentence that starts with
//! a file's or a format's name in Latin letters would be laid out left to right;
//! `i18n::in_reading_direction` starts every Urdu message with a right-to-left mark.
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

/// `text` laid out as iced lays it out: wrapped at `width` pixels, in Noto Nastaliq Urdu at
/// `size`, with Urdu's line height.
fn laid_out(system: &mut FontSystem, text: &str, size: f32, width: f32) -> Buffer {
    let mut buffer = Buffer::new(system, Metrics::new(size, size * LINE_HEIGHT));
    buffer.set_wrap(system, Wrap::Word);
    buffer.set_size(system, Some(width), None);
    let attrs = Attrs::new().family(Family::Name(fonts::NOTO_NASTALIQ_URDU.family));
    buffer.set_text(system, text, &attrs, Shaping::Advanced, None);
    buffer.shape_until_scroll(system, false);
    buffer
}

/// The widest line of `text` wrapped at `width` pixels at `size`.
fn widest_line(system: &mut FontSystem, text: &str, size: f32, width: f32) -> f32 {
    laid_out(system, text, size, width)
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

/// The Urdu messages, without isolation marks (as the program formats them).
fn urdu_bundle() -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source("ur")).expect("ur parses");
    let mut bundle = FluentBundle::new(vec!["ur".parse().expect("language tag")]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("no duplicate keys");
    bundle
}

/// Message `key` of `bundle` formatted with `args`.
fn format(bundle: &FluentBundle<FluentResource>, key: &str, args: &FluentArgs) -> String {
    let message = bundle.get_message(key).expect("ur has every key");
    let pattern = message.value().expect("a value");
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    assert!(errors.is_empty(), "{key}: {errors:?}");
    text.into_owned()
}

/// Every `gui-face-` message in Urdu, formatted with figures where it has variables (as the
/// app fills them: a face number, a similarity, a percentage).
fn face_messages() -> Vec<(String, String)> {
    let bundle = urdu_bundle();
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
            out.push((key.clone(), format(&bundle, &key, &args)));
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

/// Whether every line of `text`, laid out at 400 pixels, runs right to left.
fn right_to_left(system: &mut FontSystem, text: &str) -> bool {
    laid_out(system, text, BODY, 400.0)
        .layout_runs()
        .all(|run| run.rtl)
}

/// Every Urdu message, each variable filled with a file's name in Latin letters (what most
/// variables that start a sentence hold: a file, a format, a camera's make).
fn messages_with_latin_values() -> Vec<(String, String)> {
    let bundle = urdu_bundle();
    messages("en")
        .into_iter()
        .map(|(key, vars)| {
            let mut args = FluentArgs::new();
            for var in &vars {
                args.set(var.as_str(), "party.jpg");
            }
            let text = format(&bundle, &key, &args);
            (key, text)
        })
        .collect()
}

#[test]
fn every_urdu_message_is_laid_out_right_to_left_even_when_it_starts_with_a_latin_name() {
    let mut system = font_system();
    let all = messages_with_latin_values();
    assert!(all.len() > 300, "{}", all.len());
    let mut unmarked_left_to_right = Vec::new();
    for (key, text) in &all {
        let marked = crate::i18n::in_reading_direction(text.clone(), true);
        assert!(
            right_to_left(&mut system, &marked),
            "{key} is laid out left to right: {marked}"
        );
        if !right_to_left(&mut system, text) {
            unmarked_left_to_right.push(key.as_str());
        }
    }
    // A line the code starts with a path (the review's problems, the audit's header) reads
    // right to left once the path is isolated.
    let why = crate::i18n::in_reading_direction(
        all.iter()
            .find(|(k, _)| k == "error-empty")
            .map(|(_, t)| t.clone())
            .expect("error-empty"),
        true,
    );
    let path = "/home/me/party.jpg";
    assert!(!right_to_left(&mut system, &format!("{path}: {why}")));
    let isolated = crate::i18n::isolated_left_to_right(path, true);
    assert!(right_to_left(&mut system, &format!("{isolated}: {why}")));
    // The measurement sees the fault: without the mark, the sentences that start with a file's
    // name run left to right.
    for key in [
        "cli-summary-face-not-verified",
        "error-corrupt",
        "error-write",
    ] {
        assert!(
            unmarked_left_to_right.contains(&key),
            "{key}: {unmarked_left_to_right:?}"
        );
    }
}
