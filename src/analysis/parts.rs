//! Long texts analysed in parts: the text is cut at paragraph breaks into
//! parts of about [`PART_BYTES`], each part is analysed on its own, and the
//! results are joined into one [`Analysis`] with every span and index
//! rebased. This keeps the work linear in the text's length and lets the page
//! yield between parts (progress, cancel, a responsive page).
//!
//! What a part cannot see is context across its edges: a pronoun at the top
//! of a part does not reach a speaker at the bottom of the previous one, and
//! places are resolved with the context of their own part. News articles are
//! far shorter than a part, so they are always analysed whole.

use std::collections::HashMap;

use super::{analyze, Analysis, Span};

/// Target size of one part, in bytes.
pub const PART_BYTES: usize = 64 * 1024;

/// Splits `text` into consecutive spans covering it, each ending at a line
/// break (or the end) once it has reached `target` bytes.
pub fn split(text: &str, target: usize) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let want = boundary_at(text, start + target.max(1));
        let end = if want == text.len() {
            want
        } else {
            // The next line break at or after `want`; a text without breaks is
            // cut at a char boundary instead.
            match text[want..].find('\n') {
                Some(i) => want + i + 1,
                None => text.len(),
            }
        };
        let end = if end - start > 4 * target.max(1) {
            boundary_at(text, start + target.max(1))
        } else {
            end
        };
        parts.push(Span::new(start, end));
        start = end;
    }
    parts
}

