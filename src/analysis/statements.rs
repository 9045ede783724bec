//! Stage: who said what. Direct quotes and indirect statements, each tied
//! to a speaker, a reporting cue with its stance, and the reported content.
//!
//! Per sentence, every reporting cue outside quotation marks ("said",
//! "warned", "according to", "Russia’s claim that", "criticism from") is
//! read with its speaker: the noun phrase before the cue (skipping adverbs,
//! auxiliaries and a parenthetical: "Putin, in the footage, asserted"), or
//! after it ("said Peskov", "according to regional officials"), with
//! coordination ("Both Britain and France", "Witkoff and Rubio, along with
//! Waltz"). A participle ("saying", "calling it") takes the clause's
//! subject. Pronouns and role nouns ("she said", "the spokesman said") go to
//! the nearest fitting earlier speaker, or stay unresolved with a reason.
//!
//! Quotes are then attached: to the attribution right after their closing
//! mark or right before their opening mark (direct), to the statement whose
//! content holds them (a fragment), to the previous quote's speaker when a
//! paragraph continues it, and otherwise left as scare quotes (short) or
//! unattributed utterances. One statement per speaker per sentence.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon::{self, CountryForm, Stance, WordSet};
use super::people::{self, MentionForm, People};
use super::place_mentions::PlaceMentions;
use super::quotes::{Quote, QuoteKind};
use super::segment::{Paragraph, Sentence};
use super::speakers::{is_country_name, Cx, Hit, DAYS, DESC_MODS, DETS, PREPOSITIONS, SKIP_BACK};
pub use super::statement::Statement;
use super::tokens::{Lower, TokKind, Token};
use super::{Place, Span};

/// Words that may stand between a cue and its "that": "told reporters on
/// Monday that", "said in a statement that".
#[rustfmt::skip]
static SETTING: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "reporters", "journalists", "the", "press", "him", "her", "them", "me", "us", "a",
        "statement", "interview", "briefing", "on", "last", "this", "in", "at", "parliament",
        "lawmakers", "told", "again", "publicly", "separately", "earlier", "its", "his", "their",
        "channel", "account", "website", "page", "feed", "telegram", "official",
    ])
});

/// Token span of each sentence and whether each token lies inside quotes.
fn layout(
    text: &str,
    toks: &[Token],
    sents: &[Sentence],
    quotes: &[Quote],
) -> (Vec<(usize, usize)>, Vec<bool>) {
    let _ = text;
    let mut sent_toks = Vec::with_capacity(sents.len());
    for s in sents {
        let a = toks.partition_point(|t| t.span.start < s.span.start);
        let b = toks.partition_point(|t| t.span.start < s.span.end);
        sent_toks.push((a, b.max(a)));
    }
    let mut in_quote = vec![false; toks.len()];
    for q in quotes {
        let a = toks.partition_point(|t| t.span.start < q.outer().start);
        let b = toks.partition_point(|t| t.span.start < q.outer().end);
        for v in in_quote.iter_mut().take(b).skip(a) {
            *v = true;
        }
    }
    (sent_toks, in_quote)
}

/// Finds statements and attaches quotes to them.
#[allow(clippy::too_many_arguments)]
pub fn find_statements(
    text: &str,
    toks: &[Token],
    lower: Lower<'_>,
    sents: &[Sentence],
    paragraphs: &[Paragraph],
    places: &[Place],
    place_mentions: &PlaceMentions,
    people: &mut People,
    quotes: &mut [Quote],
) -> Vec<Statement> {
    let (sent_toks, in_quote) = layout(text, toks, sents, quotes);
    let mut cx = Cx {
        text,
        toks,
        sents,
        places,
        place_mentions,
        sent_toks,
        in_quote,
        lower,
        people,
    };
    let mut stmts: Vec<Statement> = Vec::new();
    let mut group = 0;
    for si in 0..sents.len() {
        let first_new = stmts.len();
        cue_statements(&mut cx, si, &mut stmts, &mut group);
        trim_contents(&cx, &mut stmts[first_new..]);
        merge_same_speaker(&mut stmts, first_new);
    }
    super::speakers::resolve_generic_bodies(&mut cx, &mut stmts);
    super::speakers::qualify_bare_groups(&mut cx, &stmts);
    attach_quotes(&mut cx, paragraphs, quotes, &mut stmts);
    stmts.sort_by_key(|s| (s.span.start, s.cue.map_or(0, |c| c.start)));
    link_quotes(quotes, &stmts);
    stmts
}

/// Reads every reporting cue of sentence `si` outside quotes, pushing a
/// statement per speaker it names; speakers of one cue share a `group`.
fn cue_statements(cx: &mut Cx, si: usize, stmts: &mut Vec<Statement>, group: &mut usize) {
    let (lo, hi) = cx.sent_toks[si];
    let first_new = stmts.len();
    let mut i = lo;
    while i < hi {
        if cx.in_quote[i] || cx.toks[i].kind != TokKind::Word || !may_cue(cx, i) {
            i += 1;
            continue;
        }
        let Some((hits, cue, stance, content, next)) =
            read_cue(cx, i, lo, hi, &stmts[first_new..], stmts)
        else {
            i += 1;
            continue;
        };
        let joint = hits.len() > 1;
        if joint {
            *group += 1;
        }
        for h in hits {
            let span = cover(&[h.span, cue, content]);
            stmts.push(Statement {
                speaker: h.speaker,
                speaker_span: Some(h.span),
                unresolved: h.unresolved,
                cue: Some(cue),
                cues: vec![cue],
                stance,
                direct: false,
                quotes: Vec::new(),
                content,
                sentence: si,
                span,
                group: joint.then_some(*group),
                merged: Vec::new(),
            });
        }
        i = next.max(i + 1);
    }
}

