//! Stage: contrasting claims. Pairs of statements from different sides
//! about the same place or topic whose content conflicts.
//!
//! Precision first: a pair needs both sides known (a country or bloc) and
//! different, and one of these signals:
//!
//! 1. **Held vs contested**: one says a place or thing was taken or is held
//!    ("seized", "fully taken", "maintains control"), the other that it is
//!    not ("still ongoing", "cleared out", "must relinquish", a denial),
//!    about the same most specific place; a statement that names no place
//!    but points back ("in the area", "the capture") takes the places of
//!    the sentences just before it. With countries alone in common, a shared
//!    topic word is needed too.
//! 2. **Rejected claim**: "X dismissed Y’s claim that ...".
//! 3. **Mutual accusation**: "Both X and Y accused each other ...".
//! 4. **Rebuttal clause**: "X seeks an election, which Y argues is premature".
//! 5. **Marked contrast**: a statement opening with "In contrast" /
//!    "However" against the nearest earlier statement by another side,
//!    sharing a place or a topic word.
//! 6. **Denial after a claim**: "Y denied the claim" (or denied the same
//!    thing in other words) right after another speaker's statement.
//! 7. **Refusal charged**: one side says the other side lacks, refuses or
//!    fails at what that side spoke of, sharing a topic word.
//!
//! Rules 1, 5 and 7 need both sides known and different; 2, 3, 4 and 6
//! need two different speakers not known to share a side.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::FxHashSet;
use serde::Serialize;

use super::lexicon::{self, WordSet};
use super::mentions::at_word_boundaries;
use super::people::Person;
use super::place_mentions::PlaceMentions;
use super::segment::Sentence;
use super::statements::Statement;
use super::tokens::lowers_as_ascii;
use super::{Place, PlaceKind, Span};

/// Two statements that conflict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contrast {
    /// What they disagree about.
    pub topic: String,
    /// Index into `Analysis::statements`: the earlier claim.
    pub a: usize,
    /// Index into `Analysis::statements`: the conflicting one.
    pub b: usize,
    /// One line on why the two conflict.
    pub reason: String,
    /// Index into `Analysis::places` of the place in dispute, if any.
    pub place: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Frame {
    Held,
    Contested,
}

/// How many sentences apart two statements may be and still be paired on
/// a place they share (a dispute runs through an article, not a book).
const WINDOW: usize = 40;

#[rustfmt::skip]
const HELD: &[&str] = &[
    "seized", "captured", "taken", "took", "capture", "fell", "occupied", "liberated",
    "maintains control", "maintain control", "retain control", "keeps control", "under control",
    "in control", "controls", "won", "victory", "conquered",
];

#[rustfmt::skip]
const CONTESTED: &[&str] = &[
    "ongoing", "still fighting", "fighting continues", "fighting continued", "continuing",
    "repelled", "cleared", "relinquish", "withdraw", "not been captured", "not captured",
    "not taken", "remain in ukrainian", "false", "untrue", "no truth", "return the", "give up",
    "hand back", "not fallen", "holding out", "repulsed",
];

#[rustfmt::skip]
const ANAPHORA: &[&str] = &[
    "the area", "there", "the city", "the town", "the village", "the region", "the capture",
    "the site", "the facility", "the plant", "the fall", "the front",
];

#[rustfmt::skip]
const NEGATIVE: &[&str] = &[
    "premature", "wrong", "false", "unacceptable", "baseless", "unfounded", "absurd", "illegal",
    "lies", "propaganda", "nonsense", "not", "never", "no", "rejected", "unjustified",
    "illegitimate", "misleading", "unaffordable", "unrealistic", "unfair", "unreasonable",
    "excessive", "outrageous", "ridiculous", "impossible", "irresponsible", "dangerous",
    "a mistake", "unconstitutional", "fabricated", "fake",
];

/// Words saying a side will not or cannot do something.
#[rustfmt::skip]
const REFUSAL: &[&str] = &[
    "lack", "lacks", "no interest", "not interested", "refuse", "refuses", "refused", "refusing",
    "unwilling", "fails", "failed", "failing", "not serious", "no intention", "no desire",
];

/// How many sentences back rule 7 looks for the statement it answers.
const MENTION_WINDOW: usize = 12;

