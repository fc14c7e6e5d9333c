//! The map of where a photo was taken, as inline SVG for the report (nothing fetched): the
//! country outlines around the position, the position, and the place name the metadata gives.

use std::fmt::Write;

use photoveil_core::map::{self, GeoPoint, MapDrawing, ViewPoint, ViewSize, WorldMap};

use super::escape::{escape, shorten};
use crate::i18n::{text, text_with, FluentValue};

/// The map's size in SVG user units (CSS pixels at full size).
pub const MAP_SIZE: ViewSize = ViewSize {
    width: 360.0,
    height: 220.0,
};

/// The map's colours (RGB), shared with the app's map.
pub mod colors {
    /// The sea.
    pub const SEA: [u8; 3] = [0xdb, 0xea, 0xf5];
    /// Other countries.
    pub const LAND: [u8; 3] = [0xee, 0xec, 0xe6];
    /// Their borders.
    pub const BORDER: [u8; 3] = [0x9a, 0x96, 0x8c];
    /// The country the photo was taken in.
    pub const HERE: [u8; 3] = [0xfc, 0xe7, 0xa8];
    /// Its border.
    pub const HERE_BORDER: [u8; 3] = [0xa1, 0x5c, 0x07];
    /// The position.
    pub const POINT: [u8; 3] = [0xc8, 0x10, 0x2e];
    /// The place name's text.
    pub const LABEL: [u8; 3] = [0x1b, 0x1b, 0x1f];
}

/// Longest place name drawn on the map, in characters.
const MAX_LABEL_CHARS: usize = 40;

/// A figure with the map around `point`, the place name (`place`, introduced by the message
/// `place_key`) and the map's credit; a sentence instead if the map data cannot be used.
pub fn map_figure(point: GeoPoint, place: Option<&str>, place_key: &str) -> String {
    let world = match WorldMap::bundled() {
        Ok(world) => world,
        Err(_) => {
            return format!(
                "<p class=\"warn\">{}</p>\n",
                escape(&text("map-unavailable"))
            );
        }
    };
    let drawing = map::draw(world, point, MAP_SIZE);
    let mut figure = String::from("<figure class=\"map\">\n");
    figure.push_str(&svg(&drawing, place));
    figure.push_str("<figcaption>");
    if let Some(place) = place {
        let _ = write!(
            figure,
            "<span class=\"place\">{}</span><br>",
            escape(&text_with(
                place_key,
                &[("place", FluentValue::from(place))]
            ))
        );
    }
    if drawing.located.is_none() {
        let _ = write!(figure, "{}<br>", escape(&text("map-at-sea")));
    }
    let _ = writeln!(
        figure,
        "<small>{}</small></figcaption>\n</figure>",
        escape(&text("map-credit"))
    );
    figure
}

/// The drawing as an `<svg>` element, labelled with the place name when there is one.
pub fn svg(drawing: &MapDrawing, place: Option<&str>) -> String {
    let (w, h) = (drawing.size.width, drawing.size.height);
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         role=\"img\" aria-label=\"{title}\"><title>{title}</title>\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"{sea}\"/>\n",
        title = escape(&text("map-title")),
        sea = hex(colors::SEA),
    );
    // The country the photo is in last, so its whole border shows over its neighbours'.
    let mut outlines: Vec<_> = drawing.outlines.iter().collect();
    outlines.sort_by_key(|o| o.highlighted);
    for outline in outlines {
        let (fill, stroke, width) = if outline.highlighted {
            (colors::HERE, colors::HERE_BORDER, 1.4)
        } else {
            (colors::LAND, colors::BORDER, 0.7)
        };
        let _ = write!(
            out,
            "<path fill=\"{}\" stroke=\"{}\" stroke-width=\"{width}\" stroke-linejoin=\"round\" fill-rule=\"evenodd\" d=\"",
            hex(fill),
            hex(stroke)
        );
        for ring in &outline.rings {
            path_ring(&mut out, ring);
        }
        out.push_str("\"/>\n");
    }
    let ViewPoint { x, y } = drawing.point;
    let point = hex(colors::POINT);
    let _ = write!(
        out,
        "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"11\" fill=\"none\" stroke=\"{point}\" stroke-width=\"2\" opacity=\"0.55\"/>\n\
         <circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"{point}\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n"
    );
    if let Some(place) = place {
        // Beside the point, on the side with more room.
        let (anchor, dx) = if x < w * 0.6 {
            ("start", 15.0)
        } else {
            ("end", -15.0)
        };
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" direction=\"ltr\" font-size=\"14\" \
             font-weight=\"bold\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
            x + dx,
            y + 5.0,
            hex(colors::LABEL),
            escape(&shorten(place, MAX_LABEL_CHARS))
        );
    }
    out.push_str("</svg>\n");
    out
}

fn path_ring(out: &mut String, ring: &[ViewPoint]) {
    for (i, p) in ring.iter().enumerate() {
        let _ = write!(
            out,
            "{}{:.1} {:.1}",
            if i == 0 { "M" } else { "L" },
            p.x,
            p.y
        );
    }
    out.push('Z');
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_svg_draws_the_outlines_the_point_and_the_escaped_place_name() {
        let lahore = GeoPoint::new(31.5204, 74.3587).unwrap();
        let world = WorldMap::bundled().unwrap();
        let drawing = map::draw(world, lahore, MAP_SIZE);
        let svg = svg(&drawing, Some("Lahore <b>&"));
        // Inline in HTML, an `<svg>` needs no namespace address: the report names no address.
        assert!(svg.starts_with("<svg viewBox="));
        assert_eq!(svg.matches("<path ").count(), drawing.outlines.len());
        assert_eq!(svg.matches(&hex(colors::HERE)).count(), 1);
        assert!(svg.contains("Lahore &lt;b&gt;&amp;</text>"));
        assert!(!svg.contains("http://"));
        // Small enough to inline in a report with many photos.
        assert!(svg.len() < 60_000, "{}", svg.len());
        let figure = map_figure(lahore, Some("Lahore"), "map-place-named");
        assert!(figure.contains(&escape(&text_with(
            "map-place-named",
            &[("place", FluentValue::from("Lahore"))]
        ))));
        assert!(!figure.contains(&escape(&text("map-at-sea"))));
        let at_sea = map_figure(GeoPoint::new(0.0, -30.0).unwrap(), None, "map-place-named");
        assert!(at_sea.contains(&escape(&text("map-at-sea"))));
        assert!(!at_sea.contains("<text"));
    }
}
