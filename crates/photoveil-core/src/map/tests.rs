//! The map against the outlines: photos' positions on three continents and more, the sea, a
//! hole in a country, the antimeridian, very large and very small countries.

use super::*;

const SIZE: ViewSize = ViewSize {
    width: 360.0,
    height: 240.0,
};

fn drawing(lat: f64, lon: f64) -> MapDrawing {
    let map = WorldMap::bundled().unwrap();
    draw(map, GeoPoint::new(lat, lon).unwrap(), SIZE)
}

fn inside_view(p: ViewPoint) -> bool {
    (0.0..=SIZE.width).contains(&p.x) && (0.0..=SIZE.height).contains(&p.y)
}

/// The projected position lies in the named country's projected outlines, and in no other.
fn assert_lands_in(lat: f64, lon: f64, country: &str) {
    let d = drawing(lat, lon);
    assert_eq!(d.country_name.as_deref(), Some(country), "({lat}, {lon})");
    assert!(inside_view(d.point), "({lat}, {lon}): {:?}", d.point);
    let containing: Vec<&Outline> = d.outlines.iter().filter(|o| o.contains(d.point)).collect();
    assert_eq!(
        containing.len(),
        1,
        "({lat}, {lon}) in {}",
        containing.len()
    );
    assert!(containing[0].highlighted, "({lat}, {lon})");
    let map = WorldMap::bundled().unwrap();
    assert_eq!(map.countries[containing[0].country].name, country);
    assert_eq!(d.outlines.iter().filter(|o| o.highlighted).count(), 1);
}

#[test]
fn photos_land_in_their_country_on_every_continent() {
    // North America, Asia (two), Europe, South America, Africa, Oceania.
    assert_lands_in(37.32, -121.94, "United States of America");
    assert_lands_in(37.5665, 126.978, "South Korea");
    assert_lands_in(31.5204, 74.3587, "Pakistan");
    assert_lands_in(48.8566, 2.3522, "France");
    assert_lands_in(-23.5505, -46.6333, "Brazil");
    assert_lands_in(-1.2921, 36.8219, "Kenya");
    assert_lands_in(-33.8688, 151.2093, "Australia");
}

#[test]
fn a_country_inside_another_is_told_apart() {
    // Maseru: Lesotho is a hole in South Africa's outline.
    assert_lands_in(-29.31, 27.48, "Lesotho");
    assert_lands_in(-26.2041, 28.0473, "South Africa");
}

#[test]
fn a_position_at_sea_is_in_no_country_and_shown_with_its_region() {
    let d = drawing(0.0, -30.0);
    assert_eq!(d.located, None);
    assert_eq!(d.country_name, None);
    assert!((d.point.x - SIZE.width / 2.0).abs() < 0.01);
    assert!((d.point.y - SIZE.height / 2.0).abs() < 0.01);
    assert!(d
        .outlines
        .iter()
        .all(|o| !o.highlighted && !o.contains(d.point)));
    // Near the coast the land around shows.
    let off_lisbon = drawing(38.6, -9.8);
    assert_eq!(off_lisbon.country_name, None);
    assert!(off_lisbon
        .outlines
        .iter()
        .any(|o| { WorldMap::bundled().unwrap().countries[o.country].name == "Portugal" }));
}

#[test]
fn the_view_is_zoomed_to_the_country_or_the_region() {
    // France's mainland fills the view (with a margin); the overseas parts are not in it.
    let paris = drawing(48.8566, 2.3522);
    assert!(
        paris.bounds.west > -12.0 && paris.bounds.east < 16.0,
        "{:?}",
        paris.bounds
    );
    // A very large country: the region around the position.
    let moscow = drawing(55.7558, 37.6173);
    assert_eq!(moscow.country_name.as_deref(), Some("Russia"));
    let width = moscow.bounds.east - moscow.bounds.west;
    assert!(width < 60.0, "{:?}", moscow.bounds);
    // A small one keeps some context around it.
    let luxembourg = drawing(49.6116, 6.1319);
    assert_eq!(luxembourg.country_name.as_deref(), Some("Luxembourg"));
    assert!(
        luxembourg.outlines.len() >= 4,
        "{}",
        luxembourg.outlines.len()
    );
}

#[test]
fn outlines_across_the_antimeridian_are_drawn() {
    // Inland Viti Levu, Fiji: the view reaches past 180° east, where Fiji's eastern islands are
    // stored at negative longitudes; they are drawn there, east of the main island.
    assert_lands_in(-17.85, 178.0, "Fiji");
    let d = drawing(-17.85, 178.0);
    assert!(d.bounds.east > 180.0, "{:?}", d.bounds);
    let fiji = d.outlines.iter().find(|o| o.highlighted).unwrap();
    let past_the_antimeridian = d.project(GeoPoint {
        lat: -17.0,
        lon: 180.0,
    });
    assert!(fiji
        .rings
        .iter()
        .flatten()
        .any(|p| p.x > past_the_antimeridian.x + 1.0));
}

#[test]
fn the_projection_puts_the_view_bounds_on_the_edges() {
    let d = drawing(31.5204, 74.3587);
    let top_left = d.project(GeoPoint {
        lat: d.bounds.north,
        lon: d.bounds.west,
    });
    let bottom_right = d.project(GeoPoint {
        lat: d.bounds.south,
        lon: d.bounds.east,
    });
    assert!(
        top_left.x.abs() < 0.01 && top_left.y.abs() < 0.01,
        "{top_left:?}"
    );
    assert!(
        (bottom_right.x - SIZE.width).abs() < 0.01,
        "{bottom_right:?}"
    );
    assert!(
        (bottom_right.y - SIZE.height).abs() < 0.01,
        "{bottom_right:?}"
    );
    // Clipped: nothing far outside the view.
    for p in d.outlines.iter().flat_map(|o| o.rings.iter().flatten()) {
        assert!(p.x >= -5.0 && p.x <= SIZE.width + 5.0 && p.y >= -5.0 && p.y <= SIZE.height + 5.0);
    }
}