#[rustfmt::skip]
const STOP: &[&str] = &[
    "that", "this", "with", "from", "their", "there", "which", "would", "could", "should", "about",
    "after", "before", "against", "being", "other", "these", "those", "while", "where", "within",
    "without", "including", "between", "during", "through", "still", "already", "further",
    "ukraine", "russia", "russian", "ukrainian", "security", "forces", "country", "government",
    "officials", "minister", "president", "because", "whether", "across",
];

/// The cue lists above, named by their place in `LISTS`.
#[derive(Clone, Copy)]
enum List {
    Held,
    Contested,
    Anaphora,
    Negative,
    Refusal,
}

const LISTS: [&[&str]; 5] = [HELD, CONTESTED, ANAPHORA, NEGATIVE, REFUSAL];

/// Phrases matched ignoring ASCII case, as one automaton. The phrases are
/// lower-case, so a content reads as its lower-cased copy would read,
/// without the copy (see [`Hay`]). A DFA: short phrases make a small one,
/// and it reads every statement of a text.
fn automaton<'a>(patterns: impl IntoIterator<Item = &'a str>) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .build(patterns)
        .expect("the contrast phrases build an automaton")
}

/// Every cue phrase in one automaton, so each statement's content is read
/// once rather than once per phrase; with each phrase, its list in `LISTS`
/// and its place there.
static CUE_PHRASES: LazyLock<(AhoCorasick, Vec<(usize, usize)>)> = LazyLock::new(|| {
    let (patterns, meanings): (Vec<&str>, Vec<(usize, usize)>) = LISTS
        .iter()
        .enumerate()
        .flat_map(|(list, phrases)| {
            phrases
                .iter()
                .enumerate()
                .map(move |(i, p)| (*p, (list, i)))
        })
        .unzip();
    (automaton(patterns), meanings)
});

/// Every country form and capital, with its country (an index into
/// `COUNTRIES`). Kept apart from the cue phrases: only a few statements
/// are asked which countries they name, and without the hundreds of forms
/// the cue automaton is small enough to stay in cache as it reads.
static COUNTRY_PHRASES: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let (patterns, meanings): (Vec<&str>, Vec<usize>) = lexicon::COUNTRIES
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.forms.iter().chain(c.metonyms).map(move |f| (*f, i)))
        .unzip();
    (automaton(patterns), meanings)
});

/// The phrases of `phrases` that `hay` has as whole words, as indices into
/// its patterns.
fn whole_word_phrases<'a>(
    phrases: &'a AhoCorasick,
    hay: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    phrases
        .find_overlapping_iter(hay)
        .filter(|m| at_word_boundaries(hay, Span::new(m.start(), m.end())))
        .map(|m| m.pattern().as_usize())
}

/// What one statement's content holds, read once and only when a rule
/// first asks: the rules then judge pairs of statements from these. Most
/// rules ask only of statements whose side is known, or only after
/// cheaper tests pass.
struct Reading<'a> {
    /// The content as written.
    content: &'a str,
    /// The content as the phrase lists are matched in it.
    hay: OnceCell<Hay<'a>>,
    /// For each cue list, the first phrase of the list (in list order) that
    /// the content has as whole words.
    first: OnceCell<[Option<usize>; 5]>,
    /// Countries the content names by a form or capital (indices into
    /// `COUNTRIES`), sorted; read when first asked.
    countries: OnceCell<Vec<usize>>,
    /// The content's topic words; read when first asked, as only a few
    /// rules compare them.
    topics: OnceCell<Topics<'a>>,
}

/// The stems of a content's topic words (see [`words`]).
struct Topics<'a> {
    /// Sorted and distinct.
    stems: Vec<Stem>,
    /// Each topic word as written with its stem, in text order, repeats
    /// included.
    words: Vec<(&'a str, Stem)>,
}

impl<'a> Reading<'a> {
    fn hay(&self) -> &str {
        self.hay.get_or_init(|| hay(self.content))
    }

    /// For each cue list, the first of its phrases in the content.
    fn first(&self) -> &[Option<usize>; 5] {
        self.first.get_or_init(|| {
            let (phrases, meanings) = &*CUE_PHRASES;
            let mut first = [None; 5];
            for p in whole_word_phrases(phrases, self.hay()) {
                let (list, i) = meanings[p];
                let slot = &mut first[list];
                *slot = Some(slot.map_or(i, |j: usize| j.min(i)));
            }
            first
        })
    }

