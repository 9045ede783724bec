//! The "who said what" part of the JSON report: people, quotes, statements,
//! contrasts and events, with their text sliced from the article and their
//! byte spans kept. Documented in README.md ("Who said what").

use serde::Serialize;

use super::contrasts::Contrast;
use super::events::{Event, Figure, FigureKind, TimeExpr};
use super::lexicon::Stance;
use super::people::{AffiliationSource, MentionForm, Person, SpeakerKind};
use super::quotes::{Quote, QuoteKind};
use super::statements::Statement;
use super::{Analysis, Span};

/// A mention of a person: span, text, and how it refers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MentionReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub form: MentionForm,
}

/// A person, institution or group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonReport {
    pub name: String,
    pub kind: SpeakerKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub affiliation_source: Option<AffiliationSource>,
    pub mentions: Vec<MentionReport>,
}

/// A quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteReport {
    /// The text between the marks.
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// The speaker's name, if attributed.
    pub speaker: Option<String>,
    /// Index into `statements`.
    pub statement: Option<usize>,
    /// False when the text has no closing mark (see `runs_on`).
    pub closed: bool,
    /// Left open because the next paragraph continues it.
    pub runs_on: bool,
}

/// A statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementReport {
    /// The speaker's name, or null when unresolved.
    pub speaker: Option<String>,
    /// Index into `people`.
    pub speaker_index: Option<usize>,
    pub speaker_kind: Option<SpeakerKind>,
    /// The speaker's side: country code, bloc or organisation.
    pub affiliation: Option<String>,
    /// The words naming the speaker here ("she", "the Air Force").
    pub speaker_text: Option<String>,
    /// Why the speaker is unresolved.
    pub unresolved: Option<String>,
    /// The main reporting cue as written, or null for a continuing quote.
    pub cue: Option<String>,
    pub cues: Vec<String>,
    pub stance: Stance,
    pub direct: bool,
    /// The text between the marks of the statement's first quote.
    pub quote: Option<String>,
    /// Every quote the statement carries, as indices into `quotes`.
    pub quotes: Vec<usize>,
    pub content: String,
    pub content_start: usize,
    pub content_end: usize,
    /// Index into `sentences`.
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// Statements made jointly share a group number.
    pub group: Option<usize>,
}

/// Two conflicting statements.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContrastReport {
    pub topic: String,
    /// Index into `statements`.
    pub a: usize,
    /// Index into `statements`.
    pub b: usize,
    pub reason: String,
    /// The place in dispute, by name.
    pub place: Option<String>,
    /// The contrast rule that paired them.
    pub rule: String,
    /// Contrasts sharing a statement share a dispute number: one dispute,
    /// several sources on a side.
    pub dispute: usize,
}

/// One figure of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FigureReport {
    pub value: u64,
    pub qualifier: Option<&'static str>,
    pub what: Option<&'static str>,
    pub unit: Option<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// A count, a measure (hectares, dollars) or a distance.
    pub kind: FigureKind,
    /// Who gave the figure: the speaker of the statement it stands in.
    pub source: Option<String>,
    /// Index into `statements` of that statement.
    pub statement: Option<usize>,
}

/// An event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventReport {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// The place's name, and its slug in `places`.
    pub place: Option<String>,
    pub place_slug: Option<String>,
    pub place_reason: Option<String>,
    pub summary: String,
    pub figures: Vec<FigureReport>,
    /// When it happened, as written ("on Monday", "last week").
    pub time: Option<String>,
    /// That time relative to the article's date.
    pub time_expr: Option<TimeExpr>,
    /// That time resolved against the article's date (`YYYY-MM-DD`, the
    /// first and last day of a range; equal for one day), filled by a
    /// front end that knows the date.
    pub date: Option<String>,
    pub date_end: Option<String>,
}

/// The speech fields of an article's report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SpeechReport {
    pub people: Vec<PersonReport>,
    pub quotes: Vec<QuoteReport>,
    pub statements: Vec<StatementReport>,
    pub contrasts: Vec<ContrastReport>,
    pub events: Vec<EventReport>,
}

fn slice(text: &str, s: Span) -> String {
    s.slice(text).to_string()
}

