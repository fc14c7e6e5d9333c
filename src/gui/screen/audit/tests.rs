//! The audit screen's `update` and view, without the models: progress and Stop, results,
//! report, names, filter.

use super::worker::{run_audit, save_report};
use super::*;
use photoveil_core::audit::{audit, AuditOptions};

fn export() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("export");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("with_gps.jpg"),
        photoveil_fixtures::jpeg(96, 64, Default::default()),
    )
    .unwrap();
    (dir, folder)
}

#[test]
fn a_finished_audit_is_shown_and_its_report_saved() {
    let (dir, folder) = export();
    let (mut screen, _task) = Audit::start(folder.clone(), None);
    assert!(screen.report.is_none());
    let _ = screen.view();
    // What the worker gives, without faces (no models needed here).
    let report = audit(&folder, None, &AuditOptions::default()).unwrap();
    assert!(matches!(
        screen.update(Message::Finished(Ok(Arc::new(report)), None, None)),
        Action::None
    ));
    let _ = screen.view();
    assert!(!screen.can_replace(), "no models: no protected copies");
    let target = dir.path().join("audit.html");
    assert!(matches!(
        screen.update(Message::ReportTarget(Some(target.clone()))),
        Action::Run(_)
    ));
    assert!(screen.busy);
    let Some(Ok(report)) = &screen.report else {
        panic!("no report")
    };
    let note = save_report(report, target.clone());
    assert!(matches!(&note, Note::ReportSaved(saved) if *saved == target));
    let page = std::fs::read_to_string(&target).unwrap();
    assert!(page.contains("with_gps.jpg") && page.contains("37.320000, -121.940000"));
    screen.update(Message::Saved(note));
    assert!(!screen.busy);
    assert!(matches!(screen.update(Message::Back), Action::StartOver));
}

#[test]
fn an_unreadable_export_says_why() {
    let (mut screen, _task) = Audit::start(PathBuf::from("/no/such/export.zip"), None);
    let result = audit(&screen.source, None, &AuditOptions::default()).map(Arc::new);
    let why = result.map_err(Problem::Audit).unwrap_err();
    assert!(
        matches!(why, Problem::Audit(AuditError::Open { .. })),
        "{why:?}"
    );
    screen.update(Message::Finished(Err(why), None, None));
    let _ = screen.view();
    assert!(!screen.can_replace());
    assert!(!screen.was_stopped());
    // Checking again starts a new audit.
    assert!(matches!(screen.update(Message::Again), Action::Run(_)));
    assert!(screen.is_running());
}

#[test]
fn people_can_be_named_and_their_photos_listed_alone() {
    use photoveil_core::audit::FaceEmbedding;
    use photoveil_core::audit::{AuditedFace, PersonGroup};
    let (_dir, folder) = export();
    std::fs::write(
        folder.join("other.jpg"),
        photoveil_fixtures::jpeg(96, 64, Default::default()),
    )
    .unwrap();
    let mut report = audit(&folder, None, &AuditOptions::default()).unwrap();
    assert_eq!(report.media.len(), 2);
    // One person, seen in the first photo (as the grouping would say).
    let face = photoveil_core::faces::Face {
        bbox: [10.0, 10.0, 40.0, 40.0],
        score: 0.9,
        landmarks: [[0.0; 2]; 6],
        usable: true,
    };
    report.media[0].faces = Some(vec![AuditedFace {
        face,
        group: Some(0),
    }]);
    report.groups.push(PersonGroup {
        id: 0,
        faces: 1,
        photos: 1,
        public_posts: 0,
        swappable: 1,
        media: vec![0],
        name: None,
        signature: Some(FaceEmbedding {
            dlib: vec![0.0; 128],
            mobileface: vec![0.0; 256],
        }),
    });
    let (mut screen, _task) = Audit::start(folder, None);
    screen.update(Message::Finished(Ok(Arc::new(report)), None, None));
    assert_eq!(screen.names, vec![String::new()]);
    screen.update(Message::NameTyped(0, "me".into()));
    assert!(matches!(
        screen.update(Message::SaveName(0)),
        Action::Run(_)
    ));
    screen.update(Message::NameSaved(Ok((0, "me".into()))));
    let Some(Ok(report)) = &screen.report else {
        panic!("no report")
    };
    assert_eq!(report.groups[0].name.as_deref(), Some("me"));
    let _ = screen.view();
    assert!(screen.listed(report, 0) && screen.listed(report, 1));
    screen.update(Message::ShowPerson(Some(0)));
    let Some(Ok(report)) = &screen.report else {
        panic!("no report")
    };
    assert!(screen.listed(report, 0) && !screen.listed(report, 1));
    let _ = screen.view();
    screen.update(Message::NameSaved(Err(Problem::Naming {
        group: 0,
        error: photoveil_core::audit::NamingError::NoFace,
    })));
    assert!(matches!(
        &screen.note,
        Some(Note::Failed(Problem::Naming { group: 0, .. }))
    ));
    let _ = screen.view();
}

/// The shared public photos: `$PHOTOVEIL_SHARED/faces` when set, else `../shared/faces`.
fn shared(name: &str) -> PathBuf {
    std::env::var_os("PHOTOVEIL_SHARED")
        .map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/faces"),
            |dir| PathBuf::from(dir).join("faces"),
        )
        .join(name)
}

