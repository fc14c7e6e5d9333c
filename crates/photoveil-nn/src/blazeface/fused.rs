//! A whole stride-1 BlazeFace block in one pass over its rows: for a few pixels at a time, the
//! 3x3 depthwise filter into a small array, then the 1x1 filter onto the shortcut and the bias,
//! and the ReLU, written once. Nothing goes through a band buffer, a packed matrix or a second
//! pass over the output, so the work stays in registers and the first-level caches. The loops
//! have fixed lengths (24, 48 or 96 channels: 3, 6 or 12 AVX vectors of 8) and run on `pulp`'s
//! AVX2 and FMA instructions, found at run time; without them the caller computes the block
//! layer by layer (see [`super::kernels`]).

use std::ops::Range;

use super::kernels::Shape;

/// Output channels computed together: three AVX vectors of 8.
const GROUP: usize = 3;
/// Pixels computed together: their 3 x [`GROUP`] sums, [`GROUP`] weight vectors and a broadcast
/// value fit in the 16 AVX registers (4 pixels measured 5% slower, 2 pixels 8% slower).
const PIXELS: usize = 3;

/// Whether [`block_rows`] computes blocks of `channels` channels in and out.
pub(super) fn handles(channels: usize) -> bool {
    matches!(channels, 24 | 48 | 96)
}

/// Output rows `rows` of a stride-1 block with `shape.c` channels in and out (see [`handles`]):
/// `relu(input + bias + depthwise(input) · matrix)`, the depthwise filter `taps` (`[9, c]`, tap
/// by tap, TensorFlow "SAME" zeros outside the map) and the 1x1 filter `matrix` (`[c, c]`,
/// input channel by output channel), into `out` (the whole output map, as large as `input`).
/// Returns false, computing nothing, where the CPU lacks AVX2 and FMA, for other channel counts
/// or for buffers too short: the caller then computes the block layer by layer.
pub(super) fn block_rows(
    input: &[f32],
    shape: Shape,
    taps: &[f32],
    matrix: &[f32],
    bias: &[f32],
    rows: Range<usize>,
    out: &mut [f32],
) -> bool {
    if rows.end > shape.h || input.len() < shape.len() || out.len() < shape.len() {
        return false;
    }
    let len = shape.len();
    #[cfg(target_arch = "x86_64")]
    if let Some(simd) = pulp::x86::V3::try_new() {
        let map = Map {
            input: &input[..len],
            shape,
            taps,
            matrix,
            bias,
        };
        let out = &mut out[..len];
        return simd.vectorize(
            #[inline(always)]
            || match shape.c {
                24 => avx::rows::<3>(simd, &map, rows, out),
                48 => avx::rows::<6>(simd, &map, rows, out),
                96 => avx::rows::<12>(simd, &map, rows, out),
                _ => false,
            },
        );
    }
    let _ = (taps, matrix, bias, len);
    false
}

/// Whether this CPU has the AVX2 and FMA instructions the fused kernels run on.
#[cfg(test)]
pub(super) fn avx_available() -> bool {
    #[cfg(target_arch = "x86_64")]
    return pulp::x86::V3::is_available();
    #[cfg(not(target_arch = "x86_64"))]
    return false;
}

/// A block's input map and weights.
struct Map<'a> {
    input: &'a [f32],
    shape: Shape,
    taps: &'a [f32],
    matrix: &'a [f32],
    bias: &'a [f32],
}

#[cfg(target_arch = "x86_64")]
mod avx {
    use std::ops::Range;

    use pulp::bytemuck::try_cast_slice;
    use pulp::x86::V3;
    use pulp::{f32x8, Simd};

    use super::{Map, GROUP, PIXELS};