/// Points each quote at the statement that holds it, and its speaker.
fn link_quotes(quotes: &mut [Quote], stmts: &[Statement]) {
    for q in quotes.iter_mut() {
        q.statement = None;
    }
    for (si, s) in stmts.iter().enumerate() {
        for &qi in &s.quotes {
            if let Some(q) = quotes.get_mut(qi) {
                q.statement = Some(si);
                q.speaker = s.speaker;
            }
        }
    }
}

/// False when the word at token `i` can start no cue: it is no reporting
/// verb and not "according", and the word after it is none of those a
/// nominal or passive cue needs ("that", "from", "by"). Asked of every
/// word outside quotes, before [`read_cue`]'s readers each look again.
fn may_cue(cx: &Cx, i: usize) -> bool {
    let (word, next) = (cx.lw(i), cx.lw(i + 1));
    word == "according" || matches!(next, "that" | "from" | "by") || lexicon::cue(word).is_some()
}

fn cover(spans: &[Span]) -> Span {
    let start = spans.iter().map(|s| s.start).min().unwrap_or(0);
    let end = spans.iter().map(|s| s.end).max().unwrap_or(start);
    Span::new(start, end)
}

type CueRead = (Vec<Hit>, Span, Stance, Span, usize);

/// Reads a cue at token `i`: its speakers, span, stance, content, and the
/// token to continue from. Three kinds, each read by its own function:
/// "according to X", a nominal cue ("Russia's claim that", "criticism
/// from Kyiv") and a reporting verb.
fn read_cue(
    cx: &mut Cx,
    i: usize,
    lo: usize,
    hi: usize,
    same_sentence: &[Statement],
    all: &[Statement],
) -> Option<CueRead> {
    let (word, next) = (cx.lw(i), cx.lw(i + 1));
    if word == "according" && next == "to" && i + 2 < hi {
        return read_according(cx, i, lo, hi, all);
    }
    if let Some(read) = read_nominal(cx, i, lo, hi, all) {
        return read;
    }
    if next == "by" && i + 2 < hi && i > lo {
        let doc = i.saturating_sub(3).max(lo);
        if document_agent(cx, doc, hi) == Some(i + 2) {
            return read_passive(cx, i, hi, all);
        }
    }
    let verb = verb_cue(cx, i, lo, hi)?;
    // Participles take the subject of their clause.
    if verb.cue.participle && !verb.aux_before {
        return read_participle(cx, i, lo, hi, &verb, same_sentence, all);
    }
    let (hits, inverted, np_start) = verb_speakers(cx, i, lo, hi, all)?;
    let after_tok = if inverted {
        hits.iter().map(|h| h.end_tok).max().unwrap_or(i + 1)
    } else {
        i + 1
    };
    let pre_end = if inverted { i } else { np_start };
    let content = verb_content(cx, i, lo, hi, &verb, pre_end, after_tok);
    let content = trim_content(cx.text, content);
    Some((hits, cx.toks[i].span, verb.cue.stance, content, after_tok))
}

/// "according to X": X's statement is the clause before, or after the comma.
fn read_according(
    cx: &mut Cx,
    i: usize,
    lo: usize,
    hi: usize,
    all: &[Statement],
) -> Option<CueRead> {
    let (text, toks) = (cx.text, cx.toks);
    let sent_end = || content_end(toks, hi);
    let cue = cx.span(i, i + 1);
    // "according to results announced by the commission": the agent.
    let hit = match document_agent(cx, i + 2, hi) {
        Some(agent) => agent_phrase(cx, agent, hi, all)?,
        None => cx.np_fwd(i + 2, hi, all)?,
    };
    let before_comma = i > lo && cx.toks[i - 1].is_punct(',');
    let content = if before_comma || i > lo {
        Span::new(
            cx.toks[after_dateline(cx, lo, i)].span.start,
            cx.toks[i - 1].span.start.max(cx.toks[lo].span.start),
        )
    } else {
        // "According to X, content."
        let comma = (hit.end_tok..hi).find(|&k| cx.toks[k].is_punct(','));
        let from = comma.map_or(hit.end_tok, |c| c + 1);
        if from >= hi {
            return None;
        }
        Span::new(cx.toks[from].span.start, sent_end())
    };
    let content = trim_content(text, content);
    let hits = with_coordinated(cx, hit, hi, all);
    Some((hits, cue, Stance::Report, content, i + 2))
}

/// Nouns for what a source puts out: "results announced by", "figures
/// released by". The source is the agent after "by", not the document.
static DOCUMENTS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "results",
        "figures",
        "data",
        "estimates",
        "report",
        "reports",
        "count",
        "tally",
        "statistics",
        "numbers",
        "projections",
        "forecast",
        "findings",
        "returns",
        "tallies",
    ])
});

