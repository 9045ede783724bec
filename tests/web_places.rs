//! In-browser check of the places stages (wasm-bindgen-test in headless
//! Chromium): the gazetteer decodes in the page's wasm and a seed article
//! resolves its places; with the feature `precomputed` (the page's build),
//! the build-time analyses and country names equal what the page computes.
//! Prints the decode and analysis times (run with `--release` for the
//! figures the page sees); it asserts no timing.
#![cfg(target_arch = "wasm32")]

use news_atlas::analysis::{analyze, gazetteer};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

mod web_support;

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
    let g = gazetteer::Gazetteer::decode(include_bytes!("../data/gazetteer.bin"))
        .expect("bundled gazetteer decodes in wasm");
    let load = performance_now() - t;
    assert!(g.entries.len() > 40_000);
    web_support::install_place_data();

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

/// The page draws a bundled article from its build-time analysis (computed
/// natively by build.rs) until the gazetteer is here: it must be exactly what
/// the page itself computes from the text, floats included.
#[cfg(feature = "precomputed")]
#[wasm_bindgen_test]
fn build_time_analyses_equal_the_pages_own() {
    web_support::install_place_data();
    let bundled = news_atlas::articles::bundled();
    assert_eq!(news_atlas::precomputed::ids().count(), bundled.len());
    for article in bundled {
        let built = news_atlas::precomputed::analysis(&article.id)
            .unwrap_or_else(|| panic!("{} has a build-time analysis", article.id));
        let here = analyze(&article.text);
        assert_eq!(built.places, here.places, "{}", article.id);
        assert_eq!(
            serde_json::to_string(&built).unwrap(),
            serde_json::to_string(&here).unwrap(),
            "{}",
            article.id
        );
    }
}

/// The country names the list groups by before the gazetteer is here are
/// the gazetteer's own.
#[cfg(feature = "precomputed")]
#[wasm_bindgen_test]
fn build_time_country_names_are_the_gazetteers() {
    let g = web_support::install_place_data();
    let names = news_atlas::precomputed::country_names();
    assert!(names.len() > 200, "{} countries", names.len());
    for (code, name) in names {
        let cc: [u8; 2] = code.as_bytes().try_into().unwrap();
        let entry = g.country(cc).expect("a country entry");
        assert_eq!(g.name_of(entry), *name, "{code}");
        assert_eq!(news_atlas::place_names::country_name(code), Some(*name));
    }
}
