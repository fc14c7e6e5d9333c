//! dlib's ResNet-29 face descriptor ("dlib_face_recognition_resnet_model_v1", CC0), as published
//! in TF.js form by `@vladmandic/face-api`: 150x150 RGB aligned face chips in, 128-D descriptors
//! out; two faces are the same person when the Euclidean distance of their descriptors is below
//! 0.6.

use std::path::Path;

use burn_tensor::activation::relu;
use burn_tensor::module::{avg_pool2d, max_pool2d};
use burn_tensor::ops::{AvgPoolOptions, MaxPoolOptions};
use burn_tensor::{Device, Tensor, TensorData};

use crate::error::NnError;
use crate::layers::Conv;
use crate::models::DLIB_RESNET29;
use crate::weights::{Tensors, WeightFile};

/// Side of the square face chip the network takes.
pub const CHIP_SIZE: usize = 150;
/// Length of a descriptor.
pub const DESCRIPTOR_LEN: usize = 128;
/// dlib's same-person threshold on the Euclidean distance of descriptors.
pub const SAME_PERSON_DISTANCE: f32 = 0.6;
/// Per-channel means subtracted from RGB values (then divided by 256), as dlib does.
pub const MEAN_RGB: [f32; 3] = [122.782, 117.001, 104.298];

/// A residual block: two 3x3 convolutions, with a strided first one and an average-pooled,
/// zero-channel-padded shortcut when it halves the resolution.
struct Block {
    conv1: Conv,
    conv2: Conv,
    down: bool,
}

impl Block {
    fn load(t: &Tensors, name: &str, down: bool, device: &Device) -> Result<Block, NnError> {
        let (stride, padding) = if down { (2, 0) } else { (1, 1) };
        Ok(Block {
            conv1: Conv::with_scale(t, &format!("{name}.conv1"), stride, padding, device)?,
            conv2: Conv::with_scale(t, &format!("{name}.conv2"), 1, 1, device)?,
            down,
        })
    }

    fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let y = self.conv2.forward(relu(self.conv1.forward(x.clone())));
        if !self.down {
            return relu(y + x);
        }
        let pooled = avg_pool2d(x, AvgPoolOptions::new([2, 2]));
        let [n, c_in, h, w] = pooled.dims();
        let [_, c_out, yh, yw] = y.dims();
        let device = y.device();
        // The strided convolution can come out one row/column short of the pooled shortcut.
        let y = if yh < h {
            Tensor::cat(vec![y, Tensor::zeros([n, c_out, h - yh, yw], &device)], 2)
        } else {
            y
        };
        let y = if yw < w {
            Tensor::cat(vec![y, Tensor::zeros([n, c_out, h, w - yw], &device)], 3)
        } else {
            y
        };
        let pooled = if c_out > c_in {
            Tensor::cat(
                vec![pooled, Tensor::zeros([n, c_out - c_in, h, w], &device)],
                1,
            )
        } else {
            pooled
        };
        relu(pooled + y)
    }
}

/// The network.
pub struct DlibResNet {
    stem: Conv,
    blocks: Vec<Block>,
    fc: Tensor<2>,
}

impl DlibResNet {
    /// Loads the network from the models folder, checking the file's SHA-256.
    pub fn load(models_dir: &Path, device: &Device) -> Result<DlibResNet, NnError> {
        let tensors = WeightFile::open(models_dir, DLIB_RESNET29)?.tensors()?;
        Self::from_tensors(&tensors, device)
    }

    /// Builds the network from already loaded tensors.
    pub fn from_tensors(t: &Tensors, device: &Device) -> Result<DlibResNet, NnError> {
        let plan: [(&str, bool); 13] = [
            ("conv32_1", false),
            ("conv32_2", false),
            ("conv32_3", false),
            ("conv64_down", true),
            ("conv64_1", false),
            ("conv64_2", false),
            ("conv64_3", false),
            ("conv128_down", true),
            ("conv128_1", false),
            ("conv128_2", false),
            ("conv256_down", true),
            ("conv256_1", false),
            ("conv256_2", false),
        ];
        let mut blocks = Vec::with_capacity(plan.len() + 1);
        for (name, down) in plan {
            blocks.push(Block::load(t, name, down, device)?);
        }
        blocks.push(Block::load(t, "conv256_down_out", true, device)?);
        Ok(DlibResNet {
            stem: Conv::with_scale(t, "conv32_down", 2, 0, device)?,
            blocks,
            fc: t.tensor::<2>("fc", device)?,
        })
    }

    /// Descriptors `[N, 128]` of normalised chips `[N, 3, 150, 150]` (see [`normalise`]).
    pub fn forward(&self, x: Tensor<4>) -> Tensor<2> {
        let x = relu(self.stem.forward(x));
        let mut x = max_pool2d(x, MaxPoolOptions::new([3, 3]).with_stride([2, 2]));
        for block in &self.blocks {
            x = block.forward(x);
        }
        let [n, c, _, _] = x.dims();
        let pooled = x.mean_dim(3).mean_dim(2).reshape([n, c]);
        pooled.matmul(self.fc.clone())
    }
}

/// Turns 150x150 RGB chips (interleaved u8, row by row) into the network's input `[N, 3, 150, 150]`:
/// `(value - mean) / 256`, channels first.
pub fn normalise(chips: &[&[u8]], device: &Device) -> Tensor<4> {
    let plane = CHIP_SIZE * CHIP_SIZE;
    let mut values = vec![0f32; chips.len() * 3 * plane];
    for (n, chip) in chips.iter().enumerate() {
        for (i, px) in chip.chunks_exact(3).take(plane).enumerate() {
            for c in 0..3 {
                values[(n * 3 + c) * plane + i] = (f32::from(px[c]) - MEAN_RGB[c]) / 256.0;
            }
        }
    }
    Tensor::from_data(
        TensorData::new(values, [chips.len(), 3, CHIP_SIZE, CHIP_SIZE]),
        device,
    )
}
