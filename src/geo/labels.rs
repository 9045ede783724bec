//! Marker sizes and label placement.
//!
//! Labels are placed greedily in priority order: each tries a few positions
//! around its marker and takes the first that overlaps no label already
//! placed and no other marker; a label with no free position is left out
//! (its marker still has its tooltip and accessible name). A uniform grid
//! keeps each test local, so 500 markers place in well under a millisecond in
//! release builds.

use std::collections::HashMap;

use super::Rect;

/// Marker radius in pixels for a place mentioned `count` times: the area grows
/// with the count (radius with its square root), between 4 and 18 px so one
/// mention is still visible and fifty do not cover a region.
///
/// ```
/// use news_atlas::geo::marker_radius;
/// assert_eq!(marker_radius(1), 4.0);
/// assert_eq!(marker_radius(4), 8.0);
/// assert_eq!(marker_radius(500), 18.0);
/// ```
pub fn marker_radius(count: usize) -> f64 {
    (4.0 * (count.max(1) as f64).sqrt()).min(18.0)
}

/// A label to place next to its marker, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    /// Marker centre.
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    /// Text box size.
    pub width: f64,
    pub height: f64,
    /// Higher is placed first (e.g. selected, then by mention count).
    pub priority: f64,
}

/// Where a label sits relative to its marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelAnchor {
    Right,
    Left,
    Above,
    Below,
    AboveRight,
    BelowRight,
    AboveLeft,
    BelowLeft,
}

impl LabelAnchor {
    /// Tried in this order: beside the marker reads best, then above/below,
    /// then the diagonals.
    pub const ALL: [LabelAnchor; 8] = [
        LabelAnchor::Right,
        LabelAnchor::Left,
        LabelAnchor::Above,
        LabelAnchor::Below,
        LabelAnchor::AboveRight,
        LabelAnchor::BelowRight,
        LabelAnchor::AboveLeft,
        LabelAnchor::BelowLeft,
    ];

    /// The SVG `text-anchor` for a label at [`Label::x`].
    pub fn text_anchor(self) -> &'static str {
        match self {
            LabelAnchor::Right | LabelAnchor::AboveRight | LabelAnchor::BelowRight => "start",
            LabelAnchor::Left | LabelAnchor::AboveLeft | LabelAnchor::BelowLeft => "end",
            LabelAnchor::Above | LabelAnchor::Below => "middle",
        }
    }
}

/// A placed label: text anchored at `(x, y)` (`y` is the text's vertical
/// middle) with [`LabelAnchor::text_anchor`]; `bbox` is the box it occupies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label {
    /// Index into the requests.
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub anchor: LabelAnchor,
    pub bbox: Rect,
}

/// Gap between a marker's edge and its label, in pixels.
const GAP: f64 = 3.0;
const CELL: f64 = 48.0;

/// Places labels without overlaps; see the module docs. Labels are returned
/// in placement order; `bounds` (if any) must contain every placed label, and
/// no label covers any of `obstacles` (map controls, say).
///
/// ```
/// use news_atlas::geo::{place_labels, LabelRequest};
/// let req = |x, priority| LabelRequest { x, y: 50.0, radius: 5.0, width: 60.0, height: 14.0, priority };
/// let labels = place_labels(&[req(50.0, 2.0), req(60.0, 1.0)], None, &[]);
/// // Beside each other: the first label goes left so it does not cover the
/// // second marker, which keeps its right side.
/// assert_eq!(labels.len(), 2);
/// assert!(labels[0].bbox.x1 <= 50.0 && labels[1].bbox.x0 >= 60.0);
/// ```
pub fn place_labels(reqs: &[LabelRequest], bounds: Option<Rect>, obstacles: &[Rect]) -> Vec<Label> {
    let mut grid = Grid::default();
    for o in obstacles {
        grid.insert(*o, None);
    }
    // Markers are obstacles for every label but their own.
    for (i, r) in reqs.iter().enumerate() {
        if r.x.is_finite() && r.y.is_finite() {
            let rad = r.radius.max(0.0);
            grid.insert(
                Rect::new(r.x - rad, r.y - rad, r.x + rad, r.y + rad),
                Some(i),
            );
        }
    }
    let mut order: Vec<usize> = (0..reqs.len()).collect();
    order.sort_by(|&a, &b| {
        reqs[b]
            .priority
            .total_cmp(&reqs[a].priority)
            .then(a.cmp(&b))
    });

    let mut placed = Vec::new();
    for i in order {
        let r = reqs[i];
        if !(r.x.is_finite() && r.y.is_finite() && r.width > 0.0 && r.height > 0.0) {
            continue;
        }
        for anchor in LabelAnchor::ALL {
            let label = candidate(i, &r, anchor);
            if bounds.is_some_and(|b| !b.contains(&label.bbox)) {
                continue;
            }
            if grid.is_free(&label.bbox, i) {
                grid.insert(label.bbox, None);
                placed.push(label);
                break;
            }
        }
    }
    placed
}

