//! Photoshop image resource blocks (APP13 / TIFF tag 34377) and the IPTC-IIM records inside them.
//!
//! No maintained Rust crate reads IPTC-IIM, so this small reader is PhotoVeil's own; it only reads,
//! never writes (cleaning drops the whole block).

use super::{clip, hidden, human_bytes};
use crate::finding::{Category, Explanation, Finding, Severity};

/// The JPEG APP13 signature that precedes resource blocks.
pub const PHOTOSHOP_SIGNATURE: &[u8] = b"Photoshop 3.0\0";

/// Findings of a Photoshop resource block sequence (with or without the APP13 signature).
pub fn findings(irb: &[u8]) -> Vec<Finding> {
    let data = irb.strip_prefix(PHOTOSHOP_SIGNATURE).unwrap_or(irb);
    let mut out = Vec::new();
    let mut other = 0usize;
    for (id, block) in resources(data) {
        match id {
            0x0404 => out.extend(iim_findings(block)),
            0x0409 | 0x040C => out.push(hidden(
                "Photoshop:Thumbnail",
                format!("preview image, {}", human_bytes(block.len())),
                Severity::High,
                Explanation::Thumbnail,
            )),
            0x0424 => out.extend(super::xmp::findings(block)),
            0x0422 => out.extend(super::exif::findings(block)),
            _ => other += 1,
        }
    }
    if other > 0 {
        out.push(hidden(
            "Photoshop:Resources",
            format!("{other} Photoshop data block(s)"),
            Severity::Low,
            Explanation::EditHistory,
        ));
    }
    out
}

/// Iterates the `8BIM` resource blocks: (resource id, data).
fn resources(mut data: &[u8]) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    while data.len() >= 12 && (data.starts_with(b"8BIM") || data.starts_with(b"MeSa")) {
        let id = u16::from_be_bytes([data[4], data[5]]);
        let name_len = data[6] as usize;
        // The Pascal name (length byte + text) is padded to an even size.
        let name_total = (1 + name_len + 1) & !1;
        let Some(size_at) = 6usize.checked_add(name_total) else {
            break;
        };
        let Some(size_bytes) = data.get(size_at..size_at + 4) else {
            break;
        };
        let size = u32::from_be_bytes([size_bytes[0], size_bytes[1], size_bytes[2], size_bytes[3]])
            as usize;
        let start = size_at + 4;
        let Some(block) = start.checked_add(size).and_then(|end| data.get(start..end)) else {
            break;
        };
        out.push((id, block));
        let next = start + size + (size & 1);
        data = data.get(next..).unwrap_or_default();
    }
    out
}

/// Findings of raw IPTC-IIM data sets (`0x1C record dataset length value` ...).
pub fn iim_findings(mut data: &[u8]) -> Vec<Finding> {
    let mut out = Vec::new();
    while data.len() >= 5 && data[0] == 0x1C {
        let (record, dataset) = (data[1], data[2]);
        let len = u16::from_be_bytes([data[3], data[4]]) as usize;
        if len & 0x8000 != 0 {
            break; // extended lengths only appear in huge binary data sets
        }
        let Some(value) = data.get(5..5 + len) else {
            break;
        };
        if record == 2 {
            out.extend(dataset_finding(dataset, value));
        }
        data = &data[5 + len..];
    }
    out
}

fn dataset_finding(dataset: u8, value: &[u8]) -> Option<Finding> {
    use Category::*;
    use Explanation as E;
    use Severity::*;
    let (name, category, severity, explanation) = match dataset {
        5 => ("ObjectName", Person, Medium, E::Caption),
        25 => ("Keywords", Person, Medium, E::Caption),
        55 => ("DateCreated", Time, Medium, E::DateTaken),
        60 => ("TimeCreated", Time, Medium, E::DateTaken),
        62 => ("DigitalCreationDate", Time, Medium, E::DateModified),
        80 => ("By-line", Person, High, E::OwnerName),
        85 => ("By-lineTitle", Person, Medium, E::OwnerName),
        90 => ("City", Location, High, E::PlaceName),
        92 => ("Sub-location", Location, High, E::PlaceName),
        95 => ("Province-State", Location, High, E::PlaceName),
        100 => (
            "Country-PrimaryLocationCode",
            Location,
            Medium,
            E::PlaceName,
        ),
        101 => ("Country-PrimaryLocationName", Location, High, E::PlaceName),
        105 => ("Headline", Person, Medium, E::Caption),
        110 => ("Credit", Person, High, E::OwnerName),
        115 => ("Source", Person, Medium, E::Copyright),
        116 => ("CopyrightNotice", Person, Medium, E::Copyright),
        118 => ("Contact", Person, High, E::ContactDetails),
        120 => ("Caption-Abstract", Person, Medium, E::Caption),
        122 => ("Writer-Editor", Person, High, E::OwnerName),
        _ => return None,
    };
    let text = clip(&String::from_utf8_lossy(value), 200);
    (!text.is_empty()).then(|| {
        Finding::new(
            category,
            format!("IPTC:{name}"),
            text,
            severity,
            explanation,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(n: u8, v: &str) -> Vec<u8> {
        let mut d = vec![0x1C, 2, n];
        d.extend((v.len() as u16).to_be_bytes());
        d.extend(v.as_bytes());
        d
    }

    #[test]
    fn reads_iptc_inside_photoshop_blocks() {
        let mut iim = dataset(80, "Park Seoyeon");
        iim.extend(dataset(90, "Daegu"));
        let mut irb = PHOTOSHOP_SIGNATURE.to_vec();
        irb.extend(b"8BIM\x04\x04\0\0");
        irb.extend((iim.len() as u32).to_be_bytes());
        irb.extend(&iim);
        if iim.len() % 2 == 1 {
            irb.push(0);
        }
        let f = findings(&irb);
        assert!(
            f.iter()
                .any(|f| f.tag == "IPTC:By-line" && f.value == "Park Seoyeon"),
            "{f:?}"
        );
        assert!(f
            .iter()
            .any(|f| f.tag == "IPTC:City" && f.category == Category::Location));
    }

    #[test]
    fn truncated_blocks_do_not_panic() {
        for cut in 0..20 {
            let data = b"8BIM\x04\x04\0\0\0\0\0\x10\x1c\x02\x50\0\x05abc";
            let _ = findings(&data[..cut.min(data.len())]);
        }
    }
}
