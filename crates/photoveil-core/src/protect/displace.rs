//! A small, smooth, optimised displacement of the face's pixels: the geometric part of the cloak.
//!
//! The face is resampled at `p + D(p)`, where `D` is a cubic B-spline over a coarse grid of
//! control points (about eight across the face), faded out at the face's edge like the
//! per-pixel budget, and bounded to a few per cent of the eye distance. Warps that small look
//! natural (nobody sees a feature moved by a pixel or two) yet, optimised, move identity
//! networks more per unit of their own change than noise does (`../shared/notes/geometry-probe.md`).
//!
//! A face-swap tool re-detects the landmarks and re-aligns the face, which undoes any part of the
//! warp that only moves, turns or scales the whole face. So after each step the similarity
//! part of the landmarks' displacement is taken out: the landmarks stay where the alignment
//! expects them, and what is left changes the face's shape inside that frame.

use rayon::prelude::*;

use super::active::ActiveBox;
use super::budget::ellipse_fade;
use super::warp::{Point, Rect};

/// Control points across the longer side of the active box.
const NODES_ACROSS: usize = 8;

/// Total path length of the steps, in bounds (as the noise's `STEP_FACTOR`).
const STEP_FACTOR: f32 = 6.0;

/// A warp's control points, carried from one strength to the next of protect-until-verified so
/// the next level goes on from the shape the last one found.
#[derive(Debug, Clone, PartialEq)]
pub struct Controls {
    /// Control points per row and per column.
    nodes: (usize, usize),
    /// Their displacements `[x, y]`, row by row.
    values: Vec<[f32; 2]>,
}

/// The displacement field and its optimisation state.
pub struct Displacement {
    /// The active box, in region coordinates.
    rect: Rect,
    /// Region size, for clamping samples.
    region: (usize, usize),
    /// Distance between control points, in pixels.
    spacing: f32,
    /// Control points per row and per column (with one extra on each side for the spline).
    nodes: (usize, usize),
    /// Control displacements `[x, y]`, row by row.
    control: Vec<[f32; 2]>,
    /// Momentum average of the normalised control gradients.
    velocity: Vec<[f32; 2]>,
    /// The edge fade of each box pixel.
    fade: Vec<f32>,
    /// Per box column: its first control column and the spline's weights (the same for every
    /// row, so the spline is evaluated one axis at a time).
    columns: Vec<(usize, [f32; 4])>,
    /// Per box row: its first control row and weights.
    rows: Vec<(usize, [f32; 4])>,
    /// The landmarks the alignment uses, in region coordinates.
    landmarks: Vec<Point>,
    /// The edge fade at each landmark (1 inside the face, where they normally are).
    landmark_fades: Vec<f32>,
    /// Largest displacement of a control point (and so of any pixel), in pixels.
    bound: f32,
    /// Largest move of a control point in one step.
    step: f32,
    /// The gradient is read every `stride` pixels across and down.
    stride: usize,
    /// Per box pixel: the displacement now.
    field: Vec<[f32; 2]>,
}

impl Displacement {
    /// A zero displacement over `active` (in a region of `region` size) whose pixels may move by
    /// up to `bound` pixels, optimised in `steps` steps, its gradient read every `stride` pixels.
    /// `face` is the face box and `landmarks` the alignment's points, in region coordinates.
    pub fn new(
        active: &ActiveBox,
        region: Rect,
        (face, landmarks): ([f32; 4], &[Point]),
        bound: f32,
        (steps, stride): (usize, usize),
    ) -> Displacement {
        let rect = active.rect;
        let (w, h) = (rect.w as usize, rect.h as usize);
        let spacing = (w.max(h) as f32 / (NODES_ACROSS - 1) as f32).max(1.0);
        let nodes = (
            (w as f32 / spacing).ceil() as usize + 3,
            (h as f32 / spacing).ceil() as usize + 3,
        );
        let mut fade = Vec::with_capacity(w * h);
        for row in 0..h {
            for col in 0..w {
                fade.push(ellipse_fade(
                    face,
                    (rect.x as usize + col) as f32 + 0.5,
                    (rect.y as usize + row) as f32 + 0.5,
                ));
            }
        }
        let basis = |t: usize, count: usize| spline_basis(t as f32, spacing, count);
        Displacement {
            rect,
            region: (region.w as usize, region.h as usize),
            spacing,
            nodes,
            columns: (0..w).map(|c| basis(c, nodes.0)).collect(),
            rows: (0..h).map(|r| basis(r, nodes.1)).collect(),
            control: vec![[0.0; 2]; nodes.0 * nodes.1],
            velocity: vec![[0.0; 2]; nodes.0 * nodes.1],
            fade,
            landmarks: landmarks.to_vec(),
            landmark_fades: landmarks
                .iter()
                .map(|p| ellipse_fade(face, p[0], p[1]))
                .collect(),
            bound,
            step: bound * STEP_FACTOR / steps.max(1) as f32,
            stride: stride.max(1),
            field: vec![[0.0; 2]; w * h],
        }
    }

