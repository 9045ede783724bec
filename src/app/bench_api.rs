//! Hooks for the in-browser benchmark (`bench/browser.mjs`): the analysis
//! timed from the page, and the size of the wasm memory. Not used by the UI.

use wasm_bindgen::prelude::*;

use crate::analysis;

/// True once the place data (the gazetteer) is installed: the benchmark
/// waits for it before it analyses anything.
#[wasm_bindgen]
pub fn place_data_ready() -> bool {
    analysis::gazetteer::GAZETTEER.get().is_some()
}

/// Analyses `text` as the page would (in parts when it is long, or always
/// when `in_parts`) and returns "places people statements" as a string,
/// so the caller sees the work was done without a large copy across.
/// Before the place data is installed it analyses nothing and says so.
#[wasm_bindgen]
pub fn analyze_for_benchmark(text: &str, in_parts: bool) -> String {
    if !place_data_ready() {
        return "place data not loaded".to_string();
    }
    let a = if in_parts || text.len() > analysis::parts::PART_BYTES {
        analysis::parts::analyze_in_parts(text)
    } else {
        analysis::analyze(text)
    };
    format!(
        "{} {} {}",
        a.places.len(),
        a.people.len(),
        a.statements.len()
    )
}

/// Bytes of linear memory the wasm module holds now.
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
