//! Stage: events with numbers. Incidents in a sentence ("killing four
//! people and injuring 40 more", "launched 89 drones; 63 were intercepted")
//! with each figure's value, qualifier ("nearly", "more than"), what it
//! counts and what happened to it, tied to the place the figures sit
//! nearest to.
//!
//! A number counts when a countable noun follows it ("four people", "89
//! attack and decoy drones") or, elliptically, when an earlier figure in
//! the sentence gives the noun ("40 more", "63 were intercepted"). A
//! sentence is an event when one of its figures has an incident verb
//! (killed, injured, launched, intercepted, damaged ...).

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::lexicon::{self, WordSet};
use super::place_mentions::PlaceMentions;
use super::segment::Sentence;
use super::tokens::{Lower, TokKind, Token};
use super::{Place, PlaceKind, Span};

/// One number in an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub value: u64,
    /// "nearly", "more than", "approximately" ... as written.
    pub qualifier: Option<&'static str>,
    /// What happened to what is counted: "killed", "launched", "intercepted".
    pub what: Option<&'static str>,
    /// What is counted: "people", "drones", "kilometers".
    pub unit: Option<String>,
    /// The number as written (with its qualifier).
    pub span: Span,
}

/// An incident with its figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Holds `&'static str` fields (codes from the word lists): read from
// `'static` text only (the page's build-time analyses).
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Event {
    /// Index into `Analysis::sentences`.
    pub sentence: usize,
    pub span: Span,
    /// Index into `Analysis::places`.
    pub place: Option<usize>,
    /// Why this place: in the sentence, or carried from an earlier one.
    pub place_reason: Option<String>,
    pub figures: Vec<Figure>,
    /// One line: "4 killed, 40 injured in Dnipro".
    pub summary: String,
}

#[rustfmt::skip]
static UNITS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "people", "person", "persons", "individual", "individuals", "civilians", "civilian",
        "children", "child", "soldiers", "soldier", "troops", "residents", "resident", "drones",
        "drone", "missiles", "missile", "rockets", "rocket", "shells", "bombs", "tankers", "tanker",
        "ships", "ship", "vessels", "vessel", "aircraft", "planes", "jets", "helicopters", "tanks",
        "buildings", "building", "houses", "house", "homes", "home", "apartments", "regions",
        "villages", "towns", "settlements", "kilometers", "kilometres", "km", "miles", "prisoners",
        "hostages", "migrants", "refugees", "workers", "firefighters", "rescuers", "patients",
        "passengers", "fighters", "militants", "police", "officers", "journalists", "students",
        "protesters", "voters", "votes", "seats", "dead", "wounded", "casualties", "deaths",
        "victims", "bodies", "families", "households", "customers", "jobs", "employees", "fans",
        "goals", "points", "shots", "attacks", "strikes", "projectiles", "munitions",
    ])
});

/// Verb stems and what they make of a figure.
const VERBS: &[(&str, &str)] = &[
    ("kill", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("death", "killed"),
    ("injur", "injured"),
    ("wound", "injured"),
    ("hurt", "injured"),
    ("hospitali", "injured"),
    ("launch", "launched"),
    ("fired", "launched"),
    ("fire ", "launched"),
    ("unleash", "launched"),
    ("barrage", "launched"),
    ("sent", "launched"),
    ("intercept", "intercepted"),
    ("jammed", "intercepted"),
    ("shot", "shot down"),
    ("downed", "shot down"),
    ("destroy", "destroyed"),
    ("damag", "damaged"),
    ("evacuat", "evacuated"),
    ("lost", "without power"),
    ("without", "without power"),
    ("attack", "attacked"),
    ("strike", "attacked"),
    ("struck", "attacked"),
    ("hit", "attacked"),
    ("arrest", "detained"),
    ("detain", "detained"),
    ("displac", "displaced"),
    ("missing", "missing"),
    ("rescued", "rescued"),
    ("captured", "captured"),
];

/// Words between a verb and its number ("killed at least 2,000").
#[rustfmt::skip]
const QUALIFIER_WORDS: &[&str] = &[
    "at", "least", "more", "than", "nearly", "almost", "about", "around", "approximately",
    "roughly", "some", "over", "up", "to", "as", "many", "an", "estimated", "another", "a",
    "total", "of", "the", "barrage", "salvo", "wave",
];

/// Labels that make a sentence an incident.
#[rustfmt::skip]
const INCIDENT: &[&str] = &[
    "killed", "injured", "launched", "intercepted", "shot down", "destroyed", "damaged",
    "evacuated", "without power", "attacked", "detained", "displaced", "missing", "rescued",
    "captured",
];

/// The incident label of a lower-cased word, from its verb stem.
///
/// Asked of nearly every word, so a word whose first letter starts no stem
/// is turned away before the stems are compared.
fn verb_label(l: &str) -> Option<&'static str> {
    let first = *l.as_bytes().first()?;
    VERBS
        .iter()
        .filter(|(stem, _)| stem.as_bytes().first() == Some(&first))
        .find(|(stem, _)| match stem.strip_suffix(' ') {
            // A stem ending in a space is a whole word.
            Some(word) => l == word,
            None => l.starts_with(stem),
        })
        .map(|&(_, label)| label)
}