/// "(provisional) results announced (late Saturday) by X" starting at
/// token `from`: the token X starts at.
fn document_agent(cx: &Cx, from: usize, hi: usize) -> Option<usize> {
    let end = (from + 8).min(hi);
    let doc = (from..end.min(from + 3)).find(|&k| DOCUMENTS.contains(cx.lw(k)))?;
    let by = (doc + 1..end).find(|&k| cx.lw(k) == "by")?;
    let passive = (doc + 1..by).all(|k| {
        let w = cx.lw(k);
        lexicon::cue(w).is_some()
            || w.ends_with("ed")
            || DAYS.contains(w)
            || SETTING.contains(w)
            || matches!(w, "late" | "early" | "overnight" | "officially")
    });
    (passive && by > doc + 1 && by + 1 < hi).then_some(by + 1)
}

/// The agent phrase starting at `from` ("the statistics office on Monday,"):
/// read back from its last word before a comma, the document's verb or a
/// time ("on Monday", "late Saturday").
fn agent_phrase(cx: &mut Cx, from: usize, hi: usize, all: &[Statement]) -> Option<Hit> {
    let stop = (from..hi)
        .find(|&k| {
            let w = cx.lw(k);
            cx.toks[k].is_punct(',') || lexicon::cue(w).is_some() || SHOWING.contains(w)
        })
        .unwrap_or(hi);
    let mut j = stop;
    while j > from + 1 && {
        let w = cx.lw(j - 1);
        DAYS.contains(w) || matches!(w, "on" | "late" | "early" | "overnight" | "last" | "this")
    } {
        j -= 1;
    }
    let mut hit = cx.np_back(j.checked_sub(1)?, from, all)?;
    hit.end_tok = hit.end_tok.max(j);
    Some(hit)
}

/// A passive cue: "Results announced by the commission on Monday indicate
/// (that) ...", "figures released by the ministry show ...": the agent
/// speaks; the content follows the verb that reports the document.
fn read_passive(cx: &mut Cx, i: usize, hi: usize, all: &[Statement]) -> Option<CueRead> {
    let hit = agent_phrase(cx, i + 2, hi, all)?;
    let mut k = hit.end_tok;
    while k < hi && (DAYS.contains(cx.lw(k)) || SETTING.contains(cx.lw(k))) {
        k += 1;
    }
    // The document's verb ("indicate", "show") and its "that".
    let verb = k < hi && (lexicon::cue(cx.lw(k)).is_some() || SHOWING.contains(cx.lw(k)));
    if !verb {
        return None;
    }
    k += 1;
    if cx.lw(k) == "that" {
        k += 1;
    }
    if k >= hi {
        return None;
    }
    let content = Span::new(cx.toks[k].span.start, content_end(cx.toks, hi));
    let content = trim_content(cx.text, content);
    let stance = lexicon::cue(cx.lw(i)).map_or(Stance::Report, |c| c.stance);
    Some((vec![hit], cx.toks[i].span, stance, content, k))
}

/// Verbs by which a document reports: "results show", "figures suggest".
static SHOWING: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "show", "shows", "suggest", "suggests", "put", "puts", "gave", "give", "indicate",
        "confirm", "reveal", "reveals",
    ])
});

/// Nominal cues: "Russia’s claim that ...", "criticism from Kyiv". Few
/// words stand where such a noun would, so the place is checked before the
/// word. `None` when the word at `i` is no nominal cue there.
fn read_nominal(
    cx: &mut Cx,
    i: usize,
    lo: usize,
    hi: usize,
    all: &[Statement],
) -> Option<Option<CueRead>> {
    let (text, toks) = (cx.text, cx.toks);
    let sent_end = || content_end(toks, hi);
    let next = cx.lw(i + 1);
    let owned_that = i > lo + 1 && cx.toks[i - 1].kind == TokKind::Possessive && next == "that";
    let sourced = next == "from" && i + 2 < hi;
    if !(owned_that || sourced) {
        return None;
    }
    let stance = lexicon::nominal_cue(cx.lw(i))?;
    let mut read = || {
        if owned_that {
            let hit = cx.np_back(i - 2, lo, all)?;
            let from = i + 2;
            if from >= hi {
                return None;
            }
            let end = (from..hi)
                .find(|&k| cx.toks[k].is_punct(',') || cx.toks[k].is_punct(';'))
                .map_or_else(sent_end, |k| cx.toks[k].span.start);
            let content = trim_content(text, Span::new(cx.toks[from].span.start, end));
            return Some((vec![hit], cx.toks[i].span, stance, content, i + 1));
        }
        if sourced {
            let hit = cx.np_fwd(i + 2, hi, all)?;
            let content = trim_content(
                text,
                Span::new(
                    cx.toks[i].span.start,
                    cx.toks[hit.end_tok.min(hi) - 1].span.end,
                ),
            );
            let hits = with_coordinated(cx, hit, hi, all);
            return Some((hits, cx.toks[i].span, stance, content, i + 1));
        }
        None
    };
    Some(read())
}

/// A reporting verb at `i` and what the words around it say of its use.
struct VerbCue {
    cue: lexicon::Cue,
    /// The "that" opening its content ("told reporters on Monday that").
    that_at: Option<usize>,
    colon: bool,
    /// "is said", "was told": an auxiliary before it.
    aux_before: bool,
}

/// Words before a cue word that make it a noun or an infinitive
/// ("following reports that", "to say").
#[rustfmt::skip]
static NOT_A_VERB_AFTER: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "to", "the", "a", "an", "following", "after", "of", "amid", "despite", "these", "those",
        "such", "his", "her", "their", "its", "by",
    ])
});

