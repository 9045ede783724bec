//! Stage: people named in the text, with role and affiliation.
//!
//! A person is a run of capitalised name words with evidence that it names
//! a person: a role before it ("Kremlin spokesperson Dmitry Peskov"), a role
//! in apposition ("Kaja Kallas, the European Union’s foreign policy chief"),
//! an outlet owning it ("Al Jazeera’s Dorsa Jabbari"), a common given name,
//! a reporting verb next to it, or a match in the small table of well-known
//! figures. Surnames alone and transliteration variants (Zelensky /
//! Zelenskyy) join the person first named in full.
//!
//! Affiliation comes from the text's own descriptors first (a demonym or
//! country before the role, "of the United States" after the name, a
//! possessor's side, the country of a place in the role), and from the
//! figures table only as a fallback. Institutions and groups that speak
//! ("Russia’s Defense Ministry", "regional officials") are added to the same
//! list by the statements stage, which knows where speakers stand.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::lexicon::{self, CountryForm};
use super::place_mentions::PlaceMentions;
use super::segment::Sentence;
use super::tokens::{TokKind, Token};
use super::{Place, Span};

/// What sort of speaker an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    /// A named body: ministry, air force, office, company, news outlet.
    Institution,
    /// People spoken of together: "regional officials", "Western allies".
    Group,
    /// A country or its capital standing for its government.
    Government,
}

impl SpeakerKind {
    /// How many kinds there are (`Government` is the last).
    const COUNT: usize = SpeakerKind::Government as usize + 1;
}

/// How a mention refers to its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// The name as written, with or without role.
    Name,
    /// The surname or a variant alone.
    Surname,
    /// "he", "she", "they", "it".
    Pronoun,
    /// "the spokesman", "the president".
    Role,
    /// A descriptive phrase naming an institution or group.
    Descriptor,
}

/// One place in the text that refers to an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub form: MentionForm,
}

/// Where an entry's affiliation came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AffiliationSource {
    /// A descriptor in the text ("Russian President", "of the United States").
    Text,
    /// The side of whoever owns the role ("Trump’s adviser").
    Possessor,
    /// The country of a place named in the role ("Astrakhan Governor").
    Place,
    /// The bundled table of well-known figures.
    Fallback,
    /// Inherited from context ("another commander" after a Russian general).
    Context,
}

/// A person, institution or group the text names or quotes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest name the text gives, or a descriptor for a body.
    pub name: String,
    pub kind: SpeakerKind,
    /// The role as the text words it ("Kremlin spokesperson").
    pub role: Option<String>,
    /// ISO country code, bloc (EU, NATO, UN) or organisation name.
    pub affiliation: Option<String>,
    pub affiliation_source: Option<AffiliationSource>,
    /// Every mention in text order.
    pub mentions: Vec<Mention>,
    /// Alias key: folded surname, or the institution's head words.
    #[serde(skip)]
    pub(crate) key: String,
    #[serde(skip)]
    pub(crate) given: Option<String>,
    /// From a given name, honorific or gendered role; lets "she" skip a man.
    #[serde(skip)]
    pub(crate) gender: Option<lexicon::Gender>,
}

impl Person {
    pub(crate) fn new(name: String, kind: SpeakerKind, key: String) -> Person {
        Person {
            name,
            kind,
            role: None,
            affiliation: None,
            affiliation_source: None,
            mentions: Vec::new(),
            key,
            given: None,
            gender: None,
        }
    }

    /// Sets the affiliation unless one from a stronger source is there.
    pub(crate) fn set_affiliation(&mut self, aff: String, source: AffiliationSource) {
        if self.affiliation.is_none() {
            self.affiliation = Some(aff);
            self.affiliation_source = Some(source);
        }
    }

    pub(crate) fn add_mention(&mut self, span: Span, form: MentionForm) {
        // Mentions stay sorted, so a binary search finds a duplicate.
        let at = self.mentions.partition_point(|m| m.span.start < span.start);
        let dup = self.mentions[at..]
            .iter()
            .take_while(|m| m.span.start == span.start)
            .any(|m| m.span == span);
        if !dup {
            self.mentions.insert(at, Mention { span, form });
        }
    }
}

/// A person's name in the text, as token ranges (half-open).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMention {
    pub person: usize,
    /// The name words.
    pub name: (usize, usize),
    /// Name plus role phrase, apposition or owning outlet.
    pub extent: (usize, usize),
}

/// Output of [`find_people`]: the people and where each is named.
#[derive(Clone, Debug, Default)]
pub struct People {
    pub people: Vec<Person>,
    pub mentions: Vec<NameMention>,
    /// For each token, the name mention it belongs to (name words win over
    /// role words).
    pub by_token: Vec<Option<usize>>,
    /// Entries by alias key, one map per kind (indexed by the kind's
    /// number), so lookups stay constant-time however many names a text
    /// holds (and need no owned key).
    by_key: [FxHashMap<String, Vec<usize>>; SpeakerKind::COUNT],
}

