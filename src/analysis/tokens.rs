//! Word tokens with byte spans, shared by the people, statements and events
//! stages so each reads the text the same way.
//!
//! Words keep inner periods, apostrophes, hyphens and digit commas
//! ("U.S.", "can’t", "Secretary-General", "9,600"); a possessive `’s` is
//! its own token so "Zelenskyy’s" yields the name "Zelenskyy". Everything
//! else that is not white space is a one-character punctuation token.

use super::bytes::{ascii_capitals, ascii_in, find_first, splat, HIGHS};
use super::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    /// `’s`, `'s`, or a bare `’` after a plural ("allies’").
    Possessive,
    Punct(char),
}

/// One token: a span and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokKind,
}

impl Token {
    /// The token's text.
    pub fn text(self, text: &str) -> &str {
        self.span.slice(text)
    }

    /// True for a word whose first letter is upper case.
    pub fn is_capitalized(self, text: &str) -> bool {
        self.kind == TokKind::Word
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// True for the punctuation character `c`.
    pub fn is_punct(self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// [`char::is_alphanumeric`], settled without a Unicode table look-up for
/// the curly quotes and dashes of news text (U+2000..U+206F, General
/// Punctuation, holds no letter or digit; a test checks every one).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
    }
}

/// How many bytes `bytes` starts with that are ASCII letters or digits,
/// eight bytes at a time (as one `u64`): most words end within the first
/// eight, and a byte at a time this was most of what tokenizing cost.
fn alphanumeric_run(bytes: &[u8]) -> usize {
    // Setting bit 5 lowers an ASCII capital (and keeps a byte's high bit).
    let others =
        |w: u64| !(ascii_in(w | splat(0x20), b'a', b'z' + 1) | ascii_in(w, b'0', b'9' + 1)) & HIGHS;
    find_first(bytes, others, |b| !b.is_ascii_alphanumeric()).unwrap_or(bytes.len())
}

/// Splits `text` into tokens in one pass.
///
/// ```
/// use news_atlas_analysis::tokens::tokenize;
/// let t = "Russia’s U.S. envoy";
/// let words: Vec<&str> = tokenize(t).iter().map(|k| k.text(t)).collect();
/// assert_eq!(words, ["Russia", "’s", "U.S.", "envoy"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let cur = Cursor {
        text,
        bytes: text.as_bytes(),
    };
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while let Some(c) = cur.char_at(i) {
        let pos = i;
        let after_c = i + c.len_utf8();
        if c.is_whitespace() {
            i = after_c;
            continue;
        }
        let (end, kind) = if let Some(end) = cur.possessive_at(i, c) {
            (end, TokKind::Possessive)
        } else if !is_word_char(c) {
            (after_c, TokKind::Punct(c))
        } else {
            (cur.word_end(pos, after_c), TokKind::Word)
        };
        i = end;
        tokens.push(Token {
            span: Span::new(pos, end),
            kind,
        });
    }
    tokens
}

/// The text as the tokenizer reads it. Positions are byte offsets on char
/// boundaries; the characters around one are decoded where needed, not
/// copied out for the whole text. An ASCII byte is its own character (and
/// one next to it marks a char boundary), so the common case needs no
/// slicing or decoding.
#[derive(Clone, Copy)]
struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
}