fn candidate(index: usize, r: &LabelRequest, anchor: LabelAnchor) -> Label {
    let (w, h, d) = (r.width, r.height, r.radius.max(0.0) + GAP);
    // Diagonal positions sit off the marker's corner, closer than d on each axis.
    let dd = d * std::f64::consts::FRAC_1_SQRT_2;
    let (x, y) = match anchor {
        LabelAnchor::Right => (r.x + d, r.y),
        LabelAnchor::Left => (r.x - d, r.y),
        LabelAnchor::Above => (r.x, r.y - d - h / 2.0),
        LabelAnchor::Below => (r.x, r.y + d + h / 2.0),
        LabelAnchor::AboveRight => (r.x + dd, r.y - dd - h / 2.0),
        LabelAnchor::BelowRight => (r.x + dd, r.y + dd + h / 2.0),
        LabelAnchor::AboveLeft => (r.x - dd, r.y - dd - h / 2.0),
        LabelAnchor::BelowLeft => (r.x - dd, r.y + dd + h / 2.0),
    };
    let x0 = match anchor.text_anchor() {
        "start" => x,
        "end" => x - w,
        _ => x - w / 2.0,
    };
    Label {
        index,
        x,
        y,
        anchor,
        bbox: Rect::new(x0, y - h / 2.0, x0 + w, y + h / 2.0),
    }
}

/// Boxes bucketed by the grid cells they touch.
#[derive(Default)]
struct Grid {
    boxes: Vec<(Rect, Option<usize>)>,
    cells: HashMap<(i64, i64), Vec<u32>>,
}

impl Grid {
    fn cells_of(r: &Rect) -> impl Iterator<Item = (i64, i64)> {
        let c = |v: f64| (v / CELL).floor() as i64;
        let (cx0, cy0, cx1, cy1) = (c(r.x0), c(r.y0), c(r.x1), c(r.y1));
        (cx0..=cx1).flat_map(move |x| (cy0..=cy1).map(move |y| (x, y)))
    }

    fn insert(&mut self, r: Rect, marker: Option<usize>) {
        let id = self.boxes.len() as u32;
        self.boxes.push((r, marker));
        for cell in Grid::cells_of(&r) {
            self.cells.entry(cell).or_default().push(id);
        }
    }

    /// No box overlaps `r`, other than the marker `own`.
    fn is_free(&self, r: &Rect, own: usize) -> bool {
        Grid::cells_of(r).all(|cell| {
            self.cells.get(&cell).is_none_or(|ids| {
                ids.iter().all(|&id| {
                    let (b, marker) = &self.boxes[id as usize];
                    *marker == Some(own) || !overlaps(b, r)
                })
            })
        })
    }
}

