//! Context for the zoomed-in map: the largest towns around.
//!
//! Towns come from the gazetteer (any table of named points with a
//! population); this module only picks which to draw for a window.

use super::{project, Point, Rect};

/// A town that may be drawn as context.
#[derive(Clone, Debug, PartialEq)]
pub struct Town {
    pub p: Point,
    pub population: u32,
    pub name: String,
}

/// Towns are drawn when the outline window is narrower than this (world
/// units; about 45 degrees of longitude, so a view of about 22).
pub const TOWNS_BELOW: f64 = super::WORLD_SIZE / 8.0;

/// Towns get labels from this scale (pixels per world unit; a view about
/// eight degrees of longitude wide on a 600 px map).
pub const TOWN_LABELS_FROM: f64 = 24.0;

/// At most this many towns are drawn for a window.
pub const MAX_TOWNS: usize = 60;

/// Towns below this population are never context.
pub const MIN_TOWN_POPULATION: u32 = 20_000;

/// The towns of `entries` (longitude, latitude, population, name) with at
/// least [`MIN_TOWN_POPULATION`] people, largest first.
pub fn towns<'a>(entries: impl Iterator<Item = (f64, f64, u32, &'a str)>) -> Vec<Town> {
    let mut out: Vec<Town> = entries
        .filter(|&(lon, lat, pop, _)| {
            pop >= MIN_TOWN_POPULATION && lon.is_finite() && lat.is_finite()
        })
        .map(|(lon, lat, population, name)| Town {
            p: project(lon, lat),
            population,
            name: name.to_owned(),
        })
        .collect();
    out.sort_by(|a, b| b.population.cmp(&a.population).then(a.name.cmp(&b.name)));
    out
}

/// Indices of the `max` largest of `towns` (sorted largest first, as
/// [`towns`] returns them) inside `window`, none closer than `spacing` world
/// units to a larger one picked before it, so a window shows its main towns
/// spread out rather than one city's suburbs.
///
/// ```
/// use news_atlas::geo::context::{pick_towns, towns};
/// use news_atlas::geo::Rect;
/// let t = towns([(30.5, 50.45, 2_900_000, "Kyiv"), (30.6, 50.5, 40_000, "Suburb"),
///     (36.2, 50.0, 1_400_000, "Kharkiv")].into_iter());
/// assert_eq!(pick_towns(&t, Rect::world(), 10, 1.0), vec![0, 1]);
/// ```
pub fn pick_towns(towns: &[Town], window: Rect, max: usize, spacing: f64) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for (i, t) in towns.iter().enumerate() {
        if out.len() >= max {
            break;
        }
        if !window.contains_point(t.p) {
            continue;
        }
        let clear = out.iter().all(|&j| {
            let q = towns[j].p;
            (q.x - t.p.x).hypot(q.y - t.p.y) >= spacing
        });
        if clear {
            out.push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Vec<Town> {
        towns(
            [
                (30.52, 50.45, 2_900_000, "Kyiv"),
                (36.23, 49.99, 1_400_000, "Kharkiv"),
                (35.04, 48.46, 970_000, "Dnipro"),
                (30.73, 46.48, 1_000_000, "Odesa"),
                (37.80, 48.02, 900_000, "Donetsk"),
                (24.03, 49.84, 720_000, "Lviv"),
                (37.18, 48.28, 60_000, "Pokrovsk"),
                (37.55, 48.73, 100_000, "Kramatorsk"),
                (30.60, 50.40, 25_000, "Kyiv suburb"),
                (37.60, 55.75, 12_000_000, "Moscow"),
                (2.35, 48.85, 2_100_000, "Paris"),
                (10.0, 10.0, 5_000, "Village"),
                (f64::NAN, 0.0, 900_000, "Nowhere"),
            ]
            .into_iter(),
        )
    }

    fn names(t: &[Town], picked: &[usize]) -> Vec<String> {
        picked.iter().map(|&i| t[i].name.clone()).collect()
    }

    #[test]
    fn towns_are_sorted_and_filtered() {
        let t = table();
        assert_eq!(
            t.len(),
            11,
            "the village and the point without coordinates drop out"
        );
        assert_eq!(t[0].name, "Moscow");
        assert!(t.windows(2).all(|w| w[0].population >= w[1].population));
    }

    #[test]
    fn a_window_shows_its_largest_towns() {
        let t = table();
        let mut ukraine = Rect::empty();
        ukraine.include(project(22.0, 44.0));
        ukraine.include(project(41.0, 53.0));
        let picked = pick_towns(&t, ukraine, 3, 0.5);
        assert_eq!(names(&t, &picked), ["Kyiv", "Kharkiv", "Odesa"]);
        // No Moscow or Paris outside the window; the suburb is too close to Kyiv.
        let all = names(&t, &pick_towns(&t, ukraine, 100, 0.5));
        assert!(!all.contains(&"Moscow".to_owned()) && !all.contains(&"Paris".to_owned()));
        assert!(!all.contains(&"Kyiv suburb".to_owned()));
        assert!(all.contains(&"Pokrovsk".to_owned()) && all.contains(&"Kramatorsk".to_owned()));
        // With no spacing the suburb is drawn too.
        assert!(names(&t, &pick_towns(&t, ukraine, 100, 0.0)).contains(&"Kyiv suburb".to_owned()));
        assert!(pick_towns(&t, ukraine, 0, 0.5).is_empty());
    }
}
