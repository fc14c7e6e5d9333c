//! The words about a face: the visibility bands, the verdicts, and that nothing unmeasured is
//! claimed.

use super::*;
use crate::test_faces::face;
use photoveil_core::protect::quality::ColourChange;
use photoveil_core::protect::verify::Verdict;

fn cloaked(ssim: f64, p99: f64) -> FaceReport {
    FaceReport {
        ssim: Some(ssim),
        colour: Some(ColourChange {
            mean: p99 / 3.0,
            p99,
        }),
        ..face(
            FaceAction::Cloaked,
            Some(Strength::Standard),
            Some(Verdict::NotRecognised),
            0.42,
        )
    }
}

#[test]
fn structure_bands_are_cut_at_0_95_and_0_88() {
    assert_eq!(Seen::of(1.0), Seen::Hard);
    assert_eq!(Seen::of(0.95), Seen::Hard);
    assert_eq!(Seen::of(0.9499), Seen::CloseLook);
    assert_eq!(Seen::of(0.88), Seen::CloseLook);
    assert_eq!(Seen::of(0.8799), Seen::Visible);
    assert_eq!(Seen::of(f64::NAN), Seen::Visible, "unknown is not hidden");
}

#[test]
fn colour_bands_are_cut_at_2_and_4() {
    assert_eq!(ColourSeen::of(0.0), ColourSeen::Unnoticed);
    assert_eq!(ColourSeen::of(1.99), ColourSeen::Unnoticed);
    assert_eq!(ColourSeen::of(2.0), ColourSeen::Slight);
    assert_eq!(ColourSeen::of(3.99), ColourSeen::Slight);
    assert_eq!(ColourSeen::of(4.0), ColourSeen::Visible);
    assert_eq!(ColourSeen::of(f64::NAN), ColourSeen::Visible);
}

#[test]
fn look_words_say_the_bands_and_the_kept_structure() {
    let hard = look_words(&cloaked(0.962, 1.2)).unwrap();
    assert!(hard.contains("hard to see"), "{hard}");
    assert!(hard.contains("96 %"), "{hard}");
    assert!(hard.contains("no colour change you would notice"), "{hard}");
    let close = look_words(&cloaked(0.90, 2.5)).unwrap();
    assert!(close.contains("visible on a close look"), "{close}");
    assert!(close.contains("slight colour change up close"), "{close}");
    let seen = look_words(&cloaked(0.80, 6.0)).unwrap();
    assert!(
        seen.contains("The change is visible (") && seen.contains("80 %"),
        "{seen}"
    );
    assert!(seen.contains("colour change visible up close"), "{seen}");
    // Just under a band's line: the figure shown is cut down, so it agrees with the words.
    let under = look_words(&cloaked(0.9496, 1.0)).unwrap();
    assert!(
        under.contains("visible on a close look") && under.contains("94 %"),
        "{under}"
    );
    // No colour figure: said so, never "no colour change".
    let mut unknown = cloaked(0.97, 0.0);
    unknown.colour = None;
    let words = look_words(&unknown).unwrap();
    assert!(!words.contains("would notice"), "{words}");
    // Blurred or untouched faces, and faces without a figure, get no such sentence.
    let mut blurred = cloaked(0.3, 20.0);
    blurred.action = FaceAction::Blurred;
    assert_eq!(look_words(&blurred), None);
    let mut unmeasured = cloaked(0.97, 1.0);
    unmeasured.ssim = None;
    assert_eq!(look_words(&unmeasured), None);
}

