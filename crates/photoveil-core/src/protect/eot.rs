//! Expectation over transformations: what a photo goes through on its way to an abuser (the
//! upload's downscale, blur, JPEG compression), as differentiable operations on a face chip, so
//! that the cloak is optimised to survive them.
//!
//! JPEG is approximated faithfully: YCbCr, 4:2:0 chroma subsampling, 8x8 DCT, quantisation with
//! the standard tables scaled to a quality, rounding with a straight-through gradient.

use photoveil_nn::burn_tensor::module::{avg_pool2d, conv2d, interpolate};
use photoveil_nn::burn_tensor::ops::{
    AvgPoolOptions, ConvOptions, InterpolateMode, InterpolateOptions,
};
use photoveil_nn::{Device, Tensor, TensorData};

use super::rng::SecureRng;

/// The standard JPEG luminance quantisation table (ITU-T T.81 Annex K), row by row.
const LUMA_TABLE: [f32; 64] = [
    16., 11., 10., 16., 24., 40., 51., 61., 12., 12., 14., 19., 26., 58., 60., 55., 14., 13., 16.,
    24., 40., 57., 69., 56., 14., 17., 22., 29., 51., 87., 80., 62., 18., 22., 37., 56., 68., 109.,
    103., 77., 24., 35., 55., 64., 81., 104., 113., 92., 49., 64., 78., 87., 103., 121., 120.,
    101., 72., 92., 95., 98., 112., 100., 103., 99.,
];

/// The standard JPEG chrominance quantisation table.
const CHROMA_TABLE: [f32; 64] = [
    17., 18., 24., 47., 99., 99., 99., 99., 18., 21., 26., 66., 99., 99., 99., 99., 24., 26., 56.,
    99., 99., 99., 99., 99., 47., 66., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99.,
    99., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99., 99.,
    99., 99., 99., 99., 99., 99., 99.,
];

/// Which transformations to draw from, and how hard.
#[derive(Debug, Clone, Copy)]
pub struct EotRange {
    /// Smallest relative resolution an upload may leave (1.0 = none).
    pub min_scale: f32,
    /// Largest Gaussian blur sigma, in chip pixels.
    pub max_blur: f32,
    /// JPEG quality range.
    pub jpeg_quality: (f32, f32),
}

impl Default for EotRange {
    fn default() -> Self {
        EotRange {
            min_scale: 0.5,
            max_blur: 0.9,
            jpeg_quality: (60.0, 95.0),
        }
    }
}

/// Precomputed constants of the transformations for one chip size on one device.
pub struct Eot {
    size: usize,
    device: Device,
    dct: Tensor<2>,
    range: EotRange,
}

impl Eot {
    /// Prepares the transformations for `size x size` chips.
    pub fn new(size: usize, range: EotRange, device: &Device) -> Eot {
        let mut k = vec![0f32; 64 * 64];
        // Orthonormal 2-D DCT-II of an 8x8 block as a 64x64 matrix acting on row-major blocks.
        let basis = |u: usize, x: usize| {
            let c = if u == 0 {
                (1.0f32 / 8.0).sqrt()
            } else {
                (2.0f32 / 8.0).sqrt()
            };
            c * (((2 * x + 1) as f32 * u as f32 * std::f32::consts::PI) / 16.0).cos()
        };
        for u in 0..8 {
            for v in 0..8 {
                for x in 0..8 {
                    for y in 0..8 {
                        k[(u * 8 + v) * 64 + x * 8 + y] = basis(u, x) * basis(v, y);
                    }
                }
            }
        }
        Eot {
            size,
            device: device.clone(),
            dct: Tensor::from_data(TensorData::new(k, [64, 64]), device),
            range,
        }
    }

    /// A random transformation of a `[1, 3, size, size]` chip (values 0-255).
    pub fn random(&self, chip: Tensor<4>, rng: &mut SecureRng) -> Tensor<4> {
        let mut x = chip;
        if rng.chance(0.6) {
            x = self.rescale(x, rng.uniform(self.range.min_scale, 1.0));
        }
        if rng.chance(0.4) {
            x = self.blur(x, rng.uniform(0.3, self.range.max_blur.max(0.31)));
        }
        if rng.chance(0.7) {
            let (low, high) = self.range.jpeg_quality;
            x = self.jpeg(x, rng.uniform(low, high));
        }
        x
    }

    /// Down to `scale` of the resolution and back up (bilinear both ways).
    pub fn rescale(&self, x: Tensor<4>, scale: f32) -> Tensor<4> {
        let small = ((self.size as f32 * scale).round() as usize).clamp(8, self.size);
        if small == self.size {
            return x;
        }
        let down = interpolate(
            x,
            InterpolateOptions::new(InterpolateMode::Bilinear).with_output_size([small, small]),
        );
        interpolate(
            down,
            InterpolateOptions::new(InterpolateMode::Bilinear)
                .with_output_size([self.size, self.size]),
        )
    }

