//! A quick in-process mutation run over the formats added for issue 23 (TIFF layouts, PSD, DNG,
//! camera RAW: CR3, CRW, RAF, MRW, RW2, IIQ, NEF, X3F, Kyocera; Netpbm; bare JPEG 2000),
//! for machines without cargo-fuzz: random byte changes, overwrites with extreme values, cuts
//! and insertions, each through `scan_bytes` and `clean_bytes`. No panic, each file within the
//! hang limit, and every copy that is written scans again. Ignored by default (minutes):
//! `cargo test --release -p photoveil-core --test core mutation_smoke -- --ignored --nocapture`;
//! `PHOTOVEIL_MUTATIONS` sets the count per seed (default 5000).

use std::time::{Duration, Instant};

use photoveil_core::clean::clean_bytes;
use photoveil_core::scan_bytes;
use photoveil_core::verify::PixelCheck;
use photoveil_fixtures as fx;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len());
        match rng.below(6) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => bytes[at] = rng.next() as u8,
            2 => {
                let end = (at + 4).min(bytes.len());
                let v = [0x00, 0xFF, 0x7F, 0x80][rng.below(4)];
                bytes[at..end].fill(v);
            }
            3 => bytes.truncate(at.max(8)),
            4 => {
                let n = 1 + rng.below(16);
                bytes.splice(at..at, std::iter::repeat_n(rng.next() as u8, n));
            }
            _ => {
                let end = (at + 1 + rng.below(32)).min(bytes.len());
                bytes.drain(at..end);
            }
        }
        if bytes.is_empty() {
            break;
        }
    }
    bytes
}

#[test]
#[ignore = "minutes; run on purpose"]
fn mutated_new_formats_never_panic_or_hang() {
    let count: usize = std::env::var("PHOTOVEIL_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    let seeds = [
        ("palette.tiff", fx::tiff_palette_geotiff(9, 7)),
        ("cmyk.tiff", fx::tiff_cmyk(6, 5)),
        ("rgb16.tiff", fx::tiff_rgb16(5, 5)),
        ("tiled.tiff", fx::tiff_tiled(20, 18)),
        ("layers.psd", fx::psd(6, 4)),
        ("camera.dng", fx::dng(6)),
        ("camera.cr3", fx::cr3()),
        ("camera.crw", fx::crw(true)),
        ("camera.raf", fx::raf(6)),
        ("camera.mrw", fx::mrw(6)),
        ("camera.rw2", fx::rw2(6)),
        ("camera.iiq", fx::iiq()),
        ("camera.nef", fx::nef()),
        ("camera.x3f", fx::x3f()),
        ("kyocera.raw", fx::kyocera()),
        ("comments.ppm", fx::pnm(3, 255)),
        ("comments.pam", fx::pnm(7, 65535)),
        ("bare.j2c", fx::j2c(true)),
    ];
    for (name, seed) in seeds {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D ^ seed.len() as u64);
        let (mut cleaned, mut slowest) = (0usize, Duration::ZERO);
        let start = Instant::now();
        for _ in 0..count {
            let bytes = mutate(&seed, &mut rng);
            let t = Instant::now();
            let _ = scan_bytes(&bytes);
            if let Ok(copy) = clean_bytes(&bytes, PixelCheck::Fast) {
                cleaned += 1;
                scan_bytes(&copy.bytes).expect("a written copy scans again");
            }
            slowest = slowest.max(t.elapsed());
        }
        eprintln!(
            "{name}: {count} mutations in {:.1?}, {cleaned} cleaned, slowest {slowest:.1?}",
            start.elapsed()
        );
        assert!(slowest < Duration::from_secs(10), "{name}: {slowest:?}");
    }
}
