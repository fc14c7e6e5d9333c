//! Photoshop documents built by hand (no encoder crate writes PSD): an 8-bit RGB picture stored
//! raw, a layers section, and image resources carrying metadata next to the ones a reader needs.

use crate::{
    phone_exif, photoshop_iptc, picture, plain_jpeg, xmp_packet, FAKE_ICC, GPS_LAT, GPS_LON, MAKE,
    MODEL, OWNER, SERIAL,
};

/// The name of the vector path planted in [`psd`].
pub const PSD_PATH_NAME: &str = "Jane Example outline";
/// The printer named in the planted print settings.
pub const PSD_PRINTER: &str = "Office-Printer-of-Jane";
/// The caption planted in [`psd`].
pub const PSD_CAPTION: &str = "Birthday at Sam's house";
/// A layer name: part of the document, kept.
pub const PSD_LAYER: &str = "Background copy";

/// One image resource block: signature, id, Pascal name (padded to even), size, data (padded).
pub fn psd_resource(id: u16, name: &str, data: &[u8]) -> Vec<u8> {
    let mut out = b"8BIM".to_vec();
    out.extend(id.to_be_bytes());
    out.push(name.len() as u8);
    out.extend(name.as_bytes());
    if (1 + name.len()) % 2 == 1 {
        out.push(0);
    }
    out.extend((data.len() as u32).to_be_bytes());
    out.extend(data);
    if data.len() % 2 == 1 {
        out.push(0);
    }
    out
}

/// A PSD of `picture(width, height)` with the given resources (already built blocks) and a
/// small layers section naming [`PSD_LAYER`].
pub fn psd_with(width: u32, height: u32, resources: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"8BPS\0\x01\0\0\0\0\0\0\0\x03".to_vec();
    out.extend(height.to_be_bytes());
    out.extend(width.to_be_bytes());
    out.extend(8u16.to_be_bytes());
    out.extend(3u16.to_be_bytes()); // RGB
    out.extend(0u32.to_be_bytes()); // no colour mode data
    let resources: Vec<u8> = resources.concat();
    out.extend((resources.len() as u32).to_be_bytes());
    out.extend(resources);
    // Layers and masks: a global layer mask info and an additional-information block naming a
    // layer (luni), enough for the section to carry a name.
    let mut layers = Vec::new();
    layers.extend(0u32.to_be_bytes()); // layer info length: no layer records
    layers.extend(0u32.to_be_bytes()); // global layer mask info
    let units: Vec<u8> = PSD_LAYER
        .encode_utf16()
        .flat_map(|u| u.to_be_bytes())
        .collect();
    let mut luni = (PSD_LAYER.len() as u32).to_be_bytes().to_vec();
    luni.extend(units);
    layers.extend(b"8BIMluni");
    layers.extend((luni.len() as u32).to_be_bytes());
    layers.extend(luni);
    out.extend((layers.len() as u32).to_be_bytes());
    out.extend(layers);
    // The flattened picture: raw, one plane per channel.
    out.extend(0u16.to_be_bytes());
    let rgb = picture(width, height);
    for channel in 0..3 {
        out.extend(rgb.pixels().map(|p| p.0[channel]));
    }
    out
}

/// A PSD with resolution, ICC profile and version information (kept), and IPTC, XMP, EXIF
/// (GPS, make, model, serial, owner), a JPEG thumbnail, a caption, a named path, print settings
/// naming a printer and a URL (removed).
pub fn psd(width: u32, height: u32) -> Vec<u8> {
    let iptc = photoshop_iptc();
    // photoshop_iptc() is an APP13 payload: "Photoshop 3.0\0", then one 8BIM block.
    let iptc_block = iptc[14..].to_vec();
    let mut version = 1u32.to_be_bytes().to_vec();
    version.push(1); // has real merged data
    let resources = vec![
        psd_resource(
            0x03ED,
            "",
            &[0, 72, 0, 0, 0, 1, 0, 1, 0, 72, 0, 0, 0, 1, 0, 1],
        ),
        psd_resource(0x040F, "", FAKE_ICC),
        psd_resource(0x0421, "", &version),
        iptc_block,
        psd_resource(0x0424, "", xmp_packet().as_bytes()),
        psd_resource(
            0x0422,
            "",
            &phone_exif(GPS_LAT, GPS_LON, MAKE, MODEL, SERIAL, OWNER),
        ),
        psd_resource(0x040C, "", &plain_jpeg(8, 8, 80)),
        psd_resource(
            0x03F0,
            "",
            &[&[PSD_CAPTION.len() as u8], PSD_CAPTION.as_bytes()].concat(),
        ),
        psd_resource(0x07D0, PSD_PATH_NAME, &[0; 26]),
        psd_resource(0x043A, "", PSD_PRINTER.as_bytes()),
        psd_resource(0x040B, "", b"https://example.org/jane"),
    ];
    psd_with(width, height, &resources)
}
