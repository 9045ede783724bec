//! Stage 2: place mentions, demonyms and metonyms.
//!
//! A leftmost-longest search finds every gazetteer name, demonym
//! ("Russian") and institution metonym ("the Kremlin") in the text. Its
//! patterns are only the names that can occur in the text: each capitalised
//! word is looked up in the gazetteer's first-word index and the names
//! starting there are kept when the text at that point starts with them.
//! That keeps load time to decoding the table (no 100k-pattern automaton)
//! while the search still settles overlaps as a leftmost-longest automaton
//! would: "Zaporizhzhia Nuclear Power Plant" wins over "Zaporizhzhia", "Sea
//! of Azov" over "Azov".
//!
//! Every match is then checked in its context:
//! - word boundaries on both sides, checked on the match itself;
//! - a stop list of common words that are also places ("Hit", "Nice");
//! - a place name inside a longer proper name is not a place mention: an
//!   organisation ("Caspian Pipeline Consortium", "Kyiv Independent") or a
//!   person ("Vladimir Putin", "President Lincoln");
//! - cues that say what kind of place is meant ("the Donetsk region", "the
//!   region of Kursk", "the city of Pokrovsk", "Astrakhan Governor") and a
//!   following qualifier ("Odessa, Texas");
//! - whether a capital is used for its government ("Moscow condemned",
//!   "criticism from Kyiv", "Washington-Moscow discussions").
//!
//! Offsets are UTF-8 byte offsets into the text, on char boundaries.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::bytes::{ascii_capitals, find_first, HIGHS};
use super::gazetteer::{
    first_word, is_ascii_word_break, is_word_break, Gazetteer, NameRef, GAZETTEER,
};
use super::lexicon::{self, WordSet};
use super::Span;

/// What a mention's surroundings say about the kind of place meant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Cue {
    #[default]
    None,
    /// "the Donetsk region", "region of Kursk", "Astrakhan Governor".
    Region,
    /// "the city of Pokrovsk", "Kharkiv Mayor".
    City,
    /// "the Sylhet district", "Kherson County": a second-level division,
    /// a place apart from the town it is named after.
    District,
    /// "Leyte Island", "the Bab el-Mandeb Strait": an island, strait,
    /// desert or other natural area.
    Natural,
}

/// A gazetteer name found in the text, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// What the reader sees as the mention: the name plus a cue word that
    /// belongs to it ("Donetsk region", "Kursk Oblast").
    pub span: Span,
    /// The name alone.
    pub name: Span,
    /// Every place the name can stand for.
    pub targets: Vec<NameRef>,
    pub cue: Cue,
    /// A qualifier right after the name: "Odessa, Texas" gives the index
    /// of the "Texas" candidate.
    pub qualifier: Option<usize>,
    /// "near X", "outskirts of X": the place is close to the others.
    pub near: bool,
    /// The sentence uses the name as an actor ("Moscow condemned"): if it
    /// resolves to a capital, it stands for that country's government.
    pub government_use: bool,
    /// A common English word ("Nice", "Reading") with no cue or qualifier:
    /// a place only if the article's context bears it out.
    pub common: bool,
    /// Right after a locative preposition ("in Split").
    pub locative: bool,
    /// Found by a transliteration-equivalent spelling ("Hassakeh" for
    /// Al-Hasakah), not the name as the gazetteer writes it: believed only
    /// in a country the article names.
    pub variant: bool,
    /// An all-capitals dateline at a paragraph's start ("NAIROBI, Kenya —"):
    /// a city, the larger or the capital when the name is shared.
    pub dateline: bool,
}

/// A word for a people or a country's things ("Russian", "Ukrainians"),
/// linked to the country or region it derives from. Not a place mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demonym {
    pub span: Span,
    /// ISO 3166 alpha-2 code, or `None` for a region ("European").
    pub country: Option<&'static str>,
    /// The place it derives from ("Russia", "Europe").
    pub place: &'static str,
}

/// A place name standing for a government or institution ("the Kremlin",
/// "Moscow condemned"). Not counted as a place mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metonym {
    pub span: Span,
    /// What it stands for ("Russian government").
    pub refers_to: String,
    pub country: Option<String>,
}

/// A name that looks like a place but could not be resolved, with why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unresolved {
    pub span: Span,
    pub reason: String,
}

/// Output of [`find`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mentions {
    pub candidates: Vec<Candidate>,
    pub demonyms: Vec<Demonym>,
    pub metonyms: Vec<Metonym>,
    pub unresolved: Vec<Unresolved>,
}

/// Words for peoples and the places they derive from; the plural follows a
/// `|`. Written for News Atlas.
const DEMONYMS: &[(&str, &str, &str)] = &[
    ("Russian|Russians", "RU", "Russia"),
    ("Ukrainian|Ukrainians", "UA", "Ukraine"),
    ("American|Americans", "US", "United States"),
    ("British|Britons", "GB", "United Kingdom"),
    ("French", "FR", "France"),
    ("German|Germans", "DE", "Germany"),
    ("Italian|Italians", "IT", "Italy"),
    ("Spanish|Spaniards", "ES", "Spain"),
    ("Polish|Poles", "PL", "Poland"),
    ("Chinese", "CN", "China"),
    ("Japanese", "JP", "Japan"),
    ("South Korean|South Koreans", "KR", "South Korea"),
    ("North Korean|North Koreans", "KP", "North Korea"),
    ("Indian|Indians", "IN", "India"),
    ("Pakistani|Pakistanis", "PK", "Pakistan"),
    ("Iranian|Iranians", "IR", "Iran"),
    ("Iraqi|Iraqis", "IQ", "Iraq"),
    ("Syrian|Syrians", "SY", "Syria"),
    ("Turkish|Turks", "TR", "Turkey"),
    ("Israeli|Israelis", "IL", "Israel"),
    ("Palestinian|Palestinians", "PS", "Palestine"),
    ("Lebanese", "LB", "Lebanon"),
    ("Egyptian|Egyptians", "EG", "Egypt"),
    ("Saudi|Saudis", "SA", "Saudi Arabia"),
    ("Qatari|Qataris", "QA", "Qatar"),
    ("Emirati|Emiratis", "AE", "United Arab Emirates"),
    ("Yemeni|Yemenis", "YE", "Yemen"),
    ("Jordanian|Jordanians", "JO", "Jordan"),
    ("Afghan|Afghans", "AF", "Afghanistan"),
    ("Canadian|Canadians", "CA", "Canada"),
    ("Mexican|Mexicans", "MX", "Mexico"),
    ("Brazilian|Brazilians", "BR", "Brazil"),
    (
        "Argentine|Argentines|Argentinian|Argentinians",
        "AR",
        "Argentina",
    ),
    ("Venezuelan|Venezuelans", "VE", "Venezuela"),
    ("Colombian|Colombians", "CO", "Colombia"),
    ("Cuban|Cubans", "CU", "Cuba"),
    ("Australian|Australians", "AU", "Australia"),
    ("Dutch", "NL", "Netherlands"),
    ("Belgian|Belgians", "BE", "Belgium"),
    ("Swiss", "CH", "Switzerland"),
    ("Austrian|Austrians", "AT", "Austria"),
    ("Swedish|Swedes", "SE", "Sweden"),
    ("Norwegian|Norwegians", "NO", "Norway"),
    ("Danish|Danes", "DK", "Denmark"),
    ("Finnish|Finns", "FI", "Finland"),
    ("Estonian|Estonians", "EE", "Estonia"),
    ("Latvian|Latvians", "LV", "Latvia"),
    ("Lithuanian|Lithuanians", "LT", "Lithuania"),
    ("Belarusian|Belarusians", "BY", "Belarus"),
    ("Moldovan|Moldovans", "MD", "Moldova"),
    ("Romanian|Romanians", "RO", "Romania"),
    ("Hungarian|Hungarians", "HU", "Hungary"),
    ("Czech|Czechs", "CZ", "Czechia"),
    ("Slovak|Slovaks", "SK", "Slovakia"),
    ("Serbian|Serbs", "RS", "Serbia"),
    ("Croatian|Croats", "HR", "Croatia"),
    ("Bulgarian|Bulgarians", "BG", "Bulgaria"),
    ("Greek|Greeks", "GR", "Greece"),
    ("Georgian|Georgians", "GE", "Georgia"),
    ("Armenian|Armenians", "AM", "Armenia"),
    ("Azerbaijani|Azerbaijanis", "AZ", "Azerbaijan"),
    ("Kazakh|Kazakhs", "KZ", "Kazakhstan"),
    ("Irish", "IE", "Ireland"),
    ("Portuguese", "PT", "Portugal"),
    ("Nigerian|Nigerians", "NG", "Nigeria"),
    ("Kenyan|Kenyans", "KE", "Kenya"),
    ("Ethiopian|Ethiopians", "ET", "Ethiopia"),
    ("Sudanese", "SD", "Sudan"),
    ("Somali|Somalis", "SO", "Somalia"),
    ("South African|South Africans", "ZA", "South Africa"),
    ("Ghanaian|Ghanaians", "GH", "Ghana"),
    ("Congolese", "CD", "Democratic Republic of the Congo"),
    ("Libyan|Libyans", "LY", "Libya"),
    ("Tunisian|Tunisians", "TN", "Tunisia"),
    ("Algerian|Algerians", "DZ", "Algeria"),
    ("Moroccan|Moroccans", "MA", "Morocco"),
    ("Indonesian|Indonesians", "ID", "Indonesia"),
    ("Filipino|Filipinos", "PH", "Philippines"),
    ("Vietnamese", "VN", "Vietnam"),
    ("Thai", "TH", "Thailand"),
    ("Malaysian|Malaysians", "MY", "Malaysia"),
    ("Taiwanese", "TW", "Taiwan"),
    ("Chilean|Chileans", "CL", "Chile"),
    ("Peruvian|Peruvians", "PE", "Peru"),
    ("Haitian|Haitians", "HT", "Haiti"),
    ("Bangladeshi|Bangladeshis", "BD", "Bangladesh"),
    ("Nepali|Nepalis", "NP", "Nepal"),
    ("Kuwaiti|Kuwaitis", "KW", "Kuwait"),
    ("Omani|Omanis", "OM", "Oman"),
    ("European|Europeans", "", "Europe"),
    ("African|Africans", "", "Africa"),
    ("Asian|Asians", "", "Asia"),
    ("Soviet", "", "Soviet Union"),
    ("Crimean", "UA", "Crimea"),
];