/// Verdicts a source may call something: "called the report fabricated".
static VERDICTS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "fabricated",
        "false",
        "baseless",
        "groundless",
        "unfounded",
        "lies",
        "lie",
        "propaganda",
        "absurd",
        "nonsense",
        "ridiculous",
        "outrageous",
        "unacceptable",
        "illegal",
        "fake",
        "provocation",
        "slander",
        "untrue",
    ])
});

/// The reporting verb at `i`, if the word is one and is used as one here.
fn verb_cue(cx: &Cx, i: usize, lo: usize, hi: usize) -> Option<VerbCue> {
    let l = cx.lw(i);
    let next = cx.lw(i + 1);
    let mut cue = lexicon::cue(l)?;
    // After a possessive the word is a noun: "Russia’s claims", "his remarks".
    if i > lo && cx.toks[i - 1].kind == TokKind::Possessive {
        return None;
    }
    let prev = if i > lo { cx.lw(i - 1) } else { "" };
    // A noun use or an infinitive: "following reports that", "to say".
    if NOT_A_VERB_AFTER.contains(prev) {
        return None;
    }
    let particle = particle_use(cx, l, next, i, hi, &mut cue.stance);
    let that_at = that_after(cx, l, i, hi);
    let colon = i + 1 < hi && cx.toks[i + 1].is_punct(':');
    let quote_near = (i.saturating_sub(8).max(lo)..(i + 9).min(hi)).any(|k| cx.in_quote[k]);
    // "..., reports Governor Oleg Kiper": inverted after a comma, before a name.
    let inverted_name =
        i > lo && cx.toks[i - 1].is_punct(',') && cx.people.starting_at(i + 1).is_some();
    // "a raise, which the company calls unaffordable": a relative clause.
    let relative = (i.saturating_sub(5).max(lo)..i).any(|k| matches!(cx.lw(k), "which" | "what"));
    if cue.strict
        && !(that_at.is_some() || colon || quote_near || particle || inverted_name || relative)
    {
        return None;
    }
    let aux_before = matches!(prev, "is" | "are" | "was" | "were" | "been" | "be");
    // "it is said to be the worst": a passive hearsay, no one's statement.
    if aux_before && next == "to" {
        return None;
    }
    Some(VerbCue {
        cue,
        that_at,
        colon,
        aux_before,
    })
}

/// Whether the verb `l` at `i` is used with what makes a loose verb a
/// reporting one ("called for", "called the report fabricated", "claimed
/// responsibility", "expressed concern"); "called for"/"called on" also
/// set the stance.
fn particle_use(cx: &Cx, l: &str, next: &str, i: usize, hi: usize, stance: &mut Stance) -> bool {
    let mut particle = false;
    if matches!(l, "called" | "calls" | "calling") {
        match next {
            "for" => {
                *stance = Stance::Demand;
                particle = true;
            }
            "on" => {
                *stance = Stance::Urge;
                particle = true;
            }
            _ => {}
        }
    }
    // "called the report fabricated": calling something by a verdict.
    if matches!(l, "called" | "calls" | "calling")
        && (i + 2..(i + 6).min(hi)).any(|k| VERDICTS.contains(cx.lw(k)))
    {
        particle = true;
    }
    // "claimed responsibility for the bombing".
    if matches!(l, "claimed" | "claims" | "claim") && next == "responsibility" {
        particle = true;
    }
    if matches!(l, "committed" | "expressed" | "expressing")
        && (next == "to" || i + 1 < hi && cx.toks[i + 1].kind == TokKind::Word)
    {
        particle = true;
    }
    particle
}

/// The "that" opening the content of the verb `l` at `i`, past a few words
/// of setting ("said in a statement that"). A verb of telling takes its
/// listener before "that": "told the BBC that", "warned lawmakers on
/// Monday that".
fn that_after(cx: &Cx, l: &str, i: usize, hi: usize) -> Option<usize> {
    let telling = matches!(
        l,
        "told" | "tells" | "warned" | "warns" | "assured" | "reminded" | "informed" | "urged"
    );
    (i + 1..(i + 6).min(hi))
        .take_while(|&k| {
            let w = cx.lw(k);
            w == "that"
                || SETTING.contains(w)
                || DAYS.contains(w)
                || SKIP_BACK.contains(w)
                || (telling && cx.toks[k].kind == TokKind::Word && lexicon::cue(w).is_none())
                // "posted on X that", "wrote on Telegram that", "told Reuters that"
                || (cx.toks[k].is_capitalized(cx.text)
                    && matches!(cx.lw(k - 1), "on" | "to" | "with" | "told" | "tells"))
        })
        .find(|&k| cx.lw(k) == "that" && !cx.in_quote[k])
}

/// "with X saying": the speaker phrase between "with" and the participle
/// at `i`.
fn with_subject(cx: &mut Cx, i: usize, lo: usize, all: &[Statement]) -> Option<Hit> {
    let j = i.checked_sub(1).filter(|&j| j > lo)?;
    let opens = (j.saturating_sub(6).max(lo)..j)
        .rev()
        .find(|&k| cx.lw(k) == "with")?;
    let hit = cx.np_back(j, opens + 1, all)?;
    (hit.start_tok == opens + 1).then_some(hit)
}

