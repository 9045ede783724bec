//! Stage 1: paragraphs and sentences with byte spans.
//!
//! A paragraph is a line of text; a line that plainly continues the one
//! before it (the earlier line ends mid-clause and the next starts in lower
//! case) is joined to it, so hard-wrapped text still reads as prose while a
//! heading without final punctuation stays its own paragraph and sentence.
//!
//! Sentences end at `.`, `!`, `?` or `…` (with any closing quotes and
//! brackets) followed by white space and a sentence opener, except:
//! after a title abbreviation ("Gen.", "St."); after an initial or a dotted
//! acronym ("J.", "U.S.") unless the next word typically opens a sentence;
//! and after a quotation whose attribution follows (`“Stop!” Trump said.`).
//! Every scan looks back or ahead a bounded distance, so the whole stage is
//! linear in the text.

use serde::{Deserialize, Serialize};

use super::bytes::{find_first, has_byte};
use super::lexicon;
use super::Span;

/// A paragraph: a line (or run of joined lines) of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
}

/// A sentence, trimmed of surrounding white space.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Segments::paragraphs`].
    pub paragraph: usize,
}

/// Output of [`segment`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segments {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

/// Titles and other abbreviations after which a sentence never ends.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov", "Sen",
    "Rep", "Rev", "St", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov",
    "Dec", "No", "Nos", "Vol", "approx", "vs", "cf", "Fig", "Gens", "Cmdr", "Supt", "Insp", "Pres",
    "Hon",
];

/// Abbreviations that may also end a sentence ("... and Co. The firm").
#[rustfmt::skip]
const MAY_END: &[&str] = &[
    "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "etc", "Bros", "Plc", "e.g", "i.e",
];

/// Words that usually open a sentence: after "U.S." or "Inc." they mean the
/// sentence ended there.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
    "Those", "His", "Her", "Its", "Their", "Our", "But", "And", "Yet", "So", "In", "On", "At",
    "For", "After", "Before", "Meanwhile", "However", "There", "Here", "When", "While", "As", "If",
    "Since", "Some", "Many", "Most", "Both", "Officials", "Earlier", "Later",
];

/// Splits `text` into paragraphs and sentences.
///
/// ```
/// use news_atlas_analysis::segment::segment;
/// let t = "Gen. Smith met U.S. envoys. “It works,” he said.\nA heading\nMore.";
/// let s: Vec<&str> = segment(t).sentences.iter().map(|s| s.span.slice(t)).collect();
/// assert_eq!(s, ["Gen. Smith met U.S. envoys.", "“It works,” he said.", "A heading", "More."]);
/// ```
pub fn segment(text: &str) -> Segments {
    let mut segments = Segments::default();
    let mut current: Option<Span> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = trim_span(text, Span::new(offset, offset + line.len()));
        offset += line.len();
        if trimmed.is_empty() {
            if let Some(p) = current.take() {
                push_paragraph(text, p, &mut segments);
            }
            continue;
        }
        current = Some(match current {
            Some(p) if continues(p.slice(text), trimmed.slice(text)) => {
                Span::new(p.start, trimmed.end)
            }
            Some(p) => {
                push_paragraph(text, p, &mut segments);
                trimmed
            }
            None => trimmed,
        });
    }
    if let Some(p) = current {
        push_paragraph(text, p, &mut segments);
    }
    segments
}

fn push_paragraph(text: &str, span: Span, segments: &mut Segments) {
    let paragraph = segments.paragraphs.len();
    segments.paragraphs.push(Paragraph { span });
    split_sentences(text, span, |s| {
        segments.sentences.push(Sentence { span: s, paragraph });
    });
}

/// True when `next` is a wrapped continuation of the line `prev`: `prev`
/// stops mid-clause and `next` starts in lower case (a heading is followed
/// by a capitalised line and so stays apart).
fn continues(prev: &str, next: &str) -> bool {
    let ends_open = prev
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '–' | '—' | ';'));
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    ends_open && starts_lower
}

/// Index of the sentence containing `offset` (sentences are sorted by start).
pub fn sentence_at(sentences: &[Sentence], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.end <= offset);
    (i < sentences.len() && sentences[i].span.start <= offset).then_some(i)
}

fn trim_span(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let is_blank = |c: char| c.is_whitespace() || c.is_control();
    let start = span.start + (slice.len() - slice.trim_start_matches(is_blank).len());
    let end = span.end - (slice.len() - slice.trim_end_matches(is_blank).len());
    Span::new(start, end.max(start))
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// True for every first byte of an [`is_terminator`] char ('…' is E2 80 A6):
/// the sentence splitter skips to these bytes without decoding the chars
/// between. Such a byte always starts a char.
fn may_start_terminator(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | 0xE2)
}

