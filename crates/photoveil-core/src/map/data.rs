//! The bundled country outlines: read from the compiled-in file, checked by SHA-256 before
//! anything is read from it (as the face models are), then parsed once.

use std::sync::OnceLock;

/// The map file's name in `assets/map/`.
pub const MAP_FILE: &str = "countries-50m.bin";

/// The SHA-256 the bundled map file must have, lower-case hex (also in `assets/map/MAP.md`).
pub const MAP_SHA256: &str = "4cd4a421ef71113810ed65cf592b9f685ee51d97c4224b4991d183f47d5fa850";

/// The file, converted by `tools/map/convert-world-atlas.py`.
const BUNDLED: &[u8] = include_bytes!("../../../../assets/map/countries-50m.bin");

/// The file's first bytes.
const MAGIC: &[u8; 8] = b"PVMAP1\n\0";

/// Coordinates are stored in hundredths of a degree.
const STEP: f64 = 100.0;

/// Why the map cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MapError {
    /// The file's SHA-256 is not the one PhotoVeil was built with: it was changed or damaged.
    #[error("the map file's SHA-256 is {actual}, expected {expected}")]
    Checksum {
        /// The SHA-256 it should have.
        expected: String,
        /// The SHA-256 it has.
        actual: String,
    },
    /// The file's content is not a map file (only reachable with a matching SHA-256 if the
    /// converter and this reader disagree).
    #[error("the map file is damaged: {0}")]
    Format(String),
}

/// A box of longitudes and latitudes, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoBox {
    /// Westmost longitude.
    pub west: f64,
    /// Southmost latitude.
    pub south: f64,
    /// Eastmost longitude.
    pub east: f64,
    /// Northmost latitude.
    pub north: f64,
}

impl GeoBox {
    /// The smallest box around `points` (`(lon, lat)` in degrees); `None` when there are none.
    pub fn around(points: &[(f64, f64)]) -> Option<GeoBox> {
        let (&(lon, lat), rest) = points.split_first()?;
        let mut b = GeoBox {
            west: lon,
            south: lat,
            east: lon,
            north: lat,
        };
        for &(lon, lat) in rest {
            b.west = b.west.min(lon);
            b.east = b.east.max(lon);
            b.south = b.south.min(lat);
            b.north = b.north.max(lat);
        }
        Some(b)
    }

    /// Whether the box holds the position (`lon`, `lat`), edges included.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }

    /// Whether the two boxes overlap.
    pub fn overlaps(&self, other: &GeoBox) -> bool {
        self.west <= other.east
            && other.west <= self.east
            && self.south <= other.north
            && other.south <= self.north
    }

    /// The box moved east by `degrees`.
    pub fn shifted(&self, degrees: f64) -> GeoBox {
        GeoBox {
            west: self.west + degrees,
            east: self.east + degrees,
            ..*self
        }
    }
}

/// One closed outline of a country (an outer edge or a hole; the even-odd rule tells inside).
#[derive(Debug, Clone, PartialEq)]
pub struct Ring {
    /// Its points, `(lon, lat)` in degrees, without the closing repeat.
    pub points: Vec<(f64, f64)>,
    /// The box around it.
    pub bounds: GeoBox,
}

/// A country (or territory) of Natural Earth's 1:50m outlines.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// Its name as Natural Earth spells it in English (a data label, not a translated word).
    pub name: String,
    /// Its ISO 3166-1 numeric code, when it has one (e.g. "410" for South Korea).
    pub code: Option<String>,
    /// Its outlines.
    pub rings: Vec<Ring>,
    /// The box around all its outlines.
    pub bounds: GeoBox,
}

/// The world's country outlines.
#[derive(Debug, Clone, PartialEq)]
pub struct WorldMap {
    /// The countries, sorted by name.
    pub countries: Vec<Country>,
}

