//! Speed of `scan` with faces (issue 23): a folder of ordinary JPEGs (1-12 megapixels, made from
//! the public photos with faces in `../shared/faces` and `assets/demo`, with camera metadata and
//! a little sensor-like grain) scanned by the core's scan job on every core. Prints the time per
//! photo split into metadata, decoding and detection (summed over the workers), the wall time of
//! the whole job, and the same again with the face cache warm; then the CPU time of decoding and
//! of detection alone, photo by photo on one thread (what other programs running at the same time
//! change least), and the rest of the scan's CPU time; last, the 12-megapixel photos alone, as
//! one scan and one photo at a time.
//!
//! With `BENCH_SCAN_FACES=FILE`, the faces found (boxes and scores, photo by photo) are written
//! to FILE, to compare two builds.
//!
//! ```sh
//! cargo run --release -p photoveil-core --example bench_scan -- [PHOTOS] [FOLDER]
//! ```
//!
//! PHOTOS defaults to 200; FOLDER (made if missing, reused if it holds the photos already)
//! defaults to a temporary folder.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use image::imageops::FilterType;
use image::RgbImage;
use photoveil_core::batch::{default_workers, run_ordered};
use photoveil_core::face_cache::FaceCache;
use photoveil_core::faces::{decode_for_faces, find_faces_in_reduced};
use photoveil_core::format::ImageFormat;
use photoveil_core::protect::models_dir;
use photoveil_core::scan::{scan_file_timed, ScanTimes};
use photoveil_core::Controller;
use photoveil_fixtures as fx;
use photoveil_nn::blazeface::BlazeFace;

/// Megapixels of the generated photos, cycled: what phones and downloads from social media give.
const MEGAPIXELS: [f64; 5] = [1.0, 2.0, 3.0, 6.0, 12.0];

fn sources() -> Result<Vec<RgbImage>, Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in [root.join("../shared/faces"), root.join("assets/demo")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if let Ok(img) = image::open(&path) {
                out.push(img.to_rgb8());
            }
        }
    }
    if out.is_empty() {
        return Err("no source photos in ../shared/faces or assets/demo".into());
    }
    Ok(out)
}

/// `source` scaled to about `megapixels`, with deterministic grain (real photos are not smooth,
/// and smooth pictures decode faster than real ones).
fn photo(source: &RgbImage, megapixels: f64, seed: u32) -> RgbImage {
    let (w, h) = source.dimensions();
    let k = (megapixels * 1e6 / f64::from(w * h)).sqrt();
    let (nw, nh) = ((f64::from(w) * k) as u32, (f64::from(h) * k) as u32);
    let mut img = image::imageops::resize(source, nw, nh, FilterType::Triangle);
    for (i, p) in img.pixels_mut().enumerate() {
        let n = (i as u32 ^ seed).wrapping_mul(2_654_435_761) >> 29; // 0..8
        for c in &mut p.0 {
            *c = c.saturating_add(n as u8).saturating_sub(4);
        }
    }
    img
}

fn make_folder(
    dir: &Path,
    count: usize,
) -> Result<Vec<(PathBuf, f64)>, Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let mut listed = Vec::new();
    let mut missing = Vec::new();
    for i in 0..count {
        let mp = MEGAPIXELS[i % MEGAPIXELS.len()];
        let path = dir.join(format!("IMG_{i:05}_{mp:02}mp.jpg"));
        if !path.exists() {
            missing.push(i);
        }
        listed.push((path, mp));
    }
    if !missing.is_empty() {
        let started = Instant::now();
        let sources = sources()?;
        for i in missing {
            let (path, mp) = &listed[i];
            let img = photo(
                &sources[i / MEGAPIXELS.len() % sources.len()],
                *mp,
                i as u32,
            );
            let spec = fx::JpegSpec {
                orientation: Some(if i % 3 == 0 { 6 } else { 1 }),
                motion_video: false,
                metadata: true,
            };
            let jpeg = fx::with_metadata(&fx::encode_jpeg(&img, 88), spec);
            std::fs::write(path, jpeg)?;
        }
        println!("made the photos in {:.1?}", started.elapsed());
    }
    Ok(listed)
}