/// A participle ("..., saying ...") speaks for its clause's subject: the
/// speaker of the sentence's verbal cue before it, else the subject.
fn read_participle(
    cx: &mut Cx,
    i: usize,
    lo: usize,
    hi: usize,
    verb: &VerbCue,
    same_sentence: &[Statement],
    all: &[Statement],
) -> Option<CueRead> {
    let (text, toks) = (cx.text, cx.toks);
    let sent_end = || content_end(toks, hi);
    let (cue, that_at, cue_span) = (verb.cue, verb.that_at, cx.toks[i].span);
    // "..., with local officials saying ...": the phrase after "with".
    if let Some(hit) = with_subject(cx, i, lo, all) {
        let from = that_at.map_or(i + 1, |t| t + 1);
        if from >= hi {
            return None;
        }
        let content = trim_content(text, Span::new(cx.toks[from].span.start, sent_end()));
        return Some((vec![hit], cue_span, cue.stance, content, i + 1));
    }
    let verbal = same_sentence
        .iter()
        .rev()
        .find(|s| s.cue.is_some_and(|c| lexicon::cue(c.slice(text)).is_some()));
    let hit = if let Some(s) = verbal {
        s.speaker.map(|p| Hit {
            speaker: Some(p),
            span: s.speaker_span.unwrap_or(s.span),
            start_tok: i,
            end_tok: i,
            unresolved: None,
        })
    } else {
        clause_subject(cx, lo, i)
    }?;
    let from = that_at.map_or(i + 1, |t| t + 1);
    if from >= hi {
        return None;
    }
    let content = trim_content(text, Span::new(cx.toks[from].span.start, sent_end()));
    Some((vec![hit], cue_span, cue.stance, content, i + 1))
}

/// The speakers of the verb cue at `i`, whether they follow it ("said
/// Peskov"), and the token their phrase starts at.
fn verb_speakers(
    cx: &mut Cx,
    i: usize,
    lo: usize,
    hi: usize,
    all: &[Statement],
) -> Option<(Vec<Hit>, bool, usize)> {
    let mut hits = cx.speakers_back(i, lo, all);
    let mut inverted = false;
    if hits.is_empty() {
        // Inverted: "“...,” said Peskov", "..., reports Governor Oleg Kiper".
        let after_break = i > lo && {
            let p = cx.toks[i - 1];
            p.is_punct(',') || cx.in_quote[i - 1]
        };
        if after_break || i == lo {
            if let Some(h) = cx.np_fwd(i + 1, hi, all) {
                hits.push(h);
                inverted = true;
            }
        }
    }
    if hits.is_empty() {
        return None;
    }
    let mut np_start = hits.iter().map(|h| h.start_tok).min().unwrap_or(i);
    // "“...,” the central bank governor, Andrew Bailey, said": the words
    // before the name's role still belong to the speaker's phrase.
    if !inverted {
        let mut k = np_start;
        while k > lo && np_start - k < 4 {
            let t = cx.toks[k - 1];
            let l = cx.lw(k - 1);
            let modifier = t.kind == TokKind::Word
                && !cx.in_quote[k - 1]
                && (DETS.contains(l) || DESC_MODS.contains(l) || lexicon::is_role_modifier(l));
            if !modifier {
                break;
            }
            k -= 1;
        }
        let breaks = k > lo && (cx.toks[k - 1].is_punct(',') || cx.in_quote[k - 1]);
        if breaks && k < np_start {
            np_start = k;
            if let Some(h) = hits.first_mut() {
                h.start_tok = k;
                h.span.start = cx.toks[k].span.start;
            }
        }
    }
    Some((hits, inverted, np_start))
}

/// The content of the verb cue at `i`: the clause before the attribution
/// ("“...,” she said." / "..., the Air Force said."), else what follows
/// its "that", colon or the attribution.
fn verb_content(
    cx: &Cx,
    i: usize,
    lo: usize,
    hi: usize,
    verb: &VerbCue,
    pre_end: usize,
    after_tok: usize,
) -> Span {
    let sent_end = || content_end(cx.toks, hi);
    let (that_at, colon) = (verb.that_at, verb.colon);
    // Content before the attribution: "“...,” she said." / "..., the Air Force said."
    let pre_break = pre_end > lo && {
        let p = cx.toks[pre_end - 1];
        p.is_punct(',') || cx.in_quote[pre_end - 1]
    };
    let right_light = after_tok >= hi || {
        let r = cx.lw(after_tok);
        cx.toks[after_tok].is_punct(',')
            || cx.toks[after_tok].is_punct('.')
            || PREPOSITIONS.contains(r)
            || matches!(r, "aboard" | "via" | "reporters" | "journalists" | "the")
                && that_at.is_none()
    };
    if pre_break && right_light && that_at.is_none() && !colon && !lead_in(cx, lo, pre_end, hi) {
        let end = cx.toks[pre_end - 1].span.start;
        // A quote closing just before the attribution is the content.
        let q_end = if cx.in_quote[pre_end - 1] {
            cx.toks[pre_end - 1].span.end
        } else {
            end
        };
        let from = cx.toks[after_dateline(cx, lo, hi)].span.start;
        Span::new(from, q_end.max(from))
    } else {
        let from = match (that_at, colon) {
            (Some(t), _) => t + 1,
            (None, true) => i + 2,
            _ => after_tok,
        };
        if from >= hi {
            Span::new(cx.toks[hi - 1].span.end, cx.toks[hi - 1].span.end)
        } else {
            Span::new(
                cx.toks[from].span.start,
                sent_end().max(cx.toks[from].span.start),
            )
        }
    }
}

