//! BlazeFace's fast CPU forward pass ([`BlazeFace::infer`]) against the burn network it replaces
//! for detection ([`BlazeFace::forward`]), on the real photos of `../shared/faces`: the raw
//! outputs at the trained size and at a larger, non-square input, and the faces
//! [`detect_faces`] finds against [`detect_faces_reference`].

use crate::common;

use common::{models_dir, repo};

use image::imageops::FilterType;
use image::RgbImage;
use photoveil_nn::blazeface::anchors::anchors_for;
use photoveil_nn::blazeface::{
    detect_faces, detect_faces_reference, normalise_sized, BlazeFace, DetectParams, Face,
    NUM_REGRESSORS,
};
use photoveil_nn::device;

const PHOTOS: [&str; 5] = [
    "astronaut.png",
    "group_t1.jpg",
    "gps_group1.jpg",
    "gps_group2.jpg",
    "gps_group3.jpg",
];

fn photo(name: &str) -> RgbImage {
    image::open(repo().join("../shared/faces").join(name))
        .unwrap()
        .to_rgb8()
}

/// Largest difference of two equally long slices, absolute for values up to 1 and relative to
/// the second slice's value above (logits of empty anchors reach the hundreds, where one float's
/// step is 3e-5 relative).
fn max_diff(a: &[f32], b: &[f32]) -> f32 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs() / y.abs().max(1.0))
        .fold(0.0, f32::max)
}

/// Score logits and regressors (input pixels) of both passes agree within 1e-3 (relative to
/// values above 1) on every photo,
/// stretched to 256x256 and to 800x608 (the size of a default fine pass), and on an input with
/// black borders (a letterboxed photo).
#[test]
fn raw_outputs_equal_the_burn_network() {
    let dev = device::cpu();
    let net = BlazeFace::load(&models_dir(), &dev).unwrap();
    let mut checked = 0;
    for name in PHOTOS {
        let source = photo(name);
        let mut letterboxed = RgbImage::new(256, 256);
        let small = image::imageops::resize(&source, 256, 160, FilterType::Triangle);
        image::imageops::replace(&mut letterboxed, &small, 0, 48);
        let inputs = [
            image::imageops::resize(&source, 256, 256, FilterType::Triangle),
            image::imageops::resize(&source, 800, 608, FilterType::Triangle),
            letterboxed,
        ];
        for input in inputs {
            let (w, h) = (input.width() as usize, input.height() as usize);
            let fast = net.infer(input.as_raw(), w, h).unwrap();
            let reference = net.forward(normalise_sized(&[input.as_raw()], w, h, &dev));
            let scores = reference.scores.into_data().try_to_vec::<f32>().unwrap();
            let regressors = reference
                .regressors
                .into_data()
                .try_to_vec::<f32>()
                .unwrap();
            assert_eq!(fast.scores.len(), anchors_for(w, h).len());
            assert_eq!(fast.regressors.len(), fast.scores.len() * NUM_REGRESSORS);
            let (ds, dr) = (
                max_diff(&fast.scores, &scores),
                max_diff(&fast.regressors, &regressors),
            );
            println!("{name} {w}x{h}: largest difference: scores {ds:e}, regressors {dr:e}");
            assert!(
                ds <= 1e-3 && dr <= 1e-3,
                "{name} {w}x{h}: scores {ds}, regressors {dr}"
            );
            // Not trivially equal: the photos give strong faces somewhere.
            assert!(fast.scores.iter().any(|&s| s > 1.0), "{name} {w}x{h}");
            checked += 1;
        }
    }
    assert_eq!(checked, 15);
}

/// Inputs that are not whole images with sides multiple of 32 are refused, not a panic.
#[test]
fn odd_inputs_are_refused() {
    let net = BlazeFace::load(&models_dir(), &device::cpu()).unwrap();
    assert!(net.infer(&[0; 250 * 256 * 3], 250, 256).is_err());
    assert!(net.infer(&[0; 100], 256, 256).is_err());
    assert!(net.infer(&[], 0, 0).is_err());
    assert!(net.infer(&[0; 32 * 32 * 3], 32, 32).is_ok());
}

fn iou(a: &Face, b: &Face) -> f32 {
    let [ax, ay, aw, ah] = a.bbox;
    let [bx, by, bw, bh] = b.bbox;
    let w = ((ax + aw).min(bx + bw) - ax.max(bx)).max(0.0);
    let h = ((ay + ah).min(by + bh) - ay.max(by)).max(0.0);
    w * h / (aw * ah + bw * bh - w * h)
}

/// `detect_faces` finds the faces the burn network finds, in the same places (IoU > 0.95), on
/// the shared photos as they are and enlarged to 12 megapixels (the default plan: the photo
/// scaled to 800x600 in one input; and a plan of 256x256 tiles).
#[test]
fn detection_finds_the_faces_of_the_burn_network() {
    let net = BlazeFace::load(&models_dir(), &device::cpu()).unwrap();
    let default = DetectParams::default();
    let tiled = DetectParams {
        max_tile: 256,
        ..default
    };
    let mut total = 0;
    for name in PHOTOS {
        let source = photo(name);
        let big = image::imageops::resize(&source, 4000, 3000, FilterType::Triangle);
        for (rgb, params) in [(&source, &default), (&big, &default), (&big, &tiled)] {
            let fast = detect_faces(&net, rgb, params).unwrap();
            let reference = detect_faces_reference(&net, rgb, params).unwrap();
            assert_eq!(
                fast.len(),
                reference.len(),
                "{name}: {fast:?} / {reference:?}"
            );
            for r in &reference {
                let best = fast.iter().map(|f| iou(f, r)).fold(0.0, f32::max);
                assert!(best > 0.95, "{name}: {r:?} best IoU {best}");
            }
            total += reference.len();
        }
    }
    // The shared photos hold 1 + 6 + several more faces.
    assert!(total >= 3 * 15, "{total} faces");
}
