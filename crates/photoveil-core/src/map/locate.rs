//! Which country a position is in: point in polygon against the outlines (even-odd rule, so a
//! country's holes, such as Lesotho inside South Africa, are outside it).

use super::data::{Ring, WorldMap};
use super::position::GeoPoint;

/// Where a position lies on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    /// The country, as an index into [`WorldMap::countries`].
    pub country: usize,
    /// The outer outline around the position (the mainland or island it is on), as an index into
    /// that country's rings.
    pub ring: usize,
}

impl WorldMap {
    /// The country the position is in; `None` at sea (or outside every outline).
    pub fn locate(&self, point: GeoPoint) -> Option<Located> {
        let (lon, lat) = (point.lon, point.lat);
        self.countries
            .iter()
            .enumerate()
            .filter(|(_, c)| c.bounds.contains(lon, lat))
            .find_map(|(index, country)| {
                let around: Vec<usize> = (0..country.rings.len())
                    .filter(|&r| ring_contains(&country.rings[r], lon, lat))
                    .collect();
                // Inside an odd number of outlines: inside the country. The largest outline
                // around the position is its outer edge (holes lie within it).
                let outer = around
                    .iter()
                    .copied()
                    .max_by(|&a, &b| area(&country.rings[a]).total_cmp(&area(&country.rings[b])))?;
                (around.len() % 2 == 1).then_some(Located {
                    country: index,
                    ring: outer,
                })
            })
    }
}

/// Whether the ring holds (`lon`, `lat`): a ray cast east crosses its edges an odd number of
/// times.
pub fn ring_contains(ring: &Ring, lon: f64, lat: f64) -> bool {
    if !ring.bounds.contains(lon, lat) {
        return false;
    }
    let Some(&last) = ring.points.last() else {
        return false;
    };
    let mut inside = false;
    let mut previous = last;
    for &current in &ring.points {
        let ((x1, y1), (x2, y2)) = (previous, current);
        if (y1 > lat) != (y2 > lat) {
            let crossing = x1 + (lat - y1) * (x2 - x1) / (y2 - y1);
            if lon < crossing {
                inside = !inside;
            }
        }
        previous = current;
    }
    inside
}

/// The size of the box around a ring, in square degrees (enough to tell an outer edge from the
/// holes inside it).
fn area(ring: &Ring) -> f64 {
    (ring.bounds.east - ring.bounds.west) * (ring.bounds.north - ring.bounds.south)
}
