//! Canon CR3 (ISO base media boxes) is cleaned in place: the fixture's GPS, serial numbers
//! (body, lens, maker note's, internal), owner, artist, copyright, dates (EXIF, movie headers,
//! timed metadata), unique IDs and XMP creator are gone from the bytes; the length, the sensor
//! data and what a converter reads (make, model, lens, camera settings, colour data, the CRX
//! descriptions) stay; rawler reads the same camera, white balance, levels and crop from both.
//! A cut or damaged file is refused with a clear error, never a panic.

use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::PixelCheck;
use photoveil_core::{scan_bytes, Category, CleanMethod, Kept};
use photoveil_fixtures as fx;

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// The white balance as the colour data stores it (little-endian 16-bit values).
fn wb_bytes() -> Vec<u8> {
    fx::CR3_WB.iter().flat_map(|v| v.to_le_bytes()).collect()
}

#[test]
fn scan_finds_the_private_data_of_a_cr3() {
    let (_, inspection, found) = scan_bytes(&fx::cr3()).expect("scanned");
    assert!(inspection.is_raw);
    assert_eq!(
        (inspection.width, inspection.height),
        (Some(6000), Some(4000))
    );
    let value = |tag: &str| {
        found
            .iter()
            .find(|f| f.tag == tag)
            .map(|f| f.value.clone())
            .unwrap_or_else(|| panic!("{tag} not found in {found:#?}"))
    };
    assert_eq!(value("EXIF:GPSPosition"), fx::GPS_TEXT);
    assert_eq!(value("EXIF:BodySerialNumber"), fx::SERIAL);
    assert_eq!(value("EXIF:LensSerialNumber"), fx::LENS_SERIAL);
    assert_eq!(value("EXIF:CameraOwnerName"), fx::OWNER);
    assert_eq!(value("Canon:SerialNumber"), fx::CR3_SERIAL.to_string());
    assert_eq!(value("Canon:InternalSerialNumber"), fx::CR3_INTERNAL_SERIAL);
    assert_eq!(value("Canon:OwnerName"), fx::OWNER);
    assert_eq!(value("QuickTime:CreateDate"), "2021-07-04 10:20:30");
    assert_eq!(value("Canon:TimeStamp"), "2021-07-04 10:20:30");
    assert!(
        found.iter().any(|f| f.value.contains(fx::CR3_CREATOR)),
        "XMP creator"
    );
    for category in [
        Category::Location,
        Category::Person,
        Category::Time,
        Category::Device,
    ] {
        assert!(found.iter().any(|f| f.category == category), "{category:?}");
    }
}

#[test]
fn cr3_is_cleaned_in_place_keeping_what_a_converter_needs() {
    let original = fx::cr3();
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(cleaned.kept, [Kept::CameraDetails]);
    assert!(
        cleaned.verification.residual.is_empty(),
        "nothing left but what is kept on purpose: {:#?}",
        cleaned.verification.residual
    );
    let copy = &cleaned.bytes;
    assert_eq!(copy.len(), original.len(), "nothing moved");
    let movie_time = 3_708_238_830u32.to_be_bytes();
    for gone in [
        fx::SERIAL.as_bytes(),
        fx::OWNER.as_bytes(),
        fx::LENS_SERIAL.as_bytes(),
        fx::DATE_TAKEN.as_bytes(),
        fx::CR3_INTERNAL_SERIAL.as_bytes(),
        fx::CR3_CREATOR.as_bytes(),
        b"(c) Jane Example",
        &fx::CR3_UNIQUE_ID,
        &fx::CR3_SERIAL.to_le_bytes(),
        &movie_time,
        &[0xE5, 0x07, 7, 4, 10, 20, 30], // the timed metadata's timestamp
        b"Exif\0\0",                     // the thumbnail's, preview's and JPEG's own EXIF
    ] {
        assert!(find(&original, gone).is_some(), "planted");
        assert!(
            find(copy, gone).is_none(),
            "{} left",
            String::from_utf8_lossy(gone)
        );
    }
    // The sensor data is where it was, byte for byte; so are the boxes that describe it.
    assert_eq!(find(copy, fx::CR3_SENSOR), find(&original, fx::CR3_SENSOR));
    for kept in [
        &b"Canon\0"[..],
        fx::CR3_MODEL.as_bytes(),
        fx::CR3_LENS.as_bytes(),
        b"CanonCR3_001/00.09.00/00.00.00",
        b"CMP1",
        b"IAD1",
    ] {
        assert_eq!(
            count(copy, kept),
            count(&original, kept),
            "{}",
            String::from_utf8_lossy(kept)
        );
    }
    // The colour data of CMT3 and of the timed metadata both stay.
    assert_eq!(count(copy, &wb_bytes()), 2);
    // The preview's picture is the same.
    let jpeg = |bytes: &[u8]| {
        let start = find(bytes, &[0xFF, 0xD8, 0xFF]).expect("a JPEG");
        image::load_from_memory(&bytes[start..]).unwrap().to_rgb8()
    };
    assert_eq!(jpeg(copy), jpeg(&original));
    // The fresh scan finds no place, person or time; make and model are what is left.
    let (_, _, left) = scan_bytes(copy).unwrap();
    for category in [Category::Location, Category::Person, Category::Time] {
        assert!(!left.iter().any(|f| f.category == category), "{left:#?}");
    }
    let tags: Vec<&str> = left.iter().map(|f| f.tag.as_str()).collect();
    assert!(
        tags.contains(&"EXIF:Make") && tags.contains(&"EXIF:Model"),
        "{tags:?}"
    );
    assert!(!tags.iter().any(|t| t.starts_with("Canon:")), "{tags:?}");
}

