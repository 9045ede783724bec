//! In-browser check of the places stages (wasm-bindgen-test in headless
//! Chromium): the embedded gazetteer decodes in the page's wasm and a seed
//! article resolves its places. Prints the decode and analysis times (run
//! with `--release` for the figures the page sees); it asserts no timing.
#![cfg(target_arch = "wasm32")]

use news_atlas::analysis::{analyze, gazetteer};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: milliseconds with sub-millisecond resolution.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

#[wasm_bindgen_test]
fn gazetteer_decodes_and_seed_resolves_in_the_browser() {
    let t = performance_now();
    let raw = miniz_oxide::inflate::decompress_to_vec_zlib(include_bytes!("../data/gazetteer.bin"))
        .expect("zlib");
    let inflate = performance_now() - t;
    assert!(raw.len() > 1_000_000);
    let t = performance_now();
    let g = gazetteer::decode_bundled().expect("bundled gazetteer decodes in wasm");
    let load = performance_now() - t;
    assert!(g.entries.len() > 40_000);

    let text = include_str!("../articles/seed-1.txt");
    let body = text.split_once("\n---\n").map_or(text, |(_, b)| b);
    // The first call also builds the shared table; the second is warm.
    let t = performance_now();
    let a = analyze(body);
    let first = performance_now() - t;
    let t = performance_now();
    let again = analyze(body);
    let warm = performance_now() - t;
    assert_eq!(a.places.len(), again.places.len());
    assert!(a
        .places
        .iter()
        .any(|p| p.name == "Pokrovsk" && p.country.as_deref() == Some("UA")));
    console_log!(
        "inflate alone {inflate:.1} ms; gazetteer decode {load:.1} ms; seed-1 analyze {first:.1} ms cold, {warm:.1} ms warm"
    );
}
