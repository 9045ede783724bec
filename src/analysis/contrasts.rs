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
//! 8. **Two sources, one sentence**: "X says …, but Y says …".
//! 9. **Claim and counter-claim**: a frame's claim ("won", "civilians",
//!    "advanced") against its counter ("rigged", "only military targets",
//!    "repelled") from the other side.
//! 10. **Answer to a claim**: a denial, dismissal or blame ("called it
//!     fabricated", "blamed … on", "the announcement by the opposition")
//!     against the nearest earlier claim by another source on its topic.
//! 11. **Numbers that disagree**: figures for one measure that cannot both
//!     be right (the statements' own measures, or the incident figures the
//!     events stage tied to them).
//!
//! Rules 1, 5 and 7 need both sides known and different; 9 needs opposed
//! speakers (different countries, opposite camps such as a government and
//! the opposition, a company and a union, or an accused answering the
//! claim about them); the others need two different speakers not known to
//! share a side or camp. The rules are rows of `RULES`, each pair keeps
//! its rule's name, and pairs sharing a statement are one dispute. Their
//! word lists are `data/contrast_cues.tsv`.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use super::contrast_cues::{Cue, CUES};
use super::events::{Event, Figure as EventFigure};
use super::lexicon::{self, Stance, WordSet};
use super::mentions::at_word_boundaries;
use super::people::{Person, SpeakerKind};
use super::place_mentions::PlaceMentions;
use super::segment::Sentence;
use super::statements::Statement;
use super::tokens::lowers_as_ascii;
use super::{Place, PlaceKind, Span};

/// Two statements that conflict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// The name of the rule that paired them (see `RULES`).
    pub rule: &'static str,
    /// Contrasts sharing a statement are one dispute, numbered from 0 in
    /// text order: the page shows each dispute as one card listing every
    /// source of each side.
    pub dispute: usize,
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

    /// True when the content is matched as written, not as a lower-cased
    /// copy (see [`Hay`]): then offsets into it are offsets into the text.
    fn as_written(&self) -> bool {
        matches!(self.hay.get_or_init(|| hay(self.content)), Cow::Borrowed(_))
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

/// A statement's `content`, to be read when first asked. When the whole
/// text lowers as ASCII (`text_as_written`), so does every piece of it, and
/// the content is its own hay without a look.
fn read(content: &str, text_as_written: bool) -> Reading<'_> {
    let hay = OnceCell::new();
    if text_as_written {
        let _ = hay.set(Cow::Borrowed(content));
    }
    Reading {
        content,
        hay,
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
    alphanumeric_runs(s)
        // Fewer than six bytes is fewer than six characters: most words are
        // turned away without counting.
        .filter(|w| w.len() >= 6 && w.chars().count() >= 6)
        .filter_map(move |w| lexicon::with_lower(w, |l| (!STOP_SET.contains(l)).then(|| f(w, l))))
}

/// The runs of alphanumeric chars of `s`, in order: the non-empty pieces
/// of `s.split(|c: char| !c.is_alphanumeric())`. ASCII bytes, nearly every
/// byte of a text, are judged without decoding a char.
fn alphanumeric_runs(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // To the next letter or digit.
        loop {
            let b = *bytes.get(at)?;
            if b.is_ascii_alphanumeric() {
                break;
            }
            if b.is_ascii() {
                at += 1;
                continue;
            }
            let c = s[at..].chars().next()?;
            if c.is_alphanumeric() {
                break;
            }
            at += c.len_utf8();
        }
        // Then to the first char that is neither.
        let start = at;
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_alphanumeric() {
                at += 1;
            } else if b.is_ascii() {
                break;
            } else {
                match s[at..].chars().next() {
                    Some(c) if c.is_alphanumeric() => at += c.len_utf8(),
                    _ => break,
                }
            }
        }
        Some(&s[start..at])
    })
}

/// A topic stem: a topic word's first six letters ("territ" for
/// "territories"), in a fixed array padded with zeros rather than a
/// `String` per stem. Six characters take at most 24 bytes, and a topic
/// word holds only letters and digits, never a zero byte, so the padding
/// cannot make two stems equal. The 24 bytes are held as three integers:
/// stems are only compared, sorted and searched, which takes three integer
/// comparisons instead of a byte-wise one.
type Stem = [u64; 3];

fn stem(word: &str) -> Stem {
    let stem = word.char_indices().nth(6).map_or(word, |(i, _)| &word[..i]);
    let mut key = [0u8; 24];
    // Never truncates: six characters are at most 24 bytes.
    let len = stem.len().min(key.len());
    key[..len].copy_from_slice(&stem.as_bytes()[..len]);
    let part = |i: usize| {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(&key[i * 8..i * 8 + 8]);
        u64::from_be_bytes(eight)
    };
    [part(0), part(1), part(2)]
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

/// What the rules read: the text, its statements and what is known of
/// each, found once or when first asked.
struct Cx<'a> {
    text: &'a str,
    /// True when the text lowers as ASCII (see [`Hay`]): then so does every
    /// piece of it.
    as_written: bool,
    sentences: &'a [Sentence],
    places: &'a [Place],
    people: &'a [Person],
    statements: &'a [Statement],
    place_mentions: &'a PlaceMentions,
    /// Each statement's speaker's side (a country or bloc).
    sides: Vec<Option<&'a str>>,
    contents: Vec<&'a str>,
    readings: Vec<Reading<'a>>,
    anchors: Vec<OnceCell<(Vec<usize>, u8)>>,
    /// Each person's camp (see [`camp_of`]), found when first asked.
    camps: Vec<OnceCell<Option<u8>>>,
    /// Each statement's cues from the cue table, in its content.
    cues: Vec<OnceCell<Vec<(Span, Cue)>>>,
    /// Each statement's clause: from its speaker or cue to the end of its
    /// sentence (or the next statement there), where an answer's words are
    /// read when the content is short; with whether the clause was read as
    /// written (no lower-cased copy, see [`Hay`]).
    clause_cues: Vec<OnceCell<ClauseCues>>,
    figures: Vec<OnceCell<Vec<Figure>>>,
    /// Each statement's incident figures from the events stage.
    event_figures: Vec<Vec<&'a EventFigure>>,
}

