//! Stage 1: paragraphs and sentences with byte spans.
//!
//! Paragraphs are runs of non-blank lines. Sentences end at `.`, `!` or `?`
//! (plus any closing quotes and brackets) followed by white space and a
//! sentence opener, except after known abbreviations and initials.

use serde::Serialize;

use super::Span;

/// A paragraph: a line (or run of lines) between blank lines or line breaks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub span: Span,
}

/// A sentence, trimmed of surrounding white space.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

/// Words that end in a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov", "Sen",
    "Rep", "Rev", "St", "Mt", "Ft", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "No",
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "approx", "e.g", "i.e",
];

/// Splits `text` into paragraphs (each line with text is one) and sentences.
pub fn segment(text: &str) -> Segments {
    let mut segments = Segments::default();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = trim_span(text, Span::new(offset, offset + line.len()));
        offset += line.len();
        if trimmed.is_empty() {
            continue;
        }
        let paragraph = segments.paragraphs.len();
        segments.paragraphs.push(Paragraph { span: trimmed });
        for span in split_sentences(text, trimmed) {
            segments.sentences.push(Sentence { span, paragraph });
        }
    }
    segments
}

/// Index of the sentence containing `offset` (sentences are sorted by start).
pub fn sentence_at(sentences: &[Sentence], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.end <= offset);
    (i < sentences.len() && sentences[i].span.start <= offset).then_some(i)
}

fn trim_span(text: &str, span: Span) -> Span {
    let slice = &text[span.start..span.end];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.end - (slice.len() - slice.trim_end().len());
    Span::new(start, end.max(start))
}

fn split_sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let body = &text[paragraph.start..paragraph.end];
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // Take closing quotes and brackets with the terminator.
            let mut j = i + 1;
            while j < chars.len() && is_closer(chars[j].1) {
                j += 1;
            }
            let end = chars.get(j).map_or(body.len(), |&(p, _)| p);
            let next_is_space = chars.get(j).is_none_or(|&(_, c)| c.is_whitespace());
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let opener = chars.get(k).is_some_and(|&(_, c)| is_opener(c));
            if next_is_space && opener && c == '.' && !ends_abbreviation(&body[start..pos])
                || next_is_space && opener && c != '.'
            {
                spans.push(Span::new(paragraph.start + start, paragraph.start + end));
                start = chars.get(k).map_or(body.len(), |&(p, _)| p);
                i = k;
                continue;
            }
        }
        i += 1;
    }
    if start < body.len() {
        spans.push(trim_span(
            text,
            Span::new(paragraph.start + start, paragraph.end),
        ));
    }
    spans
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
}

/// True when the text before a period ends in an abbreviation or an initial.
fn ends_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(['(', '[']);
    // Initials and dotted acronyms: "J", "U.S", "D.C".
    let dotted = bare
        .split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    dotted && !bare.is_empty() || ABBREVIATIONS.contains(&bare)
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

    #[test]
    fn splits_plain_sentences_and_paragraphs() {
        let text = "One here. Two there!\n\nThree?";
        assert_eq!(sentences(text), ["One here.", "Two there!", "Three?"]);
        assert_eq!(segment(text).paragraphs.len(), 2);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            sentences("The U.S. envoy met Gen. Smith in St. Petersburg. J. R. Doe left."),
            [
                "The U.S. envoy met Gen. Smith in St. Petersburg.",
                "J. R. Doe left."
            ]
        );
    }

    #[test]
    fn quote_closing_a_sentence_stays_with_it() {
        let text = "He said, “It looks better.” Then he left.";
        assert_eq!(
            sentences(text),
            ["He said, “It looks better.”", "Then he left."]
        );
    }
}
