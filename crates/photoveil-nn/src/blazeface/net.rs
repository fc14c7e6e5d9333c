//! The layers of BlazeFace: depthwise-separable residual blocks on burn tensors.

use burn_tensor::activation::relu;
use burn_tensor::module::{conv2d, max_pool2d};
use burn_tensor::ops::{ConvOptions, MaxPoolOptions, PadMode};
use burn_tensor::{Device, Tensor};

use crate::error::NnError;
use crate::weights::Tensors;

/// A convolution read from `name.weight` (OIHW) and, when present, `name.bias`.
pub(super) struct Conv {
    weight: Tensor<4>,
    bias: Option<Tensor<1>>,
    options: ConvOptions<2>,
    /// TensorFlow's "SAME" padding as (before, after), applied explicitly when it is asymmetric.
    pad: (usize, usize),
}

impl Conv {
    /// A convolution with TensorFlow "SAME" padding for an input of side `input`.
    pub(super) fn same(
        t: &Tensors,
        name: &str,
        stride: usize,
        depthwise: bool,
        with_bias: bool,
        input: usize,
        device: &Device,
    ) -> Result<Conv, NnError> {
        let weight = t.tensor::<4>(&format!("{name}.weight"), device)?;
        let [out, _, kernel, _] = weight.dims();
        let bias = if with_bias {
            Some(t.tensor::<1>(&format!("{name}.bias"), device)?)
        } else {
            None
        };
        let output = input.div_ceil(stride);
        let total = ((output - 1) * stride + kernel).saturating_sub(input);
        let pad = (total / 2, total - total / 2);
        let groups = if depthwise { out } else { 1 };
        let symmetric = if pad.0 == pad.1 { pad.0 } else { 0 };
        Ok(Conv {
            weight,
            bias,
            options: ConvOptions::new([stride, stride], [symmetric, symmetric], [1, 1], groups),
            pad: if pad.0 == pad.1 { (0, 0) } else { pad },
        })
    }

    /// Output channels.
    pub(super) fn channels(&self) -> usize {
        self.weight.dims()[0]
    }

    pub(super) fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let x = if self.pad == (0, 0) {
            x
        } else {
            let (a, b) = self.pad;
            x.pad((a, b, a, b), PadMode::Constant(0.0))
        };
        conv2d(
            x,
            self.weight.clone(),
            self.bias.clone(),
            self.options.clone(),
        )
    }
}

/// `relu(shortcut(x) + pointwise(depthwise(x)))`; a strided block halves the resolution and its
/// shortcut is a 2x2 max-pool followed by zero channels up to the block's width.
pub(super) struct Block {
    depthwise: Conv,
    pointwise: Conv,
    stride: usize,
    shortcut: bool,
}

impl Block {
    /// Block `k`: layers `depthwise_conv2d_k` (or `depthwise_conv2d` for 0) and `conv2d_{k+1}`.
    pub(super) fn load(
        t: &Tensors,
        k: usize,
        stride: usize,
        input: usize,
        device: &Device,
    ) -> Result<Block, NnError> {
        let dw = if k == 0 {
            "depthwise_conv2d".to_string()
        } else {
            format!("depthwise_conv2d_{k}")
        };
        Ok(Block {
            depthwise: Conv::same(t, &dw, stride, true, false, input, device)?,
            pointwise: Conv::same(
                t,
                &format!("conv2d_{}", k + 1),
                1,
                false,
                true,
                input / stride,
                device,
            )?,
            stride,
            shortcut: true,
        })
    }

    /// The last, plain block (`depthwise_conv2d_31`, `conv2d_32`): `relu(pointwise(depthwise(x)))`
    /// from 16x16 down to 8x8, without shortcut.
    pub(super) fn load_plain(t: &Tensors, device: &Device) -> Result<Block, NnError> {
        let mut block = Block::load(t, 31, 2, 16, device)?;
        block.shortcut = false;
        Ok(block)
    }

    pub(super) fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let y = self.pointwise.forward(self.depthwise.forward(x.clone()));
        if !self.shortcut {
            return relu(y);
        }
        if self.stride == 1 {
            return relu(x + y);
        }
        let pooled = max_pool2d(x, MaxPoolOptions::new([2, 2]).with_stride([2, 2]));
        let [n, c_in, h, w] = pooled.dims();
        let c_out = self.pointwise.channels();
        let shortcut = if c_out > c_in {
            let zeros = Tensor::zeros([n, c_out - c_in, h, w], &pooled.device());
            Tensor::cat(vec![pooled, zeros], 1)
        } else {
            pooled
        };
        relu(shortcut + y)
    }
}
