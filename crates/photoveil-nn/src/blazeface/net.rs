//! The layers of BlazeFace: depthwise-separable residual blocks on burn tensors.

use burn_tensor::activation::relu;
use burn_tensor::module::max_pool2d;
use burn_tensor::ops::MaxPoolOptions;
use burn_tensor::{Device, Tensor};

use crate::error::NnError;
use crate::layers::{Conv, ConvSpec, Padding};
use crate::weights::Tensors;

/// A convolution with TensorFlow "SAME" padding for an input of side `input`, with a bias.
pub(super) fn same(stride: usize, input: usize) -> ConvSpec {
    ConvSpec::new(stride, Padding::TfSame { input })
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
            depthwise: same(stride, input)
                .depthwise()
                .without_bias()
                .load(t, &dw, device)?,
            pointwise: same(1, input / stride).load(t, &format!("conv2d_{}", k + 1), device)?,
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
        let c_out = self.pointwise.dims()[0];
        let shortcut = if c_out > c_in {
            let zeros = Tensor::zeros([n, c_out - c_in, h, w], &pooled.device());
            Tensor::cat(vec![pooled, zeros], 1)
        } else {
            pooled
        };
        relu(shortcut + y)
    }
}
