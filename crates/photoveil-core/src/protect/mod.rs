//! Protection: identity cloaking of faces, face blurring, and measuring the result with a network
//! that was not used to make it.

mod active;
pub mod attack;
mod blur;
mod budget;
mod cloak_face;
pub mod codec;
pub mod decoy;
mod descent;
mod displace;
mod encode;
mod eot;
pub mod networks;
pub mod pipeline;
pub mod planes;
pub mod quality;
pub mod rng;
mod smooth;
pub mod uploaded;
pub mod verify;
pub mod warp;

use std::path::{Path, PathBuf};

use photoveil_nn::blazeface::BlazeFace;

use crate::error::Result;
use networks::{Network, NetworkKind};

/// The loaded models: the face detector, the networks the cloak attacks, and the one held out
/// to verify it.
pub struct Engine {
    detector: BlazeFace,
    networks: Vec<Network>,
    verifier: NetworkKind,
    /// Networks loaded but left out of the cloak's optimisation besides the verifier (for
    /// measuring transfer to more than one network the cloak never saw).
    also_held_out: Vec<NetworkKind>,
}

impl Engine {
    /// The network held out for verification by default. MobileFace is never optimised against,
    /// so every reported figure comes from a network the cloak did not see.
    pub const DEFAULT_VERIFIER: NetworkKind = NetworkKind::Mobileface;

    /// Loads the detector and the program's networks ([`NetworkKind::PRODUCT`]) from
    /// `models_dir` (each file's SHA-256 is checked).
    pub fn load(models_dir: &Path, verifier: NetworkKind) -> Result<Engine> {
        Engine::load_networks(models_dir, verifier, &NetworkKind::PRODUCT)
    }

    /// Loads the detector and the networks `kinds` (the verifier is added when missing). The
    /// benchmarks and tests use it to bring in judges the program does not ship.
    pub fn load_networks(
        models_dir: &Path,
        verifier: NetworkKind,
        kinds: &[NetworkKind],
    ) -> Result<Engine> {
        let detector = BlazeFace::load(models_dir, &photoveil_nn::device::cpu())?;
        let mut wanted: Vec<NetworkKind> = kinds.to_vec();
        if !wanted.contains(&verifier) {
            wanted.push(verifier);
        }
        let networks = wanted
            .iter()
            .map(|&k| Network::load(k, models_dir))
            .collect::<Result<Vec<_>>>()?;
        Ok(Engine {
            detector,
            networks,
            verifier,
            also_held_out: Vec::new(),
        })
    }

    /// Leaves `kind` out of the cloak's optimisation as well as the verifier.
    pub fn hold_out(&mut self, kind: NetworkKind) {
        if !self.also_held_out.contains(&kind) {
            self.also_held_out.push(kind);
        }
    }

    /// The face detector.
    pub fn detector(&self) -> &BlazeFace {
        &self.detector
    }

    /// The networks the cloak is optimised against.
    pub fn attacked(&self) -> impl Iterator<Item = &Network> {
        self.networks
            .iter()
            .filter(move |n| n.kind() != self.verifier && !self.also_held_out.contains(&n.kind()))
    }

    /// Every loaded identity network.
    pub fn networks(&self) -> &[Network] {
        &self.networks
    }

    /// The held-out network that measures the result.
    pub fn verifier(&self) -> &Network {
        // `load_networks` always loads the verifier.
        self.networks
            .iter()
            .find(|n| n.kind() == self.verifier)
            .unwrap_or(&self.networks[0])
    }
}

/// Where the model files are: `$PHOTOVEIL_MODELS`, else the installed copy (`../share/photoveil/models`
/// beside the executable; `models` beside `photoveil.exe` on Windows), else the source tree's
/// `assets/models`.
pub fn models_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PHOTOVEIL_MODELS") {
        return PathBuf::from(dir);
    }
    if let Some(installed) = crate::installed::data_dir("models") {
        return installed;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/models")
}
