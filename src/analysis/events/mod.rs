//! Stage: events with numbers. Incidents in a sentence ("killing four
//! people and injuring 40 more", "launched 89 drones; 63 were intercepted",
//! "35,000 hectares damaged") with each figure's value, qualifier
//! ("nearly", "more than"), unit (what it counts or the unit it is
//! measured in), what happened to it and who gave it (the speaker of the
//! statement it stands in), tied to the place where it happened (not where
//! its source spoke) and to the time the sentence gives ("on Monday",
//! "last week"), kept relative to the article's date.
//!
//! A sentence is an event when one of its figures has an incident verb
//! (killed, injured, launched, intercepted, damaged ...). Competing
//! figures for one incident from two sources are both kept, each with its
//! source; [`competing`] pairs them. The word lists are
//! `data/event_words.tsv`.
//!
//! Submodules: `words` (the table), `figures` (a sentence's figures),
//! `place` (where), `when` (time expressions).

mod figures;
mod place;
mod when;
mod words;

use serde::{Deserialize, Serialize};

use super::place_mentions::PlaceMentions;
use super::segment::Sentence;
use super::statement::Statement;
use super::tokens::{Lower, Token};
use super::{Place, Span};

pub use when::{TimeExpr, When};

/// What kind of number a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// Things counted: "40 people", "12 drones", "200 homes".
    Count,
    /// An amount in a unit: "35,000 hectares", "150 km/h", "$2 million".
    Measure,
    /// How far from somewhere it happened: "1,000 km from the front".
    Distance,
}

/// One number in an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub value: u64,
    /// "nearly", "more than", "approximately" ... as written.
    pub qualifier: Option<&'static str>,
    /// What happened to what is counted: "killed", "launched", "intercepted".
    pub what: Option<&'static str>,
    /// What is counted or the unit of measure: "people", "drones",
    /// "hectares", "km/h", "per cent", "dollars".
    pub unit: Option<String>,
    /// Whether the figure counts things, measures an amount, or says how
    /// far away something happened (never an incident figure).
    pub kind: FigureKind,
    /// The number as written (with its qualifier).
    pub span: Span,
    /// Index into `Analysis::statements` of the statement the figure
    /// stands in, if any.
    pub statement: Option<usize>,
    /// Index into `Analysis::people`: who gave the figure (the speaker of
    /// that statement).
    pub source: Option<usize>,
}

/// An incident with its figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Holds `&'static str` fields (codes from the word lists): read from
// `'static` text only (the page's build-time analyses).
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Event {
    /// Index into `Analysis::sentences`.
    pub sentence: usize,
    pub span: Span,
    /// Index into `Analysis::places`.
    pub place: Option<usize>,
    /// Why this place: in the sentence, or carried from an earlier one.
    pub place_reason: Option<String>,
    pub figures: Vec<Figure>,
    /// When it happened, as the sentence says it.
    pub when: Option<When>,
    /// One line: "4 people killed, 40 people injured — Dnipro".
    pub summary: String,
}

/// Finds the events of every sentence.
#[allow(clippy::too_many_arguments)]
pub fn find_events(
    text: &str,
    toks: &[Token],
    lower: Lower<'_>,
    sentences: &[Sentence],
    places: &[Place],
    place_mentions: &PlaceMentions,
    statements: &[Statement],
) -> Vec<Event> {
    let cx = place::PlaceCx {
        text,
        toks,
        lower,
        places,
        place_mentions,
        sentences,
    };
    let mut events = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let lo = toks.partition_point(|t| t.span.start < s.span.start);
        let hi = toks.partition_point(|t| t.span.start < s.span.end);
        let (mut figures, positions) =
            figures::figures_in(text, &toks[lo..hi], lower.slice(lo, hi));
        if !figures
            .iter()
            .any(|f| f.what.is_some_and(|w| words::WORDS.labels.contains(&w)))
        {
            continue;
        }
        for f in &mut figures {
            f.statement = statement_of(statements, si, f.span);
            f.source = f
                .statement
                .filter(|&i| !spoken_from(toks, lower, &statements[i]))
                .and_then(|i| statements[i].speaker);
        }
        let (place, place_reason) = place::place_for(cx, lo, &positions, si);
        let summary = summarize(&figures, place.map(|p| places[p].name.as_str()));
        events.push(Event {
            sentence: si,
            span: s.span,
            place,
            place_reason,
            when: when::time_in(text, toks, lower, lo, hi),
            figures,
            summary,
        });
    }
    events
}

