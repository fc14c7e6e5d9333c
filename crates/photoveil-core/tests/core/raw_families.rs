//! Camera RAW families other than DNG (issue 23). Canon CR2 is cleaned in place: GPS, serial
//! numbers, owner and artist names, dates, the maker note's owner, serial numbers, camera info
//! and unique ID, and the preview's own EXIF are gone; the file keeps its length, every offset,
//! the sensor data byte for byte, and what a converter needs (make, model, the maker note's
//! settings, model ID, sensor info, lens model). rawler decodes the same sensor data from both.
//! The other families are refused with their own reason, and nothing is written.

use photoveil_core::clean::{clean_bytes, clean_file, CleanOptions};
use photoveil_core::verify::PixelCheck;
use photoveil_core::{
    scan_bytes, Category, CleanMethod, Error, ImageFormat, Kept, RawFamily, RawRefusal,
};
use photoveil_fixtures as fx;

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The lossless JPEG stream of the fixture's sensor samples, as Canon writes them.
fn sensor_stream() -> Vec<u8> {
    let (w, h) = fx::CR2_SENSOR;
    let samples = fx::cr2_sensor();
    rawler::ljpeg92::LjpegCompressor::new(&samples, w as usize, h as usize, 1, 14, 1, 0, 0)
        .expect("encoder")
        .encode()
        .expect("encoded")
}

/// A maker-note entry's 12 bytes (little-endian).
fn entry(tag: u16, kind: u16, count: u32, value: [u8; 4]) -> Vec<u8> {
    [
        &tag.to_le_bytes()[..],
        &kind.to_le_bytes(),
        &count.to_le_bytes(),
        &value,
    ]
    .concat()
}

/// The tags of the maker note's directory (little-endian, offsets from the file's start).
fn maker_note_tags(file: &[u8]) -> Vec<u16> {
    let e = find(file, &[0x7C, 0x92, 7, 0]).expect("MakerNote entry");
    let at = u32::from_le_bytes(file[e + 8..e + 12].try_into().unwrap()) as usize;
    let n = u16::from_le_bytes([file[at], file[at + 1]]) as usize;
    (0..n)
        .map(|i| u16::from_le_bytes([file[at + 2 + 12 * i], file[at + 3 + 12 * i]]))
        .collect()
}

#[test]
fn cr2_is_cleaned_in_place_keeping_what_a_converter_needs() {
    let stream = sensor_stream();
    let original = fx::cr2(6, stream.clone());
    let (_, inspection, found) = scan_bytes(&original).unwrap();
    assert!(inspection.is_raw);
    assert!(
        found.iter().any(|f| f.category == Category::Location),
        "{found:#?}"
    );
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(cleaned.kept, [Kept::Orientation(6), Kept::CameraDetails]);
    assert!(
        cleaned.verification.residual.is_empty(),
        "nothing left but what is kept on purpose: {:#?}",
        cleaned.verification.residual
    );
    let copy = &cleaned.bytes;
    assert_eq!(copy.len(), original.len(), "nothing moved");
    assert_eq!(
        copy[..16],
        original[..16],
        "the CR2 header and its pointers"
    );
    for gone in [
        fx::SERIAL.as_bytes(),
        fx::OWNER.as_bytes(),
        fx::LENS_SERIAL.as_bytes(),
        fx::DATE_TAKEN.as_bytes(),
        fx::CR2_INTERNAL_SERIAL.as_bytes(),
        &fx::CR2_UNIQUE_ID,
        &fx::CR2_SERIAL.to_le_bytes(),
        b"Exif\0\0",
    ] {
        assert!(
            find(copy, gone).is_none(),
            "{} left",
            String::from_utf8_lossy(gone)
        );
        assert!(find(&original, gone).is_some(), "planted");
    }
    // The sensor data is where it was, byte for byte, and so is the preview's picture.
    assert_eq!(find(copy, &stream), find(&original, &stream));
    let jpeg = |bytes: &[u8]| {
        let start = find(bytes, &[0xFF, 0xD8, 0xFF]).expect("a preview");
        image::load_from_memory(&bytes[start..]).unwrap().to_rgb8()
    };
    assert_eq!(jpeg(copy), jpeg(&original));
    // Kept for converters: make, model, lens model, and the maker note's entries that decode
    // the picture (camera settings, model ID, sensor info), still in its directory.
    for kept in [
        &b"Canon\0"[..],
        fx::CR2_MODEL.as_bytes(),
        fx::CR2_LENS.as_bytes(),
        b"Firmware Version 2.1.2",
    ] {
        assert!(
            find(copy, kept).is_some(),
            "{}",
            String::from_utf8_lossy(kept)
        );
    }
    let model_id = entry(0x0010, 4, 1, 0x8000_0218u32.to_le_bytes());
    assert!(find(copy, &model_id).is_some(), "ModelID kept");
    let (before, after) = (maker_note_tags(&original), maker_note_tags(copy));
    let removed = [0x0009u16, 0x000C, 0x000D, 0x0028, 0x0035, 0x0096];
    for tag in removed {
        assert!(
            before.contains(&tag) && !after.contains(&tag),
            "0x{tag:04X}"
        );
    }
    let kept: Vec<u16> = before
        .into_iter()
        .filter(|t| !removed.contains(t))
        .collect();
    assert_eq!(after, kept, "every other maker-note entry kept, in order");
    assert_eq!(
        after,
        [0x0001, 0x0002, 0x0006, 0x0007, 0x0010, 0x0095, 0x00E0, 0x4001]
    );
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
}

