//! Nearby markers grouped into one counted marker at low zoom.
//!
//! Greedy by priority: the most mentioned point not yet taken starts a
//! cluster and takes every free point within the radius of it; so a cluster
//! sits on its most mentioned place and never chains across a region. A grid
//! of radius-sized cells keeps each search local.
//!
//! Clusters are made for a zoom *level* ([`cluster_level`]), half powers of
//! two of the scale, not for the exact scale: they change a few times while
//! zooming and never while panning.

use std::collections::HashMap;

use super::view::MAX_SCALE;
use super::Point;

/// A group of points, `members[0]` the one it started from.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Indices into the input, the seed first, then by input order.
    pub members: Vec<usize>,
    /// Where it is drawn: the seed's point.
    pub p: Point,
}

/// The zoom level for `scale` (pixels per world unit): two levels per
/// doubling; `None` at the closest zooms, where nothing clusters.
///
/// ```
/// use news_atlas::geo::cluster_level;
/// assert_eq!(cluster_level(1.0), Some(0));
/// assert_eq!(cluster_level(2.0), Some(2));
/// assert_eq!(cluster_level(1.5), Some(1));
/// assert_eq!(cluster_level(1600.0), None);
/// ```
pub fn cluster_level(scale: f64) -> Option<i32> {
    if !scale.is_finite() || scale <= 0.0 || scale >= MAX_SCALE / 2.0 {
        return None;
    }
    Some((scale.log2() * 2.0 + 1e-9).floor() as i32)
}

/// The scale a level stands for (its lowest).
pub fn level_scale(level: i32) -> f64 {
    2f64.powf(level as f64 / 2.0)
}

