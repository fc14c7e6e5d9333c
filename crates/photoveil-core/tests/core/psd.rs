//! Photoshop documents (issue 23): the scan finds the metadata in the image resources; the clean
//! copy keeps the header, colour mode data, the resources that draw the document, the layers and
//! the flattened picture byte for byte, and nothing else; damaged sizes fail with one clear error.

use std::time::{Duration, Instant};

use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::{PictureCheck, PixelCheck};
use photoveil_core::{scan_bytes, CleanMethod, Error, Finding, ImageFormat, Kept};
use photoveil_fixtures as fx;

fn has(findings: &[Finding], tag: &str, value: &str) -> bool {
    findings
        .iter()
        .any(|f| f.tag == tag && f.value.contains(value))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn psd_scan_finds_every_planted_resource() {
    let (format, inspection, findings) = scan_bytes(&fx::psd(6, 4)).unwrap();
    assert_eq!(format, ImageFormat::Psd);
    assert_eq!((inspection.width, inspection.height), (Some(6), Some(4)));
    assert!(
        has(&findings, "EXIF:GPSPosition", fx::GPS_TEXT),
        "{findings:#?}"
    );
    assert!(has(&findings, "EXIF:BodySerialNumber", fx::SERIAL));
    assert!(has(&findings, "EXIF:CameraOwnerName", fx::OWNER));
    assert!(
        findings.iter().any(|f| f.value.contains(fx::BYLINE)),
        "IPTC"
    );
    assert!(has(&findings, "XMP:mwg-rs:Name", fx::REGION_NAME));
    assert!(findings.iter().any(|f| f.tag == "Photoshop:Thumbnail"));
    assert!(has(&findings, "Photoshop:Caption", fx::PSD_CAPTION));
    assert!(has(&findings, "Photoshop:Path", fx::PSD_PATH_NAME));
    assert!(findings.iter().any(|f| f.tag == "Photoshop:PrintInfo"));
    assert!(has(&findings, "Photoshop:URL", "example.org"));
}

#[test]
fn psd_copy_keeps_the_document_and_loses_the_metadata() {
    let original = fx::psd(6, 4);
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    assert_eq!(cleaned.format, ImageFormat::Psd);
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(cleaned.kept, [Kept::IccProfile]);
    assert_eq!(
        cleaned.verification.picture,
        PictureCheck::IdenticalCodedData
    );
    assert!(cleaned.verification.residual.is_empty());
    let copy = &cleaned.bytes;
    let (_, _, left) = scan_bytes(copy).unwrap();
    assert!(left.is_empty(), "{left:#?}");
    for planted in [
        fx::SERIAL,
        fx::OWNER,
        fx::BYLINE,
        fx::REGION_NAME,
        fx::PSD_CAPTION,
        fx::PSD_PATH_NAME,
        fx::PSD_PRINTER,
        "example.org",
    ] {
        assert!(!contains(copy, planted.as_bytes()), "{planted} left");
    }
    // Kept: the header, resolution, profile, version info, the layers (with the layer's name:
    // part of the document) and the flattened picture, which ends the file.
    assert_eq!(copy[..30], original[..30]);
    assert!(contains(copy, fx::FAKE_ICC));
    let expected = fx::psd_with(
        6,
        4,
        &[
            fx::psd_resource(
                0x03ED,
                "",
                &[0, 72, 0, 0, 0, 1, 0, 1, 0, 72, 0, 0, 0, 1, 0, 1],
            ),
            fx::psd_resource(0x040F, "", fx::FAKE_ICC),
            fx::psd_resource(0x0421, "", &[0, 0, 0, 1, 1]),
        ],
    );
    assert_eq!(copy.as_ref(), expected.as_slice());
}

#[test]
fn psd_without_metadata_is_copied_as_it_is() {
    let plain = fx::psd_with(5, 3, &[fx::psd_resource(0x03ED, "", &[0; 16])]);
    let cleaned = clean_bytes(&plain, PixelCheck::Fast).unwrap();
    assert_eq!(cleaned.bytes.as_ref(), plain.as_slice());
}

#[test]
fn psd_with_huge_declared_sizes_fails_fast_with_one_clear_error() {
    let good = fx::psd(6, 4);
    let resources_at = 30;
    let first_size_at = resources_at + 4 + 8;
    for (what, at) in [
        ("resources section", resources_at),
        ("a resource", first_size_at),
        ("colour mode data", 26),
    ] {
        let mut bad = good.clone();
        bad[at..at + 4].copy_from_slice(&u32::MAX.to_be_bytes());
        let start = Instant::now();
        let e = clean_bytes(&bad, PixelCheck::Fast).err().expect(what);
        assert!(start.elapsed() < Duration::from_secs(1), "{what}");
        assert!(
            matches!(
                e,
                Error::Corrupt {
                    format: ImageFormat::Psd,
                    ..
                }
            ),
            "{what}: {e}"
        );
        assert!(e.to_string().starts_with("damaged psd file: "), "{e}");
    }
    // A 300000 x 300000 document is not decoded, so its declared size costs nothing.
    let mut huge = good.clone();
    huge[14..18].copy_from_slice(&300_000u32.to_be_bytes());
    huge[18..22].copy_from_slice(&300_000u32.to_be_bytes());
    let (_, inspection, _) = scan_bytes(&huge).unwrap();
    assert_eq!(inspection.width, Some(300_000));
}
