//! Building blocks shared by the networks.

use burn_tensor::module::conv2d;
use burn_tensor::ops::ConvOptions;
use burn_tensor::{Device, Tensor};

use crate::error::NnError;
use crate::weights::Tensors;

/// A convolution whose following per-channel affine ("scale") layer is folded into its weights.
pub struct Conv {
    weight: Tensor<4>,
    bias: Tensor<1>,
    options: ConvOptions<2>,
}

impl Conv {
    /// Builds `conv(x) * scale + shift` from `prefix.conv.filters` (OIHW), `prefix.conv.bias`,
    /// `prefix.scale.weights` and `prefix.scale.biases`.
    pub fn with_scale(
        t: &Tensors,
        prefix: &str,
        stride: usize,
        padding: usize,
        device: &Device,
    ) -> Result<Conv, NnError> {
        let (wshape, weights) = t.raw(&format!("{prefix}.conv.filters"))?;
        let (_, bias) = t.raw(&format!("{prefix}.conv.bias"))?;
        let (_, scale) = t.raw(&format!("{prefix}.scale.weights"))?;
        let (_, shift) = t.raw(&format!("{prefix}.scale.biases"))?;
        let out_channels = wshape.first().copied().unwrap_or(0);
        if wshape.len() != 4
            || bias.len() != out_channels
            || scale.len() != out_channels
            || shift.len() != out_channels
        {
            return Err(NnError::Format {
                path: Default::default(),
                detail: format!("{prefix}: inconsistent shapes"),
            });
        }
        let per_out = weights.len() / out_channels.max(1);
        let folded: Vec<f32> = weights
            .iter()
            .enumerate()
            .map(|(i, w)| w * scale[i / per_out])
            .collect();
        let folded_bias: Vec<f32> = (0..out_channels)
            .map(|o| bias[o] * scale[o] + shift[o])
            .collect();
        Ok(Conv {
            weight: Tensor::from_data(burn_tensor::TensorData::new(folded, wshape.clone()), device),
            bias: Tensor::from_data(
                burn_tensor::TensorData::new(folded_bias, [out_channels]),
                device,
            ),
            options: ConvOptions::new([stride, stride], [padding, padding], [1, 1], 1),
        })
    }

    /// Applies the convolution.
    pub fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        conv2d(
            x,
            self.weight.clone(),
            Some(self.bias.clone()),
            self.options.clone(),
        )
    }
}
