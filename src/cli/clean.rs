//! `photoveil clean`.

use std::path::PathBuf;

use photoveil_core::verify::{PictureCheck, PixelCheck};
use photoveil_core::{clean_file, CleanOptions, CleanReport, Kept};

use photoveil_core::batch::default_workers;

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
    super::run_batch(
        paths,
        default_workers(),
        json,
        "input",
        |c| clean_file(&c.path, &options),
        |r| r.error.as_ref(),
        |report| {
            if json {
                super::print_json_line(report, &report.input);
            } else {
                print_human(report);
            }
            let residual = report
                .verification
                .as_ref()
                .is_some_and(|v| !v.residual.is_empty());
            report.error.is_none() && !residual
        },
    )
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
