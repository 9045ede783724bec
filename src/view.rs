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

/// The trailing segment that switches Side by side to every article:
/// `compare/across`, `compare/side-ru/volodymyr-zelenskyy/across`.
const ACROSS: &str = "across";

impl ArticleView {
    /// Reads a view path that may end in the compare-across switch; the
    /// flag is true only on the Side by side tab.
    ///
    /// ```
    /// use news_atlas::view::{ArticleView, Selection, Tab};
    /// let (v, across) = ArticleView::parse_with_across("compare/side-ru/side-ua/across").unwrap();
    /// assert_eq!((v.tab, across), (Tab::Compare, true));
    /// assert_eq!(v.to_path_with_across(across), "compare/side-ru/side-ua/across");
    /// ```
    pub fn parse_with_across(path: &str) -> Result<(ArticleView, bool), BadViewPath> {
        let trimmed = path.trim_end_matches('/');
        if let Some(head) = trimmed.strip_suffix(ACROSS) {
            if head.is_empty() || head.ends_with('/') {
                // "compare/a/across" is also the pair (a, "across"): the
                // switch is read only when what precedes it is a view.
                if let Ok(view) = ArticleView::parse(head) {
                    if view.tab == Tab::Compare {
                        return Ok((view, true));
                    }
                }
            }
        }
        ArticleView::parse(path).map(|view| (view, false))
    }

    /// [`to_path`](Self::to_path), ending in `across` when the switch is on
    /// and the view is the Side by side tab.
    pub fn to_path_with_across(&self, across: bool) -> String {
        let path = self.to_path();
        match (across && self.tab == Tab::Compare, path.is_empty()) {
            (false, _) => path,
            (true, true) => format!("{}/{ACROSS}", Tab::Compare.segment()),
            (true, false) => format!("{path}/{ACROSS}"),
        }
    }
}

/// The All places view: the date filter and the selected place, all in the
/// URL (`#/all/from/2025-03-01/to/2025-06-30/place/pokrovsk`, each part
/// optional) so back and forward restore them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct AllView {
    /// Earliest date shown, `YYYY-MM-DD`, empty for no bound.
    pub from: String,
    /// Latest date shown, `YYYY-MM-DD`, empty for no bound.
    pub to: String,
    /// The selected place's slug, if any.
    pub place: Option<String>,
}

impl AllView {
    /// Reads the path after `/all`; raw segments first, then each value is
    /// validated (calendar dates, slugs). Malformed paths are errors for the
    /// page to show with the default view.
    ///
    /// ```
    /// use news_atlas::view::AllView;
    /// let v = AllView::parse("from/2025-03-01/place/pokrovsk").unwrap();
    /// assert_eq!((v.from.as_str(), v.to.as_str(), v.place.as_deref()), ("2025-03-01", "", Some("pokrovsk")));
    /// assert_eq!(v.to_path(), "from/2025-03-01/place/pokrovsk");
    /// assert!(AllView::parse("from/2025-02-30").is_err());
    /// ```
    pub fn parse(path: &str) -> Result<AllView, BadViewPath> {
        let bad = || BadViewPath(path.chars().take(80).collect());
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let mut view = AllView::default();
        let mut rest = &parts[..];
        // Each key at most once, in this order, so every view has one path.
        if let ["from", date, tail @ ..] = rest {
            view.from = valid_date(date).ok_or_else(bad)?;
            rest = tail;
        }
        if let ["to", date, tail @ ..] = rest {
            view.to = valid_date(date).ok_or_else(bad)?;
            rest = tail;
        }
        match rest {
            [] => {}
            ["place", slug] if is_slug(slug) => view.place = Some(slug.to_string()),
            _ => return Err(bad()),
        }
        Ok(view)
    }

    /// The path [`parse`](Self::parse) reads back as this view.
    pub fn to_path(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if !self.from.is_empty() {
            parts.extend(["from", &self.from]);
        }
        if !self.to.is_empty() {
            parts.extend(["to", &self.to]);
        }
        if let Some(place) = &self.place {
            parts.extend(["place", place]);
        }
        parts.join("/")
    }
}

