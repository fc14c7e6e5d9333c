//! A map of where a photo was taken, drawn offline from the bundled Natural Earth country
//! outlines (`assets/map/`, see `MAP.md`): which country a position is in, a view zoomed to that
//! country (or to the region around the position when the country is very large or the position
//! is at sea), and the outlines and the position projected into that view, as typed drawing data
//! for the app and the report to paint. Nothing is fetched; no sentence is made here.

mod data;
mod locate;
mod position;
mod view;

pub use data::{Country, GeoBox, MapError, Ring, WorldMap, MAP_FILE, MAP_SHA256};
pub use locate::Located;
pub use position::{gps_position, place_names, GeoPoint};
pub use view::{draw, MapDrawing, Outline, ViewPoint, ViewSize};

#[cfg(test)]
mod tests;
