//! BlazeFace against the TF.js model's own outputs (tools/models/reference_blazeface.js), and the
//! anchors, decoding and suppression on their own.

use crate::common;

use common::models_dir;

use photoveil_nn::blazeface::anchors::{anchors, anchors_for};
use photoveil_nn::blazeface::decode::{decode, weighted_nms, Detection};
use photoveil_nn::blazeface::{normalise, normalise_sized, BlazeFace, NUM_ANCHORS, NUM_REGRESSORS};
use photoveil_nn::{device, models::BLAZEFACE_BACK, NnError};

fn reference() -> serde_json::Value {
    common::reference("blazeface.json")
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
    let scores = out.scores.into_data().try_to_vec::<f32>().unwrap();
    let regressors = out.regressors.into_data().try_to_vec::<f32>().unwrap();
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
        close(
            scores[i],
            check["score_logit"].as_f64().unwrap(),
            &format!("score {i}"),
        );
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
    assert_eq!(
        best as u64,
        reference()["anchors"][0]["index"].as_u64().unwrap()
    );
}

/// The anchors MediaPipe's calculator gives the back model: 16x16 cells with 2 anchors, then 8x8
/// with 6, centred on their cells.
#[test]
fn anchors_follow_mediapipe() {
    let a = anchors();
    assert_eq!(a.len(), NUM_ANCHORS);
    assert_eq!((a[0].x, a[0].y), (8.0, 8.0));
    assert_eq!((a[1].x, a[1].y), (8.0, 8.0));
    assert_eq!((a[2].x, a[2].y), (24.0, 8.0));
    assert_eq!((a[511].x, a[511].y), (248.0, 248.0));
    assert_eq!((a[512].x, a[512].y), (16.0, 16.0));
    assert_eq!((a[517].x, a[517].y), (16.0, 16.0));
    assert_eq!((a[518].x, a[518].y), (48.0, 16.0));
    assert_eq!((a[895].x, a[895].y), (240.0, 240.0));
}

/// The network scans a larger input as one: the reference face pasted at (128, 64) into a 512x384
/// black input is found there, with the box the 256x256 input gives it, shifted. This checks
/// the anchor grids of a non-square input and the order of the outputs.
#[test]
fn a_larger_input_finds_the_face_where_it_was_put() {
    let dev = device::cpu();
    let net = BlazeFace::load(&models_dir(), &dev).unwrap();
    let input = reference_input();
    let best = |raw: &[u8], w: usize, h: usize| {
        let out = net.forward(normalise_sized(&[raw], w, h, &dev));
        let a = anchors_for(w, h);
        assert_eq!(out.scores.dims(), [1, a.len()]);
        let scores = out.scores.into_data().try_to_vec::<f32>().unwrap();
        let regressors = out.regressors.into_data().try_to_vec::<f32>().unwrap();
        weighted_nms(decode(&scores, &regressors, &a, 0.5), 0.3)
    };
    let alone = best(input.as_raw(), 256, 256);
    let mut canvas = image::RgbImage::new(512, 384);
    image::imageops::replace(&mut canvas, &input, 128, 64);
    let placed = best(canvas.as_raw(), 512, 384);
    assert_eq!(anchors_for(512, 384).len(), 32 * 24 * 2 + 16 * 12 * 6);
    assert!(!alone.is_empty());
    assert_eq!(placed.len(), alone.len(), "{alone:?} / {placed:?}");
    let (a, p) = (alone[0], placed[0]);
    let shift = [128.0, 64.0, 128.0, 64.0];
    for ((placed, alone), shift) in p.bbox.iter().zip(&a.bbox).zip(shift) {
        assert!((placed - alone - shift).abs() < 4.0, "{a:?} / {p:?}");
    }
    assert!((p.score - a.score).abs() < 0.1, "{a:?} / {p:?}");
}

fn detection(x: f32, y: f32, side: f32, score: f32) -> Detection {
    Detection {
        bbox: [x, y, x + side, y + side],
        score,
        keypoints: [[x + side / 2.0, y + side / 2.0]; 6],
    }
}

#[test]
fn decoding_puts_boxes_and_keypoints_around_the_anchor() {
    let a = anchors();
    let mut scores = vec![-10.0f32; NUM_ANCHORS];
    let mut regressors = vec![0.0f32; NUM_ANCHORS * NUM_REGRESSORS];
    scores[2] = 2.0;
    let r = &mut regressors[2 * NUM_REGRESSORS..3 * NUM_REGRESSORS];
    r[..6].copy_from_slice(&[4.0, -2.0, 30.0, 40.0, -5.0, 3.0]);
    let found = decode(&scores, &regressors, &a, 0.5);
    assert_eq!(found.len(), 1);
    let d = found[0];
    assert!((d.score - 1.0 / (1.0 + (-2.0f32).exp())).abs() < 1e-6);
    assert_eq!(
        d.bbox,
        [
            24.0 + 4.0 - 15.0,
            8.0 - 2.0 - 20.0,
            24.0 + 4.0 + 15.0,
            8.0 - 2.0 + 20.0
        ]
    );
    assert_eq!(d.keypoints[0], [19.0, 11.0]);
    assert_eq!(d.keypoints[1], [24.0, 8.0]);
    assert!(decode(&scores, &regressors, &a, 0.9).is_empty());
}

#[test]
fn weighted_nms_blends_overlapping_boxes_and_keeps_separate_ones() {
    let merged = weighted_nms(
        vec![
            detection(10.0, 10.0, 40.0, 0.6),
            detection(100.0, 100.0, 40.0, 0.8),
            detection(14.0, 10.0, 40.0, 0.9),
        ],
        0.3,
    );
    assert_eq!(merged.len(), 2);
    assert_eq!(merged[0].score, 0.9);
    // (14 * 0.9 + 10 * 0.6) / 1.5
    assert!((merged[0].bbox[0] - 12.4).abs() < 1e-4, "{:?}", merged[0]);
    assert!((merged[0].keypoints[3][0] - 32.4).abs() < 1e-4);
    assert_eq!(merged[1].bbox, [100.0, 100.0, 140.0, 140.0]);
    assert!(weighted_nms(Vec::new(), 0.3).is_empty());
}

#[test]
fn a_changed_model_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(models_dir().join(BLAZEFACE_BACK.file)).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    std::fs::write(dir.path().join(BLAZEFACE_BACK.file), bytes).unwrap();
    assert!(matches!(
        BlazeFace::load(dir.path(), &device::cpu()),
        Err(NnError::Checksum { .. })
    ));
}
