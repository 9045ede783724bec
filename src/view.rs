//! What the reader is looking at, as a typed value that round-trips through
//! the URL fragment: `#/a/seed-1/place/pokrovsk`.
//!
//! The router hands over the raw path after the article id; [`ArticleView::parse`]
//! validates it in a second step. A path it cannot read yields the default view
//! and a message to show, never a dead page. Kept free of web dependencies so
//! it is tested natively.

use std::fmt;

/// A panel of the article explorer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tab {
    /// Map and place list.
    #[default]
    Places,
    /// The article text with highlights.
    Text,
    /// Speakers and their statements.
    Speakers,
    /// Two speakers or sides side by side.
    Compare,
    /// Incidents with figures.
    Events,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Places,
        Tab::Text,
        Tab::Speakers,
        Tab::Compare,
        Tab::Events,
    ];

    /// The path segment naming the tab.
    pub fn segment(self) -> &'static str {
        match self {
            Tab::Places => "places",
            Tab::Text => "text",
            Tab::Speakers => "speakers",
            Tab::Compare => "compare",
            Tab::Events => "events",
        }
    }

    /// The label shown to the reader.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Places => "Places",
            Tab::Text => "Text",
            Tab::Speakers => "Speakers",
            Tab::Compare => "Side by side",
            Tab::Events => "Events",
        }
    }

    fn from_segment(segment: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.segment() == segment)
    }
}

/// The item the reader selected, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Selection {
    #[default]
    None,
    /// A place, by slug.
    Place(String),
    /// A speaker, by slug.
    Speaker(String),
    /// Two speakers or sides compared, by slug (`side-ua` names a side).
    Pair(String, String),
    /// A sentence, by index.
    Sentence(usize),
}

/// One view of one article: which tab, what is selected.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ArticleView {
    pub tab: Tab,
    pub selection: Selection,
}

/// Why a view path could not be read; shown to the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadViewPath(pub String);

impl fmt::Display for BadViewPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "This link names a view that does not exist (“{}”), so the article opens at its start.",
            self.0
        )
    }
}

impl ArticleView {
    /// A view on `tab` with nothing selected.
    pub fn tab(tab: Tab) -> ArticleView {
        ArticleView {
            tab,
            selection: Selection::None,
        }
    }

    /// The view that selects a place, keeping the tab when it shows places.
    pub fn place(tab: Tab, slug: &str) -> ArticleView {
        let tab = if matches!(tab, Tab::Places | Tab::Text) {
            tab
        } else {
            Tab::Places
        };
        ArticleView {
            tab,
            selection: Selection::Place(slug.to_string()),
        }
    }

    /// Reads the path after `/a/<id>`: `""`, `text`, `place/pokrovsk`,
    /// `text/place/pokrovsk`, `speaker/peskov`, `compare/a/b`, `sentence/3`.
    ///
    /// ```
    /// use news_atlas::view::{ArticleView, Selection, Tab};
    /// let v = ArticleView::parse("text/place/pokrovsk").unwrap();
    /// assert_eq!((v.tab, &v.selection), (Tab::Text, &Selection::Place("pokrovsk".into())));
    /// assert_eq!(v.to_path(), "text/place/pokrovsk");
    /// ```
    pub fn parse(path: &str) -> Result<ArticleView, BadViewPath> {
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let bad = || BadViewPath(path.chars().take(80).collect());
        let (tab, rest) = match parts.split_first() {
            Some((first, rest)) if *first != "compare" => match Tab::from_segment(first) {
                Some(tab) => (Some(tab), rest),
                None => (None, &parts[..]),
            },
            _ => (None, &parts[..]),
        };
        let selection = match rest {
            [] => Selection::None,
            ["place", slug] if is_slug(slug) => Selection::Place(slug.to_string()),
            ["speaker", slug] if is_slug(slug) => Selection::Speaker(slug.to_string()),
            ["compare"] => return Ok(ArticleView::tab(Tab::Compare)),
            ["compare", a, b] if is_slug(a) && is_slug(b) => {
                Selection::Pair(a.to_string(), b.to_string())
            }
            ["sentence", n] => Selection::Sentence(n.parse().map_err(|_| bad())?),
            _ => return Err(bad()),
        };
        // A selection implies the tab that shows it, unless the path named one.
        let tab = tab.unwrap_or(match selection {
            Selection::None | Selection::Place(_) => Tab::Places,
            Selection::Speaker(_) => Tab::Speakers,
            Selection::Pair(..) => Tab::Compare,
            Selection::Sentence(_) => Tab::Text,
        });
        Ok(ArticleView { tab, selection })
    }

