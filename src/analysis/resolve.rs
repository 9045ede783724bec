//! Stage 3: each place mention to one gazetteer entry.
//!
//! A name's candidates are scored with a population prior (log scale, so a
//! 656-person "Zaporizhzhia" never beats the city), a bonus for the
//! canonical name over an alias (Pokrovsk in Ukraine over Engels, once
//! called Pokrovsk), and the article's context: countries named or implied
//! (by demonyms and unambiguous places), regions named ("in the Donetsk
//! region" favours its towns), the distance to the other places, cues
//! ("the region of Kursk") and qualifiers ("Odessa, Texas"). Two passes:
//! the second sees the places the first resolved.
//!
//! A mention of a capital used as an actor ("Moscow condemned") becomes a
//! metonym; a name whose only candidates are small places in countries the
//! article never touches is listed as unresolved, with the reason.

use std::borrow::Cow;
use std::fmt::Write;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::gazetteer::{Entry, Gazetteer, NameRef};
use super::lexicon::WordSet;
use super::mentions::{Candidate, Cue, Demonym, Mentions, Metonym, Unresolved};
use super::{Place, PlaceKind, Sentence, Span};

/// Below this a town needs context to be believed: GeoNames' 15,000 line,
/// less the rounding of the stored population (8 steps per factor of ten).
const SMALL_PLACE: u32 = 12_000;

/// A common English word after a locative preposition ("in Reading") is
/// believed for a city of this size without other context.
const COMMON_WORD_CITY: u32 = 100_000;

/// Output of [`resolve`]: the places, with what else the mentions found
/// (the demonyms as they were; the metonyms and unresolved names joined by
/// the mentions resolved to them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resolved {
    pub places: Vec<Place>,
    pub demonyms: Vec<Demonym>,
    pub metonyms: Vec<Metonym>,
    pub unresolved: Vec<Unresolved>,
}

/// Why a place was chosen. Kept as data while every candidate is scored in
/// every pass; only the reasons of the places reported are written out.
#[derive(Clone, Copy, Debug)]
enum Reason {
    OnlyPlace,
    /// `places` share the name; context tipped the choice, or size did.
    Shared {
        places: usize,
        by_context: bool,
    },
    /// The same name as an earlier mention marked by a cue (its span).
    SameAsCued(Span),
    NamedAsRegion,
    NamedAsCity,
    NamedAsDistrict,
    NamedAsNatural,
    /// Found by a transliteration-equivalent spelling.
    Variant,
    /// The paragraph names another place in this country.
    SameParagraph([u8; 2]),
    /// The article names this country.
    CountryNamed([u8; 2]),
    Qualified,
    /// "the Indian portion of Kashmir": that country's part of the region.
    PartOf([u8; 2]),
    ContainsNamedPlace,
    InNamedRegion,
    /// Kilometres to the nearest other place.
    Near(f32),
}

impl Reason {
    /// Appends the reason, in words, to `out`.
    fn describe(self, gaz: &Gazetteer, text: &str, out: &mut String) {
        // Writing to a `String` cannot fail.
        let _ = match self {
            Reason::OnlyPlace => out.write_str("the only place of this name"),
            Reason::Shared { places, by_context } => {
                let first_why = if by_context {
                    "chosen by context"
                } else {
                    "largest and most prominent of them"
                };
                write!(out, "{places} places share this name; {first_why}")
            }
            Reason::SameAsCued(span) => write!(out, "same as the earlier \"{}\"", span.slice(text)),
            Reason::NamedAsRegion => out.write_str("named as a region"),
            Reason::NamedAsCity => out.write_str("named as a city or town"),
            Reason::NamedAsDistrict => out.write_str("named as a district"),
            Reason::NamedAsNatural => out.write_str("named as an island or natural area"),
            Reason::Variant => out.write_str("the gazetteer spells the name differently"),
            Reason::SameParagraph(cc) => write!(
                out,
                "the paragraph names another place in {}",
                country_name(gaz, cc)
            ),
            Reason::CountryNamed(cc) => {
                write!(out, "{} is named in the article", country_name(gaz, cc))
            }
            Reason::Qualified => out.write_str("qualified by the name after the comma"),
            Reason::PartOf(cc) => write!(
                out,
                "named as the part in {} by the words before it",
                country_name(gaz, cc)
            ),
            Reason::ContainsNamedPlace => out.write_str("contains a place the article names"),
            Reason::InNamedRegion => out.write_str("lies in a region the article names"),
            Reason::Near(km) => write!(out, "{km:.0} km from another place in the article"),
        };
    }
}

/// One line for the reader from a choice's reasons, written straight into
/// one `String`.
fn describe(reasons: &[Reason], gaz: &Gazetteer, text: &str) -> String {
    let mut out = String::new();
    for (i, r) in reasons.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        r.describe(gaz, text, &mut out);
    }
    out
}

/// One scored choice for a mention.
#[derive(Clone, Debug)]
struct Choice {
    entry: u32,
    score: f32,
    second: Option<f32>,
    /// The choice's reasons, a range of [`Scratch::kept`].
    reasons: Range<usize>,
}

