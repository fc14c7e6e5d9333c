//! What a face-swap tool would take from a protected copy once it is posted: the copy goes
//! through the same simulated upload as the after-upload check ([`simulate_upload`]:
//! downscale to 1080 px, JPEG q75), and each face's aligned square is cut out of that
//! ([`swap_crop`]), with the face's landmarks scaled as the check scales them. Shown beside the
//! original's square and the measured verdict; it changes nothing in the protection.

use image::RgbImage;

use super::codec::simulate_upload;
use super::networks::swap_crop;
use crate::error::Result;
use crate::faces::Face;

/// The square a face-swap tool cuts out of `copy` after a simulated upload, for each of `faces`
/// (found in the original, which has `copy`'s size), in order; `None` for a face too close to
/// the edge to align. `copy` is uploaded once for all the faces.
pub fn swap_crops_after_upload(copy: &RgbImage, faces: &[Face]) -> Result<Vec<Option<RgbImage>>> {
    let (uploaded, scale) = simulate_upload(copy)?;
    Ok(faces
        .iter()
        .map(|face| swap_crop(&uploaded, &face.scaled(scale, scale)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A face whose eyes, nose and mouth sit where a frontal face's would in a `side`-pixel box
    /// at (`x`, `y`).
    fn face_at(x: f32, y: f32, side: f32) -> Face {
        let at = |fx: f32, fy: f32| [x + fx * side, y + fy * side];
        Face {
            bbox: [x, y, side, side],
            score: 0.99,
            landmarks: [
                at(0.32, 0.4),
                at(0.68, 0.4),
                at(0.5, 0.58),
                at(0.5, 0.76),
                at(0.05, 0.45),
                at(0.95, 0.45),
            ],
            usable: true,
        }
    }

    fn pattern(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 7 * 30) as u8])
        })
    }

    #[test]
    fn a_small_copy_is_only_compressed_and_cut_where_the_face_is() {
        let copy = pattern(600, 400);
        let face = face_at(200.0, 100.0, 200.0);
        let crops = swap_crops_after_upload(&copy, &[face]).expect("uploaded");
        let (uploaded, scale) = simulate_upload(&copy).expect("uploaded");
        assert_eq!(scale, 1.0);
        assert_eq!(crops, vec![swap_crop(&uploaded, &face)]);
        assert!(crops[0].is_some());
    }

    #[test]
    fn a_large_copy_is_made_smaller_and_the_face_follows() {
        let copy = pattern(2160, 1440);
        let face = face_at(800.0, 400.0, 400.0);
        let crops = swap_crops_after_upload(&copy, &[face]).expect("uploaded");
        let (uploaded, scale) = simulate_upload(&copy).expect("uploaded");
        assert!((scale - 0.5).abs() < 1e-6);
        let half = face_at(400.0, 200.0, 200.0);
        assert_eq!(crops, vec![swap_crop(&uploaded, &half)]);
        let square = crops[0].as_ref().expect("aligned");
        assert_eq!(square.dimensions(), (112, 112));
    }
}
