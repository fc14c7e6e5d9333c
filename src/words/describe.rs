//! Plain-language text for the core's typed findings and audit advice.

use photoveil_core::audit::{PersonGroup, Progress, Reason, Recommendation};
use photoveil_core::{Category, Finding, Severity};

use crate::i18n::{text, text_with, FluentValue};

/// "Location", "Device", ...
pub fn category(category: Category) -> String {
    let key = match category {
        Category::Location => "category-location",
        Category::Device => "category-device",
        Category::Person => "category-person",
        Category::Time => "category-time",
        Category::Hidden => "category-hidden",
    };
    text(key)
}

/// "low", "medium", "high".
pub fn severity(severity: Severity) -> String {
    let key = match severity {
        Severity::Low => "severity-low",
        Severity::Medium => "severity-medium",
        Severity::High => "severity-high",
    };
    text(key)
}

/// One line per finding: severity, category, value, tag, then the explanation.
pub fn finding(f: &Finding) -> String {
    format!(
        "  [{:<6}] {:<14} {}  ({})\n           {}",
        severity(f.severity),
        category(f.category),
        f.value,
        f.tag,
        text(&f.explanation.key())
    )
}

/// One person of an audit: in how many photos, how many public, how many clear enough for a
/// face swap.
pub fn group(group: &PersonGroup) -> String {
    numbers(
        "audit-group",
        &[
            ("id", group.id as i64 + 1),
            ("photos", group.photos as i64),
            ("public", group.public_posts as i64),
            ("swappable", group.swappable as i64),
        ],
    )
}

/// What the audit advises doing about a photo, in words.
pub fn recommendation(recommendation: Recommendation) -> String {
    text(match recommendation {
        Recommendation::DeletePost => "audit-do-delete-post",
        Recommendation::ReplaceWithProtectedCopy => "audit-do-replace-protected",
        Recommendation::CleanMetadata => "audit-do-clean-metadata",
        Recommendation::NothingToDo => "audit-do-nothing",
    })
}

/// A translated message with number arguments.
pub fn numbers(key: &str, args: &[(&str, i64)]) -> String {
    let args: Vec<(&str, FluentValue<'_>)> = args.iter().map(|&(k, v)| (k, v.into())).collect();
    text_with(key, &args)
}

/// A translated message with text arguments.
pub fn words(key: &str, args: &[(&str, &str)]) -> String {
    let args: Vec<(&str, FluentValue<'_>)> = args.iter().map(|&(k, v)| (k, v.into())).collect();
    text_with(key, &args)
}

/// One reason of the audit's ranking, in words.
pub fn reason(reason: &Reason) -> String {
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
pub fn civil_date(seconds: i64) -> String {
    let (year, month, day) = photoveil_core::calendar::civil_from_days(seconds.div_euclid(86_400));
    format!("{year:04}-{month:02}-{day:02}")
}

/// `12.3 MB` (decimal megabytes, as file managers show them).
pub fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// What a running audit is doing ("12 of 340 photos and videos checked").
pub fn audit_progress(progress: Progress) -> String {
    match progress {
        Progress::ReadingExport { read, total } => text_with(
            "audit-progress-reading",
            &[
                ("read", megabytes(read).into()),
                ("total", megabytes(total).into()),
            ],
        ),
        Progress::Analysing { done, total } => text_with(
            "audit-progress-analysing",
            &[("done", done.into()), ("total", total.into())],
        ),
        Progress::GroupingPeople => text("audit-progress-grouping"),
    }
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