/// Resolves the candidates of `mentions` against `gaz`.
///
/// Takes the mentions by value: their metonyms and unresolved names are
/// moved into the result rather than copied.
///
/// ```
/// use news_atlas_analysis::{gazetteer::GAZETTEER, mentions, resolve, segment};
/// let text = "Odessa was shelled again, Ukrainian officials said.";
/// let found = mentions::find(text, &GAZETTEER);
/// let sentences = segment::segment(text).sentences;
/// let r = resolve::resolve(text, &GAZETTEER, found, &sentences);
/// assert_eq!((r.places[0].name.as_str(), r.places[0].country.as_deref()), ("Odesa", Some("UA")));
/// ```
pub fn resolve(
    text: &str,
    gaz: &Gazetteer,
    mentions: Mentions,
    sentences: &[Sentence],
) -> Resolved {
    let Mentions {
        candidates,
        demonyms,
        metonyms,
        unresolved,
    } = mentions;
    let cands = &candidates;
    let mut base_scores = Vec::new();
    let mut scored = mentions_scored(gaz, cands, &mut base_scores);
    let parts = parts_of(text, cands, &demonyms);
    for (m, part) in scored.iter_mut().zip(&parts) {
        m.part_of = part.map(|(_, cc)| cc);
        m.river = names_river(m.candidate, text);
    }

    // Country context: named countries, demonyms, places with one country.
    let mut context: FxHashMap<[u8; 2], f32> = FxHashMap::default();
    for m in &scored {
        if let Some(cc) = m.own_context {
            *context.entry(cc).or_default() += 1.0;
        }
    }
    for d in &demonyms {
        if let Some(cc) = d
            .country
            .and_then(|c| <[u8; 2]>::try_from(c.as_bytes()).ok())
        {
            *context.entry(cc).or_default() += 0.5;
        }
    }

    let sentence: Vec<Option<usize>> = cands
        .iter()
        .map(|c| super::segment::sentence_at(sentences, c.span.start))
        .collect();
    for (m, s) in scored.iter_mut().zip(&sentence) {
        m.opens_sentence = s.and_then(|s| sentences.get(s)).is_some_and(|s| {
            text.get(s.span.start..m.candidate.span.start)
                .is_some_and(|before| !before.chars().any(char::is_alphanumeric))
        });
    }
    let paragraph: Vec<usize> = sentence
        .iter()
        .map(|&s| {
            s.and_then(|s| sentences.get(s))
                .map_or(usize::MAX, |s| s.paragraph)
        })
        .collect();

    // Pass 1 with country context only; pass 2 adds regions and distance.
    let mut scratch = Scratch::default();
    let mut distances = Distances::default();
    let mut chosen: Vec<Option<Choice>> = {
        // Before any place is resolved: nothing located, no distances.
        let nowhere = Located::new(gaz, &[], cands, &mut distances);
        scored
            .iter()
            .map(|m| choose(gaz, m, cands, &context, &nowhere, &|_| false, &mut scratch))
            .collect()
    };
    for _ in 0..2 {
        let snapshot: Vec<Option<u32>> =
            chosen.iter().map(|c| c.as_ref().map(|c| c.entry)).collect();
        let located = Located::new(gaz, &snapshot, cands, &mut distances);
        // Countries of the places resolved in each paragraph: a paragraph
        // about Tbilisi means the country Georgia, one about Atlanta the
        // state, even in one text.
        let mut local: FxHashMap<(usize, [u8; 2]), u32> =
            FxHashMap::with_capacity_and_hasher(cands.len(), Default::default());
        for (i, e) in snapshot.iter().enumerate() {
            if let Some(cc) = e.and_then(|e| gaz.entries[e as usize].country) {
                *local.entry((paragraph[i], cc)).or_default() += 1;
            }
        }
        chosen = scored
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let own = snapshot[i].and_then(|e| gaz.entries[e as usize].country);
                let near = |cc: [u8; 2]| {
                    let n = local.get(&(paragraph[i], cc)).copied().unwrap_or(0);
                    n > u32::from(own == Some(cc))
                };
                choose(gaz, m, cands, &context, &located, &near, &mut scratch)
            })
            .collect();
    }

    // A name once marked by a cue keeps that meaning when repeated bare:
    // "the Donetsk region ... a line in Donetsk".
    let mut cued: FxHashMap<&str, (u32, usize)> =
        FxHashMap::with_capacity_and_hasher(cands.len(), Default::default());
    for (i, c) in cands.iter().enumerate() {
        if c.cue != Cue::None {
            if let Some(ch) = &chosen[i] {
                cued.entry(c.name.slice(text)).or_insert((ch.entry, i));
            }
        }
    }
    for (i, c) in cands.iter().enumerate() {
        if c.cue == Cue::None {
            if let Some(&(entry, from)) = cued.get(c.name.slice(text)) {
                // A district is not its town: "near Kupiansk" stays the
                // town after "the Kupiansk district".
                let town_kept = gaz.entries[entry as usize].division
                    && chosen[i]
                        .as_ref()
                        .is_some_and(|ch| gaz.entries[ch.entry as usize].kind == PlaceKind::City);
                if !town_kept && c.targets.iter().any(|t| t.entry == entry) {
                    // As sure as the cued mention, no surer.
                    if let Some(cued) = chosen[from].clone() {
                        let kept = &mut scratch.kept;
                        kept.push(Reason::SameAsCued(cands[from].span));
                        chosen[i] = Some(Choice {
                            reasons: kept.len() - 1..kept.len(),
                            ..cued
                        });
                    }
                }
            }
        }
    }

    // A town chosen in a country the article never names, when a spelling
    // variant of its name lies in one it does ("Adra" in Spain, "Adraa" in
    // Syria in a story about Syria): the context outweighs the namesake.
    if !context.is_empty() {
        // The countries the article touches: named, implied, or holding a
        // place resolved.
        let touched: Vec<[u8; 2]> = context
            .iter()
            // Named, not only implied by a demonym ("a Spanish minister").
            .filter(|(_, &w)| w >= 1.0)
            .map(|(&cc, _)| cc)
            .chain(
                chosen
                    .iter()
                    .flatten()
                    .filter_map(|ch| gaz.entries[ch.entry as usize].country),
            )
            .collect();
        for (i, c) in cands.iter().enumerate() {
            let Some(ch) = &chosen[i] else { continue };
            let e = &gaz.entries[ch.entry as usize];
            let own = e.country;
            let others_touch = |cc: [u8; 2]| {
                context.contains_key(&cc)
                    || chosen.iter().enumerate().any(|(j, o)| {
                        j != i
                            && o.as_ref().is_some_and(|o| {
                                o.entry != ch.entry
                                    && gaz.entries[o.entry as usize].country == Some(cc)
                            })
                    })
            };
            let elsewhere = e.kind == PlaceKind::City
                && e.population < 1_000_000
                && own.is_none_or(|cc| !others_touch(cc))
                && c.qualifier.is_none();
            if !elsewhere {
                continue;
            }
            let best = super::mentions::spelled_alike(gaz, c.name.slice(text))
                .into_iter()
                .map(|n| n.entry)
                // Only a spelling the scoring has not weighed already.
                .filter(|&v| !c.targets.iter().any(|t| t.entry == v))
                .filter(|&v| {
                    let o = &gaz.entries[v as usize];
                    o.country.is_some_and(|cc| touched.contains(&cc))
                        && (o.kind == e.kind || c.cue == Cue::None)
                        && same_village_name(gaz, o, c.name.slice(text))
                })
                .max_by_key(|&v| gaz.entries[v as usize].population);
            if let Some(v) = best {
                let cc = gaz.entries[v as usize].country.unwrap_or([b'?'; 2]);
                let kept = &mut scratch.kept;
                let first = kept.len();
                kept.extend([Reason::Variant, Reason::CountryNamed(cc)]);
                // Less sure than a name spelled as the gazetteer has it.
                chosen[i] = Some(Choice {
                    entry: v,
                    score: ch.score,
                    second: Some(ch.score - 2.0),
                    reasons: first..kept.len(),
                });
            }
        }
    }

    // A village found only by a spelling variant whose vowels differ
    // ("Zarivka" for a "Zorivka" the gazetteer lacks) is another village:
    // unresolved, with the look-alikes in the reason.
    let mut near_miss = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let e = chosen[i].as_ref().map(|ch| &gaz.entries[ch.entry as usize]);
        if c.variant && e.is_some_and(|e| !same_village_name(gaz, e, c.name.slice(text))) {
            chosen[i] = None;
            near_miss.push(i);
        }
    }
    let mut out = Resolved {
        places: Vec::new(),
        demonyms,
        metonyms,
        unresolved,
    };
    // Demonyms that became part of a place's mention.
    let mut absorbed: Vec<usize> = Vec::new();
    let mut by_entry: FxHashMap<u32, usize> =
        FxHashMap::with_capacity_and_hasher(cands.len(), Default::default());
    // The reasons of each place's surest mention, put in words at the end.
    let mut reasons: Vec<Range<usize>> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let Some(ch) = &chosen[i] else {
            // A common word without evidence is just the word, and so is a
            // word opening its sentence that only villages are named.
            let villages_only = c.targets.iter().all(|t| {
                let e = &gaz.entries[t.entry as usize];
                e.division || e.kind == PlaceKind::City && e.population < SMALL_PLACE
            });
            let sentence_word = scored[i].opens_sentence && villages_only;
            if !((c.common || sentence_word) && c.cue == Cue::None) {
                out.unresolved.push(Unresolved {
                    span: c.span,
                    reason: unresolved_reason(gaz, c, text, near_miss.contains(&i)),
                });
            }
            continue;
        };
        let e = &gaz.entries[ch.entry as usize];
        if e.capital && c.government_use && c.cue == Cue::None {
            out.metonyms.push(Metonym {
                span: c.name,
                refers_to: government_of(gaz, e),
                country: e.country_code().map(str::to_string),
            });
            continue;
        }
        let confidence = confidence(ch, e);
        let idx = *by_entry.entry(ch.entry).or_insert_with(|| {
            out.places.push(Place {
                slug: String::new(),
                name: gaz.name_of(e).to_string(),
                kind: e.kind,
                country: e.country_code().map(str::to_string),
                lat: f64::from(e.lat),
                lon: f64::from(e.lon),
                confidence,
                reason: String::new(),
                mentions: Vec::new(),
                sentences: Vec::new(),
            });
            reasons.push(ch.reasons.clone());
            out.places.len() - 1
        });
        let place = &mut out.places[idx];
        // The place is as sure as its surest mention.
        if confidence > place.confidence {
            place.confidence = confidence;
            reasons[idx] = ch.reasons.clone();
        }
        // "the Indian portion of Kashmir": the demonym is part of the name.
        let span = match parts[i] {
            Some((d, cc)) if e.country == Some(cc) && e.kind == PlaceKind::Region => {
                absorbed.push(d);
                Span::new(out.demonyms[d].span.start, c.span.end)
            }
            _ => c.span,
        };
        place.mentions.push(span);
        place.sentences.push(sentence[i]);
    }
    for (place, reasons) in out.places.iter_mut().zip(reasons) {
        place.reason = describe(&scratch.kept[reasons], gaz, text);
    }
    assign_slugs(&mut out.places);
    if !absorbed.is_empty() {
        let mut k = 0;
        out.demonyms.retain(|_| {
            k += 1;
            !absorbed.contains(&(k - 1))
        });
    }
    out.metonyms.sort_by_key(|m| m.span);
    out.unresolved.sort_by_key(|u| u.span);
    out
}

