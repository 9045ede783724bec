//! Speakers and sides as the page shows them, derived from an [`Analysis`]
//! without changing it: a unique URL slug per speaker, speakers grouped by
//! side (affiliation), each speaker's statements in article order, and an
//! "Unattributed" group for statements nobody could be tied to.
//!
//! A slug names one of three things ([`Who`]): a speaker (`dmitry-peskov`),
//! a side (`side-ru`) or the unattributed statements (`unattributed`). Pure
//! Rust, tested natively.

pub mod compare;
mod sides;

pub use sides::{side_label, side_slug};

use crate::analysis::people::SpeakerKind;
use crate::analysis::Analysis;
use crate::view::unique_slugs;

/// The slug of the statements with no resolved speaker.
pub const UNATTRIBUTED: &str = "unattributed";

/// What a slug names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Who {
    /// A speaker, by index into `Analysis::people`.
    Person(usize),
    /// A side, by index into [`SpeakerIndex::sides`].
    Side(usize),
    /// Statements with no resolved speaker.
    Unattributed,
}

/// Speakers who share an affiliation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    /// The affiliation as the analysis gives it; `None` when not stated.
    pub code: Option<String>,
    pub slug: String,
    pub label: String,
    /// Indices into `Analysis::people`, in order of first statement.
    pub people: Vec<usize>,
}

/// Who speaks in one analysis, and where.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpeakerIndex {
    /// A unique slug per person (parallel to `Analysis::people`).
    pub slugs: Vec<String>,
    /// Each person's statements in article order (parallel to `Analysis::people`).
    pub statements: Vec<Vec<usize>>,
    /// Statements with no resolved speaker, in article order.
    pub unattributed: Vec<usize>,
    /// Sides of the people who make statements, in order of first statement;
    /// the side with no stated affiliation comes last.
    pub sides: Vec<Side>,
    /// Each statement's place in article order (parallel to `Analysis::statements`).
    pub rank: Vec<usize>,
}

impl SpeakerIndex {
    pub fn new(analysis: &Analysis) -> SpeakerIndex {
        let people = &analysis.people;
        // Slugs of the other namespaces are reserved so a person named
        // "Unattributed" or "Side A" cannot shadow them.
        let slugs: Vec<String> = unique_slugs(
            people.iter().map(|p| p.name.as_str()),
            "speaker",
            &[UNATTRIBUTED],
        )
        .into_iter()
        .map(|s| {
            if s.starts_with("side-") {
                format!("speaker-{s}")
            } else {
                s
            }
        })
        .collect();
        let mut statements = vec![Vec::new(); people.len()];
        let mut unattributed = Vec::new();
        let order = in_article_order(analysis);
        for &n in &order {
            match analysis.statements[n].speaker.filter(|&p| p < people.len()) {
                Some(p) => statements[p].push(n),
                None => unattributed.push(n),
            }
        }
        let mut speakers: Vec<usize> = (0..people.len())
            .filter(|&p| !statements[p].is_empty())
            .collect();
        speakers.sort_by_key(|&p| (analysis.statements[statements[p][0]].span.start, p));
        let mut sides: Vec<Side> = Vec::new();
        for p in speakers {
            // A country or bloc first; else the camp the text puts the
            // speaker in (an opposition party, a union, the authorities).
            let code = people[p]
                .affiliation
                .clone()
                .filter(|c| !c.trim().is_empty())
                .or_else(|| analysis.camps.get(p).copied().flatten().map(str::to_string));
            let slug = side_slug(code.as_deref());
            match sides.iter_mut().find(|s| s.slug == slug) {
                Some(side) => side.people.push(p),
                None => {
                    let label = code
                        .as_deref()
                        .map_or_else(|| "Side not stated".to_string(), side_label);
                    sides.push(Side {
                        code,
                        slug,
                        label,
                        people: vec![p],
                    });
                }
            }
        }
        sides.sort_by_key(|s| s.code.is_none());
        let mut rank = vec![0; analysis.statements.len()];
        for (r, &n) in order.iter().enumerate() {
            rank[n] = r;
        }
        SpeakerIndex {
            slugs,
            statements,
            unattributed,
            sides,
            rank,
        }
    }

    /// What `slug` names here, if anything.
    pub fn find(&self, slug: &str) -> Option<Who> {
        if slug == UNATTRIBUTED {
            return (!self.unattributed.is_empty()).then_some(Who::Unattributed);
        }
        if let Some(s) = self.sides.iter().position(|s| s.slug == slug) {
            return Some(Who::Side(s));
        }
        self.slugs.iter().position(|s| s == slug).map(Who::Person)
    }

    /// Like [`find`](Self::find), and for a person's slug from another
    /// article also a person here with the same surname (`zelensky` and
    /// `volodymyr-zelenskyy` differ, but "Zelenskyy" alone matches), when
    /// exactly one person here fits.
    pub fn find_across(&self, analysis: &Analysis, slug: &str) -> Option<Who> {
        if let Some(who) = self.find(slug) {
            return Some(who);
        }
        if slug.starts_with("side-") || slug == UNATTRIBUTED {
            return None;
        }
        let surname = slug.rsplit('-').next().filter(|s| s.len() > 2)?;
        let mut fits = (0..self.slugs.len()).filter(|&p| {
            analysis
                .people
                .get(p)
                .is_some_and(|person| person.kind == SpeakerKind::Person)
                && self.slugs[p].rsplit('-').next() == Some(surname)
        });
        match (fits.next(), fits.next()) {
            (Some(p), None) => Some(Who::Person(p)),
            _ => None,
        }
    }

