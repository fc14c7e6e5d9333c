//! BlazeFace's first layer (5x5 filter, stride 2, 3 colours in, 24 channels out, ReLU) straight
//! from the RGB bytes, without a matrix of neighbourhoods: the rows a band of outputs reads are
//! normalised into a buffer padded with the filter's zeros, and each output pixel's 75 taps are
//! then 5 runs of 15 consecutive values there, each broadcast onto the filter's 24 outputs
//! (three AVX vectors) with fused multiply-adds, four output pixels at a time.

use std::ops::Range;

use super::kernels::{same, Shape, STEM_KERNEL, STEM_TAPS};

/// Output channels the direct stem computes.
pub(super) const CHANNELS: usize = 24;
/// Values of a neighbourhood's row: 5 pixels x 3 colours.
const RUN: usize = STEM_KERNEL * 3;

/// Rows `rows` of `relu(stem(rgb))` (shape `to`, [`CHANNELS`] channels) of a `width` x `height`
/// RGB image, into `out` (the whole output map), `matrix` being the filter (`[75, 24]`, tap by
/// tap as [`super::kernels::stem_patches`] orders them) and `bias` its bias; `band` holds the
/// normalised rows. Returns false, computing nothing, where the CPU lacks AVX2 and FMA or the
/// sizes do not match: the caller then uses the matrix product.
#[allow(clippy::too_many_arguments)]
pub(super) fn stem_rows(
    rgb: &[u8],
    (width, height): (usize, usize),
    to: Shape,
    matrix: &[f32],
    bias: &[f32],
    rows: Range<usize>,
    out: &mut [f32],
    band: &mut Vec<f32>,
) -> bool {
    let (wo, pad_x) = same(width, STEM_KERNEL, 2);
    let (ho, pad_y) = same(height, STEM_KERNEL, 2);
    if to.c != CHANNELS
        || (to.w, to.h) != (wo, ho)
        || rows.end > ho
        || rgb.len() < width * height * 3
        || out.len() < to.len()
        || matrix.len() != STEM_TAPS * CHANNELS
        || bias.len() != CHANNELS
    {
        return false;
    }
    #[cfg(target_arch = "x86_64")]
    if let Some(simd) = pulp::x86::V3::try_new() {
        // Padded columns: output x reads padded columns 2x to 2x + 4.
        let padded_w = 2 * wo + STEM_KERNEL - 2;
        let first = 2 * rows.start;
        let lines = 2 * rows.len() + STEM_KERNEL - 2;
        band.clear();
        band.resize(lines * padded_w * 3, 0.0);
        for (i, line) in band.chunks_exact_mut(padded_w * 3).enumerate() {
            let Some(iy) = (first + i).checked_sub(pad_y).filter(|&y| y < height) else {
                continue;
            };
            let src = &rgb[iy * width * 3..(iy + 1) * width * 3];
            let end = ((pad_x + width) * 3).min(line.len());
            for (d, &v) in line[pad_x * 3..end].iter_mut().zip(src) {
                *d = (f32::from(v) - 127.5) * (1.0 / 127.5);
            }
        }
        let band = &band[..];
        return simd.vectorize(
            #[inline(always)]
            || {
                avx::rows(
                    simd,
                    band,
                    padded_w,
                    matrix,
                    bias,
                    rows,
                    &mut out[..to.len()],
                )
            },
        );
    }
    let _ = (matrix, bias, band, pad_x, pad_y);
    false
}

#[cfg(target_arch = "x86_64")]
mod avx {
    use std::ops::Range;

    use pulp::bytemuck::{try_cast_slice, try_cast_slice_mut};
    use pulp::x86::V3;
    use pulp::{f32x8, Simd};

    use super::{RUN, STEM_KERNEL};

    /// Output pixels computed together.
    const PIXELS: usize = 4;

