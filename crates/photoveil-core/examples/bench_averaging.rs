//! Averaging benchmark: does the cloak survive a face-swap tool that averages the embeddings of
//! several photos of one person (FaceFusion does)? Each photo of a person is cloaked with its own
//! fresh randomness; if every cloak pushed a different way, the average would drift back towards
//! the person. Consistent decoys (one per person, kept in the decoy book) are meant to stop that.
//!
//! `cargo run --release -p photoveil-core --example bench_averaging`
//!
//! The "photos of one person" are different crops and sizes of the same public photos in
//! `../shared/faces/` (the astronaut; the 6 people of the group photo), protected at `standard`.
//! Three ways are compared:
//! - `shared book`: the product's way, one decoy book for all the photos;
//! - `own book`: a fresh decoy book (new key) for every photo, so decoys disagree;
//! - `no decoy`: no pull towards any decoy, only away from the person.
//!
//! For every network it prints the mean similarity of single photos to their own clean original
//! after a simulated upload, and the similarity of the person's averaged protected embedding to
//! the averaged clean one, with how many people stay below the same-person threshold.
//! `BENCH_VARIANTS=N` sets how many photos per person (default 4, at most 6);
//! `BENCH_DECOY_WEIGHT=W` replaces the strength's decoy weight; `BENCH_MODES=shared,own,none`
//! runs only some of the three ways.

use std::path::Path;

use image::RgbImage;
use photoveil_core::controller::Controller;
use photoveil_core::faces::{find_faces, Face};
use photoveil_core::protect::codec::simulate_upload;
use photoveil_core::protect::networks::{cosine, unit, Network};
use photoveil_core::protect::pipeline::{
    protect_file_with, FaceSelection, ProtectOptions, Strength,
};
use photoveil_core::protect::{models_dir, Engine};

/// One way of choosing decoys.
#[derive(Debug, Clone, Copy)]
enum Mode {
    SharedBook,
    OwnBook,
    NoDecoy,
}

