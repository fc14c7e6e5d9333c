//! What can go wrong with an export as a whole, and with one of its entries. `Display` gives the
//! English wording used by the command line and the JSON `error` fields.

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

/// Why an export could not be audited at all. `Clone`, so that it can travel in the app's
/// messages: system errors are shared (`Arc`).
#[derive(Debug, Clone, thiserror::Error)]
pub enum AuditError {
    /// The path could not be opened.
    #[error("{}: cannot open: {source}", path.display())]
    Open {
        /// The export.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: Arc<std::io::Error>,
    },
    /// The file is not a readable ZIP archive (damaged, truncated, or another format).
    #[error("{}: not a readable ZIP archive (damaged or incomplete download?): {reason}", path.display())]
    NotAZip {
        /// The export.
        path: PathBuf,
        /// What the ZIP reader said.
        reason: String,
    },
    /// The archive lists more entries than PhotoVeil reads.
    #[error("{}: {entries} entries, more than the {limit} PhotoVeil reads from one export", path.display())]
    TooManyEntries {
        /// The export.
        path: PathBuf,
        /// How many it lists.
        entries: usize,
        /// The limit.
        limit: usize,
    },
    /// The audit was stopped (Ctrl-C, or Stop in the app); nothing of it was kept.
    #[error("stopped")]
    Cancelled,
}

/// Why one entry of an export is not read or not scanned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum EntryProblem {
    /// An absolute name, or one that climbs out of the archive with `..`.
    #[error("unsafe name (absolute or leading outside the archive), skipped")]
    UnsafeName,
    /// A symbolic link.
    #[error("symbolic link, skipped")]
    Link,
    /// An encrypted entry.
    #[error("encrypted, skipped")]
    Encrypted,
    /// Compressed far more than photos or text ever are: a zip bomb.
    #[error("compressed {ratio}:1, more than {limit}:1 (a zip bomb?), skipped")]
    SuspiciousRatio {
        /// Uncompressed size over compressed size.
        ratio: u64,
        /// The limit.
        limit: u64,
    },
    /// Larger than PhotoVeil reads.
    #[error("{bytes} bytes uncompressed, more than the {limit} bytes PhotoVeil reads, skipped")]
    TooLarge {
        /// Its size (declared, or reached while decompressing).
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// Reading it would pass the limit on the export's total uncompressed size.
    #[error("the export holds more than {limit} bytes uncompressed; the rest is not read")]
    ExportTooLarge {
        /// The limit.
        limit: u64,
    },
    /// The data could not be read or decompressed (damaged or truncated archive).
    #[error("cannot read: {reason}")]
    Unreadable {
        /// What the reader said.
        reason: String,
    },
    /// A JSON file of the export that could not be parsed.
    #[error("cannot parse the export's JSON: {reason}")]
    BadJson {
        /// What the parser said.
        reason: String,
    },
    /// The photo could not be scanned.
    #[error("{reason}")]
    Scan {
        /// The scanner's reason.
        reason: String,
    },
}
