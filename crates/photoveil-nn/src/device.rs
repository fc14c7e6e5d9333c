//! The devices networks run on.

use burn_tensor::Device;

/// The CPU device for inference only.
pub fn cpu() -> Device {
    Device::flex()
}

/// The CPU device that records operations, so that gradients with respect to inputs can be taken.
pub fn cpu_with_gradients() -> Device {
    Device::flex().autodiff()
}
