//! Test fixtures built from scratch: pictures with known, fake metadata (no real person's data).
//!
//! Every value a test may look for is a constant here, so tests assert against one source.

mod bayer;
mod bmp;
mod cr2;
mod cr3;
mod crw;
mod dng;
mod gif;
mod iiq;
mod j2c;
mod jp2;
mod jxl;
mod kyocera;
mod mrw;
mod nef;
mod pnm;
mod psd;
mod raf;
mod rw2;
mod tiff_layouts;
mod x3f;

pub(crate) use bayer::{mosaic, Bayer};
pub use bmp::{bmp, bmp_bomb, bmp_embedded_profile, bmp_linked_path, bmp_linked_profile};

pub use cr2::{
    cr2, cr2_sensor, CR2_INTERNAL_SERIAL, CR2_LENS, CR2_MODEL, CR2_SENSOR, CR2_SERIAL,
    CR2_UNIQUE_ID,
};
pub use cr3::{
    cr3, CR3_BLACK, CR3_CREATOR, CR3_INTERNAL_SERIAL, CR3_LENS, CR3_MODEL, CR3_SENSOR,
    CR3_SENSOR_SIZE, CR3_SERIAL, CR3_UNIQUE_ID, CR3_WB, CR3_WHITE,
};
pub use crw::{
    crw, crw_sensor, CRW_COMMENT, CRW_DATE, CRW_FILE_NAME, CRW_MAKE_MODEL, CRW_SENSOR_SIZE,
    CRW_SERIAL, CRW_TIME, CRW_XMP_CREATOR,
};
pub use dng::{dng, dng_sensor, DNG_MAKER_NOTE, DNG_SENSOR};
pub use gif::{
    gif, gif_application, gif_bomb, gif_comment, gif_xmp, plain_gif, tiny_animation,
    GIF_PRIVATE_APP, GIF_PRIVATE_TEXT, GIF_TRAILING,
};
pub use iiq::{
    iiq, iiq_sensor, IIQ_LENS, IIQ_MODEL, IIQ_SECOND_PREVIEW, IIQ_SENSOR, IIQ_SEQUENCE, IIQ_SERIAL,
    IIQ_TIME,
};
pub use j2c::{j2c, j2c_comment, J2C_DATA, J2C_TILE_COMMENT};
pub use jp2::{jp2, jp2_private_text, JP2_PLAIN};
pub use jxl::{
    jxl, jxl_box, jxl_brob, jxl_brotli_bomb, jxl_jumbf_text, jxl_parts, jxl_with, plain_jxl,
    JXL_CODESTREAM,
};
pub use kyocera::{kyocera, kyocera_sensor, KYOCERA_DATE, KYOCERA_LENS, KYOCERA_MODEL};
pub use mrw::{mrw, mrw_sensor, MRW_MAKE, MRW_MAKER_NOTE, MRW_MODEL, MRW_SENSOR, MRW_WB};
pub use nef::{
    nef, nef_keyed, nef_sensor, NEF_CAPTURE_DATA, NEF_MODEL, NEF_OLD_SERIAL, NEF_POWER_UP,
    NEF_SENSOR, NEF_SERIAL, NEF_SHUTTER_COUNT,
};
pub use pnm::{pnm, pnm_comment, PNM_SIZE};
pub use psd::{psd, psd_resource, psd_with, PSD_CAPTION, PSD_LAYER, PSD_PATH_NAME, PSD_PRINTER};
pub use raf::{raf, raf_sensor, RAF_INTERNAL_SERIAL, RAF_MODEL, RAF_SENSOR, RAF_WB};
pub use rw2::{
    rw2, rw2_sensor, RW2_BABY_NAME, RW2_INTERNAL_SERIAL, RW2_LENS, RW2_MODEL, RW2_SENSOR,
};
pub use tiff_layouts::{tiff_cmyk, tiff_palette_geotiff, tiff_rgb16, tiff_tiled, GDAL_TEXT};
pub use x3f::{x3f, x3f_sensor, X3F_CAMERA_NAME, X3F_MODEL, X3F_SENSOR, X3F_SERIAL, X3F_TIME};