/// Whether the clause before an attribution is the sentence's lead-in
/// rather than what was said: a short opening phrase on a participle or a
/// preposition ("Speaking in Lisbon, the minister said ...", "Asked about
/// the cost, she said ...", "In Madrid, the envoy said ..."). Then the
/// content is what follows the cue.
fn lead_in(cx: &Cx, lo: usize, pre_end: usize, hi: usize) -> bool {
    let from = after_dateline(cx, lo, hi);
    if pre_end <= from + 1 || pre_end - from > 9 || cx.in_quote[from] {
        return false;
    }
    let first = cx.lw(from);
    let participle = first.len() > 4 && first.ends_with("ing")
        || matches!(first, "asked" | "pressed" | "questioned");
    let clause = from..pre_end - 1;
    participle && !clause.clone().any(|k| cx.toks[k].is_punct(','))
        || PREPOSITIONS.contains(first) && !clause.clone().any(|k| lexicon::cue(cx.w(k)).is_some())
}

/// The first speaker-like name of the clause before token `i`: the subject
/// a participle ("..., saying") refers to.
fn clause_subject(cx: &mut Cx, lo: usize, i: usize) -> Option<Hit> {
    for k in lo..i {
        if cx.in_quote[k] {
            continue;
        }
        let prev_prep = k > lo && PREPOSITIONS.contains(cx.lw(k - 1));
        if let Some(m) = cx.people.ending_at(k) {
            let start = m.extent.0.max(lo);
            let prep = start > lo && PREPOSITIONS.contains(cx.lw(start - 1));
            let possessive = cx
                .toks
                .get(k + 1)
                .is_some_and(|t| t.kind == TokKind::Possessive);
            if !prep && !possessive {
                let span = cx.span(start, k);
                cx.people.people[m.person].add_mention(span, MentionForm::Name);
                return Some(cx.hit(Some(m.person), span, start, k + 1));
            }
        }
        if let Some((c, form, s)) = people::country_ending_at(cx.text, cx.toks, k) {
            let surface = cx.span(s, k).slice(cx.text);
            let possessive = cx
                .toks
                .get(k + 1)
                .is_some_and(|t| t.kind == TokKind::Possessive);
            if (form == CountryForm::Metonym || is_country_name(surface, c))
                && !prev_prep
                && !possessive
            {
                return cx.np_back(k, lo, &[]);
            }
        }
        // "Some analysts disagreed, arguing ...": a group or body as subject.
        let l = cx.lw(k);
        let next_is_head = k + 1 < i && lexicon::institution_head(cx.lw(k + 1)).is_some();
        if lexicon::institution_head(l).is_some() && !next_is_head {
            let mut start = k;
            while start > lo {
                let p = cx.lw(start - 1);
                let modifier = DETS.contains(p)
                    || DESC_MODS.contains(p)
                    || cx.toks[start - 1].is_capitalized(cx.text)
                    || cx.toks[start - 1].kind == TokKind::Possessive;
                if !modifier {
                    break;
                }
                start -= 1;
            }
            // Not the object of a preposition, nor the second of a pair
            // ("criticism from Kyiv and European capitals").
            let prev = if start > lo { cx.lw(start - 1) } else { "" };
            let bound = PREPOSITIONS.contains(prev) || matches!(prev, "and" | "or");
            if !bound {
                return cx.np_back(k, lo, &[]);
            }
        }
    }
    None
}

/// A speaker read forwards and any joined to it by "and": "according to
/// police and witnesses", "criticism from Kyiv and European capitals".
fn with_coordinated(cx: &mut Cx, first: Hit, hi: usize, all: &[Statement]) -> Vec<Hit> {
    let mut hits = vec![first];
    for _ in 0..3 {
        let end = hits.last().map_or(hi, |h| h.end_tok);
        if end + 1 >= hi || cx.lw(end) != "and" {
            break;
        }
        match cx.np_fwd(end + 1, hi, all) {
            Some(h) if h.speaker.is_some() => hits.push(h),
            _ => break,
        }
    }
    hits
}

/// The first token after a dateline opening the sentence ("JERUSALEM
/// (Reuters) - ", "KYIV, Ukraine — "), or `lo` when there is none.
fn after_dateline(cx: &Cx, lo: usize, hi: usize) -> usize {
    let caps = |k: usize| {
        let w = cx.w(k);
        cx.toks[k].kind == TokKind::Word
            && w.chars().count() >= 2
            && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    if !(lo < hi && caps(lo)) {
        return lo;
    }
    let mut k = lo;
    let mut depth = 0;
    while k < hi && k < lo + 12 {
        let t = cx.toks[k];
        match t.kind {
            TokKind::Punct('(') => depth += 1,
            TokKind::Punct(')') => depth -= 1,
            TokKind::Punct('-' | '—' | '–') if depth == 0 => {
                return if k + 1 < hi { k + 1 } else { lo };
            }
            _ => {}
        }
        k += 1;
    }
    lo
}

/// End of a sentence's content: before its final punctuation.
fn content_end(toks: &[Token], hi: usize) -> usize {
    let mut k = hi;
    while k > 0 {
        let t = toks[k - 1];
        if matches!(t.kind, TokKind::Punct('.' | '!' | '?' | '…')) {
            k -= 1;
            continue;
        }
        break;
    }
    if k == 0 {
        return 0;
    }
    toks[k - 1].span.end
}

fn trim_content(text: &str, s: Span) -> Span {
    let slice = s.slice(text);
    let lead = slice.len()
        - slice
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';'))
            .len();
    let body = &slice[lead..];
    let body = body
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '—' | '–'));
    Span::new(s.start + lead, s.start + lead + body.len())
}