/// The offset of the first byte of `bytes` that [`may_start_terminator`],
/// eight bytes at a time: terminators are a few bytes in a hundred, and
/// this scan runs over every byte of the text.
fn find_terminator_start(bytes: &[u8]) -> Option<usize> {
    let in_word = |word| {
        has_byte(word, b'.') | has_byte(word, b'!') | has_byte(word, b'?') | has_byte(word, 0xE2)
    };
    find_first(bytes, in_word, may_start_terminator)
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
}

fn is_quote_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '»' | '\'')
}

/// Calls `emit` with each non-empty sentence of `paragraph`, in order.
///
/// Walks byte offsets and decodes chars where it looks, so a paragraph
/// costs no allocation (this runs over every paragraph of every text).
fn split_sentences(text: &str, paragraph: Span, mut emit: impl FnMut(Span)) {
    let body = paragraph.slice(text);
    let base = paragraph.start;
    let char_at = |at: usize| body.get(at..).and_then(|r| r.chars().next());
    // The offset just past the chars from `at` that satisfy `keep`.
    let skip = |mut at: usize, keep: fn(char) -> bool| {
        while let Some(c) = char_at(at).filter(|&c| keep(c)) {
            at += c.len_utf8();
        }
        at
    };
    let mut emit_trimmed = |span: Span| {
        let s = trim_span(text, span);
        if !s.is_empty() {
            emit(s);
        }
    };
    let mut start = 0;
    let mut pos = 0;
    while let Some(found) = body.as_bytes().get(pos..).and_then(find_terminator_start) {
        pos += found;
        let Some(c) = char_at(pos) else {
            break;
        };
        if !is_terminator(c) {
            pos += c.len_utf8();
            continue;
        }
        let after_terminators = skip(pos + c.len_utf8(), is_terminator);
        let single_period = c == '.' && after_terminators == pos + 1;
        let mut closed_quote = false;
        let mut end = after_terminators;
        while let Some(c) = char_at(end).filter(|&c| is_closer(c)) {
            closed_quote |= is_quote_closer(c);
            end += c.len_utf8();
        }
        if char_at(end).is_some_and(|c| !c.is_whitespace()) {
            pos = end;
            continue;
        }
        let next_pos = skip(end, char::is_whitespace);
        let Some(next) = char_at(next_pos) else {
            break;
        };
        let next_word = word_at(body, next_pos);
        let split = is_opener(next)
            && !(single_period && !closed_quote && abbreviation_holds(&body[..pos], next_word))
            && !(closed_quote && attribution_follows(body, next_pos));
        if split {
            emit_trimmed(Span::new(base + start, base + end));
            start = next_pos;
            pos = next_pos;
        } else {
            pos = end;
        }
    }
    if start < body.len() {
        emit_trimmed(Span::new(base + start, paragraph.end));
    }
}

/// The word starting at `at`, up to 40 bytes.
fn word_at(body: &str, at: usize) -> &str {
    let rest = &body[at..];
    let end = rest
        .char_indices()
        .take_while(|&(i, c)| i < 40 && (c.is_alphanumeric() || c == '-'))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    &rest[..end]
}

/// The word before a period (at most 40 bytes back, so the scan is bounded).
fn word_before(before: &str) -> &str {
    let mut from = before.len().saturating_sub(40);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = &before[from..];
    let word = tail
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '[' | '—' | '–'))
        .next()
        .unwrap_or("");
    word.trim_start_matches(['(', '['])
}

/// True when the period after `before` belongs to an abbreviation and the
/// sentence goes on to `next_word`.
fn abbreviation_holds(before: &str, next_word: &str) -> bool {
    let word = word_before(before);
    if word.is_empty() {
        return false;
    }
    if TITLES.contains(&word) {
        return true;
    }
    // Initials and dotted acronyms: "J", "U.S", "D.C", and lower-case ones
    // with more than one letter: "p.m", "a.m".
    let dotted = word
        .split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
        && (word.contains('.') || word.chars().all(char::is_uppercase));
    if dotted || MAY_END.contains(&word) {
        return !OPENERS.contains(&next_word);
    }
    false
}

