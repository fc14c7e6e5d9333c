//! A Canon CRW file built by hand: a CIFF heap (exiftool's `CanonRaw.pm`) whose records hold the
//! owner's name, the camera's serial number, the time taken, the file's number and names, a user
//! comment and a file description, next to the records converters read (make and model, sensor
//! information, decoder table) and stand-in sensor data; optionally followed by a recipe trailer
//! of Canon's software holding XMP.

use crate::OWNER;

/// The camera's serial number (record 0x180b).
pub const CRW_SERIAL: u32 = 560_018_150;
/// The time taken (record 0x180e), seconds since 1970: 2003-11-10 17:39:26.
pub const CRW_TIME: u32 = 1_068_485_966;
/// The date a scan shows for [`CRW_TIME`].
pub const CRW_DATE: &str = "2003:11:10 17:39:26";
/// The original file name (record 0x0816).
pub const CRW_FILE_NAME: &str = "CRW_1602.CRW";
/// The user comment (record 0x0805).
pub const CRW_COMMENT: &str = "birthday at the lake house";
/// Make and model (record 0x080a), kept.
pub const CRW_MAKE_MODEL: &[u8] = b"Canon\0Canon EOS DIGITAL REBEL\0";
/// The XMP text of the recipe trailer.
pub const CRW_XMP_CREATOR: &str = "Trailer Person";

/// The sensor's width and height in the sensor information (record 0x1031): a Canon EOS 300D
/// ("EOS DIGITAL REBEL") as rawler knows it, cut down to 128×16.
pub const CRW_SENSOR_SIZE: (u16, u16) = (128, 16);

/// Sensor data (record 0x2005, the first thing in the heap as in the camera's files), kept byte
/// for byte: rawler reads the low bits from file offset 26 and the Huffman-coded high bits from
/// offset 540 + width × height / 4. No byte is 0xFF (a JPEG-style marker for the bit reader) and
/// none has its top bit set, so no run of ones reaches a code the Huffman tables lack.
pub fn crw_sensor() -> Vec<u8> {
    let (w, h) = CRW_SENSOR_SIZE;
    let len = 540 - 26 + usize::from(w) * usize::from(h) / 4 + usize::from(w) * usize::from(h);
    (0..len).map(|i| ((i * 37 + 11) % 128) as u8).collect()
}

/// A record of a heap.
enum Record {
    /// A value stored in the heap's data.
    Data(u16, Vec<u8>),
    /// An 8-byte value stored in the table itself.
    InTable(u16, [u8; 8]),
}

/// A heap: the records' data, then the table (count, 10-byte records), then the table's offset.
fn heap(records: &[Record]) -> Vec<u8> {
    let mut data = Vec::new();
    let mut table = (records.len() as u16).to_le_bytes().to_vec();
    for r in records {
        match r {
            Record::Data(tag, value) => {
                table.extend(tag.to_le_bytes());
                table.extend((value.len() as u32).to_le_bytes());
                table.extend((data.len() as u32).to_le_bytes());
                data.extend(value);
            }
            Record::InTable(tag, value) => {
                table.extend((tag | 0x4000).to_le_bytes());
                table.extend(value);
            }
        }
    }
    let at = data.len() as u32;
    data.extend(table);
    data.extend(at.to_le_bytes());
    data
}

fn text(s: &str, len: usize) -> Vec<u8> {
    let mut out = s.as_bytes().to_vec();
    out.resize(len, 0);
    out
}

fn u32_in_table(v: u32) -> [u8; 8] {
    let mut out = [0u8; 8];
    out[..4].copy_from_slice(&v.to_le_bytes());
    out
}

/// A CRW file; with `trailer`, a recipe trailer with an XMP packet follows the heap.
pub fn crw(trailer: bool) -> Vec<u8> {
    let mut time = CRW_TIME.to_le_bytes().to_vec();
    time.extend([0u8; 8]);
    let description = heap(&[Record::Data(0x0805, text("EOS DIGITAL REBEL CMOS RAW", 32))]);
    let (w, h) = CRW_SENSOR_SIZE;
    let sensor_info: Vec<u8> = [34u16, w, h, 72, 16, w - 1, h - 1]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    let camera = heap(&[
        Record::Data(0x080a, CRW_MAKE_MODEL.to_vec()),
        Record::Data(0x080b, text("Firmware Version 1.1.1", 32)),
        Record::Data(0x0810, text(OWNER, 32)),
        Record::Data(0x0816, text(CRW_FILE_NAME, 32)),
        Record::Data(0x0805, text(CRW_COMMENT, 64)),
        Record::Data(0x180e, time),
        Record::InTable(0x180b, u32_in_table(CRW_SERIAL)),
        Record::InTable(0x1817, u32_in_table(1_161_602)),
        Record::Data(0x1031, sensor_info),
        Record::InTable(0x1835, u32_in_table(1)),
    ]);
    let root = heap(&[
        Record::Data(0x2005, crw_sensor()),
        Record::Data(0x300a, camera),
        Record::Data(0x2804, description),
    ]);
    let mut out = b"II".to_vec();
    out.extend(26u32.to_le_bytes());
    out.extend(b"HEAPCCDR");
    out.extend(0x0001_0002u32.to_le_bytes());
    out.extend([0u8; 8]);
    let end = out.len() + root.len();
    out.extend(root);
    if trailer {
        let xmp = format!(
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF \
             xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description \
             xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:creator><rdf:Seq><rdf:li>\
             {CRW_XMP_CREATOR}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF>\
             </x:xmpmeta>"
        );
        let mut blocks = 0xffff_00f6u32.to_be_bytes().to_vec();
        blocks.extend((xmp.len() as u32).to_be_bytes());
        blocks.extend(xmp.as_bytes());
        let mut header = b"CANON OPTIONAL DATA\0\0\x01\0\0\0\0\0\0".to_vec();
        header[0x18..0x1c].copy_from_slice(&(blocks.len() as u32).to_be_bytes());
        let mut footer = b"CANON OPTIONAL DATA\0".to_vec();
        footer.resize(0x40, 0);
        footer[0x14..0x18].copy_from_slice(&(blocks.len() as u32).to_be_bytes());
        // As exiftool writes it after a CRW: the footer ends with the heap's table offset.
        let root_table = out[end - 4..end].to_vec();
        footer[0x3c..].copy_from_slice(&root_table);
        out.extend(header);
        out.extend(blocks);
        out.extend(footer);
    }
    out
}
