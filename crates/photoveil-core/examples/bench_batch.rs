//! Load test of the batch code: generates a folder of small JPEGs with metadata (2,000 by
//! default) in a temporary folder, scans it with the core's batch loop on all workers, and prints
//! the time, the peak memory of the scan, and how fast a cancelled batch stops.
//!
//! ```sh
//! cargo run --release -p photoveil-core --example bench_batch -- [PHOTOS] [CANCEL_AFTER]
//! ```

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use photoveil_core::batch::{default_workers, run_ordered};
use photoveil_core::scan::scan_file;
use photoveil_core::{collect_images, Controller};
use photoveil_fixtures as fx;

/// Peak resident memory of this process in MiB (VmHWM).
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

/// Resets the peak (Linux: writing 5 to clear_refs), so that the next figure is the scan's own.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().map_or(Ok(2_000), |a| a.parse())?;
    let cancel_after: usize = args.next().map_or(Ok(200), |a| a.parse())?;
    let dir = tempfile::tempdir()?;
    let started = Instant::now();
    let photos = [
        fx::jpeg(320, 240, Default::default()),
        fx::jpeg(
            240,
            320,
            fx::JpegSpec {
                motion_video: false,
                ..Default::default()
            },
        ),
        fx::plain_jpeg(320, 240, 85),
    ];
    let mut bytes = 0usize;
    for i in 0..count {
        let photo = &photos[i % photos.len()];
        let sub = dir.path().join(format!("album-{:02}", i / 100));
        std::fs::create_dir_all(&sub)?;
        std::fs::write(sub.join(format!("IMG_{i:05}.jpg")), photo)?;
        bytes += photo.len();
    }
    println!(
        "generated {count} photos ({:.1} MB) in {:.2?}",
        bytes as f64 / 1e6,
        started.elapsed()
    );

    let workers = default_workers();
    let peak_resettable = reset_peak();
    let started = Instant::now();
    let listed = collect_images(&[dir.path().to_path_buf()]);
    let listing = started.elapsed();
    let mut findings = 0usize;
    let mut failed = 0usize;
    let done = run_ordered(
        &listed,
        workers,
        &Controller::new(),
        |entry| entry.as_ref().ok().map(|c| scan_file(&c.path)),
        |_, report| match report {
            Some(r) if r.error.is_none() => findings += r.findings.len(),
            _ => failed += 1,
        },
    );
    let elapsed = started.elapsed();
    println!(
        "scanned {done} photos with {workers} worker(s) in {elapsed:.2?} (listing {listing:.2?}): \
         {:.0} photos/s, {findings} findings, {failed} failed",
        done as f64 / elapsed.as_secs_f64()
    );
    println!(
        "peak memory (VmHWM) {}: {:.1} MiB",
        if peak_resettable {
            "during the scan"
        } else {
            "of the whole process"
        },
        peak_mib()
    );

    let controller = Controller::new();
    let emitted = AtomicUsize::new(0);
    let mut cancelled_at: Option<Instant> = None;
    let started = Instant::now();
    let done = run_ordered(
        &listed,
        workers,
        &controller,
        |entry| entry.as_ref().ok().map(|c| scan_file(&c.path)),
        |_, _| {
            if emitted.fetch_add(1, Ordering::SeqCst) + 1 == cancel_after {
                controller.cancel();
                cancelled_at = Some(Instant::now());
            }
        },
    );
    let stop = cancelled_at.map_or(Duration::ZERO, |t| t.elapsed());
    println!(
        "cancel after {cancel_after} photos: stopped {stop:.2?} after cancelling, {done} photos \
         reported in {:.2?}, {} not started",
        started.elapsed(),
        listed.len().saturating_sub(done)
    );
    Ok(())
}
