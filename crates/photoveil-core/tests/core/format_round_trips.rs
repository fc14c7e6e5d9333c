//! The formats added for issue 23 (GIF, BMP, JPEG XL, JPEG 2000), each from a fixture with planted metadata: the scan
//! finds it, the cleaned copy has none and the same picture (coded bytes and decoded pixels), and
//! hostile variants (bombs, thousands of frames) fail fast with one clear error.

use std::time::{Duration, Instant};

use image::AnimationDecoder;
use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::{PictureCheck, PixelCheck};
use photoveil_core::{scan_bytes, CleanMethod, Error, Finding, ImageFormat};
use photoveil_fixtures as fx;

fn has(findings: &[Finding], tag: &str, value: &str) -> bool {
    findings
        .iter()
        .any(|f| f.tag == tag && f.value.contains(value))
}

/// Every frame of a GIF as the `image` crate composes it.
fn gif_frames(bytes: &[u8]) -> Vec<image::RgbaImage> {
    image::codecs::gif::GifDecoder::new(std::io::Cursor::new(bytes))
        .expect("a GIF")
        .into_frames()
        .collect_frames()
        .expect("every frame decodes")
        .into_iter()
        .map(|f| f.into_buffer())
        .collect()
}

/// Runs `work` and fails when it takes longer than `limit`.
fn timed<T>(what: &str, limit: Duration, work: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = work();
    let took = start.elapsed();
    eprintln!("{what}: {took:?}");
    assert!(took < limit, "{what} took {took:?}");
    value
}

#[test]
fn gif_scan_finds_the_planted_metadata() {
    let (format, inspection, findings) = scan_bytes(&fx::gif(24, 16, 3)).unwrap();
    assert_eq!(format, ImageFormat::Gif);
    assert_eq!((inspection.width, inspection.height), (Some(24), Some(16)));
    assert!(has(&findings, "GIF:Comment", fx::COMMENT), "{findings:#?}");
    assert!(has(&findings, "GIF:Comment", "second comment"));
    assert!(
        has(&findings, "XMP:photoshop:City", fx::CITY),
        "{findings:#?}"
    );
    assert!(findings.iter().any(|f| f.value.contains(fx::OWNER)));
    assert!(findings.iter().any(|f| f.value.contains(fx::REGION_NAME)));
    assert!(findings
        .iter()
        .any(|f| f.tag == "GIF:Application:PVFIXTUR1.0"));
    assert!(findings.iter().any(|f| f.tag == "GIF:TrailingData"));
    // The looping extension says how to play the animation: not a finding.
    assert!(!findings.iter().any(|f| f.tag.contains("NETSCAPE")));
}

#[test]
fn gif_clean_keeps_every_frame_byte_for_byte_and_removes_the_rest() {
    let original = fx::gif(24, 16, 3);
    let cleaned = timed("clean a 3-frame GIF", Duration::from_secs(5), || {
        clean_bytes(&original, PixelCheck::Fast).unwrap()
    });
    assert_eq!(cleaned.format, ImageFormat::Gif);
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(
        cleaned.verification.picture,
        PictureCheck::IdenticalPixels,
        "every frame decoded and compared"
    );
    assert!(cleaned.verification.residual.is_empty());
    // The fixture is the encoder's GIF with extensions spliced in: without them, the same bytes.
    assert_eq!(&cleaned.bytes[..], &fx::plain_gif(24, 16, 3)[..]);
    let (_, _, findings) = scan_bytes(&cleaned.bytes).unwrap();
    assert!(findings.is_empty(), "{findings:#?}");
    assert!(cleaned.bytes.windows(11).any(|w| w == b"NETSCAPE2.0"));
    // Decoded independently of the cleaner: same frames, same pixels.
    let (a, b) = (gif_frames(&original), gif_frames(&cleaned.bytes));
    assert_eq!(a.len(), 3);
    assert_eq!(a, b);
}

