//! PhotoVeil's neural networks, run in Rust on burn's CPU backend (flex), with gradients with
//! respect to the input pixels.
//!
//! In the candle-transformers style: each network is a plain struct built from a weight file
//! ([`weights::WeightFile`], SHA-256 checked at load) with a `forward` method; preprocessing (crop,
//! normalisation) happens outside the model. The layers are shared, in [`layers`]: convolutions
//! ([`layers::ConvSpec`]: stride, padding, depthwise, with or without bias), dense layers,
//! PReLU, and the turning of RGB pixels into input tensors; no network defines its own.
//!
//! # How to add a network
//!
//! 1. Convert its weights to safetensors with a script in `tools/models/` (`convert_NAME.py`,
//!    checking the original graph node by node against the layers the Rust code builds, called
//!    from `convert.sh`); add the file, with its SHA-256, as a [`models::ModelFile`] in
//!    `src/models.rs`, and its licence and source in `assets/models/MODELS.md`.
//! 2. Write `src/NAME.rs` (and `pub mod NAME;` here): `CHIP_SIZE`, `EMBEDDING_LEN`, a struct
//!    with `load`, `from_tensors` and `forward` built from [`layers`], and `normalise`.
//! 3. Write `tests/networks/NAME.rs` (and `mod NAME;` in its `main.rs`) on the model of `sface.rs`: its embeddings of the reference
//!    chip and of the synthetic pattern against the original framework's (written to
//!    `assets/models/reference/NAME.json` by a `tools/models/reference_NAME.py`), a batch against
//!    single chips, input gradients against finite differences, a moved chip against a foreign
//!    one, and the refused changed file (helpers in `tests/common`).
//! 4. Give it a row in `crates/photoveil-core/src/protect/networks.rs` (see there).

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