impl SpeechReport {
    /// Builds the report from an analysis of `text`: each list of the
    /// analysis, item by item, with its spans' texts.
    pub fn new(text: &str, a: &Analysis) -> SpeechReport {
        SpeechReport {
            people: a.people.iter().map(|p| person(text, p)).collect(),
            quotes: a.quotes.iter().map(|q| quote(text, a, q)).collect(),
            statements: a.statements.iter().map(|s| statement(text, a, s)).collect(),
            contrasts: a.contrasts.iter().map(|c| contrast(a, c)).collect(),
            events: a.events.iter().map(|e| event(text, a, e)).collect(),
        }
    }
}

fn name_of(a: &Analysis, p: Option<usize>) -> Option<String> {
    p.and_then(|i| a.people.get(i)).map(|p| p.name.clone())
}

fn person(text: &str, p: &Person) -> PersonReport {
    PersonReport {
        name: p.name.clone(),
        kind: p.kind,
        role: p.role.clone(),
        affiliation: p.affiliation.clone(),
        affiliation_source: p.affiliation_source,
        mentions: p
            .mentions
            .iter()
            .map(|m| MentionReport {
                start: m.span.start,
                end: m.span.end,
                text: slice(text, m.span),
                form: m.form,
            })
            .collect(),
    }
}

fn quote(text: &str, a: &Analysis, q: &Quote) -> QuoteReport {
    QuoteReport {
        text: slice(text, q.span),
        start: q.span.start,
        end: q.span.end,
        kind: q.kind,
        speaker: name_of(a, q.speaker),
        statement: q.statement,
        closed: q.close.is_some(),
        runs_on: q.runs_on,
    }
}

fn statement(text: &str, a: &Analysis, s: &Statement) -> StatementReport {
    let person = s.speaker.and_then(|i| a.people.get(i));
    StatementReport {
        speaker: person.map(|p| p.name.clone()),
        speaker_index: s.speaker,
        speaker_kind: person.map(|p| p.kind),
        affiliation: person.and_then(|p| p.affiliation.clone()),
        speaker_text: s.speaker_span.map(|sp| slice(text, sp)),
        unresolved: s.unresolved.clone(),
        cue: s.cue.map(|c| slice(text, c)),
        cues: s.cues.iter().map(|c| slice(text, *c)).collect(),
        stance: s.stance,
        direct: s.direct,
        quote: s
            .quotes
            .first()
            .and_then(|&q| a.quotes.get(q))
            .map(|q| slice(text, q.span)),
        quotes: s.quotes.clone(),
        content: slice(text, s.content),
        content_start: s.content.start,
        content_end: s.content.end,
        sentence: s.sentence,
        start: s.span.start,
        end: s.span.end,
        group: s.group,
    }
}

fn contrast(a: &Analysis, c: &Contrast) -> ContrastReport {
    ContrastReport {
        topic: c.topic.clone(),
        a: c.a,
        b: c.b,
        reason: c.reason.clone(),
        place: c
            .place
            .and_then(|p| a.places.get(p))
            .map(|p| p.name.clone()),
        rule: c.rule.to_string(),
        dispute: c.dispute,
    }
}

fn event(text: &str, a: &Analysis, e: &Event) -> EventReport {
    let place = e.place.and_then(|p| a.places.get(p));
    EventReport {
        sentence: e.sentence,
        start: e.span.start,
        end: e.span.end,
        place: place.map(|p| p.name.clone()),
        place_slug: place.map(|p| p.slug.clone()),
        place_reason: e.place_reason.clone(),
        summary: e.summary.clone(),
        figures: e.figures.iter().map(|f| figure(text, a, f)).collect(),
        time: e.when.map(|w| slice(text, w.span)),
        time_expr: e.when.map(|w| w.expr),
        date: None,
        date_end: None,
    }
}

fn figure(text: &str, a: &Analysis, f: &Figure) -> FigureReport {
    FigureReport {
        value: f.value,
        qualifier: f.qualifier,
        what: f.what,
        unit: f.unit.clone(),
        text: slice(text, f.span),
        start: f.span.start,
        end: f.span.end,
        kind: f.kind,
        source: f
            .source
            .and_then(|i| a.people.get(i))
            .map(|p| p.name.clone()),
        statement: f.statement,
    }
}
