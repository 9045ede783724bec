//! Metadata proposed for a pasted article: a publication date found in the
//! text and a title taken from its first line. Both are suggestions the
//! reader confirms or edits; "nothing found" is `None`, never an error.
//!
//! Dates are read only in forms that cannot be misread:
//! "March 17, 2025", "Mar. 17, 2025", "17 March 2025", "2025-03-17", and a
//! slashed "17/03/2025" or "03/17/2025" only when one of the first two parts
//! is above 12 (or both are equal), so day and month cannot be swapped.
//! Every candidate is checked against the calendar (days per month, leap
//! years) and the years 1900–2100; an impossible one is skipped and the scan
//! goes on.

use std::sync::LazyLock;

use regex::Regex;

/// Years accepted as a publication date.
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// Longest first line still taken for a title, in characters.
const TITLE_MAX_CHARS: usize = 200;

/// One pattern for every accepted form, so the scan is a single left-to-right
/// pass and the leftmost date wins whatever its form.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    let pattern = format!(
        r"\b(?P<m1>{month})\b\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})\b|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{month})\b\.?,?\s+(?P<y2>\d{{4}})\b|\b(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})(?:\b|T)|\b(?P<a4>\d{{1,2}})/(?P<b4>\d{{1,2}})/(?P<y4>\d{{4}})\b"
    );
    Regex::new(&pattern).expect("date pattern is valid")
});

/// The first plausible date in `text`, as `YYYY-MM-DD`.
///
/// ```
/// use news_atlas::date_guess::find_date;
/// assert_eq!(find_date("KYIV, Mar. 17, 2025 — Officials said").as_deref(), Some("2025-03-17"));
/// assert_eq!(find_date("On 04/05/2025 nothing is certain."), None);
/// ```
pub fn find_date(text: &str) -> Option<String> {
    DATE.captures_iter(text).find_map(|caps| {
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u16>().ok());
        let (year, month, day) = if let Some(m) = caps.name("m1") {
            (num("y1")?, month_number(m.as_str())?, num("d1")?)
        } else if let Some(m) = caps.name("m2") {
            (num("y2")?, month_number(m.as_str())?, num("d2")?)
        } else if caps.name("y3").is_some() {
            (num("y3")?, num("m3")?, num("d3")?)
        } else {
            let (a, b) = (num("a4")?, num("b4")?);
            // Day-first or month-first cannot be told apart unless a part is
            // too large for a month (or both readings give the same date).
            let (month, day) = match (a > 12, b > 12) {
                (true, false) => (b, a),
                (false, true) => (a, b),
                _ if a == b => (a, a),
                _ => return None,
            };
            (num("y4")?, month, day)
        };
        is_valid(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
    })
}

/// True when `s` is exactly a real calendar date `YYYY-MM-DD` in 1900–2100.
///
/// ```
/// use news_atlas::date_guess::is_iso_date;
/// assert!(is_iso_date("2024-02-29"));
/// assert!(!is_iso_date("2025-02-29"));
/// ```
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse::<u16>().ok())
            .flatten()
    };
    match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(y), Some(m), Some(d)) => is_valid(y, m, d),
        _ => false,
    }
}

/// A title proposed from the text: its first non-blank line, when that line
/// is short (under 200 characters) and does not end with a period — a
/// headline, not the opening sentence.
///
/// ```
/// use news_atlas::date_guess::guess_title;
/// assert_eq!(guess_title("\n  Russia claims Pokrovsk\nKYIV — ...").as_deref(), Some("Russia claims Pokrovsk"));
/// assert_eq!(guess_title("The war went on. It did."), None);
/// ```
pub fn guess_title(text: &str) -> Option<String> {
    let line = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .find(|l| !l.is_empty())?;
    (line.chars().count() < TITLE_MAX_CHARS && !line.ends_with('.')).then(|| line.to_string())
}

fn month_number(name: &str) -> Option<u16> {
    // The pattern is case-insensitive for "MARCH"; a month name still has to
    // start with a capital, so the verb "may" is not read as a month.
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let prefix = name.get(..3)?.to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    MONTHS
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u16 + 1)
}

