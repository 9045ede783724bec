//! The figures of one sentence: a number, its unit (what it counts or the
//! unit it is measured in), its qualifier and what happened to it.
//!
//! A number counts when a unit follows it ("four people", "35,000
//! hectares", "150 km/h", "40%") or a currency sign stands before it
//! ("$2 million"), or, elliptically, when an earlier figure in the sentence
//! gives the unit ("40 more", "63 were intercepted"). A duration ("for
//! three days", "within 48 hours") is no figure and is left out; a
//! distance that says where ("30 km from the front") is kept as a
//! distance, never as an incident figure.

use super::super::lexicon;
use super::super::tokens::{Lower, TokKind, Token};
use super::super::Span;
use super::words::WORDS;
use super::{Figure, FigureKind};

/// Words between a verb and its number ("killed at least 2,000").
#[rustfmt::skip]
const QUALIFIER_WORDS: &[&str] = &[
    "at", "least", "more", "than", "nearly", "almost", "about", "around", "approximately",
    "roughly", "some", "over", "up", "to", "as", "many", "an", "estimated", "another", "a",
    "total", "of", "the", "barrage", "salvo", "wave",
];

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

/// One sentence's tokens, as the figure finders read them.
#[derive(Clone, Copy)]
struct Words<'a> {
    text: &'a str,
    toks: &'a [Token],
    lower: Lower<'a>,
}

impl Words<'_> {
    #[inline]
    fn word(&self, i: usize) -> &str {
        self.lower.get(i)
    }

    fn label(&self, i: usize) -> Option<&'static str> {
        WORDS.verb_label(self.word(i))
    }
}

/// False for most words, cheaply: a number starts with a digit, a number
/// word ("four", "dozens", "thousands") or an article ("a", "an") with one
/// of a few letters, and is at most nine letters long.
#[inline(always)]
fn may_be_number(lowered: &str) -> bool {
    match lowered.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => true,
        Some(b'a' | b'd' | b'e' | b'f' | b'h' | b'n' | b'o' | b's' | b't') => lowered.len() <= 9,
        _ => false,
    }
}

/// A number at a token: its value, whether it was written in digits, and
/// its last token (after a multiplier: "1.5 million").
#[inline]
fn number_at(w: Words<'_>, k: usize) -> Option<(f64, bool, usize)> {
    let t = *w.toks.get(k)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let written = t.text(w.text);
    let (mut value, numeric) = match parse_number(written) {
        Some(v) => (v, true),
        // Asked of the lowered word, the same answer without lowering a
        // capitalised word again.
        None => match lexicon::number_word(w.word(k)) {
            Some(v) => (v as f64, false),
            // "an apartment building was damaged": one, by the article.
            None if matches!(w.word(k), "a" | "an") && damaged_single(w, k) => (1.0, false),
            None => return None,
        },
    };
    let mut end = k;
    if let Some(m) = w
        .toks
        .get(k + 1)
        .and_then(|n| lexicon::multiplier(n.text(w.text)))
    {
        value *= m as f64;
        end = k + 1;
    }
    // A year or a date is no figure.
    let year = numeric
        && !written.contains(',')
        && (1900.0..=2100.0).contains(&value)
        && written.len() == 4;
    (!year).then_some((value, numeric, end))
}

/// What a number is counted or measured in.
#[derive(Clone, Debug, Default, PartialEq)]
struct UnitFound {
    unit: Option<String>,
    /// The unit's last token (the number's own when there is none).
    at: usize,
    measure: bool,
    /// A length: its figure says how far, and no verb applies to it.
    distance: bool,
    /// A length that says where ("30 km from the front").
    says_where: bool,
    /// A duration: not a figure at all.
    duration: bool,
}

