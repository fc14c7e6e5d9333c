//! The summary printed at the end of a `clean` or `protect` batch: in text mode the same lines as
//! the app's export screen shows, from the core's [`Tally`]; with `--json` one last JSON line,
//! `{"summary": {...}}`, with the counts.

use photoveil_core::job::Tally;

use super::out::out;
use crate::i18n::text;
use crate::words::summary::lines;

/// Prints the summary of `tally`: after a blank line in text mode, as the last JSON line with
/// `json`.
pub(crate) fn print(tally: &Tally, json: bool) {
    if json {
        print_json(tally);
        return;
    }
    out!();
    out!("{}:", text("cli-summary-title"));
    for line in lines(tally) {
        out!("  {}", line.text);
    }
}

/// The counts of `tally` as one JSON line.
fn print_json(tally: &Tally) {
    let summary = serde_json::json!({
        "summary": {
            "written": tally.written,
            "out_dir": tally.out_dir,
            "removed": tally.removed,
            "faces_verified": tally.faces_verified,
            "faces_not_verified": tally.faces_not_verified.len(),
            "faces_blurred": tally.faces_blurred,
            "faces_left": tally.faces_left,
            "faces_side_view": tally.faces_side_view.len(),
            "failed": tally.failures.len(),
        }
    });
    out!("{summary}");
}
