//! A scanned photo as the app shows it: the scan report, its thumbnail and its risk badges.

use std::sync::Arc;

use iced::widget::image::Handle;
use photoveil_core::{Category, ScanReport, Severity};

/// One kind of thing a photo gives away, shown as a badge with an icon and a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Badge {
    /// Where it was taken.
    Location,
    /// Which device took it.
    Device,
    /// Who took it or is in it (names).
    Person,
    /// When it was taken.
    Time,
    /// Hidden previews, videos, text.
    Hidden,
    /// Faces clear enough for a face swap.
    Faces,
    /// The file could not be read.
    Unreadable,
}

impl Badge {
    /// The symbol drawn before the word (never colour alone).
    pub fn symbol(self) -> &'static str {
        match self {
            Badge::Location => "◎",
            Badge::Device => "▣",
            Badge::Person => "✎",
            Badge::Time => "◷",
            Badge::Hidden => "◩",
            Badge::Faces => "☺",
            Badge::Unreadable => "✕",
        }
    }

    /// The Fluent key of the badge's word.
    pub fn key(self) -> &'static str {
        match self {
            Badge::Location => "gui-badge-location",
            Badge::Device => "gui-badge-device",
            Badge::Person => "gui-badge-person",
            Badge::Time => "gui-badge-time",
            Badge::Hidden => "gui-badge-hidden",
            Badge::Faces => "gui-badge-faces",
            Badge::Unreadable => "gui-badge-unreadable",
        }
    }

    fn of(category: Category) -> Badge {
        match category {
            Category::Location => Badge::Location,
            Category::Device => Badge::Device,
            Category::Person => Badge::Person,
            Category::Time => Badge::Time,
            Category::Hidden => Badge::Hidden,
        }
    }
}

/// A scanned photo.
#[derive(Debug, Clone)]
pub struct Item {
    /// What the scan found.
    pub report: Arc<ScanReport>,
    /// A small picture for the grid, or why there is none.
    pub thumbnail: Result<Handle, photoveil_core::Error>,
}

impl Item {
    /// The badges of this photo, each once, in a fixed order.
    pub fn badges(&self) -> Vec<Badge> {
        if self.report.error.is_some() {
            return vec![Badge::Unreadable];
        }
        let mut badges: Vec<Badge> = self
            .report
            .findings
            .iter()
            .map(|f| Badge::of(f.category))
            .collect();
        if self.usable_faces() > 0 {
            badges.push(Badge::Faces);
        }
        badges.sort();
        badges.dedup();
        badges
    }

    /// Faces clear enough for a face-swap tool.
    pub fn usable_faces(&self) -> usize {
        self.report
            .faces
            .as_ref()
            .map_or(0, |faces| faces.iter().filter(|f| f.usable).count())
    }

    /// Every face found.
    pub fn faces(&self) -> usize {
        self.report.faces.as_ref().map_or(0, Vec::len)
    }

    /// Whether the photo gives away something that matters (medium or high findings, a usable
    /// face) or could not be read.
    pub fn is_risky(&self) -> bool {
        self.report.error.is_some()
            || self.usable_faces() > 0
            || self
                .report
                .findings
                .iter()
                .any(|f| f.severity >= Severity::Medium)
    }

    /// The file's name for labels.
    pub fn name(&self) -> String {
        self.report
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.report.path.display().to_string())
    }
}
