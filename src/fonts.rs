//! The bundled Noto fonts (SIL Open Font License 1.1; see `assets/fonts/FONTS.md`), subset to
//! Latin, Hangul and Arabic script, for text the system may not have fonts for: Korean and Urdu.
//! The GUI registers them all at start-up (`iced::application(..).font(..)`); Urdu reports embed the Nastaliq font.

/// A font file and the family name it declares.
#[derive(Debug, Clone, Copy)]
pub struct BundledFont {
    /// The family name inside the font (what a UI asks for).
    pub family: &'static str,
    /// The OpenType file's bytes.
    pub bytes: &'static [u8],
}

/// Noto Sans CJK KR Regular (OpenType/CFF), for Korean.
pub const NOTO_SANS_KR: BundledFont = BundledFont {
    family: "Noto Sans CJK KR",
    bytes: include_bytes!("../assets/fonts/NotoSansCJKkr-Regular-subset.otf"),
};

/// Noto Nastaliq Urdu Regular (TrueType), the usual style for Urdu.
pub const NOTO_NASTALIQ_URDU: BundledFont = BundledFont {
    family: "Noto Nastaliq Urdu",
    bytes: include_bytes!("../assets/fonts/NotoNastaliqUrdu-Regular-subset.ttf"),
};

/// Noto Sans Arabic Regular (TrueType): a compact Naskh-style fallback for Urdu where Nastaliq
/// is too tall (small widgets).
pub const NOTO_SANS_ARABIC: BundledFont = BundledFont {
    family: "Noto Sans Arabic",
    bytes: include_bytes!("../assets/fonts/NotoSansArabic-Regular-subset.ttf"),
};

/// Every bundled font, for loading them all at start-up.
pub const ALL: [BundledFont; 3] = [NOTO_SANS_KR, NOTO_NASTALIQ_URDU, NOTO_SANS_ARABIC];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_are_opentype_files() {
        for font in ALL {
            let magic = &font.bytes[..4];
            assert!(
                magic == b"OTTO" || magic == [0, 1, 0, 0],
                "{}: {magic:?}",
                font.family
            );
            assert!(font.bytes.len() > 50_000, "{}", font.family);
        }
    }
}