/// The country a mention puts in the article's context: the country it
/// names, or the one country all its places lie in, unless those are all
/// villages (a village's name is too weak to set the scene).
fn context_of(gaz: &Gazetteer, c: &Candidate) -> Option<[u8; 2]> {
    let entries = || c.targets.iter().map(|t| &gaz.entries[t.entry as usize]);
    if let Some(country) = entries().find(|e| e.kind == PlaceKind::Country) {
        return country.country;
    }
    let first = entries().next()?.country?;
    let one_country = entries().all(|e| e.country == Some(first));
    // A division's bare name is no more telling than a village's, unless
    // the text marks it ("Kurigram district") or writes it whole.
    let substantial = c.targets.iter().any(|t| {
        let e = &gaz.entries[t.entry as usize];
        if e.division {
            c.cue != Cue::None || t.primary
        } else {
            e.kind != PlaceKind::City || e.population >= SMALL_PLACE
        }
    });
    (one_country && substantial).then_some(first)
}

/// True unless `e` is a town under [`COMMON_WORD_CITY`] whose name's vowels
/// differ from `written`'s beyond the habits of transliteration: a village
/// spelled "Klishchiyivka" or "Klishchiivka" is one village, but "Zarivka"
/// is not "Zorivka" (the same count of vowel groups, each the same or a
/// usual swap). Cities and regions keep the looser match of
/// [`super::mentions::transliteration_key`] (Hassakeh, Al-Hasakah).
fn same_village_name(gaz: &Gazetteer, e: &Entry, written: &str) -> bool {
    e.kind != PlaceKind::City || e.population >= COMMON_WORD_CITY || {
        let (a, b) = (vowels(gaz.name_of(e)), vowels(written));
        a.split('-').count() == b.split('-').count()
            && a.split('-').zip(b.split('-')).all(|(x, y)| {
                // One vowel for another as transliterations swap them:
                // Arabic a/e ("Tel", "Tall"), e/i, and Ukrainian i for
                // Russian o ("Petrivka", "Petrovka").
                x == y
                    || matches!(
                        (x, y),
                        ("a", "e") | ("e", "a") | ("e", "i") | ("i", "e") | ("i", "o") | ("o", "i")
                    )
            })
    }
}

