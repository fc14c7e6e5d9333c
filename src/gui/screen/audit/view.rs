//! Drawing the audit screen: the running audit with its progress and Stop, an audit that was
//! stopped or failed, and the finished audit's people and ranked photos (a selected one's detail
//! beside them, see `detail`).

use iced::widget::{button, column, container, progress_bar, scrollable, text_input, Column};
use iced::{Element, Fill, Length};
use photoveil_core::audit::{AuditReport, MediaKind, Progress};

use super::{detail, Audit, Message, Note, Problem};
use crate::gui::focus::Reachable;
use crate::gui::style::{self, t, ta, text};
use crate::words::describe;

/// Ranked photos shown at most (the report has them all).
const MAX_SHOWN: usize = 200;

impl Audit {
    /// Draws the screen.
    pub fn view(&self) -> Element<'_, Message> {
        match &self.report {
            None => self.running_view(),
            Some(Err(problem)) => self.ended_view(problem),
            Some(Ok(report)) => self.report_view(report),
        }
    }

    /// The export's file name.
    fn name(&self) -> String {
        self.source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    fn back(&self) -> Element<'_, Message> {
        button(text(style::back_label("gui-audit-back")))
            .style(button::secondary)
            .on_activate(Message::Back)
            .into()
    }

    /// The audit at work: what it is doing, a bar, Stop.
    fn running_view(&self) -> Element<'_, Message> {
        let stop = button(text(t(if self.stopping {
            "gui-cancelling"
        } else {
            "gui-audit-stop"
        })))
        .style(button::secondary)
        .on_activate_maybe((!self.stopping).then_some(Message::Stop));
        column![
            style::title("gui-audit-title"),
            text(self.name()).size(style::BODY),
            text(t("gui-audit-running")).size(style::BODY),
            container(progress_bar(0.0..=1.0, overall(self.progress))).height(14),
            style::quiet(
                self.progress
                    .map(crate::words::describe::audit_progress)
                    .unwrap_or_default()
            ),
            style::dir_row![stop, self.back()].spacing(12),
        ]
        .align_x(style::align_start())
        .spacing(14)
        .padding(20)
        .into()
    }

    /// An audit that gave no report: stopped, or the export could not be read.
    fn ended_view(&self, problem: &Problem) -> Element<'_, Message> {
        let said: Element<'_, Message> = if self.was_stopped() {
            text(t("gui-audit-stopped")).size(style::BODY).into()
        } else {
            style::problem(ta("gui-audit-failed", &[("why", problem.words().into())]))
        };
        let again = button(text(t("gui-audit-again")))
            .style(style::primary_button)
            .on_activate(Message::Again);
        column![
            style::title("gui-audit-title"),
            text(self.name()).size(style::BODY),
            said,
            style::dir_row![again, self.back()].spacing(12),
        ]
        .align_x(style::align_start())
        .spacing(14)
        .padding(20)
        .into()
    }

    /// The finished audit.
    fn report_view<'a>(&'a self, report: &'a AuditReport) -> Element<'a, Message> {
        let photos = report
            .media
            .iter()
            .filter(|m| m.kind == MediaKind::Photo)
            .count();
        let idle = !self.busy;
        let header = style::dir_row![
            column![
                style::title("gui-audit-title"),
                text(format!(
                    "{}: {}",
                    crate::i18n::left_to_right(&self.name()),
                    describe::numbers(
                        "audit-counts",
                        &[
                            ("photos", photos as i64),
                            ("videos", (report.media.len() - photos) as i64)
                        ]
                    )
                ))
                .size(style::BODY),
            ]
            .align_x(style::align_start())
            .spacing(4)
            .width(Fill),
            self.back(),
            button(text(t("gui-review-save-report")))
                .style(button::secondary)
                .on_activate_maybe(idle.then_some(Message::SaveReport)),
            button(text(t("gui-audit-replace")))
                .style(style::primary_button)
                .on_activate_maybe((idle && self.can_replace()).then_some(Message::Replace)),
        ]
        .spacing(12)
        .align_y(iced::Center);
        let list = scrollable(
            column![self.people_view(report), self.ranking_view(report)]
                .align_x(style::align_start())
                .spacing(16)
                .padding([0, 12]),
        )
        .height(Fill)
        .width(Fill);
        let detail = self.detail(report);
        let body: Element<'a, Message> = match detail {
            Some(detail) => style::dir_row![container(list).width(Length::FillPortion(1)), detail]
                .spacing(16)
                .into(),
            None => list.into(),
        };
        column![header, self.notes_view(), container(body).height(Fill)]
            .align_x(style::align_start())
            .spacing(14)
            .padding(20)
            .into()
    }

    /// Why faces were not looked for, and what the last save gave.
    fn notes_view(&self) -> Column<'_, Message> {
        let mut notes = column![].align_x(style::align_start()).spacing(6);
        if let Some(why) = &self.faces_problem {
            notes = notes.push(style::problem(ta(
                "gui-review-no-faces",
                &[("why", crate::words::reasons::error(why).into())],
            )));
        }
        if self.busy {
            notes = notes.push(text(t("gui-audit-saving")).size(style::BODY));
        }
        match &self.note {
            Some(Note::ReportSaved(path)) => {
                notes = notes.push(
                    text(ta(
                        "gui-review-report-saved",
                        &[("file", path.display().to_string().into())],
                    ))
                    .size(style::BODY),
                );
            }
            Some(Note::Replaced(summary)) => {
                notes = notes.push(
                    text(ta(
                        "gui-audit-replaced",
                        &[
                            ("count", summary.written.into()),
                            ("folder", summary.folder.display().to_string().into()),
                        ],
                    ))
                    .size(style::BODY),
                );
                if summary.failed > 0 {
                    notes = notes.push(style::problem(ta(
                        "gui-audit-replace-failed",
                        &[("count", summary.failed.into())],
                    )));
                }
            }
            Some(Note::Failed(problem)) => {
                notes = notes.push(style::problem(problem.sentence()));
            }
            None => {}
        }
        notes
    }

    /// The people found, each with a name field and a filter.
    fn people_view<'a>(&'a self, report: &'a AuditReport) -> Column<'a, Message> {
        let mut people = Column::new().align_x(style::align_start()).spacing(6);
        if report.groups.is_empty() {
            return people;
        }
        people = people.push(text(t("audit-people-heading")).size(style::BODY));
        people = people.push(style::quiet(t("gui-audit-names-private")));
        for group in report.groups.iter().take(MAX_SHOWN) {
            let mut line = describe::group(group);
            if let Some(name) = &group.name {
                line = format!("{line} — {name}");
            }
            let id = group.id;
            let typed = self.names.get(id).map(String::as_str).unwrap_or_default();
            let showing = self.only == Some(id);
            let controls = style::dir_row![
                text_input(&t("gui-audit-name-placeholder"), typed)
                    .on_input(move |name| Message::NameTyped(id, name))
                    .on_submit(Message::SaveName(id))
                    .style(style::text_field)
                    .width(220),
                button(text(t("gui-audit-save-name")))
                    .style(button::secondary)
                    .on_activate_maybe(
                        (!typed.trim().is_empty() && group.signature.is_some())
                            .then_some(Message::SaveName(id))
                    ),
                button(text(t(if showing {
                    "gui-audit-show-all"
                } else {
                    "gui-audit-show-person"
                })))
                .style(button::text)
                .on_activate(Message::ShowPerson((!showing).then_some(id))),
            ]
            .spacing(8)
            .align_y(iced::Center);
            people = people.push(
                style::card(
                    column![text(line).size(style::SMALL), controls]
                        .align_x(style::align_start())
                        .spacing(6),
                )
                .width(Fill),
            );
        }
        people
    }

    /// The photos, most helpful to an abuser first, each with what to do.
    fn ranking_view<'a>(&'a self, report: &'a AuditReport) -> Column<'a, Message> {
        let mut ranked = Column::new().align_x(style::align_start()).spacing(10);
        ranked = ranked.push(text(t("audit-ranking-heading")).size(style::BODY));
        let listed = report
            .ranking
            .iter()
            .enumerate()
            .filter(|(_, r)| self.listed(report, r.media));
        for (position, r) in listed.take(MAX_SHOWN) {
            let Some(item) = report.media.get(r.media) else {
                continue;
            };
            let mut card = column![
                // Numbered at the reading side: the number first, then the entry's path.
                text(crate::i18n::in_reading_direction(
                    format!(
                        "{}. {}",
                        position + 1,
                        crate::i18n::left_to_right(&item.entry)
                    ),
                    style::rtl(),
                ))
                .size(style::BODY),
                text(describe::recommendation(r.recommendation)).size(style::BODY),
            ]
            .align_x(style::align_start())
            .spacing(2);
            for reason in &r.reasons {
                card = card.push(style::quiet(format!("• {}", describe::reason(reason))));
            }
            if item.kind == MediaKind::Video {
                card = card.push(style::quiet(t("audit-video-not-analysed")));
            }
            let selected = self.selected == Some(r.media);
            ranked = ranked.push(
                button(card)
                    .padding(12)
                    .width(Fill)
                    .style(detail::entry_style(selected))
                    .on_activate(Message::Select((!selected).then_some(r.media))),
            );
        }
        if report.ranking.len() > MAX_SHOWN {
            ranked = ranked.push(style::quiet(ta(
                "gui-audit-more",
                &[("count", (report.ranking.len() - MAX_SHOWN).into())],
            )));
        }
        ranked
    }
}

/// How much of the whole audit is done, from 0 to 1: reading the export's documents takes the
/// first tenth, the photos most of the rest.
pub fn overall(progress: Option<Progress>) -> f32 {
    const READ_END: f32 = 0.1;
    const MEDIA_END: f32 = 0.95;
    match progress {
        None => 0.0,
        Some(p @ Progress::ReadingExport { .. }) => READ_END * p.fraction(),
        Some(p @ Progress::Analysing { .. }) => READ_END + (MEDIA_END - READ_END) * p.fraction(),
        Some(Progress::GroupingPeople) => MEDIA_END,
    }
}
