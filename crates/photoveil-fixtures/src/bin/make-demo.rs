//! Builds `assets/demo/astronaut.jpg`: the public-domain NASA portrait from scikit-image (shared
//! as `../shared/faces/astronaut.png`) as a JPEG carrying the fixtures' made-up camera metadata
//! (fake GPS position, serial numbers, owner name, thumbnail, motion-photo video), so the demo and
//! workshops never need anyone's real photo.
//!
//! Usage: cargo run -p photoveil-fixtures --bin make-demo -- SOURCE.png OUTPUT.jpg

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(source), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: make-demo SOURCE.png OUTPUT.jpg");
        std::process::exit(2);
    };
    let picture = image::open(&source)
        .expect("read the source picture")
        .to_rgb8();
    let plain = photoveil_fixtures::encode_jpeg(&picture, 88);
    let spec = photoveil_fixtures::JpegSpec {
        orientation: None,
        ..Default::default()
    };
    std::fs::write(&output, photoveil_fixtures::with_metadata(&plain, spec))
        .expect("write the demo photo");
}