/// Content running into a later speaker's words stops before them.
fn trim_contents(cx: &Cx, stmts: &mut [Statement]) {
    // A statement never runs into its own speaker's words.
    if stmts.len() < 2 {
        return;
    }
    let starts: Vec<(usize, Option<usize>)> = stmts
        .iter()
        .filter_map(|s| s.speaker_span.map(|sp| (sp.start, s.speaker)))
        .collect();
    for s in stmts.iter_mut() {
        for &(b, who) in &starts {
            if who != s.speaker && b > s.content.start && b < s.content.end {
                let mut end = b;
                // Drop a trailing ", which" / "that" left before the next speaker.
                let head = Span::new(s.content.start, end).slice(cx.text);
                for tail in [
                    ", which", ", who", " which", " who", " that", ", and", " and", ",",
                ] {
                    if head.trim_end().ends_with(tail) {
                        end = s.content.start + head.trim_end().len() - tail.len();
                        break;
                    }
                }
                s.content = trim_content(cx.text, Span::new(s.content.start, end));
                s.span = cover(&[
                    s.speaker_span.unwrap_or(s.content),
                    s.cue.unwrap_or(s.content),
                    s.content,
                ]);
            }
        }
    }
}

/// One statement per speaker per sentence: later cues of the same speaker
/// join the first ("Macron praised ... but said ...").
fn merge_same_speaker(stmts: &mut Vec<Statement>, from: usize) {
    let mut i = from;
    while i < stmts.len() {
        let mut j = i + 1;
        while j < stmts.len() {
            let same = stmts[i].speaker.is_some()
                && stmts[i].speaker == stmts[j].speaker
                && stmts[i].sentence == stmts[j].sentence;
            if same {
                let other = stmts.remove(j);
                let s = &mut stmts[i];
                s.merged.extend(other.attributions());
                s.cues.extend(other.cues);
                s.cues.sort_by_key(|c| c.start);
                s.content = cover(&[s.content, other.content]);
                s.span = cover(&[s.span, other.span]);
                s.direct |= other.direct;
                s.quotes.extend(other.quotes);
                if s.group.is_none() {
                    s.group = other.group;
                }
            } else {
                j += 1;
            }
        }
        i += 1;
    }
}

/// Attaches each quote to a statement, or marks it scare or unattributed.
fn attach_quotes(
    cx: &mut Cx,
    paragraphs: &[Paragraph],
    quotes: &mut [Quote],
    stmts: &mut Vec<Statement>,
) {
    let mut state = Attaching {
        last_direct: None,
        cue_count: stmts.len(),
        added: FxHashMap::default(),
    };
    for qi in 0..quotes.len() {
        attach_quote(cx, paragraphs, quotes, stmts, qi, &mut state);
    }
}

/// What [`attach_quotes`] carries from one quote to the next.
struct Attaching {
    /// (paragraph, speaker) of the latest direct quote.
    last_direct: Option<(usize, Option<usize>)>,
    /// The cue statements come first, in sentence order: each quote looks
    /// only at those of its own sentences, found by binary search.
    cue_count: usize,
    /// Statements added here, indexed by (speaker, sentence).
    added: FxHashMap<(usize, usize), usize>,
}

/// Attaches quote `qi`: (a)/(b) to the attribution next to it, (c) to the
/// statement holding it, (d) to the speaker it continues, else (e) marks it.
fn attach_quote(
    cx: &Cx,
    paragraphs: &[Paragraph],
    quotes: &mut [Quote],
    stmts: &mut Vec<Statement>,
    qi: usize,
    state: &mut Attaching,
) {
    let text = cx.text;
    let q = quotes[qi].clone();
    let outer = q.outer();
    let para = paragraphs.partition_point(|p| p.span.end <= q.open.start);
    let near = near_statements(cx, &stmts[..state.cue_count], outer, q.open.start);
    // (a)/(b) Attribution right after the closing mark or before the
    // opening mark: the statement's content is this quote.
    if let Some(si) = adjacent_statement(text, quotes, &stmts[near.clone()], &q) {
        let s = &mut stmts[si + near.start];
        // A direct statement's content is its (first) quote; further
        // parts are listed in `quotes`.
        if !s.direct {
            s.content = q.span;
        }
        s.direct = true;
        s.quotes.push(qi);
        s.span = cover(&[s.span, outer]);
        quotes[qi].kind = QuoteKind::Direct;
        quotes[qi].speaker = s.speaker;
        state.last_direct = Some((para, s.speaker));
        return;
    }
    // (c) A fragment inside someone's reported speech.
    if let Some(si) = stmts[near.clone()]
        .iter()
        .position(|s| s.content.contains(q.span) || s.content.contains(outer))
        .map(|k| k + near.start)
    {
        stmts[si].quotes.push(qi);
        quotes[qi].kind = QuoteKind::Fragment;
        quotes[qi].speaker = stmts[si].speaker;
        return;
    }
    // (d) A quote continuing the previous speaker's.
    let si = super::segment::sentence_at(cx.sents, q.open.start).unwrap_or(0);
    if let Some(who) = continued_speaker(paragraphs, &q, para, state.last_direct) {
        quotes[qi].kind = QuoteKind::Direct;
        quotes[qi].speaker = Some(who);
        let existing = stmts[near.clone()]
            .iter()
            .position(|s| s.speaker == Some(who) && s.sentence == si)
            .map(|k| k + near.start)
            .or_else(|| state.added.get(&(who, si)).copied());
        if let Some(e) = existing {
            let existing = &mut stmts[e];
            existing.quotes.push(qi);
            existing.span = cover(&[existing.span, outer]);
        } else {
            state.added.insert((who, si), stmts.len());
            stmts.push(Statement::bare_quote(
                Some(who),
                None,
                qi,
                q.span,
                si,
                outer,
            ));
        }
        state.last_direct = Some((para, Some(who)));
        return;
    }
    if is_scare_quote(q.span.slice(text)) {
        quotes[qi].kind = QuoteKind::Scare;
        return;
    }
    // (e) An utterance with no attribution the text makes clear.
    quotes[qi].kind = QuoteKind::Unattributed;
    let why = Some("no attribution found for this quote".to_string());
    stmts.push(Statement::bare_quote(None, why, qi, q.span, si, outer));
    state.last_direct = Some((para, None));
}

