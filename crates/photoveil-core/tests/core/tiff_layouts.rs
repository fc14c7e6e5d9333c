//! TIFF layouts beyond 8-bit RGB strips (issue 23): palette colour (a GeoTIFF), CMYK, 16-bit
//! big-endian and tiled. Each is cleaned losslessly: the coded strips or tiles are copied byte
//! for byte with the tags that draw them, the identity tags and georeferencing are gone, and the
//! pixels (where the `image` crate decodes them) are identical.

use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::{PictureCheck, PixelCheck};
use photoveil_core::{scan_bytes, CleanMethod, Error, Finding, ImageFormat, Kept};
use photoveil_fixtures as fx;

fn has(findings: &[Finding], tag: &str, value: &str) -> bool {
    findings
        .iter()
        .any(|f| f.tag == tag && f.value.contains(value))
}

/// The identity tags every layout fixture plants are found by a scan.
fn assert_identity_found(findings: &[Finding]) {
    assert!(has(findings, "EXIF:Make", fx::MAKE), "{findings:#?}");
    assert!(has(findings, "EXIF:Artist", fx::OWNER), "{findings:#?}");
    assert!(has(findings, "EXIF:0xC62F", fx::SERIAL), "{findings:#?}");
}

/// Cleans `original`, checks the copy gives nothing away and shows the same picture, and
/// returns it.
fn clean_and_check(original: &[u8], expected: PictureCheck) -> photoveil_core::clean::CleanedBytes {
    let cleaned = clean_bytes(original, PixelCheck::Fast).expect("cleaned");
    assert_eq!(cleaned.format, ImageFormat::Tiff);
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(cleaned.verification.picture, expected);
    assert!(cleaned.verification.residual.is_empty());
    let (_, _, left) = scan_bytes(&cleaned.bytes).expect("the copy scans");
    assert!(left.is_empty(), "{left:#?}");
    for planted in [fx::MAKE, fx::OWNER, fx::SERIAL, "Scanner Suite"] {
        assert!(
            !cleaned
                .bytes
                .windows(planted.len())
                .any(|w| w == planted.as_bytes()),
            "{planted} left in the copy"
        );
    }
    cleaned
}

/// Both files decode (with the `tiff` crate directly) to the same samples.
fn same_samples(a: &[u8], b: &[u8]) {
    let decode = |bytes: &[u8]| {
        let mut d = tiff::decoder::Decoder::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        (
            d.dimensions().unwrap(),
            d.colortype().unwrap(),
            format!("{:?}", d.read_image().unwrap()),
        )
    };
    assert_eq!(decode(a), decode(b));
}

#[test]
fn palette_geotiff_is_cleaned_with_its_colour_map_and_strips() {
    let original = fx::tiff_palette_geotiff(9, 7);
    let (format, inspection, findings) = scan_bytes(&original).unwrap();
    assert_eq!(format, ImageFormat::Tiff);
    assert_eq!((inspection.width, inspection.height), (Some(9), Some(7)));
    assert_identity_found(&findings);
    assert!(
        has(
            &findings,
            "GeoTIFF:Georeferencing",
            "500000.000000, 4100000.000000"
        ),
        "{findings:#?}"
    );
    assert!(has(&findings, "TIFF:GDALMetadata", fx::OWNER));
    // This build's decoders refuse palette colour: the coded data and tags are compared.
    let cleaned = clean_and_check(&original, PictureCheck::IdenticalCodedData);
    let copy = &cleaned.bytes;
    assert!(!copy.windows(9).any(|w| w == b"GDALMetad"));
    // The colour map (768 SHORTs) and every strip are in the copy byte for byte.
    let map_at = original
        .windows(4)
        .position(|w| w == [0x40, 0x01, 3, 0])
        .expect("ColorMap entry");
    let off = u32::from_le_bytes(original[map_at + 8..map_at + 12].try_into().unwrap()) as usize;
    let map = &original[off..off + 1536];
    assert!(copy.windows(map.len()).any(|w| w == map));
    let pixels = &original[8..8 + 9 * 7];
    assert_eq!(&copy[8..8 + 9 * 7], pixels);
}