fn parse_number(w: &str) -> Option<f64> {
    // Asked of every word: only digits, commas, points and a final "½"
    // can make a number, so other words are turned away without a copy,
    // most by their first byte. In UTF-8 the bytes of "½" (C2 BD) make no
    // other character.
    if !w
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | 0xC2 | 0xBD))
    {
        return None;
    }
    let digits: String = w.chars().filter(|c| *c != ',').collect();
    let digits = digits.trim_end_matches('½');
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    digits.parse::<f64>().ok()
}

/// Finds the events of every sentence.
pub fn find_events(
    text: &str,
    toks: &[Token],
    lower: Lower<'_>,
    sentences: &[Sentence],
    places: &[Place],
    place_mentions: &PlaceMentions,
) -> Vec<Event> {
    let mut events = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let lo = toks.partition_point(|t| t.span.start < s.span.start);
        let hi = toks.partition_point(|t| t.span.start < s.span.end);
        let (figures, positions) = figures_in(text, &toks[lo..hi], lower.slice(lo, hi));
        if !figures
            .iter()
            .any(|f| f.what.is_some_and(|w| INCIDENT.contains(&w)))
        {
            continue;
        }
        let (place, place_reason) = place_for(
            text,
            toks,
            lower,
            lo,
            &positions,
            places,
            place_mentions,
            sentences,
            si,
        );
        let summary = summarize(&figures, place.map(|p| places[p].name.as_str()));
        events.push(Event {
            sentence: si,
            span: s.span,
            place,
            place_reason,
            figures,
            summary,
        });
    }
    events
}

/// The figures of one sentence's tokens, with each figure's token index.
fn figures_in(text: &str, toks: &[Token], lower: Lower<'_>) -> (Vec<Figure>, Vec<usize>) {
    let word = |i: usize| lower.get(i);
    let mut figures: Vec<Figure> = Vec::new();
    let mut positions = Vec::new();
    let mut last_unit: Option<String> = None;
    let mut last_what: Option<&'static str> = None;
    for k in 0..toks.len() {
        let t = toks[k];
        if t.kind != TokKind::Word {
            continue;
        }
        let w = t.text(text);
        let (mut value, numeric) = match parse_number(w) {
            Some(v) => (v, true),
            // Asked of the lowered word, the same answer without lowering a
            // capitalised word again.
            None => match lexicon::number_word(word(k)) {
                Some(v) => (v as f64, false),
                None => {
                    // "an apartment building was damaged": one, by the article.
                    let article = w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an");
                    if article && damaged_single(toks, lower, k) {
                        (1.0, false)
                    } else {
                        continue;
                    }
                }
            },
        };
        let mut end = k;
        if let Some(m) = toks
            .get(k + 1)
            .and_then(|n| lexicon::multiplier(n.text(text)))
        {
            value *= m as f64;
            end = k + 1;
        }
        // A year or a date is no figure.
        let year =
            numeric && !w.contains(',') && (1900.0..=2100.0).contains(&value) && w.len() == 4;
        if year {
            continue;
        }
        // The counted noun, within four words.
        let mut unit: Option<String> = None;
        let mut u_at = end;
        for (j, t) in toks.iter().enumerate().take(end + 5).skip(end + 1) {
            if matches!(t.kind, TokKind::Punct(_)) {
                break;
            }
            let l = word(j);
            // A people named by demonym counts too ("38,000 Palestinians").
            let people_word = l.ends_with('s')
                && t.is_capitalized(text)
                && lexicon::country(t.text(text)).is_some();
            if UNITS.contains(l) || people_word {
                unit = Some(if people_word {
                    t.text(text).to_string()
                } else {
                    l.to_string()
                });
                u_at = j;
                break;
            }
            if verb_label(l).is_some() && j > end + 1 {
                break;
            }
        }
        if unit.is_none() && !numeric && w.len() > 1 && !matches!(word(k), "a" | "an") {
            // "one" or "four" with no noun is a pronoun or an age, not a count.
            continue;
        }
        let ellipsis = unit.is_none();
        if ellipsis {
            unit = last_unit.clone();
        }
        // What happened, in order of strength: a verb right after the number
        // ("1,240 injured"); a verb after the noun in a passive or finite
        // clause ("63 were intercepted", "500 residents lost power"); a
        // verb before the number ("killing four people", skipping
        // qualifiers such as "at least"); or the verb of the figure this
        // one is coordinated with ("100 missiles and nearly 9,600 drones").
        let distance = unit
            .as_deref()
            .is_some_and(|u| matches!(u, "kilometers" | "kilometres" | "km" | "miles"));
        let mut what = if distance {
            None
        } else {
            verb_label(word(end + 1))
        };
        if what.is_none() && !distance {
            let mut j = u_at + 1;
            while j < toks.len()
                && j < u_at + 4
                && matches!(
                    word(j),
                    "was" | "were" | "had" | "have" | "has" | "been" | "are" | "is" | "being"
                )
            {
                j += 1;
            }
            let aux = j > u_at + 1;
            let l = word(j);
            if aux || matches!(verb_label(l), Some("without power" | "killed" | "missing")) {
                what = verb_label(l);
            }
        }
        if what.is_none() && !distance {
            let mut coordinated = false;
            for j in (k.saturating_sub(6)..k).rev() {
                let l = word(j);
                if QUALIFIER_WORDS.contains(&l) {
                    continue;
                }
                if let Some(label) = verb_label(l) {
                    what = Some(label);
                    break;
                }
                if l == "and" && j + 4 >= k {
                    coordinated = true;
                    break;
                }
                if matches!(toks[j].kind, TokKind::Punct(',' | ';'))
                    || matches!(
                        l,
                        "across" | "in" | "over" | "from" | "to" | "at" | "for" | "that"
                    )
                {
                    break;
                }
            }
            if what.is_none() && coordinated {
                what = last_what;
            }
        }
        // "including 11 critically": the degree of the figure before.
        let next = word(end + 1);
        if matches!(next, "critically" | "seriously" | "severely" | "gravely") {
            what = Some(match next {
                "critically" => "critically injured",
                _ => "seriously injured",
            });
        }
        if what.is_none() && ellipsis && !distance {
            what = last_what;
        }
        if what.is_none() && unit.is_none() {
            continue;
        }
        let (qualifier, qstart) = {
            let from = k.saturating_sub(3);
            let mut back = [""; 3];
            for (slot, j) in back.iter_mut().zip(from..k) {
                *slot = toks[j].text(text);
            }
            match lexicon::qualifier(&back[..k - from]) {
                Some((q, n)) => (Some(q), k - n),
                None => (None, k),
            }
        };
        let value = value.round().max(0.0) as u64;
        figures.push(Figure {
            value,
            qualifier,
            what,
            unit: unit.clone(),
            span: Span::new(toks[qstart].span.start, toks[end].span.end),
        });
        positions.push(k);
        if !ellipsis {
            last_unit = unit;
        }
        if what.is_some() {
            last_what = what.filter(|w| !w.contains(' ') || *w == "shot down");
        }
    }
    (figures, positions)
}

