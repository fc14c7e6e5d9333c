//! Separable Gaussian smoothing of planar images (the chips' gradients, a face's change).

/// Separable Gaussian smoothing of each plane.
pub(super) fn smooth_planes(planes: &mut [f32], w: usize, h: usize, sigma: f32) {
    let radius = (sigma * 2.5).ceil() as i64;
    let taps: Vec<f32> = (-radius..=radius)
        .map(|i| (-((i * i) as f32) / (2.0 * sigma * sigma)).exp())
        .collect();
    let total: f32 = taps.iter().sum();
    let taps: Vec<f32> = taps.iter().map(|t| t / total).collect();
    let n = w * h;
    let mut tmp = vec![0f32; n];
    for plane in planes.chunks_exact_mut(n) {
        // Along rows (neighbours 1 apart), then along columns (neighbours `w` apart).
        smooth_pass(plane, &mut tmp, &taps, (w, h), (1, w));
        smooth_pass(&tmp, plane, &taps, (w, h), (w, 1));
    }
}

/// One 1-D convolution pass over a `w x h` plane: `along` is the stride between neighbours in
/// the smoothed direction, `across` the stride of the other; borders are clamped.
fn smooth_pass(
    src: &[f32],
    dst: &mut [f32],
    taps: &[f32],
    (w, h): (usize, usize),
    (along, across): (usize, usize),
) {
    let (len, lines) = if along == 1 { (w, h) } else { (h, w) };
    let radius = (taps.len() / 2) as i64;
    for line in 0..lines {
        for i in 0..len {
            let mut acc = 0.0;
            for (k, t) in taps.iter().enumerate() {
                let j = (i as i64 + k as i64 - radius).clamp(0, len as i64 - 1) as usize;
                acc += src[line * across + j * along] * t;
            }
            dst[line * across + i * along] = acc;
        }
    }
}
