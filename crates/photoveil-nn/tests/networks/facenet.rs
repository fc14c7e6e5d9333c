//! The Rust FaceNet against an independent float64 run of the Keras graph (layer by layer from
//! the file's own configuration, with the converted 8-bit weights put back in), its input
//! gradients against finite differences, and its load-time integrity check.

use crate::common;

use common::{
    assert_batch_rows, assert_integrity_checked, assert_matches, check_gradients, cosine,
    models_dir, synthetic as pattern, vector,
};

use photoveil_nn::facenet::{normalise, prewhiten, FaceNet, CHIP_SIZE, EMBEDDING_LEN};
use photoveil_nn::models::FACENET;
use photoveil_nn::{device, Tensor, TensorData};

fn reference() -> serde_json::Value {
    common::reference("facenet.json")
}

fn chip_image() -> image::RgbImage {
    common::chip_image("facenet_chip.png", CHIP_SIZE)
}

fn embedding(net: &FaceNet, pixels: &[u8]) -> Vec<f32> {
    let out = net
        .forward(normalise(&[pixels], &device::cpu()))
        .into_data()
        .try_into_vec::<f32>()
        .unwrap();
    assert_eq!(out.len(), EMBEDDING_LEN);
    out
}

#[test]
fn embeddings_match_the_keras_graph() {
    let net = FaceNet::load(&models_dir(), &device::cpu()).unwrap();
    let r = reference();
    for (name, pixels) in [
        ("chip", chip_image().into_raw()),
        ("synthetic", pattern(CHIP_SIZE)),
    ] {
        let ours = embedding(&net, &pixels);
        let keras = vector(&r[name]["embedding"]);
        assert_eq!(keras.len(), EMBEDDING_LEN);
        // Components are up to ~3 in size; float32 against float64 through 130 layers.
        assert_matches(name, "the Keras graph", &ours, &keras, 2e-3);
        // The 8-bit weights barely move the embedding from the float network's.
        let float = cosine(&ours, &vector(&r[name]["embedding_float_weights"]));
        assert!(float > 0.997, "{name}: cosine to the float network {float}");
    }
}

#[test]
fn a_batch_gives_the_embeddings_of_its_chips() {
    let net = FaceNet::load(&models_dir(), &device::cpu()).unwrap();
    let chip = chip_image().into_raw();
    let other = pattern(CHIP_SIZE);
    let both = net
        .forward(normalise(&[&chip, &other], &device::cpu()))
        .into_data()
        .try_into_vec::<f32>()
        .unwrap();
    assert_batch_rows(
        &both,
        &[embedding(&net, &chip), embedding(&net, &other)],
        1e-4,
    );
}

#[test]
fn input_gradients_match_finite_differences() {
    let dev = device::cpu_with_gradients();
    let net = FaceNet::load(&models_dir(), &dev).unwrap();
    let chip = chip_image().into_raw();
    let plane = CHIP_SIZE * CHIP_SIZE;
    let mut planar = vec![0f32; 3 * plane];
    for (i, px) in chip.chunks_exact(3).enumerate() {
        for c in 0..3 {
            planar[c * plane + i] = f32::from(px[c]);
        }
    }
    // Gradients with respect to the 0-255 values, through the prewhitening.
    let x = Tensor::<4>::from_data(TensorData::new(planar, [1, 3, CHIP_SIZE, CHIP_SIZE]), &dev)
        .require_grad();
    let direction: Vec<f32> = (0..EMBEDDING_LEN)
        .map(|i| ((i * 37 % 11) as f32 - 5.0) / 5.0)
        .collect();
    let direction = Tensor::<2>::from_data(TensorData::new(direction, [1, EMBEDDING_LEN]), &dev);
    let grads = (net.forward(prewhiten(x.clone())) * direction)
        .sum()
        .backward();
    let grad = x
        .grad(&grads)
        .unwrap()
        .into_data()
        .try_into_vec::<f32>()
        .unwrap();
    let r = reference();
    let checks = r["chip"]["gradients"].as_array().unwrap();
    check_gradients(&grad, checks, CHIP_SIZE, 0.02, 1e-6);
}

#[test]
fn a_moved_or_mirrored_chip_stays_the_person_and_a_pattern_is_not() {
    let net = FaceNet::load(&models_dir(), &device::cpu()).unwrap();
    let img = chip_image();
    let base = embedding(&net, img.as_raw());
    let shifted = image::RgbImage::from_fn(160, 160, |x, y| {
        *img.get_pixel(x.saturating_sub(3), y.saturating_sub(3))
    });
    let mirrored = image::imageops::flip_horizontal(&img);
    for (name, variant) in [("shifted", shifted), ("mirrored", mirrored)] {
        let cos = cosine(&base, &embedding(&net, variant.as_raw()));
        assert!(cos > 0.8, "{name}: cosine {cos}");
    }
    let cos = cosine(&base, &embedding(&net, &pattern(CHIP_SIZE)));
    assert!(cos < 0.3, "synthetic pattern: cosine {cos}");
}

#[test]
fn a_changed_model_file_is_refused_with_a_clear_error() {
    assert_integrity_checked(FACENET, |dir| FaceNet::load(dir, &device::cpu()));
}
