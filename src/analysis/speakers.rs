//! Speakers: the noun phrase that names who is speaking next to a
//! reporting cue, read backwards ("Kremlin spokesperson Dmitry Peskov
//! said", "Russia’s Defense Ministry said", "Putin, in the footage,
//! asserted") or forwards ("said Peskov", "according to regional
//! officials"), with coordination and coreference: pronouns to the latest
//! fitting speaker, role nouns ("the spokesman") to the latest person in
//! that role, institutions and groups registered as they speak.

use std::sync::LazyLock;

use super::lexicon::{self, CountryForm, WordSet};
use super::people::{self, AffiliationSource, MentionForm, People, Person, SpeakerKind};
use super::place_mentions::PlaceMentions;
use super::segment::Sentence;
use super::statement::Statement;
use super::tokens::{Lower, TokKind, Token};
use super::{Place, PlaceKind, Span};

/// A speaker found next to a cue.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub(crate) speaker: Option<usize>,
    pub(crate) span: Span,
    pub(crate) start_tok: usize,
    pub(crate) end_tok: usize,
    pub(crate) unresolved: Option<String>,
}

#[rustfmt::skip]
pub(crate) static SKIP_BACK: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "also", "however", "again", "later", "then", "previously", "repeatedly", "continually",
        "reportedly", "publicly", "once", "further", "recently", "earlier", "initially", "yet",
        "still", "already", "never", "often", "has", "have", "had", "was", "is", "were", "are",
        "will", "would", "did", "does", "do", "been", "quickly", "immediately", "separately",
        "likewise", "similarly", "subsequently", "now", "first", "frequently", "consistently",
        "openly", "flatly", "firmly", "strongly", "angrily", "sharply", "privately", "officially",
        "formally", "in", "turn", "meanwhile", "too", "himself", "herself", "itself", "themselves",
        "has", "not", "downstream", "upstream", "nearby", "abroad", "locally", "overseas",
    ])
});

#[rustfmt::skip]
pub(crate) static DAYS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "yesterday", "tonight", "weekend", "morning", "evening", "night", "afternoon", "week",
    ])
});

#[rustfmt::skip]
pub(crate) static PREPOSITIONS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "in", "from", "to", "with", "on", "at", "by", "against", "over", "for", "of", "into",
        "toward", "towards", "near", "between", "across", "through", "about", "than", "like",
        "under", "after", "before", "during", "inside", "outside", "around", "without", "within",
    ])
});

/// Lower-case words that may describe an institution or group before its head.
#[rustfmt::skip]
pub(crate) static DESC_MODS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "coast", "state", "regional", "local", "senior", "military", "top", "western", "foreign",
        "security", "defense", "defence", "emergency", "health", "interior", "air", "naval", "city",
        "provincial", "federal", "government", "party", "police", "company", "national",
        "presidential", "official", "unnamed", "other", "several", "two", "three", "many", "some",
        "european", "intelligence", "border", "energy", "finance", "foreign", "justice", "election",
        "central", "district", "municipal", "ukrainian", "russian", "allied", "opposition",
        "rescue", "medical", "hospital", "press", "news", "media", "public", "armed", "civil",
        "space", "power", "grid", "nuclear", "electoral", "supreme", "constitutional", "high",
        "general", "staff", "ministry", "army", "election", "club", "team", "league", "football",
        "tax", "trade", "economy", "investment", "central", "anonymous", "israeli", "palestinian",
        "statistics", "refugee", "county", "aid", "rights", "humanitarian", "weather", "fire",
        "transport", "education", "agriculture", "census", "labor", "labour", "ruling",
        "services", "relief", "port", "harbour", "harbor", "rail", "transit", "housing", "airport", "water", "prison", "forestry",
    ])
});

#[rustfmt::skip]
pub(crate) static DETS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "the", "a", "an", "another", "his", "her", "its", "their", "this", "that", "one", "our",
    ])
});

/// Government seats that speak as institutions rather than as the country.
#[rustfmt::skip]
pub(crate) const SEATS: &[&str] = &[
    "kremlin", "white house", "pentagon", "downing street", "élysée", "elysee", "whitehall",
];

/// The key of the government of the country or bloc `code`.
fn government_key(code: &str) -> String {
    format!("gov:{code}")
}

/// Forms that name a country (as opposed to its demonym).
pub(crate) fn is_country_name(form: &str, country: &lexicon::Country) -> bool {
    lexicon::with_lower(form, |l| {
        country.forms.first().is_some_and(|f| *f == l)
            || l.contains(' ')
            || matches!(
                l,
                "u.s."
                    | "u.s"
                    | "us"
                    | "usa"
                    | "america"
                    | "britain"
                    | "uk"
                    | "u.k."
                    | "u.k"
                    | "england"
                    | "eu"
                    | "nato"
                    | "un"
                    | "u.n."
                    | "türkiye"
                    | "czechia"
            )
    })
}

/// The last words of the outlets' names, lower-cased.
static OUTLET_ENDS: LazyLock<WordSet> = LazyLock::new(|| {
    // "france-presse" may be one token or end in "presse".
    let ends: Vec<&'static str> = OUTLETS
        .keys()
        .flat_map(|k| {
            let word = k.rsplit(' ').next().unwrap_or(k);
            [word, word.rsplit('-').next().unwrap_or(word)]
        })
        .collect();
    WordSet::new(&ends)
});

/// News agencies and outlets (data/outlets.txt), by their lower-cased name.
static OUTLETS: LazyLock<rustc_hash::FxHashMap<String, &'static str>> = LazyLock::new(|| {
    include_str!("../../data/outlets.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| (l.to_lowercase(), l))
        .collect()
});

/// Nouns that name a body only generically: "the group said" speaks for a
/// body the text names elsewhere.
const GENERIC_BODIES: &[&str] = &[
    "group",
    "organization",
    "organisation",
    "charity",
    "movement",
    "coalition",
    "watchdog",
    "monitor",
    "network",
    "outfit",
];

/// True when `p` is a body the text names properly ("Amnesty
/// International", not "group" or a government).
fn is_named_body(p: &Person) -> bool {
    // The people stage may take a body's capitalised name ("Red Cross")
    // for a person's: one with no role, gender or given name is kept.
    let org_like_name = p.kind == SpeakerKind::Person
        && p.role.is_none()
        && p.gender.is_none()
        && p.name.contains(' ')
        && !p.name.split(' ').next().is_some_and(lexicon::is_given_name);
    (p.kind == SpeakerKind::Institution || org_like_name)
        && !p.key.starts_with("gov:")
        && p.name.starts_with(|c: char| c.is_uppercase())
        && !lexicon::with_lower(&p.name, |l| GENERIC_BODIES.contains(&l))
}

/// "the Palestinian Red Crescent humanitarian group said": the proper name
/// in the words just before a generic body noun at token `head` (up to two
/// lower-case describing words between), as a token range.
fn name_before_body(cx: &Cx, head: usize, lo: usize) -> Option<(usize, usize)> {
    let mut end = head;
    while end > lo && head - end < 2 {
        let k = end - 1;
        let t = cx.toks[k];
        let l = cx.lw(k);
        if t.kind != TokKind::Word || t.is_capitalized(cx.text) || DETS.contains(l) {
            break;
        }
        if is_function_word(l) {
            return None;
        }
        end = k;
    }
    let named = |k: usize| {
        cx.toks[k].kind == TokKind::Word
            && cx.toks[k].is_capitalized(cx.text)
            && !is_function_word(cx.lw(k))
    };
    let mut start = end;
    while start > lo && end - start < 6 {
        if named(start - 1) {
            start -= 1;
        } else if start >= lo + 2
            && start < end
            && matches!(cx.lw(start - 1), "of" | "for" | "to" | "and" | "&")
            && named(start - 2)
        {
            // "Committee to Protect Journalists", "Doctors of the World".
            start -= 2;
        } else {
            break;
        }
    }
    // A name is more than a country's adjective ("A Syrian activist group").
    let proper = (start..end).any(|k| lexicon::country(cx.w(k)).is_none());
    (start < end && proper).then_some((start, end))
}

