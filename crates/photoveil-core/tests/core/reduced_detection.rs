//! The scan finds faces on a JPEG decoded at a reduced DCT scale (`faces::decode_for_faces`):
//! on real photos with faces, enlarged to phone sizes and saved as JPEGs (one of them turned by
//! its EXIF orientation), the faces it finds are the faces found on the whole decoded picture,
//! in the whole picture's pixels, and the picture it decoded was smaller.

use std::path::Path;

use image::imageops::FilterType;
use photoveil_core::decode::decode_displayed;
use photoveil_core::faces::{decode_for_faces, find_faces, find_faces_in_reduced, Face};
use photoveil_core::format::ImageFormat;
use photoveil_core::protect::models_dir;
use photoveil_fixtures as fx;
use photoveil_nn::blazeface::BlazeFace;

fn iou(a: &Face, b: &Face) -> f32 {
    let [ax, ay, aw, ah] = a.bbox;
    let [bx, by, bw, bh] = b.bbox;
    let w = ((ax + aw).min(bx + bw) - ax.max(bx)).max(0.0);
    let h = ((ay + ah).min(by + bh) - ay.max(by)).max(0.0);
    w * h / (aw * ah + bw * bh - w * h)
}

#[test]
fn faces_found_on_the_reduced_picture_are_the_faces_of_the_whole_one() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/faces");
    let detector = BlazeFace::load(&models_dir(), &photoveil_nn::device::cpu()).expect("detector");
    let cases = [
        ("group_t1.jpg", 3000, 1),
        ("gps_group2.jpg", 4000, 6),
        ("astronaut.png", 2400, 1),
    ];
    for (name, long, orientation) in cases {
        let source = image::open(dir.join(name)).expect("photo").to_rgb8();
        let (w, h) = source.dimensions();
        let k = long as f32 / w.max(h) as f32;
        let big = image::imageops::resize(
            &source,
            (w as f32 * k) as u32,
            (h as f32 * k) as u32,
            FilterType::Triangle,
        );
        let spec = fx::JpegSpec {
            orientation: Some(orientation),
            motion_video: false,
            metadata: true,
        };
        let data = fx::with_metadata(&fx::encode_jpeg(&big, 90), spec);

        let whole = decode_displayed(ImageFormat::Jpeg, &data)
            .expect("decodes")
            .picture
            .to_rgb8();
        let expected = find_faces(&detector, &whole).expect("faces");
        let reduced = decode_for_faces(ImageFormat::Jpeg, &data).expect("decodes");
        assert_eq!(reduced.full, whole.dimensions(), "{name}");
        assert!(
            reduced.picture.width() * 2 <= whole.width(),
            "{name}: {:?} decoded for {:?}",
            (reduced.picture.width(), reduced.picture.height()),
            whole.dimensions()
        );
        let found = find_faces_in_reduced(&detector, &reduced).expect("faces");
        assert!(!expected.is_empty(), "{name}");
        assert_eq!(
            found.len(),
            expected.len(),
            "{name}: {found:?} vs {expected:?}"
        );
        for e in &expected {
            let best = found
                .iter()
                .max_by(|a, b| iou(a, e).total_cmp(&iou(b, e)))
                .expect("a face");
            assert!(iou(best, e) > 0.75, "{name}: {best:?} vs {e:?}");
            assert_eq!(best.usable, e.usable, "{name}");
            for (p, q) in best.landmarks.iter().zip(&e.landmarks).take(4) {
                let off = (p[0] - q[0]).hypot(p[1] - q[1]);
                assert!(off < 0.08 * e.size(), "{name}: landmark off by {off}");
            }
        }
    }
}
