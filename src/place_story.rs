//! What an article says about one place, for the place's details: the
//! sentences that name it, the sentences that point back to it ("fighting
//! in the area", "the city" after it was named), the statements made in
//! those words and the contrasts over it. Pure Rust over an [`Analysis`],
//! tested natively; the page shows it (`src/app/place_details.rs`).
//!
//! The rule for pointing back is deliberately simple. A phrase from
//! `data/place_references.tsv` ("the city", "the area", "there") stands for
//! the place of the latest mention before it, in its own sentence or the
//! [`LOOKBACK`] sentences before, whose kind the phrase fits ("the city" a
//! city, "the country" a country). A phrase followed at once by a name or
//! by "of" ("the city of Pokrovsk", "the area around Kupiansk") belongs to
//! that name and points nowhere; "there" before "is", "were" and the like
//! is "there is", not a place. Offsets are bytes into the article.

use std::sync::LazyLock;

use crate::analysis::{Analysis, PlaceKind, Span};

/// How many sentences back a phrase may point.
pub const LOOKBACK: usize = 2;

const KINDS: [PlaceKind; 6] = [
    PlaceKind::City,
    PlaceKind::Region,
    PlaceKind::Country,
    PlaceKind::Sea,
    PlaceKind::Facility,
    PlaceKind::Other,
];

struct Phrase {
    words: &'static str,
    kinds: Vec<PlaceKind>,
}

struct Table {
    phrases: Vec<Phrase>,
    existential: Vec<&'static str>,
    openers: Vec<&'static str>,
}

static TABLE: LazyLock<Table> =
    LazyLock::new(|| parse_table(include_str!("../data/place_references.tsv")));

/// Reads the bundled table; a malformed row is a broken bundled file, and
/// the tests below load it.
fn parse_table(source: &'static str) -> Table {
    let mut table = Table {
        phrases: Vec::new(),
        existential: Vec::new(),
        openers: Vec::new(),
    };
    for line in source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let fields: Vec<&'static str> = line.split('\t').collect();
        match fields.as_slice() {
            ["refer", words, kinds] => table.phrases.push(Phrase {
                words,
                kinds: kinds.split(',').map(kind_named).collect(),
            }),
            ["existential", word] => table.existential.push(word),
            ["opener", word] => table.openers.push(word),
            _ => panic!("data/place_references.tsv: bad row {line:?}"),
        }
    }
    // Longest first, so "the port city" wins over "the port".
    table
        .phrases
        .sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    table
}

fn kind_named(label: &str) -> PlaceKind {
    KINDS
        .into_iter()
        .find(|k| k.label() == label)
        .unwrap_or_else(|| panic!("data/place_references.tsv: unknown kind {label:?}"))
}

/// A phrase standing for a place named before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    pub span: Span,
    /// Index into `Analysis::places`.
    pub place: usize,
    /// Index into `Analysis::sentences`.
    pub sentence: usize,
}

/// A place mention, flattened: where, which place, which sentence.
#[derive(Clone, Copy)]
struct Named {
    span: Span,
    place: usize,
    sentence: usize,
}

/// Every phrase of `text` that points back to a place, in text order.
///
/// ```
/// let text = "Shelling hit Kharkiv on Monday. The city lost power.";
/// let a = news_atlas::analysis::analyze(text);
/// let refs = news_atlas::place_story::references(text, &a);
/// assert_eq!(refs[0].span.slice(text), "The city");
/// assert_eq!(a.places[refs[0].place].name, "Kharkiv");
/// ```
pub fn references(text: &str, analysis: &Analysis) -> Vec<Reference> {
    let mut named: Vec<Named> = Vec::new();
    for (place, p) in analysis.places.iter().enumerate() {
        for &span in &p.mentions {
            if let Some(sentence) = analysis.sentence_at(span.start) {
                named.push(Named {
                    span,
                    place,
                    sentence,
                });
            }
        }
    }
    named.sort_by_key(|n| n.span.start);
    let mut found: Vec<(Span, &Phrase)> = candidates(text, &named);
    found.sort_by_key(|(s, p)| (s.start, std::cmp::Reverse(p.words.len())));
    let mut out: Vec<Reference> = Vec::new();
    for (span, phrase) in found {
        if out.last().is_some_and(|r| r.span.end > span.start) {
            continue; // inside a longer phrase already taken
        }
        if let Some(r) = referent(analysis, &named, span, phrase) {
            out.push(r);
        }
    }
    out
}

/// Every occurrence of a table phrase as whole words that is not a name's
/// own apposition nor an existential "there".
fn candidates(text: &str, named: &[Named]) -> Vec<(Span, &'static Phrase)> {
    // ASCII lowering keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for phrase in &TABLE.phrases {
        for (start, _) in lower.match_indices(phrase.words) {
            let span = Span::new(start, start + phrase.words.len());
            let before = lower[..start].chars().next_back();
            let after = lower[span.end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let inside_name = named
                .iter()
                .any(|n| n.span.start < span.end && span.start < n.span.end);
            if !inside_name
                && !names_follow(text, named, span)
                && !existential(&lower, phrase, span)
            {
                out.push((span, phrase));
            }
        }
    }
    out
}

