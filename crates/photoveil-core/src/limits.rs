//! Bounds on what PhotoVeil reads and decodes, so hostile files fail fast with bounded memory.

/// Largest file PhotoVeil reads into memory.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Largest picture, in pixels, that is decoded (for verification and, later, face work).
pub const MAX_PIXELS: u64 = 250_000_000;

/// Most frames of an animation that are read (GIF).
pub const MAX_FRAMES: u64 = 20_000;

/// Most pixels, over all the frames of an animation together, that are decoded to verify a copy
/// (each frame counted at its own size).
pub const MAX_FRAME_PIXELS_TOTAL: u64 = 1_000_000_000;

/// Largest single allocation the image decoders may make.
pub const MAX_DECODE_ALLOC: u64 = 3 << 30;

/// Largest XMP packet that is parsed.
pub const MAX_XMP_BYTES: usize = 16 << 20;

/// Decoding limits for the `image` crate.
pub fn decode_limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(65_535);
    limits.max_image_height = Some(65_535);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    limits
}
