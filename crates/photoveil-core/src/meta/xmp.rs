//! XMP (RDF/XML) metadata: GPS, place names, people, face regions, IDs, edit history, motion photos.

use roxmltree::{Document, Node, ParsingOptions};

use super::{clip, hidden, human_bytes};
use crate::finding::{Category, Explanation, Finding, Severity};
use crate::limits::MAX_XMP_BYTES;

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// The XMP namespaces PhotoVeil reads, with their usual prefixes for tag names.
const PREFIXES: &[(&str, &str)] = &[
    ("http://ns.adobe.com/exif/1.0/", "exif"),
    ("http://cipa.jp/exif/1.0/", "exifEX"),
    ("http://ns.adobe.com/tiff/1.0/", "tiff"),
    ("http://ns.adobe.com/exif/1.0/aux/", "aux"),
    ("http://ns.adobe.com/photoshop/1.0/", "photoshop"),
    (
        "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
        "Iptc4xmpCore",
    ),
    ("http://iptc.org/std/Iptc4xmpExt/2008-02-29/", "Iptc4xmpExt"),
    ("http://purl.org/dc/elements/1.1/", "dc"),
    ("http://ns.adobe.com/xap/1.0/rights/", "xmpRights"),
    ("http://ns.adobe.com/xap/1.0/", "xmp"),
    ("http://ns.adobe.com/xap/1.0/mm/", "xmpMM"),
    (
        "http://www.metadataworkinggroup.com/schemas/regions/",
        "mwg-rs",
    ),
    ("http://ns.microsoft.com/photo/1.2/t/Region#", "MPReg"),
    ("http://ns.microsoft.com/photo/1.0/", "MicrosoftPhoto"),
    ("http://ns.google.com/photos/1.0/camera/", "GCamera"),
    ("http://ns.google.com/photos/1.0/container/", "Container"),
    ("http://ns.adobe.com/lightroom/1.0/", "lr"),
    ("http://ns.useplus.org/ldf/xmp/1.0/", "plus"),
];

type Rule = (Category, Severity, Explanation);

/// What a property reveals, by prefix and local name.
fn rule(prefix: &str, name: &str) -> Option<Rule> {
    use Category::*;
    use Explanation as E;
    use Severity::*;
    Some(match (prefix, name) {
        ("exif", "GPSLatitude" | "GPSLongitude") => (Location, High, E::GpsPosition),
        ("exif", "GPSTimeStamp" | "GPSDateStamp") => (Location, Medium, E::GpsTime),
        ("exif", n) if n.starts_with("GPS") && n != "GPSVersionID" && !n.ends_with("Ref") => {
            (Location, Medium, E::GpsDetail)
        }
        ("photoshop", "City" | "State" | "Country")
        | ("Iptc4xmpCore", "Location" | "CountryCode")
        | (
            "Iptc4xmpExt",
            "City" | "CountryName" | "CountryCode" | "Sublocation" | "ProvinceState"
            | "LocationName",
        ) => (Location, High, E::PlaceName),
        ("tiff", "Make" | "Model") | ("aux", "Lens") | ("exifEX", "LensModel" | "LensMake") => {
            (Device, Medium, E::DeviceModel)
        }
        ("aux", "SerialNumber" | "LensSerialNumber" | "ImageNumber")
        | ("exifEX", "BodySerialNumber" | "LensSerialNumber") => (Device, High, E::SerialNumber),
        ("xmp", "CreatorTool") | ("tiff", "Software") => (Device, Low, E::Software),
        ("xmpMM", "DocumentID" | "InstanceID" | "OriginalDocumentID")
        | ("exif", "ImageUniqueID")
        | ("exifEX", "ImageUniqueID") => (Device, Medium, E::UniqueId),
        ("dc", "creator")
        | ("tiff", "Artist")
        | ("aux", "OwnerName")
        | ("exifEX", "CameraOwnerName")
        | ("photoshop", "AuthorsPosition" | "CaptionWriter" | "Credit")
        | ("xmpRights", "Owner")
        | ("plus", "LicenseeName" | "CopyrightOwnerName" | "ImageCreatorName") => {
            (Person, High, E::OwnerName)
        }
        ("dc", "rights") | ("tiff", "Copyright") | ("xmpRights", "UsageTerms" | "WebStatement") => {
            (Person, Medium, E::Copyright)
        }
        ("Iptc4xmpCore", n) if n.starts_with("Ci") => (Person, High, E::ContactDetails),
        ("dc", "title" | "description" | "subject")
        | ("photoshop", "Headline" | "Instructions")
        | ("lr", "hierarchicalSubject")
        | ("MicrosoftPhoto", "LastKeywordXMP") => (Person, Medium, E::Caption),
        ("mwg-rs", "Name") | ("MPReg", "PersonDisplayName") | ("Iptc4xmpExt", "PersonInImage") => {
            (Person, High, E::NamedPersonRegion)
        }
        ("exif", "DateTimeOriginal") | ("photoshop", "DateCreated") | ("xmp", "CreateDate") => {
            (Time, Medium, E::DateTaken)
        }
        ("exif", "DateTimeDigitized")
        | ("xmp", "ModifyDate" | "MetadataDate")
        | ("tiff", "DateTime")
        | ("MicrosoftPhoto", "DateAcquired") => (Time, Medium, E::DateModified),
        ("xmpMM", "History" | "DerivedFrom" | "Ingredients" | "Pantry")
        | ("photoshop", "History" | "DocumentAncestors") => (Hidden, Medium, E::EditHistory),
        (
            "GCamera",
            "MotionPhoto"
            | "MicroVideo"
            | "MicroVideoOffset"
            | "MotionPhotoPresentationTimestampUs",
        ) => (Hidden, High, E::MotionPhoto),
        ("Container", "Directory") => (Hidden, High, E::ExtraImages),
        _ => return None,
    })
}