/// A maintained RAW decoder (rawler, dnglab's) reads the same sensor data, levels, white
/// balance, crop and orientation from the original and from the copy.
#[test]
fn rawler_decodes_the_same_cr2_sensor_data_from_both() {
    let original = fx::cr2(6, sensor_stream());
    let cleaned = clean_bytes(&original, PixelCheck::Fast).expect("cleaned");
    let decode = |bytes: &[u8]| {
        let source = rawler::rawsource::RawSource::new_from_slice(bytes);
        rawler::decode(&source, &rawler::decoders::RawDecodeParams::default())
            .expect("rawler decodes the CR2")
    };
    let (a, b) = (decode(&original), decode(&cleaned.bytes));
    let rawler::RawImageData::Integer(samples) = &a.data else {
        panic!("16-bit samples expected");
    };
    assert_eq!(
        samples,
        &fx::cr2_sensor(),
        "rawler reads the planted sensor data"
    );
    assert_eq!(format!("{:?}", a.data), format!("{:?}", b.data));
    assert_eq!((&a.make, &a.model), (&b.make, &b.model));
    assert_eq!(format!("{:?}", a.wb_coeffs), format!("{:?}", b.wb_coeffs));
    assert_eq!(format!("{:?}", a.blacklevel), format!("{:?}", b.blacklevel));
    assert_eq!(format!("{:?}", a.whitelevel), format!("{:?}", b.whitelevel));
    assert_eq!(format!("{:?}", a.crop_area), format!("{:?}", b.crop_area));
    assert!(
        a.crop_area.is_some(),
        "the maker note's sensor info is read"
    );
    assert_eq!(a.orientation, b.orientation);
}

#[test]
fn a_cr2_whose_maker_note_cannot_be_read_is_refused() {
    let mut bad = fx::cr2(1, sensor_stream());
    let note = find(&bad, &[0x7C, 0x92, 7, 0]).expect("MakerNote entry");
    // Point the maker note past the end of the file.
    bad[note + 4..note + 8].copy_from_slice(&4u32.to_le_bytes());
    let len = bad.len() as u32 - 2;
    bad[note + 8..note + 12].copy_from_slice(&len.to_le_bytes());
    let e = clean_bytes(&bad, PixelCheck::Fast).err().expect("refused");
    assert!(matches!(e, Error::Corrupt { .. }), "{e}");
}

/// A TIFF-based RAW file made `make`, from the DNG fixture without its DNGVersion.
fn tiff_raw(make: &[u8; 10], magic: Option<&[u8; 4]>) -> Vec<u8> {
    let mut raw = fx::dng(1);
    let at = find(&raw, &[0x12, 0xC6, 1, 0]).expect("DNGVersion entry");
    raw[at..at + 2].copy_from_slice(&0xC6FFu16.to_le_bytes());
    // Every copy of the make: the preview's own EXIF names it too, before IFD0 does.
    while let Some(m) = find(&raw, fx::MAKE.as_bytes()).filter(|_| make != fx::MAKE.as_bytes()) {
        raw[m..m + 10].copy_from_slice(make);
    }
    if let Some(magic) = magic {
        raw[..4].copy_from_slice(magic);
    }
    raw
}

