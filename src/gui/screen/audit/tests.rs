//! The audit screen's `update` and view, without the models: results, report, names, filter.

use super::*;

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
    assert_eq!(note, Note::ReportSaved(target.clone()));
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
    let why = result.map_err(|e| e.to_string()).unwrap_err();
    assert!(why.contains("export.zip"), "{why}");
    screen.update(Message::Finished(Err(why), None, None));
    let _ = screen.view();
    assert!(!screen.can_replace());
}

#[test]
fn people_can_be_named_and_their_photos_listed_alone() {
    use photoveil_core::audit::cluster::FaceEmbedding;
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
    screen.update(Message::NameSaved(Err("disk full".into())));
    assert_eq!(screen.note, Some(Note::Failed("disk full".into())));
}