impl People {
    /// Adds an entry and indexes its key; returns its index.
    pub(crate) fn push_person(&mut self, p: Person) -> usize {
        let i = self.people.len();
        self.by_key[p.kind as usize]
            .entry(p.key.clone())
            .or_default()
            .push(i);
        self.people.push(p);
        i
    }

    /// Entries of `kind` with alias `key`, oldest first.
    pub(crate) fn lookup(&self, kind: SpeakerKind, key: &str) -> &[usize] {
        self.by_key[kind as usize]
            .get(key)
            .map_or(&[], Vec::as_slice)
    }

    /// The mention whose name or extent ends at token `j`.
    pub fn ending_at(&self, j: usize) -> Option<NameMention> {
        let m = self.mentions[(*self.by_token.get(j)?)?];
        (m.name.1 == j + 1 || m.extent.1 == j + 1).then_some(m)
    }

    /// The mention whose extent starts at token `i`.
    pub fn starting_at(&self, i: usize) -> Option<NameMention> {
        let m = self.mentions[(*self.by_token.get(i)?)?];
        (m.extent.0 == i || m.name.0 == i).then_some(m)
    }
}

const PARTICLES: &[&str] = &[
    "de", "da", "van", "von", "der", "den", "bin", "al", "la", "le", "du", "del", "dos", "ibn",
    "el",
];

fn word<'a>(text: &'a str, toks: &[Token], i: usize) -> &'a str {
    toks.get(i).map_or("", |t| t.text(text))
}

fn is_name_word(text: &str, t: Token) -> bool {
    if t.kind != TokKind::Word {
        return false;
    }
    let w = t.text(text);
    // Most words start with a lower-case ASCII letter: settled on that byte.
    match w.as_bytes().first() {
        None => return false,
        Some(&b) if b.is_ascii() && !b.is_ascii_uppercase() => return false,
        Some(_) => {}
    }
    let shaped = if w.is_ascii() {
        has_name_shape_ascii(w.as_bytes())
    } else {
        has_name_shape(w)
    };
    shaped && !lexicon::is_not_name(w)
}

/// True for a word starting upper case that is an initial ("J.") or has
/// lower-case letters (all-caps words are acronyms: NATO, CPC, not names),
/// with no digit and no other period.
fn has_name_shape(w: &str) -> bool {
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let initial = w.chars().count() == 2 && w.ends_with('.');
    let has_lower = w.chars().any(char::is_lowercase);
    (initial || has_lower)
        && !w.chars().any(|c| c.is_ascii_digit())
        && (!w.contains('.') || initial)
}

/// [`has_name_shape`] of an ASCII word, where each byte is a char.
fn has_name_shape_ascii(w: &[u8]) -> bool {
    if !w.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let initial = w.len() == 2 && w[1] == b'.';
    let has_lower = w.iter().any(u8::is_ascii_lowercase);
    (initial || has_lower)
        && !w
            .iter()
            .any(|&b| b.is_ascii_digit() || (b == b'.' && !initial))
}

/// The two-word country form "`first` `second`" (joined by one space), if
/// it is one. Asked at nearly every word, so a short ASCII pair is joined
/// (and lower-cased, as [`lexicon::country`] would) on the stack rather
/// than in a new `String` each time.
fn country_pair(first: &str, second: &str) -> Option<(&'static lexicon::Country, CountryForm)> {
    if !lexicon::opens_country_pair(first) {
        return None;
    }
    const SHORT: usize = 64;
    let len = first.len() + 1 + second.len();
    if len <= SHORT && first.is_ascii() && second.is_ascii() {
        let mut buf = [0u8; SHORT];
        buf[..first.len()].copy_from_slice(first.as_bytes());
        buf[first.len()] = b' ';
        buf[first.len() + 1..len].copy_from_slice(second.as_bytes());
        let two = &mut buf[..len];
        two.make_ascii_lowercase();
        // ASCII words joined by a space are still ASCII, so valid UTF-8.
        if let Ok(two) = std::str::from_utf8(two) {
            return lexicon::country(two);
        }
    }
    lexicon::country(&format!("{first} {second}"))
}

/// One- or two-token country form ending at token `j`: (country, form, first token).
pub(crate) fn country_ending_at(
    text: &str,
    toks: &[Token],
    j: usize,
) -> Option<(&'static lexicon::Country, CountryForm, usize)> {
    if j >= 1 && toks[j - 1].kind == TokKind::Word {
        if let Some((c, f)) = country_pair(word(text, toks, j - 1), word(text, toks, j)) {
            return Some((c, f, j - 1));
        }
    }
    if toks.get(j)?.kind != TokKind::Word {
        return None;
    }
    let w = word(text, toks, j);
    // Lower-case "us" is the pronoun; country forms are capitalised or dotted.
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    lexicon::country(w).map(|(c, f)| (c, f, j))
}

