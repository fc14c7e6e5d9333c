//! Export: writes the cleaned or protected copies into a folder, photo by photo, with progress,
//! cancel, and a summary of what was done and measured.

use std::path::PathBuf;
use std::sync::Arc;

use iced::task::Handle;
use iced::widget::{button, column, container, progress_bar, scrollable, Column};
use iced::{Element, Fill, Task};
use photoveil_core::clean::CleanOptions;
use photoveil_core::job::{
    clean_photos, protect_photos, CleanSettings, Entry, Failure, FailureReason, Tally, Treatment,
};
use photoveil_core::protect::pipeline::{FaceAction, FaceReport, Strength};
use photoveil_core::{Controller, Error, Stage};

use crate::gui::engine::{self, SharedEngine};
use crate::gui::focus::Reachable;
use crate::gui::open;
use crate::gui::screen::face_words::face_words;
use crate::gui::style::{self, t, ta, text};
use crate::gui::work::{self, Plan};
use crate::words::reasons;

/// The result for one photo.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The original.
    pub input: PathBuf,
    /// The copy written, if any.
    pub output: Option<PathBuf>,
    /// The faces, as measured after protection (empty when the copy was only cleaned).
    pub faces: Vec<FaceReport>,
    /// Why the copy was not written, in words.
    pub error: Option<String>,
    /// The copy was not written because the export was cancelled.
    pub cancelled: bool,
    /// No face was changed: the copy was cleaned losslessly (the same picture data).
    pub cleaned: bool,
}

/// What the export thread reports.
#[derive(Debug, Clone)]
pub enum Event {
    /// Starting on photo number `index` (the one before may not be reported done yet).
    Working(usize),
    /// How far the photo in hand has come (protection only).
    Stage(Stage),
    /// A photo is done.
    Done(Box<Outcome>),
    /// The face models are ready (kept by the app for later).
    Engine(SharedEngine),
    /// The tally of the whole batch, sent just before [`Event::Finished`].
    Tally(Arc<Tally>),
    /// The export ended (all done or cancelled).
    Finished,
}

/// What happens on the export screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Progress from the worker.
    Event(Event),
    /// "Cancel" (also Esc).
    Cancel,
    /// Show the folder in the file manager.
    OpenFolder,
    /// Back to the photos.
    BackToReview,
    /// Choose new photos.
    StartOver,
}

/// What the app should do next.
pub enum Action {
    /// Nothing more.
    None,
    /// Keep the loaded models.
    EngineLoaded(SharedEngine),
    /// Back to the photos.
    BackToReview,
    /// Back to the start.
    StartOver,
}

/// The export screen's state.
#[derive(Debug)]
pub struct Export {
    /// What is being exported.
    pub plan: Plan,
    /// The photo being worked on.
    pub working: Option<usize>,
    /// How far that photo has come, when it is being protected.
    pub stage: Option<Stage>,
    /// Results so far, in order.
    pub outcomes: Vec<Outcome>,
    /// Cancel was asked for.
    pub cancelled: bool,
    /// The export has ended.
    pub finished: bool,
    /// The folder could not be opened in the file manager.
    pub open_failed: bool,
    /// What the batch did, counted from the job's results, once it has ended.
    pub tally: Option<Arc<Tally>>,
    controller: Controller,
    abort: Option<Handle>,
}

/// The figures of the summary.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Copies written without metadata.
    pub cleaned: usize,
    /// Faces cloaked or blurred.
    pub faces_protected: usize,
    /// Cloaked faces the independent network no longer matched after a simulated upload.
    pub faces_passed: usize,
    /// Of the faces it no longer matched, how many got each level (subtle, standard, strong):
    /// with protect-until-verified, the level each needed.
    pub levels_needed: [usize; 3],
    /// Photos that failed.
    pub failed: usize,
    /// Photos not done because of cancel.
    pub skipped: usize,
}

impl Export {
    /// An export of `plan`, and the task that runs it.
    pub fn start(plan: Plan, engine: Option<SharedEngine>) -> (Export, Task<Message>) {
        let controller = Controller::new();
        let (worker_plan, worker_controller) = (plan.clone(), controller.clone());
        let stream =
            work::stream(move |sender| worker(worker_plan, engine, &worker_controller, &sender));
        let (task, abort) = Task::run(stream, Message::Event).abortable();
        (
            Export::waiting(plan, controller, Some(abort.abort_on_drop())),
            task,
        )
    }

    /// An export that waits for events (the worker is elsewhere; also used by tests).
    pub fn waiting(plan: Plan, controller: Controller, abort: Option<Handle>) -> Export {
        Export {
            plan,
            working: None,
            stage: None,
            outcomes: Vec::new(),
            cancelled: false,
            finished: false,
            open_failed: false,
            tally: None,
            controller,
            abort,
        }
    }

