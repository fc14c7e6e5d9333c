//! `photoveil clean`.

use super::out::out;
use std::path::PathBuf;

use photoveil_core::job::{clean_photos, CleanSettings, Tally};
use photoveil_core::verify::{PictureCheck, PixelCheck};
use photoveil_core::{CleanOptions, CleanReport, Kept};

use crate::i18n::{text, text_with, FluentValue};

/// Cleans every photo under `paths` into `out`; returns false when any failed.
pub fn run(paths: &[PathBuf], out: PathBuf, json: bool, verify_pixels: bool) -> bool {
    let options = CleanOptions {
        out_dir: out,
        pixel_check: if verify_pixels {
            PixelCheck::Decode
        } else {
            PixelCheck::Fast
        },
    };
    let mut tally = Tally::new(&options.out_dir);
    let settings = CleanSettings::new(options);
    let mut present = super::presenting(json, "input", |report: CleanReport| {
        if json {
            super::print_json_line(&report, &report.input);
        } else {
            print_human(&report);
        }
    });
    let summary = clean_photos(paths, &settings, &super::interrupted(), |entry| {
        tally.add_clean_entry(&entry);
        present(entry);
    });
    super::summary::print(&tally, json);
    summary.succeeded()
}

fn print_human(report: &CleanReport) {
    let input = report.input.display();
    let (Some(output), Some(verification)) = (&report.output, &report.verification) else {
        if let Some(e) = &report.error {
            super::say_error(&report.input, e);
        }
        return;
    };
    let kept: Vec<String> = report
        .kept
        .iter()
        .map(|k| match k {
            Kept::Orientation(o) => text_with(
                "cli-clean-kept-orientation",
                &[("value", o.to_string().into())],
            ),
            Kept::IccProfile => text("cli-clean-kept-icc-profile"),
            Kept::ColourInfo => text("cli-clean-kept-colour-info"),
            Kept::CameraDetails => text("cli-clean-kept-camera-details"),
        })
        .collect();
    let removed = FluentValue::from(report.removed.len());
    let mut parts = vec![text_with("cli-clean-removed", &[("count", removed)])];
    if !kept.is_empty() {
        let list = FluentValue::from(kept.join(", "));
        parts.push(text_with("cli-clean-kept", &[("list", list)]));
    }
    match report.method {
        Some(photoveil_core::CleanMethod::LosslessReencode) => {
            parts.push(text("cli-clean-lossless"))
        }
        Some(photoveil_core::CleanMethod::Unchanged) => parts.push(text("cli-clean-unchanged")),
        _ => {}
    }
    let check = match verification.picture {
        PictureCheck::IdenticalCodedData => text("cli-clean-identical-data"),
        PictureCheck::IdenticalPixels => text("cli-clean-identical-pixels"),
    };
    parts.push(text_with("cli-clean-verified", &[("check", check.into())]));
    out!("{input} -> {}: {}", output.display(), parts.join("; "));
    for f in &verification.residual {
        let args = [
            ("tag", f.tag.to_string().into()),
            ("value", f.value.to_string().into()),
        ];
        eprintln!(
            "{input}: warning: {}",
            text_with("cli-clean-residual", &args)
        );
    }
}
