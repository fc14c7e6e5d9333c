//! BlazeFace for inference on the CPU, without a tensor library: the same layers and weights as
//! the burn network ([`super::BlazeFace::forward`], kept as the reference), on plain `f32` maps
//! (height, width, channels), one input at a time on the calling thread. The stem
//! ([`super::stem`]) and each chain of stride-1 blocks after it or after a strided block
//! ([`super::fused`], one pass per block) run strip of rows by strip, each layer a row behind
//! the one before, so that the rows in work stay in the caches ([`Network::wave`]); strided
//! blocks, the heads, and every layer on a CPU without AVX2 and FMA, run layer by layer, band of
//! rows by band ([`super::kernels`]). Two buffers take turns holding the maps, kept from one call
//! to the next.

use std::cell::RefCell;
use std::ops::Range;

use super::kernels::{
    add_bias, depthwise, matmul, pooled, same, stem_patches, Shape, STEM_KERNEL, STEM_TAPS,
};
use super::{fused, stem, INPUT_MULTIPLE, NUM_REGRESSORS};
use crate::error::NnError;
use crate::weights::Tensors;

/// Output pixels per band: the band's depthwise output and the output rows stay in the caches.
const BAND_PIXELS: usize = 2048;
/// Output pixels per strip of a chain of stride-1 blocks (see [`Network::wave`]).
const STRIP_PIXELS: usize = 4096;

/// Raw outputs of one input, as [`super::RawOutput`] holds them for a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Outputs {
    /// Score logits, one per anchor (in the order of [`super::anchors::anchors_for`]).
    pub scores: Vec<f32>,
    /// [`NUM_REGRESSORS`] regressors per anchor.
    pub regressors: Vec<f32>,
}

/// Buffers a forward pass works in, reused by the next one.
#[derive(Default)]
struct Scratch {
    maps: [Vec<f32>; 2],
    band: Vec<f32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A 1x1 filter as a matrix (input channels x output channels, row-major) and its bias.
struct Pointwise {
    matrix: Vec<f32>,
    bias: Vec<f32>,
}

impl Pointwise {
    /// `name.weight` (`[out, in, kh, kw]`) and `name.bias`, the filter's taps and input
    /// channels as rows (for a 1x1 filter, its input channels); `rows` gives the row of tap
    /// `(input channel, ky, kx)`.
    fn load(
        t: &Tensors,
        name: &str,
        rows: impl Fn(usize, usize, usize) -> usize,
    ) -> Result<Pointwise, NnError> {
        let (shape, values) = t.raw(&format!("{name}.weight"))?;
        let (_, bias) = t.raw(&format!("{name}.bias"))?;
        let &[out, inputs, kh, kw] = shape.as_slice() else {
            return Err(t.format_error(format!("{name}: not a 4-D filter")));
        };
        if bias.len() != out || values.len() != out * inputs * kh * kw {
            return Err(t.format_error(format!("{name}: bias does not match the filters")));
        }
        let mut matrix = vec![0.0; values.len()];
        for o in 0..out {
            for i in 0..inputs {
                for y in 0..kh {
                    for x in 0..kw {
                        let row = rows(i, y, x);
                        let Some(m) = matrix.get_mut(row * out + o) else {
                            return Err(t.format_error(format!("{name}: unexpected filter size")));
                        };
                        *m = values[((o * inputs + i) * kh + y) * kw + x];
                    }
                }
            }
        }
        Ok(Pointwise {
            matrix,
            bias: bias.clone(),
        })
    }

    fn outputs(&self) -> usize {
        self.bias.len()
    }