/// The vowel groups of a name, a "-" between groups: "y" and "j" count as
/// "i", a run of one vowel counts once, and letters beyond ASCII are
/// skipped ("Kamyanka" and "Kamianka" both give "a-ia-a").
fn vowels(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut in_group = false;
    for c in name.chars().filter(char::is_ascii) {
        let c = match c.to_ascii_lowercase() {
            'y' | 'j' => 'i',
            c => c,
        };
        if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') {
            if !(in_group && out.ends_with(c)) {
                out.push(c);
            }
            in_group = true;
        } else if in_group {
            out.push('-');
            in_group = false;
        }
    }
    out
}

/// True when the mention's cue word is "river" ("the Karnali river"): a
/// river is none of the towns, provinces or zones named after it.
fn names_river(c: &Candidate, text: &str) -> bool {
    c.cue == Cue::Natural
        && c.span
            .slice(text)
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("river"))
}

/// Words after a demonym that make the next name that country's part of a
/// divided region ("the Indian portion of Kashmir").
static PART_SET: LazyLock<WordSet> = LazyLock::new(|| super::mentions::place_words("part_of"));

/// For each candidate, the demonym (its index) and country when the text
/// names that country's part of the place: "the Indian portion of
/// Kashmir", "the Pakistani-controlled part of Kashmir", "Pakistani-
/// administered Kashmir". The part is a region of that country, which the
/// resolver then prefers to the parts in other countries.
fn parts_of(
    text: &str,
    cands: &[Candidate],
    demonyms: &[Demonym],
) -> Vec<Option<(usize, [u8; 2])>> {
    let mut ends: Vec<(usize, usize)> = demonyms
        .iter()
        .enumerate()
        .filter(|(_, d)| d.country.is_some())
        .map(|(i, d)| (d.span.end, i))
        .collect();
    ends.sort_unstable();
    cands
        .iter()
        .map(|c| {
            let before = c.name.start;
            // The nearest demonym ending before the name, at most 40 bytes off.
            let k = ends.partition_point(|&(end, _)| end <= before);
            let &(end, d) = ends.get(k.checked_sub(1)?)?;
            let between = text.get(end..before).filter(|b| b.len() <= 40)?;
            let cc = <[u8; 2]>::try_from(demonyms[d].country?.as_bytes()).ok()?;
            part_words(between).then_some((d, cc))
        })
        .collect()
}

/// True for the words between a demonym and a name that make a part of it:
/// " portion of ", "-controlled part of ", "-administered ".
fn part_words(between: &str) -> bool {
    let Some(rest) = between.strip_prefix('-') else {
        return between
            .strip_prefix(' ')
            .and_then(|r| r.strip_suffix(" of "))
            .is_some_and(|w| PART_SET.contains(w));
    };
    let Some((participle, rest)) = rest.split_once(' ') else {
        return false;
    };
    if rest.is_empty() {
        // "Pakistani-administered Kashmir".
        return PART_SET.contains(participle);
    }
    participle.chars().all(|c| c.is_ascii_lowercase())
        && rest
            .strip_suffix(" of ")
            .is_some_and(|w| PART_SET.contains(w))
}

/// What the places resolved so far say about where the article is.
struct Located<'g> {
    /// The entry each mention resolved to in the pass before (empty in the
    /// first pass).
    resolved: &'g [Option<u32>],
    /// The distinct places resolved that locate the article: towns,
    /// regions, facilities (not countries or continents).
    places: Vec<&'g Entry>,
    /// Kilometres from each town a mention may mean to the nearest other of
    /// `places` (see [`Distances`]).
    nearest_km: &'g FxHashMap<u32, f32>,
}

/// Kilometres from each town a mention may mean to the nearest other of
/// the places located (infinite if none): the same for every mention of a
/// name, so worked out once per pass rather than per mention, and kept
/// for the next pass, which often locates the same places.
#[derive(Default)]
struct Distances {
    /// The entries of the places located, sorted.
    located: Vec<u32>,
    nearest_km: FxHashMap<u32, f32>,
}

