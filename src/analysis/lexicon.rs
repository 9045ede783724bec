//! Small general word lists for the "who said what" stages: reporting cues
//! with their stance, titles and roles, country descriptors, institution
//! heads, a fallback table of well-known figures, and number words.
//!
//! Everything here is general English news vocabulary, not tuned to any one
//! article. Lookups are case-insensitive where the text's case varies
//! ("President" / "president") and go through maps built once.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// Calls `f` with `word` lower-cased, exactly as [`str::to_lowercase`] would
/// lower it. The stages look words up case-insensitively millions of times
/// on a large text, and nearly every word is short ASCII: those are lowered
/// in a buffer on the stack instead of a new `String` each time.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 32;
    // Most words asked about are lower-case already (or were lowered).
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return f(word);
    }
    if word.len() <= SHORT && word.is_ascii() {
        let mut buf = [0u8; SHORT];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII lowered is still ASCII, so always valid UTF-8.
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// The first and last bytes (ASCII letters lower-cased) the words of a
/// list have. A word whose ends are not among them is not in the list, so
/// most words of a text are settled in a few instructions rather than
/// lower-cased and hashed.
#[derive(Clone, Copy)]
pub struct Ends([u32; 27]);

impl Ends {
    pub const NONE: Ends = Ends([0; 27]);

    /// A letter `a`-`z` (either case), or 26 for any other byte. Setting
    /// bit 5 lowers an upper-case ASCII letter and leaves a lower-case one,
    /// and takes no other byte into `a..=z`: one subtraction and one
    /// comparison, for the two ends of nearly every word of a text.
    const fn bucket(b: u8) -> usize {
        let letter = (b | 0x20).wrapping_sub(b'a');
        if letter < 26 {
            letter as usize
        } else {
            26
        }
    }

    /// These ends and those of `word`.
    pub const fn with(mut self, word: &str) -> Ends {
        if let [first, .., last] | [first @ last] = word.as_bytes() {
            self.0[Ends::bucket(*first)] |= 1 << Ends::bucket(*last);
        }
        self
    }

    /// The ends of the words of a table of (word, value), settled when
    /// compiling.
    pub const fn of_keys<T>(table: &[(&str, T)]) -> Ends {
        let mut ends = Ends::NONE;
        let mut i = 0;
        while i < table.len() {
            ends = ends.with(table[i].0);
            i += 1;
        }
        ends
    }

    /// False when `word` lower-cased (as [`str::to_lowercase`] lowers it)
    /// cannot be a word of the list. A first or last byte that is ASCII is
    /// the word's first or last character, and lowers to that of the
    /// lowered word; other ends are not judged.
    pub fn may_hold(&self, word: &str) -> bool {
        match word.as_bytes() {
            [first, .., last] | [first @ last] if first.is_ascii() && last.is_ascii() => {
                self.0[Ends::bucket(*first)] & (1 << Ends::bucket(*last)) != 0
            }
            _ => true,
        }
    }
}

/// A fixed list of lower-case words as a hash set: one lookup instead of a
/// scan of the list, for the lists asked about every word of a text.
pub struct WordSet {
    words: FxHashSet<&'static str>,
    ends: Ends,
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> WordSet {
        WordSet {
            words: words.iter().copied().collect(),
            ends: words.iter().fold(Ends::NONE, |ends, w| ends.with(w)),
        }
    }

    /// A set from a data file: one word per line; `#` lines are comments.
    pub fn from_lines(text: &'static str) -> WordSet {
        let words: Vec<&'static str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        WordSet::new(&words)
    }

    /// True when the (already lower-cased) `word` is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.ends.may_hold(word) && self.words.contains(word)
    }

    /// True when `word` lower-cased is in the list.
    pub fn contains_any_case(&self, word: &str) -> bool {
        self.ends.may_hold(word) && with_lower(word, |w| self.words.contains(w))
    }
}

/// The attitude a reporting cue gives to what it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Assert,
    Claim,
    Confirm,
    Deny,
    Dismiss,
    Warn,
    Insist,
    Urge,
    Accuse,
    Criticize,
    Condemn,
    Praise,
    Demand,
    Report,
    Characterize,
    Suggest,
    Argue,
    Pledge,
    Concede,
    Announce,
    Emphasize,
    Ask,
}

impl Stance {
    /// The stance a data file names in lower case ("assert", "deny").
    pub fn from_name(name: &str) -> Option<Stance> {
        Some(match name {
            "assert" => Stance::Assert,
            "claim" => Stance::Claim,
            "confirm" => Stance::Confirm,
            "deny" => Stance::Deny,
            "dismiss" => Stance::Dismiss,
            "warn" => Stance::Warn,
            "insist" => Stance::Insist,
            "urge" => Stance::Urge,
            "accuse" => Stance::Accuse,
            "criticize" => Stance::Criticize,
            "condemn" => Stance::Condemn,
            "praise" => Stance::Praise,
            "demand" => Stance::Demand,
            "report" => Stance::Report,
            "characterize" => Stance::Characterize,
            "suggest" => Stance::Suggest,
            "argue" => Stance::Argue,
            "pledge" => Stance::Pledge,
            "concede" => Stance::Concede,
            "announce" => Stance::Announce,
            "emphasize" => Stance::Emphasize,
            "ask" => Stance::Ask,
            _ => return None,
        })
    }

    /// True for stances that deny a claim outright (not mere criticism).
    pub fn is_denial(self) -> bool {
        matches!(self, Stance::Deny | Stance::Dismiss)
    }

    /// True for stances that reject someone else's claim.
    pub fn is_rejection(self) -> bool {
        matches!(
            self,
            Stance::Deny | Stance::Dismiss | Stance::Criticize | Stance::Condemn
        )
    }
}

