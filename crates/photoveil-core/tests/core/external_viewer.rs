//! A second opinion from another program: ImageMagick draws each cleaned copy of the formats
//! cleaned without this build decoding them (palette TIFF, PSD) and of the other new TIFF
//! layouts exactly as it draws the original. Ignored by default (needs ImageMagick's `compare`):
//! `cargo test -p photoveil-core --test core external_viewer -- --ignored`.

use photoveil_core::clean::clean_bytes;
use photoveil_core::verify::PixelCheck;
use photoveil_fixtures as fx;

#[test]
#[ignore = "needs ImageMagick (compare)"]
fn imagemagick_draws_the_copies_as_the_originals() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("palette.tiff", fx::tiff_palette_geotiff(9, 7)),
        ("cmyk.tiff", fx::tiff_cmyk(6, 5)),
        ("rgb16.tiff", fx::tiff_rgb16(5, 5)),
        ("tiled.tiff", fx::tiff_tiled(20, 18)),
        ("layers.psd", fx::psd(6, 4)),
    ];
    for (name, original) in cases {
        let cleaned = clean_bytes(&original, PixelCheck::Fast).expect(name);
        let a = dir.path().join(format!("a-{name}"));
        let b = dir.path().join(format!("b-{name}"));
        std::fs::write(&a, &original).unwrap();
        std::fs::write(&b, &cleaned.bytes).unwrap();
        // For a PSD, [0] is the flattened picture.
        let frame = |p: &std::path::Path| format!("{}[0]", p.display());
        let out = std::process::Command::new("compare")
            .args(["-quiet", "-metric", "AE", &frame(&a), &frame(&b), "null:"])
            .output()
            .expect("ImageMagick's compare is installed");
        let differing = String::from_utf8_lossy(&out.stderr);
        eprintln!("{name}: {differing} pixels differ");
        assert_eq!(differing.trim(), "0", "{name}");
    }
}