#[test]
fn verdicts_name_the_level_needed_or_the_ceiling_not_reached() {
    let mut face = cloaked(0.96, 1.0);
    face.level = Some(Strength::Subtle);
    let passed = verdict_words(0, &face, Some(Strength::Strong));
    assert!(passed.starts_with("✓ Face 1:"), "{passed}");
    assert!(passed.contains("subtle level was enough"), "{passed}");

    face.level = Some(Strength::Strong);
    face.measured.verdict = Some(Verdict::Recognised);
    let failed = verdict_words(1, &face, Some(Strength::Strong));
    assert!(
        failed.starts_with("⚠ Face 2 could not be protected"),
        "{failed}"
    );
    assert!(failed.contains("strong level"), "{failed}");
    assert!(!failed.contains('✓'));
    assert!(offer_blur(&face));

    // A level below the ceiling that was recognised after all names that level.
    face.level = Some(Strength::Standard);
    let at = verdict_words(0, &face, Some(Strength::Strong));
    assert!(
        at.contains("standard level") && !at.contains("could not"),
        "{at}"
    );

    face.measured.verdict = None;
    let unmeasured = verdict_words(0, &face, Some(Strength::Strong));
    assert!(!unmeasured.contains('✓') && !unmeasured.contains("enough"));
    assert!(offer_blur(&face), "an unmeasured face can be blurred too");

    face.measured.verdict = Some(Verdict::NotRecognised);
    assert!(!offer_blur(&face));
    face.action = FaceAction::Blurred;
    assert!(!offer_blur(&face));
}

#[test]
fn a_face_between_the_checker_lines_is_not_confirmed_rather_than_recognised() {
    let mut face = cloaked(0.8, 6.0);
    face.level = Some(Strength::Strong);
    face.measured.similarity_after_upload = Some(0.7);
    face.measured.verdict = Some(Verdict::NotConfirmed);
    let words = verdict_words(0, &face, Some(Strength::Strong));
    assert!(
        words.starts_with("? Face 1: not confirmed at the strong level"),
        "{words}"
    );
    assert!(
        words.contains("about 4 in 5") && words.contains("Blur it"),
        "{words}"
    );
    assert!(
        !words.contains('✓') && !words.contains("still recognises"),
        "{words}"
    );
    assert!(
        offer_blur(&face),
        "a face not confirmed can still be blurred"
    );
    // Below `strong`, from 0.70 only about 1 in 4 such faces were protected (below 0.70 most
    // were), and the words say so.
    face.level = Some(Strength::Standard);
    let words = verdict_words(0, &face, Some(Strength::Standard));
    assert!(
        words.contains("only about 1 in 4") && !words.contains("4 in 5"),
        "{words}"
    );
    face.measured.similarity_after_upload = Some(0.65);
    let words = verdict_words(0, &face, Some(Strength::Standard));
    assert!(words.contains("about 4 in 5"), "{words}");
    face.level = Some(Strength::Strong);

    face.measured.verdict = Some(Verdict::Recognised);
    let words = verdict_words(0, &face, Some(Strength::Strong));
    assert!(words.contains("still recognises"), "{words}");
}

#[test]
fn export_words_add_the_measured_similarity() {
    let mut face = cloaked(0.96, 1.0);
    face.measured.verdict = Some(Verdict::Recognised);
    let words = face_words(0, &face, Some(Strength::Standard));
    assert!(words.contains("0.42") && words.contains("0.50"), "{words}");
    face.measured.similarity_after_upload = None;
    face.measured.verdict = None;
    let words = face_words(0, &face, Some(Strength::Standard));
    assert!(!words.contains("0.42"), "{words}");
}

#[test]
fn a_face_seen_from_the_side_is_said_to_be_left_and_offered_for_blur() {
    let mut face = cloaked(1.0, 0.2);
    face.action = FaceAction::SideView;
    face.level = None;
    face.measured.verdict = Some(Verdict::Recognised);
    let words = face_words(2, &face, Some(Strength::Strong));
    assert!(
        words.starts_with("⚠ Face 3 is turned to the side"),
        "{words}"
    );
    assert!(words.contains("Blur it"), "{words}");
    assert!(!words.contains('✓') && !words.contains("0.42"), "{words}");
    assert_eq!(look_words(&face), None, "nothing was changed to describe");
    assert!(offer_blur(&face));
}
