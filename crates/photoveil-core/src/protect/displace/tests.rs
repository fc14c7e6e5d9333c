//! The warp's tests: the spline, the bound, the alignment kept, the gradient checked.

use super::*;

fn setup() -> (Displacement, Vec<f32>) {
    let (w, h) = (40usize, 40usize);
    let region = Rect {
        x: 0,
        y: 0,
        w: w as u32,
        h: h as u32,
    };
    let budget: Vec<f32> = (0..w * h)
        .map(|i| {
            let (x, y) = (i % w, i / w);
            if (5..35).contains(&x) && (5..35).contains(&y) {
                1.0
            } else {
                0.0
            }
        })
        .collect();
    let active = ActiveBox::of(&budget, w).expect("box");
    let landmarks = [[14.0, 15.0], [26.0, 15.0], [20.0, 21.0], [20.0, 27.0]];
    let d = Displacement::new(
        &active,
        region,
        ([8.0, 8.0, 24.0, 24.0], &landmarks),
        1.5,
        (10, 1),
    );
    // A smooth ramp picture with some structure.
    let mut clean = vec![0f32; 3 * w * h];
    for c in 0..3 {
        for i in 0..w * h {
            let (x, y) = ((i % w) as f32, (i / w) as f32);
            clean[c * w * h + i] = 100.0 + 40.0 * (x * 0.3).sin() + 30.0 * (y * 0.2).cos();
        }
    }
    (d, clean)
}

#[test]
fn the_spline_reproduces_straight_lines() {
    for f in [0.0f32, 0.25, 0.5, 0.9] {
        let w = cubic_weights(f);
        assert!((w.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        let mean: f32 = w.iter().enumerate().map(|(j, w)| j as f32 * w).sum();
        assert!((mean - (1.0 + f)).abs() < 1e-5, "{f}: {mean}");
    }
}

#[test]
fn a_zero_field_copies_the_picture() {
    let (d, clean) = setup();
    let warped = d.warped(&clean);
    let m = d.field.len();
    let (rw, rx, ry, bw) = (40, d.rect.x as usize, d.rect.y as usize, d.rect.w as usize);
    for k in [0, m / 2, m - 1] {
        let i = (ry + k / bw) * rw + rx + k % bw;
        assert!((warped[k] - clean[i]).abs() < 1e-4);
    }
}

#[test]
fn steps_stay_within_the_bound_and_keep_the_landmarks_frame() {
    let (mut d, clean) = setup();
    // Push every pixel's value up: the warp can only follow the picture's slopes.
    let gradient: Vec<f32> = (0..3 * 1600)
        .map(|i| ((i * 7919) % 13) as f32 - 6.0)
        .collect();
    for _ in 0..10 {
        d.step(&gradient, &clean, 0.9);
    }
    assert!(d.largest() > 0.1, "the field moved: {}", d.largest());
    assert!(d.largest() <= 1.5 + 1e-4, "bounded: {}", d.largest());
    let moves: Vec<[f32; 2]> = d.landmarks.iter().map(|&p| d.spline_at(p)).collect();
    let fit = SimilarityMove::fit(&d.landmarks, &moves).expect("fit");
    // After the bound's clamp a little similarity may return; it stays small.
    assert!(
        fit.t[0].abs() < 0.2 && fit.t[1].abs() < 0.2,
        "shift {:?}",
        fit.t
    );
    assert!(fit.a.abs() < 0.02 && fit.b.abs() < 0.02);
}

#[test]
fn a_resumed_warp_starts_where_the_last_one_ended() {
    let (mut d, clean) = setup();
    let gradient: Vec<f32> = (0..3 * 1600)
        .map(|i| ((i * 7919) % 13) as f32 - 6.0)
        .collect();
    for _ in 0..5 {
        d.step(&gradient, &clean, 0.9);
    }
    let (mut next, _) = setup();
    next.resume(&d.controls());
    let (a, b) = (next.warped(&clean), d.warped(&clean));
    assert!(a.iter().zip(&b).all(|(x, y)| (x - y).abs() < 1e-3));
    assert!(next.largest() > 0.1);
    // Another grid's controls are ignored.
    let other = Controls {
        nodes: (2, 2),
        values: vec![[1.0, 1.0]; 4],
    };
    let (mut fresh, _) = setup();
    fresh.resume(&other);
    assert_eq!(fresh.largest(), 0.0);
}

#[test]
fn the_control_gradient_matches_a_finite_difference() {
    let (mut d, clean) = setup();
    let m = d.field.len();
    // Loss: the sum of the warped picture's values times fixed weights.
    let weights: Vec<f32> = (0..3 * m).map(|i| ((i * 31) % 7) as f32 - 3.0).collect();
    let loss = |d: &Displacement| -> f32 {
        d.warped(&clean)
            .iter()
            .zip(&weights)
            .map(|(v, w)| v * w)
            .sum()
    };
    // Move one interior control point a little in x and compare with the analytic slope.
    let node = 4 * d.nodes.0 + 4;
    d.control[node][0] = 0.3;
    d.refresh();
    let base = loss(&d);
    d.control[node][0] = 0.31;
    d.refresh();
    let moved = loss(&d);
    let numeric = (moved - base) / 0.01;
    d.control[node][0] = 0.3;
    d.refresh();
    // The same weights as a gradient over the region's planes.
    let mut region_weights = vec![0f32; 3 * 1600];
    for c in 0..3 {
        for k in 0..m {
            region_weights[c * 1600 + d.region_index(k)] = weights[c * m + k];
        }
    }
    let analytic = d.control_gradient(&region_weights, &clean)[node][0];
    assert!(
        (numeric - analytic).abs() < 0.05 * analytic.abs().max(1.0),
        "{numeric} vs {analytic}"
    );
}
