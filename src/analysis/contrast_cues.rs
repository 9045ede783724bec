//! The cue table of the contrast rules (`data/contrast_cues.tsv`): camps of
//! speakers, claim and counter-claim frames, words that answer a claim,
//! and what a figure counts. Read once into one automaton.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::mentions::at_word_boundaries;
use super::Span;

const TABLE: &str = include_str!("../../data/contrast_cues.tsv");

/// What a phrase of the table means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Puts a speaker in a camp (index into `Cues::camps`).
    Camp(u8),
    /// A claim of a frame (index into `Cues::frames`).
    Claim(u8),
    /// What counters a claim of that frame.
    Counter(u8),
    /// Answers an earlier claim ("denied", "blamed ... on").
    Answer,
    /// A noun for someone's claim ("the announcement").
    ClaimNoun,
    /// Names what a figure just before counts (index into `Cues::measures`).
    Measure(u8),
    /// Names what a figure just after counts ("death toll").
    Toll(u8),
    /// Joins two sources set against each other ("but", "while").
    Conj,
}

pub(crate) struct Cues {
    automaton: AhoCorasick,
    meanings: Vec<Cue>,
    pub frames: Vec<&'static str>,
    pub camps: Vec<&'static str>,
    opposes: Vec<(u8, u8)>,
    pub measures: Vec<&'static str>,
}

fn index(names: &mut Vec<&'static str>, name: &'static str) -> u8 {
    let i = names.iter().position(|n| *n == name).unwrap_or_else(|| {
        names.push(name);
        names.len() - 1
    });
    u8::try_from(i).expect("fewer than 256 names per list")
}

pub(crate) static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut meanings = Vec::new();
    let (mut frames, mut camps, mut measures) = (Vec::new(), Vec::new(), Vec::new());
    let mut opposes = Vec::new();
    for line in TABLE.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((list, phrase)) = line.split_once('\t') else {
            continue;
        };
        let (kind, name) = list.split_once(':').unwrap_or((list, ""));
        let cue = match kind {
            "camp" => Cue::Camp(index(&mut camps, name)),
            "claim" => Cue::Claim(index(&mut frames, name)),
            "counter" => Cue::Counter(index(&mut frames, name)),
            "measure" => Cue::Measure(index(&mut measures, name)),
            "toll" => Cue::Toll(index(&mut measures, name)),
            "answer" => Cue::Answer,
            "claimnoun" => Cue::ClaimNoun,
            "conj" => Cue::Conj,
            "opposes" => {
                if let Some((x, y)) = phrase.split_once('|') {
                    opposes.push((index(&mut camps, x), index(&mut camps, y)));
                }
                continue;
            }
            _ => continue,
        };
        patterns.push(phrase);
        meanings.push(cue);
    }
    let automaton = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .build(&patterns)
        .expect("the contrast cue table builds an automaton");
    Cues {
        automaton,
        meanings,
        frames,
        camps,
        opposes,
        measures,
    }
});

impl Cues {
    /// Every cue phrase in `hay` as whole words, with its span in `hay`.
    pub fn find<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = (Span, Cue)> + 'a {
        self.automaton
            .find_overlapping_iter(hay)
            .map(|m| {
                (
                    Span::new(m.start(), m.end()),
                    self.meanings[m.pattern().as_usize()],
                )
            })
            .filter(move |(s, _)| at_word_boundaries(hay, *s))
    }

    /// True when camps `x` and `y` are on opposite sides of a dispute.
    pub fn opposed(&self, x: u8, y: u8) -> bool {
        self.opposes
            .iter()
            .any(|&(p, q)| (p, q) == (x, y) || (q, p) == (x, y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_reads_and_phrases_are_lower_case() {
        let cues = &*CUES;
        assert!(cues.frames.len() >= 5);
        assert!(cues.opposed(0, 1) || cues.camps.len() > 2);
        for line in TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (_, phrase) = line.split_once('\t').expect("two fields");
            assert_eq!(phrase, phrase.to_lowercase(), "{line}");
        }
        let hay = "The opposition said the vote was rigged, but the commission";
        let found: Vec<Cue> = cues.find(hay).map(|(_, c)| c).collect();
        assert!(found.contains(&Cue::Conj));
        assert!(found.iter().any(|c| matches!(c, Cue::Counter(_))));
        assert!(found.iter().filter(|c| matches!(c, Cue::Camp(_))).count() >= 2);
    }
}