/// A clause's cues, and whether the clause was read as written (see
/// [`Hay`]).
type ClauseCues = (Vec<(Span, Cue)>, bool);

/// Pairs found so far, each kept once whichever rule finds it first.
#[derive(Default)]
struct Found {
    out: Vec<Contrast>,
    seen: FxHashSet<(usize, usize)>,
}

impl Found {
    fn push(
        &mut self,
        rule: &'static str,
        (a, b): (usize, usize),
        topic: String,
        reason: String,
        place: Option<usize>,
    ) {
        let key = (a.min(b), a.max(b));
        if a != b && self.seen.insert(key) {
            self.out.push(Contrast {
                topic,
                a,
                b,
                reason,
                place,
                rule,
                dispute: 0,
            });
        }
    }
}

/// A contrast rule: a name shown with its pairs and a finder.
struct Rule {
    name: &'static str,
    find: fn(&Cx, &mut Found, &'static str),
}

/// The rules, in the order their pairs are preferred (a pair found by two
/// keeps the first one's topic and reason). Adding a signal is adding a row
/// here and its cases in the tests.
const RULES: &[Rule] = &[
    Rule {
        name: "held-vs-contested",
        find: held_vs_contested,
    },
    Rule {
        name: "rejected-claim",
        find: rejected_claim,
    },
    Rule {
        name: "mutual-accusation",
        find: mutual_accusation,
    },
    Rule {
        name: "rebuttal-clause",
        find: rebuttal_clause,
    },
    Rule {
        name: "denial-after-claim",
        find: denial_after_claim,
    },
    Rule {
        name: "refusal-charged",
        find: refusal_charged,
    },
    Rule {
        name: "marked-contrast",
        find: marked_contrast_rule,
    },
    Rule {
        name: "two-sources-one-sentence",
        find: two_sources_one_sentence,
    },
    Rule {
        name: "claim-counterclaim",
        find: claim_counterclaim,
    },
    Rule {
        name: "answer-to-claim",
        find: answer_to_claim,
    },
    Rule {
        name: "numbers-disagree",
        find: numbers_disagree,
    },
];

/// The camp of a person: from camp words in the name, the role, or the
/// three words before a mention ("Government spokesman Phay Siphan"). An
/// opposition word wins over an authority word ("the opposition's
/// election monitor").
fn camp_of(text: &str, p: &Person) -> Option<u8> {
    let cues = &*CUES;
    // Name, role and the words before the first mentions, read in one go.
    let mut words = String::with_capacity(96);
    words.push_str(&p.name);
    if let Some(role) = &p.role {
        words.push_str(" | ");
        words.push_str(role);
    }
    for m in p.mentions.iter().take(3) {
        let before = text.get(..m.span.start).unwrap_or("");
        let from = before
            .char_indices()
            .rev()
            .filter(|(_, c)| c.is_whitespace())
            .nth(3)
            .map_or(0, |(i, _)| i);
        // Only within the mention's sentence: stop at a full stop.
        let window = before[from..]
            .rsplit(['.', '!', '?', '\n'])
            .next()
            .unwrap_or("");
        words.push_str(" | ");
        words.push_str(window);
    }
    let mut found: Option<u8> = None;
    for (_, cue) in cues.find(&hay(&words)) {
        if let Cue::Camp(c) = cue {
            let authority = cues.camps[c as usize] == "authority";
            if found.is_none() || !authority {
                found = Some(c);
            }
        }
    }
    found
}

impl<'a> Cx<'a> {
    fn name(&self, i: usize) -> &str {
        self.statements[i]
            .speaker
            .and_then(|p| self.people.get(p))
            .map_or("someone", |p| p.name.as_str())
    }

    fn camp(&self, i: usize) -> Option<u8> {
        let p = self.statements[i].speaker?;
        *self
            .camps
            .get(p)?
            .get_or_init(|| camp_of(self.text, &self.people[p]))
    }

    /// Both sides known (countries or blocs) and different.
    fn differ(&self, a: usize, b: usize) -> bool {
        match (self.sides[a], self.sides[b]) {
            (Some(x), Some(y)) => {
                x != y && self.statements[a].speaker != self.statements[b].speaker
            }
            _ => false,
        }
    }

    /// Different speakers in opposite camps, or the speaker of `b` is
    /// the one `a`'s content speaks of (an accused answering).
    fn opposed(&self, a: usize, b: usize) -> bool {
        let (sa, sb) = (&self.statements[a], &self.statements[b]);
        if sa.speaker.is_none() || sb.speaker.is_none() || sa.speaker == sb.speaker {
            return false;
        }
        if self.joint(a, b) {
            return false;
        }
        if self.differ(a, b) {
            return true;
        }
        if let (Some(x), Some(y)) = (self.camp(a), self.camp(b)) {
            if CUES.opposed(x, y) {
                return true;
            }
        }
        self.speaks_of(a, b) || self.speaks_of(b, a)
    }

    /// True when `a`'s content names the speaker of `b` (a person, by a
    /// mention or by surname; not by a pronoun).
    fn speaks_of(&self, a: usize, b: usize) -> bool {
        let Some(p) = self.statements[b].speaker.and_then(|p| self.people.get(p)) else {
            return false;
        };
        if matches!(p.kind, SpeakerKind::Group | SpeakerKind::Government)
            || !p.name.starts_with(char::is_uppercase)
        {
            return false;
        }
        let content = self.statements[a].content;
        let by_mention = p.mentions.iter().any(|m| {
            content.start <= m.span.start
                && m.span.end <= content.end
                && m.span.len() > 3
                && m.span.slice(self.text).starts_with(char::is_uppercase)
        });
        let surname = p.name.split_whitespace().last().filter(|s| s.len() > 3);
        by_mention
            || surname.is_some_and(|s| {
                let c = content.slice(self.text);
                c.match_indices(s)
                    .any(|(i, _)| at_word_boundaries(c, Span::new(i, i + s.len())))
            })
    }

