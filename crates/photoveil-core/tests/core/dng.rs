//! DNG cleaned in place (issue 23): GPS, serial numbers, owner and artist names, dates, the maker
//! note, DNGPrivateData and the preview's own EXIF are gone; the file keeps its length, its
//! sensor data at the same offset byte for byte, its previews, Make, Model and the DNG colour
//! tags a converter needs. Other TIFF-based RAW files are refused with the plain message.

use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::PixelCheck;
use photoveil_core::{scan_bytes, Category, CleanMethod, Error, Kept};
use photoveil_fixtures as fx;

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn dng_scan_finds_what_it_gives_away() {
    let (_, inspection, findings) = scan_bytes(&fx::dng(6)).unwrap();
    assert!(inspection.is_raw);
    let has = |tag: &str, value: &str| {
        findings
            .iter()
            .any(|f| f.tag == tag && f.value.contains(value))
    };
    assert!(has("EXIF:GPSPosition", fx::GPS_TEXT), "{findings:#?}");
    assert!(has("EXIF:BodySerialNumber", fx::SERIAL));
    assert!(has("EXIF:LensSerialNumber", fx::LENS_SERIAL));
    assert!(has("EXIF:CameraOwnerName", fx::OWNER));
    assert!(has("EXIF:Artist", fx::OWNER));
    assert!(has("EXIF:0xC62F", fx::SERIAL));
}

#[test]
fn dng_is_cleaned_in_place_keeping_what_a_converter_needs() {
    let original = fx::dng(6);
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(cleaned.kept, [Kept::Orientation(6), Kept::CameraDetails]);
    assert_eq!(cleaned.verification.orientation, Some(6));
    let copy = &cleaned.bytes;
    assert_eq!(copy.len(), original.len(), "nothing moved");
    for gone in [
        fx::SERIAL,
        fx::OWNER,
        fx::LENS_SERIAL,
        fx::DATE_TAKEN,
        fx::DNG_MAKER_NOTE,
        "Raw Converter",
        "xmpmeta",
    ] {
        assert!(find(copy, gone.as_bytes()).is_none(), "{gone} left");
    }
    // The sensor data is where it was, byte for byte.
    let sensor = fx::dng_sensor();
    assert_eq!(find(copy, &sensor), find(&original, &sensor));
    assert!(find(copy, &sensor).is_some());
    // Kept on purpose: make, model and the camera model DNG names; the previews.
    let (_, _, left) = scan_bytes(copy).unwrap();
    assert!(
        !left.iter().any(|f| f.category == Category::Location),
        "{left:#?}"
    );
    assert!(
        !left.iter().any(|f| f.category == Category::Person),
        "{left:#?}"
    );
    assert!(
        !left.iter().any(|f| f.category == Category::Time),
        "{left:#?}"
    );
    let kept_tags: Vec<&str> = left.iter().map(|f| f.tag.as_str()).collect();
    for tag in ["EXIF:Make", "EXIF:Model"] {
        assert!(kept_tags.contains(&tag), "{kept_tags:?}");
    }
    // Make and model are kept on purpose, and the copy says so; anything else a fresh scan finds
    // would be left behind, and the report would say so.
    assert!(
        cleaned.kept.contains(&Kept::CameraDetails),
        "{:?}",
        cleaned.kept
    );
    let not_on_purpose: Vec<&str> = kept_tags
        .iter()
        .copied()
        .filter(|t| !["EXIF:Make", "EXIF:Model", "EXIF:0xC614", "EXIF:LensModel"].contains(t))
        .collect();
    let residual: Vec<&str> = cleaned
        .verification
        .residual
        .iter()
        .map(|f| f.tag.as_str())
        .collect();
    assert_eq!(residual, not_on_purpose, "the report says what is left");
    let exif = exif::Reader::new()
        .read_raw(copy.to_vec())
        .expect("the copy reads");
    for tag in [0xC612u16, 0xC614, 0xC621, 0xC628, 0x829A] {
        assert!(
            exif.fields().any(|f| f.tag.number() == tag),
            "tag 0x{tag:04X} kept"
        );
    }
    // The sensor data's directory (a sub-IFD, which the EXIF reader does not follow) is
    // untouched: its CFA pattern entry is where it was.
    let cfa = [0x8E, 0x82, 1, 0, 4, 0, 0, 0, 0, 1, 1, 2];
    assert_eq!(find(copy, &cfa), find(&original, &cfa));
    assert!(find(copy, &cfa).is_some());
    // The preview still decodes to the same pixels, without its own EXIF.
    let jpeg = |bytes: &[u8]| {
        let start = find(bytes, &[0xFF, 0xD8, 0xFF]).expect("a preview");
        image::load_from_memory(&bytes[start..]).unwrap().to_rgb8()
    };
    assert_eq!(jpeg(copy), jpeg(&original));
    assert!(find(copy, b"Exif\0\0").is_none());
}

