//! Metadata payloads found inside containers, and the findings they yield.
//!
//! Containers ([`crate::container`]) only locate payloads; the analysers here read them:
//! EXIF (TIFF structure), XMP (RDF/XML), IPTC-IIM inside Photoshop resource blocks.

pub(crate) mod exif;
pub(crate) mod iptc;
pub(crate) mod video;
mod xmp;

use crate::finding::{Category, Explanation, Finding, Severity};

/// The metadata payloads a container holds, as raw bytes, plus container-level hidden content.
#[derive(Debug, Default)]
pub struct Payloads {
    /// EXIF payloads: TIFF-structured bytes starting at the `II*\0`/`MM\0*` header.
    pub exif: Vec<Vec<u8>>,
    /// XMP packets (RDF/XML text).
    pub xmp: Vec<Vec<u8>>,
    /// Photoshop image resource blocks (`8BIM...`), which carry IPTC-IIM.
    pub photoshop: Vec<Vec<u8>>,
    /// Findings the container itself produced (comments, trailing data, text chunks...).
    pub container_findings: Vec<Finding>,
}

impl Payloads {
    /// Reads every payload and returns all findings, container findings first.
    pub fn findings(&self) -> Vec<Finding> {
        let mut findings = self.container_findings.clone();
        for exif in &self.exif {
            findings.extend(exif::findings(exif));
        }
        for xmp in &self.xmp {
            findings.extend(xmp::findings(xmp));
        }
        for irb in &self.photoshop {
            findings.extend(iptc::findings(irb));
        }
        dedup(&mut findings);
        findings
    }

    /// The EXIF orientation (1-8) of the picture, if any payload records one.
    pub fn orientation(&self) -> Option<u16> {
        self.exif.iter().find_map(|e| exif::orientation(e))
    }
}

/// Removes exact duplicates (the same tag and value found twice, e.g. in EXIF and its XMP mirror
/// under the same name) while keeping order.
fn dedup(findings: &mut Vec<Finding>) {
    let mut seen = std::collections::HashSet::new();
    findings.retain(|f| seen.insert((f.tag.clone(), f.value.clone())));
}

/// Builds a finding for data hidden in the container (not metadata fields).
pub fn hidden(
    tag: impl Into<String>,
    value: impl Into<String>,
    severity: Severity,
    explanation: Explanation,
) -> Finding {
    Finding::new(Category::Hidden, tag, value, severity, explanation)
}

/// Shortens a value for display, on a character boundary.
pub fn clip(text: &str, max_chars: usize) -> String {
    let trimmed = text.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    if trimmed.chars().count() <= max_chars {
        trimmed.to_string()
    } else {
        let mut s: String = trimmed.chars().take(max_chars).collect();
        s.push('…');
        s
    }
}

/// Formats a byte count for people: `812 bytes`, `14.2 KB`, `3.1 MB`.
pub fn human_bytes(bytes: usize) -> String {
    let b = bytes as f64;
    if b < 1000.0 {
        format!("{bytes} bytes")
    } else if b < 1e6 {
        format!("{:.1} KB", b / 1e3)
    } else {
        format!("{:.1} MB", b / 1e6)
    }
}