/// Names that always stand for an institution, never a place.
const INSTITUTIONS: &[(&str, &str, &str)] = &[
    ("Kremlin", "RU", "Russian presidential administration"),
    ("White House", "US", "U.S. presidential administration"),
    ("Pentagon", "US", "U.S. Department of Defense"),
    ("Capitol Hill", "US", "U.S. Congress"),
    ("Foggy Bottom", "US", "U.S. State Department"),
    ("Downing Street", "GB", "UK prime minister's office"),
    ("Whitehall", "GB", "UK government"),
    ("Elysee", "FR", "French presidency"),
    ("Élysée", "FR", "French presidency"),
    ("Elysee Palace", "FR", "French presidency"),
    ("Élysée Palace", "FR", "French presidency"),
    ("Quai d'Orsay", "FR", "French foreign ministry"),
    ("Zhongnanhai", "CN", "Chinese leadership"),
    ("Bankova", "UA", "Ukrainian presidential office"),
];

/// `data/place_words.tsv`: the words read around a name, by class.
static PLACE_WORDS: &str = include_str!("../../data/place_words.tsv");

/// The words of one class of [`PLACE_WORDS`].
pub(crate) fn place_words(class: &str) -> WordSet {
    let words: Vec<&'static str> = PLACE_WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(c, _)| *c == class)
        .map(|(_, w)| w.trim())
        .collect();
    WordSet::new(&words)
}

/// Single words that are never a place alone (months, titles, directions,
/// generic place words, surnames in the news): multi-word names containing
/// them ("Port Louis") are unaffected, and "May, Oklahoma" still counts
/// (qualified).
static STOP_SET: LazyLock<WordSet> = LazyLock::new(|| place_words("not_place"));

/// `data/common_words.txt`: common English words that are also one-word
/// place names ("nice", "split", "time"), from a registry word list.
static COMMON_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let words: Vec<&'static str> = include_str!("../../data/common_words.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    WordSet::new(&words)
});

/// True when `form` is one capitalised common English word ("Nice",
/// "Reading"), not an acronym ("US").
pub(crate) fn is_common_word(form: &str) -> bool {
    let mut chars = form.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && COMMON_WORDS.contains_any_case(form)
}

/// Words after a name that make it a natural or named area ("Leyte
/// Island", "Bab el-Mandeb Strait"): part of the mention, not a person's
/// surname.
static NATURAL_SET: LazyLock<WordSet> = LazyLock::new(|| place_words("natural"));

/// Second-level division words after a name ("Sylhet district").
static DIVISION_SET: LazyLock<WordSet> = LazyLock::new(|| place_words("division"));

/// Plural region words after two names ("Kherson and Zaporizhzhia regions").
static REGIONS_SET: LazyLock<WordSet> = LazyLock::new(|| place_words("regions"));

/// Words after a town's name that make the mention a facility ("Kursk
/// nuclear power plant", "Mosul dam"), and the words that may come between
/// ("nuclear power").
static FACILITY_SET: LazyLock<WordSet> = LazyLock::new(|| place_words("facility"));
static FACILITY_MOD_SET: LazyLock<WordSet> = LazyLock::new(|| place_words("facility_mod"));

/// Capitalised words that start a sentence before a region word ("The
/// region"), never a name.
static NOT_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| place_words("not_name"));

/// Nouns that, capitalised after a place name, make it part of an
/// organisation's name ("Caspian Pipeline Consortium", "Kyiv Independent").
const ORG_WORDS: &[&str] = &[
    "Consortium",
    "Survey",
    "Geological",
    "University",
    "Institute",
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Tribune",
    "Airlines",
    "Airways",
    "Company",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "Group",
    "Bank",
    "FC",
    "United",
    "Club",
    "Pipeline",
    "Railways",
    "Telegraph",
    "Independent",
    "Gazette",
    "Review",
    "Daily",
    "News",
    "Press",
    "Broadcasting",
    "Television",
    "Radio",
    "Foundation",
    "Fund",
    "Fleet",
    "Symphony",
    "Orchestra",
    "Ballet",
    "Opera",
    "Museum",
    "Zoo",
    "Stock",
    "Exchange",
    "Police",
    "Agreement",
    "Accords",
    "Accord",
    "Protocol",
    "Format",
    "Convention",
    "Treaty",
    "Declaration",
    "Summit",
    "Process",
    "Group",
    "Initiative",
];

/// [`ORG_WORDS`] as a set: the words after every place name are checked.
static ORG_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ORG_WORDS));

/// Capitalised words that may follow a city's name without making it part
/// of a longer proper name.
const FOLLOW_OK: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Oblast",
    "Region",
    "Province",
    "State",
    "Governor",
    "Mayor",
    "Airport",
    "I",
    "On",
    "In",
    "At",
    "And",
    "But",
    "Or",
    "The",
    "As",
    "For",
    "From",
    "To",
    "Republicans",
    "Democrats",
    "Republican",
    "Democratic",
    "Oblast's",
    "Region's",
];

/// [`FOLLOW_OK`] as a set.
static FOLLOW_OK_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(FOLLOW_OK));

/// Words (and titles) right before a name that make it a person's name.
const TITLES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Governor",
    "Gen.",
    "General",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen.",
    "Senator",
    "Rep.",
    "Secretary",
    "Chancellor",
    "Pope",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "Col.",
    "Colonel",
    "Lt.",
    "Sgt.",
    "Adm.",
    "Admiral",
    "Commander",
    "Ambassador",
    "Judge",
    "Justice",
    "Speaker",
    "Chairman",
    "Mayor",
    "Premier",
    "Lord",
    "Lady",
    "Sir",
    "Saint",
    "Hurricane",
    "Typhoon",
    "Cyclone",
    "Storm",
    "Operation",
];

/// [`TITLES`] as a set, with the titles of `data/place_words.tsv`.
static TITLE_SET: LazyLock<WordSet> = LazyLock::new(|| {
    let extra = PLACE_WORDS
        .lines()
        .filter_map(|l| l.strip_prefix("title\t"))
        .map(str::trim);
    let words: Vec<&'static str> = TITLES.iter().copied().chain(extra).collect();
    WordSet::new(&words)
});

/// Words that make the capitalised name a place is part of an
/// organisation's ("Air France", "Bank of England").
static ORG_HEAD_SET: LazyLock<WordSet> = LazyLock::new(|| place_words("org_head"));

/// Given names that seldom name a person at a sentence's start ("Will").
static NOT_GIVEN_SET: LazyLock<WordSet> = LazyLock::new(|| place_words("not_given"));

/// Words that join the parts of an organisation's name ("Security Service
/// of Ukraine", "Islamic State in Iraq and the Levant").
fn is_name_joiner(w: &str) -> bool {
    matches!(w, "of" | "in" | "for" | "and" | "the" | "on")
}

/// True when the place name at `name` ends a capitalised name that an
/// organisation word makes an organisation's: "Air France", "Radio Free
/// Europe", "Real Madrid", "Bank of England", "Security Service of
/// Ukraine", "Islamic State in Iraq and the Levant". Walks back over up to
/// six words: capitalised ones, and the joiners of [`is_name_joiner`]
/// between them. "the Republic of Korea", "Governor of Texas" have no
/// organisation word and stay places.
fn in_organisation_name(text: &str, name: Span) -> bool {
    let mut end = name.start;
    for _ in 0..6 {
        let Some(w) = prev_word(text, Span::new(end, end)) else {
            return false;
        };
        let start = end - 1 - w.len();
        if is_name_joiner(w) {
            // Joins the parts of the name.
        } else if is_capitalised(w) {
            let w = w.trim_end_matches(['.', ',']);
            if ORG_HEAD_SET.contains(w) {
                return true;
            }
            // "Islamic State in Iraq" (but "the State of Israel").
            if w == "State" && text[start..].starts_with("State in ") {
                return true;
            }
            if text[start..end].contains([',', '.']) {
                return false;
            }
        } else {
            return false;
        }
        end = start;
    }
    false
}

