//! PhotoVeil's limits on hostile files: the file size it reads, EXIF/TIFF directory loops and
//! chains, XMP size and depth, and pictures that claim far more pixels than they hold. Each
//! must end quickly (watchdog) with a clear error or a valid result.

use crate::support;

use photoveil_core::clean::clean_bytes;
use photoveil_core::decode::decode_displayed;
use photoveil_core::error::Error;
use photoveil_core::limits::{MAX_FILE_BYTES, MAX_XMP_BYTES};
use photoveil_core::scan::scan_file;
use photoveil_core::verify::PixelCheck;
use photoveil_core::{clean_file, scan_bytes, CleanOptions, ImageFormat};
use support::build::{
    entry, heif_with_items, ifd_len, jpeg_with_exif, png_chunk, png_claiming, png_with, tiff,
};
use support::within_time_limit;

const LONG: u16 = 4;
const SHORT: u16 = 3;
const EXIF_POINTER: u16 = 0x8769;
const GPS_POINTER: u16 = 0x8825;

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("huge.jpg");
    let file = std::fs::File::create(&path).expect("create");
    std::io::Write::write_all(&mut &file, &[0xFF, 0xD8, 0xFF, 0xE0]).expect("write");
    // Sparse: takes no disk space.
    file.set_len(MAX_FILE_BYTES + 1).expect("set length");
    let out = dir.path().join("out");
    let (scan, clean) = {
        let (path, out) = (path.clone(), out.clone());
        within_time_limit("huge.jpg", move || {
            let options = CleanOptions {
                out_dir: out,
                pixel_check: PixelCheck::Fast,
            };
            (scan_file(&path), clean_file(&path, &options))
        })
    };
    for error in [scan.error, clean.error] {
        assert!(
            matches!(error, Some(Error::FileTooLarge { bytes, limit })
                if bytes == MAX_FILE_BYTES + 1 && limit == MAX_FILE_BYTES),
            "{error:?}"
        );
    }
    assert!(clean.output.is_none());
    assert!(support::names_in(&out).is_empty());
}

/// EXIF blocks whose directories loop or chain far: IFD0 pointing at itself, the EXIF and GPS
/// sub-directories pointing back at IFD0, and a chain of 500 directories.
fn looping_exif_blocks() -> Vec<(&'static str, Vec<u8>)> {
    let width = || entry(0x0100, SHORT, 1, 8);
    let chain: Vec<(Vec<Vec<u8>>, u32)> = (0..500u32)
        .map(|i| {
            (
                vec![width()],
                if i == 499 {
                    0
                } else {
                    8 + (i + 1) * ifd_len(1)
                },
            )
        })
        .collect();
    vec![
        ("IFD0 -> IFD0", tiff(&[(vec![width()], 8)])),
        (
            "IFD0 -> IFD1 -> IFD0",
            tiff(&[(vec![width()], 8 + ifd_len(1)), (vec![width()], 8)]),
        ),
        (
            "EXIF IFD -> IFD0",
            tiff(&[(vec![entry(EXIF_POINTER, LONG, 1, 8)], 0)]),
        ),
        (
            "GPS IFD -> GPS IFD",
            tiff(&[(vec![width(), entry(GPS_POINTER, LONG, 1, 8)], 0)]),
        ),
        ("500 chained IFDs", tiff(&chain)),
    ]
}

#[test]
fn directory_loops_and_long_chains_end_quickly_in_every_container() {
    for (name, block) in looping_exif_blocks() {
        let png_exif = png_chunk(b"eXIf", &block);
        let containers = [
            ("TIFF", block.clone()),
            ("JPEG", jpeg_with_exif(&block)),
            ("PNG", png_with(&[png_exif])),
        ];
        for (container, bytes) in containers {
            let what = format!("{name} in {container}");
            let (scanned, cleaned) = within_time_limit(&what, move || {
                (
                    scan_bytes(&bytes).map(|(format, _, findings)| (format, findings)),
                    clean_bytes(&bytes, PixelCheck::Fast).map(|c| c.verification.residual),
                )
            });
            if container == "TIFF" {
                // The picture's own directories are broken: a clear error, nothing written.
                assert!(
                    matches!(
                        scanned,
                        Err(Error::Corrupt {
                            format: ImageFormat::Tiff,
                            ..
                        })
                    ),
                    "{what}: {scanned:?}"
                );
                assert!(cleaned.is_err(), "{what}");
            } else {
                // The picture is fine; the broken EXIF block is reported and removed.
                let (_, findings) = scanned.unwrap_or_else(|e| panic!("{what}: {e}"));
                assert!(
                    findings.iter().any(|f| f.tag.starts_with("EXIF")),
                    "{what}: {findings:?}"
                );
                let residual = cleaned.unwrap_or_else(|e| panic!("{what}: {e}"));
                assert!(residual.is_empty(), "{what}: {residual:?}");
            }
        }
    }
}

fn xmp_chunk(packet: &[u8]) -> Vec<u8> {
    let mut body = b"XML:com.adobe.xmp\0\0\0\0\0".to_vec();
    body.extend_from_slice(packet);
    png_chunk(b"iTXt", &body)
}

