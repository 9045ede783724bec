//! The visible part of the map: a centre in world units and a scale in screen
//! pixels per world unit. Fitting, zooming about a point, panning and clamping
//! are pure functions of a [`View`] and the [`Viewport`] size.

use super::{Point, Rect, WORLD_SIZE};

/// The size of the drawing area in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
}

impl Viewport {
    /// A viewport of at least 1 x 1 pixel, so scales never divide by zero.
    pub fn new(width: f64, height: f64) -> Viewport {
        let sane = |v: f64| if v.is_finite() { v.max(1.0) } else { 1.0 };
        Viewport {
            width: sane(width),
            height: sane(height),
        }
    }
}

/// What the map shows: world point `center` at the middle of the viewport,
/// `scale` screen pixels per world unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub center: Point,
    pub scale: f64,
}

/// The smallest extent [`View::fit`] shows, in world units (about 1.3 degrees
/// of longitude, ~100 km across in Ukraine): one town still shows its
/// surroundings instead of a street.
pub const MIN_FIT_SPAN: f64 = 3.8;

/// The closest zoom, in pixels per world unit (~25 m per pixel at the
/// equator): the outlines hold no detail finer than that.
pub const MAX_SCALE: f64 = 1600.0;

impl View {
    /// The smallest scale: the whole world fits in the viewport.
    pub fn min_scale(vp: Viewport) -> f64 {
        vp.width.min(vp.height) / WORLD_SIZE
    }

    /// The whole world, centred.
    pub fn world(vp: Viewport) -> View {
        View {
            center: Rect::world().center(),
            scale: View::min_scale(vp),
        }
    }

    /// The view that shows every point with `padding` pixels to spare on each
    /// side, at least [`MIN_FIT_SPAN`] wide and tall; the world if `points`
    /// is empty.
    ///
    /// ```
    /// use news_atlas::geo::{project, View, Viewport};
    /// let vp = Viewport::new(800.0, 600.0);
    /// let pts = [project(30.5, 50.4), project(37.2, 48.3)];
    /// let v = View::fit(&pts, vp, 40.0);
    /// let r = v.rect(vp);
    /// assert!(pts.iter().all(|p| r.contains_point(*p)));
    /// ```
    pub fn fit(points: &[Point], vp: Viewport, padding: f64) -> View {
        let mut bounds = Rect::empty();
        for p in points.iter().filter(|p| p.x.is_finite() && p.y.is_finite()) {
            bounds.include(*p);
        }
        if bounds.is_empty() {
            return View::world(vp);
        }
        let w = bounds.width().max(MIN_FIT_SPAN);
        let h = bounds.height().max(MIN_FIT_SPAN);
        // Padding may not eat more than a third of a small viewport.
        let pad_x = padding.min(vp.width / 3.0);
        let pad_y = padding.min(vp.height / 3.0);
        let scale = ((vp.width - 2.0 * pad_x) / w).min((vp.height - 2.0 * pad_y) / h);
        View {
            center: bounds.center(),
            scale,
        }
        .clamp(vp)
    }

    /// The world rectangle the viewport shows.
    pub fn rect(&self, vp: Viewport) -> Rect {
        let hw = vp.width / self.scale / 2.0;
        let hh = vp.height / self.scale / 2.0;
        Rect::new(
            self.center.x - hw,
            self.center.y - hh,
            self.center.x + hw,
            self.center.y + hh,
        )
    }

    /// World point -> pixel position within the viewport.
    pub fn to_screen(&self, p: Point, vp: Viewport) -> (f64, f64) {
        (
            (p.x - self.center.x) * self.scale + vp.width / 2.0,
            (p.y - self.center.y) * self.scale + vp.height / 2.0,
        )
    }

