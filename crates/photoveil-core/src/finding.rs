//! What a photo gives away: typed findings with a category, a severity and an explanation key.

use serde::Serialize;

/// The kind of information a finding reveals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Where the photo was taken.
    Location,
    /// Which device took or edited it.
    Device,
    /// Who took it, owns it or is in it.
    Person,
    /// When it was taken or changed.
    Time,
    /// Content the viewer does not see: thumbnails, appended videos, text, edit history.
    Hidden,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 5] = [
        Category::Location,
        Category::Device,
        Category::Person,
        Category::Time,
        Category::Hidden,
    ];
}

/// How much a finding helps someone who wants to find or impersonate the owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Little on its own.
    Low,
    /// Narrows down who or when.
    Medium,
    /// Points at a person, a place or a single device.
    High,
}

/// The plain-language explanation of a finding, as a translation key (`finding-<key>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Explanation {
    /// Latitude and longitude of where the photo was taken.
    GpsPosition,
    /// Altitude, direction, speed or other GPS details.
    GpsDetail,
    /// Date and time recorded by the GPS receiver.
    GpsTime,
    /// A written place name: city, country, sublocation.
    PlaceName,
    /// Maker and model of the camera or phone.
    DeviceModel,
    /// A serial number that identifies one single camera, lens or phone.
    SerialNumber,
    /// The program or firmware that wrote the file.
    Software,
    /// An identifier unique to this picture or document, linking copies and edits.
    UniqueId,
    /// The name of the owner, author or photographer.
    OwnerName,
    /// A copyright or rights notice, often with a name.
    Copyright,
    /// Contact details: e-mail, phone, address, web site.
    ContactDetails,
    /// A caption, title, description or keywords written by a person.
    Caption,
    /// A marked face or person region that carries a name.
    NamedPersonRegion,
    /// A marked face or person region without a name.
    PersonRegion,
    /// When the photo was taken.
    DateTaken,
    /// When the file was digitised, modified or saved.
    DateModified,
    /// The time zone of the device.
    TimeZone,
    /// A small preview image stored inside the file; it may show the picture before cropping or edits.
    Thumbnail,
    /// Further pictures stored in the same file (MPF: previews, depth maps, other shots).
    ExtraImages,
    /// A video appended to the photo ("motion photo", "live photo"), often with sound.
    MotionPhoto,
    /// Data stored after the end of the picture.
    TrailingData,
    /// Text stored in the file (PNG text chunks).
    TextChunk,
    /// A comment stored in the file.
    Comment,
    /// Maker notes: the manufacturer's private block, often with serial numbers and settings.
    MakerNote,
    /// Edit history: which programs changed the file, and when.
    EditHistory,
    /// Other embedded metadata blocks (private application data).
    OtherMetadata,
}

impl Explanation {
    /// Every explanation, for translation-completeness checks.
    pub const ALL: [Explanation; 26] = [
        Explanation::GpsPosition,
        Explanation::GpsDetail,
        Explanation::GpsTime,
        Explanation::PlaceName,
        Explanation::DeviceModel,
        Explanation::SerialNumber,
        Explanation::Software,
        Explanation::UniqueId,
        Explanation::OwnerName,
        Explanation::Copyright,
        Explanation::ContactDetails,
        Explanation::Caption,
        Explanation::NamedPersonRegion,
        Explanation::PersonRegion,
        Explanation::DateTaken,
        Explanation::DateModified,
        Explanation::TimeZone,
        Explanation::Thumbnail,
        Explanation::ExtraImages,
        Explanation::MotionPhoto,
        Explanation::TrailingData,
        Explanation::TextChunk,
        Explanation::Comment,
        Explanation::MakerNote,
        Explanation::EditHistory,
        Explanation::OtherMetadata,
    ];

    /// The stable kebab-case name, e.g. `gps-position`; used in JSON and translation keys.
    pub fn name(self) -> &'static str {
        match self {
            Explanation::GpsPosition => "gps-position",
            Explanation::GpsDetail => "gps-detail",
            Explanation::GpsTime => "gps-time",
            Explanation::PlaceName => "place-name",
            Explanation::DeviceModel => "device-model",
            Explanation::SerialNumber => "serial-number",
            Explanation::Software => "software",
            Explanation::UniqueId => "unique-id",
            Explanation::OwnerName => "owner-name",
            Explanation::Copyright => "copyright",
            Explanation::ContactDetails => "contact-details",
            Explanation::Caption => "caption",
            Explanation::NamedPersonRegion => "named-person-region",
            Explanation::PersonRegion => "person-region",
            Explanation::DateTaken => "date-taken",
            Explanation::DateModified => "date-modified",
            Explanation::TimeZone => "time-zone",
            Explanation::Thumbnail => "thumbnail",
            Explanation::ExtraImages => "extra-images",
            Explanation::MotionPhoto => "motion-photo",
            Explanation::TrailingData => "trailing-data",
            Explanation::TextChunk => "text-chunk",
            Explanation::Comment => "comment",
            Explanation::MakerNote => "maker-note",
            Explanation::EditHistory => "edit-history",
            Explanation::OtherMetadata => "other-metadata",
        }
    }

    /// The translation key of this explanation, e.g. `finding-gps-position`.
    pub fn key(self) -> String {
        format!("finding-{}", self.name())
    }
}

impl Serialize for Explanation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// One thing a photo gives away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What kind of information it is.
    pub category: Category,
    /// Where it was found, e.g. `EXIF:GPSPosition`, `XMP:photoshop:City`, `JPEG:TrailingData`.
    pub tag: String,
    /// The value, as text (decimal degrees for GPS positions, sizes for hidden data).
    pub value: String,
    /// How much it reveals.
    pub severity: Severity,
    /// The plain-language explanation key.
    pub explanation: Explanation,
}

impl Finding {
    /// Builds a finding.
    pub fn new(
        category: Category,
        tag: impl Into<String>,
        value: impl Into<String>,
        severity: Severity,
        explanation: Explanation,
    ) -> Finding {
        Finding {
            category,
            tag: tag.into(),
            value: value.into(),
            severity,
            explanation,
        }
    }
}