/// The cue statements of the sentences a quote spans (opening at `open`,
/// `outer` with its marks), and of one sentence either side.
fn near_statements(cx: &Cx, cued: &[Statement], outer: Span, open: usize) -> Range<usize> {
    let s_open = super::segment::sentence_at(cx.sents, open).unwrap_or(0);
    let s_close =
        super::segment::sentence_at(cx.sents, outer.end.saturating_sub(1)).unwrap_or(s_open);
    let lo = cued.partition_point(|s| s.sentence + 1 < s_open);
    let hi = cued.partition_point(|s| s.sentence <= s_close + 1);
    lo..hi.max(lo)
}

/// The statement (of `near`) whose attribution sits right after the
/// quote's closing mark or right before its opening mark, and that holds no
/// quote but direct ones.
fn adjacent_statement(
    text: &str,
    quotes: &[Quote],
    near: &[Statement],
    q: &Quote,
) -> Option<usize> {
    let outer = q.outer();
    near.iter().position(|s| {
        let next_to = s.attributions().any(|(cue, speaker)| {
            let after = cue.start >= outer.end
                && gap_is_attribution(
                    text,
                    outer.end,
                    speaker.map_or(cue.start, |sp| sp.start.min(cue.start)),
                );
            let before = cue.end <= outer.start
                && gap_is_lead_in(
                    text,
                    speaker.map_or(cue.end, |sp| sp.end.max(cue.end)),
                    outer.start,
                    q.span.slice(text),
                );
            after || before
        });
        next_to
            && s.quotes
                .iter()
                .all(|&o| quotes[o].kind == QuoteKind::Direct)
    })
}

/// The speaker a quote in paragraph `para` goes on from: a paragraph that
/// continues a quote left open, or a further quote after an attributed one
/// in the same or the previous paragraph.
fn continued_speaker(
    paragraphs: &[Paragraph],
    q: &Quote,
    para: usize,
    last_direct: Option<(usize, Option<usize>)>,
) -> Option<usize> {
    let opens_paragraph = paragraphs
        .get(para)
        .is_some_and(|p| p.span.start == q.open.start);
    last_direct.and_then(|(p, who)| {
        let near = p == para || (opens_paragraph && p + 1 == para) || q.continues;
        (near && who.is_some()).then_some(who).flatten()
    })
}

/// A short term without sentence punctuation is a scare quote; a short
/// utterance ("We never give up,") is still an utterance.
fn is_scare_quote(quoted: &str) -> bool {
    let words = quoted.split_whitespace().count();
    let utterance = quoted.trim_end().ends_with([',', '.', '!', '?', '…']);
    words <= 3 && !utterance || words <= 1
}

/// Between a closing mark and the attribution: only "," and spaces.
fn gap_is_attribution(text: &str, from: usize, to: usize) -> bool {
    from <= to
        && text.get(from..to).is_some_and(|g| {
            g.len() < 12 && !g.contains('\n') && g.chars().all(|c| c.is_whitespace() || c == ',')
        })
}

/// Between an attribution and an opening mark: ":" or "," and perhaps a
/// few words of setting ("said on Monday:"). With no punctuation at all
/// only a whole sentence counts ("expressing “cautious optimism”" is a
/// fragment, not a quotation of the speaker).
fn gap_is_lead_in(text: &str, from: usize, to: usize, quote: &str) -> bool {
    from <= to
        && text.get(from..to).is_some_and(|g| {
            let t = g.trim();
            let punctuated = t.ends_with(':') || t.ends_with(',');
            // Counted only when it decides: the quote may be long.
            let sentence_like = || {
                quote.trim_end().ends_with(['.', '!', '?', ','])
                    && quote.split_whitespace().count() >= 6
            };
            g.len() < 40
                && !g.contains('\n')
                && (punctuated || (t.is_empty() && sentence_like()))
                && t.split_whitespace().count() <= 4
        })
}
