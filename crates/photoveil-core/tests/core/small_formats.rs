//! Small formats (issue 23): Netpbm (PBM, PGM, PPM, PAM), bare JPEG 2000 codestreams, Kyocera
//! RAW and Canon CRW. The scan finds the private data planted in hand-built fixtures; the copy
//! loses it and keeps the picture (decoded pixels for Netpbm, raster or sensor bytes for the
//! others); damaged files fail with a clear error, never a panic.

use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::{verify_clean, PixelCheck};
use photoveil_core::{scan_bytes, CleanMethod, Error, Finding, ImageFormat};
use photoveil_fixtures as fx;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn tags(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.tag.as_str()).collect()
}

/// Every prefix of `data` and a few damaged copies: each is scanned and cleaned without a panic,
/// and the ones refused say so with a typed error.
fn damaged_never_panic(data: &[u8]) {
    for len in 0..data.len() {
        let _ = scan_bytes(&data[..len]);
        let _ = clean_bytes(&data[..len], PixelCheck::Fast);
    }
    for at in 0..data.len() {
        for value in [0x00, 0xFF, b'9', b'#'] {
            let mut bad = data.to_vec();
            bad[at] = value;
            let _ = scan_bytes(&bad);
            let _ = clean_bytes(&bad, PixelCheck::Fast);
        }
    }
}

// ---- Netpbm ----

#[test]
fn pnm_scan_finds_every_comment() {
    for kind in 1..=7u8 {
        let data = fx::pnm(kind, 255);
        let (format, inspection, findings) = scan_bytes(&data).unwrap();
        assert_eq!(format, ImageFormat::Pnm, "P{kind}");
        assert_eq!(
            (inspection.width, inspection.height),
            (Some(fx::PNM_SIZE.0), Some(fx::PNM_SIZE.1))
        );
        assert!(
            findings
                .iter()
                .any(|f| f.tag == "PNM:Comment" && f.value.contains(&fx::pnm_comment())),
            "P{kind}: {findings:#?}"
        );
    }
}

#[test]
fn pnm_copy_has_no_comment_and_the_same_pixels() {
    for (kind, maxval) in [
        (1, 1),
        (2, 255),
        (2, 1000),
        (3, 255),
        (4, 1),
        (5, 255),
        (5, 4095),
    ]
    .into_iter()
    .chain([(6, 255), (6, 65535), (7, 255), (7, 300)])
    {
        let original = fx::pnm(kind, maxval);
        let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
        assert_eq!(cleaned.format, ImageFormat::Pnm);
        let expected = if kind <= 3 {
            CleanMethod::LosslessReencode
        } else {
            CleanMethod::Lossless
        };
        assert_eq!(cleaned.method, expected, "P{kind}");
        assert!(cleaned.verification.residual.is_empty());
        let copy = &cleaned.bytes;
        assert!(!contains(copy, b"#"), "P{kind}: a comment is left");
        assert!(!contains(copy, fx::OWNER.as_bytes()));
        let (_, _, left) = scan_bytes(copy).unwrap();
        assert!(left.is_empty(), "{left:#?}");
        // The real decoder draws the same pixels from both.
        let a = image::load_from_memory_with_format(&original, image::ImageFormat::Pnm).unwrap();
        let b = image::load_from_memory_with_format(copy, image::ImageFormat::Pnm).unwrap();
        assert_eq!(a.color(), b.color(), "P{kind}");
        assert_eq!(a.as_bytes(), b.as_bytes(), "P{kind}/{maxval}");
        // The binary raster is the end of the file, byte for byte.
        if kind >= 4 {
            let raster = &copy[header_len(copy)..];
            assert!(!raster.is_empty());
            assert!(original.ends_with(raster), "P{kind}");
            assert!(copy.len() < original.len());
        }
        // Decoding verification agrees.
        clean_bytes(&original, PixelCheck::Decode).expect("verified by decoding");
    }
}

/// The length of a clean header written by PhotoVeil: up to the line with the maxval (or the
/// size for bitmaps, `ENDHDR` for PAM).
fn header_len(copy: &[u8]) -> usize {
    let lines = match copy[1] {
        b'1' | b'4' => 2,
        b'7' => {
            copy.split(|&b| b == b'\n')
                .position(|l| l == b"ENDHDR")
                .unwrap()
                + 1
        }
        _ => 3,
    };
    let mut at = 0;
    for _ in 0..lines {
        at += copy[at..].iter().position(|&b| b == b'\n').unwrap() + 1;
    }
    at
}

