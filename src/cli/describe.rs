//! Plain-language text for the core's typed findings.

use photoveil_core::{Category, Finding, Severity};

use crate::i18n::text;

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