    /// Whether copies are still being written.
    pub fn is_running(&self) -> bool {
        !self.finished
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Event(Event::Working(i)) => {
                self.working = Some(i);
                Action::None
            }
            Message::Event(Event::Stage(stage)) => {
                // The next photo may start before the one in hand is reported done: its stages
                // count once that one is in, so the bar never goes back.
                if self.working == Some(self.outcomes.len()) {
                    self.stage = Some(stage);
                }
                Action::None
            }
            Message::Event(Event::Done(outcome)) => {
                self.outcomes.push(*outcome);
                self.stage = None;
                Action::None
            }
            Message::Event(Event::Engine(engine)) => Action::EngineLoaded(engine),
            Message::Event(Event::Tally(tally)) => {
                self.tally = Some(tally);
                Action::None
            }
            Message::Event(Event::Finished) => {
                self.finished = true;
                self.working = None;
                self.stage = None;
                self.abort = None;
                Action::None
            }
            Message::Cancel => {
                if !self.finished {
                    // The photo in hand is stopped without leaving a partial file.
                    self.cancelled = true;
                    self.controller.cancel();
                }
                Action::None
            }
            Message::OpenFolder => {
                self.open_failed = !open::folder(&self.plan.out_dir);
                Action::None
            }
            Message::BackToReview if self.finished => Action::BackToReview,
            Message::StartOver if self.finished => Action::StartOver,
            Message::BackToReview | Message::StartOver => Action::None,
        }
    }

    /// Stops the worker at once (the window is closing).
    pub fn abort(&mut self) {
        self.controller.cancel();
        if let Some(handle) = self.abort.take() {
            handle.abort();
        }
    }

    /// Photos done, counting the photo in hand by its stage (for the progress bar).
    pub fn progress(&self) -> f32 {
        self.outcomes.len() as f32 + self.stage.map_or(0.0, Stage::fraction)
    }

    /// The figures of the summary.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for o in &self.outcomes {
            match (&o.output, &o.error) {
                (Some(_), None) => s.cleaned += 1,
                (_, Some(_)) if o.cancelled => s.skipped += 1,
                _ => s.failed += 1,
            }
            for f in &o.faces {
                if !f.action.changes_pixels() {
                    continue;
                }
                s.faces_protected += 1;
                if f.action == FaceAction::Cloaked && f.measured.passed() == Some(true) {
                    s.faces_passed += 1;
                    let rung = f
                        .level
                        .and_then(|l| Strength::ALL.iter().position(|&a| a == l));
                    if let Some(count) = rung.and_then(|r| s.levels_needed.get_mut(r)) {
                        *count += 1;
                    }
                }
            }
        }
        s.skipped += self.plan.jobs.len().saturating_sub(self.outcomes.len());
        s
    }

    /// Draws the screen.
    pub fn view(&self) -> Element<'_, Message> {
        let total = self.plan.jobs.len();
        let done = self.outcomes.len();
        let mut content = column![
            style::steps(3),
            style::title(if self.finished {
                "gui-export-done-title"
            } else {
                "gui-export-title"
            }),
            style::quiet(ta(
                "gui-export-folder",
                &[(
                    "folder",
                    crate::i18n::left_to_right(&self.plan.out_dir.display().to_string()).into()
                )]
            )),
        ]
        .align_x(style::align_start())
        .spacing(14);
        if !self.finished {
            let current = self
                .working
                .and_then(|i| self.plan.jobs.get(i))
                .and_then(|j| j.path.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let cancel = button(text(t(if self.cancelled {
                "gui-cancelling"
            } else {
                "gui-cancel"
            })))
            .style(button::secondary)
            .on_activate_maybe((!self.cancelled).then_some(Message::Cancel));
            content = content
                .push(text(ta(
                    "gui-export-count",
                    &[("done", done.into()), ("total", total.into())],
                )))
                .push(
                    container(progress_bar(0.0..=total.max(1) as f32, self.progress())).height(14),
                )
                .push(style::quiet(ta(
                    "gui-export-working",
                    &[("name", current.into())],
                )))
                .push(style::quiet(
                    self.stage.map(stage_words).unwrap_or_default(),
                ))
                .push(style::quiet(t("gui-export-explain")))
                .push(cancel);
        } else {
            content = content.push(summary::view(self));
        }
        content = content.push(scrollable(self.results_view()).height(Fill));
        container(content.max_width(900))
            .center_x(Fill)
            .padding(20)
            .into()
    }

    fn results_view(&self) -> Element<'_, Message> {
        let mut list = Column::new().align_x(style::align_start()).spacing(8);
        for o in &self.outcomes {
            // Isolated, so that a line that starts with the name still reads right to left.
            let name = crate::i18n::left_to_right(
                &o.input
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
            let head = match (&o.output, &o.error) {
                (Some(_), None) if o.cleaned && self.plan.mode.changes_faces() => {
                    format!("✓ {name}: {}", t("gui-export-photo-cleaned"))
                }
                (Some(_), None) => format!("✓ {name}: {}", t("gui-export-photo-ok")),
                (_, Some(e)) => format!("✕ {name}: {e}"),
                _ => format!("✕ {name}"),
            };
            let mut block = column![text(head).size(style::BODY)]
                .align_x(style::align_start())
                .spacing(2);
            let ceiling = self.plan.mode.ceiling();
            for (i, face) in o.faces.iter().enumerate() {
                block = block.push(style::quiet(face_words(i, face, ceiling)));
            }
            list = list.push(block);
        }
        list.into()
    }
}

