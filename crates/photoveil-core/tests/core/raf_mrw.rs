//! Fujifilm RAF and Minolta MRW, cleaned in place: the same length, nothing moved, the private
//! data gone (the RAF preview's EXIF: dates, GPS, owner, serials, the maker note's internal
//! serial number, the thumbnail, an XMP packet; the MRW's TTW: dates, GPS, owner, caption,
//! serial, maker note), what a converter needs kept (make, model, the RAF's maker note and RAF
//! directory, the MRW's PRD, WBG and RIF blocks, the sensor data byte for byte). rawler decodes
//! the same from each original and its copy. Damaged files are refused with a clear error.

use photoveil_core::clean::{clean_bytes, clean_file, CleanOptions};
use photoveil_core::verify::PixelCheck;
use photoveil_core::{scan_bytes, Category, CleanMethod, Error, Kept};
use photoveil_fixtures as fx;

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn be32(data: &[u8], at: usize) -> usize {
    u32::from_be_bytes(data[at..at + 4].try_into().unwrap()) as usize
}

/// The RAF's (offset, length) pointer at `at` in its header, as a range.
fn raf_block(data: &[u8], at: usize) -> std::ops::Range<usize> {
    be32(data, at)..be32(data, at) + be32(data, at + 4)
}

/// The tags of the Fujifilm maker note's directory (found by its "FUJIFILM" signature).
fn fuji_note_tags(file: &[u8]) -> Vec<u16> {
    let note = find(file, b"FUJIFILM\x0C\0\0\0").expect("maker note");
    let at = note + 12;
    let n = u16::from_le_bytes([file[at], file[at + 1]]) as usize;
    (0..n)
        .map(|i| u16::from_le_bytes([file[at + 2 + 12 * i], file[at + 3 + 12 * i]]))
        .collect()
}

/// What rawler reads from a file, as text to compare.
fn rawler_reads(bytes: &[u8]) -> (Vec<u16>, String) {
    let source = rawler::rawsource::RawSource::new_from_slice(bytes);
    let image = rawler::decode(&source, &rawler::decoders::RawDecodeParams::default())
        .expect("rawler decodes the file");
    let rawler::RawImageData::Integer(samples) = &image.data else {
        panic!("integer samples expected");
    };
    let details = format!(
        "crop={:?} {} {} {:?} {:?} {:?} {:?}",
        image.crop_area,
        image.make,
        image.model,
        image.wb_coeffs,
        image.blacklevel,
        image.whitelevel,
        image.orientation
    );
    (samples.clone(), details)
}

#[test]
fn raf_scan_finds_the_private_data() {
    let (_, inspection, found) = scan_bytes(&fx::raf(1)).unwrap();
    assert!(inspection.is_raw);
    for category in [Category::Location, Category::Person, Category::Time] {
        assert!(found.iter().any(|f| f.category == category), "{found:#?}");
    }
    let serial = found
        .iter()
        .find(|f| f.tag == "FujiFilm:InternalSerialNumber")
        .expect("the maker note's serial is reported");
    assert_eq!(serial.value, fx::RAF_INTERNAL_SERIAL);
    assert!(
        found.iter().any(|f| f.value.contains(fx::SERIAL)),
        "{found:#?}"
    );
}