fn valid_date(s: &str) -> Option<String> {
    crate::date_guess::is_iso_date(s).then(|| s.to_string())
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
    fn the_compare_across_switch_round_trips() {
        let cases: &[(&str, Selection, bool)] = &[
            ("compare", Selection::None, false),
            ("compare/across", Selection::None, true),
            (
                "compare/side-ru/side-ua/across",
                Selection::Pair("side-ru".into(), "side-ua".into()),
                true,
            ),
            (
                "compare/side-ru/side-ua",
                Selection::Pair("side-ru".into(), "side-ua".into()),
                false,
            ),
            // A speaker slugged "across" is still a pair.
            (
                "compare/ann-lee/across",
                Selection::Pair("ann-lee".into(), "across".into()),
                false,
            ),
            (
                "compare/ann-lee/across/across",
                Selection::Pair("ann-lee".into(), "across".into()),
                true,
            ),
            (
                "compare/across/ann-lee",
                Selection::Pair("across".into(), "ann-lee".into()),
                false,
            ),
            ("compare/across/", Selection::None, true),
        ];
        for (path, selection, across) in cases {
            let (view, on) =
                ArticleView::parse_with_across(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(
                (view.tab, &view.selection, on),
                (Tab::Compare, selection, *across),
                "{path}"
            );
            let back = view.to_path_with_across(on);
            assert_eq!(
                ArticleView::parse_with_across(&back).unwrap(),
                (view, on),
                "{path} -> {back}"
            );
        }
        // The switch belongs to Side by side only.
        for path in [
            "across",
            "text/across",
            "place/kyiv/across",
            "speaker/across/across",
        ] {
            assert!(ArticleView::parse_with_across(path).is_err(), "{path}");
        }
        assert_eq!(
            ArticleView::tab(Tab::Text).to_path_with_across(true),
            "text"
        );
        assert_eq!(
            ArticleView::parse_with_across("speaker/across").unwrap(),
            (
                ArticleView {
                    tab: Tab::Speakers,
                    selection: Selection::Speaker("across".into())
                },
                false
            )
        );
    }

    #[test]
    fn all_places_paths_parse_to_views_and_back() {
        let view = |from: &str, to: &str, place: Option<&str>| AllView {
            from: from.into(),
            to: to.into(),
            place: place.map(String::from),
        };
        let cases: &[(&str, AllView)] = &[
            ("", view("", "", None)),
            ("place/pokrovsk", view("", "", Some("pokrovsk"))),
            ("from/2025-03-01", view("2025-03-01", "", None)),
            ("to/2025-06-30", view("", "2025-06-30", None)),
            (
                "from/2025-03-01/to/2025-06-30",
                view("2025-03-01", "2025-06-30", None),
            ),
            (
                "from/2024-02-29/to/2024-03-01/place/lviv",
                view("2024-02-29", "2024-03-01", Some("lviv")),
            ),
            (
                "to/2025-12-31/place/gulf-of-aden",
                view("", "2025-12-31", Some("gulf-of-aden")),
            ),
            ("/from/2025-01-01/", view("2025-01-01", "", None)),
            // A reversed range is a valid view that shows no article.
            (
                "from/2025-06-30/to/2025-03-01",
                view("2025-06-30", "2025-03-01", None),
            ),
            ("place/odesa", view("", "", Some("odesa"))),
        ];
        for (path, expected) in cases {
            let got = AllView::parse(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(&got, expected, "{path}");
            assert_eq!(
                AllView::parse(&got.to_path()).unwrap(),
                got,
                "{path} round trip"
            );
        }
    }

    #[test]
    fn malformed_all_places_paths_are_errors() {
        for path in [
            "from",
            "from/yesterday",
            "from/2025-02-30",
            "to/2025-13-01",
            "to/2025-06-30/from/2025-03-01",
            "from/2025-03-01/from/2025-03-02",
            "place",
            "place/Not A Slug",
            "place/a/b",
            "nonsense",
            "from/2025-03-01/place",
        ] {
            assert!(AllView::parse(path).is_err(), "{path}");
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