/// A statement whose speaker is a generic body noun ("the group says",
/// "the Palestinian Red Crescent humanitarian group said", "A Syrian
/// activist group says") goes to the body the text names: the proper name
/// right before the noun; else, for "a ...", the first named body of that
/// description in the next sentences; else the latest named body before.
pub(crate) fn resolve_generic_bodies(cx: &mut Cx, stmts: &mut [Statement]) {
    for si in 0..stmts.len() {
        let Some((head, lo, span)) = generic_body_said(cx, &stmts[si]) else {
            continue;
        };
        if let Some((a, b)) = name_before_body(cx, head, lo) {
            let name_span = cx.span(a, b - 1);
            let name = name_span.slice(cx.text).to_string();
            let key = name.to_lowercase();
            let q = cx.entity(|| name, &key, SpeakerKind::Institution, None, name_span);
            stmts[si].speaker = Some(q);
            continue;
        }
        // (With none, the generic noun stays the speaker: "The group denied
        // it" still answers the statement before.)
        if let Some(q) = described_body(cx, stmts, si, head, lo, span) {
            cx.people.people[q].add_mention(span, MentionForm::Descriptor);
            stmts[si].speaker = Some(q);
        }
    }
}

/// The generic body noun a statement's speaker is, where the text says it:
/// its token, the sentence's first token and the speaker's span. None for
/// other speakers, for "it said" resolved to a generic body, and for a
/// capitalised noun that is part of a name ("World Health Organization").
fn generic_body_said(cx: &Cx, stmt: &Statement) -> Option<(usize, usize, Span)> {
    let p = stmt.speaker?;
    let last = cx.people.people[p]
        .name
        .rsplit(' ')
        .next()
        .unwrap_or_default();
    if !lexicon::with_lower(last, |l| GENERIC_BODIES.contains(&l)) {
        return None;
    }
    let span = stmt.speaker_span?;
    let head = cx
        .toks
        .partition_point(|t| t.span.start < span.end)
        .saturating_sub(1);
    let (lo, _) = cx.sent_toks[stmt.sentence];
    let named = head > lo && cx.toks[head].is_capitalized(cx.text);
    (GENERIC_BODIES.contains(&cx.lw(head)) && !named).then_some((head, lo, span))
}

/// The named body a generic noun at `head` stands for: one sharing the
/// description's capitalised words ("Syrian"), among the speakers of the
/// next sentences (first for "a ...") or of the statements before, else
/// among the bodies the text named before without quoting them.
fn described_body(
    cx: &Cx,
    stmts: &[Statement],
    si: usize,
    head: usize,
    lo: usize,
    span: Span,
) -> Option<usize> {
    let desc: Vec<String> = (lo..head)
        .rev()
        .take_while(|&k| !DETS.contains(cx.lw(k)) && cx.toks[k].kind == TokKind::Word)
        .filter(|&k| cx.toks[k].is_capitalized(cx.text))
        .map(|k| cx.lw(k).to_string())
        .collect();
    let fresh = head > lo && (lo..head).any(|k| matches!(cx.lw(k), "a" | "an"));
    let here = stmts[si].sentence;
    let people = &cx.people.people;
    let fits = |q: usize| {
        is_named_body(&people[q])
            && desc
                .iter()
                .all(|d| people[q].name.to_lowercase().contains(d.as_str()))
    };
    let later = stmts[si + 1..]
        .iter()
        .take_while(|s| s.sentence <= here + 3)
        .filter_map(|s| s.speaker)
        .find(|&q| fits(q));
    let earlier = stmts[..si]
        .iter()
        .rev()
        .take(8)
        .filter_map(|s| s.speaker)
        .find(|&q| fits(q));
    let found = if fresh {
        later.or(earlier)
    } else {
        earlier.or(later)
    };
    found.or_else(|| {
        let upto = cx.people.mentions.partition_point(|m| {
            cx.toks
                .get(m.name.0)
                .is_some_and(|t| t.span.start < span.start)
        });
        cx.people.mentions[..upto]
            .iter()
            .rev()
            .take(24)
            .map(|m| m.person)
            .find(|&q| fits(q))
    })
}

/// Group nouns that speak for a state's side, so that a bare one takes the
/// side of the article's country ("Officials said" in a story set in Peru
/// are Peruvian officials). Others ("protesters", "residents") may be of
/// any side and stay as written.
const STATE_GROUPS: &[&str] = &[
    "officials",
    "authorities",
    "police",
    "prosecutors",
    "investigators",
    "ministers",
    "lawmakers",
    "forecasters",
    "regulators",
];

/// The country most of the article's places lie in, as its code and the
/// words that qualify a group noun of that side ("Ukrainian officials",
/// else "officials in the Philippines" from the gazetteer's name).
fn article_side(places: &[Place], noun: &str) -> Option<(String, String)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for pl in places {
        let Some(code) = pl.country.as_deref() else {
            continue;
        };
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += pl.mentions.len(),
            None => counts.push((code, pl.mentions.len())),
        }
    }
    // The first country named wins a tie.
    let best = counts.iter().map(|&(_, n)| n).max()?;
    let code = counts.iter().find(|&&(_, n)| n == best)?.0;
    if matches!(code, "EU" | "NATO" | "UN") {
        return None;
    }
    if let Some(c) = lexicon::country_by_code(code) {
        return Some((code.to_string(), format!("{} {noun}", c.adjective)));
    }
    let country = places
        .iter()
        .find(|pl| pl.kind == PlaceKind::Country && pl.country.as_deref() == Some(code))?;
    // "the Philippines", "the Netherlands": plural country names take "the".
    let the = if country.name.ends_with('s') {
        "the "
    } else {
        ""
    };
    Some((code.to_string(), format!("{noun} in {the}{}", country.name)))
}

/// "Authorities in New Orleans ... officials say": the place a group noun
/// of sentence `si` is tied to by "in"/"from" ("<group> in <place>"), as
/// its surface words and country.
fn group_place<'t>(cx: &Cx<'t>, si: usize) -> Option<(&'t str, Option<&'t str>)> {
    let own = cx.sents.get(si)?.span;
    let places = cx.places;
    places
        .iter()
        .filter(|pl| pl.kind != PlaceKind::Country)
        .flat_map(|pl| pl.mentions.iter().map(move |m| (pl, *m)))
        .filter(|(_, m)| own.contains(*m))
        .filter_map(|(pl, m)| {
            let k = cx.toks.partition_point(|t| t.span.start < m.start);
            let head = cx.lw(k.checked_sub(2)?);
            let bound = matches!(cx.lw(k.checked_sub(1)?), "in" | "from");
            let group = lexicon::institution_head(head) == Some(true);
            (bound && group).then(|| (m.start, m.slice(cx.text), pl.country.as_deref()))
        })
        .min_by_key(|&(start, _, _)| start)
        .map(|(_, words, code)| (words, code))
}

