//! Word tokens with byte spans, shared by the people, statements and events
//! stages so each reads the text the same way.
//!
//! Words keep inner periods, apostrophes, hyphens and digit commas
//! ("U.S.", "can’t", "Secretary-General", "9,600"); a possessive `’s` is
//! its own token so "Zelenskyy’s" yields the name "Zelenskyy". Everything
//! else that is not white space is a one-character punctuation token.

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

/// Splits `text` into tokens in one pass.
///
/// ```
/// use news_atlas::analysis::tokens::tokenize;
/// let t = "Russia’s U.S. envoy";
/// let words: Vec<&str> = tokenize(t).iter().map(|k| k.text(t)).collect();
/// assert_eq!(words, ["Russia", "’s", "U.S.", "envoy"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(p, _)| p);
    let mut tokens = Vec::with_capacity(chars.len() / 5);
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_apostrophe(c) {
            // Possessive: ’s not followed by a letter, or a bare ’ after s.
            let next = chars.get(i + 1).map(|&(_, n)| n);
            let after = chars.get(i + 2).map(|&(_, n)| n);
            let prev_word = i > 0 && chars[i - 1].1.is_alphanumeric();
            if prev_word
                && matches!(next, Some('s') | Some('S'))
                && !after.is_some_and(char::is_alphanumeric)
            {
                tokens.push(Token {
                    span: Span::new(pos, end_of(i + 2)),
                    kind: TokKind::Possessive,
                });
                i += 2;
                continue;
            }
            if prev_word
                && matches!(chars[i - 1].1, 's' | 'S')
                && !next.is_some_and(char::is_alphanumeric)
            {
                tokens.push(Token {
                    span: Span::new(pos, end_of(i + 1)),
                    kind: TokKind::Possessive,
                });
                i += 1;
                continue;
            }
        }
        if !c.is_alphanumeric() {
            tokens.push(Token {
                span: Span::new(pos, end_of(i + 1)),
                kind: TokKind::Punct(c),
            });
            i += 1;
            continue;
        }
        i += 1;
        loop {
            while i < chars.len() {
                let c = chars[i].1;
                if c.is_alphanumeric() {
                    i += 1;
                    continue;
                }
                let next = chars.get(i + 1).map(|&(_, n)| n);
                let joins = match c {
                    '.' | '-' | '‐' => next.is_some_and(char::is_alphanumeric),
                    ',' => {
                        chars[i - 1].1.is_ascii_digit()
                            && next.is_some_and(|n| n.is_ascii_digit())
                            && chars.get(i + 4).is_none_or(|&(_, d)| !d.is_ascii_digit())
                    }
                    c if is_apostrophe(c) => {
                        let after = chars.get(i + 2).map(|&(_, n)| n);
                        // Not a possessive ’s: that is its own token.
                        let possessive = matches!(next, Some('s') | Some('S'))
                            && !after.is_some_and(char::is_alphanumeric);
                        next.is_some_and(char::is_alphanumeric) && !possessive
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                i += 1;
            }
            // A dotted acronym or an initial keeps its final period ("U.S.",
            // "J."), and may go on with a hyphen ("U.S.-Russia").
            if chars.get(i).is_some_and(|&(_, c)| c == '.') {
                let word = &text[pos..end_of(i)];
                let dotted = word.contains('.')
                    && word.split('.').all(|p| {
                        (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic)
                    });
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if dotted || initial {
                    i += 1;
                    let hyphen = chars.get(i).is_some_and(|&(_, c)| c == '-');
                    let then_word = chars.get(i + 1).is_some_and(|&(_, c)| c.is_alphanumeric());
                    if hyphen && then_word {
                        i += 1;
                        continue;
                    }
                }
            }
            break;
        }
        tokens.push(Token {
            span: Span::new(pos, end_of(i)),
            kind: TokKind::Word,
        });
    }
    tokens
}

/// The tokens' texts lower-cased, each exactly as [`str::to_lowercase`]
/// lowers it, in one buffer: made once for the stages that compare words
/// regardless of case again and again, instead of a new `String` per look.
pub struct Lowered {
    buf: String,
    /// Token `i` lower-cased is `buf[bounds[i]..bounds[i + 1]]`.
    bounds: Vec<usize>,
}

impl Lowered {
    pub fn new(text: &str, toks: &[Token]) -> Lowered {
        let mut buf = String::with_capacity(text.len());
        let mut bounds = Vec::with_capacity(toks.len() + 1);
        bounds.push(0);
        for t in toks {
            let word = t.text(text);
            if word.is_ascii() {
                let from = buf.len();
                buf.push_str(word);
                buf[from..].make_ascii_lowercase();
            } else {
                buf.push_str(&word.to_lowercase());
            }
            bounds.push(buf.len());
        }
        Lowered { buf, bounds }
    }

    /// The lower-cased words, indexed like the tokens.
    pub fn words(&self) -> Lower<'_> {
        Lower {
            buf: &self.buf,
            bounds: &self.bounds,
        }
    }
}

/// A view of [`Lowered`] words, indexed like the token slice it matches.
#[derive(Clone, Copy)]
pub struct Lower<'a> {
    buf: &'a str,
    bounds: &'a [usize],
}

impl<'a> Lower<'a> {
    /// Token `i` lower-cased, or "" past the last token (as for a missing
    /// token's text).
    pub fn get(self, i: usize) -> &'a str {
        match (self.bounds.get(i), self.bounds.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.buf[a..b],
            _ => "",
        }
    }

    /// The view of tokens `lo..hi`, indexed from 0 like `&toks[lo..hi]`.
    pub fn slice(self, lo: usize, hi: usize) -> Lower<'a> {
        Lower {
            buf: self.buf,
            bounds: &self.bounds[lo..=hi],
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