    /// The first phrase of `list` in the content, if any.
    fn trigger(&self, list: List) -> Option<&'static str> {
        self.first()[list as usize].map(|i| LISTS[list as usize][i])
    }

    fn has(&self, list: List) -> bool {
        self.first()[list as usize].is_some()
    }

    /// True when the content names the country or bloc `code`.
    fn names(&self, code: &str) -> bool {
        let countries = self.countries.get_or_init(|| {
            let (phrases, meanings) = &*COUNTRY_PHRASES;
            let mut found: Vec<usize> = whole_word_phrases(phrases, self.hay())
                .map(|p| meanings[p])
                .collect();
            found.sort_unstable();
            found.dedup();
            found
        });
        lexicon::COUNTRIES
            .iter()
            .position(|c| c.code == code)
            .is_some_and(|i| countries.binary_search(&i).is_ok())
    }

    /// True when the content opens with the lower-case `prefix`, ignoring
    /// ASCII case (as its lower-cased copy would open with it).
    fn opens_with(&self, prefix: &str) -> bool {
        self.hay()
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    }

    fn topics(&self) -> &Topics<'a> {
        self.topics.get_or_init(|| {
            let words: Vec<(&str, Stem)> = words(self.content, |w, l| (w, stem(l))).collect();
            let mut stems: Vec<Stem> = words.iter().map(|&(_, s)| s).collect();
            stems.sort_unstable();
            stems.dedup();
            Topics { stems, words }
        })
    }

    /// True when the two contents share a topic stem.
    fn shares_stem(&self, other: &Reading) -> bool {
        let (mine, theirs) = (&self.topics().stems, &other.topics().stems);
        let (mut i, mut j) = (0, 0);
        while i < mine.len() && j < theirs.len() {
            match mine[i].cmp(&theirs[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

/// A statement's content as the phrase lists are matched in it, ignoring
/// ASCII case: the content itself when lower-casing it would change only
/// ASCII letters (the usual case, curly quotes and all: no copy), else its
/// lower-cased copy, since lowering some letters ("İ") changes their
/// length and only the copy lines up with the lists. Matching the copy
/// while ignoring ASCII case changes nothing: lowering leaves no ASCII
/// capital.
type Hay<'a> = Cow<'a, str>;

fn hay(content: &str) -> Hay<'_> {
    if lowers_as_ascii(content) {
        Cow::Borrowed(content)
    } else {
        Cow::Owned(content.to_lowercase())
    }
}

/// A statement's `content`, to be read when first asked.
fn read(content: &str) -> Reading<'_> {
    Reading {
        content,
        hay: OnceCell::new(),
        first: OnceCell::new(),
        countries: OnceCell::new(),
        topics: OnceCell::new(),
    }
}

/// Topic words: words of six letters or more, lower-cased, other than the
/// common ones in `STOP`. Each is passed to `f` as written and lower-cased.
///
/// Read from the content itself, not its lower-cased copy: lowering some
/// letters ("İ") adds a combining mark that would split a word, and each
/// word is lowered anyway.
fn words<'a, T>(
    s: &'a str,
    mut f: impl FnMut(&'a str, &str) -> T + 'a,
) -> impl Iterator<Item = T> + 'a {
    static STOP_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STOP));
    s.split(|c: char| !c.is_alphanumeric())
        // Fewer than six bytes is fewer than six characters: most words are
        // turned away without counting.
        .filter(|w| w.len() >= 6 && w.chars().count() >= 6)
        .filter_map(move |w| lexicon::with_lower(w, |l| (!STOP_SET.contains(l)).then(|| f(w, l))))
}

/// A topic stem: a topic word's first six letters ("territ" for
/// "territories"), in a fixed array padded with zeros rather than a
/// `String` per stem. Six characters take at most 24 bytes, and a topic
/// word holds only letters and digits, never a zero byte, so the padding
/// cannot make two stems equal.
type Stem = [u8; 24];

fn stem(word: &str) -> Stem {
    let stem = word.char_indices().nth(6).map_or(word, |(i, _)| &word[..i]);
    let mut key = [0u8; 24];
    // Never truncates: six characters are at most 24 bytes.
    let len = stem.len().min(key.len());
    key[..len].copy_from_slice(&stem.as_bytes()[..len]);
    key
}

