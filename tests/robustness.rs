// Native only: these read ../shared from disk and use proptest.
#![cfg(not(target_arch = "wasm32"))]
//! Property tests: any input gives a result, never a panic; every span is
//! a valid half-open range on char boundaries; every index points inside
//! its list; and the speech stages run in near-linear time.
//!
//! Inputs come from a small seeded generator (no extra crate) that mixes
//! words, names, reporting verbs, every kind of quote mark, numbers,
//! control characters, multi-byte text and line breaks.

use std::time::{Duration, Instant};

use news_atlas::analysis::{analyze, segment, speech, Analysis, Span};

#[path = "../fuzz/rng.rs"]
mod rng;

use rng::Rng;

const PIECES: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "warned that",
    "he",
    "she",
    "they",
    "the",
    "spokesman",
    "Putin",
    "Zelenskyy",
    "Kremlin spokesperson Dmitry Peskov",
    "Russia’s",
    "Defense Ministry",
    "regional officials",
    "U.S.",
    "Gen.",
    "St.",
    "J.",
    "1,000",
    "2½",
    "nearly",
    "9,600",
    "drones",
    "killed",
    "four",
    "people",
    "in",
    "Kyiv",
    "Pokrovsk",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "«",
    "»",
    "'",
    ",",
    ".",
    "!",
    "?",
    "…",
    ":",
    ";",
    "—",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    " ",
    " ",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\r",
    "\t",
    "é",
    "中文",
    "🙂",
    "e\u{301}",
    "\u{200b}",
    "ﬁ",
    "İ",
    "ß",
    "Ⅻ",
    "٣",
    "claimed",
    "denied",
    "captured",
    "still ongoing",
    "another",
    "commander",
    "its",
    "and",
    "Both",
    "according",
    "to",
    "’s",
    "that",
    "who",
    "which",
    "reports",
    "Governor",
];

fn random_text(rng: &mut Rng, pieces: usize) -> String {
    let mut s = String::new();
    for _ in 0..pieces {
        s.push_str(rng.pick(PIECES));
        if rng.next() % 3 == 0 {
            s.push(' ');
        }
    }
    s
}

fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what}: {s:?} out of 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what}: {s:?} not on char boundaries"
    );
}

fn check(text: &str, a: &Analysis) {
    for p in &a.paragraphs {
        check_span(text, p.span, "paragraph");
    }
    for s in &a.sentences {
        check_span(text, s.span, "sentence");
        assert!(s.paragraph < a.paragraphs.len());
    }
    for p in &a.people {
        for m in &p.mentions {
            check_span(text, m.span, "mention");
        }
    }
    for q in &a.quotes {
        check_span(text, q.span, "quote");
        check_span(text, q.open, "quote mark");
        if let Some(c) = q.close {
            check_span(text, c, "closing mark");
        }
        assert!(q.speaker.is_none_or(|p| p < a.people.len()));
        assert!(q.statement.is_none_or(|s| s < a.statements.len()));
    }
    for s in &a.statements {
        check_span(text, s.span, "statement");
        check_span(text, s.content, "content");
        for c in s.cue.iter().chain(&s.cues).chain(&s.speaker_span) {
            check_span(text, *c, "cue or speaker");
        }
        assert!(s.speaker.is_none_or(|p| p < a.people.len()));
        assert!(s.sentence < a.sentences.len().max(1));
        assert!(s.quotes.iter().all(|&q| q < a.quotes.len()));
        assert!(
            s.speaker.is_some() || s.unresolved.is_some(),
            "no speaker and no reason"
        );
    }
    for c in &a.contrasts {
        assert!(c.a < a.statements.len() && c.b < a.statements.len() && c.a != c.b);
    }
    for e in &a.events {
        check_span(text, e.span, "event");
        for f in &e.figures {
            check_span(text, f.span, "figure");
        }
        assert!(e.place.is_none_or(|p| p < a.places.len()));
    }
    for w in &a.warnings {
        if let Some(s) = w.span {
            check_span(text, s, "warning");
        }
    }
}

#[test]
fn random_inputs_never_panic_and_keep_spans_valid() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..400 {
        let n = 1 + (rng.next() % 300) as usize;
        let text = random_text(&mut rng, n);
        let a = analyze(&text);
        check(&text, &a);
        if round % 100 == 0 {
            eprintln!(
                "round {round}: {} bytes, {} statements",
                text.len(),
                a.statements.len()
            );
        }
    }
}

