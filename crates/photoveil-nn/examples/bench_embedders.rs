//! Forward and forward+backward (input gradient) time of the embedding networks, single face,
//! median of 20 runs. `cargo run --release -p photoveil-nn --example bench_embedders`.

use std::time::Instant;

use photoveil_nn::dlib_resnet::DlibResNet;
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

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/models");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());

    let dlib = DlibResNet::load(&dir, &device::cpu()).expect("model");
    let dlib_grad = DlibResNet::load(&dir, &device::cpu_with_gradients()).expect("model");
    let (f, b) = time(150, &|dev, x| {
        if dev.is_autodiff() {
            dlib_grad.forward(x)
        } else {
            dlib.forward(x)
        }
    });
    println!("dlib ResNet-29 150x150: forward {f:.1} ms, forward+backward {b:.1} ms (median of 20, {threads} threads)");

    let mf = MobileFace::load(&dir, &device::cpu()).expect("model");
    let mf_grad = MobileFace::load(&dir, &device::cpu_with_gradients()).expect("model");
    let (f, b) = time(112, &|dev, x| {
        if dev.is_autodiff() {
            mf_grad.forward(x)
        } else {
            mf.forward(x)
        }
    });
    println!("MobileFace 112x112: forward {f:.1} ms, forward+backward {b:.1} ms (median of 20, {threads} threads)");

    let mfn = MobileFaceNet::load(&dir, &device::cpu()).expect("model");
    let mfn_grad = MobileFaceNet::load(&dir, &device::cpu_with_gradients()).expect("model");
    let (f, b) = time(112, &|dev, x| {
        if dev.is_autodiff() {
            mfn_grad.forward(x)
        } else {
            mfn.forward(x)
        }
    });
    println!("MobileFaceNet 112x112: forward {f:.1} ms, forward+backward {b:.1} ms (median of 20, {threads} threads)");
}