/// The first topic word of `b`'s content whose stem `a` shares,
/// capitalised, as a topic ("Territories").
fn topic_word(b: &Reading, a: &Reading) -> Option<String> {
    let theirs = &a.topics().stems;
    let &(word, _) = b
        .topics()
        .words
        .iter()
        .find(|(_, s)| theirs.binary_search(s).is_ok())?;
    Some(lexicon::with_lower(word, |w| {
        let mut c = w.chars();
        c.next()
            .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
    }))
}

/// A side: a country code or bloc, not an outlet or unknown.
fn side(p: &Person) -> Option<&str> {
    let a = p.affiliation.as_deref()?;
    let ok = (2..=4).contains(&a.len()) && a.chars().all(|c| c.is_ascii_uppercase());
    ok.then_some(a)
}

/// The frame of a statement from what its content holds.
fn frame(reading: &Reading, st: &Statement) -> Option<Frame> {
    if st.stance.is_rejection() || reading.has(List::Contested) {
        return Some(Frame::Contested);
    }
    reading.has(List::Held).then_some(Frame::Held)
}

fn rank(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::City | PlaceKind::Facility | PlaceKind::Other => 0,
        PlaceKind::Sea | PlaceKind::Region => 1,
        PlaceKind::Country => 2,
    }
}

/// The most specific places within `span`.
fn focus(places: &[Place], mentions: &PlaceMentions, span: Span) -> (Vec<usize>, u8) {
    let mut inside: Vec<usize> = mentions.within(span).map(|(_, p, _)| p).collect();
    inside.sort_unstable();
    inside.dedup();
    let best = inside
        .iter()
        .map(|&i| rank(places[i].kind))
        .min()
        .unwrap_or(3);
    (
        inside
            .into_iter()
            .filter(|&i| rank(places[i].kind) == best)
            .collect(),
        best,
    )
}

