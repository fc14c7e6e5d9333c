//! Forward and forward+backward (input gradient) time of the embedding networks, single face,
//! median of 20 runs. `cargo run --release -p photoveil-nn --example bench_embedders`.

use std::time::Instant;

use photoveil_nn::dlib_resnet::DlibResNet;
use photoveil_nn::facenet::FaceNet;
use photoveil_nn::mobileface::MobileFace;
use photoveil_nn::mobilefacenet::MobileFaceNet;
use photoveil_nn::{device, Device, Tensor, TensorData};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Median forward and forward+backward milliseconds of `forward` on a `size`x`size` input.
fn time(size: usize, forward: &dyn Fn(&Device, Tensor<4>) -> Tensor<2>) -> (f64, f64) {
    let shape = [1, 3, size, size];
    let values: Vec<f32> = (0..3 * size * size)
        .map(|i| ((i % 255) as f32 - 128.0) / 256.0)
        .collect();
    let plain = device::cpu();
    let mut fwd = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let x = Tensor::<4>::from_data(TensorData::new(values.clone(), shape), &plain);
        let _ = forward(&plain, x).into_data();
        fwd.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let grad_dev = device::cpu_with_gradients();
    let mut both = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let x = Tensor::<4>::from_data(TensorData::new(values.clone(), shape), &grad_dev)
            .require_grad();
        let grads = forward(&grad_dev, x.clone()).sum().backward();
        let _ = x.grad(&grads).expect("grad").into_data();
        both.push(t.elapsed().as_secs_f64() * 1e3);
    }
    (median(fwd), median(both))
}

/// Loads a network on both devices and prints its forward and forward+backward times.
fn report<M>(
    name: &str,
    size: usize,
    load: impl Fn(&Device) -> M,
    forward: impl Fn(&M, Tensor<4>) -> Tensor<2>,
) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let plain = load(&device::cpu());
    let tracked = load(&device::cpu_with_gradients());
    let (f, b) = time(size, &|dev, x| {
        forward(if dev.is_autodiff() { &tracked } else { &plain }, x)
    });
    println!("{name} {size}x{size}: forward {f:.1} ms, forward+backward {b:.1} ms (median of 20, {threads} threads)");
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/models");
    report(
        "dlib ResNet-29",
        150,
        |dev| DlibResNet::load(&dir, dev).expect("model"),
        DlibResNet::forward,
    );
    report(
        "MobileFace",
        112,
        |dev| MobileFace::load(&dir, dev).expect("model"),
        MobileFace::forward,
    );
    report(
        "MobileFaceNet",
        112,
        |dev| MobileFaceNet::load(&dir, dev).expect("model"),
        MobileFaceNet::forward,
    );
    report(
        "FaceNet",
        160,
        |dev| FaceNet::load(&dir, dev).expect("model"),
        FaceNet::forward,
    );
}
