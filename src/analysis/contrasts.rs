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

use std::collections::HashSet;

use serde::Serialize;

use super::lexicon;
use super::people::Person;
use super::segment::Sentence;
use super::statements::Statement;
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
    "lies", "propaganda", "nonsense", "not", "never", "no ", "rejected", "unjustified",
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

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 6)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
}

fn stems(s: &str) -> HashSet<String> {
    words(s).map(|w| w.chars().take(6).collect()).collect()
}

/// The first word of `s` with one of the `shared` stems, capitalised, as a
/// topic ("Territories").
fn topic_word(s: &str, shared: &HashSet<String>) -> Option<String> {
    words(s)
        .find(|w| shared.contains(&w.chars().take(6).collect::<String>()))
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
}

/// A side: a country code or bloc, not an outlet or unknown.
fn side(p: &Person) -> Option<&str> {
    let a = p.affiliation.as_deref()?;
    let ok = (2..=4).contains(&a.len()) && a.chars().all(|c| c.is_ascii_uppercase());
    ok.then_some(a)
}

/// The frame of a statement from its lower-cased content `l`.
fn frame(l: &str, st: &Statement) -> Option<Frame> {
    let has = |list: &[&str]| {
        list.iter()
            .find(|w| contains_word(l, w))
            .map(|w| w.to_string())
    };
    if st.stance.is_rejection() || has(CONTESTED).is_some() {
        return Some(Frame::Contested);
    }
    has(HELD).map(|_| Frame::Held)
}

/// The first word of `list` in the lower-cased content `l`.
fn trigger(l: &str, list: &[&str]) -> Option<String> {
    list.iter()
        .find(|w| contains_word(l, w))
        .map(|w| w.to_string())
}

/// True when `needle` occurs in `hay` as whole words (not inside a longer
/// word). Called for every statement against every cue list, so it scans
/// bytes for the needle's first byte rather than building a substring
/// searcher per call; an occurrence inside a word skips past it, as before.
fn contains_word(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    let mut from = 0;
    while from + n.len() <= h.len() {
        let Some(i) = h[from..=h.len() - n.len()].iter().position(|&b| b == first) else {
            return false;
        };
        let s = from + i;
        // The last byte first: most candidates fail there without a memcmp.
        if h[s + n.len() - 1] != n[n.len() - 1] || &h[s..s + n.len()] != n {
            from = s + 1;
            continue;
        }
        // `needle` is valid UTF-8, so `s` and `e` are char boundaries.
        let e = s + n.len();
        let before = hay[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = e;
    }
    false
}

fn rank(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::City | PlaceKind::Facility | PlaceKind::Other => 0,
        PlaceKind::Sea | PlaceKind::Region => 1,
        PlaceKind::Country => 2,
    }
}