/// A speaker named only by a bare group noun ("Officials said",
/// "authorities say") gets the qualifier the text gives it, so a reader
/// (and the side-by-side view) can tell whose officials: the place the
/// sentence ties a group to ("officials in New Orleans"), else the side of
/// the article's country ("Philippine officials").
pub(crate) fn qualify_bare_groups(cx: &mut Cx, stmts: &[Statement]) {
    let mut done: Vec<usize> = Vec::new();
    for s in stmts {
        let Some(p) = s.speaker else { continue };
        let person = &cx.people.people[p];
        let bare = person.kind == SpeakerKind::Group
            && person.affiliation.is_none()
            && !person.name.contains(' ')
            && lexicon::with_lower(&person.name, |l| STATE_GROUPS.contains(&l));
        if !bare || done.contains(&p) {
            continue;
        }
        done.push(p);
        let noun = person.name.to_lowercase();
        if let Some((place, code)) = group_place(cx, s.sentence) {
            let person = &mut cx.people.people[p];
            person.name = format!("{noun} in {place}");
            if let Some(code) = code {
                person.set_affiliation(code.to_string(), AffiliationSource::Context);
            }
            continue;
        }
        if let Some((code, name)) = article_side(cx.places, &noun) {
            let person = &mut cx.people.people[p];
            person.name = name;
            person.set_affiliation(code, AffiliationSource::Context);
        }
    }
}

/// What [`Cx::descriptor_walk`] found left of a descriptor's head.
struct DescriptorWalk<'a> {
    /// The phrase's first token.
    k: usize,
    mods: Vec<usize>,
    aff: Option<&'static str>,
    det: Option<&'a str>,
    possessor: Option<usize>,
}

/// A descriptor noun phrase read back from its head ("the country's
/// senior military official"): see [`Cx::descriptor_back`].
pub(crate) struct Descriptor<'a> {
    j: usize,
    /// The phrase's first token.
    k: usize,
    head: &'a str,
    lhead: &'a str,
    span: Span,
    /// Modifier tokens, in text order.
    mods: Vec<usize>,
    aff: Option<&'static str>,
    det: Option<&'a str>,
    possessor: Option<usize>,
    /// An agent noun no list holds ("trader").
    unlisted: bool,
    plural: bool,
    person_role: bool,
}

pub(crate) struct Cx<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Token],
    pub(crate) sents: &'a [Sentence],
    pub(crate) places: &'a [Place],
    pub(crate) place_mentions: &'a PlaceMentions,
    /// Token range of each sentence.
    pub(crate) sent_toks: Vec<(usize, usize)>,
    /// Whether each token lies inside quotation marks.
    pub(crate) in_quote: Vec<bool>,
    /// Each token lower-cased.
    pub(crate) lower: Lower<'a>,
    pub(crate) people: &'a mut People,
}

