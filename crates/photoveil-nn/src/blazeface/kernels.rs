//! The arithmetic of the fast BlazeFace forward pass ([`super::fast`]) on plain `f32` maps stored
//! pixel by pixel with their channels together (height, width, channels), computed band of output
//! rows by band: the 5x5 stem as a matrix product of the pixels' neighbourhoods, the 3x3
//! depthwise filters directly (zeros outside the map read as skipped taps, no padded copies), and
//! the 1x1 filters as matrix products (`matrixmultiply`'s kernels, through `ndarray`'s safe
//! [`general_mat_mul`]) onto an output already holding the block's shortcut, then the bias and
//! ReLU in one pass. The loops run compiled for the CPU's vector instructions (`pulp`'s
//! run-time dispatch). The strided blocks and the heads always run here; the stem and the
//! stride-1 blocks only where the faster [`super::stem`] and [`super::fused`] cannot (no AVX2
//! and FMA).

use ndarray::linalg::general_mat_mul;
use ndarray::{ArrayView2, ArrayViewMut2};

use crate::error::NnError;

/// A map's size: height, width, channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shape {
    pub h: usize,
    pub w: usize,
    pub c: usize,
}

impl Shape {
    /// Number of values.
    pub fn len(self) -> usize {
        self.h * self.w * self.c
    }
}

/// TensorFlow "SAME" for an axis of `input` pixels: outputs and zeros before the input.
pub(super) fn same(input: usize, kernel: usize, stride: usize) -> (usize, usize) {
    let output = input.div_ceil(stride);
    let total = ((output.max(1) - 1) * stride + kernel).saturating_sub(input);
    (output, total / 2)
}

fn gemm_error(e: ndarray::ShapeError) -> NnError {
    NnError::Inference {
        detail: format!("matrix shapes: {e}"),
    }
}

/// `out = a · b` (or `out += a · b` when `accumulate`) for `a` `[m, k]`, `b` `[k, n]`, `out`
/// `[m, n]`, all row-major.
pub(super) fn matmul(
    a: &[f32],
    b: &[f32],
    out: &mut [f32],
    (m, k, n): (usize, usize, usize),
    accumulate: bool,
) -> Result<(), NnError> {
    let a = ArrayView2::from_shape((m, k), a.get(..m * k).unwrap_or(a)).map_err(gemm_error)?;
    let b = ArrayView2::from_shape((k, n), b).map_err(gemm_error)?;
    let len = out.len().min(m * n);
    let mut c = ArrayViewMut2::from_shape((m, n), &mut out[..len]).map_err(gemm_error)?;
    let beta = if accumulate { 1.0 } else { 0.0 };
    general_mat_mul(1.0, &a, &b, beta, &mut c);
    Ok(())
}

/// Runs `f` compiled for the best vector instructions this CPU has (AVX2 and FMA where
/// present): loops inlined into it are vectorised for them (so `f` must be `#[inline(always)]`,
/// and so must what it calls).
#[inline(always)]
fn vectorised<R>(f: impl FnOnce() -> R) -> R {
    pulp::Arch::new().dispatch(f)
}

/// `v + bias` pixel by pixel (`bias.len()` channels), then `max(0, ·)` when `relu`, in place.
pub(super) fn add_bias(values: &mut [f32], bias: &[f32], relu: bool) {
    vectorised(
        #[inline(always)]
        || match bias.len() {
            2 => add_bias_c::<2>(values, bias, relu),
            6 => add_bias_c::<6>(values, bias, relu),
            24 => add_bias_c::<24>(values, bias, relu),
            32 => add_bias_c::<32>(values, bias, relu),
            48 => add_bias_c::<48>(values, bias, relu),
            96 => add_bias_c::<96>(values, bias, relu),
            _ => {
                for px in values.chunks_exact_mut(bias.len().max(1)) {
                    for (v, b) in px.iter_mut().zip(bias) {
                        *v = if relu { (*v + b).max(0.0) } else { *v + b };
                    }
                }
            }
        },
    )
}

#[inline(always)]
fn add_bias_c<const C: usize>(values: &mut [f32], bias: &[f32], relu: bool) {
    let mut b = [0f32; C];
    b.copy_from_slice(&bias[..C]);
    for px in values.chunks_exact_mut(C) {
        for i in 0..C {
            px[i] += b[i];
            if relu {
                px[i] = px[i].max(0.0);
            }
        }
    }
}