#[test]
fn mutated_articles_never_panic_and_keep_spans_valid() {
    // Real prose with quote marks, possessives and cues dropped in at
    // random: the shapes most likely to confuse the speaker reading.
    let seeds = [
        include_str!("../articles/seed-1.txt"),
        include_str!("../articles/seed-2.txt"),
    ];
    let inserts = [
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "«",
        "»",
        ",",
        ".",
        "\n",
        "\n\n",
        " said ",
        " he ",
        " according to ",
        " ’s ",
        "—",
        "(",
        ")",
        "\u{0}",
        " the spokesman said ",
        " Both ",
        " and ",
        ", who ",
        " calling it ",
        " his office said ",
    ];
    let mut rng = Rng(0x51A7_E5ED);
    for _ in 0..300 {
        let base: Vec<char> = seeds[(rng.next() % 2) as usize].chars().collect();
        let from = (rng.next() % base.len() as u64) as usize;
        let len = (rng.next() % 800) as usize;
        let mut text: Vec<char> = base[from..(from + len).min(base.len())].to_vec();
        for _ in 0..(rng.next() % 10) {
            let at = (rng.next() % (text.len() as u64 + 1)) as usize;
            if rng.next() % 3 == 0 && at < text.len() {
                text.remove(at);
            } else {
                let piece = rng.pick(&inserts);
                for (k, c) in piece.chars().enumerate() {
                    text.insert(at + k, c);
                }
            }
        }
        let text: String = text.into_iter().collect();
        let a = analyze(&text);
        check(&text, &a);
    }
}

#[test]
fn edge_inputs_never_panic() {
    let many_marks: String = "“\"”«'’‘»".repeat(1250);
    let inputs: Vec<String> = vec![
        String::new(),
        " \n\n\t ".into(),
        "“".into(),
        "”".into(),
        "\"".repeat(10_001),
        many_marks,
        "said said said according to according".into(),
        "\u{0}\u{1}\u{2} “said” \u{7f}".into(),
        ". . . ! ? …".into(),
        "He said “".into(),
        "’s ’s ’s".into(),
        "U.S.".repeat(2000),
        "a.".repeat(20_000),
        // Once sent the forward speaker reading into endless recursion:
        // "according to" inside a name's apposition.
        "Janan Sayeeq, spokesman for the  and Ministry according to  of Disasters, said 2,053 people had been killed.".into(),
    ];
    for text in inputs {
        let a = analyze(&text);
        check(&text, &a);
    }
}

/// The speech stages alone (segmentation plus people, quotes, statements,
/// contrasts, events) over `text`.
fn speech_only(text: &str) -> (Analysis, Duration) {
    let t = Instant::now();
    let seg = segment::segment(text);
    let mut a = Analysis {
        paragraphs: seg.paragraphs,
        sentences: seg.sentences,
        ..Analysis::default()
    };
    speech::run(text, &mut a);
    (a, t.elapsed())
}

/// The fastest of `runs` timings of the speech stages over `text`: the
/// minimum filters out other work on a shared machine.
fn best_of(text: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| speech_only(text).1)
        .min()
        .unwrap_or_default()
}

#[test]
fn speech_stages_run_in_near_linear_time() {
    let seed = include_str!("../articles/seed-1.txt");
    let unit = format!("{seed}\n\n“An unclosed quote opens here and never closes\n\n");
    let small: String = unit.repeat(250_000 / unit.len() + 1);
    let large: String = unit.repeat(1_000_000 / unit.len() + 1);
    let (a, _) = speech_only(&large);
    check(&large, &a);
    let t_small = best_of(&small, 2);
    let t_large = best_of(&large, 2);
    eprintln!(
        "speech stages: {} KB in {t_small:?}, {} KB in {t_large:?} ({} statements, {} warnings)",
        small.len() / 1000,
        large.len() / 1000,
        a.statements.len(),
        a.warnings.len()
    );
    // Four times the text: linear work takes about four times as long, a
    // quadratic cascade sixteen.
    assert!(
        t_large < t_small * 10 + Duration::from_millis(300),
        "{t_large:?} for 4x the text that took {t_small:?}"
    );
}

#[test]
fn quote_marks_in_bulk_run_in_near_linear_time() {
    let marks = ["“", "\"", "”", " said ", "\n", "«", " he ", "»"];
    let make = |n: usize| -> String {
        (0..n)
            .map(|i| marks[(i * 7 + i / 3) % marks.len()])
            .collect()
    };
    let small = make(25_000);
    let large = make(100_000);
    let (a, _) = speech_only(&small);
    check(&small, &a);
    let t1 = best_of(&small, 3);
    let t4 = best_of(&large, 2);
    eprintln!("quote marks: 25k in {t1:?}, 100k in {t4:?}");
    assert!(
        t4 < t1 * 10 + Duration::from_millis(300),
        "{t4:?} vs {t1:?}"
    );
}
