//! Places outside the view, signalled at its edge: where along the edge,
//! which way they lie and a compass word for it. The first view fits where
//! things happen (a country's centroid is left out of the fit), so this is
//! how "Russia, 9 mentions" still shows on a map of Donbas towns. Pure
//! geometry in screen pixels, tested natively; the map draws the result.

use super::{Point, Rect, View, Viewport};

/// One signal: a point at the viewport's edge (pixels), the unit direction
/// from the view's centre towards the place, and that direction in words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EdgeSignal {
    /// The caller's index of the place.
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub dx: f64,
    pub dy: f64,
    pub compass: &'static str,
}

/// Eight compass words, clockwise from north (screen up).
const COMPASS: [&str; 8] = [
    "north",
    "north-east",
    "east",
    "south-east",
    "south",
    "south-west",
    "west",
    "north-west",
];

/// The compass word for a screen direction (y grows downwards).
pub fn compass(dx: f64, dy: f64) -> &'static str {
    // Angle clockwise from screen-up, in eighths of a turn.
    let turn = dx.atan2(-dy) / std::f64::consts::TAU;
    let eighth = (turn * 8.0).round().rem_euclid(8.0) as usize;
    COMPASS[eighth.min(7)]
}

/// Signals for the `points` (caller's index, world point) that lie outside
/// the view, in the order given (put the most important first): each sits
/// `inset` pixels inside the edge where the line from the centre to the
/// place leaves the view. A signal inside `keep_out` (pixels: the zoom
/// buttons' corner) slides along its edge out of it; one closer than
/// `spacing` pixels to an earlier one is moved along the edge, or dropped
/// when no room is left.
///
/// ```
/// use news_atlas::geo::{edges::edge_signals, project, View, Viewport};
/// let vp = Viewport::new(600.0, 400.0);
/// let view = View::fit(&[project(37.0, 48.0)], vp, 30.0);
/// let far_north = project(37.0, 64.0);
/// let s = edge_signals(&[(7, far_north)], view, vp, 20.0, 24.0, None);
/// assert_eq!((s[0].index, s[0].compass), (7, "north"));
/// assert!((s[0].y - 20.0).abs() < 1e-6);
/// ```
pub fn edge_signals(
    points: &[(usize, Point)],
    view: View,
    vp: Viewport,
    inset: f64,
    spacing: f64,
    keep_out: Option<Rect>,
) -> Vec<EdgeSignal> {
    let (hw, hh) = (vp.width / 2.0, vp.height / 2.0);
    let (ix, iy) = ((hw - inset).max(0.0), (hh - inset).max(0.0));
    let mut out: Vec<EdgeSignal> = Vec::new();
    for &(index, p) in points {
        let (sx, sy) = view.to_screen(p, vp);
        let inside = (0.0..=vp.width).contains(&sx) && (0.0..=vp.height).contains(&sy);
        let (vx, vy) = (sx - hw, sy - hh);
        let len = vx.hypot(vy);
        if inside || !len.is_finite() || len == 0.0 {
            continue;
        }
        let (dx, dy) = (vx / len, vy / len);
        // Where the ray leaves the inset rectangle.
        let t = [(ix, dx), (iy, dy)]
            .into_iter()
            .filter(|(_, d)| d.abs() > 1e-12)
            .map(|(half, d)| half / d.abs())
            .fold(f64::INFINITY, f64::min);
        let (x, y) = (hw + dx * t, hh + dy * t);
        let bounds = (ix, iy, hw, hh);
        let (x, y) = match keep_out {
            Some(k) => out_of(k, x, y, bounds, inset),
            None => (x, y),
        };
        let spot = free_spot(&out, x, y, bounds, spacing)
            .filter(|&(x, y)| keep_out.is_none_or(|k| !k.contains_point(Point::new(x, y))));
        if let Some((x, y)) = spot {
            out.push(EdgeSignal {
                index,
                x,
                y,
                dx,
                dy,
                compass: compass(dx, dy),
            });
        }
    }
    out
}

/// `(x, y)` moved along its edge past the nearer side of `k` if inside it.
fn out_of(
    k: Rect,
    x: f64,
    y: f64,
    (ix, iy, hw, hh): (f64, f64, f64, f64),
    inset: f64,
) -> (f64, f64) {
    if !k.contains_point(Point::new(x, y)) {
        return (x, y);
    }
    let vertical_edge = ((x - hw).abs() - ix).abs() < 1e-6;
    // Past the nearer side of `k` that still lies on the edge.
    let past = |v: f64, lo: f64, hi: f64, min: f64, max: f64| {
        let mut sides = [lo - inset, hi + inset];
        sides.sort_by(|a, b| (a - v).abs().total_cmp(&(b - v).abs()));
        sides
            .into_iter()
            .find(|s| (min..=max).contains(s))
            .unwrap_or(v)
    };
    if vertical_edge {
        (x, past(y, k.y0, k.y1, hh - iy, hh + iy))
    } else {
        (past(x, k.x0, k.x1, hw - ix, hw + ix), y)
    }
}

