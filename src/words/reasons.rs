//! The core's typed errors in the user's language, for the app (the command line and the JSON
//! `error` field keep the core's English `Display`). Details that come from a decoder or the
//! face engine are technical and stay as they are, inside a translated sentence.
//!
//! An error first becomes [`Words`] (a message key and its arguments, some of them words
//! again), which are then put into the language in use. The tests put every error into every
//! language, so an English sentence cannot reach a Korean or Urdu user unnoticed.

use std::collections::HashMap;
use std::io;

use i18n_embed::fluent::FluentLanguageLoader;
use photoveil_core::audit::{AuditError, ReplaceError};
use photoveil_core::{Error, Mismatch, Operation, RawRefusal, WalkProblem};

use super::describe::megabytes;
use crate::i18n::{text, text_with, FluentValue, LOADER};

/// A sentence not yet put into a language: a message key and its arguments.
#[derive(Debug, Clone)]
pub struct Words {
    key: &'static str,
    args: Vec<(&'static str, Part)>,
}

/// One argument of [`Words`].
#[derive(Debug, Clone)]
enum Part {
    /// Words of their own, put into the same language.
    Words(Words),
    /// A number, formatted by the language's rules.
    Number(f64),
    /// Shown as it is: a file name, a format's name, a decoder's technical detail.
    Verbatim(String),
}

impl Words {
    fn new(key: &'static str) -> Words {
        Words {
            key,
            args: Vec::new(),
        }
    }

    fn with(mut self, name: &'static str, part: Part) -> Words {
        self.args.push((name, part));
        self
    }

    /// The sentence in the language in use.
    pub fn render(&self) -> String {
        self.render_with(&LOADER)
    }

