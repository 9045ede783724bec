//! A country or region place drawn as its shaded area: the outline to draw,
//! its main part (for bringing it into view) and where a label fits inside
//! the part of it that is on screen.

use super::outline::{outlines, Feature, Layer};
use super::path::{feature_path, unwrap_antimeridian};
use super::{Point, Rect};

/// Decimals of world units kept in an area's path: the outline data's own
/// precision (1/100 degree is ~0.03 units), so one path serves every zoom.
const AREA_DECIMALS: usize = 2;

/// The outline of a country or region place.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// SVG path in world units.
    pub d: String,
    /// Bounds of the largest ring: mainland Russia rather than the span from
    /// Kaliningrad to the Bering Strait, mainland Norway rather than Svalbard.
    pub main: Rect,
    /// Which outline, for [`Area::contains`].
    layer: LayerId,
    feature: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum LayerId {
    World,
    Admin1,
}

impl Area {
    /// The area of the country with ISO alpha-2 `code`: drawn from the finer
    /// layer where it has the country.
    ///
    /// ```
    /// let ru = news_atlas::geo::Area::country("RU").unwrap();
    /// let kyiv = news_atlas::geo::project(30.5, 50.45);
    /// assert!(!ru.contains(kyiv));
    /// assert!(ru.contains(news_atlas::geo::project(37.6, 55.75)));
    /// ```
    pub fn country(code: &str) -> Option<Area> {
        let o = outlines();
        let (i, coarse) = o
            .world
            .features
            .iter()
            .enumerate()
            .find(|(_, f)| !f.code.is_empty() && f.code.eq_ignore_ascii_case(code))?;
        let fine = o.detail.find(code);
        let (layer, f) = match fine {
            Some(f) => (&o.detail, f),
            None => (&o.world, coarse),
        };
        Area::make(layer, f, LayerId::World, i)
    }

    /// The area of a region (by ISO 3166-2 code or name, see
    /// [`super::Outlines::find_region`]).
    pub fn region(name: &str, country: Option<&str>) -> Option<Area> {
        let o = outlines();
        let f = o.find_region(name, country)?;
        let i = o.admin1.features.iter().position(|g| std::ptr::eq(g, f))?;
        Area::make(&o.admin1, f, LayerId::Admin1, i)
    }

    fn make(draw: &Layer, f: &Feature, layer: LayerId, feature: usize) -> Option<Area> {
        let d = feature_path(draw, f, AREA_DECIMALS).d;
        if d.is_empty() {
            return None;
        }
        let main = main_part(draw, f).unwrap_or(f.bbox);
        Some(Area {
            d,
            main,
            layer,
            feature,
        })
    }

    fn outline(&self) -> (&'static Layer, &'static Feature) {
        let o = outlines();
        let layer = match self.layer {
            LayerId::World => &o.world,
            LayerId::Admin1 => &o.admin1,
        };
        (layer, &layer.features[self.feature])
    }

    /// True when world point `p` lies inside the area (coarse outline).
    pub fn contains(&self, p: Point) -> bool {
        let (layer, f) = self.outline();
        layer.contains(f, p)
    }

    /// A point of the area inside `visible` (world units), for its label
    /// and to tell whether the area is in view: `preferred` (the place's
    /// own point) when it is on screen and inside, else the point nearest
    /// the middle of the visible part of the area's bounds, from a 7×7 grid
    /// over it; `None` when no part of the area is seen.
    ///
    /// ```
    /// use news_atlas::geo::{project, Area, Rect};
    /// let ru = Area::country("RU").unwrap();
    /// let mut ukraine = Rect::empty();
    /// ukraine.include(project(22.0, 44.0));
    /// ukraine.include(project(41.0, 53.0));
    /// let p = ru.point_in_view(ukraine, project(97.7, 61.5)).unwrap();
    /// assert!(ukraine.contains_point(p) && ru.contains(p));
    /// ```
    pub fn point_in_view(&self, visible: Rect, preferred: Point) -> Option<Point> {
        if visible.contains_point(preferred) && self.contains(preferred) {
            return Some(preferred);
        }
        let (layer, f) = self.outline();
        inside_point(layer, f, visible)
    }
}

/// The point of `f` inside `visible` nearest the middle of the visible part
/// of its bounds, from a 7×7 grid over that part.
fn inside_point(layer: &Layer, f: &Feature, visible: Rect) -> Option<Point> {
    let b = f.bbox;
    let cut = Rect::new(
        b.x0.max(visible.x0),
        b.y0.max(visible.y0),
        b.x1.min(visible.x1),
        b.y1.min(visible.y1),
    );
    if cut.is_empty() {
        return None;
    }
    const N: usize = 7;
    let mid = cut.center();
    let mut best: Option<(f64, Point)> = None;
    for i in 0..N {
        for j in 0..N {
            let p = Point::new(
                cut.x0 + cut.width() * (i as f64 + 0.5) / N as f64,
                cut.y0 + cut.height() * (j as f64 + 0.5) / N as f64,
            );
            let d = (p.x - mid.x).powi(2) + (p.y - mid.y).powi(2);
            if best.is_none_or(|(bd, _)| d < bd) && layer.contains(f, p) {
                best = Some((d, p));
            }
        }
    }
    best.map(|(_, p)| p)
}

