//! An event's time ("on Monday", "last week", "on March 3") resolved
//! against its article's date into the day or days it names, so that events
//! sort into a timeline. Pure calendar arithmetic on day numbers (days
//! since 1970-01-01, proleptic Gregorian), so month, year and leap-year
//! boundaries need no special cases.

use crate::analysis::events::TimeExpr;

/// The first and last day a time expression names, as `YYYY-MM-DD` (equal
/// for one day).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateRange {
    pub start: String,
    pub end: String,
}

impl DateRange {
    /// "2025-03-03", or "2025-03-03 – 2025-03-09" for a range: how the page
    /// shows it.
    pub fn label(&self) -> String {
        if self.start == self.end {
            self.start.clone()
        } else {
            format!("{} – {}", self.start, self.end)
        }
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's
/// days-from-civil).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn iso(days: i64) -> String {
    let (year, month, day) = super::civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// 1 (Monday) to 7 (Sunday); 1970-01-01 was a Thursday.
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7) + 1
}

fn range(start: i64, end: i64) -> Option<DateRange> {
    let (start, end) = (iso(start), iso(end));
    (super::is_iso_date(&start) && super::is_iso_date(&end)).then_some(DateRange { start, end })
}

/// The last day of a month.
fn month_end(year: i64, month: i64) -> i64 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    days_from_civil(ny, nm, 1) - 1
}

/// The latest `month`/`day` on or before `today`, in `year` or up to
/// eight years back (a February 29 falls back to the last leap year).
fn latest_on_or_before(today: i64, month: u8, day: u8) -> Option<i64> {
    let (y, _, _) = super::civil_from_days(today);
    (0..=8).find_map(|back| {
        let year = y - back;
        let date = format!("{year:04}-{month:02}-{day:02}");
        super::is_iso_date(&date)
            .then(|| days_from_civil(year, i64::from(month), i64::from(day)))
            .filter(|&d| d <= today)
    })
}

/// `expr` resolved against the article's date `article` (`YYYY-MM-DD`);
/// `None` when the date is not a real date or the result falls outside
/// 1900–2100.
///
/// ```
/// use news_atlas::analysis::events::TimeExpr;
/// use news_atlas::date_guess::resolve_time;
/// // 2025-03-05 is a Wednesday.
/// let r = resolve_time(TimeExpr::Weekday { weekday: 1 }, "2025-03-05").unwrap();
/// assert_eq!((r.start.as_str(), r.end.as_str()), ("2025-03-03", "2025-03-03"));
/// let w = resolve_time(TimeExpr::LastWeek, "2025-03-05").unwrap();
/// assert_eq!((w.start.as_str(), w.end.as_str()), ("2025-02-24", "2025-03-02"));
/// ```
pub fn resolve_time(expr: TimeExpr, article: &str) -> Option<DateRange> {
    let (y, m, d) = super::parse_iso(article)?;
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    let today = days_from_civil(y, m, d);
    let monday = today - (weekday(today) - 1);
    match expr {
        TimeExpr::Today => range(today, today),
        TimeExpr::Yesterday => range(today - 1, today - 1),
        // The night before the article's day runs into it.
        TimeExpr::Overnight => range(today - 1, today),
        TimeExpr::LastWeek => range(monday - 7, monday - 1),
        TimeExpr::ThisWeek => range(monday, today),
        TimeExpr::LastMonth => {
            let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            range(days_from_civil(py, pm, 1), month_end(py, pm))
        }
        TimeExpr::ThisMonth => range(days_from_civil(y, m, 1), today),
        TimeExpr::LastYear => range(days_from_civil(y - 1, 1, 1), days_from_civil(y - 1, 12, 31)),
        TimeExpr::ThisYear => range(days_from_civil(y, 1, 1), today),
        TimeExpr::Weekday { weekday: w } => {
            let back = (weekday(today) - i64::from(w)).rem_euclid(7);
            range(today - back, today - back)
        }
        TimeExpr::Date {
            month,
            day,
            year: Some(year),
        } => {
            let date = format!("{year:04}-{month:02}-{day:02}");
            super::is_iso_date(&date).then(|| DateRange {
                start: date.clone(),
                end: date,
            })
        }
        TimeExpr::Date {
            month,
            day,
            year: None,
        } => {
            let at = latest_on_or_before(today, month, day)?;
            range(at, at)
        }
        TimeExpr::DaysAgo { days } => range(today - i64::from(days), today - i64::from(days)),
    }
}

/// The date an article's events are resolved against: its stated date
/// when that is a real date, else a full date in its first lines (a
/// dateline or a date line under the headline), else none.
///
/// ```
/// use news_atlas::date_guess::article_date;
/// assert_eq!(article_date(Some("2025-03-17"), "Text").as_deref(), Some("2025-03-17"));
/// let text = "Floods in Porto\nMarch 3, 2025\n\nRain fell on Monday.";
/// assert_eq!(article_date(None, text).as_deref(), Some("2025-03-03"));
/// assert_eq!(article_date(Some("soon"), "No date here.").as_deref(), None);
/// ```
pub fn article_date(stated: Option<&str>, text: &str) -> Option<String> {
    if let Some(date) = stated.filter(|d| super::is_iso_date(d)) {
        return Some(date.to_string());
    }
    let mut head_end = 0;
    let mut lines = 0;
    for line in text.split_inclusive('\n') {
        head_end += line.len();
        lines += usize::from(!line.trim().is_empty());
        if lines >= HEAD_LINES {
            break;
        }
    }
    super::find_date(&text[..head_end])
}

/// How many non-blank lines from the top may state the article's date.
const HEAD_LINES: usize = 4;