/// The most specific places within `span`.
fn focus(places: &[Place], span: Span) -> (Vec<usize>, u8) {
    let inside: Vec<usize> = places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.mentions.iter().any(|m| span.contains(*m)))
        .map(|(i, _)| i)
        .collect();
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
) -> Vec<Contrast> {
    let n = statements.len();
    let sides: Vec<Option<&str>> = statements
        .iter()
        .map(|s| s.speaker.and_then(|p| people.get(p)).and_then(side))
        .collect();
    let contents: Vec<&str> = statements.iter().map(|s| s.content.slice(text)).collect();
    // Lower-cased once: the rules below test each content against word
    // lists many times, inside loops over nearby statements.
    let lowers: Vec<String> = contents.iter().map(|c| c.to_lowercase()).collect();
    // Places each statement is about, inheriting from the sentences before
    // it when it only points back.
    let anchors: Vec<(Vec<usize>, u8)> = statements
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let own = focus(places, s.content);
            if !own.0.is_empty() {
                return own;
            }
            if !ANAPHORA.iter().any(|a| contains_word(&lowers[i], a)) {
                return own;
            }
            for back in 1..=3 {
                let Some(prev) = s.sentence.checked_sub(back).and_then(|k| sentences.get(k)) else {
                    break;
                };
                let f = focus(places, prev.span);
                if !f.0.is_empty() && f.1 < 2 {
                    return f;
                }
            }
            own
        })
        .collect();
    let frames: Vec<Option<Frame>> = (0..n).map(|i| frame(&lowers[i], &statements[i])).collect();
    let stemsets: Vec<HashSet<String>> = contents.iter().map(|c| stems(c)).collect();
    let mut out: Vec<Contrast> = Vec::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
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
            let (pa, ra) = &anchors[a];
            let (pb, rb) = &anchors[b];
            let shared: Vec<usize> = pa.iter().copied().filter(|x| pb.contains(x)).collect();
            let common: HashSet<String> = stemsets[a].intersection(&stemsets[b]).cloned().collect();
            let topic_word = topic_word(contents[b], &common);
            let (topic, place) = match shared.first() {
                Some(&p) if *ra < 2 && *rb < 2 => {
                    (format!("Control of {}", places[p].name), Some(p))
                }
                Some(&p) if topic_word.is_some() => (
                    format!(
                        "{} ({})",
                        topic_word.clone().unwrap_or_default(),
                        places[p].name
                    ),
                    Some(p),
                ),
                _ => continue,
            };
            let ta = trigger(&lowers[a], HELD).unwrap_or_default();
            let tb = trigger(&lowers[b], CONTESTED).unwrap_or_else(|| "rejects it".into());
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
        // 2. "X dismissed Y’s claim that ...": the claim sits inside the rejection.
        if sb.stance.is_rejection() {
            for a in around(b, 0) {
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
                    let place = anchors[a].0.first().copied();
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
        let each_other = {
            let l = &lowers[b];
            l.starts_with("each other") || l.starts_with("one another")
        };
        if each_other && sb.group.is_some() {
            for a in around(b, 0).filter(|&a| a < b) {
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
            for a in around(b, 0) {
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
                let negative = sb.stance.is_rejection()
                    || NEGATIVE.iter().any(|w| contains_word(&lowers[b], w.trim()));
                if relative && negative && between.len() < 24 {
                    let topic = short(contents[a]);
                    let reason = format!("{} disputes what {} seeks or says", name(b), name(a));
                    push(&mut out, a, b, topic, reason, anchors[a].0.first().copied());
                }
            }
        }
        // 6. "... Y denied the claim": a rejection of what was just reported.
        let back_ref = {
            let l = &lowers[b];
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
            .any(|p| l.starts_with(p))
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
            let names_b = |a: usize| {
                sides[b]
                    .and_then(lexicon::country_by_code)
                    .is_some_and(|c| {
                        c.forms
                            .iter()
                            .chain(c.metonyms)
                            .any(|f| contains_word(&lowers[a], f))
                    })
            };
            let same_thing = |a: usize| {
                back_ref || stemsets[a].intersection(&stemsets[b]).next().is_some() || names_b(a)
            };
            if let Some(a) = prev.filter(|&a| opposable(a, b) && same_thing(a)) {
                let place = anchors[a].0.first().copied();
                let topic = match place {
                    Some(p) if anchors[a].1 < 2 => format!("Claim about {}", places[p].name),
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
            let lower_b = &lowers[b];
            let refusal = REFUSAL.iter().any(|w| contains_word(lower_b, w));
            if refusal {
                let near = around(b, MENTION_WINDOW);
                let named = (near.start..b).rev().find(|&a| {
                    let Some(side_a) = sides[a] else { return false };
                    let names_a = lexicon::country_by_code(side_a).is_some_and(|c| {
                        c.forms
                            .iter()
                            .chain(c.metonyms)
                            .any(|f| contains_word(lower_b, f))
                    });
                    side_a != side_b
                        && statements[a].sentence < sb.sentence
                        && names_a
                        && !said_jointly(statements, a, b)
                        && stemsets[a].intersection(&stemsets[b]).next().is_some()
                });
                if let Some(a) = named {
                    let common: HashSet<String> =
                        stemsets[a].intersection(&stemsets[b]).cloned().collect();
                    let topic =
                        topic_word(contents[b], &common).unwrap_or_else(|| short(contents[a]));
                    let reason = format!(
                        "{} says {}’s side {}",
                        name(b),
                        name(a),
                        trigger(&lowers[b], REFUSAL).unwrap_or_default()
                    );
                    push(&mut out, a, b, topic, reason, None);
                }
            }
        }
        // 5. A statement marked as contrasting with the one before it.
        let sentence_text = sentences
            .get(sb.sentence)
            .map_or("", |s| s.span.slice(text));
        let lower = sentence_text.to_lowercase();
        let marked = [
            "in contrast",
            "by contrast",
            "however",
            "but ",
            "on the other hand",
        ]
        .iter()
        .any(|m| lower.starts_with(m))
            || lower.contains(", however,");
        if marked {
            let near = around(b, 2);
            let prev = (near.start..b).rev().find(|&a| {
                statements[a].speaker != sb.speaker
                    && sb.sentence.saturating_sub(statements[a].sentence) <= 2
                    && statements[a].sentence <= sb.sentence
            });
            if let Some(a) = prev {
                // Only the first of speakers named together.
                let first_of_group =
                    sb.group.is_none() || (near.start..b).all(|k| statements[k].group != sb.group);
                let shared_place =
                    anchors[a].0.iter().any(|x| anchors[b].0.contains(x)) && anchors[a].1 < 2;
                let common: HashSet<String> =
                    stemsets[a].intersection(&stemsets[b]).cloned().collect();
                let shared_word = topic_word(contents[b], &common);
                if differ(a, b) && first_of_group && (shared_place || shared_word.is_some()) {
                    let place = anchors[a]
                        .0
                        .iter()
                        .copied()
                        .find(|x| anchors[b].0.contains(x));
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
    }
    out.sort_by_key(|c| (c.a.min(c.b), c.a.max(c.b)));
    out
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