/// Every finding in an XMP packet. A packet that does not parse is reported as unreadable
/// metadata, since it is still removed on cleaning.
pub fn findings(packet: &[u8]) -> Vec<Finding> {
    let unreadable = || {
        vec![hidden(
            "XMP",
            format!("unreadable XMP packet, {}", human_bytes(packet.len())),
            Severity::Medium,
            Explanation::OtherMetadata,
        )]
    };
    if packet.len() > MAX_XMP_BYTES {
        return unreadable();
    }
    let text = String::from_utf8_lossy(packet);
    let text = trim_to_xml(&text);
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: 200_000,
        ..ParsingOptions::default()
    };
    let Ok(doc) = Document::parse_with_options(text, options) else {
        return unreadable();
    };
    let mut out = Vec::new();
    let mut other = 0usize;
    let mut regions = 0usize;
    for node in doc.descendants().filter(Node::is_element) {
        let ns = node.tag_name().namespace().unwrap_or_default();
        if ns == RDF {
            if node.tag_name().name() == "Description" {
                for attr in node.attributes() {
                    let ans = attr.namespace().unwrap_or_default();
                    if ans.is_empty() || ans == RDF || ans.starts_with("http://www.w3.org/XML") {
                        continue;
                    }
                    match property(ans, attr.name(), attr.value()) {
                        Some(f) => out.push(f),
                        None => other += 1,
                    }
                }
            }
            continue;
        }
        if ns == "http://www.metadataworkinggroup.com/schemas/regions/"
            && node.tag_name().name() == "RegionList"
            || ns == "http://ns.microsoft.com/photo/1.2/t/RegionInfo#"
                && node.tag_name().name() == "Regions"
        {
            regions += node
                .descendants()
                .filter(|n| n.tag_name().name() == "li")
                .count();
        }
        let is_property = node.parent_element().is_some_and(|p| {
            p.tag_name().namespace() == Some(RDF) && p.tag_name().name() == "Description"
        });
        if ns == "adobe:ns:meta/" {
            continue;
        }
        let value = leaf_text(node);
        match property(ns, node.tag_name().name(), &value) {
            Some(f) => out.push(f),
            // Region structures are summarised by the region count and names.
            None if is_property && !value.is_empty() && node.tag_name().name() != "Regions" => {
                other += 1
            }
            None => {}
        }
    }
    if regions > 0 {
        out.push(Finding::new(
            Category::Person,
            "XMP:RegionList",
            format!("{regions} marked face or person region(s)"),
            Severity::High,
            Explanation::PersonRegion,
        ));
    }
    if other > 0 {
        out.push(hidden(
            "XMP",
            format!("{other} other XMP properties"),
            Severity::Low,
            Explanation::OtherMetadata,
        ));
    }
    out
}