    /// The sentence in `loader`'s language (the key itself where it has no such message).
    fn render_with(&self, loader: &FluentLanguageLoader) -> String {
        if !loader.has(self.key) {
            return self.key.to_string();
        }
        if self.args.is_empty() {
            return loader.get(self.key);
        }
        let args: HashMap<&str, FluentValue<'_>> = self
            .args
            .iter()
            .map(|(name, part)| {
                let value = match part {
                    Part::Words(words) => FluentValue::from(words.render_with(loader)),
                    Part::Number(n) => FluentValue::from(*n),
                    Part::Verbatim(s) => FluentValue::from(s.clone()),
                };
                (*name, value)
            })
            .collect();
        loader.get_args_concrete(self.key, args)
    }
}

/// Why a photo could not be read, cleaned, protected or verified, in words.
pub fn error(e: &Error) -> String {
    error_words(e).render()
}

/// Why a photo could not be read, cleaned, protected or verified, as [`Words`].
pub fn error_words(e: &Error) -> Words {
    let verbatim = |s: &str| Part::Verbatim(s.to_string());
    match e {
        Error::Read(io) => Words::new("error-read").with("why", io_part(io)),
        Error::Empty => Words::new("error-empty"),
        Error::FileTooLarge { bytes, limit } => Words::new("error-file-too-large")
            .with("size", Part::Verbatim(megabytes(*bytes)))
            .with("limit", Part::Verbatim(megabytes(*limit))),
        Error::NotAnImage => Words::new("error-not-an-image"),
        Error::Corrupt { format, detail } => Words::new("error-corrupt")
            .with("format", verbatim(format.name()))
            .with("detail", verbatim(detail)),
        Error::TooManyPixels { width, height } => Words::new("error-too-many-pixels")
            .with("width", Part::Number(*width as f64))
            .with("height", Part::Number(*height as f64)),
        Error::AnimationTooLarge { frames, pixels } => Words::new("error-animation-too-large")
            .with("frames", Part::Number(*frames as f64))
            .with("megapixels", Part::Number((*pixels / 1_000_000) as f64)),
        Error::Decode(detail) => Words::new("error-decode").with("detail", verbatim(detail)),
        Error::Unsupported { format, what } => {
            let key = match what {
                Operation::CleaningRaw => "error-unsupported-cleaning-raw",
                Operation::Decoding => "error-unsupported-decoding",
                Operation::ProtectingFaces => "error-unsupported-protecting",
            };
            Words::new(key).with("format", verbatim(format.name()))
        }
        Error::RawNotCleaned { family, why } => {
            let key = match why {
                RawRefusal::SerialDecryptsColour => "error-raw-serial-decrypts-colour",
                RawRefusal::SerialEnciphered => "error-raw-serial-enciphered",
                RawRefusal::MakerNoteNotHandled => "error-raw-maker-note-not-handled",
                RawRefusal::ContainerNotRead => "error-raw-container-not-read",
            };
            Words::new(key).with("family", verbatim(family.name()))
        }
        Error::Write { path, source } => Words::new("error-write")
            .with("file", Part::Verbatim(path.display().to_string()))
            .with("why", io_part(source)),
        Error::Verification(mismatch) => {
            Words::new("error-verification").with("detail", Part::Words(mismatch_words(mismatch)))
        }
        Error::Encode(detail) => Words::new("error-encode").with("detail", verbatim(detail)),
        Error::Model(nn) => {
            Words::new("error-model").with("detail", Part::Verbatim(nn.to_string()))
        }
        Error::Cancelled => Words::new("error-cancelled"),
    }
}

/// How a copy failed its final check, as [`Words`].
fn mismatch_words(mismatch: &Mismatch) -> Words {
    match mismatch {
        Mismatch::DoesNotReadBack(e) => {
            Words::new("mismatch-does-not-read-back").with("why", Part::Words(error_words(e)))
        }
        Mismatch::DifferentFormat => Words::new("mismatch-different-format"),
        Mismatch::LostOrientation => Words::new("mismatch-lost-orientation"),
        Mismatch::PictureDataChanged => Words::new("mismatch-picture-data-changed"),
        Mismatch::DoesNotDecode(e) => {
            Words::new("mismatch-does-not-decode").with("why", Part::Words(error_words(e)))
        }
        Mismatch::PixelsDiffer => Words::new("mismatch-pixels-differ"),
        Mismatch::MetadataLeft { items } => {
            Words::new("mismatch-metadata-left").with("items", Part::Number(*items as f64))
        }
    }
}

/// Why an export could not be audited, in words.
pub fn audit(e: &AuditError) -> String {
    match e {
        AuditError::Open { source, .. } => io(source),
        AuditError::NotAZip { .. } => text("gui-audit-error-not-zip"),
        AuditError::TooManyEntries { entries, limit, .. } => text_with(
            "gui-audit-error-too-many",
            &[("entries", (*entries).into()), ("limit", (*limit).into())],
        ),
        AuditError::Cancelled => text("gui-audit-stopped"),
    }
}

/// Why protected replacements of an audit's photos could not be made, in words.
pub fn replace(e: &ReplaceError) -> String {
    match e {
        ReplaceError::Export(e) => audit(e),
        ReplaceError::Scratch { folder, source } => text_with(
            "gui-audit-error-scratch",
            &[
                ("folder", folder.display().to_string().into()),
                ("why", io(source).into()),
            ],
        ),
        ReplaceError::Missing => text("gui-audit-error-missing"),
        ReplaceError::Entry(problem) => text_with(
            "gui-audit-error-entry",
            &[("why", problem.to_string().into())],
        ),
    }
}

/// Why a path the user gave could not be listed, in words.
pub fn walk(problem: &WalkProblem) -> String {
    match problem {
        WalkProblem::Io(e) => io(e),
        WalkProblem::NotAFileOrFolder => text("walk-not-a-file-or-folder"),
        WalkProblem::LinkLoop => text("walk-link-loop"),
    }
}

/// A system error in words: the common kinds translated, any other as the system says it.
pub fn io(e: &io::Error) -> String {
    match io_part(e) {
        Part::Words(words) => words.render(),
        Part::Number(n) => n.to_string(),
        Part::Verbatim(s) => s,
    }
}

/// A system error as an argument: the common kinds as words, any other as the system says it.
fn io_part(e: &io::Error) -> Part {
    let windows = e
        .raw_os_error()
        .filter(|_| cfg!(windows))
        .and_then(windows_key);
    let key = match (windows, e.kind()) {
        (Some(key), _) => key,
        (None, io::ErrorKind::NotFound) => "io-not-found",
        (None, io::ErrorKind::PermissionDenied) => "io-permission-denied",
        (None, io::ErrorKind::StorageFull) => "io-storage-full",
        (None, io::ErrorKind::ReadOnlyFilesystem) => "io-read-only",
        (None, io::ErrorKind::AlreadyExists) => "io-already-exists",
        (None, io::ErrorKind::UnexpectedEof) => "io-cut-short",
        (None, io::ErrorKind::IsADirectory) => "io-is-a-folder",
        // Too long a name (Linux: over 255 bytes; Windows: a path over 260 characters where
        // long paths are off) or a character the system does not allow in names.
        (None, io::ErrorKind::InvalidFilename) => "io-bad-name",
        (None, io::ErrorKind::ResourceBusy) => "io-in-use",
        _ => return Part::Verbatim(e.to_string()),
    };
    Part::Words(Words::new(key))
}

/// Windows system errors that its own wording leaves unclear (error numbers of `GetLastError`;
/// only looked up on Windows, where `raw_os_error` holds them).
fn windows_key(code: i32) -> Option<&'static str> {
    Some(match code {
        // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: another program has the file open.
        32 | 33 => "io-in-use",
        // ERROR_INVALID_DRIVE: a drive letter with no drive behind it.
        15 => "io-no-drive",
        // ERROR_NOT_READY: a card reader or disc drive with nothing in it.
        21 => "io-drive-not-ready",
        // ERROR_BAD_NETPATH, ERROR_UNEXP_NET_ERR, ERROR_BAD_NET_NAME, ERROR_NETWORK_UNREACHABLE:
        // a network (UNC, \\server\share) path that cannot be reached.
        53 | 59 | 67 | 1231 => "io-network",
        // ERROR_FILENAME_EXCED_RANGE, ERROR_INVALID_NAME.
        206 | 123 => "io-bad-name",
        _ => return None,
    })
}