    /// The weights of a block with `V` vectors of 8 channels.
    struct Weights<'a, const V: usize> {
        /// `[9][V]`, tap by tap.
        taps: &'a [[f32x8; V]],
        /// `[channels][V]`, input channel by input channel.
        matrix: &'a [[f32x8; V]],
        bias: &'a [f32x8; V],
    }

    /// [`super::block_rows`] for `V` vectors of 8 channels.
    #[inline(always)]
    pub(super) fn rows<const V: usize>(
        simd: V3,
        map: &Map,
        rows: Range<usize>,
        out: &mut [f32],
    ) -> bool {
        let c = V * 8;
        let (Ok(input), Ok(taps), Ok(matrix), Ok(bias), Ok(out)) = (
            try_cast_slice::<f32, [f32x8; V]>(map.input),
            try_cast_slice::<f32, [f32x8; V]>(map.taps),
            try_cast_slice::<f32, [f32x8; V]>(map.matrix),
            try_cast_slice::<f32, [f32x8; V]>(map.bias),
            pulp::bytemuck::try_cast_slice_mut::<f32, [f32x8; V]>(out),
        ) else {
            return false;
        };
        let (Some(bias), true, true) = (bias.first(), taps.len() == 9, matrix.len() == c) else {
            return false;
        };
        if !V.is_multiple_of(GROUP) {
            return false;
        }
        let weights = Weights { taps, matrix, bias };
        let (w, h) = (map.shape.w, map.shape.h);
        let line = |y: usize| input.get(y * w..(y + 1) * w);
        for y in rows {
            let lines = [
                y.checked_sub(1).and_then(line),
                line(y),
                if y + 1 < h { line(y + 1) } else { None },
            ];
            let (Some(centre), Some(out_row)) = (lines[1], out.get_mut(y * w..(y + 1) * w)) else {
                return false;
            };
            let mut x = 0;
            while x + PIXELS <= w {
                pixels::<V, PIXELS>(simd, &lines, centre, x, &weights, out_row);
                x += PIXELS;
            }
            while x < w {
                pixels::<V, 1>(simd, &lines, centre, x, &weights, out_row);
                x += 1;
            }
        }
        true
    }

    /// Output pixels `x..x + P` of one row (`centre` the input row, `lines` the rows above, at
    /// and below it).
    #[inline(always)]
    fn pixels<const V: usize, const P: usize>(
        simd: V3,
        lines: &[Option<&[[f32x8; V]]>; 3],
        centre: &[[f32x8; V]],
        x: usize,
        weights: &Weights<V>,
        out_row: &mut [[f32x8; V]],
    ) {
        let w = centre.len();
        let mut dw = [[simd.splat_f32s(0.0); V]; P];
        if x >= 1 && x + P < w {
            depthwise_inside(simd, lines, x, weights.taps, &mut dw);
        } else {
            for (p, d) in dw.iter_mut().enumerate() {
                *d = depthwise(simd, lines, x + p, w, weights.taps);
            }
        }
        let shortcut = &centre[x..x + P];
        let out = &mut out_row[x..x + P];
        for g in 0..V / GROUP {
            let v0 = g * GROUP;
            let mut acc = [[simd.splat_f32s(0.0); GROUP]; P];
            for (a, s) in acc.iter_mut().zip(shortcut) {
                for i in 0..GROUP {
                    a[i] = simd.add_f32s(s[v0 + i], weights.bias[v0 + i]);
                }
            }
            for (v, rows) in weights.matrix.chunks_exact(8).enumerate() {
                let values: [&[f32; 8]; P] = std::array::from_fn(|p| lanes(&dw[p][v]));
                for (lane, m) in rows.iter().enumerate() {
                    for (a, d) in acc.iter_mut().zip(&values) {
                        let b = simd.splat_f32s(d[lane]);
                        for i in 0..GROUP {
                            a[i] = simd.mul_add_e_f32s(b, m[v0 + i], a[i]);
                        }
                    }
                }
            }
            let zero = simd.splat_f32s(0.0);
            for (o, a) in out.iter_mut().zip(&acc) {
                for i in 0..GROUP {
                    o[v0 + i] = simd.max_f32s(a[i], zero);
                }
            }
        }
    }

    /// The values of a vector.
    #[inline(always)]
    fn lanes(v: &f32x8) -> &[f32; 8] {
        pulp::bytemuck::cast_ref(v)
    }

    /// The depthwise filter at pixels `x..x + P` of a row whose pixels `x - 1` to `x + P` all lie
    /// inside the map, into `dw` (zeros on entry).
    #[inline(always)]
    fn depthwise_inside<const V: usize, const P: usize>(
        simd: V3,
        lines: &[Option<&[[f32x8; V]]>; 3],
        x: usize,
        taps: &[[f32x8; V]],
        dw: &mut [[f32x8; V]; P],
    ) {
        for (ky, line) in lines.iter().enumerate() {
            let Some(line) = line else { continue };
            let Some(src) = line.get(x - 1..x + P + 1) else {
                continue;
            };
            for v in 0..V {
                for kx in 0..3 {
                    let t = taps[ky * 3 + kx][v];
                    for (p, d) in dw.iter_mut().enumerate() {
                        d[v] = simd.mul_add_e_f32s(t, src[p + kx][v], d[v]);
                    }
                }
            }
        }
    }

    /// The depthwise filter at pixel `x` of a row `w` pixels wide.
    #[inline(always)]
    fn depthwise<const V: usize>(
        simd: V3,
        lines: &[Option<&[[f32x8; V]]>; 3],
        x: usize,
        w: usize,
        taps: &[[f32x8; V]],
    ) -> [f32x8; V] {
        let mut acc = [simd.splat_f32s(0.0); V];
        for (ky, line) in lines.iter().enumerate() {
            let Some(line) = line else { continue };
            for kx in 0..3 {
                let Some(ix) = (x + kx).checked_sub(1).filter(|&ix| ix < w) else {
                    continue;
                };
                let (tap, s) = (&taps[ky * 3 + kx], &line[ix]);
                for i in 0..V {
                    acc[i] = simd.mul_add_e_f32s(tap[i], s[i], acc[i]);
                }
            }
        }
        acc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blazeface::kernels::{add_bias, depthwise, matmul};

    /// Deterministic values in [-1, 1).
    fn values(n: usize, seed: u32) -> Vec<f32> {
        (0..n as u32)
            .map(|i| {
                ((i ^ seed).wrapping_mul(2_654_435_761) >> 8) as f32 / (1u32 << 23) as f32 - 1.0
            })
            .collect()
    }

    /// The block layer by layer, as [`super::super::fast`] computes it without this module.
    fn reference(
        input: &[f32],
        shape: Shape,
        taps: &[f32],
        matrix: &[f32],
        bias: &[f32],
    ) -> Vec<f32> {
        let pixels = shape.h * shape.w;
        let mut dw = vec![0.0; shape.len()];
        depthwise(input, shape, taps, 1, 0..shape.h, &mut dw);
        let mut out = input.to_vec();
        matmul(&dw, matrix, &mut out, (pixels, shape.c, shape.c), true).unwrap();
        add_bias(&mut out, bias, true);
        out
    }

    #[test]
    fn a_fused_block_computes_what_its_layers_do() {
        // Widths with and without a remainder of pixels, rows at the map's edges and inside.
        for (c, w, h, rows) in [(24, 9, 5, 0..5), (48, 6, 4, 1..3), (96, 5, 3, 0..3)] {
            let shape = Shape { h, w, c };
            let input = values(shape.len(), 1);
            let (taps, matrix, bias) = (values(9 * c, 2), values(c * c, 3), values(c, 4));
            let mut out = vec![f32::NAN; shape.len()];
            if !block_rows(&input, shape, &taps, &matrix, &bias, rows.clone(), &mut out) {
                // No AVX2 and FMA here: the caller's layer-by-layer path runs instead.
                assert!(!avx_available());
                continue;
            }
            let expected = reference(&input, shape, &taps, &matrix, &bias);
            let row = w * c;
            for (y, (got, want)) in out.chunks(row).zip(expected.chunks(row)).enumerate() {
                for (g, e) in got.iter().zip(want) {
                    if rows.contains(&y) {
                        assert!(
                            (g - e).abs() <= 1e-4 * e.abs().max(1.0),
                            "{c} channels: {g} vs {e}"
                        );
                    } else {
                        assert!(g.is_nan(), "row {y} is outside the rows asked for");
                    }
                }
            }
        }
    }

    #[test]
    fn other_channel_counts_are_left_to_the_caller() {
        let shape = Shape { h: 2, w: 2, c: 8 };
        let mut out = vec![0.0; shape.len()];
        assert!(!handles(8));
        assert!(!block_rows(
            &[0.0; 32],
            shape,
            &[0.0; 72],
            &[0.0; 64],
            &[0.0; 8],
            0..2,
            &mut out
        ));
    }
}