/// One- or two-token country form starting at token `i`.
pub(crate) fn country_starting_at(
    text: &str,
    toks: &[Token],
    i: usize,
) -> Option<(&'static lexicon::Country, CountryForm, usize)> {
    if i + 1 < toks.len() && toks[i + 1].kind == TokKind::Word {
        if let Some((c, f)) = country_pair(word(text, toks, i), word(text, toks, i + 1)) {
            return Some((c, f, i + 2));
        }
    }
    let w = word(text, toks, i);
    if !w.chars().next().is_some_and(char::is_uppercase) || toks.get(i)?.kind != TokKind::Word {
        return None;
    }
    lexicon::country(w).map(|(c, f)| (c, f, i + 1))
}

/// The country of a resolved place covering `span`, if any.
pub(crate) fn place_country(places: &[Place], span: Span) -> Option<String> {
    places
        .iter()
        .find(|p| {
            p.mentions
                .iter()
                .any(|m| m.contains(span) || span.contains(*m))
        })
        .and_then(|p| p.country.clone())
}

/// A role phrase found next to a name.
#[derive(Default)]
struct RoleInfo {
    role: Option<Span>,
    affiliation: Option<(String, AffiliationSource)>,
    /// Token range the phrase covers (including possessor).
    extent: Option<(usize, usize)>,
    /// A person owning the role ("Trump’s adviser"): token of the possessor.
    possessor: Option<usize>,
}

/// Walks left from token `end` (exclusive) over a role phrase.
fn role_before(text: &str, toks: &[Token], places: &[Place], end: usize) -> RoleInfo {
    let mut info = RoleInfo::default();
    let Some(first) = walk_role_before(text, toks, places, end, &mut info) else {
        // No role head: the country or possessor passed is no role's.
        return RoleInfo::default();
    };
    let start_tok = if info.possessor.is_some() {
        first + 2
    } else {
        first
    };
    let start_tok = start_tok.min(end);
    // The role's words: from the first role word to the last head.
    let role_start = (start_tok..end)
        .find(|&i| toks[i].kind == TokKind::Word)
        .unwrap_or(start_tok);
    if role_start < end {
        info.role = Some(Span::new(
            toks[role_start].span.start,
            toks[end - 1].span.end,
        ));
    }
    info.extent = Some((first, end));
    info
}

/// The walk of [`role_before`]: over role heads, modifiers, countries and
/// qualifying names, up to a possessor. Returns the first token of the
/// phrase when it holds a role head, noting side and possessor in `info`.
fn walk_role_before(
    text: &str,
    toks: &[Token],
    places: &[Place],
    end: usize,
    info: &mut RoleInfo,
) -> Option<usize> {
    let mut k = end;
    let mut has_head = false;
    let mut first = end;
    let mut steps = 0;
    while k > 0 && steps < 10 {
        steps += 1;
        let j = k - 1;
        let t = toks[j];
        // A role never runs across a line break ("... | War Update\n\nPresident").
        if text
            .get(t.span.end..toks[j + 1].span.start)
            .is_none_or(|g| g.contains('\n'))
        {
            break;
        }
        if t.kind == TokKind::Possessive && j > 0 {
            // "Trump’s national security adviser", "Russia’s foreign minister".
            if let Some((c, _, s)) = country_ending_at(text, toks, j - 1) {
                info.affiliation
                    .get_or_insert_with(|| (c.code.to_string(), AffiliationSource::Text));
                first = s;
            } else if toks[j - 1].is_capitalized(text) {
                info.possessor = Some(j - 1);
                first = j - 1;
            }
            break;
        }
        if t.kind != TokKind::Word {
            break;
        }
        let w = t.text(text);
        if lexicon::is_role_head(w) {
            has_head = true;
            first = j;
            k = j;
            continue;
        }
        if let Some((c, _, s)) = country_ending_at(text, toks, j) {
            info.affiliation
                .get_or_insert_with(|| (c.code.to_string(), AffiliationSource::Text));
            first = s;
            k = s;
            continue;
        }
        if lexicon::is_role_modifier(w) && !matches!(w, "the" | "and" | "of") {
            first = j;
            k = j;
            continue;
        }
        if w == "of" {
            k = j;
            continue;
        }
        // A place or body qualifying the role: "Astrakhan Governor",
        // "Al Jazeera correspondent".
        if t.is_capitalized(text) && k < end && has_head && !lexicon::is_not_name(w) {
            if let Some(c) = place_country(places, t.span) {
                info.affiliation
                    .get_or_insert((c, AffiliationSource::Place));
            }
            first = j;
            k = j;
            continue;
        }
        break;
    }
    has_head.then_some(first)
}

