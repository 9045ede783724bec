//! The statement record the speech stages share: `speakers` reads and
//! `statements` builds them. It sits below both so neither imports the
//! other (the speech stages read as a pipeline: tokens, quotes, people,
//! speakers, statements, then contrasts and events).

use serde::{Deserialize, Serialize};

use super::lexicon::Stance;
use super::Span;

/// One thing someone is reported to have said.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Index into `Analysis::people`; `None` when unresolved.
    pub speaker: Option<usize>,
    /// The words that name the speaker here ("she", "Russia’s Defense Ministry").
    pub speaker_span: Option<Span>,
    /// Why the speaker could not be resolved.
    pub unresolved: Option<String>,
    /// The main reporting cue; `None` for a quote continuing an earlier one.
    pub cue: Option<Span>,
    /// Every cue merged into this statement, in text order.
    pub cues: Vec<Span>,
    pub stance: Stance,
    /// True when the statement is a quotation of the speaker's own words.
    pub direct: bool,
    /// Indices into `Analysis::quotes` of the quotes this statement carries.
    pub quotes: Vec<usize>,
    /// What is reported: the quote's text for a direct statement.
    pub content: Span,
    /// Index into `Analysis::sentences` (of the cue, else of the quote).
    pub sentence: usize,
    /// The whole statement: speaker, cue, content and quote marks.
    pub span: Span,
    /// Statements made jointly ("Both Russia and Ukraine accused each
    /// other") share a group number.
    pub group: Option<usize>,
    /// Each cue merged in from another statement with the words naming
    /// its speaker there (see [`Statement::attributions`]).
    #[serde(skip)]
    pub(crate) merged: Vec<(Span, Option<Span>)>,
}

impl Statement {
    /// Each cue with the words naming its speaker there, its own first, so
    /// a quote next to any of them ("“...,” he added") finds this
    /// statement. Its own is not stored: most statements have no other.
    pub(crate) fn attributions(&self) -> impl Iterator<Item = (Span, Option<Span>)> + '_ {
        let own = self.cue.map(|cue| (cue, self.speaker_span));
        own.into_iter().chain(self.merged.iter().copied())
    }

    /// A direct statement that is only a quote (no cue of its own): a
    /// continued quote of `speaker`, or, with `speaker` `None`, a quote whose
    /// speaker the text leaves unclear (`unresolved` says why).
    pub(crate) fn bare_quote(
        speaker: Option<usize>,
        unresolved: Option<String>,
        quote: usize,
        content: Span,
        sentence: usize,
        span: Span,
    ) -> Statement {
        Statement {
            speaker,
            speaker_span: None,
            unresolved,
            cue: None,
            cues: Vec::new(),
            stance: Stance::Assert,
            direct: true,
            quotes: vec![quote],
            content,
            sentence,
            span,
            group: None,
            merged: Vec::new(),
        }
    }
}
