//! The face-swap crop the app shows is the chip the protection aligns for its identity network:
//! the astronaut's face, cut out by `swap_crop`, against the same chip rebuilt step by step the
//! way the protection reads it (ArcFace template, footprint with its 2-px margin, planar region,
//! supersampling sampler), pixel for pixel; and MobileFaceNet embeds the crop as it embeds the
//! face in the photo.

use std::path::Path;

use photoveil_core::faces::find_faces;
use photoveil_core::protect::models_dir;
use photoveil_core::protect::networks::{cosine, swap_crop, Network, SWAP_CROP_NETWORK};
use photoveil_core::protect::planes::read_region;
use photoveil_core::protect::warp::{footprint, Sampler};
use photoveil_nn::blazeface::BlazeFace;

#[test]
fn swap_crop_is_the_chip_the_protection_aligns() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/faces/astronaut.png");
    let picture = image::open(&path).expect("astronaut").to_rgb8();
    let detector = BlazeFace::load(&models_dir(), &photoveil_nn::device::cpu()).expect("detector");
    let faces = find_faces(&detector, &picture).expect("faces");
    let face = faces.iter().find(|f| f.usable).expect("a usable face");

    let crop = swap_crop(&picture, face).expect("aligns");
    let size = SWAP_CROP_NETWORK.chip_size();
    assert_eq!(crop.dimensions(), (size as u32, size as u32));

    // The protection's own steps (Network::embed_face, cloak_face, verify).
    let transform = face
        .alignment(&SWAP_CROP_NETWORK.template())
        .expect("aligns");
    let (w, h) = picture.dimensions();
    let region = footprint(&transform, size, 2.0, w, h);
    let chip = Sampler::new(&transform, size, region).sample(&read_region(&picture, region));
    let plane = size * size;
    let mut worst = 0f32;
    for (i, p) in crop.pixels().enumerate() {
        for c in 0..3 {
            worst = worst.max((f32::from(p.0[c]) - chip[c * plane + i]).abs());
        }
    }
    assert!(worst <= 1.0, "largest difference {worst}");
    assert_eq!(SWAP_CROP_NETWORK.chip(&picture, &transform), chip);

    // The crop is a face, not an empty corner: its middle differs from its mean colour.
    let mean: f32 = chip.iter().sum::<f32>() / chip.len() as f32;
    let spread = chip.iter().map(|v| (v - mean).abs()).sum::<f32>() / chip.len() as f32;
    assert!(spread > 10.0, "spread {spread}");

    // The identity network sees the same face in the crop as in the photo.
    let network = Network::load(SWAP_CROP_NETWORK, &models_dir()).expect("network");
    let planar: Vec<f32> = (0..3)
        .flat_map(|c| crop.pixels().map(move |p| f32::from(p.0[c])))
        .collect();
    let similarity = cosine(
        &network.embed(&planar),
        &network.embed_face(&picture, &transform),
    );
    assert!(similarity > 0.99, "cosine {similarity}");
}