/// Groups `points` so that no two clusters' seeds are closer than `radius`
/// (world units). `priority` orders the seeds (higher first, ties by
/// index); points with `free[i] == false` (the selected place, say) are
/// never grouped. Every point is in exactly one cluster; single points are
/// clusters of one.
///
/// ```
/// use news_atlas::geo::{cluster, Point};
/// let pts = [Point::new(0.0, 0.0), Point::new(1.0, 0.0), Point::new(50.0, 0.0)];
/// let c = cluster(&pts, &[1.0, 5.0, 1.0], &[true; 3], 3.0);
/// assert_eq!(c.len(), 2);
/// assert_eq!(c[0].members, vec![1, 0]);
/// ```
pub fn cluster(points: &[Point], priority: &[f64], free: &[bool], radius: f64) -> Vec<Cluster> {
    let n = points.len();
    let mut order: Vec<usize> = (0..n).collect();
    let pri = |i: usize| priority.get(i).copied().unwrap_or(0.0);
    order.sort_by(|&a, &b| pri(b).total_cmp(&pri(a)).then(a.cmp(&b)));
    let ok = |p: &Point| p.x.is_finite() && p.y.is_finite();
    let radius = if radius.is_finite() {
        radius.max(0.0)
    } else {
        0.0
    };
    let cell = |p: &Point| {
        if radius > 0.0 {
            ((p.x / radius).floor() as i64, (p.y / radius).floor() as i64)
        } else {
            (0, 0)
        }
    };
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    if radius > 0.0 {
        for (i, p) in points.iter().enumerate() {
            if ok(p) && free.get(i).copied().unwrap_or(true) {
                grid.entry(cell(p)).or_default().push(i);
            }
        }
    }
    let mut taken = vec![false; n];
    let mut out = Vec::new();
    for i in order {
        if taken[i] {
            continue;
        }
        taken[i] = true;
        let p = points[i];
        let mut members = vec![i];
        if ok(&p) && free.get(i).copied().unwrap_or(true) && radius > 0.0 {
            let (cx, cy) = cell(&p);
            let mut near = Vec::new();
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    for &j in grid.get(&(gx, gy)).map_or(&[][..], |v| v) {
                        let q = points[j];
                        if !taken[j] && (q.x - p.x).hypot(q.y - p.y) <= radius {
                            near.push(j);
                        }
                    }
                }
            }
            near.sort_unstable();
            for j in near {
                taken[j] = true;
                members.push(j);
            }
        }
        out.push(Cluster { members, p });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(pts: &[(f64, f64)], pri: &[f64], radius: f64) -> Vec<Vec<usize>> {
        let pts: Vec<Point> = pts.iter().map(|&(x, y)| Point::new(x, y)).collect();
        let free = vec![true; pts.len()];
        let mut c: Vec<Vec<usize>> = cluster(&pts, pri, &free, radius)
            .into_iter()
            .map(|mut c| {
                c.members.sort();
                c.members
            })
            .collect();
        c.sort();
        c
    }

    /// (what, points, priorities, radius, expected clusters sorted)
    type Case = (
        &'static str,
        &'static [(f64, f64)],
        &'static [f64],
        f64,
        &'static [&'static [usize]],
    );

    const CASES: &[Case] = &[
        (
            "far apart stay single",
            &[(0.0, 0.0), (10.0, 0.0)],
            &[1.0, 1.0],
            3.0,
            &[&[0], &[1]],
        ),
        (
            "close pair merges",
            &[(0.0, 0.0), (2.0, 0.0)],
            &[1.0, 1.0],
            3.0,
            &[&[0, 1]],
        ),
        (
            "exactly at the radius merges",
            &[(0.0, 0.0), (3.0, 0.0)],
            &[1.0, 1.0],
            3.0,
            &[&[0, 1]],
        ),
        (
            "three in a row, seed in the middle",
            &[(0.0, 0.0), (2.5, 0.0), (5.0, 0.0)],
            &[1.0, 9.0, 1.0],
            3.0,
            &[&[0, 1, 2]],
        ),
        // Seed at one end: the far end is 5 away, so it starts its own.
        (
            "no chaining",
            &[(0.0, 0.0), (2.5, 0.0), (5.0, 0.0)],
            &[9.0, 1.0, 1.0],
            3.0,
            &[&[0, 1], &[2]],
        ),
        (
            "diagonal neighbour cell",
            &[(2.9, 2.9), (3.1, 3.1)],
            &[1.0, 1.0],
            3.0,
            &[&[0, 1]],
        ),
        (
            "zero radius groups nothing",
            &[(0.0, 0.0), (0.0, 0.0)],
            &[1.0, 1.0],
            0.0,
            &[&[0], &[1]],
        ),
        (
            "same spot merges",
            &[(5.0, 5.0), (5.0, 5.0), (5.0, 5.0)],
            &[1.0, 1.0, 1.0],
            1.0,
            &[&[0, 1, 2]],
        ),
        (
            "negative coordinates",
            &[(-1.0, -1.0), (-2.0, -1.5)],
            &[1.0, 2.0],
            3.0,
            &[&[0, 1]],
        ),
        (
            "nan point stays alone",
            &[(f64::NAN, 0.0), (0.0, 0.0)],
            &[5.0, 1.0],
            3.0,
            &[&[0], &[1]],
        ),
        ("empty input", &[], &[], 3.0, &[]),
        (
            "two groups",
            &[(0.0, 0.0), (1.0, 0.0), (100.0, 0.0), (101.0, 1.0)],
            &[1.0, 2.0, 3.0, 1.0],
            3.0,
            &[&[0, 1], &[2, 3]],
        ),
    ];

    #[test]
    fn clusters_table() {
        for &(what, pts, pri, radius, want) in CASES {
            let want: Vec<Vec<usize>> = want.iter().map(|m| m.to_vec()).collect();
            assert_eq!(run(pts, pri, radius), want, "{what}");
        }
    }

    #[test]
    fn seed_comes_first_and_places_the_cluster() {
        let pts = [
            Point::new(0.0, 0.0),
            Point::new(1.0, 0.0),
            Point::new(2.0, 0.0),
        ];
        let c = cluster(&pts, &[1.0, 1.0, 7.0], &[true; 3], 3.0);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].members, vec![2, 0, 1]);
        assert_eq!(c[0].p, pts[2]);
    }

    #[test]
    fn pinned_points_are_never_grouped() {
        let pts = [
            Point::new(0.0, 0.0),
            Point::new(1.0, 0.0),
            Point::new(2.0, 0.0),
        ];
        // Point 1 (selected, say) stays alone even though it is the highest.
        let c = cluster(&pts, &[1.0, 9.0, 1.0], &[true, false, true], 3.0);
        let mut m: Vec<Vec<usize>> = c.into_iter().map(|c| c.members).collect();
        m.sort();
        assert_eq!(m, vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn every_point_in_exactly_one_cluster() {
        let mut seed = 11u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let pts: Vec<Point> = (0..500)
            .map(|_| Point::new(next() * 300.0, next() * 200.0))
            .collect();
        let pri: Vec<f64> = (0..500).map(|i| (i % 13) as f64).collect();
        let c = cluster(&pts, &pri, &vec![true; 500], 8.0);
        let mut seen = vec![0; 500];
        for cl in &c {
            for &m in &cl.members {
                seen[m] += 1;
                let q = pts[m];
                assert!((q.x - cl.p.x).hypot(q.y - cl.p.y) <= 8.0);
            }
        }
        assert!(seen.iter().all(|&s| s == 1));
        assert!(c.len() < 500, "some points group");
    }

    #[test]
    fn levels_step_by_half_doublings() {
        let table = [
            (0.5, Some(-2)),
            (0.71, Some(-1)),
            (1.0, Some(0)),
            (1.41, Some(0)),
            (1.42, Some(1)),
            (4.0, Some(4)),
            (799.0, Some(19)),
            (800.0, None),
            (0.0, None),
            (f64::NAN, None),
        ];
        for (scale, want) in table {
            assert_eq!(cluster_level(scale), want, "{scale}");
        }
        assert!((level_scale(3) - 2f64.powf(1.5)).abs() < 1e-12);
    }
}