/// How a cue word behaves in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub stance: Stance,
    /// Ambiguous verbs ("called", "shared", "expressed") count as cues only
    /// next to a quotation, `that`, a colon, or a fixed particle.
    pub strict: bool,
    /// A participle ("saying", "adding") whose speaker is the clause subject.
    pub participle: bool,
}

/// Reporting verbs with their stance and strictness (data/cues.tsv).
static CUES: LazyLock<Vec<(&'static str, Stance, bool)>> = LazyLock::new(|| {
    include_str!("../../data/cues.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let word = cols.next()?;
            let stance = Stance::from_name(cols.next()?)?;
            Some((word, stance, cols.next() == Some("strict")))
        })
        .collect()
});

static CUE_MAP: LazyLock<FxHashMap<&'static str, Cue>> = LazyLock::new(|| {
    CUES.iter()
        .map(|&(w, stance, strict)| {
            let cue = Cue {
                stance,
                strict,
                participle: w.ends_with("ing"),
            };
            (w, cue)
        })
        .collect()
});

static CUE_ENDS: LazyLock<Ends> = LazyLock::new(|| {
    CUES.iter()
        .fold(Ends::NONE, |ends, &(w, _, _)| ends.with(w))
});

/// The cue for a reporting-verb form, if `word` (any case) is one.
pub fn cue(word: &str) -> Option<Cue> {
    // Asked of nearly every word: most are settled by their ends.
    if !CUE_ENDS.may_hold(word) {
        return None;
    }
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        with_lower(word, |w| CUE_MAP.get(w).copied())
    } else {
        CUE_MAP.get(word).copied()
    }
}

/// Nouns that report speech when owned or sourced: "Russia's claim that",
/// "criticism from Kyiv".
pub fn nominal_cue(word: &str) -> Option<Stance> {
    with_lower(word, |word| match word {
        "claim" | "claims" | "assertion" | "allegation" | "allegations" => Some(Stance::Claim),
        "statement" | "statements" | "remarks" | "comments" => Some(Stance::Assert),
        "denial" => Some(Stance::Deny),
        "warning" | "warnings" => Some(Stance::Warn),
        "criticism" => Some(Stance::Criticize),
        "condemnation" => Some(Stance::Condemn),
        "accusation" | "accusations" => Some(Stance::Accuse),
        "demand" | "demands" => Some(Stance::Demand),
        _ => None,
    })
}

/// Head nouns of a role: a person is named after them ("spokesperson Dmitry Peskov").
#[rustfmt::skip]
const ROLE_HEADS: &[&str] = &[
    "farmer", "teacher", "worker", "engineer", "lawyer", "student", "pilot", "driver",
    "shopkeeper", "survivor", "volunteer", "soldier", "fisherman", "mother", "father", "retiree",
    "pensioner", "refugee", "administrator", "superintendent", "inspector", "treasurer",
    "ombudsman", "auditor", "chairperson", "rapporteur", "spokesperson", "president",
    "vice-president", "prime", "minister", "premier", "chancellor", "spokesperson", "spokesman",
    "spokeswoman", "governor", "mayor", "envoy", "ambassador", "chief", "head", "secretary",
    "secretary-general", "general", "lieutenant", "colonel", "commander", "admiral", "captain",
    "major", "sergeant", "senator", "sen.", "gen.", "gov.", "rep.", "dr.", "mr.", "mrs.", "ms.",
    "prof.", "representative", "congressman", "congresswoman", "lawmaker", "legislator", "adviser",
    "advisor", "aide", "official", "officer", "director", "chairman", "chairwoman", "chair", "ceo",
    "founder", "leader", "king", "queen", "prince", "princess", "pope", "judge", "justice",
    "prosecutor", "attorney", "correspondent", "reporter", "editor", "analyst", "expert",
    "professor", "dr", "mr", "mrs", "ms", "sir", "dame", "coach", "manager", "striker",
    "midfielder", "defender", "goalkeeper", "captain", "player", "economist", "researcher",
    "scientist", "candidate", "challenger", "incumbent", "speaker", "deputy", "commissioner",
    "representative", "negotiator", "diplomat", "emir", "sheikh", "ayatollah", "patriarch",
    "cardinal", "bishop", "rabbi", "imam", "executive", "investor", "owner", "witness", "resident",
    "doctor", "nurse", "activist", "mp", "mep", "councillor", "councilor", "alderman", "sheriff",
    "magistrate", "registrar", "chaplain", "headteacher", "principal", "dean", "rector",
];

/// Words that may stand inside a role phrase before its head or between head
/// and name ("foreign policy chief", "Secretary of State", "special envoy").
#[rustfmt::skip]
const ROLE_MODIFIERS: &[&str] = &[
    "central", "bank", "union", "company", "army", "police", "fire", "city", "league", "campaign",
    "election", "health", "opposition", "foreign", "policy", "special", "deputy", "acting",
    "former", "interim", "new", "senior", "top", "national", "security", "state", "defense",
    "defence", "interior", "finance", "economy", "trade", "health", "justice", "energy",
    "military", "presidential", "regional", "local", "chief", "executive", "general", "of",
    "press", "communications", "staff", "armed", "forces", "joint", "supreme", "first", "vice",
    "lead", "head", "coach", "team", "club", "party", "opposition", "ruling", "peace", "climate",
    "economic", "political", "defence", "affairs", "relations", "high", "prime", "minister",
    "secretary", "assistant", "associate", "managing", "the", "and",
];

static ROLE_HEAD_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ROLE_HEADS));
static ROLE_MOD_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ROLE_MODIFIERS));

/// True for a role head noun ("President", "spokesperson", "Gen.").
pub fn is_role_head(word: &str) -> bool {
    ROLE_HEAD_SET.contains_any_case(word)
}

/// True for a word that may sit inside a role phrase.
pub fn is_role_modifier(word: &str) -> bool {
    ROLE_MOD_SET.contains_any_case(word)
}

