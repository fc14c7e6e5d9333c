//! Protection: identity cloaking of faces, face blurring, and measuring the result.

pub mod attack;
pub mod budget;
pub mod codec;
pub mod decoy;
pub mod eot;
pub mod networks;
pub mod planes;
pub mod rng;
pub mod warp;
