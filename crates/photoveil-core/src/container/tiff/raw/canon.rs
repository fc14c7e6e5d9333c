//! Canon CR2: what its maker note (a TIFF directory whose offsets count from the file's start,
//! documented tag by tag in exiftool's `Canon.pm`) gives away, and what a converter needs.
//!
//! Removed from the maker note (the entries taken out of the directory, their values zeroed):
//! - 0x0009 OwnerName, 0x000C SerialNumber, 0x0096 InternalSerialNumber (SerialInfo on the 5D);
//! - 0x000D CanonCameraInfo: a block of each model's own layout that holds, depending on the
//!   model, the owner's name (5D, 5D Mark II, 450D...) and the lens serial number (5D Mark III
//!   and later); no converter develops the picture from it (rawler reads none of it; LibRaw
//!   reads lens and firmware details for its metadata only);
//! - 0x0028 ImageUniqueID (an enciphered sequence number and the date and time);
//! - 0x0035 TimeInfo (the time zone and its city).
//!
//! Kept, because converters need them to develop the picture: 0x0001 CameraSettings (sRAW
//! mode, lens), 0x0002 FocalLength, 0x0004 ShotInfo, 0x0007 FirmwareVersion, 0x0010 ModelID
//! (which camera, hence which colour matrix and crop), 0x0095 LensModel (lens corrections),
//! 0x00A0 ProcessingInfo, 0x00AA MeasuredColor, 0x00E0 SensorInfo (the sensor's borders and
//! crop), 0x4001 ColorData (white balance, black and white levels), and every other entry
//! (none of them names the owner or the camera's serial number).

/// Maker-note entries removed from a CR2.
pub(super) const MAKER_NOTE_REMOVED: &[u16] = &[
    0x0009, // OwnerName
    0x000C, // SerialNumber
    0x000D, // CanonCameraInfo (owner name, lens serial number: per-model layouts)
    0x0028, // ImageUniqueID (enciphered sequence number and date/time)
    0x0035, // TimeInfo (time zone and its city)
    0x0096, // InternalSerialNumber / SerialInfo
];

/// Whether a file is a Canon CR2: a TIFF header followed by "CR" and the version 2.
pub(crate) fn is_cr2(data: &[u8]) -> bool {
    data.get(8..11) == Some(b"CR\x02")
}
