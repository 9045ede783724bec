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
//!
//! A wire story's dateline ("Aug 14 (Reuters) -", "NAIROBI, March 3 (AP) —")
//! opens a paragraph near the top and gives the day without the year:
//! [`guess_date`] reads it and takes the latest such day not after today;
//! [`guess_title`] does not take a dateline for a headline, and proposes the
//! lead sentence after it when the text has no headline.
//!
//! [`resolve_time`] turns an event's time ("on Monday", "last week") into
//! the days it names, from the article's date ([`article_date`]).

mod times;

pub use times::{article_date, resolve_time, DateRange};

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
    parse_iso(s).is_some()
}

/// How many non-blank lines from the top may hold the dateline (a
/// headline, a byline and a date line may come first).
const DATELINE_LINES: usize = 4;

/// The publication date proposed for a pasted article, as `YYYY-MM-DD`:
/// the date of a wire dateline near the top ("NAIROBI, March 3 (AP) —"),
/// its year the latest one that does not put the day after `today`
/// (`YYYY-MM-DD`), unless a full date stands at or before the dateline;
/// otherwise [`find_date`].
///
/// ```
/// use news_atlas::date_guess::guess_date;
/// let text = "NAIROBI, March 3 (AP) — Floods cut roads. The 2019 floods of May 4, 2019 were worse.";
/// assert_eq!(guess_date(text, "2026-08-01").as_deref(), Some("2026-03-03"));
/// assert_eq!(guess_date(text, "2026-02-01").as_deref(), Some("2025-03-03"));
/// ```
pub fn guess_date(text: &str, today: &str) -> Option<String> {
    let Some((line_start, dateline)) = find_dateline(text) else {
        return find_date(text);
    };
    // A full date in the lines up to the dateline (a date line under the
    // headline, or the dateline's own year) is the more precise.
    if let Some(full) = find_date(&text[..line_start + dateline.end]) {
        return Some(full);
    }
    let (ty, tm, td) = parse_iso(today)?;
    let year = if (dateline.month, dateline.day) > (tm, td) {
        ty.checked_sub(1)?
    } else {
        ty
    };
    is_valid(year, dateline.month, dateline.day)
        .then(|| format!("{year:04}-{:02}-{:02}", dateline.month, dateline.day))
}

/// The date `YYYY-MM-DD` (UTC) of a time in milliseconds since the epoch,
/// for [`guess_date`]'s `today`.
///
/// ```
/// use news_atlas::date_guess::iso_date_from_ms;
/// assert_eq!(iso_date_from_ms(0.0), "1970-01-01");
/// assert_eq!(iso_date_from_ms(1_709_164_800_000.0), "2024-02-29");
/// ```
pub fn iso_date_from_ms(ms: f64) -> String {
    let (year, month, day) = civil_from_days((ms / 86_400_000.0).floor() as i64);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The year, month and day of a count of days since 1970-01-01 (Howard
/// Hinnant's civil-from-days).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The year, month and day of a real calendar date `YYYY-MM-DD` in
/// 1900–2100 (see [`is_iso_date`]).
fn parse_iso(s: &str) -> Option<(u16, u16, u16)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse::<u16>().ok())
            .flatten()
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    is_valid(y, m, d).then_some((y, m, d))
}

/// A dateline opening a line: its month and day, and where it ends (after
/// the dash and the spaces that follow), relative to the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Dateline {
    month: u16,
    day: u16,
    end: usize,
}

/// The first dateline among the first [`DATELINE_LINES`] non-blank lines,
/// with the offset of its line.
fn find_dateline(text: &str) -> Option<(usize, Dateline)> {
    let mut at = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if trimmed.trim().is_empty() {
            continue;
        }
        let offset = start + (line.len() - trimmed.len());
        if let Some(d) = dateline_at(trimmed) {
            return Some((offset, Dateline { end: d.end, ..d }));
        }
        seen += 1;
        if seen == DATELINE_LINES {
            break;
        }
    }
    None
}

