//! Netpbm pictures: PBM, PGM, PPM (`P1`..`P6`) and PAM (`P7`). The only metadata the format can
//! hold is comments (`#` to the end of the line) in the header and, in the plain (text) kinds,
//! between the samples; and data after the last picture.
//!
//! A file may hold several pictures one after another; every one is kept. The copy writes each
//! picture with a minimal header (magic, width, height, maxval; for PAM its `WIDTH`, `HEIGHT`,
//! `DEPTH`, `MAXVAL`, `TUPLTYPE` and `ENDHDR` lines) and no comment; the raster of the binary kinds
//! (`P4`, `P5`, `P6`, `P7`) is copied byte for byte, the samples of the plain kinds (`P1`, `P2`,
//! `P3`) are written again as numbers without comments. Anything after the last picture is
//! reported and dropped.
//!
//! `picture` is, for each picture, its header values written canonically followed by the raster
//! (binary kinds) or by the samples as 16-bit big-endian numbers (plain kinds): two files whose
//! pieces are the same draw the same pixels.

use std::ops::Range;

use bytes::Bytes;

use super::{CleanMethod, Cleaned, Inspection};
use crate::error::{Error, Result};
use crate::finding::{Explanation, Severity};
use crate::format::ImageFormat;
use crate::limits::MAX_PIXELS;
use crate::meta::{clip, hidden, human_bytes, Payloads};

/// Most pictures read from one file.
const MAX_PICTURES: usize = 10_000;

/// Most characters of a comment shown in a finding.
const SHOWN_CHARS: usize = 200;

/// Where the samples of one picture are.
#[derive(Debug)]
enum Raster {
    /// The binary raster, copied as it is.
    Binary(Range<usize>),
    /// The samples of a plain picture, read from their text.
    Plain(Vec<u16>),
}

/// One picture of the file.
#[derive(Debug)]
struct Picture {
    /// 1..=7, from the magic `P1`..`P7`.
    kind: u8,
    width: u32,
    height: u32,
    /// Samples per pixel.
    depth: u32,
    /// Largest sample value (1 for bitmaps).
    maxval: u32,
    /// PAM's tuple type, as written (without its line's keyword).
    tupltype: Option<String>,
    raster: Raster,
}

impl Picture {
    /// The header without comments.
    fn header(&self) -> String {
        let (k, w, h, m) = (self.kind, self.width, self.height, self.maxval);
        match k {
            1 | 4 => format!("P{k}\n{w} {h}\n"),
            7 => {
                let tuple = self
                    .tupltype
                    .as_ref()
                    .map(|t| format!("TUPLTYPE {t}\n"))
                    .unwrap_or_default();
                format!(
                    "P7\nWIDTH {w}\nHEIGHT {h}\nDEPTH {}\nMAXVAL {m}\n{tuple}ENDHDR\n",
                    self.depth
                )
            }
            _ => format!("P{k}\n{w} {h}\n{m}\n"),
        }
    }
}

/// The pictures of a file, the comments and what follows the last picture.
#[derive(Debug, Default)]
struct Layout {
    pictures: Vec<Picture>,
    comments: Vec<String>,
    /// Bytes after the last picture other than white space.
    trailing: usize,
}

fn corrupt(detail: impl Into<String>) -> Error {
    Error::corrupt(ImageFormat::Pnm, detail)
}

fn truncated() -> Error {
    corrupt("the file ends inside a picture")
}

/// A cursor over the file that skips white space and collects comments.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
    comments: &'a mut Vec<String>,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.at).copied()
    }

    /// Reads a comment from `#` to the end of its line (the line end included).
    fn comment(&mut self) {
        let start = self.at + 1;
        let rest = self.data.get(start..).unwrap_or_default();
        let len = rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        let text = String::from_utf8_lossy(&rest[..len]);
        self.comments.push(clip(&text, SHOWN_CHARS));
        self.at = (start + len + 1).min(self.data.len());
    }

    /// Skips white space and comments.
    fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if b == b'#' {
                self.comment();
            } else if b.is_ascii_whitespace() {
                self.at += 1;
            } else {
                break;
            }
        }
    }

    /// Reads an unsigned decimal number after white space and comments.
    fn number(&mut self, what: &str) -> Result<u32> {
        self.skip_space();
        let start = self.at;
        let mut value: u32 = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u32::from(b - b'0')))
                .ok_or_else(|| corrupt(format!("the {what} is too large")))?;
            self.at += 1;
        }
        if self.at == start {
            return Err(match self.peek() {
                None => truncated(),
                Some(_) => corrupt(format!("the header has no valid {what}")),
            });
        }
        Ok(value)
    }

    /// Consumes the single white-space character (or a comment) that ends a header.
    fn end_of_header(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'#') => self.comment(),
            Some(b) if b.is_ascii_whitespace() => self.at += 1,
            Some(_) => return Err(corrupt("the header does not end with white space")),
            None => return Err(truncated()),
        }
        Ok(())
    }

    /// Reads one line of a PAM header, without its line end.
    fn line(&mut self) -> Result<&[u8]> {
        let rest = self.data.get(self.at..).unwrap_or_default();
        let len = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(truncated)?;
        self.at += len + 1;
        Ok(rest[..len].strip_suffix(b"\r").unwrap_or(&rest[..len]))
    }
}