/// "France 24", "Russia 1": a name right before a small number that is not
/// a count of something ("Gaza 24 people") names a channel or a team.
fn before_channel_number(text: &str, around: &Around) -> bool {
    let Some((start, w)) = around.next else {
        return false;
    };
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let end = start + w.len();
    let rest = &text[end..];
    if rest.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '%' | '.' | ',' | ':')) {
        return false;
    }
    match next_word(text, Span::new(start, end)) {
        Some((_, after)) => {
            !after.starts_with(char::is_lowercase)
                || matches!(
                    after,
                    "said"
                        | "says"
                        | "reported"
                        | "reports"
                        | "told"
                        | "aired"
                        | "broadcast"
                        | "quoted"
                        | "showed"
                        | "television"
                        | "channel"
                )
        }
        None => true,
    }
}

/// Reporting and action verbs whose subject, if a capital, is its
/// government ("Moscow condemned", "Kyiv argues"). Sorted, so that
/// [`starts_with_actor_verb`] compares only those with a word's first
/// letter.
const ACTOR_VERBS: &[&str] = &[
    "accept", "accus", "admit", "agree", "aim", "allow", "announc", "approv", "argu", "ask",
    "attack", "back", "ban", "believ", "blam", "bomb", "call", "captur", "claim", "condemn",
    "confirm", "consider", "critici", "decid", "demand", "deni", "deny", "deploy", "dismiss",
    "dispatch", "emphasi", "expect", "expel", "fire", "hail", "hope", "insist", "insists",
    "intend", "launch", "maintain", "object", "offer", "order", "plan", "pledg", "prais", "press",
    "propos", "protest", "push", "recogni", "refus", "reject", "respond", "retaliat", "retort",
    "said", "sanction", "say", "seek", "seiz", "send", "sent", "shell", "sign", "signal", "sought",
    "stat", "step", "stress", "strik", "struck", "summon", "tell", "threat", "told", "took",
    "unleash", "urge", "view", "vow", "want", "warn", "welcom",
];

/// Nouns after a capital's possessive that make it the government
/// ("Moscow's position"), where "Kyiv's mayor" stays a place.
const GOVERNMENT_NOUNS: &[&str] = &[
    "position",
    "stance",
    "demand",
    "demands",
    "proposal",
    "proposals",
    "plan",
    "offer",
    "terms",
    "conditions",
    "response",
    "decision",
    "policy",
    "refusal",
    "claim",
    "claims",
    "envoy",
    "negotiators",
    "delegation",
    "allies",
    "ally",
    "war",
    "invasion",
    "forces",
    "troops",
    "military",
    "army",
    "government",
    "leadership",
    "intelligence",
    "diplomats",
    "diplomacy",
    "ambassador",
    "backing",
    "support",
    "approach",
    "strategy",
    "aims",
    "goals",
    "interests",
    "narrative",
    "rhetoric",
    "objections",
    "assurances",
    "sanctions",
    "ultimatum",
    "bid",
    "efforts",
    "attempt",
    "aggression",
    "campaign",
    "line",
    "view",
    "views",
    "insistence",
    "approval",
    "consent",
    "representatives",
    "officials",
    "red",
];

/// Nouns before "from X" that make X the government ("criticism from Kyiv").
const FROM_NOUNS: &[&str] = &[
    "criticism",
    "concessions",
    "pressure",
    "support",
    "demands",
    "request",
    "response",
    "objections",
    "approval",
    "signal",
    "signals",
    "message",
    "assurances",
    "guarantees",
    "backing",
    "aid",
    "funding",
    "opposition",
    "resistance",
    "protests",
    "complaints",
    "warnings",
    "threats",
    "proposals",
    "offer",
    "commitment",
    "commitments",
];

/// Nouns before "with X" that make X the government ("talks with Moscow").
const WITH_NOUNS: &[&str] = &[
    "talks",
    "relations",
    "ties",
    "negotiations",
    "deal",
    "agreement",
    "dialogue",
    "contacts",
    "cooperation",
    "rift",
    "dispute",
    "standoff",
    "row",
    "tensions",
];

/// The adjective for a country's things ("Russian" for RU), if known.
pub fn demonym_of(cc: &str) -> Option<&'static str> {
    DEMONYMS
        .iter()
        .find(|(_, c, _)| *c == cc)
        .and_then(|(forms, _, _)| forms.split('|').next())
}

struct Extra {
    /// Index into [`DEMONYMS`] or [`INSTITUTIONS`].
    demonym: Option<usize>,
    institution: Option<usize>,
}

/// Demonym and institution forms, keyed by their first word.
static EXTRAS: LazyLock<FxHashMap<&'static str, Vec<(&'static str, Extra)>>> =
    LazyLock::new(|| {
        let mut map: FxHashMap<&'static str, Vec<(&'static str, Extra)>> = FxHashMap::default();
        for (i, (forms, _, _)) in DEMONYMS.iter().enumerate() {
            for form in forms.split('|') {
                map.entry(first_word(form)).or_default().push((
                    form,
                    Extra {
                        demonym: Some(i),
                        institution: None,
                    },
                ));
            }
        }
        for (i, (form, _, _)) in INSTITUTIONS.iter().enumerate() {
            map.entry(first_word(form)).or_default().push((
                form,
                Extra {
                    demonym: None,
                    institution: Some(i),
                },
            ));
        }
        map
    });

/// What one pattern leads to.
#[derive(Default)]
struct Pattern {
    places: Vec<NameRef>,
    demonym: Option<usize>,
    institution: Option<usize>,
}

/// Finds place mentions, demonyms and metonyms in `text`.
///
/// ```
/// use news_atlas_analysis::{gazetteer::GAZETTEER, mentions};
/// let text = "Kremlin aides said Russian troops neared the Sea of Azov.";
/// let m = mentions::find(text, &GAZETTEER);
/// assert_eq!(m.candidates[0].span.slice(text), "Sea of Azov");
/// assert_eq!(m.demonyms[0].country, Some("RU"));
/// assert_eq!(m.metonyms[0].refers_to, "Russian presidential administration");
/// ```
pub fn find(text: &str, gaz: &Gazetteer) -> Mentions {
    let words: Vec<(usize, &str)> = capitalised_words(text).collect();
    let patterns = patterns_in(text, &words, gaz);
    let mut out = Mentions::default();
    // Names seen as part of a person's name ("Igor Babushkin"): their bare
    // repeats ("Babushkin said") are the person too.
    // A set: a long text repeats the same few names hundreds of times.
    let mut persons: FxHashSet<&str> = FxHashSet::default();
    for (name, pattern) in leftmost_longest(text, &patterns) {
        if !at_word_boundaries(text, name) {
            continue;
        }
        let form = name.slice(text);
        if let Some(i) = pattern.institution {
            let (_, cc, refers_to) = INSTITUTIONS[i];
            out.metonyms.push(Metonym {
                span: name,
                refers_to: refers_to.to_string(),
                country: Some(cc.to_string()),
            });
            continue;
        }
        // "Canadian police": a demonym before the small towns and the
        // divisions of its spelling (Canadian, Texas).
        let demonym_first = pattern.demonym.is_some()
            && pattern.places.iter().all(|n| {
                let e = &gaz.entries[n.entry as usize];
                e.division || e.kind == super::PlaceKind::City && e.population < 100_000
            });
        if pattern.places.is_empty() || demonym_first {
            if let Some(i) = pattern.demonym {
                let (_, cc, place) = DEMONYMS[i];
                out.demonyms.push(Demonym {
                    span: name,
                    country: (!cc.is_empty()).then_some(cc),
                    place,
                });
            }
            continue;
        }
        let big = pattern.places.iter().any(|n| {
            let e = &gaz.entries[n.entry as usize];
            !matches!(e.kind, super::PlaceKind::City | super::PlaceKind::Region)
                || e.population >= 1_000_000
        });
        let around = Around::of(text, name);
        match longer_name(text, &around, big) {
            Some(Longer::Person) => {
                // A big place's bare repeats stay places ("Jack London ...
                // visited London").
                if !big {
                    persons.insert(form);
                }
                continue;
            }
            Some(Longer::Organisation) => continue,
            None => {}
        }
        let qualified = is_qualified(text, name);
        if STOP_SET.contains(form) && !qualified {
            continue;
        }
        if let Some(end) = facility_after(text, &around) {
            let only_towns = pattern.places.iter().all(|n| {
                matches!(
                    gaz.entries[n.entry as usize].kind,
                    super::PlaceKind::City | super::PlaceKind::Region
                )
            });
            if only_towns {
                let span = Span::new(name.start, end);
                out.unresolved.push(Unresolved {
                    span,
                    reason: format!(
                        "\"{}\" names a facility the gazetteer lacks; it is named after {form}, \
                         whose position is not the facility's",
                        span.slice(text)
                    ),
                });
                continue;
            }
        }
        let (cue, span) = cue_of(text, &around);
        let locative = around.prev.is_some_and(|p| LOCATIVE.contains(&p));
        // "Gulf Coast": a natural-area word does not make a common word a
        // known place's name.
        let common = matches!(cue, Cue::None | Cue::Natural) && !qualified && is_common_word(form);
        out.candidates.push(Candidate {
            span,
            name,
            targets: pattern.places.clone(),
            cue,
            qualifier: None,
            near: is_near(&around),
            government_use: government_use(text, name),
            common,
            locative,
            variant: false,
            dateline: false,
        });
    }
    add_datelines(text, gaz, &mut out.candidates);
    // "in Paris" stays a place after "Paris Hilton".
    out.candidates
        .retain(|c| c.cue != Cue::None || c.locative || !persons.contains(&c.name.slice(text)));
    settle_government_use(text, &mut out.candidates);
    link_qualifiers(text, &mut out.candidates);
    let unmatched = unmatched_cued_names(text, &words, &out.candidates);
    // A marked name the gazetteer spells otherwise ("the province of
    // Hassakeh" for Al-Hasakah) is a candidate of that spelling, which the
    // resolver believes only in a country the article names.
    let mut variants = Vec::new();
    for u in unmatched {
        let targets = spelled_alike(gaz, u.span.slice(text));
        if targets.is_empty() {
            out.unresolved.push(u);
            continue;
        }
        let around = Around::of(text, u.span);
        let (cue, span) = cue_of(text, &around);
        variants.push(Candidate {
            span,
            name: u.span,
            targets,
            cue,
            qualifier: None,
            near: is_near(&around),
            government_use: false,
            common: false,
            locative: around.prev.is_some_and(|p| LOCATIVE.contains(&p)),
            variant: true,
            dateline: false,
        });
    }
    if !variants.is_empty() {
        out.candidates.append(&mut variants);
        out.candidates.sort_by_key(|c| c.span.start);
        link_qualifiers(text, &mut out.candidates);
    }
    out.unresolved.sort_by_key(|u| u.span);
    out
}