    /// Different speakers not known to share a side or camp: enough for the
    /// rules whose wording itself says the two conflict.
    fn opposable(&self, a: usize, b: usize) -> bool {
        let (sa, sb) = (&self.statements[a], &self.statements[b]);
        if sa.speaker.is_none() || sb.speaker.is_none() || sa.speaker == sb.speaker {
            return false;
        }
        if self.opposed(a, b) {
            return true;
        }
        let same_side = matches!((self.sides[a], self.sides[b]), (Some(x), Some(y)) if x == y);
        let same_camp = matches!((self.camp(a), self.camp(b)), (Some(x), Some(y)) if x == y);
        !same_side && !same_camp
    }

    fn joint(&self, a: usize, b: usize) -> bool {
        said_jointly(self.statements, a, b)
    }

    /// Statements starting within `k` sentences of statement `i`: pairs are
    /// only sought nearby, so the stage stays linear in the text.
    /// Statements are sorted by start, so the window is two binary searches.
    fn around(&self, i: usize, k: usize) -> std::ops::Range<usize> {
        let si = self.statements[i].sentence;
        let from = self
            .sentences
            .get(si.saturating_sub(k + 1))
            .map_or(0, |s| s.span.start);
        let to = self
            .sentences
            .get(si + k + 1)
            .map_or(usize::MAX, |s| s.span.end);
        let a = self.statements.partition_point(|s| s.span.start < from);
        let b = self.statements.partition_point(|s| s.span.start < to);
        a..b.max(a)
    }

    /// The places statement `i` is about, inheriting from the sentences
    /// before it when it only points back.
    fn anchor(&self, i: usize) -> &(Vec<usize>, u8) {
        self.anchors[i].get_or_init(|| {
            let s = &self.statements[i];
            let own = focus(self.places, self.place_mentions, s.content);
            if !own.0.is_empty() || !self.readings[i].has(List::Anaphora) {
                return own;
            }
            for back in 1..=3 {
                let Some(prev) = s
                    .sentence
                    .checked_sub(back)
                    .and_then(|k| self.sentences.get(k))
                else {
                    break;
                };
                let f = focus(self.places, self.place_mentions, prev.span);
                if !f.0.is_empty() && f.1 < 2 {
                    return f;
                }
            }
            own
        })
    }

    /// A place both statements are about, if any.
    fn shared_place(&self, a: usize, b: usize) -> Option<usize> {
        let pb = &self.anchor(b).0;
        self.anchor(a).0.iter().copied().find(|x| pb.contains(x))
    }

    /// The cue table's phrases in statement `i`'s content: taken from its
    /// clause's, read once, when the content lies inside the clause and
    /// neither needed a lower-cased copy (offsets then agree); else read.
    fn cues(&self, i: usize) -> &[(Span, Cue)] {
        self.cues[i].get_or_init(|| {
            let content = self.statements[i].content;
            let (start, end) = self.clause(i);
            let inside = start <= content.start && content.end <= end;
            if inside && self.readings[i].as_written() && self.clause_read(i).1 {
                let (from, to) = (content.start - start, content.end - start);
                return self
                    .clause_cues(i)
                    .iter()
                    .filter(|(s, _)| from <= s.start && s.end <= to)
                    .map(|&(s, c)| (Span::new(s.start - from, s.end - from), c))
                    .collect();
            }
            CUES.find(self.readings[i].hay()).collect()
        })
    }

    /// Statement `i`'s figures (see [`figures`]), read once.
    fn figures(&self, i: usize) -> &[Figure] {
        self.figures[i].get_or_init(|| {
            let content = self.contents[i];
            // The cue test first: most contents name no measure, and their
            // cues are read already.
            let numeric = || {
                content.bytes().any(|c| c.is_ascii_digit())
                    || content
                        .split_whitespace()
                        .any(|w| NUMBER_WORDS.iter().any(|n| w.eq_ignore_ascii_case(n)))
            };
            if !self.has_cue(i, |c| matches!(c, Cue::Measure(_) | Cue::Toll(_))) || !numeric() {
                return Vec::new();
            }
            figures(content, self.cues(i))
        })
    }

    /// The cues of statement `i`'s clause (see `Cx::clause_cues`).
    fn clause_cues(&self, i: usize) -> &[(Span, Cue)] {
        &self.clause_read(i).0
    }

    /// The cues of statement `i`'s clause, and whether it was read as
    /// written (see `Cx::clause_cues`).
    fn clause_read(&self, i: usize) -> &ClauseCues {
        self.clause_cues[i].get_or_init(|| {
            let (start, end) = self.clause(i);
            let clause = self.piece(start, end);
            let cues = CUES.find(&clause).collect();
            (cues, matches!(clause, Cow::Borrowed(_)))
        })
    }

    /// `text[start..end]` as the phrase lists are matched in it (see
    /// [`Hay`]), or `""` when the range does not fit the text.
    fn piece(&self, start: usize, end: usize) -> Hay<'a> {
        let piece = self.text.get(start..end).unwrap_or("");
        if self.as_written {
            Cow::Borrowed(piece)
        } else {
            hay(piece)
        }
    }