/// True when the text after a closing quote is its attribution: within the
/// first five words a reporting verb, preceded only by a name, pronoun or
/// role ("Trump said", "said the minister", "the spokesman told reporters").
fn attribution_follows(body: &str, at: usize) -> bool {
    let mut end = (at + 80).min(body.len());
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let ahead = &body[at..end];
    for (n, word) in ahead
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(5)
        .enumerate()
    {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if lexicon::cue(bare).is_some() {
            // "He added: “...”" opens a new sentence; "Trump said." closes one.
            return !word.ends_with(':');
        }
        let fits = bare.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                bare.to_lowercase().as_str(),
                "he" | "she" | "they" | "it" | "the" | "a" | "an" | "his" | "her" | "their" | "its"
            )
            || lexicon::is_role_head(bare)
            || lexicon::institution_head(bare).is_some();
        if !fits || word.ends_with(['.', '!', '?']) || n >= 4 {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    /// (text, expected sentences): one row per rule.
    const TABLE: &[(&str, &[&str])] = &[
        (
            "One here. Two there!\n\nThree?",
            &["One here.", "Two there!", "Three?"],
        ),
        (
            "The U.S. envoy met Gen. Smith in St. Petersburg. J. R. Doe left.",
            &[
                "The U.S. envoy met Gen. Smith in St. Petersburg.",
                "J. R. Doe left.",
            ],
        ),
        (
            "Talks with the U.S. The envoy left.",
            &["Talks with the U.S.", "The envoy left."],
        ),
        (
            "Dr. No met Mr. X. He left.",
            &["Dr. No met Mr. X.", "He left."],
        ),
        (
            "He said, “It looks better.” Then he left.",
            &["He said, “It looks better.”", "Then he left."],
        ),
        (
            "“It looks better,” he said. “We go on.”",
            &["“It looks better,” he said.", "“We go on.”"],
        ),
        (
            "“Stop!” Trump said. Then quiet.",
            &["“Stop!” Trump said.", "Then quiet."],
        ),
        (
            "\"Why now?\" she asked. Nobody knew.",
            &["\"Why now?\" she asked.", "Nobody knew."],
        ),
        (
            "“We won.” The crowd cheered.",
            &["“We won.”", "The crowd cheered."],
        ),
        (
            "It cost 1,000 dollars, or 2½ times more. In 2022. Then 3.5 million.",
            &[
                "It cost 1,000 dollars, or 2½ times more.",
                "In 2022.",
                "Then 3.5 million.",
            ],
        ),
        (
            "Deadly strike on Dnipro\nAround midday, a missile hit.",
            &["Deadly strike on Dnipro", "Around midday, a missile hit."],
        ),
        (
            "A sentence that was wrapped by\nan email client. Next one.",
            &[
                "A sentence that was wrapped by\nan email client.",
                "Next one.",
            ],
        ),
        ("Wait... What? Yes!", &["Wait...", "What?", "Yes!"]),
        ("Shares of Acme Inc. rose.", &["Shares of Acme Inc. rose."]),
        (
            "e.g. this one. And i.e. that.",
            &["e.g. this one.", "And i.e. that."],
        ),
        ("(He left.) She stayed.", &["(He left.)", "She stayed."]),
        (
            "The vote closed at 8 p.m. Monday in St. Louis. Results came at 9 p.m. The count was slow.",
            &["The vote closed at 8 p.m. Monday in St. Louis.", "Results came at 9 p.m.", "The count was slow."],
        ),
        (
            "She lives at No. 10 Downing Street with Sen. Warren and Rep. Ocasio-Cortez.",
            &["She lives at No. 10 Downing Street with Sen. Warren and Rep. Ocasio-Cortez."],
        ),
        (
            "“Why?” asked the judge. “Because,” said the witness.",
            &["“Why?” asked the judge.", "“Because,” said the witness."],
        ),
    ];

    #[test]
    fn segmentation_table() {
        for (text, expected) in TABLE {
            assert_eq!(sentences(text), *expected, "for {text:?}");
        }
    }

    #[test]
    fn headings_are_own_paragraphs() {
        let text = "Russia touts more gains\nRussian state media released footage.";
        assert_eq!(segment(text).paragraphs.len(), 2);
    }

    #[test]
    fn every_terminator_starts_with_a_byte_the_splitter_stops_at() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if is_terminator(c) {
                let mut utf8 = [0; 4];
                assert!(
                    may_start_terminator(c.encode_utf8(&mut utf8).as_bytes()[0]),
                    "{c}"
                );
            }
        }
    }

    #[test]
    fn terminator_search_finds_the_first() {
        crate::bytes::assert_finds_like_a_byte_scan(
            find_terminator_start,
            may_start_terminator,
            "abc…defghijklmnop. q! r?".as_bytes(),
        );
        // A match high in a word, and false flags above one, do not mislead.
        assert_eq!(find_terminator_start(b"abcdefg.hijklmn"), Some(7));
        assert_eq!(find_terminator_start(b"a/.!?...b"), Some(2));
    }

    #[test]
    fn sentence_at_finds_the_sentence() {
        let text = "One. Two.";
        let s = segment(text).sentences;
        assert_eq!(sentence_at(&s, 5), Some(1));
        assert_eq!(sentence_at(&s, 100), None);
    }
}