#[test]
fn raf_is_cleaned_in_place_keeping_what_a_converter_needs() {
    let original = fx::raf(6);
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(cleaned.kept, [Kept::Orientation(6), Kept::CameraDetails]);
    assert!(
        cleaned.verification.residual.is_empty(),
        "nothing left but what is kept on purpose: {:#?}",
        cleaned.verification.residual
    );
    let copy = &cleaned.bytes[..];
    assert_eq!(copy.len(), original.len(), "nothing moved");
    for gone in [
        fx::SERIAL,
        fx::OWNER,
        fx::LENS_SERIAL,
        fx::DATE_TAKEN,
        fx::RAF_INTERNAL_SERIAL,
        "http://ns.adobe.com/xap/1.0/",
        fx::MAKE, // the second image's EXIF
    ] {
        assert!(find(&original, gone.as_bytes()).is_some(), "{gone} planted");
        assert!(find(copy, gone.as_bytes()).is_none(), "{gone} left");
    }
    // Header, RAF directory and sensor data untouched; the preview's picture too.
    let jpeg = raf_block(&original, 0x54);
    assert_eq!(copy[..jpeg.start], original[..jpeg.start], "header");
    assert_eq!(
        copy[jpeg.end..],
        original[jpeg.end..],
        "RAF directory, sensor"
    );
    let picture = |b: &[u8]| image::load_from_memory(&b[jpeg.clone()]).unwrap().to_rgb8();
    assert_eq!(picture(copy), picture(&original));
    // Kept: make, model, orientation, and the maker note less its serial number.
    for kept in [&b"FUJIFILM\0"[..], fx::RAF_MODEL.as_bytes(), b"NORMAL \0"] {
        assert!(
            find(copy, kept).is_some(),
            "{}",
            String::from_utf8_lossy(kept)
        );
    }
    assert_eq!(fuji_note_tags(&original), [0x0000, 0x0010, 0x1000, 0x1401]);
    assert_eq!(fuji_note_tags(copy), [0x0000, 0x1000, 0x1401]);
    let (_, out, left) = scan_bytes(copy).unwrap();
    assert_eq!(out.payloads.orientation(), Some(6));
    for category in [Category::Location, Category::Person, Category::Time] {
        assert!(!left.iter().any(|f| f.category == category), "{left:#?}");
    }
    assert!(
        !left.iter().any(|f| f.tag.contains("Thumbnail")),
        "{left:#?}"
    );
}

#[test]
fn rawler_decodes_the_same_raf_from_both() {
    let original = fx::raf(1);
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    let (samples, details) = rawler_reads(&original);
    assert_eq!(
        samples,
        fx::raf_sensor(),
        "rawler reads the planted sensor data"
    );
    assert!(details.contains(fx::RAF_MODEL), "{details}");
    assert!(
        details.starts_with("crop=Some("),
        "crop read from the RAF directory: {details}"
    );
    assert_eq!(rawler_reads(&cleaned.bytes), (samples, details));
}

#[test]
fn mrw_scan_finds_the_private_data() {
    let (_, inspection, found) = scan_bytes(&fx::mrw(1)).unwrap();
    assert!(inspection.is_raw);
    assert_eq!(
        (inspection.width, inspection.height),
        (Some(fx::MRW_SENSOR.0), Some(fx::MRW_SENSOR.1))
    );
    for category in [Category::Location, Category::Person, Category::Time] {
        assert!(found.iter().any(|f| f.category == category), "{found:#?}");
    }
    assert!(
        found.iter().any(|f| f.value.contains(fx::SERIAL)),
        "{found:#?}"
    );
}

#[test]
fn mrw_is_cleaned_in_place_keeping_what_a_converter_needs() {
    let original = fx::mrw(3);
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    assert_eq!(cleaned.kept, [Kept::Orientation(3), Kept::CameraDetails]);
    assert!(
        cleaned.verification.residual.is_empty(),
        "{:#?}",
        cleaned.verification.residual
    );
    let copy = &cleaned.bytes[..];
    assert_eq!(copy.len(), original.len(), "nothing moved");
    for gone in [
        fx::SERIAL.as_bytes(),
        fx::OWNER.as_bytes(),
        fx::DATE_TAKEN.as_bytes(),
        fx::MRW_MAKER_NOTE,
    ] {
        assert!(find(&original, gone).is_some(), "planted");
        assert!(
            find(copy, gone).is_none(),
            "{} left",
            String::from_utf8_lossy(gone)
        );
    }
    // Everything but the TTW block is byte for byte the same: PRD, WBG, RIF, the sensor data.
    let ttw = find(&original, b"\0TTW").expect("TTW") + 8;
    let end = ttw + be32(&original, ttw - 4);
    assert_eq!(copy[..ttw], original[..ttw]);
    assert_eq!(copy[end..], original[end..]);
    for kept in [fx::MRW_MAKE, fx::MRW_MODEL] {
        assert!(find(copy, kept.as_bytes()).is_some(), "{kept}");
    }
    let (_, _, left) = scan_bytes(copy).unwrap();
    for category in [Category::Location, Category::Person, Category::Time] {
        assert!(!left.iter().any(|f| f.category == category), "{left:#?}");
    }
}