/// The names (and demonym and institution forms) that occur in `text` at
/// the start of one of its capitalised `words`, sorted by their text: the
/// patterns [`leftmost_longest`] looks for in this text.
fn patterns_in<'t>(
    text: &'t str,
    words: &[(usize, &'t str)],
    gaz: &'t Gazetteer,
) -> Vec<(&'t str, Pattern)> {
    let mut patterns: FxHashMap<&str, Pattern> = FxHashMap::default();
    // Each word's distinct word (an index into `left`), and how many times
    // each distinct word is still to come. Sized once: it would otherwise
    // grow several times over a long text.
    let mut ids: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(words.len(), Default::default());
    let mut left: Vec<(usize, Option<Range<usize>>)> = Vec::new();
    let id_of: Vec<usize> = words
        .iter()
        .map(|&(_, word)| {
            let id = *ids.entry(word).or_insert_with(|| {
                left.push((0, None));
                left.len() - 1
            });
            left[id].0 += 1;
            id
        })
        .collect();
    // What each distinct word may start, looked up in the gazetteer at its
    // first occurrence only: an article repeats its names ("Ukraine",
    // "Kyiv"), and each gazetteer lookup reads a table far out of cache.
    // Each name is tried where it is looked up; only the names not found
    // there of a word still to come are kept as probes, and those of a word
    // seen for the last time are dropped, so the vector holds only what
    // later words may still find.
    let mut probes: Vec<Probe> = Vec::new();
    for (&(start, word), &id) in words.iter().zip(&id_of) {
        let rest = &text[start..];
        let (to_come, range) = &mut left[id];
        *to_come -= 1;
        let Some(range) = range.clone() else {
            let first = probes.len();
            let keep = *to_come > 0;
            each_probe(word, gaz, |probe| {
                if starts_with_name(rest, probe.name) {
                    add_found(&mut patterns, &probe);
                } else if keep {
                    probes.push(probe);
                }
            });
            *range = Some(first..probes.len());
            continue;
        };
        // An empty range may lie past the end once a range before it is
        // dropped: it has nothing to probe.
        for probe in probes.get_mut(range.clone()).unwrap_or_default() {
            // A name once found adds nothing more where it recurs.
            if probe.found || !starts_with_name(rest, probe.name) {
                continue;
            }
            probe.found = true;
            add_found(&mut patterns, probe);
        }
        if *to_come == 0 && range.end == probes.len() {
            probes.truncate(range.start);
        }
    }
    let mut sorted: Vec<(&str, Pattern)> = patterns.into_iter().collect();
    sorted.sort_unstable_by_key(|&(name, _)| name);
    sorted
}

/// `rest.starts_with(name)`, but the byte where `name` would end is
/// compared first: a common word starts hundreds of names ("North", "San"),
/// and that byte rules out nearly all of them without a full comparison.
fn starts_with_name(rest: &str, name: &str) -> bool {
    let (rest, name) = (rest.as_bytes(), name.as_bytes());
    match name.last() {
        Some(last) => rest.get(name.len() - 1) == Some(last) && rest.starts_with(name),
        None => true,
    }
}

/// A name or form that a word may start, for [`patterns_in`].
struct Probe<'t> {
    name: &'t str,
    leads_to: Lead,
    /// Found in the text already.
    found: bool,
}

/// What a [`Probe`] adds to its pattern when found.
#[derive(Clone, Copy)]
enum Lead {
    Place(NameRef),
    Extra(&'static Extra),
}

/// What a found probe adds to the pattern of its name.
fn add_found<'t>(patterns: &mut FxHashMap<&'t str, Pattern>, probe: &Probe<'t>) {
    let p = patterns.entry(probe.name).or_default();
    match probe.leads_to {
        Lead::Place(n) => {
            if !p.places.contains(&n) {
                p.places.push(n);
            }
        }
        Lead::Extra(extra) => {
            p.demonym = p.demonym.or(extra.demonym);
            p.institution = p.institution.or(extra.institution);
        }
    }
}

/// Passes `f` the probes of a capitalised `word`: the gazetteer names and
/// the demonym and institution forms it may start, in the order the
/// patterns take them.
fn each_probe<'t>(word: &'t str, gaz: &'t Gazetteer, mut f: impl FnMut(Probe<'t>)) {
    // A sentence-final period is not part of the word ("in Paris.").
    let trimmed = word.trim_end_matches('.');
    let forms: &[&str] = if trimmed == word {
        &[word]
    } else {
        &[word, trimmed]
    };
    for &w in forms {
        for n in gaz.names_starting(w) {
            f(Probe {
                name: gaz.text_of(n),
                leads_to: Lead::Place(*n),
                found: false,
            });
        }
        for (form, extra) in EXTRAS.get(w).into_iter().flatten() {
            f(Probe {
                name: form,
                leads_to: Lead::Extra(extra),
                found: false,
            });
        }
    }
}

/// The non-overlapping matches of `patterns` (sorted by text, distinct)
/// anywhere in `text`, leftmost-longest: scanning left to right, the first
/// position where some pattern matches wins, and the longest pattern there;
/// the scan resumes after it. These are the semantics of a leftmost-longest
/// Aho-Corasick automaton (so "Sea of Azov" wins over "Azov"), found
/// without building one: an article has few patterns, and only a byte that
/// starts one of them needs a look.
fn leftmost_longest<'a>(
    text: &'a str,
    patterns: &'a [(&'a str, Pattern)],
) -> impl Iterator<Item = (Span, &'a Pattern)> + 'a {
    // The patterns starting with each byte, as a range of `patterns`: a
    // match starts with its first byte, so only that range is searched.
    let mut starting = [(0u32, 0u32); 256];
    for (i, (name, _)) in patterns.iter().enumerate() {
        if let Some(&b) = name.as_bytes().first() {
            let range = &mut starting[usize::from(b)];
            if range.0 == range.1 {
                range.0 = i as u32;
            }
            range.1 = i as u32 + 1;
        }
    }
    // Every pattern starts as the capitalised word it was found at does, so
    // the scan skips to such bytes eight at a time.
    debug_assert!(patterns.iter().all(|(name, _)| name
        .as_bytes()
        .first()
        .is_none_or(|&b| is_capital_or_lead(b))));
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(found) = bytes.get(at..).and_then(find_capital_or_lead) {
            let start = at + found;
            at = start + 1;
            let (first, end) = starting[usize::from(bytes[start])];
            if first == end {
                continue;
            }
            let here = patterns.get(first as usize..end as usize).unwrap_or(&[]);
            // A pattern's first byte starts a char, so `start` and the
            // match's end are char boundaries.
            if let Some((name, pattern)) = longest_prefix(here, &bytes[start..]) {
                at = start + name.len();
                return Some((Span::new(start, at), pattern));
            }
        }
        at = bytes.len();
        None
    })
}

/// The longest of `patterns` (sorted by text) that `hay` starts with.
///
/// The greatest pattern not after `hay` is the answer if it is a prefix of
/// `hay`. If not, no pattern longer than their common prefix can be one (it
/// would sort between the two), so the search repeats on that prefix.
fn longest_prefix<'a>(
    patterns: &'a [(&'a str, Pattern)],
    hay: &[u8],
) -> Option<&'a (&'a str, Pattern)> {
    let mut probe = hay;
    loop {
        let i = patterns.partition_point(|(name, _)| name.as_bytes() <= probe);
        let candidate = patterns.get(i.checked_sub(1)?)?;
        let name = candidate.0.as_bytes();
        if probe.starts_with(name) {
            return Some(candidate);
        }
        let common = name.iter().zip(probe).take_while(|(a, b)| a == b).count();
        probe = &probe[..common];
    }
}