impl<'g> Located<'g> {
    fn new(
        gaz: &'g Gazetteer,
        resolved: &'g [Option<u32>],
        cands: &[Candidate],
        distances: &'g mut Distances,
    ) -> Located<'g> {
        let mut ids: Vec<u32> = resolved.iter().flatten().copied().collect();
        ids.sort_unstable();
        ids.dedup();
        ids.retain(|&e| {
            let e = &gaz.entries[e as usize];
            matches!(
                e.kind,
                PlaceKind::City | PlaceKind::Region | PlaceKind::Facility
            ) && e.country.is_some()
        });
        let places: Vec<&Entry> = ids.iter().map(|&e| &gaz.entries[e as usize]).collect();
        if distances.located != ids {
            distances.nearest_km = nearest_km(gaz, &places, cands);
            distances.located = ids;
        }
        Located {
            resolved,
            places,
            nearest_km: &distances.nearest_km,
        }
    }
}

/// [`Distances::nearest_km`] for the located `places`.
fn nearest_km(gaz: &Gazetteer, places: &[&Entry], cands: &[Candidate]) -> FxHashMap<u32, f32> {
    let points: Vec<Point> = places.iter().map(|e| Point::of(e)).collect();
    let targets = cands.iter().flat_map(|c| &c.targets);
    let mut nearest_km =
        FxHashMap::with_capacity_and_hasher(targets.clone().count(), Default::default());
    for t in targets {
        let e = &gaz.entries[t.entry as usize];
        if e.kind != PlaceKind::City {
            continue;
        }
        nearest_km.entry(t.entry).or_insert_with(|| {
            let here = Point::of(e);
            // The distance grows with the haversine, so the nearest place
            // is the one of least haversine: only it needs the arc sine.
            let least = places
                .iter()
                .zip(&points)
                .filter(|(o, _)| !(o.lat == e.lat && o.lon == e.lon))
                .map(|(_, &there)| haversine(here, there))
                .fold(f32::INFINITY, f32::min);
            if least.is_finite() {
                km(least)
            } else {
                f32::INFINITY
            }
        });
    }
    nearest_km
}

/// Buffers [`choose`] reuses from one mention to the next, so that scoring
/// a mention allocates nothing once they have grown.
#[derive(Default)]
struct Scratch {
    /// Each target's score, entry and range of `reasons`.
    scored: Vec<(f32, u32, Range<usize>)>,
    /// Every target's reasons, one after another.
    reasons: Vec<Reason>,
    /// The reasons of every choice made, in every pass: a [`Choice`] holds
    /// its range here rather than a `Vec` of its own.
    kept: Vec<Reason>,
}

/// One mention as [`choose`] scores it, with what no pass changes worked
/// out once rather than in each of the three passes.
struct Mention<'a> {
    candidate: &'a Candidate,
    /// The country the mention itself puts in the context ([`context_of`]):
    /// its own share is not evidence.
    own_context: Option<[u8; 2]>,
    /// Each target's [`base_score`].
    base: &'a [(f32, Option<Reason>)],
    /// "the Indian portion of Kashmir": the country whose part of a divided
    /// region the mention names ([`parts_of`]).
    part_of: Option<[u8; 2]>,
    /// "the Jhelum river": only a river (a natural place) will do, never
    /// the town or province named after it ([`names_river`]).
    river: bool,
    /// The mention opens its sentence, where any word has a capital.
    opens_sentence: bool,
}

/// The [`Mention`] of each candidate; `base` holds their base scores, one
/// after another (one buffer rather than one per mention).
fn mentions_scored<'a>(
    gaz: &Gazetteer,
    cands: &'a [Candidate],
    base: &'a mut Vec<(f32, Option<Reason>)>,
) -> Vec<Mention<'a>> {
    base.reserve(cands.iter().map(|c| c.targets.len()).sum());
    base.extend(cands.iter().flat_map(|c| {
        let largest = largest_town(gaz, c);
        c.targets
            .iter()
            .map(move |t| base_score(gaz, c, t, largest))
    }));
    let mut rest = &base[..];
    cands
        .iter()
        .map(|c| {
            let (base, more) = rest.split_at(c.targets.len());
            rest = more;
            Mention {
                candidate: c,
                own_context: context_of(gaz, c),
                base,
                part_of: None,
                river: false,
                opens_sentence: false,
            }
        })
        .collect()
}

/// The part of a target's score that no pass changes: the place's kind and
/// size, the name's standing, a capital's, and the mention's cue, with the
/// reason the cue gives.
/// The population of the largest town a candidate's name can mean.
fn largest_town(gaz: &Gazetteer, c: &Candidate) -> u32 {
    c.targets
        .iter()
        .map(|t| &gaz.entries[t.entry as usize])
        .filter(|e| e.kind == PlaceKind::City)
        .map(|e| e.population)
        .max()
        .unwrap_or(0)
}