#[test]
fn rawler_decodes_the_same_mrw_from_both() {
    let original = fx::mrw(1);
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    let (samples, details) = rawler_reads(&original);
    assert_eq!(
        samples,
        fx::mrw_sensor(),
        "rawler reads the planted sensor data"
    );
    assert!(details.contains(fx::MRW_MODEL), "{details}");
    assert_eq!(rawler_reads(&cleaned.bytes), (samples, details));
}

/// A refusal, not a panic: the error says the file is damaged.
fn refused(bytes: &[u8]) {
    let e = clean_bytes(bytes, PixelCheck::Fast).err().expect("refused");
    assert!(matches!(e, Error::Corrupt { .. }), "{e}");
}

#[test]
fn damaged_raf_and_mrw_files_are_refused_without_panicking() {
    let raf = fx::raf(1);
    let mrw = fx::mrw(1);
    // Cut short: in the header, in the preview, in the sensor data.
    for len in [20, 0x60, 0x94 + 40, raf.len() - 3] {
        refused(&raf[..len]);
    }
    for len in [6, 20, 60, mrw.len() / 2] {
        refused(&mrw[..len]);
    }
    // Pointers past the end.
    let mut bad = raf.clone();
    bad[0x54..0x58].copy_from_slice(&u32::MAX.to_be_bytes());
    refused(&bad);
    let mut bad = raf.clone();
    let jpeg = raf_block(&raf, 0x54);
    bad[jpeg.start..jpeg.start + 2].copy_from_slice(b"XX");
    refused(&bad);
    let mut bad = mrw.clone();
    bad[4..8].copy_from_slice(&u32::MAX.to_be_bytes());
    refused(&bad);
    let mut bad = mrw.clone();
    let ttw = find(&mrw, b"\0TTW").unwrap();
    bad[ttw + 4..ttw + 8].copy_from_slice(&0x00FF_FFFFu32.to_be_bytes());
    refused(&bad);
    // A maker note whose directory points past its end cannot be cleaned: refused.
    let mut bad = raf.clone();
    let note = find(&raf, b"FUJIFILM\x0C\0\0\0").unwrap();
    bad[note + 8..note + 12].copy_from_slice(&0xFFFFu32.to_le_bytes());
    let e = clean_bytes(&bad, PixelCheck::Fast).err().expect("refused");
    assert!(matches!(e, Error::Corrupt { .. }), "{e}");
    // Every truncation of a RAF gives an error, never a panic (every 5th length).
    for len in (0..raf.len()).step_by(5) {
        assert!(clean_bytes(&raf[..len], PixelCheck::Fast).is_err(), "{len}");
    }
    // An MRW cut inside its blocks is refused; one cut in its sensor data (as trimmed samples
    // are) is still cleaned, its private data gone.
    let sensor = 8 + be32(&mrw, 4);
    for len in 0..mrw.len() {
        match clean_bytes(&mrw[..len], PixelCheck::Fast) {
            Ok(copy) => {
                assert!(len >= sensor, "{len}");
                assert!(find(&copy.bytes, fx::SERIAL.as_bytes()).is_none(), "{len}");
            }
            Err(e) => assert!(len < sensor, "{len}: {e}"),
        }
    }
    // Every single-byte flip of the headers gives a result or an error, never a panic.
    for (file, span) in [(&raf, 0..0x94), (&mrw, 0..64)] {
        for at in span {
            let mut bad = file.clone();
            bad[at] ^= 0xFF;
            let _ = clean_bytes(&bad, PixelCheck::Fast);
        }
    }
}

#[test]
fn the_cli_path_writes_a_cleaned_raf_and_mrw() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for (name, bytes) in [("a.raf", fx::raf(1)), ("b.mrw", fx::mrw(1))] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let options = CleanOptions {
            out_dir: out.clone(),
            pixel_check: PixelCheck::Fast,
        };
        let report = clean_file(&path, &options);
        assert!(report.error.is_none(), "{:?}", report.error);
        let written = std::fs::read(report.output.expect("written")).unwrap();
        assert_eq!(written.len(), bytes.len());
        assert!(find(&written, fx::SERIAL.as_bytes()).is_none());
    }
}
