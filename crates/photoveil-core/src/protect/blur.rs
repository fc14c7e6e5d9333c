//! An irreversible face blur for people who do not want a face online at all.
//!
//! Recognition networks shrug off mild blur, so this is strong: the face (box plus a margin) is
//! pixelated into about [`BLOCKS_ACROSS`] blocks across the face box, the blocks are smoothed so
//! no edges remain, a random grain fills what is left of the face's shading (so nothing can be
//! worked back from it), and the result is blended in with a soft elliptical edge.

use image::RgbImage;

use super::rng::SecureRng;

/// Blocks across the face box. Seven left InsightFace's w600k_mbf, aligned with the original's
/// landmarks, a mean similarity of 0.224 on the 16 faces of the shared photos, one face at 0.283
/// (above its same-person line of 0.28) and seven above 0.24; docs/protection-figures.md has
/// the figures with four.
pub const BLOCKS_ACROSS: f32 = 4.0;
/// Largest brightness of the grain, in pixel values (0-255).
const GRAIN: f32 = 12.0;

/// Blurs the face in `bbox` (`[x, y, w, h]`) of `picture` in place.
pub fn blur_face(picture: &mut RgbImage, bbox: [f32; 4], rng: &mut SecureRng) {
    let (width, height) = picture.dimensions();
    let [x, y, w, h] = bbox;
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    // Ellipse radii: the box plus 30%, so hairline, ears and jaw go too.
    let (rx, ry) = ((w * 0.65).max(2.0), (h * 0.65).max(2.0));
    let x0 = (cx - rx).floor().max(0.0) as u32;
    let y0 = (cy - ry).floor().max(0.0) as u32;
    let x1 = ((cx + rx).ceil() as u32).min(width);
    let y1 = ((cy + ry).ceil() as u32).min(height);
    if x1 <= x0 || y1 <= y0 {
        return;
    }
    let block = ((w.max(h) / BLOCKS_ACROSS).round() as u32).max(3);
    let (rw, rh) = (x1 - x0, y1 - y0);
    // Pixelate: mean colour of each block.
    let (bw, bh) = (rw.div_ceil(block), rh.div_ceil(block));
    let mut means = vec![[0f32; 3]; (bw * bh) as usize];
    let mut counts = vec![0f32; (bw * bh) as usize];
    for yy in 0..rh {
        for xx in 0..rw {
            let i = ((yy / block) * bw + xx / block) as usize;
            let p = picture.get_pixel(x0 + xx, y0 + yy).0;
            for c in 0..3 {
                means[i][c] += f32::from(p[c]);
            }
            counts[i] += 1.0;
        }
    }
    for (m, n) in means.iter_mut().zip(&counts) {
        m.iter_mut().for_each(|v| *v /= n.max(1.0));
    }
    // Smooth the block mosaic by sampling it bilinearly between block centres.
    let sample = |xx: f32, yy: f32| {
        let fx = (xx / block as f32 - 0.5).clamp(0.0, (bw - 1) as f32);
        let fy = (yy / block as f32 - 0.5).clamp(0.0, (bh - 1) as f32);
        let (ix, iy) = (fx.floor() as u32, fy.floor() as u32);
        let (ax, ay) = (fx - ix as f32, fy - iy as f32);
        let at = |bx: u32, by: u32| means[(by.min(bh - 1) * bw + bx.min(bw - 1)) as usize];
        let mut out = [0f32; 3];
        for (c, o) in out.iter_mut().enumerate() {
            let top = at(ix, iy)[c] * (1.0 - ax) + at(ix + 1, iy)[c] * ax;
            let bottom = at(ix, iy + 1)[c] * (1.0 - ax) + at(ix + 1, iy + 1)[c] * ax;
            *o = top * (1.0 - ay) + bottom * ay;
        }
        out
    };
    for yy in 0..rh {
        for xx in 0..rw {
            let (px, py) = ((x0 + xx) as f32 + 0.5, (y0 + yy) as f32 + 0.5);
            let r = (((px - cx) / rx).powi(2) + ((py - cy) / ry).powi(2)).sqrt();
            let weight = ((1.0 - r) / 0.15).clamp(0.0, 1.0);
            if weight <= 0.0 {
                continue;
            }
            let smooth = sample(xx as f32 + 0.5, yy as f32 + 0.5);
            let grain = rng.uniform(-GRAIN, GRAIN);
            let pixel = picture.get_pixel_mut(x0 + xx, y0 + yy);
            for (channel, target) in pixel.0.iter_mut().zip(smooth) {
                let v = f32::from(*channel) * (1.0 - weight) + (target + grain) * weight;
                *channel = v.round().clamp(0.0, 255.0) as u8;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_inside_the_face_is_gone_and_the_rest_untouched() {
        let mut pic = RgbImage::from_fn(200, 200, |x, y| {
            let v = if (x / 2 + y / 2) % 2 == 0 { 30 } else { 220 };
            image::Rgb([v, v, v])
        });
        let before = pic.clone();
        let mut rng = SecureRng::new();
        blur_face(&mut pic, [60.0, 60.0, 80.0, 80.0], &mut rng);
        // Fine checkerboard detail (a 190-level swing) at the centre is averaged away: what
        // varies there is the grain alone.
        let centre: Vec<u8> = (95..105).map(|x| pic.get_pixel(x, 100).0[0]).collect();
        let spread = centre.iter().max().unwrap_or(&0) - centre.iter().min().unwrap_or(&0);
        assert!(spread <= 2 * GRAIN as u8 + 4, "{centre:?}");
        assert_eq!(pic.get_pixel(5, 5), before.get_pixel(5, 5));
        // The grain is new each time: two blurs of the same face differ.
        let mut again = before.clone();
        blur_face(&mut again, [60.0, 60.0, 80.0, 80.0], &mut rng);
        let differing = (80..120)
            .filter(|&x| again.get_pixel(x, 100) != pic.get_pixel(x, 100))
            .count();
        assert!(differing > 20, "{differing} of 40 pixels differ");
        // A face at the border and an empty box do not panic.
        blur_face(&mut pic, [190.0, 190.0, 40.0, 40.0], &mut rng);
        blur_face(&mut pic, [0.0, 0.0, 0.0, 0.0], &mut rng);
    }
}