    /// The slug naming `who`.
    pub fn slug(&self, who: Who) -> &str {
        match who {
            Who::Person(p) => self.slugs.get(p).map_or(UNATTRIBUTED, String::as_str),
            Who::Side(s) => self.sides.get(s).map_or(UNATTRIBUTED, |s| s.slug.as_str()),
            Who::Unattributed => UNATTRIBUTED,
        }
    }

    /// The name shown for `who`.
    pub fn label(&self, analysis: &Analysis, who: Who) -> String {
        match who {
            Who::Person(p) => analysis
                .people
                .get(p)
                .map_or_else(String::new, |p| p.name.clone()),
            Who::Side(s) => self
                .sides
                .get(s)
                .map_or_else(String::new, |s| s.label.clone()),
            Who::Unattributed => "Unattributed".to_string(),
        }
    }

    /// The statements of `who`, in article order.
    pub fn statements_of(&self, who: Who) -> Vec<usize> {
        let rank = |n: &usize| self.rank.get(*n).copied().unwrap_or(usize::MAX);
        match who {
            Who::Person(p) => self.statements.get(p).cloned().unwrap_or_default(),
            Who::Side(s) => {
                let mut all: Vec<usize> = self
                    .sides
                    .get(s)
                    .map(|side| {
                        side.people
                            .iter()
                            .flat_map(|&p| self.statements[p].iter().copied())
                            .collect()
                    })
                    .unwrap_or_default();
                all.sort_by_key(rank);
                all
            }
            Who::Unattributed => self.unattributed.clone(),
        }
    }

    /// The side a person belongs to, if they make statements.
    pub fn side_of(&self, person: usize) -> Option<usize> {
        self.sides.iter().position(|s| s.people.contains(&person))
    }

    /// People who make statements, side by side, in the sides' order.
    pub fn speakers(&self) -> impl Iterator<Item = usize> + '_ {
        self.sides.iter().flat_map(|s| s.people.iter().copied())
    }
}

/// Statement indices sorted by where they start in the text: the analysis
/// lists them in that order today, but nothing here relies on it.
fn in_article_order(analysis: &Analysis) -> Vec<usize> {
    let mut order: Vec<usize> = (0..analysis.statements.len()).collect();
    order.sort_by_key(|&n| (analysis.statements[n].span.start, n));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    const TEXT: &str = "Ukrainian President Volodymyr Zelenskyy said the town still holds. \
        Kremlin spokesperson Dmitry Peskov said Russian forces had taken Pokrovsk. \
        Zelenskyy insisted fighting was still ongoing. \
        “It is over,” someone said.";

    #[test]
    fn speakers_get_slugs_sides_and_statements() {
        let analysis = analyze(TEXT);
        let index = SpeakerIndex::new(&analysis);
        assert_eq!(index.slugs.len(), analysis.people.len());
        let zelenskyy = index
            .find("volodymyr-zelenskyy")
            .expect("Zelenskyy has a slug");
        let Who::Person(p) = zelenskyy else {
            panic!("{zelenskyy:?}")
        };
        assert_eq!(index.statements_of(zelenskyy).len(), 2);
        let side = index.side_of(p).expect("a speaker has a side");
        assert_eq!(index.sides[side].slug, "side-ua");
        assert_eq!(index.label(&analysis, Who::Side(side)), "Ukraine");
        assert_eq!(index.find("side-ua"), Some(Who::Side(side)));
        assert_eq!(index.find("no-such-person"), None);
        for who in index.speakers().map(Who::Person) {
            assert_eq!(index.find(index.slug(who)), Some(who));
        }
    }

    #[test]
    fn every_statement_is_someones_or_unattributed() {
        let analysis = analyze(TEXT);
        let index = SpeakerIndex::new(&analysis);
        let mut seen: Vec<usize> = index
            .statements
            .iter()
            .flatten()
            .chain(&index.unattributed)
            .copied()
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..analysis.statements.len()).collect::<Vec<_>>());
    }

    #[test]
    fn an_empty_analysis_has_no_speakers_and_finds_nothing() {
        let index = SpeakerIndex::new(&analyze(""));
        assert!(index.sides.is_empty() && index.unattributed.is_empty());
        assert_eq!(index.find(UNATTRIBUTED), None);
        assert_eq!(index.statements_of(Who::Side(3)), Vec::<usize>::new());
        assert_eq!(index.label(&analyze(""), Who::Person(9)), "");
    }

    #[test]
    fn statements_with_no_or_an_unknown_speaker_are_unattributed() {
        let mut analysis = analyze(TEXT);
        assert!(analysis.statements.len() >= 2);
        analysis.statements[0].speaker = None;
        analysis.statements[1].speaker = Some(analysis.people.len() + 7);
        let index = SpeakerIndex::new(&analysis);
        assert_eq!(index.find(UNATTRIBUTED), Some(Who::Unattributed));
        let unattributed = index.statements_of(Who::Unattributed);
        assert!(unattributed.starts_with(&[0, 1]), "{unattributed:?}");
        assert_eq!(index.label(&analysis, Who::Unattributed), "Unattributed");
    }

    #[test]
    fn a_surname_finds_the_same_person_in_another_article() {
        let analysis = analyze(TEXT);
        let index = SpeakerIndex::new(&analysis);
        assert_eq!(
            index.find_across(&analysis, "zelenskyy"),
            index.find("volodymyr-zelenskyy")
        );
        assert_eq!(index.find_across(&analysis, "side-xx"), None);
    }
}
