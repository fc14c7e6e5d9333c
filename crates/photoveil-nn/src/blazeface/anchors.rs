//! The anchors of the back model, as MediaPipe's SSD anchor calculator makes them for it: input
//! 256x256, 4 layers with strides 16, 32, 32, 32, aspect ratio 1 plus one interpolated scale per
//! layer, fixed anchor size. Layers with the same stride share a grid, so the 16x16 grid has 2
//! anchors per cell and the 8x8 grid 2 x 3 = 6; with a fixed size every anchor is a unit square
//! centred on its cell, and the regressors carry the whole box size.
//!
//! The network is fully convolutional, so a larger input (both sides multiples of 32) simply has
//! larger grids: [`anchors_for`] gives their anchors in the same order.

use super::INPUT_SIZE;

/// MediaPipe's strides for the four anchor layers of the back model.
pub const STRIDES: [usize; 4] = [16, 32, 32, 32];

/// An anchor centre, in input pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    /// Horizontal centre.
    pub x: f32,
    /// Vertical centre.
    pub y: f32,
}

/// The 896 anchors of a 256x256 input, in the order of the network's outputs: grid by grid
/// (16x16 then 8x8), row by row, column by column, then the anchors of a cell.
pub fn anchors() -> Vec<Anchor> {
    anchors_for(INPUT_SIZE, INPUT_SIZE)
}

/// The anchors of a `width` x `height` input, in the order of the network's outputs (as
/// [`anchors`]: the stride-16 grid, then the stride-32 grid).
pub fn anchors_for(width: usize, height: usize) -> Vec<Anchor> {
    let mut out = Vec::new();
    let mut layer = 0;
    while layer < STRIDES.len() {
        let stride = STRIDES[layer];
        let mut same = 0;
        while layer + same < STRIDES.len() && STRIDES[layer + same] == stride {
            same += 1;
        }
        let per_cell = 2 * same;
        for row in 0..height.div_ceil(stride) {
            for column in 0..width.div_ceil(stride) {
                let centre = |i: usize| (i as f32 + 0.5) * stride as f32;
                for _ in 0..per_cell {
                    out.push(Anchor {
                        x: centre(column),
                        y: centre(row),
                    });
                }
            }
        }
        layer += same;
    }
    out
}