/// Rows `rows` of a strided block's shortcut into `out` (`out.len() / rows` values a row): the
/// 2x2 maximum of `input` (`from`) in its first `from.c` channels, zeros in the others.
pub(super) fn pooled(input: &[f32], from: Shape, rows: std::ops::Range<usize>, out: &mut [f32]) {
    let ci = from.c;
    let wo = from.w / 2;
    let Some(co) = out.len().checked_div(rows.len() * wo) else {
        return;
    };
    let row_len = from.w * ci;
    vectorised(
        #[inline(always)]
        || {
            for (r, out_row) in rows.zip(out.chunks_exact_mut(wo * co)) {
                let top = &input[2 * r * row_len..][..row_len];
                let bottom = &input[(2 * r + 1) * row_len..][..row_len];
                for (x, px) in out_row.chunks_exact_mut(co).enumerate() {
                    let (a, b) = (
                        &top[2 * x * ci..][..2 * ci],
                        &bottom[2 * x * ci..][..2 * ci],
                    );
                    let (kept, zeros) = px.split_at_mut(ci.min(co));
                    for (i, o) in kept.iter_mut().enumerate() {
                        *o = a[i].max(a[ci + i]).max(b[i].max(b[ci + i]));
                    }
                    zeros.fill(0.0);
                }
            }
        },
    )
}

/// Output rows `rows` of the 3x3 depthwise filter `weights` (tap by tap, `[9, c]`) at `stride`
/// on `input` (`from`), TensorFlow "SAME" zeros outside, into `out` (row after row).
pub(super) fn depthwise(
    input: &[f32],
    from: Shape,
    weights: &[f32],
    stride: usize,
    rows: std::ops::Range<usize>,
    out: &mut [f32],
) {
    vectorised(
        #[inline(always)]
        || match from.c {
            24 => depthwise_c::<24>(input, from, weights, stride, rows, out),
            48 => depthwise_c::<48>(input, from, weights, stride, rows, out),
            96 => depthwise_c::<96>(input, from, weights, stride, rows, out),
            _ => depthwise_any(input, from, weights, stride, rows, out),
        },
    )
}

/// [`depthwise`] for `C` channels, the sums kept in a fixed-size array; the pixels whose 3x3
/// neighbourhood lies inside the map read it without checks.
#[inline(always)]
fn depthwise_c<const C: usize>(
    input: &[f32],
    from: Shape,
    weights: &[f32],
    stride: usize,
    rows: std::ops::Range<usize>,
    out: &mut [f32],
) {
    let (wo, pad_x) = same(from.w, 3, stride);
    let (_, pad_y) = same(from.h, 3, stride);
    let mut taps = [[0f32; C]; 9];
    for (tap, w) in taps.iter_mut().zip(weights.chunks_exact(C)) {
        tap.copy_from_slice(w);
    }
    let row_len = from.w * C;
    for (oy, out_row) in rows.zip(out.chunks_exact_mut(wo * C)) {
        let lines: [Option<&[f32]>; 3] = std::array::from_fn(|ky| {
            (oy * stride + ky)
                .checked_sub(pad_y)
                .filter(|&y| y < from.h)
                .and_then(|y| input.get(y * row_len..(y + 1) * row_len))
        });
        for (ox, px) in out_row.chunks_exact_mut(C).enumerate() {
            let mut acc = [0f32; C];
            let x0 = (ox * stride) as isize - pad_x as isize;
            if x0 >= 0 && x0 as usize + 3 <= from.w {
                let x0 = x0 as usize;
                for (ky, line) in lines.iter().enumerate() {
                    let Some(line) = line else { continue };
                    let src = &line[x0 * C..(x0 + 3) * C];
                    for kx in 0..3 {
                        let (tap, s) = (&taps[ky * 3 + kx], &src[kx * C..(kx + 1) * C]);
                        for i in 0..C {
                            acc[i] += tap[i] * s[i];
                        }
                    }
                }
            } else {
                for (ky, line) in lines.iter().enumerate() {
                    let Some(line) = line else { continue };
                    for kx in 0..3 {
                        let ix = x0 + kx as isize;
                        if ix < 0 || ix as usize >= from.w {
                            continue;
                        }
                        let ix = ix as usize;
                        let (tap, s) = (&taps[ky * 3 + kx], &line[ix * C..(ix + 1) * C]);
                        for i in 0..C {
                            acc[i] += tap[i] * s[i];
                        }
                    }
                }
            }
            px.copy_from_slice(&acc);
        }
    }
}