/// Head nouns of institutions and groups that speak: "Ukraine's Air Force",
/// "Russia's Defense Ministry", "Russian state media", "regional officials".
const INSTITUTION_HEADS: &[(&str, bool)] = &[
    // (head, plural group)
    ("ministry", false),
    ("force", false),
    ("forces", true),
    ("military", false),
    ("army", false),
    ("navy", false),
    ("office", false),
    ("government", false),
    ("administration", false),
    ("cabinet", false),
    ("parliament", false),
    ("council", false),
    ("committee", false),
    ("commission", false),
    ("agency", false),
    ("service", false),
    ("services", true),
    ("department", false),
    ("police", true),
    ("media", true),
    ("officials", true),
    ("authorities", true),
    ("authority", false),
    ("embassy", false),
    ("consulate", false),
    ("personnel", true),
    ("workers", true),
    ("leaders", true),
    ("allies", true),
    ("lawmakers", true),
    ("analysts", true),
    ("experts", true),
    ("residents", true),
    ("witnesses", true),
    ("observers", true),
    ("sources", true),
    ("diplomats", true),
    ("investigators", true),
    ("prosecutors", true),
    ("rescuers", true),
    ("doctors", true),
    ("company", false),
    ("firm", false),
    ("group", false),
    ("bank", false),
    ("court", false),
    ("union", false),
    ("party", false),
    ("campaign", false),
    ("club", false),
    ("team", false),
    ("spokesperson", false),
    ("spokesman", false),
    ("spokeswoman", false),
    ("official", false),
    ("commander", false),
    ("source", false),
    ("staff", false),
    ("headquarters", false),
    ("guard", false),
    ("kremlin", false),
    ("pentagon", false),
    ("organisation", false),
    ("organization", false),
    ("regulator", false),
    ("watchdog", false),
    ("board", false),
    ("state", false),
    ("opposition", false),
    ("capitals", true),
    ("guard", false),
    ("observers", true),
    ("protesters", true),
    ("economists", true),
    // generic bodies, resolved to the body the text names
    ("charity", false),
    ("movement", false),
    ("coalition", false),
    ("monitor", false),
    ("network", false),
];

/// `Some(plural)` when `word` is an institution or group head noun.
pub fn institution_head(word: &str) -> Option<bool> {
    static HEADS: LazyLock<FxHashMap<&'static str, bool>> = LazyLock::new(|| {
        let mut heads = FxHashMap::default();
        for &(head, plural) in INSTITUTION_HEADS {
            heads.entry(head).or_insert(plural);
        }
        heads
    });
    with_lower(word, |w| HEADS.get(w).copied())
}

/// Person-role nouns that, with "the", refer back to a named person
/// ("the spokesman said", "the president added").
pub fn is_person_role_noun(word: &str) -> bool {
    with_lower(word, |word| {
        matches!(
            word,
            "spokesperson"
                | "spokesman"
                | "spokeswoman"
                | "president"
                | "minister"
                | "governor"
                | "mayor"
                | "envoy"
                | "ambassador"
                | "chancellor"
                | "official"
                | "commander"
                | "general"
                | "senator"
                | "premier"
                | "chief"
                | "leader"
                | "secretary"
                | "adviser"
                | "advisor"
                | "coach"
                | "manager"
                | "ceo"
                | "chairman"
                | "chairwoman"
                | "correspondent"
                | "executive"
                | "prosecutor"
                | "judge"
                | "director"
        )
    })
}

/// A country (or bloc) and the ways the text may name or describe it.
pub struct Country {
    pub code: &'static str,
    /// Adjective used to name the country as a speaker ("Russian government").
    pub adjective: &'static str,
    /// Names, demonyms, capitals and seats of government, lower-cased.
    pub forms: &'static [&'static str],
    /// Capitals and government seats that stand for the government.
    pub metonyms: &'static [&'static str],
}

