//! A place as the article spells it, and the spellings the place filter
//! accepts. The gazetteer's canonical name ("Slovyansk") is the resolver's
//! business; the reader sees the article's own word ("Sloviansk") first and
//! the canonical name beside it when they differ. Pure: tested natively.

use crate::analysis::gazetteer::{self, GAZETTEER};
use crate::analysis::Place;

/// The place as the article writes it: the text of its first mention that
/// is not in capitals throughout (a dateline's "KYIV" is not how the
/// article spells the name), white space collapsed; the canonical name when
/// there is no such mention, or when the article's word differs only in
/// letter case.
///
/// ```
/// use news_atlas::analysis::analyze;
/// use news_atlas::place_names::article_spelling;
/// let text = "KYIV (AP) — Shelling hit Kiev overnight.";
/// let a = analyze(text);
/// let kyiv = a.places.iter().find(|p| p.name == "Kyiv").unwrap();
/// assert_eq!(article_spelling(text, kyiv), "Kiev");
/// ```
pub fn article_spelling(text: &str, place: &Place) -> String {
    let spelled = place
        .mentions
        .iter()
        .map(|m| m.slice(text))
        .find(|s| s.chars().any(char::is_lowercase));
    match spelled {
        Some(s) => {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if s.to_lowercase() == place.name.to_lowercase() || s.is_empty() {
                place.name.clone()
            } else {
                s
            }
        }
        None => place.name.clone(),
    }
}

/// The canonical name to show under the article's spelling, when it differs.
pub fn canonical_if_different<'a>(spelling: &str, place: &'a Place) -> Option<&'a str> {
    (spelling != place.name).then_some(place.name.as_str())
}

/// A country's name for its ISO code ("FR" -> "France"), from the
/// gazetteer; `None` for a code it lacks.
///
/// ```
/// use news_atlas::place_names::country_name;
/// assert_eq!(country_name("FR"), Some("France"));
/// assert_eq!(country_name("ZZ"), None);
/// ```
///
/// In the page, before the gazetteer has arrived, the names come from the
/// table build.rs wrote from the same gazetteer (feature `precomputed`), so
/// a bundled article's list is grouped by the same names from the start.
pub fn country_name(code: &str) -> Option<&'static str> {
    let Some(g) = GAZETTEER.get() else {
        return before_data_country_name(code);
    };
    let cc: [u8; 2] = code.as_bytes().try_into().ok()?;
    g.country(cc)
        .map(|entry| g.name_of(entry))
        .filter(|name| !name.is_empty())
}

#[cfg(feature = "precomputed")]
fn before_data_country_name(code: &str) -> Option<&'static str> {
    crate::precomputed::country_name(code)
}

/// Without the build-time table the list shows the code until then.
#[cfg(not(feature = "precomputed"))]
fn before_data_country_name(_code: &str) -> Option<&'static str> {
    None
}

/// What the reader typed into a place filter, with every place the
/// gazetteer knows by that name: "Kiev" finds Kyiv, "Bombay" Mumbai.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlaceFilter {
    /// The query, lower-cased and trimmed; empty matches everything.
    lower: String,
    /// Canonical (name, country) of each place with a name equal to the
    /// query (whole words, any letter case of their first letters).
    known_as: Vec<(String, Option<String>)>,
    /// The gazetteer was not there yet (see [`Self::lacks_other_names`]).
    without_other_names: bool,
}

impl PlaceFilter {
    /// Looks the query up once; [`matches`](Self::matches) is then cheap.
    pub fn new(query: &str) -> PlaceFilter {
        let query = query.split_whitespace().collect::<Vec<_>>().join(" ");
        let lower = query.to_lowercase();
        let mut known_as: Vec<(String, Option<String>)> = Vec::new();
        let gazetteer = GAZETTEER.get();
        if let Some(g) = gazetteer.filter(|_| !query.is_empty()) {
            for form in [query.clone(), title_case(&lower)] {
                for name in g.lookup(&form) {
                    let Some(entry) = g.entries.get(name.entry as usize) else {
                        continue;
                    };
                    let key = (
                        g.name_of(entry).to_string(),
                        entry.country_code().map(str::to_string),
                    );
                    if !known_as.contains(&key) {
                        known_as.push(key);
                    }
                }
            }
        }
        PlaceFilter {
            lower,
            known_as,
            without_other_names: gazetteer.is_none(),
        }
    }

    /// True when the gazetteer was not there yet when the filter was made:
    /// only the article's own spellings and the canonical names match (the
    /// page makes the filter again when it arrives).
    pub fn lacks_other_names(&self) -> bool {
        self.without_other_names
    }

    /// True when the query is empty, is part of the place's canonical name
    /// or of any of its spellings in `text`, or is another name of it.
    pub fn matches(&self, text: &str, place: &Place) -> bool {
        self.lower.is_empty()
            || place.name.to_lowercase().contains(&self.lower)
            || place
                .mentions
                .iter()
                .any(|m| m.slice(text).to_lowercase().contains(&self.lower))
            || self
                .known_as
                .iter()
                .any(|(name, country)| *name == place.name && *country == place.country)
    }
}

