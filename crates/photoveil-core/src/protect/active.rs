//! The part of a face region the cloak may change: the bounding box of the pixels whose budget
//! is above zero. The region itself is larger (it holds everything the networks' chips read,
//! with room for jitter), so the optimisation's per-step work runs over this box only.

use rayon::prelude::*;

use super::warp::Rect;

/// A box inside a region, in the region's own coordinates, with the copies between the
/// region's planar buffers and the box's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActiveBox {
    /// The box, relative to the region's top-left corner.
    pub rect: Rect,
    /// Width of the region it lies in.
    region_w: usize,
    /// Pixels of the region (the stride between planes of a region buffer).
    region_n: usize,
}

impl ActiveBox {
    /// The smallest box holding every pixel of `budget` (one plane of a `region_w`-wide region)
    /// above zero; `None` when there is none.
    pub fn of(budget: &[f32], region_w: usize) -> Option<ActiveBox> {
        if region_w == 0 {
            return None;
        }
        let (mut left, mut right, mut top, mut bottom) = (usize::MAX, 0, usize::MAX, 0);
        for (row, line) in budget.chunks_exact(region_w).enumerate() {
            let first = line.iter().position(|&b| b > 0.0);
            let last = line.iter().rposition(|&b| b > 0.0);
            if let (Some(first), Some(last)) = (first, last) {
                left = left.min(first);
                right = right.max(last);
                top = top.min(row);
                bottom = row;
            }
        }
        (left != usize::MAX).then(|| ActiveBox {
            rect: Rect {
                x: left as u32,
                y: top as u32,
                w: (right - left + 1) as u32,
                h: (bottom - top + 1) as u32,
            },
            region_w,
            region_n: budget.len(),
        })
    }

    /// Pixels in the box.
    pub fn area(&self) -> usize {
        self.rect.area()
    }

    /// Values in one plane of a region buffer.
    pub fn region_plane(&self) -> usize {
        self.region_n
    }

    /// For each row of the box: its start in a region plane and its start in a box plane.
    fn rows(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let (x, y, w) = (
            self.rect.x as usize,
            self.rect.y as usize,
            self.rect.w as usize,
        );
        (0..self.rect.h as usize).map(move |r| ((y + r) * self.region_w + x, r * w))
    }

    /// The box's part of `planes` region planes (`[planes][region]`), as `[planes][box]`.
    pub fn crop(&self, region: &[f32], planes: usize) -> Vec<f32> {
        let (m, w) = (self.area(), self.rect.w as usize);
        let mut out = vec![0f32; planes * m];
        for (p, plane) in out.chunks_exact_mut(m.max(1)).enumerate() {
            for (from, to) in self.rows() {
                plane[to..][..w].copy_from_slice(&region[p * self.region_n + from..][..w]);
            }
        }
        out
    }

    /// Writes three box planes (`[3][box]`) into the box's part of three region planes: the
    /// reverse of [`crop`](Self::crop).
    pub fn paste(&self, boxed: &[f32], region: &mut [f32]) {
        let (m, w) = (self.area(), self.rect.w as usize);
        for p in 0..3 {
            for (from, to) in self.rows() {
                region[p * self.region_n + from..][..w].copy_from_slice(&boxed[p * m + to..][..w]);
            }
        }
    }

    /// The values of one region plane spanned by the box's rows, and the box's columns within a
    /// region row.
    fn spans(&self) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        let (x, y) = (self.rect.x as usize, self.rect.y as usize);
        let (w, h) = (self.rect.w as usize, self.rect.h as usize);
        (y * self.region_w..(y + h) * self.region_w, x..x + w)
    }

    /// The box's rows of one region plane (`region_plane` values), in parallel.
    pub fn par_rows_mut<'a>(
        &self,
        region_plane: &'a mut [f32],
    ) -> impl IndexedParallelIterator<Item = &'a mut [f32]> + 'a {
        let (rows, columns) = self.spans();
        region_plane[rows]
            .par_chunks_mut(self.region_w)
            .map(move |row| &mut row[columns.clone()])
    }

    /// The box's rows of one region plane, read-only, in parallel.
    pub fn par_rows<'a>(
        &self,
        region_plane: &'a [f32],
    ) -> impl IndexedParallelIterator<Item = &'a [f32]> + 'a {
        let (rows, columns) = self.spans();
        region_plane[rows]
            .par_chunks(self.region_w)
            .map(move |row| &row[columns.clone()])
    }

    /// Sets the box's part of three region planes to zero.
    pub fn clear(&self, region: &mut [f32]) {
        let w = self.rect.w as usize;
        for p in 0..3 {
            for (from, _) in self.rows() {
                region[p * self.region_n + from..][..w].fill(0.0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_holds_exactly_the_pixels_with_budget_and_round_trips() {
        // A 7x5 region with budget at (2,1) and (4,3).
        let (w, h) = (7usize, 5usize);
        let mut budget = vec![0f32; w * h];
        budget[w + 2] = 1.0;
        budget[3 * w + 4] = 0.5;
        let active = ActiveBox::of(&budget, w).expect("a box");
        assert_eq!(
            active.rect,
            Rect {
                x: 2,
                y: 1,
                w: 3,
                h: 3
            }
        );
        let region: Vec<f32> = (0..3 * w * h).map(|i| i as f32).collect();
        let cropped = active.crop(&region, 3);
        assert_eq!(cropped.len(), 27);
        // Plane 1, box row 2, box column 1 is region (3, 3) of plane 1.
        assert_eq!(cropped[9 + 2 * 3 + 1], (w * h + 3 * w + 3) as f32);
        let mut copy = region.clone();
        active.clear(&mut copy);
        assert_eq!(copy[w + 2], 0.0);
        assert_eq!(copy[w + 1], region[w + 1]);
        active.paste(&cropped, &mut copy);
        assert_eq!(copy, region);
        let rows: Vec<Vec<f32>> = active
            .par_rows(&region[..w * h])
            .map(|r| r.to_vec())
            .collect();
        assert_eq!(
            rows,
            vec![
                cropped[0..3].to_vec(),
                cropped[3..6].to_vec(),
                cropped[6..9].to_vec()
            ]
        );
        let mut plane = region[..w * h].to_vec();
        active.par_rows_mut(&mut plane).for_each(|r| r.fill(-1.0));
        assert_eq!(plane.iter().filter(|&&v| v == -1.0).count(), 9);
        assert_eq!(plane[w + 1], region[w + 1]);
        assert!(ActiveBox::of(&vec![0.0; w * h], w).is_none());
    }
}