/// The unit after the number ending at `end`, within four words, or a
/// currency sign just before `k`.
fn unit_after(w: Words<'_>, k: usize, end: usize) -> UnitFound {
    let mut found = UnitFound {
        at: end,
        ..UnitFound::default()
    };
    if let Some(sign) = sign_before(w, k) {
        found.unit = Some(sign.to_string());
        found.measure = true;
        return found;
    }
    for j in end + 1..(end + 5).min(w.toks.len()) {
        if let Some((phrase, last)) = WORDS.units.at(w.toks, w.lower, j) {
            let t = w.toks[j];
            found.unit = Some(if phrase.value.is_empty() {
                w.text[t.span.start..w.toks[last].span.end].to_lowercase()
            } else {
                phrase.value.to_string()
            });
            found.at = last;
            found.measure = phrase.measure;
            found.distance = WORDS.distance.contains(w.word(j));
            found.says_where = found.distance && says_where(w, last);
            return found;
        }
        let t = w.toks[j];
        if matches!(t.kind, TokKind::Punct(_)) {
            break;
        }
        let l = w.word(j);
        if WORDS.duration.contains(l) {
            found.duration = true;
            return found;
        }
        // A people named by demonym counts too ("38,000 Palestinians").
        if l.ends_with('s')
            && t.is_capitalized(w.text)
            && lexicon::country(t.text(w.text)).is_some()
        {
            found.unit = Some(t.text(w.text).to_string());
            found.at = j;
            return found;
        }
        if j > end + 1 && w.label(j).is_some() {
            break;
        }
    }
    found
}

/// The unit of a currency sign right before token `k` ("$", "US$", "€").
fn sign_before(w: Words<'_>, k: usize) -> Option<&'static str> {
    (1..=2).find_map(|back| {
        let at = k.checked_sub(back)?;
        match WORDS.symbols.at(w.toks, w.lower, at) {
            Some((phrase, last)) if last + 1 == k => Some(phrase.value),
            _ => None,
        }
    })
}

/// True when the words after a length ending at `last` place something
/// ("30 km from the front", "20 miles north of", "5 km (3 miles) away").
fn says_where(w: Words<'_>, last: usize) -> bool {
    let mut j = last + 1;
    // The second of "5 km (3 miles) away".
    if w.word(j) == ")" {
        j += 1;
    }
    if w.word(j) == "(" {
        match (j..(j + 6).min(w.toks.len())).find(|&i| w.word(i) == ")") {
            Some(close) => j = close + 1,
            None => return false,
        }
    }
    WORDS.relation.contains(w.word(j))
}

/// What happened to the figure at `k..=end` with unit `u`, in order of
/// strength: a verb right after the number ("1,240 injured"); a verb after
/// the noun in a passive or finite clause ("63 were intercepted", "500
/// residents lost power", "35,000 hectares damaged"); a verb before the
/// number ("killing four people", skipping qualifiers such as "at
/// least"); or the verb of the figure this one is coordinated with ("100
/// missiles and nearly 9,600 drones").
fn what_of(
    w: Words<'_>,
    k: usize,
    end: usize,
    u: &UnitFound,
    last_what: Option<&'static str>,
) -> Option<&'static str> {
    if u.distance {
        return None;
    }
    if let Some(label) = w.label(end + 1) {
        return Some(label);
    }
    let from = share_verb(w, u).unwrap_or(u.at + 1);
    let mut j = from;
    while j < w.toks.len()
        && j < from + 3
        && matches!(
            w.word(j),
            "was" | "were" | "had" | "have" | "has" | "been" | "are" | "is" | "being"
        )
    {
        j += 1;
    }
    let aux = j > from;
    let l = w.word(j);
    // "35,000 hectares damaged", not "winds of 180 km/h damaged 600
    // buildings": a participle with no object of its own.
    let object = number_at(w, j + 1).is_some() || matches!(w.word(j + 1), "the" | "a" | "an");
    let participle = !l.ends_with("ing")
        && !l.ends_with('s')
        && !object
        && w.label(j).is_some_and(|x| WORDS.participles.contains(&x));
    if aux || participle {
        if let Some(label) = w.label(j) {
            return Some(label);
        }
    }
    let mut coordinated = false;
    for j in (k.saturating_sub(6)..k).rev() {
        let l = w.word(j);
        if QUALIFIER_WORDS.contains(&l) {
            continue;
        }
        if let Some(label) = w.label(j) {
            return Some(label);
        }
        if l == "and" && j + 4 >= k {
            coordinated = true;
            break;
        }
        if matches!(w.toks[j].kind, TokKind::Punct(',' | ';'))
            || matches!(
                l,
                "across" | "in" | "over" | "from" | "to" | "at" | "for" | "that"
            )
        {
            break;
        }
    }
    coordinated.then_some(last_what).flatten()
}

