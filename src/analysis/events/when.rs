//! When an event happened, as the sentence says it: "on Monday",
//! "overnight", "yesterday", "last week", "on March 3", "earlier this
//! month", "two days ago". The analysis does not know the article's date,
//! so a time is kept as written and in a form a front end resolves against
//! that date (the page's `date_guess::resolve_time`).

use serde::{Deserialize, Serialize};

use super::super::lexicon;
use super::super::tokens::{Lower, TokKind, Token};
use super::super::Span;
use super::words::WORDS;

/// A time expression, relative to the article's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum TimeExpr {
    /// "today", "this morning", "tonight".
    Today,
    /// "yesterday", "last night".
    Yesterday,
    /// "overnight": the night before the article's day.
    Overnight,
    /// The week before the article's (Monday to Sunday).
    LastWeek,
    /// The article's week up to its day.
    ThisWeek,
    LastMonth,
    /// The article's month up to its day ("earlier this month").
    ThisMonth,
    LastYear,
    ThisYear,
    /// "on Monday": the latest such day on or before the article's.
    Weekday {
        weekday: u8,
    },
    /// "on March 3", "3 March", "March 3, 2025": with no year, the latest
    /// such day on or before the article's.
    Date {
        month: u8,
        day: u8,
        year: Option<u16>,
    },
    /// "two days ago".
    DaysAgo {
        days: u16,
    },
}

impl TimeExpr {
    /// How precise the expression is: lower is more precise.
    fn rank(self) -> u8 {
        match self {
            TimeExpr::Date { .. } => 0,
            TimeExpr::Weekday { .. }
            | TimeExpr::Today
            | TimeExpr::Yesterday
            | TimeExpr::Overnight
            | TimeExpr::DaysAgo { .. } => 1,
            TimeExpr::LastWeek | TimeExpr::ThisWeek => 2,
            TimeExpr::LastMonth | TimeExpr::ThisMonth => 3,
            TimeExpr::LastYear | TimeExpr::ThisYear => 4,
        }
    }

    fn relative(kind: &str) -> Option<TimeExpr> {
        Some(match kind {
            "today" => TimeExpr::Today,
            "yesterday" => TimeExpr::Yesterday,
            "overnight" => TimeExpr::Overnight,
            "last-week" => TimeExpr::LastWeek,
            "this-week" => TimeExpr::ThisWeek,
            "last-month" => TimeExpr::LastMonth,
            "this-month" => TimeExpr::ThisMonth,
            "last-year" => TimeExpr::LastYear,
            "this-year" => TimeExpr::ThisYear,
            _ => return None,
        })
    }
}

/// A time expression and the words that say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    pub expr: TimeExpr,
    pub span: Span,
}

/// The most precise time expression among tokens `lo..hi` (the first of
/// equal precision).
pub fn time_in(text: &str, toks: &[Token], lower: Lower<'_>, lo: usize, hi: usize) -> Option<When> {
    let mut best: Option<When> = None;
    let mut k = lo;
    while k < hi {
        let found = time_at(text, toks, lower, k, hi);
        if let Some((expr, last)) = found {
            if best.is_none_or(|b| expr.rank() < b.expr.rank()) {
                best = Some(When {
                    expr,
                    span: Span::new(toks[k].span.start, toks[last].span.end),
                });
            }
            k = last + 1;
        } else {
            k += 1;
        }
    }
    best
}

/// The time expression starting at token `k` and its last token.
fn time_at(
    text: &str,
    toks: &[Token],
    lower: Lower<'_>,
    k: usize,
    hi: usize,
) -> Option<(TimeExpr, usize)> {
    let t = toks[k];
    if t.kind != TokKind::Word {
        return None;
    }
    let l = lower.get(k);
    // Asked of every word of an event's sentence: most start no time
    // expression, and one set look-up (or a digit) tells.
    let digit = l.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if !digit && !WORDS.time_starts.contains(l) {
        return days_ago(lower, k, hi);
    }
    if let Some((phrase, last)) = WORDS.relative.at(&toks[..hi], lower, k) {
        return TimeExpr::relative(phrase.value).map(|e| (e, last));
    }
    // Names of days and months are capitalised ("may" is a verb).
    let capital = t.is_capitalized(text);
    if let Some(&weekday) = WORDS.weekdays.get(l).filter(|_| capital) {
        // "Monday, March 3": the date is the more precise.
        let after = if lower.get(k + 1) == "," {
            k + 2
        } else {
            k + 1
        };
        if after < hi {
            if let Some(date) = date_at(text, toks, lower, after, hi) {
                return Some(date);
            }
        }
        return Some((TimeExpr::Weekday { weekday }, k));
    }
    if capital && WORDS.months.contains_key(l) || day_number(l).is_some() {
        if let Some(date) = date_at(text, toks, lower, k, hi) {
            return Some(date);
        }
    }
    days_ago(lower, k, hi)
}

fn day_number(w: &str) -> Option<u8> {
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

fn month_word(text: &str, toks: &[Token], lower: Lower<'_>, k: usize) -> Option<u8> {
    let t = toks.get(k)?;
    if !t.is_capitalized(text) {
        return None;
    }
    // "Sept." and "Mar." as well as "September".
    WORDS.months.get(lower.get(k)).copied()
}

/// "March 3", "March 3, 2025", "3 March", "3 March 2025" at token `k`.
fn date_at(
    text: &str,
    toks: &[Token],
    lower: Lower<'_>,
    k: usize,
    hi: usize,
) -> Option<(TimeExpr, usize)> {
    let (month, day, mut last) = if let Some(month) = month_word(text, toks, lower, k) {
        let mut d = k + 1;
        if lower.get(d) == "." {
            d += 1;
        }
        (month, day_number(lower.get(d)).filter(|_| d < hi)?, d)
    } else {
        let day = day_number(lower.get(k))?;
        let month = month_word(text, toks, lower, k + 1).filter(|_| k + 1 < hi)?;
        (month, day, k + 1)
    };
    // A four-digit year after, with or without a comma.
    let y = if lower.get(last + 1) == "," {
        last + 2
    } else {
        last + 1
    };
    let year = (y < hi)
        .then(|| lower.get(y))
        .filter(|w| w.len() == 4)
        .and_then(|w| w.parse::<u16>().ok())
        .filter(|y| (1900..=2100).contains(y));
    if year.is_some() {
        last = y;
    }
    Some((TimeExpr::Date { month, day, year }, last))
}

/// "two days ago", "3 days earlier".
fn days_ago(lower: Lower<'_>, k: usize, hi: usize) -> Option<(TimeExpr, usize)> {
    if k + 2 >= hi || lower.get(k + 2) != "ago" {
        return None;
    }
    let w = lower.get(k);
    let n = match w.parse::<u16>() {
        Ok(n) => n,
        Err(_) => u16::try_from(lexicon::number_word(w)?).ok()?,
    };
    let per = match lower.get(k + 1) {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        _ => return None,
    };
    Some((
        TimeExpr::DaysAgo {
            days: n.saturating_mul(per),
        },
        k + 2,
    ))
}
