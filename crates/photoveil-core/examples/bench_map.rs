//! How long the map takes: checking and reading the bundled outlines once, then drawing the map
//! around photos in several countries (the app and the report draw one per photo shown), and
//! how much the map file adds to the package.
//!   cargo run --release -p photoveil-core --example bench_map

use std::time::Instant;

use photoveil_core::map::{draw, GeoPoint, ViewSize, WorldMap};

const PLACES: [(&str, f64, f64); 8] = [
    ("San Jose", 37.32, -121.94),
    ("Seoul", 37.5665, 126.978),
    ("Lahore", 31.5204, 74.3587),
    ("Paris", 48.8566, 2.3522),
    ("São Paulo", -23.5505, -46.6333),
    ("Nairobi", -1.2921, 36.8219),
    ("Moscow", 55.7558, 37.6173),
    ("at sea", 0.0, -30.0),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let map = WorldMap::bundled()?;
    let load_ms = started.elapsed().as_secs_f64() * 1e3;
    println!(
        "map file: {} bytes ({} countries); checked and read in {load_ms:.1} ms (once per run)",
        WorldMap::bundled_size(),
        map.countries.len()
    );
    let size = ViewSize {
        width: 440.0,
        height: 260.0,
    };
    let mut worst: f64 = 0.0;
    for (name, lat, lon) in PLACES {
        let point = GeoPoint::new(lat, lon).ok_or("not a position")?;
        let mut times: Vec<f64> = (0..50)
            .map(|_| {
                let t = Instant::now();
                let drawing = draw(map, point, size);
                std::hint::black_box(&drawing);
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let drawing = draw(map, point, size);
        let points: usize = drawing
            .outlines
            .iter()
            .flat_map(|o| o.rings.iter())
            .map(Vec::len)
            .sum();
        println!(
            "{name:>10}: draw median {:.2} ms, max {:.2} ms; {} countries, {points} points; in {}",
            times[times.len() / 2],
            times[times.len() - 1],
            drawing.outlines.len(),
            drawing.country_name.as_deref().unwrap_or("no country"),
        );
        worst = worst.max(times[times.len() - 1]);
    }
    println!("slowest draw: {worst:.2} ms (target: at most 30 ms)");
    Ok(())
}