/// `largest` is the population of the largest town of the name
/// ([`largest_town`]): a village a hundred times smaller loses to it
/// whatever the article's country, unless a qualifier or cue says which
/// ("Florence" is the Italian city in a story about Canada; "Florence,
/// Ontario" is the village).
fn base_score(gaz: &Gazetteer, c: &Candidate, t: &NameRef, largest: u32) -> (f32, Option<Reason>) {
    let e = &gaz.entries[t.entry as usize];
    let mut s = match e.kind {
        PlaceKind::Country => 20.0,
        // A sea's name outranks the provinces named after it (Egypt's
        // Red Sea Governorate) unless a cue says "governorate".
        PlaceKind::Sea => 20.0,
        PlaceKind::Facility => 16.0,
        PlaceKind::Other => 12.0,
        // A second-level division weighs less than any town under its bare
        // name ("Sylhet" is the city; "the Sylhet district" is marked), by
        // its people among divisions of one name (Fulton County, Georgia).
        PlaceKind::Region if e.division => 3.0 + 0.25 * (e.population as f32 + 1.0).ln(),
        PlaceKind::Region => {
            // A region's weight grows with its country's size, so
            // Florida is the U.S. state before the Uruguayan department.
            let cpop = e
                .country
                .and_then(|cc| gaz.country(cc))
                .map_or(0, |country| country.population);
            if e.country.is_none() {
                14.0
            } else {
                8.0 + 0.2 * (cpop as f32 + 1.0).ln()
            }
        }
        PlaceKind::City => {
            let mut s = (e.population as f32 + 1.0).ln();
            if e.population < SMALL_PLACE {
                s -= 2.0;
                if largest / 100 > e.population && c.qualifier.is_none() && c.cue == Cue::None {
                    s -= 8.0;
                }
            }
            s
        }
    };
    if t.primary {
        s += 3.0;
    }
    if e.capital {
        // A bare "Washington" or "Moscow" in the news is the capital,
        // all the more when it acts ("Washington said").
        s += if c.government_use { 8.0 } else { 2.0 };
        // A dateline names where the reporter files from: a capital first.
        if c.dateline {
            s += 4.0;
        }
    }
    let mut reason = None;
    // "Fulton County", "Kupiansk Raion": a division's full name marks it
    // as a district does.
    let cue = if e.division && t.primary && c.cue == Cue::None {
        Cue::District
    } else {
        c.cue
    };
    match (cue, e.kind) {
        (Cue::Region, PlaceKind::Region) => {
            s += 12.0;
            reason = Some(Reason::NamedAsRegion);
        }
        (Cue::Region, _) => s -= 10.0,
        (Cue::City, PlaceKind::City) => {
            s += 8.0;
            reason = Some(Reason::NamedAsCity);
        }
        (Cue::City, _) => s -= 10.0,
        (Cue::District, PlaceKind::Region | PlaceKind::Other) => {
            // A district is a division before a first-level region of the
            // same name (Bangladesh's Sylhet District, not its Sylhet
            // Division), whose base weighs more.
            s += if e.division { 24.0 } else { 12.0 };
            reason = Some(Reason::NamedAsDistrict);
        }
        (Cue::District, _) => s -= 10.0,
        (Cue::Natural, PlaceKind::Region | PlaceKind::Other | PlaceKind::Sea) => {
            s += 8.0;
            reason = Some(Reason::NamedAsNatural);
        }
        (Cue::Natural, _) => s -= 6.0,
        _ => {}
    }
    (s, reason)
}

