//! The map of where a photo was taken, in the review's detail panel: the country outlines around
//! the photo's GPS position, the position, and the place name the metadata gives; drawn on a
//! canvas from the core's drawing data (the same map as the report's, same colours). The audit
//! screen draws it too, for a location an account export keeps beside a photo.

use iced::widget::canvas::{self, Frame, Path, Stroke};
use iced::widget::{column, Column};
use iced::{alignment, mouse, Color, Element, Fill, Point, Rectangle, Renderer, Theme};
use photoveil_core::map::{self, GeoPoint, MapDrawing, ViewSize, WorldMap};
use photoveil_core::Finding;

use crate::gui::style::{self, t, ta, text};
use crate::report::map_svg::colors;

/// The map's height in the panel (it takes the panel's width).
pub const MAP_HEIGHT: f32 = 200.0;

/// Longest place name drawn on the map, in characters.
const MAX_LABEL_CHARS: usize = 40;

/// The map for a photo's findings, with its caption; `None` when they give no GPS position.
pub fn map_panel<'a, M: 'a>(findings: &[Finding]) -> Option<Element<'a, M>> {
    let point = map::gps_position(findings)?;
    let places = map::place_names(findings).join(", ");
    let place = Some(places).filter(|p| !p.is_empty());
    Some(panel_at(point, place, &t("map-title"), "map-place-named"))
}

/// The map around `point` under the heading `title`, the point labelled with `place`, and the
/// caption (`place_key` names the place, e.g. "Place tagged in the export: …"); also used for a
/// location an account export writes beside a photo.
pub fn panel_at<'a, M: 'a>(
    point: GeoPoint,
    place: Option<String>,
    title: &str,
    place_key: &str,
) -> Element<'a, M> {
    let world = match WorldMap::bundled() {
        Ok(world) => world,
        Err(_) => return style::problem(t("map-unavailable")),
    };
    let mut caption: Column<'a, M> = column![].align_x(style::align_start()).spacing(2);
    if let Some(place) = &place {
        caption = caption.push(text(ta(place_key, &[("place", place.clone().into())])));
    }
    if world.locate(point).is_none() {
        caption = caption.push(style::quiet(t("map-at-sea")));
    }
    caption = caption.push(style::quiet(t("map-credit")).size(style::SMALL));
    let map = canvas::Canvas::new(PhotoMap {
        world,
        point,
        place,
    })
    .width(Fill)
    .height(MAP_HEIGHT);
    column![text(title.to_string()).size(style::BODY), map, caption]
        .align_x(style::align_start())
        .spacing(6)
        .into()
}

/// What the canvas draws: the map around `point`, labelled with `place`.
struct PhotoMap {
    world: &'static WorldMap,
    point: GeoPoint,
    place: Option<String>,
}

impl<M> canvas::Program<M> for PhotoMap {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<canvas::Geometry> {
        let size = ViewSize {
            width: bounds.width,
            height: bounds.height,
        };
        let drawing = map::draw(self.world, self.point, size);
        let mut frame = Frame::new(renderer, bounds.size());
        frame.fill_rectangle(Point::ORIGIN, bounds.size(), rgb(colors::SEA));
        outlines(&mut frame, &drawing);
        let at = Point::new(drawing.point.x, drawing.point.y);
        frame.stroke(
            &Path::circle(at, 11.0),
            Stroke::default()
                .with_color(Color {
                    a: 0.55,
                    ..rgb(colors::POINT)
                })
                .with_width(2.0),
        );
        frame.fill(&Path::circle(at, 6.5), Color::WHITE);
        frame.fill(&Path::circle(at, 5.0), rgb(colors::POINT));
        if let Some(place) = &self.place {
            label(&mut frame, at, place, bounds.width);
        }
        frame.stroke(
            &Path::rectangle(Point::ORIGIN, bounds.size()),
            Stroke::default()
                .with_color(rgb(colors::BORDER))
                .with_width(1.0),
        );
        vec![frame.into_geometry()]
    }
}

/// The countries, the one the photo is in last so its whole border shows.
fn outlines(frame: &mut Frame, drawing: &MapDrawing) {
    let mut outlines: Vec<_> = drawing.outlines.iter().collect();
    outlines.sort_by_key(|o| o.highlighted);
    for outline in outlines {
        let path = Path::new(|b| {
            for ring in &outline.rings {
                let mut points = ring.iter();
                if let Some(first) = points.next() {
                    b.move_to(Point::new(first.x, first.y));
                    for p in points {
                        b.line_to(Point::new(p.x, p.y));
                    }
                    b.close();
                }
            }
        });
        let (fill, border, width) = if outline.highlighted {
            (colors::HERE, colors::HERE_BORDER, 1.4)
        } else {
            (colors::LAND, colors::BORDER, 0.7)
        };
        frame.fill(
            &path,
            canvas::Fill {
                style: canvas::Style::Solid(rgb(fill)),
                rule: canvas::fill::Rule::EvenOdd,
            },
        );
        frame.stroke(
            &path,
            Stroke::default().with_color(rgb(border)).with_width(width),
        );
    }
}

/// The place name beside the point, on the side with more room, with a white halo.
fn label(frame: &mut Frame, at: Point, place: &str, width: f32) {
    let content: String = place.chars().take(MAX_LABEL_CHARS).collect();
    let (align_x, dx) = if at.x < width * 0.6 {
        (iced::advanced::text::Alignment::Left, 15.0)
    } else {
        (iced::advanced::text::Alignment::Right, -15.0)
    };
    let text_at = |dx2: f32, dy2: f32, color: Color| canvas::Text {
        content: content.clone(),
        position: Point::new(at.x + dx + dx2, at.y + dy2),
        color,
        size: 14.0.into(),
        font: iced::Font {
            weight: iced::font::Weight::Bold,
            ..style::font()
        },
        align_x,
        align_y: alignment::Vertical::Center,
        ..canvas::Text::default()
    };
    for (hx, hy) in [(-1.5, 0.0), (1.5, 0.0), (0.0, -1.5), (0.0, 1.5)] {
        frame.fill_text(text_at(hx, hy, Color::WHITE));
    }
    frame.fill_text(text_at(0.0, 0.0, rgb(colors::LABEL)));
}

fn rgb([r, g, b]: [u8; 3]) -> Color {
    Color::from_rgb8(r, g, b)
}