    fn inputs(&self) -> usize {
        self.matrix.len() / self.outputs().max(1)
    }
}

/// A block: 3x3 depthwise filter, 1x1 filter, shortcut (unless the last, plain one), ReLU.
struct Block {
    /// The depthwise filter tap by tap, `[9, channels]`.
    taps: Vec<f32>,
    pointwise: Pointwise,
    stride: usize,
    shortcut: bool,
}

impl Block {
    fn load(t: &Tensors, k: usize, stride: usize, shortcut: bool) -> Result<Block, NnError> {
        let name = if k == 0 {
            "depthwise_conv2d".to_string()
        } else {
            format!("depthwise_conv2d_{k}")
        };
        let (shape, values) = t.raw(&format!("{name}.weight"))?;
        let &[channels, 1, 3, 3] = shape.as_slice() else {
            return Err(t.format_error(format!("{name}: not a 3x3 depthwise filter")));
        };
        let mut taps = vec![0.0; 9 * channels];
        for c in 0..channels {
            for tap in 0..9 {
                taps[tap * channels + c] = values[c * 9 + tap];
            }
        }
        let pointwise = Pointwise::load(t, &format!("conv2d_{}", k + 1), |i, _, _| i)?;
        if pointwise.inputs() != channels
            || pointwise.outputs() < channels
            || (shortcut && stride == 1 && pointwise.outputs() != channels)
        {
            return Err(t.format_error(format!("block {k}: channels do not match")));
        }
        Ok(Block {
            taps,
            pointwise,
            stride,
            shortcut,
        })
    }

    /// The shape of the block's output for an input of shape `from`.
    fn output(&self, from: Shape) -> Shape {
        Shape {
            h: same(from.h, 3, self.stride).0,
            w: same(from.w, 3, self.stride).0,
            c: self.pointwise.outputs(),
        }
    }

    /// Whether the block runs fused ([`fused::block_rows`]): stride 1 with its shortcut, as many
    /// channels out as in.
    fn fused(&self) -> bool {
        self.stride == 1
            && self.shortcut
            && self.pointwise.outputs() == self.pointwise.inputs()
            && fused::handles(self.pointwise.inputs())
    }

    /// The block on `input` (`from`) into `out`, which it grows as needed; the output's shape.
    fn run(
        &self,
        input: &[f32],
        from: Shape,
        out: &mut Vec<f32>,
        band: &mut Vec<f32>,
    ) -> Result<Shape, NnError> {
        let to = self.output(from);
        let out = grown(out, to.len());
        self.run_rows(input, from, out, 0..to.h, band)?;
        Ok(to)
    }

    /// Output rows `rows` of the block on `input` (`from`) into `out` (the whole output map).
    fn run_rows(
        &self,
        input: &[f32],
        from: Shape,
        out: &mut [f32],
        rows: Range<usize>,
        band: &mut Vec<f32>,
    ) -> Result<(), NnError> {
        let p = &self.pointwise;
        if self.fused()
            && fused::block_rows(
                input,
                from,
                &self.taps,
                &p.matrix,
                &p.bias,
                rows.clone(),
                out,
            )
        {
            return Ok(());
        }
        let (ci, co) = (from.c, p.outputs());
        let to = self.output(from);
        let rows_per_band = (BAND_PIXELS / to.w.max(1)).max(1);
        let band = grown(band, rows_per_band * to.w * ci);
        let mut r0 = rows.start;
        while r0 < rows.end {
            let r1 = (r0 + rows_per_band).min(rows.end);
            let pixels = (r1 - r0) * to.w;
            let band = &mut band[..pixels * ci];
            depthwise(input, from, &self.taps, self.stride, r0..r1, band);
            let o = &mut out[r0 * to.w * co..r1 * to.w * co];
            if !self.shortcut {
                // Nothing to add to: the product overwrites the output.
            } else if self.stride == 1 {
                o.copy_from_slice(&input[r0 * to.w * ci..r1 * to.w * ci]);
            } else {
                pooled(input, from, r0..r1, o);
            }
            matmul(band, &p.matrix, o, (pixels, ci, co), self.shortcut)?;
            add_bias(o, &p.bias, true);
            r0 = r1;
        }
        Ok(())
    }
}

/// The first `len` values of `buffer`, grown with zeros if shorter.
fn grown(buffer: &mut Vec<f32>, len: usize) -> &mut [f32] {
    if buffer.len() < len {
        buffer.resize(len, 0.0);
    }
    &mut buffer[..len]
}

/// The network, ready for [`Network::forward`].
pub(super) struct Network {
    stem: Pointwise,
    blocks: Vec<Block>,
    scores16: Pointwise,
    regressors16: Pointwise,
    down8: Block,
    scores8: Pointwise,
    regressors8: Pointwise,
}

impl Network {
    /// Reads the weights the burn network reads (see [`super::BlazeFace::from_tensors`]).
    pub(super) fn from_tensors(t: &Tensors) -> Result<Network, NnError> {
        let blocks = (0..31)
            .map(|k| Block::load(t, k, if matches!(k, 7 | 15 | 23) { 2 } else { 1 }, true))
            .collect::<Result<Vec<_>, _>>()?;
        let stem = Pointwise::load(t, "conv2d", |c, y, x| (y * STEM_KERNEL + x) * 3 + c)?;
        if stem.matrix.len() != STEM_TAPS * stem.outputs() {
            return Err(t.format_error("conv2d: not a 5x5 filter on RGB".to_string()));
        }
        let head = |name: &str| Pointwise::load(t, name, |i, _, _| i);
        Ok(Network {
            stem,
            blocks,
            scores16: head("conv2d_33")?,
            regressors16: head("conv2d_35")?,
            down8: Block::load(t, 31, 2, false)?,
            scores8: head("conv2d_34")?,
            regressors8: head("conv2d_36")?,
        })
    }