/// An appositive role after a name: ", the European Union’s foreign policy chief,".
fn role_after(text: &str, toks: &[Token], start: usize) -> RoleInfo {
    let mut info = RoleInfo::default();
    if !toks.get(start).is_some_and(|t| t.is_punct(',')) {
        return info;
    }
    let mut role_from = start + 1;
    if matches!(word(text, toks, role_from), "the" | "a" | "an") {
        role_from += 1;
    }
    let Some(h) = last_role_head(text, toks, role_from, &mut info) else {
        return RoleInfo::default();
    };
    let h = body_phrase_end(text, toks, h);
    // The apposition must end at the head: a comma, the sentence end, or a verb.
    let after = toks.get(h + 1);
    let closes = after.is_none_or(|t| {
        t.is_punct(',')
            || t.is_punct('.')
            || t.is_punct(';')
            || lexicon::cue(t.text(text)).is_some()
    });
    if !closes {
        return RoleInfo::default();
    }
    // The role proper starts after any country words and possessive.
    let mut rs = role_from;
    for (i, t) in toks.iter().enumerate().take(h + 1).skip(role_from) {
        if t.kind == TokKind::Possessive {
            rs = i + 1;
        }
    }
    info.role = Some(Span::new(toks[rs].span.start, toks[h].span.end));
    let end = if after.is_some_and(|t| t.is_punct(',')) {
        h + 2
    } else {
        h + 1
    };
    info.extent = Some((start, end));
    info
}

/// The walk of [`role_after`] from token `k` over countries, possessives,
/// modifiers and names: the last role head met, the side noted in `info`.
fn last_role_head(text: &str, toks: &[Token], mut k: usize, info: &mut RoleInfo) -> Option<usize> {
    let mut last_head = None;
    let mut steps = 0;
    while k < toks.len() && steps < 10 {
        steps += 1;
        let t = toks[k];
        if t.kind == TokKind::Possessive {
            k += 1;
            continue;
        }
        if t.kind != TokKind::Word {
            break;
        }
        if let Some((c, _, e)) = country_starting_at(text, toks, k) {
            info.affiliation
                .get_or_insert_with(|| (c.code.to_string(), AffiliationSource::Text));
            k = e;
            continue;
        }
        let w = t.text(text);
        if lexicon::is_role_head(w) {
            last_head = Some(k);
            k += 1;
            continue;
        }
        if lexicon::is_role_modifier(w) || t.is_capitalized(text) {
            k += 1;
            continue;
        }
        break;
    }
    last_head
}

/// "spokesman for the Ministry of Disasters", "professor at Yale": a short
/// phrase naming the body the role at head `h` belongs to, running to the
/// end of the apposition. Returns its last token, else `h`.
fn body_phrase_end(text: &str, toks: &[Token], h: usize) -> usize {
    if !toks
        .get(h + 1)
        .is_some_and(|t| matches!(t.text(text), "for" | "of" | "at" | "with" | "in" | "from"))
    {
        return h;
    }
    let mut k = h + 2;
    while k < toks.len() && k < h + 9 && toks[k].kind == TokKind::Word {
        let w = toks[k].text(text);
        if lexicon::cue(w).is_some() || w == "according" {
            break;
        }
        k += 1;
    }
    let ends = toks
        .get(k)
        .is_none_or(|t| t.is_punct(',') || t.is_punct('.') || t.is_punct(';'));
    if k > h + 2 && ends {
        k - 1
    } else {
        h
    }
}

/// Finds the people named in the text: runs of name words with evidence,
/// then lone surnames, then each token's mention, then the sides the
/// descriptors left open.
pub fn find_people(
    text: &str,
    toks: &[Token],
    sentences: &[Sentence],
    places: &[Place],
    place_mentions: &PlaceMentions,
) -> People {
    let mut out = People::default();
    let mut run_of: Vec<bool> = vec![false; toks.len()];
    // Whether each token may be part of a name: the passes below ask of
    // every token, and the answer depends on the token alone.
    let name_word: Vec<bool> = toks.iter().map(|&t| is_name_word(text, t)).collect();
    // Pass 1: name runs with evidence.
    let mut i = 0;
    while i < toks.len() {
        if !name_word[i] {
            i += 1;
            continue;
        }
        let run = (i, name_run_end(text, toks, &name_word, i));
        i = run.1;
        consider_run(
            text,
            toks,
            places,
            place_mentions,
            run,
            &mut out,
            &mut run_of,
        );
    }
    // Pass 2: well-known figures named by surname alone, then every lone
    // surname of a known person.
    let lone: Vec<usize> = (0..toks.len())
        .filter(|&j| !run_of[j] && name_word[j])
        .collect();
    add_lone_figures(text, toks, place_mentions, &lone, &mut out);
    add_lone_surnames(text, toks, &lone, &mut out);
    index_mentions(&mut out, toks.len());
    // Figure fallbacks, then the sentence's own side, fill what the
    // descriptors left open.
    fill_fallbacks(&mut out.people);
    context_affiliation(text, toks, sentences, places, &mut out);
    out
}