/// "a/an [adjective] <unit> was damaged|destroyed|hit".
fn damaged_single(toks: &[Token], lower: Lower<'_>, k: usize) -> bool {
    for j in k + 1..(k + 4).min(toks.len()) {
        if UNITS.contains(lower.get(j)) {
            let aux = lower.get(j + 1);
            let verb = lower.get(j + 2);
            return matches!(aux, "was" | "were")
                && matches!(verb_label(verb), Some("damaged" | "destroyed" | "attacked"));
        }
    }
    false
}

fn rank(kind: PlaceKind) -> usize {
    match kind {
        PlaceKind::City | PlaceKind::Facility | PlaceKind::Other => 0,
        PlaceKind::Sea | PlaceKind::Region => 1,
        PlaceKind::Country => 2,
    }
}

/// The place the figures sit nearest to: closeness, a preposition before
/// it, and specificity count for; being the attacker ("Russia launched") or
/// the owner of the source ("Ukraine’s Air Force") counts against.
#[allow(clippy::too_many_arguments)]
fn place_for(
    text: &str,
    toks: &[Token],
    lower: Lower<'_>,
    lo: usize,
    positions: &[usize],
    places: &[Place],
    place_mentions: &PlaceMentions,
    sentences: &[Sentence],
    si: usize,
) -> (Option<usize>, Option<String>) {
    let word = |i: usize| lower.get(i);
    let s = sentences[si].span;
    let mut best: Option<(usize, usize)> = None;
    // Each place in turn, each of its mentions in turn: on a tie the first
    // one met wins.
    let mut inside: Vec<(usize, usize, Span)> = place_mentions
        .within(s)
        .map(|(m, place, nth)| (place, nth, m))
        .collect();
    inside.sort_unstable_by_key(|&(place, nth, _)| (place, nth));
    for (pi, _, m) in inside {
        let p = &places[pi];
        let at = toks.partition_point(|t| t.span.start < m.start);
        let end = toks.partition_point(|t| t.span.start < m.end);
        let dist = positions
            .iter()
            .map(|&f| (f + lo).abs_diff(at))
            .min()
            .unwrap_or(50);
        let mut b = at;
        while b > 0
            && matches!(
                word(b - 1),
                "the" | "central" | "southern" | "northern" | "eastern" | "western"
            )
        {
            b -= 1;
        }
        let prep = b > 0
            && matches!(
                word(b - 1),
                "in" | "on"
                    | "at"
                    | "near"
                    | "over"
                    | "into"
                    | "of"
                    | "hit"
                    | "struck"
                    | "across"
                    | "outside"
            );
        let possessive = toks.get(end).is_some_and(|t| t.kind == TokKind::Possessive);
        let next = word(end);
        let next2 = word(end + 1);
        let attacker = [next, next2]
            .iter()
            .any(|w| matches!(verb_label(w), Some("launched" | "attacked")));
        let score = dist
            + rank(p.kind) * 3
            + if prep { 0 } else { 4 }
            + if attacker { 20 } else { 0 }
            + if possessive { 3 } else { 0 };
        if best.is_none_or(|(_, sc)| score < sc) {
            best = Some((pi, score));
        }
    }
    if let Some((pi, _)) = best {
        return (Some(pi), Some("named in the sentence".into()));
    }
    // Else the most specific place of the two sentences before, in the
    // same paragraph, or in the one before when this paragraph opens with a
    // quote (it goes on with the same story).
    let para = sentences[si].paragraph;
    let first_of_para = sentences.partition_point(|s| s.paragraph < para);
    let quote_para = sentences
        .get(first_of_para)
        .and_then(|s| s.span.slice(text).chars().next())
        .is_some_and(|c| matches!(c, '“' | '"' | '‘' | '«'));
    for back in 1..=2 {
        let Some(prev) = si.checked_sub(back).and_then(|k| sentences.get(k)) else {
            break;
        };
        if prev.paragraph != para && !(quote_para && prev.paragraph + 1 == para) {
            break;
        }
        let found = place_mentions
            .within(prev.span)
            .map(|(_, p, _)| p)
            .min_by_key(|&p| (rank(places[p].kind), p));
        if let Some(pi) = found {
            return (Some(pi), Some("named in an earlier sentence".into()));
        }
    }
    (None, None)
}

