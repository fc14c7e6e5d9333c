//! `detect_faces` on real photos (the shared public photos, `../shared/faces/`), on photos without
//! faces and on odd inputs. Expected face centres were read off the photos by eye.

use crate::common;

use common::repo;
use std::sync::OnceLock;

use image::RgbImage;
use photoveil_nn::blazeface::decode::{LEFT_EYE, MOUTH_CENTRE, NOSE_TIP, RIGHT_EYE};
use photoveil_nn::blazeface::tiles::{plan, MAX_TILE};
use photoveil_nn::blazeface::{
    detect_faces, BlazeFace, DetectParams, Face, INPUT_MULTIPLE, INPUT_SIZE,
};
use photoveil_nn::device;

fn detector() -> &'static BlazeFace {
    static NET: OnceLock<BlazeFace> = OnceLock::new();
    NET.get_or_init(|| BlazeFace::load(&repo().join("assets/models"), &device::cpu()).unwrap())
}

fn photo(name: &str) -> RgbImage {
    image::open(repo().join("../shared/faces").join(name))
        .unwrap()
        .to_rgb8()
}

fn detect(rgb: &RgbImage) -> Vec<Face> {
    detect_faces(detector(), rgb, &DetectParams::default()).unwrap()
}

fn centre(f: &Face) -> (f32, f32) {
    (f.bbox[0] + f.bbox[2] / 2.0, f.bbox[1] + f.bbox[3] / 2.0)
}

fn inside(f: &Face, [x, y]: [f32; 2]) -> bool {
    x >= f.bbox[0] && x <= f.bbox[0] + f.bbox[2] && y >= f.bbox[1] && y <= f.bbox[1] + f.bbox[3]
}

/// Eyes side by side above the nose, the nose above the mouth, all inside the box (upright face).
fn assert_upright_keypoints(f: &Face) {
    let k = f.keypoints;
    for i in [RIGHT_EYE, LEFT_EYE, NOSE_TIP, MOUTH_CENTRE] {
        assert!(
            inside(f, k[i]),
            "keypoint {i} {:?} outside {:?}",
            k[i],
            f.bbox
        );
    }
    // The person's right eye is on the left of the image.
    assert!(k[RIGHT_EYE][0] < k[LEFT_EYE][0], "{f:?}");
    let eyes_y = (k[RIGHT_EYE][1] + k[LEFT_EYE][1]) / 2.0;
    assert!(
        eyes_y < k[NOSE_TIP][1] && k[NOSE_TIP][1] < k[MOUTH_CENTRE][1],
        "{f:?}"
    );
}

/// Every expected centre is matched by exactly one face within `tolerance` pixels, and nothing
/// else is found.
fn assert_faces(name: &str, found: &[Face], expected: &[(f32, f32)], tolerance: f32) {
    for &(x, y) in expected {
        let near: Vec<&Face> = found
            .iter()
            .filter(|f| {
                let (cx, cy) = centre(f);
                ((cx - x).powi(2) + (cy - y).powi(2)).sqrt() < tolerance
            })
            .collect();
        assert_eq!(near.len(), 1, "{name}: face at ({x}, {y}): {found:?}");
        assert!(near[0].bbox[2] >= 40.0, "{name}: {:?}", near[0]);
    }
    assert_eq!(found.len(), expected.len(), "{name}: {found:?}");
}

#[test]
fn the_astronaut_has_one_face_with_keypoints_in_place() {
    let found = detect(&photo("astronaut.png"));
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert!(f.score > 0.8);
    let (cx, cy) = centre(f);
    // Her face spans about x 175-275, y 70-185 of the 512x512 photo.
    assert!(
        (200.0..250.0).contains(&cx) && (100.0..155.0).contains(&cy),
        "{f:?}"
    );
    assert!((80.0..160.0).contains(&f.bbox[2]), "{f:?}");
    assert_upright_keypoints(f);
}

#[test]
fn all_six_faces_of_the_poker_game() {
    let found = detect(&photo("group_t1.jpg"));
    // Rachel (looking down at her cards), Monica, Ross, Chandler, Joey, Phoebe.
    let expected = [
        (112.0, 336.0),
        (341.0, 203.0),
        (528.0, 331.0),
        (805.0, 384.0),
        (965.0, 128.0),
        (1179.0, 341.0),
    ];
    assert_faces("group_t1", &found, &expected, 50.0);
    for f in &found {
        assert_upright_keypoints(f);
    }
}

#[test]
fn all_six_faces_of_the_poker_game_in_12_megapixels() {
    let big = image::imageops::resize(
        &photo("group_t1.jpg"),
        4000,
        2768,
        image::imageops::FilterType::Triangle,
    );
    let k = 4000.0 / 1280.0;
    let expected = [
        (112.0, 336.0),
        (341.0, 203.0),
        (528.0, 331.0),
        (805.0, 384.0),
        (965.0, 128.0),
        (1179.0, 341.0),
    ]
    .map(|(x, y)| (x * k, y * k));
    assert_faces("group_t1 x3.1", &detect(&big), &expected, 50.0 * k);
}