/// Checks the picture's size and returns its raster's length in bytes (binary kinds).
fn checked_size(kind: u8, width: u32, height: u32, depth: u32, maxval: u32) -> Result<u64> {
    if width == 0 || height == 0 || depth == 0 {
        return Err(corrupt("the picture has no pixels"));
    }
    if !(1..=65_535).contains(&maxval) {
        return Err(corrupt("the largest sample value is outside 1..65535"));
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS {
        return Err(Error::TooManyPixels {
            width: width.into(),
            height: height.into(),
        });
    }
    let sample_bytes = if maxval < 256 { 1 } else { 2 };
    Ok(match kind {
        4 => u64::from(width).div_ceil(8) * u64::from(height),
        _ => pixels * u64::from(depth) * sample_bytes,
    })
}

/// Reads a PAM header after its `P7` line; returns width, height, depth, maxval and tuple type.
fn pam_header(r: &mut Reader) -> Result<(u32, u32, u32, u32, Option<String>)> {
    let (mut width, mut height, mut depth, mut maxval) = (None, None, None, None);
    let mut tupltype: Option<String> = None;
    loop {
        let line = r.line()?.to_vec();
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_start();
        if let Some(comment) = text.strip_prefix('#') {
            r.comments.push(clip(comment, SHOWN_CHARS));
            continue;
        }
        let (key, value) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
        let value = value.trim();
        let number = || -> Result<u32> {
            value
                .parse::<u32>()
                .map_err(|_| corrupt(format!("the PAM header's {key} is not a number")))
        };
        match key {
            "" => {}
            "ENDHDR" => break,
            "WIDTH" => width = Some(number()?),
            "HEIGHT" => height = Some(number()?),
            "DEPTH" => depth = Some(number()?),
            "MAXVAL" => maxval = Some(number()?),
            "TUPLTYPE" => {
                let joined = match tupltype.take() {
                    Some(t) => format!("{t} {value}"),
                    None => value.to_string(),
                };
                if joined.len() > 256 {
                    return Err(corrupt("the PAM header's tuple type is too long"));
                }
                tupltype = Some(joined);
            }
            _ => return Err(corrupt("the PAM header has an unknown line")),
        }
    }
    match (width, height, depth, maxval) {
        (Some(w), Some(h), Some(d), Some(m)) => Ok((w, h, d, m, tupltype)),
        _ => Err(corrupt(
            "the PAM header lacks its width, height, depth or maxval",
        )),
    }
}

/// Reads the samples of a plain picture.
fn plain_samples(r: &mut Reader, kind: u8, count: u64, maxval: u32) -> Result<Vec<u16>> {
    // Every sample takes at least one byte of the file: a count above what is left is a lie.
    let left = r.data.len().saturating_sub(r.at) as u64;
    if count > left {
        return Err(truncated());
    }
    let mut samples = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let value = if kind == 1 {
            r.skip_space();
            match r.peek() {
                Some(b @ (b'0' | b'1')) => {
                    r.at += 1;
                    u32::from(b - b'0')
                }
                None => return Err(truncated()),
                Some(_) => return Err(corrupt("a bitmap sample is not 0 or 1")),
            }
        } else {
            r.number("sample")?
        };
        if value > maxval {
            return Err(corrupt("a sample is larger than the largest sample value"));
        }
        samples.push(value as u16);
    }
    Ok(samples)
}

