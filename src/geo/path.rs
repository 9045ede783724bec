//! SVG path strings for the outlines in or near a window of the world.
//!
//! Paths are in world units, so the page draws them once and zooms and pans by
//! changing the SVG `viewBox`; they are rebuilt only when the view leaves the
//! window they were cut for or changes level of detail. Features whose bounds
//! miss the window are left out (culled); the rest are drawn whole.

use std::fmt::Write;

use super::outline::{outlines, Feature, Layer};
use super::{Point, Rect, WORLD_SIZE};

/// One outline ready for `<path d=...>`.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlinePath {
    /// ISO code: alpha-2 for countries, ISO 3166-2 for regions (may be empty).
    pub code: String,
    pub name: String,
    pub d: String,
}

/// Below this window width (world units, ~70 degrees of longitude) the finer
/// 50m outlines replace the 110m ones where the detail layer has them.
pub const DETAIL_BELOW: f64 = WORLD_SIZE / 5.0;

/// Below this window width (~35 degrees of longitude) first-level region
/// borders are drawn.
pub const REGIONS_BELOW: f64 = WORLD_SIZE / 10.0;

/// Country outlines meeting `window`, coarse or fine by the window's size;
/// `px_per_unit` sets how many decimals the coordinates keep (about a tenth
/// of a pixel, never more than needed).
///
/// ```
/// use news_atlas::geo::{country_paths, project, Rect};
/// let mut w = Rect::empty();
/// w.include(project(22.0, 44.0));
/// w.include(project(40.0, 52.5));
/// let paths = country_paths(w, 20.0);
/// assert!(paths.iter().any(|p| p.code == "UA" && p.d.starts_with('M')));
/// assert!(!paths.iter().any(|p| p.code == "AU"));
/// ```
pub fn country_paths(window: Rect, px_per_unit: f64) -> Vec<OutlinePath> {
    let o = outlines();
    let decimals = decimals_for(px_per_unit);
    let detail = window.width() < DETAIL_BELOW;
    let mut out = Vec::new();
    for f in o
        .world
        .features
        .iter()
        .filter(|f| f.bbox.intersects(&window))
    {
        let fine = if detail {
            o.detail.features.iter().find(|d| same_country(d, f))
        } else {
            None
        };
        match fine {
            Some(d) => out.push(feature_path(&o.detail, d, decimals)),
            None => out.push(feature_path(&o.world, f, decimals)),
        }
    }
    // Small countries only the detail layer has (none today, but the layers are
    // built independently).
    if detail {
        for d in o
            .detail
            .features
            .iter()
            .filter(|d| d.bbox.intersects(&window))
        {
            if !o.world.features.iter().any(|f| same_country(d, f)) {
                out.push(feature_path(&o.detail, d, decimals));
            }
        }
    }
    out.retain(|p| !p.d.is_empty());
    out
}

/// Region (admin-1) outlines meeting `window`, when the window is small enough
/// for them to be legible; empty otherwise.
pub fn region_paths(window: Rect, px_per_unit: f64) -> Vec<OutlinePath> {
    if window.width() >= REGIONS_BELOW {
        return Vec::new();
    }
    let o = outlines();
    let decimals = decimals_for(px_per_unit);
    o.admin1
        .features
        .iter()
        .filter(|f| f.bbox.intersects(&window))
        .map(|f| feature_path(&o.admin1, f, decimals))
        .filter(|p| !p.d.is_empty())
        .collect()
}

/// The outline of one region (by ISO 3166-2 code or name, see
/// [`super::Outlines::find_region`]), for shading a region place.
pub fn region_path(name: &str, country: Option<&str>, px_per_unit: f64) -> Option<OutlinePath> {
    let o = outlines();
    let f = o.find_region(name, country)?;
    Some(feature_path(&o.admin1, f, decimals_for(px_per_unit))).filter(|p| !p.d.is_empty())
}