    /// A Gaussian blur of `sigma` chip pixels (depthwise 5x5 convolution, borders zero-padded
    /// after subtracting mid-grey so they stay neutral).
    pub fn blur(&self, x: Tensor<4>, sigma: f32) -> Tensor<4> {
        let taps: Vec<f32> = (-2..=2)
            .map(|i: i32| (-(i * i) as f32 / (2.0 * sigma * sigma)).exp())
            .collect();
        let total: f32 = taps.iter().sum();
        let mut kernel = Vec::with_capacity(3 * 25);
        for _ in 0..3 {
            for a in &taps {
                for b in &taps {
                    kernel.push(a * b / (total * total));
                }
            }
        }
        let weight = Tensor::<4>::from_data(TensorData::new(kernel, [3, 1, 5, 5]), &self.device);
        let centred = x.sub_scalar(128.0);
        conv2d(
            centred,
            weight,
            None,
            ConvOptions::new([1, 1], [2, 2], [1, 1], 3),
        )
        .add_scalar(128.0)
    }

    /// JPEG compression at `quality` (1-100), differentiable.
    pub fn jpeg(&self, x: Tensor<4>, quality: f32) -> Tensor<4> {
        let padded_side = self.size.div_ceil(16) * 16;
        let pad = padded_side - self.size;
        let x = if pad > 0 {
            // Replicate the last row/column by concatenating slices (edge padding).
            let right = x.clone().narrow(3, self.size - 1, 1).repeat_dim(3, pad);
            let x = Tensor::cat(vec![x, right], 3);
            let bottom = x.clone().narrow(2, self.size - 1, 1).repeat_dim(2, pad);
            Tensor::cat(vec![x, bottom], 2)
        } else {
            x
        };
        let ycc = conv2d(
            x,
            self.matrix(&RGB_TO_YCC),
            Some(self.vector([0.0, 128.0, 128.0])),
            ConvOptions::new([1, 1], [0, 0], [1, 1], 1),
        );
        let y = ycc.clone().narrow(1, 0, 1);
        let chroma = avg_pool2d(ycc.narrow(1, 1, 2), AvgPoolOptions::new([2, 2]));
        let y = self.quantise(y, &LUMA_TABLE, quality);
        let c = self.quantise(chroma, &CHROMA_TABLE, quality);
        let c = interpolate(
            c,
            InterpolateOptions::new(InterpolateMode::Nearest)
                .with_output_size([padded_side, padded_side]),
        );
        let ycc =
            Tensor::cat(vec![y, c], 1).sub(self.vector([0.0, 128.0, 128.0]).reshape([1, 3, 1, 1]));
        let rgb = conv2d(
            ycc,
            self.matrix(&YCC_TO_RGB),
            None,
            ConvOptions::new([1, 1], [0, 0], [1, 1], 1),
        );
        rgb.narrow(2, 0, self.size).narrow(3, 0, self.size)
    }

    fn matrix(&self, m: &[f32; 9]) -> Tensor<4> {
        Tensor::from_data(TensorData::new(m.to_vec(), [3, 3, 1, 1]), &self.device)
    }

    fn vector(&self, v: [f32; 3]) -> Tensor<1> {
        Tensor::from_data(TensorData::new(v.to_vec(), [3]), &self.device)
    }

    /// DCT, quantisation (straight-through rounding) and inverse DCT of each 8x8 block of every
    /// channel of `x` (`[1, C, H, W]`, H and W multiples of 8).
    fn quantise(&self, x: Tensor<4>, table: &[f32; 64], quality: f32) -> Tensor<4> {
        let [n, c, h, w] = x.dims();
        let q = quality.clamp(1.0, 100.0);
        let scale = if q < 50.0 {
            5000.0 / q
        } else {
            200.0 - 2.0 * q
        };
        let steps: Vec<f32> = table
            .iter()
            .map(|t| ((t * scale + 50.0) / 100.0).floor().clamp(1.0, 255.0))
            .collect();
        let steps = Tensor::<2>::from_data(TensorData::new(steps, [1, 64]), &self.device);
        let blocks = x
            .sub_scalar(128.0)
            .reshape([n * c * h / 8, 8, w / 8, 8])
            .swap_dims(1, 2)
            .reshape([n * c * h * w / 64, 64]);
        let coefficients = blocks
            .matmul(self.dct.clone().transpose())
            .div(steps.clone());
        let rounded = coefficients.clone() + (coefficients.clone().round() - coefficients).detach();
        let back = rounded.mul(steps).matmul(self.dct.clone());
        back.reshape([n * c * h / 8, w / 8, 8, 8])
            .swap_dims(1, 2)
            .reshape([n, c, h, w])
            .add_scalar(128.0)
    }
}

