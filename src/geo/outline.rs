//! The bundled map outlines (`data/outlines.bin`, built by
//! `data/build_outlines.py` from Natural Earth), decoded once.
//!
//! # Format
//!
//! The file is one zlib stream; inflated, it reads:
//!
//! Integers are LEB128 varints; signed ones are zigzag-encoded (`s`); strings
//! are a varint byte length and UTF-8.
//!
//! ```text
//! "NAOL" u8:version=1  quant  layer_count  layer*
//! layer   := name  arc_count arc*  feature_count feature*
//! arc     := point_count (s:dx s:dy)*     // deltas in 1/quant degree, from 0,0
//! feature := code name keys parent ring_count ring*
//! ring    := ref_count s:ref*             // arc index; !i = arc i reversed
//! ```
//!
//! `code` is the ISO 3166-1 alpha-2 code of a country (empty for the few
//! territories without one) or the ISO 3166-2 code of a region; `keys` are
//! `|`-separated folded names (see [`fold`]); `parent` is a region's country.
//! Layers: `world` (all countries, coarse), `detail` (Europe and the Middle
//! East, finer), `admin1` (first-level regions of chosen countries).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{project, Point, Rect};

static BYTES: &[u8] = include_bytes!("../../data/outlines.bin");

static OUTLINES: LazyLock<Outlines> =
    LazyLock::new(|| Outlines::decode(BYTES).expect("data/outlines.bin is well-formed"));

/// The bundled outlines, decoded and projected on first use.
pub fn outlines() -> &'static Outlines {
    &OUTLINES
}

/// All layers of the outline file.
#[derive(Debug)]
pub struct Outlines {
    pub world: Layer,
    pub detail: Layer,
    pub admin1: Layer,
    /// Natural Earth 1:50m lakes (polygons) and rivers (open lines: each
    /// "ring" is a line); empty in a file without them.
    pub lakes: Layer,
    pub rivers: Layer,
    /// Folded region name (generic words dropped) -> admin1 feature indices,
    /// primary names first.
    region_names: HashMap<String, Vec<usize>>,
}

/// One set of outlines sharing its arcs (borders stored once).
#[derive(Debug)]
pub struct Layer {
    pub name: String,
    /// Projected arcs, in world units.
    pub arcs: Vec<Vec<Point>>,
    pub features: Vec<Feature>,
}

/// A country or region outline.
#[derive(Debug)]
pub struct Feature {
    /// ISO 3166-1 alpha-2 (countries; may be empty) or ISO 3166-2 (regions).
    pub code: String,
    pub name: String,
    /// Folded names and alternate names (see [`fold`]).
    pub keys: Vec<String>,
    /// A region's country (alpha-2); empty for countries.
    pub parent: String,
    /// Rings as arc references: `i` is arc `i`, `!i` is arc `i` reversed.
    pub rings: Vec<Vec<i32>>,
    /// Bounds in world units.
    pub bbox: Rect,
}

impl Layer {
    /// The points of one ring, in world units, closed (last equals first).
    pub fn ring_points<'a>(&'a self, ring: &'a [i32]) -> impl Iterator<Item = Point> + 'a {
        ring.iter().enumerate().flat_map(move |(k, &r)| {
            let (arc, rev) = if r >= 0 {
                (r as usize, false)
            } else {
                (!r as usize, true)
            };
            let pts = &self.arcs[arc];
            // Consecutive arcs share their joining point: skip the repeat.
            let skip = usize::from(k > 0);
            let n = pts.len();
            (skip..n).map(move |i| if rev { pts[n - 1 - i] } else { pts[i] })
        })
    }

    /// The feature with this code, if any (codes are unique within a layer).
    pub fn find(&self, code: &str) -> Option<&Feature> {
        if code.is_empty() {
            return None;
        }
        self.features
            .iter()
            .find(|f| f.code.eq_ignore_ascii_case(code))
    }

