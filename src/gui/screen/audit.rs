//! Audit: what an account export (a ZIP from Instagram, Facebook or Google Takeout, or any ZIP
//! of photos) already shows the world: who appears in how many photos, and the photos that most
//! help an abuser, each with what to do. The audit runs on a worker thread that streams its
//! progress and stops within one photo at Stop. From the result a workshop report and protected
//! replacements can be saved.

mod detail;
mod problem;
mod view;
mod worker;

use std::path::PathBuf;
use std::sync::Arc;

use iced::task::Handle;
use iced::Task;
use photoveil_core::audit::{needs_replacement, AuditError, AuditReport, Progress};
use photoveil_core::Controller;

use crate::gui::dialogs;
use crate::gui::engine::SharedEngine;
use crate::gui::work;

pub use problem::Problem;

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
#[derive(Debug, Clone)]
pub enum Note {
    /// The report was written to this file.
    ReportSaved(PathBuf),
    /// Replacements were written.
    Replaced(ReplaceSummary),
    /// A save failed, and why (translated when shown).
    Failed(Problem),
}

/// What happens on the audit screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// How far the running audit has come.
    Progress(Progress),
    /// The audit ended: the report (or why not, [`AuditError::Cancelled`] when it was
    /// stopped), the models if they loaded, and why faces were not looked for.
    Finished(
        Result<Arc<AuditReport>, Problem>,
        Option<SharedEngine>,
        Option<photoveil_core::Error>,
    ),
    /// "Stop" while the audit runs.
    Stop,
    /// "Check again" after the audit was stopped or failed.
    Again,
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
    NameSaved(Result<(usize, String), Problem>),
    /// Show only the photos of this person (`None`: all photos).
    ShowPerson(Option<usize>),
    /// Open the detail of this photo or video (by its index in the report's media; `None`:
    /// close it, also Esc).
    Select(Option<usize>),
    /// Back to the start (also stops the audit or the replacements being saved).
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
    /// The audit, once ended, or why it did not give a report; `None` while it runs.
    pub report: Option<Result<Arc<AuditReport>, Problem>>,
    /// How far the running audit has come.
    pub progress: Option<Progress>,
    /// Stop was asked for and the audit has not ended yet.
    pub stopping: bool,
    /// Why faces were not looked for.
    pub faces_problem: Option<photoveil_core::Error>,
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
    /// The photo or video whose detail is open (its index in the report's media).
    pub selected: Option<usize>,
    /// Stops the running audit.
    running: Controller,
    /// Ends the audit's stream when the screen goes.
    abort: Option<Handle>,
    /// Stops the replacements being written.
    controller: Controller,
}

impl Audit {
    /// Starts auditing `source` on a worker thread (loading the models first unless given),
    /// its progress streamed to the screen.
    pub fn start(source: PathBuf, engine: Option<SharedEngine>) -> (Audit, Task<Message>) {
        let mut audit = Audit {
            source,
            report: None,
            progress: None,
            stopping: false,
            faces_problem: None,
            engine: None,
            busy: false,
            note: None,
            names: Vec::new(),
            only: None,
            selected: None,
            running: Controller::new(),
            abort: None,
            controller: Controller::new(),
        };
        let task = audit.run(engine);
        (audit, task)
    }

    /// Starts the worker with a fresh controller, and returns the task that streams its messages.
    fn run(&mut self, engine: Option<SharedEngine>) -> Task<Message> {
        self.running = Controller::new();
        let (source, controller) = (self.source.clone(), self.running.clone());
        let stream =
            work::stream(move |sender| worker::run_audit(source, engine, &controller, &sender));
        let (task, abort) = Task::run(stream, |message| message).abortable();
        self.abort = Some(abort.abort_on_drop());
        task
    }

    /// Whether the audit is still running.
    pub fn is_running(&self) -> bool {
        self.report.is_none()
    }

    /// Whether the audit ended because it was stopped.
    pub fn was_stopped(&self) -> bool {
        matches!(
            self.report,
            Some(Err(Problem::Audit(AuditError::Cancelled)))
        )
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Progress(progress) => {
                if self.is_running() {
                    self.progress = Some(progress);
                }
                Action::None
            }
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
                self.selected = None;
                self.progress = None;
                self.stopping = false;
                self.abort = None;
                self.faces_problem = faces_problem;
                self.engine = engine.clone();
                engine.map_or(Action::None, Action::EngineLoaded)
            }
            Message::Stop => {
                if self.is_running() {
                    // The photo in hand ends at its next check; nothing of the audit is kept.
                    self.stopping = true;
                    self.running.cancel();
                }
                Action::None
            }
            Message::Again => {
                if self.is_running() {
                    return Action::None;
                }
                self.report = None;
                self.note = None;
                self.only = None;
                self.selected = None;
                self.faces_problem = None;
                Action::Run(self.run(self.engine.clone()))
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
                    work::blocking(move || worker::save_report(&report, path)),
                    |note| Message::Saved(note.unwrap_or(Note::Failed(Problem::WorkerDied))),
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
                    work::blocking(move || worker::replace(&report, &engine, folder, &controller)),
                    |note| Message::Saved(note.unwrap_or(Note::Failed(Problem::WorkerDied))),
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
                    work::blocking(move || worker::keep_name(group, name, &signature)),
                    |r| Message::NameSaved(r.unwrap_or(Err(Problem::WorkerDied))),
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
                // A detail whose photo is no longer listed closes.
                if let (Some(Ok(report)), Some(media)) = (&self.report, self.selected) {
                    if !self.listed(report, media) {
                        self.selected = None;
                    }
                }
                Action::None
            }
            Message::Select(media) => {
                self.selected = match (&self.report, media) {
                    (Some(Ok(report)), Some(m)) if report.ranking.iter().any(|r| r.media == m) => {
                        Some(m)
                    }
                    _ => None,
                };
                Action::None
            }
            Message::Back => {
                self.running.cancel();
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
}

#[cfg(test)]
mod map_tests;
#[cfg(test)]
mod tests;
