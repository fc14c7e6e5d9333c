//! The errors a single photo can meet. Each variant is typed so that the GUI can translate it;
//! `Display` gives the English wording used by the command line and the JSON `error` field.

use std::path::PathBuf;
use std::sync::Arc;

use crate::format::{ImageFormat, RawFamily};

/// Result type of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a photo could not be scanned, cleaned or verified. `Clone`, so that it can travel in the
/// app's messages: system errors are shared (`Arc`).
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read.
    #[error("cannot read the file: {0}")]
    Read(#[source] Arc<std::io::Error>),
    /// The file is empty.
    #[error("the file is empty")]
    Empty,
    /// The file is bigger than PhotoVeil reads.
    #[error("the file is {bytes} bytes, more than the {limit} bytes PhotoVeil reads")]
    FileTooLarge {
        /// Size of the file.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The content is not an image format PhotoVeil knows.
    #[error(
        "not a supported image: the content is not JPEG, PNG, WebP, TIFF, HEIF, AVIF, GIF, BMP, \
         JPEG XL, JPEG 2000 or Photoshop (PSD)"
    )]
    NotAnImage,
    /// The file starts like an image of this format but its structure is broken.
    #[error("damaged {} file: {detail}", format.name())]
    Corrupt {
        /// The format the file claims.
        format: ImageFormat,
        /// What is broken.
        detail: String,
    },
    /// The picture has more pixels than PhotoVeil decodes.
    #[error("the picture is {width}x{height} pixels, too large to decode safely")]
    TooManyPixels {
        /// Width in pixels.
        width: u64,
        /// Height in pixels.
        height: u64,
    },
    /// An animation has more frames, or more pixels over all its frames, than PhotoVeil reads;
    /// counted before anything is decoded, and stopped at the first frame over a limit.
    #[error(
        "the animation is too large to check safely: {frames} frames and {pixels} pixels read \
         before stopping"
    )]
    AnimationTooLarge {
        /// Frames counted so far.
        frames: u64,
        /// Pixels of those frames together.
        pixels: u64,
    },
    /// The picture could not be decoded.
    #[error("the picture cannot be decoded: {0}")]
    Decode(String),
    /// This operation is not available for this kind of file.
    #[error("{} is not supported for {} files", what.english(), format.name())]
    Unsupported {
        /// The format.
        format: ImageFormat,
        /// The operation refused.
        what: Operation,
    },
    /// A camera RAW file that is recognised but not cleaned, and why (see [`RawRefusal`]).
    #[error("{} camera RAW files are not cleaned: {}", family.name(), why.english())]
    RawNotCleaned {
        /// The RAW family.
        family: RawFamily,
        /// Why it is not cleaned.
        why: RawRefusal,
    },
    /// An output could not be written; nothing partial was left behind.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// Where PhotoVeil tried to write.
        path: PathBuf,
        /// The system error.
        #[source]
        source: Arc<std::io::Error>,
    },
    /// The cleaned or protected copy did not pass verification and was not kept.
    #[error("the copy failed verification: {0}")]
    Verification(Mismatch),
    /// A picture could not be encoded.
    #[error("the picture cannot be encoded: {0}")]
    Encode(String),
    /// A face model could not be loaded or run.
    #[error("{0}")]
    Model(#[from] photoveil_nn::NnError),
    /// The user cancelled.
    #[error("cancelled")]
    Cancelled,
}

/// What [`Error::Unsupported`] could not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// Cleaning a camera RAW file other than DNG (scanned only).
    CleaningRaw,
    /// Decoding the picture (HEIF and AVIF have no decoder here).
    Decoding,
    /// Protecting faces (needs a decoded and re-encoded picture).
    ProtectingFaces,
}

impl Operation {
    /// The English words used by `Display`.
    pub fn english(self) -> &'static str {
        match self {
            Operation::CleaningRaw => {
                "cleaning camera RAW files other than DNG (the maker note a converter needs also \
                 holds the camera's serial number)"
            }
            Operation::Decoding => "decoding the picture",
            Operation::ProtectingFaces => "protecting faces",
        }
    }
}

/// Why a camera RAW family is not cleaned (see [`Error::RawNotCleaned`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawRefusal {
    /// Nikon NEF: converters decrypt the colour balance (and lens data) with the serial number
    /// and the shutter count, so blanking them spoils the picture.
    SerialDecryptsColour,
    /// Sony ARW: the serial number lies inside enciphered maker-note blocks whose layout
    /// changes with each camera model.
    SerialEnciphered,
    /// The serial number lies in the maker's own block, which PhotoVeil does not blank in place
    /// yet (Panasonic, Olympus, Pentax, Phase One, unknown makers).
    MakerNoteNotHandled,
    /// The maker's own container (CR3's boxes, RAF's header, CRW's heap, MRW, X3F), which
    /// PhotoVeil does not read yet.
    ContainerNotRead,
}

impl RawRefusal {
    /// The English words used by `Display`.
    pub fn english(self) -> &'static str {
        match self {
            RawRefusal::SerialDecryptsColour => {
                "RAW converters decrypt the colour balance with the camera's serial number and \
                 shutter count, so blanking them would spoil the picture"
            }
            RawRefusal::SerialEnciphered => {
                "the serial number is inside enciphered maker-note blocks whose layout changes \
                 with each camera model, so it cannot be blanked safely"
            }
            RawRefusal::MakerNoteNotHandled => {
                "the maker note a converter needs also holds the serial number, in a layout \
                 PhotoVeil does not blank in place yet"
            }
            RawRefusal::ContainerNotRead => {
                "the metadata is in the maker's own container, which PhotoVeil does not read yet"
            }
        }
    }
}

/// How a copy failed its verification (see [`Error::Verification`]).
#[derive(Debug, Clone, thiserror::Error)]
pub enum Mismatch {
    /// The copy cannot be read back as an image.
    #[error("the copy does not read back: {0}")]
    DoesNotReadBack(Box<Error>),
    /// The copy's format differs from the original's.
    #[error("the copy has a different format")]
    DifferentFormat,
    /// The copy lost the picture's EXIF orientation.
    #[error("the copy lost the picture's orientation")]
    LostOrientation,
    /// The coded picture data changed.
    #[error("the picture data changed")]
    PictureDataChanged,
    /// The copy cannot be decoded.
    #[error("the copy does not decode: {0}")]
    DoesNotDecode(Box<Error>),
    /// The copy's pixels differ from the original's.
    #[error("the pixels differ from the original")]
    PixelsDiffer,
    /// The copy still carries metadata.
    #[error("the copy still carries {items} metadata item(s)")]
    MetadataLeft {
        /// How many items were found in the copy.
        items: usize,
    },
}

impl Error {
    /// A [`Error::Read`] error from the system's.
    pub fn read(e: std::io::Error) -> Error {
        Error::Read(Arc::new(e))
    }

    /// A [`Error::Write`] error from the system's.
    pub fn write(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Write {
            path: path.into(),
            source: Arc::new(source),
        }
    }

    /// Shorthand for a [`Error::Corrupt`] error.
    pub fn corrupt(format: ImageFormat, detail: impl Into<String>) -> Error {
        Error::Corrupt {
            format,
            detail: detail.into(),
        }
    }
}
