//! The summary printed at the end of a `clean` or `protect` batch in text mode: the same lines as
//! the app's export screen shows, from the core's [`Tally`].

use photoveil_core::job::Tally;

use super::out::out;
use crate::i18n::text;
use crate::words::summary::lines;

/// Prints the summary of `tally` after a blank line.
pub(crate) fn print(tally: &Tally) {
    out!();
    out!("{}:", text("cli-summary-title"));
    for line in lines(tally) {
        out!("  {}", line.text);
    }
}