    /// The control points now.
    pub fn controls(&self) -> Controls {
        Controls {
            nodes: self.nodes,
            values: self.control.clone(),
        }
    }

    /// Starts from `start` (a warp of the same face found at a lower strength), kept within this
    /// warp's bound; ignored when it was made for another grid.
    pub fn resume(&mut self, start: &Controls) {
        if start.nodes != self.nodes || start.values.len() != self.control.len() {
            return;
        }
        self.control.clone_from(&start.values);
        self.clamp_to_bound();
        self.refresh();
    }

    /// Scales back every control point that lies beyond the bound.
    fn clamp_to_bound(&mut self) {
        for c in &mut self.control {
            let length = c[0].hypot(c[1]);
            if length > self.bound {
                let k = self.bound / length;
                c[0] *= k;
                c[1] *= k;
            }
        }
    }

    /// Where control point `(i, j)` sits, in region coordinates (pixel centres).
    fn node_position(&self, i: usize, j: usize) -> Point {
        [
            self.rect.x as f32 + 0.5 + (i as f32 - 1.0) * self.spacing,
            self.rect.y as f32 + 0.5 + (j as f32 - 1.0) * self.spacing,
        ]
    }

    /// The spline's (unfaded) value at region point `p`.
    fn spline_at(&self, p: Point) -> [f32; 2] {
        let (i, wx) = spline_basis(p[0] - self.rect.x as f32 - 0.5, self.spacing, self.nodes.0);
        let (j, wy) = spline_basis(p[1] - self.rect.y as f32 - 0.5, self.spacing, self.nodes.1);
        let mut out = [0f32; 2];
        for (b, by) in wy.iter().enumerate() {
            for (a, bx) in wx.iter().enumerate() {
                let c = self.control[(j + b) * self.nodes.0 + i + a];
                out[0] += bx * by * c[0];
                out[1] += bx * by * c[1];
            }
        }
        out
    }

    /// Recomputes the per-pixel field from the control points: along each control row first
    /// (one value per box column), then down the columns.
    fn refresh(&mut self) {
        let (w, nx) = (self.rect.w as usize, self.nodes.0);
        let along: Vec<Vec<[f32; 2]>> = self
            .control
            .par_chunks(nx)
            .map(|line| {
                self.columns
                    .iter()
                    .map(|(i, wx)| {
                        let mut d = [0f32; 2];
                        for (a, weight) in wx.iter().enumerate() {
                            d[0] += weight * line[i + a][0];
                            d[1] += weight * line[i + a][1];
                        }
                        d
                    })
                    .collect()
            })
            .collect();
        self.field
            .par_chunks_mut(w.max(1))
            .zip(self.fade.par_chunks(w.max(1)))
            .zip(self.rows.par_iter())
            .for_each(|((out, fade), (j, wy))| {
                for (col, (value, f)) in out.iter_mut().zip(fade).enumerate() {
                    let mut d = [0f32; 2];
                    for (b, weight) in wy.iter().enumerate() {
                        let v = along[j + b][col];
                        d[0] += weight * v[0];
                        d[1] += weight * v[1];
                    }
                    *value = [d[0] * f, d[1] * f];
                }
            });
    }

    /// The box's pixels of `clean` (region planes `[3][region]`) resampled through the field,
    /// as box planes `[3][box]`.
    pub fn warped(&self, clean: &[f32]) -> Vec<f32> {
        let (m, w) = (self.field.len(), (self.rect.w as usize).max(1));
        let n = self.region.0 * self.region.1;
        let mut out = vec![0f32; 3 * m];
        let (red, rest) = out.split_at_mut(m);
        let (green, blue) = rest.split_at_mut(m);
        red.par_chunks_mut(w)
            .zip(green.par_chunks_mut(w))
            .zip(blue.par_chunks_mut(w))
            .enumerate()
            .for_each(|(row, ((r, g), b))| {
                for (col, ((r, g), b)) in r.iter_mut().zip(g).zip(b).enumerate() {
                    let mut rgb = [0f32; 3];
                    for (i, weight) in self.taps(row * w + col) {
                        for (c, value) in rgb.iter_mut().enumerate() {
                            *value += clean[c * n + i] * weight;
                        }
                    }
                    [*r, *g, *b] = rgb;
                }
            });
        out
    }