#[test]
fn pnm_keeps_every_picture_of_a_file_and_drops_trailing_data() {
    let mut data = fx::pnm(6, 255);
    data.extend(fx::pnm(5, 255));
    data.extend(b"\nsecret notes of Jane\n");
    let (_, _, findings) = scan_bytes(&data).unwrap();
    assert!(
        tags(&findings).contains(&"PNM:TrailingData"),
        "{findings:#?}"
    );
    let cleaned = clean_bytes(&data, PixelCheck::Fast).unwrap();
    let copy = &cleaned.bytes;
    assert!(!contains(copy, b"secret"));
    let second = copy.windows(2).rposition(|w| w == b"P5").unwrap();
    let first = clean_bytes(&fx::pnm(6, 255), PixelCheck::Fast).unwrap();
    assert_eq!(&copy[..second], &first.bytes[..]);
    let lone = clean_bytes(&fx::pnm(5, 255), PixelCheck::Fast).unwrap();
    assert_eq!(&copy[second..], &lone.bytes[..]);
}

#[test]
fn pnm_mat2_style_plain_ppm_with_comments_between_samples() {
    let data = b"P3\n# A metadata\n3 2 1\n1 0 1   0 1 0   0 0 1\n# And an other one\n1 1 0   1 0 1   1 0 0\n";
    let (_, _, findings) = scan_bytes(data).unwrap();
    assert_eq!(
        findings.iter().filter(|f| f.tag == "PNM:Comment").count(),
        2,
        "{findings:#?}"
    );
    // The `image` decoder refuses comments among the samples; verification compares the samples
    // read by PhotoVeil, and the copy decodes like the file without its comment lines.
    let cleaned = clean_bytes(data, PixelCheck::Fast).unwrap();
    assert_eq!(
        &cleaned.bytes[..],
        b"P3\n3 2\n1\n1 0 1 0 1 0 0 0 1\n1 1 0 1 0 1 1 0 0\n"
    );
    // `clean --verify-pixels` cleans it too (the original does not decode: its samples are
    // compared instead), and a changed sample is still caught.
    let checked = clean_bytes(data, PixelCheck::Decode).expect("verified by its samples");
    assert_eq!(checked.bytes, cleaned.bytes);
    let (_, inspection, _) = scan_bytes(data).unwrap();
    let tampered = bytes::Bytes::from_static(b"P3\n3 2\n1\n1 0 1 0 1 0 0 0 1\n1 1 0 1 0 1 1 0 1\n");
    for check in [PixelCheck::Decode, PixelCheck::Fast] {
        let refused = verify_clean(ImageFormat::Pnm, data, &inspection, &tampered, check);
        assert!(refused.is_err(), "a changed sample passed {check:?}");
    }
    let uncommented: Vec<u8> = data
        .split_inclusive(|&b| b == b'\n')
        .filter(|line| !line.starts_with(b"#"))
        .flatten()
        .copied()
        .collect();
    let a = image::load_from_memory_with_format(&uncommented, image::ImageFormat::Pnm).unwrap();
    let b = image::load_from_memory_with_format(&cleaned.bytes, image::ImageFormat::Pnm).unwrap();
    assert_eq!(a.as_bytes(), b.as_bytes());
    assert_eq!(a.as_bytes().len(), 6 * 3);
}

#[test]
fn pnm_damaged_or_huge_gives_a_clear_error() {
    let huge = b"P6\n100000 100000\n255\n\0\0\0";
    assert!(matches!(scan_bytes(huge), Err(Error::TooManyPixels { .. })));
    let short = &fx::pnm(6, 255)[..30];
    assert!(matches!(
        clean_bytes(short, PixelCheck::Fast),
        Err(Error::Corrupt {
            format: ImageFormat::Pnm,
            ..
        })
    ));
    for bad in [
        &b"P5\n2 2\n0\n\0\0\0\0"[..],
        b"P2\n2 1\n10\n5 11\n",
        b"P7\nWIDTH 2\nENDHDR\n",
        b"P5\n99999999999 2\n255\n",
        b"P1\n2 1\n0 2\n",
    ] {
        assert!(
            matches!(scan_bytes(bad), Err(Error::Corrupt { .. })),
            "{:?}",
            String::from_utf8_lossy(bad)
        );
    }
    for kind in 1..=7 {
        damaged_never_panic(&fx::pnm(kind, 300));
    }
}

// ---- Bare JPEG 2000 codestream ----

/// Where `needle` starts in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap()
}

