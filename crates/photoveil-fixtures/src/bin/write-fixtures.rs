//! Writes the fixture set into a folder, for trying PhotoVeil by hand and for the benchmark.

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fixtures".to_string());
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).expect("create the folder");
    let files: Vec<(&str, Vec<u8>)> = vec![
        (
            "camera.jpg",
            photoveil_fixtures::jpeg(640, 480, Default::default()),
        ),
        ("text.png", photoveil_fixtures::png(320, 240, Some(6))),
        ("exif.webp", photoveil_fixtures::webp(320, 240, Some(8))),
        ("scan.tiff", photoveil_fixtures::tiff(320, 240, Some(3))),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).expect("write a fixture");
    }
}
