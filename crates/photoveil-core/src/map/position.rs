//! A position on the Earth, and where a photo's findings give one (and a place name).

use crate::finding::{Explanation, Finding};

/// A position in signed decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoPoint {
    /// Degrees north (negative: south).
    pub lat: f64,
    /// Degrees east (negative: west).
    pub lon: f64,
}

impl GeoPoint {
    /// A position, when `lat` is within ±90 and `lon` within ±180.
    pub fn new(lat: f64, lon: f64) -> Option<GeoPoint> {
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
            .then_some(GeoPoint { lat, lon })
    }

    /// Reads a `lat, lon` position as the scanner writes it ("37.320000, -121.940000").
    pub fn parse(value: &str) -> Option<GeoPoint> {
        let (lat, lon) = value.split_once(',')?;
        GeoPoint::new(lat.trim().parse().ok()?, lon.trim().parse().ok()?)
    }
}

/// The first GPS position among a photo's findings.
pub fn gps_position(findings: &[Finding]) -> Option<GeoPoint> {
    findings
        .iter()
        .filter(|f| f.explanation == Explanation::GpsPosition)
        .find_map(|f| GeoPoint::parse(&f.value))
}

/// The place names a photo's metadata gives (city, region, country...), each once, in the order
/// found.
pub fn place_names(findings: &[Finding]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for f in findings {
        let name = f.value.trim();
        if f.explanation == Explanation::PlaceName
            && !name.is_empty()
            && !names.iter().any(|n| n == name)
        {
            names.push(name.to_string());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Category, Severity};

    fn finding(explanation: Explanation, value: &str) -> Finding {
        Finding::new(
            Category::Location,
            "test",
            value,
            Severity::High,
            explanation,
        )
    }

    #[test]
    fn positions_and_place_names_are_read_from_findings() {
        let findings = vec![
            finding(Explanation::GpsPosition, "not a position"),
            finding(Explanation::PlaceName, "Lahore"),
            finding(Explanation::GpsPosition, "31.55, 74.34"),
            finding(Explanation::PlaceName, " Lahore "),
            finding(Explanation::PlaceName, "Punjab"),
        ];
        assert_eq!(
            gps_position(&findings),
            Some(GeoPoint {
                lat: 31.55,
                lon: 74.34
            })
        );
        assert_eq!(place_names(&findings), ["Lahore", "Punjab"]);
        assert_eq!(GeoPoint::parse("91, 0"), None);
        assert_eq!(GeoPoint::parse("0, -181"), None);
        assert_eq!(gps_position(&[]), None);
    }
}
