//! PhotoVeil's neural networks, run in Rust on burn's CPU backend (flex), with gradients with
//! respect to the input pixels.
//!
//! In the candle-transformers style: each network is a plain struct built from a weight file
//! ([`weights::WeightFile`], SHA-256 checked at load) with a `forward` method; preprocessing (crop,
//! normalisation) happens outside the model.

pub mod blazeface;
pub mod device;
pub mod dlib_resnet;
pub mod error;
pub mod facenet;
pub mod layers;
pub mod mobileface;
pub mod mobilefacenet;
pub mod models;
pub mod sface;
pub mod weights;

pub use burn_tensor;
pub use burn_tensor::{Device, Tensor, TensorData};
pub use error::NnError;
