//! The real desktop app under a virtual X server (Xvfb, software rendering, no GPU): it opens,
//! scans a folder, and stays up without panicking. tools/test.sh installs `xvfb`.

use std::process::Command;

#[test]
fn app_stays_up_under_xvfb_while_scanning_a_folder() {
    let home = tempfile::tempdir().unwrap();
    let photos = home.path().join("photos");
    std::fs::create_dir(&photos).unwrap();
    std::fs::write(
        photos.join("gps.jpg"),
        photoveil_fixtures::jpeg(320, 240, photoveil_fixtures::JpegSpec::default()),
    )
    .unwrap();
    std::fs::write(photos.join("broken.jpg"), b"not a photo").unwrap();
    // `timeout` ends the app after 6 s: exit status 124 means it was still running then.
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24", "timeout", "6"])
        .arg(env!("CARGO_BIN_EXE_photoveil"))
        .arg("app")
        .arg(&photos)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("xvfb-run is installed (tools/test.sh installs the xvfb package)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        out.status.code(),
        Some(124),
        "the app ended early: {stderr}"
    );
}