#[test]
fn stop_ends_a_running_audit_and_the_screen_says_it_was_stopped() {
    use iced::futures::StreamExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("export");
    std::fs::create_dir_all(&folder).unwrap();
    for i in 0..40 {
        std::fs::copy(shared("astronaut.png"), folder.join(format!("p{i}.png"))).unwrap();
    }
    let (mut screen, _task) = Audit::start(folder.clone(), None);
    // The screen's task is not polled here: the worker runs with the screen's controller and
    // its messages are handed to `update` as iced would.
    let controller = screen.running.clone();
    let mut stream = Box::pin(work::stream(move |sender| {
        run_audit(folder, None, &controller, &sender)
    }));
    let mut stopped_at = None;
    let mut progress = Vec::new();
    while let Some(message) = iced::futures::executor::block_on(stream.next()) {
        if let Message::Progress(p) = &message {
            progress.push(*p);
        }
        let _ = screen.update(message);
        let _ = screen.view();
        if stopped_at.is_none() && screen.progress.is_some() {
            assert!(screen.is_running());
            screen.update(Message::Stop);
            assert!(screen.stopping);
            let _ = screen.view();
            stopped_at = Some(std::time::Instant::now());
        }
    }
    let waited = stopped_at.expect("progress was shown").elapsed();
    assert!(waited.as_secs() < 20, "took {waited:?} to stop");
    assert!(!progress.is_empty());
    assert!(
        !screen.is_running() && screen.was_stopped(),
        "{:?}",
        screen.report
    );
    assert!(!screen.stopping && screen.progress.is_none());
    let _ = screen.view();
    // Usable again: a new audit can be started, or the user goes back.
    assert!(matches!(screen.update(Message::Again), Action::Run(_)));
    assert!(screen.is_running() && !screen.was_stopped());
    assert!(matches!(screen.update(Message::Back), Action::StartOver));
}

#[test]
fn progress_is_shown_in_words_and_as_a_growing_bar() {
    use photoveil_core::audit::Progress;
    let bar: Vec<f32> = [
        None,
        Some(Progress::ReadingExport { read: 5, total: 10 }),
        Some(Progress::ReadingExport {
            read: 10,
            total: 10,
        }),
        Some(Progress::Analysing {
            done: 0,
            total: 340,
        }),
        Some(Progress::Analysing {
            done: 12,
            total: 340,
        }),
        Some(Progress::Analysing {
            done: 340,
            total: 340,
        }),
        Some(Progress::GroupingPeople),
    ]
    .into_iter()
    .map(view::overall)
    .collect();
    assert!(bar.windows(2).all(|w| w[0] <= w[1]), "{bar:?}");
    assert!(bar.iter().all(|f| (0.0..=1.0).contains(f)));
    let words = crate::words::describe::audit_progress(Progress::Analysing {
        done: 12,
        total: 340,
    });
    assert!(words.contains("12") && words.contains("340"), "{words}");
    let words = crate::words::describe::audit_progress(Progress::ReadingExport {
        read: 2_500_000,
        total: 10_000_000,
    });
    assert!(
        words.contains("2.5 MB") && words.contains("10.0 MB"),
        "{words}"
    );
}

#[test]
fn problems_are_told_in_words() {
    let stopped = Problem::Audit(AuditError::Cancelled);
    assert_eq!(stopped.words(), crate::i18n::text("gui-audit-stopped"));
    let not_zip = Problem::Audit(AuditError::NotAZip {
        path: PathBuf::from("x.zip"),
        reason: String::from("eocd"),
    });
    assert!(not_zip.sentence().contains("ZIP"), "{}", not_zip.sentence());
    let missing = Problem::Replace(photoveil_core::audit::ReplaceError::Missing);
    assert_eq!(
        missing.sentence(),
        crate::i18n::text_with(
            "gui-audit-replace-error",
            &[("why", crate::i18n::text("gui-audit-error-missing").into())]
        )
    );
    let empty = Problem::Naming {
        group: 0,
        error: photoveil_core::audit::NamingError::EmptyName,
    };
    assert_eq!(
        empty.sentence(),
        crate::i18n::text_with(
            "gui-audit-name-failed",
            &[("why", crate::i18n::text("audit-name-empty").into())]
        )
    );
}

/// Renders the running audit (progress bar, words, Stop) with the software renderer into
/// `$PHOTOVEIL_SNAPSHOT_DIR/audit-running-tiny-skia.png`, for a person to look at:
/// `PHOTOVEIL_SNAPSHOT_DIR=/tmp cargo test --bin photoveil audit_running_snapshot -- --ignored`.
#[test]
#[ignore = "writes a picture for a person to look at"]
fn audit_running_snapshot() {
    let Some(dir) = std::env::var_os("PHOTOVEIL_SNAPSHOT_DIR") else {
        return;
    };
    let (mut screen, _task) = Audit::start(PathBuf::from("/home/me/instagram-export.zip"), None);
    let _ = screen.update(Message::Progress(
        photoveil_core::audit::Progress::Analysing {
            done: 128,
            total: 340,
        },
    ));
    let mut ui = iced_test::simulator(screen.view());
    let snapshot = ui.snapshot(&iced::Theme::Light).expect("rendered");
    let path = PathBuf::from(dir).join("audit-running.png");
    let _ = std::fs::remove_file(&path);
    snapshot.matches_image(&path).expect("written");
}