/// "new york" -> "New York", "ust-luga" -> "Ust-Luga": the capitals most
/// gazetteer names have.
fn title_case(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut start = true;
    for c in lower.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = gazetteer::is_word_break(c) || c == '-';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn place<'a>(a: &'a crate::analysis::Analysis, name: &str) -> &'a Place {
        a.places.iter().find(|p| p.name == name).unwrap_or_else(|| {
            panic!(
                "{name} not in {:?}",
                a.places.iter().map(|p| &p.name).collect::<Vec<_>>()
            )
        })
    }

    #[test]
    fn places_show_the_article_spelling() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, &str)] = &[
            // (text, canonical name, shown)
            ("Trains to Kiev were cancelled on Monday.", "Kyiv", "Kiev"),
            ("Shelling hit Kyiv again, officials said.", "Kyiv", "Kyiv"),
            ("Officials in Sloviansk said the shelling stopped.", "Slovyansk", "Sloviansk"),
            ("Troops near Kupiansk dug in for the winter.", "Kupyansk", "Kupiansk"),
            ("The plant at Zaporozhye lost power twice.", "Zaporizhzhya", "Zaporozhye"),
            ("Factories in Kharkov shut for the winter.", "Kharkiv", "Kharkov"),
            ("The convoy reached Bombay after a long delay.", "Mumbai", "Bombay"),
            ("Protesters gathered in Peking, witnesses said.", "Beijing", "Peking"),
            ("Flights to Calcutta resumed on Friday.", "Kolkata", "Calcutta"),
            ("Crowds filled the squares of Paris on Sunday.", "Paris", "Paris"),
        ];
        for (text, name, shown) in cases {
            let a = analyze(text);
            let p = place(&a, name);
            let spelled = article_spelling(text, p);
            assert_eq!(spelled, *shown, "{text}");
            assert_eq!(
                canonical_if_different(&spelled, p),
                (spelled != *name).then_some(*name),
                "{text}"
            );
        }
    }

    #[test]
    fn a_mention_in_capitals_throughout_is_not_the_spelling() {
        let text = "KIEV, May 2 — Later in Kiev, and in Kyiv.";
        let span = |s: usize, e: usize| crate::analysis::Span::new(s, e);
        let mut p = Place {
            slug: "kyiv".into(),
            name: "Kyiv".into(),
            kind: crate::analysis::PlaceKind::City,
            country: Some("UA".into()),
            lat: 50.45,
            lon: 30.52,
            confidence: 1.0,
            reason: String::new(),
            mentions: [text.find("Kiev").unwrap(), text.find("Kyiv").unwrap()]
                .into_iter()
                .fold(vec![span(0, 4)], |mut v, at| {
                    v.push(span(at, at + 4));
                    v
                }),
            sentences: vec![Some(0), Some(0), Some(0)],
        };
        assert_eq!(article_spelling(text, &p), "Kiev");
        p.mentions = vec![span(0, 4)];
        assert_eq!(article_spelling(text, &p), "Kyiv");
        p.mentions.clear();
        assert_eq!(article_spelling(text, &p), "Kyiv");
    }

    #[test]
    fn the_filter_matches_every_known_spelling() {
        let text = "Strikes hit Kyiv and Kharkiv; later Odesa, Mumbai and Beijing reported calm, as did Paris.";
        let a = analyze(text);
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            ("", &["Kyiv", "Kharkiv", "Odesa", "Mumbai", "Beijing", "Paris"]),
            ("Kiev", &["Kyiv"]),
            ("kiev", &["Kyiv"]),
            ("  KIEV ", &["Kyiv"]),
            ("Kharkov", &["Kharkiv"]),
            ("odessa", &["Odesa"]),
            ("Bombay", &["Mumbai"]),
            ("peking", &["Beijing"]),
            ("kyi", &["Kyiv"]),
            ("par", &["Paris"]),
            ("zzzz", &[]),
        ];
        for (query, expected) in cases {
            let filter = PlaceFilter::new(query);
            let got: Vec<&str> = a
                .places
                .iter()
                .filter(|p| filter.matches(text, p))
                .map(|p| p.name.as_str())
                .filter(|n| expected.contains(n) || !["Ukraine"].contains(n))
                .collect();
            for name in *expected {
                assert!(got.contains(name), "{query:?} should find {name}: {got:?}");
            }
            if !query.is_empty() {
                assert_eq!(got.len(), expected.len(), "{query:?}: {got:?}");
            }
        }
    }

    #[test]
    fn countries_are_named_not_coded() {
        let cases = [
            ("FR", Some("France")),
            ("IE", Some("Ireland")),
            ("UA", Some("Ukraine")),
            ("DE", Some("Germany")),
            ("JP", Some("Japan")),
            ("BR", Some("Brazil")),
            ("KE", Some("Kenya")),
            ("ZZ", None),
            ("", None),
            ("FRA", None),
        ];
        for (code, name) in cases {
            assert_eq!(country_name(code), name, "{code}");
        }
    }

    #[test]
    fn title_case_capitalises_each_word() {
        assert_eq!(title_case("new york"), "New York");
        assert_eq!(title_case("ust-luga"), "Ust-Luga");
        assert_eq!(title_case("kiev"), "Kiev");
    }
}
