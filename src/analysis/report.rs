//! The JSON report of an analysis: the schema `atlas analyze` prints and the
//! page exports. Spans are byte offsets into the article text; each quoted
//! piece of text is sliced from the article when the report is built.

use serde::Serialize;

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

/// One article's report.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleReport {
    pub id: String,
    pub title: String,
    pub sentences: Vec<SpanText>,
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
            warnings: analysis.warnings.clone(),
        }
    }
}

/// The top-level document: `{"articles": [...]}`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub articles: Vec<ArticleReport>,
}