/// The next word (lower case) after `end`, and where the one after it ends.
fn next_words(text: &str, end: usize) -> (&str, &str, usize) {
    let rest = &text[end..];
    let word_at = |from: usize| {
        let tail = &rest[from..];
        let skip = tail.len() - tail.trim_start_matches([' ', ',']).len();
        let tail = &tail[skip..];
        let len = tail
            .find(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\''))
            .unwrap_or(tail.len());
        (&tail[..len], from + skip + len)
    };
    let (first, first_end) = word_at(0);
    let (_, second_end) = word_at(first_end);
    (first, &rest[..first_end], end + second_end)
}

/// "the city of Pokrovsk", "the town Bakhmut", "the area around Kupiansk":
/// the phrase introduces a name rather than pointing back.
fn names_follow(text: &str, named: &[Named], span: Span) -> bool {
    let (first, _, two_words_end) = next_words(text, span.end);
    let capitalised = first.chars().next().is_some_and(char::is_uppercase);
    let name_near = named
        .iter()
        .any(|n| n.span.start >= span.end && n.span.start < two_words_end);
    first.eq_ignore_ascii_case("of") || capitalised || name_near
}

/// "there is", "said there were": no place meant. "People there are
/// tired" keeps its place: "there" follows a word that opens no clause.
fn existential(lower: &str, phrase: &Phrase, span: Span) -> bool {
    if phrase.words != "there" {
        return false;
    }
    let rest = lower[span.end..].trim_start();
    let next: &str = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
        .next()
        .unwrap_or("");
    let head = lower[..span.start].trim_end();
    let previous = head
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let opens = head.is_empty()
        || head.ends_with(['.', ',', ';', ':', '"', '“', '”', '!', '?'])
        || TABLE.openers.contains(&previous);
    opens && TABLE.existential.contains(&next)
}

/// The place a phrase at `span` stands for, if a fitting one was named in
/// its sentence before it or in the [`LOOKBACK`] sentences before.
fn referent(
    analysis: &Analysis,
    named: &[Named],
    span: Span,
    phrase: &Phrase,
) -> Option<Reference> {
    let sentence = analysis.sentence_at(span.start)?;
    let earliest = sentence.saturating_sub(LOOKBACK);
    let before = named.partition_point(|n| n.span.start < span.start);
    named[..before]
        .iter()
        .rev()
        .take_while(|n| n.sentence >= earliest)
        .find(|n| phrase.kinds.contains(&analysis.places[n.place].kind))
        .map(|n| Reference {
            span,
            place: n.place,
            sentence,
        })
}

/// One sentence about the place, with what in it stands for the place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryLine {
    /// Index into `Analysis::sentences`.
    pub sentence: usize,
    /// The mentions and phrases pointing back, in text order.
    pub marks: Vec<Span>,
    /// False when the sentence only points back ("the city") without the name.
    pub named: bool,
}

/// What the article says about one place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceStory {
    /// In text order.
    pub lines: Vec<StoryLine>,
    /// Indices into `Analysis::statements`: those whose words or sentence
    /// name the place or point back to it, in text order.
    pub statements: Vec<usize>,
    /// Indices into `Analysis::contrasts`: over the place, or between
    /// statements about it.
    pub contrasts: Vec<usize>,
}

/// The story of `place` (an index into `Analysis::places`), given the
/// article's [`references`].
pub fn place_story(analysis: &Analysis, refs: &[Reference], place: usize) -> PlaceStory {
    let Some(p) = analysis.places.get(place) else {
        return PlaceStory::default();
    };
    let named = p
        .mentions
        .iter()
        .filter_map(|&m| Some((analysis.sentence_at(m.start)?, m, true)));
    let pointing = refs
        .iter()
        .filter(|r| r.place == place)
        .map(|r| (r.sentence, r.span, false));
    let mut marks: Vec<(usize, Span, bool)> = named.chain(pointing).collect();
    marks.sort_by_key(|&(_, span, _)| span.start);
    let mut lines: Vec<StoryLine> = Vec::new();
    for (sentence, span, is_name) in marks {
        match lines.last_mut() {
            Some(line) if line.sentence == sentence => {
                line.marks.push(span);
                line.named |= is_name;
            }
            _ => lines.push(StoryLine {
                sentence,
                marks: vec![span],
                named: is_name,
            }),
        }
    }
    let statements = statements_about(analysis, &lines);
    let contrasts = (0..analysis.contrasts.len())
        .filter(|&c| {
            let contrast = &analysis.contrasts[c];
            contrast.place == Some(place)
                || statements.contains(&contrast.a)
                || statements.contains(&contrast.b)
        })
        .collect();
    PlaceStory {
        lines,
        statements,
        contrasts,
    }
}

