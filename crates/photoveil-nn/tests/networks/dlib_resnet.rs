//! The Rust dlib ResNet-29 against reference descriptors (numpy float64 with the same weights, and
//! dlib itself), its input gradients against finite differences, and its load-time integrity check.

use crate::common;

use common::{
    assert_integrity_checked, check_gradients, cosine, models_dir, synthetic as pattern, vector,
};

use photoveil_nn::dlib_resnet::{normalise, DlibResNet, CHIP_SIZE};
use photoveil_nn::models::DLIB_RESNET29;
use photoveil_nn::{device, Tensor, TensorData};

fn reference() -> serde_json::Value {
    common::reference("dlib_resnet29.json")
}

fn chip() -> Vec<u8> {
    common::chip_image("dlib_resnet29_chip.png", CHIP_SIZE).into_raw()
}

fn synthetic() -> Vec<u8> {
    pattern(CHIP_SIZE)
}

fn descriptor(net: &DlibResNet, pixels: &[u8]) -> Vec<f32> {
    let dev = device::cpu();
    net.forward(normalise(&[pixels], &dev))
        .into_data()
        .try_into_vec::<f32>()
        .unwrap()
}

fn distance(a: &[f32], b: &[f32]) -> f32 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y) * (x - y))
        .sum::<f32>()
        .sqrt()
}

#[test]
fn descriptors_match_the_references() {
    let net = DlibResNet::load(&models_dir(), &device::cpu()).unwrap();
    let r = reference();
    let ours = descriptor(&net, &chip());
    let float64 = vector(&r["chip"]["descriptor_float64"]);
    let dlib = vector(&r["chip"]["descriptor_dlib"]);
    let worst = ours
        .iter()
        .zip(&float64)
        .map(|(a, b)| (a - b).abs())
        .fold(0f32, f32::max);
    assert!(worst < 1e-3, "max |Rust - numpy float64| = {worst}");
    // face-api stores the weights in 8 bits; against dlib's own float weights the descriptor
    // stays within a tenth of the same-person threshold.
    let to_dlib = distance(&ours, &dlib);
    assert!(
        to_dlib < 0.06 && cosine(&ours, &dlib) > 0.999,
        "distance to dlib {to_dlib}"
    );

    let synthetic_ref = vector(&r["synthetic"]["descriptor_float64"]);
    let ours = descriptor(&net, &synthetic());
    let worst = ours
        .iter()
        .zip(&synthetic_ref)
        .map(|(a, b)| (a - b).abs())
        .fold(0f32, f32::max);
    assert!(worst < 1e-3, "synthetic: max diff {worst}");
}

#[test]
fn shifted_crops_of_one_face_stay_the_same_person() {
    let net = DlibResNet::load(&models_dir(), &device::cpu()).unwrap();
    let img = image::open(models_dir().join("reference/dlib_resnet29_chip.png"))
        .unwrap()
        .to_rgb8();
    let base = descriptor(&net, img.as_raw());
    // Shift by 3 pixels (edge replicated) and mirror: still clearly the same person.
    let shifted = image::RgbImage::from_fn(150, 150, |x, y| {
        *img.get_pixel(x.saturating_sub(3), y.saturating_sub(3))
    });
    let mirrored = image::imageops::flip_horizontal(&img);
    for variant in [shifted, mirrored] {
        let d = descriptor(&net, variant.as_raw());
        assert!(cosine(&base, &d) > 0.95, "cosine {}", cosine(&base, &d));
        assert!(
            distance(&base, &d) < 0.4,
            "distance {}",
            distance(&base, &d)
        );
    }
    // The synthetic pattern is nobody.
    assert!(distance(&base, &descriptor(&net, &synthetic())) > 0.6);
}

/// Autodiff input gradients against central differences computed in float64 by the reference
/// script (a step of 1e-6 does not cross ReLU or max-pool kinks; in float32 a usable step does).
#[test]
fn input_gradients_match_finite_differences() {
    let dev = device::cpu_with_gradients();
    let net = DlibResNet::load(&models_dir(), &dev).unwrap();
    let direction: Vec<f32> = (0..128)
        .map(|i| ((i * 37 % 11) as f32 - 5.0) / 5.0)
        .collect();
    let x = normalise(&[&chip()], &dev).require_grad();
    let d = Tensor::<2>::from_data(TensorData::new(direction, [128, 1]), &dev);
    let grads = net.forward(x.clone()).matmul(d).sum().backward();
    let grad = x
        .grad(&grads)
        .expect("gradient reaches the input")
        .into_data()
        .try_into_vec::<f32>()
        .unwrap();
    let checks = reference()["chip"]["gradients"].as_array().unwrap().clone();
    // A pixel whose path crosses a ReLU or max-pool kink between the float32 and float64
    // forward passes can differ by a few percent; at most one such pixel is tolerated.
    check_gradients(&grad, &checks, CHIP_SIZE, 0.05, 2e-6);
}

#[test]
fn a_changed_model_file_is_refused_with_a_clear_error() {
    assert_integrity_checked(DLIB_RESNET29, |dir| DlibResNet::load(dir, &device::cpu()));
}