#[test]
fn other_tiff_based_raw_files_are_refused_plainly() {
    // A TIFF with SubIFDs and no DNGVersion stands for CR2, NEF, ARW: scanned, not cleaned.
    let mut raw = fx::dng(1);
    let at = find(&raw, &[0x12, 0xC6, 1, 0]).expect("DNGVersion entry");
    raw[at..at + 2].copy_from_slice(&0xC6FFu16.to_le_bytes());
    assert!(scan_bytes(&raw).unwrap().1.is_raw);
    let e = clean_bytes(&raw, PixelCheck::Fast).err().expect("refused");
    assert!(
        matches!(
            e,
            Error::RawNotCleaned {
                family: photoveil_core::RawFamily::Other,
                why: photoveil_core::RawRefusal::MakerNoteNotHandled,
            }
        ),
        "{e}"
    );
}

#[test]
fn private_data_overlapping_the_sensor_data_is_refused() {
    let mut bad = fx::dng(1);
    let sensor_at = find(&bad, &fx::dng_sensor()).unwrap() as u32;
    // Point the maker note's value at the sensor data.
    let note = find(&bad, &[0x7C, 0x92, 7, 0]).expect("MakerNote entry");
    bad[note + 8..note + 12].copy_from_slice(&sensor_at.to_le_bytes());
    let e = clean_bytes(&bad, PixelCheck::Fast).err().expect("refused");
    assert!(e.to_string().contains("overlaps the picture data"), "{e}");
}

/// A maintained RAW decoder (rawler, dnglab's) decodes the same sensor data, levels, white
/// balance, colour matrices and orientation from the original and from the copy.
#[test]
fn rawler_decodes_the_same_sensor_data_from_both() {
    let original = fx::dng(6);
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    let decode = |bytes: &[u8]| {
        let source = rawler::rawsource::RawSource::new_from_slice(bytes);
        rawler::decode(&source, &rawler::decoders::RawDecodeParams::default())
            .expect("rawler decodes the DNG")
    };
    let (a, b) = (decode(&original), decode(&cleaned.bytes));
    assert_eq!(
        (a.width, a.height),
        (fx::DNG_SENSOR.0 as usize, fx::DNG_SENSOR.1 as usize)
    );
    let rawler::RawImageData::Integer(samples) = &a.data else {
        panic!("16-bit samples expected");
    };
    let expected: Vec<u16> = fx::dng_sensor()
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    assert_eq!(samples, &expected, "rawler reads the planted sensor data");
    assert_eq!(format!("{:?}", a.data), format!("{:?}", b.data));
    assert_eq!((&a.make, &a.model), (&b.make, &b.model));
    // Debug text: the fourth coefficient of an RGB sensor is NaN, never equal to itself.
    assert_eq!(format!("{:?}", a.wb_coeffs), format!("{:?}", b.wb_coeffs));
    assert_eq!(format!("{:?}", a.blacklevel), format!("{:?}", b.blacklevel));
    assert_eq!(format!("{:?}", a.whitelevel), format!("{:?}", b.whitelevel));
    assert_eq!(
        format!("{:?}", a.color_matrix),
        format!("{:?}", b.color_matrix)
    );
    assert_eq!(
        format!("{:?}", a.photometric),
        format!("{:?}", b.photometric)
    );
    assert_eq!(a.orientation, b.orientation);
}