impl WorldMap {
    /// The bundled map, checked and parsed on first use (then shared).
    pub fn bundled() -> Result<&'static WorldMap, MapError> {
        static MAP: OnceLock<Result<WorldMap, MapError>> = OnceLock::new();
        MAP.get_or_init(|| WorldMap::from_bytes(BUNDLED, MAP_SHA256))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads a map file's bytes after checking that their SHA-256 is `sha256` (lower-case hex).
    pub fn from_bytes(bytes: &[u8], sha256: &str) -> Result<WorldMap, MapError> {
        let actual = hex(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref());
        if actual != sha256 {
            return Err(MapError::Checksum {
                expected: sha256.to_string(),
                actual,
            });
        }
        parse(bytes)
    }

    /// The bundled file's size in bytes.
    pub fn bundled_size() -> usize {
        BUNDLED.len()
    }
}

fn parse(bytes: &[u8]) -> Result<WorldMap, MapError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(MapError::Format("not a PhotoVeil map file".into()));
    }
    let count = r.u16()?;
    let mut countries = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        let name = r.text()?;
        let code = Some(r.text()?).filter(|c| !c.is_empty());
        let ring_count = r.u16()?;
        let mut rings = Vec::with_capacity(usize::from(ring_count));
        for _ in 0..ring_count {
            let points_count = r.u32()? as usize;
            let raw = r.take(points_count.saturating_mul(4))?;
            let points: Vec<(f64, f64)> = raw
                .chunks_exact(4)
                .map(|p| {
                    let lon = i16::from_le_bytes([p[0], p[1]]);
                    let lat = i16::from_le_bytes([p[2], p[3]]);
                    (f64::from(lon) / STEP, f64::from(lat) / STEP)
                })
                .collect();
            let bounds = GeoBox::around(&points)
                .ok_or_else(|| MapError::Format(format!("{name} has an empty outline")))?;
            rings.push(Ring { points, bounds });
        }
        let corners: Vec<(f64, f64)> = rings
            .iter()
            .flat_map(|r| {
                [
                    (r.bounds.west, r.bounds.south),
                    (r.bounds.east, r.bounds.north),
                ]
            })
            .collect();
        let bounds = GeoBox::around(&corners)
            .ok_or_else(|| MapError::Format(format!("{name} has no outline")))?;
        countries.push(Country {
            name,
            code,
            rings,
            bounds,
        });
    }
    if r.at != bytes.len() {
        return Err(MapError::Format("bytes left after the last country".into()));
    }
    Ok(WorldMap { countries })
}

/// Reads the file front to back; every read is bounds-checked.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], MapError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| MapError::Format("the file ends too soon".into()))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u16(&mut self) -> Result<u16, MapError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32, MapError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn text(&mut self) -> Result<String, MapError> {
        let len = self.take(1)?[0];
        let raw = self.take(usize::from(len))?;
        String::from_utf8(raw.to_vec()).map_err(|_| MapError::Format("a name is not UTF-8".into()))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_map_is_checked_and_read() {
        let map = WorldMap::bundled().unwrap();
        assert!(map.countries.len() > 200, "{}", map.countries.len());
        let korea = map
            .countries
            .iter()
            .find(|c| c.code.as_deref() == Some("410"))
            .unwrap();
        assert_eq!(korea.name, "South Korea");
        assert!(korea.bounds.contains(126.98, 37.57));
    }

    #[test]
    fn a_changed_map_file_is_refused_before_it_is_read() {
        let mut changed = BUNDLED.to_vec();
        let middle = changed.len() / 2;
        changed[middle] ^= 1;
        match WorldMap::from_bytes(&changed, MAP_SHA256) {
            Err(MapError::Checksum { expected, actual }) => {
                assert_eq!(expected, MAP_SHA256);
                assert_ne!(actual, MAP_SHA256);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_truncated_file_is_a_format_error_not_a_panic() {
        for cut in [0, 5, 12, 40, BUNDLED.len() - 1] {
            assert!(matches!(parse(&BUNDLED[..cut]), Err(MapError::Format(_))));
        }
    }
}
