//! Two speakers or sides side by side: their statements aligned in rows by
//! a shared place or disputed topic, and the contrasts between them.
//!
//! A statement's keys are the places it mentions and, for every contrast it
//! takes part in, the place in dispute (or the contrast's topic when no
//! place is named): a statement such as "fighting in the area is still
//! ongoing" names no place, but its contrast says which one. Keys are tried
//! most telling first (disputes, then towns before regions before
//! countries), and each statement lands in the first row it shares with the
//! other column, so no statement is shown twice in one column.

use std::collections::{HashMap, HashSet};

use crate::analysis::{Analysis, PlaceKind};

/// What a row of the side-by-side view is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RowKey {
    /// A place, by index into `Analysis::places`.
    Place(usize),
    /// A disputed topic with no place.
    Topic(String),
    /// Statements that share nothing with the other column.
    Other,
}

/// A row: statements of each column about one key, in article order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub key: RowKey,
    /// True when the row holds a contrast between the columns.
    pub disputed: bool,
    pub left: Vec<usize>,
    pub right: Vec<usize>,
}

/// A contrast between the two columns, oriented left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pairing {
    /// Index into `Analysis::contrasts`.
    pub contrast: usize,
    /// Statement of the left column.
    pub left: usize,
    /// Statement of the right column.
    pub right: usize,
}

/// The contrasts with one statement in each column, in the analysis' order.
pub fn pairings(analysis: &Analysis, left: &[usize], right: &[usize]) -> Vec<Pairing> {
    let (l, r): (HashSet<usize>, HashSet<usize>) = (
        left.iter().copied().collect(),
        right.iter().copied().collect(),
    );
    let valid = |n: usize| n < analysis.statements.len();
    analysis
        .contrasts
        .iter()
        .enumerate()
        .filter(|(_, c)| valid(c.a) && valid(c.b))
        .filter_map(|(i, c)| {
            if l.contains(&c.a) && r.contains(&c.b) {
                Some(Pairing {
                    contrast: i,
                    left: c.a,
                    right: c.b,
                })
            } else if l.contains(&c.b) && r.contains(&c.a) {
                Some(Pairing {
                    contrast: i,
                    left: c.b,
                    right: c.a,
                })
            } else {
                None
            }
        })
        .collect()
}

/// Rows of shared places and topics, then one row of the rest (if any).
/// `left` and `right` are statement indices in article order.
pub fn align(analysis: &Analysis, left: &[usize], right: &[usize]) -> Vec<Row> {
    let disputed: HashSet<RowKey> = pairings(analysis, left, right)
        .iter()
        .map(|p| contrast_key(analysis, p.contrast))
        .collect();
    let lookup = KeyLookup::new(analysis);
    let keys_of = |n: usize| lookup.keys(analysis, n);
    let left_keys: Vec<Vec<(u8, RowKey)>> = left.iter().map(|&n| keys_of(n)).collect();
    let right_keys: Vec<Vec<(u8, RowKey)>> = right.iter().map(|&n| keys_of(n)).collect();

    // Keys both columns share, most telling first, then in text order.
    let right_set: HashSet<&RowKey> = right_keys.iter().flatten().map(|(_, k)| k).collect();
    let mut shared: Vec<(u8, usize, RowKey)> = Vec::new();
    for (i, keys) in left_keys.iter().enumerate() {
        for (rank, key) in keys {
            if right_set.contains(key) && !shared.iter().any(|(_, _, k)| k == key) {
                let rank = if disputed.contains(key) { 0 } else { *rank };
                shared.push((rank, i, key.clone()));
            }
        }
    }
    shared.sort_by_key(|(rank, first, _)| (*rank, *first));

    let mut left_used = vec![false; left.len()];
    let mut right_used = vec![false; right.len()];
    let mut rows: Vec<Row> = Vec::new();
    for (_, _, key) in shared {
        let take = |keys: &[Vec<(u8, RowKey)>], used: &[bool]| -> Vec<usize> {
            (0..keys.len())
                .filter(|&i| !used[i] && keys[i].iter().any(|(_, k)| *k == key))
                .collect()
        };
        let (l, r) = (take(&left_keys, &left_used), take(&right_keys, &right_used));
        if l.is_empty() || r.is_empty() {
            continue;
        }
        l.iter().for_each(|&i| left_used[i] = true);
        r.iter().for_each(|&i| right_used[i] = true);
        rows.push(Row {
            disputed: disputed.contains(&key),
            key,
            left: l.into_iter().map(|i| left[i]).collect(),
            right: r.into_iter().map(|i| right[i]).collect(),
        });
    }
    // Rows read in the order the article first takes up their subject.
    let position = |n: &usize| {
        analysis
            .statements
            .get(*n)
            .map_or(usize::MAX, |s| s.span.start)
    };
    rows.sort_by_key(|row| row.left.iter().chain(&row.right).map(position).min());
    let rest_left: Vec<usize> = (0..left.len())
        .filter(|&i| !left_used[i])
        .map(|i| left[i])
        .collect();
    let rest_right: Vec<usize> = (0..right.len())
        .filter(|&i| !right_used[i])
        .map(|i| right[i])
        .collect();
    if !rest_left.is_empty() || !rest_right.is_empty() {
        rows.push(Row {
            key: RowKey::Other,
            disputed: false,
            left: rest_left,
            right: rest_right,
        });
    }
    rows
}

