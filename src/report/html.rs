//! Building the report's HTML page from typed entries.

use std::fmt::Write;

use base64::Engine as _;
use photoveil_core::audit::Recommendation;
use photoveil_core::clean::Kept;
use photoveil_core::map::{self, GeoPoint};
use photoveil_core::report::{AuditAdvice, FaceCount, Outcome, PhotoEntry};
use photoveil_core::{Finding, Severity};

use super::escape::{escape, shorten};
use super::map_svg::map_figure;
use super::ReportOptions;
use crate::i18n::{is_right_to_left, language_tag, text, text_with, FluentValue};
use crate::words::describe;

/// The page's style sheet (inline: the page needs no other file).
const STYLE: &str = include_str!("style.css");
/// Longest metadata value shown, in characters.
const MAX_VALUE_CHARS: usize = 160;
/// The paragraphs about deepfakes, in order.
const RISK_PARAGRAPHS: [&str; 5] = [
    "report-risk-what",
    "report-risk-how",
    "report-risk-harm",
    "report-risk-location",
    "report-risk-help",
];

/// Renders the whole report page in the language in use.
pub fn render_html(entries: &[PhotoEntry], options: &ReportOptions) -> String {
    let lang = language_tag();
    let dir = if is_right_to_left() { "rtl" } else { "ltr" };
    let mut page = String::with_capacity(64 * 1024);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         img-src data:; font-src data:; style-src 'unsafe-inline'\">\n\
         <title>{title}</title>\n<style>\n{font}{STYLE}</style>\n</head>\n<body class=\"lang-{lang}\">\n",
        lang = escape(&lang),
        title = escape(&text("report-title")),
        font = embedded_font_face(&lang),
    );
    let _ = write!(
        page,
        "<header>\n<h1>{}</h1>\n<p>{}</p>\n<p class=\"count\">{}</p>\n</header>\n<main>\n",
        escape(&text("report-title")),
        escape(&text("report-intro")),
        escape(&text_with(
            "report-photo-count",
            &[("count", FluentValue::from(entries.len()))]
        )),
    );
    for entry in entries {
        photo(&mut page, entry, options);
    }
    page.push_str("</main>\n<section class=\"risk\">\n");
    let _ = writeln!(page, "<h2>{}</h2>", escape(&text("report-risk-heading")));
    for key in RISK_PARAGRAPHS {
        let _ = writeln!(page, "<p>{}</p>", escape(&text(key)));
    }
    let _ = write!(
        page,
        "</section>\n<footer><p>{}</p></footer>\n</body>\n</html>\n",
        escape(&text("report-footer"))
    );
    page
}

/// Urdu pages carry the bundled Nastaliq font, which few systems have, as a data URI.
fn embedded_font_face(lang: &str) -> String {
    if lang != "ur" {
        return String::new();
    }
    let font = crate::fonts::NOTO_NASTALIQ_URDU;
    format!(
        "@font-face {{ font-family: \"{}\"; src: url(data:font/ttf;base64,{}) format(\"truetype\"); }}\n",
        font.family,
        base64::engine::general_purpose::STANDARD.encode(font.bytes)
    )
}

fn photo(page: &mut String, entry: &PhotoEntry, options: &ReportOptions) {
    let name = entry
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| entry.path.to_string_lossy().into_owned());
    let _ = write!(
        page,
        "<article class=\"photo\">\n<h2><span class=\"label\">{}</span> <bdi dir=\"ltr\">{}</bdi></h2>\n",
        escape(&text("report-photo-heading")),
        escape(&name)
    );
    let mut details = Vec::new();
    if let Some(format) = entry.format {
        details.push(format.name().to_uppercase());
    }
    if let (Some(w), Some(h)) = (entry.width, entry.height) {
        details.push(format!("{w} × {h} px"));
    }
    if !details.is_empty() {
        let _ = writeln!(
            page,
            "<p class=\"details\"><bdi dir=\"ltr\">{}</bdi></p>",
            escape(&details.join(", "))
        );
    }
    page.push_str("<div class=\"body\">\n");
    thumbnail(page, entry, &name, options);
    page.push_str("<div class=\"facts\">\n");
    // The most striking first: what to do (audits), where it was taken and the faces, then the
    // full list.
    if let Some(advice) = &entry.advice {
        audit_advice(page, advice);
    }
    gps(page, entry);
    export_location(page, entry);
    faces(page, entry.faces);
    revealed(page, &entry.revealed);
    outcome(page, entry);
    page.push_str("</div>\n</div>\n</article>\n");
}

