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

/// Years accepted as a publication date.
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// Longest first line still taken for a title, in characters.
const TITLE_MAX_CHARS: usize = 200;

/// The first plausible date in `text`, as `YYYY-MM-DD`.
///
/// One left-to-right scan tries every accepted form at each word start, so
/// the leftmost date wins whatever its form. A hand-written scanner rather
/// than a regular expression: it is the page's only pattern, and the regex
/// engine with its Unicode tables was a tenth of the download.
///
/// ```
/// use news_atlas::date_guess::find_date;
/// assert_eq!(find_date("KYIV, Mar. 17, 2025 — Officials said").as_deref(), Some("2025-03-17"));
/// assert_eq!(find_date("On 04/05/2025 nothing is certain."), None);
/// ```
pub fn find_date(text: &str) -> Option<String> {
    let mut at = 0;
    while let Some(start) = next_word_start(text, at) {
        match date_at(text, start) {
            // A form matched: a real date ends the scan; an impossible one is
            // skipped whole and the scan goes on after it.
            Some((end, date)) => {
                if let Some((year, month, day)) = date.filter(|&(y, m, d)| is_valid(y, m, d)) {
                    return Some(format!("{year:04}-{month:02}-{day:02}"));
                }
                at = end;
            }
            None => at = word(text, start).1,
        }
    }
    None
}

/// A word character, as the Unicode `\w` class has it (near enough).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first offset at or after `at` where a word starts.
fn next_word_start(text: &str, at: usize) -> Option<usize> {
    let mut prev_word = text[..at].chars().next_back().is_some_and(is_word_char);
    for (i, c) in text[at..].char_indices() {
        let w = is_word_char(c);
        if w && !prev_word {
            return Some(at + i);
        }
        prev_word = w;
    }
    None
}

/// The word starting at `at` and the offset just after it.
fn word(text: &str, at: usize) -> (&str, usize) {
    let rest = &text[at..];
    let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    (&rest[..len], at + len)
}

/// The offset after one or more whitespace characters at `at`.
fn spaces(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let len = rest
        .find(|c: char| !c.is_whitespace())
        .unwrap_or(rest.len());
    (len > 0).then_some(at + len)
}

/// `at` moved past `c` when the text has it there.
fn optional(text: &str, at: usize, c: char) -> usize {
    if text[at..].starts_with(c) {
        at + c.len_utf8()
    } else {
        at
    }
}

fn number(s: &str, lengths: std::ops::RangeInclusive<usize>) -> Option<u16> {
    (lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// A day: one or two digits, maybe with an ordinal suffix ("5th").
fn day_word(w: &str) -> Option<u16> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    number(digits, 1..=2)
}

/// A month name or abbreviation, matched case-insensitively as a whole word.
fn is_month_word(w: &str) -> bool {
    #[rustfmt::skip]
    const FORMS: [&str; 24] = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
        "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
        "november", "dec", "december",
    ];
    FORMS.iter().any(|f| f.eq_ignore_ascii_case(w))
}

/// A four-digit year word ending at a word boundary.
fn year_at(text: &str, at: usize) -> Option<(u16, usize)> {
    let (w, end) = word(text, at);
    Some((number(w, 4..=4)?, end))
}

/// The form matching at word start `s`, if any: where the match ends and
/// the (year, month, day) it reads, `None` when the month is no month
/// ("may" the verb), before any calendar check.
type Found = (usize, Option<(u16, u16, u16)>);

fn date_at(text: &str, s: usize) -> Option<Found> {
    let (first, after) = word(text, s);
    // "March 17, 2025", "Mar. 17 2025", "September 5th, 2024"
    if is_month_word(first) {
        let p = spaces(text, optional(text, after, '.'))?;
        let (d, p) = word(text, p);
        let day = day_word(d)?;
        let p = spaces(text, optional(text, p, ','))?;
        let (year, end) = year_at(text, p)?;
        return Some((end, month_number(first).map(|m| (year, m, day))));
    }
    // "17 March 2025", "1st of June 2023", "3 Dec. 2021"
    let long = || {
        let day = day_word(first)?;
        let mut p = spaces(text, after)?;
        let (mut m, mut q) = word(text, p);
        if m == "of" && !is_month_word(m) {
            p = spaces(text, q)?;
            (m, q) = word(text, p);
        }
        if !is_month_word(m) {
            return None;
        }
        let p = spaces(text, optional(text, optional(text, q, '.'), ','))?;
        let (year, end) = year_at(text, p)?;
        Some((end, month_number(m).map(|m| (year, m, day))))
    };
    // "2025-03-17", "2025-03-17T10:00"
    let iso = || {
        let year = number(first, 4..=4)?;
        let p = after
            .checked_add(1)
            .filter(|_| text[after..].starts_with('-'))?;
        let (m, p) = word(text, p);
        let month = number(m, 2..=2)?;
        let p = p.checked_add(1).filter(|_| text[p..].starts_with('-'))?;
        let (d, end) = word(text, p);
        let day = number(d.get(..2)?, 2..=2)?;
        let end = match &d[2..] {
            "" => end,
            rest if rest.starts_with('T') => p + 3,
            _ => return None,
        };
        Some((end, Some((year, month, day))))
    };
    // "17/03/2025" or "03/17/2025" when day and month cannot be swapped.
    let slashed = || {
        let a = number(first, 1..=2)?;
        let p = after
            .checked_add(1)
            .filter(|_| text[after..].starts_with('/'))?;
        let (b, p) = word(text, p);
        let b = number(b, 1..=2)?;
        let p = p.checked_add(1).filter(|_| text[p..].starts_with('/'))?;
        let (year, end) = year_at(text, p)?;
        // Day-first or month-first cannot be told apart unless a part is
        // too large for a month (or both readings give the same date).
        let (month, day) = match (a > 12, b > 12) {
            (true, false) => (b, a),
            (false, true) => (a, b),
            _ if a == b => (a, a),
            _ => return Some((end, None)),
        };
        Some((end, Some((year, month, day))))
    };
    long().or_else(iso).or_else(slashed)
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
    // Matching is case-insensitive for "MARCH"; a month name still has to
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
