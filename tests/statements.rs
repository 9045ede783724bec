// Native only: these read ../shared from disk and use proptest.
#![cfg(not(target_arch = "wasm32"))]
//! The "who said what" stages against the seed gold in `../shared/seed-gold`:
//! quotes found and attributed, statements (speaker + sentence) found,
//! contrasts found with few false pairs, and every gold event's numbers.
//! Each test prints its measured figures (run with `--nocapture`).

use std::path::{Path, PathBuf};

use news_atlas::analysis::{analyze, Analysis, Span};
use serde_json::Value;

const SEEDS: &[(&str, &str)] = &[
    ("seed-1.json", "000_b00aecb458d936a0.txt"),
    ("seed-2.json", "004_72ebec5e8e5c27c6.txt"),
];

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.join("seed-gold").is_dir().then_some(p)
}

struct Seed {
    name: &'static str,
    text: String,
    gold: Value,
    analysis: Analysis,
}

fn seeds() -> Vec<Seed> {
    let Some(dir) = shared() else {
        eprintln!("../shared/seed-gold is not here: skipping the gold tests");
        return Vec::new();
    };
    SEEDS
        .iter()
        .map(|(gold, text)| {
            let text = std::fs::read_to_string(dir.join("seeds").join(text)).unwrap();
            let gold: Value = serde_json::from_str(
                &std::fs::read_to_string(dir.join("seed-gold").join(gold)).unwrap(),
            )
            .unwrap();
            let analysis = analyze(&text);
            Seed {
                name: gold_name(gold.get("id")),
                text,
                gold,
                analysis,
            }
        })
        .collect()
}

fn gold_name(v: Option<&Value>) -> &'static str {
    match v.and_then(Value::as_str) {
        Some("seed-1") => "seed-1",
        Some("seed-2") => "seed-2",
        _ => "seed",
    }
}

fn list<'a>(g: &'a Value, key: &str) -> &'a [Value] {
    g.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// Words of a name, lower-cased, without parentheses, articles and
/// country forms folded ("Russia’s" and "Russian" are the same side).
fn name_words(name: &str) -> Vec<String> {
    let bare = name.split('(').next().unwrap_or(name);
    bare.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !matches!(w.as_str(), "the" | "of" | "a" | "an" | "unnamed" | "s"))
        .map(|w| match news_atlas::analysis::lexicon::country(&w) {
            Some((c, _)) => c.code.to_lowercase(),
            None => w,
        })
        .collect()
}

/// A system speaker name fits a gold one when equal, sharing the surname
/// of a person, or when one's words are all among the other's.
fn same_speaker(mine: &str, gold: &str) -> bool {
    let a = name_words(mine);
    let b = name_words(gold);
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b
        || a.iter().all(|w| b.contains(w))
        || b.iter().all(|w| a.contains(w))
        || (a.len() >= 2 && b.len() >= 2 && a.last() == b.last())
}