fn thumbnail(page: &mut String, entry: &PhotoEntry, name: &str, options: &ReportOptions) {
    if !options.thumbnails {
        let _ = writeln!(
            page,
            "<p class=\"thumb none\">{}</p>",
            escape(&text("report-picture-hidden"))
        );
        return;
    }
    match &entry.thumbnail {
        Some(thumb) => {
            let _ = writeln!(
                page,
                "<img class=\"thumb\" width=\"{}\" height=\"{}\" alt=\"{}\" src=\"data:image/jpeg;base64,{}\">",
                thumb.width,
                thumb.height,
                escape(name),
                base64::engine::general_purpose::STANDARD.encode(&thumb.jpeg)
            );
        }
        None => {
            let _ = writeln!(
                page,
                "<p class=\"thumb none\">{}</p>",
                escape(&text("report-picture-unavailable"))
            );
        }
    }
}

/// An audited photo's place in the ranking, what the export says about it, what to do and why.
fn audit_advice(page: &mut String, advice: &AuditAdvice) {
    let mut about = vec![text_with(
        "report-audit-position",
        &[("position", FluentValue::from(advice.position))],
    )];
    if let Some(date) = advice.date {
        about.push(describe::civil_date(date));
    }
    if let Some(album) = &advice.album {
        about.push(album.clone());
    }
    if let Some(caption) = &advice.caption {
        about.push(format!(
            "\u{201c}{}\u{201d}",
            shorten(caption, MAX_VALUE_CHARS)
        ));
    }
    let _ = writeln!(
        page,
        "<p class=\"details\">{}</p>",
        escape(&about.join(" · "))
    );
    let _ = writeln!(page, "<h3>{}</h3>", escape(&text("report-audit-todo")));
    let class = match advice.recommendation {
        Recommendation::NothingToDo => "clean",
        _ => "warn",
    };
    let _ = writeln!(
        page,
        "<p class=\"{class}\">{}</p>",
        escape(&describe::recommendation(advice.recommendation))
    );
    if advice.reasons.is_empty() && !advice.video {
        return;
    }
    let _ = writeln!(page, "<p>{}</p>\n<ul>", escape(&text("report-audit-why")));
    for reason in &advice.reasons {
        let _ = writeln!(page, "<li>{}</li>", escape(&describe::reason(reason)));
    }
    if advice.video {
        let _ = writeln!(
            page,
            "<li>{}</li>",
            escape(&text("audit-video-not-analysed"))
        );
    }
    page.push_str("</ul>\n");
}