impl<'a> Cx<'a> {
    pub(crate) fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// Token `i` lower-cased ("" past the end).
    pub(crate) fn lw(&self, i: usize) -> &'a str {
        self.lower.get(i)
    }

    pub(crate) fn span(&self, a: usize, b_incl: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b_incl].span.end)
    }

    /// The entry of `kind` with alias `key` (and side `aff`, if known) that
    /// `span` names, made if new. Its `name` is only made when needed: most
    /// entries speak again and again.
    pub(crate) fn entity(
        &mut self,
        name: impl FnOnce() -> String,
        key: &str,
        kind: SpeakerKind,
        aff: Option<&str>,
        span: Span,
    ) -> usize {
        let found = self.people.lookup(kind, key).iter().copied().find(|&i| {
            let p = &self.people.people[i];
            aff.is_none() || p.affiliation.is_none() || p.affiliation.as_deref() == aff
        });
        let people = &mut self.people;
        let i = match found {
            Some(i) => {
                // "the military" then "the Israeli military": keep the fuller name.
                if aff.is_some() && people.people[i].affiliation.is_none() {
                    let name = name();
                    if name.len() > people.people[i].name.len() {
                        people.people[i].name = name;
                    }
                }
                i
            }
            None => people.push_person(Person::new(name(), kind, key.to_string())),
        };
        let people = &mut self.people.people;
        if let Some(a) = aff.filter(|_| people[i].affiliation.is_none()) {
            people[i].set_affiliation(a.to_string(), AffiliationSource::Text);
        }
        let form = if kind == SpeakerKind::Person {
            MentionForm::Role
        } else {
            MentionForm::Descriptor
        };
        people[i].add_mention(span, form);
        i
    }

    pub(crate) fn government(&mut self, country: &lexicon::Country, span: Span) -> usize {
        let bloc = matches!(country.code, "EU" | "NATO" | "UN");
        let name = || {
            if bloc {
                country.code.to_string()
            } else {
                format!("{} government", country.adjective)
            }
        };
        let kind = if bloc {
            SpeakerKind::Institution
        } else {
            SpeakerKind::Government
        };
        let key = government_key(country.code);
        self.entity(name, &key, kind, Some(country.code), span)
    }

    /// The speaker whose noun phrase ends at token `j` (not before `lo`):
    /// the first of the rules below that reads the phrase, each one kind of
    /// noun phrase. A rule answers `Some(found)` when the phrase is its kind
    /// (`found` may still be `None`: "in Ukraine said" names no speaker),
    /// `None` to let the next rule try.
    pub(crate) fn np_back(&mut self, j: usize, lo: usize, stmts: &[Statement]) -> Option<Hit> {
        if j < lo || j >= self.toks.len() {
            return None;
        }
        type Rule<'c, 'a> = fn(&mut Cx<'a>, usize, usize, &[Statement]) -> Option<Option<Hit>>;
        let rules: [Rule<'_, 'a>; 8] = [
            Cx::np_outlet,
            Cx::np_person,
            Cx::np_pronoun,
            Cx::np_country,
            |cx, j, lo, stmts| cx.group_at_place(j, lo, stmts).map(Some),
            Cx::np_gazetteer_country,
            Cx::np_descriptor,
            Cx::np_organisation,
        ];
        rules
            .iter()
            .find_map(|rule| rule(self, j, lo, stmts))
            .flatten()
    }

    /// A news agency or outlet ending at `j` ("Xinhua", "Agence
    /// France-Presse"): the source of what it reported.
    fn np_outlet(&mut self, j: usize, lo: usize, _: &[Statement]) -> Option<Option<Hit>> {
        // Most words end no outlet's name: settled by the last word.
        if !OUTLET_ENDS.contains(self.lw(j)) {
            return None;
        }
        let end = self.toks[j].span.end;
        let (s, key) = (j.saturating_sub(3).max(lo)..=j).find_map(|s| {
            let words = Span::new(self.toks[s].span.start, end).slice(self.text);
            lexicon::with_lower(words, |w| OUTLETS.get(w).map(|&k| (s, k)))
        })?;
        let mut start = s;
        if s > lo && self.lw(s - 1) == "the" {
            start = s - 1;
        }
        let span = self.span(start, j);
        let name = || key.to_string();
        let p = self.entity(
            name,
            &key.to_lowercase(),
            SpeakerKind::Institution,
            None,
            span,
        );
        Some(Some(self.hit(Some(p), span, start, j + 1)))
    }

    /// A person the people stage found, ending at `j`.
    fn np_person(&mut self, j: usize, lo: usize, _: &[Statement]) -> Option<Option<Hit>> {
        let m = self.people.ending_at(j)?;
        let s = if m.extent.0 >= lo {
            m.extent.0
        } else {
            m.name.0.max(lo)
        };
        let span = self.span(s, j);
        if self.toks[j].is_punct(',') && j > s {
            return Some(Some(self.hit(
                Some(m.person),
                self.span(s, j - 1),
                s,
                j + 1,
            )));
        }
        Some(Some(self.hit(Some(m.person), span, s, j + 1)))
    }

    /// "he", "she", "they", "it": the speaker a pronoun refers to.
    fn np_pronoun(&mut self, j: usize, _: usize, stmts: &[Statement]) -> Option<Option<Hit>> {
        let lw = self.lw(j);
        if lw == "it" {
            if let Some(hit) = self.it_as_subject(j, stmts) {
                return Some(Some(hit));
            }
        }
        if !matches!(lw, "he" | "she" | "they" | "it") {
            return None;
        }
        let span = self.toks[j].span;
        let (speaker, why) = self.resolve_pronoun(lw, j, stmts);
        if let Some(p) = speaker {
            let person = &mut self.people.people[p];
            person.add_mention(span, MentionForm::Pronoun);
            // Learn the gender the text uses for this person.
            if person.gender.is_none() {
                person.gender = match lw {
                    "he" => Some(lexicon::Gender::Male),
                    "she" => Some(lexicon::Gender::Female),
                    _ => None,
                };
            }
        }
        Some(Some(Hit {
            speaker,
            span,
            start_tok: j,
            end_tok: j + 1,
            unresolved: why,
        }))
    }

    /// A country named or described ("Russia", "the Kremlin", "the
    /// Italian"), speaking as its government or a seat of it.
    fn np_country(&mut self, j: usize, lo: usize, _: &[Statement]) -> Option<Option<Hit>> {
        let found = people::country_ending_at(self.text, self.toks, j)?;
        Some(self.country_np(found, j, lo))
    }

    fn country_np(
        &mut self,
        (c, form, s): (&'static lexicon::Country, CountryForm, usize),
        j: usize,
        lo: usize,
    ) -> Option<Hit> {
        if s < lo {
            return None;
        }
        let surface = self.span(s, j).slice(self.text);
        let name_like = form == CountryForm::Metonym || is_country_name(surface, c);
        if !name_like {
            // "the Italian said": a person named by nationality, who
            // must be the nearest earlier person of that side. (Only
            // "S" lower-cases to "s".)
            if s > lo && self.lw(s - 1) == "the" && !surface.ends_with(['s', 'S']) {
                let span = self.span(s - 1, j);
                let upto = self.people.mentions.partition_point(|m| m.name.0 < s);
                let found = self.people.mentions[..upto]
                    .iter()
                    .rev()
                    .take(32)
                    .map(|m| m.person)
                    .find(|&p| {
                        let p = &self.people.people[p];
                        p.kind == SpeakerKind::Person && p.affiliation.as_deref() == Some(c.code)
                    });
                if let Some(p) = found {
                    self.people.people[p].add_mention(span, MentionForm::Role);
                    return Some(self.hit(Some(p), span, s - 1, j + 1));
                }
                return Some(Hit {
                    speaker: None,
                    span,
                    start_tok: s - 1,
                    end_tok: j + 1,
                    unresolved: Some(format!("no earlier person is known to be {}", c.adjective)),
                });
            }
            return None;
        }
        let mut s2 = s;
        if s > lo && self.lw(s - 1) == "the" {
            s2 = s - 1;
        }
        if s2 > lo && PREPOSITIONS.contains(self.lw(s2 - 1)) {
            return None;
        }
        let span = self.span(s2, j);
        let seat = lexicon::with_lower(surface, |key| {
            SEATS.contains(&key).then(|| {
                let name = || surface.to_string();
                self.entity(name, key, SpeakerKind::Institution, Some(c.code), span)
            })
        });
        let speaker = seat.unwrap_or_else(|| self.government(c, span));
        Some(self.hit(Some(speaker), span, s2, j + 1))
    }

    /// A country from the gazetteer speaking as its government.
    fn np_gazetteer_country(
        &mut self,
        j: usize,
        lo: usize,
        _: &[Statement],
    ) -> Option<Option<Hit>> {
        let t = self.toks[j];
        // (The first such country in `places`, as it names them.)
        let country = self
            .place_mentions
            .around(t.span)
            .filter(|&p| self.places[p].kind == PlaceKind::Country)
            .min();
        let pl = &self.places[country?];
        Some(self.gazetteer_country_np(pl, j, lo))
    }

    fn gazetteer_country_np(&mut self, pl: &'a Place, j: usize, lo: usize) -> Option<Hit> {
        let s = (lo..=j)
            .rev()
            .find(|&k| !pl.mentions.iter().any(|m| m.contains(self.toks[k].span)))
            .map_or(lo, |k| k + 1);
        if s > lo && PREPOSITIONS.contains(self.lw(s - 1)) {
            return None;
        }
        let span = self.span(s, j);
        let code = pl.country.as_deref();
        let key = government_key(code.unwrap_or(&pl.slug));
        let name = || match code.and_then(lexicon::country_by_code) {
            Some(c) => format!("{} government", c.adjective),
            None => format!("government of {}", pl.name),
        };
        let sp = self.entity(name, &key, SpeakerKind::Government, code, span);
        Some(self.hit(Some(sp), span, s, j + 1))
    }

    /// An institution, group or role noun ("the ministry", "officials",
    /// "the 35-year-old trader").
    fn np_descriptor(&mut self, j: usize, lo: usize, stmts: &[Statement]) -> Option<Option<Hit>> {
        let lw = self.lw(j);
        if lexicon::institution_head(lw).is_some()
            || lexicon::is_person_role_noun(lw)
            || (agentive(lw) && self.determined(j, lo))
        {
            return Some(self.descriptor_back(j, lo, stmts));
        }
        None
    }

    /// An organisation named by capitalised words: "Rosatom", "Amnesty
    /// International", "economists at Goldman Sachs".
    fn np_organisation(&mut self, j: usize, lo: usize, stmts: &[Statement]) -> Option<Option<Hit>> {
        let (t, lw) = (self.toks[j], self.lw(j));
        let named = t.is_capitalized(self.text)
            && !is_function_word(lw)
            && !self.place_mentions.overlap(t.span)
            && lexicon::country(self.w(j)).is_none();
        named.then(|| self.organisation_np(j, lo, stmts))
    }

    fn organisation_np(&mut self, j: usize, lo: usize, stmts: &[Statement]) -> Option<Hit> {
        let name_word =
            |k: usize| self.toks[k].is_capitalized(self.text) && !is_function_word(self.lw(k));
        let mut s = j;
        while s > lo && j - s < 7 {
            if name_word(s - 1) {
                s -= 1;
            } else if s >= lo + 2
                && matches!(self.lw(s - 1), "of" | "for" | "and" | "&")
                && name_word(s - 2)
            {
                // "Royal College of Nursing", "Bank of England".
                s -= 2;
            } else {
                break;
            }
        }
        // The name proper, without "the"; the phrase may start before it.
        let name_start = s;
        if s > lo && self.lw(s - 1) == "the" {
            s -= 1;
        }
        if s > lo && PREPOSITIONS.contains(self.lw(s - 1)) {
            // "economists at Goldman Sachs", "observers from the OSCE":
            // the people, of the body.
            let prep = self.lw(s - 1);
            if matches!(prep, "at" | "from" | "of" | "with") && s >= lo + 2 {
                let head = self.lw(s - 2);
                if lexicon::institution_head(head) == Some(true) || agentive(head) {
                    let org = self.span(name_start, j).slice(self.text).to_string();
                    let mut hit = self.descriptor_back(s - 2, lo, stmts)?;
                    if let Some(p) = hit.speaker {
                        self.people.people[p].set_affiliation(org, AffiliationSource::Text);
                    }
                    hit.span.end = self.toks[j].span.end;
                    hit.end_tok = j + 1;
                    return Some(hit);
                }
            }
            return None;
        }
        let span = self.span(s, j);
        let name = span.slice(self.text);
        let name = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
            .unwrap_or(name);
        let sp = lexicon::with_lower(name, |key| {
            let owned = || name.to_string();
            self.entity(owned, key, SpeakerKind::Institution, None, span)
        });
        Some(self.hit(Some(sp), span, s, j + 1))
    }

    /// "The navy also escorted the convoy, which it said was ...": an "it"
    /// after the sentence's subject, when that subject is a body or a
    /// government, speaks for it.
    fn it_as_subject(&mut self, j: usize, stmts: &[Statement]) -> Option<Hit> {
        let si = self.sent_toks.iter().position(|&(a, b)| a <= j && j < b)?;
        let lo = self.sent_toks[si].0;
        // A statement earlier in the sentence ("the Pentagon said it")
        // is the nearer antecedent: the pronoun rules take it.
        let said_before = stmts.iter().rev().take(4).any(|s| s.sentence == si);
        if j < lo + 2 || said_before {
            return None;
        }
        let subject = self.np_fwd(lo, j, stmts)?;
        let p = subject.speaker?;
        let person = &self.people.people[p];
        let body = matches!(
            person.kind,
            SpeakerKind::Institution | SpeakerKind::Government
        ) || is_named_body(person);
        if !body || subject.end_tok >= j || GENERIC_BODIES.contains(&self.lw(subject.end_tok - 1)) {
            return None;
        }
        let span = self.toks[j].span;
        self.people.people[p].add_mention(span, MentionForm::Pronoun);
        Some(self.hit(Some(p), span, j, j + 1))
    }

    /// "Officials in Busan said", "rescuers from Izmir said": a group noun
    /// tied by a preposition to the place ending at token `j`. A bare group
    /// noun becomes a group of that place ("officials in Busan"); a fuller
    /// one ("local officials") keeps its name and takes the place's side.
    fn group_at_place(&mut self, j: usize, lo: usize, stmts: &[Statement]) -> Option<Hit> {
        let t = self.toks[j];
        let (pl, mention) = self.place_mentions.around(t.span).find_map(|p| {
            let pl = &self.places[p];
            let m = pl.mentions.iter().find(|m| m.contains(t.span))?;
            (pl.kind != PlaceKind::Country && m.end == t.span.end).then_some((pl, *m))
        })?;
        let s = self.toks.partition_point(|t| t.span.start < mention.start);
        if s < lo + 2 || !matches!(self.lw(s - 1), "in" | "from" | "at") {
            return None;
        }
        let head = self.lw(s - 2);
        let group = lexicon::institution_head(head) == Some(true)
            || (agentive(head) && (head.ends_with('s') || head.ends_with("men")));
        if !group {
            return None;
        }
        let code = pl.country.clone();
        let mut hit = self.descriptor_back(s - 2, lo, stmts)?;
        let span = self.span(hit.start_tok, j);
        let p = hit.speaker?;
        let person = &self.people.people[p];
        if person.kind == SpeakerKind::Group && !person.name.contains(' ') {
            let name = format!(
                "{} in {}",
                person.name.to_lowercase(),
                mention.slice(self.text)
            );
            let key = name.to_lowercase();
            let aff = code.as_deref();
            let q = self.entity(|| name, &key, SpeakerKind::Group, aff, span);
            hit.speaker = Some(q);
        } else if let Some(code) = code {
            self.people.people[p].set_affiliation(code, AffiliationSource::Text);
        }
        hit.span = span;
        hit.end_tok = j + 1;
        Some(hit)
    }

    /// True when a determiner opens the noun phrase ending at `j` ("the
    /// 35-year-old trader", "some economists"), or the phrase opens the
    /// sentence.
    fn determined(&self, j: usize, lo: usize) -> bool {
        (j.saturating_sub(4).max(lo)..j).any(|k| {
            DETS.contains(self.lw(k))
                || matches!(self.lw(k), "some" | "many" | "several" | "two" | "three")
                || DESC_MODS.contains(self.lw(k))
        }) || j == lo
            // "..., while farmers said": a new clause opens with the noun.
            || (j > lo && matches!(self.lw(j - 1), "while" | "but" | "whereas" | "though"))
            || self.opens_clause(j, lo)
    }

    /// A plural noun phrase of up to three plain words that opens its clause
    /// ("Environmental activists said", "..., young farmers said"): a bare
    /// plural subject needs no determiner.
    fn opens_clause(&self, j: usize, lo: usize) -> bool {
        if !self.lw(j).ends_with('s') {
            return false;
        }
        for k in (j.saturating_sub(2).max(lo)..j).rev() {
            let l = self.lw(k);
            let plain = self.toks[k].kind == TokKind::Word
                && !self.in_quote[k]
                && !is_function_word(l)
                && !PREPOSITIONS.contains(l)
                && (k == lo || !self.toks[k].is_capitalized(self.text));
            if !plain {
                return false;
            }
            let opens = k == lo
                || self.toks[k - 1].is_punct(',')
                || matches!(
                    self.lw(k - 1),
                    "while" | "but" | "whereas" | "though" | "and"
                );
            if opens {
                return true;
            }
        }
        false
    }

    pub(crate) fn hit(
        &self,
        speaker: Option<usize>,
        span: Span,
        start_tok: usize,
        end_tok: usize,
    ) -> Hit {
        Hit {
            speaker,
            span,
            start_tok,
            end_tok,
            unresolved: None,
        }
    }

    /// An institution, group or role noun phrase ending at head token `j`:
    /// a person by role ("the spokesman", "a senior official"), a person's
    /// staff ("his office"), else a body or group ("Regional officials").
    pub(crate) fn descriptor_back(
        &mut self,
        j: usize,
        lo: usize,
        stmts: &[Statement],
    ) -> Option<Hit> {
        let d = self.descriptor_words(j, lo, stmts)?;
        if d.person_role {
            return Some(self.person_descriptor(&d, stmts));
        }
        if let Some(hit) = self.staff_descriptor(&d) {
            return Some(hit);
        }
        Some(self.body_descriptor(&d, lo))
    }

    /// The walk of [`Cx::descriptor_words`] left from head `j`: modifiers
    /// (last first), country and determiner, up to a possessor.
    fn descriptor_walk(&self, j: usize, lo: usize, stmts: &[Statement]) -> DescriptorWalk<'a> {
        let mut mods: Vec<usize> = Vec::new();
        let mut aff: Option<&'static str> = None;
        let mut det: Option<&'a str> = None;
        let mut possessor: Option<usize> = None;
        let mut k = j;
        let mut steps = 0;
        while k > lo && steps < 6 {
            steps += 1;
            let i = k - 1;
            let t = self.toks[i];
            if t.kind == TokKind::Possessive && i > lo {
                if let Some((c, _, s)) = people::country_ending_at(self.text, self.toks, i - 1) {
                    aff.get_or_insert(c.code);
                    k = s.max(lo);
                } else if let Some(m) = self.people.ending_at(i - 1) {
                    possessor = Some(m.person);
                    k = m.name.0.max(lo);
                } else {
                    k = i;
                }
                break;
            }
            if t.kind != TokKind::Word {
                break;
            }
            let l = self.lw(i);
            if DETS.contains(l) {
                det = Some(l);
                if matches!(l, "his" | "her" | "its" | "their") {
                    let pron = match l {
                        "his" => "he",
                        "her" => "she",
                        "its" => "it",
                        _ => "they",
                    };
                    possessor = self.resolve_pronoun(pron, i, stmts).0;
                }
                k = i;
                break;
            }
            if let Some((c, _, s)) = people::country_ending_at(self.text, self.toks, i) {
                if s >= lo {
                    aff.get_or_insert(c.code);
                    k = s;
                    continue;
                }
            }
            // "student leader": a person noun describing a person noun.
            let person_mod = PERSON_NOUNS.contains(l) && !l.ends_with('s');
            if (t.is_capitalized(self.text) && !is_function_word(l))
                || DESC_MODS.contains(l)
                || person_mod
            {
                mods.push(i);
                k = i;
                continue;
            }
            break;
        }
        DescriptorWalk {
            k,
            mods,
            aff,
            det,
            possessor,
        }
    }

    /// The words of the descriptor phrase ending at head `j`: its
    /// modifiers, country, determiner and possessor.
    fn descriptor_words(&self, j: usize, lo: usize, stmts: &[Statement]) -> Option<Descriptor<'a>> {
        let head = self.w(j);
        let lhead = self.lw(j);
        let DescriptorWalk {
            k,
            mut mods,
            aff,
            det,
            possessor,
        } = self.descriptor_walk(j, lo, stmts);
        if k > lo && PREPOSITIONS.contains(self.lw(k - 1)) && det.is_none() && mods.is_empty() {
            return None;
        }
        mods.reverse();
        let unlisted = lexicon::institution_head(lhead).is_none()
            && !lexicon::is_person_role_noun(lhead)
            && agentive(lhead);
        let plural = lexicon::institution_head(lhead) == Some(true)
            || (unlisted && (lhead.ends_with('s') || lhead.ends_with("men")));
        Some(Descriptor {
            j,
            k,
            head,
            lhead,
            span: self.span(k, j),
            mods,
            aff,
            det,
            possessor,
            unlisted,
            plural,
            person_role: (lexicon::is_person_role_noun(lhead) || unlisted) && !plural,
        })
    }

    /// A person named by role: the unnamed one before, the nearest earlier
    /// person in that role, a definite person by role and country, or
    /// someone new and unnamed.
    fn person_descriptor(&mut self, d: &Descriptor<'a>, stmts: &[Statement]) -> Hit {
        let (j, k, span, aff, det, possessor) = (d.j, d.k, d.span, d.aff, d.det, d.possessor);
        let (lhead, unlisted) = (d.lhead, d.unlisted);
        let (text, toks) = (self.text, self.toks);
        let mod_words = || d.mods.iter().map(|&i| toks[i].text(text));
        let adjective = aff.and_then(lexicon::country_by_code).map(|c| c.adjective);
        let fresh = matches!(det, Some("a" | "an" | "another" | "one"));
        // "the official said", "a source said": people the text never
        // names. "The official" again is the unnamed official before.
        // An unlisted agent noun ("the 35-year-old trader") introduces
        // someone new rather than pointing back to a role.
        let anonymous = matches!(lhead, "official" | "source") || unlisted;
        if anonymous && !fresh {
            let before = stmts
                .iter()
                .rev()
                .take(6)
                .filter_map(|s| s.speaker)
                .find(|&p| {
                    let p = &self.people.people[p];
                    p.key.starts_with("unnamed#")
                        && p.name.strip_suffix(lhead).is_some_and(|n| n.ends_with(' '))
                });
            if let Some(p) = before {
                self.people.people[p].add_mention(span, MentionForm::Role);
                return self.hit(Some(p), span, k, j + 1);
            }
        }
        if !fresh && !anonymous && possessor.is_none() {
            // "the spokesman said": the nearest earlier person in that role.
            let fits_side = |p: usize| {
                aff.is_none()
                    || self.people.people[p].affiliation.is_none()
                    || self.people.people[p].affiliation.as_deref() == aff
            };
            if let Some(p) = self
                .person_with_role(lhead, j, stmts)
                .filter(|&p| fits_side(p))
            {
                self.people.people[p].add_mention(span, MentionForm::Role);
                return self.hit(Some(p), span, k, j + 1);
            }
            // "Taiwan’s president said": a definite person the text
            // names only by role and country.
            if let Some(adjective) = adjective {
                let name = phrase([adjective].into_iter().chain(mod_words()).chain([lhead]));
                let key = format!("role#{}", name.to_lowercase());
                let p = self.entity(|| name, &key, SpeakerKind::Person, aff, span);
                return self.hit(Some(p), span, k, j + 1);
            }
            if det == Some("the") || det.is_none() {
                return Hit {
                    speaker: None,
                    span,
                    start_tok: k,
                    end_tok: j + 1,
                    unresolved: Some(format!("no earlier person is described as {lhead}")),
                };
            }
        }
        // "another commander", "a senior official": someone new and unnamed.
        let name = || {
            let words = ["unnamed"].into_iter().chain(adjective).chain(mod_words());
            phrase(words.chain([lhead]))
        };
        let key = format!("unnamed#{}", span.start);
        let mut inherited = None;
        if det == Some("another") && aff.is_none() {
            inherited = stmts
                .iter()
                .rev()
                .take(3)
                .filter_map(|s| s.speaker)
                .find_map(|p| self.people.people[p].affiliation.clone());
        }
        let p = self.entity(name, &key, SpeakerKind::Person, aff, span);
        if let Some(a) = inherited {
            self.people.people[p].set_affiliation(a, AffiliationSource::Context);
        }
        self.hit(Some(p), span, k, j + 1)
    }

    /// "His office", "Putin’s spokesman’s office": a person's staff speak
    /// for that person's side.
    fn staff_descriptor(&mut self, d: &Descriptor<'a>) -> Option<Hit> {
        let (j, k, span, head, lhead, plural) = (d.j, d.k, d.span, d.head, d.lhead, d.plural);
        let owner = d.possessor?;
        let o = &self.people.people[owner];
        // "His office", "Putin’s spokesman’s office": a person's staff
        // speak for that person's side. Other owners ("its allies")
        // say nothing of the group's side.
        if o.kind == SpeakerKind::Person
            && matches!(
                lhead,
                "office"
                    | "campaign"
                    | "team"
                    | "staff"
                    | "spokesperson"
                    | "spokesman"
                    | "spokeswoman"
                    | "administration"
                    | "government"
                    | "party"
                    | "lawyers"
            )
        {
            let name = match &o.role {
                Some(r) => format!("{} of the {}", head, r),
                None => format!("{} of {}", head, o.name),
            };
            let name = capitalize(&name);
            let key = format!("{}#{}", lhead, o.key);
            let a = o.affiliation.clone();
            let kind = if plural {
                SpeakerKind::Group
            } else {
                SpeakerKind::Institution
            };
            let p = self.entity(|| name, &key, kind, None, span);
            if let Some(a) = a {
                self.people.people[p].set_affiliation(a, AffiliationSource::Possessor);
            }
            return Some(self.hit(Some(p), span, k, j + 1));
        }
        None
    }

    /// A body or group: "Regional officials", "the Defense Ministry".
    fn body_descriptor(&mut self, d: &Descriptor<'a>, lo: usize) -> Hit {
        let (j, k, span, aff, head, lhead, plural) =
            (d.j, d.k, d.span, d.aff, d.head, d.lhead, d.plural);
        let mods = &d.mods;
        let (text, toks, lower) = (self.text, self.toks, self.lower);
        let adjective = aff.and_then(lexicon::country_by_code).map(|c| c.adjective);
        // A common noun capitalised only because it opens the sentence.
        let opens = j == lo || (k == lo && mods.first().is_some_and(|&m| m == lo));
        // "Regional officials said": common words, lower-cased.
        let common = opens && aff.is_none() && lexicon::institution_head(lhead) == Some(true);
        let last = if opens && (mods.is_empty() || common) {
            lhead
        } else {
            head
        };
        let name = || {
            let mod_word = |&i: &usize| {
                let l = lower.get(i);
                if common && DESC_MODS.contains(l) {
                    l
                } else {
                    toks[i].text(text)
                }
            };
            phrase(
                adjective
                    .into_iter()
                    .chain(mods.iter().map(mod_word))
                    .chain([last]),
            )
        };
        let key = phrase(mods.iter().map(|&i| lower.get(i)).chain([lhead]));
        let kind = if plural {
            SpeakerKind::Group
        } else {
            SpeakerKind::Institution
        };
        let p = self.entity(name, &key, kind, aff, span);
        self.hit(Some(p), span, k, j + 1)
    }

    /// The speaker whose noun phrase starts at token `i` (not past `hi`).
    pub(crate) fn np_fwd(&mut self, i: usize, hi: usize, stmts: &[Statement]) -> Option<Hit> {
        if i >= hi {
            return None;
        }
        if let Some(mi) = self.people.by_token.get(i).copied().flatten() {
            let m = self.people.mentions[mi];
            if m.extent.0 >= i.saturating_sub(1) || m.name.0 == i {
                let end = m.extent.1.max(m.name.1).min(hi);
                let mut last = end - 1;
                if self.toks[last].is_punct(',') && last > i {
                    last -= 1;
                }
                return Some(self.hit(Some(m.person), self.span(i, last), i, last + 1));
            }
        }
        // Walk right to the head of a descriptor or a name, then read it back.
        let mut k = i;
        while k < hi && k < i + 6 {
            let l = self.lw(k);
            // A name further on starts the phrase there (never at `i`
            // itself, which was tried above: no endless recursion).
            if k > i && self.people.by_token.get(k).copied().flatten().is_some() {
                return self.np_fwd(k, hi, stmts);
            }
            let head = lexicon::institution_head(l).is_some()
                || lexicon::is_person_role_noun(l)
                || agentive(l);
            let next_head = k + 1 < hi
                && (lexicon::institution_head(self.lw(k + 1)).is_some()
                    || lexicon::is_person_role_noun(self.lw(k + 1)));
            if head && !next_head {
                return self.np_back(k, i, stmts);
            }
            if let Some((_, _, e)) = people::country_starting_at(self.text, self.toks, k) {
                let after = e;
                let continues = after < hi
                    && (self.toks[after].kind == TokKind::Possessive
                        || lexicon::institution_head(self.lw(after)).is_some()
                        || DESC_MODS.contains(self.lw(after))
                        || self.toks[after].is_capitalized(self.text));
                if !continues {
                    return self.np_back(e - 1, i, stmts);
                }
                k = e;
                continue;
            }
            let t = self.toks[k];
            let ok = t.kind == TokKind::Possessive
                || DETS.contains(l)
                || DESC_MODS.contains(l)
                || t.is_capitalized(self.text);
            if !ok {
                break;
            }
            k += 1;
        }
        if matches!(self.lw(i), "he" | "she" | "they" | "it") {
            return self.np_back(i, i, stmts);
        }
        // A capitalised organisation name.
        let mut e = i;
        while e < hi
            && self.toks[e].is_capitalized(self.text)
            && !is_function_word(self.lw(e))
            && e < i + 4
        {
            e += 1;
        }
        if e > i {
            return self.np_back(e - 1, i, stmts);
        }
        None
    }

    /// The person "the <noun>" refers to: the latest speaker in that role,
    /// else the latest person in that role the text mentions.
    pub(crate) fn person_with_role(
        &self,
        noun: &str,
        before_tok: usize,
        stmts: &[Statement],
    ) -> Option<usize> {
        let before = self
            .toks
            .get(before_tok)
            .map_or(usize::MAX, |t| t.span.start);
        let fits = |p: &Person| {
            p.kind == SpeakerKind::Person && p.role.as_deref().is_some_and(|r| mentions(r, noun))
        };
        let recent = stmts
            .iter()
            .rev()
            .filter(|s| s.span.start < before)
            .take(8)
            .filter_map(|s| s.speaker)
            .find(|&p| fits(&self.people.people[p]));
        if recent.is_some() {
            return recent;
        }
        // Nearest earlier mention first, looking back a bounded way
        // (mentions are sorted, so the cut is a binary search).
        let upto = self.people.mentions.partition_point(|m| {
            self.toks
                .get(m.name.0)
                .is_some_and(|t| t.span.start < before)
        });
        self.people.mentions[..upto]
            .iter()
            .rev()
            .take(64)
            .map(|m| m.person)
            .find(|&p| fits(&self.people.people[p]))
    }

    /// Resolves "he", "she", "they", "it" to the nearest fitting speaker.
    pub(crate) fn resolve_pronoun(
        &self,
        pron: &str,
        at: usize,
        stmts: &[Statement],
    ) -> (Option<usize>, Option<String>) {
        let at_pos = self.toks.get(at).map_or(usize::MAX, |t| t.span.start);
        let fits = |p: &Person| match pron {
            "he" => p.kind == SpeakerKind::Person && p.gender != Some(lexicon::Gender::Female),
            "she" => p.kind == SpeakerKind::Person && p.gender != Some(lexicon::Gender::Male),
            "they" => p.kind != SpeakerKind::Person,
            _ => matches!(p.kind, SpeakerKind::Institution | SpeakerKind::Government),
        };
        let sent_of = |pos: usize| super::segment::sentence_at(self.sents, pos).unwrap_or(0);
        let here = sent_of(at_pos);
        // The latest earlier statement's speaker, within a few sentences.
        for s in stmts.iter().rev().take(12) {
            if s.span.start >= at_pos {
                continue;
            }
            if here.saturating_sub(s.sentence) > 6 {
                break;
            }
            if let Some(p) = s.speaker {
                if fits(&self.people.people[p]) {
                    return (Some(p), None);
                }
            }
        }
        // Else the subject of a recent sentence: a name that opens it.
        let upto = self.people.mentions.partition_point(|m| {
            self.toks
                .get(m.name.0)
                .is_some_and(|t| t.span.start < at_pos)
        });
        for m in self.people.mentions[..upto].iter().rev().take(16) {
            let pos = self.toks[m.extent.0].span.start;
            let si = sent_of(pos);
            if here.saturating_sub(si) > 2 {
                break;
            }
            let opens = self
                .sent_toks
                .get(si)
                .is_some_and(|&(a, _)| a == m.extent.0);
            if opens && fits(&self.people.people[m.person]) {
                return (Some(m.person), None);
            }
        }
        (
            None,
            Some(format!(
                "no earlier speaker that “{pron}” can refer to within reach"
            )),
        )
    }

    /// Skips adverbs, auxiliaries, a date and a parenthetical left of the
    /// cue at `i`; returns where the speaker's noun phrase should end.
    pub(crate) fn skip_back(&self, i: usize, lo: usize) -> Option<usize> {
        let mut j = i.checked_sub(1)?;
        let mut steps = 0;
        while j >= lo && steps < 30 {
            steps += 1;
            let l = self.lw(j);
            if SKIP_BACK.contains(l) || DAYS.contains(l) {
                if j == lo {
                    return None;
                }
                j -= 1;
                continue;
            }
            if matches!(l, "on" | "late" | "last" | "this")
                && j + 1 < i
                && DAYS.contains(self.lw(j + 1))
            {
                if j == lo {
                    return None;
                }
                j -= 1;
                continue;
            }
            if self.toks[j].is_punct(',') && self.people.ending_at(j).is_none() {
                // "..., Mike Waltz, underscored": the name before the comma.
                if j > lo && self.people.ending_at(j - 1).is_some() {
                    return Some(j - 1);
                }
                // A parenthetical: ", however," / ", in the released footage,".
                let mut p = j;
                let mut n = 0;
                while p > lo && n < 25 {
                    p -= 1;
                    n += 1;
                    if self.toks[p].is_punct(',') {
                        // A relative clause ("who asked not to be named") is
                        // about the speaker; any other reporting verb inside
                        // means the comma is no parenthesis.
                        let relative = matches!(self.lw(p + 1), "who" | "which");
                        let inner_clean = (p + 1..j).all(|q| {
                            !self.in_quote[q]
                                && (relative
                                    || lexicon::cue(self.w(q)).is_none_or(|c| c.participle))
                        });
                        return (inner_clean && p > lo).then(|| p - 1);
                    }
                }
                return None;
            }
            return Some(j);
        }
        None
    }

    /// Speakers before the cue at `i`, with coordination.
    /// "A farmer in the north says", "a supporter in the capital, Accra,
    /// says": the speaker before a short place phrase ending at `j` that
    /// names no speaker itself.
    fn before_locative(&mut self, j: usize, lo: usize, stmts: &[Statement]) -> Option<Hit> {
        let from = j.saturating_sub(4).max(lo + 1);
        let k = (from..=j)
            .rev()
            .find(|&k| matches!(self.lw(k), "in" | "at" | "from" | "near"))?;
        let plain = (k + 1..=j).all(|q| self.toks[q].kind == TokKind::Word && !self.in_quote[q]);
        if !plain || k == j {
            return None;
        }
        let mut hit = self.np_back(k - 1, lo, stmts)?;
        // Only a person or group: "the ministry in Kyiv" is read elsewhere.
        let p = hit.speaker?;
        if self.people.people[p].kind == SpeakerKind::Government {
            return None;
        }
        hit.end_tok = j + 1;
        Some(hit)
    }

    pub(crate) fn speakers_back(&mut self, i: usize, lo: usize, stmts: &[Statement]) -> Vec<Hit> {
        let Some(j) = self.skip_back(i, lo) else {
            return Vec::new();
        };
        let first = self.np_back(j, lo, stmts);
        let Some(first) = first.or_else(|| self.before_locative(j, lo, stmts)) else {
            return Vec::new();
        };
        let mut hits = vec![first];
        let mut saw_and = false;
        for _ in 0..5 {
            let a = hits.last().map_or(lo, |h| h.start_tok);
            if a <= lo {
                break;
            }
            let mut k = a - 1;
            let mut connector = false;
            if self.toks[k].is_punct(',') && k > lo {
                k -= 1;
                connector = saw_and;
            }
            let l = self.lw(k);
            if l == "and" || l == "or" {
                saw_and = true;
                connector = true;
            } else if k > lo && matches!((self.lw(k - 1), l), ("along" | "together", "with")) {
                connector = true;
                k -= 1;
            } else if k > lo + 1 && self.lw(k - 2) == "as" && self.lw(k - 1) == "well" && l == "as"
            {
                connector = true;
                k -= 2;
            } else if self.toks[k].kind == TokKind::Word {
                // A list comma without "and" yet: not a coordination.
                if !connector {
                    break;
                }
                k += 1;
            }
            if !connector || k <= lo {
                break;
            }
            let mut e = k - 1;
            if self.toks[e].is_punct(',') && e > lo {
                e -= 1;
            }
            match self.np_back(e, lo, stmts) {
                Some(h) => hits.push(h),
                None => break,
            }
        }
        // "Both X and Y".
        if let Some(h) = hits.last_mut() {
            if h.start_tok > lo && matches!(self.lw(h.start_tok - 1), "both" | "either") {
                h.start_tok -= 1;
            }
        }
        hits.reverse();
        hits.retain(|h| h.speaker.is_some() || h.unresolved.is_some());
        hits
    }
}