    /// Pixel position within the viewport -> world point.
    pub fn to_world(&self, sx: f64, sy: f64, vp: Viewport) -> Point {
        Point::new(
            (sx - vp.width / 2.0) / self.scale + self.center.x,
            (sy - vp.height / 2.0) / self.scale + self.center.y,
        )
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the world point under pixel
    /// `(sx, sy)` where it is, as wheel and pinch zoom should.
    pub fn zoom_at(&self, factor: f64, sx: f64, sy: f64, vp: Viewport) -> View {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let anchor = self.to_world(sx, sy, vp);
        let scale = (self.scale * factor).clamp(View::min_scale(vp), MAX_SCALE);
        // Solve to_screen(anchor) == (sx, sy) for the new centre.
        let center = Point::new(
            anchor.x - (sx - vp.width / 2.0) / scale,
            anchor.y - (sy - vp.height / 2.0) / scale,
        );
        View { center, scale }.clamp(vp)
    }

    /// Moves the map content by `(dx, dy)` pixels (a drag to the right shows
    /// what lies to the west).
    pub fn pan(&self, dx: f64, dy: f64, vp: Viewport) -> View {
        if !dx.is_finite() || !dy.is_finite() {
            return *self;
        }
        let center = Point::new(
            self.center.x - dx / self.scale,
            self.center.y - dy / self.scale,
        );
        View {
            center,
            scale: self.scale,
        }
        .clamp(vp)
    }

    /// Keeps the scale within limits and the centre on the world, so the map
    /// can never be lost off-screen.
    pub fn clamp(&self, vp: Viewport) -> View {
        let scale = if self.scale.is_finite() {
            self.scale
        } else {
            View::min_scale(vp)
        };
        let scale = scale.clamp(View::min_scale(vp), MAX_SCALE);
        let c = |v: f64| {
            if v.is_finite() {
                v.clamp(0.0, WORLD_SIZE)
            } else {
                WORLD_SIZE / 2.0
            }
        };
        View {
            center: Point::new(c(self.center.x), c(self.center.y)),
            scale,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::project;
    use super::*;

    const VP: Viewport = Viewport {
        width: 800.0,
        height: 500.0,
    };

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6 * a.abs().max(1.0)
    }

    #[test]
    fn fit_contains_points_with_padding() {
        let pts = [
            project(30.5, 50.45),
            project(37.18, 48.28),
            project(35.0, 47.8),
        ];
        let v = View::fit(&pts, VP, 40.0);
        for p in pts {
            let (x, y) = v.to_screen(p, VP);
            assert!(
                (39.9..=760.1).contains(&x) && (39.9..=460.1).contains(&y),
                "{x},{y}"
            );
        }
    }

    #[test]
    fn one_place_does_not_zoom_to_a_street() {
        let v = View::fit(&[project(37.18, 48.28)], VP, 40.0);
        let r = v.rect(VP);
        assert!(r.width() >= MIN_FIT_SPAN && r.height() >= MIN_FIT_SPAN);
        assert!(v.scale < MAX_SCALE);
        // Identical points behave like one.
        assert_eq!(View::fit(&[project(37.18, 48.28); 3], VP, 40.0), v);
    }

    #[test]
    fn no_points_shows_the_world() {
        assert_eq!(View::fit(&[], VP, 40.0), View::world(VP));
        let nan = Point::new(f64::NAN, 1.0);
        assert_eq!(View::fit(&[nan], VP, 40.0), View::world(VP));
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let v = View::fit(&[project(30.5, 50.45), project(37.2, 48.3)], VP, 40.0);
        let before = v.to_world(200.0, 120.0, VP);
        let z = v.zoom_at(1.7, 200.0, 120.0, VP);
        let after = z.to_world(200.0, 120.0, VP);
        assert!(close(before.x, after.x) && close(before.y, after.y));
        assert!(close(z.scale, v.scale * 1.7));
        // Zooming back out returns to the same view.
        let back = z.zoom_at(1.0 / 1.7, 200.0, 120.0, VP);
        assert!(close(back.center.x, v.center.x) && close(back.scale, v.scale));
    }

    #[test]
    fn zoom_and_pan_are_clamped() {
        let v = View::world(VP);
        assert_eq!(v.zoom_at(0.01, 400.0, 250.0, VP).scale, View::min_scale(VP));
        let deep = (0..100).fold(v, |v, _| v.zoom_at(2.0, 400.0, 250.0, VP));
        assert_eq!(deep.scale, MAX_SCALE);
        let far = v.pan(1e9, -1e9, VP);
        assert_eq!(far.center, Point::new(0.0, WORLD_SIZE));
        assert_eq!(v.zoom_at(f64::NAN, 0.0, 0.0, VP), v);
        assert_eq!(v.pan(f64::NAN, 0.0, VP), v);
    }

    #[test]
    fn pan_moves_content_with_the_pointer() {
        let v = View::fit(&[project(30.5, 50.45)], VP, 40.0);
        let p = project(30.5, 50.45);
        let (x, y) = v.to_screen(p, VP);
        let moved = v.pan(25.0, -10.0, VP);
        let (x2, y2) = moved.to_screen(p, VP);
        assert!(close(x2, x + 25.0) && close(y2, y - 10.0));
    }

    #[test]
    fn screen_and_world_round_trip() {
        let v = View {
            center: Point::new(600.0, 300.0),
            scale: 12.5,
        };
        let p = Point::new(610.0, 290.0);
        let (sx, sy) = v.to_screen(p, VP);
        let q = v.to_world(sx, sy, VP);
        assert!(close(p.x, q.x) && close(p.y, q.y));
        assert!(Viewport::new(0.0, f64::NAN).width >= 1.0);
    }
}
