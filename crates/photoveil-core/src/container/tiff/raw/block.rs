//! A TIFF block whose first directory is itself a maker note (Canon CR3's `CMT3` box and the
//! maker-note blocks of its timed metadata): cleaned in place like a CR2's maker note, with the
//! listed entries taken out of that first directory (the kept entries close up, the freed bytes
//! are zeroed) and their values zeroed. Offsets count from the block's start; nothing moves.

use std::ops::Range;

use bytes::Bytes;

use super::{append_entry, merged, overlaps_any, Removal};
use crate::container::tiff::ifd::{self, corrupt, Ifd, Order};
use crate::error::Result;

/// The first directory of a block.
fn root(block: &[u8]) -> Result<(Order, Ifd)> {
    let (order, first) = ifd::header(block)?;
    Ok((order, ifd::read(block, order, first)?))
}

/// The tag and value range of every entry of the block's first directory.
pub(crate) fn root_entries(block: &[u8]) -> Result<Vec<(u16, Range<usize>)>> {
    let (_, dir) = root(block)?;
    Ok(dir
        .entries
        .into_iter()
        .filter_map(|e| Some((e.tag, e.value?)))
        .collect())
}

/// The cleaned copy of a block whose first directory is a maker note, without the entries of
/// `removed`; the same length as the original.
pub(crate) fn clean_root(block: &[u8], removed: &'static [u16]) -> Result<Vec<u8>> {
    let (order, dir) = root(block)?;
    clean_directory(block, order, &dir, removed)
}

/// The cleaned copy of a block holding the maker-note directory `dir` (read from `block`, its
/// offsets counting from the block's start), without the entries of `removed`: their values
/// zeroed, the kept entries closed up; the same length as the original.
pub(crate) fn clean_directory(
    block: &[u8],
    order: Order,
    dir: &Ifd,
    removed: &'static [u16],
) -> Result<Vec<u8>> {
    let removal = Removal::Listed(removed);
    let mut protected = vec![dir.span()];
    let mut zeroed = Vec::new();
    for e in &dir.entries {
        let Some(v) = e.value.clone().filter(|v| v.len() > 4) else {
            continue;
        };
        if removal.removes(e.tag) {
            zeroed.push(v);
        } else {
            protected.push(v);
        }
    }
    let protected = merged(protected);
    if zeroed.iter().any(|z| overlaps_any(&protected, z)) {
        return Err(corrupt(
            "private data overlaps the maker note's kept entries; it cannot be removed safely",
        ));
    }
    let mut out = block.to_vec();
    for z in zeroed {
        out[z].fill(0);
    }
    close_up(&mut out, block, order, dir, removal);
    Ok(out)
}

/// Rewrites the first directory in place without its removed entries. Canon's maker notes in
/// the CR3 timed metadata have no next-directory offset: a value starts where it would be, so
/// those 4 bytes are left alone then.
fn close_up(out: &mut [u8], block: &[u8], order: Order, dir: &Ifd, removal: Removal) {
    let kept: Vec<usize> = (0..dir.entries.len())
        .filter(|&i| !removal.removes(dir.entries[i].tag))
        .collect();
    if kept.len() == dir.entries.len() {
        return;
    }
    let span = dir.span();
    let next_at = span.end - 4..span.end;
    let has_next = !dir.entries.iter().any(|e| {
        e.value
            .as_ref()
            .is_some_and(|v| v.len() > 4 && v.start < next_at.end && next_at.start < v.end)
    });
    let mut table = Vec::with_capacity(span.len());
    table.extend(order.put_u16(kept.len() as u16));
    for i in kept {
        let at = dir.at + 2 + 12 * i;
        table.extend(&block[at..at + 12]);
    }
    let end = if has_next {
        table.extend(order.put_u32(dir.next));
        span.end
    } else {
        next_at.start
    };
    table.resize(end - span.start, 0);
    out[span.start..end].copy_from_slice(&table);
}

/// What verification compares in such a block: every kept entry of its first directory with
/// its value.
pub(crate) fn root_pieces(block: &Bytes, removed: &'static [u16]) -> Result<Vec<Bytes>> {
    let (_, dir) = root(block)?;
    let mut tags = Vec::new();
    for e in dir.entries.iter().filter(|e| !removed.contains(&e.tag)) {
        append_entry(&mut tags, e, block);
    }
    Ok(vec![Bytes::from(tags)])
}

/// Where the payloads of a JPEG's metadata segments lie (see the parent module), for previews
/// stored outside a TIFF structure.
pub(crate) fn jpeg_metadata(jpeg: &[u8]) -> Vec<Range<usize>> {
    super::jpeg_metadata_segments(jpeg)
}
