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

use serde::Serialize;

use super::lexicon::{self, CountryForm, Stance};
use super::people::{self, AffiliationSource, MentionForm, People, Person, SpeakerKind};
use super::quotes::{Quote, QuoteKind};
use super::segment::{Paragraph, Sentence};
use super::tokens::{TokKind, Token};
use super::{Place, PlaceKind, Span};

/// One thing someone is reported to have said.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statement {
    /// Index into `Analysis::people`; `None` when unresolved.
    pub speaker: Option<usize>,
    /// The words that name the speaker here ("she", "Russia’s Defense Ministry").
    pub speaker_span: Option<Span>,
    /// Why the speaker could not be resolved.
    pub unresolved: Option<String>,
    /// The main reporting cue; `None` for a quote continuing an earlier one.
    pub cue: Option<Span>,
    /// Every cue merged into this statement, in text order.
    pub cues: Vec<Span>,
    pub stance: Stance,
    /// True when the statement is a quotation of the speaker's own words.
    pub direct: bool,
    /// Indices into `Analysis::quotes` of the quotes this statement carries.
    pub quotes: Vec<usize>,
    /// What is reported: the quote's text for a direct statement.
    pub content: Span,
    /// Index into `Analysis::sentences` (of the cue, else of the quote).
    pub sentence: usize,
    /// The whole statement: speaker, cue, content and quote marks.
    pub span: Span,
    /// Statements made jointly ("Both Russia and Ukraine accused each
    /// other") share a group number.
    pub group: Option<usize>,
    /// Each merged cue with the words naming its speaker there, so a quote
    /// next to any of them ("“...,” he added") finds this statement.
    #[serde(skip)]
    pub(crate) attributions: Vec<(Span, Option<Span>)>,
}

/// A speaker found next to a cue.
#[derive(Clone, Debug)]
struct Hit {
    speaker: Option<usize>,
    span: Span,
    start_tok: usize,
    end_tok: usize,
    unresolved: Option<String>,
}

#[rustfmt::skip]
const SKIP_BACK: &[&str] = &[
    "also", "however", "again", "later", "then", "previously", "repeatedly", "continually",
    "reportedly", "publicly", "once", "further", "recently", "earlier", "initially", "yet",
    "still", "already", "never", "often", "has", "have", "had", "was", "is", "were", "are", "will",
    "would", "did", "does", "do", "been", "quickly", "immediately", "separately", "likewise",
    "similarly", "subsequently", "now", "first", "frequently", "consistently", "openly", "flatly",
    "firmly", "strongly", "angrily", "sharply", "privately", "officially", "formally", "in",
    "turn", "meanwhile", "too", "himself", "herself", "itself", "themselves", "has", "not",
];

/// Words that may stand between a cue and its "that": "told reporters on
/// Monday that", "said in a statement that".
#[rustfmt::skip]
const SETTING: &[&str] = &[
    "reporters", "journalists", "the", "press", "him", "her", "them", "me", "us", "a", "statement",
    "interview", "briefing", "on", "last", "this", "in", "at", "parliament", "lawmakers", "told",
    "again", "publicly", "separately", "earlier",
];

#[rustfmt::skip]
const DAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "weekend", "morning", "evening", "night", "afternoon", "week",
];

#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "in", "from", "to", "with", "on", "at", "by", "against", "over", "for", "of", "into", "toward",
    "towards", "near", "between", "across", "through", "about", "than", "like", "under", "after",
    "before", "during", "inside", "outside", "around", "without", "within",
];

/// Lower-case words that may describe an institution or group before its head.
#[rustfmt::skip]
const DESC_MODS: &[&str] = &[
    "state", "regional", "local", "senior", "military", "top", "western", "foreign", "security",
    "defense", "defence", "emergency", "health", "interior", "air", "naval", "city", "provincial",
    "federal", "government", "party", "police", "company", "national", "presidential", "official",
    "unnamed", "other", "several", "two", "three", "many", "some", "european", "intelligence",
    "border", "energy", "finance", "foreign", "justice", "election", "central", "district",
    "municipal", "ukrainian", "russian", "allied", "opposition", "rescue", "medical", "hospital",
    "press", "news", "media", "public", "armed", "civil", "space", "power", "grid", "nuclear",
    "electoral", "supreme", "constitutional", "high", "general", "staff", "ministry", "army",
    "election", "club", "team", "league", "football", "tax", "trade", "economy", "investment",
    "central", "anonymous", "israeli", "palestinian",
];

#[rustfmt::skip]
const DETS: &[&str] = &[
    "the", "a", "an", "another", "his", "her", "its", "their", "this", "that", "one", "our",
];

/// Government seats that speak as institutions rather than as the country.
#[rustfmt::skip]
const SEATS: &[&str] = &[
    "kremlin", "white house", "pentagon", "downing street", "élysée", "elysee", "whitehall",
];