/// Words of `text` that start with an upper-case letter, with their offsets.
///
/// Only a byte that can start an upper-case char (an ASCII capital, or the
/// first byte of a multi-byte char) is looked at closely: it starts such a
/// word when its char is upper-case and the char before it ends a word
/// ([`is_word_break`]). The lower-case text between costs one test a byte.
fn capitalised_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(found) = bytes.get(at..).and_then(find_capital_or_lead) {
            let start = at + found;
            let upper = bytes[start].is_ascii_uppercase()
                || text[start..].chars().next().is_some_and(char::is_uppercase);
            if upper && follows_word_break(text, start) {
                at = word_end(text, start);
                return Some((start, &text[start..at]));
            }
            at = start + 1;
        }
        at = bytes.len();
        None
    })
}

/// True for an ASCII capital or the first byte of a multi-byte char: the
/// bytes an upper-case char can start with.
fn is_capital_or_lead(b: u8) -> bool {
    b.is_ascii_uppercase() || b >= 0xC0
}

/// The offset of the first byte of `bytes` that [`is_capital_or_lead`],
/// eight bytes at a time: such bytes are a few in a hundred, and the scans
/// for capitalised words and for the patterns' starts run over every byte
/// of the text.
fn find_capital_or_lead(bytes: &[u8]) -> Option<usize> {
    find_first(bytes, capitals_or_leads, is_capital_or_lead)
}

/// The high bit of each byte of `word` that [`is_capital_or_lead`]: an
/// ASCII capital, or a byte with its top two bits set (0xC0 and up).
fn capitals_or_leads(word: u64) -> u64 {
    ascii_capitals(word) | word & (word << 1) & HIGHS
}

/// True when the char before byte `at` (a char boundary) is a word break,
/// or `at` starts the text.
fn follows_word_break(text: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|i| text.as_bytes()[i]) {
        None => true,
        Some(b) if b.is_ascii() => is_ascii_word_break(b),
        Some(_) => text[..at].chars().next_back().is_some_and(is_word_break),
    }
}

/// The end of the word (run of chars that are not [`is_word_break`])
/// starting at byte `start`. ASCII bytes, nearly every byte of a text, are
/// chars of their own and are tested without decoding or a char-boundary
/// check.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if is_ascii_word_break(b) {
                break;
            }
            at += 1;
            continue;
        }
        match text.get(at..).and_then(|r| r.chars().next()) {
            Some(c) if !is_word_break(c) => at += c.len_utf8(),
            _ => break,
        }
    }
    at
}

/// True when `span` stands as whole words: no letter or digit joins it on
/// either side.
pub(crate) fn at_word_boundaries(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The word right after `span` (skipping one space), if the gap is a space.
fn next_word(text: &str, span: Span) -> Option<(usize, &str)> {
    let rest = text.get(span.end..)?;
    let rest_trim = rest.strip_prefix(' ')?;
    let start = span.end + 1;
    // ASCII bytes are judged as they are; only others are decoded.
    let mut end = 0;
    while let Some(&b) = rest_trim.as_bytes().get(end) {
        if b.is_ascii() {
            if is_ascii_word_break(b) || b == b'.' {
                break;
            }
            end += 1;
            continue;
        }
        match rest_trim[end..].chars().next() {
            Some(c) if !is_word_break(c) => end += c.len_utf8(),
            _ => break,
        }
    }
    (end > 0).then(|| (start, &rest_trim[..end]))
}

/// The word right before `span` (one space between), if any.
fn prev_word(text: &str, span: Span) -> Option<&str> {
    let before = text.get(..span.start)?.strip_suffix(' ')?;
    // Back from the end to the char after the last break: white space or
    // one of `(`, `"`, `“`, `—`, `–`. ASCII bytes are judged as they are.
    let mut start = before.len();
    while let Some(&b) = start.checked_sub(1).and_then(|i| before.as_bytes().get(i)) {
        if b.is_ascii() {
            // `char::is_whitespace` on ASCII: these six.
            if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'(' | b'"') {
                break;
            }
            start -= 1;
            continue;
        }
        match before[..start].chars().next_back() {
            Some(c) if !(c.is_whitespace() || matches!(c, '“' | '—' | '–')) => {
                start -= c.len_utf8();
            }
            _ => break,
        }
    }
    let w = &before[start..];
    (!w.is_empty()).then_some(w)
}

/// The words around a matched name, found once for the checks that read
/// them ([`longer_name`], [`cue_of`], [`is_near`]).
struct Around<'t> {
    name: Span,
    /// The word right before, one space between ([`prev_word`]).
    prev: Option<&'t str>,
    /// The word right after and its offset, one space between
    /// ([`next_word`]).
    next: Option<(usize, &'t str)>,
    /// Up to 40 bytes before the name, without trailing white space: where
    /// the cue phrases end ("region of", "outskirts of").
    before: &'t str,
}