    /// Statement `i`'s clause as a byte range (see `Cx::clause_cues`).
    fn clause(&self, i: usize) -> (usize, usize) {
        let s = &self.statements[i];
        let start = [s.speaker_span.map(|x| x.start), s.cue.map(|x| x.start)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(s.content.start)
            .min(s.content.start);
        let sentence_end = self
            .sentences
            .get(s.sentence)
            .map_or(s.span.end, |x| x.span.end);
        let next = self
            .statements
            .get(i + 1)
            .filter(|n| n.sentence == s.sentence && n.span.start > start)
            .map_or(sentence_end, |n| n.span.start);
        let end = next.max(s.content.end).min(self.text.len());
        (start.min(end), end)
    }

    /// The first cue of statement `i`'s clause that `want` takes, as written.
    fn clause_word(&self, i: usize, want: impl Fn(Cue) -> bool) -> Option<String> {
        let (start, end) = self.clause(i);
        let clause = self.piece(start, end);
        self.clause_cues(i)
            .iter()
            .find(|&&(_, c)| want(c))
            .and_then(|(s, _)| clause.get(s.start..s.end))
            .map(str::to_string)
    }

    fn has_cue(&self, i: usize, want: impl Fn(Cue) -> bool) -> bool {
        self.cues(i).iter().any(|&(_, c)| want(c))
    }

    /// The first cue of statement `i`'s content that `want` takes, as written.
    fn cue_word(&self, i: usize, want: impl Fn(Cue) -> bool) -> Option<&str> {
        let hay = self.readings[i].hay();
        self.cues(i)
            .iter()
            .find(|&&(_, c)| want(c))
            .and_then(|(s, _)| hay.get(s.start..s.end))
    }

    /// True when the two statements are on one topic: a shared place or a
    /// shared topic word.
    fn same_topic(&self, a: usize, b: usize) -> bool {
        self.shared_place(a, b).is_some() || self.readings[a].shares_stem(&self.readings[b])
    }
}

/// Finds contrasting pairs among `statements`.
pub fn find_contrasts(
    text: &str,
    sentences: &[Sentence],
    places: &[Place],
    people: &[Person],
    statements: &[Statement],
    place_mentions: &PlaceMentions,
    events: &[Event],
) -> Vec<Contrast> {
    find_contrasts_and_camps(
        text,
        sentences,
        places,
        people,
        statements,
        place_mentions,
        events,
    )
    .0
}

/// [`find_contrasts`], with the camp of every person who makes a statement
/// (parallel to `people`; `None` for the others): the camps the rules
/// read are read once for both.
pub fn find_contrasts_and_camps(
    text: &str,
    sentences: &[Sentence],
    places: &[Place],
    people: &[Person],
    statements: &[Statement],
    place_mentions: &PlaceMentions,
    events: &[Event],
) -> (Vec<Contrast>, Vec<Option<&'static str>>) {
    let n = statements.len();
    let contents: Vec<&str> = statements.iter().map(|s| s.content.slice(text)).collect();
    let as_written = lowers_as_ascii(text);
    let cx = Cx {
        text,
        as_written,
        sentences,
        places,
        people,
        statements,
        place_mentions,
        sides: statements
            .iter()
            .map(|s| s.speaker.and_then(|p| people.get(p)).and_then(side))
            .collect(),
        readings: contents.iter().map(|c| read(c, as_written)).collect(),
        contents,
        anchors: (0..n).map(|_| OnceCell::new()).collect(),
        camps: (0..people.len()).map(|_| OnceCell::new()).collect(),
        cues: (0..n).map(|_| OnceCell::new()).collect(),
        clause_cues: (0..n).map(|_| OnceCell::new()).collect(),
        figures: (0..n).map(|_| OnceCell::new()).collect(),
        event_figures: event_figures_by_statement(events, n),
    };
    let mut found = Found::default();
    if n >= 2 {
        for rule in RULES {
            (rule.find)(&cx, &mut found, rule.name);
        }
    }
    let mut out = found.out;
    out.sort_by_key(|c| (c.a.min(c.b), c.a.max(c.b)));
    number_disputes(&mut out, statements);
    let mut camps = vec![None; people.len()];
    // The page needs camps only for speakers with no country or bloc.
    for (i, s) in statements.iter().enumerate() {
        if let Some(p) = s.speaker.filter(|&p| p < people.len()) {
            if cx.sides[i].is_none() {
                camps[p] = cx.camp(i).map(|c| CUES.camps[c as usize]);
            }
        }
    }
    (out, camps)
}

/// Numbers the disputes: contrasts sharing a statement are one dispute
/// (one card on the page listing every source of each side).
fn number_disputes(out: &mut [Contrast], statements: &[Statement]) {
    let mut parent: Vec<usize> = (0..out.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut owner: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for (i, c) in out.iter().enumerate() {
        for s in [c.a, c.b] {
            if s >= statements.len() {
                continue;
            }
            match owner.get(&s) {
                Some(&j) => {
                    let (x, y) = (root(&mut parent, i), root(&mut parent, j));
                    parent[x.max(y)] = x.min(y);
                }
                None => {
                    owner.insert(s, i);
                }
            }
        }
    }
    let mut ids: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for (i, c) in out.iter_mut().enumerate() {
        let r = root(&mut parent, i);
        let next = ids.len();
        c.dispute = *ids.entry(r).or_insert(next);
    }
}

/// Rule 1: Held vs contested about the same place.
fn held_vs_contested(cx: &Cx, found: &mut Found, rule: &'static str) {
    let n = cx.statements.len();
    // Only this rule asks for frames, of statements whose sides are known.
    let frames: Vec<Option<Frame>> = (0..n)
        .map(|i| cx.sides[i].and_then(|_| frame(&cx.readings[i], &cx.statements[i])))
        .collect();
    for a in 0..n {
        if frames[a] != Some(Frame::Held) {
            continue;
        }
        for b in cx.around(a, WINDOW) {
            if frames[b] != Some(Frame::Contested) || !cx.differ(a, b) || cx.joint(a, b) {
                continue;
            }
            let (pa, ra) = cx.anchor(a);
            let (pb, rb) = cx.anchor(b);
            let Some(p) = pa.iter().copied().find(|x| pb.contains(x)) else {
                continue;
            };
            let topic = if *ra < 2 && *rb < 2 {
                format!("Control of {}", cx.places[p].name)
            } else {
                match topic_word(&cx.readings[b], &cx.readings[a]) {
                    Some(word) => format!("{word} ({})", cx.places[p].name),
                    None => continue,
                }
            };
            let ta = cx.readings[a].trigger(List::Held).unwrap_or_default();
            let tb = cx.readings[b]
                .trigger(List::Contested)
                .unwrap_or("rejects it");
            let reason = format!(
                "{} reports it taken (“{ta}”); {} says otherwise (“{tb}”)",
                cx.name(a),
                cx.name(b)
            );
            found.push(rule, (a, b), topic, reason, Some(p));
        }
    }
}

/// Rule 2: "X dismissed Y’s claim that ...": the claim sits inside the rejection.
fn rejected_claim(cx: &Cx, found: &mut Found, rule: &'static str) {
    for (b, sb) in cx.statements.iter().enumerate() {
        if !sb.stance.is_rejection() {
            continue;
        }
        for a in cx.around(b, 0) {
            let Some(cue) = cx.statements[a].cue else {
                continue;
            };
            // Speakers of one cue ("criticism from Kyiv and European
            // capitals") are on the same side of it, not against it.
            let same_cue = sb.cue == Some(cue) || cx.joint(a, b);
            if a != b
                && !same_cue
                && sb.content.contains(cue)
                && cx.statements[a].speaker != sb.speaker
                && cx.statements[a].speaker.is_some()
            {
                let place = cx.anchor(a).0.first().copied();
                let topic = match place {
                    Some(p) => format!("Claim about {}", cx.places[p].name),
                    None => short(cx.contents[a]),
                };
                let reason = format!("{} rejects {}’s claim", cx.name(b), cx.name(a));
                found.push(rule, (a, b), topic, reason, place);
            }
        }
    }
}

/// Rule 3: "Both X and Y accused each other ...".
fn mutual_accusation(cx: &Cx, found: &mut Found, rule: &'static str) {
    for (b, sb) in cx.statements.iter().enumerate() {
        let r = &cx.readings[b];
        if sb.group.is_none() || !(r.opens_with("each other") || r.opens_with("one another")) {
            continue;
        }
        for a in cx.around(b, 0).filter(|&a| a < b) {
            if cx.joint(a, b) && cx.statements[a].speaker != sb.speaker {
                let rest = cx.contents[b]
                    .trim_start_matches("each other")
                    .trim_start_matches("one another")
                    .trim();
                let rest = ["of ", "over ", "about ", "for "]
                    .iter()
                    .find_map(|p| rest.strip_prefix(p))
                    .unwrap_or(rest);
                let reason = format!("{} and {} accuse each other", cx.name(a), cx.name(b));
                found.push(rule, (a, b), short(rest), reason, None);
            }
        }
    }
}

/// Rule 4: "X seeks an election, which Y argues is premature": a rebuttal in a
/// relative clause after someone's statement.
fn rebuttal_clause(cx: &Cx, found: &mut Found, rule: &'static str) {
    for (b, sb) in cx.statements.iter().enumerate() {
        let Some(sp) = sb.speaker_span else { continue };
        for a in cx.around(b, 0) {
            let sa = &cx.statements[a];
            if sa.sentence != sb.sentence
                || !cx.opposable(a, b)
                || sa.content.end > sp.start
                || sa.content.start >= sp.start
            {
                continue;
            }
            let between = cx
                .text
                .get(sa.content.end..sp.start)
                .unwrap_or("")
                .to_lowercase();
            let relative = between
                .split_whitespace()
                .any(|w| matches!(w.trim_matches(','), "which" | "who" | "what"));
            let negative = || sb.stance.is_rejection() || cx.readings[b].has(List::Negative);
            if relative && between.len() < 24 && negative() {
                let reason = format!("{} disputes what {} seeks or says", cx.name(b), cx.name(a));
                let place = cx.anchor(a).0.first().copied();
                found.push(rule, (a, b), short(cx.contents[a]), reason, place);
            }
        }
    }
}

/// Rule 6: "... Y denied the claim": a rejection of what was just reported, or a
/// denial of the same thing in other words.
fn denial_after_claim(cx: &Cx, found: &mut Found, rule: &'static str) {
    const BACK_REF: [&str; 15] = [
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
    ];
    for (b, sb) in cx.statements.iter().enumerate() {
        if !sb.stance.is_denial() {
            continue;
        }
        let near = cx.around(b, 2);
        let prev = (near.start..b).rev().find(|&a| {
            let sa = &cx.statements[a];
            sa.speaker.is_some()
                && sa.speaker != sb.speaker
                && sa.sentence <= sb.sentence
                && sb.sentence - sa.sentence <= 2
                && !sa.stance.is_rejection()
        });
        // ... or a denial by the side the statement before accused.
        let names_b = |a: usize| cx.sides[b].is_some_and(|code| cx.readings[a].names(code));
        let back_ref = || BACK_REF.iter().any(|p| cx.readings[b].opens_with(p));
        let same_thing =
            |a: usize| back_ref() || cx.readings[a].shares_stem(&cx.readings[b]) || names_b(a);
        if let Some(a) = prev.filter(|&a| cx.opposable(a, b) && same_thing(a)) {
            let place = cx.anchor(a).0.first().copied();
            let topic = match place {
                Some(p) if cx.anchor(a).1 < 2 => format!("Claim about {}", cx.places[p].name),
                _ => short(cx.contents[a]),
            };
            let reason = format!("{} rejects what {} said", cx.name(b), cx.name(a));
            found.push(rule, (a, b), topic, reason, place);
        }
    }
}

/// Rule 7: One side says the other side lacks, refuses or fails at the very
/// thing the other spoke of.
fn refusal_charged(cx: &Cx, found: &mut Found, rule: &'static str) {
    for (b, sb) in cx.statements.iter().enumerate() {
        let Some(side_b) = cx.sides[b] else { continue };
        if !cx.readings[b].has(List::Refusal) {
            continue;
        }
        let near = cx.around(b, MENTION_WINDOW);
        let named = (near.start..b).rev().find(|&a| {
            let Some(side_a) = cx.sides[a] else {
                return false;
            };
            side_a != side_b
                && cx.statements[a].sentence < sb.sentence
                && cx.readings[b].names(side_a)
                && !cx.joint(a, b)
                && cx.readings[a].shares_stem(&cx.readings[b])
        });
        if let Some(a) = named {
            let topic = topic_word(&cx.readings[b], &cx.readings[a])
                .unwrap_or_else(|| short(cx.contents[a]));
            let reason = format!(
                "{} says {}’s side {}",
                cx.name(b),
                cx.name(a),
                cx.readings[b].trigger(List::Refusal).unwrap_or_default()
            );
            found.push(rule, (a, b), topic, reason, None);
        }
    }
}

/// Rule 5: A statement marked as contrasting with the one before it ("In
/// contrast", "However"), sharing a place or a topic word.
fn marked_contrast_rule(cx: &Cx, found: &mut Found, rule: &'static str) {
    for (b, sb) in cx.statements.iter().enumerate() {
        let near = cx.around(b, 2);
        let prev = (near.start..b).rev().find(|&a| {
            cx.statements[a].speaker != sb.speaker
                && sb.sentence.saturating_sub(cx.statements[a].sentence) <= 2
                && cx.statements[a].sentence <= sb.sentence
        });
        // Only the first of speakers named together.
        let first_of_group =
            || sb.group.is_none() || (near.start..b).all(|k| cx.statements[k].group != sb.group);
        let marked = || {
            let sentence = cx.sentences.get(sb.sentence);
            marked_contrast(sentence.map_or("", |s| s.span.slice(cx.text)))
        };
        let Some(a) = prev.filter(|&a| cx.differ(a, b) && first_of_group() && marked()) else {
            continue;
        };
        let shared_place = cx.shared_place(a, b).is_some() && cx.anchor(a).1 < 2;
        // A shared place makes the topic; a shared word is sought only without one.
        let shared_word = (!shared_place)
            .then(|| topic_word(&cx.readings[b], &cx.readings[a]))
            .flatten();
        if shared_place || shared_word.is_some() {
            let place = cx.shared_place(a, b);
            let topic = match (place, shared_word) {
                (Some(p), _) if shared_place => format!("Situation in {}", cx.places[p].name),
                (_, Some(w)) => w,
                _ => "Contrasting views".into(),
            };
            let reason = format!("{} is set against {} in the text", cx.name(b), cx.name(a));
            found.push(rule, (a, b), topic, reason, place);
        }
    }
}

/// Rule 8: "X says …, but Y says …": two sources set against each other in one
/// sentence by "but", "while", "whereas" or a semicolon, on one topic or
/// with the second rejecting.
fn two_sources_one_sentence(cx: &Cx, found: &mut Found, rule: &'static str) {
    for (b, sb) in cx.statements.iter().enumerate() {
        let b_start = [sb.speaker_span.map(|s| s.start), sb.cue.map(|s| s.start)]
            .into_iter()
            .flatten()
            .min();
        let Some(b_start) = b_start else { continue };
        for a in cx.around(b, 0).filter(|&a| a < b) {
            let sa = &cx.statements[a];
            if sa.sentence != sb.sentence || sa.content.end > b_start || !cx.opposable(a, b) {
                continue;
            }
            // The joining word may close the first content ("…, but the
            // company says"): read from its last comma or semicolon.
            let content = sa.content.slice(cx.text);
            let from = content
                .rfind([',', ';'])
                .map_or(sa.content.end, |i| sa.content.start + i);
            let gap = cx.text.get(from..b_start).unwrap_or("");
            if gap.len() > 40 {
                continue;
            }
            let gap_hay = cx.piece(from, b_start);
            let conj = CUES
                .find(&gap_hay)
                .find(|&(_, c)| c == Cue::Conj)
                .map(|(s, _)| gap_hay[s.start..s.end].to_string())
                .or_else(|| gap.contains(';').then(|| ";".to_string()));
            let Some(conj) = conj else { continue };
            // "but", "whereas" and a semicolon set the two against each
            // other by themselves; "while", "although" need more.
            let strong = matches!(conj.as_str(), "but" | "whereas" | ";");
            let against = strong
                || sb.stance.is_rejection()
                || cx.readings[b].has(List::Negative)
                || cx.clause_cues(b).iter().any(|&(_, c)| c == Cue::Answer)
                || cx.same_topic(a, b)
                || shares_word(cx.contents[a], cx.contents[b])
                || figures_conflict(cx, a, b).is_some();
            if against {
                let topic = topic_word(&cx.readings[b], &cx.readings[a])
                    .unwrap_or_else(|| short(cx.contents[a]));
                let reason = format!(
                    "{} and {} are set against each other in one sentence (“{conj}”)",
                    cx.name(a),
                    cx.name(b)
                );
                found.push(rule, (a, b), topic, reason, cx.shared_place(a, b));
            }
        }
    }
}

/// True when two contents of one sentence share a word of four letters or
/// more other than a few common ones ("the count was rigged" and "the
/// count was clean").
fn shares_word(a: &str, b: &str) -> bool {
    const COMMON: [&str; 16] = [
        "that", "this", "with", "will", "would", "have", "been", "were", "they", "their", "from",
        "said", "says", "there", "what", "when",
    ];
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .filter(|w| !COMMON.contains(&w.as_str()))
            .collect()
    };
    let wa = words(a);
    words(b).iter().any(|w| wa.contains(w))
}

/// How many sentences back a counter-claim or an answer looks.
const ANSWER_WINDOW: usize = 8;

/// Rule 9: Claim and counter-claim across sentences (as far apart as a
/// dispute runs, `WINDOW`): one side's claim of a frame
/// ("won", "civilians", "advanced") and the other side's counter ("rigged",
/// "only military targets", "repelled"), in either order.
fn claim_counterclaim(cx: &Cx, found: &mut Found, rule: &'static str) {
    // Each statement's claim and counter frames as bit sets, read once.
    let masks: Vec<[u64; 2]> = (0..cx.statements.len())
        .map(|i| {
            cx.cues(i)
                .iter()
                .fold([0, 0], |[c, k], &(_, cue)| match cue {
                    Cue::Claim(f) => [c | 1 << (f % 64), k],
                    Cue::Counter(f) => [c, k | 1 << (f % 64)],
                    _ => [c, k],
                })
        })
        .collect();
    for b in 0..cx.statements.len() {
        for (b_side, a_side) in [(1, 0), (0, 1)] {
            let mut frames = masks[b][b_side];
            while frames != 0 {
                let f = frames.trailing_zeros() as u8;
                frames &= frames - 1;
                let bit = 1u64 << f;
                let near = cx.around(b, WINDOW);
                let a = (near.start..b).rev().find(|&a| {
                    masks[a][a_side] & bit != 0
                        && masks[a][b_side] & bit == 0
                        && cx.statements[a].sentence < cx.statements[b].sentence
                        && cx.opposed(a, b)
                });
                let Some(a) = a else { continue };
                let word = |i: usize, side: usize| {
                    cx.cue_word(i, |c| {
                        c == if side == 0 {
                            Cue::Claim(f)
                        } else {
                            Cue::Counter(f)
                        }
                    })
                    .unwrap_or_default()
                    .to_string()
                };
                let (wa, wb) = (word(a, a_side), word(b, b_side));
                let reason = format!(
                    "{} says “{wa}”; {} counters with “{wb}”",
                    cx.name(a),
                    cx.name(b)
                );
                let topic = CUES.frames[f as usize].to_string();
                found.push(rule, (a, b), topic, reason, cx.shared_place(a, b));
            }
        }
    }
}

/// Rule 10: A denial, dismissal, rebuttal or blame ("rejected the claim",
/// "called it fabricated", "blamed X on Y", "the announcement by the
/// opposition") answers the nearest earlier statement by another source on
/// the same topic: a shared place or topic word, or one naming the other's
/// speaker. Of that source's statements nearby, the first that makes a
/// claim of its own is the one answered.
fn answer_to_claim(cx: &Cx, found: &mut Found, rule: &'static str) {
    for (b, sb) in cx.statements.iter().enumerate() {
        let clause = cx.clause_cues(b);
        let answer = clause.iter().any(|&(_, c)| c == Cue::Answer) || sb.stance.is_denial();
        // "the announcement by the opposition": a claim of the other camp.
        let names_camp = |x: u8| {
            clause.iter().any(|&(_, c)| c == Cue::ClaimNoun)
                && clause
                    .iter()
                    .any(|&(_, c)| matches!(c, Cue::Camp(y) if CUES.opposed(x, y)))
        };
        let by_camp = cx.camp(b).is_some_and(names_camp);
        // An answer answers one claim: one an earlier rule paired it with
        // (the claim inside "dismissed Y’s claim that ...") is the one.
        if (!answer && !by_camp) || found.out.iter().any(|c| c.b == b) {
            continue;
        }
        let near = cx.around(b, ANSWER_WINDOW);
        let fits = |a: usize| {
            let sa = &cx.statements[a];
            sa.sentence < sb.sentence
                && cx.opposable(a, b)
                && (cx.same_topic(a, b) || cx.speaks_of(a, b) || cx.speaks_of(b, a))
                && (answer
                    || cx
                        .camp(a)
                        .is_some_and(|x| CUES.opposed(x, cx.camp(b).unwrap_or(x))))
        };
        let claims = |a: usize| {
            cx.has_cue(a, |c| matches!(c, Cue::Claim(_) | Cue::Counter(_)))
                || cx.readings[a].has(List::Negative)
                || matches!(cx.statements[a].stance, Stance::Accuse | Stance::Claim)
        };
        // The nearest fitting statement that makes a claim, else the nearest.
        let Some(nearest) = (near.start..b)
            .rev()
            .find(|&a| fits(a) && claims(a))
            .or_else(|| (near.start..b).rev().find(|&a| fits(a)))
        else {
            continue;
        };
        // Of that source's claims nearby, the first.
        let speaker = cx.statements[nearest].speaker;
        let a = (near.start..nearest)
            .find(|&a| cx.statements[a].speaker == speaker && fits(a) && claims(a))
            .unwrap_or(nearest);
        let reason = match cx.clause_word(b, |c| c == Cue::Answer) {
            Some(w) => format!("{} answers what {} said (“{w}”)", cx.name(b), cx.name(a)),
            None => format!("{} answers {}’s claim", cx.name(b), cx.name(a)),
        };
        let topic =
            topic_word(&cx.readings[b], &cx.readings[a]).unwrap_or_else(|| short(cx.contents[a]));
        found.push(rule, (a, b), topic, reason, cx.shared_place(a, b));
    }
}

/// How a figure is bounded: "at least 12", "up to 12", "about 12", "12".
#[derive(Clone, Copy, Debug, PartialEq)]
enum Bound {
    Exact,
    About,
    AtLeast,
    AtMost,
}

/// A figure in a statement: its value, bound, what it counts (an index
/// into `Cues::measures`) and how it is written.
#[derive(Clone, Debug, PartialEq)]
struct Figure {
    value: f64,
    bound: Bound,
    measure: u8,
    written: String,
}

impl Figure {
    /// The values the figure allows.
    fn range(&self) -> (f64, f64) {
        let v = self.value;
        match self.bound {
            Bound::Exact => (v, v),
            Bound::About => (v * 0.85, v * 1.15),
            Bound::AtLeast => (v, f64::INFINITY),
            Bound::AtMost => (0.0, v),
        }
    }

