//! An index of every place mention in a text, shared by the speech stages
//! (people, statements, contrasts, events) to find the places in or around
//! a span.

use super::{Place, Span};

/// Every place mention in the text, sorted by start, so the stages find
/// the mentions in, over or around a span by binary search rather than by
/// scanning every place for every word or statement (which grew with the
/// square of a long text). Built once per analysis and shared by the
/// speech stages.
pub struct PlaceMentions {
    /// (mention, index into `places`, index into that place's `mentions`).
    entries: Vec<(Span, usize, usize)>,
    /// The largest mention end among `entries[..=i]`: a backward scan for
    /// mentions reaching past some point can stop where this falls short.
    max_end: Vec<usize>,
}

impl PlaceMentions {
    /// Indexes the mentions of `places`.
    pub fn new(places: &[Place]) -> PlaceMentions {
        let mut entries: Vec<(Span, usize, usize)> = places
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| p.mentions.iter().enumerate().map(move |(k, m)| (*m, pi, k)))
            .collect();
        entries.sort_by_key(|&(m, pi, k)| (m.start, pi, k));
        let max_end = entries
            .iter()
            .scan(0, |end, &(m, _, _)| {
                *end = m.end.max(*end);
                Some(*end)
            })
            .collect();
        PlaceMentions { entries, max_end }
    }

    /// Mentions wholly inside `span`, as (mention, place, nth mention of
    /// the place), by start.
    pub(crate) fn within(&self, span: Span) -> impl Iterator<Item = (Span, usize, usize)> + '_ {
        let from = self.entries.partition_point(|e| e.0.start < span.start);
        self.entries[from..]
            .iter()
            .take_while(move |e| e.0.start <= span.end)
            .filter(move |e| span.contains(e.0))
            .copied()
    }

    /// The entries starting before `before` whose mention ends at or after
    /// `min_end`, last first.
    fn reaching(
        &self,
        before: usize,
        min_end: usize,
    ) -> impl Iterator<Item = &(Span, usize, usize)> {
        let upto = self.entries.partition_point(|e| e.0.start < before);
        (0..upto)
            .rev()
            .take_while(move |&k| self.max_end[k] >= min_end)
            .map(|k| &self.entries[k])
            .filter(move |e| e.0.end >= min_end)
    }

    /// True when a place mention overlaps `span`.
    pub(crate) fn overlap(&self, span: Span) -> bool {
        self.reaching(span.end, span.start + 1).next().is_some()
    }

    /// The places with a mention wholly around `span`, in any order.
    pub(crate) fn around(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        self.reaching(span.start + 1, span.end).map(|e| e.1)
    }
}