/// Countries and blocs commonly in the news. Forms are matched on whole
/// tokens or token pairs, lower-cased.
pub const COUNTRIES: &[Country] = &[
    c(
        "RU",
        "Russian",
        &["russia", "russian", "russians"],
        &["moscow", "kremlin"],
    ),
    c(
        "UA",
        "Ukrainian",
        &["ukraine", "ukrainian", "ukrainians"],
        &["kyiv", "kiev"],
    ),
    c(
        "US",
        "U.S.",
        &[
            "u.s.",
            "u.s",
            "us",
            "usa",
            "american",
            "americans",
            "america",
            "united states",
        ],
        &["washington", "white house", "pentagon"],
    ),
    c(
        "FR",
        "French",
        &["france", "french"],
        &["paris", "élysée", "elysee"],
    ),
    c(
        "GB",
        "British",
        &[
            "britain",
            "british",
            "uk",
            "u.k.",
            "u.k",
            "united kingdom",
            "england",
            "english",
            "scottish",
            "welsh",
        ],
        &["london", "downing street", "whitehall"],
    ),
    c("DE", "German", &["germany", "german"], &["berlin"]),
    c("CN", "Chinese", &["china", "chinese"], &["beijing"]),
    c("IR", "Iranian", &["iran", "iranian"], &["tehran"]),
    c("IL", "Israeli", &["israel", "israeli"], &["jerusalem"]),
    c(
        "PS",
        "Palestinian",
        &["palestine", "palestinian", "palestinians"],
        &["ramallah"],
    ),
    c(
        "TR",
        "Turkish",
        &["turkey", "türkiye", "turkish"],
        &["ankara"],
    ),
    c("CA", "Canadian", &["canada", "canadian"], &["ottawa"]),
    c("JP", "Japanese", &["japan", "japanese"], &["tokyo"]),
    c("IN", "Indian", &["india", "indian"], &["new delhi"]),
    c(
        "PK",
        "Pakistani",
        &["pakistan", "pakistani"],
        &["islamabad"],
    ),
    c("PL", "Polish", &["poland", "polish"], &["warsaw"]),
    c("IT", "Italian", &["italy", "italian"], &["rome"]),
    c("ES", "Spanish", &["spain", "spanish"], &["madrid"]),
    c("BY", "Belarusian", &["belarus", "belarusian"], &["minsk"]),
    c(
        "KP",
        "North Korean",
        &["north korea", "north korean"],
        &["pyongyang"],
    ),
    c(
        "KR",
        "South Korean",
        &["south korea", "south korean"],
        &["seoul"],
    ),
    c("SY", "Syrian", &["syria", "syrian"], &["damascus"]),
    c("LB", "Lebanese", &["lebanon", "lebanese"], &["beirut"]),
    c("QA", "Qatari", &["qatar", "qatari"], &["doha"]),
    c(
        "SA",
        "Saudi",
        &["saudi arabia", "saudi", "saudis"],
        &["riyadh"],
    ),
    c("EG", "Egyptian", &["egypt", "egyptian"], &["cairo"]),
    c("IQ", "Iraqi", &["iraq", "iraqi"], &["baghdad"]),
    c("YE", "Yemeni", &["yemen", "yemeni"], &["sanaa"]),
    c("AF", "Afghan", &["afghanistan", "afghan"], &["kabul"]),
    c("HU", "Hungarian", &["hungary", "hungarian"], &["budapest"]),
    c("RO", "Romanian", &["romania", "romanian"], &["bucharest"]),
    c("MD", "Moldovan", &["moldova", "moldovan"], &["chisinau"]),
    c("GE", "Georgian", &["georgia", "georgian"], &["tbilisi"]),
    c("AM", "Armenian", &["armenia", "armenian"], &["yerevan"]),
    c(
        "AZ",
        "Azerbaijani",
        &["azerbaijan", "azerbaijani"],
        &["baku"],
    ),
    c("NL", "Dutch", &["netherlands", "dutch"], &["the hague"]),
    c("BE", "Belgian", &["belgium", "belgian"], &["brussels"]),
    c("SE", "Swedish", &["sweden", "swedish"], &["stockholm"]),
    c("FI", "Finnish", &["finland", "finnish"], &["helsinki"]),
    c("NO", "Norwegian", &["norway", "norwegian"], &["oslo"]),
    c("DK", "Danish", &["denmark", "danish"], &["copenhagen"]),
    c("EE", "Estonian", &["estonia", "estonian"], &["tallinn"]),
    c("LV", "Latvian", &["latvia", "latvian"], &["riga"]),
    c(
        "LT",
        "Lithuanian",
        &["lithuania", "lithuanian"],
        &["vilnius"],
    ),
    c("IE", "Irish", &["ireland", "irish"], &["dublin"]),
    c("CH", "Swiss", &["switzerland", "swiss"], &["bern"]),
    c("AT", "Austrian", &["austria", "austrian"], &["vienna"]),
    c("GR", "Greek", &["greece", "greek"], &["athens"]),
    c(
        "CZ",
        "Czech",
        &["czech republic", "czechia", "czech"],
        &["prague"],
    ),
    c("RS", "Serbian", &["serbia", "serbian"], &["belgrade"]),
    c("KZ", "Kazakh", &["kazakhstan", "kazakh"], &[]),
    c("TW", "Taiwanese", &["taiwan", "taiwanese"], &["taipei"]),
    c(
        "AU",
        "Australian",
        &["australia", "australian"],
        &["canberra"],
    ),
    c("BR", "Brazilian", &["brazil", "brazilian"], &["brasilia"]),
    c("MX", "Mexican", &["mexico", "mexican"], &[]),
    c(
        "AR",
        "Argentine",
        &["argentina", "argentine"],
        &["buenos aires"],
    ),
    c(
        "VE",
        "Venezuelan",
        &["venezuela", "venezuelan"],
        &["caracas"],
    ),
    c("CU", "Cuban", &["cuba", "cuban"], &["havana"]),
    c(
        "ZA",
        "South African",
        &["south africa", "south african"],
        &["pretoria"],
    ),
    c("NG", "Nigerian", &["nigeria", "nigerian"], &["abuja"]),
    c(
        "ET",
        "Ethiopian",
        &["ethiopia", "ethiopian"],
        &["addis ababa"],
    ),
    c("SD", "Sudanese", &["sudan", "sudanese"], &["khartoum"]),
    c("KE", "Kenyan", &["kenya", "kenyan"], &["nairobi"]),
    c(
        "EU",
        "EU",
        &[
            "eu",
            "european union",
            "european commission",
            "european council",
            "european parliament",
        ],
        &[],
    ),
    c("NATO", "NATO", &["nato"], &[]),
    c("UN", "UN", &["un", "u.n.", "united nations"], &[]),
];

const fn c(
    code: &'static str,
    adjective: &'static str,
    forms: &'static [&'static str],
    metonyms: &'static [&'static str],
) -> Country {
    Country {
        code,
        adjective,
        forms,
        metonyms,
    }
}

/// What a country form is: a name or demonym, or a government metonym.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryForm {
    /// "Russia", "Russian", "U.S."
    Name,
    /// "Moscow", "the Kremlin", "Washington": the government.
    Metonym,
}

static COUNTRY_FORMS: LazyLock<FxHashMap<&'static str, (usize, CountryForm)>> =
    LazyLock::new(|| {
        let mut m = FxHashMap::default();
        for (i, country) in COUNTRIES.iter().enumerate() {
            for f in country.forms {
                m.entry(*f).or_insert((i, CountryForm::Name));
            }
            for f in country.metonyms {
                m.entry(*f).or_insert((i, CountryForm::Metonym));
            }
        }
        m
    });