/// Names of the first-level regions meeting `window`, each with a point
/// inside it (inside the window too) for its label; for the zoomed-in map.
///
/// ```
/// use news_atlas::geo::{area::region_names, project, Rect};
/// let mut w = Rect::empty();
/// w.include(project(36.0, 47.0));
/// w.include(project(39.5, 49.5));
/// let names = region_names(w);
/// assert!(names.iter().any(|(n, _)| n.starts_with("Donets")));
/// ```
pub fn region_names(window: Rect) -> Vec<(String, Point)> {
    let o = outlines();
    o.admin1
        .features
        .iter()
        .filter(|f| f.bbox.intersects(&window) && !f.name.is_empty())
        .filter_map(|f| Some((f.name.clone(), inside_point(&o.admin1, f, window)?)))
        .collect()
}

/// Bounds of the feature's largest ring by area.
fn main_part(layer: &Layer, f: &Feature) -> Option<Rect> {
    let mut pts = Vec::new();
    let mut best: Option<(f64, Rect)> = None;
    for ring in &f.rings {
        unwrap_antimeridian(layer.ring_points(ring), &mut pts);
        let mut a = 0.0;
        let mut r = Rect::empty();
        for w in pts.windows(2) {
            a += w[0].x * w[1].y - w[1].x * w[0].y;
        }
        pts.iter().for_each(|p| r.include(*p));
        let a = a.abs() / 2.0;
        if !r.is_empty() && best.is_none_or(|(ba, _)| a > ba) {
            best = Some((a, r));
        }
    }
    best.map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::super::project;
    use super::*;

    fn rect(lon0: f64, lat0: f64, lon1: f64, lat1: f64) -> Rect {
        let mut r = Rect::empty();
        r.include(project(lon0, lat0));
        r.include(project(lon1, lat1));
        r
    }

    /// (country, a point inside, a point outside)
    type Case = (&'static str, (f64, f64), (f64, f64));

    const COUNTRIES: &[Case] = &[
        ("RU", (37.6, 55.75), (30.5, 50.45)),
        ("UA", (30.5, 50.45), (37.6, 55.75)),
        ("US", (-98.0, 39.0), (-106.0, 28.0)),
        ("FR", (2.35, 48.85), (-3.7, 40.4)),
        ("DE", (13.4, 52.5), (21.0, 52.2)),
        ("PL", (21.0, 52.2), (13.4, 52.5)),
        ("IL", (34.8, 32.08), (36.3, 33.5)),
        ("SY", (36.3, 33.5), (34.8, 32.08)),
        ("CN", (116.4, 39.9), (127.0, 37.5)),
        ("AU", (134.0, -25.0), (174.8, -41.3)),
        ("BR", (-47.9, -15.8), (-58.4, -34.6)),
    ];

    #[test]
    fn countries_contain_their_points_and_not_their_neighbours() {
        for &(code, inside, outside) in COUNTRIES {
            let a = Area::country(code).unwrap_or_else(|| panic!("{code} has an outline"));
            assert!(a.d.starts_with('M') && a.d.ends_with('Z'), "{code}");
            assert!(a.contains(project(inside.0, inside.1)), "{code} inside");
            assert!(!a.contains(project(outside.0, outside.1)), "{code} outside");
            let p = project(inside.0, inside.1);
            assert!(
                a.main.contains_point(p),
                "{code}: main part holds {inside:?}"
            );
        }
    }

    #[test]
    fn main_part_leaves_out_far_islands() {
        // Norway's mainland, not Svalbard; the US's lower 48, not Alaska
        // (Alaska is smaller than the lower 48).
        let no = Area::country("NO").unwrap();
        assert!(!no.main.contains_point(project(15.6, 78.2)), "Svalbard");
        let us = Area::country("US").unwrap();
        assert!(!us.main.contains_point(project(-150.0, 64.0)), "Alaska");
    }

    #[test]
    fn a_view_of_ukraine_sees_russia_but_not_australia() {
        let view = rect(22.0, 44.0, 41.0, 53.0);
        let ru = Area::country("RU").unwrap();
        let centroid = project(97.7, 61.5);
        let p = ru
            .point_in_view(view, centroid)
            .expect("western Russia is in view");
        assert!(view.contains_point(p) && ru.contains(p));
        assert!(Area::country("AU")
            .unwrap()
            .point_in_view(view, project(134.0, -25.0))
            .is_none());
        // The place's own point wins when it is in view.
        let kyiv = project(30.5, 50.45);
        assert_eq!(
            Area::country("UA").unwrap().point_in_view(view, kyiv),
            Some(kyiv)
        );
    }

    #[test]
    fn regions_have_areas() {
        let d = Area::region("Donetsk Oblast", Some("UA")).unwrap();
        assert!(d.contains(project(37.8, 48.0)));
        assert!(!d.contains(project(30.5, 50.45)));
        assert!(Area::region("Nowhere Oblast", Some("UA")).is_none());
        assert!(Area::country("XX").is_none());
    }
}
