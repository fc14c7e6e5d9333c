//! Panasonic RW2 and Phase One IIQ (issue 23), cleaned in place. An RW2 loses its GPS, owner,
//! dates and serial number, and the EXIF of its JpgFromRaw is cleaned in place (its maker note
//! without the internal serial number and the baby's name, its thumbnail's directory dropped);
//! an IIQ loses the back's serial numbers, dates and sequence ID from Phase One's directory and
//! its sensor calibration. Both keep their length, the sensor data byte for byte and what a
//! converter needs; rawler decodes the same from the original and the copy. Damaged files give
//! an error, never a panic.

use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::PixelCheck;
use photoveil_core::{scan_bytes, Category, CleanMethod, Error, Kept, RawFamily};
use photoveil_fixtures as fx;

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// rawler's decoding of a file.
fn decode(bytes: &[u8]) -> rawler::RawImage {
    let source = rawler::rawsource::RawSource::new_from_slice(bytes);
    rawler::decode(&source, &rawler::decoders::RawDecodeParams::default()).expect("rawler decodes")
}

/// rawler reads the same sensor data, levels, white balance and crop from both.
fn same_decoding(a: &rawler::RawImage, b: &rawler::RawImage) {
    assert_eq!(format!("{:?}", a.data), format!("{:?}", b.data));
    assert_eq!((&a.make, &a.model), (&b.make, &b.model));
    assert_eq!(format!("{:?}", a.wb_coeffs), format!("{:?}", b.wb_coeffs));
    assert_eq!(format!("{:?}", a.blacklevel), format!("{:?}", b.blacklevel));
    assert_eq!(format!("{:?}", a.whitelevel), format!("{:?}", b.whitelevel));
    assert_eq!(format!("{:?}", a.crop_area), format!("{:?}", b.crop_area));
    assert_eq!(a.orientation, b.orientation);
}

#[test]
fn rw2_is_cleaned_in_place_with_its_preview_exif() {
    let original = fx::rw2(6);
    let (_, inspection, found) = scan_bytes(&original).unwrap();
    assert!(inspection.is_raw);
    assert_eq!(
        inspection.payloads.exif.len(),
        2,
        "the JpgFromRaw's EXIF is scanned"
    );
    let tags: Vec<&str> = found.iter().map(|f| f.tag.as_str()).collect();
    assert!(
        tags.contains(&"EXIF:Software"),
        "the preview's IFD0: {tags:?}"
    );
    assert!(tags.contains(&"EXIF:MakerNote"), "{tags:?}");
    assert!(found.iter().any(|f| f.category == Category::Location));
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(cleaned.kept, [Kept::Orientation(6), Kept::CameraDetails]);
    assert!(
        cleaned.verification.residual.is_empty(),
        "{:#?}",
        cleaned.verification.residual
    );
    let copy = &cleaned.bytes;
    assert_eq!(copy.len(), original.len(), "nothing moved");
    for gone in [
        fx::SERIAL.as_bytes(),
        fx::OWNER.as_bytes(),
        fx::DATE_TAKEN.as_bytes(),
        fx::RW2_INTERNAL_SERIAL.as_bytes(),
        fx::RW2_BABY_NAME.as_bytes(),
        b"0002:03:04",
        b"Ver.1.0",
        fx::MAKE.as_bytes(), // the thumbnail's own EXIF, dropped with it
    ] {
        assert!(find(&original, gone).is_some(), "{} planted", text(gone));
        assert!(find(copy, gone).is_none(), "{} left", text(gone));
    }
    // The sensor data is where it was, byte for byte.
    let sensor: Vec<u8> = fx::rw2_sensor()
        .iter()
        .flat_map(|s| (s << 4).to_le_bytes())
        .collect();
    assert_eq!(find(copy, &sensor), find(&original, &sensor));
    assert!(find(copy, &sensor).is_some());
    // The JpgFromRaw draws the same picture.
    let jpeg = |bytes: &[u8]| {
        let start = find(bytes, &[0xFF, 0xD8, 0xFF]).expect("a preview");
        image::load_from_memory(&bytes[start..]).unwrap().to_rgb8()
    };
    assert_eq!(jpeg(copy), jpeg(&original));
    // Kept: make, model, the lens type and white balance of the maker note, its header.
    for kept in [
        &b"Panasonic\0\0\0"[..],
        fx::RW2_MODEL.as_bytes(),
        fx::RW2_LENS.as_bytes(),
        &[0x04, 0x80, 3, 0, 1, 0, 0, 0, 0xEB, 0x08],
    ] {
        assert!(find(copy, kept).is_some(), "{}", text(kept));
    }
    let (_, out, left) = scan_bytes(copy).unwrap();
    assert_eq!(
        out.payloads.exif.len(),
        2,
        "the preview's EXIF is still readable"
    );
    for category in [Category::Location, Category::Person, Category::Time] {
        assert!(!left.iter().any(|f| f.category == category), "{left:#?}");
    }
}

#[test]
fn rawler_decodes_the_same_rw2_from_both() {
    let original = fx::rw2(1);
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    let (a, b) = (decode(&original), decode(&cleaned.bytes));
    let rawler::RawImageData::Integer(samples) = &a.data else {
        panic!("16-bit samples expected");
    };
    assert_eq!(
        samples,
        &fx::rw2_sensor(),
        "rawler reads the planted samples"
    );
    same_decoding(&a, &b);
    assert!(a.crop_area.is_some(), "the sensor borders are read");
}

