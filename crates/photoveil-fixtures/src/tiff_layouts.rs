//! TIFF layouts the `image` crate's encoder does not write, built by hand: an 8-bit palette
//! GeoTIFF, CMYK, 16-bit RGB (big-endian) and a tiled picture, each with identity tags planted.

use crate::{picture, DATE_TAKEN, FAKE_ICC, MAKE, MODEL, OWNER, SERIAL};

/// The text of the GDAL metadata tag planted in [`tiff_palette_geotiff`].
pub const GDAL_TEXT: &str =
    "<GDALMetadata><Item name=\"AUTHOR\">Jane Example</Item></GDALMetadata>";

/// One directory entry: tag, field type, count and the value bytes in the file's byte order.
struct Field {
    tag: u16,
    kind: u16,
    count: u32,
    value: Vec<u8>,
}

struct Builder {
    little: bool,
    fields: Vec<Field>,
}

impl Builder {
    fn new(little: bool) -> Self {
        Builder {
            little,
            fields: Vec::new(),
        }
    }

    fn u16s(&mut self, tag: u16, values: &[u16]) -> &mut Self {
        let little = self.little;
        let value = values
            .iter()
            .flat_map(|v| {
                if little {
                    v.to_le_bytes()
                } else {
                    v.to_be_bytes()
                }
            })
            .collect();
        self.push(tag, 3, values.len() as u32, value)
    }

    fn u32s(&mut self, tag: u16, values: &[u32]) -> &mut Self {
        let little = self.little;
        let value = values
            .iter()
            .flat_map(|v| {
                if little {
                    v.to_le_bytes()
                } else {
                    v.to_be_bytes()
                }
            })
            .collect();
        self.push(tag, 4, values.len() as u32, value)
    }

    fn doubles(&mut self, tag: u16, values: &[f64]) -> &mut Self {
        let little = self.little;
        let value = values
            .iter()
            .flat_map(|v| {
                if little {
                    v.to_le_bytes()
                } else {
                    v.to_be_bytes()
                }
            })
            .collect();
        self.push(tag, 12, values.len() as u32, value)
    }

    fn ascii(&mut self, tag: u16, text: &str) -> &mut Self {
        let mut value = text.as_bytes().to_vec();
        value.push(0);
        self.push(tag, 2, value.len() as u32, value)
    }

    fn bytes(&mut self, tag: u16, kind: u16, value: &[u8]) -> &mut Self {
        self.push(tag, kind, value.len() as u32, value.to_vec())
    }

    fn push(&mut self, tag: u16, kind: u16, count: u32, value: Vec<u8>) -> &mut Self {
        self.fields.push(Field {
            tag,
            kind,
            count,
            value,
        });
        self
    }

    /// The identity tags every layout carries: make, model, artist, date, serial, software.
    fn identity(&mut self) -> &mut Self {
        self.ascii(271, MAKE)
            .ascii(272, MODEL)
            .ascii(305, "Scanner Suite 9")
            .ascii(306, DATE_TAKEN)
            .ascii(315, OWNER)
            .ascii(0xC62F, SERIAL)
    }

    /// The file: header, the chunks, then the directory (tags sorted) and its values; the
    /// offsets tag (273 strips or 324 tiles) and its counts tag are added here.
    fn finish(mut self, chunks: &[Vec<u8>], tiled: bool) -> Vec<u8> {
        let little = self.little;
        let u16b = |v: u16| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let u32b = |v: u32| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let mut out = if little {
            b"II".to_vec()
        } else {
            b"MM".to_vec()
        };
        out.extend(u16b(42));
        out.extend([0; 4]);
        let mut offsets = Vec::new();
        for chunk in chunks {
            offsets.push(out.len() as u32);
            out.extend(chunk);
            if out.len() % 2 == 1 {
                out.push(0);
            }
        }
        let counts: Vec<u32> = chunks.iter().map(|c| c.len() as u32).collect();
        let (offsets_tag, counts_tag) = if tiled { (324, 325) } else { (273, 279) };
        self.u32s(offsets_tag, &offsets).u32s(counts_tag, &counts);
        self.fields.sort_by_key(|f| f.tag);
        let dir = out.len();
        out[4..8].copy_from_slice(&u32b(dir as u32));
        let n = self.fields.len();
        let mut extra_at = dir + 2 + 12 * n + 4;
        let mut extra = Vec::new();
        out.extend(u16b(n as u16));
        for f in &self.fields {
            out.extend(u16b(f.tag));
            out.extend(u16b(f.kind));
            out.extend(u32b(f.count));
            if f.value.len() <= 4 {
                let mut inline = [0u8; 4];
                inline[..f.value.len()].copy_from_slice(&f.value);
                out.extend(inline);
            } else {
                out.extend(u32b(extra_at as u32));
                extra.extend(&f.value);
                if extra.len() % 2 == 1 {
                    extra.push(0);
                }
                extra_at = dir + 2 + 12 * n + 4 + extra.len();
            }
        }
        out.extend([0; 4]);
        out.extend(extra);
        out
    }
}