/// [`depthwise`] for any number of channels.
#[inline(always)]
fn depthwise_any(
    input: &[f32],
    from: Shape,
    weights: &[f32],
    stride: usize,
    rows: std::ops::Range<usize>,
    out: &mut [f32],
) {
    let c = from.c;
    let (wo, pad_x) = same(from.w, 3, stride);
    let (_, pad_y) = same(from.h, 3, stride);
    for (oy, out_row) in rows.zip(out.chunks_exact_mut(wo * c)) {
        for (ox, px) in out_row.chunks_exact_mut(c).enumerate() {
            px.fill(0.0);
            for ky in 0..3 {
                let Some(iy) = (oy * stride + ky)
                    .checked_sub(pad_y)
                    .filter(|&y| y < from.h)
                else {
                    continue;
                };
                for kx in 0..3 {
                    let Some(ix) = (ox * stride + kx)
                        .checked_sub(pad_x)
                        .filter(|&x| x < from.w)
                    else {
                        continue;
                    };
                    let src = &input[(iy * from.w + ix) * c..][..c];
                    let tap = &weights[(ky * 3 + kx) * c..][..c];
                    for ((o, t), s) in px.iter_mut().zip(tap).zip(src) {
                        *o += t * s;
                    }
                }
            }
        }
    }
}

/// Side of the stem's square filter.
pub(super) const STEM_KERNEL: usize = 5;
/// Values of one stem neighbourhood: 5 x 5 pixels x 3 colours.
pub(super) const STEM_TAPS: usize = STEM_KERNEL * STEM_KERNEL * 3;

/// The neighbourhoods the stem (5x5, stride 2, "SAME") reads for output rows `rows`, from
/// `width` x `height` RGB bytes normalised as `(v - 127.5) / 127.5`, zeros outside: one row of
/// [`STEM_TAPS`] values (row of the filter, column, colour) per output pixel, into `out`.
pub(super) fn stem_patches(
    rgb: &[u8],
    (width, height): (usize, usize),
    rows: std::ops::Range<usize>,
    out: &mut [f32],
) {
    let (wo, pad_x) = same(width, STEM_KERNEL, 2);
    let (_, pad_y) = same(height, STEM_KERNEL, 2);
    let value = |v: u8| (f32::from(v) - 127.5) * (1.0 / 127.5);
    for (oy, out_row) in rows.zip(out.chunks_exact_mut(wo * STEM_TAPS)) {
        for (ox, patch) in out_row.chunks_exact_mut(STEM_TAPS).enumerate() {
            for (ky, patch_row) in patch.chunks_exact_mut(STEM_KERNEL * 3).enumerate() {
                let iy = (oy * 2 + ky).checked_sub(pad_y).filter(|&y| y < height);
                let x0 = (ox * 2) as isize - pad_x as isize;
                match iy {
                    Some(iy) if x0 >= 0 && x0 as usize + STEM_KERNEL <= width => {
                        let start = (iy * width + x0 as usize) * 3;
                        for (p, &v) in patch_row.iter_mut().zip(&rgb[start..][..STEM_KERNEL * 3]) {
                            *p = value(v);
                        }
                    }
                    Some(iy) => {
                        for (kx, px) in patch_row.chunks_exact_mut(3).enumerate() {
                            let ix = x0 + kx as isize;
                            if ix >= 0 && (ix as usize) < width {
                                let start = (iy * width + ix as usize) * 3;
                                for (p, &v) in px.iter_mut().zip(&rgb[start..][..3]) {
                                    *p = value(v);
                                }
                            } else {
                                px.fill(0.0);
                            }
                        }
                    }
                    None => patch_row.fill(0.0),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_padding_matches_tensorflow() {
        assert_eq!(same(256, 5, 2), (128, 1));
        assert_eq!(same(128, 3, 1), (128, 1));
        assert_eq!(same(128, 3, 2), (64, 0));
        assert_eq!(same(25, 3, 2), (13, 1));
    }

    #[test]
    fn depthwise_skips_the_taps_outside_the_map() {
        // 2x2 map of ones, 1 channel, every tap 1: each output sums the pixels it sees.
        let from = Shape { h: 2, w: 2, c: 1 };
        let mut out = vec![0.0; 4];
        depthwise(&[1.0; 4], from, &[1.0; 9], 1, 0..2, &mut out);
        assert_eq!(out, vec![4.0; 4]);
        let mut out = vec![0.0; 1];
        depthwise(&[1.0, 2.0, 3.0, 4.0], from, &[1.0; 9], 2, 0..1, &mut out);
        assert_eq!(out, vec![10.0]);
    }

    #[test]
    fn pooled_shortcut_takes_the_maximum_and_pads_channels_with_zeros() {
        let from = Shape { h: 2, w: 2, c: 1 };
        let mut out = vec![9.0; 2];
        pooled(&[1.0, -3.0, 7.0, 2.0], from, 0..1, &mut out);
        assert_eq!(out, vec![7.0, 0.0]);
    }
}