fn xmp_with_name(name: &str, padding: usize) -> Vec<u8> {
    format!(
        r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>{name}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>{}"#,
        " ".repeat(padding)
    )
    .into_bytes()
}

#[test]
fn xmp_over_the_size_limit_is_reported_but_not_parsed() {
    let small = png_with(&[xmp_chunk(&xmp_with_name("Robin Limitless", 0))]);
    let (_, _, findings) = scan_bytes(&small).expect("scan");
    assert!(
        findings.iter().any(|f| f.value.contains("Robin Limitless")),
        "a normal packet is read: {findings:?}"
    );
    let huge = png_with(&[xmp_chunk(&xmp_with_name("Robin Limitless", MAX_XMP_BYTES))]);
    let findings = within_time_limit("17 MiB XMP", move || scan_bytes(&huge))
        .expect("scan")
        .2;
    assert!(
        findings
            .iter()
            .any(|f| f.tag == "XMP" && f.value.starts_with("unreadable XMP packet")),
        "{findings:?}"
    );
    assert!(!findings.iter().any(|f| f.value.contains("Robin Limitless")));
}

#[test]
fn deeply_nested_xmp_does_not_overflow_the_stack() {
    let depth = 200_000;
    let mut packet = "<a>".repeat(depth);
    packet.push_str(&"</a>".repeat(depth));
    let png = png_with(&[xmp_chunk(packet.as_bytes())]);
    let result = within_time_limit("nested XMP", move || {
        (
            scan_bytes(&png).map(|s| s.2.len()),
            clean_bytes(&png, PixelCheck::Fast).map(|c| c.verification.residual.len()),
        )
    });
    assert!(matches!(result, (Ok(n), Ok(0)) if n >= 1), "{result:?}");
}

#[test]
fn a_picture_claiming_100000_by_100000_pixels_fails_fast_with_a_clear_error() {
    let bomb = png_claiming(100_000, 100_000);
    assert!(bomb.len() < 4096, "a few KB: {}", bomb.len());
    let copy = bomb.clone();
    let decoded = within_time_limit("100000x100000 PNG", move || {
        decode_displayed(ImageFormat::Png, &copy).map(|_| ())
    });
    let message = decoded.as_ref().map_err(ToString::to_string);
    assert!(
        matches!(
            decoded,
            Err(Error::TooManyPixels {
                width: 100_000,
                height: 100_000
            }) | Err(Error::Decode(_))
        ),
        "{message:?}"
    );
    assert!(
        message.is_err_and(|m| m.contains("too large")),
        "the message says why"
    );
    // Scanning reads only the metadata and works; cleaning with a pixel check refuses.
    let copy = bomb.clone();
    let (scanned, cleaned) = within_time_limit("100000x100000 PNG clean", move || {
        (
            scan_bytes(&copy).map(|s| (s.1.width, s.1.height)),
            clean_bytes(&copy, PixelCheck::Decode).map(|_| ()),
        )
    });
    assert_eq!(scanned.expect("scan"), (Some(100_000), Some(100_000)));
    assert!(cleaned.is_err(), "the pixel check cannot decode it");
}

#[test]
fn heif_items_pointing_at_the_same_data_many_times_are_refused() {
    // 2,000 EXIF items, each 64 KB long, all at the same place: 128 MB to read from 100 KB.
    let mut payload = b"\0\0\0\0MM\0*\0\0\0\x08\0\0\0\0\0\0".to_vec();
    payload.resize(64 << 10, 0);
    let heif = heif_with_items(2_000, b"Exif", |_| (0, 64 << 10), &payload);
    assert!(heif.len() < 200 << 10);
    let result = within_time_limit("overlapping HEIF items", move || {
        (
            scan_bytes(&heif).map(|_| ()),
            clean_bytes(&heif, PixelCheck::Fast).map(|_| ()),
        )
    });
    for r in [result.0, result.1] {
        assert!(
            matches!(&r, Err(Error::Corrupt { format: ImageFormat::Heif, detail }) if detail.contains("many times")),
            "{r:?}"
        );
    }
    // One item there is a normal file.
    let mut payload = b"\0\0\0\0MM\0*\0\0\0\x08\0\0\0\0\0\0".to_vec();
    payload.resize(64 << 10, 0);
    assert!(scan_bytes(&heif_with_items(1, b"Exif", |_| (0, 64 << 10), &payload)).is_ok());
}

#[test]
fn a_heif_with_the_most_items_its_tables_can_hold_is_read_in_linear_time() {
    // 65,535 picture items with one small extent each: matching locations to items must not
    // compare every pair (4 billion comparisons).
    let count = u16::MAX;
    let payload = vec![7u8; usize::from(count) * 4];
    let heif = heif_with_items(count, b"hvc1", |id| (u32::from(id - 1) * 4, 4), &payload);
    let result = within_time_limit("65535 HEIF items", move || {
        (
            scan_bytes(&heif).map(|s| s.0),
            clean_bytes(&heif, PixelCheck::Fast).map(|c| c.bytes.len()),
        )
    });
    assert_eq!(result.0.expect("scans"), ImageFormat::Heif);
    let _ = result.1;
}
