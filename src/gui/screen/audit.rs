//! Audit: what an account export (a ZIP from Instagram, Facebook or Google Takeout, or any ZIP
//! of photos) already shows the world: who appears in how many photos, and the photos that most
//! help an abuser, each with what to do. From here a workshop report and protected replacements
//! can be saved.

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, column, container, scrollable, text_input, Column};
use iced::{Element, Fill, Task};
use photoveil_core::audit::{
    audit, name_groups, needs_replacement, protect_replacements, AuditOptions, AuditReport,
    MediaKind, PeopleBook,
};
use photoveil_core::protect::pipeline::{
    FaceSelection, ProtectOptions, Strength, DEFAULT_JPEG_QUALITY,
};
use photoveil_core::Controller;

use crate::gui::dialogs;
use crate::gui::engine::{self, SharedEngine};
use crate::gui::focus::Reachable;
use crate::gui::style::{self, t, ta, text};
use crate::gui::work;
use crate::words::describe;

/// Ranked photos shown at most (the report has them all).
const MAX_SHOWN: usize = 200;

/// How saving replacements went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplaceSummary {
    /// The folder they went to.
    pub folder: PathBuf,
    /// Copies written.
    pub written: usize,
    /// Photos that could not be protected.
    pub failed: usize,
}

/// What the last save gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The report was written to this file.
    ReportSaved(PathBuf),
    /// Replacements were written.
    Replaced(ReplaceSummary),
    /// A save failed, and why.
    Failed(String),
}

/// What happens on the audit screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The audit ended: the report (or why the export could not be read), the models if they
    /// loaded, and why faces were not looked for.
    Finished(
        Result<Arc<AuditReport>, String>,
        Option<SharedEngine>,
        Option<String>,
    ),
    /// "Save report…".
    SaveReport,
    /// Where to save the report (`None`: cancelled).
    ReportTarget(Option<PathBuf>),
    /// "Save protected copies…".
    Replace,
    /// The folder for the protected copies (`None`: cancelled).
    ReplaceTarget(Option<PathBuf>),
    /// A save ended.
    Saved(Note),
    /// The name typed for a person (by group number).
    NameTyped(usize, String),
    /// "Save name" for a person.
    SaveName(usize),
    /// A name was kept on this computer (the person's group and the name), or why not.
    NameSaved(Result<(usize, String), String>),
    /// Show only the photos of this person (`None`: all photos).
    ShowPerson(Option<usize>),
    /// Back to the start (also cancels saving replacements).
    Back,
}

/// What the app should do next.
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task of this screen.
    Run(Task<Message>),
    /// Keep the loaded models for later work.
    EngineLoaded(SharedEngine),
    /// Back to the start screen.
    StartOver,
}

/// The audit screen's state.
#[derive(Debug)]
pub struct Audit {
    /// The export.
    pub source: PathBuf,
    /// The audit, once done, or why it failed; `None` while it runs.
    pub report: Option<Result<Arc<AuditReport>, String>>,
    /// Why faces were not looked for.
    pub faces_problem: Option<String>,
    /// The models, for protected copies.
    pub engine: Option<SharedEngine>,
    /// A report or replacements are being written.
    pub busy: bool,
    /// The last save's outcome.
    pub note: Option<Note>,
    /// The names being typed, one per person group.
    pub names: Vec<String>,
    /// Only the photos of this person group are listed.
    pub only: Option<usize>,
    /// Stops the replacements being written.
    controller: Controller,
}

