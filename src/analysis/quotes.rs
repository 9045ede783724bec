//! Quotation marks paired into quotes, per paragraph, in one pass.
//!
//! Curly (“ ”), guillemet (« ») and straight (") double quotes are paired;
//! curly single quotes (‘ ’) only outside double quotes. A quote left open
//! at the end of a paragraph whose next paragraph opens with a quote mark
//! runs on (the news convention for a quote over several paragraphs). Any
//! other unpaired mark becomes a warning, and pairing restarts at the next
//! paragraph, so one stray mark never shifts every later quote.

use serde::{Deserialize, Serialize};

use super::bytes::{find_first, has_byte};
use super::segment::Paragraph;
use super::{Span, Warning};

/// How a quote relates to who said it; set by the statements stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole utterance attached to an attribution.
    Direct,
    /// Quoted words inside someone's reported speech.
    Fragment,
    /// A short quoted term nobody in the text is shown to say.
    #[default]
    Scare,
    /// An utterance whose speaker the text does not make clear.
    Unattributed,
}

/// A quote: the text between its marks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The text between the marks (to the paragraph end when left open).
    pub span: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark, if the text has one.
    pub close: Option<Span>,
    /// Left open because the next paragraph continues it.
    pub runs_on: bool,
    /// Opens a paragraph that continues a quote left open before it.
    pub continues: bool,
    pub kind: QuoteKind,
    /// Index into `Analysis::people`.
    pub speaker: Option<usize>,
    /// Index into `Analysis::statements`.
    pub statement: Option<usize>,
}

impl Quote {
    /// The quote with its marks.
    pub fn outer(&self) -> Span {
        Span::new(self.open.start, self.close.map_or(self.span.end, |c| c.end))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// Finds the quotes of every paragraph.
pub fn find_quotes(
    text: &str,
    paragraphs: &[Paragraph],
    warnings: &mut Vec<Warning>,
) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut continuing = false;
    let mut marks = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let body = p.span.slice(text);
        let next_opens = paragraphs
            .get(pi + 1)
            .and_then(|n| n.span.slice(text).chars().next())
            .is_some_and(|c| matches!(c, '“' | '"' | '«'));
        let first = quotes.len();
        find_marks(body, &mut marks);
        continuing = pair_paragraph(
            text,
            p.span,
            &marks,
            next_opens,
            continuing,
            &mut quotes,
            warnings,
        );
        let singles = pair_single(p.span, body, &marks, &quotes[first..]);
        quotes.extend(singles);
    }
    quotes.sort_by_key(|q| q.open.start);
    quotes
}

/// Puts in `out` the characters of `body` that may be quotation marks,
/// with their byte offsets, in order. Every mark is `"` or starts with the
/// byte 0xC2 (« ») or 0xE2 (“ ” „ ‘ ’), which only ever start a character,
/// so the rest of the text is passed over eight bytes at a time without
/// being decoded.
fn find_marks(body: &str, out: &mut Vec<(usize, char)>) {
    let leads = |w: u64| has_byte(w, b'"') | has_byte(w, 0xC2) | has_byte(w, 0xE2);
    let is_lead = |b: u8| matches!(b, b'"' | 0xC2 | 0xE2);
    out.clear();
    let bytes = body.as_bytes();
    let mut from = 0;
    while let Some(k) = bytes
        .get(from..)
        .and_then(|rest| find_first(rest, leads, is_lead))
    {
        let at = from + k;
        if let Some(c) = body[at..].chars().next() {
            out.push((at, c));
        }
        from = at + 1;
    }
}

fn role_of(body: &str, at: usize, c: char) -> Option<Role> {
    match c {
        '“' | '«' | '„' => Some(Role::Open),
        '”' | '»' => Some(Role::Close),
        '"' => {
            let prev = body[..at].chars().next_back();
            let next = body[at + 1..].chars().next();
            let open_ctx = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
            let close_ctx = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–-…".contains(n));
            Some(match (open_ctx, close_ctx) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ => Role::Either,
            })
        }
        _ => None,
    }
}

