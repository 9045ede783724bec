//! Where an event happened: the place its figures sit nearest to, never
//! the place a source spoke from ("speaking in Geneva, the official said
//! 40 people died in Khartoum": Khartoum).

use super::super::place_mentions::PlaceMentions;
use super::super::segment::Sentence;
use super::super::tokens::{Lower, TokKind, Token};
use super::super::{Place, PlaceKind, Span};
use super::words::WORDS;

fn rank(kind: PlaceKind) -> usize {
    match kind {
        PlaceKind::City | PlaceKind::Facility | PlaceKind::Other => 0,
        PlaceKind::Sea | PlaceKind::Region => 1,
        PlaceKind::Country => 2,
    }
}

/// What `place_for` reads: the article's tokens, places and sentences.
#[derive(Clone, Copy)]
pub(super) struct PlaceCx<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lower: Lower<'a>,
    pub places: &'a [Place],
    pub place_mentions: &'a PlaceMentions,
    pub sentences: &'a [Sentence],
}

/// Articles and compass words between a preposition and a place name.
fn skip_modifiers(lower: Lower<'_>, mut b: usize) -> usize {
    while b > 0
        && matches!(
            lower.get(b - 1),
            "the" | "central" | "southern" | "northern" | "eastern" | "western"
        )
    {
        b -= 1;
    }
    b
}

/// True when the place mention starting at token `at` is where a source
/// spoke: a speaking word ("speaking", "told reporters", "a news
/// conference") within three words before the preposition before it.
pub(super) fn where_spoken(lower: Lower<'_>, at: usize) -> bool {
    let b = skip_modifiers(lower, at);
    if b == 0 || !matches!(lower.get(b - 1), "in" | "at" | "from") {
        return false;
    }
    (b.saturating_sub(4)..b - 1).any(|j| WORDS.speaking.contains(lower.get(j)))
}

/// The place the figures sit nearest to: closeness, a preposition before
/// it, and specificity count for; being the attacker ("Russia launched") or
/// the owner of the source ("Ukraine’s Air Force") counts against; where a
/// source spoke does not count at all.
pub(super) fn place_for(
    cx: PlaceCx<'_>,
    lo: usize,
    positions: &[usize],
    si: usize,
) -> (Option<usize>, Option<String>) {
    let word = |i: usize| cx.lower.get(i);
    let s = cx.sentences[si].span;
    let mut best: Option<(usize, usize)> = None;
    // Each place in turn, each of its mentions in turn: on a tie the first
    // one met wins.
    let mut inside: Vec<(usize, usize, Span)> = cx
        .place_mentions
        .within(s)
        .map(|(m, place, nth)| (place, nth, m))
        .collect();
    inside.sort_unstable_by_key(|&(place, nth, _)| (place, nth));
    for (pi, _, m) in inside {
        let p = &cx.places[pi];
        let at = cx.toks.partition_point(|t| t.span.start < m.start);
        let end = cx.toks.partition_point(|t| t.span.start < m.end);
        if where_spoken(cx.lower, at) {
            continue;
        }
        let dist = positions
            .iter()
            .map(|&f| (f + lo).abs_diff(at))
            .min()
            .unwrap_or(50);
        let b = skip_modifiers(cx.lower, at);
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
        let possessive = cx
            .toks
            .get(end)
            .is_some_and(|t| t.kind == TokKind::Possessive);
        let attacker = [word(end), word(end + 1)]
            .iter()
            .any(|w| matches!(WORDS.verb_label(w), Some("launched" | "attacked")));
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
    earlier_place(cx, si)
}

/// The most specific place of the two sentences before, in the same
/// paragraph, or in the one before when this paragraph opens with a quote
/// (it goes on with the same story).
fn earlier_place(cx: PlaceCx<'_>, si: usize) -> (Option<usize>, Option<String>) {
    let para = cx.sentences[si].paragraph;
    let first_of_para = cx.sentences.partition_point(|s| s.paragraph < para);
    let quote_para = cx
        .sentences
        .get(first_of_para)
        .and_then(|s| s.span.slice(cx.text).chars().next())
        .is_some_and(|c| matches!(c, '“' | '"' | '‘' | '«'));
    for back in 1..=2 {
        let Some(prev) = si.checked_sub(back).and_then(|k| cx.sentences.get(k)) else {
            break;
        };
        if prev.paragraph != para && !(quote_para && prev.paragraph + 1 == para) {
            break;
        }
        let found = cx
            .place_mentions
            .within(prev.span)
            .filter(|(m, _, _)| {
                let at = cx.toks.partition_point(|t| t.span.start < m.start);
                !where_spoken(cx.lower, at)
            })
            .map(|(_, p, _)| p)
            .min_by_key(|&p| (rank(cx.places[p].kind), p));
        if let Some(pi) = found {
            return (Some(pi), Some("named in an earlier sentence".into()));
        }
    }
    (None, None)
}
