//! `cargo run --release --bin bench`: native timings of the analysis.
//!
//! Reports the gazetteer's size and load time, the analysis time of each
//! bundled article, throughput on a large input (the articles concatenated
//! 100 times), a 1 MB text analysed as the page does (in parts) and a 5 MB
//! one. A plain binary rather than a timed test, so the figures are measured
//! with release settings and never fail a build.
//!
//! Options:
//!
//! - `--json FILE`: also write the figures as JSON (used by `scripts/bench.sh`).
//! - `--cities FILE`: write an article naming 500 distinct cities of the
//!   gazetteer, for the in-browser map benchmark.
//! - `--profile seeds|large|parts`: only loop over one workload, for `perf`.
//! - `--stages`: the median time of each stage on each bundled article.

use std::time::{Duration, Instant};

use news_atlas::analysis::place_mentions::PlaceMentions;
use news_atlas::analysis::{
    self, contrasts, events, gazetteer, mentions, parts, people, quotes, resolve, segment,
    statements, tokens,
};
use news_atlas::articles;

/// Median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn places_stages(text: &str) -> usize {
    let gaz = &*gazetteer::GAZETTEER;
    let found = mentions::find(text, gaz);
    let sentences = segment::segment(text).sentences;
    resolve::resolve(text, gaz, found, &sentences).places.len()
}

/// The bundled articles' texts, without their metadata headers.
fn seeds() -> Vec<(String, String)> {
    articles::bundled()
        .into_iter()
        .map(|a| (a.id, a.text))
        .collect()
}

/// The bundled articles joined end to end until the text reaches `bytes`,
/// cut at a paragraph break.
fn repeated(seeds: &[(String, String)], bytes: usize) -> String {
    let mut big = String::with_capacity(bytes + 16 * 1024);
    'fill: loop {
        for (_, text) in seeds {
            if big.len() >= bytes {
                break 'fill;
            }
            big.push_str(text);
            big.push_str("\n\n");
        }
    }
    big
}

/// An article naming `n` distinct, well-populated cities, one short sentence
/// each, so the map shows `n` markers.
fn cities_article(n: usize) -> String {
    let gaz = &*gazetteer::GAZETTEER;
    let mut cities: Vec<_> = gaz
        .entries
        .iter()
        .filter(|e| e.kind == analysis::PlaceKind::City)
        .collect();
    cities.sort_by_key(|e| std::cmp::Reverse(e.population));
    let mut seen = std::collections::HashSet::new();
    let mut text = String::from("Reporters filed from many cities this week.\n\n");
    let mut count = 0;
    for e in cities {
        let name = gaz.name_of(e);
        // Plain one-word-or-two ASCII names resolve unambiguously most often.
        if !name.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
            || !seen.insert(name.to_string())
        {
            continue;
        }
        text.push_str(&format!("Crowds gathered in {name} on Monday.\n\n"));
        count += 1;
        if count == n {
            break;
        }
    }
    text
}

fn profile(kind: &str) {
    let seeds = seeds();
    match kind {
        "seeds" => {
            for _ in 0..300 {
                for (_, text) in &seeds {
                    std::hint::black_box(analysis::analyze(text));
                }
            }
        }
        "large" => {
            std::hint::black_box(analysis::analyze(&repeated(&seeds, 1 << 20)));
        }
        "parts" => {
            std::hint::black_box(parts::analyze_in_parts(&repeated(&seeds, 5 << 20)));
        }
        other => eprintln!("bench: unknown profile {other:?} (seeds, large, parts)"),
    }
}

