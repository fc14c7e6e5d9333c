//! The words layer: the core's typed data (findings, advice, errors, listing problems) in the
//! user's language. The command line, the desktop app and the HTML report all take their words
//! from here, so each sentence is written once and translated once (`assets/i18n/`).

pub mod describe;
pub mod levels;
pub mod reasons;
pub mod summary;