#[test]
fn cmyk_tiff_keeps_its_inks_and_profile() {
    let original = fx::tiff_cmyk(6, 5);
    let (_, _, findings) = scan_bytes(&original).unwrap();
    assert_identity_found(&findings);
    let cleaned = clean_and_check(&original, PictureCheck::IdenticalPixels);
    assert_eq!(cleaned.kept, [Kept::IccProfile]);
    same_samples(&original, &cleaned.bytes);
    let mut d = tiff::decoder::Decoder::new(std::io::Cursor::new(cleaned.bytes.to_vec())).unwrap();
    assert_eq!(d.colortype().unwrap(), tiff::ColorType::CMYK(8));
}

#[test]
fn big_endian_16_bit_tiff_keeps_its_samples_and_orientation() {
    let original = fx::tiff_rgb16(5, 5);
    let (_, _, findings) = scan_bytes(&original).unwrap();
    assert_identity_found(&findings);
    let cleaned = clean_and_check(&original, PictureCheck::IdenticalPixels);
    assert_eq!(cleaned.kept, [Kept::Orientation(6)]);
    assert_eq!(cleaned.verification.orientation, Some(6));
    assert!(cleaned.bytes.starts_with(b"MM\0*"));
    same_samples(&original, &cleaned.bytes);
}

#[test]
fn tiled_tiff_keeps_its_tiles() {
    let original = fx::tiff_tiled(20, 18);
    let (_, _, findings) = scan_bytes(&original).unwrap();
    assert_identity_found(&findings);
    let cleaned = clean_and_check(&original, PictureCheck::IdenticalPixels);
    same_samples(&original, &cleaned.bytes);
    let picture = image::load_from_memory(&cleaned.bytes).unwrap().to_rgb8();
    assert_eq!(picture, fx::picture(20, 18));
}

#[test]
fn strips_past_the_end_or_too_many_overlaps_are_refused() {
    // A strip offset pointing far past the end: damaged, named as such.
    let mut bad = fx::tiff_cmyk(6, 5);
    let at = bad
        .windows(4)
        .position(|w| w == [0x11, 0x01, 4, 0])
        .expect("StripOffsets entry");
    bad[at + 8..at + 12].copy_from_slice(&0x00FF_FFFFu32.to_le_bytes());
    let e = clean_bytes(&bad, PixelCheck::Fast).err().expect("refused");
    assert!(matches!(e, Error::Corrupt { .. }), "{e}");
    assert!(e.to_string().contains("past the end"), "{e}");
}

/// 300,000 strips of one byte each (a 1 x 300000 grey picture): the copy is written and checked
/// in bounded time (each strip placed once, no quadratic search).
#[test]
fn a_tiff_of_many_strips_is_cleaned_in_bounded_time() {
    const N: u32 = 300_000;
    let pixels_at = 8u32;
    let offsets_at = pixels_at + N;
    let counts_at = offsets_at + 4 * N;
    let dir_at = counts_at + 4 * N;
    let mut t = b"II*\0".to_vec();
    t.extend(dir_at.to_le_bytes());
    t.extend((0..N).map(|i| (i % 251) as u8));
    t.extend((0..N).flat_map(|i| (pixels_at + i).to_le_bytes()));
    t.extend((0..N).flat_map(|_| 1u32.to_le_bytes()));
    let entries: [(u16, u16, u32, u32); 8] = [
        (256, 4, 1, 1),
        (257, 4, 1, N),
        (258, 3, 1, 8),
        (259, 3, 1, 1),
        (262, 3, 1, 1),
        (273, 4, N, offsets_at),
        (278, 4, 1, 1),
        (279, 4, N, counts_at),
    ];
    t.extend((entries.len() as u16).to_le_bytes());
    for (tag, kind, count, value) in entries {
        t.extend(tag.to_le_bytes());
        t.extend(kind.to_le_bytes());
        t.extend(count.to_le_bytes());
        t.extend(value.to_le_bytes());
    }
    t.extend(0u32.to_le_bytes());
    let start = std::time::Instant::now();
    let result = clean_bytes(&t, PixelCheck::Fast);
    let took = start.elapsed();
    eprintln!("300000 strips: {took:?}");
    assert!(took < std::time::Duration::from_secs(20), "{took:?}");
    let cleaned = result.expect("cleaned");
    same_samples(&t, &cleaned.bytes);
}