impl<'t> Around<'t> {
    fn of(text: &'t str, name: Span) -> Around<'t> {
        Around {
            name,
            prev: prev_word(text, name),
            next: next_word(text, name),
            before: tail(&text[..name.start], 40).trim_end(),
        }
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// What longer proper name a place name is part of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Longer {
    Organisation,
    Person,
}

/// Whether the name is part of an organisation's or a person's name.
/// `big` names (countries, regions, seas, cities over a million) are only
/// discounted for organisations: "U.S. Secretary", "Russia's Defense
/// Ministry" and "Ukraine Conflict" are still mentions of the country.
fn longer_name(text: &str, around: &Around, big: bool) -> Option<Longer> {
    let name = around.name;
    // Following capitalised words: an organisation if any is an org noun.
    let mut next = around.next;
    let mut following = None;
    for _ in 0..4 {
        let Some((start, w)) = next.filter(|(_, w)| is_capitalised(w)) else {
            break;
        };
        if ORG_SET.contains(w) {
            return Some(Longer::Organisation);
        }
        if following.is_none() && (NATURAL_SET.contains(w) || DIVISION_SET.contains(w)) {
            // "Leyte Island", "Kherson County": the name of a place.
            return None;
        }
        following = following.or(Some(w));
        next = next_word(text, Span::new(start, start + w.len()));
    }
    if in_organisation_name(text, name) || before_channel_number(text, around) {
        return Some(Longer::Organisation);
    }
    let form = name.slice(text);
    let starts_sentence = |prev: &str| {
        text[..name.start]
            .trim_end()
            .strip_suffix(prev)
            .map(|b| b.trim_end())
            .is_none_or(|b| b.is_empty() || b.ends_with(['.', '!', '?', '"', '”', '\n']))
    };
    if let Some(prev) = around.prev {
        // A title or a given name before wins over the gazetteer, even for a
        // large city: "Defense Secretary Austin", "Jack London".
        if TITLE_SET.contains(prev) {
            return Some(Longer::Person);
        }
        if is_capitalised(prev)
            && prev.chars().all(char::is_alphabetic)
            && lexicon::is_given_name(prev)
            && !FOLLOW_OK_SET.contains(prev)
            && !STOP_SET.contains(prev)
            && (!starts_sentence(prev) || !NOT_GIVEN_SET.contains(prev))
        {
            return Some(Longer::Person);
        }
    }
    // "Paris Hilton", "Chelsea Clinton": a place name that is also a given
    // name, before a capitalised word that is not a place word.
    if let Some(first) = following {
        if lexicon::is_given_name(form)
            && first.chars().all(char::is_alphabetic)
            && first.chars().skip(1).all(char::is_lowercase)
            && !FOLLOW_OK_SET.contains(first)
            && !STOP_SET.contains(first)
        {
            return Some(Longer::Person);
        }
    }
    if big {
        return None;
    }
    if let Some(first) = following {
        if !FOLLOW_OK_SET.contains(first) {
            return Some(Longer::Person);
        }
    }
    if let Some(prev) = around.prev {
        // "Igor Babushkin": a capitalised word right before, which does not
        // start the sentence, is most likely a given name.
        if is_capitalised(prev)
            && !starts_sentence(prev)
            && prev.chars().all(char::is_alphabetic)
            && !FOLLOW_OK_SET.contains(prev)
        {
            return Some(Longer::Person);
        }
    }
    // "Obama said": a speech verb right after a town's name makes it a
    // person, unless a preposition shows a place ("officials in X said").
    let after_preposition = around.prev.is_some_and(|p| {
        matches!(
            p,
            "in" | "from" | "at" | "near" | "of" | "to" | "across" | "around"
        )
    });
    if let Some((_, w)) = around.next.filter(|_| !after_preposition) {
        if matches!(w, "said" | "says" | "told" | "added" | "wrote" | "tweeted") {
            return Some(Longer::Person);
        }
    }
    None
}

/// "Nice, France": a name followed by a comma and a capitalised word.
fn is_qualified(text: &str, name: Span) -> bool {
    text[name.end..]
        .strip_prefix(", ")
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The end of a facility phrase after a name ("Mosul| dam", "Kursk|
/// nuclear power plant"): up to three facility modifiers, then a facility
/// word, as whole words.
fn facility_after(text: &str, around: &Around) -> Option<usize> {
    let mut next = around.next;
    for _ in 0..4 {
        let (start, w) = next?;
        let end = start + w.len();
        if FACILITY_SET.contains(w) {
            return Some(end);
        }
        if !FACILITY_MOD_SET.contains(w) {
            return None;
        }
        next = next_word(text, Span::new(start, end));
    }
    None
}

/// The cue around a name, and the mention's span including a cue word that
/// belongs to the name ("Donetsk region", "Leyte Island").
fn cue_of(text: &str, around: &Around) -> (Cue, Span) {
    let name = around.name;
    if let Some((start, w)) = around.next {
        let end = start + w.len();
        match w {
            "region" | "Region" | "oblast" | "Oblast" | "province" | "Province" | "governorate"
            | "Governorate" | "prefecture" | "Prefecture" | "krai" | "Krai" | "state" => {
                return (Cue::Region, Span::new(name.start, end))
            }
            "Governor" | "governor" => return (Cue::Region, name),
            "city" | "City" => return (Cue::City, Span::new(name.start, end)),
            "Mayor" | "mayor" => return (Cue::City, name),
            _ => {}
        }
        if REGIONS_SET.contains(w) {
            return (Cue::Region, Span::new(name.start, end));
        }
        if DIVISION_SET.contains(w) {
            return (Cue::District, Span::new(name.start, end));
        }
        if NATURAL_SET.contains(w) {
            return (Cue::Natural, Span::new(name.start, end));
        }
    }
    // "Kherson and Zaporizhzhia regions", "the Sylhet and Sunamganj
    // districts": the plural word after the second name covers the first.
    if text[name.end..].starts_with(" and ") {
        let second = name.end + " and ".len();
        if let Some(run) = capitalised_run(text, second) {
            if let Some((_, w)) = next_word(text, run) {
                if REGIONS_SET.contains(w) {
                    return (Cue::Region, name);
                }
                if DIVISION_SET.contains(w) && w.ends_with('s') {
                    return (Cue::District, name);
                }
            }
        }
    }
    // ASCII case folding is all the suffixes need: no other character
    // lower-cases to the ASCII letters in them. Every one ends in " of",
    // which settles most names at once.
    if !ends_with_ignore_ascii_case(around.before, " of") {
        return (Cue::None, name);
    }
    for (suffix, cue) in [
        ("region of", Cue::Region),
        ("province of", Cue::Region),
        ("state of", Cue::Region),
        ("oblast of", Cue::Region),
        ("governorate of", Cue::Region),
        ("district of", Cue::District),
        ("county of", Cue::District),
        ("island of", Cue::Natural),
        ("city of", Cue::City),
        ("town of", Cue::City),
        ("village of", Cue::City),
        ("settlement of", Cue::City),
        ("port of", Cue::City),
        ("capital of", Cue::City),
    ] {
        if ends_with_ignore_ascii_case(around.before, suffix) {
            return (cue, name);
        }
    }
    (Cue::None, name)
}

/// The last `n` bytes of `s` or a little more, cut on a char boundary:
/// look-behind stays constant-time however long the text.
fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    &s[start..]
}

fn is_near(around: &Around) -> bool {
    let before = around.before;
    [
        "near",
        "outside",
        "outskirts of",
        "close to",
        "north of",
        "south of",
        "east of",
        "west of",
    ]
    .iter()
    .any(|w| {
        // The last byte rules out most words before the full comparison.
        before.as_bytes().last() == w.as_bytes().last()
            && before.ends_with(w)
            && before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// True when the text uses the name as an actor or a party: the subject of
/// a reporting or action verb, a possessive before a government noun, the
/// source in "criticism from X", a side in "X-Y talks" or "talks with X".
fn government_use(text: &str, name: Span) -> bool {
    let after = &text[name.end..];
    // "Moscow's position".
    for apostrophe in ["'s ", "’s "] {
        if let Some(rest) = after.strip_prefix(apostrophe) {
            let end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            return GOVERNMENT_NOUNS.contains(&&rest[..end]);
        }
    }
    // "Washington-Moscow discussions" / "Kyiv–Moscow talks".
    // (The en dash is three bytes: strip it, never slice past one byte.)
    let hyphen_pair = after
        .strip_prefix(['-', '–'])
        .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
        || text[..name.start].ends_with(['-', '–'])
            && text[..name.start]
                .trim_end_matches(['-', '–'])
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphabetic() || c == '.');
    if hyphen_pair {
        return true;
    }
    // "Moscow condemned", "Kyiv argues", "Moscow is demanding", "Moscow, in
    // turn, launched": skip a short parenthesis, then one auxiliary.
    let mut rest = after;
    if let Some(r) = rest.strip_prefix(", ") {
        if let Some(close) = r.find(", ") {
            // At most five words are counted: the next ", " may be far.
            if r[..close].split_whitespace().take(5).count() <= 4 {
                rest = &r[close + 2..];
            }
        }
    }
    let mut words = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()));
    if !rest.starts_with(' ') && !after.starts_with(", ") {
        return preceded_by_party_noun(text, name);
    }
    let mut w = words.next().unwrap_or("");
    let mut passive = false;
    if matches!(
        w,
        "is" | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "did"
            | "does"
            | "also"
            | "has also"
            | "again"
            | "now"
            | "then"
    ) {
        passive = matches!(w, "is" | "was" | "were" | "are");
        w = words.next().unwrap_or("");
        if matches!(w, "also" | "not" | "still" | "already" | "now" | "again") {
            w = words.next().unwrap_or("");
        }
    }
    let is_verb = w.chars().next().is_some_and(char::is_lowercase)
        && starts_with_actor_verb(w)
        && (!passive || w.ends_with("ing"));
    is_verb || preceded_by_party_noun(text, name)
}

/// True when `w` starts with one of [`ACTOR_VERBS`]. A binary search
/// finds the verbs with its first letter, and only those are compared:
/// this runs for the word after nearly every place name.
fn starts_with_actor_verb(w: &str) -> bool {
    let first = w.as_bytes().first();
    let from = ACTOR_VERBS.partition_point(|v| v.as_bytes().first() < first);
    ACTOR_VERBS[from..]
        .iter()
        .take_while(|v| v.as_bytes().first() == first)
        .any(|v| w.starts_with(v))
}

/// "criticism from Kyiv", "talks with Moscow".
fn preceded_by_party_noun(text: &str, name: Span) -> bool {
    let before = tail(&text[..name.start], 60).trim_end();
    let mut words = before.rsplit(char::is_whitespace);
    let nouns = match words.next() {
        Some("from") => FROM_NOUNS,
        Some("with") => WITH_NOUNS,
        _ => return false,
    };
    let noun = words.next().unwrap_or("").to_lowercase();
    nouns.contains(&noun.trim_matches(|c: char| !c.is_alphabetic()))
}

/// Characters that end a dateline's name: "NAIROBI, Kenya —", "DHAKA, Aug
/// 14 —", "PHNOM PENH -", "MOSCOW (Reuters) -".
const DATELINE_ENDS: &[char] = &[',', '-', '—', '–', '('];

/// The all-capitals name that opens a paragraph as a dateline, if any: a
/// run of upper-case words (letters, spaces, hyphens, apostrophes, a period
/// after a letter as in "ST. PETERSBURG") of at least three letters,
/// followed by one of [`DATELINE_ENDS`].
fn dateline_at(text: &str, start: usize) -> Option<Span> {
    let rest = text.get(start..)?;
    let mut end = 0;
    let mut letters = 0;
    for (i, c) in rest.char_indices() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return None;
            }
            letters += 1;
            end = i + c.len_utf8();
        } else if c == ' ' || c == '-' || c == '\'' || c == '’' || c == '.' {
            if c == '-' && rest[i + 1..].starts_with(' ') {
                break;
            }
        } else {
            break;
        }
        if i > 60 {
            return None;
        }
    }
    let after = rest[end..].trim_start_matches([' ', '.']);
    (letters >= 3 && after.starts_with(DATELINE_ENDS)).then(|| Span::new(start, start + end))
}

/// The gazetteer names spelled, in any case, as the all-capitals `caps`.
fn names_in_capitals(caps: &str, gaz: &Gazetteer) -> Vec<NameRef> {
    let lower = caps.to_lowercase();
    let first = first_word(caps);
    // "PHNOM" is looked up as "Phnom": upper-case first letter, then lower.
    let mut chars = first.chars();
    let Some(c0) = chars.next() else {
        return Vec::new();
    };
    let probe: String = c0
        .to_uppercase()
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    gaz.names_starting(&probe)
        .filter(|n| gaz.text_of(n).to_lowercase() == lower)
        .copied()
        .collect()
}

/// Adds the dateline of each paragraph ("PHNOM PENH -") as a candidate: a
/// city when the name has one, kept in text order with the others.
fn add_datelines(text: &str, gaz: &Gazetteer, candidates: &mut Vec<Candidate>) {
    // Found by `memchr`, not byte by byte: lines are long.
    let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
    let mut added = false;
    for at in starts {
        let lead = text[at..].len() - text[at..].trim_start_matches([' ', '\t']).len();
        let Some(span) = dateline_at(text, at + lead) else {
            continue;
        };
        if candidates
            .iter()
            .any(|c| c.span.start < span.end && span.start < c.span.end)
        {
            continue;
        }
        let mut targets = names_in_capitals(span.slice(text), gaz);
        if targets
            .iter()
            .any(|t| gaz.entries[t.entry as usize].kind == super::PlaceKind::City)
        {
            targets.retain(|t| gaz.entries[t.entry as usize].kind == super::PlaceKind::City);
        }
        if targets.is_empty() {
            continue;
        }
        candidates.push(Candidate {
            span,
            name: span,
            targets,
            cue: Cue::None,
            qualifier: None,
            near: false,
            government_use: false,
            common: false,
            locative: false,
            variant: false,
            dateline: true,
        });
        added = true;
    }
    if added {
        candidates.sort_by_key(|c| c.span.start);
    }
}