/// `(x, y)` or a spot along the same edge at most three steps away that is
/// `spacing` from every placed signal.
fn free_spot(
    placed: &[EdgeSignal],
    x: f64,
    y: f64,
    (ix, iy, hw, hh): (f64, f64, f64, f64),
    spacing: f64,
) -> Option<(f64, f64)> {
    // On a left or right edge the signal slides vertically, else sideways.
    let vertical_edge = ((x - hw).abs() - ix).abs() < 1e-6;
    let clear = |x: f64, y: f64| {
        placed
            .iter()
            .all(|s| (s.x - x).abs() >= spacing || (s.y - y).abs() >= spacing)
    };
    for step in [0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0] {
        let (cx, cy) = if vertical_edge {
            (x, (y + step * spacing).clamp(hh - iy, hh + iy))
        } else {
            ((x + step * spacing).clamp(hw - ix, hw + ix), y)
        };
        if clear(cx, cy) {
            return Some((cx, cy));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::project;
    use super::*;

    const VP: Viewport = Viewport {
        width: 800.0,
        height: 500.0,
    };

    fn donbas() -> View {
        View::fit(&[project(37.2, 48.3), project(38.0, 48.6)], VP, 30.0)
    }

    #[test]
    fn compass_words_follow_the_screen() {
        let cases = [
            ((0.0, -1.0), "north"),
            ((1.0, -1.0), "north-east"),
            ((1.0, 0.0), "east"),
            ((1.0, 1.0), "south-east"),
            ((0.0, 1.0), "south"),
            ((-1.0, 1.0), "south-west"),
            ((-1.0, 0.0), "west"),
            ((-1.0, -1.0), "north-west"),
            ((0.2, -1.0), "north"),
            ((-1.0, -0.2), "west"),
        ];
        for ((dx, dy), word) in cases {
            assert_eq!(compass(dx, dy), word, "{dx},{dy}");
        }
    }

    #[test]
    fn places_in_view_get_no_signal_and_far_ones_sit_on_the_edge() {
        let view = donbas();
        let points = [
            (0, project(37.5, 48.4)),  // inside
            (1, project(100.0, 60.0)), // Siberia: east, a bit north
            (2, project(-77.0, 38.9)), // Washington: west
            (3, project(37.5, 20.0)),  // south
        ];
        let signals = edge_signals(&points, view, VP, 20.0, 24.0, None);
        let got: Vec<(usize, &str)> = signals.iter().map(|s| (s.index, s.compass)).collect();
        assert_eq!(got, vec![(1, "east"), (2, "west"), (3, "south")]);
        for s in &signals {
            let on_edge = (s.x - 20.0).abs() < 1e-6
                || (s.x - 780.0).abs() < 1e-6
                || (s.y - 20.0).abs() < 1e-6
                || (s.y - 480.0).abs() < 1e-6;
            assert!(on_edge, "{s:?}");
            assert!((s.dx.hypot(s.dy) - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn crowded_signals_move_apart_or_drop() {
        let view = donbas();
        // Ten places in nearly one direction.
        let points: Vec<(usize, Point)> = (0..10)
            .map(|i| (i, project(90.0 + f64::from(i as u32) * 0.01, 50.0)))
            .collect();
        let signals = edge_signals(&points, view, VP, 20.0, 24.0, None);
        assert!(signals.len() >= 3 && signals.len() < 10, "{signals:?}");
        for (i, a) in signals.iter().enumerate() {
            for b in &signals[i + 1..] {
                assert!((a.x - b.x).abs() >= 24.0 || (a.y - b.y).abs() >= 24.0);
            }
            assert!((20.0..=480.0).contains(&a.y));
        }
    }

    #[test]
    fn signals_keep_clear_of_the_buttons() {
        let view = donbas();
        let buttons = Rect::new(600.0, 0.0, 800.0, 160.0);
        // North-east, where the line leaves through the buttons' corner.
        let points = [(0, project(70.0, 62.0)), (1, project(48.0, 75.0))];
        let plain = edge_signals(&points, view, VP, 20.0, 24.0, None);
        assert!(
            plain
                .iter()
                .any(|s| buttons.contains_point(Point::new(s.x, s.y))),
            "{plain:?}"
        );
        let clear = edge_signals(&points, view, VP, 20.0, 24.0, Some(buttons));
        assert_eq!(clear.len(), 2);
        for s in &clear {
            assert!(!buttons.contains_point(Point::new(s.x, s.y)), "{s:?}");
        }
    }

    #[test]
    fn odd_input_is_safe() {
        let view = donbas();
        let nan = Point::new(f64::NAN, f64::NAN);
        assert!(edge_signals(&[(0, nan)], view, VP, 20.0, 24.0, None).is_empty());
        let tiny = Viewport::new(1.0, 1.0);
        let s = edge_signals(&[(0, project(100.0, 60.0))], view, tiny, 20.0, 24.0, None);
        assert!(s.iter().all(|s| s.x.is_finite() && s.y.is_finite()));
    }
}
