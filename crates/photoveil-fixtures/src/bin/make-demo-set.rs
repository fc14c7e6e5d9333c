//! Builds the extra demo photos in `assets/demo/` from scikit-image's CC0 and public-domain
//! pictures (see `assets/demo/README.md`), with **made-up** metadata so the demo shows findings:
//!
//! - `coffee.jpg` (scikit-image `coffee.png`, CC0): a phone's GPS position, make, model, serial
//!   number and owner name;
//! - `camera.png` (scikit-image `camera.png`, CC0): an author name in a PNG text chunk;
//! - `rocket.jpg` (scikit-image `rocket.jpg`, public domain): no metadata at all, to show a
//!   clean photo.
//!
//! Usage: cargo run -p photoveil-fixtures --bin make-demo-set -- SKIMAGE_DATA_DIR OUTPUT_DIR

use std::path::Path;

use image::ImageEncoder;

fn jpeg_of(source: &Path) -> Vec<u8> {
    let picture = image::open(source)
        .expect("read the source picture")
        .to_rgb8();
    photoveil_fixtures::encode_jpeg(&picture, 88)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(data), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: make-demo-set SKIMAGE_DATA_DIR OUTPUT_DIR");
        std::process::exit(2);
    };
    let (data, out) = (Path::new(&data), Path::new(&out));

    let exif = photoveil_fixtures::phone_exif(
        37.5665,
        126.978,
        "ExamplePhone",
        "EP-7 Demo",
        "DEMO-PHONE-0815",
        "Min-ji Example",
    );
    let coffee = photoveil_fixtures::jpeg_with_exif_and_comment(
        &jpeg_of(&data.join("coffee.png")),
        &exif,
        None,
    );
    std::fs::write(out.join("coffee.jpg"), coffee).expect("write coffee.jpg");

    let camera = image::open(data.join("camera.png"))
        .expect("read camera.png")
        .to_luma8();
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(
            camera.as_raw(),
            camera.width(),
            camera.height(),
            image::ExtendedColorType::L8,
        )
        .expect("encode");
    let png = photoveil_fixtures::png_with_text(&png, "Author", "Ayesha Example");
    std::fs::write(out.join("camera.png"), png).expect("write camera.png");

    std::fs::write(out.join("rocket.jpg"), jpeg_of(&data.join("rocket.jpg")))
        .expect("write rocket.jpg");
}
