//! The workshop report: a self-contained HTML page (inline style, thumbnails as data URIs, no
//! scripts, nothing fetched) that a teacher can open or print. It takes the core's typed
//! [`PhotoEntry`] values, so the scan command, the desktop app and other commands share it. All
//! wording comes from the translations, in the language chosen for the run.

mod audit_entries;
mod escape;
mod html;
pub mod map_svg;

use std::path::Path;

use photoveil_core::report::PhotoEntry;

pub use audit_entries::audit_entries;
pub use html::render_html;

/// What to include in a report.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Show a small picture of each photo (`false`: no picture data at all in the file).
    pub thumbnails: bool,
}

/// Renders the report and writes it to `path` (through a temporary file renamed into place, so
/// the file is complete or unchanged).
pub fn write_html_report(
    path: &Path,
    entries: &[PhotoEntry],
    options: &ReportOptions,
) -> photoveil_core::Result<()> {
    let page = render_html(entries, options);
    photoveil_core::output::write_replacing(path, page.as_bytes())
}
