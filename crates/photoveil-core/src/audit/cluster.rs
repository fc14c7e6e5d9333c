//! Grouping faces by person with the product's two identity networks (dlib ResNet-29 and
//! MobileFace): average-linkage agglomerative clustering on a similarity that both networks
//! must support.

use crate::protect::networks::cosine;

/// dlib ResNet-29 cosine at which a pair counts as neutral evidence (dlib's own rule, Euclidean
/// distance 0.6 between raw descriptors, is about 0.91 in cosine terms).
pub const DLIB_THRESHOLD: f32 = 0.91;
/// MobileFace cosine at which a pair counts as neutral evidence (its same-person threshold).
pub const MOBILEFACE_THRESHOLD: f32 = 0.5;
/// Above this many faces, faces join the nearest group as they come (linear in the number of
/// groups) instead of full agglomeration (cubic).
pub const MAX_AGGLOMERATIVE: usize = 1500;

/// One face's embeddings (unit length).
#[derive(Debug, Clone)]
pub struct FaceEmbedding {
    /// dlib ResNet-29, 128-D.
    pub dlib: Vec<f32>,
    /// MobileFace, 256-D.
    pub mobileface: Vec<f32>,
}

/// How strongly the two networks together say two faces are one person: each network's cosine
/// above its threshold, scaled to its room up to 1, averaged. Positive means "same person".
pub fn evidence(a: &FaceEmbedding, b: &FaceEmbedding) -> f32 {
    let d = (cosine(&a.dlib, &b.dlib) - DLIB_THRESHOLD) / (1.0 - DLIB_THRESHOLD);
    let m = (cosine(&a.mobileface, &b.mobileface) - MOBILEFACE_THRESHOLD)
        / (1.0 - MOBILEFACE_THRESHOLD);
    0.5 * (d + m)
}

/// Groups faces by person: returns a group number per face, groups numbered from 0 by their
/// first face.
pub fn group_faces(faces: &[FaceEmbedding]) -> Vec<usize> {
    let labels = if faces.len() <= MAX_AGGLOMERATIVE {
        agglomerate(faces)
    } else {
        nearest_group(faces)
    };
    renumber(&labels)
}

/// Average linkage: repeatedly merges the two groups whose faces, on average, give the most
/// evidence of being one person, while that evidence is positive.
fn agglomerate(faces: &[FaceEmbedding]) -> Vec<usize> {
    let n = faces.len();
    // sums[a][b]: total evidence between the faces of groups a and b.
    let mut sums = vec![vec![0.0f32; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let e = evidence(&faces[i], &faces[j]);
            sums[i][j] = e;
            sums[j][i] = e;
        }
    }
    let mut sizes = vec![1usize; n];
    let mut alive = vec![true; n];
    let mut label: Vec<usize> = (0..n).collect();
    loop {
        let mut best: Option<(f32, usize, usize)> = None;
        for a in (0..n).filter(|&a| alive[a]) {
            for b in (a + 1..n).filter(|&b| alive[b]) {
                let average = sums[a][b] / (sizes[a] * sizes[b]) as f32;
                if average > 0.0 && best.is_none_or(|(s, _, _)| average > s) {
                    best = Some((average, a, b));
                }
            }
        }
        let Some((_, a, b)) = best else { break };
        let merged: Vec<f32> = sums[a].iter().zip(&sums[b]).map(|(p, q)| p + q).collect();
        for (x, value) in merged.into_iter().enumerate() {
            sums[a][x] = value;
            sums[x][a] = value;
        }
        sizes[a] += sizes[b];
        alive[b] = false;
        for l in label.iter_mut().filter(|l| **l == b) {
            *l = a;
        }
    }
    label
}

/// For very many faces: each face joins the group whose members give the most positive average
/// evidence (compared with at most 64 members per group), or starts a new group.
fn nearest_group(faces: &[FaceEmbedding]) -> Vec<usize> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut label = vec![0; faces.len()];
    for (i, face) in faces.iter().enumerate() {
        let best = groups
            .iter()
            .enumerate()
            .map(|(g, members)| {
                let sample = &members[..members.len().min(64)];
                let total: f32 = sample.iter().map(|&m| evidence(face, &faces[m])).sum();
                (total / sample.len() as f32, g)
            })
            .filter(|(e, _)| *e > 0.0)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        match best {
            Some((_, g)) => {
                groups[g].push(i);
                label[i] = g;
            }
            None => {
                label[i] = groups.len();
                groups.push(vec![i]);
            }
        }
    }
    label
}

fn renumber(labels: &[usize]) -> Vec<usize> {
    let mut seen: Vec<usize> = Vec::new();
    labels
        .iter()
        .map(|l| match seen.iter().position(|s| s == l) {
            Some(p) => p,
            None => {
                seen.push(*l);
                seen.len() - 1
            }
        })
        .collect()
}

/// Pairwise quality of a grouping against the truth: precision (of the pairs put together, the
/// share that are one person) and recall (of the pairs that are one person, the share put
/// together).
pub fn pairwise_quality(groups: &[usize], truth: &[usize]) -> (f64, f64) {
    let (mut together, mut correct, mut same) = (0u64, 0u64, 0u64);
    for i in 0..groups.len() {
        for j in i + 1..groups.len() {
            let g = groups[i] == groups[j];
            let t = truth[i] == truth[j];
            together += u64::from(g);
            same += u64::from(t);
            correct += u64::from(g && t);
        }
    }
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    (ratio(correct, together), ratio(correct, same))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protect::networks::unit;

    fn person(seed: f32, noise: f32) -> FaceEmbedding {
        let v = |dim: usize, k: f32| {
            unit(
                (0..dim)
                    .map(|i| (i as f32 * seed).sin() + noise * (i as f32 * k).cos())
                    .collect(),
            )
        };
        FaceEmbedding {
            dlib: v(128, 3.1),
            mobileface: v(256, 1.7),
        }
    }

    #[test]
    fn groups_near_vectors_and_scores_pairs() {
        let faces = vec![
            person(0.37, 0.0),
            person(1.91, 0.0),
            person(0.37, 0.1),
            person(1.91, 0.1),
            person(2.9, 0.0),
        ];
        let groups = group_faces(&faces);
        assert_eq!(groups, vec![0, 1, 0, 1, 2]);
        assert_eq!(pairwise_quality(&groups, &[0, 1, 0, 1, 2]), (1.0, 1.0));
        assert_eq!(pairwise_quality(&[0, 0, 0], &[0, 0, 1]), (1.0 / 3.0, 1.0));
        assert_eq!(nearest_group(&faces), vec![0, 1, 0, 1, 2]);
    }
}
