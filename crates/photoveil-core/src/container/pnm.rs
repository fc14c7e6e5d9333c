//! Netpbm pictures (PBM, PGM, PPM, PAM): recognised, not cleaned yet.

use bytes::Bytes;

use super::{Cleaned, Inspection};
use crate::error::{Error, Operation, Result};
use crate::format::ImageFormat;

/// Finds the metadata of a Netpbm picture.
pub fn inspect(_data: &Bytes) -> Result<Inspection> {
    Ok(Inspection::default())
}

/// Writes a cleaned copy of a Netpbm picture.
pub fn clean(_data: &Bytes) -> Result<Cleaned> {
    Err(Error::Unsupported {
        format: ImageFormat::Pnm,
        what: Operation::Decoding,
    })
}