/// "40% of the homes were destroyed": the "were" of what a share is of,
/// within four words after "of".
fn share_verb(w: Words<'_>, u: &UnitFound) -> Option<usize> {
    if !u.measure || w.word(u.at + 1) != "of" {
        return None;
    }
    (u.at + 2..(u.at + 6).min(w.toks.len()))
        .take_while(|&i| w.toks[i].kind == TokKind::Word)
        .find(|&i| matches!(w.word(i), "was" | "were"))
}

/// The qualifier before `k` ("nearly", "more than") and where the figure's
/// span starts.
fn qualifier_of(w: Words<'_>, k: usize) -> (Option<&'static str>, usize) {
    let from = k.saturating_sub(3);
    let mut back = [""; 3];
    for (slot, j) in back.iter_mut().zip(from..k) {
        *slot = w.toks[j].text(w.text);
    }
    match lexicon::qualifier(&back[..k - from]) {
        Some((q, n)) => (Some(q), k - n),
        None => (None, k),
    }
}

/// The figures of one sentence's tokens, with each figure's token index.
pub(super) fn figures_in(
    text: &str,
    toks: &[Token],
    lower: Lower<'_>,
) -> (Vec<Figure>, Vec<usize>) {
    let w = Words { text, toks, lower };
    let mut figures: Vec<Figure> = Vec::new();
    let mut positions = Vec::new();
    let mut last_unit: Option<(String, bool)> = None;
    let mut last_what: Option<&'static str> = None;
    for k in 0..toks.len() {
        if !may_be_number(w.word(k)) {
            continue;
        }
        let Some((value, numeric, end)) = number_at(w, k) else {
            continue;
        };
        let mut u = unit_after(w, k, end);
        if u.duration {
            continue;
        }
        if u.unit.is_none()
            && !numeric
            && toks[k].span.len() > 1
            && !matches!(w.word(k), "a" | "an")
        {
            // "one" or "four" with no noun is a pronoun or an age, not a count.
            continue;
        }
        let ellipsis = u.unit.is_none();
        if let (true, Some((unit, measure))) = (ellipsis, &last_unit) {
            u.unit = Some(unit.clone());
            u.measure = *measure;
        }
        let mut what = what_of(w, k, end, &u, last_what);
        // "including 11 critically": the degree of the figure before.
        let next = w.word(end + 1);
        if matches!(next, "critically" | "seriously" | "severely" | "gravely") {
            what = Some(match next {
                "critically" => "critically injured",
                _ => "seriously injured",
            });
        }
        if what.is_none() && ellipsis && !u.distance {
            what = last_what;
        }
        if what.is_none() && u.unit.is_none() {
            continue;
        }
        let (qualifier, qstart) = qualifier_of(w, k);
        figures.push(Figure {
            value: value.round().max(0.0) as u64,
            qualifier,
            what,
            unit: u.unit.clone(),
            kind: if u.says_where {
                FigureKind::Distance
            } else if u.measure {
                FigureKind::Measure
            } else {
                FigureKind::Count
            },
            span: Span::new(toks[qstart].span.start, toks[end].span.end),
            statement: None,
            source: None,
        });
        positions.push(k);
        if !ellipsis && !u.says_where {
            last_unit = u.unit.map(|unit| (unit, u.measure));
        }
        if what.is_some() {
            last_what = what.filter(|w| !w.contains(' ') || *w == "shot down");
        }
    }
    (figures, positions)
}

/// "a/an [adjective] <unit> was damaged|destroyed|hit".
fn damaged_single(w: Words<'_>, k: usize) -> bool {
    for j in k + 1..(k + 4).min(w.toks.len()) {
        if WORDS
            .units
            .at(w.toks, w.lower, j)
            .is_some_and(|(p, _)| !p.measure)
        {
            let aux = w.word(j + 1);
            return matches!(aux, "was" | "were")
                && matches!(w.label(j + 2), Some("damaged" | "destroyed" | "attacked"));
        }
    }
    false
}
