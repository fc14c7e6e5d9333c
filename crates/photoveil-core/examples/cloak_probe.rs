//! Experiment: cloak one face given its landmarks and measure every network before/after upload.
//! cloak_probe PHOTO ex ey rx ry nx ny mx my ATTACK(dlib|mobile|both) EPS STEPS OUT.png
use std::path::Path;
use std::time::Instant;

use photoveil_core::controller::Controller;
use photoveil_core::protect::attack::{
    cloak_region, face_region, AttackSettings, FacePlace, Target,
};
use photoveil_core::protect::codec::simulate_upload;
use photoveil_core::protect::decoy::DecoyBook;
use photoveil_core::protect::networks::{cosine, Network, NetworkKind, Objective};
use photoveil_core::protect::planes::{read_region, write_region};
use photoveil_core::protect::rng::SecureRng;
use photoveil_core::protect::warp::{Rect, Similarity};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let img = image::open(&a[1]).expect("photo").to_rgb8();
    let p: Vec<f32> = a[2..10].iter().map(|s| s.parse().expect("num")).collect();
    let lm = [[p[0], p[1]], [p[2], p[3]], [p[4], p[5]], [p[6], p[7]]];
    let attack = a[10].as_str();
    let eps: f32 = a[11].parse().expect("eps");
    let steps: usize = a[12].parse().expect("steps");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/models");
    let nets: Vec<Network> = NetworkKind::PRODUCT
        .iter()
        .map(|&k| Network::load(k, &dir).expect("load"))
        .collect();
    let (w, h) = img.dimensions();
    let eye_dist = ((lm[1][0] - lm[0][0]).powi(2) + (lm[1][1] - lm[0][1]).powi(2)).sqrt();
    let face_box = [
        lm[0][0] - eye_dist * 0.9,
        lm[0][1] - eye_dist * 1.1,
        eye_dist * 2.8,
        eye_dist * 3.0,
    ];
    let full = Rect { x: 0, y: 0, w, h };
    let book = DecoyBook::new().expect("book");
    let transforms: Vec<Similarity> = nets
        .iter()
        .map(|n| Similarity::fit(&n.kind().template(), &lm).expect("fit"))
        .collect();
    let embed = |net: &Network, t: &Similarity, pic: &image::RgbImage| net.embed_face(pic, t);
    let clean: Vec<Vec<f32>> = nets
        .iter()
        .zip(&transforms)
        .map(|(n, t)| embed(n, t, &img))
        .collect();
    let used: Vec<bool> = nets
        .iter()
        .map(|n| match attack {
            "dlib" => n.kind() == NetworkKind::DlibResnet29,
            "mobile" => n.kind() == NetworkKind::Mobileface,
            _ => true,
        })
        .collect();
    let targets: Vec<Target> = nets
        .iter()
        .zip(&transforms)
        .zip(&clean)
        .zip(&used)
        .filter(|(_, u)| **u)
        .map(|(((n, t), e), _)| Target {
            network: n,
            objective: Objective {
                source: e.clone(),
                decoy: book.decoy(0, n.kind(), e),
                decoy_weight: std::env::var("DW")
                    .ok()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0.5),
            },
            transform: *t,
        })
        .collect();
    let region = face_region(&targets, face_box, w, h);
    let clean_planes = read_region(&img, region);
    let settings = AttackSettings {
        steps,
        epsilon: eps,
        momentum: 0.9,
        decoy_weight: 0.5,
        chroma_weight: 0.5,
        warp: 0.0,
        smoothing: 0.0,
    };
    let start = Instant::now();
    let change = cloak_region(
        &clean_planes,
        (vec![0.0; clean_planes.len()], None),
        region,
        &FacePlace {
            bbox: face_box,
            points: lm,
        },
        &targets,
        &settings,
        &mut SecureRng::new(),
        &Controller::new(),
    )
    .expect("cloak");
    let secs = start.elapsed().as_secs_f64();
    let mut out = img.clone();
    let planes: Vec<f32> = clean_planes
        .iter()
        .zip(&change.delta)
        .map(|(c, d)| c + d)
        .collect();
    write_region(&mut out, region, &planes);
    out.save(&a[13]).expect("save");
    let mse = |x: &image::RgbImage, y: &image::RgbImage, r: Rect| {
        let (px, py) = (read_region(x, r), read_region(y, r));
        px.iter()
            .zip(&py)
            .map(|(a, b)| f64::from((a - b) * (a - b)))
            .sum::<f64>()
            / px.len() as f64
    };
    let psnr = |m: f64| 10.0 * (65025.0 / m.max(1e-9)).log10();
    println!("{attack} eps {eps} steps {steps}: {secs:.2} s, region {}x{}, PSNR region {:.1} dB, whole {:.1} dB", region.w, region.h, psnr(mse(&img, &out, region)), psnr(mse(&img, &out, full)));
    let (up_clean, s) = simulate_upload(&img).expect("upload");
    let (up_prot, _) = simulate_upload(&out).expect("upload");
    let lm_up = lm.map(|p| [p[0] * s, p[1] * s]);
    for (i, n) in nets.iter().enumerate() {
        let t_up = Similarity::fit(&n.kind().template(), &lm_up).expect("fit");
        let e = |pic: &image::RgbImage| n.embed_face(pic, &t_up);
        println!(
            "  {:14} {}: after {:.3}  upload(clean) {:.3}  upload(protected) {:.3}  threshold {}",
            n.kind().name(),
            if used[i] { "attacked" } else { "held out" },
            cosine(&embed(n, &transforms[i], &out), &clean[i]),
            cosine(&e(&up_clean), &clean[i]),
            cosine(&e(&up_prot), &clean[i]),
            n.kind().same_person_cosine()
        );
    }
}
