//! A Kyocera RAW (Contax N Digital) file built by hand: the fixed 156-byte header with its
//! strings written backwards (exiftool's `KyoceraRaw.pm`), then stand-in sensor data.

/// The date and time the fixture was taken.
pub const KYOCERA_DATE: &str = "2024:05:06 07:08:09";
/// The fixture's model.
pub const KYOCERA_MODEL: &str = "N DIGITAL";
/// The fixture's lens.
pub const KYOCERA_LENS: &str = "VS28-80/3.5";

/// Writes `text` backwards into `out` at `at`, within `len` bytes.
fn backwards(out: &mut [u8], at: usize, len: usize, text: &str) {
    let mut bytes = text.as_bytes().to_vec();
    bytes.truncate(len);
    bytes.reverse();
    out[at..at + bytes.len()].copy_from_slice(&bytes);
}

/// The stand-in sensor data after the header.
pub fn kyocera_sensor() -> Vec<u8> {
    (0..64u32).map(|i| (i * 7 + 3) as u8).collect()
}

/// A Kyocera RAW file: header, then [`kyocera_sensor`].
pub fn kyocera() -> Vec<u8> {
    let mut out = vec![0u8; 156];
    backwards(&mut out, 0x01, 10, "Ver. 1.07");
    backwards(&mut out, 0x0c, 12, KYOCERA_MODEL);
    backwards(&mut out, 0x19, 7, "KYOCERA");
    backwards(&mut out, 0x21, 20, KYOCERA_DATE);
    for (at, value) in [
        (0x34, 13u32),
        (0x38, 56),
        (0x58, 56),
        (0x68, 38),
        (0x70, 55),
    ] {
        out[at..at + 4].copy_from_slice(&value.to_be_bytes());
    }
    for (i, level) in [84u32, 64, 64, 86].into_iter().enumerate() {
        out[0x3c + 4 * i..0x40 + 4 * i].copy_from_slice(&level.to_be_bytes());
    }
    out[0x7c..0x7c + KYOCERA_LENS.len()].copy_from_slice(KYOCERA_LENS.as_bytes());
    out.extend(kyocera_sensor());
    out
}
