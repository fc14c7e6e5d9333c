//! The core's typed errors in the user's language, for the app (the command line and the JSON
//! `error` field keep the core's English `Display`). Details that come from a decoder or the
//! face engine are technical and stay as they are, inside a translated sentence.

use std::io;

use photoveil_core::{Error, Operation, WalkProblem};

use crate::i18n::{text, text_with, Arg};

/// Why a photo could not be read, cleaned, protected or verified, in words.
pub fn error(e: &Error) -> String {
    let with = |key: &str, args: &[(&str, Arg<'_>)]| text_with(key, args);
    match e {
        Error::Read(io) => with("error-read", &[("why", self::io(io).into())]),
        Error::Empty => text("error-empty"),
        Error::FileTooLarge { bytes, limit } => with(
            "error-file-too-large",
            &[
                ("size", megabytes(*bytes).into()),
                ("limit", megabytes(*limit).into()),
            ],
        ),
        Error::NotAnImage => text("error-not-an-image"),
        Error::Corrupt { format, detail } => with(
            "error-corrupt",
            &[
                ("format", format.name().into()),
                ("detail", detail.as_str().into()),
            ],
        ),
        Error::TooManyPixels { width, height } => with(
            "error-too-many-pixels",
            &[
                ("width", (*width as f64).into()),
                ("height", (*height as f64).into()),
            ],
        ),
        Error::Decode(detail) => with("error-decode", &[("detail", detail.as_str().into())]),
        Error::Unsupported { format, what } => {
            let key = match what {
                Operation::CleaningRaw => "error-unsupported-cleaning-raw",
                Operation::Decoding => "error-unsupported-decoding",
                Operation::ProtectingFaces => "error-unsupported-protecting",
            };
            with(key, &[("format", format.name().into())])
        }
        Error::Write { path, source } => with(
            "error-write",
            &[
                ("file", path.display().to_string().into()),
                ("why", self::io(source).into()),
            ],
        ),
        Error::Verification(detail) => {
            with("error-verification", &[("detail", detail.as_str().into())])
        }
        Error::Encode(detail) => with("error-encode", &[("detail", detail.as_str().into())]),
        Error::Model(nn) => with("error-model", &[("detail", nn.to_string().into())]),
        Error::Cancelled => text("error-cancelled"),
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
    let key = match e.kind() {
        io::ErrorKind::NotFound => "io-not-found",
        io::ErrorKind::PermissionDenied => "io-permission-denied",
        io::ErrorKind::StorageFull => "io-storage-full",
        io::ErrorKind::ReadOnlyFilesystem => "io-read-only",
        io::ErrorKind::AlreadyExists => "io-already-exists",
        io::ErrorKind::UnexpectedEof => "io-cut-short",
        io::ErrorKind::IsADirectory => "io-is-a-folder",
        _ => return e.to_string(),
    };
    text(key)
}

/// `12.3 MB` (decimal megabytes, as file managers show them).
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use photoveil_core::ImageFormat;

    fn every_error() -> Vec<Error> {
        let io = || io::Error::from(io::ErrorKind::StorageFull);
        vec![
            Error::Read(io::Error::from(io::ErrorKind::PermissionDenied)),
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
            Error::Write {
                path: "/media/usb/photo.jpg".into(),
                source: io(),
            },
            Error::Verification("pixels differ".into()),
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
    fn an_unusual_system_error_is_shown_as_the_system_words_it() {
        let e = io::Error::other("device went away");
        assert_eq!(io(&e), "device went away");
        assert_ne!(
            io(&io::Error::from(io::ErrorKind::StorageFull)),
            "io-storage-full"
        );
    }
}