/// Pairs double quotes in paragraph `para`, given the possible `marks` of
/// its text ([`find_marks`]); returns whether a quote runs on.
fn pair_paragraph(
    text: &str,
    para: Span,
    marks: &[(usize, char)],
    next_opens: bool,
    continuing: bool,
    quotes: &mut Vec<Quote>,
    warnings: &mut Vec<Warning>,
) -> bool {
    let body = para.slice(text);
    let base = para.start;
    let mut open: Option<Span> = None;
    let mut first_open = true;
    for &(at, c) in marks {
        let Some(role) = role_of(body, at, c) else {
            continue;
        };
        let mark = Span::new(base + at, base + at + c.len_utf8());
        match (open, role) {
            (None, Role::Open | Role::Either) => {
                open = Some(mark);
            }
            (Some(o), Role::Close | Role::Either) => {
                quotes.push(new_quote(o, Some(mark), continuing && first_open));
                first_open = false;
                open = None;
            }
            (Some(o), Role::Open) => {
                // Two openings in a row: the first never closed. End it
                // before the second so the error stays local.
                warnings.push(Warning {
                    code: "unbalanced-quote",
                    message: "A quotation mark opens but does not close before the next one opens."
                        .into(),
                    span: Some(o),
                });
                let mut q = new_quote(o, None, continuing && first_open);
                q.span.end = trim_end(text, q.span.start, mark.start);
                quotes.push(q);
                first_open = false;
                open = Some(mark);
            }
            (None, Role::Close) => {
                warnings.push(Warning {
                    code: "unbalanced-quote",
                    message: "A closing quotation mark has no opening mark before it.".into(),
                    span: Some(mark),
                });
            }
        }
    }
    if let Some(o) = open {
        let mut q = new_quote(o, None, continuing && first_open);
        q.span.end = trim_end(text, q.span.start, para.end);
        if next_opens {
            q.runs_on = true;
        } else {
            warnings.push(Warning {
                code: "unbalanced-quote",
                message: "A quotation mark opens but never closes in its paragraph.".into(),
                span: Some(o),
            });
        }
        let runs_on = q.runs_on;
        quotes.push(q);
        return runs_on;
    }
    false
}

fn new_quote(open: Span, close: Option<Span>, continues: bool) -> Quote {
    let end = close.map_or(open.end, |c| c.start);
    Quote {
        span: Span::new(open.end, end),
        open,
        close,
        runs_on: false,
        continues,
        kind: QuoteKind::default(),
        speaker: None,
        statement: None,
    }
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let s = text.get(start..end).unwrap_or("");
    start + s.trim_end().len()
}

/// Curly single quotes (‘...’) outside double quotes, closed within the
/// paragraph by a ’ that is not an apostrophe (not followed by a letter).
/// `marks` are the possible marks of `body` ([`find_marks`]).
fn pair_single(para: Span, body: &str, marks: &[(usize, char)], doubles: &[Quote]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    // `doubles` is in text order, so a binary search finds the one quote
    // that could hold `at`: no scan per mark, however many marks there are.
    let inside_double = |at: usize| {
        let i = doubles.partition_point(|q| q.open.start <= at);
        i > 0 && doubles[i - 1].outer().contains(Span::new(at, at))
    };
    let mut open: Option<Span> = None;
    for &(at, c) in marks {
        let prev = || body[..at].chars().next_back();
        let next = || body[at + c.len_utf8()..].chars().next();
        let abs = para.start + at;
        if c == '‘' && prev().is_none_or(|p| !p.is_alphanumeric()) && !inside_double(abs) {
            open = Some(Span::new(abs, abs + c.len_utf8()));
        } else if c == '’' && !next().is_some_and(char::is_alphanumeric) {
            if let Some(o) = open.take() {
                if abs - o.end <= 400 {
                    quotes.push(new_quote(
                        o,
                        Some(Span::new(abs, abs + c.len_utf8())),
                        false,
                    ));
                }
            }
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quotation_mark_is_found_as_a_possible_mark() {
        // The marks `role_of` and `pair_single` act on: each must start
        // with a byte `find_marks` stops at.
        for c in ['“', '«', '„', '”', '»', '"', '‘', '’'] {
            let body = format!("said {c}no{c} now");
            let mut marks = Vec::new();
            find_marks(&body, &mut marks);
            assert_eq!(marks, [(5, c), (5 + c.len_utf8() + 2, c)], "{c}");
        }
    }
    use crate::segment::segment;

    fn run(text: &str) -> (Vec<String>, usize) {
        let seg = segment(text);
        let mut w = Vec::new();
        let q = find_quotes(text, &seg.paragraphs, &mut w);
        (
            q.iter().map(|q| q.span.slice(text).to_string()).collect(),
            w.len(),
        )
    }

    #[test]
    fn pairs_curly_straight_and_single() {
        assert_eq!(
            run("“A,” he said, “B.” Then \"C\" and ‘D’ and the allies’ plan."),
            (vec!["A,".into(), "B.".into(), "C".into(), "D".into()], 0)
        );
    }

    #[test]
    fn runs_on_into_next_paragraph_without_warning() {
        let (q, w) = run("“One.\n“Two.”");
        assert_eq!((q, w), (vec!["One.".to_string(), "Two.".to_string()], 0));
    }

    #[test]
    fn unbalanced_mark_is_local_and_warned() {
        let (q, w) = run("He said “never.\nShe said “yes” and “no”.");
        assert_eq!(q, ["never.", "yes", "no"]);
        assert_eq!(w, 1);
        let (q, w) = run("Stray ” mark. Then “fine”.");
        assert_eq!((q, w), (vec!["fine".to_string()], 1));
    }
}