/// Looks up a (lower-cased or not) one- or two-word country form. Plain
/// "US" only counts when written in capitals, so the pronoun "us" is safe.
pub fn country(form: &str) -> Option<(&'static Country, CountryForm)> {
    if form == "us" || form == "un" {
        return None;
    }
    with_lower(form, |lower| {
        COUNTRY_FORMS
            .get(lower.trim_end_matches(['’', '\'']))
            .map(|&(i, kind)| (&COUNTRIES[i], kind))
    })
}

/// True when `word` (any case) is the first word of a two-word country
/// form ("United" of "United States"): [`country`] of a pair of words
/// opening with any other word finds nothing, so most pairs need not be
/// joined and looked up.
pub fn opens_country_pair(word: &str) -> bool {
    static FIRSTS: LazyLock<WordSet> = LazyLock::new(|| {
        let firsts: Vec<&'static str> = COUNTRY_FORMS
            .keys()
            .filter_map(|form| form.split_once(' ').map(|(first, _)| first))
            .collect();
        WordSet::new(&firsts)
    });
    FIRSTS.contains_any_case(word)
}

/// The country entry for an ISO code or bloc.
pub fn country_by_code(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.code == code)
}

/// A well-known figure: the fallback when the text gives no role or side.
pub struct Figure {
    pub name: &'static str,
    /// Lower-cased alias surnames (transliterations) besides the last word.
    pub aliases: &'static [&'static str],
    pub role: &'static str,
    pub affiliation: &'static str,
}

/// Heads of state and government, and a few other figures who are routinely
/// named by surname alone. Only a fallback: the text's own words win.
pub const FIGURES: &[Figure] = &[
    f("Donald Trump", &[], "President of the United States", "US"),
    f(
        "Joe Biden",
        &[],
        "former President of the United States",
        "US",
    ),
    f("JD Vance", &[], "Vice President of the United States", "US"),
    f("Marco Rubio", &[], "U.S. Secretary of State", "US"),
    f("Vladimir Putin", &[], "President of Russia", "RU"),
    f("Dmitry Peskov", &[], "Kremlin spokesperson", "RU"),
    f(
        "Sergei Lavrov",
        &["lavrov"],
        "Russian Foreign Minister",
        "RU",
    ),
    f(
        "Volodymyr Zelenskyy",
        &["zelensky", "zelenskiy", "zelenskyy", "zelenski"],
        "President of Ukraine",
        "UA",
    ),
    f("Emmanuel Macron", &[], "President of France", "FR"),
    f(
        "Keir Starmer",
        &[],
        "Prime Minister of the United Kingdom",
        "GB",
    ),
    f("Friedrich Merz", &[], "Chancellor of Germany", "DE"),
    f("Olaf Scholz", &[], "former Chancellor of Germany", "DE"),
    f("Xi Jinping", &["xi"], "President of China", "CN"),
    f("Narendra Modi", &[], "Prime Minister of India", "IN"),
    f(
        "Recep Tayyip Erdogan",
        &["erdogan", "erdoğan"],
        "President of Turkey",
        "TR",
    ),
    f("Benjamin Netanyahu", &[], "Prime Minister of Israel", "IL"),
    f(
        "Ursula von der Leyen",
        &["von der leyen"],
        "President of the European Commission",
        "EU",
    ),
    f("Kaja Kallas", &[], "EU foreign policy chief", "EU"),
    f("Mark Rutte", &[], "NATO Secretary-General", "NATO"),
    f(
        "Antonio Guterres",
        &["guterres"],
        "UN Secretary-General",
        "UN",
    ),
    f(
        "Alexander Lukashenko",
        &["lukashenko"],
        "President of Belarus",
        "BY",
    ),
    f("Giorgia Meloni", &[], "Prime Minister of Italy", "IT"),
    f(
        "Viktor Orban",
        &["orban", "orbán"],
        "Prime Minister of Hungary",
        "HU",
    ),
    f("Donald Tusk", &[], "Prime Minister of Poland", "PL"),
    f("Mark Carney", &[], "Prime Minister of Canada", "CA"),
    f("Kim Jong Un", &["kim"], "Leader of North Korea", "KP"),
    f("Masoud Pezeshkian", &[], "President of Iran", "IR"),
    f(
        "Ali Khamenei",
        &["khamenei"],
        "Supreme Leader of Iran",
        "IR",
    ),
    f(
        "Mohammed bin Salman",
        &[],
        "Crown Prince of Saudi Arabia",
        "SA",
    ),
    f(
        "Luiz Inacio Lula da Silva",
        &["lula"],
        "President of Brazil",
        "BR",
    ),
    f(
        "Pedro Sánchez",
        &["sanchez"],
        "Prime Minister of Spain",
        "ES",
    ),
    f("Javier Milei", &[], "President of Argentina", "AR"),
    f("Claudia Sheinbaum", &[], "President of Mexico", "MX"),
    f("Cyril Ramaphosa", &[], "President of South Africa", "ZA"),
    f("Anthony Albanese", &[], "Prime Minister of Australia", "AU"),
    f("Shigeru Ishiba", &[], "Prime Minister of Japan", "JP"),
    f(
        "Abdel Fattah el-Sisi",
        &["sisi", "el-sisi"],
        "President of Egypt",
        "EG",
    ),
    f(
        "Mahmoud Abbas",
        &[],
        "President of the Palestinian Authority",
        "PS",
    ),
    f("Isaac Herzog", &[], "President of Israel", "IL"),
    f(
        "Ahmed al-Sharaa",
        &["al-sharaa", "sharaa"],
        "President of Syria",
        "SY",
    ),
    f("Maia Sandu", &[], "President of Moldova", "MD"),
    f("Ilham Aliyev", &[], "President of Azerbaijan", "AZ"),
    f("Nikol Pashinyan", &[], "Prime Minister of Armenia", "AM"),
    f("Lai Ching-te", &[], "President of Taiwan", "TW"),
    f("William Ruto", &[], "President of Kenya", "KE"),
    f("Bola Tinubu", &[], "President of Nigeria", "NG"),
    f("Wang Yi", &[], "Chinese Foreign Minister", "CN"),
    f("Hakan Fidan", &[], "Turkish Foreign Minister", "TR"),
    f("Abbas Araghchi", &[], "Iranian Foreign Minister", "IR"),
    f("Mette Frederiksen", &[], "Prime Minister of Denmark", "DK"),
    f("Alexander Stubb", &[], "President of Finland", "FI"),
];