fn summarize(figures: &[Figure], place: Option<&str>) -> String {
    let parts: Vec<String> = figures
        .iter()
        .map(|f| {
            let mut s = String::new();
            if let Some(q) = f.qualifier {
                s.push_str(q);
                s.push(' ');
            }
            s.push_str(&f.value.to_string());
            if let Some(u) = &f.unit {
                s.push(' ');
                s.push_str(u);
            }
            if let Some(w) = f.what {
                s.push(' ');
                s.push_str(w);
            }
            s
        })
        .collect();
    let mut out = parts.join(", ");
    if let Some(p) = place {
        out.push_str(" — ");
        out.push_str(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::tokens::{tokenize, Lowered};

    type Fig = (
        u64,
        Option<&'static str>,
        Option<&'static str>,
        Option<String>,
    );

    fn figs(text: &str) -> Vec<Fig> {
        let seg = segment(text);
        let toks = tokenize(text);
        let lowered = Lowered::new(text, &toks);
        find_events(
            text,
            &toks,
            lowered.words(),
            &seg.sentences,
            &[],
            &PlaceMentions::new(&[]),
        )
        .into_iter()
        .flat_map(|e| e.figures)
        .map(|f| (f.value, f.qualifier, f.what, f.unit))
        .collect()
    }

    #[test]
    fn figures_table() {
        let u = |s: &str| Some(s.to_string());
        assert_eq!(
            figs("A missile hit the city, killing four people and injuring 40 more, including 11 critically."),
            vec![
                (4, None, Some("killed"), u("people")),
                (40, None, Some("injured"), u("people")),
                (11, None, Some("critically injured"), u("people")),
            ]
        );
        assert_eq!(
            figs("Russia launched 89 drones overnight; 63 were intercepted."),
            vec![
                (89, None, Some("launched"), u("drones")),
                (63, None, Some("intercepted"), u("drones"))
            ]
        );
        assert_eq!(
            figs("The army fired 100 missiles and nearly 9,600 drones in November."),
            vec![
                (100, None, Some("launched"), u("missiles")),
                (9600, Some("nearly"), Some("launched"), u("drones"))
            ]
        );
        assert_eq!(
            figs("Floods killed more than 1.5 million livestock and displaced 20,000 families in 2024."),
            vec![(1_500_000, Some("more than"), Some("killed"), None), (20_000, None, Some("displaced"), u("families"))]
        );
        assert!(figs("The 28-point plan and a 30-day truce were discussed in 2022.").is_empty());
        assert!(figs("One of his advisers met two envoys.").is_empty());
    }
}