/// Reads `[PLACE, [Region,]] Month Day[, Year] [(Agency)] dash` at the start
/// of `line`. A place in capitals or an agency in brackets must be there:
/// "March 3 — " alone opens ordinary sentences too.
fn dateline_at(line: &str) -> Option<Dateline> {
    let mut p = 0;
    let mut placed = false;
    // Up to three comma-ended place parts: "KYIV,", "ODESA, Ukraine,".
    for part in 0..3 {
        let rest = &line[p..];
        let Some(comma) = rest.find(',') else { break };
        let name = rest[..comma].trim();
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        let place_like = letters > 0
            && name.chars().count() <= 40
            && name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’'));
        // The first part is the city, in capitals as wires write it.
        let capitals = !name.chars().any(char::is_lowercase);
        if !place_like || (part == 0 && !capitals) || is_month_word(first_word_of(name)) {
            break;
        }
        placed = true;
        p += comma + 1;
        p = spaces(line, p).unwrap_or(p);
    }
    let (m, after) = word(line, p);
    if !is_month_word(m) {
        return None;
    }
    let month = month_number(m)?;
    let q = spaces(line, optional(line, after, '.'))?;
    let (d, mut q) = word(line, q);
    let day = day_word(d)?;
    // ", 2025" may follow; guess_date then reads the full date.
    if let Some(r) = spaces(line, optional(line, q, ',')).filter(|&r| year_at(line, r).is_some()) {
        q = year_at(line, r)?.1;
    }
    let mut r = spaces(line, q).unwrap_or(q);
    let mut agency = false;
    if line[r..].starts_with('(') {
        let close = line[r..].find(')')?;
        let inside = &line[r + 1..r + close];
        // "(Reuters)", "(AP)", "(dpa)": a short name, no digits.
        agency = (1..=30).contains(&inside.chars().count())
            && inside.starts_with(char::is_alphabetic)
            && !inside.chars().any(|c| c.is_ascii_digit());
        if !agency {
            return None;
        }
        r = spaces(line, r + close + 1).unwrap_or(r + close + 1);
    }
    let dash = line[r..]
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '–' | '—'))?;
    if !(placed || agency) || !is_valid(2000, month, day) {
        return None;
    }
    let end = r + dash.len_utf8();
    Some(Dateline {
        month,
        day,
        end: spaces(line, end).unwrap_or(end),
    })
}

fn first_word_of(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

/// Longest title made from a lead sentence, in characters.
const LEAD_TITLE_MAX_CHARS: usize = 100;

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
    // A text that opens with its dateline has no headline: its lead
    // sentence says what it is about.
    if let Some(d) = dateline_at(line) {
        return lead_title(&line[d.end..]);
    }
    (line.chars().count() < TITLE_MAX_CHARS && !line.ends_with('.')).then(|| line.to_string())
}