    /// The four bilinear taps (region index, weight) that box pixel `k` reads.
    fn taps(&self, k: usize) -> [(usize, f32); 4] {
        let (x, y, ax, ay) = self.sample_point(k);
        let (rw, _) = self.region;
        let (x1, y1) = self.clamped(x + 1, y + 1);
        let (x0, y0) = self.clamped(x, y);
        [
            (y0 * rw + x0, (1.0 - ax) * (1.0 - ay)),
            (y0 * rw + x1, ax * (1.0 - ay)),
            (y1 * rw + x0, (1.0 - ax) * ay),
            (y1 * rw + x1, ax * ay),
        ]
    }

    /// Where box pixel `k` lies in a region plane.
    fn region_index(&self, k: usize) -> usize {
        let w = self.rect.w as usize;
        (self.rect.y as usize + k / w) * self.region.0 + self.rect.x as usize + k % w
    }

    /// The whole-pixel corner and fractions of the point box pixel `k` reads.
    fn sample_point(&self, k: usize) -> (i64, i64, f32, f32) {
        let w = self.rect.w as usize;
        let d = self.field[k];
        let fx = (self.rect.x as usize + k % w) as f32 + d[0];
        let fy = (self.rect.y as usize + k / w) as f32 + d[1];
        let (x0, y0) = (fx.floor(), fy.floor());
        (x0 as i64, y0 as i64, fx - x0, fy - y0)
    }

    /// A pixel position clamped into the region.
    fn clamped(&self, x: i64, y: i64) -> (usize, usize) {
        let (rw, rh) = (self.region.0 as i64, self.region.1 as i64);
        (x.clamp(0, rw - 1) as usize, y.clamp(0, rh - 1) as usize)
    }

    /// The loss's gradient with respect to each control point, given its gradient with respect
    /// to the picture the networks read and the clean picture (both region planes
    /// `[3][region]`; only the box's part of the gradient is read).
    fn control_gradient(&self, gradient: &[f32], clean: &[f32]) -> Vec<[f32; 2]> {
        let n = self.region.0 * self.region.1;
        let (rw, w, h) = (self.region.0, self.rect.w as usize, self.rect.h as usize);
        // Read on a grid `stride` pixels apart: the spline is smooth over an eighth of the face,
        // so a large face's sum needs only a sample of its pixels.
        let columns: Vec<usize> = (0..w).step_by(self.stride).collect();
        let rows: Vec<usize> = (0..h).step_by(self.stride).collect();
        // The gradient with respect to each pixel's displacement: the picture's gradient times
        // the clean picture's slope where the pixel reads.
        let per_pixel: Vec<[f32; 2]> = rows
            .par_iter()
            .flat_map_iter(|&row| columns.iter().map(move |&col| row * w + col))
            .map(|k| {
                let (x, y, ax, ay) = self.sample_point(k);
                let (x0, y0) = self.clamped(x, y);
                let (x1, y1) = self.clamped(x + 1, y + 1);
                let mut g = [0f32; 2];
                for c in 0..3 {
                    let s = &clean[c * n..(c + 1) * n];
                    let (i00, i10) = (s[y0 * rw + x0], s[y0 * rw + x1]);
                    let (i01, i11) = (s[y1 * rw + x0], s[y1 * rw + x1]);
                    let dx = (1.0 - ay) * (i10 - i00) + ay * (i11 - i01);
                    let dy = (1.0 - ax) * (i01 - i00) + ax * (i11 - i10);
                    let gc = gradient[c * n + self.region_index(k)];
                    g[0] += gc * dx;
                    g[1] += gc * dy;
                }
                [g[0] * self.fade[k], g[1] * self.fade[k]]
            })
            .collect();
        // Spread onto the control points through the spline's weights: up the columns onto
        // the control rows, then along each control row onto its points.
        let mut along = vec![vec![[0f32; 2]; columns.len()]; self.nodes.1];
        for (line, &row) in per_pixel.chunks(columns.len().max(1)).zip(&rows) {
            let (j, wy) = self.rows[row];
            for (b, weight) in wy.iter().enumerate() {
                for (sum, g) in along[j + b].iter_mut().zip(line) {
                    sum[0] += weight * g[0];
                    sum[1] += weight * g[1];
                }
            }
        }
        let mut grad = vec![[0f32; 2]; self.control.len()];
        for (line, out) in along.iter().zip(grad.chunks_mut(self.nodes.0)) {
            for (g, &col) in line.iter().zip(&columns) {
                let (i, wx) = &self.columns[col];
                for (a, weight) in wx.iter().enumerate() {
                    out[i + a][0] += weight * g[0];
                    out[i + a][1] += weight * g[1];
                }
            }
        }
        grad
    }