#[test]
fn iiq_is_cleaned_in_place_keeping_the_calibration() {
    let original = fx::iiq();
    let (_, inspection, found) = scan_bytes(&original).unwrap();
    assert!(inspection.is_raw);
    assert!(
        found
            .iter()
            .any(|f| f.tag == "PhaseOne:SerialNumber" && f.value == fx::IIQ_SERIAL),
        "{found:#?}"
    );
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    assert_eq!(cleaned.kept, [Kept::CameraDetails]);
    assert!(
        cleaned.verification.residual.is_empty(),
        "{:#?}",
        cleaned.verification.residual
    );
    let copy = &cleaned.bytes;
    assert_eq!(copy.len(), original.len(), "nothing moved");
    for gone in [
        fx::IIQ_SERIAL.as_bytes(),
        fx::IIQ_SEQUENCE.as_bytes(),
        &fx::IIQ_TIME.to_le_bytes(),
        &(fx::IIQ_TIME + 1).to_le_bytes(),
        fx::SERIAL.as_bytes(),
        fx::OWNER.as_bytes(),
        fx::DATE_TAKEN.as_bytes(),
        b"00004C2000700000",
        &fx::IIQ_SECOND_PREVIEW, // IFD1, dropped
    ] {
        assert!(find(&original, gone).is_some(), "{} planted", text(gone));
        assert!(find(copy, gone).is_none(), "{} left", text(gone));
    }
    let sensor: Vec<u8> = fx::iiq_sensor()
        .iter()
        .flat_map(|s| s.to_le_bytes())
        .collect();
    assert_eq!(find(copy, &sensor), find(&original, &sensor));
    for kept in [
        &b"IIIICwaR"[..],
        &b"IIII\x01\0\0\0"[..],
        b"Leaf\0",
        fx::IIQ_MODEL.as_bytes(),
        fx::IIQ_LENS.as_bytes(),
        b"Factory Firmware: 1.01.4",
        b"Digital Camera Back\0",
    ] {
        assert!(find(copy, kept).is_some(), "{}", text(kept));
    }
    // The EXIF MakerNote still points at Phase One's directory.
    let note = find(copy, &[0x7C, 0x92, 7, 0]).expect("MakerNote entry");
    assert_eq!(copy[note + 8..note + 12], 8u32.to_le_bytes());
    let (_, _, left) = scan_bytes(copy).unwrap();
    assert!(!left.iter().any(|f| f.tag == "PhaseOne:SerialNumber"));
    for category in [Category::Location, Category::Person, Category::Time] {
        assert!(!left.iter().any(|f| f.category == category), "{left:#?}");
    }
}

#[test]
fn rawler_decodes_the_same_iiq_from_both() {
    let original = fx::iiq();
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    let (a, b) = (decode(&original), decode(&cleaned.bytes));
    let rawler::RawImageData::Integer(samples) = &a.data else {
        panic!("16-bit samples expected");
    };
    let planted: Vec<u16> = fx::iiq_sensor().iter().map(|s| s << 2).collect();
    assert_eq!(samples, &planted, "rawler reads the planted samples");
    same_decoding(&a, &b);
}

#[test]
fn an_iiq_in_an_encrypted_format_is_refused() {
    // RAW 1 and RAW 2 take their key from DateTimeOriginal's bytes.
    let mut iiq = fx::iiq();
    let format = find(&iiq, &[0x0E, 0x01, 0, 0, 4, 0, 0, 0, 4, 0, 0, 0]).expect("RawFormat");
    iiq[format + 12] = 2;
    let e = clean_bytes(&iiq, PixelCheck::Fast).err().expect("refused");
    assert!(
        matches!(
            e,
            Error::RawNotCleaned {
                family: RawFamily::Iiq,
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn damaged_rw2_and_iiq_give_errors_not_panics() {
    for original in [fx::rw2(1), fx::iiq()] {
        // Cut anywhere: an error or a clean copy, never a panic.
        let step = (original.len() / 97).max(1);
        for cut in (0..original.len()).step_by(step) {
            let _ = clean_bytes(&original[..cut], PixelCheck::Fast);
        }
        // Cut before the directories end: an error.
        let cut = &original[..original.len() - 40];
        assert!(clean_bytes(cut, PixelCheck::Fast).is_err());
    }
    // Phase One's directory pointing past the end.
    let mut iiq = fx::iiq();
    iiq[16..20].copy_from_slice(&u32::MAX.to_le_bytes());
    let e = clean_bytes(&iiq, PixelCheck::Fast).err().expect("refused");
    assert!(matches!(e, Error::Corrupt { .. }), "{e}");
    // The preview's EXIF pointing past its block.
    let mut rw2 = fx::rw2(1);
    let exif = find(&rw2, b"Exif\0\0II*\0").expect("the preview's EXIF") + 10;
    rw2[exif..exif + 4].copy_from_slice(&0x00FF_FFFFu32.to_le_bytes());
    let e = clean_bytes(&rw2, PixelCheck::Fast).err().expect("refused");
    assert!(matches!(e, Error::Corrupt { .. }), "{e}");
}
