//! Building blocks shared by the networks.

use burn_tensor::activation::relu;
use burn_tensor::module::conv2d;
use burn_tensor::ops::{ConvOptions, PadMode};
use burn_tensor::{Device, Tensor};

use crate::error::NnError;
use crate::weights::Tensors;

/// How a convolution pads its input with zeros.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Padding {
    /// The same number of zeros on every side.
    Zeros(usize),
    /// Half the kernel's height above and below, half its width left and right: TensorFlow's
    /// `same` at stride 1 for odd kernels, square or not (1x7, 3x1).
    HalfKernel,
    /// TensorFlow's `SAME` for an input of side `input`: `ceil(input / stride)` outputs, and where
    /// the zeros needed are odd in number, the extra one after the input (below, right).
    TfSame {
        /// Side of the input the padding is worked out for.
        input: usize,
    },
}

impl Padding {
    /// No padding: TensorFlow's `valid`.
    pub const VALID: Padding = Padding::Zeros(0);

    /// The zeros before and after the input along an axis of kernel size `kernel`.
    fn along(self, kernel: usize, stride: usize) -> (usize, usize) {
        match self {
            Padding::Zeros(n) => (n, n),
            Padding::HalfKernel => (kernel / 2, kernel / 2),
            Padding::TfSame { input } => {
                let output = input.div_ceil(stride);
                let total = (output.saturating_sub(1) * stride + kernel).saturating_sub(input);
                (total / 2, total - total / 2)
            }
        }
    }
}

/// What a convolution reads from a weight file and how it runs; [`ConvSpec::load`] builds it.
/// By default a plain convolution (groups = 1) with a bias.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConvSpec {
    stride: usize,
    padding: Padding,
    depthwise: bool,
    bias: bool,
}

impl ConvSpec {
    /// A plain convolution with a bias, this stride (both axes) and this padding.
    pub const fn new(stride: usize, padding: Padding) -> ConvSpec {
        ConvSpec {
            stride,
            padding,
            depthwise: false,
            bias: true,
        }
    }

    /// The same, depthwise: one filter per channel (groups = channels, filters `[C, 1, kh, kw]`).
    pub const fn depthwise(self) -> ConvSpec {
        ConvSpec {
            depthwise: true,
            ..self
        }
    }

    /// The same, without a bias (no `name.bias` is read).
    pub const fn without_bias(self) -> ConvSpec {
        ConvSpec {
            bias: false,
            ..self
        }
    }

    /// Loads `name.weight` (OIHW) and, unless [`without_bias`](Self::without_bias),
    /// `name.bias`, checking that they fit together.
    pub fn load(self, t: &Tensors, name: &str, device: &Device) -> Result<Conv, NnError> {
        let weight = t.tensor::<4>(&format!("{name}.weight"), device)?;
        let [out_channels, in_per_group, kh, kw] = weight.dims();
        let bias = if self.bias {
            let bias = t.tensor::<1>(&format!("{name}.bias"), device)?;
            if bias.dims() != [out_channels] {
                return Err(t.format_error(format!("{name}: bias does not match the filters")));
            }
            Some(bias)
        } else {
            None
        };
        if self.depthwise && in_per_group != 1 {
            return Err(t.format_error(format!("{name}: not a depthwise filter")));
        }
        let groups = if self.depthwise { out_channels } else { 1 };
        let (top, bottom) = self.padding.along(kh, self.stride);
        let (left, right) = self.padding.along(kw, self.stride);
        // burn's convolution pads both sides alike; other padding is added before it.
        let (padding, pad) = if top == bottom && left == right {
            ([top, left], None)
        } else {
            ([0, 0], Some((left, right, top, bottom)))
        };
        Ok(Conv {
            weight,
            bias,
            options: ConvOptions::new([self.stride; 2], padding, [1, 1], groups),
            pad,
        })
    }
}

/// A 2-D convolution, plain or depthwise, with or without a bias; any affine layer that followed
/// it (batch norm, dlib's "scale") folded into its weights. Built by [`ConvSpec::load`], or by the
/// shorthands below.
pub struct Conv {
    weight: Tensor<4>,
    bias: Option<Tensor<1>>,
    options: ConvOptions<2>,
    /// Zeros added (left, right, top, bottom) before the convolution, where the padding differs
    /// from one side to the other.
    pad: Option<(usize, usize, usize, usize)>,
}

impl Conv {
    /// Loads a plain convolution (groups = 1) from `name.weight` (OIHW) and `name.bias`, with
    /// `padding` zeros on every side.
    pub fn load(
        t: &Tensors,
        name: &str,
        stride: usize,
        padding: usize,
        device: &Device,
    ) -> Result<Conv, NnError> {
        ConvSpec::new(stride, Padding::Zeros(padding)).load(t, name, device)
    }

    /// Loads a depthwise convolution (groups = channels) from `name.weight` (`[C, 1, kh, kw]`)
    /// and `name.bias`, with `padding` zeros on every side.
    pub fn depthwise(
        t: &Tensors,
        name: &str,
        stride: usize,
        padding: usize,
        device: &Device,
    ) -> Result<Conv, NnError> {
        ConvSpec::new(stride, Padding::Zeros(padding))
            .depthwise()
            .load(t, name, device)
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
            bias: Some(Tensor::from_data(
                burn_tensor::TensorData::new(folded_bias, [out_channels]),
                device,
            )),
            options: ConvOptions::new([stride, stride], [padding, padding], [1, 1], 1),
            pad: None,
        })
    }

    /// Applies the convolution.
    pub fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let x = match self.pad {
            Some(sides) => x.pad(sides, PadMode::Constant(0.0)),
            None => x,
        };
        conv2d(
            x,
            self.weight.clone(),
            self.bias.clone(),
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

#[cfg(test)]
mod tests {
    use super::Padding;

    #[test]
    fn padding_puts_the_odd_zero_of_tensorflow_same_after_the_input() {
        // BlazeFace's strided 5x5 filters on 256: 128 outputs need 3 zeros, 1 before, 2 after.
        assert_eq!(Padding::TfSame { input: 256 }.along(5, 2), (1, 2));
        assert_eq!(Padding::TfSame { input: 128 }.along(5, 1), (2, 2));
        assert_eq!(Padding::TfSame { input: 16 }.along(1, 1), (0, 0));
        assert_eq!(Padding::TfSame { input: 0 }.along(3, 2), (1, 2));
        assert_eq!(Padding::HalfKernel.along(7, 1), (3, 3));
        assert_eq!(Padding::HalfKernel.along(1, 1), (0, 0));
        assert_eq!(Padding::VALID.along(3, 2), (0, 0));
        assert_eq!(Padding::Zeros(1).along(3, 2), (1, 1));
    }
}
