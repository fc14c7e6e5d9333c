//! Sigma X3F (issue 23) is cleaned in place: the header's ImageUniqueID (which starts with the
//! serial number), the properties naming the serial number, the owner's name for the camera and
//! the time taken, and the JPEG preview's GPS, serials, owner and dates are gone; the file keeps
//! its length, the sensor data byte for byte, the make and model (in the properties and in the
//! preview's EXIF, where converters find the camera) and every other property.

use photoveil_core::clean::{clean_bytes, kept_on_purpose};
use photoveil_core::verify::PixelCheck;
use photoveil_core::{scan_bytes, Category, CleanMethod, Error, ImageFormat, Kept};
use photoveil_fixtures as fx;

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

#[test]
fn x3f_is_cleaned_in_place_keeping_the_sensor_data_and_the_camera() {
    let original = fx::x3f();
    let (format, inspection, found) = scan_bytes(&original).expect("scanned");
    assert_eq!(format, ImageFormat::CameraRaw);
    assert!(inspection.is_raw);
    for tag in [
        "X3F:CAMSERIAL",
        "X3F:CAMNAME",
        "X3F:TIME",
        "X3F:ImageUniqueID",
    ] {
        assert!(found.iter().any(|f| f.tag == tag), "{tag}: {found:#?}");
    }
    // The preview's EXIF is read too.
    for category in [Category::Location, Category::Person, Category::Time] {
        assert!(
            found.iter().any(|f| f.category == category),
            "{category:?}: {found:#?}"
        );
    }

    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(cleaned.kept, [Kept::CameraDetails]);
    let copy = &cleaned.bytes;
    assert_eq!(copy.len(), original.len());
    for private in [
        fx::X3F_SERIAL.as_bytes().to_vec(),
        utf16(fx::X3F_SERIAL),
        utf16(fx::X3F_CAMERA_NAME),
        utf16(fx::X3F_TIME),
        fx::SERIAL.as_bytes().to_vec(),
        fx::LENS_SERIAL.as_bytes().to_vec(),
        fx::OWNER.as_bytes().to_vec(),
        fx::DATE_TAKEN.as_bytes().to_vec(),
    ] {
        assert!(find(&original, &private).is_some());
        assert!(
            find(copy, &private).is_none(),
            "{:?} is still in the copy",
            String::from_utf8_lossy(&private)
        );
    }
    // Kept: the sensor data byte for byte, the camera in the properties and in the preview.
    let sensor = fx::x3f_sensor();
    assert_eq!(find(&original, &sensor), find(copy, &sensor));
    assert!(find(copy, &utf16(fx::X3F_MODEL)).is_some());
    assert!(find(copy, &utf16("SIGMA")).is_some());
    assert!(find(copy, fx::MAKE.as_bytes()).is_some());
    assert!(find(copy, fx::MODEL.as_bytes()).is_some());

    let (_, _, left) = scan_bytes(copy).expect("the copy scans");
    let residual: Vec<_> = left
        .iter()
        .filter(|f| !kept_on_purpose(&cleaned.kept, f))
        .filter(|f| f.category != Category::Hidden)
        .collect();
    assert!(residual.is_empty(), "{residual:#?}");
}

#[test]
fn damaged_x3f_files_are_refused_with_a_reason_never_a_panic() {
    let original = fx::x3f();
    for cut in (8..original.len()).step_by(37) {
        let mut damaged = original[..cut].to_vec();
        // Keep a plausible directory pointer at the end, pointing anywhere.
        damaged.extend((cut as u32 / 2).to_le_bytes());
        if let Err(e) = clean_bytes(&damaged, PixelCheck::Fast) {
            assert!(!e.to_string().is_empty());
        }
    }
    let mut wild = original.clone();
    let end = wild.len();
    wild[end - 4..].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(matches!(
        clean_bytes(&wild, PixelCheck::Fast),
        Err(Error::Corrupt { .. })
    ));
    // Version 4 (Quattro) files are refused as not read.
    let mut quattro = original;
    quattro[4..8].copy_from_slice(&0x0004_0000u32.to_le_bytes());
    assert!(matches!(
        clean_bytes(&quattro, PixelCheck::Fast),
        Err(Error::RawNotCleaned { .. })
    ));
}
