//! Building blocks shared by the networks.

use burn_tensor::activation::relu;
use burn_tensor::module::conv2d;
use burn_tensor::ops::ConvOptions;
use burn_tensor::{Device, Tensor};

use crate::error::NnError;
use crate::weights::Tensors;

/// A 2-D convolution with a bias, plain or depthwise; any affine layer that followed it (batch
/// norm, dlib's "scale") folded into its weights.
pub struct Conv {
    weight: Tensor<4>,
    bias: Tensor<1>,
    options: ConvOptions<2>,
}

impl Conv {
    /// Loads a plain convolution (groups = 1) from `name.weight` (OIHW) and `name.bias`.
    pub fn load(
        t: &Tensors,
        name: &str,
        stride: usize,
        padding: usize,
        device: &Device,
    ) -> Result<Conv, NnError> {
        Conv::with_bias(t, name, stride, padding, false, device)
    }

    /// Loads a depthwise convolution (groups = channels) from `name.weight` (`[C, 1, kh, kw]`)
    /// and `name.bias`.
    pub fn depthwise(
        t: &Tensors,
        name: &str,
        stride: usize,
        padding: usize,
        device: &Device,
    ) -> Result<Conv, NnError> {
        Conv::with_bias(t, name, stride, padding, true, device)
    }

    fn with_bias(
        t: &Tensors,
        name: &str,
        stride: usize,
        padding: usize,
        depthwise: bool,
        device: &Device,
    ) -> Result<Conv, NnError> {
        let weight = t.tensor::<4>(&format!("{name}.weight"), device)?;
        let bias = t.tensor::<1>(&format!("{name}.bias"), device)?;
        let [out_channels, in_per_group, _, _] = weight.dims();
        if bias.dims() != [out_channels] {
            return Err(t.format_error(format!("{name}: bias does not match the filters")));
        }
        if depthwise && in_per_group != 1 {
            return Err(t.format_error(format!("{name}: not a depthwise filter")));
        }
        let groups = if depthwise { out_channels } else { 1 };
        Ok(Conv {
            weight,
            bias,
            options: ConvOptions::new([stride, stride], [padding, padding], [1, 1], groups),
        })
    }

    /// The filters' shape: output channels, input channels per group, kernel height and width.
    pub fn dims(&self) -> [usize; 4] {
        self.weight.dims()
    }

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

/// A fully connected layer, `x · weight + bias` on `[N, inputs]`.
pub struct Linear {
    weight: Tensor<2>,
    bias: Tensor<2>,
}

impl Linear {
    /// Loads `name.weight` (`[inputs, outputs]`) and `name.bias` (`[outputs]`), checking that they
    /// have these sizes.
    pub fn load(
        t: &Tensors,
        name: &str,
        inputs: usize,
        outputs: usize,
        device: &Device,
    ) -> Result<Linear, NnError> {
        let weight = t.tensor::<2>(&format!("{name}.weight"), device)?;
        let bias = t.tensor::<1>(&format!("{name}.bias"), device)?;
        if weight.dims() != [inputs, outputs] || bias.dims() != [outputs] {
            return Err(t.format_error(format!(
                "{name} has shape {:?} (bias {:?}), expected [{inputs}, {outputs}]",
                weight.dims(),
                bias.dims()
            )));
        }
        Ok(Linear {
            weight,
            bias: bias.reshape([1, outputs]),
        })
    }

    /// Applies the layer to `[N, inputs]`.
    pub fn forward(&self, x: Tensor<2>) -> Tensor<2> {
        x.matmul(self.weight.clone()) + self.bias.clone()
    }
}

/// Parametric ReLU, `max(0, x) + gamma * min(0, x)` with one `gamma` per channel.
pub struct PRelu {
    gamma: Tensor<4>,
}

impl PRelu {
    /// Loads `name.gamma`, one slope per channel.
    pub fn load(t: &Tensors, name: &str, device: &Device) -> Result<PRelu, NnError> {
        let gamma = t.tensor::<1>(&format!("{name}.gamma"), device)?;
        let [channels] = gamma.dims();
        Ok(PRelu {
            gamma: gamma.reshape([1, channels, 1, 1]),
        })
    }

    /// Applies the activation to `[N, C, H, W]`.
    pub fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let positive = relu(x.clone());
        let negative = x - positive.clone();
        positive + negative * self.gamma.clone()
    }
}

/// Turns `side x side` RGB chips (interleaved u8, row by row) into a network input
/// `[N, 3, side, side]` with `(value - mean) * scale`, channels first.
pub fn chips_to_tensor(
    chips: &[&[u8]],
    side: usize,
    mean: f32,
    scale: f32,
    device: &Device,
) -> Tensor<4> {
    images_to_tensor(chips, (side, side), mean, scale, device)
}

/// Turns `width x height` RGB images (interleaved u8, row by row) into a network input
/// `[N, 3, height, width]` with `(value - mean) * scale`, channels first; pixels an image lacks
/// stay at 0 (the mean).
pub fn images_to_tensor(
    images: &[&[u8]],
    (width, height): (usize, usize),
    mean: f32,
    scale: f32,
    device: &Device,
) -> Tensor<4> {
    let plane = width * height;
    let mut values = vec![0f32; images.len() * 3 * plane];
    for (n, image) in images.iter().enumerate() {
        for (i, px) in image.chunks_exact(3).take(plane).enumerate() {
            for c in 0..3 {
                values[(n * 3 + c) * plane + i] = (f32::from(px[c]) - mean) * scale;
            }
        }
    }
    Tensor::from_data(
        burn_tensor::TensorData::new(values, [images.len(), 3, height, width]),
        device,
    )
}
