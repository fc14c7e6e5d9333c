//! Standard output of the command line. When the reader goes away (`photoveil scan --json DIR |
//! head -1`), or the output cannot be written at all, the batch stops as it does for Ctrl-C: no
//! new photo is started, the one in progress leaves nothing behind, and the process ends quietly
//! instead of panicking as `println!` would.

use std::fmt::Display;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once standard output could not be written.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes `text` and a line break to standard output; once that fails, nothing more is written
/// and the batch is asked to stop.
pub fn line(text: impl Display) {
    if closed() {
        return;
    }
    let mut stdout = io::stdout().lock();
    let written = writeln!(stdout, "{text}").and_then(|()| stdout.flush());
    if let Err(e) = written {
        CLOSED.store(true, Ordering::SeqCst);
        super::interrupted().cancel();
        if e.kind() != io::ErrorKind::BrokenPipe {
            // A full disk or a closed file: worth saying, once. A closed pipe is the reader's
            // choice and says nothing.
            eprintln!("photoveil: cannot write the output: {e}");
        }
    }
}

/// Whether standard output stopped accepting lines.
pub fn closed() -> bool {
    CLOSED.load(Ordering::SeqCst)
}

/// `println!` for the command line's standard output: see [`line`].
macro_rules! out {
    () => {
        $crate::cli::out::line("")
    };
    ($($arg:tt)*) => {
        $crate::cli::out::line(format_args!($($arg)*))
    };
}
pub(crate) use out;