/// CPU time this process has used, all threads (Linux: /proc/self/stat, in 1/100 s).
fn cpu_time() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name (which is in parentheses): utime is the 12th, stime the 13th.
            let rest = s.rsplit_once(')')?.1.split_whitespace().collect::<Vec<_>>();
            Some(rest.get(11)?.parse::<u64>().ok()? + rest.get(12)?.parse::<u64>().ok()?)
        })
        .unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// CPU time this thread has used (Linux: /proc/thread-self/schedstat, in nanoseconds).
fn thread_cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// Decoding and detection CPU time, photo by photo on this thread, by size: (decode, detect)
/// summed, and the photos counted.
fn cpu_split(listed: &[(PathBuf, f64)], detector: &BlazeFace) -> Vec<(Duration, Duration, usize)> {
    let mut by_size = vec![(Duration::ZERO, Duration::ZERO, 0); MEGAPIXELS.len()];
    for (path, mp) in listed {
        let (Ok(data), Some(k)) = (std::fs::read(path), MEGAPIXELS.iter().position(|m| m == mp))
        else {
            continue;
        };
        let started = thread_cpu_time();
        let decoded = decode_for_faces(ImageFormat::Jpeg, &data);
        let decoded_at = thread_cpu_time();
        let faces = decoded.map(|d| find_faces_in_reduced(detector, &d));
        let detected_at = thread_cpu_time();
        std::hint::black_box(faces.is_ok());
        by_size[k].0 += decoded_at.saturating_sub(started);
        by_size[k].1 += detected_at.saturating_sub(decoded_at);
        by_size[k].2 += 1;
    }
    by_size
}

#[derive(Default)]
struct Sum {
    photos: usize,
    cached: usize,
    faces: usize,
    times: ScanTimes,
}

impl Sum {
    fn add(&mut self, t: &ScanTimes, faces: usize) {
        self.photos += 1;
        self.cached += usize::from(t.cached);
        self.faces += faces;
        self.times.metadata += t.metadata;
        self.times.decode += t.decode;
        self.times.detect += t.detect;
    }

    fn ms(&self, d: Duration) -> f64 {
        d.as_secs_f64() * 1e3 / self.photos.max(1) as f64
    }

    fn line(&self, label: &str) -> String {
        let t = &self.times;
        format!(
            "{label:>8}: {:>4} photos, {:>4} faces; per photo metadata {:6.1} ms, decode {:6.1} ms, detect {:6.1} ms, total {:6.1} ms",
            self.photos,
            self.faces,
            self.ms(t.metadata),
            self.ms(t.decode),
            self.ms(t.detect),
            self.ms(t.metadata + t.decode + t.detect),
        )
    }
}