/// Strict overlap: boxes that only touch do not pile on each other.
fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(x: f64, y: f64, priority: f64) -> LabelRequest {
        LabelRequest {
            x,
            y,
            radius: 6.0,
            width: 70.0,
            height: 14.0,
            priority,
        }
    }

    /// A small deterministic generator so the tests need no crate.
    fn lcg(seed: &mut u64) -> f64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 11) as f64 / (1u64 << 53) as f64
    }

    fn assert_no_overlaps(reqs: &[LabelRequest], labels: &[Label]) {
        for (k, a) in labels.iter().enumerate() {
            for b in &labels[k + 1..] {
                assert!(!overlaps(&a.bbox, &b.bbox), "{a:?} overlaps {b:?}");
            }
            for (i, r) in reqs.iter().enumerate() {
                let m = Rect::new(
                    r.x - r.radius,
                    r.y - r.radius,
                    r.x + r.radius,
                    r.y + r.radius,
                );
                assert!(
                    i == a.index || !overlaps(&a.bbox, &m),
                    "{a:?} covers marker {i}"
                );
            }
        }
    }

    #[test]
    fn isolated_labels_go_to_the_right() {
        let reqs = [req(0.0, 0.0, 1.0), req(500.0, 0.0, 1.0)];
        let labels = place_labels(&reqs, None, &[]);
        assert_eq!(labels.len(), 2);
        assert!(labels.iter().all(|l| l.anchor == LabelAnchor::Right));
        assert_eq!(labels[0].x, 9.0);
        assert_eq!(labels[0].bbox, Rect::new(9.0, -7.0, 79.0, 7.0));
    }

    #[test]
    fn neighbours_take_other_sides() {
        // Two markers side by side: the first label would cover the second
        // marker on the right, so it goes left and leaves the right to it.
        let reqs = [req(100.0, 100.0, 2.0), req(140.0, 100.0, 1.0)];
        let labels = place_labels(&reqs, None, &[]);
        assert_eq!(labels.len(), 2);
        assert_eq!((labels[0].index, labels[0].anchor), (0, LabelAnchor::Left));
        assert_eq!((labels[1].index, labels[1].anchor), (1, LabelAnchor::Right));
        assert_no_overlaps(&reqs, &labels);
    }

    #[test]
    fn priority_wins_a_crowded_spot() {
        let reqs = [req(100.0, 100.0, 1.0), req(101.0, 101.0, 5.0)];
        let labels = place_labels(&reqs, None, &[]);
        assert_eq!(labels[0].index, 1, "the higher priority is placed first");
    }

    #[test]
    fn labels_stay_within_bounds() {
        let bounds = Rect::new(0.0, 0.0, 200.0, 200.0);
        let reqs = [req(190.0, 100.0, 1.0), req(100.0, 5.0, 1.0)];
        let labels = place_labels(&reqs, Some(bounds), &[]);
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[0].anchor, LabelAnchor::Left);
        assert!(labels.iter().all(|l| bounds.contains(&l.bbox)));
    }

    #[test]
    fn five_hundred_markers_never_pile_up() {
        let mut seed = 7;
        let reqs: Vec<LabelRequest> = (0..500)
            .map(|i| {
                let mut r = req(
                    lcg(&mut seed) * 1200.0,
                    lcg(&mut seed) * 800.0,
                    (i % 17) as f64,
                );
                r.radius = marker_radius(1 + i % 20);
                r.width = 30.0 + lcg(&mut seed) * 90.0;
                r
            })
            .collect();
        let start = std::time::Instant::now();
        let labels = place_labels(&reqs, None, &[]);
        let took = start.elapsed();
        assert!(!labels.is_empty());
        assert_no_overlaps(&reqs, &labels);
        // Generous for unoptimised test builds; release is far faster.
        assert!(took.as_millis() < 250, "{took:?}");
    }

    /// (what, markers as (x, y, priority), the indices that must be
    /// labelled, the index placed first, the indices left without a label)
    type Crowd = (
        &'static str,
        &'static [(f64, f64, f64)],
        &'static [usize],
        usize,
        &'static [usize],
    );

    // Bounds 600 x 600; labels 70 x 14. Around one spot only four labels
    // fit (right, left, above, below; the diagonals overlap them).
    const SPOT: (f64, f64) = (300.0, 300.0);
    const CROWDS: &[Crowd] = &[
        ("lone marker", &[(100.0, 100.0, 1.0)], &[0], 0, &[]),
        (
            "same spot: the most mentioned first",
            &[(100.0, 100.0, 1.0), (100.0, 100.0, 9.0)],
            &[0, 1],
            1,
            &[],
        ),
        (
            "same spot, three",
            &[
                (100.0, 100.0, 2.0),
                (100.0, 100.0, 7.0),
                (100.0, 100.0, 3.0),
            ],
            &[0, 1, 2],
            1,
            &[],
        ),
        (
            "stacked close",
            &[
                (100.0, 100.0, 1.0),
                (100.0, 104.0, 5.0),
                (100.0, 108.0, 3.0),
            ],
            &[1],
            1,
            &[],
        ),
        (
            "ties go to the earlier",
            &[(100.0, 100.0, 4.0), (100.0, 100.0, 4.0)],
            &[0, 1],
            0,
            &[],
        ),
        (
            "a row: all fit",
            &[
                (100.0, 100.0, 1.0),
                (180.0, 100.0, 2.0),
                (260.0, 100.0, 3.0),
            ],
            &[0, 1, 2],
            2,
            &[],
        ),
        (
            "far apart: everyone",
            &[
                (50.0, 50.0, 1.0),
                (400.0, 50.0, 1.0),
                (50.0, 400.0, 1.0),
                (400.0, 400.0, 1.0),
            ],
            &[0, 1, 2, 3],
            0,
            &[],
        ),
        (
            "selected beats mentions",
            &[(100.0, 100.0, 50.0), (100.0, 100.0, 1e9)],
            &[1],
            1,
            &[],
        ),
        (
            "negative priorities (context) come last",
            &[(100.0, 100.0, -1.0), (100.0, 100.0, 1.0)],
            &[1],
            1,
            &[],
        ),
        (
            "off-bounds marker gets none",
            &[(-50.0, 100.0, 9.0), (100.0, 100.0, 1.0)],
            &[1],
            1,
            &[0],
        ),
        (
            "nine on one spot: the four most mentioned win",
            &[
                (SPOT.0, SPOT.1, 5.0),
                (SPOT.0, SPOT.1, 9.0),
                (SPOT.0, SPOT.1, 0.5),
                (SPOT.0, SPOT.1, 8.0),
                (SPOT.0, SPOT.1, 7.0),
                (SPOT.0, SPOT.1, 6.0),
                (SPOT.0, SPOT.1, 4.0),
                (SPOT.0, SPOT.1, 3.0),
                (SPOT.0, SPOT.1, 2.0),
            ],
            &[1, 3, 4, 5],
            1,
            &[0, 6, 7, 8, 2],
        ),
    ];

    #[test]
    fn most_mentioned_places_win_labels_table() {
        let bounds = Rect::new(0.0, 0.0, 600.0, 600.0);
        for &(what, markers, yes, first, no) in CROWDS {
            let reqs: Vec<LabelRequest> = markers.iter().map(|&(x, y, p)| req(x, y, p)).collect();
            let labels = place_labels(&reqs, Some(bounds), &[]);
            let got: Vec<usize> = labels.iter().map(|l| l.index).collect();
            for i in yes {
                assert!(got.contains(i), "{what}: {i} labelled, got {got:?}");
            }
            for i in no {
                assert!(!got.contains(i), "{what}: {i} not labelled, got {got:?}");
            }
            assert_eq!(got.first(), Some(&first), "{what}: placed first");
            assert_no_overlaps(&reqs, &labels);
            assert!(labels.iter().all(|l| bounds.contains(&l.bbox)), "{what}");
        }
    }

    #[test]
    fn labels_avoid_obstacles() {
        let reqs = [req(100.0, 100.0, 1.0)];
        let controls = Rect::new(105.0, 80.0, 150.0, 120.0);
        let labels = place_labels(&reqs, None, &[controls]);
        assert_eq!(labels[0].anchor, LabelAnchor::Left);
    }

    #[test]
    fn bad_input_places_nothing_and_does_not_panic() {
        let mut r = req(f64::NAN, 0.0, 1.0);
        assert!(place_labels(&[r], None, &[]).is_empty());
        r = req(0.0, 0.0, f64::NAN);
        r.width = 0.0;
        assert!(place_labels(&[r], None, &[]).is_empty());
        assert!(place_labels(&[], None, &[]).is_empty());
    }
}