/// A face's clean and protected (after upload) embeddings, per network.
struct Seen {
    clean: Vec<Vec<f32>>,
    protected: Vec<Vec<f32>>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/faces");
    let variants: usize = std::env::var("BENCH_VARIANTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4)
        .clamp(2, 6);
    let engine = Engine::load(&models_dir(), Engine::DEFAULT_VERIFIER)?;
    let work = tempfile::tempdir()?;
    // Photos: each source photo in `variants` crops and sizes.
    let mut sets: Vec<Vec<std::path::PathBuf>> = Vec::new();
    for name in ["astronaut.png", "group_t1.jpg"] {
        let source = image::open(shared.join(name))?.to_rgb8();
        let mut set = Vec::new();
        for (i, picture) in variations(&source).into_iter().take(variants).enumerate() {
            let path = work.path().join(format!("{i}-{name}.png"));
            picture.save(&path)?;
            set.push(path);
        }
        sets.push(set);
    }
    let mut settings = Strength::Standard.settings();
    println!(
        "{variants} photos per person, budget {}, {} steps; held out: {}",
        settings.epsilon,
        settings.steps,
        engine.verifier().kind().name()
    );
    let base_weight = std::env::var("BENCH_DECOY_WEIGHT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(settings.decoy_weight);
    let modes = std::env::var("BENCH_MODES").unwrap_or_else(|_| "shared,own,none".into());
    let chosen = [
        (Mode::SharedBook, "shared"),
        (Mode::OwnBook, "own"),
        (Mode::NoDecoy, "none"),
    ]
    .into_iter()
    .filter(|(_, name)| modes.split(',').any(|m| m == *name))
    .map(|(mode, _)| mode);
    for mode in chosen {
        settings.decoy_weight = match mode {
            Mode::NoDecoy => 0.0,
            _ => base_weight,
        };
        let book = work.path().join(format!("{mode:?}-decoys.json"));
        // Per person (a face of a set's first photo): one entry per photo that shows them.
        let mut people: Vec<Vec<Seen>> = Vec::new();
        for (s, set) in sets.iter().enumerate() {
            let mut persons: Vec<Vec<Seen>> = Vec::new();
            let mut anchors: Vec<Vec<f32>> = Vec::new();
            for (p, photo) in set.iter().enumerate() {
                let options = ProtectOptions {
                    until_verified: false,
                    out_dir: work.path().join(format!("{mode:?}-{s}-{p}")),
                    strength: Strength::Standard,
                    faces: FaceSelection::All,
                    blur: false,
                    blur_these: Vec::new(),
                    jpeg_quality: 92,
                    decoy_book: match mode {
                        Mode::OwnBook => None,
                        _ => Some(book.clone()),
                    },
                };
                let report =
                    protect_file_with(&engine, photo, &options, &settings, &Controller::new());
                let Some(output) = report.output else {
                    println!("{}: error {:?}", photo.display(), report.error);
                    continue;
                };
                let original = image::open(photo)?.to_rgb8();
                let written = image::open(&output)?.to_rgb8();
                let uploaded = simulate_upload(&written)?;
                for face in find_faces(engine.detector(), &original)? {
                    let Some(seen) = embeddings(engine.networks(), &original, &uploaded, &face)
                    else {
                        continue;
                    };
                    // Match the face to a person by the first network's clean embedding.
                    let key = &seen.clean[0];
                    let best = anchors
                        .iter()
                        .enumerate()
                        .map(|(i, a)| (i, cosine(a, key)))
                        .max_by(|a, b| a.1.total_cmp(&b.1));
                    match best {
                        Some((i, c)) if c > 0.9 => persons[i].push(seen),
                        _ if p == 0 => {
                            anchors.push(key.clone());
                            persons.push(vec![seen]);
                        }
                        _ => {}
                    }
                }
            }
            people.extend(persons);
        }
        println!("\n== {mode:?} (decoy weight {}) ==", settings.decoy_weight);
        for (n, network) in engine.networks().iter().enumerate() {
            let threshold = network.kind().same_person_cosine();
            let mut single = Vec::new();
            let mut averaged = Vec::new();
            for seen in &people {
                if seen.len() < 2 {
                    continue;
                }
                for s in seen {
                    single.push(cosine(&s.clean[n], &s.protected[n]));
                }
                let mean = |pick: fn(&Seen) -> &Vec<Vec<f32>>| {
                    let dim = pick(&seen[0])[n].len();
                    let mut sum = vec![0f32; dim];
                    for s in seen {
                        for (a, b) in sum.iter_mut().zip(&pick(s)[n]) {
                            *a += b;
                        }
                    }
                    unit(sum)
                };
                averaged.push(cosine(&mean(|s| &s.clean), &mean(|s| &s.protected)));
            }
            let avg = |v: &[f32]| v.iter().sum::<f32>() / v.len().max(1) as f32;
            println!(
                "{:<14} ({}) threshold {threshold:.2}: single photos {:.3} ({}/{} below); averaged per person {:.3} ({}/{} below)",
                network.kind().name(),
                if engine.attacked().any(|a| a.kind() == network.kind()) { "attacked" } else { "held out" },
                avg(&single),
                single.iter().filter(|&&c| c < threshold).count(),
                single.len(),
                avg(&averaged),
                averaged.iter().filter(|&&c| c < threshold).count(),
                averaged.len(),
            );
        }
    }
    Ok(())
}

/// Up to six different photos made from one: crops towards each side and two sizes.
fn variations(source: &RgbImage) -> Vec<RgbImage> {
    let (w, h) = source.dimensions();
    let crop = |x0: f32, y0: f32, f: f32| {
        let (cw, ch) = ((w as f32 * f) as u32, (h as f32 * f) as u32);
        let x = ((w - cw) as f32 * x0) as u32;
        let y = ((h - ch) as f32 * y0) as u32;
        image::imageops::crop_imm(source, x, y, cw, ch).to_image()
    };
    let resize = |picture: &RgbImage, f: f32| {
        let (pw, ph) = picture.dimensions();
        image::imageops::resize(
            picture,
            (pw as f32 * f) as u32,
            (ph as f32 * f) as u32,
            image::imageops::FilterType::CatmullRom,
        )
    };
    vec![
        source.clone(),
        crop(0.0, 0.0, 0.9),
        resize(&crop(1.0, 1.0, 0.9), 1.3),
        resize(source, 0.8),
        crop(1.0, 0.0, 0.85),
        resize(&crop(0.0, 1.0, 0.85), 1.5),
    ]
}

/// Every network's unit embedding of `face` in the clean photo and in the protected one after a
/// simulated upload (`uploaded`: the picture and its scale, as `simulate_upload` gives them; this
/// is how `bench_protect` and the product measure); `None` when a network cannot align the face.
fn embeddings(
    networks: &[Network],
    original: &RgbImage,
    uploaded: &(RgbImage, f32),
    face: &Face,
) -> Option<Seen> {
    let (up_written, scale) = (&uploaded.0, uploaded.1);
    let mut scaled = *face;
    scaled
        .landmarks
        .iter_mut()
        .for_each(|p| *p = [p[0] * scale, p[1] * scale]);
    let mut seen = Seen {
        clean: Vec::new(),
        protected: Vec::new(),
    };
    for network in networks {
        let template = network.kind().template();
        let (Some(t), Some(up)) = (face.alignment(&template), scaled.alignment(&template)) else {
            return None;
        };
        seen.clean.push(network.embed_face(original, &t));
        seen.protected.push(network.embed_face(up_written, &up));
    }
    Some(seen)
}