#[test]
fn gif_with_thousands_of_frames_is_cleaned_in_bounded_time() {
    let many = fx::tiny_animation(8, 8, 5_000);
    let cleaned = timed("clean 5,000 frames", Duration::from_secs(10), || {
        clean_bytes(&many, PixelCheck::Fast).unwrap()
    });
    assert_eq!(&cleaned.bytes[..], &many[..], "nothing to remove");
}

#[test]
fn gif_over_the_frame_limit_fails_fast_with_one_clear_error() {
    let too_many = fx::tiny_animation(8, 8, 20_001);
    let error = timed("refuse 20,001 frames", Duration::from_secs(2), || {
        clean_bytes(&too_many, PixelCheck::Fast).err().unwrap()
    });
    assert!(
        matches!(error, Error::AnimationTooLarge { frames: 20_001, .. }),
        "{error:?}"
    );
    assert_eq!(error.to_string().lines().count(), 1);
}

#[test]
fn gif_decompression_bomb_fails_fast_with_one_clear_error() {
    let bomb = fx::gif_bomb(65_535);
    assert!(bomb.len() < 100);
    let error = timed("refuse a GIF bomb", Duration::from_secs(1), || {
        clean_bytes(&bomb, PixelCheck::Decode).err().unwrap()
    });
    assert!(matches!(error, Error::TooManyPixels { .. }), "{error:?}");
    let error = photoveil_core::decode::decode(ImageFormat::Gif, &bomb)
        .err()
        .unwrap();
    assert!(matches!(error, Error::TooManyPixels { .. }), "{error:?}");
}

#[test]
fn gif_decodes_its_first_frame_for_faces_but_is_not_protected() {
    let picture = photoveil_core::decode::decode(ImageFormat::Gif, &fx::gif(24, 16, 3)).unwrap();
    assert_eq!((picture.width(), picture.height()), (24, 16));
    assert!(!ImageFormat::Gif.protectable());
}

#[test]
fn bmp_without_a_linked_profile_is_copied_unchanged() {
    for (name, original) in [
        ("plain", fx::bmp(20, 10)),
        ("embedded profile", fx::bmp_embedded_profile(9, 7)),
    ] {
        let (format, inspection, findings) = scan_bytes(&original).unwrap();
        assert_eq!(format, ImageFormat::Bmp, "{name}");
        assert!(inspection.width.is_some(), "{name}");
        assert!(findings.is_empty(), "{name}: {findings:#?}");
        let cleaned = clean_bytes(&original, PixelCheck::Decode).unwrap();
        assert_eq!(cleaned.method, CleanMethod::Unchanged, "{name}");
        assert_eq!(&cleaned.bytes[..], &original[..], "{name}");
        assert_eq!(cleaned.verification.picture, PictureCheck::IdenticalPixels);
    }
    let cleaned = clean_bytes(&fx::bmp_embedded_profile(9, 7), PixelCheck::Fast).unwrap();
    assert_eq!(cleaned.kept, vec![photoveil_core::Kept::IccProfile]);
}

#[test]
fn bmp_linked_profile_path_is_found_and_blanked() {
    let original = fx::bmp_linked_profile(9, 7);
    let (_, inspection, findings) = scan_bytes(&original).unwrap();
    assert_eq!((inspection.width, inspection.height), (Some(9), Some(7)));
    assert!(
        has(&findings, "BMP:LinkedProfile", &fx::bmp_linked_path()),
        "{findings:#?}"
    );
    let cleaned = clean_bytes(&original, PixelCheck::Fast).unwrap();
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert!(cleaned.verification.residual.is_empty());
    assert_eq!(cleaned.bytes.len(), original.len(), "no offset moves");
    assert!(!cleaned
        .bytes
        .windows(fx::OWNER.len())
        .any(|w| w == fx::OWNER.as_bytes()));
    let decode = |b: &[u8]| photoveil_core::decode::decode(ImageFormat::Bmp, b).unwrap();
    assert_eq!(decode(&original), decode(&cleaned.bytes), "same pixels");
    assert_eq!(decode(&original).to_rgb8(), fx::picture(9, 7));
}

