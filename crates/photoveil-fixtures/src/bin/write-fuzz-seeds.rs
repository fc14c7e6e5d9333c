//! Writes small seed files for the fuzzers in `fuzz/`: one folder per fuzz target, each with
//! tiny pictures of that format carrying the fixture metadata. HEIF and AVIF seeds are made by
//! `fuzz/seed.sh` with libheif's `heif-enc` from the `source.jpg` written here.

use std::path::Path;

use photoveil_fixtures as fx;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir).expect("create the seed folder");
    std::fs::write(dir.join(name), bytes).expect("write a seed");
}

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fuzz/seeds".to_string());
    let root = Path::new(&root);
    let no_video = fx::JpegSpec {
        motion_video: false,
        ..Default::default()
    };
    let jpegs = [
        ("full.jpg", fx::jpeg(16, 16, Default::default())),
        ("still.jpg", fx::jpeg(16, 8, no_video)),
        ("plain.jpg", fx::plain_jpeg(8, 8, 80)),
    ];
    let pngs = [
        ("rotated.png", fx::png(16, 16, Some(6))),
        ("plain.png", fx::png(8, 8, None)),
    ];
    let webps = [
        ("rotated.webp", fx::webp(16, 16, Some(8))),
        ("plain.webp", fx::webp(8, 8, None)),
    ];
    let tiffs = [
        ("rotated.tiff", fx::tiff(16, 16, Some(3))),
        ("plain.tiff", fx::tiff(8, 8, None)),
        ("palette.tiff", fx::tiff_palette_geotiff(9, 7)),
        ("cmyk.tiff", fx::tiff_cmyk(6, 5)),
        ("rgb16.tiff", fx::tiff_rgb16(5, 5)),
        ("tiled.tiff", fx::tiff_tiled(20, 18)),
        ("camera.dng", fx::dng(6)),
        ("canon.cr2", fx::cr2(6, vec![0x55; 64])),
    ];
    let psds = [
        ("layers.psd", fx::psd(6, 4)),
        (
            "plain.psd",
            fx::psd_with(4, 4, &[fx::psd_resource(0x03ED, "", &[0; 16])]),
        ),
    ];
    let gifs = [
        ("animated.gif", fx::gif(16, 16, 2)),
        ("plain.gif", fx::plain_gif(8, 8, 1)),
    ];
    let bmps = [
        ("profile.bmp", fx::bmp_embedded_profile(8, 8)),
        ("linked.bmp", fx::bmp_linked_profile(8, 8)),
        ("plain.bmp", fx::bmp(8, 8)),
    ];
    let jxls = [
        ("boxes.jxl", fx::jxl()),
        ("bare.jxl", fx::JXL_CODESTREAM.to_vec()),
    ];
    let jp2s = [
        ("photo.jp2", fx::jp2()),
        ("plain.jp2", fx::JP2_PLAIN.to_vec()),
    ];
    let camera_raws = [("fuji.raf", fx::raf(6)), ("minolta.mrw", fx::mrw(1))];
    for (target, files) in [
        ("clean_camera_raw", &camera_raws[..]),
        ("clean_gif", &gifs[..]),
        ("clean_bmp", &bmps[..]),
        ("clean_jxl", &jxls[..]),
        ("clean_jp2", &jp2s[..]),
        ("clean_psd", &psds[..]),
        ("clean_jpeg", &jpegs[..]),
        ("clean_png", &pngs[..]),
        ("clean_webp", &webps[..]),
        ("clean_tiff", &tiffs[..]),
    ] {
        for (name, bytes) in files {
            write(&root.join(target), name, bytes);
            write(&root.join("scan"), name, bytes);
            write(&root.join("decode"), name, bytes);
        }
    }
    write(
        &root.join("heif-source"),
        "source.jpg",
        &fx::jpeg(64, 64, no_video),
    );
}