/// The statement of sentence `si` whose content (or whole span) holds the
/// figure at `span`: the content first, so that in "A said 12 died, but B
/// said 40" each figure goes to its own source.
fn statement_of(statements: &[Statement], si: usize, span: Span) -> Option<usize> {
    let holds = |s: Span| s.start <= span.start && span.end <= s.end;
    let of_sentence = || {
        statements
            .iter()
            .enumerate()
            .filter(|(_, s)| s.sentence == si)
    };
    of_sentence()
        .find(|(_, s)| holds(s.content))
        .or_else(|| of_sentence().find(|(_, s)| holds(s.span)))
        .map(|(i, _)| i)
}

/// True when a statement's speaker is the place its source spoke from
/// ("Speaking in Geneva, the official said ..." read as said by Geneva):
/// no source, rather than a place.
fn spoken_from(toks: &[Token], lower: Lower<'_>, statement: &Statement) -> bool {
    statement.speaker_span.is_some_and(|sp| {
        let at = toks.partition_point(|t| t.span.start < sp.start);
        place::where_spoken(lower, at)
    })
}

/// Two figures of different events or of one event that count the same
/// thing with the same outcome ("killed people") but disagree, given by
/// different sources, with no more than `window` sentences between them:
/// `(event, figure)` index pairs, the earlier first.
///
/// ```
/// let a = news_atlas_analysis::analyze(
///     "Police said 12 people were killed. Organisers said 40 people were killed.",
/// );
/// let pairs = news_atlas_analysis::events::competing(&a.events, 2);
/// assert_eq!(pairs.len(), 1);
/// ```
pub fn competing(events: &[Event], window: usize) -> Vec<((usize, usize), (usize, usize))> {
    let all: Vec<(usize, usize, &Event, &Figure)> = events
        .iter()
        .enumerate()
        .flat_map(|(ei, e)| {
            e.figures
                .iter()
                .enumerate()
                .map(move |(fi, f)| (ei, fi, e, f))
        })
        .filter(|(_, _, _, f)| f.source.is_some() && f.what.is_some())
        .collect();
    let mut out = Vec::new();
    for (n, &(ea, fa, a, x)) in all.iter().enumerate() {
        for &(eb, fb, b, y) in &all[n + 1..] {
            let near = b.sentence.abs_diff(a.sentence) <= window;
            let same_place = a.place == b.place || a.place.is_none() || b.place.is_none();
            if near
                && same_place
                && x.source != y.source
                && x.what == y.what
                && x.unit == y.unit
                && x.value != y.value
            {
                out.push(((ea, fa), (eb, fb)));
            }
        }
    }
    out
}

fn summarize(figures: &[Figure], place: Option<&str>) -> String {
    let parts: Vec<String> = figures
        .iter()
        .map(|f| {
            let mut s = String::new();
            if let Some(q) = f.qualifier {
                s.push_str(q);
                s.push(' ');
            }
            s.push_str(&f.value.to_string());
            if let Some(u) = &f.unit {
                s.push(' ');
                s.push_str(u);
            }
            if let Some(w) = f.what {
                s.push(' ');
                s.push_str(w);
            }
            s
        })
        .collect();
    let mut out = parts.join(", ");
    if let Some(p) = place {
        out.push_str(" — ");
        out.push_str(p);
    }
    out
}