/// Reads one picture starting at its magic.
fn picture(r: &mut Reader) -> Result<Picture> {
    let kind = match r.data.get(r.at..r.at + 2) {
        Some([b'P', k @ b'1'..=b'7']) => k - b'0',
        _ => return Err(corrupt("a picture does not start with P1 to P7")),
    };
    r.at += 2;
    let (width, height, depth, maxval, tupltype) = if kind == 7 {
        r.line()?;
        pam_header(r)?
    } else {
        let width = r.number("width")?;
        let height = r.number("height")?;
        let maxval = if matches!(kind, 1 | 4) {
            1
        } else {
            r.number("largest sample value")?
        };
        r.end_of_header()?;
        let depth = if matches!(kind, 3 | 6) { 3 } else { 1 };
        (width, height, depth, maxval, None)
    };
    let raster_len = checked_size(kind, width, height, depth, maxval)?;
    let raster = if kind <= 3 {
        let count = u64::from(width) * u64::from(height) * u64::from(depth);
        Raster::Plain(plain_samples(r, kind, count, maxval)?)
    } else {
        let end = (r.at as u64)
            .checked_add(raster_len)
            .filter(|&e| e <= r.data.len() as u64)
            .ok_or_else(truncated)? as usize;
        let range = r.at..end;
        r.at = end;
        Raster::Binary(range)
    };
    Ok(Picture {
        kind,
        width,
        height,
        depth,
        maxval,
        tupltype,
        raster,
    })
}

/// Reads every picture of the file.
fn layout(data: &[u8]) -> Result<Layout> {
    let mut comments = Vec::new();
    let mut pictures = Vec::new();
    let mut trailing = 0;
    {
        let mut r = Reader {
            data,
            at: 0,
            comments: &mut comments,
        };
        loop {
            pictures.push(picture(&mut r)?);
            r.skip_space();
            let Some(rest) = data.get(r.at..).filter(|rest| !rest.is_empty()) else {
                break;
            };
            let another = matches!(rest, [b'P', b'1'..=b'7', w, ..] if w.is_ascii_whitespace());
            if !another {
                trailing = rest.len();
                break;
            }
            if pictures.len() >= MAX_PICTURES {
                return Err(corrupt("the file holds too many pictures"));
            }
        }
    }
    Ok(Layout {
        pictures,
        comments,
        trailing,
    })
}

/// Finds the comments of a Netpbm file.
pub fn inspect(data: &Bytes) -> Result<Inspection> {
    let layout = layout(data)?;
    let mut payloads = Payloads::default();
    for text in &layout.comments {
        let value = if text.is_empty() {
            "(empty)".to_string()
        } else {
            text.clone()
        };
        payloads.container_findings.push(hidden(
            "PNM:Comment",
            value,
            Severity::Medium,
            Explanation::Comment,
        ));
    }
    if layout.trailing > 0 {
        payloads.container_findings.push(hidden(
            "PNM:TrailingData",
            human_bytes(layout.trailing),
            Severity::Medium,
            Explanation::TrailingData,
        ));
    }
    let mut picture = Vec::new();
    for p in &layout.pictures {
        picture.push(Bytes::from(p.header()));
        picture.push(match &p.raster {
            Raster::Binary(range) => data.slice(range.clone()),
            Raster::Plain(samples) => Bytes::from(
                samples
                    .iter()
                    .flat_map(|s| s.to_be_bytes())
                    .collect::<Vec<_>>(),
            ),
        });
    }
    let first = layout.pictures.first();
    Ok(Inspection {
        width: first.map(|p| p.width),
        height: first.map(|p| p.height),
        payloads,
        picture: Some(picture),
        ..Inspection::default()
    })
}

/// Writes the samples of a plain picture as text, one picture row a line (wrapped before 70
/// characters, as the format asks).
fn write_plain(out: &mut Vec<u8>, p: &Picture, samples: &[u16]) {
    let row = (p.width as usize * p.depth as usize).max(1);
    for line in samples.chunks(row) {
        let mut len = 0;
        for (i, s) in line.iter().enumerate() {
            let text = s.to_string();
            if i > 0 {
                if len + 1 + text.len() > 69 {
                    out.push(b'\n');
                    len = 0;
                } else {
                    out.push(b' ');
                    len += 1;
                }
            }
            out.extend_from_slice(text.as_bytes());
            len += text.len();
        }
        out.push(b'\n');
    }
}

/// Writes every picture with a header without comments; binary rasters are copied byte for byte.
pub fn clean(data: &Bytes) -> Result<Cleaned> {
    let layout = layout(data)?;
    let mut out = Vec::with_capacity(data.len());
    for p in &layout.pictures {
        out.extend_from_slice(p.header().as_bytes());
        match &p.raster {
            Raster::Binary(range) => out.extend_from_slice(&data[range.clone()]),
            Raster::Plain(samples) => write_plain(&mut out, p, samples),
        }
    }
    let plain = layout
        .pictures
        .iter()
        .any(|p| matches!(p.raster, Raster::Plain(_)));
    Ok(Cleaned {
        bytes: out,
        kept: Vec::new(),
        method: if plain {
            CleanMethod::LosslessReencode
        } else {
            CleanMethod::Lossless
        },
    })
}