    /// The shortest path that [`parse`](Self::parse) reads back as this view.
    pub fn to_path(&self) -> String {
        let selection = match &self.selection {
            Selection::None => String::new(),
            Selection::Place(slug) => format!("place/{slug}"),
            Selection::Speaker(slug) => format!("speaker/{slug}"),
            Selection::Pair(a, b) => format!("compare/{a}/{b}"),
            Selection::Sentence(n) => format!("sentence/{n}"),
        };
        let implied = ArticleView::parse(&selection)
            .map(|v| v.tab)
            .unwrap_or_default();
        match (self.tab == implied, selection.is_empty()) {
            (true, _) => selection,
            (false, true) => self.tab.segment().to_string(),
            (false, false) => format!("{}/{selection}", self.tab.segment()),
        }
    }
}

/// Whether an article dated `date` falls within the bounds `from..=to`
/// (`YYYY-MM-DD`, empty for no bound). Undated articles stay in view unless
/// a bound is set.
pub fn date_in_range(date: Option<&str>, from: &str, to: &str) -> bool {
    match date {
        Some(d) => (from.is_empty() || d >= from) && (to.is_empty() || d <= to),
        None => from.is_empty() && to.is_empty(),
    }
}

/// Slugs are lowercase ASCII letters, digits and hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A URL slug for a name: lowercase ASCII letters and digits joined by
/// single hyphens, at most 80 bytes (so [`is_slug`] accepts it unless empty).
/// Latin letters with diacritics and Cyrillic are transliterated,
/// apostrophes dropped; anything else separates words. Empty when nothing
/// is left.
///
/// ```
/// use news_atlas::view::slugify;
/// assert_eq!(slugify("Volodymyr Zelenskyy"), "volodymyr-zelenskyy");
/// assert_eq!(slugify("Kaja  Kallas’s office"), "kaja-kallass-office");
/// ```
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        let ascii: &str = match c {
            'a'..='z' | '0'..='9' => c.encode_utf8(&mut buf),
            _ => match transliterate(c) {
                Some(ascii) => ascii,
                None => {
                    gap = !out.is_empty();
                    continue;
                }
            },
        };
        if ascii.is_empty() {
            continue;
        }
        // Stop at a word boundary rather than exceed the slug length limit.
        if out.len() + usize::from(gap) + ascii.len() > 80 {
            break;
        }
        if gap {
            out.push('-');
            gap = false;
        }
        out.push_str(ascii);
    }
    out
}

/// ASCII for a lowercase letter with diacritics or a Cyrillic letter; `""`
/// for a mark dropped inside a word; `None` for a word separator.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ы' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ю' => "yu",
        'я' => "ya",
        // Apostrophes and the soft and hard signs belong to the word:
        // dropped without splitting it ("Russia’s" -> "russias").
        '\'' | '’' | 'ʼ' | 'ъ' | 'ь' => "",
        _ => return None,
    })
}