#[test]
fn j2c_main_header_comments_are_found_and_removed() {
    let original = fx::j2c(true);
    let (format, inspection, findings) = scan_bytes(&original).unwrap();
    assert_eq!(format, ImageFormat::Jp2);
    assert_eq!((inspection.width, inspection.height), (Some(8), Some(8)));
    assert!(
        findings
            .iter()
            .any(|f| f.tag == "J2C:Comment" && f.value == fx::j2c_comment()),
        "{findings:#?}"
    );
    assert!(findings
        .iter()
        .any(|f| f.tag == "J2C:Comment" && f.value.starts_with("binary comment")));
    // The tile-part's comment is counted by its tile-part's length: it is not a finding.
    assert_eq!(findings.len(), 2, "{findings:#?}");

    let cleaned = clean_bytes(&original, PixelCheck::Fast).unwrap();
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert!(cleaned.verification.residual.is_empty());
    let copy = &cleaned.bytes;
    assert!(!contains(copy, fx::OWNER.as_bytes()));
    // Exactly the two comment segments went; everything else is the same bytes in order.
    let text_com = 6 + fx::j2c_comment().len();
    let binary_com = 6 + 4;
    assert_eq!(copy.len(), original.len() - text_com - binary_com);
    assert_eq!(copy[..], fx::j2c(false)[..]);
    let tile = find(&original, &[0xFF, 0x90]);
    assert!(copy.ends_with(&original[tile..]));
    assert!(contains(copy, fx::J2C_TILE_COMMENT.as_bytes()));
    assert!(contains(copy, fx::J2C_DATA));
}

#[test]
fn j2c_without_comments_is_copied_unchanged() {
    let original = fx::j2c(false);
    let (_, _, findings) = scan_bytes(&original).unwrap();
    assert!(findings.is_empty(), "{findings:#?}");
    let cleaned = clean_bytes(&original, PixelCheck::Fast).unwrap();
    assert_eq!(cleaned.method, CleanMethod::Unchanged);
    assert_eq!(cleaned.bytes[..], original[..]);
}

#[test]
fn j2c_damaged_gives_a_clear_error() {
    let original = fx::j2c(true);
    let tile = find(&original, &[0xFF, 0x90]);
    for len in [4, 20, tile - 3, tile + 1] {
        assert!(
            matches!(
                scan_bytes(&original[..len]),
                Err(Error::Corrupt {
                    format: ImageFormat::Jp2,
                    ..
                })
            ),
            "{len}"
        );
    }
    damaged_never_panic(&original);
}

// ---- Kyocera RAW ----

#[test]
fn kyocera_date_is_found_and_zeroed_in_place() {
    let original = fx::kyocera();
    let (format, inspection, findings) = scan_bytes(&original).unwrap();
    assert_eq!(format, ImageFormat::CameraRaw);
    assert!(inspection.is_raw);
    assert!(
        findings
            .iter()
            .any(|f| f.tag == "Kyocera:DateTimeOriginal" && f.value == fx::KYOCERA_DATE),
        "{findings:#?}"
    );
    let cleaned = clean_bytes(&original, PixelCheck::Fast).unwrap();
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(cleaned.kept, [photoveil_core::Kept::CameraDetails]);
    assert!(cleaned.verification.residual.is_empty());
    let copy = &cleaned.bytes;
    assert_eq!(copy.len(), original.len());
    assert!(copy[0x21..0x35].iter().all(|&b| b == 0));
    // Every other byte stays: make, model, exposure, lens and the sensor data.
    assert_eq!(copy[..0x21], original[..0x21]);
    assert_eq!(copy[0x35..], original[0x35..]);
    assert!(copy.ends_with(&fx::kyocera_sensor()));
    assert!(contains(copy, fx::KYOCERA_LENS.as_bytes()));
    let (_, _, left) = scan_bytes(copy).unwrap();
    assert!(left.is_empty(), "{left:#?}");
}

#[test]
fn kyocera_short_header_gives_a_clear_error() {
    let original = fx::kyocera();
    assert!(matches!(
        scan_bytes(&original[..100]),
        Err(Error::Corrupt {
            format: ImageFormat::CameraRaw,
            ..
        })
    ));
    damaged_never_panic(&original);
}

// ---- Canon CRW ----

fn has(findings: &[Finding], tag: &str, value: &str) -> bool {
    findings
        .iter()
        .any(|f| f.tag == tag && f.value.contains(value))
}

#[test]
fn crw_scan_finds_the_private_records() {
    let (format, inspection, findings) = scan_bytes(&fx::crw(false)).unwrap();
    assert_eq!(format, ImageFormat::CameraRaw);
    assert!(inspection.is_raw);
    assert!(has(&findings, "CRW:OwnerName", fx::OWNER), "{findings:#?}");
    assert!(has(
        &findings,
        "CRW:SerialNumber",
        &fx::CRW_SERIAL.to_string()
    ));
    assert!(has(&findings, "CRW:DateTimeOriginal", fx::CRW_DATE));
    assert!(has(&findings, "CRW:FileName", fx::CRW_FILE_NAME));
    assert!(has(&findings, "CRW:UserComment", fx::CRW_COMMENT));
    assert!(has(&findings, "CRW:FileNumber", "1161602"));
    assert!(has(&findings, "CRW:FileDescription", "EOS DIGITAL REBEL"));
}