/// The median time of each stage of [`analysis::analyze`] on each bundled
/// article, every stage fed the real output of the ones before it: once
/// with each stage repeated by itself ("alone": its code and data stay in
/// cache, its branches learnt) and once with the stages run in turn, as
/// `analyze` runs them. The gap between the two columns is what the stages
/// cost each other.
fn stages() {
    let gaz = &*gazetteer::GAZETTEER;
    const RUNS: usize = 201;
    for (id, text) in &seeds() {
        let text = text.as_str();
        let seg = segment::segment(text);
        let sentences = &seg.sentences;
        let found = mentions::find(text, gaz);
        let places = resolve::resolve(text, gaz, found.clone(), sentences).places;
        let toks = tokens::tokenize(text);
        let lowered = tokens::Lowered::new(text, &toks);
        let index = PlaceMentions::new(&places);
        let found_people = people::find_people(text, &toks, sentences, &places, &index);
        let found_quotes = quotes::find_quotes(text, &seg.paragraphs, &mut Vec::new());
        let run_statements = |mut who: people::People, mut said: Vec<quotes::Quote>| {
            let s = statements::find_statements(
                text,
                &toks,
                lowered.words(),
                sentences,
                &seg.paragraphs,
                &places,
                &index,
                &mut who,
                &mut said,
            );
            (who, s)
        };
        let (who, said) = run_statements(found_people.clone(), found_quotes.clone());
        let found_events = events::find_events(
            text,
            &toks,
            lowered.words(),
            sentences,
            &places,
            &index,
            &said,
        );

        let alone = |f: &mut dyn FnMut()| median(RUNS, f);
        let alone = [
            alone(&mut || drop(std::hint::black_box(segment::segment(text)))),
            alone(&mut || drop(std::hint::black_box(mentions::find(text, gaz)))),
            alone(&mut || {
                // Includes cloning its input, which it consumes.
                drop(std::hint::black_box(resolve::resolve(
                    text,
                    gaz,
                    found.clone(),
                    sentences,
                )))
            }),
            alone(&mut || {
                let toks = tokens::tokenize(text);
                let lowered = tokens::Lowered::new(text, &toks);
                drop(std::hint::black_box((PlaceMentions::new(&places), lowered)));
            }),
            alone(&mut || {
                drop(std::hint::black_box(people::find_people(
                    text, &toks, sentences, &places, &index,
                )))
            }),
            alone(&mut || {
                drop(std::hint::black_box(quotes::find_quotes(
                    text,
                    &seg.paragraphs,
                    &mut Vec::new(),
                )))
            }),
            // Includes cloning its inputs, which it changes.
            alone(&mut || {
                drop(std::hint::black_box(run_statements(
                    found_people.clone(),
                    found_quotes.clone(),
                )))
            }),
            alone(&mut || {
                drop(std::hint::black_box(events::find_events(
                    text,
                    &toks,
                    lowered.words(),
                    sentences,
                    &places,
                    &index,
                    &said,
                )))
            }),
            alone(&mut || {
                drop(std::hint::black_box(contrasts::find_contrasts(
                    text,
                    sentences,
                    &places,
                    &who.people,
                    &said,
                    &index,
                    &found_events,
                )))
            }),
        ];

        // One row per step of the loop below, the last the whole run.
        let names = [
            "segment",
            "place mentions",
            "resolve",
            "tokens, index",
            "people",
            "quotes",
            "statements",
            "events",
            "contrasts",
            "drop",
            "all",
        ];
        let mut in_turn: Vec<Vec<Duration>> = vec![Vec::with_capacity(RUNS); names.len()];
        for _ in 0..RUNS {
            let start = Instant::now();
            let mut lap = start;
            let mut k = 0;
            let mut mark = |in_turn: &mut Vec<Vec<Duration>>| {
                in_turn[k].push(lap.elapsed());
                k += 1;
                lap = Instant::now();
            };
            let seg = segment::segment(text);
            mark(&mut in_turn);
            let found = mentions::find(text, gaz);
            mark(&mut in_turn);
            // What the places stages found besides the places is dropped with
            // the rest, as `analyze` drops it with the analysis.
            let mut resolved = resolve::resolve(text, gaz, found, &seg.sentences);
            let places = std::mem::take(&mut resolved.places);
            mark(&mut in_turn);
            let toks = tokens::tokenize(text);
            let lowered = tokens::Lowered::new(text, &toks);
            let index = PlaceMentions::new(&places);
            mark(&mut in_turn);
            let mut who = people::find_people(text, &toks, &seg.sentences, &places, &index);
            mark(&mut in_turn);
            let mut warnings = Vec::new();
            let mut q = quotes::find_quotes(text, &seg.paragraphs, &mut warnings);
            mark(&mut in_turn);
            let said = statements::find_statements(
                text,
                &toks,
                lowered.words(),
                &seg.sentences,
                &seg.paragraphs,
                &places,
                &index,
                &mut who,
                &mut q,
            );
            mark(&mut in_turn);
            // In `analyze`'s order: the events feed the contrasts.
            let e = events::find_events(
                text,
                &toks,
                lowered.words(),
                &seg.sentences,
                &places,
                &index,
                &said,
            );
            mark(&mut in_turn);
            let c = contrasts::find_contrasts(
                text,
                &seg.sentences,
                &places,
                &who.people,
                &said,
                &index,
                &e,
            );
            mark(&mut in_turn);
            drop(std::hint::black_box((
                seg, resolved, places, toks, who, q, said, c, e, warnings, index,
            )));
            mark(&mut in_turn);
            in_turn[names.len() - 1].push(start.elapsed());
        }
        let whole = median(RUNS, || drop(std::hint::black_box(analysis::analyze(text))));

        let us = |d: Duration| format!("{:>7.1}", d.as_secs_f64() * 1e6);
        println!("{id}: median µs of {RUNS} runs");
        println!("  {:<16} {:>7}  {:>7}", "stage", "alone", "in turn");
        for (i, (name, times)) in names.iter().zip(&mut in_turn).enumerate() {
            times.sort();
            let alone = alone.get(i).map_or(String::new(), |&d| us(d));
            println!("  {name:<16} {alone:>7}  {}", us(times[times.len() / 2]));
        }
        println!("  {:<16} {:>7}  {}", "analyze", "", us(whole));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if args.iter().any(|a| a == "--stages") {
        stages();
        return;
    }
    if let Some(kind) = arg("--profile") {
        profile(&kind);
        return;
    }
    if let Some(path) = arg("--cities") {
        std::fs::write(&path, cities_article(500)).expect("cities article written");
        println!("wrote {path}");
    }
    let mut json = serde_json::Map::new();
    let mut put = |k: &str, v: f64| {
        json.insert(k.to_string(), serde_json::json!(v));
    };

    // The file itself (the page fetches it; natively it is embedded), so
    // this builds for any target.
    let packed: &[u8] = include_bytes!("../../data/gazetteer.bin");
    println!("gazetteer: {} bytes (zlib)", packed.len());
    let t = Instant::now();
    let g = gazetteer::Gazetteer::decode(packed).expect("bundled gazetteer decodes");
    let first = t.elapsed();
    let load = median(9, || {
        std::hint::black_box(gazetteer::Gazetteer::decode(packed).ok());
    });
    println!(
        "gazetteer load: {:.1} ms first, {:.1} ms median of 9 ({} places, {} names)",
        ms(first),
        ms(load),
        g.entries.len(),
        g.name_count()
    );
    put("gazetteer_load_ms", ms(load));
    // Warm the shared table so article timings exclude the load.
    std::hint::black_box(&*gazetteer::GAZETTEER);

    let seeds = seeds();
    for (id, text) in &seeds {
        let places = median(51, || {
            std::hint::black_box(places_stages(text));
        });
        let whole = median(51, || {
            std::hint::black_box(analysis::analyze(text));
        });
        println!(
            "{id} ({} bytes): places stages {:.3} ms, whole analyze {:.3} ms",
            text.len(),
            ms(places),
            ms(whole)
        );
        put(&format!("{id}_analyze_ms"), ms(whole));
    }

    let big = repeated(
        &seeds,
        seeds.iter().map(|(_, t)| t.len() + 2).sum::<usize>() * 100,
    );
    let mb = big.len() as f64 / 1e6;
    let t = Instant::now();
    let n = places_stages(&big);
    let places = t.elapsed().as_secs_f64();
    let t = Instant::now();
    std::hint::black_box(analysis::analyze(&big));
    let whole = t.elapsed().as_secs_f64();
    let t = Instant::now();
    std::hint::black_box(parts::analyze_in_parts(&big));
    let in_parts = t.elapsed().as_secs_f64();
    println!(
        "large input ({mb:.2} MB, {n} places): places stages {:.1} MB/s, whole analyze {:.1} MB/s, in parts {:.1} MB/s",
        mb / places,
        mb / whole,
        mb / in_parts
    );
    put("large_mb", mb);
    put("large_whole_mb_s", mb / whole);
    put("large_parts_mb_s", mb / in_parts);

    let one = repeated(&seeds, 1 << 20);
    let one_parts = median(3, || {
        std::hint::black_box(parts::analyze_in_parts(&one));
    });
    println!("1 MiB in parts (as the page does): {:.1} ms", ms(one_parts));
    put("one_mb_parts_ms", ms(one_parts));

    let five = repeated(&seeds, 5 << 20);
    let t = Instant::now();
    std::hint::black_box(parts::analyze_in_parts(&five));
    let five_parts = t.elapsed();
    println!(
        "5 MiB in parts: {:.0} ms ({:.1} MB/s)",
        ms(five_parts),
        five.len() as f64 / 1e6 / five_parts.as_secs_f64()
    );
    put("five_mb_parts_ms", ms(five_parts));

    if let Some(path) = arg("--json") {
        std::fs::write(
            &path,
            serde_json::to_string_pretty(&json).expect("figures serialise"),
        )
        .expect("figures written");
    }
}