    /// Raw outputs for a `width` x `height` RGB image (interleaved bytes, row by row), both sides
    /// multiples of [`INPUT_MULTIPLE`], with this thread's buffers.
    pub(super) fn forward(
        &self,
        rgb: &[u8],
        width: usize,
        height: usize,
    ) -> Result<Outputs, NnError> {
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => self.forward_in(rgb, width, height, &mut scratch),
            Err(_) => self.forward_in(rgb, width, height, &mut Scratch::default()),
        })
    }

    fn forward_in(
        &self,
        rgb: &[u8],
        width: usize,
        height: usize,
        scratch: &mut Scratch,
    ) -> Result<Outputs, NnError> {
        if width == 0
            || height == 0
            || !width.is_multiple_of(INPUT_MULTIPLE)
            || !height.is_multiple_of(INPUT_MULTIPLE)
            || rgb.len() < width * height * 3
        {
            return Err(NnError::Inference {
                detail: format!(
                    "a {width}x{height} input ({} bytes) is not a whole RGB image with sides multiple of {INPUT_MULTIPLE}",
                    rgb.len()
                ),
            });
        }
        let Scratch { maps, band } = scratch;
        let mut shape = self.stem_shape(width, height);
        // The stem and the stride-1 blocks after it, strip by strip; then each strided block on
        // its whole map, followed by its own stride-1 blocks strip by strip.
        let mut stem = Some((rgb, (width, height)));
        let mut cur = 0;
        let mut k = 0;
        loop {
            let chain = self.blocks[k..].iter().take_while(|b| b.fused()).count();
            cur = self.wave(
                stem.take(),
                &self.blocks[k..k + chain],
                shape,
                maps,
                cur,
                band,
            )?;
            k += chain;
            let Some(block) = self.blocks.get(k) else {
                break;
            };
            let (input, out) = pair(maps, cur);
            shape = block.run(&input[..shape.len()], shape, out, band)?;
            cur = 1 - cur;
            k += 1;
        }
        let (x16, to) = pair(maps, cur);
        let x16 = &x16[..shape.len()];
        let shape8 = self.down8.run(x16, shape, to, band)?;
        let x8 = &to[..shape8.len()];
        let mut scores = head(&self.scores16, x16, shape)?;
        scores.extend(head(&self.scores8, x8, shape8)?);
        let mut regressors = head(&self.regressors16, x16, shape)?;
        regressors.extend(head(&self.regressors8, x8, shape8)?);
        if regressors.len() != scores.len() * NUM_REGRESSORS {
            return Err(NnError::Inference {
                detail: "the heads do not match".to_string(),
            });
        }
        Ok(Outputs { scores, regressors })
    }

    /// Runs the stem on `stem`'s RGB image (when given; else the map, of shape `shape`, is in
    /// `maps[cur]` already), then the stride-1 `blocks` (whose maps all have that shape), strip
    /// of rows by strip, each layer a row behind the one before, so that the rows in work stay
    /// in the caches. The maps take turns in the two buffers: a layer overwrites, in the other
    /// buffer, only rows of the map two layers back that the layer in between no longer needs.
    /// Returns the buffer that holds the last map.
    fn wave(
        &self,
        stem: Option<(&[u8], (usize, usize))>,
        blocks: &[Block],
        shape: Shape,
        maps: &mut [Vec<f32>; 2],
        cur: usize,
        band: &mut Vec<f32>,
    ) -> Result<usize, NnError> {
        for map in maps.iter_mut() {
            grown(map, shape.len());
        }
        let h = shape.h;
        let strip = (STRIP_PIXELS / shape.w.max(1)).max(1);
        // Rows done of the stem's output (or the given map), then of each block's.
        let mut done = vec![0; blocks.len() + 1];
        if stem.is_none() {
            done[0] = h;
        }
        while done.last().is_some_and(|&d| d < h) {
            if let Some((rgb, size)) = stem {
                let end = (done[0] + strip).min(h);
                let out = &mut maps[cur][..shape.len()];
                self.stem_rows(rgb, size, shape, out, done[0]..end, band)?;
                done[0] = end;
            }
            for (k, block) in blocks.iter().enumerate() {
                // Row r needs rows r - 1 to r + 1 of the map before.
                let ready = if done[k] == h {
                    h
                } else {
                    done[k].saturating_sub(1)
                };
                let end = ready.min(done[k + 1] + strip);
                if end > done[k + 1] {
                    let (input, out) = pair(maps, (cur + k) % 2);
                    let len = shape.len();
                    block.run_rows(
                        &input[..len],
                        shape,
                        &mut out[..len],
                        done[k + 1]..end,
                        band,
                    )?;
                    done[k + 1] = end;
                }
            }
        }
        Ok((cur + blocks.len()) % 2)
    }

    /// The shape of the stem's output for a `width` x `height` input.
    fn stem_shape(&self, width: usize, height: usize) -> Shape {
        Shape {
            h: same(height, STEM_KERNEL, 2).0,
            w: same(width, STEM_KERNEL, 2).0,
            c: self.stem.outputs(),
        }
    }

    /// Rows `rows` of `relu(stem(rgb))` (of shape `to`) into `out` (the whole map).
    fn stem_rows(
        &self,
        rgb: &[u8],
        (width, height): (usize, usize),
        to: Shape,
        out: &mut [f32],
        rows: Range<usize>,
        band: &mut Vec<f32>,
    ) -> Result<(), NnError> {
        let (matrix, bias) = (&self.stem.matrix, &self.stem.bias);
        let size = (width, height);
        if stem::stem_rows(rgb, size, to, matrix, bias, rows.clone(), out, band) {
            return Ok(());
        }
        let co = to.c;
        let rows_per_band = (BAND_PIXELS / to.w.max(1)).max(1);
        let band = grown(band, rows_per_band * to.w * STEM_TAPS);
        let mut r0 = rows.start;
        while r0 < rows.end {
            let r1 = (r0 + rows_per_band).min(rows.end);
            let pixels = (r1 - r0) * to.w;
            let band = &mut band[..pixels * STEM_TAPS];
            stem_patches(rgb, (width, height), r0..r1, band);
            let o = &mut out[r0 * to.w * co..r1 * to.w * co];
            matmul(band, &self.stem.matrix, o, (pixels, STEM_TAPS, co), false)?;
            add_bias(o, &self.stem.bias, true);
            r0 = r1;
        }
        Ok(())
    }
}

/// The buffer `from` of `maps` to read and the other one to write.
fn pair(maps: &mut [Vec<f32>; 2], from: usize) -> (&[f32], &mut Vec<f32>) {
    let [a, b] = maps;
    if from == 0 {
        (a, b)
    } else {
        (b, a)
    }
}

/// A head (1x1 filter, no activation) on `x`: its outputs pixel by pixel, which is anchor by
/// anchor in the order of the anchors.
fn head(p: &Pointwise, x: &[f32], shape: Shape) -> Result<Vec<f32>, NnError> {
    let pixels = shape.h * shape.w;
    let mut out = vec![0.0; pixels * p.outputs()];
    matmul(
        x,
        &p.matrix,
        &mut out,
        (pixels, shape.c, p.outputs()),
        false,
    )?;
    add_bias(&mut out, &p.bias, false);
    Ok(out)
}