/// A slug for each name, unique within the list and never one of `reserved`:
/// a name whose slug is taken gets `-2`, `-3` ...; a name with no slug
/// letters gets `fallback` (also numbered).
///
/// ```
/// use news_atlas::view::unique_slugs;
/// assert_eq!(unique_slugs(["Ann Lee", "Ann Lee", "…"], "speaker", &[]), ["ann-lee", "ann-lee-2", "speaker"]);
/// ```
pub fn unique_slugs<'a>(
    names: impl IntoIterator<Item = &'a str>,
    fallback: &str,
    reserved: &[&str],
) -> Vec<String> {
    let mut taken: std::collections::HashSet<String> =
        reserved.iter().map(|r| r.to_string()).collect();
    let mut out = Vec::new();
    for name in names {
        let mut base = slugify(name);
        if base.is_empty() {
            base = fallback.to_string();
        }
        // Leave room for a numeric suffix within the 80-byte limit.
        base.truncate(72);
        let base = base.trim_end_matches('-').to_string();
        let mut slug = base.clone();
        let mut n = 2;
        while taken.contains(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(slug.clone());
        out.push(slug);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_to_views_and_back() {
        let cases: &[(&str, Tab, Selection)] = &[
            ("", Tab::Places, Selection::None),
            ("text", Tab::Text, Selection::None),
            ("events", Tab::Events, Selection::None),
            (
                "place/pokrovsk",
                Tab::Places,
                Selection::Place("pokrovsk".into()),
            ),
            (
                "text/place/donetsk-oblast",
                Tab::Text,
                Selection::Place("donetsk-oblast".into()),
            ),
            (
                "speaker/dmitry-peskov",
                Tab::Speakers,
                Selection::Speaker("dmitry-peskov".into()),
            ),
            ("compare", Tab::Compare, Selection::None),
            (
                "compare/side-ru/volodymyr-zelenskyy",
                Tab::Compare,
                Selection::Pair("side-ru".into(), "volodymyr-zelenskyy".into()),
            ),
            ("sentence/12", Tab::Text, Selection::Sentence(12)),
            ("places/sentence/3", Tab::Places, Selection::Sentence(3)),
        ];
        for (path, tab, selection) in cases {
            let view = ArticleView::parse(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!((&view.tab, &view.selection), (tab, selection), "{path}");
            assert_eq!(
                ArticleView::parse(&view.to_path()).unwrap(),
                view,
                "{path} round trip"
            );
        }
    }

    #[test]
    fn malformed_paths_are_errors_not_panics() {
        for path in [
            "nonsense",
            "place",
            "place/Not A Slug",
            "sentence/x",
            "sentence/-1",
            "place/a/b",
            "compare/a",
            "text/text",
            "speaker/ü",
        ] {
            assert!(ArticleView::parse(path).is_err(), "{path}");
        }
    }

    #[test]
    fn date_bounds_are_inclusive_and_undated_articles_need_no_bounds() {
        assert!(date_in_range(None, "", ""));
        assert!(!date_in_range(None, "2025-01-01", ""));
        assert!(date_in_range(
            Some("2025-03-17"),
            "2025-03-17",
            "2025-03-17"
        ));
        assert!(date_in_range(
            Some("2025-03-17"),
            "2025-03-01",
            "2025-03-31"
        ));
        assert!(!date_in_range(Some("2025-12-01"), "", "2025-06-30"));
        assert!(!date_in_range(Some("2025-03-17"), "2025-04-01", ""));
    }

    #[test]
    fn every_tab_round_trips_without_selection() {
        for tab in Tab::ALL {
            let view = ArticleView::tab(tab);
            assert_eq!(ArticleView::parse(&view.to_path()).unwrap(), view);
        }
    }

    #[test]
    fn slugify_makes_url_safe_slugs() {
        let cases = [
            ("Volodymyr Zelenskyy", "volodymyr-zelenskyy"),
            ("Russia’s Defense Ministry", "russias-defense-ministry"),
            ("  --Kaja   Kallas-- ", "kaja-kallas"),
            ("François Hollande", "francois-hollande"),
            ("Łukasz Żuk", "lukasz-zuk"),
            ("Зеленський", "zelenskiy"),
            ("Дмитрий Песков", "dmitriy-peskov"),
            ("U.S. envoy", "u-s-envoy"),
            ("习近平", ""),
            ("", ""),
        ];
        for (name, slug) in cases {
            assert_eq!(slugify(name), slug, "{name}");
            assert!(slug.is_empty() || is_slug(slug), "{slug}");
        }
        let long = slugify(&"word ".repeat(40));
        assert!(
            is_slug(&long) && long.len() <= 80 && !long.ends_with('-'),
            "{long}"
        );
    }

    #[test]
    fn unique_slugs_number_repeats_and_avoid_reserved_names() {
        let got = unique_slugs(
            ["Unattributed", "Ann Lee", "ann lee", "习近平", "😀"],
            "speaker",
            &["unattributed"],
        );
        assert_eq!(
            got,
            [
                "unattributed-2",
                "ann-lee",
                "ann-lee-2",
                "speaker",
                "speaker-2"
            ]
        );
        assert!(got.iter().all(|s| is_slug(s)));
    }
}