use std::io::Cursor;

use exif::experimental::Writer;
use exif::{Field, In, Rational, Tag, Value};
use image::codecs::jpeg::JpegEncoder;
use image::{ImageEncoder, RgbImage};

/// Latitude written into fixtures (37.32 N).
pub const GPS_LAT: f64 = 37.32;
/// Longitude written into fixtures (121.94 W).
pub const GPS_LON: f64 = -121.94;
/// The decimal-degrees text a scan should report for the fixture position.
pub const GPS_TEXT: &str = "37.320000, -121.940000";
/// Camera maker.
pub const MAKE: &str = "ExampleCam";
/// Camera model.
pub const MODEL: &str = "EC-100";
/// Body serial number.
pub const SERIAL: &str = "PV-SN-000042";
/// Lens serial number.
pub const LENS_SERIAL: &str = "PV-LENS-777";
/// Camera owner.
pub const OWNER: &str = "Jane Example";
/// Photographer in IPTC.
pub const BYLINE: &str = "Sam Sample";
/// Name on a face region in XMP.
pub const REGION_NAME: &str = "Alex Example";
/// City in XMP/IPTC.
pub const CITY: &str = "Exampleville";
/// Date the photo was taken.
pub const DATE_TAKEN: &str = "2024:05:17 14:03:59";
/// A JPEG comment.
pub const COMMENT: &str = "made by photoveil-fixtures";
/// Text in a PNG tEXt chunk.
pub const PNG_AUTHOR: &str = "Pat Png";

/// A deterministic picture with smooth gradients and fine texture, so codecs have real work.
pub fn picture(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let n = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503))
            .wrapping_mul(2_246_822_519)
            >> 27;
        let r = (x * 255 / width.max(1)) as u8;
        let g = (y * 255 / height.max(1)) as u8;
        let b = ((x + y) % 256) as u8 ^ n as u8;
        image::Rgb([r.wrapping_add(n as u8), g, b])
    })
}

/// A plain baseline JPEG of `picture(width, height)`.
pub fn plain_jpeg(width: u32, height: u32, quality: u8) -> Vec<u8> {
    encode_jpeg(&picture(width, height), quality)
}

/// A plain baseline JPEG (no metadata) of `img`.
pub fn encode_jpeg(img: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .expect("encoding into memory works");
    out
}

fn ascii(tag: Tag, text: &str) -> Field {
    Field {
        tag,
        ifd_num: In::PRIMARY,
        value: Value::Ascii(vec![text.as_bytes().to_vec()]),
    }
}

fn dms(value: f64) -> Value {
    let v = value.abs();
    let d = v.trunc();
    let m = ((v - d) * 60.0).trunc();
    let s = ((v - d) * 60.0 - m) * 60.0;
    Value::Rational(vec![
        Rational {
            num: d as u32,
            denom: 1,
        },
        Rational {
            num: m as u32,
            denom: 1,
        },
        Rational {
            num: (s * 100.0).round() as u32,
            denom: 100,
        },
    ])
}