/// A name's transliteration key: what stays the same across the ways
/// English writes one name from another script. Lower-case ASCII letters
/// (common Latin diacritics folded, other characters dropped), without an
/// Arabic article ("al-", "el-", "ash-"), a word-final "h" after a vowel
/// ("Hasakah"), vowels other than a word's first or last letter (kept as
/// "a": Aden is not Adana), or
/// doubled letters; "w" is "v", "q" is "k", "ph" is "f". So Kharkiv and
/// Kharkov, Khan Younis and Khan Yunis, Hassakeh and Al-Hasakah, Tal Abyad
/// and Tall Abyad share a key, and Pokrovsk and Pokrovka do not. `None`
/// for keys under three letters (too many names share them).
pub fn transliteration_key(name: &str) -> Option<String> {
    let mut key = String::with_capacity(name.len());
    let mut first_word = true;
    for word in name.split(|c: char| !c.is_alphabetic()) {
        let mut w: String = word.chars().filter_map(fold_latin).collect();
        if w.is_empty() {
            continue;
        }
        if first_word {
            first_word = false;
            let article = [
                "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ash-sh",
            ];
            if article.contains(&w.as_str()) && name.len() > w.len() + 3 {
                continue;
            }
        }
        if w.len() > 2 && w.ends_with('h') && w[..w.len() - 1].ends_with(is_vowel) {
            w.pop();
        }
        let w = w.replace("ph", "f");
        let last = w.len() - 1;
        for (i, c) in w.chars().enumerate() {
            let c = match c {
                'w' => 'v',
                'q' => 'k',
                c => c,
            };
            let c = if is_vowel(c) {
                if i > 0 && i < last {
                    continue;
                }
                'a'
            } else {
                c
            };
            if key.ends_with(c) {
                continue;
            }
            key.push(c);
        }
    }
    (key.len() >= 3).then_some(key)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// A letter lower-cased and folded to ASCII when it is a common Latin
/// letter with a diacritic; `None` for anything else.
fn fold_latin(c: char) -> Option<char> {
    let c = c.to_ascii_lowercase();
    if c.is_ascii_lowercase() {
        return Some(c);
    }
    let folded = match c.to_lowercase().next()? {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ģ' => 'g',
        'ì'..='ï' | 'ī' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ł' | 'ľ' | 'ļ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    };
    Some(folded)
}

/// Every canonical name of the bundled gazetteer by its
/// [`transliteration_key`]: built on first use (only a name the gazetteer
/// lacks needs it).
static BY_KEY: LazyLock<FxHashMap<String, Vec<u32>>> = LazyLock::new(|| {
    let mut map: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (i, e) in GAZETTEER.entries.iter().enumerate() {
        if let Some(key) = transliteration_key(GAZETTEER.name_of(e)) {
            map.entry(key).or_default().push(i as u32);
        }
    }
    map
});

/// The places whose canonical name is a transliteration variant of `name`
/// (same [`transliteration_key`]), as names to resolve. Only the bundled
/// gazetteer has the index; any other finds none.
pub(crate) fn spelled_alike(gaz: &Gazetteer, name: &str) -> Vec<NameRef> {
    if !std::ptr::eq(gaz, &*GAZETTEER) {
        return Vec::new();
    }
    let Some(key) = transliteration_key(name) else {
        return Vec::new();
    };
    let Some(entries) = BY_KEY.get(&key) else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|&i| {
            let canonical = gaz.name_of(&gaz.entries[i as usize]);
            gaz.lookup(canonical).find(|n| n.entry == i).copied()
        })
        .collect()
}

/// Prepositions that put a name in the place role ("analysts in Seoul said").
const LOCATIVE: &[&str] = &[
    "in", "at", "near", "to", "across", "around", "outside", "inside", "into", "toward", "towards",
    "through", "over",
];

/// Corrects the actor reading for position and coordination: "analysts in
/// Singapore and Seoul said" puts both in the place role, while "Washington
/// and Madrid said" makes both actors.
fn settle_government_use(text: &str, candidates: &mut [Candidate]) {
    let mut locative = vec![false; candidates.len()];
    for i in 0..candidates.len() {
        let name = candidates[i].name;
        let prev = prev_word(text, name).unwrap_or("");
        locative[i] = LOCATIVE.contains(&prev)
            || (matches!(prev, "and" | "or")
                && i > 0
                && locative[i - 1]
                && joined(text, candidates[i - 1].span, name));
    }
    for i in (0..candidates.len()).rev() {
        if locative[i] {
            candidates[i].government_use = false;
        } else if i + 1 < candidates.len()
            && candidates[i + 1].government_use
            && joined(text, candidates[i].span, candidates[i + 1].name)
        {
            candidates[i].government_use = true;
        }
    }
}

/// "X and Y", "X or Y", "X, Y": two names joined directly.
fn joined(text: &str, a: Span, b: Span) -> bool {
    matches!(text.get(a.end..b.start), Some(" and " | " or " | ", "))
}

/// Links "Odessa, Texas": a candidate followed by ", " and another
/// candidate gets that one as its qualifier.
fn link_qualifiers(text: &str, candidates: &mut [Candidate]) {
    for i in 0..candidates.len().saturating_sub(1) {
        let (a, b) = (candidates[i].span, candidates[i + 1].name);
        if text.get(a.end..b.start) == Some(", ") {
            candidates[i].qualifier = Some(i + 1);
        }
    }
}

/// Capitalised words marked as places by a cue ("the Zabul province", "the
/// village of Klishchiivka") that no gazetteer name matched: listed so the
/// reader sees them, never silently dropped.
fn unmatched_cued_names(
    text: &str,
    words: &[(usize, &str)],
    candidates: &[Candidate],
) -> Vec<Unresolved> {
    let covered = |s: Span| {
        candidates.iter().any(|c| {
            c.span.start <= s.start && s.end <= c.span.end.max(c.name.end)
                || (s.start <= c.name.start && c.name.end <= s.end)
        })
    };
    let mut after_cue = Vec::new();
    let mut before_region_word = Vec::new();
    // Both kinds of cue meet the name at a space ("village of Klishchiivka",
    // "Zabul province"), and the name starts with a capitalised word: the
    // spaces next to those are all that need a look, not every space.
    for &(start, _) in words {
        let after_space = start > 0 && text.as_bytes()[start - 1] == b' ';
        let cued = after_space.then(|| name_after_cue(text, start)).flatten();
        if let Some((span, cue)) = cued {
            if !covered(span) {
                after_cue.push(Unresolved {
                    span,
                    reason: format!(
                        "\"{}\" follows \"{}\" but is not in the gazetteer",
                        span.slice(text),
                        cue.trim_end()
                    ),
                });
            }
        }
        // "the Zabul province", "Kherson Oblast" where the name is unknown.
        let before_region =
            space_after_name(text, start).and_then(|space| name_before_region_word(text, space));
        if let Some((span, word)) = before_region {
            let w = span.slice(text);
            // Checked last: most such names are candidates already ("Donetsk
            // region"), and the demonym list is long.
            let is_demonym = || {
                DEMONYMS
                    .iter()
                    .any(|(forms, _, _)| forms.split('|').any(|f| f == w))
            };
            if !covered(span) && !STOP_SET.contains(w) && !is_demonym() {
                before_region_word.push(Unresolved {
                    span,
                    reason: format!(
                        "\"{w} {word}\" names a {} the gazetteer lacks",
                        if word.eq_ignore_ascii_case("river") {
                            "river"
                        } else {
                            "place"
                        }
                    ),
                });
            }
        }
    }
    // A name both after a cue and before a region word keeps the cue's
    // reason: those go first into the stable sort, and dedup keeps the first.
    let mut out = after_cue;
    out.append(&mut before_region_word);
    out.sort_by_key(|u| u.span);
    out.dedup_by_key(|u| u.span);
    out
}

/// Phrases before a place's name, matched in any ASCII case ("Village of").
const CUES_BEFORE: &[&str] = &[
    "village of ",
    "town of ",
    "city of ",
    "region of ",
    "province of ",
    "district of ",
    "county of ",
    "island of ",
    "settlement of ",
    "near ",
    "outskirts of ",
];

/// Words after a region's name, matched as written.
const REGION_WORDS: &[&str] = &[
    "region",
    "province",
    "oblast",
    "Oblast",
    "Province",
    "governorate",
    "prefecture",
    "Prefecture",
    "district",
    "District",
    "county",
    "County",
    "raion",
    "island",
    "Island",
    "islands",
    "Islands",
    "strait",
    "Strait",
    "peninsula",
    "Peninsula",
    "desert",
    "Desert",
    "river",
    "River",
];

/// The letter before the trailing space of each of [`CUES_BEFORE`], in
/// either case.
const CUE_LAST_LETTERS: ByteSet = byte_set(CUES_BEFORE, true);

/// The first byte of each of [`REGION_WORDS`].
const REGION_WORD_STARTS: ByteSet = byte_set(REGION_WORDS, false);

