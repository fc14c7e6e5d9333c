//! The map's view: zoomed to the country around a position (or to the region around it when the
//! country is very large or the position is at sea), projected equirectangularly with the
//! longitudes scaled by the cosine of the view's middle latitude (so shapes are true near the
//! middle of the view, which is all a country-sized map needs), clipped to the view and thinned
//! to what can be seen.

use super::data::{GeoBox, WorldMap};
use super::locate::Located;
use super::position::GeoPoint;

/// Narrowest view, in degrees of longitude at the equator (small countries get some context).
const MIN_SPAN: f64 = 4.0;
/// Widest country shown whole, in the same degrees; larger ones show the region around the
/// position instead.
const MAX_SPAN: f64 = 60.0;
/// Width of the region shown around a position at sea or in a very large country.
const REGION_SPAN: f64 = 24.0;
/// Space around the country, as a share of its size on each side.
const MARGIN: f64 = 0.15;
/// Lowest cosine used for the longitude scale (views near the poles stay usable).
const MIN_COSINE: f64 = 0.2;
/// Points closer than this to the previous one (in view units) are left out.
const THIN: f32 = 0.6;
/// How far outside the view outlines are kept (so clipped edges never show).
const CLIP_MARGIN: f32 = 4.0;

/// The size of the drawing, in view units (pixels for the app, user units for SVG).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewSize {
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// A point in view coordinates: x to the right, y down, (0, 0) at the top left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewPoint {
    /// Across.
    pub x: f32,
    /// Down.
    pub y: f32,
}

/// One country's outlines in view coordinates (fill with the even-odd rule).
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// The country, as an index into [`WorldMap::countries`].
    pub country: usize,
    /// Whether the position is in this country (drawn stronger).
    pub highlighted: bool,
    /// Its closed rings.
    pub rings: Vec<Vec<ViewPoint>>,
}

impl Outline {
    /// Whether the outline holds the view point (even-odd rule over all rings).
    pub fn contains(&self, p: ViewPoint) -> bool {
        let mut inside = false;
        for ring in &self.rings {
            let Some(&last) = ring.last() else { continue };
            let mut previous = last;
            for &current in ring {
                if (previous.y > p.y) != (current.y > p.y) {
                    let crossing = previous.x
                        + (p.y - previous.y) * (current.x - previous.x) / (current.y - previous.y);
                    if p.x < crossing {
                        inside = !inside;
                    }
                }
                previous = current;
            }
        }
        inside
    }
}

/// What to paint: the outlines in view, the position, and the country it is in.
#[derive(Debug, Clone, PartialEq)]
pub struct MapDrawing {
    /// The drawing's size.
    pub size: ViewSize,
    /// The countries in view, in the map's order.
    pub outlines: Vec<Outline>,
    /// The position, projected.
    pub point: ViewPoint,
    /// Where the position lies (`None`: at sea or outside every outline).
    pub located: Option<Located>,
    /// The country's name as the map data spells it (English; a label, not a translation).
    pub country_name: Option<String>,
    /// The area shown.
    pub bounds: GeoBox,
    projection: Projection,
}

impl MapDrawing {
    /// Projects any position into this drawing's view coordinates.
    pub fn project(&self, point: GeoPoint) -> ViewPoint {
        self.projection.project(point.lon, point.lat)
    }
}

/// Equirectangular with the longitudes scaled by `cosine`, centred on (`lon0`, `lat0`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Projection {
    lon0: f64,
    lat0: f64,
    cosine: f64,
    /// View units per degree of latitude.
    scale: f64,
    size: ViewSize,
}

impl Projection {
    fn project(&self, lon: f64, lat: f64) -> ViewPoint {
        ViewPoint {
            x: (f64::from(self.size.width) / 2.0 + (lon - self.lon0) * self.cosine * self.scale)
                as f32,
            y: (f64::from(self.size.height) / 2.0 - (lat - self.lat0) * self.scale) as f32,
        }
    }

    /// The longitudes and latitudes the view shows.
    fn bounds(&self) -> GeoBox {
        let half_lon = f64::from(self.size.width) / 2.0 / (self.cosine * self.scale);
        let half_lat = f64::from(self.size.height) / 2.0 / self.scale;
        GeoBox {
            west: self.lon0 - half_lon,
            east: self.lon0 + half_lon,
            south: self.lat0 - half_lat,
            north: self.lat0 + half_lat,
        }
    }
}

/// Draws the map around `point` at `size`.
pub fn draw(map: &WorldMap, point: GeoPoint, size: ViewSize) -> MapDrawing {
    let located = map.locate(point);
    let projection = choose_view(map, point, located, size);
    let bounds = projection.bounds();
    let mut outlines = Vec::new();
    for (index, country) in map.countries.iter().enumerate() {
        let mut rings = Vec::new();
        for shift in [-360.0, 0.0, 360.0] {
            if !country.bounds.shifted(shift).overlaps(&bounds) {
                continue;
            }
            for ring in &country.rings {
                if !ring.bounds.shifted(shift).overlaps(&bounds) {
                    continue;
                }
                let projected: Vec<ViewPoint> = ring
                    .points
                    .iter()
                    .map(|&(lon, lat)| projection.project(lon + shift, lat))
                    .collect();
                let shown = thin(clip(projected, size));
                if shown.len() >= 3 {
                    rings.push(shown);
                }
            }
        }
        if !rings.is_empty() {
            outlines.push(Outline {
                country: index,
                highlighted: located.is_some_and(|l| l.country == index),
                rings,
            });
        }
    }
    MapDrawing {
        size,
        outlines,
        point: projection.project(point.lon, point.lat),
        located,
        country_name: located.and_then(|l| map.countries.get(l.country).map(|c| c.name.clone())),
        bounds,
        projection,
    }
}