fn is_valid(year: u16, month: u16, day: u16) -> bool {
    if !YEARS.contains(&year) || !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_table() {
        #[rustfmt::skip]
        let cases: &[(&str, Option<&str>)] = &[
            ("Published March 17, 2025 at noon", Some("2025-03-17")),
            ("Mar. 17, 2025", Some("2025-03-17")),
            ("Mar 17 2025", Some("2025-03-17")),
            ("Sept. 5, 2024", Some("2024-09-05")),
            ("September 5th, 2024", Some("2024-09-05")),
            ("MARCH 17, 2025", Some("2025-03-17")),
            ("17 March 2025", Some("2025-03-17")),
            ("1st of June 2023", Some("2023-06-01")),
            ("3 Dec. 2021", Some("2021-12-03")),
            ("2025-03-17", Some("2025-03-17")),
            ("updated 2025-03-17T10:00:00Z", Some("2025-03-17")),
            ("17/03/2025", Some("2025-03-17")),
            ("03/17/2025", Some("2025-03-17")),
            ("05/05/2025", Some("2025-05-05")),
            // Ambiguous slashed forms are skipped, and the scan goes on.
            ("04/05/2025", None),
            ("04/05/2025, then 2025-06-01", Some("2025-06-01")),
            // Calendar checks.
            ("February 29, 2024", Some("2024-02-29")),
            ("February 29, 2025", None),
            ("February 29, 1900", None),
            ("February 29, 2000", Some("2000-02-29")),
            ("April 31, 2025", None),
            ("April 30, 2025", Some("2025-04-30")),
            ("2025-13-01", None),
            ("2025-00-10", None),
            ("2025-01-00", None),
            ("32 January 2025", None),
            ("31/31/2025", None),
            // Year range.
            ("March 17, 1899", None),
            ("March 17, 2101", None),
            ("1 January 1900", Some("1900-01-01")),
            ("31 December 2100", Some("2100-12-31")),
            // The first valid date wins, whatever its form.
            ("On April 31, 2025 — no; on 2 May 2025 and 2025-05-03", Some("2025-05-02")),
            ("2025-05-03 and May 2, 2025", Some("2025-05-03")),
            // Not dates.
            ("", None),
            ("Nothing here", None),
            ("He may 5, 2025 times", None),
            ("Marching 17, 2025", None),
            ("12025-03-17", None),
            ("2025-03-170", None),
            ("123/45/2025", None),
            ("March 2025", None),
            ("Київ, 17 March 2025", Some("2025-03-17")),
        ];
        for (text, expected) in cases {
            assert_eq!(find_date(text).as_deref(), *expected, "{text:?}");
        }
    }

    #[test]
    fn iso_dates_table() {
        for (s, ok) in [
            ("2025-03-17", true),
            ("2024-02-29", true),
            ("2025-02-29", false),
            ("2025-3-17", false),
            ("2025-03-17 ", false),
            ("+025-03-17", false),
            ("1899-12-31", false),
            ("", false),
            ("２０２５-03-17", false),
        ] {
            assert_eq!(is_iso_date(s), ok, "{s:?}");
        }
    }

    #[test]
    fn titles_table() {
        let long = "x".repeat(200);
        #[rustfmt::skip]
        let cases: &[(&str, Option<&str>)] = &[
            ("Zelenskyy finds plan better\nBody.", Some("Zelenskyy finds plan better")),
            ("\n\n   Headline here  \r\nBody.", Some("Headline here")),
            ("\u{feff}Headline", Some("Headline")),
            ("Is peace near?\nBody.", Some("Is peace near?")),
            ("The first sentence ends here.\nMore.", None),
            ("", None),
            ("  \n \t\n", None),
            (&long, None),
            ("Заголовок статті\nТекст.", Some("Заголовок статті")),
        ];
        for (text, expected) in cases {
            assert_eq!(guess_title(text).as_deref(), *expected, "{text:?}");
        }
        assert_eq!(guess_title(&"x".repeat(199)).map(|t| t.len()), Some(199));
    }
}