    /// One momentum step of the control points down the loss, given its gradient with respect
    /// to the picture the networks read and the clean picture (both region planes
    /// `[3][region]`; only the box's part of the gradient is read).
    pub fn step(&mut self, gradient: &[f32], clean: &[f32], momentum: f32) {
        let grad = self.control_gradient(gradient, clean);
        let mean_abs = grad.iter().map(|g| g[0].abs() + g[1].abs()).sum::<f32>()
            / (2 * grad.len()).max(1) as f32;
        if mean_abs <= 0.0 {
            return;
        }
        let mut squares = 0f32;
        for (v, g) in self.velocity.iter_mut().zip(&grad) {
            for a in 0..2 {
                v[a] = momentum * v[a] + g[a] / mean_abs;
                squares += v[a] * v[a];
            }
        }
        let rms = (squares / (2 * grad.len()).max(1) as f32).sqrt().max(1e-12);
        for (c, v) in self.control.iter_mut().zip(&self.velocity) {
            for a in 0..2 {
                c[a] -= self.step * (v[a] / rms).clamp(-2.0, 2.0);
            }
        }
        self.keep_alignment();
        self.clamp_to_bound();
        self.refresh();
    }

    /// Takes out of the control points the similarity (shift, turn, scale) that best explains
    /// how the landmarks move, so a re-aligning attacker's crop frames the face as before.
    fn keep_alignment(&mut self) {
        let count = self.landmarks.len();
        if count < 2 {
            return;
        }
        let moves: Vec<[f32; 2]> = self
            .landmarks
            .iter()
            .zip(&self.landmark_fades)
            .map(|(&p, f)| {
                let d = self.spline_at(p);
                [d[0] * f, d[1] * f]
            })
            .collect();
        let Some(fit) = SimilarityMove::fit(&self.landmarks, &moves) else {
            return;
        };
        for j in 0..self.nodes.1 {
            for i in 0..self.nodes.0 {
                let d = fit.at(self.node_position(i, j));
                let c = &mut self.control[j * self.nodes.0 + i];
                c[0] -= d[0];
                c[1] -= d[1];
            }
        }
    }

    /// The largest displacement of any pixel now, in pixels.
    #[cfg(test)]
    fn largest(&self) -> f32 {
        self.field
            .iter()
            .map(|d| d[0].hypot(d[1]))
            .fold(0.0, f32::max)
    }
}

/// The first of the four control points along one axis that shape position `t` (in pixels from
/// the box's first pixel centre, control points `spacing` apart, `count` of them), and their
/// weights.
fn spline_basis(t: f32, spacing: f32, count: usize) -> (usize, [f32; 4]) {
    let u = (t / spacing).max(0.0);
    let i = (u.floor() as usize).min(count.saturating_sub(4));
    let f = (u - i as f32).clamp(0.0, 1.0);
    (i, cubic_weights(f))
}

/// The uniform cubic B-spline's four weights at fraction `f` (they sum to 1, are never negative,
/// and reproduce straight lines exactly).
fn cubic_weights(f: f32) -> [f32; 4] {
    let (f2, f3) = (f * f, f * f * f);
    [
        (1.0 - f).powi(3) / 6.0,
        (3.0 * f3 - 6.0 * f2 + 4.0) / 6.0,
        (-3.0 * f3 + 3.0 * f2 + 3.0 * f + 1.0) / 6.0,
        f3 / 6.0,
    ]
}

/// A displacement field that moves, turns and scales: `d(p) = [a -b; b a] (p - centre) + t`.
struct SimilarityMove {
    centre: Point,
    a: f32,
    b: f32,
    t: [f32; 2],
}

impl SimilarityMove {
    /// The least-squares fit of `moves` at `points`.
    fn fit(points: &[Point], moves: &[[f32; 2]]) -> Option<SimilarityMove> {
        let count = points.len() as f32;
        let centre = [
            points.iter().map(|p| p[0]).sum::<f32>() / count,
            points.iter().map(|p| p[1]).sum::<f32>() / count,
        ];
        let t = [
            moves.iter().map(|d| d[0]).sum::<f32>() / count,
            moves.iter().map(|d| d[1]).sum::<f32>() / count,
        ];
        let (mut spread, mut a, mut b) = (0f32, 0f32, 0f32);
        for (p, d) in points.iter().zip(moves) {
            let q = [p[0] - centre[0], p[1] - centre[1]];
            let e = [d[0] - t[0], d[1] - t[1]];
            spread += q[0] * q[0] + q[1] * q[1];
            a += q[0] * e[0] + q[1] * e[1];
            b += q[0] * e[1] - q[1] * e[0];
        }
        (spread > 1e-6).then(|| SimilarityMove {
            centre,
            a: a / spread,
            b: b / spread,
            t,
        })
    }

    /// The fitted displacement at `p`.
    fn at(&self, p: Point) -> [f32; 2] {
        let q = [p[0] - self.centre[0], p[1] - self.centre[1]];
        [
            self.a * q[0] - self.b * q[1] + self.t[0],
            self.b * q[0] + self.a * q[1] + self.t[1],
        ]
    }
}

#[cfg(test)]
mod tests;
