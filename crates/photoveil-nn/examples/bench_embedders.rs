//! Forward and forward+backward (input gradient) time of the embedding networks, single face,
//! median of 20 runs. `cargo run --release -p photoveil-nn --example bench_embedders`.

use std::time::Instant;

use photoveil_nn::dlib_resnet::{DlibResNet, CHIP_SIZE};
use photoveil_nn::{device, Tensor, TensorData};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/models");
    let shape = [1, 3, CHIP_SIZE, CHIP_SIZE];
    let values: Vec<f32> = (0..3 * CHIP_SIZE * CHIP_SIZE)
        .map(|i| ((i % 255) as f32 - 128.0) / 256.0)
        .collect();

    let plain = device::cpu();
    let net = DlibResNet::load(&dir, &plain).expect("model");
    let mut forward = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let out = net.forward(Tensor::<4>::from_data(
            TensorData::new(values.clone(), shape),
            &plain,
        ));
        let _ = out.into_data();
        forward.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let grad_dev = device::cpu_with_gradients();
    let net = DlibResNet::load(&dir, &grad_dev).expect("model");
    let mut both = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let x = Tensor::<4>::from_data(TensorData::new(values.clone(), shape), &grad_dev)
            .require_grad();
        let loss = net.forward(x.clone()).sum();
        let grads = loss.backward();
        let g = x.grad(&grads).expect("grad");
        let _ = g.into_data();
        both.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("dlib ResNet-29 150x150: forward {:.1} ms, forward+backward {:.1} ms (median of 20, {} threads)",
        median(forward), median(both), std::thread::available_parallelism().map_or(1, |n| n.get()));
}
