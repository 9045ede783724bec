//! The word table of the events stage (`data/event_words.tsv`): counted
//! nouns and measure units, distances and durations, incident verbs, the
//! words that mark where a source spoke, and the words of time
//! expressions. Read once.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::super::lexicon::WordSet;
use super::super::tokens::{tokenize, Lower, Token};

const TABLE: &str = include_str!("../../../data/event_words.tsv");

/// A phrase of the table as the tokenizer splits it ("km/h": "km", "/", "h").
pub(crate) struct Phrase {
    pub words: Vec<&'static str>,
    /// The row's value: a unit's name as shown ("" for the words as
    /// written), a currency sign's unit, a time phrase's kind.
    pub value: &'static str,
    /// A measure unit rather than a counted noun.
    pub measure: bool,
}

/// Phrases by their first word, longest first.
#[derive(Default)]
pub(crate) struct Phrases(FxHashMap<&'static str, Vec<Phrase>>);

impl Phrases {
    fn add(&mut self, phrase: &'static str, value: &'static str, measure: bool) {
        let words: Vec<&'static str> = tokenize(phrase)
            .iter()
            .filter_map(|t| phrase.get(t.span.start..t.span.end))
            .collect();
        if let Some(&first) = words.first() {
            let list = self.0.entry(first).or_default();
            list.push(Phrase {
                words,
                value,
                measure,
            });
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
    }

    /// The longest phrase at token `at` and its last token, the tokens
    /// read lower-cased from `lower`.
    pub fn at(&self, toks: &[Token], lower: Lower<'_>, at: usize) -> Option<(&Phrase, usize)> {
        let list = self.0.get(lower.get(at))?;
        list.iter().find_map(|p| {
            let fits = p.words.iter().enumerate().all(|(n, w)| {
                // Within the tokens given (one sentence's, say).
                at + n < toks.len() && lower.get(at + n) == *w
            });
            fits.then(|| (p, at + p.words.len() - 1))
        })
    }
}

/// An incident verb stem and its label.
pub(crate) struct Verb {
    pub stem: &'static str,
    /// The stem is a whole word, not a prefix.
    pub whole: bool,
    pub label: &'static str,
}

/// Everything `data/event_words.tsv` holds.
pub(crate) struct EventWords {
    /// Counted nouns and measure units.
    pub units: Phrases,
    pub distance: WordSet,
    pub relation: WordSet,
    pub duration: WordSet,
    /// Currency signs, their unit as value.
    pub symbols: Phrases,
    pub verbs: Vec<Verb>,
    /// Every verb label: a figure with one of these is an incident figure.
    pub labels: Vec<&'static str>,
    pub participles: Vec<&'static str>,
    pub speaking: WordSet,
    pub weekdays: FxHashMap<&'static str, u8>,
    pub months: FxHashMap<&'static str, u8>,
    /// Relative time phrases, their kind as value.
    pub relative: Phrases,
    /// Every word a time expression can start with, but digits: the
    /// first words of `relative`, weekday and month names.
    pub time_starts: WordSet,
}

impl EventWords {
    /// The incident label of a lower-cased word, from its verb stem.
    ///
    /// Asked of nearly every word, so a word whose first letter starts no
    /// stem is turned away before the stems are compared.
    pub fn verb_label(&self, l: &str) -> Option<&'static str> {
        let first = *l.as_bytes().first()?;
        self.verbs
            .iter()
            .filter(|v| v.stem.as_bytes().first() == Some(&first))
            .find(|v| {
                if v.whole {
                    l == v.stem
                } else {
                    l.starts_with(v.stem)
                }
            })
            .map(|v| v.label)
    }
}

fn load(table: &'static str) -> EventWords {
    let mut lists: FxHashMap<&str, Vec<(&'static str, &'static str)>> = FxHashMap::default();
    for line in table.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(list), Some(words)) = (cols.next(), cols.next()) else {
            panic!("data/event_words.tsv: a row needs a list and words: {line:?}");
        };
        lists
            .entry(list)
            .or_default()
            .push((words, cols.next().unwrap_or("")));
    }
    let list = |name: &str| lists.get(name).map(Vec::as_slice).unwrap_or_default();
    let set = |name: &str| WordSet::new(&list(name).iter().map(|&(w, _)| w).collect::<Vec<_>>());
    let numbers = |name: &str| {
        list(name)
            .iter()
            .map(|&(w, v)| (w, v.parse::<u8>().expect("a number in event_words.tsv")))
            .collect()
    };
    let mut units = Phrases::default();
    for (kind, measure) in [("counted", false), ("measure", true)] {
        for &(w, v) in list(kind) {
            units.add(w, v, measure);
        }
    }
    let phrases = |name: &str| {
        let mut p = Phrases::default();
        for &(w, v) in list(name) {
            p.add(w, v, false);
        }
        p
    };
    let verbs: Vec<Verb> = list("verb")
        .iter()
        .map(|&(stem, label)| match stem.strip_suffix('=') {
            Some(word) => Verb {
                stem: word,
                whole: true,
                label,
            },
            None => Verb {
                stem,
                whole: false,
                label,
            },
        })
        .collect();
    let time_starts: Vec<&'static str> = ["relative", "weekday", "month"]
        .iter()
        .flat_map(|name| list(name))
        .filter_map(|&(w, _)| w.split(' ').next())
        .collect();
    let mut labels: Vec<&'static str> = verbs.iter().map(|v| v.label).collect();
    labels.dedup();
    EventWords {
        units,
        distance: set("distance"),
        relation: set("relation"),
        duration: set("duration"),
        symbols: phrases("symbol"),
        verbs,
        labels,
        participles: list("participle").iter().map(|&(w, _)| w).collect(),
        speaking: set("speaking"),
        weekdays: numbers("weekday"),
        months: numbers("month"),
        relative: phrases("relative"),
        time_starts: WordSet::new(&time_starts),
    }
}

/// The table, read once.
pub(crate) static WORDS: LazyLock<EventWords> = LazyLock::new(|| load(TABLE));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::Lowered;

    #[test]
    fn the_table_loads_with_every_list() {
        let w = &*WORDS;
        assert!(w.duration.contains("days") && w.distance.contains("km"));
        assert_eq!(w.verb_label("killing"), Some("killed"));
        assert_eq!(w.verb_label("fire"), Some("launched"));
        assert_eq!(w.verb_label("firefighters"), None);
        assert_eq!(w.weekdays.get("sunday"), Some(&7));
        assert_eq!(w.months.get("sept"), Some(&9));
        assert!(w.labels.contains(&"damaged"));
    }

    #[test]
    fn phrases_match_their_tokens_longest_first() {
        let text = "winds of 150 km/h and 120 mm of rain";
        let toks = tokenize(text);
        let lowered = Lowered::new(text, &toks);
        let at = |word: &str| toks.iter().position(|t| t.text(text) == word).unwrap();
        let w = &*WORDS;
        let unit = |word: &str| {
            let (p, last) = w.units.at(&toks, lowered.words(), at(word)).unwrap();
            (p.measure, last)
        };
        assert_eq!(unit("km"), (true, at("h")));
        assert_eq!(unit("mm"), (true, at("rain")));
    }
}
