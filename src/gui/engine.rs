//! The face models, loaded once on a worker thread and shared by scan, preview and export.

use std::sync::Arc;

use photoveil_core::protect::{models_dir, Engine};
use photoveil_core::Error;

/// The loaded models, cheap to clone.
#[derive(Clone)]
pub struct SharedEngine(pub Arc<Engine>);

impl std::fmt::Debug for SharedEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedEngine")
    }
}

/// Loads the models (blocking: call on a worker thread). The error names the model file.
pub fn load() -> Result<SharedEngine, Error> {
    let dir = models_dir();
    Engine::load(&dir, Engine::DEFAULT_VERIFIER).map(|e| SharedEngine(Arc::new(e)))
}

/// The given engine, or the models loaded now.
pub fn get_or_load(engine: Option<SharedEngine>) -> Result<SharedEngine, Error> {
    match engine {
        Some(engine) => Ok(engine),
        None => load(),
    }
}