const fn f(
    name: &'static str,
    aliases: &'static [&'static str],
    role: &'static str,
    affiliation: &'static str,
) -> Figure {
    Figure {
        name,
        aliases,
        role,
        affiliation,
    }
}

/// Folds a surname for alias matching: lower case, and the common
/// transliteration endings (-y, -yy, -iy, -i, -ii) made one, so
/// Zelensky / Zelenskyy / Zelenskiy meet.
pub fn name_key(word: &str) -> String {
    with_name_key(word, str::to_owned)
}

/// Calls `f` with the [`name_key`] of `word`. Keys are looked up for most
/// capitalised words of a text and rarely kept: a short ASCII word (nearly
/// every name) is folded in a buffer on the stack, not a new `String`.
pub fn with_name_key<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 32;
    if word.len() <= SHORT && word.is_ascii() {
        // No case tables or accents to consult, and a byte is a char.
        let mut buf = [0u8; SHORT];
        let mut n = 0;
        for b in word.bytes().filter(u8::is_ascii_alphanumeric) {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
        while n > 3 && matches!(buf[n - 1], b'y' | b'i') {
            n -= 1;
        }
        // ASCII is always valid UTF-8.
        if let Ok(key) = std::str::from_utf8(&buf[..n]) {
            return f(key);
        }
    }
    f(&fold_name(word))
}

/// [`name_key`] for any word, one char at a time.
fn fold_name(word: &str) -> String {
    // Sized for the word up front: growing it char by char reallocates.
    let mut k = String::with_capacity(word.len());
    k.extend(
        word.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .map(fold_accent),
    );
    while k.chars().count() > 3 && (k.ends_with('y') || k.ends_with('i')) {
        k.pop();
    }
    k
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ğ' => 'g',
        'ş' => 's',
        'ı' => 'i',
        _ => c,
    }
}

/// The fallback figure whose surname (or alias) has this [`name_key`].
pub fn figure_by_key(key: &str) -> Option<&'static Figure> {
    static BY_KEY: LazyLock<FxHashMap<String, usize>> = LazyLock::new(|| {
        let mut m = FxHashMap::default();
        for (i, fig) in FIGURES.iter().enumerate() {
            if let Some(last) = fig.name.rsplit(' ').next() {
                m.insert(name_key(last), i);
            }
            for a in fig.aliases {
                m.insert(name_key(a), i);
            }
        }
        m
    });
    BY_KEY.get(key).map(|&i| &FIGURES[i])
}

/// Common given names, by the gender they usually mark: a capitalised word
/// from these lists starts a person's name even with no title ("Donald
/// Trump", "Maria Lopez"), and tells "he" from "she" when resolving.
///
/// The bulk is data/given_names.txt (US Census 1990 first names, public
/// domain; built by data/build_names.py). The hand lists below hold only
/// what that data lacks or marks otherwise: names common in international
/// news but rare in the 1990 US census, nicknames the build drops as
/// common words ("bob", "roman"), and "jean", "valery", "yuri", male in the
/// news though female in the census. They override the data.
const GIVEN_NAMES_DATA: &str = include_str!("../../data/given_names.txt");

#[rustfmt::skip]
const MALE_NAMES: &[&str] = &[
    "alexei", "amir", "andrei", "andriy", "bob", "dmitry", "dmitri", "francois", "friedrich",
    "hussein", "igor", "keir", "maxim", "mikhail", "muhammad", "narendra", "nikolai", "oleg",
    "oleksandr", "olaf", "pavel", "recep", "roman", "sergei", "sergey", "serhiy", "viktor",
    "vladimir", "volodymyr", "xi", "yuriy", "jean", "valery", "yuri",
];

#[rustfmt::skip]
const FEMALE_NAMES: &[&str] = &[
    "giorgia", "kaja", "kemi", "marine", "olena", "yulia", "mette", "annalena", "tulsi",
];

static GIVEN: LazyLock<FxHashMap<&'static str, Gender>> = LazyLock::new(|| {
    let data = GIVEN_NAMES_DATA
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(name, g)| {
            (
                name,
                if g == "F" {
                    Gender::Female
                } else {
                    Gender::Male
                },
            )
        });
    let male = MALE_NAMES.iter().map(|n| (*n, Gender::Male));
    let female = FEMALE_NAMES.iter().map(|n| (*n, Gender::Female));
    data.chain(male).chain(female).collect()
});

/// The gender a given name, title or role word usually marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// True when `word` is a common given name.
pub fn is_given_name(word: &str) -> bool {
    with_lower(word, |w| GIVEN.contains_key(w))
}

/// The gender a given name, honorific or gendered role word marks, if any.
pub fn gender_of(word: &str) -> Option<Gender> {
    with_lower(word, |w| {
        let w = w.trim_end_matches('.');
        if let Some(&g) = GIVEN.get(w) {
            return Some(g);
        }
        match w {
            "mr" | "sir" | "king" | "prince" | "spokesman" | "chairman" | "congressman"
            | "father" | "fisherman" | "businessman" | "councilman" => Some(Gender::Male),
            "mrs" | "ms" | "miss" | "dame" | "queen" | "princess" | "spokeswoman"
            | "chairwoman" | "congresswoman" | "mother" | "businesswoman" | "councilwoman" => {
                Some(Gender::Female)
            }
            _ => None,
        }
    })
}

