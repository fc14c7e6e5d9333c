//! Times one BlazeFace forward pass, the fast CPU one ([`BlazeFace::infer`]) beside the burn
//! network ([`BlazeFace::forward`]), on `group_t1.jpg` stretched to each input size (median of
//! RUNS, default 20), and prints the process's CPU time too (burn's own threads included).
//!
//! `cargo run --release -p photoveil-nn --example bench_blazeface [RUNS] [fast]`; `fast` times
//! the fast pass alone (for a profiler).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use image::imageops::FilterType;
use photoveil_nn::blazeface::{normalise_sized, BlazeFace};
use photoveil_nn::device;

/// CPU time of the whole process (Linux: /proc/self/stat, in 1/100 s).
fn cpu_time() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1.split_whitespace().collect::<Vec<_>>();
            Some(rest.get(11)?.parse::<u64>().ok()? + rest.get(12)?.parse::<u64>().ok()?)
        })
        .unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn median(mut t: Vec<Duration>) -> f64 {
    t.sort();
    t.get(t.len() / 2).map_or(0.0, |d| d.as_secs_f64() * 1e3)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args().nth(1).map_or(Ok(20), |a| a.parse())?;
    let fast_only = std::env::args().nth(2).as_deref() == Some("fast");
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dev = device::cpu();
    let net = BlazeFace::load(&repo.join("assets/models"), &dev)?;
    let source = image::open(repo.join("../shared/faces/group_t1.jpg"))?.to_rgb8();
    for (w, h) in [(256u32, 256u32), (800, 608), (1024, 768)] {
        let input = image::imageops::resize(&source, w, h, FilterType::Triangle);
        let (wu, hu) = (w as usize, h as usize);
        let mut fast = Vec::new();
        let cpu = cpu_time();
        for _ in 0..runs.max(1) {
            let start = Instant::now();
            let out = net.infer(input.as_raw(), wu, hu)?;
            fast.push(start.elapsed());
            std::hint::black_box(out);
        }
        let fast_cpu = cpu_time().saturating_sub(cpu).as_secs_f64() * 1e3 / runs.max(1) as f64;
        let mut burn = Vec::new();
        let cpu = cpu_time();
        for _ in 0..if fast_only { 0 } else { runs.max(1) } {
            let start = Instant::now();
            let out = net.forward(normalise_sized(&[input.as_raw()], wu, hu, &dev));
            let scores = out.scores.into_data();
            burn.push(start.elapsed());
            std::hint::black_box(scores);
        }
        let burn_cpu = cpu_time().saturating_sub(cpu).as_secs_f64() * 1e3 / runs.max(1) as f64;
        println!(
            "{w}x{h}: fast {:.1} ms (CPU {fast_cpu:.1} ms), burn {:.1} ms (CPU {burn_cpu:.1} ms), median of {runs}",
            median(fast),
            median(burn),
        );
    }
    Ok(())
}