#[test]
fn each_refused_family_says_why_and_nothing_is_written() {
    // (RW2 is cleaned since issue 23: tests/rw2_iiq.rs.)
    let cases: [(Vec<u8>, RawFamily, RawRefusal); 5] = [
        (
            tiff_raw(b"NIKON CORP", None),
            RawFamily::Nef,
            RawRefusal::SerialDecryptsColour,
        ),
        (
            tiff_raw(b"SONY\0\0\0\0\0\0", None),
            RawFamily::Arw,
            RawRefusal::SerialEnciphered,
        ),
        (
            tiff_raw(b"PENTAX\0\0\0\0", None),
            RawFamily::Pef,
            RawRefusal::MakerNoteNotHandled,
        ),
        (
            tiff_raw(b"OLYMPUS\0\0\0", Some(b"IIRO")),
            RawFamily::Orf,
            RawRefusal::MakerNoteNotHandled,
        ),
        (
            tiff_raw(fx::MAKE.as_bytes().try_into().unwrap(), None),
            RawFamily::Other,
            RawRefusal::MakerNoteNotHandled,
        ),
    ];
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("out");
    for (i, (bytes, family, why)) in cases.into_iter().enumerate() {
        assert!(scan_bytes(&bytes).unwrap().1.is_raw, "{family:?} scanned");
        let e = clean_bytes(&bytes, PixelCheck::Fast)
            .err()
            .expect("refused");
        assert!(
            matches!(e, Error::RawNotCleaned { family: f, why: w } if f == family && w == why),
            "{family:?}: {e}"
        );
        assert!(e.to_string().starts_with(family.name()), "{e}");
        let input = dir.path().join(format!("{i}.raw"));
        std::fs::write(&input, &bytes).unwrap();
        let report = clean_file(
            &input,
            &CleanOptions {
                out_dir: out.clone(),
                pixel_check: PixelCheck::Fast,
            },
        );
        assert!(report.output.is_none() && report.error.is_some());
        assert_eq!(std::fs::read(&input).unwrap(), bytes, "original untouched");
    }
    let written = std::fs::read_dir(&out).map(|d| d.count()).unwrap_or(0);
    assert_eq!(written, 0, "nothing written");
}

/// Before issue 23's measurement, these were rewritten as plain TIFFs around their first
/// picture (the sensor data lost): a Phase One IIQ ("IIII" after the header; since issue 23 an
/// IIQ is cleaned in place, and one whose Phase One directory cannot be read is refused as
/// damaged) and a TIFF whose IFD0 carries a RAW-only compression (Pentax's 65535) without
/// sub-IFDs.
#[test]
fn raw_files_without_sub_ifds_are_not_rewritten_as_plain_tiffs() {
    let mut iiq = tiff_raw(fx::MAKE.as_bytes().try_into().unwrap(), None);
    iiq[8..12].copy_from_slice(b"IIII");
    let mut pef = tiff_raw(b"PENTAX\0\0\0\0", None);
    let sub = find(&pef, &[0x4A, 0x01, 4, 0]).expect("SubIFDs entry");
    pef[sub..sub + 2].copy_from_slice(&0x014Bu16.to_le_bytes());
    let compression = find(&pef, &[0x03, 0x01, 3, 0, 1, 0, 0, 0, 1, 0]).expect("Compression");
    pef[compression + 8..compression + 10].copy_from_slice(&65535u16.to_le_bytes());
    let e = clean_bytes(&iiq, PixelCheck::Fast).err().expect("refused");
    assert!(matches!(e, Error::Corrupt { .. }), "IIQ: {e}");
    let e = clean_bytes(&pef, PixelCheck::Fast).err().expect("refused");
    assert!(
        matches!(
            e,
            Error::RawNotCleaned {
                family: RawFamily::Pef,
                ..
            }
        ),
        "PEF: {e}"
    );
}

#[test]
fn nikon_refusal_says_the_serial_decrypts_the_colour_balance() {
    let e = clean_bytes(&tiff_raw(b"NIKON CORP", None), PixelCheck::Fast)
        .err()
        .expect("refused");
    assert!(
        e.to_string().contains("serial number and shutter count"),
        "{e}"
    );
}

#[test]
fn a_cr3_without_canons_boxes_is_refused_as_damaged() {
    // (RAF is cleaned since issue 23: tests/core/raf_mrw.rs; CR3 too: tests/core/cr3.rs. A CR3 header
    // with an empty movie box lacks Canon's metadata boxes: damaged, not silently copied.)
    let cr3 = b"\0\0\0\x18ftypcrx \0\0\0\x01crx isom\0\0\0\x08moov\0\0\0\x08mdat".to_vec();
    for e in [
        scan_bytes(&cr3).expect_err("not scanned"),
        clean_bytes(&cr3, PixelCheck::Fast)
            .err()
            .expect("not cleaned"),
    ] {
        assert!(
            matches!(
                e,
                Error::Corrupt {
                    format: ImageFormat::CameraRaw,
                    ..
                }
            ),
            "{e}"
        );
    }
}
