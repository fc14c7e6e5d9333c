//! Timing of the window's own thread, for the GUI benchmark (`tools/bench-gui.sh`). With
//! `PHOTOVEIL_UI_TIMINGS=FILE` set, each `update` and `view` of the app appends one line to
//! FILE: `KIND START_US DURATION_US` (KIND: `update`, or the screen a `view` drew) (start in microseconds since the Unix epoch, so the script
//! can compare it with when it launched the program). Without the variable nothing is
//! measured or written. The window freezes exactly when one of these calls takes long: the
//! scan, previews and exports run on worker threads.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::sync::{LazyLock, Mutex};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The environment variable naming the timings file.
pub const VARIABLE: &str = "PHOTOVEIL_UI_TIMINGS";

static SINK: LazyLock<Option<Mutex<BufWriter<File>>>> = LazyLock::new(|| {
    let path = std::env::var_os(VARIABLE)?;
    let file = File::create(path).ok()?;
    Some(Mutex::new(BufWriter::new(file)))
});

/// One timed call; the line is written when it is dropped.
pub struct Span {
    kind: &'static str,
    wall: SystemTime,
    start: Instant,
}

/// Starts timing a call of `kind` ("update", or a screen's name for a view), when timings were
/// asked for.
pub fn span(kind: &'static str) -> Option<Span> {
    SINK.as_ref()?;
    Some(Span {
        kind,
        wall: SystemTime::now(),
        start: Instant::now(),
    })
}

impl Drop for Span {
    fn drop(&mut self) {
        let took = self.start.elapsed().as_micros();
        let at = self
            .wall
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_micros())
            .unwrap_or_default();
        if let Some(Ok(mut sink)) = SINK.as_ref().map(Mutex::lock) {
            // A failed write only loses a benchmark line.
            let _ = writeln!(sink, "{} {at} {took}", self.kind);
            let _ = sink.flush();
        }
    }
}