impl Audit {
    /// Starts auditing `source` on a worker thread (loading the models first unless given).
    pub fn start(source: PathBuf, engine: Option<SharedEngine>) -> (Audit, Task<Message>) {
        let path = source.clone();
        let task = Task::perform(work::blocking(move || run_audit(path, engine)), |done| {
            done.unwrap_or_else(|| Message::Finished(Err(String::from("stopped")), None, None))
        });
        let audit = Audit {
            source,
            report: None,
            faces_problem: None,
            engine: None,
            busy: false,
            note: None,
            names: Vec::new(),
            only: None,
            controller: Controller::new(),
        };
        (audit, task)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Finished(report, engine, faces_problem) => {
                self.names = match &report {
                    Ok(r) => r
                        .groups
                        .iter()
                        .map(|g| g.name.clone().unwrap_or_default())
                        .collect(),
                    Err(_) => Vec::new(),
                };
                self.report = Some(report);
                self.faces_problem = faces_problem;
                self.engine = engine.clone();
                engine.map_or(Action::None, Action::EngineLoaded)
            }
            Message::SaveReport => Action::Run(dialogs::save_html(
                "photoveil-audit.html",
                Message::ReportTarget,
            )),
            Message::ReportTarget(Some(path)) => {
                let Some(Ok(report)) = &self.report else {
                    return Action::None;
                };
                self.busy = true;
                let report = Arc::clone(report);
                Action::Run(Task::perform(
                    work::blocking(move || save_report(&report, path)),
                    |note| Message::Saved(note.unwrap_or(Note::Failed(String::new()))),
                ))
            }
            Message::Replace => Action::Run(dialogs::folder(
                "gui-audit-replace-dialog",
                Message::ReplaceTarget,
            )),
            Message::ReplaceTarget(Some(folder)) => {
                let (Some(Ok(report)), Some(engine)) = (&self.report, &self.engine) else {
                    return Action::None;
                };
                self.busy = true;
                let (report, engine) = (Arc::clone(report), engine.clone());
                let controller = self.controller.clone();
                Action::Run(Task::perform(
                    work::blocking(move || replace(&report, &engine, folder, &controller)),
                    |note| Message::Saved(note.unwrap_or(Note::Failed(String::new()))),
                ))
            }
            Message::ReportTarget(None) | Message::ReplaceTarget(None) => Action::None,
            Message::Saved(note) => {
                self.busy = false;
                self.note = Some(note);
                Action::None
            }
            Message::NameTyped(group, name) => {
                if let Some(slot) = self.names.get_mut(group) {
                    *slot = name;
                }
                Action::None
            }
            Message::SaveName(group) => {
                let (Some(Ok(report)), Some(name)) = (&self.report, self.names.get(group)) else {
                    return Action::None;
                };
                let Some(signature) = report.groups.get(group).and_then(|g| g.signature.clone())
                else {
                    return Action::None;
                };
                let name = name.trim().to_string();
                Action::Run(Task::perform(
                    work::blocking(move || keep_name(group, name, &signature)),
                    |r| Message::NameSaved(r.unwrap_or_else(|| Err(String::new()))),
                ))
            }
            Message::NameSaved(Ok((group, name))) => {
                if let Some(Ok(report)) = &mut self.report {
                    if let Some(g) = Arc::make_mut(report).groups.get_mut(group) {
                        g.name = Some(name);
                    }
                }
                Action::None
            }
            Message::NameSaved(Err(why)) => {
                self.note = Some(Note::Failed(why));
                Action::None
            }
            Message::ShowPerson(group) => {
                self.only = group;
                Action::None
            }
            Message::Back => {
                self.controller.cancel();
                Action::StartOver
            }
        }
    }

    /// Whether the photo at `media` is listed (all are, unless one person is chosen).
    fn listed(&self, report: &AuditReport, media: usize) -> bool {
        let Some(only) = self.only else {
            return true;
        };
        report
            .media
            .get(media)
            .is_some_and(|m| m.faces.iter().flatten().any(|f| f.group == Some(only)))
    }

    /// Whether protected copies can be made (the models loaded and some photo needs one).
    pub fn can_replace(&self) -> bool {
        match (&self.report, &self.engine) {
            (Some(Ok(report)), Some(_)) => {
                report.ranking.iter().any(|r| needs_replacement(report, r))
            }
            _ => false,
        }
    }

    /// Draws the screen.
    pub fn view(&self) -> Element<'_, Message> {
        let name = self
            .source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let back = button(text(style::back_label("gui-audit-back")))
            .style(button::secondary)
            .on_activate(Message::Back);
        let report = match &self.report {
            None => {
                return column![
                    style::title("gui-audit-title"),
                    text(name).size(style::BODY),
                    text(t("gui-audit-running")).size(style::BODY),
                    back,
                ]
                .align_x(style::align_start())
                .spacing(14)
                .padding(20)
                .into();
            }
            Some(Err(why)) => {
                return column![
                    style::title("gui-audit-title"),
                    style::problem(ta("gui-audit-failed", &[("why", why.clone().into())])),
                    back,
                ]
                .align_x(style::align_start())
                .spacing(14)
                .padding(20)
                .into();
            }
            Some(Ok(report)) => report,
        };
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
                    "{name}: {}",
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
            back,
            button(text(t("gui-review-save-report")))
                .style(button::secondary)
                .on_activate_maybe(idle.then_some(Message::SaveReport)),
            button(text(t("gui-audit-replace")))
                .style(style::primary_button)
                .on_activate_maybe((idle && self.can_replace()).then_some(Message::Replace)),
        ]
        .spacing(12)
        .align_y(iced::Center);

        let mut notes = column![].align_x(style::align_start()).spacing(6);
        if let Some(why) = &self.faces_problem {
            notes = notes.push(style::problem(ta(
                "gui-review-no-faces",
                &[("why", why.clone().into())],
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
            Some(Note::Failed(why)) => {
                notes = notes.push(style::problem(ta(
                    "gui-review-report-failed",
                    &[("why", why.clone().into())],
                )));
            }
            None => {}
        }

        let mut people = Column::new().align_x(style::align_start()).spacing(6);
        if !report.groups.is_empty() {
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
        }

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
                text(format!("{}. {}", position + 1, item.entry)).size(style::BODY),
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
            ranked = ranked.push(style::card(card).width(Fill));
        }
        if report.ranking.len() > MAX_SHOWN {
            ranked = ranked.push(style::quiet(ta(
                "gui-audit-more",
                &[("count", (report.ranking.len() - MAX_SHOWN).into())],
            )));
        }
        let body = scrollable(
            column![people, ranked]
                .align_x(style::align_start())
                .spacing(16)
                .padding([0, 12]),
        )
        .height(Fill);
        column![header, notes, container(body).height(Fill)]
            .align_x(style::align_start())
            .spacing(14)
            .padding(20)
            .into()
    }
}