fn same_country(a: &Feature, b: &Feature) -> bool {
    if a.code.is_empty() || b.code.is_empty() {
        a.code.is_empty() && b.code.is_empty() && a.name == b.name
    } else {
        a.code == b.code
    }
}

/// Decimals that keep coordinates within ~0.1 px at `px_per_unit`.
fn decimals_for(px_per_unit: f64) -> usize {
    if !px_per_unit.is_finite() || px_per_unit <= 0.0 {
        return 1;
    }
    (px_per_unit * 10.0).log10().ceil().clamp(0.0, 4.0) as usize
}

pub(super) fn feature_path(layer: &Layer, f: &Feature, decimals: usize) -> OutlinePath {
    shape_path(layer, f, decimals, true)
}

/// Rivers (open lines) and lakes meeting `window`, when it is small enough
/// for them to be context (the width below which the 50m outlines are
/// drawn); empty otherwise. Lakes are closed paths, rivers open ones.
///
/// ```
/// use news_atlas::geo::{path::water_paths, project, Rect};
/// let mut w = Rect::empty();
/// w.include(project(28.0, 44.0));
/// w.include(project(38.0, 52.0));
/// let (lakes, rivers) = water_paths(w, 20.0);
/// assert!(!rivers.is_empty() && rivers.iter().all(|r| !r.d.contains('Z')));
/// assert!(lakes.iter().all(|l| l.d.ends_with('Z')));
/// assert!(water_paths(Rect::world(), 1.0).1.is_empty());
/// ```
pub fn water_paths(window: Rect, px_per_unit: f64) -> (Vec<OutlinePath>, Vec<OutlinePath>) {
    if window.width() >= DETAIL_BELOW {
        return (Vec::new(), Vec::new());
    }
    let o = outlines();
    let decimals = decimals_for(px_per_unit);
    let cut = |layer: &Layer, closed: bool| -> Vec<OutlinePath> {
        layer
            .features
            .iter()
            .filter(|f| f.bbox.intersects(&window))
            .map(|f| shape_path(layer, f, decimals, closed))
            .filter(|p| !p.d.is_empty())
            .collect()
    };
    (cut(&o.lakes, true), cut(&o.rivers, false))
}

fn shape_path(layer: &Layer, f: &Feature, decimals: usize, closed: bool) -> OutlinePath {
    let factor = 10f64.powi(decimals as i32);
    let mut d = String::new();
    let mut r = String::new();
    let mut pts = Vec::new();
    for ring in &f.rings {
        r.clear();
        if closed {
            unwrap_antimeridian(layer.ring_points(ring), &mut pts);
        } else {
            pts.clear();
            pts.extend(layer.ring_points(ring));
        }
        let mut last: Option<(i64, i64)> = None;
        let mut count = 0usize;
        for &p in &pts {
            // Work in rounded integers so points repeated at this precision drop out.
            let q = ((p.x * factor).round() as i64, (p.y * factor).round() as i64);
            if last == Some(q) {
                continue;
            }
            last = Some(q);
            // "Mx yLx y x y": after the first lineto, further pairs repeat it.
            r.push_str(match count {
                0 => "M",
                1 => "L",
                _ => " ",
            });
            count += 1;
            push_num(&mut r, q.0, decimals);
            r.push(' ');
            push_num(&mut r, q.1, decimals);
        }
        // A ring that shrank below a triangle at this precision draws
        // nothing; a line needs two points.
        if closed && count >= 4 {
            d.push_str(&r);
            d.push('Z');
        } else if !closed && count >= 2 {
            d.push_str(&r);
        }
    }
    OutlinePath {
        code: f.code.clone(),
        name: f.name.clone(),
        d,
    }
}

