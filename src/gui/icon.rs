//! The window icon, drawn in code: a rounded blue tile with a white veil over a photo's horizon.

use image::{Rgba, RgbaImage};

/// The icon as an image of `size` x `size` pixels.
pub fn draw(size: u32) -> RgbaImage {
    let s = size as f32;
    let radius = s * 0.2;
    RgbaImage::from_fn(size, size, |x, y| {
        let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
        // Rounded square mask.
        let dx = (radius - px).max(px - (s - radius)).max(0.0);
        let dy = (radius - py).max(py - (s - radius)).max(0.0);
        let outside = (dx * dx + dy * dy).sqrt() - radius;
        let alpha = (0.5 - outside).clamp(0.0, 1.0);
        if alpha <= 0.0 {
            return Rgba([0, 0, 0, 0]);
        }
        let (u, v) = (px / s, py / s);
        // Background: deep blue to teal.
        let mut c = [30.0 + 10.0 * v, 90.0 + 50.0 * v, 160.0 + 20.0 * (1.0 - v)];
        // A sun and hills: the photo.
        let sun = ((u - 0.68).powi(2) + (v - 0.34).powi(2)).sqrt();
        if sun < 0.1 {
            c = [250.0, 214.0, 110.0];
        }
        let hill = 0.72 - 0.12 * (std::f32::consts::PI * u * 1.6).sin();
        if v > hill {
            c = [40.0, 150.0, 120.0];
        }
        // The veil: a translucent white curve across the upper left.
        let veil = v - (0.2 + 0.5 * (1.0 - u).powi(2));
        if veil < 0.0 && u < 0.9 {
            let a = 0.55;
            for channel in &mut c {
                *channel = *channel * (1.0 - a) + 255.0 * a;
            }
        }
        Rgba([c[0] as u8, c[1] as u8, c[2] as u8, (alpha * 255.0) as u8])
    })
}

/// The window icon, or `None` if the platform refuses it.
pub fn window_icon() -> Option<iced::window::Icon> {
    let picture = draw(64);
    iced::window::icon::from_rgba(picture.into_raw(), 64, 64).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn icon_is_opaque_inside_and_clear_in_corners() {
        let icon = super::draw(64);
        assert_eq!(icon.get_pixel(0, 0)[3], 0);
        assert_eq!(icon.get_pixel(32, 32)[3], 255);
        assert!(super::window_icon().is_some());
    }

    /// Writes `assets/icons/photoveil-256.png` (run with `-- --ignored` after changing `draw`).
    #[test]
    #[ignore]
    fn write_icon_png() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons");
        std::fs::create_dir_all(&path).unwrap();
        super::draw(256)
            .save(path.join("photoveil-256.png"))
            .unwrap();
    }
}
