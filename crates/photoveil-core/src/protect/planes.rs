//! Moving pixels between interleaved RGB pictures and planar float regions.

use image::RgbImage;

use super::warp::Rect;

/// The region of `picture` as planar floats `[3][h*w]` (values 0-255).
pub fn read_region(picture: &RgbImage, region: Rect) -> Vec<f32> {
    let n = region.area();
    let mut out = vec![0f32; 3 * n];
    for row in 0..region.h {
        for col in 0..region.w {
            let p = picture.get_pixel(region.x + col, region.y + row).0;
            let i = (row * region.w + col) as usize;
            for c in 0..3 {
                out[c * n + i] = f32::from(p[c]);
            }
        }
    }
    out
}

/// Writes planar floats (rounded, clamped to 0-255) into the region of `picture`.
pub fn write_region(picture: &mut RgbImage, region: Rect, planes: &[f32]) {
    let n = region.area();
    for row in 0..region.h {
        for col in 0..region.w {
            let i = (row * region.w + col) as usize;
            let value = |c: usize| planes[c * n + i].round().clamp(0.0, 255.0) as u8;
            picture.put_pixel(
                region.x + col,
                region.y + row,
                image::Rgb([value(0), value(1), value(2)]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_round_trips() {
        let mut pic =
            RgbImage::from_fn(20, 10, |x, y| image::Rgb([x as u8, y as u8, (x * y) as u8]));
        let region = Rect {
            x: 4,
            y: 2,
            w: 7,
            h: 5,
        };
        let planes = read_region(&pic, region);
        assert_eq!(planes[0], 4.0);
        assert_eq!(planes[35], 2.0);
        let brighter: Vec<f32> = planes.iter().map(|v| v + 10.4).collect();
        write_region(&mut pic, region, &brighter);
        assert_eq!(pic.get_pixel(4, 2).0, [14, 12, 18]);
        assert_eq!(pic.get_pixel(3, 2).0, [3, 2, 6]);
    }
}