fn gold_span(text: &str, sentence: &str) -> Option<Span> {
    text.find(sentence)
        .map(|i| Span::new(i, i + sentence.len()))
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn speaker_name(a: &Analysis, p: Option<usize>) -> &str {
    p.and_then(|i| a.people.get(i))
        .map_or("", |p| p.name.as_str())
}

/// Index of the system statement matching a gold (speaker, sentence).
fn find_statement(seed: &Seed, speaker: &str, sentence: &str) -> Option<usize> {
    let span = gold_span(&seed.text, sentence)?;
    seed.analysis.statements.iter().position(|st| {
        overlaps(st.span, span) && same_speaker(speaker_name(&seed.analysis, st.speaker), speaker)
    })
}

#[test]
fn quotes_are_found_and_attributed() {
    let (mut total, mut found, mut right) = (0, 0, 0);
    let (mut direct_total, mut direct_right) = (0, 0);
    for seed in seeds() {
        let (mut t, mut f, mut r) = (0, 0, 0);
        for q in list(&seed.gold, "quotes") {
            if q.get("direct").and_then(Value::as_bool) == Some(true) {
                direct_total += 1;
                let whole = seed
                    .analysis
                    .quotes
                    .iter()
                    .find(|m| m.span.slice(&seed.text) == s(q, "text"));
                if whole.is_some_and(|m| {
                    same_speaker(speaker_name(&seed.analysis, m.speaker), s(q, "speaker"))
                }) {
                    direct_right += 1;
                }
            }
            t += 1;
            let mine = seed
                .analysis
                .quotes
                .iter()
                .find(|m| m.span.slice(&seed.text) == s(q, "text"));
            if let Some(m) = mine {
                f += 1;
                let want = s(q, "speaker");
                let got = speaker_name(&seed.analysis, m.speaker);
                if (want == "UNKNOWN" && m.speaker.is_none()) || same_speaker(got, want) {
                    r += 1;
                } else {
                    eprintln!(
                        "{}: quote {:?} given to {got:?}, gold {want:?}",
                        seed.name,
                        s(q, "text")
                    );
                }
            } else {
                eprintln!("{}: quote not found: {:?}", seed.name, s(q, "text"));
            }
        }
        eprintln!(
            "{}: quotes found {f}/{t}, attributed right {r}/{f}",
            seed.name
        );
        total += t;
        found += f;
        right += r;
    }
    if total == 0 {
        return;
    }
    let recall = found as f64 / total as f64;
    let accuracy = right as f64 / found.max(1) as f64;
    eprintln!(
        "quotes (every gold quote, whole utterances and fragments): recall {recall:.3} ({found}/{total}), attribution {accuracy:.3} ({right}/{found}); whole utterances only: {direct_right}/{direct_total} found with the right speaker"
    );
    assert!(recall >= 0.95, "quote recall {recall:.3}");
    assert!(accuracy >= 0.95, "attribution accuracy {accuracy:.3}");
}

#[test]
fn statements_are_found() {
    let (mut total, mut found) = (0, 0);
    for seed in seeds() {
        let (mut t, mut f) = (0, 0);
        for st in list(&seed.gold, "statements") {
            t += 1;
            if find_statement(&seed, s(st, "speaker"), s(st, "sentence")).is_some() {
                f += 1;
            } else {
                eprintln!(
                    "{}: statement missed: {} | {}",
                    seed.name,
                    s(st, "speaker"),
                    s(st, "sentence")
                );
            }
        }
        eprintln!(
            "{}: statements found {f}/{t} ({:.3})",
            seed.name,
            f as f64 / t.max(1) as f64
        );
        total += t;
        found += f;
    }
    if total == 0 {
        return;
    }
    let recall = found as f64 / total as f64;
    eprintln!("statements: recall {recall:.3} ({found}/{total})");
    assert!(recall >= 0.85, "statement recall {recall:.3}");
}

#[test]
fn contrasts_are_found_with_few_false_pairs() {
    let (mut firm_total, mut firm_found, mut all_total, mut all_found) = (0, 0, 0, 0);
    for seed in seeds() {
        let a = &seed.analysis;
        let mut matched = vec![false; a.contrasts.len()];
        let (mut ft, mut ff, mut at, mut af) = (0, 0, 0, 0);
        for c in list(&seed.gold, "contrasts") {
            let doubtful = s(c, "note").starts_with("doubtful");
            let side = |k: &str| {
                let v = c.get(k).cloned().unwrap_or(Value::Null);
                (s(&v, "speaker").to_string(), s(&v, "sentence").to_string())
            };
            let (sa, sb) = (side("a"), side("b"));
            let sa_span = gold_span(&seed.text, &sa.1);
            let sb_span = gold_span(&seed.text, &sb.1);
            let fits = |i: usize, who: &str, span: Option<Span>| {
                let st = &a.statements[i];
                span.is_some_and(|sp| overlaps(st.span, sp))
                    && same_speaker(speaker_name(a, st.speaker), who)
            };
            let hit = a.contrasts.iter().position(|m| {
                (fits(m.a, &sa.0, sa_span) && fits(m.b, &sb.0, sb_span))
                    || (fits(m.b, &sa.0, sa_span) && fits(m.a, &sb.0, sb_span))
            });
            at += 1;
            if !doubtful {
                ft += 1;
            }
            if let Some(h) = hit {
                matched[h] = true;
                af += 1;
                if !doubtful {
                    ff += 1;
                }
            } else {
                eprintln!(
                    "{}: contrast missed{}: {}",
                    seed.name,
                    if doubtful { " (doubtful)" } else { "" },
                    s(c, "topic")
                );
            }
        }
        let false_pairs: Vec<_> = a
            .contrasts
            .iter()
            .zip(&matched)
            .filter(|(_, m)| !**m)
            .collect();
        for (c, _) in &false_pairs {
            eprintln!(
                "{}: contrast not in gold: {} <-> {}: {} ({})",
                seed.name,
                speaker_name(a, a.statements[c.a].speaker),
                speaker_name(a, a.statements[c.b].speaker),
                c.topic,
                c.reason
            );
        }
        eprintln!(
            "{}: contrasts found {ff}/{ft} firm, {af}/{at} with doubtful; false pairs {}",
            seed.name,
            false_pairs.len()
        );
        assert!(
            false_pairs.len() <= 1,
            "{}: {} false pairs",
            seed.name,
            false_pairs.len()
        );
        firm_total += ft;
        firm_found += ff;
        all_total += at;
        all_found += af;
    }
    if firm_total == 0 {
        return;
    }
    let firm = firm_found as f64 / firm_total as f64;
    let all = all_found as f64 / all_total.max(1) as f64;
    eprintln!("contrasts: recall {firm:.3} of firm gold ({firm_found}/{firm_total}), {all:.3} of all ({all_found}/{all_total})");
    assert!(firm >= 0.7, "contrast recall {firm:.3}");
}

#[test]
fn every_gold_event_is_found_with_its_numbers() {
    for seed in seeds() {
        let a = &seed.analysis;
        let (mut t, mut f, mut placed) = (0, 0, 0);
        for e in list(&seed.gold, "events") {
            t += 1;
            let span = gold_span(&seed.text, s(e, "sentence"));
            // Numbers the sentence writes as numerals or number words; a
            // count read off an article ("an apartment building" = 1) is
            // checked through the event's figure too.
            let want: Vec<u64> = e
                .get("numbers")
                .and_then(Value::as_object)
                .map(|m| m.values().filter_map(Value::as_u64).collect())
                .unwrap_or_default();
            let mine = a
                .events
                .iter()
                .find(|m| span.is_some_and(|sp| overlaps(m.span, sp)));
            match mine {
                Some(m) => {
                    let values: Vec<u64> = m.figures.iter().map(|f| f.value).collect();
                    let missing: Vec<&u64> = want.iter().filter(|v| !values.contains(v)).collect();
                    assert!(
                        missing.is_empty(),
                        "{}: event {:?} lacks {missing:?} (has {values:?})",
                        seed.name,
                        s(e, "what")
                    );
                    f += 1;
                    let place = m
                        .place
                        .and_then(|p| a.places.get(p))
                        .map_or("", |p| p.name.as_str());
                    if !place.is_empty()
                        && (place.contains(s(e, "place")) || s(e, "place").contains(place))
                    {
                        placed += 1;
                    } else {
                        eprintln!(
                            "{}: event place {place:?}, gold {:?}",
                            seed.name,
                            s(e, "place")
                        );
                    }
                }
                None => panic!("{}: gold event not found: {}", seed.name, s(e, "sentence")),
            }
        }
        eprintln!(
            "{}: events found with numbers {f}/{t}; same place {placed}/{t}",
            seed.name
        );
    }
}

#[test]
fn people_have_gold_roles_sides_and_aliases() {
    for seed in seeds() {
        let a = &seed.analysis;
        let (mut t, mut f, mut side) = (0, 0, 0);
        for p in list(&seed.gold, "people") {
            t += 1;
            let Some(mine) = a
                .people
                .iter()
                .find(|m| same_speaker(&m.name, s(p, "name")))
            else {
                eprintln!("{}: person missed: {}", seed.name, s(p, "name"));
                continue;
            };
            f += 1;
            let gold_aff = s(p, "affiliation");
            if mine
                .affiliation
                .as_deref()
                .is_some_and(|m| gold_aff.starts_with(m))
            {
                side += 1;
            } else {
                eprintln!(
                    "{}: {} side {:?}, gold {gold_aff:?}",
                    seed.name, mine.name, mine.affiliation
                );
            }
        }
        eprintln!("{}: people found {f}/{t}, side right {side}/{f}", seed.name);
        assert_eq!(f, t, "{}: every gold person is found", seed.name);
        assert!(side * 10 >= f * 9, "{}: sides right {side}/{f}", seed.name);
    }
}

#[test]
fn report_json_carries_the_statement_schema() {
    let text = "Kremlin spokesperson Dmitry Peskov said talks would go on. \
                “We are ready,” he said. Ukraine’s Air Force said 40 drones were downed, killing two people.";
    let a = analyze(text);
    let report = news_atlas::analysis::report::ArticleReport::new("t", "T", text, &a);
    let json: Value = serde_json::to_value(&report).unwrap();
    let statement = &json["statements"][0];
    for key in [
        "speaker",
        "speaker_kind",
        "cue",
        "stance",
        "direct",
        "quote",
        "content",
        "sentence",
        "start",
        "end",
    ] {
        assert!(
            statement.get(key).is_some(),
            "statements[0] lacks {key}: {statement}"
        );
    }
    for key in ["name", "role", "affiliation", "mentions"] {
        assert!(
            json["people"][0].get(key).is_some(),
            "people[0] lacks {key}"
        );
    }
    assert!(json["contrasts"].is_array() && json["events"].is_array() && json["quotes"].is_array());
    // Spans slice back to the texts the report gives.
    for s in json["statements"].as_array().unwrap() {
        let (b, e) = (
            s["content_start"].as_u64().unwrap() as usize,
            s["content_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[b..e], s["content"].as_str().unwrap());
    }
    assert_eq!(json["statements"][1]["quote"], "We are ready,");
    assert_eq!(json["statements"][1]["speaker"], "Dmitry Peskov");
    assert_eq!(json["events"][0]["figures"][1]["what"], "killed");
}
