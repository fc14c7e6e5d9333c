//! `photoveil audit`: what an account export (or a folder or ZIP of photos) gives away, who is
//! in it, and what to do first.

use std::collections::HashMap;
use std::path::Path;

use photoveil_core::audit::{
    audit, AuditOptions, AuditReport, Layout, MediaItem, MediaKind, RankedMedia, Reason,
    Recommendation,
};
use serde_json::{json, Value};

use crate::i18n::{text, LOADER};

/// Audits one export; returns false when it could not be read or any photo failed.
pub fn run(path: &Path, json: bool, faces: bool) -> bool {
    let engine = if faces {
        match super::load_engine() {
            Some(engine) => Some(engine),
            None => return false,
        }
    } else {
        None
    };
    let report = match audit(path, engine.as_ref(), &AuditOptions::default()) {
        Ok(report) => report,
        Err(e) => {
            if json {
                println!(
                    "{}",
                    json!({"type": "error", "source": path, "error": e.to_string()})
                );
            } else {
                eprintln!("photoveil: {e}");
            }
            return false;
        }
    };
    if json {
        print_json(&report);
    } else {
        print_text(&report);
    }
    report
        .media
        .iter()
        .all(|m| m.error.is_none() && (m.analysed || m.kind == MediaKind::Video))
}

/// Prints one JSON object per line, each with a `type`.
fn print_json(report: &AuditReport) {
    let photos = report
        .media
        .iter()
        .filter(|m| m.kind == MediaKind::Photo)
        .count();
    println!(
        "{}",
        json!({
            "type": "export",
            "source": report.source,
            "layout": report.layout,
            "photos": photos,
            "videos": report.media.len() - photos,
            "groups": report.groups.len(),
            "skipped": report.skipped.len(),
        })
    );
    let line = |kind: &str, value: serde_json::Result<Value>| match value {
        Ok(Value::Object(mut map)) => {
            map.insert("type".into(), json!(kind));
            println!("{}", Value::Object(map));
        }
        Ok(other) => println!("{other}"),
        Err(e) => eprintln!("photoveil: {e}"),
    };
    for (index, item) in report.media.iter().enumerate() {
        let mut value = serde_json::to_value(item);
        if let Ok(Value::Object(map)) = &mut value {
            map.insert("index".into(), json!(index));
            map.insert(
                "error".into(),
                json!(item.error.as_ref().map(|e| e.to_string())),
            );
        }
        line("media", value);
    }
    for group in &report.groups {
        line("group", serde_json::to_value(group));
    }
    for (position, ranked) in report.ranking.iter().enumerate() {
        let mut value = serde_json::to_value(ranked);
        if let Ok(Value::Object(map)) = &mut value {
            map.insert("position".into(), json!(position + 1));
        }
        line("rank", value);
    }
    for skipped in &report.skipped {
        println!(
            "{}",
            json!({"type": "skipped", "entry": skipped.name, "problem": skipped.problem,
                   "error": skipped.problem.to_string()})
        );
    }
}

fn numbers(key: &str, args: &[(&str, i64)]) -> String {
    let map: HashMap<&str, i64> = args.iter().copied().collect();
    LOADER.get_args(key, map)
}

fn words(key: &str, args: &[(&str, &str)]) -> String {
    let map: HashMap<&str, String> = args.iter().map(|(k, v)| (*k, v.to_string())).collect();
    LOADER.get_args(key, map)
}

