//! Cuts a stretch of article text into pieces for highlighting: each piece
//! knows which marks (place, speaker, quote) cover it, so overlapping marks
//! (a place inside a quote) and marks that cross sentence boundaries render
//! without breaking the text. Pure Rust, tested natively.

use crate::analysis::Span;

/// What a mark stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkKind {
    Place,
    Speaker,
    Quote,
}

/// A highlighted stretch of text pointing at an item (by index in its list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub kind: MarkKind,
    pub item: usize,
}

/// A run of text with the marks covering it (at most one of each kind).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    pub place: Option<usize>,
    pub speaker: Option<usize>,
    pub quote: Option<usize>,
}

/// Splits `range` at every mark boundary inside it. `marks` may be in any
/// order and may overlap; where two marks of one kind overlap, the one that
/// starts first wins.
pub fn pieces(range: Span, marks: &[Mark]) -> Vec<Piece> {
    let inside: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.span.start < range.end && m.span.end > range.start && !m.span.is_empty())
        .collect();
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for m in &inside {
        cuts.push(m.span.start.clamp(range.start, range.end));
        cuts.push(m.span.end.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Piece> = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let span = Span::new(w[0], w[1]);
        let mut piece = Piece {
            span,
            ..Piece::default()
        };
        for kind in [MarkKind::Place, MarkKind::Speaker, MarkKind::Quote] {
            let covering = inside
                .iter()
                .filter(|m| m.kind == kind && m.span.start <= span.start && span.end <= m.span.end)
                .min_by_key(|m| (m.span.start, m.item))
                .map(|m| m.item);
            match kind {
                MarkKind::Place => piece.place = covering,
                MarkKind::Speaker => piece.speaker = covering,
                MarkKind::Quote => piece.quote = covering,
            }
        }
        // Merge with the previous piece when both carry the same marks.
        match out.last_mut() {
            Some(last)
                if (last.place, last.speaker, last.quote)
                    == (piece.place, piece.speaker, piece.quote) =>
            {
                last.span.end = span.end;
            }
            _ => out.push(piece),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, kind: MarkKind, item: usize) -> Mark {
        Mark {
            span: Span::new(start, end),
            kind,
            item,
        }
    }

    #[test]
    fn plain_text_is_one_piece() {
        assert_eq!(
            pieces(Span::new(0, 10), &[]),
            vec![Piece {
                span: Span::new(0, 10),
                ..Piece::default()
            }]
        );
    }

    #[test]
    fn a_place_inside_a_quote_gets_both_marks() {
        let got = pieces(
            Span::new(0, 30),
            &[
                mark(5, 25, MarkKind::Quote, 0),
                mark(10, 15, MarkKind::Place, 3),
            ],
        );
        let spans: Vec<(usize, usize, Option<usize>, Option<usize>)> = got
            .iter()
            .map(|p| (p.span.start, p.span.end, p.place, p.quote))
            .collect();
        assert_eq!(
            spans,
            [
                (0, 5, None, None),
                (5, 10, None, Some(0)),
                (10, 15, Some(3), Some(0)),
                (15, 25, None, Some(0)),
                (25, 30, None, None)
            ]
        );
    }

    #[test]
    fn marks_are_clipped_to_the_range() {
        let got = pieces(
            Span::new(10, 20),
            &[
                mark(0, 15, MarkKind::Quote, 1),
                mark(18, 40, MarkKind::Speaker, 2),
            ],
        );
        let spans: Vec<(usize, usize)> = got.iter().map(|p| (p.span.start, p.span.end)).collect();
        assert_eq!(spans, [(10, 15), (15, 18), (18, 20)]);
        assert_eq!((got[0].quote, got[2].speaker), (Some(1), Some(2)));
    }

    #[test]
    fn pieces_cover_the_range_exactly() {
        let marks = [
            mark(3, 9, MarkKind::Place, 0),
            mark(5, 12, MarkKind::Place, 1),
            mark(0, 2, MarkKind::Speaker, 0),
        ];
        let got = pieces(Span::new(0, 14), &marks);
        assert_eq!(got.first().unwrap().span.start, 0);
        assert_eq!(got.last().unwrap().span.end, 14);
        assert!(got.windows(2).all(|w| w[0].span.end == w[1].span.start));
    }
}
