//! The EXIF thumbnail of a RAW file's embedded JPEG preview (RAF, X3F): a second, smaller copy of the same picture in
//! the EXIF's second directory (IFD1). No converter reads it (rawler and LibRaw take the preview
//! itself), and a thumbnail can show a picture as it was before it was edited, so it is taken
//! out: IFD0's next pointer is set to 0, and IFD1, its values and the thumbnail are zeroed (the
//! same length, nothing moved).

use std::ops::Range;

use crate::container::tiff::ifd;
use crate::error::{Error, Result};
use crate::format::ImageFormat;

const EXIF_IFD: u16 = 0x8769;
const THUMBNAIL_OFFSET: u16 = 0x0201;
const THUMBNAIL_LENGTH: u16 = 0x0202;

/// Drops the thumbnail directory of an EXIF TIFF block in place (nothing when there is none).
pub(super) fn drop(tiff: &mut [u8]) -> Result<()> {
    let (order, first) = ifd::header(tiff)?;
    let ifd0 = ifd::read(tiff, order, first)?;
    if ifd0.next == 0 {
        return Ok(());
    }
    let ifd1 = ifd::read(tiff, order, ifd0.next)?;
    let mut zeroed: Vec<Range<usize>> = vec![ifd1.span()];
    zeroed.extend(ifd1.entries.iter().filter_map(|e| e.value.clone()));
    if let (Some(o), Some(l)) = (ifd1.get(THUMBNAIL_OFFSET), ifd1.get(THUMBNAIL_LENGTH)) {
        let (o, l) = (
            o.number(tiff, order)? as usize,
            l.number(tiff, order)? as usize,
        );
        if let Some(end) = o.checked_add(l).filter(|&end| end <= tiff.len()) {
            zeroed.push(o..end);
        }
    }
    // What stays: IFD0 and the EXIF directory with their values (the maker note among them).
    let mut kept = vec![ifd0.span()];
    kept.extend(ifd0.entries.iter().filter_map(|e| e.value.clone()));
    if let Some(exif) = ifd0.get(EXIF_IFD) {
        let dir = ifd::read(tiff, order, exif.number(tiff, order)? as u32)?;
        kept.push(dir.span());
        kept.extend(dir.entries.iter().filter_map(|e| e.value.clone()));
    }
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    if zeroed.iter().any(|z| kept.iter().any(|k| overlaps(z, k))) {
        return Err(Error::corrupt(
            ImageFormat::CameraRaw,
            "the preview's thumbnail shares its bytes with kept EXIF data",
        ));
    }
    let next = ifd0.span().end - 4;
    tiff[next..next + 4].fill(0);
    for z in zeroed {
        tiff[z].fill(0);
    }
    Ok(())
}