fn print_text(report: &AuditReport) {
    let layout = match report.layout {
        Layout::Instagram => "audit-layout-instagram",
        Layout::Facebook => "audit-layout-facebook",
        Layout::GoogleTakeout => "audit-layout-google-takeout",
        Layout::Plain => "audit-layout-plain",
    };
    let photos = report
        .media
        .iter()
        .filter(|m| m.kind == MediaKind::Photo)
        .count() as i64;
    println!("{}: {}", report.source.display(), text(layout));
    println!(
        "  {}",
        numbers(
            "audit-counts",
            &[
                ("photos", photos),
                ("videos", report.media.len() as i64 - photos)
            ]
        )
    );
    if !report.groups.is_empty() {
        println!("\n{}", text("audit-people-heading"));
        for group in &report.groups {
            println!(
                "  {}",
                numbers(
                    "audit-group",
                    &[
                        ("id", group.id as i64 + 1),
                        ("photos", group.photos as i64),
                        ("public", group.public_posts as i64),
                        ("swappable", group.swappable as i64),
                    ]
                )
            );
        }
    }
    println!("\n{}", text("audit-ranking-heading"));
    for (position, ranked) in report.ranking.iter().enumerate() {
        let Some(item) = report.media.get(ranked.media) else {
            continue;
        };
        print_ranked(position + 1, ranked, item);
    }
    if !report.skipped.is_empty() {
        println!("\n{}", text("audit-skipped-heading"));
        for s in &report.skipped {
            println!("  {}: {}: {}", report.source.display(), s.name, s.problem);
        }
    }
}

fn print_ranked(position: usize, ranked: &RankedMedia, item: &MediaItem) {
    let mut about = Vec::new();
    if let Some(date) = item.context.date {
        about.push(civil_date(date));
    }
    if let Some(album) = &item.context.album {
        about.push(album.clone());
    }
    if let Some(caption) = &item.context.caption {
        let short: String = caption.chars().take(60).collect();
        about.push(format!("\u{201c}{short}\u{201d}"));
    }
    let about = if about.is_empty() {
        String::new()
    } else {
        format!(" ({})", about.join(", "))
    };
    println!("  {position:>3}. {}{about}", item.entry);
    let action = match ranked.recommendation {
        Recommendation::DeletePost => "audit-do-delete-post",
        Recommendation::ReplaceWithProtectedCopy => "audit-do-replace-protected",
        Recommendation::CleanMetadata => "audit-do-clean-metadata",
        Recommendation::NothingToDo => "audit-do-nothing",
    };
    println!("       {}", text(action));
    for reason in &ranked.reasons {
        println!("       - {}", describe_reason(reason));
    }
    if item.kind == MediaKind::Video {
        println!("       - {}", text("audit-video-not-analysed"));
    }
    if let Some(e) = &item.error {
        println!("       - {e}");
    }
}

fn describe_reason(reason: &Reason) -> String {
    match reason {
        Reason::SwappableFaces {
            count,
            largest_side,
        } => numbers(
            "audit-reason-swappable-faces",
            &[("count", *count as i64), ("side", i64::from(*largest_side))],
        ),
        Reason::RecurringPerson { group, photos } => numbers(
            "audit-reason-recurring-person",
            &[("id", *group as i64 + 1), ("photos", *photos as i64)],
        ),
        Reason::GpsInPhoto => text("audit-reason-gps-in-photo"),
        Reason::GpsBesidePhoto { .. } => text("audit-reason-gps-beside-photo"),
        Reason::TaggedPlace { name } => words("audit-reason-tagged-place", &[("name", name)]),
        Reason::SchoolInCaption { word } => {
            words("audit-reason-school-in-caption", &[("word", word)])
        }
        Reason::PlaceInCaption { word } => {
            words("audit-reason-place-in-caption", &[("word", word)])
        }
        Reason::NamedPeople { count } => {
            numbers("audit-reason-named-people", &[("count", *count as i64)])
        }
        Reason::RevealingMetadata { count } => numbers(
            "audit-reason-revealing-metadata",
            &[("count", *count as i64)],
        ),
        Reason::Public => text("audit-reason-public"),
    }
}

/// `YYYY-MM-DD` (UTC) of seconds since 1970.
fn civil_date(seconds: i64) -> String {
    let z = seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil_date(0), "1970-01-01");
        assert_eq!(super::civil_date(1_672_531_200), "2023-01-01");
        assert_eq!(super::civil_date(951_782_400), "2000-02-29");
    }
}
