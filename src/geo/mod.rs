//! Map geometry: bundled outlines, projection, view fitting, zoom and pan, SVG
//! paths and label placement.
//!
//! Pure Rust with no web dependencies, so all of it is tested natively; the Yew
//! map component (`app::map`) only turns its results into elements.
//!
//! Everything is drawn in **world units**: Web Mercator scaled so the whole
//! world is [`WORLD_SIZE`] units wide (x grows east, y grows south, both
//! `0..WORLD_SIZE`). Web Mercator is used because it is conformal (an oblast or
//! a coastline keeps its shape at any latitude and zoom, so a close-up of
//! Ukraine or Texas looks right without reprojecting), it is the projection
//! readers know from web maps, and it is fixed: outline paths never depend on
//! the article, so zoom and pan are a plain scale and translation of one SVG
//! `viewBox`. Its area exaggeration near the poles only matters at world scale.
//!
//! * [`outline`]: decodes `data/outlines.bin` once ([`outline::outlines`]).
//! * [`view`]: fitting a view to places, zoom about a point, pan, clamping.
//! * [`path`]: SVG path strings for the outlines in (or near) a view.
//! * [`labels`]: marker sizes and greedy non-overlapping label placement.
//! * [`area`]: a country or region place as its shaded outline.
//! * [`cluster`]: nearby markers grouped at low zoom.
//! * [`context`]: the largest towns around, for the zoomed-in map.

pub mod area;
pub mod cluster;
pub mod context;
pub mod edges;
pub mod labels;
pub mod outline;
pub mod path;
pub mod view;

pub use area::Area;
pub use cluster::{cluster, cluster_level, Cluster};
pub use labels::{marker_radius, place_labels, Label, LabelAnchor, LabelRequest};
pub use outline::{outlines, Feature, Layer, Outlines};
pub use path::{country_paths, region_path, region_paths, OutlinePath};
pub use view::{View, Viewport};

use std::f64::consts::PI;

/// Width (and height) of the projected world, in world units.
pub const WORLD_SIZE: f64 = 1024.0;

/// Web Mercator's latitude limit: the world is square within it.
pub const MAX_LAT: f64 = 85.051_128_78;

/// A point in world units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

/// An axis-aligned rectangle, `x0 <= x1`, `y0 <= y1`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub const fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    /// The whole projected world.
    pub const fn world() -> Rect {
        Rect::new(0.0, 0.0, WORLD_SIZE, WORLD_SIZE)
    }

    /// An empty rectangle that any [`Rect::include`] replaces.
    pub const fn empty() -> Rect {
        Rect::new(
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        )
    }

    pub fn is_empty(&self) -> bool {
        !(self.x0 <= self.x1 && self.y0 <= self.y1)
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    pub fn center(&self) -> Point {
        Point::new((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    /// Grows the rectangle to cover `p`.
    pub fn include(&mut self, p: Point) {
        self.x0 = self.x0.min(p.x);
        self.y0 = self.y0.min(p.y);
        self.x1 = self.x1.max(p.x);
        self.y1 = self.y1.max(p.y);
    }

    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 <= o.x1 && o.x0 <= self.x1 && self.y0 <= o.y1 && o.y0 <= self.y1
    }

    /// True when `o` lies wholly inside this rectangle.
    pub fn contains(&self, o: &Rect) -> bool {
        self.x0 <= o.x0 && o.x1 <= self.x1 && self.y0 <= o.y0 && o.y1 <= self.y1
    }

    pub fn contains_point(&self, p: Point) -> bool {
        self.x0 <= p.x && p.x <= self.x1 && self.y0 <= p.y && p.y <= self.y1
    }

    /// The rectangle grown by `dx` on the left and right and `dy` above and below.
    pub fn expand(&self, dx: f64, dy: f64) -> Rect {
        Rect::new(self.x0 - dx, self.y0 - dy, self.x1 + dx, self.y1 + dy)
    }
}

/// Projects longitude/latitude (degrees) to world units (Web Mercator).
///
/// ```
/// use news_atlas::geo::{project, WORLD_SIZE};
/// let p = project(0.0, 0.0);
/// assert_eq!((p.x, p.y), (WORLD_SIZE / 2.0, WORLD_SIZE / 2.0));
/// ```
pub fn project(lon: f64, lat: f64) -> Point {
    let lon = if lon.is_finite() {
        lon.clamp(-180.0, 180.0)
    } else {
        0.0
    };
    let lat = if lat.is_finite() {
        lat.clamp(-MAX_LAT, MAX_LAT)
    } else {
        0.0
    };
    let phi = lat.to_radians();
    let x = (lon + 180.0) / 360.0 * WORLD_SIZE;
    let y = (1.0 - (PI / 4.0 + phi / 2.0).tan().ln() / PI) / 2.0 * WORLD_SIZE;
    Point::new(x, y)
}

/// The inverse of [`project`]: world units to (longitude, latitude) in degrees.
pub fn unproject(p: Point) -> (f64, f64) {
    let lon = p.x / WORLD_SIZE * 360.0 - 180.0;
    let n = PI * (1.0 - 2.0 * p.y / WORLD_SIZE);
    let lat = n.sinh().atan().to_degrees();
    (lon, lat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_round_trips() {
        for &(lon, lat) in &[(37.18, 48.28), (-122.4, 37.8), (179.9, -60.0), (0.0, 0.0)] {
            let (lo, la) = unproject(project(lon, lat));
            assert!(
                (lo - lon).abs() < 1e-9 && (la - lat).abs() < 1e-9,
                "{lon},{lat}"
            );
        }
    }

    #[test]
    fn projection_orients_north_up_and_clamps() {
        let kyiv = project(30.5, 50.45);
        let odesa = project(30.7, 46.48);
        assert!(kyiv.y < odesa.y, "north is up");
        assert!(
            project(0.0, 90.0).y.abs() < 1e-6,
            "the pole clamps to the top edge"
        );
        let p = project(f64::NAN, f64::INFINITY);
        assert!(p.x.is_finite() && p.y.is_finite());
    }
}
