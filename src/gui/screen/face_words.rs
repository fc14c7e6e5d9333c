//! One protected face in plain words: what the check after a simulated upload found and at
//! which level, how visible the change is, and the measured figures. Never more than was
//! measured.

use photoveil_core::protect::pipeline::{FaceAction, FaceReport, Strength};
use photoveil_core::protect::verify::Verdict;

use crate::gui::style::ta;
use crate::words::levels::not_confirmed_odds;

/// How visible a face's change is, judged from its structural similarity (SSIM).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// SSIM of at least 0.95: hard to see.
    Hard,
    /// SSIM of at least 0.88: visible on a close look.
    CloseLook,
    /// Lower: visible.
    Visible,
}

impl Seen {
    /// The band of `ssim` (a figure that is not a number counts as visible).
    pub fn of(ssim: f64) -> Seen {
        if ssim >= 0.95 {
            Seen::Hard
        } else if ssim >= 0.88 {
            Seen::CloseLook
        } else {
            Seen::Visible
        }
    }

    fn selector(self) -> &'static str {
        match self {
            Seen::Hard => "hard",
            Seen::CloseLook => "close",
            Seen::Visible => "visible",
        }
    }
}

/// How visible a face's colour change is, judged from the 99th percentile of its CIEDE2000
/// difference (about 1 is just noticeable side by side).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourSeen {
    /// Below 2: no colour change a person would notice.
    Unnoticed,
    /// Below 4: a slight colour change up close.
    Slight,
    /// Higher: a colour change visible up close.
    Visible,
}

impl ColourSeen {
    /// The band of `p99` (a figure that is not a number counts as visible).
    pub fn of(p99: f64) -> ColourSeen {
        if p99 < 2.0 {
            ColourSeen::Unnoticed
        } else if p99 < 4.0 {
            ColourSeen::Slight
        } else {
            ColourSeen::Visible
        }
    }

    fn selector(self) -> &'static str {
        match self {
            ColourSeen::Unnoticed => "none",
            ColourSeen::Slight => "slight",
            ColourSeen::Visible => "visible",
        }
    }
}

/// The Fluent selector of a cloak level (`subtle`, `standard`, `strong`).
pub fn level_selector(level: Strength) -> &'static str {
    match level {
        Strength::Subtle => "subtle",
        Strength::Standard => "standard",
        Strength::Strong => "strong",
    }
}

/// How visible a cloaked face's change is, from its own SSIM and colour figures ("The change is
/// hard to see (structure kept 96 %, no colour change you would notice)."); `None` for faces
/// that were not cloaked or whose change could not be measured.
pub fn look_words(face: &FaceReport) -> Option<String> {
    if face.action != FaceAction::Cloaked {
        return None;
    }
    let ssim = face.ssim?;
    // Cut down, not rounded, so that the figure agrees with the band (95 % or more: hard to see).
    let percent = (ssim * 100.0).floor().clamp(0.0, 100.0) as i64;
    let colour = face
        .colour
        .map_or("unknown", |c| ColourSeen::of(c.p99).selector());
    Some(ta(
        "gui-face-look",
        &[
            ("seen", Seen::of(ssim).selector().into()),
            ("percent", percent.into()),
            ("colour", colour.into()),
        ],
    ))
}

/// What the check after a simulated upload found for face number `index` (from 0), with the
/// level it got; `ceiling` is the highest level the face could get (`None` when faces were not
/// cloaked). Marked ✓ only when a pass was measured.
pub fn verdict_words(index: usize, face: &FaceReport, ceiling: Option<Strength>) -> String {
    let n = index + 1;
    match face.action {
        FaceAction::Left => ta("gui-face-left", &[("n", n.into())]),
        FaceAction::SideView => format!("⚠ {}", ta("gui-face-side-view", &[("n", n.into())])),
        FaceAction::Blurred => ta("gui-face-blurred", &[("n", n.into())]),
        FaceAction::Cloaked => {
            let level = face.level.or(ceiling);
            let name = |l: Option<Strength>| -> crate::i18n::Arg<'static> {
                l.map_or("other", level_selector).into()
            };
            match face.measured.verdict {
                Some(Verdict::NotRecognised) => format!(
                    "✓ {}",
                    ta(
                        "gui-face-passed",
                        &[("n", n.into()), ("level", name(level))]
                    )
                ),
                Some(Verdict::NotConfirmed) => format!(
                    "? {}",
                    ta(
                        "gui-face-not-confirmed",
                        &[
                            ("n", n.into()),
                            ("level", name(level)),
                            (
                                "odds",
                                not_confirmed_odds(level, face.measured.similarity_after_upload)
                                    .into(),
                            ),
                        ]
                    )
                ),
                Some(Verdict::Recognised) => match (level, ceiling) {
                    // The level's own check passed, but the copy as saved did not.
                    (Some(got), Some(top)) if got < top => format!(
                        "⚠ {}",
                        ta(
                            "gui-face-recognised-at",
                            &[("n", n.into()), ("level", name(level))]
                        )
                    ),
                    _ => format!(
                        "⚠ {}",
                        ta(
                            "gui-face-not-protected",
                            &[("n", n.into()), ("ceiling", name(ceiling.or(level)))]
                        )
                    ),
                },
                None => ta("gui-face-unmeasured", &[("n", n.into())]),
            }
        }
    }
}

/// The measured similarity of a cloaked face after the simulated upload and the checker's line.
pub fn similarity_words(face: &FaceReport) -> Option<String> {
    let m = &face.measured;
    let similarity = m.similarity_after_upload?;
    (face.action == FaceAction::Cloaked).then(|| {
        ta(
            "gui-face-similarity",
            &[
                ("similarity", format!("{similarity:.2}").into()),
                ("threshold", format!("{:.2}", m.threshold).into()),
            ],
        )
    })
}

/// One face's result for the export's list: the verdict, then the measured figures.
pub fn face_words(index: usize, face: &FaceReport, ceiling: Option<Strength>) -> String {
    let verdict = verdict_words(index, face, ceiling);
    match similarity_words(face) {
        Some(figures) => format!("{verdict} {figures}"),
        None => verdict,
    }
}

/// Whether to offer "Blur this face": a cloaked face that is still recognised, or whose result
/// could not be measured, and a face left because it is seen from the side.
pub fn offer_blur(face: &FaceReport) -> bool {
    match face.action {
        FaceAction::Cloaked => face.measured.passed() != Some(true),
        FaceAction::SideView => true,
        FaceAction::Left | FaceAction::Blurred => false,
    }
}

#[cfg(test)]
mod tests;
