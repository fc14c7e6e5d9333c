//! The real desktop app under a virtual X server (Xvfb, no GPU): it opens, scans a folder, and
//! stays up without panicking, with the renderer it picks itself (wgpu on whatever graphics
//! driver the machine has, else software) and with the software renderer forced.
//! tools/test.sh installs `xvfb`.

use std::process::Command;

#[test]
fn app_stays_up_under_xvfb_while_scanning_a_folder() {
    stays_up(None);
}

#[test]
fn app_stays_up_under_xvfb_with_the_software_renderer() {
    stays_up(Some("tiny-skia"));
}

/// Runs the app on a folder for 6 s under Xvfb with `backend` (`None`: iced's own choice).
fn stays_up(backend: Option<&str>) {
    // One X server at a time: `xvfb-run -a` started twice at once can pick the same display.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
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
    let mut command = Command::new("xvfb-run");
    match backend {
        Some(backend) => command.env("ICED_BACKEND", backend),
        None => command.env_remove("ICED_BACKEND"),
    };
    let out = command
        .args(["-a", "-s", "-screen 0 1280x800x24", "timeout", "6"])
        .arg(env!("CARGO_BIN_EXE_photoveil"))
        .arg("app")
        .arg(&photos)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_RUNTIME_DIR", home.path())
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("xvfb-run is installed (tools/test.sh installs the xvfb package)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        out.status.code(),
        Some(124),
        "the app ended early ({backend:?}): {stderr}"
    );
}