/// What the photo in hand is going through, in words.
pub fn stage_words(stage: Stage) -> String {
    let n = |i: usize| -> crate::i18n::Arg<'static> { (i + 1).into() };
    match stage {
        Stage::Reading => t("gui-stage-reading"),
        Stage::FindingFaces => t("gui-stage-finding-faces"),
        Stage::Cloaking {
            face,
            faces,
            step,
            steps,
        } => ta(
            "gui-stage-cloaking",
            &[
                ("face", n(face)),
                ("faces", faces.into()),
                ("percent", (100 * step / steps.max(1)).into()),
            ],
        ),
        Stage::Blurring { face, faces } => ta(
            "gui-stage-blurring",
            &[("face", n(face)), ("faces", faces.into())],
        ),
        Stage::Encoding => t("gui-stage-encoding"),
        Stage::Verifying => t("gui-stage-verifying"),
        Stage::Photos { done, total, .. } => ta(
            "gui-export-count",
            &[("done", done.into()), ("total", total.into())],
        ),
    }
}

/// Writes every copy of `plan` with the core's jobs, one photo at a time: with a face mode, the
/// protect job (photos in which it finds no face are cleaned losslessly); with metadata only,
/// the clean job. Runs on a worker thread.
pub fn worker(
    plan: Plan,
    engine: Option<SharedEngine>,
    controller: &Controller,
    sender: &work::Sender<Event>,
) {
    let send = |event: Event| {
        if sender.unbounded_send(event).is_err() {
            controller.cancel();
        }
    };
    let paths = plan.paths();
    let observed = controller.observed({
        let stages = sender.clone();
        move |stage| {
            // A closed channel is seen by the next `send`, which cancels.
            let _ = stages.unbounded_send(match stage {
                Stage::Photos { done, total, .. } if done < total => Event::Working(done),
                Stage::Photos { .. } => return,
                other => Event::Stage(other),
            });
        }
    });
    let done = |outcome: Outcome| send(Event::Done(Box::new(outcome)));
    let mut tally = Tally::new(&plan.out_dir);
    if !plan.mode.changes_faces() {
        let settings = CleanSettings {
            workers: 1,
            ..CleanSettings::new(CleanOptions {
                out_dir: plan.out_dir.clone(),
                pixel_check: Default::default(),
            })
        };
        clean_photos(&paths, &settings, &observed, |entry| {
            tally.add_clean_entry(&entry);
            done(match entry {
                Entry::Photo { result: r, .. } => Outcome {
                    input: r.input,
                    output: r.output,
                    faces: Vec::new(),
                    error: r.error.as_ref().map(reasons::error),
                    cancelled: false,
                    cleaned: true,
                },
                Entry::Unlisted(e) => unlisted(e),
            })
        });
    } else {
        match engine::get_or_load(engine) {
            Ok(engine) => {
                send(Event::Engine(engine.clone()));
                protect_photos(&engine.0, &paths, &plan.settings(), &observed, |entry| {
                    tally.add_protect_entry(&entry);
                    done(match entry {
                        Entry::Photo { result: r, .. } => Outcome {
                            cleaned: r.treatment == Treatment::Cleaned,
                            input: r.report.input,
                            output: r.report.output,
                            faces: r.report.faces,
                            cancelled: matches!(r.report.error, Some(Error::Cancelled)),
                            error: r.report.error.as_ref().map(reasons::error),
                        },
                        Entry::Unlisted(e) => unlisted(e),
                    })
                });
            }
            // Without the models no face can be looked for, so no photo is written.
            Err(why) => {
                for path in paths {
                    tally.failures.push(Failure {
                        input: path.clone(),
                        reason: FailureReason::Photo(why.clone()),
                    });
                    done(Outcome {
                        input: path,
                        output: None,
                        faces: Vec::new(),
                        error: Some(ta(
                            "gui-export-no-models",
                            &[("why", reasons::error(&why).into())],
                        )),
                        cancelled: false,
                        cleaned: false,
                    });
                }
            }
        }
    }
    send(Event::Tally(Arc::new(tally)));
    send(Event::Finished);
}

/// The outcome of a photo that could no longer be found.
fn unlisted(e: &photoveil_core::WalkError) -> Outcome {
    Outcome {
        input: e.path.clone(),
        output: None,
        faces: Vec::new(),
        error: Some(reasons::walk(&e.problem)),
        cancelled: false,
        cleaned: false,
    }
}

mod summary;

#[cfg(test)]
mod tests;
