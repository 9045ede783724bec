//! The analysis core: turns an article's text into places, people and
//! statements, every item tied to byte spans of the text.
//!
//! Pure Rust with no web dependencies, so it is tested natively and shared by
//! the page and the `atlas` command line. [`analyze`] runs named stages, each
//! with a typed output:
//!
//! 1. [`segment`]: paragraphs and sentences.
//!
//! After the places stages, [`speech::run`] adds who said what, every stage
//! reading one [`tokens`] stream and the small word lists in [`lexicon`]:
//!
//! - [`people`]: named persons with role and side, aliases merged;
//!   institutions and groups join as they speak.
//! - [`quotes`]: quotation marks paired per paragraph, unbalanced ones warned.
//! - [`statements`]: direct quotes and indirect statements with speaker,
//!   cue, stance and content, their speakers read by [`speakers`]
//!   (pronouns and role nouns resolved).
//! - [`events`]: incidents with their figures, tied to a place, a time and
//!   each figure's source.
//! - [`contrasts`]: statements from different sides that conflict (their
//!   figures read from the statements and from the events).
//!
//! Offsets are UTF-8 byte offsets into the analysed text, half-open
//! (`start..end`), always on char boundaries; convert to UTF-16 only at the
//! JavaScript boundary. Nothing here panics on any input: what cannot be
//! understood becomes a [`Warning`].

mod bytes;
mod contrast_cues;
pub mod contrasts;
pub mod events;
pub mod gazetteer;
pub mod lexicon;
pub mod mentions;
pub mod parts;
pub mod people;
pub mod place_mentions;
pub mod quotes;
pub mod report;
pub mod resolve;
pub mod segment;
pub mod speakers;
pub mod speech;
pub mod speech_report;
mod statement;
pub mod statements;
pub mod tokens;

use serde::{Deserialize, Serialize};

pub use segment::{Paragraph, Sentence};

/// A half-open byte range `start..end` into the analysed text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies wholly inside this span.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers, or `""` if it does not fit `text`.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Something the analysis noticed but could not settle: data, not an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable machine-readable code, e.g. `unbalanced-quote`.
    pub code: &'static str,
    /// One sentence for the reader.
    pub message: String,
    pub span: Option<Span>,
}

/// What sort of place a [`Place`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    City,
    Region,
    Country,
    Sea,
    Facility,
    Other,
}

impl PlaceKind {
    /// The word a reader sees for the kind ("city", "sea"; "place" for
    /// other places), also the suffix of its CSS classes.
    pub fn label(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Country => "country",
            PlaceKind::Sea => "sea",
            PlaceKind::Facility => "facility",
            PlaceKind::Other => "place",
        }
    }
}

/// A place the article mentions, resolved to one gazetteer entry.
///
/// This is the contract between the places stages and everything after them
/// (statements, contrasts, events, the page): the places stages may add fields
/// but keep these.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// URL-safe identifier, unique within one analysis (`pokrovsk`, `donetsk-oblast`).
    pub slug: String,
    /// Canonical name (`Pokrovsk`, `Donetsk Oblast`).
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166 alpha-2 code, when the place lies in one country.
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// 0..=1: how sure the resolver is of this entry.
    pub confidence: f32,
    /// One line for the reader: why this entry was chosen.
    pub reason: String,
    /// Every mention, in text order; the first is the first appearance.
    pub mentions: Vec<Span>,
    /// The sentence of each mention (parallel to `mentions`).
    pub sentences: Vec<Option<usize>>,
}

/// Everything the analysis found in one text.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
// Holds `&'static str` fields (codes from the word lists): read from
// `'static` text only (the page's build-time analyses).
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Analysis {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// Resolved places, in order of first mention.
    pub places: Vec<Place>,
    /// Names that look like places but could not be resolved, with why.
    pub unresolved: Vec<mentions::Unresolved>,
    /// Words for peoples ("Russian"), linked to their country.
    pub demonyms: Vec<mentions::Demonym>,
    /// Place names standing for governments ("the Kremlin", "Moscow said").
    pub metonyms: Vec<mentions::Metonym>,
    /// People, institutions and groups that are named or speak.
    pub people: Vec<people::Person>,
    /// Each person's camp where the name, role or words before a mention
    /// give one ("authority", "opposition", "rebels", "company", "union"),
    /// parallel to `people`: sides beyond countries.
    pub camps: Vec<Option<&'static str>>,
    /// Every quotation, attributed or not.
    pub quotes: Vec<quotes::Quote>,
    /// Who said what: direct quotes and indirect statements.
    pub statements: Vec<statements::Statement>,
    /// Pairs of statements that conflict about the same place or topic.
    pub contrasts: Vec<contrasts::Contrast>,
    /// Incidents with their figures (killed, injured, launched ...).
    pub events: Vec<events::Event>,
    pub warnings: Vec<Warning>,
}

impl Analysis {
    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        segment::sentence_at(&self.sentences, offset)
    }
}

/// Runs every stage over `text`.
///
/// ```
/// let a = news_atlas_analysis::analyze("Kyiv is calm. Lviv too.");
/// assert_eq!(a.sentences.len(), 2);
/// ```
pub fn analyze(text: &str) -> Analysis {
    let segments = segment::segment(text);
    let gazetteer = &*gazetteer::GAZETTEER;
    let found = mentions::find(text, gazetteer);
    let where_ = resolve::resolve(text, gazetteer, found, &segments.sentences);
    let mut analysis = Analysis {
        paragraphs: segments.paragraphs,
        sentences: segments.sentences,
        places: where_.places,
        unresolved: where_.unresolved,
        demonyms: where_.demonyms,
        metonyms: where_.metonyms,
        warnings: Vec::new(),
        ..Analysis::default()
    };
    // After the places stages: statements and events use the places.
    speech::run(text, &mut analysis);
    analysis
}