/// True when `role` lower-cased contains the lower-case `noun`. An ASCII
/// role is compared as it stands, ignoring ASCII case, rather than copied
/// lower-cased for each person asked about.
fn mentions(role: &str, noun: &str) -> bool {
    if role.is_ascii() {
        noun.is_empty()
            || role
                .as_bytes()
                .windows(noun.len())
                .any(|w| w.eq_ignore_ascii_case(noun.as_bytes()))
    } else {
        role.to_lowercase().contains(noun)
    }
}

/// A lower-case agent noun ("trader", "economists", "protesters",
/// "residents"): someone who does something, a possible speaker.
/// Words shaped like agent nouns that name no speaker (data/not_agent_nouns.txt).
static NOT_AGENTS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/not_agent_nouns.txt")));

/// Nouns for people with no agent-noun ending (data/person_nouns.txt).
static PERSON_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/person_nouns.txt")));

pub(crate) fn agentive(l: &str) -> bool {
    if PERSON_NOUNS.contains(l) {
        return true;
    }
    // "fishermen", "gunmen", "congressmen".
    if l.len() >= 6 && l.ends_with("men") && l.chars().all(|c| c.is_lowercase()) {
        return !matches!(l, "specimen" | "abdomen" | "regimen");
    }
    let stem = l.strip_suffix('s').unwrap_or(l);
    stem.chars().count() >= 5
        && stem.chars().all(|c| c.is_lowercase())
        && ["er", "or", "ist", "ian", "ant", "ent"]
            .iter()
            .any(|suf| stem.ends_with(suf))
        && !NOT_AGENTS.contains(stem)
}

/// Function words and months that never name a speaker (data/function_words.txt).
static FUNCTION_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/function_words.txt")));

pub(crate) fn is_function_word(l: &str) -> bool {
    FUNCTION_WORDS.contains(l)
}

/// `words` joined by spaces, as `join(" ")` would, without a `Vec` of them.
fn phrase<'w>(words: impl IntoIterator<Item = &'w str>) -> String {
    let mut out = String::new();
    for (n, w) in words.into_iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_reads_as_lower_casing_the_role() {
        for (role, noun) in [
            ("Kremlin Spokesman", "spokesman"),
            ("Foreign Minister", "minister"),
            ("Minister", "foreign minister"),
            ("Ministre des Affaires étrangères", "étrangères"),
            ("SPOKESMAN", ""),
            ("İçişleri Bakanı", "bakanı"),
        ] {
            assert_eq!(
                mentions(role, noun),
                role.to_lowercase().contains(noun),
                "{role}"
            );
        }
    }
}