/// A camera-like EXIF block (TIFF bytes): GPS, make/model, serials, owner, dates, time zone,
/// maker note, user comment, optional orientation and an embedded 160x120 thumbnail.
pub fn camera_exif(orientation: Option<u16>, thumbnail: bool) -> Vec<u8> {
    let mut fields = vec![
        ascii(Tag::Make, MAKE),
        ascii(Tag::Model, MODEL),
        ascii(Tag::Software, "Firmware 1.2.3"),
        ascii(Tag::DateTime, DATE_TAKEN),
        ascii(Tag::Artist, OWNER),
        ascii(Tag::Copyright, "(c) Jane Example"),
        ascii(Tag::DateTimeOriginal, DATE_TAKEN),
        ascii(Tag::OffsetTimeOriginal, "+09:00"),
        ascii(Tag::BodySerialNumber, SERIAL),
        ascii(Tag::LensSerialNumber, LENS_SERIAL),
        ascii(Tag::CameraOwnerName, OWNER),
        ascii(Tag::ImageUniqueID, "0123456789abcdef0123456789abcdef"),
        Field {
            tag: Tag::MakerNote,
            ifd_num: In::PRIMARY,
            value: Value::Undefined(b"EXAMPLECAM\0\0serial PV-SN-000042 internal 99".to_vec(), 0),
        },
        Field {
            tag: Tag::UserComment,
            ifd_num: In::PRIMARY,
            value: Value::Undefined(b"ASCII\0\0\0at grandma's house".to_vec(), 0),
        },
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"N".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: dms(GPS_LAT),
        },
        Field {
            tag: Tag::GPSLongitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"W".to_vec()]),
        },
        Field {
            tag: Tag::GPSLongitude,
            ifd_num: In::PRIMARY,
            value: dms(GPS_LON),
        },
        Field {
            tag: Tag::GPSAltitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(vec![Rational {
                num: 1234,
                denom: 10,
            }]),
        },
    ];
    if let Some(o) = orientation {
        fields.push(Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![o]),
        });
    }
    let thumb = plain_jpeg(160, 120, 70);
    let mut writer = Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    if thumbnail {
        writer.set_jpeg(&thumb, In::THUMBNAIL);
    }
    let mut out = Cursor::new(Vec::new());
    writer
        .write(&mut out, false)
        .expect("writing EXIF into memory works");
    out.into_inner()
}

/// An XMP packet with a city, a creator, face regions (one named), a document ID, edit history
/// and Google's motion-photo flag.
pub fn xmp_packet() -> String {
    format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
 xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
 xmlns:GCamera="http://ns.google.com/photos/1.0/camera/"
 photoshop:City="{CITY}" xmpMM:DocumentID="xmp.did:fixture-1" GCamera:MotionPhoto="1">
<dc:creator><rdf:Seq><rdf:li>{OWNER}</rdf:li></rdf:Seq></dc:creator>
<xmpMM:History><rdf:Seq><rdf:li stEvt:action="saved" stEvt:softwareAgent="Example Editor 1.0"/></rdf:Seq></xmpMM:History>
<mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag>
<rdf:li rdf:parseType="Resource"><mwg-rs:Name>{REGION_NAME}</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type></rdf:li>
</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"#
    )
}

/// A Photoshop APP13 payload with IPTC By-line and City.
pub fn photoshop_iptc() -> Vec<u8> {
    let mut iim = Vec::new();
    for (dataset, value) in [(80u8, BYLINE), (90, CITY)] {
        iim.extend([0x1C, 2, dataset]);
        iim.extend((value.len() as u16).to_be_bytes());
        iim.extend(value.as_bytes());
    }
    let mut out = b"Photoshop 3.0\08BIM\x04\x04\0\0".to_vec();
    out.extend((iim.len() as u32).to_be_bytes());
    out.extend(&iim);
    if iim.len() % 2 == 1 {
        out.push(0);
    }
    out
}

/// A stand-in ICC profile: only its presence and bytes matter to the tests.
pub const FAKE_ICC: &[u8] = b"\0\0\0\x40fixture-icc-profile-bytes-that-must-survive-cleaning...";

fn segment(marker: u8, contents: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend(((contents.len() + 2) as u16).to_be_bytes());
    s.extend(contents);
    s
}

/// What a fixture JPEG should carry.
#[derive(Debug, Clone, Copy)]
pub struct JpegSpec {
    /// EXIF orientation to record.
    pub orientation: Option<u16>,
    /// Append an MP4-like video after EOI, as motion photos do.
    pub motion_video: bool,
    /// Include EXIF, XMP, IPTC, comment and ICC.
    pub metadata: bool,
}

