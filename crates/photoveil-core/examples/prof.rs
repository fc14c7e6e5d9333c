//! Times the steps of cleaning one 12-megapixel JPEG held in memory (no disk).
use std::time::Instant;

fn main() {
    let data = photoveil_fixtures::jpeg(4000, 3000, Default::default());
    println!("{} bytes", data.len());
    let time = |label: &str, f: &dyn Fn()| {
        let t = Instant::now();
        for _ in 0..10 {
            f();
        }
        println!("{label:<12} {:?}", t.elapsed() / 10);
    };
    time("scan_bytes", &|| {
        drop(photoveil_core::scan_bytes(&data).expect("scan"))
    });
    time("clean_bytes", &|| {
        drop(photoveil_core::clean::clean_bytes(&data, Default::default()).expect("clean"))
    });
    let dir = tempfile::tempdir().expect("temp");
    let input = dir.path().join("in.jpg");
    std::fs::write(&input, &data).expect("write");
    time("read_image", &|| {
        drop(photoveil_core::scan::read_image(&input).expect("read"))
    });
    let out = dir.path().join("out");
    time("write_new", &|| {
        let p = photoveil_core::output::write_new(&out, std::ffi::OsStr::new("x.jpg"), &data, None)
            .expect("write");
        std::fs::remove_file(p).expect("rm");
    });
    let options = photoveil_core::CleanOptions {
        out_dir: dir.path().join("c"),
        pixel_check: Default::default(),
    };
    time("clean_file", &|| {
        drop(photoveil_core::clean_file(&input, &options))
    });
}