impl Cursor<'_> {
    #[inline]
    fn char_at(self, at: usize) -> Option<char> {
        match self.bytes.get(at) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            _ => self.text.get(at..).and_then(|rest| rest.chars().next()),
        }
    }

    #[inline]
    fn char_before(self, at: usize) -> Option<char> {
        match at.checked_sub(1).and_then(|k| self.bytes.get(k)) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            _ => self
                .text
                .get(..at)
                .and_then(|head| head.chars().next_back()),
        }
    }

    /// The position `n` characters after `at` (or the end of the text).
    #[inline]
    fn skip(self, at: usize, n: usize) -> usize {
        let text = self.text;
        text.get(at..).map_or(text.len(), |rest| {
            rest.char_indices()
                .nth(n)
                .map_or(text.len(), |(k, _)| at + k)
        })
    }

    /// Where a possessive starting with `c` at `i` ends: ’s not followed by
    /// a letter, or a bare ’ after s.
    #[inline]
    fn possessive_at(self, i: usize, c: char) -> Option<usize> {
        if !is_apostrophe(c) {
            return None;
        }
        let next = self.char_at(i + c.len_utf8());
        let after = self.char_at(self.skip(i, 2));
        let prev = self.char_before(i);
        let prev_word = prev.is_some_and(is_word_char);
        if prev_word && matches!(next, Some('s') | Some('S')) && !after.is_some_and(is_word_char) {
            return Some(self.skip(i, 2));
        }
        if prev_word && matches!(prev, Some('s') | Some('S')) && !next.is_some_and(is_word_char) {
            return Some(i + c.len_utf8());
        }
        None
    }

    /// Where the word starting at `pos` ends, its first character read (up
    /// to `i`).
    #[inline]
    fn word_end(self, pos: usize, mut i: usize) -> usize {
        loop {
            i = self.run_end(i);
            // A dotted acronym or an initial keeps its final period ("U.S.",
            // "J."), and may go on with a hyphen ("U.S.-Russia").
            if self.char_at(i) == Some('.') && keeps_final_period(&self.text[pos..i]) {
                i += 1;
                let hyphen = self.char_at(i) == Some('-');
                let then_word = self.char_at(i + 1).is_some_and(is_word_char);
                if hyphen && then_word {
                    i += 1;
                    continue;
                }
            }
            return i;
        }
    }

    /// Where the word characters from `i` end, with the periods, hyphens,
    /// apostrophes and digit commas that join two of them.
    #[inline]
    fn run_end(self, mut i: usize) -> usize {
        loop {
            // Most of a word is ASCII letters and digits.
            i += alphanumeric_run(self.bytes.get(i..).unwrap_or_default());
            let Some(c) = self.char_at(i) else {
                return i;
            };
            let after_c = i + c.len_utf8();
            if !is_word_char(c) && !self.joins(i, c) {
                return i;
            }
            i = after_c;
        }
    }

    /// Whether the non-word character `c` at `i` joins the word characters
    /// around it into one word.
    #[inline]
    fn joins(self, i: usize, c: char) -> bool {
        let next = self.char_at(i + c.len_utf8());
        match c {
            '.' | '-' | '‐' => next.is_some_and(is_word_char),
            ',' => {
                self.char_before(i).is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())
                    && self
                        .char_at(self.skip(i, 4))
                        .is_none_or(|d| !d.is_ascii_digit())
            }
            c if is_apostrophe(c) => {
                let after = self.char_at(self.skip(i, 2));
                // Not a possessive ’s: that is its own token.
                let possessive =
                    matches!(next, Some('s') | Some('S')) && !after.is_some_and(is_word_char);
                next.is_some_and(is_word_char) && !possessive
            }
            _ => false,
        }
    }
}

/// Whether a word followed by a period keeps it: a dotted acronym ("U.S.")
/// or an initial ("J.").
fn keeps_final_period(word: &str) -> bool {
    let dotted = word.contains('.')
        && word
            .split('.')
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic));
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    dotted || initial
}

/// The tokens' texts lower-cased, each exactly as [`str::to_lowercase`]
/// lowers it: made once for the stages that compare words regardless of
/// case again and again, instead of a new `String` per look.
pub struct Lowered {
    /// The text with its ASCII letters lower-cased (so an ASCII token's
    /// span still fits it), then the lowered forms of the other tokens.
    buf: String,
    /// Where each token's lower-cased form lies in `buf`.
    ranges: Vec<(usize, usize)>,
}

impl Lowered {
    pub fn new(text: &str, toks: &[Token]) -> Lowered {
        let mut buf = ascii_lowercase(text);
        let bytes = text.as_bytes();
        // The first non-ASCII byte at or after the token looked at: the
        // tokens come in order, so the text is scanned once for such bytes
        // (a few in a hundred) rather than each token byte by byte.
        let mut wide = 0;
        let ranges = toks
            .iter()
            .map(|t| {
                let (start, end) = (t.span.start, t.span.end);
                if wide < start {
                    let rest = bytes.get(start..).unwrap_or_default();
                    wide = start + first_non_ascii(rest);
                }
                // Nearly every token is a few ASCII bytes, lowered in `buf`
                // already.
                if wide >= end {
                    return (start, end);
                }
                let word = t.text(text);
                // `buf` holds the word's ASCII letters lowered and its other
                // characters as they are, which is its lower-case form
                // unless one of those has a lower case of its own ("É"):
                // punctuation ("’", "“") needs no copy.
                if lowers_as_ascii(word) {
                    (start, end)
                } else {
                    let from = buf.len();
                    buf.push_str(&word.to_lowercase());
                    (from, buf.len())
                }
            })
            .collect();
        Lowered { buf, ranges }
    }

    /// The lower-cased words, indexed like the tokens.
    pub fn words(&self) -> Lower<'_> {
        Lower {
            buf: &self.buf,
            ranges: &self.ranges,
        }
    }
}

/// `text` as [`str::to_ascii_lowercase`] makes it, eight bytes at a time
/// (as one `u64`): the one pass over every byte of the text that building
/// [`Lowered`] makes, a byte at a time its largest cost.
fn ascii_lowercase(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut chunks = bytes.chunks_exact_mut(8);
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes((&*chunk).try_into().unwrap_or_default());
        // A capital's high bit, shifted down to 0x20, lowers it.
        chunk.copy_from_slice(&(word | ascii_capitals(word) >> 2).to_le_bytes());
    }
    chunks.into_remainder().make_ascii_lowercase();
    // Only ASCII bytes changed, each to an ASCII byte: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_ascii_lowercase())
}

