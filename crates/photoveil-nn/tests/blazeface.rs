//! BlazeFace against the TF.js model's own outputs (tools/models/reference_blazeface.js), and the
//! anchors, decoding and suppression on their own.

use std::path::PathBuf;

use photoveil_nn::blazeface::anchors::anchors;
use photoveil_nn::blazeface::decode::{decode, weighted_nms, Detection};
use photoveil_nn::blazeface::{normalise, BlazeFace, NUM_ANCHORS, NUM_REGRESSORS};
use photoveil_nn::{device, models::BLAZEFACE_BACK, NnError};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn models_dir() -> PathBuf {
    repo().join("assets/models")
}

fn reference() -> serde_json::Value {
    let text = std::fs::read_to_string(models_dir().join("reference/blazeface.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn reference_input() -> image::RgbImage {
    image::open(models_dir().join("reference/blazeface_input.png"))
        .unwrap()
        .to_rgb8()
}

/// Raw outputs of the Rust network against TF.js (float32, different summation order): logits and
/// regressors (input pixels, up to ~60) agree within 2e-3 absolute + 1e-4 relative.
#[test]
fn raw_outputs_match_tfjs() {
    let dev = device::cpu();
    let net = BlazeFace::load(&models_dir(), &dev).unwrap();
    let input = reference_input();
    let out = net.forward(normalise(&[input.as_raw()], &dev));
    assert_eq!(out.scores.dims(), [1, NUM_ANCHORS]);
    assert_eq!(out.regressors.dims(), [1, NUM_ANCHORS, NUM_REGRESSORS]);
    let scores = out.scores.into_data().to_vec::<f32>().unwrap();
    let regressors = out.regressors.into_data().to_vec::<f32>().unwrap();
    let checks = reference()["anchors"].as_array().unwrap().clone();
    assert!(checks.len() >= 16);
    let close = |got: f32, want: f64, what: &str| {
        let error = (f64::from(got) - want).abs();
        assert!(
            error <= 2e-3 + 1e-4 * want.abs(),
            "{what}: Rust {got}, TF.js {want}"
        );
    };
    for check in checks {
        let i = check["index"].as_u64().unwrap() as usize;
        close(scores[i], check["score_logit"].as_f64().unwrap(), &format!("score {i}"));
        for (j, want) in check["regressors"].as_array().unwrap().iter().enumerate() {
            close(
                regressors[i * NUM_REGRESSORS + j],
                want.as_f64().unwrap(),
                &format!("regressor {i}.{j}"),
            );
        }
    }
    // The anchor TF.js ranks first is also the best here.
    let best = (0..NUM_ANCHORS)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
        .unwrap();
    assert_eq!(best as u64, reference()["anchors"][0]["index"].as_u64().unwrap());
}

#[test]
fn timing_probe() {
    let dev = device::cpu();
    let net = BlazeFace::load(&models_dir(), &dev).unwrap();
    let input = reference_input();
    for n in [1usize, 4, 8] {
        let images: Vec<&[u8]> = (0..n).map(|_| input.as_raw().as_slice()).collect();
        let x = normalise(&images, &dev);
        let _ = net.forward(x.clone()).scores.into_data();
        let t = std::time::Instant::now();
        for _ in 0..5 {
            let _ = net.forward(x.clone()).scores.into_data();
        }
        eprintln!("batch {n}: {:?} per image", t.elapsed() / (5 * n as u32));
    }
}