fn revealed(page: &mut String, findings: &[Finding]) {
    let _ = writeln!(
        page,
        "<h3>{}</h3>",
        escape(&text("report-revealed-heading"))
    );
    if findings.is_empty() {
        let _ = writeln!(
            page,
            "<p class=\"clean\">✓ {}</p>",
            escape(&text("report-revealed-nothing"))
        );
        return;
    }
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let _ = writeln!(
        page,
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        escape(&text("report-column-risk")),
        escape(&text("report-column-kind")),
        escape(&text("report-column-found")),
    );
    for f in sorted {
        let (class, dots) = match f.severity {
            Severity::High => ("high", "●●●"),
            Severity::Medium => ("medium", "●●○"),
            Severity::Low => ("low", "●○○"),
        };
        let _ = writeln!(
            page,
            "<tr><td><span class=\"badge {class}\"><span aria-hidden=\"true\">{dots}</span> {}</span></td>\
             <td>{}</td><td>{}<br><bdi dir=\"ltr\" class=\"value\">{}</bdi></td></tr>",
            escape(&describe::severity(f.severity)),
            escape(&describe::category(f.category)),
            escape(&text(&f.explanation.key())),
            escape(&shorten(&f.value, MAX_VALUE_CHARS)),
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

fn gps(page: &mut String, entry: &PhotoEntry) {
    let positions = entry.gps_positions();
    if positions.is_empty() {
        return;
    }
    let _ = writeln!(page, "<h3>{}</h3>", escape(&text("report-gps-heading")));
    for &(lat, lon) in &positions {
        let _ = writeln!(
            page,
            "<p class=\"gps\">{} <bdi dir=\"ltr\" class=\"coords\">{lat:.6}, {lon:.6}</bdi></p>",
            escape(&text("report-gps-coordinates")),
        );
    }
    if let Some(&(lat, lon)) = positions.first() {
        if let Some(point) = GeoPoint::new(lat, lon) {
            let places = map::place_names(&entry.revealed).join(", ");
            let place = Some(places.as_str()).filter(|p| !p.is_empty());
            page.push_str(&map_figure(point, place, "map-place-named"));
        }
    }
    let _ = writeln!(page, "<p>{}</p>", escape(&text("report-gps-note")));
}

/// For an audited photo without GPS of its own: the location the export writes beside it, on
/// the map.
fn export_location(page: &mut String, entry: &PhotoEntry) {
    let Some(advice) = &entry.advice else { return };
    let Some(point) = advice.location else { return };
    if !entry.gps_positions().is_empty() {
        return;
    }
    let _ = writeln!(
        page,
        "<h3>{}</h3>\n<p class=\"gps\">{} <bdi dir=\"ltr\" class=\"coords\">{:.6}, {:.6}</bdi></p>",
        escape(&text("report-map-beside-heading")),
        escape(&text("report-gps-coordinates")),
        point.lat,
        point.lon,
    );
    page.push_str(&map_figure(
        point,
        advice.place.as_deref(),
        "map-place-tagged",
    ));
}

fn faces(page: &mut String, faces: Option<FaceCount>) {
    let _ = writeln!(page, "<h3>{}</h3>", escape(&text("report-faces-heading")));
    let Some(faces) = faces else {
        let _ = writeln!(page, "<p>{}</p>", escape(&text("report-faces-not-checked")));
        return;
    };
    let found = text_with(
        "report-faces-found",
        &[("count", FluentValue::from(faces.found))],
    );
    if faces.found == 0 {
        let _ = writeln!(page, "<p>{}</p>", escape(&found));
        return;
    }
    let usable = text_with(
        "report-faces-usable",
        &[("count", FluentValue::from(faces.usable))],
    );
    let class = if faces.usable > 0 {
        " class=\"warn\""
    } else {
        ""
    };
    let _ = writeln!(page, "<p{class}>{} {}</p>", escape(&found), escape(&usable));
}

fn outcome(page: &mut String, entry: &PhotoEntry) {
    let _ = writeln!(page, "<h3>{}</h3>", escape(&text("report-done-heading")));
    let count = |key: &str, n: usize| escape(&text_with(key, &[("count", FluentValue::from(n))]));
    match &entry.outcome {
        Outcome::Scanned => {
            let _ = writeln!(page, "<p>{}</p>", escape(&text("report-done-scanned")));
        }
        Outcome::Cleaned { output, kept } => {
            file_line(page, "report-done-cleaned", output);
            let orientation = kept.iter().any(|k| matches!(k, Kept::Orientation(_)));
            let colour = kept
                .iter()
                .any(|k| matches!(k, Kept::IccProfile | Kept::ColourInfo));
            for (keep, key) in [
                (orientation, "report-done-kept-orientation"),
                (colour, "report-done-kept-colour"),
            ] {
                if keep {
                    let _ = writeln!(page, "<p>{}</p>", escape(&text(key)));
                }
            }
        }
        Outcome::Protected {
            output,
            cloaked,
            blurred,
            left,
            verified,
        } => {
            file_line(page, "report-done-protected", output);
            for (n, key) in [
                (*cloaked, "report-done-cloaked"),
                (*blurred, "report-done-blurred"),
                (*left, "report-done-left"),
            ] {
                if n > 0 {
                    let _ = writeln!(page, "<p>{}</p>", count(key, n));
                }
            }
            if *cloaked > 0 {
                let _ = writeln!(page, "<p>{}</p>", count("report-done-verified", *verified));
            }
        }
        Outcome::Failed => {
            let _ = writeln!(
                page,
                "<p class=\"warn\">{} <bdi dir=\"ltr\">{}</bdi></p>",
                escape(&text("report-done-failed")),
                escape(entry.error.as_deref().unwrap_or_default())
            );
        }
    }
}

fn file_line(page: &mut String, key: &str, output: &std::path::Path) {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let _ = writeln!(
        page,
        "<p>{} <bdi dir=\"ltr\">{}</bdi></p>",
        escape(&text(key)),
        escape(&name)
    );
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use photoveil_core::report::{FaceCount, Outcome, PhotoEntry};

    use super::*;

    fn entry(outcome: Outcome) -> PhotoEntry {
        PhotoEntry {
            path: PathBuf::from("dir/photo.jpg"),
            format: None,
            width: None,
            height: None,
            thumbnail: None,
            revealed: Vec::new(),
            faces: Some(FaceCount {
                found: 3,
                usable: 2,
            }),
            outcome,
            error: None,
            advice: None,
        }
    }

    #[test]
    fn protected_and_cleaned_photos_say_what_was_done() {
        // English is the language unless a test selects another (none in this binary does).
        let protected = entry(Outcome::Protected {
            output: PathBuf::from("out/photo-1.jpg"),
            cloaked: 2,
            blurred: 0,
            left: 1,
            verified: 2,
        });
        let cleaned = entry(Outcome::Cleaned {
            output: PathBuf::from("out/<b>.jpg"),
            kept: vec![Kept::Orientation(6), Kept::IccProfile],
        });
        let page = render_html(&[protected, cleaned], &ReportOptions { thumbnails: false });
        for expected in [
            "Saved a protected copy with all hidden data removed:",
            "photo-1.jpg",
            "2 faces cloaked against face recognition.",
            "1 face left as it was.",
            "no longer recognised 2 cloaked faces",
            "3 faces found. 2 are clear enough",
            "Saved a clean copy without this data:",
            "&lt;b&gt;.jpg",
            "Kept on purpose: which way up the photo is shown.",
            "Kept on purpose: the colour profile",
            "Nothing found: no place, device or names",
        ] {
            assert!(page.contains(expected), "missing {expected:?}");
        }
        assert!(!page.contains("faces blurred"));
        assert!(!page.contains("out/"), "only file names are shown");
        assert_eq!(page.matches("Picture not shown in this report.").count(), 2);
    }

    #[test]
    fn photos_with_a_position_get_a_map_and_audited_ones_the_exports_location() {
        use photoveil_core::audit::Recommendation;
        use photoveil_core::map::GeoPoint;
        use photoveil_core::{Category, Explanation, Finding, Severity};
        let finding = |explanation, value: &str| {
            Finding::new(
                Category::Location,
                "test",
                value,
                Severity::High,
                explanation,
            )
        };
        let mut with_gps = entry(Outcome::Scanned);
        with_gps.revealed = vec![
            finding(Explanation::GpsPosition, "48.856600, 2.352200"),
            finding(Explanation::PlaceName, "Paris"),
        ];
        let without = entry(Outcome::Scanned);
        let mut audited = entry(Outcome::Scanned);
        audited.advice = Some(AuditAdvice {
            position: 1,
            recommendation: Recommendation::DeletePost,
            reasons: Vec::new(),
            date: None,
            album: None,
            caption: None,
            video: false,
            location: GeoPoint::new(-1.2921, 36.8219),
            place: Some("Nairobi <National Park>".into()),
        });
        let page = render_html(&[with_gps], &ReportOptions { thumbnails: false });
        assert_eq!(page.matches("<svg").count(), 1);
        assert!(page.contains("Place named in the photo: Paris"));
        assert!(page.contains(">Paris</text>"));
        let page = render_html(&[without], &ReportOptions { thumbnails: false });
        assert!(!page.contains("<svg"));
        let page = render_html(&[audited], &ReportOptions { thumbnails: false });
        assert_eq!(page.matches("<svg").count(), 1);
        assert!(page.contains("Where the export says it was taken"));
        assert!(page.contains("-1.292100, 36.821900"));
        assert!(page.contains("Place tagged in the export: Nairobi &lt;National Park&gt;"));
    }
}
