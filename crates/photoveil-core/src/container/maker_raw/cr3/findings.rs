//! What a CR3 gives away outside its EXIF directories: the private entries of Canon's maker note
//! (`CMT3` and the timed metadata's copies), the movie's dates and the timed metadata's
//! timestamp. The EXIF, GPS and IFD0 blocks are read by the EXIF analyser.

use crate::container::tiff::ifd;
use crate::container::tiff::raw::block;
use crate::finding::{Category, Explanation, Finding, Severity};
use crate::meta::{clip, hidden, human_bytes};

/// The findings of a maker-note block's private entries (those in `removed`), and the maker
/// note itself (kept on purpose, see `clean::kept_on_purpose`).
pub(super) fn maker_note(note: &[u8], removed: &[u16], out: &mut Vec<Finding>) {
    // 4 zero bytes after: some blocks lack their last next-directory offset.
    let tiff = &[note, &[0; 4]].concat()[..];
    let Ok(entries) = block::root_entries(tiff) else {
        out.push(hidden(
            "EXIF:MakerNote",
            format!("unreadable maker note, {}", human_bytes(note.len())),
            Severity::Medium,
            Explanation::MakerNote,
        ));
        return;
    };
    out.push(hidden(
        "EXIF:MakerNote",
        human_bytes(note.len()),
        Severity::Medium,
        Explanation::MakerNote,
    ));
    let little = tiff.starts_with(b"II");
    for (tag, range) in entries.into_iter().filter(|(t, _)| removed.contains(t)) {
        let bytes = &tiff[range];
        if bytes.iter().all(|&b| b == 0) {
            continue;
        }
        use Category::*;
        use Explanation as E;
        let (name, category, severity, explanation) = match tag {
            0x0009 => ("Canon:OwnerName", Person, Severity::High, E::OwnerName),
            0x000C => (
                "Canon:SerialNumber",
                Device,
                Severity::High,
                E::SerialNumber,
            ),
            0x0096 => (
                "Canon:InternalSerialNumber",
                Device,
                Severity::High,
                E::SerialNumber,
            ),
            0x000D => (
                "Canon:CanonCameraInfo",
                Hidden,
                Severity::Medium,
                E::MakerNote,
            ),
            0x0035 => ("Canon:TimeInfo", Time, Severity::Medium, E::TimeZone),
            0x0028 => ("Canon:ImageUniqueID", Device, Severity::Medium, E::UniqueId),
            _ => ("Canon:UniqueID", Device, Severity::Medium, E::UniqueId),
        };
        let value = match tag {
            0x000D | 0x0035 => human_bytes(bytes.len()),
            _ => shown(bytes, little),
        };
        out.push(Finding::new(category, name, value, severity, explanation));
    }
}

/// A value for people: text when it is text, a number when it is one 32-bit number, else hex.
fn shown(bytes: &[u8], little: bool) -> String {
    let text = bytes.split(|&b| b == 0).next().unwrap_or_default();
    if !text.is_empty() && text.iter().all(|b| b.is_ascii_graphic() || *b == b' ') {
        return clip(&String::from_utf8_lossy(text), 64);
    }
    if let Ok(four) = <[u8; 4]>::try_from(bytes) {
        let n = if little {
            u32::from_le_bytes(four)
        } else {
            u32::from_be_bytes(four)
        };
        return n.to_string();
    }
    bytes.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// The first movie, track or media header date that is set, as a finding.
pub(super) fn header_date(data: &[u8], dates: &[std::ops::Range<usize>]) -> Option<Finding> {
    let seconds = dates.iter().find_map(|r| {
        let v = data[r.clone()]
            .iter()
            .fold(0u64, |acc, &b| acc << 8 | u64::from(b));
        (v != 0).then_some(v)
    })?;
    // Seconds since 1904-01-01.
    let unix = i64::try_from(seconds).ok()? - 2_082_844_800;
    let (y, m, d) = crate::calendar::civil_from_days(unix.div_euclid(86_400));
    let s = unix.rem_euclid(86_400);
    Some(Finding::new(
        Category::Time,
        "QuickTime:CreateDate",
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
            s / 3600,
            s / 60 % 60,
            s % 60
        ),
        Severity::Medium,
        Explanation::DateTaken,
    ))
}

/// The timed metadata's timestamp (2 bytes, then the year as 16 bits, then month, day, hour,
/// minute, second and hundredths as bytes), as a finding when it is set.
pub(super) fn timestamp(payload: &[u8]) -> Option<Finding> {
    let p = payload.get(..10)?;
    if p.iter().all(|&b| b == 0) {
        return None;
    }
    let year = u16::from_le_bytes([p[2], p[3]]);
    Some(Finding::new(
        Category::Time,
        "Canon:TimeStamp",
        format!(
            "{year:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            p[4], p[5], p[6], p[7], p[8]
        ),
        Severity::Medium,
        Explanation::DateTaken,
    ))
}

/// A TIFF block whose first directory is an EXIF (`pointer` 0x8769) or GPS (0x8825) directory,
/// as an EXIF payload the analyser reads: the block with a first directory appended that points
/// at the original one (nothing of the block moves).
pub(super) fn as_sub_directory(tiff: &[u8], pointer: u16) -> Vec<u8> {
    let Ok((order, first)) = ifd::header(tiff) else {
        return tiff.to_vec();
    };
    // 4 zero bytes first: some blocks lack their last next-directory offset.
    let mut out = [tiff, &[0; 4]].concat();
    if out.len() % 2 == 1 {
        out.push(0);
    }
    let Ok(at) = u32::try_from(out.len()) else {
        return tiff.to_vec();
    };
    out.extend(order.put_u16(1));
    out.extend(order.put_u16(pointer));
    out.extend(order.put_u16(4));
    out.extend(order.put_u32(1));
    out.extend(order.put_u32(first));
    out.extend(order.put_u32(0));
    out[4..8].copy_from_slice(&order.put_u32(at));
    out
}