    /// True when no value fits both figures.
    fn conflicts(&self, other: &Figure) -> bool {
        let ((a0, a1), (b0, b1)) = (self.range(), other.range());
        self.measure == other.measure && (a1 < b0 || b1 < a0)
    }
}

const NUMBER_WORDS: [&str; 11] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

/// The figures of a content with what they count: a number followed
/// within three words by a measure word ("12 people killed"), or preceded
/// within four by a measure or toll word ("killing at least three", "the
/// death toll rose to 18,000").
fn figures(content: &str, cues: &[(Span, Cue)]) -> Vec<Figure> {
    let hay = hay(content);
    if !cues
        .iter()
        .any(|(_, c)| matches!(c, Cue::Measure(_) | Cue::Toll(_)))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    let words: Vec<(usize, &str)> = hay
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - hay.as_ptr() as usize, w))
        .collect();
    for (k, &(at, w)) in words.iter().enumerate() {
        let w = w.trim_end_matches([',', '.', ';', ':']);
        let digits = w.trim_end_matches('%');
        let value = if digits.bytes().next().is_some_and(|c| c.is_ascii_digit())
            && digits
                .bytes()
                .all(|c| c.is_ascii_digit() || c == b',' || c == b'.')
        {
            digits.replace(',', "").parse::<f64>().ok()
        } else {
            NUMBER_WORDS
                .iter()
                .position(|n| *n == w)
                .map(|i| (i + 2) as f64)
        };
        let Some(mut value) = value else { continue };
        let mut end = at + w.len();
        if let Some(&(next_at, next)) = words.get(k + 1) {
            let scale = match next.trim_end_matches([',', '.']) {
                "million" => 1e6,
                "billion" => 1e9,
                "thousand" => 1e3,
                _ => 1.0,
            };
            if scale > 1.0 {
                value *= scale;
                end = next_at + next.trim_end_matches([',', '.']).len();
            }
        }
        let before = &hay[..at];
        let bound = if [
            "at least ",
            "more than ",
            "over ",
            "upwards of ",
            "in excess of ",
        ]
        .iter()
        .any(|p| before.ends_with(p))
        {
            Bound::AtLeast
        } else if [
            "up to ",
            "as many as ",
            "fewer than ",
            "less than ",
            "nearly ",
            "almost ",
        ]
        .iter()
        .any(|p| before.ends_with(p))
        {
            Bound::AtMost
        } else if [
            "about ",
            "around ",
            "some ",
            "roughly ",
            "an estimated ",
            "approximately ",
        ]
        .iter()
        .any(|p| before.ends_with(p))
        {
            Bound::About
        } else {
            Bound::Exact
        };
        // A clause break ends the reach of a measure word.
        let after_limit = words.get(k + 4).map_or(hay.len(), |&(i, _)| i);
        let stop = hay[end..after_limit]
            .find([',', ';', '.'])
            .map_or(after_limit, |i| end + i)
            .min(
                hay[end..after_limit]
                    .find(" and ")
                    .map_or(after_limit, |i| end + i),
            );
        let before_limit = k.checked_sub(4).map_or(0, |j| words[j].0);
        let start_stop = hay[before_limit..at]
            .rfind([',', ';'])
            .map_or(before_limit, |i| before_limit + i);
        let measure = cues
            .iter()
            .find_map(|&(s, c)| match c {
                Cue::Measure(m) if s.start >= end && s.end <= stop => Some(m),
                _ => None,
            })
            .or_else(|| {
                cues.iter().rev().find_map(|&(s, c)| match c {
                    Cue::Measure(m) | Cue::Toll(m) if s.start >= start_stop && s.end <= at => {
                        Some(m)
                    }
                    _ => None,
                })
            });
        if let Some(measure) = measure {
            out.push(Figure {
                value,
                bound,
                measure,
                written: hay[at..end].to_string(),
            });
        }
    }
    out
}