#[cfg(test)]
impl Words {
    /// Every argument shown as it is, at any depth (file names, technical details).
    fn verbatim(&self) -> Vec<String> {
        let mut found = Vec::new();
        for (_, part) in &self.args {
            match part {
                Part::Words(words) => found.extend(words.verbatim()),
                Part::Verbatim(s) => found.push(s.clone()),
                Part::Number(_) => {}
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use photoveil_core::ImageFormat;

    fn every_error() -> Vec<Error> {
        let io = || io::Error::from(io::ErrorKind::StorageFull);
        vec![
            Error::read(io::Error::from(io::ErrorKind::PermissionDenied)),
            Error::Empty,
            Error::FileTooLarge {
                bytes: 2_500_000_000,
                limit: 1_000_000_000,
            },
            Error::NotAnImage,
            Error::corrupt(ImageFormat::Jpeg, "cut short"),
            Error::TooManyPixels {
                width: 60_000,
                height: 60_000,
            },
            Error::AnimationTooLarge {
                frames: 20_001,
                pixels: 5_000_000,
            },
            Error::Decode("bad Huffman table".into()),
            Error::Unsupported {
                format: ImageFormat::Tiff,
                what: Operation::CleaningRaw,
            },
            Error::Unsupported {
                format: ImageFormat::Heif,
                what: Operation::Decoding,
            },
            Error::Unsupported {
                format: ImageFormat::Avif,
                what: Operation::ProtectingFaces,
            },
            Error::RawNotCleaned {
                family: photoveil_core::RawFamily::Nef,
                why: RawRefusal::SerialDecryptsColour,
            },
            Error::RawNotCleaned {
                family: photoveil_core::RawFamily::Arw,
                why: RawRefusal::SerialEnciphered,
            },
            Error::RawNotCleaned {
                family: photoveil_core::RawFamily::Orf,
                why: RawRefusal::MakerNoteNotHandled,
            },
            Error::RawNotCleaned {
                // Sigma's X3F version 4 (Quattro); CR3 is cleaned since issue 23.
                family: photoveil_core::RawFamily::X3f,
                why: RawRefusal::ContainerNotRead,
            },
            Error::write("/media/usb/photo.jpg", io()),
            Error::Verification(Mismatch::PixelsDiffer),
            Error::Verification(Mismatch::DifferentFormat),
            Error::Verification(Mismatch::LostOrientation),
            Error::Verification(Mismatch::PictureDataChanged),
            Error::Verification(Mismatch::MetadataLeft { items: 3 }),
            Error::Verification(Mismatch::DoesNotReadBack(Box::new(Error::Empty))),
            Error::Verification(Mismatch::DoesNotDecode(Box::new(Error::Decode(
                "bad Huffman table in the copy".into(),
            )))),
            Error::Encode("no space".into()),
            Error::Cancelled,
        ]
    }

    #[test]
    fn every_error_has_its_own_words_with_its_details() {
        // The other languages have every key too: `i18n`'s completeness test.
        let mut seen = std::collections::HashSet::new();
        for e in every_error() {
            let words = error(&e);
            assert!(!words.starts_with("error-"), "no text for {e:?}");
            assert!(!words.contains("io-"), "no text for {e:?}: {words}");
            assert!(
                seen.insert(words.clone()),
                "two errors read the same: {words}"
            );
            match &e {
                Error::Write { .. } => {
                    assert!(words.contains("/media/usb/photo.jpg"), "{words}");
                    assert!(words.contains(&text("io-storage-full")), "{words}");
                }
                Error::Read(_) => assert!(words.contains(&text("io-permission-denied"))),
                Error::TooManyPixels { .. } => assert!(words.contains("60"), "{words}"),
                Error::FileTooLarge { .. } => assert!(words.contains("2500.0 MB"), "{words}"),
                Error::Corrupt { .. } => assert!(words.contains("jpeg"), "{words}"),
                Error::Decode(_) => assert!(words.contains("bad Huffman table")),
                _ => {}
            }
        }
    }

    /// Names that stay in Latin letters in every language.
    const NAMES: [&str; 12] = [
        "PhotoVeil",
        "JPEG",
        "PNG",
        "WebP",
        "TIFF",
        "HEIF",
        "AVIF",
        "RAW",
        "GIF",
        "BMP",
        "DNG",
        "PSD",
    ];

    #[test]
    fn every_error_reaches_korean_and_urdu_users_in_their_language() {
        use i18n_embed::fluent::fluent_language_loader;
        use i18n_embed::LanguageLoader;

        let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
        let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
        let scripts: [(&str, &dyn Fn(char) -> bool); 2] = [("ko", &hangul), ("ur", &arabic)];
        for (lang, in_script) in scripts {
            let loader: FluentLanguageLoader = fluent_language_loader!();
            let id = lang.parse().expect("language tag");
            loader
                .load_languages(&crate::i18n::Localizations, &[id])
                .expect("translations load");
            loader.set_use_isolating(false);
            for e in every_error() {
                let words = error_words(&e);
                let mut said = words.render_with(&loader);
                for shown_as_is in words.verbatim() {
                    said = said.replace(&shown_as_is, "");
                }
                for name in NAMES {
                    said = said.replace(name, "");
                }
                assert!(said.chars().any(in_script), "{lang}: {e:?} reads {said:?}");
                let english: Vec<&str> = said
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| w.len() >= 3)
                    .collect();
                assert!(english.is_empty(), "{lang}: {e:?} reads {said:?}");
            }
        }
    }

    #[test]
    fn listing_problems_have_words() {
        for problem in [
            WalkProblem::Io(io::Error::from(io::ErrorKind::NotFound)),
            WalkProblem::NotAFileOrFolder,
            WalkProblem::LinkLoop,
        ] {
            let words = walk(&problem);
            assert!(
                !words.starts_with("walk-") && !words.starts_with("io-"),
                "{words}"
            );
        }
    }

    #[test]
    fn windows_path_errors_have_their_own_words() {
        // What Windows says for a locked file, a missing drive, an empty card reader, an
        // unreachable network share and a too long path (the numbers are Windows' own, so they
        // are looked up only there; their words are checked here on every system).
        for code in [32, 33, 15, 21, 53, 67, 206, 123] {
            let key = windows_key(code).unwrap_or_else(|| panic!("no words for {code}"));
            assert_ne!(text(key), key, "{code}");
        }
        assert_eq!(
            windows_key(5),
            None,
            "access denied keeps the general words"
        );
        let long = io::Error::from(io::ErrorKind::InvalidFilename);
        assert_eq!(io(&long), text("io-bad-name"));
        assert_eq!(
            io(&io::Error::from(io::ErrorKind::ResourceBusy)),
            text("io-in-use")
        );
        if !cfg!(windows) {
            // On Linux 32 is EPIPE, which must not read as a locked file.
            assert_ne!(io(&io::Error::from_raw_os_error(32)), text("io-in-use"));
        }
    }

    #[test]
    fn an_unusual_system_error_is_shown_as_the_system_words_it() {
        let e = io::Error::other("device went away");
        assert_eq!(io(&e), "device went away");
        assert_ne!(
            io(&io::Error::from(io::ErrorKind::StorageFull)),
            "io-storage-full"
        );
    }
}