/// Statements whose words hold one of the lines' marks, or made in one of
/// the lines' sentences.
fn statements_about(analysis: &Analysis, lines: &[StoryLine]) -> Vec<usize> {
    let sentences: std::collections::HashSet<usize> = lines.iter().map(|l| l.sentence).collect();
    (0..analysis.statements.len())
        .filter(|&s| {
            let st = &analysis.statements[s];
            sentences.contains(&st.sentence)
                || lines
                    .iter()
                    .flat_map(|l| &l.marks)
                    .any(|m| st.span.contains(*m))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    /// (text, the phrase as written, the place it stands for or `None`).
    /// Where the same phrase occurs twice, the last occurrence is checked.
    const CASES: &[(&str, &str, Option<&str>)] = &[
        ("Shelling hit Kharkiv on Monday. The city lost power overnight.", "The city", Some("Kharkiv")),
        ("Troops pressed toward Pokrovsk. Fighting in the area went on all week.", "the area", Some("Pokrovsk")),
        ("Drones struck Odesa at dawn. Residents there heard the blasts.", "there", Some("Odesa")),
        ("Drones struck Odesa at dawn. There were no casualties.", "There", None),
        ("Sirens sounded in Lviv. Later the city of Kyiv was hit.", "the city", None),
        ("Storms swept across France on Friday. The country declared an emergency.", "The country", Some("France")),
        ("Shelling hit Lviv in western Ukraine. The city was dark for hours.", "The city", Some("Lviv")),
        ("Kharkiv was quiet on Monday. Markets opened. Schools reopened. Buses ran. The city was calm.", "The city", None),
        ("Kharkiv was shelled again. Both of the cities nearby were dark.", "the cities", None),
        ("Kharkiv was shelled again. Fighting in the area around Kupiansk went on.", "the area", None),
        ("Warships gathered in the Black Sea. Mines drifted in the waters for weeks.", "the waters", Some("Black Sea")),
        ("Rockets hit Dnipro on Tuesday. The mayor said the city had no water.", "the city", Some("Dnipro")),
        ("Our reporter visited Kherson. People there are tired.", "there", Some("Kherson")),
        ("Our reporter visited Kherson. There is little food.", "There", None),
        ("Drones struck Odesa at dawn. Officials said there were no casualties.", "there", None),
        ("Drones struck Odesa at dawn, and there was a fire.", "there", None),
    ];

    fn phrase_span(text: &str, phrase: &str) -> Span {
        let start = text.rfind(phrase).expect("the case names its phrase");
        Span::new(start, start + phrase.len())
    }

    #[test]
    fn phrases_point_back_to_the_place_named_before() {
        assert!(CASES.len() >= 10);
        for &(text, phrase, expected) in CASES {
            let analysis = analyze(text);
            let span = phrase_span(text, phrase);
            let found = references(text, &analysis)
                .into_iter()
                .find(|r| r.span.start == span.start)
                .map(|r| analysis.places[r.place].name.as_str());
            assert_eq!(found, expected, "{text:?}: {phrase:?}");
        }
    }

    #[test]
    fn the_story_holds_sentences_that_point_back_and_their_statements() {
        let text = "Rockets hit Dnipro on Tuesday. The mayor said the city had no water. \
                    Elsewhere, markets in Lviv were open.";
        let analysis = analyze(text);
        let refs = references(text, &analysis);
        let dnipro = analysis
            .places
            .iter()
            .position(|p| p.name == "Dnipro")
            .unwrap();
        let story = place_story(&analysis, &refs, dnipro);
        let sentences: Vec<usize> = story.lines.iter().map(|l| l.sentence).collect();
        assert_eq!(sentences, vec![0, 1]);
        assert!(story.lines[0].named && !story.lines[1].named);
        assert_eq!(story.lines[1].marks, vec![phrase_span(text, "the city")]);
        assert!(
            story
                .statements
                .iter()
                .any(|&s| analysis.statements[s].sentence == 1),
            "the mayor's statement is about Dnipro: {:?}",
            analysis.statements
        );
        // Lviv's story is its own sentence only.
        let lviv = analysis
            .places
            .iter()
            .position(|p| p.name == "Lviv")
            .unwrap();
        let story = place_story(&analysis, &refs, lviv);
        assert_eq!(story.lines.len(), 1);
        assert!(story.statements.is_empty());
    }

    #[test]
    fn the_bundled_table_loads_and_any_input_is_safe() {
        assert!(TABLE.phrases.len() >= 10 && !TABLE.existential.is_empty());
        for text in ["", "there", "The city", "the area ’s", "Kyiv. there’s"] {
            let analysis = analyze(text);
            let refs = references(text, &analysis);
            for r in &refs {
                assert!(r.span.end <= text.len() && text.is_char_boundary(r.span.start));
            }
            assert_eq!(place_story(&analysis, &refs, 99), PlaceStory::default());
        }
    }
}