/// Capitalised words that never start or form part of a person's name.
#[rustfmt::skip]
const NOT_NAME: &[&str] = &[
    // function words that open sentences
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "i", "his", "her", "their", "our", "my", "you", "your", "in", "on", "at", "by", "for", "from",
    "to", "of", "with", "as", "after", "before", "during", "since", "until", "while", "when",
    "where", "if", "but", "and", "or", "so", "yet", "both", "another", "all", "some", "many",
    "most", "several", "no", "not", "yes", "there", "here", "then", "now", "also", "however",
    "meanwhile", "nonetheless", "nevertheless", "moreover", "additionally", "furthermore", "still",
    "late", "early", "around", "about", "following", "according", "despite", "although", "though",
    "because", "perhaps", "instead", "later", "earlier", "last", "next", "new", "old", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "what", "which", "who",
    "why", "how", "over", "under", "across", "among", "between", "without", "within", "into",
    "onto", "upon", "near", "outside", "inside", "total", "even", "just", "only", "more", "less",
    "such", "each", "every", "other", "others", "any", "much", "very", "will", "would", "can",
    "could", "should", "may", "might", "must", "has", "have", "had", "is", "was", "were", "are",
    "be", "been", "do", "does", "did", "said", "says", "asked", "told",
    // calendar
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "today", "yesterday", "tomorrow",
    // organisation and geography words
    "ministry", "force", "forces", "air", "army", "navy", "council", "committee", "union", "party",
    "office", "house", "court", "bank", "company", "group", "agency", "service", "department",
    "government", "administration", "parliament", "congress", "senate", "assembly", "commission",
    "organization", "organisation", "nations", "states", "kingdom", "republic", "federation",
    "consortium", "pipeline", "plant", "power", "nuclear", "station", "airport", "port",
    "university", "school", "hospital", "church", "mosque", "street", "square", "bridge", "river",
    "sea", "ocean", "lake", "mountain", "mountains", "island", "islands", "peninsula", "gulf",
    "bay", "strait", "region", "oblast", "province", "district", "city", "county", "valley",
    "desert", "coast", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "central", "war", "world", "cup", "league", "championship", "olympics", "games",
    "media", "news", "times", "post", "press", "one", "ii", "iii", "iv", "inc", "ltd", "corp",
    "co", "llc", "plc", "group", "defense", "defence", "state", "foreign", "affairs", "security",
    "national", "federal", "international", "global", "european", "soviet", "kremlin", "pentagon",
    "white", "islamic", "christian", "muslim", "jewish", "catholic", "orthodox", "democratic",
    "republican", "democrats", "republicans", "labour", "conservative", "liberal", "green",
    "greens", "x", "internet", "tv", "radio",
    // words that end organisation names ("Alaska Airlines", "U.S.
    // Geological Survey", "Spirit AeroSystems"): never a person's
    "airlines", "airline", "airways", "motors", "holdings", "systems", "technologies", "energy",
    "oil", "gas", "pharmaceuticals", "foods", "survey", "institute", "foundation", "association",
    "society", "network", "partners", "capital", "securities", "insurance", "telecom",
    "communications", "industries", "electric", "railways", "studios", "entertainment", "records",
    "sports", "fc", "united", "rovers", "athletic", "reuters", "press", "journal", "tribune",
    "herald", "gazette", "review", "magazine", "broadcasting", "television", "health", "care",
    "labs", "software", "solutions", "services", "trust", "fund", "exchange", "authority",
    "commission", "command", "brigade", "battalion", "regiment", "corps", "guard", "police",
    "hospital", "clinic",
];

static NOT_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOT_NAME));

/// True when a capitalised `word` cannot be part of a person's name.
///
/// Asked for every capitalised token, often several times, by the people
/// and speaker stages: the answer depends on the word alone, so it is
/// remembered per thread (bounded, so a huge paste cannot grow it forever).
pub fn is_not_name(word: &str) -> bool {
    thread_local! {
        static SEEN: std::cell::RefCell<FxHashMap<Box<str>, bool>> = Default::default();
    }
    SEEN.with(|seen| {
        if let Some(&known) = seen.borrow().get(word) {
            return known;
        }
        let answer = is_not_name_uncached(word);
        let mut seen = seen.borrow_mut();
        if seen.len() >= 16 * 1024 {
            seen.clear();
        }
        seen.insert(word.into(), answer);
        answer
    })
}

fn is_not_name_uncached(word: &str) -> bool {
    with_lower(word, |w| {
        NOT_NAME_SET.contains(w)
            || is_role_head(w)
            || institution_head(w).is_some()
            || country(w).is_some()
            || cue(w).is_some()
    })
}

/// Number words for events: "four", "a dozen", "hundreds" are kept with
/// their value ("hundreds" as a lower bound).
pub fn number_word(word: &str) -> Option<u64> {
    // Called for every word by the events stage: most are settled by their
    // length or ends, without lowering them. (A word that is not ASCII
    // lowers to no number word, whatever its length.)
    if !NUMBER_WORD_LEN.contains(&word.len()) || !NUMBER_WORD_ENDS.may_hold(word) {
        return None;
    }
    with_lower(word, |w| {
        let at = NUMBER_WORDS.binary_search_by(|&(n, _)| n.cmp(w)).ok()?;
        Some(NUMBER_WORDS[at].1)
    })
}

/// In alphabetical order, for a binary search.
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("dozen", 12),
    ("dozens", 24),
    ("eight", 8),
    ("eighteen", 18),
    ("eighty", 80),
    ("eleven", 11),
    ("fifteen", 15),
    ("fifty", 50),
    ("five", 5),
    ("forty", 40),
    ("four", 4),
    ("fourteen", 14),
    ("hundred", 100),
    ("hundreds", 200),
    ("nine", 9),
    ("nineteen", 19),
    ("ninety", 90),
    ("one", 1),
    ("seven", 7),
    ("seventeen", 17),
    ("seventy", 70),
    ("six", 6),
    ("sixteen", 16),
    ("sixty", 60),
    ("ten", 10),
    ("thirteen", 13),
    ("thirty", 30),
    ("thousands", 2000),
    ("three", 3),
    ("twelve", 12),
    ("twenty", 20),
    ("two", 2),
];