/// The first sentence of `lead`, without its final stop, cut at a word
/// before [`LEAD_TITLE_MAX_CHARS`] with an ellipsis; `None` when fewer
/// than three words.
fn lead_title(lead: &str) -> Option<String> {
    let lead = lead.trim();
    let end = lead
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && lead[i + 1..].chars().next().is_none_or(char::is_whitespace)
                // "U.S." and "Gen." do not end the sentence.
                && !lead[..i].rsplit(' ').next().is_some_and(|w| {
                    w.contains('.') || (w.len() <= 3 && w.starts_with(char::is_uppercase))
                })
        })
        .map_or(lead.len(), |(i, _)| i);
    let sentence = lead[..end].trim();
    if sentence.split_whitespace().count() < 3 {
        return None;
    }
    if sentence.chars().count() <= LEAD_TITLE_MAX_CHARS {
        return Some(sentence.to_string());
    }
    let mut cut = String::new();
    for w in sentence.split_whitespace() {
        if cut.chars().count() + w.chars().count() + 2 > LEAD_TITLE_MAX_CHARS {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(w);
    }
    cut.push('…');
    Some(cut)
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
    fn datelines_table() {
        const TODAY: &str = "2026-06-15";
        #[rustfmt::skip]
        let cases: &[(&str, Option<&str>)] = &[
            ("Aug 14 (Reuters) - Grain prices rose on Thursday.", Some("2025-08-14")),
            ("NAIROBI, March 3 (AP) — Heavy rain closed schools.", Some("2026-03-03")),
            ("LIMA, June 15 (Reuters) - A strike began today.", Some("2026-06-15")),
            ("LIMA, June 16 (Reuters) - Tomorrow is not yet.", Some("2025-06-16")),
            ("ODESA, Ukraine, Jan. 9 (AP) — Ports reopened.", Some("2026-01-09")),
            ("SÃO PAULO, Dec 1 – Markets slid sharply.", Some("2025-12-01")),
            ("Flood warnings issued\n\nDHAKA, July 2 (AFP) - Rivers rose.", Some("2025-07-02")),
            ("Markets close higher\nBy A. Writer\nTOKYO, Feb 2 (Reuters) - Stocks rose.", Some("2026-02-02")),
            // A full date at the top is the more precise.
            ("Published March 4, 2024\nNAIROBI, March 3 (AP) — Rain.", Some("2024-03-04")),
            ("NAIROBI, March 3, 2023 (AP) — Rain fell.", Some("2023-03-03")),
            // A later full date deep in the body does not beat the dateline.
            ("BERLIN, May 5 (dpa) - Talks began. The treaty of May 8, 1995 was cited.", Some("2026-05-05")),
            // Not datelines: no place in capitals and no agency, or no dash.
            ("March 3 — a day to remember, she wrote. Nothing else.", None),
            ("Nairobi, March 3 — rain fell.", None),
            ("NAIROBI, March 3 rain fell again.", None),
            ("NAIROBI, Marching 3 (AP) — x", None),
            ("NAIROBI, February 30 (AP) — x", None),
            // Too far down to be the dateline.
            ("a\nb\nc\nd\nNAIROBI, March 3 (AP) — Rain.", None),
        ];
        for (text, expected) in cases {
            assert_eq!(guess_date(text, TODAY).as_deref(), *expected, "{text:?}");
        }
        // A leap day is read in the year the rule picks (the latest in which
        // the day is not after today): in a year without one, no date.
        assert_eq!(guess_date("ROME, Feb 29 (ANSA) - x", "2026-06-15"), None);
        assert_eq!(
            guess_date("ROME, Feb 29 (ANSA) - x", "2024-06-15").as_deref(),
            Some("2024-02-29")
        );
    }

    #[test]
    fn dateline_titles_table() {
        let long_lead = format!("NAIROBI, March 3 (AP) — {} ended.", "word ".repeat(40));
        #[rustfmt::skip]
        let cases: &[(&str, Option<&str>)] = &[
            ("NAIROBI, March 3 (AP) — Floods cut off three towns in the north. More rain is due.",
             Some("Floods cut off three towns in the north")),
            ("Aug 14 (Reuters) - Oil fell for a third day on Friday.", Some("Oil fell for a third day on Friday")),
            ("LIMA, June 15 (Reuters) - Miners went on strike\nThey want pay.", Some("Miners went on strike")),
            ("TOKYO, Feb 2 (Reuters) - U.S. envoy meets Japan's premier. Talks follow.",
             Some("U.S. envoy meets Japan's premier")),
            ("KYIV, May 1 (AP) — Gen. Ivanov visited the front lines today!", Some("Gen. Ivanov visited the front lines today")),
            ("ROME, Jan 9 (ANSA) - Rain.", None),
            ("KYIV, Aug 14 (Reuters) -", None),
            // A headline first stays the title.
            ("Floods in Kenya\nNAIROBI, March 3 (AP) — Rain fell.", Some("Floods in Kenya")),
            ("Oil slips\n\nAug 14 (Reuters) - Oil fell.", Some("Oil slips")),
            // Not a dateline: the first line is a headline as before.
            ("March 3 — a diary", Some("March 3 — a diary")),
        ];
        for (text, expected) in cases {
            assert_eq!(guess_title(text).as_deref(), *expected, "{text:?}");
        }
        let cut = guess_title(&long_lead).unwrap();
        assert!(
            cut.ends_with('…') && cut.chars().count() <= LEAD_TITLE_MAX_CHARS,
            "{cut}"
        );
    }

    #[test]
    fn days_since_the_epoch_become_dates() {
        for (ms, date) in [
            (0.0, "1970-01-01"),
            (86_399_999.0, "1970-01-01"),
            (86_400_000.0, "1970-01-02"),
            (951_782_400_000.0, "2000-02-29"),
            (1_709_164_800_000.0, "2024-02-29"),
            (1_735_689_599_000.0, "2024-12-31"),
            (1_735_689_600_000.0, "2025-01-01"),
            (1_781_481_600_000.0, "2026-06-15"),
            (4_102_444_800_000.0, "2100-01-01"),
            (-86_400_000.0, "1969-12-31"),
        ] {
            assert_eq!(iso_date_from_ms(ms), date, "{ms}");
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
