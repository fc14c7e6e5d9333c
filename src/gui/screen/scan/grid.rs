//! The scan screen's grid of photos, built lazily: the tiles have one height, so from the width
//! the grid is given (at layout) and how far it is scrolled, only the rows in view (and one more
//! each side) are built; the rest is empty space of the right height. Building the view of
//! thousands of photos then costs as much as building a screenful.

use std::ops::Range;

use iced::widget::{container, responsive, scrollable, space, Column};
use iced::{Element, Fill, Size};

use crate::gui::style;

/// The widest a tile is (as the review's grid: as many columns as fit tiles this wide).
pub const TILE_WIDTH: f32 = 230.0;
/// The height of every tile: thumbnail, name, and four lines of badges (or three in Urdu's
/// taller script), what the photo giving most away needs in a tile 206 pixels wide.
pub const TILE_HEIGHT: f32 = 316.0;
/// The space between tiles.
pub const SPACING: f32 = 12.0;
/// The space the scroll bar takes beside the tiles (its width and its gap).
const SCROLL_BAR: f32 = 10.0 + 8.0;
/// Rows built beyond those in view, each side, so that a scroll step shows built tiles.
const OVERSCAN: usize = 1;

/// Columns in a grid `width` wide, as iced's fluid grid counts them.
pub fn columns(width: f32) -> usize {
    (((width - SCROLL_BAR + SPACING) / (TILE_WIDTH + SPACING)).ceil() as usize).max(1)
}

/// The rows to build of a grid of `count` tiles in `columns`, scrolled down by `offset` in an
/// area `height` high.
pub fn rows_in_view(count: usize, columns: usize, offset: f32, height: f32) -> Range<usize> {
    let rows = count.div_ceil(columns.max(1));
    let pitch = TILE_HEIGHT + SPACING;
    let height = height.max(0.0);
    // An offset past the end (the grid got shorter, or the window taller) shows the end.
    let most = (rows as f32 * pitch - SPACING - height).max(0.0);
    let offset = offset.clamp(0.0, most);
    let first = ((offset / pitch).floor() as usize).saturating_sub(OVERSCAN);
    let last = ((offset + height) / pitch).ceil() as usize + OVERSCAN;
    first.min(rows)..last.min(rows)
}

/// The grid of `count` tiles, `tile(i)` the i-th, scrolled by `offset` (which `on_scroll`
/// reports back to the screen).
pub fn view<'a, M: 'a>(
    count: usize,
    offset: f32,
    tile: impl Fn(usize) -> Element<'a, M> + 'a,
    on_scroll: fn(f32) -> M,
) -> Element<'a, M> {
    responsive(move |size: Size| {
        let columns = columns(size.width);
        let rows = count.div_ceil(columns);
        let shown = rows_in_view(count, columns, offset, size.height);
        let pitch = TILE_HEIGHT + SPACING;
        let mut content = Column::new().spacing(SPACING).width(Fill);
        if shown.start > 0 {
            content = content.push(space().height(shown.start as f32 * pitch - SPACING));
        }
        for r in shown.clone() {
            let cells = (r * columns..(r * columns + columns))
                .map(|i| {
                    if i < count {
                        container(tile(i))
                            .width(Fill)
                            .height(TILE_HEIGHT)
                            .clip(true)
                            .into()
                    } else {
                        // Keeps the last row's tiles as wide as the others.
                        space().width(Fill).into()
                    }
                })
                .collect();
            content = content.push(style::row_dir(cells).spacing(SPACING).width(Fill));
        }
        if shown.end < rows {
            content = content.push(space().height((rows - shown.end) as f32 * pitch - SPACING));
        }
        scrollable(content)
            .spacing(8)
            .height(Fill)
            .on_scroll(move |viewport| on_scroll(viewport.absolute_offset().y))
            .into()
    })
    .into()
}
