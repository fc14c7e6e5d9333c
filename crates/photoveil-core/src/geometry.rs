//! Plane geometry shared by face finding and protection: points in pixels and the similarity
//! transforms that align a face to a network's template.

/// A 2-D point `[x, y]` in pixels (pixel centres at `i + 0.5`).
pub type Point = [f32; 2];

/// A similarity transform (rotation, uniform scale, translation) from chip to photo coordinates:
/// `x = a*u - b*v + tx`, `y = b*u + a*v + ty`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    /// `scale * cos(angle)`.
    pub a: f32,
    /// `scale * sin(angle)`.
    pub b: f32,
    /// Translation in x.
    pub tx: f32,
    /// Translation in y.
    pub ty: f32,
}

impl Similarity {
    /// The least-squares similarity mapping `from[i]` onto `to[i]` (no reflection), or `None`
    /// when the points are degenerate (fewer than two, or all at one place).
    pub fn fit(from: &[Point], to: &[Point]) -> Option<Similarity> {
        let n = from.len().min(to.len());
        if n < 2 {
            return None;
        }
        let mean = |p: &[Point]| {
            let (sx, sy) = p[..n].iter().fold((0f64, 0f64), |(x, y), q| {
                (x + f64::from(q[0]), y + f64::from(q[1]))
            });
            (sx / n as f64, sy / n as f64)
        };
        let (fx, fy) = mean(from);
        let (tx, ty) = mean(to);
        let (mut dot, mut cross, mut norm) = (0f64, 0f64, 0f64);
        for (f, t) in from[..n].iter().zip(&to[..n]) {
            let (u, v) = (f64::from(f[0]) - fx, f64::from(f[1]) - fy);
            let (x, y) = (f64::from(t[0]) - tx, f64::from(t[1]) - ty);
            dot += u * x + v * y;
            cross += u * y - v * x;
            norm += u * u + v * v;
        }
        if norm < 1e-9 {
            return None;
        }
        let (a, b) = (dot / norm, cross / norm);
        Some(Similarity {
            a: a as f32,
            b: b as f32,
            tx: (tx - (a * fx - b * fy)) as f32,
            ty: (ty - (b * fx + a * fy)) as f32,
        })
    }

    /// Maps a chip point into the photo.
    pub fn apply(&self, p: Point) -> Point {
        [
            self.a * p[0] - self.b * p[1] + self.tx,
            self.b * p[0] + self.a * p[1] + self.ty,
        ]
    }

    /// Photo pixels per chip pixel.
    pub fn scale(&self) -> f32 {
        self.a.hypot(self.b)
    }

    /// The same mapping after first rotating by `angle` radians and scaling by `zoom` about the
    /// chip point `centre`, then shifting by `shift` chip pixels (for random jitter).
    pub fn jittered(&self, centre: Point, angle: f32, zoom: f32, shift: Point) -> Similarity {
        let (s, c) = (angle.sin() * zoom, angle.cos() * zoom);
        // chip' -> chip: rotate/zoom about centre, then shift.
        let inner = Similarity {
            a: c,
            b: s,
            tx: centre[0] - (c * centre[0] - s * centre[1]) + shift[0],
            ty: centre[1] - (s * centre[0] + c * centre[1]) + shift[1],
        };
        self.compose(&inner)
    }

    /// `self ∘ inner`: first `inner`, then `self`.
    pub fn compose(&self, inner: &Similarity) -> Similarity {
        Similarity {
            a: self.a * inner.a - self.b * inner.b,
            b: self.b * inner.a + self.a * inner.b,
            tx: self.a * inner.tx - self.b * inner.ty + self.tx,
            ty: self.b * inner.tx + self.a * inner.ty + self.ty,
        }
    }
}