/// The key a contrast is about: its place, else its topic.
fn contrast_key(analysis: &Analysis, contrast: usize) -> RowKey {
    let c = &analysis.contrasts[contrast];
    match c.place.filter(|&p| p < analysis.places.len()) {
        Some(p) => RowKey::Place(p),
        None => RowKey::Topic(c.topic.clone()),
    }
}

/// Finds a statement's keys without scanning every place and contrast for
/// each statement: a long pasted article can have thousands of both.
struct KeyLookup {
    /// Every place mention as (start, end, place), sorted by start.
    mentions: Vec<(usize, usize, usize)>,
    /// The contrasts each statement takes part in.
    contrasts: HashMap<usize, Vec<usize>>,
}

impl KeyLookup {
    fn new(analysis: &Analysis) -> KeyLookup {
        let mut mentions: Vec<(usize, usize, usize)> = analysis
            .places
            .iter()
            .enumerate()
            .flat_map(|(p, place)| place.mentions.iter().map(move |m| (m.start, m.end, p)))
            .collect();
        mentions.sort_unstable();
        let mut contrasts: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, c) in analysis.contrasts.iter().enumerate() {
            contrasts.entry(c.a).or_default().push(i);
            if c.b != c.a {
                contrasts.entry(c.b).or_default().push(i);
            }
        }
        KeyLookup {
            mentions,
            contrasts,
        }
    }

    /// A statement's keys with a rank (lower is more telling).
    fn keys(&self, analysis: &Analysis, n: usize) -> Vec<(u8, RowKey)> {
        let Some(statement) = analysis.statements.get(n) else {
            return Vec::new();
        };
        let mut keys: Vec<(u8, RowKey)> = Vec::new();
        for &i in self.contrasts.get(&n).into_iter().flatten() {
            keys.push((1, contrast_key(analysis, i)));
        }
        let span = statement.span;
        let from = self
            .mentions
            .partition_point(|&(start, _, _)| start < span.start);
        let inside = self.mentions[from..]
            .iter()
            .take_while(|&&(start, _, _)| start < span.end);
        for &(_, _, p) in inside.filter(|&&(_, end, _)| end <= span.end) {
            let rank = match analysis.places[p].kind {
                PlaceKind::City | PlaceKind::Facility => 2,
                PlaceKind::Region | PlaceKind::Sea | PlaceKind::Other => 3,
                PlaceKind::Country => 4,
            };
            keys.push((rank, RowKey::Place(p)));
        }
        // Each key once, at its most telling rank.
        keys.sort_by_key(|(rank, _)| *rank);
        let mut seen: HashSet<RowKey> = HashSet::new();
        keys.retain(|(_, key)| seen.insert(key.clone()));
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::speakers::SpeakerIndex;

    const TEXT: &str = "Russia’s Defense Ministry said its forces had seized Pokrovsk. \
        Ukrainian President Volodymyr Zelenskyy insisted fighting in Pokrovsk was still ongoing. \
        Zelenskyy said talks in Geneva went well. \
        The ministry said drones were shot down over Belgorod.";

    fn columns(analysis: &Analysis, a: &str, b: &str) -> (Vec<usize>, Vec<usize>) {
        let index = SpeakerIndex::new(analysis);
        let of = |slug: &str| {
            index
                .find(slug)
                .map(|w| index.statements_of(w))
                .unwrap_or_default()
        };
        (of(a), of(b))
    }

    #[test]
    fn every_statement_appears_once_per_column() {
        let analysis = analyze(TEXT);
        let (l, r) = columns(&analysis, "side-ru", "side-ua");
        let rows = align(&analysis, &l, &r);
        let mut got_l: Vec<usize> = rows.iter().flat_map(|row| row.left.clone()).collect();
        let mut got_r: Vec<usize> = rows.iter().flat_map(|row| row.right.clone()).collect();
        got_l.sort_unstable();
        got_r.sort_unstable();
        let (mut want_l, mut want_r) = (l.clone(), r.clone());
        want_l.sort_unstable();
        want_r.sort_unstable();
        assert_eq!((got_l, got_r), (want_l, want_r));
        assert!(
            rows.iter()
                .all(|row| row.key == RowKey::Other
                    || (!row.left.is_empty() && !row.right.is_empty()))
        );
        assert!(rows.iter().filter(|row| row.key == RowKey::Other).count() <= 1);
        assert_eq!(
            rows.last().map(|r| &r.key),
            Some(&RowKey::Other),
            "{rows:?}"
        );
    }

    #[test]
    fn a_shared_place_makes_a_row() {
        let analysis = analyze(TEXT);
        let (l, r) = columns(&analysis, "side-ru", "side-ua");
        let rows = align(&analysis, &l, &r);
        // Whatever the resolver makes of the name, both mentions share it.
        let text = TEXT;
        let pokrovsk = analysis
            .places
            .iter()
            .position(|p| p.mentions.iter().any(|m| m.slice(text) == "Pokrovsk"))
            .expect("Pokrovsk is found as a place");
        let row = rows
            .iter()
            .find(|row| row.key == RowKey::Place(pokrovsk))
            .expect("a Pokrovsk row");
        assert_eq!((row.left.len(), row.right.len()), (1, 1), "{rows:?}");
    }

    #[test]
    fn pairings_are_oriented_left_to_right() {
        let analysis = analyze(TEXT);
        let (l, r) = columns(&analysis, "side-ru", "side-ua");
        for p in pairings(&analysis, &l, &r) {
            assert!(l.contains(&p.left) && r.contains(&p.right));
        }
        for p in pairings(&analysis, &r, &l) {
            assert!(r.contains(&p.left) && l.contains(&p.right));
        }
    }

    #[test]
    fn a_long_text_aligns_every_statement() {
        let analysis = analyze(&TEXT.repeat(150));
        let (l, r) = columns(&analysis, "side-ru", "side-ua");
        assert!(l.len() >= 150 && r.len() >= 150, "{} {}", l.len(), r.len());
        let rows = align(&analysis, &l, &r);
        let shown: usize = rows
            .iter()
            .map(|row| row.left.len() + row.right.len())
            .sum();
        assert_eq!(shown, l.len() + r.len());
    }

    #[test]
    fn empty_columns_give_no_rows() {
        let analysis = analyze(TEXT);
        assert!(align(&analysis, &[], &[]).is_empty());
        assert!(pairings(&analysis, &[], &[0, 99]).is_empty());
    }
}
