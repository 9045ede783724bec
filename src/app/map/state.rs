//! What the map shows: the view, kept in a reducer so that rapid events
//! (pointer moves, wheel ticks) always apply to the latest view.

use std::rc::Rc;

use yew::prelude::*;

use crate::geo::{view::MAX_SCALE, Area, Point, View, Viewport};

/// Padding around fitted places, in pixels: room for the biggest marker and
/// a short label.
const FIT_PADDING: f64 = 36.0;

/// A point closer than this to the edge (pixels) is not "in view" for
/// [`MapAction::Show`].
const SHOW_MARGIN: f64 = 24.0;

/// Until the map is measured: the CSS keeps about this shape, so the first
/// paint is already close.
pub const DEFAULT_VIEWPORT: Viewport = Viewport {
    width: 640.0,
    height: 420.0,
};

#[derive(Clone, Debug, PartialEq)]
pub struct MapState {
    /// The drawing area's size in CSS pixels.
    pub vp: Viewport,
    pub view: View,
    /// The reader moved the map: their view survives a resize; Reset (or a
    /// new set of places) fits again.
    moved: bool,
    /// What a fit shows.
    points: Rc<Vec<Point>>,
}

pub enum MapAction {
    /// The places to fit changed.
    Points(Rc<Vec<Point>>),
    /// The drawing area was measured.
    Resize(Viewport),
    /// Move the content by pixels.
    Pan(f64, f64),
    /// Zoom by a factor about a pixel position.
    Zoom { factor: f64, sx: f64, sy: f64 },
    /// Fit the places again.
    Reset,
    /// Bring a point into view if it is not (within a margin): the view
    /// moves, keeping its zoom, so the point is centred.
    Show(Point),
    /// Bring an area (a country or region place) into view if no part of
    /// it is seen: the view fits the area's main part, zooming out only, so
    /// tabbing to Russia from a map of Ukraine keeps the view (western
    /// Russia is on it) rather than moving to Siberia.
    ShowArea(Rc<Area>, Point),
    /// Zoom in on a cluster's places so that it splits: at least twice the
    /// scale, more when the places fit closer.
    Split(Vec<Point>),
}

impl MapState {
    /// The state for the first render, fitted to `points`.
    pub fn new(points: Rc<Vec<Point>>) -> MapState {
        let view = View::fit(&points, DEFAULT_VIEWPORT, FIT_PADDING);
        MapState {
            vp: DEFAULT_VIEWPORT,
            view,
            moved: false,
            points,
        }
    }

    /// The scale a fit of the places has now.
    pub fn fit_scale(&self) -> f64 {
        self.fitted().scale
    }

    fn fitted(&self) -> View {
        View::fit(&self.points, self.vp, FIT_PADDING)
    }
}

impl Reducible for MapState {
    type Action = MapAction;

    fn reduce(self: Rc<Self>, action: MapAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            MapAction::Points(points) => {
                if points == s.points {
                    return self;
                }
                // Another set of the same article's places (the Events tab):
                // a view the reader made stays, else the new set is fitted.
                // Another article remounts the map (it is keyed by article).
                s.points = points;
                if !s.moved {
                    s.view = s.fitted();
                }
            }
            MapAction::Resize(vp) => {
                if vp == s.vp {
                    return self;
                }
                s.vp = vp;
                s.view = if s.moved {
                    s.view.clamp(vp)
                } else {
                    s.fitted()
                };
            }
            MapAction::Pan(dx, dy) => {
                s.view = s.view.pan(dx, dy, s.vp);
                s.moved = true;
            }
            MapAction::Zoom { factor, sx, sy } => {
                s.view = s.view.zoom_at(factor, sx, sy, s.vp);
                s.moved = true;
            }
            MapAction::Reset => {
                s.view = s.fitted();
                s.moved = false;
            }
            MapAction::Show(p) => {
                let margin = SHOW_MARGIN / s.view.scale;
                let inner = s.view.rect(s.vp).expand(-margin, -margin);
                if inner.is_empty() || inner.contains_point(p) {
                    return self;
                }
                s.view = View {
                    center: p,
                    scale: s.view.scale,
                }
                .clamp(s.vp);
                s.moved = true;
            }
            MapAction::ShowArea(area, p) => {
                let margin = SHOW_MARGIN / s.view.scale;
                let inner = s.view.rect(s.vp).expand(-margin, -margin);
                if inner.is_empty() || area.point_in_view(inner, p).is_some() {
                    return self;
                }
                let m = area.main;
                let corners = [Point::new(m.x0, m.y0), Point::new(m.x1, m.y1)];
                let fit = View::fit(&corners, s.vp, FIT_PADDING);
                s.view = View {
                    center: fit.center,
                    scale: fit.scale.min(s.view.scale),
                }
                .clamp(s.vp);
                s.moved = true;
            }
            MapAction::Split(points) => {
                if points.is_empty() {
                    return self;
                }
                let fit = View::fit(&points, s.vp, FIT_PADDING * 2.0);
                s.view = View {
                    center: fit.center,
                    scale: fit.scale.max(s.view.scale * 2.0).min(MAX_SCALE),
                }
                .clamp(s.vp);
                s.moved = true;
            }
        }
        Rc::new(s)
    }
}