/// The end of the run of name words from `start`: up to five, one space
/// apart, with particles between them ("Ursula von der Leyen").
fn name_run_end(text: &str, toks: &[Token], name_word: &[bool], start: usize) -> usize {
    let mut end = start + 1;
    while end < toks.len() && end - start < 5 {
        let gap_ok = text
            .get(toks[end - 1].span.end..toks[end].span.start)
            .is_some_and(|g| g == " ");
        if !gap_ok {
            break;
        }
        if name_word[end] {
            end += 1;
        } else if PARTICLES.contains(&word(text, toks, end))
            && name_word.get(end + 1) == Some(&true)
        {
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// A well-known figure named by surname alone, with none of that name found.
fn add_lone_figures(
    text: &str,
    toks: &[Token],
    place_mentions: &PlaceMentions,
    lone: &[usize],
    out: &mut People,
) {
    for &j in lone {
        lexicon::with_name_key(toks[j].text(text), |key| {
            if !out.lookup(SpeakerKind::Person, key).is_empty() {
                return;
            }
            let Some(fig) = lexicon::figure_by_key(key) else {
                return;
            };
            if place_mentions.overlap(toks[j].span) {
                return;
            }
            let mut p = Person::new(fig.name.to_string(), SpeakerKind::Person, key.to_string());
            p.given = fig.name.split(' ').next().map(str::to_lowercase);
            p.gender = p.given.as_deref().and_then(lexicon::gender_of);
            p.role = Some(fig.role.to_string());
            p.set_affiliation(fig.affiliation.to_string(), AffiliationSource::Fallback);
            out.push_person(p);
        });
    }
}

/// A lone surname mentions the most recently created person of that name.
fn add_lone_surnames(text: &str, toks: &[Token], lone: &[usize], out: &mut People) {
    for &j in lone {
        let last = lexicon::with_name_key(toks[j].text(text), |key| {
            out.lookup(SpeakerKind::Person, key).last().copied()
        });
        if let Some(pi) = last {
            out.people[pi].add_mention(toks[j].span, MentionForm::Surname);
            out.mentions.push(NameMention {
                person: pi,
                name: (j, j + 1),
                extent: (j, j + 1),
            });
        }
    }
}

/// Sorts the mentions and maps each token to its mention: a name's own
/// tokens to it, the role words around it where no other mention claims them.
fn index_mentions(out: &mut People, len: usize) {
    out.mentions.sort_by_key(|m| m.name.0);
    out.by_token = vec![None; len];
    for (mi, m) in out.mentions.iter().enumerate() {
        for t in m.extent.0..m.extent.1.min(len) {
            if out.by_token[t].is_none() {
                out.by_token[t] = Some(mi);
            }
        }
    }
    for (mi, m) in out.mentions.iter().enumerate() {
        for t in m.name.0..m.name.1.min(len) {
            out.by_token[t] = Some(mi);
        }
    }
}

/// A person the text gives no side ("General Valery Gerasimov") takes the
/// country the text names most around the first mention: the sentence and
/// the one before it in the same paragraph, when one country clearly leads.
fn context_affiliation(
    text: &str,
    toks: &[Token],
    sentences: &[Sentence],
    places: &[Place],
    out: &mut People,
) {
    for pi in 0..out.people.len() {
        let p = &out.people[pi];
        if p.kind != SpeakerKind::Person || p.affiliation.is_some() {
            continue;
        }
        let Some(first) = p.mentions.first().map(|m| m.span) else {
            continue;
        };
        let Some(si) = super::segment::sentence_at(sentences, first.start) else {
            continue;
        };
        // A local official ("Governor Oleg Kiper") belongs to the country of
        // the region or city the sentence names ("the southern Ukrainian
        // region of Odesa").
        if p.role.as_deref().is_some_and(is_local_role) {
            if let Some(c) = local_country(sentences[si].span, places) {
                out.people[pi].set_affiliation(c, AffiliationSource::Place);
                continue;
            }
        }
        if let Some(code) = leading_country(text, toks, sentences, si, first) {
            out.people[pi].set_affiliation(code.to_string(), AffiliationSource::Context);
        }
    }
}

/// A governor's, mayor's or other local official's role.
fn is_local_role(role: &str) -> bool {
    let r = role.to_lowercase();
    [
        "governor",
        "mayor",
        "regional",
        "local",
        "provincial",
        "municipal",
        "district",
    ]
    .iter()
    .any(|w| r.contains(w))
}

/// The country of the first region or city named in `sentence`.
fn local_country(sentence: Span, places: &[Place]) -> Option<String> {
    places
        .iter()
        .filter(|pl| pl.kind != super::PlaceKind::Country)
        .find(|pl| pl.mentions.iter().any(|m| sentence.contains(*m)))
        .and_then(|pl| pl.country.clone())
}

/// The country named most in sentence `si` and the one before it in the
/// same paragraph (leaving out the mention `first`), when it clearly leads.
fn leading_country(
    text: &str,
    toks: &[Token],
    sentences: &[Sentence],
    si: usize,
    first: Span,
) -> Option<&'static str> {
    let mut range = sentences[si].span;
    if si > 0 && sentences[si - 1].paragraph == sentences[si].paragraph {
        range.start = sentences[si - 1].span.start;
    }
    let a = toks.partition_point(|t| t.span.start < range.start);
    let b = toks.partition_point(|t| t.span.start < range.end);
    let own = toks.partition_point(|t| t.span.start < sentences[si].span.start);
    let mut in_own_sentence = false;
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for j in a..b {
        if first.contains(toks[j].span) {
            continue;
        }
        if let Some((c, CountryForm::Name, s)) = country_ending_at(text, toks, j) {
            if s < a || (s < j && country_ending_at(text, toks, j - 1).is_some()) {
                continue;
            }
            in_own_sentence |= s >= own;
            match counts.iter_mut().find(|(code, _)| *code == c.code) {
                Some(e) => e.1 += 1,
                None => counts.push((c.code, 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    // At least two mentions, one in the person's own sentence, and a
    // clear lead: one passing "U.S." nearby is not a side.
    let clear = match counts.as_slice() {
        [(code, n)] if *n >= 2 => Some(*code),
        [(code, n), (_, m), ..] if n > m && *n >= 2 => Some(*code),
        _ => None,
    };
    clear.filter(|_| in_own_sentence)
}

/// The role phrases around a name run, and an outlet owning it.
struct RunRoles {
    before: RoleInfo,
    after: RoleInfo,
    /// "Al Jazeera’s Dorsa Jabbari": the owner's span and first token.
    org: Option<(Span, usize)>,
}

impl RunRoles {
    fn role(&self) -> Option<Span> {
        self.before.role.or(self.after.role)
    }
}

/// Looks at a run of name words: when the text gives evidence that it
/// names someone, records the person (found or new), what the text says of
/// them, and the mention.
#[allow(clippy::too_many_arguments)]
fn consider_run(
    text: &str,
    toks: &[Token],
    places: &[Place],
    place_mentions: &PlaceMentions,
    (start, end): (usize, usize),
    out: &mut People,
    run_of: &mut [bool],
) {
    let roles = roles_around(text, toks, places, (start, end));
    let n = end - start;
    let first = word(text, toks, start);
    let last = word(text, toks, end - 1);
    // Most runs turn out not to name anyone: the key is kept (as a
    // `String`) only for those that do.
    let (figure, known) = lexicon::with_name_key(last, |key| {
        let known = !out.lookup(SpeakerKind::Person, key).is_empty();
        (lexicon::figure_by_key(key), known)
    });
    let evidence = Evidence {
        figure: figure.is_some(),
        known,
    };
    if !names_someone(text, toks, place_mentions, (start, end), &roles, evidence) {
        return;
    }
    let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
    let given = (n >= 2).then(|| first.to_lowercase());
    let pi = person_for_run(text, out, span, n, given.as_deref(), figure, last);
    let of_country = describe_person(text, toks, &roles, &mut out.people[pi], (start, end), given);
    out.people[pi].add_mention(span, MentionForm::Name);
    if let Some(pt) = roles.before.possessor {
        possessor_side(text, toks, out, pi, pt);
    }
    let extent = run_extent(&roles, (start, end), of_country, toks.len());
    for r in run_of.iter_mut().take(end).skip(start) {
        *r = true;
    }
    out.mentions.push(NameMention {
        person: pi,
        name: (start, end),
        extent,
    });
}

/// The role before the run (also across a comma: "Trump’s national
/// security adviser, Mike Waltz"), the apposition after it, and an owner.
fn roles_around(
    text: &str,
    toks: &[Token],
    places: &[Place],
    (start, end): (usize, usize),
) -> RunRoles {
    let mut before = role_before(text, toks, places, start);
    if before.role.is_none() && start >= 2 && toks[start - 1].is_punct(',') {
        let b = role_before(text, toks, places, start - 1);
        if b.role.is_some() && lexicon::is_role_head(word(text, toks, start - 2)) {
            before = b;
            if let Some(e) = before.extent.as_mut() {
                e.1 = start;
            }
        }
    }
    let after = role_after(text, toks, end);
    let org = owner_before(text, toks, start, &mut before);
    RunRoles { before, after, org }
}

/// "Al Jazeera’s Dorsa Jabbari": an outlet owning a name (its span and
/// first token); a country owning it ("Russia’s Sergei Lavrov") is the
/// person's side instead.
fn owner_before(
    text: &str,
    toks: &[Token],
    start: usize,
    before: &mut RoleInfo,
) -> Option<(Span, usize)> {
    if before.role.is_some() || start < 2 || toks[start - 1].kind != TokKind::Possessive {
        return None;
    }
    let mut s = start - 2;
    let org_word = |i: usize| {
        toks[i].is_capitalized(text)
            && !matches!(
                word(text, toks, i).to_lowercase().as_str(),
                "the" | "a" | "an" | "this" | "that" | "and" | "of"
            )
    };
    while s > 0 && org_word(s - 1) && start - s < 5 {
        s -= 1;
    }
    if org_word(s) && country_ending_at(text, toks, start - 2).is_none() {
        return Some((Span::new(toks[s].span.start, toks[start - 2].span.end), s));
    }
    if let Some((c, _, s)) = country_ending_at(text, toks, start - 2) {
        before.affiliation = Some((c.code.to_string(), AffiliationSource::Text));
        before.extent = Some((s, start));
    }
    None
}

/// What is known of a run's last word before deciding.
#[derive(Clone, Copy)]
struct Evidence {
    /// It is a well-known figure's surname.
    figure: bool,
    /// A person of that surname was found already.
    known: bool,
}

/// Whether the run names someone: a role, an owner, a given name, a known
/// figure or a reporting verb next to a two-word name; a lone word only
/// with a role or as a known surname, and a place's name only with a role
/// or a given name.
fn names_someone(
    text: &str,
    toks: &[Token],
    place_mentions: &PlaceMentions,
    (start, end): (usize, usize),
    roles: &RunRoles,
    ev: Evidence,
) -> bool {
    let n = end - start;
    let first = word(text, toks, start);
    // "Novak Djokovic told": a cue right after a two-word name, unless the
    // name follows a preposition ("economists at Goldman Sachs said").
    let after_prep = start > 0
        && matches!(
            word(text, toks, start - 1),
            "at" | "of" | "from" | "with" | "for" | "by"
        );
    let cue_next = !after_prep
        && toks
            .get(end)
            .is_some_and(|t| lexicon::cue(t.text(text)).is_some_and(|c| !c.strict));
    let cue_prev =
        start > 0 && lexicon::cue(word(text, toks, start - 1)).is_some_and(|c| !c.strict);
    let has_role = roles.role().is_some();
    let evidence = has_role
        || roles.org.is_some()
        || (n >= 2 && lexicon::is_given_name(first))
        || ev.figure
        || (n >= 2 && (cue_next || cue_prev))
        || (n == 1 && ev.known);
    let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
    let place = place_mentions.overlap(span);
    if !evidence || (place && !has_role && !lexicon::is_given_name(first)) {
        return false;
    }
    // "Speaking in Lisbon, the minister said": a place after a locative
    // preposition is where someone is, not who; the role after the comma
    // belongs to the clause's subject.
    let locative = start > 0
        && matches!(
            word(text, toks, start - 1),
            "in" | "at" | "from" | "near" | "outside" | "inside" | "across" | "to"
        );
    if place && locative && roles.before.role.is_none() {
        return false;
    }
    !(n == 1 && !has_role && !ev.known && !ev.figure)
}

/// The person a run names: the latest of that surname whose given name
/// does not differ, else a new one (a lone surname of a well-known figure
/// takes the figure's full name).
fn person_for_run(
    text: &str,
    out: &mut People,
    span: Span,
    n: usize,
    given: Option<&str>,
    figure: Option<&'static lexicon::Figure>,
    last: &str,
) -> usize {
    let key = lexicon::name_key(last);
    let existing = out
        .lookup(SpeakerKind::Person, &key)
        .iter()
        .rev()
        .copied()
        .find(|&i| {
            let p = &out.people[i];
            given.is_none() || p.given.is_none() || p.given.as_deref() == given
        });
    if let Some(pi) = existing {
        return pi;
    }
    let name = if n == 1 {
        figure.map_or_else(|| span.slice(text).to_string(), |f| f.name.to_string())
    } else {
        span.slice(text).to_string()
    };
    let mut p = Person::new(name, SpeakerKind::Person, key);
    p.given = given
        .map(str::to_string)
        .or_else(|| figure.and_then(|f| f.name.split(' ').next().map(str::to_lowercase)));
    out.push_person(p)
}

/// Fills what the run and its roles say of the person: the fuller name,
/// gender, given name, role and side. Returns the end of a country named
/// after the name ("President Donald Trump of the United States").
fn describe_person(
    text: &str,
    toks: &[Token],
    roles: &RunRoles,
    p: &mut Person,
    (start, end): (usize, usize),
    given: Option<String>,
) -> Option<usize> {
    let n = end - start;
    let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
    if n >= 2 && p.name.split(' ').count() < n && p.given.is_none() {
        p.name = span.slice(text).to_string();
    }
    let role = roles.role();
    if p.gender.is_none() {
        // The given name, else a gendered word of the role ("Mrs.",
        // "spokeswoman").
        let role_words = role.map(|r| r.slice(text)).unwrap_or("");
        p.gender = p
            .given
            .as_deref()
            .or(given.as_deref())
            .and_then(lexicon::gender_of)
            .or_else(|| role_words.split_whitespace().find_map(lexicon::gender_of));
    }
    if p.given.is_none() {
        p.given = given;
    }
    if p.role.is_none() {
        p.role = role.map(|r| r.slice(text).to_string());
    }
    for info in [&roles.before, &roles.after] {
        if let Some((a, s)) = info.affiliation.clone() {
            p.set_affiliation(a, s);
        }
    }
    let mut of_country = None;
    if toks.get(end).is_some_and(|t| t.text(text) == "of") && role.is_some() {
        let mut k = end + 1;
        if word(text, toks, k) == "the" {
            k += 1;
        }
        if let Some((c, _, e)) = country_starting_at(text, toks, k) {
            p.set_affiliation(c.code.to_string(), AffiliationSource::Text);
            of_country = Some(e);
        }
    }
    if let Some((o, _)) = roles.org {
        p.set_affiliation(o.slice(text).to_string(), AffiliationSource::Text);
    }
    of_country
}

/// Possessor's side: "Trump’s national security adviser" takes Trump's.
fn possessor_side(text: &str, toks: &[Token], out: &mut People, pi: usize, pt: usize) {
    let aff = lexicon::with_name_key(word(text, toks, pt), |pk| {
        out.lookup(SpeakerKind::Person, pk)
            .first()
            .and_then(|&q| out.people[q].affiliation.clone())
            .or_else(|| lexicon::figure_by_key(pk).map(|f| f.affiliation.to_string()))
    });
    if let Some(a) = aff {
        out.people[pi].set_affiliation(a, AffiliationSource::Possessor);
    }
}

/// The tokens a name mention covers with its role phrases and owner.
fn run_extent(
    roles: &RunRoles,
    (start, end): (usize, usize),
    of_country: Option<usize>,
    len: usize,
) -> (usize, usize) {
    let mut extent = (start, end);
    if let Some(e) = roles.before.extent {
        extent.0 = extent.0.min(e.0);
    }
    if let Some((_, s)) = roles.org {
        extent.0 = extent.0.min(s);
    }
    if let Some(e) = roles.after.extent {
        extent.1 = extent.1.max(e.1.min(len));
    }
    if let Some(e) = of_country {
        extent.1 = extent.1.max(e.min(len));
    }
    extent
}

fn fill_fallbacks(people: &mut [Person]) {
    for p in people.iter_mut() {
        if p.kind != SpeakerKind::Person {
            continue;
        }
        if let Some(fig) = lexicon::figure_by_key(&p.key) {
            let fig_given = fig.name.split(' ').next().map(str::to_lowercase);
            if p.given.is_some() && p.given != fig_given {
                continue;
            }
            if p.role.is_none() {
                p.role = Some(fig.role.to_string());
            }
            p.set_affiliation(fig.affiliation.to_string(), AffiliationSource::Fallback);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn people(text: &str) -> Vec<(String, Option<String>, Option<String>, usize)> {
        let toks = tokenize(text);
        let seg = crate::segment::segment(text);
        find_people(text, &toks, &seg.sentences, &[], &PlaceMentions::new(&[]))
            .people
            .into_iter()
            .map(|p| (p.name, p.role, p.affiliation, p.mentions.len()))
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    /// (text, [(name, role, affiliation, mentions)]): one row per form.
    #[test]
    fn people_table() {
        type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, usize);
        let rows: &[(&str, &[Row])] = &[
            (
                "Kremlin spokesperson Dmitry Peskov spoke. Peskov left.",
                &[("Dmitry Peskov", Some("Kremlin spokesperson"), Some("RU"), 2)],
            ),
            (
                "U.S. Secretary of State Marco Rubio arrived.",
                &[(
                    "Marco Rubio",
                    Some("U.S. Secretary of State"),
                    Some("US"),
                    1,
                )],
            ),
            (
                "Brazilian Finance Minister Ana Costa met Costa’s aides.",
                &[(
                    "Ana Costa",
                    Some("Brazilian Finance Minister"),
                    Some("BR"),
                    2,
                )],
            ),
            (
                "Leila Haddad, the Lebanese health minister, spoke.",
                &[(
                    "Leila Haddad",
                    Some("Lebanese health minister"),
                    Some("LB"),
                    1,
                )],
            ),
            (
                "The BBC’s Lyse Doucet reported from Kyiv.",
                &[("Lyse Doucet", None, Some("BBC"), 1)],
            ),
            (
                "Zelenskyy met Zelensky and Zelenskiy.",
                &[(
                    "Volodymyr Zelenskyy",
                    Some("President of Ukraine"),
                    Some("UA"),
                    3,
                )],
            ),
            (
                "Coach Pep Guardiola said the team was tired.",
                &[("Pep Guardiola", Some("Coach"), None, 1)],
            ),
            (
                "President Donald Trump of the United States spoke.",
                &[("Donald Trump", Some("President"), Some("US"), 1)],
            ),
            ("The Black Sea and Air Force One.", &[]),
        ];
        for (text, want) in rows {
            let got = people(text);
            let want: Vec<_> = want
                .iter()
                .map(|(n, r, a, m)| (n.to_string(), r.map(String::from), a.map(String::from), *m))
                .collect();
            assert_eq!(got, want, "for {text:?}");
        }
        let _ = s("");
    }
}