/// Copies a ring into `out` so that it never jumps across the world.
///
/// The outlines are not cut at the antimeridian (Russia's Chukotka, Fiji and
/// Antarctica cross it), so a ring can step from x near 0 to x near
/// [`WORLD_SIZE`]; drawn as is, that step is a line across the whole map. Here
/// each such step shifts the rest of the ring by a world width, so the ring
/// stays continuous and may reach past the world's edge; the ring is then
/// moved by whole world widths so most of it lies on the world. A ring that
/// goes round a pole (Antarctica) is closed along that pole's edge.
pub(super) fn unwrap_antimeridian(ring: impl Iterator<Item = Point>, out: &mut Vec<Point>) {
    out.clear();
    let mut offset = 0.0;
    let mut prev: Option<f64> = None;
    for p in ring {
        if let Some(px) = prev {
            let dx = p.x - px;
            if dx > WORLD_SIZE / 2.0 {
                offset -= WORLD_SIZE;
            } else if dx < -WORLD_SIZE / 2.0 {
                offset += WORLD_SIZE;
            }
        }
        prev = Some(p.x);
        out.push(Point::new(p.x + offset, p.y));
    }
    if out.is_empty() {
        return;
    }
    if offset != 0.0 {
        let (first, last) = (out[0], out[out.len() - 1]);
        let mean_y = out.iter().map(|p| p.y).sum::<f64>() / out.len() as f64;
        let pole = if mean_y > WORLD_SIZE / 2.0 {
            WORLD_SIZE
        } else {
            0.0
        };
        out.push(Point::new(last.x, pole));
        out.push(Point::new(first.x, pole));
        out.push(first);
    }
    let mean_x = out.iter().map(|p| p.x).sum::<f64>() / out.len() as f64;
    let shift = (mean_x / WORLD_SIZE).floor() * WORLD_SIZE;
    if shift != 0.0 {
        out.iter_mut().for_each(|p| p.x -= shift);
    }
}

/// Writes integer `v` scaled down by 10^decimals, without trailing zeros.
fn push_num(d: &mut String, v: i64, decimals: usize) {
    if v < 0 {
        d.push('-');
    }
    let a = v.unsigned_abs();
    let p = 10u64.pow(decimals as u32);
    let (int, mut frac) = (a / p, a % p);
    let _ = write!(d, "{int}");
    if frac != 0 {
        let mut width = decimals;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        let _ = write!(d, ".{frac:0width$}");
    }
}

#[cfg(test)]
mod tests {
    use super::super::project;
    use super::*;

    fn window(lon0: f64, lat0: f64, lon1: f64, lat1: f64) -> Rect {
        let mut w = Rect::empty();
        w.include(project(lon0, lat0));
        w.include(project(lon1, lat1));
        w
    }

    #[test]
    fn numbers_are_short() {
        let mut s = String::new();
        push_num(&mut s, 12345, 2);
        s.push(',');
        push_num(&mut s, -500, 2);
        s.push(',');
        push_num(&mut s, 7, 2);
        s.push(',');
        push_num(&mut s, -3, 0);
        assert_eq!(s, "123.45,-5,0.07,-3");
    }

    #[test]
    fn paths_are_well_formed_svg() {
        let paths = country_paths(Rect::world(), 0.5);
        assert!(paths.len() > 170);
        for p in &paths {
            assert!(p.d.starts_with('M'), "{}", p.name);
            assert!(p.d.ends_with('Z'), "{}", p.name);
            // M x yLx y x y ... Z: every subpath's first lineto is explicit.
            for sub in p.d.split('M').skip(1) {
                let body = sub.trim_end_matches('Z');
                let nums: Vec<&str> = body
                    .split(['L', ' ', 'Z'])
                    .filter(|s| !s.is_empty())
                    .collect();
                assert!(nums.len() % 2 == 0 && nums.len() >= 6, "{}: {sub}", p.name);
                assert!(
                    nums.iter().all(|n| n.parse::<f64>().is_ok()),
                    "{}: {sub}",
                    p.name
                );
                assert_eq!(body.matches('L').count(), 1, "{}", p.name);
            }
        }
    }