fn boundary_at(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Analyses `text` in parts and joins the results (see the module docs).
/// A text of one part gives exactly [`analyze`]'s result.
pub fn analyze_in_parts(text: &str) -> Analysis {
    let mut whole = Analysis::default();
    for part in split(text, PART_BYTES) {
        append(&mut whole, analyze(part.slice(text)), part.start);
    }
    whole
}

/// Joins `part` (analysed from the text starting at byte `offset`) onto
/// `whole`: spans are shifted, indices rebased, and places and people that
/// both name are merged.
pub fn append(whole: &mut Analysis, part: Analysis, offset: usize) {
    let shift = |s: Span| Span::new(s.start + offset, s.end + offset);
    let paragraph_base = whole.paragraphs.len();
    let sentence_base = whole.sentences.len();
    let quote_base = whole.quotes.len();
    let statement_base = whole.statements.len();
    let group_base = whole
        .statements
        .iter()
        .filter_map(|s| s.group)
        .max()
        .map_or(0, |g| g + 1);

    for mut p in part.paragraphs {
        p.span = shift(p.span);
        whole.paragraphs.push(p);
    }
    for mut s in part.sentences {
        s.span = shift(s.span);
        s.paragraph += paragraph_base;
        whole.sentences.push(s);
    }

    // Places with the same slug are the same place.
    let mut place_map = Vec::with_capacity(part.places.len());
    let slugs: HashMap<String, usize> = whole
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug.clone(), i))
        .collect();
    for mut place in part.places {
        place.mentions.iter_mut().for_each(|m| *m = shift(*m));
        // `sentences` runs parallel to `mentions`: rebased and merged alike.
        place
            .sentences
            .iter_mut()
            .for_each(|s| *s = s.map(|s| s + sentence_base));
        match slugs.get(&place.slug) {
            Some(&i) => {
                whole.places[i].mentions.extend(place.mentions);
                whole.places[i].sentences.extend(place.sentences);
                place_map.push(i);
            }
            None => {
                place_map.push(whole.places.len());
                whole.places.push(place);
            }
        }
    }
    let remap_place = |p: Option<usize>| p.and_then(|i| place_map.get(i).copied());

    for mut u in part.unresolved {
        u.span = shift(u.span);
        whole.unresolved.push(u);
    }
    for mut d in part.demonyms {
        d.span = shift(d.span);
        whole.demonyms.push(d);
    }
    for mut m in part.metonyms {
        m.span = shift(m.span);
        whole.metonyms.push(m);
    }

    // People with the same name and kind are the same speaker.
    let mut person_map = Vec::with_capacity(part.people.len());
    let camps = part.camps;
    whole.camps.resize(whole.people.len(), None);
    for (k, mut person) in part.people.into_iter().enumerate() {
        let camp = camps.get(k).copied().flatten();
        person
            .mentions
            .iter_mut()
            .for_each(|m| m.span = shift(m.span));
        match whole
            .people
            .iter()
            .position(|p| p.name == person.name && p.kind == person.kind)
        {
            Some(i) => {
                let known = &mut whole.people[i];
                known.mentions.extend(person.mentions);
                if known.role.is_none() {
                    known.role = person.role;
                }
                if known.affiliation.is_none() {
                    known.affiliation = person.affiliation;
                    known.affiliation_source = person.affiliation_source;
                }
                if whole.camps[i].is_none() {
                    whole.camps[i] = camp;
                }
                person_map.push(i);
            }
            None => {
                person_map.push(whole.people.len());
                whole.people.push(person);
                whole.camps.push(camp);
            }
        }
    }
    let remap_person = |p: Option<usize>| p.and_then(|i| person_map.get(i).copied());

    for mut q in part.quotes {
        q.span = shift(q.span);
        q.open = shift(q.open);
        q.close = q.close.map(shift);
        q.speaker = remap_person(q.speaker);
        q.statement = q.statement.map(|s| s + statement_base);
        whole.quotes.push(q);
    }
    for mut s in part.statements {
        s.speaker = remap_person(s.speaker);
        s.speaker_span = s.speaker_span.map(shift);
        s.cue = s.cue.map(shift);
        s.cues.iter_mut().for_each(|c| *c = shift(*c));
        s.quotes.iter_mut().for_each(|q| *q += quote_base);
        s.content = shift(s.content);
        s.sentence += sentence_base;
        s.span = shift(s.span);
        s.group = s.group.map(|g| g + group_base);
        whole.statements.push(s);
    }
    let dispute_base = whole
        .contrasts
        .iter()
        .map(|c| c.dispute + 1)
        .max()
        .unwrap_or(0);
    for mut c in part.contrasts {
        c.dispute += dispute_base;
        c.a += statement_base;
        c.b += statement_base;
        c.place = remap_place(c.place);
        whole.contrasts.push(c);
    }
    for mut e in part.events {
        e.sentence += sentence_base;
        e.span = shift(e.span);
        e.place = remap_place(e.place);
        e.figures.iter_mut().for_each(|f| f.span = shift(f.span));
        whole.events.push(e);
    }
    for mut w in part.warnings {
        w.span = w.span.map(shift);
        whole.warnings.push(w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_1: &str = include_str!("../../articles/seed-1.txt");

    #[test]
    fn split_covers_the_text_at_line_breaks() {
        let text = "aaaa\nbbbb\ncccc\ndddd";
        let parts = split(text, 6);
        assert_eq!(
            parts.iter().map(|p| p.slice(text)).collect::<Vec<_>>(),
            ["aaaa\nbbbb\n", "cccc\ndddd"]
        );
        assert!(split("", 10).is_empty());
        let no_breaks = "é".repeat(100);
        let parts = split(&no_breaks, 7);
        assert!(parts.len() > 1 && parts.windows(2).all(|w| w[0].end == w[1].start));
        assert!(parts
            .iter()
            .all(|p| no_breaks.is_char_boundary(p.start) && no_breaks.is_char_boundary(p.end)));
    }

    #[test]
    fn an_article_in_one_part_is_analysed_as_a_whole() {
        let whole = analyze(SEED_1);
        let parted = analyze_in_parts(SEED_1);
        assert_eq!(parted.places, whole.places);
        assert_eq!(parted.statements, whole.statements);
        assert_eq!(parted.sentences, whole.sentences);
    }

    #[test]
    fn parts_join_with_spans_and_indices_rebased() {
        let text = format!("{SEED_1}\n{SEED_1}\n{SEED_1}");
        let mut joined = Analysis::default();
        for part in split(&text, SEED_1.len() / 2) {
            append(&mut joined, analyze(part.slice(&text)), part.start);
        }
        let single = analyze(SEED_1);
        let pokrovsk = |a: &Analysis| {
            a.places
                .iter()
                .find(|p| p.name == "Pokrovsk")
                .map(|p| p.mentions.len())
        };
        assert_eq!(
            pokrovsk(&joined),
            pokrovsk(&single).map(|n| 3 * n),
            "one place, mentions from every part"
        );
        assert!(joined
            .places
            .iter()
            .flat_map(|p| &p.mentions)
            .all(|m| !m.slice(&text).is_empty()));
        // Found by fuzzing: a place's sentences were neither rebased nor
        // merged, so they pointed into the first part or ran short.
        for p in &joined.places {
            assert_eq!(
                p.mentions.len(),
                p.sentences.len(),
                "{}: one sentence per mention",
                p.name
            );
            for (m, s) in p.mentions.iter().zip(&p.sentences) {
                if let Some(s) = s {
                    assert!(
                        joined.sentences[*s].span.contains(*m),
                        "{}: {m:?} in its sentence",
                        p.name
                    );
                }
            }
        }
        for s in &joined.statements {
            let sentence = joined.sentences[s.sentence].span;
            assert!(
                sentence.contains(s.span)
                    || s.span.contains(sentence)
                    || s.span.start < sentence.end,
                "statement in its sentence"
            );
            if let Some(p) = s.speaker {
                assert!(p < joined.people.len());
            }
            assert!(s.quotes.iter().all(|&q| q < joined.quotes.len()));
        }
        for c in &joined.contrasts {
            assert!(c.a < joined.statements.len() && c.b < joined.statements.len());
        }
        for e in &joined.events {
            assert!(
                e.sentence < joined.sentences.len()
                    && e.place.is_none_or(|p| p < joined.places.len())
            );
        }
        assert!(joined
            .sentences
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start));
    }
}