fn choose(
    gaz: &Gazetteer,
    m: &Mention,
    cands: &[Candidate],
    context: &FxHashMap<[u8; 2], f32>,
    located: &Located,
    same_paragraph: &dyn Fn([u8; 2]) -> bool,
    scratch: &mut Scratch,
) -> Option<Choice> {
    let (c, own_context) = (m.candidate, m.own_context);
    let qualifier: Vec<&Entry> = c
        .qualifier
        .and_then(|q| {
            located
                .resolved
                .get(q)
                .copied()
                .flatten()
                .map(|e| vec![&gaz.entries[e as usize]])
        })
        .or_else(|| {
            c.qualifier.map(|q| {
                cands[q]
                    .targets
                    .iter()
                    .map(|t| &gaz.entries[t.entry as usize])
                    .collect()
            })
        })
        .unwrap_or_default();
    let Scratch {
        scored,
        reasons: all_reasons,
        kept,
    } = scratch;
    scored.clear();
    all_reasons.clear();
    for (i, t) in c.targets.iter().enumerate() {
        let e = &gaz.entries[t.entry as usize];
        let first_reason = all_reasons.len();
        let reasons = &mut *all_reasons;
        let (mut s, cue_reason) = m.base[i];
        reasons.extend(cue_reason);
        if let Some(cc) = e.country {
            if same_paragraph(cc) {
                s += 3.0;
                reasons.push(Reason::SameParagraph(cc));
            }
            let weight = context.get(&cc).copied().unwrap_or(0.0);
            let own = if own_context == Some(cc) { 1.0 } else { 0.0 };
            let weight = (weight - own).max(0.0);
            if weight > 0.0 && e.kind != PlaceKind::Country {
                // Capped: a story about the U.S. still means Paris, France.
                s += 4.0 * (weight / 2.0).min(1.0);
                reasons.push(Reason::CountryNamed(cc));
            }
            if m.part_of == Some(cc) && e.kind == PlaceKind::Region {
                s += 12.0;
                reasons.push(Reason::PartOf(cc));
            }
            if !qualifier.is_empty()
                && qualifier.iter().any(|q| {
                    q.country == Some(cc) && (q.kind != PlaceKind::Region || q.same_admin1(e))
                })
            {
                s += 12.0;
                reasons.push(Reason::Qualified);
            }
            // A region gains from the towns it holds ("Georgia" with Atlanta),
            // unless the name is also its own main city's: "Zaporizhzhia"
            // alone is the city, whatever else is near.
            let namesake_city = || {
                c.targets.iter().any(|t| {
                    let o = &gaz.entries[t.entry as usize];
                    o.kind == PlaceKind::City && o.country == e.country && o.same_admin1(e)
                })
            };
            if e.kind == PlaceKind::Region
                && !e.division
                && e.has_admin1()
                && !namesake_city()
                && located
                    .places
                    .iter()
                    .any(|o| o.kind == PlaceKind::City && o.country == Some(cc) && o.same_admin1(e))
            {
                s += 6.0;
                reasons.push(Reason::ContainsNamedPlace);
            }
            if e.kind == PlaceKind::City
                && located.places.iter().any(|o| {
                    o.kind == PlaceKind::Region
                        && !o.division
                        && o.country == Some(cc)
                        && o.has_admin1()
                        && o.same_admin1(e)
                })
            {
                s += 4.0;
                reasons.push(Reason::InNamedRegion);
            }
        }
        if e.kind == PlaceKind::City && !located.places.is_empty() {
            let nearest = located
                .nearest_km
                .get(&t.entry)
                .copied()
                .unwrap_or(f32::INFINITY);
            if nearest.is_finite() {
                let bonus = 4.0 * (-nearest / 250.0).exp();
                if bonus > 0.5 {
                    s += bonus;
                    reasons.push(Reason::Near(nearest));
                }
            }
            if c.near {
                s += 1.0;
            }
        }
        if m.river && e.kind != PlaceKind::Other {
            s -= 20.0;
        }
        scored.push((s, t.entry, first_reason..all_reasons.len()));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // The same place may come through two names of the candidate.
    scored.dedup_by_key(|s| s.1);
    let n = scored.len();
    let second = scored.get(1).map(|s| s.0);
    let (score, entry, reasons) = scored.first()?.clone();
    let reasons = &all_reasons[reasons];
    let e = &gaz.entries[entry as usize];
    // A small place in a country the article never touches is more likely
    // a word or a name than that village: unresolved, not guessed.
    let out_of_context = e.kind == PlaceKind::City
        && e.population < SMALL_PLACE
        && e.country.is_none_or(|cc| !context.contains_key(&cc))
        && c.qualifier.is_none()
        && c.cue == Cue::None;
    if out_of_context {
        return None;
    }
    // A village that opens its sentence may have its capital from that
    // alone ("Blender sales rose", "Francis spoke"): it needs a place the
    // article locates within 50 km.
    if m.opens_sentence
        && e.kind == PlaceKind::City
        && e.population < SMALL_PLACE
        && c.qualifier.is_none()
        && c.cue == Cue::None
        && !c.dateline
        && !reasons
            .iter()
            .any(|r| matches!(r, Reason::Near(km) if *km < 50.0))
    {
        return None;
    }
    // A district or an island is not the town named after it: without an
    // entry of its own it is unresolved, not put on the town.
    if matches!(c.cue, Cue::District | Cue::Natural) && e.kind == PlaceKind::City
        || m.river && e.kind != PlaceKind::Other
    {
        return None;
    }
    let in_context = e.country.is_some_and(|cc| {
        reasons
            .iter()
            .any(|r| matches!(r, Reason::SameParagraph(x) | Reason::CountryNamed(x) if *x == cc))
    });
    // A division under its bare name, unmarked ("in Kupwara"), needs what
    // a small town needs and more: its country in the article, a word that
    // is no common word, after a locative preposition or "near".
    let marked = reasons
        .iter()
        .any(|r| matches!(r, Reason::NamedAsDistrict | Reason::NamedAsRegion));
    if e.division && !marked && !(in_context && !c.common && (c.locative || c.near)) {
        return None;
    }
    // A common word ("Nice", "Time") is a place only with evidence: the
    // paragraph or the article names its country, or a locative preposition
    // puts a sizeable city there ("in Split").
    if c.common
        && e.kind != PlaceKind::Country
        && !in_context
        && !(c.locative && e.population >= COMMON_WORD_CITY)
        && e.population < 1_000_000
    {
        return None;
    }
    // A spelling variant ("Hassakeh") is believed only in a country the
    // article names, never a namesake elsewhere.
    if c.variant && !in_context {
        return None;
    }
    let summary = if n == 1 {
        Reason::OnlyPlace
    } else {
        Reason::Shared {
            places: n,
            by_context: !reasons.is_empty(),
        }
    };
    let first = kept.len();
    kept.push(summary);
    if c.variant {
        kept.push(Reason::Variant);
    }
    kept.extend_from_slice(reasons);
    Some(Choice {
        entry,
        score,
        second,
        reasons: first..kept.len(),
    })
}

/// 0.95 for the only place of its name (0.75 for a village), else from the
/// score margin over the runner-up: 0.5 at a tie, near 0.99 past ~15 points.
fn confidence(ch: &Choice, e: &Entry) -> f32 {
    let base = match ch.second {
        None => {
            if e.kind != PlaceKind::City || e.population >= SMALL_PLACE {
                0.95
            } else {
                0.75
            }
        }
        Some(second) => {
            let margin = (ch.score - second).max(0.0);
            0.5 + 0.49 * (1.0 - (-margin / 4.0).exp())
        }
    };
    (base * 100.0).round() / 100.0
}

/// A place's position for [`km`], in radians, with the cosine of its
/// latitude: worked out once per place, not once per pair of places.
#[derive(Clone, Copy, Debug)]
struct Point {
    lat: f32,
    lon: f32,
    cos_lat: f32,
}

impl Point {
    fn of(e: &Entry) -> Point {
        let lat = e.lat.to_radians();
        Point {
            lat,
            lon: e.lon.to_radians(),
            cos_lat: lat.cos(),
        }
    }
}

/// The haversine of the central angle between two places: [`km`] turns
/// it into the great-circle distance.
fn haversine(a: Point, b: Point) -> f32 {
    ((b.lat - a.lat) / 2.0).sin().powi(2)
        + a.cos_lat * b.cos_lat * ((b.lon - a.lon) / 2.0).sin().powi(2)
}

/// Great-circle distance in kilometres for a [`haversine`] `h`.
fn km(h: f32) -> f32 {
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn country_name(gaz: &Gazetteer, cc: [u8; 2]) -> Cow<'_, str> {
    gaz.country(cc).map_or_else(
        || String::from_utf8_lossy(&cc).into_owned().into(),
        |country| gaz.name_of(country).into(),
    )
}

/// "Russian government" for Moscow, "U.S. government" for Washington.
fn government_of(gaz: &Gazetteer, e: &Entry) -> String {
    match e.country_code() {
        Some("US") => "U.S. government".to_string(),
        Some("GB") => "UK government".to_string(),
        Some("BE") => "European Union institutions".to_string(),
        Some(cc) => {
            let name = e
                .country
                .map_or_else(|| cc.into(), |c| country_name(gaz, c));
            super::mentions::demonym_of(cc).map_or_else(
                || format!("government of {name}"),
                |d| format!("{d} government"),
            )
        }
        None => "government".to_string(),
    }
}

fn unresolved_reason(gaz: &Gazetteer, c: &Candidate, text: &str, near_miss: bool) -> String {
    let nearest = || {
        let mut v: Vec<String> = c
            .targets
            .iter()
            .map(|t| &gaz.entries[t.entry as usize])
            .map(|e| format!("{} ({})", gaz.name_of(e), e.country_code().unwrap_or("?")))
            .collect();
        v.sort();
        v.dedup();
        v.truncate(3);
        v.join(", ")
    };
    match c.cue {
        Cue::Natural if names_river(c, text) => {
            return format!(
                "\"{}\" names a river the gazetteer lacks; only other places of that name or \
                 spelling are known: {}",
                c.span.slice(text),
                nearest()
            )
        }
        Cue::District | Cue::Natural => {
            return format!(
                "\"{}\" names {} the gazetteer lacks; only the town of that name is known: {}",
                c.span.slice(text),
                if c.cue == Cue::District {
                    "a district"
                } else {
                    "an island or natural area"
                },
                nearest()
            )
        }
        _ if near_miss => {
            return format!(
                "\"{}\" is not in the gazetteer; the villages spelled nearly alike have other \
                 names: {}",
                c.name.slice(text),
                nearest()
            )
        }
        _ if c.variant => {
            return format!(
                "\"{}\" is not in the gazetteer; the nearest spellings are places in countries \
                 the article does not name: {}",
                c.name.slice(text),
                nearest()
            )
        }
        _ => {}
    }
    let mut small: Vec<String> = c
        .targets
        .iter()
        .map(|t| &gaz.entries[t.entry as usize])
        .map(|e| {
            format!(
                "a place of about {} in {}",
                e.population,
                e.country_code().unwrap_or("?")
            )
        })
        .collect();
    small.sort();
    small.dedup();
    small.truncate(3);
    format!(
        "\"{}\" matches only small places ({}) in countries the article does not name",
        c.name.slice(text),
        small.join(", ")
    )
}

/// URL-safe unique slugs: "donetsk-oblast", then "paris-2" on a clash.
fn assign_slugs(places: &mut [Place]) {
    for p in places.iter_mut() {
        p.slug = slug_base(&p.name);
    }
    // The second "paris" becomes "paris-2": counted by base alone, borrowed
    // from the places, then the clashes renamed.
    let mut clashes = Vec::new();
    let mut used: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(places.len(), Default::default());
    for (i, p) in places.iter().enumerate() {
        let n = used.entry(p.slug.as_str()).or_insert(0);
        *n += 1;
        if *n > 1 {
            clashes.push((i, *n));
        }
    }
    for (i, n) in clashes {
        let slug = &mut places[i].slug;
        *slug = format!("{slug}-{n}");
    }
}

/// A name in lower case, with a hyphen for each run of other characters
/// ("washington-d-c"), or "place" when nothing is left.
fn slug_base(name: &str) -> String {
    let mut base = String::with_capacity(name.len());
    let mut push = |ch: char| {
        if ch.is_alphanumeric() {
            base.push(ch);
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
    };
    for c in name.chars() {
        // ASCII, nearly every char of a name, needs no Unicode case table.
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
    let len = base.trim_end_matches('-').len();
    base.truncate(len);
    if base.is_empty() {
        base.push_str("place");
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GAZETTEER;
    use crate::{mentions, segment};

    fn run(text: &str) -> Resolved {
        let found = mentions::find(text, &GAZETTEER);
        resolve(text, &GAZETTEER, found, &segment::segment(text).sentences)
    }

    #[test]
    fn a_cue_sticks_to_later_bare_mentions() {
        let text = "Fighting in the Donetsk region went on. Towns in Donetsk were shelled.";
        let r = run(text);
        assert_eq!(r.places.len(), 1, "{:?}", r.places);
        assert_eq!(r.places[0].name, "Donetsk Oblast");
        assert_eq!(r.places[0].mentions.len(), 2);
        assert!(r.places[0].reason.contains("named as a region"));
    }

    #[test]
    fn a_capital_used_both_ways_is_a_place_and_a_metonym() {
        let text = "Moscow condemned the strike. Our reporter in Moscow saw crowds.";
        let r = run(text);
        assert_eq!(r.metonyms.len(), 1);
        assert_eq!(r.metonyms[0].refers_to, "Russian government");
        assert_eq!(r.places.len(), 1);
        assert_eq!(r.places[0].mentions.len(), 1);
    }

    #[test]
    fn villages_out_of_context_are_unresolved_with_a_reason() {
        let text = "He wrote about Pustoviitove.";
        let r = run(text);
        assert!(r.places.is_empty(), "{:?}", r.places);
        assert_eq!(r.unresolved.len(), 1);
        assert!(r.unresolved[0].reason.contains("small places"));
        // With Ukraine in the text the same village is believed.
        let r = run("He wrote about Pustoviitove in Ukraine.");
        assert_eq!(r.places[0].country.as_deref(), Some("UA"));
    }

    #[test]
    fn slugs_are_unique_and_url_safe() {
        let mut places = vec![
            Place {
                slug: String::new(),
                name: "Washington, D.C.".into(),
                kind: PlaceKind::City,
                country: Some("US".into()),
                lat: 0.0,
                lon: 0.0,
                confidence: 1.0,
                reason: String::new(),
                mentions: Vec::new(),
                sentences: Vec::new(),
            };
            2
        ];
        assign_slugs(&mut places);
        assert_eq!(places[0].slug, "washington-d-c");
        assert_eq!(places[1].slug, "washington-d-c-2");
        // Other chars lower-case as Unicode says ("İ" is "i" and a mark).
        assert_eq!(slug_base("Élysée – İzmir"), "élysée-i-zmir");
    }
}