    #[test]
    fn culls_what_is_far_away() {
        let ukraine = window(22.0, 44.0, 40.5, 52.5);
        let paths = country_paths(ukraine, 20.0);
        let codes: Vec<&str> = paths.iter().map(|p| p.code.as_str()).collect();
        for c in ["UA", "PL", "RU", "MD", "BY"] {
            assert!(codes.contains(&c), "{c}");
        }
        for c in ["US", "AU", "BR", "JP"] {
            assert!(!codes.contains(&c), "{c}");
        }
    }

    #[test]
    fn detail_replaces_coarse_when_zoomed_in() {
        let near = country_paths(window(30.0, 45.0, 40.0, 50.0), 40.0);
        let far = country_paths(Rect::world(), 0.5);
        let ua = |ps: &[OutlinePath]| {
            ps.iter()
                .find(|p| p.code == "UA")
                .unwrap()
                .d
                .matches(' ')
                .count()
        };
        assert!(ua(&near) > ua(&far), "{} vs {}", ua(&near), ua(&far));
    }

    #[test]
    fn regions_only_when_zoomed_in() {
        assert!(region_paths(Rect::world(), 0.5).is_empty());
        let donbas = region_paths(window(35.0, 46.5, 40.5, 50.0), 60.0);
        assert!(donbas.iter().any(|p| p.code == "UA-14"));
        assert!(donbas.iter().all(|p| p.d.starts_with('M')));
        let shaded = region_path("Donetsk Oblast", Some("UA"), 60.0).unwrap();
        assert_eq!(shaded.code, "UA-14");
        assert!(region_path("Nowhere", None, 60.0).is_none());
    }

    #[test]
    fn no_line_crosses_the_whole_world() {
        // Regression: Russia, Fiji and Antarctica cross the antimeridian and
        // drew lines from one edge of the map to the other.
        for p in country_paths(Rect::world(), 0.5) {
            for sub in p.d.split('M').skip(1) {
                let nums: Vec<f64> = sub
                    .split(['L', ' ', 'Z'])
                    .filter_map(|s| s.parse().ok())
                    .collect();
                let pts: Vec<(f64, f64)> = nums.chunks(2).map(|c| (c[0], c[1])).collect();
                for w in pts.windows(2) {
                    let (a, b) = (w[0], w[1]);
                    // Closing a ring along a pole edge (Antarctica) is fine.
                    let pole = |y: f64| y <= 0.01 || y >= WORLD_SIZE - 0.01;
                    if pole(a.1) && pole(b.1) {
                        continue;
                    }
                    assert!(
                        (b.0 - a.0).abs() < WORLD_SIZE / 2.0,
                        "{}: {a:?} -> {b:?}",
                        p.name
                    );
                }
            }
        }
    }

    #[test]
    fn unwrapping_keeps_rings_on_the_world() {
        let mut out = Vec::new();
        // A ring crossing the antimeridian, mostly in the east.
        let ring = [
            (1000.0, 100.0),
            (1020.0, 100.0),
            (4.0, 110.0),
            (1010.0, 120.0),
            (1000.0, 100.0),
        ];
        unwrap_antimeridian(ring.iter().map(|&(x, y)| Point::new(x, y)), &mut out);
        let xs: Vec<f64> = out.iter().map(|p| p.x).collect();
        assert_eq!(xs, vec![1000.0, 1020.0, 1028.0, 1010.0, 1000.0]);
        // A ring round the south pole is closed along the bottom edge.
        let ring = [
            (0.0, 1000.0),
            (500.0, 990.0),
            (1000.0, 1000.0),
            (24.0, 1000.0),
        ];
        unwrap_antimeridian(ring.iter().map(|&(x, y)| Point::new(x, y)), &mut out);
        assert_eq!(out[out.len() - 3].y, WORLD_SIZE);
        assert_eq!(out[out.len() - 2].y, WORLD_SIZE);
    }

    #[test]
    fn decimals_follow_the_scale() {
        assert_eq!(decimals_for(0.5), 1);
        assert_eq!(decimals_for(5.0), 2);
        assert_eq!(decimals_for(1600.0), 4);
        assert_eq!(decimals_for(f64::NAN), 1);
    }
}