/// Finds contrasting pairs among `statements`.
pub fn find_contrasts(
    text: &str,
    sentences: &[Sentence],
    places: &[Place],
    people: &[Person],
    statements: &[Statement],
    place_mentions: &PlaceMentions,
) -> Vec<Contrast> {
    let n = statements.len();
    let sides: Vec<Option<&str>> = statements
        .iter()
        .map(|s| s.speaker.and_then(|p| people.get(p)).and_then(side))
        .collect();
    let contents: Vec<&str> = statements.iter().map(|s| s.content.slice(text)).collect();
    // Read once: the rules below test each content against word lists
    // many times, inside loops over nearby statements.
    let readings: Vec<Reading> = contents.iter().map(|c| read(c)).collect();
    // Places each statement is about, inheriting from the sentences before
    // it when it only points back. Found when a rule first asks: most
    // statements meet no rule that does.
    let anchors: Vec<OnceCell<(Vec<usize>, u8)>> = (0..n).map(|_| OnceCell::new()).collect();
    let anchor = |i: usize| {
        anchors[i].get_or_init(|| {
            let s = &statements[i];
            let own = focus(places, place_mentions, s.content);
            if !own.0.is_empty() {
                return own;
            }
            if !readings[i].has(List::Anaphora) {
                return own;
            }
            for back in 1..=3 {
                let Some(prev) = s.sentence.checked_sub(back).and_then(|k| sentences.get(k)) else {
                    break;
                };
                let f = focus(places, place_mentions, prev.span);
                if !f.0.is_empty() && f.1 < 2 {
                    return f;
                }
            }
            own
        })
    };
    // Only rule 1 asks for frames, of statements whose sides are known.
    let frames: Vec<Option<Frame>> = (0..n)
        .map(|i| sides[i].and_then(|_| frame(&readings[i], &statements[i])))
        .collect();
    let mut out: Vec<Contrast> = Vec::new();
    let mut seen: FxHashSet<(usize, usize)> = FxHashSet::default();
    let mut push = |out: &mut Vec<Contrast>,
                    a: usize,
                    b: usize,
                    topic: String,
                    reason: String,
                    place: Option<usize>| {
        // `a` is the claim, `b` what conflicts with it; a pair is kept once
        // whichever rule finds it first.
        let key = (a.min(b), a.max(b));
        if a != b && seen.insert(key) {
            out.push(Contrast {
                topic,
                a,
                b,
                reason,
                place,
            });
        }
    };
    let name = |i: usize| {
        statements[i]
            .speaker
            .and_then(|p| people.get(p))
            .map_or("someone", |p| p.name.as_str())
    };
    let differ = |a: usize, b: usize| match (sides[a], sides[b]) {
        (Some(x), Some(y)) => x != y && statements[a].speaker != statements[b].speaker,
        _ => false,
    };
    // Different speakers not known to share a side: enough for the
    // structural rules, whose wording itself says the two conflict.
    let opposable = |a: usize, b: usize| {
        statements[a].speaker.is_some()
            && statements[b].speaker.is_some()
            && statements[a].speaker != statements[b].speaker
            && !matches!((sides[a], sides[b]), (Some(x), Some(y)) if x == y)
    };
    let joint = |a: usize, b: usize| {
        statements[a].group.is_some() && statements[a].group == statements[b].group
    };
    // Statements starting within `k` sentences of statement `i`: pairs are
    // only sought nearby, so the stage stays linear in the text. Statements
    // are sorted by start, so the window is two binary searches.
    let around = |i: usize, k: usize| {
        let si = statements[i].sentence;
        let from = sentences
            .get(si.saturating_sub(k + 1))
            .map_or(0, |s| s.span.start);
        let to = sentences.get(si + k + 1).map_or(usize::MAX, |s| s.span.end);
        let a = statements.partition_point(|s| s.span.start < from);
        let b = statements.partition_point(|s| s.span.start < to);
        a..b.max(a)
    };
    // 1. Held vs contested about the same place.
    for a in 0..n {
        if frames[a] != Some(Frame::Held) {
            continue;
        }
        for b in around(a, WINDOW) {
            if frames[b] != Some(Frame::Contested) || !differ(a, b) || joint(a, b) {
                continue;
            }
            let (pa, ra) = anchor(a);
            let (pb, rb) = anchor(b);
            let Some(p) = pa.iter().copied().find(|x| pb.contains(x)) else {
                continue;
            };
            let topic = if *ra < 2 && *rb < 2 {
                format!("Control of {}", places[p].name)
            } else {
                match topic_word(&readings[b], &readings[a]) {
                    Some(word) => format!("{word} ({})", places[p].name),
                    None => continue,
                }
            };
            let place = Some(p);
            let ta = readings[a].trigger(List::Held).unwrap_or_default();
            let tb = readings[b].trigger(List::Contested).unwrap_or("rejects it");
            let reason = format!(
                "{} reports it taken (“{ta}”); {} says otherwise (“{tb}”)",
                name(a),
                name(b)
            );
            push(&mut out, a, b, topic, reason, place);
        }
    }
    for b in 0..n {
        let sb = &statements[b];
        // Statements of the same and adjacent sentences.
        let close = around(b, 0);
        // 2. "X dismissed Y’s claim that ...": the claim sits inside the rejection.
        if sb.stance.is_rejection() {
            for a in close.clone() {
                let Some(cue) = statements[a].cue else {
                    continue;
                };
                // Speakers of one cue ("criticism from Kyiv and European
                // capitals") are on the same side of it, not against it.
                let same_cue = sb.cue == Some(cue) || joint(a, b);
                if a != b
                    && !same_cue
                    && sb.content.contains(cue)
                    && statements[a].speaker != sb.speaker
                    && statements[a].speaker.is_some()
                {
                    let place = anchor(a).0.first().copied();
                    let topic = match place {
                        Some(p) => format!("Claim about {}", places[p].name),
                        None => short(contents[a]),
                    };
                    let reason = format!("{} rejects {}’s claim", name(b), name(a));
                    push(&mut out, a, b, topic, reason, place);
                }
            }
        }
        // 3. "accused each other".
        let each_other =
            || readings[b].opens_with("each other") || readings[b].opens_with("one another");
        if sb.group.is_some() && each_other() {
            for a in close.clone().filter(|&a| a < b) {
                if joint(a, b) && statements[a].speaker != sb.speaker {
                    let rest = contents[b]
                        .trim_start_matches("each other")
                        .trim_start_matches("one another")
                        .trim();
                    let rest = ["of ", "over ", "about ", "for "]
                        .iter()
                        .find_map(|p| rest.strip_prefix(p))
                        .unwrap_or(rest);
                    let topic = short(rest);
                    let reason = format!("{} and {} accuse each other", name(a), name(b));
                    push(&mut out, a, b, topic, reason, None);
                }
            }
        }
        // 4. A rebuttal in a relative clause after someone's statement.
        if let Some(sp) = sb.speaker_span {
            for a in close.clone() {
                let sa = &statements[a];
                if sa.sentence != sb.sentence
                    || !opposable(a, b)
                    || sa.content.end > sp.start
                    || sa.content.start >= sp.start
                {
                    continue;
                }
                let between = text
                    .get(sa.content.end..sp.start)
                    .unwrap_or("")
                    .to_lowercase();
                let relative = between
                    .split_whitespace()
                    .any(|w| matches!(w.trim_matches(','), "which" | "who" | "what"));
                let negative = || sb.stance.is_rejection() || readings[b].has(List::Negative);
                if relative && between.len() < 24 && negative() {
                    let topic = short(contents[a]);
                    let reason = format!("{} disputes what {} seeks or says", name(b), name(a));
                    push(&mut out, a, b, topic, reason, anchor(a).0.first().copied());
                }
            }
        }
        // 6. "... Y denied the claim": a rejection of what was just reported.
        let back_ref = || {
            [
                "the claim",
                "the claims",
                "the accusation",
                "the accusations",
                "the allegation",
                "the allegations",
                "the report",
                "the reports",
                "the charge",
                "the charges",
                "these claims",
                "this claim",
                "such claims",
                "the assertion",
                "that claim",
            ]
            .iter()
            .any(|p| readings[b].opens_with(p))
        };
        // ... or a denial of the same thing in other words ("Israel said
        // fighters hid in the hospital. Hamas denied using hospitals.").
        if sb.stance.is_denial() {
            let near = around(b, 2);
            let prev = (near.start..b).rev().find(|&a| {
                let sa = &statements[a];
                sa.speaker.is_some()
                    && sa.speaker != sb.speaker
                    && sa.sentence <= sb.sentence
                    && sb.sentence - sa.sentence <= 2
                    && !sa.stance.is_rejection()
            });
            // ... or a denial by the side the statement before accused
            // ("“... a Russian special operation,” she said. The Kremlin
            // denied interfering.").
            let names_b = |a: usize| sides[b].is_some_and(|code| readings[a].names(code));
            let same_thing =
                |a: usize| back_ref() || readings[a].shares_stem(&readings[b]) || names_b(a);
            if let Some(a) = prev.filter(|&a| opposable(a, b) && same_thing(a)) {
                let place = anchor(a).0.first().copied();
                let topic = match place {
                    Some(p) if anchor(a).1 < 2 => format!("Claim about {}", places[p].name),
                    _ => short(contents[a]),
                };
                let reason = format!("{} rejects what {} said", name(b), name(a));
                push(&mut out, a, b, topic, reason, place);
            }
        }
        // 7. "Moscow voiced optimism about a deal ... Kallas said Russia’s
        // conditions show a lack of interest in peace": one side says the
        // other's side lacks, refuses or fails at the very thing the other
        // spoke of.
        if let Some(side_b) = sides[b] {
            if readings[b].has(List::Refusal) {
                let near = around(b, MENTION_WINDOW);
                let named = (near.start..b).rev().find(|&a| {
                    let Some(side_a) = sides[a] else { return false };
                    side_a != side_b
                        && statements[a].sentence < sb.sentence
                        && readings[b].names(side_a)
                        && !said_jointly(statements, a, b)
                        && readings[a].shares_stem(&readings[b])
                });
                if let Some(a) = named {
                    let topic = topic_word(&readings[b], &readings[a])
                        .unwrap_or_else(|| short(contents[a]));
                    let reason = format!(
                        "{} says {}’s side {}",
                        name(b),
                        name(a),
                        readings[b].trigger(List::Refusal).unwrap_or_default()
                    );
                    push(&mut out, a, b, topic, reason, None);
                }
            }
        }
        // 5. A statement marked as contrasting with the one before it. The
        // sentence is searched for a marker last: few statements have a
        // neighbour from another side to be set against.
        let near = around(b, 2);
        let prev = (near.start..b).rev().find(|&a| {
            statements[a].speaker != sb.speaker
                && sb.sentence.saturating_sub(statements[a].sentence) <= 2
                && statements[a].sentence <= sb.sentence
        });
        // Only the first of speakers named together.
        let first_of_group =
            || sb.group.is_none() || (near.start..b).all(|k| statements[k].group != sb.group);
        let marked = || {
            let sentence = sentences.get(sb.sentence);
            marked_contrast(sentence.map_or("", |s| s.span.slice(text)))
        };
        if let Some(a) = prev.filter(|&a| differ(a, b) && first_of_group() && marked()) {
            let shared_place =
                anchor(a).0.iter().any(|x| anchor(b).0.contains(x)) && anchor(a).1 < 2;
            // A shared place makes the topic; a shared word is sought only without one.
            let shared_word = (!shared_place)
                .then(|| topic_word(&readings[b], &readings[a]))
                .flatten();
            if shared_place || shared_word.is_some() {
                let place = anchor(a)
                    .0
                    .iter()
                    .copied()
                    .find(|x| anchor(b).0.contains(x));
                let topic = match (place, shared_word) {
                    (Some(p), _) if shared_place => format!("Situation in {}", places[p].name),
                    (_, Some(w)) => w,
                    _ => "Contrasting views".into(),
                };
                let reason = format!("{} is set against {} in the text", name(b), name(a));
                push(&mut out, a, b, topic, reason, place);
            }
        }
    }
    out.sort_by_key(|c| (c.a.min(c.b), c.a.max(c.b)));
    out
}

