//! Each identity network tells the people of the shared photos apart at its same-person
//! threshold: every face of the five public photos against every other face (different people)
//! stays below it, and every face against itself after an upload-like change (downscaled by 30%,
//! JPEG quality 75) stays above it (dlib, whose line is looser, is allowed one pair in ten). Run with
//! `--nocapture` to see the figures.

use std::path::Path;

use image::RgbImage;
use photoveil_core::faces::{find_faces, Face};
use photoveil_core::protect::codec::encode_jpeg;
use photoveil_core::protect::networks::{cosine, NetworkKind};
use photoveil_core::protect::{models_dir, Engine};

const PHOTOS: [&str; 5] = [
    "astronaut.png",
    "group_t1.jpg",
    "gps_group1.jpg",
    "gps_group2.jpg",
    "gps_group3.jpg",
];

/// The two faces of different photos that the audit's helper judged by eye to be one woman
/// (`gps_group1` near x 1488 and `gps_group3` near x 1060): not counted as different people.
fn maybe_same_person(a: &(usize, Face), b: &(usize, Face)) -> bool {
    let near = |(photo, face): &(usize, Face), p: usize, x: f32| {
        *photo == p && (face.bbox[0] + face.bbox[2] / 2.0 - x).abs() < 150.0
    };
    (near(a, 2, 1488.0) && near(b, 4, 1060.0)) || (near(b, 2, 1488.0) && near(a, 4, 1060.0))
}

fn changed(picture: &RgbImage) -> RgbImage {
    let (w, h) = picture.dimensions();
    let small = image::imageops::resize(
        picture,
        w * 7 / 10,
        h * 7 / 10,
        image::imageops::FilterType::Triangle,
    );
    let (sw, sh) = small.dimensions();
    let bytes = encode_jpeg(small.as_raw(), sw, sh, 75, None).expect("encode");
    image::load_from_memory(&bytes).expect("decode").to_rgb8()
}

#[test]
fn every_network_separates_the_people_of_the_shared_photos_at_its_threshold() {
    let engine = Engine::load_networks(&models_dir(), Engine::DEFAULT_VERIFIER, &NetworkKind::ALL)
        .expect("models load");
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/faces");
    let mut faces: Vec<(usize, Face)> = Vec::new();
    let mut pictures = Vec::new();
    let mut smaller = Vec::new();
    for (i, name) in PHOTOS.iter().enumerate() {
        let picture = image::open(shared.join(name)).expect("photo").to_rgb8();
        for face in find_faces(engine.detector(), &picture).expect("detect") {
            if face.usable {
                faces.push((i, face));
            }
        }
        smaller.push(changed(&picture));
        pictures.push(picture);
    }
    assert!(faces.len() >= 12, "{} usable faces", faces.len());
    let mut results = Vec::new();
    let mut pairs_of_different_people = 0;
    for network in engine.networks() {
        let kind = network.kind();
        let embed = |picture: &RgbImage, face: &Face, scale: f32| {
            let mut f = *face;
            f.landmarks
                .iter_mut()
                .for_each(|p| *p = [p[0] * scale, p[1] * scale]);
            f.alignment(&kind.template())
                .map(|t| network.embed_face(picture, &t))
        };
        let clean: Vec<Vec<f32>> = faces
            .iter()
            .map(|(p, f)| embed(&pictures[*p], f, 1.0).expect("aligned"))
            .collect();
        let mut same_min = f32::MAX;
        for ((p, f), e) in faces.iter().zip(&clean) {
            let scale = smaller[*p].width() as f32 / pictures[*p].width() as f32;
            let moved = embed(&smaller[*p], f, scale).expect("aligned");
            same_min = same_min.min(cosine(e, &moved));
        }
        let mut different_max = (f32::MIN, 0, 0);
        let mut pairs = 0;
        let mut false_matches = 0;
        for i in 0..faces.len() {
            for j in i + 1..faces.len() {
                if maybe_same_person(&faces[i], &faces[j]) {
                    continue;
                }
                let c = cosine(&clean[i], &clean[j]);
                false_matches += usize::from(c >= kind.same_person_cosine());
                if c > different_max.0 {
                    different_max = (c, i, j);
                }
                pairs += 1;
            }
        }
        let threshold = kind.same_person_cosine();
        let at = |i: usize| {
            let (p, f) = &faces[i];
            format!("{} x {:.0}", PHOTOS[*p], f.bbox[0] + f.bbox[2] / 2.0)
        };
        println!(
            "{:<14} threshold {threshold:.2}: same face after upload >= {same_min:.3}; \
             different people ({pairs} pairs) <= {:.3} ({} and {}), {false_matches} at or above it",
            kind.name(),
            different_max.0,
            at(different_max.1),
            at(different_max.2)
        );
        results.push((kind, threshold, same_min, false_matches));
        pairs_of_different_people = pairs;
    }
    for (kind, threshold, same_min, false_matches) in results {
        // dlib's rule, a distance of 0.6 between raw descriptors, is used here as its cosine
        // equivalent 0.91; on these photos it takes 5 of 77 pairs of different people for one
        // person (the closest: two women looking down with heavy eye make-up, gps_group1 x 937
        // and gps_group2 x 1551, at 0.917). dlib is attacked, never the verifier, so its loose
        // line costs nothing in what is reported; it may not get worse than one pair in ten. The
        // two networks trained with margin losses make no false match.
        let allowed = if kind == NetworkKind::DlibResnet29 {
            pairs_of_different_people / 10
        } else {
            0
        };
        assert!(
            false_matches <= allowed,
            "{}: {false_matches} pairs of different people at or above {threshold}",
            kind.name()
        );
        assert!(
            same_min > threshold,
            "{}: the same face falls to {same_min}",
            kind.name()
        );
    }
}
