//! Nikon NEF (issue 23). A NEF whose maker note stores the colour balance and lens data in the
//! clear (D1, D100, D2H, D70...) is cleaned in place: GPS, the serial numbers (EXIF and maker
//! note), shutter count, owner, artist, dates, world time and power-up time are gone; the file
//! keeps its length, the sensor data byte for byte and what a converter needs (make, model, the
//! colour balance, lens data, NEF compression). rawler decodes the same sensor data and white
//! balance from both. A NEF whose colour balance is enciphered with the serial number stays
//! refused, and nothing is written.

use photoveil_core::clean::{clean_bytes, kept_on_purpose};
use photoveil_core::verify::PixelCheck;
use photoveil_core::{scan_bytes, Category, CleanMethod, Error, Kept, RawFamily, RawRefusal};
use photoveil_fixtures as fx;

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn decode(bytes: &[u8]) -> rawler::RawImage {
    let source = rawler::rawsource::RawSource::new_from_slice(bytes);
    rawler::decode(&source, &rawler::decoders::RawDecodeParams::default()).expect("rawler decodes")
}

#[test]
fn a_nef_with_its_colour_balance_in_the_clear_is_cleaned_in_place() {
    let original = fx::nef();
    let (_, inspection, found) = scan_bytes(&original).expect("scanned");
    assert!(inspection.is_raw);
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
        fx::NEF_SERIAL.as_bytes(),
        fx::NEF_OLD_SERIAL.as_bytes(),
        &fx::NEF_SHUTTER_COUNT.to_le_bytes(),
        &fx::NEF_POWER_UP,
        fx::NEF_CAPTURE_DATA,
        fx::SERIAL.as_bytes(),
        fx::LENS_SERIAL.as_bytes(),
        fx::OWNER.as_bytes(),
        fx::DATE_TAKEN.as_bytes(),
    ] {
        assert!(find(&original, private).is_some());
        assert!(
            find(copy, private).is_none(),
            "{:?} is still in the copy",
            String::from_utf8_lossy(private)
        );
    }
    let sensor = fx::nef_sensor();
    assert_eq!(find(&original, &sensor), find(copy, &sensor));
    assert!(find(copy, fx::NEF_MODEL.as_bytes()).is_some());
    assert!(find(copy, b"0103").is_some(), "colour balance kept");

    let (_, _, left) = scan_bytes(copy).expect("the copy scans");
    let residual: Vec<_> = left
        .iter()
        .filter(|f| !kept_on_purpose(&cleaned.kept, f))
        .filter(|f| f.category != Category::Hidden)
        .collect();
    assert!(residual.is_empty(), "{residual:#?}");

    let (a, b) = (decode(&original), decode(copy));
    assert_eq!(a.width, b.width);
    assert_eq!(a.height, b.height);
    // (The fourth coefficient is NaN for a three-colour camera, so compare as text.)
    assert_eq!(format!("{:?}", a.wb_coeffs), format!("{:?}", b.wb_coeffs));
    assert!(
        a.wb_coeffs[0].is_finite() && a.wb_coeffs[0] > 1.0,
        "{:?}",
        a.wb_coeffs
    );
    assert_eq!((&a.make, &a.model), (&b.make, &b.model));
    let (rawler::RawImageData::Integer(x), rawler::RawImageData::Integer(y)) = (&a.data, &b.data)
    else {
        panic!("integer sensor data expected");
    };
    assert_eq!(x, y);
    assert!(x.iter().any(|&v| v != 0));
}

#[test]
fn a_nef_whose_colour_balance_is_keyed_by_the_serial_stays_refused() {
    let keyed = fx::nef_keyed();
    assert!(scan_bytes(&keyed).expect("scanned").1.is_raw);
    let e = clean_bytes(&keyed, PixelCheck::Fast)
        .err()
        .expect("refused");
    assert!(
        matches!(
            e,
            Error::RawNotCleaned {
                family: RawFamily::Nef,
                why: RawRefusal::SerialDecryptsColour
            }
        ),
        "{e}"
    );
}

#[test]
fn damaged_nefs_are_refused_with_a_reason_never_a_panic() {
    let original = fx::nef();
    for cut in (8..original.len()).step_by(41) {
        if let Err(e) = clean_bytes(&original[..cut], PixelCheck::Fast) {
            assert!(!e.to_string().is_empty());
        }
    }
    let note = find(&original, b"Nikon\0").expect("maker note");
    for at in note..note + 40 {
        let mut damaged = original.clone();
        damaged[at] ^= 0xFF;
        if let Err(e) = clean_bytes(&damaged, PixelCheck::Fast) {
            assert!(!e.to_string().is_empty());
        }
    }
}