#[test]
fn crw_copy_zeroes_the_private_records_in_place() {
    let original = fx::crw(false);
    let cleaned = clean_bytes(&original, PixelCheck::Fast).unwrap();
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(cleaned.kept, [photoveil_core::Kept::CameraDetails]);
    assert!(cleaned.verification.residual.is_empty());
    let copy = &cleaned.bytes;
    assert_eq!(copy.len(), original.len());
    for gone in [
        fx::OWNER.as_bytes(),
        fx::CRW_FILE_NAME.as_bytes(),
        fx::CRW_COMMENT.as_bytes(),
        &fx::CRW_SERIAL.to_le_bytes()[..],
        &fx::CRW_TIME.to_le_bytes()[..],
    ] {
        assert!(contains(&original, gone));
        assert!(!contains(copy, gone), "{gone:?} left");
    }
    // Kept where they were: the sensor data, make and model, firmware, the tables.
    let sensor = fx::crw_sensor();
    let at = find(&original, &sensor);
    assert_eq!(copy[at..at + sensor.len()], sensor[..]);
    let mm = find(&original, fx::CRW_MAKE_MODEL);
    assert_eq!(find(copy, fx::CRW_MAKE_MODEL), mm);
    assert!(contains(copy, b"Firmware Version 1.1.1"));
    // Only zeroes were written: each byte is the original's or 0.
    let changed = original.iter().zip(copy.iter()).filter(|(a, b)| a != b);
    assert!(changed.clone().all(|(_, &b)| b == 0));
    assert!(changed.count() > 40);
    let (_, _, left) = scan_bytes(copy).unwrap();
    assert!(left.is_empty(), "{left:#?}");
}

/// What rawler reads from a CRW: the samples and the camera's details, as text to compare.
fn rawler_reads(bytes: &[u8]) -> (Vec<u16>, String) {
    let source = rawler::rawsource::RawSource::new_from_slice(bytes);
    let image = rawler::decode(&source, &rawler::decoders::RawDecodeParams::default())
        .expect("rawler decodes the file");
    let rawler::RawImageData::Integer(samples) = &image.data else {
        panic!("integer samples expected");
    };
    let details = format!(
        "{} {} {}x{} crop={:?} {:?} {:?} {:?}",
        image.make,
        image.model,
        image.width,
        image.height,
        image.crop_area,
        image.wb_coeffs,
        image.blacklevel,
        image.whitelevel,
    );
    (samples.clone(), details)
}

#[test]
fn rawler_decodes_the_same_crw_from_both() {
    for trailer in [false, true] {
        let original = fx::crw(trailer);
        let cleaned = clean_bytes(&original, PixelCheck::Fast).unwrap();
        let (samples, details) = rawler_reads(&original);
        let (w, h) = fx::CRW_SENSOR_SIZE;
        assert_eq!(samples.len(), usize::from(w) * usize::from(h));
        assert!(samples.iter().any(|&s| s != samples[0]), "{details}");
        assert!(details.contains("EOS DIGITAL REBEL 128x16"), "{details}");
        assert_eq!(rawler_reads(&cleaned.bytes), (samples, details));
    }
}

#[test]
fn crw_recipe_trailer_with_xmp_is_reported_and_left_out() {
    let original = fx::crw(true);
    let (_, _, findings) = scan_bytes(&original).unwrap();
    assert!(
        findings.iter().any(|f| f.tag == "CRW:CanonVRD"),
        "{findings:#?}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f.tag.starts_with("XMP:") && f.value.contains(fx::CRW_XMP_CREATOR)),
        "{findings:#?}"
    );
    let cleaned = clean_bytes(&original, PixelCheck::Fast).unwrap();
    let copy = &cleaned.bytes;
    assert!(!contains(copy, fx::CRW_XMP_CREATOR.as_bytes()));
    assert!(!contains(copy, b"CANON OPTIONAL DATA"));
    // The heap is the same as in a file that never had the trailer, cleaned.
    let plain = clean_bytes(&fx::crw(false), PixelCheck::Fast).unwrap();
    assert_eq!(copy[..], plain.bytes[..]);
}

#[test]
fn crw_damaged_gives_a_clear_error() {
    let original = fx::crw(false);
    for len in [20, 40, original.len() - 2] {
        assert!(
            matches!(
                scan_bytes(&original[..len]),
                Err(Error::Corrupt {
                    format: ImageFormat::CameraRaw,
                    ..
                })
            ),
            "{len}"
        );
    }
    damaged_never_panic(&original);
    damaged_never_panic(&fx::crw(true));
}