/// A set of bytes as a table: the cue searches run at every space of the
/// text, and one load from a table rules out most spaces.
type ByteSet = [bool; 256];

/// The first byte of each of `words` (all ASCII), or with `last` the letter
/// before its trailing space in either ASCII case.
const fn byte_set(words: &[&str], last: bool) -> ByteSet {
    let mut set = [false; 256];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        if last {
            let b = w[w.len() - 2];
            set[b.to_ascii_lowercase() as usize] = true;
            set[b.to_ascii_uppercase() as usize] = true;
        } else {
            set[w[0] as usize] = true;
        }
        i += 1;
    }
    set
}

/// The capitalised words after a cue phrase that ends at `start`
/// ("village of |Klishchiivka"), with the cue.
fn name_after_cue(text: &str, start: usize) -> Option<(Span, &'static str)> {
    // The table test comes first: it rules out nearly every space.
    let letter = text.as_bytes().get(start.checked_sub(2)?)?;
    if !CUE_LAST_LETTERS[usize::from(*letter)] {
        return None;
    }
    let before = text.get(..start)?;
    // No cue is a suffix of another, so at most one ends here.
    let cue = CUES_BEFORE
        .iter()
        .find(|cue| ends_with_ignore_ascii_case(before, cue))?;
    let cue_start = start - cue.len();
    if cue_start > 0 && text.as_bytes()[cue_start - 1].is_ascii_alphanumeric() {
        return None;
    }
    Some((capitalised_run(text, start)?, cue))
}

/// The space right after a name-like word (letters and hyphens) that starts
/// at `start` after white space, as [`name_before_region_word`] takes it:
/// every space it can accept follows such a word.
fn space_after_name(text: &str, start: usize) -> Option<usize> {
    if !text[..start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace)
    {
        return None;
    }
    let rest = &text[start..];
    // Letters and hyphens; ASCII bytes are judged without decoding.
    let mut len = 0;
    while let Some(&b) = rest.as_bytes().get(len) {
        if b.is_ascii() {
            if !(b.is_ascii_alphabetic() || b == b'-') {
                break;
            }
            len += 1;
            continue;
        }
        match rest[len..].chars().next() {
            Some(c) if c.is_alphabetic() => len += c.len_utf8(),
            _ => break,
        }
    }
    (rest.as_bytes().get(len) == Some(&b' ')).then_some(start + len)
}

/// The capitalised word before the space at `space` when a region word
/// follows it ("Zabul| province"), with the region word.
fn name_before_region_word(text: &str, space: usize) -> Option<(Span, &'static str)> {
    let after = &text.as_bytes()[space + 1..];
    if !REGION_WORD_STARTS[usize::from(*after.first()?)] {
        return None;
    }
    // The longest word that ends at a word break ("islands" over "island",
    // never "regional").
    let word = REGION_WORDS
        .iter()
        .filter(|w| {
            // The first byte first: it rules out most of the words.
            w.as_bytes().first() == after.first()
                && after.starts_with(w.as_bytes())
                && after
                    .get(w.len())
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
        })
        .max_by_key(|w| w.len())?;
    let name_like = |w: &str| {
        w.len() > 1
            && is_capitalised(w)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_NAME_SET.contains(w)
    };
    let word_before = |end: usize| {
        let before = &text[..end];
        // After the white space, which may be wider than a byte (U+2028).
        let start = before
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(j, c)| j + c.len_utf8());
        (start, &before[start..])
    };
    let (mut start, w) = word_before(space);
    if !name_like(w) {
        return None;
    }
    // "the Lower Shabelle region": up to two more capitalised words, joined
    // by single spaces.
    for _ in 0..2 {
        if start < 2 || text.as_bytes()[start - 1] != b' ' {
            break;
        }
        let (s, w) = word_before(start - 1);
        if !name_like(w) {
            break;
        }
        start = s;
    }
    Some((Span::new(start, space), *word))
}

/// True when `s` ends with `suffix` (lower-case ASCII) in any ASCII case.
/// Compared from the end, where most texts differ at once.
fn ends_with_ignore_ascii_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.bytes()
            .rev()
            .zip(suffix.bytes().rev())
            .all(|(a, b)| a.to_ascii_lowercase() == b)
}

/// The run of capitalised words starting at `start` ("Chasiv Yar").
fn capitalised_run(text: &str, start: usize) -> Option<Span> {
    let rest = text.get(start..)?;
    let mut end = start;
    for w in rest.split(' ') {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || !is_capitalised(w) || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
            break;
        }
        end = if end == start {
            start + w.len()
        } else {
            end + 1 + w.len()
        };
        if text.get(end..)?.chars().next().is_some_and(|c| c != ' ') {
            break;
        }
    }
    (end > start).then(|| Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GAZETTEER;

    fn forms(text: &str) -> Vec<&str> {
        find(text, &GAZETTEER)
            .candidates
            .iter()
            .map(|c| c.span.slice(text))
            .collect()
    }

    #[test]
    fn longest_name_wins() {
        let text = "Shelling near the Zaporizhzhia Nuclear Power Plant and the Sea of Azov.";
        assert_eq!(
            forms(text),
            ["Zaporizhzhia Nuclear Power Plant", "Sea of Azov"]
        );
    }

    #[test]
    fn leftmost_longest_matches_as_an_automaton_would() {
        let names = ["Azov", "Sea", "Sea of Azov", "Élysée"];
        let patterns: Vec<(&str, Pattern)> =
            names.iter().map(|&n| (n, Pattern::default())).collect();
        for (text, want) in [
            ("Sea of Azov", &["Sea of Azov"][..]),
            // The longest pattern that matches: "Sea of Azo" is no pattern.
            ("Sea of Azo", &["Sea"]),
            // The leftmost wins even inside a word, and hides what it covers.
            ("XSea of Azov, Azov", &["Sea of Azov", "Azov"]),
            ("AzovSea Élysée", &["Azov", "Sea", "Élysée"]),
            ("", &[]),
        ] {
            let got: Vec<&str> = leftmost_longest(text, &patterns)
                .map(|(span, _)| span.slice(text))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// The word before a name is read back to the char after the last
    /// white space or opening mark, as a search for that char reads it.
    #[test]
    fn prev_word_stops_where_a_search_would() {
        fn by_search(text: &str, at: usize) -> Option<&str> {
            let before = text.get(..at)?.strip_suffix(' ')?;
            let start = before
                .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '—' | '–'))
                .map_or(0, |i| {
                    i + before[i..].chars().next().map_or(1, char::len_utf8)
                });
            Some(&before[start..]).filter(|w| !w.is_empty())
        }
        let mut texts: Vec<String> = (0..128u8)
            .map(|b| format!("x{}Mayor Kyiv", char::from(b)))
            .collect();
        for t in [
            "the “Mayor Kyiv",
            "war—Mayor Kyiv",
            "Élysée Kyiv",
            "no\u{00A0}break Kyiv",
            "x\u{2003}em Kyiv",
            " Kyiv",
            "Kyiv",
            "(Kyiv) Lviv",
        ] {
            texts.push(t.to_string());
        }
        for text in &texts {
            for (at, _) in text.char_indices() {
                let span = Span::new(at, at);
                assert_eq!(
                    prev_word(text, span),
                    by_search(text, at),
                    "{text:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn capital_search_finds_the_first() {
        crate::bytes::assert_finds_like_a_byte_scan(
            find_capital_or_lead,
            is_capital_or_lead,
            "abc def Ghi jkl-mno pqr Éxyz stu vwx yz@[`{ Z".as_bytes(),
        );
    }

    #[test]
    fn actor_verbs_are_sorted_for_their_search() {
        assert!(ACTOR_VERBS.is_sorted());
        assert!(starts_with_actor_verb("condemned") && starts_with_actor_verb("vowed"));
        assert!(!starts_with_actor_verb("quietly") && !starts_with_actor_verb(""));
    }

    #[test]
    fn organisation_names_are_not_places() {
        let text = "The Caspian Pipeline Consortium and the U.S. Geological Survey said so.";
        assert!(forms(text)
            .iter()
            .all(|f| !f.starts_with("Caspian") && *f != "U.S."));
    }

    #[test]
    fn region_cue_extends_the_span() {
        let text = "Fighting in the Donetsk region continued.";
        let m = find(text, &GAZETTEER);
        assert_eq!(m.candidates[0].span.slice(text), "Donetsk region");
        assert_eq!(m.candidates[0].cue, Cue::Region);
    }

    #[test]
    fn capitals_as_actors() {
        for (text, gov) in [
            ("Moscow condemned the attack.", true),
            ("Moscow, in turn, launched drones.", true),
            ("Moscow is demanding that Kyiv yield.", true),
            ("It drew criticism from Kyiv and others.", true),
            ("Talks emerged from Washington-Moscow discussions.", true),
            ("She reported from Moscow on Monday.", false),
            ("Kyiv was struck overnight.", false),
        ] {
            let m = find(text, &GAZETTEER);
            assert_eq!(m.candidates[0].government_use, gov, "{text}");
        }
    }

    #[test]
    fn demonyms_and_institutions() {
        let m = find("Kremlin spokesman said Russian troops left.", &GAZETTEER);
        assert_eq!(m.metonyms.len(), 1);
        assert_eq!(m.demonyms.len(), 1);
        assert!(m.candidates.is_empty());
    }
}
