//! Canon CRW: recognised, not read yet (refused with its reason).

use bytes::Bytes;

use super::super::{Cleaned, Inspection};
use crate::error::Result;
use crate::format::RawFamily;

/// Finds the metadata of a Canon CRW file.
pub(super) fn inspect(_data: &Bytes) -> Result<Inspection> {
    Err(super::not_read(RawFamily::Crw))
}

/// Writes a cleaned copy of a Canon CRW file.
pub(super) fn clean(_data: &Bytes, _inspection: &Inspection) -> Result<Cleaned> {
    Err(super::not_read(RawFamily::Crw))
}
