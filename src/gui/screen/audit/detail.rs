//! The audit's detail panel: the entry the user selected in the ranked list, what to do about
//! it and why, and the map of where it was taken: from the photo's own GPS, or else from the
//! location the export writes beside it (a Takeout sidecar, a place tagged on a post). The same
//! map as the review's detail panel and the report's.

use iced::widget::{button, column, container, scrollable, Column};
use iced::{Element, Fill, Length, Theme};
use photoveil_core::audit::{AuditReport, MediaItem, MediaKind, RankedMedia};
use photoveil_core::map::{self, GeoPoint};

use super::{Audit, Message};
use crate::gui::focus::Reachable;
use crate::gui::map_view;
use crate::gui::style::{self, t, text};
use crate::words::describe;

/// Where a photo of the export was taken, as the map shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPlace {
    /// The position.
    pub point: GeoPoint,
    /// The place's name, when the photo or the export gives one.
    pub place: Option<String>,
    /// Whether it comes from the export (written beside the photo) rather than the photo's own
    /// metadata.
    pub from_export: bool,
}

/// The map for `item`: its own GPS position (and the place names its metadata gives) first,
/// as the report does; else the location the export keeps beside it; `None` without either.
pub fn map_place(item: &MediaItem) -> Option<MapPlace> {
    if let Some(point) = map::gps_position(&item.findings) {
        let names = map::place_names(&item.findings).join(", ");
        return Some(MapPlace {
            point,
            place: Some(names).filter(|p| !p.is_empty()),
            from_export: false,
        });
    }
    let location = item.context.location?;
    Some(MapPlace {
        point: GeoPoint::new(location.latitude, location.longitude)?,
        place: item.context.place.clone().filter(|p| !p.trim().is_empty()),
        from_export: true,
    })
}

impl Audit {
    /// The map of the selected entry, if one is selected and has a location.
    pub fn selected_map(&self) -> Option<MapPlace> {
        let Some(Ok(report)) = &self.report else {
            return None;
        };
        map_place(report.media.get(self.selected?)?)
    }

    /// The panel beside the list for the selected entry, if one is.
    pub(super) fn detail<'a>(&'a self, report: &'a AuditReport) -> Option<Element<'a, Message>> {
        let media = self.selected?;
        let item = report.media.get(media)?;
        let (position, ranked) = report
            .ranking
            .iter()
            .enumerate()
            .find(|(_, r)| r.media == media)?;
        let name = item
            .entry
            .rsplit('/')
            .next()
            .unwrap_or(&item.entry)
            .to_string();
        let mut lines = Column::new().align_x(style::align_start()).spacing(8);
        if name != item.entry {
            lines = lines.push(style::quiet(item.entry.clone()));
        }
        lines = lines.push(advice(position, ranked));
        if item.kind == MediaKind::Video {
            lines = lines.push(style::quiet(t("audit-video-not-analysed")));
        }
        if let Some(at) = self.selected_map() {
            let (title, place_key) = if at.from_export {
                ("report-map-beside-heading", "map-place-tagged")
            } else {
                ("map-title", "map-place-named")
            };
            lines = lines.push(map_view::panel_at(at.point, at.place, &t(title), place_key));
        }
        let panel = column![
            style::dir_row![
                // Placed by a container: a Latin file name in an Urdu panel goes to the right.
                container(text(name).size(20))
                    .width(Fill)
                    .align_x(style::align_start()),
                button(text(t("gui-close")))
                    .style(button::text)
                    .on_activate(Message::Select(None)),
            ]
            .align_y(iced::Center),
            scrollable(lines).spacing(8).height(Fill),
        ]
        .align_x(style::align_start())
        .spacing(10);
        Some(
            style::card(panel)
                .width(Length::FillPortion(1))
                .height(Fill)
                .into(),
        )
    }
}

/// What to do about the entry, and why.
fn advice<'a>(position: usize, ranked: &RankedMedia) -> Column<'a, Message> {
    let mut advice = column![text(format!(
        "{}. {}",
        position + 1,
        describe::recommendation(ranked.recommendation)
    ))
    .size(style::BODY)]
    .align_x(style::align_start())
    .spacing(2);
    for reason in &ranked.reasons {
        advice = advice.push(style::quiet(format!("• {}", describe::reason(reason))));
    }
    advice
}

/// A ranked entry's card in the list: a button that opens its detail, marked while open (the
/// review grid's tile look, shared).
pub fn entry_style(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    crate::gui::screen::review::tile::button_style(selected)
}