#[test]
fn bmp_decompression_bomb_fails_fast_with_one_clear_error() {
    let bomb = fx::bmp_bomb(60_000);
    let error = timed("refuse a BMP bomb", Duration::from_secs(1), || {
        clean_bytes(&bomb, PixelCheck::Decode).err().unwrap()
    });
    assert!(
        matches!(
            error,
            Error::TooManyPixels {
                width: 60_000,
                height: 60_000
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.to_string().lines().count(), 1);
    let error = photoveil_core::decode::decode(ImageFormat::Bmp, &bomb)
        .err()
        .unwrap();
    assert!(matches!(error, Error::TooManyPixels { .. }), "{error:?}");
    // Within the limits, a bitmap's pixels decode for faces; protection does not write BMP.
    assert!(photoveil_core::decode::decode(ImageFormat::Bmp, &fx::bmp(20, 10)).is_ok());
    assert!(!ImageFormat::Bmp.protectable());
}

#[test]
fn jxl_scan_finds_every_metadata_box() {
    let (format, _, findings) = scan_bytes(&fx::jxl()).unwrap();
    assert_eq!(format, ImageFormat::Jxl);
    assert!(
        has(&findings, "EXIF:GPSPosition", fx::GPS_TEXT),
        "{findings:#?}"
    );
    assert!(findings.iter().any(|f| f.value.contains(fx::SERIAL)));
    assert!(has(&findings, "XMP:photoshop:City", fx::CITY));
    assert!(findings.iter().any(|f| f.tag == "JXL:jumb"));
    assert!(findings.iter().any(|f| f.tag == "JXL:jbrd"));
    // The compressed XMP alone is read too (Brotli).
    let brob_only = fx::jxl_with(&[fx::jxl_brob(b"xml ", fx::xmp_packet().as_bytes())]);
    let (_, _, findings) = scan_bytes(&brob_only).unwrap();
    assert!(
        has(&findings, "XMP:photoshop:City", fx::CITY),
        "{findings:#?}"
    );
}

#[test]
fn jxl_clean_keeps_the_codestream_byte_for_byte() {
    let original = fx::jxl();
    let cleaned = timed("clean a JPEG XL", Duration::from_secs(5), || {
        clean_bytes(&original, PixelCheck::Fast).unwrap()
    });
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(
        cleaned.verification.picture,
        PictureCheck::IdenticalCodedData
    );
    assert!(cleaned.verification.residual.is_empty());
    assert_eq!(&cleaned.bytes[..], &fx::plain_jxl()[..]);
    let (_, _, findings) = scan_bytes(&cleaned.bytes).unwrap();
    assert!(findings.is_empty(), "{findings:#?}");
    // The concatenated codestream, read independently of the cleaner, is the original one.
    let codestream = |file: &[u8]| -> Vec<u8> {
        let mut out = Vec::new();
        let mut at = 0;
        while at + 8 <= file.len() {
            let size = u32::from_be_bytes(file[at..at + 4].try_into().unwrap()) as usize;
            if &file[at + 4..at + 8] == b"jxlp" {
                out.extend(&file[at + 12..at + size]);
            }
            at += size;
        }
        out
    };
    assert_eq!(codestream(&original), fx::JXL_CODESTREAM);
    assert_eq!(codestream(&cleaned.bytes), fx::JXL_CODESTREAM);
    // Asked to compare pixels, a format this build does not decode is compared by coded data.
    let decoded = clean_bytes(&original, PixelCheck::Decode).unwrap();
    assert_eq!(
        decoded.verification.picture,
        PictureCheck::IdenticalCodedData
    );
    assert!(!ImageFormat::Jxl.protectable());
    assert!(matches!(
        photoveil_core::decode::decode(ImageFormat::Jxl, &original),
        Err(Error::Unsupported { .. })
    ));
}

#[test]
fn jxl_bare_codestream_has_nothing_to_remove() {
    let (format, _, findings) = scan_bytes(fx::JXL_CODESTREAM).unwrap();
    assert_eq!(format, ImageFormat::Jxl);
    assert!(findings.is_empty());
    let cleaned = clean_bytes(fx::JXL_CODESTREAM, PixelCheck::Fast).unwrap();
    assert_eq!(cleaned.method, CleanMethod::Unchanged);
    assert_eq!(&cleaned.bytes[..], fx::JXL_CODESTREAM);
}

#[test]
fn jxl_hostile_boxes_fail_fast_or_stay_bounded() {
    // A Brotli box that would unpack to 64 MB is not read past the limit, and is still removed.
    let bomb = fx::jxl_brotli_bomb(64);
    assert!(bomb.len() < 100_000, "{}", bomb.len());
    let cleaned = timed("clean a Brotli bomb", Duration::from_secs(5), || {
        clean_bytes(&bomb, PixelCheck::Fast).unwrap()
    });
    assert_eq!(&cleaned.bytes[..], &fx::plain_jxl()[..]);
    // A box claiming 4 GB in a small file: one clear error at once.
    let mut huge = fx::plain_jxl();
    huge.extend(0xFFFF_FFF0u32.to_be_bytes());
    huge.extend(b"xml <x/>");
    let error = timed("refuse a huge box", Duration::from_secs(1), || {
        clean_bytes(&huge, PixelCheck::Fast).err().unwrap()
    });
    assert!(
        matches!(
            error,
            Error::Corrupt {
                format: ImageFormat::Jxl,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.to_string().lines().count(), 1);
}

#[test]
fn jp2_metadata_boxes_are_found_and_removed_and_the_codestream_kept() {
    let original = fx::jp2();
    let (format, inspection, findings) = scan_bytes(&original).unwrap();
    assert_eq!(format, ImageFormat::Jp2);
    assert_eq!((inspection.width, inspection.height), (Some(8), Some(8)));
    assert!(
        has(&findings, "XMP:photoshop:City", fx::CITY),
        "{findings:#?}"
    );
    assert!(has(&findings, "EXIF:GPSPosition", fx::GPS_TEXT));
    assert!(findings.iter().any(|f| f.tag.starts_with("JP2:uuid:")));
    assert!(findings.iter().any(|f| f.tag == "JP2:jp2i"));
    let cleaned = timed("clean a JP2", Duration::from_secs(5), || {
        clean_bytes(&original, PixelCheck::Decode).unwrap()
    });
    assert_eq!(cleaned.method, CleanMethod::Lossless);
    assert_eq!(
        cleaned.verification.picture,
        PictureCheck::IdenticalCodedData
    );
    assert!(cleaned.verification.residual.is_empty());
    // What OpenJPEG wrote, byte for byte: signature, ftyp, header and codestream.
    assert_eq!(&cleaned.bytes[..], fx::JP2_PLAIN);
    let (_, _, findings) = scan_bytes(&cleaned.bytes).unwrap();
    assert!(findings.is_empty(), "{findings:#?}");
    assert!(!ImageFormat::Jp2.protectable());
    assert!(matches!(
        photoveil_core::decode::decode(ImageFormat::Jp2, &original),
        Err(Error::Unsupported { .. })
    ));
    // A box claiming 4 GB in a small file: one clear error at once.
    let mut huge = fx::JP2_PLAIN.to_vec();
    huge.extend(0xFFFF_FFF0u32.to_be_bytes());
    huge.extend(b"xml <x/>");
    let error = clean_bytes(&huge, PixelCheck::Fast).err().unwrap();
    assert!(
        matches!(
            error,
            Error::Corrupt {
                format: ImageFormat::Jp2,
                ..
            }
        ),
        "{error:?}"
    );
}
