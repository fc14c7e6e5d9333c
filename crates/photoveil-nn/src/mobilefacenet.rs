//! MobileFaceNet, the ArcFace / InsightFace-family identity embedding, as published by
//! Faceplugin in npm `faceplugin-face-recognition-js` 0.0.1 (`model/fr_feature.onnx`, MIT):
//! 112x112 RGB chips aligned on the ArcFace five-point template in, 512-D embeddings out.
//! Compare embeddings by cosine similarity. Its family (depthwise bottlenecks, a 7x7 depthwise
//! "global" head, margin-loss training) is the one most face-swap tools take identities from.

use std::path::Path;

use burn_tensor::{Device, Tensor};

use crate::error::NnError;
use crate::layers::{Conv, PRelu};
use crate::models::MOBILEFACENET;
use crate::weights::{Tensors, WeightFile};

/// Side of the square face chip the network takes.
pub const CHIP_SIZE: usize = 112;
/// Length of an embedding.
pub const EMBEDDING_LEN: usize = 512;
/// Subtracted from each RGB value before scaling (the package's `preprocessFeature`).
pub const PIXEL_MEAN: f32 = 127.0;
/// Multiplies each centred RGB value.
pub const PIXEL_SCALE: f32 = 1.0 / 128.0;

/// `(expanded channels, stride, residual)` of each bottleneck block, in order (the converter,
/// `tools/models/convert_mobilefacenet.py`, checks the graph against the same table).
const BLOCKS: [(usize, usize, bool); 15] = [
    (128, 2, false),
    (128, 1, true),
    (128, 1, true),
    (128, 1, true),
    (128, 1, true),
    (256, 2, false),
    (256, 1, true),
    (256, 1, true),
    (256, 1, true),
    (256, 1, true),
    (256, 1, true),
    (256, 1, true),
    (512, 2, false),
    (256, 1, true),
    (256, 1, true),
];

/// 1x1 expansion with PReLU, 3x3 depthwise with PReLU, linear 1x1 projection, and the block's
/// input added back when it is residual.
struct Bottleneck {
    expand: Conv,
    expand_act: PRelu,
    depthwise: Conv,
    depthwise_act: PRelu,
    project: Conv,
    residual: bool,
}

impl Bottleneck {
    fn load(
        t: &Tensors,
        index: usize,
        (expanded, stride, residual): (usize, usize, bool),
        device: &Device,
    ) -> Result<Bottleneck, NnError> {
        let p = format!("blocks.{index}");
        let depthwise = Conv::depthwise(t, &format!("{p}.dw"), stride, 1, device)?;
        if depthwise.dims()[0] != expanded {
            return Err(t.format_error(format!("{p}: expected {expanded} expanded channels")));
        }
        Ok(Bottleneck {
            expand: Conv::load(t, &format!("{p}.expand"), 1, 0, device)?,
            expand_act: PRelu::load(t, &format!("{p}.expand_prelu"), device)?,
            depthwise,
            depthwise_act: PRelu::load(t, &format!("{p}.dw_prelu"), device)?,
            project: Conv::load(t, &format!("{p}.project"), 1, 0, device)?,
            residual,
        })
    }

    fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let y = self.expand_act.forward(self.expand.forward(x.clone()));
        let y = self.depthwise_act.forward(self.depthwise.forward(y));
        let y = self.project.forward(y);
        if self.residual {
            x + y
        } else {
            y
        }
    }
}

/// The network.
pub struct MobileFaceNet {
    stem_conv: Conv,
    stem_conv_act: PRelu,
    stem_dw: Conv,
    stem_dw_act: PRelu,
    blocks: Vec<Bottleneck>,
    head_expand: Conv,
    head_expand_act: PRelu,
    head_gdc: Conv,
    head_linear: Conv,
}

impl MobileFaceNet {
    /// Loads the network from the models folder, checking the file's SHA-256.
    pub fn load(models_dir: &Path, device: &Device) -> Result<MobileFaceNet, NnError> {
        let tensors = WeightFile::open(models_dir, MOBILEFACENET)?.tensors()?;
        Self::from_tensors(&tensors, device)
    }

    /// Builds the network from already loaded tensors (see
    /// `tools/models/convert_mobilefacenet.py` for their names and layout).
    pub fn from_tensors(t: &Tensors, device: &Device) -> Result<MobileFaceNet, NnError> {
        let blocks = BLOCKS
            .iter()
            .enumerate()
            .map(|(i, &shape)| Bottleneck::load(t, i, shape, device))
            .collect::<Result<Vec<_>, _>>()?;
        let head_linear = Conv::load(t, "head.linear", 1, 0, device)?;
        if head_linear.dims() != [EMBEDDING_LEN, EMBEDDING_LEN, 1, 1] {
            return Err(t.format_error(format!(
                "head.linear has shape {:?}, expected [512, 512, 1, 1]",
                head_linear.dims()
            )));
        }
        Ok(MobileFaceNet {
            stem_conv: Conv::load(t, "stem.conv", 2, 1, device)?,
            stem_conv_act: PRelu::load(t, "stem.conv_prelu", device)?,
            stem_dw: Conv::depthwise(t, "stem.dw", 1, 1, device)?,
            stem_dw_act: PRelu::load(t, "stem.dw_prelu", device)?,
            blocks,
            head_expand: Conv::load(t, "head.expand", 1, 0, device)?,
            head_expand_act: PRelu::load(t, "head.expand_prelu", device)?,
            head_gdc: Conv::depthwise(t, "head.gdc", 1, 0, device)?,
            head_linear,
        })
    }

    /// Embeddings `[N, 512]` of normalised chips `[N, 3, 112, 112]` (see [`normalise`]), not
    /// L2-normalised.
    pub fn forward(&self, x: Tensor<4>) -> Tensor<2> {
        let x = self.stem_conv_act.forward(self.stem_conv.forward(x));
        let mut x = self.stem_dw_act.forward(self.stem_dw.forward(x));
        for block in &self.blocks {
            x = block.forward(x);
        }
        let x = self.head_expand_act.forward(self.head_expand.forward(x));
        let x = self.head_linear.forward(self.head_gdc.forward(x));
        let [n, c, h, w] = x.dims();
        x.reshape([n, c * h * w])
    }
}

/// Turns 112x112 RGB chips (interleaved u8, row by row) into the network's input
/// `[N, 3, 112, 112]`: `(value - 127) / 128`, channels first.
pub fn normalise(chips: &[&[u8]], device: &Device) -> Tensor<4> {
    crate::layers::chips_to_tensor(chips, CHIP_SIZE, PIXEL_MEAN, PIXEL_SCALE, device)
}