    /// True when world point `p` lies inside the feature (even-odd rule).
    pub fn contains(&self, f: &Feature, p: Point) -> bool {
        if !f.bbox.contains_point(p) {
            return false;
        }
        let mut inside = false;
        for ring in &f.rings {
            let pts: Vec<Point> = self.ring_points(ring).collect();
            for w in pts.windows(2) {
                let (a, b) = (w[0], w[1]);
                if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
                {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

impl Outlines {
    /// Decodes an outline file. Only broken bundled data fails.
    pub fn decode(packed: &[u8]) -> Result<Outlines, String> {
        let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(packed)
            .map_err(|e| format!("not a zlib stream: {e:?}"))?;
        let mut r = Reader { b: &bytes, i: 0 };
        if r.take(4)? != b"NAOL" {
            return Err("bad magic".into());
        }
        let version = r.take(1)?[0];
        if version != 1 {
            return Err(format!("unknown version {version}"));
        }
        let quant = r.uvar()? as f64;
        if quant == 0.0 {
            return Err("zero quantisation".into());
        }
        let count = r.uvar()?;
        let mut layers = Vec::with_capacity(count as usize);
        for _ in 0..count {
            layers.push(r.layer(quant)?);
        }
        let mut optional = |name: &str| -> Layer {
            match layers.iter().position(|l| l.name == name) {
                Some(i) => layers.swap_remove(i),
                None => Layer {
                    name: name.to_owned(),
                    arcs: Vec::new(),
                    features: Vec::new(),
                },
            }
        };
        let (lakes, rivers) = (optional("lakes"), optional("rivers"));
        let mut take = |name: &str| -> Result<Layer, String> {
            let i = layers
                .iter()
                .position(|l| l.name == name)
                .ok_or(format!("no layer {name}"))?;
            Ok(layers.swap_remove(i))
        };
        let (world, detail, admin1) = (take("world")?, take("detail")?, take("admin1")?);
        let region_names = index_regions(&admin1);
        Ok(Outlines {
            world,
            detail,
            admin1,
            lakes,
            rivers,
            region_names,
        })
    }

    /// The region outline for a region place: `name` is an ISO 3166-2 code
    /// (`UA-14`) or a name in any common spelling (`Donetsk Oblast`,
    /// `Donets'k`, `Kharkiv region`); `country` (alpha-2) settles names that
    /// several countries use (Georgia, Punjab).
    ///
    /// ```
    /// let o = news_atlas::geo::outlines();
    /// assert_eq!(o.find_region("Donetsk Oblast", Some("UA")).unwrap().code, "UA-14");
    /// assert_eq!(o.find_region("Crimea", None).unwrap().parent, "UA");
    /// ```
    pub fn find_region(&self, name: &str, country: Option<&str>) -> Option<&Feature> {
        let name = name.trim();
        if let Some(f) = self.admin1.find(name) {
            return Some(f);
        }
        let ids = self.region_names.get(&region_key(name))?;
        let pick = country
            .and_then(|c| {
                ids.iter()
                    .find(|&&i| self.admin1.features[i].parent.eq_ignore_ascii_case(c))
            })
            .or_else(|| ids.first())?;
        Some(&self.admin1.features[*pick])
    }

    /// The country outline (coarse layer) with this alpha-2 code.
    pub fn country(&self, code: &str) -> Option<&Feature> {
        self.world.find(code)
    }
}

fn index_regions(layer: &Layer) -> HashMap<String, Vec<usize>> {
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    // Primary names first, so "Kiev" finds the oblast before any alternate.
    let max_keys = layer
        .features
        .iter()
        .map(|f| f.keys.len())
        .max()
        .unwrap_or(0);
    for k in 0..max_keys {
        for (i, f) in layer.features.iter().enumerate() {
            if let Some(key) = f.keys.get(k) {
                let key = strip_generic(key);
                if key.is_empty() {
                    continue;
                }
                let ids = map.entry(key).or_default();
                if !ids.contains(&i) {
                    ids.push(i);
                }
            }
        }
    }
    map
}

/// Words that say "a region" in names but not which one.
const GENERIC: &[&str] = &[
    "oblast",
    "oblasti",
    "region",
    "province",
    "state",
    "krai",
    "kray",
    "republic",
    "of",
    "the",
    "autonomous",
    "governorate",
    "muhafazah",
    "okrug",
    "voivodeship",
    "county",
    "territory",
];

fn strip_generic(folded: &str) -> String {
    folded
        .split(' ')
        .filter(|w| !GENERIC.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn region_key(name: &str) -> String {
    strip_generic(&fold(name))
}

/// Lower-case ASCII key for a name: common diacritics folded, apostrophes
/// dropped, anything else non-alphanumeric a single space. Matches `fold` in
/// `data/build_outlines.py` for Latin-script names.
///
/// ```
/// assert_eq!(news_atlas::geo::outline::fold("Donets'k  Oblast"), "donetsk oblast");
/// assert_eq!(news_atlas::geo::outline::fold("Zaporižžja"), "zaporizzja");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '`') {
            continue;
        }
        let c = fold_char(c.to_lowercase().next().unwrap_or(c));
        if c.is_ascii_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

fn fold_char(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ġ' | 'ģ' => 'g',
        'ì'..='ï' | 'ī' | 'į' | 'ı' | 'ĭ' => 'i',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ț' => 't',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .i
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or("truncated")?;
        let s = &self.b[self.i..end];
        self.i = end;
        Ok(s)
    }

    fn uvar(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("varint too long".into())
    }

    fn svar(&mut self) -> Result<i64, String> {
        let u = self.uvar()?;
        Ok((u >> 1) as i64 ^ -((u & 1) as i64))
    }

    fn string(&mut self) -> Result<String, String> {
        let n = self.uvar()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|e| e.to_string())
    }

    fn layer(&mut self, quant: f64) -> Result<Layer, String> {
        let name = self.string()?;
        let arc_count = self.uvar()? as usize;
        let mut arcs = Vec::with_capacity(arc_count.min(1 << 20));
        for _ in 0..arc_count {
            let n = self.uvar()? as usize;
            let mut pts = Vec::with_capacity(n.min(1 << 20));
            let (mut x, mut y) = (0i64, 0i64);
            for _ in 0..n {
                x += self.svar()?;
                y += self.svar()?;
                pts.push(project(x as f64 / quant, y as f64 / quant));
            }
            arcs.push(pts);
        }
        let feature_count = self.uvar()? as usize;
        let mut features = Vec::with_capacity(feature_count.min(1 << 16));
        for _ in 0..feature_count {
            let code = self.string()?;
            let name = self.string()?;
            let keys = self.string()?;
            let keys = keys
                .split('|')
                .filter(|k| !k.is_empty())
                .map(str::to_owned)
                .collect();
            let parent = self.string()?;
            let ring_count = self.uvar()? as usize;
            let mut rings = Vec::with_capacity(ring_count.min(1 << 16));
            let mut bbox = Rect::empty();
            for _ in 0..ring_count {
                let refs = self.uvar()? as usize;
                let mut ring = Vec::with_capacity(refs.min(1 << 16));
                for _ in 0..refs {
                    let r = self.svar()?;
                    let arc = if r >= 0 { r } else { !r } as usize;
                    let pts = arcs.get(arc).ok_or("arc index out of range")?;
                    pts.iter().for_each(|&p| bbox.include(p));
                    ring.push(i32::try_from(r).map_err(|e| e.to_string())?);
                }
                rings.push(ring);
            }
            features.push(Feature {
                code,
                name,
                keys,
                parent,
                rings,
                bbox,
            });
        }
        Ok(Layer {
            name,
            arcs,
            features,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_outlines_load() {
        let o = outlines();
        assert!(o.world.features.len() > 170, "{}", o.world.features.len());
        assert!(o.detail.features.len() > 40);
        assert!(o.admin1.features.len() > 300);
        for code in ["UA", "RU", "US", "FR", "CN", "BR", "AU", "XK"] {
            assert!(o.country(code).is_some(), "{code}");
        }
    }

    #[test]
    fn outlines_stay_within_their_download_budget() {
        // The whole first page (wasm and data) must stay under 1.2 MB gzip;
        // the outlines' share is about 150 KB. Deflate is what gzip sends.
        let deflated = miniz_oxide::deflate::compress_to_vec(BYTES, 9).len();
        assert!(deflated < 150 * 1024, "{deflated} bytes deflated");
    }

    #[test]
    fn codes_are_unique_within_a_layer() {
        // The page keys its paths by code: a repeat breaks its keyed lists.
        let o = outlines();
        for layer in [&o.world, &o.detail, &o.admin1] {
            let mut codes: Vec<&str> = layer
                .features
                .iter()
                .map(|f| f.code.as_str())
                .filter(|c| !c.is_empty())
                .collect();
            let n = codes.len();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), n, "{}", layer.name);
        }
    }

    #[test]
    fn crimea_is_drawn_in_ukraine() {
        let o = outlines();
        let simferopol = project(34.10, 44.95);
        for layer in [&o.world, &o.detail] {
            let ua = layer.find("UA").unwrap();
            let ru = layer.find("RU").unwrap();
            assert!(layer.contains(ua, simferopol), "{}", layer.name);
            assert!(!layer.contains(ru, simferopol), "{}", layer.name);
        }
        let crimea = o.admin1.find("UA-43").unwrap();
        assert_eq!(crimea.parent, "UA");
        assert!(o.admin1.contains(crimea, simferopol));
    }

    #[test]
    fn regions_are_found_by_code_and_common_spellings() {
        let o = outlines();
        let cases = [
            ("UA-14", None, "UA-14"),
            ("Donetsk Oblast", None, "UA-14"),
            ("Donets'k", None, "UA-14"),
            ("Kharkiv region", None, "UA-63"),
            ("Zaporizhzhia Oblast", Some("UA"), "UA-23"),
            ("Kyiv Oblast", Some("UA"), "UA-32"),
            ("Kursk Oblast", Some("RU"), "RU-KRS"),
            ("Belgorod", Some("RU"), "RU-BEL"),
            ("Texas", None, "US-TX"),
            ("Georgia", Some("US"), "US-GA"),
        ];
        for (name, country, code) in cases {
            let f = o
                .find_region(name, country)
                .unwrap_or_else(|| panic!("{name}"));
            assert_eq!(f.code, code, "{name}");
        }
        assert!(o.find_region("Atlantis", None).is_none());
        assert!(o.find_region("", None).is_none());
    }

    #[test]
    fn broken_data_is_an_error_not_a_panic() {
        let zlib = |raw: &[u8]| miniz_oxide::deflate::compress_to_vec_zlib(raw, 6);
        assert!(Outlines::decode(b"").is_err());
        assert!(Outlines::decode(b"NAOL\x01").is_err(), "not zlib");
        assert!(
            Outlines::decode(&zlib(b"NAOL\x02")).is_err(),
            "unknown version"
        );
        assert!(Outlines::decode(&zlib(b"NAOL\x01")).is_err(), "truncated");
        assert!(Outlines::decode(&BYTES[..BYTES.len() / 2]).is_err());
    }

    #[test]
    fn region_points_lie_in_their_regions() {
        let o = outlines();
        let donetsk = o.admin1.find("UA-14").unwrap();
        assert!(
            o.admin1.contains(donetsk, project(37.18, 48.28)),
            "Pokrovsk"
        );
        assert!(
            !o.admin1.contains(donetsk, project(36.23, 49.99)),
            "Kharkiv city"
        );
    }
}
