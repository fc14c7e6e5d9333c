//! The window icon: the app icon that the packages install (rendered from
//! `packaging/icons/org.photoveil.PhotoVeil.svg` by `tools/packaging/icons.sh`), built into the binary
//! so the window and the menu entry show the same picture.

/// The 64x64 PNG of the app icon.
const ICON_PNG: &[u8] =
    include_bytes!("../../packaging/icons/hicolor/64x64/apps/org.photoveil.PhotoVeil.png");

/// The window icon, or `None` if the platform refuses it.
pub fn window_icon() -> Option<iced::window::Icon> {
    let picture = image::load_from_memory_with_format(ICON_PNG, image::ImageFormat::Png)
        .ok()?
        .to_rgba8();
    let (width, height) = picture.dimensions();
    iced::window::icon::from_rgba(picture.into_raw(), width, height).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_packaged_icon_decodes_into_a_window_icon() {
        let picture = image::load_from_memory(super::ICON_PNG)
            .expect("icon")
            .to_rgba8();
        assert_eq!(picture.dimensions(), (64, 64));
        assert_eq!(picture.get_pixel(0, 0)[3], 0, "transparent corner");
        assert_eq!(picture.get_pixel(32, 32)[3], 255, "opaque middle");
        assert!(super::window_icon().is_some());
    }
}