/// The offset of the first byte of `bytes` that is not ASCII, or its
/// length if all are, eight bytes at a time.
fn first_non_ascii(bytes: &[u8]) -> usize {
    find_first(bytes, |w| w & HIGHS, |b| !b.is_ascii()).unwrap_or(bytes.len())
}

/// True when lower-casing `s` changes no character outside ASCII. Only
/// those characters are decoded: the bytes between are skipped.
pub(crate) fn lowers_as_ascii(s: &str) -> bool {
    let mut rest = s;
    loop {
        let at = first_non_ascii(rest.as_bytes());
        let mut chars = rest[at..].chars();
        match chars.next() {
            None => return true,
            Some(c) if !lowers_to_itself(c) => return false,
            Some(_) => rest = chars.as_str(),
        }
    }
}

/// True when `c` lower-cased is `c` itself, as [`str::to_lowercase`] lowers
/// it (which treats only 'Σ' differently, and that changes anyway).
fn lowers_to_itself(c: char) -> bool {
    c.to_lowercase().eq([c])
}

/// A view of [`Lowered`] words, indexed like the token slice it matches.
#[derive(Clone, Copy)]
pub struct Lower<'a> {
    buf: &'a str,
    ranges: &'a [(usize, usize)],
}

impl<'a> Lower<'a> {
    /// Token `i` lower-cased, or "" past the last token (as for a missing
    /// token's text).
    pub fn get(self, i: usize) -> &'a str {
        self.ranges
            .get(i)
            .and_then(|&(a, b)| self.buf.get(a..b))
            .unwrap_or("")
    }

    /// The view of tokens `lo..hi`, indexed from 0 like `&toks[lo..hi]`.
    pub fn slice(self, lo: usize, hi: usize) -> Lower<'a> {
        Lower {
            buf: self.buf,
            ranges: &self.ranges[lo..hi],
        }
    }
}

/// Index of the first token starting at or after byte `offset`.
pub fn first_at_or_after(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.span.start < offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.text(t)).collect()
    }

    #[test]
    fn general_punctuation_holds_no_word_char() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(lowers_to_itself(c), "{c:?}");
        }
    }

    #[test]
    fn ascii_lowercase_matches_std() {
        let all: String = (0..=0x7Fu8)
            .map(char::from)
            .chain("Zürich ÉTÉ".chars())
            .collect();
        for from in 0..8 {
            let t = &all[from..];
            assert_eq!(ascii_lowercase(t), t.to_ascii_lowercase());
        }
    }

    #[test]
    fn alphanumeric_run_matches_a_byte_scan() {
        let all: Vec<u8> = (0..=u8::MAX).collect();
        let words = b"Zelenskyy 9,600 U.S.-Russia azAZ09@[`{/: sevenTEEN12 x";
        for t in [&all[..], &words[..]] {
            crate::bytes::assert_finds_like_a_byte_scan(
                |rest| Some(alphanumeric_run(rest)).filter(|&n| n < rest.len()),
                |b| !b.is_ascii_alphanumeric(),
                t,
            );
        }
    }

    #[test]
    fn lowers_as_ascii_finds_letters_lowered_otherwise() {
        for s in [
            "",
            "a",
            "“Kyiv’s” 9,600 drones—Straße Élysée!!",
            "ǅ x",
            "İstanbul",
        ] {
            let ascii_only = s.to_lowercase() == s.to_ascii_lowercase();
            assert_eq!(lowers_as_ascii(s), ascii_only, "{s}");
        }
    }

    #[test]
    fn first_non_ascii_matches_a_byte_scan() {
        crate::bytes::assert_finds_like_a_byte_scan(
            |rest| Some(first_non_ascii(rest)).filter(|&n| n < rest.len()),
            |b| !b.is_ascii(),
            "Kyiv’s mayor said 12 drones were “downed” over the city — all of them.".as_bytes(),
        );
    }

    #[test]
    fn lowered_matches_to_lowercase() {
        let t = "Élysée’s “ΣΑΣ” U.S. Zürich straße İstanbul ǅ — 9,600";
        let toks = tokenize(t);
        let lowered = Lowered::new(t, &toks);
        for (i, tok) in toks.iter().enumerate() {
            assert_eq!(lowered.words().get(i), tok.text(t).to_lowercase());
        }
    }

    #[test]
    fn words_numbers_and_possessives() {
        assert_eq!(
            words("Zelenskyy’s 9,600 drones, 2½ U.S.-Russia we’re allies’ J. Doe."),
            [
                "Zelenskyy",
                "’s",
                "9,600",
                "drones",
                ",",
                "2½",
                "U.S.-Russia",
                "we’re",
                "allies",
                "’",
                "J.",
                "Doe",
                "."
            ]
        );
        assert_eq!(
            words("1,000,000 and 1,0000"),
            ["1,000,000", "and", "1", ",", "0000"]
        );
    }
}