impl Default for JpegSpec {
    fn default() -> Self {
        JpegSpec {
            orientation: Some(6),
            motion_video: true,
            metadata: true,
        }
    }
}

/// A JPEG of the fixture picture with the metadata described by `spec`.
pub fn jpeg(width: u32, height: u32, spec: JpegSpec) -> Vec<u8> {
    with_metadata(&plain_jpeg(width, height, 90), spec)
}

/// Adds the metadata described by `spec` to an encoded JPEG (which should carry none).
pub fn with_metadata(plain: &[u8], spec: JpegSpec) -> Vec<u8> {
    let mut out = plain[..2].to_vec();
    // Keep the encoder's own APP0 (JFIF) first.
    let rest = &plain[2..];
    let app0_len = if rest.starts_with(&[0xFF, 0xE0]) {
        2 + u16::from_be_bytes([rest[2], rest[3]]) as usize
    } else {
        0
    };
    out.extend(&rest[..app0_len]);
    if spec.metadata {
        let mut exif = b"Exif\0\0".to_vec();
        exif.extend(camera_exif(spec.orientation, true));
        out.extend(segment(0xE1, &exif));
        let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
        xmp.extend(xmp_packet().as_bytes());
        out.extend(segment(0xE1, &xmp));
        let mut icc = b"ICC_PROFILE\0\x01\x01".to_vec();
        icc.extend(FAKE_ICC);
        out.extend(segment(0xE2, &icc));
        out.extend(segment(0xED, &photoshop_iptc()));
        out.extend(segment(0xFE, COMMENT.as_bytes()));
    } else if let Some(o) = spec.orientation {
        let mut exif = b"Exif\0\0".to_vec();
        exif.extend(orientation_exif(o));
        out.extend(segment(0xE1, &exif));
    }
    out.extend(&rest[app0_len..]);
    if spec.motion_video {
        out.extend(fake_mp4());
    }
    out
}

/// EXIF holding only an orientation.
pub fn orientation_exif(orientation: u16) -> Vec<u8> {
    let field = Field {
        tag: Tag::Orientation,
        ifd_num: In::PRIMARY,
        value: Value::Short(vec![orientation]),
    };
    let mut writer = Writer::new();
    writer.push_field(&field);
    let mut out = Cursor::new(Vec::new());
    writer
        .write(&mut out, false)
        .expect("writing EXIF into memory works");
    out.into_inner()
}

/// Bytes that look like an MP4 file (ftyp + mdat with "sound"), as appended by motion photos.
pub fn fake_mp4() -> Vec<u8> {
    let mut v = Vec::new();
    v.extend(24u32.to_be_bytes());
    v.extend(b"ftypmp42\0\0\0\0mp42isom");
    let payload = b"pretend this is three seconds of video with sound".repeat(40);
    v.extend((payload.len() as u32 + 8).to_be_bytes());
    v.extend(b"mdat");
    v.extend(payload);
    v
}

/// An ISO-BMFF box: size, type, body.
fn iso_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(body.len() + 8);
    v.extend((body.len() as u32 + 8).to_be_bytes());
    v.extend(kind);
    v.extend(body);
    v
}

