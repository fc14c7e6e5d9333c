//! The summary card shown when the export has ended: one line each for the copies written and
//! where, what was removed by kind, the faces' protection results (with what to do for a face
//! that was not verified), and each failure; then "Open folder", back and start over.

use iced::widget::{button, column, container, scrollable, Column};
use iced::{Element, Fill};

use super::{Export, Message};
use crate::gui::focus::Reachable;
use crate::gui::settings::FaceMode;
use crate::gui::style::{self, t, ta, text};
use crate::words::summary::{lines, Kind, Line};

/// How many faces to look at, and how many failures, the card lists; the rest are counted in
/// one line, and every one is in the list of photos below the card. A batch protected until
/// verified leaves most faces "not confirmed", so without a limit the card of a large batch
/// would push its buttons out of the window.
const MOST_LINES_OF_A_KIND: usize = 3;

/// The most height the card's lines take before they scroll, in pixels.
const LINES_HEIGHT: f32 = 400.0;

/// `lines` with at most `most` lines of each kind that needs the user (faces to look at,
/// failures), each kind's others counted in one line after its last one shown.
pub(super) fn capped(lines: Vec<Line>, most: usize) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut hidden = 0;
    let mut shown = 0;
    let mut lines = lines.into_iter().peekable();
    while let Some(line) = lines.next() {
        let kind = line.kind;
        if kind == Kind::Done || shown < most {
            shown += 1;
            out.push(line);
        } else {
            hidden += 1;
        }
        if lines.peek().map(|next| next.kind) != Some(kind) {
            if hidden > 0 {
                out.push(Line {
                    kind,
                    text: ta("gui-export-more", &[("count", hidden.into())]),
                });
            }
            (shown, hidden) = (0, 0);
        }
    }
    out
}

/// The summary card of a finished export.
pub fn view(export: &Export) -> Element<'_, Message> {
    let s = export.summary();
    let mut card = Column::new().align_x(style::align_start()).spacing(6);
    match &export.tally {
        Some(tally) => {
            for (i, line) in capped(lines(tally), MOST_LINES_OF_A_KIND)
                .into_iter()
                .enumerate()
            {
                card = card.push(match line.kind {
                    Kind::Done if i == 0 => text(format!("✓ {}", line.text)).size(18).into(),
                    Kind::Done => text(format!("✓ {}", line.text)).into(),
                    Kind::ToDo => style::problem(line.text),
                    Kind::Failed => text(format!("✕ {}", line.text)).into(),
                });
            }
        }
        // Before the worker's tally arrives (it comes just before the end): the plain counts.
        None => {
            card = card.push(text(ta(
                "gui-export-cleaned",
                &[("count", s.cleaned.into())],
            )));
            if s.failed > 0 {
                card = card.push(text(format!(
                    "✕ {}",
                    ta("gui-export-failed", &[("count", s.failed.into())])
                )));
            }
        }
    }
    if export.plan.mode == FaceMode::UntilVerified && s.faces_passed > 0 {
        let [subtle, standard, strong] = s.levels_needed;
        card = card.push(text(ta(
            "gui-export-levels",
            &[
                ("subtle", subtle.into()),
                ("standard", standard.into()),
                ("strong", strong.into()),
            ],
        )));
    }
    if s.skipped > 0 {
        card = card.push(text(ta(
            "gui-export-skipped",
            &[("count", s.skipped.into())],
        )));
    }
    card = card.push(style::quiet(t("gui-honest")));
    if export.open_failed {
        card = card.push(style::problem(t("gui-export-open-failed")));
    }
    let buttons = style::dir_row![
        button(text(t("gui-export-open-folder")))
            .style(style::primary_button)
            .on_activate(Message::OpenFolder),
        button(text(style::back_label("gui-export-back")))
            .style(button::secondary)
            .on_activate(Message::BackToReview),
        button(text(t("gui-review-start-over")))
            .style(button::secondary)
            .on_activate(Message::StartOver),
    ]
    .spacing(12);
    // The lines scroll within a bounded height, so the buttons stay in the window even where
    // long lines wrap many times (Urdu's are tall).
    let lines = container(scrollable(card).spacing(4)).max_height(LINES_HEIGHT);
    style::card(
        column![lines, buttons]
            .spacing(14)
            .align_x(style::align_start()),
    )
    .width(Fill)
    .into()
}
