//! The JSON report of an analysis: the schema `atlas analyze` prints and the
//! page exports. Spans are byte offsets into the article text; each quoted
//! piece of text is sliced from the article when the report is built.

use serde::Serialize;

use super::speech_report::SpeechReport;
use super::{Analysis, Span, Warning};

/// A span with the text it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpanText {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl SpanText {
    pub fn new(text: &str, span: Span) -> SpanText {
        SpanText {
            start: span.start,
            end: span.end,
            text: span.slice(text).to_string(),
        }
    }
}

/// A resolved place as reported: see README.md ("Places").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceReport {
    pub name: String,
    pub slug: String,
    pub kind: super::PlaceKind,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub confidence: f32,
    pub reason: String,
    pub count: usize,
    /// Every mention with the index of its sentence; the first is the first.
    pub mentions: Vec<MentionReport>,
}

/// One mention of a place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MentionReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub sentence: Option<usize>,
}

/// A span, its text, and a note (why unresolved, what a metonym stands
/// for, which country a demonym names).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoteReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub country: Option<String>,
}

/// One article's report.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleReport {
    pub id: String,
    pub title: String,
    pub sentences: Vec<SpanText>,
    pub places: Vec<PlaceReport>,
    pub unresolved: Vec<NoteReport>,
    pub demonyms: Vec<NoteReport>,
    pub metonyms: Vec<NoteReport>,
    /// People, quotes, statements, contrasts and events (README.md, "Who said what").
    #[serde(flatten)]
    pub speech: SpeechReport,
    pub warnings: Vec<Warning>,
}

impl ArticleReport {
    pub fn new(id: &str, title: &str, text: &str, analysis: &Analysis) -> ArticleReport {
        ArticleReport {
            id: id.to_string(),
            title: title.to_string(),
            sentences: analysis
                .sentences
                .iter()
                .map(|s| SpanText::new(text, s.span))
                .collect(),
            places: places_report(text, analysis),
            unresolved: analysis
                .unresolved
                .iter()
                .map(|u| NoteReport {
                    reason: Some(u.reason.clone()),
                    ..NoteReport::new(text, u.span)
                })
                .collect(),
            demonyms: analysis
                .demonyms
                .iter()
                .map(|d| NoteReport {
                    place: Some(d.place.to_string()),
                    country: d.country.map(str::to_string),
                    ..NoteReport::new(text, d.span)
                })
                .collect(),
            metonyms: analysis
                .metonyms
                .iter()
                .map(|m| NoteReport {
                    refers_to: Some(m.refers_to.clone()),
                    country: m.country.clone(),
                    ..NoteReport::new(text, m.span)
                })
                .collect(),
            speech: SpeechReport::new(text, analysis),
            warnings: analysis.warnings.clone(),
        }
    }
}

impl NoteReport {
    fn new(text: &str, span: Span) -> NoteReport {
        NoteReport {
            start: span.start,
            end: span.end,
            text: span.slice(text).to_string(),
            reason: None,
            refers_to: None,
            place: None,
            country: None,
        }
    }
}

fn places_report(text: &str, analysis: &Analysis) -> Vec<PlaceReport> {
    analysis
        .places
        .iter()
        .map(|p| PlaceReport {
            name: p.name.clone(),
            slug: p.slug.clone(),
            kind: p.kind,
            country: p.country.clone(),
            lat: p.lat,
            lon: p.lon,
            confidence: p.confidence,
            reason: p.reason.clone(),
            count: p.mentions.len(),
            mentions: p
                .mentions
                .iter()
                .enumerate()
                .map(|(i, s)| MentionReport {
                    start: s.start,
                    end: s.end,
                    text: s.slice(text).to_string(),
                    sentence: p.sentences.get(i).copied().flatten(),
                })
                .collect(),
        })
        .collect()
}

/// The top-level document: `{"articles": [...]}`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub articles: Vec<ArticleReport>,
}