/// True when `sentence` is marked as contrasting with what came before:
/// it opens with "In contrast", "However", "But " ... or has ", however,".
///
/// Compared without regard to ASCII case, which is the same as lower-casing
/// the sentence first (without copying it): the only characters outside
/// ASCII that lower-case to ASCII letters are the Kelvin sign ("k", in no
/// marker) and dotted "İ" ("i" plus a combining dot, which no marker has).
fn marked_contrast(sentence: &str) -> bool {
    const OPENINGS: [&str; 5] = [
        "in contrast",
        "by contrast",
        "however",
        "but ",
        "on the other hand",
    ];
    const INSIDE: &str = ", however,";
    let opens = OPENINGS.iter().any(|m| {
        sentence
            .as_bytes()
            .get(..m.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(m.as_bytes()))
    });
    // Only where a comma is can ", however," start.
    opens
        || sentence.match_indices(',').any(|(at, _)| {
            sentence
                .as_bytes()
                .get(at..at + INSIDE.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(INSIDE.as_bytes()))
        })
}

/// True when `a` and `b` are the same statement group (said jointly).
fn said_jointly(statements: &[Statement], a: usize, b: usize) -> bool {
    statements[a].group.is_some() && statements[a].group == statements[b].group
}

/// The first words of a content span, for a topic line.
fn short(s: &str) -> String {
    let w: Vec<&str> = s.split_whitespace().take(8).collect();
    let mut t = w.join(" ");
    if s.split_whitespace().count() > 8 {
        t.push('…');
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Matching while ignoring ASCII case reads as lower-casing first only
    /// if every phrase is lower-case.
    #[test]
    fn phrases_are_lower_case() {
        let countries = lexicon::COUNTRIES
            .iter()
            .flat_map(|c| c.forms.iter().chain(c.metonyms));
        for p in LISTS.iter().flat_map(|l| l.iter()).chain(countries) {
            assert_eq!(*p, p.to_lowercase(), "phrase {p:?}");
        }
    }

    #[test]
    fn hay_reads_as_the_lower_cased_content() {
        for content in [
            "Kyiv said the CAPTURE was FALSE in “RUSSIA’S” words",
            "Die İstanbul-Gespräche: Not captured, UKRAINE says",
            "ÉLYSÉE denied it",
        ] {
            let lower = content.to_lowercase();
            let a = read(content);
            let mut b = read(&lower);
            b.hay = OnceCell::from(Cow::Borrowed(lower.as_str()));
            assert_eq!(a.first(), b.first(), "{content}");
            for c in lexicon::COUNTRIES {
                assert_eq!(a.names(c.code), b.names(c.code), "{content} {}", c.code);
            }
            assert!(a.opens_with(&lower[..4]));
        }
    }
}
