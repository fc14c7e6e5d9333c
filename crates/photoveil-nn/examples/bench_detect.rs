//! Times `detect_faces` (median of 10 runs, each beside a run with 256x256 tiles) on the shared photos and on a 12-megapixel one
//! (`group_t1.jpg` enlarged to 4000x3000), and prints the faces found.
//!
//! `cargo run --release -p photoveil-nn --example bench_detect [key=value...]` with keys
//! `min_face`, `min_face_ratio`, `face_in_input`, `overlap`, `max_tile` (256: the former
//! 256x256 tiles), `min_score`, `batch`, `runs` (defaults: `DetectParams` and 10).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use photoveil_nn::blazeface::{detect_faces, BlazeFace, DetectParams};
use photoveil_nn::device;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut params = DetectParams::default();
    let mut runs = 10usize;
    for arg in std::env::args().skip(1) {
        let (key, value) = arg.split_once('=').ok_or("arguments are key=value")?;
        match key {
            "min_face" => params.min_face = value.parse()?,
            "min_face_ratio" => params.min_face_ratio = value.parse()?,
            "face_in_input" => params.face_in_input = value.parse()?,
            "overlap" => params.overlap = value.parse()?,
            "max_tile" => params.max_tile = value.parse()?,
            "min_score" => params.min_score = value.parse()?,
            "batch" => params.batch = value.parse()?,
            "runs" => runs = value.parse()?,
            _ => return Err(format!("unknown key {key}").into()),
        }
    }
    let detector = BlazeFace::load(&repo.join("assets/models"), &device::cpu())?;
    let faces = repo.join("../shared/faces");
    let mut photos = Vec::new();
    for name in [
        "astronaut.png",
        "group_t1.jpg",
        "gps_group1.jpg",
        "gps_group2.jpg",
        "gps_group3.jpg",
    ] {
        photos.push((name.to_string(), image::open(faces.join(name))?.to_rgb8()));
    }
    let big = image::imageops::resize(
        &photos[1].1,
        4000,
        3000,
        image::imageops::FilterType::Triangle,
    );
    photos.push(("group_t1.jpg at 4000x3000".to_string(), big));
    println!("{params:?}");
    // The former plan (every fine pass in 256x256 tiles), timed in turn with the current one
    // so that both see the same load on the machine.
    let tiled = DetectParams {
        max_tile: 256,
        ..params
    };
    for (name, rgb) in &photos {
        let mut times = Vec::new();
        let mut tiled_times = Vec::new();
        let mut found = Vec::new();
        let mut tiled_found = Vec::new();
        for _ in 0..runs.max(1) {
            let start = Instant::now();
            found = detect_faces(&detector, rgb, &params)?;
            times.push(start.elapsed());
            let start = Instant::now();
            tiled_found = detect_faces(&detector, rgb, &tiled)?;
            tiled_times.push(start.elapsed());
        }
        let median = |mut t: Vec<Duration>| {
            t.sort();
            t[t.len() / 2].as_secs_f64() * 1e3
        };
        println!(
            "{name} ({}x{}): {} faces, median {:.1} ms (256x256 tiles: {} faces, {:.1} ms)",
            rgb.width(),
            rgb.height(),
            found.len(),
            median(times),
            tiled_found.len(),
            median(tiled_times)
        );
        for f in &found {
            let [x, y, w, h] = f.bbox;
            println!(
                "  centre ({:.0}, {:.0}) size {:.0}x{:.0} score {:.2}",
                x + w / 2.0,
                y + h / 2.0,
                w,
                h,
                f.score
            );
        }
    }
    Ok(())
}
