//! `photoveil clean`.

use std::path::PathBuf;

use photoveil_core::verify::{PictureCheck, PixelCheck};
use photoveil_core::{clean_file, CleanOptions, CleanReport, Kept};

use super::{for_each_file, skip_quietly};

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
    let mut ok = true;
    for_each_file(
        paths,
        |c| clean_file(&c.path, &options),
        |result| {
            let (candidate, report) = match result {
                Ok(pair) => pair,
                Err(e) => {
                    ok = false;
                    super::print_listing_error(e, json, "input");
                    return;
                }
            };
            if skip_quietly(candidate, report.error.as_ref()) {
                return;
            }
            let residual = report
                .verification
                .as_ref()
                .is_some_and(|v| !v.residual.is_empty());
            ok &= report.error.is_none() && !residual;
            if json {
                super::print_json_line(&report, &report.input);
            } else {
                print_human(&report);
            }
        },
    );
    ok
}

fn print_human(report: &CleanReport) {
    let input = report.input.display();
    let (Some(output), Some(verification)) = (&report.output, &report.verification) else {
        if let Some(e) = &report.error {
            eprintln!("{input}: error: {e}");
        }
        return;
    };
    let kept: Vec<String> = report
        .kept
        .iter()
        .map(|k| match k {
            Kept::Orientation(o) => format!("orientation {o}"),
            Kept::IccProfile => "colour profile".to_string(),
            Kept::ColourInfo => "colour space".to_string(),
        })
        .collect();
    let method = match report.method {
        Some(photoveil_core::CleanMethod::LosslessReencode) => "; picture re-written losslessly",
        _ => "",
    };
    let check = match verification.picture {
        PictureCheck::IdenticalCodedData => "picture data identical",
        PictureCheck::IdenticalPixels => "pixels identical",
    };
    println!(
        "{input} -> {}: removed {} finding(s){}{method}; verified: {check}",
        output.display(),
        report.removed.len(),
        if kept.is_empty() {
            String::new()
        } else {
            format!("; kept {}", kept.join(", "))
        },
    );
    for f in &verification.residual {
        eprintln!("{input}: warning: could not remove {} ({})", f.tag, f.value);
    }
}