fn run(
    listed: &[(PathBuf, f64)],
    detector: &BlazeFace,
    cache: Option<&FaceCache>,
    workers: usize,
    mut faces_out: Option<&mut String>,
) -> (Duration, Vec<Sum>, Sum) {
    let mut by_size: Vec<Sum> = MEGAPIXELS.iter().map(|_| Sum::default()).collect();
    let mut all = Sum::default();
    let started = Instant::now();
    run_ordered(
        listed,
        workers,
        &Controller::new(),
        |(path, mp)| (scan_file_timed(path, Some(detector), cache), *mp),
        |_, ((report, times), mp)| {
            let faces = report.faces.as_ref().map_or(0, Vec::len);
            if let Some(out) = faces_out.as_deref_mut() {
                let name = report
                    .path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy();
                out.push_str(&format!("{name}: {faces} faces"));
                for f in report.faces.iter().flatten() {
                    let [x, y, w, h] = f.bbox.map(|v| v.round() as i64);
                    out.push_str(&format!(" [{x} {y} {w} {h} {:.2}]", f.score));
                }
                out.push('\n');
            }
            if let Some(k) = MEGAPIXELS.iter().position(|m| *m == mp) {
                by_size[k].add(&times, faces);
            }
            all.add(&times, faces);
        },
    );
    (started.elapsed(), by_size, all)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().map_or(Ok(200), |a| a.parse())?;
    let temp = tempfile::tempdir()?;
    let dir = args.next().map_or(temp.path().to_path_buf(), PathBuf::from);
    let listed = make_folder(&dir, count)?;
    let detector = BlazeFace::load(&models_dir(), &photoveil_nn::device::cpu())?;
    let workers = default_workers();
    let cpu = cpu_time();
    let faces_file = std::env::var_os("BENCH_SCAN_FACES");
    let mut faces_out = faces_file.as_ref().map(|_| String::new());
    let (wall, by_size, all) = run(&listed, &detector, None, workers, faces_out.as_mut());
    let cpu = cpu_time().saturating_sub(cpu);
    if let (Some(file), Some(text)) = (&faces_file, &faces_out) {
        std::fs::write(file, text)?;
    }
    println!(
        "scan with faces, {workers} worker(s), {count} photos: {wall:.2?} wall, {:.1} ms a photo; \
         CPU time {cpu:.1?}, {:.1} ms a photo (/{workers}: {:.1} ms, what {workers} idle cores would take)",
        wall.as_secs_f64() * 1e3 / count as f64,
        cpu.as_secs_f64() * 1e3 / count as f64,
        cpu.as_secs_f64() * 1e3 / count as f64 / workers as f64,
    );
    println!("  time summed over the workers (one photo on one core):");
    for (sum, mp) in by_size.iter().zip(MEGAPIXELS) {
        println!("  {}", sum.line(&format!("{mp} MP")));
    }
    println!("  {}", all.line("all"));

    // The same folder again with the face cache: once to fill it, once as a re-scan.
    let cache_file = temp.path().join("faces-cache.json");
    let cache = FaceCache::open(&cache_file);
    let (filling, _, _) = run(&listed, &detector, Some(&cache), workers, None);
    let started = Instant::now();
    cache.save()?;
    let saved = started.elapsed();
    let started = Instant::now();
    let cache = FaceCache::open(&cache_file);
    let opened = started.elapsed();
    let (again, _, warm) = run(&listed, &detector, Some(&cache), workers, None);
    println!(
        "with the face cache: first scan {filling:.2?}; saving {saved:.1?} ({} bytes), opening {opened:.1?}; \
         scanning again {again:.2?} ({:.1} ms a photo, {} of {} from the cache, {} faces)",
        std::fs::metadata(&cache_file).map_or(0, |m| m.len()),
        again.as_secs_f64() * 1e3 / count as f64,
        warm.cached,
        warm.photos,
        warm.faces,
    );

    // CPU time of decoding and detection alone, photo by photo on one thread (a pool of one, so
    // that the detector's inputs, which otherwise run on every core, all run on it too).
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
    let split = one.install(|| cpu_split(&listed, &detector));
    let ms = |d: Duration, n: usize| d.as_secs_f64() * 1e3 / n.max(1) as f64;
    println!("CPU time per photo, one photo at a time on one thread:");
    let (mut decode, mut detect, mut photos) = (Duration::ZERO, Duration::ZERO, 0);
    for ((d, t, n), mp) in split.iter().zip(MEGAPIXELS) {
        println!(
            "  {:>8}: decode {:6.1} ms, detect {:6.1} ms, together {:6.1} ms",
            format!("{mp} MP"),
            ms(*d, *n),
            ms(*t, *n),
            ms(*d + *t, *n)
        );
        (decode, detect, photos) = (decode + *d, detect + *t, photos + n);
    }
    let (decode, detect) = (ms(decode, photos), ms(detect, photos));
    println!(
        "  {:>8}: decode {decode:6.1} ms, detect {detect:6.1} ms, rest of the scan {:6.1} ms \
         (its CPU time per photo above less these)",
        "all",
        (cpu.as_secs_f64() * 1e3 / count.max(1) as f64 - decode - detect).max(0.0),
    );

    // The 12 MP photos on their own: all of them as one scan on every core (what a folder of
    // 12 MP photos costs a photo), then each alone (what a user scanning one photo waits).
    let big: Vec<(PathBuf, f64)> = listed
        .iter()
        .filter(|(_, mp)| *mp == 12.0)
        .cloned()
        .collect();
    let (big_wall, _, _) = run(&big, &detector, None, workers, None);
    let mut alone: Vec<Duration> = big
        .iter()
        .map(|item| run(std::slice::from_ref(item), &detector, None, workers, None).0)
        .collect();
    alone.sort();
    println!(
        "12 MP photos: {} as one scan, {:.1} ms a photo (wall, {workers} workers); each alone, \
         median {:.1} ms, slowest {:.1} ms (wall)",
        big.len(),
        big_wall.as_secs_f64() * 1e3 / big.len().max(1) as f64,
        alone
            .get(alone.len() / 2)
            .map_or(0.0, |d| d.as_secs_f64() * 1e3),
        alone.last().map_or(0.0, |d| d.as_secs_f64() * 1e3),
    );
    Ok(())
}