    /// See [`super::stem_rows`]; `band` holds the padded, normalised lines from line
    /// `2 * rows.start` on, `padded_w` pixels each.
    #[inline(always)]
    pub(super) fn rows(
        simd: V3,
        band: &[f32],
        padded_w: usize,
        matrix: &[f32],
        bias: &[f32],
        rows: Range<usize>,
        out: &mut [f32],
    ) -> bool {
        let (Ok(matrix), Ok(bias), Ok(out)) = (
            try_cast_slice::<f32, [f32x8; 3]>(matrix),
            try_cast_slice::<f32, [f32x8; 3]>(bias),
            try_cast_slice_mut::<f32, [f32x8; 3]>(out),
        ) else {
            return false;
        };
        let (Some(bias), Some(matrix)) = (bias.first(), matrix.first_chunk::<75>()) else {
            return false;
        };
        let wo = (padded_w + 2 - STEM_KERNEL) / 2;
        let line_len = padded_w * 3;
        let first = rows.start;
        for y in rows {
            let top = 2 * (y - first) * line_len;
            let Some(lines) = band.get(top..top + STEM_KERNEL * line_len) else {
                return false;
            };
            let Some(out_row) = out.get_mut(y * wo..(y + 1) * wo) else {
                return false;
            };
            let mut x = 0;
            while x + PIXELS <= wo {
                pixels::<PIXELS>(simd, lines, line_len, x, matrix, bias, out_row);
                x += PIXELS;
            }
            while x < wo {
                pixels::<1>(simd, lines, line_len, x, matrix, bias, out_row);
                x += 1;
            }
        }
        true
    }

    /// Output pixels `x..x + P` of a row whose 5 padded input lines are `lines`.
    #[inline(always)]
    fn pixels<const P: usize>(
        simd: V3,
        lines: &[f32],
        line_len: usize,
        x: usize,
        matrix: &[[f32x8; 3]; 75],
        bias: &[f32x8; 3],
        out_row: &mut [[f32x8; 3]],
    ) {
        let mut acc = [*bias; P];
        for ky in 0..STEM_KERNEL {
            let line = &lines[ky * line_len..(ky + 1) * line_len];
            let Some(src) = line.get(6 * x..6 * x + 6 * (P - 1) + RUN) else {
                return;
            };
            for j in 0..RUN {
                let m = &matrix[ky * RUN + j];
                for (p, a) in acc.iter_mut().enumerate() {
                    let b = simd.splat_f32s(src[6 * p + j]);
                    for i in 0..3 {
                        a[i] = simd.mul_add_e_f32s(b, m[i], a[i]);
                    }
                }
            }
        }
        let zero = simd.splat_f32s(0.0);
        for (o, a) in out_row[x..x + P].iter_mut().zip(&acc) {
            for i in 0..3 {
                o[i] = simd.max_f32s(a[i], zero);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blazeface::kernels::{add_bias, matmul, stem_patches};

    #[test]
    fn the_direct_stem_computes_the_matrix_product_of_the_neighbourhoods() {
        // Even and odd sizes (TensorFlow "SAME" pads them differently), a remainder of pixels.
        for (width, height, rows) in [(32, 32, 0..16), (22, 13, 2..7)] {
            let rgb: Vec<u8> = (0..width * height * 3)
                .map(|i| (i * 37 % 251) as u8)
                .collect();
            let (wo, _) = same(width, STEM_KERNEL, 2);
            let (ho, _) = same(height, STEM_KERNEL, 2);
            let to = Shape {
                h: ho,
                w: wo,
                c: CHANNELS,
            };
            let matrix: Vec<f32> = (0..STEM_TAPS * CHANNELS)
                .map(|i| ((i * 7919) % 200) as f32 / 100.0 - 1.0)
                .collect();
            let bias: Vec<f32> = (0..CHANNELS).map(|i| i as f32 / 24.0 - 0.5).collect();
            let mut out = vec![f32::NAN; to.len()];
            let mut band = Vec::new();
            let size = (width, height);
            if !stem_rows(
                &rgb,
                size,
                to,
                &matrix,
                &bias,
                rows.clone(),
                &mut out,
                &mut band,
            ) {
                assert!(!super::super::fused::avx_available());
                continue;
            }
            let mut patches = vec![0.0; wo * rows.len() * STEM_TAPS];
            stem_patches(&rgb, size, rows.clone(), &mut patches);
            let mut expected = vec![0.0; wo * rows.len() * CHANNELS];
            let dims = (wo * rows.len(), STEM_TAPS, CHANNELS);
            matmul(&patches, &matrix, &mut expected, dims, false).unwrap();
            add_bias(&mut expected, &bias, true);
            let got = &out[rows.start * wo * CHANNELS..rows.end * wo * CHANNELS];
            for (g, e) in got.iter().zip(&expected) {
                assert!(
                    (g - e).abs() <= 1e-4 * e.abs().max(1.0),
                    "{width}x{height}: {g} vs {e}"
                );
            }
            assert!(out[..rows.start * wo * CHANNELS].iter().all(|v| v.is_nan()));
        }
    }
}