/// The first pair of figures of `a` and `b` that count the same thing and
/// cannot both be right.
fn figures_conflict(cx: &Cx, a: usize, b: usize) -> Option<(Figure, Figure)> {
    let (fa, fb) = (cx.figures(a), cx.figures(b));
    fa.iter().find_map(|x| {
        fb.iter()
            .find(|y| x.conflicts(y))
            .map(|y| (x.clone(), y.clone()))
    })
}

/// The figures of `a` and `b` that conflict, as written, and what they
/// count: from the statements' own measures, else from the incident
/// figures the events stage tied to them ("12 people killed" against "40
/// people killed").
fn numbers_conflict(cx: &Cx, a: usize, b: usize) -> Option<(String, String, String)> {
    if let Some((x, y)) = figures_conflict(cx, a, b) {
        let measure = CUES.measures[x.measure as usize];
        return Some((x.written, y.written, measure.to_string()));
    }
    let (x, y) = cx.event_figures[a].iter().find_map(|x| {
        cx.event_figures[b]
            .iter()
            .find(|y| event_figures_conflict(x, y))
            .map(|y| (x, y))
    })?;
    let measure = [x.unit.as_deref(), x.what]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    Some((
        x.span.slice(cx.text).to_string(),
        y.span.slice(cx.text).to_string(),
        measure,
    ))
}