/// The audit itself (blocking): with faces when the models load, people named as the user
/// named them before.
fn run_audit(source: PathBuf, engine: Option<SharedEngine>) -> Message {
    let (engine, faces_problem) = match engine::get_or_load(engine) {
        Ok(engine) => (Some(engine), None),
        Err(why) => (None, Some(why)),
    };
    let result = audit(
        &source,
        engine.as_ref().map(|e| e.0.as_ref()),
        &AuditOptions::default(),
    );
    let report = result.map_err(|e| e.to_string()).map(|mut report| {
        if let Some(path) = crate::paths::people_book() {
            name_groups(&mut report.groups, &PeopleBook::load(&path));
        }
        Arc::new(report)
    });
    Message::Finished(report, engine, faces_problem)
}

/// Keeps `name` for the person of `group` in the user's people book (blocking).
fn keep_name(
    group: usize,
    name: String,
    signature: &photoveil_core::audit::cluster::FaceEmbedding,
) -> Result<(usize, String), String> {
    let path =
        crate::paths::people_book().ok_or_else(|| String::from("no data folder for this user"))?;
    let mut book = PeopleBook::load(&path);
    book.remember(&name, signature).map_err(|e| e.to_string())?;
    book.save(&path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((group, name))
}

/// Writes the report of `report` to `path` (blocking).
fn save_report(report: &AuditReport, path: PathBuf) -> Note {
    let entries = crate::report::audit_entries(report, true);
    let options = crate::report::ReportOptions { thumbnails: true };
    match crate::report::write_html_report(&path, &entries, &options) {
        Ok(()) => Note::ReportSaved(path),
        Err(e) => Note::Failed(format!("{e:#}")),
    }
}

/// Writes protected replacements into `folder` (blocking).
fn replace(
    report: &AuditReport,
    engine: &SharedEngine,
    folder: PathBuf,
    controller: &Controller,
) -> Note {
    let options = ProtectOptions {
        until_verified: false,
        out_dir: folder.clone(),
        strength: Strength::Standard,
        faces: FaceSelection::All,
        blur: false,
        blur_these: Vec::new(),
        jpeg_quality: DEFAULT_JPEG_QUALITY,
        decoy_book: crate::paths::decoy_book(),
    };
    let (mut written, mut failed) = (0, 0);
    let done = protect_replacements(report, &engine.0, &options, controller, |r| {
        match r.result {
            Ok(protected) if protected.error.is_none() => written += 1,
            _ => failed += 1,
        }
    });
    match done {
        Ok(()) => Note::Replaced(ReplaceSummary {
            folder,
            written,
            failed,
        }),
        Err(why) => Note::Failed(why),
    }
}

#[cfg(test)]
mod tests;
