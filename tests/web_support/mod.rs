//! Helpers shared by the in-browser tests (tests/web_*.rs).

use std::time::Duration;

/// Yields to the browser until `ready` holds, or fails after about 5 s:
/// tests wait for a condition, never for a fixed time.
#[allow(dead_code)]
pub async fn wait_for(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..500 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

/// Installs the bundled gazetteer, as the page does with the file it
/// fetches (the page's wasm does not embed it). Once per test binary; later
/// calls keep the table already there.
#[allow(dead_code)]
pub fn install_place_data() -> &'static news_atlas::analysis::gazetteer::Gazetteer {
    news_atlas::analysis::gazetteer::GAZETTEER
        .install(include_bytes!("../../data/gazetteer.bin"))
        .expect("data/gazetteer.bin decodes in wasm")
}