/// RGB to YCbCr (JFIF), as a 3x3 matrix (output channel major).
const RGB_TO_YCC: [f32; 9] = [
    0.299, 0.587, 0.114, -0.168_736, -0.331_264, 0.5, 0.5, -0.418_688, -0.081_312,
];
/// YCbCr (centred) to RGB (JFIF).
const YCC_TO_RGB: [f32; 9] = [
    1.0, 0.0, 1.402, 1.0, -0.344_136, -0.714_136, 1.0, 1.772, 0.0,
];

#[cfg(test)]
mod tests {
    use super::*;
    use photoveil_nn::device;

    /// A photo-like pattern: smooth shading, soft edges and some fine texture.
    fn chip(size: usize) -> Vec<f32> {
        let mut v = Vec::with_capacity(3 * size * size);
        for c in 0..3 {
            for y in 0..size {
                for x in 0..size {
                    let (fx, fy) = (x as f32, y as f32);
                    let shade = 120.0 + 50.0 * (fx * 0.05 + c as f32).sin() * (fy * 0.04).cos();
                    let texture = 12.0
                        * (fx * 0.9 + fy * 0.7).sin()
                        * ((fx - 75.0).abs() < 30.0) as u8 as f32;
                    v.push((shade + texture).clamp(0.0, 255.0));
                }
            }
        }
        v
    }

    fn to_vec(t: Tensor<4>) -> Vec<f32> {
        t.into_data().try_to_vec::<f32>().expect("f32 data")
    }

    fn psnr(a: &[f32], b: &[f32]) -> f64 {
        let mse = a
            .iter()
            .zip(b)
            .map(|(x, y)| f64::from((x - y) * (x - y)))
            .sum::<f64>()
            / a.len() as f64;
        10.0 * (255.0f64 * 255.0 / mse.max(1e-12)).log10()
    }

    /// The approximation tracks the real encoder: our JPEG simulation at q75 and a real q75
    /// encode (jpeg-encoder, 4:2:0) land close to each other.
    #[test]
    fn jpeg_approximation_is_close_to_a_real_encoder() {
        let size = 150;
        let dev = device::cpu();
        let eot = Eot::new(size, EotRange::default(), &dev);
        let values = chip(size);
        let x = Tensor::<4>::from_data(TensorData::new(values.clone(), [1, 3, size, size]), &dev);
        let simulated = to_vec(eot.jpeg(x.clone(), 75.0));
        let mut rgb = Vec::with_capacity(size * size * 3);
        for i in 0..size * size {
            for c in 0..3 {
                rgb.push(values[c * size * size + i] as u8);
            }
        }
        let real = super::super::codec::jpeg_roundtrip(&rgb, size as u32, size as u32, 75)
            .expect("encode");
        let real_planar: Vec<f32> = (0..3)
            .flat_map(|c| (0..size * size).map(move |i| (c, i)))
            .map(|(c, i)| f32::from(real[i * 3 + c]))
            .collect();
        let to_original = psnr(&simulated, &values);
        let to_real = psnr(&simulated, &real_planar);
        let real_loss = psnr(&real_planar, &values);
        // The simulation loses about as much as the real encoder, and lands near its result.
        assert!(
            (to_original - real_loss).abs() < 4.0,
            "simulated {to_original} dB, real {real_loss} dB"
        );
        assert!(
            to_real > real_loss - 2.0,
            "simulation vs real encoder: {to_real} dB"
        );
        // Identity-like checks of the other transformations.
        assert!(psnr(&to_vec(eot.rescale(x.clone(), 1.0)), &values) > 100.0);
        assert!(psnr(&to_vec(eot.blur(x, 0.5)), &values) > 25.0);
    }

    #[test]
    fn gradients_flow_through_every_transformation() {
        let size = 48;
        let dev = device::cpu_with_gradients();
        let eot = Eot::new(size, EotRange::default(), &dev);
        let x = Tensor::<4>::from_data(TensorData::new(chip(size), [1, 3, size, size]), &dev)
            .require_grad();
        let y = eot.jpeg(eot.blur(eot.rescale(x.clone(), 0.6), 0.7), 70.0);
        let grads = y.sum().backward();
        let g = x
            .grad(&grads)
            .expect("gradient")
            .into_data()
            .try_to_vec::<f32>()
            .expect("f32");
        let total: f32 = g.iter().map(|v| v.abs()).sum();
        assert!(g.iter().all(|v| v.is_finite()) && total > 0.0);
    }
}
