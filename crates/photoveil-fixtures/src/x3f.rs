//! A small Sigma X3F (version 2.3) built by hand, laid out as Sigma's are: the header (`FOVb`,
//! version, an ImageUniqueID that starts with the serial number, size, rotation, white balance),
//! then the sensor data section (`IMAG`), a full-size JPEG preview (`IMA2`) whose EXIF holds
//! GPS, serial numbers, the owner and dates, the properties (`PROP`: make, model, serial number,
//! the camera's name given by its owner, the time taken, ISO), and the directory (`SECd`) that
//! the file's last 4 bytes point to.

use crate::{camera_exif, plain_jpeg};

/// The serial number in [`x3f`]'s properties and at the start of its ImageUniqueID.
pub const X3F_SERIAL: &str = "01008382";
/// The name the owner gave the camera (property CAMNAME) in [`x3f`].
pub const X3F_CAMERA_NAME: &str = "Jane's Sigma";
/// The time taken (property TIME, seconds since 1970) in [`x3f`].
pub const X3F_TIME: &str = "1259413520";
/// The camera model (property CAMMODEL) in [`x3f`].
pub const X3F_MODEL: &str = "SIGMA DP2";
/// Width and height of [`x3f`]'s sensor data section.
pub const X3F_SENSOR: (u32, u32) = (12, 8);

fn le(v: u32) -> [u8; 4] {
    v.to_le_bytes()
}

/// An image section (`SECi`): version 2.0, type, format, columns, rows, row size, then data.
fn image_section(kind: u32, format: u32, size: (u32, u32), data: &[u8]) -> Vec<u8> {
    let mut s = b"SECi".to_vec();
    for v in [0x0002_0000, kind, format, size.0, size.1, size.0 * 6] {
        s.extend(le(v));
    }
    s.extend(data);
    s
}

/// A property section (`SECp`): UTF-16 name and value pairs.
fn property_section(pairs: &[(&str, &str)]) -> Vec<u8> {
    let mut chars: Vec<u16> = Vec::new();
    let mut offsets = Vec::new();
    for (name, value) in pairs {
        let name_at = chars.len() as u32;
        chars.extend(name.encode_utf16());
        chars.push(0);
        let value_at = chars.len() as u32;
        chars.extend(value.encode_utf16());
        chars.push(0);
        offsets.push((name_at, value_at));
    }
    let mut s = b"SECp".to_vec();
    for v in [0x0002_0000, pairs.len() as u32, 0, 0, chars.len() as u32] {
        s.extend(le(v));
    }
    for (n, v) in offsets {
        s.extend(le(n));
        s.extend(le(v));
    }
    for c in chars {
        s.extend(c.to_le_bytes());
    }
    s
}

/// The sensor data of [`x3f`]: three 16-bit samples a pixel, a recognisable pattern.
pub fn x3f_sensor() -> Vec<u8> {
    let (w, h) = X3F_SENSOR;
    (0..w * h * 3)
        .flat_map(|i| ((i * 37 % 4096) as u16).to_le_bytes())
        .collect()
}

/// A JPEG preview with the camera EXIF of [`camera_exif`] (GPS, serials, owner, dates).
fn preview() -> Vec<u8> {
    let plain = plain_jpeg(16, 8, 90);
    let exif = camera_exif(None, true);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(exif);
    let mut out = plain[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend([0xFF, 0xFE, 0x00, 0x0E]);
    out.extend(b"Jane Example");
    out.extend(&plain[2..]);
    out
}

/// The X3F file described in the module documentation.
pub fn x3f() -> Vec<u8> {
    let (w, h) = X3F_SENSOR;
    let mut file = b"FOVb".to_vec();
    file.extend(le(0x0002_0003));
    file.extend(X3F_SERIAL.as_bytes());
    file.extend([0x10, 0x20, 0x11, 0x4B, 0x31, 0x64, 0x66, 0x38]);
    for v in [0, w, h, 0] {
        file.extend(le(v));
    }
    let mut wb = b"Auto".to_vec();
    wb.resize(32, 0);
    file.extend(&wb);
    let mut scene = b"Standard".to_vec();
    scene.resize(32, 0);
    file.extend(&scene);
    let sections = [
        (b"IMAG", image_section(3, 35, X3F_SENSOR, &x3f_sensor())),
        (b"IMA2", image_section(2, 0x12, (16, 8), &preview())),
        (
            b"PROP",
            property_section(&[
                ("CAMMANUF", "SIGMA"),
                ("CAMMODEL", X3F_MODEL),
                ("CAMSERIAL", X3F_SERIAL),
                ("CAMNAME", X3F_CAMERA_NAME),
                ("TIME", X3F_TIME),
                ("ISO", "100"),
            ]),
        ),
    ];
    let mut directory = Vec::new();
    for (kind, body) in sections {
        while !file.len().is_multiple_of(4) {
            file.push(0);
        }
        directory.push((file.len() as u32, body.len() as u32, kind));
        file.extend(body);
    }
    while !file.len().is_multiple_of(4) {
        file.push(0);
    }
    let dir_at = file.len() as u32;
    file.extend(b"SECd");
    file.extend(le(0x0002_0000));
    file.extend(le(directory.len() as u32));
    for (offset, len, kind) in directory {
        file.extend(le(offset));
        file.extend(le(len));
        file.extend(kind);
    }
    file.extend(le(dir_at));
    file
}
