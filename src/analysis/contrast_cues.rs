//! The cue table of the contrast rules (`data/contrast_cues.tsv`): camps of
//! speakers, claim and counter-claim frames, words that answer a claim,
//! and what a figure counts. Read once into one automaton.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::mentions::at_word_boundaries;
use super::Span;

const TABLE: &str = include_str!("../../data/contrast_cues.tsv");

/// A word's length bucket and its first and last ASCII letter or digit as
/// indices (case ignored), for the look-up filter.
fn shape(word: &[u8]) -> Option<(usize, usize, usize)> {
    let index = |b: u8| match b.to_ascii_lowercase() {
        c @ b'a'..=b'z' => Some(usize::from(c - b'a')),
        c @ b'0'..=b'9' => Some(26 + usize::from(c - b'0')),
        _ => None,
    };
    let (&a, &z) = (word.first()?, word.last()?);
    Some((word.len().min(15), index(a)?, index(z)?))
}

/// Not an ASCII letter or digit, in [`INDEX`].
const NOT_ALNUM: u8 = u8::MAX;

/// Each byte's index as [`shape`] numbers letters and digits, or
/// [`NOT_ALNUM`]: [`Cues::find`] reads every byte of every clause it is
/// given, with one load each.
static INDEX: [u8; 256] = {
    let mut table = [NOT_ALNUM; 256];
    let mut b = 0;
    while b < 26 {
        table[b'a' as usize + b] = b as u8;
        table[b'A' as usize + b] = b as u8;
        b += 1;
    }
    let mut d = 0;
    while d < 10 {
        table[b'0' as usize + d] = 26 + d as u8;
        d += 1;
    }
    table
};

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
    /// The phrases by their first word (lower-case letters and digits up
    /// to the first other character), each with its meaning: a text is read
    /// word by word, one look-up a word, which is faster on a statement's
    /// few dozen words than an automaton over every byte.
    by_first: FxHashMap<&'static str, Vec<(&'static str, Cue)>>,
    /// For each first-word length (1..=15, longer in 15) and first letter
    /// or digit, the last letters or digits a first word has: most words of
    /// a text are turned away without a look-up.
    shapes: Box<[[u64; 36]; 16]>,
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
    let mut by_first: FxHashMap<&'static str, Vec<(&'static str, Cue)>> = FxHashMap::default();
    for (phrase, cue) in patterns.iter().zip(&meanings) {
        let end = phrase
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(phrase.len());
        by_first
            .entry(&phrase[..end])
            .or_default()
            .push((phrase, *cue));
    }
    let mut shapes = Box::new([[0u64; 36]; 16]);
    for first in by_first.keys() {
        if let Some((len, a, z)) = shape(first.as_bytes()) {
            shapes[len][a] |= 1 << z;
        }
    }
    Cues {
        by_first,
        shapes,
        frames,
        camps,
        opposes,
        measures,
    }
});

impl Cues {
    /// Every cue phrase in `hay` as whole words, with its span in `hay`, in
    /// order of where they start. Compared ignoring ASCII case.
    pub fn find<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = (Span, Cue)> + 'a {
        let bytes = hay.as_bytes();
        let index = |at: usize| INDEX[usize::from(bytes[at])];
        let mut out: Vec<(Span, Cue)> = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if index(i) == NOT_ALNUM {
                i += 1;
                continue;
            }
            // A run of ASCII letters and digits, read whole: it starts a
            // word (phrases start with ASCII) unless the byte before ends
            // a char outside ASCII.
            let start = i;
            i += 1;
            while i < bytes.len() && index(i) != NOT_ALNUM {
                i += 1;
            }
            if start > 0 && bytes[start - 1] >= 0x80 {
                continue;
            }
            // The shape filter, as [`shape`] would read the word.
            let (len, a, z) = ((i - start).min(15), index(start), index(i - 1));
            if self.shapes[len][usize::from(a)] & (1 << z) != 0 {
                self.push_phrases(hay, start, i, &mut out);
            }
        }
        out.into_iter()
    }

    /// The phrases starting with the word `hay[start..end]` (ASCII letters
    /// and digits) that `hay` has there as whole words, pushed onto `out`.
    fn push_phrases(&self, hay: &str, start: usize, end: usize, out: &mut Vec<(Span, Cue)>) {
        let bytes = hay.as_bytes();
        let word = &hay[start..end];
        let found = if word.bytes().any(|b| b.is_ascii_uppercase()) {
            let lower = word.to_ascii_lowercase();
            self.by_first.get(lower.as_str())
        } else {
            self.by_first.get(word)
        };
        for &(phrase, cue) in found.into_iter().flatten() {
            let span = Span::new(start, start + phrase.len());
            let same = bytes
                .get(span.start..span.end)
                .is_some_and(|t| t.eq_ignore_ascii_case(phrase.as_bytes()));
            if same && hay.is_char_boundary(span.end) && at_word_boundaries(hay, span) {
                out.push((span, cue));
            }
        }
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

    /// The scan's byte table numbers letters and digits as the filter
    /// was built with.
    #[test]
    fn index_numbers_bytes_as_shape_does() {
        for b in 0..=255u8 {
            let by_shape = shape(&[b]).map(|(_, a, _)| a as u8);
            assert_eq!(by_shape.unwrap_or(NOT_ALNUM), INDEX[usize::from(b)], "{b}");
        }
    }

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
