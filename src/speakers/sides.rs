//! Names for sides. The analysis gives a speaker's affiliation as an ISO
//! country code, a bloc (EU, NATO, UN) or an organisation's name; the page
//! shows a readable name and puts a `side-<code>` slug in the URL.

use crate::view::slugify;

/// Country and bloc names by code; a code missing here is shown as it is.
const NAMES: &[(&str, &str)] = &[
    ("authority", "Authorities"),
    ("opposition", "Opposition"),
    ("rebels", "Rebels"),
    ("company", "Company"),
    ("union", "Union and workers"),
    ("AT", "Austria"),
    ("AU", "Australia"),
    ("AZ", "Azerbaijan"),
    ("BE", "Belgium"),
    ("BG", "Bulgaria"),
    ("BR", "Brazil"),
    ("BY", "Belarus"),
    ("CA", "Canada"),
    ("CH", "Switzerland"),
    ("CN", "China"),
    ("CZ", "Czechia"),
    ("DE", "Germany"),
    ("DK", "Denmark"),
    ("EE", "Estonia"),
    ("EG", "Egypt"),
    ("ES", "Spain"),
    ("EU", "European Union"),
    ("FI", "Finland"),
    ("FR", "France"),
    ("GB", "United Kingdom"),
    ("GE", "Georgia"),
    ("GR", "Greece"),
    ("HU", "Hungary"),
    ("IE", "Ireland"),
    ("IL", "Israel"),
    ("IN", "India"),
    ("IR", "Iran"),
    ("IT", "Italy"),
    ("JP", "Japan"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("KZ", "Kazakhstan"),
    ("LT", "Lithuania"),
    ("LV", "Latvia"),
    ("MD", "Moldova"),
    ("NATO", "NATO"),
    ("NL", "Netherlands"),
    ("NO", "Norway"),
    ("PL", "Poland"),
    ("PS", "Palestine"),
    ("PT", "Portugal"),
    ("QA", "Qatar"),
    ("RO", "Romania"),
    ("RS", "Serbia"),
    ("RU", "Russia"),
    ("SA", "Saudi Arabia"),
    ("SE", "Sweden"),
    ("SK", "Slovakia"),
    ("SY", "Syria"),
    ("TR", "Turkey"),
    ("UA", "Ukraine"),
    ("UK", "United Kingdom"),
    ("UN", "United Nations"),
    ("US", "United States"),
    ("VA", "Holy See"),
];

/// The readable name of a side: `"UA"` -> `"Ukraine"`, `"EU"` ->
/// `"European Union"`; any other code or organisation name as given.
///
/// ```
/// use news_atlas::speakers::side_label;
/// assert_eq!(side_label("UA"), "Ukraine");
/// assert_eq!(side_label("Al Jazeera"), "Al Jazeera");
/// ```
pub fn side_label(code: &str) -> String {
    NAMES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map_or_else(|| code.trim().to_string(), |(_, name)| name.to_string())
}

/// The URL slug of a side: `side-ua`; `side-none` for speakers with no side.
pub fn side_slug(code: Option<&str>) -> String {
    match code.map(slugify).filter(|s| !s.is_empty() && s != "none") {
        Some(slug) => format!("side-{}", truncate_slug(&slug, 70)),
        None => "side-none".to_string(),
    }
}

fn truncate_slug(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    slug[..max].trim_end_matches('-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::is_slug;

    #[test]
    fn known_codes_have_names_and_others_show_as_given() {
        let cases = [
            ("UA", "Ukraine"),
            ("ru", "Russia"),
            ("US", "United States"),
            ("EU", "European Union"),
            ("NATO", "NATO"),
            ("XZ", "XZ"),
            ("Al Jazeera", "Al Jazeera"),
            ("opposition", "Opposition"),
            ("authority", "Authorities"),
            ("union", "Union and workers"),
        ];
        for (code, name) in cases {
            assert_eq!(side_label(code), name, "{code}");
        }
    }

    #[test]
    fn side_slugs_are_url_safe() {
        assert_eq!(side_slug(Some("UA")), "side-ua");
        assert_eq!(side_slug(Some("Al Jazeera")), "side-al-jazeera");
        assert_eq!(side_slug(None), "side-none");
        assert_eq!(side_slug(Some("中国")), "side-none");
        assert!(is_slug(&side_slug(Some(&"long name ".repeat(20)))));
    }
}
