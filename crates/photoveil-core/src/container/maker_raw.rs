//! Camera RAW files in containers of the makers' own, not TIFF: Canon CR3 (ISO-BMFF boxes) and
//! CRW (a CIFF heap), Fujifilm RAF, Minolta MRW and Sigma X3F. Each family that is cleaned has its
//! own module; the others are recognised and refused with their reason.

mod cr3;
mod crw;
mod kyocera;
mod mrw;
mod preview;
mod raf;
mod thumbnail;
mod x3f;

use bytes::Bytes;

use super::{Cleaned, Inspection};
use crate::error::{Error, RawRefusal, Result};
use crate::format::{unread_raw, RawFamily};

/// Finds the metadata of a camera RAW file in a maker's container.
pub fn inspect(data: &Bytes) -> Result<Inspection> {
    match family(data)? {
        RawFamily::Cr3 => cr3::inspect(data),
        RawFamily::Crw => crw::inspect(data),
        RawFamily::Kyocera => kyocera::inspect(data),
        RawFamily::Mrw => mrw::inspect(data),
        RawFamily::Raf => raf::inspect(data),
        RawFamily::X3f => x3f::inspect(data),
        other => Err(not_read(other)),
    }
}

/// Writes a cleaned copy of a camera RAW file in a maker's container, in place (the same
/// length, nothing moved), or refuses it with the reason.
pub fn clean(data: &Bytes, inspection: &Inspection) -> Result<Cleaned> {
    match family(data)? {
        RawFamily::Cr3 => cr3::clean(data, inspection),
        RawFamily::Crw => crw::clean(data, inspection),
        RawFamily::Kyocera => kyocera::clean(data, inspection),
        RawFamily::Mrw => mrw::clean(data, inspection),
        RawFamily::Raf => raf::clean(data, inspection),
        RawFamily::X3f => x3f::clean(data, inspection),
        other => Err(not_read(other)),
    }
}

fn family(data: &[u8]) -> Result<RawFamily> {
    unread_raw(data).ok_or(Error::NotAnImage)
}

/// The refusal of a family whose container is recognised but not read.
pub(crate) fn not_read(family: RawFamily) -> Error {
    Error::RawNotCleaned {
        family,
        why: RawRefusal::ContainerNotRead,
    }
}