/// rawler parses the CR3 boxes, the three TIFF blocks and the timed metadata of both files and
/// reads the same camera, white balance, black and white levels and crop (its "dummy" decode:
/// the fixture's sensor bytes are not CRX-coded, so the samples themselves are not decoded).
#[test]
fn rawler_reads_the_same_metadata_from_both() {
    let original = fx::cr3();
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    let read = |bytes: &[u8]| {
        let source = rawler::rawsource::RawSource::new_from_slice(bytes);
        rawler::decode_dummy(&source).expect("rawler reads the CR3")
    };
    let (a, b) = (read(&original), read(&cleaned.bytes));
    assert_eq!(a.clean_model, "EOS M50");
    assert_eq!((&a.make, &a.model), (&b.make, &b.model));
    let [r, g, _, bl] = fx::CR3_WB.map(f32::from);
    assert_eq!(
        a.wb_coeffs[0],
        r / g,
        "the timed metadata's colour data is read"
    );
    assert_eq!(a.wb_coeffs[2], bl / g);
    assert_eq!(format!("{:?}", a.wb_coeffs), format!("{:?}", b.wb_coeffs));
    assert_eq!(format!("{:?}", a.blacklevel), format!("{:?}", b.blacklevel));
    assert_eq!(format!("{:?}", a.whitelevel), format!("{:?}", b.whitelevel));
    assert!(format!("{:?}", a.whitelevel).contains(&fx::CR3_WHITE.to_string()));
    assert_eq!(format!("{:?}", a.crop_area), format!("{:?}", b.crop_area));
    assert!(a.crop_area.is_some(), "IAD1 is read");
    assert_eq!((a.width, a.height), (b.width, b.height));
}

#[test]
fn a_cut_or_damaged_cr3_is_refused_without_panic() {
    let original = fx::cr3();
    for cut in [12, 40, 100, original.len() / 2, original.len() - 5] {
        let result = clean_bytes(&original[..cut], PixelCheck::Fast);
        assert!(result.is_err(), "cut at {cut}");
    }
    // A timed-metadata record that claims more than its sample.
    let mut damaged = original.clone();
    let at = find(&damaged, &[1, 1, 0, 1, 0xFF, 0xFF]).expect("record 7") - 6;
    damaged[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(clean_bytes(&damaged, PixelCheck::Fast).is_err());
    // A maker note that is not a TIFF block.
    let mut damaged = original.clone();
    let at = find(&damaged, b"CMT3").expect("CMT3") + 4;
    damaged[at..at + 4].copy_from_slice(b"XXXX");
    assert!(clean_bytes(&damaged, PixelCheck::Fast).is_err());
    // Every byte flipped in turn in the boxes' headers: an error or a clean copy, never a panic.
    for i in (0..original.len()).step_by(7) {
        let mut damaged = original.clone();
        damaged[i] ^= 0xA5;
        let _ = clean_bytes(&damaged, PixelCheck::Fast);
    }
}
