//! `cargo run --release --bin bench`: timings of the places stages.
//!
//! Reports the gazetteer's size and load time, the analysis time of each
//! bundled seed article, and throughput on a large input (the seeds
//! concatenated 100 times). A plain binary rather than a timed test, so the
//! figures are measured with release settings and never fail a build.

use std::time::{Duration, Instant};

use news_atlas::analysis::{self, gazetteer, mentions, resolve, segment};

const SEEDS: &[(&str, &str)] = &[
    ("seed-1", include_str!("../../articles/seed-1.txt")),
    ("seed-2", include_str!("../../articles/seed-2.txt")),
];

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

fn places_stages(text: &str) -> usize {
    let gaz = &*gazetteer::GAZETTEER;
    let found = mentions::find(text, gaz);
    let sentences = segment::segment(text).sentences;
    resolve::resolve(text, gaz, &found, &sentences).places.len()
}

fn main() {
    println!(
        "gazetteer: {} bytes embedded (zlib)",
        gazetteer::PACKED_SIZE
    );
    let t = Instant::now();
    let g = gazetteer::decode_bundled().expect("bundled gazetteer decodes");
    let first = t.elapsed();
    println!(
        "gazetteer load: {:.1} ms first, {:.1} ms median of 9 ({} places, {} names)",
        first.as_secs_f64() * 1e3,
        median(9, || {
            std::hint::black_box(gazetteer::decode_bundled().ok());
        })
        .as_secs_f64()
            * 1e3,
        g.entries.len(),
        g.name_count()
    );
    // Warm the shared table so article timings exclude the load.
    std::hint::black_box(&*gazetteer::GAZETTEER);

    for (id, file) in SEEDS {
        let text = file.split_once("\n---\n").map_or(*file, |(_, body)| body);
        let places = median(51, || {
            std::hint::black_box(places_stages(text));
        });
        let whole = median(51, || {
            std::hint::black_box(analysis::analyze(text));
        });
        println!(
            "{id} ({} bytes): places stages {:.3} ms, whole analyze {:.3} ms",
            text.len(),
            places.as_secs_f64() * 1e3,
            whole.as_secs_f64() * 1e3
        );
    }

    let mut big = String::new();
    for _ in 0..100 {
        for (_, file) in SEEDS {
            big.push_str(file.split_once("\n---\n").map_or(*file, |(_, b)| b));
            big.push_str("\n\n");
        }
    }
    let mb = big.len() as f64 / 1e6;
    let t = Instant::now();
    let n = places_stages(&big);
    let places = t.elapsed().as_secs_f64();
    let t = Instant::now();
    std::hint::black_box(analysis::analyze(&big));
    let whole = t.elapsed().as_secs_f64();
    println!(
        "large input ({mb:.2} MB, {n} places): places stages {:.1} MB/s, whole analyze {:.1} MB/s",
        mb / places,
        mb / whole
    );
}