/// An 8-bit palette-colour GeoTIFF (little-endian, one strip per 4 rows, uncompressed) with a
/// colour map, GeoTIFF georeferencing (pixel scale, a tie point at 500000, 4100000 and a key
/// directory), GDAL metadata naming [`OWNER`] and the identity tags.
pub fn tiff_palette_geotiff(width: u32, height: u32) -> Vec<u8> {
    let mut b = Builder::new(true);
    let map: Vec<u16> = (0..3 * 256u32)
        .map(|i| ((i % 256) * 257 * (i / 256 + 1) / 3) as u16)
        .collect();
    b.u32s(256, &[width])
        .u32s(257, &[height])
        .u16s(258, &[8])
        .u16s(259, &[1])
        .u16s(262, &[3])
        .u16s(277, &[1])
        .u32s(278, &[4])
        .u16s(320, &map)
        .doubles(33550, &[30.0, 30.0, 0.0])
        .doubles(33922, &[0.0, 0.0, 0.0, 500000.0, 4100000.0, 0.0])
        .u16s(34735, &[1, 1, 0, 1, 1024, 0, 1, 1])
        .ascii(42112, GDAL_TEXT)
        .identity();
    let rows: Vec<u8> = (0..width * height)
        .map(|i| ((i % width) * 7 + (i / width) * 13) as u8)
        .collect();
    let chunks: Vec<Vec<u8>> = rows
        .chunks(width as usize * 4)
        .map(|c| c.to_vec())
        .collect();
    b.finish(&chunks, false)
}

/// A CMYK TIFF (8 bits a sample, InkSet CMYK, one strip), with an ICC profile and the identity
/// tags.
pub fn tiff_cmyk(width: u32, height: u32) -> Vec<u8> {
    let mut b = Builder::new(true);
    b.u32s(256, &[width])
        .u32s(257, &[height])
        .u16s(258, &[8, 8, 8, 8])
        .u16s(259, &[1])
        .u16s(262, &[5])
        .u16s(277, &[4])
        .u32s(278, &[height])
        .u16s(332, &[1])
        .bytes(0x8773, 7, FAKE_ICC)
        .identity();
    let rgb = picture(width, height);
    let data: Vec<u8> = rgb
        .pixels()
        .flat_map(|p| {
            let [r, g, b] = p.0;
            let k = 255 - r.max(g).max(b);
            [255 - r - k, 255 - g - k, 255 - b - k, k]
        })
        .collect();
    b.finish(&[data], false)
}

/// A big-endian 16-bit RGB TIFF (two strips) with Orientation 6 and the identity tags.
pub fn tiff_rgb16(width: u32, height: u32) -> Vec<u8> {
    let mut b = Builder::new(false);
    let half = height.div_ceil(2);
    b.u32s(256, &[width])
        .u32s(257, &[height])
        .u16s(258, &[16, 16, 16])
        .u16s(259, &[1])
        .u16s(262, &[2])
        .u16s(274, &[6])
        .u16s(277, &[3])
        .u32s(278, &[half])
        .identity();
    let rgb = picture(width, height);
    let samples: Vec<u8> = rgb
        .as_raw()
        .iter()
        .flat_map(|&v| ((u16::from(v) * 257) ^ 0x5A).to_be_bytes())
        .collect();
    let row = width as usize * 6;
    let chunks: Vec<Vec<u8>> = samples
        .chunks(row * half as usize)
        .map(|c| c.to_vec())
        .collect();
    b.finish(&chunks, false)
}

/// An 8-bit RGB TIFF in 16x16 tiles (the picture need not fill the last ones) with the
/// identity tags.
pub fn tiff_tiled(width: u32, height: u32) -> Vec<u8> {
    const TILE: u32 = 16;
    let mut b = Builder::new(true);
    b.u32s(256, &[width])
        .u32s(257, &[height])
        .u16s(258, &[8, 8, 8])
        .u16s(259, &[1])
        .u16s(262, &[2])
        .u16s(277, &[3])
        .u16s(322, &[TILE as u16])
        .u16s(323, &[TILE as u16])
        .identity();
    let rgb = picture(width, height);
    let mut chunks = Vec::new();
    for ty in 0..height.div_ceil(TILE) {
        for tx in 0..width.div_ceil(TILE) {
            let mut tile = Vec::with_capacity((TILE * TILE * 3) as usize);
            for y in ty * TILE..(ty + 1) * TILE {
                for x in tx * TILE..(tx + 1) * TILE {
                    let p = if x < width && y < height {
                        rgb.get_pixel(x, y).0
                    } else {
                        [0; 3]
                    };
                    tile.extend(p);
                }
            }
            chunks.push(tile);
        }
    }
    b.finish(&chunks, true)
}