const NUMBER_WORD_ENDS: Ends = Ends::of_keys(NUMBER_WORDS);

/// How long a number word is: "one" to "seventeen" and "thousands".
const NUMBER_WORD_LEN: std::ops::RangeInclusive<usize> = 3..=9;

/// Multipliers that follow a number ("1.5 million", "two thousand").
pub fn multiplier(word: &str) -> Option<u64> {
    with_lower(word, |w| match w {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" | "mln" | "m" => Some(1_000_000),
        "billion" | "bn" => Some(1_000_000_000),
        _ => None,
    })
}

/// Qualifiers kept with a figure ("nearly 9,600", "more than 1,000").
pub fn qualifier(words: &[&str]) -> Option<(&'static str, usize)> {
    // Only the last two words count, each lowered where it is compared.
    const TWO: &[(&str, &str, &str)] = &[
        ("more", "than", "more than"),
        ("less", "than", "less than"),
        ("fewer", "than", "fewer than"),
        ("at", "least", "at least"),
        ("up", "to", "up to"),
        ("as", "many", "as many as"),
    ];
    if let [.., a, b] = words {
        let two = with_lower(a, |a| {
            with_lower(b, |b| {
                TWO.iter()
                    .find(|&&(x, y, _)| a == x && b == y)
                    .map(|&(_, _, q)| q)
            })
        });
        if let Some(q) = two {
            return Some((q, 2));
        }
    }
    let q = with_lower(words.last()?, |last| match last {
        "nearly" => Some("nearly"),
        "almost" => Some("almost"),
        "about" => Some("about"),
        "around" => Some("around"),
        "approximately" => Some("approximately"),
        "roughly" => Some("roughly"),
        "some" => Some("some"),
        "over" => Some("more than"),
        "estimated" => Some("estimated"),
        "least" => Some("at least"),
        _ => None,
    })?;
    Some((q, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_never_turn_away_a_listed_word() {
        assert!(CUES.len() > 150);
        for &(w, _, _) in CUES.iter() {
            assert!(cue(w).is_some() && cue(&w.to_uppercase()).is_some(), "{w}");
        }
        assert!(NUMBER_WORDS.is_sorted_by_key(|&(w, _)| w));
        for &(w, value) in NUMBER_WORDS {
            assert!(NUMBER_WORD_LEN.contains(&w.len()), "{w}");
            assert_eq!(number_word(&w.to_uppercase()), Some(value), "{w}");
        }
        for w in ROLE_HEADS {
            assert!(is_role_head(w) && is_role_head(&w.to_uppercase()), "{w}");
        }
        let firsts = ["united", "NORTH", "The", "saudi"];
        assert!(firsts.iter().all(|w| opens_country_pair(w)));
        assert!(!CUE_ENDS.may_hold("the") && CUE_ENDS.may_hold("ﬁne"));
        for b in 0..=u8::MAX {
            let lower = b.to_ascii_lowercase();
            let letter = lower
                .is_ascii_lowercase()
                .then(|| usize::from(lower - b'a'));
            assert_eq!(Ends::bucket(b), letter.unwrap_or(26), "{b}");
        }
    }

    #[test]
    fn given_names_come_from_the_census_data_and_the_hand_lists() {
        use Gender::{Female, Male};
        // (word, is a given name, gender)
        let table: &[(&str, bool, Option<Gender>)] = &[
            ("Dolores", true, Some(Female)),
            ("Reginald", true, Some(Male)),
            ("WINIFRED", true, Some(Female)),
            ("Cornelius", true, Some(Male)),
            ("Tabitha", true, Some(Female)),
            ("Volodymyr", true, Some(Male)), // hand list: not in the census
            ("Yulia", true, Some(Female)),   // hand list
            ("Jean", true, Some(Male)),      // hand list overrides the census
            ("Summer", false, None),         // a common word, rare as a name
            ("Hope", false, None),           // likewise
            ("Ceasefire", false, None),
            ("Al", false, None), // a particle: "Al Jazeera"
            ("Von", false, None),
            ("Mrs.", false, Some(Female)), // honorifics mark gender only
            ("Spokesman", false, Some(Male)),
        ];
        for &(word, given, gender) in table {
            assert_eq!(is_given_name(word), given, "{word}");
            assert_eq!(gender_of(word), gender, "{word}");
        }
        assert!(GIVEN.len() > 4000);
    }

    #[test]
    fn tables_load_and_answer() {
        assert_eq!(cue("Said").map(|c| c.stance), Some(Stance::Assert));
        assert!(cue("called").is_some_and(|c| c.strict));
        assert!(cue("saying").is_some_and(|c| c.participle));
        assert_eq!(country("Russian").map(|(c, _)| c.code), Some("RU"));
        assert_eq!(country("U.S.").map(|(c, _)| c.code), Some("US"));
        assert!(country("us").is_none());
        assert_eq!(
            country("Kremlin").map(|(c, f)| (c.code, f)),
            Some(("RU", CountryForm::Metonym))
        );
        assert_eq!(name_key("Zelensky"), name_key("Zelenskiy"));
        assert_eq!(name_key("Zelenskyy"), name_key("Zelensky"));
        assert_eq!(
            figure_by_key(&name_key("Zelenskiy")).map(|f| f.affiliation),
            Some("UA")
        );
        assert!(is_not_name("Monday") && is_not_name("President"));
        assert_eq!(number_word("Four"), Some(4));
        assert_eq!(qualifier(&["more", "than"]), Some(("more than", 2)));
    }
}