/// The finding for one property, if PhotoVeil knows what it reveals.
fn property(namespace: &str, name: &str, value: &str) -> Option<Finding> {
    let prefix = PREFIXES.iter().find(|(ns, _)| *ns == namespace)?.1;
    let (category, severity, explanation) = rule(prefix, name)?;
    let value = clip(value, 200);
    if value.is_empty() {
        return None;
    }
    Some(Finding::new(
        category,
        format!("XMP:{prefix}:{name}"),
        value,
        severity,
        explanation,
    ))
}

/// The text under an element: its own text or its list items', joined with "; ".
fn leaf_text(node: Node) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for d in node.descendants().filter(|n| n.is_text()) {
        if let Some(t) = d.text().map(str::trim).filter(|t| !t.is_empty()) {
            parts.push(t);
        }
    }
    if parts.is_empty() {
        // Structures written as attributes (e.g. a history event) still count.
        let attrs = node
            .descendants()
            .filter(Node::is_element)
            .flat_map(|n| {
                n.attributes()
                    .map(|a| a.value().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|v| !v.trim().is_empty())
            .count();
        if attrs > 0 {
            return format!("{attrs} recorded value(s)");
        }
    }
    parts.join("; ")
}

/// Cuts anything before the first `<` and after the last `>`, such as padding and NULs.
fn trim_to_xml(text: &str) -> &str {
    let start = text.find('<').unwrap_or(0);
    let end = text.rfind('>').map_or(text.len(), |e| e + 1);
    text.get(start..end.max(start)).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACKET: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
 xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#" xmlns:foo="http://example.com/foo/"
 photoshop:City="Busan" foo:Bar="x" xmpMM:DocumentID="xmp.did:123">
<dc:creator><rdf:Seq><rdf:li>Kim Minji</rdf:li></rdf:Seq></dc:creator>
<xmpMM:History><rdf:Seq><rdf:li stEvt:action="saved" stEvt:softwareAgent="Editor"/></rdf:Seq></xmpMM:History>
<mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag>
<rdf:li rdf:parseType="Resource"><mwg-rs:Name>Lee Jiwoo</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type></rdf:li>
<rdf:li rdf:parseType="Resource"><mwg-rs:Type>Face</mwg-rs:Type></rdf:li>
</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#;

    #[test]
    fn finds_people_places_regions_and_history() {
        let f = findings(PACKET.as_bytes());
        let has =
            |tag: &str, value: &str| f.iter().any(|f| f.tag == tag && f.value.contains(value));
        assert!(has("XMP:photoshop:City", "Busan"), "{f:#?}");
        assert!(has("XMP:dc:creator", "Kim Minji"));
        assert!(has("XMP:mwg-rs:Name", "Lee Jiwoo"));
        assert!(has("XMP:RegionList", "2 marked"));
        assert!(has("XMP:xmpMM:DocumentID", "xmp.did:123"));
        assert!(f.iter().any(|f| f.explanation == Explanation::EditHistory));
        assert!(has("XMP", "1 other"), "only foo:Bar is unknown: {f:#?}");
    }

    #[test]
    fn garbage_is_reported_not_panicked() {
        let f = findings(b"<x:xmpmeta <<< not xml");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].explanation, Explanation::OtherMetadata);
    }
}