/// A phone-style MP4 whose metadata says where and when it was filmed: `moov/mvhd` with the
/// creation time (`created`, seconds since 1970) and `moov/udta/©xyz` with the ISO 6709
/// position (as Android phones write it), after the (dummy) media data.
pub fn mp4_with_location(iso6709: &str, created: u32) -> Vec<u8> {
    let since_1904 = created.wrapping_add(2_082_844_800);
    let mut mvhd = vec![0u8; 4];
    mvhd.extend(since_1904.to_be_bytes());
    mvhd.extend(since_1904.to_be_bytes());
    mvhd.extend(1000u32.to_be_bytes()); // timescale
    mvhd.extend(3000u32.to_be_bytes()); // duration: 3 s
    mvhd.extend(0x0001_0000u32.to_be_bytes()); // rate 1.0
    mvhd.extend(0x0100u16.to_be_bytes()); // volume 1.0
    mvhd.extend([0u8; 10]);
    for m in [0x0001_0000u32, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000] {
        mvhd.extend(m.to_be_bytes());
    }
    mvhd.extend([0u8; 24]);
    mvhd.extend(2u32.to_be_bytes()); // next track id
    let mut xyz = Vec::new();
    xyz.extend((iso6709.len() as u16).to_be_bytes());
    xyz.extend(0x15c7u16.to_be_bytes()); // language
    xyz.extend(iso6709.as_bytes());
    let udta = iso_box(b"udta", &iso_box(b"\xa9xyz", &xyz));
    let mut moov_body = iso_box(b"mvhd", &mvhd);
    moov_body.extend(udta);
    let mut v = iso_box(b"ftyp", b"isom\0\0\x02\0isomiso2mp41");
    v.extend(iso_box(b"mdat", &b"pretend video".repeat(20)));
    v.extend(iso_box(b"moov", &moov_body));
    v
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend(kind);
    c.extend(data);
    let crc = crc32fast::hash(&c[4..]);
    c.extend(crc.to_be_bytes());
    c
}