/// The view: the outline the position is on with a margin, or the region around the position;
/// widened to the drawing's proportions.
fn choose_view(
    map: &WorldMap,
    point: GeoPoint,
    located: Option<Located>,
    size: ViewSize,
) -> Projection {
    let part = located.and_then(|l| map.countries.get(l.country)?.rings.get(l.ring));
    let aspect = f64::from(size.width.max(1.0)) / f64::from(size.height.max(1.0));
    let region = |lat0: f64| {
        let cosine = lat0.to_radians().cos().max(MIN_COSINE);
        (point.lon, lat0, REGION_SPAN / cosine, REGION_SPAN / aspect)
    };
    // Centre and extent, in degrees of longitude and latitude.
    let (lon0, lat0, lon_span, lat_span) = match part {
        Some(ring) => {
            let b = ring.bounds;
            let lat0 = (b.north + b.south) / 2.0;
            let cosine = lat0.to_radians().cos().max(MIN_COSINE);
            let width = (b.east - b.west) * cosine * (1.0 + 2.0 * MARGIN);
            let height = (b.north - b.south) * (1.0 + 2.0 * MARGIN);
            if width.max(height * aspect) > MAX_SPAN {
                region(point.lat)
            } else {
                let width = width.max(height * aspect).max(MIN_SPAN);
                (
                    (b.east + b.west) / 2.0,
                    lat0,
                    width / cosine,
                    width / aspect,
                )
            }
        }
        None => region(point.lat),
    };
    let cosine = lat0.to_radians().cos().max(MIN_COSINE);
    // Keep the view on the globe where it can be (the position stays inside: it is within
    // half a span of the centre and within ±90).
    let lat0 = if lat_span < 180.0 {
        lat0.clamp(-90.0 + lat_span / 2.0, 90.0 - lat_span / 2.0)
    } else {
        0.0
    };
    Projection {
        lon0,
        lat0,
        cosine,
        scale: f64::from(size.width) / (lon_span * cosine),
        size,
    }
}

/// Clips a closed ring to the view plus a margin (Sutherland–Hodgman against each edge).
fn clip(ring: Vec<ViewPoint>, size: ViewSize) -> Vec<ViewPoint> {
    let (low, high_x, high_y) = (
        -CLIP_MARGIN,
        size.width + CLIP_MARGIN,
        size.height + CLIP_MARGIN,
    );
    let all_inside = ring
        .iter()
        .all(|p| (low..=high_x).contains(&p.x) && (low..=high_y).contains(&p.y));
    if all_inside {
        return ring;
    }
    let mut out = ring;
    out = clip_edge(&out, |p| p.x >= low, |a, b| cross_x(a, b, low));
    out = clip_edge(&out, |p| p.x <= high_x, |a, b| cross_x(a, b, high_x));
    out = clip_edge(&out, |p| p.y >= low, |a, b| cross_y(a, b, low));
    clip_edge(&out, |p| p.y <= high_y, |a, b| cross_y(a, b, high_y))
}

fn clip_edge(
    ring: &[ViewPoint],
    inside: impl Fn(ViewPoint) -> bool,
    cross: impl Fn(ViewPoint, ViewPoint) -> ViewPoint,
) -> Vec<ViewPoint> {
    let Some(&last) = ring.last() else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(ring.len());
    let mut previous = last;
    for &current in ring {
        match (inside(previous), inside(current)) {
            (true, true) => out.push(current),
            (true, false) => out.push(cross(previous, current)),
            (false, true) => {
                out.push(cross(previous, current));
                out.push(current);
            }
            (false, false) => {}
        }
        previous = current;
    }
    out
}

fn cross_x(a: ViewPoint, b: ViewPoint, x: f32) -> ViewPoint {
    let t = (x - a.x) / (b.x - a.x);
    ViewPoint {
        x,
        y: a.y + t * (b.y - a.y),
    }
}

fn cross_y(a: ViewPoint, b: ViewPoint, y: f32) -> ViewPoint {
    let t = (y - a.y) / (b.y - a.y);
    ViewPoint {
        x: a.x + t * (b.x - a.x),
        y,
    }
}

/// Leaves out points closer than [`THIN`] to the last one kept.
fn thin(ring: Vec<ViewPoint>) -> Vec<ViewPoint> {
    let mut out: Vec<ViewPoint> = Vec::with_capacity(ring.len() / 2);
    for p in ring {
        if out
            .last()
            .is_none_or(|q| (p.x - q.x).abs() + (p.y - q.y).abs() >= THIN)
        {
            out.push(p);
        }
    }
    out
}
