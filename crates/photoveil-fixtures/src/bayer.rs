//! Sensor samples for the camera RAW fixtures: a Bayer mosaic of the shared picture.

use crate::picture;

/// The first colour of a Bayer mosaic's 2x2 pattern (the top-left sample).
#[derive(Clone, Copy)]
pub(crate) enum Bayer {
    /// Red top-left, blue bottom-right.
    Rggb,
    /// Blue top-left, red bottom-right.
    Bggr,
}

/// Sensor samples of a RAW fixture, row by row: a Bayer mosaic of [`picture`] with each 8-bit
/// value scaled and offset (`value * scale + black`).
pub(crate) fn mosaic(size: (u32, u32), bayer: Bayer, scale: u16, black: u16) -> Vec<u16> {
    let (w, h) = size;
    let rgb = picture(w, h);
    let (first, last) = match bayer {
        Bayer::Rggb => (0, 2),
        Bayer::Bggr => (2, 0),
    };
    (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .map(|(x, y)| {
            let p = rgb.get_pixel(x, y).0;
            let c = match (x % 2, y % 2) {
                (0, 0) => p[first],
                (1, 1) => p[last],
                _ => p[1],
            };
            u16::from(c) * scale + black
        })
        .collect()
}