/// Forms that name a country (as opposed to its demonym).
fn is_country_name(form: &str, country: &lexicon::Country) -> bool {
    let l = form.to_lowercase();
    country.forms.first().is_some_and(|f| *f == l)
        || l.contains(' ')
        || matches!(
            l.as_str(),
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
}

struct Cx<'a> {
    text: &'a str,
    toks: &'a [Token],
    sents: &'a [Sentence],
    places: &'a [Place],
    /// Token range of each sentence.
    sent_toks: Vec<(usize, usize)>,
    /// Whether each token lies inside quotation marks.
    in_quote: Vec<bool>,
    people: &'a mut People,
}

impl Cx<'_> {
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn lw(&self, i: usize) -> String {
        self.w(i).to_lowercase()
    }

    fn span(&self, a: usize, b_incl: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b_incl].span.end)
    }

    fn entity(
        &mut self,
        name: String,
        key: String,
        kind: SpeakerKind,
        aff: Option<String>,
        span: Span,
    ) -> usize {
        let found = self.people.lookup(kind, &key).iter().copied().find(|&i| {
            let p = &self.people.people[i];
            aff.is_none() || p.affiliation.is_none() || p.affiliation == aff
        });
        let i = match found {
            Some(i) => i,
            None => self.people.push_person(Person::new(name, kind, key)),
        };
        let people = &mut self.people.people;
        if let Some(a) = aff {
            people[i].set_affiliation(a, AffiliationSource::Text);
        }
        let form = if kind == SpeakerKind::Person {
            MentionForm::Role
        } else {
            MentionForm::Descriptor
        };
        people[i].add_mention(span, form);
        i
    }

    fn government(&mut self, country: &lexicon::Country, span: Span) -> usize {
        let name = if country.code == "EU" || country.code == "NATO" || country.code == "UN" {
            country.code.to_string()
        } else {
            format!("{} government", country.adjective)
        };
        let kind = if matches!(country.code, "EU" | "NATO" | "UN") {
            SpeakerKind::Institution
        } else {
            SpeakerKind::Government
        };
        self.entity(
            name,
            format!("gov:{}", country.code),
            kind,
            Some(country.code.to_string()),
            span,
        )
    }

    /// The speaker whose noun phrase ends at token `j` (not before `lo`).
    fn np_back(&mut self, j: usize, lo: usize, stmts: &[Statement]) -> Option<Hit> {
        if j < lo || j >= self.toks.len() {
            return None;
        }
        if let Some(m) = self.people.ending_at(j) {
            let s = if m.extent.0 >= lo {
                m.extent.0
            } else {
                m.name.0.max(lo)
            };
            let span = self.span(s, j);
            if self.toks[j].is_punct(',') && j > s {
                return Some(self.hit(Some(m.person), self.span(s, j - 1), s, j + 1));
            }
            return Some(self.hit(Some(m.person), span, s, j + 1));
        }
        let lw = self.lw(j);
        if matches!(lw.as_str(), "he" | "she" | "they" | "it") {
            let span = self.toks[j].span;
            let (speaker, why) = self.resolve_pronoun(&lw, j, stmts);
            if let Some(p) = speaker {
                let person = &mut self.people.people[p];
                person.add_mention(span, MentionForm::Pronoun);
                // Learn the gender the text uses for this person.
                if person.gender.is_none() {
                    person.gender = match lw.as_str() {
                        "he" => Some(lexicon::Gender::Male),
                        "she" => Some(lexicon::Gender::Female),
                        _ => None,
                    };
                }
            }
            return Some(Hit {
                speaker,
                span,
                start_tok: j,
                end_tok: j + 1,
                unresolved: why,
            });
        }
        if let Some((c, form, s)) = people::country_ending_at(self.text, self.toks, j) {
            if s < lo {
                return None;
            }
            let surface = self.span(s, j).slice(self.text).to_lowercase();
            let name_like = form == CountryForm::Metonym || is_country_name(&surface, c);
            if !name_like {
                // "the Italian said": a person named by nationality, who
                // must be the nearest earlier person of that side.
                if s > lo && self.lw(s - 1) == "the" && !surface.ends_with('s') {
                    let span = self.span(s - 1, j);
                    let upto = self.people.mentions.partition_point(|m| m.name.0 < s);
                    let found = self.people.mentions[..upto]
                        .iter()
                        .rev()
                        .take(32)
                        .map(|m| m.person)
                        .find(|&p| {
                            let p = &self.people.people[p];
                            p.kind == SpeakerKind::Person
                                && p.affiliation.as_deref() == Some(c.code)
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
                        unresolved: Some(format!(
                            "no earlier person is known to be {}",
                            c.adjective
                        )),
                    });
                }
                return None;
            }
            let mut s2 = s;
            if s > lo && self.lw(s - 1) == "the" {
                s2 = s - 1;
            }
            if s2 > lo && PREPOSITIONS.contains(&self.lw(s2 - 1).as_str()) {
                return None;
            }
            let span = self.span(s2, j);
            let speaker = if SEATS.contains(&surface.as_str()) {
                let name = self.span(s, j).slice(self.text).to_string();
                self.entity(
                    name,
                    surface.clone(),
                    SpeakerKind::Institution,
                    Some(c.code.into()),
                    span,
                )
            } else {
                self.government(c, span)
            };
            return Some(self.hit(Some(speaker), span, s2, j + 1));
        }
        // A country from the gazetteer speaking as its government.
        let t = self.toks[j];
        if let Some(pl) = self
            .places
            .iter()
            .find(|p| p.kind == PlaceKind::Country && p.mentions.iter().any(|m| m.contains(t.span)))
        {
            let s = (lo..=j)
                .rev()
                .find(|&k| !pl.mentions.iter().any(|m| m.contains(self.toks[k].span)))
                .map_or(lo, |k| k + 1);
            if s > lo && PREPOSITIONS.contains(&self.lw(s - 1).as_str()) {
                return None;
            }
            let span = self.span(s, j);
            let code = pl.country.clone();
            let key = format!("gov:{}", code.clone().unwrap_or_else(|| pl.slug.clone()));
            let name = match code.as_deref().and_then(lexicon::country_by_code) {
                Some(c) => format!("{} government", c.adjective),
                None => format!("government of {}", pl.name),
            };
            let sp = self.entity(name, key, SpeakerKind::Government, code, span);
            return Some(self.hit(Some(sp), span, s, j + 1));
        }
        if lexicon::institution_head(&lw).is_some() || lexicon::is_person_role_noun(&lw) {
            return self.descriptor_back(j, lo, stmts);
        }
        // An organisation named by capitalised words: "Rosatom", "Amnesty International".
        if t.is_capitalized(self.text)
            && !is_function_word(&lw)
            && !people::in_place(self.places, t.span)
            && lexicon::country(self.w(j)).is_none()
        {
            let name_word =
                |k: usize| self.toks[k].is_capitalized(self.text) && !is_function_word(&self.lw(k));
            let mut s = j;
            while s > lo && j - s < 7 {
                if name_word(s - 1) {
                    s -= 1;
                } else if s >= lo + 2
                    && matches!(self.lw(s - 1).as_str(), "of" | "for" | "and" | "&")
                    && name_word(s - 2)
                {
                    // "Royal College of Nursing", "Bank of England".
                    s -= 2;
                } else {
                    break;
                }
            }
            if s > lo && PREPOSITIONS.contains(&self.lw(s - 1).as_str()) {
                return None;
            }
            if s > lo && self.lw(s - 1) == "the" {
                s -= 1;
            }
            let span = self.span(s, j);
            let name = span.slice(self.text);
            let name = name
                .strip_prefix("the ")
                .or_else(|| name.strip_prefix("The "))
                .unwrap_or(name)
                .to_string();
            let key = name.to_lowercase();
            let sp = self.entity(name, key, SpeakerKind::Institution, None, span);
            return Some(self.hit(Some(sp), span, s, j + 1));
        }
        None
    }

    fn hit(&self, speaker: Option<usize>, span: Span, start_tok: usize, end_tok: usize) -> Hit {
        Hit {
            speaker,
            span,
            start_tok,
            end_tok,
            unresolved: None,
        }
    }

    /// An institution, group or role noun phrase ending at head token `j`.
    fn descriptor_back(&mut self, j: usize, lo: usize, stmts: &[Statement]) -> Option<Hit> {
        let head = self.w(j).to_string();
        let lhead = head.to_lowercase();
        let mut mods: Vec<usize> = Vec::new();
        let mut aff: Option<String> = None;
        let mut det: Option<String> = None;
        let mut possessor: Option<usize> = None;
        let mut k = j;
        let mut steps = 0;
        while k > lo && steps < 6 {
            steps += 1;
            let i = k - 1;
            let t = self.toks[i];
            if t.kind == TokKind::Possessive && i > lo {
                if let Some((c, _, s)) = people::country_ending_at(self.text, self.toks, i - 1) {
                    aff.get_or_insert(c.code.to_string());
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
            let l = t.text(self.text).to_lowercase();
            if DETS.contains(&l.as_str()) {
                det = Some(l.clone());
                if matches!(l.as_str(), "his" | "her" | "its" | "their") {
                    let pron = match l.as_str() {
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
                    aff.get_or_insert(c.code.to_string());
                    k = s;
                    continue;
                }
            }
            if (t.is_capitalized(self.text) && !is_function_word(&l))
                || DESC_MODS.contains(&l.as_str())
            {
                mods.push(i);
                k = i;
                continue;
            }
            break;
        }
        if k > lo
            && PREPOSITIONS.contains(&self.lw(k - 1).as_str())
            && det.is_none()
            && mods.is_empty()
        {
            return None;
        }
        mods.reverse();
        let span = self.span(k, j);
        let mod_text: Vec<String> = mods.iter().map(|&i| self.w(i).to_string()).collect();
        let plural = lexicon::institution_head(&lhead) == Some(true);
        let person_role = lexicon::is_person_role_noun(&lhead) && !plural;
        if person_role {
            let fresh = matches!(det.as_deref(), Some("a" | "an" | "another" | "one"));
            // "the official said", "a source said": people the text never
            // names. "The official" again is the unnamed official before.
            let anonymous = matches!(lhead.as_str(), "official" | "source");
            if anonymous && !fresh {
                let suffix = format!(" {lhead}");
                let before = stmts
                    .iter()
                    .rev()
                    .take(6)
                    .filter_map(|s| s.speaker)
                    .find(|&p| {
                        let p = &self.people.people[p];
                        p.key.starts_with("unnamed#") && p.name.ends_with(&suffix)
                    });
                if let Some(p) = before {
                    self.people.people[p].add_mention(span, MentionForm::Role);
                    return Some(self.hit(Some(p), span, k, j + 1));
                }
            }
            if !fresh && !anonymous && possessor.is_none() {
                // "the spokesman said": the nearest earlier person in that role.
                if let Some(p) = self.person_with_role(&lhead, j, stmts) {
                    self.people.people[p].add_mention(span, MentionForm::Role);
                    return Some(self.hit(Some(p), span, k, j + 1));
                }
                if det.as_deref() == Some("the") || det.is_none() {
                    return Some(Hit {
                        speaker: None,
                        span,
                        start_tok: k,
                        end_tok: j + 1,
                        unresolved: Some(format!("no earlier person is described as {lhead}")),
                    });
                }
            }
            // "another commander", "a senior official": someone new and unnamed.
            let mut words = vec!["unnamed".to_string()];
            if let Some(a) = aff.as_deref().and_then(lexicon::country_by_code) {
                words.push(a.adjective.to_string());
            }
            words.extend(mod_text.iter().cloned());
            words.push(lhead.clone());
            let name = words.join(" ");
            let key = format!("unnamed#{}", span.start);
            let mut inherited = None;
            if det.as_deref() == Some("another") && aff.is_none() {
                inherited = stmts
                    .iter()
                    .rev()
                    .take(3)
                    .filter_map(|s| s.speaker)
                    .find_map(|p| self.people.people[p].affiliation.clone());
            }
            let p = self.entity(name, key, SpeakerKind::Person, aff, span);
            if let Some(a) = inherited {
                self.people.people[p].set_affiliation(a, AffiliationSource::Context);
            }
            return Some(self.hit(Some(p), span, k, j + 1));
        }
        if let Some(owner) = possessor {
            let o = &self.people.people[owner];
            // "His office", "Putin’s spokesman’s office": a person's staff
            // speak for that person's side. Other owners ("its allies")
            // say nothing of the group's side.
            if o.kind == SpeakerKind::Person
                && matches!(
                    lhead.as_str(),
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
                let p = self.entity(name, key, kind, None, span);
                if let Some(a) = a {
                    self.people.people[p].set_affiliation(a, AffiliationSource::Possessor);
                }
                return Some(self.hit(Some(p), span, k, j + 1));
            }
        }
        let mut words: Vec<String> = Vec::new();
        if let Some(a) = aff.as_deref().and_then(lexicon::country_by_code) {
            words.push(a.adjective.to_string());
        }
        words.extend(mod_text.iter().cloned());
        // A common noun capitalised only because it opens the sentence.
        let opens = j == lo || (k == lo && mods.first().is_some_and(|&m| m == lo));
        if opens && mods.is_empty() {
            words.push(lhead.clone());
        } else if opens && aff.is_none() && lexicon::institution_head(&lhead) == Some(true) {
            // "Regional officials said": common words, lower-cased.
            for w in words.iter_mut() {
                if DESC_MODS.contains(&w.to_lowercase().as_str()) {
                    *w = w.to_lowercase();
                }
            }
            words.push(lhead.clone());
        } else {
            words.push(head.clone());
        }
        let name = words.join(" ");
        let mut key_words: Vec<String> = mod_text.iter().map(|m| m.to_lowercase()).collect();
        key_words.push(lhead.clone());
        let key = key_words.join(" ");
        let kind = if plural {
            SpeakerKind::Group
        } else {
            SpeakerKind::Institution
        };
        let p = self.entity(name, key, kind, aff, span);
        Some(self.hit(Some(p), span, k, j + 1))
    }

    /// The speaker whose noun phrase starts at token `i` (not past `hi`).
    fn np_fwd(&mut self, i: usize, hi: usize, stmts: &[Statement]) -> Option<Hit> {
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
            if self.people.by_token.get(k).copied().flatten().is_some() {
                return self.np_fwd(k, hi, stmts);
            }
            let head = lexicon::institution_head(&l).is_some() || lexicon::is_person_role_noun(&l);
            let next_head = k + 1 < hi
                && (lexicon::institution_head(&self.lw(k + 1)).is_some()
                    || lexicon::is_person_role_noun(&self.lw(k + 1)));
            if head && !next_head {
                return self.np_back(k, i, stmts);
            }
            if let Some((_, _, e)) = people::country_starting_at(self.text, self.toks, k) {
                let after = e;
                let continues = after < hi
                    && (self.toks[after].kind == TokKind::Possessive
                        || lexicon::institution_head(&self.lw(after)).is_some()
                        || DESC_MODS.contains(&self.lw(after).as_str())
                        || self.toks[after].is_capitalized(self.text));
                if !continues {
                    return self.np_back(e - 1, i, stmts);
                }
                k = e;
                continue;
            }
            let t = self.toks[k];
            let ok = t.kind == TokKind::Possessive
                || DETS.contains(&l.as_str())
                || DESC_MODS.contains(&l.as_str())
                || t.is_capitalized(self.text);
            if !ok {
                break;
            }
            k += 1;
        }
        if matches!(self.lw(i).as_str(), "he" | "she" | "they" | "it") {
            return self.np_back(i, i, stmts);
        }
        // A capitalised organisation name.
        let mut e = i;
        while e < hi
            && self.toks[e].is_capitalized(self.text)
            && !is_function_word(&self.lw(e))
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
    fn person_with_role(
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
            p.kind == SpeakerKind::Person
                && p.role
                    .as_deref()
                    .is_some_and(|r| r.to_lowercase().contains(noun))
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
    fn resolve_pronoun(
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
    fn skip_back(&self, i: usize, lo: usize) -> Option<usize> {
        let mut j = i.checked_sub(1)?;
        let mut steps = 0;
        while j >= lo && steps < 30 {
            steps += 1;
            let l = self.lw(j);
            if SKIP_BACK.contains(&l.as_str()) || DAYS.contains(&l.as_str()) {
                if j == lo {
                    return None;
                }
                j -= 1;
                continue;
            }
            if matches!(l.as_str(), "on" | "late" | "last" | "this")
                && j + 1 < i
                && DAYS.contains(&self.lw(j + 1).as_str())
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
                        let inner_clean = (p + 1..j).all(|q| {
                            !self.in_quote[q]
                                && lexicon::cue(self.w(q)).is_none_or(|c| c.participle)
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
    fn speakers_back(&mut self, i: usize, lo: usize, stmts: &[Statement]) -> Vec<Hit> {
        let Some(j) = self.skip_back(i, lo) else {
            return Vec::new();
        };
        let Some(first) = self.np_back(j, lo, stmts) else {
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
            } else if k > lo
                && matches!(
                    (self.lw(k - 1).as_str(), l.as_str()),
                    ("along" | "together", "with")
                )
            {
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
            if h.start_tok > lo && matches!(self.lw(h.start_tok - 1).as_str(), "both" | "either") {
                h.start_tok -= 1;
            }
        }
        hits.reverse();
        hits.retain(|h| h.speaker.is_some() || h.unresolved.is_some());
        hits
    }
}

fn is_function_word(l: &str) -> bool {
    matches!(
        l,
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "but"
            | "and"
            | "or"
            | "so"
            | "yet"
            | "as"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "since"
            | "during"
            | "meanwhile"
            | "however"
            | "nonetheless"
            | "additionally"
            | "moreover"
            | "following"
            | "according"
            | "both"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "then"
            | "now"
            | "also"
            | "late"
            | "early"
            | "around"
            | "with"
            | "for"
            | "from"
            | "by"
            | "of"
            | "to"
            | "what"
            | "which"
            | "who"
            | "why"
            | "how"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "no"
            | "yes"
            | "not"
            | "all"
            | "some"
            | "another"
            | "one"
            | "still"
            | "even"
            | "only"
            | "instead"
            | "perhaps"
            | "nearly"
            | "more"
            | "most"
            | "many"
            | "several"
            | "over"
            | "under"
            | "in total"
            | "total"
            | "last"
            | "next"
            | "new"
            | "more than"
            | "over the"
            | "among"
            | "between"
    ) || DAYS.contains(&l)
        || matches!(
            l,
            "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        )
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

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
    sents: &[Sentence],
    paragraphs: &[Paragraph],
    places: &[Place],
    people: &mut People,
    quotes: &mut [Quote],
) -> Vec<Statement> {
    let (sent_toks, in_quote) = layout(text, toks, sents, quotes);
    let mut cx = Cx {
        text,
        toks,
        sents,
        places,
        sent_toks,
        in_quote,
        people,
    };
    let mut stmts: Vec<Statement> = Vec::new();
    let mut group = 0;
    for si in 0..sents.len() {
        let (lo, hi) = cx.sent_toks[si];
        let first_new = stmts.len();
        let mut i = lo;
        while i < hi {
            if cx.in_quote[i] || cx.toks[i].kind != TokKind::Word {
                i += 1;
                continue;
            }
            let found = read_cue(&mut cx, i, lo, hi, si, &stmts[first_new..], &stmts);
            if let Some((hits, cue, stance, content, next)) = found {
                let joint = hits.len() > 1;
                if joint {
                    group += 1;
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
                        group: joint.then_some(group),
                        attributions: vec![(cue, Some(h.span))],
                    });
                }
                i = next.max(i + 1);
            } else {
                i += 1;
            }
        }
        trim_contents(&cx, &mut stmts[first_new..]);
        merge_same_speaker(&mut stmts, first_new);
    }
    attach_quotes(&mut cx, paragraphs, quotes, &mut stmts);
    stmts.sort_by_key(|s| (s.span.start, s.cue.map_or(0, |c| c.start)));
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
    stmts
}

fn cover(spans: &[Span]) -> Span {
    let start = spans.iter().map(|s| s.start).min().unwrap_or(0);
    let end = spans.iter().map(|s| s.end).max().unwrap_or(start);
    Span::new(start, end)
}

type CueRead = (Vec<Hit>, Span, Stance, Span, usize);

/// Reads a cue at token `i`: its speakers, span, stance, content, and the
/// token to continue from.
fn read_cue(
    cx: &mut Cx,
    i: usize,
    lo: usize,
    hi: usize,
    si: usize,
    same_sentence: &[Statement],
    all: &[Statement],
) -> Option<CueRead> {
    let text = cx.text;
    let l = cx.lw(i);
    let sent_end = content_end(cx, hi);
    // "according to X"
    if l == "according" && cx.lw(i + 1) == "to" && i + 2 < hi {
        let cue = cx.span(i, i + 1);
        let hit = cx.np_fwd(i + 2, hi, all)?;
        let before_comma = i > lo && cx.toks[i - 1].is_punct(',');
        let content = if before_comma || i > lo {
            Span::new(
                cx.toks[lo].span.start,
                cx.toks[i - 1].span.start.max(cx.toks[lo].span.start),
            )
        } else {
            // "According to X, content."
            let comma = (hit.end_tok..hi).find(|&k| cx.toks[k].is_punct(','));
            let from = comma.map_or(hit.end_tok, |c| c + 1);
            if from >= hi {
                return None;
            }
            Span::new(cx.toks[from].span.start, sent_end)
        };
        let content = trim_content(text, content);
        return Some((vec![hit], cue, Stance::Report, content, hit_end(&[], i + 2)));
    }
    // Nominal cues: "Russia’s claim that ...", "criticism from Kyiv".
    if let Some(stance) = lexicon::nominal_cue(&l) {
        if i > lo + 1 && cx.toks[i - 1].kind == TokKind::Possessive && cx.lw(i + 1) == "that" {
            let hit = cx.np_back(i - 2, lo, all)?;
            let from = i + 2;
            if from >= hi {
                return None;
            }
            let end = (from..hi)
                .find(|&k| cx.toks[k].is_punct(',') || cx.toks[k].is_punct(';'))
                .map_or(sent_end, |k| cx.toks[k].span.start);
            let content = trim_content(text, Span::new(cx.toks[from].span.start, end));
            return Some((vec![hit], cx.toks[i].span, stance, content, i + 1));
        }
        if cx.lw(i + 1) == "from" && i + 2 < hi {
            let hit = cx.np_fwd(i + 2, hi, all)?;
            let content = trim_content(
                text,
                Span::new(
                    cx.toks[i].span.start,
                    cx.toks[hit.end_tok.min(hi) - 1].span.end,
                ),
            );
            return Some((vec![hit], cx.toks[i].span, stance, content, i + 1));
        }
    }
    let mut cue = lexicon::cue(&l)?;
    // After a possessive the word is a noun: "Russia’s claims", "his remarks".
    if i > lo && cx.toks[i - 1].kind == TokKind::Possessive {
        return None;
    }
    let prev = if i > lo { cx.lw(i - 1) } else { String::new() };
    // A noun use or an infinitive: "following reports that", "to say".
    if matches!(
        prev.as_str(),
        "to" | "the"
            | "a"
            | "an"
            | "following"
            | "after"
            | "of"
            | "amid"
            | "despite"
            | "these"
            | "those"
            | "such"
            | "his"
            | "her"
            | "their"
            | "its"
            | "by"
    ) {
        return None;
    }
    let next = cx.lw(i + 1);
    let mut particle = false;
    if matches!(l.as_str(), "called" | "calls" | "calling") {
        match next.as_str() {
            "for" => {
                cue.stance = Stance::Demand;
                particle = true;
            }
            "on" => {
                cue.stance = Stance::Urge;
                particle = true;
            }
            _ => {}
        }
    }
    if matches!(l.as_str(), "committed" | "expressed" | "expressing")
        && (next == "to" || i + 1 < hi && cx.toks[i + 1].kind == TokKind::Word)
    {
        particle = true;
    }
    // "told the BBC that", "warned lawmakers on Monday that": a verb of
    // telling takes its listener before "that".
    let telling = matches!(
        l.as_str(),
        "told" | "tells" | "warned" | "warns" | "assured" | "reminded" | "informed" | "urged"
    );
    let that_at = (i + 1..(i + 6).min(hi))
        .take_while(|&k| {
            let w = cx.lw(k);
            w == "that"
                || SETTING.contains(&w.as_str())
                || DAYS.contains(&w.as_str())
                || SKIP_BACK.contains(&w.as_str())
                || (telling && cx.toks[k].kind == TokKind::Word && lexicon::cue(&w).is_none())
        })
        .find(|&k| cx.lw(k) == "that" && !cx.in_quote[k]);
    let colon = i + 1 < hi && cx.toks[i + 1].is_punct(':');
    let quote_near = (i.saturating_sub(8).max(lo)..(i + 9).min(hi)).any(|k| cx.in_quote[k]);
    // "..., reports Governor Oleg Kiper": inverted after a comma, before a name.
    let inverted_name =
        i > lo && cx.toks[i - 1].is_punct(',') && cx.people.starting_at(i + 1).is_some();
    // "a raise, which the company calls unaffordable": a relative clause.
    let relative =
        (i.saturating_sub(5).max(lo)..i).any(|k| matches!(cx.lw(k).as_str(), "which" | "what"));
    if cue.strict
        && !(that_at.is_some() || colon || quote_near || particle || inverted_name || relative)
    {
        return None;
    }
    let cue_span = cx.toks[i].span;
    let aux_before = matches!(prev.as_str(), "is" | "are" | "was" | "were" | "been" | "be");
    // Participles take the subject of their clause.
    if cue.participle && !aux_before {
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
        let content = trim_content(text, Span::new(cx.toks[from].span.start, sent_end));
        return Some((vec![hit], cue_span, cue.stance, content, i + 1));
    }
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
                && (DETS.contains(&l.as_str())
                    || DESC_MODS.contains(&l.as_str())
                    || lexicon::is_role_modifier(&l));
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
    let after_tok = if inverted {
        hits.iter().map(|h| h.end_tok).max().unwrap_or(i + 1)
    } else {
        i + 1
    };
    // Content before the attribution: "“...,” she said." / "..., the Air Force said."
    let pre_end = if inverted { i } else { np_start };
    let pre_break = pre_end > lo && {
        let p = cx.toks[pre_end - 1];
        p.is_punct(',') || cx.in_quote[pre_end - 1]
    };
    let right_light = after_tok >= hi || {
        let r = cx.lw(after_tok);
        cx.toks[after_tok].is_punct(',')
            || cx.toks[after_tok].is_punct('.')
            || PREPOSITIONS.contains(&r.as_str())
            || matches!(
                r.as_str(),
                "aboard" | "via" | "reporters" | "journalists" | "the"
            ) && that_at.is_none()
    };
    let content = if pre_break && right_light && that_at.is_none() && !colon {
        let end = cx.toks[pre_end - 1].span.start;
        // A quote closing just before the attribution is the content.
        let q_end = if cx.in_quote[pre_end - 1] {
            cx.toks[pre_end - 1].span.end
        } else {
            end
        };
        let from = cx.toks[lo].span.start;
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
                sent_end.max(cx.toks[from].span.start),
            )
        }
    };
    let content = trim_content(text, content);
    let _ = si;
    Some((hits, cue_span, cue.stance, content, after_tok))
}

fn hit_end(_h: &[Hit], fallback: usize) -> usize {
    fallback
}

/// The first speaker-like name of the clause before token `i`: the subject
/// a participle ("..., saying") refers to.
fn clause_subject(cx: &mut Cx, lo: usize, i: usize) -> Option<Hit> {
    for k in lo..i {
        if cx.in_quote[k] {
            continue;
        }
        let prev_prep = k > lo && PREPOSITIONS.contains(&cx.lw(k - 1).as_str());
        if let Some(m) = cx.people.ending_at(k) {
            let start = m.extent.0.max(lo);
            let prep = start > lo && PREPOSITIONS.contains(&cx.lw(start - 1).as_str());
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
            let surface = cx.span(s, k).slice(cx.text).to_lowercase();
            let possessive = cx
                .toks
                .get(k + 1)
                .is_some_and(|t| t.kind == TokKind::Possessive);
            if (form == CountryForm::Metonym || is_country_name(&surface, c))
                && !prev_prep
                && !possessive
            {
                return cx.np_back(k, lo, &[]);
            }
        }
    }
    None
}

/// End of a sentence's content: before its final punctuation.
fn content_end(cx: &Cx, hi: usize) -> usize {
    let mut k = hi;
    while k > 0 {
        let t = cx.toks[k - 1];
        if matches!(t.kind, TokKind::Punct('.' | '!' | '?' | '…')) {
            k -= 1;
            continue;
        }
        break;
    }
    if k == 0 {
        return 0;
    }
    cx.toks[k - 1].span.end
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
                s.cues.extend(other.cues);
                s.attributions.extend(other.attributions);
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
    let text = cx.text;
    let mut last_direct: Option<(usize, Option<usize>)> = None; // (paragraph, speaker)
                                                                // The cue statements are in sentence order: each quote looks only at
                                                                // those of its own sentences, found by binary search. Statements added
                                                                // here are indexed by (speaker, sentence).
    let cue_count = stmts.len();
    let mut added: std::collections::HashMap<(usize, usize), usize> = Default::default();
    for qi in 0..quotes.len() {
        let q = quotes[qi].clone();
        let outer = q.outer();
        let para = paragraphs.partition_point(|p| p.span.end <= q.open.start);
        let s_open = super::segment::sentence_at(cx.sents, q.open.start).unwrap_or(0);
        let s_close =
            super::segment::sentence_at(cx.sents, outer.end.saturating_sub(1)).unwrap_or(s_open);
        let lo = stmts[..cue_count].partition_point(|s| s.sentence + 1 < s_open);
        let hi = stmts[..cue_count].partition_point(|s| s.sentence <= s_close + 1);
        let near = lo..hi.max(lo);
        // (a)/(b) Attribution right after the closing mark or before the
        // opening mark: the statement's content is this quote.
        let adjacent = stmts[near.clone()].iter().position(|s| {
            let next_to = s.attributions.iter().any(|&(cue, speaker)| {
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
                    );
                after || before
            });
            next_to
                && s.quotes
                    .iter()
                    .all(|&o| quotes[o].kind == QuoteKind::Direct)
        });
        if let Some(si) = adjacent.map(|k| k + near.start) {
            let s = &mut stmts[si];
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
            last_direct = Some((para, s.speaker));
            continue;
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
            continue;
        }
        // (d) A quote continuing the previous speaker's: a paragraph that
        // goes on from a quote left open, or a further quote after an
        // attributed one in the same or the previous paragraph.
        let opens_paragraph = paragraphs
            .get(para)
            .is_some_and(|p| p.span.start == q.open.start);
        let inherited = last_direct.and_then(|(p, who)| {
            let near = p == para || (opens_paragraph && p + 1 == para) || q.continues;
            (near && who.is_some()).then_some(who).flatten()
        });
        let words = q.span.slice(text).split_whitespace().count();
        let si = super::segment::sentence_at(cx.sents, q.open.start).unwrap_or(0);
        if let Some(who) = inherited {
            quotes[qi].kind = QuoteKind::Direct;
            quotes[qi].speaker = Some(who);
            let st = Statement {
                speaker: Some(who),
                speaker_span: None,
                unresolved: None,
                cue: None,
                cues: Vec::new(),
                stance: Stance::Assert,
                direct: true,
                quotes: vec![qi],
                content: q.span,
                sentence: si,
                span: outer,
                group: None,
                attributions: Vec::new(),
            };
            let existing = stmts[near.clone()]
                .iter()
                .position(|s| s.speaker == Some(who) && s.sentence == si)
                .map(|k| k + near.start)
                .or_else(|| added.get(&(who, si)).copied());
            if let Some(e) = existing {
                let existing = &mut stmts[e];
                existing.quotes.push(qi);
                existing.span = cover(&[existing.span, outer]);
            } else {
                added.insert((who, si), stmts.len());
                stmts.push(st);
            }
            last_direct = Some((para, Some(who)));
            continue;
        }
        // A short term without sentence punctuation is a scare quote; a
        // short utterance ("We never give up,") is still an utterance.
        let body = q.span.slice(text).trim_end();
        let utterance = body.ends_with([',', '.', '!', '?', '…']);
        if words <= 3 && !utterance || words <= 1 {
            quotes[qi].kind = QuoteKind::Scare;
            continue;
        }
        // (e) An utterance with no attribution the text makes clear.
        quotes[qi].kind = QuoteKind::Unattributed;
        stmts.push(Statement {
            speaker: None,
            speaker_span: None,
            unresolved: Some("no attribution found for this quote".into()),
            cue: None,
            cues: Vec::new(),
            stance: Stance::Assert,
            direct: true,
            quotes: vec![qi],
            content: q.span,
            sentence: si,
            span: outer,
            group: None,
            attributions: Vec::new(),
        });
        last_direct = Some((para, None));
    }
}

/// Between a closing mark and the attribution: only "," and spaces.
fn gap_is_attribution(text: &str, from: usize, to: usize) -> bool {
    from <= to
        && text.get(from..to).is_some_and(|g| {
            g.len() < 12 && !g.contains('\n') && g.chars().all(|c| c.is_whitespace() || c == ',')
        })
}

/// Between an attribution and an opening mark: ":" or "," and spaces, and
/// perhaps a few words of setting ("said on Monday:").
fn gap_is_lead_in(text: &str, from: usize, to: usize) -> bool {
    from <= to
        && text.get(from..to).is_some_and(|g| {
            let t = g.trim();
            g.len() < 40
                && !g.contains('\n')
                && (t.is_empty() || t.ends_with(':') || t.ends_with(','))
                && t.split_whitespace().count() <= 4
        })
}
