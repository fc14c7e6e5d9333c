//! The app's screens, each with its own state, messages, `update` and `view`.

pub mod audit;
pub mod classroom;
pub mod export;
pub mod face_words;
pub mod protect;
pub mod review;
pub mod scan;
pub mod settings;
pub mod start;