/// The incident figures of each of `n` statements.
fn event_figures_by_statement(events: &[Event], n: usize) -> Vec<Vec<&EventFigure>> {
    let mut out = vec![Vec::new(); n];
    for f in events.iter().flat_map(|e| &e.figures) {
        if let Some(list) = f.statement.and_then(|i| out.get_mut(i)) {
            list.push(f);
        }
    }
    out
}

/// Two incident figures of one outcome and unit whose values cannot both
/// be right ("at least 12" and "40" can).
fn event_figures_conflict(x: &EventFigure, y: &EventFigure) -> bool {
    let range = |f: &EventFigure| {
        let v = f.value as f64;
        match f.qualifier {
            None => (v, v),
            Some("at least" | "more than" | "over" | "another") => (v, f64::INFINITY),
            Some("up to" | "nearly" | "almost" | "fewer than" | "less than" | "as many as") => {
                (0.0, v)
            }
            Some(_) => (v * 0.85, v * 1.15),
        }
    };
    let ((a0, a1), (b0, b1)) = (range(x), range(y));
    x.what.is_some()
        && x.kind == y.kind
        && x.what == y.what
        && x.unit == y.unit
        && (a1 < b0 || b1 < a0)
}

/// Rule 11: Numbers that disagree: two sources give figures for the same
/// measure that cannot both be right (a death toll, a turnout, a wind
/// speed), about the same place or with no place named.
fn numbers_disagree(cx: &Cx, found: &mut Found, rule: &'static str) {
    let n = cx.statements.len();
    let has_figure: Vec<bool> = (0..n)
        .map(|i| !cx.figures(i).is_empty() || !cx.event_figures[i].is_empty())
        .collect();
    for b in 0..n {
        if !has_figure[b] {
            continue;
        }
        for a in cx.around(b, 6).filter(|&a| a < b && has_figure[a]) {
            if !cx.opposable(a, b) || cx.joint(a, b) {
                continue;
            }
            let places_agree = {
                let (pa, ra) = cx.anchor(a);
                let (pb, rb) = cx.anchor(b);
                cx.shared_place(a, b).is_some()
                    || (pa.is_empty() || *ra >= 2) && (pb.is_empty() || *rb >= 2)
            };
            if !places_agree {
                continue;
            }
            let Some((x, y, measure)) = numbers_conflict(cx, a, b) else {
                continue;
            };
            let reason = format!(
                "{} gives {x} and {} gives {y} ({measure})",
                cx.name(a),
                cx.name(b),
            );
            let topic = format!("How many: {measure}");
            found.push(rule, (a, b), topic, reason, cx.shared_place(a, b));
        }
    }
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
            let a = read(content, false);
            let mut b = read(&lower, false);
            b.hay = OnceCell::from(Cow::Borrowed(lower.as_str()));
            assert_eq!(a.first(), b.first(), "{content}");
            for c in lexicon::COUNTRIES {
                assert_eq!(a.names(c.code), b.names(c.code), "{content} {}", c.code);
            }
            assert!(a.opens_with(&lower[..4]));
        }
    }
}

#[cfg(test)]
#[path = "contrast_cases.rs"]
mod cases;