/// A PNG with text chunks (Author, XMP), eXIf with GPS, tIME, iCCP-free sRGB, and a private chunk.
pub fn png(width: u32, height: u32, orientation: Option<u16>) -> Vec<u8> {
    let mut plain = Vec::new();
    image::codecs::png::PngEncoder::new(&mut plain)
        .write_image(
            picture(width, height).as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .expect("encoding into memory works");
    // Signature (8) + IHDR chunk (25) first, then our chunks, then the rest.
    let split = 8 + 25;
    let mut out = plain[..split].to_vec();
    out.extend(png_chunk(b"sRGB", &[0]));
    out.extend(png_chunk(
        b"tEXt",
        format!("Author\0{PNG_AUTHOR}").as_bytes(),
    ));
    let mut itxt = b"XML:com.adobe.xmp\0\0\0\0\0".to_vec();
    itxt.extend(xmp_packet().as_bytes());
    out.extend(png_chunk(b"iTXt", &itxt));
    out.extend(png_chunk(b"eXIf", &camera_exif(orientation, false)));
    out.extend(png_chunk(b"tIME", &[0x07, 0xE8, 5, 17, 14, 3, 59]));
    out.extend(png_chunk(b"prVt", b"private app data"));
    out.extend(&plain[split..]);
    out
}

/// A lossless WebP with EXIF (GPS, serials) and XMP chunks and a matching VP8X header.
pub fn webp(width: u32, height: u32, orientation: Option<u16>) -> Vec<u8> {
    use img_parts::webp::WebP;
    use img_parts::{Bytes, ImageEXIF};
    let mut plain = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut plain)
        .write_image(
            picture(width, height).as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .expect("encoding into memory works");
    let mut webp = WebP::from_bytes(Bytes::from(plain)).expect("our own WebP parses");
    webp.set_exif(Some(Bytes::from(camera_exif(orientation, false))));
    webp.chunks_mut().push(img_parts::riff::RiffChunk::new(
        *b"XMP ",
        img_parts::riff::RiffContent::Data(Bytes::from(xmp_packet().into_bytes())),
    ));
    let mut bytes = webp.encoder().bytes().to_vec();
    // Set the XMP flag of VP8X (byte 20 of the file: RIFF header 12 + chunk header 8).
    if bytes.get(12..16) == Some(b"VP8X") {
        bytes[20] |= 0b0000_0100;
    }
    bytes
}

/// A TIFF whose IFD0 carries make, model, software, date, artist, copyright, a camera serial
/// number, an orientation and an XMP packet; pixels are 8-bit RGB.
pub fn tiff(width: u32, height: u32, orientation: Option<u16>) -> Vec<u8> {
    use tiff::encoder::{colortype, TiffEncoder};
    use tiff::tags::Tag as T;
    let mut out = Cursor::new(Vec::new());
    let pixels = picture(width, height);
    let result = (|| -> tiff::TiffResult<()> {
        let mut encoder = TiffEncoder::new(&mut out)?;
        let mut image = encoder.new_image::<colortype::RGB8>(width, height)?;
        let dir = image.encoder();
        dir.write_tag(T::Make, MAKE)?;
        dir.write_tag(T::Model, MODEL)?;
        dir.write_tag(T::Software, "Scanner Suite 9")?;
        dir.write_tag(T::DateTime, DATE_TAKEN)?;
        dir.write_tag(T::Artist, OWNER)?;
        dir.write_tag(T::Copyright, "(c) Jane Example")?;
        dir.write_tag(T::Unknown(0xC62F), SERIAL)?;
        dir.write_tag(T::Unknown(700), xmp_packet().as_bytes())?;
        if let Some(o) = orientation {
            dir.write_tag(T::Orientation, o)?;
        }
        image.write_data(pixels.as_raw())
    })();
    result.expect("encoding into memory works");
    out.into_inner()
}

/// A phone-like EXIF block (TIFF bytes) with the given made-up values: GPS position (signed
/// decimal degrees), make, model, body serial number, owner name and date taken.
pub fn phone_exif(
    lat: f64,
    lon: f64,
    make: &str,
    model: &str,
    serial: &str,
    owner: &str,
) -> Vec<u8> {
    let gps_ref = |tag, text: &str| Field {
        tag,
        ifd_num: In::PRIMARY,
        value: Value::Ascii(vec![text.as_bytes().to_vec()]),
    };
    let fields = [
        ascii(Tag::Make, make),
        ascii(Tag::Model, model),
        ascii(Tag::DateTimeOriginal, DATE_TAKEN),
        ascii(Tag::BodySerialNumber, serial),
        ascii(Tag::CameraOwnerName, owner),
        gps_ref(Tag::GPSLatitudeRef, if lat < 0.0 { "S" } else { "N" }),
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: dms(lat),
        },
        gps_ref(Tag::GPSLongitudeRef, if lon < 0.0 { "W" } else { "E" }),
        Field {
            tag: Tag::GPSLongitude,
            ifd_num: In::PRIMARY,
            value: dms(lon),
        },
    ];
    let mut writer = Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    let mut out = Cursor::new(Vec::new());
    writer
        .write(&mut out, false)
        .expect("writing EXIF into memory works");
    out.into_inner()
}

/// Inserts an APP1 EXIF segment (from TIFF bytes) and, if given, a comment (COM) segment after
/// the JFIF header of an encoded JPEG.
pub fn jpeg_with_exif_and_comment(
    plain: &[u8],
    exif_tiff: &[u8],
    comment: Option<&str>,
) -> Vec<u8> {
    let rest = &plain[2..];
    let app0_len = if rest.starts_with(&[0xFF, 0xE0]) {
        2 + u16::from_be_bytes([rest[2], rest[3]]) as usize
    } else {
        0
    };
    let mut out = plain[..2 + app0_len].to_vec();
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(exif_tiff);
    out.extend(segment(0xE1, &exif));
    if let Some(comment) = comment {
        out.extend(segment(0xFE, comment.as_bytes()));
    }
    out.extend(&rest[app0_len..]);
    out
}

/// Inserts a tEXt chunk `keyword: text` after the IHDR chunk of an encoded PNG.
pub fn png_with_text(plain: &[u8], keyword: &str, text: &str) -> Vec<u8> {
    let split = 8 + 25;
    let mut out = plain[..split].to_vec();
    out.extend(png_chunk(b"tEXt", format!("{keyword}\0{text}").as_bytes()));
    out.extend(&plain[split..]);
    out
}
