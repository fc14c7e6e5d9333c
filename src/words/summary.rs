//! The summary after a batch of copies (`clean`, `protect`, the app's export): the core's
//! [`Tally`] as one line each, in the user's language.

use photoveil_core::job::{FailureReason, Tally};
use photoveil_core::protect::pipeline::Strength;
use photoveil_core::protect::verify::Verdict;

use crate::i18n::{text, text_with};
use crate::words::levels::{level_key, not_confirmed_odds};
use crate::words::{describe, reasons};

/// How a summary line reads: something done, something the user should still do, a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Done as asked.
    Done,
    /// Done, but a face still needs the user (blur it, or a stronger level).
    ToDo,
    /// Not done.
    Failed,
}

/// One line of the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// How it reads.
    pub kind: Kind,
    /// The sentence.
    pub text: String,
}

/// The summary of `tally`, one line each: copies written and where, what was removed by kind,
/// faces verified, blurred and left, each face not verified with what to do, each failure.
pub fn lines(tally: &Tally) -> Vec<Line> {
    let done = |text: String| Line {
        kind: Kind::Done,
        text,
    };
    let mut out = Vec::new();
    out.push(done(if tally.written > 0 {
        text_with(
            "cli-summary-written",
            &[
                ("count", tally.written.into()),
                (
                    "folder",
                    crate::i18n::left_to_right(&tally.out_dir.display().to_string()).into(),
                ),
            ],
        )
    } else {
        text("cli-summary-none-written")
    }));
    if tally.written > 0 {
        out.push(done(if tally.removed.is_empty() {
            text("cli-summary-removed-nothing")
        } else {
            let list: Vec<String> = tally
                .removed
                .iter()
                .map(|(&kind, &count)| {
                    text_with(
                        "cli-summary-removed-kind",
                        &[
                            ("kind", describe::category(kind).into()),
                            ("count", count.into()),
                        ],
                    )
                })
                .collect();
            text_with("cli-summary-removed", &[("list", list.join(", ").into())])
        }));
    }
    for (key, count) in [
        ("cli-summary-faces-verified", tally.faces_verified),
        ("cli-summary-faces-blurred", tally.faces_blurred),
        ("cli-summary-faces-left", tally.faces_left),
    ] {
        if count > 0 {
            out.push(done(text_with(key, &[("count", count.into())])));
        }
    }
    for face in &tally.faces_not_verified {
        let todo = if face.level == Some(Strength::Strong) {
            text("cli-summary-todo-blur")
        } else {
            text("cli-summary-todo-stronger")
        };
        let file = name(&face.input);
        let level = face.level.map_or_else(String::new, |l| text(level_key(l)));
        let key = match face.verdict {
            Some(Verdict::NotConfirmed) => "cli-summary-face-not-confirmed",
            Some(_) => "cli-summary-face-not-verified",
            None => "cli-summary-face-not-measured",
        };
        out.push(Line {
            kind: Kind::ToDo,
            text: text_with(
                key,
                &[
                    ("file", file.into()),
                    ("face", (face.face + 1).into()),
                    ("level", level.into()),
                    (
                        "odds",
                        not_confirmed_odds(face.level, face.similarity).into(),
                    ),
                    ("todo", todo.into()),
                ],
            ),
        });
    }
    for face in &tally.faces_side_view {
        out.push(Line {
            kind: Kind::ToDo,
            text: text_with(
                "cli-summary-face-side-view",
                &[
                    ("file", name(&face.input).into()),
                    ("face", (face.face + 1).into()),
                ],
            ),
        });
    }
    for failure in &tally.failures {
        let why = match &failure.reason {
            FailureReason::Photo(e) => reasons::error(e),
            FailureReason::Residual(count) => {
                text_with("cli-summary-residual", &[("count", (*count).into())])
            }
            FailureReason::Unlisted(problem) => reasons::walk(problem),
        };
        out.push(Line {
            kind: Kind::Failed,
            text: text_with(
                "cli-summary-failed",
                &[("file", name(&failure.input).into()), ("why", why.into())],
            ),
        });
    }
    out
}

/// A file's name as the summary shows it (the whole path when it has no name).
fn name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_faces::to_redo;
    use std::path::Path;

    fn to_do(tally: &Tally) -> Vec<Line> {
        lines(tally)
            .into_iter()
            .filter(|l| l.kind == Kind::ToDo)
            .collect()
    }

    #[test]
    fn a_face_left_because_it_is_seen_from_the_side_is_a_line_to_do() {
        let mut tally = Tally::new(Path::new("safe"));
        tally.written = 1;
        tally
            .faces_side_view
            .push(to_redo("in/beach.jpg", 0, None, Verdict::Recognised));
        let side = to_do(&tally);
        assert_eq!(side.len(), 1, "{side:?}");
        assert!(
            side[0]
                .text
                .contains("beach.jpg, face 1: turned to the side, left as it was"),
            "{side:?}"
        );
        assert!(side[0].text.contains("Blur it"), "{side:?}");
        assert_eq!(tally.faces_protected(), 0);
    }

    #[test]
    fn the_summary_says_not_confirmed_apart_from_still_recognised() {
        let mut tally = Tally::new(Path::new("safe"));
        tally.written = 2;
        for (photo, verdict) in [
            ("a.jpg", Verdict::NotConfirmed),
            ("b.jpg", Verdict::Recognised),
        ] {
            tally
                .faces_not_verified
                .push(to_redo(photo, 0, Some(Strength::Strong), verdict));
        }
        let todo = to_do(&tally);
        assert_eq!(todo.len(), 2, "{todo:?}");
        assert!(
            todo[0]
                .text
                .contains("a.jpg, face 1: protection not confirmed at strong"),
            "{todo:?}"
        );
        // With the odds measured for a face left at `strong`.
        assert!(todo[0].text.contains("most faces like this"), "{todo:?}");
        assert!(
            todo[1]
                .text
                .contains("b.jpg, face 1: still recognised at strong"),
            "{todo:?}"
        );
    }
}