#[test]
fn every_face_of_the_stock_group_photos() {
    // Three people in each; in gps_group2 one face is in profile and one looks down.
    let photos = [
        (
            "gps_group1.jpg",
            [(512.0, 488.0), (928.0, 552.0), (1576.0, 344.0)],
        ),
        (
            "gps_group2.jpg",
            [(424.0, 304.0), (976.0, 352.0), (1528.0, 288.0)],
        ),
        (
            "gps_group3.jpg",
            [(672.0, 480.0), (1152.0, 368.0), (1600.0, 448.0)],
        ),
    ];
    for (name, expected) in photos {
        assert_faces(name, &detect(&photo(name)), &expected, 60.0);
    }
}

#[test]
fn no_face_in_a_gradient_or_in_noise() {
    let gradient = RgbImage::from_fn(1600, 1200, |x, y| {
        image::Rgb([(x / 7) as u8, (y / 5) as u8, ((x + y) / 11) as u8])
    });
    assert!(detect(&gradient).is_empty());
    let mut state = 0x2545_f491_u32;
    let noise = RgbImage::from_fn(1024, 768, |_, _| {
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        };
        image::Rgb([next(), next(), next()])
    });
    assert!(detect(&noise).is_empty());
}

#[test]
fn tiny_and_empty_images_give_no_face() {
    assert!(detect(&RgbImage::new(1, 1)).is_empty());
    assert!(detect(&RgbImage::new(0, 0)).is_empty());
    assert!(detect(&RgbImage::from_pixel(3, 700, image::Rgb([200, 150, 120]))).is_empty());
}

#[test]
fn a_face_at_the_border_is_found() {
    let astronaut = photo("astronaut.png");
    // Her face starts about 5 pixels from the left edge.
    let cropped = image::imageops::crop_imm(&astronaut, 170, 0, 342, 512).to_image();
    let found = detect(&cropped);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].bbox[0] < 30.0, "{found:?}");
    assert_upright_keypoints(&found[0]);
    // Half a face: no panic, at most one detection, inside the photo.
    let half = image::imageops::crop_imm(&astronaut, 225, 0, 287, 512).to_image();
    let found = detect(&half);
    eprintln!("half face: {found:?}");
    assert!(found.len() <= 1);
    for f in found {
        assert!(f.bbox[0] >= 0.0 && f.bbox[0] + f.bbox[2] <= 287.0 + 1e-3);
    }
}

#[test]
fn a_face_turned_on_its_side() {
    let rotated = image::imageops::rotate90(&photo("astronaut.png"));
    let found = detect(&rotated);
    eprintln!("rotated 90 degrees: {found:?}");
    // BlazeFace is trained on upright faces; whatever it finds must be a single face where the
    // face now is (rotate90 maps (x, y) to (511 - y, x): about x 330-440, y 175-275).
    assert!(found.len() <= 1);
    for f in &found {
        let (cx, cy) = centre(f);
        assert!(
            (300.0..470.0).contains(&cx) && (150.0..300.0).contains(&cy),
            "{f:?}"
        );
    }
}

#[test]
fn a_scaled_photo_goes_in_whole_when_it_fits_and_in_overlapping_tiles_when_not() {
    let passes = plan(4000, 3000, 100.0, 20.0, 64, MAX_TILE);
    assert!(passes.len() >= 2);
    assert_eq!(passes[0].tiles.len(), 1);
    assert_eq!(passes[0].tile, (INPUT_SIZE as u32, INPUT_SIZE as u32));
    // Faces of 100 px become 20 px in the finest pass, which goes in as one 800x608 input.
    let finest = passes.last().unwrap();
    assert_eq!(finest.size, (800, 600));
    assert_eq!(finest.tile, (800, 608));
    assert_eq!(finest.tiles, vec![(0, 0)]);
    // 20 px faces in a 30000x20000 photo: a 6000x4000 scaled photo, cut into inputs of at most
    // MAX_TILE that overlap by at least 64 px and cover it.
    let huge = plan(30000, 20000, 100.0, 20.0, 64, MAX_TILE);
    let finest = huge.last().unwrap();
    assert_eq!(finest.size, (6000, 4000));
    assert_eq!(finest.tile, (MAX_TILE, MAX_TILE));
    let (w, h) = (i64::from(finest.size.0), i64::from(finest.size.1));
    let side = i64::from(MAX_TILE);
    for axis in 0..2 {
        let mut starts: Vec<i64> = finest
            .tiles
            .iter()
            .map(|t| if axis == 0 { t.0 } else { t.1 })
            .collect();
        starts.sort();
        starts.dedup();
        assert_eq!(starts[0], 0);
        assert_eq!(
            *starts.last().unwrap(),
            if axis == 0 { w } else { h } - side
        );
        for pair in starts.windows(2) {
            assert!(pair[0] + side - pair[1] >= 64, "{starts:?}");
        }
    }
    for pass in huge.iter().chain(&passes) {
        assert_eq!(pass.tile.0 % INPUT_MULTIPLE as u32, 0, "{pass:?}");
        assert_eq!(pass.tile.1 % INPUT_MULTIPLE as u32, 0, "{pass:?}");
    }
    assert!(plan(0, 10, 40.0, 20.0, 64, MAX_TILE).is_empty());
}
