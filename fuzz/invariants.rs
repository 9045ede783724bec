//! What every analysis must satisfy, whatever the input: each span is a
//! half-open byte range on char boundaries inside the text, and each index
//! points inside its list. Shared by the fuzzer (`fuzz/main.rs`) and the
//! bad-input matrix (`tests/bad_input.rs`) through `#[path]`.

use news_atlas::analysis::{Analysis, Span};

/// The first broken invariant, as a sentence naming the item.
pub fn check(text: &str, a: &Analysis) -> Result<(), String> {
    let span = |s: Span, what: &str| -> Result<(), String> {
        if s.start > s.end || s.end > text.len() {
            return Err(format!("{what}: {s:?} out of 0..{}", text.len()));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("{what}: {s:?} not on char boundaries"));
        }
        Ok(())
    };
    let index = |ok: bool, what: &str| -> Result<(), String> {
        if ok {
            Ok(())
        } else {
            Err(format!("{what}: index out of its list"))
        }
    };
    for p in &a.paragraphs {
        span(p.span, "paragraph")?;
    }
    for s in &a.sentences {
        span(s.span, "sentence")?;
        index(s.paragraph < a.paragraphs.len(), "sentence paragraph")?;
    }
    for p in &a.places {
        index(p.mentions.len() == p.sentences.len(), "place sentences")?;
        for m in &p.mentions {
            span(*m, "place mention")?;
        }
        for (m, s) in p.mentions.iter().zip(&p.sentences) {
            if let Some(s) = s {
                index(*s < a.sentences.len(), "place sentence")?;
                if !a.sentences[*s].span.contains(*m) {
                    return Err(format!("place mention {m:?} outside its sentence {s}"));
                }
            }
        }
        index(p.lat.is_finite() && p.lon.is_finite(), "place coordinates")?;
    }
    for u in &a.unresolved {
        span(u.span, "unresolved name")?;
    }
    for d in &a.demonyms {
        span(d.span, "demonym")?;
    }
    for m in &a.metonyms {
        span(m.span, "metonym")?;
    }
    for p in &a.people {
        for m in &p.mentions {
            span(m.span, "person mention")?;
        }
    }
    for q in &a.quotes {
        span(q.span, "quote")?;
        span(q.open, "quote mark")?;
        if let Some(c) = q.close {
            span(c, "closing mark")?;
        }
        index(
            q.speaker.is_none_or(|p| p < a.people.len()),
            "quote speaker",
        )?;
        index(
            q.statement.is_none_or(|s| s < a.statements.len()),
            "quote statement",
        )?;
    }
    for s in &a.statements {
        span(s.span, "statement")?;
        span(s.content, "statement content")?;
        for c in s.cue.iter().chain(&s.cues).chain(&s.speaker_span) {
            span(*c, "cue or speaker")?;
        }
        index(
            s.speaker.is_none_or(|p| p < a.people.len()),
            "statement speaker",
        )?;
        index(s.sentence < a.sentences.len().max(1), "statement sentence")?;
        index(
            s.quotes.iter().all(|&q| q < a.quotes.len()),
            "statement quotes",
        )?;
        if s.speaker.is_none() && s.unresolved.is_none() {
            return Err("statement with no speaker and no reason".into());
        }
    }
    for c in &a.contrasts {
        index(
            c.a < a.statements.len() && c.b < a.statements.len() && c.a != c.b,
            "contrast",
        )?;
    }
    for e in &a.events {
        span(e.span, "event")?;
        for f in &e.figures {
            span(f.span, "figure")?;
        }
        index(e.place.is_none_or(|p| p < a.places.len()), "event place")?;
        index(e.sentence < a.sentences.len().max(1), "event sentence")?;
    }
    for w in &a.warnings {
        if let Some(s) = w.span {
            span(s, "warning")?;
        }
    }
    Ok(())
}
